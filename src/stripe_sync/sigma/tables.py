"""The PostgreSQL tables that hold Sigma data: created, evolved safely, and loaded from CSV.

Each synced Sigma table ``t`` becomes ``<schema>.t`` (schema ``sigma`` by default)::

    _account_id      text NOT NULL                      -- the Stripe account the rows belong to
    <catalogue columns, typed; primary-key columns NOT NULL>
    _last_synced_at  timestamptz NOT NULL DEFAULT now()
    PRIMARY KEY (_account_id, <catalogue key>)           -- an index on _account_id when keyless

:func:`ensure_tables` is the migration step for these tables. It runs in one transaction under
an advisory lock per schema, so concurrent callers queue and the later ones find nothing to do.
A table that exists is only ever changed in ways that keep every value: new catalogue columns
are added (nullable), a column the catalogue no longer has is kept (and reported), a type change
is applied only when it is a lossless widening; anything else (another type, another primary
key) raises :class:`SigmaSchemaError` before any change is made.

Loading (:func:`load_statements`, :func:`load_csv`): a Sigma query's CSV, columns in catalogue
order, is copied into a typed temporary table, then merged by key with ``INSERT ... ON CONFLICT
DO UPDATE`` (keyless tables: inserted, after deleting the account's rows when reloading).
Timestamps are parsed as UTC. Every catalogue name goes through ``psycopg.sql.Identifier``.

All functions are async (``psycopg.AsyncConnection``), to be called with a connection of the
engine's pool; ``ensure_tables`` also accepts a database URL and opens its own connection.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import AsyncIterable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql

from ..config import check_schema_name
from ..errors import DatabaseError, DatabaseUnavailableError, MigrationError
from ..queries import query
from ..store.translate import translate
from .catalog import SigmaColumn, SigmaTable

__all__ = [
    "ACCOUNT_COLUMN",
    "DEFAULT_SIGMA_SCHEMA",
    "SYNCED_AT_COLUMN",
    "EnsureResult",
    "LoadStatements",
    "SigmaSchemaError",
    "TableChange",
    "ensure_tables",
    "load_csv",
    "load_statements",
]

_log = logging.getLogger(__name__)

DEFAULT_SIGMA_SCHEMA = "sigma"
ACCOUNT_COLUMN = "_account_id"
SYNCED_AT_COLUMN = "_last_synced_at"

AnyConnection = psycopg.AsyncConnection[Any]
CsvData = bytes | str | Iterable[bytes | str] | AsyncIterable[bytes | str]


class SigmaSchemaError(MigrationError):
    """A Sigma table cannot be brought to the catalogue's shape without losing data, or does not
    look like one stripe-sync made. Nothing was changed. (Terminal.)"""

    def __init__(self, schema: str, table: str, detail: str) -> None:
        super().__init__(f"Sigma table {schema}.{table}: {detail}; nothing was changed")
        self.schema = schema
        self.table = table
        self.detail = detail


@dataclass(frozen=True, slots=True)
class TableChange:
    """What :func:`ensure_tables` did to one table (PostgreSQL column names)."""

    table: str
    action: str  # "created", "altered" or "unchanged"
    added: tuple[str, ...] = ()
    widened: tuple[tuple[str, str, str], ...] = ()  # (column, old type, new type)
    kept: tuple[str, ...] = ()  # columns the catalogue no longer has, left in place


@dataclass(frozen=True, slots=True)
class EnsureResult:
    schema: str
    tables: tuple[TableChange, ...]
    warnings: tuple[str, ...]

    def _named(self, action: str) -> tuple[str, ...]:
        return tuple(t.table for t in self.tables if t.action == action)

    @property
    def created(self) -> tuple[str, ...]:
        return self._named("created")

    @property
    def altered(self) -> tuple[str, ...]:
        return self._named("altered")

    @property
    def unchanged(self) -> tuple[str, ...]:
        return self._named("unchanged")


# -- types -----------------------------------------------------------------------------------

# The only type texts put into DDL (they are SQL, not identifiers): the outputs of
# catalog.pg_type. A SigmaTable built by hand with anything else is refused.
_DDL_TYPE = re.compile(
    r"^(text|bytea|bigint|integer|smallint|boolean|real|double precision|date|timestamptz"
    r"|jsonb|numeric(\((\d{1,4}),(\d{1,4})\))?)$"
)
# format_type() spellings of the types above.
_CANONICAL = {"timestamptz": "timestamp with time zone"}
_INTEGERS = ("smallint", "integer", "bigint")
_INTEGER_DIGITS = {"smallint": 5, "integer": 10, "bigint": 19}
_LOSSLESS_AS_TEXT = frozenset({*_INTEGERS, "boolean", "jsonb", "character varying"})


def _canonical(pg_type: str) -> str:
    return _CANONICAL.get(pg_type, pg_type)


def _numeric(type_: str) -> tuple[int, int] | None:
    """(integer digits, scale) of a numeric type; (1000, 1000) when unconstrained."""
    if type_ == "numeric":
        return (1000, 1000)
    match = re.fullmatch(r"numeric\((\d+),(\d+)\)", type_)
    if match is None:
        return None
    precision, scale = int(match.group(1)), int(match.group(2))
    return (precision - scale, scale)


def _is_widening(old: str, new: str) -> bool:
    """Every value of type ``old`` converts to ``new`` and back unchanged."""
    if old == new:
        return True
    if new == "text":
        return old in _LOSSLESS_AS_TEXT or old.startswith(("numeric", "character varying"))
    if old in _INTEGERS and new in _INTEGERS:
        return _INTEGERS.index(old) <= _INTEGERS.index(new)
    if old == "real" and new == "double precision":
        return True
    target = _numeric(new)
    if target is None:
        return False
    if old in _INTEGERS:
        return target[0] >= _INTEGER_DIGITS[old]
    source = _numeric(old)
    return source is not None and target[0] >= source[0] and target[1] >= source[1]


def _ddl_type(table: SigmaTable, column: SigmaColumn, schema: str) -> sql.SQL:
    if not _DDL_TYPE.match(column.pg_type):
        raise SigmaSchemaError(
            schema, table.pg_name, f"column {column.name!r} has unsupported type {column.pg_type!r}"
        )
    return sql.SQL(column.pg_type)


# -- ensure_tables -----------------------------------------------------------------------------


def _lock_key(schema: str) -> int:
    digest = hashlib.sha256(f"stripe_sync.sigma:{schema}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@dataclass(frozen=True, slots=True)
class _Existing:
    type: str
    not_null: bool
    key_position: int | None


def _check_table(table: SigmaTable, schema: str) -> None:
    reserved = {ACCOUNT_COLUMN, SYNCED_AT_COLUMN}
    for col in table.columns:
        if col.pg_name in reserved:
            raise SigmaSchemaError(
                schema, table.pg_name, f"catalogue column {col.name!r} clashes with {col.pg_name}"
            )
        _ddl_type(table, col, schema)


def _comment(text: str, sigma_name: str, pg_name: str) -> str:
    if sigma_name != pg_name:
        text = f"{text} [Sigma name: {sigma_name}]".strip()
    return text


def _create_statements(schema: str, table: SigmaTable) -> list[sql.Composable]:
    target = sql.Identifier(schema, table.pg_name)
    columns: list[sql.Composable] = [
        sql.SQL("{} text NOT NULL").format(sql.Identifier(ACCOUNT_COLUMN))
    ]
    for col in table.columns:
        columns.append(
            sql.SQL("{} {}{}").format(
                sql.Identifier(col.pg_name),
                _ddl_type(table, col, schema),
                sql.SQL(" NOT NULL" if col.name in table.primary_key else ""),
            )
        )
    columns.append(
        sql.SQL("{} timestamptz NOT NULL DEFAULT now()").format(sql.Identifier(SYNCED_AT_COLUMN))
    )
    if table.primary_key:
        key = [ACCOUNT_COLUMN, *table.pg_primary_key]
        columns.append(
            sql.SQL("PRIMARY KEY ({})").format(sql.SQL(", ").join(map(sql.Identifier, key)))
        )
    statements: list[sql.Composable] = [
        sql.SQL("CREATE TABLE {} ({})").format(target, sql.SQL(", ").join(columns))
    ]
    if not table.primary_key:
        statements.append(
            sql.SQL("CREATE INDEX ON {} ({})").format(target, sql.Identifier(ACCOUNT_COLUMN))
        )
    text = f"Stripe Sigma {table.dataset}.{table.name}: {table.comment}".strip()
    statements.append(sql.SQL("COMMENT ON TABLE {} IS {}").format(target, sql.Literal(text)))
    statements.extend(_column_comment(schema, table, col) for col in table.columns)
    return statements


def _column_comment(schema: str, table: SigmaTable, col: SigmaColumn) -> sql.Composable:
    text = _comment(col.comment, col.name, col.pg_name)
    return sql.SQL("COMMENT ON COLUMN {} IS {}").format(
        sql.Identifier(schema, table.pg_name, col.pg_name), sql.Literal(text or None)
    )


def _plan_alter(
    schema: str, table: SigmaTable, existing: Mapping[str, _Existing]
) -> tuple[TableChange, list[sql.Composable], list[str]]:
    """Statements that bring an existing table to the catalogue's shape, or SigmaSchemaError."""
    name = table.pg_name
    target = sql.Identifier(schema, name)
    for own, type_ in ((ACCOUNT_COLUMN, "text"), (SYNCED_AT_COLUMN, "timestamp with time zone")):
        if own not in existing or existing[own].type != type_:
            raise SigmaSchemaError(
                schema, name, f"has no {own} {type_} column: it was not created by stripe-sync"
            )
    have_key = tuple(
        c
        for c, e in sorted(existing.items(), key=lambda i: i[1].key_position or 0)
        if e.key_position is not None
    )
    want_key = (ACCOUNT_COLUMN, *table.pg_primary_key) if table.primary_key else ()
    if have_key != want_key:
        raise SigmaSchemaError(
            schema,
            name,
            f"primary key is ({', '.join(have_key)}) but the catalogue's is "
            f"({', '.join(want_key)}); changing it could merge or reject stored rows, so "
            "rename or drop the table to reload it",
        )
    statements: list[sql.Composable] = []
    added: list[str] = []
    widened: list[tuple[str, str, str]] = []
    for col in table.columns:
        want = _canonical(col.pg_type)
        found = existing.get(col.pg_name)
        if found is None:
            # Nullable (a key column would change the key, refused above): no table rewrite.
            statements.append(
                sql.SQL("ALTER TABLE {} ADD COLUMN {} {}").format(
                    target, sql.Identifier(col.pg_name), _ddl_type(table, col, schema)
                )
            )
            statements.append(_column_comment(schema, table, col))
            added.append(col.pg_name)
        elif found.type != want:
            if not _is_widening(found.type, want):
                raise SigmaSchemaError(
                    schema,
                    name,
                    f"column {col.pg_name} is {found.type} but the catalogue now says {want} "
                    f"(Sigma type {col.sigma_type}); that conversion could lose or alter values",
                )
            statements.append(
                sql.SQL("ALTER TABLE {} ALTER COLUMN {} TYPE {}").format(
                    target, sql.Identifier(col.pg_name), _ddl_type(table, col, schema)
                )
            )
            widened.append((col.pg_name, found.type, want))
    known = {ACCOUNT_COLUMN, SYNCED_AT_COLUMN, *(c.pg_name for c in table.columns)}
    kept = tuple(c for c in existing if c not in known)
    warnings = [
        f"{schema}.{name}.{c}: no longer in the Sigma catalogue; kept (not dropped), it will "
        "stay NULL for new rows"
        for c in kept
    ]
    action = "altered" if statements else "unchanged"
    return TableChange(name, action, tuple(added), tuple(widened), kept), statements, warnings


