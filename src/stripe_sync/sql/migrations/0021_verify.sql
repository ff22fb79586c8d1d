-- Verify: prove that the mirror holds what Stripe holds, and record what was proven (issue 16).
--
-- A verify run (stripe_sync.verify) makes two checks of one account:
--   events: every event of Stripe's Events API since a date was applied here (_processed_events,
--           which also records the events skipped for a named reason), or is superseded by a
--           row holding a newer state; _verify_events answers that for a page of events.
--   deep:   the ids of each object, re-listed per created window, compared with the table:
--           _verify_page (missing and stale rows of a listed page), _verify_extra (rows alive
--           here that the window's listing did not return). A window without drift is recorded
--           in _verified_windows (_verify_record_window); _verify_unchanged_windows answers which
--           recorded windows had no write since (no row of theirs has a newer _updated_at) and
--           lost no row (the count), so a later run lists only the others.
-- Repairs go through the normal write path (_apply_changes), never through these functions.
-- The results of each run are rows of _verify_results; the view verify_runs shows them.
-- "Newer" is the write path's rule (0017): a row's _version, compared by whole second.
-- Unqualified names: the migration runner sets search_path to the sync schema.

CREATE TABLE "_verify_runs" (
    "id" bigserial PRIMARY KEY,
    "account_id" text NOT NULL,
    "started_at" timestamptz NOT NULL DEFAULT now(),
    "finished_at" timestamptz,
    -- Events created since then were checked, and windows ending after it.
    "since" timestamptz NOT NULL,
    -- Events and objects created before then (the run's start less the settle time).
    "until" timestamptz NOT NULL,
    "objects" text[] NOT NULL,
    "repair" boolean NOT NULL,
    -- running, clean (no drift left), drift (some left) or error (the run did not finish).
    "status" text NOT NULL DEFAULT 'running'
        CHECK ("status" IN ('running', 'clean', 'drift', 'error')),
    "error_message" text
);
COMMENT ON TABLE "_verify_runs" IS 'One row per verify run (stripe-sync verify): its account, range and outcome.';
CREATE INDEX "_verify_runs_account_idx" ON "_verify_runs" ("account_id", "id");

CREATE TABLE "_verify_results" (
    "run_id" bigint NOT NULL REFERENCES "_verify_runs" ("id") ON DELETE CASCADE,
    "account_id" text NOT NULL,
    -- events (the Events API check) or deep (the re-listing of an object).
    "check_type" text NOT NULL CHECK ("check_type" IN ('events', 'deep')),
    "object" text NOT NULL,
    -- Events or objects compared; missing, extra (alive here, gone in Stripe), stale (older
    -- here than in Stripe); repaired through the write path; remaining (drift after the run).
    "checked" bigint NOT NULL DEFAULT 0,
    "missing" bigint NOT NULL DEFAULT 0,
    "extra" bigint NOT NULL DEFAULT 0,
    "stale" bigint NOT NULL DEFAULT 0,
    "repaired" bigint NOT NULL DEFAULT 0,
    "remaining" bigint NOT NULL DEFAULT 0,
    -- Windows listed, and windows not listed because they were verified and unchanged since.
    "windows_listed" integer NOT NULL DEFAULT 0,
    "windows_skipped" integer NOT NULL DEFAULT 0,
    -- A few of the drifted ids per kind ({"missing": [...], ...}), and why an object was not
    -- checked (listed only per parent ...).
    "sample" jsonb NOT NULL DEFAULT '{}',
    "note" text,
    -- Why the check failed (Stripe refused a listing ...): nothing is proven for what it missed.
    "error" text,
    PRIMARY KEY ("run_id", "check_type", "object")
);
COMMENT ON TABLE "_verify_results" IS 'What one verify run found per check and object: compared, missing, extra, stale, repaired, remaining.';

CREATE TABLE "_verified_windows" (
    "account_id" text NOT NULL,
    "object" text NOT NULL,
    -- The window's created range; -infinity/infinity for objects listed without a created filter.
    "created_gte" timestamptz NOT NULL,
    "created_lt" timestamptz NOT NULL,
    -- The database clock when the window's listing began: a write after it changes the window.
    "verified_at" timestamptz NOT NULL,
    -- The window's rows (tombstones included) when it was recorded: a row deleted by hand since
    -- leaves no write behind, only a smaller count.
    "row_count" bigint NOT NULL,
    "run_id" bigint,
    PRIMARY KEY ("account_id", "object", "created_gte")
);
COMMENT ON TABLE "_verified_windows" IS 'Created windows whose listing matched the table, and when: a later verify lists them again only after a write in them.';


-- The created time of a row of storage table p_storage, as an SQL expression over "t": its
-- stored created column, or for tables without one (invoice items, whose objects carried only
-- "date" in older API versions; features) the payload's created, else its date.
CREATE FUNCTION "_verify_created"(p_storage text)
RETURNS text
LANGUAGE sql
STABLE
SET search_path FROM CURRENT
AS $fn$
    SELECT CASE
        WHEN EXISTS (SELECT 1 FROM pg_attribute a
                     WHERE a.attrelid = to_regclass(quote_ident(p_storage))
                       AND a.attname = 'created' AND a.attnum > 0 AND NOT a.attisdropped)
        THEN 't.created'
        ELSE $e$(CASE jsonb_typeof(coalesce(t._raw_data->'created', t._raw_data->'date'))
                 WHEN 'number' THEN to_timestamp(
                     (coalesce(t._raw_data->'created', t._raw_data->'date'))::text::double precision)
                 END)$e$
    END;
$fn$;


-- Per event of a page: applied (recorded in _processed_events, as applied or skipped), superseded
-- (the row of its object holds a state at least as new: a later listing or event, or exactly
-- this payload), or missing. p_events: [{id, table, object_id, action, created (Unix s),
-- object}]; table is null for events whose object is not mirrored (those are applied once
-- recorded, or missing).
CREATE FUNCTION "_verify_events"(p_events jsonb)
RETURNS TABLE (event_id text, status text)
LANGUAGE plpgsql
STABLE
SET search_path FROM CURRENT
AS $fn$
DECLARE
    r record;
    v_done text[];
    v_superseded text[] := '{}';
    v_found text[];
BEGIN
    v_done := ARRAY(SELECT pe.id FROM "_processed_events" pe
                    WHERE pe.id IN (SELECT e->>'id' FROM jsonb_array_elements(p_events) e));
    FOR r IN
        SELECT e->>'table' AS tbl, jsonb_agg(e) AS events
        FROM jsonb_array_elements(p_events) e
        WHERE e->>'table' IS NOT NULL AND NOT ((e->>'id') = ANY (v_done))
          AND e->>'action' IN ('upsert', 'delete')
        GROUP BY 1 ORDER BY 1
    LOOP
        -- Same second as the row's version: only an identical payload proves it (the write
        -- path's tie rule would re-fetch).
        EXECUTE format($q$
            SELECT coalesce(array_agg(x.e->>'id'), '{}')
            FROM jsonb_array_elements($1) x(e)
            JOIN %I t ON t.id = x.e->>'object_id'
            WHERE CASE WHEN x.e->>'action' = 'delete' THEN t.deleted
                       ELSE t.deleted
                            OR date_trunc('second', t._version)
                               > to_timestamp((x.e->>'created')::bigint)
                            OR t._raw_data = x.e->'object' END
        $q$, '_raw_' || r.tbl) INTO v_found USING r.events;
        v_superseded := v_superseded || v_found;
    END LOOP;
    RETURN QUERY
    SELECT e->>'id',
           CASE WHEN (e->>'id') = ANY (v_done) THEN 'applied'
                WHEN (e->>'id') = ANY (v_superseded) THEN 'superseded'
                ELSE 'missing' END
    FROM jsonb_array_elements(p_events) e;
END
$fn$;
COMMENT ON FUNCTION "_verify_events"(jsonb) IS
'Per event of a page of Stripe''s Events API: applied, superseded (its object''s row holds a state at least as new) or missing.';


-- The drift in one listed page of p_table: ids listed but without a live row here (missing),
-- and rows whose state is older than the listed one (stale: different payload, and a version
-- from an earlier second than the listing's, the write path's rule for "newer"). p_version is
-- the database clock when the page was requested.
CREATE FUNCTION "_verify_page"(p_table text, p_account_id text, p_objects jsonb,
                               p_version timestamptz)
RETURNS TABLE (object_id text, drift text)
LANGUAGE plpgsql
STABLE
SET search_path FROM CURRENT
AS $fn$
BEGIN
    RETURN QUERY EXECUTE format($q$
        SELECT x.o->>'id',
               CASE WHEN t.id IS NULL OR t.deleted THEN 'missing' ELSE 'stale' END
        FROM jsonb_array_elements($1) x(o)
        LEFT JOIN %I t ON t.id = x.o->>'id' AND t._account_id = $2
        WHERE jsonb_typeof(x.o->'id') = 'string'
          AND (t.id IS NULL OR t.deleted
               OR (t._raw_data IS DISTINCT FROM x.o
                   AND (t._version IS NULL
                        OR date_trunc('second', t._version) < date_trunc('second', $3))))
    $q$, '_raw_' || p_table) USING p_objects, p_account_id, p_version;
END
$fn$;
COMMENT ON FUNCTION "_verify_page"(text, text, jsonb, timestamptz) IS
'Missing and stale rows of p_table for one page listed from Stripe at p_version.';


-- Rows of p_table alive here, created in [p_gte, p_lt), that the window's listing (p_ids) did not
-- return: deleted or gone in Stripe. The unbounded window (-infinity, infinity: objects listed
-- without a created filter) holds every row of the account.
CREATE FUNCTION "_verify_extra"(p_table text, p_account_id text, p_gte timestamptz,
                                p_lt timestamptz, p_ids text[])
RETURNS TABLE (object_id text)
LANGUAGE plpgsql
STABLE
SET search_path FROM CURRENT
AS $fn$
BEGIN
    RETURN QUERY EXECUTE format($q$
        SELECT t.id FROM %1$I t
        WHERE t._account_id = $1 AND NOT t.deleted
          AND ((%2$s >= $2 AND %2$s < $3)
               OR ($2 = '-infinity' AND $3 = 'infinity'))
          AND NOT (t.id = ANY ($4))
        ORDER BY t.id
    $q$, '_raw_' || p_table, "_verify_created"('_raw_' || p_table))
    USING p_account_id, p_gte, p_lt, p_ids;
END
$fn$;
COMMENT ON FUNCTION "_verify_extra"(text, text, timestamptz, timestamptz, text[]) IS
'Rows alive here in a created window that Stripe''s listing of the window did not return.';


-- Record a window whose listing matched (replacing an older record of it: the current month's
-- window grows), with its rows counted now.
CREATE FUNCTION "_verify_record_window"(p_table text, p_account_id text, p_object text,
                                        p_gte timestamptz, p_lt timestamptz,
                                        p_verified_at timestamptz, p_run_id bigint)
RETURNS void
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
DECLARE
    v_rows bigint;
BEGIN
    EXECUTE format($q$
        SELECT count(*) FROM %1$I t
        WHERE t._account_id = $1
          AND ((%2$s >= $2 AND %2$s < $3) OR $2 = '-infinity')
    $q$, '_raw_' || p_table, "_verify_created"('_raw_' || p_table))
    INTO v_rows USING p_account_id, p_gte, p_lt;
    INSERT INTO "_verified_windows" (account_id, object, created_gte, created_lt, verified_at,
                                     row_count, run_id)
    VALUES (p_account_id, p_object, p_gte, p_lt, p_verified_at, v_rows, p_run_id)
    ON CONFLICT (account_id, object, created_gte) DO UPDATE SET
        created_lt = EXCLUDED.created_lt,
        verified_at = EXCLUDED.verified_at,
        row_count = EXCLUDED.row_count,
        run_id = EXCLUDED.run_id;
END
$fn$;
COMMENT ON FUNCTION "_verify_record_window"(text, text, text, timestamptz, timestamptz, timestamptz, bigint) IS
'Record a created window of an object whose listing matched the table, with its rows counted.';


-- The recorded windows of an object that need no listing: verified after p_fresh_after (events
-- prove what changed since then only while Stripe keeps them), without a row written since (a
-- row of the window whose _updated_at is newer than the verification) and with as many rows as
-- then (none deleted by hand).
CREATE FUNCTION "_verify_unchanged_windows"(p_table text, p_account_id text, p_object text,
                                            p_fresh_after timestamptz)
RETURNS TABLE (created_gte timestamptz, created_lt timestamptz, verified_at timestamptz)
LANGUAGE plpgsql
STABLE
SET search_path FROM CURRENT
AS $fn$
BEGIN
    RETURN QUERY EXECUTE format($q$
        SELECT w.created_gte, w.created_lt, w.verified_at
        FROM "_verified_windows" w
        WHERE w.account_id = $1 AND w.object = $2 AND w.verified_at > $3
          AND (SELECT count(*) = w.row_count
                      AND coalesce(max(t._updated_at) <= w.verified_at, true)
               FROM %1$I t
               WHERE t._account_id = $1
                 AND ((%2$s >= w.created_gte AND %2$s < w.created_lt)
                      OR w.created_gte = '-infinity'))
        ORDER BY w.created_gte
    $q$, '_raw_' || p_table, "_verify_created"('_raw_' || p_table))
    USING p_account_id, p_object, p_fresh_after;
END
$fn$;
COMMENT ON FUNCTION "_verify_unchanged_windows"(text, text, text, timestamptz) IS
'Recorded verified windows of an object with no write since their verification.';


CREATE VIEW "verify_runs" AS
SELECT r."id" AS "run_id", r."account_id", r."started_at", r."finished_at", r."status",
       r."since", r."until", r."repair", x."check_type", x."object", x."checked", x."missing",
       x."extra", x."stale", x."repaired", x."remaining", x."windows_listed", x."windows_skipped",
       x."sample", x."note", x."error", r."error_message"
FROM "_verify_runs" r
LEFT JOIN "_verify_results" x ON x."run_id" = r."id";
COMMENT ON VIEW "verify_runs" IS 'Verify runs, one row per check and object: compared, missing, extra, stale, repaired and remaining (drift after the run).';


-- Account management (0010, 0017) deletes an account's verify records with its data.
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
        ('_verified_windows', 'account_id', 'equals', 11),
        ('_verify_results', 'account_id', 'equals', 11),
        ('_verify_runs', 'account_id', 'equals', 12),
        ('accounts', 'id', 'equals', 13)
    ) AS m(t, col, match, ord)
    WHERE to_regclass(quote_ident(m.t)) IS NOT NULL
    ORDER BY 4, 1;
$fn$;
