// What the three handlers share: their injected dependencies, JSON answers, the bearer check.
import { type Config, ConfigError, type Env, loadConfig } from "./config.ts";
import { constantTimeEqual } from "./signature.ts";
import type { Sql } from "./store.ts";
import { type Fetch, type Sleep, StripeClient } from "./stripe.ts";

/** Everything a handler touches besides the request: tests pass their own. */
export interface Deps {
  env: Env;
  /** The database pool (opened lazily by serve.ts, shared by the instance's requests). */
  sql: () => Sql;
  fetch?: Fetch;
  /** Wall clock in milliseconds. */
  now?: () => number;
  sleep?: Sleep;
  /** Per-instance memory (the platform account id per key). */
  cache?: Map<string, string>;
}

/** The Stripe client of a handler: the configured API base and version, `secretKey`, and the
 * injected fetch and sleep. */
export function stripeClient(cfg: Config, secretKey: string, deps: Deps): StripeClient {
  return new StripeClient({
    apiBase: cfg.stripeApiBase,
    secretKey,
    apiVersion: cfg.stripeApiVersion,
    fetch: deps.fetch,
    sleep: deps.sleep,
  });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/** The configuration, or null when it is invalid (logged without values). */
export function config(deps: Deps): Config | null {
  try {
    return loadConfig(deps.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`stripe-sync: invalid configuration: ${error.message}`);
    return null;
  }
}

/** `Authorization: Bearer <STRIPE_SYNC_FUNCTION_SECRET>`, compared in constant time; no
 * configured secret authorises nobody. */
export function authorized(request: Request, secret: string | undefined): boolean {
  if (!secret) return false;
  const given = request.headers.get("authorization") ?? "";
  return constantTimeEqual(given, `Bearer ${secret}`);
}

export const unauthorized = () => json(401, { error: "unauthorized" });
export const internalError = () => json(500, { error: "internal error" });
