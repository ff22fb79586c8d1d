// The PostgreSQL boundary of the edge functions: fixed statements calling the SQL functions the
// migrations install (the same calls src/stripe_sync/store.py makes). Every timestamp that goes
// back into SQL travels as text (postgres.js would turn it into a millisecond Date), jsonb goes
// in as JSON text cast to jsonb, and the schema is always an escaped identifier.
import postgres from "npm:postgres@3.4.9";
import SQLSTATES from "./sqlstates.json" with { type: "json" };

export type Sql = postgres.Sql;
type Json = unknown;

/** Open a small pool (no prepared statements: Supabase's pooler may run in transaction mode).
 * A libpq-style `?host=/socket/dir` names a Unix socket directory, as psycopg reads it. */
export function connect(url: string, max = 5): Sql {
  let path: string | undefined;
  try {
    const parsed = new URL(url);
    const dir = parsed.searchParams.get("host");
    if (dir?.startsWith("/")) {
      path = `${dir}/.s.PGSQL.${parsed.port || 5432}`;
      // postgres.js would send unknown query parameters to the server as settings.
      parsed.searchParams.delete("host");
      url = parsed.toString();
    }
  } catch {
    // Not a URL: postgres.js reports it.
  }
  return postgres(url, {
    ...(path ? { path } : {}),
    max,
    prepare: false,
    idle_timeout: 20,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: "stripe-sync-supabase" },
  });
}

/** The database is down, overloaded or busy: worth retrying later (answered 503). The
 * SQLSTATEs are those the Python store reads too (sqlstates.json): busy (deadlock,
 * serialization failure, lock and statement timeouts) and the classes of an unavailable server. */
export function isTransientDbError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { name?: unknown; code?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  if (e.name === "PostgresError") {
    return code in SQLSTATES.busy ||
      Object.keys(SQLSTATES.unavailable_classes).some((cls) => code.startsWith(cls));
  }
  // postgres.js connection errors (CONNECTION_CLOSED, CONNECT_TIMEOUT ...) and system errors.
  return /^(CONNECT|CONNECTION_|E[A-Z]+$)/.test(code);
}

/** The SQL function refused its input (malformed event: SQLSTATE 22023). */
export function isInvalidParameter(error: unknown): boolean {
  return !!error && typeof error === "object" &&
    (error as { name?: unknown }).name === "PostgresError" &&
    (error as { code?: unknown }).code === "22023";
}

export interface ChildRoute {
  field: string;
  table: string;
  parent_column: string | null;
  objects: Record<string, unknown>[];
  complete: boolean;
  present: boolean;
  must_list: boolean;
  path: string;
  params: Record<string, string>;
}

/** What _route_event_v1 answers (0041_one_router.sql: the route of _route_change). */
export interface Route {
  action: "upsert" | "delete" | "replace_children" | "skip";
  resource: string | null;
  table: string | null;
  object_id: string | null;
  parent_column: string | null;
  parent_id: string | null;
  objects: Record<string, unknown>[];
  has_more: boolean;
  list_per_parent: { parent: string; path: string; params: Record<string, string> } | null;
  children: ChildRoute[];
  retrieve_path: string | null;
  reason: string | null;
  event_id: string | null;
  event_type: string | null;
  event_created: number | null;
  account: string | null;
  /** The event's livemode (null for an object, or an event that does not say). */
  livemode: boolean | null;
}

/** One row of _resources. */
export interface ResourceRow {
  name: string;
  object: string;
  table_name: string;
  parent: string | null;
  is_child: boolean;
  retrieve_path: string | null;
  list_path: string | null;
  list_params: Record<string, string>;
  created_filter: boolean;
  list_per_parent: { parent: string; path: string; params: Record<string, string> } | null;
  nested_lists: unknown[];
  event_types: string[];
}

/** One call of _apply_event_v2 (see Store.apply in store.py for the Python twin). */
export interface Change {
  event_id: string | null;
  event_type: string | null;
  /** Unix seconds, null for objects fetched by id. */
  event_created: number | null;
  account_id: string;
  action: string;
  table: string | null;
  objects: Json[];
  /** A timestamptz as text. */
  version: string;
  source: "event" | "fetch" | "refetch";
  parent_column: string | null;
  parent_id: string | null;
  children: { table: string; parent_column: string | null; objects: Json[]; complete: boolean }[];
  tie_wins: boolean;
  /** How the event came (webhook, events, websocket), recorded with it; null: not said. */
  via?: string | null;
  /** The mode of the event or key it comes from, kept on the rows it writes (0040). */
  livemode?: boolean | null;
}

export interface Applied {
  outcome: string;
  /** The database clock after the write, as text. */
  seen_at: string;
}

export interface Window {
  id: string;
  object: string;
  kind: "list" | "parents" | "children";
  /** Bounds in Unix seconds (null: open). */
  gte: number | null;
  lt: number | null;
  parent_ids: string[];
  cursor: string | null;
  cursor_created: string | null;
  failures: number;
  version: string;
  worker: string;
}

