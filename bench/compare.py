"""The ``compare`` workload, shared by ``webhooks.py`` (in process) and ``server.py`` (over HTTP).

This is the workload users compare implementations on (issue 14): updates of objects that are
already in the database, with Stripe's full example payloads, and nothing else.

- **The rows.** N customers and M invoices are made from the example payloads that ship in the
  package (``stripe_sync/testing/fixtures/objects.json``). Each gets a unique id
  (``cus_bench…``, ``in_bench…``) and a ``created`` 60 days in the past. Invoice ``i`` belongs to
  customer ``i mod N`` and carries the example's lines, each with its own id, its ``invoice``
  set and ``has_more: false``. The references an invoice has besides its customer
  (subscription, charge, payment intent) are null or absent in the example, so nothing is
  fetched from Stripe while loading or later.
- **The load.** The objects are written through the library's public API only: unsigned
  ``customer.created`` then ``invoice.created`` events to ``AsyncStripeSync.process_event``.
  Writing SQL into the object tables would tie the bench to one version of the write path,
  which is being rewritten; the bench must run against both.
- **The events.** Signed ``customer.updated`` and ``invoice.paid`` alternate. Each list is walked
  in turn, so an object comes back only after the whole list. Event ``s`` sets
  ``metadata.bench_seq = s`` (and ``status: paid`` for an invoice) and is created at
  ``first + s`` seconds: every event is newer than the row, so each one is a real write, with no
  duplicate, no stale event and no same-second tie (which would make the engine re-fetch).
- **The check.** After each level every event id must be in ``_processed_events`` and every
  touched object must hold the ``bench_seq`` of its last event.

The objects are made from their index when needed and never held all at once: 10,000 invoice
payloads as Python dicts would weigh more than the engine being measured.

Besides the workload, this module holds what the benches share: Stripe's event envelope, events
applied through ``process_event`` (:func:`apply_events`), the checks of ``--concurrency`` and
the workload's sizes, and the lines of the reports that describe the machine and PostgreSQL.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import psycopg
from psycopg import sql

from stripe_sync import AsyncStripeSync
from stripe_sync.testing import DEFAULT_API_VERSION, sign_payload

SCHEMA = "stripe"
WEBHOOK_SECRET = "whsec_bench_0000000000000000000000"
#: Every object and event lies this far in the past (the signatures use the real clock).
CLOCK_OFFSET = 60 * 86_400
#: A signature must reach the engine within Stripe's 300 s tolerance: the events are signed in
#: segments that the warm-up's rate says will take about this long to send.
SIGN_WINDOW_S = 120.0
#: The default levels of each script.
DEFAULT_LEVELS_INPROCESS = (1, 16, 64)
DEFAULT_LEVELS_SERVER = (16, 64)


@cache
def examples() -> tuple[dict[str, Any], dict[str, Any]]:
    """Stripe's example customer and invoice, as the package ships them."""
    path = resources.files("stripe_sync.testing").joinpath("fixtures", "objects.json")
    found = json.loads(path.read_text(encoding="utf-8"))["resources"]
    return dict(found["customer"]), dict(found["invoice"])


