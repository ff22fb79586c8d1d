-- GENERATED FILE, do not edit: regenerate with
--     python scripts/gen_schema.py
-- (check it is current with `python scripts/gen_schema.py --check`).
-- One table per stripe_sync.resources row, in registry order. Columns: the fixed ones,
-- then one generated column per top-level property of the object, sorted by name,
-- from Stripe's OpenAPI description (API 2023-08-16) and newer example objects.
-- Every cast is guarded by jsonb_typeof (and range checks), so no payload can make an
-- INSERT fail: a value of an unexpected type gives NULL and stays in _raw_data.
-- Names are unqualified: the migration runner sets search_path to the sync schema.

CREATE TABLE "products" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "active" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'active') WHEN 'boolean' THEN ("_raw_data"->'active')::boolean END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "default_price" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'default_price') WHEN 'string' THEN "_raw_data"->>'default_price' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'default_price'->'id') WHEN 'string' THEN "_raw_data"->'default_price'->>'id' END END) STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "features" jsonb GENERATED ALWAYS AS ("_raw_data"->'features') STORED,
    "images" jsonb GENERATED ALWAYS AS ("_raw_data"->'images') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "marketing_features" jsonb GENERATED ALWAYS AS ("_raw_data"->'marketing_features') STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "name" text GENERATED ALWAYS AS ("_raw_data"->>'name') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "package_dimensions" jsonb GENERATED ALWAYS AS ("_raw_data"->'package_dimensions') STORED,
    "shippable" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'shippable') WHEN 'boolean' THEN ("_raw_data"->'shippable')::boolean END) STORED,
    "statement_descriptor" text GENERATED ALWAYS AS ("_raw_data"->>'statement_descriptor') STORED,
    "tax_code" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'tax_code') WHEN 'string' THEN "_raw_data"->>'tax_code' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'tax_code'->'id') WHEN 'string' THEN "_raw_data"->'tax_code'->>'id' END END) STORED,
    "type" text GENERATED ALWAYS AS ("_raw_data"->>'type') STORED,
    "unit_label" text GENERATED ALWAYS AS ("_raw_data"->>'unit_label') STORED,
    "updated" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'updated') WHEN 'number' THEN CASE WHEN ("_raw_data"->'updated')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'updated')::double precision) END END) STORED,
    "url" text GENERATED ALWAYS AS ("_raw_data"->>'url') STORED
);
CREATE INDEX "products__account_id_idx" ON "products" ("_account_id");
CREATE INDEX "products_default_price_idx" ON "products" ("default_price");
CREATE INDEX "products_created_idx" ON "products" ("created");
COMMENT ON TABLE "products" IS 'Stripe product objects. Products describe the specific goods or services you offer to your customers.';
COMMENT ON COLUMN "products"."active" IS 'Whether the product is currently available for purchase.';
COMMENT ON COLUMN "products"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "products"."default_price" IS 'The ID of the Price object that is the default price for this product.';
COMMENT ON COLUMN "products"."description" IS 'The product''s description, meant to be displayable to the customer.';
COMMENT ON COLUMN "products"."features" IS 'A list of up to 15 features for this product.';
COMMENT ON COLUMN "products"."images" IS 'A list of up to 8 URLs of images for this product, meant to be displayable to the customer.';
COMMENT ON COLUMN "products"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "products"."marketing_features" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "products"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "products"."name" IS 'The product''s name, meant to be displayable to the customer.';
COMMENT ON COLUMN "products"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "products"."package_dimensions" IS 'The dimensions of this product for shipping purposes.';
COMMENT ON COLUMN "products"."shippable" IS 'Whether this product is shipped (i.e., physical goods).';
COMMENT ON COLUMN "products"."statement_descriptor" IS 'Extra information about a product which will appear on your customer''s credit card statement.';
COMMENT ON COLUMN "products"."tax_code" IS 'A tax code ID.';
COMMENT ON COLUMN "products"."type" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "products"."unit_label" IS 'A label that represents units of this product.';
COMMENT ON COLUMN "products"."updated" IS 'Time at which the object was last updated.';
COMMENT ON COLUMN "products"."url" IS 'A URL of a publicly-accessible webpage for this product.';

CREATE TABLE "prices" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "active" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'active') WHEN 'boolean' THEN ("_raw_data"->'active')::boolean END) STORED,
    "billing_scheme" text GENERATED ALWAYS AS ("_raw_data"->>'billing_scheme') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "currency_options" jsonb GENERATED ALWAYS AS ("_raw_data"->'currency_options') STORED,
    "custom_unit_amount" jsonb GENERATED ALWAYS AS ("_raw_data"->'custom_unit_amount') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "lookup_key" text GENERATED ALWAYS AS ("_raw_data"->>'lookup_key') STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "nickname" text GENERATED ALWAYS AS ("_raw_data"->>'nickname') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "product" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'product') WHEN 'string' THEN "_raw_data"->>'product' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'product'->'id') WHEN 'string' THEN "_raw_data"->'product'->>'id' END END) STORED,
    "recurring" jsonb GENERATED ALWAYS AS ("_raw_data"->'recurring') STORED,
    "tax_behavior" text GENERATED ALWAYS AS ("_raw_data"->>'tax_behavior') STORED,
    "tiers" jsonb GENERATED ALWAYS AS ("_raw_data"->'tiers') STORED,
    "tiers_mode" text GENERATED ALWAYS AS ("_raw_data"->>'tiers_mode') STORED,
    "transform_quantity" jsonb GENERATED ALWAYS AS ("_raw_data"->'transform_quantity') STORED,
    "type" text GENERATED ALWAYS AS ("_raw_data"->>'type') STORED,
    "unit_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'unit_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'unit_amount')::numeric = trunc(("_raw_data"->'unit_amount')::numeric) AND ("_raw_data"->'unit_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'unit_amount')::bigint END END) STORED,
    "unit_amount_decimal" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'unit_amount_decimal') WHEN 'number' THEN ("_raw_data"->'unit_amount_decimal')::numeric WHEN 'string' THEN CASE WHEN length("_raw_data"->>'unit_amount_decimal') <= 100 AND "_raw_data"->>'unit_amount_decimal' ~ '^-?[0-9]+(\.[0-9]+)?$' THEN ("_raw_data"->>'unit_amount_decimal')::numeric END END) STORED
);
CREATE INDEX "prices__account_id_idx" ON "prices" ("_account_id");
CREATE INDEX "prices_product_idx" ON "prices" ("product");
CREATE INDEX "prices_created_idx" ON "prices" ("created");
COMMENT ON TABLE "prices" IS 'Stripe price objects. Prices define the unit cost, currency, and (optional) billing cycle for both recurring and one-time purchases of products.';
COMMENT ON COLUMN "prices"."active" IS 'Whether the price can be used for new purchases.';
COMMENT ON COLUMN "prices"."billing_scheme" IS 'Describes how to compute the price per period.';
COMMENT ON COLUMN "prices"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "prices"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "prices"."currency_options" IS 'Prices defined in each available currency option.';
COMMENT ON COLUMN "prices"."custom_unit_amount" IS 'When set, provides configuration for the amount to be adjusted by the customer during Checkout Sessions and Payment Links.';
COMMENT ON COLUMN "prices"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "prices"."lookup_key" IS 'A lookup key used to retrieve prices dynamically from a static string.';
COMMENT ON COLUMN "prices"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "prices"."nickname" IS 'A brief description of the price, hidden from customers.';
COMMENT ON COLUMN "prices"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "prices"."product" IS 'The ID of the product this price is associated with.';
COMMENT ON COLUMN "prices"."recurring" IS 'The recurring components of a price such as `interval` and `usage_type`.';
COMMENT ON COLUMN "prices"."tax_behavior" IS 'Only required if a default tax behavior) was not provided in the Stripe Tax settings.';
COMMENT ON COLUMN "prices"."tiers" IS 'Each element represents a pricing tier.';
COMMENT ON COLUMN "prices"."tiers_mode" IS 'Defines if the tiering price should be `graduated` or `volume` based.';
COMMENT ON COLUMN "prices"."transform_quantity" IS 'Apply a transformation to the reported usage or set quantity before computing the amount billed.';
COMMENT ON COLUMN "prices"."type" IS 'One of `one_time` or `recurring` depending on whether the price is for a one-time purchase or a recurring (subscription) purchase.';
COMMENT ON COLUMN "prices"."unit_amount" IS 'The unit amount in cents (or local equivalent) to be charged, represented as a whole integer if possible.';
COMMENT ON COLUMN "prices"."unit_amount_decimal" IS 'The unit amount in cents (or local equivalent) to be charged, represented as a decimal string with at most 12 decimal places.';

CREATE TABLE "plans" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "active" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'active') WHEN 'boolean' THEN ("_raw_data"->'active')::boolean END) STORED,
    "aggregate_usage" text GENERATED ALWAYS AS ("_raw_data"->>'aggregate_usage') STORED,
    "amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount')::numeric = trunc(("_raw_data"->'amount')::numeric) AND ("_raw_data"->'amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount')::bigint END END) STORED,
    "amount_decimal" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_decimal') WHEN 'number' THEN ("_raw_data"->'amount_decimal')::numeric WHEN 'string' THEN CASE WHEN length("_raw_data"->>'amount_decimal') <= 100 AND "_raw_data"->>'amount_decimal' ~ '^-?[0-9]+(\.[0-9]+)?$' THEN ("_raw_data"->>'amount_decimal')::numeric END END) STORED,
    "billing_scheme" text GENERATED ALWAYS AS ("_raw_data"->>'billing_scheme') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "interval" text GENERATED ALWAYS AS ("_raw_data"->>'interval') STORED,
    "interval_count" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'interval_count') WHEN 'number' THEN CASE WHEN ("_raw_data"->'interval_count')::numeric = trunc(("_raw_data"->'interval_count')::numeric) AND ("_raw_data"->'interval_count')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'interval_count')::bigint END END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "meter" text GENERATED ALWAYS AS ("_raw_data"->>'meter') STORED,
    "nickname" text GENERATED ALWAYS AS ("_raw_data"->>'nickname') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "product" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'product') WHEN 'string' THEN "_raw_data"->>'product' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'product'->'id') WHEN 'string' THEN "_raw_data"->'product'->>'id' END END) STORED,
    "tiers" jsonb GENERATED ALWAYS AS ("_raw_data"->'tiers') STORED,
    "tiers_mode" text GENERATED ALWAYS AS ("_raw_data"->>'tiers_mode') STORED,
    "transform_usage" jsonb GENERATED ALWAYS AS ("_raw_data"->'transform_usage') STORED,
    "trial_period_days" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'trial_period_days') WHEN 'number' THEN CASE WHEN ("_raw_data"->'trial_period_days')::numeric = trunc(("_raw_data"->'trial_period_days')::numeric) AND ("_raw_data"->'trial_period_days')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'trial_period_days')::bigint END END) STORED,
    "usage_type" text GENERATED ALWAYS AS ("_raw_data"->>'usage_type') STORED
);
CREATE INDEX "plans__account_id_idx" ON "plans" ("_account_id");
CREATE INDEX "plans_product_idx" ON "plans" ("product");
CREATE INDEX "plans_created_idx" ON "plans" ("created");
COMMENT ON TABLE "plans" IS 'Stripe plan objects. You can now model subscriptions more flexibly using the Prices API.';
COMMENT ON COLUMN "plans"."active" IS 'Whether the plan can be used for new purchases.';
COMMENT ON COLUMN "plans"."aggregate_usage" IS 'Specifies a usage aggregation strategy for plans of `usage_type=metered`.';
COMMENT ON COLUMN "plans"."amount" IS 'The unit amount in cents (or local equivalent) to be charged, represented as a whole integer if possible.';
COMMENT ON COLUMN "plans"."amount_decimal" IS 'The unit amount in cents (or local equivalent) to be charged, represented as a decimal string with at most 12 decimal places.';
COMMENT ON COLUMN "plans"."billing_scheme" IS 'Describes how to compute the price per period.';
COMMENT ON COLUMN "plans"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "plans"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "plans"."interval" IS 'The frequency at which a subscription is billed.';
COMMENT ON COLUMN "plans"."interval_count" IS 'The number of intervals (specified in the `interval` attribute) between subscription billings.';
COMMENT ON COLUMN "plans"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "plans"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "plans"."meter" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "plans"."nickname" IS 'A brief description of the plan, hidden from customers.';
COMMENT ON COLUMN "plans"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "plans"."product" IS 'The product whose pricing this plan determines.';
COMMENT ON COLUMN "plans"."tiers" IS 'Each element represents a pricing tier.';
COMMENT ON COLUMN "plans"."tiers_mode" IS 'Defines if the tiering price should be `graduated` or `volume` based.';
COMMENT ON COLUMN "plans"."transform_usage" IS 'Apply a transformation to the reported usage or set quantity before computing the amount billed.';
COMMENT ON COLUMN "plans"."trial_period_days" IS 'Default number of trial days when subscribing a customer to this plan using `trial_from_plan=true`.';
COMMENT ON COLUMN "plans"."usage_type" IS 'Configures how the quantity per period should be determined.';

CREATE TABLE "coupons" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "amount_off" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_off') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_off')::numeric = trunc(("_raw_data"->'amount_off')::numeric) AND ("_raw_data"->'amount_off')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_off')::bigint END END) STORED,
    "applies_to" jsonb GENERATED ALWAYS AS ("_raw_data"->'applies_to') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "currency_options" jsonb GENERATED ALWAYS AS ("_raw_data"->'currency_options') STORED,
    "duration" text GENERATED ALWAYS AS ("_raw_data"->>'duration') STORED,
    "duration_in_months" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'duration_in_months') WHEN 'number' THEN CASE WHEN ("_raw_data"->'duration_in_months')::numeric = trunc(("_raw_data"->'duration_in_months')::numeric) AND ("_raw_data"->'duration_in_months')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'duration_in_months')::bigint END END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "max_redemptions" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'max_redemptions') WHEN 'number' THEN CASE WHEN ("_raw_data"->'max_redemptions')::numeric = trunc(("_raw_data"->'max_redemptions')::numeric) AND ("_raw_data"->'max_redemptions')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'max_redemptions')::bigint END END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "name" text GENERATED ALWAYS AS ("_raw_data"->>'name') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "percent_off" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'percent_off') WHEN 'number' THEN ("_raw_data"->'percent_off')::numeric END) STORED,
    "redeem_by" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'redeem_by') WHEN 'number' THEN CASE WHEN ("_raw_data"->'redeem_by')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'redeem_by')::double precision) END END) STORED,
    "times_redeemed" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'times_redeemed') WHEN 'number' THEN CASE WHEN ("_raw_data"->'times_redeemed')::numeric = trunc(("_raw_data"->'times_redeemed')::numeric) AND ("_raw_data"->'times_redeemed')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'times_redeemed')::bigint END END) STORED,
    "valid" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'valid') WHEN 'boolean' THEN ("_raw_data"->'valid')::boolean END) STORED
);
CREATE INDEX "coupons__account_id_idx" ON "coupons" ("_account_id");
CREATE INDEX "coupons_created_idx" ON "coupons" ("created");
COMMENT ON TABLE "coupons" IS 'Stripe coupon objects. A coupon contains information about a percent-off or amount-off discount you might want to apply to a customer.';
COMMENT ON COLUMN "coupons"."amount_off" IS 'Amount (in the `currency` specified) that will be taken off the subtotal of any invoices for this customer.';
COMMENT ON COLUMN "coupons"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "coupons"."currency" IS 'If `amount_off` has been set, the three-letter ISO code for the currency of the amount to take off.';
COMMENT ON COLUMN "coupons"."currency_options" IS 'Coupons defined in each available currency option.';
COMMENT ON COLUMN "coupons"."duration" IS 'One of `forever`, `once`, and `repeating`.';
COMMENT ON COLUMN "coupons"."duration_in_months" IS 'If `duration` is `repeating`, the number of months the coupon applies.';
COMMENT ON COLUMN "coupons"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "coupons"."max_redemptions" IS 'Maximum number of times this coupon can be redeemed, in total, across all customers, before it is no longer valid.';
COMMENT ON COLUMN "coupons"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "coupons"."name" IS 'Name of the coupon displayed to customers on for instance invoices or receipts.';
COMMENT ON COLUMN "coupons"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "coupons"."percent_off" IS 'Percent that will be taken off the subtotal of any invoices for this customer for the duration of the coupon.';
COMMENT ON COLUMN "coupons"."redeem_by" IS 'Date after which the coupon can no longer be redeemed.';
COMMENT ON COLUMN "coupons"."times_redeemed" IS 'Number of times this coupon has been applied to a customer.';
COMMENT ON COLUMN "coupons"."valid" IS 'Taking account of the above properties, whether this coupon can still be applied to a customer.';

CREATE TABLE "promotion_codes" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "active" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'active') WHEN 'boolean' THEN ("_raw_data"->'active')::boolean END) STORED,
    "code" text GENERATED ALWAYS AS ("_raw_data"->>'code') STORED,
    "coupon" jsonb GENERATED ALWAYS AS ("_raw_data"->'coupon') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "customer_account" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_account') STORED,
    "expires_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'expires_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'expires_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'expires_at')::double precision) END END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "max_redemptions" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'max_redemptions') WHEN 'number' THEN CASE WHEN ("_raw_data"->'max_redemptions')::numeric = trunc(("_raw_data"->'max_redemptions')::numeric) AND ("_raw_data"->'max_redemptions')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'max_redemptions')::bigint END END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "promotion" jsonb GENERATED ALWAYS AS ("_raw_data"->'promotion') STORED,
    "restrictions" jsonb GENERATED ALWAYS AS ("_raw_data"->'restrictions') STORED,
    "times_redeemed" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'times_redeemed') WHEN 'number' THEN CASE WHEN ("_raw_data"->'times_redeemed')::numeric = trunc(("_raw_data"->'times_redeemed')::numeric) AND ("_raw_data"->'times_redeemed')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'times_redeemed')::bigint END END) STORED
);
CREATE INDEX "promotion_codes__account_id_idx" ON "promotion_codes" ("_account_id");
CREATE INDEX "promotion_codes_customer_idx" ON "promotion_codes" ("customer");
CREATE INDEX "promotion_codes_created_idx" ON "promotion_codes" ("created");
COMMENT ON TABLE "promotion_codes" IS 'Stripe promotion_code objects. A Promotion Code represents a customer-redeemable code for a coupon.';
COMMENT ON COLUMN "promotion_codes"."active" IS 'Whether the promotion code is currently active.';
COMMENT ON COLUMN "promotion_codes"."code" IS 'The customer-facing code.';
COMMENT ON COLUMN "promotion_codes"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "promotion_codes"."customer" IS 'The customer that this promotion code can be used by.';
COMMENT ON COLUMN "promotion_codes"."customer_account" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "promotion_codes"."expires_at" IS 'Date at which the promotion code can no longer be redeemed.';
COMMENT ON COLUMN "promotion_codes"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "promotion_codes"."max_redemptions" IS 'Maximum number of times this promotion code can be redeemed.';
COMMENT ON COLUMN "promotion_codes"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "promotion_codes"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "promotion_codes"."promotion" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "promotion_codes"."times_redeemed" IS 'Number of times this promotion code has been used.';

CREATE TABLE "tax_rates" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "active" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'active') WHEN 'boolean' THEN ("_raw_data"->'active')::boolean END) STORED,
    "country" text GENERATED ALWAYS AS ("_raw_data"->>'country') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "display_name" text GENERATED ALWAYS AS ("_raw_data"->>'display_name') STORED,
    "effective_percentage" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'effective_percentage') WHEN 'number' THEN ("_raw_data"->'effective_percentage')::numeric END) STORED,
    "flat_amount" jsonb GENERATED ALWAYS AS ("_raw_data"->'flat_amount') STORED,
    "inclusive" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'inclusive') WHEN 'boolean' THEN ("_raw_data"->'inclusive')::boolean END) STORED,
    "jurisdiction" text GENERATED ALWAYS AS ("_raw_data"->>'jurisdiction') STORED,
    "jurisdiction_level" jsonb GENERATED ALWAYS AS ("_raw_data"->'jurisdiction_level') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "percentage" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'percentage') WHEN 'number' THEN ("_raw_data"->'percentage')::numeric END) STORED,
    "rate_type" jsonb GENERATED ALWAYS AS ("_raw_data"->'rate_type') STORED,
    "state" text GENERATED ALWAYS AS ("_raw_data"->>'state') STORED,
    "tax_type" text GENERATED ALWAYS AS ("_raw_data"->>'tax_type') STORED
);
CREATE INDEX "tax_rates__account_id_idx" ON "tax_rates" ("_account_id");
CREATE INDEX "tax_rates_created_idx" ON "tax_rates" ("created");
COMMENT ON TABLE "tax_rates" IS 'Stripe tax_rate objects. Tax rates can be applied to invoices, subscriptions and Checkout Sessions to collect tax.';
COMMENT ON COLUMN "tax_rates"."active" IS 'Defaults to `true`.';
COMMENT ON COLUMN "tax_rates"."country" IS 'Two-letter country code (ISO 3166-1 alpha-2).';
COMMENT ON COLUMN "tax_rates"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "tax_rates"."description" IS 'An arbitrary string attached to the tax rate for your internal use only.';
COMMENT ON COLUMN "tax_rates"."display_name" IS 'The display name of the tax rates as it will appear to your customer on their receipt email, PDF, and the hosted invoice page.';
COMMENT ON COLUMN "tax_rates"."effective_percentage" IS 'Actual/effective tax rate percentage out of 100.';
COMMENT ON COLUMN "tax_rates"."flat_amount" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "tax_rates"."inclusive" IS 'This specifies if the tax rate is inclusive or exclusive.';
COMMENT ON COLUMN "tax_rates"."jurisdiction" IS 'The jurisdiction for the tax rate.';
COMMENT ON COLUMN "tax_rates"."jurisdiction_level" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "tax_rates"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "tax_rates"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "tax_rates"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "tax_rates"."percentage" IS 'Tax rate percentage out of 100.';
COMMENT ON COLUMN "tax_rates"."rate_type" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "tax_rates"."state" IS 'ISO 3166-2 subdivision code, without country prefix.';
COMMENT ON COLUMN "tax_rates"."tax_type" IS 'The high-level tax type, such as `vat` or `sales_tax`.';

