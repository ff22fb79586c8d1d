// The Stripe HTTP boundary of the edge functions, after src/stripe_sync/client.py: form-encoded
// requests (Stripe's bracket syntax), Stripe-Version pinned, Stripe-Account only for connected
// accounts, 429/5xx (and Stripe-Should-Retry: true) retried with capped exponential backoff
// honouring Retry-After, at most MAX_TRIES attempts. The key only travels in Authorization;
// no message built here holds it.

export const MAX_TRIES = 5;
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
export type Sleep = (ms: number) => Promise<void>;
export type StripeObject = Record<string, unknown> & { id?: unknown; object?: unknown };

/** Stripe answered an error, or could not be reached. `transient` errors are worth retrying
 * later (the webhook answers 503, a backfill window is given back). */
export class StripeError extends Error {
  override name = "StripeError";
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

// -- form encoding ------------------------------------------------------------------------------

/** Python's urllib.parse.quote_plus: only A-Z a-z 0-9 _ . - ~ stay as they are. */
function quotePlus(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, "+");
}

function scalar(value: unknown): string {
  if (value === true) return "true";
  if (value === false) return "false";
  if (value === null || value === undefined) return "";
  return String(value);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

function flatten(prefix: string, value: unknown, out: [string, string][]): void {
  if (Array.isArray(value)) {
    if (value.every(isScalar)) {
      for (const v of value) out.push([`${prefix}[]`, scalar(v)]);
    } else {
      value.forEach((v, i) => flatten(`${prefix}[${i}]`, v, out));
    }
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(`${prefix}[${k}]`, v, out);
  } else {
    out.push([prefix, scalar(value)]);
  }
}

/** Nested parameters as a query string or form body, exactly as stripe_sync.forms.encode. */
export function encodeForm(params: Record<string, unknown> | null | undefined): string {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(params ?? {})) flatten(key, value, pairs);
  return pairs.map(([k, v]) => `${quotePlus(k)}=${quotePlus(v)}`).join("&");
}

/** "live" or "test" from the key, as `StripeSyncConfig.mode` in Python: a backfill keeps its runs
 * and cursors per account and mode, so the edge functions resume the Python engine's cursors
 * for the same key, and a live and a test key never share them. */
export function keyMode(secretKey: string): "live" | "test" {
  return secretKey.slice(0, 8).includes("_live_") ? "live" : "test";
}

// -- the client ---------------------------------------------------------------------------------

export interface StripeOptions {
  apiBase: string;
  secretKey: string;
  apiVersion: string;
  fetch?: Fetch;
  sleep?: Sleep;
  random?: () => number;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export interface ListPage {
  data: StripeObject[];
  has_more: boolean;
}

export class StripeClient {
  readonly #fetch: Fetch;
  readonly #sleep: Sleep;
  readonly #random: () => number;
  /** HTTP attempts sent, retries included. */
  requests = 0;

  constructor(readonly options: StripeOptions) {
    this.#fetch = options.fetch ?? fetch;
    this.#sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.#random = options.random ?? Math.random;
  }

  async request(
    method: string,
    path: string,
    params?: Record<string, unknown> | null,
    account?: string | null,
  ): Promise<StripeObject> {
    method = method.toUpperCase();
    const headers: Record<string, string> = {
      "Authorization": `Bearer ${this.options.secretKey}`,
      "Stripe-Version": this.options.apiVersion,
      "User-Agent": "stripe-sync-supabase",
    };
    if (account) headers["Stripe-Account"] = account;
    let url = this.options.apiBase + path;
    let body: string | undefined;
    if (method === "POST") {
      // One key for every attempt: Stripe replays the first result for a repeated key.
      headers["Idempotency-Key"] = `stripe-sync-${crypto.randomUUID()}`;
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      body = encodeForm(params);
    } else {
      const query = encodeForm(params);
      if (query) url += `?${query}`;
    }
    for (let attempt = 1;; attempt++) {
      this.requests++;
      let response: Response;
      let text: string;
      try {
        response = await this.#fetch(url, { method, headers, body });
        // Reading the body can fail too (a reset connection): a network failure, retried.
        text = await response.text();
      } catch {
        if (attempt >= MAX_TRIES) {
          throw new StripeError(
            `could not reach Stripe for ${method} ${path} after ${attempt} attempt(s)`,
            null,
            null,
            true,
          );
        }
        await this.#sleep(this.#delay(attempt, null));
        continue;
      }
      if (response.status < 300) {
        const parsed = parseJson(text);
        if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
          throw new StripeError(
            `Stripe answered ${method} ${path} with a body that is not a JSON object`,
            response.status,
            null,
            true,
          );
        }
        return parsed as StripeObject;
      }
      const error = toError(response, text, method, path);
      if (attempt >= MAX_TRIES || !shouldRetry(response)) throw error;
      await this.#sleep(this.#delay(attempt, retryAfter(response)));
    }
  }

