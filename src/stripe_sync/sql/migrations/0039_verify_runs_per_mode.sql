-- Verify runs per mode (issue 15, part 4).
--
-- A live and a test key of one account each verify their own mode's data (0029). The newest run
-- was read per account: verify_runs(latest=True), and through it the stripe_sync_verify_drift
-- and stripe_sync_verify_last_run_timestamp_seconds metrics, showed the newer of the two modes'
-- runs only, so a clean test run hid the drift that a live run had found just before.
--
-- 1. _verify_runs.mode: the verifying key's mode ('unknown' for a runtime that does not say).
--    Existing runs take the mode of the windows they recorded (_verified_windows.mode, 0029),
--    else 'unknown'.
-- 2. verify_runs, the view, gains a last column "mode" (the other columns as before).
-- 3. Its index reads the newest run per account and mode.
--
-- Unqualified names: the migration runner sets search_path to the sync schema.

ALTER TABLE "_verify_runs" ADD COLUMN "mode" text NOT NULL DEFAULT 'unknown'
    CHECK ("mode" IN ('live', 'test', 'unknown'));
COMMENT ON COLUMN "_verify_runs"."mode" IS 'The verifying key''s mode (live or test; unknown for a runtime that did not say): the newest run is shown per account and mode.';

UPDATE "_verify_runs" r SET "mode" = w."mode"
FROM (SELECT v."run_id", min(v."mode") AS "mode"
      FROM "_verified_windows" v
      WHERE v."run_id" IS NOT NULL AND v."mode" IN ('live', 'test')
      GROUP BY v."run_id"
      HAVING count(DISTINCT v."mode") = 1) w
WHERE w."run_id" = r."id";

DROP INDEX "_verify_runs_account_idx";
CREATE INDEX "_verify_runs_account_idx" ON "_verify_runs" ("account_id", "mode", "id");

CREATE OR REPLACE VIEW "verify_runs" AS
SELECT r."id" AS "run_id", r."account_id", r."started_at", r."finished_at", r."status",
       r."since", r."until", r."repair", x."check_type", x."object", x."checked", x."missing",
       x."extra", x."stale", x."repaired", x."remaining", x."windows_listed", x."windows_skipped",
       x."sample", x."note", x."error", r."error_message", r."mode"
FROM "_verify_runs" r
LEFT JOIN "_verify_results" x ON x."run_id" = r."id";
COMMENT ON VIEW "verify_runs" IS 'Verify runs, one row per check and object: compared, missing, extra, stale, repaired and remaining (drift after the run), and the verifying key''s mode.';
