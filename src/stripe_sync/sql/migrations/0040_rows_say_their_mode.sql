-- Every row says its mode (issue 15, part 4).
--
-- A row's livemode was read from its payload. Stripe leaves the field out of some objects
-- (refunds, balance transactions, persons, connected accounts, external accounts, files, fee
-- refunds, transfer reversals, subscription items, line items ...), so with a live and a test
-- key on one database nothing said which mode such a row was. The engine knows it when it
-- writes: an event says its livemode, a fetch and a backfill page are the key's mode.
--
-- 1. Every object table gets "_livemode" (no default, so no rewrite: existing rows read NULL,
--    not known, until they are written again).
-- 2. The writers take it: _write_<table> and _write_batch gain a last argument p_livemodes
--    (DEFAULT NULL, so calls of before keep working and write NULL); an UPDATE keeps the
--    stored value when none is given. _write_objects gains p_livemode. They are dropped and
--    made again (an argument more is another function), from their catalog text with the
--    edits below, as 0033 did; _create_writers and _create_dispatchers, which make them for
--    tables added later, get the same edits.
-- 3. Who says it: _apply_changes gives each change's "livemode", else its event's (a webhook
--    body passed on as received); _backfill_page_write gives its window's mode (0037).
-- 4. Views: "livemode" reads the payload's, else "_livemode"; the views of objects without the
--    field (balance_transactions, checkout_session_line_items, refunds, subscription_items)
--    gain "livemode" as their last column. _create_typed_view and _create_writers add the
--    column to a table that lacks it, so that tables made later have it.
--
-- Unqualified names: the migration runner sets search_path to the sync schema.

-- == 1. The column ===============================================================================

DO $migration$
DECLARE
    t text;
BEGIN
    -- In the order a write group takes the tables (top-level tables by name, then the child
    -- tables after their parents): the ACCESS EXCLUSIVE locks, held to the commit, then queue
    -- behind a live writer instead of deadlocking with it (a review reproduced the deadlock
    -- in name order: invoice_line_items before invoices).
    FOR t IN SELECT c.table_name FROM "_typed_columns" c
             GROUP BY c.table_name ORDER BY bool_or(c.kind = 'parent'), c.table_name LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS "_livemode" boolean',
                       '_raw_' || t);
        EXECUTE format('COMMENT ON COLUMN %I."_livemode" IS %L', '_raw_' || t,
                       'The mode of the key or event that wrote the row (NULL: not said); '
                       'the view''s livemode reads the payload''s first.');
    END LOOP;
END
$migration$;

-- == 2. The writers ==============================================================================

