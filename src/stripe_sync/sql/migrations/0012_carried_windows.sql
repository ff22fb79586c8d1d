-- The views count a window carried into a later run (superseded_by) as carried, not as running
-- or pending in the run it came from: an abandoned run no longer looks unfinished for ever.
-- Unqualified names: the runner sets search_path to the configured schema.

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
    count(*) FILTER (WHERE o."superseded_by" IS NOT NULL) AS "carried_count"
FROM "_sync_runs" r
LEFT JOIN "_sync_obj_runs" o ON o."run_id" = r."id"
GROUP BY r."id";
COMMENT ON VIEW "sync_runs" IS 'Backfill runs with counts of their windows by status (carried: unfinished windows continued by a later run).';

CREATE OR REPLACE VIEW "sync_obj_progress" AS
SELECT
    o."account_id",
    o."run_id",
    o."object",
    CASE
        WHEN count(*) FILTER (WHERE o."status" IN ('pending', 'running')
                              AND o."superseded_by" IS NULL) > 0 THEN 'running'
        WHEN count(*) FILTER (WHERE o."status" <> 'complete') > 0 THEN 'error'
        ELSE 'complete'
    END AS "status",
    sum(o."processed_count")::bigint AS "processed_count",
    count(*) AS "window_count",
    count(*) FILTER (WHERE o."status" = 'complete') AS "complete_count",
    count(*) FILTER (WHERE o."status" = 'error' AND o."superseded_by" IS NULL) AS "error_count",
    count(*) FILTER (WHERE o."status" = 'running' AND o."superseded_by" IS NULL) AS "running_count",
    count(*) FILTER (WHERE o."status" = 'pending' AND o."superseded_by" IS NULL) AS "pending_count",
    round(100.0 * count(*) FILTER (WHERE o."status" = 'complete') / count(*), 1) AS "pct_windows_complete",
    min(o."started_at") AS "started_at",
    max(o."updated_at") AS "updated_at",
    (array_agg(o."error_message" ORDER BY o."updated_at" DESC)
        FILTER (WHERE o."error_message" IS NOT NULL))[1] AS "last_error",
    count(*) FILTER (WHERE o."superseded_by" IS NOT NULL) AS "carried_count"
FROM "_sync_obj_runs" o
GROUP BY o."account_id", o."run_id", o."object";
COMMENT ON VIEW "sync_obj_progress" IS 'Per run and object: windows by status (carried: continued by a later run), rows processed, last error.';
