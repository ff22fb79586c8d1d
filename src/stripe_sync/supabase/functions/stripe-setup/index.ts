// The stripe-setup edge function: wires the environment and one database pool per instance to
// handleSetup (see ../_shared/setup.ts), which tests call directly.
import { loadConfig } from "../_shared/config.ts";
import { handleSetup } from "../_shared/setup.ts";
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

Deno.serve((request) => handleSetup(request, { env, sql, cache }));
