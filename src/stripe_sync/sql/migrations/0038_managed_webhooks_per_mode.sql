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
--    creation (the key's mode when it did not say); 'unknown' for a row that a runtime wrote
--    without it (the Supabase setup function, which has one key per deployment).
-- 2. One endpoint per URL, account and mode.
-- 3. Existing rows take the mode of their account's data (its backfill runs, and one row of
--    each of its object tables, as get_all_synced_accounts reads them: 0037's _object_modes):
--    before this a database could keep only one endpoint per URL and account, and it was of
--    the mode that synced. With data of both modes or of none they stay 'unknown'; a key that
--    can retrieve such an endpoint adopts it (stripe_sync/managed_webhooks.py), one that
--    cannot leaves it alone.
--
-- Unqualified names: the migration runner sets search_path to the sync schema.

ALTER TABLE "_managed_webhooks" ADD COLUMN "mode" text NOT NULL DEFAULT 'unknown'
    CHECK ("mode" IN ('live', 'test', 'unknown'));
COMMENT ON COLUMN "_managed_webhooks"."mode" IS 'The endpoint''s mode (live or test; unknown for a runtime that did not say): a key keeps, changes and deletes only its own mode''s endpoints.';
ALTER TABLE "_managed_webhooks" DROP CONSTRAINT "_managed_webhooks_url_account_key";
ALTER TABLE "_managed_webhooks" ADD CONSTRAINT "_managed_webhooks_url_account_mode_key"
    UNIQUE ("url", "account_id", "mode");

UPDATE "_managed_webhooks" m SET "mode" = k."mode"
FROM (
    SELECT a."account_id", min(x."mode") AS "mode"
    FROM (SELECT DISTINCT w."account_id" FROM "_managed_webhooks" w) a
    CROSS JOIN LATERAL (
        SELECT o AS "mode"
        FROM "_object_modes"(a."account_id",
                             ARRAY(SELECT t.table_name FROM "_account_tables"() t
                                   WHERE t.ord = 0)) o
        UNION
        SELECT r."mode" FROM "_sync_runs" r
        WHERE r."account_id" = a."account_id" AND r."mode" IN ('live', 'test')
    ) x
    GROUP BY a."account_id"
    HAVING count(DISTINCT x."mode") = 1
) k
WHERE k."account_id" = m."account_id";
