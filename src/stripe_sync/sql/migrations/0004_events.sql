-- Events: the processed-events record (deduplication) and _apply_event, the one call that
-- applies a routed event (or a fetched object) with its child lists. Unqualified names: the
-- runner sets search_path to the configured schema.

-- Tombstones, refined: a full last state (a *.deleted event's payload) arriving after a
-- tombstone made from a stub or a 404 replaces the tombstone's state (see the delete branch).
--
-- Same-second ties, refined. A 'refetch' now wins a tie only if it began after the stored row
-- was last written: p_version is the database clock when the caller saw the conflict (returned
-- by _apply_event as seen_at, before the fetch began) and _updated_at is the start of the
-- transaction that wrote the row. Any write that started earlier belongs to a change Stripe made
-- before the fetch, so the fetch includes it; a write that started later may hold a change the
-- fetch missed, and the tie stays 'ambiguous' so the caller fetches again.
CREATE OR REPLACE FUNCTION "_write_objects"(
    p_table text,
    p_account_id text,
    p_objects jsonb,
    p_version timestamptz,
    p_source text,
    p_delete boolean DEFAULT false,
    p_parent_column text DEFAULT NULL,
    p_parent_id text DEFAULT NULL,
    p_tie_wins boolean DEFAULT false
) RETURNS TABLE (object_id text, outcome text)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
DECLARE
    stored_source text := CASE WHEN p_source = 'refetch' THEN 'fetch' ELSE p_source END;
    parent_insert text := '';
    parent_value text := '';
    parent_update text := '';
BEGIN
    IF p_source NOT IN ('event', 'fetch', 'refetch') THEN
        RAISE EXCEPTION 'p_source must be event, fetch or refetch, got %', p_source;
    END IF;
    IF jsonb_typeof(p_objects) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'p_objects must be a JSON array of Stripe objects';
    END IF;
    IF p_parent_column IS NOT NULL THEN
        parent_insert := format(', %I', p_parent_column);
        parent_value := ', $7';
        parent_update := format(', %1$I = $7', p_parent_column);
    END IF;

    IF p_delete THEN
        -- A deletion always wins over updates: Stripe never brings a deleted object back.
        -- A stub payload ({id, object, deleted}) keeps the last known state in _raw_data.
        -- A tombstone's _version_source says where its state came from: 'event' when it is a
        -- full last state (the payload of a *.deleted event), 'fetch' when it is only the last
        -- state we had (from a stub or a 404). A full last state arriving later (the deleted
        -- event after a re-fetch found the object gone) replaces the latter, never the former.
        RETURN QUERY EXECUTE format($q$
            WITH incoming AS (
                SELECT DISTINCT ON (o->>'id') o->>'id' AS id, o AS raw,
                       (o - 'id' - 'object' - 'deleted') <> '{}'::jsonb AS full_state
                FROM jsonb_array_elements($1) WITH ORDINALITY AS e(o, n)
                WHERE jsonb_typeof(o->'id') = 'string'
                ORDER BY o->>'id', n DESC
            ),
            written AS (
                INSERT INTO %1$I AS t (id, _raw_data, _account_id, _version, _version_source,
                                       deleted, deleted_at %2$s)
                SELECT id, raw, $2, $3, CASE WHEN full_state THEN 'event' ELSE 'fetch' END,
                       true, $3 %3$s
                FROM incoming
                ON CONFLICT (id) DO UPDATE SET
                    deleted = true,
                    deleted_at = CASE WHEN t.deleted THEN LEAST(t.deleted_at, EXCLUDED.deleted_at)
                                      ELSE EXCLUDED.deleted_at END,
                    _raw_data = CASE
                        WHEN EXCLUDED._version_source = 'fetch'
                        THEN t._raw_data || jsonb_build_object('deleted', true)
                        ELSE EXCLUDED._raw_data END,
                    _version = GREATEST(t._version, EXCLUDED._version),
                    _version_source = EXCLUDED._version_source,
                    _last_synced_at = now(),
                    _updated_at = now() %4$s
                WHERE NOT t.deleted
                   OR (t._version_source = 'fetch' AND EXCLUDED._version_source = 'event'
                       AND t._raw_data IS DISTINCT FROM EXCLUDED._raw_data)
                RETURNING t.id
            )
            SELECT i.id, CASE WHEN w.id IS NULL THEN 'tombstoned' ELSE 'deleted' END
            FROM incoming i LEFT JOIN written w ON w.id = i.id
        $q$, p_table, parent_insert, parent_value, parent_update)
        USING p_objects, p_account_id, p_version, stored_source, p_source, p_tie_wins, p_parent_id;
        RETURN;
    END IF;

    -- Existing rows are UPDATEd and only missing ids INSERTed: PostgreSQL prepares a table's
    -- generated-column expressions per statement and per path on first use, and INSERT ... ON
    -- CONFLICT DO UPDATE pays for both paths on every update (about twice the cost).
    RETURN QUERY EXECUTE format($q$
        WITH incoming AS (
            -- The last occurrence of an id in one batch wins.
            SELECT DISTINCT ON (o->>'id') o->>'id' AS id, o AS raw
            FROM jsonb_array_elements($1) WITH ORDINALITY AS e(o, n)
            WHERE jsonb_typeof(o->'id') = 'string'
            ORDER BY o->>'id', n DESC
        ),
        before AS (
            -- The rows as they were before this statement (a data-modifying CTE's siblings see
            -- the statement's snapshot), to explain what was not written.
            SELECT t.id, t._raw_data, t._version, t._version_source, t.deleted
            FROM %1$I t JOIN incoming i ON i.id = t.id
        ),
        updated AS (
            UPDATE %1$I AS t SET
                _raw_data = i.raw,
                _account_id = $2,
                _version = $3,
                _version_source = $4,
                _last_synced_at = now(),
                _updated_at = now() %4$s
            FROM incoming i
            WHERE t.id = i.id
              AND NOT t.deleted
              AND t._raw_data IS DISTINCT FROM i.raw
              AND (
                  t._version IS NULL
                  OR date_trunc('second', $3) > date_trunc('second', t._version)
                  OR (date_trunc('second', $3) = date_trunc('second', t._version)
                      AND (($5 = 'refetch' AND $3 >= t._updated_at)
                           OR $6
                           OR ($4 = 'fetch' AND t._version_source = 'fetch'
                               AND $3 >= t._version)))
              )
            RETURNING t.id
        ),
        inserted AS (
            -- A row inserted by someone else since the snapshot makes this a no-op, reported
            -- 'ambiguous' below: the caller fetches again and retries.
            INSERT INTO %1$I AS t (id, _raw_data, _account_id, _version, _version_source %2$s)
            SELECT i.id, i.raw, $2, $3, $4 %3$s
            FROM incoming i
            WHERE NOT EXISTS (SELECT 1 FROM before b WHERE b.id = i.id)
            ON CONFLICT (id) DO NOTHING
            RETURNING t.id
        )
        SELECT i.id,
               CASE
                   WHEN u.id IS NOT NULL OR n.id IS NOT NULL THEN 'written'
                   WHEN b.id IS NULL THEN 'ambiguous'
                   WHEN b.deleted THEN 'tombstoned'
                   WHEN b._raw_data = i.raw THEN 'unchanged'
                   WHEN date_trunc('second', $3) < date_trunc('second', b._version) THEN 'stale'
                   WHEN $4 = 'fetch' AND b._version_source = 'fetch' THEN 'stale'
                   ELSE 'ambiguous'
               END
        FROM incoming i
        LEFT JOIN updated u ON u.id = i.id
        LEFT JOIN inserted n ON n.id = i.id
        LEFT JOIN before b ON b.id = i.id
    $q$, p_table, parent_insert, parent_value, parent_update)
    USING p_objects, p_account_id, p_version, stored_source, p_source, p_tie_wins, p_parent_id;
END
$fn$;


CREATE TABLE "_processed_events" (
    "id" text PRIMARY KEY,                 -- evt_...
    "account_id" text NOT NULL,
    "type" text NOT NULL,
    "created" timestamptz NOT NULL,
    "object_type" text,
    "object_id" text,
    -- written, unchanged, stale, tombstoned, deleted, replaced or skipped.
    "outcome" text NOT NULL,
    "processed_at" timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE "_processed_events" IS 'Events already applied, by id: a redelivered or replayed event is not applied twice.';
CREATE INDEX "_processed_events_account_created_idx" ON "_processed_events" ("account_id", "created");

CREATE TABLE "_child_sets" (
    -- The version of the last complete set of a parent's rows applied with replace_children
    -- (a customer's active entitlements): an older set must not bring back rows a newer one
    -- dropped, and rows it never saw have no version of their own to protect them.
    "table_name" text NOT NULL,
    "parent_id" text NOT NULL,
    "account_id" text NOT NULL,
    "version" timestamptz NOT NULL,
    "version_source" text NOT NULL CHECK ("version_source" IN ('event', 'fetch')),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("table_name", "parent_id")
);
COMMENT ON TABLE "_child_sets" IS 'Version of the last complete child set applied per parent (stale-set guard).';

CREATE FUNCTION "_apply_event"(
    p_event_id text,
    p_event_type text,
    p_event_created timestamptz,
    p_account_id text,
    p_action text,
    p_table text,
    p_objects jsonb,
    p_version timestamptz,
    p_source text DEFAULT 'event',
    p_parent_column text DEFAULT NULL,
    p_parent_id text DEFAULT NULL,
    p_children jsonb DEFAULT '[]',
    p_refs jsonb DEFAULT '[]',
    p_tie_wins boolean DEFAULT false
) RETURNS TABLE (outcome text, missing_refs jsonb, seen_at timestamptz)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
-- p_event_id: the event's id, recorded in _processed_events and checked first (a duplicate
--   changes nothing); NULL for an object fetched from the API.
-- p_action: 'upsert' or 'delete' p_objects (one object), or 'skip' (only record the event), or
--   'replace_children': p_objects is the complete set of p_table rows whose p_parent_column is
--   p_parent_id (an active entitlement summary); rows missing from it are tombstoned. Sets are
--   versioned per parent in _child_sets, so an older set is 'stale' and a same-second one
--   'ambiguous' (re-list the parent's rows and call again as a 'refetch').
-- p_children: the parent's embedded lists, [{"table", "parent_column", "objects", "complete"}].
--   They are written (or, for a deleted parent, tombstoned) only when the parent itself was, so
--   a stale payload never writes stale children; a complete list tombstones missing children.
-- p_refs: [[table, id], ...] referenced objects; those with no row come back in missing_refs.
-- seen_at: the clock after the write, for a caller that re-fetches an 'ambiguous' object.
DECLARE
    v_outcome text;
    v_object_id text := p_objects->0->>'id';
    v_child jsonb;
    v_child_table text;
    v_child_parent text;
    v_keep text[];
    v_ref jsonb;
    v_found boolean;
    v_missing jsonb := '[]'::jsonb;
    v_set_version timestamptz;
    v_set_source text;
    v_set_updated timestamptz;
BEGIN
    IF p_event_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM "_processed_events" e WHERE e.id = p_event_id) THEN
        RETURN QUERY SELECT 'duplicate'::text, '[]'::jsonb, clock_timestamp();
        RETURN;
    END IF;

    IF p_action = 'skip' THEN
        v_outcome := 'skipped';
    ELSIF p_action = 'replace_children' THEN
        -- The set is ordered like a row: by its version, same-second ties settled by a
        -- re-fetch (of the parent's list) that began after the set was last written.
        INSERT INTO "_child_sets" AS s (table_name, parent_id, account_id, version, version_source)
        VALUES (p_table, p_parent_id, p_account_id, '-infinity', 'fetch')
        ON CONFLICT DO NOTHING;
        SELECT s.version, s.version_source, s.updated_at
        INTO v_set_version, v_set_source, v_set_updated
        FROM "_child_sets" s
        WHERE s.table_name = p_table AND s.parent_id = p_parent_id
        FOR UPDATE;
        IF date_trunc('second', p_version) < date_trunc('second', v_set_version) THEN
            v_outcome := 'stale';
        ELSIF date_trunc('second', p_version) = date_trunc('second', v_set_version)
              AND NOT (p_tie_wins
                       OR (p_source = 'refetch' AND p_version >= v_set_updated)
                       OR (p_source = 'fetch' AND v_set_source = 'fetch'
                           AND p_version >= v_set_version)) THEN
            v_outcome := 'ambiguous';
        ELSE
            -- The newest set known: its rows take a same-second tie with their stored versions.
            PERFORM 1 FROM "_write_objects"(p_table, p_account_id, p_objects, p_version,
                                            p_source, false, p_parent_column, p_parent_id, true);
            SELECT coalesce(array_agg(o->>'id'), '{}') INTO v_keep
            FROM jsonb_array_elements(p_objects) o;
            PERFORM "_tombstone_missing_children"(p_table, p_parent_column, p_parent_id, v_keep,
                                                  p_version);
            UPDATE "_child_sets" s
            SET version = p_version,
                version_source = CASE WHEN p_source = 'event' THEN 'event' ELSE 'fetch' END,
                account_id = p_account_id,
                updated_at = now()
            WHERE s.table_name = p_table AND s.parent_id = p_parent_id;
            v_outcome := 'replaced';
        END IF;
    ELSIF p_action IN ('upsert', 'delete') THEN
        IF jsonb_array_length(p_objects) <> 1 THEN
            RAISE EXCEPTION '_apply_event: % takes exactly one object', p_action;
        END IF;
        SELECT w.outcome INTO v_outcome
        FROM "_write_objects"(p_table, p_account_id, p_objects, p_version, p_source,
                              p_action = 'delete', p_parent_column, p_parent_id, p_tie_wins) w;
        IF v_outcome IN ('written', 'deleted') THEN
            FOR v_child IN SELECT c FROM jsonb_array_elements(p_children) c LOOP
                v_child_table := v_child->>'table';
                v_child_parent := v_child->>'parent_column';
                IF v_outcome = 'deleted' THEN
                    IF v_child_parent IS NOT NULL THEN
                        PERFORM "_tombstone_missing_children"(v_child_table, v_child_parent,
                                                              v_object_id, '{}', p_version);
                    END IF;
                    CONTINUE;
                END IF;
                -- The parent was written, so its payload is the newest known: its own child
                -- rows take a same-second tie. Objects with events of their own (a charge's
                -- refunds) do not.
                PERFORM 1 FROM "_write_objects"(v_child_table, p_account_id, v_child->'objects',
                                                p_version, p_source, false, v_child_parent,
                                                v_object_id, v_child_parent IS NOT NULL);
                IF v_child_parent IS NOT NULL AND (v_child->>'complete')::boolean THEN
                    SELECT coalesce(array_agg(o->>'id'), '{}') INTO v_keep
                    FROM jsonb_array_elements(v_child->'objects') o;
                    PERFORM "_tombstone_missing_children"(v_child_table, v_child_parent,
                                                          v_object_id, v_keep, p_version);
                END IF;
            END LOOP;
        END IF;
    ELSE
        RAISE EXCEPTION '_apply_event: unknown action %', p_action;
    END IF;

    FOR v_ref IN SELECT r FROM jsonb_array_elements(p_refs) r LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1)', v_ref->>0)
            INTO v_found USING v_ref->>1;
        IF NOT v_found THEN
            v_missing := v_missing || jsonb_build_array(v_ref);
        END IF;
    END LOOP;

    -- An ambiguous event is not recorded: the caller resolves it and calls again.
    IF p_event_id IS NOT NULL AND v_outcome <> 'ambiguous' THEN
        INSERT INTO "_processed_events" (id, account_id, type, created, object_type, object_id,
                                         outcome)
        VALUES (p_event_id, p_account_id, p_event_type, p_event_created,
                p_objects->0->>'object', v_object_id, v_outcome)
        ON CONFLICT (id) DO NOTHING;
    END IF;
    RETURN QUERY SELECT v_outcome, v_missing, clock_timestamp();
END
$fn$;

COMMENT ON FUNCTION "_apply_event"(text, text, timestamptz, text, text, text, jsonb, timestamptz, text, text, text, jsonb, jsonb, boolean) IS
'Apply one routed event (or fetched object) with its child lists, once per event id. Returns the outcome (written, unchanged, stale, ambiguous, tombstoned, deleted, replaced, skipped, duplicate), the referenced objects missing from the database, and the clock for a re-fetch.';

CREATE FUNCTION "_prune_processed_events"(p_keep interval DEFAULT '35 days')
RETURNS bigint
LANGUAGE sql
SET search_path FROM CURRENT
AS $fn$
    -- Stripe retries a webhook for up to 3 days and keeps events for 30: an event older than
    -- that cannot arrive again, so its dedup record can go.
    WITH gone AS (
        DELETE FROM "_processed_events" WHERE processed_at < now() - p_keep RETURNING 1
    )
    SELECT count(*) FROM gone;
$fn$;

COMMENT ON FUNCTION "_prune_processed_events"(interval) IS
'Delete deduplication records older than p_keep (default 35 days); returns how many.';
