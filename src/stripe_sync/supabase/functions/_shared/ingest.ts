// Applying events and fetched objects: the TypeScript twin of src/stripe_sync/ingest.py's
// Ingestor (auto_expand_lists on, no revalidation, no related-object fetches). What to write is
// decided in SQL (_route_event_v1); this module only does the Stripe calls around it: page the
// child lists _route_event_v1 marks must_list, re-fetch an object whose write was a same-second
// tie ('ambiguous'), re-list a summary's rows.
import type { Change, ChildRoute, ResourceRow, Route, Store } from "./store.ts";
import { keyMode, type StripeClient, type StripeObject } from "./stripe.ts";
import { DEFAULT_API_BASE } from "./config.ts";

/** Re-fetches of one object to settle a same-second tie before the last fetch simply wins. */
export const MAX_REFETCHES = 3;

export interface Ingest {
  store: Store;
  stripe: StripeClient;
  /** Wall clock, milliseconds (the version of an object fetched now). */
  now: () => number;
}

export interface Result {
  outcome: string;
  resource: string | null;
  object_id: string | null;
  account_id: string;
  event_id: string | null;
  event_type: string | null;
  refetches: number;
}

export type ChildList = Change["children"][number];

const iso = (ms: number) => new Date(ms).toISOString();

function substitute(text: string, name: string, value: string): string {
  return text.replaceAll(`{${name}}`, value);
}

function substituteParams(
  params: Record<string, string> | null | undefined,
  name: string,
  value: string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([k, v]) => [k, substitute(String(v), name, value)]),
  );
}

/** The child lists to pass to _apply_event_v2 for a routed object: a deleted parent's tables to
 * tombstone, else the embedded lists, those marked must_list paged to completion. */
export async function childLists(
  ctx: Ingest,
  route: Route,
  account: string | null,
): Promise<ChildList[]> {
  const shape = (c: ChildRoute, objects: unknown[], complete: boolean): ChildList => ({
    table: c.table,
    parent_column: c.parent_column,
    objects,
    complete,
  });
  if (route.action === "delete") return route.children.map((c) => shape(c, [], true));
  const out: ChildList[] = [];
  const id = route.object_id;
  for (const c of route.children) {
    if (c.must_list && id) {
      const items = await ctx.stripe.listAll(
        substitute(c.path, "id", id),
        substituteParams(c.params, "id", id),
        account,
      );
      out.push(shape(c, items, true));
    } else if (c.present) {
      out.push(shape(c, c.objects, c.complete));
    }
  }
  return out;
}

/** Apply one verified event (its JSON text); `platform` answers the key's own account id;
 * `via`: how the event came (recorded with it, for the freshness view). */
export async function processEvent(
  ctx: Ingest,
  eventText: string,
  platform: () => Promise<string>,
  via: string | null = null,
): Promise<Result> {
  const route = await ctx.store.routeEvent(eventText, null);
  const platformId = await platform();
  // Stripe-Account is only sent for another account than the key's own.
  const connected = route.account && route.account !== platformId ? route.account : null;
  const accountId = connected ?? platformId;
  const base: Change = {
    event_id: route.event_id,
    event_type: route.event_type,
    event_created: route.event_created,
    account_id: accountId,
    action: "skip",
    table: route.table,
    objects: route.objects,
    version: iso((route.event_created ?? 0) * 1000),
    source: "event",
    parent_column: route.parent_column,
    parent_id: route.parent_id,
    children: [],
    tie_wins: false,
    via,
    livemode: route.livemode ?? null,
  };
  const result = (outcome: string, objectId: string | null, refetches = 0): Result => ({
    outcome,
    resource: route.resource,
    object_id: objectId,
    account_id: accountId,
    event_id: route.event_id,
    event_type: route.event_type,
    refetches,
  });

  if (route.action === "skip" || route.resource === null) {
    const applied = await ctx.store.apply(base);
    if (applied.outcome !== "duplicate") {
      console.log(`skipped event ${route.event_id} (${route.event_type}): ${route.reason}`);
    }
    return result(applied.outcome, route.object_id);
  }

  if (route.action === "replace_children") {
    // The rows replace the parent's, so the set must be complete: a truncated summary is
    // listed, and so is a same-second tie (re-listed).
    const relist = () => listParentRows(ctx, route, connected);
    let change: Change = {
      ...base,
      action: "replace_children",
      objects: route.has_more ? await relist() : route.objects,
    };
    let applied = await ctx.store.apply(change);
    let refetches = 0;
    while (applied.outcome === "ambiguous") {
      refetches++;
      change = {
        ...change,
        objects: await relist(),
        source: "refetch",
        version: applied.seen_at,
        tie_wins: refetches >= MAX_REFETCHES,
      };
      applied = await ctx.store.apply(change);
    }
    return result(applied.outcome, route.parent_id, refetches);
  }

  const change: Change = {
    ...base,
    action: route.action,
    children: await childLists(ctx, route, connected),
  };
  const kind = String((route.objects[0] as StripeObject | undefined)?.object ?? "");
  const { outcome, refetches } = await applySettled(
    ctx,
    change,
    route.retrieve_path,
    kind,
    connected,
  );
  return result(outcome, route.object_id, refetches);
}

