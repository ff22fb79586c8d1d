-- Billing metrics as views (issue 20, part 3): MRR per day and per month, its movements, active
-- subscribers, revenue net of refunds, failed payments and dunning, computed from the mirror.
-- docs/concepts/metrics.md explains every column and what the views can and cannot know.
--
-- The layers, each a view over the one above:
--
--   subscription_item_intervals      when each subscription item counted, and for how much a
--   subscription_discount_intervals  month (gross); when each discount applied
--            |                       ("subscription states over time": the only views that read
--            v                       the subscriptions; a source built from history mode can
--   mrr_subscription_segments        replace these two with the same columns)
--            |                       MRR of each subscription, piecewise constant, discounts applied
--            v
--   _mrr_customer_segments           MRR of each customer per currency, piecewise constant
--            |
--            v
--   mrr_daily -> mrr_monthly, mrr_movements, active_subscribers
--
-- revenue_monthly, payment_failures_monthly and dunning read charges, refunds, invoices and
-- subscriptions directly.
--
-- Conventions: amounts are in the currency's minor unit (cents), like Stripe's own; currencies
-- are never added together (every metric view has a currency column); a day is a UTC day and
-- its value is the state at its end (the current day: at its end as far as the mirror knows
-- now); a month's value is that of its last day (the current month: today's).
-- Unqualified names: the migration runner sets search_path to the sync schema.


-- -- helpers -----------------------------------------------------------------------------------

