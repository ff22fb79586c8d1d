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
-- - the account's synced data is of the key's mode (the first object found with a livemode, as
--   0029 decided for older databases): the runs become the mode's, their windows with them, and
--   the cursors they planned too, where the mode has no cursor of its own yet (the mode's own is
--   kept): 'adopted'. The next plan joins, closes or carries them as any run of the mode;
-- - otherwise (data of the other mode, or none): nothing says which key listed them, so they are
--   retired, not adopted: open runs are cancelled, their cursors dropped, and the next run of
--   the key's mode lists from the account's creation (writing again what is there changes
--   nothing): 'retired'. A wrong adoption would skip objects; a retirement only lists again.
-- Sigma's runs and watermarks ('sigma') are never the worker's.
-- Unqualified names: the migration runner sets search_path to the sync schema.

CREATE FUNCTION "_backfill_adopt_v1"(p_account_id text, p_mode text, p_triggered_by text)
 RETURNS text
 LANGUAGE plpgsql
 SET search_path FROM CURRENT
AS $function$
DECLARE
    v_runs bigint[];
    v_table text;
    v_live boolean;
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

    FOR v_table IN SELECT r.table_name FROM "_resources" r ORDER BY r.ordinal LOOP
        EXECUTE format('SELECT ("_raw_data"->>''livemode'')::boolean FROM %I '
                       'WHERE "_account_id" = $1 '
                       'AND jsonb_typeof("_raw_data"->''livemode'') = ''boolean'' LIMIT 1',
                       v_table)
            INTO v_live USING p_account_id;
        EXIT WHEN v_live IS NOT NULL;
    END LOOP;

    IF v_live IS NOT DISTINCT FROM (p_mode = 'live') THEN
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
    UPDATE "_sync_runs" r SET status = 'cancelled', closed_at = now(), updated_at = now(),
        error_message = 'planned without a mode; the synced data is not of the key''s mode ('
                        || p_mode || '), so the next run of that mode lists again'
    WHERE r.id = ANY (v_runs) AND r.status = 'running';
    RETURN 'retired';
END
$function$;

COMMENT ON FUNCTION "_backfill_adopt_v1"(text, text, text) IS
    'Runs and cursors of p_triggered_by planned as mode unknown (edge functions before they passed their key''s mode): adopted into p_mode when the synced data is of that mode, else retired (the next run lists again). Returns none, adopted or retired.';
