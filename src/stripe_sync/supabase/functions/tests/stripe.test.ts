// The Stripe client: headers, retries (429/5xx, Retry-After, Stripe-Should-Retry, at most 5
// tries), errors, 404 as "gone", paging.
import assert from "node:assert/strict";
import { isGone, keyMode, MAX_TRIES, StripeClient, StripeError } from "../_shared/stripe.ts";

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

function client(responses: (() => Response)[]) {
  const sent: Sent[] = [];
  const slept: number[] = [];
  const stripe = new StripeClient({
    apiBase: "https://api.example",
    secretKey: "sk_test_secret",
    apiVersion: "2026-10-28.endive",
    fetch: (input, init) => {
      sent.push({
        url: String(input),
        method: String(init?.method),
        headers: init?.headers as Record<string, string>,
        body: init?.body as string | undefined,
      });
      const next = responses.shift();
      if (!next) throw new Error("no more responses");
      return Promise.resolve(next());
    },
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
    random: () => 0,
  });
  return { stripe, sent, slept };
}

const ok = (body: unknown) => () => Response.json(body);
const status = (code: number, headers: Record<string, string> = {}, body: unknown = {}) => () =>
  Response.json(body, { status: code, headers });

Deno.test("GET sends the key, the version, the query; Stripe-Account only when given", async () => {
  const { stripe, sent } = client([ok({ id: "cus_1" }), ok({ id: "cus_1" })]);
  await stripe.request("GET", "/v1/customers", { limit: 100, created: { gte: 5 } });
  await stripe.request("GET", "/v1/customers/cus_1", null, "acct_2");
  assert.equal(sent[0].url, "https://api.example/v1/customers?limit=100&created%5Bgte%5D=5");
  assert.equal(sent[0].headers["Authorization"], "Bearer sk_test_secret");
  assert.equal(sent[0].headers["Stripe-Version"], "2026-10-28.endive");
  assert.equal(sent[0].headers["Stripe-Account"], undefined);
  assert.equal(sent[1].headers["Stripe-Account"], "acct_2");
});

Deno.test("POST is form-encoded with one idempotency key for every attempt", async () => {
  const { stripe, sent } = client([status(500), ok({ id: "we_1" })]);
  await stripe.request("POST", "/v1/webhook_endpoints", {
    url: "https://x/y",
    enabled_events: ["a.b", "c.d"],
    metadata: { managed_by: "stripe-sync" },
  });
  assert.equal(
    sent[0].body,
    "url=https%3A%2F%2Fx%2Fy&enabled_events%5B%5D=a.b&enabled_events%5B%5D=c.d" +
      "&metadata%5Bmanaged_by%5D=stripe-sync",
  );
  assert.equal(sent[0].headers["Content-Type"], "application/x-www-form-urlencoded");
  assert.ok(sent[0].headers["Idempotency-Key"]);
  assert.equal(sent[0].headers["Idempotency-Key"], sent[1].headers["Idempotency-Key"]);
});

Deno.test("429 and 5xx are retried, waiting at least Retry-After", async () => {
  const { stripe, sent, slept } = client([
    status(429, { "Retry-After": "3" }),
    status(503),
    ok({ id: "cus_1" }),
  ]);
  assert.deepEqual(await stripe.request("GET", "/v1/customers/cus_1"), { id: "cus_1" });
  assert.equal(sent.length, 3);
  assert.equal(slept[0], 3000);
  assert.ok(slept[1] > 0 && slept[1] < 3000);
});

Deno.test(`at most ${MAX_TRIES} tries, then a transient error without the key`, async () => {
  const { stripe, sent } = client(Array.from({ length: 9 }, () => status(502)));
  const error = await stripe.request("GET", "/v1/customers").catch((e) => e);
  assert.ok(error instanceof StripeError);
  assert.equal(error.transient, true);
  assert.equal(error.status, 502);
  assert.equal(sent.length, MAX_TRIES);
  assert.ok(!error.message.includes("sk_test_secret"));
});

Deno.test("network failures are retried and end transient", async () => {
  const { stripe, sent } = client(Array.from({ length: MAX_TRIES }, () => () => {
    throw new TypeError("connection refused");
  }));
  const error = await stripe.request("GET", "/v1/account").catch((e) => e);
  assert.ok(error instanceof StripeError && error.transient && error.status === null);
  assert.equal(sent.length, MAX_TRIES);
});

Deno.test("Stripe-Should-Retry decides over the status", async () => {
  const never = client([status(503, { "Stripe-Should-Retry": "false" })]);
  await assert.rejects(never.stripe.request("GET", "/v1/account"), StripeError);
  assert.equal(never.sent.length, 1);
  const lock = client([status(409, { "Stripe-Should-Retry": "true" }), ok({ id: "x" })]);
  assert.deepEqual(await lock.stripe.request("GET", "/v1/account"), { id: "x" });
  assert.equal(lock.sent.length, 2);
});

Deno.test("4xx are not retried; 404 resource_missing is 'gone'", async () => {
  const missing = { error: { code: "resource_missing", message: "No such customer" } };
  const { stripe, sent } = client([status(404, {}, missing), status(400, {}, { error: {} })]);
  assert.equal(await stripe.retrieve("/v1/customers/{id}", "cus_gone"), null);
  assert.equal(sent[0].url, "https://api.example/v1/customers/cus_gone");
  const error = await stripe.request("GET", "/v1/customers", { x: 1 }).catch((e) => e);
  assert.equal(error.status, 400);
  assert.equal(error.transient, false);
  assert.equal(isGone(error), false);
  assert.equal(sent.length, 2);
});

Deno.test("listAll pages with starting_after and keeps one copy per id", async () => {
  const { stripe, sent } = client([
    ok({ object: "list", data: [{ id: "a", v: 1 }, { id: "b" }], has_more: true }),
    ok({ object: "list", data: [{ id: "a", v: 2 }, { id: "c" }], has_more: false }),
  ]);
  const items = await stripe.listAll("/v1/subscription_items", { subscription: "sub_1" });
  assert.deepEqual(items, [{ id: "a", v: 2 }, { id: "b" }, { id: "c" }]);
  assert.ok(sent[1].url.endsWith("subscription=sub_1&limit=100&starting_after=b"));
});

Deno.test("a key's mode is live for live secret and restricted keys, test otherwise", () => {
  assert.equal(keyMode("sk_live_abc"), "live");
  assert.equal(keyMode("rk_live_abc"), "live");
  assert.equal(keyMode("sk_test_abc"), "test");
  assert.equal(keyMode("rk_test_abc"), "test");
  // Only the prefix counts: a test key whose random part holds "_live_" stays test.
  assert.equal(keyMode("sk_test_x_live_y"), "test");
});