CREATE TABLE "customers" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "address" jsonb GENERATED ALWAYS AS ("_raw_data"->'address') STORED,
    "balance" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'balance') WHEN 'number' THEN CASE WHEN ("_raw_data"->'balance')::numeric = trunc(("_raw_data"->'balance')::numeric) AND ("_raw_data"->'balance')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'balance')::bigint END END) STORED,
    "cash_balance" jsonb GENERATED ALWAYS AS ("_raw_data"->'cash_balance') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "default_source" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'default_source') WHEN 'string' THEN "_raw_data"->>'default_source' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'default_source'->'id') WHEN 'string' THEN "_raw_data"->'default_source'->>'id' END END) STORED,
    "delinquent" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'delinquent') WHEN 'boolean' THEN ("_raw_data"->'delinquent')::boolean END) STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "discount" jsonb GENERATED ALWAYS AS ("_raw_data"->'discount') STORED,
    "email" text GENERATED ALWAYS AS ("_raw_data"->>'email') STORED,
    "invoice_credit_balance" jsonb GENERATED ALWAYS AS ("_raw_data"->'invoice_credit_balance') STORED,
    "invoice_prefix" text GENERATED ALWAYS AS ("_raw_data"->>'invoice_prefix') STORED,
    "invoice_settings" jsonb GENERATED ALWAYS AS ("_raw_data"->'invoice_settings') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "name" text GENERATED ALWAYS AS ("_raw_data"->>'name') STORED,
    "next_invoice_sequence" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'next_invoice_sequence') WHEN 'number' THEN CASE WHEN ("_raw_data"->'next_invoice_sequence')::numeric = trunc(("_raw_data"->'next_invoice_sequence')::numeric) AND ("_raw_data"->'next_invoice_sequence')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'next_invoice_sequence')::bigint END END) STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "phone" text GENERATED ALWAYS AS ("_raw_data"->>'phone') STORED,
    "preferred_locales" jsonb GENERATED ALWAYS AS ("_raw_data"->'preferred_locales') STORED,
    "shipping" jsonb GENERATED ALWAYS AS ("_raw_data"->'shipping') STORED,
    "sources" jsonb GENERATED ALWAYS AS ("_raw_data"->'sources') STORED,
    "subscriptions" jsonb GENERATED ALWAYS AS ("_raw_data"->'subscriptions') STORED,
    "tax" jsonb GENERATED ALWAYS AS ("_raw_data"->'tax') STORED,
    "tax_exempt" text GENERATED ALWAYS AS ("_raw_data"->>'tax_exempt') STORED,
    "tax_ids" jsonb GENERATED ALWAYS AS ("_raw_data"->'tax_ids') STORED,
    "test_clock" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'test_clock') WHEN 'string' THEN "_raw_data"->>'test_clock' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'test_clock'->'id') WHEN 'string' THEN "_raw_data"->'test_clock'->>'id' END END) STORED
);
CREATE INDEX "customers__account_id_idx" ON "customers" ("_account_id");
CREATE INDEX "customers_created_idx" ON "customers" ("created");
COMMENT ON TABLE "customers" IS 'Stripe customer objects. This object represents a customer of your business.';
COMMENT ON COLUMN "customers"."address" IS 'The customer''s address.';
COMMENT ON COLUMN "customers"."balance" IS 'Current balance, if any, being stored on the customer.';
COMMENT ON COLUMN "customers"."cash_balance" IS 'The current funds being held by Stripe on behalf of the customer.';
COMMENT ON COLUMN "customers"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "customers"."currency" IS 'Three-letter ISO code for the currency the customer can be charged in for recurring billing purposes.';
COMMENT ON COLUMN "customers"."default_source" IS 'ID of the default payment source for the customer.';
COMMENT ON COLUMN "customers"."delinquent" IS 'When the customer''s latest invoice is billed by charging automatically, `delinquent` is `true` if the invoice''s latest charge failed.';
COMMENT ON COLUMN "customers"."description" IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN "customers"."discount" IS 'Describes the current discount active on the customer, if there is one.';
COMMENT ON COLUMN "customers"."email" IS 'The customer''s email address.';
COMMENT ON COLUMN "customers"."invoice_credit_balance" IS 'The current multi-currency balances, if any, being stored on the customer.';
COMMENT ON COLUMN "customers"."invoice_prefix" IS 'The prefix for the customer used to generate unique invoice numbers.';
COMMENT ON COLUMN "customers"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "customers"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "customers"."name" IS 'The customer''s full name or business name.';
COMMENT ON COLUMN "customers"."next_invoice_sequence" IS 'The suffix of the customer''s next invoice number, e.g., 0001.';
COMMENT ON COLUMN "customers"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "customers"."phone" IS 'The customer''s phone number.';
COMMENT ON COLUMN "customers"."preferred_locales" IS 'The customer''s preferred locales (languages), ordered by preference.';
COMMENT ON COLUMN "customers"."shipping" IS 'Mailing and shipping address for the customer.';
COMMENT ON COLUMN "customers"."sources" IS 'The customer''s payment sources, if any.';
COMMENT ON COLUMN "customers"."subscriptions" IS 'The customer''s current subscriptions, if any.';
COMMENT ON COLUMN "customers"."tax_exempt" IS 'Describes the customer''s tax exemption status.';
COMMENT ON COLUMN "customers"."tax_ids" IS 'The customer''s tax IDs.';
COMMENT ON COLUMN "customers"."test_clock" IS 'ID of the test clock this customer belongs to.';

CREATE TABLE "tax_ids" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "country" text GENERATED ALWAYS AS ("_raw_data"->>'country') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "customer_account" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_account') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "owner" jsonb GENERATED ALWAYS AS ("_raw_data"->'owner') STORED,
    "type" text GENERATED ALWAYS AS ("_raw_data"->>'type') STORED,
    "value" text GENERATED ALWAYS AS ("_raw_data"->>'value') STORED,
    "verification" jsonb GENERATED ALWAYS AS ("_raw_data"->'verification') STORED
);
CREATE INDEX "tax_ids__account_id_idx" ON "tax_ids" ("_account_id");
CREATE INDEX "tax_ids_customer_idx" ON "tax_ids" ("customer");
CREATE INDEX "tax_ids_created_idx" ON "tax_ids" ("created");
COMMENT ON TABLE "tax_ids" IS 'Stripe tax_id objects. You can add one or multiple tax IDs to a customer.';
COMMENT ON COLUMN "tax_ids"."country" IS 'Two-letter ISO code representing the country of the tax ID.';
COMMENT ON COLUMN "tax_ids"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "tax_ids"."customer" IS 'ID of the customer.';
COMMENT ON COLUMN "tax_ids"."customer_account" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "tax_ids"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "tax_ids"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "tax_ids"."owner" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "tax_ids"."type" IS 'Type of the tax ID, one of `ad_nrt`, `ae_trn`, `ar_cuit`, `au_abn`, `au_arn`, `bg_uic`, `bo_tin`, `br_cnpj`, `br_cpf`, `ca_bn`, `ca_gst_hst`, `ca_pst_bc`, `ca_pst_mb`, `ca_pst_sk`, `ca_qst`, `ch_va...';
COMMENT ON COLUMN "tax_ids"."value" IS 'Value of the tax ID.';
COMMENT ON COLUMN "tax_ids"."verification" IS 'Tax ID verification information.';

CREATE TABLE "payment_methods" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "acss_debit" jsonb GENERATED ALWAYS AS ("_raw_data"->'acss_debit') STORED,
    "affirm" jsonb GENERATED ALWAYS AS ("_raw_data"->'affirm') STORED,
    "afterpay_clearpay" jsonb GENERATED ALWAYS AS ("_raw_data"->'afterpay_clearpay') STORED,
    "alipay" jsonb GENERATED ALWAYS AS ("_raw_data"->'alipay') STORED,
    "allow_redisplay" text GENERATED ALWAYS AS ("_raw_data"->>'allow_redisplay') STORED,
    "au_becs_debit" jsonb GENERATED ALWAYS AS ("_raw_data"->'au_becs_debit') STORED,
    "bacs_debit" jsonb GENERATED ALWAYS AS ("_raw_data"->'bacs_debit') STORED,
    "bancontact" jsonb GENERATED ALWAYS AS ("_raw_data"->'bancontact') STORED,
    "billing_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'billing_details') STORED,
    "blik" jsonb GENERATED ALWAYS AS ("_raw_data"->'blik') STORED,
    "boleto" jsonb GENERATED ALWAYS AS ("_raw_data"->'boleto') STORED,
    "card" jsonb GENERATED ALWAYS AS ("_raw_data"->'card') STORED,
    "card_present" jsonb GENERATED ALWAYS AS ("_raw_data"->'card_present') STORED,
    "cashapp" jsonb GENERATED ALWAYS AS ("_raw_data"->'cashapp') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "customer_account" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_account') STORED,
    "customer_balance" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_balance') STORED,
    "eps" jsonb GENERATED ALWAYS AS ("_raw_data"->'eps') STORED,
    "fpx" jsonb GENERATED ALWAYS AS ("_raw_data"->'fpx') STORED,
    "giropay" jsonb GENERATED ALWAYS AS ("_raw_data"->'giropay') STORED,
    "grabpay" jsonb GENERATED ALWAYS AS ("_raw_data"->'grabpay') STORED,
    "ideal" jsonb GENERATED ALWAYS AS ("_raw_data"->'ideal') STORED,
    "interac_present" jsonb GENERATED ALWAYS AS ("_raw_data"->'interac_present') STORED,
    "klarna" jsonb GENERATED ALWAYS AS ("_raw_data"->'klarna') STORED,
    "konbini" jsonb GENERATED ALWAYS AS ("_raw_data"->'konbini') STORED,
    "link" jsonb GENERATED ALWAYS AS ("_raw_data"->'link') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "oxxo" jsonb GENERATED ALWAYS AS ("_raw_data"->'oxxo') STORED,
    "p24" jsonb GENERATED ALWAYS AS ("_raw_data"->'p24') STORED,
    "paynow" jsonb GENERATED ALWAYS AS ("_raw_data"->'paynow') STORED,
    "paypal" jsonb GENERATED ALWAYS AS ("_raw_data"->'paypal') STORED,
    "pix" jsonb GENERATED ALWAYS AS ("_raw_data"->'pix') STORED,
    "promptpay" jsonb GENERATED ALWAYS AS ("_raw_data"->'promptpay') STORED,
    "radar_options" jsonb GENERATED ALWAYS AS ("_raw_data"->'radar_options') STORED,
    "sepa_debit" jsonb GENERATED ALWAYS AS ("_raw_data"->'sepa_debit') STORED,
    "sofort" jsonb GENERATED ALWAYS AS ("_raw_data"->'sofort') STORED,
    "type" text GENERATED ALWAYS AS ("_raw_data"->>'type') STORED,
    "us_bank_account" jsonb GENERATED ALWAYS AS ("_raw_data"->'us_bank_account') STORED,
    "wechat_pay" jsonb GENERATED ALWAYS AS ("_raw_data"->'wechat_pay') STORED,
    "zip" jsonb GENERATED ALWAYS AS ("_raw_data"->'zip') STORED
);
CREATE INDEX "payment_methods__account_id_idx" ON "payment_methods" ("_account_id");
CREATE INDEX "payment_methods_customer_idx" ON "payment_methods" ("customer");
CREATE INDEX "payment_methods_created_idx" ON "payment_methods" ("created");
COMMENT ON TABLE "payment_methods" IS 'Stripe payment_method objects. PaymentMethod objects represent your customer''s payment instruments.';
COMMENT ON COLUMN "payment_methods"."allow_redisplay" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "payment_methods"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "payment_methods"."customer" IS 'The ID of the Customer to which this PaymentMethod is saved.';
COMMENT ON COLUMN "payment_methods"."customer_account" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "payment_methods"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "payment_methods"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "payment_methods"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "payment_methods"."type" IS 'The type of the PaymentMethod.';

CREATE TABLE "setup_intents" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "application" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application') WHEN 'string' THEN "_raw_data"->>'application' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'application'->'id') WHEN 'string' THEN "_raw_data"->'application'->>'id' END END) STORED,
    "attach_to_self" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'attach_to_self') WHEN 'boolean' THEN ("_raw_data"->'attach_to_self')::boolean END) STORED,
    "automatic_payment_methods" jsonb GENERATED ALWAYS AS ("_raw_data"->'automatic_payment_methods') STORED,
    "cancellation_reason" text GENERATED ALWAYS AS ("_raw_data"->>'cancellation_reason') STORED,
    "client_secret" text GENERATED ALWAYS AS ("_raw_data"->>'client_secret') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "excluded_payment_method_types" jsonb GENERATED ALWAYS AS ("_raw_data"->'excluded_payment_method_types') STORED,
    "flow_directions" jsonb GENERATED ALWAYS AS ("_raw_data"->'flow_directions') STORED,
    "last_setup_error" jsonb GENERATED ALWAYS AS ("_raw_data"->'last_setup_error') STORED,
    "latest_attempt" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'latest_attempt') WHEN 'string' THEN "_raw_data"->>'latest_attempt' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'latest_attempt'->'id') WHEN 'string' THEN "_raw_data"->'latest_attempt'->>'id' END END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "mandate" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'mandate') WHEN 'string' THEN "_raw_data"->>'mandate' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'mandate'->'id') WHEN 'string' THEN "_raw_data"->'mandate'->>'id' END END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "next_action" jsonb GENERATED ALWAYS AS ("_raw_data"->'next_action') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "on_behalf_of" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'on_behalf_of') WHEN 'string' THEN "_raw_data"->>'on_behalf_of' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'on_behalf_of'->'id') WHEN 'string' THEN "_raw_data"->'on_behalf_of'->>'id' END END) STORED,
    "payment_method" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_method') WHEN 'string' THEN "_raw_data"->>'payment_method' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_method'->'id') WHEN 'string' THEN "_raw_data"->'payment_method'->>'id' END END) STORED,
    "payment_method_configuration_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'payment_method_configuration_details') STORED,
    "payment_method_options" jsonb GENERATED ALWAYS AS ("_raw_data"->'payment_method_options') STORED,
    "payment_method_types" jsonb GENERATED ALWAYS AS ("_raw_data"->'payment_method_types') STORED,
    "single_use_mandate" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'single_use_mandate') WHEN 'string' THEN "_raw_data"->>'single_use_mandate' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'single_use_mandate'->'id') WHEN 'string' THEN "_raw_data"->'single_use_mandate'->>'id' END END) STORED,
    "status" text GENERATED ALWAYS AS ("_raw_data"->>'status') STORED,
    "usage" text GENERATED ALWAYS AS ("_raw_data"->>'usage') STORED
);
CREATE INDEX "setup_intents__account_id_idx" ON "setup_intents" ("_account_id");
CREATE INDEX "setup_intents_customer_idx" ON "setup_intents" ("customer");
CREATE INDEX "setup_intents_payment_method_idx" ON "setup_intents" ("payment_method");
CREATE INDEX "setup_intents_created_idx" ON "setup_intents" ("created");
COMMENT ON TABLE "setup_intents" IS 'Stripe setup_intent objects. A SetupIntent guides you through the process of setting up and saving a customer''s payment credentials for future payments.';
COMMENT ON COLUMN "setup_intents"."application" IS 'ID of the Connect application that created the SetupIntent.';
COMMENT ON COLUMN "setup_intents"."attach_to_self" IS 'If present, the SetupIntent''s payment method will be attached to the in-context Stripe Account.';
COMMENT ON COLUMN "setup_intents"."automatic_payment_methods" IS 'Settings for dynamic payment methods compatible with this Setup Intent';
COMMENT ON COLUMN "setup_intents"."cancellation_reason" IS 'Reason for cancellation of this SetupIntent, one of `abandoned`, `requested_by_customer`, or `duplicate`.';
COMMENT ON COLUMN "setup_intents"."client_secret" IS 'The client secret of this SetupIntent.';
COMMENT ON COLUMN "setup_intents"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "setup_intents"."customer" IS 'ID of the Customer this SetupIntent belongs to, if one exists.';
COMMENT ON COLUMN "setup_intents"."description" IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN "setup_intents"."excluded_payment_method_types" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "setup_intents"."flow_directions" IS 'Indicates the directions of money movement for which this payment method is intended to be used.';
COMMENT ON COLUMN "setup_intents"."last_setup_error" IS 'The error encountered in the previous SetupIntent confirmation.';
COMMENT ON COLUMN "setup_intents"."latest_attempt" IS 'The most recent SetupAttempt for this SetupIntent.';
COMMENT ON COLUMN "setup_intents"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "setup_intents"."mandate" IS 'ID of the multi use Mandate generated by the SetupIntent.';
COMMENT ON COLUMN "setup_intents"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "setup_intents"."next_action" IS 'If present, this property tells you what actions you need to take in order for your customer to continue payment setup.';
COMMENT ON COLUMN "setup_intents"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "setup_intents"."on_behalf_of" IS 'The account (if any) for which the setup is intended.';
COMMENT ON COLUMN "setup_intents"."payment_method" IS 'ID of the payment method used with this SetupIntent.';
COMMENT ON COLUMN "setup_intents"."payment_method_configuration_details" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "setup_intents"."payment_method_options" IS 'Payment-method-specific configuration for this SetupIntent.';
COMMENT ON COLUMN "setup_intents"."payment_method_types" IS 'The list of payment method types (e.g. card) that this SetupIntent is allowed to set up.';
COMMENT ON COLUMN "setup_intents"."single_use_mandate" IS 'ID of the single_use Mandate generated by the SetupIntent.';
COMMENT ON COLUMN "setup_intents"."status" IS 'Status of this SetupIntent, one of `requires_payment_method`, `requires_confirmation`, `requires_action`, `processing`, `canceled`, or `succeeded`.';
COMMENT ON COLUMN "setup_intents"."usage" IS 'Indicates how the payment method is intended to be used in the future.';

CREATE TABLE "payment_intents" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount')::numeric = trunc(("_raw_data"->'amount')::numeric) AND ("_raw_data"->'amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount')::bigint END END) STORED,
    "amount_capturable" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_capturable') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_capturable')::numeric = trunc(("_raw_data"->'amount_capturable')::numeric) AND ("_raw_data"->'amount_capturable')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_capturable')::bigint END END) STORED,
    "amount_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'amount_details') STORED,
    "amount_received" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_received') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_received')::numeric = trunc(("_raw_data"->'amount_received')::numeric) AND ("_raw_data"->'amount_received')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_received')::bigint END END) STORED,
    "application" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application') WHEN 'string' THEN "_raw_data"->>'application' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'application'->'id') WHEN 'string' THEN "_raw_data"->'application'->>'id' END END) STORED,
    "application_fee_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application_fee_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'application_fee_amount')::numeric = trunc(("_raw_data"->'application_fee_amount')::numeric) AND ("_raw_data"->'application_fee_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'application_fee_amount')::bigint END END) STORED,
    "automatic_payment_methods" jsonb GENERATED ALWAYS AS ("_raw_data"->'automatic_payment_methods') STORED,
    "canceled_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'canceled_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'canceled_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'canceled_at')::double precision) END END) STORED,
    "cancellation_reason" text GENERATED ALWAYS AS ("_raw_data"->>'cancellation_reason') STORED,
    "capture_method" text GENERATED ALWAYS AS ("_raw_data"->>'capture_method') STORED,
    "client_secret" text GENERATED ALWAYS AS ("_raw_data"->>'client_secret') STORED,
    "confirmation_method" text GENERATED ALWAYS AS ("_raw_data"->>'confirmation_method') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "customer_account" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_account') STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "excluded_payment_method_types" jsonb GENERATED ALWAYS AS ("_raw_data"->'excluded_payment_method_types') STORED,
    "invoice" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'invoice') WHEN 'string' THEN "_raw_data"->>'invoice' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'invoice'->'id') WHEN 'string' THEN "_raw_data"->'invoice'->>'id' END END) STORED,
    "last_payment_error" jsonb GENERATED ALWAYS AS ("_raw_data"->'last_payment_error') STORED,
    "latest_charge" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'latest_charge') WHEN 'string' THEN "_raw_data"->>'latest_charge' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'latest_charge'->'id') WHEN 'string' THEN "_raw_data"->'latest_charge'->>'id' END END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "managed_payments" jsonb GENERATED ALWAYS AS ("_raw_data"->'managed_payments') STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "next_action" jsonb GENERATED ALWAYS AS ("_raw_data"->'next_action') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "on_behalf_of" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'on_behalf_of') WHEN 'string' THEN "_raw_data"->>'on_behalf_of' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'on_behalf_of'->'id') WHEN 'string' THEN "_raw_data"->'on_behalf_of'->>'id' END END) STORED,
    "payment_method" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_method') WHEN 'string' THEN "_raw_data"->>'payment_method' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_method'->'id') WHEN 'string' THEN "_raw_data"->'payment_method'->>'id' END END) STORED,
    "payment_method_configuration_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'payment_method_configuration_details') STORED,
    "payment_method_options" jsonb GENERATED ALWAYS AS ("_raw_data"->'payment_method_options') STORED,
    "payment_method_types" jsonb GENERATED ALWAYS AS ("_raw_data"->'payment_method_types') STORED,
    "processing" jsonb GENERATED ALWAYS AS ("_raw_data"->'processing') STORED,
    "receipt_email" text GENERATED ALWAYS AS ("_raw_data"->>'receipt_email') STORED,
    "review" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'review') WHEN 'string' THEN "_raw_data"->>'review' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'review'->'id') WHEN 'string' THEN "_raw_data"->'review'->>'id' END END) STORED,
    "setup_future_usage" text GENERATED ALWAYS AS ("_raw_data"->>'setup_future_usage') STORED,
    "shipping" jsonb GENERATED ALWAYS AS ("_raw_data"->'shipping') STORED,
    "source" text GENERATED ALWAYS AS ("_raw_data"->>'source') STORED,
    "statement_descriptor" text GENERATED ALWAYS AS ("_raw_data"->>'statement_descriptor') STORED,
    "statement_descriptor_suffix" text GENERATED ALWAYS AS ("_raw_data"->>'statement_descriptor_suffix') STORED,
    "status" text GENERATED ALWAYS AS ("_raw_data"->>'status') STORED,
    "transfer_data" jsonb GENERATED ALWAYS AS ("_raw_data"->'transfer_data') STORED,
    "transfer_group" text GENERATED ALWAYS AS ("_raw_data"->>'transfer_group') STORED
);
CREATE INDEX "payment_intents__account_id_idx" ON "payment_intents" ("_account_id");
CREATE INDEX "payment_intents_customer_idx" ON "payment_intents" ("customer");
CREATE INDEX "payment_intents_invoice_idx" ON "payment_intents" ("invoice");
CREATE INDEX "payment_intents_latest_charge_idx" ON "payment_intents" ("latest_charge");
CREATE INDEX "payment_intents_payment_method_idx" ON "payment_intents" ("payment_method");
CREATE INDEX "payment_intents_created_idx" ON "payment_intents" ("created");
COMMENT ON TABLE "payment_intents" IS 'Stripe payment_intent objects. A PaymentIntent guides you through the process of collecting a payment from your customer.';
COMMENT ON COLUMN "payment_intents"."amount" IS 'Amount intended to be collected by this PaymentIntent.';
COMMENT ON COLUMN "payment_intents"."amount_capturable" IS 'Amount that can be captured from this PaymentIntent.';
COMMENT ON COLUMN "payment_intents"."amount_received" IS 'Amount that was collected by this PaymentIntent.';
COMMENT ON COLUMN "payment_intents"."application" IS 'ID of the Connect application that created the PaymentIntent.';
COMMENT ON COLUMN "payment_intents"."application_fee_amount" IS 'The amount of the application fee (if any) that will be requested to be applied to the payment and transferred to the application owner''s Stripe account.';
COMMENT ON COLUMN "payment_intents"."automatic_payment_methods" IS 'Settings to configure compatible payment methods from the Stripe Dashboard';
COMMENT ON COLUMN "payment_intents"."canceled_at" IS 'Populated when `status` is `canceled`, this is the time at which the PaymentIntent was canceled.';
COMMENT ON COLUMN "payment_intents"."cancellation_reason" IS 'Reason for cancellation of this PaymentIntent, either user-provided (`duplicate`, `fraudulent`, `requested_by_customer`, or `abandoned`) or generated by Stripe internally (`failed_invoice`, `void_i...';
COMMENT ON COLUMN "payment_intents"."capture_method" IS 'Controls when the funds will be captured from the customer''s account.';
COMMENT ON COLUMN "payment_intents"."client_secret" IS 'The client secret of this PaymentIntent.';
COMMENT ON COLUMN "payment_intents"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "payment_intents"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "payment_intents"."customer" IS 'ID of the Customer this PaymentIntent belongs to, if one exists.';
COMMENT ON COLUMN "payment_intents"."customer_account" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "payment_intents"."description" IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN "payment_intents"."excluded_payment_method_types" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "payment_intents"."invoice" IS 'ID of the invoice that created this PaymentIntent, if it exists.';
COMMENT ON COLUMN "payment_intents"."last_payment_error" IS 'The payment error encountered in the previous PaymentIntent confirmation.';
COMMENT ON COLUMN "payment_intents"."latest_charge" IS 'The latest charge created by this payment intent.';
COMMENT ON COLUMN "payment_intents"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "payment_intents"."managed_payments" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "payment_intents"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "payment_intents"."next_action" IS 'If present, this property tells you what actions you need to take in order for your customer to fulfill a payment using the provided source.';
COMMENT ON COLUMN "payment_intents"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "payment_intents"."on_behalf_of" IS 'The account (if any) for which the funds of the PaymentIntent are intended.';
COMMENT ON COLUMN "payment_intents"."payment_method" IS 'ID of the payment method used in this PaymentIntent.';
COMMENT ON COLUMN "payment_intents"."payment_method_configuration_details" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "payment_intents"."payment_method_options" IS 'Payment-method-specific configuration for this PaymentIntent.';
COMMENT ON COLUMN "payment_intents"."payment_method_types" IS 'The list of payment method types (e.g. card) that this PaymentIntent is allowed to use.';
COMMENT ON COLUMN "payment_intents"."processing" IS 'If present, this property tells you about the processing state of the payment.';
COMMENT ON COLUMN "payment_intents"."receipt_email" IS 'Email address that the receipt for the resulting payment will be sent to.';
COMMENT ON COLUMN "payment_intents"."review" IS 'ID of the review associated with this PaymentIntent, if any.';
COMMENT ON COLUMN "payment_intents"."setup_future_usage" IS 'Indicates that you intend to make future payments with this PaymentIntent''s payment method.';
COMMENT ON COLUMN "payment_intents"."shipping" IS 'Shipping information for this PaymentIntent.';
COMMENT ON COLUMN "payment_intents"."source" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "payment_intents"."statement_descriptor" IS 'For non-card charges, you can use this value as the complete description that appears on your customers’ statements.';
COMMENT ON COLUMN "payment_intents"."statement_descriptor_suffix" IS 'Provides information about a card payment that customers see on their statements.';
COMMENT ON COLUMN "payment_intents"."status" IS 'Status of this PaymentIntent, one of `requires_payment_method`, `requires_confirmation`, `requires_action`, `processing`, `requires_capture`, `canceled`, or `succeeded`.';
COMMENT ON COLUMN "payment_intents"."transfer_data" IS 'The data with which to automatically create a Transfer when the payment is finalized.';
COMMENT ON COLUMN "payment_intents"."transfer_group" IS 'A string that identifies the resulting payment as part of a group.';

