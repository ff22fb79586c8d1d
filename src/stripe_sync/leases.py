"""Backfill leases given back early: a window's lease names its holder (``host:pid:token/n``,
see :class:`~stripe_sync.backfill.Backfiller`), so a process of the same host can tell that the
holder no longer runs and give its windows back at once instead of waiting for the lease to run
out; and a cancel (Ctrl-C) that comes while a window is held, or being claimed, gives it back.

A give-back on cancel is awaited through any further cancel (a second Ctrl-C, a task group's
abort, an anyio cancel scope, which cancels again on every turn of the loop), for up to
:data:`GIVE_BACK_SECONDS`: abandoned half-way, it would leave its window claimed until the lease
ran out. A database that does not answer by then is not waited for: the process stops and the
lease runs out instead. ``asyncio.run`` ending cancels every task still left, a give-back
included."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Awaitable, Callable, Coroutine
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import anyio
import psutil

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "GIVE_BACK_SECONDS",
    "claim_given_back_on_cancel",
    "finish_despite_cancel",
    "give_back_despite_cancel",
    "holder_is_dead",
    "take_over_dead_holders",
]

T = TypeVar("T")
W = TypeVar("W")


#: How long a step (a claim, a release) is still awaited once its task is cancelled. Each is one
#: short statement; one slower than this waits on a database that is stuck or out of reach.
GIVE_BACK_SECONDS = 10.0

_log = logging.getLogger(__name__)


async def finish_despite_cancel(step: Awaitable[T]) -> T:
    """Await ``step`` even when the awaiting task is cancelled meanwhile, once or more, for up
    to :data:`GIVE_BACK_SECONDS` after the first cancel; then raise that cancel instead of
    returning the step's result. A step not done by then is left to end on its own."""
    task = _retrieved(step)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        await _await_within(task, GIVE_BACK_SECONDS)
        raise


async def give_back_despite_cancel(give_back: Awaitable[object]) -> None:
    """Await ``give_back`` (a release on the way out of a cancel) through further cancels, for
    up to :data:`GIVE_BACK_SECONDS`; then raise a further cancel, if one came. A give-back that
    fails or does not end by then leaves the window to its lease."""
    task = _retrieved(give_back)
    cancel = await _await_within(task, GIVE_BACK_SECONDS)
    # Debug only: what failed it (the database gone, most often) is reported by whatever
    # stopped the run, and the lease makes the window free again.
    if not task.done():
        _log.debug(
            "a window's give-back took over %.0f s; its lease will run out", GIVE_BACK_SECONDS
        )
    elif not task.cancelled() and (exc := task.exception()) is not None:
        _log.debug("a window could not be given back (%s); its lease will run out", exc)
    if cancel is not None:
        raise cancel


def _retrieved(step: Awaitable[T]) -> asyncio.Future[T]:
    """``step`` as a task whose failure is read when it ends: a task left behind (past the
    bound below, or its awaiter closed by a KeyboardInterrupt) would have it logged as "Task
    exception was never retrieved"."""
    task = asyncio.ensure_future(step)
    task.add_done_callback(_retrieve)
    return task


async def _await_within(task: asyncio.Future[Any], seconds: float) -> asyncio.CancelledError | None:
    """Wait up to ``seconds`` for ``task`` to end, through cancels; the first cancel, if any.
    The shielded scope keeps anyio's cancels out (it delivers one on every turn of the loop,
    which would make this loop spin); each plain cancel ends one wait."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    cancel: asyncio.CancelledError | None = None
    with anyio.CancelScope(shield=True):
        while not task.done() and (left := deadline - loop.time()) > 0:
            try:
                await asyncio.wait((task,), timeout=left)
            except asyncio.CancelledError as exc:
                cancel = cancel or exc
    return cancel


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
        if task.done() and not task.cancelled() and task.exception() is None:
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
