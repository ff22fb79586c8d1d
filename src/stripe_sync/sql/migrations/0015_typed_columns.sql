-- Typed columns computed on read (see ../shared/DESIGN.md, "Storage").
--
-- Until now every object table stored a GENERATED ALWAYS ... STORED column per Stripe field
-- (806 of them, 88 on invoices): each write recomputed all of them, and PostgreSQL prepared every
-- generation expression again for each statement. From 0016 on, an object's rows live in a lean
-- storage table "_raw_<table>" (id, _raw_data, the bookkeeping columns, and only the typed columns
-- that are indexed: references people join on, created), and "<table>" is a view over it that
-- computes every other typed column when it is read, under the same names as before.
--
-- The typed columns are data: one row of _typed_columns each. _create_typed_view rebuilds a
-- view from them, so adding the fields of a newer Stripe API version is an INSERT here and a
-- CREATE OR REPLACE VIEW: a catalogue-only change, no table rewrite and no long lock. New
-- columns take ordinals after the existing ones (a view's columns can be added, never moved).
-- Unqualified names: the migration runner sets search_path to the sync schema.

CREATE TABLE "_typed_columns" (
    -- The view (the registry's table name, e.g. customers).
    "table_name" text NOT NULL,
    "column_name" text NOT NULL,
    -- How the column is read from _raw_data (see _typed_expression); 'parent' is a plain column
    -- of the storage table set by the write path (a child row's parent id).
    "kind" text NOT NULL CHECK ("kind" IN ('text', 'bigint', 'timestamptz', 'boolean', 'numeric',
                                           'decimal', 'reference', 'jsonb', 'parent')),
    -- A column of the storage table (indexed): the view reads it instead of computing it.
    "stored" boolean NOT NULL DEFAULT false,
    -- Position in the view, after the fixed columns.
    "ordinal" integer NOT NULL,
    "comment" text,
    PRIMARY KEY ("table_name", "column_name"),
    UNIQUE ("table_name", "ordinal")
);
COMMENT ON TABLE "_typed_columns" IS 'The typed columns of each object view, computed from _raw_data when read (or stored when indexed); rebuild a view with _create_typed_view.';


-- The expression reading one typed column from "_raw_data". It never raises, whatever the JSON:
-- a value of an unexpected type reads as NULL and stays intact in _raw_data (Stripe changes
-- field types across API versions). The same rules as the stored columns of 0002
-- (scripts/gen_schema.py column_expression); a test holds the two together.
CREATE FUNCTION "_typed_expression"(p_column text, p_kind text)
RETURNS text
LANGUAGE plpgsql
IMMUTABLE
SET search_path FROM CURRENT
AS $fn$
DECLARE
    j text := format('"_raw_data"->%L', p_column);
    t text := format('"_raw_data"->>%L', p_column);
BEGIN
    CASE p_kind
    WHEN 'text' THEN
        RETURN t;
    WHEN 'jsonb' THEN
        RETURN j;
    WHEN 'boolean' THEN
        RETURN format('CASE jsonb_typeof(%1$s) WHEN ''boolean'' THEN (%1$s)::boolean END', j);
    WHEN 'numeric' THEN
        RETURN format('CASE jsonb_typeof(%1$s) WHEN ''number'' THEN (%1$s)::numeric END', j);
    WHEN 'bigint' THEN
        -- jsonb numbers are arbitrary-precision: only whole numbers in bigint range are cast.
        RETURN format(
            'CASE jsonb_typeof(%1$s) WHEN ''number'' THEN CASE WHEN (%1$s)::numeric = '
            'trunc((%1$s)::numeric) AND (%1$s)::numeric BETWEEN -9223372036854775808 AND '
            '9223372036854775807 THEN (%1$s)::bigint END END', j);
    WHEN 'timestamptz' THEN
        -- to_timestamp fails outside the timestamp range: 0001-01-01 .. 9999-12-31.
        RETURN format(
            'CASE jsonb_typeof(%1$s) WHEN ''number'' THEN CASE WHEN (%1$s)::numeric BETWEEN '
            '-62135596800 AND 253402300799 THEN to_timestamp((%1$s)::double precision) END END',
            j);
    WHEN 'decimal' THEN
        RETURN format(
            'CASE jsonb_typeof(%1$s) WHEN ''number'' THEN (%1$s)::numeric WHEN ''string'' THEN '
            'CASE WHEN length(%2$s) <= 100 AND %2$s ~ ''^-?[0-9]+(\.[0-9]+)?$'' THEN '
            '(%2$s)::numeric END END', j, t);
    WHEN 'reference' THEN
        -- The id string, or the id of the expanded object; never the object's JSON text.
        RETURN format(
            'CASE jsonb_typeof(%1$s) WHEN ''string'' THEN %2$s WHEN ''object'' THEN '
            'CASE jsonb_typeof(%1$s->''id'') WHEN ''string'' THEN %1$s->>''id'' END END', j, t);
    ELSE
        RAISE EXCEPTION '_typed_expression: unknown kind % of column %', p_kind, p_column;
    END CASE;
END
$fn$;

COMMENT ON FUNCTION "_typed_expression"(text, text) IS
'The SQL expression that reads a typed column of one kind from "_raw_data" (never raises: an unexpected type reads as NULL).';


-- (Re)create the view p_table over its storage table "_raw_<p_table>" from _typed_columns: the
-- fixed columns, then every typed column in ordinal order, stored ones read from the table and
-- the others computed. CREATE OR REPLACE keeps the view's identity (grants, dependent views);
-- columns can be appended, never removed or reordered.
CREATE FUNCTION "_create_typed_view"(p_table text)
RETURNS void
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
DECLARE
    v_columns text;
    c record;
BEGIN
    SELECT string_agg(
               CASE WHEN tc.stored OR tc.kind = 'parent' THEN format('t.%I', tc.column_name)
                    ELSE format('%s AS %I', "_typed_expression"(tc.column_name, tc.kind),
                                tc.column_name)
               END, ', ' ORDER BY tc.ordinal)
    INTO v_columns
    FROM "_typed_columns" tc
    WHERE tc.table_name = p_table;
    EXECUTE format(
        'CREATE OR REPLACE VIEW %I AS SELECT t.id, t._raw_data, t._account_id, '
        't._last_synced_at, t._updated_at, t.deleted, t.deleted_at, t._version, '
        't._version_source%s FROM %I t',
        p_table, coalesce(', ' || v_columns, ''), '_raw_' || p_table);
    FOR c IN SELECT tc.column_name, tc.comment FROM "_typed_columns" tc
             WHERE tc.table_name = p_table AND tc.comment IS NOT NULL LOOP
        EXECUTE format('COMMENT ON COLUMN %I.%I IS %L', p_table, c.column_name, c.comment);
    END LOOP;
END
$fn$;

COMMENT ON FUNCTION "_create_typed_view"(text) IS
'Create or replace the object view p_table over "_raw_<p_table>" from its rows in _typed_columns.';
