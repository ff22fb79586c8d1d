"""The change feed: every row the write path changes, in order, for consumers that resume.

The database appends a change (position, account, table, id, operation, version, time) to
``_change_feed`` in the same transaction as every row written to an object or child table —
webhook and polled events, backfill pages, objects synced by id, child lists and tombstones
alike (statement triggers, ``sql/migrations/0001_baseline.sql``). :class:`ChangeFeed` reads
it:

- in position order, and only positions that are final: a change is delivered once every
  transaction older than its own has ended, so a transaction that took a lower position but
  committed later can never appear behind a position already delivered (the migration's header
  says why this holds);
- from a position the caller keeps (``since``), or one the database keeps for a named
  ``consumer``: the position of a change is stored when the consumer asks for the next one (it
  has processed this one), so a consumer that was killed gets again at most the change it was
  processing, then everything after it, once each, in order;
- with ``follow``, for ever: it waits for the write path's ``NOTIFY`` (the read-after-write
  channel of :mod:`stripe_sync.wait`: registered in ``_write_listeners``, ``LISTEN``, then the
  barrier), never polling on a timer — except, briefly, while committed changes are held back
  by an older transaction still running.

Retention: :meth:`ChangeFeed.prune` deletes changes older than the retention (``stripe-sync
start`` calls it every :data:`PRUNE_INTERVAL` seconds) and records the highest position it
deleted. A reader behind that gets :class:`ChangeFeedExpiredError`, never a silent gap; so does
one from before the feed was turned off and on again (:meth:`ChangeFeed.set_enabled`).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

import psycopg
from psycopg import sql
from psycopg.rows import TupleRow

from .errors import ChangeFeedExpiredError, ConfigError, DatabaseUnavailableError
from .queries import query
from .resources import REGISTRY
from .store import Store

__all__ = [
    "DEFAULT_RETENTION_DAYS",
    "PRUNE_INTERVAL",
    "Change",
    "ChangeFeed",
    "ChangeFeedExpiredError",
    "ChangeFeedState",
]

_log = logging.getLogger(__name__)

#: Changes are kept this long by default (``change_feed_retention_days``).
DEFAULT_RETENTION_DAYS = 7.0
#: Seconds between two prunings by ``stripe-sync start``.
PRUNE_INTERVAL = 600.0
#: Changes read per query.
BATCH_SIZE = 500
#: While committed changes are held back by an older transaction, look again after this many
#: seconds, doubling up to :data:`_HELD_BACK_MAX` (that transaction's end sends no NOTIFY when
#: it wrote no object row).
_HELD_BACK_FIRST = 0.05
_HELD_BACK_MAX = 1.0
#: A follower looks once in a while even without a notification (a safety net, not the way
#: changes are found).
_QUIET_RECHECK = 30.0

Operation = Literal["insert", "update", "delete"]


@dataclass(frozen=True, slots=True)
class Change:
    """One row written: read the row itself (``stripe.<table>``, by ``object_id``) for its
    state now."""

    #: Increases along the feed; pass the last one processed as ``since`` to resume.
    position: int
    account_id: str
    #: The object table (view), e.g. ``customers``, ``subscription_items``.
    table: str
    object_id: str
    #: ``insert`` (a new row), ``update``, or ``delete`` (the row is now a tombstone).
    operation: Operation
    #: The row's ``_version`` after the change (an event's ``created``, or when a fetch began).
    version: datetime | None
    #: The database clock when the change was written.
    changed_at: datetime

    def as_dict(self) -> dict[str, Any]:
        """The change as JSON-ready values (timestamps in ISO 8601)."""
        return {
            "position": self.position,
            "account_id": self.account_id,
            "table": self.table,
            "object_id": self.object_id,
            "operation": self.operation,
            "version": self.version.isoformat() if self.version else None,
            "changed_at": self.changed_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class ChangeFeedState:
    """The feed at a glance (:meth:`ChangeFeed.state`)."""

    enabled: bool
    #: Changes up to this position were deleted (retention) or never recorded (feed off).
    pruned_through: int
    pruned_at: datetime | None
    #: The oldest and newest positions a reader can get now (None: none).
    oldest: int | None
    newest: int | None
    #: Each named consumer's stored position.
    consumers: dict[str, int]


class ChangeFeed:
    """Reads, follows and prunes the change feed of one schema (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    async def changes(
        self,
        since: int | Literal["now"] | None = None,
        *,
        tables: Sequence[str] | None = None,
        follow: bool = False,
        consumer: str | None = None,
        batch_size: int = BATCH_SIZE,
    ) -> AsyncGenerator[Change, None]:
        """The changes after ``since``, in order; see :meth:`AsyncStripeSync.changes`."""
        names = _tables(tables)
        if batch_size < 1:
            raise ConfigError(f"batch_size must be >= 1, got {batch_size}")
        if consumer is not None and not consumer.strip():
            raise ConfigError("a consumer's name must not be empty")
        if isinstance(since, bool) or not (
            since is None or since == "now" or isinstance(since, int)
        ):
            raise ConfigError(
                f"since must be a position (an integer), 'now' or None, not {since!r}"
            )
        position: int | None
        if since is None and consumer is not None:
            position = await self._stored(consumer)
        elif since == "now":
            position = (await self._horizon()) - 1
        else:
            position = since if isinstance(since, int) else None
        if consumer is not None and position is not None:
            await self._save(consumer, position)
        listener: _Listener | None = None
        try:
            held_back_wait = _HELD_BACK_FIRST
            while True:
                if follow and listener is None:
                    # Listening before reading: a commit after this read wakes the wait below.
                    listener = await _Listener.open(self._store, names)
                batch, horizon, held_back = await self._read(position, names, batch_size)
                for change in batch:
                    yield change
                    position = change.position
                    # Here only once the caller asks for the next change: this one is done.
                    if consumer is not None:
                        await self._save(consumer, position)
                if len(batch) == batch_size:
                    continue
                if names is not None and horizon - 1 > (position or 0):
                    # Every change of these tables below the horizon was read: the next read
                    # starts there, not at the last one (other tables' changes in between).
                    position = horizon - 1
                    if consumer is not None:
                        await self._save(consumer, position)
                if not follow:
                    return
                assert listener is not None
                if held_back:
                    await listener.wait(held_back_wait)
                    held_back_wait = min(held_back_wait * 2, _HELD_BACK_MAX)
                else:
                    held_back_wait = _HELD_BACK_FIRST
                    await listener.wait(_QUIET_RECHECK)
                if listener.lost:
                    # Listen again (and read again) on a new connection.
                    await listener.close()
                    listener = None
        finally:
            if listener is not None:
                await listener.close()

    async def state(self) -> ChangeFeedState:
        """The switch, the recorded gap, the deliverable range and the consumers."""
        async with self._store.connection() as conn:
            cur = await conn.execute(query("change_feed_state", self._store.schema))
            enabled, pruned_through, pruned_at, _horizon, _held = _one(await cur.fetchone())
            cur = await conn.execute(query("change_feed_bounds", self._store.schema))
            oldest, newest = _one(await cur.fetchone())
            cur = await conn.execute(query("change_feed_consumers", self._store.schema))
            consumers = {str(name): int(pos) for name, pos, _ in await cur.fetchall()}
        return ChangeFeedState(
            enabled=bool(enabled),
            pruned_through=int(pruned_through),
            pruned_at=pruned_at,
            oldest=oldest,
            newest=newest,
            consumers=consumers,
        )

    async def set_enabled(self, enabled: bool) -> None:
        """Turn the feed on or off for every writer of this database. Turning it on again
        records the changes missed meanwhile as a gap (readers from before get
        :class:`ChangeFeedExpiredError`)."""
        async with self._store.connection() as conn:
            await conn.execute(query("change_feed_set_enabled", self._store.schema), (enabled,))

    async def prune(self, retention: timedelta, *, batch: int = 10_000) -> int:
        """Delete the changes older than ``retention`` (oldest first, ``batch`` per
        transaction); return how many were deleted."""
        if retention <= timedelta(0):
            raise ConfigError(f"the change feed's retention must be positive, got {retention}")
        total = 0
        while True:
            async with self._store.connection() as conn:
                cur = await conn.execute(
                    query("change_feed_prune", self._store.schema),
                    {"retention": retention, "batch": batch},
                )
                deleted, pruned_through = _one(await cur.fetchone())
            total += int(deleted)
            if deleted < batch:
                if total:
                    _log.info(
                        "change feed: pruned %d changes, through position %d",
                        total,
                        pruned_through,
                        extra={"pruned": total, "pruned_through": pruned_through},
                    )
                return total

    # -- plumbing ----------------------------------------------------------------------------------

    async def _read(
        self, since: int | None, tables: list[str] | None, limit: int
    ) -> tuple[list[Change], int, bool]:
        schema = self._store.schema
        async with self._store.connection() as conn:
            cur = await conn.execute(
                query("change_feed_read", schema),
                {"since": since, "tables": tables, "limit": limit},
            )
            rows = await cur.fetchall()
            enabled, pruned_through, horizon = rows[0][:3]
            if since is not None and since < pruned_through:
                raise ChangeFeedExpiredError(
                    f"changes after position {since} are gone: the feed was pruned through "
                    f"position {pruned_through} (retention, or a time with the feed off); "
                    f"start again from {pruned_through} after catching up from the tables",
                    position=since,
                    pruned_through=int(pruned_through),
                )
            if not enabled and rows[0][3] is None:
                raise ConfigError(
                    "the change feed is off: turn it on with `stripe-sync changes --feed on` "
                    "(or sync.change_feed(enabled=True))"
                )
            held_back = False
            if len(rows) < limit:
                cur = await conn.execute(query("change_feed_state", schema))
                held_back = bool(_one(await cur.fetchone())[4])
        changes = [
            Change(
                position=int(r[3]),
                account_id=r[4],
                table=r[5],
                object_id=r[6],
                operation=r[7],
                version=r[8],
                changed_at=r[9],
            )
            for r in rows
            if r[3] is not None
        ]
        return changes, int(horizon), held_back

    async def _horizon(self) -> int:
        async with self._store.connection() as conn:
            cur = await conn.execute(query("change_feed_state", self._store.schema))
            return int(_one(await cur.fetchone())[3])

    async def _stored(self, consumer: str) -> int | None:
        async with self._store.connection() as conn:
            cur = await conn.execute(query("change_feed_consumer", self._store.schema), (consumer,))
            row = await cur.fetchone()
        return int(row[0]) if row else None

    async def _save(self, consumer: str, position: int) -> None:
        async with self._store.connection() as conn:
            await conn.execute(
                query("change_feed_save_position", self._store.schema),
                {"name": consumer, "position": position},
            )


def _tables(tables: Sequence[str] | None) -> list[str] | None:
    if tables is None:
        return None
    if isinstance(tables, str):
        tables = [tables]
    known = {r.table for r in REGISTRY.values()}
    # A registry name (customer) names its table (customers).
    tables = [REGISTRY[t].table if t in REGISTRY else t for t in tables]
    unknown = sorted(set(tables) - known)
    if unknown:
        raise ConfigError(
            f"unknown table(s) {', '.join(unknown)}: the feed has the object tables "
            "(customers, subscription_items, ...)"
        )
    return sorted(set(tables))


def _one(row: tuple[Any, ...] | None) -> tuple[Any, ...]:
    assert row is not None  # these statements always return a row
    return row


class _Listener:
    """A connection of its own that LISTENs for commits of writes (the pattern of
    :class:`stripe_sync.wait.WriteWatcher`)."""

    def __init__(
        self, store: Store, conn: psycopg.AsyncConnection[TupleRow], tables: list[str] | None
    ) -> None:
        self._store = store
        self._conn = conn
        self._tables = set(tables) if tables is not None else None
        self.lost = False

    @classmethod
    async def open(cls, store: Store, tables: list[str] | None) -> _Listener:
        conn = await store.listener()
        try:
            cur = await conn.execute(query("listen_for_writes", store.schema))
            row = _one(await cur.fetchone())
            await conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(str(row[0]))))
            # Writers that looked for listeners before the registration commit after this.
            await conn.execute(query("written_barrier", store.schema))
        except psycopg.Error as exc:
            await conn.close()
            raise DatabaseUnavailableError(f"cannot listen for changes: {exc}") from exc
        return cls(store, conn, tables)

    async def wait(self, timeout: float) -> bool:  # noqa: ASYNC109
        """Wait up to ``timeout`` seconds for a write of one of the tables; True if woken."""
        try:
            async for note in self._conn.notifies(timeout=timeout):
                if self._tables is None or note.payload in self._tables:
                    return True
        except psycopg.Error as exc:
            _log.info("the connection listening for changes was lost (%s)", type(exc).__name__)
            self.lost = True
            return True
        return False

    async def close(self) -> None:
        if not self._conn.closed:
            with contextlib.suppress(psycopg.Error):
                await self._conn.execute(query("unlisten_for_writes", self._store.schema))
            await self._conn.close()
