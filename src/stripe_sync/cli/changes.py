"""``stripe-sync changes``: read the change feed, follow it, resume as a named consumer."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Literal

import click

from ..config import StripeSyncConfig
from ..errors import ChangeFeedExpiredError
from ._common import (
    data_dir_option,
    database_url_option,
    handle_errors,
    main,
    resolve_database_url,
    schema_option,
)

__all__ = ["changes"]

#: Exit status when the position asked for was pruned (a gap the consumer must handle).
EXIT_EXPIRED = 3


def _since(value: str | None) -> int | Literal["now"] | None:
    if value is None:
        return None
    if value == "now":
        return "now"
    try:
        position = int(value)
    except ValueError:
        raise click.BadParameter(f"a position (an integer) or 'now', not {value!r}") from None
    if position < 0:
        raise click.BadParameter(f"a position is >= 0, got {position}")
    return position


@main.command()
@click.option(
    "--since",
    metavar="POSITION|now",
    default=None,
    help="Print the changes after this position ('now': only those to come). Default: the "
    "consumer's stored position, or the oldest change kept.",
)
@click.option(
    "--table",
    "tables",
    multiple=True,
    metavar="TABLE",
    help="Only changes of this object table (customers, subscription_items, ...); repeatable.",
)
@click.option(
    "--follow",
    "-f",
    is_flag=True,
    help="Keep printing changes as they are committed (LISTEN/NOTIFY), until interrupted.",
)
@click.option(
    "--consumer",
    envvar="STRIPE_SYNC_CONSUMER",
    show_envvar=True,
    default=None,
    help="Name under which the database keeps this reader's position: the next run resumes "
    "after the last change printed.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line (JSON Lines).")
@click.option(
    "--feed",
    type=click.Choice(["on", "off"]),
    default=None,
    help="Turn the change feed on or off for every writer of this database, print its state "
    "and exit (turning it on again records the changes missed meanwhile as a gap).",
)
@click.option("--status", is_flag=True, help="Print the feed's state and consumers, and exit.")
@database_url_option
@schema_option
@data_dir_option
@handle_errors
def changes(
    since: str | None,
    tables: tuple[str, ...],
    follow: bool,
    consumer: str | None,
    as_json: bool,
    feed: str | None,
    status: bool,
    database_url: str | None,
    schema: str,
    data_dir: Path | None,
) -> None:
    """Print the rows the sync changed (insert, update, delete: a tombstone), in order, one
    per line: position, operation, table, id, account, version. Read the rows themselves with
    SQL. Exits 3 when changes after the position were pruned (retention). Reads the database
    only: no Stripe key needed."""
    from ..facade import StripeSync

    start = _since(since)
    url = resolve_database_url(database_url, data_dir)
    with StripeSync(StripeSyncConfig(database_url=url, schema=schema)) as sync:
        sync.run_migrations()
        if feed is not None or status:
            state = sync.change_feed(enabled=None if feed is None else feed == "on")
            _print_state(state, as_json)
            return
        try:
            for change in sync.changes(
                start,
                tables=list(tables) or None,
                follow=follow,
                consumer=consumer,
            ):
                if as_json:
                    click.echo(json.dumps(change.as_dict()))
                else:
                    version = change.version.isoformat() if change.version else "-"
                    click.echo(
                        f"{change.position}  {change.operation:<6}  {change.table}  "
                        f"{change.object_id}  {change.account_id}  {version}"
                    )
        except ChangeFeedExpiredError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_EXPIRED)
        except KeyboardInterrupt:
            pass


def _print_state(state: object, as_json: bool) -> None:
    from ..change_feed import ChangeFeedState

    assert isinstance(state, ChangeFeedState)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "enabled": state.enabled,
                    "pruned_through": state.pruned_through,
                    "pruned_at": state.pruned_at.isoformat() if state.pruned_at else None,
                    "oldest": state.oldest,
                    "newest": state.newest,
                    "consumers": state.consumers,
                }
            )
        )
        return
    click.echo(f"change feed: {'on' if state.enabled else 'off'}")
    click.echo(f"positions kept: {state.oldest or '-'} .. {state.newest or '-'}")
    click.echo(f"pruned through: {state.pruned_through}")
    for name, position in state.consumers.items():
        click.echo(f"consumer {name}: {position}")
