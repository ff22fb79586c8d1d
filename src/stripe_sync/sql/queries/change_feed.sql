-- Statements of the change feed (stripe_sync/change_feed.py). Positions below
-- _change_feed_horizon() are final (see migrations/0025_change_feed.sql).

-- name: change_feed_read
-- The next changes after a position, in order, only those whose transactions have ended; with
-- the feed's switch, its recorded gap and the horizon, all as of one snapshot. One row with
-- NULL change columns when there is none.
SELECT s.enabled, s.pruned_through, h.horizon,
       f.position, f.account_id, f.table_name, f.object_id, f.operation, f.version, f.changed_at
FROM {schema}."_change_feed_state" s
CROSS JOIN (SELECT {schema}."_change_feed_horizon"() AS horizon) h
LEFT JOIN LATERAL (
    SELECT f.* FROM {schema}."_change_feed" f
    WHERE f.position > greatest(%(since)s, s.pruned_through)
      AND f.position < h.horizon
      AND (%(tables)s::text[] IS NULL OR f.table_name = ANY (%(tables)s::text[]))
    ORDER BY f.position
    LIMIT %(limit)s
) f ON true
ORDER BY f.position;

-- name: change_feed_state
-- The switch, the gap recorded, the horizon, and whether changes wait behind it (committed
-- already, held back by an older transaction still running).
SELECT s.enabled, s.pruned_through, s.pruned_at,
       {schema}."_change_feed_horizon"() AS horizon,
       EXISTS (SELECT 1 FROM {schema}."_change_feed" f
               WHERE f.position >= {schema}."_change_feed_horizon"()) AS held_back
FROM {schema}."_change_feed_state" s;

-- name: change_feed_bounds
-- The oldest and newest deliverable positions.
SELECT (SELECT min(f.position) FROM {schema}."_change_feed" f
        WHERE f.position < {schema}."_change_feed_horizon"()),
       (SELECT max(f.position) FROM {schema}."_change_feed" f
        WHERE f.position < {schema}."_change_feed_horizon"());

-- name: change_feed_consumers
SELECT name, position, updated_at FROM {schema}."_change_feed_consumers" ORDER BY name;

-- name: change_feed_consumer
SELECT position FROM {schema}."_change_feed_consumers" WHERE name = %s;

-- name: change_feed_save_position
INSERT INTO {schema}."_change_feed_consumers" AS c (name, position)
VALUES (%(name)s, %(position)s)
ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now();

-- name: change_feed_prune
SELECT deleted, pruned_through FROM {schema}."_change_feed_prune"(%(retention)s, %(batch)s);

-- name: change_feed_set_enabled
SELECT {schema}."_change_feed_set_enabled"(%s);
