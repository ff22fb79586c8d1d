-- The sync_status view as migration 0018 made it (squashed into 0001_baseline since), kept to
-- compare the indexed view with: tests/integration/test_sync_status_scale.py.
-- sync_status: one row per account and resource with the state of its backfill, under the name
-- and columns the TypeScript engine's README documents (stripe.sync_status: the last incremental
-- cursor, a status of queued / running / complete / error, and the failure details). It is a
-- view over the runs' windows (_sync_obj_runs) and the incremental cursors (_backfill_cursors):
-- the state has one home, and this reads it. Unqualified names: the runner sets search_path to
-- the configured schema.

CREATE VIEW "sync_status" AS
WITH windows AS (
    SELECT w."account_id", w."object", w."run_id", w."status", w."completed_at", w."updated_at",
           -- A window carried into a later run is represented by its successor.
           w."superseded_by" IS NULL AS "current",
           r."status" = 'running' AS "run_open",
           -- A running window whose lease ran out waits for a worker: queued, not running.
           coalesce(w."claimed_until" > now(), false) AS "leased",
           coalesce(w."error_message", r."error_message") AS "error_message"
    FROM "_sync_obj_runs" w
    JOIN "_sync_runs" r ON r."id" = w."run_id"
),
failing AS (
    -- Failed windows, and unfinished windows of a closed (abandoned) run: the next run of the
    -- resource continues them from their cursor.
    SELECT *, "current" AND ("status" = 'error' OR (NOT "run_open" AND "status" <> 'complete'))
              AS "failed"
    FROM windows
),
resources AS (
    SELECT "account_id", "object",
           bool_or("current" AND "run_open" AND "status" = 'running' AND "leased") AS "running",
           bool_or("current" AND "run_open" AND "status" IN ('pending', 'running')) AS "queued",
           count(*) FILTER (WHERE "failed") AS "error_count",
           (array_agg("error_message" ORDER BY "updated_at" DESC) FILTER (WHERE "failed"))[1]
               AS "error_message",
           max("run_id") AS "run_id",
           max("completed_at") AS "last_synced_at",
           max("updated_at") AS "updated_at"
    FROM failing
    GROUP BY 1, 2
)
SELECT
    r."account_id",
    r."object" AS "resource",
    CASE
        WHEN r."running" THEN 'running'
        WHEN r."queued" THEN 'queued'
        WHEN r."error_count" > 0 THEN 'error'
        ELSE 'complete'
    END AS "status",
    -- Objects created before this are listed or planned: the next incremental run starts here.
    c."listed_until" AS "last_incremental_cursor",
    r."last_synced_at",
    r."error_message",
    r."error_count",
    r."run_id",
    r."updated_at"
FROM resources r
LEFT JOIN "_backfill_cursors" c USING ("account_id", "object");
