-- Accounts: which accounts have data here, deleting one account's data, and the sync lag per
-- account and object as a view. Unqualified names: the runner sets search_path to the configured
-- schema, and the functions keep it (SET search_path FROM CURRENT), so current_schema() inside
-- them is the sync schema.

-- Every table of the schema that holds an account's rows, the column that names the account,
-- and how it names it: 'equals' (the column is the account id) or 'prefix' (the column starts
-- with '<account id>/': the rate-limit buckets). In deletion order: rows that reference others
-- first (_sync_obj_runs before _sync_runs, whose ON DELETE CASCADE would otherwise delete them
-- uncounted), the accounts row last.
--
-- Object tables are found in the catalog by the columns every one of them has (_account_id,
-- _raw_data, _version_source), so a table added to the registry later is covered without a new
-- migration; a user's own table in this schema is never one of them. Metadata tables are named
-- here: a migration that adds one with an account column must replace this function (a test
-- compares it with every table of the schema).
CREATE FUNCTION "_account_tables"()
RETURNS TABLE (table_name text, account_column text, match text, ord integer)
LANGUAGE sql
STABLE
SET search_path FROM CURRENT
AS $fn$
    SELECT c.relname::text, '_account_id', 'equals', 0
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r'
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
        ('_managed_webhooks', 'account_id', 'equals', 8),
        ('_rate_limits', 'key', 'prefix', 9),
        ('accounts', 'id', 'equals', 10)
    ) AS m(t, col, match, ord)
    -- A metadata table that a later release may drop does not break the others.
    WHERE to_regclass(quote_ident(m.t)) IS NOT NULL
    ORDER BY 4, 1;
$fn$;

COMMENT ON FUNCTION "_account_tables"() IS
'Every table holding an account''s rows, with the column naming the account (equals: the id; prefix: ''<id>/...''), in deletion order.';


-- Delete (or, with p_dry_run, count) every row of one account in every table of _account_tables,
-- in this one transaction; returns each table with its count (0 included). It takes the lock
-- that planning a backfill of the account takes, so no run is planned meanwhile; a backfill
-- worker still running loses its windows (its next page is answered 'lost' and not written).
-- Webhooks or an Events API poller of the account still delivering would write new rows after
-- it: stop those first. Webhook endpoints in Stripe are not deleted here (only their rows).
CREATE FUNCTION "_delete_account_data"(p_account_id text, p_dry_run boolean DEFAULT false)
RETURNS TABLE (table_name text, row_count bigint)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
DECLARE
    t record;
    v_where text;
    n bigint;
BEGIN
    IF p_account_id IS NULL OR p_account_id = '' THEN
        RAISE EXCEPTION '_delete_account_data: p_account_id is required';
    END IF;
    IF NOT p_dry_run THEN
        PERFORM pg_advisory_xact_lock(hashtext('stripe-sync backfill plan'), hashtext(p_account_id));
    END IF;
    FOR t IN SELECT * FROM "_account_tables"() a ORDER BY a.ord, a.table_name LOOP
        IF t.match = 'prefix' THEN
            -- starts_with, not LIKE: account ids contain '_', a LIKE wildcard.
            v_where := format('starts_with(%I, $1 || %L)', t.account_column, '/');
        ELSE
            v_where := format('%I = $1', t.account_column);
        END IF;
        IF p_dry_run THEN
            EXECUTE format('SELECT count(*) FROM %I WHERE %s', t.table_name, v_where)
                INTO n USING p_account_id;
        ELSE
            EXECUTE format('DELETE FROM %I WHERE %s', t.table_name, v_where) USING p_account_id;
            GET DIAGNOSTICS n = ROW_COUNT;
        END IF;
        table_name := t.table_name;
        row_count := n;
        RETURN NEXT;
    END LOOP;
END
$fn$;

COMMENT ON FUNCTION "_delete_account_data"(text, boolean) IS
'Delete every row of one account in every table that holds account data, in one transaction (p_dry_run: only count them); returns the count per table.';


