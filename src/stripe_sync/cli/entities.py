"""``stripe-sync sync-entity``: one object by id."""

from __future__ import annotations

from typing import Any

import click

from ._common import (
    handle_errors,
    history_option,
    main,
    results_json,
    stripe_config,
    stripe_options,
)


@main.command("sync-entity")
@click.argument("object_id")
@click.option(
    "--object", "object_name", default=None, help="Object type, for ids without a known prefix."
)
@click.option("--account", default=None, help="Connected account id (Stripe-Account).")
@click.option(
    "--expand-lists/--no-expand-lists",
    default=True,
    show_default=True,
    help="Page truncated nested lists (subscription items, invoice lines) to the end.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@history_option
@stripe_options
@handle_errors
def sync_entity(
    object_id: str,
    object_name: str | None,
    account: str | None,
    expand_lists: bool,
    as_json: bool,
    **options: Any,
) -> None:
    """Fetch one object by id (cus_..., sub_..., in_...) and write it to the database."""
    from ..facade import StripeSync

    config = stripe_config(**options, auto_expand_lists=expand_lists)
    with StripeSync(config) as sync:
        sync.run_migrations()
        result = sync.sync_single_entity(object_id, object=object_name, account=account)
    if as_json:
        click.echo(results_json(result))
    else:
        click.echo(f"{result.object} {result.object_id}: {result.outcome} ({result.account_id})")