async function listParentRows(
  ctx: Ingest,
  route: Route,
  account: string | null,
): Promise<StripeObject[]> {
  const perParent = route.list_per_parent;
  if (!perParent || !route.parent_id) {
    throw new Error(`${route.resource} cannot be listed per parent`);
  }
  return await ctx.stripe.listAll(
    substitute(perParent.path, "parent", route.parent_id),
    substituteParams(perParent.params, "parent", route.parent_id),
    account,
  );
}

/** Apply `change`; settle a same-second tie by fetching the object again (its re-fetch wins
 * the tie unless someone wrote the row since; after MAX_REFETCHES the last fetch wins). */
export async function applySettled(
  ctx: Ingest,
  change: Change,
  retrievePath: string | null,
  objectType: string,
  account: string | null,
): Promise<{ outcome: string; refetches: number }> {
  let applied = await ctx.store.apply(change);
  let refetches = 0;
  while (applied.outcome === "ambiguous") {
    const first = change.objects[0] as StripeObject | undefined;
    const objectId = typeof first?.id === "string" ? first.id : null;
    if (retrievePath === null || objectId === null) {
      change = { ...change, tie_wins: true };
    } else {
      refetches++;
      const fresh = await fetchOrStub(ctx, retrievePath, objectId, objectType, account);
      const route = await ctx.store.routeEvent(null, fresh);
      change = {
        ...change,
        action: route.action,
        objects: route.objects,
        children: await childLists(ctx, route, account),
        // The database clock when the conflict was seen, before this fetch began.
        source: "refetch",
        version: applied.seen_at,
        tie_wins: refetches >= MAX_REFETCHES,
      };
    }
    applied = await ctx.store.apply(change);
  }
  return { outcome: applied.outcome, refetches };
}

async function fetchOrStub(
  ctx: Ingest,
  retrievePath: string,
  id: string,
  objectType: string,
  account: string | null,
): Promise<StripeObject> {
  // A 404 resource_missing: the payload Stripe sends for a deleted object.
  return (await ctx.stripe.retrieve(retrievePath, id, account)) ??
    { id, object: objectType, deleted: true };
}

/** Fetch one object by id and write it (a missing or deleted one becomes a tombstone). */
export async function syncEntity(
  ctx: Ingest,
  resource: ResourceRow,
  id: string,
  accountId: string,
  connected: string | null,
): Promise<string> {
  if (!resource.retrieve_path) throw new Error(`${resource.name} cannot be retrieved by id`);
  const fetchedAt = iso(ctx.now());
  const fresh = await fetchOrStub(ctx, resource.retrieve_path, id, resource.object, connected);
  const route = await ctx.store.routeEvent(null, fresh);
  const change: Change = {
    event_id: null,
    event_type: null,
    event_created: null,
    account_id: accountId,
    action: route.action,
    table: resource.table_name,
    objects: route.objects,
    version: fetchedAt,
    source: "fetch",
    parent_column: route.parent_column,
    parent_id: route.parent_id,
    children: await childLists(ctx, route, connected),
    tie_wins: false,
    livemode: keyMode(ctx.stripe.options.secretKey) === "live",
  };
  const { outcome } = await applySettled(
    ctx,
    change,
    resource.retrieve_path,
    resource.object,
    connected,
  );
  return outcome;
}

/** The key's own account id: remembered, else looked up by key hash, else fetched (and
 * stored in `accounts`, as the Python engine does). */
export async function platformAccount(
  ctx: Ingest,
  secretKey: string,
  cache: Map<string, string>,
): Promise<string> {
  const keyHash = await accountKeyHash(secretKey, ctx.stripe.options.apiBase);
  const cacheKey = `${ctx.store.schema}:${keyHash}`;
  const known = cache.get(cacheKey);
  if (known) return known;
  let found = await ctx.store.accountForKey(keyHash);
  if (found === null) {
    const account = await ctx.stripe.request("GET", "/v1/account");
    await ctx.store.upsertAccount(account, keyHash);
    found = String(account.id);
  }
  cache.set(cacheKey, found);
  return found;
}

/** What `accounts.api_key_hashes` holds for a key (as the Python engine computes it): the
 * SHA-256 of the key for Stripe itself, of the API base and the key for any other server (a
 * fake), so that the same test key served by two fakes never maps to the other's account. */
export async function accountKeyHash(secretKey: string, apiBase: string): Promise<string> {
  const base = apiBase.replace(/\/+$/, "");
  return await sha256Hex(base === DEFAULT_API_BASE ? secretKey : `${base}\n${secretKey}`);
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
