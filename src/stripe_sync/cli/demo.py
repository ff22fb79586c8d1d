"""``stripe-sync demo``: the whole job on a fresh machine, without a Stripe key or a database.

A fake Stripe account (:mod:`stripe_sync.testing`) is seeded with tens of thousands of coherent
objects and served in this process over an ASGI transport (no socket); the real backfill engine
lists it into PostgreSQL (the embedded one unless a URL is given), and the command prints what
landed in each table and some SQL to try. Nothing about the engine is simulated: only Stripe.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click
import httpx
import psycopg
from psycopg import sql
from rich.console import Console
from rich.table import Table

from ..config import DEFAULT_SCHEMA, StripeSyncConfig
from ..errors import DatabaseUnavailableError
from ..facade import StripeSync
from ..migrations import list_relations
from ..ratelimit import TokenBucketLimiter
from ._common import (
    data_dir_option,
    database_url_option,
    handle_errors,
    main,
    resolve_database_url,
    schema_option,
)
from .backfill import ProgressDisplay, print_result

__all__ = ["DEFAULT_SCALE", "EXAMPLE_QUERIES", "demo"]

#: Customers in the fake account. ``seed_realistic`` adds about 8.7 objects per customer
#: (payment method, subscriptions and items, invoices and lines, charges, refunds, catalog),
#: so this is a little over 50,000 objects.
DEFAULT_SCALE = 6000

#: (title, SQL) pairs printed for the reader to paste into psql; ``{schema}`` is the schema.
#: The first one is also run, to show an answer.
EXAMPLE_QUERIES: tuple[tuple[str, str], ...] = (
    (
        "Monthly recurring revenue by plan",
        """\
SELECT pr.name AS plan,
       count(DISTINCT s.id) AS subscriptions,
       round(sum(p.unit_amount * si.quantity
                 / CASE p.recurring->>'interval' WHEN 'year' THEN 12.0 ELSE 1 END) / 100, 2)
         AS mrr
FROM {schema}.subscriptions s
JOIN {schema}.subscription_items si ON si.subscription = s.id AND NOT si.deleted
JOIN {schema}.prices p ON p.id = si.price
JOIN {schema}.products pr ON pr.id = p.product
WHERE s.status IN ('active', 'trialing', 'past_due') AND NOT s.deleted
GROUP BY pr.name
ORDER BY mrr DESC
LIMIT 10;""",
    ),
    (
        "Revenue by month, net of refunds",
        """\
SELECT date_trunc('month', c.created)::date AS month,
       sum(c.amount_captured - c.amount_refunded) / 100.0 AS net_revenue,
       count(*) AS charges
FROM {schema}.charges c
WHERE c.status = 'succeeded' AND NOT c.deleted
GROUP BY 1
ORDER BY 1;""",
    ),
    (
        "Customers with failed or unpaid invoices",
        """\
SELECT cu.email, i.id AS invoice, i.status, i.amount_remaining / 100.0 AS due
FROM {schema}.invoices i
JOIN {schema}.customers cu ON cu.id = i.customer
WHERE i.status IN ('open', 'uncollectible') AND i.amount_remaining > 0 AND NOT i.deleted
ORDER BY i.amount_remaining DESC;""",
    ),
    (
        "Subscriptions started and canceled per month",
        """\
SELECT date_trunc('month', s.created)::date AS month,
       count(*) AS started,
       count(*) FILTER (WHERE s.status = 'canceled') AS canceled
