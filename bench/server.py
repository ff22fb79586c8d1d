"""Webhook server throughput: signed events over HTTP into a webhook server, 3 processes.

Three processes share the machine, as in production behind a load balancer:

1. this script (the orchestrator): PostgreSQL (embedded, or a fresh database on
   ``--database-url``), a seeded fake Stripe served over HTTP in a thread, the initial load of
   the objects the events touch, the events themselves, and the check of the database at the end;
2. the webhook server, one of two runtimes (``--runtime``):

   - ``python`` (default): ``python -m uvicorn --factory server:app_from_env`` with
     ``--server-workers`` worker processes, each running ``create_app(config)`` with its own
     pool; the events go to ``/webhooks``;
   - ``edge``: the Supabase ``stripe-webhook`` edge function (TypeScript) run by Deno, as the
     tests run it: ``deno run --allow-all tests/support/deno_host.ts
     src/stripe_sync/supabase/functions/stripe-webhook/index.ts <port>``, one process with one
     postgres.js pool of ``--pool-size`` connections (set through
     ``STRIPE_SYNC_WORKER_CONCURRENCY`` = pool size - 1, which is how the function sizes it;
     deployed, the default is 5); the events go to ``/functions/v1/stripe-webhook``. Deno is
     ``$DENO_BIN``, else ``deno`` on ``PATH``, else the copy of ``scripts/install-deno.sh``;
3. the load generator (this script with ``--generate``): signs the events the orchestrator
   serialised (the signature clock is the real one, as Stripe's; outside the timing, in segments
   that last about two minutes at the warm-up's rate, well within Stripe's 300 s tolerance) and
   POSTs them to the server's path at a fixed concurrency over keep-alive connections, timing
   each request. Its client is a small hand-written HTTP/1.1 one (:class:`RawConnection`);
   ``--client httpx`` costs 10 to 40 times more CPU per request, which on 2 cores the server
   would lose.

Two workloads (``--workload``):

- ``compare`` (the default; see compare.py): 10,000 customers and 10,000 invoices made from
  Stripe's example payloads are loaded in process through ``process_event``; then, for each
  level of ``--concurrency`` (16 and 64 by default), a freshly started server gets a warm-up and
  N events alternating ``customer.updated`` and ``invoice.paid`` over those rows, followed by a
  check of the database. Each level (and the ``mix`` run) starts after a ``CHECKPOINT`` (see
  webhooks.py). The server's peak RSS is the kernel's high-water mark (``VmHWM``) of its
  processes, read at the end of the level.
- ``mix``: at one level, a mix of ``customer.created`` and ``invoice.created`` (new objects) and
  ``customer.updated``, ``customer.subscription.updated``, ``invoice.updated`` and
  ``invoice.paid`` (repeated updates of loaded objects, each object again every few thousand
  events), with the seeded fake's full payloads.

Event ``k`` is created at ``first + k`` seconds, so each one is newer than what is stored: no
stale write and no same-second tie (which would make the server fetch the object from Stripe).
The server's Stripe calls during the measured events are counted and must be 0.

At the end (of each level) the database must hold every event (``_processed_events``), every
object, and on every touched object the ``metadata.bench_seq`` of its last event: a bench that
lost events cannot report a speed. The exit status is 1 when a request failed or the check did
not pass.

Usage (from the repository root)::

    .venv/bin/python bench/server.py                                   # compare: levels 16, 64
    .venv/bin/python bench/server.py --concurrency 8 --events 5000
    .venv/bin/python bench/server.py --workload mix                    # 5000 events, 32 conns
    .venv/bin/python bench/server.py --server-workers 2 --pool-size 16
    .venv/bin/python bench/server.py --pg-setting synchronous_commit=off
    .venv/bin/python bench/server.py --runtime edge                    # the Deno function
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

import httpx
import psutil
import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict
from starlette.applications import Starlette

# The benches are scripts, not a package: the shared helpers live in compare.py (the default
# workload) and webhooks.py beside this file.
from compare import (
    CLOCK_OFFSET,
    DEFAULT_LEVELS_SERVER,
    SCHEMA,
    WEBHOOK_SECRET,
    LevelPlan,
    Workload,
    add_workload_arguments,
    apply_events,
    check_database,
    check_workload_arguments,
    describe_check,
    describe_load,
    describe_settings,
    machine_load,
    segment_size,
    segments,
    sign,
    workload_levels,
)
from compare import load as load_workload
from stripe_sync import AsyncStripeSync, PoolConfig, StripeSyncConfig
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.server import create_app
from stripe_sync.testing import FakeStripe, free_port, run_in_thread
from webhooks import (
    GOAL_EVENTS_PER_S,
    GOAL_P99_MS,
    checkpoint,
    describe_checkpoints,
    event,
    fresh_database,
    function_stats,
    objects,
    percentile,
    postgres_server,
    postmaster,
    server_cpu_s,
    server_settings,
)

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
#: The Supabase edge functions and the host that runs one locally (see deno_host.ts).
FUNCTIONS = REPO / "src" / "stripe_sync" / "supabase" / "functions"
DENO_HOST = REPO / "tests" / "support" / "deno_host.ts"
DENO_INSTALLED = REPO / ".tools" / "node_modules" / "@deno" / "linux-x64-glibc" / "deno"
#: The path each runtime's webhook handler is served on (deno_host.ts serves any path; this is
#: the one Supabase routes to the function).
WEBHOOK_PATHS = {"python": "/webhooks", "edge": "/functions/v1/stripe-webhook"}
#: The server process reads its configuration from this variable (see :func:`app_from_env`).
CONFIG_ENV = "STRIPE_SYNC_BENCH_SERVER"

#: The event mix, one slot per event in turn: (event type, table, new object?).
MIX: tuple[tuple[str, str, bool], ...] = (
    ("customer.created", "customers", True),
    ("customer.updated", "customers", False),
    ("customer.subscription.updated", "subscriptions", False),
    ("invoice.updated", "invoices", False),
    ("customer.updated", "customers", False),
    ("invoice.paid", "invoices", False),
    ("invoice.created", "invoices", True),
    ("customer.updated", "customers", False),
    ("customer.subscription.updated", "subscriptions", False),
    ("invoice.updated", "invoices", False),
)
#: Loaded before the run, in this order, by their creation events (the engine fetches what
#: they refer to: payment methods, latest invoices, charges ...).
LOAD = (
    ("customers", "customer", "customer.created"),
    ("subscriptions", "subscription", "customer.subscription.created"),
    ("invoices", "invoice", "invoice.created"),
)


@dataclass(frozen=True, slots=True)
class Options:
    events: int
    warmup: int
    #: The in-flight levels, run in turn, each against a freshly started server (``mix`` takes
    #: exactly one).
    levels: tuple[int, ...]
    client: str
    server_workers: int
    pool_size: int
    database_url: str | None
    scale: int
    seed: int
    sql_stats: bool
    json: bool
    #: ``python`` (uvicorn + create_app) or ``edge`` (the stripe-webhook function under Deno).
    runtime: str = "python"
    #: ``ALTER DATABASE ... SET name = value`` before the server starts (``--pg-setting``).
    pg_settings: tuple[tuple[str, str], ...] = ()
    #: ``compare`` (the default, see compare.py) or ``mix`` (the seeded account's objects).
    workload: str = "compare"
    customers: int = 10_000
    invoices: int = 10_000
    load_concurrency: int = 32
    #: More arguments of the uvicorn command (``--uvicorn-arg``), e.g. ``--http h11``.
    uvicorn_args: tuple[str, ...] = ()

    @property
    def concurrency(self) -> int:
        return self.levels[0]


@dataclass(frozen=True, slots=True)
class Plan:
    """The events to send and what the database must hold afterwards."""

    warmup: list[dict[str, Any]]
    measured: list[dict[str, Any]]
    #: (table, object id) -> ``metadata.bench_seq`` of the object's last event.
    last_seq: dict[tuple[str, str], int]
    #: Rows per table expected at the end.
    rows: dict[str, int]


# -- the server process --------------------------------------------------------------------------


def app_from_env() -> Starlette:
    """The uvicorn factory: ``create_app`` for the config in ``$STRIPE_SYNC_BENCH_SERVER``."""
    spec = json.loads(os.environ[CONFIG_ENV])
    size = int(spec["pool_size"])
    config = StripeSyncConfig(
        stripe_secret_key=spec["api_key"],
        stripe_webhook_secret=spec["webhook_secret"],
        stripe_api_base=spec["api_base"],
        database_url=spec["database_url"],
        schema=SCHEMA,
        pool_config=PoolConfig(min_size=size, max_size=size),
    )
    return create_app(config)


def server_command(port: int, workers: int, uvicorn_args: Sequence[str] = ()) -> list[str]:
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "server:app_from_env",
        "--app-dir",
        str(BENCH_DIR),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--no-access-log",
        *uvicorn_args,
    ]


@contextlib.contextmanager
def webhook_server(
    options: Options, url: str, stripe_url: str, api_key: str, tmp: Path
) -> Iterator[tuple[str, psutil.Process, str]]:
    """The webhook server of ``options.runtime``; yields (base URL, process, command shown)."""
    if options.runtime == "edge":
        with edge_server(options, url, stripe_url, api_key, tmp / "edge.log") as served:
            yield served
    else:
        with python_server(options, url, stripe_url, api_key) as served:
            yield served


@contextlib.contextmanager
def python_server(
    options: Options, url: str, stripe_url: str, api_key: str
) -> Iterator[tuple[str, psutil.Process, str]]:
    """The uvicorn process serving the webhook app."""
    port = free_port("127.0.0.1")
    command = server_command(port, options.server_workers, options.uvicorn_args)
    spec = {
        "api_key": api_key,
        "webhook_secret": WEBHOOK_SECRET,
        "api_base": stripe_url,
        "database_url": url,
        "pool_size": options.pool_size,
    }
    env = {**os.environ, CONFIG_ENV: json.dumps(spec)}
    proc = subprocess.Popen(command, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"the webhook server exited with {proc.returncode}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise SystemExit("the webhook server did not answer /health within 60 s")
            time.sleep(0.2)
        yield base, psutil.Process(proc.pid), " ".join(command[1:])
    finally:
        stop(proc)


def deno_binary() -> str:
    """``$DENO_BIN``, else ``deno`` on ``PATH``, else the copy of ``scripts/install-deno.sh``."""
    for candidate in (os.environ.get("DENO_BIN"), shutil.which("deno"), str(DENO_INSTALLED)):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise SystemExit("Deno is not installed: run scripts/install-deno.sh (or set DENO_BIN)")


def js_database_url(conninfo: str) -> str:
    """A URL postgres.js reads for a psycopg conninfo (a socket directory goes in ``?host=``)."""
    info = conninfo_to_dict(conninfo)
    host = str(info.get("host") or "localhost")
    port = str(info.get("port") or 5432)
    user = quote(str(info.get("user") or "postgres"), safe="")
    password = info.get("password")
    auth = f"{user}:{quote(str(password), safe='')}" if password else user
    dbname = quote(str(info.get("dbname") or "postgres"), safe="")
    if host.startswith("/"):
        return f"postgresql://{auth}@localhost:{port}/{dbname}?host={quote(host, safe='/')}"
    return f"postgresql://{auth}@{host}:{port}/{dbname}"


def edge_env(
    options: Options, url: str, stripe_url: str, api_key: str, port: int
) -> dict[str, str]:
    """What Supabase provides and the installer sets, pointed at the fake Stripe."""
    return {
        "SUPABASE_DB_URL": js_database_url(url),
        "SUPABASE_URL": f"http://127.0.0.1:{port}",
        "STRIPE_SYNC_STRIPE_KEY": api_key,
        "STRIPE_SYNC_API_BASE": stripe_url,
        "STRIPE_SYNC_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "STRIPE_SYNC_SCHEMA": SCHEMA,
        # stripe-webhook/index.ts opens a pool of this + 1 connections.
        "STRIPE_SYNC_WORKER_CONCURRENCY": str(options.pool_size - 1),
        "NO_COLOR": "1",
    }


@contextlib.contextmanager
def edge_server(
    options: Options, url: str, stripe_url: str, api_key: str, log: Path
) -> Iterator[tuple[str, psutil.Process, str]]:
    """The stripe-webhook edge function under Deno; its output (a line per event) goes to
    ``log``, a file rather than a pipe, so that nothing of the orchestrator has to drain it."""
    deno = deno_binary()
    port = free_port("127.0.0.1")
    entry = FUNCTIONS / "stripe-webhook" / "index.ts"
    command = [deno, "run", "--allow-all", str(DENO_HOST), str(entry), str(port)]
    env = {**os.environ, **edge_env(options, url, stripe_url, api_key, port)}
    with log.open("wb") as out:
        # In the functions' directory, as the tests run them (its deno.json: no lock file).
        proc = subprocess.Popen(
            command, cwd=FUNCTIONS, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    try:
        # The first start may download npm:postgres into Deno's cache.
        deadline = time.monotonic() + 180
        ready = f"listening {port}"
        while ready not in log.read_text(errors="replace").splitlines():
            if proc.poll() is not None:
                raise SystemExit(f"the edge function exited with {proc.returncode}:\n{tail(log)}")
            if time.monotonic() > deadline:
                raise SystemExit(f"the edge function did not listen within 180 s:\n{tail(log)}")
            time.sleep(0.2)
        version = subprocess.run(
            [deno, "--version"], capture_output=True, text=True, check=False
        ).stdout.split("\n", 1)[0]
        shown = " ".join(
            [
                "deno run --allow-all",
                *(str(Path(a).relative_to(REPO)) for a in (DENO_HOST, entry)),
                str(port),
                f"({version or 'deno'})",
            ]
        )
        yield f"http://127.0.0.1:{port}", psutil.Process(proc.pid), shown
    finally:
        stop(proc)
        if proc.returncode not in (0, -signal.SIGTERM):
            progress(f"the edge function exited with {proc.returncode}:\n{tail(log)}")


def tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def stop(proc: subprocess.Popen[Any]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def tree_cpu_s(proc: psutil.Process) -> float:
    """User + system CPU of a process and its live children."""
    total = 0.0
    with contextlib.suppress(psutil.NoSuchProcess):
        for one in [proc, *proc.children(recursive=True)]:
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                times = one.cpu_times()
                total += times.user + times.system
    return total


# -- the load generator process ------------------------------------------------------------------


#: One POST of a signed body: (body, Stripe-Signature) -> (status, response body).
Post = Callable[[bytes, str], Awaitable[tuple[int, bytes]]]


class RawConnection:
    """One keep-alive HTTP/1.1 connection written by hand: the least client CPU per request.

    httpx costs about 1.4 ms of CPU per request at concurrency 8 and 5 ms at 32 (measured with
    ``--client httpx``), enough on 2 cores to make the load generator the bottleneck.
    """

    def __init__(self, host: str, port: int, path: str) -> None:
        self.host, self.port = host, port
        self.head = (
            f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
            "Content-Type: application/json\r\nStripe-Signature: "
        ).encode()
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def post(self, body: bytes, header: str) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        try:
            writer.write(
                b"".join(
                    (self.head, header.encode(), b"\r\nContent-Length: ", str(len(body)).encode())
                )
                + b"\r\n\r\n"
                + body
            )
            head = (await reader.readuntil(b"\r\n\r\n")).lower()
            status = int(head.split(b" ", 2)[1])
            at = head.index(b"content-length:") + len(b"content-length:")
            data = await reader.readexactly(int(head[at : head.index(b"\r\n", at)]))
        except BaseException:
            self.close()
            raise
        if b"connection: close" in head:
            self.close()
        return status, data

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def send_all(
    posters: Sequence[Post], bodies: Sequence[str], segment: int | None = None
) -> dict[str, Any]:
    """POST every body, one worker per poster; the figures of the run.

    The bodies are signed with the real clock, as Stripe signs them, in segments of ``segment``
    (default: all at once), each just before it is sent: no signature may outlive Stripe's 300 s
    tolerance. Signing is outside the timing and the CPU figure: it is Stripe's work.
    """
    encoded = [body.encode() for body in bodies]
    n = len(encoded)
    latencies = [0.0] * n
    statuses: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()

    async def worker(post: Post, pending: Iterator[tuple[int, tuple[bytes, str]]]) -> None:
        # The workers share one iterator: each takes the next delivery when it is free.
        for index, (body, header) in pending:
            start = time.perf_counter()
            try:
                status, data = await post(body, header)
            except (OSError, EOFError, ValueError, httpx.HTTPError) as exc:
                latencies[index] = time.perf_counter() - start
                statuses[type(exc).__name__] += 1
                continue
            latencies[index] = time.perf_counter() - start
            statuses[str(status)] += 1
            if status == 200:
                outcomes[str(json.loads(data)["outcome"])] += 1

    wall = cpu = 0.0
    size = segment or max(1, n)
    for part in segments(n, size):
        pending = iter(enumerate(sign(encoded[part.start : part.stop]), part.start))
        before = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        async with asyncio.TaskGroup() as group:
            for post in posters:
                group.create_task(worker(post, pending))
        wall += time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpu += (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    ordered = sorted(latencies)
    return {
        "events": n,
        "wall_s": wall,
        "events_per_s": n / wall if wall else 0.0,
        "p50_ms": percentile(ordered, 0.50) * 1000,
        "p90_ms": percentile(ordered, 0.90) * 1000,
        "p99_ms": percentile(ordered, 0.99) * 1000,
        "max_ms": (ordered[-1] if ordered else 0.0) * 1000,
        "mean_ms": (sum(ordered) / n if n else 0.0) * 1000,
        "statuses": dict(statuses),
        "outcomes": dict(outcomes),
        "body_bytes_mean": sum(len(b) for b in encoded) / n if n else 0.0,
        "client_cpu_s": cpu,
        "signed_segments": math.ceil(n / size) if n else 0,
    }


async def generate(spec: Mapping[str, Any]) -> dict[str, Any]:
    concurrency = int(spec["concurrency"])
    path = str(spec["path"])
    posters: list[Post]
    if spec["client"] == "httpx":
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        client = httpx.AsyncClient(base_url=spec["url"], limits=limits, timeout=60)
        headers = {"Content-Type": "application/json"}

        async def post(body: bytes, header: str) -> tuple[int, bytes]:
            response = await client.post(
                path, content=body, headers={**headers, "Stripe-Signature": header}
            )
            return response.status_code, response.content

        posters = [post] * concurrency
    else:
        url = httpx.URL(spec["url"])
        connections = [RawConnection(url.host, url.port or 80, path) for _ in range(concurrency)]
        posters = [c.post for c in connections]
    try:
        warm = await send_all(posters, spec["warmup"]) if spec["warmup"] else None
        # The orchestrator samples the CPU counters between the two phases.
        print(json.dumps({"phase": "warm", "figures": warm}), flush=True)
        sys.stdin.readline()
        measured = spec["measured"]
        rate = warm["events_per_s"] if warm is not None else None
        return await send_all(posters, measured, segment_size(rate, concurrency, len(measured)))
    finally:
        if spec["client"] == "httpx":
            await client.aclose()
        else:
            for connection in connections:
                connection.close()


# -- the events ----------------------------------------------------------------------------------


async def load_objects(engine: AsyncStripeSync, fake: FakeStripe) -> dict[str, list[Any]]:
    """Write the seeded objects through their creation events; answers them per table."""
    loaded: dict[str, list[Any]] = {}
    for table, name, type_ in LOAD:
        rows = objects(fake, name)
        creations = [event(fake, type_, obj, int(obj["created"])) for obj in rows]
        outcomes = await apply_events(engine, creations, concurrency=8)
        progress(f"loaded {len(rows)} {table}: {dict(outcomes)}")
        loaded[table] = rows
    return loaded


def build_plan(fake: FakeStripe, loaded: Mapping[str, list[Any]], options: Options) -> Plan:
    """The warm-up and measured events (see :data:`MIX`) and the expected end state."""
    newest = max(int(r["created"]) for rows in loaded.values() for r in rows)
    total = options.warmup + options.events
    first = newest + 1
    if first + total > int(time.time()):
        raise SystemExit("too many events for CLOCK_OFFSET: lower --events")
    customers = loaded["customers"]
    used: Counter[str] = Counter()
    last_seq: dict[tuple[str, str], int] = {}
    created_new: Counter[str] = Counter()
    events: list[dict[str, Any]] = []
    for seq in range(total):
        type_, table, new = MIX[seq % len(MIX)]
        # New objects and updates each walk their table in turn: an object comes back only
        # after the whole table, far outside one concurrency window.
        key = f"{table}:{new}"
        turn = used[key]
        used[key] += 1
        if new and table == "customers":
            obj = fake.call(
                "POST", "/v1/customers", {"email": f"new{seq}@example.com", "name": f"New {seq}"}
            )
        elif new:
            owner = customers[turn % len(customers)]
            obj = fake.call("POST", "/v1/invoices", {"customer": owner["id"]})
        else:
            obj = loaded[table][turn % len(loaded[table])]
        if new:
            created_new[table] += 1
        previous = None if new else {"metadata": dict(obj.get("metadata") or {})}
        changed = {**obj, "metadata": {**(obj.get("metadata") or {}), "bench_seq": str(seq)}}
        if type_ == "invoice.paid":
            changed["status"] = "paid"
        events.append(event(fake, type_, changed, first + seq, previous))
        last_seq[(table, str(obj["id"]))] = seq
    rows_expected = {table: len(rows) + created_new[table] for table, rows in loaded.items()}
    return Plan(events[: options.warmup], events[options.warmup :], last_seq, rows_expected)


# -- the check -----------------------------------------------------------------------------------


def verify(url: str, plan: Plan) -> dict[str, Any]:
    """Compare the database with what was sent; answers the counts and the mismatches."""
    sent = [str(e["id"]) for e in [*plan.warmup, *plan.measured]]
    return check_database(url, sent, plan.last_seq, plan.rows)


# -- the orchestrator ----------------------------------------------------------------------------


def apply_settings(url: str, settings: Sequence[tuple[str, str]]) -> None:
    """``ALTER DATABASE`` the fresh database: the server's new connections get the settings."""
    if not settings:
        return
    with psycopg.connect(url, autocommit=True) as conn:
        name = conn.info.dbname
        for setting, value in settings:
            conn.execute(
                sql.SQL("ALTER DATABASE {} SET {} = {}").format(
                    sql.Identifier(name), sql.Identifier(setting), sql.Literal(value)
                )
            )


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def peak_rss_mb(proc: psutil.Process) -> float | None:
    """The server's peak resident memory: the kernel's high-water mark (``VmHWM``, what the
    process's own ``ru_maxrss`` says) of each of its processes, summed.

    The kernel keeps the mark, so nothing is sampled and no short peak is missed; with several
    uvicorn workers the sum is an upper bound of the peak of the whole (their peaks need not be
    simultaneous). None where ``/proc`` cannot be read.
    """
    total_kb = 0
    found = False
    with contextlib.suppress(psutil.NoSuchProcess):
        for one in [proc, *proc.children(recursive=True)]:
            try:
                status = Path(f"/proc/{one.pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    total_kb += int(line.split()[1])
                    found = True
    return round(total_kb / 1024, 1) if found else None


def drive_server(
    options: Options,
    url: str,
    fake: FakeStripe,
    stripe_url: str,
    tmp: Path,
    concurrency: int,
    warmup: Sequence[str],
    measured: Sequence[str],
) -> dict[str, Any]:
    """Start the server, send ``warmup`` then ``measured`` (serialised events) from the load
    generator at ``concurrency``, stop the server; the generator's figures and the CPU, Stripe
    calls and peak RSS of the measured part."""
    spec_path = tmp / "events.json"
    checkpointed = checkpoint(url)
    served = webhook_server(options, url, stripe_url, fake.api_key, tmp)
    with served as (base, server, command):
        spec = {
            "url": base,
            "path": WEBHOOK_PATHS[options.runtime],
            "concurrency": concurrency,
            "client": options.client,
            "warmup": list(warmup),
            "measured": list(measured),
        }
        spec_path.write_text(json.dumps(spec))
        progress(f"webhook server up ({options.runtime}): {command}")
        generator = subprocess.Popen(
            [sys.executable, __file__, "--generate", str(spec_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert generator.stdin is not None
        assert generator.stdout is not None
        warm = json.loads(generator.stdout.readline())["figures"]
        if warm is not None:
            progress(
                f"warm-up: {warm['events']} events, {warm['events_per_s']:.0f}/s, "
                f"statuses {warm['statuses']}"
            )
        pg = postmaster(url)
        stripe_before = fake.stats()["totals"]["requests"]
        server_before, pg_before = tree_cpu_s(server), server_cpu_s(pg)
        generator.stdin.write("go\n")
        generator.stdin.flush()
        out, _ = generator.communicate(timeout=3600)
        server_cpu = tree_cpu_s(server) - server_before
        pg_after = server_cpu_s(pg)
        stripe_calls = fake.stats()["totals"]["requests"] - stripe_before
        # Read while the server runs: the mark goes with the process.
        rss_mb = peak_rss_mb(server)
        if generator.returncode != 0:
            raise SystemExit(f"the load generator exited with {generator.returncode}")
        figures: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    spec_path.unlink()
    n = figures["events"]
    pg_cpu = None if pg_after is None or pg_before is None else pg_after - pg_before
    figures.update(
        {
            "concurrency": concurrency,
            "checkpointed": checkpointed,
            "server_command": command,
            "warmup": len(warmup),
            "warmup_statuses": warm["statuses"] if warm is not None else {},
            "stripe_calls": stripe_calls,
            "server_cpu_ms_per_event": server_cpu / n * 1000 if n else 0.0,
            "client_cpu_ms_per_event": figures["client_cpu_s"] / n * 1000 if n else 0.0,
            "postgres_cpu_ms_per_event": None if pg_cpu is None or not n else pg_cpu / n * 1000,
            "server_peak_rss_mb": rss_mb,
        }
    )
    return figures


def stripe_config(fake: FakeStripe, stripe_url: str, url: str, **extra: Any) -> StripeSyncConfig:
    return StripeSyncConfig(
        stripe_secret_key=fake.api_key,
        stripe_webhook_secret=WEBHOOK_SECRET,
        stripe_api_base=stripe_url,
        database_url=url,
        schema=SCHEMA,
        **extra,
    )


def run_mix(options: Options, url: str) -> dict[str, Any]:
    """The ``mix`` workload: seed, load, one run against the server, the check."""
    with (
        FakeStripe(seed=options.seed, clock=lambda: time.time() - CLOCK_OFFSET) as fake,
        run_in_thread(fake) as stripe,
        tempfile.TemporaryDirectory(prefix="ssb-server-") as tmp,
    ):
        seeded = fake.seed_realistic(scale=options.scale, seed=options.seed)
        progress(f"seeded the fake Stripe: {sum(seeded.values())} objects")
        config = stripe_config(fake, stripe.url, url)

        async def load() -> dict[str, list[Any]]:
            limiter = TokenBucketLimiter(global_rps=None, endpoint_rps=None)
            async with AsyncStripeSync(config, rate_limiter=limiter) as engine:
                return await load_objects(engine, fake)

        loaded = asyncio.run(load())
        plan = build_plan(fake, loaded, options)
        # Serialised as Stripe sends them; the generator only signs.
        figures = drive_server(
            options,
            url,
            fake,
            stripe.url,
            Path(tmp),
            options.concurrency,
            [json.dumps(e, indent=2) for e in plan.warmup],
            [json.dumps(e, indent=2) for e in plan.measured],
        )
        # The server is stopped: its backends have exited and flushed their function counters.
        check = verify(url, plan)
    functions = function_stats(url) if options.sql_stats else {}
    figures.update(
        {
            "workload": "mix",
            "runtime": options.runtime,
            "client": options.client,
            "server_workers": options.server_workers,
            "pool_size": options.pool_size,
            "scale": options.scale,
            "check": check,
            "sql_functions": {name: asdict(stats) for name, stats in functions.items()},
            "goal_ratio": figures["events_per_s"] / GOAL_EVENTS_PER_S,
            "p99_within_goal": figures["p99_ms"] < GOAL_P99_MS,
            "cpus": os.cpu_count(),
        }
    )
    return figures


def rounded(figures: Mapping[str, Any]) -> dict[str, Any]:
    """Figures as a reader compares them: rates to 0.1, milliseconds to the microsecond."""
    digits = {"events_per_s": 1, "wall_s": 3, "client_cpu_s": 3, "body_bytes_mean": 0}
    out = dict(figures)
    for key, value in figures.items():
        if isinstance(value, float):
            out[key] = round(value, digits.get(key, 3))
    return out


def run_compare(options: Options, url: str) -> dict[str, Any]:
    """The ``compare`` workload: load the rows in process, then each level against a freshly
    started server (so that its peak RSS is the level's own), each followed by its check."""
    workload = Workload(options.customers, options.invoices)
    rows = {"customers": options.customers, "invoices": options.invoices}
    with (
        FakeStripe(seed=options.seed) as fake,
        run_in_thread(fake) as stripe,
        tempfile.TemporaryDirectory(prefix="ssb-server-") as tmp,
    ):
        # No related fetches while loading: an invoice's only reference is its customer, loaded
        # first, and the option makes sure that nothing else would ever call Stripe.
        size = options.load_concurrency
        config = stripe_config(
            fake,
            stripe.url,
            url,
            backfill_related_entities=False,
            pool_config=PoolConfig(min_size=size, max_size=size),
        )

        async def load() -> Counter[str]:
            limiter = TokenBucketLimiter(global_rps=None, endpoint_rps=None)
            async with AsyncStripeSync(config, rate_limiter=limiter) as engine:
                return await load_workload(engine, workload, size, progress)

        total = workload.customers + workload.invoices
        progress(
            f"loading {workload.customers} customers and {workload.invoices} invoices through "
            f"process_event ({size} in flight)"
        )
        started = time.perf_counter()
        outcomes = asyncio.run(load())
        seconds = time.perf_counter() - started
        loaded = {
            "objects": total,
            "seconds": round(seconds, 1),
            "per_s": round(total / seconds if seconds else 0.0, 1),
            "concurrency": size,
            "outcomes": dict(outcomes),
        }
        progress(f"loaded {total} objects in {seconds:.1f} s: {dict(outcomes)}")
        levels: list[dict[str, Any]] = []
        for concurrency in options.levels:
            plan: LevelPlan = workload.plan(options.warmup, options.events)
            progress(
                f"level {concurrency}: {len(plan.warmup)} warm-up + {len(plan.measured)} events"
            )
            figures = drive_server(
                options,
                url,
                fake,
                stripe.url,
                Path(tmp),
                concurrency,
                [b.decode() for b in plan.warmup],
                [b.decode() for b in plan.measured],
            )
            check = check_database(url, plan.event_ids, plan.last_seq, rows)
            figures = rounded(figures)
            n = figures["events"]
            figures["check"] = check
            figures["ok"] = (
                bool(check["ok"])
                and figures["statuses"] == {"200": n}
                and figures["outcomes"] == {"written": n}
                and set(figures["warmup_statuses"]) <= {"200"}
                and figures["stripe_calls"] == 0
            )
            progress(
                f"level {concurrency}: {figures['events_per_s']:.0f} events/s, "
                f"p99 {figures['p99_ms']:.1f} ms, check {describe_check(check)}"
            )
            levels.append(figures)
            del plan
    functions = function_stats(url) if options.sql_stats else {}
    return {
        "workload": "compare",
        "runtime": options.runtime,
        "client": options.client,
        "server_workers": options.server_workers,
        "pool_size": options.pool_size,
        "customers": options.customers,
        "invoices": options.invoices,
        "events_per_level": options.events,
        "warmup_per_level": options.warmup,
        "load": loaded,
        "levels": levels,
        "sql_functions": {name: asdict(stats) for name, stats in functions.items()},
        "cpus": os.cpu_count(),
        "ok": loaded["outcomes"] == {"written": total} and all(lv["ok"] for lv in levels),
    }


def server_description(f: Mapping[str, Any]) -> str:
    if f["runtime"] == "edge":
        return f"edge runtime (Deno, stripe-webhook), pool {f['pool_size']}"
    return (
        f"python runtime, {f['server_workers']} uvicorn worker(s), pool {f['pool_size']} per worker"
    )


def report_mix(figures: Mapping[str, Any], settings: Mapping[str, str], out: TextIO) -> None:
    f = figures
    check = f["check"]
    pg_cpu = f["postgres_cpu_ms_per_event"]
    lines = [
        f"webhook server benchmark, workload mix: {f['events']} events over HTTP "
        f"({f['client']} client), concurrency {f['concurrency']}, {server_description(f)}, "
        f"{f['cpus']} CPUs",
        f"machine       {describe_load(f['loadavg_before'])}",
        f"server        {f['server_command']}",
        f"PostgreSQL    {describe_settings(settings)}; {describe_checkpoints([f])}",
        f"throughput    {f['events_per_s']:>9.1f} events/s in {f['wall_s']:.2f} s  "
        f"= {f['goal_ratio']:.2f}x the goal of {GOAL_EVENTS_PER_S:.0f}/s",
        f"latency ms    p50 {f['p50_ms']:.2f}  p90 {f['p90_ms']:.2f}  p99 {f['p99_ms']:.2f}  "
        f"max {f['max_ms']:.2f}  mean {f['mean_ms']:.2f}  "
        f"(p99 goal < {GOAL_P99_MS:.0f}: {'met' if f['p99_within_goal'] else 'missed'})",
        "responses     "
        + ", ".join(f"{k}={v}" for k, v in sorted(f["statuses"].items()))
        + "; outcomes "
        + ", ".join(f"{k}={v}" for k, v in sorted(f["outcomes"].items()))
        + f"; Stripe calls during the run {f['stripe_calls']}",
        f"bodies        {f['body_bytes_mean']:.0f} bytes on average (json indent=2, as Stripe)",
        f"CPU ms/event  server {f['server_cpu_ms_per_event']:.3f}, "
        f"load generator {f['client_cpu_ms_per_event']:.3f}, "
        + ("PostgreSQL n/a" if pg_cpu is None else f"PostgreSQL {pg_cpu:.3f}"),
        f"check         {describe_check(check)}",
    ]
    if f["server_peak_rss_mb"] is not None:
        lines.append(f"server RSS    {f['server_peak_rss_mb']:.1f} MB at its peak (VmHWM)")
    for name, stats in f["sql_functions"].items():
        lines.append(
            f"sql {name:<14} {stats['mean_ms']:.3f} ms/call, self {stats['self_mean_ms']:.3f} ms "
            f"({stats['calls']} calls since the database was created)"
        )
    print("\n".join(lines), file=out)


def report_compare(figures: Mapping[str, Any], settings: Mapping[str, str], out: TextIO) -> None:
    f = figures
    loaded = f["load"]
    lines = [
        f"webhook server benchmark, workload compare: {f['customers']} customers + "
        f"{f['invoices']} invoices (Stripe's example payloads); per level "
        f"{f['events_per_level']} events after {f['warmup_per_level']} warm-up, "
        f"customer.updated / invoice.paid alternating, over HTTP ({f['client']} client)",
        f"machine       {describe_load(f['loadavg_before'])}",
        f"server        {server_description(f)}, restarted for each level",
        f"PostgreSQL    {describe_settings(settings)}; {describe_checkpoints(f['levels'])}",
        f"load          {loaded['objects']} objects in {loaded['seconds']:.1f} s = "
        f"{loaded['per_s']:.0f}/s through process_event in process "
        f"({loaded['concurrency']} in flight): "
        + ", ".join(f"{k}={v}" for k, v in sorted(loaded["outcomes"].items())),
        "",
        f"{'level':>5} {'events/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
        f"{'server RSS':>10}   {'CPU ms/event':<27}  check",
        f"{'':>5} {'':>9} {'':>8} {'':>8} {'':>8} {'peak MB':>10}   "
        f"{'server':>7} {'PG':>7} {'generator':>9}",
    ]
    for level in f["levels"]:
        pg = level["postgres_cpu_ms_per_event"]
        rss = level["server_peak_rss_mb"]
        lines.append(
            f"{level['concurrency']:>5} {level['events_per_s']:>9.1f} {level['p50_ms']:>8.2f} "
            f"{level['p99_ms']:>8.2f} {level['max_ms']:>8.2f} "
            + (f"{'n/a':>10}" if rss is None else f"{rss:>10.1f}")
            + f"   {level['server_cpu_ms_per_event']:>7.3f} "
            + (f"{'n/a':>7}" if pg is None else f"{pg:>7.3f}")
            + f" {level['client_cpu_ms_per_event']:>9.3f}  {'passed' if level['ok'] else 'FAILED'}"
        )
    lines.append("")
    for level in f["levels"]:
        lines.append(
            f"level {level['concurrency']:<7} responses "
            + ", ".join(f"{k}={v}" for k, v in sorted(level["statuses"].items()))
            + "; outcomes "
            + ", ".join(f"{k}={v}" for k, v in sorted(level["outcomes"].items()))
            + f"; Stripe calls {level['stripe_calls']}; bodies "
            f"{level['body_bytes_mean']:.0f} bytes on average"
        )
        lines.append(f"{'':<14}check {describe_check(level['check'])}")
    lines.append(
        "server RSS    the kernel's high-water mark (VmHWM) of the server's processes, read "
        "at the end of each level; the server is restarted for each level"
    )
    for name, stats in f["sql_functions"].items():
        lines.append(
            f"sql {name:<14} {stats['mean_ms']:.3f} ms/call, self {stats['self_mean_ms']:.3f} ms "
            f"({stats['calls']} calls since the database was created, load included)"
        )
    print("\n".join(lines), file=out)


def parse_args(argv: Sequence[str] | None) -> Options | Path:
    parser = argparse.ArgumentParser(
        description="Webhook server throughput and latency over HTTP into a real PostgreSQL."
    )
    parser.add_argument(
        "--workload",
        choices=("compare", "mix"),
        default="compare",
        help="compare (default): updates of pre-loaded customers and invoices at several "
        "levels; mix: creations and updates of the seeded fake account's objects at one level",
    )
    parser.add_argument(
        "--events",
        type=int,
        default=None,
        help="measured events per level (compare: 10000; mix: 5000)",
    )
    parser.add_argument(
        "--warmup", type=int, default=1000, help="unmeasured events first, per level (1000)"
    )
    parser.add_argument(
        "--concurrency",
        default=None,
        help="requests in flight, one connection each: a number, or levels run in turn such "
        "as 16,64 (compare: 16,64; mix: 32, one level only)",
    )
    add_workload_arguments(parser)
    parser.add_argument(
        "--client",
        choices=("raw", "httpx"),
        default="raw",
        help="the load generator's HTTP client: hand-written HTTP/1.1 (raw, default) or httpx",
    )
    parser.add_argument(
        "--runtime",
        choices=("python", "edge"),
        default="python",
        help="the webhook server: uvicorn + create_app (python, default) or the Supabase "
        "stripe-webhook edge function under Deno (edge)",
    )
    parser.add_argument(
        "--server-workers",
        type=int,
        default=None,
        help="uvicorn worker processes (1; python runtime only)",
    )
    parser.add_argument(
        "--uvicorn-arg",
        action="append",
        default=[],
        help="one more argument of the uvicorn command (repeat; python runtime only), e.g. "
        "--uvicorn-arg=--loop --uvicorn-arg=asyncio --uvicorn-arg=--http --uvicorn-arg=h11 "
        "for the pure-Python loop and HTTP parser (uvicorn picks uvloop and httptools, "
        "installed with stripe-sync, by default)",
    )
    parser.add_argument(
        "--pool-size",
        type=int,
        default=10,
        help="database connections per server worker (10; edge: the function's one pool, >= 2)",
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help="a server to create a fresh database on (default: an embedded PostgreSQL)",
    )
    parser.add_argument(
        "--scale", type=int, default=1000, help="mix: customers in the fake Stripe account (1000)"
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the fake's data (7)")
    parser.add_argument(
        "--sql-stats",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="time the SQL functions with track_functions = 'pl' (default: on; superuser only)",
    )
    parser.add_argument(
        "--pg-setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a setting of the fresh database, e.g. synchronous_commit=off (repeatable)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line of figures")
    parser.add_argument("--generate", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.generate is not None:
        return Path(args.generate)
    if args.runtime == "edge" and args.server_workers is not None:
        parser.error("--server-workers is for --runtime python: the edge function is one process")
    if args.runtime == "edge" and args.uvicorn_arg:
        parser.error("--uvicorn-arg is for --runtime python")
    server_workers = 1 if args.server_workers is None else args.server_workers
    compare = args.workload == "compare"
    events = args.events if args.events is not None else (10_000 if compare else 5000)
    levels = workload_levels(parser, args, DEFAULT_LEVELS_SERVER, 32)
    if min(events, server_workers, args.pool_size) < 1:
        parser.error("--events, --server-workers and --pool-size must be >= 1")
    check_workload_arguments(parser, args, levels)
    if args.runtime == "edge" and args.pool_size < 2:
        # The function's pool is STRIPE_SYNC_WORKER_CONCURRENCY + 1, and that must be >= 1.
        parser.error("--pool-size must be >= 2 with --runtime edge")
    pg_settings = tuple(tuple(item.split("=", 1)) for item in args.pg_setting)
    if any(len(item) != 2 for item in pg_settings):
        parser.error("--pg-setting takes NAME=VALUE")
    if args.scale < 10 or args.warmup < 0:
        parser.error("--scale must be >= 10 and --warmup >= 0")
    return Options(
        events=events,
        warmup=args.warmup,
        levels=levels,
        client=args.client,
        server_workers=server_workers,
        uvicorn_args=tuple(args.uvicorn_arg),
        pool_size=args.pool_size,
        database_url=args.database_url,
        scale=args.scale,
        seed=args.seed,
        sql_stats=args.sql_stats,
        json=args.json,
        pg_settings=tuple((name, value) for name, value in pg_settings),
        runtime=args.runtime,
        workload=args.workload,
        customers=args.customers,
        invoices=args.invoices,
        load_concurrency=args.load_concurrency,
    )


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    if isinstance(options, Path):
        spec = json.loads(options.read_text())
        print(json.dumps(asyncio.run(generate(spec))), flush=True)
        return 0
    # Before anything of the bench starts: how busy the machine already was.
    loadavg = machine_load()
    progress(describe_load(loadavg))
    with (
        postgres_server(options.database_url) as admin_url,
        fresh_database(admin_url, track_functions=options.sql_stats) as url,
    ):
        apply_settings(url, options.pg_settings)
        settings = server_settings(url)
        run = run_compare if options.workload == "compare" else run_mix
        figures = {**run(options, url), "loadavg_before": loadavg}
    out = sys.stderr if options.json else sys.stdout
    if options.workload == "compare":
        report_compare(figures, settings, out)
        failed = not figures["ok"]
    else:
        report_mix(figures, settings, out)
        failed = set(figures["statuses"]) != {"200"} or not figures["check"]["ok"]
    if options.json:
        print(json.dumps({**figures, "postgres": settings}, sort_keys=True), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
