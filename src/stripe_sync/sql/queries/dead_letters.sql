-- Statements of the dead letters (stripe_sync/dead_letters.py, through stripe_sync/store.py).

-- name: record_dead_letter
-- The rule lives in the function (0014), shared with the Supabase edge function.
SELECT {schema}."_record_dead_letter_v1"(
    p_event_id => %(event_id)s,
    p_account_id => %(account_id)s,
    p_type => %(type)s,
    p_created => %(created)s,
    p_payload => %(payload)s,
    p_error_class => %(error_class)s,
    p_error_message => %(error_message)s
);

-- name: list_dead_letters
-- Newest failure first; %(include_resolved)s also lists those applied since.
SELECT event_id, account_id, type, created, payload, error_class, error_message, attempts,
       first_failed_at, last_failed_at, resolved_at
FROM {schema}."_dead_letters"
WHERE %(include_resolved)s OR resolved_at IS NULL
ORDER BY last_failed_at DESC, event_id
LIMIT %(limit)s;

-- name: unresolved_dead_letters
-- Oldest event first, the order they would have been applied in.
SELECT event_id, account_id, type, created, payload, error_class, error_message, attempts,
       first_failed_at, last_failed_at, resolved_at
FROM {schema}."_dead_letters"
WHERE resolved_at IS NULL
ORDER BY created, event_id;

-- name: dead_letters_by_id
SELECT event_id, account_id, type, created, payload, error_class, error_message, attempts,
       first_failed_at, last_failed_at, resolved_at
FROM {schema}."_dead_letters"
WHERE event_id = ANY (%(event_ids)s::text[])
ORDER BY created, event_id;

-- name: resolve_dead_letter
-- For an event that _processed_events already holds (its replay answers 'duplicate'): the
-- trigger of 0007_dead_letters.sql resolves the others when they are applied.
UPDATE {schema}."_dead_letters" SET resolved_at = now()
WHERE event_id = %(event_id)s AND resolved_at IS NULL;
