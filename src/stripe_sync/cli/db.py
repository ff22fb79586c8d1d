"""``stripe-sync migrate`` and ``stripe-sync db``: the schema and the embedded PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import embedded
from ..config import StripeSyncConfig
from ._common import (
    data_dir_option,
    database_url_option,
    handle_errors,
    history_option,
    main,
    resolve_database_url,
    schema_option,
)


@main.command()
@database_url_option
@schema_option
@data_dir_option
@click.option(
    "--sigma",
    "sigma_tables",
    flag_value="default",
    default=None,
    help="Also create the Sigma tables (the default set) in the Sigma schema.",
)
@click.option(
    "--sigma-tables",
    "sigma_tables",
    default=None,
    help="Also create these Sigma tables: a,b,c, or 'all' (implies --sigma).",
)
@click.option(
    "--sigma-schema",
    envvar="STRIPE_SYNC_SIGMA_SCHEMA",
    show_envvar=True,
    default="sigma",
    show_default=True,
    help="Schema of the Sigma report tables.",
)
@history_option
@handle_errors
def migrate(
    database_url: str | None,
    schema: str,
    data_dir: Path | None,
    sigma_tables: str | None,
    sigma_schema: str,
    history: tuple[str, ...],
) -> None:
    """Create or upgrade the sync schema (idempotent, safe to run concurrently)."""
    from ..facade import StripeSync
    from ..migrations import list_relations, run_migrations

    config = StripeSyncConfig(
        database_url=resolve_database_url(database_url, data_dir), schema=schema, history=history
    )
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
    objects = [r for r in relations if r.kind == "object"]
    tables = [r for r in relations if r.kind == "table"]
    views = [r for r in relations if r.kind == "view"]
    click.echo(f"{len(objects)} object tables: " + ", ".join(r.name for r in objects))
    click.echo(f"{len(tables)} tables: " + ", ".join(r.name for r in tables))
    click.echo(f"{len(views)} views: " + ", ".join(r.name for r in views))
    if sigma_tables is not None:
        names = None if sigma_tables == "default" else sigma_tables.split(",")
        sigma_config = StripeSyncConfig(
            database_url=config.database_url, schema=schema, sigma_schema=sigma_schema
        )
        with StripeSync(sigma_config) as sync:
            ensured = sync.migrate_sigma(names)
        click.echo(
            f"Sigma schema {sigma_schema!r}: {len(ensured.created)} created, "
            f"{len(ensured.altered)} altered, {len(ensured.unchanged)} unchanged"
        )
        for warning in ensured.warnings:
            click.echo(f"warning: {warning}", err=True)


@main.group()
def db() -> None:
    """Manage the embedded PostgreSQL used when no DATABASE_URL is set."""


@db.command("url")
@data_dir_option
@click.option("--no-start", is_flag=True, help="Print nothing and exit 1 if it is not running.")
@handle_errors
def db_url(data_dir: Path | None, no_start: bool) -> None:
    """Print the embedded PostgreSQL's connection URL (starting it unless --no-start)."""
    url = embedded.running_url(data_dir) if no_start else embedded.ensure_running(data_dir)
    if url is None:
        click.echo("the embedded PostgreSQL is not running", err=True)
        sys.exit(1)
    click.echo(url)


@db.command("stop")
@data_dir_option
@handle_errors
def db_stop(data_dir: Path | None) -> None:
    """Stop the embedded PostgreSQL."""
    if embedded.stop(data_dir):
        click.echo("stopped the embedded PostgreSQL")
    else:
        click.echo("the embedded PostgreSQL was not running")
