-- Statements of the managed webhook endpoints (stripe_sync/managed_webhooks.py, via store.py).
-- Every statement returning rows of "_managed_webhooks" lists the same columns in the same order
-- (store.MANAGED_WEBHOOK_COLUMNS).

-- name: installation_id
SELECT id FROM {schema}."_installation";

-- name: managed_webhook_lock
-- Held until the transaction ends: concurrent find-or-create calls for one URL take turns.
SELECT pg_advisory_xact_lock(%s);

-- name: managed_webhooks_of_account
SELECT id, url, account_id, secret, enabled_events, status, api_version, description, metadata,
       installation_id, created_at, updated_at, mode
FROM {schema}."_managed_webhooks"
WHERE account_id = %s
ORDER BY created_at, id;

-- name: managed_webhook_by_id
SELECT id, url, account_id, secret, enabled_events, status, api_version, description, metadata,
       installation_id, created_at, updated_at, mode
FROM {schema}."_managed_webhooks"
WHERE id = %s;

-- name: managed_webhook_by_url
-- The key's own mode's endpoint for the URL, else one of a runtime that did not say its mode.
SELECT id, url, account_id, secret, enabled_events, status, api_version, description, metadata,
       installation_id, created_at, updated_at, mode
FROM {schema}."_managed_webhooks"
WHERE url = %(url)s AND account_id = %(account_id)s AND mode IN (%(mode)s, 'unknown')
ORDER BY mode = %(mode)s DESC
LIMIT 1;

-- name: managed_webhook_ids
-- Every tracked endpoint id, whatever its account: orphan clean-up never deletes these.
SELECT id FROM {schema}."_managed_webhooks";

-- name: insert_managed_webhook
INSERT INTO {schema}."_managed_webhooks" (
    id, url, account_id, secret, enabled_events, status, api_version, description, metadata,
    installation_id, mode
) VALUES (
    %(id)s, %(url)s, %(account_id)s, %(secret)s, %(enabled_events)s, %(status)s,
    %(api_version)s, %(description)s, %(metadata)s, %(installation_id)s, %(mode)s
)
RETURNING id, url, account_id, secret, enabled_events, status, api_version, description,
          metadata, installation_id, created_at, updated_at, mode;

-- name: update_managed_webhook
-- The endpoint as Stripe last answered it; the secret, account and installation never change.
-- A row of mode 'unknown' takes the mode of the key that could retrieve it, unless that mode
-- has its own endpoint for the URL already.
UPDATE {schema}."_managed_webhooks" m SET
    mode = CASE WHEN m.mode = 'unknown' AND NOT EXISTS (
                    SELECT 1 FROM {schema}."_managed_webhooks" o
                    WHERE o.url = %(url)s AND o.account_id = m.account_id AND o.mode = %(mode)s)
                THEN %(mode)s ELSE m.mode END,
    url = %(url)s,
    enabled_events = %(enabled_events)s,
    status = %(status)s,
    description = %(description)s,
    metadata = %(metadata)s,
    updated_at = now()
WHERE id = %(id)s
RETURNING id, url, account_id, secret, enabled_events, status, api_version, description,
          metadata, installation_id, created_at, updated_at, mode;

-- name: delete_managed_webhook
DELETE FROM {schema}."_managed_webhooks" WHERE id = %s RETURNING id;

-- name: webhook_user_seen
-- An instance uses the endpoint (registration and heartbeat).
INSERT INTO {schema}."_managed_webhook_users" (webhook_id, account_id, instance)
SELECT id, account_id, %(instance)s FROM {schema}."_managed_webhooks" WHERE id = %(webhook_id)s
ON CONFLICT (webhook_id, instance) DO UPDATE SET seen_at = now();

-- name: webhook_user_gone
-- The instance stops using the endpoint; returns how many others still do (fresh heartbeat).
WITH gone AS (
    DELETE FROM {schema}."_managed_webhook_users" WHERE webhook_id = %(webhook_id)s
      AND instance = %(instance)s
)
SELECT count(*) FROM {schema}."_managed_webhook_users"
WHERE webhook_id = %(webhook_id)s AND instance <> %(instance)s
  AND seen_at > now() - %(grace)s;
