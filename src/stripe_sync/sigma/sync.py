"""Sigma sync: copy Sigma's reporting tables into the ``sigma`` schema, resumable and incremental.

One run (a row of ``_sync_runs`` whose objects are ``sigma.<table>``) has a window per table,
planned, claimed and carried over like a backfill's (``sql/migrations/0001_baseline.sql``). A
window reads its table in pages of :data:`PAGE_ROWS` rows, one Sigma query run per page, and
each page is loaded (``COPY`` of the streamed CSV, then a merge by key) in the same transaction
as the window's cursor: the key of the last row loaded. A killed sync continues from there.

How a table is read:

- **first load** (no watermark yet, or no cursor column): keyset pagination on the primary key,
  ``WHERE (pk...) > (last...) ORDER BY pk LIMIT n``;
- **incremental** (after a complete first load, tables with a cursor column): the rows whose
  cursor column is at or after the watermark minus :data:`TRAILING_WINDOW` (Sigma data lands up
  to a day late), keyset on ``(cursor, pk...)``; with ``batch_timestamp``/``updated`` this finds
  changed rows too, with ``created``-like columns only new ones (see
  :attr:`SigmaTable.cursor_tracks_changes`);
- **full reload** (no primary key): the whole table in one query, replacing the account's rows
  in one transaction.

The watermark (the newest cursor value stored) is kept in ``_backfill_cursors`` under
``sigma.<table>``, set in the transaction of the page that completes a pass (with the prune of
a full re-read), so that no stop leaves a table complete without it. No Sigma subscription, or
a key without the permission, raises :class:`SigmaUnavailableError` once and stops the Sigma
part only.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import time
import uuid
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from psycopg import sql

from ..config import StripeSyncConfig
from ..errors import SigmaUnavailableError, StripeSyncError
from ..leases import claim_given_back_on_cancel, finish_despite_cancel, give_back_despite_cancel
from ..queries import query as query_named
from ..store import ClaimedWindow, Store
from .api import SigmaClient
from .catalog import SigmaTable
from .tables import ensure_tables, load_csv, load_statements

__all__ = ["PAGE_ROWS", "TRAILING_WINDOW", "SigmaResult", "SigmaSync", "SigmaTableResult"]

#: Rows per Sigma query run (one page, one transaction).
PAGE_ROWS = 100_000
#: Sigma data lands with a delay of up to a day: incremental reads start this far back.
TRAILING_WINDOW = timedelta(days=1)
#: Prefix of a Sigma table's name among a run's objects.
OBJECT_PREFIX = "sigma."

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SigmaTableResult:
    table: str
    #: ``first_load``, ``incremental`` or ``full_reload``.
    mode: str
    rows: int
    pages: int
    #: ``complete`` or ``error``.
    status: str
    error: str | None = None


@dataclass(frozen=True, slots=True)
class SigmaResult:
    run_id: int | None
    #: ``complete``, ``error`` (a table failed), or ``unavailable`` (no Sigma for this key).
    status: str
    tables: dict[str, SigmaTableResult]
    elapsed: float
    error: str | None = None


class SigmaSync:
    """Syncs catalogue tables for one account; see the module docstring."""

    def __init__(
        self,
        config: StripeSyncConfig,
        store: Store,
        sigma: SigmaClient,
        *,
        schema: str = "sigma",
        page_rows: int = PAGE_ROWS,
        lease_seconds: float = 300.0,
    ) -> None:
        self.config = config
        self._store = store
        self._sigma = sigma
        self.schema = schema
        self.page_rows = page_rows
        self.lease = timedelta(seconds=lease_seconds)
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    async def ensure(self, tables: Sequence[SigmaTable]) -> None:
        """Create or safely alter the tables in the Sigma schema."""
        async with self._store.connection() as conn:
            await ensure_tables(conn, self.schema, tables)

    async def sync(self, tables: Sequence[SigmaTable], account_id: str) -> SigmaResult:
        started = time.monotonic()
        await self.ensure(tables)
        by_object = {OBJECT_PREFIX + t.name: t for t in tables}
        run_id, _ = await self._store.backfill_plan(
            {
                "account_id": account_id,
                "objects": [
                    {"name": name, "created_filter": False, "kind": "list"} for name in by_object
                ],
                "created_gte": None,
                "created_lte": None,
                "floor": None,
                "lease": self.lease,
                "triggered_by": "sigma",
                "relist": False,
                "initial_windows": 1,
                # Sigma's runs and watermarks are not split by mode (see 0029_livemode.sql).
                "mode": "unknown",
            }
        )
        results: dict[str, SigmaTableResult] = {}
        try:
            while True:
                window = await claim_given_back_on_cancel(
                    self._store.backfill_claim(run_id, self.worker_id, self.lease, None),
                    self._give_back,
                )
                if window is None:
                    status, wait = await self._store.backfill_finish(run_id)
                    if status != "running":
                        break
                    # Another process holds a table: wait for it (or for its lease).
                    await _sleep(min(1.0, wait or 1.0))
                    continue
                table = by_object[window.object]
                try:
                    results[table.name] = await self._table(window, table, account_id, run_id)
                except asyncio.CancelledError:
                    # Given back, or a resumed sync would wait for the lease (minutes) to end.
                    await give_back_despite_cancel(self._give_back(window))
                    raise
        except SigmaUnavailableError as exc:
            _log.warning("Sigma is not available for %s: %s", account_id, exc)
            await self._store.backfill_finish(run_id)
            return SigmaResult(run_id, "unavailable", results, time.monotonic() - started, str(exc))
        failed = [r for r in results.values() if r.status != "complete"]
        return SigmaResult(
            run_id, "error" if failed else "complete", results, time.monotonic() - started
        )

    # -- one table ---------------------------------------------------------------------------

    async def _table(
        self, window: ClaimedWindow, table: SigmaTable, account_id: str, run_id: int
    ) -> SigmaTableResult:
        # Until the watermark says otherwise (what an error before it reports).
        mode = "full_reload" if not table.primary_key else "first_load"
        rows = pages = 0
        try:
            watermark = await self._store.sigma_watermark(account_id, window.object)
            if table.primary_key and watermark is not None and table.cursor_column is not None:
                mode = "incremental"
            cursor: list[Any] | None = json.loads(window.cursor) if window.cursor else None
            # A keyed table re-read in full from the start: rows it no longer has are removed
            # once the pass is complete (rows not written since the pass began).
            prune_before = (
                await self._store.now()
                if mode == "first_load" and table.cursor_column is None and cursor is None
                else None
            )
            while True:
                query = self._query(table, mode, cursor, watermark)
                loaded, cursor, more = await self._load_page(
                    window, table, account_id, query, mode, _Pass(run_id, prune_before)
                )
                rows += loaded
                pages += 1
                if not more:
                    break
        except _LeaseLost:
            _log.warning("Sigma table %s: its lease went to another worker", table.name)
            return SigmaTableResult(table.name, mode, rows, pages, "error", "lease lost")
        except SigmaUnavailableError as exc:
            await self._failed(window, str(exc))
            raise
        except StripeSyncError as exc:
            message = f"{type(exc).__name__}: {exc}"
            _log.warning("Sigma table %s failed: %s", table.name, message)
            await self._failed(window, message)
            return SigmaTableResult(table.name, mode, rows, pages, "error", message)
        except Exception as exc:
            # A bug: the table fails with it (as a backfill window does), rather than staying
            # claimed until its lease runs out; the other tables go on.
            message = f"{type(exc).__name__}: {exc}"
            _log.exception("Sigma table %s failed", table.name)
            await self._failed(window, message)
            return SigmaTableResult(table.name, mode, rows, pages, "error", message)
        return SigmaTableResult(table.name, mode, rows, pages, "complete")

    async def _failed(self, window: ClaimedWindow, message: str) -> None:
        """Record the table's failure on its window, even if a cancel comes meanwhile."""
        await finish_despite_cancel(
            self._store.backfill_release(window.id, self.worker_id, "error", message)
        )

    def _give_back(self, window: ClaimedWindow) -> Coroutine[Any, Any, None]:
        """Release ``window`` unfinished, for the next sync to claim at once."""
        return self._store.backfill_release(window.id, self.worker_id, "pending")

    def _query(
        self,
        table: SigmaTable,
        mode: str,
        cursor: list[Any] | None,
        watermark: datetime | None,
    ) -> str:
        """The Sigma SQL of the next page."""
        columns = ", ".join(_ident(c) for c in table.column_names)
        base = f"SELECT {columns} FROM {_ident(table.name)}"  # noqa: S608 - catalogue names
        if mode == "full_reload":
            return base
        order = list(table.primary_key)
        where: list[str] = []
        if mode == "incremental":
            assert table.cursor_column is not None
            assert watermark is not None
            order = [table.cursor_column, *order]
            since = watermark - TRAILING_WINDOW
            where.append(f"{_ident(table.cursor_column)} >= {_literal(since, 'timestamp')}")
        if cursor is not None:
            types = [table.column(c).sigma_type for c in order]
            left = ", ".join(_ident(c) for c in order)
            right = ", ".join(_literal(v, t) for v, t in zip(cursor, types, strict=True))
            where.append(f"({left}) > ({right})")
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        keys = ", ".join(_ident(c) for c in order)
        return f"{base}{clause} ORDER BY {keys} LIMIT {self.page_rows}"

    async def _load_page(
        self,
        window: ClaimedWindow,
        table: SigmaTable,
        account_id: str,
        query: str,
        mode: str,
        this_pass: _Pass,
    ) -> tuple[int, list[Any] | None, bool]:
        """Run ``query``, load its CSV and move the window's cursor, in one transaction; the
        last page's also ends the pass (:meth:`_end_pass`).

        Returns the rows loaded, the last row's key (the new cursor) and whether more pages
        follow.
        """
        stream = self._sigma.query_csv(query)
        async with self._store.connection() as conn, conn.transaction():
            loaded = await load_csv(
                conn, self.schema, table, account_id, stream, replace=mode == "full_reload"
            )
            last: list[Any] | None = None
            if table.primary_key and loaded:
                last = await self._last_key(conn, table, account_id, mode)
            more = mode != "full_reload" and loaded >= self.page_rows and last is not None
            cur = await conn.execute(
                query_named("sigma_checkpoint", self._store.schema),
                {
                    "window_id": window.id,
                    "worker": self.worker_id,
                    "cursor": json.dumps(last, default=str) if last is not None else None,
                    "rows": loaded,
                    "more": more,
                    "lease": self.lease,
                },
            )
            if await cur.fetchone() is None:
                raise _LeaseLost  # rolls the page back: the window's new owner loads it
            if not more:
                await self._end_pass(conn, table, account_id, window.object, this_pass)
            return loaded, last, more

    async def _end_pass(
        self, conn: Any, table: SigmaTable, account_id: str, object_name: str, this_pass: _Pass
    ) -> None:
        """Prune what a full pass did not see and set the next sync's watermark, in the
        transaction of the page that completes the table. (Set in a transaction of its own
        after that page, a stop between the two, Ctrl-C or a crash, left the table complete
        without a watermark, and the next sync read it all again.)"""
        statements = load_statements(self.schema, table)
        if this_pass.prune_before is not None:
            await conn.execute(
                statements.prune, {"account_id": account_id, "before": this_pass.prune_before}
            )
        if statements.max_cursor is None:
            return
        cur = await conn.execute(statements.max_cursor, {"account_id": account_id})
        row = await cur.fetchone()
        newest = row[0] if row else None
        if isinstance(newest, datetime):
            # Without one (an empty table) the next sync reads it all.
            await conn.execute(
                query_named("sigma_set_watermark", self._store.schema),
                {
                    "account_id": account_id,
                    "object": object_name,
                    "until": newest,
                    "run_id": this_pass.run_id,
                },
            )

    async def _last_key(
        self, conn: Any, table: SigmaTable, account_id: str, mode: str
    ) -> list[Any] | None:
        order = list(table.pg_primary_key)
        if mode == "incremental" and table.cursor_column is not None:
            order = [table.column(table.cursor_column).pg_name, *order]
        text = {c.pg_name: c.pg_type == "text" for c in table.columns}
        # The rows this transaction wrote carry its now(): the last of them in key order.
        statement = sql.SQL(
            "SELECT {keys} FROM {table} WHERE _account_id = %s AND _last_synced_at = now() "
            "ORDER BY {desc} LIMIT 1"
        ).format(
            keys=sql.SQL(", ").join(sql.Identifier(c) for c in order),
            table=sql.Identifier(self.schema, table.pg_name),
            # Sigma orders text by code point: so must the cursor, whatever the collation.
            desc=sql.SQL(", ").join(
                sql.SQL('{} COLLATE "C" DESC' if text[c] else "{} DESC").format(sql.Identifier(c))
                for c in order
            ),
        )
        cur = await conn.execute(statement, (account_id,))
        row = await cur.fetchone()
        return list(row) if row is not None else None


def _ident(name: str) -> str:
    """A Trino identifier (catalogue names: letters, digits, underscores)."""
    return '"' + name.replace('"', '""') + '"'


def _literal(value: Any, sigma_type: str) -> str:
    """A Trino literal of a key value read back from PostgreSQL."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        moment = value.astimezone(UTC).replace(tzinfo=None)
        return f"timestamp '{moment.isoformat(sep=' ', timespec='milliseconds')}'"
    if isinstance(value, int | float | Decimal) and not sigma_type.startswith("varchar"):
        return str(value)
    text = str(value).replace("'", "''")
    return f"'{text}'"


@dataclass(frozen=True, slots=True)
class _Pass:
    """A pass over one table: its run, and when a full re-read began (rows not written since
    are pruned at its end; None when nothing is pruned)."""

    run_id: int
    prune_before: datetime | None


class _LeaseLost(Exception):
    """The window's lease went to another worker before this page was committed."""


async def _sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)