async def ensure_tables(
    conn: AnyConnection | str, schema: str, tables: Sequence[SigmaTable]
) -> EnsureResult:
    """Create or evolve the tables of ``tables`` in ``schema``, all or nothing.

    With a connection, the work runs in a transaction of it (a savepoint if one is open: then
    the lock is held until the caller's transaction ends). With a URL, on a new connection.
    """
    check_schema_name(schema, "the Sigma schema")  # the same rules as the sync schema
    for table in tables:
        _check_table(table, schema)
    if isinstance(conn, str):
        try:
            async with await psycopg.AsyncConnection.connect(conn, autocommit=True) as own:
                return await ensure_tables(own, schema, tables)
        except psycopg.OperationalError as exc:
            raise DatabaseUnavailableError(f"cannot connect to PostgreSQL: {exc}") from exc
    try:
        async with conn.transaction():
            return await _ensure_locked(conn, schema, tables)
    except psycopg.Error as exc:
        raise translate(exc, "could not create the Sigma tables") from exc


async def _ensure_locked(
    conn: AnyConnection, schema: str, tables: Sequence[SigmaTable]
) -> EnsureResult:
    await conn.execute(query("sigma_lock", schema), (_lock_key(schema),))
    await conn.execute(query("sigma_create_schema", schema))
    unique = list({t.pg_name: t for t in tables}.values())
    cur = await conn.execute(
        query("sigma_existing_columns", schema),
        {"schema": schema, "tables": [t.pg_name for t in unique]},
    )
    existing: dict[str, dict[str, _Existing]] = {}
    for table_name, column, type_, not_null, position in await cur.fetchall():
        existing.setdefault(table_name, {})[column] = _Existing(type_, not_null, position)

    # Plan every table before changing any, so a refusal leaves even the others untouched
    # (the transaction would roll them back anyway; this keeps the error first).
    plans: list[tuple[TableChange, list[sql.Composable]]] = []
    warnings: list[str] = []
    for table in unique:
        if table.pg_name in existing:
            change, statements, notes = _plan_alter(schema, table, existing[table.pg_name])
            warnings.extend(notes)
        else:
            change = TableChange(table.pg_name, "created")
            statements = _create_statements(schema, table)
        plans.append((change, statements))
    for change, statements in plans:
        if statements:
            # No parameters: one round trip for the table's whole script.
            await conn.execute(sql.SQL(";\n").join(statements))
        if change.action != "unchanged":
            _log.info(
                "Sigma table %s.%s %s",
                schema,
                change.table,
                change.action,
                extra={"schema": schema, "table": change.table, "action": change.action},
            )
    for note in warnings:
        _log.warning("%s", note, extra={"schema": schema})
    return EnsureResult(schema, tuple(c for c, _ in plans), tuple(warnings))