-- The edits of a writer's body, the same in _create_writers' template and in each writer made
-- from it (their text differs only in the table's name and parent column).
-- (Helpers of this migration, dropped at its end: pg_temp would need the TEMP privilege.)
CREATE FUNCTION "_0040_writer_body"(p_def text, p_what text) RETURNS text
LANGUAGE plpgsql AS $f$
DECLARE
    v_cut integer := position('IF v_deletes THEN' IN p_def);
    v_upserts text := substr(p_def, 1, v_cut - 1);
    v_deletes text := substr(p_def, v_cut);
    v_rest text := '';
    v_end integer := position('$w$' IN v_deletes);
    v_edits text[][];
    v_part text;
BEGIN
    IF v_cut = 0 THEN
        RAISE EXCEPTION '0040: % changed (no deletes branch), update this migration', p_what;
    END IF;
    IF v_end > 0 THEN  -- _create_writers: the template of _tombstone_<table> follows
        v_rest := substr(v_deletes, v_end);
        v_deletes := substr(v_deletes, 1, v_end - 1);
    END IF;
    v_edits := ARRAY[
        ['u', $old$                       b.parent_id, coalesce(b.tie_wins, false) AS tie_wins
                FROM unnest(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids,
                            p_tie_wins, p_deletes, v_rank)
                     AS b(ord, raw, account_id, version, source, parent_id, tie_wins, is_delete,
                          round)$old$,
         $new$                       b.parent_id, coalesce(b.tie_wins, false) AS tie_wins, b.livemode
                FROM unnest(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids,
                            p_tie_wins, p_deletes, v_rank, p_livemodes)
                     AS b(ord, raw, account_id, version, source, parent_id, tie_wins, is_delete,
                          round, livemode)$new$],
        ['u', '_updated_at = now()',
         '_updated_at = now(), _livemode = coalesce(i.livemode, t._livemode)'],
        ['u', '_version, _version_source ', '_version, _version_source, _livemode '],
        ['u', 'i.version, i.stored_source', 'i.version, i.stored_source, i.livemode'],
        ['d', $old$b.version, b.parent_id,
                       (b.raw - 'id'$old$, $new$b.version, b.parent_id, b.livemode,
                       (b.raw - 'id'$new$],
        ['d', $old$p_deletes,
                            v_rank)
                     AS b(ord, raw, account_id, version, parent_id, is_delete, round)$old$,
         $new$p_deletes,
                            v_rank, p_livemodes)
                     AS b(ord, raw, account_id, version, parent_id, is_delete, round, livemode)$new$],
        ['d', 'deleted, deleted_at', 'deleted, deleted_at, _livemode'],
        ['d', $old$ELSE 'fetch' END, true,
                       i.version$old$, $new$ELSE 'fetch' END, true,
                       i.version, i.livemode$new$],
        ['d', '_updated_at = now()',
         '_updated_at = now(), _livemode = coalesce(EXCLUDED._livemode, t._livemode)']];
    FOR k IN 1..array_length(v_edits, 1) LOOP
        v_part := CASE v_edits[k][1] WHEN 'u' THEN v_upserts ELSE v_deletes END;
        IF array_length(string_to_array(v_part, v_edits[k][2]), 1) <> 2 THEN
            RAISE EXCEPTION '0040: % changed (edit %), update this migration', p_what, k;
        END IF;
        v_part := replace(v_part, v_edits[k][2], v_edits[k][3]);
        IF v_edits[k][1] = 'u' THEN v_upserts := v_part; ELSE v_deletes := v_part; END IF;
    END LOOP;
    RETURN v_upserts || v_deletes || v_rest;
END
$f$;

-- A text edit that must apply exactly once.
CREATE FUNCTION "_0040_edit"(p_def text, p_old text, p_new text, p_what text)
RETURNS text LANGUAGE plpgsql AS $f$
BEGIN
    IF array_length(string_to_array(p_def, p_old), 1) <> 2 THEN
        RAISE EXCEPTION '0040: % changed, update this migration', p_what;
    END IF;
    RETURN replace(p_def, p_old, p_new);
END
$f$;

-- _create_writers: the template's arguments and body; the column for a table made later.
DO $migration$
DECLARE
    v_def text := pg_get_functiondef('"_create_writers"(text, text)'::regprocedure);
BEGIN
    v_def := "_0040_edit"(v_def, $old$    p_deletes boolean[]
) RETURNS TABLE (ord bigint, object_id text, outcome text)$old$, $new$    p_deletes boolean[],
    p_livemodes boolean[] DEFAULT NULL
) RETURNS TABLE (ord bigint, object_id text, outcome text)$new$, '_create_writers (arguments)');
    v_def := "_0040_edit"(v_def, $old$    END IF;
    EXECUTE format($template$
CREATE OR REPLACE FUNCTION %6$I($old$, $new$    END IF;
    EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS "_livemode" boolean', v_storage);
    EXECUTE format($template$
CREATE OR REPLACE FUNCTION %6$I($new$, '_create_writers (column)');
    EXECUTE "_0040_writer_body"(v_def, '_create_writers');
END
$migration$;

-- Each writer: dropped (its arguments change) and made again from its own text.
DO $migration$
DECLARE
    f record;
    v_def text;
BEGIN
    FOR f IN SELECT p.oid::regprocedure AS fn, t.table_name
             FROM (SELECT DISTINCT table_name FROM "_typed_columns") t
             JOIN pg_proc p ON p.proname = '_write_' || t.table_name
                           AND p.pronamespace = current_schema()::regnamespace
             ORDER BY t.table_name LOOP
        v_def := pg_get_functiondef(f.fn);
        v_def := "_0040_edit"(v_def, 'p_deletes boolean[])',
                                      'p_deletes boolean[], p_livemodes boolean[] DEFAULT NULL)',
                                      f.fn::text || ' (arguments)');
        v_def := "_0040_writer_body"(v_def, f.fn::text);
        EXECUTE format('DROP FUNCTION %s', f.fn);
        EXECUTE v_def;
    END LOOP;
END
$migration$;

-- _write_batch passes them on: _create_dispatchers' template, then made again.
DO $migration$
DECLARE
    v_def text := pg_get_functiondef('"_create_dispatchers"()'::regprocedure);
BEGIN
    v_def := "_0040_edit"(v_def,
        $old$'p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes);',$old$,
        $new$'p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes);',$new$,
        '_create_dispatchers (call)');
    v_def := "_0040_edit"(v_def, $old$    p_deletes boolean[]
) RETURNS TABLE (ord bigint, object_id text, outcome text)$old$, $new$    p_deletes boolean[],
    p_livemodes boolean[] DEFAULT NULL
) RETURNS TABLE (ord bigint, object_id text, outcome text)$new$,
        '_create_dispatchers (arguments)');
    EXECUTE v_def;
END
$migration$;
DROP FUNCTION "_write_batch"(text, text, bigint[], jsonb[], text[], timestamptz[], text[],
                             text[], boolean[], boolean[]);
SELECT "_create_dispatchers"();

-- _write_objects: one mode for the batch.
DO $migration$
DECLARE
    v_def text := pg_get_functiondef(
        '"_write_objects"(text, text, jsonb, timestamptz, text, boolean, text, text, boolean)'
        ::regprocedure);
BEGIN
    v_def := "_0040_edit"(v_def, 'p_tie_wins boolean DEFAULT false)',
                                  'p_tie_wins boolean DEFAULT false, '
                                  'p_livemode boolean DEFAULT NULL::boolean)',
                                  '_write_objects (arguments)');
    v_def := "_0040_edit"(v_def,
        'array_fill(p_tie_wins, ARRAY[k]), array_fill(p_delete, ARRAY[k])) w;',
        'array_fill(p_tie_wins, ARRAY[k]), array_fill(p_delete, ARRAY[k]),'
        || E'\n                        array_fill(p_livemode, ARRAY[k])) w;',
        '_write_objects (call)');
    DROP FUNCTION "_write_objects"(text, text, jsonb, timestamptz, text, boolean, text, text,
                                   boolean);
    EXECUTE v_def;
END
$migration$;
COMMENT ON FUNCTION "_write_objects"(text, text, jsonb, timestamptz, text, boolean, text, text,
                                     boolean, boolean) IS
'Write a batch of Stripe objects of one type in one statement, under the stale-write guard (p_livemode: the mode kept on the rows, NULL when not known). Returns each id with its outcome: written, unchanged, stale, ambiguous (same-second tie: re-fetch), tombstoned (already deleted), deleted.';

-- == 3. Who says it ==============================================================================

DO $migration$
DECLARE
    v_def text := pg_get_functiondef('"_apply_changes"(jsonb)'::regprocedure);
    v_mode text := $m$CASE coalesce(nullif(e.c->'livemode', 'null'), e.c->'event'->'livemode')
                          WHEN 'true' THEN true WHEN 'false' THEN false END$m$;
BEGIN
    -- The rows of upserts and deletes.
    v_def := "_0040_edit"(v_def, $old$               array_agg(e.c->>'action' = 'delete') AS deletes
$old$, format($new$               array_agg(e.c->>'action' = 'delete') AS deletes,
               array_agg(%s) AS livemodes
$new$, v_mode), '_apply_changes (rows)');
    v_def := "_0040_edit"(v_def, $old$                                              r.versions, r.sources, r.parent_ids, r.ties,
                                              r.deletes) LOOP$old$, $new$                                              r.versions, r.sources, r.parent_ids, r.ties,
                                              r.deletes, r.livemodes) LOOP$new$,
        '_apply_changes (rows call)');
    -- Complete sets of a parent's rows.
    v_def := "_0040_edit"(v_def, $old$                    array_fill(false, ARRAY[jsonb_array_length(r.c->'objects')]));$old$,
        $new$                    array_fill(false, ARRAY[jsonb_array_length(r.c->'objects')]),
                    array_fill(CASE coalesce(nullif(r.c->'livemode', 'null'),
                                             r.c->'event'->'livemode')
                                   WHEN 'true' THEN true WHEN 'false' THEN false END,
                               ARRAY[jsonb_array_length(r.c->'objects')]));$new$,
        '_apply_changes (sets)');
    -- Embedded child lists: their parent's change's.
    v_def := "_0040_edit"(v_def, $old$                       array_agg(x.pcol IS NOT NULL) AS ties
$old$, $new$                       array_agg(x.pcol IS NOT NULL) AS ties,
                       array_agg(x.livemode) AS livemodes
$new$, '_apply_changes (children)');
    v_def := "_0040_edit"(v_def, $old$                           coalesce(e.c->>'source', 'event') AS source,
                           CASE WHEN ch.c->>'parent_column' IS NOT NULL$old$,
        format($new$                           coalesce(e.c->>'source', 'event') AS source,
                           %s AS livemode,
                           CASE WHEN ch.c->>'parent_column' IS NOT NULL$new$, v_mode),
        '_apply_changes (children mode)');
    v_def := "_0040_edit"(v_def, $old$                                              array_fill(false, ARRAY[cardinality(r.ords)]));$old$,
        $new$                                              array_fill(false, ARRAY[cardinality(r.ords)]),
                                              r.livemodes);$new$,
        '_apply_changes (children call)');
    EXECUTE v_def;
