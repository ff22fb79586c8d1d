-- Statements of the migration runner (stripe_sync/migrations.py).

-- name: create_schema
CREATE SCHEMA IF NOT EXISTS {schema};

-- name: create_migrations_table
-- Bookkeeping for the runner itself; one row per applied file, written in the same
-- transaction as the file.
CREATE TABLE IF NOT EXISTS {schema}."_migrations" (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    stripe_sync_version text NOT NULL
);

-- name: applied_migrations
SELECT name, checksum FROM {schema}."_migrations" ORDER BY name;

-- name: record_migration
INSERT INTO {schema}."_migrations" (name, checksum, stripe_sync_version) VALUES (%s, %s, %s);

-- name: set_local_search_path
-- Migration files use unqualified names; this makes them land in the configured schema.
SET LOCAL search_path TO {schema}, pg_catalog;

-- name: advisory_lock
SELECT pg_advisory_lock(%s);

-- name: advisory_unlock
SELECT pg_advisory_unlock(%s);

-- name: list_relations
-- Tables and views of the sync schema, for `stripe-sync migrate` to report what exists: an
-- object's view over its storage table "_raw_<name>" is an 'object' (what people query), the
-- storage table itself 'storage'.
SELECT c.relname AS name,
       CASE
           WHEN c.relkind = 'v' AND EXISTS (
               SELECT 1 FROM pg_class s
               WHERE s.relnamespace = c.relnamespace AND s.relname = '_raw_' || c.relname
                 AND s.relkind = 'r') THEN 'object'
           WHEN c.relkind = 'v' THEN 'view'
           WHEN c.relname LIKE '\_raw\_%%' AND EXISTS (
               SELECT 1 FROM pg_class v
               WHERE v.relnamespace = c.relnamespace AND '_raw_' || v.relname = c.relname
                 AND v.relkind = 'v') THEN 'storage'
           ELSE 'table'
       END AS kind,
       (SELECT count(*) FROM pg_attribute a
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'v')
ORDER BY kind, name;

-- name: sync_registry
-- Rewrite "_resources" from the Python registry (a JSON array of its rows), in one statement.
WITH incoming AS (
    SELECT * FROM jsonb_populate_recordset(NULL::{schema}."_resources", %s::jsonb)
), gone AS (
    DELETE FROM {schema}."_resources" r
    WHERE NOT EXISTS (SELECT 1 FROM incoming i WHERE i.name = r.name)
)
INSERT INTO {schema}."_resources" AS r SELECT * FROM incoming
ON CONFLICT (name) DO UPDATE SET
    object = excluded.object, table_name = excluded.table_name, parent = excluded.parent,
    is_child = excluded.is_child, delete_mode = excluded.delete_mode,
    event_objects = excluded.event_objects, event_types = excluded.event_types,
    retrieve_path = excluded.retrieve_path, list_path = excluded.list_path,
    list_params = excluded.list_params, created_filter = excluded.created_filter,
    backfill = excluded.backfill, backfill_created_filter = excluded.backfill_created_filter,
    list_per_parent = excluded.list_per_parent, nested_lists = excluded.nested_lists,
    id_prefixes = excluded.id_prefixes, ordinal = excluded.ordinal, refs = excluded.refs;

-- name: advisory_xact_lock
-- The runner's lock for one transaction (migrations sent as SQL text, one request each).
SELECT pg_advisory_xact_lock(%s);
