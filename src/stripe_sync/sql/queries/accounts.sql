-- Statements about the accounts whose data the database holds (stripe_sync/store.py); the work
-- is done by the functions of migration 0010_accounts.sql.

-- name: synced_accounts
-- Every account with a row anywhere (its accounts row or not), with what is known about it.
-- The newest event and run are one index probe each per account.
WITH found AS (
    SELECT f.account_id, array_agg(f.table_name ORDER BY f.table_name) AS tables
    FROM {schema}."_account_ids"() f
    GROUP BY f.account_id
)
SELECT
    f.account_id,
    a.business_name,
    a.email,
    a.type,
    a.country,
    a.created,
    -- The key's own account for some engine that used this database (not a connected account).
    coalesce(cardinality(a.api_key_hashes) > 0, false) AS has_api_key,
    e.last_event_created,
    r.last_backfill_at,
    greatest(e.last_event_processed_at, r.last_backfill_at) AS last_synced_at,
    coalesce(w.ids, '{{}}') AS managed_webhooks,
    f.tables,
    md.modes
FROM found f
LEFT JOIN {schema}."accounts" a ON a.id = f.account_id
LEFT JOIN LATERAL (
    SELECT p.created AS last_event_created, p.processed_at AS last_event_processed_at
    FROM {schema}."_processed_events" p
    WHERE p.account_id = f.account_id
    ORDER BY p.created DESC
    LIMIT 1
) e ON true
LEFT JOIN LATERAL (
    SELECT max(s.updated_at) AS last_backfill_at
    FROM {schema}."_sync_runs" s
    WHERE s.account_id = f.account_id
) r ON true
LEFT JOIN LATERAL (
    -- The modes seen (live, test or live+test): of its backfill runs and Events API cursors
    -- (0029), and of one row of each object table that holds its rows (0037: an account
    -- synced by webhooks only has no run or cursor, and an event does not keep its mode).
    -- The object tables are probed only when runs and cursors do not say both modes.
    WITH kept AS (
        SELECT s.mode FROM {schema}."_sync_runs" s
        WHERE s.account_id = f.account_id AND s.mode IN ('live', 'test')
        UNION
        SELECT c.mode FROM {schema}."_event_cursors" c
        WHERE c.account_id = f.account_id AND c.mode IN ('live', 'test')
    )
    SELECT nullif(string_agg(DISTINCT x.mode, '+' ORDER BY x.mode), '') AS modes
    FROM (
        SELECT mode FROM kept
        UNION
        SELECT o FROM {schema}."_object_modes"(f.account_id, f.tables) o
        WHERE (SELECT count(*) FROM kept) < 2
    ) x
) md ON true
LEFT JOIN LATERAL (
    SELECT array_agg(m.id ORDER BY m.id) AS ids
    FROM {schema}."_managed_webhooks" m
    WHERE m.account_id = f.account_id
) w ON true
ORDER BY has_api_key DESC, f.account_id;

-- name: delete_account_data
-- One statement, so one transaction: every table or none.
SELECT table_name, row_count
FROM {schema}."_delete_account_data"(%(account_id)s, %(dry_run)s);
