-- The write path, set-based and grouped (issue: the write path at full speed).
--
-- _apply_changes applies a group of changes (events, fetched objects) in one call: one
-- statement per table for the rows of all of them, one for their child rows, one for their
-- tombstones, one for their dedup records, and one commit for the whole group. Each change
-- keeps its own outcome, with exactly the rules _apply_event had for one (0003, 0004): the
-- stale-write guard, same-second ties, tombstones, dedup by event id, child lists written only
-- under a parent that was written. Two changes of one object in a group are applied in their
-- order, as if one after the other (see _write_batch's rounds).
--
-- Locks. Every writer locks the rows it writes in (table, id) order before writing them, and
-- records events in event id order after that, so concurrent groups (and backfill pages) wait
-- for each other instead of deadlocking.
--
-- _apply_event, _write_objects and _tombstone_missing_children stay, with their signatures, as
-- wrappers of the new functions: one copy of the rules, whoever calls (the Supabase edge
-- functions, a person in psql). Rows live in the storage tables "_raw_<table>" (0016); every
-- function takes the view's name, as the registry has it.
-- Unqualified names: the migration runner sets search_path to the sync schema.


-- _write_<table>(...) for one object table: write its rows under the stale-write guard, each
-- with its own version, source, account, parent and tie rule; p_deletes marks tombstones.
-- Returns each row's outcome: written, unchanged, stale, ambiguous (a same-second tie:
-- re-fetch), tombstoned (already deleted), deleted. Rows without a string id are ignored. An id
-- given several times is written in p_ords order, one round per occurrence (a round is one
-- statement over distinct ids). _tombstone_<table>(...) for a child table: tombstone the child
-- rows of each parent (at the version beside it) that are not among its kept children (pairs
-- p_keep_parents[i], p_keep_ids[i]), the parent having been written with its complete list.
--
-- The rules are written once, here, and instantiated per table by _create_writers: static
-- statements in a function of their own are planned once per connection, where the same
-- statement run by EXECUTE with the table's name was planned again on every call (~1.5 ms).
CREATE FUNCTION "_create_writers"(p_table text, p_parent_column text)
RETURNS void
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $create$
DECLARE
    v_storage text := '_raw_' || p_table;
    parent_insert text := '';
    parent_value text := '';
    parent_update text := '';
    parent_excluded text := '';
