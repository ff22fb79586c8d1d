"""``stripe-sync events``: events that could not be applied (dead letters), listed and replayed."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from ..config import StripeSyncConfig
from ._common import (
    data_dir_option,
    database_url_option,
    handle_errors,
    main,
    resolve_database_url,
    results_json,
    schema_option,
    stripe_config,
    stripe_options,
)


@main.group()
def events() -> None:
    """Events that failed for a reason retrying will not fix (dead letters)."""


@events.command("failed")
@click.option(
    "--limit",
    default=100,
    show_default=True,
    type=click.IntRange(min=1),
    help="List at most this many.",
)
@click.option("--include-resolved", is_flag=True, help="Also list those applied since.")
@click.option("--json", "as_json", is_flag=True, help="Print them as JSON, payloads included.")
@database_url_option
@schema_option
@data_dir_option
@handle_errors
def events_failed(
    limit: int,
    include_resolved: bool,
    as_json: bool,
    database_url: str | None,
    schema: str,
    data_dir: Path | None,
) -> None:
    """List the events stored as dead letters, newest failure first. Reads the database only:
    no Stripe key needed."""
    from ..facade import StripeSync

    url = resolve_database_url(database_url, data_dir)
    with StripeSync(StripeSyncConfig(database_url=url, schema=schema)) as sync:
        sync.run_migrations()
        failed = sync.list_failed_events(limit=limit, include_resolved=include_resolved)
    if as_json:
        click.echo(json.dumps(failed, default=_json_default))
        return
    if not failed:
        click.echo("no failed events")
    for letter in failed:
        state = (
            f"resolved {letter['resolved_at']:%Y-%m-%d %H:%M:%S}" if letter["resolved_at"] else ""
        )
        click.echo(
            f"{letter['event_id']}  {letter['type']}  {letter['account_id'] or '-'}  "
            f"attempts={letter['attempts']}  last={letter['last_failed_at']:%Y-%m-%d %H:%M:%S}  "
            f"{letter['error_class']}: {letter['error_message']}"
            + (f"  ({state})" if state else "")
        )


@events.command("replay")
@click.argument("event_ids", nargs=-1, metavar="[EVENT_ID]...")
@click.option("--all", "replay_all", is_flag=True, help="Replay every unresolved failed event.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@stripe_options
@handle_errors
def events_replay(
    event_ids: tuple[str, ...], replay_all: bool, as_json: bool, **options: Any
) -> None:
    """Apply failed events again (EVENT_ID ... or --all); exit 1 if one fails again."""
    from ..facade import StripeSync
    from ..ingest import Outcome

    if bool(event_ids) == replay_all:
        raise click.UsageError("give event ids or --all (not both)")
    with StripeSync(stripe_config(**options)) as sync:
        sync.run_migrations()
        results = sync.replay_failed_events(None if replay_all else list(event_ids))
    failed = [r for r in results if r.outcome is Outcome.FAILED]
    if as_json:
        click.echo(results_json(results))
    else:
        if not results:
            click.echo("no failed events to replay")
        for result in results:
            line = f"{result.event_id} {result.event_type}: {result.outcome}"
            click.echo(line + (f" ({result.reason})" if result.reason else ""))
    if failed:
        click.echo(f"error: {len(failed)} of {len(results)} event(s) failed again", err=True)
        sys.exit(1)


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")