CREATE TABLE "charges" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount')::numeric = trunc(("_raw_data"->'amount')::numeric) AND ("_raw_data"->'amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount')::bigint END END) STORED,
    "amount_captured" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_captured') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_captured')::numeric = trunc(("_raw_data"->'amount_captured')::numeric) AND ("_raw_data"->'amount_captured')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_captured')::bigint END END) STORED,
    "amount_refunded" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_refunded') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_refunded')::numeric = trunc(("_raw_data"->'amount_refunded')::numeric) AND ("_raw_data"->'amount_refunded')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_refunded')::bigint END END) STORED,
    "application" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application') WHEN 'string' THEN "_raw_data"->>'application' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'application'->'id') WHEN 'string' THEN "_raw_data"->'application'->>'id' END END) STORED,
    "application_fee" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application_fee') WHEN 'string' THEN "_raw_data"->>'application_fee' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'application_fee'->'id') WHEN 'string' THEN "_raw_data"->'application_fee'->>'id' END END) STORED,
    "application_fee_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application_fee_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'application_fee_amount')::numeric = trunc(("_raw_data"->'application_fee_amount')::numeric) AND ("_raw_data"->'application_fee_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'application_fee_amount')::bigint END END) STORED,
    "balance_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'balance_transaction') WHEN 'string' THEN "_raw_data"->>'balance_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'balance_transaction'->'id') WHEN 'string' THEN "_raw_data"->'balance_transaction'->>'id' END END) STORED,
    "billing_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'billing_details') STORED,
    "calculated_statement_descriptor" text GENERATED ALWAYS AS ("_raw_data"->>'calculated_statement_descriptor') STORED,
    "captured" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'captured') WHEN 'boolean' THEN ("_raw_data"->'captured')::boolean END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "disputed" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'disputed') WHEN 'boolean' THEN ("_raw_data"->'disputed')::boolean END) STORED,
    "failure_balance_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'failure_balance_transaction') WHEN 'string' THEN "_raw_data"->>'failure_balance_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'failure_balance_transaction'->'id') WHEN 'string' THEN "_raw_data"->'failure_balance_transaction'->>'id' END END) STORED,
    "failure_code" text GENERATED ALWAYS AS ("_raw_data"->>'failure_code') STORED,
    "failure_message" text GENERATED ALWAYS AS ("_raw_data"->>'failure_message') STORED,
    "fraud_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'fraud_details') STORED,
    "invoice" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'invoice') WHEN 'string' THEN "_raw_data"->>'invoice' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'invoice'->'id') WHEN 'string' THEN "_raw_data"->'invoice'->>'id' END END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "on_behalf_of" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'on_behalf_of') WHEN 'string' THEN "_raw_data"->>'on_behalf_of' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'on_behalf_of'->'id') WHEN 'string' THEN "_raw_data"->'on_behalf_of'->>'id' END END) STORED,
    "outcome" jsonb GENERATED ALWAYS AS ("_raw_data"->'outcome') STORED,
    "paid" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'paid') WHEN 'boolean' THEN ("_raw_data"->'paid')::boolean END) STORED,
    "payment_intent" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_intent') WHEN 'string' THEN "_raw_data"->>'payment_intent' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_intent'->'id') WHEN 'string' THEN "_raw_data"->'payment_intent'->>'id' END END) STORED,
    "payment_method" text GENERATED ALWAYS AS ("_raw_data"->>'payment_method') STORED,
    "payment_method_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'payment_method_details') STORED,
    "radar_options" jsonb GENERATED ALWAYS AS ("_raw_data"->'radar_options') STORED,
    "receipt_email" text GENERATED ALWAYS AS ("_raw_data"->>'receipt_email') STORED,
    "receipt_number" text GENERATED ALWAYS AS ("_raw_data"->>'receipt_number') STORED,
    "receipt_url" text GENERATED ALWAYS AS ("_raw_data"->>'receipt_url') STORED,
    "refunded" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'refunded') WHEN 'boolean' THEN ("_raw_data"->'refunded')::boolean END) STORED,
    "refunds" jsonb GENERATED ALWAYS AS ("_raw_data"->'refunds') STORED,
    "review" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'review') WHEN 'string' THEN "_raw_data"->>'review' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'review'->'id') WHEN 'string' THEN "_raw_data"->'review'->>'id' END END) STORED,
    "shipping" jsonb GENERATED ALWAYS AS ("_raw_data"->'shipping') STORED,
    "source" jsonb GENERATED ALWAYS AS ("_raw_data"->'source') STORED,
    "source_transfer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'source_transfer') WHEN 'string' THEN "_raw_data"->>'source_transfer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'source_transfer'->'id') WHEN 'string' THEN "_raw_data"->'source_transfer'->>'id' END END) STORED,
    "statement_descriptor" text GENERATED ALWAYS AS ("_raw_data"->>'statement_descriptor') STORED,
    "statement_descriptor_suffix" text GENERATED ALWAYS AS ("_raw_data"->>'statement_descriptor_suffix') STORED,
    "status" text GENERATED ALWAYS AS ("_raw_data"->>'status') STORED,
    "transfer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'transfer') WHEN 'string' THEN "_raw_data"->>'transfer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'transfer'->'id') WHEN 'string' THEN "_raw_data"->'transfer'->>'id' END END) STORED,
    "transfer_data" jsonb GENERATED ALWAYS AS ("_raw_data"->'transfer_data') STORED,
    "transfer_group" text GENERATED ALWAYS AS ("_raw_data"->>'transfer_group') STORED
);
CREATE INDEX "charges__account_id_idx" ON "charges" ("_account_id");
CREATE INDEX "charges_customer_idx" ON "charges" ("customer");
CREATE INDEX "charges_invoice_idx" ON "charges" ("invoice");
CREATE INDEX "charges_payment_intent_idx" ON "charges" ("payment_intent");
CREATE INDEX "charges_balance_transaction_idx" ON "charges" ("balance_transaction");
CREATE INDEX "charges_created_idx" ON "charges" ("created");
COMMENT ON TABLE "charges" IS 'Stripe charge objects. The `Charge` object represents a single attempt to move money into your Stripe account.';
COMMENT ON COLUMN "charges"."amount" IS 'Amount intended to be collected by this payment.';
COMMENT ON COLUMN "charges"."amount_captured" IS 'Amount in cents (or local equivalent) captured (can be less than the amount attribute on the charge if a partial capture was made).';
COMMENT ON COLUMN "charges"."amount_refunded" IS 'Amount in cents (or local equivalent) refunded (can be less than the amount attribute on the charge if a partial refund was issued).';
COMMENT ON COLUMN "charges"."application" IS 'ID of the Connect application that created the charge.';
COMMENT ON COLUMN "charges"."application_fee" IS 'The application fee (if any) for the charge.';
COMMENT ON COLUMN "charges"."application_fee_amount" IS 'The amount of the application fee (if any) requested for the charge.';
COMMENT ON COLUMN "charges"."balance_transaction" IS 'ID of the balance transaction that describes the impact of this charge on your account balance (not including refunds or disputes).';
COMMENT ON COLUMN "charges"."calculated_statement_descriptor" IS 'The full statement descriptor that is passed to card networks, and that is displayed on your customers'' credit card and bank statements.';
COMMENT ON COLUMN "charges"."captured" IS 'If the charge was created without capturing, this Boolean represents whether it is still uncaptured or has since been captured.';
COMMENT ON COLUMN "charges"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "charges"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "charges"."customer" IS 'ID of the customer this charge is for if one exists.';
COMMENT ON COLUMN "charges"."description" IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN "charges"."disputed" IS 'Whether the charge has been disputed.';
COMMENT ON COLUMN "charges"."failure_balance_transaction" IS 'ID of the balance transaction that describes the reversal of the balance on your account due to payment failure.';
COMMENT ON COLUMN "charges"."failure_code" IS 'Error code explaining reason for charge failure if available (see the errors section for a list of codes).';
COMMENT ON COLUMN "charges"."failure_message" IS 'Message to user further explaining reason for charge failure if available.';
COMMENT ON COLUMN "charges"."fraud_details" IS 'Information on fraud assessments for the charge.';
COMMENT ON COLUMN "charges"."invoice" IS 'ID of the invoice this charge is for if one exists.';
COMMENT ON COLUMN "charges"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "charges"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "charges"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "charges"."on_behalf_of" IS 'The account (if any) the charge was made on behalf of without triggering an automatic transfer.';
COMMENT ON COLUMN "charges"."outcome" IS 'Details about whether the payment was accepted, and why.';
COMMENT ON COLUMN "charges"."paid" IS '`true` if the charge succeeded, or was successfully authorized for later capture.';
COMMENT ON COLUMN "charges"."payment_intent" IS 'ID of the PaymentIntent associated with this charge, if one exists.';
COMMENT ON COLUMN "charges"."payment_method" IS 'ID of the payment method used in this charge.';
COMMENT ON COLUMN "charges"."payment_method_details" IS 'Details about the payment method at the time of the transaction.';
COMMENT ON COLUMN "charges"."receipt_email" IS 'This is the email address that the receipt for this charge was sent to.';
COMMENT ON COLUMN "charges"."receipt_number" IS 'This is the transaction number that appears on email receipts sent for this charge.';
COMMENT ON COLUMN "charges"."receipt_url" IS 'This is the URL to view the receipt for this charge.';
COMMENT ON COLUMN "charges"."refunded" IS 'Whether the charge has been fully refunded.';
COMMENT ON COLUMN "charges"."refunds" IS 'A list of refunds that have been applied to the charge.';
COMMENT ON COLUMN "charges"."review" IS 'ID of the review associated with this charge if one exists.';
COMMENT ON COLUMN "charges"."shipping" IS 'Shipping information for the charge.';
COMMENT ON COLUMN "charges"."source" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "charges"."source_transfer" IS 'The transfer ID which created this charge.';
COMMENT ON COLUMN "charges"."statement_descriptor" IS 'For card charges, use `statement_descriptor_suffix` instead.';
COMMENT ON COLUMN "charges"."statement_descriptor_suffix" IS 'Provides information about the charge that customers see on their statements.';
COMMENT ON COLUMN "charges"."status" IS 'The status of the payment is either `succeeded`, `pending`, or `failed`.';
COMMENT ON COLUMN "charges"."transfer" IS 'ID of the transfer to the `destination` account (only applicable if the charge was created using the `destination` parameter).';
COMMENT ON COLUMN "charges"."transfer_data" IS 'An optional dictionary including the account to automatically transfer to as part of a destination charge.';
COMMENT ON COLUMN "charges"."transfer_group" IS 'A string that identifies this transaction as part of a group.';

CREATE TABLE "refunds" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount')::numeric = trunc(("_raw_data"->'amount')::numeric) AND ("_raw_data"->'amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount')::bigint END END) STORED,
    "balance_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'balance_transaction') WHEN 'string' THEN "_raw_data"->>'balance_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'balance_transaction'->'id') WHEN 'string' THEN "_raw_data"->'balance_transaction'->>'id' END END) STORED,
    "charge" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'charge') WHEN 'string' THEN "_raw_data"->>'charge' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'charge'->'id') WHEN 'string' THEN "_raw_data"->'charge'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "customer_account" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_account') STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "destination_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'destination_details') STORED,
    "failure_balance_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'failure_balance_transaction') WHEN 'string' THEN "_raw_data"->>'failure_balance_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'failure_balance_transaction'->'id') WHEN 'string' THEN "_raw_data"->'failure_balance_transaction'->>'id' END END) STORED,
    "failure_reason" text GENERATED ALWAYS AS ("_raw_data"->>'failure_reason') STORED,
    "instructions_email" text GENERATED ALWAYS AS ("_raw_data"->>'instructions_email') STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "next_action" jsonb GENERATED ALWAYS AS ("_raw_data"->'next_action') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "payment_intent" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_intent') WHEN 'string' THEN "_raw_data"->>'payment_intent' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_intent'->'id') WHEN 'string' THEN "_raw_data"->'payment_intent'->>'id' END END) STORED,
    "payment_method" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_method') WHEN 'string' THEN "_raw_data"->>'payment_method' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_method'->'id') WHEN 'string' THEN "_raw_data"->'payment_method'->>'id' END END) STORED,
    "reason" text GENERATED ALWAYS AS ("_raw_data"->>'reason') STORED,
    "receipt_number" text GENERATED ALWAYS AS ("_raw_data"->>'receipt_number') STORED,
    "source_transfer_reversal" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'source_transfer_reversal') WHEN 'string' THEN "_raw_data"->>'source_transfer_reversal' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'source_transfer_reversal'->'id') WHEN 'string' THEN "_raw_data"->'source_transfer_reversal'->>'id' END END) STORED,
    "status" text GENERATED ALWAYS AS ("_raw_data"->>'status') STORED,
    "transfer_reversal" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'transfer_reversal') WHEN 'string' THEN "_raw_data"->>'transfer_reversal' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'transfer_reversal'->'id') WHEN 'string' THEN "_raw_data"->'transfer_reversal'->>'id' END END) STORED
);
CREATE INDEX "refunds__account_id_idx" ON "refunds" ("_account_id");
CREATE INDEX "refunds_charge_idx" ON "refunds" ("charge");
CREATE INDEX "refunds_payment_intent_idx" ON "refunds" ("payment_intent");
CREATE INDEX "refunds_balance_transaction_idx" ON "refunds" ("balance_transaction");
CREATE INDEX "refunds_created_idx" ON "refunds" ("created");
COMMENT ON TABLE "refunds" IS 'Stripe refund objects. `Refund` objects allow you to refund a charge that has previously been created but not yet refunded.';
COMMENT ON COLUMN "refunds"."amount" IS 'Amount, in cents (or local equivalent).';
COMMENT ON COLUMN "refunds"."balance_transaction" IS 'Balance transaction that describes the impact on your account balance.';
COMMENT ON COLUMN "refunds"."charge" IS 'ID of the charge that was refunded.';
COMMENT ON COLUMN "refunds"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "refunds"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "refunds"."customer" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "refunds"."customer_account" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "refunds"."description" IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN "refunds"."destination_details" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "refunds"."failure_balance_transaction" IS 'If the refund failed, this balance transaction describes the adjustment made on your account balance that reverses the initial balance transaction.';
COMMENT ON COLUMN "refunds"."failure_reason" IS 'If the refund failed, the reason for refund failure if known.';
COMMENT ON COLUMN "refunds"."instructions_email" IS 'For payment methods without native refund support (e.g., Konbini, PromptPay), email for the customer to receive refund instructions.';
COMMENT ON COLUMN "refunds"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "refunds"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "refunds"."payment_intent" IS 'ID of the PaymentIntent that was refunded.';
COMMENT ON COLUMN "refunds"."payment_method" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "refunds"."reason" IS 'Reason for the refund, either user-provided (`duplicate`, `fraudulent`, or `requested_by_customer`) or generated by Stripe internally (`expired_uncaptured_charge`).';
COMMENT ON COLUMN "refunds"."receipt_number" IS 'This is the transaction number that appears on email receipts sent for this refund.';
COMMENT ON COLUMN "refunds"."source_transfer_reversal" IS 'The transfer reversal that is associated with the refund.';
COMMENT ON COLUMN "refunds"."status" IS 'Status of the refund.';
COMMENT ON COLUMN "refunds"."transfer_reversal" IS 'If the accompanying transfer was reversed, the transfer reversal object.';

CREATE TABLE "disputes" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount')::numeric = trunc(("_raw_data"->'amount')::numeric) AND ("_raw_data"->'amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount')::bigint END END) STORED,
    "balance_transactions" jsonb GENERATED ALWAYS AS ("_raw_data"->'balance_transactions') STORED,
    "charge" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'charge') WHEN 'string' THEN "_raw_data"->>'charge' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'charge'->'id') WHEN 'string' THEN "_raw_data"->'charge'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "enhanced_eligibility_types" jsonb GENERATED ALWAYS AS ("_raw_data"->'enhanced_eligibility_types') STORED,
    "evidence" jsonb GENERATED ALWAYS AS ("_raw_data"->'evidence') STORED,
    "evidence_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'evidence_details') STORED,
    "is_charge_refundable" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'is_charge_refundable') WHEN 'boolean' THEN ("_raw_data"->'is_charge_refundable')::boolean END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "payment_intent" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_intent') WHEN 'string' THEN "_raw_data"->>'payment_intent' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_intent'->'id') WHEN 'string' THEN "_raw_data"->'payment_intent'->>'id' END END) STORED,
    "payment_method_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'payment_method_details') STORED,
    "reason" text GENERATED ALWAYS AS ("_raw_data"->>'reason') STORED,
    "status" text GENERATED ALWAYS AS ("_raw_data"->>'status') STORED
);
CREATE INDEX "disputes__account_id_idx" ON "disputes" ("_account_id");
CREATE INDEX "disputes_charge_idx" ON "disputes" ("charge");
CREATE INDEX "disputes_payment_intent_idx" ON "disputes" ("payment_intent");
CREATE INDEX "disputes_created_idx" ON "disputes" ("created");
COMMENT ON TABLE "disputes" IS 'Stripe dispute objects. A dispute occurs when a customer questions your charge with their card issuer.';
COMMENT ON COLUMN "disputes"."amount" IS 'Disputed amount.';
COMMENT ON COLUMN "disputes"."balance_transactions" IS 'List of zero, one, or two balance transactions that show funds withdrawn and reinstated to your Stripe account as a result of this dispute.';
COMMENT ON COLUMN "disputes"."charge" IS 'ID of the charge that was disputed.';
COMMENT ON COLUMN "disputes"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "disputes"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "disputes"."enhanced_eligibility_types" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "disputes"."is_charge_refundable" IS 'If true, it is still possible to refund the disputed payment.';
COMMENT ON COLUMN "disputes"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "disputes"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "disputes"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "disputes"."payment_intent" IS 'ID of the PaymentIntent that was disputed.';
COMMENT ON COLUMN "disputes"."reason" IS 'Reason given by cardholder for dispute.';
COMMENT ON COLUMN "disputes"."status" IS 'Current status of dispute.';

