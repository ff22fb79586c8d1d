"""What a grouped write costs in PostgreSQL, against writing ``_raw_data`` alone.

Issue 14 bounds the write path: "a write costs at most ~1.5x writing ``_raw_data`` alone". This
bench measures that ratio, and the database's floor under the webhook goals, on the ``compare``
workload (compare.py): N customers and N invoices are loaded through ``process_event``; then
signed ``customer.updated`` / ``invoice.paid`` deliveries are turned into the changes the engine
sends (``Ingestor.process_event`` with a sink that records the changes instead of writing them:
each event as received, for ``_apply_changes`` to route) and encoded exactly as :class:`Store`
sends them, in groups of ``--group`` changes, each webhook's body spliced in as received.

Each group is then written two ways, one right after the other (which goes first alternates),
each in a transaction that is rolled back (so that every group can be written again, and the
comparison is not about fsync):

- **write path**: ``SELECT * FROM _apply_changes(group)``, everything the engine does: the
  routing of each event, the stale-write guard, unchanged-content detection, line items as
  child rows and tombstones of dropped lines, references, dedup records, the indexed typed
  columns;
- **raw only**: the same group text parsed as jsonb, and each object's ``_raw_data`` (the
  customers', the invoices' and their lines', tables found by object type in
  ``_route_objects``) UPDATEd by primary key in plain copies of the
  storage tables (``id text PRIMARY KEY, _raw_data jsonb``): the least any mirror of these
  payloads must do.

A third statement only parses the group (``::jsonb``). The figures are the medians over the
groups of each pass, then the median over ``--rounds`` passes; the ratio is the median of each
group's write/raw ratio (the two ran within milliseconds of each other, so the machine's noise
mostly cancels). Only one connection runs, so the time of a statement is the
backend's CPU (plus a local round trip): ms per change times the number of cores is an upper
bound on the events/s that PostgreSQL alone could take.

Usage (from the repository root)::

    .venv/bin/python bench/write_cost.py
    .venv/bin/python bench/write_cost.py --rows 10000 --group 64 --rounds 5
    .venv/bin/python bench/write_cost.py --database-url postgresql://postgres@localhost/postgres

Exit status 1 when a group's outcomes were not all ``written`` or the raw-only statement did
not update every row it was given.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg import sql

from compare import (
    CLOCK_OFFSET,
    SCHEMA,
    WEBHOOK_SECRET,
    Workload,
    describe_load,
    machine_load,
    parse_group_arguments,
    sign,
)
from compare import load as load_workload
from stripe_sync import StripeSyncConfig
from stripe_sync.changes import Change
from stripe_sync.ingest import Ingestor
from stripe_sync.signature import verify_webhook
from stripe_sync.store import AppliedChange
from stripe_sync.store.writes import group_json
from stripe_sync.testing import FakeStripe
from webhooks import engine_for, fresh_database, postgres_server, progress, server_settings

#: The account every change is written for (no Stripe call resolves it).
ACCOUNT = "acct_bench_write_cost"


class Recorder:
    """Stands where the engine's write groups stand: records each change, answers written."""

    def __init__(self) -> None:
        self.changes: list[Change] = []

    async def apply(self, change: Change) -> AppliedChange:
        self.changes.append(change)
        return AppliedChange(outcome="written", missing_refs=(), seen_at=datetime.now(UTC))


async def build_groups(workload: Workload, count: int, size: int) -> list[str]:
    """``count`` groups of ``size`` changes, from signed deliveries, as the store encodes them."""
    config = StripeSyncConfig(stripe_secret_key="sk_test_bench", schema=SCHEMA)
    recorder = Recorder()

    def no_stripe() -> Any:
        raise RuntimeError("the write-cost bench never calls Stripe")

    async def platform() -> str:
        return ACCOUNT

    ingestor = Ingestor(config, recorder, no_stripe, platform)  # type: ignore[arg-type]
    plan = workload.plan(0, count * size)
    for body, header in sign(plan.measured):
        event = verify_webhook(body, header, [WEBHOOK_SECRET], tolerance=0)
        await ingestor.process_event(event, raw=body.decode("utf-8"))
    changes = recorder.changes
    return [group_json(changes[k : k + size]) for k in range(0, len(changes), size)]


