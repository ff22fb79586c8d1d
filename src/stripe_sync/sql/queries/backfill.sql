-- Statements of the backfill (stripe_sync/backfill.py through stripe_sync/store.py).

-- name: backfill_plan
SELECT run_id, joined FROM {schema}."_backfill_plan_v2"(
    p_account_id => %(account_id)s,
    p_objects => %(objects)s,
    p_created_gte => %(created_gte)s,
    p_created_lte => %(created_lte)s,
    p_floor => %(floor)s,
    p_lease => %(lease)s,
    p_triggered_by => %(triggered_by)s,
    p_relist => %(relist)s,
    p_initial_windows => %(initial_windows)s,
    p_mode => %(mode)s
);

-- name: backfill_claim
SELECT window_id, object, kind, created_gte, created_lt, parent_ids, cursor, cursor_created,
       failures, version
FROM {schema}."_backfill_claim_v1"(%(run_id)s, %(worker)s, %(lease)s, %(objects)s);

-- name: backfill_page
SELECT status, ambiguous, split_at, next_version FROM {schema}."_backfill_page_v1"(
    p_window_id => %(window_id)s,
    p_worker => %(worker)s,
    p_lease => %(lease)s,
    p_table => %(table)s,
    p_account_id => %(account_id)s,
    p_objects => %(objects)s,
    p_version => %(version)s,
    p_children => %(children)s,
    p_cursor => %(cursor)s,
    p_cursor_created => %(cursor_created)s,
    p_has_more => %(has_more)s,
    p_split_below => %(split_below)s,
    p_parent_column => %(parent_column)s,
    p_parent_id => %(parent_id)s,
    p_spawn_parent_ids => %(spawn_parent_ids)s
);

-- name: backfill_release
SELECT {schema}."_backfill_release_v1"(%(window_id)s, %(worker)s, %(status)s, %(error)s);

-- name: backfill_finish
SELECT status, wait_seconds FROM {schema}."_backfill_finish_v1"(%s);

-- name: backfill_progress
-- Per object of a run: rows listed, windows by status, and how much of the created range is
-- still to list (seconds; ranges without bounds count as unknown), for progress and ETA. The
-- range of an object listed per parent is its parents' ('parents' windows); for those objects
-- also the parents found so far (null for other objects), how many of them are listed (the
-- cursor of a 'children' window is its last parent done), and whether parents are still being
-- listed.
SELECT
    w.object,
    coalesce(sum(w.processed_count), 0)::bigint,
    count(*) FILTER (WHERE w.superseded_by IS NULL),
    count(*) FILTER (WHERE w.status = 'complete'),
    count(*) FILTER (WHERE w.status = 'error' AND w.superseded_by IS NULL),
    count(*) FILTER (WHERE w.status = 'running' AND w.claimed_until >= clock_timestamp()),
    sum(extract(epoch FROM w.created_lt - w.created_gte))
        FILTER (WHERE w.kind IN ('list', 'parents') AND w.superseded_by IS NULL),
    sum(CASE WHEN w.status = 'complete' THEN 0
             ELSE extract(epoch FROM coalesce(w.cursor_created, w.created_lt) - w.created_gte) END)
        FILTER (WHERE w.kind IN ('list', 'parents') AND w.superseded_by IS NULL),
    bool_or(w.kind IN ('list', 'parents') AND w.created_gte IS NULL AND w.superseded_by IS NULL),
    (array_agg(w.error_message ORDER BY w.updated_at DESC)
        FILTER (WHERE w.status = 'error' AND w.superseded_by IS NULL)),
    CASE WHEN bool_or(w.kind IN ('parents', 'children')) THEN
        coalesce(sum(cardinality(w.parent_ids))
            FILTER (WHERE w.kind = 'children' AND w.superseded_by IS NULL), 0)
    END,
    coalesce(sum(CASE WHEN w.status = 'complete' THEN cardinality(w.parent_ids)
                      ELSE coalesce(array_position(w.parent_ids, w.cursor), 0) END)
        FILTER (WHERE w.kind = 'children' AND w.superseded_by IS NULL), 0),
    coalesce(bool_or(w.kind = 'parents' AND w.status <> 'complete' AND w.superseded_by IS NULL),
             false)
FROM {schema}."_sync_obj_runs" w
WHERE w.run_id = %s
GROUP BY w.object
ORDER BY w.object;

-- name: backfill_run
SELECT id, account_id, status, started_at, closed_at, objects, error_message
FROM {schema}."_sync_runs" WHERE id = %s;

