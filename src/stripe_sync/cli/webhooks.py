"""``stripe-sync webhooks``: the webhook endpoints stripe-sync manages."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ._common import handle_errors, main, stripe_config, stripe_options


@main.group()
def webhooks() -> None:
    """Webhook endpoints that stripe-sync manages in Stripe."""


@webhooks.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the endpoints as JSON.")
@stripe_options
@handle_errors
def webhooks_list(as_json: bool, **options: Any) -> None:
    """List the managed webhook endpoints of the key's account (never their secrets)."""
    from ..facade import StripeSync

    with StripeSync(stripe_config(**options)) as sync:
        sync.run_migrations()
        endpoints = sync.list_managed_webhooks()
    if as_json:
        click.echo(json.dumps(endpoints, default=str))
        return
    if not endpoints:
        click.echo("no managed webhook endpoints")
    for endpoint in endpoints:
        click.echo(
            f"{endpoint['id']}  {endpoint['mode']}  {endpoint['status']}  {endpoint['url']}  "
            f"({len(endpoint['enabled_events'])} event types, API {endpoint['api_version']})"
        )


@webhooks.command("delete")
@click.argument("webhook_id")
@stripe_options
@handle_errors
def webhooks_delete(webhook_id: str, **options: Any) -> None:
    """Delete a managed webhook endpoint in Stripe and here (only one this database tracks)."""
    from ..facade import StripeSync

    with StripeSync(stripe_config(**options)) as sync:
        sync.run_migrations()
        deleted = sync.delete_managed_webhook(webhook_id)
    if not deleted:
        click.echo(f"error: {webhook_id} is not a webhook endpoint managed here", err=True)
        sys.exit(2)
    click.echo(f"deleted {webhook_id}")
