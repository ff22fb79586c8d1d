"""The ``stripe-sync`` command: parses flags and environment, calls the library, maps errors.

No logic of its own lives here. Every flag that can come from the environment names its
variable in ``--help``. Errors print one clear line on stderr and exit non-zero:
1 for an operational failure (database, Stripe), 2 for bad input or configuration.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import click

from . import embedded
from .config import DEFAULT_API_BASE, DEFAULT_API_VERSION, DEFAULT_SCHEMA, StripeSyncConfig
from .errors import ConfigError, StripeSyncError, UnknownObjectError
from .facade import StripeSync
from .migrations import list_relations, run_migrations

__all__ = ["main"]

P = ParamSpec("P")
R = TypeVar("R")


def _handle_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into a message and an exit code instead of a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except (ConfigError, UnknownObjectError) as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except StripeSyncError as exc:
            kind = "transient error" if exc.transient else "error"
            click.echo(f"{kind}: {exc}", err=True)
            sys.exit(1)

    return wrapper


def _database_url(database_url: str | None, data_dir: Path | None) -> str:
    """The given URL, or the embedded server's (started if needed), announced on stderr."""
    if database_url:
        return database_url
    url = embedded.ensure_running(data_dir)
    click.echo(f"Using the embedded PostgreSQL: {url}", err=True)
    return url