BEGIN
    IF p_parent_column IS NOT NULL THEN
        parent_insert := format(', %I', p_parent_column);
        parent_value := ', i.parent_id';
        parent_update := format(', %I = i.parent_id', p_parent_column);
        parent_excluded := format(', %1$I = EXCLUDED.%1$I', p_parent_column);
    END IF;
    EXECUTE format($template$
CREATE OR REPLACE FUNCTION %6$I(
    p_ords bigint[],
    p_objects jsonb[],
    p_accounts text[],
    p_versions timestamptz[],
    p_sources text[],
    p_parent_ids text[],
    p_tie_wins boolean[],
    p_deletes boolean[]
) RETURNS TABLE (ord bigint, object_id text, outcome text)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $w$
DECLARE
    v_rounds integer;
    v_rank bigint[];
    v_upserts boolean;
    v_deletes boolean;
    v_ids text[];
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(p_sources) s WHERE s IS NULL
               OR s NOT IN ('event', 'fetch', 'refetch')) THEN
        RAISE EXCEPTION 'sources must be event, fetch or refetch';
    END IF;
    -- The round of each row: 1 for the first occurrence of its id (by p_ords), 2 for the
    -- second ... (computed on small tuples: ids and positions, not the payloads).
    SELECT array_agg(y.k ORDER BY y.pos), max(y.k), array_agg(DISTINCT y.id),
           bool_or(NOT y.d), bool_or(y.d)
    INTO v_rank, v_rounds, v_ids, v_upserts, v_deletes
    FROM (SELECT x.pos, x.id, coalesce(x.d, false) AS d,
                 row_number() OVER (PARTITION BY x.id ORDER BY x.ord) AS k
          FROM unnest(p_ords, p_deletes, ARRAY(SELECT CASE jsonb_typeof(o->'id')
                                                   WHEN 'string' THEN o->>'id' END
                                               FROM unnest(p_objects) o))
               WITH ORDINALITY AS x(ord, d, id, pos)) y;
    IF v_ids = '{NULL}' OR v_ids IS NULL THEN
        RETURN;
    END IF;
    -- Lock the existing rows in id order first; the statements below then read them as they
    -- are now (each statement of a function takes a new snapshot).
    PERFORM 1 FROM %1$I t WHERE t.id = ANY (v_ids) ORDER BY t.id FOR UPDATE;

    FOR v_round IN 1..v_rounds LOOP
        IF v_upserts THEN
            -- Existing rows are UPDATEd and only missing ids INSERTed: INSERT ... ON CONFLICT
            -- DO UPDATE would pay for both paths on every update.
            RETURN QUERY
            WITH incoming AS (
                SELECT b.ord, b.raw->>'id' AS id, b.raw, b.account_id, b.version, b.source,
                       CASE WHEN b.source = 'refetch' THEN 'fetch' ELSE b.source END
                           AS stored_source,
                       b.parent_id, coalesce(b.tie_wins, false) AS tie_wins
                FROM unnest(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids,
                            p_tie_wins, p_deletes, v_rank)
                     AS b(ord, raw, account_id, version, source, parent_id, tie_wins, is_delete,
                          round)
                WHERE b.round = v_round AND NOT coalesce(b.is_delete, false)
                  AND jsonb_typeof(b.raw->'id') = 'string'
            ),
            before AS (
                SELECT t.id, t._raw_data, t._version, t._version_source, t.deleted
                FROM %1$I t JOIN incoming i ON i.id = t.id
            ),
            updated AS (
                UPDATE %1$I AS t SET
                    _raw_data = i.raw,
                    _account_id = i.account_id,
                    _version = i.version,
                    _version_source = i.stored_source,
                    _last_synced_at = now(),
                    _updated_at = now() %4$s
                FROM incoming i
                WHERE t.id = i.id
                  AND NOT t.deleted
                  AND t._raw_data IS DISTINCT FROM i.raw
                  AND (
                      t._version IS NULL
                      OR date_trunc('second', i.version) > date_trunc('second', t._version)
                      OR (date_trunc('second', i.version) = date_trunc('second', t._version)
                          AND ((i.source = 'refetch' AND i.version >= t._updated_at)
                               OR i.tie_wins
                               OR (i.stored_source = 'fetch' AND t._version_source = 'fetch'
                                   AND i.version >= t._version)))
                  )
                RETURNING t.id
            ),
            inserted AS (
                -- A row inserted by someone else since the lock makes this a no-op, reported
                -- 'ambiguous' below: the caller fetches again and retries.
                INSERT INTO %1$I AS t (id, _raw_data, _account_id, _version, _version_source %2$s)
                SELECT i.id, i.raw, i.account_id, i.version, i.stored_source %3$s
                FROM incoming i
                WHERE NOT EXISTS (SELECT 1 FROM before b WHERE b.id = i.id)
                ON CONFLICT (id) DO NOTHING
                RETURNING t.id
            )
            SELECT i.ord, i.id,
                   CASE
                       WHEN u.id IS NOT NULL OR n.id IS NOT NULL THEN 'written'
                       WHEN b.id IS NULL THEN 'ambiguous'
                       WHEN b.deleted THEN 'tombstoned'
                       WHEN b._raw_data = i.raw THEN 'unchanged'
                       WHEN date_trunc('second', i.version) < date_trunc('second', b._version)
                           THEN 'stale'
                       WHEN i.stored_source = 'fetch' AND b._version_source = 'fetch'
                           THEN 'stale'
                       ELSE 'ambiguous'
                   END
            FROM incoming i
            LEFT JOIN updated u ON u.id = i.id
            LEFT JOIN inserted n ON n.id = i.id
            LEFT JOIN before b ON b.id = i.id;
        END IF;
        IF v_deletes THEN
            -- A deletion always wins over updates: Stripe never brings a deleted object back.
            -- A tombstone's _version_source says where its state came from: 'event' for a
            -- full last state (a *.deleted event's payload), 'fetch' for only the last state
            -- we had (a stub or a 404), which a full last state arriving later replaces.
            RETURN QUERY
            WITH incoming AS (
                SELECT b.ord, b.raw->>'id' AS id, b.raw, b.account_id, b.version, b.parent_id,
                       (b.raw - 'id' - 'object' - 'deleted') <> '{}'::jsonb AS full_state
                FROM unnest(p_ords, p_objects, p_accounts, p_versions, p_parent_ids, p_deletes,
                            v_rank)
                     AS b(ord, raw, account_id, version, parent_id, is_delete, round)
                WHERE b.round = v_round AND coalesce(b.is_delete, false)
                  AND jsonb_typeof(b.raw->'id') = 'string'
            ),
            written AS (
                INSERT INTO %1$I AS t (id, _raw_data, _account_id, _version, _version_source,
                                       deleted, deleted_at %2$s)
                SELECT i.id, i.raw, i.account_id, i.version,
                       CASE WHEN i.full_state THEN 'event' ELSE 'fetch' END, true,
                       i.version %3$s
                FROM incoming i
                ON CONFLICT (id) DO UPDATE SET
                    deleted = true,
                    deleted_at = CASE WHEN t.deleted
                                      THEN LEAST(t.deleted_at, EXCLUDED.deleted_at)
                                      ELSE EXCLUDED.deleted_at END,
                    _raw_data = CASE
                        WHEN EXCLUDED._version_source = 'fetch'
                        THEN t._raw_data || jsonb_build_object('deleted', true)
                        ELSE EXCLUDED._raw_data END,
                    _version = GREATEST(t._version, EXCLUDED._version),
                    _version_source = EXCLUDED._version_source,
                    _last_synced_at = now(),
                    _updated_at = now() %5$s
                WHERE NOT t.deleted
                   OR (t._version_source = 'fetch' AND EXCLUDED._version_source = 'event'
                       AND t._raw_data IS DISTINCT FROM EXCLUDED._raw_data)
                RETURNING t.id
            )
            SELECT i.ord, i.id, CASE WHEN w.id IS NULL THEN 'tombstoned' ELSE 'deleted' END
            FROM incoming i LEFT JOIN written w ON w.id = i.id;
        END IF;
    END LOOP;
END
$w$
$template$, v_storage, parent_insert, parent_value, parent_update, parent_excluded,
        '_write_' || p_table);

    EXECUTE format($template$
CREATE OR REPLACE FUNCTION %2$I(p_ids text[]) RETURNS text[]
LANGUAGE sql STABLE
SET search_path FROM CURRENT
AS $e$ SELECT coalesce(array_agg(t.id), '{}') FROM %1$I t WHERE t.id = ANY (p_ids) $e$
$template$, v_storage, '_existing_' || p_table);

    IF p_parent_column IS NOT NULL THEN
        EXECUTE format($template$
CREATE OR REPLACE FUNCTION %3$I(
    p_parent_ids text[],
    p_versions timestamptz[],
    p_keep_parents text[],
    p_keep_ids text[]
) RETURNS integer
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $t$
DECLARE
    n integer;
BEGIN
    -- "= ANY" on the parent column, not a join with the unnested parents: planned once for
    -- any number of parents, a join was a scan of the whole table.
    UPDATE %1$I t
    SET deleted = true,
        deleted_at = p_versions[array_position(p_parent_ids, t.%2$I)],
        _updated_at = now()
    WHERE t.%2$I = ANY (p_parent_ids) AND NOT t.deleted
      AND (t._version IS NULL
           OR t._version <= p_versions[array_position(p_parent_ids, t.%2$I)])
      AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p_keep_parents, '{}'),
                                           coalesce(p_keep_ids, '{}')) AS k(parent_id, id)
                      WHERE k.parent_id = t.%2$I AND k.id = t.id);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$t$