END
$migration$;

DO $migration$
DECLARE
    v_fn regprocedure := (SELECT p.oid::regprocedure FROM pg_proc p
                          WHERE p.proname = '_backfill_page_write'
                            AND p.pronamespace = current_schema()::regnamespace);
    v_def text := pg_get_functiondef(v_fn);
    v_mode text := $m$CASE w.mode WHEN 'live' THEN true WHEN 'test' THEN false END$m$;
BEGIN
    v_def := "_0040_edit"(v_def, $old$                              p_parent_column, p_parent_id, p_parent_column IS NOT NULL) r2;$old$,
        format($new$                              p_parent_column, p_parent_id, p_parent_column IS NOT NULL,
                              %s) r2;$new$, v_mode),
        '_backfill_page_write (page)');
    v_def := "_0040_edit"(v_def, $old$                array_fill(r.pcol IS NOT NULL, ARRAY[cardinality(r.objects)]),
                array_fill(false, ARRAY[cardinality(r.objects)]));$old$,
        format($new$                array_fill(r.pcol IS NOT NULL, ARRAY[cardinality(r.objects)]),
                array_fill(false, ARRAY[cardinality(r.objects)]),
                array_fill(%s, ARRAY[cardinality(r.objects)]));$new$, v_mode),
        '_backfill_page_write (children)');
    EXECUTE v_def;
