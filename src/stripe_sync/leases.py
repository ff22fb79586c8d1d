"""Backfill leases given back early: a window's lease names its holder (``host:pid:token/n``,
see :class:`~stripe_sync.backfill.Backfiller`), so a process of the same host can tell that the
holder no longer runs and give its windows back at once instead of waiting for the lease to run
out; and a claim that a cancel (Ctrl-C) interrupts gives back the window it took."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from collections.abc import Awaitable, Callable, Coroutine
from datetime import datetime
from typing import Any, TypeVar

import psutil

__all__ = ["claim_given_back_on_cancel", "holder_is_dead"]

W = TypeVar("W")


async def claim_given_back_on_cancel(
    claim: Coroutine[Any, Any, W | None], give_back: Callable[[W], Awaitable[object]]
) -> W | None:
    """Await ``claim`` (one committed statement). A cancel that comes while it runs lets it
    finish and gives back (``give_back``) what it took, which would otherwise stay claimed,
    lost to the stopping process, until its lease ran out."""
    task = asyncio.ensure_future(claim)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        with contextlib.suppress(Exception):
            taken = await task
            if taken is not None:
                await give_back(taken)
        raise


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
