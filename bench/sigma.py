"""Sigma ingest: CSV -> PostgreSQL rows/s through ``load_csv``, and the loader's peak memory.

For one catalogue table (``balance_transactions`` by default), N rows are generated as a Sigma
CSV on the fly, chunk by chunk, and fed to :func:`stripe_sync.sigma.tables.load_csv` in batches
of ``--batch-rows`` (one transaction each, as the engine loads one query page), into a fresh
database after :func:`ensure_tables`. The load runs in a child process (this script with
``--child``), so its peak RSS (``ru_maxrss``) is the loader's alone: comparing the figures at
100,000 and 1,000,000 rows shows whether memory stays flat in the table's size.

The rows: a pool of ``--pool`` rows made by the fake Stripe's Sigma generator
(``FakeStripe().sigma.generate`` / ``rows``: NULLs, strings with commas, quotes, newlines and
unicode, millisecond timestamps, extreme bigints), rendered once with the engine's
:func:`render_csv` (every value quoted, NULL an empty unquoted field, CRLF rows). Row ``i`` is
pool row ``i % pool`` with its primary key replaced by the fake's key rule for row ``i``, so
keys are unique and ascending, as a page of ``ORDER BY key`` is. Generating a row costs a
few concatenations, and the report says how long the child spent generating.

Per batch the child notes when the CSV iterator ran dry: before it, ``COPY`` into the staging
table (and the generation); after it, the end of ``COPY`` and the merge into the table (and the
commit). It also reads the CPU of its PostgreSQL backend when the server runs on this machine.

Usage (from the repository root)::

    /work/venv/bin/python bench/sigma.py                          # 100000 and 1000000 rows
    /work/venv/bin/python bench/sigma.py --rows 1000000 --table charges
    /work/venv/bin/python bench/sigma.py --rows 20000 --batch-rows 5000 --json
    /work/venv/bin/python bench/sigma.py --pg-setting temp_buffers=256MB
    /work/venv/bin/python bench/sigma.py --database-url postgresql://postgres@localhost/postgres

The exit status is 1 when a table does not hold exactly the generated rows at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TextIO

import psutil
import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

# The benches are scripts, not a package: shared helpers live in child_process.py and webhooks.py
# beside this file.
from child_process import run_child
from stripe_sync.sigma.api import render_csv
from stripe_sync.sigma.catalog import SigmaTable, load_catalog
from stripe_sync.sigma.tables import ACCOUNT_COLUMN, ensure_tables, load_csv
from stripe_sync.testing import FakeStripe
from webhooks import postgres_server

SCHEMA = "sigma"
ACCOUNT_ID = "acct_bench"
GOAL_ROWS_PER_S = 50_000
DEFAULT_ROWS = (100_000, 1_000_000)
#: A placeholder for key cells in the rendered pool rows (no generated value contains NUL).
KEY_MARK = "\x00key\x00"
#: The fake's first key timestamp (``stripe_sync.testing.sigma``'s epoch).
KEY_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Options:
    rows: tuple[int, ...]
    table: str
    batch_rows: int
    chunk_kib: int
    pool: int
    pg_settings: tuple[tuple[str, str], ...]
    database_url: str | None
    json: bool


@dataclass(frozen=True, slots=True)
class Figures:
    table: str
    columns: int
    rows: int
    batches: int
    batch_rows: int
    loaded: int
    stored: int
    exact: bool
    seconds: float
    rows_per_s: float
    csv_mb: float
    csv_mb_per_s: float
    generate_s: float
    copy_s: float
    merge_s: float
    batch_s_median: float
    batch_s_max: float
    merge_s_median: float
    client_cpu_s: float
    pg_backend_cpu_s: float | None
    wal_mb: float
    table_mb: float
    peak_rss_mb: float
    rss_first_batch_mb: float
    rss_last_batch_mb: float
    settings: dict[str, str] = field(default_factory=dict)


def progress(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


# -- the rows -----------------------------------------------------------------------------------


def key_cell(column: str, sigma_type: str, i: int) -> str:
    """The fake Stripe's primary-key value of row ``i`` (see ``testing.sigma``)."""
    if sigma_type == "bigint":
        return str(i + 1)
    if sigma_type == "timestamp":
        moment = KEY_EPOCH + timedelta(seconds=i)
        return moment.strftime("%Y-%m-%d %H:%M:%S.") + f"{moment.microsecond // 1000:03d}"
    if sigma_type == "varchar":
        return f"{column[:6]}_{i:08d}"
    raise ValueError(f"no key rule for a {sigma_type} key column {column!r}")


