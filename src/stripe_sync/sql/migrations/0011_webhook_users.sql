-- Which running instances (stripe-sync start) use a managed webhook endpoint. Several instances
-- behind one public URL share one endpoint (a rolling deploy, replicas): the last one to stop
-- deletes it, and an instance that stops without saying so (killed) stops counting once its
-- heartbeat is older than the grace period. Unqualified names: the runner sets search_path.

CREATE TABLE "_managed_webhook_users" (
    "webhook_id" text NOT NULL REFERENCES "_managed_webhooks" ("id") ON DELETE CASCADE,
    -- The endpoint's account, so that deleting an account's data counts these rows too.
    "account_id" text NOT NULL,
    "instance" text NOT NULL,
    "seen_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("webhook_id", "instance")
);
COMMENT ON TABLE "_managed_webhook_users" IS 'Running instances using a managed webhook endpoint, with their last heartbeat.';

-- The tables holding an account's rows, this one included (before _managed_webhooks, whose
-- ON DELETE CASCADE would otherwise delete its rows uncounted).
CREATE OR REPLACE FUNCTION "_account_tables"()
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
        ('_managed_webhook_users', 'account_id', 'equals', 8),
        ('_managed_webhooks', 'account_id', 'equals', 9),
        ('_rate_limits', 'key', 'prefix', 10),
        ('accounts', 'id', 'equals', 11)
    ) AS m(t, col, match, ord)
    WHERE to_regclass(quote_ident(m.t)) IS NOT NULL
    ORDER BY 4, 1;
$fn$;
