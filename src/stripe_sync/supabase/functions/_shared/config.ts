// The edge functions' configuration, read from the environment once per request by the
// index.ts files and passed to the handlers (which never read the environment themselves).

/** The Stripe API version every call pins; equal to stripe_sync.config.DEFAULT_API_VERSION. */
export const DEFAULT_API_VERSION = "2026-10-28.endive";
export const DEFAULT_SCHEMA = "stripe";
export const DEFAULT_API_BASE = "https://api.stripe.com";
const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

export type Env = (name: string) => string | undefined;

export interface Config {
  /** The sync schema, validated as a plain lower-case identifier. */
  schema: string;
  stripeSecretKey: string | undefined;
  stripeApiBase: string;
  stripeApiVersion: string;
  /** Bearer secret of the worker and setup functions (required by both). */
  functionSecret: string | undefined;
  /** An extra webhook signing secret besides the managed endpoints' ones. */
  webhookSecret: string | undefined;
  workerSeconds: number;
  workerConcurrency: number;
  supabaseUrl: string | undefined;
  databaseUrl: string | undefined;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: Env): Config {
  const schema = env("STRIPE_SYNC_SCHEMA") || DEFAULT_SCHEMA;
  if (!SCHEMA_NAME.test(schema)) {
    throw new ConfigError("STRIPE_SYNC_SCHEMA must be a lower-case SQL identifier (a-z, 0-9, _)");
  }
  const base = (env("STRIPE_SYNC_API_BASE") || DEFAULT_API_BASE).replace(/\/+$/, "");
  if (!/^https?:\/\//.test(base)) {
    throw new ConfigError("STRIPE_SYNC_API_BASE must be an http(s) URL");
  }
  return {
    schema,
    stripeSecretKey: env("STRIPE_SYNC_STRIPE_KEY") || undefined,
    stripeApiBase: base,
    stripeApiVersion: env("STRIPE_SYNC_API_VERSION") || DEFAULT_API_VERSION,
    functionSecret: env("STRIPE_SYNC_FUNCTION_SECRET") || undefined,
    webhookSecret: env("STRIPE_SYNC_WEBHOOK_SECRET") || undefined,
    workerSeconds: positive(env("STRIPE_SYNC_WORKER_SECONDS"), 50, "STRIPE_SYNC_WORKER_SECONDS"),
    workerConcurrency: Math.floor(
      positive(env("STRIPE_SYNC_WORKER_CONCURRENCY"), 4, "STRIPE_SYNC_WORKER_CONCURRENCY"),
    ),
    supabaseUrl: env("SUPABASE_URL")?.replace(/\/+$/, "") || undefined,
    databaseUrl: env("SUPABASE_DB_URL") || undefined,
  };
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name} must be a positive number`);
  return n;
}
