// Stripe webhook signatures (the v1 scheme), as src/stripe_sync/signature.py verifies them:
// `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]`, each v1 the hex HMAC-SHA256 of
// `<t>.<body>` keyed with an endpoint secret. Any (secret, v1) pair matching passes; the
// timestamp must be within the tolerance of now, in the past or in the future. Messages name
// the problem only: never a secret, a signature or the payload.

export const DEFAULT_TOLERANCE = 300;

/** The delivery is not signed by any known secret (answered 400). */
export class SignatureVerificationError extends Error {
  override name = "SignatureVerificationError";
}

/** The body is not a Stripe event (answered 400). */
export class MalformedPayloadError extends Error {
  override name = "MalformedPayloadError";
}

const encoder = new TextEncoder();

export async function computeSignature(
  payload: Uint8Array,
  secret: string,
  timestamp: string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const prefix = encoder.encode(`${timestamp}.`);
  const signed = new Uint8Array(prefix.length + payload.length);
  signed.set(prefix);
  signed.set(payload, prefix.length);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, signed));
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Equal byte strings, in time that depends on their length only. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

function parseHeader(header: string): { timestamp: string; signatures: string[] } {
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const item of header.split(",")) {
    const trimmed = item.trim();
    const at = trimmed.indexOf("=");
    if (at < 0) continue;
    const key = trimmed.slice(0, at);
    const value = trimmed.slice(at + 1).trim();
    if (key === "t" && timestamp === undefined) timestamp = value;
    else if (key === "v1") signatures.push(value);
  }
  if (timestamp === undefined) {
    throw new SignatureVerificationError("malformed Stripe-Signature header: no timestamp (t=)");
  }
  if (!/^[0-9]+$/.test(timestamp)) {
    throw new SignatureVerificationError(
      "malformed Stripe-Signature header: the timestamp (t=) is not an integer",
    );
  }
  if (signatures.length === 0) {
    throw new SignatureVerificationError("malformed Stripe-Signature header: no v1 signature");
  }
  return { timestamp, signatures };
}

/** Check `header` against `payload`; answers the signed timestamp or throws. `now` is Unix
 * seconds; `tolerance` 0 turns the time check off. */
export async function verifySignature(
  payload: Uint8Array,
  header: string | null | undefined,
  secrets: readonly string[],
  options: { tolerance?: number; now: number },
): Promise<number> {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!header || !header.trim()) {
    throw new SignatureVerificationError("missing Stripe-Signature header");
  }
  const keys = secrets.filter((k) => k && k.trim());
  if (keys.length === 0) {
    throw new SignatureVerificationError("no webhook signing secret is configured");
  }
  const { timestamp, signatures } = parseHeader(header);
  // The signed text holds the timestamp as an integer (leading zeros dropped), as Python does.
  const canonical = BigInt(timestamp).toString();
  let matched = false;
  for (const key of keys) {
    const expected = await computeSignature(payload, key, canonical);
    // Every pair is compared, without stopping at the first match.
    for (const candidate of signatures) matched = constantTimeEqual(expected, candidate) || matched;
  }
  if (!matched) {
    throw new SignatureVerificationError(
      "no v1 signature in the Stripe-Signature header matches the payload " +
        "with any configured secret",
    );
  }
  const t = Number(canonical);
  if (tolerance) {
    const age = options.now - t;
    if (age > tolerance) {
      throw new SignatureVerificationError(
        `signature timestamp is ${Math.trunc(age)} s old, more than the ${tolerance} s tolerance`,
      );
    }
    if (-age > tolerance) {
      throw new SignatureVerificationError(
        `signature timestamp is ${Math.trunc(-age)} s in the future, ` +
          `more than the ${tolerance} s tolerance`,
      );
    }
  }
  return t;
}

/** Python's name for a JSON value's type, for messages that must not echo the value. */
function pyType(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  if (typeof value === "string") return "str";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  if (Array.isArray(value)) return "list";
  return "dict";
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return "missing";
  if (typeof value === "string") {
    return value ? `a ${[...value].length}-character string` : "an empty string";
  }
  return `a ${pyType(value)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The shape checks of stripe_sync.events.validate_event (require_object=True). */
export function validateEvent(event: Record<string, unknown>): void {
  if (event.object !== "event") {
    throw new MalformedPayloadError(
      `not a Stripe event: "object" is ${describe(event.object)}, expected "event"`,
    );
  }
  for (const key of ["id", "type"]) {
    const value = event[key];
    if (typeof value !== "string" || !value) {
      throw new MalformedPayloadError(
        `malformed event: "${key}" is ${describe(value)}, expected a non-empty string`,
      );
    }
  }
  const data = event.data;
  if (!isObject(data)) {
    throw new MalformedPayloadError(
      `malformed event: "data" is ${describe(data)}, expected an object`,
    );
  }
  if (!isObject(data.object)) {
    throw new MalformedPayloadError(
      `malformed event: "data.object" is ${describe(data.object)}, expected an object`,
    );
  }
}

/** Verify a delivery, then parse and shape-check its body: the event and its JSON text. */
export async function verifyWebhook(
  payload: Uint8Array,
  header: string | null | undefined,
  secrets: readonly string[],
  options: { tolerance?: number; now: number },
): Promise<{ event: Record<string, unknown>; text: string }> {
  await verifySignature(payload, header, secrets, options);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(payload);
  } catch {
    throw new MalformedPayloadError("webhook body is not valid UTF-8");
  }
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    throw new MalformedPayloadError("webhook body is not valid JSON");
  }
  if (!isObject(event)) {
    throw new MalformedPayloadError(
      `webhook body is a JSON ${pyType(event)}, expected an event object`,
    );
  }
  validateEvent(event);
  return { event, text };
}
