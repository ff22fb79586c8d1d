-- Statements of the shared rate limiter (stripe_sync/pg_ratelimit.py).

-- name: rate_limit_acquire
-- One round trip per acquire: reserve a slot in every bucket of the request, answer the wait.
SELECT delay, slot, now
FROM {schema}."_rate_limit_acquire"(%s::text[], %s::float8[], %s::float8[], %s::timestamptz);
