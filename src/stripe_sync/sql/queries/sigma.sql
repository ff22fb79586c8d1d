-- Fixed statements of the Sigma tables (stripe_sync/sigma/tables.py). Here {schema} is the Sigma
-- schema (``sigma`` by default), not the sync schema. Statements naming a Sigma table are built
-- in tables.py with psycopg.sql, as the names come from the catalogue.

-- name: sigma_lock
-- Serialises ensure_tables per schema; released when the transaction ends.
SELECT pg_advisory_xact_lock(%s);

-- name: sigma_create_schema
CREATE SCHEMA IF NOT EXISTS {schema};

-- name: sigma_existing_columns
-- The columns of the given tables of the schema, with their type as PostgreSQL prints it
-- (format_type), NOT NULL, and their position in the primary key (NULL: not in it).
SELECT c.relname::text AS table_name,
       a.attname::text AS column_name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS column_type,
       a.attnotnull AS not_null,
       array_position(i.indkey::int2[], a.attnum) AS key_position
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_catalog.pg_index i ON i.indrelid = c.oid AND i.indisprimary
WHERE n.nspname = %(schema)s
  AND c.relname::text = ANY(%(tables)s::text[])
  AND c.relkind IN ('r', 'p')
ORDER BY c.relname, a.attnum;

-- name: sigma_utc
-- Sigma's timestamps carry no zone and are UTC: parse them so, whatever the session's TimeZone.
SET LOCAL TIME ZONE 'UTC';
