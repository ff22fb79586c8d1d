-- Dead letters: verified events that could not be applied for a reason retrying will not fix
-- (Stripe answered 4xx while the event was re-fetched or expanded, the write path refused the
-- payload, a bug). Each is kept with its full payload and its error so that a person can see it
-- (the "failed_events" view, `stripe-sync events failed`) and apply it again once the cause is
-- gone (`stripe-sync events replay`). Transient failures are never stored here: they reach the
-- caller, and Stripe delivers the event again.
-- Unqualified names: the runner sets search_path to the configured schema.

CREATE TABLE "_dead_letters" (
    "event_id" text PRIMARY KEY,           -- evt_...
    -- The event's account; NULL only if the key's own account was not known when it failed.
    "account_id" text,
    "type" text NOT NULL,
    "created" timestamptz NOT NULL,
    -- The whole event as received, to apply again.
    "payload" jsonb NOT NULL,
    -- The exception's class (StripePermissionError, DatabaseError ...) and message. Messages
    -- never hold a secret key, a webhook secret or a signature.
    "error_class" text NOT NULL,
    "error_message" text NOT NULL,
    "attempts" integer NOT NULL DEFAULT 1,
    "first_failed_at" timestamptz NOT NULL DEFAULT now(),
    "last_failed_at" timestamptz NOT NULL DEFAULT now(),
    -- Set when the event was applied after all (a redelivery or a replay).
    "resolved_at" timestamptz
);
COMMENT ON TABLE "_dead_letters" IS 'Verified events that failed for a non-transient reason, with their payload and error, until applied again.';
CREATE INDEX "_dead_letters_unresolved_idx" ON "_dead_letters" ("created", "event_id")
    WHERE "resolved_at" IS NULL;

CREATE VIEW "failed_events" AS
SELECT
    d."event_id",
    d."account_id",
    d."type",
    d."created",
    d."error_class",
    d."error_message",
    d."attempts",
    d."first_failed_at",
    d."last_failed_at",
    d."payload"
FROM "_dead_letters" d
WHERE d."resolved_at" IS NULL;
COMMENT ON VIEW "failed_events" IS 'Events that could not be applied and were not applied since (see stripe-sync events replay).';

-- An event is recorded in _processed_events in the transaction that applied it: resolving its
-- dead letter there too needs no extra round trip on the hot path, and cannot be forgotten by
-- any caller (webhook redelivery, replay, process_event from user code).
CREATE FUNCTION "_resolve_dead_letter"() RETURNS trigger
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
BEGIN
    UPDATE "_dead_letters" d SET "resolved_at" = now()
    WHERE d."event_id" = NEW."id" AND d."resolved_at" IS NULL;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER "_processed_events_resolve_dead_letter"
AFTER INSERT ON "_processed_events"
FOR EACH ROW EXECUTE FUNCTION "_resolve_dead_letter"();
