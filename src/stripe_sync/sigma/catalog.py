"""The catalogue of Stripe Sigma's reporting tables, and which of them to sync.

The catalogue is ``schema.json`` shipped next to this module: a copy of the schema Stripe
publishes for Sigma (``{"schema": [{"name": dataset, "tables": [{"name", "comment", "section",
"columns": [{"name", "type", "comment", "primary_key", "foreign_key"?}]}]}]}``). It is read once
and turned into frozen :class:`SigmaTable` rows; nothing here touches the network or a database.

Rules decided here, as data:

- **Types**: :func:`pg_type` maps Sigma's (Trino) types to PostgreSQL ones; decimals stay exact
  (``numeric(p,s)``), timestamps become ``timestamptz`` (Sigma's are UTC), nested types ``jsonb``,
  and a type it does not know ``text`` (logged once), so a new Sigma type never stops a sync.
- **Names**: PostgreSQL truncates identifiers at 63 bytes, and the catalogue has longer ones
  (30 columns and 4 table names), some of which would collide once cut. :func:`pg_identifier`
  keeps a name that fits and otherwise cuts it to 54 bytes plus ``_`` and 8 hex digits of its
  sha256: stable, unique, and the Sigma name is kept in the object's ``COMMENT``.
- **Primary keys**: the catalogue's, except the few it gets wrong (:data:`PRIMARY_KEY_FIXES`).
- **Cursor**: the timestamp column re-read for changes, by :data:`CURSOR_PREFERENCE`.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError, UnknownObjectError

__all__ = [
    "CURSOR_PREFERENCE",
    "DEFAULT_TABLES",
    "PG_IDENTIFIER_MAX_BYTES",
    "PRIMARY_KEY_FIXES",
    "SigmaColumn",
    "SigmaTable",
    "load_catalog",
    "pg_identifier",
    "pg_type",
    "resolve_tables",
]

_log = logging.getLogger(__name__)

PG_IDENTIFIER_MAX_BYTES = 63

#: Timestamp columns to read changes by, best first. ``batch_timestamp`` (303 tables) is when
#: Stripe's data pipeline processed the latest update of the row, so re-reading from it finds
#: changed rows as well as new ones; so do ``updated``/``updated_at``. The others only find new
#: rows: ``created``-like columns of objects, ``event_timestamp`` of (immutable) change events,
#: ``date`` of the daily exchange rates.
CURSOR_PREFERENCE: tuple[str, ...] = (
    "batch_timestamp",
    "updated",
    "updated_at",
    "created",
    "created_at",
    "event_timestamp",
    "date",
)
_CHANGE_TRACKING_CURSORS = frozenset({"batch_timestamp", "updated", "updated_at"})
_CURSOR_TYPES = frozenset({"timestamptz", "date"})

#: Primary keys the catalogue gets wrong, by table name. Each fix only makes the key finer
#: (adds columns), so the catalogue's key stays unique within the fixed one.
PRIMARY_KEY_FIXES: Mapping[str, tuple[str, ...]] = {
    # An invoice has many line items: keyed by invoice_id alone, an upsert would keep one line
    # per invoice. Line item ids of old API versions repeat across invoices, so keep invoice_id.
    "invoice_line_items": ("invoice_id", "id"),
    "connected_account_invoice_line_items": ("invoice_id", "id"),
    # Every other *_metadata table is keyed by (parent, key).
    "billing_credit_grant_metadata": ("credit_grant_id", "key"),
}

#: The tables ``--sigma`` syncs: the money trail (balance transactions and their fee breakdown,
#: charges, refunds, disputes, payment intents, transfers), the billing core (customers,
#: products, prices, subscriptions and their items, invoices and their lines, credit notes) and
#: two tables only Sigma has (MRR change events, daily exchange rates). All have a primary key;
#: all but the last two have ``batch_timestamp``, so changed rows are found too.
DEFAULT_TABLES: tuple[str, ...] = (
    "balance_transactions",
    "balance_transaction_fee_details",
    "charges",
    "refunds",
    "disputes",
    "payment_intents",
    "transfers",
    "customers",
    "products",
    "prices",
    "subscriptions",
    "subscription_items",
    "invoices",
    "invoice_line_items",
    "credit_notes",
    "subscription_item_change_events",
    "exchange_rates_from_usd",
)


@dataclass(frozen=True, slots=True)
class SigmaColumn:
    """One column of a Sigma table."""

    name: str  # Sigma's name: what a Sigma query selects
    sigma_type: str
    pg_type: str
    primary_key: bool
    comment: str
    pg_name: str = ""  # the PostgreSQL column name; "" = pg_identifier(name)

    def __post_init__(self) -> None:
        if not self.pg_name:
            object.__setattr__(self, "pg_name", pg_identifier(self.name))


@dataclass(frozen=True, slots=True)
class SigmaTable:
    """One Sigma table and how it is synced.

    ``primary_key`` holds Sigma column names in key order (empty: the table has none).
    ``cursor_column`` is the timestamp column re-read for new and changed rows, None when the
    table can only be re-read in full.
    """

    dataset: str
    name: str
    columns: tuple[SigmaColumn, ...]
    primary_key: tuple[str, ...]
    cursor_column: str | None
    comment: str
    pg_name: str = ""  # the PostgreSQL table name; "" = pg_identifier(name)

    def __post_init__(self) -> None:
        if not self.pg_name:
            object.__setattr__(self, "pg_name", pg_identifier(self.name))
        names = [c.name for c in self.columns]
        missing = [k for k in self.primary_key if k not in names]
        if missing or (self.cursor_column is not None and self.cursor_column not in names):
            raise ConfigError(
                f"Sigma table {self.name!r}: primary key {list(self.primary_key)} / cursor "
                f"{self.cursor_column!r} name columns it does not have"
            )

    @property
    def incremental(self) -> bool:
        """Rows can be upserted by key: the first load pages through the key, later loads
        merge what they read."""
        return bool(self.primary_key)

    @property
    def full_reload_only(self) -> bool:
        """Every sync re-reads the whole table: it has no key to merge by, or no timestamp
        column to find new rows by."""
        return not self.primary_key or self.cursor_column is None

    @property
    def cursor_tracks_changes(self) -> bool:
        """Re-reading from the cursor also finds rows changed since (not only new rows)."""
        return self.cursor_column in _CHANGE_TRACKING_CURSORS

    def column(self, name: str) -> SigmaColumn:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def column_names(self) -> tuple[str, ...]:
        """Sigma names in catalogue order: the select list, and the order of a loaded CSV."""
        return tuple(c.name for c in self.columns)

    @property
    def pg_primary_key(self) -> tuple[str, ...]:
        return tuple(self.column(k).pg_name for k in self.primary_key)


# -- types ---------------------------------------------------------------------------------

_SIMPLE_TYPES: Mapping[str, str] = {
    "varchar": "text",
    "char": "text",
    "varbinary": "bytea",
    "bigint": "bigint",
    "integer": "integer",
    "int": "integer",
    "smallint": "smallint",
    "tinyint": "smallint",
    "boolean": "boolean",
    "double": "double precision",
    "real": "real",
    "decimal": "numeric",
    "date": "date",
    "timestamp": "timestamptz",
    "timestamp with time zone": "timestamptz",
    "json": "jsonb",
}
_PARAMETERISED = re.compile(r"^([a-z ]+?)\s*\((.*)\)$", re.DOTALL)
_DECIMAL_ARGS = re.compile(r"^\s*(\d+)\s*(?:,\s*(\d+)\s*)?$")


def pg_type(sigma_type: str) -> str:
    """The PostgreSQL type of a column of Sigma type ``sigma_type``."""
    text = sigma_type.strip().lower()
    if text in _SIMPLE_TYPES:
        return _SIMPLE_TYPES[text]
    match = _PARAMETERISED.match(text)
    if match is not None:
        base, args = match.group(1).strip(), match.group(2)
        if base == "decimal":
            digits = _DECIMAL_ARGS.match(args)
            if digits is not None:
                precision, scale = int(digits.group(1)), int(digits.group(2) or 0)
                # PostgreSQL allows precision 1..1000; Trino's maximum is 38.
                if 1 <= precision <= 1000 and 0 <= scale <= precision:
                    return f"numeric({precision},{scale})"
        elif base in ("array", "map", "row"):
            return "jsonb"
        elif base in ("varchar", "char"):
            return "text"
        elif base in ("timestamp", "timestamp with time zone"):  # timestamp(3)
            return "timestamptz"
    _warn_unknown_type(sigma_type)
    return "text"


@functools.cache
def _warn_unknown_type(sigma_type: str) -> None:
    _log.warning(
        "unknown Sigma type %r; stored as text", sigma_type, extra={"sigma_type": sigma_type}
    )


def pg_identifier(name: str) -> str:
    """``name`` when it fits PostgreSQL's 63 bytes, else a stable unique abbreviation."""
    raw = name.encode("utf-8")
    if len(raw) <= PG_IDENTIFIER_MAX_BYTES:
        return name
    digest = hashlib.sha256(raw).hexdigest()[:8]
    head = raw[: PG_IDENTIFIER_MAX_BYTES - 9].decode("utf-8", errors="ignore")
    return f"{head}_{digest}"


