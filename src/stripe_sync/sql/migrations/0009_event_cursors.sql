-- The Events API poller (stripe_sync/poller.py): per account, the newest event applied from
-- GET /v1/events. The next pass applies every event newer than it, oldest first, and re-reads a
-- short overlap before it for events that became visible late. Unqualified names: the runner
-- sets search_path to the configured schema.

CREATE TABLE "_event_cursors" (
    -- The platform account (the key's own) or a connected account (acct_...).
    "account_id" text PRIMARY KEY,
    -- NULL when the account had no event yet at the baseline: the next pass starts from
    -- last_event_created instead of an event.
    "last_event_id" text,
    -- The event's created (whole seconds, as Stripe has it), or the baseline's clock.
    "last_event_created" timestamptz NOT NULL,
    "updated_at" timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE "_event_cursors" IS 'Per account, the newest event applied by the Events API poller (its position in GET /v1/events).';