def key_columns(table: SigmaTable) -> list[tuple[str, str]]:
    """``(name, Sigma type)`` of the key columns, in the CSV's order."""
    return [(c.name, c.sigma_type) for c in table.columns if c.name in table.primary_key]


class CsvGenerator:
    """Sigma CSV rows of ``table``: pool rows from the fake's generator, unique keys per row."""

    def __init__(self, table: SigmaTable, pool: int) -> None:
        self.table = table
        fake = FakeStripe()
        fake.sigma.generate(table.name, pool)
        names = table.column_names
        keys = set(table.primary_key)
        rows = [
            [KEY_MARK if name in keys else row[name] for name in names]
            for row in fake.sigma.rows(table.name)
        ]
        self.header = b"".join(render_csv(names, []))
        mark = b"".join(render_csv([KEY_MARK], [])).rstrip(b"\r\n")
        # Each pool row split around its key cells: key k goes between parts k and k + 1.
        self.pool = [
            b"".join(render_csv(names, [row]))[len(self.header) :].split(mark) for row in rows
        ]
        self.keys = key_columns(table)

    def row(self, i: int) -> bytes:
        parts = self.pool[i % len(self.pool)]
        out = [parts[0]]
        for (column, type_), rest in zip(self.keys, parts[1:], strict=True):
            out += [b'"', key_cell(column, type_, i).encode(), b'"', rest]
        return b"".join(out)


@dataclass(slots=True)
class BatchClock:
    """What one batch's CSV iterator saw: its own time, its bytes, when it ran dry."""

    generate_s: float = 0.0
    bytes: int = 0
    exhausted_at: float = 0.0


async def csv_chunks(
    gen: CsvGenerator, start: int, stop: int, chunk_bytes: int, clock: BatchClock
) -> AsyncIterator[bytes]:
    """Rows ``start..stop`` as a CSV with a header, in chunks of about ``chunk_bytes``."""
    began = time.perf_counter()
    buffer = [gen.header]
    size = len(gen.header)
    for i in range(start, stop):
        line = gen.row(i)
        buffer.append(line)
        size += len(line)
        if size >= chunk_bytes:
            chunk = b"".join(buffer)
            clock.generate_s += time.perf_counter() - began
            clock.bytes += len(chunk)
            yield chunk
            began = time.perf_counter()
            buffer, size = [], 0
    if buffer:
        chunk = b"".join(buffer)
        clock.bytes += len(chunk)
        clock.generate_s += time.perf_counter() - began
        yield chunk
    clock.exhausted_at = time.perf_counter()


# -- the load, in a child process ------------------------------------------------------------------


def current_rss_mb() -> float:
    return float(psutil.Process().memory_info().rss) / 2**20


def backend_cpu(pid: int) -> float | None:
    """CPU seconds of the PostgreSQL backend ``pid`` when it runs on this machine."""
    try:
        times = psutil.Process(pid).cpu_times()
    except (psutil.Error, OSError):
        return None
    return float(times.user + times.system)


async def load(spec: Mapping[str, Any]) -> dict[str, Any]:
    table = load_catalog()[spec["table"]]
    gen = CsvGenerator(table, spec["pool"])
    rows, batch_rows = int(spec["rows"]), int(spec["batch_rows"])
    chunk_bytes = int(spec["chunk_kib"]) * 1024
    batches: list[dict[str, float]] = []
    rss: list[float] = []
    loaded = 0
    async with await psycopg.AsyncConnection.connect(spec["database_url"], autocommit=True) as conn:
        cur = await conn.execute("SELECT pg_backend_pid()")
        pid = (await cur.fetchone() or (0,))[0]
        cpu_before = backend_cpu(pid)
        started = time.perf_counter()
        for start in range(0, rows, batch_rows):
            clock = BatchClock()
            stop = min(rows, start + batch_rows)
            began = time.perf_counter()
            loaded += await load_csv(
                conn,
                SCHEMA,
                table,
                ACCOUNT_ID,
                csv_chunks(gen, start, stop, chunk_bytes, clock),
            )
            ended = time.perf_counter()
            batches.append(
                {
                    "seconds": ended - began,
                    "generate_s": clock.generate_s,
                    # COPY (and the generation) until the iterator ran dry; then the end of
                    # COPY, the merge and the commit.
                    "copy_s": clock.exhausted_at - began - clock.generate_s,
                    "merge_s": ended - clock.exhausted_at,
                    "bytes": clock.bytes,
                }
            )
            rss.append(current_rss_mb())
        seconds = time.perf_counter() - started
        cpu_after = backend_cpu(pid)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "loaded": loaded,
        "seconds": seconds,
        "batches": batches,
        "rss": rss,
        "client_cpu_s": usage.ru_utime + usage.ru_stime,
        "pg_backend_cpu_s": (
            cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
        ),
        # Linux reports kilobytes.
        "peak_rss_mb": usage.ru_maxrss / 1024,
    }


