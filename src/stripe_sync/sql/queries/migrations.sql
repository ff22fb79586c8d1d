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
-- Tables and views of the sync schema, for `stripe-sync migrate` to report what exists.
SELECT c.relname AS name,
       CASE c.relkind WHEN 'v' THEN 'view' ELSE 'table' END AS kind,
       (SELECT count(*) FROM pg_attribute a
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'v')
ORDER BY kind, name;
