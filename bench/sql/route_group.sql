-- A prototype for bench/route_cost.py (issue 19's one router): routing a whole group of events
-- in one SQL statement, as _apply_changes could do before it writes. Not part of the schema:
-- the bench creates these in its throwaway database, in the sync schema (search_path).
--
-- bench_route_objects: one row per object type an event may carry, with the registry's
-- resource (the same choice as _route_event_v1: a top-level resource first, a child resource
-- only when no other resource has the type) and its nested lists with their child tables.
CREATE TABLE bench_route_objects AS
SELECT DISTINCT ON (o.t) o.t AS object_type, x.name, x.table_name, x.parent,
       (o.t <> x.object AND x.is_child) AS summary, x.delete_mode,
       (SELECT coalesce(jsonb_agg(jsonb_build_object(
                 'field', n->>'field', 'table', c.table_name, 'parent_column', c.parent,
                 'is_child', c.is_child, 'expand', (n->>'expand')::boolean) ORDER BY k), '[]')
        FROM jsonb_array_elements(x.nested_lists) WITH ORDINALITY AS nn(n, k)
        JOIN "_resources" c ON c.name = n->>'child') AS nested
FROM "_resources" x CROSS JOIN LATERAL unnest(ARRAY[x.object] || x.event_objects) AS o(t)
WHERE NOT x.is_child
   OR (SELECT count(*) FROM "_resources" y WHERE y.object = o.t OR o.t = ANY (y.event_objects)) = 1
ORDER BY o.t, x.is_child, x.ordinal;
ALTER TABLE bench_route_objects ADD PRIMARY KEY (object_type);

-- The registry's named skips (filled by the bench from stripe_sync.resources.UNROUTED_EVENTS).
CREATE TABLE bench_route_unrouted (type text PRIMARY KEY);

-- Each change of a group given with its whole event: its action, table, parent column and id,
-- and its child lists: by field with complete / must_list for an upsert, every child table
-- emptied for a delete. Inlinable (LANGUAGE sql, STABLE, no SET): a caller that prepares its
-- statement has it planned once, on any PostgreSQL (a SQL function that is not inlined keeps
-- its plan between calls only from PostgreSQL 18 on). The inner query computes the action once
-- per event (OFFSET 0 keeps it from being folded into each expression that reads it).
CREATE FUNCTION bench_route_group(p_changes jsonb)
RETURNS TABLE (ord bigint, action text, tbl text, pcol text, parent_id text, children jsonb)
LANGUAGE sql STABLE AS $f$
SELECT x.i, x.action,
       CASE WHEN NOT x.unrouted THEN x.table_name END,
       CASE WHEN x.action IN ('upsert', 'delete', 'replace_children') THEN x.parent END,
       CASE WHEN x.action IN ('upsert', 'delete', 'replace_children')
            THEN "_id_of"(x.o->x.parent) END,
       CASE WHEN x.action = 'delete' THEN (
                SELECT coalesce(jsonb_agg(jsonb_build_object(
                           'table', n->>'table', 'parent_column', n->>'parent_column',
                           'complete', true, 'must_list', false)), '[]')
                FROM jsonb_array_elements(x.nested) n
                WHERE (n->>'is_child')::boolean)
            WHEN x.action = 'upsert' THEN (
                SELECT coalesce(jsonb_agg(jsonb_build_object(
                           'table', n->>'table', 'parent_column', n->>'parent_column',
                           'field', n->>'field', 'complete', l.present AND NOT l.more,
                           'must_list', l.more OR (NOT l.present AND (n->>'expand')::boolean
                                                   AND (n->>'is_child')::boolean))), '[]')
                FROM jsonb_array_elements(x.nested) n
                CROSS JOIN LATERAL (SELECT x.o->(n->>'field') AS v) f
                CROSS JOIN LATERAL (
                    SELECT coalesce(jsonb_typeof(f.v) = 'object'
                                    AND f.v->'object' = '"list"'::jsonb
                                    AND jsonb_typeof(f.v->'data') = 'array', false) AS present,
                           coalesce(f.v->'has_more' = 'true'::jsonb, false) AS more) l)
       END
FROM (
    SELECT e.i, ob.o, r.table_name, r.parent, r.nested, u.type IS NOT NULL AS unrouted,
           CASE WHEN r.name IS NULL OR u.type IS NOT NULL THEN 'skip'
                WHEN r.summary THEN 'replace_children'
                WHEN jsonb_typeof(ob.o->'id') IS DISTINCT FROM 'string' OR ob.o->>'id' = ''
                    THEN 'skip'
                WHEN ob.o->'deleted' = 'true'::jsonb
                     OR (r.delete_mode = 'tombstone' AND ob.etype LIKE '%.deleted') THEN 'delete'
                ELSE 'upsert' END AS action
    FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i)
    CROSS JOIN LATERAL (SELECT e.c #> '{event,data,object}' AS o,
                               e.c #>> '{event,type}' AS etype OFFSET 0) ob
    LEFT JOIN bench_route_objects r ON r.object_type = ob.o->>'object'
    LEFT JOIN bench_route_unrouted u ON u.type = ob.etype
    OFFSET 0
) x
$f$;
