// What each edge function's index.ts does: read the environment, open one database pool per
// instance when a request first needs it, and serve the function's handler (which tests call
// directly with dependencies of their own).
import { loadConfig } from "./config.ts";
import type { Deps } from "./http.ts";
import { connect, type Sql } from "./store.ts";

export function serve(handler: (request: Request, deps: Deps) => Promise<Response>): void {
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

  Deno.serve((request) => handler(request, { env, sql, cache }));
}
