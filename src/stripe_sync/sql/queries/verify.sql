-- Statements of verify (stripe_sync/verify.py, via store.py); the functions are in
-- migrations/0021_verify.sql.

-- name: verify_start
INSERT INTO {schema}."_verify_runs" (account_id, since, until, objects, repair, mode)
VALUES (%(account_id)s, %(since)s, %(until)s, %(objects)s, %(repair)s, %(mode)s)
RETURNING id;

-- name: verify_result
INSERT INTO {schema}."_verify_results" (run_id, account_id, check_type, object, checked, missing,
                                        extra, stale, repaired, remaining, windows_listed,
                                        windows_skipped, sample, note, error)
VALUES (%(run_id)s, %(account_id)s, %(check_type)s, %(object)s, %(checked)s, %(missing)s, %(extra)s,
        %(stale)s, %(repaired)s, %(remaining)s, %(windows_listed)s, %(windows_skipped)s, %(sample)s,
        %(note)s, %(error)s)
ON CONFLICT (run_id, check_type, object) DO UPDATE SET
    checked = EXCLUDED.checked, missing = EXCLUDED.missing, extra = EXCLUDED.extra,
    stale = EXCLUDED.stale, repaired = EXCLUDED.repaired, remaining = EXCLUDED.remaining,
    windows_listed = EXCLUDED.windows_listed, windows_skipped = EXCLUDED.windows_skipped,
    sample = EXCLUDED.sample, note = EXCLUDED.note, error = EXCLUDED.error;

-- name: verify_finish
UPDATE {schema}."_verify_runs"
SET status = %(status)s, error_message = %(error)s, finished_at = now()
WHERE id = %(run_id)s;

-- name: verify_events
SELECT event_id, status FROM {schema}."_verify_events"(%(events)s);

-- name: verify_page
SELECT object_id, drift
FROM {schema}."_verify_page"(%(table)s, %(account_id)s, %(objects)s, %(version)s);

-- name: verify_extra
SELECT object_id
FROM {schema}."_verify_extra"(%(table)s, %(account_id)s, %(gte)s, %(lt)s, %(ids)s::text[],
                              %(livemode)s);

-- name: verify_unchanged_windows
SELECT created_gte, created_lt
FROM {schema}."_verify_unchanged_windows"(%(table)s, %(account_id)s, %(object)s,
                                           %(fresh_after)s, %(mode)s);

-- name: verify_record_window
SELECT {schema}."_verify_record_window"(%(table)s, %(account_id)s, %(object)s, %(gte)s, %(lt)s,
                                        %(verified_at)s, %(run_id)s, %(mode)s);

-- name: verify_forget_window
-- A window that drifted is listed again by the next run, whatever its record said.
DELETE FROM {schema}."_verified_windows"
WHERE account_id = %(account_id)s AND mode = %(mode)s AND object = %(object)s
  AND created_gte = %(gte)s;

-- name: verify_runs
-- The newest finished runs (of one account, or of each account and mode with latest), one row
-- per check and object (the verify_runs view).
SELECT run_id, account_id, started_at, finished_at, status, since, until, repair, check_type,
       object, checked, missing, extra, stale, repaired, remaining, windows_listed,
       windows_skipped, sample, note, error, error_message, mode
FROM {schema}."verify_runs"
WHERE run_id IN (
    SELECT r.id FROM {schema}."_verify_runs" r
    WHERE (%(account_id)s::text IS NULL OR r.account_id = %(account_id)s)
      AND r.finished_at IS NOT NULL
      AND (NOT %(latest)s OR r.id = (SELECT max(o.id) FROM {schema}."_verify_runs" o
                                     WHERE o.account_id = r.account_id
                                       AND o.mode = r.mode
                                       AND o.finished_at IS NOT NULL))
    ORDER BY r.id DESC
    LIMIT %(limit)s)
ORDER BY run_id DESC, check_type DESC, object;