def child(spec: Mapping[str, Any]) -> int:
    print(json.dumps(asyncio.run(load(spec))), flush=True)
    return 0


# -- the database ----------------------------------------------------------------------------


@contextlib.contextmanager
def fresh_database(admin_url: str, settings: Sequence[tuple[str, str]]) -> Iterator[str]:
    """A new empty database with ``settings`` (``ALTER DATABASE ... SET``); dropped afterwards."""
    name = f"stripe_sync_bench_sigma_{os.getpid()}"
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(drop)
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        for setting, value in settings:
            conn.execute(
                sql.SQL("ALTER DATABASE {} SET {} = {}").format(
                    sql.Identifier(name), sql.Identifier(setting), sql.Literal(value)
                )
            )
    try:
        yield make_conninfo(admin_url, dbname=name)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(drop)


def wal_lsn(url: str) -> int:
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint").fetchone()
    return int(row[0]) if row else 0


def stored(url: str, table: SigmaTable) -> tuple[int, str | None, str | None, int]:
    """Rows of the account, its smallest and largest first key column, the table's bytes."""
    key = sql.Identifier(table.pg_primary_key[0])
    statement = sql.SQL(
        "SELECT count(*), min({key})::text, max({key})::text, pg_total_relation_size({reg}) "
        "FROM {table} WHERE {account} = %s"
    ).format(
        key=key,
        reg=sql.Literal(f"{SCHEMA}.{table.pg_name}"),
        table=sql.Identifier(SCHEMA, table.pg_name),
        account=sql.Identifier(ACCOUNT_COLUMN),
    )
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(statement, (ACCOUNT_ID,)).fetchone()
    assert row is not None
    return int(row[0]), row[1], row[2], int(row[3])


def run_size(rows: int, options: Options, admin_url: str) -> Figures:
    table = load_catalog()[options.table]
    if not table.primary_key:
        raise SystemExit(f"{table.name} has no primary key: pick a keyed table")
    with fresh_database(admin_url, options.pg_settings) as url:
        asyncio.run(ensure_tables(url, SCHEMA, [table]))
        wal_before = wal_lsn(url)
        progress(f"{table.name}: loading {rows:,} rows in batches of {options.batch_rows:,}")
        result = run_child(
            __file__,
            {
                "database_url": url,
                "table": table.name,
                "rows": rows,
                "batch_rows": options.batch_rows,
                "chunk_kib": options.chunk_kib,
                "pool": options.pool,
            },
            "load",
        )
        wal_bytes = wal_lsn(url) - wal_before
        count, low, high, table_bytes = stored(url, table)
    # The first key column (the key rule is monotonic in the row number).
    column, type_ = next(k for k in key_columns(table) if k[0] == table.primary_key[0])
    exact = (
        count == rows
        and int(result["loaded"]) == rows
        and low == key_cell(column, type_, 0)
        and high == key_cell(column, type_, rows - 1)
    )
    batches: list[dict[str, float]] = result["batches"]
    csv_bytes = sum(b["bytes"] for b in batches)
    seconds = float(result["seconds"])
    return Figures(
        table=table.name,
        columns=len(table.columns),
        rows=rows,
        batches=len(batches),
        batch_rows=options.batch_rows,
        loaded=int(result["loaded"]),
        stored=count,
        exact=exact,
        seconds=seconds,
        rows_per_s=rows / seconds,
        csv_mb=csv_bytes / 2**20,
        csv_mb_per_s=csv_bytes / 2**20 / seconds,
        generate_s=sum(b["generate_s"] for b in batches),
        copy_s=sum(b["copy_s"] for b in batches),
        merge_s=sum(b["merge_s"] for b in batches),
        batch_s_median=statistics.median(b["seconds"] for b in batches),
        batch_s_max=max(b["seconds"] for b in batches),
        merge_s_median=statistics.median(b["merge_s"] for b in batches),
        client_cpu_s=float(result["client_cpu_s"]),
        pg_backend_cpu_s=result["pg_backend_cpu_s"],
        wal_mb=wal_bytes / 2**20,
        table_mb=table_bytes / 2**20,
        peak_rss_mb=float(result["peak_rss_mb"]),
        rss_first_batch_mb=float(result["rss"][0]),
        rss_last_batch_mb=float(result["rss"][-1]),
        settings=dict(options.pg_settings),
    )