CREATE TABLE "early_fraud_warnings" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "actionable" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'actionable') WHEN 'boolean' THEN ("_raw_data"->'actionable')::boolean END) STORED,
    "charge" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'charge') WHEN 'string' THEN "_raw_data"->>'charge' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'charge'->'id') WHEN 'string' THEN "_raw_data"->'charge'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "fraud_type" text GENERATED ALWAYS AS ("_raw_data"->>'fraud_type') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "payment_intent" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_intent') WHEN 'string' THEN "_raw_data"->>'payment_intent' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_intent'->'id') WHEN 'string' THEN "_raw_data"->'payment_intent'->>'id' END END) STORED
);
CREATE INDEX "early_fraud_warnings__account_id_idx" ON "early_fraud_warnings" ("_account_id");
CREATE INDEX "early_fraud_warnings_charge_idx" ON "early_fraud_warnings" ("charge");
CREATE INDEX "early_fraud_warnings_payment_intent_idx" ON "early_fraud_warnings" ("payment_intent");
CREATE INDEX "early_fraud_warnings_created_idx" ON "early_fraud_warnings" ("created");
COMMENT ON TABLE "early_fraud_warnings" IS 'Stripe radar.early_fraud_warning objects. An early fraud warning indicates that the card issuer has notified us that a charge may be fraudulent.';
COMMENT ON COLUMN "early_fraud_warnings"."actionable" IS 'An EFW is actionable if it has not received a dispute and has not been fully refunded.';
COMMENT ON COLUMN "early_fraud_warnings"."charge" IS 'ID of the charge this early fraud warning is for, optionally expanded.';
COMMENT ON COLUMN "early_fraud_warnings"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "early_fraud_warnings"."fraud_type" IS 'The type of fraud labelled by the issuer.';
COMMENT ON COLUMN "early_fraud_warnings"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "early_fraud_warnings"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "early_fraud_warnings"."payment_intent" IS 'ID of the Payment Intent this early fraud warning is for, optionally expanded.';

CREATE TABLE "reviews" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "billing_zip" text GENERATED ALWAYS AS ("_raw_data"->>'billing_zip') STORED,
    "charge" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'charge') WHEN 'string' THEN "_raw_data"->>'charge' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'charge'->'id') WHEN 'string' THEN "_raw_data"->'charge'->>'id' END END) STORED,
    "closed_reason" text GENERATED ALWAYS AS ("_raw_data"->>'closed_reason') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "ip_address" text GENERATED ALWAYS AS ("_raw_data"->>'ip_address') STORED,
    "ip_address_location" jsonb GENERATED ALWAYS AS ("_raw_data"->'ip_address_location') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "open" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'open') WHEN 'boolean' THEN ("_raw_data"->'open')::boolean END) STORED,
    "opened_reason" text GENERATED ALWAYS AS ("_raw_data"->>'opened_reason') STORED,
    "payment_intent" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_intent') WHEN 'string' THEN "_raw_data"->>'payment_intent' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_intent'->'id') WHEN 'string' THEN "_raw_data"->'payment_intent'->>'id' END END) STORED,
    "reason" text GENERATED ALWAYS AS ("_raw_data"->>'reason') STORED,
    "session" jsonb GENERATED ALWAYS AS ("_raw_data"->'session') STORED
);
CREATE INDEX "reviews__account_id_idx" ON "reviews" ("_account_id");
CREATE INDEX "reviews_charge_idx" ON "reviews" ("charge");
CREATE INDEX "reviews_payment_intent_idx" ON "reviews" ("payment_intent");
CREATE INDEX "reviews_created_idx" ON "reviews" ("created");
COMMENT ON TABLE "reviews" IS 'Stripe review objects. Reviews can be used to supplement automated fraud detection with human expertise.';
COMMENT ON COLUMN "reviews"."billing_zip" IS 'The ZIP or postal code of the card used, if applicable.';
COMMENT ON COLUMN "reviews"."charge" IS 'The charge associated with this review.';
COMMENT ON COLUMN "reviews"."closed_reason" IS 'The reason the review was closed, or null if it has not yet been closed.';
COMMENT ON COLUMN "reviews"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "reviews"."ip_address" IS 'The IP address where the payment originated.';
COMMENT ON COLUMN "reviews"."ip_address_location" IS 'Information related to the location of the payment.';
COMMENT ON COLUMN "reviews"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "reviews"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "reviews"."open" IS 'If `true`, the review needs action.';
COMMENT ON COLUMN "reviews"."opened_reason" IS 'The reason the review was opened.';
COMMENT ON COLUMN "reviews"."payment_intent" IS 'The PaymentIntent ID associated with this review, if one exists.';
COMMENT ON COLUMN "reviews"."reason" IS 'The reason the review is currently open or closed.';
COMMENT ON COLUMN "reviews"."session" IS 'Information related to the browsing session of the user who initiated the payment.';

CREATE TABLE "invoices" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "account_country" text GENERATED ALWAYS AS ("_raw_data"->>'account_country') STORED,
    "account_name" text GENERATED ALWAYS AS ("_raw_data"->>'account_name') STORED,
    "account_tax_ids" jsonb GENERATED ALWAYS AS ("_raw_data"->'account_tax_ids') STORED,
    "amount_due" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_due') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_due')::numeric = trunc(("_raw_data"->'amount_due')::numeric) AND ("_raw_data"->'amount_due')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_due')::bigint END END) STORED,
    "amount_overpaid" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_overpaid') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_overpaid')::numeric = trunc(("_raw_data"->'amount_overpaid')::numeric) AND ("_raw_data"->'amount_overpaid')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_overpaid')::bigint END END) STORED,
    "amount_paid" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_paid') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_paid')::numeric = trunc(("_raw_data"->'amount_paid')::numeric) AND ("_raw_data"->'amount_paid')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_paid')::bigint END END) STORED,
    "amount_remaining" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_remaining') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_remaining')::numeric = trunc(("_raw_data"->'amount_remaining')::numeric) AND ("_raw_data"->'amount_remaining')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_remaining')::bigint END END) STORED,
    "amount_shipping" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_shipping') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_shipping')::numeric = trunc(("_raw_data"->'amount_shipping')::numeric) AND ("_raw_data"->'amount_shipping')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_shipping')::bigint END END) STORED,
    "application" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application') WHEN 'string' THEN "_raw_data"->>'application' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'application'->'id') WHEN 'string' THEN "_raw_data"->'application'->>'id' END END) STORED,
    "application_fee_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application_fee_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'application_fee_amount')::numeric = trunc(("_raw_data"->'application_fee_amount')::numeric) AND ("_raw_data"->'application_fee_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'application_fee_amount')::bigint END END) STORED,
    "attempt_count" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'attempt_count') WHEN 'number' THEN CASE WHEN ("_raw_data"->'attempt_count')::numeric = trunc(("_raw_data"->'attempt_count')::numeric) AND ("_raw_data"->'attempt_count')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'attempt_count')::bigint END END) STORED,
    "attempted" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'attempted') WHEN 'boolean' THEN ("_raw_data"->'attempted')::boolean END) STORED,
    "auto_advance" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'auto_advance') WHEN 'boolean' THEN ("_raw_data"->'auto_advance')::boolean END) STORED,
    "automatic_tax" jsonb GENERATED ALWAYS AS ("_raw_data"->'automatic_tax') STORED,
    "automatically_finalizes_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'automatically_finalizes_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'automatically_finalizes_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'automatically_finalizes_at')::double precision) END END) STORED,
    "billing_reason" text GENERATED ALWAYS AS ("_raw_data"->>'billing_reason') STORED,
    "charge" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'charge') WHEN 'string' THEN "_raw_data"->>'charge' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'charge'->'id') WHEN 'string' THEN "_raw_data"->'charge'->>'id' END END) STORED,
    "collection_method" text GENERATED ALWAYS AS ("_raw_data"->>'collection_method') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "custom_fields" jsonb GENERATED ALWAYS AS ("_raw_data"->'custom_fields') STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "customer_account" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_account') STORED,
    "customer_address" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_address') STORED,
    "customer_email" text GENERATED ALWAYS AS ("_raw_data"->>'customer_email') STORED,
    "customer_name" text GENERATED ALWAYS AS ("_raw_data"->>'customer_name') STORED,
    "customer_phone" text GENERATED ALWAYS AS ("_raw_data"->>'customer_phone') STORED,
    "customer_shipping" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_shipping') STORED,
    "customer_tax_exempt" text GENERATED ALWAYS AS ("_raw_data"->>'customer_tax_exempt') STORED,
    "customer_tax_ids" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_tax_ids') STORED,
    "default_payment_method" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'default_payment_method') WHEN 'string' THEN "_raw_data"->>'default_payment_method' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'default_payment_method'->'id') WHEN 'string' THEN "_raw_data"->'default_payment_method'->>'id' END END) STORED,
    "default_source" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'default_source') WHEN 'string' THEN "_raw_data"->>'default_source' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'default_source'->'id') WHEN 'string' THEN "_raw_data"->'default_source'->>'id' END END) STORED,
    "default_tax_rates" jsonb GENERATED ALWAYS AS ("_raw_data"->'default_tax_rates') STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "discount" jsonb GENERATED ALWAYS AS ("_raw_data"->'discount') STORED,
    "discounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'discounts') STORED,
    "due_date" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'due_date') WHEN 'number' THEN CASE WHEN ("_raw_data"->'due_date')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'due_date')::double precision) END END) STORED,
    "effective_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'effective_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'effective_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'effective_at')::double precision) END END) STORED,
    "ending_balance" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'ending_balance') WHEN 'number' THEN CASE WHEN ("_raw_data"->'ending_balance')::numeric = trunc(("_raw_data"->'ending_balance')::numeric) AND ("_raw_data"->'ending_balance')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'ending_balance')::bigint END END) STORED,
    "footer" text GENERATED ALWAYS AS ("_raw_data"->>'footer') STORED,
    "from_invoice" jsonb GENERATED ALWAYS AS ("_raw_data"->'from_invoice') STORED,
    "hosted_invoice_url" text GENERATED ALWAYS AS ("_raw_data"->>'hosted_invoice_url') STORED,
    "invoice_pdf" text GENERATED ALWAYS AS ("_raw_data"->>'invoice_pdf') STORED,
    "issuer" jsonb GENERATED ALWAYS AS ("_raw_data"->'issuer') STORED,
    "last_finalization_error" jsonb GENERATED ALWAYS AS ("_raw_data"->'last_finalization_error') STORED,
    "latest_revision" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'latest_revision') WHEN 'string' THEN "_raw_data"->>'latest_revision' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'latest_revision'->'id') WHEN 'string' THEN "_raw_data"->'latest_revision'->>'id' END END) STORED,
    "lines" jsonb GENERATED ALWAYS AS ("_raw_data"->'lines') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "next_payment_attempt" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'next_payment_attempt') WHEN 'number' THEN CASE WHEN ("_raw_data"->'next_payment_attempt')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'next_payment_attempt')::double precision) END END) STORED,
    "number" text GENERATED ALWAYS AS ("_raw_data"->>'number') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "on_behalf_of" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'on_behalf_of') WHEN 'string' THEN "_raw_data"->>'on_behalf_of' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'on_behalf_of'->'id') WHEN 'string' THEN "_raw_data"->'on_behalf_of'->>'id' END END) STORED,
    "paid" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'paid') WHEN 'boolean' THEN ("_raw_data"->'paid')::boolean END) STORED,
    "paid_out_of_band" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'paid_out_of_band') WHEN 'boolean' THEN ("_raw_data"->'paid_out_of_band')::boolean END) STORED,
    "parent" jsonb GENERATED ALWAYS AS ("_raw_data"->'parent') STORED,
    "payment_intent" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_intent') WHEN 'string' THEN "_raw_data"->>'payment_intent' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_intent'->'id') WHEN 'string' THEN "_raw_data"->'payment_intent'->>'id' END END) STORED,
    "payment_settings" jsonb GENERATED ALWAYS AS ("_raw_data"->'payment_settings') STORED,
    "period_end" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'period_end') WHEN 'number' THEN CASE WHEN ("_raw_data"->'period_end')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'period_end')::double precision) END END) STORED,
    "period_start" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'period_start') WHEN 'number' THEN CASE WHEN ("_raw_data"->'period_start')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'period_start')::double precision) END END) STORED,
    "post_payment_credit_notes_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'post_payment_credit_notes_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'post_payment_credit_notes_amount')::numeric = trunc(("_raw_data"->'post_payment_credit_notes_amount')::numeric) AND ("_raw_data"->'post_payment_credit_notes_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'post_payment_credit_notes_amount')::bigint END END) STORED,
    "pre_payment_credit_notes_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'pre_payment_credit_notes_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'pre_payment_credit_notes_amount')::numeric = trunc(("_raw_data"->'pre_payment_credit_notes_amount')::numeric) AND ("_raw_data"->'pre_payment_credit_notes_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'pre_payment_credit_notes_amount')::bigint END END) STORED,
    "quote" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'quote') WHEN 'string' THEN "_raw_data"->>'quote' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'quote'->'id') WHEN 'string' THEN "_raw_data"->'quote'->>'id' END END) STORED,
    "receipt_number" text GENERATED ALWAYS AS ("_raw_data"->>'receipt_number') STORED,
    "rendering" jsonb GENERATED ALWAYS AS ("_raw_data"->'rendering') STORED,
    "rendering_options" jsonb GENERATED ALWAYS AS ("_raw_data"->'rendering_options') STORED,
    "shipping_cost" jsonb GENERATED ALWAYS AS ("_raw_data"->'shipping_cost') STORED,
    "shipping_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'shipping_details') STORED,
    "starting_balance" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'starting_balance') WHEN 'number' THEN CASE WHEN ("_raw_data"->'starting_balance')::numeric = trunc(("_raw_data"->'starting_balance')::numeric) AND ("_raw_data"->'starting_balance')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'starting_balance')::bigint END END) STORED,
    "statement_descriptor" text GENERATED ALWAYS AS ("_raw_data"->>'statement_descriptor') STORED,
    "status" text GENERATED ALWAYS AS ("_raw_data"->>'status') STORED,
    "status_transitions" jsonb GENERATED ALWAYS AS ("_raw_data"->'status_transitions') STORED,
    "subscription" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subscription') WHEN 'string' THEN "_raw_data"->>'subscription' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'subscription'->'id') WHEN 'string' THEN "_raw_data"->'subscription'->>'id' END END) STORED,
    "subscription_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'subscription_details') STORED,
    "subscription_proration_date" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subscription_proration_date') WHEN 'number' THEN CASE WHEN ("_raw_data"->'subscription_proration_date')::numeric = trunc(("_raw_data"->'subscription_proration_date')::numeric) AND ("_raw_data"->'subscription_proration_date')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'subscription_proration_date')::bigint END END) STORED,
    "subtotal" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subtotal') WHEN 'number' THEN CASE WHEN ("_raw_data"->'subtotal')::numeric = trunc(("_raw_data"->'subtotal')::numeric) AND ("_raw_data"->'subtotal')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'subtotal')::bigint END END) STORED,
    "subtotal_excluding_tax" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subtotal_excluding_tax') WHEN 'number' THEN CASE WHEN ("_raw_data"->'subtotal_excluding_tax')::numeric = trunc(("_raw_data"->'subtotal_excluding_tax')::numeric) AND ("_raw_data"->'subtotal_excluding_tax')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'subtotal_excluding_tax')::bigint END END) STORED,
    "tax" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'tax') WHEN 'number' THEN CASE WHEN ("_raw_data"->'tax')::numeric = trunc(("_raw_data"->'tax')::numeric) AND ("_raw_data"->'tax')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'tax')::bigint END END) STORED,
    "test_clock" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'test_clock') WHEN 'string' THEN "_raw_data"->>'test_clock' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'test_clock'->'id') WHEN 'string' THEN "_raw_data"->'test_clock'->>'id' END END) STORED,
    "threshold_reason" jsonb GENERATED ALWAYS AS ("_raw_data"->'threshold_reason') STORED,
    "total" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'total') WHEN 'number' THEN CASE WHEN ("_raw_data"->'total')::numeric = trunc(("_raw_data"->'total')::numeric) AND ("_raw_data"->'total')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'total')::bigint END END) STORED,
    "total_discount_amounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'total_discount_amounts') STORED,
    "total_excluding_tax" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'total_excluding_tax') WHEN 'number' THEN CASE WHEN ("_raw_data"->'total_excluding_tax')::numeric = trunc(("_raw_data"->'total_excluding_tax')::numeric) AND ("_raw_data"->'total_excluding_tax')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'total_excluding_tax')::bigint END END) STORED,
    "total_pretax_credit_amounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'total_pretax_credit_amounts') STORED,
    "total_tax_amounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'total_tax_amounts') STORED,
    "total_taxes" jsonb GENERATED ALWAYS AS ("_raw_data"->'total_taxes') STORED,
    "transfer_data" jsonb GENERATED ALWAYS AS ("_raw_data"->'transfer_data') STORED,
    "webhooks_delivered_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'webhooks_delivered_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'webhooks_delivered_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'webhooks_delivered_at')::double precision) END END) STORED
);
CREATE INDEX "invoices__account_id_idx" ON "invoices" ("_account_id");
CREATE INDEX "invoices_customer_idx" ON "invoices" ("customer");
CREATE INDEX "invoices_subscription_idx" ON "invoices" ("subscription");
CREATE INDEX "invoices_charge_idx" ON "invoices" ("charge");
CREATE INDEX "invoices_payment_intent_idx" ON "invoices" ("payment_intent");
CREATE INDEX "invoices_created_idx" ON "invoices" ("created");
COMMENT ON TABLE "invoices" IS 'Stripe invoice objects. Invoices are statements of amounts owed by a customer, and are either generated one-off, or generated periodically from a subscription.';
COMMENT ON COLUMN "invoices"."account_country" IS 'The country of the business associated with this invoice, most often the business creating the invoice.';
COMMENT ON COLUMN "invoices"."account_name" IS 'The public name of the business associated with this invoice, most often the business creating the invoice.';
COMMENT ON COLUMN "invoices"."account_tax_ids" IS 'The account tax IDs associated with the invoice.';
COMMENT ON COLUMN "invoices"."amount_due" IS 'Final amount due at this time for this invoice.';
COMMENT ON COLUMN "invoices"."amount_overpaid" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoices"."amount_paid" IS 'The amount, in cents (or local equivalent), that was paid.';
COMMENT ON COLUMN "invoices"."amount_remaining" IS 'The difference between amount_due and amount_paid, in cents (or local equivalent).';
COMMENT ON COLUMN "invoices"."amount_shipping" IS 'This is the sum of all the shipping amounts.';
COMMENT ON COLUMN "invoices"."application" IS 'ID of the Connect Application that created the invoice.';
COMMENT ON COLUMN "invoices"."application_fee_amount" IS 'The fee in cents (or local equivalent) that will be applied to the invoice and transferred to the application owner''s Stripe account when the invoice is paid.';
COMMENT ON COLUMN "invoices"."attempt_count" IS 'Number of payment attempts made for this invoice, from the perspective of the payment retry schedule.';
COMMENT ON COLUMN "invoices"."attempted" IS 'Whether an attempt has been made to pay the invoice.';
COMMENT ON COLUMN "invoices"."auto_advance" IS 'Controls whether Stripe performs automatic collection of the invoice.';
COMMENT ON COLUMN "invoices"."automatically_finalizes_at" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoices"."billing_reason" IS 'Indicates the reason why the invoice was created.';
COMMENT ON COLUMN "invoices"."charge" IS 'ID of the latest charge generated for this invoice, if any.';
COMMENT ON COLUMN "invoices"."collection_method" IS 'Either `charge_automatically`, or `send_invoice`.';
COMMENT ON COLUMN "invoices"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "invoices"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "invoices"."custom_fields" IS 'Custom fields displayed on the invoice.';
COMMENT ON COLUMN "invoices"."customer" IS 'The ID of the customer who will be billed.';
COMMENT ON COLUMN "invoices"."customer_account" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoices"."customer_address" IS 'The customer''s address.';
COMMENT ON COLUMN "invoices"."customer_email" IS 'The customer''s email.';
COMMENT ON COLUMN "invoices"."customer_name" IS 'The customer''s name.';
COMMENT ON COLUMN "invoices"."customer_phone" IS 'The customer''s phone number.';
COMMENT ON COLUMN "invoices"."customer_shipping" IS 'The customer''s shipping information.';
COMMENT ON COLUMN "invoices"."customer_tax_exempt" IS 'The customer''s tax exempt status.';
COMMENT ON COLUMN "invoices"."customer_tax_ids" IS 'The customer''s tax IDs.';
COMMENT ON COLUMN "invoices"."default_payment_method" IS 'ID of the default payment method for the invoice.';
COMMENT ON COLUMN "invoices"."default_source" IS 'ID of the default payment source for the invoice.';
COMMENT ON COLUMN "invoices"."default_tax_rates" IS 'The tax rates applied to this invoice, if any.';
COMMENT ON COLUMN "invoices"."description" IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN "invoices"."discount" IS 'Describes the current discount applied to this invoice, if there is one.';
COMMENT ON COLUMN "invoices"."discounts" IS 'The discounts applied to the invoice.';
COMMENT ON COLUMN "invoices"."due_date" IS 'The date on which payment for this invoice is due.';
COMMENT ON COLUMN "invoices"."effective_at" IS 'The date when this invoice is in effect.';
COMMENT ON COLUMN "invoices"."ending_balance" IS 'Ending customer balance after the invoice is finalized.';
COMMENT ON COLUMN "invoices"."footer" IS 'Footer displayed on the invoice.';
COMMENT ON COLUMN "invoices"."from_invoice" IS 'Details of the invoice that was cloned.';
COMMENT ON COLUMN "invoices"."hosted_invoice_url" IS 'The URL for the hosted invoice page, which allows customers to view and pay an invoice.';
COMMENT ON COLUMN "invoices"."invoice_pdf" IS 'The link to download the PDF for the invoice.';
COMMENT ON COLUMN "invoices"."issuer" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoices"."last_finalization_error" IS 'The error encountered during the previous attempt to finalize the invoice.';
COMMENT ON COLUMN "invoices"."latest_revision" IS 'The ID of the most recent non-draft revision of this invoice';
COMMENT ON COLUMN "invoices"."lines" IS 'The individual line items that make up the invoice.';
COMMENT ON COLUMN "invoices"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "invoices"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "invoices"."next_payment_attempt" IS 'The time at which payment will next be attempted.';
COMMENT ON COLUMN "invoices"."number" IS 'A unique, identifying string that appears on emails sent to the customer for this invoice.';
COMMENT ON COLUMN "invoices"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "invoices"."on_behalf_of" IS 'The account (if any) for which the funds of the invoice payment are intended.';
COMMENT ON COLUMN "invoices"."paid" IS 'Whether payment was successfully collected for this invoice.';
COMMENT ON COLUMN "invoices"."paid_out_of_band" IS 'Returns true if the invoice was manually marked paid, returns false if the invoice hasn''t been paid yet or was paid on Stripe.';
COMMENT ON COLUMN "invoices"."parent" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoices"."payment_intent" IS 'The PaymentIntent associated with this invoice.';
COMMENT ON COLUMN "invoices"."period_end" IS 'End of the usage period during which invoice items were added to this invoice.';
COMMENT ON COLUMN "invoices"."period_start" IS 'Start of the usage period during which invoice items were added to this invoice.';
COMMENT ON COLUMN "invoices"."post_payment_credit_notes_amount" IS 'Total amount of all post-payment credit notes issued for this invoice.';
COMMENT ON COLUMN "invoices"."pre_payment_credit_notes_amount" IS 'Total amount of all pre-payment credit notes issued for this invoice.';
COMMENT ON COLUMN "invoices"."quote" IS 'The quote this invoice was generated from.';
COMMENT ON COLUMN "invoices"."receipt_number" IS 'This is the transaction number that appears on email receipts sent for this invoice.';
COMMENT ON COLUMN "invoices"."rendering" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoices"."rendering_options" IS 'Options for invoice PDF rendering.';
COMMENT ON COLUMN "invoices"."shipping_cost" IS 'The details of the cost of shipping, including the ShippingRate applied on the invoice.';
COMMENT ON COLUMN "invoices"."shipping_details" IS 'Shipping details for the invoice.';
COMMENT ON COLUMN "invoices"."starting_balance" IS 'Starting customer balance before the invoice is finalized.';
COMMENT ON COLUMN "invoices"."statement_descriptor" IS 'Extra information about an invoice for the customer''s credit card statement.';
COMMENT ON COLUMN "invoices"."status" IS 'The status of the invoice, one of `draft`, `open`, `paid`, `uncollectible`, or `void`.';
COMMENT ON COLUMN "invoices"."subscription" IS 'The subscription that this invoice was prepared for, if any.';
COMMENT ON COLUMN "invoices"."subscription_details" IS 'Details about the subscription that created this invoice.';
COMMENT ON COLUMN "invoices"."subscription_proration_date" IS 'Only set for upcoming invoices that preview prorations.';
COMMENT ON COLUMN "invoices"."subtotal" IS 'Total of all subscriptions, invoice items, and prorations on the invoice before any invoice level discount or exclusive tax is applied.';
COMMENT ON COLUMN "invoices"."subtotal_excluding_tax" IS 'The integer amount in cents (or local equivalent) representing the subtotal of the invoice before any invoice level discount or tax is applied.';
COMMENT ON COLUMN "invoices"."tax" IS 'The amount of tax on this invoice.';
COMMENT ON COLUMN "invoices"."test_clock" IS 'ID of the test clock this invoice belongs to.';
COMMENT ON COLUMN "invoices"."total" IS 'Total after discounts and taxes.';
COMMENT ON COLUMN "invoices"."total_discount_amounts" IS 'The aggregate amounts calculated per discount across all line items.';
COMMENT ON COLUMN "invoices"."total_excluding_tax" IS 'The integer amount in cents (or local equivalent) representing the total amount of the invoice including all discounts but excluding all tax.';
COMMENT ON COLUMN "invoices"."total_pretax_credit_amounts" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoices"."total_tax_amounts" IS 'The aggregate amounts calculated per tax rate for all line items.';
COMMENT ON COLUMN "invoices"."total_taxes" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoices"."transfer_data" IS 'The account (if any) the payment will be attributed to for tax reporting, and where funds from the payment will be transferred to for the invoice.';
COMMENT ON COLUMN "invoices"."webhooks_delivered_at" IS 'Invoices are automatically paid or sent 1 hour after webhooks are delivered, or until all webhook delivery attempts have been exhausted.';

