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

- **route**: ``bench_route_group(group)``, every event's action, table, parent and child lists
  (every column counted, so that the planner drops none of the work);
- **iterate**: only walking the group's events and reading each one's object type, which
  ``_apply_changes`` does anyway: each group's route minus its iterate (run within
  milliseconds of each other) is what routing would add;
- **write**: ``_apply_changes(group)``, the write path itself, for scale.

The Python side times ``route_event`` and ``embedded_lists`` over the same events, and again
with ``references`` (which the prototype does not compute); the median of seven passes.

Before timing, every event of the groups and of a corpus over Stripe's example of every object
(updated, deleted, a stub, without an id, and every named skip) is routed by the prototype and
checked against the Python engine: the action, the table, the parent id and the child lists
(table, parent column, complete, must list).

Usage (from the repository root)::

    .venv/bin/python bench/route_cost.py
    .venv/bin/python bench/route_cost.py --rows 5000 --groups 80 --rounds 5

Exit status 1 when the prototype routes an event otherwise than Python does, or a write was not
``written``. The prototype is an inlinable SQL function: its statement, prepared by psycopg after
a few runs, is planned once on any PostgreSQL.
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

from compare import (
    SCHEMA,
    Workload,
    describe_load,
    describe_settings,
    envelope,
    machine_load,
    parse_group_arguments,
)
from stripe_sync.changes import deletion_children, embedded_lists, references
from stripe_sync.errors import MalformedPayloadError
from stripe_sync.events import Action, route_event
from stripe_sync.resources import UNROUTED_EVENTS
from webhooks import fresh_database, postgres_server, progress, server_settings
from write_cost import build_groups, load

BENCH = Path(__file__).resolve().parent
PROTOTYPE = BENCH / "sql" / "route_group.sql"
#: Stripe's example of every object, the corpus of the check beside the workload's events.
EXAMPLES = BENCH.parent / "vendor" / "stripe-openapi" / "fixtures3.json"
#: Every column, so that none of the prototype's work is planned away.
ROUTE = (
    "SELECT count(action), count(tbl), count(pcol), count(parent_id), count(children) "
    "FROM bench_route_group(%(g)s::jsonb)"
)
ITERATE = (
    "SELECT count((e #> '{event,data,object}')->>'object') "
    "FROM jsonb_array_elements(%(g)s::jsonb) AS e"
)
WRITE = "SELECT outcome FROM _apply_changes(%(g)s::jsonb)"


def python_routing(events: Sequence[dict[str, Any]], *, refs: bool, passes: int = 7) -> float:
    """Microseconds per event of the Python engine's routing: ``route_event`` and
    ``embedded_lists``, and ``references`` when ``refs`` (the median of ``passes``)."""
    times = []
    for _ in range(passes):
        started = time.perf_counter()
        for event in events:
            route = route_event(event)
            if route.resource is not None and route.object is not None:
                embedded_lists(route.resource, route.object)
                if refs:
                    references(route.resource, route.object)
        times.append(time.perf_counter() - started)
    return statistics.median(times) / len(events) * 1e6


def python_answer(event: dict[str, Any]) -> tuple[Any, ...]:
    """What the prototype must answer for ``event``, from the Python engine's routing: action,
    table, parent id, and the child lists (table, parent column, complete, must list)."""
    route = route_event(event)
    resource, obj = route.resource, route.object
    children: list[tuple[Any, ...]] | None = None
    if route.action is Action.DELETE and resource is not None:
        children = [(c.table, c.parent_column, True, False) for c in deletion_children(resource)]
    elif route.action is Action.UPSERT and resource is not None and obj is not None:
        children = [
            (
                found.child.table,
                found.child.parent,
                found.present and not found.has_more,
                found.has_more
                or (not found.present and found.nested.expand and found.child.is_child),
            )
            for found in embedded_lists(resource, obj)
        ]
    table = resource.table if resource is not None else None
    return (route.action.value, table, route.parent_id, children)


