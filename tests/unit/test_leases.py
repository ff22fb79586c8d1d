"""A cancel (Ctrl-C) while a backfill window is held gives the window back, whenever it comes.

The store here is a small in-memory stand-in for the lease calls (``backfill_claim``,
``backfill_release``): each call can be held on an :class:`asyncio.Event`, so that a test cancels
the task at the exact moment it means to. A claim is held after it took its window (committed,
its answer on the way back); a release before it gives the window back (its statement running).
"""

from __future__ import annotations

import asyncio
import collections
import gc
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import anyio
import pytest

from stripe_sync import leases
from stripe_sync.backfill import Backfiller, RunPlan
from stripe_sync.client import StripeClient
from stripe_sync.config import StripeSyncConfig
from stripe_sync.errors import DatabaseUnavailableError, StripePermissionError
from stripe_sync.ingest import Ingestor
from stripe_sync.leases import finish_despite_cancel
from stripe_sync.resources import get
from stripe_sync.store import ClaimedWindow, Store

START = datetime(2024, 1, 1, tzinfo=UTC)
PLAN = RunPlan((get("customer"),), "acct_1", None, None, None, None)
WINDOW = ClaimedWindow(
    id=1,
    object="customer",
    kind="list",
    created_gte=START,
    created_lt=START + timedelta(days=30),
    parent_ids=(),
    cursor=None,
    cursor_created=None,
    failures=0,
    version=START,
    worker="",
)


class Calls:
    """Events of one store call: ``entered`` once it runs, ``gate`` (when set by ``hold``) keeps
    it from going on until the test opens it."""

    def __init__(self) -> None:
        self.entered = asyncio.Event()
        self.gate: asyncio.Event | None = None
        self.error: Exception | None = None

    def hold(self) -> asyncio.Event:
        self.gate = asyncio.Event()
        return self.gate

    async def run(self) -> None:
        self.entered.set()
        if self.gate is not None:
            await self.gate.wait()
        if self.error is not None:
            raise self.error


class LeaseStore:
    """One run's windows and their leases in memory, as ``_backfill_claim_v1`` and
    ``_backfill_release_v1`` keep them."""

    def __init__(self, *windows: ClaimedWindow) -> None:
        self.windows = {w.id: w for w in windows}
        self.status = {w.id: "pending" for w in windows}
        self.holder: dict[int, str] = {}
        self.claim = Calls()
        self.release = Calls()

    async def backfill_plan(self, params: Mapping[str, Any]) -> tuple[int, bool]:
        return 1, False

    async def backfill_claim(
        self, run_id: int, worker: str, lease: timedelta, objects: Sequence[str] | None
    ) -> ClaimedWindow | None:
        pending = [i for i, status in self.status.items() if status == "pending"]
        if pending:
            self.status[pending[0]] = "running"
            self.holder[pending[0]] = worker
        await self.claim.run()  # committed: the window is taken whatever happens to the answer
        return replace(self.windows[pending[0]], worker=worker) if pending else None

    async def backfill_release(
        self, window_id: int, worker: str, status: str, error: str | None = None
    ) -> None:
        await self.release.run()
        if self.status[window_id] == "running" and self.holder.get(window_id) == worker:
            self.status[window_id] = status

    async def backfill_finish(self, run_id: int) -> tuple[str, float | None]:
        done = "running" not in self.status.values() and "pending" not in self.status.values()
        return ("complete" if done else "running"), None

    async def backfill_progress(self, run_id: int) -> list[Any]:
        return []


class ListingClient:
    """Stripe's list endpoint: held on ``page.gate``, or failing with ``page.error``."""

    def __init__(self) -> None:
        self.page = Calls()

    async def list_page_raw(
        self, path: str, params: Mapping[str, Any], *, account: str | None = None
    ) -> Any:
        await self.page.run()
        raise AssertionError("the tests cancel or fail the page before it is listed")


@pytest.fixture
def store() -> LeaseStore:
    return LeaseStore(WINDOW)


@pytest.fixture
def client() -> ListingClient:
    return ListingClient()


@pytest.fixture
def backfiller(store: LeaseStore, client: ListingClient) -> Backfiller:
    return Backfiller(
        StripeSyncConfig(),
        cast(Store, store),
        lambda: cast(StripeClient, client),
        cast(Ingestor, None),
        workers=1,
        worker_id="host:1:token",
    )


@pytest.fixture
async def loop_errors() -> AsyncIterator[list[dict[str, Any]]]:
    """What reaches the loop's exception handler ("Task exception was never retrieved"...)."""
    loop = asyncio.get_running_loop()
    found: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _, context: found.append(context))
    yield found
    loop.set_exception_handler(None)


def start(backfiller: Backfiller, entry: str) -> asyncio.Task[Any]:
    """A task of ``entry``: one worker of a backfill, as ``run`` starts it (cancelled directly:
    the task group of ``run`` passes a cancel on to its workers only once), or ``next_page``."""
    if entry == "next_page":
        return asyncio.create_task(backfiller.next_page(PLAN, ["customer"]))
    turns = collections.deque([(PLAN, 1)])
    return asyncio.create_task(backfiller._worker(turns, "host:1:token/0"))


def held_call(during: str, store: LeaseStore, client: ListingClient) -> Calls:
    return store.claim if during == "claim" else client.page


async def settle() -> None:
    """Let every task that can run, run."""
    for _ in range(10):
        await asyncio.sleep(0)


