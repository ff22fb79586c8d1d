"""Configuration: explicit, frozen, validated once.

The library never reads the environment; the CLI and the server do, and build a
:class:`StripeSyncConfig` from flags and ``STRIPE_*`` / ``DATABASE_URL`` variables.
Secrets are kept out of ``repr()`` so a config can be logged safely.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError

__all__ = ["DEFAULT_API_VERSION", "DEFAULT_SCHEMA", "PoolConfig", "StripeSyncConfig"]

# Pinned: every request sends this Stripe-Version so that payloads keep one shape no matter
# what the account's default version is. Dated ("2024-06-20") and named
# ("2025-03-31.basil") versions are both accepted.
DEFAULT_API_VERSION = "2026-10-28.endive"
DEFAULT_SCHEMA = "stripe"
DEFAULT_API_BASE = "https://api.stripe.com"
#: The Supabase Management API (``stripe-sync supabase``); here, with the other defaults, so
#: that ``--help`` shows it without importing the HTTP client.
DEFAULT_MANAGEMENT_URL = "https://api.supabase.com"

_API_VERSION = re.compile(r"^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$")
# A schema name is interpolated only through psycopg.sql.Identifier, but we still refuse names
# that would surprise a person reading psql output (quotes, spaces, upper case).
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def check_schema_name(name: str, what: str = "schema") -> None:
    """Raise :class:`ConfigError` unless ``name`` is a lower-case SQL identifier."""
    if not _SCHEMA_NAME.match(name):
        raise ConfigError(f"{what} must be a lower-case SQL identifier (a-z, 0-9, _), got {name!r}")


_KEY_PREFIXES = ("sk_live_", "sk_test_", "rk_live_", "rk_test_")


@dataclass(frozen=True, slots=True)
class PoolConfig:
    """Connection pool settings, as the original's ``poolConfig``.

    ``ssl_ca`` is either a path to a CA bundle or the PEM text itself (Supabase and RDS hand out
    PEM text); with it set, ``ssl_mode`` defaults to ``verify-full``.
    """

    min_size: int = 1
    max_size: int = 10
    max_idle_seconds: float = 300.0
    connect_timeout_seconds: float = 10.0
    keepalives: bool = True
    keepalives_idle_seconds: int = 30
    ssl_mode: str | None = None
    ssl_ca: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.min_size < 0 or self.max_size < 1 or self.min_size > self.max_size:
            raise ConfigError(
                f"pool sizes must satisfy 0 <= min_size <= max_size and max_size >= 1, "
                f"got min_size={self.min_size} max_size={self.max_size}"
            )
        allowed = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"}
        if self.ssl_mode is not None and self.ssl_mode not in allowed:
            raise ConfigError(f"ssl_mode must be one of {sorted(allowed)}, got {self.ssl_mode!r}")

    def connection_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``psycopg.connect`` that implement these settings."""
        kwargs: dict[str, Any] = {"connect_timeout": max(1, round(self.connect_timeout_seconds))}
        if self.keepalives:
            kwargs["keepalives"] = 1
            kwargs["keepalives_idle"] = self.keepalives_idle_seconds
        if self.ssl_mode is not None:
            kwargs["sslmode"] = self.ssl_mode
        if self.ssl_ca is not None:
            kwargs.setdefault("sslmode", "verify-full")
            if "-----BEGIN" in self.ssl_ca:
                # libpq reads the root certificate from a file only; "system" is the other
                # accepted value. PEM text is written to a private temporary file.
                kwargs["sslrootcert"] = _pem_to_file(self.ssl_ca)
            else:
                kwargs["sslrootcert"] = self.ssl_ca
        return kwargs


#: PEM text -> the private file written for it by this process (see _pem_to_file).
_pem_files: dict[str, str] = {}
_pem_lock = threading.Lock()


def _pem_to_file(pem: str) -> str:
    """A file holding ``pem``, for libpq's ``sslrootcert``: written once per process and CA.

    The CA decides which server the connection trusts, so the file must be ours: ``mkstemp``
    creates it exclusively (``O_EXCL``, so a file or link planted first is never opened or
    followed), under a random name, readable by this user only (0600). It is removed at exit.
    """
    import atexit
    import os
    import tempfile

    with _pem_lock:
        path = _pem_files.get(pem)
        if path is not None and _still_ours(path):
            return path
        fd, path = tempfile.mkstemp(prefix="stripe-sync-ca-", suffix=".pem")
        with os.fdopen(fd, "w") as f:
            f.write(pem)
        _pem_files[pem] = path
        atexit.register(_remove_file, path)
        return path


