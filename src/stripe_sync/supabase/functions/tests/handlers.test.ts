// Handlers without a database: the bearer check of stripe-worker and stripe-setup, and the
// answers stripe-webhook gives before it needs one.
import assert from "node:assert/strict";
import type { Deps } from "../_shared/http.ts";
import { handleSetup } from "../_shared/setup.ts";
import { handleWebhook } from "../_shared/webhook.ts";
import { handleWorker } from "../_shared/worker.ts";
import type { Sql } from "../_shared/store.ts";

const SECRET = "fsec_0123456789abcdef";

function deps(env: Record<string, string>): Deps & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    env: (name) => env[name],
    sql: (): Sql => {
      calls.push("sql");
      throw new Error("the database must not be touched");
    },
    fetch: (input) => {
      calls.push(`fetch ${input}`);
      return Promise.reject(new Error("Stripe must not be called"));
    },
  };
}

const ENV = {
  STRIPE_SYNC_STRIPE_KEY: "sk_test_x",
  STRIPE_SYNC_FUNCTION_SECRET: SECRET,
  SUPABASE_URL: "https://project.supabase.co",
  SUPABASE_DB_URL: "postgresql://nowhere/db",
};

const HANDLERS = { worker: handleWorker, setup: handleSetup };

for (const [name, handler] of Object.entries(HANDLERS)) {
  const cases: [string, Record<string, string>, Record<string, string>][] = [
    ["no Authorization header", ENV, {}],
    ["a wrong secret", ENV, { Authorization: "Bearer fsec_wrong" }],
    ["the secret without Bearer", ENV, { Authorization: SECRET }],
    ["a longer secret", ENV, { Authorization: `Bearer ${SECRET}x` }],
    ["another scheme", ENV, { Authorization: `Basic ${SECRET}` }],
    ["no configured secret", { ...ENV, STRIPE_SYNC_FUNCTION_SECRET: "" }, {
      Authorization: "Bearer ",
    }],
  ];
  for (const [label, env, headers] of cases) {
    Deno.test(`${name}: 401 for ${label}, before any database or Stripe call`, async () => {
      const d = deps(env);
      const response = await handler(
        new Request("http://localhost/", { method: "POST", headers }),
        d,
      );
      assert.equal(response.status, 401);
      const body = await response.json();
      assert.deepEqual(body, { error: "unauthorized" });
      assert.ok(!JSON.stringify(body).includes(SECRET));
      assert.deepEqual(d.calls, []);
    });
  }
}

Deno.test("worker: a right secret gets past the check (to the database)", async () => {
  const d = deps(ENV);
  const response = await handleWorker(
    new Request("http://localhost/", {
      method: "POST",
      headers: { Authorization: `Bearer ${SECRET}` },
    }),
    d,
  );
  assert.deepEqual(d.calls, ["sql"]);
  assert.equal(response.status, 500);
  assert.deepEqual(await response.json(), { error: "internal error" });
});

Deno.test("worker: GET is refused once authorised", async () => {
  const response = await handleWorker(
    new Request("http://localhost/", { headers: { Authorization: `Bearer ${SECRET}` } }),
    deps(ENV),
  );
  assert.equal(response.status, 405);
  await response.body?.cancel();
});

Deno.test("a bad STRIPE_SYNC_SCHEMA is refused without echoing it", async () => {
  for (const handler of [handleWorker, handleSetup, handleWebhook]) {
    const response = await handler(
      new Request("http://localhost/", {
        method: "POST",
        headers: { Authorization: `Bearer ${SECRET}` },
      }),
      deps({ ...ENV, STRIPE_SYNC_SCHEMA: 'x"; drop table y; --' }),
    );
    assert.equal(response.status, 500);
    assert.ok(!(await response.text()).includes("drop"));
  }
});

Deno.test("webhook: only POST", async () => {
  const response = await handleWebhook(new Request("http://localhost/"), deps(ENV));
  assert.equal(response.status, 405);
  await response.body?.cancel();
});

Deno.test("webhook: a body over 1 MB is 413 before anything else", async () => {
  const d = deps(ENV);
  const response = await handleWebhook(
    new Request("http://localhost/", { method: "POST", body: "x".repeat(1_000_001) }),
    d,
  );
  assert.equal(response.status, 413);
  assert.equal((await response.json()).received, false);
  assert.deepEqual(d.calls, []);
});

Deno.test("webhook: the database unreachable while loading secrets is 503 + Retry-After", async () => {
  const down: Deps = {
    env: (name) => (ENV as Record<string, string>)[name],
    sql: () => {
      const error = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      throw error;
    },
  };
  const response = await handleWebhook(
    new Request("http://localhost/", { method: "POST", body: "{}" }),
    down,
  );
  assert.equal(response.status, 503);
  assert.equal(response.headers.get("retry-after"), "5");
  assert.deepEqual(await response.json(), {
    received: false,
    error: "temporarily unavailable, retry later",
  });
});
