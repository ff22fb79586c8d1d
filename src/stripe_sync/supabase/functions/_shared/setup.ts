// stripe-setup: the managed webhook endpoint of this Supabase project, as
// src/stripe_sync/managed_webhooks.py keeps one. POST finds or creates the endpoint for
// `${SUPABASE_URL}/functions/v1/stripe-webhook` (reused while Stripe still has it enabled with
// the pinned API version; its event list brought up to date), GET answers the installation's
// status, DELETE deletes the endpoint(s) for that URL in Stripe and their rows. The signing
// secret is stored in _managed_webhooks and never answered or logged.
import type { Config } from "./config.ts";
import {
  authorized,
  config,
  type Deps,
  internalError,
  json,
  stripeClient,
  unauthorized,
} from "./http.ts";
import { type Ingest, platformAccount } from "./ingest.ts";
import { isTransientDbError, type Sql, Store } from "./store.ts";
import { isGone, keyMode, StripeError, type StripeObject } from "./stripe.ts";
import { errorName } from "./webhook.ts";

export const MANAGED_BY = "stripe-sync";
const ENDPOINTS = "/v1/webhook_endpoints";
const COLUMNS = [
  "id",
  "url",
  "account_id",
  "enabled_events",
  "status",
  "api_version",
  "description",
  "metadata",
  "installation_id",
  "created_at",
  "updated_at",
  "mode",
];

export function webhookUrl(cfg: Config): string | null {
  return cfg.supabaseUrl ? `${cfg.supabaseUrl}/functions/v1/stripe-webhook` : null;
}

export async function handleSetup(request: Request, deps: Deps): Promise<Response> {
  const cfg = config(deps);
  if (cfg === null) return internalError();
  if (!authorized(request, cfg.functionSecret)) return unauthorized();
  const url = webhookUrl(cfg);
  if (url === null || !cfg.stripeSecretKey) {
    console.error("stripe-sync: SUPABASE_URL and STRIPE_SYNC_STRIPE_KEY must be set");
    return internalError();
  }
  try {
    const ctx: Ingest = {
      store: new Store(deps.sql(), cfg.schema),
      stripe: stripeClient(cfg, cfg.stripeSecretKey, deps),
      now: deps.now ?? Date.now,
    };
    switch (request.method) {
      case "POST": {
        const account = await platformAccount(ctx, cfg.stripeSecretKey, deps.cache ?? new Map());
        return json(200, await findOrCreate(ctx, cfg, url, account));
      }
      case "GET":
        return json(200, await status(ctx.store, url));
      case "DELETE":
        return json(200, { deleted: await deleteEndpoints(ctx, url) });
      default:
        return json(405, { error: "method not allowed" }, { Allow: "GET, POST, DELETE" });
    }
  } catch (error) {
    if (isTransientDbError(error) || (error instanceof StripeError && error.transient)) {
      console.warn(`setup failed transiently: ${errorName(error)}`);
      return json(503, { error: "temporarily unavailable, retry later" }, { "Retry-After": "5" });
    }
    console.error(`setup failed: ${errorName(error)}`);
    return internalError();
  }
}

/** The lock Python's ManagedWebhooks takes for (schema, account, url): the same 64-bit key. */
export async function lockKey(schema: string, account: string, url: string): Promise<string> {
  const text = `stripe_sync.managed_webhook:${schema}:${account}:${url}`;
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)),
  );
  let value = 0n;
  for (const byte of digest.slice(0, 8)) value = (value << 8n) | BigInt(byte);
  return BigInt.asIntN(64, value).toString();
}

function identity(installation: string): Record<string, string> {
  return { managed_by: MANAGED_BY, installation_id: installation };
}

function metadataOf(endpoint: StripeObject): Record<string, unknown> {
  const m = endpoint.metadata;
  return m && typeof m === "object" && !Array.isArray(m) ? m as Record<string, unknown> : {};
}

