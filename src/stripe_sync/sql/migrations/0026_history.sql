-- History mode (issue 20, part 2): every version of an object that the write path is given is
-- kept, for the objects it is turned on for, so that the state of the mirror as of any past
-- instant can be queried (<table>_as_of(timestamptz)) and each state's validity interval read
-- (the view "history").
--
-- Where versions are recorded. Every object write goes through _write_batch (events, groups of
-- events, fetched and re-fetched objects, backfill pages, child lists, complete child sets),
-- which receives each incoming version with its version time, the one its stale-write guard
-- compares. A version that arrives after a newer one is "stale" there and never reaches the
-- object table, yet it belongs in the history: so the versions are recorded in _write_batch
-- itself, all of them whatever the guard decides, not by a trigger on the object tables
-- (which sees only the writes that won).
--
-- What is stored. One row per distinct observation (table, id, version time, tombstone or not,
-- content) in _history, the payload once per distinct content in _history_payloads (an
-- unchanged object fetched again costs a ~100-byte row, not another copy of the payload).
-- Nothing depends on the order observations arrive in: a row is inserted or already there, and
-- intervals are computed when read (valid_to = the next version's time), so a shuffled
-- delivery gives the same rows, hence the same timeline, as an ordered one.
--
-- One table for all objects rather than one per object: history is opt-in per object, and
-- one table keyed by (table_name, id, ...) serves every object through one index without
-- creating 99 more tables; an as-of query on one object reads only that object's index range.
--
-- Order within a version time (same-second versions). Versions are ordered by their time;
-- versions of the very same time are ordered states first, a tombstone last, then by the md5
-- of their content: arbitrary, but the same whatever order they arrived in. The write path
-- settles such a tie by a re-fetch, whose later version then closes the tie in the history too.
-- Unqualified names: the migration runner sets search_path to the sync schema.

CREATE TABLE "_history_objects" (
    -- The object table (the view's name, e.g. subscriptions).
    "table_name" text PRIMARY KEY,
    -- When history was turned on: versions are kept from then on.
    "since" timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE "_history_objects" IS 'The object tables whose versions are kept in _history (history mode), since when.';

CREATE TABLE "_history_payloads" (
    -- md5 of the payload's text (jsonb's canonical form).
    "hash" uuid PRIMARY KEY,
    "account_id" text,
    "payload" jsonb NOT NULL
);
COMMENT ON TABLE "_history_payloads" IS 'Each distinct payload of _history once, by the md5 of its text.';

CREATE TABLE "_history" (
    "table_name" text NOT NULL,
    "id" text NOT NULL,
    -- A tombstone: the object was deleted at this version.
    "deleted" boolean NOT NULL,
    -- The version's time, as the write path's stale-write guard uses it: the event's created
    -- for an event, the time the request was sent for a fetched object.
    "version" timestamptz NOT NULL,
    -- The payload, in _history_payloads.
    "hash" uuid NOT NULL,
    "account_id" text,
    -- A child row's parent id (the parent column of its table).
    "parent_id" text,
    -- event, fetch or refetch: where the version came from.
    "source" text NOT NULL,
    -- When it was first recorded.
    "recorded_at" timestamptz NOT NULL DEFAULT now(),
    -- One row per observation; the order of its columns is the order of an object's versions
    -- read backwards (an as-of query walks it from the newest version at or before the instant).
    PRIMARY KEY ("table_name", "id", "deleted", "version", "hash")
);
COMMENT ON TABLE "_history" IS 'History mode: every version of the objects in _history_objects the write path was given, stale ones included; read it through the view history and the functions <table>_as_of.';
CREATE INDEX "_history_account_idx" ON "_history" ("account_id");
CREATE INDEX "_history_payloads_account_idx" ON "_history_payloads" ("account_id");

-- Payloads compress well (lz4 where the server has it, as the object tables: 0020).
DO $lz4$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression'
               AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE "_history_payloads" ALTER COLUMN "payload" SET COMPRESSION lz4;
    END IF;
END
$lz4$;


-- Record versions given to _write_batch (its arguments, as they came). Idempotent: a version
-- recorded before is left as it is.
CREATE FUNCTION "_history_record"(
    p_table text,
    p_objects jsonb[],
    p_accounts text[],
    p_versions timestamptz[],
    p_sources text[],
    p_parent_ids text[],
    p_deletes boolean[]
) RETURNS void
LANGUAGE sql
SET search_path FROM CURRENT
AS $fn$
    WITH incoming AS (
        SELECT b.raw->>'id' AS id, b.raw, md5(b.raw::text)::uuid AS hash, b.account_id,
               b.version, coalesce(b.source, 'event') AS source, b.parent_id,
               coalesce(b.is_delete, false) AS deleted
        FROM unnest(p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_deletes)
             AS b(raw, account_id, version, source, parent_id, is_delete)
        WHERE jsonb_typeof(b.raw->'id') = 'string' AND b.version IS NOT NULL
    ),
    payloads AS (
        INSERT INTO "_history_payloads" (hash, account_id, payload)
        SELECT DISTINCT ON (i.hash) i.hash, i.account_id, i.raw
        FROM incoming i
        ORDER BY i.hash
        ON CONFLICT (hash) DO NOTHING
    )
    -- In key order, as every writer inserts: concurrent groups wait instead of deadlocking.
    INSERT INTO "_history" (table_name, id, deleted, version, hash, account_id, parent_id, source)
    SELECT DISTINCT ON (i.id, i.deleted, i.version, i.hash)
           p_table, i.id, i.deleted, i.version, i.hash, i.account_id, i.parent_id, i.source
    FROM incoming i
    ORDER BY i.id, i.deleted, i.version, i.hash
    ON CONFLICT DO NOTHING;
$fn$;

COMMENT ON FUNCTION "_history_record"(text, jsonb[], text[], timestamptz[], text[], text[], boolean[]) IS
'Record the versions given to _write_batch in _history (history mode), whatever the stale-write guard made of them.';


-- _write_batch records the versions of the tables in _history_objects, after the table's
-- writer has run (so after it locked the rows, in the lock order of every writer). It is made
-- by _create_dispatchers, rewritten here from its own text in the catalog with the recording
-- added after the CASE of _write_batch, so that it stays whatever earlier (and parallel)
-- migrations made it; then _write_batch is made again.
DO $migration$
DECLARE
    v_fn regprocedure := '"_create_dispatchers"()'::regprocedure;
    v_def text := pg_get_functiondef('"_create_dispatchers"()'::regprocedure);
    v_start integer;
    v_at integer;
    v_anchor text := 'END CASE;';
    v_hook text := $hook$
    -- History mode (0026): every version given, whatever the guard made of it.
    IF EXISTS (SELECT 1 FROM "_history_objects" h WHERE h.table_name = p_table) THEN
        PERFORM "_history_record"(p_table, p_objects, p_accounts, p_versions, p_sources,
                                  p_parent_ids, p_deletes);
    END IF;$hook$;
BEGIN
    v_start := position('CREATE OR REPLACE FUNCTION "_write_batch"(' IN v_def);
    IF v_start = 0 THEN
        RAISE EXCEPTION '0026: % does not make _write_batch as expected', v_fn;
    END IF;
    v_at := position(v_anchor IN substr(v_def, v_start));
    IF v_at = 0 THEN
        RAISE EXCEPTION '0026: _write_batch in % has no END CASE', v_fn;
    END IF;
    v_at := v_start + v_at - 1 + length(v_anchor);
    EXECUTE substr(v_def, 1, v_at - 1) || v_hook || substr(v_def, v_at);
END
$migration$;
SELECT "_create_dispatchers"();


-- Turn history on for object tables (view names, e.g. subscriptions): from now on their
-- versions are kept. The rows the mirror holds now are recorded first, at their own versions,
-- so that an as-of query from now on sees every object, not only those that change. Tables
-- already on are left as they are. Returns the tables turned on by this call.
CREATE FUNCTION "history_enable"(p_tables text[])
RETURNS SETOF text
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
DECLARE
    v_table text;
    v_parent text;
BEGIN
    FOREACH v_table IN ARRAY coalesce(p_tables, '{}') LOOP
        IF NOT EXISTS (SELECT 1 FROM "_typed_columns" c WHERE c.table_name = v_table)
           OR to_regclass(quote_ident('_raw_' || v_table)) IS NULL THEN
            RAISE EXCEPTION 'history_enable: unknown object table %', v_table;
        END IF;
    END LOOP;
    FOR v_table IN SELECT DISTINCT t FROM unnest(p_tables) t ORDER BY t LOOP
        INSERT INTO "_history_objects" (table_name) VALUES (v_table) ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
            CONTINUE;
        END IF;
        SELECT c.column_name INTO v_parent FROM "_typed_columns" c
        WHERE c.table_name = v_table AND c.kind = 'parent';
        -- The rows held now (in id order, locking them as a writer would: a write
        -- committed meanwhile is recorded by the write path, which sees the table on).
        EXECUTE format($q$
            SELECT "_history_record"(%L, array_agg(t._raw_data), array_agg(t._account_id),
                                     array_agg(t._version), array_agg(t._version_source),
                                     array_agg(%s), array_agg(t.deleted))
            FROM (SELECT * FROM %I x WHERE x._version IS NOT NULL ORDER BY x.id FOR SHARE) t
            $q$, v_table, CASE WHEN v_parent IS NULL THEN 'NULL::text'
                               ELSE format('t.%I', v_parent) END, '_raw_' || v_table);
        RETURN NEXT v_table;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION "history_enable"(text[]) IS
'Turn history mode on for object tables (e.g. ARRAY[''subscriptions'']): their versions are kept from now on, starting with the rows held now.';

-- Turn it off: no more versions are kept; those kept stay (delete them from _history).
CREATE FUNCTION "history_disable"(p_tables text[])
RETURNS SETOF text
LANGUAGE sql
SET search_path FROM CURRENT
AS $fn$
    DELETE FROM "_history_objects" h WHERE h.table_name = ANY (p_tables) RETURNING h.table_name;
$fn$;
COMMENT ON FUNCTION "history_disable"(text[]) IS
'Turn history mode off for object tables: no further versions are kept (those kept stay).';


-- The state of one object table as of an instant, untyped: per id its newest version at or
-- before p_at, none when it was deleted by then (a tombstone at or before p_at wins over any
-- version, as in the mirror, where a deletion is final). Reads the table's range of the
-- primary key backwards: (table, id, deleted, version, hash) descending.
CREATE FUNCTION "history_as_of"(p_table text, p_at timestamptz)
RETURNS TABLE (id text, account_id text, version timestamptz, source text, parent_id text,
               recorded_at timestamptz, payload jsonb)
LANGUAGE sql
STABLE
SET search_path FROM CURRENT
AS $fn$
    SELECT s.id, s.account_id, s.version, s.source, s.parent_id, s.recorded_at, p.payload
    FROM (SELECT DISTINCT ON (h.id) h.*
          FROM "_history" h
          WHERE h.table_name = p_table AND h.version <= p_at
          ORDER BY h.id DESC, h.deleted DESC, h.version DESC, h.hash DESC) s
    JOIN "_history_payloads" p ON p.hash = s.hash
    WHERE NOT s.deleted;
$fn$;
COMMENT ON FUNCTION "history_as_of"(text, timestamptz) IS
'The objects of a table (history mode) as they were at an instant: per id its newest version at or before it, unless deleted by then; the payload untyped (<table>_as_of gives the typed columns).';


-- The SELECT of <table>_as_of: the object view's columns over history_as_of($1, $2), computed
-- the way the view computes them (_typed_expression), the stored ones too. Built when called,
-- from _typed_columns, so it follows the view when columns are added to it.
CREATE FUNCTION "_history_as_of_sql"(p_table text)
RETURNS text
LANGUAGE plpgsql
STABLE
SET search_path FROM CURRENT
AS $fn$
DECLARE
    v_columns text;
BEGIN
    SELECT string_agg(
               CASE WHEN tc.kind = 'parent' THEN format('t.parent_id AS %I', tc.column_name)
                    ELSE format('%s AS %I', "_typed_expression"(tc.column_name, tc.kind),
                                tc.column_name)
               END, ', ' ORDER BY tc.ordinal)
    INTO v_columns
    FROM "_typed_columns" tc
    WHERE tc.table_name = p_table;
    RETURN format(
        'SELECT t.id, t._raw_data, t._account_id, t._last_synced_at, t._updated_at, '
        'false AS deleted, NULL::timestamptz AS deleted_at, t._version, '
        't._version_source%s FROM (SELECT h.id, h.payload AS _raw_data, '
        'h.account_id AS _account_id, h.recorded_at AS _last_synced_at, '
        'h.recorded_at AS _updated_at, h.version AS _version, '
        'CASE h.source WHEN ''refetch'' THEN ''fetch'' ELSE h.source END AS _version_source, '
        'h.parent_id FROM %I.history_as_of($1, $2) h) t',
        coalesce(', ' || v_columns, ''), current_schema());
END
$fn$;


-- <table>_as_of(timestamptz) for one object table: rows shaped like the view <table>.
CREATE FUNCTION "_create_history_reader"(p_table text)
RETURNS void
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $create$
BEGIN
    EXECUTE format($template$
CREATE OR REPLACE FUNCTION %1$I(p_at timestamptz) RETURNS SETOF %2$I
LANGUAGE plpgsql
STABLE
SET search_path FROM CURRENT
AS $f$
BEGIN
    RETURN QUERY EXECUTE "_history_as_of_sql"(%3$L) USING %3$L, p_at;
END
$f$
$template$, p_table || '_as_of', p_table, p_table);
    EXECUTE format('COMMENT ON FUNCTION %I(timestamptz) IS %L', p_table || '_as_of',
                   format('The %s as they were at an instant (history mode; empty while it is '
                          'off for %s): the columns of the view %s.', p_table, p_table, p_table));
END
$create$;

SELECT "_create_history_reader"(t.table_name)
FROM (SELECT DISTINCT table_name FROM "_typed_columns") t
WHERE to_regclass(quote_ident(t.table_name)) IS NOT NULL
ORDER BY t.table_name;


-- Every state of every object with history on, with its validity interval [valid_from,
-- valid_to): valid_to is the next state's version time, or the deletion's (deleted_at); NULL
-- while it is the current state. Consecutive versions with the same content are one state
-- (the first of them starts it); versions after a deletion are ignored (a deletion is final).
-- Filter on table_name (and id): the condition is applied before the windows.
CREATE VIEW "history" AS
SELECT s.table_name, s.id, s.account_id, s.version AS valid_from,
       s.next_version AS valid_to,
       CASE WHEN s.next_deleted THEN s.next_version END AS deleted_at,
       s.source, s.parent_id, s.recorded_at, p.payload AS _raw_data
FROM (
    SELECT c.*,
           lead(c.version) OVER w AS next_version,
           lead(c.deleted) OVER w AS next_deleted
    FROM (
        SELECT h.*,
               lag(h.hash) OVER o AS previous_hash,
               lag(h.deleted) OVER o AS previous_deleted,
               min(h.version) FILTER (WHERE h.deleted)
                   OVER (PARTITION BY h.table_name, h.id) AS first_deleted
        FROM "_history" h
        WINDOW o AS (PARTITION BY h.table_name, h.id ORDER BY h.version, h.deleted, h.hash)
    ) c
    WHERE (c.first_deleted IS NULL OR c.version <= c.first_deleted)
      AND (c.deleted OR c.previous_hash IS NULL OR c.previous_hash <> c.hash
           OR c.previous_deleted)
    WINDOW w AS (PARTITION BY c.table_name, c.id ORDER BY c.version, c.deleted, c.hash)
) s
JOIN "_history_payloads" p ON p.hash = s.hash
WHERE NOT s.deleted;
COMMENT ON VIEW "history" IS 'History mode: every state of every object kept, with its validity interval [valid_from, valid_to); valid_to is NULL for the current state, deleted_at set when a deletion ended it.';


-- Account data: the history of an account goes with it (dangerously_delete_synced_account_data).
DO $migration$
DECLARE
    v_fn regprocedure := '"_account_tables"()'::regprocedure;
    v_def text := pg_get_functiondef('"_account_tables"()'::regprocedure);
    v_old text := $old$('_sync_obj_runs', 'account_id', 'equals', 1),$old$;
BEGIN
    IF position(v_old IN v_def) = 0 THEN
        RAISE EXCEPTION '0026: % does not list _sync_obj_runs as expected', v_fn;
    END IF;
    EXECUTE replace(v_def, v_old,
                    $new$('_history', 'account_id', 'equals', 1),
        ('_history_payloads', 'account_id', 'equals', 1),
        $new$ || v_old);
END
$migration$;