-- name: recent_runs
-- The newest runs, as the sync_runs view shows them.
SELECT run_id, account_id, started_at, closed_at, status, total_processed, complete_count,
       error_count, running_count, pending_count, objects, error_message, mode
FROM {schema}."sync_runs"
WHERE %(account_id)s::text IS NULL OR account_id = %(account_id)s
ORDER BY started_at DESC, run_id DESC
LIMIT %(limit)s;

-- name: run_objects
SELECT object, status, processed_count, window_count, complete_count, error_count,
       running_count, pending_count, last_error
FROM {schema}."sync_obj_progress"
WHERE run_id = %s
ORDER BY object;

-- name: account_created
-- When the account was created: no object of it is older (the first window's lower bound).
SELECT created FROM {schema}."accounts" WHERE id = %s;

-- name: latest_object_progress
-- Per object and mode (the run's: live, test, unknown), its newest run (for /metrics): a live
-- and a test key's backfills of one object each show.
SELECT DISTINCT ON (p.object, r.mode) p.object, p.run_id, p.status, p.processed_count,
       p.window_count, p.complete_count, p.error_count, p.running_count, p.pending_count,
       p.last_error, r.mode
FROM {schema}."sync_obj_progress" p
JOIN {schema}."_sync_runs" r ON r.id = p.run_id
ORDER BY p.object, r.mode, p.run_id DESC;

-- name: sync_lag
-- Per account, object and mode: newest event applied, seconds behind, last complete backfill,
-- failing windows (the sync_lag view).
SELECT account_id, mode, object, last_event_created, seconds_behind, last_backfill_completed_at,
       backfill_running, failing_windows, last_error
FROM {schema}."sync_lag"
WHERE %(account_id)s::text IS NULL OR account_id = %(account_id)s
ORDER BY account_id, object, mode;

-- name: sigma_checkpoint
-- A Sigma page's cursor, in the transaction that loaded it; no row when the lease was lost.
UPDATE {schema}."_sync_obj_runs" SET
    cursor = %(cursor)s,
    page_count = page_count + 1,
    processed_count = processed_count + %(rows)s,
    status = CASE WHEN %(more)s THEN 'running' ELSE 'complete' END,
    completed_at = CASE WHEN %(more)s THEN NULL ELSE now() END,
    claimed_until = CASE WHEN %(more)s THEN clock_timestamp() + %(lease)s END,
    updated_at = now()
WHERE id = %(window_id)s AND claimed_by = %(worker)s AND status = 'running'
RETURNING id;

-- name: sigma_watermark
SELECT listed_until FROM {schema}."_backfill_cursors"
WHERE account_id = %s AND mode = 'unknown' AND object = %s;

-- name: sigma_set_watermark
-- A complete pass over a Sigma table: later syncs read from here (minus the trailing window).
INSERT INTO {schema}."_backfill_cursors" AS c (account_id, object, listed_until, run_id)
VALUES (%(account_id)s, %(object)s, %(until)s, %(run_id)s)
ON CONFLICT (account_id, mode, object) DO UPDATE
    SET listed_until = EXCLUDED.listed_until, run_id = EXCLUDED.run_id, updated_at = now();

-- name: db_now
SELECT clock_timestamp();

-- name: backfill_holders
-- Who holds a live lease on a window of the run, and until when.
SELECT claimed_by, max(claimed_until)
FROM {schema}."_sync_obj_runs"
WHERE run_id = %(run_id)s AND status = 'running' AND claimed_until >= clock_timestamp()
GROUP BY claimed_by;

-- name: backfill_expire_holders
-- Give the windows of holders known to be dead back, as a clean stop would (pending): they can
-- be claimed at once. Ending the lease alone is not enough: a page the holder had sent before
-- it was killed may still be committed by the server, and _backfill_page_v1 would take it as the
-- holder's own and renew the lease, leaving the window to a dead process for a whole lease.
UPDATE {schema}."_sync_obj_runs"
SET status = 'pending', claimed_until = NULL, updated_at = now()
WHERE run_id = %(run_id)s AND status = 'running' AND claimed_by = ANY (%(holders)s)
  AND claimed_until >= clock_timestamp();

-- name: backfill_cursors
-- Where each object's incremental backfill left off (read by the estimate; nothing written).
SELECT object, listed_until FROM {schema}."_backfill_cursors"
WHERE account_id = %(account_id)s AND mode = %(mode)s AND object = ANY (%(objects)s);
