-- Backfill: plan a run's windows, claim them as leases, commit each page with its cursor, split
-- dense windows, carry unfinished work into the next run, and remember per object how far the
-- history has been listed (incremental runs). Unqualified names: the runner sets search_path to
-- the configured schema.
--
-- A window is one row of _sync_obj_runs, one of three kinds:
--   'list'     pages an object's list endpoint over created in [created_gte, created_lt);
--   'parents'  pages the parent's list endpoint (customers) over a created range and spawns a
--              'children' window per page of parents, for objects Stripe lists only per parent
--              (payment methods, tax ids, active entitlements);
--   'children' lists the object for each parent in parent_ids, committing after each parent.
-- The cursor is the last id committed (a list's starting_after, or the last parent done).

ALTER TABLE "_sync_runs"
    -- Objects created before this instant are covered by this run or an earlier one (the upper
    -- bound of an incremental run; null for a run over an explicit created range).
    ADD COLUMN "planned_until" timestamptz;

ALTER TABLE "_sync_obj_runs"
    ADD COLUMN "kind" text NOT NULL DEFAULT 'list' CHECK ("kind" IN ('list', 'parents', 'children')),
    -- created of the object at the cursor: the list has covered [cursor_created, created_lt).
    ADD COLUMN "cursor_created" timestamptz,
    ADD COLUMN "parent_ids" text[],
    -- Unfinished work moves to the next run: the new window names the one it continues, and the
    -- old one names its successor (so it is carried once).
    ADD COLUMN "carried_from" bigint,
    -- Failures given back to be retried (attempts counts claims, which shutdowns and
    -- process_next also make).
    ADD COLUMN "failures" integer NOT NULL DEFAULT 0,
    ADD COLUMN "superseded_by" bigint;

CREATE INDEX "_sync_obj_runs_unfinished_idx" ON "_sync_obj_runs" ("account_id", "object")
    WHERE "status" <> 'complete' AND "superseded_by" IS NULL;

CREATE TABLE "_backfill_cursors" (
    "account_id" text NOT NULL,
    "object" text NOT NULL,
    -- Every object created before this has been planned into a run's windows; the next
    -- incremental run lists from here.
    "listed_until" timestamptz NOT NULL,
    "run_id" bigint,
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("account_id", "object")
);
COMMENT ON TABLE "_backfill_cursors" IS 'Per account and object: how far the history has been planned for listing (incremental backfill).';


-- Plan a run, or join the open one with the same parameters (a resumed or a second process).
-- p_objects: [{"name": "customer", "created_filter": true, "kind": "list"}, ...].
-- p_created_gte / p_created_lte: an explicit range; both null means incremental: each object
-- from its cursor (or p_floor, the account's creation) up to now, plus the unfinished windows of
-- earlier runs. p_relist ignores the cursors (the events cursor expired: updates were missed).
CREATE FUNCTION "_backfill_plan"(
    p_account_id text,
    p_objects jsonb,
    p_created_gte timestamptz,
    p_created_lte timestamptz,
    p_floor timestamptz,
    p_lease interval,
    p_triggered_by text,
    p_relist boolean DEFAULT false,
    p_initial_windows integer DEFAULT 1
) RETURNS TABLE (run_id bigint, joined boolean)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
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
    PERFORM pg_advisory_xact_lock(hashtext('stripe-sync backfill plan'), hashtext(p_account_id));

    -- Join the open run with these parameters while it has work left; close it when it has none.
    SELECT r.id INTO v_run FROM "_sync_runs" r
    WHERE r.account_id = p_account_id AND r.status = 'running' AND r.objects = v_names
      AND r.created_gte IS NOT DISTINCT FROM p_created_gte
      AND r.created_lte IS NOT DISTINCT FROM p_created_lte
    ORDER BY r.id DESC LIMIT 1;
    IF v_run IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM "_sync_obj_runs" w WHERE w.run_id = v_run
                   AND w.status IN ('pending', 'running') AND w.superseded_by IS NULL) THEN
            RETURN QUERY SELECT v_run, true;
            RETURN;
        END IF;
        PERFORM "_backfill_finish"(v_run);
    END IF;

    -- Open runs with nothing touched for a lease are abandoned (their process died): close them;
    -- their unfinished windows are carried below, or by the next run of those objects.
    UPDATE "_sync_runs" r SET status = 'error', closed_at = now(), updated_at = now(),
        error_message = 'abandoned: no worker for longer than the lease; unfinished windows move to the next run'
    WHERE r.account_id = p_account_id AND r.status = 'running'
      AND r.updated_at < now() - p_lease
      AND NOT EXISTS (SELECT 1 FROM "_sync_obj_runs" w WHERE w.run_id = r.id
                      AND w.updated_at >= now() - p_lease);

    INSERT INTO "_sync_runs" (account_id, objects, created_gte, created_lte, triggered_by,
                              planned_until)
    VALUES (p_account_id, v_names, p_created_gte, p_created_lte, p_triggered_by,
            CASE WHEN v_incremental THEN v_until END)
    RETURNING id INTO v_run;

    FOR v_obj IN SELECT o FROM jsonb_array_elements(p_objects) o LOOP
        v_name := v_obj->>'name';
        -- Unfinished windows of closed runs (failed, abandoned) continue here from their cursor.
        WITH old AS (
            SELECT w.* FROM "_sync_obj_runs" w JOIN "_sync_runs" r ON r.id = w.run_id
            WHERE w.account_id = p_account_id AND w.object = v_name
              AND w.status <> 'complete' AND w.superseded_by IS NULL
              AND r.status <> 'running'
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
            FROM "_backfill_cursors" c WHERE c.account_id = p_account_id AND c.object = v_name;
            v_lo := coalesce(v_lo, p_floor);
            -- The current second is listed too (objects created just now are expected in this
            -- run), and again by the next run, which starts at it: objects created later in
            -- that second are not missed. Writing them twice changes nothing.
            v_hi := v_until + interval '1 second';
            INSERT INTO "_backfill_cursors" AS c (account_id, object, listed_until, run_id)
            VALUES (p_account_id, v_name, v_until, v_run)
            ON CONFLICT (account_id, object) DO UPDATE
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
$fn$;


-- Claim the next window of a run as a lease: a pending one, or one whose lease expired (its
-- worker died). Windows of the object with the fewest live claims come first, so that several
-- objects are listed side by side (each list endpoint has its own rate limit).
CREATE FUNCTION "_backfill_claim"(
    p_run_id bigint,
    p_worker text,
    p_lease interval,
    p_objects text[] DEFAULT NULL
) RETURNS TABLE (
    window_id bigint, object text, kind text, created_gte timestamptz, created_lt timestamptz,
    parent_ids text[], cursor text, cursor_created timestamptz, failures integer,
    version timestamptz
)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
DECLARE
    v_id bigint;
BEGIN
    WITH busy AS (
        SELECT b.object, count(*) AS n FROM "_sync_obj_runs" b
        WHERE b.run_id = p_run_id AND b.status = 'running' AND b.claimed_until >= clock_timestamp()
        GROUP BY b.object
    )
    SELECT c.id INTO v_id
    FROM "_sync_obj_runs" c LEFT JOIN busy ON busy.object = c.object
    WHERE c.run_id = p_run_id AND c.superseded_by IS NULL
      AND (c.status = 'pending' OR (c.status = 'running' AND c.claimed_until < clock_timestamp()))
      AND (p_objects IS NULL OR c.object = ANY (p_objects))
    ORDER BY coalesce(busy.n, 0), c.id
    LIMIT 1
    FOR UPDATE OF c SKIP LOCKED;
    IF v_id IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY
    UPDATE "_sync_obj_runs" w SET
        status = 'running', claimed_by = p_worker,
        claimed_until = clock_timestamp() + p_lease,
        started_at = coalesce(w.started_at, now()), attempts = w.attempts + 1, updated_at = now()
    WHERE w.id = v_id
    RETURNING w.id, w.object, w.kind, w.created_gte, w.created_lt, w.parent_ids, w.cursor,
              w.cursor_created, w.failures, clock_timestamp();
    UPDATE "_sync_runs" SET updated_at = now() WHERE id = p_run_id;
END
$fn$;


-- Commit one page of a claimed window: its rows (and their embedded child lists) and the cursor,
-- together. Nothing is written if the lease was lost (another worker owns the window now).
-- A dense window is split while the run has fewer than p_split_below pending windows: the part
-- not yet listed, [created_gte, cursor_created), is cut at its middle second and the older half
-- becomes a new window. 'parents' pages spawn a 'children' window of p_spawn_parent_ids.
-- Returns the window's status ('running', 'complete', or 'lost'), the ids whose write was
-- 'ambiguous' (same-second tie with an event: the caller re-fetches them), the split point, and
-- the database clock for the next page's version.
CREATE FUNCTION "_backfill_page"(
    p_window_id bigint,
    p_worker text,
    p_lease interval,
    p_table text,
    p_account_id text,
    p_objects jsonb,
    p_version timestamptz,
    p_children jsonb,
    p_cursor text,
    p_cursor_created timestamptz,
    p_has_more boolean,
    p_split_below integer DEFAULT 0,
    p_parent_column text DEFAULT NULL,
    p_parent_id text DEFAULT NULL,
    p_spawn_parent_ids text[] DEFAULT NULL
) RETURNS TABLE (status text, ambiguous text[], split_at timestamptz, next_version timestamptz)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
DECLARE
    w "_sync_obj_runs"%ROWTYPE;
    v_written text[] := '{}';
    v_ambiguous text[] := '{}';
    v_child jsonb;
    v_keep text[];
    v_split timestamptz;
    v_pending integer;
BEGIN
    SELECT * INTO w FROM "_sync_obj_runs" x WHERE x.id = p_window_id FOR UPDATE;
    -- A window carried into a newer run (its run was closed as abandoned) is no longer this
    -- worker's either: the copy in the new run lists it.
    IF NOT FOUND OR w.status <> 'running' OR w.claimed_by IS DISTINCT FROM p_worker
       OR w.superseded_by IS NOT NULL THEN
        RETURN QUERY SELECT 'lost'::text, '{}'::text[], NULL::timestamptz, clock_timestamp();
        RETURN;
    END IF;

    IF p_table IS NOT NULL THEN
        SELECT coalesce(array_agg(r.object_id) FILTER (WHERE r.outcome = 'written'), '{}'),
               coalesce(array_agg(r.object_id) FILTER (WHERE r.outcome = 'ambiguous'), '{}')
        INTO v_written, v_ambiguous
        FROM "_write_objects"(p_table, p_account_id, p_objects, p_version, 'fetch', false,
                              p_parent_column, p_parent_id, p_parent_column IS NOT NULL) r;
        -- A complete per-parent list of child rows: the parent's other rows are gone.
        IF p_parent_column IS NOT NULL THEN
            SELECT coalesce(array_agg(o->>'id'), '{}') INTO v_keep
            FROM jsonb_array_elements(p_objects) o;
            PERFORM "_tombstone_missing_children"(p_table, p_parent_column, p_parent_id,
                                                  v_keep, p_version);
        END IF;
        -- Embedded child lists of the rows written (as in _apply_event).
        FOR v_child IN SELECT c FROM jsonb_array_elements(p_children) c
                       WHERE c->>'parent_id' = ANY (v_written) LOOP
            PERFORM 1 FROM "_write_objects"(v_child->>'table', p_account_id, v_child->'objects',
                                            p_version, 'fetch', false,
                                            v_child->>'parent_column', v_child->>'parent_id',
                                            v_child->>'parent_column' IS NOT NULL);
            IF v_child->>'parent_column' IS NOT NULL AND (v_child->>'complete')::boolean THEN
                SELECT coalesce(array_agg(o->>'id'), '{}') INTO v_keep
                FROM jsonb_array_elements(v_child->'objects') o;
                PERFORM "_tombstone_missing_children"(v_child->>'table', v_child->>'parent_column',
                                                      v_child->>'parent_id', v_keep, p_version);
            END IF;
        END LOOP;
    END IF;

    IF p_spawn_parent_ids IS NOT NULL AND cardinality(p_spawn_parent_ids) > 0 THEN
        INSERT INTO "_sync_obj_runs" (run_id, account_id, object, kind, parent_ids)
        VALUES (w.run_id, w.account_id, w.object, 'children', p_spawn_parent_ids);
    END IF;

    -- Split only a window with several pages still to list (estimated from this page's span
    -- of created): splitting one near its end only adds a partial last page.
    IF p_has_more AND w.kind <> 'children' AND w.created_gte IS NOT NULL
       AND p_cursor_created IS NOT NULL
       AND p_cursor_created - w.created_gte >= interval '2 seconds'
       AND extract(epoch FROM p_cursor_created - w.created_gte)
           >= 4 * greatest(extract(epoch FROM coalesce(w.cursor_created, w.created_lt)
                                             - p_cursor_created), 1) THEN
        SELECT count(*) INTO v_pending FROM "_sync_obj_runs" x
        WHERE x.run_id = w.run_id AND x.status = 'pending' AND x.superseded_by IS NULL;
        IF v_pending < p_split_below THEN
            v_split := to_timestamp(floor((extract(epoch FROM w.created_gte)
                                           + extract(epoch FROM p_cursor_created)) / 2));
            INSERT INTO "_sync_obj_runs" (run_id, account_id, object, kind, created_gte, created_lt)
            VALUES (w.run_id, w.account_id, w.object, w.kind, w.created_gte, v_split);
        END IF;
    END IF;

    UPDATE "_sync_obj_runs" x SET
        cursor = p_cursor,
        cursor_created = p_cursor_created,
        created_gte = coalesce(v_split, x.created_gte),
        page_count = x.page_count + 1,
        processed_count = x.processed_count + jsonb_array_length(p_objects),
        status = CASE WHEN p_has_more THEN 'running' ELSE 'complete' END,
        completed_at = CASE WHEN p_has_more THEN NULL ELSE now() END,
        -- The worker stays named on a complete window: who listed it.
        claimed_by = p_worker,
        claimed_until = CASE WHEN p_has_more THEN clock_timestamp() + p_lease END,
        error_message = NULL,
        updated_at = now()
    WHERE x.id = p_window_id;
    UPDATE "_sync_runs" SET updated_at = now() WHERE id = w.run_id;

    RETURN QUERY SELECT CASE WHEN p_has_more THEN 'running' ELSE 'complete' END,
                        v_ambiguous, v_split, clock_timestamp();
END
$fn$;


-- Give a claimed window back: 'error' with a message (retried by the next run), or 'pending'
-- (to be claimed again in this run: a transient failure, a shutdown, one page for process_next).
CREATE FUNCTION "_backfill_release"(
    p_window_id bigint,
    p_worker text,
    p_status text,
    p_error text DEFAULT NULL
) RETURNS boolean
LANGUAGE sql
SET search_path FROM CURRENT
AS $fn$
    UPDATE "_sync_obj_runs" SET
        status = p_status, error_message = p_error, claimed_until = NULL,
        failures = failures + CASE WHEN p_error IS NULL THEN 0 ELSE 1 END,
        updated_at = now()
    WHERE id = p_window_id AND claimed_by = p_worker AND status = 'running'
      AND p_status IN ('pending', 'error')
    RETURNING true;
$fn$;


-- Close a run once no window is pending or running: 'complete', or 'error' when a window failed.
-- Returns the run's status and, while it is still running, the seconds until the earliest
-- lease of another worker expires (null when none is held).
CREATE FUNCTION "_backfill_finish"(p_run_id bigint)
RETURNS TABLE (status text, wait_seconds double precision)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
DECLARE
    v_errors bigint;
    v_open boolean;
    v_wait double precision;
BEGIN
    SELECT EXISTS (SELECT 1 FROM "_sync_obj_runs" w WHERE w.run_id = p_run_id
                   AND w.status IN ('pending', 'running') AND w.superseded_by IS NULL),
           (SELECT extract(epoch FROM min(w.claimed_until) - clock_timestamp())
            FROM "_sync_obj_runs" w WHERE w.run_id = p_run_id AND w.status = 'running')
    INTO v_open, v_wait;
    IF v_open THEN
        RETURN QUERY SELECT 'running'::text, greatest(v_wait, 0);
        RETURN;
    END IF;
    SELECT count(*) INTO v_errors FROM "_sync_obj_runs" w
    WHERE w.run_id = p_run_id AND w.status = 'error';
    UPDATE "_sync_runs" r SET
        status = CASE WHEN v_errors > 0 THEN 'error' ELSE 'complete' END,
        error_message = CASE WHEN v_errors > 0
            THEN v_errors || ' window(s) failed; the next run retries them' END,
        closed_at = now(), updated_at = now()
    WHERE r.id = p_run_id AND r.status = 'running';
    RETURN QUERY SELECT r.status, NULL::double precision FROM "_sync_runs" r WHERE r.id = p_run_id;
END
$fn$;
