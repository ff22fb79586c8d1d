"""``stripe-sync backfill`` and ``stripe-sync status``: list history, and show the runs.

The engine and rich are imported in the commands' bodies: ``--help`` needs neither.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..config import StripeSyncConfig
from ..errors import DatabaseUnavailableError
from ._common import (
    auto_expand_lists_option,
    data_dir_option,
    database_never_reached,
    database_url_option,
    handle_errors,
    history_option,
    main,
    resolve_database_url,
    schema_option,
    stripe_config,
    stripe_options,
)

if TYPE_CHECKING:
    from rich.console import Console

    from ..backfill import BackfillResult
    from ..estimate import BackfillEstimate
    from ..facade import StripeSync

__all__ = ["backfill", "print_estimate", "print_result", "status"]


def print_result(console: Console, result: BackfillResult) -> None:
    """A table of what a run listed, and its failures."""
    from rich.table import Table

    table = Table(
        title=f"Backfill run {result.run_id} ({result.account_id}): {result.status}",
        title_justify="left",
    )
    table.add_column("object")
    table.add_column("objects", justify="right")
    table.add_column("windows", justify="right")
    table.add_column("status")
    for name, obj in sorted(result.objects.items()):
        table.add_row(name, f"{obj.processed:,}", str(obj.windows), obj.status)
    console.print(table)
    rate = result.processed / result.elapsed if result.elapsed else 0.0
    console.print(
        f"{result.processed:,} objects in {result.elapsed:,.1f} s ({rate:,.0f}/s)"
        + (" — joined a run in progress" if result.joined else ""),
        highlight=False,
    )
    for name, errors in result.errors.items():
        for error in errors[:3]:
            console.print(f"[red]{name}[/red]: {error}", highlight=False)
    if result.errors:
        console.print("Failed windows are retried by the next run.", highlight=False)
    if result.relisted:
        console.print(
            "The events cursor was older than Stripe keeps events (30 days): updates may have "
            "been missed, so every object was listed again.",
            highlight=False,
        )


def _created(gte: datetime | None, lte: datetime | None) -> dict[str, datetime] | None:
    created = {k: v for k, v in (("gte", gte), ("lte", lte)) if v is not None}
    return created or None


@main.command()
@click.argument("objects", nargs=-1)
@click.option(
    "--created-gte",
    type=click.DateTime(),
    default=None,
    help="Only objects created at or after (UTC).",
)
@click.option(
    "--created-lte",
    type=click.DateTime(),
    default=None,
    help="Only objects created at or before (UTC).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    envvar="STRIPE_SYNC_WORKERS",
    show_envvar=True,
    default=64,
    show_default=True,
    help="Concurrent list requests of this process.",
)
@click.option(
    "--max-rps",
    type=click.FloatRange(min=0.1),
    envvar="STRIPE_SYNC_MAX_RPS",
    show_envvar=True,
    default=None,
    help="Requests/s to Stripe [default: 100 live, 25 test].",
)
@click.option(
    "--max-rps-per-endpoint",
    type=click.FloatRange(min=0.1),
    envvar="STRIPE_SYNC_MAX_RPS_PER_ENDPOINT",
    show_envvar=True,
    default=None,
    help="Requests/s to one Stripe endpoint [default: 25], for accounts granted more.",
)
@click.option(
    "--lease-seconds",
    type=click.FloatRange(min=0.1),
    envvar="STRIPE_SYNC_LEASE_SECONDS",
    show_envvar=True,
    default=30.0,
    show_default=True,
    help="A window whose worker stops committing pages is free again after this.",
)
@click.option("--account", default=None, help="A connected account (Stripe-Account).")
@click.option(
    "--sigma",
    is_flag=True,
    help="Sync Sigma reporting tables instead (OBJECTS are Sigma table names; default set).",
)
@click.option(
    "--connected-accounts",
    default=None,
    help="Backfill connected accounts instead: 'all' of the platform's, or acct_1,acct_2.",
)
@click.option(
    "--estimate",
    is_flag=True,
    help="Only estimate objects, requests and time per object from a few search (counting) or "
    "list (sampling) requests; nothing is written.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the result as JSON (no progress bars)."
)
@auto_expand_lists_option
@history_option
@stripe_options
@handle_errors
def backfill(
    objects: Sequence[str],
    created_gte: datetime | None,
    created_lte: datetime | None,
    workers: int,
    max_rps: float | None,
    max_rps_per_endpoint: float | None,
    lease_seconds: float,
    account: str | None,
    connected_accounts: str | None,
    sigma: bool,
    estimate: bool,
    as_json: bool,
    auto_expand_lists: bool,
    **options: Any,
) -> None:
    """List Stripe's history of OBJECTS (default: all) into the database.

    Resumable (run it again after a crash: it continues the open run), incremental (a later run
    lists only what is new, and retries failed windows) and parallel (start it in several
    processes on one database to share the work). With --estimate, print what the run would
    take instead.
    """
    from rich.console import Console

    if estimate and (sigma or connected_accounts is not None):
        raise click.UsageError(
            "--estimate goes with a backfill of objects, not --sigma or --connected-accounts"
        )
    if sigma:
        _sigma(list(objects), account, as_json, options)
        return
    names = list(objects) or ["all"]
    config = stripe_config(
        **options,
        backfill_workers=workers,
        backfill_lease_seconds=lease_seconds,
        max_requests_per_second=max_rps,
        max_requests_per_second_per_endpoint=max_rps_per_endpoint,
        auto_expand_lists=auto_expand_lists,
    )
    console = Console(stderr=True)
    created = _created(created_gte, created_lte)
    if estimate:
        _estimate(config, names, created, account, as_json)
        return
    try:
        results = _run_backfill(
            config, names, created, account, connected_accounts, as_json, console
        )
    except KeyboardInterrupt:
        # The run stopped cleanly (its windows released): the next run continues it.
        click.echo("interrupted; run the same command again to resume", err=True)
        sys.exit(130)
    except DatabaseUnavailableError as exc:
        # Only reached once the run started (_migrate turns a database that was never reached
        # into a ConfigError). What is written is committed and the windows stay claimed by
        # this (ending) process: a run started on this host after the database is back takes
        # them over at once.
        click.echo(
            f"transient error: {exc}\nthe database went away during the backfill; nothing "
            "written is lost: run the same command again once it is back to resume",
            err=True,
        )
        sys.exit(1)
    if as_json:
        payload = [_as_json(r) for r in results]
        click.echo(json.dumps(payload if connected_accounts is not None else payload[0]))
    else:
        for result in results:
            print_result(Console(), result)
    if any(r.status != "complete" for r in results):
        sys.exit(1)


def _run_backfill(
    config: StripeSyncConfig,
    names: list[str],
    created: Any,
    account: str | None,
    connected_accounts: str | None,
    as_json: bool,
    console: Console,
) -> list[BackfillResult]:
    from ..facade import StripeSync
    from .progress import ProgressDisplay

    with StripeSync(config) as sync:
        _migrate(sync, config)
        display = ProgressDisplay(console, per_account=connected_accounts is not None)
        display.live = display.live and not as_json
        with display:
            progress = None if as_json else display
            if connected_accounts is not None:
                accounts = (
                    "all"
                    if connected_accounts == "all"
                    else [a.strip() for a in connected_accounts.split(",") if a.strip()]
                )
                results = sync.process_connected_accounts(
                    names, accounts=accounts, created=created, on_progress=progress
                )
            else:
                results = [
                    sync.process_until_done(
                        names, created=created, account=account, on_progress=progress
                    )
                ]
    return results


def _estimate(
    config: StripeSyncConfig, names: list[str], created: Any, account: str | None, as_json: bool
) -> None:
    """``backfill --estimate``: sample, simulate, print; no migration, nothing written."""
    from rich.console import Console

    from ..facade import StripeSync

    with StripeSync(config) as sync:
        found = sync.estimate_backfill(names, created=created, account=account)
    if as_json:
        click.echo(json.dumps(found.as_json()))
    else:
        print_estimate(Console(), found)


def print_estimate(console: Console, found: BackfillEstimate) -> None:
    """A table of the estimate per object, its total and what it assumed."""
    from rich.table import Table

    table = Table(
        title=f"Backfill estimate ({found.account_id}, {'live' if found.livemode else 'test'} "
        "key): nothing was written",
        title_justify="left",
    )
    table.add_column("object")
    table.add_column("objects", justify="right")
    table.add_column("requests", justify="right")
    table.add_column("time", justify="right")
    table.add_column("how")
    for name, obj in found.objects.items():
        how = obj.method + (f": {obj.note}" if obj.note else "")
        table.add_row(name, f"{obj.objects:,}", f"{obj.requests:,}", _duration(obj.seconds), how)
    table.add_section()
    table.add_row(
        "total", f"{found.total_objects:,}", f"{found.requests:,}", _duration(found.seconds), ""
    )
    console.print(table)
    limits = found.limits
    console.print(
        f"Limits: {_rate(limits.global_rps)} overall, {_rate(limits.endpoint_rps)} per "
        f"endpoint, {limits.workers} workers; round trip {limits.latency * 1000:,.0f} ms "
        f"(measured). Sampling took {found.sample_requests:,} requests. Objects are listed "
        "side by side: the total time is the slowest object's.",
        highlight=False,
    )


def _rate(rps: float | None) -> str:
    return "no limit" if rps is None else f"{rps:g} requests/s"


def _migrate(sync: StripeSync, config: StripeSyncConfig) -> None:
    """Migrate, the run's first use of the database: failing to reach it here is a setting to
    fix (wrong host, port, database, role or password), not an outage to wait out and resume."""
    try:
        sync.run_migrations()
    except DatabaseUnavailableError as exc:
        raise database_never_reached(config.database_url or "", exc) from exc


def _sigma(tables: list[str], account: str | None, as_json: bool, options: Any) -> None:
    """``backfill --sigma``: the Sigma tables, first load or increment."""
    from rich.console import Console

    from ..facade import StripeSync

    config = stripe_config(**options)
    with StripeSync(config) as sync:
        _migrate(sync, config)
        result = sync.sync_sigma(tables or None, account=account)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "run_id": result.run_id,
                    "status": result.status,
                    "error": result.error,
                    "tables": {n: dataclasses.asdict(t) for n, t in result.tables.items()},
                }
            )
        )
    else:
        console = Console()
        for name, table in sorted(result.tables.items()):
            console.print(
                f"{name:<40} {table.mode:<12} {table.rows:>10,} rows  {table.status}"
                + (f": {table.error}" if table.error else ""),
                highlight=False,
            )
        if result.error:
            console.print(f"Sigma: {result.error}", highlight=False)
    if result.status != "complete":
        sys.exit(1)


def _as_json(result: BackfillResult) -> dict[str, Any]:
    return {
        "run_id": result.run_id,
        "account_id": result.account_id,
        "status": result.status,
        "joined": result.joined,
        "relisted": result.relisted,
        "processed": result.processed,
        "elapsed": result.elapsed,
        "objects": {
            n: {"processed": o.processed, "windows": o.windows, "errors": list(o.errors)}
            for n, o in result.objects.items()
        },
    }


@main.command()
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Show at most this many runs, newest first.",
)
@click.option("--account", default=None, help="Only runs of this account.")
@click.option("--json", "as_json", is_flag=True, help="Print the runs as JSON.")
@database_url_option
@schema_option
@data_dir_option
@handle_errors
def status(
    limit: int,
    account: str | None,
    as_json: bool,
    database_url: str | None,
    schema: str,
    data_dir: Path | None,
) -> None:
    """Show the newest backfill runs and their objects (the sync_runs views), then how far
    behind each account, object and mode (live, test) is (the sync_lag view). Reads the
    database only: no Stripe key needed. With --json: {"runs": [...], "lag": [...]}."""
    from rich.console import Console
    from rich.table import Table

    from ..facade import StripeSync

    url = resolve_database_url(database_url, data_dir)
    with StripeSync(StripeSyncConfig(database_url=url, schema=schema)) as sync:
        sync.run_migrations()
        runs = sync.list_sync_runs(limit=limit, account=account)
        lag = sync.sync_lag(account=account)
    if as_json:
        click.echo(json.dumps({"runs": runs, "lag": lag}, default=str))
        return
    console = Console()
    if not runs:
        console.print("no backfill runs yet: run `stripe-sync backfill`")
    for run in runs:
        console.print(
            f"[bold]run {run['run_id']}[/bold] {run['status']} "
            f"({run['account_id']}, {run['mode']}) "
            f"started {run['started_at']:%Y-%m-%d %H:%M:%S}"
            + (f", closed {run['closed_at']:%H:%M:%S}" if run["closed_at"] else "")
            + f": {run['total_processed']:,} objects",
            highlight=False,
        )
        for obj in run["object_progress"]:
            console.print(
                f"  {obj['object']:<22} {obj['status']:<9} {obj['processed']:>10,} objects  "
                f"windows {obj['complete_windows']}/{obj['windows']}"
                + (
                    f", {obj['error_windows']} failed: {obj['last_error']}"
                    if obj["error_windows"]
                    else ""
                ),
                highlight=False,
            )
    if lag:
        table = Table(title="Lag (sync_lag)", title_justify="left")
        for column in (
            "account",
            "mode",
            "object",
            "last event",
            "behind",
            "last backfill",
            "failing",
        ):
            table.add_column(column)
        for row in lag:
            table.add_row(
                row["account_id"],
                row["mode"],
                row["object"],
                f"{row['last_event_created']:%Y-%m-%d %H:%M:%S}"
                if row["last_event_created"]
                else "-",
                _duration(row["seconds_behind"]),
                f"{row['last_backfill_completed_at']:%Y-%m-%d %H:%M:%S}"
                if row["last_backfill_completed_at"]
                else ("running" if row["backfill_running"] else "-"),
                str(row["failing_windows"]) if row["failing_windows"] else "",
            )
        console.print(table)


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} d"