# -- loading -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoadStatements:
    """The statements that load one CSV batch of a Sigma table. Run them in one transaction,
    after ``query("sigma_utc", schema)`` so timestamps are read as UTC.

    - ``create_staging``: a typed temporary table, dropped at commit;
    - ``copy``: ``COPY staging (...) FROM STDIN (FORMAT csv, HEADER true)``, the CSV's columns
      in catalogue order (``SigmaTable.column_names``);
    - ``merge`` (parameter ``account_id``): upsert by key, refreshing ``_last_synced_at``;
      for a keyless table a plain insert;
    - ``delete_account`` (``account_id``): the account's rows, before a full reload of a keyless
      table in the same transaction;
    - ``prune`` (``account_id``, ``before``): rows not written since ``before``: after a full
      reload in several transactions, the rows Sigma no longer has;
    - ``max_cursor`` (``account_id``): the newest cursor value stored (keyed tables with a
      cursor; otherwise None).
    """

    columns: tuple[str, ...]  # PostgreSQL column names, in the CSV's order
    create_staging: sql.Composed
    copy: sql.Composed
    merge: sql.Composed
    delete_account: sql.Composed
    prune: sql.Composed
    max_cursor: sql.Composed | None


def load_statements(
    schema: str, table: SigmaTable, columns: Sequence[str] | None = None
) -> LoadStatements:
    """The statements for a CSV of ``columns`` (Sigma names, in the CSV's order; default every
    catalogue column in catalogue order). Only those columns are written: a column left out
    keeps its stored value on update. Keyed tables need every key column."""
    _check_table(table, schema)
    selected = _selected_columns(schema, table, columns)
    target = sql.Identifier(schema, table.pg_name)
    # One staging name per table, so loading two tables in one transaction cannot clash.
    staging = sql.Identifier(
        "_sigma_stage_" + hashlib.sha256(table.pg_name.encode()).hexdigest()[:12]
    )
    names = tuple(c.pg_name for c in selected)
    cols = sql.SQL(", ").join(map(sql.Identifier, names))
    typed = sql.SQL(", ").join(
        sql.SQL("{} {}").format(sql.Identifier(c.pg_name), _ddl_type(table, c, schema))
        for c in selected
    )
    create_staging = sql.SQL(
        "DROP TABLE IF EXISTS pg_temp.{staging};\n"
        "CREATE TEMP TABLE {staging} ({typed}) ON COMMIT DROP"
    ).format(staging=staging, typed=typed)
    copy = sql.SQL("COPY {} ({}) FROM STDIN (FORMAT csv, HEADER true)").format(staging, cols)
    insert = sql.SQL(
        "INSERT INTO {target} ({account}, {cols}, {synced}) "
        "SELECT %(account_id)s, {cols}, now() FROM {staging}"
    ).format(
        target=target,
        account=sql.Identifier(ACCOUNT_COLUMN),
        cols=cols,
        synced=sql.Identifier(SYNCED_AT_COLUMN),
        staging=staging,
    )
    if table.primary_key:
        key = [ACCOUNT_COLUMN, *table.pg_primary_key]
        updates = [
            sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(c)) for c in names if c not in key
        ]
        updates.append(sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(SYNCED_AT_COLUMN)))
        merge = sql.SQL("{} ON CONFLICT ({}) DO UPDATE SET {}").format(
            insert,
            sql.SQL(", ").join(map(sql.Identifier, key)),
            sql.SQL(", ").join(updates),
        )
    else:
        merge = insert
    account_match = sql.SQL("{} = %(account_id)s").format(sql.Identifier(ACCOUNT_COLUMN))
    delete_account = sql.SQL("DELETE FROM {} WHERE {}").format(target, account_match)
    prune = sql.SQL("DELETE FROM {} WHERE {} AND {} < %(before)s").format(
        target, account_match, sql.Identifier(SYNCED_AT_COLUMN)
    )
    max_cursor = None
    if table.cursor_column is not None and not table.full_reload_only:
        max_cursor = sql.SQL("SELECT max({}) FROM {} WHERE {}").format(
            sql.Identifier(table.column(table.cursor_column).pg_name), target, account_match
        )
    return LoadStatements(
        names, sql.Composed([create_staging]), sql.Composed([copy]), sql.Composed([merge]),
        sql.Composed([delete_account]), sql.Composed([prune]),
        sql.Composed([max_cursor]) if max_cursor is not None else None,
    )  # fmt: skip


