"""``stripe-sync supabase``: deploy the sync into a Supabase project, report on it, remove it."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import click

from ..config import DEFAULT_API_BASE, DEFAULT_API_VERSION, DEFAULT_MANAGEMENT_URL, DEFAULT_SCHEMA
from ._common import handle_errors, main

if TYPE_CHECKING:
    from ..supabase import SupabaseDeployment

P = ParamSpec("P")
R = TypeVar("R")


def _project_options(fn: Callable[P, R]) -> Callable[P, R]:
    """The options naming the project and how to reach it."""
    for option in (
        click.option(
            "--schema",
            envvar="STRIPE_SYNC_SCHEMA",
            show_envvar=True,
            default=DEFAULT_SCHEMA,
            show_default=True,
            help="Schema of the synced tables in the project's database.",
        ),
        click.option(
            "--project-url",
            envvar="SUPABASE_PROJECT_URL",
            show_envvar=True,
            default=None,
            help="The project's URL [default: https://REF.supabase.co].",
        ),
        click.option(
            "--management-url",
            envvar="SUPABASE_MANAGEMENT_URL",
            show_envvar=True,
            default=DEFAULT_MANAGEMENT_URL,
            show_default=True,
            help="Supabase Management API base URL.",
        ),
        click.option(
            "--project",
            envvar="SUPABASE_PROJECT_REF",
            show_envvar=True,
            required=True,
            help="Project ref (the id in the dashboard's URL).",
        ),
        click.option(
            "--token",
            envvar="SUPABASE_ACCESS_TOKEN",
            show_envvar=True,
            required=True,
            help="Supabase personal access token (sbp_...).",
        ),
    ):
        fn = option(fn)
    return fn


def _deployment(
    token: str, project: str, management_url: str, project_url: str | None, schema: str
) -> SupabaseDeployment:
    from ..supabase import ManagementClient, SupabaseDeployment

    api = ManagementClient(token, project, base_url=management_url)
    return SupabaseDeployment(
        api,
        schema=schema,
        project_url=project_url,
        on_step=lambda step, outcome: click.echo(f"  {step:<12} {outcome}", err=True),
    )


@main.group()
def supabase() -> None:
    """Run the sync inside a Supabase project: edge functions and pg_cron, no server of yours."""


@supabase.command("install")
@_project_options
@click.option(
    "--stripe-key",
    "--api-key",
    "stripe_key",
    envvar="STRIPE_API_KEY",
    show_envvar=True,
    required=True,
    help="Stripe secret or restricted key, stored as an edge function secret.",
)
@click.option(
    "--worker-interval",
    type=int,
    default=60,
    show_default=True,
    help="Seconds between backfill worker runs (1-59, or whole minutes up to 3600).",
)
@click.option(
    "--package-version",
    default=None,
    help="Version to install; only this stripe-sync's own version can be (pip install it).",
)
@click.option(
    "--stripe-api-base",
    envvar="STRIPE_SYNC_FUNCTIONS_API_BASE",
    default=DEFAULT_API_BASE,
    show_default=True,
    help="Stripe API base URL the functions call (a test double's, in tests).",
)
@click.option(
    "--api-version",
    envvar="STRIPE_API_VERSION",
    show_envvar=True,
    default=DEFAULT_API_VERSION,
    show_default=True,
    help="Stripe-Version the functions send.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@handle_errors
def install(
    token: str,
    project: str,
    management_url: str,
    project_url: str | None,
    schema: str,
    stripe_key: str,
    worker_interval: int,
    package_version: str | None,
    stripe_api_base: str,
    api_version: str,
    as_json: bool,
) -> None:
    """Deploy (or finish deploying, or update) stripe-sync into a Supabase project.

    Runs the migrations over the Management API, stores the Stripe key as a function secret,
    deploys the stripe-webhook, stripe-worker and stripe-setup edge functions, schedules the
    worker with pg_cron and creates the managed webhook endpoint. Every step is idempotent:
    running it again changes nothing, and after a failure it finishes the job.
    """
    click.echo(f"Installing stripe-sync into Supabase project {project}:", err=True)
    with _deployment(token, project, management_url, project_url, schema) as deployment:
        result = deployment.install(
            stripe_key,
            worker_interval=worker_interval,
            package_version=package_version,
            stripe_api_base=None if stripe_api_base == DEFAULT_API_BASE else stripe_api_base,
            stripe_api_version=api_version,
        )
    if as_json:
        click.echo(json.dumps(_as_dict(result)))
        return
    what = "installed" if result.changed else "already installed; nothing changed"
    click.echo(f"stripe-sync {result.version} {what}.")
    click.echo(f"Webhook endpoint: {result.project_url}/functions/v1/stripe-webhook")
    if result.webhook_id:
        click.echo(f"Managed webhook: {result.webhook_id}")


@supabase.command("status")
@_project_options
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@handle_errors
def status(
    token: str,
    project: str,
    management_url: str,
    project_url: str | None,
    schema: str,
    as_json: bool,
) -> None:
    """Installed version, install state, functions, schedule and the latest sync runs."""
    with _deployment(token, project, management_url, project_url, schema) as deployment:
        found = deployment.status()
    if as_json:
        click.echo(json.dumps(found.as_json(), default=str))
        return
    if found.state is None:
        click.echo(f"stripe-sync is not installed in project {project}.")
    else:
        click.echo(f"stripe-sync {found.version}: {found.state}")
    if found.error:
        click.echo(f"last error: {found.error}")
    click.echo(f"migrations: {found.migrations_applied} of {found.migrations_shipped} applied")
    for slug, info in sorted(found.functions.items()):
        click.echo(f"function {slug}: version {info.get('version')} {info.get('status') or ''}")
    if found.schedule:
        click.echo(f"worker schedule: {found.schedule}")
    for hook in found.webhooks:
        click.echo(f"webhook {hook['id']}: {hook['status']} {hook['url']}")
    for run in found.recent_runs:
        click.echo(
            f"run {run['run_id']}: {run['status']} {run['total_processed']} objects, "
            f"started {run['started_at']}"
        )


@supabase.command("uninstall")
@_project_options
@click.option(
    "--drop-data",
    is_flag=True,
    help="Also drop the schema with every synced table (asks first on a terminal).",
)
@click.option("--yes", is_flag=True, help="Do not ask before dropping data.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@handle_errors
def uninstall(
    token: str,
    project: str,
    management_url: str,
    project_url: str | None,
    schema: str,
    drop_data: bool,
    yes: bool,
    as_json: bool,
) -> None:
    """Remove what install created: webhook endpoint, schedule, functions, secrets.

    The synced tables stay unless --drop-data is given.
    """
    if drop_data and not yes:
        if not sys.stdin.isatty():
            click.echo("error: --drop-data deletes every synced table; add --yes", err=True)
            sys.exit(2)
        click.confirm(
            f"Drop schema {schema!r} and every synced table in project {project}?", abort=True
        )
    with _deployment(token, project, management_url, project_url, schema) as deployment:
        result = deployment.uninstall(drop_data=drop_data)
    if as_json:
        click.echo(json.dumps(_as_dict(result)))
        return
    click.echo(
        f"Removed {len(result.functions_deleted)} function(s), "
        f"{len(result.secrets_deleted)} secret(s), {len(result.webhooks_deleted)} webhook "
        f"endpoint(s){', the schedule' if result.unscheduled else ''}"
        f"{', and the synced data' if result.dropped_schema else '; the synced tables stay'}."
    )


def _as_dict(result: Any) -> dict[str, Any]:
    return asdict(result)
