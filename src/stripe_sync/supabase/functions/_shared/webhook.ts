// stripe-webhook: verify a Stripe delivery against the managed endpoints' secrets (plus
// STRIPE_SYNC_WEBHOOK_SECRET) and apply its event. Status codes and JSON bodies are those of
// src/stripe_sync/server.py: 200 after the event was committed, 400 for a bad signature or
// body (nothing written), 413 for a body over 1 MB, 503 with Retry-After for a transient
// failure (Stripe delivers the event again). A verified event that fails for any other reason is
// stored as a dead letter (_record_dead_letter_v1, as the Python app does) and answered 200
// "failed"; 500 only when even that cannot be done.
import { config, type Deps, json, stripeClient } from "./http.ts";
import { platformAccount, processEvent } from "./ingest.ts";
import { MalformedPayloadError, SignatureVerificationError, verifyWebhook } from "./signature.ts";
import { isInvalidParameter, isTransientDbError, Store } from "./store.ts";
import { StripeError } from "./stripe.ts";

export const MAX_BODY_BYTES = 1_000_000;
export const RETRY_AFTER_SECONDS = 5;

const failed = (status: number, message: string, headers: Record<string, string> = {}) =>
  json(status, { received: false, error: message }, headers);

export async function handleWebhook(request: Request, deps: Deps): Promise<Response> {
  if (request.method !== "POST") {
    return failed(405, "method not allowed", { Allow: "POST" });
  }
  const cfg = config(deps);
  if (cfg === null) return failed(500, "internal error");
  const declared = request.headers.get("content-length");
  if (declared !== null && !/^\d+$/.test(declared.trim())) {
    return failed(400, "invalid Content-Length header");
  }
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) {
    return failed(413, `request body is larger than ${MAX_BODY_BYTES} bytes`);
  }
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.length > MAX_BODY_BYTES) {
    return failed(413, `request body is larger than ${MAX_BODY_BYTES} bytes`);
  }

  const now = deps.now ?? Date.now;
  let verified: string | null = null;
  let store: Store | null = null;
  let platform: string | null = null;
  try {
    store = new Store(deps.sql(), cfg.schema);
    const signature = request.headers.get("stripe-signature");
    const cache = deps.cache ?? new Map<string, string>();
    const candidates = async (fresh: boolean) => [
      ...new Set([
        ...(cfg.webhookSecret ? [cfg.webhookSecret] : []),
        ...await cachedSecrets(store!, cache, now(), fresh),
      ]),
    ];
    let text: string;
    try {
      ({ text } = await verifyWebhook(body, signature, await candidates(false), {
        now: now() / 1000,
      }));
    } catch (error) {
      // A secret cached before a new endpoint was made: read them again, once.
      if (!(error instanceof SignatureVerificationError)) throw error;
      ({ text } = await verifyWebhook(body, signature, await candidates(true), {
        now: now() / 1000,
      }));
    }
    verified = text;
    if (!cfg.stripeSecretKey) {
      console.error("stripe-sync: STRIPE_SYNC_STRIPE_KEY is not set");
      return failed(500, "internal error");
    }
    const stripe = stripeClient(cfg, cfg.stripeSecretKey, deps);
    const ctx = { store, stripe, now };
    const result = await processEvent(
      ctx,
      text,
      async () => (platform = await platformAccount(ctx, cfg.stripeSecretKey!, cache)),
      "webhook",
    );
    console.log(`event ${result.event_id} (${result.event_type}): ${result.outcome}`);
    return json(200, { received: true, outcome: result.outcome, event_id: result.event_id });
  } catch (error) {
    if (error instanceof SignatureVerificationError || error instanceof MalformedPayloadError) {
      console.warn(`webhook rejected: ${error.message}`);
      return failed(400, error.message);
    }
    if (isInvalidParameter(error)) {
      // _route_event_v1 refused the event; its message names the problem, never the payload.
      const message = (error as Error).message;
      console.warn(`webhook rejected: ${message}`);
      return failed(400, message);
    }
    if (isTransientDbError(error) || (error instanceof StripeError && error.transient)) {
      console.warn(`webhook failed transiently: ${errorName(error)}`);
      return failed(503, "temporarily unavailable, retry later", {
        "Retry-After": String(RETRY_AFTER_SECONDS),
      });
    }
    const dead = await deadLetter(store, verified, platform, error);
    if (dead !== null) return dead;
    console.error(`webhook processing failed: ${errorName(error)}`);
    return failed(500, "internal error");
  }
}

/** Managed endpoints' signing secrets are read at most every this many ms per instance. */
export const SECRETS_TTL_MS = 30_000;

/**
 * The managed endpoints' signing secrets, cached per instance (as the Python app caches them):
 * one query fewer per delivery. ``fresh`` reads them again (a delivery failed to verify).
 */
async function cachedSecrets(
  store: Store,
  cache: Map<string, string>,
  now: number,
  fresh: boolean,
): Promise<string[]> {
  const at = Number(cache.get("secrets:at") ?? "NaN");
  if (!fresh && now - at < SECRETS_TTL_MS) {
    return JSON.parse(cache.get("secrets") ?? "[]") as string[];
  }
  const secrets = await store.managedSecrets();
  cache.set("secrets", JSON.stringify(secrets));
  cache.set("secrets:at", String(now));
  return secrets;
}

/**
 * Store a verified event that failed for a reason retrying will not fix, as the Python webhook
 * app does (dead_letters.py): a person sees it in the failed_events view and replays it with
 * `stripe-sync events replay`. The error is described by class, code and status only, never by
 * a message that could quote a key. Null when the event is not verified or cannot be stored.
 */
async function deadLetter(
  store: Store | null,
  text: string | null,
  platform: string | null,
  error: unknown,
): Promise<Response | null> {
  if (store === null || text === null) return null;
  try {
    const event = JSON.parse(text) as Record<string, unknown>;
    const id = event.id, type = event.type, created = event.created;
    if (typeof id !== "string" || typeof type !== "string" || typeof created !== "number") {
      return null;
    }
    const account = typeof event.account === "string" && event.account ? event.account : platform;
    const errorClass = error instanceof StripeError ? "StripeAPIError" : errorClass_(error);
    const attempts = await store.recordDeadLetter(
      { id, type, created, account },
      text,
      errorClass,
      `the edge function could not apply the event: ${errorName(error) || "unknown error"}`,
    );
    console.warn(`event ${id} (${type}) stored as a dead letter (attempt ${attempts})`);
    return json(200, { received: true, outcome: "failed", event_id: id });
  } catch (stored) {
    console.error(`could not store a dead letter: ${errorName(stored)}`);
    return null;
  }
}

function errorClass_(error: unknown): string {
  return error instanceof Error ? error.name : "Error";
}

/** A failure's class and code for logs (messages of driver errors may name hosts). */
export function errorName(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { name?: unknown; code?: unknown; status?: unknown };
    return [e.name, e.code, e.status].filter((x) => x !== undefined && x !== null).join(" ");
  }
  return typeof error;
}
