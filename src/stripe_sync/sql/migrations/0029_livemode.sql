-- Live and test data side by side (issue 15, part 4).
--
-- One database may hold an account's live and test objects at once (a live key and a test key
-- syncing into it). Object rows need nothing new: Stripe never gives a live and a test object
-- the same id, and each row keeps its payload's livemode. What was per account and must now be
-- per account and mode is the backfill's bookkeeping: a run of the live key must neither resume
-- the test key's cursor (it would skip every live object created before it) nor carry, join or
-- close the test key's runs and windows.
--
-- 1. _sync_runs.mode and _backfill_cursors.mode: 'live', 'test', or 'unknown' for a runtime
--    that does not say (_backfill_plan_v1, which the Supabase edge functions of before this
--    migration call) and for Sigma's runs and watermarks (not split by mode). The cursors'
--    key becomes (account, mode, object).
-- 2. Existing rows: a database synced before this held one mode's data (two keys on one
--    database overwrote each other's cursors), so the backfill bookkeeping takes the mode of
--    the first synced object found with a livemode; with none, it stays 'unknown' and the next
--    run of each mode lists from the account's creation (writing again what is there changes
--    nothing). No row is deleted.
-- 3. _backfill_plan_v2 takes p_mode; _backfill_plan_v1 keeps its signature and plans as mode
--    'unknown' (a deployed old runtime keeps working, with its own cursors).
-- 4. _verify_extra takes the verifying key's mode: the other mode's rows are not the listing's
--    to return, so they are never reported (or repaired) as extra; nor are rows whose object
--    has no livemode field once the other mode has synced the account (they may be its).
-- 5. _verified_windows.mode: a window one key verified is not the other's (its listing saw
--    none of the other mode's objects), so neither skips the other's windows.
-- 6. _event_cursors.mode: the Events API poller of each key keeps its own position.
-- 7. sync_lag and sync_status show one row per account and object as before; their cursor is
--    the least advanced mode's.
--
-- Unqualified names: the migration runner sets search_path to the sync schema.

ALTER TABLE "_sync_runs" ADD COLUMN "mode" text NOT NULL DEFAULT 'unknown'
    CHECK ("mode" IN ('live', 'test', 'unknown'));
COMMENT ON COLUMN "_sync_runs"."mode" IS 'The key''s mode (live or test; unknown for a runtime that did not say): runs, cursors and windows of one mode never touch the other''s.';
ALTER TABLE "_backfill_cursors" ADD COLUMN "mode" text NOT NULL DEFAULT 'unknown'
    CHECK ("mode" IN ('live', 'test', 'unknown'));
COMMENT ON COLUMN "_backfill_cursors"."mode" IS 'The key''s mode (live or test; unknown for Sigma''s watermarks and a runtime that did not say).';
ALTER TABLE "_backfill_cursors" DROP CONSTRAINT "_backfill_cursors_pkey";
ALTER TABLE "_backfill_cursors" ADD PRIMARY KEY ("account_id", "mode", "object");
COMMENT ON TABLE "_backfill_cursors" IS 'Per account, mode and object: how far the history has been planned for listing (incremental backfill).';
DROP INDEX "_sync_runs_account_started_idx";
CREATE INDEX "_sync_runs_account_started_idx" ON "_sync_runs" ("account_id", "mode", "started_at" DESC);
-- Verified windows per mode (see 5. above).
ALTER TABLE "_verified_windows" ADD COLUMN "mode" text NOT NULL DEFAULT 'unknown'
    CHECK ("mode" IN ('live', 'test', 'unknown'));
COMMENT ON COLUMN "_verified_windows"."mode" IS 'The verifying key''s mode: a window one mode verified is listed again by the other.';
ALTER TABLE "_verified_windows" DROP CONSTRAINT "_verified_windows_pkey";
ALTER TABLE "_verified_windows" ADD PRIMARY KEY ("account_id", "mode", "object", "created_gte");
-- The Events API poller's position per mode (see 6. above): each key lists its own mode's
-- events, and an event id of one mode is unknown to the other's key.
ALTER TABLE "_event_cursors" ADD COLUMN "mode" text NOT NULL DEFAULT 'unknown'
    CHECK ("mode" IN ('live', 'test', 'unknown'));
