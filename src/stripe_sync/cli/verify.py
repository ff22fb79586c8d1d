"""``stripe-sync verify``: prove that the mirror holds what Stripe holds, and repair the drift.

The engine and rich are imported in the command's body: ``--help`` needs neither.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from ._common import handle_errors, main, stripe_config, stripe_options

if TYPE_CHECKING:
    from rich.console import Console

    from ..verify import VerifyResult

__all__ = ["print_verify", "verify"]

#: Drifted ids printed per object and kind (``--json`` has them all).
SHOWN_IDS = 5


@main.command()
@click.argument("objects", nargs=-1, metavar="[OBJECT]...")
@click.option(
    "--since",
    default=None,
    help="Check the events created since this date (ISO date or Unix seconds; at most the "
    "30 days Stripe keeps events), and re-list the months from this one on. "
    "[default: 30 days of events, every month since the account was created]",
)
@click.option(
    "--repair",
    is_flag=True,
    help="Apply the missing events and fetch and write every drifted object (a gone one "
    "becomes a tombstone), through the normal write path.",
)
@click.option(
    "--events-only", is_flag=True, help="Only the events check (no re-listing of objects)."
)
@click.option("--account", default=None, help="A connected account (Connect) instead of yours.")
@click.option(
    "--settle-seconds",
    type=click.FloatRange(min=0),
    default=60.0,
    show_default=True,
    help="Leave events and objects created this recently to the next run (their webhooks may "
    "still be on their way).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@stripe_options
@handle_errors
def verify(
    objects: tuple[str, ...],
    since: str | None,
    repair: bool,
    events_only: bool,
    account: str | None,
    settle_seconds: float,
    as_json: bool,
    **options: Any,
) -> None:
    """Prove the mirror complete: every event of the last 30 days was applied, and each object
    listed again per month of creation matches its table (no row missing, none alive here but
    gone in Stripe, none older than Stripe's). OBJECT: registry or table names (default all).
    Months verified before and not written since are not listed again. Prints a report per
    object; exit 1 when drift remains (with --repair: drift that could not be repaired) or a
    check failed (Stripe refused a listing)."""
    from rich.console import Console

    from ..facade import StripeSync

    with StripeSync(stripe_config(**options)) as sync:
        sync.run_migrations()
        result = sync.verify(
            list(objects) or "all",
            since=int(since) if since is not None and since.isdigit() else since,
            repair=repair,
            deep=not events_only,
            account=account,
            settle_seconds=settle_seconds,
        )
    if as_json:
        click.echo(json.dumps(result.as_json()))
    else:
        console = Console()
        # Piped or redirected, rich would fit the table in 80 columns and cut the names.
        print_verify(console if console.is_terminal else Console(width=160), result)
    for error in result.errors:
        click.echo(f"error: could not verify {error}", err=True)
    if result.remaining:
        hint = "" if repair else " (--repair fixes it)"
        click.echo(f"drift remains: {result.remaining} id(s){hint}", err=True)
    if result.status != "clean":
        sys.exit(1)


def print_verify(console: Console, result: VerifyResult) -> None:
    """A table of what each check found, then a few of the drifted ids."""
    from rich.table import Table

    table = Table(
        title=f"Verify run {result.run_id} ({result.account_id}): {result.status}",
        title_justify="left",
        caption=f"events since {result.since:%Y-%m-%d %H:%M:%S}, objects created before "
        f"{result.until:%Y-%m-%d %H:%M:%S}" + (", repair" if result.repair else ""),
        caption_justify="left",
    )
    table.add_column("check")
    table.add_column("object", no_wrap=True)
    for column in ("checked", "missing", "extra", "stale", "repaired", "remaining", "windows"):
        table.add_column(column, justify="right", no_wrap=True)
    notes = any(r.note or r.error for r in result.reports)
    if notes:
        table.add_column("note")
    for report in result.reports:
        windows = f"{report.windows_listed}/{report.windows_listed + report.windows_skipped}"
        cells = [
            report.check,
            report.object,
            f"{report.checked:,}",
            str(len(report.missing)),
            str(len(report.extra)),
            str(len(report.stale)),
            str(len(report.repaired)),
            f"[red]{report.remaining}[/red]" if report.remaining else "0",
            windows if report.check == "deep" and not report.note else "",
        ]
        note = f"[red]{report.error}[/red]" if report.error else report.note or ""
        table.add_row(*cells, *([note] if notes else []))
    console.print(table)
    for report in result.reports:
        for kind, ids in (
            ("missing", report.missing),
            ("extra", report.extra),
            ("stale", report.stale),
        ):
            if ids:
                shown = ", ".join(ids[:SHOWN_IDS])
                more = f" and {len(ids) - SHOWN_IDS} more" if len(ids) > SHOWN_IDS else ""
                console.print(f"{report.object} {kind}: {shown}{more}", highlight=False)
