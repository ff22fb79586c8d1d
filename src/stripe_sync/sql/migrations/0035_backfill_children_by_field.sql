-- A backfill page's embedded child lists by field: the items come from the parents (0035).
--
-- A page of invoices or subscriptions went to PostgreSQL as Python objects encoded again, and
-- each one's lines or items a second time as the page's child lists: the backfill parsed every
-- such page into dicts and encoded it twice (28 % of its CPU), and PostgreSQL parsed the lines
-- twice. Now a child list may name its parent's position in p_objects and the parent's list
-- field instead of carrying its objects ({"table", "parent_column", "complete", "parent_id",
-- "parent_index", "field", "objects": null}): _backfill_page_write reads the items from that
-- parent (checking its id), so the page goes through as Stripe sent it. "objects" is null, not
-- absent, so that a database without this migration refuses such a list (jsonb_array_elements
-- of a scalar) instead of reading it as empty and tombstoning every child row of a complete
-- list. Lists with objects are written as before (the edge functions send those). Rewritten from
-- the catalog text (see migrations.py).
-- Unqualified names: the migration runner sets search_path to the sync schema.

DO $migration$
DECLARE
    v_fn regprocedure := '"_backfill_page_write"(bigint, text, interval, text, text, jsonb,
        timestamptz, jsonb, text, timestamptz, boolean, integer, text, text, text[])'::regprocedure;
    v_def text := pg_get_functiondef(v_fn);
    v_old text := $old$coalesce(c->'objects', '[]')$old$;
    v_new text := $new$CASE
                         WHEN jsonb_typeof(c->'objects') IS DISTINCT FROM 'null' THEN
                             coalesce(c->'objects', '[]')
                         -- By field: the parent's list, if the parent at that position is it.
                         WHEN p_objects #>> ARRAY[c->>'parent_index', 'id'] = c->>'parent_id'
                              AND jsonb_typeof(p_objects #> ARRAY[c->>'parent_index',
                                                                  c->>'field', 'data']) = 'array'
                         THEN p_objects #> ARRAY[c->>'parent_index', c->>'field', 'data']
                         ELSE '[]'
                     END$new$;
BEGIN
    -- Both reads of a list's items: the rows to write and the ids a complete list keeps.
    IF (length(v_def) - length(replace(v_def, v_old, ''))) / length(v_old) <> 2 THEN
        RAISE EXCEPTION '0035: _backfill_page_write changed (its child lists), update this migration';
    END IF;
    EXECUTE replace(v_def, v_old, v_new);
END
$migration$;
