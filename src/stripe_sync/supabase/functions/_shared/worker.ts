// stripe-worker: one backfill pass of the platform account within a time budget, as
// src/stripe_sync/backfill.py's Backfiller works a run: plan (or join) the run in SQL, then N
// concurrent loops claim windows as leases, list one page at a time (list / parents /
// children windows), and commit each page with its cursor. Out of time, claimed windows are
// given back ('pending') for the next invocation (pg_cron calls this every minute).
import {
  authorized,
  config,
  type Deps,
  internalError,
  json,
  stripeClient,
  unauthorized,
} from "./http.ts";
import { childLists, type Ingest, platformAccount, syncEntity } from "./ingest.ts";
import { isTransientDbError, type ResourceRow, Store, type Window } from "./store.ts";
import { isGone, keyMode, StripeError, type StripeObject } from "./stripe.ts";
import { errorName } from "./webhook.ts";

export const LEASE = "30 seconds";
export const PAGE_SIZE = 100;
/** Parents whose objects are listed at once and committed together (per-parent objects). */
export const PARENTS_AT_ONCE = 10;
/** Times a window is given back after a transient failure before it counts as failed. */
export const MAX_TRANSIENT_ATTEMPTS = 3;
export const INITIAL_WINDOWS = 8;
/** The runs' `triggered_by`. */
const TRIGGERED_BY = "supabase-worker";
/** 2010-01-01: nothing in Stripe is older (the floor when the account's creation is unknown). */
const STRIPE_EPOCH = 1262304000;

export interface WorkerResult {
  run_id: number;
  pages: number;
  objects: number;
  status: string;
}

interface Page {
  data: StripeObject[];
  has_more: boolean;
  cursor: string | null;
  cursor_created: string | null;
}

export async function handleWorker(request: Request, deps: Deps): Promise<Response> {
  const cfg = config(deps);
  if (cfg === null) return internalError();
  if (!authorized(request, cfg.functionSecret)) return unauthorized();
  if (request.method !== "POST") {
    return json(405, { error: "method not allowed" }, { Allow: "POST" });
  }
  if (!cfg.stripeSecretKey) {
    console.error("stripe-sync: STRIPE_SYNC_STRIPE_KEY is not set");
    return internalError();
  }
  const now = deps.now ?? Date.now;
  try {
    const ctx: Ingest = {
      store: new Store(deps.sql(), cfg.schema),
      stripe: stripeClient(cfg, cfg.stripeSecretKey, deps),
      now,
    };
    const platform = await platformAccount(ctx, cfg.stripeSecretKey, deps.cache ?? new Map());
    const worker = new Worker(ctx, platform, {
      concurrency: cfg.workerConcurrency,
      deadline: now() + cfg.workerSeconds * 1000,
      sleep: deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    });
    return json(200, await worker.run());
  } catch (error) {
    if (isTransientDbError(error) || (error instanceof StripeError && error.transient)) {
      console.warn(`worker failed transiently: ${errorName(error)}`);
      return json(503, { error: "temporarily unavailable, retry later" }, { "Retry-After": "5" });
    }
    console.error(`worker failed: ${errorName(error)}`);
    return internalError();
  }
}

export class Worker {
  pages = 0;
  objects = 0;
  #resources = new Map<string, ResourceRow>();
  readonly #id = `supabase-worker:${crypto.randomUUID().slice(0, 8)}`;

  constructor(
    readonly ctx: Ingest,
    readonly accountId: string,
    readonly options: {
      concurrency: number;
      deadline: number;
      sleep: (ms: number) => Promise<void>;
    },
  ) {}

  async run(): Promise<WorkerResult> {
    const { store, stripe } = this.ctx;
    this.#resources = await store.resources();
    let [known, created] = await store.accountCreated(this.accountId);
    if (!known) {
      await store.upsertAccount(await stripe.request("GET", "/v1/account"), null);
      [known, created] = await store.accountCreated(this.accountId);
    }
    const objects = await store.backfillObjects();
    const mode = keyMode(stripe.options.secretKey);
    await store.adopt(this.accountId, mode, TRIGGERED_BY);
    const { runId } = await store.plan(
      this.accountId,
      objects,
      created ?? STRIPE_EPOCH,
      LEASE,
      TRIGGERED_BY,
      INITIAL_WINDOWS,
      mode,
    );
    await Promise.all(
      Array.from(
        { length: this.options.concurrency },
        (_, n) => this.#loop(runId, `${this.#id}/${n}`),
      ),
    );
    const status = await store.finish(runId);
    return { run_id: Number(runId), pages: this.pages, objects: this.objects, status };
  }

