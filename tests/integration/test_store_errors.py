"""Each database error class is raised by the real PostgreSQL condition it names.

Settings a user could set on their role (``lock_timeout``, ``statement_timeout``) go in the
connection string; deadlocks and serialization failures are made by two connections."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import psycopg
import pytest
from psycopg.conninfo import make_conninfo

from stripe_sync.config import PoolConfig, StripeSyncConfig
from stripe_sync.errors import DatabaseBusyError, DatabaseError, DatabaseUnavailableError
from stripe_sync.store import Store

KEY = 7_700_019


@pytest.fixture
async def holder(database_url: str) -> AsyncIterator[psycopg.AsyncConnection[tuple[object, ...]]]:
    """Another session holding the advisory lock ``KEY``."""
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        await conn.execute("SELECT pg_advisory_lock(%s)", (KEY,))
        yield conn


async def _store(url: str, **settings: str) -> Store:
    options = " ".join(f"-c {name}={value}" for name, value in settings.items())
    url = make_conninfo(url, options=options) if options else url
    store = Store(StripeSyncConfig(database_url=url), url)
    await store.open()
    return store


async def test_a_lock_timeout_is_busy(database_url: str, holder: object) -> None:
    store = await _store(database_url, lock_timeout="200ms")
    try:
        with pytest.raises(DatabaseBusyError) as info:
            async with store.locked(KEY):
                pass
    finally:
        await store.close()
    assert info.value.sqlstate == "55P03"
    assert info.value.transient
    assert str(info.value).startswith("database busy (lock_not_available): ")
    assert isinstance(info.value.__cause__, psycopg.errors.LockNotAvailable)


async def test_a_statement_timeout_is_busy(database_url: str, holder: object) -> None:
    store = await _store(database_url, statement_timeout="300ms")
    try:
        with pytest.raises(DatabaseBusyError) as info:
            async with store.locked(KEY):
                pass
        await store.ping()  # the pool and the database are fine
    finally:
        await store.close()
    assert info.value.sqlstate == "57014"
    assert str(info.value).startswith("database busy (query_canceled): ")


async def test_a_deadlock_is_busy_and_the_other_side_goes_on(database_url: str) -> None:
    store = await _store(database_url)
    first, second = asyncio.Event(), asyncio.Event()

    async def side(mine: int, theirs: int, took: asyncio.Event, other: asyncio.Event) -> str:
        async with store.connection() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock(%s)", (mine,))
            took.set()
            await other.wait()
            await conn.execute("SELECT pg_advisory_xact_lock(%s)", (theirs,))
        return "done"

    try:
        results = await asyncio.gather(
            side(KEY, KEY + 1, first, second),
            side(KEY + 1, KEY, second, first),
            return_exceptions=True,
        )
    finally:
        await store.close()
    busy = [r for r in results if isinstance(r, DatabaseBusyError)]
    assert len(busy) == 1, results
    assert busy[0].sqlstate == "40P01"
    assert str(busy[0]).startswith("database busy (deadlock_detected): ")
    assert "done" in results


async def test_a_serialization_failure_is_busy(database_url: str) -> None:
    store = await _store(database_url)
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as other:
        await other.execute("CREATE TABLE public.counter (id int PRIMARY KEY, n int NOT NULL)")
        await other.execute("INSERT INTO public.counter VALUES (1, 0)")

        async def lost_update() -> None:
            async with store.connection() as conn, conn.transaction():
                await conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                await conn.execute("SELECT n FROM public.counter WHERE id = 1")
                await other.execute("UPDATE public.counter SET n = n + 1 WHERE id = 1")
                await conn.execute("UPDATE public.counter SET n = n + 1 WHERE id = 1")

        try:
            with pytest.raises(DatabaseBusyError) as info:
                await lost_update()
        finally:
            await store.close()
        row = await (await other.execute("SELECT n FROM public.counter")).fetchone()
    assert info.value.sqlstate == "40001"
    assert str(info.value).startswith("database busy (serialization_failure): ")
    assert row == (1,)  # only the committed update


async def test_unreachable_is_unavailable_not_busy(database_url: str) -> None:
    url = make_conninfo(database_url, host="127.0.0.1", port="1")
    config = StripeSyncConfig(database_url=url, pool_config=PoolConfig(connect_timeout_seconds=1))
    store = Store(config, url)
    await store.open()
    try:
        with pytest.raises(DatabaseUnavailableError) as info:
            await store.ping()
    finally:
        await store.close()
    assert not isinstance(info.value, DatabaseBusyError)
    assert info.value.transient


async def test_a_bad_statement_is_a_terminal_database_error(database_url: str) -> None:
    store = await _store(database_url)
    try:
        with pytest.raises(DatabaseError) as info:
            async with store.connection() as conn:
                await conn.execute("SELECT 1 / 0")
    finally:
        await store.close()
    assert type(info.value) is DatabaseError
    assert not info.value.transient
    assert str(info.value) == "database error: division by zero"