$template$, v_storage, p_parent_column, '_tombstone_' || p_table);
    END IF;
END
$create$;

COMMENT ON FUNCTION "_create_writers"(text, text) IS
'Create (or replace) the write functions of one object table: _write_<table>, _existing_<table>, and _tombstone_<table> for a child table; then run _create_dispatchers.';


-- The dispatchers _write_batch(p_table, ...), _tombstone_children(p_table, ...) and
-- _existing_ids(p_table, p_ids), rewritten whenever a table's writers are made: a static CASE
-- over the tables calling each one's functions, so the call is planned once per connection
-- (an EXECUTE naming the function was planned again on every call).
CREATE FUNCTION "_create_dispatchers"()
RETURNS void
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $create$
DECLARE
    v_write text;
    v_tombstone text;
    v_existing text;
BEGIN
    SELECT string_agg(format(
               'WHEN %L THEN RETURN QUERY SELECT * FROM %I(p_ords, p_objects, p_accounts, '
               'p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes);',
               t.table_name, '_write_' || t.table_name), ' ' ORDER BY t.table_name),
           string_agg(format('WHEN %L THEN RETURN %I(p_ids);',
                             t.table_name, '_existing_' || t.table_name), ' '
                      ORDER BY t.table_name),
           string_agg(format('WHEN %L THEN RETURN %I(p_parent_ids, p_versions, p_keep_parents, '
                             'p_keep_ids);', t.table_name, '_tombstone_' || t.table_name), ' '
                      ORDER BY t.table_name) FILTER (WHERE t.parent)
    INTO v_write, v_existing, v_tombstone
    FROM (SELECT c.table_name, bool_or(c.kind = 'parent') AS parent
          FROM "_typed_columns" c GROUP BY c.table_name) t
    WHERE to_regproc(quote_ident('_write_' || t.table_name)) IS NOT NULL;

    EXECUTE format($template$
CREATE OR REPLACE FUNCTION "_write_batch"(
    p_table text,
    p_parent_column text,
    p_ords bigint[],
    p_objects jsonb[],
    p_accounts text[],
    p_versions timestamptz[],
    p_sources text[],
    p_parent_ids text[],
    p_tie_wins boolean[],
    p_deletes boolean[]
) RETURNS TABLE (ord bigint, object_id text, outcome text)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $d$
BEGIN
    CASE p_table %s
    ELSE RAISE EXCEPTION 'unknown object table %%', p_table;
    END CASE;
END
$d$
$template$, coalesce(v_write, ''));

    EXECUTE format($template$
CREATE OR REPLACE FUNCTION "_existing_ids"(p_table text, p_ids text[]) RETURNS text[]
LANGUAGE plpgsql STABLE
SET search_path FROM CURRENT
AS $d$
BEGIN
    CASE p_table %s
    ELSE RAISE EXCEPTION 'unknown object table %%', p_table;
    END CASE;
END
$d$
$template$, coalesce(v_existing, ''));

    EXECUTE format($template$
CREATE OR REPLACE FUNCTION "_tombstone_children"(
    p_table text,
    p_parent_column text,
    p_parent_ids text[],
    p_versions timestamptz[],
    p_keep_parents text[],
    p_keep_ids text[]
) RETURNS integer
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $d$
BEGIN
    CASE p_table %s
    ELSE RAISE EXCEPTION 'object table %% has no parent column %%', p_table, p_parent_column;
    END CASE;
END
$d$
$template$, coalesce(v_tombstone, ''));
END
$create$;