async def cancelled(task: asyncio.Task[Any]) -> None:
    with pytest.raises(asyncio.CancelledError):
        await task


async def cancel_while_held(call: Calls, task: Callable[[], asyncio.Task[Any]]) -> None:
    """Start ``task``, cancel it while ``call`` runs, then let the call go on to its end."""
    gate = call.hold()
    started = task()
    await call.entered.wait()
    started.cancel()
    await settle()
    gate.set()
    await cancelled(started)


@pytest.mark.parametrize("entry", ["worker", "next_page"])
@pytest.mark.parametrize("during", ["claim", "page"])
async def test_a_cancel_during_a_claim_or_a_page_gives_the_window_back(
    entry: str, during: str, store: LeaseStore, client: ListingClient, backfiller: Backfiller
) -> None:
    await cancel_while_held(held_call(during, store, client), lambda: start(backfiller, entry))
    assert store.status == {1: "pending"}


@pytest.mark.parametrize("fails", [False, True], ids=["released", "release_fails"])
@pytest.mark.parametrize("during", ["claim", "page"])
async def test_a_second_cancel_during_the_give_back_lets_it_finish(
    during: str,
    fails: bool,
    store: LeaseStore,
    client: ListingClient,
    backfiller: Backfiller,
    loop_errors: list[dict[str, Any]],
) -> None:
    """A worker cancelled during its claim or page, then again while it gives the window
    back: the give-back ends before the task does; one that fails is not reported as "Task
    exception was never retrieved" (the window's lease runs out instead)."""
    if fails:
        store.release.error = DatabaseUnavailableError("the server is restarting")
    call = held_call(during, store, client)
    gate = call.hold()
    released = store.release.hold()
    task = start(backfiller, "worker")
    await call.entered.wait()
    task.cancel()
    gate.set()
    await store.release.entered.wait()
    task.cancel()
    await settle()
    assert not task.done(), "the task ended before it gave its window back"
    released.set()
    await cancelled(task)
    await settle()
    gc.collect()
    assert store.status == {1: "running" if fails else "pending"}
    assert [c.get("message") for c in loop_errors] == []


async def test_a_cancel_while_a_failed_window_is_recorded_lets_the_record_finish(
    store: LeaseStore, client: ListingClient, backfiller: Backfiller
) -> None:
    client.page.error = StripePermissionError("this key may not list customers")
    await cancel_while_held(store.release, lambda: start(backfiller, "worker"))
    assert store.status == {1: "error"}


async def test_a_give_back_left_behind_has_its_failure_retrieved(
    loop_errors: list[dict[str, Any]],
) -> None:
    """A give-back is left behind past its bound, or when a coroutine is closed where it waits (a
    closed loop's pending tasks are): the give-back's failure then goes unreported, not
    reported as "Task exception was never retrieved"."""
    release = Calls()
    gate = release.hold()
    release.error = DatabaseUnavailableError("the server is restarting")
    task = asyncio.create_task(finish_despite_cancel(release.run()))
    await release.entered.wait()
    task.get_coro().close()
    task.cancel()
    await settle()
    gate.set()
    await settle()
    gc.collect()
    assert [c.get("message") for c in loop_errors] == []


async def test_a_give_back_that_does_not_end_is_waited_for_only_so_long(
    store: LeaseStore,
    client: ListingClient,
    backfiller: Backfiller,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A database that never answers the give-back does not hold the stopping process: the
    task ends after ``GIVE_BACK_SECONDS`` and the window's lease runs out instead."""
    monkeypatch.setattr(leases, "GIVE_BACK_SECONDS", 0.2)
    gate = client.page.hold()
    store.release.hold()  # never opened
    task = start(backfiller, "worker")
    await client.page.entered.wait()
    task.cancel()
    gate.set()
    await store.release.entered.wait()
    done, _ = await asyncio.wait((task,), timeout=10)
    assert done, "the task still waits for its give-back"
    await cancelled(task)
    assert store.status == {1: "running"}


async def test_an_anyio_cancel_scope_does_not_make_the_wait_spin(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """anyio delivers a cancel to a task in a cancelled scope on every turn of the loop (the
    CLI's calls run through an anyio portal): the step is still awaited, without waking up
    for each of them."""
    waits = 0
    wait = asyncio.wait

    async def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal waits
        waits += 1
        return await wait(*args, **kwargs)

    monkeypatch.setattr(asyncio, "wait", counted)
    step = Calls()
    gate = step.hold()
    asyncio.get_running_loop().call_later(0.3, gate.set)
    with anyio.CancelScope() as scope:
        scope.cancel()
        await finish_despite_cancel(step.run())
    assert scope.cancelled_caught
    assert gate.is_set()
    assert waits <= 2


@pytest.mark.parametrize("entry", ["worker", "next_page"])
async def test_a_bug_while_a_window_is_paged_fails_the_window_at_once(
    entry: str, store: LeaseStore, client: ListingClient, backfiller: Backfiller
) -> None:
    """A failure that is not a :class:`StripeSyncError` (a bug) is recorded on the window, which
    is not left claimed until its lease runs out; ``next_page`` passes the error on, a worker
    goes on with the next window."""
    client.page.error = RuntimeError("a bug in the page path")
    task = start(backfiller, entry)
    if entry == "next_page":
        with pytest.raises(RuntimeError, match="a bug in the page path"):
            await task
    else:
        await asyncio.wait_for(task, timeout=10)
    assert store.status == {1: "error"}
