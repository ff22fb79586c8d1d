-- Statements of the Supabase deployment (stripe_sync/supabase/installer.py). They are sent as SQL
-- text to the Management API's query endpoint (stripe_sync.migrations.script renders the
-- parameters as literals), so each is self-contained.

-- name: supabase_install_tables
-- The deployment's own tables, next to the synced ones; idempotent. The function secret and the
-- webhook signing secrets are readable only by the owner (anon and authenticated are revoked in
-- supabase_install_worker, which always follows).
CREATE TABLE IF NOT EXISTS {schema}."_supabase_installation" (
    "singleton" boolean PRIMARY KEY DEFAULT true CHECK ("singleton"),
    "version" text NOT NULL,
    "state" text NOT NULL CHECK ("state" IN ('installing', 'installed', 'error')),
    -- step name -> when it last completed
    "steps" jsonb NOT NULL DEFAULT '{{}}',
    -- function slug -> sha256 of the files deployed
    "functions" jsonb NOT NULL DEFAULT '{{}}',
    "worker_interval" integer NOT NULL,
    "project_url" text NOT NULL,
    "webhook_id" text,
    -- Extensions this deployment created (uninstall drops pg_cron only if it made it and no
    -- other job is left; pg_net is never dropped).
    "created_extensions" text[] NOT NULL DEFAULT '{{}}',
    "error" text,
    "started_at" timestamptz NOT NULL DEFAULT now(),
    "installed_at" timestamptz,
    "updated_at" timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE {schema}."_supabase_installation" IS 'The Supabase deployment of stripe-sync: version, state and steps of its install (stripe-sync supabase status).';
CREATE TABLE IF NOT EXISTS {schema}."_supabase_secret" (
    "singleton" boolean PRIMARY KEY DEFAULT true CHECK ("singleton"),
    "secret" text NOT NULL
);
COMMENT ON TABLE {schema}."_supabase_secret" IS 'The secret the worker and setup functions require; known to the installer and pg_cron only.';
REVOKE ALL ON {schema}."_supabase_secret", {schema}."_managed_webhooks" FROM PUBLIC;

-- name: supabase_install_worker
-- pg_cron schedules the worker and pg_net calls it (both ship with Supabase).
CREATE EXTENSION IF NOT EXISTS pg_cron;
CREATE EXTENSION IF NOT EXISTS pg_net;
CREATE OR REPLACE FUNCTION {schema}."_supabase_invoke_worker"() RETURNS bigint
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog
AS $fn$
    SELECT net.http_post(
        url := i.project_url || '/functions/v1/stripe-worker',
        body := '{{}}'::jsonb,
        headers := jsonb_build_object('Content-Type', 'application/json',
                                      'Authorization', 'Bearer ' || s.secret),
        timeout_milliseconds := 5000)
    FROM {schema}."_supabase_installation" i CROSS JOIN {schema}."_supabase_secret" s;
$fn$;
REVOKE ALL ON FUNCTION {schema}."_supabase_invoke_worker"() FROM PUBLIC;
DO $do$
DECLARE
    v_role text;
BEGIN
    FOREACH v_role IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_role) THEN
            EXECUTE format('REVOKE ALL ON %%s, %%s FROM %%I', '{schema}."_supabase_secret"',
                           '{schema}."_managed_webhooks"', v_role);
            EXECUTE format('REVOKE ALL ON FUNCTION %%s FROM %%I',
                           '{schema}."_supabase_invoke_worker"()', v_role);
        END IF;
    END LOOP;
END
$do$;

-- name: supabase_extensions
-- Which of the extensions the deployment needs exist already (before it creates them).
SELECT coalesce(array_agg(extname::text ORDER BY extname), '{{}}') AS "installed"
FROM pg_extension WHERE extname IN ('pg_cron', 'pg_net');

-- name: supabase_start
-- Record an install attempt (a re-run keeps what earlier attempts completed).
INSERT INTO {schema}."_supabase_installation" AS i
    ("version", "state", "worker_interval", "project_url", "created_extensions")
