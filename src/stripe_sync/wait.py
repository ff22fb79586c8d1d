"""Read-after-write: wait until the mirror holds an object at least at a given version.

An app that writes to Stripe and then reads the mirror with SQL must wait for the event of its
write to be applied. :meth:`WriteWatcher.wait` does that without polling: the write path
(``_write_batch``, ``sql/migrations/0001_baseline.sql``) sends ``NOTIFY`` with the table's
name at the commit of any transaction that wrote objects, while a listener is registered in
``_write_listeners``. One connection per engine LISTENs for all of its waiters, and is closed
(its registration dropped, so writers stop notifying) :data:`LINGER` seconds after the last
waiter is done.

A wait: register and LISTEN (once per engine), wait for the writers that looked for listeners
before that (``_written_barrier``), look at the row once, then once more after each
notification about its table, until the row holds the version or the time is up.

What "that version" is (:func:`target_of`, checked by ``_synced`` in SQL):

- an event (a dict or ``stripe.Event``): the event was applied (it is in
  ``_processed_events``, whatever its outcome), or the row is from a later second (newer);
- an object as the Stripe SDK returned it (or its dict): the row has the same values in every
  top-level field both have (an expanded object matches its id);
- an id, with ``at`` (Stripe's time, e.g. an event's ``created``): the row's version is of that
  second or later; without ``at``: the row exists.

A tombstone satisfies any of them: nothing newer can come.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import TupleRow

from .errors import ConfigError, DatabaseUnavailableError, MalformedPayloadError
from .events import event_to_dict
from .queries import query
from .resources import Resource, by_id, by_object, get
from .store import Store

__all__ = ["LINGER", "SyncTarget", "WriteWatcher", "target_of"]

_log = logging.getLogger(__name__)

#: Seconds the listening connection stays open after its last waiter, so that a run of waits
#: (one after each write) does not register and connect again each time.
LINGER = 5.0


@dataclass(frozen=True, slots=True)
class SyncTarget:
    """What :meth:`WriteWatcher.wait` waits for (see the module docstring)."""

    #: The object's table (the registry's), None for an event about an object not mirrored.
    table: str | None
    object_id: str
    event_id: str | None = None
    #: An event's ``created``, or the ``at`` given with an id.
    version: datetime | None = None
    #: The object as Stripe returned it.
    state: Mapping[str, Any] | None = None

    def describe(self) -> str:
        what = f"{self.table or 'object'} {self.object_id}"
        if self.event_id is not None:
            return f"event {self.event_id} ({what})"
        if self.version is not None:
            return f"{what} at {self.version.isoformat()}"
        if self.state is not None:
            return f"{what} as given"
        return what


def target_of(
    target: object,
    *,
    at: datetime | float | None = None,
    object: str | None = None,
) -> SyncTarget:
    """The :class:`SyncTarget` of an event, an object, or an id (with ``at``, its version in
    Stripe's time: an aware datetime or Unix seconds). ``object``: the registry name for an id
    whose prefix does not tell (coupons). Raises :class:`ConfigError` for anything else and
    :class:`UnknownObjectError` for an object type or id prefix not in the registry."""
    version = _as_datetime(at) if at is not None else None
    if isinstance(target, str):
        if not target:
            raise ConfigError("wait_until_synced needs an object id, got an empty string")
        resource = get(object) if object else by_id(target)
        return SyncTarget(resource.table, target, version=version)
    try:
        found = event_to_dict(target)
    except MalformedPayloadError:
        raise ConfigError(
            "wait_until_synced takes an event, a Stripe object (or their dicts) or an id, "
            f"not {type(target).__name__}"
        ) from None
    if found.get("object") == "event":
        return _event_target(found, version)
    object_id = found.get("id")
    if not isinstance(object_id, str) or not object_id:
        raise ConfigError("the object given to wait_until_synced has no string id")
    resource = _resource(found, object)
    if version is not None:
        return SyncTarget(resource.table, object_id, version=version)
    return SyncTarget(resource.table, object_id, state=found)


def _event_target(event: Mapping[str, Any], at: datetime | None) -> SyncTarget:
    event_id, created = event.get("id"), event.get("created")
    data = event.get("data")
    obj = data.get("object") if isinstance(data, Mapping) else None
    if (
        not isinstance(event_id, str)
        or not isinstance(created, int)
        or isinstance(created, bool)
        or not isinstance(obj, Mapping)
    ):
        raise ConfigError(
            "the event given to wait_until_synced lacks its id, created or data.object"
        )
    object_type, object_id = obj.get("object"), obj.get("id")
    resource = by_object(object_type) if isinstance(object_type, str) else None
    return SyncTarget(
        resource.table if resource is not None and isinstance(object_id, str) else None,
        object_id if isinstance(object_id, str) else "",
        event_id=event_id,
        version=at or datetime.fromtimestamp(created, UTC),
    )


def _resource(obj: Mapping[str, Any], name: str | None) -> Resource:
    if name:
        return get(name)
    object_type = obj.get("object")
    resource = by_object(object_type) if isinstance(object_type, str) else None
    if resource is None:
        object_id = obj.get("id")
        assert isinstance(object_id, str)
        # No type (or one that is not mirrored): the id's prefix may tell.
        return by_id(object_id)
    return resource


def _as_datetime(at: datetime | float) -> datetime:
    if isinstance(at, datetime):
        if at.tzinfo is None:
            raise ConfigError("at must be a timezone-aware datetime (or Unix seconds)")
        return at
    if isinstance(at, bool) or not isinstance(at, int | float):
        raise ConfigError(f"at must be a datetime or Unix seconds, not {type(at).__name__}")
    return datetime.fromtimestamp(at, UTC)


class WriteWatcher:
    """Waits for writes, for every caller of one engine, on one LISTEN connection."""

    def __init__(self, store: Store, *, linger: float = LINGER) -> None:
        self._store = store
        self._linger = linger
        self._lock = asyncio.Lock()
        self._conn: psycopg.AsyncConnection[TupleRow] | None = None
        self._task: asyncio.Task[None] | None = None
        self._idle: asyncio.TimerHandle | None = None
        self._stopping: asyncio.Task[None] | None = None
        self._closed = False
        #: (table or None for any, event set on a notification) of each waiter.
        self._waiters: list[tuple[str | None, asyncio.Event]] = []

    async def wait(self, target: SyncTarget, timeout: float) -> None:  # noqa: ASYNC109
        """Return once the mirror holds ``target``; :class:`TimeoutError` after ``timeout``
        seconds."""
        if timeout < 0:
            raise ConfigError(f"timeout must be >= 0 seconds, got {timeout}")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        woken = asyncio.Event()
        waiter = (target.table, woken)
        self._waiters.append(waiter)
        try:
            while True:
                # Cleared before looking: a notification during the look wakes the next wait.
                woken.clear()
                await self._listening()
                if await self._store.synced(
                    target.table,
                    target.object_id,
                    event_id=target.event_id,
                    version=target.version,
                    state=target.state,
                ):
                    return
                remaining = deadline - loop.time()
                if remaining <= 0:
                    raise TimeoutError(
                        f"the mirror did not hold {target.describe()} within {timeout:g} s"
                    )
                # At the deadline the row is looked at once more, then the wait ends.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(woken.wait(), remaining)
        finally:
            self._waiters.remove(waiter)
            if not self._waiters:
                self._schedule_stop()

    async def close(self) -> None:
        """Stop listening for good (the engine closes); waits still running fail."""
        self._closed = True
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        async with self._lock:
            await self._shutdown()

    # -- the listening connection --------------------------------------------------------------

    async def _listening(self) -> None:
        async with self._lock:
            if self._idle is not None:
                self._idle.cancel()
                self._idle = None
            if self._task is not None and not self._task.done():
                return
            await self._shutdown()
            if self._closed:
                raise ConfigError("this engine was closed while waiting for a write")
            conn = await self._store.listener()
            schema = self._store.schema
            try:
                cur = await conn.execute(query("listen_for_writes", schema))
                row = await cur.fetchone()
                assert row is not None
                await conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(str(row[0]))))
                # Writers that looked for listeners before the registration commit after this.
                await conn.execute(query("written_barrier", schema))
            except psycopg.Error as exc:
                await conn.close()
                raise DatabaseUnavailableError(f"cannot listen for writes: {exc}") from exc
            self._conn = conn
            self._task = asyncio.create_task(self._dispatch(conn))

    async def _dispatch(self, conn: psycopg.AsyncConnection[TupleRow]) -> None:
        try:
            async for note in conn.notifies():
                for table, woken in self._waiters:
                    if table is None or table == note.payload:
                        woken.set()
        except psycopg.Error as exc:
            _log.info("the connection listening for writes was lost (%s)", type(exc).__name__)
        finally:
            # Lost (or stopped): every waiter looks again, which listens again first.
            for _, woken in self._waiters:
                woken.set()

    def _schedule_stop(self) -> None:
        if self._task is None:
            return
        loop = asyncio.get_running_loop()
        if self._idle is not None:
            self._idle.cancel()
        self._idle = loop.call_later(self._linger, self._stop_if_idle)

    def _stop_if_idle(self) -> None:
        self._idle = None
        if not self._waiters:
            task = asyncio.get_running_loop().create_task(self._stop_when_idle())
            # Kept referenced until done (the loop holds only weak references to tasks).
            self._stopping = task

    async def _stop_when_idle(self) -> None:
        async with self._lock:
            if not self._waiters:
                await self._shutdown()

    async def _shutdown(self) -> None:
        task, conn = self._task, self._conn
        self._task = self._conn = None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if conn is not None and not conn.closed:
            # Writers stop notifying at once (a closed connection's row would only be dropped
            # by the next listener's registration).
            with contextlib.suppress(psycopg.Error):
                await conn.execute(query("unlisten_for_writes", self._store.schema))
            await conn.close()
