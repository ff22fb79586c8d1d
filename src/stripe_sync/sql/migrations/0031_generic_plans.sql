-- The write path's statements run on generic plans (issue 14).
--
-- PL/pgSQL caches each statement's plan per connection, but with parameters PostgreSQL's default
-- (plan_cache_mode = auto) plans each call again ("custom plans") whenever the generic plan's
-- estimated cost is higher, which for statements over unnested arrays it always is. A profile of
-- bench/webhooks.py at 64 in flight (perf, with call graphs) showed a quarter of the backends' CPU
-- in BuildCachedPlan under _apply_changes. The statements' best plans do not depend on the
-- values: ids through the primary key, parents through their index, arrays unnested. So the
-- entry points of the write path plan once per connection; the setting holds for the functions
-- they call (_write_batch, _write_<table>, _tombstone_<table>, the change feed's trigger), and
-- for the tables that later migrations add, whose writers are reached only through them.
-- Catalogue-only: no table is touched.

ALTER FUNCTION "_apply_changes"(jsonb) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION "_backfill_page_write"(bigint, text, interval, text, text, jsonb, timestamptz,
                                      jsonb, text, timestamptz, boolean, integer, text, text,
                                      text[])
    SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION "_write_objects"(text, text, jsonb, timestamptz, text, boolean, text, text, boolean)
    SET plan_cache_mode = force_generic_plan;
