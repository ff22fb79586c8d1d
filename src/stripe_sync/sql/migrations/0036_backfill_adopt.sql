-- The edge functions' runs planned without a mode, taken over by the key that now says it (found
-- in review).
--
-- Until now the Supabase stripe-worker planned with _backfill_plan_v1, so its runs and cursors
-- are mode 'unknown'. It now plans with _backfill_plan_v2 in its key's mode, which reads only
-- that mode's runs and cursors: without this, its first run after the update would list the
-- whole history again, an 'unknown' run open at the update would stay 'running' for good
-- (sync_status 'queued'), its unfinished windows would never be carried, and the 'unknown'
-- cursors would hold sync_lag and sync_status at their old position (the least advanced mode's).
--
-- _backfill_adopt_v1(account, mode, triggered_by), which the worker calls before it plans, under
-- the plan's lock:
-- - nothing to do (no 'unknown' run of that trigger still open or holding a cursor): 'none';
-- - what those runs listed is of the key's mode: the runs become the mode's, their windows with
--   them, and the cursors they planned too, where the mode has no cursor of its own yet (the
--   mode's own is kept): 'adopted'. The next plan joins, closes or carries them as any run of
--   the mode. What they listed is read from the objects their windows' cursors name (the last
--   object of a page), looked up by id: the newest 50 found with a livemode must all be of the
--   key's mode. Not "the first object of the account", as 0029 could for a database of one
--   mode: since 0029 a database may hold both, under one account id (found in review);
-- - otherwise (any of the other mode, or none found): nothing says the key listed them, so they
--   are retired, not adopted: open runs are cancelled, the unfinished windows of the trigger's
--   'unknown' runs deleted (no run of a mode carries them, and sync_status would count them as
--   failing for good), their cursors dropped, and the next run of the key's mode lists from the
--   account's creation (writing again what is there changes nothing): 'retired'. A wrong
--   adoption would skip objects; a retirement only lists again.
-- Sigma's runs and watermarks ('sigma') are never the worker's.
-- Unqualified names: the migration runner sets search_path to the sync schema.

CREATE FUNCTION "_backfill_adopt_v1"(p_account_id text, p_mode text, p_triggered_by text)
 RETURNS text
 LANGUAGE plpgsql
 SET search_path FROM CURRENT
AS $function$
DECLARE
    v_runs bigint[];
    v_live boolean;
    v_found integer := 0;
    v_other boolean := false;
    v_listed record;
BEGIN
    IF p_mode IS NULL OR p_mode NOT IN ('live', 'test') THEN
        RAISE EXCEPTION 'p_mode must be live or test, not %', p_mode USING ERRCODE = '22023';
    END IF;
    IF p_triggered_by IS NOT DISTINCT FROM 'sigma' THEN
        RAISE EXCEPTION 'Sigma''s runs are not split by mode' USING ERRCODE = '22023';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('stripe-sync backfill plan'), hashtext(p_account_id));

    SELECT array_agg(r.id) INTO v_runs FROM "_sync_runs" r
    WHERE r.account_id = p_account_id AND r.mode = 'unknown'
      AND r.triggered_by IS NOT DISTINCT FROM p_triggered_by
      AND (r.status = 'running'
           OR EXISTS (SELECT 1 FROM "_backfill_cursors" c
                      WHERE c.account_id = p_account_id AND c.mode = 'unknown'
                        AND c.run_id = r.id));
    IF v_runs IS NULL THEN
        RETURN 'none';
    END IF;

    FOR v_listed IN
        SELECT s.table_name, w.cursor
        FROM "_sync_obj_runs" w
        JOIN "_sync_runs" r ON r.id = w.run_id
        JOIN "_resources" s ON s.name = w.object
        WHERE r.account_id = p_account_id AND r.mode = 'unknown'
          AND r.triggered_by IS NOT DISTINCT FROM p_triggered_by AND w.cursor IS NOT NULL
        ORDER BY w.id DESC
    LOOP
        -- A children window's cursor is its parent's id, not in this table: not found.
        v_live := NULL;
        EXECUTE format('SELECT ("_raw_data"->>''livemode'')::boolean FROM %I WHERE id = $1 '
                       'AND jsonb_typeof("_raw_data"->''livemode'') = ''boolean'' LIMIT 1',
                       v_listed.table_name)
            INTO v_live USING v_listed.cursor;
        CONTINUE WHEN v_live IS NULL;
        IF v_live IS DISTINCT FROM (p_mode = 'live') THEN
            v_other := true;
            EXIT;
        END IF;
        v_found := v_found + 1;
        EXIT WHEN v_found >= 50;
    END LOOP;

    IF v_found > 0 AND NOT v_other THEN
        DELETE FROM "_backfill_cursors" c
        WHERE c.account_id = p_account_id AND c.mode = 'unknown' AND c.run_id = ANY (v_runs)
          AND EXISTS (SELECT 1 FROM "_backfill_cursors" m
                      WHERE m.account_id = p_account_id AND m.mode = p_mode
                        AND m.object = c.object);
        UPDATE "_backfill_cursors" c SET mode = p_mode
        WHERE c.account_id = p_account_id AND c.mode = 'unknown' AND c.run_id = ANY (v_runs);
        -- Every run of the trigger, closed ones too: their unfinished windows are carried by
        -- the mode's next run. updated_at is left alone: a run abandoned stays abandoned.
        UPDATE "_sync_runs" r SET mode = p_mode
        WHERE r.account_id = p_account_id AND r.mode = 'unknown'
          AND r.triggered_by IS NOT DISTINCT FROM p_triggered_by;
        RETURN 'adopted';
    END IF;

    DELETE FROM "_backfill_cursors" c
    WHERE c.account_id = p_account_id AND c.mode = 'unknown' AND c.run_id = ANY (v_runs);
    DELETE FROM "_sync_obj_runs" w
    USING "_sync_runs" r
    WHERE r.id = w.run_id AND r.account_id = p_account_id AND r.mode = 'unknown'
      AND r.triggered_by IS NOT DISTINCT FROM p_triggered_by
      AND w.status <> 'complete' AND w.superseded_by IS NULL;
    UPDATE "_sync_runs" r SET status = 'cancelled', closed_at = now(), updated_at = now(),
        error_message = 'planned without a mode, and what it listed is not known to be of the '
                        || 'key''s mode (' || p_mode || '): the next run of that mode lists again'
    WHERE r.id = ANY (v_runs) AND r.status = 'running';
    RETURN 'retired';
END
$function$;

COMMENT ON FUNCTION "_backfill_adopt_v1"(text, text, text) IS
    'Runs and cursors of p_triggered_by planned as mode unknown (edge functions before they passed their key''s mode): adopted into p_mode when what they listed is of that mode, else retired (the next run lists again). Returns none, adopted or retired.';