-- A JSON number, or a string holding a decimal number (Stripe's *_decimal fields), as numeric;
-- anything else as NULL (a view over Stripe's payloads must never raise).
CREATE FUNCTION "_metric_numeric"(p_value jsonb)
RETURNS numeric
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $fn$
    SELECT CASE jsonb_typeof(p_value)
           WHEN 'number' THEN (p_value #>> '{}')::numeric
           WHEN 'string' THEN CASE WHEN length(p_value #>> '{}') <= 100
                                        AND (p_value #>> '{}') ~ '^-?[0-9]+(\.[0-9]+)?$'
                                   THEN (p_value #>> '{}')::numeric END
           END
$fn$;

-- A Unix timestamp (seconds) as timestamptz, NULL when it is not one.
CREATE FUNCTION "_metric_time"(p_value jsonb)
RETURNS timestamptz
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $fn$
    SELECT CASE WHEN jsonb_typeof(p_value) = 'number'
                     AND (p_value #>> '{}')::numeric BETWEEN -62135596800 AND 253402300799
                THEN to_timestamp((p_value #>> '{}')::double precision) END
$fn$;

-- Months in one billing period of `count` `interval`s: a year is 12 months, a week 12/52 of a
-- month, a day 12/365. NULL for anything else (not a recurring price).
CREATE FUNCTION "_metric_months"(p_interval text, p_count numeric)
RETURNS numeric
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $fn$
    SELECT CASE WHEN p_count > 0 THEN
               p_count * CASE p_interval WHEN 'month' THEN 1::numeric
                                         WHEN 'year' THEN 12::numeric
                                         WHEN 'week' THEN 12::numeric / 52
                                         WHEN 'day' THEN 12::numeric / 365 END
           END
$fn$;

-- The UTC day at whose end an instant is first in the past: the first day whose value sees it.
-- 10:00 on the 5th -> the 5th; midnight starting the 5th -> the 4th (its end is that instant).
CREATE FUNCTION "_metric_day"(p_at timestamptz)
RETURNS date
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $fn$
    SELECT ((p_at AT TIME ZONE 'UTC') - interval '1 microsecond')::date
$fn$;

-- The instant a UTC day ends (the next midnight, UTC).
CREATE FUNCTION "_metric_day_end"(p_day date)
RETURNS timestamptz
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $fn$
    SELECT (p_day + 1)::timestamp AT TIME ZONE 'UTC'
$fn$;

-- Today in UTC, whatever the session's time zone.
CREATE FUNCTION "_metric_today"()
RETURNS date
LANGUAGE sql
STABLE
PARALLEL SAFE
AS $fn$
    SELECT (now() AT TIME ZONE 'UTC')::date
$fn$;

-- The product of the non-NULL values (1 for none): stacked percentage discounts multiply.
CREATE AGGREGATE "_metric_product"(numeric) (
    SFUNC = numeric_mul,
    STYPE = numeric,
    INITCOND = '1'
);


-- -- subscription states over time --------------------------------------------------------------

-- One row per subscription item and the interval in which it counted towards MRR, read from the
-- current state of the subscription and its items (no history): the item counts from the
-- subscription's start (or the item's creation, for an item added later), or from the end of
-- the trial, until the subscription ended or is scheduled to end (canceled at period end:
-- still MRR until then), or until the item was removed from it.
CREATE VIEW "subscription_item_intervals" AS
SELECT
    si._account_id AS account_id,
    s.id AS subscription,
    si.id AS subscription_item,
    s.customer,
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
    'current_state'::text AS source
FROM "subscriptions" s
JOIN "subscription_items" si ON si.subscription = s.id AND si._account_id = s._account_id
LEFT JOIN "prices" p ON p.id = si.price AND p._account_id = si._account_id
-- The item's price as the item carries it (Stripe embeds the whole price), else the mirrored
-- price, else a legacy plan.
CROSS JOIN LATERAL (
    SELECT CASE WHEN jsonb_typeof(si._raw_data -> 'price') = 'object' THEN si._raw_data -> 'price'
                WHEN p._raw_data IS NOT NULL THEN p._raw_data
                WHEN jsonb_typeof(si._raw_data -> 'plan') = 'object' THEN si._raw_data -> 'plan'
           END AS pj,
           lower(coalesce(s.currency, si._raw_data #>> '{price,currency}')) AS currency
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
           coalesce("_metric_numeric"(si._raw_data -> 'quantity'), 1) AS quantity,
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
    SELECT CASE WHEN s.status IN ('incomplete', 'incomplete_expired') THEN 'incomplete'
                WHEN s.status = 'paused' THEN 'paused'
                WHEN j.pj IS NULL THEN 'unknown_price'
                WHEN f.usage_type = 'metered' THEN 'metered'
                WHEN f.billing_scheme = 'tiered' THEN 'tiered'
                WHEN f.period_months IS NULL THEN 'not_recurring'
                WHEN f.unit_amount IS NULL THEN 'no_amount'
           END AS excluded
) e
CROSS JOIN LATERAL (
    SELECT greatest(CASE WHEN si.created > s.created THEN si.created
                         ELSE coalesce(s.start_date, s.created) END,
                    s.trial_end) AS valid_from,
           least(s.ended_at,
                 s.cancel_at,
                 CASE WHEN s.status = 'canceled' THEN coalesce(s.ended_at, s.canceled_at) END,
                 CASE WHEN si.deleted THEN si.deleted_at END) AS valid_to
) v
WHERE NOT s.deleted
  AND v.valid_from IS NOT NULL
  AND (v.valid_to IS NULL OR v.valid_to > v.valid_from);

COMMENT ON VIEW "subscription_item_intervals" IS 'When each subscription item counted towards MRR and its gross monthly amount, from the current state of subscriptions and items (no history): see docs/concepts/metrics.md.';
COMMENT ON COLUMN "subscription_item_intervals".account_id IS 'The Stripe account.';
COMMENT ON COLUMN "subscription_item_intervals".subscription IS 'The subscription id.';
COMMENT ON COLUMN "subscription_item_intervals".subscription_item IS 'The subscription item id.';
COMMENT ON COLUMN "subscription_item_intervals".customer IS 'The subscription''s customer id.';
COMMENT ON COLUMN "subscription_item_intervals".currency IS 'The subscription''s currency (lower case): every amount of the row is in it.';
COMMENT ON COLUMN "subscription_item_intervals".price IS 'The price (or legacy plan) id.';
COMMENT ON COLUMN "subscription_item_intervals".interval IS 'The billing interval: day, week, month or year.';
COMMENT ON COLUMN "subscription_item_intervals".interval_count IS 'Intervals per billing period (3 with month: quarterly).';
COMMENT ON COLUMN "subscription_item_intervals".quantity IS 'The item''s quantity (1 when it has none).';
COMMENT ON COLUMN "subscription_item_intervals".billed_quantity IS 'The quantity billed: quantity after the price''s transform_quantity (divide_by, round).';
COMMENT ON COLUMN "subscription_item_intervals".unit_amount IS 'Price per unit and billing period, in minor units of currency (the price''s currency option when the subscription is in another currency).';
COMMENT ON COLUMN "subscription_item_intervals".period_months IS 'Months in one billing period: interval_count times 1 (month), 12 (year), 12/52 (week) or 12/365 (day).';
COMMENT ON COLUMN "subscription_item_intervals".monthly_amount IS 'Gross MRR of the item, before discounts: unit_amount * billed_quantity / period_months, in minor units; NULL when excluded.';
COMMENT ON COLUMN "subscription_item_intervals".excluded IS 'Why the item counts for nothing, or NULL: incomplete, paused, unknown_price, metered, tiered, not_recurring, no_amount.';
COMMENT ON COLUMN "subscription_item_intervals".valid_from IS 'From when the item counts: the subscription''s start (the item''s creation if added later), or the end of its trial.';
COMMENT ON COLUMN "subscription_item_intervals".valid_to IS 'Until when (exclusive): the subscription''s end or scheduled end (cancel_at), or the item''s removal; NULL while it runs.';
COMMENT ON COLUMN "subscription_item_intervals".source IS 'current_state: built from the rows as they are now, not from a history of versions.';


-- One row per discount on a subscription (or on one of its items) and when it applies. The
-- coupon is known only when the row holds the discount object: an expanded entry of `discounts`
-- (`source.coupon`, or `coupon` in older API versions) or the `discount` of API versions before
-- 2025-03-31; an entry that is a bare discount id (what Stripe sends unless asked to expand)
-- has in_mrr false and says so in `note`.
CREATE VIEW "subscription_discount_intervals" AS
WITH found AS (
    SELECT s._account_id AS account_id, s.id AS subscription, NULL::text AS subscription_item,
           lower(s.currency) AS currency, d.value AS discount,
           coalesce(s.start_date, s.created) AS started
    FROM "subscriptions" s
    CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(s._raw_data -> 'discounts') = 'array'
             THEN s._raw_data -> 'discounts' ELSE '[]' END) d
    WHERE NOT s.deleted
      -- The id of the legacy `discount` object below is not counted twice.
      AND NOT coalesce(jsonb_typeof(d.value) = 'string'
                       AND d.value = s._raw_data #> '{discount,id}', false)
    UNION ALL
    SELECT s._account_id, s.id, NULL, lower(s.currency), s._raw_data -> 'discount',
           coalesce(s.start_date, s.created)
    FROM "subscriptions" s
    WHERE NOT s.deleted
      AND jsonb_typeof(s._raw_data -> 'discount') = 'object'
      AND NOT coalesce(s._raw_data -> 'discounts', '[]') @>
              jsonb_build_array(jsonb_build_object('id', s._raw_data #> '{discount,id}'))
    UNION ALL
    SELECT si._account_id, s.id, si.id, lower(s.currency), d.value,
           coalesce(s.start_date, s.created)
    FROM "subscriptions" s
    JOIN "subscription_items" si ON si.subscription = s.id AND si._account_id = s._account_id
    CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(si._raw_data -> 'discounts') = 'array'
             THEN si._raw_data -> 'discounts' ELSE '[]' END) d
    WHERE NOT s.deleted AND NOT si.deleted
),
resolved AS (
    SELECT f.*,
           CASE jsonb_typeof(f.discount) WHEN 'string' THEN f.discount #>> '{}'
                                         WHEN 'object' THEN f.discount ->> 'id' END AS discount_id,
           r.ref,
           CASE jsonb_typeof(r.ref) WHEN 'string' THEN r.ref #>> '{}'
                                    WHEN 'object' THEN r.ref ->> 'id' END AS coupon_id
    FROM found f
    CROSS JOIN LATERAL (
        SELECT CASE WHEN jsonb_typeof(f.discount) = 'object'
                    THEN coalesce(f.discount #> '{source,coupon}', f.discount -> 'coupon') END AS ref
    ) r
),
coupon AS (
    SELECT r.*,
           coalesce(c._raw_data, CASE WHEN jsonb_typeof(r.ref) = 'object' THEN r.ref END) AS cj
    FROM resolved r
    LEFT JOIN "coupons" c ON c.id = r.coupon_id AND c._account_id = r.account_id
),
terms AS (
    SELECT c.*,
           "_metric_numeric"(c.cj -> 'percent_off') AS percent_off,
           CASE WHEN "_metric_numeric"(c.cj -> 'amount_off') IS NULL THEN NULL
                WHEN lower(c.cj ->> 'currency') = c.currency
                THEN "_metric_numeric"(c.cj -> 'amount_off')
                ELSE "_metric_numeric"(c.cj -> 'currency_options' -> c.currency -> 'amount_off')
           END AS amount_off,
           c.cj ->> 'duration' AS duration,
           coalesce("_metric_time"(c.discount -> 'start'), c.started) AS valid_from,
           "_metric_time"(c.discount -> 'end') AS valid_to
    FROM coupon c
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

COMMENT ON VIEW "subscription_discount_intervals" IS 'The discounts of each subscription (and of its items) and when they apply; in_mrr tells which ones mrr_subscription_segments applies: see docs/concepts/metrics.md.';
COMMENT ON COLUMN "subscription_discount_intervals".account_id IS 'The Stripe account.';
COMMENT ON COLUMN "subscription_discount_intervals".subscription IS 'The subscription id.';
COMMENT ON COLUMN "subscription_discount_intervals".subscription_item IS 'The item the discount is on, NULL for the whole subscription.';
COMMENT ON COLUMN "subscription_discount_intervals".discount IS 'The discount id (di_...).';
COMMENT ON COLUMN "subscription_discount_intervals".coupon IS 'The coupon id, NULL when the row holds only the discount''s id.';
COMMENT ON COLUMN "subscription_discount_intervals".currency IS 'The subscription''s currency.';
COMMENT ON COLUMN "subscription_discount_intervals".percent_off IS 'The coupon''s percentage off (25.5 is 25.5 %).';
COMMENT ON COLUMN "subscription_discount_intervals".amount_off IS 'The coupon''s amount off per invoice, in minor units of the subscription''s currency (from the coupon''s currency_options if it is in another currency).';
COMMENT ON COLUMN "subscription_discount_intervals".duration IS 'The coupon''s duration: once, repeating or forever.';
COMMENT ON COLUMN "subscription_discount_intervals".valid_from IS 'When the discount started (its start).';
COMMENT ON COLUMN "subscription_discount_intervals".valid_to IS 'When it ends (its end: repeating coupons), NULL for forever (and once).';
COMMENT ON COLUMN "subscription_discount_intervals".in_mrr IS 'Whether MRR applies it: a known coupon, not once, with an amount in the subscription''s currency.';
COMMENT ON COLUMN "subscription_discount_intervals".note IS 'Why it is not applied, when in_mrr is false.';


-- -- MRR ------------------------------------------------------------------------------------------

-- The MRR of each subscription as a sequence of intervals in which it is constant: split at
-- every start and end of an item or a discount. Item discounts apply to their item, then the
-- subscription's: percentages multiply, amounts off (per billing period, so divided by its
-- months) are subtracted; never below zero.
CREATE VIEW "mrr_subscription_segments" AS
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
-- Each item counting in a segment, its own discounts applied. (Joins, not correlated
-- subqueries: the planner hashes them, so the view stays linear in the number of rows.)
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
    SELECT m.account_id, m.subscription, m.valid_from,
           "_metric_product"(1 - d.percent_off / 100) AS factor,
           coalesce(sum(d.amount_off), 0) AS amount_off
    FROM m
    LEFT JOIN discounts d
      ON d.account_id = m.account_id AND d.subscription = m.subscription
     AND d.subscription_item IS NULL
     AND d.valid_from <= m.valid_from AND (d.valid_to IS NULL OR d.valid_to > m.valid_from)
    GROUP BY m.account_id, m.subscription, m.valid_from
)
SELECT
    m.account_id,
    m.subscription,
    m.customer,
    m.currency,
    m.valid_from,
    m.valid_to,
    m.items,
    round(m.gross, 2) AS gross_mrr,
    round(greatest(0, m.net * sd.factor - sd.amount_off / m.period_months), 2) AS mrr
FROM m
JOIN sd ON sd.account_id = m.account_id AND sd.subscription = m.subscription
       AND sd.valid_from = m.valid_from;

COMMENT ON VIEW "mrr_subscription_segments" IS 'The MRR of each subscription over time, one row per interval in which it is constant (discounts applied): see docs/concepts/metrics.md.';
COMMENT ON COLUMN "mrr_subscription_segments".account_id IS 'The Stripe account.';
COMMENT ON COLUMN "mrr_subscription_segments".subscription IS 'The subscription id.';
COMMENT ON COLUMN "mrr_subscription_segments".customer IS 'The customer id.';
COMMENT ON COLUMN "mrr_subscription_segments".currency IS 'The subscription''s currency.';
COMMENT ON COLUMN "mrr_subscription_segments".valid_from IS 'Start of the interval.';
COMMENT ON COLUMN "mrr_subscription_segments".valid_to IS 'End of the interval (exclusive), NULL while it lasts.';
COMMENT ON COLUMN "mrr_subscription_segments".items IS 'Items counting in the interval.';
COMMENT ON COLUMN "mrr_subscription_segments".gross_mrr IS 'MRR before discounts, minor units (2 decimals).';
COMMENT ON COLUMN "mrr_subscription_segments".mrr IS 'MRR after discounts, minor units (2 decimals), never below 0.';


-- The MRR of each customer per currency, piecewise constant (the sum of their subscriptions').
CREATE VIEW "_mrr_customer_segments" AS
WITH subs AS MATERIALIZED (
    SELECT * FROM "mrr_subscription_segments"
),
points AS (
    SELECT account_id, currency, customer, valid_from AS at FROM subs
    UNION
    SELECT account_id, currency, customer, valid_to FROM subs WHERE valid_to IS NOT NULL
),
segments AS (
    SELECT account_id, currency, customer, at AS valid_from,
           lead(at) OVER (PARTITION BY account_id, currency, customer ORDER BY at) AS valid_to
    FROM points
)
SELECT g.account_id, g.currency, g.customer, g.valid_from, g.valid_to, sum(s.mrr) AS mrr,
       count(*) FILTER (WHERE s.mrr > 0) AS subscriptions
FROM segments g
JOIN subs s
  ON s.account_id = g.account_id AND s.currency = g.currency AND s.customer = g.customer
 AND s.valid_from <= g.valid_from AND (s.valid_to IS NULL OR s.valid_to > g.valid_from)
GROUP BY g.account_id, g.currency, g.customer, g.valid_from, g.valid_to;

COMMENT ON VIEW "_mrr_customer_segments" IS 'Internal to the MRR views: the MRR of each customer per currency over time, one row per interval in which it is constant.';


-- MRR at the end of each UTC day, from the first day with MRR to today, per account and
-- currency: running sums of the changes of the customers' segments.
CREATE VIEW "mrr_daily" AS
WITH segments AS MATERIALIZED (
    SELECT * FROM "_mrr_customer_segments"
),
changes AS (
    SELECT account_id, currency, "_metric_day"(valid_from) AS day, mrr,
           (mrr > 0)::int AS subscribers, subscriptions
    FROM segments
    UNION ALL
    SELECT account_id, currency, "_metric_day"(valid_to), -mrr, -(mrr > 0)::int, -subscriptions
    FROM segments
    WHERE valid_to IS NOT NULL
),
per_day AS (
    SELECT account_id, currency, day, sum(mrr) AS mrr, sum(subscribers) AS subscribers,
           sum(subscriptions) AS subscriptions
    FROM changes
    GROUP BY account_id, currency, day
),
ranges AS (
    SELECT account_id, currency, min(day) AS first_day FROM per_day GROUP BY account_id, currency
)
SELECT
    r.account_id,
    r.currency,
    d.day::date AS day,
    sum(coalesce(p.mrr, 0)) OVER w AS mrr,
    (sum(coalesce(p.subscribers, 0)) OVER w)::bigint AS subscribers,
    (sum(coalesce(p.subscriptions, 0)) OVER w)::bigint AS subscriptions
FROM ranges r
CROSS JOIN LATERAL generate_series(r.first_day, "_metric_today"(), interval '1 day') d(day)
LEFT JOIN per_day p
       ON p.account_id = r.account_id AND p.currency = r.currency AND p.day = d.day::date
WINDOW w AS (PARTITION BY r.account_id, r.currency ORDER BY d.day);

COMMENT ON VIEW "mrr_daily" IS 'MRR at the end of each UTC day (today: as far as the mirror knows now), per account and currency: see docs/concepts/metrics.md.';
COMMENT ON COLUMN "mrr_daily".account_id IS 'The Stripe account.';
COMMENT ON COLUMN "mrr_daily".currency IS 'The currency (lower case); amounts of different currencies are never added.';
COMMENT ON COLUMN "mrr_daily".day IS 'The UTC day; the values are those at its end.';
COMMENT ON COLUMN "mrr_daily".mrr IS 'Monthly recurring revenue in minor units (cents), discounts applied.';
COMMENT ON COLUMN "mrr_daily".subscribers IS 'Customers with MRR above zero in this currency.';
COMMENT ON COLUMN "mrr_daily".subscriptions IS 'Subscriptions with MRR above zero.';


CREATE VIEW "mrr_monthly" AS
SELECT
    account_id,
    currency,
    date_trunc('month', day)::date AS month,
    day AS as_of,
    mrr,
    mrr * 12 AS arr,
    subscribers,
    subscriptions
FROM "mrr_daily"
WHERE day = (date_trunc('month', day) + interval '1 month - 1 day')::date
   OR day = "_metric_today"();

COMMENT ON VIEW "mrr_monthly" IS 'MRR at the end of each month (the current month: today), per account and currency: see docs/concepts/metrics.md.';
COMMENT ON COLUMN "mrr_monthly".account_id IS 'The Stripe account.';
COMMENT ON COLUMN "mrr_monthly".currency IS 'The currency (lower case).';
COMMENT ON COLUMN "mrr_monthly".month IS 'The month''s first day.';
COMMENT ON COLUMN "mrr_monthly".as_of IS 'The day whose end the values describe: the month''s last day, or today.';
COMMENT ON COLUMN "mrr_monthly".mrr IS 'MRR in minor units at as_of''s end.';
COMMENT ON COLUMN "mrr_monthly".arr IS 'Annual run rate: mrr * 12, minor units.';
COMMENT ON COLUMN "mrr_monthly".subscribers IS 'Customers with MRR above zero.';
COMMENT ON COLUMN "mrr_monthly".subscriptions IS 'Subscriptions with MRR above zero.';


-- How MRR moved each month, per customer between the ends of two consecutive months (so a
-- customer who came and went within a month moves nothing): new, reactivation, expansion,
-- contraction and churn, which add up: starting_mrr + net_new_mrr = ending_mrr.
CREATE VIEW "mrr_movements" AS
WITH segments AS MATERIALIZED (
    SELECT * FROM "_mrr_customer_segments"
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
at_end AS (
    SELECT mo.account_id, mo.currency, mo.month, c.customer, c.mrr
    FROM months mo
    JOIN segments c
      ON c.account_id = mo.account_id AND c.currency = mo.currency
     AND c.valid_from <= mo.month_end AND (c.valid_to IS NULL OR c.valid_to > mo.month_end)
    WHERE c.mrr > 0
),
first_paid AS (
    SELECT account_id, currency, customer, min(valid_from) AS first_at
    FROM segments WHERE mrr > 0
    GROUP BY account_id, currency, customer
),
moves AS (
    SELECT coalesce(cur.account_id, prev.account_id) AS account_id,
           coalesce(cur.currency, prev.currency) AS currency,
           coalesce(cur.customer, prev.customer) AS customer,
           coalesce(cur.month, (prev.month + interval '1 month')::date) AS month,
           coalesce(prev.mrr, 0) AS prev, coalesce(cur.mrr, 0) AS cur
    FROM at_end cur
    FULL JOIN at_end prev
      ON prev.account_id = cur.account_id AND prev.currency = cur.currency
     AND prev.customer = cur.customer AND (prev.month + interval '1 month')::date = cur.month
),
kinds AS (
    SELECT mv.*,
           CASE WHEN mv.prev = 0 AND mv.cur > 0 AND f.first_at <= mo.month_start THEN 'reactivation'
                WHEN mv.prev = 0 AND mv.cur > 0 THEN 'new'
                WHEN mv.prev > 0 AND mv.cur = 0 THEN 'churn'
                WHEN mv.cur > mv.prev THEN 'expansion'
                WHEN mv.cur < mv.prev THEN 'contraction'
           END AS kind
    FROM moves mv
    JOIN months mo
      ON mo.account_id = mv.account_id AND mo.currency = mv.currency AND mo.month = mv.month
    LEFT JOIN first_paid f
      ON f.account_id = mv.account_id AND f.currency = mv.currency AND f.customer = mv.customer
)
SELECT
    mo.account_id,
    mo.currency,
    mo.month,
    coalesce(sum(k.prev), 0) AS starting_mrr,
    coalesce(sum(k.cur) FILTER (WHERE k.kind = 'new'), 0) AS new_mrr,
    coalesce(sum(k.cur) FILTER (WHERE k.kind = 'reactivation'), 0) AS reactivation_mrr,
    coalesce(sum(k.cur - k.prev) FILTER (WHERE k.kind = 'expansion'), 0) AS expansion_mrr,
    coalesce(sum(k.cur - k.prev) FILTER (WHERE k.kind = 'contraction'), 0) AS contraction_mrr,
    coalesce(sum(k.cur - k.prev) FILTER (WHERE k.kind = 'churn'), 0) AS churned_mrr,
    coalesce(sum(k.cur - k.prev), 0) AS net_new_mrr,
    coalesce(sum(k.cur), 0) AS ending_mrr,
    count(*) FILTER (WHERE k.kind = 'new') AS new_customers,
    count(*) FILTER (WHERE k.kind = 'reactivation') AS reactivated_customers,
    count(*) FILTER (WHERE k.kind = 'expansion') AS expanded_customers,
    count(*) FILTER (WHERE k.kind = 'contraction') AS contracted_customers,
    count(*) FILTER (WHERE k.kind = 'churn') AS churned_customers
FROM months mo
LEFT JOIN kinds k
       ON k.account_id = mo.account_id AND k.currency = mo.currency AND k.month = mo.month
GROUP BY mo.account_id, mo.currency, mo.month;

COMMENT ON VIEW "mrr_movements" IS 'How MRR moved each month per account and currency (customers compared between month ends): see docs/concepts/metrics.md.';
COMMENT ON COLUMN "mrr_movements".account_id IS 'The Stripe account.';
COMMENT ON COLUMN "mrr_movements".currency IS 'The currency (lower case).';
COMMENT ON COLUMN "mrr_movements".month IS 'The month''s first day.';
COMMENT ON COLUMN "mrr_movements".starting_mrr IS 'MRR at the end of the previous month.';
COMMENT ON COLUMN "mrr_movements".new_mrr IS 'MRR of customers paying for the first time.';
COMMENT ON COLUMN "mrr_movements".reactivation_mrr IS 'MRR of customers who had paid before, stopped, and pay again.';
COMMENT ON COLUMN "mrr_movements".expansion_mrr IS 'Increase of customers who paid at both month ends.';
COMMENT ON COLUMN "mrr_movements".contraction_mrr IS 'Decrease (negative) of customers who paid at both month ends.';
COMMENT ON COLUMN "mrr_movements".churned_mrr IS 'MRR lost (negative) from customers who stopped paying.';
COMMENT ON COLUMN "mrr_movements".net_new_mrr IS 'The sum of the five movements: ending_mrr - starting_mrr.';
COMMENT ON COLUMN "mrr_movements".ending_mrr IS 'MRR at the end of the month (the current month: today).';
COMMENT ON COLUMN "mrr_movements".new_customers IS 'Customers counted in new_mrr.';
COMMENT ON COLUMN "mrr_movements".reactivated_customers IS 'Customers counted in reactivation_mrr.';
COMMENT ON COLUMN "mrr_movements".expanded_customers IS 'Customers counted in expansion_mrr.';
COMMENT ON COLUMN "mrr_movements".contracted_customers IS 'Customers counted in contraction_mrr.';
COMMENT ON COLUMN "mrr_movements".churned_customers IS 'Customers counted in churned_mrr.';


-- Subscribers at the end of each month, with the subscriptions in a trial then.
CREATE VIEW "active_subscribers" AS
WITH daily AS MATERIALIZED (
    SELECT * FROM "mrr_daily"
),
trials AS MATERIALIZED (
    SELECT s._account_id AS account_id, lower(s.currency) AS currency, s.id, s.trial_start,
           least(s.trial_end, s.ended_at) AS trial_to
    FROM "subscriptions" s
    WHERE NOT s.deleted AND s.trial_start IS NOT NULL AND s.trial_end > s.trial_start
      AND s.status NOT IN ('incomplete', 'incomplete_expired')
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

COMMENT ON VIEW "active_subscribers" IS 'Paying customers and subscriptions, and subscriptions in a trial, at the end of each month per account and currency: see docs/concepts/metrics.md.';
COMMENT ON COLUMN "active_subscribers".account_id IS 'The Stripe account.';
COMMENT ON COLUMN "active_subscribers".currency IS 'The currency (lower case).';
COMMENT ON COLUMN "active_subscribers".month IS 'The month''s first day.';
COMMENT ON COLUMN "active_subscribers".as_of IS 'The day whose end the counts describe: the month''s last day, or today.';
COMMENT ON COLUMN "active_subscribers".subscribers IS 'Customers with MRR above zero.';
COMMENT ON COLUMN "active_subscribers".paying_subscriptions IS 'Subscriptions with MRR above zero.';
COMMENT ON COLUMN "active_subscribers".trialing_subscriptions IS 'Subscriptions in their trial (not yet MRR).';


-- -- revenue and failed payments -------------------------------------------------------------

-- Money collected per month, net of refunds: charges by the month they were made, refunds by
-- the month they were made (cash basis: a refund in March of a January charge lowers March).
CREATE VIEW "revenue_monthly" AS
WITH flows AS (
    SELECT c._account_id AS account_id, lower(c.currency) AS currency,
           date_trunc('month', c.created AT TIME ZONE 'UTC')::date AS month,
           1 AS charges, coalesce(c.amount_captured, 0) AS gross, 0 AS refunds, 0 AS refunded
    FROM "charges" c
    WHERE NOT c.deleted AND c.status = 'succeeded' AND coalesce(c.amount_captured, 0) > 0
    UNION ALL
    SELECT r._account_id, lower(r.currency), date_trunc('month', r.created AT TIME ZONE 'UTC')::date,
           0, 0, 1, coalesce(r.amount, 0)
    FROM "refunds" r
    WHERE NOT r.deleted AND r.status IN ('succeeded', 'pending', 'requires_action')
)
SELECT
    account_id,
    currency,
    month,
    sum(charges)::bigint AS charges,
    sum(gross)::bigint AS gross_amount,
    sum(refunds)::bigint AS refunds,
    sum(refunded)::bigint AS refunded_amount,
    (sum(gross) - sum(refunded))::bigint AS net_amount
FROM flows
GROUP BY account_id, currency, month;

COMMENT ON VIEW "revenue_monthly" IS 'Money collected per month and currency, net of refunds (cash basis): see docs/concepts/metrics.md.';
COMMENT ON COLUMN "revenue_monthly".account_id IS 'The Stripe account.';
COMMENT ON COLUMN "revenue_monthly".currency IS 'The currency (lower case).';
COMMENT ON COLUMN "revenue_monthly".month IS 'The month''s first day (UTC).';
COMMENT ON COLUMN "revenue_monthly".charges IS 'Succeeded charges made in the month.';
COMMENT ON COLUMN "revenue_monthly".gross_amount IS 'Their captured amount, minor units.';
COMMENT ON COLUMN "revenue_monthly".refunds IS 'Refunds made in the month (succeeded or pending), of charges of any month.';
COMMENT ON COLUMN "revenue_monthly".refunded_amount IS 'Their amount, minor units.';
COMMENT ON COLUMN "revenue_monthly".net_amount IS 'gross_amount - refunded_amount.';


-- Failed payments per month: failed charges by the month they were attempted, invoices by the
-- month they were created (their attempt count and state are the current ones).
CREATE VIEW "payment_failures_monthly" AS
WITH flows AS (
    SELECT c._account_id AS account_id, lower(c.currency) AS currency,
           date_trunc('month', c.created AT TIME ZONE 'UTC')::date AS month,
           1 AS failed_charges, coalesce(c.amount, 0) AS failed_amount,
           0 AS retried_invoices, 0 AS unpaid_invoices, 0 AS uncollectible_invoices
    FROM "charges" c
    WHERE NOT c.deleted AND c.status = 'failed'
    UNION ALL
    SELECT i._account_id, lower(i.currency), date_trunc('month', i.created AT TIME ZONE 'UTC')::date,
           0, 0,
           (coalesce(i.attempt_count, 0) > 1)::int,
           (i.status = 'open' AND coalesce(i.attempt_count, 0) > 0
            AND coalesce(i.amount_remaining, 0) > 0)::int,
           (i.status = 'uncollectible')::int
    FROM "invoices" i
    WHERE NOT i.deleted
)
SELECT
    account_id,
    currency,
    month,
    sum(failed_charges)::bigint AS failed_charges,
    sum(failed_amount)::bigint AS failed_amount,
    sum(retried_invoices)::bigint AS retried_invoices,
    sum(unpaid_invoices)::bigint AS unpaid_invoices,
    sum(uncollectible_invoices)::bigint AS uncollectible_invoices
FROM flows
GROUP BY account_id, currency, month
HAVING sum(failed_charges) + sum(retried_invoices) + sum(unpaid_invoices)
       + sum(uncollectible_invoices) > 0;

COMMENT ON VIEW "payment_failures_monthly" IS 'Failed charges and invoices that needed retries or stay unpaid, per month and currency: see docs/concepts/metrics.md.';
COMMENT ON COLUMN "payment_failures_monthly".account_id IS 'The Stripe account.';
COMMENT ON COLUMN "payment_failures_monthly".currency IS 'The currency (lower case).';
COMMENT ON COLUMN "payment_failures_monthly".month IS 'The month''s first day (UTC): of the charge, or of the invoice''s creation.';
COMMENT ON COLUMN "payment_failures_monthly".failed_charges IS 'Charges that failed (status failed).';
COMMENT ON COLUMN "payment_failures_monthly".failed_amount IS 'Their amount, minor units.';
COMMENT ON COLUMN "payment_failures_monthly".retried_invoices IS 'Invoices whose payment was attempted more than once (attempt_count > 1), paid since or not.';
COMMENT ON COLUMN "payment_failures_monthly".unpaid_invoices IS 'Open invoices attempted at least once and still owing money.';
COMMENT ON COLUMN "payment_failures_monthly".uncollectible_invoices IS 'Invoices marked uncollectible.';


-- Dunning now: what is being chased, per account and currency.
CREATE VIEW "dunning" AS
WITH flows AS (
    SELECT s._account_id AS account_id, lower(s.currency) AS currency,
           (s.status = 'past_due')::int AS past_due, (s.status = 'unpaid')::int AS unpaid,
           0 AS invoices, 0 AS amount
    FROM "subscriptions" s
    WHERE NOT s.deleted AND s.status IN ('past_due', 'unpaid')
    UNION ALL
    SELECT i._account_id, lower(i.currency), 0, 0, 1, coalesce(i.amount_remaining, 0)
    FROM "invoices" i
    WHERE NOT i.deleted AND i.status = 'open' AND coalesce(i.attempt_count, 0) > 0
      AND coalesce(i.amount_remaining, 0) > 0
)
SELECT
    account_id,
    currency,
    sum(past_due)::bigint AS past_due_subscriptions,
    sum(unpaid)::bigint AS unpaid_subscriptions,
    sum(invoices)::bigint AS failed_open_invoices,
    sum(amount)::bigint AS amount_at_risk
FROM flows
GROUP BY account_id, currency;

COMMENT ON VIEW "dunning" IS 'What is being chased now, per account and currency: past-due and unpaid subscriptions, open invoices whose payment failed: see docs/concepts/metrics.md.';
COMMENT ON COLUMN "dunning".account_id IS 'The Stripe account.';
COMMENT ON COLUMN "dunning".currency IS 'The currency (lower case).';
COMMENT ON COLUMN "dunning".past_due_subscriptions IS 'Subscriptions with status past_due (a renewal payment failed, retries continue).';
COMMENT ON COLUMN "dunning".unpaid_subscriptions IS 'Subscriptions with status unpaid (retries exhausted, not canceled).';
COMMENT ON COLUMN "dunning".failed_open_invoices IS 'Open invoices attempted at least once that still owe money.';
COMMENT ON COLUMN "dunning".amount_at_risk IS 'What those invoices still owe (amount_remaining), minor units.';