CREATE TABLE "invoice_items" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount')::numeric = trunc(("_raw_data"->'amount')::numeric) AND ("_raw_data"->'amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount')::bigint END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "customer_account" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_account') STORED,
    "date" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'date') WHEN 'number' THEN CASE WHEN ("_raw_data"->'date')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'date')::double precision) END END) STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "discountable" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'discountable') WHEN 'boolean' THEN ("_raw_data"->'discountable')::boolean END) STORED,
    "discounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'discounts') STORED,
    "invoice" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'invoice') WHEN 'string' THEN "_raw_data"->>'invoice' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'invoice'->'id') WHEN 'string' THEN "_raw_data"->'invoice'->>'id' END END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "net_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'net_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'net_amount')::numeric = trunc(("_raw_data"->'net_amount')::numeric) AND ("_raw_data"->'net_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'net_amount')::bigint END END) STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "parent" jsonb GENERATED ALWAYS AS ("_raw_data"->'parent') STORED,
    "period" jsonb GENERATED ALWAYS AS ("_raw_data"->'period') STORED,
    "price" jsonb GENERATED ALWAYS AS ("_raw_data"->'price') STORED,
    "pricing" jsonb GENERATED ALWAYS AS ("_raw_data"->'pricing') STORED,
    "proration" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'proration') WHEN 'boolean' THEN ("_raw_data"->'proration')::boolean END) STORED,
    "quantity" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'quantity') WHEN 'number' THEN CASE WHEN ("_raw_data"->'quantity')::numeric = trunc(("_raw_data"->'quantity')::numeric) AND ("_raw_data"->'quantity')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'quantity')::bigint END END) STORED,
    "quantity_decimal" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'quantity_decimal') WHEN 'number' THEN ("_raw_data"->'quantity_decimal')::numeric WHEN 'string' THEN CASE WHEN length("_raw_data"->>'quantity_decimal') <= 100 AND "_raw_data"->>'quantity_decimal' ~ '^-?[0-9]+(\.[0-9]+)?$' THEN ("_raw_data"->>'quantity_decimal')::numeric END END) STORED,
    "subscription" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subscription') WHEN 'string' THEN "_raw_data"->>'subscription' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'subscription'->'id') WHEN 'string' THEN "_raw_data"->'subscription'->>'id' END END) STORED,
    "subscription_item" text GENERATED ALWAYS AS ("_raw_data"->>'subscription_item') STORED,
    "tax_rates" jsonb GENERATED ALWAYS AS ("_raw_data"->'tax_rates') STORED,
    "test_clock" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'test_clock') WHEN 'string' THEN "_raw_data"->>'test_clock' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'test_clock'->'id') WHEN 'string' THEN "_raw_data"->'test_clock'->>'id' END END) STORED,
    "unit_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'unit_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'unit_amount')::numeric = trunc(("_raw_data"->'unit_amount')::numeric) AND ("_raw_data"->'unit_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'unit_amount')::bigint END END) STORED,
    "unit_amount_decimal" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'unit_amount_decimal') WHEN 'number' THEN ("_raw_data"->'unit_amount_decimal')::numeric WHEN 'string' THEN CASE WHEN length("_raw_data"->>'unit_amount_decimal') <= 100 AND "_raw_data"->>'unit_amount_decimal' ~ '^-?[0-9]+(\.[0-9]+)?$' THEN ("_raw_data"->>'unit_amount_decimal')::numeric END END) STORED
);
CREATE INDEX "invoice_items__account_id_idx" ON "invoice_items" ("_account_id");
CREATE INDEX "invoice_items_customer_idx" ON "invoice_items" ("customer");
CREATE INDEX "invoice_items_invoice_idx" ON "invoice_items" ("invoice");
CREATE INDEX "invoice_items_subscription_idx" ON "invoice_items" ("subscription");
COMMENT ON TABLE "invoice_items" IS 'Stripe invoiceitem objects. Invoice Items represent the component lines of an invoice.';
COMMENT ON COLUMN "invoice_items"."amount" IS 'Amount (in the `currency` specified) of the invoice item.';
COMMENT ON COLUMN "invoice_items"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "invoice_items"."customer" IS 'The ID of the customer who will be billed when this invoice item is billed.';
COMMENT ON COLUMN "invoice_items"."customer_account" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoice_items"."date" IS 'Time at which the object was created.';
COMMENT ON COLUMN "invoice_items"."description" IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN "invoice_items"."discountable" IS 'If true, discounts will apply to this invoice item.';
COMMENT ON COLUMN "invoice_items"."discounts" IS 'The discounts which apply to the invoice item.';
COMMENT ON COLUMN "invoice_items"."invoice" IS 'The ID of the invoice this invoice item belongs to.';
COMMENT ON COLUMN "invoice_items"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "invoice_items"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "invoice_items"."net_amount" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoice_items"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "invoice_items"."parent" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoice_items"."price" IS 'The price of the invoice item.';
COMMENT ON COLUMN "invoice_items"."pricing" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoice_items"."proration" IS 'Whether the invoice item was created automatically as a proration adjustment when the customer switched plans.';
COMMENT ON COLUMN "invoice_items"."quantity" IS 'Quantity of units for the invoice item.';
COMMENT ON COLUMN "invoice_items"."quantity_decimal" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoice_items"."subscription" IS 'The subscription that this invoice item has been created for, if any.';
COMMENT ON COLUMN "invoice_items"."subscription_item" IS 'The subscription item that this invoice item has been created for, if any.';
COMMENT ON COLUMN "invoice_items"."tax_rates" IS 'The tax rates which apply to the invoice item.';
COMMENT ON COLUMN "invoice_items"."test_clock" IS 'ID of the test clock this invoice item belongs to.';
COMMENT ON COLUMN "invoice_items"."unit_amount" IS 'Unit amount (in the `currency` specified) of the invoice item.';
COMMENT ON COLUMN "invoice_items"."unit_amount_decimal" IS 'Same as `unit_amount`, but contains a decimal value with at most 12 decimal places.';

CREATE TABLE "credit_notes" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount')::numeric = trunc(("_raw_data"->'amount')::numeric) AND ("_raw_data"->'amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount')::bigint END END) STORED,
    "amount_shipping" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_shipping') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_shipping')::numeric = trunc(("_raw_data"->'amount_shipping')::numeric) AND ("_raw_data"->'amount_shipping')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_shipping')::bigint END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "customer_account" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_account') STORED,
    "customer_balance_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer_balance_transaction') WHEN 'string' THEN "_raw_data"->>'customer_balance_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer_balance_transaction'->'id') WHEN 'string' THEN "_raw_data"->'customer_balance_transaction'->>'id' END END) STORED,
    "discount_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'discount_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'discount_amount')::numeric = trunc(("_raw_data"->'discount_amount')::numeric) AND ("_raw_data"->'discount_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'discount_amount')::bigint END END) STORED,
    "discount_amounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'discount_amounts') STORED,
    "effective_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'effective_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'effective_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'effective_at')::double precision) END END) STORED,
    "invoice" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'invoice') WHEN 'string' THEN "_raw_data"->>'invoice' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'invoice'->'id') WHEN 'string' THEN "_raw_data"->'invoice'->>'id' END END) STORED,
    "lines" jsonb GENERATED ALWAYS AS ("_raw_data"->'lines') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "memo" text GENERATED ALWAYS AS ("_raw_data"->>'memo') STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "number" text GENERATED ALWAYS AS ("_raw_data"->>'number') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "out_of_band_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'out_of_band_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'out_of_band_amount')::numeric = trunc(("_raw_data"->'out_of_band_amount')::numeric) AND ("_raw_data"->'out_of_band_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'out_of_band_amount')::bigint END END) STORED,
    "pdf" text GENERATED ALWAYS AS ("_raw_data"->>'pdf') STORED,
    "post_payment_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'post_payment_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'post_payment_amount')::numeric = trunc(("_raw_data"->'post_payment_amount')::numeric) AND ("_raw_data"->'post_payment_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'post_payment_amount')::bigint END END) STORED,
    "pre_payment_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'pre_payment_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'pre_payment_amount')::numeric = trunc(("_raw_data"->'pre_payment_amount')::numeric) AND ("_raw_data"->'pre_payment_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'pre_payment_amount')::bigint END END) STORED,
    "pretax_credit_amounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'pretax_credit_amounts') STORED,
    "reason" text GENERATED ALWAYS AS ("_raw_data"->>'reason') STORED,
    "refund" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'refund') WHEN 'string' THEN "_raw_data"->>'refund' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'refund'->'id') WHEN 'string' THEN "_raw_data"->'refund'->>'id' END END) STORED,
    "refunds" jsonb GENERATED ALWAYS AS ("_raw_data"->'refunds') STORED,
    "shipping_cost" jsonb GENERATED ALWAYS AS ("_raw_data"->'shipping_cost') STORED,
    "status" text GENERATED ALWAYS AS ("_raw_data"->>'status') STORED,
    "subtotal" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subtotal') WHEN 'number' THEN CASE WHEN ("_raw_data"->'subtotal')::numeric = trunc(("_raw_data"->'subtotal')::numeric) AND ("_raw_data"->'subtotal')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'subtotal')::bigint END END) STORED,
    "subtotal_excluding_tax" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subtotal_excluding_tax') WHEN 'number' THEN CASE WHEN ("_raw_data"->'subtotal_excluding_tax')::numeric = trunc(("_raw_data"->'subtotal_excluding_tax')::numeric) AND ("_raw_data"->'subtotal_excluding_tax')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'subtotal_excluding_tax')::bigint END END) STORED,
    "tax_amounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'tax_amounts') STORED,
    "total" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'total') WHEN 'number' THEN CASE WHEN ("_raw_data"->'total')::numeric = trunc(("_raw_data"->'total')::numeric) AND ("_raw_data"->'total')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'total')::bigint END END) STORED,
    "total_excluding_tax" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'total_excluding_tax') WHEN 'number' THEN CASE WHEN ("_raw_data"->'total_excluding_tax')::numeric = trunc(("_raw_data"->'total_excluding_tax')::numeric) AND ("_raw_data"->'total_excluding_tax')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'total_excluding_tax')::bigint END END) STORED,
    "total_taxes" jsonb GENERATED ALWAYS AS ("_raw_data"->'total_taxes') STORED,
    "type" text GENERATED ALWAYS AS ("_raw_data"->>'type') STORED,
    "voided_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'voided_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'voided_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'voided_at')::double precision) END END) STORED
);
CREATE INDEX "credit_notes__account_id_idx" ON "credit_notes" ("_account_id");
CREATE INDEX "credit_notes_customer_idx" ON "credit_notes" ("customer");
CREATE INDEX "credit_notes_invoice_idx" ON "credit_notes" ("invoice");
CREATE INDEX "credit_notes_refund_idx" ON "credit_notes" ("refund");
CREATE INDEX "credit_notes_created_idx" ON "credit_notes" ("created");
COMMENT ON TABLE "credit_notes" IS 'Stripe credit_note objects. Issue a credit note to adjust an invoice''s amount after the invoice is finalized.';
COMMENT ON COLUMN "credit_notes"."amount" IS 'The integer amount in cents (or local equivalent) representing the total amount of the credit note, including tax.';
COMMENT ON COLUMN "credit_notes"."amount_shipping" IS 'This is the sum of all the shipping amounts.';
COMMENT ON COLUMN "credit_notes"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "credit_notes"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "credit_notes"."customer" IS 'ID of the customer.';
COMMENT ON COLUMN "credit_notes"."customer_account" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "credit_notes"."customer_balance_transaction" IS 'Customer balance transaction related to this credit note.';
COMMENT ON COLUMN "credit_notes"."discount_amount" IS 'The integer amount in cents (or local equivalent) representing the total amount of discount that was credited.';
COMMENT ON COLUMN "credit_notes"."discount_amounts" IS 'The aggregate amounts calculated per discount for all line items.';
COMMENT ON COLUMN "credit_notes"."effective_at" IS 'The date when this credit note is in effect.';
COMMENT ON COLUMN "credit_notes"."invoice" IS 'ID of the invoice.';
COMMENT ON COLUMN "credit_notes"."lines" IS 'Line items that make up the credit note';
COMMENT ON COLUMN "credit_notes"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "credit_notes"."memo" IS 'Customer-facing text that appears on the credit note PDF.';
COMMENT ON COLUMN "credit_notes"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "credit_notes"."number" IS 'A unique number that identifies this particular credit note and appears on the PDF of the credit note and its associated invoice.';
COMMENT ON COLUMN "credit_notes"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "credit_notes"."out_of_band_amount" IS 'Amount that was credited outside of Stripe.';
COMMENT ON COLUMN "credit_notes"."pdf" IS 'The link to download the PDF of the credit note.';
COMMENT ON COLUMN "credit_notes"."post_payment_amount" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "credit_notes"."pre_payment_amount" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "credit_notes"."pretax_credit_amounts" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "credit_notes"."reason" IS 'Reason for issuing this credit note, one of `duplicate`, `fraudulent`, `order_change`, or `product_unsatisfactory`';
COMMENT ON COLUMN "credit_notes"."refund" IS 'Refund related to this credit note.';
COMMENT ON COLUMN "credit_notes"."refunds" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "credit_notes"."shipping_cost" IS 'The details of the cost of shipping, including the ShippingRate applied to the invoice.';
COMMENT ON COLUMN "credit_notes"."status" IS 'Status of this credit note, one of `issued` or `void`.';
COMMENT ON COLUMN "credit_notes"."subtotal" IS 'The integer amount in cents (or local equivalent) representing the amount of the credit note, excluding exclusive tax and invoice level discounts.';
COMMENT ON COLUMN "credit_notes"."subtotal_excluding_tax" IS 'The integer amount in cents (or local equivalent) representing the amount of the credit note, excluding all tax and invoice level discounts.';
COMMENT ON COLUMN "credit_notes"."tax_amounts" IS 'The aggregate amounts calculated per tax rate for all line items.';
COMMENT ON COLUMN "credit_notes"."total" IS 'The integer amount in cents (or local equivalent) representing the total amount of the credit note, including tax and all discount.';
COMMENT ON COLUMN "credit_notes"."total_excluding_tax" IS 'The integer amount in cents (or local equivalent) representing the total amount of the credit note, excluding tax, but including discounts.';
COMMENT ON COLUMN "credit_notes"."total_taxes" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "credit_notes"."type" IS 'Type of this credit note, one of `pre_payment` or `post_payment`.';
COMMENT ON COLUMN "credit_notes"."voided_at" IS 'The time that the credit note was voided.';