COMMENT ON FUNCTION "_create_dispatchers"() IS
'Rewrite _write_batch, _tombstone_children and _existing_ids to call the per-table functions of every object table.';


-- The write functions of every object table (0016 made their storage tables).
SELECT "_create_writers"(t.table_name,
                         (SELECT p.column_name FROM "_typed_columns" p
                          WHERE p.table_name = t.table_name AND p.kind = 'parent'))
FROM (SELECT DISTINCT table_name FROM "_typed_columns") t
ORDER BY t.table_name;
SELECT "_create_dispatchers"();


-- Apply a group of changes. p_changes is a JSON array of objects with the parameters of
-- _apply_event as keys (without the p_ prefix): event_id, event_type, event_created,
-- account_id, action, table, objects, version, source, parent_column, parent_id, children,
-- refs, tie_wins. Instead of objects, an upsert or delete may give "event": the whole event,
-- whose data.object is the object; a child list may then give "field" (the parent's list field,
-- e.g. lines) instead of its objects, which are the items embedded there. Returns one row per
-- change, ord being its 0-based position, with the referenced objects that have no row
-- (missing_refs, NULL when there are none).
CREATE FUNCTION "_apply_changes"(p_changes jsonb)
RETURNS TABLE (ord integer, outcome text, missing_refs jsonb, seen_at timestamptz)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
DECLARE
    n integer;
    v_out text[];
    v_event_ids text[];
    v_actions text[];
    v_tables text[];
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

    -- One pass over the group: what the statements below need, as arrays by position. A
    -- change's object is objects[0], or, for a change given with its whole event (a webhook
    -- body passed on as received, never parsed and encoded again), its data.object.
    SELECT array_agg(e.c->>'event_id' ORDER BY e.i),
           array_agg(e.c->>'action' ORDER BY e.i),
           array_agg(e.c->>'table' ORDER BY e.i),
           array_agg(e.c->>'account_id' ORDER BY e.i),
           array_agg((e.c->>'version')::timestamptz ORDER BY e.i),
           array_agg(CASE WHEN e.c ? 'event' THEN e.c->'event'->'data'->'object'
                          ELSE e.c->'objects'->0 END ORDER BY e.i),
           count(*) FILTER (WHERE e.c->>'action' IN ('upsert', 'delete') AND NOT e.c ? 'event'
                            AND (jsonb_typeof(e.c->'objects') IS DISTINCT FROM 'array'
                                 OR jsonb_array_length(e.c->'objects') <> 1)),
           coalesce(bool_or(jsonb_array_length(coalesce(e.c->'children', '[]')) > 0), false),
           coalesce(bool_or(jsonb_array_length(coalesce(e.c->'refs', '[]')) > 0), false),
           coalesce(bool_or(e.c->>'action' = 'replace_children'), false)
    INTO v_event_ids, v_actions, v_tables, v_accounts, v_versions, v_objects, v_bad,
         v_children, v_refs, v_replace
    FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i);

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

    -- Duplicates (an event applied before, or given earlier in this group) and skips.
    v_seen := ARRAY(SELECT pe.id FROM "_processed_events" pe WHERE pe.id = ANY (v_event_ids));
    v_out := ARRAY(
        SELECT CASE
                   WHEN x.event_id IS NOT NULL AND (x.k > 1 OR x.event_id = ANY (v_seen))
                       THEN 'duplicate'
                   WHEN x.a = 'skip' THEN 'skipped'
               END
        FROM (SELECT u.i, u.event_id, u.a,
                     row_number() OVER (PARTITION BY u.event_id ORDER BY u.i) AS k
              FROM unnest(v_event_ids, v_actions) WITH ORDINALITY AS u(event_id, a, i)) x
        ORDER BY x.i);

    -- Rows of upserts and deletes: one batch per table, tables in name order (lock order).
    FOR r IN
        SELECT e.c->>'table' AS tbl, e.c->>'parent_column' AS pcol,
               array_agg(e.i) AS ords,
               array_agg(v_objects[e.i]) AS objects,
               array_agg(e.c->>'account_id') AS accounts,
               array_agg((e.c->>'version')::timestamptz) AS versions,
               array_agg(coalesce(e.c->>'source', 'event')) AS sources,
               array_agg(e.c->>'parent_id') AS parent_ids,
               array_agg(coalesce((e.c->>'tie_wins')::boolean, false)) AS ties,
               array_agg(e.c->>'action' = 'delete') AS deletes
        FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i)
        WHERE e.c->>'action' IN ('upsert', 'delete') AND v_out[e.i] IS NULL
        GROUP BY 1, 2
        ORDER BY 1, 2
    LOOP
        FOR w IN SELECT * FROM "_write_batch"(r.tbl, r.pcol, r.ords, r.objects, r.accounts,
                                              r.versions, r.sources, r.parent_ids, r.ties,
                                              r.deletes) LOOP
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
                    array_fill(false, ARRAY[jsonb_array_length(r.c->'objects')]));
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
                       array_agg(x.pcol IS NOT NULL) AS ties
                FROM (
                    SELECT ch.c->>'table' AS tbl, ch.c->>'parent_column' AS pcol,
                           e.i * 1000000000000 + ch.j * 100000000 + o.k AS k, o.obj,
                           v_accounts[e.i] AS account_id, v_versions[e.i] AS version,
                           coalesce(e.c->>'source', 'event') AS source,
                           CASE WHEN ch.c->>'parent_column' IS NOT NULL
                                THEN v_objects[e.i]->>'id' END AS parent_id
                    FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i)
                    CROSS JOIN LATERAL jsonb_array_elements(coalesce(e.c->'children', '[]'))
                        WITH ORDINALITY AS ch(c, j)
                    CROSS JOIN LATERAL jsonb_array_elements(
                        CASE WHEN ch.c ? 'objects' THEN ch.c->'objects'
                             WHEN jsonb_typeof(v_objects[e.i]->(ch.c->>'field')->'data')
                                  = 'array'
                             THEN v_objects[e.i]->(ch.c->>'field')->'data'
                             ELSE '[]' END) WITH ORDINALITY AS o(obj, k)
                    WHERE v_out[e.i] = 'written' AND v_level[e.i] = v_lvl
                ) x
                GROUP BY 1, 2
                ORDER BY 1, 2
            LOOP
                PERFORM 1 FROM "_write_batch"(r.tbl, r.pcol, r.ords, r.objects, r.accounts,
                                              r.versions, r.sources, r.parent_ids, r.ties,
                                              array_fill(false, ARRAY[cardinality(r.ords)]));
            END LOOP;
            -- Child rows missing from a complete list, and every child row of a deleted parent.
            FOR r IN
                SELECT ch.c->>'table' AS tbl, ch.c->>'parent_column' AS pcol,
                       array_agg(v_objects[e.i]->>'id') AS parents,
                       array_agg(v_versions[e.i]) AS versions,
                       array_agg(e.i) FILTER (WHERE v_out[e.i] = 'written') AS written
                FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i)
                CROSS JOIN LATERAL jsonb_array_elements(coalesce(e.c->'children', '[]')) AS ch(c)
                WHERE ch.c->>'parent_column' IS NOT NULL AND v_level[e.i] = v_lvl
                  AND ((v_out[e.i] = 'written' AND coalesce((ch.c->>'complete')::boolean, false))
                       OR v_out[e.i] = 'deleted')
                GROUP BY 1, 2
                ORDER BY 1, 2
            LOOP
                SELECT array_agg(v_objects[e.i]->>'id'), array_agg(o->>'id')
                INTO v_keep_parents, v_keep
                FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i)
                CROSS JOIN LATERAL jsonb_array_elements(coalesce(e.c->'children', '[]')) AS ch(c)
                CROSS JOIN LATERAL jsonb_array_elements(
                    CASE WHEN ch.c ? 'objects' THEN ch.c->'objects'
                         WHEN jsonb_typeof(v_objects[e.i]->(ch.c->>'field')->'data') = 'array'
                         THEN v_objects[e.i]->(ch.c->>'field')->'data'
                         ELSE '[]' END) AS o
                WHERE e.i = ANY (coalesce(r.written, '{}')) AND ch.c->>'table' = r.tbl
                  AND ch.c->>'parent_column' = r.pcol;
                PERFORM "_tombstone_children"(r.tbl, r.pcol, r.parents, r.versions,
                                              v_keep_parents, v_keep);
            END LOOP;
        END LOOP;
    END IF;

    -- Referenced objects that have no row (for backfill_related_entities).
    IF v_refs THEN
        FOR r IN
            SELECT ref->>0 AS tbl, array_agg(DISTINCT ref->>1) AS ids
            FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i)
            CROSS JOIN LATERAL jsonb_array_elements(coalesce(e.c->'refs', '[]')) AS ref
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

    -- An ambiguous event is not recorded: the caller resolves it and calls again. In event id
    -- order (lock order, after every row lock).
    INSERT INTO "_processed_events" (id, account_id, type, created, object_type, object_id,
                                     outcome)
    SELECT v_event_ids[u.i], v_accounts[u.i], e.c->>'event_type',
           (e.c->>'event_created')::timestamptz, v_objects[u.i]->>'object',
           v_objects[u.i]->>'id', v_out[u.i]
    FROM generate_subscripts(v_event_ids, 1) AS u(i)
    CROSS JOIN LATERAL (SELECT p_changes->(u.i - 1) AS c) e
    WHERE v_event_ids[u.i] IS NOT NULL AND v_out[u.i] NOT IN ('ambiguous', 'duplicate')
    ORDER BY v_event_ids[u.i]
    ON CONFLICT (id) DO NOTHING;

    -- missing_refs is NULL when none is missing (the common case: nothing to decode).
    IF cardinality(v_missing_ids) = 0 THEN
        RETURN QUERY SELECT (u.i - 1)::integer, v_out[u.i], NULL::jsonb, clock_timestamp()
                     FROM generate_subscripts(v_out, 1) AS u(i) ORDER BY u.i;
        RETURN;
    END IF;
    RETURN QUERY
    SELECT (e.i - 1)::integer, v_out[e.i],
           (SELECT jsonb_agg(ref ORDER BY k)
            FROM jsonb_array_elements(coalesce(e.c->'refs', '[]')) WITH ORDINALITY AS x(ref, k)
            WHERE EXISTS (SELECT 1 FROM unnest(v_missing_tables, v_missing_ids) AS m(t, id)
                          WHERE m.t = ref->>0 AND m.id = ref->>1)
              AND v_out[e.i] <> 'duplicate'),
           clock_timestamp()
    FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i)
    ORDER BY e.i;
