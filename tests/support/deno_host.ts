// Runs an edge function's index.ts locally, as Supabase's Edge Runtime would:
//
//     deno run --allow-all deno_host.ts <entrypoint.ts> <port>
//
// Deno.serve is replaced so that the entrypoint's `Deno.serve(handler)` listens on
// 127.0.0.1:<port>; once it does, one line `listening <port>` is printed (tests and the fake
// Supabase wait for it). Used by tests/integration/test_edge_functions.py and FakeSupabase.
const [entrypoint, portText] = Deno.args;
const port = Number(portText);
if (!entrypoint || !Number.isInteger(port) || port <= 0) {
  console.error("usage: deno run --allow-all deno_host.ts <entrypoint.ts> <port>");
  Deno.exit(2);
}

type Handler = (request: Request, info: Deno.ServeHandlerInfo) => Response | Promise<Response>;
const serve = Deno.serve.bind(Deno);

// deno-lint-ignore no-explicit-any
(Deno as any).serve = (first: Handler | { handler?: Handler }, second?: Handler) => {
  const handler = typeof first === "function" ? first : (second ?? first.handler);
  if (!handler) throw new Error("Deno.serve was called without a handler");
  return serve({
    hostname: "127.0.0.1",
    port,
    onListen: () => console.log(`listening ${port}`),
  }, handler);
};

const cwd = Deno.cwd().endsWith("/") ? Deno.cwd() : `${Deno.cwd()}/`;
await import(new URL(entrypoint, `file://${cwd}`).href);