-- Every account with a row in a table of _account_tables, once per such table. The object
-- tables are read by a loose index scan of their _account_id index (one probe per account, not a
-- scan of the table).
CREATE FUNCTION "_account_ids"()
RETURNS TABLE (account_id text, table_name text)
LANGUAGE plpgsql
STABLE
SET search_path FROM CURRENT
AS $fn$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM "_account_tables"() a ORDER BY a.ord, a.table_name LOOP
        IF t.match = 'prefix' THEN
            -- Buckets named by a scope of the caller's own that is not an account are not.
            RETURN QUERY EXECUTE format(
                'SELECT DISTINCT split_part(%1$I, %3$L, 1), %2$L::text FROM %2$I '
                'WHERE starts_with(%1$I, %4$L) AND strpos(%1$I, %3$L) > 0',
                t.account_column, t.table_name, '/', 'acct_');
        ELSE
            RETURN QUERY EXECUTE format($q$
                WITH RECURSIVE found AS (
                    (SELECT %1$I AS id FROM %2$I WHERE %1$I IS NOT NULL ORDER BY %1$I LIMIT 1)
                    UNION ALL
                    SELECT (SELECT %1$I FROM %2$I WHERE %1$I > f.id ORDER BY %1$I LIMIT 1)
                    FROM found f WHERE f.id IS NOT NULL
                )
                SELECT id, %2$L::text FROM found WHERE id IS NOT NULL
            $q$, t.account_column, t.table_name);
        END IF;
    END LOOP;
END
$fn$;

COMMENT ON FUNCTION "_account_ids"() IS
'Every account with rows in this schema, once per table it has rows in.';


-- The registry name (stripe_sync/resources.py, as in _sync_obj_runs.object) of a Stripe object
-- type (an event's data.object.object, as in _processed_events.object_type). A test checks it
-- against every row of the registry.
CREATE FUNCTION "_object_name"(p_object text)
RETURNS text
LANGUAGE sql
IMMUTABLE
AS $fn$
    SELECT CASE p_object
        WHEN 'radar.early_fraud_warning' THEN 'early_fraud_warning'
        WHEN 'invoiceitem' THEN 'invoice_item'
        WHEN 'entitlements.feature' THEN 'feature'
        WHEN 'entitlements.active_entitlement' THEN 'active_entitlement'
        WHEN 'line_item' THEN 'invoice_line_item'
        WHEN 'item' THEN 'checkout_session_line_item'
        ELSE replace(p_object, '.', '_')
    END;
$fn$;


CREATE VIEW "sync_lag" AS
WITH events AS (
    SELECT e."account_id", "_object_name"(e."object_type") AS "object",
           max(e."created") AS "last_event_created",
           max(e."processed_at") AS "last_event_processed_at"
    FROM "_processed_events" e
    WHERE e."object_type" IS NOT NULL
    GROUP BY 1, 2
),
run_objects AS (
    -- An object's part of a run is complete when all of its windows are, those carried into a
    -- later run included (they are not complete): that run completes them.
    SELECT w."account_id", w."object", w."run_id",
           bool_and(w."status" = 'complete') AS "complete",
           max(w."completed_at") AS "completed_at",
           bool_or(w."status" IN ('pending', 'running') AND w."superseded_by" IS NULL) AS "open"
    FROM "_sync_obj_runs" w
    GROUP BY 1, 2, 3
),
backfills AS (
    SELECT r."account_id", r."object",
           max(r."completed_at") FILTER (WHERE r."complete") AS "last_backfill_completed_at",
           bool_or(r."open") AS "backfill_running"
    FROM run_objects r
    GROUP BY 1, 2
),
failing AS (
    -- Failed windows not yet carried into a later run: the next run retries them.
    SELECT w."account_id", w."object", count(*) AS "failing_windows",
           (array_agg(w."error_message" ORDER BY w."updated_at" DESC))[1] AS "last_error"
    FROM "_sync_obj_runs" w
    WHERE w."status" = 'error' AND w."superseded_by" IS NULL
    GROUP BY 1, 2
),
keys AS (
    SELECT "account_id", "object" FROM events
    UNION
    SELECT "account_id", "object" FROM run_objects
    UNION
    SELECT "account_id", "object" FROM "_backfill_cursors"
)
SELECT
    k."account_id",
    k."object",
    e."last_event_created",
    e."last_event_processed_at",
    -- Seconds between now and the newest event applied: how far behind Stripe the object is
    -- when the account has a steady flow of events (a quiet account also shows a large value).
    extract(epoch FROM now() - e."last_event_created")::double precision AS "seconds_behind",
    b."last_backfill_completed_at",
    c."listed_until" AS "backfill_listed_until",
    coalesce(b."backfill_running", false) AS "backfill_running",
    coalesce(f."failing_windows", 0) AS "failing_windows",
    f."last_error"
FROM keys k
LEFT JOIN events e USING ("account_id", "object")
LEFT JOIN backfills b USING ("account_id", "object")
LEFT JOIN "_backfill_cursors" c USING ("account_id", "object")
LEFT JOIN failing f USING ("account_id", "object");
COMMENT ON VIEW "sync_lag" IS 'Per account and object: newest event applied and how long ago it was created, last complete backfill, failing backfill windows.';
