"""The fake of Stripe's query-run API (Sigma): ``/v2/data/query_runs`` over generated data.

Each account gets an in-memory sqlite database. A catalogue table (``stripe_sync/sigma/
schema.json``, or one declared with :meth:`SigmaFake.define`) is created and filled with
deterministic rows the first time a query names it: unique primary keys, some NULLs, strings with
commas, quotes, newlines and unicode, exact ``decimal(38,18)`` values, millisecond timestamps.

A query is the supported subset of Sigma's Trino SQL (``SELECT cols FROM t [WHERE ...]
[ORDER BY ...] [LIMIT n]``) after a small rewrite for sqlite (``timestamp '...'`` and
``decimal '...'`` literals become strings in the stored format; row-value comparisons such as
``(a, b) > (x, y)`` are native to sqlite). Runs answer ``running`` first, then ``succeeded``
with a CSV file behind a pre-signed ``download_url`` (``/_fake/sigma/files/...``, streamed,
valid :attr:`SigmaFake.url_ttl` seconds, refused when sent with an ``Authorization`` header as
S3 does), or with inline rows.

The CSV spells NULL as an empty unquoted field and quotes every other value (PostgreSQL
``COPY ... CSV`` reads it back exactly). Knobs for tests: :meth:`SigmaFake.fail_next`,
:meth:`SigmaFake.slow_next`, :meth:`SigmaFake.disable` (no Sigma: ``403
query_run_api_inaccessible``), ``fake.deny("POST /v2/data/query_runs")`` (a key without
``data_queries_read``), :attr:`SigmaFake.result_mode`; data: :meth:`SigmaFake.upsert`,
:meth:`SigmaFake.generate`, and :meth:`SigmaFake.rows` as the oracle.
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from importlib import resources
from typing import Any

from ..sigma.api import render_csv
from ..sigma.catalog import PRIMARY_KEY_FIXES
from .errors import FakeStripeError
from .ops import Ctx
from .routes import Route
from .state import Store

__all__ = ["ROUTES", "SigmaFake", "SigmaTable", "format_value", "load_catalog"]

_BY_STORE: weakref.WeakKeyDictionary[Store, SigmaFake] = weakref.WeakKeyDictionary()
_SQLITE_TYPES = {
    "varchar": "TEXT",
    "bigint": "INTEGER",
    "timestamp": "TEXT",
    "boolean": "INTEGER",
    "double": "REAL",
}
_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
#: Strings that break naive CSV handling, mixed into generated varchar columns.
NASTY_STRINGS = (
    "",
    " ",
    "plain",
    "comma, inside",
    'quote " inside',
    '""',
    "line\nbreak",
    "crlf\r\nbreak",
    "ünïcødé ✓ 日本語 🚀",
    "NULL",
    "\\N",
    "trailing space ",
    'a,"b",\nc',
)


@dataclass(frozen=True, slots=True)
class SigmaTable:
    """A catalogue table: ``columns`` as ``(name, type)`` pairs, ``primary_key`` column names."""

    name: str
    columns: tuple[tuple[str, str], ...]
    primary_key: tuple[str, ...]

    def type_of(self, column: str) -> str:
        return dict(self.columns).get(column, "varchar")


def load_catalog(source: Mapping[str, Any] | None = None) -> dict[str, SigmaTable]:
    """Tables by name from a parsed ``schema.json`` (default: the one shipped in the package)."""
    if source is None:
        text = resources.files("stripe_sync.sigma").joinpath("schema.json").read_text("utf-8")
        source = json.loads(text)
    tables: dict[str, SigmaTable] = {}
    for dataset in source["schema"]:
        for table in dataset["tables"]:
            columns = tuple((c["name"], c["type"]) for c in table["columns"])
            pk = tuple(c["name"] for c in table["columns"] if c.get("primary_key"))
            # The same corrected keys as the engine's catalogue (real rows are unique by them).
            pk = PRIMARY_KEY_FIXES.get(table["name"], pk)
            tables[table["name"]] = SigmaTable(table["name"], columns, pk)
    return tables


def _sqlite_type(type_: str) -> str:
    return _SQLITE_TYPES.get(type_, "TEXT")


def _timestamp(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S.") + f"{dt.microsecond // 1000:03d}"


def format_value(type_: str, value: Any) -> str | None:
    """A stored value as the CSV spells it (None for NULL)."""
    if value is None:
        return None
    if type_ == "boolean":
        return "true" if value else "false"
    if type_ == "double":
        return repr(float(value))
    if type_ == "bigint":
        return str(int(value))
    return str(value)


def _generate_value(table: SigmaTable, column: str, type_: str, i: int, rnd: random.Random) -> Any:
    if column in table.primary_key:
        # Every primary-key column is a function of the row number: the key is unique.
        if type_ == "bigint":
            return i + 1
        if type_ == "double":
            return i + 0.5
        if type_ == "boolean":
            return i % 2
        if type_ == "timestamp":
            return _timestamp(_EPOCH + timedelta(seconds=i))
        if type_.startswith("decimal"):
            return f"{i}.000000000000000001"
        return f"{column[:6]}_{i:08d}"
    if rnd.random() < 0.12:
        return None
    if type_ == "bigint":
        return rnd.choice((0, -1, 2**63 - 1, -(2**63), rnd.randint(-(10**12), 10**12)))
    if type_ == "double":
        return rnd.choice((0.1, -2.5e-7, 1e300, rnd.uniform(-1e6, 1e6)))
    if type_ == "boolean":
        return rnd.randint(0, 1)
    if type_ == "timestamp":
        return _timestamp(_EPOCH + timedelta(milliseconds=rnd.randint(0, 10**11)))
    if type_.startswith("decimal"):
        whole = rnd.randint(0, 10**19)
        frac = rnd.randint(0, 10**18 - 1)
        sign = "-" if rnd.random() < 0.2 else ""
        return f"{sign}{whole}.{frac:018d}"
    if rnd.random() < 0.5:
        return rnd.choice(NASTY_STRINGS)
    return f"{column}-{i}-{rnd.randint(0, 999)}"


_TS_LITERAL = re.compile(r"\btimestamp\s+'([^']*)'", re.IGNORECASE)
_DECIMAL_LITERAL = re.compile(r"\bdecimal\s+'([^']*)'", re.IGNORECASE)
_TABLE_REF = re.compile(r"\b(?:from|join)\s+\"?([A-Za-z_][A-Za-z0-9_]*)\"?", re.IGNORECASE)


def _invalid_sql(message: str) -> FakeStripeError:
    return FakeStripeError(400, message, code="query_run_invalid_sql", param="query.sql")


def _rewrite(sql: str) -> str:
    """Trino -> sqlite for the subset the sync uses."""

    def ts(match: re.Match[str]) -> str:
        try:
            value = datetime.fromisoformat(match.group(1))
        except ValueError:
            raise _invalid_sql(f"Value cannot be cast to timestamp: {match.group(1)}") from None
        return "'" + _timestamp(value) + "'"

    sql = _TS_LITERAL.sub(ts, sql)
    return _DECIMAL_LITERAL.sub(lambda m: f"'{Decimal(m.group(1))}'", sql)


class SigmaFake:
    """Query runs, their data and the knobs of one :class:`FakeStripe` (``fake.sigma``)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        _BY_STORE[store] = self
        #: Rows generated for a table on first use (see :meth:`generate` for one table).
        self.default_rows = 20
        #: Retrieves a run answers ``running`` before it finishes (``slow_next`` for one run).
        self.running_polls = 0
        #: ``"file"`` (pre-signed CSV), ``"inline"`` (rows in the run) or ``"both"``.
        self.result_mode = "file"
        #: Seconds a download URL stays valid (Stripe's are short-lived).
        self.url_ttl = 300
        #: Bytes per chunk of a streamed result file.
        self.chunk_size = 16 * 1024
        #: Base of download URLs; None: the host the API request came to.
        self.files_base: str | None = None
        #: Set by the app from each ``/v2/data`` request (the fake's own address).
        self.public_base = "http://fake-stripe"
        self._catalog: dict[str, SigmaTable] | None = None
        self._defined: dict[str, SigmaTable] = {}
        self._row_counts: dict[str, int] = {}
        self._dbs: dict[str, sqlite3.Connection] = {}
        self._created: set[tuple[str, str]] = set()
        self._fail: list[tuple[str, str]] = []
        self._slow: list[int] = []
        self._disabled: dict[str, str] = {}
        #: Run id -> run record (private fields start with ``_``).
        self.runs: dict[str, dict[str, Any]] = {}
        self._files: dict[str, bytes] = {}

    # -- catalogue and data ------------------------------------------------------------------

    @property
    def tables(self) -> dict[str, SigmaTable]:
        if self._catalog is None:
            self._catalog = load_catalog()
        return {**self._catalog, **self._defined}

    def define(
        self, name: str, columns: Sequence[tuple[str, str]], primary_key: Sequence[str] = ()
    ) -> SigmaTable:
        """Declare (or replace) a table outside the catalogue."""
        table = SigmaTable(name, tuple(columns), tuple(primary_key))
        self._defined[name] = table
        for key in [k for k in self._created if k[1] == name]:
            self._created.discard(key)
            self._db(key[0]).execute(f'DROP TABLE IF EXISTS "{name}"')
        return table

    def generate(self, table: str, count: int, *, account: str | None = None) -> None:
        """(Re)create ``table`` with ``count`` generated rows."""
        with self.store.lock:
            self._row_counts[table] = count
            acct = self._account(account)
            self._created.discard((acct, table))
            self._db(acct).execute(f'DROP TABLE IF EXISTS "{self._table(table).name}"')
            self._ensure(acct, table)

    def upsert(
        self, table: str, rows: Iterable[Mapping[str, Any]], *, account: str | None = None
    ) -> None:
        """Insert rows, replacing those with the same primary key (booleans as bool)."""
        with self.store.lock:
            acct = self._account(account)
            spec = self._ensure(acct, table)
            names = [c for c, _ in spec.columns]
            placeholders = ", ".join("?" for _ in names)
            quoted = ", ".join(f'"{c}"' for c in names)
            # Identifiers come from the catalogue (``[a-z_][a-z0-9_]*``); values are bound.
            statement = f'INSERT INTO "{spec.name}" ({quoted}) VALUES ({placeholders})'  # noqa: S608
            if spec.primary_key:
                pk = ", ".join(f'"{c}"' for c in spec.primary_key)
                sets = ", ".join(f'"{c}" = excluded."{c}"' for c in names)
                statement += f" ON CONFLICT ({pk}) DO UPDATE SET {sets}"
            db = self._db(acct)
            db.executemany(
                statement,
                ([_store_value(spec.type_of(c), row.get(c)) for c in names] for row in rows),
            )

    def rows(self, table: str, *, account: str | None = None) -> list[dict[str, str | None]]:
        """Every row of ``table`` as the CSV spells its values, ordered by primary key."""
        with self.store.lock:
            acct = self._account(account)
            spec = self._ensure(acct, table)
            order = ", ".join(f'"{c}"' for c in (spec.primary_key or [spec.columns[0][0]]))
            statement = f'SELECT * FROM "{spec.name}" ORDER BY {order}'  # noqa: S608
            cur = self._db(acct).execute(statement)
            return [
                {c: format_value(t, v) for (c, t), v in zip(spec.columns, row, strict=True)}
                for row in cur
            ]

    # -- knobs -------------------------------------------------------------------------------

    def fail_next(
        self, n: int = 1, reason: str = "Query execution failed", code: str = "internal_error"
    ) -> None:
        """The next ``n`` runs fail with ``reason`` / ``code``."""
        self._fail += [(reason, code)] * n

    def slow_next(self, n: int = 1, polls: int = 3) -> None:
        """The next ``n`` runs answer ``running`` to ``polls`` retrieves before finishing."""
        self._slow += [polls] * n

    def disable(self, account: str | None = None, message: str | None = None) -> None:
        """The account has no Sigma: creating a run answers 403 ``query_run_api_inaccessible``."""
        self._disabled[self._account(account)] = message or (
            "The query runs API is not accessible: Sigma is not enabled for this account"
        )

    def enable(self, account: str | None = None) -> None:
        self._disabled.pop(self._account(account), None)

    # -- the API -----------------------------------------------------------------------------

    def create_run(self, ctx: Ctx, params: dict[str, Any]) -> dict[str, Any]:
        account = ctx.state.id
        if account in self._disabled:
            raise FakeStripeError(403, self._disabled[account], code="query_run_api_inaccessible")
        query = params.get("query")
        sql = query.get("sql") if isinstance(query, dict) else None
        if not isinstance(sql, str) or not sql.strip():
            raise FakeStripeError(
                400,
                "Missing required param: query.sql.",
                code="parameter_missing",
                param="query.sql",
            )
        rewritten, columns = self._prepare(account, sql)
        run_id = ctx.new_id("qrun_")
        fail = self._fail.pop(0) if self._fail else None
        polls = self._slow.pop(0) if self._slow else self.running_polls
        now = datetime.fromtimestamp(self.store.clock(), UTC)
        record: dict[str, Any] = {
            "id": run_id,
            "object": "v2.data.query_run",
            "created": now.isoformat().replace("+00:00", "Z"),
            "dataset": "analytical",
            "format": "csv",
            "livemode": self.store.livemode,
            "query": {"sql": sql},
            "refreshed_at": now.isoformat().replace("+00:00", "Z"),
            "result": None,
            "status": "running",
            "status_details": {},
            "_account": account,
            "_sql": rewritten,
            "_columns": columns,
            "_fail": fail,
            "_polls": polls,
        }
        self.runs[run_id] = record
        return _public(record)

    def retrieve_run(self, ctx: Ctx, run_id: str, include: Sequence[str]) -> dict[str, Any]:
        record = self.runs.get(run_id)
        if record is None or record["_account"] != ctx.state.id:
            raise FakeStripeError(
                404, f"No such query_run: '{run_id}'", code="resource_missing", param="id"
            )
        if record["status"] == "running":
            if record["_polls"] > 0:
                record["_polls"] -= 1
            else:
                self._finish(record)
        public = _public(record)
        if record["status"] == "succeeded":
            public["result"] = self._result(record, "result.inline" in include)
        return public

    def open_file(
        self, file_id: str, token: str | None, expires: str | None, has_auth: bool
    ) -> Iterator[bytes]:
        """The chunks of a result file, if the pre-signed URL is valid."""
        data = self._files.get(file_id)
        if has_auth:
            raise FakeStripeError(400, "Only one auth mechanism allowed; the URL is already signed")
        if data is None or token != _sign(file_id, expires):
            raise FakeStripeError(403, "Request has invalid signature")
        if expires is None or self.store.clock() > float(expires):
            raise FakeStripeError(403, "Request has expired")
        size = self.chunk_size
        return (data[i : i + size] for i in range(0, len(data), size))

    # -- internals ---------------------------------------------------------------------------

    def _finish(self, record: dict[str, Any]) -> None:
        if record["_fail"] is not None:
            reason, code = record["_fail"]
            record["status"] = "failed"
            record["status_details"] = {"failed": {"error_code": code, "error_message": reason}}
            return
        db = self._db(record["_account"])
        cur = db.execute(record["_sql"])
        names = [d[0] for d in cur.description]
        types = [record["_columns"].get(n, "varchar") for n in names]
        rows = ([format_value(t, v) for t, v in zip(types, row, strict=True)] for row in cur)
        data = b"".join(render_csv(names, rows))
        file_id = "qrfile_" + self.store.ids.token(20)
        self._files[file_id] = data
        record["status"] = "succeeded"
        record["_file"] = file_id
        record["_names"] = names
        record["_types"] = types
        record["finalized_at"] = datetime.fromtimestamp(self.store.clock(), UTC).isoformat()

    def _result(self, record: dict[str, Any], want_inline: bool) -> dict[str, Any]:
        columns = [
            {"name": n, "type": t} for n, t in zip(record["_names"], record["_types"], strict=True)
        ]
        result: dict[str, Any] = {"col_count": str(len(columns))}
        mode = self.result_mode
        if mode in ("file", "both"):
            file_id = record["_file"]
            expires = f"{self.store.clock() + self.url_ttl:.3f}"
            base = (self.files_base or self.public_base).rstrip("/")
            url = f"{base}/_fake/sigma/files/{file_id}?expires={expires}&token="
            url += _sign(file_id, expires)
            result["type"] = "file"
            result["file"] = {
                "columns": columns,
                "content_type": "csv",
                "size": str(len(self._files[file_id])),
                "download_url": {
                    "url": url,
                    "expires_at": datetime.fromtimestamp(float(expires), UTC).isoformat(),
                },
            }
        if mode in ("inline", "both") or want_inline:
            result.setdefault("type", "inline")
            db = self._db(record["_account"])
            cur = db.execute(record["_sql"])
            types = record["_types"]
            result["inline"] = {
                "columns": columns,
                "rows": [[format_value(t, v) for t, v in zip(types, r, strict=True)] for r in cur],
            }
        return result

    def _prepare(self, account: str, sql: str) -> tuple[str, dict[str, str]]:
        if not re.match(r"\s*select\b", sql, re.IGNORECASE) or ";" in sql.strip().rstrip(";"):
            raise _invalid_sql("Only a single SELECT statement can be run")
        columns: dict[str, str] = {}
        tables = self.tables
        for name in _TABLE_REF.findall(sql):
            if name not in tables:
                raise _invalid_sql(f"line 1: Table '{name}' does not exist")
            spec = self._ensure(account, name)
            columns.update(dict(spec.columns))
        rewritten = _rewrite(sql.strip().rstrip(";"))
        try:
            self._db(account).execute("EXPLAIN " + rewritten)
        except sqlite3.Error as exc:
            raise _invalid_sql(f"Invalid SQL: {exc}") from None
        return rewritten, columns

    def _account(self, account: str | None) -> str:
        return account or self.store.platform_id

    def _table(self, name: str) -> SigmaTable:
        try:
            return self.tables[name]
        except KeyError:
            raise KeyError(f"no Sigma table {name!r} in the catalogue") from None

    def _db(self, account: str) -> sqlite3.Connection:
        db = self._dbs.get(account)
        if db is None:
            db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            self._dbs[account] = db
        return db

    def _ensure(self, account: str, name: str) -> SigmaTable:
        spec = self._table(name)
        if (account, name) in self._created:
            return spec
        cols = ", ".join(f'"{c}" {_sqlite_type(t)}' for c, t in spec.columns)
        if spec.primary_key:
            cols += ", PRIMARY KEY (" + ", ".join(f'"{c}"' for c in spec.primary_key) + ")"
        db = self._db(account)
        db.execute(f'CREATE TABLE "{name}" ({cols})')
        rnd = random.Random(f"{account}:{name}")
        count = self._row_counts.get(name, self.default_rows)
        placeholders = ", ".join("?" for _ in spec.columns)
        db.executemany(
            f'INSERT OR IGNORE INTO "{name}" VALUES ({placeholders})',  # noqa: S608
            ([_generate_value(spec, c, t, i, rnd) for c, t in spec.columns] for i in range(count)),
        )
        self._created.add((account, name))
        return spec


def _store_value(type_: str, value: Any) -> Any:
    if value is None:
        return None
    if type_ == "boolean":
        return int(bool(value))
    if type_ == "timestamp" and isinstance(value, datetime):
        return _timestamp(value)
    if type_.startswith("decimal"):
        return str(value)
    return value


def _sign(file_id: str, expires: str | None) -> str:
    import hashlib

    return hashlib.sha256(f"fake-sigma:{file_id}:{expires}".encode()).hexdigest()[:32]


def _public(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if not k.startswith("_")}


def _sigma(ctx: Ctx) -> SigmaFake:
    return _BY_STORE[ctx.store]


def _create(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    return _sigma(ctx).create_run(ctx, params)


def _retrieve(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    include = params.get("include") or []
    return _sigma(ctx).retrieve_run(
        ctx, args["id"], [include] if isinstance(include, str) else list(include)
    )


ROUTES = [
    Route("POST", "/v2/data/query_runs", _create),
    Route("GET", "/v2/data/query_runs/{id}", _retrieve),
]
