"""The store's pool hands out the connection returned last, and shrinks by the one idle longest."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from stripe_sync.config import PoolConfig, StripeSyncConfig
from stripe_sync.store import Store


@contextlib.asynccontextmanager
async def _store(url: str, size: int) -> AsyncIterator[Store]:
    """A store whose pool holds ``size`` connections, all open."""
    config = StripeSyncConfig(
        database_url=url, pool_config=PoolConfig(min_size=size, max_size=size)
    )
    store = Store(config, url)
    await store.open()
    try:
        await store._pool.wait()
        yield store
    finally:
        await store.close()


async def _backend(store: Store) -> int:
    async with store._pool.connection() as conn:
        row = await (await conn.execute("SELECT pg_backend_pid()")).fetchone()
    assert row is not None
    return int(row[0])


async def test_the_connection_returned_last_is_handed_out_first(database_url: str) -> None:
    async with _store(database_url, 3) as store:
        pool = store._pool
        held = [await pool.getconn() for _ in range(3)]
        pids = [conn.info.backend_pid for conn in held]
        assert len(set(pids)) == 3
        for conn in held:  # returned in order: held[2] last
            await pool.putconn(conn)
        # One after another, each call gets the connection the previous one returned.
        assert [await _backend(store) for _ in range(5)] == [pids[2]] * 5
        # Two at once take the two returned last; the one idle longest stays idle.
        first, second = await pool.getconn(), await pool.getconn()
        assert {first.info.backend_pid, second.info.backend_pid} == {pids[2], pids[1]}
        await pool.putconn(first)
        await pool.putconn(second)
        assert await _backend(store) == second.info.backend_pid
        # The pool keeps the idle longest at the end it closes from when it shrinks.
        assert pool._pool[0].info.backend_pid == pids[0]


async def test_concurrent_statements_still_spread_over_the_pool(database_url: str) -> None:
    async with _store(database_url, 4) as store:

        async def hold() -> int:
            async with store._pool.connection() as conn:
                row = await (
                    await conn.execute("SELECT pg_backend_pid() FROM pg_sleep(0.2)")
                ).fetchone()
            assert row is not None
            return int(row[0])

        assert len(set(await asyncio.gather(*(hold() for _ in range(4))))) == 4
