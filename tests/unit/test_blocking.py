"""A blocking call interrupted by Ctrl-C passes on one cancel and lets the call unwind."""

from __future__ import annotations

import asyncio
import signal
import threading

import pytest

from stripe_sync.blocking import Blocking
from stripe_sync.leases import give_back_despite_cancel


class Core:
    """A call as a backfill makes it: workers in a task group, each giving back what it holds
    when cancelled."""

    def __init__(self) -> None:
        self.cancels: list[int] = []
        self.given_back = 0

    async def work(self) -> None:
        async def worker() -> None:
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                await give_back_despite_cancel(self.give_back())
                raise

        task = asyncio.current_task()
        assert task is not None
        try:
            async with asyncio.TaskGroup() as group:
                for _ in range(4):
                    group.create_task(worker())
        finally:
            self.cancels.append(task.cancelling())

    async def give_back(self) -> None:
        await asyncio.sleep(0.3)
        self.given_back += 1

    async def close(self) -> None:
        pass


def test_ctrl_c_cancels_the_call_once_and_waits_for_its_give_backs() -> None:
    """The portal cancels through an anyio scope, again on every turn of the loop; the call
    sees one cancel (a task group waiting for its workers would otherwise wake up for each,
    running the loop flat out) and its workers' give-backs end before Ctrl-C goes on."""
    core = Core()
    blocking = Blocking(core)
    # Ctrl-C as Python handles it by default (a run started in the background ignores SIGINT).
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        main = threading.main_thread().ident
        assert main is not None
        threading.Timer(0.2, signal.pthread_kill, (main, signal.SIGINT)).start()
        with pytest.raises(KeyboardInterrupt):
            blocking._call(Core.work, core)
        assert core.given_back == 4
        assert core.cancels == [1]
    finally:
        signal.signal(signal.SIGINT, handler)
        blocking._close()
