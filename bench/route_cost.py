"""What routing events in SQL, a group at a time, would cost, against routing them in Python.

Issue 19 asks for one event router. Today the Python engine routes in Python
(``events.route_event``, then ``changes.embedded_lists`` and ``references``) and the edge
functions call ``_route_event_v1``, one PL/pgSQL call per event. This bench measures the
design that would let the Python engine use SQL's routing without a call per event: a whole
group routed by one statement (the prototype in ``sql/route_group.sql``: a table of object types
joined to the group's events), as ``_apply_changes`` would do before it writes.

On the ``compare`` workload (compare.py; N customers and N invoices loaded, then signed
``customer.updated`` / ``invoice.paid`` deliveries turned into groups exactly as the engine
sends them, as write_cost.py does), each group goes through three statements in turn, on one
connection, each in a transaction that is rolled back:

- **route**: ``bench_route_group(group)``, every event's action, table, parent and child lists;
- **iterate**: only walking the group's events and reading each one's object type, which
  ``_apply_changes`` does anyway: route minus iterate is what routing would add;
- **write**: ``_apply_changes(group)``, the write path itself, for scale.

The Python side times ``route_event``, ``embedded_lists`` and ``references`` over the same
events (best of seven passes). The prototype's action, table and parent id are checked against
Python's for every event.

Usage (from the repository root)::

    .venv/bin/python bench/route_cost.py
    .venv/bin/python bench/route_cost.py --rows 5000 --groups 80 --rounds 5

Exit status 1 when the prototype routes an event otherwise than Python does, or a write was not
``written``.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from compare import SCHEMA, Workload, describe_load, describe_settings, machine_load
from stripe_sync.changes import embedded_lists, references
from stripe_sync.events import route_event
from stripe_sync.resources import UNROUTED_EVENTS
from webhooks import fresh_database, postgres_server, progress, server_settings
from write_cost import build_groups, load, parse_group_arguments

PROTOTYPE = Path(__file__).resolve().parent / "sql" / "route_group.sql"


def python_routing(events: Sequence[dict[str, Any]], passes: int = 7) -> float:
    """Microseconds per event of the Python engine's routing (best of ``passes``)."""
    best = float("inf")
    for _ in range(passes):
        started = time.perf_counter()
        for event in events:
            route = route_event(event)
            if route.resource is not None and route.object is not None:
                embedded_lists(route.resource, route.object)
                references(route.resource, route.object)
        best = min(best, time.perf_counter() - started)
    return best / len(events) * 1e6


def mismatches(conn: psycopg.Connection[Any], groups: Sequence[str]) -> Counter[str]:
    """Events the prototype routes otherwise than ``route_event`` (action, table, parent)."""
    found: Counter[str] = Counter()
    for group in groups:
        changes = json.loads(group)
        rows = conn.execute(
            "SELECT action, tbl, parent_id FROM bench_route_group(%s::jsonb) ORDER BY ord",
            (group,),
        ).fetchall()
        for change, (action, table, parent_id) in zip(changes, rows, strict=True):
            route = route_event(change["event"])
            expected = (
                route.action.value,
                route.resource.table if route.resource is not None else None,
                route.parent_id,
            )
            if (action, table, parent_id) != expected:
                found[f"{expected} routed as {(action, table, parent_id)}"] += 1
    return found


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_group_arguments(__doc__.split("\n\n")[0], argv)

    loadavg = machine_load()
    progress(describe_load(loadavg))
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
        events = [c["event"] for g in groups for c in json.loads(g)]
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("SET search_path = {}, pg_catalog").format(sql.Identifier(SCHEMA)))
            conn.execute(PROTOTYPE.read_text(encoding="utf-8").encode())
            conn.execute(
                "INSERT INTO bench_route_unrouted SELECT unnest(%s::text[])",
                (sorted(UNROUTED_EVENTS),),
            )
            conn.execute("ANALYZE bench_route_objects; ANALYZE bench_route_unrouted")
            failures.update(mismatches(conn, groups))
            statements = {
                "route": "SELECT count(*), count(children) FROM bench_route_group(%(g)s::jsonb)",
                "iterate": "SELECT count((e #> '{event,data,object}')->>'object') "
                "FROM jsonb_array_elements(%(g)s::jsonb) AS e",
                "write": "SELECT outcome FROM _apply_changes(%(g)s::jsonb)",
            }
            names = list(statements)
            rounds: list[dict[str, float]] = []
            for round_ in range(options.rounds + 1):  # the first pass warms up
                times: dict[str, list[float]] = {name: [] for name in names}
                for k, group in enumerate(groups):
                    for name in names[k % 3 :] + names[: k % 3]:
                        conn.execute("BEGIN")
                        started = time.perf_counter()
                        rows = conn.execute(statements[name], {"g": group}).fetchall()
                        times[name].append((time.perf_counter() - started) * 1000)
                        conn.execute("ROLLBACK")
                        if name == "write":
                            failures.update(r[0] for r in rows if r[0] != "written")
                if round_:
                    rounds.append({n: statistics.median(v) for n, v in times.items()})
        python_us = python_routing(events)

    median = {n: statistics.median(r[n] for r in rounds) for n in names}
    added_us = (median["route"] - median["iterate"]) / options.group * 1000
    result = {
        "rows": options.rows,
        "group": options.group,
        "groups": len(groups),
        "ms_per_group": {n: round(v, 3) for n, v in median.items()},
        "rounds_ms_per_group": {n: [round(r[n], 3) for r in rounds] for n in names},
        "sql_routing_us_per_event": round(added_us, 2),
        "sql_routing_share_of_write": round(
            (median["route"] - median["iterate"]) / median["write"], 4
        ),
        "python_routing_us_per_event": round(python_us, 2),
        "failures": dict(failures),
        "loadavg_before": loadavg,
        "postgres": settings,
    }
    out = sys.stderr if options.json else sys.stdout
    print(
        f"routing cost, compare workload: groups of {options.group} signed customer.updated / "
        f"invoice.paid changes, rolled back; PostgreSQL {describe_settings(settings)}\n"
        f"{describe_load(loadavg)}\n"
        f"ms per group    route {median['route']:.2f}   iterate {median['iterate']:.2f}   "
        f"write {median['write']:.2f}\n"
        f"SQL routing     {added_us:.1f} us per event "
        f"({result['sql_routing_share_of_write']:.1%} of the write path)\n"
        f"Python routing  {python_us:.1f} us per event",
        file=out,
    )
    if failures:
        print(f"FAILED: {dict(failures)}", file=out)
    if options.json:
        print(json.dumps(result, sort_keys=True), flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
