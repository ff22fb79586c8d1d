-- Billing metrics, fixes to 0028 (review of the history-mode views).
--
-- A tombstoned subscription (its row deleted: Stripe answered that it does not exist, or sent a
-- "deleted": true stub) is no MRR without history: _subscription_states skips deleted rows, as
-- every metric view did since 0027. With history mode on, its recorded versions came back
-- through the history branch (the view history keeps the versions before a deletion), so the
-- same subscription counted as MRR until its deletion, then churned, and its trial counted in
-- active_subscribers: the numbers changed with the mode. The history branch now skips the
-- subscriptions whose mirror row is a tombstone, as the current-state branch does.
--
-- A managed webhook endpoint subscribed only to the registry's event types, so the
-- customer.discount.* events that fill _discounts (0028) never came to it: a subscription listing
-- bare discount ids stayed out of MRR. _webhook_event_types_v1() is the list an endpoint
-- enables, for every runtime: the registry's types and the discount events. The Python engine
-- has the same list as stripe_sync.events.SUPPORTED_EVENT_TYPES (a test holds them equal).
-- Unqualified names: the migration runner sets search_path to the sync schema.

CREATE OR REPLACE VIEW "_subscription_states" AS
WITH recorded AS (
    SELECT h.account_id, h.id, h._raw_data, h.valid_from, h.valid_to,
           row_number() OVER (PARTITION BY h.account_id, h.id ORDER BY h.valid_from) = 1
               AS first
    FROM "history" h
    WHERE h.table_name = 'subscriptions'
      AND EXISTS (SELECT 1 FROM "_history_objects" o WHERE o.table_name = 'subscriptions')
      -- A tombstone is not counted, with history or without (see above).
      AND NOT EXISTS (SELECT 1 FROM "_raw_subscriptions" d
                      WHERE d.id = h.id AND d._account_id = h.account_id AND d.deleted)
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


CREATE FUNCTION "_webhook_event_types_v1"() RETURNS text[]
LANGUAGE sql STABLE
SET search_path FROM CURRENT
AS $$
    SELECT coalesce(array_agg(DISTINCT t ORDER BY t), '{}')
    FROM (
        SELECT unnest(event_types) FROM "_resources"
        UNION ALL
        SELECT unnest(ARRAY['customer.discount.created', 'customer.discount.deleted',
                            'customer.discount.updated'])
    ) AS types(t)
$$;

COMMENT ON FUNCTION "_webhook_event_types_v1"() IS 'The event types a managed webhook endpoint enables: every type a resource is fed by, and customer.discount.* (their discounts fill _discounts).';
