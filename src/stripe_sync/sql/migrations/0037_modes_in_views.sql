-- Live and test data side by side, as people read it (issue 15, part 4).
--
-- 0029 made the backfill's bookkeeping per account and mode, but what people read stayed per
-- account: sync_lag and sync_status showed one row per account and object, with the least
-- advanced mode's cursor and the newest backfill of either mode, sync_runs did not say a run's
-- mode, and a run's windows did not say their mode at all.
--
-- 1. _sync_obj_runs.mode: a window says its run's mode, kept equal to it by a foreign key on
--    (run_id, mode) that follows the run (ON UPDATE CASCADE: 0036's adoption changes a run's
--    mode). The indexes sync_status reads per account and object now have the mode before their
--    last column, so that each mode's newest window, run and completion stays one index probe
--    (0023's view read the whole window history; a join to the runs' mode would again, for a
--    mode whose newest windows lie behind many of the other mode's). Existing windows take their
--    run's mode. The functions that make windows write it (_backfill_plan_v2, and
--    _backfill_page_write for the windows a page spawns or splits off); a window made without it
--    is mode 'unknown', which the key refuses for a run of another mode: an error, not a wrong
--    row. _backfill_adopt_v1, whose change of its runs' mode now cascades to their windows,
--    locks those windows first, in the order a page write takes them (window, then run), so
--    that it does not deadlock with an old runtime paging the run it adopts.
-- 2. Views, each with a new last column "mode" ('live', 'test', or 'unknown' for runs of a
--    runtime that did not say, and Sigma's), the other columns as before, so that existing SQL
--    keeps working (and a database of one mode shows the same rows as before: a mode 'unknown'
--    beside a mode of its own is shown only while it has a cursor, an open or a failing window,
--    so the complete windows of runs 0036 retired, or 0029 could not give a mode, add no stale
--    row):
--    - sync_runs: the run's mode;
--    - sync_status: one row per account, object and mode, each with its own status, cursor,
--      last completion, failures and newest run;
--    - sync_lag: one row per account, object and mode, each with its own cursor, last complete
--      backfill and failing windows. The event columns stay per account and object, the same on
--      each mode's row (an account and object with events only: mode 'unknown'): an event does
--      not keep its mode. Keeping it (the event's livemode on the _processed_events row that
--      _apply_changes inserts anyway, for this view and freshness) was measured with
--      bench/webhooks.py at 64 in flight against 0036, 14 interleaved pairs: events/s -5.0 %,
--      PostgreSQL CPU per event +3.7 % (medians; higher in 11 of the 14 pairs). The write path
--      is the bottleneck, so freshness and the event columns stay as they were.
-- 3. _object_modes(account, tables): the modes that one row of each of those object tables
--    says (one index probe per table, until both are seen), for get_all_synced_accounts' "modes" beside the modes of
--    runs and event cursors: an account synced only by webhooks has neither.
--
-- Unqualified names: the migration runner sets search_path to the sync schema.

-- == 1. Windows carry their run's mode ===========================================================

ALTER TABLE "_sync_obj_runs" ADD COLUMN "mode" text NOT NULL DEFAULT 'unknown';
COMMENT ON COLUMN "_sync_obj_runs"."mode" IS 'Its run''s mode (the foreign key (run_id, mode) keeps them equal): sync_status reads each mode''s windows by index.';
-- The three indexes are made again below with the mode: dropped before the update, which then
-- does not maintain them.
DROP INDEX "_sync_obj_runs_object_completed_idx";
DROP INDEX "_sync_obj_runs_object_run_idx";
DROP INDEX "_sync_obj_runs_object_updated_idx";
UPDATE "_sync_obj_runs" w SET "mode" = r."mode"
FROM "_sync_runs" r
WHERE r."id" = w."run_id" AND r."mode" <> 'unknown';
ALTER TABLE "_sync_runs" ADD CONSTRAINT "_sync_runs_id_mode_key" UNIQUE ("id", "mode");
ALTER TABLE "_sync_obj_runs" ADD CONSTRAINT "_sync_obj_runs_run_mode_fkey"
    FOREIGN KEY ("run_id", "mode") REFERENCES "_sync_runs" ("id", "mode")
    ON UPDATE CASCADE ON DELETE CASCADE;
-- The key above holds run_id too (both columns are NOT NULL).
ALTER TABLE "_sync_obj_runs" DROP CONSTRAINT "_sync_obj_runs_run_id_fkey";

CREATE INDEX "_sync_obj_runs_object_completed_idx"
    ON "_sync_obj_runs" ("account_id", "object", "mode", "completed_at");
CREATE INDEX "_sync_obj_runs_object_run_idx"
    ON "_sync_obj_runs" ("account_id", "object", "mode", "run_id");
CREATE INDEX "_sync_obj_runs_object_updated_idx"
    ON "_sync_obj_runs" ("account_id", "object", "mode", "updated_at");

-- The functions that make windows write their run's mode. Rewritten from the catalog text (see
-- migrations.py); each anchor must be found as many times as the function has such windows.
DO $migration$
DECLARE
    v_edits text[][] := ARRAY[
        -- _backfill_plan_v2: carried, whole-list and created windows of the run it plans.
        ['"_backfill_plan_v2"(text, jsonb, timestamptz, timestamptz, timestamptz, interval, text, boolean, integer, text)',
         $old$INSERT INTO "_sync_obj_runs" (run_id, account_id,$old$,
         $new$INSERT INTO "_sync_obj_runs" (run_id, mode, account_id,$new$, '4'],
        ['"_backfill_plan_v2"(text, jsonb, timestamptz, timestamptz, timestamptz, interval, text, boolean, integer, text)',
         $old$SELECT v_run, o.account_id,$old$,
         $new$SELECT v_run, p_mode, o.account_id,$new$, '1'],
        ['"_backfill_plan_v2"(text, jsonb, timestamptz, timestamptz, timestamptz, interval, text, boolean, integer, text)',
         $old$VALUES (v_run, p_account_id,$old$,
         $new$VALUES (v_run, p_mode, p_account_id,$new$, '2'],
        ['"_backfill_plan_v2"(text, jsonb, timestamptz, timestamptz, timestamptz, interval, text, boolean, integer, text)',
         $old$SELECT v_run, p_account_id,$old$,
         $new$SELECT v_run, p_mode, p_account_id,$new$, '1'],
        -- _backfill_page_write: the children window a page spawns, the window it splits off.
        ['"_backfill_page_write"(bigint, text, interval, text, text, jsonb, timestamptz, jsonb, text, timestamptz, boolean, integer, text, text, text[])',
         $old$INSERT INTO "_sync_obj_runs" (run_id, account_id,$old$,
         $new$INSERT INTO "_sync_obj_runs" (run_id, mode, account_id,$new$, '2'],
        ['"_backfill_page_write"(bigint, text, interval, text, text, jsonb, timestamptz, jsonb, text, timestamptz, boolean, integer, text, text, text[])',
         $old$VALUES (w.run_id, w.account_id,$old$,
         $new$VALUES (w.run_id, w.mode, w.account_id,$new$, '2'],
        -- _backfill_adopt_v1: changing its runs' mode now also updates their windows (the key
        -- cascades), so it locks the windows first, as a page write does (window, then run):
        -- runs first would deadlock with an old runtime's page write of the adopted run.
        ['"_backfill_adopt_v1"(text, text, text)',
         $old$    IF v_found > 0 AND NOT v_other THEN$old$,
         $new$    IF v_found > 0 AND NOT v_other THEN
        PERFORM 1 FROM "_sync_obj_runs" w
        JOIN "_sync_runs" r ON r.id = w.run_id
        WHERE r.account_id = p_account_id AND r.mode = 'unknown'
          AND r.triggered_by IS NOT DISTINCT FROM p_triggered_by
        ORDER BY w.id
        FOR UPDATE OF w;$new$, '1']];
    v_defs jsonb := '{}';
    v_def text;
    v_found integer;
    v_function text;
BEGIN
    FOR k IN 1..array_length(v_edits, 1) LOOP
        v_def := coalesce(v_defs->>v_edits[k][1],
                          pg_get_functiondef(v_edits[k][1]::regprocedure));
        v_found := (length(v_def) - length(replace(v_def, v_edits[k][2], '')))
                   / length(v_edits[k][2]);
        IF v_found <> v_edits[k][4]::integer THEN
            RAISE EXCEPTION '0037: % changed (edit %: % found, % expected), update this migration',
                v_edits[k][1], k, v_found, v_edits[k][4];
        END IF;
        v_defs := v_defs || jsonb_build_object(v_edits[k][1],
                                               replace(v_def, v_edits[k][2], v_edits[k][3]));
    END LOOP;
    FOR v_function IN SELECT jsonb_object_keys(v_defs) LOOP
        EXECUTE v_defs->>v_function;
    END LOOP;
END
$migration$;

-- == 2. The views say the mode ===================================================================

CREATE OR REPLACE VIEW "sync_runs" AS
SELECT
    r."account_id",
    r."started_at",
    r."closed_at",
    r."status",
    COALESCE(sum(o."processed_count"), 0)::bigint AS "total_processed",
    count(*) FILTER (WHERE o."status" = 'complete') AS "complete_count",
    count(*) FILTER (WHERE o."status" = 'error' AND o."superseded_by" IS NULL) AS "error_count",
    count(*) FILTER (WHERE o."status" = 'running' AND o."superseded_by" IS NULL) AS "running_count",
    count(*) FILTER (WHERE o."status" = 'pending' AND o."superseded_by" IS NULL) AS "pending_count",
    r."id" AS "run_id",
    r."objects",
    r."error_message",
    count(*) FILTER (WHERE o."superseded_by" IS NOT NULL) AS "carried_count",
    r."mode"
FROM "_sync_runs" r
LEFT JOIN "_sync_obj_runs" o ON o."run_id" = r."id"
GROUP BY r."id";
COMMENT ON VIEW "sync_runs" IS 'Backfill runs with their mode and counts of their windows by status (carried: unfinished windows continued by a later run).';

CREATE OR REPLACE VIEW "sync_lag" AS
WITH events AS (
    -- Per account and object, both modes (an event does not keep its mode: see 2. above).
    SELECT e."account_id", "_object_name"(e."object_type") AS "object",
           max(e."created") AS "last_event_created",
           max(e."processed_at") AS "last_event_processed_at"
    FROM "_processed_events" e
    WHERE e."object_type" IS NOT NULL
    GROUP BY 1, 2
),
run_objects AS (
    -- An object's part of a run is complete when all of its windows are, those carried into a
    -- later run included (they are not complete): that run completes them.
    SELECT w."account_id", w."mode", w."object", w."run_id",
           bool_and(w."status" = 'complete') AS "complete",
           max(w."completed_at") AS "completed_at",
           bool_or(w."status" IN ('pending', 'running') AND w."superseded_by" IS NULL) AS "open"
    FROM "_sync_obj_runs" w
    GROUP BY 1, 2, 3, 4
),
backfills AS (
    SELECT r."account_id", r."mode", r."object",
           max(r."completed_at") FILTER (WHERE r."complete") AS "last_backfill_completed_at",
           bool_or(r."open") AS "backfill_running"
    FROM run_objects r
    GROUP BY 1, 2, 3
),
failing AS (
    -- Failed windows not yet carried into a later run: the next run of the mode retries them.
    SELECT w."account_id", w."mode", w."object", count(*) AS "failing_windows",
           (array_agg(w."error_message" ORDER BY w."updated_at" DESC))[1] AS "last_error"
    FROM "_sync_obj_runs" w
    WHERE w."status" = 'error' AND w."superseded_by" IS NULL
    GROUP BY 1, 2, 3
),
backfilled AS (
    SELECT "account_id", "mode", "object" FROM run_objects
    UNION
    SELECT "account_id", "mode", "object" FROM "_backfill_cursors"
),
keys AS (
    -- Each mode backfilled, and for events of an account and object that no backfill of
    -- either mode listed, one row of mode 'unknown'. Mode 'unknown' beside a mode of its own
    -- only while it has something of its own: a cursor, an open or failing window (runs 0036
    -- retired keep their complete windows, and nothing else: the mode's rows stand for them).
    SELECT k."account_id", k."mode", k."object" FROM backfilled k
    WHERE k."mode" <> 'unknown'
       OR NOT EXISTS (SELECT 1 FROM backfilled m
                      WHERE m."account_id" = k."account_id" AND m."object" = k."object"
                        AND m."mode" <> 'unknown')
       OR EXISTS (SELECT 1 FROM "_backfill_cursors" c
                  WHERE c."account_id" = k."account_id" AND c."object" = k."object"
                    AND c."mode" = 'unknown')
       OR EXISTS (SELECT 1 FROM run_objects r
                  WHERE r."account_id" = k."account_id" AND r."object" = k."object"
                    AND r."mode" = 'unknown' AND r."open")
       OR EXISTS (SELECT 1 FROM failing f
                  WHERE f."account_id" = k."account_id" AND f."object" = k."object"
                    AND f."mode" = 'unknown')
    UNION ALL
    SELECT e."account_id", 'unknown', e."object" FROM events e
    WHERE NOT EXISTS (SELECT 1 FROM backfilled k
                      WHERE k."account_id" = e."account_id" AND k."object" = e."object")
)
SELECT
    k."account_id",
    k."object",
    e."last_event_created",
    e."last_event_processed_at",
    -- Seconds between now and the newest event applied: how far behind Stripe the object is
    -- when the account has a steady flow of events (a quiet account also shows a large value).
    extract(epoch FROM now() - e."last_event_created")::double precision AS "seconds_behind",
    b."last_backfill_completed_at",
    c."listed_until" AS "backfill_listed_until",
    coalesce(b."backfill_running", false) AS "backfill_running",
    coalesce(f."failing_windows", 0) AS "failing_windows",
    f."last_error",
    k."mode"
FROM keys k
LEFT JOIN events e USING ("account_id", "object")
LEFT JOIN backfills b USING ("account_id", "mode", "object")
LEFT JOIN "_backfill_cursors" c USING ("account_id", "mode", "object")
LEFT JOIN failing f USING ("account_id", "mode", "object");
COMMENT ON VIEW "sync_lag" IS 'Per account, object and mode: last complete backfill, incremental cursor and failing windows of that mode; newest event applied (of either mode) and how long ago it was created.';

CREATE OR REPLACE VIEW "sync_status" AS
WITH RECURSIVE keys AS (
    -- Each account, object and mode with a window: one index probe per key.
    (SELECT w."account_id", w."object", w."mode"
     FROM "_sync_obj_runs" w
     ORDER BY w."account_id", w."object", w."mode"
     LIMIT 1)
    UNION ALL
    SELECT n."account_id", n."object", n."mode"
    FROM keys p
    CROSS JOIN LATERAL (
        SELECT w."account_id", w."object", w."mode"
        FROM "_sync_obj_runs" w
        WHERE (w."account_id", w."object", w."mode") > (p."account_id", p."object", p."mode")
        ORDER BY w."account_id", w."object", w."mode"
        LIMIT 1
    ) n
),
unfinished AS (
    -- The current (not carried) windows that are not complete: the only ones that make a
    -- resource running, queued or failing.
    SELECT w."account_id", w."object", w."mode", w."status", w."updated_at",
           r."status" = 'running' AS "run_open",
           -- A running window whose lease ran out waits for a worker: queued, not running.
           coalesce(w."claimed_until" > now(), false) AS "leased",
           coalesce(w."error_message", r."error_message") AS "error_message"
    FROM "_sync_obj_runs" w
    JOIN "_sync_runs" r ON r."id" = w."run_id"
    WHERE w."status" <> 'complete' AND w."superseded_by" IS NULL
),
failing AS (
    -- Failed windows, and unfinished windows of a closed (abandoned) run: the next run of the
    -- resource in that mode continues them from their cursor.
    SELECT *, "status" = 'error' OR NOT "run_open" AS "failed"
    FROM unfinished
),
open_state AS (
    SELECT "account_id", "object", "mode",
           bool_or("run_open" AND "status" = 'running' AND "leased") AS "running",
           bool_or("run_open" AND "status" IN ('pending', 'running')) AS "queued",
           count(*) FILTER (WHERE "failed") AS "error_count",
           (array_agg("error_message" ORDER BY "updated_at" DESC) FILTER (WHERE "failed"))[1]
               AS "error_message"
    FROM failing
    GROUP BY 1, 2, 3
)
SELECT
    p."account_id",
    p."object" AS "resource",
    CASE
        WHEN o."running" THEN 'running'
        WHEN o."queued" THEN 'queued'
        WHEN o."error_count" > 0 THEN 'error'
        ELSE 'complete'
    END AS "status",
    -- Objects created before this are listed or planned: the mode's next incremental run
    -- starts here.
    c."listed_until" AS "last_incremental_cursor",
    (SELECT max(w."completed_at") FROM "_sync_obj_runs" w
     WHERE w."account_id" = p."account_id" AND w."object" = p."object"
       AND w."mode" = p."mode") AS "last_synced_at",
    o."error_message",
    coalesce(o."error_count", 0) AS "error_count",
    (SELECT max(w."run_id") FROM "_sync_obj_runs" w
     WHERE w."account_id" = p."account_id" AND w."object" = p."object"
       AND w."mode" = p."mode") AS "run_id",
    (SELECT max(w."updated_at") FROM "_sync_obj_runs" w
     WHERE w."account_id" = p."account_id" AND w."object" = p."object"
       AND w."mode" = p."mode") AS "updated_at",
    p."mode"
FROM keys p
LEFT JOIN open_state o USING ("account_id", "object", "mode")
LEFT JOIN "_backfill_cursors" c USING ("account_id", "mode", "object")
-- Mode 'unknown' beside a mode of its own only while it has a cursor or unfinished windows
-- (as in sync_lag): what 0036 retired keeps complete windows only.
WHERE p."mode" <> 'unknown' OR o."account_id" IS NOT NULL OR c."account_id" IS NOT NULL
   OR NOT EXISTS (SELECT 1 FROM "_sync_obj_runs" w
                  WHERE w."account_id" = p."account_id" AND w."object" = p."object"
                    AND w."mode" IN ('live', 'test'));
COMMENT ON VIEW "sync_status" IS 'Per account, resource and mode: backfill status (queued, running, complete, error), the last incremental cursor, and the failure that the next run retries.';

-- == 3. The modes an account's stored objects say ===============================================

-- One row of each of the account's object tables named (one index probe each, until both modes
-- are seen; the accounts query calls it only when runs and cursors do not say both): cheap, and
-- read-only, but a sample: a mode whose objects share every table with the other mode's may
-- not show. Tables that are not object tables are ignored.
CREATE FUNCTION "_object_modes"(p_account_id text, p_tables text[])
 RETURNS SETOF text
 LANGUAGE plpgsql
 STABLE
 SET search_path FROM CURRENT
AS $function$
DECLARE
    v_table text;
    v_live boolean;
    v_seen text[] := '{}';
BEGIN
    FOR v_table IN
        SELECT t.table_name FROM "_account_tables"() t
        WHERE t.ord = 0 AND t.table_name = ANY (p_tables)
        ORDER BY t.table_name
    LOOP
        EXECUTE format('SELECT CASE "_raw_data"->''livemode'' WHEN ''true'' THEN true '
                       'WHEN ''false'' THEN false END FROM %I WHERE "_account_id" = $1 LIMIT 1',
                       '_raw_' || v_table)
            INTO v_live USING p_account_id;
        CONTINUE WHEN v_live IS NULL
                   OR CASE WHEN v_live THEN 'live' ELSE 'test' END = ANY (v_seen);
        v_seen := v_seen || CASE WHEN v_live THEN 'live' ELSE 'test' END;
        RETURN NEXT v_seen[cardinality(v_seen)];
        EXIT WHEN cardinality(v_seen) = 2;  -- both modes: nothing more to learn
    END LOOP;
END
$function$;
COMMENT ON FUNCTION "_object_modes"(p_account_id text, p_tables text[]) IS
'The modes (live, test) that one row of each of the account''s object tables among p_tables says: a sample, one index probe per table until both are seen.';