  #timeLeft(): boolean {
    return this.ctx.now() < this.options.deadline;
  }

  async #loop(runId: string, worker: string): Promise<void> {
    while (this.#timeLeft()) {
      const window = await this.ctx.store.claim(runId, worker, LEASE);
      if (window !== null) {
        await this.#work(window);
        continue;
      }
      if (await this.ctx.store.finish(runId) !== "running") return;
      // Every open window is held by another worker, who may split it, finish or die (its
      // lease expires): look again soon.
      await this.options.sleep(250);
    }
  }

  async #work(window: Window): Promise<void> {
    let current: Window | null = window;
    let last = window;
    try {
      while (current !== null) {
        last = current;
        if (!this.#timeLeft()) {
          await this.ctx.store.release(current, "pending", null);
          return;
        }
        current = await this.#page(current);
      }
    } catch (error) {
      if (isTransientDbError(error)) throw error;
      const transient = error instanceof StripeError && error.transient;
      const retry = transient && last.failures + 1 < MAX_TRANSIENT_ATTEMPTS;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.warn(
        `backfill window ${last.id} (${last.object}) ${
          retry ? "will be retried" : "failed"
        }: ${message}`,
      );
      await this.ctx.store.release(last, retry ? "pending" : "error", message);
    }
  }

  #resource(name: string): ResourceRow {
    const found = this.#resources.get(name);
    if (!found) throw new Error(`unknown resource ${name}`);
    return found;
  }

  /** List and commit the next page of `window`: the window for its next page, or null. */
  async #page(window: Window): Promise<Window | null> {
    const resource = this.#resource(window.object);
    if (window.kind === "children") return await this.#childrenPage(window, resource);
    if (window.kind === "parents") {
      const parent = this.#resource(resource.list_per_parent!.parent);
      const page = await this.#list(parent, window);
      return await this.#commit(window, null, page, {
        spawn: page.data.map((o) => String(o.id)),
      });
    }
    const page = await this.#list(resource, window);
    const children = resource.nested_lists.length === 0 ? [] : (await Promise.all(
      page.data.map(async (obj) => {
        const route = await this.ctx.store.routeEvent(null, obj);
        const lists = await childLists(this.ctx, route, null);
        return lists.map((c) => ({ ...c, parent_id: String(obj.id) }));
      }),
    )).flat();
    const ambiguous: string[] = [];
    const following = await this.#commit(window, resource, page, { children, ambiguous });
    for (const id of ambiguous) {
      // A same-second tie with an event: fetch the object again to settle it.
      await syncEntity(this.ctx, resource, id, this.accountId, null);
    }
    this.objects += page.data.length;
    return following;
  }

  async #list(resource: ResourceRow, window: Window): Promise<Page> {
    const params: Record<string, unknown> = { ...resource.list_params, limit: PAGE_SIZE };
    const created: Record<string, number> = {};
    if (window.gte !== null) created.gte = window.gte;
    if (window.lt !== null) created.lt = window.lt;
    if (Object.keys(created).length) params.created = created;
    if (window.cursor) params.starting_after = window.cursor;
    const page = await this.ctx.stripe.listPage(resource.list_path!, params);
    const last = page.data.length ? page.data[page.data.length - 1] : null;
    return {
      data: page.data,
      has_more: page.has_more && last !== null,
      cursor: last !== null ? String(last.id) : window.cursor,
      cursor_created: last !== null && Number.isInteger(last.created)
        ? new Date(Number(last.created) * 1000).toISOString()
        : window.cursor_created,
    };
  }

  /** The objects of the next parents of a 'children' window (one parent at a time for child
   * rows, which each parent's complete list replaces). */
  async #childrenPage(window: Window, resource: ResourceRow): Promise<Window | null> {
    const perParent = resource.list_per_parent!;
    const parents = window.parent_ids;
    const start = window.cursor !== null && parents.includes(window.cursor)
      ? parents.indexOf(window.cursor) + 1
      : 0;
    if (start >= parents.length) {
      return await this.#commit(window, null, {
        data: [],
        has_more: false,
        cursor: window.cursor,
        cursor_created: null,
      }, {});
    }
    const batch = parents.slice(start, start + (resource.is_child ? 1 : PARENTS_AT_ONCE));
    const lists = await Promise.all(batch.map(async (parentId) => {
      const path = perParent.path.replaceAll("{parent}", parentId);
      const params = Object.fromEntries(
        Object.entries(perParent.params ?? {}).map((
          [k, v],
        ) => [k, String(v).replaceAll("{parent}", parentId)]),
      );
      try {
        return await this.ctx.stripe.listAll(path, params);
      } catch (error) {
        // The parent was deleted since it was listed: it has nothing to list.
        if (isGone(error)) return [];
        throw error;
      }
    }));
    const items = lists.flat();
    const following = await this.#commit(window, resource, {
      data: items,
      has_more: start + batch.length < parents.length,
      cursor: batch[batch.length - 1],
      cursor_created: null,
    }, { parentId: resource.is_child ? batch[0] : null });
    this.objects += items.length;
    return following;
  }

  async #commit(
    window: Window,
    resource: ResourceRow | null,
    page: Page,
    extra: {
      children?: unknown[];
      spawn?: string[];
      parentId?: string | null;
      ambiguous?: string[];
    },
  ): Promise<Window | null> {
    const parentId = extra.parentId ?? null;
    const committed = await this.ctx.store.page({
      window,
      lease: LEASE,
      table: resource?.table_name ?? null,
      account_id: this.accountId,
      objects: resource !== null ? page.data : [],
      children: extra.children ?? [],
      cursor: page.cursor,
      cursor_created: page.cursor_created,
      has_more: page.has_more,
      split_below: this.options.concurrency,
      parent_column: resource !== null && parentId ? resource.parent : null,
      parent_id: parentId,
      spawn_parent_ids: extra.spawn && extra.spawn.length ? extra.spawn : null,
    });
    this.pages++;
    extra.ambiguous?.push(...committed.ambiguous);
    if (committed.status === "lost") {
      console.warn(
        `backfill window ${window.id} (${window.object}): its lease went to another worker`,
      );
      return null;
    }
    if (committed.status !== "running") return null;
    return {
      ...window,
      gte: committed.split_at ?? window.gte,
      cursor: page.cursor,
      cursor_created: page.cursor_created,
      version: committed.next_version,
    };
  }
}
