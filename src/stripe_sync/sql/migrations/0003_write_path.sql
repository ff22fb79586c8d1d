-- The write path: one set of rules in the database, called by every runtime (backfill, webhooks,
-- single-object sync, the Supabase edge functions, a person in psql).
--
-- Stale-write guard. Every row records `_version`: the moment its state is known to reflect
-- (an event's `created`, second precision; or when a fetch from the API began) and
-- `_version_source` ('event' or 'fetch'). An incoming version
--   - in a later second than the stored one is written;
--   - in an earlier second is stale and dropped;
--   - in the same second is only ordered when both are fetches (microsecond clock) or when the
--     caller says p_source = 'refetch': a fetch that began after the caller saw the conflict, so
--     it includes every change already stored. Stripe emits several events per second with no
--     order between them, so an event tied with a stored version of the same second is
--     'ambiguous': nothing is written and the caller re-fetches the object (or, with no API at
--     hand, passes p_tie_wins to let the last arrival win).
-- An identical payload is 'unchanged' (replays are no-ops). A tombstone is final: a deleted row
-- is never brought back by a late update.
--
-- Functions take the table name as text and are created with the migration's search_path, so
-- they always address the schema they were installed in.

CREATE FUNCTION "_write_objects"(
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
        parent_update := format(', %1$I = EXCLUDED.%1$I', p_parent_column);
    END IF;

    IF p_delete THEN
        -- A deletion always wins over updates: Stripe never brings a deleted object back.
        -- A stub payload ({id, object, deleted}) keeps the last known state in _raw_data.
        RETURN QUERY EXECUTE format($q$
            WITH incoming AS (
                SELECT DISTINCT ON (o->>'id') o->>'id' AS id, o AS raw
                FROM jsonb_array_elements($1) WITH ORDINALITY AS e(o, n)
                WHERE jsonb_typeof(o->'id') = 'string'
                ORDER BY o->>'id', n DESC
            ),
            written AS (
                INSERT INTO %1$I AS t (id, _raw_data, _account_id, _version, _version_source,
                                       deleted, deleted_at %2$s)
                SELECT id, raw, $2, $3, $4, true, $3 %3$s FROM incoming
                ON CONFLICT (id) DO UPDATE SET
                    deleted = true,
                    deleted_at = EXCLUDED.deleted_at,
                    _raw_data = CASE
                        WHEN EXCLUDED._raw_data - 'id' - 'object' - 'deleted' = '{}'::jsonb
                        THEN t._raw_data || jsonb_build_object('deleted', true)
                        ELSE EXCLUDED._raw_data END,
                    _version = GREATEST(t._version, EXCLUDED._version),
                    _version_source = EXCLUDED._version_source,
                    _last_synced_at = now(),
                    _updated_at = now() %4$s
                WHERE NOT t.deleted
                RETURNING t.id
            )
            SELECT i.id, CASE WHEN w.id IS NULL THEN 'tombstoned' ELSE 'deleted' END
            FROM incoming i LEFT JOIN written w ON w.id = i.id
        $q$, p_table, parent_insert, parent_value, parent_update)
        USING p_objects, p_account_id, p_version, stored_source, p_source, p_tie_wins, p_parent_id;
        RETURN;
    END IF;

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
        written AS (
            INSERT INTO %1$I AS t (id, _raw_data, _account_id, _version, _version_source %2$s)
            SELECT id, raw, $2, $3, $4 %3$s FROM incoming
            ON CONFLICT (id) DO UPDATE SET
                _raw_data = EXCLUDED._raw_data,
                _account_id = EXCLUDED._account_id,
                _version = EXCLUDED._version,
                _version_source = EXCLUDED._version_source,
                _last_synced_at = now(),
                _updated_at = now() %4$s
            WHERE NOT t.deleted
              AND t._raw_data IS DISTINCT FROM EXCLUDED._raw_data
              AND (
                  t._version IS NULL
                  OR date_trunc('second', EXCLUDED._version) > date_trunc('second', t._version)
                  OR (date_trunc('second', EXCLUDED._version) = date_trunc('second', t._version)
                      AND ($5 = 'refetch'
                           OR $6
                           OR (EXCLUDED._version_source = 'fetch'
                               AND t._version_source = 'fetch'
                               AND EXCLUDED._version >= t._version)))
              )
            RETURNING t.id
        )
        SELECT i.id,
               CASE
                   WHEN w.id IS NOT NULL THEN 'written'
                   WHEN b.deleted THEN 'tombstoned'
                   WHEN b._raw_data = i.raw THEN 'unchanged'
                   WHEN date_trunc('second', $3) < date_trunc('second', b._version) THEN 'stale'
                   WHEN $4 = 'fetch' AND b._version_source = 'fetch' THEN 'stale'
                   ELSE 'ambiguous'
               END
        FROM incoming i
        LEFT JOIN written w ON w.id = i.id
        LEFT JOIN before b ON b.id = i.id
    $q$, p_table, parent_insert, parent_value, parent_update)
    USING p_objects, p_account_id, p_version, stored_source, p_source, p_tie_wins, p_parent_id;
END
$fn$;

COMMENT ON FUNCTION "_write_objects"(text, text, jsonb, timestamptz, text, boolean, text, text, boolean) IS
'Write a batch of Stripe objects of one type in one statement, under the stale-write guard. Returns each id with its outcome: written, unchanged, stale, ambiguous (same-second tie: re-fetch), tombstoned (already deleted), deleted.';

CREATE FUNCTION "_tombstone_missing_children"(
    p_table text,
    p_parent_column text,
    p_parent_id text,
    p_keep_ids text[],
    p_version timestamptz
) RETURNS integer
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
DECLARE
    n integer;
BEGIN
    -- Called after a parent was written with its complete child list (e.g. every item of a
    -- subscription): children that are no longer in it were removed in Stripe.
    EXECUTE format($q$
        UPDATE %1$I SET deleted = true, deleted_at = $3, _updated_at = now()
        WHERE %2$I = $1 AND NOT deleted AND NOT (id = ANY ($2))
          AND (_version IS NULL OR _version <= $3)
    $q$, p_table, p_parent_column)
    USING p_parent_id, p_keep_ids, p_version;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$fn$;

COMMENT ON FUNCTION "_tombstone_missing_children"(text, text, text, text[], timestamptz) IS
'Mark deleted the child rows of one parent that are missing from its complete child list.';
