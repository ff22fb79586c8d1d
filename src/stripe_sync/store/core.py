"""The store's plumbing: the pool, one statement at a time with the driver's errors
translated (:mod:`.translate`), a transaction under an advisory lock, and jsonb parameters.

A statement that fails because its connection broke (the server restarted since the
connection was pooled) is sent once more on a fresh connection, after the pool has checked and
dropped its other broken connections: every statement of the store is idempotent, so sending it
twice cannot write twice.
"""

from __future__ import annotations

import contextlib
import copy
import logging
from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Self

import psycopg
import psycopg_pool
from psycopg import sql
from psycopg.rows import TupleRow
from psycopg.types.json import Jsonb

from .. import jsoncodec
from ..config import StripeSyncConfig
from ..queries import query
from .pool import WarmFirstPool
from .translate import connection_lost, first_line, translate

__all__ = ["StoreCore", "jsonb", "jsonb_objects"]

_log = logging.getLogger("stripe_sync.store")


class StoreCore:
    """Async access to the sync schema through a connection pool. ``await open()`` first."""

    def __init__(self, config: StripeSyncConfig, database_url: str) -> None:
        self.schema = config.schema
        pool = config.pool_config
        self._url = database_url
        self._connection_kwargs = pool.connection_kwargs()
        self._pool = WarmFirstPool(
            database_url,
            kwargs={**pool.connection_kwargs(), "autocommit": True},
            min_size=pool.min_size,
            max_size=pool.max_size,
            max_idle=pool.max_idle_seconds,
            timeout=pool.connect_timeout_seconds,
            name="stripe-sync",
            open=False,
        )
        #: Set only on the views made by :meth:`locked`: the connection of their transaction.
        self._conn: psycopg.AsyncConnection[TupleRow] | None = None

    async def open(self) -> None:
        """Open the pool; it connects in the background, so a database that is down now only
        fails the calls that need it (with :class:`DatabaseUnavailableError`)."""
        await self._pool.open(wait=False)

    async def close(self) -> None:
        await self._pool.close()

    async def ping(self) -> None:
        await self._fetchone(query("ping", self.schema), ())

    async def now(self) -> datetime:
        """The database clock."""
        row = await self._fetchone(query("db_now", self.schema), ())
        assert row is not None  # SELECT always returns a row
        return row[0]  # type: ignore[no-any-return]

    async def listener(self) -> psycopg.AsyncConnection[TupleRow]:
        """A connection of its own (autocommit, outside the pool) registered as a listener for
        writes; LISTEN on the channel that :meth:`register_listener` answers."""
        try:
            return await psycopg.AsyncConnection.connect(
                self._url, autocommit=True, **self._connection_kwargs
            )
        except psycopg.OperationalError as exc:
            raise translate(exc) from exc

    @contextlib.asynccontextmanager
    async def locked(self, key: int) -> AsyncIterator[Self]:
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
        except psycopg.Error as exc:
            raise translate(exc, timeout=self._pool.timeout) from exc

    @contextlib.asynccontextmanager
    async def connection(self) -> AsyncIterator[psycopg.AsyncConnection[TupleRow]]:
        """A pooled connection (autocommit) for work that needs one: ``COPY`` of Sigma data
        and its transaction. Driver errors are translated like every other call's."""
        try:
            async with self._pool.connection() as conn:
                yield conn
        except psycopg.Error as exc:
            raise translate(exc, timeout=self._pool.timeout) from exc

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
                raise translate(exc, timeout=self._pool.timeout) from exc
            except psycopg.Error as exc:
                # The pool hands out connections that broke while idle (a server restart);
                # one more try gets a fresh one. The statements are idempotent.
                if (
                    attempt == 1
                    and isinstance(exc, psycopg.OperationalError)
                    and connection_lost(exc)
                ):
                    # Every idle connection is likely broken the same way: drop those before
                    # trying once more, or the retry would just get the next broken one.
                    _log.info("database connection lost (%s); retrying once", first_line(exc))
                    await self._pool.check()
                    continue
                raise translate(exc) from exc
        raise AssertionError("unreachable")  # pragma: no cover


def jsonb(obj: Any) -> Jsonb:
    """A jsonb parameter, encoded by orjson (see :mod:`stripe_sync.jsoncodec`)."""
    return Jsonb(obj, dumps=jsoncodec.dumps)


def jsonb_objects(objects: bytes | Sequence[Mapping[str, Any]]) -> Jsonb:
    """A jsonb array of objects: parsed ones encoded, or a JSON array (bytes) sent as it is."""
    if isinstance(objects, bytes):
        return Jsonb(objects, dumps=_verbatim)
    return jsonb(list(objects))


def _verbatim(document: bytes) -> bytes:
    return document