CREATE TABLE "subscriptions" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "application" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application') WHEN 'string' THEN "_raw_data"->>'application' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'application'->'id') WHEN 'string' THEN "_raw_data"->'application'->>'id' END END) STORED,
    "application_fee_percent" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application_fee_percent') WHEN 'number' THEN ("_raw_data"->'application_fee_percent')::numeric END) STORED,
    "automatic_tax" jsonb GENERATED ALWAYS AS ("_raw_data"->'automatic_tax') STORED,
    "billing_cycle_anchor" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'billing_cycle_anchor') WHEN 'number' THEN CASE WHEN ("_raw_data"->'billing_cycle_anchor')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'billing_cycle_anchor')::double precision) END END) STORED,
    "billing_cycle_anchor_config" jsonb GENERATED ALWAYS AS ("_raw_data"->'billing_cycle_anchor_config') STORED,
    "billing_mode" jsonb GENERATED ALWAYS AS ("_raw_data"->'billing_mode') STORED,
    "billing_schedules" jsonb GENERATED ALWAYS AS ("_raw_data"->'billing_schedules') STORED,
    "billing_thresholds" jsonb GENERATED ALWAYS AS ("_raw_data"->'billing_thresholds') STORED,
    "cancel_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'cancel_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'cancel_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'cancel_at')::double precision) END END) STORED,
    "cancel_at_period_end" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'cancel_at_period_end') WHEN 'boolean' THEN ("_raw_data"->'cancel_at_period_end')::boolean END) STORED,
    "canceled_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'canceled_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'canceled_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'canceled_at')::double precision) END END) STORED,
    "cancellation_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'cancellation_details') STORED,
    "collection_method" text GENERATED ALWAYS AS ("_raw_data"->>'collection_method') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "current_period_end" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'current_period_end') WHEN 'number' THEN CASE WHEN ("_raw_data"->'current_period_end')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'current_period_end')::double precision) END END) STORED,
    "current_period_start" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'current_period_start') WHEN 'number' THEN CASE WHEN ("_raw_data"->'current_period_start')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'current_period_start')::double precision) END END) STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "customer_account" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_account') STORED,
    "days_until_due" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'days_until_due') WHEN 'number' THEN CASE WHEN ("_raw_data"->'days_until_due')::numeric = trunc(("_raw_data"->'days_until_due')::numeric) AND ("_raw_data"->'days_until_due')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'days_until_due')::bigint END END) STORED,
    "default_payment_method" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'default_payment_method') WHEN 'string' THEN "_raw_data"->>'default_payment_method' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'default_payment_method'->'id') WHEN 'string' THEN "_raw_data"->'default_payment_method'->>'id' END END) STORED,
    "default_source" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'default_source') WHEN 'string' THEN "_raw_data"->>'default_source' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'default_source'->'id') WHEN 'string' THEN "_raw_data"->'default_source'->>'id' END END) STORED,
    "default_tax_rates" jsonb GENERATED ALWAYS AS ("_raw_data"->'default_tax_rates') STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "discount" jsonb GENERATED ALWAYS AS ("_raw_data"->'discount') STORED,
    "discounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'discounts') STORED,
    "ended_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'ended_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'ended_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'ended_at')::double precision) END END) STORED,
    "invoice_settings" jsonb GENERATED ALWAYS AS ("_raw_data"->'invoice_settings') STORED,
    "items" jsonb GENERATED ALWAYS AS ("_raw_data"->'items') STORED,
    "latest_invoice" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'latest_invoice') WHEN 'string' THEN "_raw_data"->>'latest_invoice' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'latest_invoice'->'id') WHEN 'string' THEN "_raw_data"->'latest_invoice'->>'id' END END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "managed_payments" jsonb GENERATED ALWAYS AS ("_raw_data"->'managed_payments') STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "next_pending_invoice_item_invoice" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'next_pending_invoice_item_invoice') WHEN 'number' THEN CASE WHEN ("_raw_data"->'next_pending_invoice_item_invoice')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'next_pending_invoice_item_invoice')::double precision) END END) STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "on_behalf_of" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'on_behalf_of') WHEN 'string' THEN "_raw_data"->>'on_behalf_of' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'on_behalf_of'->'id') WHEN 'string' THEN "_raw_data"->'on_behalf_of'->>'id' END END) STORED,
    "pause_collection" jsonb GENERATED ALWAYS AS ("_raw_data"->'pause_collection') STORED,
    "payment_settings" jsonb GENERATED ALWAYS AS ("_raw_data"->'payment_settings') STORED,
    "pending_invoice_item_interval" jsonb GENERATED ALWAYS AS ("_raw_data"->'pending_invoice_item_interval') STORED,
    "pending_setup_intent" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'pending_setup_intent') WHEN 'string' THEN "_raw_data"->>'pending_setup_intent' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'pending_setup_intent'->'id') WHEN 'string' THEN "_raw_data"->'pending_setup_intent'->>'id' END END) STORED,
    "pending_update" jsonb GENERATED ALWAYS AS ("_raw_data"->'pending_update') STORED,
    "schedule" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'schedule') WHEN 'string' THEN "_raw_data"->>'schedule' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'schedule'->'id') WHEN 'string' THEN "_raw_data"->'schedule'->>'id' END END) STORED,
    "start_date" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'start_date') WHEN 'number' THEN CASE WHEN ("_raw_data"->'start_date')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'start_date')::double precision) END END) STORED,
    "status" text GENERATED ALWAYS AS ("_raw_data"->>'status') STORED,
    "test_clock" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'test_clock') WHEN 'string' THEN "_raw_data"->>'test_clock' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'test_clock'->'id') WHEN 'string' THEN "_raw_data"->'test_clock'->>'id' END END) STORED,
    "transfer_data" jsonb GENERATED ALWAYS AS ("_raw_data"->'transfer_data') STORED,
    "trial_end" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'trial_end') WHEN 'number' THEN CASE WHEN ("_raw_data"->'trial_end')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'trial_end')::double precision) END END) STORED,
    "trial_settings" jsonb GENERATED ALWAYS AS ("_raw_data"->'trial_settings') STORED,
    "trial_start" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'trial_start') WHEN 'number' THEN CASE WHEN ("_raw_data"->'trial_start')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'trial_start')::double precision) END END) STORED
);
CREATE INDEX "subscriptions__account_id_idx" ON "subscriptions" ("_account_id");
CREATE INDEX "subscriptions_customer_idx" ON "subscriptions" ("customer");
CREATE INDEX "subscriptions_latest_invoice_idx" ON "subscriptions" ("latest_invoice");
CREATE INDEX "subscriptions_schedule_idx" ON "subscriptions" ("schedule");
CREATE INDEX "subscriptions_default_payment_method_idx" ON "subscriptions" ("default_payment_method");
CREATE INDEX "subscriptions_created_idx" ON "subscriptions" ("created");
COMMENT ON TABLE "subscriptions" IS 'Stripe subscription objects. Subscriptions allow you to charge a customer on a recurring basis.';
COMMENT ON COLUMN "subscriptions"."application" IS 'ID of the Connect Application that created the subscription.';
COMMENT ON COLUMN "subscriptions"."application_fee_percent" IS 'A non-negative decimal between 0 and 100, with at most two decimal places.';
COMMENT ON COLUMN "subscriptions"."billing_cycle_anchor" IS 'Determines the date of the first full invoice, and, for plans with `month` or `year` intervals, the day of the month for subsequent invoices.';
COMMENT ON COLUMN "subscriptions"."billing_cycle_anchor_config" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "subscriptions"."billing_mode" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "subscriptions"."billing_schedules" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "subscriptions"."billing_thresholds" IS 'Define thresholds at which an invoice will be sent, and the subscription advanced to a new billing period';
COMMENT ON COLUMN "subscriptions"."cancel_at" IS 'A date in the future at which the subscription will automatically get canceled';
COMMENT ON COLUMN "subscriptions"."cancel_at_period_end" IS 'If the subscription has been canceled with the `at_period_end` flag set to `true`, `cancel_at_period_end` on the subscription will be true.';
COMMENT ON COLUMN "subscriptions"."canceled_at" IS 'If the subscription has been canceled, the date of that cancellation.';
COMMENT ON COLUMN "subscriptions"."cancellation_details" IS 'Details about why this subscription was cancelled';
COMMENT ON COLUMN "subscriptions"."collection_method" IS 'Either `charge_automatically`, or `send_invoice`.';
COMMENT ON COLUMN "subscriptions"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "subscriptions"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "subscriptions"."current_period_end" IS 'End of the current period that the subscription has been invoiced for.';
COMMENT ON COLUMN "subscriptions"."current_period_start" IS 'Start of the current period that the subscription has been invoiced for.';
COMMENT ON COLUMN "subscriptions"."customer" IS 'ID of the customer who owns the subscription.';
COMMENT ON COLUMN "subscriptions"."customer_account" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "subscriptions"."days_until_due" IS 'Number of days a customer has to pay invoices generated by this subscription.';
COMMENT ON COLUMN "subscriptions"."default_payment_method" IS 'ID of the default payment method for the subscription.';
COMMENT ON COLUMN "subscriptions"."default_source" IS 'ID of the default payment source for the subscription.';
COMMENT ON COLUMN "subscriptions"."default_tax_rates" IS 'The tax rates that will apply to any subscription item that does not have `tax_rates` set.';
COMMENT ON COLUMN "subscriptions"."description" IS 'The subscription''s description, meant to be displayable to the customer.';
COMMENT ON COLUMN "subscriptions"."discount" IS 'Describes the current discount applied to this subscription, if there is one.';
COMMENT ON COLUMN "subscriptions"."discounts" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "subscriptions"."ended_at" IS 'If the subscription has ended, the date the subscription ended.';
COMMENT ON COLUMN "subscriptions"."invoice_settings" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "subscriptions"."items" IS 'List of subscription items, each with an attached price.';
COMMENT ON COLUMN "subscriptions"."latest_invoice" IS 'The most recent invoice this subscription has generated.';
COMMENT ON COLUMN "subscriptions"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "subscriptions"."managed_payments" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "subscriptions"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "subscriptions"."next_pending_invoice_item_invoice" IS 'Specifies the approximate timestamp on which any pending invoice items will be billed according to the schedule provided at `pending_invoice_item_interval`.';
COMMENT ON COLUMN "subscriptions"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "subscriptions"."on_behalf_of" IS 'The account (if any) the charge was made on behalf of for charges associated with this subscription.';
COMMENT ON COLUMN "subscriptions"."pause_collection" IS 'If specified, payment collection for this subscription will be paused.';
COMMENT ON COLUMN "subscriptions"."payment_settings" IS 'Payment settings passed on to invoices created by the subscription.';
COMMENT ON COLUMN "subscriptions"."pending_invoice_item_interval" IS 'Specifies an interval for how often to bill for any pending invoice items.';
COMMENT ON COLUMN "subscriptions"."pending_setup_intent" IS 'You can use this SetupIntent to collect user authentication when creating a subscription without immediate payment or updating a subscription''s payment method, allowing you to optimize for off-sess...';
COMMENT ON COLUMN "subscriptions"."pending_update" IS 'If specified, pending updates that will be applied to the subscription once the `latest_invoice` has been paid.';
COMMENT ON COLUMN "subscriptions"."schedule" IS 'The schedule attached to the subscription';
COMMENT ON COLUMN "subscriptions"."start_date" IS 'Date when the subscription was first created.';
COMMENT ON COLUMN "subscriptions"."status" IS 'Possible values are `incomplete`, `incomplete_expired`, `trialing`, `active`, `past_due`, `canceled`, or `unpaid`.';
COMMENT ON COLUMN "subscriptions"."test_clock" IS 'ID of the test clock this subscription belongs to.';
COMMENT ON COLUMN "subscriptions"."transfer_data" IS 'The account (if any) the subscription''s payments will be attributed to for tax reporting, and where funds from each payment will be transferred to for each of the subscription''s invoices.';
COMMENT ON COLUMN "subscriptions"."trial_end" IS 'If the subscription has a trial, the end of that trial.';
COMMENT ON COLUMN "subscriptions"."trial_settings" IS 'Settings related to subscription trials.';
COMMENT ON COLUMN "subscriptions"."trial_start" IS 'If the subscription has a trial, the beginning of that trial.';

CREATE TABLE "subscription_schedules" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "application" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application') WHEN 'string' THEN "_raw_data"->>'application' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'application'->'id') WHEN 'string' THEN "_raw_data"->'application'->>'id' END END) STORED,
    "billing_mode" jsonb GENERATED ALWAYS AS ("_raw_data"->'billing_mode') STORED,
    "canceled_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'canceled_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'canceled_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'canceled_at')::double precision) END END) STORED,
    "completed_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'completed_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'completed_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'completed_at')::double precision) END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "current_phase" jsonb GENERATED ALWAYS AS ("_raw_data"->'current_phase') STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "customer_account" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_account') STORED,
    "default_settings" jsonb GENERATED ALWAYS AS ("_raw_data"->'default_settings') STORED,
    "end_behavior" text GENERATED ALWAYS AS ("_raw_data"->>'end_behavior') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "phases" jsonb GENERATED ALWAYS AS ("_raw_data"->'phases') STORED,
    "released_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'released_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'released_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'released_at')::double precision) END END) STORED,
    "released_subscription" text GENERATED ALWAYS AS ("_raw_data"->>'released_subscription') STORED,
    "status" text GENERATED ALWAYS AS ("_raw_data"->>'status') STORED,
    "subscription" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subscription') WHEN 'string' THEN "_raw_data"->>'subscription' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'subscription'->'id') WHEN 'string' THEN "_raw_data"->'subscription'->>'id' END END) STORED,
    "test_clock" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'test_clock') WHEN 'string' THEN "_raw_data"->>'test_clock' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'test_clock'->'id') WHEN 'string' THEN "_raw_data"->'test_clock'->>'id' END END) STORED
);
CREATE INDEX "subscription_schedules__account_id_idx" ON "subscription_schedules" ("_account_id");
CREATE INDEX "subscription_schedules_customer_idx" ON "subscription_schedules" ("customer");
CREATE INDEX "subscription_schedules_subscription_idx" ON "subscription_schedules" ("subscription");
CREATE INDEX "subscription_schedules_created_idx" ON "subscription_schedules" ("created");
COMMENT ON TABLE "subscription_schedules" IS 'Stripe subscription_schedule objects. A subscription schedule allows you to create and manage the lifecycle of a subscription by predefining expected changes.';
COMMENT ON COLUMN "subscription_schedules"."application" IS 'ID of the Connect Application that created the schedule.';
COMMENT ON COLUMN "subscription_schedules"."billing_mode" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "subscription_schedules"."canceled_at" IS 'Time at which the subscription schedule was canceled.';
COMMENT ON COLUMN "subscription_schedules"."completed_at" IS 'Time at which the subscription schedule was completed.';
COMMENT ON COLUMN "subscription_schedules"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "subscription_schedules"."current_phase" IS 'Object representing the start and end dates for the current phase of the subscription schedule, if it is `active`.';
COMMENT ON COLUMN "subscription_schedules"."customer" IS 'ID of the customer who owns the subscription schedule.';
COMMENT ON COLUMN "subscription_schedules"."customer_account" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "subscription_schedules"."end_behavior" IS 'Behavior of the subscription schedule and underlying subscription when it ends.';
COMMENT ON COLUMN "subscription_schedules"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "subscription_schedules"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "subscription_schedules"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "subscription_schedules"."phases" IS 'Configuration for the subscription schedule''s phases.';
COMMENT ON COLUMN "subscription_schedules"."released_at" IS 'Time at which the subscription schedule was released.';
COMMENT ON COLUMN "subscription_schedules"."released_subscription" IS 'ID of the subscription once managed by the subscription schedule (if it is released).';
COMMENT ON COLUMN "subscription_schedules"."status" IS 'The present status of the subscription schedule.';
COMMENT ON COLUMN "subscription_schedules"."subscription" IS 'ID of the subscription managed by the subscription schedule.';
COMMENT ON COLUMN "subscription_schedules"."test_clock" IS 'ID of the test clock this subscription schedule belongs to.';

CREATE TABLE "checkout_sessions" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "adaptive_pricing" jsonb GENERATED ALWAYS AS ("_raw_data"->'adaptive_pricing') STORED,
    "after_expiration" jsonb GENERATED ALWAYS AS ("_raw_data"->'after_expiration') STORED,
    "allow_promotion_codes" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'allow_promotion_codes') WHEN 'boolean' THEN ("_raw_data"->'allow_promotion_codes')::boolean END) STORED,
    "amount_subtotal" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_subtotal') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_subtotal')::numeric = trunc(("_raw_data"->'amount_subtotal')::numeric) AND ("_raw_data"->'amount_subtotal')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_subtotal')::bigint END END) STORED,
    "amount_total" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_total') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_total')::numeric = trunc(("_raw_data"->'amount_total')::numeric) AND ("_raw_data"->'amount_total')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_total')::bigint END END) STORED,
    "automatic_tax" jsonb GENERATED ALWAYS AS ("_raw_data"->'automatic_tax') STORED,
    "billing_address_collection" text GENERATED ALWAYS AS ("_raw_data"->>'billing_address_collection') STORED,
    "cancel_url" text GENERATED ALWAYS AS ("_raw_data"->>'cancel_url') STORED,
    "client_reference_id" text GENERATED ALWAYS AS ("_raw_data"->>'client_reference_id') STORED,
    "client_secret" text GENERATED ALWAYS AS ("_raw_data"->>'client_secret') STORED,
    "collected_information" jsonb GENERATED ALWAYS AS ("_raw_data"->'collected_information') STORED,
    "consent" jsonb GENERATED ALWAYS AS ("_raw_data"->'consent') STORED,
    "consent_collection" jsonb GENERATED ALWAYS AS ("_raw_data"->'consent_collection') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "currency_conversion" jsonb GENERATED ALWAYS AS ("_raw_data"->'currency_conversion') STORED,
    "custom_fields" jsonb GENERATED ALWAYS AS ("_raw_data"->'custom_fields') STORED,
    "custom_text" jsonb GENERATED ALWAYS AS ("_raw_data"->'custom_text') STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "customer_account" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_account') STORED,
    "customer_creation" text GENERATED ALWAYS AS ("_raw_data"->>'customer_creation') STORED,
    "customer_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_details') STORED,
    "customer_email" text GENERATED ALWAYS AS ("_raw_data"->>'customer_email') STORED,
    "discounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'discounts') STORED,
    "expires_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'expires_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'expires_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'expires_at')::double precision) END END) STORED,
    "integration_identifier" jsonb GENERATED ALWAYS AS ("_raw_data"->'integration_identifier') STORED,
    "invoice" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'invoice') WHEN 'string' THEN "_raw_data"->>'invoice' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'invoice'->'id') WHEN 'string' THEN "_raw_data"->'invoice'->>'id' END END) STORED,
    "invoice_creation" jsonb GENERATED ALWAYS AS ("_raw_data"->'invoice_creation') STORED,
    "line_items" jsonb GENERATED ALWAYS AS ("_raw_data"->'line_items') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "locale" text GENERATED ALWAYS AS ("_raw_data"->>'locale') STORED,
    "managed_payments" jsonb GENERATED ALWAYS AS ("_raw_data"->'managed_payments') STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "mode" text GENERATED ALWAYS AS ("_raw_data"->>'mode') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "origin_context" jsonb GENERATED ALWAYS AS ("_raw_data"->'origin_context') STORED,
    "payment_intent" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_intent') WHEN 'string' THEN "_raw_data"->>'payment_intent' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_intent'->'id') WHEN 'string' THEN "_raw_data"->'payment_intent'->>'id' END END) STORED,
    "payment_link" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'payment_link') WHEN 'string' THEN "_raw_data"->>'payment_link' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'payment_link'->'id') WHEN 'string' THEN "_raw_data"->'payment_link'->>'id' END END) STORED,
    "payment_method_collection" text GENERATED ALWAYS AS ("_raw_data"->>'payment_method_collection') STORED,
    "payment_method_configuration_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'payment_method_configuration_details') STORED,
    "payment_method_options" jsonb GENERATED ALWAYS AS ("_raw_data"->'payment_method_options') STORED,
    "payment_method_types" jsonb GENERATED ALWAYS AS ("_raw_data"->'payment_method_types') STORED,
    "payment_status" text GENERATED ALWAYS AS ("_raw_data"->>'payment_status') STORED,
    "permissions" jsonb GENERATED ALWAYS AS ("_raw_data"->'permissions') STORED,
    "phone_number_collection" jsonb GENERATED ALWAYS AS ("_raw_data"->'phone_number_collection') STORED,
    "recovered_from" text GENERATED ALWAYS AS ("_raw_data"->>'recovered_from') STORED,
    "saved_payment_method_options" jsonb GENERATED ALWAYS AS ("_raw_data"->'saved_payment_method_options') STORED,
    "setup_intent" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'setup_intent') WHEN 'string' THEN "_raw_data"->>'setup_intent' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'setup_intent'->'id') WHEN 'string' THEN "_raw_data"->'setup_intent'->>'id' END END) STORED,
    "shipping_address_collection" jsonb GENERATED ALWAYS AS ("_raw_data"->'shipping_address_collection') STORED,
    "shipping_cost" jsonb GENERATED ALWAYS AS ("_raw_data"->'shipping_cost') STORED,
    "shipping_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'shipping_details') STORED,
    "shipping_options" jsonb GENERATED ALWAYS AS ("_raw_data"->'shipping_options') STORED,
    "status" text GENERATED ALWAYS AS ("_raw_data"->>'status') STORED,
    "submit_type" text GENERATED ALWAYS AS ("_raw_data"->>'submit_type') STORED,
    "subscription" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subscription') WHEN 'string' THEN "_raw_data"->>'subscription' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'subscription'->'id') WHEN 'string' THEN "_raw_data"->'subscription'->>'id' END END) STORED,
    "success_url" text GENERATED ALWAYS AS ("_raw_data"->>'success_url') STORED,
    "tax_id_collection" jsonb GENERATED ALWAYS AS ("_raw_data"->'tax_id_collection') STORED,
    "total_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'total_details') STORED,
    "ui_mode" jsonb GENERATED ALWAYS AS ("_raw_data"->'ui_mode') STORED,
    "url" text GENERATED ALWAYS AS ("_raw_data"->>'url') STORED,
    "wallet_options" jsonb GENERATED ALWAYS AS ("_raw_data"->'wallet_options') STORED
);
CREATE INDEX "checkout_sessions__account_id_idx" ON "checkout_sessions" ("_account_id");
CREATE INDEX "checkout_sessions_customer_idx" ON "checkout_sessions" ("customer");
CREATE INDEX "checkout_sessions_invoice_idx" ON "checkout_sessions" ("invoice");
CREATE INDEX "checkout_sessions_payment_intent_idx" ON "checkout_sessions" ("payment_intent");
CREATE INDEX "checkout_sessions_setup_intent_idx" ON "checkout_sessions" ("setup_intent");
CREATE INDEX "checkout_sessions_subscription_idx" ON "checkout_sessions" ("subscription");
CREATE INDEX "checkout_sessions_created_idx" ON "checkout_sessions" ("created");
COMMENT ON TABLE "checkout_sessions" IS 'Stripe checkout.session objects. A Checkout Session represents your customer''s session as they pay for one-time purchases or subscriptions through Checkout or Payment Links.';
COMMENT ON COLUMN "checkout_sessions"."adaptive_pricing" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_sessions"."after_expiration" IS 'When set, provides configuration for actions to take if this Checkout Session expires.';
COMMENT ON COLUMN "checkout_sessions"."allow_promotion_codes" IS 'Enables user redeemable promotion codes.';
COMMENT ON COLUMN "checkout_sessions"."amount_subtotal" IS 'Total of all items before discounts or taxes are applied.';
COMMENT ON COLUMN "checkout_sessions"."amount_total" IS 'Total of all items after discounts and taxes are applied.';
COMMENT ON COLUMN "checkout_sessions"."billing_address_collection" IS 'Describes whether Checkout should collect the customer''s billing address.';
COMMENT ON COLUMN "checkout_sessions"."cancel_url" IS 'If set, Checkout displays a back button and customers will be directed to this URL if they decide to cancel payment and return to your website.';
COMMENT ON COLUMN "checkout_sessions"."client_reference_id" IS 'A unique string to reference the Checkout Session.';
COMMENT ON COLUMN "checkout_sessions"."client_secret" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_sessions"."collected_information" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_sessions"."consent" IS 'Results of `consent_collection` for this session.';
COMMENT ON COLUMN "checkout_sessions"."consent_collection" IS 'When set, provides configuration for the Checkout Session to gather active consent from customers.';
COMMENT ON COLUMN "checkout_sessions"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "checkout_sessions"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "checkout_sessions"."currency_conversion" IS 'Currency conversion details for automatic currency conversion sessions';
COMMENT ON COLUMN "checkout_sessions"."custom_fields" IS 'Collect additional information from your customer using custom fields.';
COMMENT ON COLUMN "checkout_sessions"."customer" IS 'The ID of the customer for this Session.';
COMMENT ON COLUMN "checkout_sessions"."customer_account" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_sessions"."customer_creation" IS 'Configure whether a Checkout Session creates a Customer when the Checkout Session completes.';
COMMENT ON COLUMN "checkout_sessions"."customer_details" IS 'The customer details including the customer''s tax exempt status and the customer''s tax IDs.';
COMMENT ON COLUMN "checkout_sessions"."customer_email" IS 'If provided, this value will be used when the Customer object is created.';
COMMENT ON COLUMN "checkout_sessions"."discounts" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_sessions"."expires_at" IS 'The timestamp at which the Checkout Session will expire.';
COMMENT ON COLUMN "checkout_sessions"."integration_identifier" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_sessions"."invoice" IS 'ID of the invoice created by the Checkout Session, if it exists.';
COMMENT ON COLUMN "checkout_sessions"."invoice_creation" IS 'Details on the state of invoice creation for the Checkout Session.';
COMMENT ON COLUMN "checkout_sessions"."line_items" IS 'The line items purchased by the customer.';
COMMENT ON COLUMN "checkout_sessions"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "checkout_sessions"."locale" IS 'The IETF language tag of the locale Checkout is displayed in.';
COMMENT ON COLUMN "checkout_sessions"."managed_payments" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_sessions"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "checkout_sessions"."mode" IS 'The mode of the Checkout Session.';
COMMENT ON COLUMN "checkout_sessions"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "checkout_sessions"."origin_context" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_sessions"."payment_intent" IS 'The ID of the PaymentIntent for Checkout Sessions in `payment` mode.';
COMMENT ON COLUMN "checkout_sessions"."payment_link" IS 'The ID of the Payment Link that created this Session.';
COMMENT ON COLUMN "checkout_sessions"."payment_method_collection" IS 'Configure whether a Checkout Session should collect a payment method.';
COMMENT ON COLUMN "checkout_sessions"."payment_method_configuration_details" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_sessions"."payment_method_options" IS 'Payment-method-specific configuration for the PaymentIntent or SetupIntent of this CheckoutSession.';
COMMENT ON COLUMN "checkout_sessions"."payment_method_types" IS 'A list of the types of payment methods (e.g. card) this Checkout Session is allowed to accept.';
COMMENT ON COLUMN "checkout_sessions"."payment_status" IS 'The payment status of the Checkout Session, one of `paid`, `unpaid`, or `no_payment_required`.';
COMMENT ON COLUMN "checkout_sessions"."permissions" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_sessions"."recovered_from" IS 'The ID of the original expired Checkout Session that triggered the recovery flow.';
COMMENT ON COLUMN "checkout_sessions"."saved_payment_method_options" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_sessions"."setup_intent" IS 'The ID of the SetupIntent for Checkout Sessions in `setup` mode.';
COMMENT ON COLUMN "checkout_sessions"."shipping_address_collection" IS 'When set, provides configuration for Checkout to collect a shipping address from a customer.';
COMMENT ON COLUMN "checkout_sessions"."shipping_cost" IS 'The details of the customer cost of shipping, including the customer chosen ShippingRate.';
COMMENT ON COLUMN "checkout_sessions"."shipping_details" IS 'Shipping information for this Checkout Session.';
COMMENT ON COLUMN "checkout_sessions"."shipping_options" IS 'The shipping rate options applied to this Session.';
COMMENT ON COLUMN "checkout_sessions"."status" IS 'The status of the Checkout Session, one of `open`, `complete`, or `expired`.';
COMMENT ON COLUMN "checkout_sessions"."submit_type" IS 'Describes the type of transaction being performed by Checkout in order to customize relevant text on the page, such as the submit button.';
COMMENT ON COLUMN "checkout_sessions"."subscription" IS 'The ID of the subscription for Checkout Sessions in `subscription` mode.';
COMMENT ON COLUMN "checkout_sessions"."success_url" IS 'The URL the customer will be directed to after the payment or subscription creation is successful.';
COMMENT ON COLUMN "checkout_sessions"."total_details" IS 'Tax and discount details for the computed total amount.';
COMMENT ON COLUMN "checkout_sessions"."ui_mode" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_sessions"."url" IS 'The URL to the Checkout Session.';
COMMENT ON COLUMN "checkout_sessions"."wallet_options" IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE TABLE "payouts" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount')::numeric = trunc(("_raw_data"->'amount')::numeric) AND ("_raw_data"->'amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount')::bigint END END) STORED,
    "application_fee" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application_fee') WHEN 'string' THEN "_raw_data"->>'application_fee' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'application_fee'->'id') WHEN 'string' THEN "_raw_data"->'application_fee'->>'id' END END) STORED,
    "application_fee_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application_fee_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'application_fee_amount')::numeric = trunc(("_raw_data"->'application_fee_amount')::numeric) AND ("_raw_data"->'application_fee_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'application_fee_amount')::bigint END END) STORED,
    "arrival_date" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'arrival_date') WHEN 'number' THEN CASE WHEN ("_raw_data"->'arrival_date')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'arrival_date')::double precision) END END) STORED,
    "automatic" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'automatic') WHEN 'boolean' THEN ("_raw_data"->'automatic')::boolean END) STORED,
    "balance_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'balance_transaction') WHEN 'string' THEN "_raw_data"->>'balance_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'balance_transaction'->'id') WHEN 'string' THEN "_raw_data"->'balance_transaction'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "destination" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'destination') WHEN 'string' THEN "_raw_data"->>'destination' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'destination'->'id') WHEN 'string' THEN "_raw_data"->'destination'->>'id' END END) STORED,
    "failure_balance_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'failure_balance_transaction') WHEN 'string' THEN "_raw_data"->>'failure_balance_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'failure_balance_transaction'->'id') WHEN 'string' THEN "_raw_data"->'failure_balance_transaction'->>'id' END END) STORED,
    "failure_code" text GENERATED ALWAYS AS ("_raw_data"->>'failure_code') STORED,
    "failure_message" text GENERATED ALWAYS AS ("_raw_data"->>'failure_message') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "method" text GENERATED ALWAYS AS ("_raw_data"->>'method') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "original_payout" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'original_payout') WHEN 'string' THEN "_raw_data"->>'original_payout' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'original_payout'->'id') WHEN 'string' THEN "_raw_data"->'original_payout'->>'id' END END) STORED,
    "payout_method" jsonb GENERATED ALWAYS AS ("_raw_data"->'payout_method') STORED,
    "reconciliation_status" text GENERATED ALWAYS AS ("_raw_data"->>'reconciliation_status') STORED,
    "reversed_by" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'reversed_by') WHEN 'string' THEN "_raw_data"->>'reversed_by' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'reversed_by'->'id') WHEN 'string' THEN "_raw_data"->'reversed_by'->>'id' END END) STORED,
    "source_type" text GENERATED ALWAYS AS ("_raw_data"->>'source_type') STORED,
    "statement_descriptor" text GENERATED ALWAYS AS ("_raw_data"->>'statement_descriptor') STORED,
    "status" text GENERATED ALWAYS AS ("_raw_data"->>'status') STORED,
    "trace_id" jsonb GENERATED ALWAYS AS ("_raw_data"->'trace_id') STORED,
    "type" text GENERATED ALWAYS AS ("_raw_data"->>'type') STORED
);
CREATE INDEX "payouts__account_id_idx" ON "payouts" ("_account_id");
CREATE INDEX "payouts_balance_transaction_idx" ON "payouts" ("balance_transaction");
CREATE INDEX "payouts_created_idx" ON "payouts" ("created");
COMMENT ON TABLE "payouts" IS 'Stripe payout objects. A `Payout` object is created when you receive funds from Stripe, or when you initiate a payout to either a bank account or debit card of a connected Stripe account.';
COMMENT ON COLUMN "payouts"."amount" IS 'Amount (in cents (or local equivalent)) to be transferred to your bank account or debit card.';
COMMENT ON COLUMN "payouts"."application_fee" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "payouts"."application_fee_amount" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "payouts"."arrival_date" IS 'Date the payout is expected to arrive in the bank.';
COMMENT ON COLUMN "payouts"."automatic" IS 'Returns `true` if the payout was created by an automated payout schedule, and `false` if it was requested manually.';
COMMENT ON COLUMN "payouts"."balance_transaction" IS 'ID of the balance transaction that describes the impact of this payout on your account balance.';
COMMENT ON COLUMN "payouts"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "payouts"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "payouts"."description" IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN "payouts"."destination" IS 'ID of the bank account or card the payout was sent to.';
COMMENT ON COLUMN "payouts"."failure_balance_transaction" IS 'If the payout failed or was canceled, this will be the ID of the balance transaction that reversed the initial balance transaction, and puts the funds from the failed payout back in your balance.';
COMMENT ON COLUMN "payouts"."failure_code" IS 'Error code explaining reason for payout failure if available.';
COMMENT ON COLUMN "payouts"."failure_message" IS 'Message to user further explaining reason for payout failure if available.';
COMMENT ON COLUMN "payouts"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "payouts"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "payouts"."method" IS 'The method used to send this payout, which can be `standard` or `instant`.';
COMMENT ON COLUMN "payouts"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "payouts"."original_payout" IS 'If the payout reverses another, this is the ID of the original payout.';
COMMENT ON COLUMN "payouts"."payout_method" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "payouts"."reconciliation_status" IS 'If `completed`, the Balance Transactions API may be used to list all Balance Transactions that were paid out in this payout.';
COMMENT ON COLUMN "payouts"."reversed_by" IS 'If the payout was reversed, this is the ID of the payout that reverses this payout.';
COMMENT ON COLUMN "payouts"."source_type" IS 'The source balance this payout came from.';
COMMENT ON COLUMN "payouts"."statement_descriptor" IS 'Extra information about a payout to be displayed on the user''s bank statement.';
COMMENT ON COLUMN "payouts"."status" IS 'Current status of the payout: `paid`, `pending`, `in_transit`, `canceled` or `failed`.';
COMMENT ON COLUMN "payouts"."trace_id" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "payouts"."type" IS 'Can be `bank_account` or `card`.';

