-- One event router (issue 19, part 1): the Python engine's events are routed in SQL, by
-- _apply_changes, a group at a time.
--
-- Until now the Python engine routed each event in Python (stripe_sync.events.route_event, with
-- changes.embedded_lists and references) and sent _apply_changes routed changes, while the edge
-- functions and psql called _route_event_v1; a parity test held the two together. Now the
-- Python engine sends an event as it is, as a change of action "route", and _apply_changes
-- routes it with _route_change below, in the statement that already reads the group: an
-- inlined SQL function, so the group is routed without a call per event. A prototype measured
-- this design at about 15 us of PostgreSQL per event, about what the Python routing cost
-- (bench/README.md, "Routing in SQL, a group at a time", with the A/B of what was built).
--
-- An event whose route needs Stripe before it can be written is answered unwritten, with
-- outcome "route" and its route (the column "route"); the engine makes the calls and sends the
-- routed change. Those are: a summary of a parent's complete set of rows (an active entitlement
-- summary), an object named in revalidate_objects_via_stripe_api, and, with auto_expand_lists,
-- an object with a truncated or unexpanded child list. A summary that is not one (no parent id,
-- not one list) is answered "malformed", with the reason.
--
-- 1. "_resources" gains "refs": the registry's references, so that the referenced objects to
--    look up (backfill_related_entities) are found in SQL too.
-- 2. "_route_objects": one row per object type an event may carry, made from "_resources" by a
--    trigger whenever the migration runner rewrites it.
-- 3. "_route_change": one change's route.
-- 4. "_apply_changes" routes changes of action "route" and answers, besides each change's
--    outcome, its resource, object id and the reason it was skipped, and for outcome "route"
--    the route. It is made again whole (its result has more columns).
--
-- Unqualified names: the migration runner sets search_path to the sync schema.

-- == 1. References ===============================================================================

ALTER TABLE "_resources" ADD COLUMN refs jsonb NOT NULL DEFAULT '[]';
COMMENT ON COLUMN "_resources".refs IS
'The fields of the object that refer to other objects, [{field, resource}] (the registry''s references).';

-- == 2. Object types =============================================================================

CREATE TABLE "_route_objects" (
    object_type text PRIMARY KEY,
    resource text NOT NULL,
    table_name text NOT NULL,
    parent text,
    summary boolean NOT NULL,
    delete_mode text NOT NULL,
    retrieve boolean NOT NULL,
    nested jsonb NOT NULL,
    refs jsonb NOT NULL
);
COMMENT ON TABLE "_route_objects" IS
'How an event''s object is routed, by its type (data.object.object): its resource (a top-level resource first, a child resource only when no other has the type), whether it is a summary of a parent''s rows, its nested lists [{field, table, parent_column, is_child, expand}] and its references to objects fetched on their own [{field, table, prefixes}]. Made from _resources by a trigger.';

CREATE FUNCTION "_route_objects_refresh"()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path FROM CURRENT
AS $function$
BEGIN
    DELETE FROM "_route_objects";
    INSERT INTO "_route_objects"
    SELECT DISTINCT ON (o.t) o.t, x.name, x.table_name, x.parent,
           o.t <> x.object AND x.is_child, x.delete_mode, x.retrieve_path IS NOT NULL,
           (SELECT coalesce(jsonb_agg(jsonb_build_object(
                       'field', n->>'field', 'table', c.table_name, 'parent_column', c.parent,
                       'is_child', c.is_child, 'expand', coalesce((n->>'expand')::boolean, false))
                       ORDER BY k), '[]')
            FROM jsonb_array_elements(x.nested_lists) WITH ORDINALITY AS nn(n, k)
            JOIN "_resources" c ON c.name = n->>'child'),
           (SELECT coalesce(jsonb_agg(jsonb_build_object(
                       'field', f->>'field', 'table', t.table_name,
                       'prefixes', to_jsonb(t.id_prefixes)) ORDER BY k), '[]')
            FROM jsonb_array_elements(x.refs) WITH ORDINALITY AS ff(f, k)
            JOIN "_resources" t ON t.name = f->>'resource'
            WHERE t.retrieve_path IS NOT NULL AND NOT t.is_child)
    FROM "_resources" x CROSS JOIN LATERAL unnest(ARRAY[x.object] || x.event_objects) AS o(t)
    WHERE NOT x.is_child
       OR (SELECT count(*) FROM "_resources" y
           WHERE y.object = o.t OR o.t = ANY (y.event_objects)) = 1
    ORDER BY o.t, x.is_child, x.ordinal;
    RETURN NULL;
END
$function$;

CREATE TRIGGER "_resources_route_objects"
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "_resources"
FOR EACH STATEMENT EXECUTE FUNCTION "_route_objects_refresh"();

-- The object types of the rows there now (a statement trigger fires for no row too; a first
-- install has none yet: the runner writes them after migrating, and the trigger fires then).
UPDATE "_resources" SET refs = refs WHERE false;

-- == 3. One change's route =======================================================================

