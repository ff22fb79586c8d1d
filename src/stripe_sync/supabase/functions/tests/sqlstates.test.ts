// The edge functions' transient database errors: the SQLSTATEs of sqlstates.json, which the
// Python store reads too (stripe_sync/store/translate.py).
import assert from "node:assert/strict";
import { isTransientDbError } from "../_shared/store.ts";
import SQLSTATES from "../_shared/sqlstates.json" with { type: "json" };

function pgError(code: string): unknown {
  return Object.assign(new Error("x"), { name: "PostgresError", code });
}

Deno.test("busy and unavailable SQLSTATEs are transient, others are not", () => {
  const busy = Object.keys(SQLSTATES.busy);
  assert.deepEqual(busy.sort(), ["40001", "40P01", "55P03", "57014"]);
  for (const code of busy) assert.equal(isTransientDbError(pgError(code)), true, code);
  for (const cls of Object.keys(SQLSTATES.unavailable_classes)) {
    assert.equal(isTransientDbError(pgError(`${cls}000`)), true, cls);
  }
  for (const code of ["23505", "22023", "42P01", "40002", "XX000"]) {
    assert.equal(isTransientDbError(pgError(code)), false, code);
  }
});
