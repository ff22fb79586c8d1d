-- One clock reading for a group's commit time (found by CI).
--
-- _apply_changes records each event's processed_at (the stripe.freshness view) from one
-- clock_timestamp() taken before it inserts into _processed_events, but answered the caller
-- another one taken after that insert (seen_at: the committed_at of SyncResult, which the
-- freshness histogram in /metrics observes). The two differed by the insert, its dead-letter
-- trigger and, on a connection's first call, their planning: 18 ms under a loaded CI run, so
-- the histogram and the view disagreed. Both now read the same instant. seen_at is also the
-- version of a re-fetch that settles a same-second tie ("no one wrote the row since"): the
-- earlier instant is still after every write of the group, so the rule only gets stricter by
-- the insert's duration. Rewritten from the catalog text (see migrations.py).
-- Unqualified names: the migration runner sets search_path to the sync schema.

DO $migration$
DECLARE
    v_def text := pg_get_functiondef('"_apply_changes"(jsonb)'::regprocedure);
    v_edits text[][] := ARRAY[
        [$old$RETURN QUERY SELECT (u.i - 1)::integer, v_out[u.i], NULL::jsonb, clock_timestamp()$old$,
         $new$RETURN QUERY SELECT (u.i - 1)::integer, v_out[u.i], NULL::jsonb, v_applied$new$],
        [$old$              AND v_out[e.i] <> 'duplicate'),
           clock_timestamp()$old$,
         $new$              AND v_out[e.i] <> 'duplicate'),
           v_applied$new$]];
BEGIN
    FOR k IN 1..array_length(v_edits, 1) LOOP
        IF position(v_edits[k][1] IN v_def) = 0 THEN
            RAISE EXCEPTION '0034: _apply_changes changed (edit %), update this migration', k;
        END IF;
        v_def := replace(v_def, v_edits[k][1], v_edits[k][2]);
    END LOOP;
    EXECUTE v_def;
END
$migration$;
