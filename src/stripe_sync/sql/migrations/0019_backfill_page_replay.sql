-- A backfill page sent twice is committed once. Store._run sends a statement again when its
-- connection broke (a database restart); when the break came after the commit, the second
-- _backfill_page used to write the page again and count its objects twice in the window's
-- processed_count (the chaos suite's PostgreSQL restarts caught it as "duplicated"), and a split
-- made by the first call could be answered with no split, so that the worker listed the split-off
-- range again. The page's own checks now come first: the window already stands at this page's
-- cursor (p_has_more: a page that leaves the window open always moves its cursor), so the page
-- was committed, and the answer is what the first call left (the window's created_gte carries a
-- split); a page that completed the window, sent again by its worker, is answered 'complete'
-- instead of 'lost'. The writing itself is unchanged: 0017's function, renamed.

ALTER FUNCTION "_backfill_page"(bigint, text, interval, text, text, jsonb, timestamptz, jsonb,
                                text, timestamptz, boolean, integer, text, text, text[])
    RENAME TO "_backfill_page_write";

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
BEGIN
    SELECT * INTO w FROM "_sync_obj_runs" x WHERE x.id = p_window_id FOR UPDATE;
    IF FOUND AND w.claimed_by IS NOT DISTINCT FROM p_worker AND w.superseded_by IS NULL
       AND w.page_count > 0 AND p_cursor IS NOT NULL
       AND w.cursor IS NOT DISTINCT FROM p_cursor
       AND w.cursor_created IS NOT DISTINCT FROM p_cursor_created THEN
        IF p_has_more AND w.status = 'running' THEN
            RETURN QUERY SELECT 'running'::text, '{}'::text[], w.created_gte, clock_timestamp();
            RETURN;
        ELSIF NOT p_has_more AND w.status = 'complete' THEN
            RETURN QUERY SELECT 'complete'::text, '{}'::text[], NULL::timestamptz,
                                clock_timestamp();
            RETURN;
        END IF;
    END IF;
    RETURN QUERY SELECT * FROM "_backfill_page_write"(
        p_window_id, p_worker, p_lease, p_table, p_account_id, p_objects, p_version, p_children,
        p_cursor, p_cursor_created, p_has_more, p_split_below, p_parent_column, p_parent_id,
        p_spawn_parent_ids);
END
$fn$;
