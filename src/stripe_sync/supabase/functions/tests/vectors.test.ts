// The TypeScript verdicts equal the Python ones: signature verification (src/stripe_sync/
// signature.py's verify_webhook) and form encoding (stripe_sync.forms.encode), on vectors that
// tests/integration/test_edge_functions.py writes with the Python code and names in
// STRIPE_SYNC_TEST_VECTORS.
import assert from "node:assert/strict";
import {
  MalformedPayloadError,
  SignatureVerificationError,
  verifyWebhook,
} from "../_shared/signature.ts";
import { encodeForm } from "../_shared/stripe.ts";

interface SignatureVector {
  name: string;
  payload_b64: string;
  header: string | null;
  secrets: string[];
  now: number;
  tolerance: number;
  expected: { ok: boolean; kind: "signature" | "malformed" | null; message: string | null };
}

interface FormVector {
  params: Record<string, unknown>;
  encoded: string;
}

function vectors(): { signatures: SignatureVector[]; forms: FormVector[] } {
  const path = Deno.env.get("STRIPE_SYNC_TEST_VECTORS");
  if (!path) {
    throw new Error(
      "STRIPE_SYNC_TEST_VECTORS is not set: run these tests through " +
        "tests/integration/test_edge_functions.py, which writes the vectors",
    );
  }
  return JSON.parse(Deno.readTextFileSync(path));
}

function bytes(b64: string): Uint8Array {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

Deno.test("every signature verdict equals Python's", async (t) => {
  const { signatures } = vectors();
  assert.ok(signatures.length >= 8, "too few signature vectors");
  for (const v of signatures) {
    await t.step(v.name, async () => {
      let verdict: { ok: boolean; kind: string | null; message: string | null };
      try {
        await verifyWebhook(bytes(v.payload_b64), v.header, v.secrets, {
          now: v.now,
          tolerance: v.tolerance,
        });
        verdict = { ok: true, kind: null, message: null };
      } catch (error) {
        if (error instanceof SignatureVerificationError) {
          verdict = { ok: false, kind: "signature", message: error.message };
        } else if (error instanceof MalformedPayloadError) {
          verdict = { ok: false, kind: "malformed", message: error.message };
        } else {
          throw error;
        }
      }
      assert.equal(verdict.ok, v.expected.ok, `${v.name}: accepted?`);
      assert.equal(verdict.kind, v.expected.kind, `${v.name}: kind of rejection`);
      // The JSON parser's position is worded differently; every other message is the same.
      if (!v.expected.message?.startsWith("webhook body is not valid JSON")) {
        assert.equal(verdict.message, v.expected.message, `${v.name}: message`);
      }
    });
  }
});

Deno.test("form encoding equals stripe_sync.forms.encode", () => {
  const { forms } = vectors();
  assert.ok(forms.length >= 5, "too few form vectors");
  for (const v of forms) assert.equal(encodeForm(v.params), v.encoded, JSON.stringify(v.params));
});
