-- A backfill run's heartbeat (_sync_runs.updated_at) is written at most once a second. Every
-- claim and every page of every worker wrote that one row, so each page's transaction held its
-- lock from the write to the commit (the WAL flush included), and the other workers' pages
-- queued behind it: at full speed, sampling pg_stat_activity found about as many backends
-- waiting on that row lock as working. The heartbeat only tells a run that is still worked from
-- an abandoned one (no write for a lease, 30 s by default), so a second's resolution is plenty.
-- A write skipped because a newer one is visible takes no lock.
--
-- The two functions are rewritten from their own text in the catalog, with that one statement
-- changed, so that they stay what 0006 and 0017 (as renamed by 0019) made them.

DO $migration$
DECLARE
    v_fn regprocedure;
    v_def text;
    v_old text;
    v_new text;
BEGIN
    FOREACH v_fn IN ARRAY ARRAY[
        '"_backfill_claim"(bigint, text, interval, text[])'::regprocedure,
        '"_backfill_page_write"(bigint, text, interval, text, text, jsonb, timestamptz, jsonb,
                                text, timestamptz, boolean, integer, text, text, text[])'::regprocedure
    ] LOOP
        v_def := pg_get_functiondef(v_fn);
        v_old := CASE WHEN v_fn::text LIKE '%_backfill_claim%'
                      THEN 'UPDATE "_sync_runs" SET updated_at = now() WHERE id = p_run_id;'
                      ELSE 'UPDATE "_sync_runs" SET updated_at = now() WHERE id = w.run_id;' END;
        v_new := replace(v_old, ';',
                         ' AND updated_at < now() - interval ''1 second'';');
        IF position(v_old IN v_def) = 0 THEN
            RAISE EXCEPTION '0024: % does not write the heartbeat as expected', v_fn;
        END IF;
        EXECUTE replace(v_def, v_old, v_new);
    END LOOP;
END
$migration$;
