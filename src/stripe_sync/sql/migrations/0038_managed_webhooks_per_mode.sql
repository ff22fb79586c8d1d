-- Managed webhook endpoints per mode (issue 15, part 4).
--
-- A live and a test key of one account may point the same URL at one database (one server
-- verifying both modes' deliveries). _managed_webhooks tracked one endpoint per URL and
-- account, and Stripe keeps each mode's endpoints apart: the second key could not retrieve the
-- first key's endpoint (a 404), took it for deleted, dropped its row and created its own. The
-- first mode's endpoint kept sending, signed with a secret the database no longer held, so
-- its deliveries failed verification; the first key's next start replaced the second's in turn.
--
-- 1. _managed_webhooks.mode: 'live' or 'test', the endpoint's livemode as Stripe answered its
--    creation (the key's mode when it did not say); 'unknown' for the rows of before.
-- 2. One endpoint per URL, account and mode.
-- 3. Existing rows are 'unknown': the endpoint belonged to whichever key last found or created
--    it, which nothing in the database says (not the mode of the synced data). A key that can
--    retrieve such an endpoint adopts it (find_or_create_managed_webhook, stripe_sync/
--    managed_webhooks.py, and the Supabase setup function), one that cannot leaves it alone;
--    nor does it delete it (the 404 it gets says nothing: it may be the other mode's).
--
-- Runtimes of before this migration still look an endpoint up by URL and account only: during
-- a rolling deploy with both modes on one URL they can still replace the other mode's endpoint.
-- Deploy the new runtime (the edge functions: `stripe-sync supabase install`) with it.
--
-- Unqualified names: the migration runner sets search_path to the sync schema.

ALTER TABLE "_managed_webhooks" ADD COLUMN "mode" text NOT NULL DEFAULT 'unknown'
    CHECK ("mode" IN ('live', 'test', 'unknown'));
COMMENT ON COLUMN "_managed_webhooks"."mode" IS 'The endpoint''s mode (live or test; unknown for a runtime that did not say): a key keeps, changes and deletes only its own mode''s endpoints.';
ALTER TABLE "_managed_webhooks" DROP CONSTRAINT "_managed_webhooks_url_account_key";
ALTER TABLE "_managed_webhooks" ADD CONSTRAINT "_managed_webhooks_url_account_mode_key"
    UNIQUE ("url", "account_id", "mode");