-- The route of one change of action "route": p_change has "event" (the whole event; its
-- event_type is the change's) or "objects" (one object fetched from the API), and "route",
-- the engine's options: "expand" (auto_expand_lists), "refs" (backfill_related_entities),
-- "revalidate" (the resources of revalidate_objects_via_stripe_api). No row for another action.
--
-- The rules are those of _route_event_v1 (and of stripe_sync.events before it): an object is
-- routed by its type, never by the event type, except the registry's named skips; a "deleted":
-- true stub is a delete whatever the resource, a *.deleted event a delete of a resource whose
-- rows are tombstoned; an object without an id is skipped (a preview).
--
-- Columns: action (upsert, delete, skip), table, parent column and id, child lists (by "field"
-- for an upsert, as _apply_changes reads them; every child table emptied for a delete), refs
-- ([table, id] to look up), resource, object_id, reason (why skipped) and outcome: NULL to be
-- written, "skipped", "route" (the engine must call Stripe first; "route" says what for) or
-- "malformed" (reason says why).
--
-- Inlinable (LANGUAGE sql, STABLE, no SET clause): _apply_changes, which sets search_path,
-- has it planned once with its statement. The inner queries compute each value once (OFFSET 0
-- keeps them from being folded into every expression that reads them).
CREATE FUNCTION "_route_change"(p_change jsonb)
 RETURNS TABLE(action text, tbl text, pcol text, parent_id text, children jsonb, refs jsonb,
               resource text, object_id text, reason text, outcome text, route jsonb)
 LANGUAGE sql
 STABLE
AS $function$
SELECT CASE WHEN z.outcome IS NULL THEN z.action ELSE 'skip' END,
       z.table_name, z.pcol, z.parent_id, z.children, z.refs, z.resource, z.object_id,
       z.reason, z.outcome,
       CASE WHEN z.outcome = 'route' THEN jsonb_build_object(
           'needs', z.needs, 'action', z.action, 'resource', z.resource,
           'object_id', z.object_id, 'parent_id', z.parent_id, 'children', z.all_lists,
           'refs', z.refs, 'list_field', z.list_field, 'has_more', z.list_more) END
FROM (
    SELECT y.*,
           CASE WHEN y.action = 'skip' THEN 'skipped'
                WHEN y.action = 'replace_children' AND y.parent_id IS NULL OR y.bad_summary
                    THEN 'malformed'
                WHEN y.needs IS NOT NULL THEN 'route' END AS outcome,
           CASE WHEN y.action = 'replace_children' AND y.parent_id IS NULL
                    THEN format('malformed event: the %s has no %s id', y.object_type,
                                coalesce(y.parent, 'parent'))
                WHEN y.bad_summary
                    THEN format('malformed event: the %s does not hold one list of %s',
                                y.object_type, y.own_object)
                ELSE y.skip_reason END AS reason
    FROM (
        SELECT x.*,
               CASE WHEN x.action = 'replace_children' THEN 'summary'
                    WHEN x.action = 'upsert' AND x.from_event AND x.etype NOT LIKE '%.deleted'
                         AND coalesce(x.opts->'revalidate' ? x.resource, false)
                        THEN 'revalidate'
                    WHEN x.action = 'upsert' AND x.to_page THEN 'expand' END AS needs,
               x.action = 'replace_children' AND x.parent_id IS NOT NULL
                   AND (cardinality(x.lists) <> 1
                        OR jsonb_typeof(x.o->(x.lists[1])->'data') IS DISTINCT FROM 'array')
                   AS bad_summary,
               CASE WHEN x.action = 'replace_children' AND cardinality(x.lists) = 1
                    THEN x.lists[1] END AS list_field,
               CASE WHEN x.action = 'replace_children' AND cardinality(x.lists) = 1
                    THEN coalesce(x.o->(x.lists[1])->'has_more' = 'true'::jsonb, false)
                    END AS list_more
        FROM (
            SELECT w.*, ul.all_lists, ul.to_page,
                   CASE WHEN w.action IN ('upsert', 'delete') THEN w.parent END AS pcol,
                   CASE WHEN w.action IN ('upsert', 'delete', 'replace_children')
                        THEN "_id_of"(w.o->w.parent) END AS parent_id,
                   CASE WHEN w.action = 'skip' AND w.unrouted
                            THEN format('event type %L is a named skip of the registry '
                                        '(unrouted_events)', w.etype)
                        WHEN w.action = 'skip' AND w.resource IS NULL
                            THEN format('object type %L is not mirrored by stripe-sync',
                                        w.object_type)
                        WHEN w.action = 'skip'
                            THEN format('the %s in %s has no id (a preview such as an upcoming '
                                        'invoice, not a stored object)', w.object_type,
                                        coalesce(w.etype, 'fetch')) END AS skip_reason,
                   CASE WHEN w.action = 'delete' THEN (
                            SELECT coalesce(jsonb_agg(jsonb_build_object(
                                       'table', n->>'table', 'parent_column', n->>'parent_column',
                                       'field', n->>'field', 'objects', '[]'::jsonb,
                                       'complete', true)), '[]')
                            FROM jsonb_array_elements(w.nested) n
                            WHERE (n->>'is_child')::boolean)
                        WHEN w.action = 'upsert' THEN ul.written
                        END AS children,
                   CASE WHEN w.action = 'upsert'
                             AND coalesce((w.opts->>'refs')::boolean, false) THEN (
                            SELECT coalesce(jsonb_agg(jsonb_build_array(d.tbl, d.id)
                                                      ORDER BY d.k), '[]')
                            FROM (SELECT DISTINCT ON (f->>'table', i.id) f->>'table' AS tbl,
                                         i.id, k
                                  FROM jsonb_array_elements(w.refs_spec) WITH ORDINALITY
                                       AS ff(f, k)
                                  CROSS JOIN LATERAL (SELECT "_id_of"(w.o->(f->>'field')) AS id) i
                                  WHERE i.id IS NOT NULL
                                    AND (jsonb_array_length(f->'prefixes') = 0
                                         OR EXISTS (SELECT 1
                                                    FROM jsonb_array_elements_text(f->'prefixes') p
                                                    WHERE starts_with(i.id, p)))
                                  ORDER BY f->>'table', i.id, k) d)
                        END AS refs,
                   CASE WHEN w.action = 'replace_children' THEN ARRAY(
                            SELECT l.key FROM jsonb_each(w.o) l
                            WHERE jsonb_typeof(l.value) = 'object'
                              AND l.value->'object' = '"list"'::jsonb)
                        END AS lists
            FROM (
                SELECT v.o, v.etype, v.from_event, v.opts, v.object_type,
                       r.resource, r.table_name, r.parent, r.nested, r.refs AS refs_spec,
                       v.unrouted, own.object AS own_object,
                       CASE WHEN jsonb_typeof(v.o->'id') = 'string' THEN nullif(v.o->>'id', '')
                            END AS object_id,
                       CASE WHEN r.resource IS NULL OR v.unrouted THEN 'skip'
                            WHEN r.summary THEN 'replace_children'
                            WHEN jsonb_typeof(v.o->'id') IS DISTINCT FROM 'string'
                                 OR v.o->>'id' = '' THEN 'skip'
                            WHEN v.o->'deleted' = 'true'::jsonb
                                 OR (v.from_event AND r.delete_mode = 'tombstone'
                                     AND v.etype LIKE '%.deleted') THEN 'delete'
                            ELSE 'upsert' END AS action
                FROM (
                    SELECT u.o, u.etype, u.from_event, u.opts, u.o->>'object' AS object_type,
                           u.from_event AND u.etype = ANY (ARRAY['account.application.authorized', 'account.application.deauthorized', 'balance.available', 'balance_settings.updated', 'billing.alert.triggered', 'billing_portal.session.created', 'capability.updated', 'cash_balance.funds_available', 'climate.product.created', 'climate.product.pricing_updated', 'customer.discount.created', 'customer.discount.deleted', 'customer.discount.updated', 'customer.source.created', 'customer.source.deleted', 'customer.source.expiring', 'customer.source.updated', 'financial_connections.authorization.expected_deactivation_date_updated', 'financial_connections.authorization.upcoming_deactivation', 'mandate.updated', 'reporting.report_type.updated', 'reserve.hold.created', 'reserve.hold.updated', 'reserve.plan.created', 'reserve.plan.disabled', 'reserve.plan.expired', 'reserve.plan.updated', 'reserve.release.created', 'source.canceled', 'source.chargeable', 'source.failed', 'source.mandate_notification', 'source.refund_attributes_required', 'source.transaction.created', 'source.transaction.updated', 'tax.settings.updated']::text[])
                               AS unrouted
                    FROM (
                        SELECT CASE WHEN p_change ? 'event'
                                    THEN p_change->'event'->'data'->'object'
                                    ELSE p_change->'objects'->0 END AS o,
                               CASE WHEN p_change ? 'event'
                                    THEN coalesce(p_change->>'event_type',
                                                  p_change->'event'->>'type') END AS etype,
                               p_change ? 'event' AS from_event,
                               p_change->'route' AS opts
                        WHERE p_change->>'action' = 'route'
                        OFFSET 0
                    ) u
                    OFFSET 0
                ) v
                LEFT JOIN "_route_objects" r ON r.object_type = v.object_type AND NOT v.unrouted
                LEFT JOIN "_resources" own ON own.name = r.resource AND r.summary
                OFFSET 0
            ) w
            -- An upsert's embedded lists: those present, to write (by field); with the
            -- engine's "expand", every one with its flags, for the route of an object that has
            -- one to page (must_list: a truncated list, or one present only when expanded).
            LEFT JOIN LATERAL (
                SELECT coalesce(jsonb_agg(d.spec) FILTER (WHERE d.present), '[]') AS written,
                       coalesce(jsonb_agg(d.spec) FILTER (WHERE d.expand), '[]') AS all_lists,
                       coalesce(bool_or(d.must_list AND d.expand), false) AS to_page
                FROM (
                    SELECT jsonb_build_object(
                               'table', n->>'table', 'parent_column', n->>'parent_column',
                               'field', n->>'field', 'present', l.present,
                               'complete', l.present AND NOT l.more,
                               'must_list', l.must_list) AS spec,
                           l.present, l.must_list,
                           coalesce((w.opts->>'expand')::boolean, false) AS expand
                    FROM jsonb_array_elements(w.nested) n
                    CROSS JOIN LATERAL (SELECT w.o->(n->>'field') AS v) f
                    CROSS JOIN LATERAL (
                        SELECT p.present, p.more,
                               p.more OR (NOT p.present AND (n->>'expand')::boolean
                                          AND (n->>'is_child')::boolean) AS must_list
                        FROM (SELECT coalesce(jsonb_typeof(f.v) = 'object'
                                              AND f.v->'object' = '"list"'::jsonb, false)
                                         AND coalesce(jsonb_typeof(f.v->'data') = 'array', false)
                                         AS present,
                                     coalesce(jsonb_typeof(f.v) = 'object'
                                              AND f.v->'object' = '"list"'::jsonb
                                              AND f.v->'has_more' = 'true'::jsonb, false)
                                         AS more) p) l
                    WHERE w.action = 'upsert'
                ) d
            ) ul ON true
            OFFSET 0
        ) x
        OFFSET 0
    ) y
) z
$function$;
COMMENT ON FUNCTION "_route_change"(p_change jsonb) IS
'The route of one change of action "route" (an event, or an object fetched from the API), as _apply_changes reads it: action, table, parent, child lists, references to look up, and whether the engine must call Stripe first (outcome "route", with the route) or the summary is malformed. The one event router of the Python engine.';

-- == 4. _apply_changes routes ====================================================================

-- As before (0001, 0028, 0034, 0040), with changes of action "route": each is routed by
-- _route_change in the first pass over the group, and from there on every statement reads a
-- change's action, table, parent column and id, child lists and refs from the arrays that pass
-- makes, whether the change came routed or was routed here. A change answered "route" or
-- "malformed" writes nothing and is not recorded as processed (the engine sends it again,
-- routed, or refuses it). Child lists given by "field" take the list's items that are objects.
DROP FUNCTION "_apply_changes"(jsonb);
CREATE FUNCTION "_apply_changes"(p_changes jsonb)
 RETURNS TABLE(ord integer, outcome text, missing_refs jsonb, seen_at timestamp with time zone,
               resource text, object_id text, reason text, route jsonb)
 LANGUAGE plpgsql
 SET search_path FROM CURRENT
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
DECLARE
    n integer;
    v_out text[];
    v_event_ids text[];
    v_actions text[];
    v_tables text[];
    v_pcols text[];
    v_parent_ids text[];
    v_child_lists jsonb[];
    v_ref_lists jsonb[];
    v_resources text[];
    v_object_ids text[];
    v_reasons text[];
    v_routed text[];
    v_routes jsonb[];
    v_accounts text[];
    v_versions timestamptz[];
    v_objects jsonb[];
    v_bad integer;
    v_children boolean;
    v_refs boolean;
    v_replace boolean;
    v_seen text[];
    v_missing_tables text[] := '{}';
    v_missing_ids text[] := '{}';
    v_found text[];
    v_keep text[];
    v_keep_parents text[];
    v_level bigint[];
    v_levels integer;
    v_set_version timestamptz;
    v_set_source text;
    v_set_updated timestamptz;
    v_applied timestamptz;
    r record;
    w record;
BEGIN
    IF jsonb_typeof(p_changes) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION '_apply_changes: p_changes must be a JSON array of changes';
    END IF;
    n := jsonb_array_length(p_changes);
    IF n = 0 THEN
        RETURN;
    END IF;

    -- One pass over the group: what the statements below need, as arrays by position, each
    -- change of action "route" routed on the way. A change's object is objects[0], or, for a
    -- change given with its whole event (a webhook body passed on as received, never parsed
    -- and encoded again), its data.object.
    SELECT array_agg(e.c->>'event_id' ORDER BY e.i),
           array_agg(coalesce(rt.action, e.c->>'action') ORDER BY e.i),
           array_agg(CASE WHEN rt.action IS NULL THEN e.c->>'table' ELSE rt.tbl END
                     ORDER BY e.i),
           array_agg(CASE WHEN rt.action IS NULL THEN e.c->>'parent_column' ELSE rt.pcol END
                     ORDER BY e.i),
           array_agg(CASE WHEN rt.action IS NULL THEN e.c->>'parent_id' ELSE rt.parent_id END
                     ORDER BY e.i),
           array_agg(CASE WHEN rt.action IS NULL THEN e.c->'children' ELSE rt.children END
                     ORDER BY e.i),
           array_agg(CASE WHEN rt.action IS NULL THEN e.c->'refs' ELSE rt.refs END
                     ORDER BY e.i),
           array_agg(rt.resource ORDER BY e.i),
           array_agg(rt.object_id ORDER BY e.i),
           array_agg(rt.reason ORDER BY e.i),
           array_agg(rt.outcome ORDER BY e.i),
           array_agg(rt.route ORDER BY e.i),
           array_agg(e.c->>'account_id' ORDER BY e.i),
           array_agg((e.c->>'version')::timestamptz ORDER BY e.i),
           array_agg(CASE WHEN e.c ? 'event' THEN e.c->'event'->'data'->'object'
                          ELSE e.c->'objects'->0 END ORDER BY e.i),
           count(*) FILTER (WHERE e.c->>'action' IN ('upsert', 'delete') AND NOT e.c ? 'event'
                            AND (jsonb_typeof(e.c->'objects') IS DISTINCT FROM 'array'
                                 OR jsonb_array_length(e.c->'objects') <> 1)),
           coalesce(bool_or(jsonb_array_length(coalesce(
               CASE WHEN rt.action IS NULL THEN e.c->'children' ELSE rt.children END,
               '[]')) > 0), false),
           coalesce(bool_or(jsonb_array_length(coalesce(
               CASE WHEN rt.action IS NULL THEN e.c->'refs' ELSE rt.refs END, '[]')) > 0), false),
           coalesce(bool_or(e.c->>'action' = 'replace_children'), false)
    INTO v_event_ids, v_actions, v_tables, v_pcols, v_parent_ids, v_child_lists, v_ref_lists,
         v_resources, v_object_ids, v_reasons, v_routed, v_routes, v_accounts, v_versions,
         v_objects, v_bad, v_children, v_refs, v_replace
    FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i)
    LEFT JOIN LATERAL "_route_change"(e.c) AS rt ON true;

    SELECT x.a INTO r FROM unnest(v_actions) AS x(a)
    WHERE x.a IS NULL OR x.a NOT IN ('upsert', 'delete', 'skip', 'replace_children') LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION '_apply_event: unknown action %', r.a;
    END IF;
    IF v_bad > 0 THEN
        RAISE EXCEPTION '_apply_event: upsert and delete take exactly one object';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(v_actions, v_objects) AS x(a, o)
               WHERE x.a IN ('upsert', 'delete')
                 AND jsonb_typeof(x.o->'id') IS DISTINCT FROM 'string') THEN
        RAISE EXCEPTION '_apply_event: the object to upsert or delete has no string id';
    END IF;

    -- Duplicates (an event applied before, or given earlier in this group), skips, and the
    -- changes the router hands back to the engine (route, malformed). A copy is a duplicate
    -- after a copy of its event that is applied here; a copy handed back is not applied, so it
    -- makes no later copy a duplicate: each is handed back (or applied) in its own right.
    v_seen := ARRAY(SELECT pe.id FROM "_processed_events" pe WHERE pe.id = ANY (v_event_ids));
    v_out := ARRAY(
        SELECT CASE
                   WHEN x.event_id = ANY (v_seen) THEN 'duplicate'
                   WHEN x.event_id IS NOT NULL AND x.first_applied < x.i THEN 'duplicate'
                   WHEN x.back THEN x.routed
                   WHEN x.a = 'skip' THEN coalesce(x.routed, 'skipped')
               END
        FROM (SELECT u.i, u.event_id, u.a, u.routed, b.back,
                     min(u.i) FILTER (WHERE NOT b.back) OVER (PARTITION BY u.event_id)
                         AS first_applied
              FROM unnest(v_event_ids, v_actions, v_routed) WITH ORDINALITY
                   AS u(event_id, a, routed, i)
              CROSS JOIN LATERAL (SELECT coalesce(u.routed IN ('route', 'malformed'), false)
                                         AS back) b) x
        ORDER BY x.i);

    -- Rows of upserts and deletes: one batch per table, tables in name order (lock order).
    FOR r IN
        SELECT v_tables[e.i] AS tbl, v_pcols[e.i] AS pcol,
               array_agg(e.i) AS ords,
               array_agg(v_objects[e.i]) AS objects,
               array_agg(v_accounts[e.i]) AS accounts,
               array_agg(v_versions[e.i]) AS versions,
               array_agg(coalesce(e.c->>'source', 'event')) AS sources,
               array_agg(v_parent_ids[e.i]) AS parent_ids,
               array_agg(coalesce((e.c->>'tie_wins')::boolean, false)) AS ties,
               array_agg(v_actions[e.i] = 'delete') AS deletes,
               array_agg(CASE coalesce(nullif(e.c->'livemode', 'null'), e.c->'event'->'livemode')
                          WHEN 'true' THEN true WHEN 'false' THEN false END) AS livemodes
        FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i)
        WHERE v_actions[e.i] IN ('upsert', 'delete') AND v_out[e.i] IS NULL
        GROUP BY 1, 2
        ORDER BY 1, 2
    LOOP
        FOR w IN SELECT * FROM "_write_batch"(r.tbl, r.pcol, r.ords, r.objects, r.accounts,
                                              r.versions, r.sources, r.parent_ids, r.ties,
                                              r.deletes, r.livemodes) LOOP
            v_out[w.ord] := w.outcome;
        END LOOP;
    END LOOP;

    -- Complete sets of a parent's rows (a customer's active entitlements), one by one: rare.
    -- The set is ordered like a row: by its version, same-second ties settled by a re-fetch
    -- (of the parent's list) that began after the set was last written.
    IF v_replace THEN
        FOR r IN SELECT e.i, e.c FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i)
                 WHERE e.c->>'action' = 'replace_children' AND v_out[e.i] IS NULL
                 ORDER BY e.i LOOP
            INSERT INTO "_child_sets" AS s (table_name, parent_id, account_id, version,
                                            version_source)
            VALUES (r.c->>'table', r.c->>'parent_id', r.c->>'account_id', '-infinity', 'fetch')
            ON CONFLICT DO NOTHING;
            SELECT s.version, s.version_source, s.updated_at
            INTO v_set_version, v_set_source, v_set_updated
            FROM "_child_sets" s
            WHERE s.table_name = r.c->>'table' AND s.parent_id = r.c->>'parent_id'
            FOR UPDATE;
            IF date_trunc('second', (r.c->>'version')::timestamptz)
               < date_trunc('second', v_set_version) THEN
                v_out[r.i] := 'stale';
            ELSIF date_trunc('second', (r.c->>'version')::timestamptz)
                      = date_trunc('second', v_set_version)
                  AND NOT (coalesce((r.c->>'tie_wins')::boolean, false)
                           OR (r.c->>'source' = 'refetch'
                               AND (r.c->>'version')::timestamptz >= v_set_updated)
                           OR (r.c->>'source' = 'fetch' AND v_set_source = 'fetch'
                               AND (r.c->>'version')::timestamptz >= v_set_version)) THEN
                v_out[r.i] := 'ambiguous';
            ELSE
                -- The newest set known: its rows take a same-second tie with their stored
                -- versions.
                PERFORM 1 FROM "_write_batch"(
                    r.c->>'table', r.c->>'parent_column',
                    ARRAY(SELECT o.k FROM jsonb_array_elements(r.c->'objects')
                                          WITH ORDINALITY AS o(v, k) ORDER BY o.k),
                    ARRAY(SELECT o.v FROM jsonb_array_elements(r.c->'objects')
                                          WITH ORDINALITY AS o(v, k) ORDER BY o.k),
                    array_fill(r.c->>'account_id', ARRAY[jsonb_array_length(r.c->'objects')]),
                    array_fill((r.c->>'version')::timestamptz,
                               ARRAY[jsonb_array_length(r.c->'objects')]),
                    array_fill(coalesce(r.c->>'source', 'event'),
                               ARRAY[jsonb_array_length(r.c->'objects')]),
                    array_fill(r.c->>'parent_id', ARRAY[jsonb_array_length(r.c->'objects')]),
                    array_fill(true, ARRAY[jsonb_array_length(r.c->'objects')]),
                    array_fill(false, ARRAY[jsonb_array_length(r.c->'objects')]),
                    array_fill(CASE coalesce(nullif(r.c->'livemode', 'null'),
                                             r.c->'event'->'livemode')
                                   WHEN 'true' THEN true WHEN 'false' THEN false END,
                               ARRAY[jsonb_array_length(r.c->'objects')]));
                v_keep := ARRAY(SELECT o->>'id' FROM jsonb_array_elements(r.c->'objects') o);
                PERFORM "_tombstone_children"(
                    r.c->>'table', r.c->>'parent_column', ARRAY[r.c->>'parent_id'],
                    ARRAY[(r.c->>'version')::timestamptz],
                    array_fill(r.c->>'parent_id', ARRAY[cardinality(v_keep)]), v_keep);
                UPDATE "_child_sets" s
                SET version = (r.c->>'version')::timestamptz,
                    version_source = CASE WHEN r.c->>'source' = 'event' THEN 'event'
                                          ELSE 'fetch' END,
                    account_id = r.c->>'account_id',
                    updated_at = now()
                WHERE s.table_name = r.c->>'table' AND s.parent_id = r.c->>'parent_id';
                v_out[r.i] := 'replaced';
            END IF;
        END LOOP;
    END IF;

    -- Embedded child lists, only under a parent that was written: a stale payload never writes
    -- stale children. The parent's payload is the newest known, so its own child rows take a
    -- same-second tie; children with events of their own (a charge's refunds) do not.
    -- Level by level: two changes of one parent in the group have their children written and
    -- tombstoned one after the other (level n: the n-th change of its object), as if applied in
    -- turn; most groups have one level. A child list gives its objects, or "field": the items
    -- embedded in the parent's list field (lines), not sent twice.
    IF v_children THEN
        SELECT array_agg(x.lvl ORDER BY x.i), max(x.lvl)
        INTO v_level, v_levels
        FROM (SELECT u.i, row_number() OVER (PARTITION BY u.tbl, u.o->>'id' ORDER BY u.i) AS lvl
              FROM unnest(v_tables, v_objects) WITH ORDINALITY AS u(tbl, o, i)) x;
        FOR v_lvl IN 1..v_levels LOOP
            FOR r IN
                SELECT x.tbl, x.pcol,
                       array_agg(x.k) AS ords,
                       array_agg(x.obj) AS objects,
                       array_agg(x.account_id) AS accounts,
                       array_agg(x.version) AS versions,
                       array_agg(x.source) AS sources,
                       array_agg(x.parent_id) AS parent_ids,
                       array_agg(x.pcol IS NOT NULL) AS ties,
                       array_agg(x.livemode) AS livemodes
                FROM (
                    SELECT ch.c->>'table' AS tbl, ch.c->>'parent_column' AS pcol,
                           e.i * 1000000000000 + ch.j * 100000000 + o.k AS k, o.obj,
                           v_accounts[e.i] AS account_id, v_versions[e.i] AS version,
                           coalesce(e.c->>'source', 'event') AS source,
                           CASE coalesce(nullif(e.c->'livemode', 'null'), e.c->'event'->'livemode')
                          WHEN 'true' THEN true WHEN 'false' THEN false END AS livemode,
                           CASE WHEN ch.c->>'parent_column' IS NOT NULL
                                THEN v_objects[e.i]->>'id' END AS parent_id
                    FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i)
                    CROSS JOIN LATERAL jsonb_array_elements(coalesce(v_child_lists[e.i], '[]'))
                        WITH ORDINALITY AS ch(c, j)
                    CROSS JOIN LATERAL jsonb_array_elements(
                        CASE WHEN ch.c ? 'objects' THEN ch.c->'objects'
                             WHEN jsonb_typeof(v_objects[e.i]->(ch.c->>'field')->'data')
                                  = 'array'
                             THEN v_objects[e.i]->(ch.c->>'field')->'data'
                             ELSE '[]' END) WITH ORDINALITY AS o(obj, k)
                    WHERE v_out[e.i] = 'written' AND v_level[e.i] = v_lvl
                      AND jsonb_typeof(o.obj) = 'object'
                ) x
                GROUP BY 1, 2
                ORDER BY 1, 2
            LOOP
                PERFORM 1 FROM "_write_batch"(r.tbl, r.pcol, r.ords, r.objects, r.accounts,
                                              r.versions, r.sources, r.parent_ids, r.ties,
                                              array_fill(false, ARRAY[cardinality(r.ords)]),
                                              r.livemodes);
            END LOOP;
            -- Child rows missing from a complete list, and every child row of a deleted parent.
            FOR r IN
                SELECT ch.c->>'table' AS tbl, ch.c->>'parent_column' AS pcol,
                       array_agg(v_objects[e.i]->>'id') AS parents,
                       array_agg(v_versions[e.i]) AS versions,
                       array_agg(e.i) FILTER (WHERE v_out[e.i] = 'written') AS written
                FROM generate_subscripts(v_child_lists, 1) AS e(i)
                CROSS JOIN LATERAL jsonb_array_elements(coalesce(v_child_lists[e.i], '[]'))
                    AS ch(c)
                WHERE ch.c->>'parent_column' IS NOT NULL AND v_level[e.i] = v_lvl
                  AND ((v_out[e.i] = 'written' AND coalesce((ch.c->>'complete')::boolean, false))
                       OR v_out[e.i] = 'deleted')
                GROUP BY 1, 2
                ORDER BY 1, 2
            LOOP
                SELECT array_agg(v_objects[e.i]->>'id'), array_agg(o->>'id')
                INTO v_keep_parents, v_keep
                FROM unnest(r.written) AS e(i)
                CROSS JOIN LATERAL jsonb_array_elements(coalesce(v_child_lists[e.i], '[]'))
                    AS ch(c)
                CROSS JOIN LATERAL jsonb_array_elements(
                    CASE WHEN ch.c ? 'objects' THEN ch.c->'objects'
                         WHEN jsonb_typeof(v_objects[e.i]->(ch.c->>'field')->'data') = 'array'
                         THEN v_objects[e.i]->(ch.c->>'field')->'data'
                         ELSE '[]' END) AS o
                WHERE ch.c->>'table' = r.tbl AND ch.c->>'parent_column' = r.pcol
                  AND jsonb_typeof(o) = 'object';
                PERFORM "_tombstone_children"(r.tbl, r.pcol, r.parents, r.versions,
                                              v_keep_parents, v_keep);
            END LOOP;
        END LOOP;
    END IF;

    -- Referenced objects that have no row (for backfill_related_entities).
    IF v_refs THEN
        FOR r IN
            SELECT ref->>0 AS tbl, array_agg(DISTINCT ref->>1) AS ids
            FROM generate_subscripts(v_ref_lists, 1) AS e(i)
            CROSS JOIN LATERAL jsonb_array_elements(coalesce(v_ref_lists[e.i], '[]')) AS ref
            WHERE v_out[e.i] IS DISTINCT FROM 'duplicate'
            GROUP BY 1
            ORDER BY 1
        LOOP
            v_found := "_existing_ids"(r.tbl, r.ids);
            IF cardinality(v_found) < cardinality(r.ids) THEN
                SELECT v_missing_tables || coalesce(array_agg(r.tbl), '{}'),
                       v_missing_ids || coalesce(array_agg(m.id), '{}')
                INTO v_missing_tables, v_missing_ids
                FROM unnest(r.ids) AS m(id)
                WHERE NOT (m.id = ANY (v_found));
            END IF;
        END LOOP;
    END IF;

    -- Discounts (0028): the objects of customer.discount.* events, which are skipped (no
    -- object table mirrors them), are kept in _discounts for the metric views.
    IF EXISTS (SELECT 1 FROM unnest(v_objects, v_out) AS x(o, out)
               WHERE x.out = 'skipped' AND x.o->>'object' = 'discount') THEN
        PERFORM "_discounts_record"(array_agg(v_objects[u.i]), array_agg(v_accounts[u.i]),
                                    array_agg(v_versions[u.i]),
                                    array_agg(p_changes->(u.i - 1)->>'event_type'
                                              = 'customer.discount.deleted'))
        FROM generate_subscripts(v_out, 1) AS u(i)
        WHERE v_out[u.i] = 'skipped' AND v_objects[u.i]->>'object' = 'discount';
    END IF;

    -- An ambiguous event is not recorded: the caller resolves it and calls again; nor is one
    -- handed back to the engine (route, malformed). In event id order (lock order, after every
    -- row lock).
    -- processed_at: the clock now, the last statement before the commit (the caller's
    -- statement is the whole transaction), rather than now(), the transaction's start: the
    -- stripe.freshness view measures events' delay from Stripe to here. via: how the event
    -- came (webhook, events, websocket; NULL when the caller did not say).
    v_applied := clock_timestamp();
    INSERT INTO "_processed_events" (id, account_id, type, created, object_type, object_id,
                                     outcome, processed_at, via)
    SELECT v_event_ids[u.i], v_accounts[u.i], e.c->>'event_type',
           (e.c->>'event_created')::timestamptz, v_objects[u.i]->>'object',
           v_objects[u.i]->>'id', v_out[u.i], v_applied, e.c->>'via'
    FROM generate_subscripts(v_event_ids, 1) AS u(i)
    CROSS JOIN LATERAL (SELECT p_changes->(u.i - 1) AS c) e
    WHERE v_event_ids[u.i] IS NOT NULL
      AND v_out[u.i] NOT IN ('ambiguous', 'duplicate', 'route', 'malformed')
    ORDER BY v_event_ids[u.i]
    ON CONFLICT (id) DO NOTHING;

    -- missing_refs is NULL when none is missing (the common case: nothing to decode).
    IF cardinality(v_missing_ids) = 0 THEN
        RETURN QUERY SELECT (u.i - 1)::integer, v_out[u.i], NULL::jsonb, v_applied,
                            v_resources[u.i], v_object_ids[u.i], v_reasons[u.i],
                            CASE WHEN v_out[u.i] = 'route' THEN v_routes[u.i] END
                     FROM generate_subscripts(v_out, 1) AS u(i) ORDER BY u.i;
        RETURN;
    END IF;
    RETURN QUERY
    SELECT (u.i - 1)::integer, v_out[u.i],
           (SELECT jsonb_agg(ref ORDER BY k)
            FROM jsonb_array_elements(coalesce(v_ref_lists[u.i], '[]'))
                 WITH ORDINALITY AS x(ref, k)
            WHERE EXISTS (SELECT 1 FROM unnest(v_missing_tables, v_missing_ids) AS m(t, id)
                          WHERE m.t = ref->>0 AND m.id = ref->>1)
              AND v_out[u.i] <> 'duplicate'),
           v_applied, v_resources[u.i], v_object_ids[u.i], v_reasons[u.i],
           CASE WHEN v_out[u.i] = 'route' THEN v_routes[u.i] END
    FROM generate_subscripts(v_out, 1) AS u(i)
    ORDER BY u.i;
