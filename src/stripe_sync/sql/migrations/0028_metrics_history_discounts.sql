-- Billing metrics, second pass (issue 20's gaps): MRR from history, discount objects, speed.
--
-- 1. Subscription states over time. With history mode on for subscriptions (0026), the MRR
--    views read each subscription's recorded versions (the view "history"): every version
--    holds the subscription's items (items.data, each with its price and quantity), its
--    status, dates and discounts, so a plan or quantity change counts from the version that
--    brought it (an expansion or contraction on that day), not over the subscription's whole
--    life. The first recorded version also stands for the time before it (nothing earlier is
--    known). Without history, the views read the current rows, as 0027 did. The internal view
--    _subscription_states gives both: one row per subscription state and its interval.
--
-- 2. Discount objects. Since API version 2025-03-31 a subscription's `discounts` are ids unless
--    expanded, and a discount cannot be retrieved or listed; Stripe sends the objects in
--    customer.discount.created/updated/deleted events (data.object: a `discount`), and in
--    payloads fetched with expand[]=discounts. The write path now keeps every discount object
--    it is given in _discounts: from those events (which no object table mirrors, so they
--    were skipped) and from the subscriptions and items it writes with their discounts
--    expanded. subscription_discount_intervals resolves a bare id there.
--
-- 3. Speed. The views computed each subscription and item field from the typed columns,
--    each one reading (and decompressing) the whole jsonb payload again: about 20 reads of a
--    payload per item. They now read each payload once (jsonb_to_record). The MRR of each
--    customer is a running sum of its subscriptions' changes (window functions) instead of a
--    range join, which the planner, misled by estimates of one row, ran as a nested loop.
--
-- The views keep their columns (CREATE OR REPLACE); docs/concepts/metrics.md describes them.
-- Unqualified names: the migration runner sets search_path to the sync schema.


-- -- discount objects ---------------------------------------------------------------------------

CREATE TABLE "_discounts" (
    -- The discount id (di_...): unique across accounts, as every Stripe id.
    "id" text PRIMARY KEY,
    "account_id" text,
    -- What it applies to (its subscription, or one item of it; NULL for a customer's or an
    -- invoice's discount).
    "subscription" text,
    "subscription_item" text,
    -- The newest version seen of the discount object.
    "payload" jsonb NOT NULL,
    -- That version's time (the event's created, the time of the fetch).
    "version" timestamptz NOT NULL,
    -- When it was deleted (customer.discount.deleted's created), NULL while it applies.
    "deleted_at" timestamptz,
    "updated_at" timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE "_discounts" IS 'Every discount object the write path was given (customer.discount.* events, expanded discounts of subscriptions and items): the metric views resolve a subscription''s discount ids here.';
CREATE INDEX "_discounts_account_idx" ON "_discounts" ("account_id");
CREATE INDEX "_discounts_subscription_idx" ON "_discounts" ("subscription");


-- Keep discount objects: the newest version of each (an older one never overwrites it), and
-- the first deletion seen (a deletion is final). Elements that are not discount objects (ids,
-- anything else) are ignored. Idempotent.
CREATE FUNCTION "_discounts_record"(
    p_objects jsonb[],
    p_accounts text[],
    p_versions timestamptz[],
    p_deleted boolean[]
) RETURNS void
LANGUAGE sql
SET search_path FROM CURRENT
AS $fn$
    -- In id order, as every writer: concurrent groups wait instead of deadlocking.
    INSERT INTO "_discounts" AS d (id, account_id, subscription, subscription_item, payload,
                                   version, deleted_at)
    SELECT DISTINCT ON (x.o->>'id')
           x.o->>'id', x.account_id, "_id_of"(x.o->'subscription'),
           "_id_of"(x.o->'subscription_item'), x.o, x.version,
           CASE WHEN coalesce(x.deleted, false) THEN x.version END
    FROM unnest(p_objects, p_accounts, p_versions, p_deleted) AS x(o, account_id, version, deleted)
    WHERE jsonb_typeof(x.o) = 'object' AND x.o->>'object' = 'discount'
      AND jsonb_typeof(x.o->'id') = 'string' AND x.version IS NOT NULL
    ORDER BY x.o->>'id', coalesce(x.deleted, false) DESC, x.version DESC
    ON CONFLICT (id) DO UPDATE SET
        payload = CASE WHEN EXCLUDED.version >= d.version THEN EXCLUDED.payload
                       ELSE d.payload END,
        subscription = CASE WHEN EXCLUDED.version >= d.version
                            THEN coalesce(EXCLUDED.subscription, d.subscription)
                            ELSE d.subscription END,
        subscription_item = CASE WHEN EXCLUDED.version >= d.version
                                 THEN coalesce(EXCLUDED.subscription_item, d.subscription_item)
                                 ELSE d.subscription_item END,
        version = greatest(d.version, EXCLUDED.version),
        -- least() ignores NULLs: the first deletion seen stays.
        deleted_at = least(d.deleted_at, EXCLUDED.deleted_at),
        updated_at = now()
    WHERE EXCLUDED.version >= d.version OR EXCLUDED.deleted_at < d.deleted_at
       OR (d.deleted_at IS NULL AND EXCLUDED.deleted_at IS NOT NULL);
$fn$;
COMMENT ON FUNCTION "_discounts_record"(jsonb[], text[], timestamptz[], boolean[]) IS
'Keep discount objects in _discounts (the newest version of each, the first deletion seen).';


-- _apply_changes keeps the discount objects of the events it skips (customer.discount.*: no
-- object table mirrors discounts). Rewritten from its own text in the catalog, the hook added
-- before the processed events are recorded, so that it stays what 0017 and 0022 (and any
-- parallel migration) made it.
DO $migration$
DECLARE
    v_fn regprocedure := '"_apply_changes"(jsonb)'::regprocedure;
    v_def text := pg_get_functiondef('"_apply_changes"(jsonb)'::regprocedure);
    v_anchor text := '    -- An ambiguous event is not recorded: the caller resolves it and calls again.';
    v_hook text := $hook$    -- Discounts (0028): the objects of customer.discount.* events, which are skipped (no
    -- object table mirrors them), are kept in _discounts for the metric views.
    IF EXISTS (SELECT 1 FROM unnest(v_objects, v_out) AS x(o, out)
               WHERE x.out = 'skipped' AND x.o->>'object' = 'discount') THEN
        PERFORM "_discounts_record"(array_agg(v_objects[u.i]), array_agg(v_accounts[u.i]),
                                    array_agg(v_versions[u.i]),
                                    array_agg(p_changes->(u.i - 1)->>'event_type'
                                              = 'customer.discount.deleted'))
        FROM generate_subscripts(v_out, 1) AS u(i)
        WHERE v_out[u.i] = 'skipped' AND v_objects[u.i]->>'object' = 'discount';
    END IF;

$hook$;
BEGIN
    IF position(v_anchor IN v_def) = 0 THEN
        RAISE EXCEPTION '0028: % has no anchor for the discounts hook', v_fn;
    END IF;
    EXECUTE replace(v_def, v_anchor, v_hook || v_anchor);
END
$migration$;


-- _write_batch keeps the discount objects that subscriptions and subscription items carry
-- expanded (`discounts` after expand[]=discounts; `discount` of API versions before
-- 2025-03-31). It is made by _create_dispatchers: rewritten from its text in the catalog with
-- the hook added after the CASE of _write_batch (as 0026 did), then _write_batch made again.
DO $migration$
DECLARE
    v_fn regprocedure := '"_create_dispatchers"()'::regprocedure;
    v_def text := pg_get_functiondef('"_create_dispatchers"()'::regprocedure);
    v_start integer;
    v_at integer;
    v_anchor text := 'END CASE;';
    v_hook text := $hook$
    -- Discounts (0028): expanded discount objects, kept for the metric views.
    IF p_table IN ('subscriptions', 'subscription_items') THEN
        PERFORM "_discounts_record"(array_agg(d.o), array_agg(b.account_id),
                                    array_agg(b.version), NULL)
        FROM unnest(p_objects, p_accounts, p_versions) AS b(raw, account_id, version)
        CROSS JOIN LATERAL (
            SELECT e.value AS o
            FROM jsonb_array_elements(CASE WHEN jsonb_typeof(b.raw->'discounts') = 'array'
                                           THEN b.raw->'discounts' ELSE '[]' END) e
            WHERE jsonb_typeof(e.value) = 'object'
            UNION ALL
            SELECT b.raw->'discount' WHERE jsonb_typeof(b.raw->'discount') = 'object'
        ) d;
    END IF;$hook$;
BEGIN
    v_start := position('CREATE OR REPLACE FUNCTION "_write_batch"(' IN v_def);
    IF v_start = 0 THEN
        RAISE EXCEPTION '0028: % does not make _write_batch as expected', v_fn;
    END IF;
    v_at := position(v_anchor IN substr(v_def, v_start));
    IF v_at = 0 THEN
        RAISE EXCEPTION '0028: _write_batch in % has no END CASE', v_fn;
    END IF;
    v_at := v_start + v_at - 1 + length(v_anchor);
    EXECUTE substr(v_def, 1, v_at - 1) || v_hook || substr(v_def, v_at);
END
$migration$;
SELECT "_create_dispatchers"();


-- Account data: an account's discounts go with it (dangerously_delete_synced_account_data).
DO $migration$
DECLARE
    v_fn regprocedure := '"_account_tables"()'::regprocedure;
    v_def text := pg_get_functiondef('"_account_tables"()'::regprocedure);
    v_old text := $old$('_sync_obj_runs', 'account_id', 'equals', 1),$old$;
BEGIN
    IF position(v_old IN v_def) = 0 THEN
        RAISE EXCEPTION '0028: % does not list _sync_obj_runs as expected', v_fn;
    END IF;
    EXECUTE replace(v_def, v_old,
                    $new$('_discounts', 'account_id', 'equals', 1),
        $new$ || v_old);
END
$migration$;


-- -- subscription states over time --------------------------------------------------------------

-- One row per state of each subscription and the interval in which it held: with history mode
-- on for subscriptions, each recorded version from its time until the next one's (the first
-- also before it: state_from NULL), source 'history'; otherwise the current row for its whole
-- life (state_from and state_to NULL), source 'current_state'. Each payload's fields are read
-- once.
CREATE VIEW "_subscription_states" AS
WITH recorded AS (
    SELECT h.account_id, h.id, h._raw_data, h.valid_from, h.valid_to,
           row_number() OVER (PARTITION BY h.account_id, h.id ORDER BY h.valid_from) = 1
               AS first
    FROM "history" h
    WHERE h.table_name = 'subscriptions'
      AND EXISTS (SELECT 1 FROM "_history_objects" o WHERE o.table_name = 'subscriptions')
),
states AS (
    SELECT r.account_id, r.id AS subscription, r._raw_data AS payload,
           CASE WHEN NOT r.first THEN r.valid_from END AS state_from, r.valid_to AS state_to,
           'history'::text AS source
    FROM recorded r
    UNION ALL
    SELECT s._account_id, s.id, s._raw_data, NULL::timestamptz, NULL::timestamptz,
           'current_state'::text
    FROM "_raw_subscriptions" s
    WHERE NOT s.deleted
      AND NOT EXISTS (SELECT 1 FROM recorded r WHERE r.account_id = s._account_id AND r.id = s.id)
)
SELECT st.account_id, st.subscription, st.state_from, st.state_to, st.source,
       "_id_of"(x.customer) AS customer,
       lower(x.currency #>> '{}') AS currency,
       x.status #>> '{}' AS status,
       "_metric_time"(x.created) AS created,
       "_metric_time"(x.start_date) AS start_date,
       "_metric_time"(x.trial_start) AS trial_start,
       "_metric_time"(x.trial_end) AS trial_end,
       "_metric_time"(x.ended_at) AS ended_at,
       "_metric_time"(x.cancel_at) AS cancel_at,
       "_metric_time"(x.canceled_at) AS canceled_at,
       x.items,
       x.discounts,
       x.discount
FROM states st
CROSS JOIN LATERAL jsonb_to_record(st.payload) AS x(
    customer jsonb, currency jsonb, status jsonb, created jsonb, start_date jsonb,
    trial_start jsonb, trial_end jsonb, ended_at jsonb, cancel_at jsonb, canceled_at jsonb,
    items jsonb, discounts jsonb, discount jsonb);

COMMENT ON VIEW "_subscription_states" IS 'Internal to the MRR views: each subscription state and its interval [state_from, state_to) (NULL: unbounded), from history mode''s versions (source history) or the current row (current_state).';


-- One row per subscription item and the interval in which it counted towards MRR. From the
-- current state (no history): the item counts from the subscription's start (or the item's
-- creation, for an item added later), or from the end of the trial, until the subscription
-- ended or is scheduled to end (canceled at period end: still MRR until then), or until the
-- item was removed from it. From history: the same within each recorded state, with that
-- state's items (items.data), prices, quantities, status and dates.
-- (Each branch reads _subscription_states with its own source: the planner drops the other
-- branch of that view and estimates the rows from the tables, not from a guess on a CTE.)
CREATE OR REPLACE VIEW "subscription_item_intervals" AS
WITH items AS (
    SELECT s.*, si.id AS subscription_item, ix.price AS item_price, ix.plan AS item_plan,
           ix.quantity AS item_quantity, "_metric_time"(ix.created) AS item_created,
           si.price AS price_id, CASE WHEN si.deleted THEN si.deleted_at END AS removed_at
    FROM "_subscription_states" s
    JOIN "_raw_subscription_items" si
      ON si.subscription = s.subscription AND si._account_id = s.account_id
    CROSS JOIN LATERAL jsonb_to_record(si._raw_data)
        AS ix(price jsonb, plan jsonb, quantity jsonb, created jsonb)
    WHERE s.source = 'current_state'
    UNION ALL
    SELECT s.*, i.value ->> 'id', ix.price, ix.plan, ix.quantity, "_metric_time"(ix.created),
           "_id_of"(ix.price), NULL::timestamptz
    FROM "_subscription_states" s
    CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(s.items -> 'data') = 'array' THEN s.items -> 'data'
             ELSE '[]' END) i
    CROSS JOIN LATERAL jsonb_to_record(i.value)
        AS ix(price jsonb, plan jsonb, quantity jsonb, created jsonb)
    WHERE s.source = 'history' AND jsonb_typeof(i.value -> 'id') = 'string'
)
SELECT
    it.account_id,
    it.subscription,
    it.subscription_item,
    it.customer,
    f.currency,
    f.price,
    f.interval,
    f.interval_count,
    f.quantity,
    f.billed_quantity,
    f.unit_amount,
    f.period_months,
    CASE WHEN e.excluded IS NULL
         THEN f.unit_amount * f.billed_quantity / f.period_months END AS monthly_amount,
    e.excluded,
    v.valid_from,
    v.valid_to,
    it.source
FROM items it
LEFT JOIN "_raw_prices" p ON p.id = it.price_id AND p._account_id = it.account_id
-- The item's price as the item carries it (Stripe embeds the whole price), else the mirrored
-- price, else a legacy plan.
CROSS JOIN LATERAL (
    SELECT CASE WHEN jsonb_typeof(it.item_price) = 'object' THEN it.item_price
                WHEN p._raw_data IS NOT NULL THEN p._raw_data
                WHEN jsonb_typeof(it.item_plan) = 'object' THEN it.item_plan
           END AS pj,
           coalesce(it.currency, lower(it.item_price ->> 'currency')) AS currency
) j
CROSS JOIN LATERAL (
    SELECT j.currency,
           j.pj ->> 'id' AS price,
           coalesce(j.pj #>> '{recurring,interval}', j.pj ->> 'interval') AS interval,
           coalesce("_metric_numeric"(j.pj #> '{recurring,interval_count}'),
                    "_metric_numeric"(j.pj -> 'interval_count'), 1) AS interval_count,
           coalesce(j.pj #>> '{recurring,usage_type}', j.pj ->> 'usage_type', 'licensed')
               AS usage_type,
           coalesce(j.pj ->> 'billing_scheme', 'per_unit') AS billing_scheme,
           coalesce("_metric_numeric"(it.item_quantity), 1) AS quantity,
           -- A price in another currency than the subscription's bills its currency option.
           CASE WHEN lower(j.pj ->> 'currency') = j.currency OR j.currency IS NULL
                THEN coalesce("_metric_numeric"(j.pj -> 'unit_amount_decimal'),
                              "_metric_numeric"(j.pj -> 'unit_amount'),
                              "_metric_numeric"(j.pj -> 'amount_decimal'),
                              "_metric_numeric"(j.pj -> 'amount'))
                ELSE coalesce("_metric_numeric"(j.pj -> 'currency_options' -> j.currency
                                                     -> 'unit_amount_decimal'),
                              "_metric_numeric"(j.pj -> 'currency_options' -> j.currency
                                                     -> 'unit_amount'))
           END AS unit_amount,
           "_metric_numeric"(j.pj #> '{transform_quantity,divide_by}') AS divide_by,
           j.pj #>> '{transform_quantity,round}' AS round
) f0
CROSS JOIN LATERAL (
    SELECT f0.*,
           CASE WHEN f0.divide_by > 0 AND f0.round = 'up' THEN ceil(f0.quantity / f0.divide_by)
                WHEN f0.divide_by > 0 THEN floor(f0.quantity / f0.divide_by)
                ELSE f0.quantity END AS billed_quantity,
           "_metric_months"(f0.interval, f0.interval_count) AS period_months
) f
CROSS JOIN LATERAL (
    SELECT CASE WHEN it.status IN ('incomplete', 'incomplete_expired') THEN 'incomplete'
                WHEN it.status = 'paused' THEN 'paused'
                WHEN j.pj IS NULL THEN 'unknown_price'
                WHEN f.usage_type = 'metered' THEN 'metered'
                WHEN f.billing_scheme = 'tiered' THEN 'tiered'
                WHEN f.period_months IS NULL THEN 'not_recurring'
                WHEN f.unit_amount IS NULL THEN 'no_amount'
           END AS excluded
) e
CROSS JOIN LATERAL (
    SELECT greatest(CASE WHEN it.item_created > it.created THEN it.item_created
                         ELSE coalesce(it.start_date, it.created) END,
                    it.trial_end,
                    it.state_from) AS valid_from,
           least(it.ended_at,
                 it.cancel_at,
                 CASE WHEN it.status = 'canceled' THEN coalesce(it.ended_at, it.canceled_at) END,
                 it.removed_at,
                 it.state_to) AS valid_to
) v
WHERE v.valid_from IS NOT NULL
  AND (v.valid_to IS NULL OR v.valid_to > v.valid_from);

COMMENT ON VIEW "subscription_item_intervals" IS 'When each subscription item counted towards MRR and its gross monthly amount: from history mode''s versions of the subscriptions when it is on for them, else from their current state: see docs/concepts/metrics.md.';
COMMENT ON COLUMN "subscription_item_intervals".valid_from IS 'From when the item counts: the subscription''s start (the item''s creation if added later), or the end of its trial; with history, at the earliest from the version that holds it.';
COMMENT ON COLUMN "subscription_item_intervals".valid_to IS 'Until when (exclusive): the subscription''s end or scheduled end (cancel_at), or the item''s removal; with history, at the latest the next version; NULL while it runs.';
COMMENT ON COLUMN "subscription_item_intervals".source IS 'history: from a recorded version of the subscription (history mode); current_state: from the rows as they are now.';


-- One row per discount on a subscription (or on one of its items) and when it applies. The
-- coupon is known when the row (or the recorded version) holds the discount object, or when
-- _discounts holds it (a customer.discount.* event, an expanded fetch); a bare id known
-- nowhere has in_mrr false and says so in `note`. A discount deleted (customer.discount.deleted)
-- stops applying then, even when the subscription's row still lists it or no longer does.
CREATE OR REPLACE VIEW "subscription_discount_intervals" AS
WITH found AS (
    -- The subscription's discounts, and the legacy `discount` object (API versions before
    -- 2025-03-31) unless `discounts` lists it too (its id there is not counted twice).
    SELECT s.account_id, s.subscription, NULL::text AS subscription_item, s.currency,
           d.value AS discount, coalesce(s.start_date, s.created) AS started, s.state_from,
           s.state_to
    FROM "_subscription_states" s
    CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(s.discounts) = 'array' THEN s.discounts ELSE '[]' END
        || CASE WHEN jsonb_typeof(s.discount) = 'object'
                     AND NOT coalesce(s.discounts, '[]') @>
                             jsonb_build_array(jsonb_build_object('id', s.discount -> 'id'))
                THEN jsonb_build_array(s.discount) ELSE '[]' END) d
    WHERE NOT coalesce(jsonb_typeof(d.value) = 'string' AND d.value = s.discount -> 'id', false)
    UNION ALL
    SELECT s.account_id, s.subscription, si.id, s.currency, d.value,
           coalesce(s.start_date, s.created), s.state_from, s.state_to
    FROM "_subscription_states" s
    JOIN "_raw_subscription_items" si
      ON si.subscription = s.subscription AND si._account_id = s.account_id
    CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(si._raw_data -> 'discounts') = 'array'
             THEN si._raw_data -> 'discounts' ELSE '[]' END) d
    WHERE s.source = 'current_state' AND NOT si.deleted
    UNION ALL
    SELECT s.account_id, s.subscription, i.value ->> 'id', s.currency, d.value,
           coalesce(s.start_date, s.created), s.state_from, s.state_to
    FROM "_subscription_states" s
    CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(s.items -> 'data') = 'array' THEN s.items -> 'data'
             ELSE '[]' END) i
    CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(i.value -> 'discounts') = 'array'
             THEN i.value -> 'discounts' ELSE '[]' END) d
    WHERE s.source = 'history'
    UNION ALL
    -- Discounts deleted since (customer.discount.deleted), which the current row no longer
    -- lists: they applied until then.
    SELECT s.account_id, s.subscription, x.subscription_item, s.currency, x.payload,
           coalesce(s.start_date, s.created), s.state_from, s.state_to
    FROM "_subscription_states" s
    JOIN "_discounts" x ON x.subscription = s.subscription AND x.account_id = s.account_id
    WHERE s.source = 'current_state' AND x.deleted_at IS NOT NULL
),
resolved AS (
    SELECT f.account_id, f.subscription, f.subscription_item, f.currency, f.started,
           f.state_from, f.state_to, k.discount_id, k.dj, k.deleted_at
    FROM found f
    CROSS JOIN LATERAL (
        SELECT CASE jsonb_typeof(f.discount) WHEN 'string' THEN f.discount #>> '{}'
                                             WHEN 'object' THEN f.discount ->> 'id' END AS id
    ) i
    LEFT JOIN "_discounts" x ON x.id = i.id
    CROSS JOIN LATERAL (
        SELECT i.id AS discount_id,
               CASE WHEN jsonb_typeof(f.discount) = 'object' THEN f.discount
                    ELSE x.payload END AS dj,
               x.deleted_at
    ) k
),
-- A discount (its id: never reused) over the states that list it: from its first to its last.
per_discount AS (
    SELECT r.account_id, r.subscription, r.subscription_item, r.discount_id,
           min(r.currency) AS currency,
           (array_agg(r.dj ORDER BY r.state_from DESC NULLS LAST))[1] AS dj,
           min(greatest(coalesce("_metric_time"(r.dj -> 'start'), r.started), r.state_from))
               AS valid_from,
           CASE WHEN bool_or(least("_metric_time"(r.dj -> 'end'), r.deleted_at, r.state_to)
                             IS NULL) THEN NULL
                ELSE max(least("_metric_time"(r.dj -> 'end'), r.deleted_at, r.state_to)) END
               AS valid_to
    FROM resolved r
    GROUP BY r.account_id, r.subscription, r.subscription_item, r.discount_id
),
coupon AS (
    SELECT r.*, ref.ref,
           CASE jsonb_typeof(ref.ref) WHEN 'string' THEN ref.ref #>> '{}'
                                      WHEN 'object' THEN ref.ref ->> 'id' END AS coupon_id
    FROM per_discount r
    CROSS JOIN LATERAL (
        SELECT CASE WHEN jsonb_typeof(r.dj) = 'object'
                    THEN coalesce(r.dj #> '{source,coupon}', r.dj -> 'coupon') END AS ref
    ) ref
),
terms AS (
    SELECT c.*, cj.cj,
           "_metric_numeric"(cj.cj -> 'percent_off') AS percent_off,
           CASE WHEN "_metric_numeric"(cj.cj -> 'amount_off') IS NULL THEN NULL
                WHEN lower(cj.cj ->> 'currency') = c.currency
                THEN "_metric_numeric"(cj.cj -> 'amount_off')
                ELSE "_metric_numeric"(cj.cj -> 'currency_options' -> c.currency -> 'amount_off')
           END AS amount_off,
           cj.cj ->> 'duration' AS duration
    FROM coupon c
    LEFT JOIN "_raw_coupons" rc ON rc.id = c.coupon_id AND rc._account_id = c.account_id
    CROSS JOIN LATERAL (
        SELECT coalesce(rc._raw_data, CASE WHEN jsonb_typeof(c.ref) = 'object' THEN c.ref END)
                   AS cj
    ) cj
)
SELECT
    t.account_id,
    t.subscription,
    t.subscription_item,
    t.discount_id AS discount,
    t.coupon_id AS coupon,
    t.currency,
    t.percent_off,
    t.amount_off,
    t.duration,
    t.valid_from,
    t.valid_to,
    n.note IS NULL AS in_mrr,
    n.note
FROM terms t
CROSS JOIN LATERAL (
    SELECT CASE WHEN t.cj IS NULL
                THEN 'coupon unknown: the row holds the discount''s id only'
                WHEN t.duration = 'once' THEN 'once: the first invoice only, not recurring'
                WHEN t.percent_off IS NULL AND t.amount_off IS NULL
                THEN 'amount_off in another currency than the subscription''s'
           END AS note
) n
WHERE t.valid_to IS NULL OR t.valid_to > t.valid_from;

COMMENT ON VIEW "subscription_discount_intervals" IS 'The discounts of each subscription (and of its items) and when they apply, their coupons resolved from the row, the recorded versions or _discounts; in_mrr tells which ones mrr_subscription_segments applies: see docs/concepts/metrics.md.';
COMMENT ON COLUMN "subscription_discount_intervals".coupon IS 'The coupon id, NULL when neither the row nor a discount event or expanded fetch gave the discount object.';
COMMENT ON COLUMN "subscription_discount_intervals".valid_from IS 'When the discount started (its start); with history, at the earliest from the first version that lists it.';
COMMENT ON COLUMN "subscription_discount_intervals".valid_to IS 'When it ends: its end (repeating coupons), its deletion (customer.discount.deleted), or with history the version that no longer lists it; NULL while it applies.';


-- -- MRR ------------------------------------------------------------------------------------------

-- The MRR of each subscription as a sequence of intervals in which it is constant (as 0027),
-- its last step one grouping: the subscription's own discounts are applied in the grouping
-- that finds them, not by joining the segments with a copy of themselves (a nested loop when
-- the planner expects a handful of rows).
CREATE OR REPLACE VIEW "mrr_subscription_segments" AS
WITH items AS MATERIALIZED (
    SELECT * FROM "subscription_item_intervals" WHERE monthly_amount IS NOT NULL
),
discounts AS MATERIALIZED (
    SELECT * FROM "subscription_discount_intervals" WHERE in_mrr
),
points AS (
    SELECT account_id, subscription, valid_from AS at FROM items
    UNION SELECT account_id, subscription, valid_to FROM items WHERE valid_to IS NOT NULL
    UNION SELECT account_id, subscription, valid_from FROM discounts
    UNION SELECT account_id, subscription, valid_to FROM discounts WHERE valid_to IS NOT NULL
),
segments AS (
    SELECT account_id, subscription, at AS valid_from,
           lead(at) OVER (PARTITION BY account_id, subscription ORDER BY at) AS valid_to
    FROM points
),
item_net AS (
    SELECT g.account_id, g.subscription, g.valid_from, g.valid_to, i.subscription_item,
           min(i.customer) AS customer, min(i.currency) AS currency,
           min(i.monthly_amount) AS monthly_amount, min(i.period_months) AS period_months,
           "_metric_product"(1 - d.percent_off / 100) AS factor,
           coalesce(sum(d.amount_off), 0) AS amount_off
    FROM segments g
    JOIN items i
      ON i.account_id = g.account_id AND i.subscription = g.subscription
     AND i.valid_from <= g.valid_from AND (i.valid_to IS NULL OR i.valid_to > g.valid_from)
    LEFT JOIN discounts d
      ON d.account_id = i.account_id AND d.subscription_item = i.subscription_item
     AND d.valid_from <= g.valid_from AND (d.valid_to IS NULL OR d.valid_to > g.valid_from)
    GROUP BY g.account_id, g.subscription, g.valid_from, g.valid_to, i.subscription_item
),
m AS (
    SELECT account_id, subscription, valid_from, valid_to, min(customer) AS customer,
           min(currency) AS currency, count(*) AS items, sum(monthly_amount) AS gross,
           sum(greatest(0, monthly_amount * factor - amount_off / period_months)) AS net,
           min(period_months) AS period_months
    FROM item_net
    GROUP BY account_id, subscription, valid_from, valid_to
),
-- Then the subscription's own discounts.
sd AS (
    SELECT m.account_id, m.subscription, m.customer, m.currency, m.valid_from, m.valid_to,
           m.items, m.gross, m.net, m.period_months,
           "_metric_product"(1 - d.percent_off / 100) AS factor,
           coalesce(sum(d.amount_off), 0) AS amount_off
    FROM m
    LEFT JOIN discounts d
      ON d.account_id = m.account_id AND d.subscription = m.subscription
     AND d.subscription_item IS NULL
     AND d.valid_from <= m.valid_from AND (d.valid_to IS NULL OR d.valid_to > m.valid_from)
    GROUP BY m.account_id, m.subscription, m.customer, m.currency, m.valid_from, m.valid_to,
             m.items, m.gross, m.net, m.period_months
)
SELECT
    account_id,
    subscription,
    customer,
    currency,
    valid_from,
    valid_to,
    items,
    round(gross, 2) AS gross_mrr,
    round(greatest(0, net * factor - amount_off / period_months), 2) AS mrr
FROM sd;


-- The MRR of each customer per currency, piecewise constant: a running sum, per customer, of
-- the changes of its subscriptions' segments (+mrr where one starts, -mrr where it ends), one
-- row per interval in which at least one subscription runs.
CREATE OR REPLACE VIEW "_mrr_customer_segments" AS
WITH subs AS MATERIALIZED (
    SELECT * FROM "mrr_subscription_segments"
),
changes AS (
    SELECT account_id, currency, customer, valid_from AS at, mrr, (mrr > 0)::int AS paying,
           1 AS running
    FROM subs
    UNION ALL
    SELECT account_id, currency, customer, valid_to, -mrr, -(mrr > 0)::int, -1
    FROM subs
    WHERE valid_to IS NOT NULL
),
per_point AS (
    SELECT account_id, currency, customer, at, sum(mrr) AS mrr, sum(paying) AS paying,
           sum(running) AS running
    FROM changes
    GROUP BY account_id, currency, customer, at
),
sums AS (
    SELECT account_id, currency, customer, at AS valid_from,
           lead(at) OVER w AS valid_to,
           sum(mrr) OVER w AS mrr,
           sum(paying) OVER w AS subscriptions,
           sum(running) OVER w AS running
    FROM per_point
    WINDOW w AS (PARTITION BY account_id, currency, customer ORDER BY at)
)
SELECT account_id, currency, customer, valid_from, valid_to, mrr, subscriptions::bigint
FROM sums
WHERE running > 0;


-- Subscribers at the end of each month, with the subscriptions in a trial then (the trials
-- read from _subscription_states: each payload read once; with history, each state's trial).
CREATE OR REPLACE VIEW "active_subscribers" AS
WITH daily AS MATERIALIZED (
    SELECT * FROM "mrr_daily"
),
trials AS MATERIALIZED (
    SELECT DISTINCT ON (s.account_id, s.subscription)
           s.account_id, s.currency, s.subscription AS id, s.trial_start,
           least(s.trial_end, s.ended_at) AS trial_to
    FROM "_subscription_states" s
    WHERE s.trial_start IS NOT NULL AND s.trial_end > s.trial_start
      AND s.status NOT IN ('incomplete', 'incomplete_expired')
    ORDER BY s.account_id, s.subscription, s.state_from DESC NULLS LAST
),
months AS (
    SELECT account_id, currency, m::date AS month,
           least((m + interval '1 month - 1 day')::date, "_metric_today"()) AS as_of
    FROM (
        SELECT account_id, currency, min(day) AS first_day FROM daily
        GROUP BY account_id, currency
        UNION ALL
        SELECT account_id, currency, min("_metric_day"(trial_start)) FROM trials
        GROUP BY account_id, currency
    ) r
    CROSS JOIN LATERAL generate_series(date_trunc('month', r.first_day::timestamp),
                                       date_trunc('month', "_metric_today"()::timestamp),
                                       interval '1 month') m
    GROUP BY account_id, currency, m
)
SELECT
    mo.account_id,
    mo.currency,
    mo.month,
    mo.as_of,
    coalesce(d.subscribers, 0) AS subscribers,
    coalesce(d.subscriptions, 0) AS paying_subscriptions,
    (SELECT count(*) FROM trials t
     WHERE t.account_id = mo.account_id AND t.currency = mo.currency
       AND t.trial_start <= "_metric_day_end"(mo.as_of)
       AND t.trial_to > "_metric_day_end"(mo.as_of)) AS trialing_subscriptions
FROM months mo
LEFT JOIN daily d
       ON d.account_id = mo.account_id AND d.currency = mo.currency AND d.day = mo.as_of;


-- How MRR moved each month (as 0027): each customer's MRR at the end of a month against the
-- previous month's end. The first month a customer paid is a window over its segments, and
-- the movements are summed per month before the months are joined: no join that the planner,
-- expecting a handful of rows, would run as a nested loop over thousands.
CREATE OR REPLACE VIEW "mrr_movements" AS
WITH segments AS MATERIALIZED (
    SELECT c.*,
           min(c.valid_from) FILTER (WHERE c.mrr > 0)
               OVER (PARTITION BY c.account_id, c.currency, c.customer) AS first_paid_at
    FROM "_mrr_customer_segments" c
),
months AS MATERIALIZED (
    SELECT account_id, currency, m::date AS month,
           "_metric_day_end"(least((m + interval '1 month - 1 day')::date, "_metric_today"()))
               AS month_end,
           m::timestamp AT TIME ZONE 'UTC' AS month_start
    FROM (
        SELECT account_id, currency, min(valid_from) AS first_at
        FROM segments GROUP BY account_id, currency
    ) r
    CROSS JOIN LATERAL generate_series(date_trunc('month', r.first_at AT TIME ZONE 'UTC'),
                                       date_trunc('month', "_metric_today"()::timestamp),
                                       interval '1 month') m
),
at_end AS MATERIALIZED (
    SELECT mo.account_id, mo.currency, mo.month, mo.month_start, c.customer, c.mrr,
           c.first_paid_at
    FROM months mo
    JOIN segments c
      ON c.account_id = mo.account_id AND c.currency = mo.currency
     AND c.valid_from <= mo.month_end AND (c.valid_to IS NULL OR c.valid_to > mo.month_end)
    WHERE c.mrr > 0
),
moves AS (
    SELECT coalesce(cur.account_id, prev.account_id) AS account_id,
           coalesce(cur.currency, prev.currency) AS currency,
           coalesce(cur.month, (prev.month + interval '1 month')::date) AS month,
           coalesce(prev.mrr, 0) AS prev, coalesce(cur.mrr, 0) AS cur,
           CASE WHEN cur.mrr IS NOT NULL AND prev.mrr IS NULL
                     AND cur.first_paid_at <= cur.month_start THEN 'reactivation'
                WHEN cur.mrr IS NOT NULL AND prev.mrr IS NULL THEN 'new'
                WHEN cur.mrr IS NULL THEN 'churn'
                WHEN cur.mrr > prev.mrr THEN 'expansion'
                WHEN cur.mrr < prev.mrr THEN 'contraction'
           END AS kind
    FROM at_end cur
    FULL JOIN at_end prev
      ON prev.account_id = cur.account_id AND prev.currency = cur.currency
     AND prev.customer = cur.customer AND (prev.month + interval '1 month')::date = cur.month
),
per_month AS MATERIALIZED (
    SELECT k.account_id, k.currency, k.month,
           sum(k.prev) AS starting_mrr,
           coalesce(sum(k.cur) FILTER (WHERE k.kind = 'new'), 0) AS new_mrr,
           coalesce(sum(k.cur) FILTER (WHERE k.kind = 'reactivation'), 0) AS reactivation_mrr,
           coalesce(sum(k.cur - k.prev) FILTER (WHERE k.kind = 'expansion'), 0) AS expansion_mrr,
           coalesce(sum(k.cur - k.prev) FILTER (WHERE k.kind = 'contraction'), 0)
               AS contraction_mrr,
           coalesce(sum(k.cur - k.prev) FILTER (WHERE k.kind = 'churn'), 0) AS churned_mrr,
           sum(k.cur - k.prev) AS net_new_mrr,
           sum(k.cur) AS ending_mrr,
           count(*) FILTER (WHERE k.kind = 'new') AS new_customers,
           count(*) FILTER (WHERE k.kind = 'reactivation') AS reactivated_customers,
           count(*) FILTER (WHERE k.kind = 'expansion') AS expanded_customers,
           count(*) FILTER (WHERE k.kind = 'contraction') AS contracted_customers,
           count(*) FILTER (WHERE k.kind = 'churn') AS churned_customers
    FROM moves k
    GROUP BY k.account_id, k.currency, k.month
)
SELECT
    mo.account_id,
    mo.currency,
    mo.month,
    coalesce(p.starting_mrr, 0) AS starting_mrr,
    coalesce(p.new_mrr, 0) AS new_mrr,
    coalesce(p.reactivation_mrr, 0) AS reactivation_mrr,
    coalesce(p.expansion_mrr, 0) AS expansion_mrr,
    coalesce(p.contraction_mrr, 0) AS contraction_mrr,
    coalesce(p.churned_mrr, 0) AS churned_mrr,
    coalesce(p.net_new_mrr, 0) AS net_new_mrr,
    coalesce(p.ending_mrr, 0) AS ending_mrr,
    coalesce(p.new_customers, 0) AS new_customers,
    coalesce(p.reactivated_customers, 0) AS reactivated_customers,
    coalesce(p.expanded_customers, 0) AS expanded_customers,
    coalesce(p.contracted_customers, 0) AS contracted_customers,
    coalesce(p.churned_customers, 0) AS churned_customers
FROM months mo
LEFT JOIN per_month p
       ON p.account_id = mo.account_id AND p.currency = mo.currency AND p.month = mo.month;