COMMENT ON COLUMN "_event_cursors"."mode" IS 'The polling key''s mode: each mode has its own position in GET /v1/events.';
ALTER TABLE "_event_cursors" DROP CONSTRAINT "_event_cursors_pkey";
ALTER TABLE "_event_cursors" ADD PRIMARY KEY ("account_id", "mode");
COMMENT ON TABLE "_event_cursors" IS 'Per account and mode, the newest event applied by the Events API poller (its position in GET /v1/events).';

-- Existing rows: the mode of the data already synced (see 2. above).
DO $migrate$
DECLARE
    v_table text;
    v_live boolean;
BEGIN
    FOR v_table IN SELECT r.table_name FROM "_resources" r ORDER BY r.ordinal LOOP
        EXECUTE format('SELECT ("_raw_data"->>''livemode'')::boolean FROM %I '
                       'WHERE jsonb_typeof("_raw_data"->''livemode'') = ''boolean'' LIMIT 1',
                       v_table)
            INTO v_live;
        EXIT WHEN v_live IS NOT NULL;
    END LOOP;
    IF v_live IS NOT NULL THEN
        UPDATE "_sync_runs" SET "mode" = CASE WHEN v_live THEN 'live' ELSE 'test' END
        WHERE "triggered_by" IS DISTINCT FROM 'sigma';
        UPDATE "_backfill_cursors" SET "mode" = CASE WHEN v_live THEN 'live' ELSE 'test' END
        WHERE "object" IN (SELECT r.name FROM "_resources" r);
        UPDATE "_verified_windows" SET "mode" = CASE WHEN v_live THEN 'live' ELSE 'test' END;
        UPDATE "_event_cursors" SET "mode" = CASE WHEN v_live THEN 'live' ELSE 'test' END;
    END IF;
END
$migrate$;

-- Plan a run of one mode, or join that mode's open run with the same parameters. As
-- _backfill_plan_v1, but every run, window and cursor it reads or writes is p_mode's.
CREATE FUNCTION "_backfill_plan_v2"(p_account_id text, p_objects jsonb, p_created_gte timestamp with time zone, p_created_lte timestamp with time zone, p_floor timestamp with time zone, p_lease interval, p_triggered_by text, p_relist boolean DEFAULT false, p_initial_windows integer DEFAULT 1, p_mode text DEFAULT 'unknown')
 RETURNS TABLE(run_id bigint, joined boolean)
 LANGUAGE plpgsql
 SET search_path FROM CURRENT
AS $function$
DECLARE
    v_names text[];
    v_run bigint;
    v_until timestamptz := date_trunc('second', now());
    v_incremental boolean := p_created_gte IS NULL AND p_created_lte IS NULL;
    v_obj jsonb;
    v_name text;
    v_lo timestamptz;
    v_hi timestamptz;
    v_carried bigint;
