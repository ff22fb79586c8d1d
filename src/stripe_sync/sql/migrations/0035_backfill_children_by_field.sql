-- A backfill page's embedded child lists by field: the items come from the parents (0035).
--
-- A page of invoices or subscriptions went to PostgreSQL as Python objects encoded again, and
-- each one's lines or items a second time as the page's child lists: the backfill parsed every
-- such page into dicts and encoded it twice (28 % of its CPU), and PostgreSQL parsed the lines
-- twice. Now a child list may name the parent's list field instead of carrying its objects
-- ({"table", "parent_column", "complete", "field": "lines", "parent_id"}), as _apply_changes
-- takes it for a webhook: _backfill_page_write reads the items from that parent in p_objects, so
-- the page goes through as Stripe sent it. Lists with objects are written as before (the edge
-- functions send those). Rewritten from the catalog text (see migrations.py).
-- Unqualified names: the migration runner sets search_path to the sync schema.

DO $migration$
DECLARE
    v_fn regprocedure := '"_backfill_page_write"(bigint, text, interval, text, text, jsonb,
        timestamptz, jsonb, text, timestamptz, boolean, integer, text, text, text[])'::regprocedure;
    v_def text := pg_get_functiondef(v_fn);
    v_edits text[][] := ARRAY[
        [$old$    v_keep_parents text[];
$old$,
         $new$    v_keep_parents text[];
    v_parents jsonb;
$new$],
        [$old$        -- Embedded child lists of the rows written (as in _apply_changes), one batch per
        -- child table.
$old$,
         $new$        -- Embedded child lists of the rows written (as in _apply_changes), one batch per
        -- child table. A list given by "field" takes its items from the parent's payload.
        IF jsonb_path_exists(p_children, '$[*].field') THEN
            v_parents := (SELECT jsonb_object_agg(o->>'id', o)
                          FROM jsonb_array_elements(p_objects) o
                          WHERE jsonb_typeof(o->'id') = 'string');
        END IF;
$new$]];
    v_items_old text := $old$coalesce(c->'objects', '[]')$old$;
    v_items_new text := $new$coalesce(c->'objects',
                     CASE WHEN jsonb_typeof(v_parents #> ARRAY[c->>'parent_id', c->>'field',
                                                               'data']) = 'array'
                          THEN v_parents #> ARRAY[c->>'parent_id', c->>'field', 'data'] END,
                     '[]')$new$;
BEGIN
    FOR k IN 1..array_length(v_edits, 1) LOOP
        IF position(v_edits[k][1] IN v_def) = 0 THEN
            RAISE EXCEPTION '0035: _backfill_page_write changed (edit %), update this migration', k;
        END IF;
        v_def := replace(v_def, v_edits[k][1], v_edits[k][2]);
    END LOOP;
    -- Both reads of a list's items: the rows to write and the ids a complete list keeps.
    IF (length(v_def) - length(replace(v_def, v_items_old, ''))) / length(v_items_old) <> 2 THEN
        RAISE EXCEPTION '0035: _backfill_page_write changed (its child lists), update this migration';
    END IF;
    EXECUTE replace(v_def, v_items_old, v_items_new);
END
$migration$;