FROM {schema}.subscriptions s
WHERE NOT s.deleted
GROUP BY 1
ORDER BY 1;""",
    ),
)


def _seed(fake: Any, scale: int, console: Console) -> dict[str, int]:
    started = time.monotonic()
    counts: dict[str, int] = fake.seed_realistic(scale)
    table = Table(
        title=f"Fake Stripe account {fake.account_id}: seeded in "
        f"{time.monotonic() - started:.1f} s",
        title_justify="left",
    )
    table.add_column("object")
    table.add_column("objects", justify="right")
    for name, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        table.add_row(name, f"{n:,}")
    table.add_row("[bold]total[/bold]", f"[bold]{sum(counts.values()):,}[/bold]")
    console.print(table)
    return counts


def row_counts(database_url: str, schema: str) -> dict[str, int]:
    """Rows per table of ``schema`` (every table, empty ones included)."""
    tables = [r.name for r in list_relations(database_url, schema) if r.kind == "table"]
    try:
        with psycopg.connect(database_url, autocommit=True) as conn:
            counts = {}
            for name in tables:
                statement = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(schema, name))
                row = conn.execute(statement).fetchone()
                counts[name] = int(row[0]) if row else 0
            return counts
    except psycopg.OperationalError as exc:
        raise DatabaseUnavailableError(f"cannot connect to PostgreSQL: {exc}") from exc


def _example(statement: str, schema: str) -> str:
    # The schema name was validated by StripeSyncConfig (a lower-case identifier): safe to show.
    return statement.replace("{schema}", schema)


def _run_example(database_url: str, statement: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    try:
        with psycopg.connect(database_url, autocommit=True) as conn:
            cursor = conn.execute(statement.encode())
            names = [d.name for d in cursor.description or ()]
            return names, cursor.fetchall()
    except psycopg.OperationalError as exc:
        raise DatabaseUnavailableError(f"cannot connect to PostgreSQL: {exc}") from exc


@main.command()
@click.option(
    "--scale",
    type=click.IntRange(min=1),
    default=DEFAULT_SCALE,
    show_default=True,
    help="Customers in the fake account (about 8.7 objects each in all).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="Concurrent backfill workers.",
)
@database_url_option
@schema_option
@data_dir_option
@handle_errors
def demo(
    scale: int, workers: int, database_url: str | None, schema: str, data_dir: Path | None
) -> None:
    """Backfill a fake Stripe account into PostgreSQL, then show the tables and some SQL.

    Needs no Stripe key and no database: without --database-url / DATABASE_URL the embedded
    PostgreSQL is started (or reused). The demo's fake objects are written into --schema.
    """
    from ..testing import FakeStripe

    started = time.monotonic()
    url = resolve_database_url(database_url, data_dir)
    err = Console(stderr=True)
    out = Console()
    if schema == DEFAULT_SCHEMA:
        err.print(
            f"[yellow]note[/yellow]: the demo writes fake Stripe data into schema {schema!r} "
            "of this database; pass --schema demo to keep it apart from a real sync.",
            highlight=False,
        )
    with FakeStripe(seed=0) as fake:
        counts = _seed(fake, scale, out)
        config = StripeSyncConfig(
            stripe_secret_key=fake.api_key,
            # Requests never leave the process: the transport hands them to the fake's app.
            stripe_api_base="http://fake-stripe.invalid",
            database_url=url,
            schema=schema,
            backfill_workers=workers,
        )
        transport = httpx.ASGITransport(app=fake.app)
        # Stripe's rate limits protect Stripe; the fake runs in this process and needs none.
        limiter = TokenBucketLimiter(global_rps=None, endpoint_rps=None)
        with StripeSync(config, http_transport=transport, rate_limiter=limiter) as sync:
            sync.run_migrations()
            with ProgressDisplay(err) as display:
                result = sync.process_until_done("all", on_progress=display)
    print_result(out, result)

    tables = {n: c for n, c in row_counts(url, schema).items() if c}
    table = Table(title=f"Rows in schema {schema!r}", title_justify="left")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in sorted(tables.items()):
        table.add_row(name, f"{n:,}")
    out.print(table)

    out.print(
        '\nTry some SQL — paste into [bold]psql "$(stripe-sync db url)"[/bold]'
        + (" (or your DATABASE_URL)" if database_url else "")
        + ":\n",
        highlight=False,
    )
    for title, statement in EXAMPLE_QUERIES:
        out.print(f"-- {title}", style="bold", highlight=False)
        out.print(_example(statement, schema) + "\n", highlight=False, soft_wrap=True)

    title, statement = EXAMPLE_QUERIES[0]
    names, rows = _run_example(url, _example(statement, schema))
    answer = Table(title=f"{title} (the first query's answer)", title_justify="left")
    for name in names:
        answer.add_column(name, justify="left" if name == names[0] else "right")
    for row in rows:
        answer.add_row(*("" if v is None else str(v) for v in row))
    out.print(answer)
    out.print(
        f"Demo done in {time.monotonic() - started:.1f} s: {sum(counts.values()):,} objects "
        f"seeded, {result.processed:,} listed.",
        highlight=False,
    )
