"""The PostgreSQL boundary: every call the engine makes to the database goes through here.

:class:`Store` owns one ``psycopg_pool.AsyncConnectionPool`` (autocommit connections: each call
is one statement, and the SQL functions it calls are atomic) and sends fixed, named statements
from ``sql/queries/store.sql``. The sync rules themselves live in the SQL functions installed by
the migrations (``_apply_changes``, ``_backfill_page`` ...); this module only moves data in and
out.

Driver errors are translated here: a connection that cannot be made, a server that restarts or a
pool that stays exhausted becomes :class:`DatabaseUnavailableError` (transient); anything else
:class:`DatabaseError`. A statement that fails because its connection broke (the server
restarted since the connection was pooled) is sent once more on a fresh connection, after the
pool has checked and dropped its other broken connections: every
statement here is idempotent, so sending it twice cannot write twice.
"""

from __future__ import annotations

import contextlib
import copy
import logging
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

import psycopg
import psycopg_pool
from psycopg import sql
from psycopg.rows import TupleRow
from psycopg.types.json import Jsonb

from .. import jsoncodec
from ..changes import Change
from ..config import StripeSyncConfig
from ..errors import DatabaseError, DatabaseUnavailableError
from ..queries import query

__all__ = [
    "MANAGED_WEBHOOK_COLUMNS",
    "VERIFY_RUN_COLUMNS",
    "AppliedChange",
    "ClaimedWindow",
    "CommittedPage",
    "ObjectProgressRow",
    "Store",
]

_log = logging.getLogger(__name__)
T = TypeVar("T")

#: The columns of ``_managed_webhooks``, in the order its statements return them.
MANAGED_WEBHOOK_COLUMNS = (
    "id",
    "url",
    "account_id",
    "secret",
    "enabled_events",
    "status",
    "api_version",
    "description",
    "metadata",
    "installation_id",
    "created_at",
    "updated_at",
)