def create_raw_writer(conn: psycopg.Connection[Any], tables: Sequence[str]) -> None:
    """``bench_raw_write(group)``: parse a group and UPDATE each object's ``_raw_data`` in the
    ``bench_raw_*`` tables; answers the number of rows given and the number updated.

    A PL/pgSQL function, so that its plan is cached as the write path's are. Its settings keep
    that plan what the statement needs (an index probe per row): the planner guesses 100 rows
    per ``jsonb_array_elements``, a million for the nested lists, and would otherwise hash
    whole tables and, on a server built with JIT, compile the statement on every call."""
    updates = [
        sql.SQL(
            "u_{n} AS (UPDATE {table} t SET _raw_data = r.obj FROM rows r "
            "WHERE r.tbl = {name} AND t.id = r.obj->>'id' RETURNING 1)"
        ).format(
            n=sql.SQL(str(i)),
            table=sql.Identifier(SCHEMA, f"bench_raw_{name}"),
            name=sql.Literal(name),
        )
        for i, name in enumerate(tables)
    ]
    counted = sql.SQL(" + ").join(
        sql.SQL("(SELECT count(*) FROM u_{n})").format(n=sql.SQL(str(i)))
        for i in range(len(tables))
    )
    body = sql.SQL(
        """
        RETURN QUERY
        WITH c AS (
            SELECT e, CASE WHEN e ? 'event' THEN e->'event'->'data'->'object'
                           ELSE e->'objects'->0 END AS obj
            FROM jsonb_array_elements(p_group) AS e
        ),
        o AS (SELECT r.table_name AS tbl, c.obj FROM c
              JOIN {routes} r ON r.object_type = c.obj->>'object'),
        k AS (
            SELECT n->>'table' AS tbl, item AS obj
            FROM c JOIN {routes} r ON r.object_type = c.obj->>'object',
                 jsonb_array_elements(r.nested) AS n,
                 jsonb_array_elements(
                     CASE WHEN jsonb_typeof(c.obj->(n->>'field')->'data') = 'array'
                          THEN c.obj->(n->>'field')->'data' ELSE '[]' END) AS item
        ),
        rows AS (SELECT * FROM o UNION ALL SELECT * FROM k),
        {updates}
        SELECT (SELECT count(*) FROM rows), {counted};
        """
    ).format(
        updates=sql.SQL(", ").join(updates),
        counted=counted,
        routes=sql.Identifier(SCHEMA, "_route_objects"),
    )
    conn.execute(
        sql.SQL(
            "CREATE OR REPLACE FUNCTION {}(p_group jsonb) "
            "RETURNS TABLE (given bigint, updated bigint) LANGUAGE plpgsql "
            "SET jit = off SET enable_hashjoin = off SET enable_mergejoin = off "
            "AS {}"
        ).format(
            sql.Identifier(SCHEMA, "bench_raw_write"),
            sql.Literal("BEGIN " + body.as_string(conn) + " END"),
        )
    )


def copy_tables(conn: psycopg.Connection[Any], tables: Sequence[str]) -> None:
    """The ``bench_raw_*`` tables: each storage table's ids and payloads, the payloads stored
    the same way (lz4 where the server has it; else, since 0032, uncompressed in the row up to
    a page): pglz would cost the raw-only write more."""
    for name in tables:
        source = sql.Identifier(SCHEMA, f"_raw_{name}")
        target = sql.Identifier(SCHEMA, f"bench_raw_{name}")
        row = conn.execute(
            "SELECT a.attcompression, c.reloptions FROM pg_attribute a "
            "JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE a.attrelid = %s::regclass AND a.attname = '_raw_data'",
            (f"{SCHEMA}._raw_{name}",),
        ).fetchone()
        method = {"l": "lz4", "p": "pglz"}.get(row[0] if row else "", "default")
        options = [o for o in (row[1] if row else None) or [] if o.startswith("toast_tuple_")]
        conn.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(target))
        conn.execute(
            sql.SQL(
                "CREATE TABLE {} (id text PRIMARY KEY, _raw_data jsonb COMPRESSION {} NOT NULL){}; "
                "INSERT INTO {} SELECT id, _raw_data FROM {}; ANALYZE {}"
            ).format(
                target,
                sql.SQL(method),
                # Only reloptions read back from the catalogue (name=integer), never user text.
                sql.SQL(f" WITH ({', '.join(options)})" if options else ""),
                target,
                source,
                target,
            )
        )


def timed_round(
    conn: psycopg.Connection[Any],
    statements: Mapping[str, tuple[Any, Callable[[Sequence[tuple[Any, ...]]], None]]],
    groups: Sequence[str],
    ratios: list[float],
) -> dict[str, float]:
    """One pass over the groups, each group written by every statement in turn (the first one
    rotating), so that the machine's noise falls on all of them alike. Answers the median ms
    per group of each; appends each group's write/raw ratio to ``ratios``."""
    times: dict[str, list[float]] = {name: [] for name in statements}
    names = list(statements)
    for k, group in enumerate(groups):
        for name in names[k % len(names) :] + names[: k % len(names)]:
            statement, check = statements[name]
            conn.execute("BEGIN")
            started = time.perf_counter()
            rows = conn.execute(statement, {"group": group}).fetchall()
            times[name].append((time.perf_counter() - started) * 1000)
            conn.execute("ROLLBACK")
            check(rows)
        ratios.append(times["write"][-1] / times["raw"][-1])
    return {name: statistics.median(values) for name, values in times.items()}