database_url_option = click.option(
    "--database-url",
    envvar="DATABASE_URL",
    show_envvar=True,
    help="PostgreSQL URL. Without it, an embedded PostgreSQL is started (or reused).",
)
schema_option = click.option(
    "--schema",
    envvar="STRIPE_SYNC_SCHEMA",
    show_envvar=True,
    default=DEFAULT_SCHEMA,
    show_default=True,
    help="Schema that holds the synced tables.",
)
data_dir_option = click.option(
    "--data-dir",
    envvar="STRIPE_SYNC_DATA_DIR",
    show_envvar=True,
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=f"Data directory of the embedded PostgreSQL [default: {embedded.default_data_dir()}].",
)
api_key_option = click.option(
    "--api-key",
    envvar="STRIPE_API_KEY",
    show_envvar=True,
    required=True,
    help="Stripe secret (sk_) or restricted (rk_) key.",
)
api_base_option = click.option(
    "--api-base",
    envvar="STRIPE_API_BASE",
    show_envvar=True,
    default=DEFAULT_API_BASE,
    show_default=True,
    help="Stripe API base URL (e.g. a local `stripe-sync fake-stripe`).",
)
api_version_option = click.option(
    "--api-version",
    envvar="STRIPE_API_VERSION",
    show_envvar=True,
    default=DEFAULT_API_VERSION,
    show_default=True,
    help="Stripe-Version sent with every request.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="stripe-sync-engine")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """Keep a Stripe account mirrored in PostgreSQL."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@main.command()
@database_url_option
@schema_option
@data_dir_option
@_handle_errors
def migrate(database_url: str | None, schema: str, data_dir: Path | None) -> None:
    """Create or upgrade the sync schema (idempotent, safe to run concurrently)."""
    config = StripeSyncConfig(database_url=_database_url(database_url, data_dir), schema=schema)
    assert config.database_url is not None
    result = run_migrations(config=config)
    if result.applied:
        click.echo(
            f"Applied {len(result.applied)} migration(s) to schema {schema!r}: "
            + ", ".join(result.applied)
        )
    else:
        click.echo(f"Schema {schema!r} is up to date ({len(result.already_applied)} migrations).")
    relations = list_relations(config.database_url, schema)
    tables = [r for r in relations if r.kind == "table"]
    views = [r for r in relations if r.kind == "view"]
    click.echo(f"{len(tables)} tables: " + ", ".join(r.name for r in tables))
    click.echo(f"{len(views)} views: " + ", ".join(r.name for r in views))


@main.group()
def db() -> None:
    """Manage the embedded PostgreSQL used when no DATABASE_URL is set."""


@db.command("url")
@data_dir_option
@click.option("--no-start", is_flag=True, help="Print nothing and exit 1 if it is not running.")
@_handle_errors
def db_url(data_dir: Path | None, no_start: bool) -> None:
    """Print the embedded PostgreSQL's connection URL (starting it unless --no-start)."""
    url = embedded.running_url(data_dir) if no_start else embedded.ensure_running(data_dir)
    if url is None:
        click.echo("the embedded PostgreSQL is not running", err=True)
        sys.exit(1)
    click.echo(url)


@db.command("stop")
@data_dir_option
@_handle_errors
def db_stop(data_dir: Path | None) -> None:
    """Stop the embedded PostgreSQL."""
    if embedded.stop(data_dir):
        click.echo("stopped the embedded PostgreSQL")
    else:
        click.echo("the embedded PostgreSQL was not running")


def _stripe_config(
    api_key: str,
    api_base: str,
    api_version: str,
    database_url: str | None,
    schema: str,
    data_dir: Path | None,
    **options: Any,
) -> StripeSyncConfig:
    return StripeSyncConfig(
        stripe_secret_key=api_key,
        stripe_api_base=api_base,
        stripe_api_version=api_version,
        database_url=_database_url(database_url, data_dir),
        schema=schema,
        **options,
    )


def stripe_options(fn: Callable[P, R]) -> Callable[P, R]:
    """The options every command that calls Stripe and the database takes."""
    for option in (
        data_dir_option,
        schema_option,
        database_url_option,
        api_version_option,
        api_base_option,
        api_key_option,
    ):
        fn = option(fn)
    return fn


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
@stripe_options
@_handle_errors
def sync_entity(
    object_id: str,
    object_name: str | None,
    account: str | None,
    expand_lists: bool,
    as_json: bool,
    **options: Any,
) -> None:
    """Fetch one object by id (cus_..., sub_..., in_...) and write it to the database."""
    config = _stripe_config(**options, auto_expand_lists=expand_lists)
    with StripeSync(config) as sync:
        sync.run_migrations()
        result = sync.sync_single_entity(object_id, object=object_name, account=account)
    if as_json:
        click.echo(json.dumps(dataclasses.asdict(result)))
    else:
        click.echo(f"{result.object} {result.object_id}: {result.outcome} ({result.account_id})")


@main.group()
def webhooks() -> None:
    """Webhook endpoints that stripe-sync manages in Stripe."""


@webhooks.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the endpoints as JSON.")
@stripe_options
@_handle_errors
def webhooks_list(as_json: bool, **options: Any) -> None:
    """List the managed webhook endpoints of the key's account (never their secrets)."""
    with StripeSync(_stripe_config(**options)) as sync:
        sync.run_migrations()
        endpoints = sync.list_managed_webhooks()
    if as_json:
        click.echo(json.dumps(endpoints, default=str))
        return
    if not endpoints:
        click.echo("no managed webhook endpoints")
    for endpoint in endpoints:
        click.echo(
            f"{endpoint['id']}  {endpoint['status']}  {endpoint['url']}  "
            f"({len(endpoint['enabled_events'])} event types, API {endpoint['api_version']})"
        )


@webhooks.command("delete")
@click.argument("webhook_id")
@stripe_options
@_handle_errors
def webhooks_delete(webhook_id: str, **options: Any) -> None:
    """Delete a managed webhook endpoint in Stripe and here (only one this database tracks)."""
    with StripeSync(_stripe_config(**options)) as sync:
        sync.run_migrations()
        deleted = sync.delete_managed_webhook(webhook_id)
    if not deleted:
        click.echo(f"error: {webhook_id} is not a webhook endpoint managed here", err=True)
        sys.exit(2)
    click.echo(f"deleted {webhook_id}")


@main.command("fake-stripe")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=12111, show_default=True, type=int)
@click.option(
    "--api-key",
    "api_keys",
    multiple=True,
    envvar="STRIPE_API_KEY",
    show_envvar=True,
    help="Key(s) the fake accepts (repeatable) [default: the testing module's DEFAULT_API_KEY].",
)
@click.option("--account-id", default=None, help="Id of the fake's platform account.")
@click.option("--seed", type=int, default=None, help="Random seed (ids, faults).")
@click.option("--seed-scale", type=int, default=0, help="Load a realistic account of ~N customers.")
@click.option("--latency-ms", type=float, default=0.0, help="Mean latency added per request.")
@click.option("--jitter-ms", type=float, default=0.0, help="Latency jitter (±).")
@click.option("--rate-limit-probability", type=float, default=0.0, help="Share of requests → 429.")
@click.option("--server-error-probability", type=float, default=0.0, help="Share → 5xx.")
@click.option("--global-rps", type=float, default=None, help="Global rate limit (requests/s).")
@click.option("--list-rps", type=float, default=None, help="Per list endpoint rate limit.")
def fake_stripe(api_keys: tuple[str, ...], **options: Any) -> None:
    """Run the fake Stripe server (stripe_sync.testing) for tests, demos and benchmarks."""
    from .testing import DEFAULT_API_KEY, serve

    serve(
        options.pop("host"),
        options.pop("port"),
        api_keys=api_keys or (DEFAULT_API_KEY,),
        latency_jitter_ms=options.pop("jitter_ms"),
        log_level="warning",
        **options,
    )


if __name__ == "__main__":  # pragma: no cover
    main()