CREATE TABLE "balance_transactions" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount')::numeric = trunc(("_raw_data"->'amount')::numeric) AND ("_raw_data"->'amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount')::bigint END END) STORED,
    "available_on" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'available_on') WHEN 'number' THEN CASE WHEN ("_raw_data"->'available_on')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'available_on')::double precision) END END) STORED,
    "balance_type" text GENERATED ALWAYS AS ("_raw_data"->>'balance_type') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "exchange_rate" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'exchange_rate') WHEN 'number' THEN ("_raw_data"->'exchange_rate')::numeric END) STORED,
    "fee" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'fee') WHEN 'number' THEN CASE WHEN ("_raw_data"->'fee')::numeric = trunc(("_raw_data"->'fee')::numeric) AND ("_raw_data"->'fee')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'fee')::bigint END END) STORED,
    "fee_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'fee_details') STORED,
    "net" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'net') WHEN 'number' THEN CASE WHEN ("_raw_data"->'net')::numeric = trunc(("_raw_data"->'net')::numeric) AND ("_raw_data"->'net')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'net')::bigint END END) STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "reporting_category" text GENERATED ALWAYS AS ("_raw_data"->>'reporting_category') STORED,
    "source" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'source') WHEN 'string' THEN "_raw_data"->>'source' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'source'->'id') WHEN 'string' THEN "_raw_data"->'source'->>'id' END END) STORED,
    "status" text GENERATED ALWAYS AS ("_raw_data"->>'status') STORED,
    "type" text GENERATED ALWAYS AS ("_raw_data"->>'type') STORED
);
CREATE INDEX "balance_transactions__account_id_idx" ON "balance_transactions" ("_account_id");
CREATE INDEX "balance_transactions_created_idx" ON "balance_transactions" ("created");
COMMENT ON TABLE "balance_transactions" IS 'Stripe balance_transaction objects. Balance transactions represent funds moving through your Stripe account.';
COMMENT ON COLUMN "balance_transactions"."amount" IS 'Gross amount of the transaction, in cents (or local equivalent).';
COMMENT ON COLUMN "balance_transactions"."available_on" IS 'The date the transaction''s net funds will become available in the Stripe balance.';
COMMENT ON COLUMN "balance_transactions"."balance_type" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "balance_transactions"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "balance_transactions"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "balance_transactions"."description" IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN "balance_transactions"."exchange_rate" IS 'The exchange rate used, if applicable, for this transaction.';
COMMENT ON COLUMN "balance_transactions"."fee" IS 'Fees (in cents (or local equivalent)) paid for this transaction.';
COMMENT ON COLUMN "balance_transactions"."fee_details" IS 'Detailed breakdown of fees (in cents (or local equivalent)) paid for this transaction.';
COMMENT ON COLUMN "balance_transactions"."net" IS 'Net amount of the transaction, in cents (or local equivalent).';
COMMENT ON COLUMN "balance_transactions"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "balance_transactions"."reporting_category" IS 'Learn more about how reporting categories can help you understand balance transactions from an accounting perspective.';
COMMENT ON COLUMN "balance_transactions"."source" IS 'The Stripe object to which this transaction is related.';
COMMENT ON COLUMN "balance_transactions"."status" IS 'If the transaction''s net funds are available in the Stripe balance yet.';
COMMENT ON COLUMN "balance_transactions"."type" IS 'Transaction type: `adjustment`, `advance`, `advance_funding`, `anticipation_repayment`, `application_fee`, `application_fee_refund`, `charge`, `connect_collection_transfer`, `contribution`, `issuin...';

CREATE TABLE "transfers" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount')::numeric = trunc(("_raw_data"->'amount')::numeric) AND ("_raw_data"->'amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount')::bigint END END) STORED,
    "amount_reversed" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_reversed') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_reversed')::numeric = trunc(("_raw_data"->'amount_reversed')::numeric) AND ("_raw_data"->'amount_reversed')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_reversed')::bigint END END) STORED,
    "balance_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'balance_transaction') WHEN 'string' THEN "_raw_data"->>'balance_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'balance_transaction'->'id') WHEN 'string' THEN "_raw_data"->'balance_transaction'->>'id' END END) STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "destination" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'destination') WHEN 'string' THEN "_raw_data"->>'destination' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'destination'->'id') WHEN 'string' THEN "_raw_data"->'destination'->>'id' END END) STORED,
    "destination_payment" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'destination_payment') WHEN 'string' THEN "_raw_data"->>'destination_payment' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'destination_payment'->'id') WHEN 'string' THEN "_raw_data"->'destination_payment'->>'id' END END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "reversals" jsonb GENERATED ALWAYS AS ("_raw_data"->'reversals') STORED,
    "reversed" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'reversed') WHEN 'boolean' THEN ("_raw_data"->'reversed')::boolean END) STORED,
    "source_transaction" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'source_transaction') WHEN 'string' THEN "_raw_data"->>'source_transaction' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'source_transaction'->'id') WHEN 'string' THEN "_raw_data"->'source_transaction'->>'id' END END) STORED,
    "source_type" text GENERATED ALWAYS AS ("_raw_data"->>'source_type') STORED,
    "transfer_group" text GENERATED ALWAYS AS ("_raw_data"->>'transfer_group') STORED
);
CREATE INDEX "transfers__account_id_idx" ON "transfers" ("_account_id");
CREATE INDEX "transfers_balance_transaction_idx" ON "transfers" ("balance_transaction");
CREATE INDEX "transfers_created_idx" ON "transfers" ("created");
COMMENT ON TABLE "transfers" IS 'Stripe transfer objects. A `Transfer` object is created when you move funds between Stripe accounts as part of Connect.';
COMMENT ON COLUMN "transfers"."amount" IS 'Amount in cents (or local equivalent) to be transferred.';
COMMENT ON COLUMN "transfers"."amount_reversed" IS 'Amount in cents (or local equivalent) reversed (can be less than the amount attribute on the transfer if a partial reversal was issued).';
COMMENT ON COLUMN "transfers"."balance_transaction" IS 'Balance transaction that describes the impact of this transfer on your account balance.';
COMMENT ON COLUMN "transfers"."created" IS 'Time that this record of the transfer was first created.';
COMMENT ON COLUMN "transfers"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "transfers"."description" IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN "transfers"."destination" IS 'ID of the Stripe account the transfer was sent to.';
COMMENT ON COLUMN "transfers"."destination_payment" IS 'If the destination is a Stripe account, this will be the ID of the payment that the destination account received for the transfer.';
COMMENT ON COLUMN "transfers"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "transfers"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "transfers"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "transfers"."reversals" IS 'A list of reversals that have been applied to the transfer.';
COMMENT ON COLUMN "transfers"."reversed" IS 'Whether the transfer has been fully reversed.';
COMMENT ON COLUMN "transfers"."source_transaction" IS 'ID of the charge or payment that was used to fund the transfer.';
COMMENT ON COLUMN "transfers"."source_type" IS 'The source balance this transfer came from.';
COMMENT ON COLUMN "transfers"."transfer_group" IS 'A string that identifies this transaction as part of a group.';

CREATE TABLE "quotes" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "amount_subtotal" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_subtotal') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_subtotal')::numeric = trunc(("_raw_data"->'amount_subtotal')::numeric) AND ("_raw_data"->'amount_subtotal')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_subtotal')::bigint END END) STORED,
    "amount_total" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_total') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_total')::numeric = trunc(("_raw_data"->'amount_total')::numeric) AND ("_raw_data"->'amount_total')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_total')::bigint END END) STORED,
    "application" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application') WHEN 'string' THEN "_raw_data"->>'application' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'application'->'id') WHEN 'string' THEN "_raw_data"->'application'->>'id' END END) STORED,
    "application_fee_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application_fee_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'application_fee_amount')::numeric = trunc(("_raw_data"->'application_fee_amount')::numeric) AND ("_raw_data"->'application_fee_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'application_fee_amount')::bigint END END) STORED,
    "application_fee_percent" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'application_fee_percent') WHEN 'number' THEN ("_raw_data"->'application_fee_percent')::numeric END) STORED,
    "automatic_tax" jsonb GENERATED ALWAYS AS ("_raw_data"->'automatic_tax') STORED,
    "collection_method" text GENERATED ALWAYS AS ("_raw_data"->>'collection_method') STORED,
    "computed" jsonb GENERATED ALWAYS AS ("_raw_data"->'computed') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "customer" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'customer') WHEN 'string' THEN "_raw_data"->>'customer' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'customer'->'id') WHEN 'string' THEN "_raw_data"->'customer'->>'id' END END) STORED,
    "customer_account" jsonb GENERATED ALWAYS AS ("_raw_data"->'customer_account') STORED,
    "default_tax_rates" jsonb GENERATED ALWAYS AS ("_raw_data"->'default_tax_rates') STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "discounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'discounts') STORED,
    "expires_at" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'expires_at') WHEN 'number' THEN CASE WHEN ("_raw_data"->'expires_at')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'expires_at')::double precision) END END) STORED,
    "footer" text GENERATED ALWAYS AS ("_raw_data"->>'footer') STORED,
    "from_quote" jsonb GENERATED ALWAYS AS ("_raw_data"->'from_quote') STORED,
    "header" text GENERATED ALWAYS AS ("_raw_data"->>'header') STORED,
    "invoice" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'invoice') WHEN 'string' THEN "_raw_data"->>'invoice' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'invoice'->'id') WHEN 'string' THEN "_raw_data"->'invoice'->>'id' END END) STORED,
    "invoice_settings" jsonb GENERATED ALWAYS AS ("_raw_data"->'invoice_settings') STORED,
    "line_items" jsonb GENERATED ALWAYS AS ("_raw_data"->'line_items') STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "number" text GENERATED ALWAYS AS ("_raw_data"->>'number') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "on_behalf_of" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'on_behalf_of') WHEN 'string' THEN "_raw_data"->>'on_behalf_of' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'on_behalf_of'->'id') WHEN 'string' THEN "_raw_data"->'on_behalf_of'->>'id' END END) STORED,
    "status" text GENERATED ALWAYS AS ("_raw_data"->>'status') STORED,
    "status_transitions" jsonb GENERATED ALWAYS AS ("_raw_data"->'status_transitions') STORED,
    "subscription" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subscription') WHEN 'string' THEN "_raw_data"->>'subscription' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'subscription'->'id') WHEN 'string' THEN "_raw_data"->'subscription'->>'id' END END) STORED,
    "subscription_data" jsonb GENERATED ALWAYS AS ("_raw_data"->'subscription_data') STORED,
    "subscription_schedule" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subscription_schedule') WHEN 'string' THEN "_raw_data"->>'subscription_schedule' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'subscription_schedule'->'id') WHEN 'string' THEN "_raw_data"->'subscription_schedule'->>'id' END END) STORED,
    "test_clock" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'test_clock') WHEN 'string' THEN "_raw_data"->>'test_clock' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'test_clock'->'id') WHEN 'string' THEN "_raw_data"->'test_clock'->>'id' END END) STORED,
    "total_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'total_details') STORED,
    "transfer_data" jsonb GENERATED ALWAYS AS ("_raw_data"->'transfer_data') STORED
);
CREATE INDEX "quotes__account_id_idx" ON "quotes" ("_account_id");
CREATE INDEX "quotes_customer_idx" ON "quotes" ("customer");
CREATE INDEX "quotes_invoice_idx" ON "quotes" ("invoice");
CREATE INDEX "quotes_subscription_idx" ON "quotes" ("subscription");
CREATE INDEX "quotes_created_idx" ON "quotes" ("created");
COMMENT ON TABLE "quotes" IS 'Stripe quote objects. A Quote is a way to model prices that you''d like to provide to a customer.';
COMMENT ON COLUMN "quotes"."amount_subtotal" IS 'Total before any discounts or taxes are applied.';
COMMENT ON COLUMN "quotes"."amount_total" IS 'Total after discounts and taxes are applied.';
COMMENT ON COLUMN "quotes"."application" IS 'ID of the Connect Application that created the quote.';
COMMENT ON COLUMN "quotes"."application_fee_amount" IS 'The amount of the application fee (if any) that will be requested to be applied to the payment and transferred to the application owner''s Stripe account.';
COMMENT ON COLUMN "quotes"."application_fee_percent" IS 'A non-negative decimal between 0 and 100, with at most two decimal places.';
COMMENT ON COLUMN "quotes"."collection_method" IS 'Either `charge_automatically`, or `send_invoice`.';
COMMENT ON COLUMN "quotes"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "quotes"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "quotes"."customer" IS 'The customer which this quote belongs to.';
COMMENT ON COLUMN "quotes"."customer_account" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "quotes"."default_tax_rates" IS 'The tax rates applied to this quote.';
COMMENT ON COLUMN "quotes"."description" IS 'A description that will be displayed on the quote PDF.';
COMMENT ON COLUMN "quotes"."discounts" IS 'The discounts applied to this quote.';
COMMENT ON COLUMN "quotes"."expires_at" IS 'The date on which the quote will be canceled if in `open` or `draft` status.';
COMMENT ON COLUMN "quotes"."footer" IS 'A footer that will be displayed on the quote PDF.';
COMMENT ON COLUMN "quotes"."from_quote" IS 'Details of the quote that was cloned.';
COMMENT ON COLUMN "quotes"."header" IS 'A header that will be displayed on the quote PDF.';
COMMENT ON COLUMN "quotes"."invoice" IS 'The invoice that was created from this quote.';
COMMENT ON COLUMN "quotes"."invoice_settings" IS 'All invoices will be billed using the specified settings.';
COMMENT ON COLUMN "quotes"."line_items" IS 'A list of items the customer is being quoted for.';
COMMENT ON COLUMN "quotes"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "quotes"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "quotes"."number" IS 'A unique number that identifies this particular quote.';
COMMENT ON COLUMN "quotes"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "quotes"."on_behalf_of" IS 'The account on behalf of which to charge.';
COMMENT ON COLUMN "quotes"."status" IS 'The status of the quote.';
COMMENT ON COLUMN "quotes"."subscription" IS 'The subscription that was created or updated from this quote.';
COMMENT ON COLUMN "quotes"."subscription_schedule" IS 'The subscription schedule that was created or updated from this quote.';
COMMENT ON COLUMN "quotes"."test_clock" IS 'ID of the test clock this quote belongs to.';
COMMENT ON COLUMN "quotes"."transfer_data" IS 'The account (if any) the payments will be attributed to for tax reporting, and where funds from each payment will be transferred to for each of the invoices.';