END
$function$;
COMMENT ON FUNCTION "_apply_changes"(p_changes jsonb) IS
'Apply a group of changes (events and fetched objects, routed by the caller or of action "route", routed here by _route_change) with their child lists in one call, each once per event id and with its own outcome (written, unchanged, stale, ambiguous, tombstoned, deleted, replaced, skipped, duplicate; route: the engine must call Stripe first, see the column route; malformed: see reason), the referenced objects missing from the database, the clock for a re-fetch, and for routed changes their resource, object id and why one was skipped.';

-- == 5. Routing without writing ==================================================================

-- The route of each event of a JSON array, as _apply_changes would route it (with no option of
-- the engine's: nothing is handed back for auto_expand_lists or revalidation): for verify's
-- check of the Events API, and for a person in psql. action is the write's (replace_children
-- for a summary); outcome is NULL for a write, else skipped or malformed (reason says why).
CREATE FUNCTION "_route_events"(p_events jsonb)
 RETURNS TABLE(ord integer, action text, resource text, tbl text, object_id text,
               parent_id text, outcome text, reason text)
 LANGUAGE sql
 STABLE
 SET search_path FROM CURRENT
AS $function$
    SELECT (e.i - 1)::integer, coalesce(r.route->>'action', r.action), r.resource, r.tbl,
           r.object_id, coalesce(r.parent_id, r.route->>'parent_id'),
           CASE WHEN r.outcome <> 'route' THEN r.outcome END, r.reason
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(ev, i)
    CROSS JOIN LATERAL "_route_change"(jsonb_build_object(
        'action', 'route', 'event', e.ev, 'event_type', e.ev->>'type', 'route', '{}'::jsonb)) r
    ORDER BY e.i;
