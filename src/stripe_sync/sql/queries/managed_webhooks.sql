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
       installation_id, created_at, updated_at
FROM {schema}."_managed_webhooks"
WHERE account_id = %s
ORDER BY created_at, id;

-- name: managed_webhook_by_id
SELECT id, url, account_id, secret, enabled_events, status, api_version, description, metadata,
       installation_id, created_at, updated_at
FROM {schema}."_managed_webhooks"
WHERE id = %s;

-- name: managed_webhook_by_url
SELECT id, url, account_id, secret, enabled_events, status, api_version, description, metadata,
       installation_id, created_at, updated_at
FROM {schema}."_managed_webhooks"
WHERE url = %s AND account_id = %s;

-- name: managed_webhook_ids
-- Every tracked endpoint id, whatever its account: orphan clean-up never deletes these.
SELECT id FROM {schema}."_managed_webhooks";

-- name: insert_managed_webhook
INSERT INTO {schema}."_managed_webhooks" (
    id, url, account_id, secret, enabled_events, status, api_version, description, metadata,
    installation_id
) VALUES (
    %(id)s, %(url)s, %(account_id)s, %(secret)s, %(enabled_events)s, %(status)s,
    %(api_version)s, %(description)s, %(metadata)s, %(installation_id)s
)
RETURNING id, url, account_id, secret, enabled_events, status, api_version, description,
          metadata, installation_id, created_at, updated_at;

-- name: update_managed_webhook
-- The endpoint as Stripe last answered it; the secret, account and installation never change.
UPDATE {schema}."_managed_webhooks" SET
    url = %(url)s,
    enabled_events = %(enabled_events)s,
    status = %(status)s,
    description = %(description)s,
    metadata = %(metadata)s,
    updated_at = now()
WHERE id = %(id)s
RETURNING id, url, account_id, secret, enabled_events, status, api_version, description,
          metadata, installation_id, created_at, updated_at;

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
