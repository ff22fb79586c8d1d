-- Payloads without lz4 are stored uncompressed, in the row (issue 14).
--
-- Where the server has lz4 (PostgreSQL 14+ built with it: Debian's and PGDG's packages,
-- Supabase), the baseline compresses _raw_data with it, which costs little. Where it has not
-- (the embedded server of `pip install`), PostgreSQL's only method is pglz, and a profile of the
-- write path under perf put pglz_compress alone at 13 % of the backends' CPU in a backfill of
-- invoices, subscriptions, charges and payment intents (bench/backfill.py --scenario heavy), 7 %
-- at 64 webhooks in flight. There, a row now keeps its payload in the row, uncompressed, up to
-- a page (toast_tuple_target = the page size less 32 bytes, 8160 on the usual 8 kB pages;
-- larger payloads are still compressed with pglz and moved out of line, as before). Measured in
-- that backfill against 0031 alone, two interleaved pairs: PostgreSQL CPU per object 0.270 and
-- 0.292 ms against 0.345 and 0.343. The price is disk (those objects' payloads take 2.2x the
-- space of pglz's) and fewer HOT updates (a page holds one such row).
--
-- Only what differs is changed: on a server with lz4 every column already is lz4 (the
-- baseline), and SET COMPRESSION would take an ACCESS EXCLUSIVE lock on every table for nothing
-- (found by review). The reloption takes a SHARE UPDATE EXCLUSIVE lock and rewrites nothing:
-- rows written before keep their form until written again. _history_payloads (history mode)
-- keeps pglz there: its payloads are written once each and kept, so disk matters more.
-- Tables made later get the rule from _create_change_triggers, the last step of
-- _create_writers, which every object table goes through.
-- Unqualified names: the migration runner sets search_path to the sync schema.

CREATE FUNCTION "_set_payload_storage"(p_table text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path FROM CURRENT
AS $function$
DECLARE
    v_storage regclass := format('%I', '_raw_' || p_table)::regclass;
    v_target text := (current_setting('block_size')::integer - 32)::text;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings
               WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        IF EXISTS (SELECT 1 FROM pg_attribute a
                   WHERE a.attrelid = v_storage AND a.attname = '_raw_data'
                     AND a.attcompression IS DISTINCT FROM 'l') THEN
            EXECUTE format('ALTER TABLE %s ALTER COLUMN _raw_data SET COMPRESSION lz4',
                           v_storage);
        END IF;
        IF EXISTS (SELECT 1 FROM pg_class c, unnest(c.reloptions) o
                   WHERE c.oid = v_storage AND o LIKE 'toast\_tuple\_target=%') THEN
            -- A database moved here from a server without lz4.
            EXECUTE format('ALTER TABLE %s RESET (toast_tuple_target)', v_storage);
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM pg_class c, unnest(c.reloptions) o
                      WHERE c.oid = v_storage AND o = 'toast_tuple_target=' || v_target) THEN
        EXECUTE format('ALTER TABLE %s SET (toast_tuple_target = %s)', v_storage, v_target);
    END IF;
END
$function$;
COMMENT ON FUNCTION "_set_payload_storage"(p_table text) IS
'How one object table stores _raw_data: lz4 where the server has it, else uncompressed in the row up to a page (toast_tuple_target), since pglz costs more CPU than the rest of a write. Changes only what differs.';

-- The last step of _create_writers, _create_change_triggers, also sets the table's payload
-- storage (rewritten from its catalog text, see migrations.py).
DO $migration$
DECLARE
    v_def text := pg_get_functiondef('"_create_change_triggers"(text)'::regprocedure);
    v_old text := $old$'EXECUTE FUNCTION "_change_feed_capture"()', '_raw_' || p_table);
END$old$;
BEGIN
    IF position(v_old IN v_def) = 0 THEN
        RAISE EXCEPTION '0032: _create_change_triggers changed, update this migration';
    END IF;
    EXECUTE replace(v_def, v_old, $new$'EXECUTE FUNCTION "_change_feed_capture"()', '_raw_' || p_table);
    PERFORM "_set_payload_storage"(p_table);
END$new$);
END
$migration$;
COMMENT ON FUNCTION "_create_change_triggers"(p_table text) IS
'Create the change feed''s triggers on the storage table of one object table, and set how it stores payloads (_set_payload_storage); the last step of _create_writers.';

SELECT "_set_payload_storage"(t.table_name)
FROM (SELECT DISTINCT table_name FROM "_typed_columns") t
ORDER BY t.table_name;