CREATE TABLE "features" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "active" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'active') WHEN 'boolean' THEN ("_raw_data"->'active')::boolean END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "lookup_key" text GENERATED ALWAYS AS ("_raw_data"->>'lookup_key') STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "name" text GENERATED ALWAYS AS ("_raw_data"->>'name') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED
);
CREATE INDEX "features__account_id_idx" ON "features" ("_account_id");
COMMENT ON TABLE "features" IS 'Stripe entitlements.feature objects.';
COMMENT ON COLUMN "features"."active" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "features"."livemode" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "features"."lookup_key" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "features"."metadata" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "features"."name" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "features"."object" IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE TABLE "active_entitlements" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "customer" text NOT NULL,
    "feature" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'feature') WHEN 'string' THEN "_raw_data"->>'feature' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'feature'->'id') WHEN 'string' THEN "_raw_data"->'feature'->>'id' END END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "lookup_key" text GENERATED ALWAYS AS ("_raw_data"->>'lookup_key') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED
);
CREATE INDEX "active_entitlements__account_id_idx" ON "active_entitlements" ("_account_id");
CREATE INDEX "active_entitlements_customer_idx" ON "active_entitlements" ("customer");
CREATE INDEX "active_entitlements_feature_idx" ON "active_entitlements" ("feature");
COMMENT ON TABLE "active_entitlements" IS 'Stripe entitlements.active_entitlement objects, children of customer (its id in column customer).';
COMMENT ON COLUMN "active_entitlements"."customer" IS 'Id of the parent customer; set by the write path.';
COMMENT ON COLUMN "active_entitlements"."feature" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "active_entitlements"."livemode" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "active_entitlements"."lookup_key" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "active_entitlements"."object" IS 'A newer field, not in the API 2023-08-16 description of this object.';

CREATE TABLE "subscription_items" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "subscription" text NOT NULL,
    "billing_thresholds" jsonb GENERATED ALWAYS AS ("_raw_data"->'billing_thresholds') STORED,
    "created" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'created') WHEN 'number' THEN CASE WHEN ("_raw_data"->'created')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'created')::double precision) END END) STORED,
    "current_period_end" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'current_period_end') WHEN 'number' THEN CASE WHEN ("_raw_data"->'current_period_end')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'current_period_end')::double precision) END END) STORED,
    "current_period_start" timestamptz GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'current_period_start') WHEN 'number' THEN CASE WHEN ("_raw_data"->'current_period_start')::numeric BETWEEN -62135596800 AND 253402300799 THEN to_timestamp(("_raw_data"->'current_period_start')::double precision) END END) STORED,
    "discounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'discounts') STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "plan" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'plan') WHEN 'string' THEN "_raw_data"->>'plan' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'plan'->'id') WHEN 'string' THEN "_raw_data"->'plan'->>'id' END END) STORED,
    "price" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'price') WHEN 'string' THEN "_raw_data"->>'price' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'price'->'id') WHEN 'string' THEN "_raw_data"->'price'->>'id' END END) STORED,
    "quantity" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'quantity') WHEN 'number' THEN CASE WHEN ("_raw_data"->'quantity')::numeric = trunc(("_raw_data"->'quantity')::numeric) AND ("_raw_data"->'quantity')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'quantity')::bigint END END) STORED,
    "tax_rates" jsonb GENERATED ALWAYS AS ("_raw_data"->'tax_rates') STORED
);
CREATE INDEX "subscription_items__account_id_idx" ON "subscription_items" ("_account_id");
CREATE INDEX "subscription_items_subscription_idx" ON "subscription_items" ("subscription");
CREATE INDEX "subscription_items_price_idx" ON "subscription_items" ("price");
CREATE INDEX "subscription_items_plan_idx" ON "subscription_items" ("plan");
CREATE INDEX "subscription_items_created_idx" ON "subscription_items" ("created");
COMMENT ON TABLE "subscription_items" IS 'Stripe subscription_item objects, children of subscription (its id in column subscription). Subscription items allow you to create customer subscriptions with more than one plan, making it easy to represent complex billing relationships.';
COMMENT ON COLUMN "subscription_items"."subscription" IS 'Id of the parent subscription; set by the write path.';
COMMENT ON COLUMN "subscription_items"."billing_thresholds" IS 'Define thresholds at which an invoice will be sent, and the related subscription advanced to a new billing period';
COMMENT ON COLUMN "subscription_items"."created" IS 'Time at which the object was created.';
COMMENT ON COLUMN "subscription_items"."current_period_end" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "subscription_items"."current_period_start" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "subscription_items"."discounts" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "subscription_items"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "subscription_items"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "subscription_items"."plan" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "subscription_items"."quantity" IS 'The quantity of the plan to which the customer should be subscribed.';
COMMENT ON COLUMN "subscription_items"."tax_rates" IS 'The tax rates which apply to this `subscription_item`.';

CREATE TABLE "invoice_line_items" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "invoice" text NOT NULL,
    "amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount')::numeric = trunc(("_raw_data"->'amount')::numeric) AND ("_raw_data"->'amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount')::bigint END END) STORED,
    "amount_excluding_tax" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_excluding_tax') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_excluding_tax')::numeric = trunc(("_raw_data"->'amount_excluding_tax')::numeric) AND ("_raw_data"->'amount_excluding_tax')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_excluding_tax')::bigint END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "discount_amounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'discount_amounts') STORED,
    "discountable" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'discountable') WHEN 'boolean' THEN ("_raw_data"->'discountable')::boolean END) STORED,
    "discounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'discounts') STORED,
    "invoice_item" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'invoice_item') WHEN 'string' THEN "_raw_data"->>'invoice_item' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'invoice_item'->'id') WHEN 'string' THEN "_raw_data"->'invoice_item'->>'id' END END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "parent" jsonb GENERATED ALWAYS AS ("_raw_data"->'parent') STORED,
    "period" jsonb GENERATED ALWAYS AS ("_raw_data"->'period') STORED,
    "pretax_credit_amounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'pretax_credit_amounts') STORED,
    "price" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'price') WHEN 'string' THEN "_raw_data"->>'price' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'price'->'id') WHEN 'string' THEN "_raw_data"->'price'->>'id' END END) STORED,
    "pricing" jsonb GENERATED ALWAYS AS ("_raw_data"->'pricing') STORED,
    "proration" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'proration') WHEN 'boolean' THEN ("_raw_data"->'proration')::boolean END) STORED,
    "proration_details" jsonb GENERATED ALWAYS AS ("_raw_data"->'proration_details') STORED,
    "quantity" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'quantity') WHEN 'number' THEN CASE WHEN ("_raw_data"->'quantity')::numeric = trunc(("_raw_data"->'quantity')::numeric) AND ("_raw_data"->'quantity')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'quantity')::bigint END END) STORED,
    "quantity_decimal" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'quantity_decimal') WHEN 'number' THEN ("_raw_data"->'quantity_decimal')::numeric WHEN 'string' THEN CASE WHEN length("_raw_data"->>'quantity_decimal') <= 100 AND "_raw_data"->>'quantity_decimal' ~ '^-?[0-9]+(\.[0-9]+)?$' THEN ("_raw_data"->>'quantity_decimal')::numeric END END) STORED,
    "subscription" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subscription') WHEN 'string' THEN "_raw_data"->>'subscription' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'subscription'->'id') WHEN 'string' THEN "_raw_data"->'subscription'->>'id' END END) STORED,
    "subscription_item" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subscription_item') WHEN 'string' THEN "_raw_data"->>'subscription_item' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'subscription_item'->'id') WHEN 'string' THEN "_raw_data"->'subscription_item'->>'id' END END) STORED,
    "subtotal" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'subtotal') WHEN 'number' THEN CASE WHEN ("_raw_data"->'subtotal')::numeric = trunc(("_raw_data"->'subtotal')::numeric) AND ("_raw_data"->'subtotal')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'subtotal')::bigint END END) STORED,
    "tax_amounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'tax_amounts') STORED,
    "tax_rates" jsonb GENERATED ALWAYS AS ("_raw_data"->'tax_rates') STORED,
    "taxes" jsonb GENERATED ALWAYS AS ("_raw_data"->'taxes') STORED,
    "type" text GENERATED ALWAYS AS ("_raw_data"->>'type') STORED,
    "unit_amount_excluding_tax" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'unit_amount_excluding_tax') WHEN 'number' THEN ("_raw_data"->'unit_amount_excluding_tax')::numeric WHEN 'string' THEN CASE WHEN length("_raw_data"->>'unit_amount_excluding_tax') <= 100 AND "_raw_data"->>'unit_amount_excluding_tax' ~ '^-?[0-9]+(\.[0-9]+)?$' THEN ("_raw_data"->>'unit_amount_excluding_tax')::numeric END END) STORED
);
CREATE INDEX "invoice_line_items__account_id_idx" ON "invoice_line_items" ("_account_id");
CREATE INDEX "invoice_line_items_invoice_idx" ON "invoice_line_items" ("invoice");
CREATE INDEX "invoice_line_items_subscription_idx" ON "invoice_line_items" ("subscription");
CREATE INDEX "invoice_line_items_invoice_item_idx" ON "invoice_line_items" ("invoice_item");
CREATE INDEX "invoice_line_items_price_idx" ON "invoice_line_items" ("price");
COMMENT ON TABLE "invoice_line_items" IS 'Stripe line_item objects, children of invoice (its id in column invoice).';
COMMENT ON COLUMN "invoice_line_items"."invoice" IS 'Id of the parent invoice; set by the write path.';
COMMENT ON COLUMN "invoice_line_items"."amount" IS 'The amount, in cents (or local equivalent).';
COMMENT ON COLUMN "invoice_line_items"."amount_excluding_tax" IS 'The integer amount in cents (or local equivalent) representing the amount for this line item, excluding all tax and discounts.';
COMMENT ON COLUMN "invoice_line_items"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "invoice_line_items"."description" IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN "invoice_line_items"."discount_amounts" IS 'The amount of discount calculated per discount for this line item.';
COMMENT ON COLUMN "invoice_line_items"."discountable" IS 'If true, discounts will apply to this line item.';
COMMENT ON COLUMN "invoice_line_items"."discounts" IS 'The discounts applied to the invoice line item.';
COMMENT ON COLUMN "invoice_line_items"."invoice_item" IS 'The ID of the invoice item associated with this line item if any.';
COMMENT ON COLUMN "invoice_line_items"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "invoice_line_items"."metadata" IS 'Set of key-value pairs that you can attach to an object.';
COMMENT ON COLUMN "invoice_line_items"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "invoice_line_items"."parent" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoice_line_items"."pretax_credit_amounts" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoice_line_items"."price" IS 'The price of the line item.';
COMMENT ON COLUMN "invoice_line_items"."pricing" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoice_line_items"."proration" IS 'Whether this is a proration.';
COMMENT ON COLUMN "invoice_line_items"."proration_details" IS 'Additional details for proration line items';
COMMENT ON COLUMN "invoice_line_items"."quantity" IS 'The quantity of the subscription, if the line item is a subscription or a proration.';
COMMENT ON COLUMN "invoice_line_items"."quantity_decimal" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoice_line_items"."subscription" IS 'The subscription that the invoice item pertains to, if any.';
COMMENT ON COLUMN "invoice_line_items"."subscription_item" IS 'The subscription item that generated this line item.';
COMMENT ON COLUMN "invoice_line_items"."subtotal" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoice_line_items"."tax_amounts" IS 'The amount of tax calculated per tax rate for this line item';
COMMENT ON COLUMN "invoice_line_items"."tax_rates" IS 'The tax rates which apply to the line item.';
COMMENT ON COLUMN "invoice_line_items"."taxes" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "invoice_line_items"."type" IS 'A string identifying the type of the source of this line item, either an `invoiceitem` or a `subscription`.';
COMMENT ON COLUMN "invoice_line_items"."unit_amount_excluding_tax" IS 'The amount in cents (or local equivalent) representing the unit amount for this line item, excluding all tax and discounts.';

CREATE TABLE "credit_note_line_items" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "credit_note" text NOT NULL,
    "amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount')::numeric = trunc(("_raw_data"->'amount')::numeric) AND ("_raw_data"->'amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount')::bigint END END) STORED,
    "amount_excluding_tax" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_excluding_tax') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_excluding_tax')::numeric = trunc(("_raw_data"->'amount_excluding_tax')::numeric) AND ("_raw_data"->'amount_excluding_tax')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_excluding_tax')::bigint END END) STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "discount_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'discount_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'discount_amount')::numeric = trunc(("_raw_data"->'discount_amount')::numeric) AND ("_raw_data"->'discount_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'discount_amount')::bigint END END) STORED,
    "discount_amounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'discount_amounts') STORED,
    "invoice_line_item" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'invoice_line_item') WHEN 'string' THEN "_raw_data"->>'invoice_line_item' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'invoice_line_item'->'id') WHEN 'string' THEN "_raw_data"->'invoice_line_item'->>'id' END END) STORED,
    "livemode" boolean GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'livemode') WHEN 'boolean' THEN ("_raw_data"->'livemode')::boolean END) STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "pretax_credit_amounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'pretax_credit_amounts') STORED,
    "quantity" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'quantity') WHEN 'number' THEN CASE WHEN ("_raw_data"->'quantity')::numeric = trunc(("_raw_data"->'quantity')::numeric) AND ("_raw_data"->'quantity')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'quantity')::bigint END END) STORED,
    "tax_amounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'tax_amounts') STORED,
    "tax_rates" jsonb GENERATED ALWAYS AS ("_raw_data"->'tax_rates') STORED,
    "taxes" jsonb GENERATED ALWAYS AS ("_raw_data"->'taxes') STORED,
    "type" text GENERATED ALWAYS AS ("_raw_data"->>'type') STORED,
    "unit_amount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'unit_amount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'unit_amount')::numeric = trunc(("_raw_data"->'unit_amount')::numeric) AND ("_raw_data"->'unit_amount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'unit_amount')::bigint END END) STORED,
    "unit_amount_decimal" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'unit_amount_decimal') WHEN 'number' THEN ("_raw_data"->'unit_amount_decimal')::numeric WHEN 'string' THEN CASE WHEN length("_raw_data"->>'unit_amount_decimal') <= 100 AND "_raw_data"->>'unit_amount_decimal' ~ '^-?[0-9]+(\.[0-9]+)?$' THEN ("_raw_data"->>'unit_amount_decimal')::numeric END END) STORED,
    "unit_amount_excluding_tax" numeric GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'unit_amount_excluding_tax') WHEN 'number' THEN ("_raw_data"->'unit_amount_excluding_tax')::numeric WHEN 'string' THEN CASE WHEN length("_raw_data"->>'unit_amount_excluding_tax') <= 100 AND "_raw_data"->>'unit_amount_excluding_tax' ~ '^-?[0-9]+(\.[0-9]+)?$' THEN ("_raw_data"->>'unit_amount_excluding_tax')::numeric END END) STORED
);
CREATE INDEX "credit_note_line_items__account_id_idx" ON "credit_note_line_items" ("_account_id");
CREATE INDEX "credit_note_line_items_credit_note_idx" ON "credit_note_line_items" ("credit_note");
CREATE INDEX "credit_note_line_items_invoice_line_item_idx" ON "credit_note_line_items" ("invoice_line_item");
COMMENT ON TABLE "credit_note_line_items" IS 'Stripe credit_note_line_item objects, children of credit_note (its id in column credit_note). The credit note line item object';
COMMENT ON COLUMN "credit_note_line_items"."credit_note" IS 'Id of the parent credit_note; set by the write path.';
COMMENT ON COLUMN "credit_note_line_items"."amount" IS 'The integer amount in cents (or local equivalent) representing the gross amount being credited for this line item, excluding (exclusive) tax and discounts.';
COMMENT ON COLUMN "credit_note_line_items"."amount_excluding_tax" IS 'The integer amount in cents (or local equivalent) representing the amount being credited for this line item, excluding all tax and discounts.';
COMMENT ON COLUMN "credit_note_line_items"."description" IS 'Description of the item being credited.';
COMMENT ON COLUMN "credit_note_line_items"."discount_amount" IS 'The integer amount in cents (or local equivalent) representing the discount being credited for this line item.';
COMMENT ON COLUMN "credit_note_line_items"."discount_amounts" IS 'The amount of discount calculated per discount for this line item';
COMMENT ON COLUMN "credit_note_line_items"."invoice_line_item" IS 'ID of the invoice line item being credited';
COMMENT ON COLUMN "credit_note_line_items"."livemode" IS 'Has the value `true` if the object exists in live mode or the value `false` if the object exists in test mode.';
COMMENT ON COLUMN "credit_note_line_items"."metadata" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "credit_note_line_items"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "credit_note_line_items"."pretax_credit_amounts" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "credit_note_line_items"."quantity" IS 'The number of units of product being credited.';
COMMENT ON COLUMN "credit_note_line_items"."tax_amounts" IS 'The amount of tax calculated per tax rate for this line item';
COMMENT ON COLUMN "credit_note_line_items"."tax_rates" IS 'The tax rates which apply to the line item.';
COMMENT ON COLUMN "credit_note_line_items"."taxes" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "credit_note_line_items"."type" IS 'The type of the credit note line item, one of `invoice_line_item` or `custom_line_item`.';
COMMENT ON COLUMN "credit_note_line_items"."unit_amount" IS 'The cost of each unit of product being credited.';
COMMENT ON COLUMN "credit_note_line_items"."unit_amount_decimal" IS 'Same as `unit_amount`, but contains a decimal value with at most 12 decimal places.';
COMMENT ON COLUMN "credit_note_line_items"."unit_amount_excluding_tax" IS 'The amount in cents (or local equivalent) representing the unit amount being credited for this line item, excluding all tax and discounts.';

CREATE TABLE "checkout_session_line_items" (
    "id" text PRIMARY KEY,
    "_raw_data" jsonb NOT NULL,
    "_account_id" text NOT NULL,
    "_last_synced_at" timestamptz NOT NULL DEFAULT now(),
    "_updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted" boolean NOT NULL DEFAULT false,
    "deleted_at" timestamptz,
    "_version" timestamptz,
    "_version_source" text CHECK ("_version_source" IN ('event', 'fetch')),
    "checkout_session" text NOT NULL,
    "adjustable_quantity" jsonb GENERATED ALWAYS AS ("_raw_data"->'adjustable_quantity') STORED,
    "amount_discount" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_discount') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_discount')::numeric = trunc(("_raw_data"->'amount_discount')::numeric) AND ("_raw_data"->'amount_discount')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_discount')::bigint END END) STORED,
    "amount_subtotal" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_subtotal') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_subtotal')::numeric = trunc(("_raw_data"->'amount_subtotal')::numeric) AND ("_raw_data"->'amount_subtotal')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_subtotal')::bigint END END) STORED,
    "amount_tax" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_tax') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_tax')::numeric = trunc(("_raw_data"->'amount_tax')::numeric) AND ("_raw_data"->'amount_tax')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_tax')::bigint END END) STORED,
    "amount_total" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'amount_total') WHEN 'number' THEN CASE WHEN ("_raw_data"->'amount_total')::numeric = trunc(("_raw_data"->'amount_total')::numeric) AND ("_raw_data"->'amount_total')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'amount_total')::bigint END END) STORED,
    "currency" text GENERATED ALWAYS AS ("_raw_data"->>'currency') STORED,
    "description" text GENERATED ALWAYS AS ("_raw_data"->>'description') STORED,
    "discounts" jsonb GENERATED ALWAYS AS ("_raw_data"->'discounts') STORED,
    "metadata" jsonb GENERATED ALWAYS AS ("_raw_data"->'metadata') STORED,
    "object" text GENERATED ALWAYS AS ("_raw_data"->>'object') STORED,
    "price" text GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'price') WHEN 'string' THEN "_raw_data"->>'price' WHEN 'object' THEN CASE jsonb_typeof("_raw_data"->'price'->'id') WHEN 'string' THEN "_raw_data"->'price'->>'id' END END) STORED,
    "quantity" bigint GENERATED ALWAYS AS (CASE jsonb_typeof("_raw_data"->'quantity') WHEN 'number' THEN CASE WHEN ("_raw_data"->'quantity')::numeric = trunc(("_raw_data"->'quantity')::numeric) AND ("_raw_data"->'quantity')::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN ("_raw_data"->'quantity')::bigint END END) STORED,
    "taxes" jsonb GENERATED ALWAYS AS ("_raw_data"->'taxes') STORED
);
CREATE INDEX "checkout_session_line_items__account_id_idx" ON "checkout_session_line_items" ("_account_id");
CREATE INDEX "checkout_session_line_items_checkout_session_idx" ON "checkout_session_line_items" ("checkout_session");
CREATE INDEX "checkout_session_line_items_price_idx" ON "checkout_session_line_items" ("price");
COMMENT ON TABLE "checkout_session_line_items" IS 'Stripe item objects, children of checkout_session (its id in column checkout_session). A line item.';
COMMENT ON COLUMN "checkout_session_line_items"."checkout_session" IS 'Id of the parent checkout_session; set by the write path.';
COMMENT ON COLUMN "checkout_session_line_items"."adjustable_quantity" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_session_line_items"."amount_discount" IS 'Total discount amount applied.';
COMMENT ON COLUMN "checkout_session_line_items"."amount_subtotal" IS 'Total before any discounts or taxes are applied.';
COMMENT ON COLUMN "checkout_session_line_items"."amount_tax" IS 'Total tax amount applied.';
COMMENT ON COLUMN "checkout_session_line_items"."amount_total" IS 'Total after discounts and taxes.';
COMMENT ON COLUMN "checkout_session_line_items"."currency" IS 'Three-letter ISO currency code, in lowercase.';
COMMENT ON COLUMN "checkout_session_line_items"."description" IS 'An arbitrary string attached to the object.';
COMMENT ON COLUMN "checkout_session_line_items"."discounts" IS 'The discounts applied to the line item.';
COMMENT ON COLUMN "checkout_session_line_items"."metadata" IS 'A newer field, not in the API 2023-08-16 description of this object.';
COMMENT ON COLUMN "checkout_session_line_items"."object" IS 'String representing the object''s type.';
COMMENT ON COLUMN "checkout_session_line_items"."price" IS 'The price used to generate the line item.';
COMMENT ON COLUMN "checkout_session_line_items"."quantity" IS 'The quantity of products being purchased.';
COMMENT ON COLUMN "checkout_session_line_items"."taxes" IS 'The taxes applied to the line item.';
