-- GENERATED FILE, do not edit: regenerate with
--     python scripts/gen_schema.py
-- (check it is current with `python scripts/gen_schema.py --check`).
-- A table for every registry row that had none (registry.json rows whose
-- table_migration is 0020), in registry order, in the shape 0016 left the first
-- tables in: the storage table _raw_<table> keeps id, _raw_data, the bookkeeping
-- columns and only the indexed typed columns (references people join on, created);
-- every other typed column is a row of _typed_columns computed by the view <table>
-- when read (0015). Each table gets its write functions (0017); the dispatchers are
-- rewritten once at the end.

CREATE TABLE "_raw_connected_accounts" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "connected_accounts__account_id_idx" ON "_raw_connected_accounts" ("_account_id");
CREATE INDEX "connected_accounts_created_idx" ON "_raw_connected_accounts" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('connected_accounts', 'business_profile', 'jsonb', false, 1, 'Business information about the account.'),
    ('connected_accounts', 'business_type', 'text', false, 2, 'The business type.'),
    ('connected_accounts', 'capabilities', 'jsonb', false, 3, NULL),
    ('connected_accounts', 'charges_enabled', 'boolean', false, 4, 'Whether the account can create live charges.'),
    ('connected_accounts', 'company', 'jsonb', false, 5, NULL),
    ('connected_accounts', 'controller', 'jsonb', false, 6, NULL),
    ('connected_accounts', 'country', 'text', false, 7, 'The account''s country.'),
    ('connected_accounts', 'created', 'timestamptz', true, 8, 'Time at which the account was connected.'),
    ('connected_accounts', 'default_currency', 'text', false, 9, 'Three-letter ISO currency code representing the default currency for the account.'),
    ('connected_accounts', 'details_submitted', 'boolean', false, 10, 'Whether account details have been submitted.'),
    ('connected_accounts', 'email', 'text', false, 11, 'An email address associated with the account.'),
    ('connected_accounts', 'external_accounts', 'jsonb', false, 12, 'External accounts (bank accounts and debit cards) currently attached to this account'),
    ('connected_accounts', 'future_requirements', 'jsonb', false, 13, NULL),
    ('connected_accounts', 'individual', 'jsonb', false, 14, NULL),
    ('connected_accounts', 'livemode', 'boolean', false, 15, 'Whether the object exists in live mode (NULL where Stripe does not send it).'),
    ('connected_accounts', 'metadata', 'jsonb', false, 16, 'Set of key-value pairs that you can attach to an object.'),
    ('connected_accounts', 'object', 'text', false, 17, 'String representing the object''s type.'),
    ('connected_accounts', 'payouts_enabled', 'boolean', false, 18, 'Whether Stripe can send payouts to this account.'),
    ('connected_accounts', 'requirements', 'jsonb', false, 19, NULL),
    ('connected_accounts', 'settings', 'jsonb', false, 20, 'Options for customizing how the account functions within Stripe.'),
    ('connected_accounts', 'tos_acceptance', 'jsonb', false, 21, NULL),
    ('connected_accounts', 'type', 'text', false, 22, 'The Stripe account type.');
SELECT "_create_typed_view"('connected_accounts');
COMMENT ON VIEW "connected_accounts" IS 'Stripe account objects. This is an object representing a Stripe account.';
COMMENT ON TABLE "_raw_connected_accounts" IS 'Rows of the connected_accounts view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('connected_accounts', NULL);

CREATE TABLE "_raw_apple_pay_domains" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "apple_pay_domains__account_id_idx" ON "_raw_apple_pay_domains" ("_account_id");
CREATE INDEX "apple_pay_domains_created_idx" ON "_raw_apple_pay_domains" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('apple_pay_domains', 'created', 'timestamptz', true, 1, 'Time at which the object was created.'),
    ('apple_pay_domains', 'domain_name', 'text', false, 2, NULL),
    ('apple_pay_domains', 'livemode', 'boolean', false, 3, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('apple_pay_domains', 'object', 'text', false, 4, 'String representing the object''s type.');
SELECT "_create_typed_view"('apple_pay_domains');
COMMENT ON VIEW "apple_pay_domains" IS 'Stripe apple_pay_domain objects.';
COMMENT ON TABLE "_raw_apple_pay_domains" IS 'Rows of the apple_pay_domains view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('apple_pay_domains', NULL);

CREATE TABLE "_raw_application_fees" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "account" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'account') WHEN 'string' THEN "_raw_data"->>'account' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'account'->'id') WHEN 'string' THEN "_raw_data"->'account'->>'id' END END) STORED,
    "balance_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'balance_transaction') WHEN 'string' THEN "_raw_data"->>'balance_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'balance_transaction'->'id') WHEN 'string' THEN "_raw_data"->'balance_transaction'->>'id' END END) STORED,
    "charge" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'charge') WHEN 'string' THEN "_raw_data"->>'charge' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'charge'->'id') WHEN 'string' THEN "_raw_data"->'charge'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "application_fees__account_id_idx" ON "_raw_application_fees" ("_account_id");
CREATE INDEX "application_fees_account_idx" ON "_raw_application_fees" ("account");
CREATE INDEX "application_fees_balance_transaction_idx" ON "_raw_application_fees" ("balance_transaction");
CREATE INDEX "application_fees_charge_idx" ON "_raw_application_fees" ("charge");
CREATE INDEX "application_fees_created_idx" ON "_raw_application_fees" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('application_fees', 'account', 'reference', true, 1, 'ID of the Stripe account this fee was taken from.'),
    ('application_fees', 'amount', 'bigint', false, 2, 'Amount earned, in cents (or local equivalent).'),
    ('application_fees', 'amount_refunded', 'bigint', false, 3, 'Amount in cents (or local equivalent) refunded (can be less than the amount attribute on the fee if a partial refund was issued)'),
    ('application_fees', 'application', 'reference', false, 4, 'ID of the Connect application that earned the fee.'),
    ('application_fees', 'balance_transaction', 'reference', true, 5, 'Balance transaction that describes the impact of this collected application fee on your account balance (not including refunds).'),
    ('application_fees', 'charge', 'reference', true, 6, 'ID of the charge that the application fee was taken from.'),
    ('application_fees', 'created', 'timestamptz', true, 7, 'Time at which the object was created.'),
    ('application_fees', 'currency', 'text', false, 8, 'Three-letter ISO currency code, in lowercase.'),
    ('application_fees', 'fee_source', 'jsonb', false, 9, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('application_fees', 'livemode', 'boolean', false, 10, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('application_fees', 'object', 'text', false, 11, 'String representing the object''s type.'),
    ('application_fees', 'originating_transaction', 'reference', false, 12, 'ID of the corresponding charge on the platform account, if this fee was the result of a charge using the `destination` parameter.'),
    ('application_fees', 'refunded', 'boolean', false, 13, 'Whether the fee has been fully refunded.'),
    ('application_fees', 'refunds', 'jsonb', false, 14, 'A list of refunds that have been applied to the fee.');
SELECT "_create_typed_view"('application_fees');
COMMENT ON VIEW "application_fees" IS 'Stripe application_fee objects.';
COMMENT ON TABLE "_raw_application_fees" IS 'Rows of the application_fees view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('application_fees', NULL);

CREATE TABLE "_raw_application_fee_refunds" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "balance_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'balance_transaction') WHEN 'string' THEN "_raw_data"->>'balance_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'balance_transaction'->'id') WHEN 'string' THEN "_raw_data"->'balance_transaction'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "application_fee_refunds__account_id_idx" ON "_raw_application_fee_refunds" ("_account_id");
CREATE INDEX "application_fee_refunds_balance_transaction_idx" ON "_raw_application_fee_refunds" ("balance_transaction");
CREATE INDEX "application_fee_refunds_created_idx" ON "_raw_application_fee_refunds" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('application_fee_refunds', 'amount', 'bigint', false, 1, 'Amount, in cents (or local equivalent).'),
    ('application_fee_refunds', 'balance_transaction', 'reference', true, 2, 'Balance transaction that describes the impact on your account balance.'),
    ('application_fee_refunds', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('application_fee_refunds', 'currency', 'text', false, 4, 'Three-letter ISO currency code, in lowercase.'),
    ('application_fee_refunds', 'fee', 'reference', false, 5, 'ID of the application fee that was refunded.'),
    ('application_fee_refunds', 'livemode', 'boolean', false, 6, 'Whether the object exists in live mode (NULL where Stripe does not send it).'),
    ('application_fee_refunds', 'metadata', 'jsonb', false, 7, 'Set of key-value pairs that you can attach to an object.'),
    ('application_fee_refunds', 'object', 'text', false, 8, 'String representing the object''s type.');
SELECT "_create_typed_view"('application_fee_refunds');
COMMENT ON VIEW "application_fee_refunds" IS 'Stripe fee_refund objects. `Application Fee Refund` objects allow you to refund an application fee that has previously been created but not yet refunded.';
COMMENT ON TABLE "_raw_application_fee_refunds" IS 'Rows of the application_fee_refunds view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('application_fee_refunds', NULL);

CREATE TABLE "_raw_apps_installs" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "apps_installs__account_id_idx" ON "_raw_apps_installs" ("_account_id");
CREATE INDEX "apps_installs_created_idx" ON "_raw_apps_installs" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('apps_installs', 'account', 'text', false, 1, NULL),
    ('apps_installs', 'app', 'text', false, 2, NULL),
    ('apps_installs', 'approval_required', 'boolean', false, 3, NULL),
    ('apps_installs', 'auth_code', 'text', false, 4, NULL),
    ('apps_installs', 'channel', 'text', false, 5, NULL),
    ('apps_installs', 'content_security_policy_granted', 'jsonb', false, 6, NULL),
    ('apps_installs', 'content_security_policy_pending', 'jsonb', false, 7, NULL),
    ('apps_installs', 'created', 'timestamptz', true, 8, NULL),
    ('apps_installs', 'created_by', 'text', false, 9, NULL),
    ('apps_installs', 'endpoints_granted', 'jsonb', false, 10, NULL),
    ('apps_installs', 'endpoints_pending', 'jsonb', false, 11, NULL),
    ('apps_installs', 'livemode', 'boolean', false, 12, NULL),
    ('apps_installs', 'object', 'text', false, 13, NULL),
    ('apps_installs', 'permissions_granted', 'jsonb', false, 14, NULL),
    ('apps_installs', 'permissions_pending', 'jsonb', false, 15, NULL),
    ('apps_installs', 'status', 'text', false, 16, NULL);
SELECT "_create_typed_view"('apps_installs');
COMMENT ON VIEW "apps_installs" IS 'Stripe apps.install objects.';
COMMENT ON TABLE "_raw_apps_installs" IS 'Rows of the apps_installs view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('apps_installs', NULL);

CREATE TABLE "_raw_billing_alerts" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch'))
);
CREATE INDEX "billing_alerts__account_id_idx" ON "_raw_billing_alerts" ("_account_id");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('billing_alerts', 'alert_type', 'text', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_alerts', 'livemode', 'boolean', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_alerts', 'object', 'text', false, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_alerts', 'status', 'text', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_alerts', 'title', 'text', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_alerts', 'usage_threshold', 'jsonb', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('billing_alerts');
COMMENT ON VIEW "billing_alerts" IS 'Stripe billing.alert objects.';
COMMENT ON TABLE "_raw_billing_alerts" IS 'Rows of the billing_alerts view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('billing_alerts', NULL);

CREATE TABLE "_raw_billing_credit_balance_transactions" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "credit_grant" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'credit_grant') WHEN 'string' THEN "_raw_data"->>'credit_grant' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'credit_grant'->'id') WHEN 'string' THEN "_raw_data"->'credit_grant'->>'id' END END) STORED,
    "test_clock" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'test_clock') WHEN 'string' THEN "_raw_data"->>'test_clock' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'test_clock'->'id') WHEN 'string' THEN "_raw_data"->'test_clock'->>'id' END END) STORED
);
CREATE INDEX "billing_credit_balance_transactions__account_id_idx" ON "_raw_billing_credit_balance_transactions" ("_account_id");
CREATE INDEX "billing_credit_balance_transactions_credit_grant_idx" ON "_raw_billing_credit_balance_transactions" ("credit_grant");
CREATE INDEX "billing_credit_balance_transactions_test_clock_idx" ON "_raw_billing_credit_balance_transactions" ("test_clock");
CREATE INDEX "billing_credit_balance_transactions_created_idx" ON "_raw_billing_credit_balance_transactions" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('billing_credit_balance_transactions', 'created', 'timestamptz', true, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_balance_transactions', 'credit', 'jsonb', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_balance_transactions', 'credit_grant', 'reference', true, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_balance_transactions', 'debit', 'jsonb', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_balance_transactions', 'effective_at', 'timestamptz', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_balance_transactions', 'livemode', 'boolean', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_balance_transactions', 'object', 'text', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_balance_transactions', 'test_clock', 'reference', true, 8, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_balance_transactions', 'type', 'text', false, 9, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('billing_credit_balance_transactions');
COMMENT ON VIEW "billing_credit_balance_transactions" IS 'Stripe billing.credit_balance_transaction objects.';
COMMENT ON TABLE "_raw_billing_credit_balance_transactions" IS 'Rows of the billing_credit_balance_transactions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('billing_credit_balance_transactions', NULL);

CREATE TABLE "_raw_billing_credit_grants" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "test_clock" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'test_clock') WHEN 'string' THEN "_raw_data"->>'test_clock' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'test_clock'->'id') WHEN 'string' THEN "_raw_data"->'test_clock'->>'id' END END) STORED
);
CREATE INDEX "billing_credit_grants__account_id_idx" ON "_raw_billing_credit_grants" ("_account_id");
CREATE INDEX "billing_credit_grants_customer_idx" ON "_raw_billing_credit_grants" ("customer");
CREATE INDEX "billing_credit_grants_test_clock_idx" ON "_raw_billing_credit_grants" ("test_clock");
CREATE INDEX "billing_credit_grants_created_idx" ON "_raw_billing_credit_grants" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('billing_credit_grants', 'amount', 'jsonb', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'applicability_config', 'jsonb', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'category', 'text', false, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'created', 'timestamptz', true, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'customer', 'reference', true, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'customer_account', 'jsonb', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'effective_at', 'timestamptz', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'expires_at', 'timestamptz', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'livemode', 'boolean', false, 9, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'metadata', 'jsonb', false, 10, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'name', 'text', false, 11, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'object', 'text', false, 12, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'priority', 'bigint', false, 13, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'test_clock', 'reference', true, 14, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'updated', 'timestamptz', false, 15, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_credit_grants', 'voided_at', 'timestamptz', false, 16, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('billing_credit_grants');
COMMENT ON VIEW "billing_credit_grants" IS 'Stripe billing.credit_grant objects.';
COMMENT ON TABLE "_raw_billing_credit_grants" IS 'Rows of the billing_credit_grants view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('billing_credit_grants', NULL);

CREATE TABLE "_raw_billing_feedback_options" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch'))
);
CREATE INDEX "billing_feedback_options__account_id_idx" ON "_raw_billing_feedback_options" ("_account_id");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('billing_feedback_options', 'description', 'text', false, 1, NULL),
    ('billing_feedback_options', 'livemode', 'boolean', false, 2, NULL),
    ('billing_feedback_options', 'object', 'text', false, 3, NULL),
    ('billing_feedback_options', 'status', 'text', false, 4, NULL),
    ('billing_feedback_options', 'status_transitions', 'jsonb', false, 5, NULL);
SELECT "_create_typed_view"('billing_feedback_options');
COMMENT ON VIEW "billing_feedback_options" IS 'Stripe billing.feedback_option objects.';
COMMENT ON TABLE "_raw_billing_feedback_options" IS 'Rows of the billing_feedback_options view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('billing_feedback_options', NULL);