def envelope(
    event_id: str,
    api_version: str,
    type_: str,
    obj: Mapping[str, Any],
    created: int,
    previous: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A Stripe event as Stripe sends it."""
    data: dict[str, Any] = {"object": obj}
    if previous is not None:
        data["previous_attributes"] = previous
    return {
        "id": event_id,
        "object": "event",
        "api_version": api_version,
        "created": created,
        "data": data,
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": type_,
    }


def customer_id(index: int) -> str:
    return f"cus_bench{index:07d}"


def invoice_id(index: int) -> str:
    return f"in_bench{index:07d}"


@dataclass(slots=True)
class LevelPlan:
    """One level's events (serialised as Stripe sends them) and what the database must hold."""

    warmup: list[bytes]
    measured: list[bytes]
    event_ids: list[str]
    #: (table, object id) -> ``bench_seq`` of the object's last event in this level.
    last_seq: dict[tuple[str, str], int]
    types: list[str] = field(default_factory=list)

    @property
    def body_bytes(self) -> int:
        return sum(len(b) for b in self.warmup) + sum(len(b) for b in self.measured)


class Workload:
    """The objects and the walk over them; ``plan`` hands out the next events."""

    def __init__(self, customers: int, invoices: int, *, now: int | None = None) -> None:
        if customers < 1 or invoices < 1:
            raise ValueError("the workload needs at least one customer and one invoice")
        self.customers = customers
        self.invoices = invoices
        real_now = int(time.time()) if now is None else now
        self.real_now = real_now
        #: Object ``i`` is created at ``origin + i``; the first event a second after the newest.
        self.origin = real_now - CLOCK_OFFSET
        self.first_event = self.origin + max(customers, invoices)
        self.seq = 0
        self.api_version = DEFAULT_API_VERSION

    # -- the objects -----------------------------------------------------------------------------

    def customer(self, index: int) -> dict[str, Any]:
        example, _ = examples()
        # A shallow copy: the nested values are the example's, shared and never changed.
        return {
            **example,
            "id": customer_id(index),
            "created": self.origin + index,
            "email": f"bench{index}@example.com",
            "metadata": {},
        }

    def invoice(self, index: int) -> dict[str, Any]:
        _, example = examples()
        object_id = invoice_id(index)
        lines = example["lines"]
        data = [
            {**line, "id": f"il_bench{index:07d}_{k}", "invoice": object_id}
            for k, line in enumerate(lines["data"])
        ]
        return {
            **example,
            "id": object_id,
            "created": self.origin + index,
            "customer": customer_id(index % self.customers),
            # Null references: nothing for backfill_related_entities to fetch.
            "subscription": None,
            "metadata": {},
            "lines": {
                **lines,
                "data": data,
                "has_more": False,
                "url": f"/v1/invoices/{object_id}/lines",
            },
        }

    def creation_events(self) -> Iterator[dict[str, Any]]:
        """``customer.created`` for every customer, then ``invoice.created`` for every invoice.

        Customers first: an invoice refers to its customer.
        """
        for index in range(self.customers):
            obj = self.customer(index)
            yield envelope(
                f"evt_bload_c{index:07d}", self.api_version, "customer.created", obj, obj["created"]
            )
        for index in range(self.invoices):
            obj = self.invoice(index)
            yield envelope(
                f"evt_bload_i{index:07d}", self.api_version, "invoice.created", obj, obj["created"]
            )

    # -- the events ------------------------------------------------------------------------------

    def next_event(self) -> tuple[dict[str, Any], tuple[str, str], int]:
        """The next update of the walk: (event, (table, object id), bench_seq)."""
        seq = self.seq
        self.seq += 1
        created = self.first_event + seq
        if created >= self.real_now:
            raise SystemExit("too many events for CLOCK_OFFSET: lower --events or --warmup")
        turn = seq // 2
        metadata = {"bench_seq": str(seq)}
        if seq % 2 == 0:
            index = turn % self.customers
            obj = {**self.customer(index), "metadata": metadata}
            # The object's previous event came one whole walk of the customers earlier.
            before = seq - 2 * self.customers
            previous = {"metadata": {"bench_seq": str(before)} if before >= 0 else {}}
            body = envelope(
                f"evt_bench{seq:09d}", self.api_version, "customer.updated", obj, created, previous
            )
            return body, ("customers", str(obj["id"])), seq
        index = turn % self.invoices
        obj = {**self.invoice(index), "metadata": metadata, "status": "paid"}
        body = envelope(f"evt_bench{seq:09d}", self.api_version, "invoice.paid", obj, created)
        return body, ("invoices", str(obj["id"])), seq

    def plan(self, warmup: int, measured: int) -> LevelPlan:
        """The next ``warmup + measured`` events of the walk, serialised (``indent=2``, as
        Stripe's bodies are)."""
        plan = LevelPlan(warmup=[], measured=[], event_ids=[], last_seq={})
        for k in range(warmup + measured):
            body, key, seq = self.next_event()
            (plan.warmup if k < warmup else plan.measured).append(
                json.dumps(body, indent=2).encode()
            )
            plan.event_ids.append(str(body["id"]))
            if k >= warmup:
                plan.types.append(str(body["type"]))
            plan.last_seq[key] = seq
        return plan


def add_workload_arguments(parser: argparse.ArgumentParser) -> None:
    """The compare workload's size: ``--customers``, ``--invoices``, ``--load-concurrency``."""
    parser.add_argument(
        "--customers", type=int, default=10_000, help="compare: customers loaded first (10000)"
    )
    parser.add_argument(
        "--invoices", type=int, default=10_000, help="compare: invoices loaded first (10000)"
    )
    parser.add_argument(
        "--load-concurrency",
        type=int,
        default=32,
        help="compare: creation events in flight while loading (32)",
    )


def workload_levels(
    parser: argparse.ArgumentParser,
    args: argparse.Namespace,
    compare_levels: Sequence[int],
    mix_level: int,
) -> tuple[int, ...]:
    """The levels of ``--concurrency`` (by default ``compare_levels``, or ``mix_level`` for
    ``--workload mix``, which runs one level); ``parser.error`` when they are not valid."""
    compare = args.workload == "compare"
    default_levels = ",".join(map(str, compare_levels)) if compare else str(mix_level)
    try:
        levels = parse_levels(args.concurrency or default_levels)
    except ValueError as exc:
        parser.error(f"--concurrency: {exc}")
    if not compare and len(levels) != 1:
        parser.error("--workload mix runs one level: give --concurrency a single number")
    return levels


def check_workload_arguments(
    parser: argparse.ArgumentParser, args: argparse.Namespace, levels: Sequence[int]
) -> None:
    """``parser.error`` unless the sizes of :func:`add_workload_arguments` fit ``levels``."""
    if min(args.customers, args.invoices, args.load_concurrency) < 1:
        parser.error("--customers, --invoices and --load-concurrency must be >= 1")
    if args.workload == "compare" and 2 * min(args.customers, args.invoices) <= 4 * max(levels):
        # An object must not come back while its previous event may still be in flight: that
        # one would then arrive second and be stale, which is not what is measured.
        parser.error("--customers and --invoices must each exceed twice the largest level")


def parse_group_arguments(description: str, argv: Sequence[str] | None) -> argparse.Namespace:
    """The options of the benches that replay groups of this workload's changes
    (write_cost.py): rows loaded, group size, groups per pass, passes, the
    server, ``--json``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--rows", type=int, default=5000, help="customers, and invoices (5000)")
    parser.add_argument("--group", type=int, default=64, help="changes per group (64)")
    parser.add_argument("--groups", type=int, default=40, help="groups per pass (40)")
    parser.add_argument("--rounds", type=int, default=5, help="passes of each kind (5)")
    parser.add_argument("--database-url", help="a server to create a fresh database on")
    parser.add_argument("--json", action="store_true", help="one JSON line of figures")
    options = parser.parse_args(argv)
    if min(options.rows, options.group, options.groups, options.rounds) < 1:
        parser.error("--rows, --group, --groups and --rounds must be >= 1")
    if options.groups * options.group > 2 * options.rows:
        parser.error("--groups * --group must not exceed 2 * --rows (each object once a pass)")
    return options


def parse_levels(text: str) -> tuple[int, ...]:
    """``"1,16,64"`` -> (1, 16, 64); a single number is one level."""
    try:
        levels = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError as exc:
        raise ValueError(f"not a list of numbers: {text!r}") from exc
    if not levels or min(levels) < 1:
        raise ValueError(f"levels must be >= 1: {text!r}")
    return levels


def sign(bodies: Sequence[bytes]) -> list[tuple[bytes, str]]:
    """Each body with its ``Stripe-Signature``, signed now with the real clock (as Stripe)."""
    now = int(time.time())
    return [(body, sign_payload(body, WEBHOOK_SECRET, now)) for body in bodies]


def segment_size(warm_rate: float | None, concurrency: int, total: int) -> int:
    """Events per signed segment: what the warm-up's rate sends in :data:`SIGN_WINDOW_S`.

    Without a warm-up rate everything is one segment. A segment is never shorter than 50
    rounds of the in-flight window, so draining between segments stays negligible.
    """
    if not warm_rate:
        return max(1, total)
    return max(1, min(total, max(50 * concurrency, int(warm_rate * SIGN_WINDOW_S))))


def segments(count: int, size: int) -> Iterator[range]:
    for start in range(0, count, size):
        yield range(start, min(count, start + size))


async def load(
    engine: AsyncStripeSync,
    workload: Workload,
    concurrency: int,
    report: Callable[[str], None],
    every_s: float = 5.0,
) -> Counter[str]:
    """Apply every creation event (unsigned, through ``process_event``); answers the outcomes."""
    total = workload.customers + workload.invoices
    started = last = time.perf_counter()

    def progress(outcomes: Counter[str]) -> None:
        nonlocal last
        now = time.perf_counter()
        if now - last >= every_s:
            last = now
            done = sum(outcomes.values())
            report(
                f"loading: {done}/{total} objects, {done / (now - started):.0f}/s, {dict(outcomes)}"
            )

    return await apply_events(engine, workload.creation_events(), concurrency, progress)


async def apply_events(
    engine: AsyncStripeSync,
    events: Iterable[Mapping[str, Any]],
    concurrency: int,
    after_each: Callable[[Counter[str]], None] | None = None,
) -> Counter[str]:
    """Apply ``events`` (unsigned, through ``process_event``) with ``concurrency`` in flight;
    answers the outcomes. ``after_each`` gets the outcomes so far after every event."""
    outcomes: Counter[str] = Counter()
    pending = iter(events)

    async def worker() -> None:
        # The workers share one iterator: each takes the next event when it is free.
        for item in pending:
            outcomes[(await engine.process_event(item)).outcome.value] += 1
            if after_each is not None:
                after_each(outcomes)

    async with asyncio.TaskGroup() as group:
        for _ in range(max(1, concurrency)):
            group.create_task(worker())
    return outcomes


def check_database(
    url: str,
    event_ids: Sequence[str],
    last_seq: Mapping[tuple[str, str], int],
    rows: Mapping[str, int],
) -> dict[str, Any]:
    """Compare the database with what was sent: events recorded, rows per table, and each
    touched object at the ``bench_seq`` of its last event."""
    found: dict[str, Any] = {}
    with psycopg.connect(url) as conn:
        row = conn.execute(
            sql.SQL("SELECT count(*) FROM {} WHERE id = ANY(%s)").format(
                sql.Identifier(SCHEMA, "_processed_events")
            ),
            (list(event_ids),),
        ).fetchone()
        found["events_sent"] = len(event_ids)
        found["events_recorded"] = int(row[0]) if row else 0
        found["events_lost"] = len(event_ids) - found["events_recorded"]
        found["rows"] = {}
        wrong = 0
        for table in sorted({*rows, *(t for t, _ in last_seq)}):
            if table in rows:
                count = conn.execute(
                    sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(SCHEMA, table))
                ).fetchone()
                found["rows"][table] = int(count[0]) if count else 0
            ids = {i: s for (t, i), s in last_seq.items() if t == table}
            stored = conn.execute(
                sql.SQL(
                    "SELECT id, _raw_data->'metadata'->>'bench_seq' FROM {} WHERE id = ANY(%s)"
                ).format(sql.Identifier(SCHEMA, table)),
                (list(ids),),
            ).fetchall()
            seqs = {str(i): s for i, s in stored}
            wrong += sum(1 for i, s in ids.items() if seqs.get(i) != str(s))
        found["objects_checked"] = len(last_seq)
        found["objects_wrong"] = wrong
    found["ok"] = (
        found["events_lost"] == 0 and found["rows"] == dict(rows) and found["objects_wrong"] == 0
    )
    return found


def describe_check(check: Mapping[str, Any]) -> str:
    return (
        f"{'passed' if check['ok'] else 'FAILED'}: "
        f"{check['events_recorded']}/{check['events_sent']} events recorded "
        f"({check['events_lost']} lost), rows {check['rows']}, "
        f"{check['objects_checked'] - check['objects_wrong']}/{check['objects_checked']} "
        "objects at their last event"
    )


def machine_load() -> list[float]:
    """The load average (1, 5, 15 min): read before anything of the bench runs, it says how
    busy the machine already was, so that the figures can be judged."""
    return [round(value, 2) for value in os.getloadavg()]


def describe_load(load: Sequence[float]) -> str:
    return (
        f"load average {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1 / 5 / 15 min) before "
        f"the run, {os.cpu_count()} CPUs"
    )


def describe_settings(settings: Mapping[str, str]) -> str:
    """The PostgreSQL settings a bench read (``server_version`` among them), as it reports them."""
    shown = ", ".join(f"{k}={v}" for k, v in settings.items() if k != "server_version")
    return f"{shown} (version {settings.get('server_version', '?')})"