def _still_ours(path: str) -> bool:
    """The file we wrote is still there, and not replaced (e.g. after a /tmp clean-up) by
    another user's file or link under its name."""
    import os
    import stat

    try:
        info = os.lstat(path)
    except OSError:
        return False
    return (
        stat.S_ISREG(info.st_mode)
        and info.st_uid == os.getuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )


def _remove_file(path: str) -> None:
    import contextlib
    import os

    with contextlib.suppress(OSError):
        os.unlink(path)


@dataclass(frozen=True, slots=True)
class StripeSyncConfig:
    """Everything a :class:`StripeSync` needs. Names follow the TypeScript original in snake_case.

    ``stripe_secret_key`` may be empty for work that never calls Stripe (migrations); calls that
    need it raise :class:`ConfigError`.
    """

    stripe_secret_key: str | None = field(default=None, repr=False)
    stripe_webhook_secret: str | None = field(default=None, repr=False)
    stripe_api_version: str = DEFAULT_API_VERSION
    stripe_api_base: str = DEFAULT_API_BASE
    database_url: str | None = field(default=None, repr=False)
    pool_config: PoolConfig = field(default_factory=PoolConfig)
    schema: str = DEFAULT_SCHEMA
    auto_expand_lists: bool = False
    backfill_related_entities: bool = True
    revalidate_objects_via_stripe_api: tuple[str, ...] = ()
    max_retries: int = 5
    initial_retry_delay_ms: int = 1000
    max_retry_delay_ms: int = 60000
    enable_sigma: bool = False
    #: Schema of the Sigma tables (``enable_sigma``).
    sigma_schema: str = "sigma"
    #: Concurrent backfill workers per process (the rate limiter paces them).
    backfill_workers: int = 64
    #: A backfill window claimed by a worker that stops committing pages is free again after this.
    backfill_lease_seconds: float = 30.0
    #: Requests per second to Stripe from this process (all endpoints); None: the key's mode
    #: default (100 live, 25 test). Raise it for an account with a raised limit.
    max_requests_per_second: float | None = None
    #: Requests per second to one Stripe endpoint (Stripe's default is 25); raise it for an
    #: account that Stripe granted more.
    max_requests_per_second_per_endpoint: float | None = None
    #: Concurrent events (webhooks, polled events, fetched objects) are written in groups, one
    #: SQL call and one commit each: at most this many changes per group ...
    write_group_size: int = 200
    #: ... and at most this many groups sent at once (each holds a pooled connection), each with
    #: a share of the changes waiting (half with 2, a third with 3); beside a group in flight
    #: another leaves only with 8 changes or more, fewer wait for it to end.
    write_groups_in_flight: int = 2
    #: Backfills count requests in PostgreSQL, so that several processes on one database together
    #: stay under Stripe's limits (one short statement per request); False: per process only.
    shared_rate_limit: bool = True
    #: Days the change feed keeps a change (``stripe-sync start`` prunes older ones); a
    #: consumer further behind gets :class:`ChangeFeedExpiredError`.
    change_feed_retention_days: float = 7.0
    #: History mode: the objects (``["subscription", "price"]``, object or table names, or one
    #: comma-separated string) whose every version is kept, queryable as of any instant
    #: (``stripe.subscriptions_as_of(...)``). Turned on in the database when the schema is
    #: migrated (``run_migrations``, ``start``, ``backfill``); kept from then on.
    history: tuple[str, ...] = ()
    logger: logging.Logger | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.stripe_secret_key is not None and not self.stripe_secret_key.startswith(
            _KEY_PREFIXES
        ):
            # Never echo the key: it may be a real secret pasted into the wrong option.
            raise ConfigError(
                "stripe_secret_key must be a secret (sk_live_/sk_test_) or restricted "
                "(rk_live_/rk_test_) key"
            )
        if not _API_VERSION.match(self.stripe_api_version):
            raise ConfigError(
                f"stripe_api_version must look like 2024-06-20 or 2025-03-31.basil, "
                f"got {self.stripe_api_version!r}"
            )
        if self.database_url is not None:
            check_database_url(self.database_url)
        if not _SCHEMA_NAME.match(self.schema):
            raise ConfigError(
                f"schema must be a lower-case SQL identifier (a-z, 0-9, _), got {self.schema!r}"
            )
        if not self.stripe_api_base.startswith(("http://", "https://")):
            raise ConfigError(
                f"stripe_api_base must be an http(s) URL, got {self.stripe_api_base!r}"
            )
        if self.max_retries < 0:
            raise ConfigError(f"max_retries must be >= 0, got {self.max_retries}")
        if self.initial_retry_delay_ms < 0 or self.max_retry_delay_ms < self.initial_retry_delay_ms:
            raise ConfigError(
                "retry delays must satisfy 0 <= initial_retry_delay_ms <= max_retry_delay_ms"
            )
        if not _SCHEMA_NAME.match(self.sigma_schema) or self.sigma_schema == self.schema:
            raise ConfigError(
                "sigma_schema must be a lower-case SQL identifier other than schema, "
                f"got {self.sigma_schema!r}"
            )
        if self.write_group_size < 1 or self.write_groups_in_flight < 1:
            raise ConfigError(
                "write_group_size and write_groups_in_flight must be >= 1, got "
                f"{self.write_group_size} and {self.write_groups_in_flight}"
            )
        if self.backfill_workers < 1:
            raise ConfigError(f"backfill_workers must be >= 1, got {self.backfill_workers}")
        if self.backfill_lease_seconds <= 0:
            raise ConfigError(
                f"backfill_lease_seconds must be > 0, got {self.backfill_lease_seconds}"
            )
        if self.change_feed_retention_days <= 0:
            raise ConfigError(
                f"change_feed_retention_days must be > 0, got {self.change_feed_retention_days}"
            )
        if self.max_requests_per_second is not None and self.max_requests_per_second <= 0:
            raise ConfigError(
                f"max_requests_per_second must be > 0, got {self.max_requests_per_second}"
            )
        per_endpoint = self.max_requests_per_second_per_endpoint
        if per_endpoint is not None and per_endpoint <= 0:
            raise ConfigError(
                f"max_requests_per_second_per_endpoint must be > 0, got {per_endpoint}"
            )
        if isinstance(self.revalidate_objects_via_stripe_api, str | list):
            object.__setattr__(
                self,
                "revalidate_objects_via_stripe_api",
                tuple(
                    [self.revalidate_objects_via_stripe_api]
                    if isinstance(self.revalidate_objects_via_stripe_api, str)
                    else self.revalidate_objects_via_stripe_api
                ),
            )

        if self.history:
            from .history import history_objects

            object.__setattr__(self, "history", history_objects(self.history))

    @property
    def livemode(self) -> bool | None:
        """True for a live key, False for a test key, None without a key."""
        if self.stripe_secret_key is None:
            return None
        return "_live_" in self.stripe_secret_key[:8]

    @property
    def mode(self) -> str:
        """``live`` or ``test`` from the key (``unknown`` without one): the backfill keeps its
        runs and cursors per account and mode, so two keys of one account share a database."""
        livemode = self.livemode
        return "unknown" if livemode is None else "live" if livemode else "test"

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> StripeSyncConfig:
        """Build from a dict, accepting the TypeScript original's camelCase keys too.

        ``poolConfig`` may be the original's node-postgres pool options as its README shows
        them: ``connectionString`` (the database URL), ``max``, ``min``, ``keepAlive`` and
        ``ssl: {ca}``, besides :class:`PoolConfig`'s own fields.
        """
        hints = _field_types(cls)
        kwargs: dict[str, Any] = {}
        given: dict[str, str] = {}  # field -> the key that set it
        pool_url: str | None = None
        for key, value in values.items():
            snake = _field_name(key, hints, "configuration key")
            if snake in given:
                raise ConfigError(f"configuration key {key!r} repeats {given[snake]!r}")
            given[snake] = key
            if snake == "pool_config" and isinstance(value, Mapping):
                value, pool_url = _pool_config(value)
            else:
                _check_type(key, value, hints[snake])
            kwargs[snake] = value
        if pool_url is not None:
            if "database_url" in kwargs:
                raise ConfigError(
                    f"configuration keys {given['database_url']!r} and "
                    "'poolConfig.connectionString' both set the database URL: give one"
                )
            kwargs["database_url"] = pool_url
        return cls(**kwargs)


