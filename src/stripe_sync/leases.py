"""Backfill leases given back early: a window's lease names its holder (``host:pid:token/n``,
see :class:`~stripe_sync.backfill.Backfiller`), so a process of the same host can tell that the
holder no longer runs and give its windows back at once instead of waiting for the lease to run
out; and a cancel (Ctrl-C) that comes while a window is held, or being claimed, gives it back.

A give-back on cancel is awaited to its end through any further cancel (a second Ctrl-C, a
task group's abort, an anyio cancel scope, which cancels again and again): abandoned half-way,
it would leave its window claimed until the lease ran out, and a shutdown (``asyncio.run``
cancels the tasks still left) would cancel it anyway."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import Awaitable, Callable, Coroutine
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import psutil

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "claim_given_back_on_cancel",
    "finish_despite_cancel",
    "give_back_despite_cancel",
    "holder_is_dead",
    "take_over_dead_holders",
]

T = TypeVar("T")
W = TypeVar("W")


async def finish_despite_cancel(step: Awaitable[T]) -> T:
    """Await ``step`` to its end even when the awaiting task is cancelled meanwhile, once or
    more; then raise the cancel, if one came, instead of returning its result."""
    task = asyncio.ensure_future(step)
    # Were this task ever left behind (its awaiter closed by a KeyboardInterrupt, say), its
    # failure would be logged as "Task exception was never retrieved".
    task.add_done_callback(_retrieve)
    cancel: asyncio.CancelledError | None = None
    while not task.done():
        try:
            await asyncio.wait((task,))
        except asyncio.CancelledError as exc:
            cancel = cancel or exc
    if cancel is not None:
        raise cancel
    return task.result()


async def give_back_despite_cancel(give_back: Awaitable[object]) -> None:
    """Await ``give_back`` (a release on cancel) to its end, as :func:`finish_despite_cancel`
    does; if it fails, the window's lease runs out instead."""
    with contextlib.suppress(Exception):
        await finish_despite_cancel(give_back)


async def claim_given_back_on_cancel(
    claim: Coroutine[Any, Any, W | None], give_back: Callable[[W], Awaitable[object]]
) -> W | None:
    """Await ``claim`` (one committed statement). A cancel that comes while it runs lets it
    finish and gives back (``give_back``) what it took, which would otherwise stay claimed,
    lost to the stopping process, until its lease ran out."""
    task = asyncio.ensure_future(claim)
    try:
        return await finish_despite_cancel(task)
    except asyncio.CancelledError:
        if not task.cancelled() and task.exception() is None:
            taken = task.result()
            if taken is not None:
                await give_back_despite_cancel(give_back(taken))
        raise


def _retrieve(task: asyncio.Future[Any]) -> None:
    if not task.cancelled():
        task.exception()


async def take_over_dead_holders(
    store: Store, run_id: int, lease: timedelta, log: logging.Logger
) -> None:
    """Give back at once the windows of run ``run_id`` leased by processes of this host that
    are gone (killed, or their pid now another program's): a restart after ``kill -9`` then
    resumes their windows without waiting for the leases (``lease`` long) to run out, and a page
    such a process had sent, which the server may still commit, cannot take its window back."""
    dead = [
        worker
        for worker, until in await store.backfill_holders(run_id)
        if holder_is_dead(worker, until - lease)
    ]
    if dead:
        await store.backfill_expire_holders(run_id, dead)
        log.info(
            "backfill run %s: took over the windows of %d dead worker(s) of this host",
            run_id,
            len(dead),
            extra={"run_id": run_id},
        )


def holder_is_dead(worker: str, renewed_at: datetime) -> bool:
    """Whether lease holder ``worker`` (``host:pid:token/n``, see :class:`Backfiller`) is a
    process of this host that no longer runs: its pid is free, or taken by a process started
    after the holder last renewed its lease (``renewed_at``). Holders of other hosts, or of
    unknown form, are never judged: their leases run out."""
    host, _, rest = worker.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False  # this process (another backfill of it may hold windows of the run)
    try:
        started = psutil.Process(pid).create_time()
    except psutil.NoSuchProcess:
        return True
    except psutil.Error:  # pragma: no cover - e.g. access denied: not judged
        return False
    return started > renewed_at.timestamp()
