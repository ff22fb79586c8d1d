-- Statements of the dead letters (stripe_sync/dead_letters.py, through stripe_sync/store.py).

-- name: record_dead_letter
-- A failure of an event seen before counts one more attempt and keeps the newest error; a
-- resolved dead letter that fails again is open again.
INSERT INTO {schema}."_dead_letters" AS d
    (event_id, account_id, type, created, payload, error_class, error_message)
VALUES (%(event_id)s, %(account_id)s, %(type)s, %(created)s, %(payload)s, %(error_class)s,
        %(error_message)s)
ON CONFLICT (event_id) DO UPDATE SET
    account_id = COALESCE(EXCLUDED.account_id, d.account_id),
    payload = EXCLUDED.payload,
    error_class = EXCLUDED.error_class,
    error_message = EXCLUDED.error_message,
    attempts = d.attempts + 1,
    last_failed_at = now(),
    resolved_at = NULL
RETURNING attempts;

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