async def load(url: str, workload: Workload) -> None:
    with FakeStripe(seed=7, clock=lambda: time.time() - CLOCK_OFFSET) as fake:
        async with engine_for(fake, url, 16, backfill_related=False) as engine:
            outcomes = await load_workload(engine, workload, 16, progress)
    if set(outcomes) != {"written"}:
        raise SystemExit(f"load failed: {dict(outcomes)}")


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_group_arguments(__doc__.split("\n\n")[0], argv)

    loadavg = machine_load()
    progress(describe_load(loadavg))
    tables = ("customers", "invoices", "invoice_line_items")
    failures: Counter[str] = Counter()
    with (
        postgres_server(options.database_url) as admin,
        fresh_database(admin, track_functions=False) as url,
    ):
        settings = server_settings(url)
        workload = Workload(options.rows, options.rows)
        progress(f"loading {options.rows} customers and {options.rows} invoices")
        asyncio.run(load(url, workload))
        groups = asyncio.run(build_groups(workload, options.groups, options.group))
        changes = sum(len(json.loads(g)) for g in groups)
        progress(f"{len(groups)} groups, {changes} changes, {sum(map(len, groups)) >> 10} kB")
        with psycopg.connect(url, autocommit=True) as conn:
            copy_tables(conn, tables)
            write = sql.SQL("SELECT outcome FROM {}._apply_changes(%(group)s::jsonb)").format(
                sql.Identifier(SCHEMA)
            )
            create_raw_writer(conn, tables)
            raw = sql.SQL("SELECT * FROM {}(%(group)s::jsonb)").format(
                sql.Identifier(SCHEMA, "bench_raw_write")
            )

            def check_write(rows: Sequence[tuple[Any, ...]]) -> None:
                failures.update(r[0] for r in rows if r[0] != "written")

            def check_raw(rows: Sequence[tuple[Any, ...]]) -> None:
                given, updated = rows[0]
                if given != updated:
                    failures["raw-only rows not updated"] += given - updated

            statements = {
                "write": (write, check_write),
                "raw": (raw, check_raw),
                "parse": (sql.SQL("SELECT %(group)s::jsonb IS NULL"), lambda rows: None),
            }
            # A warm-up pass (plans cached, pages in memory), then the measured ones.
            timed_round(conn, statements, groups, [])
            ratios: list[float] = []
            rounds = [timed_round(conn, statements, groups, ratios) for _ in range(options.rounds)]
            figures = {name: [r[name] for r in rounds] for name in statements}

    per_group = options.group
    write_ms = statistics.median(figures["write"])
    raw_ms = statistics.median(figures["raw"])
    parse_ms = statistics.median(figures["parse"])
    ratio = statistics.median(ratios)
    result = {
        "rows": options.rows,
        "group": per_group,
        "groups": len(groups),
        "write_ms_per_group": round(write_ms, 3),
        "raw_ms_per_group": round(raw_ms, 3),
        "parse_ms_per_group": round(parse_ms, 3),
        "write_ms_per_change": round(write_ms / per_group, 4),
        "raw_ms_per_change": round(raw_ms / per_group, 4),
        "parse_ms_per_change": round(parse_ms / per_group, 4),
        "ratio": round(ratio, 3),
        "rounds_write": [round(x, 2) for x in figures["write"]],
        "rounds_raw": [round(x, 2) for x in figures["raw"]],
        "failures": dict(failures),
        "loadavg_before": loadavg,
        "postgres": settings,
    }
    out = sys.stderr if options.json else sys.stdout
    print(
        f"write cost, compare workload: {options.rows} customers + {options.rows} invoices, "
        f"groups of {per_group} signed customer.updated / invoice.paid changes, "
        f"rolled back; PostgreSQL {settings.get('server_version')}",
        file=out,
    )
    print(describe_load(loadavg), file=out)
    print(
        f"{'':14}{'ms/group':>10}{'ms/change':>11}   rounds (ms/group)\n"
        f"{'write path':14}{write_ms:>10.2f}{write_ms / per_group:>11.3f}   "
        f"{result['rounds_write']}\n"
        f"{'raw only':14}{raw_ms:>10.2f}{raw_ms / per_group:>11.3f}   {result['rounds_raw']}\n"
        f"{'parse only':14}{parse_ms:>10.2f}{parse_ms / per_group:>11.3f}\n"
        f"ratio         {ratio:.2f}x writing _raw_data alone (issue 14: at most ~1.5x)",
        file=out,
    )
    if failures:
        print(f"FAILED: {dict(failures)}", file=out)
    if options.json:
        print(json.dumps(result, sort_keys=True), flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