def _selected_columns(
    schema: str, table: SigmaTable, columns: Sequence[str] | None
) -> tuple[SigmaColumn, ...]:
    if columns is None:
        return table.columns
    by_name = {c.name: c for c in table.columns}
    unknown = [c for c in columns if c not in by_name]
    missing = [k for k in table.primary_key if k not in columns]
    if unknown or missing or len(set(columns)) != len(columns) or not columns:
        raise SigmaSchemaError(
            schema,
            table.pg_name,
            f"cannot load the columns {list(columns)}: unknown {unknown}, key columns "
            f"missing {missing}, or repeated",
        )
    return tuple(by_name[c] for c in columns)


async def load_csv(
    conn: AnyConnection,
    schema: str,
    table: SigmaTable,
    account_id: str,
    data: CsvData,
    *,
    columns: Sequence[str] | None = None,
    replace: bool = False,
) -> int:
    """Load one CSV with a header row into ``schema.table`` for ``account_id``, in one
    transaction; ``replace`` deletes the account's rows first. Returns the number of rows
    written. ``columns`` are the CSV's columns (Sigma names, in order; the header itself is
    skipped, not read), by default the catalogue's (see :func:`load_statements`).

    Two rows with the same key in one CSV raise :class:`DatabaseError` (nothing is written):
    keeping either silently could lose data.
    """
    statements = load_statements(schema, table, columns)
    params = {"account_id": account_id}
    try:
        async with conn.transaction():
            await conn.execute(query("sigma_utc", schema))
            await conn.execute(statements.create_staging)
            async with conn.cursor() as cur:
                async with cur.copy(statements.copy) as copy:
                    if isinstance(data, (bytes, str)):
                        await copy.write(data)
                    elif isinstance(data, AsyncIterable):
                        async for chunk in data:
                            await copy.write(chunk)
                    else:
                        for chunk in data:
                            await copy.write(chunk)
                if replace:
                    await cur.execute(statements.delete_account, params)
                await cur.execute(statements.merge, params)
                return cur.rowcount
    except psycopg.errors.CardinalityViolation as exc:
        raise DatabaseError(
            f"Sigma table {table.name}: the data has two rows with the same primary key "
            f"({', '.join(table.primary_key)}); nothing was written"
        ) from exc
    except psycopg.Error as exc:
        context = exc.diag.context if exc.diag is not None else None
        where = f" ({context.strip().splitlines()[0]})" if context else ""
        raise translate(exc, f"could not load Sigma table {table.name}", suffix=where) from exc
