"""What every command shares: the ``main`` group, the common options and error handling."""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import click

from .. import embedded
from ..config import DEFAULT_API_BASE, DEFAULT_API_VERSION, DEFAULT_SCHEMA, StripeSyncConfig
from ..errors import ConfigError, StripeSyncError, UnknownObjectError

__all__ = [
    "auto_expand_lists_option",
    "data_dir_option",
    "database_never_reached",
    "database_url_option",
    "handle_errors",
    "history_option",
    "main",
    "quiet_pool_warnings",
    "resolve_database_url",
    "schema_option",
    "stripe_config",
    "stripe_options",
]

P = ParamSpec("P")
R = TypeVar("R")


def handle_errors(fn: Callable[P, R]) -> Callable[P, R]:
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


def resolve_database_url(database_url: str | None, data_dir: Path | None) -> str:
    """The given URL, or the embedded server's (started if needed), announced on stderr.

    With ``--no-embedded-postgres`` (``STRIPE_SYNC_EMBEDDED_POSTGRES=0``, as the container image
    sets) a missing URL is a configuration error instead: an embedded server inside an
    ephemeral container would keep the synced data only until the container is removed.
    """
    if database_url:
        return database_url
    context = click.get_current_context(silent=True)
    if context is not None and not context.find_root().params.get("embedded_postgres", True):
        raise ConfigError(
            "no database URL: set DATABASE_URL (or --database-url); the embedded PostgreSQL "
            "is turned off (--no-embedded-postgres, STRIPE_SYNC_EMBEDDED_POSTGRES=0)"
        )
    url = embedded.ensure_running(data_dir)
    click.echo(f"Using the embedded PostgreSQL: {url}", err=True)
    return url


def database_never_reached(url: str, exc: BaseException) -> ConfigError:
    """The error for a database that could not be used at all (unreachable, authentication
    refused, no such database or role): a setting to fix, named by host, port, database and
    user, never by the password.

    Only for a failure before a command's work started: afterwards the same driver error means
    the database went away, which is transient."""
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(url)
    host = str(params.get("host") or "localhost")
    where = host if host.startswith("/") else f"{host}:{params.get('port') or 5432}"
    target = f"{where}, database {params.get('dbname') or '(default)'}"
    if params.get("user"):
        target += f", user {params['user']}"
    # psycopg's message names the server and gives the reason after its last "failed: "; the
    # line after it is only a hint. libpq never puts the password in it; strip it all the same.
    cause = exc.__cause__ or exc
    reason = str(cause).splitlines()[0].rsplit("failed: ", 1)[-1].replace("FATAL:  ", "")
    password = params.get("password")
    if password:
        reason = reason.replace(str(password), "***")
    return ConfigError(
        f"cannot connect to PostgreSQL at {target}: {reason} "
        "(check --database-url / DATABASE_URL and that the server runs)"
    )


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
# The TypeScript engine's autoExpandLists.
auto_expand_lists_option = click.option(
    "--auto-expand-lists/--no-auto-expand-lists",
    envvar="STRIPE_SYNC_AUTO_EXPAND_LISTS",
    show_envvar=True,
    default=False,
    show_default=True,
    help="Page truncated nested lists (a subscription's items past 10, an invoice's lines) to "
    "the end, one request per further page, and mark children gone from them deleted.",
)
# History mode (stripe_sync.history); the config checks the names.
history_option = click.option(
    "--history",
    "history",
    multiple=True,
    metavar="OBJECT",
    envvar="STRIPE_SYNC_HISTORY",
    show_envvar=True,
    help="Keep every version of OBJECT (e.g. subscription), queryable as of any instant "
    "(stripe.subscriptions_as_of(...)), from now on; repeat it or give a,b,c. The variable "
    "takes names separated by spaces or commas.",
)
# --stripe-key is the TypeScript engine's name for it (its README's commands use it).
api_key_option = click.option(
    "--api-key",
    "--stripe-key",
    "api_key",
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
@click.option(
    "--embedded-postgres/--no-embedded-postgres",
    envvar="STRIPE_SYNC_EMBEDDED_POSTGRES",
    show_envvar=True,
    default=True,
    help="Without a database URL, start (or reuse) the embedded PostgreSQL; when off, a "
    "missing DATABASE_URL is an error (the container image turns it off).",
)
def main(verbose: int, embedded_postgres: bool) -> None:
    """Keep a Stripe account mirrored in PostgreSQL."""
    # embedded_postgres is read where a URL is resolved (resolve_database_url).
    del embedded_postgres
    level = logging.WARNING - 10 * min(verbose, 2)
    # basicConfig adds a handler only once per process (it does nothing when the root logger
    # has one); the level is set on each call, for a second main() in the same process.
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(level)
    quiet_pool_warnings(enabled=verbose == 0)


def quiet_pool_warnings(*, enabled: bool) -> None:
    """Install :class:`OncePerOutage` on psycopg's pool logger, once however often ``main``
    runs in one process, or remove it (``-v`` shows every line)."""
    pool = logging.getLogger("psycopg.pool")
    for installed in [f for f in pool.filters if isinstance(f, OncePerOutage)]:
        pool.removeFilter(installed)
    if enabled:
        pool.addFilter(OncePerOutage())


class OncePerOutage(logging.Filter):
    """Lets one warning of the connection pool through per ``quiet_seconds``, on one line.

    When the database goes away, psycopg's pool warns for every connection it discards
    (closed, broken) and every attempt to reconnect: dozens of lines a second, two lines each,
    in several wordings of the one outage, that bury the message that matters (the command's
    own error). So the first warning of an outage is shown, with a count of those held back
    since at the next one shown. ``-v`` shows them all.
    """

    def __init__(self, quiet_seconds: float = 60.0, clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self.quiet_seconds = quiet_seconds
        self.clock = clock
        #: Per message: when it was last let through, and how many were held back since.
        self._seen: dict[tuple[str, int], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        now = self.clock()
        key = (record.name, record.levelno)
        last, suppressed = self._seen.get(key, (None, 0))
        if last is not None and now - last < self.quiet_seconds:
            self._seen[key] = (last, suppressed + 1)
            return False
        text = record.getMessage()
        message = text.splitlines()[0] if text else ""
        if suppressed:
            message += f" ({suppressed} more pool warnings not shown; -v shows them)"
        else:
            message += f" (more in the next {self.quiet_seconds:g} s not shown; -v shows them)"
        record.msg, record.args = message, None
        self._seen[key] = (now, 0)
        return True


def stripe_config(
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
        database_url=resolve_database_url(database_url, data_dir),
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


def results_json(results: Any) -> str:
    """``results`` (a dataclass, or a list of them) as JSON, timestamps in ISO 8601."""
    if isinstance(results, list):
        return json.dumps([dataclasses.asdict(r) for r in results], default=_json_value)
    return json.dumps(dataclasses.asdict(results), default=_json_value)


def _json_value(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")