END
$migration$;

-- == 4. Views ====================================================================================

DO $migration$
DECLARE
    v_def text := pg_get_functiondef('"_create_typed_view"(text)'::regprocedure);
    t text;
BEGIN
    v_def := "_0040_edit"(v_def, $old$               CASE WHEN tc.stored OR tc.kind = 'parent' THEN format('t.%I', tc.column_name)
$old$, $new$               CASE WHEN tc.stored OR tc.kind = 'parent' THEN format('t.%I', tc.column_name)
                    -- The payload's, else the mode of whoever wrote the row (0040).
                    WHEN tc.column_name = 'livemode' AND tc.kind = 'boolean'
                    THEN format('coalesce(%s, t._livemode) AS livemode',
                                "_typed_expression"(tc.column_name, tc.kind))
$new$, '_create_typed_view (livemode)');
    v_def := "_0040_edit"(v_def, $old$BEGIN
    SELECT string_agg($old$, $new$BEGIN
    EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS "_livemode" boolean',
                   '_raw_' || p_table);
    SELECT string_agg($new$, '_create_typed_view (column)');
    EXECUTE v_def;

    -- The views of objects without the field said their livemode was NULL.
    UPDATE "_typed_columns" SET comment = 'Whether the object exists in live mode: Stripe leaves '
        'it out of these objects, so it is the mode of the key or event that wrote the row '
        '(NULL: not said).'
    WHERE column_name = 'livemode' AND comment LIKE '%NULL where Stripe does not send it%';

    INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment)
    SELECT c.table_name, 'livemode', 'boolean', false, max(c.ordinal) + 1,
           'Live mode (true) or test mode (false): Stripe leaves it out of these objects, so it '
           'is the mode of the key or event that wrote the row (NULL: not said).'
    FROM "_typed_columns" c
    GROUP BY c.table_name
    HAVING NOT bool_or(c.column_name = 'livemode');

    FOR t IN SELECT DISTINCT c.table_name FROM "_typed_columns" c ORDER BY 1 LOOP
        PERFORM "_create_typed_view"(t);
    END LOOP;