export interface PageCommit {
  window: Window;
  lease: string;
  table: string | null;
  account_id: string;
  objects: Json[];
  children: Json[];
  cursor: string | null;
  cursor_created: string | null;
  has_more: boolean;
  split_below: number;
  parent_column: string | null;
  parent_id: string | null;
  spawn_parent_ids: string[] | null;
}

export interface Committed {
  status: string;
  ambiguous: string[];
  /** The split point in Unix seconds, when the window was split. */
  split_at: number | null;
  next_version: string;
}

const json = (value: Json) => value === null || value === undefined ? null : JSON.stringify(value);

export class Store {
  constructor(readonly sql: Sql, readonly schema: string) {}

  /** The schema as an escaped identifier fragment. */
  get #s() {
    return this.sql(this.schema);
  }

  async managedSecrets(): Promise<string[]> {
    const rows = await this.sql`
      SELECT secret FROM ${this.#s}."_managed_webhooks" ORDER BY created_at DESC`;
    return rows.map((r) => String(r.secret));
  }

  /** Store a verified event that failed for a non-transient reason; its attempts so far. */
  async recordDeadLetter(
    event: { id: string; type: string; created: number; account: string | null },
    eventText: string,
    errorClass: string,
    errorMessage: string,
  ): Promise<number> {
    const [row] = await this.sql`
      SELECT ${this.#s}."_record_dead_letter_v1"(
        ${event.id}, ${event.account}::text, ${event.type},
        to_timestamp(${event.created}::bigint), ${eventText}::text::jsonb,
        ${errorClass}, ${errorMessage}) AS attempts`;
    return Number(row.attempts);
  }

  async routeEvent(eventText: string | null, object: Json | null): Promise<Route> {
    const [row] = await this.sql`
      SELECT ${this.#s}."_route_event_v1"(${eventText}::text::jsonb, ${
      json(object)
    }::text::jsonb) AS route`;
    return row.route as Route;
  }

  async apply(change: Change): Promise<Applied> {
    const [row] = await this.sql`
      SELECT outcome, seen_at::text AS seen_at FROM ${this.#s}."_apply_event_v2"(
        p_event_id => ${change.event_id}::text,
        p_event_type => ${change.event_type}::text,
        p_event_created => to_timestamp(${change.event_created}::bigint),
        p_account_id => ${change.account_id}::text,
        p_action => ${change.action}::text,
        p_table => ${change.table}::text,
        p_objects => ${json(change.objects)}::text::jsonb,
        p_version => ${change.version}::text::timestamptz,
        p_source => ${change.source}::text,
        p_parent_column => ${change.parent_column}::text,
        p_parent_id => ${change.parent_id}::text,
        p_children => ${json(change.children)}::text::jsonb,
        p_refs => '[]'::jsonb,
        p_tie_wins => ${change.tie_wins}::boolean,
        p_via => ${change.via ?? null}::text,
        p_livemode => ${change.livemode ?? null}::boolean)`;
    return { outcome: String(row.outcome), seen_at: String(row.seen_at) };
  }

  async resources(): Promise<Map<string, ResourceRow>> {
    const rows = await this.sql`
      SELECT name, object, table_name, parent, is_child, retrieve_path, list_path, list_params,
             created_filter, list_per_parent, nested_lists, event_types
      FROM ${this.#s}."_resources" ORDER BY ordinal`;
    return new Map(rows.map((r) => [String(r.name), r as unknown as ResourceRow]));
  }

  // -- accounts ---------------------------------------------------------------------------------

  async accountForKey(keyHash: string): Promise<string | null> {
    const rows = await this.sql`
      SELECT id FROM ${this.#s}."accounts" WHERE api_key_hashes @> ARRAY[${keyHash}::text]
      LIMIT 1`;
    return rows.length ? String(rows[0].id) : null;
  }

  /** (known, created as Unix seconds) of a stored account. */
  async accountCreated(accountId: string): Promise<[boolean, number | null]> {
    const rows = await this.sql`
      SELECT extract(epoch FROM created)::float8 AS created
      FROM ${this.#s}."accounts" WHERE id = ${accountId}::text`;
    if (!rows.length) return [false, null];
    return [true, rows[0].created === null ? null : Number(rows[0].created)];
  }

  /** The account as GET /v1/account answered (the upsert_account statement of store.sql). */
  async upsertAccount(account: Json, keyHash: string | null): Promise<void> {
    const id = (account as { id: string }).id;
    await this.sql`
      INSERT INTO ${this.#s}."accounts" AS a (id, _raw_data, api_key_hashes)
      VALUES (${id}::text, ${json(account)}::text::jsonb,
              CASE WHEN ${keyHash}::text IS NULL THEN '{}'::text[] ELSE ARRAY[${keyHash}::text] END)
      ON CONFLICT (id) DO UPDATE SET
          _raw_data = EXCLUDED._raw_data,
          api_key_hashes = CASE
              WHEN ${keyHash}::text IS NULL OR ${keyHash}::text = ANY (a.api_key_hashes)
              THEN a.api_key_hashes
              ELSE a.api_key_hashes || ${keyHash}::text END,
          _last_synced_at = now(),
          _updated_at = now()`;
  }

  // -- backfill ---------------------------------------------------------------------------------

  async backfillObjects(): Promise<Json[]> {
    const [row] = await this.sql`SELECT ${this.#s}."_backfill_objects_v1"(NULL) AS objects`;
    return row.objects as Json[];
  }

  /** Runs and cursors this trigger planned as mode "unknown" (before the worker passed its
   * key's mode): adopted into `mode` when what those runs listed is of that mode, else
   * retired (see migration 0036). */
  async adopt(
    accountId: string,
    mode: "live" | "test",
    triggeredBy: string,
  ): Promise<"none" | "adopted" | "retired"> {
    const [row] = await this.sql`
      SELECT ${this.#s}."_backfill_adopt_v1"(${accountId}::text, ${mode}::text,
                                             ${triggeredBy}::text) AS outcome`;
    return row.outcome;
  }

  async plan(
    accountId: string,
    objects: Json[],
    floorSeconds: number,
    lease: string,
    triggeredBy: string,
    initialWindows: number,
    mode: "live" | "test",
  ): Promise<{ runId: string; joined: boolean }> {
    const [row] = await this.sql`
      SELECT run_id::text AS run_id, joined FROM ${this.#s}."_backfill_plan_v2"(
        p_account_id => ${accountId}::text,
        p_objects => ${json(objects)}::text::jsonb,
        p_created_gte => NULL,
        p_created_lte => NULL,
        p_floor => to_timestamp(${floorSeconds}::float8),
        p_lease => ${lease}::interval,
        p_triggered_by => ${triggeredBy}::text,
        p_relist => false,
        p_initial_windows => ${initialWindows}::integer,
        p_mode => ${mode}::text)`;
    return { runId: String(row.run_id), joined: Boolean(row.joined) };
  }

  async claim(runId: string, worker: string, lease: string): Promise<Window | null> {
    const rows = await this.sql`
      SELECT window_id::text AS id, object, kind,
             floor(extract(epoch FROM created_gte))::float8 AS gte,
             floor(extract(epoch FROM created_lt))::float8 AS lt,
             parent_ids, cursor, cursor_created::text AS cursor_created, failures,
             version::text AS version
      FROM ${this.#s}."_backfill_claim_v1"(${runId}::bigint, ${worker}::text, ${lease}::interval,
                                        NULL)`;
    if (!rows.length) return null;
    const r = rows[0];
    return {
      id: String(r.id),
      object: String(r.object),
      kind: r.kind,
      gte: r.gte === null ? null : Number(r.gte),
      lt: r.lt === null ? null : Number(r.lt),
      parent_ids: (r.parent_ids ?? []) as string[],
      cursor: r.cursor ?? null,
      cursor_created: r.cursor_created ?? null,
      failures: Number(r.failures),
      version: String(r.version),
      worker,
    };
  }

  async page(p: PageCommit): Promise<Committed> {
    const [row] = await this.sql`
      SELECT status, ambiguous, floor(extract(epoch FROM split_at))::float8 AS split_at,
             next_version::text AS next_version
      FROM ${this.#s}."_backfill_page_v1"(
        p_window_id => ${p.window.id}::bigint,
        p_worker => ${p.window.worker}::text,
        p_lease => ${p.lease}::interval,
        p_table => ${p.table}::text,
        p_account_id => ${p.account_id}::text,
        p_objects => ${json(p.objects)}::text::jsonb,
        p_version => ${p.window.version}::text::timestamptz,
        p_children => ${json(p.children)}::text::jsonb,
        p_cursor => ${p.cursor}::text,
        p_cursor_created => ${p.cursor_created}::text::timestamptz,
        p_has_more => ${p.has_more}::boolean,
        p_split_below => ${p.split_below}::integer,
        p_parent_column => ${p.parent_column}::text,
        p_parent_id => ${p.parent_id}::text,
        p_spawn_parent_ids => (SELECT array_agg(x) FROM
                               jsonb_array_elements_text(${
      json(p.spawn_parent_ids)
    }::text::jsonb) x))`;
    return {
      status: String(row.status),
      ambiguous: (row.ambiguous ?? []) as string[],
      split_at: row.split_at === null ? null : Number(row.split_at),
      next_version: String(row.next_version),
    };
  }

  async release(w: Window, status: "pending" | "error", error: string | null): Promise<void> {
    await this.sql`
      SELECT ${this.#s}."_backfill_release_v1"(${w.id}::bigint, ${w.worker}::text, ${status}::text,
                                            ${error}::text)`;
  }

  async finish(runId: string): Promise<string> {
    const [row] = await this.sql`
      SELECT status FROM ${this.#s}."_backfill_finish_v1"(${runId}::bigint)`;
    return String(row.status);
  }
}
