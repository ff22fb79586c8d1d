"""``stripe-sync accounts``: the accounts whose data the database holds, and deleting one's data."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..config import StripeSyncConfig
from ..errors import UnknownAccountError
from ._common import (
    data_dir_option,
    database_url_option,
    handle_errors,
    main,
    resolve_database_url,
    schema_option,
)

if TYPE_CHECKING:
    from ..facade import StripeSync


@main.group()
def accounts() -> None:
    """Stripe accounts with data in the database (the key's own and connected accounts)."""


def _engine(database_url: str | None, schema: str, data_dir: Path | None) -> StripeSync:
    from ..facade import StripeSync

    # Only the database is needed: no Stripe key, nothing is asked of Stripe.
    config = StripeSyncConfig(
        database_url=resolve_database_url(database_url, data_dir), schema=schema
    )
    return StripeSync(config)


@accounts.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the accounts as JSON.")
@database_url_option
@schema_option
@data_dir_option
@handle_errors
def accounts_list(
    as_json: bool, database_url: str | None, schema: str, data_dir: Path | None
) -> None:
    """List every account with data in the database, the key's own first."""
    with _engine(database_url, schema, data_dir) as sync:
        sync.run_migrations()
        found = sync.get_all_synced_accounts()
    if as_json:
        click.echo(json.dumps(found, default=str))
        return
    if not found:
        click.echo("no accounts")
    for account in found:
        name = account["business_name"] or account["email"] or "(not fetched)"
        kind = "key's own" if account["has_api_key"] else "connected"
        last = account["last_synced_at"]
        click.echo(
            f"{account['id']}  {name}  {kind}  "
            f"last synced {f'{last:%Y-%m-%d %H:%M:%S}' if last else 'never'}  "
            f"{len(account['tables'])} table(s)  "
            f"modes {account['modes'] or 'unknown'}"
        )


@accounts.command("delete")
@click.argument("account_id", metavar="ACCOUNT")
@click.option("--dry-run", is_flag=True, help="Only count the rows that would be deleted.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (needed without a tty).")
@database_url_option
@schema_option
@data_dir_option
@handle_errors
def accounts_delete(
    account_id: str,
    dry_run: bool,
    yes: bool,
    database_url: str | None,
    schema: str,
    data_dir: Path | None,
) -> None:
    """Delete every row of ACCOUNT from the database, in one transaction (nothing in Stripe)."""
    if not (dry_run or yes or sys.stdin.isatty()):
        click.echo("error: refusing to delete without --yes when stdin is not a terminal", err=True)
        sys.exit(2)
    try:
        with _engine(database_url, schema, data_dir) as sync:
            sync.run_migrations()
            _warn_about_webhooks(sync, account_id)
            if dry_run or yes:
                result = sync.dangerously_delete_synced_account_data(account_id, dry_run=dry_run)
            else:
                planned = sync.dangerously_delete_synced_account_data(account_id, dry_run=True)
                _print_counts(planned.deleted_record_counts, f"{account_id} has")
                click.confirm(f"Delete these rows of {account_id}?", abort=True)
                result = sync.dangerously_delete_synced_account_data(account_id)
    except UnknownAccountError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    _print_counts(result.deleted_record_counts, "would delete" if dry_run else "deleted")


def _warn_about_webhooks(sync: StripeSync, account_id: str) -> None:
    """The account's endpoints in Stripe outlive its rows, and then nothing here knows them."""
    found = [a for a in sync.get_all_synced_accounts() if a["id"] == account_id]
    webhooks = found[0]["managed_webhooks"] if found else []
    if webhooks:
        click.echo(
            f"warning: {account_id} has managed webhook endpoint(s) in Stripe that this does "
            f"not delete and that keep sending events: {', '.join(webhooks)}. Run `stripe-sync "
            "webhooks delete WE_ID` first: once their rows are gone, stripe-sync no longer "
            "knows them.",
            err=True,
        )


def _print_counts(counts: Mapping[str, int], verb: str) -> None:
    click.echo(f"{verb} {sum(counts.values())} row(s):")
    for table, n in sorted(counts.items()):
        if n:
            click.echo(f"  {table}: {n}")