BEGIN
    SELECT coalesce(array_agg(o->>'name' ORDER BY o->>'name'), '{}') INTO v_names
    FROM jsonb_array_elements(p_objects) o;
    IF p_mode IS NULL OR p_mode NOT IN ('live', 'test', 'unknown') THEN
        RAISE EXCEPTION 'p_mode must be live, test or unknown, not %', p_mode;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('stripe-sync backfill plan'), hashtext(p_account_id));

    -- Join the open run with these parameters while it has work left; close it when it has none.
    SELECT r.id INTO v_run FROM "_sync_runs" r
    WHERE r.account_id = p_account_id AND r.mode = p_mode AND r.status = 'running'
      AND r.objects = v_names
      AND r.created_gte IS NOT DISTINCT FROM p_created_gte
      AND r.created_lte IS NOT DISTINCT FROM p_created_lte
    ORDER BY r.id DESC LIMIT 1;
    IF v_run IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM "_sync_obj_runs" w WHERE w.run_id = v_run
                   AND w.status IN ('pending', 'running') AND w.superseded_by IS NULL) THEN
            RETURN QUERY SELECT v_run, true;
            RETURN;
        END IF;
        PERFORM "_backfill_finish_v1"(v_run);
    END IF;

    -- Open runs with nothing touched for a lease are abandoned (their process died): close them;
    -- their unfinished windows are carried below, or by the next run of those objects.
    UPDATE "_sync_runs" r SET status = 'error', closed_at = now(), updated_at = now(),
        error_message = 'abandoned: no worker for longer than the lease; unfinished windows move to the next run'
    WHERE r.account_id = p_account_id AND r.mode = p_mode AND r.status = 'running'
      AND r.updated_at < now() - p_lease
      AND NOT EXISTS (SELECT 1 FROM "_sync_obj_runs" w WHERE w.run_id = r.id
                      AND w.updated_at >= now() - p_lease);

    INSERT INTO "_sync_runs" (account_id, mode, objects, created_gte, created_lte,
                              triggered_by, planned_until)
    VALUES (p_account_id, p_mode, v_names, p_created_gte, p_created_lte, p_triggered_by,
            CASE WHEN v_incremental THEN v_until END)
    RETURNING id INTO v_run;

    FOR v_obj IN SELECT o FROM jsonb_array_elements(p_objects) o LOOP
        v_name := v_obj->>'name';
        -- Unfinished windows of closed runs (failed, abandoned) continue here from their cursor.
        WITH old AS (
            SELECT w.* FROM "_sync_obj_runs" w JOIN "_sync_runs" r ON r.id = w.run_id
            WHERE w.account_id = p_account_id AND w.object = v_name
              AND w.status <> 'complete' AND w.superseded_by IS NULL
              AND r.status <> 'running' AND r.mode = p_mode
            FOR UPDATE OF w
        ),
        carried AS (
            INSERT INTO "_sync_obj_runs" (run_id, account_id, object, kind, created_gte,
                                          created_lt, parent_id, parent_ids, cursor,
                                          cursor_created, carried_from)
            SELECT v_run, o.account_id, o.object, o.kind, o.created_gte, o.created_lt,
                   o.parent_id, o.parent_ids, o.cursor, o.cursor_created, o.id
            FROM old o
            RETURNING id, carried_from
        )
        UPDATE "_sync_obj_runs" w SET superseded_by = c.id, updated_at = now()
        FROM carried c WHERE w.id = c.carried_from;
        GET DIAGNOSTICS v_carried = ROW_COUNT;

        IF NOT (v_obj->>'created_filter')::boolean THEN
            -- No created filter: the whole list, every run (unless an unfinished whole-list
            -- window was just carried over: it lists the same objects from its cursor).
            IF v_carried = 0 THEN
                INSERT INTO "_sync_obj_runs" (run_id, account_id, object, kind)
                VALUES (v_run, p_account_id, v_name, v_obj->>'kind');
            END IF;
            CONTINUE;
        END IF;
        IF v_incremental THEN
            SELECT CASE WHEN p_relist THEN NULL ELSE c.listed_until END INTO v_lo
            FROM "_backfill_cursors" c
            WHERE c.account_id = p_account_id AND c.mode = p_mode AND c.object = v_name;
            v_lo := coalesce(v_lo, p_floor);
            -- The current second is listed too (objects created just now are expected in this
            -- run), and again by the next run, which starts at it: objects created later in
            -- that second are not missed. Writing them twice changes nothing.
            v_hi := v_until + interval '1 second';
            INSERT INTO "_backfill_cursors" AS c (account_id, mode, object, listed_until, run_id)
            VALUES (p_account_id, p_mode, v_name, v_until, v_run)
            ON CONFLICT (account_id, mode, object) DO UPDATE
                SET listed_until = EXCLUDED.listed_until, run_id = EXCLUDED.run_id,
                    updated_at = now();
        ELSE
            v_lo := greatest(p_created_gte, p_floor);
            -- created[lte] is inclusive and created is whole seconds.
            v_hi := date_trunc('second', p_created_lte) + interval '1 second';
        END IF;
        IF v_lo IS NULL OR v_hi IS NULL THEN
            INSERT INTO "_sync_obj_runs" (run_id, account_id, object, kind, created_gte, created_lt)
            VALUES (v_run, p_account_id, v_name, v_obj->>'kind', v_lo, v_hi);
        ELSIF v_lo < v_hi THEN
            -- A few equal slices to start with, so that the workers have work at once; dense
            -- slices split further as their pages come back.
            INSERT INTO "_sync_obj_runs" (run_id, account_id, object, kind, created_gte, created_lt)
            SELECT v_run, p_account_id, v_name, v_obj->>'kind',
                   CASE WHEN i = 0 THEN v_lo ELSE to_timestamp(floor(
                       extract(epoch FROM v_lo) + i * extract(epoch FROM v_hi - v_lo) / n)) END,
                   CASE WHEN i = n - 1 THEN v_hi ELSE to_timestamp(floor(
                       extract(epoch FROM v_lo) + (i + 1) * extract(epoch FROM v_hi - v_lo) / n)) END
            FROM (SELECT least(greatest(p_initial_windows, 1),
                               greatest(extract(epoch FROM v_hi - v_lo)::integer, 1)) AS n) k,
                 generate_series(0, k.n - 1) AS i;
        END IF;
    END LOOP;
    RETURN QUERY SELECT v_run, false;
