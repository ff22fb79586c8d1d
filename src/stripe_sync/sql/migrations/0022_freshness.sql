-- Freshness, measured, and read-after-write (issue 16, parts 2 and 4).
--
-- Freshness: every event recorded in _processed_events keeps how it came (via: webhook, events
-- for the Events API poller, websocket; NULL when the caller did not say) and, in processed_at,
-- the database clock at the end of its group's write, just before the commit (it was now(), the
-- transaction's start). Both ride on the row the write path inserts anyway: no statement, row
-- or index entry more per event but a BRIN entry, which costs next to nothing on an append-only
-- column. The view "freshness" reads them: per object and source, over the last hour, the
-- delay from Stripe's created to that commit.
--
-- Read-after-write: a process waiting for a write (AsyncStripeSync.wait_until_synced) LISTENs
-- on the schema's channel (_written_channel()) and registers its backend in _write_listeners;
-- _write_batch, through which every object write goes (events, backfill pages, fetched
-- objects), sends pg_notify(channel, table) while a listener is registered, so that writers pay
-- for a NOTIFY (which serializes commits) only while someone waits.
-- Unqualified names: the migration runner sets search_path to the sync schema.

ALTER TABLE "_processed_events" ADD COLUMN "via" text;
COMMENT ON COLUMN "_processed_events"."via" IS 'How the event came: webhook, events (the Events API poller), websocket; NULL when the caller of process_event did not say.';
COMMENT ON COLUMN "_processed_events"."processed_at" IS 'The database clock when the event''s group was written, just before its commit.';
CREATE INDEX "_processed_events_processed_at_idx" ON "_processed_events" USING brin ("processed_at");


CREATE VIEW "freshness" AS
SELECT "_object_name"(e."object_type") AS "object",
       coalesce(e."via", 'direct') AS "source",
       count(*) AS "events",
       percentile_cont(0.5) WITHIN GROUP (
           ORDER BY extract(epoch FROM e."processed_at" - e."created"))::double precision
           AS "p50_seconds",
       percentile_cont(0.99) WITHIN GROUP (
           ORDER BY extract(epoch FROM e."processed_at" - e."created"))::double precision
           AS "p99_seconds",
       max(extract(epoch FROM e."processed_at" - e."created"))::double precision AS "max_seconds",
       max(e."processed_at") AS "last_processed_at"
FROM "_processed_events" e
WHERE e."processed_at" >= now() - interval '1 hour'
  AND e."object_type" IS NOT NULL
  AND e."outcome" <> 'skipped'
GROUP BY 1, 2;
COMMENT ON VIEW "freshness" IS 'Per object and source (webhook, events, websocket, direct), over the last hour: events applied, and the p50, p99 and max of the seconds from Stripe''s created (whole seconds) to the commit.';


-- Processes waiting for writes: a backend's row while it LISTENs (unlogged: after a crash of
-- the server no one listens anyway).
CREATE UNLOGGED TABLE "_write_listeners" (
    "pid" integer PRIMARY KEY,
    "since" timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE "_write_listeners" IS 'Backends LISTENing for writes (wait_until_synced); while it has a row, writes send NOTIFY.';


-- The channel of this schema's write notifications (at most 63 bytes, as channel names are).
CREATE FUNCTION "_written_channel"() RETURNS text
LANGUAGE sql STABLE
SET search_path FROM CURRENT
AS $fn$
    SELECT CASE WHEN octet_length('stripe_sync:' || current_schema()) <= 63
                THEN 'stripe_sync:' || current_schema()
                ELSE 'stripe_sync:' || md5(current_schema()) END;
$fn$;

-- The advisory lock writers hold (shared) from looking for listeners to their commit.
CREATE FUNCTION "_written_lock_key"() RETURNS bigint
LANGUAGE sql STABLE
SET search_path FROM CURRENT
AS $fn$ SELECT hashtextextended("_written_channel"(), 0) $fn$;


-- Register this backend as a listener (the caller LISTENs on the channel returned, then calls
-- _written_barrier, then looks at the data once). Rows of backends that are gone are dropped.
CREATE FUNCTION "_listen_for_writes"() RETURNS text
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
BEGIN
    DELETE FROM "_write_listeners" l
    WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = l.pid);
    INSERT INTO "_write_listeners" (pid) VALUES (pg_backend_pid()) ON CONFLICT DO NOTHING;
    RETURN "_written_channel"();
END
$fn$;

-- Wait for the writers that may have looked for listeners before this one was registered:
-- those that commit later have sent their NOTIFY; those before are visible to a read after this.
CREATE FUNCTION "_written_barrier"() RETURNS void
LANGUAGE sql
SET search_path FROM CURRENT
AS $fn$ SELECT pg_advisory_xact_lock("_written_lock_key"()) $fn$;

CREATE FUNCTION "_unlisten_for_writes"() RETURNS void
LANGUAGE sql
SET search_path FROM CURRENT
AS $fn$ DELETE FROM "_write_listeners" WHERE pid = pg_backend_pid() $fn$;


