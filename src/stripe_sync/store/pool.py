"""The store's connection pool: the connection returned last is handed out first.

``psycopg_pool`` hands its idle connections out first in, first out. Under a steady load every
connection then serves in turn, and each PostgreSQL backend is cold when its turn comes: its
plans built again after its last use aged out, its memory given back to the kernel and faulted
in again, its caches out of the CPU's. The write groups need only two or three connections at a
time (``write_groups_in_flight``), yet with a pool of 64 every group went to the next of the 64.
Handed out last in, first out, the same few backends do the work while load is steady; the rest
stay idle, and the pool's ``max_idle`` closes them as it would have before (it closes the one
idle longest, which stays at the end the pool closes from). Measured in ``bench/README.md``.
"""

from __future__ import annotations

import psycopg
import psycopg_pool
from psycopg.rows import TupleRow

__all__ = ["WarmFirstPool"]

Connection = psycopg.AsyncConnection[TupleRow]


class WarmFirstPool(psycopg_pool.AsyncConnectionPool[Connection]):
    """An :class:`~psycopg_pool.AsyncConnectionPool` that hands out the connection returned
    last (its backend is the warmest)."""

    async def _get_ready_connection(self, timeout: float | None) -> Connection | None:  # noqa: ASYNC109 - the base class's signature
        # The idle connections are held oldest first: take the newest, from the other end than
        # the base class does, so the oldest stays first for the pool to close when it shrinks.
        # What else the base class does here (a timeout already past, too many clients waiting,
        # an empty pool) is left to it. (tests/integration/test_store_pool.py fails if
        # psycopg_pool changes how it keeps them.) After ``check()``, which takes every idle
        # connection out and puts it back, the order is reversed until they are used again.
        if self._pool and (timeout is None or timeout > 0.0):
            conn = self._pool.pop()
            self._nconns_min = min(self._nconns_min, len(self._pool))
            return conn
        return await super()._get_ready_connection(timeout)
