-- Metadata: accounts, managed webhooks, sync runs and their windows, and the views people read.
-- Unqualified names: the runner sets search_path to the configured schema.

CREATE TABLE "accounts" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    -- sha256 of each API key seen for this account, so the account is known without a call.
    "api_key_hashes" text[] NOT NULL DEFAULT '{}',
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "business_name" text GENERATED ALWAYS AS (
        COALESCE("_raw_data"->'business_profile'->>'name', "_raw_data"->'settings'->'dashboard'->>'display_name')
    ) STORED,
    "email" text GENERATED ALWAYS AS ("_raw_data"->>'email') STORED,
    "country" text GENERATED ALWAYS AS ("_raw_data"->>'country') STORED,
    "default_currency" text GENERATED ALWAYS AS ("_raw_data"->>'default_currency') STORED,
    "type" text GENERATED ALWAYS AS ("_raw_data"->>'type') STORED,
    "charges_enabled" boolean GENERATED ALWAYS AS (
        CASE jsonb_typeof("_raw_data"->'charges_enabled') WHEN 'boolean' THEN ("_raw_data"->'charges_enabled')::boolean END
    ) STORED,
    "payouts_enabled" boolean GENERATED ALWAYS AS (
        CASE jsonb_typeof("_raw_data"->'payouts_enabled') WHEN 'boolean' THEN ("_raw_data"->'payouts_enabled')::boolean END
    ) STORED,
    "created" timestamptz GENERATED ALWAYS AS (
        CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN to_timestamp(("_raw_data"->'created')::double precision) END
    ) STORED
);
COMMENT ON TABLE "accounts" IS 'Stripe accounts whose data is synced here (the key''s own account and connected accounts).';
CREATE INDEX "accounts_api_key_hashes_idx" ON "accounts" USING gin ("api_key_hashes");

CREATE TABLE "_managed_webhooks" (
    "id" text PRIMARY KEY,                 -- we_...
    "url" text NOT NULL,
    "account_id" text NOT NULL,
    -- The endpoint's signing secret: needed to verify incoming webhooks. Never logged.
    "secret" text NOT NULL,
    "enabled_events" text[] NOT NULL,
    "status" text NOT NULL DEFAULT 'enabled',
    "api_version" text,
    "description" text,
    "metadata" jsonb NOT NULL DEFAULT '{}',
    -- Identifies the installation that created the endpoint; orphan clean-up only ever
    -- removes endpoints carrying this installation's id.
    "installation_id" text,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "_managed_webhooks_url_account_key" UNIQUE ("url", "account_id")
);
COMMENT ON TABLE "_managed_webhooks" IS 'Webhook endpoints that stripe-sync created in Stripe and keeps.';

CREATE TABLE "_sync_runs" (
    "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "account_id" text NOT NULL,
    "started_at" timestamptz NOT NULL DEFAULT now(),
    "closed_at" timestamptz,
    "status" text NOT NULL DEFAULT 'running'
        CHECK ("status" IN ('running', 'complete', 'error', 'cancelled')),
    "triggered_by" text,
    "objects" text[] NOT NULL DEFAULT '{}',
    "created_gte" timestamptz,
    "created_lte" timestamptz,
    "error_message" text,
    "updated_at" timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE "_sync_runs" IS 'One row per backfill run; see the sync_runs view.';
CREATE INDEX "_sync_runs_account_started_idx" ON "_sync_runs" ("account_id", "started_at" DESC);

CREATE TABLE "_sync_obj_runs" (
    "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "run_id" bigint NOT NULL REFERENCES "_sync_runs" ("id") ON DELETE CASCADE,
    "account_id" text NOT NULL,
    "object" text NOT NULL,
    -- The created window this row lists ([gte, lt)), null bounds mean open-ended; and the
    -- parent id for objects that Stripe lists per parent.
    "created_gte" timestamptz,
    "created_lt" timestamptz,
    "parent_id" text,
    "status" text NOT NULL DEFAULT 'pending'
        CHECK ("status" IN ('pending', 'running', 'complete', 'error')),
    -- Last object id of the last committed page: the resume point (starting_after).
    "cursor" text,
    "page_count" integer NOT NULL DEFAULT 0,
    "processed_count" bigint NOT NULL DEFAULT 0,
    "attempts" integer NOT NULL DEFAULT 0,
    "error_message" text,
    -- A claim is a lease: a worker that dies lets it expire and another picks the window up.
    "claimed_by" text,
    "claimed_until" timestamptz,
    "started_at" timestamptz,
    "completed_at" timestamptz,
    "updated_at" timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE "_sync_obj_runs" IS 'One row per object and created window of a backfill run; the unit of work and checkpoint.';
CREATE INDEX "_sync_obj_runs_run_idx" ON "_sync_obj_runs" ("run_id", "object");
CREATE INDEX "_sync_obj_runs_claimable_idx" ON "_sync_obj_runs" ("run_id", "claimed_until")
    WHERE "status" IN ('pending', 'running');

CREATE VIEW "sync_runs" AS
SELECT
    r."account_id",
    r."started_at",
    r."closed_at",
    r."status",
    COALESCE(sum(o."processed_count"), 0)::bigint AS "total_processed",
    count(*) FILTER (WHERE o."status" = 'complete') AS "complete_count",
    count(*) FILTER (WHERE o."status" = 'error') AS "error_count",
    count(*) FILTER (WHERE o."status" = 'running') AS "running_count",
    count(*) FILTER (WHERE o."status" = 'pending') AS "pending_count",
    r."id" AS "run_id",
    r."objects",
    r."error_message"
FROM "_sync_runs" r
LEFT JOIN "_sync_obj_runs" o ON o."run_id" = r."id"
GROUP BY r."id";
COMMENT ON VIEW "sync_runs" IS 'Backfill runs with counts of their windows by status.';

CREATE VIEW "sync_obj_progress" AS
SELECT
    o."account_id",
    o."run_id",
    o."object",
    CASE
        WHEN count(*) FILTER (WHERE o."status" IN ('pending', 'running')) > 0 THEN 'running'
        WHEN count(*) FILTER (WHERE o."status" = 'error') > 0 THEN 'error'
        ELSE 'complete'
    END AS "status",
    sum(o."processed_count")::bigint AS "processed_count",
    count(*) AS "window_count",
    count(*) FILTER (WHERE o."status" = 'complete') AS "complete_count",
    count(*) FILTER (WHERE o."status" = 'error') AS "error_count",
    count(*) FILTER (WHERE o."status" = 'running') AS "running_count",
    count(*) FILTER (WHERE o."status" = 'pending') AS "pending_count",
    round(100.0 * count(*) FILTER (WHERE o."status" = 'complete') / count(*), 1) AS "pct_windows_complete",
    min(o."started_at") AS "started_at",
    max(o."updated_at") AS "updated_at",
    (array_agg(o."error_message" ORDER BY o."updated_at" DESC)
        FILTER (WHERE o."error_message" IS NOT NULL))[1] AS "last_error"
FROM "_sync_obj_runs" o
GROUP BY o."account_id", o."run_id", o."object";
COMMENT ON VIEW "sync_obj_progress" IS 'Per run and object: windows by status, rows processed, last error.';