-- Does the mirror hold object p_id of p_table at least at a version? True when its row is a
-- tombstone (nothing newer can come), and otherwise when:
-- - p_event_id: that event was applied (any outcome), or the row is from a later second than
--   p_version (the event's created: a newer state);
-- - p_version without an event: the row's version is of that second or later;
-- - p_state (an object as Stripe returned it): every top-level field the row has too is equal
--   (an expanded object on one side matches its id on the other);
-- - none of them: the row exists.
CREATE FUNCTION "_synced"(
    p_table text,
    p_id text,
    p_event_id text DEFAULT NULL,
    p_version timestamptz DEFAULT NULL,
    p_state jsonb DEFAULT NULL
) RETURNS boolean
LANGUAGE plpgsql
STABLE
SET search_path FROM CURRENT
AS $fn$
DECLARE
    v_raw jsonb;
    v_version timestamptz;
    v_deleted boolean;
BEGIN
    IF p_event_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM "_processed_events" e WHERE e.id = p_event_id) THEN
        RETURN true;
    END IF;
    IF p_table IS NULL THEN  -- an event about an object that is not mirrored
        RETURN false;
    END IF;
    IF to_regclass(quote_ident('_raw_' || p_table)) IS NULL THEN
        RAISE EXCEPTION 'unknown object table %', p_table;
    END IF;
    EXECUTE format('SELECT t._raw_data, t._version, t.deleted FROM %I t WHERE t.id = $1',
                   '_raw_' || p_table)
    INTO v_raw, v_version, v_deleted USING p_id;
    IF v_raw IS NULL THEN
        RETURN false;
    ELSIF v_deleted THEN
        RETURN true;
    ELSIF p_event_id IS NOT NULL THEN
        RETURN date_trunc('second', v_version) > date_trunc('second', p_version);
    ELSIF p_version IS NOT NULL THEN
        RETURN date_trunc('second', v_version) >= date_trunc('second', p_version);
    ELSIF p_state IS NOT NULL THEN
        RETURN NOT EXISTS (
            SELECT 1 FROM jsonb_each(p_state) s(key, value)
            WHERE v_raw ? s.key
              AND v_raw->s.key IS DISTINCT FROM s.value
              AND NOT (jsonb_typeof(s.value) = 'object'
                       AND jsonb_typeof(v_raw->s.key) = 'string'
                       AND s.value->>'id' = v_raw->>s.key)
              AND NOT (jsonb_typeof(s.value) = 'string'
                       AND jsonb_typeof(v_raw->s.key) = 'object'
                       AND v_raw->s.key->>'id' = s.value #>> '{}'));
    END IF;
    RETURN true;
END
$fn$;

-- _write_batch notifies listeners (see _create_dispatchers below); rewritten for every table.
CREATE OR REPLACE FUNCTION "_create_dispatchers"()
RETURNS void
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $create$
DECLARE
    v_write text;
    v_tombstone text;
    v_existing text;
    v_channel text := "_written_channel"();
BEGIN
    SELECT string_agg(format(
               'WHEN %L THEN RETURN QUERY SELECT * FROM %I(p_ords, p_objects, p_accounts, '
               'p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes);',
               t.table_name, '_write_' || t.table_name), ' ' ORDER BY to_regproc(quote_ident('_write_' || t.table_name))::oid, t.table_name),
           string_agg(format('WHEN %L THEN RETURN %I(p_ids);',
                             t.table_name, '_existing_' || t.table_name), ' '
                      ORDER BY to_regproc(quote_ident('_write_' || t.table_name))::oid, t.table_name),
           string_agg(format('WHEN %L THEN RETURN %I(p_parent_ids, p_versions, p_keep_parents, '
                             'p_keep_ids);', t.table_name, '_tombstone_' || t.table_name), ' '
                      ORDER BY to_regproc(quote_ident('_write_' || t.table_name))::oid, t.table_name) FILTER (WHERE t.parent)
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
    -- Tell whoever waits for writes (wait_until_synced), once per table and transaction
    -- (PostgreSQL delivers identical notifications of a transaction once, at its commit). A
    -- NOTIFY serializes commits, so only while someone listens; the shared lock, held to the
    -- commit, lets a new listener wait for writers that looked before it was registered. It is
    -- taken before this call locks any row (again in a transaction: at no cost), so a writer
    -- queued behind a registering listener holds no row another writer waits for.
    PERFORM pg_advisory_xact_lock_shared(%s);
    IF EXISTS (SELECT 1 FROM "_write_listeners") THEN
        PERFORM pg_notify(%L, p_table);
    END IF;
    CASE p_table %s
    ELSE RAISE EXCEPTION 'unknown object table %%', p_table;
    END CASE;
END
$d$
$template$, "_written_lock_key"(), v_channel, coalesce(v_write, ''));

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


SELECT "_create_dispatchers"();


-- _apply_changes records processed_at and via (as 0017 otherwise).
CREATE OR REPLACE FUNCTION "_apply_changes"(p_changes jsonb)
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



-- _apply_event (the one-change API, which the Supabase edge functions call with named
-- arguments) gains p_via, so that their webhook records how its events came as the Python
-- engine does. A new trailing parameter with a default: calls without it work as before.
DROP FUNCTION "_apply_event"(text, text, timestamptz, text, text, text, jsonb, timestamptz, text,
                             text, text, jsonb, jsonb, boolean);
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
    p_tie_wins boolean DEFAULT false,
    p_via text DEFAULT NULL
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
        'children', p_children, 'refs', p_refs, 'tie_wins', p_tie_wins, 'via', p_via))) a;
$fn$;
COMMENT ON FUNCTION "_apply_event"(text, text, timestamptz, text, text, text, jsonb, timestamptz, text, text, text, jsonb, jsonb, boolean, text) IS
'Apply one routed event (or fetched object) with its child lists, once per event id (p_via: how the event came, recorded with it). Returns the outcome (written, unchanged, stale, ambiguous, tombstoned, deleted, replaced, skipped, duplicate), the referenced objects missing from the database, and the clock for a re-fetch.';