def _snake(key: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()


def _field_name(key: object, hints: Mapping[str, Any], what: str) -> str:
    """The dataclass field a camelCase or snake_case ``key`` names; ConfigError if none."""
    if not isinstance(key, str):
        raise ConfigError(f"{what}s must be strings, got {key!r}")
    snake = _snake(key)
    if snake not in hints:
        raise ConfigError(f"unknown {what} {key!r}")
    return snake


def _field_types(cls: type) -> dict[str, Any]:
    import typing

    return typing.get_type_hints(cls)


def _matches(value: Any, hint: Any) -> bool:
    import types
    import typing

    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return any(_matches(value, arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if origin is tuple:  # tuple[str, ...]: a list or tuple of strings, or one string
        return isinstance(value, str) or (
            isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
        )
    return isinstance(value, hint)


def _describe(hint: Any) -> str:
    import types
    import typing

    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        return " or ".join(_describe(arg) for arg in typing.get_args(hint))
    names = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}
    if hint is type(None):
        return "null (None)"
    if typing.get_origin(hint) is tuple:
        return "a string or a list of strings"
    if hint is PoolConfig:
        return "a PoolConfig or a mapping of its options"
    return names.get(hint) or f"a {getattr(hint, '__module__', '')}.{hint.__qualname__}"


def _check_type(key: str, value: Any, hint: Any) -> None:
    """ConfigError naming ``key`` unless ``value`` has the field's type. The value itself is
    never quoted: it may be a secret given under the wrong key."""
    if not _matches(value, hint):
        raise ConfigError(
            f"configuration key {key!r} must be {_describe(hint)}, got {type(value).__name__}"
        )


#: node-postgres pool options (the TypeScript engine's ``poolConfig``) that are PoolConfig fields
#: under another name.
_NODE_POSTGRES_POOL_KEYS = {"max": "max_size", "min": "min_size", "keepAlive": "keepalives"}


def _pool_config(values: Mapping[str, Any]) -> tuple[PoolConfig, str | None]:
    """A :class:`PoolConfig` and the database URL from a ``poolConfig`` mapping."""
    hints = _field_types(PoolConfig)
    options: dict[str, Any] = {}
    given: dict[str, str] = {}
    url = None
    for key, value in values.items():
        if key == "connectionString":
            _check_type("poolConfig.connectionString", value, str)
            url = value
            continue
        if key == "ssl":
            # node-postgres's ssl object; only its CA (PEM text or a path) has a libpq twin.
            if not isinstance(value, Mapping):
                raise ConfigError(
                    "configuration key 'poolConfig.ssl' must be a mapping {ca: PEM text or "
                    f"path}}, got {type(value).__name__} (use sslMode for the TLS mode)"
                )
            for extra in value:
                if extra != "ca":
                    raise ConfigError(f"unknown poolConfig.ssl key {extra!r} (only 'ca' is)")
            name, value = "ssl_ca", value.get("ca")
            _check_type("poolConfig.ssl.ca", value, str | None)
        else:
            alias = _NODE_POSTGRES_POOL_KEYS.get(key) if isinstance(key, str) else None
            name = alias or _field_name(key, hints, "poolConfig key")
            _check_type(f"poolConfig.{key}", value, hints[name])
        if name in given:
            raise ConfigError(f"poolConfig key {key!r} repeats {given[name]!r}")
        given[name] = key
        options[name] = value
    return PoolConfig(**options), url


def check_database_url(url: str) -> None:
    """Raise :class:`ConfigError` unless ``url`` is a connection string libpq accepts
    (``postgresql://user:password@host:port/dbname`` or ``key=value`` pairs) with valid ports.

    The message never quotes the URL: it may hold a password (libpq's own parse error does).
    """
    # Here, not at the top: the CLI reads this module's defaults for --help, which should not
    # load the database driver.
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = conninfo_to_dict(url)
    except ProgrammingError:
        raise ConfigError(
            "the database URL is not a PostgreSQL connection string: expected "
            "postgresql://user:password@host:port/dbname or key=value pairs"
        ) from None
    for port in str(params.get("port") or "").split(","):  # one port per host
        if port and not (port.isascii() and port.isdigit() and 1 <= int(port) <= 65535):
            raise ConfigError(
                f"the database URL's port must be a number from 1 to 65535, got {port!r}"
            )