  /** Capped exponential backoff with equal jitter, never less than Retry-After (capped too). */
  #delay(attempt: number, retryAfterSeconds: number | null): number {
    const cap = this.options.maxDelayMs ?? 8000;
    const base = Math.min(cap, (this.options.initialDelayMs ?? 500) * 2 ** (attempt - 1));
    let delay = base / 2 + this.#random() * base / 2;
    if (retryAfterSeconds !== null) {
      delay = Math.max(delay, Math.min(retryAfterSeconds * 1000, cap));
    }
    return delay;
  }

  async listPage(
    path: string,
    params: Record<string, unknown>,
    account?: string | null,
  ): Promise<ListPage> {
    const body = await this.request("GET", path, params, account);
    if (!Array.isArray(body.data)) {
      throw new StripeError(`expected a list object from GET ${path}`, 200, null, false);
    }
    return { data: body.data as StripeObject[], has_more: body.has_more === true };
  }

  /** Every object of a list endpoint (paged with starting_after), the last copy of an id
   * winning at the position of its first. */
  async listAll(
    path: string,
    params: Record<string, unknown>,
    account?: string | null,
  ): Promise<StripeObject[]> {
    const seen = new Map<string, StripeObject>();
    const query: Record<string, unknown> = { ...params, limit: 100 };
    for (;;) {
      const page = await this.listPage(path, query, account);
      for (const item of page.data) seen.set(String(item.id), item);
      if (!page.has_more || page.data.length === 0) break;
      query.starting_after = page.data[page.data.length - 1].id;
    }
    return [...seen.values()];
  }

  /** GET `retrievePath` ({id} substituted); null when Stripe says the object is gone. */
  async retrieve(
    retrievePath: string,
    id: string,
    account?: string | null,
  ): Promise<StripeObject | null> {
    try {
      return await this.request(
        "GET",
        retrievePath.replace("{id}", encodeURIComponent(id)),
        null,
        account,
      );
    } catch (error) {
      if (isGone(error)) return null;
      throw error;
    }
  }
}

/** A 404 that means the object does not exist (not, e.g., an unknown URL with another code). */
export function isGone(error: unknown): boolean {
  return error instanceof StripeError && error.status === 404 &&
    (error.code === null || error.code === "resource_missing");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function shouldRetry(response: Response): boolean {
  const header = (response.headers.get("stripe-should-retry") ?? "").trim().toLowerCase();
  if (header === "false") return false;
  if (header === "true") return true;
  return RETRY_STATUSES.has(response.status);
}

function retryAfter(response: Response): number | null {
  const value = response.headers.get("retry-after");
  if (value === null || value.trim() === "") return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

function toError(response: Response, text: string, method: string, path: string): StripeError {
  const status = response.status;
  const body = parseJson(text) as { error?: { message?: unknown; code?: unknown } } | null;
  const err = body && typeof body === "object" && body.error && typeof body.error === "object"
    ? body.error
    : {};
  const message = typeof err.message === "string" && err.message
    ? err.message
    : `Stripe returned HTTP ${status} without an error object`;
  const code = typeof err.code === "string" && err.code ? err.code : null;
  const transient = status === 429 || status >= 500 || shouldRetry(response);
  return new StripeError(`${method} ${path}: ${message}`, status, code, transient);
}