END
$migration$;

-- == 5. The edge functions' entry point ==========================================================

-- _apply_event_v1 with the change's mode: the Supabase edge functions from this version on call
-- it (a function of several runtimes gets a new name when its arguments change, so that an old
-- and a new runtime work on one database; v1 stays, and writes no mode).
CREATE FUNCTION "_apply_event_v2"(
    p_event_id text, p_event_type text, p_event_created timestamptz, p_account_id text,
    p_action text, p_table text, p_objects jsonb, p_version timestamptz,
    p_source text DEFAULT 'event', p_parent_column text DEFAULT NULL,
    p_parent_id text DEFAULT NULL, p_children jsonb DEFAULT '[]', p_refs jsonb DEFAULT '[]',
    p_tie_wins boolean DEFAULT false, p_via text DEFAULT NULL, p_livemode boolean DEFAULT NULL
) RETURNS TABLE (outcome text, missing_refs jsonb, seen_at timestamptz)
LANGUAGE sql
SET search_path FROM CURRENT
AS $function$
    SELECT a.outcome, coalesce(a.missing_refs, '[]'), a.seen_at
    FROM "_apply_changes"(jsonb_build_array(jsonb_build_object(
        'event_id', p_event_id, 'event_type', p_event_type, 'event_created', p_event_created,
        'account_id', p_account_id, 'action', p_action, 'table', p_table,
        'objects', p_objects, 'version', p_version, 'source', p_source,
        'parent_column', p_parent_column, 'parent_id', p_parent_id,
        'children', p_children, 'refs', p_refs, 'tie_wins', p_tie_wins, 'via', p_via,
        'livemode', p_livemode))) a;
$function$;
COMMENT ON FUNCTION "_apply_event_v2"(text, text, timestamptz, text, text, text, jsonb,
                                      timestamptz, text, text, text, jsonb, jsonb, boolean, text,
                                      boolean) IS
'Apply one routed event (or fetched object) with its child lists, once per event id (p_via: how the event came, recorded with it; p_livemode: its mode, kept on the rows written). Returns the outcome (written, unchanged, stale, ambiguous, tombstoned, deleted, replaced, skipped, duplicate), the referenced objects missing from the database, and the clock for a re-fetch.';
-- _v1 is now _v2 without a mode (one body to keep).
CREATE OR REPLACE FUNCTION "_apply_event_v1"(
    p_event_id text, p_event_type text, p_event_created timestamptz, p_account_id text,
    p_action text, p_table text, p_objects jsonb, p_version timestamptz,
    p_source text DEFAULT 'event', p_parent_column text DEFAULT NULL,
    p_parent_id text DEFAULT NULL, p_children jsonb DEFAULT '[]', p_refs jsonb DEFAULT '[]',
    p_tie_wins boolean DEFAULT false, p_via text DEFAULT NULL
) RETURNS TABLE (outcome text, missing_refs jsonb, seen_at timestamptz)
LANGUAGE sql
SET search_path FROM CURRENT
AS $function$
    SELECT * FROM "_apply_event_v2"(p_event_id, p_event_type, p_event_created, p_account_id,
                                    p_action, p_table, p_objects, p_version, p_source,
                                    p_parent_column, p_parent_id, p_children, p_refs,
                                    p_tie_wins, p_via, NULL);