def corpus() -> list[dict[str, Any]]:
    """Events over Stripe's example of every object: updated, deleted, a stub (``deleted:
    true``), one without an id, and every named skip of the registry carrying a customer.
    Events ``route_event`` refuses (a summary without its list) are left out."""
    examples: dict[str, dict[str, Any]] = json.loads(EXAMPLES.read_text(encoding="utf-8"))[
        "resources"
    ]
    events: list[dict[str, Any]] = []
    for name, obj in sorted(examples.items()):
        kind = obj.get("object")
        if not isinstance(kind, str):
            continue
        no_id = {k: v for k, v in obj.items() if k != "id"}
        stub = {"id": obj.get("id", "x_1"), "object": kind, "deleted": True}
        for type_, payload in (
            (f"{kind}.updated", obj),
            (f"{kind}.deleted", obj),
            (f"{kind}.updated", stub),
            (f"{kind}.updated", no_id),
        ):
            events.append(envelope(f"evt_{name}_{len(events)}", "", type_, payload, 1))
    customer = examples["customer"]
    for type_ in sorted(UNROUTED_EVENTS):
        events.append(envelope(f"evt_skip_{len(events)}", "", type_, customer, 1))
    kept = []
    for event in events:
        try:
            route_event(event)
        except MalformedPayloadError:
            continue
        kept.append(event)
    return kept


def mismatches(conn: psycopg.Connection[Any], groups: Sequence[str]) -> Counter[str]:
    """Events the prototype routes otherwise than the Python engine (see :func:`python_answer`)."""
    found: Counter[str] = Counter()
    for group in groups:
        changes = json.loads(group)
        rows = conn.execute(
            "SELECT action, tbl, parent_id, children FROM bench_route_group(%s::jsonb) "
            "ORDER BY ord",
            (group,),
        ).fetchall()
        for change, (action, table, parent_id, children) in zip(changes, rows, strict=True):
            got = (
                action,
                table,
                parent_id,
                None
                if children is None
                else [
                    (c["table"], c["parent_column"], c["complete"], c["must_list"])
                    for c in children
                ],
            )
            expected = python_answer(change["event"])
            if got != expected:
                found[f"{change['event']['type']}: {expected} routed as {got}"] += 1
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
            checked = corpus()
            failures.update(
                mismatches(
                    conn,
                    [
                        json.dumps([{"event": e} for e in checked[k : k + 64]])
                        for k in range(0, len(checked), 64)
                    ],
                )
            )
            statements = {"route": ROUTE, "iterate": ITERATE, "write": WRITE}
            names = list(statements)
            rounds: list[dict[str, float]] = []
            added: list[float] = []
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
                    # Each group's route minus its iterate, run within milliseconds.
                    added.append(
                        statistics.median(
                            r - i for r, i in zip(times["route"], times["iterate"], strict=True)
                        )
                    )
        python_us = python_routing(events, refs=False)
        python_refs_us = python_routing(events, refs=True)

    median = {n: statistics.median(r[n] for r in rounds) for n in names}
    added_ms = statistics.median(added)
    added_us = added_ms / options.group * 1000
    result = {
        "rows": options.rows,
        "group": options.group,
        "groups": len(groups),
        "ms_per_group": {n: round(v, 3) for n, v in median.items()},
        "rounds_ms_per_group": {n: [round(r[n], 3) for r in rounds] for n in names},
        "sql_routing_us_per_event": round(added_us, 2),
        "sql_routing_share_of_write": round(added_ms / median["write"], 4),
        "python_routing_us_per_event": round(python_us, 2),
        "python_routing_with_references_us_per_event": round(python_refs_us, 2),
        "checked_events": len(events) + len(checked),
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
        f"Python routing  {python_us:.1f} us per event ({python_refs_us:.1f} with the "
        "references, which the prototype does not compute)\n"
        f"checked         {len(events) + len(checked)} events against the Python engine's routing",
        file=out,
    )
    if failures:
        print(f"FAILED: {dict(failures)}", file=out)
    if options.json:
        print(json.dumps(result, sort_keys=True), flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
