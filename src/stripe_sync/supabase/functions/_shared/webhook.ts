// stripe-webhook: verify a Stripe delivery against the managed endpoints' secrets (plus
// STRIPE_WEBHOOK_SECRET) and apply its event. Status codes and JSON bodies are those of
// src/stripe_sync/server.py: 200 after the event was committed, 400 for a bad signature or
// body (nothing written), 413 for a body over 1 MB, 503 with Retry-After for a transient
// failure (Stripe delivers the event again), 500 for anything else.
import { config, type Deps, json } from "./http.ts";
import { platformAccount, processEvent } from "./ingest.ts";
import { MalformedPayloadError, SignatureVerificationError, verifyWebhook } from "./signature.ts";
import { isInvalidParameter, isTransientDbError, Store } from "./store.ts";
import { StripeClient, StripeError } from "./stripe.ts";

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
  try {
    const store = new Store(deps.sql(), cfg.schema);
    const secrets = [
      ...new Set([
        ...(cfg.webhookSecret ? [cfg.webhookSecret] : []),
        ...await store.managedSecrets(),
      ]),
    ];
    const { text } = await verifyWebhook(body, request.headers.get("stripe-signature"), secrets, {
      now: now() / 1000,
    });
    if (!cfg.stripeSecretKey) {
      console.error("stripe-sync: STRIPE_SECRET_KEY is not set");
      return failed(500, "internal error");
    }
    const stripe = new StripeClient({
      apiBase: cfg.stripeApiBase,
      secretKey: cfg.stripeSecretKey,
      apiVersion: cfg.stripeApiVersion,
      fetch: deps.fetch,
      sleep: deps.sleep,
    });
    const ctx = { store, stripe, now };
    const cache = deps.cache ?? new Map<string, string>();
    const result = await processEvent(
      ctx,
      text,
      () => platformAccount(ctx, cfg.stripeSecretKey!, cache),
    );
    console.log(`event ${result.event_id} (${result.event_type}): ${result.outcome}`);
    return json(200, { received: true, outcome: result.outcome, event_id: result.event_id });
  } catch (error) {
    if (error instanceof SignatureVerificationError || error instanceof MalformedPayloadError) {
      console.warn(`webhook rejected: ${error.message}`);
      return failed(400, error.message);
    }
    if (isInvalidParameter(error)) {
      // _route_event refused the event; its message names the problem, never the payload.
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
    console.error(`webhook processing failed: ${errorName(error)}`);
    return failed(500, "internal error");
  }
}

/** A failure's class and code for logs (messages of driver errors may name hosts). */
export function errorName(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { name?: unknown; code?: unknown; status?: unknown };
    return [e.name, e.code, e.status].filter((x) => x !== undefined && x !== null).join(" ");
  }
  return typeof error;
}