$function$;

-- == 6. Verify tells the modes apart by the row's mode ===========================================

-- A row's mode is its payload's livemode, else _livemode: one key's verify reports (and
-- repairs) its own mode's rows of objects without the field, and never the other mode's. Only
-- a row that says neither (written before this migration) is still never reported once the
-- other mode has synced the account. Rewritten from its catalog text.
DO $migration$
DECLARE
    v_fn regprocedure := '"_verify_extra"(text, text, timestamptz, timestamptz, text[], boolean)';
    v_def text := pg_get_functiondef(v_fn);
BEGIN
    v_def := "_0040_edit"(v_def, $old$          -- A row of the other mode is not this listing's to return.
          AND NOT coalesce(t._raw_data->'livemode' = to_jsonb(NOT $5), false)
          -- A row that does not say its mode (refunds, balance transactions ...: Stripe's
          -- object has no livemode) may be the other mode's once that mode has synced this
          -- account: it is never reported, so a repair cannot tombstone the other mode's data.
          AND ($5 IS NULL OR t._raw_data ? 'livemode' OR NOT EXISTS ($old$,
        $new$          -- A row of the other mode is not this listing's to return: the payload's
          -- livemode, else the mode that wrote the row (0040).
          AND NOT coalesce(coalesce(CASE t._raw_data->'livemode' WHEN 'true' THEN true
                                                                 WHEN 'false' THEN false END,
                                    t._livemode) = NOT $5, false)
          -- A row that says neither (written before 0040, of an object without livemode) may
          -- be the other mode's once that mode has synced this account: it is never reported,
          -- so a repair cannot tombstone the other mode's data.
          AND ($5 IS NULL OR t._raw_data ? 'livemode' OR t._livemode IS NOT NULL
               OR NOT EXISTS ($new$, '_verify_extra');
    EXECUTE v_def;
END
$migration$;
COMMENT ON FUNCTION "_verify_extra"(text, text, timestamptz, timestamptz, text[], boolean) IS
'Rows alive here in a created window that Stripe''s listing of the window did not return (rows of the other mode than p_livemode excluded, by their payload''s livemode, else _livemode; rows that say neither excluded once the other mode has synced the account).';

-- == 7. History mode reads the row's mode too ===================================================

-- <table>_as_of(at) reads the typed columns from the recorded payloads: livemode, where the
-- payload has none, from the row's _livemode (an object's mode never changes).
DO $migration$
DECLARE
    v_def text := pg_get_functiondef('"_history_as_of_sql"(text)'::regprocedure);
BEGIN
    v_def := "_0040_edit"(v_def, $old$               CASE WHEN tc.kind = 'parent' THEN format('t.parent_id AS %I', tc.column_name)
$old$, $new$               CASE WHEN tc.kind = 'parent' THEN format('t.parent_id AS %I', tc.column_name)
                    WHEN tc.column_name = 'livemode' AND tc.kind = 'boolean'
                    THEN format('coalesce(%s, (SELECT r._livemode FROM %I r WHERE r.id = t.id)) '
                                'AS livemode', "_typed_expression"(tc.column_name, tc.kind),
                                '_raw_' || p_table)
$new$, '_history_as_of_sql');
    EXECUTE v_def;
END
$migration$;

DROP FUNCTION "_0040_writer_body"(text, text);
DROP FUNCTION "_0040_edit"(text, text, text, text);