CREATE TABLE "_raw_billing_meters" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "billing_meters__account_id_idx" ON "_raw_billing_meters" ("_account_id");
CREATE INDEX "billing_meters_created_idx" ON "_raw_billing_meters" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('billing_meters', 'created', 'timestamptz', true, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_meters', 'customer_mapping', 'jsonb', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_meters', 'default_aggregation', 'jsonb', false, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_meters', 'display_name', 'text', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_meters', 'event_name', 'text', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_meters', 'event_time_window', 'jsonb', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_meters', 'livemode', 'boolean', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_meters', 'object', 'text', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_meters', 'status', 'text', false, 9, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_meters', 'status_transitions', 'jsonb', false, 10, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_meters', 'updated', 'timestamptz', false, 11, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_meters', 'value_settings', 'jsonb', false, 12, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('billing_meters');
COMMENT ON VIEW "billing_meters" IS 'Stripe billing.meter objects.';
COMMENT ON TABLE "_raw_billing_meters" IS 'Rows of the billing_meters view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('billing_meters', NULL);

CREATE TABLE "_raw_billing_portal_configurations" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "billing_portal_configurations__account_id_idx" ON "_raw_billing_portal_configurations" ("_account_id");
CREATE INDEX "billing_portal_configurations_created_idx" ON "_raw_billing_portal_configurations" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('billing_portal_configurations', 'active', 'boolean', false, 1, 'Whether the configuration is active and can be used to create portal sessions.'),
    ('billing_portal_configurations', 'application', 'reference', false, 2, 'ID of the Connect Application that created the configuration.'),
    ('billing_portal_configurations', 'business_profile', 'jsonb', false, 3, NULL),
    ('billing_portal_configurations', 'created', 'timestamptz', true, 4, 'Time at which the object was created.'),
    ('billing_portal_configurations', 'default_return_url', 'text', false, 5, 'The default URL to redirect customers to when they click on the portal''s link to return to your website.'),
    ('billing_portal_configurations', 'features', 'jsonb', false, 6, NULL),
    ('billing_portal_configurations', 'is_default', 'boolean', false, 7, 'Whether the configuration is the default.'),
    ('billing_portal_configurations', 'livemode', 'boolean', false, 8, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('billing_portal_configurations', 'login_page', 'jsonb', false, 9, NULL),
    ('billing_portal_configurations', 'metadata', 'jsonb', false, 10, 'Set of key-value pairs that you can attach to an object.'),
    ('billing_portal_configurations', 'name', 'text', false, 11, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('billing_portal_configurations', 'object', 'text', false, 12, 'String representing the object''s type.'),
    ('billing_portal_configurations', 'updated', 'timestamptz', false, 13, 'Time at which the object was last updated.');
SELECT "_create_typed_view"('billing_portal_configurations');
COMMENT ON VIEW "billing_portal_configurations" IS 'Stripe billing_portal.configuration objects. A portal configuration describes the functionality and behavior of a portal session.';
COMMENT ON TABLE "_raw_billing_portal_configurations" IS 'Rows of the billing_portal_configurations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('billing_portal_configurations', NULL);

CREATE TABLE "_raw_climate_orders" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "climate_orders__account_id_idx" ON "_raw_climate_orders" ("_account_id");
CREATE INDEX "climate_orders_created_idx" ON "_raw_climate_orders" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('climate_orders', 'amount_fees', 'bigint', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'amount_subtotal', 'bigint', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'amount_total', 'bigint', false, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'beneficiary', 'jsonb', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'canceled_at', 'timestamptz', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'cancellation_reason', 'text', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'certificate', 'jsonb', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'confirmed_at', 'timestamptz', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'created', 'timestamptz', true, 9, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'currency', 'text', false, 10, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'delayed_at', 'timestamptz', false, 11, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'delivered_at', 'timestamptz', false, 12, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'delivery_details', 'jsonb', false, 13, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'expected_delivery_year', 'bigint', false, 14, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'livemode', 'boolean', false, 15, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'metadata', 'jsonb', false, 16, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'metric_tons', 'text', false, 17, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'object', 'text', false, 18, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'product', 'text', false, 19, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'product_substituted_at', 'timestamptz', false, 20, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('climate_orders', 'status', 'text', false, 21, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('climate_orders');
COMMENT ON VIEW "climate_orders" IS 'Stripe climate.order objects.';
COMMENT ON TABLE "_raw_climate_orders" IS 'Rows of the climate_orders view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('climate_orders', NULL);

CREATE TABLE "_raw_customer_balance_transactions" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "checkout_session" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'checkout_session') WHEN 'string' THEN "_raw_data"->>'checkout_session' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'checkout_session'->'id') WHEN 'string' THEN "_raw_data"->'checkout_session'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "credit_note" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'credit_note') WHEN 'string' THEN "_raw_data"->>'credit_note' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'credit_note'->'id') WHEN 'string' THEN "_raw_data"->'credit_note'->>'id' END END) STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "invoice" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'invoice') WHEN 'string' THEN "_raw_data"->>'invoice' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'invoice'->'id') WHEN 'string' THEN "_raw_data"->'invoice'->>'id' END END) STORED
);
CREATE INDEX "customer_balance_transactions__account_id_idx" ON "_raw_customer_balance_transactions" ("_account_id");
CREATE INDEX "customer_balance_transactions_checkout_session_idx" ON "_raw_customer_balance_transactions" ("checkout_session");
CREATE INDEX "customer_balance_transactions_credit_note_idx" ON "_raw_customer_balance_transactions" ("credit_note");
CREATE INDEX "customer_balance_transactions_customer_idx" ON "_raw_customer_balance_transactions" ("customer");
CREATE INDEX "customer_balance_transactions_invoice_idx" ON "_raw_customer_balance_transactions" ("invoice");
CREATE INDEX "customer_balance_transactions_created_idx" ON "_raw_customer_balance_transactions" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('customer_balance_transactions', 'amount', 'bigint', false, 1, 'The amount of the transaction.'),
    ('customer_balance_transactions', 'checkout_session', 'reference', true, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('customer_balance_transactions', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('customer_balance_transactions', 'credit_note', 'reference', true, 4, 'The ID of the credit note (if any) related to the transaction.'),
    ('customer_balance_transactions', 'currency', 'text', false, 5, 'Three-letter ISO currency code, in lowercase.'),
    ('customer_balance_transactions', 'customer', 'reference', true, 6, 'The ID of the customer the transaction belongs to.'),
    ('customer_balance_transactions', 'customer_account', 'jsonb', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('customer_balance_transactions', 'description', 'text', false, 8, 'An arbitrary string attached to the object.'),
    ('customer_balance_transactions', 'ending_balance', 'bigint', false, 9, 'The customer''s `balance` after the transaction was applied.'),
    ('customer_balance_transactions', 'invoice', 'reference', true, 10, 'The ID of the invoice (if any) related to the transaction.'),
    ('customer_balance_transactions', 'livemode', 'boolean', false, 11, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('customer_balance_transactions', 'metadata', 'jsonb', false, 12, 'Set of key-value pairs that you can attach to an object.'),
    ('customer_balance_transactions', 'object', 'text', false, 13, 'String representing the object''s type.'),
    ('customer_balance_transactions', 'type', 'text', false, 14, 'Transaction type: `adjustment`, `applied_to_invoice`, `credit_note`, `initial`, `invoice_overpaid`, `invoice_too_large`, `invoice_too_small`, `unspent_receiver_credit`, or `unapplied_from_invoice`.');
SELECT "_create_typed_view"('customer_balance_transactions');
COMMENT ON VIEW "customer_balance_transactions" IS 'Stripe customer_balance_transaction objects. Each customer has a Balance value, which denotes a debit or credit that''s automatically applied to their next invoice upon finalization.';
COMMENT ON TABLE "_raw_customer_balance_transactions" IS 'Rows of the customer_balance_transactions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('customer_balance_transactions', NULL);

CREATE TABLE "_raw_customer_cash_balance_transactions" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED
);
CREATE INDEX "customer_cash_balance_transactions__account_id_idx" ON "_raw_customer_cash_balance_transactions" ("_account_id");
CREATE INDEX "customer_cash_balance_transactions_customer_idx" ON "_raw_customer_cash_balance_transactions" ("customer");
CREATE INDEX "customer_cash_balance_transactions_created_idx" ON "_raw_customer_cash_balance_transactions" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('customer_cash_balance_transactions', 'adjusted_for_overdraft', 'jsonb', false, 1, NULL),
    ('customer_cash_balance_transactions', 'applied_to_payment', 'jsonb', false, 2, NULL),
    ('customer_cash_balance_transactions', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('customer_cash_balance_transactions', 'currency', 'text', false, 4, 'Three-letter ISO currency code, in lowercase.'),
    ('customer_cash_balance_transactions', 'customer', 'reference', true, 5, 'The customer whose available cash balance changed as a result of this transaction.'),
    ('customer_cash_balance_transactions', 'customer_account', 'jsonb', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('customer_cash_balance_transactions', 'ending_balance', 'bigint', false, 7, 'The total available cash balance for the specified currency after this transaction was applied.'),
    ('customer_cash_balance_transactions', 'funded', 'jsonb', false, 8, NULL),
    ('customer_cash_balance_transactions', 'livemode', 'boolean', false, 9, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('customer_cash_balance_transactions', 'net_amount', 'bigint', false, 10, 'The amount by which the cash balance changed, represented in the smallest currency unit.'),
    ('customer_cash_balance_transactions', 'object', 'text', false, 11, 'String representing the object''s type.'),
    ('customer_cash_balance_transactions', 'refunded_from_payment', 'jsonb', false, 12, NULL),
    ('customer_cash_balance_transactions', 'type', 'text', false, 13, 'The type of the cash balance transaction.'),
    ('customer_cash_balance_transactions', 'unapplied_from_payment', 'jsonb', false, 14, NULL);
SELECT "_create_typed_view"('customer_cash_balance_transactions');
COMMENT ON VIEW "customer_cash_balance_transactions" IS 'Stripe customer_cash_balance_transaction objects. Customers with certain payments enabled have a cash balance, representing funds that were paid by the customer to a merchant, but have not yet been allocated to a payment.';
COMMENT ON TABLE "_raw_customer_cash_balance_transactions" IS 'Rows of the customer_cash_balance_transactions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('customer_cash_balance_transactions', NULL);

CREATE TABLE "_raw_external_accounts" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "account" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'account') WHEN 'string' THEN "_raw_data"->>'account' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'account'->'id') WHEN 'string' THEN "_raw_data"->'account'->>'id' END END) STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED
);
CREATE INDEX "external_accounts__account_id_idx" ON "_raw_external_accounts" ("_account_id");
CREATE INDEX "external_accounts_account_idx" ON "_raw_external_accounts" ("account");
CREATE INDEX "external_accounts_customer_idx" ON "_raw_external_accounts" ("customer");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('external_accounts', 'account', 'reference', true, 1, 'The ID of the account that the bank account is associated with.'),
    ('external_accounts', 'account_holder_name', 'text', false, 2, 'The name of the person or business that owns the bank account.'),
    ('external_accounts', 'account_holder_type', 'text', false, 3, 'The type of entity that holds the account.'),
    ('external_accounts', 'account_type', 'text', false, 4, 'The bank account type.'),
    ('external_accounts', 'available_payout_methods', 'jsonb', false, 5, 'A set of available payout methods for this bank account.'),
    ('external_accounts', 'bank_name', 'text', false, 6, 'Name of the bank associated with the routing number (e.g., `WELLS FARGO`).'),
    ('external_accounts', 'country', 'text', false, 7, 'Two-letter ISO code representing the country the bank account is located in.'),
    ('external_accounts', 'currency', 'text', false, 8, 'Three-letter ISO code for the currency paid out to the bank account.'),
    ('external_accounts', 'customer', 'reference', true, 9, 'The ID of the customer that the bank account is associated with.'),
    ('external_accounts', 'default_for_currency', 'boolean', false, 10, 'Whether this bank account is the default external account for its currency.'),
    ('external_accounts', 'fingerprint', 'text', false, 11, 'Uniquely identifies this particular bank account.'),
    ('external_accounts', 'future_requirements', 'jsonb', false, 12, 'Information about the upcoming new requirements for the bank account, including what information needs to be collected, and by when.'),
    ('external_accounts', 'last4', 'text', false, 13, 'The last four digits of the bank account number.'),
    ('external_accounts', 'livemode', 'boolean', false, 14, 'Whether the object exists in live mode (NULL where Stripe does not send it).'),
    ('external_accounts', 'metadata', 'jsonb', false, 15, 'Set of key-value pairs that you can attach to an object.'),
    ('external_accounts', 'object', 'text', false, 16, 'String representing the object''s type.'),
    ('external_accounts', 'requirements', 'jsonb', false, 17, 'Information about the requirements for the bank account, including what information needs to be collected.'),
    ('external_accounts', 'routing_number', 'text', false, 18, 'The routing transit number for the bank account.'),
    ('external_accounts', 'status', 'text', false, 19, 'For bank accounts, possible values are `new`, `validated`, `verified`, `verification_failed`, or `errored`.');
SELECT "_create_typed_view"('external_accounts');
COMMENT ON VIEW "external_accounts" IS 'Stripe bank_account objects. These bank accounts are payment methods on `Customer` objects.';
COMMENT ON TABLE "_raw_external_accounts" IS 'Rows of the external_accounts view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('external_accounts', NULL);

CREATE TABLE "_raw_files" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "files__account_id_idx" ON "_raw_files" ("_account_id");
CREATE INDEX "files_created_idx" ON "_raw_files" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('files', 'created', 'timestamptz', true, 1, 'Time at which the object was created.'),
    ('files', 'expires_at', 'timestamptz', false, 2, 'The time at which the file expires and is no longer available in epoch seconds.'),
    ('files', 'filename', 'text', false, 3, 'A filename for the file, suitable for saving to a filesystem.'),
    ('files', 'links', 'jsonb', false, 4, 'A list of file links that point at this file.'),
    ('files', 'livemode', 'boolean', false, 5, 'Whether the object exists in live mode (NULL where Stripe does not send it).'),
    ('files', 'object', 'text', false, 6, 'String representing the object''s type.'),
    ('files', 'purpose', 'text', false, 7, 'The purpose of the uploaded file.'),
    ('files', 'size', 'bigint', false, 8, 'The size in bytes of the file object.'),
    ('files', 'title', 'text', false, 9, 'A user friendly title for the document.'),
    ('files', 'type', 'text', false, 10, 'The type of the file returned (e.g., `csv`, `pdf`, `jpg`, or `png`).'),
    ('files', 'url', 'text', false, 11, 'The URL from which the file can be downloaded using your live secret API key.');
SELECT "_create_typed_view"('files');
COMMENT ON VIEW "files" IS 'Stripe file objects. This is an object representing a file hosted on Stripe''s servers.';
COMMENT ON TABLE "_raw_files" IS 'Rows of the files view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('files', NULL);

CREATE TABLE "_raw_file_links" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "file" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'file') WHEN 'string' THEN "_raw_data"->>'file' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'file'->'id') WHEN 'string' THEN "_raw_data"->'file'->>'id' END END) STORED
);
CREATE INDEX "file_links__account_id_idx" ON "_raw_file_links" ("_account_id");
CREATE INDEX "file_links_file_idx" ON "_raw_file_links" ("file");
CREATE INDEX "file_links_created_idx" ON "_raw_file_links" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('file_links', 'created', 'timestamptz', true, 1, 'Time at which the object was created.'),
    ('file_links', 'expired', 'boolean', false, 2, 'Whether this link is already expired.'),
    ('file_links', 'expires_at', 'timestamptz', false, 3, 'Time at which the link expires.'),
    ('file_links', 'file', 'reference', true, 4, 'The file object this link points to.'),
    ('file_links', 'livemode', 'boolean', false, 5, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('file_links', 'metadata', 'jsonb', false, 6, 'Set of key-value pairs that you can attach to an object.'),
    ('file_links', 'object', 'text', false, 7, 'String representing the object''s type.'),
    ('file_links', 'url', 'text', false, 8, 'The publicly accessible URL to download the file.');
SELECT "_create_typed_view"('file_links');
COMMENT ON VIEW "file_links" IS 'Stripe file_link objects. To share the contents of a `File` object with non-Stripe users, you can create a `FileLink`.';
COMMENT ON TABLE "_raw_file_links" IS 'Rows of the file_links view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('file_links', NULL);

CREATE TABLE "_raw_financial_connections_accounts" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "financial_connections_accounts__account_id_idx" ON "_raw_financial_connections_accounts" ("_account_id");
CREATE INDEX "financial_connections_accounts_created_idx" ON "_raw_financial_connections_accounts" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('financial_connections_accounts', 'account_holder', 'jsonb', false, 1, 'The account holder that this account belongs to.'),
    ('financial_connections_accounts', 'account_numbers', 'jsonb', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('financial_connections_accounts', 'balance', 'jsonb', false, 3, 'The most recent information about the account''s balance.'),
    ('financial_connections_accounts', 'balance_refresh', 'jsonb', false, 4, 'The state of the most recent attempt to refresh the account balance.'),
    ('financial_connections_accounts', 'category', 'text', false, 5, 'The type of the account.'),
    ('financial_connections_accounts', 'created', 'timestamptz', true, 6, 'Time at which the object was created.'),
    ('financial_connections_accounts', 'display_name', 'text', false, 7, 'A human-readable name that has been assigned to this account, either by the account holder or by the institution.'),
    ('financial_connections_accounts', 'institution_name', 'text', false, 8, 'The name of the institution that holds this account.'),
    ('financial_connections_accounts', 'last4', 'text', false, 9, 'The last 4 digits of the account number.'),
    ('financial_connections_accounts', 'livemode', 'boolean', false, 10, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('financial_connections_accounts', 'object', 'text', false, 11, 'String representing the object''s type.'),
    ('financial_connections_accounts', 'ownership', 'reference', false, 12, 'The most recent information about the account''s owners.'),
    ('financial_connections_accounts', 'ownership_refresh', 'jsonb', false, 13, 'The state of the most recent attempt to refresh the account owners.'),
    ('financial_connections_accounts', 'permissions', 'jsonb', false, 14, 'The list of permissions granted by this account.'),
    ('financial_connections_accounts', 'status', 'text', false, 15, 'The status of the link to the account.'),
    ('financial_connections_accounts', 'subcategory', 'text', false, 16, 'If `category` is `cash`, one of: - `checking` - `savings` - `other` If `category` is `credit`, one of: - `mortgage` - `line_of_credit` - `credit_card` - `other` If `category` is `investment` or `ot...'),
    ('financial_connections_accounts', 'subscriptions', 'jsonb', false, 17, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('financial_connections_accounts', 'supported_payment_method_types', 'jsonb', false, 18, 'The PaymentMethod type(s) that can be created from this account.'),
    ('financial_connections_accounts', 'transaction_refresh', 'jsonb', false, 19, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('financial_connections_accounts');
COMMENT ON VIEW "financial_connections_accounts" IS 'Stripe financial_connections.account objects. A Financial Connections Account represents an account that exists outside of Stripe, to which you have been granted some degree of access.';
COMMENT ON TABLE "_raw_financial_connections_accounts" IS 'Rows of the financial_connections_accounts view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('financial_connections_accounts', NULL);

CREATE TABLE "_raw_financial_connections_transactions" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch'))
);
CREATE INDEX "financial_connections_transactions__account_id_idx" ON "_raw_financial_connections_transactions" ("_account_id");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('financial_connections_transactions', 'account', 'reference', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('financial_connections_transactions', 'amount', 'bigint', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('financial_connections_transactions', 'currency', 'text', false, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('financial_connections_transactions', 'description', 'text', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('financial_connections_transactions', 'livemode', 'boolean', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('financial_connections_transactions', 'object', 'text', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('financial_connections_transactions', 'status', 'text', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('financial_connections_transactions', 'status_transitions', 'jsonb', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('financial_connections_transactions', 'transacted_at', 'timestamptz', false, 9, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('financial_connections_transactions', 'transaction_refresh', 'text', false, 10, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('financial_connections_transactions', 'updated', 'timestamptz', false, 11, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('financial_connections_transactions');
COMMENT ON VIEW "financial_connections_transactions" IS 'Stripe financial_connections.transaction objects.';
COMMENT ON TABLE "_raw_financial_connections_transactions" IS 'Rows of the financial_connections_transactions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('financial_connections_transactions', NULL);

CREATE TABLE "_raw_forwarding_requests" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "forwarding_requests__account_id_idx" ON "_raw_forwarding_requests" ("_account_id");
CREATE INDEX "forwarding_requests_created_idx" ON "_raw_forwarding_requests" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('forwarding_requests', 'created', 'timestamptz', true, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('forwarding_requests', 'livemode', 'boolean', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('forwarding_requests', 'object', 'text', false, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('forwarding_requests', 'payment_method', 'reference', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('forwarding_requests', 'replacements', 'jsonb', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('forwarding_requests', 'request_context', 'jsonb', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('forwarding_requests', 'request_details', 'jsonb', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('forwarding_requests', 'response_details', 'jsonb', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('forwarding_requests', 'url', 'text', false, 9, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('forwarding_requests');
COMMENT ON VIEW "forwarding_requests" IS 'Stripe forwarding.request objects.';
COMMENT ON TABLE "_raw_forwarding_requests" IS 'Rows of the forwarding_requests view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('forwarding_requests', NULL);

CREATE TABLE "_raw_identity_verification_reports" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "identity_verification_reports__account_id_idx" ON "_raw_identity_verification_reports" ("_account_id");
CREATE INDEX "identity_verification_reports_created_idx" ON "_raw_identity_verification_reports" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('identity_verification_reports', 'client_reference_id', 'text', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('identity_verification_reports', 'created', 'timestamptz', true, 2, 'Time at which the object was created.'),
    ('identity_verification_reports', 'document', 'jsonb', false, 3, NULL),
    ('identity_verification_reports', 'id_number', 'jsonb', false, 4, NULL),
    ('identity_verification_reports', 'livemode', 'boolean', false, 5, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('identity_verification_reports', 'object', 'text', false, 6, 'String representing the object''s type.'),
    ('identity_verification_reports', 'options', 'jsonb', false, 7, NULL),
    ('identity_verification_reports', 'selfie', 'jsonb', false, 8, NULL),
    ('identity_verification_reports', 'type', 'text', false, 9, 'Type of report.'),
    ('identity_verification_reports', 'verification_session', 'text', false, 10, 'ID of the VerificationSession that created this report.');
SELECT "_create_typed_view"('identity_verification_reports');
COMMENT ON VIEW "identity_verification_reports" IS 'Stripe identity.verification_report objects. A VerificationReport is the result of an attempt to collect and verify data from a user.';
COMMENT ON TABLE "_raw_identity_verification_reports" IS 'Rows of the identity_verification_reports view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('identity_verification_reports', NULL);

CREATE TABLE "_raw_identity_verification_sessions" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "identity_verification_sessions__account_id_idx" ON "_raw_identity_verification_sessions" ("_account_id");
CREATE INDEX "identity_verification_sessions_created_idx" ON "_raw_identity_verification_sessions" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('identity_verification_sessions', 'client_reference_id', 'text', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('identity_verification_sessions', 'client_secret', 'text', false, 2, 'The short-lived client secret used by Stripe.js to show a verification modal inside your app.'),
    ('identity_verification_sessions', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('identity_verification_sessions', 'last_error', 'jsonb', false, 4, 'If present, this property tells you the last error encountered when processing the verification.'),
    ('identity_verification_sessions', 'last_verification_report', 'reference', false, 5, 'ID of the most recent VerificationReport.'),
    ('identity_verification_sessions', 'livemode', 'boolean', false, 6, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('identity_verification_sessions', 'metadata', 'jsonb', false, 7, 'Set of key-value pairs that you can attach to an object.'),
    ('identity_verification_sessions', 'object', 'text', false, 8, 'String representing the object''s type.'),
    ('identity_verification_sessions', 'options', 'jsonb', false, 9, 'A set of options for the session’s verification checks.'),
    ('identity_verification_sessions', 'redaction', 'jsonb', false, 10, 'Redaction status of this VerificationSession.'),
    ('identity_verification_sessions', 'related_customer', 'jsonb', false, 11, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('identity_verification_sessions', 'related_customer_account', 'jsonb', false, 12, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('identity_verification_sessions', 'status', 'text', false, 13, 'Status of this VerificationSession.'),
    ('identity_verification_sessions', 'type', 'text', false, 14, 'The type of verification check to be performed.'),
    ('identity_verification_sessions', 'url', 'text', false, 15, 'The short-lived URL that you use to redirect a user to Stripe to submit their identity information.'),
    ('identity_verification_sessions', 'verified_outputs', 'jsonb', false, 16, 'The user’s verified data.');
SELECT "_create_typed_view"('identity_verification_sessions');
COMMENT ON VIEW "identity_verification_sessions" IS 'Stripe identity.verification_session objects. A VerificationSession guides you through the process of collecting and verifying the identities of your users.';
COMMENT ON TABLE "_raw_identity_verification_sessions" IS 'Rows of the identity_verification_sessions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('identity_verification_sessions', NULL);

CREATE TABLE "_raw_invoice_payments" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "invoice" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'invoice') WHEN 'string' THEN "_raw_data"->>'invoice' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'invoice'->'id') WHEN 'string' THEN "_raw_data"->'invoice'->>'id' END END) STORED
);
CREATE INDEX "invoice_payments__account_id_idx" ON "_raw_invoice_payments" ("_account_id");
CREATE INDEX "invoice_payments_invoice_idx" ON "_raw_invoice_payments" ("invoice");
CREATE INDEX "invoice_payments_created_idx" ON "_raw_invoice_payments" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('invoice_payments', 'amount_paid', 'bigint', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_payments', 'amount_requested', 'bigint', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_payments', 'created', 'timestamptz', true, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_payments', 'currency', 'text', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_payments', 'invoice', 'reference', true, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_payments', 'is_default', 'boolean', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_payments', 'livemode', 'boolean', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_payments', 'object', 'text', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_payments', 'payment', 'jsonb', false, 9, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_payments', 'status', 'text', false, 10, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_payments', 'status_transitions', 'jsonb', false, 11, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('invoice_payments');
COMMENT ON VIEW "invoice_payments" IS 'Stripe invoice_payment objects.';
COMMENT ON TABLE "_raw_invoice_payments" IS 'Rows of the invoice_payments view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('invoice_payments', NULL);

CREATE TABLE "_raw_invoice_rendering_templates" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "invoice_rendering_templates__account_id_idx" ON "_raw_invoice_rendering_templates" ("_account_id");
CREATE INDEX "invoice_rendering_templates_created_idx" ON "_raw_invoice_rendering_templates" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('invoice_rendering_templates', 'created', 'timestamptz', true, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_rendering_templates', 'livemode', 'boolean', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_rendering_templates', 'metadata', 'jsonb', false, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_rendering_templates', 'nickname', 'text', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_rendering_templates', 'object', 'text', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_rendering_templates', 'status', 'text', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('invoice_rendering_templates', 'version', 'bigint', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('invoice_rendering_templates');
COMMENT ON VIEW "invoice_rendering_templates" IS 'Stripe invoice_rendering_template objects.';
COMMENT ON TABLE "_raw_invoice_rendering_templates" IS 'Rows of the invoice_rendering_templates view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('invoice_rendering_templates', NULL);

CREATE TABLE "_raw_issuing_authorizations" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "card" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'card') WHEN 'string' THEN "_raw_data"->>'card' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'card'->'id') WHEN 'string' THEN "_raw_data"->'card'->>'id' END END) STORED,
    "cardholder" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'cardholder') WHEN 'string' THEN "_raw_data"->>'cardholder' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'cardholder'->'id') WHEN 'string' THEN "_raw_data"->'cardholder'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "token" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'token') WHEN 'string' THEN "_raw_data"->>'token' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'token'->'id') WHEN 'string' THEN "_raw_data"->'token'->>'id' END END) STORED
);
CREATE INDEX "issuing_authorizations__account_id_idx" ON "_raw_issuing_authorizations" ("_account_id");
CREATE INDEX "issuing_authorizations_card_idx" ON "_raw_issuing_authorizations" ("card");
CREATE INDEX "issuing_authorizations_cardholder_idx" ON "_raw_issuing_authorizations" ("cardholder");
CREATE INDEX "issuing_authorizations_token_idx" ON "_raw_issuing_authorizations" ("token");
CREATE INDEX "issuing_authorizations_created_idx" ON "_raw_issuing_authorizations" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('issuing_authorizations', 'amount', 'bigint', false, 1, 'The total amount that was authorized or rejected.'),
    ('issuing_authorizations', 'amount_details', 'jsonb', false, 2, 'Detailed breakdown of amount components.'),
    ('issuing_authorizations', 'approved', 'boolean', false, 3, 'Whether the authorization has been approved.'),
    ('issuing_authorizations', 'authorization_method', 'text', false, 4, 'How the card details were provided.'),
    ('issuing_authorizations', 'balance_transactions', 'jsonb', false, 5, 'List of balance transactions associated with this authorization.'),
    ('issuing_authorizations', 'card', 'reference', true, 6, NULL),
    ('issuing_authorizations', 'card_presence', 'jsonb', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_authorizations', 'cardholder', 'reference', true, 8, 'The cardholder to whom this authorization belongs.'),
    ('issuing_authorizations', 'created', 'timestamptz', true, 9, 'Time at which the object was created.'),
    ('issuing_authorizations', 'currency', 'text', false, 10, 'Three-letter ISO currency code, in lowercase.'),
    ('issuing_authorizations', 'fleet', 'jsonb', false, 11, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_authorizations', 'fuel', 'jsonb', false, 12, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_authorizations', 'livemode', 'boolean', false, 13, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('issuing_authorizations', 'merchant_amount', 'bigint', false, 14, 'The total amount that was authorized or rejected.'),
    ('issuing_authorizations', 'merchant_currency', 'text', false, 15, 'The currency that was presented to the cardholder for the authorization.'),
    ('issuing_authorizations', 'merchant_data', 'jsonb', false, 16, NULL),
    ('issuing_authorizations', 'metadata', 'jsonb', false, 17, 'Set of key-value pairs that you can attach to an object.'),
    ('issuing_authorizations', 'network_data', 'jsonb', false, 18, 'Details about the authorization, such as identifiers, set by the card network.'),
    ('issuing_authorizations', 'object', 'text', false, 19, 'String representing the object''s type.'),
    ('issuing_authorizations', 'pending_request', 'jsonb', false, 20, 'The pending authorization request.'),
    ('issuing_authorizations', 'request_history', 'jsonb', false, 21, 'History of every time a `pending_request` authorization was approved/declined, either by you directly or by Stripe (e.g. based on your spending_controls).'),
    ('issuing_authorizations', 'status', 'text', false, 22, 'The current status of the authorization in its lifecycle.'),
    ('issuing_authorizations', 'token', 'reference', true, 23, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_authorizations', 'transactions', 'jsonb', false, 24, 'List of transactions associated with this authorization.'),
    ('issuing_authorizations', 'treasury', 'jsonb', false, 25, 'Treasury details related to this authorization if it was created on a FinancialAccount.'),
    ('issuing_authorizations', 'verification_data', 'jsonb', false, 26, NULL),
    ('issuing_authorizations', 'verified_by_fraud_challenge', 'jsonb', false, 27, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_authorizations', 'wallet', 'text', false, 28, 'The digital wallet used for this transaction.');
SELECT "_create_typed_view"('issuing_authorizations');
COMMENT ON VIEW "issuing_authorizations" IS 'Stripe issuing.authorization objects. When an issued card is used to make a purchase, an Issuing `Authorization` object is created.';
COMMENT ON TABLE "_raw_issuing_authorizations" IS 'Rows of the issuing_authorizations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('issuing_authorizations', NULL);

CREATE TABLE "_raw_issuing_cards" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "cardholder" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'cardholder') WHEN 'string' THEN "_raw_data"->>'cardholder' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'cardholder'->'id') WHEN 'string' THEN "_raw_data"->'cardholder'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "personalization_design" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'personalization_design') WHEN 'string' THEN "_raw_data"->>'personalization_design' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'personalization_design'->'id') WHEN 'string' THEN "_raw_data"->'personalization_design'->>'id' END END) STORED
);
CREATE INDEX "issuing_cards__account_id_idx" ON "_raw_issuing_cards" ("_account_id");
CREATE INDEX "issuing_cards_cardholder_idx" ON "_raw_issuing_cards" ("cardholder");
CREATE INDEX "issuing_cards_personalization_design_idx" ON "_raw_issuing_cards" ("personalization_design");
CREATE INDEX "issuing_cards_created_idx" ON "_raw_issuing_cards" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('issuing_cards', 'brand', 'text', false, 1, 'The brand of the card.'),
    ('issuing_cards', 'cancellation_reason', 'text', false, 2, 'The reason why the card was canceled.'),
    ('issuing_cards', 'cardholder', 'reference', true, 3, NULL),
    ('issuing_cards', 'created', 'timestamptz', true, 4, 'Time at which the object was created.'),
    ('issuing_cards', 'currency', 'text', false, 5, 'Three-letter ISO currency code, in lowercase.'),
    ('issuing_cards', 'cvc', 'text', false, 6, 'The card''s CVC.'),
    ('issuing_cards', 'exp_month', 'bigint', false, 7, 'The expiration month of the card.'),
    ('issuing_cards', 'exp_year', 'bigint', false, 8, 'The expiration year of the card.'),
    ('issuing_cards', 'financial_account', 'text', false, 9, 'The financial account this card is attached to.'),
    ('issuing_cards', 'last4', 'text', false, 10, 'The last 4 digits of the card number.'),
    ('issuing_cards', 'latest_fraud_warning', 'jsonb', false, 11, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_cards', 'lifecycle_controls', 'jsonb', false, 12, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_cards', 'livemode', 'boolean', false, 13, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('issuing_cards', 'metadata', 'jsonb', false, 14, 'Set of key-value pairs that you can attach to an object.'),
    ('issuing_cards', 'number', 'text', false, 15, 'The full unredacted card number.'),
    ('issuing_cards', 'object', 'text', false, 16, 'String representing the object''s type.'),
    ('issuing_cards', 'personalization_design', 'reference', true, 17, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_cards', 'replaced_by', 'reference', false, 18, 'The latest card that replaces this card, if any.'),
    ('issuing_cards', 'replacement_for', 'reference', false, 19, 'The card this card replaces, if any.'),
    ('issuing_cards', 'replacement_reason', 'text', false, 20, 'The reason why the previous card needed to be replaced.'),
    ('issuing_cards', 'second_line', 'jsonb', false, 21, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_cards', 'shipping', 'jsonb', false, 22, 'Where and how the card will be shipped.'),
    ('issuing_cards', 'spending_controls', 'jsonb', false, 23, NULL),
    ('issuing_cards', 'status', 'text', false, 24, 'Whether authorizations can be approved on this card.'),
    ('issuing_cards', 'type', 'text', false, 25, 'The type of the card.'),
    ('issuing_cards', 'wallets', 'jsonb', false, 26, 'Information relating to digital wallets (like Apple Pay and Google Pay).');
SELECT "_create_typed_view"('issuing_cards');
COMMENT ON VIEW "issuing_cards" IS 'Stripe issuing.card objects. You can create physical or virtual cards that are issued to cardholders.';
COMMENT ON TABLE "_raw_issuing_cards" IS 'Rows of the issuing_cards view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('issuing_cards', NULL);

CREATE TABLE "_raw_issuing_cardholders" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "issuing_cardholders__account_id_idx" ON "_raw_issuing_cardholders" ("_account_id");
CREATE INDEX "issuing_cardholders_created_idx" ON "_raw_issuing_cardholders" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('issuing_cardholders', 'billing', 'jsonb', false, 1, NULL),
    ('issuing_cardholders', 'company', 'jsonb', false, 2, 'Additional information about a `company` cardholder.'),
    ('issuing_cardholders', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('issuing_cardholders', 'email', 'text', false, 4, 'The cardholder''s email address.'),
    ('issuing_cardholders', 'individual', 'jsonb', false, 5, 'Additional information about an `individual` cardholder.'),
    ('issuing_cardholders', 'livemode', 'boolean', false, 6, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('issuing_cardholders', 'metadata', 'jsonb', false, 7, 'Set of key-value pairs that you can attach to an object.'),
    ('issuing_cardholders', 'name', 'text', false, 8, 'The cardholder''s name.'),
    ('issuing_cardholders', 'object', 'text', false, 9, 'String representing the object''s type.'),
    ('issuing_cardholders', 'phone_number', 'text', false, 10, 'The cardholder''s phone number.'),
    ('issuing_cardholders', 'preferred_locales', 'jsonb', false, 11, 'The cardholder’s preferred locales (languages), ordered by preference.'),
    ('issuing_cardholders', 'requirements', 'jsonb', false, 12, NULL),
    ('issuing_cardholders', 'spending_controls', 'jsonb', false, 13, 'Rules that control spending across this cardholder''s cards.'),
    ('issuing_cardholders', 'status', 'text', false, 14, 'Specifies whether to permit authorizations on this cardholder''s cards.'),
    ('issuing_cardholders', 'type', 'text', false, 15, 'One of `individual` or `company`.');
SELECT "_create_typed_view"('issuing_cardholders');
COMMENT ON VIEW "issuing_cardholders" IS 'Stripe issuing.cardholder objects. An Issuing `Cardholder` object represents an individual or business entity who is issued cards.';
COMMENT ON TABLE "_raw_issuing_cardholders" IS 'Rows of the issuing_cardholders view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('issuing_cardholders', NULL);

CREATE TABLE "_raw_issuing_disputes" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'transaction') WHEN 'string' THEN "_raw_data"->>'transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'transaction'->'id') WHEN 'string' THEN "_raw_data"->'transaction'->>'id' END END) STORED
);
CREATE INDEX "issuing_disputes__account_id_idx" ON "_raw_issuing_disputes" ("_account_id");
CREATE INDEX "issuing_disputes_transaction_idx" ON "_raw_issuing_disputes" ("transaction");
CREATE INDEX "issuing_disputes_created_idx" ON "_raw_issuing_disputes" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('issuing_disputes', 'amount', 'bigint', false, 1, 'Disputed amount in the card''s currency and in the smallest currency unit.'),
    ('issuing_disputes', 'balance_transactions', 'jsonb', false, 2, 'List of balance transactions associated with the dispute.'),
    ('issuing_disputes', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('issuing_disputes', 'currency', 'text', false, 4, 'The currency the `transaction` was made in.'),
    ('issuing_disputes', 'evidence', 'jsonb', false, 5, NULL),
    ('issuing_disputes', 'livemode', 'boolean', false, 6, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('issuing_disputes', 'metadata', 'jsonb', false, 7, 'Set of key-value pairs that you can attach to an object.'),
    ('issuing_disputes', 'object', 'text', false, 8, 'String representing the object''s type.'),
    ('issuing_disputes', 'status', 'text', false, 9, 'Current status of the dispute.'),
    ('issuing_disputes', 'transaction', 'reference', true, 10, 'The transaction being disputed.'),
    ('issuing_disputes', 'treasury', 'jsonb', false, 11, 'Treasury details related to this dispute if it was created on a [FinancialAccount](/docs/api/treasury/financial_accounts');
SELECT "_create_typed_view"('issuing_disputes');
COMMENT ON VIEW "issuing_disputes" IS 'Stripe issuing.dispute objects. As a card issuer, you can dispute transactions that the cardholder does not recognize, suspects to be fraudulent, or has other issues with.';
COMMENT ON TABLE "_raw_issuing_disputes" IS 'Rows of the issuing_disputes view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('issuing_disputes', NULL);

CREATE TABLE "_raw_issuing_personalization_designs" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "issuing_personalization_designs__account_id_idx" ON "_raw_issuing_personalization_designs" ("_account_id");
CREATE INDEX "issuing_personalization_designs_created_idx" ON "_raw_issuing_personalization_designs" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('issuing_personalization_designs', 'card_logo', 'jsonb', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_personalization_designs', 'carrier_text', 'jsonb', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_personalization_designs', 'created', 'timestamptz', true, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_personalization_designs', 'livemode', 'boolean', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_personalization_designs', 'lookup_key', 'text', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_personalization_designs', 'metadata', 'jsonb', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_personalization_designs', 'name', 'text', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_personalization_designs', 'object', 'text', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_personalization_designs', 'physical_bundle', 'text', false, 9, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_personalization_designs', 'preferences', 'jsonb', false, 10, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_personalization_designs', 'rejection_reasons', 'jsonb', false, 11, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_personalization_designs', 'status', 'text', false, 12, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('issuing_personalization_designs');
COMMENT ON VIEW "issuing_personalization_designs" IS 'Stripe issuing.personalization_design objects.';
COMMENT ON TABLE "_raw_issuing_personalization_designs" IS 'Rows of the issuing_personalization_designs view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('issuing_personalization_designs', NULL);

CREATE TABLE "_raw_issuing_tokens" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "card" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'card') WHEN 'string' THEN "_raw_data"->>'card' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'card'->'id') WHEN 'string' THEN "_raw_data"->'card'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "issuing_tokens__account_id_idx" ON "_raw_issuing_tokens" ("_account_id");
CREATE INDEX "issuing_tokens_card_idx" ON "_raw_issuing_tokens" ("card");
CREATE INDEX "issuing_tokens_created_idx" ON "_raw_issuing_tokens" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('issuing_tokens', 'card', 'reference', true, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_tokens', 'created', 'timestamptz', true, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_tokens', 'device_fingerprint', 'jsonb', false, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_tokens', 'last4', 'text', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_tokens', 'livemode', 'boolean', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_tokens', 'network', 'text', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_tokens', 'network_updated_at', 'timestamptz', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_tokens', 'object', 'text', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_tokens', 'status', 'text', false, 9, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_tokens', 'wallet_provider', 'text', false, 10, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('issuing_tokens');
COMMENT ON VIEW "issuing_tokens" IS 'Stripe issuing.token objects.';
COMMENT ON TABLE "_raw_issuing_tokens" IS 'Rows of the issuing_tokens view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('issuing_tokens', NULL);

CREATE TABLE "_raw_issuing_transactions" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "authorization" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'authorization') WHEN 'string' THEN "_raw_data"->>'authorization' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'authorization'->'id') WHEN 'string' THEN "_raw_data"->'authorization'->>'id' END END) STORED,
    "balance_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'balance_transaction') WHEN 'string' THEN "_raw_data"->>'balance_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'balance_transaction'->'id') WHEN 'string' THEN "_raw_data"->'balance_transaction'->>'id' END END) STORED,
    "card" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'card') WHEN 'string' THEN "_raw_data"->>'card' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'card'->'id') WHEN 'string' THEN "_raw_data"->'card'->>'id' END END) STORED,
    "cardholder" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'cardholder') WHEN 'string' THEN "_raw_data"->>'cardholder' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'cardholder'->'id') WHEN 'string' THEN "_raw_data"->'cardholder'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "dispute" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'dispute') WHEN 'string' THEN "_raw_data"->>'dispute' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'dispute'->'id') WHEN 'string' THEN "_raw_data"->'dispute'->>'id' END END) STORED,
    "token" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'token') WHEN 'string' THEN "_raw_data"->>'token' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'token'->'id') WHEN 'string' THEN "_raw_data"->'token'->>'id' END END) STORED
);
CREATE INDEX "issuing_transactions__account_id_idx" ON "_raw_issuing_transactions" ("_account_id");
CREATE INDEX "issuing_transactions_authorization_idx" ON "_raw_issuing_transactions" ("authorization");
CREATE INDEX "issuing_transactions_balance_transaction_idx" ON "_raw_issuing_transactions" ("balance_transaction");
CREATE INDEX "issuing_transactions_card_idx" ON "_raw_issuing_transactions" ("card");
CREATE INDEX "issuing_transactions_cardholder_idx" ON "_raw_issuing_transactions" ("cardholder");
CREATE INDEX "issuing_transactions_dispute_idx" ON "_raw_issuing_transactions" ("dispute");
CREATE INDEX "issuing_transactions_token_idx" ON "_raw_issuing_transactions" ("token");
CREATE INDEX "issuing_transactions_created_idx" ON "_raw_issuing_transactions" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('issuing_transactions', 'amount', 'bigint', false, 1, 'The transaction amount, which will be reflected in your balance.'),
    ('issuing_transactions', 'amount_details', 'jsonb', false, 2, 'Detailed breakdown of amount components.'),
    ('issuing_transactions', 'authorization', 'reference', true, 3, 'The `Authorization` object that led to this transaction.'),
    ('issuing_transactions', 'balance_transaction', 'reference', true, 4, 'ID of the balance transaction associated with this transaction.'),
    ('issuing_transactions', 'card', 'reference', true, 5, 'The card used to make this transaction.'),
    ('issuing_transactions', 'cardholder', 'reference', true, 6, 'The cardholder to whom this transaction belongs.'),
    ('issuing_transactions', 'created', 'timestamptz', true, 7, 'Time at which the object was created.'),
    ('issuing_transactions', 'currency', 'text', false, 8, 'Three-letter ISO currency code, in lowercase.'),
    ('issuing_transactions', 'dispute', 'reference', true, 9, 'If you''ve disputed the transaction, the ID of the dispute.'),
    ('issuing_transactions', 'livemode', 'boolean', false, 10, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('issuing_transactions', 'merchant_amount', 'bigint', false, 11, 'The amount that the merchant will receive, denominated in `merchant_currency` and in the smallest currency unit.'),
    ('issuing_transactions', 'merchant_currency', 'text', false, 12, 'The currency with which the merchant is taking payment.'),
    ('issuing_transactions', 'merchant_data', 'jsonb', false, 13, NULL),
    ('issuing_transactions', 'metadata', 'jsonb', false, 14, 'Set of key-value pairs that you can attach to an object.'),
    ('issuing_transactions', 'network_data', 'jsonb', false, 15, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_transactions', 'object', 'text', false, 16, 'String representing the object''s type.'),
    ('issuing_transactions', 'purchase_details', 'jsonb', false, 17, 'Additional purchase information that is optionally provided by the merchant.'),
    ('issuing_transactions', 'token', 'reference', true, 18, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('issuing_transactions', 'treasury', 'jsonb', false, 19, 'Treasury details related to this transaction if it was created on a [FinancialAccount](/docs/api/treasury/financial_accounts'),
    ('issuing_transactions', 'type', 'text', false, 20, 'The nature of the transaction.'),
    ('issuing_transactions', 'wallet', 'text', false, 21, 'The digital wallet used for this transaction.');
SELECT "_create_typed_view"('issuing_transactions');
COMMENT ON VIEW "issuing_transactions" IS 'Stripe issuing.transaction objects. Any use of an issued card that results in funds entering or leaving your Stripe account, such as a completed purchase or refund, is represented by an Issuing `Transaction` object.';
COMMENT ON TABLE "_raw_issuing_transactions" IS 'Rows of the issuing_transactions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('issuing_transactions', NULL);

CREATE TABLE "_raw_payment_attempt_records" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "payment_attempt_records__account_id_idx" ON "_raw_payment_attempt_records" ("_account_id");
CREATE INDEX "payment_attempt_records_created_idx" ON "_raw_payment_attempt_records" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('payment_attempt_records', 'amount', 'jsonb', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'amount_authorized', 'jsonb', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'amount_canceled', 'jsonb', false, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'amount_failed', 'jsonb', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'amount_guaranteed', 'jsonb', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'amount_refunded', 'jsonb', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'amount_requested', 'jsonb', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'application', 'reference', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'created', 'timestamptz', true, 9, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'customer_details', 'jsonb', false, 10, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'customer_presence', 'jsonb', false, 11, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'description', 'text', false, 12, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'livemode', 'boolean', false, 13, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'metadata', 'jsonb', false, 14, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'object', 'text', false, 15, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'payment_method_details', 'jsonb', false, 16, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'payment_record', 'jsonb', false, 17, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'processor_details', 'jsonb', false, 18, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'reported_by', 'text', false, 19, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_attempt_records', 'shipping_details', 'jsonb', false, 20, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('payment_attempt_records');
COMMENT ON VIEW "payment_attempt_records" IS 'Stripe payment_attempt_record objects.';
COMMENT ON TABLE "_raw_payment_attempt_records" IS 'Rows of the payment_attempt_records view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('payment_attempt_records', NULL);

CREATE TABLE "_raw_payment_intent_amount_details_line_items" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "payment_intent" text NOT NULL
);
CREATE INDEX "payment_intent_amount_details_line_items__account_id_idx" ON "_raw_payment_intent_amount_details_line_items" ("_account_id");
CREATE INDEX "payment_intent_amount_details_line_items_payment_intent_idx" ON "_raw_payment_intent_amount_details_line_items" ("payment_intent");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('payment_intent_amount_details_line_items', 'payment_intent', 'parent', true, 0, 'Id of the parent payment_intent; set by the write path.'),
    ('payment_intent_amount_details_line_items', 'discount_amount', 'bigint', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_intent_amount_details_line_items', 'livemode', 'boolean', false, 2, 'Whether the object exists in live mode (NULL where Stripe does not send it).'),
    ('payment_intent_amount_details_line_items', 'object', 'text', false, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_intent_amount_details_line_items', 'payment_method_options', 'jsonb', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_intent_amount_details_line_items', 'product_code', 'jsonb', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_intent_amount_details_line_items', 'product_name', 'text', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_intent_amount_details_line_items', 'quantity', 'bigint', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_intent_amount_details_line_items', 'tax', 'jsonb', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_intent_amount_details_line_items', 'unit_cost', 'bigint', false, 9, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_intent_amount_details_line_items', 'unit_of_measure', 'jsonb', false, 10, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('payment_intent_amount_details_line_items');
COMMENT ON VIEW "payment_intent_amount_details_line_items" IS 'Stripe payment_intent_amount_details_line_item objects, children of payment_intent (its id in column payment_intent).';
COMMENT ON TABLE "_raw_payment_intent_amount_details_line_items" IS 'Rows of the payment_intent_amount_details_line_items view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('payment_intent_amount_details_line_items', 'payment_intent');

CREATE TABLE "_raw_payment_links" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch'))
);
CREATE INDEX "payment_links__account_id_idx" ON "_raw_payment_links" ("_account_id");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('payment_links', 'active', 'boolean', false, 1, 'Whether the payment link''s `url` is active.'),
    ('payment_links', 'after_completion', 'jsonb', false, 2, NULL),
    ('payment_links', 'allow_promotion_codes', 'boolean', false, 3, 'Whether user redeemable promotion codes are enabled.'),
    ('payment_links', 'application', 'reference', false, 4, 'The ID of the Connect application that created the Payment Link.'),
    ('payment_links', 'application_fee_amount', 'bigint', false, 5, 'The amount of the application fee (if any) that will be requested to be applied to the payment and transferred to the application owner''s Stripe account.'),
    ('payment_links', 'application_fee_percent', 'numeric', false, 6, 'This represents the percentage of the subscription invoice total that will be transferred to the application owner''s Stripe account.'),
    ('payment_links', 'automatic_tax', 'jsonb', false, 7, NULL),
    ('payment_links', 'billing_address_collection', 'text', false, 8, 'Configuration for collecting the customer''s billing address.'),
    ('payment_links', 'consent_collection', 'jsonb', false, 9, 'When set, provides configuration to gather active consent from customers.'),
    ('payment_links', 'currency', 'text', false, 10, 'Three-letter ISO currency code, in lowercase.'),
    ('payment_links', 'custom_fields', 'jsonb', false, 11, 'Collect additional information from your customer using custom fields.'),
    ('payment_links', 'custom_text', 'jsonb', false, 12, NULL),
    ('payment_links', 'customer_creation', 'text', false, 13, 'Configuration for Customer creation during checkout.'),
    ('payment_links', 'inactive_message', 'jsonb', false, 14, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_links', 'invoice_creation', 'jsonb', false, 15, 'Configuration for creating invoice for payment mode payment links.'),
    ('payment_links', 'line_items', 'jsonb', false, 16, 'The line items representing what is being sold.'),
    ('payment_links', 'livemode', 'boolean', false, 17, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('payment_links', 'managed_payments', 'jsonb', false, 18, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_links', 'metadata', 'jsonb', false, 19, 'Set of key-value pairs that you can attach to an object.'),
    ('payment_links', 'object', 'text', false, 20, 'String representing the object''s type.'),
    ('payment_links', 'on_behalf_of', 'reference', false, 21, 'The account on behalf of which to charge.'),
    ('payment_links', 'payment_intent_data', 'jsonb', false, 22, 'Indicates the parameters to be passed to PaymentIntent creation during checkout.'),
    ('payment_links', 'payment_method_collection', 'text', false, 23, 'Configuration for collecting a payment method during checkout.'),
    ('payment_links', 'payment_method_options', 'jsonb', false, 24, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_links', 'payment_method_types', 'jsonb', false, 25, 'The list of payment method types that customers can use.'),
    ('payment_links', 'phone_number_collection', 'jsonb', false, 26, NULL),
    ('payment_links', 'restrictions', 'jsonb', false, 27, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_links', 'shipping_address_collection', 'jsonb', false, 28, 'Configuration for collecting the customer''s shipping address.'),
    ('payment_links', 'shipping_options', 'jsonb', false, 29, 'The shipping rate options applied to the session.'),
    ('payment_links', 'submit_type', 'text', false, 30, 'Indicates the type of transaction being performed which customizes relevant text on the page, such as the submit button.'),
    ('payment_links', 'subscription_data', 'jsonb', false, 31, 'When creating a subscription, the specified configuration data will be used.'),
    ('payment_links', 'tax_id_collection', 'jsonb', false, 32, NULL),
    ('payment_links', 'transfer_data', 'jsonb', false, 33, 'The account (if any) the payments will be attributed to for tax reporting, and where funds from each payment will be transferred to.'),
    ('payment_links', 'url', 'text', false, 34, 'The public URL that can be shared with customers.');
SELECT "_create_typed_view"('payment_links');
COMMENT ON VIEW "payment_links" IS 'Stripe payment_link objects. A payment link is a shareable URL that will take your customers to a hosted payment page.';
COMMENT ON TABLE "_raw_payment_links" IS 'Rows of the payment_links view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('payment_links', NULL);

CREATE TABLE "_raw_payment_link_line_items" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "payment_link" text NOT NULL,
    "price" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'price') WHEN 'string' THEN "_raw_data"->>'price' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'price'->'id') WHEN 'string' THEN "_raw_data"->'price'->>'id' END END) STORED
);
CREATE INDEX "payment_link_line_items__account_id_idx" ON "_raw_payment_link_line_items" ("_account_id");
CREATE INDEX "payment_link_line_items_payment_link_idx" ON "_raw_payment_link_line_items" ("payment_link");
CREATE INDEX "payment_link_line_items_price_idx" ON "_raw_payment_link_line_items" ("price");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('payment_link_line_items', 'payment_link', 'parent', true, 0, 'Id of the parent payment_link; set by the write path.'),
    ('payment_link_line_items', 'adjustable_quantity', 'jsonb', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_link_line_items', 'amount_discount', 'bigint', false, 2, 'Total discount amount applied.'),
    ('payment_link_line_items', 'amount_subtotal', 'bigint', false, 3, 'Total before any discounts or taxes are applied.'),
    ('payment_link_line_items', 'amount_tax', 'bigint', false, 4, 'Total tax amount applied.'),
    ('payment_link_line_items', 'amount_total', 'bigint', false, 5, 'Total after discounts and taxes.'),
    ('payment_link_line_items', 'currency', 'text', false, 6, 'Three-letter ISO currency code, in lowercase.'),
    ('payment_link_line_items', 'description', 'text', false, 7, 'An arbitrary string attached to the object.'),
    ('payment_link_line_items', 'discounts', 'jsonb', false, 8, 'The discounts applied to the line item.'),
    ('payment_link_line_items', 'livemode', 'boolean', false, 9, 'Whether the object exists in live mode (NULL where Stripe does not send it).'),
    ('payment_link_line_items', 'metadata', 'jsonb', false, 10, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_link_line_items', 'object', 'text', false, 11, 'String representing the object''s type.'),
    ('payment_link_line_items', 'price', 'reference', true, 12, 'The price used to generate the line item.'),
    ('payment_link_line_items', 'quantity', 'bigint', false, 13, 'The quantity of products being purchased.'),
    ('payment_link_line_items', 'taxes', 'jsonb', false, 14, 'The taxes applied to the line item.');
SELECT "_create_typed_view"('payment_link_line_items');
COMMENT ON VIEW "payment_link_line_items" IS 'Stripe item objects, children of payment_link (its id in column payment_link). A line item.';
COMMENT ON TABLE "_raw_payment_link_line_items" IS 'Rows of the payment_link_line_items view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('payment_link_line_items', 'payment_link');

CREATE TABLE "_raw_payment_method_configurations" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch'))
);
CREATE INDEX "payment_method_configurations__account_id_idx" ON "_raw_payment_method_configurations" ("_account_id");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('payment_method_configurations', 'acss_debit', 'jsonb', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'active', 'boolean', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'affirm', 'jsonb', false, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'afterpay_clearpay', 'jsonb', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'alipay', 'jsonb', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'amazon_pay', 'jsonb', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'apple_pay', 'jsonb', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'application', 'reference', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'bacs_debit', 'jsonb', false, 9, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'bancontact', 'jsonb', false, 10, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'blik', 'jsonb', false, 11, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'card', 'jsonb', false, 12, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'cartes_bancaires', 'jsonb', false, 13, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'cashapp', 'jsonb', false, 14, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'customer_balance', 'jsonb', false, 15, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'eps', 'jsonb', false, 16, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'giropay', 'jsonb', false, 17, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'google_pay', 'jsonb', false, 18, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'ideal', 'jsonb', false, 19, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'is_default', 'boolean', false, 20, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'klarna', 'jsonb', false, 21, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'link', 'jsonb', false, 22, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'livemode', 'boolean', false, 23, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'multibanco', 'jsonb', false, 24, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'name', 'text', false, 25, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'object', 'text', false, 26, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'p24', 'jsonb', false, 27, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'parent', 'jsonb', false, 28, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'sepa_debit', 'jsonb', false, 29, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'sofort', 'jsonb', false, 30, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'us_bank_account', 'jsonb', false, 31, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'wechat_pay', 'jsonb', false, 32, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_configurations', 'zip', 'jsonb', false, 33, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('payment_method_configurations');
COMMENT ON VIEW "payment_method_configurations" IS 'Stripe payment_method_configuration objects.';
COMMENT ON TABLE "_raw_payment_method_configurations" IS 'Rows of the payment_method_configurations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('payment_method_configurations', NULL);

CREATE TABLE "_raw_payment_method_domains" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "payment_method_domains__account_id_idx" ON "_raw_payment_method_domains" ("_account_id");
CREATE INDEX "payment_method_domains_created_idx" ON "_raw_payment_method_domains" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('payment_method_domains', 'amazon_pay', 'jsonb', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_domains', 'apple_pay', 'jsonb', false, 2, NULL),
    ('payment_method_domains', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('payment_method_domains', 'domain_name', 'text', false, 4, 'The domain name that this payment method domain object represents.'),
    ('payment_method_domains', 'enabled', 'boolean', false, 5, 'Whether this payment method domain is enabled.'),
    ('payment_method_domains', 'google_pay', 'jsonb', false, 6, NULL),
    ('payment_method_domains', 'klarna', 'jsonb', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_method_domains', 'link', 'jsonb', false, 8, NULL),
    ('payment_method_domains', 'livemode', 'boolean', false, 9, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('payment_method_domains', 'object', 'text', false, 10, 'String representing the object''s type.'),
    ('payment_method_domains', 'paypal', 'jsonb', false, 11, NULL);
SELECT "_create_typed_view"('payment_method_domains');
COMMENT ON VIEW "payment_method_domains" IS 'Stripe payment_method_domain objects. A payment method domain represents a web domain that you have registered with Stripe.';
COMMENT ON TABLE "_raw_payment_method_domains" IS 'Rows of the payment_method_domains view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('payment_method_domains', NULL);

CREATE TABLE "_raw_payment_records" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "payment_records__account_id_idx" ON "_raw_payment_records" ("_account_id");
CREATE INDEX "payment_records_created_idx" ON "_raw_payment_records" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('payment_records', 'amount', 'jsonb', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'amount_authorized', 'jsonb', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'amount_canceled', 'jsonb', false, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'amount_failed', 'jsonb', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'amount_guaranteed', 'jsonb', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'amount_refunded', 'jsonb', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'amount_requested', 'jsonb', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'application', 'reference', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'created', 'timestamptz', true, 9, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'customer_details', 'jsonb', false, 10, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'customer_presence', 'jsonb', false, 11, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'description', 'text', false, 12, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'latest_payment_attempt_record', 'jsonb', false, 13, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'livemode', 'boolean', false, 14, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'metadata', 'jsonb', false, 15, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'object', 'text', false, 16, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'payment_method_details', 'jsonb', false, 17, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'processor_details', 'jsonb', false, 18, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'reported_by', 'text', false, 19, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('payment_records', 'shipping_details', 'jsonb', false, 20, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('payment_records');
COMMENT ON VIEW "payment_records" IS 'Stripe payment_record objects.';
COMMENT ON TABLE "_raw_payment_records" IS 'Rows of the payment_records view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('payment_records', NULL);

CREATE TABLE "_raw_persons" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "account" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'account') WHEN 'string' THEN "_raw_data"->>'account' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'account'->'id') WHEN 'string' THEN "_raw_data"->'account'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "persons__account_id_idx" ON "_raw_persons" ("_account_id");
CREATE INDEX "persons_account_idx" ON "_raw_persons" ("account");
CREATE INDEX "persons_created_idx" ON "_raw_persons" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('persons', 'account', 'reference', true, 1, 'The account the person is associated with.'),
    ('persons', 'additional_tos_acceptances', 'jsonb', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('persons', 'address', 'jsonb', false, 3, NULL),
    ('persons', 'address_kana', 'jsonb', false, 4, NULL),
    ('persons', 'address_kanji', 'jsonb', false, 5, NULL),
    ('persons', 'created', 'timestamptz', true, 6, 'Time at which the object was created.'),
    ('persons', 'dob', 'jsonb', false, 7, NULL),
    ('persons', 'email', 'text', false, 8, 'The person''s email address.'),
    ('persons', 'first_name', 'text', false, 9, 'The person''s first name.'),
    ('persons', 'first_name_kana', 'text', false, 10, 'The Kana variation of the person''s first name (Japan only).'),
    ('persons', 'first_name_kanji', 'text', false, 11, 'The Kanji variation of the person''s first name (Japan only).'),
    ('persons', 'full_name_aliases', 'jsonb', false, 12, 'A list of alternate names or aliases that the person is known by.'),
    ('persons', 'future_requirements', 'jsonb', false, 13, NULL),
    ('persons', 'gender', 'text', false, 14, 'The person''s gender (International regulations require either "male" or "female").'),
    ('persons', 'id_number_provided', 'boolean', false, 15, 'Whether the person''s `id_number` was provided.'),
    ('persons', 'id_number_secondary_provided', 'boolean', false, 16, 'Whether the person''s `id_number_secondary` was provided.'),
    ('persons', 'last_name', 'text', false, 17, 'The person''s last name.'),
    ('persons', 'last_name_kana', 'text', false, 18, 'The Kana variation of the person''s last name (Japan only).'),
    ('persons', 'last_name_kanji', 'text', false, 19, 'The Kanji variation of the person''s last name (Japan only).'),
    ('persons', 'livemode', 'boolean', false, 20, 'Whether the object exists in live mode (NULL where Stripe does not send it).'),
    ('persons', 'maiden_name', 'text', false, 21, 'The person''s maiden name.'),
    ('persons', 'metadata', 'jsonb', false, 22, 'Set of key-value pairs that you can attach to an object.'),
    ('persons', 'nationality', 'text', false, 23, 'The country where the person is a national.'),
    ('persons', 'object', 'text', false, 24, 'String representing the object''s type.'),
    ('persons', 'phone', 'text', false, 25, 'The person''s phone number.'),
    ('persons', 'political_exposure', 'text', false, 26, 'Indicates if the person or any of their representatives, family members, or other closely related persons, declares that they hold or have held an important public job or function, in any jurisdict...'),
    ('persons', 'registered_address', 'jsonb', false, 27, NULL),
    ('persons', 'relationship', 'jsonb', false, 28, NULL),
    ('persons', 'requirements', 'jsonb', false, 29, NULL),
    ('persons', 'ssn_last_4_provided', 'boolean', false, 30, 'Whether the last four digits of the person''s Social Security number have been provided (U.S.'),
    ('persons', 'verification', 'jsonb', false, 31, NULL);
SELECT "_create_typed_view"('persons');
COMMENT ON VIEW "persons" IS 'Stripe person objects. This is an object representing a person associated with a Stripe account.';
COMMENT ON TABLE "_raw_persons" IS 'Rows of the persons view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('persons', NULL);

CREATE TABLE "_raw_product_catalog_trial_offers" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "price" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'price') WHEN 'string' THEN "_raw_data"->>'price' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'price'->'id') WHEN 'string' THEN "_raw_data"->'price'->>'id' END END) STORED
);
CREATE INDEX "product_catalog_trial_offers__account_id_idx" ON "_raw_product_catalog_trial_offers" ("_account_id");
CREATE INDEX "product_catalog_trial_offers_price_idx" ON "_raw_product_catalog_trial_offers" ("price");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('product_catalog_trial_offers', 'active', 'boolean', false, 1, NULL),
    ('product_catalog_trial_offers', 'duration', 'jsonb', false, 2, NULL),
    ('product_catalog_trial_offers', 'end_behavior', 'jsonb', false, 3, NULL),
    ('product_catalog_trial_offers', 'livemode', 'boolean', false, 4, NULL),
    ('product_catalog_trial_offers', 'nickname', 'text', false, 5, NULL),
    ('product_catalog_trial_offers', 'object', 'text', false, 6, NULL),
    ('product_catalog_trial_offers', 'price', 'reference', true, 7, NULL);
SELECT "_create_typed_view"('product_catalog_trial_offers');
COMMENT ON VIEW "product_catalog_trial_offers" IS 'Stripe product_catalog.trial_offer objects.';
COMMENT ON TABLE "_raw_product_catalog_trial_offers" IS 'Rows of the product_catalog_trial_offers view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('product_catalog_trial_offers', NULL);

CREATE TABLE "_raw_product_features" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch'))
);
CREATE INDEX "product_features__account_id_idx" ON "_raw_product_features" ("_account_id");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('product_features', 'entitlement_feature', 'jsonb', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('product_features', 'livemode', 'boolean', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('product_features', 'name', 'text', false, 3, 'The feature''s name.'),
    ('product_features', 'object', 'text', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('product_features');
COMMENT ON VIEW "product_features" IS 'Stripe product_feature objects.';
COMMENT ON TABLE "_raw_product_features" IS 'Rows of the product_features view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('product_features', NULL);

CREATE TABLE "_raw_quote_line_items" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "quote" text NOT NULL,
    "price" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'price') WHEN 'string' THEN "_raw_data"->>'price' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'price'->'id') WHEN 'string' THEN "_raw_data"->'price'->>'id' END END) STORED
);
CREATE INDEX "quote_line_items__account_id_idx" ON "_raw_quote_line_items" ("_account_id");
CREATE INDEX "quote_line_items_quote_idx" ON "_raw_quote_line_items" ("quote");
CREATE INDEX "quote_line_items_price_idx" ON "_raw_quote_line_items" ("price");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('quote_line_items', 'quote', 'parent', true, 0, 'Id of the parent quote; set by the write path.'),
    ('quote_line_items', 'adjustable_quantity', 'jsonb', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('quote_line_items', 'amount_discount', 'bigint', false, 2, 'Total discount amount applied.'),
    ('quote_line_items', 'amount_subtotal', 'bigint', false, 3, 'Total before any discounts or taxes are applied.'),
    ('quote_line_items', 'amount_tax', 'bigint', false, 4, 'Total tax amount applied.'),
    ('quote_line_items', 'amount_total', 'bigint', false, 5, 'Total after discounts and taxes.'),
    ('quote_line_items', 'currency', 'text', false, 6, 'Three-letter ISO currency code, in lowercase.'),
    ('quote_line_items', 'description', 'text', false, 7, 'An arbitrary string attached to the object.'),
    ('quote_line_items', 'discounts', 'jsonb', false, 8, 'The discounts applied to the line item.'),
    ('quote_line_items', 'livemode', 'boolean', false, 9, 'Whether the object exists in live mode (NULL where Stripe does not send it).'),
    ('quote_line_items', 'metadata', 'jsonb', false, 10, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('quote_line_items', 'object', 'text', false, 11, 'String representing the object''s type.'),
    ('quote_line_items', 'price', 'reference', true, 12, 'The price used to generate the line item.'),
    ('quote_line_items', 'quantity', 'bigint', false, 13, 'The quantity of products being purchased.'),
    ('quote_line_items', 'taxes', 'jsonb', false, 14, 'The taxes applied to the line item.');
SELECT "_create_typed_view"('quote_line_items');
COMMENT ON VIEW "quote_line_items" IS 'Stripe item objects, children of quote (its id in column quote). A line item.';
COMMENT ON TABLE "_raw_quote_line_items" IS 'Rows of the quote_line_items view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('quote_line_items', 'quote');

CREATE TABLE "_raw_radar_value_lists" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "radar_value_lists__account_id_idx" ON "_raw_radar_value_lists" ("_account_id");
CREATE INDEX "radar_value_lists_created_idx" ON "_raw_radar_value_lists" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('radar_value_lists', 'alias', 'text', false, 1, 'The name of the value list for use in rules.'),
    ('radar_value_lists', 'created', 'timestamptz', true, 2, 'Time at which the object was created.'),
    ('radar_value_lists', 'created_by', 'text', false, 3, 'The name or email address of the user who created this value list.'),
    ('radar_value_lists', 'item_type', 'text', false, 4, 'The type of items in the value list.'),
    ('radar_value_lists', 'list_items', 'jsonb', false, 5, 'List of items contained within this value list.'),
    ('radar_value_lists', 'livemode', 'boolean', false, 6, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('radar_value_lists', 'metadata', 'jsonb', false, 7, 'Set of key-value pairs that you can attach to an object.'),
    ('radar_value_lists', 'name', 'text', false, 8, 'The name of the value list.'),
    ('radar_value_lists', 'object', 'text', false, 9, 'String representing the object''s type.');
SELECT "_create_typed_view"('radar_value_lists');
COMMENT ON VIEW "radar_value_lists" IS 'Stripe radar.value_list objects. Value lists allow you to group values together which can then be referenced in rules.';
COMMENT ON TABLE "_raw_radar_value_lists" IS 'Rows of the radar_value_lists view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('radar_value_lists', NULL);

CREATE TABLE "_raw_radar_value_list_items" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "radar_value_list_items__account_id_idx" ON "_raw_radar_value_list_items" ("_account_id");
CREATE INDEX "radar_value_list_items_created_idx" ON "_raw_radar_value_list_items" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('radar_value_list_items', 'created', 'timestamptz', true, 1, 'Time at which the object was created.'),
    ('radar_value_list_items', 'created_by', 'text', false, 2, 'The name or email address of the user who added this item to the value list.'),
    ('radar_value_list_items', 'livemode', 'boolean', false, 3, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('radar_value_list_items', 'object', 'text', false, 4, 'String representing the object''s type.'),
    ('radar_value_list_items', 'value', 'text', false, 5, 'The value of the item.'),
    ('radar_value_list_items', 'value_list', 'text', false, 6, 'The identifier of the value list this item belongs to.');
SELECT "_create_typed_view"('radar_value_list_items');
COMMENT ON VIEW "radar_value_list_items" IS 'Stripe radar.value_list_item objects. Value list items allow you to add specific values to a given Radar value list, which can then be used in rules.';
COMMENT ON TABLE "_raw_radar_value_list_items" IS 'Rows of the radar_value_list_items view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('radar_value_list_items', NULL);

CREATE TABLE "_raw_reporting_report_runs" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "reporting_report_runs__account_id_idx" ON "_raw_reporting_report_runs" ("_account_id");
CREATE INDEX "reporting_report_runs_created_idx" ON "_raw_reporting_report_runs" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('reporting_report_runs', 'created', 'timestamptz', true, 1, 'Time at which the object was created.'),
    ('reporting_report_runs', 'error', 'text', false, 2, 'If something should go wrong during the run, a message about the failure (populated when `status=failed`).'),
    ('reporting_report_runs', 'livemode', 'boolean', false, 3, '`true` if the report is run on live mode data and `false` if it is run on test mode data.'),
    ('reporting_report_runs', 'object', 'text', false, 4, 'String representing the object''s type.'),
    ('reporting_report_runs', 'parameters', 'jsonb', false, 5, NULL),
    ('reporting_report_runs', 'report_type', 'text', false, 6, 'The ID of the report type to run, such as `"balance.summary.1"`.'),
    ('reporting_report_runs', 'result', 'jsonb', false, 7, 'The file object representing the result of the report run (populated when `status=succeeded`).'),
    ('reporting_report_runs', 'status', 'text', false, 8, 'Status of this report run.'),
    ('reporting_report_runs', 'succeeded_at', 'timestamptz', false, 9, 'Timestamp at which this run successfully finished (populated when `status=succeeded`).');
SELECT "_create_typed_view"('reporting_report_runs');
COMMENT ON VIEW "reporting_report_runs" IS 'Stripe reporting.report_run objects. The Report Run object represents an instance of a report type generated with specific run parameters.';
COMMENT ON TABLE "_raw_reporting_report_runs" IS 'Rows of the reporting_report_runs view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('reporting_report_runs', NULL);

CREATE TABLE "_raw_setup_attempts" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "setup_intent" text NOT NULL,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "payment_method" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_method') WHEN 'string' THEN "_raw_data"->>'payment_method' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_method'->'id') WHEN 'string' THEN "_raw_data"->'payment_method'->>'id' END END) STORED
);
CREATE INDEX "setup_attempts__account_id_idx" ON "_raw_setup_attempts" ("_account_id");
CREATE INDEX "setup_attempts_setup_intent_idx" ON "_raw_setup_attempts" ("setup_intent");
CREATE INDEX "setup_attempts_customer_idx" ON "_raw_setup_attempts" ("customer");
CREATE INDEX "setup_attempts_payment_method_idx" ON "_raw_setup_attempts" ("payment_method");
CREATE INDEX "setup_attempts_created_idx" ON "_raw_setup_attempts" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('setup_attempts', 'setup_intent', 'parent', true, 0, 'Id of the parent setup_intent; set by the write path.'),
    ('setup_attempts', 'application', 'reference', false, 1, 'The value of application on the SetupIntent at the time of this confirmation.'),
    ('setup_attempts', 'attach_to_self', 'boolean', false, 2, 'If present, the SetupIntent''s payment method will be attached to the in-context Stripe Account.'),
    ('setup_attempts', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('setup_attempts', 'customer', 'reference', true, 4, 'The value of customer on the SetupIntent at the time of this confirmation.'),
    ('setup_attempts', 'customer_account', 'jsonb', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('setup_attempts', 'flow_directions', 'jsonb', false, 6, 'Indicates the directions of money movement for which this payment method is intended to be used.'),
    ('setup_attempts', 'livemode', 'boolean', false, 7, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('setup_attempts', 'object', 'text', false, 8, 'String representing the object''s type.'),
    ('setup_attempts', 'on_behalf_of', 'reference', false, 9, 'The value of on_behalf_of on the SetupIntent at the time of this confirmation.'),
    ('setup_attempts', 'payment_method', 'reference', true, 10, 'ID of the payment method used with this SetupAttempt.'),
    ('setup_attempts', 'payment_method_details', 'jsonb', false, 11, NULL),
    ('setup_attempts', 'setup_error', 'jsonb', false, 12, 'The error encountered during this attempt to confirm the SetupIntent, if any.'),
    ('setup_attempts', 'status', 'text', false, 13, 'Status of this SetupAttempt, one of `requires_confirmation`, `requires_action`, `processing`, `succeeded`, `failed`, or `abandoned`.'),
    ('setup_attempts', 'usage', 'text', false, 14, 'The value of usage on the SetupIntent at the time of this confirmation, one of `off_session` or `on_session`.');
SELECT "_create_typed_view"('setup_attempts');
COMMENT ON VIEW "setup_attempts" IS 'Stripe setup_attempt objects, children of setup_intent (its id in column setup_intent). A SetupAttempt describes one attempted confirmation of a SetupIntent, whether that confirmation was successful or unsuccessful.';
COMMENT ON TABLE "_raw_setup_attempts" IS 'Rows of the setup_attempts view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('setup_attempts', 'setup_intent');

CREATE TABLE "_raw_shipping_rates" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "shipping_rates__account_id_idx" ON "_raw_shipping_rates" ("_account_id");
CREATE INDEX "shipping_rates_created_idx" ON "_raw_shipping_rates" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('shipping_rates', 'active', 'boolean', false, 1, 'Whether the shipping rate can be used for new purchases.'),
    ('shipping_rates', 'created', 'timestamptz', true, 2, 'Time at which the object was created.'),
    ('shipping_rates', 'delivery_estimate', 'jsonb', false, 3, 'The estimated range for how long shipping will take, meant to be displayable to the customer.'),
    ('shipping_rates', 'display_name', 'text', false, 4, 'The name of the shipping rate, meant to be displayable to the customer.'),
    ('shipping_rates', 'fixed_amount', 'jsonb', false, 5, NULL),
    ('shipping_rates', 'livemode', 'boolean', false, 6, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('shipping_rates', 'metadata', 'jsonb', false, 7, 'Set of key-value pairs that you can attach to an object.'),
    ('shipping_rates', 'object', 'text', false, 8, 'String representing the object''s type.'),
    ('shipping_rates', 'tax_behavior', 'text', false, 9, 'Specifies whether the rate is considered inclusive of taxes or exclusive of taxes.'),
    ('shipping_rates', 'tax_code', 'reference', false, 10, 'A tax code ID.'),
    ('shipping_rates', 'type', 'text', false, 11, 'The type of calculation to use on the shipping rate.');
SELECT "_create_typed_view"('shipping_rates');
COMMENT ON VIEW "shipping_rates" IS 'Stripe shipping_rate objects. Shipping rates describe the price of shipping presented to your customers and applied to a purchase.';
COMMENT ON TABLE "_raw_shipping_rates" IS 'Rows of the shipping_rates view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('shipping_rates', NULL);

CREATE TABLE "_raw_sigma_scheduled_query_runs" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "file" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'file') WHEN 'string' THEN "_raw_data"->>'file' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'file'->'id') WHEN 'string' THEN "_raw_data"->'file'->>'id' END END) STORED
);
CREATE INDEX "sigma_scheduled_query_runs__account_id_idx" ON "_raw_sigma_scheduled_query_runs" ("_account_id");
CREATE INDEX "sigma_scheduled_query_runs_file_idx" ON "_raw_sigma_scheduled_query_runs" ("file");
CREATE INDEX "sigma_scheduled_query_runs_created_idx" ON "_raw_sigma_scheduled_query_runs" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('sigma_scheduled_query_runs', 'created', 'timestamptz', true, 1, 'Time at which the object was created.'),
    ('sigma_scheduled_query_runs', 'data_load_time', 'timestamptz', false, 2, 'When the query was run, Sigma contained a snapshot of your Stripe data at this time.'),
    ('sigma_scheduled_query_runs', 'error', 'jsonb', false, 3, NULL),
    ('sigma_scheduled_query_runs', 'file', 'reference', true, 4, 'The file object representing the results of the query.'),
    ('sigma_scheduled_query_runs', 'livemode', 'boolean', false, 5, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('sigma_scheduled_query_runs', 'object', 'text', false, 6, 'String representing the object''s type.'),
    ('sigma_scheduled_query_runs', 'result_available_until', 'timestamptz', false, 7, 'Time at which the result expires and is no longer available for download.'),
    ('sigma_scheduled_query_runs', 'sql', 'text', false, 8, 'SQL for the query.'),
    ('sigma_scheduled_query_runs', 'status', 'text', false, 9, 'The query''s execution status, which will be `completed` for successful runs, and `canceled`, `failed`, or `timed_out` otherwise.'),
    ('sigma_scheduled_query_runs', 'title', 'text', false, 10, 'Title of the query.');
SELECT "_create_typed_view"('sigma_scheduled_query_runs');
COMMENT ON VIEW "sigma_scheduled_query_runs" IS 'Stripe scheduled_query_run objects. If you have scheduled a Sigma query, you''ll receive a `sigma.scheduled_query_run.created` webhook each time the query runs.';
COMMENT ON TABLE "_raw_sigma_scheduled_query_runs" IS 'Rows of the sigma_scheduled_query_runs view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('sigma_scheduled_query_runs', NULL);

CREATE TABLE "_raw_tax_locations" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch'))
);
CREATE INDEX "tax_locations__account_id_idx" ON "_raw_tax_locations" ("_account_id");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('tax_locations', 'address', 'jsonb', false, 1, NULL),
    ('tax_locations', 'description', 'text', false, 2, NULL),
    ('tax_locations', 'livemode', 'boolean', false, 3, NULL),
    ('tax_locations', 'object', 'text', false, 4, NULL),
    ('tax_locations', 'type', 'text', false, 5, NULL);
SELECT "_create_typed_view"('tax_locations');
COMMENT ON VIEW "tax_locations" IS 'Stripe tax.location objects.';
COMMENT ON TABLE "_raw_tax_locations" IS 'Rows of the tax_locations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('tax_locations', NULL);

CREATE TABLE "_raw_tax_registrations" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "tax_registrations__account_id_idx" ON "_raw_tax_registrations" ("_account_id");
CREATE INDEX "tax_registrations_created_idx" ON "_raw_tax_registrations" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('tax_registrations', 'active_from', 'bigint', false, 1, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('tax_registrations', 'country', 'text', false, 2, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('tax_registrations', 'country_options', 'jsonb', false, 3, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('tax_registrations', 'created', 'timestamptz', true, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('tax_registrations', 'expires_at', 'timestamptz', false, 5, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('tax_registrations', 'livemode', 'boolean', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('tax_registrations', 'object', 'text', false, 7, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('tax_registrations', 'status', 'text', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('tax_registrations');
COMMENT ON VIEW "tax_registrations" IS 'Stripe tax.registration objects.';
COMMENT ON TABLE "_raw_tax_registrations" IS 'Rows of the tax_registrations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('tax_registrations', NULL);

CREATE TABLE "_raw_terminal_configurations" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch'))
);
CREATE INDEX "terminal_configurations__account_id_idx" ON "_raw_terminal_configurations" ("_account_id");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('terminal_configurations', 'bbpos_wisepos_e', 'jsonb', false, 1, NULL),
    ('terminal_configurations', 'is_account_default', 'boolean', false, 2, 'Whether this Configuration is the default for your account'),
    ('terminal_configurations', 'livemode', 'boolean', false, 3, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('terminal_configurations', 'name', 'text', false, 4, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('terminal_configurations', 'object', 'text', false, 5, 'String representing the object''s type.'),
    ('terminal_configurations', 'tipping', 'jsonb', false, 6, NULL),
    ('terminal_configurations', 'verifone_p400', 'jsonb', false, 7, NULL);
SELECT "_create_typed_view"('terminal_configurations');
COMMENT ON VIEW "terminal_configurations" IS 'Stripe terminal.configuration objects. A Configurations object represents how features should be configured for terminal readers.';
COMMENT ON TABLE "_raw_terminal_configurations" IS 'Rows of the terminal_configurations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('terminal_configurations', NULL);

CREATE TABLE "_raw_terminal_locations" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch'))
);
CREATE INDEX "terminal_locations__account_id_idx" ON "_raw_terminal_locations" ("_account_id");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('terminal_locations', 'address', 'jsonb', false, 1, NULL),
    ('terminal_locations', 'configuration_overrides', 'text', false, 2, 'The ID of a configuration that will be used to customize all readers in this location.'),
    ('terminal_locations', 'display_name', 'text', false, 3, 'The display name of the location.'),
    ('terminal_locations', 'livemode', 'boolean', false, 4, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('terminal_locations', 'metadata', 'jsonb', false, 5, 'Set of key-value pairs that you can attach to an object.'),
    ('terminal_locations', 'object', 'text', false, 6, 'String representing the object''s type.');
SELECT "_create_typed_view"('terminal_locations');
COMMENT ON VIEW "terminal_locations" IS 'Stripe terminal.location objects. A Location represents a grouping of readers.';
COMMENT ON TABLE "_raw_terminal_locations" IS 'Rows of the terminal_locations view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('terminal_locations', NULL);

CREATE TABLE "_raw_terminal_readers" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "location" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'location') WHEN 'string' THEN "_raw_data"->>'location' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'location'->'id') WHEN 'string' THEN "_raw_data"->'location'->>'id' END END) STORED
);
CREATE INDEX "terminal_readers__account_id_idx" ON "_raw_terminal_readers" ("_account_id");
CREATE INDEX "terminal_readers_location_idx" ON "_raw_terminal_readers" ("location");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('terminal_readers', 'action', 'jsonb', false, 1, 'The most recent action performed by the reader.'),
    ('terminal_readers', 'device_sw_version', 'text', false, 2, 'The current software version of the reader.'),
    ('terminal_readers', 'device_type', 'text', false, 3, 'Type of reader, one of `bbpos_wisepad3`, `stripe_m2`, `bbpos_chipper2x`, `bbpos_wisepos_e`, `verifone_P400`, or `simulated_wisepos_e`.'),
    ('terminal_readers', 'ip_address', 'text', false, 4, 'The local IP address of the reader.'),
    ('terminal_readers', 'label', 'text', false, 5, 'Custom label given to the reader for easier identification.'),
    ('terminal_readers', 'last_seen_at', 'timestamptz', false, 6, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('terminal_readers', 'livemode', 'boolean', false, 7, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('terminal_readers', 'location', 'reference', true, 8, 'The location identifier of the reader.'),
    ('terminal_readers', 'metadata', 'jsonb', false, 9, 'Set of key-value pairs that you can attach to an object.'),
    ('terminal_readers', 'object', 'text', false, 10, 'String representing the object''s type.'),
    ('terminal_readers', 'serial_number', 'text', false, 11, 'Serial number of the reader.'),
    ('terminal_readers', 'status', 'text', false, 12, 'The networking status of the reader.');
SELECT "_create_typed_view"('terminal_readers');
COMMENT ON VIEW "terminal_readers" IS 'Stripe terminal.reader objects. A Reader represents a physical device for accepting payment details.';
COMMENT ON TABLE "_raw_terminal_readers" IS 'Rows of the terminal_readers view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('terminal_readers', NULL);

CREATE TABLE "_raw_test_helpers_test_clocks" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "test_helpers_test_clocks__account_id_idx" ON "_raw_test_helpers_test_clocks" ("_account_id");
CREATE INDEX "test_helpers_test_clocks_created_idx" ON "_raw_test_helpers_test_clocks" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('test_helpers_test_clocks', 'created', 'timestamptz', true, 1, 'Time at which the object was created.'),
    ('test_helpers_test_clocks', 'deletes_after', 'timestamptz', false, 2, 'Time at which this clock is scheduled to auto delete.'),
    ('test_helpers_test_clocks', 'frozen_time', 'timestamptz', false, 3, 'Time at which all objects belonging to this clock are frozen.'),
    ('test_helpers_test_clocks', 'livemode', 'boolean', false, 4, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('test_helpers_test_clocks', 'name', 'text', false, 5, 'The custom name supplied at creation.'),
    ('test_helpers_test_clocks', 'object', 'text', false, 6, 'String representing the object''s type.'),
    ('test_helpers_test_clocks', 'status', 'text', false, 7, 'The status of the Test Clock.'),
    ('test_helpers_test_clocks', 'status_details', 'jsonb', false, 8, 'A newer field, not in the API 2023-08-16 description of this object.');
SELECT "_create_typed_view"('test_helpers_test_clocks');
COMMENT ON VIEW "test_helpers_test_clocks" IS 'Stripe test_helpers.test_clock objects. A test clock enables deterministic control over objects in testmode.';
COMMENT ON TABLE "_raw_test_helpers_test_clocks" IS 'Rows of the test_helpers_test_clocks view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('test_helpers_test_clocks', NULL);

CREATE TABLE "_raw_three_d_secure_authentications" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "payment_method" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_method') WHEN 'string' THEN "_raw_data"->>'payment_method' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_method'->'id') WHEN 'string' THEN "_raw_data"->'payment_method'->>'id' END END) STORED
);
CREATE INDEX "three_d_secure_authentications__account_id_idx" ON "_raw_three_d_secure_authentications" ("_account_id");
CREATE INDEX "three_d_secure_authentications_payment_method_idx" ON "_raw_three_d_secure_authentications" ("payment_method");
CREATE INDEX "three_d_secure_authentications_created_idx" ON "_raw_three_d_secure_authentications" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('three_d_secure_authentications', 'acquirer_details', 'jsonb', false, 1, NULL),
    ('three_d_secure_authentications', 'amount', 'bigint', false, 2, NULL),
    ('three_d_secure_authentications', 'challenge_url', 'text', false, 3, NULL),
    ('three_d_secure_authentications', 'channel', 'jsonb', false, 4, NULL),
    ('three_d_secure_authentications', 'created', 'timestamptz', true, 5, NULL),
    ('three_d_secure_authentications', 'currency', 'text', false, 6, NULL),
    ('three_d_secure_authentications', 'directory_server', 'text', false, 7, NULL),
    ('three_d_secure_authentications', 'fingerprinting_url', 'text', false, 8, NULL),
    ('three_d_secure_authentications', 'flow_preference', 'jsonb', false, 9, NULL),
    ('three_d_secure_authentications', 'future_usage', 'jsonb', false, 10, NULL),
    ('three_d_secure_authentications', 'livemode', 'boolean', false, 11, NULL),
    ('three_d_secure_authentications', 'message_category', 'text', false, 12, NULL),
    ('three_d_secure_authentications', 'metadata', 'jsonb', false, 13, NULL),
    ('three_d_secure_authentications', 'object', 'text', false, 14, NULL),
    ('three_d_secure_authentications', 'outcome', 'text', false, 15, NULL),
    ('three_d_secure_authentications', 'outcome_details', 'jsonb', false, 16, NULL),
    ('three_d_secure_authentications', 'payment_method', 'reference', true, 17, NULL),
    ('three_d_secure_authentications', 'reason', 'text', false, 18, NULL),
    ('three_d_secure_authentications', 'shipping_address', 'jsonb', false, 19, NULL),
    ('three_d_secure_authentications', 'status', 'text', false, 20, NULL);
SELECT "_create_typed_view"('three_d_secure_authentications');
COMMENT ON VIEW "three_d_secure_authentications" IS 'Stripe three_d_secure.authentication objects.';
COMMENT ON TABLE "_raw_three_d_secure_authentications" IS 'Rows of the three_d_secure_authentications view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('three_d_secure_authentications', NULL);

CREATE TABLE "_raw_topups" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "balance_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'balance_transaction') WHEN 'string' THEN "_raw_data"->>'balance_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'balance_transaction'->'id') WHEN 'string' THEN "_raw_data"->'balance_transaction'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "payment_method" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_method') WHEN 'string' THEN "_raw_data"->>'payment_method' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_method'->'id') WHEN 'string' THEN "_raw_data"->'payment_method'->>'id' END END) STORED
);
CREATE INDEX "topups__account_id_idx" ON "_raw_topups" ("_account_id");
CREATE INDEX "topups_balance_transaction_idx" ON "_raw_topups" ("balance_transaction");
CREATE INDEX "topups_payment_method_idx" ON "_raw_topups" ("payment_method");
CREATE INDEX "topups_created_idx" ON "_raw_topups" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('topups', 'amount', 'bigint', false, 1, 'Amount transferred.'),
    ('topups', 'balance_transaction', 'reference', true, 2, 'ID of the balance transaction that describes the impact of this top-up on your account balance.'),
    ('topups', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('topups', 'currency', 'text', false, 4, 'Three-letter ISO currency code, in lowercase.'),
    ('topups', 'description', 'text', false, 5, 'An arbitrary string attached to the object.'),
    ('topups', 'expected_availability_date', 'bigint', false, 6, 'Date the funds are expected to arrive in your Stripe account for payouts.'),
    ('topups', 'failure_code', 'text', false, 7, 'Error code explaining reason for top-up failure if available (see the errors section for a list of codes).'),
    ('topups', 'failure_message', 'text', false, 8, 'Message to user further explaining reason for top-up failure if available.'),
    ('topups', 'initiated_by', 'jsonb', false, 9, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('topups', 'livemode', 'boolean', false, 10, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('topups', 'metadata', 'jsonb', false, 11, 'Set of key-value pairs that you can attach to an object.'),
    ('topups', 'object', 'text', false, 12, 'String representing the object''s type.'),
    ('topups', 'payment_method', 'reference', true, 13, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('topups', 'source', 'jsonb', false, 14, 'For most Stripe users, the source of every top-up is a bank account.'),
    ('topups', 'statement_descriptor', 'text', false, 15, 'Extra information about a top-up.'),
    ('topups', 'status', 'text', false, 16, 'The status of the top-up is either `canceled`, `failed`, `pending`, `reversed`, or `succeeded`.'),
    ('topups', 'transfer_group', 'text', false, 17, 'A string that identifies this top-up as part of a group.');
SELECT "_create_typed_view"('topups');
COMMENT ON VIEW "topups" IS 'Stripe topup objects. To top up your Stripe balance, you create a top-up object.';
COMMENT ON TABLE "_raw_topups" IS 'Rows of the topups view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('topups', NULL);

CREATE TABLE "_raw_transfer_reversals" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "balance_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'balance_transaction') WHEN 'string' THEN "_raw_data"->>'balance_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'balance_transaction'->'id') WHEN 'string' THEN "_raw_data"->'balance_transaction'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "transfer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'transfer') WHEN 'string' THEN "_raw_data"->>'transfer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'transfer'->'id') WHEN 'string' THEN "_raw_data"->'transfer'->>'id' END END) STORED
);
CREATE INDEX "transfer_reversals__account_id_idx" ON "_raw_transfer_reversals" ("_account_id");
CREATE INDEX "transfer_reversals_balance_transaction_idx" ON "_raw_transfer_reversals" ("balance_transaction");
CREATE INDEX "transfer_reversals_transfer_idx" ON "_raw_transfer_reversals" ("transfer");
CREATE INDEX "transfer_reversals_created_idx" ON "_raw_transfer_reversals" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('transfer_reversals', 'amount', 'bigint', false, 1, 'Amount, in cents (or local equivalent).'),
    ('transfer_reversals', 'balance_transaction', 'reference', true, 2, 'Balance transaction that describes the impact on your account balance.'),
    ('transfer_reversals', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('transfer_reversals', 'currency', 'text', false, 4, 'Three-letter ISO currency code, in lowercase.'),
    ('transfer_reversals', 'destination_payment_refund', 'reference', false, 5, 'Linked payment refund for the transfer reversal.'),
    ('transfer_reversals', 'livemode', 'boolean', false, 6, 'Whether the object exists in live mode (NULL where Stripe does not send it).'),
    ('transfer_reversals', 'metadata', 'jsonb', false, 7, 'Set of key-value pairs that you can attach to an object.'),
    ('transfer_reversals', 'object', 'text', false, 8, 'String representing the object''s type.'),
    ('transfer_reversals', 'source_refund', 'reference', false, 9, 'ID of the refund responsible for the transfer reversal.'),
    ('transfer_reversals', 'transfer', 'reference', true, 10, 'ID of the transfer that was reversed.');
SELECT "_create_typed_view"('transfer_reversals');
COMMENT ON VIEW "transfer_reversals" IS 'Stripe transfer_reversal objects. Stripe Connect platforms can reverse transfers made to a connected account, either entirely or partially, and can also specify whether to refund any related application fees.';
COMMENT ON TABLE "_raw_transfer_reversals" IS 'Rows of the transfer_reversals view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('transfer_reversals', NULL);

CREATE TABLE "_raw_treasury_credit_reversals" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'transaction') WHEN 'string' THEN "_raw_data"->>'transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'transaction'->'id') WHEN 'string' THEN "_raw_data"->'transaction'->>'id' END END) STORED
);
CREATE INDEX "treasury_credit_reversals__account_id_idx" ON "_raw_treasury_credit_reversals" ("_account_id");
CREATE INDEX "treasury_credit_reversals_transaction_idx" ON "_raw_treasury_credit_reversals" ("transaction");
CREATE INDEX "treasury_credit_reversals_created_idx" ON "_raw_treasury_credit_reversals" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('treasury_credit_reversals', 'amount', 'bigint', false, 1, 'Amount (in cents) transferred.'),
    ('treasury_credit_reversals', 'created', 'timestamptz', true, 2, 'Time at which the object was created.'),
    ('treasury_credit_reversals', 'currency', 'text', false, 3, 'Three-letter ISO currency code, in lowercase.'),
    ('treasury_credit_reversals', 'financial_account', 'text', false, 4, 'The FinancialAccount to reverse funds from.'),
    ('treasury_credit_reversals', 'hosted_regulatory_receipt_url', 'text', false, 5, 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.'),
    ('treasury_credit_reversals', 'livemode', 'boolean', false, 6, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('treasury_credit_reversals', 'metadata', 'jsonb', false, 7, 'Set of key-value pairs that you can attach to an object.'),
    ('treasury_credit_reversals', 'network', 'text', false, 8, 'The rails used to reverse the funds.'),
    ('treasury_credit_reversals', 'object', 'text', false, 9, 'String representing the object''s type.'),
    ('treasury_credit_reversals', 'received_credit', 'text', false, 10, 'The ReceivedCredit being reversed.'),
    ('treasury_credit_reversals', 'status', 'text', false, 11, 'Status of the CreditReversal'),
    ('treasury_credit_reversals', 'status_transitions', 'jsonb', false, 12, NULL),
    ('treasury_credit_reversals', 'transaction', 'reference', true, 13, 'The Transaction associated with this object.');
SELECT "_create_typed_view"('treasury_credit_reversals');
COMMENT ON VIEW "treasury_credit_reversals" IS 'Stripe treasury.credit_reversal objects. You can reverse some ReceivedCredits depending on their network and source flow.';
COMMENT ON TABLE "_raw_treasury_credit_reversals" IS 'Rows of the treasury_credit_reversals view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('treasury_credit_reversals', NULL);

CREATE TABLE "_raw_treasury_debit_reversals" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'transaction') WHEN 'string' THEN "_raw_data"->>'transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'transaction'->'id') WHEN 'string' THEN "_raw_data"->'transaction'->>'id' END END) STORED
);
CREATE INDEX "treasury_debit_reversals__account_id_idx" ON "_raw_treasury_debit_reversals" ("_account_id");
CREATE INDEX "treasury_debit_reversals_transaction_idx" ON "_raw_treasury_debit_reversals" ("transaction");
CREATE INDEX "treasury_debit_reversals_created_idx" ON "_raw_treasury_debit_reversals" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('treasury_debit_reversals', 'amount', 'bigint', false, 1, 'Amount (in cents) transferred.'),
    ('treasury_debit_reversals', 'created', 'timestamptz', true, 2, 'Time at which the object was created.'),
    ('treasury_debit_reversals', 'currency', 'text', false, 3, 'Three-letter ISO currency code, in lowercase.'),
    ('treasury_debit_reversals', 'financial_account', 'text', false, 4, 'The FinancialAccount to reverse funds from.'),
    ('treasury_debit_reversals', 'hosted_regulatory_receipt_url', 'text', false, 5, 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.'),
    ('treasury_debit_reversals', 'linked_flows', 'jsonb', false, 6, 'Other flows linked to a DebitReversal.'),
    ('treasury_debit_reversals', 'livemode', 'boolean', false, 7, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('treasury_debit_reversals', 'metadata', 'jsonb', false, 8, 'Set of key-value pairs that you can attach to an object.'),
    ('treasury_debit_reversals', 'network', 'text', false, 9, 'The rails used to reverse the funds.'),
    ('treasury_debit_reversals', 'object', 'text', false, 10, 'String representing the object''s type.'),
    ('treasury_debit_reversals', 'received_debit', 'text', false, 11, 'The ReceivedDebit being reversed.'),
    ('treasury_debit_reversals', 'status', 'text', false, 12, 'Status of the DebitReversal'),
    ('treasury_debit_reversals', 'status_transitions', 'jsonb', false, 13, NULL),
    ('treasury_debit_reversals', 'transaction', 'reference', true, 14, 'The Transaction associated with this object.');
SELECT "_create_typed_view"('treasury_debit_reversals');
COMMENT ON VIEW "treasury_debit_reversals" IS 'Stripe treasury.debit_reversal objects. You can reverse some ReceivedDebits depending on their network and source flow.';
COMMENT ON TABLE "_raw_treasury_debit_reversals" IS 'Rows of the treasury_debit_reversals view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('treasury_debit_reversals', NULL);

CREATE TABLE "_raw_treasury_financial_accounts" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "treasury_financial_accounts__account_id_idx" ON "_raw_treasury_financial_accounts" ("_account_id");
CREATE INDEX "treasury_financial_accounts_created_idx" ON "_raw_treasury_financial_accounts" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('treasury_financial_accounts', 'active_features', 'jsonb', false, 1, 'The array of paths to active Features in the Features hash.'),
    ('treasury_financial_accounts', 'balance', 'jsonb', false, 2, NULL),
    ('treasury_financial_accounts', 'country', 'text', false, 3, 'Two-letter country code (ISO 3166-1 alpha-2).'),
    ('treasury_financial_accounts', 'created', 'timestamptz', true, 4, 'Time at which the object was created.'),
    ('treasury_financial_accounts', 'features', 'jsonb', false, 5, NULL),
    ('treasury_financial_accounts', 'financial_addresses', 'jsonb', false, 6, 'The set of credentials that resolve to a FinancialAccount.'),
    ('treasury_financial_accounts', 'livemode', 'boolean', false, 7, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('treasury_financial_accounts', 'metadata', 'jsonb', false, 8, 'Set of key-value pairs that you can attach to an object.'),
    ('treasury_financial_accounts', 'object', 'text', false, 9, 'String representing the object''s type.'),
    ('treasury_financial_accounts', 'pending_features', 'jsonb', false, 10, 'The array of paths to pending Features in the Features hash.'),
    ('treasury_financial_accounts', 'platform_restrictions', 'jsonb', false, 11, 'The set of functionalities that the platform can restrict on the FinancialAccount.'),
    ('treasury_financial_accounts', 'restricted_features', 'jsonb', false, 12, 'The array of paths to restricted Features in the Features hash.'),
    ('treasury_financial_accounts', 'status', 'text', false, 13, 'The enum specifying what state the account is in.'),
    ('treasury_financial_accounts', 'status_details', 'jsonb', false, 14, NULL),
    ('treasury_financial_accounts', 'supported_currencies', 'jsonb', false, 15, 'The currencies the FinancialAccount can hold a balance in.');
SELECT "_create_typed_view"('treasury_financial_accounts');
COMMENT ON VIEW "treasury_financial_accounts" IS 'Stripe treasury.financial_account objects. Stripe Treasury provides users with a container for money called a FinancialAccount that is separate from their Payments balance.';
COMMENT ON TABLE "_raw_treasury_financial_accounts" IS 'Rows of the treasury_financial_accounts view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('treasury_financial_accounts', NULL);

CREATE TABLE "_raw_treasury_inbound_transfers" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'transaction') WHEN 'string' THEN "_raw_data"->>'transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'transaction'->'id') WHEN 'string' THEN "_raw_data"->'transaction'->>'id' END END) STORED
);
CREATE INDEX "treasury_inbound_transfers__account_id_idx" ON "_raw_treasury_inbound_transfers" ("_account_id");
CREATE INDEX "treasury_inbound_transfers_transaction_idx" ON "_raw_treasury_inbound_transfers" ("transaction");
CREATE INDEX "treasury_inbound_transfers_created_idx" ON "_raw_treasury_inbound_transfers" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('treasury_inbound_transfers', 'amount', 'bigint', false, 1, 'Amount (in cents) transferred.'),
    ('treasury_inbound_transfers', 'cancelable', 'boolean', false, 2, 'Returns `true` if the InboundTransfer is able to be canceled.'),
    ('treasury_inbound_transfers', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('treasury_inbound_transfers', 'currency', 'text', false, 4, 'Three-letter ISO currency code, in lowercase.'),
    ('treasury_inbound_transfers', 'description', 'text', false, 5, 'An arbitrary string attached to the object.'),
    ('treasury_inbound_transfers', 'failure_details', 'jsonb', false, 6, 'Details about this InboundTransfer''s failure.'),
    ('treasury_inbound_transfers', 'financial_account', 'text', false, 7, 'The FinancialAccount that received the funds.'),
    ('treasury_inbound_transfers', 'hosted_regulatory_receipt_url', 'text', false, 8, 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.'),
    ('treasury_inbound_transfers', 'linked_flows', 'jsonb', false, 9, NULL),
    ('treasury_inbound_transfers', 'livemode', 'boolean', false, 10, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('treasury_inbound_transfers', 'metadata', 'jsonb', false, 11, 'Set of key-value pairs that you can attach to an object.'),
    ('treasury_inbound_transfers', 'object', 'text', false, 12, 'String representing the object''s type.'),
    ('treasury_inbound_transfers', 'origin_payment_method', 'text', false, 13, 'The origin payment method to be debited for an InboundTransfer.'),
    ('treasury_inbound_transfers', 'origin_payment_method_details', 'jsonb', false, 14, 'Details about the PaymentMethod for an InboundTransfer.'),
    ('treasury_inbound_transfers', 'returned', 'boolean', false, 15, 'Returns `true` if the funds for an InboundTransfer were returned after the InboundTransfer went to the `succeeded` state.'),
    ('treasury_inbound_transfers', 'statement_descriptor', 'text', false, 16, 'Statement descriptor shown when funds are debited from the source.'),
    ('treasury_inbound_transfers', 'status', 'text', false, 17, 'Status of the InboundTransfer: `processing`, `succeeded`, `failed`, and `canceled`.'),
    ('treasury_inbound_transfers', 'status_transitions', 'jsonb', false, 18, NULL),
    ('treasury_inbound_transfers', 'transaction', 'reference', true, 19, 'The Transaction associated with this object.');
SELECT "_create_typed_view"('treasury_inbound_transfers');
COMMENT ON VIEW "treasury_inbound_transfers" IS 'Stripe treasury.inbound_transfer objects. Use InboundTransfers to add funds to your FinancialAccount via a PaymentMethod that is owned by you.';
COMMENT ON TABLE "_raw_treasury_inbound_transfers" IS 'Rows of the treasury_inbound_transfers view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('treasury_inbound_transfers', NULL);

CREATE TABLE "_raw_treasury_outbound_payments" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'transaction') WHEN 'string' THEN "_raw_data"->>'transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'transaction'->'id') WHEN 'string' THEN "_raw_data"->'transaction'->>'id' END END) STORED
);
CREATE INDEX "treasury_outbound_payments__account_id_idx" ON "_raw_treasury_outbound_payments" ("_account_id");
CREATE INDEX "treasury_outbound_payments_customer_idx" ON "_raw_treasury_outbound_payments" ("customer");
CREATE INDEX "treasury_outbound_payments_transaction_idx" ON "_raw_treasury_outbound_payments" ("transaction");
CREATE INDEX "treasury_outbound_payments_created_idx" ON "_raw_treasury_outbound_payments" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('treasury_outbound_payments', 'amount', 'bigint', false, 1, 'Amount (in cents) transferred.'),
    ('treasury_outbound_payments', 'cancelable', 'boolean', false, 2, 'Returns `true` if the object can be canceled, and `false` otherwise.'),
    ('treasury_outbound_payments', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('treasury_outbound_payments', 'currency', 'text', false, 4, 'Three-letter ISO currency code, in lowercase.'),
    ('treasury_outbound_payments', 'customer', 'reference', true, 5, 'ID of the customer to whom an OutboundPayment is sent.'),
    ('treasury_outbound_payments', 'description', 'text', false, 6, 'An arbitrary string attached to the object.'),
    ('treasury_outbound_payments', 'destination_payment_method', 'text', false, 7, 'The PaymentMethod via which an OutboundPayment is sent.'),
    ('treasury_outbound_payments', 'destination_payment_method_details', 'jsonb', false, 8, 'Details about the PaymentMethod for an OutboundPayment.'),
    ('treasury_outbound_payments', 'end_user_details', 'jsonb', false, 9, 'Details about the end user.'),
    ('treasury_outbound_payments', 'expected_arrival_date', 'timestamptz', false, 10, 'The date when funds are expected to arrive in the destination account.'),
    ('treasury_outbound_payments', 'financial_account', 'text', false, 11, 'The FinancialAccount that funds were pulled from.'),
    ('treasury_outbound_payments', 'hosted_regulatory_receipt_url', 'text', false, 12, 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.'),
    ('treasury_outbound_payments', 'livemode', 'boolean', false, 13, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('treasury_outbound_payments', 'metadata', 'jsonb', false, 14, 'Set of key-value pairs that you can attach to an object.'),
    ('treasury_outbound_payments', 'object', 'text', false, 15, 'String representing the object''s type.'),
    ('treasury_outbound_payments', 'returned_details', 'jsonb', false, 16, 'Details about a returned OutboundPayment.'),
    ('treasury_outbound_payments', 'statement_descriptor', 'text', false, 17, 'The description that appears on the receiving end for an OutboundPayment (for example, bank statement for external bank transfer).'),
    ('treasury_outbound_payments', 'status', 'text', false, 18, 'Current status of the OutboundPayment: `processing`, `failed`, `posted`, `returned`, `canceled`.'),
    ('treasury_outbound_payments', 'status_transitions', 'jsonb', false, 19, NULL),
    ('treasury_outbound_payments', 'tracking_details', 'jsonb', false, 20, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('treasury_outbound_payments', 'transaction', 'reference', true, 21, 'The Transaction associated with this object.');
SELECT "_create_typed_view"('treasury_outbound_payments');
COMMENT ON VIEW "treasury_outbound_payments" IS 'Stripe treasury.outbound_payment objects. Use OutboundPayments to send funds to another party''s external bank account or FinancialAccount.';
COMMENT ON TABLE "_raw_treasury_outbound_payments" IS 'Rows of the treasury_outbound_payments view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('treasury_outbound_payments', NULL);

CREATE TABLE "_raw_treasury_outbound_transfers" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'transaction') WHEN 'string' THEN "_raw_data"->>'transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'transaction'->'id') WHEN 'string' THEN "_raw_data"->'transaction'->>'id' END END) STORED
);
CREATE INDEX "treasury_outbound_transfers__account_id_idx" ON "_raw_treasury_outbound_transfers" ("_account_id");
CREATE INDEX "treasury_outbound_transfers_transaction_idx" ON "_raw_treasury_outbound_transfers" ("transaction");
CREATE INDEX "treasury_outbound_transfers_created_idx" ON "_raw_treasury_outbound_transfers" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('treasury_outbound_transfers', 'amount', 'bigint', false, 1, 'Amount (in cents) transferred.'),
    ('treasury_outbound_transfers', 'cancelable', 'boolean', false, 2, 'Returns `true` if the object can be canceled, and `false` otherwise.'),
    ('treasury_outbound_transfers', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('treasury_outbound_transfers', 'currency', 'text', false, 4, 'Three-letter ISO currency code, in lowercase.'),
    ('treasury_outbound_transfers', 'description', 'text', false, 5, 'An arbitrary string attached to the object.'),
    ('treasury_outbound_transfers', 'destination_payment_method', 'text', false, 6, 'The PaymentMethod used as the payment instrument for an OutboundTransfer.'),
    ('treasury_outbound_transfers', 'destination_payment_method_details', 'jsonb', false, 7, NULL),
    ('treasury_outbound_transfers', 'expected_arrival_date', 'timestamptz', false, 8, 'The date when funds are expected to arrive in the destination account.'),
    ('treasury_outbound_transfers', 'financial_account', 'text', false, 9, 'The FinancialAccount that funds were pulled from.'),
    ('treasury_outbound_transfers', 'hosted_regulatory_receipt_url', 'text', false, 10, 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.'),
    ('treasury_outbound_transfers', 'livemode', 'boolean', false, 11, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('treasury_outbound_transfers', 'metadata', 'jsonb', false, 12, 'Set of key-value pairs that you can attach to an object.'),
    ('treasury_outbound_transfers', 'object', 'text', false, 13, 'String representing the object''s type.'),
    ('treasury_outbound_transfers', 'returned_details', 'jsonb', false, 14, 'Details about a returned OutboundTransfer.'),
    ('treasury_outbound_transfers', 'statement_descriptor', 'text', false, 15, 'Information about the OutboundTransfer to be sent to the recipient account.'),
    ('treasury_outbound_transfers', 'status', 'text', false, 16, 'Current status of the OutboundTransfer: `processing`, `failed`, `canceled`, `posted`, `returned`.'),
    ('treasury_outbound_transfers', 'status_transitions', 'jsonb', false, 17, NULL),
    ('treasury_outbound_transfers', 'tracking_details', 'jsonb', false, 18, 'A newer field, not in the API 2023-08-16 description of this object.'),
    ('treasury_outbound_transfers', 'transaction', 'reference', true, 19, 'The Transaction associated with this object.');
SELECT "_create_typed_view"('treasury_outbound_transfers');
COMMENT ON VIEW "treasury_outbound_transfers" IS 'Stripe treasury.outbound_transfer objects. Use OutboundTransfers to transfer funds from a FinancialAccount to a PaymentMethod belonging to the same entity.';
COMMENT ON TABLE "_raw_treasury_outbound_transfers" IS 'Rows of the treasury_outbound_transfers view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('treasury_outbound_transfers', NULL);

CREATE TABLE "_raw_treasury_received_credits" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'transaction') WHEN 'string' THEN "_raw_data"->>'transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'transaction'->'id') WHEN 'string' THEN "_raw_data"->'transaction'->>'id' END END) STORED
);
CREATE INDEX "treasury_received_credits__account_id_idx" ON "_raw_treasury_received_credits" ("_account_id");
CREATE INDEX "treasury_received_credits_transaction_idx" ON "_raw_treasury_received_credits" ("transaction");
CREATE INDEX "treasury_received_credits_created_idx" ON "_raw_treasury_received_credits" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('treasury_received_credits', 'amount', 'bigint', false, 1, 'Amount (in cents) transferred.'),
    ('treasury_received_credits', 'created', 'timestamptz', true, 2, 'Time at which the object was created.'),
    ('treasury_received_credits', 'currency', 'text', false, 3, 'Three-letter ISO currency code, in lowercase.'),
    ('treasury_received_credits', 'description', 'text', false, 4, 'An arbitrary string attached to the object.'),
    ('treasury_received_credits', 'failure_code', 'text', false, 5, 'Reason for the failure.'),
    ('treasury_received_credits', 'financial_account', 'text', false, 6, 'The FinancialAccount that received the funds.'),
    ('treasury_received_credits', 'hosted_regulatory_receipt_url', 'text', false, 7, 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.'),
    ('treasury_received_credits', 'initiating_payment_method_details', 'jsonb', false, 8, NULL),
    ('treasury_received_credits', 'linked_flows', 'jsonb', false, 9, NULL),
    ('treasury_received_credits', 'livemode', 'boolean', false, 10, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('treasury_received_credits', 'network', 'text', false, 11, 'The rails used to send the funds.'),
    ('treasury_received_credits', 'object', 'text', false, 12, 'String representing the object''s type.'),
    ('treasury_received_credits', 'reversal_details', 'jsonb', false, 13, 'Details describing when a ReceivedCredit may be reversed.'),
    ('treasury_received_credits', 'status', 'text', false, 14, 'Status of the ReceivedCredit.'),
    ('treasury_received_credits', 'transaction', 'reference', true, 15, 'The Transaction associated with this object.');
SELECT "_create_typed_view"('treasury_received_credits');
COMMENT ON VIEW "treasury_received_credits" IS 'Stripe treasury.received_credit objects. ReceivedCredits represent funds sent to a FinancialAccount (for example, via ACH or wire).';
COMMENT ON TABLE "_raw_treasury_received_credits" IS 'Rows of the treasury_received_credits view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('treasury_received_credits', NULL);

CREATE TABLE "_raw_treasury_received_debits" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'transaction') WHEN 'string' THEN "_raw_data"->>'transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'transaction'->'id') WHEN 'string' THEN "_raw_data"->'transaction'->>'id' END END) STORED
);
CREATE INDEX "treasury_received_debits__account_id_idx" ON "_raw_treasury_received_debits" ("_account_id");
CREATE INDEX "treasury_received_debits_transaction_idx" ON "_raw_treasury_received_debits" ("transaction");
CREATE INDEX "treasury_received_debits_created_idx" ON "_raw_treasury_received_debits" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('treasury_received_debits', 'amount', 'bigint', false, 1, 'Amount (in cents) transferred.'),
    ('treasury_received_debits', 'created', 'timestamptz', true, 2, 'Time at which the object was created.'),
    ('treasury_received_debits', 'currency', 'text', false, 3, 'Three-letter ISO currency code, in lowercase.'),
    ('treasury_received_debits', 'description', 'text', false, 4, 'An arbitrary string attached to the object.'),
    ('treasury_received_debits', 'failure_code', 'text', false, 5, 'Reason for the failure.'),
    ('treasury_received_debits', 'financial_account', 'text', false, 6, 'The FinancialAccount that funds were pulled from.'),
    ('treasury_received_debits', 'hosted_regulatory_receipt_url', 'text', false, 7, 'A hosted transaction receipt URL that is provided when money movement is considered regulated under Stripe''s money transmission licenses.'),
    ('treasury_received_debits', 'initiating_payment_method_details', 'jsonb', false, 8, NULL),
    ('treasury_received_debits', 'linked_flows', 'jsonb', false, 9, NULL),
    ('treasury_received_debits', 'livemode', 'boolean', false, 10, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('treasury_received_debits', 'network', 'text', false, 11, 'The network used for the ReceivedDebit.'),
    ('treasury_received_debits', 'object', 'text', false, 12, 'String representing the object''s type.'),
    ('treasury_received_debits', 'reversal_details', 'jsonb', false, 13, 'Details describing when a ReceivedDebit might be reversed.'),
    ('treasury_received_debits', 'status', 'text', false, 14, 'Status of the ReceivedDebit.'),
    ('treasury_received_debits', 'transaction', 'reference', true, 15, 'The Transaction associated with this object.');
SELECT "_create_typed_view"('treasury_received_debits');
COMMENT ON VIEW "treasury_received_debits" IS 'Stripe treasury.received_debit objects. ReceivedDebits represent funds pulled from a FinancialAccount.';
COMMENT ON TABLE "_raw_treasury_received_debits" IS 'Rows of the treasury_received_debits view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('treasury_received_debits', NULL);

CREATE TABLE "_raw_treasury_transactions" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED
);
CREATE INDEX "treasury_transactions__account_id_idx" ON "_raw_treasury_transactions" ("_account_id");
CREATE INDEX "treasury_transactions_created_idx" ON "_raw_treasury_transactions" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('treasury_transactions', 'amount', 'bigint', false, 1, 'Amount (in cents) transferred.'),
    ('treasury_transactions', 'balance_impact', 'jsonb', false, 2, NULL),
    ('treasury_transactions', 'created', 'timestamptz', true, 3, 'Time at which the object was created.'),
    ('treasury_transactions', 'currency', 'text', false, 4, 'Three-letter ISO currency code, in lowercase.'),
    ('treasury_transactions', 'description', 'text', false, 5, 'An arbitrary string attached to the object.'),
    ('treasury_transactions', 'entries', 'jsonb', false, 6, 'A list of TransactionEntries that are part of this Transaction.'),
    ('treasury_transactions', 'financial_account', 'text', false, 7, 'The FinancialAccount associated with this object.'),
    ('treasury_transactions', 'flow', 'text', false, 8, 'ID of the flow that created the Transaction.'),
    ('treasury_transactions', 'flow_details', 'jsonb', false, 9, 'Details of the flow that created the Transaction.'),
    ('treasury_transactions', 'flow_type', 'text', false, 10, 'Type of the flow that created the Transaction.'),
    ('treasury_transactions', 'livemode', 'boolean', false, 11, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('treasury_transactions', 'object', 'text', false, 12, 'String representing the object''s type.'),
    ('treasury_transactions', 'status', 'text', false, 13, 'Status of the Transaction.'),
    ('treasury_transactions', 'status_transitions', 'jsonb', false, 14, NULL);
SELECT "_create_typed_view"('treasury_transactions');
COMMENT ON VIEW "treasury_transactions" IS 'Stripe treasury.transaction objects. Transactions represent changes to a FinancialAccount''s balance.';
COMMENT ON TABLE "_raw_treasury_transactions" IS 'Rows of the treasury_transactions view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('treasury_transactions', NULL);

CREATE TABLE "_raw_treasury_transaction_entries" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'transaction') WHEN 'string' THEN "_raw_data"->>'transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'transaction'->'id') WHEN 'string' THEN "_raw_data"->'transaction'->>'id' END END) STORED
);
CREATE INDEX "treasury_transaction_entries__account_id_idx" ON "_raw_treasury_transaction_entries" ("_account_id");
CREATE INDEX "treasury_transaction_entries_transaction_idx" ON "_raw_treasury_transaction_entries" ("transaction");
CREATE INDEX "treasury_transaction_entries_created_idx" ON "_raw_treasury_transaction_entries" ("created");
INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) VALUES
    ('treasury_transaction_entries', 'balance_impact', 'jsonb', false, 1, NULL),
    ('treasury_transaction_entries', 'created', 'timestamptz', true, 2, 'Time at which the object was created.'),
    ('treasury_transaction_entries', 'currency', 'text', false, 3, 'Three-letter ISO currency code, in lowercase.'),
    ('treasury_transaction_entries', 'effective_at', 'timestamptz', false, 4, 'When the TransactionEntry will impact the FinancialAccount''s balance.'),
    ('treasury_transaction_entries', 'financial_account', 'text', false, 5, 'The FinancialAccount associated with this object.'),
    ('treasury_transaction_entries', 'flow', 'text', false, 6, 'Token of the flow associated with the TransactionEntry.'),
    ('treasury_transaction_entries', 'flow_details', 'jsonb', false, 7, 'Details of the flow associated with the TransactionEntry.'),
    ('treasury_transaction_entries', 'flow_type', 'text', false, 8, 'Type of the flow associated with the TransactionEntry.'),
    ('treasury_transaction_entries', 'livemode', 'boolean', false, 9, 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.'),
    ('treasury_transaction_entries', 'object', 'text', false, 10, 'String representing the object''s type.'),
    ('treasury_transaction_entries', 'transaction', 'reference', true, 11, 'The Transaction associated with this object.'),
    ('treasury_transaction_entries', 'type', 'text', false, 12, 'The specific money movement that generated the TransactionEntry.');
SELECT "_create_typed_view"('treasury_transaction_entries');
COMMENT ON VIEW "treasury_transaction_entries" IS 'Stripe treasury.transaction_entry objects. TransactionEntries represent individual units of money movements within a single Transaction.';
COMMENT ON TABLE "_raw_treasury_transaction_entries" IS 'Rows of the treasury_transaction_entries view: _raw_data, bookkeeping and the indexed typed columns. Query the view.';
SELECT "_create_writers"('treasury_transaction_entries', NULL);

DO $lz4$
DECLARE
    t record;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings
               WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        FOR t IN SELECT unnest(ARRAY['_raw_connected_accounts', '_raw_apple_pay_domains', '_raw_application_fees', '_raw_application_fee_refunds', '_raw_apps_installs', '_raw_billing_alerts', '_raw_billing_credit_balance_transactions', '_raw_billing_credit_grants', '_raw_billing_feedback_options', '_raw_billing_meters', '_raw_billing_portal_configurations', '_raw_climate_orders', '_raw_customer_balance_transactions', '_raw_customer_cash_balance_transactions', '_raw_external_accounts', '_raw_files', '_raw_file_links', '_raw_financial_connections_accounts', '_raw_financial_connections_transactions', '_raw_forwarding_requests', '_raw_identity_verification_reports', '_raw_identity_verification_sessions', '_raw_invoice_payments', '_raw_invoice_rendering_templates', '_raw_issuing_authorizations', '_raw_issuing_cards', '_raw_issuing_cardholders', '_raw_issuing_disputes', '_raw_issuing_personalization_designs', '_raw_issuing_tokens', '_raw_issuing_transactions', '_raw_payment_attempt_records', '_raw_payment_intent_amount_details_line_items', '_raw_payment_links', '_raw_payment_link_line_items', '_raw_payment_method_configurations', '_raw_payment_method_domains', '_raw_payment_records', '_raw_persons', '_raw_product_catalog_trial_offers', '_raw_product_features', '_raw_quote_line_items', '_raw_radar_value_lists', '_raw_radar_value_list_items', '_raw_reporting_report_runs', '_raw_setup_attempts', '_raw_shipping_rates', '_raw_sigma_scheduled_query_runs', '_raw_tax_locations', '_raw_tax_registrations', '_raw_terminal_configurations', '_raw_terminal_locations', '_raw_terminal_readers', '_raw_test_helpers_test_clocks', '_raw_three_d_secure_authentications', '_raw_topups', '_raw_transfer_reversals', '_raw_treasury_credit_reversals', '_raw_treasury_debit_reversals', '_raw_treasury_financial_accounts', '_raw_treasury_inbound_transfers', '_raw_treasury_outbound_payments', '_raw_treasury_outbound_transfers', '_raw_treasury_received_credits', '_raw_treasury_received_debits', '_raw_treasury_transactions', '_raw_treasury_transaction_entries']) AS storage LOOP
            EXECUTE format('ALTER TABLE %I ALTER COLUMN _raw_data SET COMPRESSION lz4',
                           t.storage);
        END LOOP;
    END IF;
END
$lz4$;

-- _create_dispatchers of 0017, the oldest tables' branches first
-- (scripts/gen_schema.py dispatchers_ddl).
CREATE OR REPLACE FUNCTION "_create_dispatchers"()
RETURNS void
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $create$
DECLARE
    v_write text;
    v_tombstone text;
    v_existing text;
BEGIN
    SELECT string_agg(format(
               'WHEN %L THEN RETURN QUERY SELECT * FROM %I(p_ords, p_objects, p_accounts, '
               'p_versions, p_sources, p_parent_ids, p_tie_wins, p_deletes);',
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
    p_deletes boolean[]
) RETURNS TABLE (ord bigint, object_id text, outcome text)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $d$
BEGIN
    CASE p_table %s
    ELSE RAISE EXCEPTION 'unknown object table %%', p_table;
    END CASE;
END
$d$
$template$, coalesce(v_write, ''));

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
$create$;
SELECT "_create_dispatchers"();

-- _route_event of 0013, its lookup of the object's row the twin of by_object and of
-- route_event's named skips (scripts/gen_schema.py route_event_ddl).
CREATE OR REPLACE FUNCTION "_route_event"(p_event jsonb, p_object jsonb DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path FROM CURRENT
AS $fn$
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
$fn$;

-- _object_name of 0010, from the registry (scripts/gen_schema.py object_name_ddl).
CREATE OR REPLACE FUNCTION "_object_name"(p_object text)
RETURNS text
LANGUAGE sql
IMMUTABLE
AS $fn$
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
$fn$;
