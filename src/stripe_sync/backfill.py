"""Backfill: copy Stripe's history from the list API, resumable, incremental and parallel.

A run (a row of ``_sync_runs``) is planned in one SQL call (``_backfill_plan_v1``,
``sql/migrations/0001_baseline.sql``): per object, a window over the ``created`` range not listed
yet (from the object's cursor, or the account's creation, up to now), plus the unfinished
windows of earlier runs, which continue from their cursor. A call with the same parameters while
a run is open joins it, so a resumed process and a second process work on the same run.

Workers (asyncio tasks here, and in any other process on the same database) claim windows as
leases (``FOR UPDATE SKIP LOCKED``; a dead worker's lease expires and the window is claimed
again), page through them with ``starting_after`` and commit every page together with its
cursor (``_backfill_page_v1``). A page that comes back full splits its window at the middle of the
range still to list while the run has fewer pending windows than workers, so one dense object
spreads over all workers. Objects that Stripe lists only per parent (payment methods, tax ids,
active entitlements per customer) page the parents and list each one's objects, a window per
page of parents.

A window that fails for good (a permission error, say) records its error and the run goes on;
the next run carries it over. Transient failures (Stripe 429/5xx after the client's retries)
give the window back to be claimed again, a few times, before it counts as failed. Progress is
read from the database (so it includes other processes' work) and passed to a callback; the
library never prints.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from .client import StripeClient
from .config import StripeSyncConfig
from .errors import (
    DatabaseUnavailableError,
    StripeNotFoundError,
    StripeSyncError,
)
from .ingest import Ingestor
from .leases import (
    claim_given_back_on_cancel,
    finish_despite_cancel,
    give_back_despite_cancel,
    take_over_dead_holders,
)
from .listing import (
    PAGE_SIZE,
    STRIPE_EPOCH,
    ListedPage,
    ParentedList,
    children_by_field,
    created_filter,
    list_params,
    listable_objects,
    parse_created,
    resolve_objects,
)
from .resources import Resource, get
from .run_results import (
    BackfillProgress,
    BackfillResult,
    ObjectProgress,
    ObjectResult,
    PageResult,
    ProgressCallback,
    progress_of,
)
from .store import ClaimedWindow, Store

__all__ = [
    "DEFAULT_LEASE_SECONDS",
    "DEFAULT_WORKERS",
    "PAGE_SIZE",
    "STRIPE_EPOCH",
    "BackfillProgress",
    "BackfillResult",
    "Backfiller",
    "ObjectProgress",
    "ObjectResult",
    "PageResult",
    "ProgressCallback",
    "list_params",
    "listable_objects",
    "parse_created",
    "resolve_objects",
]

#: Concurrent window workers per process. Stripe answers a list page in ~300 ms, so staying at
#: its 100 requests/s ceiling needs 30-40 requests in flight, spread over the objects listed (each
#: list endpoint is limited to 25/s on its own); the rate limiter paces them.
DEFAULT_WORKERS = 64
#: A claim lasts this long without a committed page before another worker may take the window.
DEFAULT_LEASE_SECONDS = 30.0
#: Times a window is given back after a transient failure before it counts as failed.
MAX_TRANSIENT_ATTEMPTS = 3
#: Parents whose objects are listed at once and committed together (per-parent objects).
PARENTS_AT_ONCE = 10

_default_logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RunPlan:
    """The parameters of a run, as ``_backfill_plan_v1`` takes them."""

    resources: tuple[Resource, ...]
    account_id: str
    #: Stripe-Account for a connected account; None for the key's own account.
    account: str | None
    floor: datetime | None
    created_gte: datetime | None
    created_lte: datetime | None
    relist: bool = False
    triggered_by: str = "api"


class Backfiller:
    """Plans runs and works their windows. One per facade; its workers share the client."""

    def __init__(
        self,
        config: StripeSyncConfig,
        store: Store,
        client: Callable[[], StripeClient],
        ingestor: Ingestor,
        *,
        workers: int = DEFAULT_WORKERS,
        lease_seconds: float = DEFAULT_LEASE_SECONDS,
        worker_id: str | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        if lease_seconds <= 0:
            raise ValueError(f"lease_seconds must be positive, got {lease_seconds}")
        self.config = config
        self._store = store
        self._client = client
        self._ingestor = ingestor
        self.workers = workers
        self.lease = timedelta(seconds=lease_seconds)
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._log = config.logger or _default_logger

    # -- runs ------------------------------------------------------------------------------------

    async def plan(self, plan: RunPlan, *, slices: int | None = None) -> tuple[int, bool]:
        """Create the run (or join the open one with these parameters): ``(run_id, joined)``.

        A new run starts each object's range as ``slices`` equal windows (default: enough for
        every worker to have one)."""
        if slices is None:
            slices = max(1, min(8, self.workers // max(1, len(plan.resources))))
        return await self._store.backfill_plan(
            {
                "account_id": plan.account_id,
                "objects": [
                    {
                        "name": r.name,
                        "created_filter": created_filter(r),
                        "kind": "parents" if r.list_per_parent is not None else "list",
                    }
                    for r in plan.resources
                ],
                "created_gte": plan.created_gte,
                "created_lte": plan.created_lte,
                "floor": plan.floor,
                "lease": self.lease,
                "triggered_by": plan.triggered_by,
                "relist": plan.relist,
                "initial_windows": slices,
                # The key's mode: a live and a test key of one account keep separate runs,
                # windows and cursors in one database.
                "mode": self.config.mode,
            }
        )

    async def run(
        self,
        plan: RunPlan,
        *,
        on_progress: ProgressCallback | None = None,
        progress_interval: float = 1.0,
    ) -> BackfillResult:
        """Plan (or join) a run and work it until no window is left, then close it."""
        (result,) = await self.run_many(
            [plan], on_progress=on_progress, progress_interval=progress_interval
        )
        return result

    async def run_many(
        self,
        plans: Sequence[RunPlan],
        *,
        on_progress: ProgressCallback | None = None,
        progress_interval: float = 1.0,
    ) -> list[BackfillResult]:
        """Work several runs (one per connected account) with one pool of workers.

        Workers take the runs in turn, one window each, so a small account finishes early
        instead of waiting behind a huge one; all of them share the rate limiter.
        """
        started = time.monotonic()
        runs: list[tuple[RunPlan, int, bool]] = []
        for plan in plans:
            run_id, joined = await self.plan(plan)
            self._log.info(
                "backfill run %s %s (%s): %s",
                run_id,
                "joined" if joined else "planned",
                plan.account_id,
                ", ".join(r.name for r in plan.resources),
                extra={"run_id": run_id},
            )
            runs.append((plan, run_id, joined))
            if joined:
                await take_over_dead_holders(self._store, run_id, self.lease, self._log)
        turns = collections.deque((plan, run_id) for plan, run_id, _ in runs)
        reporter = (
            asyncio.create_task(
                self._report(
                    [(run_id, plan.account_id) for plan, run_id, _ in runs],
                    started,
                    on_progress,
                    progress_interval,
                )
            )
            if on_progress is not None
            else None
        )
        try:
            async with asyncio.TaskGroup() as group:
                for n in range(self.workers):
                    # Each task its own lease holder: a task whose page outlasts the lease
                    # loses the window even to a task of the same process.
                    group.create_task(self._worker(turns, f"{self.worker_id}/{n}"))
        except* DatabaseUnavailableError as eg:
            raise eg.exceptions[0] from None
        finally:
            if reporter is not None:
                reporter.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await reporter
        results = []
        for plan, run_id, joined in runs:
            rows = await self._store.backfill_progress(run_id)
            if on_progress is not None:
                await _call(on_progress, progress_of(run_id, plan.account_id, started, rows))
            run = await self._store.backfill_run(run_id)
            results.append(
                BackfillResult(
                    run_id=run_id,
                    account_id=plan.account_id,
                    status=str(run["status"]) if run else "error",
                    joined=joined,
                    objects={
                        r.object: ObjectResult(
                            object=r.object,
                            status="error" if r.errors else "complete",
                            processed=r.processed,
                            windows=r.windows,
                            errors=r.last_errors,
                        )
                        for r in rows
                    },
                    elapsed=time.monotonic() - started,
                    relisted=plan.relist,
                    closed_at=run["closed_at"] if run else None,
                )
            )
        return results

    async def next_page(self, plan: RunPlan, object_names: Sequence[str]) -> PageResult:
        """Claim a window of one of ``object_names`` (one name, or a group's), list one page,
        commit it and give the window back."""
        run_id, _ = await self.plan(plan, slices=1)
        window = await claim_given_back_on_cancel(
            self._store.backfill_claim(run_id, self.worker_id, self.lease, list(object_names)),
            self._give_back,
        )
        processed = 0
        if window is not None:
            # One caller paging one window: splitting it would only leave more windows behind.
            try:
                processed, following = await self._page(
                    window, plan.account_id, plan.account, split=False
                )
            except asyncio.CancelledError:
                await give_back_despite_cancel(self._give_back(window))
                raise
            except StripeSyncError as exc:
                if not isinstance(exc, DatabaseUnavailableError):
                    # Recorded on the window (retried by a later call, or failed), then raised.
                    await self._failed(window, exc, transient=exc.transient)
                raise
            except Exception as exc:
                # A bug: the window fails with it (as a worker's does) rather than staying
                # claimed until its lease runs out; the caller gets the error.
                await self._failed(window, exc, transient=False)
                raise
            if following is not None:
                await finish_despite_cancel(self._give_back(window))
        rows = {r.object: r for r in await self._store.backfill_progress(run_id)}
        has_more = any(
            row.complete + row.errors < row.windows
            for row in (rows.get(name) for name in object_names)
            if row is not None
        )
        if not has_more:
            await self._store.backfill_finish(run_id)
        return PageResult(
            run_id=run_id,
            object=window.object if window is not None else object_names[0],
            processed=processed,
            has_more=has_more,
        )

    # -- workers -----------------------------------------------------------------------------

    async def _worker(self, turns: collections.deque[tuple[RunPlan, int]], worker: str) -> None:
        """Claim windows from the runs in turn until every run is closed."""
        misses = 0
        while turns:
            plan, run_id = turns[0]
            turns.rotate(-1)
            window = await claim_given_back_on_cancel(
                self._store.backfill_claim(run_id, worker, self.lease, None), self._give_back
            )
            if window is not None:
                misses = 0
                await self._work(window, plan.account_id, plan.account)
                continue
            status, _ = await self._store.backfill_finish(run_id)
            if status != "running":
                with contextlib.suppress(ValueError):
                    turns.remove((plan, run_id))
                continue
            misses += 1
            if misses >= len(turns):
                # Every open run's windows are held by others, who may split them, finish or
                # die (their leases expire): look again soon.
                misses = 0
                await asyncio.sleep(0.25)

    async def _work(self, window: ClaimedWindow, account_id: str, account: str | None) -> None:
        """Page through a claimed window to its end; record a failure on the window."""
        current: ClaimedWindow | None = window
        try:
            while current is not None:
                window = current
                _, current = await self._page(window, account_id, account)
        except asyncio.CancelledError:
            await give_back_despite_cancel(self._give_back(window))
            raise
        except DatabaseUnavailableError:
            raise
        except StripeSyncError as exc:
            await self._failed(window, exc, transient=exc.transient)
        except Exception as exc:  # a bug: record it on the window, keep the run going
            self._log.exception("backfill window %s (%s) failed", window.id, window.object)
            await self._failed(window, exc, transient=False)

    async def _failed(self, window: ClaimedWindow, exc: BaseException, *, transient: bool) -> None:
        message = f"{type(exc).__name__}: {exc}"
        retry = transient and window.failures + 1 < MAX_TRANSIENT_ATTEMPTS
        self._log.warning(
            "backfill window %s (%s) %s: %s",
            window.id,
            window.object,
            "will be retried" if retry else "failed",
            message,
            extra={"window_id": window.id, "object": window.object},
        )
        # Recorded even if a cancel comes meanwhile: cut short, it would leave the window
        # claimed until its lease ran out.
        await finish_despite_cancel(
            self._store.backfill_release(
                window.id, window.worker, "pending" if retry else "error", message
            )
        )

    def _give_back(self, window: ClaimedWindow) -> Coroutine[Any, Any, None]:
        """Release ``window`` unfinished: any worker (of a resumed run, say) claims it at once."""
        return self._store.backfill_release(window.id, window.worker, "pending")

    # -- one page ------------------------------------------------------------------------------

    async def _page(
        self, window: ClaimedWindow, account_id: str, account: str | None, *, split: bool = True
    ) -> tuple[int, ClaimedWindow | None]:
        """List and commit the next page of ``window``.

        Returns the objects listed and the window as it stands for its next page (None when it
        is complete, or when its lease was lost).
        """
        resource = get(window.object)
        if window.kind == "children":
            return await self._children_page(window, resource, account_id, account)
        if window.kind == "parents":
            assert resource.list_per_parent is not None
            page = await self._list(
                get(resource.list_per_parent.parent), window, account, raw=False
            )
            spawn = [str(o["id"]) for o in page.data]
            return 0, await self._commit(window, None, account_id, page, spawn=spawn)
        # The page goes to PostgreSQL as Stripe sent it. Nested lists Stripe sent whole (an
        # invoice's lines) are written from the parents' payloads there (0035); a page with a
        # list to page through (auto_expand_lists) is parsed and its lists listed to the end.
        page = await self._list(resource, window, account, raw=True)
        parented = children_by_field(
            resource, page.raw, auto_expand_lists=self.config.auto_expand_lists
        )
        if parented is None:
            page = page.parsed()
            children = await asyncio.gather(
                *(self._ingestor.child_lists(resource, obj, account) for obj in page.data)
            )
            parented = [
                ParentedList(c, str(obj["id"]))
                for obj, lists in zip(page.data, children, strict=True)
                for c in lists
            ]
        ambiguous: list[str] = []
        following = await self._commit(
            window, resource, account_id, page, children=parented, ambiguous=ambiguous, split=split
        )
        for object_id in ambiguous:
            # A same-second tie with an event: fetch the object again to settle it.
            await self._ingestor.sync_entity(object_id, object=resource.name, account=account)
        return page.size, following

    async def _list(
        self, resource: Resource, window: ClaimedWindow, account: str | None, *, raw: bool
    ) -> ListedPage:
        """The window's next page; with ``raw``, its objects left as JSON (``ListedPage.raw``)."""
        assert resource.list_path is not None
        params = list_params(resource, window.created_gte, window.created_lt, window.cursor)
        if raw:
            listed = await self._client().list_page_raw(resource.list_path, params, account=account)
            return ListedPage(
                data=[],
                raw=listed.objects,
                size=listed.count,
                has_more=listed.has_more and listed.last_id is not None,
                cursor=listed.last_id or window.cursor,
                cursor_created=(
                    datetime.fromtimestamp(listed.last_created, UTC)
                    if listed.last_created is not None and listed.last_id is not None
                    else window.cursor_created
                ),
            )
        page = await self._client().list_page(resource.list_path, params, account=account)
        last = page.data[-1] if page.data else None
        return ListedPage(
            data=page.data,
            size=len(page.data),
            has_more=page.has_more and last is not None,
            cursor=str(last["id"]) if last is not None else window.cursor,
            cursor_created=(
                datetime.fromtimestamp(int(last["created"]), UTC)
                if last is not None and isinstance(last.get("created"), int)
                else window.cursor_created
            ),
        )

    async def _children_page(
        self, window: ClaimedWindow, resource: Resource, account_id: str, account: str | None
    ) -> tuple[int, ClaimedWindow | None]:
        """List the objects of the next parents of a ``children`` window and commit them.

        Up to :data:`PARENTS_AT_ONCE` parents are listed concurrently and committed in one call
        (the cursor is the last of them). Child rows with a parent column (active entitlements)
        are committed per parent, because each parent's complete list tombstones its missing
        rows.
        """
        per_parent = resource.list_per_parent
        assert per_parent is not None
        parents = list(window.parent_ids)
        start = parents.index(window.cursor) + 1 if window.cursor in parents else 0
        if start >= len(parents):
            return 0, await self._commit(
                window, None, account_id, ListedPage([], 0, False, window.cursor, None)
            )
        batch = parents[start : start + (1 if resource.is_child else PARENTS_AT_ONCE)]

        async def listed(parent_id: str) -> list[dict[str, Any]]:
            path = per_parent.path.replace("{parent}", parent_id)
            params = {k: v.replace("{parent}", parent_id) for k, v in per_parent.params}
            try:
                return [
                    item
                    async for item in self._client().iter_list(
                        path, params, account=account, page_size=PAGE_SIZE
                    )
                ]
            except StripeNotFoundError as exc:
                # The parent was deleted since it was listed: it has nothing to list (its
                # own deletion arrives as an event). The rest of the batch goes on.
                if exc.code not in (None, "resource_missing"):
                    raise
                return []

        lists = await asyncio.gather(*(listed(p) for p in batch))
        items = [item for found in lists for item in found]
        page = ListedPage(items, len(items), start + len(batch) < len(parents), batch[-1], None)
        following = await self._commit(
            window,
            resource,
            account_id,
            page,
            parent_id=batch[0] if resource.is_child else None,
        )
        return len(items), following

    async def _commit(
        self,
        window: ClaimedWindow,
        resource: Resource | None,
        account_id: str,
        page: ListedPage,
        *,
        children: Sequence[ParentedList] = (),
        spawn: Sequence[str] | None = None,
        parent_id: str | None = None,
        ambiguous: list[str] | None = None,
        split: bool = True,
    ) -> ClaimedWindow | None:
        """Commit a page with its cursor; the window for its next page, or None."""
        committed = await self._store.backfill_page(
            {
                "window_id": window.id,
                "worker": window.worker,
                "lease": self.lease,
                "table": resource.table if resource is not None else None,
                "account_id": account_id,
                "objects": (page.raw or page.data) if resource is not None else [],
                "version": window.version,
                "children": children,
                "cursor": page.cursor,
                "cursor_created": page.cursor_created,
                "has_more": page.has_more,
                "split_below": self.workers if split else 0,
                "parent_column": resource.parent if resource is not None and parent_id else None,
                "parent_id": parent_id,
                "spawn_parent_ids": list(spawn) if spawn else None,
            }
        )
        if ambiguous is not None:
            ambiguous.extend(committed.ambiguous)
        if committed.status == "lost":
            self._log.warning(
                "backfill window %s (%s): its lease went to another worker; leaving it",
                window.id,
                window.object,
            )
            return None
        if committed.status != "running":
            return None
        return replace(
            window,
            created_gte=committed.split_at or window.created_gte,
            cursor=page.cursor,
            cursor_created=page.cursor_created,
            version=committed.next_version,
        )

    # -- progress --------------------------------------------------------------------------------

    async def _report(
        self,
        runs: Sequence[tuple[int, str]],
        started: float,
        on_progress: ProgressCallback,
        interval: float,
    ) -> None:
        while True:
            await asyncio.sleep(interval)
            for run_id, account_id in runs:
                try:
                    rows = await self._store.backfill_progress(run_id)
                except DatabaseUnavailableError:
                    continue
                await _call(on_progress, progress_of(run_id, account_id, started, rows))


async def _call(callback: ProgressCallback, progress: BackfillProgress) -> None:
    result = callback(progress)
    if result is not None:
        await result
