-- sync_status without reading every window ever planned. 0018's view aggregated the whole of
-- _sync_obj_runs, every run's history (1.5 s at ~960k windows), although all it needs is, per
-- account and resource: the current unfinished windows (few; the partial index
-- _sync_obj_runs_unfinished_idx holds exactly those) and three maxima over the history (the
-- newest run, the last completed window, the last update), which an index on
-- (account_id, object, column) answers by reading its last entry. The pairs themselves are
-- found by skipping through the first of those indexes (a loose index scan): one probe per
-- account and resource instead of one row per window.
--
-- Same columns, same rows, same values as 0018's view (a test compares the two on a database
-- with many runs). Unqualified names: the runner sets search_path to the configured schema.

CREATE INDEX "_sync_obj_runs_object_run_idx"
    ON "_sync_obj_runs" ("account_id", "object", "run_id");
CREATE INDEX "_sync_obj_runs_object_completed_idx"
    ON "_sync_obj_runs" ("account_id", "object", "completed_at");
CREATE INDEX "_sync_obj_runs_object_updated_idx"
    ON "_sync_obj_runs" ("account_id", "object", "updated_at");

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
LEFT JOIN "_backfill_cursors" c USING ("account_id", "object");
COMMENT ON VIEW "sync_status" IS 'Per account and resource: backfill status (queued, running, complete, error), the last incremental cursor, and the failure that the next run retries.';
