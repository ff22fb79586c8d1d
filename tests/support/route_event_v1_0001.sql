-- _route_event_v1 as 0001_baseline.sql made it, before 0041 built it on _route_change: the
-- reference tests/integration/test_route_change.py holds the new one to (this router was held to
-- the Python router, now deleted, by a parity test). Created under another name in a test database.
CREATE FUNCTION "_route_event_0001"(p_event jsonb, p_object jsonb DEFAULT NULL::jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE
 SET search_path FROM CURRENT
AS $function$
DECLARE
    v_obj jsonb;
    v_type text;
    r "_resources"%ROWTYPE;
    c "_resources"%ROWTYPE;
    v_action text;
    v_reason text;
    v_id text;
    v_parent_id text;
    v_stub boolean;
    v_objects jsonb;
    v_has_more boolean := false;
    v_children jsonb := '[]';
    v_nested jsonb;
    v_value jsonb;
    v_present_list boolean;
    v_present boolean;
    v_list_more boolean;
    v_lists jsonb;
    v_field text;
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
    v_type := v_obj->>'object';
    v_objects := jsonb_build_array(v_obj);

    SELECT * INTO r FROM "_resources" x
    WHERE (x.object = v_type OR v_type = ANY (x.event_objects))
      AND (NOT x.is_child OR (SELECT count(*) FROM "_resources" y
                              WHERE y.object = v_type
                                 OR v_type = ANY (y.event_objects)) = 1)
      AND (p_object IS NOT NULL
           OR NOT coalesce(p_event->>'type', '') = ANY (ARRAY['account.application.authorized', 'account.application.deauthorized', 'balance.available', 'balance_settings.updated', 'billing.alert.triggered', 'billing_portal.session.created', 'capability.updated', 'cash_balance.funds_available', 'climate.product.created', 'climate.product.pricing_updated', 'customer.discount.created', 'customer.discount.deleted', 'customer.discount.updated', 'customer.source.created', 'customer.source.deleted', 'customer.source.expiring', 'customer.source.updated', 'financial_connections.authorization.expected_deactivation_date_updated', 'financial_connections.authorization.upcoming_deactivation', 'mandate.updated', 'reporting.report_type.updated', 'reserve.hold.created', 'reserve.hold.updated', 'reserve.plan.created', 'reserve.plan.disabled', 'reserve.plan.expired', 'reserve.plan.updated', 'reserve.release.created', 'source.canceled', 'source.chargeable', 'source.failed', 'source.mandate_notification', 'source.refund_attributes_required', 'source.transaction.created', 'source.transaction.updated', 'tax.settings.updated']::text[]))
    ORDER BY x.is_child, x.ordinal
    LIMIT 1;
    IF NOT FOUND THEN
        v_action := 'skip';
        v_reason := format('object type %L is not mirrored by stripe-sync', v_type);
    ELSIF v_type <> r.object AND r.is_child THEN
        -- A summary of the parent's complete set of rows (an active entitlement summary).
        v_parent_id := "_id_of"(v_obj->r.parent);
        IF v_parent_id IS NULL THEN
            RAISE EXCEPTION 'malformed event: the % has no % id', v_type,
                coalesce(r.parent, 'parent') USING ERRCODE = '22023';
        END IF;
        SELECT coalesce(jsonb_agg(value), '[]') INTO v_lists FROM jsonb_each(v_obj)
        WHERE jsonb_typeof(value) = 'object' AND value->'object' = '"list"'::jsonb;
        IF jsonb_array_length(v_lists) <> 1
           OR jsonb_typeof(v_lists->0->'data') IS DISTINCT FROM 'array' THEN
            RAISE EXCEPTION 'malformed event: the % does not hold one list of %', v_type, r.object
                USING ERRCODE = '22023';
        END IF;
        v_action := 'replace_children';
        v_objects := v_lists->0->'data';
        v_has_more := coalesce(v_lists->0->'has_more' = 'true'::jsonb, false);
    ELSE
        v_id := CASE WHEN jsonb_typeof(v_obj->'id') = 'string' THEN nullif(v_obj->>'id', '') END;
        IF v_id IS NULL THEN
            v_action := 'skip';
            v_reason := format('the %s in %s has no id (a preview such as an upcoming invoice, '
                               'not a stored object)', v_type, coalesce(p_event->>'type', 'fetch'));
        ELSE
            IF r.parent IS NOT NULL THEN
                v_parent_id := "_id_of"(v_obj->r.parent);
            END IF;
            v_stub := coalesce(v_obj->'deleted' = 'true'::jsonb, false);
            -- A stub carries no state: upserting it would wipe the row, so it is a tombstone
            -- whatever the semantics. A fetched object is deleted only when it says so.
            IF v_stub OR (p_object IS NULL AND r.delete_mode = 'tombstone'
                          AND p_event->>'type' LIKE '%.deleted') THEN
                v_action := 'delete';
            ELSE
                v_action := 'upsert';
            END IF;
            FOR v_nested IN SELECT n FROM jsonb_array_elements(r.nested_lists) n LOOP
                SELECT * INTO c FROM "_resources" x WHERE x.name = v_nested->>'child';
                IF v_action = 'delete' THEN
                    IF c.is_child THEN
                        v_children := v_children || jsonb_build_array(jsonb_build_object(
                            'field', v_nested->>'field', 'table', c.table_name,
                            'parent_column', c.parent, 'objects', '[]'::jsonb, 'complete', true,
                            'present', false, 'must_list', false,
                            'path', v_nested->>'path', 'params', v_nested->'params'));
                    END IF;
                    CONTINUE;
                END IF;
                v_value := v_obj->(v_nested->>'field');
                v_present_list := coalesce(jsonb_typeof(v_value) = 'object'
                                           AND v_value->'object' = '"list"'::jsonb, false);
                v_present := v_present_list
                             AND coalesce(jsonb_typeof(v_value->'data') = 'array', false);
                v_list_more := v_present_list AND coalesce(v_value->'has_more' = 'true'::jsonb, false);
                v_children := v_children || jsonb_build_array(jsonb_build_object(
                    'field', v_nested->>'field', 'table', c.table_name,
                    'parent_column', c.parent,
                    'objects', CASE WHEN v_present THEN (
                        SELECT coalesce(jsonb_agg(i), '[]') FROM jsonb_array_elements(v_value->'data') i
                        WHERE jsonb_typeof(i) = 'object') ELSE '[]'::jsonb END,
                    'complete', v_present AND NOT v_list_more,
                    'present', v_present,
                    'must_list', v_list_more
                                 OR (NOT v_present AND (v_nested->>'expand')::boolean AND c.is_child),
                    'path', v_nested->>'path', 'params', v_nested->'params'));
            END LOOP;
        END IF;
    END IF;

    RETURN jsonb_build_object(
        'action', v_action,
        'resource', r.name,
        'table', r.table_name,
        'object_id', v_id,
        'parent_column', CASE WHEN v_parent_id IS NOT NULL THEN r.parent END,
        'parent_id', v_parent_id,
        'objects', v_objects,
        'has_more', v_has_more,
        'list_per_parent', r.list_per_parent,
        'children', v_children,
        'retrieve_path', r.retrieve_path,
        'reason', v_reason,
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