# -- loading -------------------------------------------------------------------------------


def _cursor_column(columns: Sequence[SigmaColumn], primary_key: tuple[str, ...]) -> str | None:
    if not primary_key:
        return None
    by_name = {c.name: c for c in columns}
    for name in CURSOR_PREFERENCE:
        col = by_name.get(name)
        if col is not None and col.pg_type in _CURSOR_TYPES:
            return name
    return None


def _table(dataset: str, raw: Mapping[str, Any]) -> SigmaTable:
    name = str(raw["name"])
    columns = tuple(
        SigmaColumn(
            name=str(c["name"]),
            sigma_type=str(c["type"]),
            pg_type=pg_type(str(c["type"])),
            primary_key=bool(c.get("primary_key")),
            comment=str(c.get("comment") or ""),
        )
        for c in raw["columns"]
    )
    primary_key = PRIMARY_KEY_FIXES.get(name) or tuple(c.name for c in columns if c.primary_key)
    if name in PRIMARY_KEY_FIXES:
        columns = tuple(
            SigmaColumn(c.name, c.sigma_type, c.pg_type, c.name in primary_key, c.comment)
            for c in columns
        )
    return SigmaTable(
        dataset=dataset,
        name=name,
        columns=columns,
        primary_key=primary_key,
        cursor_column=_cursor_column(columns, primary_key),
        comment=str(raw.get("comment") or ""),
    )


