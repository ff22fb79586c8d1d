-- Payloads without lz4 are stored uncompressed, in the row (issue 14).
--
-- Where the server has lz4 (PostgreSQL 14+ built with it: Debian's and PGDG's packages,
-- Supabase), the baseline compresses _raw_data with it, which costs little. Where it has not
-- (the embedded server of `pip install`), PostgreSQL's only method is pglz, and a profile of the
-- write path under perf put pglz_compress alone at 13 % of the backends' CPU in a backfill of
-- invoices, subscriptions, charges and payment intents (bench/backfill.py --scenario heavy), 7 %
-- at 64 webhooks in flight. There, a row now keeps its payload in the row, uncompressed, up to
-- a page (toast_tuple_target = 8160 bytes; larger payloads are still compressed and moved out
-- of line as before): PostgreSQL CPU per object -17 % in that backfill, about -10 % per
-- webhook event. The price is disk: those five objects' payloads take 2.2x the space of pglz's.
-- A reloption: no table is rewritten, rows written before keep their form until written again.
-- Unqualified names: the migration runner sets search_path to the sync schema.

CREATE FUNCTION "_set_payload_storage"(p_table text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path FROM CURRENT
AS $function$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings
               WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        EXECUTE format('ALTER TABLE %I ALTER COLUMN _raw_data SET COMPRESSION lz4',
                       '_raw_' || p_table);
    ELSE
        EXECUTE format('ALTER TABLE %I SET (toast_tuple_target = 8160)', '_raw_' || p_table);
    END IF;
END
$function$;
COMMENT ON FUNCTION "_set_payload_storage"(p_table text) IS
'How one object table stores _raw_data: lz4 where the server has it, else uncompressed in the row up to a page (toast_tuple_target = 8160), since pglz costs more CPU than the rest of a write.';

SELECT "_set_payload_storage"(t.table_name)
FROM (SELECT DISTINCT table_name FROM "_typed_columns") t
ORDER BY t.table_name;