END
$function$;


-- The old signature, for a runtime that does not know its mode: plans as mode 'unknown'.
CREATE OR REPLACE FUNCTION "_backfill_plan_v1"(p_account_id text, p_objects jsonb, p_created_gte timestamp with time zone, p_created_lte timestamp with time zone, p_floor timestamp with time zone, p_lease interval, p_triggered_by text, p_relist boolean DEFAULT false, p_initial_windows integer DEFAULT 1)
 RETURNS TABLE(run_id bigint, joined boolean)
 LANGUAGE sql
 SET search_path FROM CURRENT
AS $function$
    SELECT * FROM "_backfill_plan_v2"(p_account_id, p_objects, p_created_gte, p_created_lte,
                                      p_floor, p_lease, p_triggered_by, p_relist,
                                      p_initial_windows, 'unknown');
$function$;

CREATE OR REPLACE VIEW "sync_lag" AS
WITH events AS (
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
    SELECT w."account_id", w."object", w."run_id",
           bool_and(w."status" = 'complete') AS "complete",
           max(w."completed_at") AS "completed_at",
           bool_or(w."status" IN ('pending', 'running') AND w."superseded_by" IS NULL) AS "open"
    FROM "_sync_obj_runs" w
    GROUP BY 1, 2, 3
),
backfills AS (
    SELECT r."account_id", r."object",
           max(r."completed_at") FILTER (WHERE r."complete") AS "last_backfill_completed_at",
           bool_or(r."open") AS "backfill_running"
    FROM run_objects r
    GROUP BY 1, 2
),
failing AS (
    -- Failed windows not yet carried into a later run: the next run retries them.
    SELECT w."account_id", w."object", count(*) AS "failing_windows",
           (array_agg(w."error_message" ORDER BY w."updated_at" DESC))[1] AS "last_error"
    FROM "_sync_obj_runs" w
    WHERE w."status" = 'error' AND w."superseded_by" IS NULL
    GROUP BY 1, 2
),
keys AS (
    SELECT "account_id", "object" FROM events
    UNION
    SELECT "account_id", "object" FROM run_objects
    UNION
    SELECT "account_id", "object" FROM "_backfill_cursors"
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
    f."last_error"
FROM keys k
LEFT JOIN events e USING ("account_id", "object")
LEFT JOIN backfills b USING ("account_id", "object")
LEFT JOIN (SELECT "account_id", "object", min("listed_until") AS "listed_until"
           FROM "_backfill_cursors" GROUP BY 1, 2) c USING ("account_id", "object")
LEFT JOIN failing f USING ("account_id", "object");
COMMENT ON VIEW "sync_lag" IS 'Per account and object: newest event applied and how long ago it was created, last complete backfill, failing backfill windows.';

CREATE OR REPLACE VIEW "sync_status" AS
WITH RECURSIVE pairs AS (
    (SELECT w."account_id", w."object"
     FROM "_sync_obj_runs" w
     ORDER BY w."account_id", w."object"
     LIMIT 1)
    UNION ALL
    SELECT n."account_id", n."object"
    FROM pairs p
    CROSS JOIN LATERAL (
        SELECT w."account_id", w."object"
        FROM "_sync_obj_runs" w
        WHERE (w."account_id", w."object") > (p."account_id", p."object")
        ORDER BY w."account_id", w."object"
        LIMIT 1
    ) n
),
unfinished AS (
    -- The current (not carried) windows that are not complete: the only ones that make a
    -- resource running, queued or failing.
    SELECT w."account_id", w."object", w."status", w."updated_at",
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
    -- resource continues them from their cursor.
    SELECT *, "status" = 'error' OR NOT "run_open" AS "failed"
    FROM unfinished
),
open_state AS (
    SELECT "account_id", "object",
           bool_or("run_open" AND "status" = 'running' AND "leased") AS "running",
           bool_or("run_open" AND "status" IN ('pending', 'running')) AS "queued",
           count(*) FILTER (WHERE "failed") AS "error_count",
           (array_agg("error_message" ORDER BY "updated_at" DESC) FILTER (WHERE "failed"))[1]
               AS "error_message"
    FROM failing
    GROUP BY 1, 2
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
    -- Objects created before this are listed or planned: the next incremental run starts here.
    c."listed_until" AS "last_incremental_cursor",
    (SELECT max(w."completed_at") FROM "_sync_obj_runs" w
     WHERE w."account_id" = p."account_id" AND w."object" = p."object") AS "last_synced_at",
    o."error_message",
    coalesce(o."error_count", 0) AS "error_count",
    (SELECT max(w."run_id") FROM "_sync_obj_runs" w
     WHERE w."account_id" = p."account_id" AND w."object" = p."object") AS "run_id",
    (SELECT max(w."updated_at") FROM "_sync_obj_runs" w
     WHERE w."account_id" = p."account_id" AND w."object" = p."object") AS "updated_at"
FROM pairs p
LEFT JOIN open_state o USING ("account_id", "object")
LEFT JOIN (SELECT "account_id", "object", min("listed_until") AS "listed_until"
           FROM "_backfill_cursors" GROUP BY 1, 2) c USING ("account_id", "object");
COMMENT ON VIEW "sync_status" IS 'Per account and resource: backfill status (queued, running, complete, error), the last incremental cursor, and the failure that the next run retries.';

-- Verify with the key's mode (see 4. above); called by the Python engine only, so changed with it.
DROP FUNCTION "_verify_extra"(text, text, timestamptz, timestamptz, text[]);
CREATE FUNCTION "_verify_extra"(p_table text, p_account_id text, p_gte timestamp with time zone, p_lt timestamp with time zone, p_ids text[], p_livemode boolean DEFAULT NULL)
 RETURNS TABLE(object_id text)
 LANGUAGE plpgsql
 STABLE
 SET search_path FROM CURRENT
AS $function$
BEGIN
    RETURN QUERY EXECUTE format($q$
        SELECT t.id FROM %1$I t
        WHERE t._account_id = $1 AND NOT t.deleted
          AND ((%2$s >= $2 AND %2$s < $3)
               OR ($2 = '-infinity' AND $3 = 'infinity'))
          AND NOT (t.id = ANY ($4))
          -- A row of the other mode is not this listing's to return.
          AND NOT coalesce(t._raw_data->'livemode' = to_jsonb(NOT $5), false)
          -- A row that does not say its mode (refunds, balance transactions ...: Stripe's
          -- object has no livemode) may be the other mode's once that mode has synced this
          -- account: it is never reported, so a repair cannot tombstone the other mode's data.
          AND ($5 IS NULL OR t._raw_data ? 'livemode' OR NOT EXISTS (
                SELECT 1 FROM "_sync_runs" r
                WHERE r.account_id = $1
                  AND r.mode = CASE WHEN $5 THEN 'test' ELSE 'live' END))
        ORDER BY t.id
    $q$, '_raw_' || p_table, "_verify_created"('_raw_' || p_table))
    USING p_account_id, p_gte, p_lt, p_ids, p_livemode;
END
$function$;
COMMENT ON FUNCTION "_verify_extra"(p_table text, p_account_id text, p_gte timestamp with time zone, p_lt timestamp with time zone, p_ids text[], p_livemode boolean) IS
'Rows alive here in a created window that Stripe''s listing of the window did not return (rows of the other mode than p_livemode excluded; rows without livemode excluded once the other mode has synced the account).';


DROP FUNCTION "_verify_record_window"(text, text, text, timestamptz, timestamptz, timestamptz, bigint);
CREATE FUNCTION "_verify_record_window"(p_table text, p_account_id text, p_object text, p_gte timestamp with time zone, p_lt timestamp with time zone, p_verified_at timestamp with time zone, p_run_id bigint, p_mode text DEFAULT 'unknown')
 RETURNS void
 LANGUAGE plpgsql
 SET search_path FROM CURRENT
AS $function$
DECLARE
    v_rows bigint;
BEGIN
    -- Both modes' rows are counted: a write or a deletion in either lists the window again
    -- (more listing, never a skipped change).
    EXECUTE format($q$
        SELECT count(*) FROM %1$I t
        WHERE t._account_id = $1
          AND ((%2$s >= $2 AND %2$s < $3) OR $2 = '-infinity')
    $q$, '_raw_' || p_table, "_verify_created"('_raw_' || p_table))
    INTO v_rows USING p_account_id, p_gte, p_lt;
    INSERT INTO "_verified_windows" (account_id, mode, object, created_gte, created_lt,
                                     verified_at, row_count, run_id)
    VALUES (p_account_id, p_mode, p_object, p_gte, p_lt, p_verified_at, v_rows, p_run_id)
    ON CONFLICT (account_id, mode, object, created_gte) DO UPDATE SET
        created_lt = EXCLUDED.created_lt,
        verified_at = EXCLUDED.verified_at,
        row_count = EXCLUDED.row_count,
        run_id = EXCLUDED.run_id;
END
$function$;
COMMENT ON FUNCTION "_verify_record_window"(p_table text, p_account_id text, p_object text, p_gte timestamp with time zone, p_lt timestamp with time zone, p_verified_at timestamp with time zone, p_run_id bigint, p_mode text) IS
'Record a created window of an object whose listing (by a key of p_mode) matched the table, with its rows counted.';

DROP FUNCTION "_verify_unchanged_windows"(text, text, text, timestamptz);
CREATE FUNCTION "_verify_unchanged_windows"(p_table text, p_account_id text, p_object text, p_fresh_after timestamp with time zone, p_mode text DEFAULT 'unknown')
 RETURNS TABLE(created_gte timestamp with time zone, created_lt timestamp with time zone, verified_at timestamp with time zone)
 LANGUAGE plpgsql
 STABLE
 SET search_path FROM CURRENT
AS $function$
BEGIN
    RETURN QUERY EXECUTE format($q$
        SELECT w.created_gte, w.created_lt, w.verified_at
        FROM "_verified_windows" w
        WHERE w.account_id = $1 AND w.mode = $4 AND w.object = $2 AND w.verified_at > $3
          AND (SELECT count(*) = w.row_count
                      AND coalesce(max(t._updated_at) <= w.verified_at, true)
               FROM %1$I t
               WHERE t._account_id = $1
                 AND ((%2$s >= w.created_gte AND %2$s < w.created_lt)
                      OR w.created_gte = '-infinity'))
        ORDER BY w.created_gte
    $q$, '_raw_' || p_table, "_verify_created"('_raw_' || p_table))
    USING p_account_id, p_object, p_fresh_after, p_mode;
END
$function$;
COMMENT ON FUNCTION "_verify_unchanged_windows"(p_table text, p_account_id text, p_object text, p_fresh_after timestamp with time zone, p_mode text) IS
'Recorded verified windows of an object, verified by a key of p_mode, with no write since.';
