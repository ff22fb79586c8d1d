"""Schema migrations: numbered plain-SQL files shipped in ``stripe_sync/sql/migrations``.

Rules the runner keeps:

- offline: the files come from the installed package, nothing is downloaded;
- ordered: ``0001_baseline.sql``, ``0001_baseline.sql`` ... applied in number order, each once;
- atomic: each file runs in one transaction together with its ``_migrations`` row, so a failure
  leaves neither half behind;
- serialised: a session advisory lock per schema makes concurrent runners wait, then find
  nothing left to do;
- forward-only and never destructive: an applied file whose checksum changed is an error
  (:class:`MigrationChecksumError`), never a reason to reset; a database migrated by a newer
  stripe-sync is refused rather than touched.

Files use unqualified names; the runner sets ``search_path`` to the target schema for each file,
which is how one set of files serves any schema name.

``0001_baseline.sql`` is the whole schema as of the first release: the development migrations
0001-0027 squashed into one file (tables, then each function once with its current body, the
generated object tables, views, triggers). A schema migrated by those files is refused with a
clear error (:func:`pending_migrations`) rather than upgraded: they were never released, and the
baseline renamed the functions below. ``sql/schema.sql`` is the schema the migrations make, as
the catalog has it; ``python scripts/dump_schema.py`` regenerates it and a test holds the two
together.

A later migration changes a function by rewriting its text in the catalog, never by pasting a
copy of it, so that migrations written in parallel compose (the anchor is any text the change
needs, and a missing anchor is an error, not a silent no-op)::

    DO $migration$
    DECLARE
        v_def text := pg_get_functiondef('"_backfill_claim_v1"(bigint, text, interval, text[])'
                                         ::regprocedure);
        v_old text := $old$    UPDATE "_sync_runs" SET "updated_at" = now()$old$;
    BEGIN
        IF position(v_old IN v_def) = 0 THEN
            RAISE EXCEPTION '00NN: _backfill_claim_v1 changed, update this migration';
        END IF;
        EXECUTE replace(v_def, v_old, $new$    ...$new$);
    END
    $migration$;

Versioned functions. A SQL function that code outside the database calls by name from more than one
runtime (the Python engine's named queries in ``sql/queries``, the Supabase edge functions in
``supabase/functions/_shared/store.ts``) is an interface and its name ends in ``_v<N>``:
``_apply_event_v1``, ``_route_event_v1``, ``_record_dead_letter_v1``, ``_backfill_objects_v1``,
``_backfill_plan_v1``, ``_backfill_claim_v1``, ``_backfill_page_v1``, ``_backfill_release_v1``,
``_backfill_finish_v1``; and ``_backfill_plan_v2`` (0029: the key's mode, ``p_mode``; ``_v1`` plans
as mode ``unknown`` for a runtime that does not say); ``_webhook_event_types_v1`` (0030: the event
types a managed endpoint enables, read by the edge functions' setup); ``_backfill_adopt_v1`` (0036:
the edge functions' worker takes over the runs it planned as ``unknown``); ``_apply_event_v2``
(0040: the change's mode, ``p_livemode``, kept on the rows it writes). During a rolling deploy
an old and a new runtime share one database, so a migration that changes such a function in a way an
already deployed caller would notice (its arguments, its result's columns or their meaning, what it
writes) does not change it in place: it adds ``_v<N+1>`` beside it, the new runtime calls that, and
``_v<N>`` stays until a later release drops it, once no supported runtime calls it. A change no
caller can notice (a faster plan, a bug fix keeping the contract) is made in place, rewritten from
its catalog text. Functions called only from SQL (``_write_batch``, ``_apply_changes``' helpers ...)
and from the Python engine alone carry no version: they change with the runtime that ships them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

import psycopg
from psycopg import sql

from ._version import __version__
from .config import DEFAULT_SCHEMA, PoolConfig, StripeSyncConfig
from .errors import (
    ConfigError,
    DatabaseUnavailableError,
    MigrationChecksumError,
    MigrationError,
)
from .queries import query, raw_queries
from .resources import as_rows

__all__ = [
    "Migration",
    "MigrationResult",
    "Relation",
    "list_relations",
    "load_migrations",
    "migration_script",
    "pending_migrations",
    "registry_script",
    "run_migrations",
    "script",
]

logger = logging.getLogger(__name__)

_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
#: The development migrations squashed into 0001_baseline (0001_metadata ... 0027_billing_metrics).
_SQUASHED = re.compile(r"^00(0[1-9]|1[0-9]|2[0-7])_[a-z0-9_]+$")
#: A ``%s`` parameter or a ``%%`` (a literal percent sign) in a named statement.
_PARAM = re.compile(r"%(%|s)")


@dataclass(frozen=True, slots=True)
class Migration:
    """One shipped migration file."""

    number: int
    name: str  # file name without ".sql", e.g. "0001_metadata"
    sql: str
    checksum: str  # sha256 of the file's bytes


@dataclass(frozen=True, slots=True)
class MigrationResult:
    """What :func:`run_migrations` did."""

    schema: str
    applied: tuple[str, ...]
    already_applied: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Relation:
    """A table or view of the sync schema."""

    name: str
    #: "object" (a Stripe object's view, e.g. customers), "storage" (its table, _raw_customers),
    #: "table" (the engine's own) or "view".
    kind: str
    columns: int


def list_relations(database_url: str, schema: str = DEFAULT_SCHEMA) -> list[Relation]:
    """The tables and views in ``schema`` (empty when it does not exist)."""
    try:
        with psycopg.connect(database_url, autocommit=True) as conn:
            rows = conn.execute(query("list_relations", schema), (schema,)).fetchall()
    except psycopg.OperationalError as exc:
        raise DatabaseUnavailableError(f"cannot connect to PostgreSQL: {exc}") from exc
    return [Relation(str(n), str(k), int(str(c))) for n, k, c in rows]


def load_migrations() -> tuple[Migration, ...]:
    """The shipped migrations in order. Numbers must be unique and increasing; a gap is allowed
    (numbers are handed out to parallel branches, which land in any order: a migration is
    applied by name when it is not recorded, so one with a lower number that lands later is
    still applied)."""
    found: list[Migration] = []
    for entry in resources.files("stripe_sync.sql.migrations").iterdir():
        match = _FILE.match(entry.name)
        if match is None:
            continue
        data = entry.read_bytes()
        found.append(
            Migration(
                number=int(match.group(1)),
                name=entry.name.removesuffix(".sql"),
                sql=data.decode("utf-8"),
                checksum=hashlib.sha256(data).hexdigest(),
            )
        )
    found.sort(key=lambda m: m.number)
    numbers = [m.number for m in found]
    if len(set(numbers)) != len(numbers) or (numbers and numbers[0] != 1):
        raise MigrationError(f"shipped migrations are not numbered uniquely from 1: {numbers}")
    return tuple(found)


def _lock_key(schema: str) -> int:
    # A stable signed 64-bit key per schema, so runners on different schemas do not wait on
    # each other and the key does not depend on the server's hash function.
    digest = hashlib.sha256(f"stripe_sync.migrations:{schema}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def run_migrations(
    database_url: str | None = None,
    schema: str = DEFAULT_SCHEMA,
    *,
    config: StripeSyncConfig | None = None,
) -> MigrationResult:
    """Bring ``schema`` up to date. Idempotent; safe to run from several processes at once.

    Either pass ``database_url`` (and ``schema``) or a ``config`` whose ``database_url``,
    ``schema`` and ``pool_config`` are used.
    """
    pool_config = PoolConfig()
    if config is not None:
        database_url = database_url or config.database_url
        schema = config.schema
        pool_config = config.pool_config
    if not database_url:
        raise ConfigError("run_migrations needs a database_url")
    # Validate the schema name and the URL the same way the config does.
    StripeSyncConfig(schema=schema, database_url=database_url)

    migrations = load_migrations()
    key = _lock_key(schema)
    try:
        conn = psycopg.connect(database_url, autocommit=True, **pool_config.connection_kwargs())
    except psycopg.OperationalError as exc:
        raise DatabaseUnavailableError(f"cannot connect to PostgreSQL: {exc}") from exc
    with conn:
        conn.execute(query("advisory_lock", schema), (key,))
        try:
            result = _migrate_locked(conn, schema, migrations)
            if config is not None and config.history:
                from .history import enable_history

                enable_history(conn, schema, config.history)
            return result
        finally:
            if not conn.closed:
                conn.execute(query("advisory_unlock", schema), (key,))


def _migrate_locked(
    conn: psycopg.Connection[tuple[object, ...]], schema: str, migrations: tuple[Migration, ...]
) -> MigrationResult:
    with conn.transaction():
        conn.execute(query("create_schema", schema))
        conn.execute(query("create_migrations_table", schema))
    applied = {
        str(name): str(checksum)
        for name, checksum in conn.execute(query("applied_migrations", schema)).fetchall()
    }
    pending_migrations(schema, applied, migrations)
    done: list[str] = []
    version = __version__
    for migration in migrations:
        if migration.name in applied:
            continue
        logger.info("applying migration %s", migration.name, extra={"schema": schema})
        try:
            with conn.transaction():
                conn.execute(query("set_local_search_path", schema))
                conn.execute(migration.sql.encode())
                conn.execute(
                    query("record_migration", schema),
                    (migration.name, migration.checksum, version),
                )
        except psycopg.OperationalError as exc:
            raise DatabaseUnavailableError(
                f"lost the database while applying {migration.name}: {exc}"
            ) from exc
        except psycopg.Error as exc:
            raise MigrationError(f"migration {migration.name} failed: {exc}") from exc
        done.append(migration.name)
    # The registry copy is rewritten on every run: a newer stripe-sync may add or change rows
    # without a migration.
    with conn.transaction():
        conn.execute(query("sync_registry", schema), (json.dumps(as_rows()),))
    return MigrationResult(
        schema=schema,
        applied=tuple(done),
        already_applied=tuple(sorted(applied)),
    )


def pending_migrations(
    schema: str, applied: Mapping[str, str], migrations: tuple[Migration, ...] | None = None
) -> list[Migration]:
    """The shipped migrations not in ``applied`` (name -> recorded checksum), in order.

    Refuses, before anything is applied, a schema migrated by a newer stripe-sync and an applied
    file whose checksum changed.
    """
    migrations = load_migrations() if migrations is None else migrations
    shipped = {m.name: m for m in migrations}
    unknown = sorted(set(applied) - set(shipped))
    squashed = [name for name in unknown if _SQUASHED.match(name)]
    if squashed:
        raise MigrationError(
            f"schema {schema!r} was migrated by a development version of stripe-sync "
            f"({squashed[0]} ... {squashed[-1]}), whose migrations were squashed into "
            f"{migrations[0].name} before the first release; it cannot be upgraded in place. "
            f"Drop the schema (DROP SCHEMA ... CASCADE deletes its synced data) and run the "
            "migrations again, then backfill; nothing was changed."
        )
    if unknown:
        raise MigrationError(
            f"schema {schema!r} has migrations this stripe-sync does not ship "
            f"({', '.join(unknown)}); "
            "it was migrated by a newer version. Upgrade stripe-sync; nothing was changed."
        )
    for name, recorded in applied.items():
        if shipped[name].checksum != recorded:
            raise MigrationChecksumError(name, recorded, shipped[name].checksum)
    return [m for m in migrations if m.name not in applied]


def script(name: str, schema: str, *params: object) -> str:
    """The named statement as plain SQL text, its ``%s`` parameters rendered as literals.

    For runtimes that send SQL text rather than parameters (the Supabase Management API's query
    endpoint); values are quoted by psycopg, never formatted by hand.
    """
    text = _PARAM.sub(lambda m: "%" if m.group(1) == "%" else "{}", raw_queries()[name])
    literals = (sql.Literal(p) for p in params)
    return sql.SQL(text).format(*literals, schema=sql.Identifier(schema)).as_string()


def migration_script(migration: Migration, schema: str) -> str:
    """One migration as a single transaction of SQL text, with its bookkeeping row and a
    transaction-level advisory lock (concurrent runners take turns; a second one fails on the
    bookkeeping row's key and changes nothing)."""
    return "\n".join(
        [
            "BEGIN;",
            script("advisory_xact_lock", schema, _lock_key(schema)),
            query("set_local_search_path", schema).as_string(),
            migration.sql,
            ";",
            script("record_migration", schema, migration.name, migration.checksum, __version__),
            "COMMIT;",
        ]
    )


def registry_script(schema: str) -> str:
    """The statement rewriting ``_resources`` from the Python registry, as SQL text."""
    return script("sync_registry", schema, json.dumps(as_rows()))
