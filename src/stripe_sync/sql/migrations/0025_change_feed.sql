-- The change feed (issue 20, part 1): every row the write path changes in an object or child
-- table (insert, update, tombstone) is appended, in the same transaction, to "_change_feed",
-- which consumers read in order from a position of their own (stripe_sync/change_feed.py).
--
-- Capture. Two statement-level AFTER triggers per storage table "_raw_<table>" (INSERT and
-- UPDATE, each with its transition table of new rows) append one row per changed row with one
-- INSERT ... SELECT per statement: the write functions are unchanged, every path that writes
-- (events, backfill pages, fetched objects, child lists, tombstones) is covered, and so is a
-- table a later migration adds (_create_writers makes its triggers, see the end of this file).
--
-- Positions, and why nothing can appear behind a delivered one. A sequence number is taken at
-- insert, not at commit: a transaction that took 10 may commit after one that took 11, and a
-- reader already at 11 would miss 10 for ever. So a change's position is
--     (the 64-bit id of its transaction) * 2^20 + (its rank among that transaction's changes)
-- and a reader delivers only positions below
--     pg_snapshot_xmin(pg_current_snapshot()) * 2^20  (_change_feed_horizon()),
-- i.e. only changes of transactions older than every transaction still running. Every such
-- transaction has ended (committed: its rows are visible to the reader's snapshot; rolled
-- back: it has none), and any change written later belongs to a transaction whose id is at
-- least that xmin, so its position is above everything delivered. Ordered by position, the
-- delivered changes are a prefix that only grows. The price: a transaction that stays open
-- (anywhere on the server, since transaction ids are server-wide) holds delivery back until
-- it ends; nothing is lost. A transaction may write at most 2^20 (1,048,576) rows of object
-- tables (the write path writes a few hundred per transaction); 2^20 times a 64-bit
-- transaction id stays within a bigint for 2^43 transactions.
--
-- Wake-up: the triggers send the NOTIFY that read-after-write uses (0022: the schema's
-- channel, the table's name as payload, only while a listener is registered), which
-- PostgreSQL delivers once per transaction and payload, at the commit.
--
-- Retention: _change_feed_prune deletes the oldest changes (in position order) older than the
-- retention, and records in _change_feed_state.pruned_through the highest position deleted: a
-- reader behind it gets an error, never a silent gap. Turning the feed off and on again
-- records the same kind of gap.
-- Unqualified names: the migration runner sets search_path to the sync schema.

CREATE TABLE "_change_feed" (
    "position" bigint PRIMARY KEY,
    "account_id" text NOT NULL,
    "table_name" text NOT NULL,
    "object_id" text NOT NULL,
    "operation" text NOT NULL CHECK ("operation" IN ('insert', 'update', 'delete')),
    "version" timestamptz,
    "changed_at" timestamptz NOT NULL
);
COMMENT ON TABLE "_change_feed" IS 'The change feed: one row per row written in an object or child table, in the writing transaction. Read it in position order below _change_feed_horizon() (stripe-sync changes, sync.changes()).';
COMMENT ON COLUMN "_change_feed"."position" IS 'The writing transaction''s id * 2^20 + the change''s rank in it: deliver only below _change_feed_horizon().';
COMMENT ON COLUMN "_change_feed"."table_name" IS 'The object table (view) name, e.g. customers, subscription_items.';
COMMENT ON COLUMN "_change_feed"."operation" IS 'insert (a new row), update, delete (the row is now a tombstone).';
COMMENT ON COLUMN "_change_feed"."version" IS 'The row''s _version after the change.';
COMMENT ON COLUMN "_change_feed"."changed_at" IS 'The database clock when the statement wrote it.';

CREATE TABLE "_change_feed_state" (
    "singleton" boolean PRIMARY KEY DEFAULT true CHECK ("singleton"),
    "enabled" boolean NOT NULL DEFAULT true,
    "pruned_through" bigint NOT NULL DEFAULT 0,
    "pruned_at" timestamptz,
    "updated_at" timestamptz NOT NULL DEFAULT now()
);
INSERT INTO "_change_feed_state" DEFAULT VALUES;
COMMENT ON TABLE "_change_feed_state" IS 'The change feed''s switch (enabled) and the highest position deleted (pruned_through: by retention, or skipped while the feed was off).';

CREATE TABLE "_change_feed_consumers" (
    "name" text PRIMARY KEY CHECK ("name" <> ''),
    "position" bigint NOT NULL,
    "updated_at" timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE "_change_feed_consumers" IS 'Named consumers of the change feed and the position of the last change each has processed.';


-- Positions below this are final: their transactions have ended (see the top of this file).
CREATE FUNCTION "_change_feed_horizon"() RETURNS bigint
LANGUAGE sql STABLE
AS $fn$ SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint * 1048576 $fn$;


-- The trigger function of every storage table (new_rows: the statement's transition table).
CREATE FUNCTION "_change_feed_capture"() RETURNS trigger
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
DECLARE
    v_base bigint;
    v_next bigint;
    v_count bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM new_rows)
       OR NOT (SELECT s.enabled FROM "_change_feed_state" s) THEN
        RETURN NULL;
    END IF;
    -- The next rank in this transaction: the positions of its changes so far are its own
    -- range, which no other transaction writes in (one index probe).
    v_base := pg_current_xact_id()::text::bigint * 1048576;
    SELECT coalesce(max(f.position) + 1, v_base) INTO v_next
    FROM "_change_feed" f
    WHERE f.position >= v_base AND f.position < v_base + 1048576;
    INSERT INTO "_change_feed" (position, account_id, table_name, object_id, operation, version,
                                changed_at)
    SELECT v_next + n.k - 1, n._account_id, substr(TG_TABLE_NAME, 6), n.id,
           CASE WHEN n.deleted THEN 'delete'
                WHEN TG_OP = 'INSERT' THEN 'insert'
                ELSE 'update' END,
           n._version, clock_timestamp()
    FROM (SELECT r.*, row_number() OVER () AS k FROM new_rows r) n;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    IF v_next + v_count > v_base + 1048576 THEN
        RAISE EXCEPTION 'the change feed orders at most 1048576 changes per transaction; '
                        'write in smaller transactions or turn the feed off';
    END IF;
    -- As _write_batch does (0022): tell the listeners, if any, at the commit.
    PERFORM pg_advisory_xact_lock_shared("_written_lock_key"());
    IF EXISTS (SELECT 1 FROM "_write_listeners") THEN
        PERFORM pg_notify("_written_channel"(), substr(TG_TABLE_NAME, 6));
    END IF;
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION "_change_feed_capture"() IS
'Statement trigger of every object table: append its changed rows to _change_feed (see 0025).';


CREATE FUNCTION "_create_change_triggers"(p_table text) RETURNS void
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
BEGIN
    EXECUTE format('CREATE OR REPLACE TRIGGER "_change_feed_insert" AFTER INSERT ON %I '
                   'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT '
                   'EXECUTE FUNCTION "_change_feed_capture"()', '_raw_' || p_table);
    EXECUTE format('CREATE OR REPLACE TRIGGER "_change_feed_update" AFTER UPDATE ON %I '
                   'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT '
                   'EXECUTE FUNCTION "_change_feed_capture"()', '_raw_' || p_table);
END
$fn$;
COMMENT ON FUNCTION "_create_change_triggers"(text) IS
'Create the change feed''s triggers on the storage table of one object table.';

SELECT "_create_change_triggers"(t.table_name)
FROM (SELECT DISTINCT c.table_name FROM "_typed_columns" c) t
WHERE to_regproc(quote_ident('_write_' || t.table_name)) IS NOT NULL
  AND to_regclass(quote_ident('_raw_' || t.table_name)) IS NOT NULL
ORDER BY t.table_name;


-- A table made later (by a migration that calls _create_writers) gets its triggers too:
-- _create_writers is rewritten from its own text, with one call added at its end.
DO $migration$
DECLARE
    v_fn regprocedure := '"_create_writers"(text, text)'::regprocedure;
    v_def text := pg_get_functiondef('"_create_writers"(text, text)'::regprocedure);
    v_old text := E'    END IF;\nEND\n$function$';
BEGIN
    IF position(v_old IN v_def) = 0 THEN
        RAISE EXCEPTION '0025: % does not end as expected', v_fn;
    END IF;
    EXECUTE replace(v_def, v_old,
                    E'    END IF;\n    PERFORM "_create_change_triggers"(p_table);\nEND\n$function$');
END
$migration$;


-- Delete the oldest changes older than p_retention, at most p_batch of them, in position order
-- and only below the horizon; stop at the first change still kept, so that what is left is
-- every change after pruned_through. Returns how many were deleted and the new pruned_through.
CREATE FUNCTION "_change_feed_prune"(p_retention interval, p_batch integer DEFAULT 10000)
RETURNS TABLE (deleted bigint, pruned_through bigint)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
DECLARE
    v_horizon bigint := "_change_feed_horizon"();
    v_upto bigint;
    v_max bigint;
    n bigint;
BEGIN
    IF p_retention IS NULL OR p_retention <= interval '0' THEN
        RAISE EXCEPTION '_change_feed_prune: the retention must be positive';
    END IF;
    -- One pruner at a time (a second waits, then finds less to do).
    PERFORM 1 FROM "_change_feed_state" s FOR UPDATE;
    SELECT coalesce(min(h.position) FILTER (WHERE h.changed_at >= now() - p_retention),
                    max(h.position) + 1)
    INTO v_upto
    FROM (SELECT f.position, f.changed_at FROM "_change_feed" f
          WHERE f.position < v_horizon ORDER BY f.position LIMIT p_batch) h;
    WITH d AS (
        DELETE FROM "_change_feed" f WHERE f.position < v_upto RETURNING f.position
    )
    SELECT count(*), max(d.position) INTO n, v_max FROM d;
    IF n > 0 THEN
        UPDATE "_change_feed_state" s
        SET pruned_through = greatest(s.pruned_through, v_max), pruned_at = now(),
            updated_at = now();
    END IF;
    RETURN QUERY SELECT n, s.pruned_through FROM "_change_feed_state" s;
END
$fn$;
COMMENT ON FUNCTION "_change_feed_prune"(interval, integer) IS
'Delete up to p_batch of the oldest changes older than p_retention (in position order, below the horizon) and record the highest position deleted in _change_feed_state.pruned_through.';


-- Turn the feed on or off. Changes written while it was off are not in the feed: turning it on
-- again records them as a gap (pruned_through moves past every transaction begun so far), so a
-- consumer from before gets an error rather than missing them silently.
CREATE FUNCTION "_change_feed_set_enabled"(p_enabled boolean) RETURNS void
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
BEGIN
    UPDATE "_change_feed_state" s
    SET enabled = p_enabled,
        pruned_through = CASE
            WHEN p_enabled AND NOT s.enabled
            THEN greatest(s.pruned_through,
                          pg_snapshot_xmax(pg_current_snapshot())::text::bigint * 1048576 - 1)
            ELSE s.pruned_through END,
        updated_at = now()
    WHERE s.enabled IS DISTINCT FROM p_enabled;
END
$fn$;
COMMENT ON FUNCTION "_change_feed_set_enabled"(boolean) IS
'Turn the change feed on or off; turning it on again records the changes missed meanwhile as pruned.';


-- Deleting an account's data deletes its changes too (0010's list, rewritten from its text).
DO $migration$
DECLARE
    v_def text := pg_get_functiondef('"_account_tables"()'::regprocedure);
    v_old text := $$('_processed_events', 'account_id', 'equals', 5),$$;
BEGIN
    IF position(v_old IN v_def) = 0 THEN
        RAISE EXCEPTION '0025: _account_tables does not list _processed_events as expected';
    END IF;
    EXECUTE replace(v_def, v_old,
                    v_old || E'\n        (''_change_feed'', ''account_id'', ''equals'', 5),');
END
$migration$;