END
$fn$;

COMMENT ON FUNCTION "_apply_changes"(jsonb) IS
'Apply a group of routed events (or fetched objects) with their child lists in one call, each once per event id and with its own outcome (written, unchanged, stale, ambiguous, tombstoned, deleted, replaced, skipped, duplicate), the referenced objects missing from the database, and the clock for a re-fetch.';


-- The one-change API of 0004, now a group of one.
CREATE OR REPLACE FUNCTION "_apply_event"(
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
LANGUAGE sql
SET search_path FROM CURRENT
AS $fn$
    SELECT a.outcome, coalesce(a.missing_refs, '[]'), a.seen_at
    FROM "_apply_changes"(jsonb_build_array(jsonb_build_object(
        'event_id', p_event_id, 'event_type', p_event_type, 'event_created', p_event_created,
        'account_id', p_account_id, 'action', p_action, 'table', p_table,
        'objects', p_objects, 'version', p_version, 'source', p_source,
        'parent_column', p_parent_column, 'parent_id', p_parent_id,
        'children', p_children, 'refs', p_refs, 'tie_wins', p_tie_wins))) a;
$fn$;


-- The batch API of 0003/0004: one object type, one version for all. The last occurrence of an
-- id in the batch wins, as before.
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
    v_objects jsonb[];
    v_ords bigint[];
    k integer;
BEGIN
    IF p_source IS NULL OR p_source NOT IN ('event', 'fetch', 'refetch') THEN
        RAISE EXCEPTION 'p_source must be event, fetch or refetch, got %', p_source;
    END IF;
    IF jsonb_typeof(p_objects) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'p_objects must be a JSON array of Stripe objects';
    END IF;
    -- The last occurrence of each id (found on ids and positions only, never sorting the
    -- payloads); the order of the arrays does not matter, p_ords carries it.
    SELECT coalesce(array_agg(e.o), '{}'), coalesce(array_agg(e.n), '{}')
    INTO v_objects, v_ords
    FROM jsonb_array_elements(p_objects) WITH ORDINALITY AS e(o, n)
    JOIN (SELECT max(x.n) AS n
          FROM jsonb_array_elements(p_objects) WITH ORDINALITY AS x(o, n)
          WHERE jsonb_typeof(x.o->'id') = 'string'
          GROUP BY x.o->>'id') last ON last.n = e.n;
    k := cardinality(v_objects);
    RETURN QUERY
    SELECT w.object_id, w.outcome
    FROM "_write_batch"(p_table, p_parent_column, v_ords, v_objects,
                        array_fill(p_account_id, ARRAY[k]), array_fill(p_version, ARRAY[k]),
                        array_fill(p_source, ARRAY[k]), array_fill(p_parent_id, ARRAY[k]),
                        array_fill(p_tie_wins, ARRAY[k]), array_fill(p_delete, ARRAY[k])) w;
END
$fn$;


CREATE OR REPLACE FUNCTION "_tombstone_missing_children"(
    p_table text,
    p_parent_column text,
    p_parent_id text,
    p_keep_ids text[],
    p_version timestamptz
) RETURNS integer
LANGUAGE sql
SET search_path FROM CURRENT
AS $fn$
    SELECT "_tombstone_children"(p_table, p_parent_column, ARRAY[p_parent_id], ARRAY[p_version],
                                 array_fill(p_parent_id, ARRAY[cardinality(p_keep_ids)]),
                                 p_keep_ids);
$fn$;


-- A backfill page, as in 0006, with the embedded child lists of its rows written in one batch
-- per child table (one statement for a page of invoices' lines, not one per invoice).
CREATE OR REPLACE FUNCTION "_backfill_page"(
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
    v_written text[] := '{}';
    v_ambiguous text[] := '{}';
    v_keep text[];
    v_keep_parents text[];
    v_split timestamptz;
    v_pending integer;
    r record;
BEGIN
    SELECT * INTO w FROM "_sync_obj_runs" x WHERE x.id = p_window_id FOR UPDATE;
    -- A window carried into a newer run (its run was closed as abandoned) is no longer this
    -- worker's either: the copy in the new run lists it.
    IF NOT FOUND OR w.status <> 'running' OR w.claimed_by IS DISTINCT FROM p_worker
       OR w.superseded_by IS NOT NULL THEN
        RETURN QUERY SELECT 'lost'::text, '{}'::text[], NULL::timestamptz, clock_timestamp();
        RETURN;
    END IF;

    IF p_table IS NOT NULL THEN
        SELECT coalesce(array_agg(r2.object_id) FILTER (WHERE r2.outcome = 'written'), '{}'),
               coalesce(array_agg(r2.object_id) FILTER (WHERE r2.outcome = 'ambiguous'), '{}')
        INTO v_written, v_ambiguous
        FROM "_write_objects"(p_table, p_account_id, p_objects, p_version, 'fetch', false,
                              p_parent_column, p_parent_id, p_parent_column IS NOT NULL) r2;
        -- A complete per-parent list of child rows: the parent's other rows are gone.
        IF p_parent_column IS NOT NULL THEN
            SELECT coalesce(array_agg(o->>'id'), '{}') INTO v_keep
            FROM jsonb_array_elements(p_objects) o;
            PERFORM "_tombstone_missing_children"(p_table, p_parent_column, p_parent_id,
                                                  v_keep, p_version);
        END IF;
        -- Embedded child lists of the rows written (as in _apply_changes), one batch per
        -- child table.
        FOR r IN
            SELECT c->>'table' AS tbl, c->>'parent_column' AS pcol,
                   array_agg(o.v ORDER BY ci, o.k) AS objects,
                   array_agg(c->>'parent_id' ORDER BY ci, o.k) AS parent_ids
            FROM jsonb_array_elements(p_children) WITH ORDINALITY AS ch(c, ci)
            CROSS JOIN LATERAL jsonb_array_elements(coalesce(c->'objects', '[]'))
                WITH ORDINALITY AS o(v, k)
            WHERE c->>'parent_id' = ANY (v_written)
            GROUP BY 1, 2
            ORDER BY 1, 2
        LOOP
            PERFORM 1 FROM "_write_batch"(
                r.tbl, r.pcol,
                (SELECT array_agg(g) FROM generate_series(1, cardinality(r.objects)) g),
                r.objects,
                array_fill(p_account_id, ARRAY[cardinality(r.objects)]),
                array_fill(p_version, ARRAY[cardinality(r.objects)]),
                array_fill('fetch'::text, ARRAY[cardinality(r.objects)]),
                CASE WHEN r.pcol IS NOT NULL THEN r.parent_ids
                     ELSE array_fill(NULL::text, ARRAY[cardinality(r.objects)]) END,
                array_fill(r.pcol IS NOT NULL, ARRAY[cardinality(r.objects)]),
                array_fill(false, ARRAY[cardinality(r.objects)]));
        END LOOP;
        FOR r IN
            SELECT c->>'table' AS tbl, c->>'parent_column' AS pcol,
                   array_agg(c->>'parent_id') AS parents
            FROM jsonb_array_elements(p_children) AS ch(c)
            WHERE c->>'parent_id' = ANY (v_written) AND c->>'parent_column' IS NOT NULL
              AND coalesce((c->>'complete')::boolean, false)
            GROUP BY 1, 2
            ORDER BY 1, 2
        LOOP
            SELECT coalesce(array_agg(c->>'parent_id'), '{}'), coalesce(array_agg(o->>'id'), '{}')
            INTO v_keep_parents, v_keep
            FROM jsonb_array_elements(p_children) AS ch(c)
            CROSS JOIN LATERAL jsonb_array_elements(coalesce(c->'objects', '[]')) AS o
            WHERE c->>'parent_id' = ANY (r.parents) AND c->>'table' = r.tbl;
            PERFORM "_tombstone_children"(r.tbl, r.pcol, r.parents,
                                          array_fill(p_version, ARRAY[cardinality(r.parents)]),
                                          v_keep_parents, v_keep);
        END LOOP;
    END IF;

    IF p_spawn_parent_ids IS NOT NULL AND cardinality(p_spawn_parent_ids) > 0 THEN
        INSERT INTO "_sync_obj_runs" (run_id, account_id, object, kind, parent_ids)
        VALUES (w.run_id, w.account_id, w.object, 'children', p_spawn_parent_ids);
    END IF;

    -- Split only a window with several pages still to list (estimated from this page's span
    -- of created): splitting one near its end only adds a partial last page.
    IF p_has_more AND w.kind <> 'children' AND w.created_gte IS NOT NULL
       AND p_cursor_created IS NOT NULL
       AND p_cursor_created - w.created_gte >= interval '2 seconds'
       AND extract(epoch FROM p_cursor_created - w.created_gte)
           >= 4 * greatest(extract(epoch FROM coalesce(w.cursor_created, w.created_lt)
                                             - p_cursor_created), 1) THEN
        SELECT count(*) INTO v_pending FROM "_sync_obj_runs" x
        WHERE x.run_id = w.run_id AND x.status = 'pending' AND x.superseded_by IS NULL;
        IF v_pending < p_split_below THEN
            v_split := to_timestamp(floor((extract(epoch FROM w.created_gte)
                                           + extract(epoch FROM p_cursor_created)) / 2));
            INSERT INTO "_sync_obj_runs" (run_id, account_id, object, kind, created_gte, created_lt)
            VALUES (w.run_id, w.account_id, w.object, w.kind, w.created_gte, v_split);
        END IF;
    END IF;

    UPDATE "_sync_obj_runs" x SET
        cursor = p_cursor,
        cursor_created = p_cursor_created,
        created_gte = coalesce(v_split, x.created_gte),
        page_count = x.page_count + 1,
        processed_count = x.processed_count + jsonb_array_length(p_objects),
        status = CASE WHEN p_has_more THEN 'running' ELSE 'complete' END,
        completed_at = CASE WHEN p_has_more THEN NULL ELSE now() END,
        -- The worker stays named on a complete window: who listed it.
        claimed_by = p_worker,
        claimed_until = CASE WHEN p_has_more THEN clock_timestamp() + p_lease END,
        error_message = NULL,
        updated_at = now()
    WHERE x.id = p_window_id;
    UPDATE "_sync_runs" SET updated_at = now() WHERE id = w.run_id;

    RETURN QUERY SELECT CASE WHEN p_has_more THEN 'running' ELSE 'complete' END,
                        v_ambiguous, v_split, clock_timestamp();
END
$fn$;


-- Resolving dead letters once per statement (a group records many events at once).
DROP TRIGGER "_processed_events_resolve_dead_letter" ON "_processed_events";
CREATE OR REPLACE FUNCTION "_resolve_dead_letter"() RETURNS trigger
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
BEGIN
    -- Dead letters are rare: most statements find none unresolved (a partial index) and stop.
    IF EXISTS (SELECT 1 FROM "_dead_letters" d WHERE d."resolved_at" IS NULL) THEN
        UPDATE "_dead_letters" d SET "resolved_at" = now()
        FROM "recorded" x
        WHERE d."event_id" = x."id" AND d."resolved_at" IS NULL;
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER "_processed_events_resolve_dead_letter"
AFTER INSERT ON "_processed_events"
REFERENCING NEW TABLE AS "recorded"
FOR EACH STATEMENT EXECUTE FUNCTION "_resolve_dead_letter"();


-- Object data now lives in the storage tables behind the views; account management addresses
-- the views (simple views: DELETE through them deletes the storage rows), so the names people
-- see in counts and listings stay the registry's.
CREATE OR REPLACE FUNCTION "_account_tables"()
RETURNS TABLE (table_name text, account_column text, match text, ord integer)
LANGUAGE sql
STABLE
SET search_path FROM CURRENT
AS $fn$
    SELECT c.relname::text, '_account_id', 'equals', 0
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'v'
      AND to_regclass(quote_ident('_raw_' || c.relname)) IS NOT NULL
      AND (SELECT count(*) FROM pg_attribute a
           WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             AND a.attname IN ('_account_id', '_raw_data', '_version_source')) = 3
    UNION ALL
    SELECT m.t, m.col, m.match, m.ord
    FROM (VALUES
        ('_sync_obj_runs', 'account_id', 'equals', 1),
        ('_sync_runs', 'account_id', 'equals', 2),
        ('_backfill_cursors', 'account_id', 'equals', 3),
        ('_event_cursors', 'account_id', 'equals', 4),
        ('_processed_events', 'account_id', 'equals', 5),
        ('_dead_letters', 'account_id', 'equals', 6),
        ('_child_sets', 'account_id', 'equals', 7),
        ('_managed_webhook_users', 'account_id', 'equals', 8),
        ('_managed_webhooks', 'account_id', 'equals', 9),
        ('_rate_limits', 'key', 'prefix', 10),
        ('accounts', 'id', 'equals', 11)
    ) AS m(t, col, match, ord)
    WHERE to_regclass(quote_ident(m.t)) IS NOT NULL
    ORDER BY 4, 1;
$fn$;