def _check_unique(kind: str, names: Iterable[str], where: str) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ConfigError(f"the Sigma catalogue has two {kind} named {name!r} in {where}")
        seen.add(name)


@functools.cache
def _load(path: Path | None) -> tuple[SigmaTable, ...]:
    if path is None:
        text = (
            resources.files("stripe_sync.sigma").joinpath("schema.json").read_text(encoding="utf-8")
        )
    else:
        text = path.read_text(encoding="utf-8")
    try:
        tables = tuple(
            _table(str(dataset["name"]), table)
            for dataset in json.loads(text)["schema"]
            for table in dataset["tables"]
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"malformed Sigma catalogue {path or 'schema.json'}: {exc!r}") from exc
    # Table names are unique across datasets (so they key the catalogue), and so are their
    # PostgreSQL names, as are column names within a table.
    _check_unique("tables", (t.name for t in tables), "the catalogue")
    _check_unique("tables (PostgreSQL names)", (t.pg_name for t in tables), "the catalogue")
    for t in tables:
        _check_unique("columns", (c.name for c in t.columns), t.name)
        _check_unique("columns (PostgreSQL names)", (c.pg_name for c in t.columns), t.name)
    return tables


def load_catalog(path: Path | None = None) -> dict[str, SigmaTable]:
    """Every Sigma table by name, from ``path`` or the shipped ``schema.json`` (read once)."""
    return {t.name: t for t in _load(path)}


def resolve_tables(
    names: Sequence[str] | None, catalog: Mapping[str, SigmaTable] | None = None
) -> list[SigmaTable]:
    """The tables to sync: None or ``"default"`` is :data:`DEFAULT_TABLES`, ``"all"`` every
    table; items may also be comma-separated lists. Order is kept, repeats dropped.

    An unknown name raises :class:`UnknownObjectError` naming the closest known ones.
    """
    tables = load_catalog() if catalog is None else catalog
    wanted: list[str] = []
    for item in ["default"] if names is None else names:
        for part in item.split(","):
            name = part.strip()
            if name == "default":
                wanted.extend(DEFAULT_TABLES)
            elif name == "all":
                wanted.extend(tables)
            elif name:
                wanted.append(name)
    unknown = [n for n in wanted if n not in tables]
    if unknown:
        hints = {n: difflib.get_close_matches(n, list(tables), n=3) for n in unknown}
        detail = "; ".join(
            f"{n!r}" + (f" (did you mean {', '.join(h)}?)" if h else "") for n, h in hints.items()
        )
        raise UnknownObjectError(
            f"unknown Sigma table {detail}; `all`, `default` or one of the "
            f"{len(tables)} catalogue tables"
        )
    return [tables[n] for n in dict.fromkeys(wanted)]