$function$;
COMMENT ON FUNCTION "_route_events"(p_events jsonb) IS
'The route of each event of a JSON array (_route_change, as _apply_changes routes them): action, resource, table, object id, parent id; outcome skipped or malformed with the reason.';

-- == 6. The edge functions' router answers as _route_change =====================================

-- _route_event_v1 (0001) was a second router, held to the first by a test. It keeps its
-- contract (its checks, raising SQLSTATE 22023, and its answer's fields), but the route is now
-- _route_change's: this function only checks the event and adds what the edge functions need to
-- call Stripe themselves (each child list's embedded objects, path and params, the resource's
-- retrieve path and per-parent listing). The edge functions page every list marked must_list,
-- so they ask _route_change with "expand". Made in place, as no caller can notice: an upsert's
-- child lists are those present or to be paged, and the others (which the edge functions never
-- acted on) only for an object with a list to page; and a named skip's reason now says so, as
-- the Python engine's always did. tests/integration/test_route_change.py holds it to its 0001
-- body on every kind of input.
CREATE OR REPLACE FUNCTION "_route_event_v1"(p_event jsonb, p_object jsonb DEFAULT NULL::jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE
 SET search_path FROM CURRENT
AS $function$
DECLARE
    v_obj jsonb;
    v_field text;
    rt record;
    res "_resources"%ROWTYPE;
    v_action text;
    v_parent_id text;
    v_objects jsonb;
    v_has_more boolean := false;
    v_children jsonb := '[]';
BEGIN
    IF p_event IS NULL AND p_object IS NULL THEN
        RAISE EXCEPTION '_route_event needs an event or an object' USING ERRCODE = '22023';
    END IF;
    IF p_event IS NOT NULL THEN
        IF jsonb_typeof(p_event) <> 'object' THEN
            RAISE EXCEPTION 'an event must be a JSON object, not %', "_describe"(p_event)
                USING ERRCODE = '22023';
        END IF;
        IF p_event ? 'object' AND jsonb_typeof(p_event->'object') <> 'null'
           AND (p_event->'object') <> '"event"'::jsonb THEN
            RAISE EXCEPTION 'not a Stripe event: "object" is %, expected "event"',
                "_describe"(p_event->'object') USING ERRCODE = '22023';
        END IF;
        FOREACH v_field IN ARRAY ARRAY['id', 'type'] LOOP
            IF jsonb_typeof(p_event->v_field) IS DISTINCT FROM 'string'
               OR p_event->>v_field = '' THEN
                RAISE EXCEPTION 'malformed event: "%" is %, expected a non-empty string',
                    v_field, "_describe"(p_event->v_field) USING ERRCODE = '22023';
            END IF;
        END LOOP;
        IF jsonb_typeof(p_event->'data') IS DISTINCT FROM 'object' THEN
            RAISE EXCEPTION 'malformed event: "data" is %, expected an object',
                "_describe"(p_event->'data') USING ERRCODE = '22023';
        END IF;
        IF jsonb_typeof(p_event->'data'->'object') IS DISTINCT FROM 'object' THEN
            RAISE EXCEPTION 'malformed event: "data.object" is %, expected an object',
                "_describe"(p_event->'data'->'object') USING ERRCODE = '22023';
        END IF;
        IF jsonb_typeof(p_event->'created') IS DISTINCT FROM 'number'
           OR (p_event->'created')::text !~ '^-?[0-9]+$' THEN
            RAISE EXCEPTION 'malformed event: "created" is %, expected Unix seconds',
                "_describe"(p_event->'created') USING ERRCODE = '22023';
        END IF;
    ELSIF jsonb_typeof(p_object) <> 'object' THEN
        RAISE EXCEPTION 'an object must be a JSON object, not %', "_describe"(p_object)
            USING ERRCODE = '22023';
    END IF;

    v_obj := coalesce(p_object, p_event->'data'->'object');
    IF jsonb_typeof(v_obj->'object') IS DISTINCT FROM 'string' OR v_obj->>'object' = '' THEN
        RAISE EXCEPTION 'malformed event: "data.object.object" is %, expected the object''s type',
            "_describe"(v_obj->'object') USING ERRCODE = '22023';
    END IF;

    SELECT * INTO rt FROM "_route_change"(CASE
        WHEN p_object IS NOT NULL
            THEN jsonb_build_object('action', 'route', 'objects', jsonb_build_array(p_object),
                                    'route', '{"expand": true}'::jsonb)
        ELSE jsonb_build_object('action', 'route', 'event', p_event,
                                'event_type', p_event->>'type',
                                'route', '{"expand": true}'::jsonb) END);
    IF rt.outcome = 'malformed' THEN
        RAISE EXCEPTION '%', rt.reason USING ERRCODE = '22023';
    END IF;
    SELECT * INTO res FROM "_resources" x WHERE x.name = rt.resource;
    v_action := coalesce(rt.route->>'action', rt.action);
    v_parent_id := coalesce(rt.parent_id, rt.route->>'parent_id');
    v_objects := jsonb_build_array(v_obj);
    IF v_action = 'replace_children' THEN
        v_objects := v_obj->(rt.route->>'list_field')->'data';
        v_has_more := (rt.route->>'has_more')::boolean;
    ELSIF v_action IN ('upsert', 'delete') THEN
        SELECT coalesce(jsonb_agg(ch || jsonb_build_object(
                   'field', n->>'field', 'path', n->>'path', 'params', n->'params',
                   'present', coalesce((ch->>'present')::boolean, false),
                   'must_list', coalesce((ch->>'must_list')::boolean, false),
                   'objects', CASE WHEN coalesce((ch->>'present')::boolean, false) THEN (
                       SELECT coalesce(jsonb_agg(i), '[]')
                       FROM jsonb_array_elements(v_obj->(n->>'field')->'data') i
                       WHERE jsonb_typeof(i) = 'object') ELSE '[]'::jsonb END)
                   ORDER BY k), '[]')
        INTO v_children
        FROM jsonb_array_elements(coalesce(rt.route->'children', rt.children))
             WITH ORDINALITY AS c(ch, k)
        JOIN LATERAL (SELECT n FROM jsonb_array_elements(res.nested_lists) n
                      WHERE n->>'field' = c.ch->>'field') nn ON true;
    END IF;

    RETURN jsonb_build_object(
        'action', v_action,
        'resource', rt.resource,
        'table', rt.tbl,
        'object_id', CASE WHEN v_action IN ('upsert', 'delete') THEN rt.object_id END,
        'parent_column', CASE WHEN v_parent_id IS NOT NULL THEN res.parent END,
        'parent_id', v_parent_id,
        'objects', v_objects,
        'has_more', v_has_more,
        'list_per_parent', res.list_per_parent,
        'children', v_children,
        'retrieve_path', res.retrieve_path,
        'reason', rt.reason,
        'event_id', p_event->>'id',
        'event_type', p_event->>'type',
        'event_created', (p_event->>'created')::bigint,
        'account', CASE WHEN jsonb_typeof(p_event->'account') = 'string'
                        THEN nullif(p_event->>'account', '') END,
        'livemode', CASE WHEN jsonb_typeof(p_event->'livemode') = 'boolean'
                         THEN (p_event->>'livemode')::boolean END
    );
END
$function$;
COMMENT ON FUNCTION "_route_event_v1"(p_event jsonb, p_object jsonb) IS
'What _apply_event must do with an event (or with an object fetched from the API): action, table, object, parent, embedded child lists (with the ones a runtime must page itself), the path to re-fetch it. The route is _route_change''s (0041), the router _apply_changes runs.';
