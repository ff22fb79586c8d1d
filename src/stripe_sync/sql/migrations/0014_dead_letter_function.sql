-- Recording a dead letter as a function, so every runtime (the Python webhook app, the Supabase
-- stripe-webhook function) stores failures with the same rule: a failure of an event seen before
-- counts one more attempt and keeps the newest error; a resolved dead letter that fails again is
-- open again. Returns the attempts so far.
-- Unqualified names: the runner sets search_path to the configured schema.

CREATE FUNCTION "_record_dead_letter"(
    p_event_id text,
    p_account_id text,
    p_type text,
    p_created timestamptz,
    p_payload jsonb,
    p_error_class text,
    p_error_message text
) RETURNS integer
LANGUAGE sql
SET search_path FROM CURRENT
AS $fn$
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
$fn$;

COMMENT ON FUNCTION "_record_dead_letter"(text, text, text, timestamptz, jsonb, text, text) IS
'Store a verified event that failed for a non-transient reason (or count one more failure of it); returns its attempts.';
