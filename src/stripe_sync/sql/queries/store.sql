-- Statements of the store (stripe_sync/store.py): the engine's only way into PostgreSQL.

-- name: apply_changes
-- A group of changes (events, fetched objects), applied in one call and one commit.
SELECT ord, outcome, missing_refs, seen_at, resource, object_id, reason, route
FROM {schema}."_apply_changes"(%s::jsonb) ORDER BY ord;

-- name: route_events
-- The route of each event of a JSON array, as _apply_changes would route it (no write).
SELECT ord, action, resource, tbl, object_id, parent_id, outcome, reason
FROM {schema}."_route_events"(%s::jsonb) ORDER BY ord;

-- name: measure_write_limits
-- A page write measured for an estimate must not wait behind a run's locks, nor take long.
SELECT set_config('lock_timeout', '500ms', true), set_config('statement_timeout', '10s', true);

-- name: measure_write
-- One page of objects written as a backfill writes it (in a transaction the caller rolls back).
SELECT count(*) FROM {schema}."_write_objects"(
    %(table)s, %(account_id)s, %(objects)s, clock_timestamp(), 'fetch', false, NULL, NULL, false
);

-- name: measure_child_write
-- The rows of one child table embedded in that page, as _backfill_page_write writes them.
SELECT count(*) FROM {schema}."_write_batch"(
    %(table)s::text, %(parent_column)s::text,
    (SELECT array_agg(g::bigint) FROM generate_series(1, jsonb_array_length(%(objects)s::jsonb)) g),
    (SELECT array_agg(o ORDER BY k)
     FROM jsonb_array_elements(%(objects)s::jsonb) WITH ORDINALITY x(o, k)),
    array_fill(%(account_id)s::text, ARRAY[jsonb_array_length(%(objects)s::jsonb)]),
    array_fill(clock_timestamp(), ARRAY[jsonb_array_length(%(objects)s::jsonb)]),
    array_fill('fetch'::text, ARRAY[jsonb_array_length(%(objects)s::jsonb)]),
    %(parent_ids)s::text[],
    array_fill(%(parent_column)s::text IS NOT NULL, ARRAY[jsonb_array_length(%(objects)s::jsonb)]),
    array_fill(false, ARRAY[jsonb_array_length(%(objects)s::jsonb)])
);

-- name: managed_webhook_secrets
-- Signing secrets of the endpoints this database tracks, to verify incoming webhooks.
SELECT secret FROM {schema}."_managed_webhooks" ORDER BY created_at DESC;

-- name: account_for_key
SELECT id FROM {schema}."accounts" WHERE api_key_hashes @> ARRAY[%s]::text[] LIMIT 1;

-- name: upsert_account
-- The account as GET /v1/account answered, remembering the hash of the key that saw it.
INSERT INTO {schema}."accounts" AS a (id, _raw_data, api_key_hashes)
VALUES (%(id)s, %(raw)s, CASE WHEN %(key_hash)s::text IS NULL THEN '{{}}'::text[]
                              ELSE ARRAY[%(key_hash)s::text] END)
ON CONFLICT (id) DO UPDATE SET
    _raw_data = EXCLUDED._raw_data,
    api_key_hashes = CASE
        WHEN %(key_hash)s::text IS NULL OR %(key_hash)s::text = ANY (a.api_key_hashes)
        THEN a.api_key_hashes
        ELSE a.api_key_hashes || %(key_hash)s::text END,
    _last_synced_at = now(),
    _updated_at = now();

-- name: ping
SELECT 1;

-- name: synced
-- Whether the mirror holds an object at least at a version (wait_until_synced).
SELECT {schema}."_synced"(%(table)s, %(id)s, %(event_id)s, %(version)s, %(state)s);

-- name: listen_for_writes
SELECT {schema}."_listen_for_writes"();

-- name: written_barrier
SELECT {schema}."_written_barrier"();

-- name: unlisten_for_writes
SELECT {schema}."_unlisten_for_writes"();