# -- the report ---------------------------------------------------------------------------------


def report(results: Sequence[Figures], out: TextIO) -> None:
    header = (
        f"{'table':<22} {'rows':>9} {'time s':>7} {'rows/s':>8} {'goal':>5} {'CSV MB':>7} "
        f"{'MB/s':>6} {'gen s':>6} {'copy s':>7} {'merge s':>7} {'batch s':>7} "
        f"{'PG cpu':>7} {'WAL MB':>7} {'RSS MB':>7} status"
    )
    print(header, file=out)
    print("-" * len(header), file=out)
    for f in results:
        pg_cpu = f"{f.pg_backend_cpu_s:.1f}" if f.pg_backend_cpu_s is not None else "-"
        print(
            f"{f.table:<22} {f.rows:>9,} {f.seconds:>7.1f} {f.rows_per_s:>8,.0f} "
            f"{f.rows_per_s / GOAL_ROWS_PER_S:>5.0%} {f.csv_mb:>7.0f} {f.csv_mb_per_s:>6.1f} "
            f"{f.generate_s:>6.1f} {f.copy_s:>7.1f} {f.merge_s:>7.1f} {f.batch_s_median:>7.2f} "
            f"{pg_cpu:>7} {f.wal_mb:>7.0f} {f.peak_rss_mb:>7.0f} "
            f"{'exact' if f.exact else 'NOT EXACT'}",
            file=out,
        )
    for f in results:
        print(
            f"{f.table} {f.rows:,}: {f.batches} batches of {f.batch_rows:,} rows, "
            f"{f.columns} columns; per batch median {f.batch_s_median:.2f} s (max "
            f"{f.batch_s_max:.2f}), merge median {f.merge_s_median:.2f} s; client CPU "
            f"{f.client_cpu_s:.1f} s; RSS after the first batch {f.rss_first_batch_mb:.0f} MB, "
            f"after the last {f.rss_last_batch_mb:.0f} MB; table {f.table_mb:.0f} MB; stored "
            f"{f.stored:,}" + (f"; settings {f.settings}" if f.settings else ""),
            file=out,
        )


def parse_setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value.strip()


def parse_args(argv: Sequence[str] | None) -> Options | dict[str, Any]:
    parser = argparse.ArgumentParser(description="Sigma CSV -> PostgreSQL ingest throughput.")
    parser.add_argument(
        "--rows",
        type=int,
        action="append",
        help="rows to load into a fresh database (repeatable; default 100000 and 1000000)",
    )
    parser.add_argument(
        "--table", default="balance_transactions", help="catalogue table (balance_transactions)"
    )
    parser.add_argument(
        "--batch-rows",
        type=int,
        default=100_000,
        help="rows per load_csv call, one transaction each (100000, the engine's page)",
    )
    parser.add_argument(
        "--chunk-kib", type=int, default=64, help="KiB per CSV chunk written to COPY (64)"
    )
    parser.add_argument(
        "--pool", type=int, default=1000, help="distinct generated rows to cycle through (1000)"
    )
    parser.add_argument(
        "--pg-setting",
        type=parse_setting,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="ALTER DATABASE ... SET on the fresh database (repeatable)",
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help="a server to create the fresh databases on (default: an embedded PostgreSQL in a "
        "temporary directory)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line of figures")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        spec: dict[str, Any] = json.loads(args.child)
        return spec
    rows = tuple(args.rows or DEFAULT_ROWS)
    if min(rows) < 1 or args.batch_rows < 1 or args.chunk_kib < 1 or args.pool < 1:
        parser.error("--rows, --batch-rows, --chunk-kib and --pool must be >= 1")
    if args.table not in load_catalog():
        parser.error(f"unknown Sigma table {args.table!r}")
    return Options(
        rows=rows,
        table=args.table,
        batch_rows=args.batch_rows,
        chunk_kib=args.chunk_kib,
        pool=args.pool,
        pg_settings=tuple(args.pg_setting),
        database_url=args.database_url,
        json=args.json,
    )


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    if not isinstance(options, Options):
        return child(options)
    with postgres_server(options.database_url) as admin_url:
        results = [run_size(rows, options, admin_url) for rows in options.rows]
    out = sys.stderr if options.json else sys.stdout
    report(results, out)
    if options.json:
        print(json.dumps([asdict(f) for f in results], sort_keys=True), flush=True)
    return 0 if all(f.exact for f in results) else 1


if __name__ == "__main__":
    sys.exit(main())
