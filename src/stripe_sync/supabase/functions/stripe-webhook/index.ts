// The stripe-webhook edge function: wires the environment and one database pool per instance to
// handleWebhook (see ../_shared/webhook.ts), which tests call directly.
import { loadConfig } from "../_shared/config.ts";
import { handleWebhook } from "../_shared/webhook.ts";
import { connect, type Sql } from "../_shared/store.ts";

const env = (name: string) => Deno.env.get(name);
const cache = new Map<string, string>();
let pool: Sql | undefined;

function sql(): Sql {
  if (pool === undefined) {
    const url = env("SUPABASE_DB_URL");
    if (!url) throw new Error("SUPABASE_DB_URL is not set");
    pool = connect(url, loadConfig(env).workerConcurrency + 1);
  }
  return pool;
}

Deno.serve((request) => handleWebhook(request, { env, sql, cache }));