#: The columns of the ``verify_runs`` view, in the order ``verify_runs`` returns them.
VERIFY_RUN_COLUMNS = (
    "run_id", "account_id", "started_at", "finished_at", "status", "since", "until", "repair",
    "check_type", "object", "checked", "missing", "extra", "stale", "repaired", "remaining",
    "windows_listed", "windows_skipped", "sample", "note", "error", "error_message",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class AppliedChange:
    """What ``_apply_changes`` answered for one change."""

    #: written, unchanged, stale, ambiguous, tombstoned, deleted, replaced, skipped, duplicate.
    outcome: str
    #: ``(table, id)`` of referenced objects that have no row.
    missing_refs: tuple[tuple[str, str], ...]
    #: The database clock after the write: the version of a re-fetch that starts now.
    seen_at: datetime


@dataclass(frozen=True, slots=True)
class ClaimedWindow:
    """A backfill window this worker holds a lease on (a row of ``_sync_obj_runs``)."""

    id: int
    object: str
    #: ``list``, ``parents`` or ``children`` (see ``sql/migrations/0006_backfill.sql``).
    kind: str
    created_gte: datetime | None
    created_lt: datetime | None
    parent_ids: tuple[str, ...]
    cursor: str | None
    cursor_created: datetime | None
    #: Failures of this window given back to be retried so far (in this run).
    failures: int
    #: The database clock at the claim: the version of the first page fetched now.
    version: datetime
    #: Who holds the lease (``claimed_by``): one asyncio worker of one process.
    worker: str


@dataclass(frozen=True, slots=True)
class CommittedPage:
    """What ``_backfill_page`` answered."""

    #: ``running`` (more pages), ``complete``, or ``lost`` (the lease went to another worker).
    status: str
    #: Ids whose write was a same-second tie with an event: to be re-fetched.
    ambiguous: tuple[str, ...]
    #: Set when the window was split: the older part became a new window.
    split_at: datetime | None
    #: The database clock after the commit: the version of the next page fetched now.
    next_version: datetime


@dataclass(frozen=True, slots=True)
class ObjectProgressRow:
    """One object of a run, from ``backfill_progress``."""

    object: str
    processed: int
    windows: int
    complete: int
    errors: int
    running: int
    #: Seconds of ``created`` range planned, and still to list (None when unbounded).
    span_seconds: float | None
    remaining_seconds: float | None
    unbounded: bool
    last_errors: tuple[str, ...]
    #: Objects listed per parent: the parents found so far (None for other objects), those
    #: whose objects are listed, and whether parents are still being listed.
    parents: int | None = None
    parents_done: int = 0
    listing_parents: bool = False


class Store:
    """Async access to the sync schema through a connection pool. ``await open()`` first."""

    def __init__(self, config: StripeSyncConfig, database_url: str) -> None:
        self.schema = config.schema
        pool = config.pool_config
        self._url = database_url
        self._connection_kwargs = pool.connection_kwargs()
        self._pool: psycopg_pool.AsyncConnectionPool[psycopg.AsyncConnection[TupleRow]] = (
            psycopg_pool.AsyncConnectionPool(
                database_url,
                kwargs={**pool.connection_kwargs(), "autocommit": True},
                min_size=pool.min_size,
                max_size=pool.max_size,
                max_idle=pool.max_idle_seconds,
                timeout=pool.connect_timeout_seconds,
                name="stripe-sync",
                open=False,
            )
        )
        #: Set only on the views made by :meth:`locked`: the connection of their transaction.
        self._conn: psycopg.AsyncConnection[TupleRow] | None = None

    async def open(self) -> None:
        """Open the pool; it connects in the background, so a database that is down now only
        fails the calls that need it (with :class:`DatabaseUnavailableError`)."""
        await self._pool.open(wait=False)

    async def close(self) -> None:
        await self._pool.close()

    # -- the write path --------------------------------------------------------------------

    async def apply_changes(self, changes: Sequence[Change]) -> list[AppliedChange]:
        """Apply ``changes`` in one call of ``_apply_changes`` and one commit; one result each,
        in order. A group that lost a deadlock or serialization race is sent again (it was
        rolled back whole, so nothing of it was written)."""
        payload = _group_json(changes)
        for attempt in range(1, _ROLLBACK_RETRIES + 1):
            try:
                rows = await self._fetchall(query("apply_changes", self.schema), (payload,))
                break
            except DatabaseUnavailableError as exc:
                if attempt == _ROLLBACK_RETRIES or not _rolled_back(exc):
                    raise
                _log.info("write group rolled back (%s); sending it again", exc)
        if len(rows) != len(changes):  # pragma: no cover - the function answers each change
            raise DatabaseError(f"_apply_changes answered {len(rows)} of {len(changes)} changes")
        return [
            AppliedChange(
                outcome=outcome,
                missing_refs=tuple((str(t), str(i)) for t, i in missing or ()),
                seen_at=seen_at,
            )
            for _ord, outcome, missing, seen_at in rows
        ]

    # -- read-after-write (wait.py) -------------------------------------------------------------

    async def synced(
        self,
        table: str | None,
        object_id: str,
        *,
        event_id: str | None = None,
        version: datetime | None = None,
        state: Mapping[str, Any] | None = None,
    ) -> bool:
        """Whether the mirror holds the object at least at that version (``_synced``)."""
        row = await self._fetchone(
            query("synced", self.schema),
            {
                "table": table,
                "id": object_id,
                "event_id": event_id,
                "version": version,
                "state": _jsonb(state) if state is not None else None,
            },
        )
        return bool(row and row[0])

    async def listener(self) -> psycopg.AsyncConnection[TupleRow]:
        """A connection of its own (autocommit, outside the pool) registered as a listener for
        writes; LISTEN on the channel that :meth:`register_listener` answers."""
        try:
            return await psycopg.AsyncConnection.connect(
                self._url, autocommit=True, **self._connection_kwargs
            )
        except psycopg.OperationalError as exc:
            raise DatabaseUnavailableError(f"database unavailable: {_first_line(exc)}") from exc

    # -- webhooks and accounts ---------------------------------------------------------------

    async def managed_webhook_secrets(self) -> list[str]:
        rows = await self._fetchall(query("managed_webhook_secrets", self.schema), ())
        return [r[0] for r in rows]

    async def account_for_key(self, key_hash: str) -> str | None:
        row = await self._fetchone(query("account_for_key", self.schema), (key_hash,))
        return str(row[0]) if row else None

    async def upsert_account(self, account: Mapping[str, Any], key_hash: str | None) -> None:
        await self._fetchone(
            query("upsert_account", self.schema),
            {"id": account["id"], "raw": _jsonb(dict(account)), "key_hash": key_hash},
            returns=False,
        )

    async def ping(self) -> None:
        await self._fetchone(query("ping", self.schema), ())

    # -- managed webhooks --------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def locked(self, key: int) -> AsyncIterator[Store]:
        """A view of this store whose statements all run in one transaction on one connection,
        which first takes the transaction-level advisory lock ``key``.

        The lock is released when the transaction ends (commit, or rollback when the block
        raises), so it also works behind a transaction-pooling PgBouncer, where a session lock
        could outlive its user. Statements of the view are not retried: a transaction cannot
        be resumed on another connection.
        """
        try:
            async with self._pool.connection() as conn, conn.transaction():
                view = copy.copy(self)
                view._conn = conn
                await view._fetchone(query("managed_webhook_lock", self.schema), (key,))
                yield view
        except psycopg_pool.PoolTimeout as exc:
            raise DatabaseUnavailableError(
                f"no database connection within {self._pool.timeout:g} s "
                "(the server is down or the pool is exhausted)"
            ) from exc
        except psycopg.OperationalError as exc:
            raise DatabaseUnavailableError(f"database unavailable: {_first_line(exc)}") from exc
        except psycopg.Error as exc:
            raise DatabaseError(f"database error: {_first_line(exc)}") from exc

    async def installation_id(self) -> str:
        row = await self._fetchone(query("installation_id", self.schema), ())
        if row is None:
            raise DatabaseError("the _installation table is empty; run the migrations again")
        return str(row[0])

    async def managed_webhooks(self, account_id: str) -> list[dict[str, Any]]:
        rows = await self._fetchall(
            query("managed_webhooks_of_account", self.schema), (account_id,)
        )
        return [_webhook_row(r) for r in rows]

    async def managed_webhook(self, webhook_id: str) -> dict[str, Any] | None:
        row = await self._fetchone(query("managed_webhook_by_id", self.schema), (webhook_id,))
        return _webhook_row(row) if row else None

    async def managed_webhook_for_url(self, url: str, account_id: str) -> dict[str, Any] | None:
        row = await self._fetchone(query("managed_webhook_by_url", self.schema), (url, account_id))
        return _webhook_row(row) if row else None

    async def managed_webhook_ids(self) -> set[str]:
        rows = await self._fetchall(query("managed_webhook_ids", self.schema), ())
        return {str(r[0]) for r in rows}

    async def insert_managed_webhook(self, row: Mapping[str, Any]) -> dict[str, Any]:
        params = {**row, "metadata": _jsonb(dict(row["metadata"]))}
        stored = await self._fetchone(query("insert_managed_webhook", self.schema), params)
        if stored is None:  # pragma: no cover - INSERT ... RETURNING always returns the row
            raise DatabaseError("insert_managed_webhook returned no row")
        return _webhook_row(stored)

    async def update_managed_webhook(self, row: Mapping[str, Any]) -> dict[str, Any] | None:
        params = {**row, "metadata": _jsonb(dict(row["metadata"]))}
        stored = await self._fetchone(query("update_managed_webhook", self.schema), params)
        return _webhook_row(stored) if stored else None

    async def webhook_user_seen(self, webhook_id: str, instance: str) -> None:
        await self._fetchone(
            query("webhook_user_seen", self.schema),
            {"webhook_id": webhook_id, "instance": instance},
            returns=False,
        )

    async def webhook_user_gone(self, webhook_id: str, instance: str, grace: timedelta) -> int:
        """Unregister ``instance``; how many other instances still use the endpoint."""
        row = await self._fetchone(
            query("webhook_user_gone", self.schema),
            {"webhook_id": webhook_id, "instance": instance, "grace": grace},
        )
        return int(row[0]) if row else 0

    async def delete_managed_webhook(self, webhook_id: str) -> bool:
        row = await self._fetchone(query("delete_managed_webhook", self.schema), (webhook_id,))
        return row is not None

    # -- backfill ------------------------------------------------------------------------------

    async def backfill_plan(self, params: Mapping[str, Any]) -> tuple[int, bool]:
        row = await self._fetchone(
            query("backfill_plan", self.schema), {**params, "objects": _jsonb(params["objects"])}
        )
        if row is None:  # pragma: no cover - the function always returns one row
            raise DatabaseError("_backfill_plan returned no row")
        return int(row[0]), bool(row[1])

    async def backfill_claim(
        self, run_id: int, worker: str, lease: timedelta, objects: Sequence[str] | None
    ) -> ClaimedWindow | None:
        params = {
            "run_id": run_id,
            "worker": worker,
            "lease": lease,
            "objects": list(objects) if objects is not None else None,
        }
        row = await self._fetchone(query("backfill_claim", self.schema), params)
        if row is None:
            return None
        wid, obj, kind, gte, lt, parent_ids, cursor, cursor_created, failures, version = row
        return ClaimedWindow(
            wid,
            obj,
            kind,
            gte,
            lt,
            tuple(parent_ids or ()),
            cursor,
            cursor_created,
            failures,
            version,
            worker,
        )

    async def backfill_page(self, params: Mapping[str, Any]) -> CommittedPage:
        row = await self._fetchone(
            query("backfill_page", self.schema),
            {
                **params,
                "objects": _jsonb_objects(params["objects"]),
                "children": _jsonb([c.as_json() for c in params["children"]]),
            },
        )
        if row is None:  # pragma: no cover - the function always returns one row
            raise DatabaseError("_backfill_page returned no row")
        status, ambiguous, split_at, next_version = row
        return CommittedPage(status, tuple(ambiguous or ()), split_at, next_version)

    async def backfill_release(
        self, window_id: int, worker: str, status: str, error: str | None = None
    ) -> None:
        params = {"window_id": window_id, "worker": worker, "status": status, "error": error}
        await self._fetchone(query("backfill_release", self.schema), params)

    async def backfill_holders(self, run_id: int) -> list[tuple[str, datetime]]:
        """``(worker, lease end)`` of each holder of a live lease in run ``run_id``."""
        rows = await self._fetchall(query("backfill_holders", self.schema), {"run_id": run_id})
        return [(str(worker), until) for worker, until in rows]

    async def backfill_expire_holders(self, run_id: int, holders: Sequence[str]) -> None:
        """Give back the windows that ``holders`` (known dead) lease in run ``run_id``."""
        params = {"run_id": run_id, "holders": list(holders)}
        await self._fetchone(query("backfill_expire_holders", self.schema), params, returns=False)

    async def backfill_finish(self, run_id: int) -> tuple[str, float | None]:
        row = await self._fetchone(query("backfill_finish", self.schema), (run_id,))
        if row is None:  # pragma: no cover - the run exists while it is worked on
            raise DatabaseError(f"sync run {run_id} not found")
        return str(row[0]), row[1]

    async def backfill_progress(self, run_id: int) -> list[ObjectProgressRow]:
        rows = await self._fetchall(query("backfill_progress", self.schema), (run_id,))
        return [
            ObjectProgressRow(
                object=r[0],
                processed=int(r[1]),
                windows=int(r[2]),
                complete=int(r[3]),
                errors=int(r[4]),
                running=int(r[5]),
                span_seconds=float(r[6]) if r[6] is not None else None,
                remaining_seconds=float(r[7]) if r[7] is not None else None,
                unbounded=bool(r[8]),
                last_errors=tuple(r[9] or ()),
                parents=int(r[10]) if r[10] is not None else None,
                parents_done=int(r[11]),
                listing_parents=bool(r[12]),
            )
            for r in rows
        ]

    async def account_created(self, account_id: str) -> tuple[bool, datetime | None]:
        """``(known, created)`` of a stored account."""
        row = await self._fetchone(query("account_created", self.schema), (account_id,))
        return (row is not None, row[0] if row is not None else None)

    async def backfill_cursors(
        self, account_id: str, objects: Sequence[str]
    ) -> dict[str, datetime]:
        """Per object, the end of the range its incremental backfills have listed."""
        rows = await self._fetchall(
            query("backfill_cursors", self.schema),
            {"account_id": account_id, "objects": list(objects)},
        )
        return {str(r[0]): r[1] for r in rows}

    async def backfill_run(self, run_id: int) -> dict[str, Any] | None:
        row = await self._fetchone(query("backfill_run", self.schema), (run_id,))
        if row is None:
            return None
        keys = ("id", "account_id", "status", "started_at", "closed_at", "objects", "error")
        return dict(zip(keys, row, strict=True))

    async def recent_runs(self, account_id: str | None, limit: int) -> list[dict[str, Any]]:
        rows = await self._fetchall(
            query("recent_runs", self.schema), {"account_id": account_id, "limit": limit}
        )
        keys = (
            "run_id", "account_id", "started_at", "closed_at", "status", "total_processed",
            "complete_windows", "error_windows", "running_windows", "pending_windows",
            "objects", "error",
        )  # fmt: skip
        return [dict(zip(keys, r, strict=True)) for r in rows]

    async def sync_lag(self, account_id: str | None) -> list[dict[str, Any]]:
        rows = await self._fetchall(query("sync_lag", self.schema), {"account_id": account_id})
        keys = (
            "account_id", "object", "last_event_created", "seconds_behind",
            "last_backfill_completed_at", "backfill_running", "failing_windows", "last_error",
        )  # fmt: skip
        return [dict(zip(keys, r, strict=True)) for r in rows]

    @contextlib.asynccontextmanager
    async def connection(self) -> AsyncIterator[psycopg.AsyncConnection[TupleRow]]:
        """A pooled connection (autocommit) for work that needs one: ``COPY`` of Sigma data
        and its transaction. Driver errors are translated like every other call's."""
        try:
            async with self._pool.connection() as conn:
                yield conn
        except psycopg_pool.PoolTimeout as exc:
            raise DatabaseUnavailableError(
                f"no database connection within {self._pool.timeout:g} s "
                "(the server is down or the pool is exhausted)"
            ) from exc
        except psycopg.OperationalError as exc:
            raise DatabaseUnavailableError(f"database unavailable: {_first_line(exc)}") from exc
        except psycopg.Error as exc:
            raise DatabaseError(f"database error: {_first_line(exc)}") from exc

    async def now(self) -> datetime:
        """The database clock."""
        row = await self._fetchone(query("db_now", self.schema), ())
        assert row is not None  # SELECT always returns a row
        return row[0]  # type: ignore[no-any-return]

    async def sigma_watermark(self, account_id: str, object_name: str) -> datetime | None:
        row = await self._fetchone(query("sigma_watermark", self.schema), (account_id, object_name))
        return row[0] if row else None

    async def sigma_set_watermark(
        self, account_id: str, object_name: str, until: datetime, run_id: int
    ) -> None:
        await self._fetchone(
            query("sigma_set_watermark", self.schema),
            {"account_id": account_id, "object": object_name, "until": until, "run_id": run_id},
            returns=False,
        )

    async def latest_object_progress(self) -> list[dict[str, Any]]:
        rows = await self._fetchall(query("latest_object_progress", self.schema), ())
        keys = (
            "object", "run_id", "status", "processed", "windows", "complete_windows",
            "error_windows", "running_windows", "pending_windows", "last_error",
        )  # fmt: skip
        return [dict(zip(keys, r, strict=True)) for r in rows]

    async def run_objects(self, run_id: int) -> list[dict[str, Any]]:
        rows = await self._fetchall(query("run_objects", self.schema), (run_id,))
        keys = (
            "object", "status", "processed", "windows", "complete_windows", "error_windows",
            "running_windows", "pending_windows", "last_error",
        )  # fmt: skip
        return [dict(zip(keys, r, strict=True)) for r in rows]

    # -- plumbing ------------------------------------------------------------------------------

    async def _fetchone(
        self,
        statement: sql.Composed,
        params: Sequence[Any] | Mapping[str, Any],
        *,
        returns: bool = True,
    ) -> tuple[Any, ...] | None:
        rows = await self._run(statement, params, returns)
        return rows[0] if rows else None

    async def _fetchall(
        self, statement: sql.Composed, params: Sequence[Any] | Mapping[str, Any]
    ) -> list[tuple[Any, ...]]:
        return await self._run(statement, params, True)

    async def _run(
        self, statement: sql.Composed, params: Sequence[Any] | Mapping[str, Any], returns: bool
    ) -> list[tuple[Any, ...]]:
        if self._conn is not None:
            # A view made by locked(): its transaction's errors are translated there.
            cur = await self._conn.execute(statement, params)
            return list(await cur.fetchall()) if returns else []
        for attempt in (1, 2):
            try:
                async with self._pool.connection() as conn:
                    cur = await conn.execute(statement, params)
                    return list(await cur.fetchall()) if returns else []
            except psycopg_pool.PoolTimeout as exc:
                raise DatabaseUnavailableError(
                    f"no database connection within {self._pool.timeout:g} s "
                    "(the server is down or the pool is exhausted)"
                ) from exc
            except psycopg.OperationalError as exc:
                # The pool hands out connections that broke while idle (a server restart);
                # one more try gets a fresh one. The statements are idempotent.
                if attempt == 1 and _connection_lost(exc):
                    # Every idle connection is likely broken the same way: drop those before
                    # trying once more, or the retry would just get the next broken one.
                    _log.info("database connection lost (%s); retrying once", _first_line(exc))
                    await self._pool.check()
                    continue
                raise DatabaseUnavailableError(f"database unavailable: {_first_line(exc)}") from exc
            except psycopg.Error as exc:
                raise DatabaseError(f"database error: {_first_line(exc)}") from exc
        raise AssertionError("unreachable")  # pragma: no cover

    # -- event cursors ---------------------------------------------------------------------------

    async def event_cursor(self, account_id: str) -> tuple[str | None, datetime] | None:
        """``(last_event_id, last_event_created)`` of the Events API poller, None before the
        first pass (see :mod:`stripe_sync.poller`)."""
        row = await self._fetchone(query("event_cursor", self.schema), (account_id,))
        return (row[0], row[1]) if row else None

    async def save_event_cursor(
        self, account_id: str, event_id: str | None, created: datetime
    ) -> None:
        """Store the poller's position; a position older than the stored one is ignored."""
        params = {"account_id": account_id, "event_id": event_id, "created": created}
        await self._fetchone(query("save_event_cursor", self.schema), params, returns=False)

    async def handled_event_ids(self, event_ids: Sequence[str]) -> set[str]:
        """The ids among ``event_ids`` applied before (``_processed_events``) or stored as dead
        letters."""
        if not event_ids:
            return set()
        rows = await self._fetchall(
            query("handled_event_ids", self.schema), {"ids": list(event_ids)}
        )
        return {str(r[0]) for r in rows}

    # -- dead letters ---------------------------------------------------------------------------
    # Rows come back as tuples in the order of dead_letters.DEAD_LETTER_COLUMNS.

    async def record_dead_letter(self, row: Mapping[str, Any]) -> int:
        """Store (or count one more failure of) a dead letter; returns its attempts."""
        params = {**row, "payload": _jsonb(row["payload"])}
        stored = await self._fetchone(query("record_dead_letter", self.schema), params)
        if stored is None:  # pragma: no cover - INSERT ... RETURNING always returns the row
            raise DatabaseError("record_dead_letter returned no row")
        return int(stored[0])

    async def dead_letters(self, *, limit: int, include_resolved: bool) -> list[tuple[Any, ...]]:
        params = {"limit": limit, "include_resolved": include_resolved}
        return await self._fetchall(query("list_dead_letters", self.schema), params)

    async def unresolved_dead_letters(self) -> list[tuple[Any, ...]]:
        return await self._fetchall(query("unresolved_dead_letters", self.schema), ())

    async def dead_letters_by_id(self, event_ids: Sequence[str]) -> list[tuple[Any, ...]]:
        params = {"event_ids": list(event_ids)}
        return await self._fetchall(query("dead_letters_by_id", self.schema), params)

    async def resolve_dead_letter(self, event_id: str) -> None:
        params = {"event_id": event_id}
        await self._fetchone(query("resolve_dead_letter", self.schema), params, returns=False)

    # -- accounts management -----------------------------------------------------------------

    async def synced_accounts(self) -> list[dict[str, Any]]:
        """Every account with a row anywhere (``_account_ids``), with what is known of it."""
        rows = await self._fetchall(query("synced_accounts", self.schema), ())
        keys = (
            "id", "business_name", "email", "type", "country", "created", "has_api_key",
            "last_event_created", "last_backfill_at", "last_synced_at", "managed_webhooks",
            "tables",
        )  # fmt: skip
        return [dict(zip(keys, r, strict=True)) for r in rows]

    async def delete_account_data(self, account_id: str, dry_run: bool) -> dict[str, int]:
        """Rows of the account per table, deleted in one transaction unless ``dry_run``."""
        rows = await self._fetchall(
            query("delete_account_data", self.schema),
            {"account_id": account_id, "dry_run": dry_run},
        )
        return {str(table): int(n) for table, n in rows}

    # -- verify ----------------------------------------------------------------------------------

    async def verify_start(self, params: Mapping[str, Any]) -> int:
        """Open a verify run (a row of ``_verify_runs``); returns its id."""
        row = await self._fetchone(query("verify_start", self.schema), params)
        assert row is not None  # INSERT ... RETURNING always returns the row
        return int(row[0])

    async def verify_result(self, params: Mapping[str, Any]) -> None:
        """Store (or replace) one check's result of a run."""
        await self._fetchone(
            query("verify_result", self.schema),
            {**params, "sample": _jsonb(params["sample"])},
            returns=False,
        )

    async def verify_finish(self, run_id: int, status: str, error: str | None) -> None:
        params = {"run_id": run_id, "status": status, "error": error}
        await self._fetchone(query("verify_finish", self.schema), params, returns=False)

    async def verify_events(self, events: Sequence[Mapping[str, Any]]) -> dict[str, str]:
        """Event id -> ``applied``, ``superseded`` or ``missing`` (``_verify_events``)."""
        rows = await self._fetchall(
            query("verify_events", self.schema), {"events": _jsonb(list(events))}
        )
        return {str(event_id): str(status) for event_id, status in rows}

    async def verify_page(
        self, table: str, account_id: str, objects: Sequence[Mapping[str, Any]], version: datetime
    ) -> list[tuple[str, str]]:
        """``(id, missing|stale)`` of a listed page (``_verify_page``)."""
        params = {
            "table": table,
            "account_id": account_id,
            "objects": _jsonb(list(objects)),
            "version": version,
        }
        rows = await self._fetchall(query("verify_page", self.schema), params)
        return [(str(object_id), str(drift)) for object_id, drift in rows]

    async def verify_extra(
        self, table: str, account_id: str, gte: datetime, lt: datetime, ids: Sequence[str]
    ) -> list[str]:
        """Rows alive here in the window that its listing did not return (``_verify_extra``)."""
        params = {"table": table, "account_id": account_id, "gte": gte, "lt": lt, "ids": ids}
        rows = await self._fetchall(query("verify_extra", self.schema), params)
        return [str(r[0]) for r in rows]

    async def verify_unchanged_windows(
        self, table: str, account_id: str, object_name: str, fresh_after: datetime
    ) -> list[tuple[datetime, datetime]]:
        """``(created_gte, created_lt)`` of the recorded windows without a write since."""
        params = {
            "table": table,
            "account_id": account_id,
            "object": object_name,
            "fresh_after": fresh_after,
        }
        rows = await self._fetchall(query("verify_unchanged_windows", self.schema), params)
        return [(gte, lt) for gte, lt in rows]

    async def verify_record_window(self, params: Mapping[str, Any]) -> None:
        await self._fetchone(query("verify_record_window", self.schema), params, returns=False)

    async def verify_forget_window(self, account_id: str, object_name: str, gte: datetime) -> None:
        params = {"account_id": account_id, "object": object_name, "gte": gte}
        await self._fetchone(query("verify_forget_window", self.schema), params, returns=False)

    async def verify_runs(
        self, account_id: str | None, *, limit: int, latest: bool
    ) -> list[dict[str, Any]]:
        """Rows of the ``verify_runs`` view for the newest finished runs."""
        params = {"account_id": account_id, "limit": limit, "latest": latest}
        rows = await self._fetchall(query("verify_runs", self.schema), params)
        return [dict(zip(VERIFY_RUN_COLUMNS, r, strict=True)) for r in rows]


#: Sends of a write group that PostgreSQL rolled back to break a deadlock or a serialization
#: conflict (SQLSTATE class 40) before the error is passed on.
_ROLLBACK_RETRIES = 3


def _rolled_back(exc: BaseException) -> bool:
    cause = exc.__cause__
    sqlstate = getattr(cause, "sqlstate", None)
    return isinstance(sqlstate, str) and sqlstate.startswith("40")


def _jsonb(obj: Any) -> Jsonb:
    """A jsonb parameter, encoded by orjson (see :mod:`stripe_sync.jsoncodec`)."""
    return Jsonb(obj, dumps=jsoncodec.dumps)


def _jsonb_objects(objects: bytes | Sequence[Mapping[str, Any]]) -> Jsonb:
    """A jsonb array of objects: parsed ones encoded, or a JSON array (bytes) sent as it is."""
    if isinstance(objects, bytes):
        return Jsonb(objects, dumps=_verbatim)
    return _jsonb(list(objects))


def _verbatim(document: bytes) -> bytes:
    return document


def _change_json(change: Change) -> dict[str, Any]:
    """``change`` as one element of ``_apply_changes``' argument (without its objects when it
    carries its raw event, see :func:`_group_json`)."""
    resource = change.resource
    raw = change.raw_event is not None
    found: dict[str, Any] = {
        "event_id": change.event_id,
        "event_type": change.event_type,
        "event_created": (
            change.event_created.isoformat() if change.event_created is not None else None
        ),
        "account_id": change.account_id,
        "action": change.action,
        "table": resource.table if resource is not None else None,
        "version": change.version.isoformat(),
        "source": change.source,
        "parent_column": resource.parent if resource is not None else None,
        "parent_id": change.parent_id,
        "children": [c.as_json(embedded=raw) for c in change.children],
        "refs": change.refs,
        "tie_wins": change.tie_wins,
        "via": change.via,
    }
    if not raw:
        found["objects"] = change.objects
    return found


def _group_json(changes: Sequence[Change]) -> str:
    """The JSON array of a group. A change that carries its webhook body has it spliced in as
    ``"event"`` as received: a body of kilobytes is not encoded again from the parsed event
    (the database parses it once either way)."""
    parts: list[str] = []
    for change in changes:
        encoded = jsoncodec.dumps(_change_json(change))
        if change.raw_event is not None:
            encoded = f'{encoded[:-1]},"event":{change.raw_event}}}'
        parts.append(encoded)
    return "[" + ",".join(parts) + "]"


def _webhook_row(row: Sequence[Any]) -> dict[str, Any]:
    return dict(zip(MANAGED_WEBHOOK_COLUMNS, row, strict=True))


def _connection_lost(exc: psycopg.OperationalError) -> bool:
    """The error came from a connection that is no longer usable (not, e.g., a lock timeout)."""
    sqlstate = getattr(exc, "sqlstate", None)
    return sqlstate is None or sqlstate.startswith(("08", "57P"))


def _first_line(exc: BaseException) -> str:
    """The driver's message, first line only (never a connection string)."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
