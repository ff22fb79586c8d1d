"""Backfill leases held by dead processes: a window's lease names its holder
(``host:pid:token/n``, see :class:`~stripe_sync.backfill.Backfiller`), so a process of the same
host can tell that the holder no longer runs and give its windows back at once instead of
waiting for the lease to run out."""

from __future__ import annotations

import os
import socket
from datetime import datetime

import psutil

__all__ = ["holder_is_dead"]


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
