-- The per-table writers look rows up by hash and index, not by rescanning CTEs (issue 14).
--
-- _write_<table>'s statement joined its incoming rows with the CTEs "updated", "inserted" and
-- "before" (the rows as they were). The planner estimates the incoming rows at one (a filter on
-- the unnested arrays), so it chose nested loops over CTE scans: every incoming row rescanned
-- each CTE, a cost quadratic in the batch. A review measured 53, 102 and 139 microseconds per
-- object at 100, 500 and 1,000 objects in one call, sizes that a backfill page's child rows (an
-- invoice page's lines) reach. Now:
-- - "written" is membership in "updated" or "inserted" (hashed subplans);
-- - the row as it was is read from the table itself, by primary key: the statement's snapshot,
--   which does not see its own CTEs' changes, is the state "before" held (and the rows were
--   locked first, as before), so "before" is gone and "inserted" tests the same table;
-- - a deletion's outcome is membership in "written".
-- Outcomes are unchanged. _create_writers is rewritten from its catalog text (see
-- migrations.py) for the tables made later, and each existing _write_<table> from its own text
-- with the same edits: not by running _create_writers again, whose change triggers would take a
-- lock that blocks writes on every table until the migration commits, in name order, which is
-- not the order a write group takes them (a review reproduced a deadlock with a live writer).
-- Unqualified names: the migration runner sets search_path to the sync schema.

DO $migration$
DECLARE
    v_def text := pg_get_functiondef('"_create_writers"(text, text)'::regprocedure);
    v_edits text[][] := ARRAY[
        [$old$            before AS (
                SELECT t.id, t._raw_data, t._version, t._version_source, t.deleted
                FROM %1$I t JOIN incoming i ON i.id = t.id
            ),
$old$, ''],
        [$old$                WHERE NOT EXISTS (SELECT 1 FROM before b WHERE b.id = i.id)$old$,
         $new$                WHERE NOT EXISTS (SELECT 1 FROM %1$I b WHERE b.id = i.id)$new$],
        [$old$                       WHEN u.id IS NOT NULL OR n.id IS NOT NULL THEN 'written'$old$,
         $new$                       WHEN i.id IN (SELECT u.id FROM updated u)
                            OR i.id IN (SELECT n.id FROM inserted n) THEN 'written'$new$],
        [$old$            FROM incoming i
            LEFT JOIN updated u ON u.id = i.id
            LEFT JOIN inserted n ON n.id = i.id
            LEFT JOIN before b ON b.id = i.id;$old$,
         $new$            FROM incoming i
            LEFT JOIN %1$I b ON b.id = i.id;$new$],
        [$old$            SELECT i.ord, i.id, CASE WHEN w.id IS NULL THEN 'tombstoned' ELSE 'deleted' END
            FROM incoming i LEFT JOIN written w ON w.id = i.id;$old$,
         $new$            SELECT i.ord, i.id,
                   CASE WHEN i.id IN (SELECT w.id FROM written w) THEN 'deleted'
                        ELSE 'tombstoned' END
            FROM incoming i;$new$]];
BEGIN
    FOR k IN 1..array_length(v_edits, 1) LOOP
        IF position(v_edits[k][1] IN v_def) = 0 THEN
            RAISE EXCEPTION '0033: _create_writers changed (edit %), update this migration', k;
        END IF;
        v_def := replace(v_def, v_edits[k][1], v_edits[k][2]);
    END LOOP;
    EXECUTE v_def;
END
$migration$;

-- The writers made from the old template: the same edits, the storage table in place of %1$I.
DO $migration$
DECLARE
    f record;
    v_def text;
    v_edits text[][];
BEGIN
    FOR f IN SELECT p.oid::regprocedure AS fn, t.table_name
             FROM (SELECT DISTINCT table_name FROM "_typed_columns") t
             JOIN pg_proc p ON p.proname = '_write_' || t.table_name
                           AND p.pronamespace = current_schema()::regnamespace
             ORDER BY t.table_name LOOP
        v_def := pg_get_functiondef(f.fn);
        v_edits := ARRAY[
            [format($old$            before AS (
                SELECT t.id, t._raw_data, t._version, t._version_source, t.deleted
                FROM %1$I t JOIN incoming i ON i.id = t.id
            ),
$old$, '_raw_' || f.table_name), ''],
            [$old$                WHERE NOT EXISTS (SELECT 1 FROM before b WHERE b.id = i.id)$old$,
             format($new$                WHERE NOT EXISTS (SELECT 1 FROM %1$I b WHERE b.id = i.id)$new$,
                    '_raw_' || f.table_name)],
            [$old$                       WHEN u.id IS NOT NULL OR n.id IS NOT NULL THEN 'written'$old$,
             $new$                       WHEN i.id IN (SELECT u.id FROM updated u)
                            OR i.id IN (SELECT n.id FROM inserted n) THEN 'written'$new$],
            [$old$            FROM incoming i
            LEFT JOIN updated u ON u.id = i.id
            LEFT JOIN inserted n ON n.id = i.id
            LEFT JOIN before b ON b.id = i.id;$old$,
             format($new$            FROM incoming i
            LEFT JOIN %1$I b ON b.id = i.id;$new$, '_raw_' || f.table_name)],
            [$old$            SELECT i.ord, i.id, CASE WHEN w.id IS NULL THEN 'tombstoned' ELSE 'deleted' END
            FROM incoming i LEFT JOIN written w ON w.id = i.id;$old$,
             $new$            SELECT i.ord, i.id,
                   CASE WHEN i.id IN (SELECT w.id FROM written w) THEN 'deleted'
                        ELSE 'tombstoned' END
            FROM incoming i;$new$]];
        FOR k IN 1..array_length(v_edits, 1) LOOP
            IF position(v_edits[k][1] IN v_def) = 0 THEN
                RAISE EXCEPTION '0033: % changed (edit %), update this migration', f.fn, k;
            END IF;
            v_def := replace(v_def, v_edits[k][1], v_edits[k][2]);
        END LOOP;
        EXECUTE v_def;
    END LOOP;
END
$migration$;