async function findOrCreate(
  ctx: Ingest,
  cfg: Config,
  url: string,
  account: string,
): Promise<Record<string, unknown>> {
  const sql = ctx.store.sql;
  const s = sql(cfg.schema);
  const [{ id: installation }] = await sql`SELECT id FROM ${s}."_installation"`;
  const [{ events }] = await sql`SELECT ${s}."_webhook_event_types_v1"() AS events`;
  const key = await lockKey(cfg.schema, account, url);
  const enabled = events as string[];
  // Endpoints are kept per mode (0038): a live and a test key may share a URL, and neither can
  // see the other's endpoint in Stripe. A row without a mode is adopted by a key that can
  // retrieve its endpoint and left alone by one that cannot (see managed_webhooks.py).
  const mode = keyMode(String(cfg.stripeSecretKey));
  return await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${key}::bigint)`;
    const [found] = await tx`
      SELECT id, mode FROM ${s}."_managed_webhooks"
      WHERE url = ${url} AND account_id = ${account} AND mode IN (${mode}, 'unknown')
      ORDER BY mode = ${mode} DESC LIMIT 1`;
    let row: typeof found | null = found ?? null;
    let endpoint: StripeObject | null = null;
    if (row) {
      endpoint = await retrieve(ctx, String(row.id));
      if (endpoint === null && row.mode !== mode) row = null; // not this key's to replace
    }
    if (row) {
      const id = String(row.id);
      if (
        endpoint && endpoint.status === "enabled" && endpoint.api_version === cfg.stripeApiVersion
      ) {
        const current = await bringUpToDate(ctx, endpoint, enabled, String(installation));
        const [stored] = await tx`
          UPDATE ${s}."_managed_webhooks" SET
              mode = ${mode},
              url = ${String(current.url)},
              enabled_events = ARRAY(SELECT jsonb_array_elements_text(
                  ${JSON.stringify(current.enabled_events ?? [])}::text::jsonb)),
              status = ${String(current.status ?? "enabled")},
              description = ${(current.description as string | null) ?? null}::text,
              metadata = ${JSON.stringify(metadataOf(current))}::text::jsonb,
              updated_at = now()
          WHERE id = ${id}
          RETURNING ${tx(COLUMNS)}`;
        return { ...stored, created: false };
      }
      if (endpoint) await deleteInStripe(ctx, id);
      await tx`DELETE FROM ${s}."_managed_webhooks" WHERE id = ${id}`;
      console.log(`replacing managed webhook endpoint ${id}`);
    }
    const made = await ctx.stripe.request("POST", ENDPOINTS, {
      url,
      enabled_events: enabled,
      api_version: cfg.stripeApiVersion,
      metadata: identity(String(installation)),
    });
    const secret = made.secret;
    if (typeof secret !== "string" || !secret) {
      await deleteInStripe(ctx, String(made.id));
      throw new Error("Stripe created the webhook endpoint without returning its secret");
    }
    const created = typeof made.livemode === "boolean" ? (made.livemode ? "live" : "test") : mode;
    const [stored] = await tx`
      INSERT INTO ${s}."_managed_webhooks" (id, url, account_id, secret, enabled_events, status,
                                            api_version, description, metadata, installation_id,
                                            mode)
      VALUES (${String(made.id)}, ${String(made.url)}, ${account}, ${secret},
              ARRAY(SELECT jsonb_array_elements_text(
                  ${JSON.stringify(made.enabled_events ?? [])}::text::jsonb)),
              ${String(made.status ?? "enabled")},
              ${String(made.api_version ?? cfg.stripeApiVersion)},
              ${(made.description as string | null) ?? null}::text,
              ${JSON.stringify(metadataOf(made))}::text::jsonb, ${String(installation)},
              ${created})
      RETURNING ${tx(COLUMNS)}`;
    console.log(`created managed webhook endpoint ${made.id}`);
    return { ...stored, created: true };
  });
}

async function retrieve(ctx: Ingest, id: string): Promise<StripeObject | null> {
  try {
    return await ctx.stripe.request("GET", `${ENDPOINTS}/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof StripeError && error.status === 404) return null;
    throw error;
  }
}

async function deleteInStripe(ctx: Ingest, id: string): Promise<void> {
  try {
    await ctx.stripe.request("DELETE", `${ENDPOINTS}/${encodeURIComponent(id)}`);
  } catch (error) {
    // Deleted already is what we wanted.
    if (!(error instanceof StripeError && error.status === 404) && !isGone(error)) throw error;
  }
}

/** Update a reused endpoint whose events or identifying metadata differ from those wanted. */
async function bringUpToDate(
  ctx: Ingest,
  endpoint: StripeObject,
  events: string[],
  installation: string,
): Promise<StripeObject> {
  const params: Record<string, unknown> = {};
  const have = [...((endpoint.enabled_events as string[] | undefined) ?? [])].sort();
  if (JSON.stringify(have) !== JSON.stringify([...events].sort())) params.enabled_events = events;
  const wanted = identity(installation);
  const metadata = metadataOf(endpoint);
  if (Object.entries(wanted).some(([k, v]) => metadata[k] !== v)) params.metadata = wanted;
  if (Object.keys(params).length === 0) return endpoint;
  return await ctx.stripe.request(
    "POST",
    `${ENDPOINTS}/${encodeURIComponent(String(endpoint.id))}`,
    params,
  );
}

async function status(store: Store, url: string): Promise<Record<string, unknown>> {
  const sql: Sql = store.sql;
  const s = sql(store.schema);
  const [{ exists }] = await sql`
    SELECT to_regclass(${`"${store.schema}"."_supabase_installation"`}) IS NOT NULL AS exists`;
  const installation = exists
    ? (await sql`SELECT to_jsonb(i) - 'secret' AS row FROM ${s}."_supabase_installation" i`)[0]
      ?.row ?? null
    : null;
  const webhooks = await sql`
    SELECT id, url, mode, status, api_version, cardinality(enabled_events) AS enabled_events,
           created_at, updated_at
    FROM ${s}."_managed_webhooks" WHERE url = ${url} ORDER BY created_at`;
  const runs = await sql`
    SELECT to_jsonb(r) AS row FROM ${s}."sync_runs" r
    ORDER BY started_at DESC, run_id DESC LIMIT 5`;
  return { installation, webhooks, sync_runs: runs.map((r) => r.row) };
}

/** Delete this key's mode's endpoints for `url` (0038: the other mode's are not this key's to
 * see, so a 404 for one says nothing; a row without a mode is deleted only when this key can
 * retrieve its endpoint). */
async function deleteEndpoints(ctx: Ingest, url: string): Promise<string[]> {
  const sql = ctx.store.sql;
  const s = sql(ctx.store.schema);
  const mode = keyMode(ctx.stripe.options.secretKey);
  const rows = await sql`
    SELECT id, mode FROM ${s}."_managed_webhooks"
    WHERE url = ${url} AND mode IN (${mode}, 'unknown')`;
  const deleted: string[] = [];
  for (const row of rows) {
    const id = String(row.id);
    if (row.mode !== mode && await retrieve(ctx, id) === null) continue;
    await deleteInStripe(ctx, id);
    await sql`DELETE FROM ${s}."_managed_webhooks" WHERE id = ${id}`;
    deleted.push(id);
  }
  return deleted;
}