VALUES (%s, 'installing', %s, %s, %s::text[])
ON CONFLICT ("singleton") DO UPDATE SET
    "version" = excluded."version",
    "state" = CASE WHEN i."state" = 'installed' AND i."version" = excluded."version"
                        AND i."worker_interval" = excluded."worker_interval"
                        AND i."project_url" = excluded."project_url"
                   THEN 'installed' ELSE 'installing' END,
    "worker_interval" = excluded."worker_interval",
    "project_url" = excluded."project_url",
    "created_extensions" = ARRAY(SELECT DISTINCT unnest(i."created_extensions" || excluded."created_extensions")),
    "updated_at" = now()
RETURNING "state", "steps", "functions";

-- name: supabase_function_secret
-- The function secret: the stored one, or this new one when there is none.
WITH made AS (
    INSERT INTO {schema}."_supabase_secret" ("secret") VALUES (%s)
    ON CONFLICT ("singleton") DO NOTHING
    RETURNING "secret"
)
SELECT "secret" FROM made
UNION ALL
SELECT "secret" FROM {schema}."_supabase_secret" WHERE NOT EXISTS (SELECT 1 FROM made);

-- name: supabase_step_done
UPDATE {schema}."_supabase_installation" SET
    "steps" = "steps" || jsonb_build_object(%s::text, now()),
    "functions" = "functions" || %s::jsonb,
    "webhook_id" = coalesce(%s, "webhook_id"),
    "updated_at" = now()
RETURNING "state";

-- name: supabase_finish
UPDATE {schema}."_supabase_installation" SET
    "state" = 'installed', "error" = NULL, "updated_at" = now(),
    "installed_at" = CASE WHEN "state" = 'installed' THEN "installed_at" ELSE now() END
RETURNING "state";

-- name: supabase_failed
UPDATE {schema}."_supabase_installation" SET
    "state" = 'error', "error" = %s, "updated_at" = now()
RETURNING "state";

-- name: supabase_cron_job
-- The worker's schedule as pg_cron holds it (no row when it is not scheduled).
SELECT jobid, schedule, command, active FROM cron.job WHERE jobname = %s;

-- name: supabase_schedule
SELECT cron.schedule(%s, %s, %s) AS "jobid";

-- name: supabase_unschedule
SELECT cron.unschedule(jobid) AS "unscheduled" FROM cron.job WHERE jobname = %s;

-- name: supabase_installation
-- The install record for status (no secrets live in this table).
SELECT "version", "state", "steps", "functions", "worker_interval", "project_url", "webhook_id",
       "created_extensions", "error", "started_at", "installed_at", "updated_at"
FROM {schema}."_supabase_installation";

-- name: supabase_schema_state
-- What exists of an installation: the schema, the install record, the migrations applied, and
-- whether the schema is stripe-sync's (its own bookkeeping tables are there).
SELECT
    EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = %s) AS "schema",
    to_regclass(%s) IS NOT NULL AS "installation",
    to_regclass(%s) IS NOT NULL AS "migrations",
    to_regclass(%s) IS NOT NULL AS "ours";

-- name: supabase_recent_runs
SELECT run_id, account_id, status, started_at, closed_at, total_processed, error_message
FROM {schema}."sync_runs" ORDER BY started_at DESC, run_id DESC LIMIT 5;

-- name: supabase_managed_webhooks
-- The endpoints the deployment's setup function manages (no secrets).
SELECT id, url, status FROM {schema}."_managed_webhooks"
WHERE url LIKE '%%/functions/v1/stripe-webhook' ORDER BY created_at;

-- name: supabase_remove
-- Uninstall without --drop-data: the deployment's own objects go, the synced data stays.
DROP FUNCTION IF EXISTS {schema}."_supabase_invoke_worker"();
DROP TABLE IF EXISTS {schema}."_supabase_secret";
DROP TABLE IF EXISTS {schema}."_supabase_installation";

-- name: supabase_drop_schema
DROP SCHEMA IF EXISTS {schema} CASCADE;

-- name: supabase_drop_extension_cron
-- Only when this deployment created pg_cron and no other job uses it.
DO $do$
BEGIN
    IF to_regclass('cron.job') IS NOT NULL THEN
        IF NOT EXISTS (SELECT 1 FROM cron.job) THEN
            DROP EXTENSION pg_cron;
        END IF;
    END IF;
END
$do$;

-- name: supabase_read_secret
SELECT "secret" FROM {schema}."_supabase_secret";
