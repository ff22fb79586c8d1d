-- GENERATED FILE, do not edit: the schema 'stripe' of a migrated database, as the
-- catalog has it (regenerate: python scripts/dump_schema.py). The migrations are in
-- src/stripe_sync/sql/migrations; this is what they make.

-- ================================================================================================
-- Tables
-- ================================================================================================

CREATE TABLE _backfill_cursors (
    account_id text NOT NULL,
    object text NOT NULL,
    listed_until timestamp with time zone NOT NULL,
    run_id bigint,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    mode text DEFAULT 'unknown'::text NOT NULL,
    CONSTRAINT _backfill_cursors_mode_check CHECK ((mode = ANY (ARRAY['live'::text, 'test'::text, 'unknown'::text]))),
    CONSTRAINT _backfill_cursors_pkey PRIMARY KEY (account_id, mode, object)
);
COMMENT ON TABLE _backfill_cursors IS 'Per account, mode and object: how far the history has been planned for listing (incremental backfill).';
COMMENT ON COLUMN _backfill_cursors.mode IS 'The key''s mode (live or test; unknown for Sigma''s watermarks and a runtime that did not say).';

CREATE TABLE _change_feed (
    position bigint NOT NULL,
    account_id text NOT NULL,
    table_name text NOT NULL,
    object_id text NOT NULL,
    operation text NOT NULL,
    version timestamp with time zone,
    changed_at timestamp with time zone NOT NULL,
    CONSTRAINT _change_feed_operation_check CHECK ((operation = ANY (ARRAY['insert'::text, 'update'::text, 'delete'::text]))),
    CONSTRAINT _change_feed_pkey PRIMARY KEY ("position")
);
COMMENT ON TABLE _change_feed IS 'The change feed: one row per row written in an object or child table, in the writing transaction. Read it in position order below _change_feed_horizon() (stripe-sync changes, sync.changes()).';
COMMENT ON COLUMN _change_feed.position IS 'The writing transaction''s id * 2^20 + the change''s rank in it: deliver only below _change_feed_horizon().';
COMMENT ON COLUMN _change_feed.table_name IS 'The object table (view) name, e.g. customers, subscription_items.';
COMMENT ON COLUMN _change_feed.operation IS 'insert (a new row), update, delete (the row is now a tombstone).';
COMMENT ON COLUMN _change_feed.version IS 'The row''s _version after the change.';
COMMENT ON COLUMN _change_feed.changed_at IS 'The database clock when the statement wrote it.';

CREATE TABLE _change_feed_consumers (
    name text NOT NULL,
    position bigint NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _change_feed_consumers_name_check CHECK ((name <> ''::text)),
    CONSTRAINT _change_feed_consumers_pkey PRIMARY KEY (name)
);
COMMENT ON TABLE _change_feed_consumers IS 'Named consumers of the change feed and the position of the last change each has processed.';

CREATE TABLE _change_feed_state (
    singleton boolean DEFAULT true NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    pruned_through bigint DEFAULT 0 NOT NULL,
    pruned_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _change_feed_state_pkey PRIMARY KEY (singleton),
    CONSTRAINT _change_feed_state_singleton_check CHECK (singleton)
);
COMMENT ON TABLE _change_feed_state IS 'The change feed''s switch (enabled) and the highest position deleted (pruned_through: by retention, or skipped while the feed was off).';

CREATE TABLE _child_sets (
    table_name text NOT NULL,
    parent_id text NOT NULL,
    account_id text NOT NULL,
    version timestamp with time zone NOT NULL,
    version_source text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _child_sets_pkey PRIMARY KEY (table_name, parent_id),
    CONSTRAINT _child_sets_version_source_check CHECK ((version_source = ANY (ARRAY['event'::text, 'fetch'::text])))
);
COMMENT ON TABLE _child_sets IS 'Version of the last complete child set applied per parent (stale-set guard).';

CREATE TABLE _dead_letters (
    event_id text NOT NULL,
    account_id text,
    type text NOT NULL,
    created timestamp with time zone NOT NULL,
    payload jsonb NOT NULL,
    error_class text NOT NULL,
    error_message text NOT NULL,
    attempts integer DEFAULT 1 NOT NULL,
    first_failed_at timestamp with time zone DEFAULT now() NOT NULL,
    last_failed_at timestamp with time zone DEFAULT now() NOT NULL,
    resolved_at timestamp with time zone,
    CONSTRAINT _dead_letters_pkey PRIMARY KEY (event_id)
);
COMMENT ON TABLE _dead_letters IS 'Verified events that failed for a non-transient reason, with their payload and error, until applied again.';
CREATE INDEX _dead_letters_unresolved_idx ON stripe._dead_letters USING btree (created, event_id) WHERE (resolved_at IS NULL);

CREATE TABLE _discounts (
    id text NOT NULL,
    account_id text,
    subscription text,
    subscription_item text,
    payload jsonb NOT NULL,
    version timestamp with time zone NOT NULL,
    deleted_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _discounts_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _discounts IS 'Every discount object the write path was given (customer.discount.* events, expanded discounts of subscriptions and items): the metric views resolve a subscription''s discount ids here.';
CREATE INDEX _discounts_account_idx ON stripe._discounts USING btree (account_id);
CREATE INDEX _discounts_subscription_idx ON stripe._discounts USING btree (subscription);

CREATE TABLE _event_cursors (
    account_id text NOT NULL,
    last_event_id text,
    last_event_created timestamp with time zone NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    mode text DEFAULT 'unknown'::text NOT NULL,
    CONSTRAINT _event_cursors_mode_check CHECK ((mode = ANY (ARRAY['live'::text, 'test'::text, 'unknown'::text]))),
    CONSTRAINT _event_cursors_pkey PRIMARY KEY (account_id, mode)
);
COMMENT ON TABLE _event_cursors IS 'Per account and mode, the newest event applied by the Events API poller (its position in GET /v1/events).';
COMMENT ON COLUMN _event_cursors.mode IS 'The polling key''s mode: each mode has its own position in GET /v1/events.';

CREATE TABLE _history (
    table_name text NOT NULL,
    id text NOT NULL,
    deleted boolean NOT NULL,
    version timestamp with time zone NOT NULL,
    hash uuid NOT NULL,
    account_id text,
    parent_id text,
    source text NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _history_pkey PRIMARY KEY (table_name, id, deleted, version, hash)
);
COMMENT ON TABLE _history IS 'History mode: every version of the objects in _history_objects the write path was given, stale ones included; read it through the view history and the functions <table>_as_of.';
CREATE INDEX _history_account_idx ON stripe._history USING btree (account_id);

CREATE TABLE _history_objects (
    table_name text NOT NULL,
    since timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _history_objects_pkey PRIMARY KEY (table_name)
);
COMMENT ON TABLE _history_objects IS 'The object tables whose versions are kept in _history (history mode), since when.';

CREATE TABLE _history_payloads (
    hash uuid NOT NULL,
    account_id text,
    payload jsonb NOT NULL,
    CONSTRAINT _history_payloads_pkey PRIMARY KEY (hash)
);
COMMENT ON TABLE _history_payloads IS 'Each distinct payload of _history once, by the md5 of its text.';
CREATE INDEX _history_payloads_account_idx ON stripe._history_payloads USING btree (account_id);

CREATE TABLE _installation (
    singleton boolean DEFAULT true NOT NULL,
    id text DEFAULT (gen_random_uuid())::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _installation_pkey PRIMARY KEY (singleton),
    CONSTRAINT _installation_singleton_check CHECK (singleton)
);
COMMENT ON TABLE _installation IS 'One row: the id of this stripe-sync installation (marks the webhook endpoints it creates).';

CREATE TABLE _managed_webhook_users (
    webhook_id text NOT NULL,
    account_id text NOT NULL,
    instance text NOT NULL,
    seen_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _managed_webhook_users_pkey PRIMARY KEY (webhook_id, instance),
    CONSTRAINT _managed_webhook_users_webhook_id_fkey FOREIGN KEY (webhook_id) REFERENCES _managed_webhooks(id) ON DELETE CASCADE
);
COMMENT ON TABLE _managed_webhook_users IS 'Running instances using a managed webhook endpoint, with their last heartbeat.';

CREATE TABLE _managed_webhooks (
    id text NOT NULL,
    url text NOT NULL,
    account_id text NOT NULL,
    secret text NOT NULL,
    enabled_events text[] NOT NULL,
    status text DEFAULT 'enabled'::text NOT NULL,
    api_version text,
    description text,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    installation_id text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    mode text DEFAULT 'unknown'::text NOT NULL,
    CONSTRAINT _managed_webhooks_mode_check CHECK ((mode = ANY (ARRAY['live'::text, 'test'::text, 'unknown'::text]))),
    CONSTRAINT _managed_webhooks_pkey PRIMARY KEY (id),
    CONSTRAINT _managed_webhooks_url_account_mode_key UNIQUE (url, account_id, mode)
);
COMMENT ON TABLE _managed_webhooks IS 'Webhook endpoints that stripe-sync created in Stripe and keeps.';
COMMENT ON COLUMN _managed_webhooks.mode IS 'The endpoint''s mode (live or test; unknown for a runtime that did not say): a key keeps, changes and deletes only its own mode''s endpoints.';

CREATE TABLE _migrations (
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL,
    stripe_sync_version text NOT NULL,
    CONSTRAINT _migrations_pkey PRIMARY KEY (name)
);

CREATE TABLE _processed_events (
    id text NOT NULL,
    account_id text NOT NULL,
    type text NOT NULL,
    created timestamp with time zone NOT NULL,
    object_type text,
    object_id text,
    outcome text NOT NULL,
    processed_at timestamp with time zone DEFAULT now() NOT NULL,
    via text,
    CONSTRAINT _processed_events_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _processed_events IS 'Events already applied, by id: a redelivered or replayed event is not applied twice.';
COMMENT ON COLUMN _processed_events.processed_at IS 'The database clock when the event''s group was written, just before its commit.';
COMMENT ON COLUMN _processed_events.via IS 'How the event came: webhook, events (the Events API poller), websocket; NULL when the caller of process_event did not say.';
CREATE INDEX _processed_events_account_created_idx ON stripe._processed_events USING btree (account_id, created);
CREATE INDEX _processed_events_processed_at_idx ON stripe._processed_events USING brin (processed_at);

CREATE TABLE _rate_limits (
    key text NOT NULL,
    next_due timestamp with time zone DEFAULT '-infinity'::timestamp with time zone NOT NULL,
    rate double precision NOT NULL,
    burst double precision NOT NULL,
    CONSTRAINT _rate_limits_burst_check CHECK ((burst >= (1)::double precision)),
    CONSTRAINT _rate_limits_pkey PRIMARY KEY (key),
    CONSTRAINT _rate_limits_rate_check CHECK ((rate > (0)::double precision))
) WITH (fillfactor=50);
COMMENT ON TABLE _rate_limits IS 'Token buckets (GCRA) shared by the stripe-sync processes of this database: one row per account, mode and endpoint.';

CREATE TABLE _raw_active_entitlements (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    customer text NOT NULL,
    feature text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'feature'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'feature'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'feature'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'feature'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT active_entitlements__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT active_entitlements_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_active_entitlements IS 'Rows of the active_entitlements view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_active_entitlements.customer IS 'Id of the parent customer; set by the write path.';
COMMENT ON COLUMN _raw_active_entitlements.feature IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN _raw_active_entitlements._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX active_entitlements__account_id_idx ON stripe._raw_active_entitlements USING btree (_account_id);
CREATE INDEX active_entitlements_customer_idx ON stripe._raw_active_entitlements USING btree (customer);
CREATE INDEX active_entitlements_feature_idx ON stripe._raw_active_entitlements USING btree (feature);

CREATE TABLE _raw_apple_pay_domains (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_apple_pay_domains__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_apple_pay_domains_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_apple_pay_domains IS 'Rows of the apple_pay_domains view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_apple_pay_domains._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX apple_pay_domains__account_id_idx ON stripe._raw_apple_pay_domains USING btree (_account_id);
CREATE INDEX apple_pay_domains_created_idx ON stripe._raw_apple_pay_domains USING btree (created);

CREATE TABLE _raw_application_fee_refunds (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    balance_transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'balance_transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'balance_transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'balance_transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'balance_transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_application_fee_refunds__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_application_fee_refunds_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_application_fee_refunds IS 'Rows of the application_fee_refunds view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_application_fee_refunds._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX application_fee_refunds__account_id_idx ON stripe._raw_application_fee_refunds USING btree (_account_id);
CREATE INDEX application_fee_refunds_balance_transaction_idx ON stripe._raw_application_fee_refunds USING btree (balance_transaction);
CREATE INDEX application_fee_refunds_created_idx ON stripe._raw_application_fee_refunds USING btree (created);

CREATE TABLE _raw_application_fees (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    account text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'account'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'account'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'account'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'account'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    balance_transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'balance_transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'balance_transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'balance_transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'balance_transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    charge text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'charge'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'charge'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'charge'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'charge'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_application_fees__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_application_fees_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_application_fees IS 'Rows of the application_fees view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_application_fees._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX application_fees__account_id_idx ON stripe._raw_application_fees USING btree (_account_id);
CREATE INDEX application_fees_account_idx ON stripe._raw_application_fees USING btree (account);
CREATE INDEX application_fees_balance_transaction_idx ON stripe._raw_application_fees USING btree (balance_transaction);
CREATE INDEX application_fees_charge_idx ON stripe._raw_application_fees USING btree (charge);
CREATE INDEX application_fees_created_idx ON stripe._raw_application_fees USING btree (created);

CREATE TABLE _raw_apps_installs (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_apps_installs__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_apps_installs_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_apps_installs IS 'Rows of the apps_installs view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_apps_installs._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX apps_installs__account_id_idx ON stripe._raw_apps_installs USING btree (_account_id);
CREATE INDEX apps_installs_created_idx ON stripe._raw_apps_installs USING btree (created);

CREATE TABLE _raw_balance_transactions (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT balance_transactions__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT balance_transactions_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_balance_transactions IS 'Rows of the balance_transactions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_balance_transactions.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_balance_transactions._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX balance_transactions__account_id_idx ON stripe._raw_balance_transactions USING btree (_account_id);
CREATE INDEX balance_transactions_created_idx ON stripe._raw_balance_transactions USING btree (created);

CREATE TABLE _raw_billing_alerts (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    _livemode boolean,
    CONSTRAINT _raw_billing_alerts__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_billing_alerts_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_billing_alerts IS 'Rows of the billing_alerts view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_billing_alerts._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX billing_alerts__account_id_idx ON stripe._raw_billing_alerts USING btree (_account_id);

CREATE TABLE _raw_billing_credit_balance_transactions (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    credit_grant text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'credit_grant'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'credit_grant'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'credit_grant'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'credit_grant'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    test_clock text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'test_clock'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'test_clock'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'test_clock'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'test_clock'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_billing_credit_balance_transactions__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_billing_credit_balance_transactions_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_billing_credit_balance_transactions IS 'Rows of the billing_credit_balance_transactions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_billing_credit_balance_transactions._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX billing_credit_balance_transactions__account_id_idx ON stripe._raw_billing_credit_balance_transactions USING btree (_account_id);
CREATE INDEX billing_credit_balance_transactions_created_idx ON stripe._raw_billing_credit_balance_transactions USING btree (created);
CREATE INDEX billing_credit_balance_transactions_credit_grant_idx ON stripe._raw_billing_credit_balance_transactions USING btree (credit_grant);
CREATE INDEX billing_credit_balance_transactions_test_clock_idx ON stripe._raw_billing_credit_balance_transactions USING btree (test_clock);

CREATE TABLE _raw_billing_credit_grants (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    test_clock text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'test_clock'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'test_clock'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'test_clock'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'test_clock'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_billing_credit_grants__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_billing_credit_grants_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_billing_credit_grants IS 'Rows of the billing_credit_grants view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_billing_credit_grants._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX billing_credit_grants__account_id_idx ON stripe._raw_billing_credit_grants USING btree (_account_id);
CREATE INDEX billing_credit_grants_created_idx ON stripe._raw_billing_credit_grants USING btree (created);
CREATE INDEX billing_credit_grants_customer_idx ON stripe._raw_billing_credit_grants USING btree (customer);
CREATE INDEX billing_credit_grants_test_clock_idx ON stripe._raw_billing_credit_grants USING btree (test_clock);

CREATE TABLE _raw_billing_feedback_options (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    _livemode boolean,
    CONSTRAINT _raw_billing_feedback_options__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_billing_feedback_options_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_billing_feedback_options IS 'Rows of the billing_feedback_options view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_billing_feedback_options._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX billing_feedback_options__account_id_idx ON stripe._raw_billing_feedback_options USING btree (_account_id);

CREATE TABLE _raw_billing_meters (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_billing_meters__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_billing_meters_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_billing_meters IS 'Rows of the billing_meters view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_billing_meters._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX billing_meters__account_id_idx ON stripe._raw_billing_meters USING btree (_account_id);
CREATE INDEX billing_meters_created_idx ON stripe._raw_billing_meters USING btree (created);

CREATE TABLE _raw_billing_portal_configurations (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_billing_portal_configurations__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_billing_portal_configurations_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_billing_portal_configurations IS 'Rows of the billing_portal_configurations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_billing_portal_configurations._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX billing_portal_configurations__account_id_idx ON stripe._raw_billing_portal_configurations USING btree (_account_id);
CREATE INDEX billing_portal_configurations_created_idx ON stripe._raw_billing_portal_configurations USING btree (created);

CREATE TABLE _raw_charges (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    balance_transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'balance_transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'balance_transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'balance_transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'balance_transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    invoice text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'invoice'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'invoice'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'invoice'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'invoice'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    payment_intent text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'payment_intent'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'payment_intent'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'payment_intent'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'payment_intent'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT charges__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT charges_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_charges IS 'Rows of the charges view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_charges.balance_transaction IS 'ID of the balance transaction that describes the impact of this charge on your account balance (not including refunds or disputes).';
COMMENT ON COLUMN _raw_charges.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_charges.customer IS 'ID of the customer this charge is for if one exists.';
COMMENT ON COLUMN _raw_charges.invoice IS 'ID of the invoice this charge is for if one exists.';
COMMENT ON COLUMN _raw_charges.payment_intent IS 'ID of the PaymentIntent associated with this charge, if one exists.';
COMMENT ON COLUMN _raw_charges._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX charges__account_id_idx ON stripe._raw_charges USING btree (_account_id);
CREATE INDEX charges_balance_transaction_idx ON stripe._raw_charges USING btree (balance_transaction);
CREATE INDEX charges_created_idx ON stripe._raw_charges USING btree (created);
CREATE INDEX charges_customer_idx ON stripe._raw_charges USING btree (customer);
CREATE INDEX charges_invoice_idx ON stripe._raw_charges USING btree (invoice);
CREATE INDEX charges_payment_intent_idx ON stripe._raw_charges USING btree (payment_intent);

CREATE TABLE _raw_checkout_session_line_items (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    checkout_session text NOT NULL,
    price text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'price'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'price'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'price'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'price'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT checkout_session_line_items__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT checkout_session_line_items_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_checkout_session_line_items IS 'Rows of the checkout_session_line_items view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_checkout_session_line_items.checkout_session IS 'Id of the parent checkout_session; set by the write path.';
COMMENT ON COLUMN _raw_checkout_session_line_items.price IS 'The price used to generate the line item.';
COMMENT ON COLUMN _raw_checkout_session_line_items._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX checkout_session_line_items__account_id_idx ON stripe._raw_checkout_session_line_items USING btree (_account_id);
CREATE INDEX checkout_session_line_items_checkout_session_idx ON stripe._raw_checkout_session_line_items USING btree (checkout_session);
CREATE INDEX checkout_session_line_items_price_idx ON stripe._raw_checkout_session_line_items USING btree (price);

CREATE TABLE _raw_checkout_sessions (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    invoice text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'invoice'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'invoice'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'invoice'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'invoice'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    payment_intent text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'payment_intent'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'payment_intent'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'payment_intent'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'payment_intent'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    setup_intent text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'setup_intent'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'setup_intent'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'setup_intent'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'setup_intent'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    subscription text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'subscription'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'subscription'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'subscription'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'subscription'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT checkout_sessions__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT checkout_sessions_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_checkout_sessions IS 'Rows of the checkout_sessions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_checkout_sessions.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_checkout_sessions.customer IS 'The ID of the customer for this Session.';
COMMENT ON COLUMN _raw_checkout_sessions.invoice IS 'ID of the invoice created by the Checkout Session, if it exists.';
COMMENT ON COLUMN _raw_checkout_sessions.payment_intent IS 'The ID of the PaymentIntent for Checkout Sessions in `payment` mode.';
COMMENT ON COLUMN _raw_checkout_sessions.setup_intent IS 'The ID of the SetupIntent for Checkout Sessions in `setup` mode.';
COMMENT ON COLUMN _raw_checkout_sessions.subscription IS 'The ID of the subscription for Checkout Sessions in `subscription` mode.';
COMMENT ON COLUMN _raw_checkout_sessions._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX checkout_sessions__account_id_idx ON stripe._raw_checkout_sessions USING btree (_account_id);
CREATE INDEX checkout_sessions_created_idx ON stripe._raw_checkout_sessions USING btree (created);
CREATE INDEX checkout_sessions_customer_idx ON stripe._raw_checkout_sessions USING btree (customer);
CREATE INDEX checkout_sessions_invoice_idx ON stripe._raw_checkout_sessions USING btree (invoice);
CREATE INDEX checkout_sessions_payment_intent_idx ON stripe._raw_checkout_sessions USING btree (payment_intent);
CREATE INDEX checkout_sessions_setup_intent_idx ON stripe._raw_checkout_sessions USING btree (setup_intent);
CREATE INDEX checkout_sessions_subscription_idx ON stripe._raw_checkout_sessions USING btree (subscription);

CREATE TABLE _raw_climate_orders (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_climate_orders__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_climate_orders_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_climate_orders IS 'Rows of the climate_orders view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_climate_orders._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX climate_orders__account_id_idx ON stripe._raw_climate_orders USING btree (_account_id);
CREATE INDEX climate_orders_created_idx ON stripe._raw_climate_orders USING btree (created);

CREATE TABLE _raw_connected_accounts (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_connected_accounts__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_connected_accounts_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_connected_accounts IS 'Rows of the connected_accounts view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_connected_accounts._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX connected_accounts__account_id_idx ON stripe._raw_connected_accounts USING btree (_account_id);
CREATE INDEX connected_accounts_created_idx ON stripe._raw_connected_accounts USING btree (created);

CREATE TABLE _raw_coupons (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT coupons__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT coupons_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_coupons IS 'Rows of the coupons view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_coupons.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_coupons._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX coupons__account_id_idx ON stripe._raw_coupons USING btree (_account_id);
CREATE INDEX coupons_created_idx ON stripe._raw_coupons USING btree (created);

CREATE TABLE _raw_credit_note_line_items (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    credit_note text NOT NULL,
    invoice_line_item text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'invoice_line_item'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'invoice_line_item'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'invoice_line_item'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'invoice_line_item'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT credit_note_line_items__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT credit_note_line_items_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_credit_note_line_items IS 'Rows of the credit_note_line_items view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_credit_note_line_items.credit_note IS 'Id of the parent credit_note; set by the write path.';
COMMENT ON COLUMN _raw_credit_note_line_items.invoice_line_item IS 'ID of the invoice line item being credited';
COMMENT ON COLUMN _raw_credit_note_line_items._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX credit_note_line_items__account_id_idx ON stripe._raw_credit_note_line_items USING btree (_account_id);
CREATE INDEX credit_note_line_items_credit_note_idx ON stripe._raw_credit_note_line_items USING btree (credit_note);
CREATE INDEX credit_note_line_items_invoice_line_item_idx ON stripe._raw_credit_note_line_items USING btree (invoice_line_item);

CREATE TABLE _raw_credit_notes (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    invoice text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'invoice'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'invoice'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'invoice'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'invoice'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    refund text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'refund'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'refund'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'refund'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'refund'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT credit_notes__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT credit_notes_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_credit_notes IS 'Rows of the credit_notes view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_credit_notes.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_credit_notes.customer IS 'ID of the customer.';
COMMENT ON COLUMN _raw_credit_notes.invoice IS 'ID of the invoice.';
COMMENT ON COLUMN _raw_credit_notes.refund IS 'Refund related to this credit note.';
COMMENT ON COLUMN _raw_credit_notes._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX credit_notes__account_id_idx ON stripe._raw_credit_notes USING btree (_account_id);
CREATE INDEX credit_notes_created_idx ON stripe._raw_credit_notes USING btree (created);
CREATE INDEX credit_notes_customer_idx ON stripe._raw_credit_notes USING btree (customer);
CREATE INDEX credit_notes_invoice_idx ON stripe._raw_credit_notes USING btree (invoice);
CREATE INDEX credit_notes_refund_idx ON stripe._raw_credit_notes USING btree (refund);

CREATE TABLE _raw_customer_balance_transactions (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    checkout_session text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'checkout_session'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'checkout_session'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'checkout_session'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'checkout_session'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    credit_note text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'credit_note'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'credit_note'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'credit_note'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'credit_note'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    invoice text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'invoice'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'invoice'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'invoice'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'invoice'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_customer_balance_transactions__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_customer_balance_transactions_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_customer_balance_transactions IS 'Rows of the customer_balance_transactions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_customer_balance_transactions._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX customer_balance_transactions__account_id_idx ON stripe._raw_customer_balance_transactions USING btree (_account_id);
CREATE INDEX customer_balance_transactions_checkout_session_idx ON stripe._raw_customer_balance_transactions USING btree (checkout_session);
CREATE INDEX customer_balance_transactions_created_idx ON stripe._raw_customer_balance_transactions USING btree (created);
CREATE INDEX customer_balance_transactions_credit_note_idx ON stripe._raw_customer_balance_transactions USING btree (credit_note);
CREATE INDEX customer_balance_transactions_customer_idx ON stripe._raw_customer_balance_transactions USING btree (customer);
CREATE INDEX customer_balance_transactions_invoice_idx ON stripe._raw_customer_balance_transactions USING btree (invoice);

CREATE TABLE _raw_customer_cash_balance_transactions (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_customer_cash_balance_transactions__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_customer_cash_balance_transactions_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_customer_cash_balance_transactions IS 'Rows of the customer_cash_balance_transactions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_customer_cash_balance_transactions._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX customer_cash_balance_transactions__account_id_idx ON stripe._raw_customer_cash_balance_transactions USING btree (_account_id);
CREATE INDEX customer_cash_balance_transactions_created_idx ON stripe._raw_customer_cash_balance_transactions USING btree (created);
CREATE INDEX customer_cash_balance_transactions_customer_idx ON stripe._raw_customer_cash_balance_transactions USING btree (customer);

CREATE TABLE _raw_customers (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT customers__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT customers_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_customers IS 'Rows of the customers view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_customers.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_customers._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX customers__account_id_idx ON stripe._raw_customers USING btree (_account_id);
CREATE INDEX customers_created_idx ON stripe._raw_customers USING btree (created);

CREATE TABLE _raw_disputes (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    charge text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'charge'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'charge'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'charge'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'charge'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    payment_intent text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'payment_intent'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'payment_intent'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'payment_intent'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'payment_intent'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT disputes__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT disputes_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_disputes IS 'Rows of the disputes view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_disputes.charge IS 'ID of the charge that was disputed.';
COMMENT ON COLUMN _raw_disputes.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_disputes.payment_intent IS 'ID of the PaymentIntent that was disputed.';
COMMENT ON COLUMN _raw_disputes._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX disputes__account_id_idx ON stripe._raw_disputes USING btree (_account_id);
CREATE INDEX disputes_charge_idx ON stripe._raw_disputes USING btree (charge);
CREATE INDEX disputes_created_idx ON stripe._raw_disputes USING btree (created);
CREATE INDEX disputes_payment_intent_idx ON stripe._raw_disputes USING btree (payment_intent);

CREATE TABLE _raw_early_fraud_warnings (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    charge text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'charge'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'charge'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'charge'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'charge'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    payment_intent text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'payment_intent'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'payment_intent'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'payment_intent'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'payment_intent'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT early_fraud_warnings__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT early_fraud_warnings_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_early_fraud_warnings IS 'Rows of the early_fraud_warnings view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_early_fraud_warnings.charge IS 'ID of the charge this early fraud warning is for, optionally expanded.';
COMMENT ON COLUMN _raw_early_fraud_warnings.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_early_fraud_warnings.payment_intent IS 'ID of the Payment Intent this early fraud warning is for, optionally expanded.';
COMMENT ON COLUMN _raw_early_fraud_warnings._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX early_fraud_warnings__account_id_idx ON stripe._raw_early_fraud_warnings USING btree (_account_id);
CREATE INDEX early_fraud_warnings_charge_idx ON stripe._raw_early_fraud_warnings USING btree (charge);
CREATE INDEX early_fraud_warnings_created_idx ON stripe._raw_early_fraud_warnings USING btree (created);
CREATE INDEX early_fraud_warnings_payment_intent_idx ON stripe._raw_early_fraud_warnings USING btree (payment_intent);

CREATE TABLE _raw_external_accounts (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    account text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'account'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'account'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'account'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'account'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_external_accounts__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_external_accounts_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_external_accounts IS 'Rows of the external_accounts view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_external_accounts._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX external_accounts__account_id_idx ON stripe._raw_external_accounts USING btree (_account_id);
CREATE INDEX external_accounts_account_idx ON stripe._raw_external_accounts USING btree (account);
CREATE INDEX external_accounts_customer_idx ON stripe._raw_external_accounts USING btree (customer);

CREATE TABLE _raw_features (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    _livemode boolean,
    CONSTRAINT features__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT features_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_features IS 'Rows of the features view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_features._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX features__account_id_idx ON stripe._raw_features USING btree (_account_id);

CREATE TABLE _raw_file_links (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    file text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'file'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'file'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'file'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'file'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_file_links__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_file_links_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_file_links IS 'Rows of the file_links view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_file_links._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX file_links__account_id_idx ON stripe._raw_file_links USING btree (_account_id);
CREATE INDEX file_links_created_idx ON stripe._raw_file_links USING btree (created);
CREATE INDEX file_links_file_idx ON stripe._raw_file_links USING btree (file);

CREATE TABLE _raw_files (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_files__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_files_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_files IS 'Rows of the files view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_files._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX files__account_id_idx ON stripe._raw_files USING btree (_account_id);
CREATE INDEX files_created_idx ON stripe._raw_files USING btree (created);

CREATE TABLE _raw_financial_connections_accounts (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_financial_connections_accounts__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_financial_connections_accounts_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_financial_connections_accounts IS 'Rows of the financial_connections_accounts view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_financial_connections_accounts._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX financial_connections_accounts__account_id_idx ON stripe._raw_financial_connections_accounts USING btree (_account_id);
CREATE INDEX financial_connections_accounts_created_idx ON stripe._raw_financial_connections_accounts USING btree (created);

CREATE TABLE _raw_financial_connections_transactions (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    _livemode boolean,
    CONSTRAINT _raw_financial_connections_transactions__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_financial_connections_transactions_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_financial_connections_transactions IS 'Rows of the financial_connections_transactions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_financial_connections_transactions._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX financial_connections_transactions__account_id_idx ON stripe._raw_financial_connections_transactions USING btree (_account_id);

CREATE TABLE _raw_forwarding_requests (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_forwarding_requests__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_forwarding_requests_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_forwarding_requests IS 'Rows of the forwarding_requests view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_forwarding_requests._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX forwarding_requests__account_id_idx ON stripe._raw_forwarding_requests USING btree (_account_id);
CREATE INDEX forwarding_requests_created_idx ON stripe._raw_forwarding_requests USING btree (created);

CREATE TABLE _raw_identity_verification_reports (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_identity_verification_reports__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_identity_verification_reports_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_identity_verification_reports IS 'Rows of the identity_verification_reports view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_identity_verification_reports._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX identity_verification_reports__account_id_idx ON stripe._raw_identity_verification_reports USING btree (_account_id);
CREATE INDEX identity_verification_reports_created_idx ON stripe._raw_identity_verification_reports USING btree (created);

CREATE TABLE _raw_identity_verification_sessions (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_identity_verification_sessions__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_identity_verification_sessions_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_identity_verification_sessions IS 'Rows of the identity_verification_sessions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_identity_verification_sessions._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX identity_verification_sessions__account_id_idx ON stripe._raw_identity_verification_sessions USING btree (_account_id);
CREATE INDEX identity_verification_sessions_created_idx ON stripe._raw_identity_verification_sessions USING btree (created);

CREATE TABLE _raw_invoice_items (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    invoice text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'invoice'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'invoice'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'invoice'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'invoice'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    subscription text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'subscription'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'subscription'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'subscription'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'subscription'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT invoice_items__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT invoice_items_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_invoice_items IS 'Rows of the invoice_items view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_invoice_items.customer IS 'The ID of the customer who will be billed when this invoice item is billed.';
COMMENT ON COLUMN _raw_invoice_items.invoice IS 'The ID of the invoice this invoice item belongs to.';
COMMENT ON COLUMN _raw_invoice_items.subscription IS 'The subscription that this invoice item has been created for, if any.';
COMMENT ON COLUMN _raw_invoice_items._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX invoice_items__account_id_idx ON stripe._raw_invoice_items USING btree (_account_id);
CREATE INDEX invoice_items_customer_idx ON stripe._raw_invoice_items USING btree (customer);
CREATE INDEX invoice_items_invoice_idx ON stripe._raw_invoice_items USING btree (invoice);
CREATE INDEX invoice_items_subscription_idx ON stripe._raw_invoice_items USING btree (subscription);

CREATE TABLE _raw_invoice_line_items (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    invoice text NOT NULL,
    invoice_item text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'invoice_item'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'invoice_item'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'invoice_item'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'invoice_item'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    price text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'price'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'price'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'price'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'price'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    subscription text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'subscription'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'subscription'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'subscription'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'subscription'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT invoice_line_items__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT invoice_line_items_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_invoice_line_items IS 'Rows of the invoice_line_items view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_invoice_line_items.invoice IS 'Id of the parent invoice; set by the write path.';
COMMENT ON COLUMN _raw_invoice_line_items.invoice_item IS 'The ID of the invoice item associated with this line item if any.';
COMMENT ON COLUMN _raw_invoice_line_items.price IS 'The price of the line item.';
COMMENT ON COLUMN _raw_invoice_line_items.subscription IS 'The subscription that the invoice item pertains to, if any.';
COMMENT ON COLUMN _raw_invoice_line_items._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX invoice_line_items__account_id_idx ON stripe._raw_invoice_line_items USING btree (_account_id);
CREATE INDEX invoice_line_items_invoice_idx ON stripe._raw_invoice_line_items USING btree (invoice);
CREATE INDEX invoice_line_items_invoice_item_idx ON stripe._raw_invoice_line_items USING btree (invoice_item);
CREATE INDEX invoice_line_items_price_idx ON stripe._raw_invoice_line_items USING btree (price);
CREATE INDEX invoice_line_items_subscription_idx ON stripe._raw_invoice_line_items USING btree (subscription);

CREATE TABLE _raw_invoice_payments (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    invoice text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'invoice'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'invoice'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'invoice'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'invoice'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_invoice_payments__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_invoice_payments_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_invoice_payments IS 'Rows of the invoice_payments view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_invoice_payments._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX invoice_payments__account_id_idx ON stripe._raw_invoice_payments USING btree (_account_id);
CREATE INDEX invoice_payments_created_idx ON stripe._raw_invoice_payments USING btree (created);
CREATE INDEX invoice_payments_invoice_idx ON stripe._raw_invoice_payments USING btree (invoice);

CREATE TABLE _raw_invoice_rendering_templates (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_invoice_rendering_templates__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_invoice_rendering_templates_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_invoice_rendering_templates IS 'Rows of the invoice_rendering_templates view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_invoice_rendering_templates._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX invoice_rendering_templates__account_id_idx ON stripe._raw_invoice_rendering_templates USING btree (_account_id);
CREATE INDEX invoice_rendering_templates_created_idx ON stripe._raw_invoice_rendering_templates USING btree (created);

CREATE TABLE _raw_invoices (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    charge text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'charge'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'charge'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'charge'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'charge'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    payment_intent text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'payment_intent'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'payment_intent'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'payment_intent'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'payment_intent'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    subscription text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'subscription'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'subscription'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'subscription'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'subscription'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT invoices__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT invoices_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_invoices IS 'Rows of the invoices view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_invoices.charge IS 'ID of the latest charge generated for this invoice, if any.';
COMMENT ON COLUMN _raw_invoices.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_invoices.customer IS 'The ID of the customer who will be billed.';
COMMENT ON COLUMN _raw_invoices.payment_intent IS 'The PaymentIntent associated with this invoice.';
COMMENT ON COLUMN _raw_invoices.subscription IS 'The subscription that this invoice was prepared for, if any.';
COMMENT ON COLUMN _raw_invoices._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX invoices__account_id_idx ON stripe._raw_invoices USING btree (_account_id);
CREATE INDEX invoices_charge_idx ON stripe._raw_invoices USING btree (charge);
CREATE INDEX invoices_created_idx ON stripe._raw_invoices USING btree (created);
CREATE INDEX invoices_customer_idx ON stripe._raw_invoices USING btree (customer);
CREATE INDEX invoices_payment_intent_idx ON stripe._raw_invoices USING btree (payment_intent);
CREATE INDEX invoices_subscription_idx ON stripe._raw_invoices USING btree (subscription);

CREATE TABLE _raw_issuing_authorizations (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    card text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'card'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'card'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'card'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'card'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    cardholder text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'cardholder'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'cardholder'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'cardholder'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'cardholder'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    token text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'token'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'token'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'token'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'token'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_issuing_authorizations__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_issuing_authorizations_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_issuing_authorizations IS 'Rows of the issuing_authorizations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_issuing_authorizations._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX issuing_authorizations__account_id_idx ON stripe._raw_issuing_authorizations USING btree (_account_id);
CREATE INDEX issuing_authorizations_card_idx ON stripe._raw_issuing_authorizations USING btree (card);
CREATE INDEX issuing_authorizations_cardholder_idx ON stripe._raw_issuing_authorizations USING btree (cardholder);
CREATE INDEX issuing_authorizations_created_idx ON stripe._raw_issuing_authorizations USING btree (created);
CREATE INDEX issuing_authorizations_token_idx ON stripe._raw_issuing_authorizations USING btree (token);

CREATE TABLE _raw_issuing_cardholders (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_issuing_cardholders__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_issuing_cardholders_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_issuing_cardholders IS 'Rows of the issuing_cardholders view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_issuing_cardholders._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX issuing_cardholders__account_id_idx ON stripe._raw_issuing_cardholders USING btree (_account_id);
CREATE INDEX issuing_cardholders_created_idx ON stripe._raw_issuing_cardholders USING btree (created);

CREATE TABLE _raw_issuing_cards (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    cardholder text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'cardholder'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'cardholder'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'cardholder'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'cardholder'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    personalization_design text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'personalization_design'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'personalization_design'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'personalization_design'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'personalization_design'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_issuing_cards__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_issuing_cards_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_issuing_cards IS 'Rows of the issuing_cards view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_issuing_cards._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX issuing_cards__account_id_idx ON stripe._raw_issuing_cards USING btree (_account_id);
CREATE INDEX issuing_cards_cardholder_idx ON stripe._raw_issuing_cards USING btree (cardholder);
CREATE INDEX issuing_cards_created_idx ON stripe._raw_issuing_cards USING btree (created);
CREATE INDEX issuing_cards_personalization_design_idx ON stripe._raw_issuing_cards USING btree (personalization_design);

CREATE TABLE _raw_issuing_disputes (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_issuing_disputes__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_issuing_disputes_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_issuing_disputes IS 'Rows of the issuing_disputes view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_issuing_disputes._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX issuing_disputes__account_id_idx ON stripe._raw_issuing_disputes USING btree (_account_id);
CREATE INDEX issuing_disputes_created_idx ON stripe._raw_issuing_disputes USING btree (created);
CREATE INDEX issuing_disputes_transaction_idx ON stripe._raw_issuing_disputes USING btree (transaction);

CREATE TABLE _raw_issuing_personalization_designs (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_issuing_personalization_designs__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_issuing_personalization_designs_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_issuing_personalization_designs IS 'Rows of the issuing_personalization_designs view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_issuing_personalization_designs._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX issuing_personalization_designs__account_id_idx ON stripe._raw_issuing_personalization_designs USING btree (_account_id);
CREATE INDEX issuing_personalization_designs_created_idx ON stripe._raw_issuing_personalization_designs USING btree (created);

CREATE TABLE _raw_issuing_tokens (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    card text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'card'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'card'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'card'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'card'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_issuing_tokens__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_issuing_tokens_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_issuing_tokens IS 'Rows of the issuing_tokens view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_issuing_tokens._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX issuing_tokens__account_id_idx ON stripe._raw_issuing_tokens USING btree (_account_id);
CREATE INDEX issuing_tokens_card_idx ON stripe._raw_issuing_tokens USING btree (card);
CREATE INDEX issuing_tokens_created_idx ON stripe._raw_issuing_tokens USING btree (created);

CREATE TABLE _raw_issuing_transactions (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    authorization text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'authorization'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'authorization'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'authorization'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'authorization'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    balance_transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'balance_transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'balance_transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'balance_transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'balance_transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    card text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'card'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'card'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'card'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'card'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    cardholder text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'cardholder'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'cardholder'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'cardholder'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'cardholder'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    dispute text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'dispute'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'dispute'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'dispute'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'dispute'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    token text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'token'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'token'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'token'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'token'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_issuing_transactions__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_issuing_transactions_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_issuing_transactions IS 'Rows of the issuing_transactions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_issuing_transactions._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX issuing_transactions__account_id_idx ON stripe._raw_issuing_transactions USING btree (_account_id);
CREATE INDEX issuing_transactions_authorization_idx ON stripe._raw_issuing_transactions USING btree ("authorization");
CREATE INDEX issuing_transactions_balance_transaction_idx ON stripe._raw_issuing_transactions USING btree (balance_transaction);
CREATE INDEX issuing_transactions_card_idx ON stripe._raw_issuing_transactions USING btree (card);
CREATE INDEX issuing_transactions_cardholder_idx ON stripe._raw_issuing_transactions USING btree (cardholder);
CREATE INDEX issuing_transactions_created_idx ON stripe._raw_issuing_transactions USING btree (created);
CREATE INDEX issuing_transactions_dispute_idx ON stripe._raw_issuing_transactions USING btree (dispute);
CREATE INDEX issuing_transactions_token_idx ON stripe._raw_issuing_transactions USING btree (token);

CREATE TABLE _raw_payment_attempt_records (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_payment_attempt_records__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_payment_attempt_records_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_payment_attempt_records IS 'Rows of the payment_attempt_records view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_payment_attempt_records._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX payment_attempt_records__account_id_idx ON stripe._raw_payment_attempt_records USING btree (_account_id);
CREATE INDEX payment_attempt_records_created_idx ON stripe._raw_payment_attempt_records USING btree (created);

CREATE TABLE _raw_payment_intent_amount_details_line_items (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    payment_intent text NOT NULL,
    _livemode boolean,
    CONSTRAINT _raw_payment_intent_amount_details_line_i__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_payment_intent_amount_details_line_items_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_payment_intent_amount_details_line_items IS 'Rows of the payment_intent_amount_details_line_items view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_payment_intent_amount_details_line_items._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX payment_intent_amount_details_line_items__account_id_idx ON stripe._raw_payment_intent_amount_details_line_items USING btree (_account_id);
CREATE INDEX payment_intent_amount_details_line_items_payment_intent_idx ON stripe._raw_payment_intent_amount_details_line_items USING btree (payment_intent);

CREATE TABLE _raw_payment_intents (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    invoice text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'invoice'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'invoice'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'invoice'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'invoice'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    latest_charge text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'latest_charge'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'latest_charge'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'latest_charge'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'latest_charge'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    payment_method text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'payment_method'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'payment_method'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'payment_method'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'payment_method'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT payment_intents__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT payment_intents_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_payment_intents IS 'Rows of the payment_intents view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_payment_intents.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_payment_intents.customer IS 'ID of the Customer this PaymentIntent belongs to, if one exists.';
COMMENT ON COLUMN _raw_payment_intents.invoice IS 'ID of the invoice that created this PaymentIntent, if it exists.';
COMMENT ON COLUMN _raw_payment_intents.latest_charge IS 'The latest charge created by this payment intent.';
COMMENT ON COLUMN _raw_payment_intents.payment_method IS 'ID of the payment method used in this PaymentIntent.';
COMMENT ON COLUMN _raw_payment_intents._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX payment_intents__account_id_idx ON stripe._raw_payment_intents USING btree (_account_id);
CREATE INDEX payment_intents_created_idx ON stripe._raw_payment_intents USING btree (created);
CREATE INDEX payment_intents_customer_idx ON stripe._raw_payment_intents USING btree (customer);
CREATE INDEX payment_intents_invoice_idx ON stripe._raw_payment_intents USING btree (invoice);
CREATE INDEX payment_intents_latest_charge_idx ON stripe._raw_payment_intents USING btree (latest_charge);
CREATE INDEX payment_intents_payment_method_idx ON stripe._raw_payment_intents USING btree (payment_method);

CREATE TABLE _raw_payment_link_line_items (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    payment_link text NOT NULL,
    price text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'price'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'price'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'price'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'price'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_payment_link_line_items__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_payment_link_line_items_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_payment_link_line_items IS 'Rows of the payment_link_line_items view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_payment_link_line_items._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX payment_link_line_items__account_id_idx ON stripe._raw_payment_link_line_items USING btree (_account_id);
CREATE INDEX payment_link_line_items_payment_link_idx ON stripe._raw_payment_link_line_items USING btree (payment_link);
CREATE INDEX payment_link_line_items_price_idx ON stripe._raw_payment_link_line_items USING btree (price);

CREATE TABLE _raw_payment_links (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    _livemode boolean,
    CONSTRAINT _raw_payment_links__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_payment_links_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_payment_links IS 'Rows of the payment_links view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_payment_links._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX payment_links__account_id_idx ON stripe._raw_payment_links USING btree (_account_id);

CREATE TABLE _raw_payment_method_configurations (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    _livemode boolean,
    CONSTRAINT _raw_payment_method_configurations__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_payment_method_configurations_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_payment_method_configurations IS 'Rows of the payment_method_configurations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_payment_method_configurations._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX payment_method_configurations__account_id_idx ON stripe._raw_payment_method_configurations USING btree (_account_id);

CREATE TABLE _raw_payment_method_domains (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_payment_method_domains__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_payment_method_domains_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_payment_method_domains IS 'Rows of the payment_method_domains view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_payment_method_domains._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX payment_method_domains__account_id_idx ON stripe._raw_payment_method_domains USING btree (_account_id);
CREATE INDEX payment_method_domains_created_idx ON stripe._raw_payment_method_domains USING btree (created);

CREATE TABLE _raw_payment_methods (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT payment_methods__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT payment_methods_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_payment_methods IS 'Rows of the payment_methods view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_payment_methods.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_payment_methods.customer IS 'The ID of the Customer to which this PaymentMethod is saved.';
COMMENT ON COLUMN _raw_payment_methods._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX payment_methods__account_id_idx ON stripe._raw_payment_methods USING btree (_account_id);
CREATE INDEX payment_methods_created_idx ON stripe._raw_payment_methods USING btree (created);
CREATE INDEX payment_methods_customer_idx ON stripe._raw_payment_methods USING btree (customer);

CREATE TABLE _raw_payment_records (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_payment_records__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_payment_records_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_payment_records IS 'Rows of the payment_records view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_payment_records._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX payment_records__account_id_idx ON stripe._raw_payment_records USING btree (_account_id);
CREATE INDEX payment_records_created_idx ON stripe._raw_payment_records USING btree (created);

CREATE TABLE _raw_payouts (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    balance_transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'balance_transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'balance_transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'balance_transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'balance_transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT payouts__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT payouts_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_payouts IS 'Rows of the payouts view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_payouts.balance_transaction IS 'ID of the balance transaction that describes the impact of this payout on your account balance.';
COMMENT ON COLUMN _raw_payouts.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_payouts._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX payouts__account_id_idx ON stripe._raw_payouts USING btree (_account_id);
CREATE INDEX payouts_balance_transaction_idx ON stripe._raw_payouts USING btree (balance_transaction);
CREATE INDEX payouts_created_idx ON stripe._raw_payouts USING btree (created);

CREATE TABLE _raw_persons (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    account text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'account'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'account'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'account'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'account'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_persons__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_persons_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_persons IS 'Rows of the persons view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_persons._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX persons__account_id_idx ON stripe._raw_persons USING btree (_account_id);
CREATE INDEX persons_account_idx ON stripe._raw_persons USING btree (account);
CREATE INDEX persons_created_idx ON stripe._raw_persons USING btree (created);

CREATE TABLE _raw_plans (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    product text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'product'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'product'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'product'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'product'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT plans__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT plans_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_plans IS 'Rows of the plans view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_plans.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_plans.product IS 'The product whose pricing this plan determines.';
COMMENT ON COLUMN _raw_plans._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX plans__account_id_idx ON stripe._raw_plans USING btree (_account_id);
CREATE INDEX plans_created_idx ON stripe._raw_plans USING btree (created);
CREATE INDEX plans_product_idx ON stripe._raw_plans USING btree (product);

CREATE TABLE _raw_prices (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    product text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'product'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'product'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'product'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'product'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT prices__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT prices_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_prices IS 'Rows of the prices view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_prices.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_prices.product IS 'The ID of the product this price is associated with.';
COMMENT ON COLUMN _raw_prices._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX prices__account_id_idx ON stripe._raw_prices USING btree (_account_id);
CREATE INDEX prices_created_idx ON stripe._raw_prices USING btree (created);
CREATE INDEX prices_product_idx ON stripe._raw_prices USING btree (product);

CREATE TABLE _raw_product_catalog_trial_offers (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    price text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'price'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'price'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'price'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'price'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_product_catalog_trial_offers__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_product_catalog_trial_offers_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_product_catalog_trial_offers IS 'Rows of the product_catalog_trial_offers view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_product_catalog_trial_offers._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX product_catalog_trial_offers__account_id_idx ON stripe._raw_product_catalog_trial_offers USING btree (_account_id);
CREATE INDEX product_catalog_trial_offers_price_idx ON stripe._raw_product_catalog_trial_offers USING btree (price);

CREATE TABLE _raw_product_features (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    _livemode boolean,
    CONSTRAINT _raw_product_features__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_product_features_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_product_features IS 'Rows of the product_features view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_product_features._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX product_features__account_id_idx ON stripe._raw_product_features USING btree (_account_id);

CREATE TABLE _raw_products (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    default_price text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'default_price'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'default_price'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'default_price'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'default_price'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT products__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT products_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_products IS 'Rows of the products view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_products.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_products.default_price IS 'The ID of the Price object that is the default price for this product.';
COMMENT ON COLUMN _raw_products._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX products__account_id_idx ON stripe._raw_products USING btree (_account_id);
CREATE INDEX products_created_idx ON stripe._raw_products USING btree (created);
CREATE INDEX products_default_price_idx ON stripe._raw_products USING btree (default_price);

CREATE TABLE _raw_promotion_codes (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT promotion_codes__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT promotion_codes_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_promotion_codes IS 'Rows of the promotion_codes view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_promotion_codes.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_promotion_codes.customer IS 'The customer that this promotion code can be used by.';
COMMENT ON COLUMN _raw_promotion_codes._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX promotion_codes__account_id_idx ON stripe._raw_promotion_codes USING btree (_account_id);
CREATE INDEX promotion_codes_created_idx ON stripe._raw_promotion_codes USING btree (created);
CREATE INDEX promotion_codes_customer_idx ON stripe._raw_promotion_codes USING btree (customer);

CREATE TABLE _raw_quote_line_items (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    quote text NOT NULL,
    price text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'price'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'price'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'price'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'price'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_quote_line_items__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_quote_line_items_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_quote_line_items IS 'Rows of the quote_line_items view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_quote_line_items._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX quote_line_items__account_id_idx ON stripe._raw_quote_line_items USING btree (_account_id);
CREATE INDEX quote_line_items_price_idx ON stripe._raw_quote_line_items USING btree (price);
CREATE INDEX quote_line_items_quote_idx ON stripe._raw_quote_line_items USING btree (quote);

CREATE TABLE _raw_quotes (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    invoice text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'invoice'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'invoice'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'invoice'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'invoice'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    subscription text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'subscription'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'subscription'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'subscription'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'subscription'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT quotes__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT quotes_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_quotes IS 'Rows of the quotes view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_quotes.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_quotes.customer IS 'The customer which this quote belongs to.';
COMMENT ON COLUMN _raw_quotes.invoice IS 'The invoice that was created from this quote.';
COMMENT ON COLUMN _raw_quotes.subscription IS 'The subscription that was created or updated from this quote.';
COMMENT ON COLUMN _raw_quotes._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX quotes__account_id_idx ON stripe._raw_quotes USING btree (_account_id);
CREATE INDEX quotes_created_idx ON stripe._raw_quotes USING btree (created);
CREATE INDEX quotes_customer_idx ON stripe._raw_quotes USING btree (customer);
CREATE INDEX quotes_invoice_idx ON stripe._raw_quotes USING btree (invoice);
CREATE INDEX quotes_subscription_idx ON stripe._raw_quotes USING btree (subscription);

CREATE TABLE _raw_radar_value_list_items (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_radar_value_list_items__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_radar_value_list_items_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_radar_value_list_items IS 'Rows of the radar_value_list_items view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_radar_value_list_items._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX radar_value_list_items__account_id_idx ON stripe._raw_radar_value_list_items USING btree (_account_id);
CREATE INDEX radar_value_list_items_created_idx ON stripe._raw_radar_value_list_items USING btree (created);

CREATE TABLE _raw_radar_value_lists (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_radar_value_lists__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_radar_value_lists_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_radar_value_lists IS 'Rows of the radar_value_lists view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_radar_value_lists._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX radar_value_lists__account_id_idx ON stripe._raw_radar_value_lists USING btree (_account_id);
CREATE INDEX radar_value_lists_created_idx ON stripe._raw_radar_value_lists USING btree (created);

CREATE TABLE _raw_refunds (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    balance_transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'balance_transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'balance_transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'balance_transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'balance_transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    charge text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'charge'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'charge'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'charge'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'charge'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    payment_intent text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'payment_intent'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'payment_intent'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'payment_intent'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'payment_intent'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT refunds__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT refunds_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_refunds IS 'Rows of the refunds view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_refunds.balance_transaction IS 'Balance transaction that describes the impact on your account balance.';
COMMENT ON COLUMN _raw_refunds.charge IS 'ID of the charge that was refunded.';
COMMENT ON COLUMN _raw_refunds.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_refunds.payment_intent IS 'ID of the PaymentIntent that was refunded.';
COMMENT ON COLUMN _raw_refunds._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX refunds__account_id_idx ON stripe._raw_refunds USING btree (_account_id);
CREATE INDEX refunds_balance_transaction_idx ON stripe._raw_refunds USING btree (balance_transaction);
CREATE INDEX refunds_charge_idx ON stripe._raw_refunds USING btree (charge);
CREATE INDEX refunds_created_idx ON stripe._raw_refunds USING btree (created);
CREATE INDEX refunds_payment_intent_idx ON stripe._raw_refunds USING btree (payment_intent);

CREATE TABLE _raw_reporting_report_runs (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_reporting_report_runs__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_reporting_report_runs_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_reporting_report_runs IS 'Rows of the reporting_report_runs view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_reporting_report_runs._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX reporting_report_runs__account_id_idx ON stripe._raw_reporting_report_runs USING btree (_account_id);
CREATE INDEX reporting_report_runs_created_idx ON stripe._raw_reporting_report_runs USING btree (created);

CREATE TABLE _raw_reviews (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    charge text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'charge'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'charge'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'charge'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'charge'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    payment_intent text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'payment_intent'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'payment_intent'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'payment_intent'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'payment_intent'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT reviews__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT reviews_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_reviews IS 'Rows of the reviews view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_reviews.charge IS 'The charge associated with this review.';
COMMENT ON COLUMN _raw_reviews.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_reviews.payment_intent IS 'The PaymentIntent ID associated with this review, if one exists.';
COMMENT ON COLUMN _raw_reviews._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX reviews__account_id_idx ON stripe._raw_reviews USING btree (_account_id);
CREATE INDEX reviews_charge_idx ON stripe._raw_reviews USING btree (charge);
CREATE INDEX reviews_created_idx ON stripe._raw_reviews USING btree (created);
CREATE INDEX reviews_payment_intent_idx ON stripe._raw_reviews USING btree (payment_intent);

CREATE TABLE _raw_setup_attempts (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    setup_intent text NOT NULL,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    payment_method text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'payment_method'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'payment_method'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'payment_method'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'payment_method'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_setup_attempts__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_setup_attempts_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_setup_attempts IS 'Rows of the setup_attempts view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_setup_attempts._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX setup_attempts__account_id_idx ON stripe._raw_setup_attempts USING btree (_account_id);
CREATE INDEX setup_attempts_created_idx ON stripe._raw_setup_attempts USING btree (created);
CREATE INDEX setup_attempts_customer_idx ON stripe._raw_setup_attempts USING btree (customer);
CREATE INDEX setup_attempts_payment_method_idx ON stripe._raw_setup_attempts USING btree (payment_method);
CREATE INDEX setup_attempts_setup_intent_idx ON stripe._raw_setup_attempts USING btree (setup_intent);

CREATE TABLE _raw_setup_intents (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    payment_method text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'payment_method'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'payment_method'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'payment_method'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'payment_method'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT setup_intents__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT setup_intents_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_setup_intents IS 'Rows of the setup_intents view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_setup_intents.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_setup_intents.customer IS 'ID of the Customer this SetupIntent belongs to, if one exists.';
COMMENT ON COLUMN _raw_setup_intents.payment_method IS 'ID of the payment method used with this SetupIntent.';
COMMENT ON COLUMN _raw_setup_intents._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX setup_intents__account_id_idx ON stripe._raw_setup_intents USING btree (_account_id);
CREATE INDEX setup_intents_created_idx ON stripe._raw_setup_intents USING btree (created);
CREATE INDEX setup_intents_customer_idx ON stripe._raw_setup_intents USING btree (customer);
CREATE INDEX setup_intents_payment_method_idx ON stripe._raw_setup_intents USING btree (payment_method);

CREATE TABLE _raw_shipping_rates (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_shipping_rates__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_shipping_rates_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_shipping_rates IS 'Rows of the shipping_rates view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_shipping_rates._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX shipping_rates__account_id_idx ON stripe._raw_shipping_rates USING btree (_account_id);
CREATE INDEX shipping_rates_created_idx ON stripe._raw_shipping_rates USING btree (created);

CREATE TABLE _raw_sigma_scheduled_query_runs (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    file text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'file'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'file'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'file'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'file'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_sigma_scheduled_query_runs__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_sigma_scheduled_query_runs_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_sigma_scheduled_query_runs IS 'Rows of the sigma_scheduled_query_runs view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_sigma_scheduled_query_runs._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX sigma_scheduled_query_runs__account_id_idx ON stripe._raw_sigma_scheduled_query_runs USING btree (_account_id);
CREATE INDEX sigma_scheduled_query_runs_created_idx ON stripe._raw_sigma_scheduled_query_runs USING btree (created);
CREATE INDEX sigma_scheduled_query_runs_file_idx ON stripe._raw_sigma_scheduled_query_runs USING btree (file);

CREATE TABLE _raw_subscription_items (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    subscription text NOT NULL,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    plan text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'plan'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'plan'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'plan'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'plan'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    price text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'price'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'price'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'price'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'price'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT subscription_items__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT subscription_items_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_subscription_items IS 'Rows of the subscription_items view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_subscription_items.subscription IS 'Id of the parent subscription; set by the write path.';
COMMENT ON COLUMN _raw_subscription_items.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_subscription_items.plan IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN _raw_subscription_items._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX subscription_items__account_id_idx ON stripe._raw_subscription_items USING btree (_account_id);
CREATE INDEX subscription_items_created_idx ON stripe._raw_subscription_items USING btree (created);
CREATE INDEX subscription_items_plan_idx ON stripe._raw_subscription_items USING btree (plan);
CREATE INDEX subscription_items_price_idx ON stripe._raw_subscription_items USING btree (price);
CREATE INDEX subscription_items_subscription_idx ON stripe._raw_subscription_items USING btree (subscription);

CREATE TABLE _raw_subscription_schedules (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    subscription text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'subscription'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'subscription'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'subscription'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'subscription'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT subscription_schedules__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT subscription_schedules_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_subscription_schedules IS 'Rows of the subscription_schedules view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_subscription_schedules.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_subscription_schedules.customer IS 'ID of the customer who owns the subscription schedule.';
COMMENT ON COLUMN _raw_subscription_schedules.subscription IS 'ID of the subscription managed by the subscription schedule.';
COMMENT ON COLUMN _raw_subscription_schedules._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX subscription_schedules__account_id_idx ON stripe._raw_subscription_schedules USING btree (_account_id);
CREATE INDEX subscription_schedules_created_idx ON stripe._raw_subscription_schedules USING btree (created);
CREATE INDEX subscription_schedules_customer_idx ON stripe._raw_subscription_schedules USING btree (customer);
CREATE INDEX subscription_schedules_subscription_idx ON stripe._raw_subscription_schedules USING btree (subscription);

CREATE TABLE _raw_subscriptions (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    default_payment_method text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'default_payment_method'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'default_payment_method'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'default_payment_method'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'default_payment_method'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    latest_invoice text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'latest_invoice'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'latest_invoice'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'latest_invoice'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'latest_invoice'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    schedule text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'schedule'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'schedule'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'schedule'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'schedule'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT subscriptions__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT subscriptions_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_subscriptions IS 'Rows of the subscriptions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_subscriptions.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_subscriptions.customer IS 'ID of the customer who owns the subscription.';
COMMENT ON COLUMN _raw_subscriptions.default_payment_method IS 'ID of the default payment method for the subscription.';
COMMENT ON COLUMN _raw_subscriptions.latest_invoice IS 'The most recent invoice this subscription has generated.';
COMMENT ON COLUMN _raw_subscriptions.schedule IS 'The schedule attached to the subscription';
COMMENT ON COLUMN _raw_subscriptions._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX subscriptions__account_id_idx ON stripe._raw_subscriptions USING btree (_account_id);
CREATE INDEX subscriptions_created_idx ON stripe._raw_subscriptions USING btree (created);
CREATE INDEX subscriptions_customer_idx ON stripe._raw_subscriptions USING btree (customer);
CREATE INDEX subscriptions_default_payment_method_idx ON stripe._raw_subscriptions USING btree (default_payment_method);
CREATE INDEX subscriptions_latest_invoice_idx ON stripe._raw_subscriptions USING btree (latest_invoice);
CREATE INDEX subscriptions_schedule_idx ON stripe._raw_subscriptions USING btree (schedule);

CREATE TABLE _raw_tax_ids (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT tax_ids__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT tax_ids_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_tax_ids IS 'Rows of the tax_ids view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_tax_ids.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_tax_ids.customer IS 'ID of the customer.';
COMMENT ON COLUMN _raw_tax_ids._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX tax_ids__account_id_idx ON stripe._raw_tax_ids USING btree (_account_id);
CREATE INDEX tax_ids_created_idx ON stripe._raw_tax_ids USING btree (created);
CREATE INDEX tax_ids_customer_idx ON stripe._raw_tax_ids USING btree (customer);

CREATE TABLE _raw_tax_locations (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    _livemode boolean,
    CONSTRAINT _raw_tax_locations__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_tax_locations_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_tax_locations IS 'Rows of the tax_locations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_tax_locations._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX tax_locations__account_id_idx ON stripe._raw_tax_locations USING btree (_account_id);

CREATE TABLE _raw_tax_rates (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT tax_rates__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT tax_rates_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_tax_rates IS 'Rows of the tax_rates view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_tax_rates.created IS 'Time at which the object was created.';
COMMENT ON COLUMN _raw_tax_rates._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX tax_rates__account_id_idx ON stripe._raw_tax_rates USING btree (_account_id);
CREATE INDEX tax_rates_created_idx ON stripe._raw_tax_rates USING btree (created);

CREATE TABLE _raw_tax_registrations (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_tax_registrations__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_tax_registrations_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_tax_registrations IS 'Rows of the tax_registrations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_tax_registrations._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX tax_registrations__account_id_idx ON stripe._raw_tax_registrations USING btree (_account_id);
CREATE INDEX tax_registrations_created_idx ON stripe._raw_tax_registrations USING btree (created);

CREATE TABLE _raw_terminal_configurations (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    _livemode boolean,
    CONSTRAINT _raw_terminal_configurations__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_terminal_configurations_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_terminal_configurations IS 'Rows of the terminal_configurations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_terminal_configurations._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX terminal_configurations__account_id_idx ON stripe._raw_terminal_configurations USING btree (_account_id);

CREATE TABLE _raw_terminal_locations (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    _livemode boolean,
    CONSTRAINT _raw_terminal_locations__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_terminal_locations_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_terminal_locations IS 'Rows of the terminal_locations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_terminal_locations._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX terminal_locations__account_id_idx ON stripe._raw_terminal_locations USING btree (_account_id);

CREATE TABLE _raw_terminal_readers (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    location text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'location'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'location'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'location'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'location'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_terminal_readers__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_terminal_readers_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_terminal_readers IS 'Rows of the terminal_readers view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_terminal_readers._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX terminal_readers__account_id_idx ON stripe._raw_terminal_readers USING btree (_account_id);
CREATE INDEX terminal_readers_location_idx ON stripe._raw_terminal_readers USING btree (location);

CREATE TABLE _raw_test_helpers_test_clocks (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_test_helpers_test_clocks__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_test_helpers_test_clocks_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_test_helpers_test_clocks IS 'Rows of the test_helpers_test_clocks view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_test_helpers_test_clocks._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX test_helpers_test_clocks__account_id_idx ON stripe._raw_test_helpers_test_clocks USING btree (_account_id);
CREATE INDEX test_helpers_test_clocks_created_idx ON stripe._raw_test_helpers_test_clocks USING btree (created);

CREATE TABLE _raw_three_d_secure_authentications (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    payment_method text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'payment_method'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'payment_method'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'payment_method'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'payment_method'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_three_d_secure_authentications__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_three_d_secure_authentications_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_three_d_secure_authentications IS 'Rows of the three_d_secure_authentications view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_three_d_secure_authentications._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX three_d_secure_authentications__account_id_idx ON stripe._raw_three_d_secure_authentications USING btree (_account_id);
CREATE INDEX three_d_secure_authentications_created_idx ON stripe._raw_three_d_secure_authentications USING btree (created);
CREATE INDEX three_d_secure_authentications_payment_method_idx ON stripe._raw_three_d_secure_authentications USING btree (payment_method);

CREATE TABLE _raw_topups (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    balance_transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'balance_transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'balance_transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'balance_transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'balance_transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    payment_method text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'payment_method'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'payment_method'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'payment_method'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'payment_method'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_topups__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_topups_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_topups IS 'Rows of the topups view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_topups._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX topups__account_id_idx ON stripe._raw_topups USING btree (_account_id);
CREATE INDEX topups_balance_transaction_idx ON stripe._raw_topups USING btree (balance_transaction);
CREATE INDEX topups_created_idx ON stripe._raw_topups USING btree (created);
CREATE INDEX topups_payment_method_idx ON stripe._raw_topups USING btree (payment_method);

CREATE TABLE _raw_transfer_reversals (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    balance_transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'balance_transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'balance_transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'balance_transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'balance_transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    transfer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'transfer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'transfer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'transfer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'transfer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_transfer_reversals__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_transfer_reversals_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_transfer_reversals IS 'Rows of the transfer_reversals view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_transfer_reversals._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX transfer_reversals__account_id_idx ON stripe._raw_transfer_reversals USING btree (_account_id);
CREATE INDEX transfer_reversals_balance_transaction_idx ON stripe._raw_transfer_reversals USING btree (balance_transaction);
CREATE INDEX transfer_reversals_created_idx ON stripe._raw_transfer_reversals USING btree (created);
CREATE INDEX transfer_reversals_transfer_idx ON stripe._raw_transfer_reversals USING btree (transfer);

CREATE TABLE _raw_transfers (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    balance_transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'balance_transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'balance_transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'balance_transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'balance_transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT transfers__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT transfers_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_transfers IS 'Rows of the transfers view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_transfers.balance_transaction IS 'Balance transaction that describes the impact of this transfer on your account balance.';
COMMENT ON COLUMN _raw_transfers.created IS 'Time that this record of the transfer was first created.';
COMMENT ON COLUMN _raw_transfers._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX transfers__account_id_idx ON stripe._raw_transfers USING btree (_account_id);
CREATE INDEX transfers_balance_transaction_idx ON stripe._raw_transfers USING btree (balance_transaction);
CREATE INDEX transfers_created_idx ON stripe._raw_transfers USING btree (created);

CREATE TABLE _raw_treasury_credit_reversals (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_treasury_credit_reversals__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_treasury_credit_reversals_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_treasury_credit_reversals IS 'Rows of the treasury_credit_reversals view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_treasury_credit_reversals._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX treasury_credit_reversals__account_id_idx ON stripe._raw_treasury_credit_reversals USING btree (_account_id);
CREATE INDEX treasury_credit_reversals_created_idx ON stripe._raw_treasury_credit_reversals USING btree (created);
CREATE INDEX treasury_credit_reversals_transaction_idx ON stripe._raw_treasury_credit_reversals USING btree (transaction);

CREATE TABLE _raw_treasury_debit_reversals (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_treasury_debit_reversals__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_treasury_debit_reversals_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_treasury_debit_reversals IS 'Rows of the treasury_debit_reversals view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_treasury_debit_reversals._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX treasury_debit_reversals__account_id_idx ON stripe._raw_treasury_debit_reversals USING btree (_account_id);
CREATE INDEX treasury_debit_reversals_created_idx ON stripe._raw_treasury_debit_reversals USING btree (created);
CREATE INDEX treasury_debit_reversals_transaction_idx ON stripe._raw_treasury_debit_reversals USING btree (transaction);

CREATE TABLE _raw_treasury_financial_accounts (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_treasury_financial_accounts__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_treasury_financial_accounts_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_treasury_financial_accounts IS 'Rows of the treasury_financial_accounts view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_treasury_financial_accounts._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX treasury_financial_accounts__account_id_idx ON stripe._raw_treasury_financial_accounts USING btree (_account_id);
CREATE INDEX treasury_financial_accounts_created_idx ON stripe._raw_treasury_financial_accounts USING btree (created);

CREATE TABLE _raw_treasury_inbound_transfers (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_treasury_inbound_transfers__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_treasury_inbound_transfers_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_treasury_inbound_transfers IS 'Rows of the treasury_inbound_transfers view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_treasury_inbound_transfers._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX treasury_inbound_transfers__account_id_idx ON stripe._raw_treasury_inbound_transfers USING btree (_account_id);
CREATE INDEX treasury_inbound_transfers_created_idx ON stripe._raw_treasury_inbound_transfers USING btree (created);
CREATE INDEX treasury_inbound_transfers_transaction_idx ON stripe._raw_treasury_inbound_transfers USING btree (transaction);

CREATE TABLE _raw_treasury_outbound_payments (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    customer text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'customer'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_treasury_outbound_payments__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_treasury_outbound_payments_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_treasury_outbound_payments IS 'Rows of the treasury_outbound_payments view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_treasury_outbound_payments._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX treasury_outbound_payments__account_id_idx ON stripe._raw_treasury_outbound_payments USING btree (_account_id);
CREATE INDEX treasury_outbound_payments_created_idx ON stripe._raw_treasury_outbound_payments USING btree (created);
CREATE INDEX treasury_outbound_payments_customer_idx ON stripe._raw_treasury_outbound_payments USING btree (customer);
CREATE INDEX treasury_outbound_payments_transaction_idx ON stripe._raw_treasury_outbound_payments USING btree (transaction);

CREATE TABLE _raw_treasury_outbound_transfers (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_treasury_outbound_transfers__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_treasury_outbound_transfers_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_treasury_outbound_transfers IS 'Rows of the treasury_outbound_transfers view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_treasury_outbound_transfers._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX treasury_outbound_transfers__account_id_idx ON stripe._raw_treasury_outbound_transfers USING btree (_account_id);
CREATE INDEX treasury_outbound_transfers_created_idx ON stripe._raw_treasury_outbound_transfers USING btree (created);
CREATE INDEX treasury_outbound_transfers_transaction_idx ON stripe._raw_treasury_outbound_transfers USING btree (transaction);

CREATE TABLE _raw_treasury_received_credits (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_treasury_received_credits__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_treasury_received_credits_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_treasury_received_credits IS 'Rows of the treasury_received_credits view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_treasury_received_credits._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX treasury_received_credits__account_id_idx ON stripe._raw_treasury_received_credits USING btree (_account_id);
CREATE INDEX treasury_received_credits_created_idx ON stripe._raw_treasury_received_credits USING btree (created);
CREATE INDEX treasury_received_credits_transaction_idx ON stripe._raw_treasury_received_credits USING btree (transaction);

CREATE TABLE _raw_treasury_received_debits (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_treasury_received_debits__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_treasury_received_debits_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_treasury_received_debits IS 'Rows of the treasury_received_debits view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_treasury_received_debits._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX treasury_received_debits__account_id_idx ON stripe._raw_treasury_received_debits USING btree (_account_id);
CREATE INDEX treasury_received_debits_created_idx ON stripe._raw_treasury_received_debits USING btree (created);
CREATE INDEX treasury_received_debits_transaction_idx ON stripe._raw_treasury_received_debits USING btree (transaction);

CREATE TABLE _raw_treasury_transaction_entries (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    transaction text GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'transaction'::text))
    WHEN 'string'::text THEN (_raw_data ->> 'transaction'::text)
    WHEN 'object'::text THEN
    CASE jsonb_typeof(((_raw_data -> 'transaction'::text) -> 'id'::text))
        WHEN 'string'::text THEN ((_raw_data -> 'transaction'::text) ->> 'id'::text)
        ELSE NULL::text
    END
    ELSE NULL::text
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_treasury_transaction_entries__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_treasury_transaction_entries_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_treasury_transaction_entries IS 'Rows of the treasury_transaction_entries view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_treasury_transaction_entries._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX treasury_transaction_entries__account_id_idx ON stripe._raw_treasury_transaction_entries USING btree (_account_id);
CREATE INDEX treasury_transaction_entries_created_idx ON stripe._raw_treasury_transaction_entries USING btree (created);
CREATE INDEX treasury_transaction_entries_transaction_idx ON stripe._raw_treasury_transaction_entries USING btree (transaction);

CREATE TABLE _raw_treasury_transactions (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    _account_id text NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    deleted_at timestamp with time zone,
    _version timestamp with time zone,
    _version_source text,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN
    CASE
        WHEN ((((_raw_data -> 'created'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'created'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
        ELSE NULL::timestamp with time zone
    END
    ELSE NULL::timestamp with time zone
END) STORED,
    _livemode boolean,
    CONSTRAINT _raw_treasury_transactions__version_source_check CHECK ((_version_source = ANY (ARRAY['event'::text, 'fetch'::text]))),
    CONSTRAINT _raw_treasury_transactions_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE _raw_treasury_transactions IS 'Rows of the treasury_transactions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
COMMENT ON COLUMN _raw_treasury_transactions._livemode IS 'The mode of the key or event that wrote the row (NULL: not said); the view''s livemode reads the payload''s first.';
CREATE INDEX treasury_transactions__account_id_idx ON stripe._raw_treasury_transactions USING btree (_account_id);
CREATE INDEX treasury_transactions_created_idx ON stripe._raw_treasury_transactions USING btree (created);

CREATE TABLE _resources (
    name text NOT NULL,
    object text NOT NULL,
    table_name text NOT NULL,
    parent text,
    is_child boolean NOT NULL,
    delete_mode text NOT NULL,
    event_objects text[] DEFAULT '{}'::text[] NOT NULL,
    event_types text[] DEFAULT '{}'::text[] NOT NULL,
    retrieve_path text,
    list_path text,
    list_params jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_filter boolean NOT NULL,
    backfill boolean NOT NULL,
    backfill_created_filter boolean NOT NULL,
    list_per_parent jsonb,
    nested_lists jsonb DEFAULT '[]'::jsonb NOT NULL,
    id_prefixes text[] DEFAULT '{}'::text[] NOT NULL,
    ordinal integer NOT NULL,
    CONSTRAINT _resources_delete_mode_check CHECK ((delete_mode = ANY (ARRAY['tombstone'::text, 'final_state'::text, 'never'::text]))),
    CONSTRAINT _resources_pkey PRIMARY KEY (name)
);
COMMENT ON TABLE _resources IS 'The objects stripe-sync mirrors and how (a copy of the Python registry, rewritten by every migration run).';

CREATE TABLE _sync_obj_runs (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    run_id bigint NOT NULL,
    account_id text NOT NULL,
    object text NOT NULL,
    created_gte timestamp with time zone,
    created_lt timestamp with time zone,
    parent_id text,
    status text DEFAULT 'pending'::text NOT NULL,
    cursor text,
    page_count integer DEFAULT 0 NOT NULL,
    processed_count bigint DEFAULT 0 NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    error_message text,
    claimed_by text,
    claimed_until timestamp with time zone,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    kind text DEFAULT 'list'::text NOT NULL,
    cursor_created timestamp with time zone,
    parent_ids text[],
    carried_from bigint,
    failures integer DEFAULT 0 NOT NULL,
    superseded_by bigint,
    mode text DEFAULT 'unknown'::text NOT NULL,
    CONSTRAINT _sync_obj_runs_kind_check CHECK ((kind = ANY (ARRAY['list'::text, 'parents'::text, 'children'::text]))),
    CONSTRAINT _sync_obj_runs_pkey PRIMARY KEY (id),
    CONSTRAINT _sync_obj_runs_run_mode_fkey FOREIGN KEY (run_id, mode) REFERENCES _sync_runs(id, mode) ON UPDATE CASCADE ON DELETE CASCADE,
    CONSTRAINT _sync_obj_runs_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'running'::text, 'complete'::text, 'error'::text])))
);
COMMENT ON TABLE _sync_obj_runs IS 'One row per object and created window of a backfill run; the unit of work and checkpoint.';
COMMENT ON COLUMN _sync_obj_runs.mode IS 'Its run''s mode (the foreign key (run_id, mode) keeps them equal): sync_status reads each mode''s windows by index.';
CREATE INDEX _sync_obj_runs_claimable_idx ON stripe._sync_obj_runs USING btree (run_id, claimed_until) WHERE (status = ANY (ARRAY['pending'::text, 'running'::text]));
CREATE INDEX _sync_obj_runs_object_completed_idx ON stripe._sync_obj_runs USING btree (account_id, object, mode, completed_at);
CREATE INDEX _sync_obj_runs_object_run_idx ON stripe._sync_obj_runs USING btree (account_id, object, mode, run_id);
CREATE INDEX _sync_obj_runs_object_updated_idx ON stripe._sync_obj_runs USING btree (account_id, object, mode, updated_at);
CREATE INDEX _sync_obj_runs_run_idx ON stripe._sync_obj_runs USING btree (run_id, object);
CREATE INDEX _sync_obj_runs_unfinished_idx ON stripe._sync_obj_runs USING btree (account_id, object) WHERE ((status <> 'complete'::text) AND (superseded_by IS NULL));

CREATE TABLE _sync_runs (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    account_id text NOT NULL,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    closed_at timestamp with time zone,
    status text DEFAULT 'running'::text NOT NULL,
    triggered_by text,
    objects text[] DEFAULT '{}'::text[] NOT NULL,
    created_gte timestamp with time zone,
    created_lte timestamp with time zone,
    error_message text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    planned_until timestamp with time zone,
    mode text DEFAULT 'unknown'::text NOT NULL,
    CONSTRAINT _sync_runs_id_mode_key UNIQUE (id, mode),
    CONSTRAINT _sync_runs_mode_check CHECK ((mode = ANY (ARRAY['live'::text, 'test'::text, 'unknown'::text]))),
    CONSTRAINT _sync_runs_pkey PRIMARY KEY (id),
    CONSTRAINT _sync_runs_status_check CHECK ((status = ANY (ARRAY['running'::text, 'complete'::text, 'error'::text, 'cancelled'::text])))
);
COMMENT ON TABLE _sync_runs IS 'One row per backfill run; see the sync_runs view.';
COMMENT ON COLUMN _sync_runs.mode IS 'The key''s mode (live or test; unknown for a runtime that did not say): runs, cursors and windows of one mode never touch the other''s.';
CREATE INDEX _sync_runs_account_started_idx ON stripe._sync_runs USING btree (account_id, mode, started_at DESC);

CREATE TABLE _typed_columns (
    table_name text NOT NULL,
    column_name text NOT NULL,
    kind text NOT NULL,
    stored boolean DEFAULT false NOT NULL,
    ordinal integer NOT NULL,
    comment text,
    CONSTRAINT _typed_columns_kind_check CHECK ((kind = ANY (ARRAY['text'::text, 'bigint'::text, 'timestamptz'::text, 'boolean'::text, 'numeric'::text, 'decimal'::text, 'reference'::text, 'jsonb'::text, 'parent'::text]))),
    CONSTRAINT _typed_columns_pkey PRIMARY KEY (table_name, column_name),
    CONSTRAINT _typed_columns_table_name_ordinal_key UNIQUE (table_name, ordinal)
);
COMMENT ON TABLE _typed_columns IS 'The typed columns of each object view, computed from _raw_data when read (or stored when indexed); rebuild a view with _create_typed_view.';

CREATE TABLE _verified_windows (
    account_id text NOT NULL,
    object text NOT NULL,
    created_gte timestamp with time zone NOT NULL,
    created_lt timestamp with time zone NOT NULL,
    verified_at timestamp with time zone NOT NULL,
    row_count bigint NOT NULL,
    run_id bigint,
    mode text DEFAULT 'unknown'::text NOT NULL,
    CONSTRAINT _verified_windows_mode_check CHECK ((mode = ANY (ARRAY['live'::text, 'test'::text, 'unknown'::text]))),
    CONSTRAINT _verified_windows_pkey PRIMARY KEY (account_id, mode, object, created_gte)
);
COMMENT ON TABLE _verified_windows IS 'Created windows whose listing matched the table, and when: a later verify lists them again only after a write in them.';
COMMENT ON COLUMN _verified_windows.mode IS 'The verifying key''s mode: a window one mode verified is listed again by the other.';

CREATE TABLE _verify_results (
    run_id bigint NOT NULL,
    account_id text NOT NULL,
    check_type text NOT NULL,
    object text NOT NULL,
    checked bigint DEFAULT 0 NOT NULL,
    missing bigint DEFAULT 0 NOT NULL,
    extra bigint DEFAULT 0 NOT NULL,
    stale bigint DEFAULT 0 NOT NULL,
    repaired bigint DEFAULT 0 NOT NULL,
    remaining bigint DEFAULT 0 NOT NULL,
    windows_listed integer DEFAULT 0 NOT NULL,
    windows_skipped integer DEFAULT 0 NOT NULL,
    sample jsonb DEFAULT '{}'::jsonb NOT NULL,
    note text,
    error text,
    CONSTRAINT _verify_results_check_type_check CHECK ((check_type = ANY (ARRAY['events'::text, 'deep'::text]))),
    CONSTRAINT _verify_results_pkey PRIMARY KEY (run_id, check_type, object),
    CONSTRAINT _verify_results_run_id_fkey FOREIGN KEY (run_id) REFERENCES _verify_runs(id) ON DELETE CASCADE
);
COMMENT ON TABLE _verify_results IS 'What one verify run found per check and object: compared, missing, extra, stale, repaired, remaining.';

CREATE TABLE _verify_runs (
    id bigint DEFAULT nextval('_verify_runs_id_seq'::regclass) NOT NULL,
    account_id text NOT NULL,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    since timestamp with time zone NOT NULL,
    until timestamp with time zone NOT NULL,
    objects text[] NOT NULL,
    repair boolean NOT NULL,
    status text DEFAULT 'running'::text NOT NULL,
    error_message text,
    mode text DEFAULT 'unknown'::text NOT NULL,
    CONSTRAINT _verify_runs_mode_check CHECK ((mode = ANY (ARRAY['live'::text, 'test'::text, 'unknown'::text]))),
    CONSTRAINT _verify_runs_pkey PRIMARY KEY (id),
    CONSTRAINT _verify_runs_status_check CHECK ((status = ANY (ARRAY['running'::text, 'clean'::text, 'drift'::text, 'error'::text])))
);
COMMENT ON TABLE _verify_runs IS 'One row per verify run (stripe-sync verify): its account, range and outcome.';
COMMENT ON COLUMN _verify_runs.mode IS 'The verifying key''s mode (live or test; unknown for a runtime that did not say): the newest run is shown per account and mode.';
CREATE INDEX _verify_runs_account_idx ON stripe._verify_runs USING btree (account_id, mode, id);

CREATE UNLOGGED TABLE _write_listeners (
    pid integer NOT NULL,
    since timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT _write_listeners_pkey PRIMARY KEY (pid)
);
COMMENT ON TABLE _write_listeners IS 'Backends LISTENing for writes (wait_until_synced); while it has a row, writes send NOTIFY.';

CREATE TABLE accounts (
    id text NOT NULL,
    _raw_data jsonb NOT NULL,
    api_key_hashes text[] DEFAULT '{}'::text[] NOT NULL,
    _last_synced_at timestamp with time zone DEFAULT now() NOT NULL,
    _updated_at timestamp with time zone DEFAULT now() NOT NULL,
    object text GENERATED ALWAYS AS ((_raw_data ->> 'object'::text)) STORED,
    business_name text GENERATED ALWAYS AS (COALESCE(((_raw_data -> 'business_profile'::text) ->> 'name'::text), (((_raw_data -> 'settings'::text) -> 'dashboard'::text) ->> 'display_name'::text))) STORED,
    email text GENERATED ALWAYS AS ((_raw_data ->> 'email'::text)) STORED,
    country text GENERATED ALWAYS AS ((_raw_data ->> 'country'::text)) STORED,
    default_currency text GENERATED ALWAYS AS ((_raw_data ->> 'default_currency'::text)) STORED,
    type text GENERATED ALWAYS AS ((_raw_data ->> 'type'::text)) STORED,
    charges_enabled boolean GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'charges_enabled'::text))
    WHEN 'boolean'::text THEN ((_raw_data -> 'charges_enabled'::text))::boolean
    ELSE NULL::boolean
END) STORED,
    payouts_enabled boolean GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'payouts_enabled'::text))
    WHEN 'boolean'::text THEN ((_raw_data -> 'payouts_enabled'::text))::boolean
    ELSE NULL::boolean
END) STORED,
    created timestamp with time zone GENERATED ALWAYS AS (
CASE jsonb_typeof((_raw_data -> 'created'::text))
    WHEN 'number'::text THEN to_timestamp(((_raw_data -> 'created'::text))::double precision)
    ELSE NULL::timestamp with time zone
END) STORED,
    CONSTRAINT accounts_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE accounts IS 'Stripe accounts whose data is synced here (the key''s own account and connected accounts).';
CREATE INDEX accounts_api_key_hashes_idx ON stripe.accounts USING gin (api_key_hashes);

-- ================================================================================================
-- Views
-- ================================================================================================

CREATE VIEW _mrr_customer_segments AS
 WITH subs AS MATERIALIZED (
         SELECT mrr_subscription_segments.account_id,
            mrr_subscription_segments.subscription,
            mrr_subscription_segments.customer,
            mrr_subscription_segments.currency,
            mrr_subscription_segments.valid_from,
            mrr_subscription_segments.valid_to,
            mrr_subscription_segments.items,
            mrr_subscription_segments.gross_mrr,
            mrr_subscription_segments.mrr
           FROM mrr_subscription_segments
        ), changes AS (
         SELECT subs.account_id,
            subs.currency,
            subs.customer,
            subs.valid_from AS at,
            subs.mrr,
            ((subs.mrr > (0)::numeric))::integer AS paying,
            1 AS running
           FROM subs
        UNION ALL
         SELECT subs.account_id,
            subs.currency,
            subs.customer,
            subs.valid_to,
            (- subs.mrr),
            (- ((subs.mrr > (0)::numeric))::integer),
            '-1'::integer
           FROM subs
          WHERE (subs.valid_to IS NOT NULL)
        ), per_point AS (
         SELECT changes.account_id,
            changes.currency,
            changes.customer,
            changes.at,
            sum(changes.mrr) AS mrr,
            sum(changes.paying) AS paying,
            sum(changes.running) AS running
           FROM changes
          GROUP BY changes.account_id, changes.currency, changes.customer, changes.at
        ), sums AS (
         SELECT per_point.account_id,
            per_point.currency,
            per_point.customer,
            per_point.at AS valid_from,
            lead(per_point.at) OVER w AS valid_to,
            sum(per_point.mrr) OVER w AS mrr,
            sum(per_point.paying) OVER w AS subscriptions,
            sum(per_point.running) OVER w AS running
           FROM per_point
          WINDOW w AS (PARTITION BY per_point.account_id, per_point.currency, per_point.customer ORDER BY per_point.at)
        )
 SELECT account_id,
    currency,
    customer,
    valid_from,
    valid_to,
    mrr,
    (subscriptions)::bigint AS subscriptions
   FROM sums
  WHERE (running > (0)::numeric);
COMMENT ON VIEW _mrr_customer_segments IS 'Internal to the MRR views: the MRR of each customer per currency over time, one row per interval in which it is constant.';

CREATE VIEW _subscription_states AS
 WITH recorded AS (
         SELECT h.account_id,
            h.id,
            h._raw_data,
            h.valid_from,
            h.valid_to,
            (row_number() OVER (PARTITION BY h.account_id, h.id ORDER BY h.valid_from) = 1) AS first
           FROM history h
          WHERE ((h.table_name = 'subscriptions'::text) AND (EXISTS ( SELECT 1
                   FROM _history_objects o
                  WHERE (o.table_name = 'subscriptions'::text))) AND (NOT (EXISTS ( SELECT 1
                   FROM _raw_subscriptions d
                  WHERE ((d.id = h.id) AND (d._account_id = h.account_id) AND d.deleted)))))
        ), states AS (
         SELECT r.account_id,
            r.id AS subscription,
            r._raw_data AS payload,
                CASE
                    WHEN (NOT r.first) THEN r.valid_from
                    ELSE NULL::timestamp with time zone
                END AS state_from,
            r.valid_to AS state_to,
            'history'::text AS source
           FROM recorded r
        UNION ALL
         SELECT s._account_id,
            s.id,
            s._raw_data,
            NULL::timestamp with time zone AS timestamptz,
            NULL::timestamp with time zone AS timestamptz,
            'current_state'::text AS text
           FROM _raw_subscriptions s
          WHERE ((NOT s.deleted) AND (NOT (EXISTS ( SELECT 1
                   FROM recorded r
                  WHERE ((r.account_id = s._account_id) AND (r.id = s.id))))))
        )
 SELECT st.account_id,
    st.subscription,
    st.state_from,
    st.state_to,
    st.source,
    _id_of(x.customer) AS customer,
    lower((x.currency #>> '{}'::text[])) AS currency,
    (x.status #>> '{}'::text[]) AS status,
    _metric_time(x.created) AS created,
    _metric_time(x.start_date) AS start_date,
    _metric_time(x.trial_start) AS trial_start,
    _metric_time(x.trial_end) AS trial_end,
    _metric_time(x.ended_at) AS ended_at,
    _metric_time(x.cancel_at) AS cancel_at,
    _metric_time(x.canceled_at) AS canceled_at,
    x.items,
    x.discounts,
    x.discount
   FROM (states st
     CROSS JOIN LATERAL jsonb_to_record(st.payload) x(customer jsonb, currency jsonb, status jsonb, created jsonb, start_date jsonb, trial_start jsonb, trial_end jsonb, ended_at jsonb, cancel_at jsonb, canceled_at jsonb, items jsonb, discounts jsonb, discount jsonb));
COMMENT ON VIEW _subscription_states IS 'Internal to the MRR views: each subscription state and its interval [state_from, state_to) (NULL: unbounded), from history mode''s versions (source history) or the current row (current_state).';

CREATE VIEW active_entitlements AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    customer,
    feature,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'lookup_key'::text) AS lookup_key,
    (_raw_data ->> 'object'::text) AS object
   FROM _raw_active_entitlements t;
COMMENT ON VIEW active_entitlements IS 'Stripe entitlements.active_entitlement objects, children of customer (its id in column customer).';
COMMENT ON COLUMN active_entitlements.customer IS 'Id of the parent customer; set by the write path.';
COMMENT ON COLUMN active_entitlements.feature IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN active_entitlements.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN active_entitlements.lookup_key IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN active_entitlements.object IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW active_subscribers AS
 WITH daily AS MATERIALIZED (
         SELECT mrr_daily.account_id,
            mrr_daily.currency,
            mrr_daily.day,
            mrr_daily.mrr,
            mrr_daily.subscribers,
            mrr_daily.subscriptions
           FROM mrr_daily
        ), trials AS MATERIALIZED (
         SELECT DISTINCT ON (s.account_id, s.subscription) s.account_id,
            s.currency,
            s.subscription AS id,
            s.trial_start,
            LEAST(s.trial_end, s.ended_at) AS trial_to
           FROM _subscription_states s
          WHERE ((s.trial_start IS NOT NULL) AND (s.trial_end > s.trial_start) AND (s.status <> ALL (ARRAY['incomplete'::text, 'incomplete_expired'::text])))
          ORDER BY s.account_id, s.subscription, s.state_from DESC NULLS LAST
        ), months AS (
         SELECT r.account_id,
            r.currency,
            (m.m)::date AS month,
            LEAST(((m.m + '1 mon -1 days'::interval))::date, _metric_today()) AS as_of
           FROM (( SELECT daily.account_id,
                    daily.currency,
                    min(daily.day) AS first_day
                   FROM daily
                  GROUP BY daily.account_id, daily.currency
                UNION ALL
                 SELECT trials.account_id,
                    trials.currency,
                    min(_metric_day(trials.trial_start)) AS min
                   FROM trials
                  GROUP BY trials.account_id, trials.currency) r
             CROSS JOIN LATERAL generate_series(date_trunc('month'::text, (r.first_day)::timestamp without time zone), date_trunc('month'::text, (_metric_today())::timestamp without time zone), '1 mon'::interval) m(m))
          GROUP BY r.account_id, r.currency, m.m
        )
 SELECT mo.account_id,
    mo.currency,
    mo.month,
    mo.as_of,
    COALESCE(d.subscribers, (0)::bigint) AS subscribers,
    COALESCE(d.subscriptions, (0)::bigint) AS paying_subscriptions,
    ( SELECT count(*) AS count
           FROM trials t
          WHERE ((t.account_id = mo.account_id) AND (t.currency = mo.currency) AND (t.trial_start <= _metric_day_end(mo.as_of)) AND (t.trial_to > _metric_day_end(mo.as_of)))) AS trialing_subscriptions
   FROM (months mo
     LEFT JOIN daily d ON (((d.account_id = mo.account_id) AND (d.currency = mo.currency) AND (d.day = mo.as_of))));
COMMENT ON VIEW active_subscribers IS 'Paying customers and subscriptions, and subscriptions in a trial, at the end of each month per account and currency: see docs/concepts/metrics.md.';
COMMENT ON COLUMN active_subscribers.account_id IS 'The Stripe account.';
COMMENT ON COLUMN active_subscribers.currency IS 'The currency (lower case).';
COMMENT ON COLUMN active_subscribers.month IS 'The month''s first day.';
COMMENT ON COLUMN active_subscribers.as_of IS 'The day whose end the counts describe: the month''s last day, or today.';
COMMENT ON COLUMN active_subscribers.subscribers IS 'Customers with MRR above zero.';
COMMENT ON COLUMN active_subscribers.paying_subscriptions IS 'Subscriptions with MRR above zero.';
COMMENT ON COLUMN active_subscribers.trialing_subscriptions IS 'Subscriptions in their trial (not yet MRR).';

CREATE VIEW apple_pay_domains AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    created,
    (_raw_data ->> 'domain_name'::text) AS domain_name,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object
   FROM _raw_apple_pay_domains t;
COMMENT ON VIEW apple_pay_domains IS 'Stripe apple_pay_domain objects.';
COMMENT ON COLUMN apple_pay_domains.created IS 'Time at which the object was created.';
COMMENT ON COLUMN apple_pay_domains.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN apple_pay_domains.object IS 'String representing the object''s type.';

CREATE VIEW application_fee_refunds AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    balance_transaction,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
        CASE jsonb_typeof((_raw_data -> 'fee'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'fee'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'fee'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'fee'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS fee,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object
   FROM _raw_application_fee_refunds t;
COMMENT ON VIEW application_fee_refunds IS 'Stripe fee_refund objects. `Application Fee Refund` objects allow you to refund an application fee that has previously been created but not yet refunded.';
COMMENT ON COLUMN application_fee_refunds.amount IS 'Amount, in cents (or local equivalent).';
COMMENT ON COLUMN application_fee_refunds.balance_transaction IS 'Balance transaction that describes the impact on your account balance.';
COMMENT ON COLUMN application_fee_refunds.created IS 'Time at which the object was created.';
COMMENT ON COLUMN application_fee_refunds.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN application_fee_refunds.fee IS 'ID of the application fee that was refunded.';
COMMENT ON COLUMN application_fee_refunds.livemode IS 'Whether the object exists in live mode: Stripe leaves it out of these objects, so it is the mode of the key or event that wrote the row (NULL: not said).';
COMMENT ON COLUMN application_fee_refunds.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN application_fee_refunds.object IS 'String representing the object''s type.';

CREATE VIEW application_fees AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    account,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
        CASE jsonb_typeof((_raw_data -> 'amount_refunded'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_refunded'::text))::numeric = trunc(((_raw_data -> 'amount_refunded'::text))::numeric)) AND ((((_raw_data -> 'amount_refunded'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_refunded'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_refunded'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_refunded,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
    balance_transaction,
    charge,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data -> 'fee_source'::text) AS fee_source,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'originating_transaction'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'originating_transaction'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'originating_transaction'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'originating_transaction'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS originating_transaction,
        CASE jsonb_typeof((_raw_data -> 'refunded'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'refunded'::text))::boolean
            ELSE NULL::boolean
        END AS refunded,
    (_raw_data -> 'refunds'::text) AS refunds
   FROM _raw_application_fees t;
COMMENT ON VIEW application_fees IS 'Stripe application_fee objects.';
COMMENT ON COLUMN application_fees.account IS 'ID of the Stripe account this fee was taken from.';
COMMENT ON COLUMN application_fees.amount IS 'Amount earned, in cents (or local equivalent).';
COMMENT ON COLUMN application_fees.amount_refunded IS 'Amount in cents (or local equivalent) refunded (can be less than the amount attribute on the fee if a partial refund was issued)';
COMMENT ON COLUMN application_fees.application IS 'ID of the Connect application that earned the fee.';
COMMENT ON COLUMN application_fees.balance_transaction IS 'Balance transaction that describes the impact of this collected application fee on your account balance (not including refunds).';
COMMENT ON COLUMN application_fees.charge IS 'ID of the charge that the application fee was taken from.';
COMMENT ON COLUMN application_fees.created IS 'Time at which the object was created.';
COMMENT ON COLUMN application_fees.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN application_fees.fee_source IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN application_fees.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN application_fees.object IS 'String representing the object''s type.';
COMMENT ON COLUMN application_fees.originating_transaction IS 'ID of the corresponding charge on the platform account, if this fee was the result of a charge using the `destination` parameter.';
COMMENT ON COLUMN application_fees.refunded IS 'Whether the fee has been fully refunded.';
COMMENT ON COLUMN application_fees.refunds IS 'A list of refunds that have been applied to the fee.';

CREATE VIEW apps_installs AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data ->> 'account'::text) AS account,
    (_raw_data ->> 'app'::text) AS app,
        CASE jsonb_typeof((_raw_data -> 'approval_required'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'approval_required'::text))::boolean
            ELSE NULL::boolean
        END AS approval_required,
    (_raw_data ->> 'auth_code'::text) AS auth_code,
    (_raw_data ->> 'channel'::text) AS channel,
    (_raw_data -> 'content_security_policy_granted'::text) AS content_security_policy_granted,
    (_raw_data -> 'content_security_policy_pending'::text) AS content_security_policy_pending,
    created,
    (_raw_data ->> 'created_by'::text) AS created_by,
    (_raw_data -> 'endpoints_granted'::text) AS endpoints_granted,
    (_raw_data -> 'endpoints_pending'::text) AS endpoints_pending,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'permissions_granted'::text) AS permissions_granted,
    (_raw_data -> 'permissions_pending'::text) AS permissions_pending,
    (_raw_data ->> 'status'::text) AS status
   FROM _raw_apps_installs t;
COMMENT ON VIEW apps_installs IS 'Stripe apps.install objects.';

CREATE VIEW balance_transactions AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
        CASE jsonb_typeof((_raw_data -> 'available_on'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'available_on'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'available_on'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'available_on'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS available_on,
    (_raw_data ->> 'balance_type'::text) AS balance_type,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
        CASE jsonb_typeof((_raw_data -> 'exchange_rate'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'exchange_rate'::text))::numeric
            ELSE NULL::numeric
        END AS exchange_rate,
        CASE jsonb_typeof((_raw_data -> 'fee'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'fee'::text))::numeric = trunc(((_raw_data -> 'fee'::text))::numeric)) AND ((((_raw_data -> 'fee'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'fee'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'fee'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS fee,
    (_raw_data -> 'fee_details'::text) AS fee_details,
        CASE jsonb_typeof((_raw_data -> 'net'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'net'::text))::numeric = trunc(((_raw_data -> 'net'::text))::numeric)) AND ((((_raw_data -> 'net'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'net'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'net'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS net,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'reporting_category'::text) AS reporting_category,
        CASE jsonb_typeof((_raw_data -> 'source'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'source'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'source'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'source'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS source,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data ->> 'type'::text) AS type,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode
   FROM _raw_balance_transactions t;
COMMENT ON VIEW balance_transactions IS 'Stripe balance_transaction objects. Balance transactions represent funds moving through your Stripe account.';
COMMENT ON COLUMN balance_transactions.amount IS 'Gross amount of the transaction, in cents (or local equivalent).';
COMMENT ON COLUMN balance_transactions.available_on IS 'The date the transaction''s net funds will become available in the Stripe balance.';
COMMENT ON COLUMN balance_transactions.balance_type IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN balance_transactions.created IS 'Time at which the object was created.';
COMMENT ON COLUMN balance_transactions.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN balance_transactions.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN balance_transactions.exchange_rate IS 'The exchange rate used, if applicable, for this transaction.';
COMMENT ON COLUMN balance_transactions.fee IS 'Fees (in cents (or local equivalent)) paid for this transaction.';
COMMENT ON COLUMN balance_transactions.fee_details IS 'Detailed breakdown of fees (in cents (or local equivalent)) paid for this transaction.';
COMMENT ON COLUMN balance_transactions.net IS 'Net amount of the transaction, in cents (or local equivalent).';
COMMENT ON COLUMN balance_transactions.object IS 'String representing the object''s type.';
COMMENT ON COLUMN balance_transactions.reporting_category IS 'Learn more about how reporting categories can help you understand balance transactions from an accounting perspective.';
COMMENT ON COLUMN balance_transactions.source IS 'The Stripe object to which this transaction is related.';
COMMENT ON COLUMN balance_transactions.status IS 'If the transaction''s net funds are available in the Stripe balance yet.';
COMMENT ON COLUMN balance_transactions.type IS 'Transaction type: `adjustment`, `advance`, `advance_funding`, `anticipation_repayment`, `application_fee`, `application_fee_refund`, `charge`, `connect_collection_transfer`, `contribution`, `issuin...';
COMMENT ON COLUMN balance_transactions.livemode IS 'Live mode (true) or test mode (false): Stripe leaves it out of these objects, so it is the mode of the key or event that wrote the row (NULL: not said).';

CREATE VIEW billing_alerts AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data ->> 'alert_type'::text) AS alert_type,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data ->> 'title'::text) AS title,
    (_raw_data -> 'usage_threshold'::text) AS usage_threshold
   FROM _raw_billing_alerts t;
COMMENT ON VIEW billing_alerts IS 'Stripe billing.alert objects.';
COMMENT ON COLUMN billing_alerts.alert_type IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_alerts.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_alerts.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_alerts.status IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_alerts.title IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_alerts.usage_threshold IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW billing_credit_balance_transactions AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    created,
    (_raw_data -> 'credit'::text) AS credit,
    credit_grant,
    (_raw_data -> 'debit'::text) AS debit,
        CASE jsonb_typeof((_raw_data -> 'effective_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'effective_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'effective_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'effective_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS effective_at,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    test_clock,
    (_raw_data ->> 'type'::text) AS type
   FROM _raw_billing_credit_balance_transactions t;
COMMENT ON VIEW billing_credit_balance_transactions IS 'Stripe billing.credit_balance_transaction objects.';
COMMENT ON COLUMN billing_credit_balance_transactions.created IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_balance_transactions.credit IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_balance_transactions.credit_grant IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_balance_transactions.debit IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_balance_transactions.effective_at IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_balance_transactions.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_balance_transactions.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_balance_transactions.test_clock IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_balance_transactions.type IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW billing_credit_grants AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'amount'::text) AS amount,
    (_raw_data -> 'applicability_config'::text) AS applicability_config,
    (_raw_data ->> 'category'::text) AS category,
    created,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
        CASE jsonb_typeof((_raw_data -> 'effective_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'effective_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'effective_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'effective_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS effective_at,
        CASE jsonb_typeof((_raw_data -> 'expires_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'expires_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'expires_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'expires_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS expires_at,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'name'::text) AS name,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'priority'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'priority'::text))::numeric = trunc(((_raw_data -> 'priority'::text))::numeric)) AND ((((_raw_data -> 'priority'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'priority'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'priority'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS priority,
    test_clock,
        CASE jsonb_typeof((_raw_data -> 'updated'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'updated'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'updated'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'updated'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS updated,
        CASE jsonb_typeof((_raw_data -> 'voided_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'voided_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'voided_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'voided_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS voided_at
   FROM _raw_billing_credit_grants t;
COMMENT ON VIEW billing_credit_grants IS 'Stripe billing.credit_grant objects.';
COMMENT ON COLUMN billing_credit_grants.amount IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.applicability_config IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.category IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.created IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.customer IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.effective_at IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.expires_at IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.metadata IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.name IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.priority IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.test_clock IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.updated IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_credit_grants.voided_at IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW billing_feedback_options AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data ->> 'description'::text) AS description,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_transitions'::text) AS status_transitions
   FROM _raw_billing_feedback_options t;
COMMENT ON VIEW billing_feedback_options IS 'Stripe billing.feedback_option objects.';

CREATE VIEW billing_meters AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    created,
    (_raw_data -> 'customer_mapping'::text) AS customer_mapping,
    (_raw_data -> 'default_aggregation'::text) AS default_aggregation,
    (_raw_data ->> 'display_name'::text) AS display_name,
    (_raw_data ->> 'event_name'::text) AS event_name,
    (_raw_data -> 'event_time_window'::text) AS event_time_window,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_transitions'::text) AS status_transitions,
        CASE jsonb_typeof((_raw_data -> 'updated'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'updated'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'updated'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'updated'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS updated,
    (_raw_data -> 'value_settings'::text) AS value_settings
   FROM _raw_billing_meters t;
COMMENT ON VIEW billing_meters IS 'Stripe billing.meter objects.';
COMMENT ON COLUMN billing_meters.created IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_meters.customer_mapping IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_meters.default_aggregation IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_meters.display_name IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_meters.event_name IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_meters.event_time_window IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_meters.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_meters.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_meters.status IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_meters.status_transitions IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_meters.updated IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_meters.value_settings IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW billing_portal_configurations AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'active'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'active'::text))::boolean
            ELSE NULL::boolean
        END AS active,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
    (_raw_data -> 'business_profile'::text) AS business_profile,
    created,
    (_raw_data ->> 'default_return_url'::text) AS default_return_url,
    (_raw_data -> 'features'::text) AS features,
        CASE jsonb_typeof((_raw_data -> 'is_default'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'is_default'::text))::boolean
            ELSE NULL::boolean
        END AS is_default,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'login_page'::text) AS login_page,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'name'::text) AS name,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'updated'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'updated'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'updated'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'updated'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS updated
   FROM _raw_billing_portal_configurations t;
COMMENT ON VIEW billing_portal_configurations IS 'Stripe billing_portal.configuration objects. A portal configuration describes the functionality and behavior of a portal session.';
COMMENT ON COLUMN billing_portal_configurations.active IS 'Whether the configuration is active and can be used to create portal sessions.';
COMMENT ON COLUMN billing_portal_configurations.application IS 'ID of the Connect Application that created the configuration.';
COMMENT ON COLUMN billing_portal_configurations.created IS 'Time at which the object was created.';
COMMENT ON COLUMN billing_portal_configurations.default_return_url IS 'The default URL to redirect customers to when they click on the portal''s link to return to your website.';
COMMENT ON COLUMN billing_portal_configurations.is_default IS 'Whether the configuration is the default.';
COMMENT ON COLUMN billing_portal_configurations.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN billing_portal_configurations.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN billing_portal_configurations.name IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN billing_portal_configurations.object IS 'String representing the object''s type.';
COMMENT ON COLUMN billing_portal_configurations.updated IS 'Time at which the object was last updated.';

CREATE VIEW charges AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
        CASE jsonb_typeof((_raw_data -> 'amount_captured'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_captured'::text))::numeric = trunc(((_raw_data -> 'amount_captured'::text))::numeric)) AND ((((_raw_data -> 'amount_captured'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_captured'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_captured'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_captured,
        CASE jsonb_typeof((_raw_data -> 'amount_refunded'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_refunded'::text))::numeric = trunc(((_raw_data -> 'amount_refunded'::text))::numeric)) AND ((((_raw_data -> 'amount_refunded'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_refunded'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_refunded'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_refunded,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
        CASE jsonb_typeof((_raw_data -> 'application_fee'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application_fee'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application_fee'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application_fee'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application_fee,
        CASE jsonb_typeof((_raw_data -> 'application_fee_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'application_fee_amount'::text))::numeric = trunc(((_raw_data -> 'application_fee_amount'::text))::numeric)) AND ((((_raw_data -> 'application_fee_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'application_fee_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'application_fee_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS application_fee_amount,
    balance_transaction,
    (_raw_data -> 'billing_details'::text) AS billing_details,
    (_raw_data ->> 'calculated_statement_descriptor'::text) AS calculated_statement_descriptor,
        CASE jsonb_typeof((_raw_data -> 'captured'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'captured'::text))::boolean
            ELSE NULL::boolean
        END AS captured,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    customer,
    (_raw_data ->> 'description'::text) AS description,
        CASE jsonb_typeof((_raw_data -> 'disputed'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'disputed'::text))::boolean
            ELSE NULL::boolean
        END AS disputed,
        CASE jsonb_typeof((_raw_data -> 'failure_balance_transaction'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'failure_balance_transaction'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'failure_balance_transaction'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'failure_balance_transaction'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS failure_balance_transaction,
    (_raw_data ->> 'failure_code'::text) AS failure_code,
    (_raw_data ->> 'failure_message'::text) AS failure_message,
    (_raw_data -> 'fraud_details'::text) AS fraud_details,
    invoice,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'on_behalf_of'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'on_behalf_of'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'on_behalf_of'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'on_behalf_of'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS on_behalf_of,
    (_raw_data -> 'outcome'::text) AS outcome,
        CASE jsonb_typeof((_raw_data -> 'paid'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'paid'::text))::boolean
            ELSE NULL::boolean
        END AS paid,
    payment_intent,
    (_raw_data ->> 'payment_method'::text) AS payment_method,
    (_raw_data -> 'payment_method_details'::text) AS payment_method_details,
    (_raw_data -> 'radar_options'::text) AS radar_options,
    (_raw_data ->> 'receipt_email'::text) AS receipt_email,
    (_raw_data ->> 'receipt_number'::text) AS receipt_number,
    (_raw_data ->> 'receipt_url'::text) AS receipt_url,
        CASE jsonb_typeof((_raw_data -> 'refunded'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'refunded'::text))::boolean
            ELSE NULL::boolean
        END AS refunded,
    (_raw_data -> 'refunds'::text) AS refunds,
        CASE jsonb_typeof((_raw_data -> 'review'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'review'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'review'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'review'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS review,
    (_raw_data -> 'shipping'::text) AS shipping,
    (_raw_data -> 'source'::text) AS source,
        CASE jsonb_typeof((_raw_data -> 'source_transfer'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'source_transfer'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'source_transfer'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'source_transfer'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS source_transfer,
    (_raw_data ->> 'statement_descriptor'::text) AS statement_descriptor,
    (_raw_data ->> 'statement_descriptor_suffix'::text) AS statement_descriptor_suffix,
    (_raw_data ->> 'status'::text) AS status,
        CASE jsonb_typeof((_raw_data -> 'transfer'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'transfer'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'transfer'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'transfer'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS transfer,
    (_raw_data -> 'transfer_data'::text) AS transfer_data,
    (_raw_data ->> 'transfer_group'::text) AS transfer_group
   FROM _raw_charges t;
COMMENT ON VIEW charges IS 'Stripe charge objects. The `Charge` object represents a single attempt to move money into your Stripe account.';
COMMENT ON COLUMN charges.amount IS 'Amount intended to be collected by this payment.';
COMMENT ON COLUMN charges.amount_captured IS 'Amount in cents (or local equivalent) captured (can be less than the amount attribute on the charge if a partial capture was made).';
COMMENT ON COLUMN charges.amount_refunded IS 'Amount in cents (or local equivalent) refunded (can be less than the amount attribute on the charge if a partial refund was issued).';
COMMENT ON COLUMN charges.application IS 'ID of the Connect application that created the charge.';
COMMENT ON COLUMN charges.application_fee IS 'The application fee (if any) for the charge.';
COMMENT ON COLUMN charges.application_fee_amount IS 'The amount of the application fee (if any) requested for the charge.';
COMMENT ON COLUMN charges.balance_transaction IS 'ID of the balance transaction that describes the impact of this charge on your account balance (not including refunds or disputes).';
COMMENT ON COLUMN charges.calculated_statement_descriptor IS 'The full statement descriptor that is passed to card networks, and that is displayed on your customers'' credit card and bank statements.';
COMMENT ON COLUMN charges.captured IS 'If the charge was created without capturing, this Boolean represents whether it is still uncaptured or has since been captured.';
COMMENT ON COLUMN charges.created IS 'Time at which the object was created.';
COMMENT ON COLUMN charges.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN charges.customer IS 'ID of the customer this charge is for if one exists.';
COMMENT ON COLUMN charges.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN charges.disputed IS 'Whether the charge has been disputed.';
COMMENT ON COLUMN charges.failure_balance_transaction IS 'ID of the balance transaction that describes the reversal of the balance on your account due to payment failure.';
COMMENT ON COLUMN charges.failure_code IS 'Error code explaining reason for charge failure if available (see the errors section for a list of codes).';
COMMENT ON COLUMN charges.failure_message IS 'Message to user further explaining reason for charge failure if available.';
COMMENT ON COLUMN charges.fraud_details IS 'Information on fraud assessments for the charge.';
COMMENT ON COLUMN charges.invoice IS 'ID of the invoice this charge is for if one exists.';
COMMENT ON COLUMN charges.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN charges.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN charges.object IS 'String representing the object''s type.';
COMMENT ON COLUMN charges.on_behalf_of IS 'The account (if any) the charge was made on behalf of without triggering an automatic transfer.';
COMMENT ON COLUMN charges.outcome IS 'Details about whether the payment was accepted, and why.';
COMMENT ON COLUMN charges.paid IS '`true` if the charge succeeded, or was successfully authorized for later capture.';
COMMENT ON COLUMN charges.payment_intent IS 'ID of the PaymentIntent associated with this charge, if one exists.';
COMMENT ON COLUMN charges.payment_method IS 'ID of the payment method used in this charge.';
COMMENT ON COLUMN charges.payment_method_details IS 'Details about the payment method at the time of the transaction.';
COMMENT ON COLUMN charges.receipt_email IS 'This is the email address that the receipt for this charge was sent to.';
COMMENT ON COLUMN charges.receipt_number IS 'This is the transaction number that appears on email receipts sent for this charge.';
COMMENT ON COLUMN charges.receipt_url IS 'This is the URL to view the receipt for this charge.';
COMMENT ON COLUMN charges.refunded IS 'Whether the charge has been fully refunded.';
COMMENT ON COLUMN charges.refunds IS 'A list of refunds that have been applied to the charge.';
COMMENT ON COLUMN charges.review IS 'ID of the review associated with this charge if one exists.';
COMMENT ON COLUMN charges.shipping IS 'Shipping information for the charge.';
COMMENT ON COLUMN charges.source IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN charges.source_transfer IS 'The transfer ID which created this charge.';
COMMENT ON COLUMN charges.statement_descriptor IS 'For card charges, use `statement_descriptor_suffix` instead.';
COMMENT ON COLUMN charges.statement_descriptor_suffix IS 'Provides information about the charge that customers see on their statements.';
COMMENT ON COLUMN charges.status IS 'The status of the payment is either `succeeded`, `pending`, or `failed`.';
COMMENT ON COLUMN charges.transfer IS 'ID of the transfer to the `destination` account (only applicable if the charge was created using the `destination` parameter).';
COMMENT ON COLUMN charges.transfer_data IS 'An optional dictionary including the account to automatically transfer to as part of a destination charge.';
COMMENT ON COLUMN charges.transfer_group IS 'A string that identifies this transaction as part of a group.';

CREATE VIEW checkout_session_line_items AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    checkout_session,
    (_raw_data -> 'adjustable_quantity'::text) AS adjustable_quantity,
        CASE jsonb_typeof((_raw_data -> 'amount_discount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_discount'::text))::numeric = trunc(((_raw_data -> 'amount_discount'::text))::numeric)) AND ((((_raw_data -> 'amount_discount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_discount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_discount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_discount,
        CASE jsonb_typeof((_raw_data -> 'amount_subtotal'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_subtotal'::text))::numeric = trunc(((_raw_data -> 'amount_subtotal'::text))::numeric)) AND ((((_raw_data -> 'amount_subtotal'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_subtotal'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_subtotal'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_subtotal,
        CASE jsonb_typeof((_raw_data -> 'amount_tax'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_tax'::text))::numeric = trunc(((_raw_data -> 'amount_tax'::text))::numeric)) AND ((((_raw_data -> 'amount_tax'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_tax'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_tax'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_tax,
        CASE jsonb_typeof((_raw_data -> 'amount_total'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_total'::text))::numeric = trunc(((_raw_data -> 'amount_total'::text))::numeric)) AND ((((_raw_data -> 'amount_total'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_total'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_total'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_total,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'discounts'::text) AS discounts,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    price,
        CASE jsonb_typeof((_raw_data -> 'quantity'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'quantity'::text))::numeric = trunc(((_raw_data -> 'quantity'::text))::numeric)) AND ((((_raw_data -> 'quantity'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'quantity'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'quantity'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS quantity,
    (_raw_data -> 'taxes'::text) AS taxes,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode
   FROM _raw_checkout_session_line_items t;
COMMENT ON VIEW checkout_session_line_items IS 'Stripe item objects, children of checkout_session (its id in column checkout_session). A line item.';
COMMENT ON COLUMN checkout_session_line_items.checkout_session IS 'Id of the parent checkout_session; set by the write path.';
COMMENT ON COLUMN checkout_session_line_items.adjustable_quantity IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_session_line_items.amount_discount IS 'Total discount amount applied.';
COMMENT ON COLUMN checkout_session_line_items.amount_subtotal IS 'Total before any discounts or taxes are applied.';
COMMENT ON COLUMN checkout_session_line_items.amount_tax IS 'Total tax amount applied.';
COMMENT ON COLUMN checkout_session_line_items.amount_total IS 'Total after discounts and taxes.';
COMMENT ON COLUMN checkout_session_line_items.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN checkout_session_line_items.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN checkout_session_line_items.discounts IS 'The discounts applied to the line item.';
COMMENT ON COLUMN checkout_session_line_items.metadata IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_session_line_items.object IS 'String representing the object''s type.';
COMMENT ON COLUMN checkout_session_line_items.price IS 'The price used to generate the line item.';
COMMENT ON COLUMN checkout_session_line_items.quantity IS 'The quantity of products being purchased.';
COMMENT ON COLUMN checkout_session_line_items.taxes IS 'The taxes applied to the line item.';
COMMENT ON COLUMN checkout_session_line_items.livemode IS 'Live mode (true) or test mode (false): Stripe leaves it out of these objects, so it is the mode of the key or event that wrote the row (NULL: not said).';

CREATE VIEW checkout_sessions AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'adaptive_pricing'::text) AS adaptive_pricing,
    (_raw_data -> 'after_expiration'::text) AS after_expiration,
        CASE jsonb_typeof((_raw_data -> 'allow_promotion_codes'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'allow_promotion_codes'::text))::boolean
            ELSE NULL::boolean
        END AS allow_promotion_codes,
        CASE jsonb_typeof((_raw_data -> 'amount_subtotal'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_subtotal'::text))::numeric = trunc(((_raw_data -> 'amount_subtotal'::text))::numeric)) AND ((((_raw_data -> 'amount_subtotal'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_subtotal'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_subtotal'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_subtotal,
        CASE jsonb_typeof((_raw_data -> 'amount_total'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_total'::text))::numeric = trunc(((_raw_data -> 'amount_total'::text))::numeric)) AND ((((_raw_data -> 'amount_total'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_total'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_total'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_total,
    (_raw_data -> 'automatic_tax'::text) AS automatic_tax,
    (_raw_data ->> 'billing_address_collection'::text) AS billing_address_collection,
    (_raw_data ->> 'cancel_url'::text) AS cancel_url,
    (_raw_data ->> 'client_reference_id'::text) AS client_reference_id,
    (_raw_data ->> 'client_secret'::text) AS client_secret,
    (_raw_data -> 'collected_information'::text) AS collected_information,
    (_raw_data -> 'consent'::text) AS consent,
    (_raw_data -> 'consent_collection'::text) AS consent_collection,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data -> 'currency_conversion'::text) AS currency_conversion,
    (_raw_data -> 'custom_fields'::text) AS custom_fields,
    (_raw_data -> 'custom_text'::text) AS custom_text,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
    (_raw_data ->> 'customer_creation'::text) AS customer_creation,
    (_raw_data -> 'customer_details'::text) AS customer_details,
    (_raw_data ->> 'customer_email'::text) AS customer_email,
    (_raw_data -> 'discounts'::text) AS discounts,
        CASE jsonb_typeof((_raw_data -> 'expires_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'expires_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'expires_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'expires_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS expires_at,
    (_raw_data -> 'integration_identifier'::text) AS integration_identifier,
    invoice,
    (_raw_data -> 'invoice_creation'::text) AS invoice_creation,
    (_raw_data -> 'line_items'::text) AS line_items,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'locale'::text) AS locale,
    (_raw_data -> 'managed_payments'::text) AS managed_payments,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'mode'::text) AS mode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'origin_context'::text) AS origin_context,
    payment_intent,
        CASE jsonb_typeof((_raw_data -> 'payment_link'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'payment_link'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'payment_link'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'payment_link'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS payment_link,
    (_raw_data ->> 'payment_method_collection'::text) AS payment_method_collection,
    (_raw_data -> 'payment_method_configuration_details'::text) AS payment_method_configuration_details,
    (_raw_data -> 'payment_method_options'::text) AS payment_method_options,
    (_raw_data -> 'payment_method_types'::text) AS payment_method_types,
    (_raw_data ->> 'payment_status'::text) AS payment_status,
    (_raw_data -> 'permissions'::text) AS permissions,
    (_raw_data -> 'phone_number_collection'::text) AS phone_number_collection,
    (_raw_data ->> 'recovered_from'::text) AS recovered_from,
    (_raw_data -> 'saved_payment_method_options'::text) AS saved_payment_method_options,
    setup_intent,
    (_raw_data -> 'shipping_address_collection'::text) AS shipping_address_collection,
    (_raw_data -> 'shipping_cost'::text) AS shipping_cost,
    (_raw_data -> 'shipping_details'::text) AS shipping_details,
    (_raw_data -> 'shipping_options'::text) AS shipping_options,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data ->> 'submit_type'::text) AS submit_type,
    subscription,
    (_raw_data ->> 'success_url'::text) AS success_url,
    (_raw_data -> 'tax_id_collection'::text) AS tax_id_collection,
    (_raw_data -> 'total_details'::text) AS total_details,
    (_raw_data -> 'ui_mode'::text) AS ui_mode,
    (_raw_data ->> 'url'::text) AS url,
    (_raw_data -> 'wallet_options'::text) AS wallet_options
   FROM _raw_checkout_sessions t;
COMMENT ON VIEW checkout_sessions IS 'Stripe checkout.session objects. A Checkout Session represents your customer''s session as they pay for one-time purchases or subscriptions through Checkout or Payment Links.';
COMMENT ON COLUMN checkout_sessions.adaptive_pricing IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_sessions.after_expiration IS 'When set, provides configuration for actions to take if this Checkout Session expires.';
COMMENT ON COLUMN checkout_sessions.allow_promotion_codes IS 'Enables user redeemable promotion codes.';
COMMENT ON COLUMN checkout_sessions.amount_subtotal IS 'Total of all items before discounts or taxes are applied.';
COMMENT ON COLUMN checkout_sessions.amount_total IS 'Total of all items after discounts and taxes are applied.';
COMMENT ON COLUMN checkout_sessions.billing_address_collection IS 'Describes whether Checkout should collect the customer''s billing address.';
COMMENT ON COLUMN checkout_sessions.cancel_url IS 'If set, Checkout displays a back button and customers will be directed to this URL if they decide to cancel payment and return to your website.';
COMMENT ON COLUMN checkout_sessions.client_reference_id IS 'A unique string to reference the Checkout Session.';
COMMENT ON COLUMN checkout_sessions.client_secret IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_sessions.collected_information IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_sessions.consent IS 'Results of `consent_collection` for this session.';
COMMENT ON COLUMN checkout_sessions.consent_collection IS 'When set, provides configuration for the Checkout Session to gather active consent from customers.';
COMMENT ON COLUMN checkout_sessions.created IS 'Time at which the object was created.';
COMMENT ON COLUMN checkout_sessions.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN checkout_sessions.currency_conversion IS 'Currency conversion details for automatic currency conversion sessions';
COMMENT ON COLUMN checkout_sessions.custom_fields IS 'Collect additional information from your customer using custom fields.';
COMMENT ON COLUMN checkout_sessions.customer IS 'The ID of the customer for this Session.';
COMMENT ON COLUMN checkout_sessions.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_sessions.customer_creation IS 'Configure whether a Checkout Session creates a Customer when the Checkout Session completes.';
COMMENT ON COLUMN checkout_sessions.customer_details IS 'The customer details including the customer''s tax exempt status and the customer''s tax IDs.';
COMMENT ON COLUMN checkout_sessions.customer_email IS 'If provided, this value will be used when the Customer object is created.';
COMMENT ON COLUMN checkout_sessions.discounts IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_sessions.expires_at IS 'The timestamp at which the Checkout Session will expire.';
COMMENT ON COLUMN checkout_sessions.integration_identifier IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_sessions.invoice IS 'ID of the invoice created by the Checkout Session, if it exists.';
COMMENT ON COLUMN checkout_sessions.invoice_creation IS 'Details on the state of invoice creation for the Checkout Session.';
COMMENT ON COLUMN checkout_sessions.line_items IS 'The line items purchased by the customer.';
COMMENT ON COLUMN checkout_sessions.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN checkout_sessions.locale IS 'The IETF language tag of the locale Checkout is displayed in.';
COMMENT ON COLUMN checkout_sessions.managed_payments IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_sessions.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN checkout_sessions.mode IS 'The mode of the Checkout Session.';
COMMENT ON COLUMN checkout_sessions.object IS 'String representing the object''s type.';
COMMENT ON COLUMN checkout_sessions.origin_context IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_sessions.payment_intent IS 'The ID of the PaymentIntent for Checkout Sessions in `payment` mode.';
COMMENT ON COLUMN checkout_sessions.payment_link IS 'The ID of the Payment Link that created this Session.';
COMMENT ON COLUMN checkout_sessions.payment_method_collection IS 'Configure whether a Checkout Session should collect a payment method.';
COMMENT ON COLUMN checkout_sessions.payment_method_configuration_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_sessions.payment_method_options IS 'Payment-method-specific configuration for the PaymentIntent or SetupIntent of this CheckoutSession.';
COMMENT ON COLUMN checkout_sessions.payment_method_types IS 'A list of the types of payment methods (e.g. card) this Checkout Session is allowed to accept.';
COMMENT ON COLUMN checkout_sessions.payment_status IS 'The payment status of the Checkout Session, one of `paid`, `unpaid`, or `no_payment_required`.';
COMMENT ON COLUMN checkout_sessions.permissions IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_sessions.recovered_from IS 'The ID of the original expired Checkout Session that triggered the recovery flow.';
COMMENT ON COLUMN checkout_sessions.saved_payment_method_options IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_sessions.setup_intent IS 'The ID of the SetupIntent for Checkout Sessions in `setup` mode.';
COMMENT ON COLUMN checkout_sessions.shipping_address_collection IS 'When set, provides configuration for Checkout to collect a shipping address from a customer.';
COMMENT ON COLUMN checkout_sessions.shipping_cost IS 'The details of the customer cost of shipping, including the customer chosen ShippingRate.';
COMMENT ON COLUMN checkout_sessions.shipping_details IS 'Shipping information for this Checkout Session.';
COMMENT ON COLUMN checkout_sessions.shipping_options IS 'The shipping rate options applied to this Session.';
COMMENT ON COLUMN checkout_sessions.status IS 'The status of the Checkout Session, one of `open`, `complete`, or `expired`.';
COMMENT ON COLUMN checkout_sessions.submit_type IS 'Describes the type of transaction being performed by Checkout in order to customize relevant text on the page, such as the submit button.';
COMMENT ON COLUMN checkout_sessions.subscription IS 'The ID of the subscription for Checkout Sessions in `subscription` mode.';
COMMENT ON COLUMN checkout_sessions.success_url IS 'The URL the customer will be directed to after the payment or subscription creation is successful.';
COMMENT ON COLUMN checkout_sessions.total_details IS 'Tax and discount details for the computed total amount.';
COMMENT ON COLUMN checkout_sessions.ui_mode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN checkout_sessions.url IS 'The URL to the Checkout Session.';
COMMENT ON COLUMN checkout_sessions.wallet_options IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW climate_orders AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount_fees'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_fees'::text))::numeric = trunc(((_raw_data -> 'amount_fees'::text))::numeric)) AND ((((_raw_data -> 'amount_fees'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_fees'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_fees'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_fees,
        CASE jsonb_typeof((_raw_data -> 'amount_subtotal'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_subtotal'::text))::numeric = trunc(((_raw_data -> 'amount_subtotal'::text))::numeric)) AND ((((_raw_data -> 'amount_subtotal'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_subtotal'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_subtotal'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_subtotal,
        CASE jsonb_typeof((_raw_data -> 'amount_total'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_total'::text))::numeric = trunc(((_raw_data -> 'amount_total'::text))::numeric)) AND ((((_raw_data -> 'amount_total'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_total'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_total'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_total,
    (_raw_data -> 'beneficiary'::text) AS beneficiary,
        CASE jsonb_typeof((_raw_data -> 'canceled_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'canceled_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'canceled_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'canceled_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS canceled_at,
    (_raw_data ->> 'cancellation_reason'::text) AS cancellation_reason,
    (_raw_data -> 'certificate'::text) AS certificate,
        CASE jsonb_typeof((_raw_data -> 'confirmed_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'confirmed_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'confirmed_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'confirmed_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS confirmed_at,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
        CASE jsonb_typeof((_raw_data -> 'delayed_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'delayed_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'delayed_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'delayed_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS delayed_at,
        CASE jsonb_typeof((_raw_data -> 'delivered_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'delivered_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'delivered_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'delivered_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS delivered_at,
    (_raw_data -> 'delivery_details'::text) AS delivery_details,
        CASE jsonb_typeof((_raw_data -> 'expected_delivery_year'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'expected_delivery_year'::text))::numeric = trunc(((_raw_data -> 'expected_delivery_year'::text))::numeric)) AND ((((_raw_data -> 'expected_delivery_year'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'expected_delivery_year'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'expected_delivery_year'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS expected_delivery_year,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'metric_tons'::text) AS metric_tons,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'product'::text) AS product,
        CASE jsonb_typeof((_raw_data -> 'product_substituted_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'product_substituted_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'product_substituted_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'product_substituted_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS product_substituted_at,
    (_raw_data ->> 'status'::text) AS status
   FROM _raw_climate_orders t;
COMMENT ON VIEW climate_orders IS 'Stripe climate.order objects.';
COMMENT ON COLUMN climate_orders.amount_fees IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.amount_subtotal IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.amount_total IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.beneficiary IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.canceled_at IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.cancellation_reason IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.certificate IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.confirmed_at IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.created IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.currency IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.delayed_at IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.delivered_at IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.delivery_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.expected_delivery_year IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.metadata IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.metric_tons IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.product IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.product_substituted_at IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN climate_orders.status IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW connected_accounts AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'business_profile'::text) AS business_profile,
    (_raw_data ->> 'business_type'::text) AS business_type,
    (_raw_data -> 'capabilities'::text) AS capabilities,
        CASE jsonb_typeof((_raw_data -> 'charges_enabled'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'charges_enabled'::text))::boolean
            ELSE NULL::boolean
        END AS charges_enabled,
    (_raw_data -> 'company'::text) AS company,
    (_raw_data -> 'controller'::text) AS controller,
    (_raw_data ->> 'country'::text) AS country,
    created,
    (_raw_data ->> 'default_currency'::text) AS default_currency,
        CASE jsonb_typeof((_raw_data -> 'details_submitted'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'details_submitted'::text))::boolean
            ELSE NULL::boolean
        END AS details_submitted,
    (_raw_data ->> 'email'::text) AS email,
    (_raw_data -> 'external_accounts'::text) AS external_accounts,
    (_raw_data -> 'future_requirements'::text) AS future_requirements,
    (_raw_data -> 'individual'::text) AS individual,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'payouts_enabled'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'payouts_enabled'::text))::boolean
            ELSE NULL::boolean
        END AS payouts_enabled,
    (_raw_data -> 'requirements'::text) AS requirements,
    (_raw_data -> 'settings'::text) AS settings,
    (_raw_data -> 'tos_acceptance'::text) AS tos_acceptance,
    (_raw_data ->> 'type'::text) AS type
   FROM _raw_connected_accounts t;
COMMENT ON VIEW connected_accounts IS 'Stripe account objects. This is an object representing a Stripe account.';
COMMENT ON COLUMN connected_accounts.business_profile IS 'Business information about the account.';
COMMENT ON COLUMN connected_accounts.business_type IS 'The business type.';
COMMENT ON COLUMN connected_accounts.charges_enabled IS 'Whether the account can create live charges.';
COMMENT ON COLUMN connected_accounts.country IS 'The account''s country.';
COMMENT ON COLUMN connected_accounts.created IS 'Time at which the account was connected.';
COMMENT ON COLUMN connected_accounts.default_currency IS 'Three-letter ISO currency code representing the default currency for the account.';
COMMENT ON COLUMN connected_accounts.details_submitted IS 'Whether account details have been submitted.';
COMMENT ON COLUMN connected_accounts.email IS 'An email address associated with the account.';
COMMENT ON COLUMN connected_accounts.external_accounts IS 'External accounts (bank accounts and debit cards) currently attached to this account';
COMMENT ON COLUMN connected_accounts.livemode IS 'Whether the object exists in live mode: Stripe leaves it out of these objects, so it is the mode of the key or event that wrote the row (NULL: not said).';
COMMENT ON COLUMN connected_accounts.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN connected_accounts.object IS 'String representing the object''s type.';
COMMENT ON COLUMN connected_accounts.payouts_enabled IS 'Whether Stripe can send payouts to this account.';
COMMENT ON COLUMN connected_accounts.settings IS 'Options for customizing how the account functions within Stripe.';
COMMENT ON COLUMN connected_accounts.type IS 'The Stripe account type.';

CREATE VIEW coupons AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount_off'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_off'::text))::numeric = trunc(((_raw_data -> 'amount_off'::text))::numeric)) AND ((((_raw_data -> 'amount_off'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_off'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_off'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_off,
    (_raw_data -> 'applies_to'::text) AS applies_to,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data -> 'currency_options'::text) AS currency_options,
    (_raw_data ->> 'duration'::text) AS duration,
        CASE jsonb_typeof((_raw_data -> 'duration_in_months'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'duration_in_months'::text))::numeric = trunc(((_raw_data -> 'duration_in_months'::text))::numeric)) AND ((((_raw_data -> 'duration_in_months'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'duration_in_months'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'duration_in_months'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS duration_in_months,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
        CASE jsonb_typeof((_raw_data -> 'max_redemptions'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'max_redemptions'::text))::numeric = trunc(((_raw_data -> 'max_redemptions'::text))::numeric)) AND ((((_raw_data -> 'max_redemptions'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'max_redemptions'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'max_redemptions'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS max_redemptions,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'name'::text) AS name,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'percent_off'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'percent_off'::text))::numeric
            ELSE NULL::numeric
        END AS percent_off,
        CASE jsonb_typeof((_raw_data -> 'redeem_by'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'redeem_by'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'redeem_by'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'redeem_by'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS redeem_by,
        CASE jsonb_typeof((_raw_data -> 'times_redeemed'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'times_redeemed'::text))::numeric = trunc(((_raw_data -> 'times_redeemed'::text))::numeric)) AND ((((_raw_data -> 'times_redeemed'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'times_redeemed'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'times_redeemed'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS times_redeemed,
        CASE jsonb_typeof((_raw_data -> 'valid'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'valid'::text))::boolean
            ELSE NULL::boolean
        END AS valid
   FROM _raw_coupons t;
COMMENT ON VIEW coupons IS 'Stripe coupon objects. A coupon contains information about a percent-off or amount-off discount you might want to apply to a customer.';
COMMENT ON COLUMN coupons.amount_off IS 'Amount (in the `currency` specified) that will be taken off the subtotal of any invoices for this customer.';
COMMENT ON COLUMN coupons.created IS 'Time at which the object was created.';
COMMENT ON COLUMN coupons.currency IS 'If `amount_off` has been set, the three-letter ISO code for the currency of the amount to take off.';
COMMENT ON COLUMN coupons.currency_options IS 'Coupons defined in each available currency option.';
COMMENT ON COLUMN coupons.duration IS 'One of `forever`, `once`, and `repeating`.';
COMMENT ON COLUMN coupons.duration_in_months IS 'If `duration` is `repeating`, the number of months the coupon applies.';
COMMENT ON COLUMN coupons.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN coupons.max_redemptions IS 'Maximum number of times this coupon can be redeemed, in total, across all customers, before it is no longer valid.';
COMMENT ON COLUMN coupons.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN coupons.name IS 'Name of the coupon displayed to customers on for instance invoices or receipts.';
COMMENT ON COLUMN coupons.object IS 'String representing the object''s type.';
COMMENT ON COLUMN coupons.percent_off IS 'Percent that will be taken off the subtotal of any invoices for this customer for the duration of the coupon.';
COMMENT ON COLUMN coupons.redeem_by IS 'Date after which the coupon can no longer be redeemed.';
COMMENT ON COLUMN coupons.times_redeemed IS 'Number of times this coupon has been applied to a customer.';
COMMENT ON COLUMN coupons.valid IS 'Taking account of the above properties, whether this coupon can still be applied to a customer.';

CREATE VIEW credit_note_line_items AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    credit_note,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
        CASE jsonb_typeof((_raw_data -> 'amount_excluding_tax'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_excluding_tax'::text))::numeric = trunc(((_raw_data -> 'amount_excluding_tax'::text))::numeric)) AND ((((_raw_data -> 'amount_excluding_tax'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_excluding_tax'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_excluding_tax'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_excluding_tax,
    (_raw_data ->> 'description'::text) AS description,
        CASE jsonb_typeof((_raw_data -> 'discount_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'discount_amount'::text))::numeric = trunc(((_raw_data -> 'discount_amount'::text))::numeric)) AND ((((_raw_data -> 'discount_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'discount_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'discount_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS discount_amount,
    (_raw_data -> 'discount_amounts'::text) AS discount_amounts,
    invoice_line_item,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'pretax_credit_amounts'::text) AS pretax_credit_amounts,
        CASE jsonb_typeof((_raw_data -> 'quantity'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'quantity'::text))::numeric = trunc(((_raw_data -> 'quantity'::text))::numeric)) AND ((((_raw_data -> 'quantity'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'quantity'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'quantity'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS quantity,
    (_raw_data -> 'tax_amounts'::text) AS tax_amounts,
    (_raw_data -> 'tax_rates'::text) AS tax_rates,
    (_raw_data -> 'taxes'::text) AS taxes,
    (_raw_data ->> 'type'::text) AS type,
        CASE jsonb_typeof((_raw_data -> 'unit_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'unit_amount'::text))::numeric = trunc(((_raw_data -> 'unit_amount'::text))::numeric)) AND ((((_raw_data -> 'unit_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'unit_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'unit_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS unit_amount,
        CASE jsonb_typeof((_raw_data -> 'unit_amount_decimal'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'unit_amount_decimal'::text))::numeric
            WHEN 'string'::text THEN
            CASE
                WHEN ((length((_raw_data ->> 'unit_amount_decimal'::text)) <= 100) AND ((_raw_data ->> 'unit_amount_decimal'::text) ~ '^-?[0-9]+(\.[0-9]+)?$'::text)) THEN ((_raw_data ->> 'unit_amount_decimal'::text))::numeric
                ELSE NULL::numeric
            END
            ELSE NULL::numeric
        END AS unit_amount_decimal,
        CASE jsonb_typeof((_raw_data -> 'unit_amount_excluding_tax'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'unit_amount_excluding_tax'::text))::numeric
            WHEN 'string'::text THEN
            CASE
                WHEN ((length((_raw_data ->> 'unit_amount_excluding_tax'::text)) <= 100) AND ((_raw_data ->> 'unit_amount_excluding_tax'::text) ~ '^-?[0-9]+(\.[0-9]+)?$'::text)) THEN ((_raw_data ->> 'unit_amount_excluding_tax'::text))::numeric
                ELSE NULL::numeric
            END
            ELSE NULL::numeric
        END AS unit_amount_excluding_tax
   FROM _raw_credit_note_line_items t;
COMMENT ON VIEW credit_note_line_items IS 'Stripe credit_note_line_item objects, children of credit_note (its id in column credit_note). The credit note line item object';
COMMENT ON COLUMN credit_note_line_items.credit_note IS 'Id of the parent credit_note; set by the write path.';
COMMENT ON COLUMN credit_note_line_items.amount IS 'The integer amount in cents (or local equivalent) representing the gross amount being credited for this line item, excluding (exclusive) tax and discounts.';
COMMENT ON COLUMN credit_note_line_items.amount_excluding_tax IS 'The integer amount in cents (or local equivalent) representing the amount being credited for this line item, excluding all tax and discounts.';
COMMENT ON COLUMN credit_note_line_items.description IS 'Description of the item being credited.';
COMMENT ON COLUMN credit_note_line_items.discount_amount IS 'The integer amount in cents (or local equivalent) representing the discount being credited for this line item.';
COMMENT ON COLUMN credit_note_line_items.discount_amounts IS 'The amount of discount calculated per discount for this line item';
COMMENT ON COLUMN credit_note_line_items.invoice_line_item IS 'ID of the invoice line item being credited';
COMMENT ON COLUMN credit_note_line_items.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN credit_note_line_items.metadata IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN credit_note_line_items.object IS 'String representing the object''s type.';
COMMENT ON COLUMN credit_note_line_items.pretax_credit_amounts IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN credit_note_line_items.quantity IS 'The number of units of product being credited.';
COMMENT ON COLUMN credit_note_line_items.tax_amounts IS 'The amount of tax calculated per tax rate for this line item';
COMMENT ON COLUMN credit_note_line_items.tax_rates IS 'The tax rates which apply to the line item.';
COMMENT ON COLUMN credit_note_line_items.taxes IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN credit_note_line_items.type IS 'The type of the credit note line item, one of `invoice_line_item` or `custom_line_item`.';
COMMENT ON COLUMN credit_note_line_items.unit_amount IS 'The cost of each unit of product being credited.';
COMMENT ON COLUMN credit_note_line_items.unit_amount_decimal IS 'Same as `unit_amount`, but contains a decimal value with at most 12 decimal places.';
COMMENT ON COLUMN credit_note_line_items.unit_amount_excluding_tax IS 'The amount in cents (or local equivalent) representing the unit amount being credited for this line item, excluding all tax and discounts.';

CREATE VIEW credit_notes AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
        CASE jsonb_typeof((_raw_data -> 'amount_shipping'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_shipping'::text))::numeric = trunc(((_raw_data -> 'amount_shipping'::text))::numeric)) AND ((((_raw_data -> 'amount_shipping'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_shipping'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_shipping'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_shipping,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
        CASE jsonb_typeof((_raw_data -> 'customer_balance_transaction'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'customer_balance_transaction'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'customer_balance_transaction'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'customer_balance_transaction'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS customer_balance_transaction,
        CASE jsonb_typeof((_raw_data -> 'discount_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'discount_amount'::text))::numeric = trunc(((_raw_data -> 'discount_amount'::text))::numeric)) AND ((((_raw_data -> 'discount_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'discount_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'discount_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS discount_amount,
    (_raw_data -> 'discount_amounts'::text) AS discount_amounts,
        CASE jsonb_typeof((_raw_data -> 'effective_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'effective_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'effective_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'effective_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS effective_at,
    invoice,
    (_raw_data -> 'lines'::text) AS lines,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'memo'::text) AS memo,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'number'::text) AS number,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'out_of_band_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'out_of_band_amount'::text))::numeric = trunc(((_raw_data -> 'out_of_band_amount'::text))::numeric)) AND ((((_raw_data -> 'out_of_band_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'out_of_band_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'out_of_band_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS out_of_band_amount,
    (_raw_data ->> 'pdf'::text) AS pdf,
        CASE jsonb_typeof((_raw_data -> 'post_payment_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'post_payment_amount'::text))::numeric = trunc(((_raw_data -> 'post_payment_amount'::text))::numeric)) AND ((((_raw_data -> 'post_payment_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'post_payment_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'post_payment_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS post_payment_amount,
        CASE jsonb_typeof((_raw_data -> 'pre_payment_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'pre_payment_amount'::text))::numeric = trunc(((_raw_data -> 'pre_payment_amount'::text))::numeric)) AND ((((_raw_data -> 'pre_payment_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'pre_payment_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'pre_payment_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS pre_payment_amount,
    (_raw_data -> 'pretax_credit_amounts'::text) AS pretax_credit_amounts,
    (_raw_data ->> 'reason'::text) AS reason,
    refund,
    (_raw_data -> 'refunds'::text) AS refunds,
    (_raw_data -> 'shipping_cost'::text) AS shipping_cost,
    (_raw_data ->> 'status'::text) AS status,
        CASE jsonb_typeof((_raw_data -> 'subtotal'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'subtotal'::text))::numeric = trunc(((_raw_data -> 'subtotal'::text))::numeric)) AND ((((_raw_data -> 'subtotal'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'subtotal'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'subtotal'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS subtotal,
        CASE jsonb_typeof((_raw_data -> 'subtotal_excluding_tax'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'subtotal_excluding_tax'::text))::numeric = trunc(((_raw_data -> 'subtotal_excluding_tax'::text))::numeric)) AND ((((_raw_data -> 'subtotal_excluding_tax'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'subtotal_excluding_tax'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'subtotal_excluding_tax'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS subtotal_excluding_tax,
    (_raw_data -> 'tax_amounts'::text) AS tax_amounts,
        CASE jsonb_typeof((_raw_data -> 'total'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'total'::text))::numeric = trunc(((_raw_data -> 'total'::text))::numeric)) AND ((((_raw_data -> 'total'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'total'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'total'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS total,
        CASE jsonb_typeof((_raw_data -> 'total_excluding_tax'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'total_excluding_tax'::text))::numeric = trunc(((_raw_data -> 'total_excluding_tax'::text))::numeric)) AND ((((_raw_data -> 'total_excluding_tax'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'total_excluding_tax'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'total_excluding_tax'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS total_excluding_tax,
    (_raw_data -> 'total_taxes'::text) AS total_taxes,
    (_raw_data ->> 'type'::text) AS type,
        CASE jsonb_typeof((_raw_data -> 'voided_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'voided_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'voided_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'voided_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS voided_at
   FROM _raw_credit_notes t;
COMMENT ON VIEW credit_notes IS 'Stripe credit_note objects. Issue a credit note to adjust an invoice''s amount after the invoice is finalized.';
COMMENT ON COLUMN credit_notes.amount IS 'The integer amount in cents (or local equivalent) representing the total amount of the credit note, including tax.';
COMMENT ON COLUMN credit_notes.amount_shipping IS 'This is the sum of all the shipping amounts.';
COMMENT ON COLUMN credit_notes.created IS 'Time at which the object was created.';
COMMENT ON COLUMN credit_notes.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN credit_notes.customer IS 'ID of the customer.';
COMMENT ON COLUMN credit_notes.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN credit_notes.customer_balance_transaction IS 'Customer balance transaction related to this credit note.';
COMMENT ON COLUMN credit_notes.discount_amount IS 'The integer amount in cents (or local equivalent) representing the total amount of discount that was credited.';
COMMENT ON COLUMN credit_notes.discount_amounts IS 'The aggregate amounts calculated per discount for all line items.';
COMMENT ON COLUMN credit_notes.effective_at IS 'The date when this credit note is in effect.';
COMMENT ON COLUMN credit_notes.invoice IS 'ID of the invoice.';
COMMENT ON COLUMN credit_notes.lines IS 'Line items that make up the credit note';
COMMENT ON COLUMN credit_notes.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN credit_notes.memo IS 'Customer-facing text that appears on the credit note PDF.';
COMMENT ON COLUMN credit_notes.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN credit_notes.number IS 'A unique number that identifies this particular credit note and appears on the PDF of the credit note and its associated invoice.';
COMMENT ON COLUMN credit_notes.object IS 'String representing the object''s type.';
COMMENT ON COLUMN credit_notes.out_of_band_amount IS 'Amount that was credited outside of Stripe.';
COMMENT ON COLUMN credit_notes.pdf IS 'The link to download the PDF of the credit note.';
COMMENT ON COLUMN credit_notes.post_payment_amount IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN credit_notes.pre_payment_amount IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN credit_notes.pretax_credit_amounts IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN credit_notes.reason IS 'Reason for issuing this credit note, one of `duplicate`, `fraudulent`, `order_change`, or `product_unsatisfactory`';
COMMENT ON COLUMN credit_notes.refund IS 'Refund related to this credit note.';
COMMENT ON COLUMN credit_notes.refunds IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN credit_notes.shipping_cost IS 'The details of the cost of shipping, including the ShippingRate applied to the invoice.';
COMMENT ON COLUMN credit_notes.status IS 'Status of this credit note, one of `issued` or `void`.';
COMMENT ON COLUMN credit_notes.subtotal IS 'The integer amount in cents (or local equivalent) representing the amount of the credit note, excluding exclusive tax and invoice level discounts.';
COMMENT ON COLUMN credit_notes.subtotal_excluding_tax IS 'The integer amount in cents (or local equivalent) representing the amount of the credit note, excluding all tax and invoice level discounts.';
COMMENT ON COLUMN credit_notes.tax_amounts IS 'The aggregate amounts calculated per tax rate for all line items.';
COMMENT ON COLUMN credit_notes.total IS 'The integer amount in cents (or local equivalent) representing the total amount of the credit note, including tax and all discount.';
COMMENT ON COLUMN credit_notes.total_excluding_tax IS 'The integer amount in cents (or local equivalent) representing the total amount of the credit note, excluding tax, but including discounts.';
COMMENT ON COLUMN credit_notes.total_taxes IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN credit_notes.type IS 'Type of this credit note, one of `pre_payment` or `post_payment`.';
COMMENT ON COLUMN credit_notes.voided_at IS 'The time that the credit note was voided.';

CREATE VIEW customer_balance_transactions AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    checkout_session,
    created,
    credit_note,
    (_raw_data ->> 'currency'::text) AS currency,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
    (_raw_data ->> 'description'::text) AS description,
        CASE jsonb_typeof((_raw_data -> 'ending_balance'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'ending_balance'::text))::numeric = trunc(((_raw_data -> 'ending_balance'::text))::numeric)) AND ((((_raw_data -> 'ending_balance'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'ending_balance'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'ending_balance'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS ending_balance,
    invoice,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'type'::text) AS type
   FROM _raw_customer_balance_transactions t;
COMMENT ON VIEW customer_balance_transactions IS 'Stripe customer_balance_transaction objects. Each customer has a Balance value, which denotes a debit or credit that''s automatically applied to their next invoice upon finalization.';
COMMENT ON COLUMN customer_balance_transactions.amount IS 'The amount of the transaction.';
COMMENT ON COLUMN customer_balance_transactions.checkout_session IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN customer_balance_transactions.created IS 'Time at which the object was created.';
COMMENT ON COLUMN customer_balance_transactions.credit_note IS 'The ID of the credit note (if any) related to the transaction.';
COMMENT ON COLUMN customer_balance_transactions.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN customer_balance_transactions.customer IS 'The ID of the customer the transaction belongs to.';
COMMENT ON COLUMN customer_balance_transactions.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN customer_balance_transactions.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN customer_balance_transactions.ending_balance IS 'The customer''s `balance` after the transaction was applied.';
COMMENT ON COLUMN customer_balance_transactions.invoice IS 'The ID of the invoice (if any) related to the transaction.';
COMMENT ON COLUMN customer_balance_transactions.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN customer_balance_transactions.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN customer_balance_transactions.object IS 'String representing the object''s type.';
COMMENT ON COLUMN customer_balance_transactions.type IS 'Transaction type: `adjustment`, `applied_to_invoice`, `credit_note`, `initial`, `invoice_overpaid`, `invoice_too_large`, `invoice_too_small`, `unspent_receiver_credit`, or `unapplied_from_invoice`.';

CREATE VIEW customer_cash_balance_transactions AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'adjusted_for_overdraft'::text) AS adjusted_for_overdraft,
    (_raw_data -> 'applied_to_payment'::text) AS applied_to_payment,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
        CASE jsonb_typeof((_raw_data -> 'ending_balance'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'ending_balance'::text))::numeric = trunc(((_raw_data -> 'ending_balance'::text))::numeric)) AND ((((_raw_data -> 'ending_balance'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'ending_balance'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'ending_balance'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS ending_balance,
    (_raw_data -> 'funded'::text) AS funded,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
        CASE jsonb_typeof((_raw_data -> 'net_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'net_amount'::text))::numeric = trunc(((_raw_data -> 'net_amount'::text))::numeric)) AND ((((_raw_data -> 'net_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'net_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'net_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS net_amount,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'refunded_from_payment'::text) AS refunded_from_payment,
    (_raw_data ->> 'type'::text) AS type,
    (_raw_data -> 'unapplied_from_payment'::text) AS unapplied_from_payment
   FROM _raw_customer_cash_balance_transactions t;
COMMENT ON VIEW customer_cash_balance_transactions IS 'Stripe customer_cash_balance_transaction objects. Customers with certain payments enabled have a cash balance, representing funds that were paid by the customer to a merchant, but have not yet been allocated to a payment.';
COMMENT ON COLUMN customer_cash_balance_transactions.created IS 'Time at which the object was created.';
COMMENT ON COLUMN customer_cash_balance_transactions.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN customer_cash_balance_transactions.customer IS 'The customer whose available cash balance changed as a result of this transaction.';
COMMENT ON COLUMN customer_cash_balance_transactions.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN customer_cash_balance_transactions.ending_balance IS 'The total available cash balance for the specified currency after this transaction was applied.';
COMMENT ON COLUMN customer_cash_balance_transactions.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN customer_cash_balance_transactions.net_amount IS 'The amount by which the cash balance changed, represented in the smallest currency unit.';
COMMENT ON COLUMN customer_cash_balance_transactions.object IS 'String representing the object''s type.';
COMMENT ON COLUMN customer_cash_balance_transactions.type IS 'The type of the cash balance transaction.';

CREATE VIEW customers AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'address'::text) AS address,
        CASE jsonb_typeof((_raw_data -> 'balance'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'balance'::text))::numeric = trunc(((_raw_data -> 'balance'::text))::numeric)) AND ((((_raw_data -> 'balance'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'balance'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'balance'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS balance,
    (_raw_data -> 'cash_balance'::text) AS cash_balance,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
        CASE jsonb_typeof((_raw_data -> 'default_source'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'default_source'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'default_source'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'default_source'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS default_source,
        CASE jsonb_typeof((_raw_data -> 'delinquent'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'delinquent'::text))::boolean
            ELSE NULL::boolean
        END AS delinquent,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'discount'::text) AS discount,
    (_raw_data ->> 'email'::text) AS email,
    (_raw_data -> 'invoice_credit_balance'::text) AS invoice_credit_balance,
    (_raw_data ->> 'invoice_prefix'::text) AS invoice_prefix,
    (_raw_data -> 'invoice_settings'::text) AS invoice_settings,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'name'::text) AS name,
        CASE jsonb_typeof((_raw_data -> 'next_invoice_sequence'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'next_invoice_sequence'::text))::numeric = trunc(((_raw_data -> 'next_invoice_sequence'::text))::numeric)) AND ((((_raw_data -> 'next_invoice_sequence'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'next_invoice_sequence'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'next_invoice_sequence'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS next_invoice_sequence,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'phone'::text) AS phone,
    (_raw_data -> 'preferred_locales'::text) AS preferred_locales,
    (_raw_data -> 'shipping'::text) AS shipping,
    (_raw_data -> 'sources'::text) AS sources,
    (_raw_data -> 'subscriptions'::text) AS subscriptions,
    (_raw_data -> 'tax'::text) AS tax,
    (_raw_data ->> 'tax_exempt'::text) AS tax_exempt,
    (_raw_data -> 'tax_ids'::text) AS tax_ids,
        CASE jsonb_typeof((_raw_data -> 'test_clock'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'test_clock'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'test_clock'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'test_clock'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS test_clock
   FROM _raw_customers t;
COMMENT ON VIEW customers IS 'Stripe customer objects. This object represents a customer of your business.';
COMMENT ON COLUMN customers.address IS 'The customer''s address.';
COMMENT ON COLUMN customers.balance IS 'Current balance, if any, being stored on the customer.';
COMMENT ON COLUMN customers.cash_balance IS 'The current funds being held by Stripe on behalf of the customer.';
COMMENT ON COLUMN customers.created IS 'Time at which the object was created.';
COMMENT ON COLUMN customers.currency IS 'Three-letter ISO code for the currency the customer can be charged in for recurring billing purposes.';
COMMENT ON COLUMN customers.default_source IS 'ID of the default payment source for the customer.';
COMMENT ON COLUMN customers.delinquent IS 'When the customer''s latest invoice is billed by charging automatically, `delinquent` is `true` if the invoice''s latest charge failed.';
COMMENT ON COLUMN customers.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN customers.discount IS 'Describes the current discount active on the customer, if there is one.';
COMMENT ON COLUMN customers.email IS 'The customer''s email address.';
COMMENT ON COLUMN customers.invoice_credit_balance IS 'The current multi-currency balances, if any, being stored on the customer.';
COMMENT ON COLUMN customers.invoice_prefix IS 'The prefix for the customer used to generate unique invoice numbers.';
COMMENT ON COLUMN customers.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN customers.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN customers.name IS 'The customer''s full name or business name.';
COMMENT ON COLUMN customers.next_invoice_sequence IS 'The suffix of the customer''s next invoice number, e.g., 0001.';
COMMENT ON COLUMN customers.object IS 'String representing the object''s type.';
COMMENT ON COLUMN customers.phone IS 'The customer''s phone number.';
COMMENT ON COLUMN customers.preferred_locales IS 'The customer''s preferred locales (languages), ordered by preference.';
COMMENT ON COLUMN customers.shipping IS 'Mailing and shipping address for the customer.';
COMMENT ON COLUMN customers.sources IS 'The customer''s payment sources, if any.';
COMMENT ON COLUMN customers.subscriptions IS 'The customer''s current subscriptions, if any.';
COMMENT ON COLUMN customers.tax_exempt IS 'Describes the customer''s tax exemption status.';
COMMENT ON COLUMN customers.tax_ids IS 'The customer''s tax IDs.';
COMMENT ON COLUMN customers.test_clock IS 'ID of the test clock this customer belongs to.';

CREATE VIEW disputes AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    (_raw_data -> 'balance_transactions'::text) AS balance_transactions,
    charge,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data -> 'enhanced_eligibility_types'::text) AS enhanced_eligibility_types,
    (_raw_data -> 'evidence'::text) AS evidence,
    (_raw_data -> 'evidence_details'::text) AS evidence_details,
        CASE jsonb_typeof((_raw_data -> 'is_charge_refundable'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'is_charge_refundable'::text))::boolean
            ELSE NULL::boolean
        END AS is_charge_refundable,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    payment_intent,
    (_raw_data -> 'payment_method_details'::text) AS payment_method_details,
    (_raw_data ->> 'reason'::text) AS reason,
    (_raw_data ->> 'status'::text) AS status
   FROM _raw_disputes t;
COMMENT ON VIEW disputes IS 'Stripe dispute objects. A dispute occurs when a customer questions your charge with their card issuer.';
COMMENT ON COLUMN disputes.amount IS 'Disputed amount.';
COMMENT ON COLUMN disputes.balance_transactions IS 'List of zero, one, or two balance transactions that show funds withdrawn and reinstated to your Stripe account as a result of this dispute.';
COMMENT ON COLUMN disputes.charge IS 'ID of the charge that was disputed.';
COMMENT ON COLUMN disputes.created IS 'Time at which the object was created.';
COMMENT ON COLUMN disputes.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN disputes.enhanced_eligibility_types IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN disputes.is_charge_refundable IS 'If true, it is still possible to refund the disputed payment.';
COMMENT ON COLUMN disputes.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN disputes.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN disputes.object IS 'String representing the object''s type.';
COMMENT ON COLUMN disputes.payment_intent IS 'ID of the PaymentIntent that was disputed.';
COMMENT ON COLUMN disputes.reason IS 'Reason given by cardholder for dispute.';
COMMENT ON COLUMN disputes.status IS 'Current status of dispute.';

CREATE VIEW dunning AS
 WITH flows AS (
         SELECT s._account_id AS account_id,
            lower(s.currency) AS currency,
            ((s.status = 'past_due'::text))::integer AS past_due,
            ((s.status = 'unpaid'::text))::integer AS unpaid,
            0 AS invoices,
            0 AS amount
           FROM subscriptions s
          WHERE ((NOT s.deleted) AND (s.status = ANY (ARRAY['past_due'::text, 'unpaid'::text])))
        UNION ALL
         SELECT i._account_id,
            lower(i.currency) AS lower,
            0,
            0,
            1,
            COALESCE(i.amount_remaining, (0)::bigint) AS "coalesce"
           FROM invoices i
          WHERE ((NOT i.deleted) AND (i.status = 'open'::text) AND (COALESCE(i.attempt_count, (0)::bigint) > 0) AND (COALESCE(i.amount_remaining, (0)::bigint) > 0))
        )
 SELECT account_id,
    currency,
    sum(past_due) AS past_due_subscriptions,
    sum(unpaid) AS unpaid_subscriptions,
    sum(invoices) AS failed_open_invoices,
    (sum(amount))::bigint AS amount_at_risk
   FROM flows
  GROUP BY account_id, currency;
COMMENT ON VIEW dunning IS 'What is being chased now, per account and currency: past-due and unpaid subscriptions, open invoices whose payment failed: see docs/concepts/metrics.md.';
COMMENT ON COLUMN dunning.account_id IS 'The Stripe account.';
COMMENT ON COLUMN dunning.currency IS 'The currency (lower case).';
COMMENT ON COLUMN dunning.past_due_subscriptions IS 'Subscriptions with status past_due (a renewal payment failed, retries continue).';
COMMENT ON COLUMN dunning.unpaid_subscriptions IS 'Subscriptions with status unpaid (retries exhausted, not canceled).';
COMMENT ON COLUMN dunning.failed_open_invoices IS 'Open invoices attempted at least once that still owe money.';
COMMENT ON COLUMN dunning.amount_at_risk IS 'What those invoices still owe (amount_remaining), minor units.';

CREATE VIEW early_fraud_warnings AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'actionable'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'actionable'::text))::boolean
            ELSE NULL::boolean
        END AS actionable,
    charge,
    created,
    (_raw_data ->> 'fraud_type'::text) AS fraud_type,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    payment_intent
   FROM _raw_early_fraud_warnings t;
COMMENT ON VIEW early_fraud_warnings IS 'Stripe radar.early_fraud_warning objects. An early fraud warning indicates that the card issuer has notified us that a charge may be fraudulent.';
COMMENT ON COLUMN early_fraud_warnings.actionable IS 'An EFW is actionable if it has not received a dispute and has not been fully refunded.';
COMMENT ON COLUMN early_fraud_warnings.charge IS 'ID of the charge this early fraud warning is for, optionally expanded.';
COMMENT ON COLUMN early_fraud_warnings.created IS 'Time at which the object was created.';
COMMENT ON COLUMN early_fraud_warnings.fraud_type IS 'The type of fraud labelled by the issuer.';
COMMENT ON COLUMN early_fraud_warnings.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN early_fraud_warnings.object IS 'String representing the object''s type.';
COMMENT ON COLUMN early_fraud_warnings.payment_intent IS 'ID of the Payment Intent this early fraud warning is for, optionally expanded.';

CREATE VIEW external_accounts AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    account,
    (_raw_data ->> 'account_holder_name'::text) AS account_holder_name,
    (_raw_data ->> 'account_holder_type'::text) AS account_holder_type,
    (_raw_data ->> 'account_type'::text) AS account_type,
    (_raw_data -> 'available_payout_methods'::text) AS available_payout_methods,
    (_raw_data ->> 'bank_name'::text) AS bank_name,
    (_raw_data ->> 'country'::text) AS country,
    (_raw_data ->> 'currency'::text) AS currency,
    customer,
        CASE jsonb_typeof((_raw_data -> 'default_for_currency'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'default_for_currency'::text))::boolean
            ELSE NULL::boolean
        END AS default_for_currency,
    (_raw_data ->> 'fingerprint'::text) AS fingerprint,
    (_raw_data -> 'future_requirements'::text) AS future_requirements,
    (_raw_data ->> 'last4'::text) AS last4,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'requirements'::text) AS requirements,
    (_raw_data ->> 'routing_number'::text) AS routing_number,
    (_raw_data ->> 'status'::text) AS status
   FROM _raw_external_accounts t;
COMMENT ON VIEW external_accounts IS 'Stripe bank_account objects. These bank accounts are payment methods on `Customer` objects.';
COMMENT ON COLUMN external_accounts.account IS 'The ID of the account that the bank account is associated with.';
COMMENT ON COLUMN external_accounts.account_holder_name IS 'The name of the person or business that owns the bank account.';
COMMENT ON COLUMN external_accounts.account_holder_type IS 'The type of entity that holds the account.';
COMMENT ON COLUMN external_accounts.account_type IS 'The bank account type.';
COMMENT ON COLUMN external_accounts.available_payout_methods IS 'A set of available payout methods for this bank account.';
COMMENT ON COLUMN external_accounts.bank_name IS 'Name of the bank associated with the routing number (e.g., `WELLS FARGO`).';
COMMENT ON COLUMN external_accounts.country IS 'Two-letter ISO code representing the country the bank account is located in.';
COMMENT ON COLUMN external_accounts.currency IS 'Three-letter ISO code for the currency paid out to the bank account.';
COMMENT ON COLUMN external_accounts.customer IS 'The ID of the customer that the bank account is associated with.';
COMMENT ON COLUMN external_accounts.default_for_currency IS 'Whether this bank account is the default external account for its currency.';
COMMENT ON COLUMN external_accounts.fingerprint IS 'Uniquely identifies this particular bank account.';
COMMENT ON COLUMN external_accounts.future_requirements IS 'Information about the upcoming new requirements for the bank account, including what information needs to be collected, and by when.';
COMMENT ON COLUMN external_accounts.last4 IS 'The last four digits of the bank account number.';
COMMENT ON COLUMN external_accounts.livemode IS 'Whether the object exists in live mode: Stripe leaves it out of these objects, so it is the mode of the key or event that wrote the row (NULL: not said).';
COMMENT ON COLUMN external_accounts.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN external_accounts.object IS 'String representing the object''s type.';
COMMENT ON COLUMN external_accounts.requirements IS 'Information about the requirements for the bank account, including what information needs to be collected.';
COMMENT ON COLUMN external_accounts.routing_number IS 'The routing transit number for the bank account.';
COMMENT ON COLUMN external_accounts.status IS 'For bank accounts, possible values are `new`, `validated`, `verified`, `verification_failed`, or `errored`.';

CREATE VIEW failed_events AS
 SELECT event_id,
    account_id,
    type,
    created,
    error_class,
    error_message,
    attempts,
    first_failed_at,
    last_failed_at,
    payload
   FROM _dead_letters d
  WHERE (resolved_at IS NULL);
COMMENT ON VIEW failed_events IS 'Events that could not be applied and were not applied since (see stripe-sync events replay).';

CREATE VIEW features AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'active'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'active'::text))::boolean
            ELSE NULL::boolean
        END AS active,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'lookup_key'::text) AS lookup_key,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'name'::text) AS name,
    (_raw_data ->> 'object'::text) AS object
   FROM _raw_features t;
COMMENT ON VIEW features IS 'Stripe entitlements.feature objects.';
COMMENT ON COLUMN features.active IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN features.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN features.lookup_key IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN features.metadata IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN features.name IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN features.object IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW file_links AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    created,
        CASE jsonb_typeof((_raw_data -> 'expired'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'expired'::text))::boolean
            ELSE NULL::boolean
        END AS expired,
        CASE jsonb_typeof((_raw_data -> 'expires_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'expires_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'expires_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'expires_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS expires_at,
    file,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'url'::text) AS url
   FROM _raw_file_links t;
COMMENT ON VIEW file_links IS 'Stripe file_link objects. To share the contents of a `File` object with non-Stripe users, you can create a `FileLink`.';
COMMENT ON COLUMN file_links.created IS 'Time at which the object was created.';
COMMENT ON COLUMN file_links.expired IS 'Whether this link is already expired.';
COMMENT ON COLUMN file_links.expires_at IS 'Time at which the link expires.';
COMMENT ON COLUMN file_links.file IS 'The file object this link points to.';
COMMENT ON COLUMN file_links.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN file_links.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN file_links.object IS 'String representing the object''s type.';
COMMENT ON COLUMN file_links.url IS 'The publicly accessible URL to download the file.';

CREATE VIEW files AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    created,
        CASE jsonb_typeof((_raw_data -> 'expires_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'expires_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'expires_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'expires_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS expires_at,
    (_raw_data ->> 'filename'::text) AS filename,
    (_raw_data -> 'links'::text) AS links,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'purpose'::text) AS purpose,
        CASE jsonb_typeof((_raw_data -> 'size'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'size'::text))::numeric = trunc(((_raw_data -> 'size'::text))::numeric)) AND ((((_raw_data -> 'size'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'size'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'size'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS size,
    (_raw_data ->> 'title'::text) AS title,
    (_raw_data ->> 'type'::text) AS type,
    (_raw_data ->> 'url'::text) AS url
   FROM _raw_files t;
COMMENT ON VIEW files IS 'Stripe file objects. This is an object representing a file hosted on Stripe''s servers.';
COMMENT ON COLUMN files.created IS 'Time at which the object was created.';
COMMENT ON COLUMN files.expires_at IS 'The time at which the file expires and is no longer available in epoch seconds.';
COMMENT ON COLUMN files.filename IS 'A filename for the file, suitable for saving to a filesystem.';
COMMENT ON COLUMN files.links IS 'A list of file links that point at this file.';
COMMENT ON COLUMN files.livemode IS 'Whether the object exists in live mode: Stripe leaves it out of these objects, so it is the mode of the key or event that wrote the row (NULL: not said).';
COMMENT ON COLUMN files.object IS 'String representing the object''s type.';
COMMENT ON COLUMN files.purpose IS 'The purpose of the uploaded file.';
COMMENT ON COLUMN files.size IS 'The size in bytes of the file object.';
COMMENT ON COLUMN files.title IS 'A user friendly title for the document.';
COMMENT ON COLUMN files.type IS 'The type of the file returned (e.g., `csv`, `pdf`, `jpg`, or `png`).';
COMMENT ON COLUMN files.url IS 'The URL from which the file can be downloaded using your live secret API key.';

CREATE VIEW financial_connections_accounts AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'account_holder'::text) AS account_holder,
    (_raw_data -> 'account_numbers'::text) AS account_numbers,
    (_raw_data -> 'balance'::text) AS balance,
    (_raw_data -> 'balance_refresh'::text) AS balance_refresh,
    (_raw_data ->> 'category'::text) AS category,
    created,
    (_raw_data ->> 'display_name'::text) AS display_name,
    (_raw_data ->> 'institution_name'::text) AS institution_name,
    (_raw_data ->> 'last4'::text) AS last4,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'ownership'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'ownership'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'ownership'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'ownership'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS ownership,
    (_raw_data -> 'ownership_refresh'::text) AS ownership_refresh,
    (_raw_data -> 'permissions'::text) AS permissions,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data ->> 'subcategory'::text) AS subcategory,
    (_raw_data -> 'subscriptions'::text) AS subscriptions,
    (_raw_data -> 'supported_payment_method_types'::text) AS supported_payment_method_types,
    (_raw_data -> 'transaction_refresh'::text) AS transaction_refresh
   FROM _raw_financial_connections_accounts t;
COMMENT ON VIEW financial_connections_accounts IS 'Stripe financial_connections.account objects. A Financial Connections Account represents an account that exists outside of Stripe, to which you have been granted some degree of access.';
COMMENT ON COLUMN financial_connections_accounts.account_holder IS 'The account holder that this account belongs to.';
COMMENT ON COLUMN financial_connections_accounts.account_numbers IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN financial_connections_accounts.balance IS 'The most recent information about the account''s balance.';
COMMENT ON COLUMN financial_connections_accounts.balance_refresh IS 'The state of the most recent attempt to refresh the account balance.';
COMMENT ON COLUMN financial_connections_accounts.category IS 'The type of the account.';
COMMENT ON COLUMN financial_connections_accounts.created IS 'Time at which the object was created.';
COMMENT ON COLUMN financial_connections_accounts.display_name IS 'A human-readable name that has been assigned to this account, either by the account holder or by the institution.';
COMMENT ON COLUMN financial_connections_accounts.institution_name IS 'The name of the institution that holds this account.';
COMMENT ON COLUMN financial_connections_accounts.last4 IS 'The last 4 digits of the account number.';
COMMENT ON COLUMN financial_connections_accounts.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN financial_connections_accounts.object IS 'String representing the object''s type.';
COMMENT ON COLUMN financial_connections_accounts.ownership IS 'The most recent information about the account''s owners.';
COMMENT ON COLUMN financial_connections_accounts.ownership_refresh IS 'The state of the most recent attempt to refresh the account owners.';
COMMENT ON COLUMN financial_connections_accounts.permissions IS 'The list of permissions granted by this account.';
COMMENT ON COLUMN financial_connections_accounts.status IS 'The status of the link to the account.';
COMMENT ON COLUMN financial_connections_accounts.subcategory IS 'If `category` is `cash`, one of: - `checking` - `savings` - `other` If `category` is `credit`, one of: - `mortgage` - `line_of_credit` - `credit_card` - `other` If `category` is `investment` or `ot...';
COMMENT ON COLUMN financial_connections_accounts.subscriptions IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN financial_connections_accounts.supported_payment_method_types IS 'The PaymentMethod type(s) that can be created from this account.';
COMMENT ON COLUMN financial_connections_accounts.transaction_refresh IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW financial_connections_transactions AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'account'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'account'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'account'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'account'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS account,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_transitions'::text) AS status_transitions,
        CASE jsonb_typeof((_raw_data -> 'transacted_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'transacted_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'transacted_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'transacted_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS transacted_at,
    (_raw_data ->> 'transaction_refresh'::text) AS transaction_refresh,
        CASE jsonb_typeof((_raw_data -> 'updated'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'updated'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'updated'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'updated'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS updated
   FROM _raw_financial_connections_transactions t;
COMMENT ON VIEW financial_connections_transactions IS 'Stripe financial_connections.transaction objects.';
COMMENT ON COLUMN financial_connections_transactions.account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN financial_connections_transactions.amount IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN financial_connections_transactions.currency IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN financial_connections_transactions.description IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN financial_connections_transactions.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN financial_connections_transactions.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN financial_connections_transactions.status IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN financial_connections_transactions.status_transitions IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN financial_connections_transactions.transacted_at IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN financial_connections_transactions.transaction_refresh IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN financial_connections_transactions.updated IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW forwarding_requests AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    created,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'payment_method'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'payment_method'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'payment_method'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'payment_method'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS payment_method,
    (_raw_data -> 'replacements'::text) AS replacements,
    (_raw_data -> 'request_context'::text) AS request_context,
    (_raw_data -> 'request_details'::text) AS request_details,
    (_raw_data -> 'response_details'::text) AS response_details,
    (_raw_data ->> 'url'::text) AS url
   FROM _raw_forwarding_requests t;
COMMENT ON VIEW forwarding_requests IS 'Stripe forwarding.request objects.';
COMMENT ON COLUMN forwarding_requests.created IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN forwarding_requests.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN forwarding_requests.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN forwarding_requests.payment_method IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN forwarding_requests.replacements IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN forwarding_requests.request_context IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN forwarding_requests.request_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN forwarding_requests.response_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN forwarding_requests.url IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW freshness AS
 SELECT _object_name(object_type) AS object,
    COALESCE(via, 'direct'::text) AS source,
    count(*) AS events,
    percentile_cont((0.5)::double precision) WITHIN GROUP (ORDER BY ((EXTRACT(epoch FROM (processed_at - created)))::double precision)) AS p50_seconds,
    percentile_cont((0.99)::double precision) WITHIN GROUP (ORDER BY ((EXTRACT(epoch FROM (processed_at - created)))::double precision)) AS p99_seconds,
    (max(EXTRACT(epoch FROM (processed_at - created))))::double precision AS max_seconds,
    max(processed_at) AS last_processed_at
   FROM _processed_events e
  WHERE ((processed_at >= (now() - '01:00:00'::interval)) AND (object_type IS NOT NULL) AND (outcome <> 'skipped'::text))
  GROUP BY (_object_name(object_type)), COALESCE(via, 'direct'::text);
COMMENT ON VIEW freshness IS 'Per object and source (webhook, events, websocket, direct), over the last hour: events applied, and the p50, p99 and max of the seconds from Stripe''s created (whole seconds) to the commit.';

CREATE VIEW history AS
 SELECT s.table_name,
    s.id,
    s.account_id,
    s.version AS valid_from,
    s.next_version AS valid_to,
        CASE
            WHEN s.next_deleted THEN s.next_version
            ELSE NULL::timestamp with time zone
        END AS deleted_at,
    s.source,
    s.parent_id,
    s.recorded_at,
    p.payload AS _raw_data
   FROM (( SELECT c.table_name,
            c.id,
            c.deleted,
            c.version,
            c.hash,
            c.account_id,
            c.parent_id,
            c.source,
            c.recorded_at,
            c.previous_hash,
            c.previous_deleted,
            c.first_deleted,
            lead(c.version) OVER w AS next_version,
            lead(c.deleted) OVER w AS next_deleted
           FROM ( SELECT h.table_name,
                    h.id,
                    h.deleted,
                    h.version,
                    h.hash,
                    h.account_id,
                    h.parent_id,
                    h.source,
                    h.recorded_at,
                    lag(h.hash) OVER o AS previous_hash,
                    lag(h.deleted) OVER o AS previous_deleted,
                    min(h.version) FILTER (WHERE h.deleted) OVER (PARTITION BY h.table_name, h.id) AS first_deleted
                   FROM _history h
                  WINDOW o AS (PARTITION BY h.table_name, h.id ORDER BY h.version, h.deleted, h.hash)) c
          WHERE (((c.first_deleted IS NULL) OR (c.version <= c.first_deleted)) AND (c.deleted OR (c.previous_hash IS NULL) OR (c.previous_hash <> c.hash) OR c.previous_deleted))
          WINDOW w AS (PARTITION BY c.table_name, c.id ORDER BY c.version, c.deleted, c.hash)) s
     JOIN _history_payloads p ON ((p.hash = s.hash)))
  WHERE (NOT s.deleted);
COMMENT ON VIEW history IS 'History mode: every state of every object kept, with its validity interval [valid_from, valid_to); valid_to is NULL for the current state, deleted_at set when a deletion ended it.';

CREATE VIEW identity_verification_reports AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data ->> 'client_reference_id'::text) AS client_reference_id,
    created,
    (_raw_data -> 'document'::text) AS document,
    (_raw_data -> 'id_number'::text) AS id_number,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'options'::text) AS options,
    (_raw_data -> 'selfie'::text) AS selfie,
    (_raw_data ->> 'type'::text) AS type,
    (_raw_data ->> 'verification_session'::text) AS verification_session
   FROM _raw_identity_verification_reports t;
COMMENT ON VIEW identity_verification_reports IS 'Stripe identity.verification_report objects. A VerificationReport is the result of an attempt to collect and verify data from a user.';
COMMENT ON COLUMN identity_verification_reports.client_reference_id IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN identity_verification_reports.created IS 'Time at which the object was created.';
COMMENT ON COLUMN identity_verification_reports.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN identity_verification_reports.object IS 'String representing the object''s type.';
COMMENT ON COLUMN identity_verification_reports.type IS 'Type of report.';
COMMENT ON COLUMN identity_verification_reports.verification_session IS 'ID of the VerificationSession that created this report.';

CREATE VIEW identity_verification_sessions AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data ->> 'client_reference_id'::text) AS client_reference_id,
    (_raw_data ->> 'client_secret'::text) AS client_secret,
    created,
    (_raw_data -> 'last_error'::text) AS last_error,
        CASE jsonb_typeof((_raw_data -> 'last_verification_report'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'last_verification_report'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'last_verification_report'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'last_verification_report'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS last_verification_report,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'options'::text) AS options,
    (_raw_data -> 'redaction'::text) AS redaction,
    (_raw_data -> 'related_customer'::text) AS related_customer,
    (_raw_data -> 'related_customer_account'::text) AS related_customer_account,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data ->> 'type'::text) AS type,
    (_raw_data ->> 'url'::text) AS url,
    (_raw_data -> 'verified_outputs'::text) AS verified_outputs
   FROM _raw_identity_verification_sessions t;
COMMENT ON VIEW identity_verification_sessions IS 'Stripe identity.verification_session objects. A VerificationSession guides you through the process of collecting and verifying the identities of your users.';
COMMENT ON COLUMN identity_verification_sessions.client_reference_id IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN identity_verification_sessions.client_secret IS 'The short-lived client secret used by Stripe.js to show a verification modal inside your app.';
COMMENT ON COLUMN identity_verification_sessions.created IS 'Time at which the object was created.';
COMMENT ON COLUMN identity_verification_sessions.last_error IS 'If present, this property tells you the last error encountered when processing the verification.';
COMMENT ON COLUMN identity_verification_sessions.last_verification_report IS 'ID of the most recent VerificationReport.';
COMMENT ON COLUMN identity_verification_sessions.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN identity_verification_sessions.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN identity_verification_sessions.object IS 'String representing the object''s type.';
COMMENT ON COLUMN identity_verification_sessions.options IS 'A set of options for the session’s verification checks.';
COMMENT ON COLUMN identity_verification_sessions.redaction IS 'Redaction status of this VerificationSession.';
COMMENT ON COLUMN identity_verification_sessions.related_customer IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN identity_verification_sessions.related_customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN identity_verification_sessions.status IS 'Status of this VerificationSession.';
COMMENT ON COLUMN identity_verification_sessions.type IS 'The type of verification check to be performed.';
COMMENT ON COLUMN identity_verification_sessions.url IS 'The short-lived URL that you use to redirect a user to Stripe to submit their identity information.';
COMMENT ON COLUMN identity_verification_sessions.verified_outputs IS 'The user’s verified data.';

CREATE VIEW invoice_items AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    (_raw_data ->> 'currency'::text) AS currency,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
        CASE jsonb_typeof((_raw_data -> 'date'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'date'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'date'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'date'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS date,
    (_raw_data ->> 'description'::text) AS description,
        CASE jsonb_typeof((_raw_data -> 'discountable'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'discountable'::text))::boolean
            ELSE NULL::boolean
        END AS discountable,
    (_raw_data -> 'discounts'::text) AS discounts,
    invoice,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
        CASE jsonb_typeof((_raw_data -> 'net_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'net_amount'::text))::numeric = trunc(((_raw_data -> 'net_amount'::text))::numeric)) AND ((((_raw_data -> 'net_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'net_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'net_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS net_amount,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'parent'::text) AS parent,
    (_raw_data -> 'period'::text) AS period,
    (_raw_data -> 'price'::text) AS price,
    (_raw_data -> 'pricing'::text) AS pricing,
        CASE jsonb_typeof((_raw_data -> 'proration'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'proration'::text))::boolean
            ELSE NULL::boolean
        END AS proration,
        CASE jsonb_typeof((_raw_data -> 'quantity'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'quantity'::text))::numeric = trunc(((_raw_data -> 'quantity'::text))::numeric)) AND ((((_raw_data -> 'quantity'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'quantity'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'quantity'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS quantity,
        CASE jsonb_typeof((_raw_data -> 'quantity_decimal'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'quantity_decimal'::text))::numeric
            WHEN 'string'::text THEN
            CASE
                WHEN ((length((_raw_data ->> 'quantity_decimal'::text)) <= 100) AND ((_raw_data ->> 'quantity_decimal'::text) ~ '^-?[0-9]+(\.[0-9]+)?$'::text)) THEN ((_raw_data ->> 'quantity_decimal'::text))::numeric
                ELSE NULL::numeric
            END
            ELSE NULL::numeric
        END AS quantity_decimal,
    subscription,
    (_raw_data ->> 'subscription_item'::text) AS subscription_item,
    (_raw_data -> 'tax_rates'::text) AS tax_rates,
        CASE jsonb_typeof((_raw_data -> 'test_clock'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'test_clock'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'test_clock'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'test_clock'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS test_clock,
        CASE jsonb_typeof((_raw_data -> 'unit_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'unit_amount'::text))::numeric = trunc(((_raw_data -> 'unit_amount'::text))::numeric)) AND ((((_raw_data -> 'unit_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'unit_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'unit_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS unit_amount,
        CASE jsonb_typeof((_raw_data -> 'unit_amount_decimal'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'unit_amount_decimal'::text))::numeric
            WHEN 'string'::text THEN
            CASE
                WHEN ((length((_raw_data ->> 'unit_amount_decimal'::text)) <= 100) AND ((_raw_data ->> 'unit_amount_decimal'::text) ~ '^-?[0-9]+(\.[0-9]+)?$'::text)) THEN ((_raw_data ->> 'unit_amount_decimal'::text))::numeric
                ELSE NULL::numeric
            END
            ELSE NULL::numeric
        END AS unit_amount_decimal
   FROM _raw_invoice_items t;
COMMENT ON VIEW invoice_items IS 'Stripe invoiceitem objects. Invoice Items represent the component lines of an invoice.';
COMMENT ON COLUMN invoice_items.amount IS 'Amount (in the `currency` specified) of the invoice item.';
COMMENT ON COLUMN invoice_items.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN invoice_items.customer IS 'The ID of the customer who will be billed when this invoice item is billed.';
COMMENT ON COLUMN invoice_items.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_items.date IS 'Time at which the object was created.';
COMMENT ON COLUMN invoice_items.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN invoice_items.discountable IS 'If true, discounts will apply to this invoice item.';
COMMENT ON COLUMN invoice_items.discounts IS 'The discounts which apply to the invoice item.';
COMMENT ON COLUMN invoice_items.invoice IS 'The ID of the invoice this invoice item belongs to.';
COMMENT ON COLUMN invoice_items.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN invoice_items.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN invoice_items.net_amount IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_items.object IS 'String representing the object''s type.';
COMMENT ON COLUMN invoice_items.parent IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_items.price IS 'The price of the invoice item.';
COMMENT ON COLUMN invoice_items.pricing IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_items.proration IS 'Whether the invoice item was created automatically as a proration adjustment when the customer switched plans.';
COMMENT ON COLUMN invoice_items.quantity IS 'Quantity of units for the invoice item.';
COMMENT ON COLUMN invoice_items.quantity_decimal IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_items.subscription IS 'The subscription that this invoice item has been created for, if any.';
COMMENT ON COLUMN invoice_items.subscription_item IS 'The subscription item that this invoice item has been created for, if any.';
COMMENT ON COLUMN invoice_items.tax_rates IS 'The tax rates which apply to the invoice item.';
COMMENT ON COLUMN invoice_items.test_clock IS 'ID of the test clock this invoice item belongs to.';
COMMENT ON COLUMN invoice_items.unit_amount IS 'Unit amount (in the `currency` specified) of the invoice item.';
COMMENT ON COLUMN invoice_items.unit_amount_decimal IS 'Same as `unit_amount`, but contains a decimal value with at most 12 decimal places.';

CREATE VIEW invoice_line_items AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    invoice,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
        CASE jsonb_typeof((_raw_data -> 'amount_excluding_tax'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_excluding_tax'::text))::numeric = trunc(((_raw_data -> 'amount_excluding_tax'::text))::numeric)) AND ((((_raw_data -> 'amount_excluding_tax'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_excluding_tax'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_excluding_tax'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_excluding_tax,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'discount_amounts'::text) AS discount_amounts,
        CASE jsonb_typeof((_raw_data -> 'discountable'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'discountable'::text))::boolean
            ELSE NULL::boolean
        END AS discountable,
    (_raw_data -> 'discounts'::text) AS discounts,
    invoice_item,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'parent'::text) AS parent,
    (_raw_data -> 'period'::text) AS period,
    (_raw_data -> 'pretax_credit_amounts'::text) AS pretax_credit_amounts,
    price,
    (_raw_data -> 'pricing'::text) AS pricing,
        CASE jsonb_typeof((_raw_data -> 'proration'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'proration'::text))::boolean
            ELSE NULL::boolean
        END AS proration,
    (_raw_data -> 'proration_details'::text) AS proration_details,
        CASE jsonb_typeof((_raw_data -> 'quantity'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'quantity'::text))::numeric = trunc(((_raw_data -> 'quantity'::text))::numeric)) AND ((((_raw_data -> 'quantity'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'quantity'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'quantity'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS quantity,
        CASE jsonb_typeof((_raw_data -> 'quantity_decimal'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'quantity_decimal'::text))::numeric
            WHEN 'string'::text THEN
            CASE
                WHEN ((length((_raw_data ->> 'quantity_decimal'::text)) <= 100) AND ((_raw_data ->> 'quantity_decimal'::text) ~ '^-?[0-9]+(\.[0-9]+)?$'::text)) THEN ((_raw_data ->> 'quantity_decimal'::text))::numeric
                ELSE NULL::numeric
            END
            ELSE NULL::numeric
        END AS quantity_decimal,
    subscription,
        CASE jsonb_typeof((_raw_data -> 'subscription_item'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'subscription_item'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'subscription_item'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'subscription_item'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS subscription_item,
        CASE jsonb_typeof((_raw_data -> 'subtotal'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'subtotal'::text))::numeric = trunc(((_raw_data -> 'subtotal'::text))::numeric)) AND ((((_raw_data -> 'subtotal'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'subtotal'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'subtotal'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS subtotal,
    (_raw_data -> 'tax_amounts'::text) AS tax_amounts,
    (_raw_data -> 'tax_rates'::text) AS tax_rates,
    (_raw_data -> 'taxes'::text) AS taxes,
    (_raw_data ->> 'type'::text) AS type,
        CASE jsonb_typeof((_raw_data -> 'unit_amount_excluding_tax'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'unit_amount_excluding_tax'::text))::numeric
            WHEN 'string'::text THEN
            CASE
                WHEN ((length((_raw_data ->> 'unit_amount_excluding_tax'::text)) <= 100) AND ((_raw_data ->> 'unit_amount_excluding_tax'::text) ~ '^-?[0-9]+(\.[0-9]+)?$'::text)) THEN ((_raw_data ->> 'unit_amount_excluding_tax'::text))::numeric
                ELSE NULL::numeric
            END
            ELSE NULL::numeric
        END AS unit_amount_excluding_tax
   FROM _raw_invoice_line_items t;
COMMENT ON VIEW invoice_line_items IS 'Stripe line_item objects, children of invoice (its id in column invoice).';
COMMENT ON COLUMN invoice_line_items.invoice IS 'Id of the parent invoice; set by the write path.';
COMMENT ON COLUMN invoice_line_items.amount IS 'The amount, in cents (or local equivalent).';
COMMENT ON COLUMN invoice_line_items.amount_excluding_tax IS 'The integer amount in cents (or local equivalent) representing the amount for this line item, excluding all tax and discounts.';
COMMENT ON COLUMN invoice_line_items.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN invoice_line_items.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN invoice_line_items.discount_amounts IS 'The amount of discount calculated per discount for this line item.';
COMMENT ON COLUMN invoice_line_items.discountable IS 'If true, discounts will apply to this line item.';
COMMENT ON COLUMN invoice_line_items.discounts IS 'The discounts applied to the invoice line item.';
COMMENT ON COLUMN invoice_line_items.invoice_item IS 'The ID of the invoice item associated with this line item if any.';
COMMENT ON COLUMN invoice_line_items.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN invoice_line_items.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN invoice_line_items.object IS 'String representing the object''s type.';
COMMENT ON COLUMN invoice_line_items.parent IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_line_items.pretax_credit_amounts IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_line_items.price IS 'The price of the line item.';
COMMENT ON COLUMN invoice_line_items.pricing IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_line_items.proration IS 'Whether this is a proration.';
COMMENT ON COLUMN invoice_line_items.proration_details IS 'Additional details for proration line items';
COMMENT ON COLUMN invoice_line_items.quantity IS 'The quantity of the subscription, if the line item is a subscription or a proration.';
COMMENT ON COLUMN invoice_line_items.quantity_decimal IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_line_items.subscription IS 'The subscription that the invoice item pertains to, if any.';
COMMENT ON COLUMN invoice_line_items.subscription_item IS 'The subscription item that generated this line item.';
COMMENT ON COLUMN invoice_line_items.subtotal IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_line_items.tax_amounts IS 'The amount of tax calculated per tax rate for this line item';
COMMENT ON COLUMN invoice_line_items.tax_rates IS 'The tax rates which apply to the line item.';
COMMENT ON COLUMN invoice_line_items.taxes IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_line_items.type IS 'A string identifying the type of the source of this line item, either an `invoiceitem` or a `subscription`.';
COMMENT ON COLUMN invoice_line_items.unit_amount_excluding_tax IS 'The amount in cents (or local equivalent) representing the unit amount for this line item, excluding all tax and discounts.';

CREATE VIEW invoice_payments AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount_paid'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_paid'::text))::numeric = trunc(((_raw_data -> 'amount_paid'::text))::numeric)) AND ((((_raw_data -> 'amount_paid'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_paid'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_paid'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_paid,
        CASE jsonb_typeof((_raw_data -> 'amount_requested'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_requested'::text))::numeric = trunc(((_raw_data -> 'amount_requested'::text))::numeric)) AND ((((_raw_data -> 'amount_requested'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_requested'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_requested'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_requested,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    invoice,
        CASE jsonb_typeof((_raw_data -> 'is_default'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'is_default'::text))::boolean
            ELSE NULL::boolean
        END AS is_default,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'payment'::text) AS payment,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_transitions'::text) AS status_transitions
   FROM _raw_invoice_payments t;
COMMENT ON VIEW invoice_payments IS 'Stripe invoice_payment objects.';
COMMENT ON COLUMN invoice_payments.amount_paid IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_payments.amount_requested IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_payments.created IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_payments.currency IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_payments.invoice IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_payments.is_default IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_payments.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_payments.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_payments.payment IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_payments.status IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_payments.status_transitions IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW invoice_rendering_templates AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    created,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'nickname'::text) AS nickname,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'status'::text) AS status,
        CASE jsonb_typeof((_raw_data -> 'version'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'version'::text))::numeric = trunc(((_raw_data -> 'version'::text))::numeric)) AND ((((_raw_data -> 'version'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'version'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'version'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS version
   FROM _raw_invoice_rendering_templates t;
COMMENT ON VIEW invoice_rendering_templates IS 'Stripe invoice_rendering_template objects.';
COMMENT ON COLUMN invoice_rendering_templates.created IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_rendering_templates.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_rendering_templates.metadata IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_rendering_templates.nickname IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_rendering_templates.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_rendering_templates.status IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoice_rendering_templates.version IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW invoices AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data ->> 'account_country'::text) AS account_country,
    (_raw_data ->> 'account_name'::text) AS account_name,
    (_raw_data -> 'account_tax_ids'::text) AS account_tax_ids,
        CASE jsonb_typeof((_raw_data -> 'amount_due'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_due'::text))::numeric = trunc(((_raw_data -> 'amount_due'::text))::numeric)) AND ((((_raw_data -> 'amount_due'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_due'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_due'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_due,
        CASE jsonb_typeof((_raw_data -> 'amount_overpaid'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_overpaid'::text))::numeric = trunc(((_raw_data -> 'amount_overpaid'::text))::numeric)) AND ((((_raw_data -> 'amount_overpaid'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_overpaid'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_overpaid'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_overpaid,
        CASE jsonb_typeof((_raw_data -> 'amount_paid'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_paid'::text))::numeric = trunc(((_raw_data -> 'amount_paid'::text))::numeric)) AND ((((_raw_data -> 'amount_paid'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_paid'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_paid'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_paid,
        CASE jsonb_typeof((_raw_data -> 'amount_remaining'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_remaining'::text))::numeric = trunc(((_raw_data -> 'amount_remaining'::text))::numeric)) AND ((((_raw_data -> 'amount_remaining'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_remaining'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_remaining'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_remaining,
        CASE jsonb_typeof((_raw_data -> 'amount_shipping'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_shipping'::text))::numeric = trunc(((_raw_data -> 'amount_shipping'::text))::numeric)) AND ((((_raw_data -> 'amount_shipping'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_shipping'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_shipping'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_shipping,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
        CASE jsonb_typeof((_raw_data -> 'application_fee_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'application_fee_amount'::text))::numeric = trunc(((_raw_data -> 'application_fee_amount'::text))::numeric)) AND ((((_raw_data -> 'application_fee_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'application_fee_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'application_fee_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS application_fee_amount,
        CASE jsonb_typeof((_raw_data -> 'attempt_count'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'attempt_count'::text))::numeric = trunc(((_raw_data -> 'attempt_count'::text))::numeric)) AND ((((_raw_data -> 'attempt_count'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'attempt_count'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'attempt_count'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS attempt_count,
        CASE jsonb_typeof((_raw_data -> 'attempted'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'attempted'::text))::boolean
            ELSE NULL::boolean
        END AS attempted,
        CASE jsonb_typeof((_raw_data -> 'auto_advance'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'auto_advance'::text))::boolean
            ELSE NULL::boolean
        END AS auto_advance,
    (_raw_data -> 'automatic_tax'::text) AS automatic_tax,
        CASE jsonb_typeof((_raw_data -> 'automatically_finalizes_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'automatically_finalizes_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'automatically_finalizes_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'automatically_finalizes_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS automatically_finalizes_at,
    (_raw_data ->> 'billing_reason'::text) AS billing_reason,
    charge,
    (_raw_data ->> 'collection_method'::text) AS collection_method,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data -> 'custom_fields'::text) AS custom_fields,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
    (_raw_data -> 'customer_address'::text) AS customer_address,
    (_raw_data ->> 'customer_email'::text) AS customer_email,
    (_raw_data ->> 'customer_name'::text) AS customer_name,
    (_raw_data ->> 'customer_phone'::text) AS customer_phone,
    (_raw_data -> 'customer_shipping'::text) AS customer_shipping,
    (_raw_data ->> 'customer_tax_exempt'::text) AS customer_tax_exempt,
    (_raw_data -> 'customer_tax_ids'::text) AS customer_tax_ids,
        CASE jsonb_typeof((_raw_data -> 'default_payment_method'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'default_payment_method'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'default_payment_method'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'default_payment_method'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS default_payment_method,
        CASE jsonb_typeof((_raw_data -> 'default_source'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'default_source'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'default_source'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'default_source'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS default_source,
    (_raw_data -> 'default_tax_rates'::text) AS default_tax_rates,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'discount'::text) AS discount,
    (_raw_data -> 'discounts'::text) AS discounts,
        CASE jsonb_typeof((_raw_data -> 'due_date'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'due_date'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'due_date'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'due_date'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS due_date,
        CASE jsonb_typeof((_raw_data -> 'effective_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'effective_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'effective_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'effective_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS effective_at,
        CASE jsonb_typeof((_raw_data -> 'ending_balance'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'ending_balance'::text))::numeric = trunc(((_raw_data -> 'ending_balance'::text))::numeric)) AND ((((_raw_data -> 'ending_balance'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'ending_balance'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'ending_balance'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS ending_balance,
    (_raw_data ->> 'footer'::text) AS footer,
    (_raw_data -> 'from_invoice'::text) AS from_invoice,
    (_raw_data ->> 'hosted_invoice_url'::text) AS hosted_invoice_url,
    (_raw_data ->> 'invoice_pdf'::text) AS invoice_pdf,
    (_raw_data -> 'issuer'::text) AS issuer,
    (_raw_data -> 'last_finalization_error'::text) AS last_finalization_error,
        CASE jsonb_typeof((_raw_data -> 'latest_revision'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'latest_revision'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'latest_revision'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'latest_revision'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS latest_revision,
    (_raw_data -> 'lines'::text) AS lines,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
        CASE jsonb_typeof((_raw_data -> 'next_payment_attempt'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'next_payment_attempt'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'next_payment_attempt'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'next_payment_attempt'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS next_payment_attempt,
    (_raw_data ->> 'number'::text) AS number,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'on_behalf_of'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'on_behalf_of'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'on_behalf_of'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'on_behalf_of'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS on_behalf_of,
        CASE jsonb_typeof((_raw_data -> 'paid'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'paid'::text))::boolean
            ELSE NULL::boolean
        END AS paid,
        CASE jsonb_typeof((_raw_data -> 'paid_out_of_band'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'paid_out_of_band'::text))::boolean
            ELSE NULL::boolean
        END AS paid_out_of_band,
    (_raw_data -> 'parent'::text) AS parent,
    payment_intent,
    (_raw_data -> 'payment_settings'::text) AS payment_settings,
        CASE jsonb_typeof((_raw_data -> 'period_end'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'period_end'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'period_end'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'period_end'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS period_end,
        CASE jsonb_typeof((_raw_data -> 'period_start'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'period_start'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'period_start'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'period_start'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS period_start,
        CASE jsonb_typeof((_raw_data -> 'post_payment_credit_notes_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'post_payment_credit_notes_amount'::text))::numeric = trunc(((_raw_data -> 'post_payment_credit_notes_amount'::text))::numeric)) AND ((((_raw_data -> 'post_payment_credit_notes_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'post_payment_credit_notes_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'post_payment_credit_notes_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS post_payment_credit_notes_amount,
        CASE jsonb_typeof((_raw_data -> 'pre_payment_credit_notes_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'pre_payment_credit_notes_amount'::text))::numeric = trunc(((_raw_data -> 'pre_payment_credit_notes_amount'::text))::numeric)) AND ((((_raw_data -> 'pre_payment_credit_notes_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'pre_payment_credit_notes_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'pre_payment_credit_notes_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS pre_payment_credit_notes_amount,
        CASE jsonb_typeof((_raw_data -> 'quote'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'quote'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'quote'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'quote'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS quote,
    (_raw_data ->> 'receipt_number'::text) AS receipt_number,
    (_raw_data -> 'rendering'::text) AS rendering,
    (_raw_data -> 'rendering_options'::text) AS rendering_options,
    (_raw_data -> 'shipping_cost'::text) AS shipping_cost,
    (_raw_data -> 'shipping_details'::text) AS shipping_details,
        CASE jsonb_typeof((_raw_data -> 'starting_balance'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'starting_balance'::text))::numeric = trunc(((_raw_data -> 'starting_balance'::text))::numeric)) AND ((((_raw_data -> 'starting_balance'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'starting_balance'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'starting_balance'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS starting_balance,
    (_raw_data ->> 'statement_descriptor'::text) AS statement_descriptor,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_transitions'::text) AS status_transitions,
    subscription,
    (_raw_data -> 'subscription_details'::text) AS subscription_details,
        CASE jsonb_typeof((_raw_data -> 'subscription_proration_date'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'subscription_proration_date'::text))::numeric = trunc(((_raw_data -> 'subscription_proration_date'::text))::numeric)) AND ((((_raw_data -> 'subscription_proration_date'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'subscription_proration_date'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'subscription_proration_date'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS subscription_proration_date,
        CASE jsonb_typeof((_raw_data -> 'subtotal'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'subtotal'::text))::numeric = trunc(((_raw_data -> 'subtotal'::text))::numeric)) AND ((((_raw_data -> 'subtotal'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'subtotal'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'subtotal'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS subtotal,
        CASE jsonb_typeof((_raw_data -> 'subtotal_excluding_tax'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'subtotal_excluding_tax'::text))::numeric = trunc(((_raw_data -> 'subtotal_excluding_tax'::text))::numeric)) AND ((((_raw_data -> 'subtotal_excluding_tax'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'subtotal_excluding_tax'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'subtotal_excluding_tax'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS subtotal_excluding_tax,
        CASE jsonb_typeof((_raw_data -> 'tax'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'tax'::text))::numeric = trunc(((_raw_data -> 'tax'::text))::numeric)) AND ((((_raw_data -> 'tax'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'tax'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'tax'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS tax,
        CASE jsonb_typeof((_raw_data -> 'test_clock'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'test_clock'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'test_clock'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'test_clock'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS test_clock,
    (_raw_data -> 'threshold_reason'::text) AS threshold_reason,
        CASE jsonb_typeof((_raw_data -> 'total'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'total'::text))::numeric = trunc(((_raw_data -> 'total'::text))::numeric)) AND ((((_raw_data -> 'total'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'total'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'total'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS total,
    (_raw_data -> 'total_discount_amounts'::text) AS total_discount_amounts,
        CASE jsonb_typeof((_raw_data -> 'total_excluding_tax'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'total_excluding_tax'::text))::numeric = trunc(((_raw_data -> 'total_excluding_tax'::text))::numeric)) AND ((((_raw_data -> 'total_excluding_tax'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'total_excluding_tax'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'total_excluding_tax'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS total_excluding_tax,
    (_raw_data -> 'total_pretax_credit_amounts'::text) AS total_pretax_credit_amounts,
    (_raw_data -> 'total_tax_amounts'::text) AS total_tax_amounts,
    (_raw_data -> 'total_taxes'::text) AS total_taxes,
    (_raw_data -> 'transfer_data'::text) AS transfer_data,
        CASE jsonb_typeof((_raw_data -> 'webhooks_delivered_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'webhooks_delivered_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'webhooks_delivered_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'webhooks_delivered_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS webhooks_delivered_at
   FROM _raw_invoices t;
COMMENT ON VIEW invoices IS 'Stripe invoice objects. Invoices are statements of amounts owed by a customer, and are either generated one-off, or generated periodically from a subscription.';
COMMENT ON COLUMN invoices.account_country IS 'The country of the business associated with this invoice, most often the business creating the invoice.';
COMMENT ON COLUMN invoices.account_name IS 'The public name of the business associated with this invoice, most often the business creating the invoice.';
COMMENT ON COLUMN invoices.account_tax_ids IS 'The account tax IDs associated with the invoice.';
COMMENT ON COLUMN invoices.amount_due IS 'Final amount due at this time for this invoice.';
COMMENT ON COLUMN invoices.amount_overpaid IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoices.amount_paid IS 'The amount, in cents (or local equivalent), that was paid.';
COMMENT ON COLUMN invoices.amount_remaining IS 'The difference between amount_due and amount_paid, in cents (or local equivalent).';
COMMENT ON COLUMN invoices.amount_shipping IS 'This is the sum of all the shipping amounts.';
COMMENT ON COLUMN invoices.application IS 'ID of the Connect Application that created the invoice.';
COMMENT ON COLUMN invoices.application_fee_amount IS 'The fee in cents (or local equivalent) that will be applied to the invoice and transferred to the application owner''s Stripe account when the invoice is paid.';
COMMENT ON COLUMN invoices.attempt_count IS 'Number of payment attempts made for this invoice, from the perspective of the payment retry schedule.';
COMMENT ON COLUMN invoices.attempted IS 'Whether an attempt has been made to pay the invoice.';
COMMENT ON COLUMN invoices.auto_advance IS 'Controls whether Stripe performs automatic collection of the invoice.';
COMMENT ON COLUMN invoices.automatically_finalizes_at IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoices.billing_reason IS 'Indicates the reason why the invoice was created.';
COMMENT ON COLUMN invoices.charge IS 'ID of the latest charge generated for this invoice, if any.';
COMMENT ON COLUMN invoices.collection_method IS 'Either `charge_automatically`, or `send_invoice`.';
COMMENT ON COLUMN invoices.created IS 'Time at which the object was created.';
COMMENT ON COLUMN invoices.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN invoices.custom_fields IS 'Custom fields displayed on the invoice.';
COMMENT ON COLUMN invoices.customer IS 'The ID of the customer who will be billed.';
COMMENT ON COLUMN invoices.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoices.customer_address IS 'The customer''s address.';
COMMENT ON COLUMN invoices.customer_email IS 'The customer''s email.';
COMMENT ON COLUMN invoices.customer_name IS 'The customer''s name.';
COMMENT ON COLUMN invoices.customer_phone IS 'The customer''s phone number.';
COMMENT ON COLUMN invoices.customer_shipping IS 'The customer''s shipping information.';
COMMENT ON COLUMN invoices.customer_tax_exempt IS 'The customer''s tax exempt status.';
COMMENT ON COLUMN invoices.customer_tax_ids IS 'The customer''s tax IDs.';
COMMENT ON COLUMN invoices.default_payment_method IS 'ID of the default payment method for the invoice.';
COMMENT ON COLUMN invoices.default_source IS 'ID of the default payment source for the invoice.';
COMMENT ON COLUMN invoices.default_tax_rates IS 'The tax rates applied to this invoice, if any.';
COMMENT ON COLUMN invoices.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN invoices.discount IS 'Describes the current discount applied to this invoice, if there is one.';
COMMENT ON COLUMN invoices.discounts IS 'The discounts applied to the invoice.';
COMMENT ON COLUMN invoices.due_date IS 'The date on which payment for this invoice is due.';
COMMENT ON COLUMN invoices.effective_at IS 'The date when this invoice is in effect.';
COMMENT ON COLUMN invoices.ending_balance IS 'Ending customer balance after the invoice is finalized.';
COMMENT ON COLUMN invoices.footer IS 'Footer displayed on the invoice.';
COMMENT ON COLUMN invoices.from_invoice IS 'Details of the invoice that was cloned.';
COMMENT ON COLUMN invoices.hosted_invoice_url IS 'The URL for the hosted invoice page, which allows customers to view and pay an invoice.';
COMMENT ON COLUMN invoices.invoice_pdf IS 'The link to download the PDF for the invoice.';
COMMENT ON COLUMN invoices.issuer IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoices.last_finalization_error IS 'The error encountered during the previous attempt to finalize the invoice.';
COMMENT ON COLUMN invoices.latest_revision IS 'The ID of the most recent non-draft revision of this invoice';
COMMENT ON COLUMN invoices.lines IS 'The individual line items that make up the invoice.';
COMMENT ON COLUMN invoices.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN invoices.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN invoices.next_payment_attempt IS 'The time at which payment will next be attempted.';
COMMENT ON COLUMN invoices.number IS 'A unique, identifying string that appears on emails sent to the customer for this invoice.';
COMMENT ON COLUMN invoices.object IS 'String representing the object''s type.';
COMMENT ON COLUMN invoices.on_behalf_of IS 'The account (if any) for which the funds of the invoice payment are intended.';
COMMENT ON COLUMN invoices.paid IS 'Whether payment was successfully collected for this invoice.';
COMMENT ON COLUMN invoices.paid_out_of_band IS 'Returns true if the invoice was manually marked paid, returns false if the invoice hasn''t been paid yet or was paid on Stripe.';
COMMENT ON COLUMN invoices.parent IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoices.payment_intent IS 'The PaymentIntent associated with this invoice.';
COMMENT ON COLUMN invoices.period_end IS 'End of the usage period during which invoice items were added to this invoice.';
COMMENT ON COLUMN invoices.period_start IS 'Start of the usage period during which invoice items were added to this invoice.';
COMMENT ON COLUMN invoices.post_payment_credit_notes_amount IS 'Total amount of all post-payment credit notes issued for this invoice.';
COMMENT ON COLUMN invoices.pre_payment_credit_notes_amount IS 'Total amount of all pre-payment credit notes issued for this invoice.';
COMMENT ON COLUMN invoices.quote IS 'The quote this invoice was generated from.';
COMMENT ON COLUMN invoices.receipt_number IS 'This is the transaction number that appears on email receipts sent for this invoice.';
COMMENT ON COLUMN invoices.rendering IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoices.rendering_options IS 'Options for invoice PDF rendering.';
COMMENT ON COLUMN invoices.shipping_cost IS 'The details of the cost of shipping, including the ShippingRate applied on the invoice.';
COMMENT ON COLUMN invoices.shipping_details IS 'Shipping details for the invoice.';
COMMENT ON COLUMN invoices.starting_balance IS 'Starting customer balance before the invoice is finalized.';
COMMENT ON COLUMN invoices.statement_descriptor IS 'Extra information about an invoice for the customer''s credit card statement.';
COMMENT ON COLUMN invoices.status IS 'The status of the invoice, one of `draft`, `open`, `paid`, `uncollectible`, or `void`.';
COMMENT ON COLUMN invoices.subscription IS 'The subscription that this invoice was prepared for, if any.';
COMMENT ON COLUMN invoices.subscription_details IS 'Details about the subscription that created this invoice.';
COMMENT ON COLUMN invoices.subscription_proration_date IS 'Only set for upcoming invoices that preview prorations.';
COMMENT ON COLUMN invoices.subtotal IS 'Total of all subscriptions, invoice items, and prorations on the invoice before any invoice level discount or exclusive tax is applied.';
COMMENT ON COLUMN invoices.subtotal_excluding_tax IS 'The integer amount in cents (or local equivalent) representing the subtotal of the invoice before any invoice level discount or tax is applied.';
COMMENT ON COLUMN invoices.tax IS 'The amount of tax on this invoice.';
COMMENT ON COLUMN invoices.test_clock IS 'ID of the test clock this invoice belongs to.';
COMMENT ON COLUMN invoices.total IS 'Total after discounts and taxes.';
COMMENT ON COLUMN invoices.total_discount_amounts IS 'The aggregate amounts calculated per discount across all line items.';
COMMENT ON COLUMN invoices.total_excluding_tax IS 'The integer amount in cents (or local equivalent) representing the total amount of the invoice including all discounts but excluding all tax.';
COMMENT ON COLUMN invoices.total_pretax_credit_amounts IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoices.total_tax_amounts IS 'The aggregate amounts calculated per tax rate for all line items.';
COMMENT ON COLUMN invoices.total_taxes IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN invoices.transfer_data IS 'The account (if any) the payment will be attributed to for tax reporting, and where funds from the payment will be transferred to for the invoice.';
COMMENT ON COLUMN invoices.webhooks_delivered_at IS 'Invoices are automatically paid or sent 1 hour after webhooks are delivered, or until all webhook delivery attempts have been exhausted.';

CREATE VIEW issuing_authorizations AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    (_raw_data -> 'amount_details'::text) AS amount_details,
        CASE jsonb_typeof((_raw_data -> 'approved'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'approved'::text))::boolean
            ELSE NULL::boolean
        END AS approved,
    (_raw_data ->> 'authorization_method'::text) AS authorization_method,
    (_raw_data -> 'balance_transactions'::text) AS balance_transactions,
    card,
    (_raw_data -> 'card_presence'::text) AS card_presence,
    cardholder,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data -> 'fleet'::text) AS fleet,
    (_raw_data -> 'fuel'::text) AS fuel,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
        CASE jsonb_typeof((_raw_data -> 'merchant_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'merchant_amount'::text))::numeric = trunc(((_raw_data -> 'merchant_amount'::text))::numeric)) AND ((((_raw_data -> 'merchant_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'merchant_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'merchant_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS merchant_amount,
    (_raw_data ->> 'merchant_currency'::text) AS merchant_currency,
    (_raw_data -> 'merchant_data'::text) AS merchant_data,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data -> 'network_data'::text) AS network_data,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'pending_request'::text) AS pending_request,
    (_raw_data -> 'request_history'::text) AS request_history,
    (_raw_data ->> 'status'::text) AS status,
    token,
    (_raw_data -> 'transactions'::text) AS transactions,
    (_raw_data -> 'treasury'::text) AS treasury,
    (_raw_data -> 'verification_data'::text) AS verification_data,
    (_raw_data -> 'verified_by_fraud_challenge'::text) AS verified_by_fraud_challenge,
    (_raw_data ->> 'wallet'::text) AS wallet
   FROM _raw_issuing_authorizations t;
COMMENT ON VIEW issuing_authorizations IS 'Stripe issuing.authorization objects. When an issued card is used to make a purchase, an Issuing `Authorization` object is created.';
COMMENT ON COLUMN issuing_authorizations.amount IS 'The total amount that was authorized or rejected.';
COMMENT ON COLUMN issuing_authorizations.amount_details IS 'Detailed breakdown of amount components.';
COMMENT ON COLUMN issuing_authorizations.approved IS 'Whether the authorization has been approved.';
COMMENT ON COLUMN issuing_authorizations.authorization_method IS 'How the card details were provided.';
COMMENT ON COLUMN issuing_authorizations.balance_transactions IS 'List of balance transactions associated with this authorization.';
COMMENT ON COLUMN issuing_authorizations.card_presence IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_authorizations.cardholder IS 'The cardholder to whom this authorization belongs.';
COMMENT ON COLUMN issuing_authorizations.created IS 'Time at which the object was created.';
COMMENT ON COLUMN issuing_authorizations.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN issuing_authorizations.fleet IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_authorizations.fuel IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_authorizations.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN issuing_authorizations.merchant_amount IS 'The total amount that was authorized or rejected.';
COMMENT ON COLUMN issuing_authorizations.merchant_currency IS 'The currency that was presented to the cardholder for the authorization.';
COMMENT ON COLUMN issuing_authorizations.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN issuing_authorizations.network_data IS 'Details about the authorization, such as identifiers, set by the card network.';
COMMENT ON COLUMN issuing_authorizations.object IS 'String representing the object''s type.';
COMMENT ON COLUMN issuing_authorizations.pending_request IS 'The pending authorization request.';
COMMENT ON COLUMN issuing_authorizations.request_history IS 'History of every time a `pending_request` authorization was approved/declined, either by you directly or by Stripe (e.g. based on your spending_controls).';
COMMENT ON COLUMN issuing_authorizations.status IS 'The current status of the authorization in its lifecycle.';
COMMENT ON COLUMN issuing_authorizations.token IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_authorizations.transactions IS 'List of transactions associated with this authorization.';
COMMENT ON COLUMN issuing_authorizations.treasury IS 'Treasury details related to this authorization if it was created on a FinancialAccount.';
COMMENT ON COLUMN issuing_authorizations.verified_by_fraud_challenge IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_authorizations.wallet IS 'The digital wallet used for this transaction.';

CREATE VIEW issuing_cardholders AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'billing'::text) AS billing,
    (_raw_data -> 'company'::text) AS company,
    created,
    (_raw_data ->> 'email'::text) AS email,
    (_raw_data -> 'individual'::text) AS individual,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'name'::text) AS name,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'phone_number'::text) AS phone_number,
    (_raw_data -> 'preferred_locales'::text) AS preferred_locales,
    (_raw_data -> 'requirements'::text) AS requirements,
    (_raw_data -> 'spending_controls'::text) AS spending_controls,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data ->> 'type'::text) AS type
   FROM _raw_issuing_cardholders t;
COMMENT ON VIEW issuing_cardholders IS 'Stripe issuing.cardholder objects. An Issuing `Cardholder` object represents an individual or business entity who is issued cards.';
COMMENT ON COLUMN issuing_cardholders.company IS 'Additional information about a `company` cardholder.';
COMMENT ON COLUMN issuing_cardholders.created IS 'Time at which the object was created.';
COMMENT ON COLUMN issuing_cardholders.email IS 'The cardholder''s email address.';
COMMENT ON COLUMN issuing_cardholders.individual IS 'Additional information about an `individual` cardholder.';
COMMENT ON COLUMN issuing_cardholders.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN issuing_cardholders.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN issuing_cardholders.name IS 'The cardholder''s name.';
COMMENT ON COLUMN issuing_cardholders.object IS 'String representing the object''s type.';
COMMENT ON COLUMN issuing_cardholders.phone_number IS 'The cardholder''s phone number.';
COMMENT ON COLUMN issuing_cardholders.preferred_locales IS 'The cardholder’s preferred locales (languages), ordered by preference.';
COMMENT ON COLUMN issuing_cardholders.spending_controls IS 'Rules that control spending across this cardholder''s cards.';
COMMENT ON COLUMN issuing_cardholders.status IS 'Specifies whether to permit authorizations on this cardholder''s cards.';
COMMENT ON COLUMN issuing_cardholders.type IS 'One of `individual` or `company`.';

CREATE VIEW issuing_cards AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data ->> 'brand'::text) AS brand,
    (_raw_data ->> 'cancellation_reason'::text) AS cancellation_reason,
    cardholder,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'cvc'::text) AS cvc,
        CASE jsonb_typeof((_raw_data -> 'exp_month'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'exp_month'::text))::numeric = trunc(((_raw_data -> 'exp_month'::text))::numeric)) AND ((((_raw_data -> 'exp_month'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'exp_month'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'exp_month'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS exp_month,
        CASE jsonb_typeof((_raw_data -> 'exp_year'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'exp_year'::text))::numeric = trunc(((_raw_data -> 'exp_year'::text))::numeric)) AND ((((_raw_data -> 'exp_year'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'exp_year'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'exp_year'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS exp_year,
    (_raw_data ->> 'financial_account'::text) AS financial_account,
    (_raw_data ->> 'last4'::text) AS last4,
    (_raw_data -> 'latest_fraud_warning'::text) AS latest_fraud_warning,
    (_raw_data -> 'lifecycle_controls'::text) AS lifecycle_controls,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'number'::text) AS number,
    (_raw_data ->> 'object'::text) AS object,
    personalization_design,
        CASE jsonb_typeof((_raw_data -> 'replaced_by'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'replaced_by'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'replaced_by'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'replaced_by'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS replaced_by,
        CASE jsonb_typeof((_raw_data -> 'replacement_for'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'replacement_for'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'replacement_for'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'replacement_for'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS replacement_for,
    (_raw_data ->> 'replacement_reason'::text) AS replacement_reason,
    (_raw_data -> 'second_line'::text) AS second_line,
    (_raw_data -> 'shipping'::text) AS shipping,
    (_raw_data -> 'spending_controls'::text) AS spending_controls,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data ->> 'type'::text) AS type,
    (_raw_data -> 'wallets'::text) AS wallets
   FROM _raw_issuing_cards t;
COMMENT ON VIEW issuing_cards IS 'Stripe issuing.card objects. You can create physical or virtual cards that are issued to cardholders.';
COMMENT ON COLUMN issuing_cards.brand IS 'The brand of the card.';
COMMENT ON COLUMN issuing_cards.cancellation_reason IS 'The reason why the card was canceled.';
COMMENT ON COLUMN issuing_cards.created IS 'Time at which the object was created.';
COMMENT ON COLUMN issuing_cards.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN issuing_cards.cvc IS 'The card''s CVC.';
COMMENT ON COLUMN issuing_cards.exp_month IS 'The expiration month of the card.';
COMMENT ON COLUMN issuing_cards.exp_year IS 'The expiration year of the card.';
COMMENT ON COLUMN issuing_cards.financial_account IS 'The financial account this card is attached to.';
COMMENT ON COLUMN issuing_cards.last4 IS 'The last 4 digits of the card number.';
COMMENT ON COLUMN issuing_cards.latest_fraud_warning IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_cards.lifecycle_controls IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_cards.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN issuing_cards.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN issuing_cards.number IS 'The full unredacted card number.';
COMMENT ON COLUMN issuing_cards.object IS 'String representing the object''s type.';
COMMENT ON COLUMN issuing_cards.personalization_design IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_cards.replaced_by IS 'The latest card that replaces this card, if any.';
COMMENT ON COLUMN issuing_cards.replacement_for IS 'The card this card replaces, if any.';
COMMENT ON COLUMN issuing_cards.replacement_reason IS 'The reason why the previous card needed to be replaced.';
COMMENT ON COLUMN issuing_cards.second_line IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_cards.shipping IS 'Where and how the card will be shipped.';
COMMENT ON COLUMN issuing_cards.status IS 'Whether authorizations can be approved on this card.';
COMMENT ON COLUMN issuing_cards.type IS 'The type of the card.';
COMMENT ON COLUMN issuing_cards.wallets IS 'Information relating to digital wallets (like Apple Pay and Google Pay).';

CREATE VIEW issuing_disputes AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    (_raw_data -> 'balance_transactions'::text) AS balance_transactions,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data -> 'evidence'::text) AS evidence,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'status'::text) AS status,
    transaction,
    (_raw_data -> 'treasury'::text) AS treasury
   FROM _raw_issuing_disputes t;
COMMENT ON VIEW issuing_disputes IS 'Stripe issuing.dispute objects. As a card issuer, you can dispute transactions that the cardholder does not recognize, suspects to be fraudulent, or has other issues with.';
COMMENT ON COLUMN issuing_disputes.amount IS 'Disputed amount in the card''s currency and in the smallest currency unit.';
COMMENT ON COLUMN issuing_disputes.balance_transactions IS 'List of balance transactions associated with the dispute.';
COMMENT ON COLUMN issuing_disputes.created IS 'Time at which the object was created.';
COMMENT ON COLUMN issuing_disputes.currency IS 'The currency the `transaction` was made in.';
COMMENT ON COLUMN issuing_disputes.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN issuing_disputes.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN issuing_disputes.object IS 'String representing the object''s type.';
COMMENT ON COLUMN issuing_disputes.status IS 'Current status of the dispute.';
COMMENT ON COLUMN issuing_disputes.transaction IS 'The transaction being disputed.';
COMMENT ON COLUMN issuing_disputes.treasury IS 'Treasury details related to this dispute if it was created on a [FinancialAccount](/docs/api/treasury/financial_accounts';

CREATE VIEW issuing_personalization_designs AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'card_logo'::text) AS card_logo,
    (_raw_data -> 'carrier_text'::text) AS carrier_text,
    created,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'lookup_key'::text) AS lookup_key,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'name'::text) AS name,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'physical_bundle'::text) AS physical_bundle,
    (_raw_data -> 'preferences'::text) AS preferences,
    (_raw_data -> 'rejection_reasons'::text) AS rejection_reasons,
    (_raw_data ->> 'status'::text) AS status
   FROM _raw_issuing_personalization_designs t;
COMMENT ON VIEW issuing_personalization_designs IS 'Stripe issuing.personalization_design objects.';
COMMENT ON COLUMN issuing_personalization_designs.card_logo IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_personalization_designs.carrier_text IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_personalization_designs.created IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_personalization_designs.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_personalization_designs.lookup_key IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_personalization_designs.metadata IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_personalization_designs.name IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_personalization_designs.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_personalization_designs.physical_bundle IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_personalization_designs.preferences IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_personalization_designs.rejection_reasons IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_personalization_designs.status IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW issuing_tokens AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    card,
    created,
    (_raw_data -> 'device_fingerprint'::text) AS device_fingerprint,
    (_raw_data ->> 'last4'::text) AS last4,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'network'::text) AS network,
        CASE jsonb_typeof((_raw_data -> 'network_updated_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'network_updated_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'network_updated_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'network_updated_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS network_updated_at,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data ->> 'wallet_provider'::text) AS wallet_provider
   FROM _raw_issuing_tokens t;
COMMENT ON VIEW issuing_tokens IS 'Stripe issuing.token objects.';
COMMENT ON COLUMN issuing_tokens.card IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_tokens.created IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_tokens.device_fingerprint IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_tokens.last4 IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_tokens.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_tokens.network IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_tokens.network_updated_at IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_tokens.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_tokens.status IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_tokens.wallet_provider IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW issuing_transactions AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    (_raw_data -> 'amount_details'::text) AS amount_details,
    "authorization",
    balance_transaction,
    card,
    cardholder,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    dispute,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
        CASE jsonb_typeof((_raw_data -> 'merchant_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'merchant_amount'::text))::numeric = trunc(((_raw_data -> 'merchant_amount'::text))::numeric)) AND ((((_raw_data -> 'merchant_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'merchant_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'merchant_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS merchant_amount,
    (_raw_data ->> 'merchant_currency'::text) AS merchant_currency,
    (_raw_data -> 'merchant_data'::text) AS merchant_data,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data -> 'network_data'::text) AS network_data,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'purchase_details'::text) AS purchase_details,
    token,
    (_raw_data -> 'treasury'::text) AS treasury,
    (_raw_data ->> 'type'::text) AS type,
    (_raw_data ->> 'wallet'::text) AS wallet
   FROM _raw_issuing_transactions t;
COMMENT ON VIEW issuing_transactions IS 'Stripe issuing.transaction objects. Any use of an issued card that results in funds entering or leaving your Stripe account, such as a completed purchase or refund, is represented by an Issuing `Transaction` object.';
COMMENT ON COLUMN issuing_transactions.amount IS 'The transaction amount, which will be reflected in your balance.';
COMMENT ON COLUMN issuing_transactions.amount_details IS 'Detailed breakdown of amount components.';
COMMENT ON COLUMN issuing_transactions.authorization IS 'The `Authorization` object that led to this transaction.';
COMMENT ON COLUMN issuing_transactions.balance_transaction IS 'ID of the balance transaction associated with this transaction.';
COMMENT ON COLUMN issuing_transactions.card IS 'The card used to make this transaction.';
COMMENT ON COLUMN issuing_transactions.cardholder IS 'The cardholder to whom this transaction belongs.';
COMMENT ON COLUMN issuing_transactions.created IS 'Time at which the object was created.';
COMMENT ON COLUMN issuing_transactions.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN issuing_transactions.dispute IS 'If you''ve disputed the transaction, the ID of the dispute.';
COMMENT ON COLUMN issuing_transactions.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN issuing_transactions.merchant_amount IS 'The amount that the merchant will receive, denominated in `merchant_currency` and in the smallest currency unit.';
COMMENT ON COLUMN issuing_transactions.merchant_currency IS 'The currency with which the merchant is taking payment.';
COMMENT ON COLUMN issuing_transactions.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN issuing_transactions.network_data IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_transactions.object IS 'String representing the object''s type.';
COMMENT ON COLUMN issuing_transactions.purchase_details IS 'Additional purchase information that is optionally provided by the merchant.';
COMMENT ON COLUMN issuing_transactions.token IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN issuing_transactions.treasury IS 'Treasury details related to this transaction if it was created on a [FinancialAccount](/docs/api/treasury/financial_accounts';
COMMENT ON COLUMN issuing_transactions.type IS 'The nature of the transaction.';
COMMENT ON COLUMN issuing_transactions.wallet IS 'The digital wallet used for this transaction.';

CREATE VIEW mrr_daily AS
 WITH segments AS MATERIALIZED (
         SELECT _mrr_customer_segments.account_id,
            _mrr_customer_segments.currency,
            _mrr_customer_segments.customer,
            _mrr_customer_segments.valid_from,
            _mrr_customer_segments.valid_to,
            _mrr_customer_segments.mrr,
            _mrr_customer_segments.subscriptions
           FROM _mrr_customer_segments
        ), changes AS (
         SELECT segments.account_id,
            segments.currency,
            _metric_day(segments.valid_from) AS day,
            segments.mrr,
            ((segments.mrr > (0)::numeric))::integer AS subscribers,
            segments.subscriptions
           FROM segments
        UNION ALL
         SELECT segments.account_id,
            segments.currency,
            _metric_day(segments.valid_to) AS _metric_day,
            (- segments.mrr),
            (- ((segments.mrr > (0)::numeric))::integer),
            (- segments.subscriptions)
           FROM segments
          WHERE (segments.valid_to IS NOT NULL)
        ), per_day AS (
         SELECT changes.account_id,
            changes.currency,
            changes.day,
            sum(changes.mrr) AS mrr,
            sum(changes.subscribers) AS subscribers,
            sum(changes.subscriptions) AS subscriptions
           FROM changes
          GROUP BY changes.account_id, changes.currency, changes.day
        ), ranges AS (
         SELECT per_day.account_id,
            per_day.currency,
            min(per_day.day) AS first_day
           FROM per_day
          GROUP BY per_day.account_id, per_day.currency
        )
 SELECT r.account_id,
    r.currency,
    (d.day)::date AS day,
    sum(COALESCE(p.mrr, (0)::numeric)) OVER w AS mrr,
    (sum(COALESCE(p.subscribers, (0)::bigint)) OVER w)::bigint AS subscribers,
    (sum(COALESCE(p.subscriptions, (0)::numeric)) OVER w)::bigint AS subscriptions
   FROM ((ranges r
     CROSS JOIN LATERAL generate_series((r.first_day)::timestamp with time zone, (_metric_today())::timestamp with time zone, '1 day'::interval) d(day))
     LEFT JOIN per_day p ON (((p.account_id = r.account_id) AND (p.currency = r.currency) AND (p.day = (d.day)::date))))
  WINDOW w AS (PARTITION BY r.account_id, r.currency ORDER BY d.day);
COMMENT ON VIEW mrr_daily IS 'MRR at the end of each UTC day (today: as far as the mirror knows now), per account and currency: see docs/concepts/metrics.md.';
COMMENT ON COLUMN mrr_daily.account_id IS 'The Stripe account.';
COMMENT ON COLUMN mrr_daily.currency IS 'The currency (lower case); amounts of different currencies are never added.';
COMMENT ON COLUMN mrr_daily.day IS 'The UTC day; the values are those at its end.';
COMMENT ON COLUMN mrr_daily.mrr IS 'Monthly recurring revenue in minor units (cents), discounts applied.';
COMMENT ON COLUMN mrr_daily.subscribers IS 'Customers with MRR above zero in this currency.';
COMMENT ON COLUMN mrr_daily.subscriptions IS 'Subscriptions with MRR above zero.';

CREATE VIEW mrr_monthly AS
 SELECT account_id,
    currency,
    (date_trunc('month'::text, (day)::timestamp with time zone))::date AS month,
    day AS as_of,
    mrr,
    (mrr * (12)::numeric) AS arr,
    subscribers,
    subscriptions
   FROM mrr_daily
  WHERE ((day = ((date_trunc('month'::text, (day)::timestamp with time zone) + '1 mon -1 days'::interval))::date) OR (day = _metric_today()));
COMMENT ON VIEW mrr_monthly IS 'MRR at the end of each month (the current month: today), per account and currency: see docs/concepts/metrics.md.';
COMMENT ON COLUMN mrr_monthly.account_id IS 'The Stripe account.';
COMMENT ON COLUMN mrr_monthly.currency IS 'The currency (lower case).';
COMMENT ON COLUMN mrr_monthly.month IS 'The month''s first day.';
COMMENT ON COLUMN mrr_monthly.as_of IS 'The day whose end the values describe: the month''s last day, or today.';
COMMENT ON COLUMN mrr_monthly.mrr IS 'MRR in minor units at as_of''s end.';
COMMENT ON COLUMN mrr_monthly.arr IS 'Annual run rate: mrr * 12, minor units.';
COMMENT ON COLUMN mrr_monthly.subscribers IS 'Customers with MRR above zero.';
COMMENT ON COLUMN mrr_monthly.subscriptions IS 'Subscriptions with MRR above zero.';

CREATE VIEW mrr_movements AS
 WITH segments AS MATERIALIZED (
         SELECT c.account_id,
            c.currency,
            c.customer,
            c.valid_from,
            c.valid_to,
            c.mrr,
            c.subscriptions,
            min(c.valid_from) FILTER (WHERE (c.mrr > (0)::numeric)) OVER (PARTITION BY c.account_id, c.currency, c.customer) AS first_paid_at
           FROM _mrr_customer_segments c
        ), months AS MATERIALIZED (
         SELECT r.account_id,
            r.currency,
            (m.m)::date AS month,
            _metric_day_end(LEAST(((m.m + '1 mon -1 days'::interval))::date, _metric_today())) AS month_end,
            (m.m AT TIME ZONE 'UTC'::text) AS month_start
           FROM (( SELECT segments.account_id,
                    segments.currency,
                    min(segments.valid_from) AS first_at
                   FROM segments
                  GROUP BY segments.account_id, segments.currency) r
             CROSS JOIN LATERAL generate_series(date_trunc('month'::text, (r.first_at AT TIME ZONE 'UTC'::text)), date_trunc('month'::text, (_metric_today())::timestamp without time zone), '1 mon'::interval) m(m))
        ), at_end AS MATERIALIZED (
         SELECT mo_1.account_id,
            mo_1.currency,
            mo_1.month,
            mo_1.month_start,
            c.customer,
            c.mrr,
            c.first_paid_at
           FROM (months mo_1
             JOIN segments c ON (((c.account_id = mo_1.account_id) AND (c.currency = mo_1.currency) AND (c.valid_from <= mo_1.month_end) AND ((c.valid_to IS NULL) OR (c.valid_to > mo_1.month_end)))))
          WHERE (c.mrr > (0)::numeric)
        ), moves AS (
         SELECT COALESCE(cur.account_id, prev.account_id) AS account_id,
            COALESCE(cur.currency, prev.currency) AS currency,
            COALESCE(cur.month, ((prev.month + '1 mon'::interval))::date) AS month,
            COALESCE(prev.mrr, (0)::numeric) AS prev,
            COALESCE(cur.mrr, (0)::numeric) AS cur,
                CASE
                    WHEN ((cur.mrr IS NOT NULL) AND (prev.mrr IS NULL) AND (cur.first_paid_at <= cur.month_start)) THEN 'reactivation'::text
                    WHEN ((cur.mrr IS NOT NULL) AND (prev.mrr IS NULL)) THEN 'new'::text
                    WHEN (cur.mrr IS NULL) THEN 'churn'::text
                    WHEN (cur.mrr > prev.mrr) THEN 'expansion'::text
                    WHEN (cur.mrr < prev.mrr) THEN 'contraction'::text
                    ELSE NULL::text
                END AS kind
           FROM (at_end cur
             FULL JOIN at_end prev ON (((prev.account_id = cur.account_id) AND (prev.currency = cur.currency) AND (prev.customer = cur.customer) AND (((prev.month + '1 mon'::interval))::date = cur.month))))
        ), per_month AS MATERIALIZED (
         SELECT k.account_id,
            k.currency,
            k.month,
            sum(k.prev) AS starting_mrr,
            COALESCE(sum(k.cur) FILTER (WHERE (k.kind = 'new'::text)), (0)::numeric) AS new_mrr,
            COALESCE(sum(k.cur) FILTER (WHERE (k.kind = 'reactivation'::text)), (0)::numeric) AS reactivation_mrr,
            COALESCE(sum((k.cur - k.prev)) FILTER (WHERE (k.kind = 'expansion'::text)), (0)::numeric) AS expansion_mrr,
            COALESCE(sum((k.cur - k.prev)) FILTER (WHERE (k.kind = 'contraction'::text)), (0)::numeric) AS contraction_mrr,
            COALESCE(sum((k.cur - k.prev)) FILTER (WHERE (k.kind = 'churn'::text)), (0)::numeric) AS churned_mrr,
            sum((k.cur - k.prev)) AS net_new_mrr,
            sum(k.cur) AS ending_mrr,
            count(*) FILTER (WHERE (k.kind = 'new'::text)) AS new_customers,
            count(*) FILTER (WHERE (k.kind = 'reactivation'::text)) AS reactivated_customers,
            count(*) FILTER (WHERE (k.kind = 'expansion'::text)) AS expanded_customers,
            count(*) FILTER (WHERE (k.kind = 'contraction'::text)) AS contracted_customers,
            count(*) FILTER (WHERE (k.kind = 'churn'::text)) AS churned_customers
           FROM moves k
          GROUP BY k.account_id, k.currency, k.month
        )
 SELECT mo.account_id,
    mo.currency,
    mo.month,
    COALESCE(p.starting_mrr, (0)::numeric) AS starting_mrr,
    COALESCE(p.new_mrr, (0)::numeric) AS new_mrr,
    COALESCE(p.reactivation_mrr, (0)::numeric) AS reactivation_mrr,
    COALESCE(p.expansion_mrr, (0)::numeric) AS expansion_mrr,
    COALESCE(p.contraction_mrr, (0)::numeric) AS contraction_mrr,
    COALESCE(p.churned_mrr, (0)::numeric) AS churned_mrr,
    COALESCE(p.net_new_mrr, (0)::numeric) AS net_new_mrr,
    COALESCE(p.ending_mrr, (0)::numeric) AS ending_mrr,
    COALESCE(p.new_customers, (0)::bigint) AS new_customers,
    COALESCE(p.reactivated_customers, (0)::bigint) AS reactivated_customers,
    COALESCE(p.expanded_customers, (0)::bigint) AS expanded_customers,
    COALESCE(p.contracted_customers, (0)::bigint) AS contracted_customers,
    COALESCE(p.churned_customers, (0)::bigint) AS churned_customers
   FROM (months mo
     LEFT JOIN per_month p ON (((p.account_id = mo.account_id) AND (p.currency = mo.currency) AND (p.month = mo.month))));
COMMENT ON VIEW mrr_movements IS 'How MRR moved each month per account and currency (customers compared between month ends): see docs/concepts/metrics.md.';
COMMENT ON COLUMN mrr_movements.account_id IS 'The Stripe account.';
COMMENT ON COLUMN mrr_movements.currency IS 'The currency (lower case).';
COMMENT ON COLUMN mrr_movements.month IS 'The month''s first day.';
COMMENT ON COLUMN mrr_movements.starting_mrr IS 'MRR at the end of the previous month.';
COMMENT ON COLUMN mrr_movements.new_mrr IS 'MRR of customers paying for the first time.';
COMMENT ON COLUMN mrr_movements.reactivation_mrr IS 'MRR of customers who had paid before, stopped, and pay again.';
COMMENT ON COLUMN mrr_movements.expansion_mrr IS 'Increase of customers who paid at both month ends.';
COMMENT ON COLUMN mrr_movements.contraction_mrr IS 'Decrease (negative) of customers who paid at both month ends.';
COMMENT ON COLUMN mrr_movements.churned_mrr IS 'MRR lost (negative) from customers who stopped paying.';
COMMENT ON COLUMN mrr_movements.net_new_mrr IS 'The sum of the five movements: ending_mrr - starting_mrr.';
COMMENT ON COLUMN mrr_movements.ending_mrr IS 'MRR at the end of the month (the current month: today).';
COMMENT ON COLUMN mrr_movements.new_customers IS 'Customers counted in new_mrr.';
COMMENT ON COLUMN mrr_movements.reactivated_customers IS 'Customers counted in reactivation_mrr.';
COMMENT ON COLUMN mrr_movements.expanded_customers IS 'Customers counted in expansion_mrr.';
COMMENT ON COLUMN mrr_movements.contracted_customers IS 'Customers counted in contraction_mrr.';
COMMENT ON COLUMN mrr_movements.churned_customers IS 'Customers counted in churned_mrr.';

CREATE VIEW mrr_subscription_segments AS
 WITH items AS MATERIALIZED (
         SELECT subscription_item_intervals.account_id,
            subscription_item_intervals.subscription,
            subscription_item_intervals.subscription_item,
            subscription_item_intervals.customer,
            subscription_item_intervals.currency,
            subscription_item_intervals.price,
            subscription_item_intervals."interval",
            subscription_item_intervals.interval_count,
            subscription_item_intervals.quantity,
            subscription_item_intervals.billed_quantity,
            subscription_item_intervals.unit_amount,
            subscription_item_intervals.period_months,
            subscription_item_intervals.monthly_amount,
            subscription_item_intervals.excluded,
            subscription_item_intervals.valid_from,
            subscription_item_intervals.valid_to,
            subscription_item_intervals.source
           FROM subscription_item_intervals
          WHERE (subscription_item_intervals.monthly_amount IS NOT NULL)
        ), discounts AS MATERIALIZED (
         SELECT subscription_discount_intervals.account_id,
            subscription_discount_intervals.subscription,
            subscription_discount_intervals.subscription_item,
            subscription_discount_intervals.discount,
            subscription_discount_intervals.coupon,
            subscription_discount_intervals.currency,
            subscription_discount_intervals.percent_off,
            subscription_discount_intervals.amount_off,
            subscription_discount_intervals.duration,
            subscription_discount_intervals.valid_from,
            subscription_discount_intervals.valid_to,
            subscription_discount_intervals.in_mrr,
            subscription_discount_intervals.note
           FROM subscription_discount_intervals
          WHERE subscription_discount_intervals.in_mrr
        ), points AS (
         SELECT items.account_id,
            items.subscription,
            items.valid_from AS at
           FROM items
        UNION
         SELECT items.account_id,
            items.subscription,
            items.valid_to
           FROM items
          WHERE (items.valid_to IS NOT NULL)
        UNION
         SELECT discounts.account_id,
            discounts.subscription,
            discounts.valid_from
           FROM discounts
        UNION
         SELECT discounts.account_id,
            discounts.subscription,
            discounts.valid_to
           FROM discounts
          WHERE (discounts.valid_to IS NOT NULL)
        ), segments AS (
         SELECT points.account_id,
            points.subscription,
            points.at AS valid_from,
            lead(points.at) OVER (PARTITION BY points.account_id, points.subscription ORDER BY points.at) AS valid_to
           FROM points
        ), item_net AS (
         SELECT g.account_id,
            g.subscription,
            g.valid_from,
            g.valid_to,
            i.subscription_item,
            min(i.customer) AS customer,
            min(i.currency) AS currency,
            min(i.monthly_amount) AS monthly_amount,
            min(i.period_months) AS period_months,
            _metric_product(((1)::numeric - (d.percent_off / (100)::numeric))) AS factor,
            COALESCE(sum(d.amount_off), (0)::numeric) AS amount_off
           FROM ((segments g
             JOIN items i ON (((i.account_id = g.account_id) AND (i.subscription = g.subscription) AND (i.valid_from <= g.valid_from) AND ((i.valid_to IS NULL) OR (i.valid_to > g.valid_from)))))
             LEFT JOIN discounts d ON (((d.account_id = i.account_id) AND (d.subscription_item = i.subscription_item) AND (d.valid_from <= g.valid_from) AND ((d.valid_to IS NULL) OR (d.valid_to > g.valid_from)))))
          GROUP BY g.account_id, g.subscription, g.valid_from, g.valid_to, i.subscription_item
        ), m AS (
         SELECT item_net.account_id,
            item_net.subscription,
            item_net.valid_from,
            item_net.valid_to,
            min(item_net.customer) AS customer,
            min(item_net.currency) AS currency,
            count(*) AS items,
            sum(item_net.monthly_amount) AS gross,
            sum(GREATEST((0)::numeric, ((item_net.monthly_amount * item_net.factor) - (item_net.amount_off / item_net.period_months)))) AS net,
            min(item_net.period_months) AS period_months
           FROM item_net
          GROUP BY item_net.account_id, item_net.subscription, item_net.valid_from, item_net.valid_to
        ), sd AS (
         SELECT m.account_id,
            m.subscription,
            m.customer,
            m.currency,
            m.valid_from,
            m.valid_to,
            m.items,
            m.gross,
            m.net,
            m.period_months,
            _metric_product(((1)::numeric - (d.percent_off / (100)::numeric))) AS factor,
            COALESCE(sum(d.amount_off), (0)::numeric) AS amount_off
           FROM (m
             LEFT JOIN discounts d ON (((d.account_id = m.account_id) AND (d.subscription = m.subscription) AND (d.subscription_item IS NULL) AND (d.valid_from <= m.valid_from) AND ((d.valid_to IS NULL) OR (d.valid_to > m.valid_from)))))
          GROUP BY m.account_id, m.subscription, m.customer, m.currency, m.valid_from, m.valid_to, m.items, m.gross, m.net, m.period_months
        )
 SELECT account_id,
    subscription,
    customer,
    currency,
    valid_from,
    valid_to,
    items,
    round(gross, 2) AS gross_mrr,
    round(GREATEST((0)::numeric, ((net * factor) - (amount_off / period_months))), 2) AS mrr
   FROM sd;
COMMENT ON VIEW mrr_subscription_segments IS 'The MRR of each subscription over time, one row per interval in which it is constant (discounts applied): see docs/concepts/metrics.md.';
COMMENT ON COLUMN mrr_subscription_segments.account_id IS 'The Stripe account.';
COMMENT ON COLUMN mrr_subscription_segments.subscription IS 'The subscription id.';
COMMENT ON COLUMN mrr_subscription_segments.customer IS 'The customer id.';
COMMENT ON COLUMN mrr_subscription_segments.currency IS 'The subscription''s currency.';
COMMENT ON COLUMN mrr_subscription_segments.valid_from IS 'Start of the interval.';
COMMENT ON COLUMN mrr_subscription_segments.valid_to IS 'End of the interval (exclusive), NULL while it lasts.';
COMMENT ON COLUMN mrr_subscription_segments.items IS 'Items counting in the interval.';
COMMENT ON COLUMN mrr_subscription_segments.gross_mrr IS 'MRR before discounts, minor units (2 decimals).';
COMMENT ON COLUMN mrr_subscription_segments.mrr IS 'MRR after discounts, minor units (2 decimals), never below 0.';

CREATE VIEW payment_attempt_records AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'amount'::text) AS amount,
    (_raw_data -> 'amount_authorized'::text) AS amount_authorized,
    (_raw_data -> 'amount_canceled'::text) AS amount_canceled,
    (_raw_data -> 'amount_failed'::text) AS amount_failed,
    (_raw_data -> 'amount_guaranteed'::text) AS amount_guaranteed,
    (_raw_data -> 'amount_refunded'::text) AS amount_refunded,
    (_raw_data -> 'amount_requested'::text) AS amount_requested,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
    created,
    (_raw_data -> 'customer_details'::text) AS customer_details,
    (_raw_data -> 'customer_presence'::text) AS customer_presence,
    (_raw_data ->> 'description'::text) AS description,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'payment_method_details'::text) AS payment_method_details,
    (_raw_data -> 'payment_record'::text) AS payment_record,
    (_raw_data -> 'processor_details'::text) AS processor_details,
    (_raw_data ->> 'reported_by'::text) AS reported_by,
    (_raw_data -> 'shipping_details'::text) AS shipping_details
   FROM _raw_payment_attempt_records t;
COMMENT ON VIEW payment_attempt_records IS 'Stripe payment_attempt_record objects.';
COMMENT ON COLUMN payment_attempt_records.amount IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.amount_authorized IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.amount_canceled IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.amount_failed IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.amount_guaranteed IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.amount_refunded IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.amount_requested IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.application IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.created IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.customer_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.customer_presence IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.description IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.metadata IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.payment_method_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.payment_record IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.processor_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.reported_by IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_attempt_records.shipping_details IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW payment_failures_monthly AS
 WITH flows AS (
         SELECT c._account_id AS account_id,
            lower(c.currency) AS currency,
            (date_trunc('month'::text, (c.created AT TIME ZONE 'UTC'::text)))::date AS month,
            1 AS failed_charges,
            COALESCE(c.amount, (0)::bigint) AS failed_amount,
            0 AS retried_invoices,
            0 AS unpaid_invoices,
            0 AS uncollectible_invoices
           FROM charges c
          WHERE ((NOT c.deleted) AND (c.status = 'failed'::text))
        UNION ALL
         SELECT i._account_id,
            lower(i.currency) AS lower,
            (date_trunc('month'::text, (i.created AT TIME ZONE 'UTC'::text)))::date AS date_trunc,
            0,
            0,
            ((COALESCE(i.attempt_count, (0)::bigint) > 1))::integer AS int4,
            (((i.status = 'open'::text) AND (COALESCE(i.attempt_count, (0)::bigint) > 0) AND (COALESCE(i.amount_remaining, (0)::bigint) > 0)))::integer AS int4,
            ((i.status = 'uncollectible'::text))::integer AS int4
           FROM invoices i
          WHERE (NOT i.deleted)
        )
 SELECT account_id,
    currency,
    month,
    sum(failed_charges) AS failed_charges,
    (sum(failed_amount))::bigint AS failed_amount,
    sum(retried_invoices) AS retried_invoices,
    sum(unpaid_invoices) AS unpaid_invoices,
    sum(uncollectible_invoices) AS uncollectible_invoices
   FROM flows
  GROUP BY account_id, currency, month
 HAVING ((((sum(failed_charges) + sum(retried_invoices)) + sum(unpaid_invoices)) + sum(uncollectible_invoices)) > 0);
COMMENT ON VIEW payment_failures_monthly IS 'Failed charges and invoices that needed retries or stay unpaid, per month and currency: see docs/concepts/metrics.md.';
COMMENT ON COLUMN payment_failures_monthly.account_id IS 'The Stripe account.';
COMMENT ON COLUMN payment_failures_monthly.currency IS 'The currency (lower case).';
COMMENT ON COLUMN payment_failures_monthly.month IS 'The month''s first day (UTC): of the charge, or of the invoice''s creation.';
COMMENT ON COLUMN payment_failures_monthly.failed_charges IS 'Charges that failed (status failed).';
COMMENT ON COLUMN payment_failures_monthly.failed_amount IS 'Their amount, minor units.';
COMMENT ON COLUMN payment_failures_monthly.retried_invoices IS 'Invoices whose payment was attempted more than once (attempt_count > 1), paid since or not.';
COMMENT ON COLUMN payment_failures_monthly.unpaid_invoices IS 'Open invoices attempted at least once and still owing money.';
COMMENT ON COLUMN payment_failures_monthly.uncollectible_invoices IS 'Invoices marked uncollectible.';

CREATE VIEW payment_intent_amount_details_line_items AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    payment_intent,
        CASE jsonb_typeof((_raw_data -> 'discount_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'discount_amount'::text))::numeric = trunc(((_raw_data -> 'discount_amount'::text))::numeric)) AND ((((_raw_data -> 'discount_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'discount_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'discount_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS discount_amount,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'payment_method_options'::text) AS payment_method_options,
    (_raw_data -> 'product_code'::text) AS product_code,
    (_raw_data ->> 'product_name'::text) AS product_name,
        CASE jsonb_typeof((_raw_data -> 'quantity'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'quantity'::text))::numeric = trunc(((_raw_data -> 'quantity'::text))::numeric)) AND ((((_raw_data -> 'quantity'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'quantity'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'quantity'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS quantity,
    (_raw_data -> 'tax'::text) AS tax,
        CASE jsonb_typeof((_raw_data -> 'unit_cost'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'unit_cost'::text))::numeric = trunc(((_raw_data -> 'unit_cost'::text))::numeric)) AND ((((_raw_data -> 'unit_cost'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'unit_cost'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'unit_cost'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS unit_cost,
    (_raw_data -> 'unit_of_measure'::text) AS unit_of_measure
   FROM _raw_payment_intent_amount_details_line_items t;
COMMENT ON VIEW payment_intent_amount_details_line_items IS 'Stripe payment_intent_amount_details_line_item objects, children of payment_intent (its id in column payment_intent).';
COMMENT ON COLUMN payment_intent_amount_details_line_items.payment_intent IS 'Id of the parent payment_intent; set by the write path.';
COMMENT ON COLUMN payment_intent_amount_details_line_items.discount_amount IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_intent_amount_details_line_items.livemode IS 'Whether the object exists in live mode: Stripe leaves it out of these objects, so it is the mode of the key or event that wrote the row (NULL: not said).';
COMMENT ON COLUMN payment_intent_amount_details_line_items.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_intent_amount_details_line_items.payment_method_options IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_intent_amount_details_line_items.product_code IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_intent_amount_details_line_items.product_name IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_intent_amount_details_line_items.quantity IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_intent_amount_details_line_items.tax IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_intent_amount_details_line_items.unit_cost IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_intent_amount_details_line_items.unit_of_measure IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW payment_intents AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
        CASE jsonb_typeof((_raw_data -> 'amount_capturable'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_capturable'::text))::numeric = trunc(((_raw_data -> 'amount_capturable'::text))::numeric)) AND ((((_raw_data -> 'amount_capturable'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_capturable'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_capturable'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_capturable,
    (_raw_data -> 'amount_details'::text) AS amount_details,
        CASE jsonb_typeof((_raw_data -> 'amount_received'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_received'::text))::numeric = trunc(((_raw_data -> 'amount_received'::text))::numeric)) AND ((((_raw_data -> 'amount_received'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_received'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_received'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_received,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
        CASE jsonb_typeof((_raw_data -> 'application_fee_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'application_fee_amount'::text))::numeric = trunc(((_raw_data -> 'application_fee_amount'::text))::numeric)) AND ((((_raw_data -> 'application_fee_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'application_fee_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'application_fee_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS application_fee_amount,
    (_raw_data -> 'automatic_payment_methods'::text) AS automatic_payment_methods,
        CASE jsonb_typeof((_raw_data -> 'canceled_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'canceled_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'canceled_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'canceled_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS canceled_at,
    (_raw_data ->> 'cancellation_reason'::text) AS cancellation_reason,
    (_raw_data ->> 'capture_method'::text) AS capture_method,
    (_raw_data ->> 'client_secret'::text) AS client_secret,
    (_raw_data ->> 'confirmation_method'::text) AS confirmation_method,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'excluded_payment_method_types'::text) AS excluded_payment_method_types,
    invoice,
    (_raw_data -> 'last_payment_error'::text) AS last_payment_error,
    latest_charge,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'managed_payments'::text) AS managed_payments,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data -> 'next_action'::text) AS next_action,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'on_behalf_of'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'on_behalf_of'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'on_behalf_of'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'on_behalf_of'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS on_behalf_of,
    payment_method,
    (_raw_data -> 'payment_method_configuration_details'::text) AS payment_method_configuration_details,
    (_raw_data -> 'payment_method_options'::text) AS payment_method_options,
    (_raw_data -> 'payment_method_types'::text) AS payment_method_types,
    (_raw_data -> 'processing'::text) AS processing,
    (_raw_data ->> 'receipt_email'::text) AS receipt_email,
        CASE jsonb_typeof((_raw_data -> 'review'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'review'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'review'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'review'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS review,
    (_raw_data ->> 'setup_future_usage'::text) AS setup_future_usage,
    (_raw_data -> 'shipping'::text) AS shipping,
    (_raw_data ->> 'source'::text) AS source,
    (_raw_data ->> 'statement_descriptor'::text) AS statement_descriptor,
    (_raw_data ->> 'statement_descriptor_suffix'::text) AS statement_descriptor_suffix,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'transfer_data'::text) AS transfer_data,
    (_raw_data ->> 'transfer_group'::text) AS transfer_group
   FROM _raw_payment_intents t;
COMMENT ON VIEW payment_intents IS 'Stripe payment_intent objects. A PaymentIntent guides you through the process of collecting a payment from your customer.';
COMMENT ON COLUMN payment_intents.amount IS 'Amount intended to be collected by this PaymentIntent.';
COMMENT ON COLUMN payment_intents.amount_capturable IS 'Amount that can be captured from this PaymentIntent.';
COMMENT ON COLUMN payment_intents.amount_received IS 'Amount that was collected by this PaymentIntent.';
COMMENT ON COLUMN payment_intents.application IS 'ID of the Connect application that created the PaymentIntent.';
COMMENT ON COLUMN payment_intents.application_fee_amount IS 'The amount of the application fee (if any) that will be requested to be applied to the payment and transferred to the application owner''s Stripe account.';
COMMENT ON COLUMN payment_intents.automatic_payment_methods IS 'Settings to configure compatible payment methods from the Stripe Dashboard';
COMMENT ON COLUMN payment_intents.canceled_at IS 'Populated when `status` is `canceled`, this is the time at which the PaymentIntent was canceled.';
COMMENT ON COLUMN payment_intents.cancellation_reason IS 'Reason for cancellation of this PaymentIntent, either user-provided (`duplicate`, `fraudulent`, `requested_by_customer`, or `abandoned`) or generated by Stripe internally (`failed_invoice`, `void_i...';
COMMENT ON COLUMN payment_intents.capture_method IS 'Controls when the funds will be captured from the customer''s account.';
COMMENT ON COLUMN payment_intents.client_secret IS 'The client secret of this PaymentIntent.';
COMMENT ON COLUMN payment_intents.created IS 'Time at which the object was created.';
COMMENT ON COLUMN payment_intents.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN payment_intents.customer IS 'ID of the Customer this PaymentIntent belongs to, if one exists.';
COMMENT ON COLUMN payment_intents.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_intents.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN payment_intents.excluded_payment_method_types IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_intents.invoice IS 'ID of the invoice that created this PaymentIntent, if it exists.';
COMMENT ON COLUMN payment_intents.last_payment_error IS 'The payment error encountered in the previous PaymentIntent confirmation.';
COMMENT ON COLUMN payment_intents.latest_charge IS 'The latest charge created by this payment intent.';
COMMENT ON COLUMN payment_intents.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN payment_intents.managed_payments IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_intents.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN payment_intents.next_action IS 'If present, this property tells you what actions you need to take in order for your customer to fulfill a payment using the provided source.';
COMMENT ON COLUMN payment_intents.object IS 'String representing the object''s type.';
COMMENT ON COLUMN payment_intents.on_behalf_of IS 'The account (if any) for which the funds of the PaymentIntent are intended.';
COMMENT ON COLUMN payment_intents.payment_method IS 'ID of the payment method used in this PaymentIntent.';
COMMENT ON COLUMN payment_intents.payment_method_configuration_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_intents.payment_method_options IS 'Payment-method-specific configuration for this PaymentIntent.';
COMMENT ON COLUMN payment_intents.payment_method_types IS 'The list of payment method types (e.g. card) that this PaymentIntent is allowed to use.';
COMMENT ON COLUMN payment_intents.processing IS 'If present, this property tells you about the processing state of the payment.';
COMMENT ON COLUMN payment_intents.receipt_email IS 'Email address that the receipt for the resulting payment will be sent to.';
COMMENT ON COLUMN payment_intents.review IS 'ID of the review associated with this PaymentIntent, if any.';
COMMENT ON COLUMN payment_intents.setup_future_usage IS 'Indicates that you intend to make future payments with this PaymentIntent''s payment method.';
COMMENT ON COLUMN payment_intents.shipping IS 'Shipping information for this PaymentIntent.';
COMMENT ON COLUMN payment_intents.source IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_intents.statement_descriptor IS 'For non-card charges, you can use this value as the complete description that appears on your customers’ statements.';
COMMENT ON COLUMN payment_intents.statement_descriptor_suffix IS 'Provides information about a card payment that customers see on their statements.';
COMMENT ON COLUMN payment_intents.status IS 'Status of this PaymentIntent, one of `requires_payment_method`, `requires_confirmation`, `requires_action`, `processing`, `requires_capture`, `canceled`, or `succeeded`.';
COMMENT ON COLUMN payment_intents.transfer_data IS 'The data with which to automatically create a Transfer when the payment is finalized.';
COMMENT ON COLUMN payment_intents.transfer_group IS 'A string that identifies the resulting payment as part of a group.';

CREATE VIEW payment_link_line_items AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    payment_link,
    (_raw_data -> 'adjustable_quantity'::text) AS adjustable_quantity,
        CASE jsonb_typeof((_raw_data -> 'amount_discount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_discount'::text))::numeric = trunc(((_raw_data -> 'amount_discount'::text))::numeric)) AND ((((_raw_data -> 'amount_discount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_discount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_discount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_discount,
        CASE jsonb_typeof((_raw_data -> 'amount_subtotal'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_subtotal'::text))::numeric = trunc(((_raw_data -> 'amount_subtotal'::text))::numeric)) AND ((((_raw_data -> 'amount_subtotal'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_subtotal'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_subtotal'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_subtotal,
        CASE jsonb_typeof((_raw_data -> 'amount_tax'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_tax'::text))::numeric = trunc(((_raw_data -> 'amount_tax'::text))::numeric)) AND ((((_raw_data -> 'amount_tax'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_tax'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_tax'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_tax,
        CASE jsonb_typeof((_raw_data -> 'amount_total'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_total'::text))::numeric = trunc(((_raw_data -> 'amount_total'::text))::numeric)) AND ((((_raw_data -> 'amount_total'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_total'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_total'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_total,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'discounts'::text) AS discounts,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    price,
        CASE jsonb_typeof((_raw_data -> 'quantity'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'quantity'::text))::numeric = trunc(((_raw_data -> 'quantity'::text))::numeric)) AND ((((_raw_data -> 'quantity'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'quantity'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'quantity'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS quantity,
    (_raw_data -> 'taxes'::text) AS taxes
   FROM _raw_payment_link_line_items t;
COMMENT ON VIEW payment_link_line_items IS 'Stripe item objects, children of payment_link (its id in column payment_link). A line item.';
COMMENT ON COLUMN payment_link_line_items.payment_link IS 'Id of the parent payment_link; set by the write path.';
COMMENT ON COLUMN payment_link_line_items.adjustable_quantity IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_link_line_items.amount_discount IS 'Total discount amount applied.';
COMMENT ON COLUMN payment_link_line_items.amount_subtotal IS 'Total before any discounts or taxes are applied.';
COMMENT ON COLUMN payment_link_line_items.amount_tax IS 'Total tax amount applied.';
COMMENT ON COLUMN payment_link_line_items.amount_total IS 'Total after discounts and taxes.';
COMMENT ON COLUMN payment_link_line_items.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN payment_link_line_items.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN payment_link_line_items.discounts IS 'The discounts applied to the line item.';
COMMENT ON COLUMN payment_link_line_items.livemode IS 'Whether the object exists in live mode: Stripe leaves it out of these objects, so it is the mode of the key or event that wrote the row (NULL: not said).';
COMMENT ON COLUMN payment_link_line_items.metadata IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_link_line_items.object IS 'String representing the object''s type.';
COMMENT ON COLUMN payment_link_line_items.price IS 'The price used to generate the line item.';
COMMENT ON COLUMN payment_link_line_items.quantity IS 'The quantity of products being purchased.';
COMMENT ON COLUMN payment_link_line_items.taxes IS 'The taxes applied to the line item.';

CREATE VIEW payment_links AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'active'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'active'::text))::boolean
            ELSE NULL::boolean
        END AS active,
    (_raw_data -> 'after_completion'::text) AS after_completion,
        CASE jsonb_typeof((_raw_data -> 'allow_promotion_codes'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'allow_promotion_codes'::text))::boolean
            ELSE NULL::boolean
        END AS allow_promotion_codes,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
        CASE jsonb_typeof((_raw_data -> 'application_fee_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'application_fee_amount'::text))::numeric = trunc(((_raw_data -> 'application_fee_amount'::text))::numeric)) AND ((((_raw_data -> 'application_fee_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'application_fee_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'application_fee_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS application_fee_amount,
        CASE jsonb_typeof((_raw_data -> 'application_fee_percent'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'application_fee_percent'::text))::numeric
            ELSE NULL::numeric
        END AS application_fee_percent,
    (_raw_data -> 'automatic_tax'::text) AS automatic_tax,
    (_raw_data ->> 'billing_address_collection'::text) AS billing_address_collection,
    (_raw_data -> 'consent_collection'::text) AS consent_collection,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data -> 'custom_fields'::text) AS custom_fields,
    (_raw_data -> 'custom_text'::text) AS custom_text,
    (_raw_data ->> 'customer_creation'::text) AS customer_creation,
    (_raw_data -> 'inactive_message'::text) AS inactive_message,
    (_raw_data -> 'invoice_creation'::text) AS invoice_creation,
    (_raw_data -> 'line_items'::text) AS line_items,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'managed_payments'::text) AS managed_payments,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'on_behalf_of'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'on_behalf_of'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'on_behalf_of'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'on_behalf_of'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS on_behalf_of,
    (_raw_data -> 'payment_intent_data'::text) AS payment_intent_data,
    (_raw_data ->> 'payment_method_collection'::text) AS payment_method_collection,
    (_raw_data -> 'payment_method_options'::text) AS payment_method_options,
    (_raw_data -> 'payment_method_types'::text) AS payment_method_types,
    (_raw_data -> 'phone_number_collection'::text) AS phone_number_collection,
    (_raw_data -> 'restrictions'::text) AS restrictions,
    (_raw_data -> 'shipping_address_collection'::text) AS shipping_address_collection,
    (_raw_data -> 'shipping_options'::text) AS shipping_options,
    (_raw_data ->> 'submit_type'::text) AS submit_type,
    (_raw_data -> 'subscription_data'::text) AS subscription_data,
    (_raw_data -> 'tax_id_collection'::text) AS tax_id_collection,
    (_raw_data -> 'transfer_data'::text) AS transfer_data,
    (_raw_data ->> 'url'::text) AS url
   FROM _raw_payment_links t;
COMMENT ON VIEW payment_links IS 'Stripe payment_link objects. A payment link is a shareable URL that will take your customers to a hosted payment page.';
COMMENT ON COLUMN payment_links.active IS 'Whether the payment link''s `url` is active.';
COMMENT ON COLUMN payment_links.allow_promotion_codes IS 'Whether user redeemable promotion codes are enabled.';
COMMENT ON COLUMN payment_links.application IS 'The ID of the Connect application that created the Payment Link.';
COMMENT ON COLUMN payment_links.application_fee_amount IS 'The amount of the application fee (if any) that will be requested to be applied to the payment and transferred to the application owner''s Stripe account.';
COMMENT ON COLUMN payment_links.application_fee_percent IS 'This represents the percentage of the subscription invoice total that will be transferred to the application owner''s Stripe account.';
COMMENT ON COLUMN payment_links.billing_address_collection IS 'Configuration for collecting the customer''s billing address.';
COMMENT ON COLUMN payment_links.consent_collection IS 'When set, provides configuration to gather active consent from customers.';
COMMENT ON COLUMN payment_links.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN payment_links.custom_fields IS 'Collect additional information from your customer using custom fields.';
COMMENT ON COLUMN payment_links.customer_creation IS 'Configuration for Customer creation during checkout.';
COMMENT ON COLUMN payment_links.inactive_message IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_links.invoice_creation IS 'Configuration for creating invoice for payment mode payment links.';
COMMENT ON COLUMN payment_links.line_items IS 'The line items representing what is being sold.';
COMMENT ON COLUMN payment_links.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN payment_links.managed_payments IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_links.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN payment_links.object IS 'String representing the object''s type.';
COMMENT ON COLUMN payment_links.on_behalf_of IS 'The account on behalf of which to charge.';
COMMENT ON COLUMN payment_links.payment_intent_data IS 'Indicates the parameters to be passed to PaymentIntent creation during checkout.';
COMMENT ON COLUMN payment_links.payment_method_collection IS 'Configuration for collecting a payment method during checkout.';
COMMENT ON COLUMN payment_links.payment_method_options IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_links.payment_method_types IS 'The list of payment method types that customers can use.';
COMMENT ON COLUMN payment_links.restrictions IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_links.shipping_address_collection IS 'Configuration for collecting the customer''s shipping address.';
COMMENT ON COLUMN payment_links.shipping_options IS 'The shipping rate options applied to the session.';
COMMENT ON COLUMN payment_links.submit_type IS 'Indicates the type of transaction being performed which customizes relevant text on the page, such as the submit button.';
COMMENT ON COLUMN payment_links.subscription_data IS 'When creating a subscription, the specified configuration data will be used.';
COMMENT ON COLUMN payment_links.transfer_data IS 'The account (if any) the payments will be attributed to for tax reporting, and where funds from each payment will be transferred to.';
COMMENT ON COLUMN payment_links.url IS 'The public URL that can be shared with customers.';

CREATE VIEW payment_method_configurations AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'acss_debit'::text) AS acss_debit,
        CASE jsonb_typeof((_raw_data -> 'active'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'active'::text))::boolean
            ELSE NULL::boolean
        END AS active,
    (_raw_data -> 'affirm'::text) AS affirm,
    (_raw_data -> 'afterpay_clearpay'::text) AS afterpay_clearpay,
    (_raw_data -> 'alipay'::text) AS alipay,
    (_raw_data -> 'amazon_pay'::text) AS amazon_pay,
    (_raw_data -> 'apple_pay'::text) AS apple_pay,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
    (_raw_data -> 'bacs_debit'::text) AS bacs_debit,
    (_raw_data -> 'bancontact'::text) AS bancontact,
    (_raw_data -> 'blik'::text) AS blik,
    (_raw_data -> 'card'::text) AS card,
    (_raw_data -> 'cartes_bancaires'::text) AS cartes_bancaires,
    (_raw_data -> 'cashapp'::text) AS cashapp,
    (_raw_data -> 'customer_balance'::text) AS customer_balance,
    (_raw_data -> 'eps'::text) AS eps,
    (_raw_data -> 'giropay'::text) AS giropay,
    (_raw_data -> 'google_pay'::text) AS google_pay,
    (_raw_data -> 'ideal'::text) AS ideal,
        CASE jsonb_typeof((_raw_data -> 'is_default'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'is_default'::text))::boolean
            ELSE NULL::boolean
        END AS is_default,
    (_raw_data -> 'klarna'::text) AS klarna,
    (_raw_data -> 'link'::text) AS link,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'multibanco'::text) AS multibanco,
    (_raw_data ->> 'name'::text) AS name,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'p24'::text) AS p24,
    (_raw_data -> 'parent'::text) AS parent,
    (_raw_data -> 'sepa_debit'::text) AS sepa_debit,
    (_raw_data -> 'sofort'::text) AS sofort,
    (_raw_data -> 'us_bank_account'::text) AS us_bank_account,
    (_raw_data -> 'wechat_pay'::text) AS wechat_pay,
    (_raw_data -> 'zip'::text) AS zip
   FROM _raw_payment_method_configurations t;
COMMENT ON VIEW payment_method_configurations IS 'Stripe payment_method_configuration objects.';
COMMENT ON COLUMN payment_method_configurations.acss_debit IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.active IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.affirm IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.afterpay_clearpay IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.alipay IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.amazon_pay IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.apple_pay IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.application IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.bacs_debit IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.bancontact IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.blik IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.card IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.cartes_bancaires IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.cashapp IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.customer_balance IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.eps IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.giropay IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.google_pay IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.ideal IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.is_default IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.klarna IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.link IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.multibanco IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.name IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.p24 IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.parent IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.sepa_debit IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.sofort IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.us_bank_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.wechat_pay IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_configurations.zip IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW payment_method_domains AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'amazon_pay'::text) AS amazon_pay,
    (_raw_data -> 'apple_pay'::text) AS apple_pay,
    created,
    (_raw_data ->> 'domain_name'::text) AS domain_name,
        CASE jsonb_typeof((_raw_data -> 'enabled'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'enabled'::text))::boolean
            ELSE NULL::boolean
        END AS enabled,
    (_raw_data -> 'google_pay'::text) AS google_pay,
    (_raw_data -> 'klarna'::text) AS klarna,
    (_raw_data -> 'link'::text) AS link,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'paypal'::text) AS paypal
   FROM _raw_payment_method_domains t;
COMMENT ON VIEW payment_method_domains IS 'Stripe payment_method_domain objects. A payment method domain represents a web domain that you have registered with Stripe.';
COMMENT ON COLUMN payment_method_domains.amazon_pay IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_domains.created IS 'Time at which the object was created.';
COMMENT ON COLUMN payment_method_domains.domain_name IS 'The domain name that this payment method domain object represents.';
COMMENT ON COLUMN payment_method_domains.enabled IS 'Whether this payment method domain is enabled.';
COMMENT ON COLUMN payment_method_domains.klarna IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_method_domains.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN payment_method_domains.object IS 'String representing the object''s type.';

CREATE VIEW payment_methods AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'acss_debit'::text) AS acss_debit,
    (_raw_data -> 'affirm'::text) AS affirm,
    (_raw_data -> 'afterpay_clearpay'::text) AS afterpay_clearpay,
    (_raw_data -> 'alipay'::text) AS alipay,
    (_raw_data ->> 'allow_redisplay'::text) AS allow_redisplay,
    (_raw_data -> 'au_becs_debit'::text) AS au_becs_debit,
    (_raw_data -> 'bacs_debit'::text) AS bacs_debit,
    (_raw_data -> 'bancontact'::text) AS bancontact,
    (_raw_data -> 'billing_details'::text) AS billing_details,
    (_raw_data -> 'blik'::text) AS blik,
    (_raw_data -> 'boleto'::text) AS boleto,
    (_raw_data -> 'card'::text) AS card,
    (_raw_data -> 'card_present'::text) AS card_present,
    (_raw_data -> 'cashapp'::text) AS cashapp,
    created,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
    (_raw_data -> 'customer_balance'::text) AS customer_balance,
    (_raw_data -> 'eps'::text) AS eps,
    (_raw_data -> 'fpx'::text) AS fpx,
    (_raw_data -> 'giropay'::text) AS giropay,
    (_raw_data -> 'grabpay'::text) AS grabpay,
    (_raw_data -> 'ideal'::text) AS ideal,
    (_raw_data -> 'interac_present'::text) AS interac_present,
    (_raw_data -> 'klarna'::text) AS klarna,
    (_raw_data -> 'konbini'::text) AS konbini,
    (_raw_data -> 'link'::text) AS link,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'oxxo'::text) AS oxxo,
    (_raw_data -> 'p24'::text) AS p24,
    (_raw_data -> 'paynow'::text) AS paynow,
    (_raw_data -> 'paypal'::text) AS paypal,
    (_raw_data -> 'pix'::text) AS pix,
    (_raw_data -> 'promptpay'::text) AS promptpay,
    (_raw_data -> 'radar_options'::text) AS radar_options,
    (_raw_data -> 'sepa_debit'::text) AS sepa_debit,
    (_raw_data -> 'sofort'::text) AS sofort,
    (_raw_data ->> 'type'::text) AS type,
    (_raw_data -> 'us_bank_account'::text) AS us_bank_account,
    (_raw_data -> 'wechat_pay'::text) AS wechat_pay,
    (_raw_data -> 'zip'::text) AS zip
   FROM _raw_payment_methods t;
COMMENT ON VIEW payment_methods IS 'Stripe payment_method objects. PaymentMethod objects represent your customer''s payment instruments.';
COMMENT ON COLUMN payment_methods.allow_redisplay IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_methods.created IS 'Time at which the object was created.';
COMMENT ON COLUMN payment_methods.customer IS 'The ID of the Customer to which this PaymentMethod is saved.';
COMMENT ON COLUMN payment_methods.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_methods.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN payment_methods.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN payment_methods.object IS 'String representing the object''s type.';
COMMENT ON COLUMN payment_methods.type IS 'The type of the PaymentMethod.';

CREATE VIEW payment_records AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'amount'::text) AS amount,
    (_raw_data -> 'amount_authorized'::text) AS amount_authorized,
    (_raw_data -> 'amount_canceled'::text) AS amount_canceled,
    (_raw_data -> 'amount_failed'::text) AS amount_failed,
    (_raw_data -> 'amount_guaranteed'::text) AS amount_guaranteed,
    (_raw_data -> 'amount_refunded'::text) AS amount_refunded,
    (_raw_data -> 'amount_requested'::text) AS amount_requested,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
    created,
    (_raw_data -> 'customer_details'::text) AS customer_details,
    (_raw_data -> 'customer_presence'::text) AS customer_presence,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'latest_payment_attempt_record'::text) AS latest_payment_attempt_record,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'payment_method_details'::text) AS payment_method_details,
    (_raw_data -> 'processor_details'::text) AS processor_details,
    (_raw_data ->> 'reported_by'::text) AS reported_by,
    (_raw_data -> 'shipping_details'::text) AS shipping_details
   FROM _raw_payment_records t;
COMMENT ON VIEW payment_records IS 'Stripe payment_record objects.';
COMMENT ON COLUMN payment_records.amount IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.amount_authorized IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.amount_canceled IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.amount_failed IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.amount_guaranteed IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.amount_refunded IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.amount_requested IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.application IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.created IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.customer_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.customer_presence IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.description IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.latest_payment_attempt_record IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.metadata IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.payment_method_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.processor_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.reported_by IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payment_records.shipping_details IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW payouts AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
        CASE jsonb_typeof((_raw_data -> 'application_fee'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application_fee'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application_fee'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application_fee'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application_fee,
        CASE jsonb_typeof((_raw_data -> 'application_fee_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'application_fee_amount'::text))::numeric = trunc(((_raw_data -> 'application_fee_amount'::text))::numeric)) AND ((((_raw_data -> 'application_fee_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'application_fee_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'application_fee_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS application_fee_amount,
        CASE jsonb_typeof((_raw_data -> 'arrival_date'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'arrival_date'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'arrival_date'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'arrival_date'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS arrival_date,
        CASE jsonb_typeof((_raw_data -> 'automatic'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'automatic'::text))::boolean
            ELSE NULL::boolean
        END AS automatic,
    balance_transaction,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
        CASE jsonb_typeof((_raw_data -> 'destination'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'destination'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'destination'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'destination'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS destination,
        CASE jsonb_typeof((_raw_data -> 'failure_balance_transaction'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'failure_balance_transaction'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'failure_balance_transaction'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'failure_balance_transaction'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS failure_balance_transaction,
    (_raw_data ->> 'failure_code'::text) AS failure_code,
    (_raw_data ->> 'failure_message'::text) AS failure_message,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'method'::text) AS method,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'original_payout'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'original_payout'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'original_payout'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'original_payout'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS original_payout,
    (_raw_data -> 'payout_method'::text) AS payout_method,
    (_raw_data ->> 'reconciliation_status'::text) AS reconciliation_status,
        CASE jsonb_typeof((_raw_data -> 'reversed_by'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'reversed_by'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'reversed_by'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'reversed_by'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS reversed_by,
    (_raw_data ->> 'source_type'::text) AS source_type,
    (_raw_data ->> 'statement_descriptor'::text) AS statement_descriptor,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'trace_id'::text) AS trace_id,
    (_raw_data ->> 'type'::text) AS type
   FROM _raw_payouts t;
COMMENT ON VIEW payouts IS 'Stripe payout objects. A `Payout` object is created when you receive funds from Stripe, or when you initiate a payout to either a bank account or debit card of a connected Stripe account.';
COMMENT ON COLUMN payouts.amount IS 'Amount (in cents (or local equivalent)) to be transferred to your bank account or debit card.';
COMMENT ON COLUMN payouts.application_fee IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payouts.application_fee_amount IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payouts.arrival_date IS 'Date the payout is expected to arrive in the bank.';
COMMENT ON COLUMN payouts.automatic IS 'Returns `true` if the payout was created by an automated payout schedule, and `false` if it was requested manually.';
COMMENT ON COLUMN payouts.balance_transaction IS 'ID of the balance transaction that describes the impact of this payout on your account balance.';
COMMENT ON COLUMN payouts.created IS 'Time at which the object was created.';
COMMENT ON COLUMN payouts.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN payouts.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN payouts.destination IS 'ID of the bank account or card the payout was sent to.';
COMMENT ON COLUMN payouts.failure_balance_transaction IS 'If the payout failed or was canceled, this will be the ID of the balance transaction that reversed the initial balance transaction, and puts the funds from the failed payout back in your balance.';
COMMENT ON COLUMN payouts.failure_code IS 'Error code explaining reason for payout failure if available.';
COMMENT ON COLUMN payouts.failure_message IS 'Message to user further explaining reason for payout failure if available.';
COMMENT ON COLUMN payouts.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN payouts.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN payouts.method IS 'The method used to send this payout, which can be `standard` or `instant`.';
COMMENT ON COLUMN payouts.object IS 'String representing the object''s type.';
COMMENT ON COLUMN payouts.original_payout IS 'If the payout reverses another, this is the ID of the original payout.';
COMMENT ON COLUMN payouts.payout_method IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payouts.reconciliation_status IS 'If `completed`, the Balance Transactions API may be used to list all Balance Transactions that were paid out in this payout.';
COMMENT ON COLUMN payouts.reversed_by IS 'If the payout was reversed, this is the ID of the payout that reverses this payout.';
COMMENT ON COLUMN payouts.source_type IS 'The source balance this payout came from.';
COMMENT ON COLUMN payouts.statement_descriptor IS 'Extra information about a payout to be displayed on the user''s bank statement.';
COMMENT ON COLUMN payouts.status IS 'Current status of the payout: `paid`, `pending`, `in_transit`, `canceled` or `failed`.';
COMMENT ON COLUMN payouts.trace_id IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN payouts.type IS 'Can be `bank_account` or `card`.';

CREATE VIEW persons AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    account,
    (_raw_data -> 'additional_tos_acceptances'::text) AS additional_tos_acceptances,
    (_raw_data -> 'address'::text) AS address,
    (_raw_data -> 'address_kana'::text) AS address_kana,
    (_raw_data -> 'address_kanji'::text) AS address_kanji,
    created,
    (_raw_data -> 'dob'::text) AS dob,
    (_raw_data ->> 'email'::text) AS email,
    (_raw_data ->> 'first_name'::text) AS first_name,
    (_raw_data ->> 'first_name_kana'::text) AS first_name_kana,
    (_raw_data ->> 'first_name_kanji'::text) AS first_name_kanji,
    (_raw_data -> 'full_name_aliases'::text) AS full_name_aliases,
    (_raw_data -> 'future_requirements'::text) AS future_requirements,
    (_raw_data ->> 'gender'::text) AS gender,
        CASE jsonb_typeof((_raw_data -> 'id_number_provided'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'id_number_provided'::text))::boolean
            ELSE NULL::boolean
        END AS id_number_provided,
        CASE jsonb_typeof((_raw_data -> 'id_number_secondary_provided'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'id_number_secondary_provided'::text))::boolean
            ELSE NULL::boolean
        END AS id_number_secondary_provided,
    (_raw_data ->> 'last_name'::text) AS last_name,
    (_raw_data ->> 'last_name_kana'::text) AS last_name_kana,
    (_raw_data ->> 'last_name_kanji'::text) AS last_name_kanji,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'maiden_name'::text) AS maiden_name,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'nationality'::text) AS nationality,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'phone'::text) AS phone,
    (_raw_data ->> 'political_exposure'::text) AS political_exposure,
    (_raw_data -> 'registered_address'::text) AS registered_address,
    (_raw_data -> 'relationship'::text) AS relationship,
    (_raw_data -> 'requirements'::text) AS requirements,
        CASE jsonb_typeof((_raw_data -> 'ssn_last_4_provided'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'ssn_last_4_provided'::text))::boolean
            ELSE NULL::boolean
        END AS ssn_last_4_provided,
    (_raw_data -> 'verification'::text) AS verification
   FROM _raw_persons t;
COMMENT ON VIEW persons IS 'Stripe person objects. This is an object representing a person associated with a Stripe account.';
COMMENT ON COLUMN persons.account IS 'The account the person is associated with.';
COMMENT ON COLUMN persons.additional_tos_acceptances IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN persons.created IS 'Time at which the object was created.';
COMMENT ON COLUMN persons.email IS 'The person''s email address.';
COMMENT ON COLUMN persons.first_name IS 'The person''s first name.';
COMMENT ON COLUMN persons.first_name_kana IS 'The Kana variation of the person''s first name (Japan only).';
COMMENT ON COLUMN persons.first_name_kanji IS 'The Kanji variation of the person''s first name (Japan only).';
COMMENT ON COLUMN persons.full_name_aliases IS 'A list of alternate names or aliases that the person is known by.';
COMMENT ON COLUMN persons.gender IS 'The person''s gender (International regulations require either "male" or "female").';
COMMENT ON COLUMN persons.id_number_provided IS 'Whether the person''s `id_number` was provided.';
COMMENT ON COLUMN persons.id_number_secondary_provided IS 'Whether the person''s `id_number_secondary` was provided.';
COMMENT ON COLUMN persons.last_name IS 'The person''s last name.';
COMMENT ON COLUMN persons.last_name_kana IS 'The Kana variation of the person''s last name (Japan only).';
COMMENT ON COLUMN persons.last_name_kanji IS 'The Kanji variation of the person''s last name (Japan only).';
COMMENT ON COLUMN persons.livemode IS 'Whether the object exists in live mode: Stripe leaves it out of these objects, so it is the mode of the key or event that wrote the row (NULL: not said).';
COMMENT ON COLUMN persons.maiden_name IS 'The person''s maiden name.';
COMMENT ON COLUMN persons.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN persons.nationality IS 'The country where the person is a national.';
COMMENT ON COLUMN persons.object IS 'String representing the object''s type.';
COMMENT ON COLUMN persons.phone IS 'The person''s phone number.';
COMMENT ON COLUMN persons.political_exposure IS 'Indicates if the person or any of their representatives, family members, or other closely related persons, declares that they hold or have held an important public job or function, in any jurisdict...';
COMMENT ON COLUMN persons.ssn_last_4_provided IS 'Whether the last four digits of the person''s Social Security number have been provided (U.S.';

CREATE VIEW plans AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'active'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'active'::text))::boolean
            ELSE NULL::boolean
        END AS active,
    (_raw_data ->> 'aggregate_usage'::text) AS aggregate_usage,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
        CASE jsonb_typeof((_raw_data -> 'amount_decimal'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'amount_decimal'::text))::numeric
            WHEN 'string'::text THEN
            CASE
                WHEN ((length((_raw_data ->> 'amount_decimal'::text)) <= 100) AND ((_raw_data ->> 'amount_decimal'::text) ~ '^-?[0-9]+(\.[0-9]+)?$'::text)) THEN ((_raw_data ->> 'amount_decimal'::text))::numeric
                ELSE NULL::numeric
            END
            ELSE NULL::numeric
        END AS amount_decimal,
    (_raw_data ->> 'billing_scheme'::text) AS billing_scheme,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'interval'::text) AS "interval",
        CASE jsonb_typeof((_raw_data -> 'interval_count'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'interval_count'::text))::numeric = trunc(((_raw_data -> 'interval_count'::text))::numeric)) AND ((((_raw_data -> 'interval_count'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'interval_count'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'interval_count'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS interval_count,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'meter'::text) AS meter,
    (_raw_data ->> 'nickname'::text) AS nickname,
    (_raw_data ->> 'object'::text) AS object,
    product,
    (_raw_data -> 'tiers'::text) AS tiers,
    (_raw_data ->> 'tiers_mode'::text) AS tiers_mode,
    (_raw_data -> 'transform_usage'::text) AS transform_usage,
        CASE jsonb_typeof((_raw_data -> 'trial_period_days'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'trial_period_days'::text))::numeric = trunc(((_raw_data -> 'trial_period_days'::text))::numeric)) AND ((((_raw_data -> 'trial_period_days'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'trial_period_days'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'trial_period_days'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS trial_period_days,
    (_raw_data ->> 'usage_type'::text) AS usage_type
   FROM _raw_plans t;
COMMENT ON VIEW plans IS 'Stripe plan objects. You can now model subscriptions more flexibly using the Prices API.';
COMMENT ON COLUMN plans.active IS 'Whether the plan can be used for new purchases.';
COMMENT ON COLUMN plans.aggregate_usage IS 'Specifies a usage aggregation strategy for plans of `usage_type=metered`.';
COMMENT ON COLUMN plans.amount IS 'The unit amount in cents (or local equivalent) to be charged, represented as a whole integer if possible.';
COMMENT ON COLUMN plans.amount_decimal IS 'The unit amount in cents (or local equivalent) to be charged, represented as a decimal string with at most 12 decimal places.';
COMMENT ON COLUMN plans.billing_scheme IS 'Describes how to compute the price per period.';
COMMENT ON COLUMN plans.created IS 'Time at which the object was created.';
COMMENT ON COLUMN plans.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN plans.interval IS 'The frequency at which a subscription is billed.';
COMMENT ON COLUMN plans.interval_count IS 'The number of intervals (specified in the `interval` attribute) between subscription billings.';
COMMENT ON COLUMN plans.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN plans.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN plans.meter IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN plans.nickname IS 'A brief description of the plan, hidden from customers.';
COMMENT ON COLUMN plans.object IS 'String representing the object''s type.';
COMMENT ON COLUMN plans.product IS 'The product whose pricing this plan determines.';
COMMENT ON COLUMN plans.tiers IS 'Each element represents a pricing tier.';
COMMENT ON COLUMN plans.tiers_mode IS 'Defines if the tiering price should be `graduated` or `volume` based.';
COMMENT ON COLUMN plans.transform_usage IS 'Apply a transformation to the reported usage or set quantity before computing the amount billed.';
COMMENT ON COLUMN plans.trial_period_days IS 'Default number of trial days when subscribing a customer to this plan using `trial_from_plan=true`.';
COMMENT ON COLUMN plans.usage_type IS 'Configures how the quantity per period should be determined.';

CREATE VIEW prices AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'active'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'active'::text))::boolean
            ELSE NULL::boolean
        END AS active,
    (_raw_data ->> 'billing_scheme'::text) AS billing_scheme,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data -> 'currency_options'::text) AS currency_options,
    (_raw_data -> 'custom_unit_amount'::text) AS custom_unit_amount,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'lookup_key'::text) AS lookup_key,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'nickname'::text) AS nickname,
    (_raw_data ->> 'object'::text) AS object,
    product,
    (_raw_data -> 'recurring'::text) AS recurring,
    (_raw_data ->> 'tax_behavior'::text) AS tax_behavior,
    (_raw_data -> 'tiers'::text) AS tiers,
    (_raw_data ->> 'tiers_mode'::text) AS tiers_mode,
    (_raw_data -> 'transform_quantity'::text) AS transform_quantity,
    (_raw_data ->> 'type'::text) AS type,
        CASE jsonb_typeof((_raw_data -> 'unit_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'unit_amount'::text))::numeric = trunc(((_raw_data -> 'unit_amount'::text))::numeric)) AND ((((_raw_data -> 'unit_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'unit_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'unit_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS unit_amount,
        CASE jsonb_typeof((_raw_data -> 'unit_amount_decimal'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'unit_amount_decimal'::text))::numeric
            WHEN 'string'::text THEN
            CASE
                WHEN ((length((_raw_data ->> 'unit_amount_decimal'::text)) <= 100) AND ((_raw_data ->> 'unit_amount_decimal'::text) ~ '^-?[0-9]+(\.[0-9]+)?$'::text)) THEN ((_raw_data ->> 'unit_amount_decimal'::text))::numeric
                ELSE NULL::numeric
            END
            ELSE NULL::numeric
        END AS unit_amount_decimal
   FROM _raw_prices t;
COMMENT ON VIEW prices IS 'Stripe price objects. Prices define the unit cost, currency, and (optional) billing cycle for both recurring and one-time purchases of products.';
COMMENT ON COLUMN prices.active IS 'Whether the price can be used for new purchases.';
COMMENT ON COLUMN prices.billing_scheme IS 'Describes how to compute the price per period.';
COMMENT ON COLUMN prices.created IS 'Time at which the object was created.';
COMMENT ON COLUMN prices.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN prices.currency_options IS 'Prices defined in each available currency option.';
COMMENT ON COLUMN prices.custom_unit_amount IS 'When set, provides configuration for the amount to be adjusted by the customer during Checkout Sessions and Payment Links.';
COMMENT ON COLUMN prices.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN prices.lookup_key IS 'A lookup key used to retrieve prices dynamically from a static string.';
COMMENT ON COLUMN prices.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN prices.nickname IS 'A brief description of the price, hidden from customers.';
COMMENT ON COLUMN prices.object IS 'String representing the object''s type.';
COMMENT ON COLUMN prices.product IS 'The ID of the product this price is associated with.';
COMMENT ON COLUMN prices.recurring IS 'The recurring components of a price such as `interval` and `usage_type`.';
COMMENT ON COLUMN prices.tax_behavior IS 'Only required if a default tax behavior) was not provided in the Stripe Tax settings.';
COMMENT ON COLUMN prices.tiers IS 'Each element represents a pricing tier.';
COMMENT ON COLUMN prices.tiers_mode IS 'Defines if the tiering price should be `graduated` or `volume` based.';
COMMENT ON COLUMN prices.transform_quantity IS 'Apply a transformation to the reported usage or set quantity before computing the amount billed.';
COMMENT ON COLUMN prices.type IS 'One of `one_time` or `recurring` depending on whether the price is for a one-time purchase or a recurring (subscription) purchase.';
COMMENT ON COLUMN prices.unit_amount IS 'The unit amount in cents (or local equivalent) to be charged, represented as a whole integer if possible.';
COMMENT ON COLUMN prices.unit_amount_decimal IS 'The unit amount in cents (or local equivalent) to be charged, represented as a decimal string with at most 12 decimal places.';

CREATE VIEW product_catalog_trial_offers AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'active'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'active'::text))::boolean
            ELSE NULL::boolean
        END AS active,
    (_raw_data -> 'duration'::text) AS duration,
    (_raw_data -> 'end_behavior'::text) AS end_behavior,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'nickname'::text) AS nickname,
    (_raw_data ->> 'object'::text) AS object,
    price
   FROM _raw_product_catalog_trial_offers t;
COMMENT ON VIEW product_catalog_trial_offers IS 'Stripe product_catalog.trial_offer objects.';

CREATE VIEW product_features AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'entitlement_feature'::text) AS entitlement_feature,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'name'::text) AS name,
    (_raw_data ->> 'object'::text) AS object
   FROM _raw_product_features t;
COMMENT ON VIEW product_features IS 'Stripe product_feature objects.';
COMMENT ON COLUMN product_features.entitlement_feature IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN product_features.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN product_features.name IS 'The feature''s name.';
COMMENT ON COLUMN product_features.object IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW products AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'active'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'active'::text))::boolean
            ELSE NULL::boolean
        END AS active,
    created,
    default_price,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'features'::text) AS features,
    (_raw_data -> 'images'::text) AS images,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'marketing_features'::text) AS marketing_features,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'name'::text) AS name,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'package_dimensions'::text) AS package_dimensions,
        CASE jsonb_typeof((_raw_data -> 'shippable'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'shippable'::text))::boolean
            ELSE NULL::boolean
        END AS shippable,
    (_raw_data ->> 'statement_descriptor'::text) AS statement_descriptor,
        CASE jsonb_typeof((_raw_data -> 'tax_code'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'tax_code'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'tax_code'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'tax_code'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS tax_code,
    (_raw_data ->> 'type'::text) AS type,
    (_raw_data ->> 'unit_label'::text) AS unit_label,
        CASE jsonb_typeof((_raw_data -> 'updated'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'updated'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'updated'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'updated'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS updated,
    (_raw_data ->> 'url'::text) AS url
   FROM _raw_products t;
COMMENT ON VIEW products IS 'Stripe product objects. Products describe the specific goods or services you offer to your customers.';
COMMENT ON COLUMN products.active IS 'Whether the product is currently available for purchase.';
COMMENT ON COLUMN products.created IS 'Time at which the object was created.';
COMMENT ON COLUMN products.default_price IS 'The ID of the Price object that is the default price for this product.';
COMMENT ON COLUMN products.description IS 'The product''s description, meant to be displayable to the customer.';
COMMENT ON COLUMN products.features IS 'A list of up to 15 features for this product.';
COMMENT ON COLUMN products.images IS 'A list of up to 8 URLs of images for this product, meant to be displayable to the customer.';
COMMENT ON COLUMN products.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN products.marketing_features IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN products.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN products.name IS 'The product''s name, meant to be displayable to the customer.';
COMMENT ON COLUMN products.object IS 'String representing the object''s type.';
COMMENT ON COLUMN products.package_dimensions IS 'The dimensions of this product for shipping purposes.';
COMMENT ON COLUMN products.shippable IS 'Whether this product is shipped (i.e., physical goods).';
COMMENT ON COLUMN products.statement_descriptor IS 'Extra information about a product which will appear on your customer''s credit card statement.';
COMMENT ON COLUMN products.tax_code IS 'A tax code ID.';
COMMENT ON COLUMN products.type IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN products.unit_label IS 'A label that represents units of this product.';
COMMENT ON COLUMN products.updated IS 'Time at which the object was last updated.';
COMMENT ON COLUMN products.url IS 'A URL of a publicly-accessible webpage for this product.';

CREATE VIEW promotion_codes AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'active'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'active'::text))::boolean
            ELSE NULL::boolean
        END AS active,
    (_raw_data ->> 'code'::text) AS code,
    (_raw_data -> 'coupon'::text) AS coupon,
    created,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
        CASE jsonb_typeof((_raw_data -> 'expires_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'expires_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'expires_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'expires_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS expires_at,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
        CASE jsonb_typeof((_raw_data -> 'max_redemptions'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'max_redemptions'::text))::numeric = trunc(((_raw_data -> 'max_redemptions'::text))::numeric)) AND ((((_raw_data -> 'max_redemptions'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'max_redemptions'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'max_redemptions'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS max_redemptions,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'promotion'::text) AS promotion,
    (_raw_data -> 'restrictions'::text) AS restrictions,
        CASE jsonb_typeof((_raw_data -> 'times_redeemed'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'times_redeemed'::text))::numeric = trunc(((_raw_data -> 'times_redeemed'::text))::numeric)) AND ((((_raw_data -> 'times_redeemed'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'times_redeemed'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'times_redeemed'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS times_redeemed
   FROM _raw_promotion_codes t;
COMMENT ON VIEW promotion_codes IS 'Stripe promotion_code objects. A Promotion Code represents a customer-redeemable code for a coupon.';
COMMENT ON COLUMN promotion_codes.active IS 'Whether the promotion code is currently active.';
COMMENT ON COLUMN promotion_codes.code IS 'The customer-facing code.';
COMMENT ON COLUMN promotion_codes.created IS 'Time at which the object was created.';
COMMENT ON COLUMN promotion_codes.customer IS 'The customer that this promotion code can be used by.';
COMMENT ON COLUMN promotion_codes.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN promotion_codes.expires_at IS 'Date at which the promotion code can no longer be redeemed.';
COMMENT ON COLUMN promotion_codes.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN promotion_codes.max_redemptions IS 'Maximum number of times this promotion code can be redeemed.';
COMMENT ON COLUMN promotion_codes.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN promotion_codes.object IS 'String representing the object''s type.';
COMMENT ON COLUMN promotion_codes.promotion IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN promotion_codes.times_redeemed IS 'Number of times this promotion code has been used.';

CREATE VIEW quote_line_items AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    quote,
    (_raw_data -> 'adjustable_quantity'::text) AS adjustable_quantity,
        CASE jsonb_typeof((_raw_data -> 'amount_discount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_discount'::text))::numeric = trunc(((_raw_data -> 'amount_discount'::text))::numeric)) AND ((((_raw_data -> 'amount_discount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_discount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_discount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_discount,
        CASE jsonb_typeof((_raw_data -> 'amount_subtotal'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_subtotal'::text))::numeric = trunc(((_raw_data -> 'amount_subtotal'::text))::numeric)) AND ((((_raw_data -> 'amount_subtotal'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_subtotal'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_subtotal'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_subtotal,
        CASE jsonb_typeof((_raw_data -> 'amount_tax'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_tax'::text))::numeric = trunc(((_raw_data -> 'amount_tax'::text))::numeric)) AND ((((_raw_data -> 'amount_tax'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_tax'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_tax'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_tax,
        CASE jsonb_typeof((_raw_data -> 'amount_total'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_total'::text))::numeric = trunc(((_raw_data -> 'amount_total'::text))::numeric)) AND ((((_raw_data -> 'amount_total'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_total'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_total'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_total,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'discounts'::text) AS discounts,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    price,
        CASE jsonb_typeof((_raw_data -> 'quantity'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'quantity'::text))::numeric = trunc(((_raw_data -> 'quantity'::text))::numeric)) AND ((((_raw_data -> 'quantity'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'quantity'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'quantity'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS quantity,
    (_raw_data -> 'taxes'::text) AS taxes
   FROM _raw_quote_line_items t;
COMMENT ON VIEW quote_line_items IS 'Stripe item objects, children of quote (its id in column quote). A line item.';
COMMENT ON COLUMN quote_line_items.quote IS 'Id of the parent quote; set by the write path.';
COMMENT ON COLUMN quote_line_items.adjustable_quantity IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN quote_line_items.amount_discount IS 'Total discount amount applied.';
COMMENT ON COLUMN quote_line_items.amount_subtotal IS 'Total before any discounts or taxes are applied.';
COMMENT ON COLUMN quote_line_items.amount_tax IS 'Total tax amount applied.';
COMMENT ON COLUMN quote_line_items.amount_total IS 'Total after discounts and taxes.';
COMMENT ON COLUMN quote_line_items.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN quote_line_items.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN quote_line_items.discounts IS 'The discounts applied to the line item.';
COMMENT ON COLUMN quote_line_items.livemode IS 'Whether the object exists in live mode: Stripe leaves it out of these objects, so it is the mode of the key or event that wrote the row (NULL: not said).';
COMMENT ON COLUMN quote_line_items.metadata IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN quote_line_items.object IS 'String representing the object''s type.';
COMMENT ON COLUMN quote_line_items.price IS 'The price used to generate the line item.';
COMMENT ON COLUMN quote_line_items.quantity IS 'The quantity of products being purchased.';
COMMENT ON COLUMN quote_line_items.taxes IS 'The taxes applied to the line item.';

CREATE VIEW quotes AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount_subtotal'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_subtotal'::text))::numeric = trunc(((_raw_data -> 'amount_subtotal'::text))::numeric)) AND ((((_raw_data -> 'amount_subtotal'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_subtotal'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_subtotal'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_subtotal,
        CASE jsonb_typeof((_raw_data -> 'amount_total'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_total'::text))::numeric = trunc(((_raw_data -> 'amount_total'::text))::numeric)) AND ((((_raw_data -> 'amount_total'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_total'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_total'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_total,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
        CASE jsonb_typeof((_raw_data -> 'application_fee_amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'application_fee_amount'::text))::numeric = trunc(((_raw_data -> 'application_fee_amount'::text))::numeric)) AND ((((_raw_data -> 'application_fee_amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'application_fee_amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'application_fee_amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS application_fee_amount,
        CASE jsonb_typeof((_raw_data -> 'application_fee_percent'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'application_fee_percent'::text))::numeric
            ELSE NULL::numeric
        END AS application_fee_percent,
    (_raw_data -> 'automatic_tax'::text) AS automatic_tax,
    (_raw_data ->> 'collection_method'::text) AS collection_method,
    (_raw_data -> 'computed'::text) AS computed,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
    (_raw_data -> 'default_tax_rates'::text) AS default_tax_rates,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'discounts'::text) AS discounts,
        CASE jsonb_typeof((_raw_data -> 'expires_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'expires_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'expires_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'expires_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS expires_at,
    (_raw_data ->> 'footer'::text) AS footer,
    (_raw_data -> 'from_quote'::text) AS from_quote,
    (_raw_data ->> 'header'::text) AS header,
    invoice,
    (_raw_data -> 'invoice_settings'::text) AS invoice_settings,
    (_raw_data -> 'line_items'::text) AS line_items,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'number'::text) AS number,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'on_behalf_of'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'on_behalf_of'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'on_behalf_of'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'on_behalf_of'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS on_behalf_of,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_transitions'::text) AS status_transitions,
    subscription,
    (_raw_data -> 'subscription_data'::text) AS subscription_data,
        CASE jsonb_typeof((_raw_data -> 'subscription_schedule'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'subscription_schedule'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'subscription_schedule'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'subscription_schedule'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS subscription_schedule,
        CASE jsonb_typeof((_raw_data -> 'test_clock'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'test_clock'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'test_clock'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'test_clock'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS test_clock,
    (_raw_data -> 'total_details'::text) AS total_details,
    (_raw_data -> 'transfer_data'::text) AS transfer_data
   FROM _raw_quotes t;
COMMENT ON VIEW quotes IS 'Stripe quote objects. A Quote is a way to model prices that you''d like to provide to a customer.';
COMMENT ON COLUMN quotes.amount_subtotal IS 'Total before any discounts or taxes are applied.';
COMMENT ON COLUMN quotes.amount_total IS 'Total after discounts and taxes are applied.';
COMMENT ON COLUMN quotes.application IS 'ID of the Connect Application that created the quote.';
COMMENT ON COLUMN quotes.application_fee_amount IS 'The amount of the application fee (if any) that will be requested to be applied to the payment and transferred to the application owner''s Stripe account.';
COMMENT ON COLUMN quotes.application_fee_percent IS 'A non-negative decimal between 0 and 100, with at most two decimal places.';
COMMENT ON COLUMN quotes.collection_method IS 'Either `charge_automatically`, or `send_invoice`.';
COMMENT ON COLUMN quotes.created IS 'Time at which the object was created.';
COMMENT ON COLUMN quotes.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN quotes.customer IS 'The customer which this quote belongs to.';
COMMENT ON COLUMN quotes.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN quotes.default_tax_rates IS 'The tax rates applied to this quote.';
COMMENT ON COLUMN quotes.description IS 'A description that will be displayed on the quote PDF.';
COMMENT ON COLUMN quotes.discounts IS 'The discounts applied to this quote.';
COMMENT ON COLUMN quotes.expires_at IS 'The date on which the quote will be canceled if in `open` or `draft` status.';
COMMENT ON COLUMN quotes.footer IS 'A footer that will be displayed on the quote PDF.';
COMMENT ON COLUMN quotes.from_quote IS 'Details of the quote that was cloned.';
COMMENT ON COLUMN quotes.header IS 'A header that will be displayed on the quote PDF.';
COMMENT ON COLUMN quotes.invoice IS 'The invoice that was created from this quote.';
COMMENT ON COLUMN quotes.invoice_settings IS 'All invoices will be billed using the specified settings.';
COMMENT ON COLUMN quotes.line_items IS 'A list of items the customer is being quoted for.';
COMMENT ON COLUMN quotes.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN quotes.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN quotes.number IS 'A unique number that identifies this particular quote.';
COMMENT ON COLUMN quotes.object IS 'String representing the object''s type.';
COMMENT ON COLUMN quotes.on_behalf_of IS 'The account on behalf of which to charge.';
COMMENT ON COLUMN quotes.status IS 'The status of the quote.';
COMMENT ON COLUMN quotes.subscription IS 'The subscription that was created or updated from this quote.';
COMMENT ON COLUMN quotes.subscription_schedule IS 'The subscription schedule that was created or updated from this quote.';
COMMENT ON COLUMN quotes.test_clock IS 'ID of the test clock this quote belongs to.';
COMMENT ON COLUMN quotes.transfer_data IS 'The account (if any) the payments will be attributed to for tax reporting, and where funds from each payment will be transferred to for each of the invoices.';

CREATE VIEW radar_value_list_items AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    created,
    (_raw_data ->> 'created_by'::text) AS created_by,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'value'::text) AS value,
    (_raw_data ->> 'value_list'::text) AS value_list
   FROM _raw_radar_value_list_items t;
COMMENT ON VIEW radar_value_list_items IS 'Stripe radar.value_list_item objects. Value list items allow you to add specific values to a given Radar value list, which can then be used in rules.';
COMMENT ON COLUMN radar_value_list_items.created IS 'Time at which the object was created.';
COMMENT ON COLUMN radar_value_list_items.created_by IS 'The name or email address of the user who added this item to the value list.';
COMMENT ON COLUMN radar_value_list_items.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN radar_value_list_items.object IS 'String representing the object''s type.';
COMMENT ON COLUMN radar_value_list_items.value IS 'The value of the item.';
COMMENT ON COLUMN radar_value_list_items.value_list IS 'The identifier of the value list this item belongs to.';

CREATE VIEW radar_value_lists AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data ->> 'alias'::text) AS alias,
    created,
    (_raw_data ->> 'created_by'::text) AS created_by,
    (_raw_data ->> 'item_type'::text) AS item_type,
    (_raw_data -> 'list_items'::text) AS list_items,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'name'::text) AS name,
    (_raw_data ->> 'object'::text) AS object
   FROM _raw_radar_value_lists t;
COMMENT ON VIEW radar_value_lists IS 'Stripe radar.value_list objects. Value lists allow you to group values together which can then be referenced in rules.';
COMMENT ON COLUMN radar_value_lists.alias IS 'The name of the value list for use in rules.';
COMMENT ON COLUMN radar_value_lists.created IS 'Time at which the object was created.';
COMMENT ON COLUMN radar_value_lists.created_by IS 'The name or email address of the user who created this value list.';
COMMENT ON COLUMN radar_value_lists.item_type IS 'The type of items in the value list.';
COMMENT ON COLUMN radar_value_lists.list_items IS 'List of items contained within this value list.';
COMMENT ON COLUMN radar_value_lists.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN radar_value_lists.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN radar_value_lists.name IS 'The name of the value list.';
COMMENT ON COLUMN radar_value_lists.object IS 'String representing the object''s type.';

CREATE VIEW refunds AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    balance_transaction,
    charge,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
        CASE jsonb_typeof((_raw_data -> 'customer'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'customer'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'customer'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'customer'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'destination_details'::text) AS destination_details,
        CASE jsonb_typeof((_raw_data -> 'failure_balance_transaction'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'failure_balance_transaction'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'failure_balance_transaction'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'failure_balance_transaction'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS failure_balance_transaction,
    (_raw_data ->> 'failure_reason'::text) AS failure_reason,
    (_raw_data ->> 'instructions_email'::text) AS instructions_email,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data -> 'next_action'::text) AS next_action,
    (_raw_data ->> 'object'::text) AS object,
    payment_intent,
        CASE jsonb_typeof((_raw_data -> 'payment_method'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'payment_method'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'payment_method'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'payment_method'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS payment_method,
    (_raw_data ->> 'reason'::text) AS reason,
    (_raw_data ->> 'receipt_number'::text) AS receipt_number,
        CASE jsonb_typeof((_raw_data -> 'source_transfer_reversal'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'source_transfer_reversal'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'source_transfer_reversal'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'source_transfer_reversal'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS source_transfer_reversal,
    (_raw_data ->> 'status'::text) AS status,
        CASE jsonb_typeof((_raw_data -> 'transfer_reversal'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'transfer_reversal'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'transfer_reversal'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'transfer_reversal'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS transfer_reversal,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode
   FROM _raw_refunds t;
COMMENT ON VIEW refunds IS 'Stripe refund objects. `Refund` objects allow you to refund a charge that has previously been created but not yet refunded.';
COMMENT ON COLUMN refunds.amount IS 'Amount, in cents (or local equivalent).';
COMMENT ON COLUMN refunds.balance_transaction IS 'Balance transaction that describes the impact on your account balance.';
COMMENT ON COLUMN refunds.charge IS 'ID of the charge that was refunded.';
COMMENT ON COLUMN refunds.created IS 'Time at which the object was created.';
COMMENT ON COLUMN refunds.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN refunds.customer IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN refunds.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN refunds.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN refunds.destination_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN refunds.failure_balance_transaction IS 'If the refund failed, this balance transaction describes the adjustment made on your account balance that reverses the initial balance transaction.';
COMMENT ON COLUMN refunds.failure_reason IS 'If the refund failed, the reason for refund failure if known.';
COMMENT ON COLUMN refunds.instructions_email IS 'For payment methods without native refund support (e.g., Konbini, PromptPay), email for the customer to receive refund instructions.';
COMMENT ON COLUMN refunds.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN refunds.object IS 'String representing the object''s type.';
COMMENT ON COLUMN refunds.payment_intent IS 'ID of the PaymentIntent that was refunded.';
COMMENT ON COLUMN refunds.payment_method IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN refunds.reason IS 'Reason for the refund, either user-provided (`duplicate`, `fraudulent`, or `requested_by_customer`) or generated by Stripe internally (`expired_uncaptured_charge`).';
COMMENT ON COLUMN refunds.receipt_number IS 'This is the transaction number that appears on email receipts sent for this refund.';
COMMENT ON COLUMN refunds.source_transfer_reversal IS 'The transfer reversal that is associated with the refund.';
COMMENT ON COLUMN refunds.status IS 'Status of the refund.';
COMMENT ON COLUMN refunds.transfer_reversal IS 'If the accompanying transfer was reversed, the transfer reversal object.';
COMMENT ON COLUMN refunds.livemode IS 'Live mode (true) or test mode (false): Stripe leaves it out of these objects, so it is the mode of the key or event that wrote the row (NULL: not said).';

CREATE VIEW reporting_report_runs AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    created,
    (_raw_data ->> 'error'::text) AS error,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'parameters'::text) AS parameters,
    (_raw_data ->> 'report_type'::text) AS report_type,
    (_raw_data -> 'result'::text) AS result,
    (_raw_data ->> 'status'::text) AS status,
        CASE jsonb_typeof((_raw_data -> 'succeeded_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'succeeded_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'succeeded_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'succeeded_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS succeeded_at
   FROM _raw_reporting_report_runs t;
COMMENT ON VIEW reporting_report_runs IS 'Stripe reporting.report_run objects. The Report Run object represents an instance of a report type generated with specific run parameters.';
COMMENT ON COLUMN reporting_report_runs.created IS 'Time at which the object was created.';
COMMENT ON COLUMN reporting_report_runs.error IS 'If something should go wrong during the run, a message about the failure (populated when `status=failed`).';
COMMENT ON COLUMN reporting_report_runs.livemode IS '`true` if the report is run on live mode data and `false` if it is run on test mode data.';
COMMENT ON COLUMN reporting_report_runs.object IS 'String representing the object''s type.';
COMMENT ON COLUMN reporting_report_runs.report_type IS 'The ID of the report type to run, such as `"balance.summary.1"`.';
COMMENT ON COLUMN reporting_report_runs.result IS 'The file object representing the result of the report run (populated when `status=succeeded`).';
COMMENT ON COLUMN reporting_report_runs.status IS 'Status of this report run.';
COMMENT ON COLUMN reporting_report_runs.succeeded_at IS 'Timestamp at which this run successfully finished (populated when `status=succeeded`).';

CREATE VIEW revenue_monthly AS
 WITH flows AS (
         SELECT c._account_id AS account_id,
            lower(c.currency) AS currency,
            (date_trunc('month'::text, (c.created AT TIME ZONE 'UTC'::text)))::date AS month,
            1 AS charges,
            COALESCE(c.amount_captured, (0)::bigint) AS gross,
            0 AS refunds,
            0 AS refunded
           FROM charges c
          WHERE ((NOT c.deleted) AND (c.status = 'succeeded'::text) AND (COALESCE(c.amount_captured, (0)::bigint) > 0))
        UNION ALL
         SELECT r._account_id,
            lower(r.currency) AS lower,
            (date_trunc('month'::text, (r.created AT TIME ZONE 'UTC'::text)))::date AS date_trunc,
            0,
            0,
            1,
            COALESCE(r.amount, (0)::bigint) AS "coalesce"
           FROM refunds r
          WHERE ((NOT r.deleted) AND (r.status = ANY (ARRAY['succeeded'::text, 'pending'::text, 'requires_action'::text])))
        )
 SELECT account_id,
    currency,
    month,
    sum(charges) AS charges,
    (sum(gross))::bigint AS gross_amount,
    sum(refunds) AS refunds,
    (sum(refunded))::bigint AS refunded_amount,
    ((sum(gross) - sum(refunded)))::bigint AS net_amount
   FROM flows
  GROUP BY account_id, currency, month;
COMMENT ON VIEW revenue_monthly IS 'Money collected per month and currency, net of refunds (cash basis): see docs/concepts/metrics.md.';
COMMENT ON COLUMN revenue_monthly.account_id IS 'The Stripe account.';
COMMENT ON COLUMN revenue_monthly.currency IS 'The currency (lower case).';
COMMENT ON COLUMN revenue_monthly.month IS 'The month''s first day (UTC).';
COMMENT ON COLUMN revenue_monthly.charges IS 'Succeeded charges made in the month.';
COMMENT ON COLUMN revenue_monthly.gross_amount IS 'Their captured amount, minor units.';
COMMENT ON COLUMN revenue_monthly.refunds IS 'Refunds made in the month (succeeded or pending), of charges of any month.';
COMMENT ON COLUMN revenue_monthly.refunded_amount IS 'Their amount, minor units.';
COMMENT ON COLUMN revenue_monthly.net_amount IS 'gross_amount - refunded_amount.';

CREATE VIEW reviews AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data ->> 'billing_zip'::text) AS billing_zip,
    charge,
    (_raw_data ->> 'closed_reason'::text) AS closed_reason,
    created,
    (_raw_data ->> 'ip_address'::text) AS ip_address,
    (_raw_data -> 'ip_address_location'::text) AS ip_address_location,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'open'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'open'::text))::boolean
            ELSE NULL::boolean
        END AS open,
    (_raw_data ->> 'opened_reason'::text) AS opened_reason,
    payment_intent,
    (_raw_data ->> 'reason'::text) AS reason,
    (_raw_data -> 'session'::text) AS session
   FROM _raw_reviews t;
COMMENT ON VIEW reviews IS 'Stripe review objects. Reviews can be used to supplement automated fraud detection with human expertise.';
COMMENT ON COLUMN reviews.billing_zip IS 'The ZIP or postal code of the card used, if applicable.';
COMMENT ON COLUMN reviews.charge IS 'The charge associated with this review.';
COMMENT ON COLUMN reviews.closed_reason IS 'The reason the review was closed, or null if it has not yet been closed.';
COMMENT ON COLUMN reviews.created IS 'Time at which the object was created.';
COMMENT ON COLUMN reviews.ip_address IS 'The IP address where the payment originated.';
COMMENT ON COLUMN reviews.ip_address_location IS 'Information related to the location of the payment.';
COMMENT ON COLUMN reviews.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN reviews.object IS 'String representing the object''s type.';
COMMENT ON COLUMN reviews.open IS 'If `true`, the review needs action.';
COMMENT ON COLUMN reviews.opened_reason IS 'The reason the review was opened.';
COMMENT ON COLUMN reviews.payment_intent IS 'The PaymentIntent ID associated with this review, if one exists.';
COMMENT ON COLUMN reviews.reason IS 'The reason the review is currently open or closed.';
COMMENT ON COLUMN reviews.session IS 'Information related to the browsing session of the user who initiated the payment.';

CREATE VIEW setup_attempts AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    setup_intent,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
        CASE jsonb_typeof((_raw_data -> 'attach_to_self'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'attach_to_self'::text))::boolean
            ELSE NULL::boolean
        END AS attach_to_self,
    created,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
    (_raw_data -> 'flow_directions'::text) AS flow_directions,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'on_behalf_of'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'on_behalf_of'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'on_behalf_of'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'on_behalf_of'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS on_behalf_of,
    payment_method,
    (_raw_data -> 'payment_method_details'::text) AS payment_method_details,
    (_raw_data -> 'setup_error'::text) AS setup_error,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data ->> 'usage'::text) AS usage
   FROM _raw_setup_attempts t;
COMMENT ON VIEW setup_attempts IS 'Stripe setup_attempt objects, children of setup_intent (its id in column setup_intent). A SetupAttempt describes one attempted confirmation of a SetupIntent, whether that confirmation was successful or unsuccessful.';
COMMENT ON COLUMN setup_attempts.setup_intent IS 'Id of the parent setup_intent; set by the write path.';
COMMENT ON COLUMN setup_attempts.application IS 'The value of application on the SetupIntent at the time of this confirmation.';
COMMENT ON COLUMN setup_attempts.attach_to_self IS 'If present, the SetupIntent''s payment method will be attached to the in-context Stripe Account.';
COMMENT ON COLUMN setup_attempts.created IS 'Time at which the object was created.';
COMMENT ON COLUMN setup_attempts.customer IS 'The value of customer on the SetupIntent at the time of this confirmation.';
COMMENT ON COLUMN setup_attempts.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN setup_attempts.flow_directions IS 'Indicates the directions of money movement for which this payment method is intended to be used.';
COMMENT ON COLUMN setup_attempts.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN setup_attempts.object IS 'String representing the object''s type.';
COMMENT ON COLUMN setup_attempts.on_behalf_of IS 'The value of on_behalf_of on the SetupIntent at the time of this confirmation.';
COMMENT ON COLUMN setup_attempts.payment_method IS 'ID of the payment method used with this SetupAttempt.';
COMMENT ON COLUMN setup_attempts.setup_error IS 'The error encountered during this attempt to confirm the SetupIntent, if any.';
COMMENT ON COLUMN setup_attempts.status IS 'Status of this SetupAttempt, one of `requires_confirmation`, `requires_action`, `processing`, `succeeded`, `failed`, or `abandoned`.';
COMMENT ON COLUMN setup_attempts.usage IS 'The value of usage on the SetupIntent at the time of this confirmation, one of `off_session` or `on_session`.';

CREATE VIEW setup_intents AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
        CASE jsonb_typeof((_raw_data -> 'attach_to_self'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'attach_to_self'::text))::boolean
            ELSE NULL::boolean
        END AS attach_to_self,
    (_raw_data -> 'automatic_payment_methods'::text) AS automatic_payment_methods,
    (_raw_data ->> 'cancellation_reason'::text) AS cancellation_reason,
    (_raw_data ->> 'client_secret'::text) AS client_secret,
    created,
    customer,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'excluded_payment_method_types'::text) AS excluded_payment_method_types,
    (_raw_data -> 'flow_directions'::text) AS flow_directions,
    (_raw_data -> 'last_setup_error'::text) AS last_setup_error,
        CASE jsonb_typeof((_raw_data -> 'latest_attempt'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'latest_attempt'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'latest_attempt'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'latest_attempt'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS latest_attempt,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
        CASE jsonb_typeof((_raw_data -> 'mandate'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'mandate'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'mandate'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'mandate'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS mandate,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data -> 'next_action'::text) AS next_action,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'on_behalf_of'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'on_behalf_of'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'on_behalf_of'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'on_behalf_of'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS on_behalf_of,
    payment_method,
    (_raw_data -> 'payment_method_configuration_details'::text) AS payment_method_configuration_details,
    (_raw_data -> 'payment_method_options'::text) AS payment_method_options,
    (_raw_data -> 'payment_method_types'::text) AS payment_method_types,
        CASE jsonb_typeof((_raw_data -> 'single_use_mandate'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'single_use_mandate'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'single_use_mandate'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'single_use_mandate'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS single_use_mandate,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data ->> 'usage'::text) AS usage
   FROM _raw_setup_intents t;
COMMENT ON VIEW setup_intents IS 'Stripe setup_intent objects. A SetupIntent guides you through the process of setting up and saving a customer''s payment credentials for future payments.';
COMMENT ON COLUMN setup_intents.application IS 'ID of the Connect application that created the SetupIntent.';
COMMENT ON COLUMN setup_intents.attach_to_self IS 'If present, the SetupIntent''s payment method will be attached to the in-context Stripe Account.';
COMMENT ON COLUMN setup_intents.automatic_payment_methods IS 'Settings for dynamic payment methods compatible with this Setup Intent';
COMMENT ON COLUMN setup_intents.cancellation_reason IS 'Reason for cancellation of this SetupIntent, one of `abandoned`, `requested_by_customer`, or `duplicate`.';
COMMENT ON COLUMN setup_intents.client_secret IS 'The client secret of this SetupIntent.';
COMMENT ON COLUMN setup_intents.created IS 'Time at which the object was created.';
COMMENT ON COLUMN setup_intents.customer IS 'ID of the Customer this SetupIntent belongs to, if one exists.';
COMMENT ON COLUMN setup_intents.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN setup_intents.excluded_payment_method_types IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN setup_intents.flow_directions IS 'Indicates the directions of money movement for which this payment method is intended to be used.';
COMMENT ON COLUMN setup_intents.last_setup_error IS 'The error encountered in the previous SetupIntent confirmation.';
COMMENT ON COLUMN setup_intents.latest_attempt IS 'The most recent SetupAttempt for this SetupIntent.';
COMMENT ON COLUMN setup_intents.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN setup_intents.mandate IS 'ID of the multi use Mandate generated by the SetupIntent.';
COMMENT ON COLUMN setup_intents.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN setup_intents.next_action IS 'If present, this property tells you what actions you need to take in order for your customer to continue payment setup.';
COMMENT ON COLUMN setup_intents.object IS 'String representing the object''s type.';
COMMENT ON COLUMN setup_intents.on_behalf_of IS 'The account (if any) for which the setup is intended.';
COMMENT ON COLUMN setup_intents.payment_method IS 'ID of the payment method used with this SetupIntent.';
COMMENT ON COLUMN setup_intents.payment_method_configuration_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN setup_intents.payment_method_options IS 'Payment-method-specific configuration for this SetupIntent.';
COMMENT ON COLUMN setup_intents.payment_method_types IS 'The list of payment method types (e.g. card) that this SetupIntent is allowed to set up.';
COMMENT ON COLUMN setup_intents.single_use_mandate IS 'ID of the single_use Mandate generated by the SetupIntent.';
COMMENT ON COLUMN setup_intents.status IS 'Status of this SetupIntent, one of `requires_payment_method`, `requires_confirmation`, `requires_action`, `processing`, `canceled`, or `succeeded`.';
COMMENT ON COLUMN setup_intents.usage IS 'Indicates how the payment method is intended to be used in the future.';

CREATE VIEW shipping_rates AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'active'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'active'::text))::boolean
            ELSE NULL::boolean
        END AS active,
    created,
    (_raw_data -> 'delivery_estimate'::text) AS delivery_estimate,
    (_raw_data ->> 'display_name'::text) AS display_name,
    (_raw_data -> 'fixed_amount'::text) AS fixed_amount,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'tax_behavior'::text) AS tax_behavior,
        CASE jsonb_typeof((_raw_data -> 'tax_code'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'tax_code'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'tax_code'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'tax_code'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS tax_code,
    (_raw_data ->> 'type'::text) AS type
   FROM _raw_shipping_rates t;
COMMENT ON VIEW shipping_rates IS 'Stripe shipping_rate objects. Shipping rates describe the price of shipping presented to your customers and applied to a purchase.';
COMMENT ON COLUMN shipping_rates.active IS 'Whether the shipping rate can be used for new purchases.';
COMMENT ON COLUMN shipping_rates.created IS 'Time at which the object was created.';
COMMENT ON COLUMN shipping_rates.delivery_estimate IS 'The estimated range for how long shipping will take, meant to be displayable to the customer.';
COMMENT ON COLUMN shipping_rates.display_name IS 'The name of the shipping rate, meant to be displayable to the customer.';
COMMENT ON COLUMN shipping_rates.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN shipping_rates.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN shipping_rates.object IS 'String representing the object''s type.';
COMMENT ON COLUMN shipping_rates.tax_behavior IS 'Specifies whether the rate is considered inclusive of taxes or exclusive of taxes.';
COMMENT ON COLUMN shipping_rates.tax_code IS 'A tax code ID.';
COMMENT ON COLUMN shipping_rates.type IS 'The type of calculation to use on the shipping rate.';

CREATE VIEW sigma_scheduled_query_runs AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    created,
        CASE jsonb_typeof((_raw_data -> 'data_load_time'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'data_load_time'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'data_load_time'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'data_load_time'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS data_load_time,
    (_raw_data -> 'error'::text) AS error,
    file,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'result_available_until'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'result_available_until'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'result_available_until'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'result_available_until'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS result_available_until,
    (_raw_data ->> 'sql'::text) AS sql,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data ->> 'title'::text) AS title
   FROM _raw_sigma_scheduled_query_runs t;
COMMENT ON VIEW sigma_scheduled_query_runs IS 'Stripe scheduled_query_run objects. If you have scheduled a Sigma query, you''ll receive a `sigma.scheduled_query_run.created` webhook each time the query runs.';
COMMENT ON COLUMN sigma_scheduled_query_runs.created IS 'Time at which the object was created.';
COMMENT ON COLUMN sigma_scheduled_query_runs.data_load_time IS 'When the query was run, Sigma contained a snapshot of your Stripe data at this time.';
COMMENT ON COLUMN sigma_scheduled_query_runs.file IS 'The file object representing the results of the query.';
COMMENT ON COLUMN sigma_scheduled_query_runs.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN sigma_scheduled_query_runs.object IS 'String representing the object''s type.';
COMMENT ON COLUMN sigma_scheduled_query_runs.result_available_until IS 'Time at which the result expires and is no longer available for download.';
COMMENT ON COLUMN sigma_scheduled_query_runs.sql IS 'SQL for the query.';
COMMENT ON COLUMN sigma_scheduled_query_runs.status IS 'The query''s execution status, which will be `completed` for successful runs, and `canceled`, `failed`, or `timed_out` otherwise.';
COMMENT ON COLUMN sigma_scheduled_query_runs.title IS 'Title of the query.';

CREATE VIEW subscription_discount_intervals AS
 WITH found AS (
         SELECT s.account_id,
            s.subscription,
            NULL::text AS subscription_item,
            s.currency,
            d.value AS discount,
            COALESCE(s.start_date, s.created) AS started,
            s.state_from,
            s.state_to
           FROM (_subscription_states s
             CROSS JOIN LATERAL jsonb_array_elements((
                CASE
                    WHEN (jsonb_typeof(s.discounts) = 'array'::text) THEN s.discounts
                    ELSE '[]'::jsonb
                END ||
                CASE
                    WHEN ((jsonb_typeof(s.discount) = 'object'::text) AND (NOT (COALESCE(s.discounts, '[]'::jsonb) @> jsonb_build_array(jsonb_build_object('id', (s.discount -> 'id'::text)))))) THEN jsonb_build_array(s.discount)
                    ELSE '[]'::jsonb
                END)) d(value))
          WHERE (NOT COALESCE(((jsonb_typeof(d.value) = 'string'::text) AND (d.value = (s.discount -> 'id'::text))), false))
        UNION ALL
         SELECT s.account_id,
            s.subscription,
            si.id,
            s.currency,
            d.value,
            COALESCE(s.start_date, s.created) AS "coalesce",
            s.state_from,
            s.state_to
           FROM ((_subscription_states s
             JOIN _raw_subscription_items si ON (((si.subscription = s.subscription) AND (si._account_id = s.account_id))))
             CROSS JOIN LATERAL jsonb_array_elements(
                CASE
                    WHEN (jsonb_typeof((si._raw_data -> 'discounts'::text)) = 'array'::text) THEN (si._raw_data -> 'discounts'::text)
                    ELSE '[]'::jsonb
                END) d(value))
          WHERE ((s.source = 'current_state'::text) AND (NOT si.deleted))
        UNION ALL
         SELECT s.account_id,
            s.subscription,
            (i.value ->> 'id'::text),
            s.currency,
            d.value,
            COALESCE(s.start_date, s.created) AS "coalesce",
            s.state_from,
            s.state_to
           FROM ((_subscription_states s
             CROSS JOIN LATERAL jsonb_array_elements(
                CASE
                    WHEN (jsonb_typeof((s.items -> 'data'::text)) = 'array'::text) THEN (s.items -> 'data'::text)
                    ELSE '[]'::jsonb
                END) i(value))
             CROSS JOIN LATERAL jsonb_array_elements(
                CASE
                    WHEN (jsonb_typeof((i.value -> 'discounts'::text)) = 'array'::text) THEN (i.value -> 'discounts'::text)
                    ELSE '[]'::jsonb
                END) d(value))
          WHERE (s.source = 'history'::text)
        UNION ALL
         SELECT s.account_id,
            s.subscription,
            x.subscription_item,
            s.currency,
            x.payload,
            COALESCE(s.start_date, s.created) AS "coalesce",
            s.state_from,
            s.state_to
           FROM (_subscription_states s
             JOIN _discounts x ON (((x.subscription = s.subscription) AND (x.account_id = s.account_id))))
          WHERE ((s.source = 'current_state'::text) AND (x.deleted_at IS NOT NULL))
        ), resolved AS (
         SELECT f.account_id,
            f.subscription,
            f.subscription_item,
            f.currency,
            f.started,
            f.state_from,
            f.state_to,
            k.discount_id,
            k.dj,
            k.deleted_at
           FROM (((found f
             CROSS JOIN LATERAL ( SELECT
                        CASE jsonb_typeof(f.discount)
                            WHEN 'string'::text THEN (f.discount #>> '{}'::text[])
                            WHEN 'object'::text THEN (f.discount ->> 'id'::text)
                            ELSE NULL::text
                        END AS id) i)
             LEFT JOIN _discounts x ON ((x.id = i.id)))
             CROSS JOIN LATERAL ( SELECT i.id AS discount_id,
                        CASE
                            WHEN (jsonb_typeof(f.discount) = 'object'::text) THEN f.discount
                            ELSE x.payload
                        END AS dj,
                    x.deleted_at) k)
        ), per_discount AS (
         SELECT r.account_id,
            r.subscription,
            r.subscription_item,
            r.discount_id,
            min(r.currency) AS currency,
            (array_agg(r.dj ORDER BY r.state_from DESC NULLS LAST))[1] AS dj,
            min(GREATEST(COALESCE(_metric_time((r.dj -> 'start'::text)), r.started), r.state_from)) AS valid_from,
                CASE
                    WHEN bool_or((LEAST(_metric_time((r.dj -> 'end'::text)), r.deleted_at, r.state_to) IS NULL)) THEN NULL::timestamp with time zone
                    ELSE max(LEAST(_metric_time((r.dj -> 'end'::text)), r.deleted_at, r.state_to))
                END AS valid_to
           FROM resolved r
          GROUP BY r.account_id, r.subscription, r.subscription_item, r.discount_id
        ), coupon AS (
         SELECT r.account_id,
            r.subscription,
            r.subscription_item,
            r.discount_id,
            r.currency,
            r.dj,
            r.valid_from,
            r.valid_to,
            ref.ref,
                CASE jsonb_typeof(ref.ref)
                    WHEN 'string'::text THEN (ref.ref #>> '{}'::text[])
                    WHEN 'object'::text THEN (ref.ref ->> 'id'::text)
                    ELSE NULL::text
                END AS coupon_id
           FROM (per_discount r
             CROSS JOIN LATERAL ( SELECT
                        CASE
                            WHEN (jsonb_typeof(r.dj) = 'object'::text) THEN COALESCE((r.dj #> '{source,coupon}'::text[]), (r.dj -> 'coupon'::text))
                            ELSE NULL::jsonb
                        END AS ref) ref)
        ), terms AS (
         SELECT c.account_id,
            c.subscription,
            c.subscription_item,
            c.discount_id,
            c.currency,
            c.dj,
            c.valid_from,
            c.valid_to,
            c.ref,
            c.coupon_id,
            cj.cj,
            _metric_numeric((cj.cj -> 'percent_off'::text)) AS percent_off,
                CASE
                    WHEN (_metric_numeric((cj.cj -> 'amount_off'::text)) IS NULL) THEN NULL::numeric
                    WHEN (lower((cj.cj ->> 'currency'::text)) = c.currency) THEN _metric_numeric((cj.cj -> 'amount_off'::text))
                    ELSE _metric_numeric((((cj.cj -> 'currency_options'::text) -> c.currency) -> 'amount_off'::text))
                END AS amount_off,
            (cj.cj ->> 'duration'::text) AS duration
           FROM ((coupon c
             LEFT JOIN _raw_coupons rc ON (((rc.id = c.coupon_id) AND (rc._account_id = c.account_id))))
             CROSS JOIN LATERAL ( SELECT COALESCE(rc._raw_data,
                        CASE
                            WHEN (jsonb_typeof(c.ref) = 'object'::text) THEN c.ref
                            ELSE NULL::jsonb
                        END) AS cj) cj)
        )
 SELECT t.account_id,
    t.subscription,
    t.subscription_item,
    t.discount_id AS discount,
    t.coupon_id AS coupon,
    t.currency,
    t.percent_off,
    t.amount_off,
    t.duration,
    t.valid_from,
    t.valid_to,
    (n.note IS NULL) AS in_mrr,
    n.note
   FROM (terms t
     CROSS JOIN LATERAL ( SELECT
                CASE
                    WHEN (t.cj IS NULL) THEN 'coupon unknown: the row holds the discount''s id only'::text
                    WHEN (t.duration = 'once'::text) THEN 'once: the first invoice only, not recurring'::text
                    WHEN ((t.percent_off IS NULL) AND (t.amount_off IS NULL)) THEN 'amount_off in another currency than the subscription''s'::text
                    ELSE NULL::text
                END AS note) n)
  WHERE ((t.valid_to IS NULL) OR (t.valid_to > t.valid_from));
COMMENT ON VIEW subscription_discount_intervals IS 'The discounts of each subscription (and of its items) and when they apply, their coupons resolved from the row, the recorded versions or _discounts; in_mrr tells which ones mrr_subscription_segments applies: see docs/concepts/metrics.md.';
COMMENT ON COLUMN subscription_discount_intervals.account_id IS 'The Stripe account.';
COMMENT ON COLUMN subscription_discount_intervals.subscription IS 'The subscription id.';
COMMENT ON COLUMN subscription_discount_intervals.subscription_item IS 'The item the discount is on, NULL for the whole subscription.';
COMMENT ON COLUMN subscription_discount_intervals.discount IS 'The discount id (di_...).';
COMMENT ON COLUMN subscription_discount_intervals.coupon IS 'The coupon id, NULL when neither the row nor a discount event or expanded fetch gave the discount object.';
COMMENT ON COLUMN subscription_discount_intervals.currency IS 'The subscription''s currency.';
COMMENT ON COLUMN subscription_discount_intervals.percent_off IS 'The coupon''s percentage off (25.5 is 25.5 %).';
COMMENT ON COLUMN subscription_discount_intervals.amount_off IS 'The coupon''s amount off per invoice, in minor units of the subscription''s currency (from the coupon''s currency_options if it is in another currency).';
COMMENT ON COLUMN subscription_discount_intervals.duration IS 'The coupon''s duration: once, repeating or forever.';
COMMENT ON COLUMN subscription_discount_intervals.valid_from IS 'When the discount started (its start); with history, at the earliest from the first version that lists it.';
COMMENT ON COLUMN subscription_discount_intervals.valid_to IS 'When it ends: its end (repeating coupons), its deletion (customer.discount.deleted), or with history the version that no longer lists it; NULL while it applies.';
COMMENT ON COLUMN subscription_discount_intervals.in_mrr IS 'Whether MRR applies it: a known coupon, not once, with an amount in the subscription''s currency.';
COMMENT ON COLUMN subscription_discount_intervals.note IS 'Why it is not applied, when in_mrr is false.';

CREATE VIEW subscription_item_intervals AS
 WITH items AS (
         SELECT s.account_id,
            s.subscription,
            s.state_from,
            s.state_to,
            s.source,
            s.customer,
            s.currency,
            s.status,
            s.created,
            s.start_date,
            s.trial_start,
            s.trial_end,
            s.ended_at,
            s.cancel_at,
            s.canceled_at,
            s.items,
            s.discounts,
            s.discount,
            si.id AS subscription_item,
            ix.price AS item_price,
            ix.plan AS item_plan,
            ix.quantity AS item_quantity,
            _metric_time(ix.created) AS item_created,
            si.price AS price_id,
                CASE
                    WHEN si.deleted THEN si.deleted_at
                    ELSE NULL::timestamp with time zone
                END AS removed_at
           FROM ((_subscription_states s
             JOIN _raw_subscription_items si ON (((si.subscription = s.subscription) AND (si._account_id = s.account_id))))
             CROSS JOIN LATERAL jsonb_to_record(si._raw_data) ix(price jsonb, plan jsonb, quantity jsonb, created jsonb))
          WHERE (s.source = 'current_state'::text)
        UNION ALL
         SELECT s.account_id,
            s.subscription,
            s.state_from,
            s.state_to,
            s.source,
            s.customer,
            s.currency,
            s.status,
            s.created,
            s.start_date,
            s.trial_start,
            s.trial_end,
            s.ended_at,
            s.cancel_at,
            s.canceled_at,
            s.items,
            s.discounts,
            s.discount,
            (i.value ->> 'id'::text),
            ix.price,
            ix.plan,
            ix.quantity,
            _metric_time(ix.created) AS _metric_time,
            _id_of(ix.price) AS _id_of,
            NULL::timestamp with time zone AS timestamptz
           FROM ((_subscription_states s
             CROSS JOIN LATERAL jsonb_array_elements(
                CASE
                    WHEN (jsonb_typeof((s.items -> 'data'::text)) = 'array'::text) THEN (s.items -> 'data'::text)
                    ELSE '[]'::jsonb
                END) i(value))
             CROSS JOIN LATERAL jsonb_to_record(i.value) ix(price jsonb, plan jsonb, quantity jsonb, created jsonb))
          WHERE ((s.source = 'history'::text) AND (jsonb_typeof((i.value -> 'id'::text)) = 'string'::text))
        )
 SELECT it.account_id,
    it.subscription,
    it.subscription_item,
    it.customer,
    f.currency,
    f.price,
    f."interval",
    f.interval_count,
    f.quantity,
    f.billed_quantity,
    f.unit_amount,
    f.period_months,
        CASE
            WHEN (e.excluded IS NULL) THEN ((f.unit_amount * f.billed_quantity) / f.period_months)
            ELSE NULL::numeric
        END AS monthly_amount,
    e.excluded,
    v.valid_from,
    v.valid_to,
    it.source
   FROM ((((((items it
     LEFT JOIN _raw_prices p ON (((p.id = it.price_id) AND (p._account_id = it.account_id))))
     CROSS JOIN LATERAL ( SELECT
                CASE
                    WHEN (jsonb_typeof(it.item_price) = 'object'::text) THEN it.item_price
                    WHEN (p._raw_data IS NOT NULL) THEN p._raw_data
                    WHEN (jsonb_typeof(it.item_plan) = 'object'::text) THEN it.item_plan
                    ELSE NULL::jsonb
                END AS pj,
            COALESCE(it.currency, lower((it.item_price ->> 'currency'::text))) AS currency) j)
     CROSS JOIN LATERAL ( SELECT j.currency,
            (j.pj ->> 'id'::text) AS price,
            COALESCE((j.pj #>> '{recurring,interval}'::text[]), (j.pj ->> 'interval'::text)) AS "interval",
            COALESCE(_metric_numeric((j.pj #> '{recurring,interval_count}'::text[])), _metric_numeric((j.pj -> 'interval_count'::text)), (1)::numeric) AS interval_count,
            COALESCE((j.pj #>> '{recurring,usage_type}'::text[]), (j.pj ->> 'usage_type'::text), 'licensed'::text) AS usage_type,
            COALESCE((j.pj ->> 'billing_scheme'::text), 'per_unit'::text) AS billing_scheme,
            COALESCE(_metric_numeric(it.item_quantity), (1)::numeric) AS quantity,
                CASE
                    WHEN ((lower((j.pj ->> 'currency'::text)) = j.currency) OR (j.currency IS NULL)) THEN COALESCE(_metric_numeric((j.pj -> 'unit_amount_decimal'::text)), _metric_numeric((j.pj -> 'unit_amount'::text)), _metric_numeric((j.pj -> 'amount_decimal'::text)), _metric_numeric((j.pj -> 'amount'::text)))
                    ELSE COALESCE(_metric_numeric((((j.pj -> 'currency_options'::text) -> j.currency) -> 'unit_amount_decimal'::text)), _metric_numeric((((j.pj -> 'currency_options'::text) -> j.currency) -> 'unit_amount'::text)))
                END AS unit_amount,
            _metric_numeric((j.pj #> '{transform_quantity,divide_by}'::text[])) AS divide_by,
            (j.pj #>> '{transform_quantity,round}'::text[]) AS round) f0)
     CROSS JOIN LATERAL ( SELECT f0.currency,
            f0.price,
            f0."interval",
            f0.interval_count,
            f0.usage_type,
            f0.billing_scheme,
            f0.quantity,
            f0.unit_amount,
            f0.divide_by,
            f0.round,
                CASE
                    WHEN ((f0.divide_by > (0)::numeric) AND (f0.round = 'up'::text)) THEN ceil((f0.quantity / f0.divide_by))
                    WHEN (f0.divide_by > (0)::numeric) THEN floor((f0.quantity / f0.divide_by))
                    ELSE f0.quantity
                END AS billed_quantity,
            _metric_months(f0."interval", f0.interval_count) AS period_months) f)
     CROSS JOIN LATERAL ( SELECT
                CASE
                    WHEN (it.status = ANY (ARRAY['incomplete'::text, 'incomplete_expired'::text])) THEN 'incomplete'::text
                    WHEN (it.status = 'paused'::text) THEN 'paused'::text
                    WHEN (j.pj IS NULL) THEN 'unknown_price'::text
                    WHEN (f.usage_type = 'metered'::text) THEN 'metered'::text
                    WHEN (f.billing_scheme = 'tiered'::text) THEN 'tiered'::text
                    WHEN (f.period_months IS NULL) THEN 'not_recurring'::text
                    WHEN (f.unit_amount IS NULL) THEN 'no_amount'::text
                    ELSE NULL::text
                END AS excluded) e)
     CROSS JOIN LATERAL ( SELECT GREATEST(
                CASE
                    WHEN (it.item_created > it.created) THEN it.item_created
                    ELSE COALESCE(it.start_date, it.created)
                END, it.trial_end, it.state_from) AS valid_from,
            LEAST(it.ended_at, it.cancel_at,
                CASE
                    WHEN (it.status = 'canceled'::text) THEN COALESCE(it.ended_at, it.canceled_at)
                    ELSE NULL::timestamp with time zone
                END, it.removed_at, it.state_to) AS valid_to) v)
  WHERE ((v.valid_from IS NOT NULL) AND ((v.valid_to IS NULL) OR (v.valid_to > v.valid_from)));
COMMENT ON VIEW subscription_item_intervals IS 'When each subscription item counted towards MRR and its gross monthly amount: from history mode''s versions of the subscriptions when it is on for them, else from their current state: see docs/concepts/metrics.md.';
COMMENT ON COLUMN subscription_item_intervals.account_id IS 'The Stripe account.';
COMMENT ON COLUMN subscription_item_intervals.subscription IS 'The subscription id.';
COMMENT ON COLUMN subscription_item_intervals.subscription_item IS 'The subscription item id.';
COMMENT ON COLUMN subscription_item_intervals.customer IS 'The subscription''s customer id.';
COMMENT ON COLUMN subscription_item_intervals.currency IS 'The subscription''s currency (lower case): every amount of the row is in it.';
COMMENT ON COLUMN subscription_item_intervals.price IS 'The price (or legacy plan) id.';
COMMENT ON COLUMN subscription_item_intervals.interval IS 'The billing interval: day, week, month or year.';
COMMENT ON COLUMN subscription_item_intervals.interval_count IS 'Intervals per billing period (3 with month: quarterly).';
COMMENT ON COLUMN subscription_item_intervals.quantity IS 'The item''s quantity (1 when it has none).';
COMMENT ON COLUMN subscription_item_intervals.billed_quantity IS 'The quantity billed: quantity after the price''s transform_quantity (divide_by, round).';
COMMENT ON COLUMN subscription_item_intervals.unit_amount IS 'Price per unit and billing period, in minor units of currency (the price''s currency option when the subscription is in another currency).';
COMMENT ON COLUMN subscription_item_intervals.period_months IS 'Months in one billing period: interval_count times 1 (month), 12 (year), 12/52 (week) or 12/365 (day).';
COMMENT ON COLUMN subscription_item_intervals.monthly_amount IS 'Gross MRR of the item, before discounts: unit_amount * billed_quantity / period_months, in minor units; NULL when excluded.';
COMMENT ON COLUMN subscription_item_intervals.excluded IS 'Why the item counts for nothing, or NULL: incomplete, paused, unknown_price, metered, tiered, not_recurring, no_amount.';
COMMENT ON COLUMN subscription_item_intervals.valid_from IS 'From when the item counts: the subscription''s start (the item''s creation if added later), or the end of its trial; with history, at the earliest from the version that holds it.';
COMMENT ON COLUMN subscription_item_intervals.valid_to IS 'Until when (exclusive): the subscription''s end or scheduled end (cancel_at), or the item''s removal; with history, at the latest the next version; NULL while it runs.';
COMMENT ON COLUMN subscription_item_intervals.source IS 'history: from a recorded version of the subscription (history mode); current_state: from the rows as they are now.';

CREATE VIEW subscription_items AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    subscription,
    (_raw_data -> 'billing_thresholds'::text) AS billing_thresholds,
    created,
        CASE jsonb_typeof((_raw_data -> 'current_period_end'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'current_period_end'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'current_period_end'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'current_period_end'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS current_period_end,
        CASE jsonb_typeof((_raw_data -> 'current_period_start'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'current_period_start'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'current_period_start'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'current_period_start'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS current_period_start,
    (_raw_data -> 'discounts'::text) AS discounts,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    plan,
    price,
        CASE jsonb_typeof((_raw_data -> 'quantity'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'quantity'::text))::numeric = trunc(((_raw_data -> 'quantity'::text))::numeric)) AND ((((_raw_data -> 'quantity'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'quantity'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'quantity'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS quantity,
    (_raw_data -> 'tax_rates'::text) AS tax_rates,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode
   FROM _raw_subscription_items t;
COMMENT ON VIEW subscription_items IS 'Stripe subscription_item objects, children of subscription (its id in column subscription). Subscription items allow you to create customer subscriptions with more than one plan, making it easy to represent complex billing relationships.';
COMMENT ON COLUMN subscription_items.subscription IS 'Id of the parent subscription; set by the write path.';
COMMENT ON COLUMN subscription_items.billing_thresholds IS 'Define thresholds at which an invoice will be sent, and the related subscription advanced to a new billing period';
COMMENT ON COLUMN subscription_items.created IS 'Time at which the object was created.';
COMMENT ON COLUMN subscription_items.current_period_end IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN subscription_items.current_period_start IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN subscription_items.discounts IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN subscription_items.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN subscription_items.object IS 'String representing the object''s type.';
COMMENT ON COLUMN subscription_items.plan IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN subscription_items.quantity IS 'The quantity of the plan to which the customer should be subscribed.';
COMMENT ON COLUMN subscription_items.tax_rates IS 'The tax rates which apply to this `subscription_item`.';
COMMENT ON COLUMN subscription_items.livemode IS 'Live mode (true) or test mode (false): Stripe leaves it out of these objects, so it is the mode of the key or event that wrote the row (NULL: not said).';

CREATE VIEW subscription_schedules AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
    (_raw_data -> 'billing_mode'::text) AS billing_mode,
        CASE jsonb_typeof((_raw_data -> 'canceled_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'canceled_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'canceled_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'canceled_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS canceled_at,
        CASE jsonb_typeof((_raw_data -> 'completed_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'completed_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'completed_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'completed_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS completed_at,
    created,
    (_raw_data -> 'current_phase'::text) AS current_phase,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
    (_raw_data -> 'default_settings'::text) AS default_settings,
    (_raw_data ->> 'end_behavior'::text) AS end_behavior,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'phases'::text) AS phases,
        CASE jsonb_typeof((_raw_data -> 'released_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'released_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'released_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'released_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS released_at,
    (_raw_data ->> 'released_subscription'::text) AS released_subscription,
    (_raw_data ->> 'status'::text) AS status,
    subscription,
        CASE jsonb_typeof((_raw_data -> 'test_clock'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'test_clock'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'test_clock'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'test_clock'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS test_clock
   FROM _raw_subscription_schedules t;
COMMENT ON VIEW subscription_schedules IS 'Stripe subscription_schedule objects. A subscription schedule allows you to create and manage the lifecycle of a subscription by predefining expected changes.';
COMMENT ON COLUMN subscription_schedules.application IS 'ID of the Connect Application that created the schedule.';
COMMENT ON COLUMN subscription_schedules.billing_mode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN subscription_schedules.canceled_at IS 'Time at which the subscription schedule was canceled.';
COMMENT ON COLUMN subscription_schedules.completed_at IS 'Time at which the subscription schedule was completed.';
COMMENT ON COLUMN subscription_schedules.created IS 'Time at which the object was created.';
COMMENT ON COLUMN subscription_schedules.current_phase IS 'Object representing the start and end dates for the current phase of the subscription schedule, if it is `active`.';
COMMENT ON COLUMN subscription_schedules.customer IS 'ID of the customer who owns the subscription schedule.';
COMMENT ON COLUMN subscription_schedules.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN subscription_schedules.end_behavior IS 'Behavior of the subscription schedule and underlying subscription when it ends.';
COMMENT ON COLUMN subscription_schedules.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN subscription_schedules.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN subscription_schedules.object IS 'String representing the object''s type.';
COMMENT ON COLUMN subscription_schedules.phases IS 'Configuration for the subscription schedule''s phases.';
COMMENT ON COLUMN subscription_schedules.released_at IS 'Time at which the subscription schedule was released.';
COMMENT ON COLUMN subscription_schedules.released_subscription IS 'ID of the subscription once managed by the subscription schedule (if it is released).';
COMMENT ON COLUMN subscription_schedules.status IS 'The present status of the subscription schedule.';
COMMENT ON COLUMN subscription_schedules.subscription IS 'ID of the subscription managed by the subscription schedule.';
COMMENT ON COLUMN subscription_schedules.test_clock IS 'ID of the test clock this subscription schedule belongs to.';

CREATE VIEW subscriptions AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'application'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'application'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'application'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'application'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS application,
        CASE jsonb_typeof((_raw_data -> 'application_fee_percent'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'application_fee_percent'::text))::numeric
            ELSE NULL::numeric
        END AS application_fee_percent,
    (_raw_data -> 'automatic_tax'::text) AS automatic_tax,
        CASE jsonb_typeof((_raw_data -> 'billing_cycle_anchor'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'billing_cycle_anchor'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'billing_cycle_anchor'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'billing_cycle_anchor'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS billing_cycle_anchor,
    (_raw_data -> 'billing_cycle_anchor_config'::text) AS billing_cycle_anchor_config,
    (_raw_data -> 'billing_mode'::text) AS billing_mode,
    (_raw_data -> 'billing_schedules'::text) AS billing_schedules,
    (_raw_data -> 'billing_thresholds'::text) AS billing_thresholds,
        CASE jsonb_typeof((_raw_data -> 'cancel_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'cancel_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'cancel_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'cancel_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS cancel_at,
        CASE jsonb_typeof((_raw_data -> 'cancel_at_period_end'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'cancel_at_period_end'::text))::boolean
            ELSE NULL::boolean
        END AS cancel_at_period_end,
        CASE jsonb_typeof((_raw_data -> 'canceled_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'canceled_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'canceled_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'canceled_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS canceled_at,
    (_raw_data -> 'cancellation_details'::text) AS cancellation_details,
    (_raw_data ->> 'collection_method'::text) AS collection_method,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
        CASE jsonb_typeof((_raw_data -> 'current_period_end'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'current_period_end'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'current_period_end'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'current_period_end'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS current_period_end,
        CASE jsonb_typeof((_raw_data -> 'current_period_start'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'current_period_start'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'current_period_start'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'current_period_start'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS current_period_start,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
        CASE jsonb_typeof((_raw_data -> 'days_until_due'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'days_until_due'::text))::numeric = trunc(((_raw_data -> 'days_until_due'::text))::numeric)) AND ((((_raw_data -> 'days_until_due'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'days_until_due'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'days_until_due'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS days_until_due,
    default_payment_method,
        CASE jsonb_typeof((_raw_data -> 'default_source'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'default_source'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'default_source'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'default_source'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS default_source,
    (_raw_data -> 'default_tax_rates'::text) AS default_tax_rates,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'discount'::text) AS discount,
    (_raw_data -> 'discounts'::text) AS discounts,
        CASE jsonb_typeof((_raw_data -> 'ended_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'ended_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'ended_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'ended_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS ended_at,
    (_raw_data -> 'invoice_settings'::text) AS invoice_settings,
    (_raw_data -> 'items'::text) AS items,
    latest_invoice,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'managed_payments'::text) AS managed_payments,
    (_raw_data -> 'metadata'::text) AS metadata,
        CASE jsonb_typeof((_raw_data -> 'next_pending_invoice_item_invoice'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'next_pending_invoice_item_invoice'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'next_pending_invoice_item_invoice'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'next_pending_invoice_item_invoice'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS next_pending_invoice_item_invoice,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'on_behalf_of'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'on_behalf_of'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'on_behalf_of'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'on_behalf_of'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS on_behalf_of,
    (_raw_data -> 'pause_collection'::text) AS pause_collection,
    (_raw_data -> 'payment_settings'::text) AS payment_settings,
    (_raw_data -> 'pending_invoice_item_interval'::text) AS pending_invoice_item_interval,
        CASE jsonb_typeof((_raw_data -> 'pending_setup_intent'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'pending_setup_intent'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'pending_setup_intent'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'pending_setup_intent'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS pending_setup_intent,
    (_raw_data -> 'pending_update'::text) AS pending_update,
    schedule,
        CASE jsonb_typeof((_raw_data -> 'start_date'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'start_date'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'start_date'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'start_date'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS start_date,
    (_raw_data ->> 'status'::text) AS status,
        CASE jsonb_typeof((_raw_data -> 'test_clock'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'test_clock'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'test_clock'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'test_clock'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS test_clock,
    (_raw_data -> 'transfer_data'::text) AS transfer_data,
        CASE jsonb_typeof((_raw_data -> 'trial_end'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'trial_end'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'trial_end'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'trial_end'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS trial_end,
    (_raw_data -> 'trial_settings'::text) AS trial_settings,
        CASE jsonb_typeof((_raw_data -> 'trial_start'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'trial_start'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'trial_start'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'trial_start'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS trial_start
   FROM _raw_subscriptions t;
COMMENT ON VIEW subscriptions IS 'Stripe subscription objects. Subscriptions allow you to charge a customer on a recurring basis.';
COMMENT ON COLUMN subscriptions.application IS 'ID of the Connect Application that created the subscription.';
COMMENT ON COLUMN subscriptions.application_fee_percent IS 'A non-negative decimal between 0 and 100, with at most two decimal places.';
COMMENT ON COLUMN subscriptions.billing_cycle_anchor IS 'Determines the date of the first full invoice, and, for plans with `month` or `year` intervals, the day of the month for subsequent invoices.';
COMMENT ON COLUMN subscriptions.billing_cycle_anchor_config IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN subscriptions.billing_mode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN subscriptions.billing_schedules IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN subscriptions.billing_thresholds IS 'Define thresholds at which an invoice will be sent, and the subscription advanced to a new billing period';
COMMENT ON COLUMN subscriptions.cancel_at IS 'A date in the future at which the subscription will automatically get canceled';
COMMENT ON COLUMN subscriptions.cancel_at_period_end IS 'If the subscription has been canceled with the `at_period_end` flag set to `true`, `cancel_at_period_end` on the subscription will be true.';
COMMENT ON COLUMN subscriptions.canceled_at IS 'If the subscription has been canceled, the date of that cancellation.';
COMMENT ON COLUMN subscriptions.cancellation_details IS 'Details about why this subscription was cancelled';
COMMENT ON COLUMN subscriptions.collection_method IS 'Either `charge_automatically`, or `send_invoice`.';
COMMENT ON COLUMN subscriptions.created IS 'Time at which the object was created.';
COMMENT ON COLUMN subscriptions.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN subscriptions.current_period_end IS 'End of the current period that the subscription has been invoiced for.';
COMMENT ON COLUMN subscriptions.current_period_start IS 'Start of the current period that the subscription has been invoiced for.';
COMMENT ON COLUMN subscriptions.customer IS 'ID of the customer who owns the subscription.';
COMMENT ON COLUMN subscriptions.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN subscriptions.days_until_due IS 'Number of days a customer has to pay invoices generated by this subscription.';
COMMENT ON COLUMN subscriptions.default_payment_method IS 'ID of the default payment method for the subscription.';
COMMENT ON COLUMN subscriptions.default_source IS 'ID of the default payment source for the subscription.';
COMMENT ON COLUMN subscriptions.default_tax_rates IS 'The tax rates that will apply to any subscription item that does not have `tax_rates` set.';
COMMENT ON COLUMN subscriptions.description IS 'The subscription''s description, meant to be displayable to the customer.';
COMMENT ON COLUMN subscriptions.discount IS 'Describes the current discount applied to this subscription, if there is one.';
COMMENT ON COLUMN subscriptions.discounts IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN subscriptions.ended_at IS 'If the subscription has ended, the date the subscription ended.';
COMMENT ON COLUMN subscriptions.invoice_settings IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN subscriptions.items IS 'List of subscription items, each with an attached price.';
COMMENT ON COLUMN subscriptions.latest_invoice IS 'The most recent invoice this subscription has generated.';
COMMENT ON COLUMN subscriptions.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN subscriptions.managed_payments IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN subscriptions.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN subscriptions.next_pending_invoice_item_invoice IS 'Specifies the approximate timestamp on which any pending invoice items will be billed according to the schedule provided at `pending_invoice_item_interval`.';
COMMENT ON COLUMN subscriptions.object IS 'String representing the object''s type.';
COMMENT ON COLUMN subscriptions.on_behalf_of IS 'The account (if any) the charge was made on behalf of for charges associated with this subscription.';
COMMENT ON COLUMN subscriptions.pause_collection IS 'If specified, payment collection for this subscription will be paused.';
COMMENT ON COLUMN subscriptions.payment_settings IS 'Payment settings passed on to invoices created by the subscription.';
COMMENT ON COLUMN subscriptions.pending_invoice_item_interval IS 'Specifies an interval for how often to bill for any pending invoice items.';
COMMENT ON COLUMN subscriptions.pending_setup_intent IS 'You can use this SetupIntent to collect user authentication when creating a subscription without immediate payment or updating a subscription''s payment method, allowing you to optimize for off-sess...';
COMMENT ON COLUMN subscriptions.pending_update IS 'If specified, pending updates that will be applied to the subscription once the `latest_invoice` has been paid.';
COMMENT ON COLUMN subscriptions.schedule IS 'The schedule attached to the subscription';
COMMENT ON COLUMN subscriptions.start_date IS 'Date when the subscription was first created.';
COMMENT ON COLUMN subscriptions.status IS 'Possible values are `incomplete`, `incomplete_expired`, `trialing`, `active`, `past_due`, `canceled`, or `unpaid`.';
COMMENT ON COLUMN subscriptions.test_clock IS 'ID of the test clock this subscription belongs to.';
COMMENT ON COLUMN subscriptions.transfer_data IS 'The account (if any) the subscription''s payments will be attributed to for tax reporting, and where funds from each payment will be transferred to for each of the subscription''s invoices.';
COMMENT ON COLUMN subscriptions.trial_end IS 'If the subscription has a trial, the end of that trial.';
COMMENT ON COLUMN subscriptions.trial_settings IS 'Settings related to subscription trials.';
COMMENT ON COLUMN subscriptions.trial_start IS 'If the subscription has a trial, the beginning of that trial.';

CREATE VIEW sync_lag AS
 WITH events AS (
         SELECT e_1.account_id,
            _object_name(e_1.object_type) AS object,
            max(e_1.created) AS last_event_created,
            max(e_1.processed_at) AS last_event_processed_at
           FROM _processed_events e_1
          WHERE (e_1.object_type IS NOT NULL)
          GROUP BY e_1.account_id, (_object_name(e_1.object_type))
        ), run_objects AS (
         SELECT w.account_id,
            w.mode,
            w.object,
            w.run_id,
            bool_and((w.status = 'complete'::text)) AS complete,
            max(w.completed_at) AS completed_at,
            bool_or(((w.status = ANY (ARRAY['pending'::text, 'running'::text])) AND (w.superseded_by IS NULL))) AS open
           FROM _sync_obj_runs w
          GROUP BY w.account_id, w.mode, w.object, w.run_id
        ), backfills AS (
         SELECT r.account_id,
            r.mode,
            r.object,
            max(r.completed_at) FILTER (WHERE r.complete) AS last_backfill_completed_at,
            bool_or(r.open) AS backfill_running
           FROM run_objects r
          GROUP BY r.account_id, r.mode, r.object
        ), failing AS (
         SELECT w.account_id,
            w.mode,
            w.object,
            count(*) AS failing_windows,
            (array_agg(w.error_message ORDER BY w.updated_at DESC))[1] AS last_error
           FROM _sync_obj_runs w
          WHERE ((w.status = 'error'::text) AND (w.superseded_by IS NULL))
          GROUP BY w.account_id, w.mode, w.object
        ), backfilled AS (
         SELECT run_objects.account_id,
            run_objects.mode,
            run_objects.object
           FROM run_objects
        UNION
         SELECT _backfill_cursors.account_id,
            _backfill_cursors.mode,
            _backfill_cursors.object
           FROM _backfill_cursors
        ), keys AS (
         SELECT k_1.account_id,
            k_1.mode,
            k_1.object
           FROM backfilled k_1
          WHERE ((k_1.mode <> 'unknown'::text) OR (NOT (EXISTS ( SELECT 1
                   FROM backfilled m
                  WHERE ((m.account_id = k_1.account_id) AND (m.object = k_1.object) AND (m.mode <> 'unknown'::text))))) OR (EXISTS ( SELECT 1
                   FROM _backfill_cursors c_1
                  WHERE ((c_1.account_id = k_1.account_id) AND (c_1.object = k_1.object) AND (c_1.mode = 'unknown'::text)))) OR (EXISTS ( SELECT 1
                   FROM run_objects r
                  WHERE ((r.account_id = k_1.account_id) AND (r.object = k_1.object) AND (r.mode = 'unknown'::text) AND r.open))) OR (EXISTS ( SELECT 1
                   FROM failing f_1
                  WHERE ((f_1.account_id = k_1.account_id) AND (f_1.object = k_1.object) AND (f_1.mode = 'unknown'::text)))))
        UNION ALL
         SELECT e_1.account_id,
            'unknown'::text,
            e_1.object
           FROM events e_1
          WHERE (NOT (EXISTS ( SELECT 1
                   FROM backfilled k_1
                  WHERE ((k_1.account_id = e_1.account_id) AND (k_1.object = e_1.object)))))
        )
 SELECT k.account_id,
    k.object,
    e.last_event_created,
    e.last_event_processed_at,
    (EXTRACT(epoch FROM (now() - e.last_event_created)))::double precision AS seconds_behind,
    b.last_backfill_completed_at,
    c.listed_until AS backfill_listed_until,
    COALESCE(b.backfill_running, false) AS backfill_running,
    COALESCE(f.failing_windows, (0)::bigint) AS failing_windows,
    f.last_error,
    k.mode
   FROM ((((keys k
     LEFT JOIN events e USING (account_id, object))
     LEFT JOIN backfills b USING (account_id, mode, object))
     LEFT JOIN _backfill_cursors c USING (account_id, mode, object))
     LEFT JOIN failing f USING (account_id, mode, object));
COMMENT ON VIEW sync_lag IS 'Per account, object and mode: last complete backfill, incremental cursor and failing windows of that mode; newest event applied (of either mode) and how long ago it was created.';

CREATE VIEW sync_obj_progress AS
 SELECT account_id,
    run_id,
    object,
        CASE
            WHEN (count(*) FILTER (WHERE ((status = ANY (ARRAY['pending'::text, 'running'::text])) AND (superseded_by IS NULL))) > 0) THEN 'running'::text
            WHEN (count(*) FILTER (WHERE (status <> 'complete'::text)) > 0) THEN 'error'::text
            ELSE 'complete'::text
        END AS status,
    (sum(processed_count))::bigint AS processed_count,
    count(*) AS window_count,
    count(*) FILTER (WHERE (status = 'complete'::text)) AS complete_count,
    count(*) FILTER (WHERE ((status = 'error'::text) AND (superseded_by IS NULL))) AS error_count,
    count(*) FILTER (WHERE ((status = 'running'::text) AND (superseded_by IS NULL))) AS running_count,
    count(*) FILTER (WHERE ((status = 'pending'::text) AND (superseded_by IS NULL))) AS pending_count,
    round(((100.0 * (count(*) FILTER (WHERE (status = 'complete'::text)))::numeric) / (count(*))::numeric), 1) AS pct_windows_complete,
    min(started_at) AS started_at,
    max(updated_at) AS updated_at,
    (array_agg(error_message ORDER BY o.updated_at DESC) FILTER (WHERE (error_message IS NOT NULL)))[1] AS last_error,
    count(*) FILTER (WHERE (superseded_by IS NOT NULL)) AS carried_count
   FROM _sync_obj_runs o
  GROUP BY account_id, run_id, object;
COMMENT ON VIEW sync_obj_progress IS 'Per run and object: windows by status (carried: continued by a later run), rows processed, last error.';

CREATE VIEW sync_runs AS
 SELECT r.account_id,
    r.started_at,
    r.closed_at,
    r.status,
    (COALESCE(sum(o.processed_count), (0)::numeric))::bigint AS total_processed,
    count(*) FILTER (WHERE (o.status = 'complete'::text)) AS complete_count,
    count(*) FILTER (WHERE ((o.status = 'error'::text) AND (o.superseded_by IS NULL))) AS error_count,
    count(*) FILTER (WHERE ((o.status = 'running'::text) AND (o.superseded_by IS NULL))) AS running_count,
    count(*) FILTER (WHERE ((o.status = 'pending'::text) AND (o.superseded_by IS NULL))) AS pending_count,
    r.id AS run_id,
    r.objects,
    r.error_message,
    count(*) FILTER (WHERE (o.superseded_by IS NOT NULL)) AS carried_count,
    r.mode
   FROM (_sync_runs r
     LEFT JOIN _sync_obj_runs o ON ((o.run_id = r.id)))
  GROUP BY r.id;
COMMENT ON VIEW sync_runs IS 'Backfill runs with their mode and counts of their windows by status (carried: unfinished windows continued by a later run).';

CREATE VIEW sync_status AS
 WITH RECURSIVE keys AS (
        ( SELECT w.account_id,
            w.object,
            w.mode
           FROM _sync_obj_runs w
          ORDER BY w.account_id, w.object, w.mode
         LIMIT 1)
        UNION ALL
         SELECT n.account_id,
            n.object,
            n.mode
           FROM (keys p_1
             CROSS JOIN LATERAL ( SELECT w.account_id,
                    w.object,
                    w.mode
                   FROM _sync_obj_runs w
                  WHERE (ROW(w.account_id, w.object, w.mode) > ROW(p_1.account_id, p_1.object, p_1.mode))
                  ORDER BY w.account_id, w.object, w.mode
                 LIMIT 1) n)
        ), unfinished AS (
         SELECT w.account_id,
            w.object,
            w.mode,
            w.status,
            w.updated_at,
            (r.status = 'running'::text) AS run_open,
            COALESCE((w.claimed_until > now()), false) AS leased,
            COALESCE(w.error_message, r.error_message) AS error_message
           FROM (_sync_obj_runs w
             JOIN _sync_runs r ON ((r.id = w.run_id)))
          WHERE ((w.status <> 'complete'::text) AND (w.superseded_by IS NULL))
        ), failing AS (
         SELECT unfinished.account_id,
            unfinished.object,
            unfinished.mode,
            unfinished.status,
            unfinished.updated_at,
            unfinished.run_open,
            unfinished.leased,
            unfinished.error_message,
            ((unfinished.status = 'error'::text) OR (NOT unfinished.run_open)) AS failed
           FROM unfinished
        ), open_state AS (
         SELECT failing.account_id,
            failing.object,
            failing.mode,
            bool_or((failing.run_open AND (failing.status = 'running'::text) AND failing.leased)) AS running,
            bool_or((failing.run_open AND (failing.status = ANY (ARRAY['pending'::text, 'running'::text])))) AS queued,
            count(*) FILTER (WHERE failing.failed) AS error_count,
            (array_agg(failing.error_message ORDER BY failing.updated_at DESC) FILTER (WHERE failing.failed))[1] AS error_message
           FROM failing
          GROUP BY failing.account_id, failing.object, failing.mode
        )
 SELECT p.account_id,
    p.object AS resource,
        CASE
            WHEN o.running THEN 'running'::text
            WHEN o.queued THEN 'queued'::text
            WHEN (o.error_count > 0) THEN 'error'::text
            ELSE 'complete'::text
        END AS status,
    c.listed_until AS last_incremental_cursor,
    ( SELECT max(w.completed_at) AS max
           FROM _sync_obj_runs w
          WHERE ((w.account_id = p.account_id) AND (w.object = p.object) AND (w.mode = p.mode))) AS last_synced_at,
    o.error_message,
    COALESCE(o.error_count, (0)::bigint) AS error_count,
    ( SELECT max(w.run_id) AS max
           FROM _sync_obj_runs w
          WHERE ((w.account_id = p.account_id) AND (w.object = p.object) AND (w.mode = p.mode))) AS run_id,
    ( SELECT max(w.updated_at) AS max
           FROM _sync_obj_runs w
          WHERE ((w.account_id = p.account_id) AND (w.object = p.object) AND (w.mode = p.mode))) AS updated_at,
    p.mode
   FROM ((keys p
     LEFT JOIN open_state o USING (account_id, object, mode))
     LEFT JOIN _backfill_cursors c USING (account_id, mode, object))
  WHERE ((p.mode <> 'unknown'::text) OR (o.account_id IS NOT NULL) OR (c.account_id IS NOT NULL) OR (NOT (EXISTS ( SELECT 1
           FROM _sync_obj_runs w
          WHERE ((w.account_id = p.account_id) AND (w.object = p.object) AND (w.mode = ANY (ARRAY['live'::text, 'test'::text])))))));
COMMENT ON VIEW sync_status IS 'Per account, resource and mode: backfill status (queued, running, complete, error), the last incremental cursor, and the failure that the next run retries.';

CREATE VIEW tax_ids AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data ->> 'country'::text) AS country,
    created,
    customer,
    (_raw_data -> 'customer_account'::text) AS customer_account,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'owner'::text) AS owner,
    (_raw_data ->> 'type'::text) AS type,
    (_raw_data ->> 'value'::text) AS value,
    (_raw_data -> 'verification'::text) AS verification
   FROM _raw_tax_ids t;
COMMENT ON VIEW tax_ids IS 'Stripe tax_id objects. You can add one or multiple tax IDs to a customer.';
COMMENT ON COLUMN tax_ids.country IS 'Two-letter ISO code representing the country of the tax ID.';
COMMENT ON COLUMN tax_ids.created IS 'Time at which the object was created.';
COMMENT ON COLUMN tax_ids.customer IS 'ID of the customer.';
COMMENT ON COLUMN tax_ids.customer_account IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN tax_ids.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN tax_ids.object IS 'String representing the object''s type.';
COMMENT ON COLUMN tax_ids.owner IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN tax_ids.type IS 'Type of the tax ID, one of `ad_nrt`, `ae_trn`, `ar_cuit`, `au_abn`, `au_arn`, `bg_uic`, `bo_tin`, `br_cnpj`, `br_cpf`, `ca_bn`, `ca_gst_hst`, `ca_pst_bc`, `ca_pst_mb`, `ca_pst_sk`, `ca_qst`, `ch_va...';
COMMENT ON COLUMN tax_ids.value IS 'Value of the tax ID.';
COMMENT ON COLUMN tax_ids.verification IS 'Tax ID verification information.';

CREATE VIEW tax_locations AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'address'::text) AS address,
    (_raw_data ->> 'description'::text) AS description,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'type'::text) AS type
   FROM _raw_tax_locations t;
COMMENT ON VIEW tax_locations IS 'Stripe tax.location objects.';

CREATE VIEW tax_rates AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'active'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'active'::text))::boolean
            ELSE NULL::boolean
        END AS active,
    (_raw_data ->> 'country'::text) AS country,
    created,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data ->> 'display_name'::text) AS display_name,
        CASE jsonb_typeof((_raw_data -> 'effective_percentage'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'effective_percentage'::text))::numeric
            ELSE NULL::numeric
        END AS effective_percentage,
    (_raw_data -> 'flat_amount'::text) AS flat_amount,
        CASE jsonb_typeof((_raw_data -> 'inclusive'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'inclusive'::text))::boolean
            ELSE NULL::boolean
        END AS inclusive,
    (_raw_data ->> 'jurisdiction'::text) AS jurisdiction,
    (_raw_data -> 'jurisdiction_level'::text) AS jurisdiction_level,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'percentage'::text))
            WHEN 'number'::text THEN ((_raw_data -> 'percentage'::text))::numeric
            ELSE NULL::numeric
        END AS percentage,
    (_raw_data -> 'rate_type'::text) AS rate_type,
    (_raw_data ->> 'state'::text) AS state,
    (_raw_data ->> 'tax_type'::text) AS tax_type
   FROM _raw_tax_rates t;
COMMENT ON VIEW tax_rates IS 'Stripe tax_rate objects. Tax rates can be applied to invoices, subscriptions and Checkout Sessions to collect tax.';
COMMENT ON COLUMN tax_rates.active IS 'Defaults to `true`.';
COMMENT ON COLUMN tax_rates.country IS 'Two-letter country code (ISO 3166-1 alpha-2).';
COMMENT ON COLUMN tax_rates.created IS 'Time at which the object was created.';
COMMENT ON COLUMN tax_rates.description IS 'An arbitrary string attached to the tax rate for your internal use only.';
COMMENT ON COLUMN tax_rates.display_name IS 'The display name of the tax rates as it will appear to your customer on their receipt email, PDF, and the hosted invoice page.';
COMMENT ON COLUMN tax_rates.effective_percentage IS 'Actual/effective tax rate percentage out of 100.';
COMMENT ON COLUMN tax_rates.flat_amount IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN tax_rates.inclusive IS 'This specifies if the tax rate is inclusive or exclusive.';
COMMENT ON COLUMN tax_rates.jurisdiction IS 'The jurisdiction for the tax rate.';
COMMENT ON COLUMN tax_rates.jurisdiction_level IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN tax_rates.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN tax_rates.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN tax_rates.object IS 'String representing the object''s type.';
COMMENT ON COLUMN tax_rates.percentage IS 'Tax rate percentage out of 100.';
COMMENT ON COLUMN tax_rates.rate_type IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN tax_rates.state IS 'ISO 3166-2 subdivision code, without country prefix.';
COMMENT ON COLUMN tax_rates.tax_type IS 'The high-level tax type, such as `vat` or `sales_tax`.';

CREATE VIEW tax_registrations AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'active_from'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'active_from'::text))::numeric = trunc(((_raw_data -> 'active_from'::text))::numeric)) AND ((((_raw_data -> 'active_from'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'active_from'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'active_from'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS active_from,
    (_raw_data ->> 'country'::text) AS country,
    (_raw_data -> 'country_options'::text) AS country_options,
    created,
        CASE jsonb_typeof((_raw_data -> 'expires_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'expires_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'expires_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'expires_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS expires_at,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'status'::text) AS status
   FROM _raw_tax_registrations t;
COMMENT ON VIEW tax_registrations IS 'Stripe tax.registration objects.';
COMMENT ON COLUMN tax_registrations.active_from IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN tax_registrations.country IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN tax_registrations.country_options IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN tax_registrations.created IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN tax_registrations.expires_at IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN tax_registrations.livemode IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN tax_registrations.object IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN tax_registrations.status IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW terminal_configurations AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'bbpos_wisepos_e'::text) AS bbpos_wisepos_e,
        CASE jsonb_typeof((_raw_data -> 'is_account_default'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'is_account_default'::text))::boolean
            ELSE NULL::boolean
        END AS is_account_default,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'name'::text) AS name,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'tipping'::text) AS tipping,
    (_raw_data -> 'verifone_p400'::text) AS verifone_p400
   FROM _raw_terminal_configurations t;
COMMENT ON VIEW terminal_configurations IS 'Stripe terminal.configuration objects. A Configurations object represents how features should be configured for terminal readers.';
COMMENT ON COLUMN terminal_configurations.is_account_default IS 'Whether this Configuration is the default for your account';
COMMENT ON COLUMN terminal_configurations.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN terminal_configurations.name IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN terminal_configurations.object IS 'String representing the object''s type.';

CREATE VIEW terminal_locations AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'address'::text) AS address,
    (_raw_data ->> 'configuration_overrides'::text) AS configuration_overrides,
    (_raw_data ->> 'display_name'::text) AS display_name,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object
   FROM _raw_terminal_locations t;
COMMENT ON VIEW terminal_locations IS 'Stripe terminal.location objects. A Location represents a grouping of readers.';
COMMENT ON COLUMN terminal_locations.configuration_overrides IS 'The ID of a configuration that will be used to customize all readers in this location.';
COMMENT ON COLUMN terminal_locations.display_name IS 'The display name of the location.';
COMMENT ON COLUMN terminal_locations.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN terminal_locations.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN terminal_locations.object IS 'String representing the object''s type.';

CREATE VIEW terminal_readers AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'action'::text) AS action,
    (_raw_data ->> 'device_sw_version'::text) AS device_sw_version,
    (_raw_data ->> 'device_type'::text) AS device_type,
    (_raw_data ->> 'ip_address'::text) AS ip_address,
    (_raw_data ->> 'label'::text) AS label,
        CASE jsonb_typeof((_raw_data -> 'last_seen_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'last_seen_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'last_seen_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'last_seen_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS last_seen_at,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    location,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'serial_number'::text) AS serial_number,
    (_raw_data ->> 'status'::text) AS status
   FROM _raw_terminal_readers t;
COMMENT ON VIEW terminal_readers IS 'Stripe terminal.reader objects. A Reader represents a physical device for accepting payment details.';
COMMENT ON COLUMN terminal_readers.action IS 'The most recent action performed by the reader.';
COMMENT ON COLUMN terminal_readers.device_sw_version IS 'The current software version of the reader.';
COMMENT ON COLUMN terminal_readers.device_type IS 'Type of reader, one of `bbpos_wisepad3`, `stripe_m2`, `bbpos_chipper2x`, `bbpos_wisepos_e`, `verifone_P400`, or `simulated_wisepos_e`.';
COMMENT ON COLUMN terminal_readers.ip_address IS 'The local IP address of the reader.';
COMMENT ON COLUMN terminal_readers.label IS 'Custom label given to the reader for easier identification.';
COMMENT ON COLUMN terminal_readers.last_seen_at IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN terminal_readers.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN terminal_readers.location IS 'The location identifier of the reader.';
COMMENT ON COLUMN terminal_readers.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN terminal_readers.object IS 'String representing the object''s type.';
COMMENT ON COLUMN terminal_readers.serial_number IS 'Serial number of the reader.';
COMMENT ON COLUMN terminal_readers.status IS 'The networking status of the reader.';

CREATE VIEW test_helpers_test_clocks AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    created,
        CASE jsonb_typeof((_raw_data -> 'deletes_after'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'deletes_after'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'deletes_after'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'deletes_after'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS deletes_after,
        CASE jsonb_typeof((_raw_data -> 'frozen_time'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'frozen_time'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'frozen_time'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'frozen_time'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS frozen_time,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'name'::text) AS name,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_details'::text) AS status_details
   FROM _raw_test_helpers_test_clocks t;
COMMENT ON VIEW test_helpers_test_clocks IS 'Stripe test_helpers.test_clock objects. A test clock enables deterministic control over objects in testmode.';
COMMENT ON COLUMN test_helpers_test_clocks.created IS 'Time at which the object was created.';
COMMENT ON COLUMN test_helpers_test_clocks.deletes_after IS 'Time at which this clock is scheduled to auto delete.';
COMMENT ON COLUMN test_helpers_test_clocks.frozen_time IS 'Time at which all objects belonging to this clock are frozen.';
COMMENT ON COLUMN test_helpers_test_clocks.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN test_helpers_test_clocks.name IS 'The custom name supplied at creation.';
COMMENT ON COLUMN test_helpers_test_clocks.object IS 'String representing the object''s type.';
COMMENT ON COLUMN test_helpers_test_clocks.status IS 'The status of the Test Clock.';
COMMENT ON COLUMN test_helpers_test_clocks.status_details IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE VIEW three_d_secure_authentications AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'acquirer_details'::text) AS acquirer_details,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    (_raw_data ->> 'challenge_url'::text) AS challenge_url,
    (_raw_data -> 'channel'::text) AS channel,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'directory_server'::text) AS directory_server,
    (_raw_data ->> 'fingerprinting_url'::text) AS fingerprinting_url,
    (_raw_data -> 'flow_preference'::text) AS flow_preference,
    (_raw_data -> 'future_usage'::text) AS future_usage,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'message_category'::text) AS message_category,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'outcome'::text) AS outcome,
    (_raw_data -> 'outcome_details'::text) AS outcome_details,
    payment_method,
    (_raw_data ->> 'reason'::text) AS reason,
    (_raw_data -> 'shipping_address'::text) AS shipping_address,
    (_raw_data ->> 'status'::text) AS status
   FROM _raw_three_d_secure_authentications t;
COMMENT ON VIEW three_d_secure_authentications IS 'Stripe three_d_secure.authentication objects.';

CREATE VIEW topups AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    balance_transaction,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
        CASE jsonb_typeof((_raw_data -> 'expected_availability_date'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'expected_availability_date'::text))::numeric = trunc(((_raw_data -> 'expected_availability_date'::text))::numeric)) AND ((((_raw_data -> 'expected_availability_date'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'expected_availability_date'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'expected_availability_date'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS expected_availability_date,
    (_raw_data ->> 'failure_code'::text) AS failure_code,
    (_raw_data ->> 'failure_message'::text) AS failure_message,
    (_raw_data -> 'initiated_by'::text) AS initiated_by,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    payment_method,
    (_raw_data -> 'source'::text) AS source,
    (_raw_data ->> 'statement_descriptor'::text) AS statement_descriptor,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data ->> 'transfer_group'::text) AS transfer_group
   FROM _raw_topups t;
COMMENT ON VIEW topups IS 'Stripe topup objects. To top up your Stripe balance, you create a top-up object.';
COMMENT ON COLUMN topups.amount IS 'Amount transferred.';
COMMENT ON COLUMN topups.balance_transaction IS 'ID of the balance transaction that describes the impact of this top-up on your account balance.';
COMMENT ON COLUMN topups.created IS 'Time at which the object was created.';
COMMENT ON COLUMN topups.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN topups.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN topups.expected_availability_date IS 'Date the funds are expected to arrive in your Stripe account for payouts.';
COMMENT ON COLUMN topups.failure_code IS 'Error code explaining reason for top-up failure if available (see the errors section for a list of codes).';
COMMENT ON COLUMN topups.failure_message IS 'Message to user further explaining reason for top-up failure if available.';
COMMENT ON COLUMN topups.initiated_by IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN topups.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN topups.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN topups.object IS 'String representing the object''s type.';
COMMENT ON COLUMN topups.payment_method IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN topups.source IS 'For most Stripe users, the source of every top-up is a bank account.';
COMMENT ON COLUMN topups.statement_descriptor IS 'Extra information about a top-up.';
COMMENT ON COLUMN topups.status IS 'The status of the top-up is either `canceled`, `failed`, `pending`, `reversed`, or `succeeded`.';
COMMENT ON COLUMN topups.transfer_group IS 'A string that identifies this top-up as part of a group.';

CREATE VIEW transfer_reversals AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    balance_transaction,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
        CASE jsonb_typeof((_raw_data -> 'destination_payment_refund'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'destination_payment_refund'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'destination_payment_refund'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'destination_payment_refund'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS destination_payment_refund,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
        CASE jsonb_typeof((_raw_data -> 'source_refund'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'source_refund'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'source_refund'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'source_refund'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS source_refund,
    transfer
   FROM _raw_transfer_reversals t;
COMMENT ON VIEW transfer_reversals IS 'Stripe transfer_reversal objects. Stripe Connect platforms can reverse transfers made to a connected account, either entirely or partially, and can also specify whether to refund any related application fees.';
COMMENT ON COLUMN transfer_reversals.amount IS 'Amount, in cents (or local equivalent).';
COMMENT ON COLUMN transfer_reversals.balance_transaction IS 'Balance transaction that describes the impact on your account balance.';
COMMENT ON COLUMN transfer_reversals.created IS 'Time at which the object was created.';
COMMENT ON COLUMN transfer_reversals.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN transfer_reversals.destination_payment_refund IS 'Linked payment refund for the transfer reversal.';
COMMENT ON COLUMN transfer_reversals.livemode IS 'Whether the object exists in live mode: Stripe leaves it out of these objects, so it is the mode of the key or event that wrote the row (NULL: not said).';
COMMENT ON COLUMN transfer_reversals.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN transfer_reversals.object IS 'String representing the object''s type.';
COMMENT ON COLUMN transfer_reversals.source_refund IS 'ID of the refund responsible for the transfer reversal.';
COMMENT ON COLUMN transfer_reversals.transfer IS 'ID of the transfer that was reversed.';

CREATE VIEW transfers AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
        CASE jsonb_typeof((_raw_data -> 'amount_reversed'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount_reversed'::text))::numeric = trunc(((_raw_data -> 'amount_reversed'::text))::numeric)) AND ((((_raw_data -> 'amount_reversed'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount_reversed'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount_reversed'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount_reversed,
    balance_transaction,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
        CASE jsonb_typeof((_raw_data -> 'destination'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'destination'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'destination'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'destination'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS destination,
        CASE jsonb_typeof((_raw_data -> 'destination_payment'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'destination_payment'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'destination_payment'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'destination_payment'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS destination_payment,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'reversals'::text) AS reversals,
        CASE jsonb_typeof((_raw_data -> 'reversed'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'reversed'::text))::boolean
            ELSE NULL::boolean
        END AS reversed,
        CASE jsonb_typeof((_raw_data -> 'source_transaction'::text))
            WHEN 'string'::text THEN (_raw_data ->> 'source_transaction'::text)
            WHEN 'object'::text THEN
            CASE jsonb_typeof(((_raw_data -> 'source_transaction'::text) -> 'id'::text))
                WHEN 'string'::text THEN ((_raw_data -> 'source_transaction'::text) ->> 'id'::text)
                ELSE NULL::text
            END
            ELSE NULL::text
        END AS source_transaction,
    (_raw_data ->> 'source_type'::text) AS source_type,
    (_raw_data ->> 'transfer_group'::text) AS transfer_group
   FROM _raw_transfers t;
COMMENT ON VIEW transfers IS 'Stripe transfer objects. A `Transfer` object is created when you move funds between Stripe accounts as part of Connect.';
COMMENT ON COLUMN transfers.amount IS 'Amount in cents (or local equivalent) to be transferred.';
COMMENT ON COLUMN transfers.amount_reversed IS 'Amount in cents (or local equivalent) reversed (can be less than the amount attribute on the transfer if a partial reversal was issued).';
COMMENT ON COLUMN transfers.balance_transaction IS 'Balance transaction that describes the impact of this transfer on your account balance.';
COMMENT ON COLUMN transfers.created IS 'Time that this record of the transfer was first created.';
COMMENT ON COLUMN transfers.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN transfers.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN transfers.destination IS 'ID of the Stripe account the transfer was sent to.';
COMMENT ON COLUMN transfers.destination_payment IS 'If the destination is a Stripe account, this will be the ID of the payment that the destination account received for the transfer.';
COMMENT ON COLUMN transfers.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN transfers.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN transfers.object IS 'String representing the object''s type.';
COMMENT ON COLUMN transfers.reversals IS 'A list of reversals that have been applied to the transfer.';
COMMENT ON COLUMN transfers.reversed IS 'Whether the transfer has been fully reversed.';
COMMENT ON COLUMN transfers.source_transaction IS 'ID of the charge or payment that was used to fund the transfer.';
COMMENT ON COLUMN transfers.source_type IS 'The source balance this transfer came from.';
COMMENT ON COLUMN transfers.transfer_group IS 'A string that identifies this transaction as part of a group.';

CREATE VIEW treasury_credit_reversals AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'financial_account'::text) AS financial_account,
    (_raw_data ->> 'hosted_regulatory_receipt_url'::text) AS hosted_regulatory_receipt_url,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'network'::text) AS network,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'received_credit'::text) AS received_credit,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_transitions'::text) AS status_transitions,
    transaction
   FROM _raw_treasury_credit_reversals t;
COMMENT ON VIEW treasury_credit_reversals IS 'Stripe treasury.credit_reversal objects. You can reverse some ReceivedCredits depending on their network and source flow.';
COMMENT ON COLUMN treasury_credit_reversals.amount IS 'Amount (in cents) transferred.';
COMMENT ON COLUMN treasury_credit_reversals.created IS 'Time at which the object was created.';
COMMENT ON COLUMN treasury_credit_reversals.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN treasury_credit_reversals.financial_account IS 'The FinancialAccount to reverse funds from.';
COMMENT ON COLUMN treasury_credit_reversals.hosted_regulatory_receipt_url IS 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.';
COMMENT ON COLUMN treasury_credit_reversals.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN treasury_credit_reversals.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN treasury_credit_reversals.network IS 'The rails used to reverse the funds.';
COMMENT ON COLUMN treasury_credit_reversals.object IS 'String representing the object''s type.';
COMMENT ON COLUMN treasury_credit_reversals.received_credit IS 'The ReceivedCredit being reversed.';
COMMENT ON COLUMN treasury_credit_reversals.status IS 'Status of the CreditReversal';
COMMENT ON COLUMN treasury_credit_reversals.transaction IS 'The Transaction associated with this object.';

CREATE VIEW treasury_debit_reversals AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'financial_account'::text) AS financial_account,
    (_raw_data ->> 'hosted_regulatory_receipt_url'::text) AS hosted_regulatory_receipt_url,
    (_raw_data -> 'linked_flows'::text) AS linked_flows,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'network'::text) AS network,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'received_debit'::text) AS received_debit,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_transitions'::text) AS status_transitions,
    transaction
   FROM _raw_treasury_debit_reversals t;
COMMENT ON VIEW treasury_debit_reversals IS 'Stripe treasury.debit_reversal objects. You can reverse some ReceivedDebits depending on their network and source flow.';
COMMENT ON COLUMN treasury_debit_reversals.amount IS 'Amount (in cents) transferred.';
COMMENT ON COLUMN treasury_debit_reversals.created IS 'Time at which the object was created.';
COMMENT ON COLUMN treasury_debit_reversals.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN treasury_debit_reversals.financial_account IS 'The FinancialAccount to reverse funds from.';
COMMENT ON COLUMN treasury_debit_reversals.hosted_regulatory_receipt_url IS 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.';
COMMENT ON COLUMN treasury_debit_reversals.linked_flows IS 'Other flows linked to a DebitReversal.';
COMMENT ON COLUMN treasury_debit_reversals.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN treasury_debit_reversals.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN treasury_debit_reversals.network IS 'The rails used to reverse the funds.';
COMMENT ON COLUMN treasury_debit_reversals.object IS 'String representing the object''s type.';
COMMENT ON COLUMN treasury_debit_reversals.received_debit IS 'The ReceivedDebit being reversed.';
COMMENT ON COLUMN treasury_debit_reversals.status IS 'Status of the DebitReversal';
COMMENT ON COLUMN treasury_debit_reversals.transaction IS 'The Transaction associated with this object.';

CREATE VIEW treasury_financial_accounts AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'active_features'::text) AS active_features,
    (_raw_data -> 'balance'::text) AS balance,
    (_raw_data ->> 'country'::text) AS country,
    created,
    (_raw_data -> 'features'::text) AS features,
    (_raw_data -> 'financial_addresses'::text) AS financial_addresses,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'pending_features'::text) AS pending_features,
    (_raw_data -> 'platform_restrictions'::text) AS platform_restrictions,
    (_raw_data -> 'restricted_features'::text) AS restricted_features,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_details'::text) AS status_details,
    (_raw_data -> 'supported_currencies'::text) AS supported_currencies
   FROM _raw_treasury_financial_accounts t;
COMMENT ON VIEW treasury_financial_accounts IS 'Stripe treasury.financial_account objects. Stripe Treasury provides users with a container for money called a FinancialAccount that is separate from their Payments balance.';
COMMENT ON COLUMN treasury_financial_accounts.active_features IS 'The array of paths to active Features in the Features hash.';
COMMENT ON COLUMN treasury_financial_accounts.country IS 'Two-letter country code (ISO 3166-1 alpha-2).';
COMMENT ON COLUMN treasury_financial_accounts.created IS 'Time at which the object was created.';
COMMENT ON COLUMN treasury_financial_accounts.financial_addresses IS 'The set of credentials that resolve to a FinancialAccount.';
COMMENT ON COLUMN treasury_financial_accounts.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN treasury_financial_accounts.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN treasury_financial_accounts.object IS 'String representing the object''s type.';
COMMENT ON COLUMN treasury_financial_accounts.pending_features IS 'The array of paths to pending Features in the Features hash.';
COMMENT ON COLUMN treasury_financial_accounts.platform_restrictions IS 'The set of functionalities that the platform can restrict on the FinancialAccount.';
COMMENT ON COLUMN treasury_financial_accounts.restricted_features IS 'The array of paths to restricted Features in the Features hash.';
COMMENT ON COLUMN treasury_financial_accounts.status IS 'The enum specifying what state the account is in.';
COMMENT ON COLUMN treasury_financial_accounts.supported_currencies IS 'The currencies the FinancialAccount can hold a balance in.';

CREATE VIEW treasury_inbound_transfers AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
        CASE jsonb_typeof((_raw_data -> 'cancelable'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'cancelable'::text))::boolean
            ELSE NULL::boolean
        END AS cancelable,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'failure_details'::text) AS failure_details,
    (_raw_data ->> 'financial_account'::text) AS financial_account,
    (_raw_data ->> 'hosted_regulatory_receipt_url'::text) AS hosted_regulatory_receipt_url,
    (_raw_data -> 'linked_flows'::text) AS linked_flows,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'origin_payment_method'::text) AS origin_payment_method,
    (_raw_data -> 'origin_payment_method_details'::text) AS origin_payment_method_details,
        CASE jsonb_typeof((_raw_data -> 'returned'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'returned'::text))::boolean
            ELSE NULL::boolean
        END AS returned,
    (_raw_data ->> 'statement_descriptor'::text) AS statement_descriptor,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_transitions'::text) AS status_transitions,
    transaction
   FROM _raw_treasury_inbound_transfers t;
COMMENT ON VIEW treasury_inbound_transfers IS 'Stripe treasury.inbound_transfer objects. Use InboundTransfers to add funds to your FinancialAccount via a PaymentMethod that is owned by you.';
COMMENT ON COLUMN treasury_inbound_transfers.amount IS 'Amount (in cents) transferred.';
COMMENT ON COLUMN treasury_inbound_transfers.cancelable IS 'Returns `true` if the InboundTransfer is able to be canceled.';
COMMENT ON COLUMN treasury_inbound_transfers.created IS 'Time at which the object was created.';
COMMENT ON COLUMN treasury_inbound_transfers.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN treasury_inbound_transfers.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN treasury_inbound_transfers.failure_details IS 'Details about this InboundTransfer''s failure.';
COMMENT ON COLUMN treasury_inbound_transfers.financial_account IS 'The FinancialAccount that received the funds.';
COMMENT ON COLUMN treasury_inbound_transfers.hosted_regulatory_receipt_url IS 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.';
COMMENT ON COLUMN treasury_inbound_transfers.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN treasury_inbound_transfers.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN treasury_inbound_transfers.object IS 'String representing the object''s type.';
COMMENT ON COLUMN treasury_inbound_transfers.origin_payment_method IS 'The origin payment method to be debited for an InboundTransfer.';
COMMENT ON COLUMN treasury_inbound_transfers.origin_payment_method_details IS 'Details about the PaymentMethod for an InboundTransfer.';
COMMENT ON COLUMN treasury_inbound_transfers.returned IS 'Returns `true` if the funds for an InboundTransfer were returned after the InboundTransfer went to the `succeeded` state.';
COMMENT ON COLUMN treasury_inbound_transfers.statement_descriptor IS 'Statement descriptor shown when funds are debited from the source.';
COMMENT ON COLUMN treasury_inbound_transfers.status IS 'Status of the InboundTransfer: `processing`, `succeeded`, `failed`, and `canceled`.';
COMMENT ON COLUMN treasury_inbound_transfers.transaction IS 'The Transaction associated with this object.';

CREATE VIEW treasury_outbound_payments AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
        CASE jsonb_typeof((_raw_data -> 'cancelable'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'cancelable'::text))::boolean
            ELSE NULL::boolean
        END AS cancelable,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    customer,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data ->> 'destination_payment_method'::text) AS destination_payment_method,
    (_raw_data -> 'destination_payment_method_details'::text) AS destination_payment_method_details,
    (_raw_data -> 'end_user_details'::text) AS end_user_details,
        CASE jsonb_typeof((_raw_data -> 'expected_arrival_date'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'expected_arrival_date'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'expected_arrival_date'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'expected_arrival_date'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS expected_arrival_date,
    (_raw_data ->> 'financial_account'::text) AS financial_account,
    (_raw_data ->> 'hosted_regulatory_receipt_url'::text) AS hosted_regulatory_receipt_url,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'returned_details'::text) AS returned_details,
    (_raw_data ->> 'statement_descriptor'::text) AS statement_descriptor,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_transitions'::text) AS status_transitions,
    (_raw_data -> 'tracking_details'::text) AS tracking_details,
    transaction
   FROM _raw_treasury_outbound_payments t;
COMMENT ON VIEW treasury_outbound_payments IS 'Stripe treasury.outbound_payment objects. Use OutboundPayments to send funds to another party''s external bank account or FinancialAccount.';
COMMENT ON COLUMN treasury_outbound_payments.amount IS 'Amount (in cents) transferred.';
COMMENT ON COLUMN treasury_outbound_payments.cancelable IS 'Returns `true` if the object can be canceled, and `false` otherwise.';
COMMENT ON COLUMN treasury_outbound_payments.created IS 'Time at which the object was created.';
COMMENT ON COLUMN treasury_outbound_payments.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN treasury_outbound_payments.customer IS 'ID of the customer to whom an OutboundPayment is sent.';
COMMENT ON COLUMN treasury_outbound_payments.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN treasury_outbound_payments.destination_payment_method IS 'The PaymentMethod via which an OutboundPayment is sent.';
COMMENT ON COLUMN treasury_outbound_payments.destination_payment_method_details IS 'Details about the PaymentMethod for an OutboundPayment.';
COMMENT ON COLUMN treasury_outbound_payments.end_user_details IS 'Details about the end user.';
COMMENT ON COLUMN treasury_outbound_payments.expected_arrival_date IS 'The date when funds are expected to arrive in the destination account.';
COMMENT ON COLUMN treasury_outbound_payments.financial_account IS 'The FinancialAccount that funds were pulled from.';
COMMENT ON COLUMN treasury_outbound_payments.hosted_regulatory_receipt_url IS 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.';
COMMENT ON COLUMN treasury_outbound_payments.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN treasury_outbound_payments.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN treasury_outbound_payments.object IS 'String representing the object''s type.';
COMMENT ON COLUMN treasury_outbound_payments.returned_details IS 'Details about a returned OutboundPayment.';
COMMENT ON COLUMN treasury_outbound_payments.statement_descriptor IS 'The description that appears on the receiving end for an OutboundPayment (for example, bank statement for external bank transfer).';
COMMENT ON COLUMN treasury_outbound_payments.status IS 'Current status of the OutboundPayment: `processing`, `failed`, `posted`, `returned`, `canceled`.';
COMMENT ON COLUMN treasury_outbound_payments.tracking_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN treasury_outbound_payments.transaction IS 'The Transaction associated with this object.';

CREATE VIEW treasury_outbound_transfers AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
        CASE jsonb_typeof((_raw_data -> 'cancelable'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'cancelable'::text))::boolean
            ELSE NULL::boolean
        END AS cancelable,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data ->> 'destination_payment_method'::text) AS destination_payment_method,
    (_raw_data -> 'destination_payment_method_details'::text) AS destination_payment_method_details,
        CASE jsonb_typeof((_raw_data -> 'expected_arrival_date'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'expected_arrival_date'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'expected_arrival_date'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'expected_arrival_date'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS expected_arrival_date,
    (_raw_data ->> 'financial_account'::text) AS financial_account,
    (_raw_data ->> 'hosted_regulatory_receipt_url'::text) AS hosted_regulatory_receipt_url,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data -> 'metadata'::text) AS metadata,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'returned_details'::text) AS returned_details,
    (_raw_data ->> 'statement_descriptor'::text) AS statement_descriptor,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_transitions'::text) AS status_transitions,
    (_raw_data -> 'tracking_details'::text) AS tracking_details,
    transaction
   FROM _raw_treasury_outbound_transfers t;
COMMENT ON VIEW treasury_outbound_transfers IS 'Stripe treasury.outbound_transfer objects. Use OutboundTransfers to transfer funds from a FinancialAccount to a PaymentMethod belonging to the same entity.';
COMMENT ON COLUMN treasury_outbound_transfers.amount IS 'Amount (in cents) transferred.';
COMMENT ON COLUMN treasury_outbound_transfers.cancelable IS 'Returns `true` if the object can be canceled, and `false` otherwise.';
COMMENT ON COLUMN treasury_outbound_transfers.created IS 'Time at which the object was created.';
COMMENT ON COLUMN treasury_outbound_transfers.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN treasury_outbound_transfers.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN treasury_outbound_transfers.destination_payment_method IS 'The PaymentMethod used as the payment instrument for an OutboundTransfer.';
COMMENT ON COLUMN treasury_outbound_transfers.expected_arrival_date IS 'The date when funds are expected to arrive in the destination account.';
COMMENT ON COLUMN treasury_outbound_transfers.financial_account IS 'The FinancialAccount that funds were pulled from.';
COMMENT ON COLUMN treasury_outbound_transfers.hosted_regulatory_receipt_url IS 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.';
COMMENT ON COLUMN treasury_outbound_transfers.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN treasury_outbound_transfers.metadata IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN treasury_outbound_transfers.object IS 'String representing the object''s type.';
COMMENT ON COLUMN treasury_outbound_transfers.returned_details IS 'Details about a returned OutboundTransfer.';
COMMENT ON COLUMN treasury_outbound_transfers.statement_descriptor IS 'Information about the OutboundTransfer to be sent to the recipient account.';
COMMENT ON COLUMN treasury_outbound_transfers.status IS 'Current status of the OutboundTransfer: `processing`, `failed`, `canceled`, `posted`, `returned`.';
COMMENT ON COLUMN treasury_outbound_transfers.tracking_details IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN treasury_outbound_transfers.transaction IS 'The Transaction associated with this object.';

CREATE VIEW treasury_received_credits AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data ->> 'failure_code'::text) AS failure_code,
    (_raw_data ->> 'financial_account'::text) AS financial_account,
    (_raw_data ->> 'hosted_regulatory_receipt_url'::text) AS hosted_regulatory_receipt_url,
    (_raw_data -> 'initiating_payment_method_details'::text) AS initiating_payment_method_details,
    (_raw_data -> 'linked_flows'::text) AS linked_flows,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'network'::text) AS network,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'reversal_details'::text) AS reversal_details,
    (_raw_data ->> 'status'::text) AS status,
    transaction
   FROM _raw_treasury_received_credits t;
COMMENT ON VIEW treasury_received_credits IS 'Stripe treasury.received_credit objects. ReceivedCredits represent funds sent to a FinancialAccount (for example, via ACH or wire).';
COMMENT ON COLUMN treasury_received_credits.amount IS 'Amount (in cents) transferred.';
COMMENT ON COLUMN treasury_received_credits.created IS 'Time at which the object was created.';
COMMENT ON COLUMN treasury_received_credits.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN treasury_received_credits.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN treasury_received_credits.failure_code IS 'Reason for the failure.';
COMMENT ON COLUMN treasury_received_credits.financial_account IS 'The FinancialAccount that received the funds.';
COMMENT ON COLUMN treasury_received_credits.hosted_regulatory_receipt_url IS 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.';
COMMENT ON COLUMN treasury_received_credits.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN treasury_received_credits.network IS 'The rails used to send the funds.';
COMMENT ON COLUMN treasury_received_credits.object IS 'String representing the object''s type.';
COMMENT ON COLUMN treasury_received_credits.reversal_details IS 'Details describing when a ReceivedCredit may be reversed.';
COMMENT ON COLUMN treasury_received_credits.status IS 'Status of the ReceivedCredit.';
COMMENT ON COLUMN treasury_received_credits.transaction IS 'The Transaction associated with this object.';

CREATE VIEW treasury_received_debits AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data ->> 'failure_code'::text) AS failure_code,
    (_raw_data ->> 'financial_account'::text) AS financial_account,
    (_raw_data ->> 'hosted_regulatory_receipt_url'::text) AS hosted_regulatory_receipt_url,
    (_raw_data -> 'initiating_payment_method_details'::text) AS initiating_payment_method_details,
    (_raw_data -> 'linked_flows'::text) AS linked_flows,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'network'::text) AS network,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data -> 'reversal_details'::text) AS reversal_details,
    (_raw_data ->> 'status'::text) AS status,
    transaction
   FROM _raw_treasury_received_debits t;
COMMENT ON VIEW treasury_received_debits IS 'Stripe treasury.received_debit objects. ReceivedDebits represent funds pulled from a FinancialAccount.';
COMMENT ON COLUMN treasury_received_debits.amount IS 'Amount (in cents) transferred.';
COMMENT ON COLUMN treasury_received_debits.created IS 'Time at which the object was created.';
COMMENT ON COLUMN treasury_received_debits.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN treasury_received_debits.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN treasury_received_debits.failure_code IS 'Reason for the failure.';
COMMENT ON COLUMN treasury_received_debits.financial_account IS 'The FinancialAccount that funds were pulled from.';
COMMENT ON COLUMN treasury_received_debits.hosted_regulatory_receipt_url IS 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.';
COMMENT ON COLUMN treasury_received_debits.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN treasury_received_debits.network IS 'The network used for the ReceivedDebit.';
COMMENT ON COLUMN treasury_received_debits.object IS 'String representing the object''s type.';
COMMENT ON COLUMN treasury_received_debits.reversal_details IS 'Details describing when a ReceivedDebit might be reversed.';
COMMENT ON COLUMN treasury_received_debits.status IS 'Status of the ReceivedDebit.';
COMMENT ON COLUMN treasury_received_debits.transaction IS 'The Transaction associated with this object.';

CREATE VIEW treasury_transaction_entries AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
    (_raw_data -> 'balance_impact'::text) AS balance_impact,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
        CASE jsonb_typeof((_raw_data -> 'effective_at'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'effective_at'::text))::numeric >= ('-62135596800'::bigint)::numeric) AND (((_raw_data -> 'effective_at'::text))::numeric <= ('253402300799'::bigint)::numeric)) THEN to_timestamp(((_raw_data -> 'effective_at'::text))::double precision)
                ELSE NULL::timestamp with time zone
            END
            ELSE NULL::timestamp with time zone
        END AS effective_at,
    (_raw_data ->> 'financial_account'::text) AS financial_account,
    (_raw_data ->> 'flow'::text) AS flow,
    (_raw_data -> 'flow_details'::text) AS flow_details,
    (_raw_data ->> 'flow_type'::text) AS flow_type,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    transaction,
    (_raw_data ->> 'type'::text) AS type
   FROM _raw_treasury_transaction_entries t;
COMMENT ON VIEW treasury_transaction_entries IS 'Stripe treasury.transaction_entry objects. TransactionEntries represent individual units of money movements within a single Transaction.';
COMMENT ON COLUMN treasury_transaction_entries.created IS 'Time at which the object was created.';
COMMENT ON COLUMN treasury_transaction_entries.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN treasury_transaction_entries.effective_at IS 'When the TransactionEntry will impact the FinancialAccount''s balance.';
COMMENT ON COLUMN treasury_transaction_entries.financial_account IS 'The FinancialAccount associated with this object.';
COMMENT ON COLUMN treasury_transaction_entries.flow IS 'Token of the flow associated with the TransactionEntry.';
COMMENT ON COLUMN treasury_transaction_entries.flow_details IS 'Details of the flow associated with the TransactionEntry.';
COMMENT ON COLUMN treasury_transaction_entries.flow_type IS 'Type of the flow associated with the TransactionEntry.';
COMMENT ON COLUMN treasury_transaction_entries.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN treasury_transaction_entries.object IS 'String representing the object''s type.';
COMMENT ON COLUMN treasury_transaction_entries.transaction IS 'The Transaction associated with this object.';
COMMENT ON COLUMN treasury_transaction_entries.type IS 'The specific money movement that generated the TransactionEntry.';

CREATE VIEW treasury_transactions AS
 SELECT id,
    _raw_data,
    _account_id,
    _last_synced_at,
    _updated_at,
    deleted,
    deleted_at,
    _version,
    _version_source,
        CASE jsonb_typeof((_raw_data -> 'amount'::text))
            WHEN 'number'::text THEN
            CASE
                WHEN ((((_raw_data -> 'amount'::text))::numeric = trunc(((_raw_data -> 'amount'::text))::numeric)) AND ((((_raw_data -> 'amount'::text))::numeric >= ('-9223372036854775808'::bigint)::numeric) AND (((_raw_data -> 'amount'::text))::numeric <= ('9223372036854775807'::bigint)::numeric))) THEN ((_raw_data -> 'amount'::text))::bigint
                ELSE NULL::bigint
            END
            ELSE NULL::bigint
        END AS amount,
    (_raw_data -> 'balance_impact'::text) AS balance_impact,
    created,
    (_raw_data ->> 'currency'::text) AS currency,
    (_raw_data ->> 'description'::text) AS description,
    (_raw_data -> 'entries'::text) AS entries,
    (_raw_data ->> 'financial_account'::text) AS financial_account,
    (_raw_data ->> 'flow'::text) AS flow,
    (_raw_data -> 'flow_details'::text) AS flow_details,
    (_raw_data ->> 'flow_type'::text) AS flow_type,
    COALESCE(
        CASE jsonb_typeof((_raw_data -> 'livemode'::text))
            WHEN 'boolean'::text THEN ((_raw_data -> 'livemode'::text))::boolean
            ELSE NULL::boolean
        END, _livemode) AS livemode,
    (_raw_data ->> 'object'::text) AS object,
    (_raw_data ->> 'status'::text) AS status,
    (_raw_data -> 'status_transitions'::text) AS status_transitions
   FROM _raw_treasury_transactions t;
COMMENT ON VIEW treasury_transactions IS 'Stripe treasury.transaction objects. Transactions represent changes to a FinancialAccount''s balance.';
COMMENT ON COLUMN treasury_transactions.amount IS 'Amount (in cents) transferred.';
COMMENT ON COLUMN treasury_transactions.created IS 'Time at which the object was created.';
COMMENT ON COLUMN treasury_transactions.currency IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN treasury_transactions.description IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN treasury_transactions.entries IS 'A list of TransactionEntries that are part of this Transaction.';
COMMENT ON COLUMN treasury_transactions.financial_account IS 'The FinancialAccount associated with this object.';
COMMENT ON COLUMN treasury_transactions.flow IS 'ID of the flow that created the Transaction.';
COMMENT ON COLUMN treasury_transactions.flow_details IS 'Details of the flow that created the Transaction.';
COMMENT ON COLUMN treasury_transactions.flow_type IS 'Type of the flow that created the Transaction.';
COMMENT ON COLUMN treasury_transactions.livemode IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN treasury_transactions.object IS 'String representing the object''s type.';
COMMENT ON COLUMN treasury_transactions.status IS 'Status of the Transaction.';

CREATE VIEW verify_runs AS
 SELECT r.id AS run_id,
    r.account_id,
    r.started_at,
    r.finished_at,
    r.status,
    r.since,
    r.until,
    r.repair,
    x.check_type,
    x.object,
    x.checked,
    x.missing,
    x.extra,
    x.stale,
    x.repaired,
    x.remaining,
    x.windows_listed,
    x.windows_skipped,
    x.sample,
    x.note,
    x.error,
    r.error_message,
    r.mode
   FROM (_verify_runs r
     LEFT JOIN _verify_results x ON ((x.run_id = r.id)));
COMMENT ON VIEW verify_runs IS 'Verify runs, one row per check and object: compared, missing, extra, stale, repaired and remaining (drift after the run), and the verifying key''s mode.';

-- ================================================================================================
-- Functions
-- ================================================================================================

CREATE OR REPLACE FUNCTION stripe._account_ids()
 RETURNS TABLE(account_id text, table_name text)
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
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
$function$;
COMMENT ON FUNCTION stripe._account_ids() IS 'Every account with rows in this schema, once per table it has rows in.';

CREATE OR REPLACE FUNCTION stripe._account_tables()
 RETURNS TABLE(table_name text, account_column text, match text, ord integer)
 LANGUAGE sql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
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
        ('_history', 'account_id', 'equals', 1),
        ('_history_payloads', 'account_id', 'equals', 1),
        ('_discounts', 'account_id', 'equals', 1),
        ('_sync_obj_runs', 'account_id', 'equals', 1),
        ('_sync_runs', 'account_id', 'equals', 2),
        ('_backfill_cursors', 'account_id', 'equals', 3),
        ('_event_cursors', 'account_id', 'equals', 4),
        ('_processed_events', 'account_id', 'equals', 5),
        ('_change_feed', 'account_id', 'equals', 5),
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
$function$;
COMMENT ON FUNCTION stripe._account_tables() IS 'Every table holding an account''s rows, with the column naming the account (equals: the id; prefix: ''<id>/...''), in deletion order.';

CREATE OR REPLACE FUNCTION stripe._apply_changes(p_changes jsonb)
 RETURNS TABLE(ord integer, outcome text, missing_refs jsonb, seen_at timestamp with time zone)
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
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
               array_agg(e.c->>'action' = 'delete') AS deletes,
               array_agg(CASE coalesce(nullif(e.c->'livemode', 'null'), e.c->'event'->'livemode')
                          WHEN 'true' THEN true WHEN 'false' THEN false END) AS livemodes
        FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i)
        WHERE e.c->>'action' IN ('upsert', 'delete') AND v_out[e.i] IS NULL
        GROUP BY 1, 2
        ORDER BY 1, 2
    LOOP
        FOR w IN SELECT * FROM "_write_batch"(r.tbl, r.pcol, r.ords, r.objects, r.accounts,
                                              r.versions, r.sources, r.parent_ids, r.ties,
                                              r.deletes, r.livemodes) LOOP
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
                    array_fill(false, ARRAY[jsonb_array_length(r.c->'objects')]),
                    array_fill(CASE coalesce(nullif(r.c->'livemode', 'null'),
                                             r.c->'event'->'livemode')
                                   WHEN 'true' THEN true WHEN 'false' THEN false END,
                               ARRAY[jsonb_array_length(r.c->'objects')]));
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
                       array_agg(x.pcol IS NOT NULL) AS ties,
                       array_agg(x.livemode) AS livemodes
                FROM (
                    SELECT ch.c->>'table' AS tbl, ch.c->>'parent_column' AS pcol,
                           e.i * 1000000000000 + ch.j * 100000000 + o.k AS k, o.obj,
                           v_accounts[e.i] AS account_id, v_versions[e.i] AS version,
                           coalesce(e.c->>'source', 'event') AS source,
                           CASE coalesce(nullif(e.c->'livemode', 'null'), e.c->'event'->'livemode')
                          WHEN 'true' THEN true WHEN 'false' THEN false END AS livemode,
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
                                              array_fill(false, ARRAY[cardinality(r.ords)]),
                                              r.livemodes);
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

    -- Discounts (0028): the objects of customer.discount.* events, which are skipped (no
    -- object table mirrors them), are kept in _discounts for the metric views.
    IF EXISTS (SELECT 1 FROM unnest(v_objects, v_out) AS x(o, out)
               WHERE x.out = 'skipped' AND x.o->>'object' = 'discount') THEN
        PERFORM "_discounts_record"(array_agg(v_objects[u.i]), array_agg(v_accounts[u.i]),
                                    array_agg(v_versions[u.i]),
                                    array_agg(p_changes->(u.i - 1)->>'event_type'
                                              = 'customer.discount.deleted'))
        FROM generate_subscripts(v_out, 1) AS u(i)
        WHERE v_out[u.i] = 'skipped' AND v_objects[u.i]->>'object' = 'discount';
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
        RETURN QUERY SELECT (u.i - 1)::integer, v_out[u.i], NULL::jsonb, v_applied
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
           v_applied
    FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e(c, i)
    ORDER BY e.i;
END
$function$;
COMMENT ON FUNCTION stripe._apply_changes(p_changes jsonb) IS 'Apply a group of routed events (or fetched objects) with their child lists in one call, each once per event id and with its own outcome (written, unchanged, stale, ambiguous, tombstoned, deleted, replaced, skipped, duplicate), the referenced objects missing from the database, and the clock for a re-fetch.';

CREATE OR REPLACE FUNCTION stripe._apply_event_v1(p_event_id text, p_event_type text, p_event_created timestamp with time zone, p_account_id text, p_action text, p_table text, p_objects jsonb, p_version timestamp with time zone, p_source text DEFAULT 'event'::text, p_parent_column text DEFAULT NULL::text, p_parent_id text DEFAULT NULL::text, p_children jsonb DEFAULT '[]'::jsonb, p_refs jsonb DEFAULT '[]'::jsonb, p_tie_wins boolean DEFAULT false, p_via text DEFAULT NULL::text)
 RETURNS TABLE(outcome text, missing_refs jsonb, seen_at timestamp with time zone)
 LANGUAGE sql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    SELECT * FROM "_apply_event_v2"(p_event_id, p_event_type, p_event_created, p_account_id,
                                    p_action, p_table, p_objects, p_version, p_source,
                                    p_parent_column, p_parent_id, p_children, p_refs,
                                    p_tie_wins, p_via, NULL);
$function$;
COMMENT ON FUNCTION stripe._apply_event_v1(p_event_id text, p_event_type text, p_event_created timestamp with time zone, p_account_id text, p_action text, p_table text, p_objects jsonb, p_version timestamp with time zone, p_source text, p_parent_column text, p_parent_id text, p_children jsonb, p_refs jsonb, p_tie_wins boolean, p_via text) IS 'Apply one routed event (or fetched object) with its child lists, once per event id (p_via: how the event came, recorded with it). Returns the outcome (written, unchanged, stale, ambiguous, tombstoned, deleted, replaced, skipped, duplicate), the referenced objects missing from the database, and the clock for a re-fetch.';

CREATE OR REPLACE FUNCTION stripe._apply_event_v2(p_event_id text, p_event_type text, p_event_created timestamp with time zone, p_account_id text, p_action text, p_table text, p_objects jsonb, p_version timestamp with time zone, p_source text DEFAULT 'event'::text, p_parent_column text DEFAULT NULL::text, p_parent_id text DEFAULT NULL::text, p_children jsonb DEFAULT '[]'::jsonb, p_refs jsonb DEFAULT '[]'::jsonb, p_tie_wins boolean DEFAULT false, p_via text DEFAULT NULL::text, p_livemode boolean DEFAULT NULL::boolean)
 RETURNS TABLE(outcome text, missing_refs jsonb, seen_at timestamp with time zone)
 LANGUAGE sql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    SELECT a.outcome, coalesce(a.missing_refs, '[]'), a.seen_at
    FROM "_apply_changes"(jsonb_build_array(jsonb_build_object(
        'event_id', p_event_id, 'event_type', p_event_type, 'event_created', p_event_created,
        'account_id', p_account_id, 'action', p_action, 'table', p_table,
        'objects', p_objects, 'version', p_version, 'source', p_source,
        'parent_column', p_parent_column, 'parent_id', p_parent_id,
        'children', p_children, 'refs', p_refs, 'tie_wins', p_tie_wins, 'via', p_via,
        'livemode', p_livemode))) a;
$function$;
COMMENT ON FUNCTION stripe._apply_event_v2(p_event_id text, p_event_type text, p_event_created timestamp with time zone, p_account_id text, p_action text, p_table text, p_objects jsonb, p_version timestamp with time zone, p_source text, p_parent_column text, p_parent_id text, p_children jsonb, p_refs jsonb, p_tie_wins boolean, p_via text, p_livemode boolean) IS 'Apply one routed event (or fetched object) with its child lists, once per event id (p_via: how the event came, recorded with it; p_livemode: its mode, kept on the rows written). Returns the outcome (written, unchanged, stale, ambiguous, tombstoned, deleted, replaced, skipped, duplicate), the referenced objects missing from the database, and the clock for a re-fetch.';

CREATE OR REPLACE FUNCTION stripe._backfill_adopt_v1(p_account_id text, p_mode text, p_triggered_by text)
 RETURNS text
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_runs bigint[];
    v_live boolean;
    v_found integer := 0;
    v_other boolean := false;
    v_listed record;
BEGIN
    IF p_mode IS NULL OR p_mode NOT IN ('live', 'test') THEN
        RAISE EXCEPTION 'p_mode must be live or test, not %', p_mode USING ERRCODE = '22023';
    END IF;
    IF p_triggered_by IS NOT DISTINCT FROM 'sigma' THEN
        RAISE EXCEPTION 'Sigma''s runs are not split by mode' USING ERRCODE = '22023';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('stripe-sync backfill plan'), hashtext(p_account_id));

    SELECT array_agg(r.id) INTO v_runs FROM "_sync_runs" r
    WHERE r.account_id = p_account_id AND r.mode = 'unknown'
      AND r.triggered_by IS NOT DISTINCT FROM p_triggered_by
      AND (r.status = 'running'
           OR EXISTS (SELECT 1 FROM "_backfill_cursors" c
                      WHERE c.account_id = p_account_id AND c.mode = 'unknown'
                        AND c.run_id = r.id));
    IF v_runs IS NULL THEN
        RETURN 'none';
    END IF;

    FOR v_listed IN
        SELECT s.table_name, w.cursor
        FROM "_sync_obj_runs" w
        JOIN "_sync_runs" r ON r.id = w.run_id
        JOIN "_resources" s ON s.name = w.object
        WHERE r.account_id = p_account_id AND r.mode = 'unknown'
          AND r.triggered_by IS NOT DISTINCT FROM p_triggered_by AND w.cursor IS NOT NULL
        ORDER BY w.id DESC
    LOOP
        -- A children window's cursor is its parent's id, not in this table: not found.
        v_live := NULL;
        EXECUTE format('SELECT ("_raw_data"->>''livemode'')::boolean FROM %I WHERE id = $1 '
                       'AND jsonb_typeof("_raw_data"->''livemode'') = ''boolean'' LIMIT 1',
                       v_listed.table_name)
            INTO v_live USING v_listed.cursor;
        CONTINUE WHEN v_live IS NULL;
        IF v_live IS DISTINCT FROM (p_mode = 'live') THEN
            v_other := true;
            EXIT;
        END IF;
        v_found := v_found + 1;
        EXIT WHEN v_found >= 50;
    END LOOP;

    IF v_found > 0 AND NOT v_other THEN
        PERFORM 1 FROM "_sync_obj_runs" w
        JOIN "_sync_runs" r ON r.id = w.run_id
        WHERE r.account_id = p_account_id AND r.mode = 'unknown'
          AND r.triggered_by IS NOT DISTINCT FROM p_triggered_by
        ORDER BY w.id
        FOR UPDATE OF w;
        DELETE FROM "_backfill_cursors" c
        WHERE c.account_id = p_account_id AND c.mode = 'unknown' AND c.run_id = ANY (v_runs)
          AND EXISTS (SELECT 1 FROM "_backfill_cursors" m
                      WHERE m.account_id = p_account_id AND m.mode = p_mode
                        AND m.object = c.object);
        UPDATE "_backfill_cursors" c SET mode = p_mode
        WHERE c.account_id = p_account_id AND c.mode = 'unknown' AND c.run_id = ANY (v_runs);
        -- Every run of the trigger, closed ones too: their unfinished windows are carried by
        -- the mode's next run. updated_at is left alone: a run abandoned stays abandoned.
        UPDATE "_sync_runs" r SET mode = p_mode
        WHERE r.account_id = p_account_id AND r.mode = 'unknown'
          AND r.triggered_by IS NOT DISTINCT FROM p_triggered_by;
        RETURN 'adopted';
    END IF;

    DELETE FROM "_backfill_cursors" c
    WHERE c.account_id = p_account_id AND c.mode = 'unknown' AND c.run_id = ANY (v_runs);
    DELETE FROM "_sync_obj_runs" w
    USING "_sync_runs" r
    WHERE r.id = w.run_id AND r.account_id = p_account_id AND r.mode = 'unknown'
      AND r.triggered_by IS NOT DISTINCT FROM p_triggered_by
      AND w.status <> 'complete' AND w.superseded_by IS NULL;
    UPDATE "_sync_runs" r SET status = 'cancelled', closed_at = now(), updated_at = now(),
        error_message = 'planned without a mode, and what it listed is not known to be of the '
                        || 'key''s mode (' || p_mode || '): the next run of that mode lists again'
    WHERE r.id = ANY (v_runs) AND r.status = 'running';
    RETURN 'retired';
END
$function$;
COMMENT ON FUNCTION stripe._backfill_adopt_v1(p_account_id text, p_mode text, p_triggered_by text) IS 'Runs and cursors of p_triggered_by planned as mode unknown (edge functions before they passed their key''s mode): adopted into p_mode when what they listed is of that mode, else retired (the next run lists again). Returns none, adopted or retired.';

CREATE OR REPLACE FUNCTION stripe._backfill_claim_v1(p_run_id bigint, p_worker text, p_lease interval, p_objects text[] DEFAULT NULL::text[])
 RETURNS TABLE(window_id bigint, object text, kind text, created_gte timestamp with time zone, created_lt timestamp with time zone, parent_ids text[], cursor text, cursor_created timestamp with time zone, failures integer, version timestamp with time zone)
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_id bigint;
BEGIN
    WITH busy AS (
        SELECT b.object, count(*) AS n FROM "_sync_obj_runs" b
        WHERE b.run_id = p_run_id AND b.status = 'running' AND b.claimed_until >= clock_timestamp()
        GROUP BY b.object
    )
    SELECT c.id INTO v_id
    FROM "_sync_obj_runs" c LEFT JOIN busy ON busy.object = c.object
    WHERE c.run_id = p_run_id AND c.superseded_by IS NULL
      AND (c.status = 'pending' OR (c.status = 'running' AND c.claimed_until < clock_timestamp()))
      AND (p_objects IS NULL OR c.object = ANY (p_objects))
    ORDER BY coalesce(busy.n, 0), c.id
    LIMIT 1
    FOR UPDATE OF c SKIP LOCKED;
    IF v_id IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY
    UPDATE "_sync_obj_runs" w SET
        status = 'running', claimed_by = p_worker,
        claimed_until = clock_timestamp() + p_lease,
        started_at = coalesce(w.started_at, now()), attempts = w.attempts + 1, updated_at = now()
    WHERE w.id = v_id
    RETURNING w.id, w.object, w.kind, w.created_gte, w.created_lt, w.parent_ids, w.cursor,
              w.cursor_created, w.failures, clock_timestamp();
    UPDATE "_sync_runs" SET updated_at = now() WHERE id = p_run_id AND updated_at < now() - interval '1 second';
END
$function$;

CREATE OR REPLACE FUNCTION stripe._backfill_finish_v1(p_run_id bigint)
 RETURNS TABLE(status text, wait_seconds double precision)
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_errors bigint;
    v_open boolean;
    v_wait double precision;
BEGIN
    SELECT EXISTS (SELECT 1 FROM "_sync_obj_runs" w WHERE w.run_id = p_run_id
                   AND w.status IN ('pending', 'running') AND w.superseded_by IS NULL),
           (SELECT extract(epoch FROM min(w.claimed_until) - clock_timestamp())
            FROM "_sync_obj_runs" w WHERE w.run_id = p_run_id AND w.status = 'running')
    INTO v_open, v_wait;
    IF v_open THEN
        RETURN QUERY SELECT 'running'::text, greatest(v_wait, 0);
        RETURN;
    END IF;
    SELECT count(*) INTO v_errors FROM "_sync_obj_runs" w
    WHERE w.run_id = p_run_id AND w.status = 'error';
    UPDATE "_sync_runs" r SET
        status = CASE WHEN v_errors > 0 THEN 'error' ELSE 'complete' END,
        error_message = CASE WHEN v_errors > 0
            THEN v_errors || ' window(s) failed; the next run retries them' END,
        closed_at = now(), updated_at = now()
    WHERE r.id = p_run_id AND r.status = 'running';
    RETURN QUERY SELECT r.status, NULL::double precision FROM "_sync_runs" r WHERE r.id = p_run_id;
END
$function$;

CREATE OR REPLACE FUNCTION stripe._backfill_objects_v1(p_names text[] DEFAULT NULL::text[])
 RETURNS jsonb
 LANGUAGE sql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'name', r.name,
               'created_filter', r.backfill_created_filter,
               'kind', CASE WHEN r.list_per_parent IS NOT NULL THEN 'parents' ELSE 'list' END)
           ORDER BY r.ordinal), '[]')
    FROM "_resources" r
    WHERE r.backfill AND (p_names IS NULL OR r.name = ANY (p_names));
$function$;

CREATE OR REPLACE FUNCTION stripe._backfill_page_v1(p_window_id bigint, p_worker text, p_lease interval, p_table text, p_account_id text, p_objects jsonb, p_version timestamp with time zone, p_children jsonb, p_cursor text, p_cursor_created timestamp with time zone, p_has_more boolean, p_split_below integer DEFAULT 0, p_parent_column text DEFAULT NULL::text, p_parent_id text DEFAULT NULL::text, p_spawn_parent_ids text[] DEFAULT NULL::text[])
 RETURNS TABLE(status text, ambiguous text[], split_at timestamp with time zone, next_version timestamp with time zone)
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    w "_sync_obj_runs"%ROWTYPE;
BEGIN
    SELECT * INTO w FROM "_sync_obj_runs" x WHERE x.id = p_window_id FOR UPDATE;
    IF FOUND AND w.claimed_by IS NOT DISTINCT FROM p_worker AND w.superseded_by IS NULL
       AND w.page_count > 0 AND p_cursor IS NOT NULL
       AND w.cursor IS NOT DISTINCT FROM p_cursor
       AND w.cursor_created IS NOT DISTINCT FROM p_cursor_created THEN
        IF p_has_more AND w.status = 'running' THEN
            RETURN QUERY SELECT 'running'::text, '{}'::text[], w.created_gte, clock_timestamp();
            RETURN;
        ELSIF NOT p_has_more AND w.status = 'complete' THEN
            RETURN QUERY SELECT 'complete'::text, '{}'::text[], NULL::timestamptz,
                                clock_timestamp();
            RETURN;
        END IF;
    END IF;
    RETURN QUERY SELECT * FROM "_backfill_page_write"(
        p_window_id, p_worker, p_lease, p_table, p_account_id, p_objects, p_version, p_children,
        p_cursor, p_cursor_created, p_has_more, p_split_below, p_parent_column, p_parent_id,
        p_spawn_parent_ids);
END
$function$;

CREATE OR REPLACE FUNCTION stripe._backfill_page_write(p_window_id bigint, p_worker text, p_lease interval, p_table text, p_account_id text, p_objects jsonb, p_version timestamp with time zone, p_children jsonb, p_cursor text, p_cursor_created timestamp with time zone, p_has_more boolean, p_split_below integer DEFAULT 0, p_parent_column text DEFAULT NULL::text, p_parent_id text DEFAULT NULL::text, p_spawn_parent_ids text[] DEFAULT NULL::text[])
 RETURNS TABLE(status text, ambiguous text[], split_at timestamp with time zone, next_version timestamp with time zone)
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
DECLARE
    w "_sync_obj_runs"%ROWTYPE;
    v_written text[] := '{}';
    v_ambiguous text[] := '{}';
    v_keep text[];
    v_keep_parents text[];
    v_split timestamptz;
    v_pending integer;
    r record;
BEGIN
    SELECT * INTO w FROM "_sync_obj_runs" x WHERE x.id = p_window_id FOR UPDATE;
    -- A window carried into a newer run (its run was closed as abandoned) is no longer this
    -- worker's either: the copy in the new run lists it.
    IF NOT FOUND OR w.status <> 'running' OR w.claimed_by IS DISTINCT FROM p_worker
       OR w.superseded_by IS NOT NULL THEN
        RETURN QUERY SELECT 'lost'::text, '{}'::text[], NULL::timestamptz, clock_timestamp();
        RETURN;
    END IF;

    IF p_table IS NOT NULL THEN
        SELECT coalesce(array_agg(r2.object_id) FILTER (WHERE r2.outcome = 'written'), '{}'),
               coalesce(array_agg(r2.object_id) FILTER (WHERE r2.outcome = 'ambiguous'), '{}')
        INTO v_written, v_ambiguous
        FROM "_write_objects"(p_table, p_account_id, p_objects, p_version, 'fetch', false,
                              p_parent_column, p_parent_id, p_parent_column IS NOT NULL,
                              CASE w.mode WHEN 'live' THEN true WHEN 'test' THEN false END) r2;
        -- A complete per-parent list of child rows: the parent's other rows are gone.
        IF p_parent_column IS NOT NULL THEN
            SELECT coalesce(array_agg(o->>'id'), '{}') INTO v_keep
            FROM jsonb_array_elements(p_objects) o;
            PERFORM "_tombstone_missing_children"(p_table, p_parent_column, p_parent_id,
                                                  v_keep, p_version);
        END IF;
        -- Embedded child lists of the rows written (as in _apply_changes), one batch per
        -- child table.
        FOR r IN
            SELECT c->>'table' AS tbl, c->>'parent_column' AS pcol,
                   array_agg(o.v ORDER BY ci, o.k) AS objects,
                   array_agg(c->>'parent_id' ORDER BY ci, o.k) AS parent_ids
            FROM jsonb_array_elements(p_children) WITH ORDINALITY AS ch(c, ci)
            CROSS JOIN LATERAL jsonb_array_elements(CASE
                         WHEN jsonb_typeof(c->'objects') IS DISTINCT FROM 'null' THEN
                             coalesce(c->'objects', '[]')
                         -- By field: the parent's list, if the parent at that position is it.
                         WHEN p_objects #>> ARRAY[c->>'parent_index', 'id'] = c->>'parent_id'
                              AND jsonb_typeof(p_objects #> ARRAY[c->>'parent_index',
                                                                  c->>'field', 'data']) = 'array'
                         THEN p_objects #> ARRAY[c->>'parent_index', c->>'field', 'data']
                         ELSE '[]'
                     END)
                WITH ORDINALITY AS o(v, k)
            WHERE c->>'parent_id' = ANY (v_written)
            GROUP BY 1, 2
            ORDER BY 1, 2
        LOOP
            PERFORM 1 FROM "_write_batch"(
                r.tbl, r.pcol,
                (SELECT array_agg(g) FROM generate_series(1, cardinality(r.objects)) g),
                r.objects,
                array_fill(p_account_id, ARRAY[cardinality(r.objects)]),
                array_fill(p_version, ARRAY[cardinality(r.objects)]),
                array_fill('fetch'::text, ARRAY[cardinality(r.objects)]),
                CASE WHEN r.pcol IS NOT NULL THEN r.parent_ids
                     ELSE array_fill(NULL::text, ARRAY[cardinality(r.objects)]) END,
                array_fill(r.pcol IS NOT NULL, ARRAY[cardinality(r.objects)]),
                array_fill(false, ARRAY[cardinality(r.objects)]),
                array_fill(CASE w.mode WHEN 'live' THEN true WHEN 'test' THEN false END, ARRAY[cardinality(r.objects)]));
        END LOOP;
        FOR r IN
            SELECT c->>'table' AS tbl, c->>'parent_column' AS pcol,
                   array_agg(c->>'parent_id') AS parents
            FROM jsonb_array_elements(p_children) AS ch(c)
            WHERE c->>'parent_id' = ANY (v_written) AND c->>'parent_column' IS NOT NULL
              AND coalesce((c->>'complete')::boolean, false)
            GROUP BY 1, 2
            ORDER BY 1, 2
        LOOP
            SELECT coalesce(array_agg(c->>'parent_id'), '{}'), coalesce(array_agg(o->>'id'), '{}')
            INTO v_keep_parents, v_keep
            FROM jsonb_array_elements(p_children) AS ch(c)
            CROSS JOIN LATERAL jsonb_array_elements(CASE
                         WHEN jsonb_typeof(c->'objects') IS DISTINCT FROM 'null' THEN
                             coalesce(c->'objects', '[]')
                         -- By field: the parent's list, if the parent at that position is it.
                         WHEN p_objects #>> ARRAY[c->>'parent_index', 'id'] = c->>'parent_id'
                              AND jsonb_typeof(p_objects #> ARRAY[c->>'parent_index',
                                                                  c->>'field', 'data']) = 'array'
                         THEN p_objects #> ARRAY[c->>'parent_index', c->>'field', 'data']
                         ELSE '[]'
                     END) AS o
            WHERE c->>'parent_id' = ANY (r.parents) AND c->>'table' = r.tbl;
            PERFORM "_tombstone_children"(r.tbl, r.pcol, r.parents,
                                          array_fill(p_version, ARRAY[cardinality(r.parents)]),
                                          v_keep_parents, v_keep);
        END LOOP;
    END IF;

    IF p_spawn_parent_ids IS NOT NULL AND cardinality(p_spawn_parent_ids) > 0 THEN
        INSERT INTO "_sync_obj_runs" (run_id, mode, account_id, object, kind, parent_ids)
        VALUES (w.run_id, w.mode, w.account_id, w.object, 'children', p_spawn_parent_ids);
    END IF;

    -- Split only a window with several pages still to list (estimated from this page's span
    -- of created): splitting one near its end only adds a partial last page.
    IF p_has_more AND w.kind <> 'children' AND w.created_gte IS NOT NULL
       AND p_cursor_created IS NOT NULL
       AND p_cursor_created - w.created_gte >= interval '2 seconds'
       AND extract(epoch FROM p_cursor_created - w.created_gte)
           >= 4 * greatest(extract(epoch FROM coalesce(w.cursor_created, w.created_lt)
                                             - p_cursor_created), 1) THEN
        SELECT count(*) INTO v_pending FROM "_sync_obj_runs" x
        WHERE x.run_id = w.run_id AND x.status = 'pending' AND x.superseded_by IS NULL;
        IF v_pending < p_split_below THEN
            v_split := to_timestamp(floor((extract(epoch FROM w.created_gte)
                                           + extract(epoch FROM p_cursor_created)) / 2));
            INSERT INTO "_sync_obj_runs" (run_id, mode, account_id, object, kind, created_gte, created_lt)
            VALUES (w.run_id, w.mode, w.account_id, w.object, w.kind, w.created_gte, v_split);
        END IF;
    END IF;

    UPDATE "_sync_obj_runs" x SET
        cursor = p_cursor,
        cursor_created = p_cursor_created,
        created_gte = coalesce(v_split, x.created_gte),
        page_count = x.page_count + 1,
        processed_count = x.processed_count + jsonb_array_length(p_objects),
        status = CASE WHEN p_has_more THEN 'running' ELSE 'complete' END,
        completed_at = CASE WHEN p_has_more THEN NULL ELSE now() END,
        -- The worker stays named on a complete window: who listed it.
        claimed_by = p_worker,
        claimed_until = CASE WHEN p_has_more THEN clock_timestamp() + p_lease END,
        error_message = NULL,
        updated_at = now()
    WHERE x.id = p_window_id;
    UPDATE "_sync_runs" SET updated_at = now() WHERE id = w.run_id AND updated_at < now() - interval '1 second';

    RETURN QUERY SELECT CASE WHEN p_has_more THEN 'running' ELSE 'complete' END,
                        v_ambiguous, v_split, clock_timestamp();
END
$function$;

CREATE OR REPLACE FUNCTION stripe._backfill_plan_v1(p_account_id text, p_objects jsonb, p_created_gte timestamp with time zone, p_created_lte timestamp with time zone, p_floor timestamp with time zone, p_lease interval, p_triggered_by text, p_relist boolean DEFAULT false, p_initial_windows integer DEFAULT 1)
 RETURNS TABLE(run_id bigint, joined boolean)
 LANGUAGE sql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    SELECT * FROM "_backfill_plan_v2"(p_account_id, p_objects, p_created_gte, p_created_lte,
                                      p_floor, p_lease, p_triggered_by, p_relist,
                                      p_initial_windows, 'unknown');
$function$;

CREATE OR REPLACE FUNCTION stripe._backfill_plan_v2(p_account_id text, p_objects jsonb, p_created_gte timestamp with time zone, p_created_lte timestamp with time zone, p_floor timestamp with time zone, p_lease interval, p_triggered_by text, p_relist boolean DEFAULT false, p_initial_windows integer DEFAULT 1, p_mode text DEFAULT 'unknown'::text)
 RETURNS TABLE(run_id bigint, joined boolean)
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_names text[];
    v_run bigint;
    v_until timestamptz := date_trunc('second', now());
    v_incremental boolean := p_created_gte IS NULL AND p_created_lte IS NULL;
    v_obj jsonb;
    v_name text;
    v_lo timestamptz;
    v_hi timestamptz;
    v_carried bigint;
BEGIN
    SELECT coalesce(array_agg(o->>'name' ORDER BY o->>'name'), '{}') INTO v_names
    FROM jsonb_array_elements(p_objects) o;
    IF p_mode IS NULL OR p_mode NOT IN ('live', 'test', 'unknown') THEN
        RAISE EXCEPTION 'p_mode must be live, test or unknown, not %', p_mode;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('stripe-sync backfill plan'), hashtext(p_account_id));

    -- Join the open run with these parameters while it has work left; close it when it has none.
    SELECT r.id INTO v_run FROM "_sync_runs" r
    WHERE r.account_id = p_account_id AND r.mode = p_mode AND r.status = 'running'
      AND r.objects = v_names
      AND r.created_gte IS NOT DISTINCT FROM p_created_gte
      AND r.created_lte IS NOT DISTINCT FROM p_created_lte
    ORDER BY r.id DESC LIMIT 1;
    IF v_run IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM "_sync_obj_runs" w WHERE w.run_id = v_run
                   AND w.status IN ('pending', 'running') AND w.superseded_by IS NULL) THEN
            RETURN QUERY SELECT v_run, true;
            RETURN;
        END IF;
        PERFORM "_backfill_finish_v1"(v_run);
    END IF;

    -- Open runs with nothing touched for a lease are abandoned (their process died): close them;
    -- their unfinished windows are carried below, or by the next run of those objects.
    UPDATE "_sync_runs" r SET status = 'error', closed_at = now(), updated_at = now(),
        error_message = 'abandoned: no worker for longer than the lease; unfinished windows move to the next run'
    WHERE r.account_id = p_account_id AND r.mode = p_mode AND r.status = 'running'
      AND r.updated_at < now() - p_lease
      AND NOT EXISTS (SELECT 1 FROM "_sync_obj_runs" w WHERE w.run_id = r.id
                      AND w.updated_at >= now() - p_lease);

    INSERT INTO "_sync_runs" (account_id, mode, objects, created_gte, created_lte,
                              triggered_by, planned_until)
    VALUES (p_account_id, p_mode, v_names, p_created_gte, p_created_lte, p_triggered_by,
            CASE WHEN v_incremental THEN v_until END)
    RETURNING id INTO v_run;

    FOR v_obj IN SELECT o FROM jsonb_array_elements(p_objects) o LOOP
        v_name := v_obj->>'name';
        -- Unfinished windows of closed runs (failed, abandoned) continue here from their cursor.
        WITH old AS (
            SELECT w.* FROM "_sync_obj_runs" w JOIN "_sync_runs" r ON r.id = w.run_id
            WHERE w.account_id = p_account_id AND w.object = v_name
              AND w.status <> 'complete' AND w.superseded_by IS NULL
              AND r.status <> 'running' AND r.mode = p_mode
            FOR UPDATE OF w
        ),
        carried AS (
            INSERT INTO "_sync_obj_runs" (run_id, mode, account_id, object, kind, created_gte,
                                          created_lt, parent_id, parent_ids, cursor,
                                          cursor_created, carried_from)
            SELECT v_run, p_mode, o.account_id, o.object, o.kind, o.created_gte, o.created_lt,
                   o.parent_id, o.parent_ids, o.cursor, o.cursor_created, o.id
            FROM old o
            RETURNING id, carried_from
        )
        UPDATE "_sync_obj_runs" w SET superseded_by = c.id, updated_at = now()
        FROM carried c WHERE w.id = c.carried_from;
        GET DIAGNOSTICS v_carried = ROW_COUNT;

        IF NOT (v_obj->>'created_filter')::boolean THEN
            -- No created filter: the whole list, every run (unless an unfinished whole-list
            -- window was just carried over: it lists the same objects from its cursor).
            IF v_carried = 0 THEN
                INSERT INTO "_sync_obj_runs" (run_id, mode, account_id, object, kind)
                VALUES (v_run, p_mode, p_account_id, v_name, v_obj->>'kind');
            END IF;
            CONTINUE;
        END IF;
        IF v_incremental THEN
            SELECT CASE WHEN p_relist THEN NULL ELSE c.listed_until END INTO v_lo
            FROM "_backfill_cursors" c
            WHERE c.account_id = p_account_id AND c.mode = p_mode AND c.object = v_name;
            v_lo := coalesce(v_lo, p_floor);
            -- The current second is listed too (objects created just now are expected in this
            -- run), and again by the next run, which starts at it: objects created later in
            -- that second are not missed. Writing them twice changes nothing.
            v_hi := v_until + interval '1 second';
            INSERT INTO "_backfill_cursors" AS c (account_id, mode, object, listed_until, run_id)
            VALUES (p_account_id, p_mode, v_name, v_until, v_run)
            ON CONFLICT (account_id, mode, object) DO UPDATE
                SET listed_until = EXCLUDED.listed_until, run_id = EXCLUDED.run_id,
                    updated_at = now();
        ELSE
            v_lo := greatest(p_created_gte, p_floor);
            -- created[lte] is inclusive and created is whole seconds.
            v_hi := date_trunc('second', p_created_lte) + interval '1 second';
        END IF;
        IF v_lo IS NULL OR v_hi IS NULL THEN
            INSERT INTO "_sync_obj_runs" (run_id, mode, account_id, object, kind, created_gte, created_lt)
            VALUES (v_run, p_mode, p_account_id, v_name, v_obj->>'kind', v_lo, v_hi);
        ELSIF v_lo < v_hi THEN
            -- A few equal slices to start with, so that the workers have work at once; dense
            -- slices split further as their pages come back.
            INSERT INTO "_sync_obj_runs" (run_id, mode, account_id, object, kind, created_gte, created_lt)
            SELECT v_run, p_mode, p_account_id, v_name, v_obj->>'kind',
                   CASE WHEN i = 0 THEN v_lo ELSE to_timestamp(floor(
                       extract(epoch FROM v_lo) + i * extract(epoch FROM v_hi - v_lo) / n)) END,
                   CASE WHEN i = n - 1 THEN v_hi ELSE to_timestamp(floor(
                       extract(epoch FROM v_lo) + (i + 1) * extract(epoch FROM v_hi - v_lo) / n)) END
            FROM (SELECT least(greatest(p_initial_windows, 1),
                               greatest(extract(epoch FROM v_hi - v_lo)::integer, 1)) AS n) k,
                 generate_series(0, k.n - 1) AS i;
        END IF;
    END LOOP;
    RETURN QUERY SELECT v_run, false;
END
$function$;

CREATE OR REPLACE FUNCTION stripe._backfill_release_v1(p_window_id bigint, p_worker text, p_status text, p_error text DEFAULT NULL::text)
 RETURNS boolean
 LANGUAGE sql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    UPDATE "_sync_obj_runs" SET
        status = p_status, error_message = p_error, claimed_until = NULL,
        failures = failures + CASE WHEN p_error IS NULL THEN 0 ELSE 1 END,
        updated_at = now()
    WHERE id = p_window_id AND claimed_by = p_worker AND status = 'running'
      AND p_status IN ('pending', 'error')
    RETURNING true;
$function$;

CREATE OR REPLACE FUNCTION stripe._change_feed_capture()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
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
$function$;
COMMENT ON FUNCTION stripe._change_feed_capture() IS 'Statement trigger of every object table: append its changed rows to _change_feed (see 0025).';

CREATE OR REPLACE FUNCTION stripe._change_feed_horizon()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$ SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint * 1048576 $function$;

CREATE OR REPLACE FUNCTION stripe._change_feed_prune(p_retention interval, p_batch integer DEFAULT 10000)
 RETURNS TABLE(deleted bigint, pruned_through bigint)
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
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
$function$;
COMMENT ON FUNCTION stripe._change_feed_prune(p_retention interval, p_batch integer) IS 'Delete up to p_batch of the oldest changes older than p_retention (in position order, below the horizon) and record the highest position deleted in _change_feed_state.pruned_through.';

CREATE OR REPLACE FUNCTION stripe._change_feed_set_enabled(p_enabled boolean)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
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
$function$;
COMMENT ON FUNCTION stripe._change_feed_set_enabled(p_enabled boolean) IS 'Turn the change feed on or off; turning it on again records the changes missed meanwhile as pruned.';

CREATE OR REPLACE FUNCTION stripe._create_change_triggers(p_table text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
BEGIN
    EXECUTE format('CREATE OR REPLACE TRIGGER "_change_feed_insert" AFTER INSERT ON %I '
                   'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT '
                   'EXECUTE FUNCTION "_change_feed_capture"()', '_raw_' || p_table);
    EXECUTE format('CREATE OR REPLACE TRIGGER "_change_feed_update" AFTER UPDATE ON %I '
                   'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT '
                   'EXECUTE FUNCTION "_change_feed_capture"()', '_raw_' || p_table);
    PERFORM "_set_payload_storage"(p_table);
END
$function$;
COMMENT ON FUNCTION stripe._create_change_triggers(p_table text) IS 'Create the change feed''s triggers on the storage table of one object table, and set how it stores payloads (_set_payload_storage); the last step of _create_writers.';

CREATE OR REPLACE FUNCTION stripe._create_dispatchers()
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_write text;
    v_tombstone text;
    v_existing text;
    v_channel text := "_written_channel"();
BEGIN
    SELECT string_agg(format(
               'WHEN %L THEN RETURN QUERY SELECT * FROM %I(p_ords, p_objects, p_accounts, '
               'p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes);',
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
    p_deletes boolean[],
    p_livemodes boolean[] DEFAULT NULL
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
    -- Discounts (0028): expanded discount objects, kept for the metric views.
    IF p_table IN ('subscriptions', 'subscription_items') THEN
        PERFORM "_discounts_record"(array_agg(d.o), array_agg(b.account_id),
                                    array_agg(b.version), NULL)
        FROM unnest(p_objects, p_accounts, p_versions) AS b(raw, account_id, version)
        CROSS JOIN LATERAL (
            SELECT e.value AS o
            FROM jsonb_array_elements(CASE WHEN jsonb_typeof(b.raw->'discounts') = 'array'
                                           THEN b.raw->'discounts' ELSE '[]' END) e
            WHERE jsonb_typeof(e.value) = 'object'
            UNION ALL
            SELECT b.raw->'discount' WHERE jsonb_typeof(b.raw->'discount') = 'object'
        ) d;
    END IF;
    -- History mode (0026): every version given, whatever the guard made of it.
    IF EXISTS (SELECT 1 FROM "_history_objects" h WHERE h.table_name = p_table) THEN
        PERFORM "_history_record"(p_table, p_objects, p_accounts, p_versions, p_sources,
                                  p_parent_ids, p_deletes);
    END IF;
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
$function$;
COMMENT ON FUNCTION stripe._create_dispatchers() IS 'Rewrite _write_batch, _tombstone_children and _existing_ids to call the per-table functions of every object table.';

CREATE OR REPLACE FUNCTION stripe._create_history_reader(p_table text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
BEGIN
    EXECUTE format($template$
CREATE OR REPLACE FUNCTION %1$I(p_at timestamptz) RETURNS SETOF %2$I
LANGUAGE plpgsql
STABLE
SET search_path FROM CURRENT
AS $f$
BEGIN
    RETURN QUERY EXECUTE "_history_as_of_sql"(%3$L) USING %3$L, p_at;
END
$f$
$template$, p_table || '_as_of', p_table, p_table);
    EXECUTE format('COMMENT ON FUNCTION %I(timestamptz) IS %L', p_table || '_as_of',
                   format('The %s as they were at an instant (history mode; empty while it is '
                          'off for %s): the columns of the view %s.', p_table, p_table, p_table));
END
$function$;

CREATE OR REPLACE FUNCTION stripe._create_typed_view(p_table text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_columns text;
    c record;
BEGIN
    EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS "_livemode" boolean',
                   '_raw_' || p_table);
    SELECT string_agg(
               CASE WHEN tc.stored OR tc.kind = 'parent' THEN format('t.%I', tc.column_name)
                    -- The payload's, else the mode of whoever wrote the row (0040).
                    WHEN tc.column_name = 'livemode' AND tc.kind = 'boolean'
                    THEN format('coalesce(%s, t._livemode) AS livemode',
                                "_typed_expression"(tc.column_name, tc.kind))
                    ELSE format('%s AS %I', "_typed_expression"(tc.column_name, tc.kind),
                                tc.column_name)
               END, ', ' ORDER BY tc.ordinal)
    INTO v_columns
    FROM "_typed_columns" tc
    WHERE tc.table_name = p_table;
    EXECUTE format(
        'CREATE OR REPLACE VIEW %I AS SELECT t.id, t._raw_data, t._account_id, '
        't._last_synced_at, t._updated_at, t.deleted, t.deleted_at, t._version, '
        't._version_source%s FROM %I t',
        p_table, coalesce(', ' || v_columns, ''), '_raw_' || p_table);
    FOR c IN SELECT tc.column_name, tc.comment FROM "_typed_columns" tc
             WHERE tc.table_name = p_table AND tc.comment IS NOT NULL LOOP
        EXECUTE format('COMMENT ON COLUMN %I.%I IS %L', p_table, c.column_name, c.comment);
    END LOOP;
END
$function$;
COMMENT ON FUNCTION stripe._create_typed_view(p_table text) IS 'Create or replace the object view p_table over "_raw_<p_table>" from its rows in _typed_columns.';

CREATE OR REPLACE FUNCTION stripe._create_writers(p_table text, p_parent_column text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_storage text := '_raw_' || p_table;
    parent_insert text := '';
    parent_value text := '';
    parent_update text := '';
    parent_excluded text := '';
BEGIN
    IF p_parent_column IS NOT NULL THEN
        parent_insert := format(', %I', p_parent_column);
        parent_value := ', i.parent_id';
        parent_update := format(', %I = i.parent_id', p_parent_column);
        parent_excluded := format(', %1$I = EXCLUDED.%1$I', p_parent_column);
    END IF;
    EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS "_livemode" boolean', v_storage);
    EXECUTE format($template$
CREATE OR REPLACE FUNCTION %6$I(
    p_ords bigint[],
    p_objects jsonb[],
    p_accounts text[],
    p_versions timestamptz[],
    p_sources text[],
    p_parent_ids text[],
    p_tie_wins boolean[],
    p_deletes boolean[],
    p_livemodes boolean[] DEFAULT NULL
) RETURNS TABLE (ord bigint, object_id text, outcome text)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $w$
DECLARE
    v_rounds integer;
    v_rank bigint[];
    v_upserts boolean;
    v_deletes boolean;
    v_ids text[];
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(p_sources) s WHERE s IS NULL
               OR s NOT IN ('event', 'fetch', 'refetch')) THEN
        RAISE EXCEPTION 'sources must be event, fetch or refetch';
    END IF;
    -- The round of each row: 1 for the first occurrence of its id (by p_ords), 2 for the
    -- second ... (computed on small tuples: ids and positions, not the payloads).
    SELECT array_agg(y.k ORDER BY y.pos), max(y.k), array_agg(DISTINCT y.id),
           bool_or(NOT y.d), bool_or(y.d)
    INTO v_rank, v_rounds, v_ids, v_upserts, v_deletes
    FROM (SELECT x.pos, x.id, coalesce(x.d, false) AS d,
                 row_number() OVER (PARTITION BY x.id ORDER BY x.ord) AS k
          FROM unnest(p_ords, p_deletes, ARRAY(SELECT CASE jsonb_typeof(o->'id')
                                                   WHEN 'string' THEN o->>'id' END
                                               FROM unnest(p_objects) o))
               WITH ORDINALITY AS x(ord, d, id, pos)) y;
    IF v_ids = '{NULL}' OR v_ids IS NULL THEN
        RETURN;
    END IF;
    -- Lock the existing rows in id order first; the statements below then read them as they
    -- are now (each statement of a function takes a new snapshot).
    PERFORM 1 FROM %1$I t WHERE t.id = ANY (v_ids) ORDER BY t.id FOR UPDATE;

    FOR v_round IN 1..v_rounds LOOP
        IF v_upserts THEN
            -- Existing rows are UPDATEd and only missing ids INSERTed: INSERT ... ON CONFLICT
            -- DO UPDATE would pay for both paths on every update.
            RETURN QUERY
            WITH incoming AS (
                SELECT b.ord, b.raw->>'id' AS id, b.raw, b.account_id, b.version, b.source,
                       CASE WHEN b.source = 'refetch' THEN 'fetch' ELSE b.source END
                           AS stored_source,
                       b.parent_id, coalesce(b.tie_wins, false) AS tie_wins, b.livemode
                FROM unnest(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids,
                            p_tie_wins, p_deletes, v_rank, p_livemodes)
                     AS b(ord, raw, account_id, version, source, parent_id, tie_wins, is_delete,
                          round, livemode)
                WHERE b.round = v_round AND NOT coalesce(b.is_delete, false)
                  AND jsonb_typeof(b.raw->'id') = 'string'
            ),
            updated AS (
                UPDATE %1$I AS t SET
                    _raw_data = i.raw,
                    _account_id = i.account_id,
                    _version = i.version,
                    _version_source = i.stored_source,
                    _last_synced_at = now(),
                    _updated_at = now(), _livemode = coalesce(i.livemode, t._livemode) %4$s
                FROM incoming i
                WHERE t.id = i.id
                  AND NOT t.deleted
                  AND t._raw_data IS DISTINCT FROM i.raw
                  AND (
                      t._version IS NULL
                      OR date_trunc('second', i.version) > date_trunc('second', t._version)
                      OR (date_trunc('second', i.version) = date_trunc('second', t._version)
                          AND ((i.source = 'refetch' AND i.version >= t._updated_at)
                               OR i.tie_wins
                               OR (i.stored_source = 'fetch' AND t._version_source = 'fetch'
                                   AND i.version >= t._version)))
                  )
                RETURNING t.id
            ),
            inserted AS (
                -- A row inserted by someone else since the lock makes this a no-op, reported
                -- 'ambiguous' below: the caller fetches again and retries.
                INSERT INTO %1$I AS t (id, _raw_data, _account_id, _version, _version_source, _livemode %2$s)
                SELECT i.id, i.raw, i.account_id, i.version, i.stored_source, i.livemode %3$s
                FROM incoming i
                WHERE NOT EXISTS (SELECT 1 FROM %1$I b WHERE b.id = i.id)
                ON CONFLICT (id) DO NOTHING
                RETURNING t.id
            )
            SELECT i.ord, i.id,
                   CASE
                       WHEN i.id IN (SELECT u.id FROM updated u)
                            OR i.id IN (SELECT n.id FROM inserted n) THEN 'written'
                       WHEN b.id IS NULL THEN 'ambiguous'
                       WHEN b.deleted THEN 'tombstoned'
                       WHEN b._raw_data = i.raw THEN 'unchanged'
                       WHEN date_trunc('second', i.version) < date_trunc('second', b._version)
                           THEN 'stale'
                       WHEN i.stored_source = 'fetch' AND b._version_source = 'fetch'
                           THEN 'stale'
                       ELSE 'ambiguous'
                   END
            FROM incoming i
            LEFT JOIN %1$I b ON b.id = i.id;
        END IF;
        IF v_deletes THEN
            -- A deletion always wins over updates: Stripe never brings a deleted object back.
            -- A tombstone's _version_source says where its state came from: 'event' for a
            -- full last state (a *.deleted event's payload), 'fetch' for only the last state
            -- we had (a stub or a 404), which a full last state arriving later replaces.
            RETURN QUERY
            WITH incoming AS (
                SELECT b.ord, b.raw->>'id' AS id, b.raw, b.account_id, b.version, b.parent_id, b.livemode,
                       (b.raw - 'id' - 'object' - 'deleted') <> '{}'::jsonb AS full_state
                FROM unnest(p_ords, p_objects, p_accounts, p_versions, p_parent_ids, p_deletes,
                            v_rank, p_livemodes)
                     AS b(ord, raw, account_id, version, parent_id, is_delete, round, livemode)
                WHERE b.round = v_round AND coalesce(b.is_delete, false)
                  AND jsonb_typeof(b.raw->'id') = 'string'
            ),
            written AS (
                INSERT INTO %1$I AS t (id, _raw_data, _account_id, _version, _version_source,
                                       deleted, deleted_at, _livemode %2$s)
                SELECT i.id, i.raw, i.account_id, i.version,
                       CASE WHEN i.full_state THEN 'event' ELSE 'fetch' END, true,
                       i.version, i.livemode %3$s
                FROM incoming i
                ON CONFLICT (id) DO UPDATE SET
                    deleted = true,
                    deleted_at = CASE WHEN t.deleted
                                      THEN LEAST(t.deleted_at, EXCLUDED.deleted_at)
                                      ELSE EXCLUDED.deleted_at END,
                    _raw_data = CASE
                        WHEN EXCLUDED._version_source = 'fetch'
                        THEN t._raw_data || jsonb_build_object('deleted', true)
                        ELSE EXCLUDED._raw_data END,
                    _version = GREATEST(t._version, EXCLUDED._version),
                    _version_source = EXCLUDED._version_source,
                    _last_synced_at = now(),
                    _updated_at = now(), _livemode = coalesce(EXCLUDED._livemode, t._livemode) %5$s
                WHERE NOT t.deleted
                   OR (t._version_source = 'fetch' AND EXCLUDED._version_source = 'event'
                       AND t._raw_data IS DISTINCT FROM EXCLUDED._raw_data)
                RETURNING t.id
            )
            SELECT i.ord, i.id,
                   CASE WHEN i.id IN (SELECT w.id FROM written w) THEN 'deleted'
                        ELSE 'tombstoned' END
            FROM incoming i;
        END IF;
    END LOOP;
END
$w$
$template$, v_storage, parent_insert, parent_value, parent_update, parent_excluded,
        '_write_' || p_table);

    EXECUTE format($template$
CREATE OR REPLACE FUNCTION %2$I(p_ids text[]) RETURNS text[]
LANGUAGE sql STABLE
SET search_path FROM CURRENT
AS $e$ SELECT coalesce(array_agg(t.id), '{}') FROM %1$I t WHERE t.id = ANY (p_ids) $e$
$template$, v_storage, '_existing_' || p_table);

    IF p_parent_column IS NOT NULL THEN
        EXECUTE format($template$
CREATE OR REPLACE FUNCTION %3$I(
    p_parent_ids text[],
    p_versions timestamptz[],
    p_keep_parents text[],
    p_keep_ids text[]
) RETURNS integer
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $t$
DECLARE
    n integer;
BEGIN
    -- "= ANY" on the parent column, not a join with the unnested parents: planned once for
    -- any number of parents, a join was a scan of the whole table.
    UPDATE %1$I t
    SET deleted = true,
        deleted_at = p_versions[array_position(p_parent_ids, t.%2$I)],
        _updated_at = now()
    WHERE t.%2$I = ANY (p_parent_ids) AND NOT t.deleted
      AND (t._version IS NULL
           OR t._version <= p_versions[array_position(p_parent_ids, t.%2$I)])
      AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p_keep_parents, '{}'),
                                           coalesce(p_keep_ids, '{}')) AS k(parent_id, id)
                      WHERE k.parent_id = t.%2$I AND k.id = t.id);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$t$
$template$, v_storage, p_parent_column, '_tombstone_' || p_table);
    END IF;
    PERFORM "_create_change_triggers"(p_table);
END
$function$;
COMMENT ON FUNCTION stripe._create_writers(p_table text, p_parent_column text) IS 'Create (or replace) the write functions of one object table: _write_<table>, _existing_<table>, and _tombstone_<table> for a child table; then run _create_dispatchers.';

CREATE OR REPLACE FUNCTION stripe._delete_account_data(p_account_id text, p_dry_run boolean DEFAULT false)
 RETURNS TABLE(table_name text, row_count bigint)
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
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
$function$;
COMMENT ON FUNCTION stripe._delete_account_data(p_account_id text, p_dry_run boolean) IS 'Delete every row of one account in every table that holds account data, in one transaction (p_dry_run: only count them); returns the count per table.';

CREATE OR REPLACE FUNCTION stripe._describe(p_value jsonb)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
    SELECT CASE jsonb_typeof(p_value)
        WHEN 'string' THEN CASE WHEN p_value->>0 = '' THEN 'an empty string'
                                ELSE 'a ' || length(p_value->>0) || '-character string' END
        WHEN 'number' THEN CASE WHEN p_value::text ~ '^-?[0-9]+$' THEN 'a int' ELSE 'a float' END
        WHEN 'boolean' THEN 'a bool'
        WHEN 'array' THEN 'a list'
        WHEN 'object' THEN 'a dict'
        ELSE 'missing'
    END
$function$;

CREATE OR REPLACE FUNCTION stripe._discounts_record(p_objects jsonb[], p_accounts text[], p_versions timestamp with time zone[], p_deleted boolean[])
 RETURNS void
 LANGUAGE sql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    -- In id order, as every writer: concurrent groups wait instead of deadlocking.
    INSERT INTO "_discounts" AS d (id, account_id, subscription, subscription_item, payload,
                                   version, deleted_at)
    SELECT DISTINCT ON (x.o->>'id')
           x.o->>'id', x.account_id, "_id_of"(x.o->'subscription'),
           "_id_of"(x.o->'subscription_item'), x.o, x.version,
           CASE WHEN coalesce(x.deleted, false) THEN x.version END
    FROM unnest(p_objects, p_accounts, p_versions, p_deleted) AS x(o, account_id, version, deleted)
    WHERE jsonb_typeof(x.o) = 'object' AND x.o->>'object' = 'discount'
      AND jsonb_typeof(x.o->'id') = 'string' AND x.version IS NOT NULL
    ORDER BY x.o->>'id', coalesce(x.deleted, false) DESC, x.version DESC
    ON CONFLICT (id) DO UPDATE SET
        payload = CASE WHEN EXCLUDED.version >= d.version THEN EXCLUDED.payload
                       ELSE d.payload END,
        subscription = CASE WHEN EXCLUDED.version >= d.version
                            THEN coalesce(EXCLUDED.subscription, d.subscription)
                            ELSE d.subscription END,
        subscription_item = CASE WHEN EXCLUDED.version >= d.version
                                 THEN coalesce(EXCLUDED.subscription_item, d.subscription_item)
                                 ELSE d.subscription_item END,
        version = greatest(d.version, EXCLUDED.version),
        -- least() ignores NULLs: the first deletion seen stays.
        deleted_at = least(d.deleted_at, EXCLUDED.deleted_at),
        updated_at = now()
    WHERE EXCLUDED.version >= d.version OR EXCLUDED.deleted_at < d.deleted_at
       OR (d.deleted_at IS NULL AND EXCLUDED.deleted_at IS NOT NULL);
$function$;
COMMENT ON FUNCTION stripe._discounts_record(p_objects jsonb[], p_accounts text[], p_versions timestamp with time zone[], p_deleted boolean[]) IS 'Keep discount objects in _discounts (the newest version of each, the first deletion seen).';

CREATE OR REPLACE FUNCTION stripe._existing_ids(p_table text, p_ids text[])
 RETURNS text[]
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
BEGIN
    CASE p_table WHEN 'active_entitlements' THEN RETURN _existing_active_entitlements(p_ids); WHEN 'apple_pay_domains' THEN RETURN _existing_apple_pay_domains(p_ids); WHEN 'application_fee_refunds' THEN RETURN _existing_application_fee_refunds(p_ids); WHEN 'application_fees' THEN RETURN _existing_application_fees(p_ids); WHEN 'apps_installs' THEN RETURN _existing_apps_installs(p_ids); WHEN 'balance_transactions' THEN RETURN _existing_balance_transactions(p_ids); WHEN 'billing_alerts' THEN RETURN _existing_billing_alerts(p_ids); WHEN 'billing_credit_balance_transactions' THEN RETURN _existing_billing_credit_balance_transactions(p_ids); WHEN 'billing_credit_grants' THEN RETURN _existing_billing_credit_grants(p_ids); WHEN 'billing_feedback_options' THEN RETURN _existing_billing_feedback_options(p_ids); WHEN 'billing_meters' THEN RETURN _existing_billing_meters(p_ids); WHEN 'billing_portal_configurations' THEN RETURN _existing_billing_portal_configurations(p_ids); WHEN 'charges' THEN RETURN _existing_charges(p_ids); WHEN 'checkout_session_line_items' THEN RETURN _existing_checkout_session_line_items(p_ids); WHEN 'checkout_sessions' THEN RETURN _existing_checkout_sessions(p_ids); WHEN 'climate_orders' THEN RETURN _existing_climate_orders(p_ids); WHEN 'connected_accounts' THEN RETURN _existing_connected_accounts(p_ids); WHEN 'coupons' THEN RETURN _existing_coupons(p_ids); WHEN 'credit_note_line_items' THEN RETURN _existing_credit_note_line_items(p_ids); WHEN 'credit_notes' THEN RETURN _existing_credit_notes(p_ids); WHEN 'customer_balance_transactions' THEN RETURN _existing_customer_balance_transactions(p_ids); WHEN 'customer_cash_balance_transactions' THEN RETURN _existing_customer_cash_balance_transactions(p_ids); WHEN 'customers' THEN RETURN _existing_customers(p_ids); WHEN 'disputes' THEN RETURN _existing_disputes(p_ids); WHEN 'early_fraud_warnings' THEN RETURN _existing_early_fraud_warnings(p_ids); WHEN 'external_accounts' THEN RETURN _existing_external_accounts(p_ids); WHEN 'features' THEN RETURN _existing_features(p_ids); WHEN 'file_links' THEN RETURN _existing_file_links(p_ids); WHEN 'files' THEN RETURN _existing_files(p_ids); WHEN 'financial_connections_accounts' THEN RETURN _existing_financial_connections_accounts(p_ids); WHEN 'financial_connections_transactions' THEN RETURN _existing_financial_connections_transactions(p_ids); WHEN 'forwarding_requests' THEN RETURN _existing_forwarding_requests(p_ids); WHEN 'identity_verification_reports' THEN RETURN _existing_identity_verification_reports(p_ids); WHEN 'identity_verification_sessions' THEN RETURN _existing_identity_verification_sessions(p_ids); WHEN 'invoice_items' THEN RETURN _existing_invoice_items(p_ids); WHEN 'invoice_line_items' THEN RETURN _existing_invoice_line_items(p_ids); WHEN 'invoice_payments' THEN RETURN _existing_invoice_payments(p_ids); WHEN 'invoice_rendering_templates' THEN RETURN _existing_invoice_rendering_templates(p_ids); WHEN 'invoices' THEN RETURN _existing_invoices(p_ids); WHEN 'issuing_authorizations' THEN RETURN _existing_issuing_authorizations(p_ids); WHEN 'issuing_cardholders' THEN RETURN _existing_issuing_cardholders(p_ids); WHEN 'issuing_cards' THEN RETURN _existing_issuing_cards(p_ids); WHEN 'issuing_disputes' THEN RETURN _existing_issuing_disputes(p_ids); WHEN 'issuing_personalization_designs' THEN RETURN _existing_issuing_personalization_designs(p_ids); WHEN 'issuing_tokens' THEN RETURN _existing_issuing_tokens(p_ids); WHEN 'issuing_transactions' THEN RETURN _existing_issuing_transactions(p_ids); WHEN 'payment_attempt_records' THEN RETURN _existing_payment_attempt_records(p_ids); WHEN 'payment_intent_amount_details_line_items' THEN RETURN _existing_payment_intent_amount_details_line_items(p_ids); WHEN 'payment_intents' THEN RETURN _existing_payment_intents(p_ids); WHEN 'payment_link_line_items' THEN RETURN _existing_payment_link_line_items(p_ids); WHEN 'payment_links' THEN RETURN _existing_payment_links(p_ids); WHEN 'payment_method_configurations' THEN RETURN _existing_payment_method_configurations(p_ids); WHEN 'payment_method_domains' THEN RETURN _existing_payment_method_domains(p_ids); WHEN 'payment_methods' THEN RETURN _existing_payment_methods(p_ids); WHEN 'payment_records' THEN RETURN _existing_payment_records(p_ids); WHEN 'payouts' THEN RETURN _existing_payouts(p_ids); WHEN 'persons' THEN RETURN _existing_persons(p_ids); WHEN 'plans' THEN RETURN _existing_plans(p_ids); WHEN 'prices' THEN RETURN _existing_prices(p_ids); WHEN 'product_catalog_trial_offers' THEN RETURN _existing_product_catalog_trial_offers(p_ids); WHEN 'product_features' THEN RETURN _existing_product_features(p_ids); WHEN 'products' THEN RETURN _existing_products(p_ids); WHEN 'promotion_codes' THEN RETURN _existing_promotion_codes(p_ids); WHEN 'quote_line_items' THEN RETURN _existing_quote_line_items(p_ids); WHEN 'quotes' THEN RETURN _existing_quotes(p_ids); WHEN 'radar_value_list_items' THEN RETURN _existing_radar_value_list_items(p_ids); WHEN 'radar_value_lists' THEN RETURN _existing_radar_value_lists(p_ids); WHEN 'refunds' THEN RETURN _existing_refunds(p_ids); WHEN 'reporting_report_runs' THEN RETURN _existing_reporting_report_runs(p_ids); WHEN 'reviews' THEN RETURN _existing_reviews(p_ids); WHEN 'setup_attempts' THEN RETURN _existing_setup_attempts(p_ids); WHEN 'setup_intents' THEN RETURN _existing_setup_intents(p_ids); WHEN 'shipping_rates' THEN RETURN _existing_shipping_rates(p_ids); WHEN 'sigma_scheduled_query_runs' THEN RETURN _existing_sigma_scheduled_query_runs(p_ids); WHEN 'subscription_items' THEN RETURN _existing_subscription_items(p_ids); WHEN 'subscription_schedules' THEN RETURN _existing_subscription_schedules(p_ids); WHEN 'subscriptions' THEN RETURN _existing_subscriptions(p_ids); WHEN 'tax_ids' THEN RETURN _existing_tax_ids(p_ids); WHEN 'tax_locations' THEN RETURN _existing_tax_locations(p_ids); WHEN 'tax_rates' THEN RETURN _existing_tax_rates(p_ids); WHEN 'tax_registrations' THEN RETURN _existing_tax_registrations(p_ids); WHEN 'terminal_configurations' THEN RETURN _existing_terminal_configurations(p_ids); WHEN 'terminal_locations' THEN RETURN _existing_terminal_locations(p_ids); WHEN 'terminal_readers' THEN RETURN _existing_terminal_readers(p_ids); WHEN 'test_helpers_test_clocks' THEN RETURN _existing_test_helpers_test_clocks(p_ids); WHEN 'three_d_secure_authentications' THEN RETURN _existing_three_d_secure_authentications(p_ids); WHEN 'topups' THEN RETURN _existing_topups(p_ids); WHEN 'transfer_reversals' THEN RETURN _existing_transfer_reversals(p_ids); WHEN 'transfers' THEN RETURN _existing_transfers(p_ids); WHEN 'treasury_credit_reversals' THEN RETURN _existing_treasury_credit_reversals(p_ids); WHEN 'treasury_debit_reversals' THEN RETURN _existing_treasury_debit_reversals(p_ids); WHEN 'treasury_financial_accounts' THEN RETURN _existing_treasury_financial_accounts(p_ids); WHEN 'treasury_inbound_transfers' THEN RETURN _existing_treasury_inbound_transfers(p_ids); WHEN 'treasury_outbound_payments' THEN RETURN _existing_treasury_outbound_payments(p_ids); WHEN 'treasury_outbound_transfers' THEN RETURN _existing_treasury_outbound_transfers(p_ids); WHEN 'treasury_received_credits' THEN RETURN _existing_treasury_received_credits(p_ids); WHEN 'treasury_received_debits' THEN RETURN _existing_treasury_received_debits(p_ids); WHEN 'treasury_transaction_entries' THEN RETURN _existing_treasury_transaction_entries(p_ids); WHEN 'treasury_transactions' THEN RETURN _existing_treasury_transactions(p_ids);
    ELSE RAISE EXCEPTION 'unknown object table %', p_table;
    END CASE;
END
$function$;

CREATE OR REPLACE FUNCTION stripe._history_as_of_sql(p_table text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_columns text;
BEGIN
    SELECT string_agg(
               CASE WHEN tc.kind = 'parent' THEN format('t.parent_id AS %I', tc.column_name)
                    WHEN tc.column_name = 'livemode' AND tc.kind = 'boolean'
                    THEN format('coalesce(%s, (SELECT r._livemode FROM %I r WHERE r.id = t.id)) '
                                'AS livemode', "_typed_expression"(tc.column_name, tc.kind),
                                '_raw_' || p_table)
                    ELSE format('%s AS %I', "_typed_expression"(tc.column_name, tc.kind),
                                tc.column_name)
               END, ', ' ORDER BY tc.ordinal)
    INTO v_columns
    FROM "_typed_columns" tc
    WHERE tc.table_name = p_table;
    RETURN format(
        'SELECT t.id, t._raw_data, t._account_id, t._last_synced_at, t._updated_at, '
        'false AS deleted, NULL::timestamptz AS deleted_at, t._version, '
        't._version_source%s FROM (SELECT h.id, h.payload AS _raw_data, '
        'h.account_id AS _account_id, h.recorded_at AS _last_synced_at, '
        'h.recorded_at AS _updated_at, h.version AS _version, '
        'CASE h.source WHEN ''refetch'' THEN ''fetch'' ELSE h.source END AS _version_source, '
        'h.parent_id FROM %I.history_as_of($1, $2) h) t',
        coalesce(', ' || v_columns, ''), current_schema());
END
$function$;

CREATE OR REPLACE FUNCTION stripe._history_record(p_table text, p_objects jsonb[], p_accounts text[], p_versions timestamp with time zone[], p_sources text[], p_parent_ids text[], p_deletes boolean[])
 RETURNS void
 LANGUAGE sql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    WITH incoming AS (
        SELECT b.raw->>'id' AS id, b.raw, md5(b.raw::text)::uuid AS hash, b.account_id,
               b.version, coalesce(b.source, 'event') AS source, b.parent_id,
               coalesce(b.is_delete, false) AS deleted
        FROM unnest(p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_deletes)
             AS b(raw, account_id, version, source, parent_id, is_delete)
        WHERE jsonb_typeof(b.raw->'id') = 'string' AND b.version IS NOT NULL
    ),
    payloads AS (
        INSERT INTO "_history_payloads" (hash, account_id, payload)
        SELECT DISTINCT ON (i.hash) i.hash, i.account_id, i.raw
        FROM incoming i
        ORDER BY i.hash
        ON CONFLICT (hash) DO NOTHING
    )
    -- In key order, as every writer inserts: concurrent groups wait instead of deadlocking.
    INSERT INTO "_history" (table_name, id, deleted, version, hash, account_id, parent_id, source)
    SELECT DISTINCT ON (i.id, i.deleted, i.version, i.hash)
           p_table, i.id, i.deleted, i.version, i.hash, i.account_id, i.parent_id, i.source
    FROM incoming i
    ORDER BY i.id, i.deleted, i.version, i.hash
    ON CONFLICT DO NOTHING;
$function$;
COMMENT ON FUNCTION stripe._history_record(p_table text, p_objects jsonb[], p_accounts text[], p_versions timestamp with time zone[], p_sources text[], p_parent_ids text[], p_deletes boolean[]) IS 'Record the versions given to _write_batch in _history (history mode), whatever the stale-write guard made of them.';

CREATE OR REPLACE FUNCTION stripe._id_of(p_value jsonb)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
    SELECT CASE
        WHEN jsonb_typeof(p_value) = 'string' THEN nullif(p_value->>0, '')
        WHEN jsonb_typeof(p_value) = 'object' AND jsonb_typeof(p_value->'id') = 'string'
            THEN nullif(p_value->>'id', '')
    END
$function$;

CREATE OR REPLACE FUNCTION stripe._listen_for_writes()
 RETURNS text
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
BEGIN
    DELETE FROM "_write_listeners" l
    WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = l.pid);
    INSERT INTO "_write_listeners" (pid) VALUES (pg_backend_pid()) ON CONFLICT DO NOTHING;
    RETURN "_written_channel"();
END
$function$;

CREATE OR REPLACE FUNCTION stripe._metric_day(p_at timestamp with time zone)
 RETURNS date
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT ((p_at AT TIME ZONE 'UTC') - interval '1 microsecond')::date
$function$;

CREATE OR REPLACE FUNCTION stripe._metric_day_end(p_day date)
 RETURNS timestamp with time zone
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT (p_day + 1)::timestamp AT TIME ZONE 'UTC'
$function$;

CREATE OR REPLACE FUNCTION stripe._metric_months(p_interval text, p_count numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT CASE WHEN p_count > 0 THEN
               p_count * CASE p_interval WHEN 'month' THEN 1::numeric
                                         WHEN 'year' THEN 12::numeric
                                         WHEN 'week' THEN 12::numeric / 52
                                         WHEN 'day' THEN 12::numeric / 365 END
           END
$function$;

CREATE OR REPLACE FUNCTION stripe._metric_numeric(p_value jsonb)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT CASE jsonb_typeof(p_value)
           WHEN 'number' THEN (p_value #>> '{}')::numeric
           WHEN 'string' THEN CASE WHEN length(p_value #>> '{}') <= 100
                                        AND (p_value #>> '{}') ~ '^-?[0-9]+(\.[0-9]+)?$'
                                   THEN (p_value #>> '{}')::numeric END
           END
$function$;

CREATE AGGREGATE stripe._metric_product(numeric) (SFUNC = numeric_mul, STYPE = numeric, INITCOND = '1');

CREATE OR REPLACE FUNCTION stripe._metric_time(p_value jsonb)
 RETURNS timestamp with time zone
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
    SELECT CASE WHEN jsonb_typeof(p_value) = 'number'
                     AND (p_value #>> '{}')::numeric BETWEEN -62135596800 AND 253402300799
                THEN to_timestamp((p_value #>> '{}')::double precision) END
$function$;

CREATE OR REPLACE FUNCTION stripe._metric_today()
 RETURNS date
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
    SELECT (now() AT TIME ZONE 'UTC')::date
$function$;

CREATE OR REPLACE FUNCTION stripe._object_modes(p_account_id text, p_tables text[])
 RETURNS SETOF text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_table text;
    v_live boolean;
    v_seen text[] := '{}';
BEGIN
    FOR v_table IN
        SELECT t.table_name FROM "_account_tables"() t
        WHERE t.ord = 0 AND t.table_name = ANY (p_tables)
        ORDER BY t.table_name
    LOOP
        EXECUTE format('SELECT CASE "_raw_data"->''livemode'' WHEN ''true'' THEN true '
                       'WHEN ''false'' THEN false END FROM %I WHERE "_account_id" = $1 LIMIT 1',
                       '_raw_' || v_table)
            INTO v_live USING p_account_id;
        CONTINUE WHEN v_live IS NULL
                   OR CASE WHEN v_live THEN 'live' ELSE 'test' END = ANY (v_seen);
        v_seen := v_seen || CASE WHEN v_live THEN 'live' ELSE 'test' END;
        RETURN NEXT v_seen[cardinality(v_seen)];
        EXIT WHEN cardinality(v_seen) = 2;  -- both modes: nothing more to learn
    END LOOP;
END
$function$;
COMMENT ON FUNCTION stripe._object_modes(p_account_id text, p_tables text[]) IS 'The modes (live, test) that one row of each of the account''s object tables among p_tables says: a sample, one index probe per table until both are seen.';

CREATE OR REPLACE FUNCTION stripe._object_name(p_object text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
    SELECT CASE p_object
        WHEN 'bank_account' THEN 'external_account'
        WHEN 'card' THEN 'external_account'
        WHEN 'entitlements.active_entitlement' THEN 'active_entitlement'
        WHEN 'entitlements.feature' THEN 'feature'
        WHEN 'fee_refund' THEN 'application_fee_refund'
        WHEN 'invoiceitem' THEN 'invoice_item'
        WHEN 'line_item' THEN 'invoice_line_item'
        WHEN 'radar.early_fraud_warning' THEN 'early_fraud_warning'
        WHEN 'scheduled_query_run' THEN 'sigma_scheduled_query_run'
        ELSE replace(p_object, '.', '_')
    END;
$function$;

CREATE OR REPLACE FUNCTION stripe._prune_processed_events(p_keep interval DEFAULT '35 days'::interval)
 RETURNS bigint
 LANGUAGE sql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    -- Stripe retries a webhook for up to 3 days and keeps events for 30: an event older than
    -- that cannot arrive again, so its dedup record can go.
    WITH gone AS (
        DELETE FROM "_processed_events" WHERE processed_at < now() - p_keep RETURNING 1
    )
    SELECT count(*) FROM gone;
$function$;
COMMENT ON FUNCTION stripe._prune_processed_events(p_keep interval) IS 'Delete deduplication records older than p_keep (default 35 days); returns how many.';

CREATE OR REPLACE FUNCTION stripe._rate_limit_acquire(p_keys text[], p_rates double precision[], p_bursts double precision[], p_now timestamp with time zone DEFAULT NULL::timestamp with time zone)
 RETURNS TABLE(delay double precision, slot timestamp with time zone, now timestamp with time zone)
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_now timestamptz;
    v_slot timestamptz;
    n integer := coalesce(array_length(p_keys, 1), 0);
BEGIN
    IF n <> coalesce(array_length(p_rates, 1), 0) OR n <> coalesce(array_length(p_bursts, 1), 0)
    THEN
        RAISE EXCEPTION 'p_keys, p_rates and p_bursts must have the same length';
    END IF;
    -- Not worth a disk flush: a crash that loses the last moments' reservations only lets
    -- their slots be handed out again once. Transaction-local, so it also holds for the commit
    -- that follows this call, and for borrowed connections it ends with it.
    PERFORM set_config('synchronous_commit', 'off', true);
    IF n = 0 THEN
        v_now := coalesce(p_now, clock_timestamp());
        RETURN QUERY SELECT 0::double precision, v_now, v_now;
        RETURN;
    END IF;

    -- Buckets seen for the first time start full. Rows are made and then locked in key order,
    -- the same order for every caller, so two callers sharing buckets cannot deadlock.
    INSERT INTO "_rate_limits" ("key", "rate", "burst")
    SELECT k, r, b FROM unnest(p_keys, p_rates, p_bursts) AS u(k, r, b) ORDER BY k
    ON CONFLICT ("key") DO NOTHING;

    PERFORM FROM "_rate_limits" WHERE "key" = ANY (p_keys) ORDER BY "key" FOR UPDATE;

    -- The clock is read once the locks are held: a caller that queued for them gets a slot no
    -- earlier than the moment it was served, not the moment it arrived.
    v_now := coalesce(p_now, clock_timestamp());
    -- A bucket lets a request run up to burst - 1 steps ahead of its schedule.
    SELECT greatest(
        v_now,
        max(t."next_due" - interval '1 microsecond' * floor((u.b - 1) * ceil(1e6 / u.r)))
    )
    INTO v_slot
    FROM "_rate_limits" AS t JOIN unnest(p_keys, p_rates, p_bursts) AS u(k, r, b) ON u.k = t."key";

    UPDATE "_rate_limits" AS t
    SET "next_due" = greatest(t."next_due", v_slot) + interval '1 microsecond' * ceil(1e6 / u.r),
        "rate" = u.r,
        "burst" = u.b
    FROM unnest(p_keys, p_rates, p_bursts) AS u(k, r, b)
    WHERE t."key" = u.k;

    RETURN QUERY SELECT extract(epoch FROM v_slot - v_now)::double precision, v_slot, v_now;
END;
$function$;

CREATE OR REPLACE FUNCTION stripe._record_dead_letter_v1(p_event_id text, p_account_id text, p_type text, p_created timestamp with time zone, p_payload jsonb, p_error_class text, p_error_message text)
 RETURNS integer
 LANGUAGE sql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    INSERT INTO "_dead_letters" AS d
        (event_id, account_id, type, created, payload, error_class, error_message)
    VALUES (p_event_id, p_account_id, p_type, p_created, p_payload, p_error_class,
            p_error_message)
    ON CONFLICT (event_id) DO UPDATE SET
        account_id = COALESCE(EXCLUDED.account_id, d.account_id),
        payload = EXCLUDED.payload,
        error_class = EXCLUDED.error_class,
        error_message = EXCLUDED.error_message,
        attempts = d.attempts + 1,
        last_failed_at = now(),
        resolved_at = NULL
    RETURNING attempts;
$function$;
COMMENT ON FUNCTION stripe._record_dead_letter_v1(p_event_id text, p_account_id text, p_type text, p_created timestamp with time zone, p_payload jsonb, p_error_class text, p_error_message text) IS 'Store a verified event that failed for a non-transient reason (or count one more failure of it); returns its attempts.';

CREATE OR REPLACE FUNCTION stripe._resolve_dead_letter()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
BEGIN
    -- Dead letters are rare: most statements find none unresolved (a partial index) and stop.
    IF EXISTS (SELECT 1 FROM "_dead_letters" d WHERE d."resolved_at" IS NULL) THEN
        UPDATE "_dead_letters" d SET "resolved_at" = now()
        FROM "recorded" x
        WHERE d."event_id" = x."id" AND d."resolved_at" IS NULL;
    END IF;
    RETURN NULL;
END
$function$;

CREATE OR REPLACE FUNCTION stripe._route_event_v1(p_event jsonb, p_object jsonb DEFAULT NULL::jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_obj jsonb;
    v_type text;
    r "_resources"%ROWTYPE;
    c "_resources"%ROWTYPE;
    v_action text;
    v_reason text;
    v_id text;
    v_parent_id text;
    v_stub boolean;
    v_objects jsonb;
    v_has_more boolean := false;
    v_children jsonb := '[]';
    v_nested jsonb;
    v_value jsonb;
    v_present_list boolean;
    v_present boolean;
    v_list_more boolean;
    v_lists jsonb;
    v_field text;
BEGIN
    IF p_event IS NULL AND p_object IS NULL THEN
        RAISE EXCEPTION '_route_event needs an event or an object' USING ERRCODE = '22023';
    END IF;
    IF p_event IS NOT NULL THEN
        IF jsonb_typeof(p_event) <> 'object' THEN
            RAISE EXCEPTION 'an event must be a JSON object, not %', "_describe"(p_event)
                USING ERRCODE = '22023';
        END IF;
        IF p_event ? 'object' AND jsonb_typeof(p_event->'object') <> 'null'
           AND (p_event->'object') <> '"event"'::jsonb THEN
            RAISE EXCEPTION 'not a Stripe event: "object" is %, expected "event"',
                "_describe"(p_event->'object') USING ERRCODE = '22023';
        END IF;
        FOREACH v_field IN ARRAY ARRAY['id', 'type'] LOOP
            IF jsonb_typeof(p_event->v_field) IS DISTINCT FROM 'string'
               OR p_event->>v_field = '' THEN
                RAISE EXCEPTION 'malformed event: "%" is %, expected a non-empty string',
                    v_field, "_describe"(p_event->v_field) USING ERRCODE = '22023';
            END IF;
        END LOOP;
        IF jsonb_typeof(p_event->'data') IS DISTINCT FROM 'object' THEN
            RAISE EXCEPTION 'malformed event: "data" is %, expected an object',
                "_describe"(p_event->'data') USING ERRCODE = '22023';
        END IF;
        IF jsonb_typeof(p_event->'data'->'object') IS DISTINCT FROM 'object' THEN
            RAISE EXCEPTION 'malformed event: "data.object" is %, expected an object',
                "_describe"(p_event->'data'->'object') USING ERRCODE = '22023';
        END IF;
        IF jsonb_typeof(p_event->'created') IS DISTINCT FROM 'number'
           OR (p_event->'created')::text !~ '^-?[0-9]+$' THEN
            RAISE EXCEPTION 'malformed event: "created" is %, expected Unix seconds',
                "_describe"(p_event->'created') USING ERRCODE = '22023';
        END IF;
    ELSIF jsonb_typeof(p_object) <> 'object' THEN
        RAISE EXCEPTION 'an object must be a JSON object, not %', "_describe"(p_object)
            USING ERRCODE = '22023';
    END IF;

    v_obj := coalesce(p_object, p_event->'data'->'object');
    IF jsonb_typeof(v_obj->'object') IS DISTINCT FROM 'string' OR v_obj->>'object' = '' THEN
        RAISE EXCEPTION 'malformed event: "data.object.object" is %, expected the object''s type',
            "_describe"(v_obj->'object') USING ERRCODE = '22023';
    END IF;
    v_type := v_obj->>'object';
    v_objects := jsonb_build_array(v_obj);

    SELECT * INTO r FROM "_resources" x
    WHERE (x.object = v_type OR v_type = ANY (x.event_objects))
      AND (NOT x.is_child OR (SELECT count(*) FROM "_resources" y
                              WHERE y.object = v_type
                                 OR v_type = ANY (y.event_objects)) = 1)
      AND (p_object IS NOT NULL
           OR NOT coalesce(p_event->>'type', '') = ANY (ARRAY['account.application.authorized', 'account.application.deauthorized', 'balance.available', 'balance_settings.updated', 'billing.alert.triggered', 'billing_portal.session.created', 'capability.updated', 'cash_balance.funds_available', 'climate.product.created', 'climate.product.pricing_updated', 'customer.discount.created', 'customer.discount.deleted', 'customer.discount.updated', 'customer.source.created', 'customer.source.deleted', 'customer.source.expiring', 'customer.source.updated', 'financial_connections.authorization.expected_deactivation_date_updated', 'financial_connections.authorization.upcoming_deactivation', 'mandate.updated', 'reporting.report_type.updated', 'reserve.hold.created', 'reserve.hold.updated', 'reserve.plan.created', 'reserve.plan.disabled', 'reserve.plan.expired', 'reserve.plan.updated', 'reserve.release.created', 'source.canceled', 'source.chargeable', 'source.failed', 'source.mandate_notification', 'source.refund_attributes_required', 'source.transaction.created', 'source.transaction.updated', 'tax.settings.updated']::text[]))
    ORDER BY x.is_child, x.ordinal
    LIMIT 1;
    IF NOT FOUND THEN
        v_action := 'skip';
        v_reason := format('object type %L is not mirrored by stripe-sync', v_type);
    ELSIF v_type <> r.object AND r.is_child THEN
        -- A summary of the parent's complete set of rows (an active entitlement summary).
        v_parent_id := "_id_of"(v_obj->r.parent);
        IF v_parent_id IS NULL THEN
            RAISE EXCEPTION 'malformed event: the % has no % id', v_type,
                coalesce(r.parent, 'parent') USING ERRCODE = '22023';
        END IF;
        SELECT coalesce(jsonb_agg(value), '[]') INTO v_lists FROM jsonb_each(v_obj)
        WHERE jsonb_typeof(value) = 'object' AND value->'object' = '"list"'::jsonb;
        IF jsonb_array_length(v_lists) <> 1
           OR jsonb_typeof(v_lists->0->'data') IS DISTINCT FROM 'array' THEN
            RAISE EXCEPTION 'malformed event: the % does not hold one list of %', v_type, r.object
                USING ERRCODE = '22023';
        END IF;
        v_action := 'replace_children';
        v_objects := v_lists->0->'data';
        v_has_more := coalesce(v_lists->0->'has_more' = 'true'::jsonb, false);
    ELSE
        v_id := CASE WHEN jsonb_typeof(v_obj->'id') = 'string' THEN nullif(v_obj->>'id', '') END;
        IF v_id IS NULL THEN
            v_action := 'skip';
            v_reason := format('the %s in %s has no id (a preview such as an upcoming invoice, '
                               'not a stored object)', v_type, coalesce(p_event->>'type', 'fetch'));
        ELSE
            IF r.parent IS NOT NULL THEN
                v_parent_id := "_id_of"(v_obj->r.parent);
            END IF;
            v_stub := coalesce(v_obj->'deleted' = 'true'::jsonb, false);
            -- A stub carries no state: upserting it would wipe the row, so it is a tombstone
            -- whatever the semantics. A fetched object is deleted only when it says so.
            IF v_stub OR (p_object IS NULL AND r.delete_mode = 'tombstone'
                          AND p_event->>'type' LIKE '%.deleted') THEN
                v_action := 'delete';
            ELSE
                v_action := 'upsert';
            END IF;
            FOR v_nested IN SELECT n FROM jsonb_array_elements(r.nested_lists) n LOOP
                SELECT * INTO c FROM "_resources" x WHERE x.name = v_nested->>'child';
                IF v_action = 'delete' THEN
                    IF c.is_child THEN
                        v_children := v_children || jsonb_build_array(jsonb_build_object(
                            'field', v_nested->>'field', 'table', c.table_name,
                            'parent_column', c.parent, 'objects', '[]'::jsonb, 'complete', true,
                            'present', false, 'must_list', false,
                            'path', v_nested->>'path', 'params', v_nested->'params'));
                    END IF;
                    CONTINUE;
                END IF;
                v_value := v_obj->(v_nested->>'field');
                v_present_list := coalesce(jsonb_typeof(v_value) = 'object'
                                           AND v_value->'object' = '"list"'::jsonb, false);
                v_present := v_present_list
                             AND coalesce(jsonb_typeof(v_value->'data') = 'array', false);
                v_list_more := v_present_list AND coalesce(v_value->'has_more' = 'true'::jsonb, false);
                v_children := v_children || jsonb_build_array(jsonb_build_object(
                    'field', v_nested->>'field', 'table', c.table_name,
                    'parent_column', c.parent,
                    'objects', CASE WHEN v_present THEN (
                        SELECT coalesce(jsonb_agg(i), '[]') FROM jsonb_array_elements(v_value->'data') i
                        WHERE jsonb_typeof(i) = 'object') ELSE '[]'::jsonb END,
                    'complete', v_present AND NOT v_list_more,
                    'present', v_present,
                    'must_list', v_list_more
                                 OR (NOT v_present AND (v_nested->>'expand')::boolean AND c.is_child),
                    'path', v_nested->>'path', 'params', v_nested->'params'));
            END LOOP;
        END IF;
    END IF;

    RETURN jsonb_build_object(
        'action', v_action,
        'resource', r.name,
        'table', r.table_name,
        'object_id', v_id,
        'parent_column', CASE WHEN v_parent_id IS NOT NULL THEN r.parent END,
        'parent_id', v_parent_id,
        'objects', v_objects,
        'has_more', v_has_more,
        'list_per_parent', r.list_per_parent,
        'children', v_children,
        'retrieve_path', r.retrieve_path,
        'reason', v_reason,
        'event_id', p_event->>'id',
        'event_type', p_event->>'type',
        'event_created', (p_event->>'created')::bigint,
        'account', CASE WHEN jsonb_typeof(p_event->'account') = 'string'
                        THEN nullif(p_event->>'account', '') END,
        'livemode', CASE WHEN jsonb_typeof(p_event->'livemode') = 'boolean'
                         THEN (p_event->>'livemode')::boolean END
    );
END
$function$;
COMMENT ON FUNCTION stripe._route_event_v1(p_event jsonb, p_object jsonb) IS 'What _apply_event must do with an event (or with an object fetched from the API): action, table, object, parent, embedded child lists (with the ones a runtime must page itself), the path to re-fetch it. The SQL twin of stripe_sync.events.route_event.';

CREATE OR REPLACE FUNCTION stripe._set_payload_storage(p_table text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
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
COMMENT ON FUNCTION stripe._set_payload_storage(p_table text) IS 'How one object table stores _raw_data: lz4 where the server has it, else uncompressed in the row up to a page (toast_tuple_target), since pglz costs more CPU than the rest of a write. Changes only what differs.';

CREATE OR REPLACE FUNCTION stripe._synced(p_table text, p_id text, p_event_id text DEFAULT NULL::text, p_version timestamp with time zone DEFAULT NULL::timestamp with time zone, p_state jsonb DEFAULT NULL::jsonb)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION stripe._tombstone_children(p_table text, p_parent_column text, p_parent_ids text[], p_versions timestamp with time zone[], p_keep_parents text[], p_keep_ids text[])
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
BEGIN
    CASE p_table WHEN 'active_entitlements' THEN RETURN _tombstone_active_entitlements(p_parent_ids, p_versions, p_keep_parents, p_keep_ids); WHEN 'checkout_session_line_items' THEN RETURN _tombstone_checkout_session_line_items(p_parent_ids, p_versions, p_keep_parents, p_keep_ids); WHEN 'credit_note_line_items' THEN RETURN _tombstone_credit_note_line_items(p_parent_ids, p_versions, p_keep_parents, p_keep_ids); WHEN 'invoice_line_items' THEN RETURN _tombstone_invoice_line_items(p_parent_ids, p_versions, p_keep_parents, p_keep_ids); WHEN 'payment_intent_amount_details_line_items' THEN RETURN _tombstone_payment_intent_amount_details_line_items(p_parent_ids, p_versions, p_keep_parents, p_keep_ids); WHEN 'payment_link_line_items' THEN RETURN _tombstone_payment_link_line_items(p_parent_ids, p_versions, p_keep_parents, p_keep_ids); WHEN 'quote_line_items' THEN RETURN _tombstone_quote_line_items(p_parent_ids, p_versions, p_keep_parents, p_keep_ids); WHEN 'setup_attempts' THEN RETURN _tombstone_setup_attempts(p_parent_ids, p_versions, p_keep_parents, p_keep_ids); WHEN 'subscription_items' THEN RETURN _tombstone_subscription_items(p_parent_ids, p_versions, p_keep_parents, p_keep_ids);
    ELSE RAISE EXCEPTION 'object table % has no parent column %', p_table, p_parent_column;
    END CASE;
END
$function$;

CREATE OR REPLACE FUNCTION stripe._tombstone_missing_children(p_table text, p_parent_column text, p_parent_id text, p_keep_ids text[], p_version timestamp with time zone)
 RETURNS integer
 LANGUAGE sql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    SELECT "_tombstone_children"(p_table, p_parent_column, ARRAY[p_parent_id], ARRAY[p_version],
                                 array_fill(p_parent_id, ARRAY[cardinality(p_keep_ids)]),
                                 p_keep_ids);
$function$;
COMMENT ON FUNCTION stripe._tombstone_missing_children(p_table text, p_parent_column text, p_parent_id text, p_keep_ids text[], p_version timestamp with time zone) IS 'Mark deleted the child rows of one parent that are missing from its complete child list.';

CREATE OR REPLACE FUNCTION stripe._typed_expression(p_column text, p_kind text)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    j text := format('"_raw_data"->%L', p_column);
    t text := format('"_raw_data"->>%L', p_column);
BEGIN
    CASE p_kind
    WHEN 'text' THEN
        RETURN t;
    WHEN 'jsonb' THEN
        RETURN j;
    WHEN 'boolean' THEN
        RETURN format('CASE jsonb_typeof(%1$s) WHEN ''boolean'' THEN (%1$s)::boolean END', j);
    WHEN 'numeric' THEN
        RETURN format('CASE jsonb_typeof(%1$s) WHEN ''number'' THEN (%1$s)::numeric END', j);
    WHEN 'bigint' THEN
        -- jsonb numbers are arbitrary-precision: only whole numbers in bigint range are cast.
        RETURN format(
            'CASE jsonb_typeof(%1$s) WHEN ''number'' THEN CASE WHEN (%1$s)::numeric = '
            'trunc((%1$s)::numeric) AND (%1$s)::numeric BETWEEN -9223372036854775808 AND '
            '9223372036854775807 THEN (%1$s)::bigint END END', j);
    WHEN 'timestamptz' THEN
        -- to_timestamp fails outside the timestamp range: 0001-01-01 .. 9999-12-31.
        RETURN format(
            'CASE jsonb_typeof(%1$s) WHEN ''number'' THEN CASE WHEN (%1$s)::numeric BETWEEN '
            '-62135596800 AND 253402300799 THEN to_timestamp((%1$s)::double precision) END END',
            j);
    WHEN 'decimal' THEN
        RETURN format(
            'CASE jsonb_typeof(%1$s) WHEN ''number'' THEN (%1$s)::numeric WHEN ''string'' THEN '
            'CASE WHEN length(%2$s) <= 100 AND %2$s ~ ''^-?[0-9]+(\.[0-9]+)?$'' THEN '
            '(%2$s)::numeric END END', j, t);
    WHEN 'reference' THEN
        -- The id string, or the id of the expanded object; never the object's JSON text.
        RETURN format(
            'CASE jsonb_typeof(%1$s) WHEN ''string'' THEN %2$s WHEN ''object'' THEN '
            'CASE jsonb_typeof(%1$s->''id'') WHEN ''string'' THEN %1$s->>''id'' END END', j, t);
    ELSE
        RAISE EXCEPTION '_typed_expression: unknown kind % of column %', p_kind, p_column;
    END CASE;
END
$function$;
COMMENT ON FUNCTION stripe._typed_expression(p_column text, p_kind text) IS 'The SQL expression that reads a typed column of one kind from "_raw_data" (never raises: an unexpected type reads as NULL).';

CREATE OR REPLACE FUNCTION stripe._unlisten_for_writes()
 RETURNS void
 LANGUAGE sql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$ DELETE FROM "_write_listeners" WHERE pid = pg_backend_pid() $function$;

CREATE OR REPLACE FUNCTION stripe._verify_created(p_storage text)
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION stripe._verify_events(p_events jsonb)
 RETURNS TABLE(event_id text, status text)
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
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
$function$;
COMMENT ON FUNCTION stripe._verify_events(p_events jsonb) IS 'Per event of a page of Stripe''s Events API: applied, superseded (its object''s row holds a state at least as new) or missing.';

CREATE OR REPLACE FUNCTION stripe._verify_extra(p_table text, p_account_id text, p_gte timestamp with time zone, p_lt timestamp with time zone, p_ids text[], p_livemode boolean DEFAULT NULL::boolean)
 RETURNS TABLE(object_id text)
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
BEGIN
    RETURN QUERY EXECUTE format($q$
        SELECT t.id FROM %1$I t
        WHERE t._account_id = $1 AND NOT t.deleted
          AND ((%2$s >= $2 AND %2$s < $3)
               OR ($2 = '-infinity' AND $3 = 'infinity'))
          AND NOT (t.id = ANY ($4))
          -- A row of the other mode is not this listing's to return: the payload's
          -- livemode, else the mode that wrote the row (0040).
          AND NOT coalesce(coalesce(CASE t._raw_data->'livemode' WHEN 'true' THEN true
                                                                 WHEN 'false' THEN false END,
                                    t._livemode) = NOT $5, false)
          -- A row that says neither (written before 0040, of an object without livemode) may
          -- be the other mode's once that mode has synced this account: it is never reported,
          -- so a repair cannot tombstone the other mode's data.
          AND ($5 IS NULL OR t._raw_data ? 'livemode' OR t._livemode IS NOT NULL
               OR NOT EXISTS (
                SELECT 1 FROM "_sync_runs" r
                WHERE r.account_id = $1
                  AND r.mode = CASE WHEN $5 THEN 'test' ELSE 'live' END))
        ORDER BY t.id
    $q$, '_raw_' || p_table, "_verify_created"('_raw_' || p_table))
    USING p_account_id, p_gte, p_lt, p_ids, p_livemode;
END
$function$;
COMMENT ON FUNCTION stripe._verify_extra(p_table text, p_account_id text, p_gte timestamp with time zone, p_lt timestamp with time zone, p_ids text[], p_livemode boolean) IS 'Rows alive here in a created window that Stripe''s listing of the window did not return (rows of the other mode than p_livemode excluded, by their payload''s livemode, else _livemode; rows that say neither excluded once the other mode has synced the account).';

CREATE OR REPLACE FUNCTION stripe._verify_page(p_table text, p_account_id text, p_objects jsonb, p_version timestamp with time zone)
 RETURNS TABLE(object_id text, drift text)
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
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
$function$;
COMMENT ON FUNCTION stripe._verify_page(p_table text, p_account_id text, p_objects jsonb, p_version timestamp with time zone) IS 'Missing and stale rows of p_table for one page listed from Stripe at p_version.';

CREATE OR REPLACE FUNCTION stripe._verify_record_window(p_table text, p_account_id text, p_object text, p_gte timestamp with time zone, p_lt timestamp with time zone, p_verified_at timestamp with time zone, p_run_id bigint, p_mode text DEFAULT 'unknown'::text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_rows bigint;
BEGIN
    -- Both modes' rows are counted: a write or a deletion in either lists the window again
    -- (more listing, never a skipped change).
    EXECUTE format($q$
        SELECT count(*) FROM %1$I t
        WHERE t._account_id = $1
          AND ((%2$s >= $2 AND %2$s < $3) OR $2 = '-infinity')
    $q$, '_raw_' || p_table, "_verify_created"('_raw_' || p_table))
    INTO v_rows USING p_account_id, p_gte, p_lt;
    INSERT INTO "_verified_windows" (account_id, mode, object, created_gte, created_lt,
                                     verified_at, row_count, run_id)
    VALUES (p_account_id, p_mode, p_object, p_gte, p_lt, p_verified_at, v_rows, p_run_id)
    ON CONFLICT (account_id, mode, object, created_gte) DO UPDATE SET
        created_lt = EXCLUDED.created_lt,
        verified_at = EXCLUDED.verified_at,
        row_count = EXCLUDED.row_count,
        run_id = EXCLUDED.run_id;
END
$function$;
COMMENT ON FUNCTION stripe._verify_record_window(p_table text, p_account_id text, p_object text, p_gte timestamp with time zone, p_lt timestamp with time zone, p_verified_at timestamp with time zone, p_run_id bigint, p_mode text) IS 'Record a created window of an object whose listing (by a key of p_mode) matched the table, with its rows counted.';

CREATE OR REPLACE FUNCTION stripe._verify_unchanged_windows(p_table text, p_account_id text, p_object text, p_fresh_after timestamp with time zone, p_mode text DEFAULT 'unknown'::text)
 RETURNS TABLE(created_gte timestamp with time zone, created_lt timestamp with time zone, verified_at timestamp with time zone)
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
BEGIN
    RETURN QUERY EXECUTE format($q$
        SELECT w.created_gte, w.created_lt, w.verified_at
        FROM "_verified_windows" w
        WHERE w.account_id = $1 AND w.mode = $4 AND w.object = $2 AND w.verified_at > $3
          AND (SELECT count(*) = w.row_count
                      AND coalesce(max(t._updated_at) <= w.verified_at, true)
               FROM %1$I t
               WHERE t._account_id = $1
                 AND ((%2$s >= w.created_gte AND %2$s < w.created_lt)
                      OR w.created_gte = '-infinity'))
        ORDER BY w.created_gte
    $q$, '_raw_' || p_table, "_verify_created"('_raw_' || p_table))
    USING p_account_id, p_object, p_fresh_after, p_mode;
END
$function$;
COMMENT ON FUNCTION stripe._verify_unchanged_windows(p_table text, p_account_id text, p_object text, p_fresh_after timestamp with time zone, p_mode text) IS 'Recorded verified windows of an object, verified by a key of p_mode, with no write since.';

CREATE OR REPLACE FUNCTION stripe._webhook_event_types_v1()
 RETURNS text[]
 LANGUAGE sql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    SELECT coalesce(array_agg(DISTINCT t ORDER BY t), '{}')
    FROM (
        SELECT unnest(event_types) FROM "_resources"
        UNION ALL
        SELECT unnest(ARRAY['customer.discount.created', 'customer.discount.deleted',
                            'customer.discount.updated'])
    ) AS types(t)
$function$;
COMMENT ON FUNCTION stripe._webhook_event_types_v1() IS 'The event types a managed webhook endpoint enables: every type a resource is fed by, and customer.discount.* (their discounts fill _discounts).';

CREATE OR REPLACE FUNCTION stripe._write_batch(p_table text, p_parent_column text, p_ords bigint[], p_objects jsonb[], p_accounts text[], p_versions timestamp with time zone[], p_sources text[], p_parent_ids text[], p_tie_wins boolean[], p_deletes boolean[], p_livemodes boolean[] DEFAULT NULL::boolean[])
 RETURNS TABLE(ord bigint, object_id text, outcome text)
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
BEGIN
    -- Tell whoever waits for writes (wait_until_synced), once per table and transaction
    -- (PostgreSQL delivers identical notifications of a transaction once, at its commit). A
    -- NOTIFY serializes commits, so only while someone listens; the shared lock, held to the
    -- commit, lets a new listener wait for writers that looked before it was registered. It is
    -- taken before this call locks any row (again in a transaction: at no cost), so a writer
    -- queued behind a registering listener holds no row another writer waits for.
    PERFORM pg_advisory_xact_lock_shared(-2586874393639387727);
    IF EXISTS (SELECT 1 FROM "_write_listeners") THEN
        PERFORM pg_notify('stripe_sync:stripe', p_table);
    END IF;
    CASE p_table WHEN 'active_entitlements' THEN RETURN QUERY SELECT * FROM _write_active_entitlements(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'apple_pay_domains' THEN RETURN QUERY SELECT * FROM _write_apple_pay_domains(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'application_fee_refunds' THEN RETURN QUERY SELECT * FROM _write_application_fee_refunds(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'application_fees' THEN RETURN QUERY SELECT * FROM _write_application_fees(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'apps_installs' THEN RETURN QUERY SELECT * FROM _write_apps_installs(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'balance_transactions' THEN RETURN QUERY SELECT * FROM _write_balance_transactions(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'billing_alerts' THEN RETURN QUERY SELECT * FROM _write_billing_alerts(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'billing_credit_balance_transactions' THEN RETURN QUERY SELECT * FROM _write_billing_credit_balance_transactions(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'billing_credit_grants' THEN RETURN QUERY SELECT * FROM _write_billing_credit_grants(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'billing_feedback_options' THEN RETURN QUERY SELECT * FROM _write_billing_feedback_options(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'billing_meters' THEN RETURN QUERY SELECT * FROM _write_billing_meters(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'billing_portal_configurations' THEN RETURN QUERY SELECT * FROM _write_billing_portal_configurations(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'charges' THEN RETURN QUERY SELECT * FROM _write_charges(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'checkout_session_line_items' THEN RETURN QUERY SELECT * FROM _write_checkout_session_line_items(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'checkout_sessions' THEN RETURN QUERY SELECT * FROM _write_checkout_sessions(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'climate_orders' THEN RETURN QUERY SELECT * FROM _write_climate_orders(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'connected_accounts' THEN RETURN QUERY SELECT * FROM _write_connected_accounts(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'coupons' THEN RETURN QUERY SELECT * FROM _write_coupons(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'credit_note_line_items' THEN RETURN QUERY SELECT * FROM _write_credit_note_line_items(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'credit_notes' THEN RETURN QUERY SELECT * FROM _write_credit_notes(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'customer_balance_transactions' THEN RETURN QUERY SELECT * FROM _write_customer_balance_transactions(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'customer_cash_balance_transactions' THEN RETURN QUERY SELECT * FROM _write_customer_cash_balance_transactions(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'customers' THEN RETURN QUERY SELECT * FROM _write_customers(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'disputes' THEN RETURN QUERY SELECT * FROM _write_disputes(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'early_fraud_warnings' THEN RETURN QUERY SELECT * FROM _write_early_fraud_warnings(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'external_accounts' THEN RETURN QUERY SELECT * FROM _write_external_accounts(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'features' THEN RETURN QUERY SELECT * FROM _write_features(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'file_links' THEN RETURN QUERY SELECT * FROM _write_file_links(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'files' THEN RETURN QUERY SELECT * FROM _write_files(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'financial_connections_accounts' THEN RETURN QUERY SELECT * FROM _write_financial_connections_accounts(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'financial_connections_transactions' THEN RETURN QUERY SELECT * FROM _write_financial_connections_transactions(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'forwarding_requests' THEN RETURN QUERY SELECT * FROM _write_forwarding_requests(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'identity_verification_reports' THEN RETURN QUERY SELECT * FROM _write_identity_verification_reports(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'identity_verification_sessions' THEN RETURN QUERY SELECT * FROM _write_identity_verification_sessions(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'invoice_items' THEN RETURN QUERY SELECT * FROM _write_invoice_items(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'invoice_line_items' THEN RETURN QUERY SELECT * FROM _write_invoice_line_items(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'invoice_payments' THEN RETURN QUERY SELECT * FROM _write_invoice_payments(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'invoice_rendering_templates' THEN RETURN QUERY SELECT * FROM _write_invoice_rendering_templates(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'invoices' THEN RETURN QUERY SELECT * FROM _write_invoices(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'issuing_authorizations' THEN RETURN QUERY SELECT * FROM _write_issuing_authorizations(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'issuing_cardholders' THEN RETURN QUERY SELECT * FROM _write_issuing_cardholders(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'issuing_cards' THEN RETURN QUERY SELECT * FROM _write_issuing_cards(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'issuing_disputes' THEN RETURN QUERY SELECT * FROM _write_issuing_disputes(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'issuing_personalization_designs' THEN RETURN QUERY SELECT * FROM _write_issuing_personalization_designs(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'issuing_tokens' THEN RETURN QUERY SELECT * FROM _write_issuing_tokens(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'issuing_transactions' THEN RETURN QUERY SELECT * FROM _write_issuing_transactions(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'payment_attempt_records' THEN RETURN QUERY SELECT * FROM _write_payment_attempt_records(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'payment_intent_amount_details_line_items' THEN RETURN QUERY SELECT * FROM _write_payment_intent_amount_details_line_items(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'payment_intents' THEN RETURN QUERY SELECT * FROM _write_payment_intents(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'payment_link_line_items' THEN RETURN QUERY SELECT * FROM _write_payment_link_line_items(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'payment_links' THEN RETURN QUERY SELECT * FROM _write_payment_links(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'payment_method_configurations' THEN RETURN QUERY SELECT * FROM _write_payment_method_configurations(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'payment_method_domains' THEN RETURN QUERY SELECT * FROM _write_payment_method_domains(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'payment_methods' THEN RETURN QUERY SELECT * FROM _write_payment_methods(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'payment_records' THEN RETURN QUERY SELECT * FROM _write_payment_records(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'payouts' THEN RETURN QUERY SELECT * FROM _write_payouts(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'persons' THEN RETURN QUERY SELECT * FROM _write_persons(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'plans' THEN RETURN QUERY SELECT * FROM _write_plans(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'prices' THEN RETURN QUERY SELECT * FROM _write_prices(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'product_catalog_trial_offers' THEN RETURN QUERY SELECT * FROM _write_product_catalog_trial_offers(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'product_features' THEN RETURN QUERY SELECT * FROM _write_product_features(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'products' THEN RETURN QUERY SELECT * FROM _write_products(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'promotion_codes' THEN RETURN QUERY SELECT * FROM _write_promotion_codes(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'quote_line_items' THEN RETURN QUERY SELECT * FROM _write_quote_line_items(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'quotes' THEN RETURN QUERY SELECT * FROM _write_quotes(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'radar_value_list_items' THEN RETURN QUERY SELECT * FROM _write_radar_value_list_items(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'radar_value_lists' THEN RETURN QUERY SELECT * FROM _write_radar_value_lists(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'refunds' THEN RETURN QUERY SELECT * FROM _write_refunds(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'reporting_report_runs' THEN RETURN QUERY SELECT * FROM _write_reporting_report_runs(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'reviews' THEN RETURN QUERY SELECT * FROM _write_reviews(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'setup_attempts' THEN RETURN QUERY SELECT * FROM _write_setup_attempts(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'setup_intents' THEN RETURN QUERY SELECT * FROM _write_setup_intents(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'shipping_rates' THEN RETURN QUERY SELECT * FROM _write_shipping_rates(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'sigma_scheduled_query_runs' THEN RETURN QUERY SELECT * FROM _write_sigma_scheduled_query_runs(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'subscription_items' THEN RETURN QUERY SELECT * FROM _write_subscription_items(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'subscription_schedules' THEN RETURN QUERY SELECT * FROM _write_subscription_schedules(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'subscriptions' THEN RETURN QUERY SELECT * FROM _write_subscriptions(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'tax_ids' THEN RETURN QUERY SELECT * FROM _write_tax_ids(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'tax_locations' THEN RETURN QUERY SELECT * FROM _write_tax_locations(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'tax_rates' THEN RETURN QUERY SELECT * FROM _write_tax_rates(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'tax_registrations' THEN RETURN QUERY SELECT * FROM _write_tax_registrations(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'terminal_configurations' THEN RETURN QUERY SELECT * FROM _write_terminal_configurations(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'terminal_locations' THEN RETURN QUERY SELECT * FROM _write_terminal_locations(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'terminal_readers' THEN RETURN QUERY SELECT * FROM _write_terminal_readers(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'test_helpers_test_clocks' THEN RETURN QUERY SELECT * FROM _write_test_helpers_test_clocks(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'three_d_secure_authentications' THEN RETURN QUERY SELECT * FROM _write_three_d_secure_authentications(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'topups' THEN RETURN QUERY SELECT * FROM _write_topups(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'transfer_reversals' THEN RETURN QUERY SELECT * FROM _write_transfer_reversals(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'transfers' THEN RETURN QUERY SELECT * FROM _write_transfers(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'treasury_credit_reversals' THEN RETURN QUERY SELECT * FROM _write_treasury_credit_reversals(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'treasury_debit_reversals' THEN RETURN QUERY SELECT * FROM _write_treasury_debit_reversals(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'treasury_financial_accounts' THEN RETURN QUERY SELECT * FROM _write_treasury_financial_accounts(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'treasury_inbound_transfers' THEN RETURN QUERY SELECT * FROM _write_treasury_inbound_transfers(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'treasury_outbound_payments' THEN RETURN QUERY SELECT * FROM _write_treasury_outbound_payments(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'treasury_outbound_transfers' THEN RETURN QUERY SELECT * FROM _write_treasury_outbound_transfers(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'treasury_received_credits' THEN RETURN QUERY SELECT * FROM _write_treasury_received_credits(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'treasury_received_debits' THEN RETURN QUERY SELECT * FROM _write_treasury_received_debits(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'treasury_transaction_entries' THEN RETURN QUERY SELECT * FROM _write_treasury_transaction_entries(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes); WHEN 'treasury_transactions' THEN RETURN QUERY SELECT * FROM _write_treasury_transactions(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes, p_livemodes);
    ELSE RAISE EXCEPTION 'unknown object table %', p_table;
    END CASE;
    -- Discounts (0028): expanded discount objects, kept for the metric views.
    IF p_table IN ('subscriptions', 'subscription_items') THEN
        PERFORM "_discounts_record"(array_agg(d.o), array_agg(b.account_id),
                                    array_agg(b.version), NULL)
        FROM unnest(p_objects, p_accounts, p_versions) AS b(raw, account_id, version)
        CROSS JOIN LATERAL (
            SELECT e.value AS o
            FROM jsonb_array_elements(CASE WHEN jsonb_typeof(b.raw->'discounts') = 'array'
                                           THEN b.raw->'discounts' ELSE '[]' END) e
            WHERE jsonb_typeof(e.value) = 'object'
            UNION ALL
            SELECT b.raw->'discount' WHERE jsonb_typeof(b.raw->'discount') = 'object'
        ) d;
    END IF;
    -- History mode (0026): every version given, whatever the guard made of it.
    IF EXISTS (SELECT 1 FROM "_history_objects" h WHERE h.table_name = p_table) THEN
        PERFORM "_history_record"(p_table, p_objects, p_accounts, p_versions, p_sources,
                                  p_parent_ids, p_deletes);
    END IF;
END
$function$;

CREATE OR REPLACE FUNCTION stripe._write_objects(p_table text, p_account_id text, p_objects jsonb, p_version timestamp with time zone, p_source text, p_delete boolean DEFAULT false, p_parent_column text DEFAULT NULL::text, p_parent_id text DEFAULT NULL::text, p_tie_wins boolean DEFAULT false, p_livemode boolean DEFAULT NULL::boolean)
 RETURNS TABLE(object_id text, outcome text)
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
DECLARE
    v_objects jsonb[];
    v_ords bigint[];
    k integer;
BEGIN
    IF p_source IS NULL OR p_source NOT IN ('event', 'fetch', 'refetch') THEN
        RAISE EXCEPTION 'p_source must be event, fetch or refetch, got %', p_source;
    END IF;
    IF jsonb_typeof(p_objects) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'p_objects must be a JSON array of Stripe objects';
    END IF;
    -- The last occurrence of each id (found on ids and positions only, never sorting the
    -- payloads); the order of the arrays does not matter, p_ords carries it.
    SELECT coalesce(array_agg(e.o), '{}'), coalesce(array_agg(e.n), '{}')
    INTO v_objects, v_ords
    FROM jsonb_array_elements(p_objects) WITH ORDINALITY AS e(o, n)
    JOIN (SELECT max(x.n) AS n
          FROM jsonb_array_elements(p_objects) WITH ORDINALITY AS x(o, n)
          WHERE jsonb_typeof(x.o->'id') = 'string'
          GROUP BY x.o->>'id') last ON last.n = e.n;
    k := cardinality(v_objects);
    RETURN QUERY
    SELECT w.object_id, w.outcome
    FROM "_write_batch"(p_table, p_parent_column, v_ords, v_objects,
                        array_fill(p_account_id, ARRAY[k]), array_fill(p_version, ARRAY[k]),
                        array_fill(p_source, ARRAY[k]), array_fill(p_parent_id, ARRAY[k]),
                        array_fill(p_tie_wins, ARRAY[k]), array_fill(p_delete, ARRAY[k]),
                        array_fill(p_livemode, ARRAY[k])) w;
END
$function$;
COMMENT ON FUNCTION stripe._write_objects(p_table text, p_account_id text, p_objects jsonb, p_version timestamp with time zone, p_source text, p_delete boolean, p_parent_column text, p_parent_id text, p_tie_wins boolean, p_livemode boolean) IS 'Write a batch of Stripe objects of one type in one statement, under the stale-write guard (p_livemode: the mode kept on the rows, NULL when not known). Returns each id with its outcome: written, unchanged, stale, ambiguous (same-second tie: re-fetch), tombstoned (already deleted), deleted.';

CREATE OR REPLACE FUNCTION stripe._written_barrier()
 RETURNS void
 LANGUAGE sql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$ SELECT pg_advisory_xact_lock("_written_lock_key"()) $function$;

CREATE OR REPLACE FUNCTION stripe._written_channel()
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    SELECT CASE WHEN octet_length('stripe_sync:' || current_schema()) <= 63
                THEN 'stripe_sync:' || current_schema()
                ELSE 'stripe_sync:' || md5(current_schema()) END;
$function$;

CREATE OR REPLACE FUNCTION stripe._written_lock_key()
 RETURNS bigint
 LANGUAGE sql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$ SELECT hashtextextended("_written_channel"(), 0) $function$;

CREATE OR REPLACE FUNCTION stripe.history_as_of(p_table text, p_at timestamp with time zone)
 RETURNS TABLE(id text, account_id text, version timestamp with time zone, source text, parent_id text, recorded_at timestamp with time zone, payload jsonb)
 LANGUAGE sql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    SELECT s.id, s.account_id, s.version, s.source, s.parent_id, s.recorded_at, p.payload
    FROM (SELECT DISTINCT ON (h.id) h.*
          FROM "_history" h
          WHERE h.table_name = p_table AND h.version <= p_at
          ORDER BY h.id DESC, h.deleted DESC, h.version DESC, h.hash DESC) s
    JOIN "_history_payloads" p ON p.hash = s.hash
    WHERE NOT s.deleted;
$function$;
COMMENT ON FUNCTION stripe.history_as_of(p_table text, p_at timestamp with time zone) IS 'The objects of a table (history mode) as they were at an instant: per id its newest version at or before it, unless deleted by then; the payload untyped (<table>_as_of gives the typed columns).';

CREATE OR REPLACE FUNCTION stripe.history_disable(p_tables text[])
 RETURNS SETOF text
 LANGUAGE sql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
    DELETE FROM "_history_objects" h WHERE h.table_name = ANY (p_tables) RETURNING h.table_name;
$function$;
COMMENT ON FUNCTION stripe.history_disable(p_tables text[]) IS 'Turn history mode off for object tables: no further versions are kept (those kept stay).';

CREATE OR REPLACE FUNCTION stripe.history_enable(p_tables text[])
 RETURNS SETOF text
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_table text;
    v_parent text;
BEGIN
    FOREACH v_table IN ARRAY coalesce(p_tables, '{}') LOOP
        IF NOT EXISTS (SELECT 1 FROM "_typed_columns" c WHERE c.table_name = v_table)
           OR to_regclass(quote_ident('_raw_' || v_table)) IS NULL THEN
            RAISE EXCEPTION 'history_enable: unknown object table %', v_table;
        END IF;
    END LOOP;
    FOR v_table IN SELECT DISTINCT t FROM unnest(p_tables) t ORDER BY t LOOP
        INSERT INTO "_history_objects" (table_name) VALUES (v_table) ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
            CONTINUE;
        END IF;
        SELECT c.column_name INTO v_parent FROM "_typed_columns" c
        WHERE c.table_name = v_table AND c.kind = 'parent';
        -- The rows held now (in id order, locking them as a writer would: a write
        -- committed meanwhile is recorded by the write path, which sees the table on).
        EXECUTE format($q$
            SELECT "_history_record"(%L, array_agg(t._raw_data), array_agg(t._account_id),
                                     array_agg(t._version), array_agg(t._version_source),
                                     array_agg(%s), array_agg(t.deleted))
            FROM (SELECT * FROM %I x WHERE x._version IS NOT NULL ORDER BY x.id FOR SHARE) t
            $q$, v_table, CASE WHEN v_parent IS NULL THEN 'NULL::text'
                               ELSE format('t.%I', v_parent) END, '_raw_' || v_table);
        RETURN NEXT v_table;
    END LOOP;
END
$function$;
COMMENT ON FUNCTION stripe.history_enable(p_tables text[]) IS 'Turn history mode on for object tables (e.g. ARRAY[''subscriptions'']): their versions are kept from now on, starting with the rows held now.';

-- _existing_<table> of 99 tables: active_entitlements, apple_pay_domains, application_fee_refunds,
--     application_fees, apps_installs, balance_transactions, billing_alerts,
--     billing_credit_balance_transactions, billing_credit_grants, billing_feedback_options,
--     billing_meters, billing_portal_configurations, charges, checkout_session_line_items,
--     checkout_sessions, climate_orders, connected_accounts, coupons, credit_note_line_items,
--     credit_notes, customer_balance_transactions, customer_cash_balance_transactions, customers,
--     disputes, early_fraud_warnings, external_accounts, features, file_links, files,
--     financial_connections_accounts, financial_connections_transactions, forwarding_requests,
--     identity_verification_reports, identity_verification_sessions, invoice_items,
--     invoice_line_items, invoice_payments, invoice_rendering_templates, invoices,
--     issuing_authorizations, issuing_cardholders, issuing_cards, issuing_disputes,
--     issuing_personalization_designs, issuing_tokens, issuing_transactions,
--     payment_attempt_records, payment_intent_amount_details_line_items, payment_intents,
--     payment_link_line_items, payment_links, payment_method_configurations,
--     payment_method_domains, payment_methods, payment_records, payouts, persons, plans, prices,
--     product_catalog_trial_offers, product_features, products, promotion_codes, quote_line_items,
--     quotes, radar_value_list_items, radar_value_lists, refunds, reporting_report_runs, reviews,
--     setup_attempts, setup_intents, shipping_rates, sigma_scheduled_query_runs,
--     subscription_items, subscription_schedules, subscriptions, tax_ids, tax_locations,
--     tax_rates, tax_registrations, terminal_configurations, terminal_locations, terminal_readers,
--     test_helpers_test_clocks, three_d_secure_authentications, topups, transfer_reversals,
--     transfers, treasury_credit_reversals, treasury_debit_reversals, treasury_financial_accounts,
--     treasury_inbound_transfers, treasury_outbound_payments, treasury_outbound_transfers,
--     treasury_received_credits, treasury_received_debits, treasury_transaction_entries,
--     treasury_transactions
CREATE OR REPLACE FUNCTION stripe._existing_<table>(p_ids text[])
 RETURNS text[]
 LANGUAGE sql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$ SELECT coalesce(array_agg(t.id), '{}') FROM _raw_<table> t WHERE t.id = ANY (p_ids) $function$;

-- _tombstone_<table> of 9 tables: active_entitlements, checkout_session_line_items,
--     credit_note_line_items, invoice_line_items, payment_intent_amount_details_line_items,
--     payment_link_line_items, quote_line_items, setup_attempts, subscription_items
CREATE OR REPLACE FUNCTION stripe._tombstone_<table>(p_parent_ids text[], p_versions timestamp with time zone[], p_keep_parents text[], p_keep_ids text[])
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    n integer;
BEGIN
    -- "= ANY" on the parent column, not a join with the unnested parents: planned once for
    -- any number of parents, a join was a scan of the whole table.
    UPDATE _raw_<table> t
    SET deleted = true,
        deleted_at = p_versions[array_position(p_parent_ids, t.<parent>)],
        _updated_at = now()
    WHERE t.<parent> = ANY (p_parent_ids) AND NOT t.deleted
      AND (t._version IS NULL
           OR t._version <= p_versions[array_position(p_parent_ids, t.<parent>)])
      AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p_keep_parents, '{}'),
                                           coalesce(p_keep_ids, '{}')) AS k(parent_id, id)
                      WHERE k.parent_id = t.<parent> AND k.id = t.id);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$function$;

-- _write_<table> of 9 tables: active_entitlements, checkout_session_line_items,
--     credit_note_line_items, invoice_line_items, payment_intent_amount_details_line_items,
--     payment_link_line_items, quote_line_items, setup_attempts, subscription_items
CREATE OR REPLACE FUNCTION stripe._write_<table>(p_ords bigint[], p_objects jsonb[], p_accounts text[], p_versions timestamp with time zone[], p_sources text[], p_parent_ids text[], p_tie_wins boolean[], p_deletes boolean[], p_livemodes boolean[] DEFAULT NULL::boolean[])
 RETURNS TABLE(ord bigint, object_id text, outcome text)
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_rounds integer;
    v_rank bigint[];
    v_upserts boolean;
    v_deletes boolean;
    v_ids text[];
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(p_sources) s WHERE s IS NULL
               OR s NOT IN ('event', 'fetch', 'refetch')) THEN
        RAISE EXCEPTION 'sources must be event, fetch or refetch';
    END IF;
    -- The round of each row: 1 for the first occurrence of its id (by p_ords), 2 for the
    -- second ... (computed on small tuples: ids and positions, not the payloads).
    SELECT array_agg(y.k ORDER BY y.pos), max(y.k), array_agg(DISTINCT y.id),
           bool_or(NOT y.d), bool_or(y.d)
    INTO v_rank, v_rounds, v_ids, v_upserts, v_deletes
    FROM (SELECT x.pos, x.id, coalesce(x.d, false) AS d,
                 row_number() OVER (PARTITION BY x.id ORDER BY x.ord) AS k
          FROM unnest(p_ords, p_deletes, ARRAY(SELECT CASE jsonb_typeof(o->'id')
                                                   WHEN 'string' THEN o->>'id' END
                                               FROM unnest(p_objects) o))
               WITH ORDINALITY AS x(ord, d, id, pos)) y;
    IF v_ids = '{NULL}' OR v_ids IS NULL THEN
        RETURN;
    END IF;
    -- Lock the existing rows in id order first; the statements below then read them as they
    -- are now (each statement of a function takes a new snapshot).
    PERFORM 1 FROM _raw_<table> t WHERE t.id = ANY (v_ids) ORDER BY t.id FOR UPDATE;

    FOR v_round IN 1..v_rounds LOOP
        IF v_upserts THEN
            -- Existing rows are UPDATEd and only missing ids INSERTed: INSERT ... ON CONFLICT
            -- DO UPDATE would pay for both paths on every update.
            RETURN QUERY
            WITH incoming AS (
                SELECT b.ord, b.raw->>'id' AS id, b.raw, b.account_id, b.version, b.source,
                       CASE WHEN b.source = 'refetch' THEN 'fetch' ELSE b.source END
                           AS stored_source,
                       b.parent_id, coalesce(b.tie_wins, false) AS tie_wins, b.livemode
                FROM unnest(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids,
                            p_tie_wins, p_deletes, v_rank, p_livemodes)
                     AS b(ord, raw, account_id, version, source, parent_id, tie_wins, is_delete,
                          round, livemode)
                WHERE b.round = v_round AND NOT coalesce(b.is_delete, false)
                  AND jsonb_typeof(b.raw->'id') = 'string'
            ),
            updated AS (
                UPDATE _raw_<table> AS t SET
                    _raw_data = i.raw,
                    _account_id = i.account_id,
                    _version = i.version,
                    _version_source = i.stored_source,
                    _last_synced_at = now(),
                    _updated_at = now(), _livemode = coalesce(i.livemode, t._livemode) , <parent> = i.parent_id
                FROM incoming i
                WHERE t.id = i.id
                  AND NOT t.deleted
                  AND t._raw_data IS DISTINCT FROM i.raw
                  AND (
                      t._version IS NULL
                      OR date_trunc('second', i.version) > date_trunc('second', t._version)
                      OR (date_trunc('second', i.version) = date_trunc('second', t._version)
                          AND ((i.source = 'refetch' AND i.version >= t._updated_at)
                               OR i.tie_wins
                               OR (i.stored_source = 'fetch' AND t._version_source = 'fetch'
                                   AND i.version >= t._version)))
                  )
                RETURNING t.id
            ),
            inserted AS (
                -- A row inserted by someone else since the lock makes this a no-op, reported
                -- 'ambiguous' below: the caller fetches again and retries.
                INSERT INTO _raw_<table> AS t (id, _raw_data, _account_id, _version, _version_source, _livemode , <parent>)
                SELECT i.id, i.raw, i.account_id, i.version, i.stored_source, i.livemode , i.parent_id
                FROM incoming i
                WHERE NOT EXISTS (SELECT 1 FROM _raw_<table> b WHERE b.id = i.id)
                ON CONFLICT (id) DO NOTHING
                RETURNING t.id
            )
            SELECT i.ord, i.id,
                   CASE
                       WHEN i.id IN (SELECT u.id FROM updated u)
                            OR i.id IN (SELECT n.id FROM inserted n) THEN 'written'
                       WHEN b.id IS NULL THEN 'ambiguous'
                       WHEN b.deleted THEN 'tombstoned'
                       WHEN b._raw_data = i.raw THEN 'unchanged'
                       WHEN date_trunc('second', i.version) < date_trunc('second', b._version)
                           THEN 'stale'
                       WHEN i.stored_source = 'fetch' AND b._version_source = 'fetch'
                           THEN 'stale'
                       ELSE 'ambiguous'
                   END
            FROM incoming i
            LEFT JOIN _raw_<table> b ON b.id = i.id;
        END IF;
        IF v_deletes THEN
            -- A deletion always wins over updates: Stripe never brings a deleted object back.
            -- A tombstone's _version_source says where its state came from: 'event' for a
            -- full last state (a *.deleted event's payload), 'fetch' for only the last state
            -- we had (a stub or a 404), which a full last state arriving later replaces.
            RETURN QUERY
            WITH incoming AS (
                SELECT b.ord, b.raw->>'id' AS id, b.raw, b.account_id, b.version, b.parent_id, b.livemode,
                       (b.raw - 'id' - 'object' - 'deleted') <> '{}'::jsonb AS full_state
                FROM unnest(p_ords, p_objects, p_accounts, p_versions, p_parent_ids, p_deletes,
                            v_rank, p_livemodes)
                     AS b(ord, raw, account_id, version, parent_id, is_delete, round, livemode)
                WHERE b.round = v_round AND coalesce(b.is_delete, false)
                  AND jsonb_typeof(b.raw->'id') = 'string'
            ),
            written AS (
                INSERT INTO _raw_<table> AS t (id, _raw_data, _account_id, _version, _version_source,
                                       deleted, deleted_at, _livemode , <parent>)
                SELECT i.id, i.raw, i.account_id, i.version,
                       CASE WHEN i.full_state THEN 'event' ELSE 'fetch' END, true,
                       i.version, i.livemode , i.parent_id
                FROM incoming i
                ON CONFLICT (id) DO UPDATE SET
                    deleted = true,
                    deleted_at = CASE WHEN t.deleted
                                      THEN LEAST(t.deleted_at, EXCLUDED.deleted_at)
                                      ELSE EXCLUDED.deleted_at END,
                    _raw_data = CASE
                        WHEN EXCLUDED._version_source = 'fetch'
                        THEN t._raw_data || jsonb_build_object('deleted', true)
                        ELSE EXCLUDED._raw_data END,
                    _version = GREATEST(t._version, EXCLUDED._version),
                    _version_source = EXCLUDED._version_source,
                    _last_synced_at = now(),
                    _updated_at = now(), _livemode = coalesce(EXCLUDED._livemode, t._livemode) , <parent> = EXCLUDED.<parent>
                WHERE NOT t.deleted
                   OR (t._version_source = 'fetch' AND EXCLUDED._version_source = 'event'
                       AND t._raw_data IS DISTINCT FROM EXCLUDED._raw_data)
                RETURNING t.id
            )
            SELECT i.ord, i.id,
                   CASE WHEN i.id IN (SELECT w.id FROM written w) THEN 'deleted'
                        ELSE 'tombstoned' END
            FROM incoming i;
        END IF;
    END LOOP;
END
$function$;

-- _write_<table> of 90 tables: apple_pay_domains, application_fee_refunds, application_fees,
--     apps_installs, balance_transactions, billing_alerts, billing_credit_balance_transactions,
--     billing_credit_grants, billing_feedback_options, billing_meters,
--     billing_portal_configurations, charges, checkout_sessions, climate_orders,
--     connected_accounts, coupons, credit_notes, customer_balance_transactions,
--     customer_cash_balance_transactions, customers, disputes, early_fraud_warnings,
--     external_accounts, features, file_links, files, financial_connections_accounts,
--     financial_connections_transactions, forwarding_requests, identity_verification_reports,
--     identity_verification_sessions, invoice_items, invoice_payments,
--     invoice_rendering_templates, invoices, issuing_authorizations, issuing_cardholders,
--     issuing_cards, issuing_disputes, issuing_personalization_designs, issuing_tokens,
--     issuing_transactions, payment_attempt_records, payment_intents, payment_links,
--     payment_method_configurations, payment_method_domains, payment_methods, payment_records,
--     payouts, persons, plans, prices, product_catalog_trial_offers, product_features, products,
--     promotion_codes, quotes, radar_value_list_items, radar_value_lists, refunds,
--     reporting_report_runs, reviews, setup_intents, shipping_rates, sigma_scheduled_query_runs,
--     subscription_schedules, subscriptions, tax_ids, tax_locations, tax_rates, tax_registrations,
--     terminal_configurations, terminal_locations, terminal_readers, test_helpers_test_clocks,
--     three_d_secure_authentications, topups, transfer_reversals, transfers,
--     treasury_credit_reversals, treasury_debit_reversals, treasury_financial_accounts,
--     treasury_inbound_transfers, treasury_outbound_payments, treasury_outbound_transfers,
--     treasury_received_credits, treasury_received_debits, treasury_transaction_entries,
--     treasury_transactions
CREATE OR REPLACE FUNCTION stripe._write_<table>(p_ords bigint[], p_objects jsonb[], p_accounts text[], p_versions timestamp with time zone[], p_sources text[], p_parent_ids text[], p_tie_wins boolean[], p_deletes boolean[], p_livemodes boolean[] DEFAULT NULL::boolean[])
 RETURNS TABLE(ord bigint, object_id text, outcome text)
 LANGUAGE plpgsql
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
DECLARE
    v_rounds integer;
    v_rank bigint[];
    v_upserts boolean;
    v_deletes boolean;
    v_ids text[];
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(p_sources) s WHERE s IS NULL
               OR s NOT IN ('event', 'fetch', 'refetch')) THEN
        RAISE EXCEPTION 'sources must be event, fetch or refetch';
    END IF;
    -- The round of each row: 1 for the first occurrence of its id (by p_ords), 2 for the
    -- second ... (computed on small tuples: ids and positions, not the payloads).
    SELECT array_agg(y.k ORDER BY y.pos), max(y.k), array_agg(DISTINCT y.id),
           bool_or(NOT y.d), bool_or(y.d)
    INTO v_rank, v_rounds, v_ids, v_upserts, v_deletes
    FROM (SELECT x.pos, x.id, coalesce(x.d, false) AS d,
                 row_number() OVER (PARTITION BY x.id ORDER BY x.ord) AS k
          FROM unnest(p_ords, p_deletes, ARRAY(SELECT CASE jsonb_typeof(o->'id')
                                                   WHEN 'string' THEN o->>'id' END
                                               FROM unnest(p_objects) o))
               WITH ORDINALITY AS x(ord, d, id, pos)) y;
    IF v_ids = '{NULL}' OR v_ids IS NULL THEN
        RETURN;
    END IF;
    -- Lock the existing rows in id order first; the statements below then read them as they
    -- are now (each statement of a function takes a new snapshot).
    PERFORM 1 FROM _raw_<table> t WHERE t.id = ANY (v_ids) ORDER BY t.id FOR UPDATE;

    FOR v_round IN 1..v_rounds LOOP
        IF v_upserts THEN
            -- Existing rows are UPDATEd and only missing ids INSERTed: INSERT ... ON CONFLICT
            -- DO UPDATE would pay for both paths on every update.
            RETURN QUERY
            WITH incoming AS (
                SELECT b.ord, b.raw->>'id' AS id, b.raw, b.account_id, b.version, b.source,
                       CASE WHEN b.source = 'refetch' THEN 'fetch' ELSE b.source END
                           AS stored_source,
                       b.parent_id, coalesce(b.tie_wins, false) AS tie_wins, b.livemode
                FROM unnest(p_ords, p_objects, p_accounts, p_versions, p_sources, p_parent_ids,
                            p_tie_wins, p_deletes, v_rank, p_livemodes)
                     AS b(ord, raw, account_id, version, source, parent_id, tie_wins, is_delete,
                          round, livemode)
                WHERE b.round = v_round AND NOT coalesce(b.is_delete, false)
                  AND jsonb_typeof(b.raw->'id') = 'string'
            ),
            updated AS (
                UPDATE _raw_<table> AS t SET
                    _raw_data = i.raw,
                    _account_id = i.account_id,
                    _version = i.version,
                    _version_source = i.stored_source,
                    _last_synced_at = now(),
                    _updated_at = now(), _livemode = coalesce(i.livemode, t._livemode) 
                FROM incoming i
                WHERE t.id = i.id
                  AND NOT t.deleted
                  AND t._raw_data IS DISTINCT FROM i.raw
                  AND (
                      t._version IS NULL
                      OR date_trunc('second', i.version) > date_trunc('second', t._version)
                      OR (date_trunc('second', i.version) = date_trunc('second', t._version)
                          AND ((i.source = 'refetch' AND i.version >= t._updated_at)
                               OR i.tie_wins
                               OR (i.stored_source = 'fetch' AND t._version_source = 'fetch'
                                   AND i.version >= t._version)))
                  )
                RETURNING t.id
            ),
            inserted AS (
                -- A row inserted by someone else since the lock makes this a no-op, reported
                -- 'ambiguous' below: the caller fetches again and retries.
                INSERT INTO _raw_<table> AS t (id, _raw_data, _account_id, _version, _version_source, _livemode )
                SELECT i.id, i.raw, i.account_id, i.version, i.stored_source, i.livemode 
                FROM incoming i
                WHERE NOT EXISTS (SELECT 1 FROM _raw_<table> b WHERE b.id = i.id)
                ON CONFLICT (id) DO NOTHING
                RETURNING t.id
            )
            SELECT i.ord, i.id,
                   CASE
                       WHEN i.id IN (SELECT u.id FROM updated u)
                            OR i.id IN (SELECT n.id FROM inserted n) THEN 'written'
                       WHEN b.id IS NULL THEN 'ambiguous'
                       WHEN b.deleted THEN 'tombstoned'
                       WHEN b._raw_data = i.raw THEN 'unchanged'
                       WHEN date_trunc('second', i.version) < date_trunc('second', b._version)
                           THEN 'stale'
                       WHEN i.stored_source = 'fetch' AND b._version_source = 'fetch'
                           THEN 'stale'
                       ELSE 'ambiguous'
                   END
            FROM incoming i
            LEFT JOIN _raw_<table> b ON b.id = i.id;
        END IF;
        IF v_deletes THEN
            -- A deletion always wins over updates: Stripe never brings a deleted object back.
            -- A tombstone's _version_source says where its state came from: 'event' for a
            -- full last state (a *.deleted event's payload), 'fetch' for only the last state
            -- we had (a stub or a 404), which a full last state arriving later replaces.
            RETURN QUERY
            WITH incoming AS (
                SELECT b.ord, b.raw->>'id' AS id, b.raw, b.account_id, b.version, b.parent_id, b.livemode,
                       (b.raw - 'id' - 'object' - 'deleted') <> '{}'::jsonb AS full_state
                FROM unnest(p_ords, p_objects, p_accounts, p_versions, p_parent_ids, p_deletes,
                            v_rank, p_livemodes)
                     AS b(ord, raw, account_id, version, parent_id, is_delete, round, livemode)
                WHERE b.round = v_round AND coalesce(b.is_delete, false)
                  AND jsonb_typeof(b.raw->'id') = 'string'
            ),
            written AS (
                INSERT INTO _raw_<table> AS t (id, _raw_data, _account_id, _version, _version_source,
                                       deleted, deleted_at, _livemode )
                SELECT i.id, i.raw, i.account_id, i.version,
                       CASE WHEN i.full_state THEN 'event' ELSE 'fetch' END, true,
                       i.version, i.livemode 
                FROM incoming i
                ON CONFLICT (id) DO UPDATE SET
                    deleted = true,
                    deleted_at = CASE WHEN t.deleted
                                      THEN LEAST(t.deleted_at, EXCLUDED.deleted_at)
                                      ELSE EXCLUDED.deleted_at END,
                    _raw_data = CASE
                        WHEN EXCLUDED._version_source = 'fetch'
                        THEN t._raw_data || jsonb_build_object('deleted', true)
                        ELSE EXCLUDED._raw_data END,
                    _version = GREATEST(t._version, EXCLUDED._version),
                    _version_source = EXCLUDED._version_source,
                    _last_synced_at = now(),
                    _updated_at = now(), _livemode = coalesce(EXCLUDED._livemode, t._livemode) 
                WHERE NOT t.deleted
                   OR (t._version_source = 'fetch' AND EXCLUDED._version_source = 'event'
                       AND t._raw_data IS DISTINCT FROM EXCLUDED._raw_data)
                RETURNING t.id
            )
            SELECT i.ord, i.id,
                   CASE WHEN i.id IN (SELECT w.id FROM written w) THEN 'deleted'
                        ELSE 'tombstoned' END
            FROM incoming i;
        END IF;
    END LOOP;
END
$function$;

-- <table>_as_of of 99 tables: active_entitlements, apple_pay_domains, application_fee_refunds,
--     application_fees, apps_installs, balance_transactions, billing_alerts,
--     billing_credit_balance_transactions, billing_credit_grants, billing_feedback_options,
--     billing_meters, billing_portal_configurations, charges, checkout_session_line_items,
--     checkout_sessions, climate_orders, connected_accounts, coupons, credit_note_line_items,
--     credit_notes, customer_balance_transactions, customer_cash_balance_transactions, customers,
--     disputes, early_fraud_warnings, external_accounts, features, file_links, files,
--     financial_connections_accounts, financial_connections_transactions, forwarding_requests,
--     identity_verification_reports, identity_verification_sessions, invoice_items,
--     invoice_line_items, invoice_payments, invoice_rendering_templates, invoices,
--     issuing_authorizations, issuing_cardholders, issuing_cards, issuing_disputes,
--     issuing_personalization_designs, issuing_tokens, issuing_transactions,
--     payment_attempt_records, payment_intent_amount_details_line_items, payment_intents,
--     payment_link_line_items, payment_links, payment_method_configurations,
--     payment_method_domains, payment_methods, payment_records, payouts, persons, plans, prices,
--     product_catalog_trial_offers, product_features, products, promotion_codes, quote_line_items,
--     quotes, radar_value_list_items, radar_value_lists, refunds, reporting_report_runs, reviews,
--     setup_attempts, setup_intents, shipping_rates, sigma_scheduled_query_runs,
--     subscription_items, subscription_schedules, subscriptions, tax_ids, tax_locations,
--     tax_rates, tax_registrations, terminal_configurations, terminal_locations, terminal_readers,
--     test_helpers_test_clocks, three_d_secure_authentications, topups, transfer_reversals,
--     transfers, treasury_credit_reversals, treasury_debit_reversals, treasury_financial_accounts,
--     treasury_inbound_transfers, treasury_outbound_payments, treasury_outbound_transfers,
--     treasury_received_credits, treasury_received_debits, treasury_transaction_entries,
--     treasury_transactions
CREATE OR REPLACE FUNCTION stripe.<table>_as_of(p_at timestamp with time zone)
 RETURNS SETOF <table>
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'stripe', 'pg_catalog'
AS $function$
BEGIN
    RETURN QUERY EXECUTE "_history_as_of_sql"('<table>') USING '<table>', p_at;
END
$function$;
COMMENT ON FUNCTION stripe.<table>_as_of(p_at timestamp with time zone) IS 'The <table> as they were at an instant (history mode; empty while it is off for <table>): the columns of the view <table>.';

-- ================================================================================================
-- Triggers
-- ================================================================================================

CREATE TRIGGER _processed_events_resolve_dead_letter AFTER INSERT ON stripe._processed_events REFERENCING NEW TABLE AS recorded FOR EACH STATEMENT EXECUTE FUNCTION _resolve_dead_letter();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_active_entitlements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_active_entitlements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_apple_pay_domains REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_apple_pay_domains REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_application_fee_refunds REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_application_fee_refunds REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_application_fees REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_application_fees REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_apps_installs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_apps_installs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_balance_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_balance_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_billing_alerts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_billing_alerts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_billing_credit_balance_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_billing_credit_balance_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_billing_credit_grants REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_billing_credit_grants REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_billing_feedback_options REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_billing_feedback_options REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_billing_meters REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_billing_meters REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_billing_portal_configurations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_billing_portal_configurations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_charges REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_charges REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_checkout_session_line_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_checkout_session_line_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_checkout_sessions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_checkout_sessions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_climate_orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_climate_orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_connected_accounts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_connected_accounts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_coupons REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_coupons REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_credit_note_line_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_credit_note_line_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_credit_notes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_credit_notes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_customer_balance_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_customer_balance_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_customer_cash_balance_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_customer_cash_balance_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_customers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_customers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_disputes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_disputes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_early_fraud_warnings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_early_fraud_warnings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_external_accounts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_external_accounts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_features REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_features REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_file_links REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_file_links REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_files REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_files REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_financial_connections_accounts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_financial_connections_accounts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_financial_connections_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_financial_connections_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_forwarding_requests REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_forwarding_requests REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_identity_verification_reports REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_identity_verification_reports REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_identity_verification_sessions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_identity_verification_sessions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_invoice_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_invoice_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_invoice_line_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_invoice_line_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_invoice_payments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_invoice_payments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_invoice_rendering_templates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_invoice_rendering_templates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_invoices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_invoices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_issuing_authorizations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_issuing_authorizations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_issuing_cardholders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_issuing_cardholders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_issuing_cards REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_issuing_cards REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_issuing_disputes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_issuing_disputes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_issuing_personalization_designs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_issuing_personalization_designs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_issuing_tokens REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_issuing_tokens REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_issuing_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_issuing_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_payment_attempt_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_payment_attempt_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_payment_intent_amount_details_line_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_payment_intent_amount_details_line_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_payment_intents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_payment_intents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_payment_link_line_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_payment_link_line_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_payment_links REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_payment_links REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_payment_method_configurations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_payment_method_configurations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_payment_method_domains REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_payment_method_domains REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_payment_methods REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_payment_methods REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_payment_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_payment_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_payouts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_payouts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_persons REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_persons REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_plans REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_plans REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_prices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_prices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_product_catalog_trial_offers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_product_catalog_trial_offers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_product_features REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_product_features REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_products REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_products REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_promotion_codes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_promotion_codes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_quote_line_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_quote_line_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_quotes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_quotes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_radar_value_list_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_radar_value_list_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_radar_value_lists REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_radar_value_lists REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_refunds REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_refunds REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_reporting_report_runs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_reporting_report_runs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_reviews REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_reviews REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_setup_attempts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_setup_attempts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_setup_intents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_setup_intents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_shipping_rates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_shipping_rates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_sigma_scheduled_query_runs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_sigma_scheduled_query_runs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_subscription_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_subscription_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_subscription_schedules REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_subscription_schedules REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_subscriptions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_subscriptions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_tax_ids REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_tax_ids REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_tax_locations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_tax_locations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_tax_rates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_tax_rates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_tax_registrations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_tax_registrations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_terminal_configurations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_terminal_configurations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_terminal_locations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_terminal_locations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_terminal_readers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_terminal_readers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_test_helpers_test_clocks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_test_helpers_test_clocks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_three_d_secure_authentications REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_three_d_secure_authentications REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_topups REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_topups REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_transfer_reversals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_transfer_reversals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_transfers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_transfers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_treasury_credit_reversals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_treasury_credit_reversals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_treasury_debit_reversals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_treasury_debit_reversals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_treasury_financial_accounts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_treasury_financial_accounts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_treasury_inbound_transfers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_treasury_inbound_transfers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_treasury_outbound_payments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_treasury_outbound_payments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_treasury_outbound_transfers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_treasury_outbound_transfers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_treasury_received_credits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_treasury_received_credits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_treasury_received_debits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_treasury_received_debits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_treasury_transaction_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_treasury_transaction_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_insert AFTER INSERT ON stripe._raw_treasury_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
CREATE TRIGGER _change_feed_update AFTER UPDATE ON stripe._raw_treasury_transactions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION _change_feed_capture();
