"""The backfill on simulated time: the requests and seconds a run takes on a given density.

Same initial windows, page size and splitting rule as ``_backfill_page_v1``
(``sql/migrations/0001_baseline.sql``), same workers claiming windows of the least busy object
first, same token buckets in the same order as :class:`~stripe_sync.ratelimit.TokenBucketLimiter`:
a request reserves its endpoint's slot, waits for it, and only then takes a global token. Taking
both at once (a global token reserved for when the endpoint's slot comes) makes every other
endpoint queue behind it, which the real client avoids; simulating that over-counted the global
waits (a product estimate 32 % over a paced run).

Each worker, and each parent listed within a batch, is a generator on one simulated clock
(:class:`_Loop`), so that requests reach the buckets in the order of simulated time, as the
client's coroutines reach its limiter. A page costs its object's round trip (measured per object:
a page of charges is not a page of products), then its write: the object's measured seconds of
database work per page (:data:`COMMIT_SECONDS` where none was measured) on one of
``EstimateLimits.database_slots`` writers at once, first come first served. With Stripe's full
rates the database, not the limits, can set the pace: a live key's 100 pages a second of charges
need more than two CPUs' worth of writes.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

from .backfill import PAGE_SIZE, PARENTS_AT_ONCE
from .density import Density

__all__ = [
    "COMMIT_SECONDS",
    "EstimateLimits",
    "NestedPaging",
    "ObjectModel",
    "database_slots",
    "simulate",
]

#: Seconds of database work per committed page (write the page, move the cursor) for an object
#: whose write was not measured; small next to Stripe's round trip.
COMMIT_SECONDS = 0.01
#: A worker that finds no window free (others may still split theirs) looks again after this.
_IDLE_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class EstimateLimits:
    """What paces the backfill: requests per second overall and per endpoint (None: no
    limit), concurrent workers, one list request's round trip in seconds (the default for
    objects without a round trip of their own, see :func:`simulate`), and how many pages the
    database writes at once (None: as many as come; see :func:`database_slots`)."""

    global_rps: float | None
    endpoint_rps: float | None
    workers: int
    latency: float
    database_slots: int | None = None


@dataclass(slots=True)
class _Window:
    object: str
    kind: str  # list, parents, children
    gte: float
    top: float
    #: Parents left to list (children windows).
    parents: int = 0
    running: bool = False
    first: bool = True


@dataclass(frozen=True, slots=True)
class NestedPaging:
    """A nested list paged to completion for some objects of each page (``auto_expand_lists``):
    its endpoint, the share of a page's objects whose list is paged, and the mean requests one
    such list takes. A page's lists are listed side by side, each list's pages one by one."""

    endpoint: str
    share: float
    requests: float


@dataclass(slots=True)
class ObjectModel:
    """What the simulation needs of one object."""

    name: str
    #: The endpoint its pages are paced by (the parent's list for per-parent objects).
    endpoint: str
    density: Density
    gte: float
    lt: float
    windowed: bool
    #: Per-parent objects: the children endpoint, children per parent, one parent per batch.
    child_endpoint: str | None = None
    per_parent: float = 0.0
    one_parent_at_once: bool = False
    #: Nested lists paged to completion after each page, before it is written.
    nested: tuple[NestedPaging, ...] = ()


class _Writers:
    """``slots`` writers taking pages first come first served: when each is free next."""

    def __init__(self, slots: int | None) -> None:
        self._free = [0.0] * slots if slots else []

    def write(self, at: float, seconds: float) -> float:
        """When a page that is ready ``at`` and takes ``seconds`` to write is written."""
        if not self._free:
            return at + seconds
        done = max(at, self._free[0]) + seconds
        heapq.heapreplace(self._free, done)
        return done


class _Bucket:
    """The virtual-scheduling token bucket of :mod:`stripe_sync.ratelimit`, on simulated time."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate
        self.tolerance = (max(1.0, rate) - 1.0) * self.interval
        self.next_due = float("-inf")

    def take(self, now: float) -> float:
        at = max(now, self.next_due - self.tolerance)
        self.next_due = max(self.next_due, at) + self.interval
        return at


#: What a simulated task yields: the time to resume at, or tasks to run side by side and wait
#: for (``asyncio.gather``).
_Yield: TypeAlias = "float | list[Generator[_Yield, None, None]]"
_Gen: TypeAlias = Generator[_Yield, None, None]


@dataclass(slots=True)
class _Task:
    steps: _Gen
    parent: _Task | None = None
    pending: int = 0


@dataclass(slots=True)
class _Loop:
    """A clock and the tasks due on it, run in order of time (then of arrival)."""

    now: float = 0.0
    _due: list[tuple[float, int, _Task]] = field(default_factory=list)
    _order: int = 0

    def start(self, steps: _Gen) -> None:
        self._push(self.now, _Task(steps))

    def run(self) -> None:
        while self._due:
            self.now, _, task = heapq.heappop(self._due)
            self._step(task)

    def _push(self, at: float, task: _Task) -> None:
        heapq.heappush(self._due, (max(at, self.now), self._order, task))
        self._order += 1

    def _step(self, task: _Task) -> None:
        try:
            wanted = next(task.steps)
        except StopIteration:
            parent = task.parent
            if parent is not None:
                parent.pending -= 1
                if parent.pending == 0:
                    self._push(self.now, parent)
            return
        if not isinstance(wanted, list):
            self._push(wanted, task)
            return
        if not wanted:
            self._push(self.now, task)
            return
        task.pending = len(wanted)
        for steps in wanted:
            self._push(self.now, _Task(steps, parent=task))


def simulate(
    plans: Sequence[ObjectModel],
    limits: EstimateLimits,
    *,
    sliced: bool = True,
    latencies: Mapping[str, float] | None = None,
    page_seconds: Mapping[str, float] | None = None,
) -> dict[str, tuple[int, float]]:
    """Run the backfill's windows on simulated time: per object ``(requests, seconds)``.

    ``sliced``: each range starts as equal windows (False: one window, as a run with an open
    upper bound plans it). ``latencies``: per object, one page's round trip in seconds as the
    client sees it (objects not in it: ``limits.latency``). ``page_seconds``: per object, the
    database's seconds to write one page (objects not in it: :data:`COMMIT_SECONDS`)."""
    slices = max(1, min(8, limits.workers // max(1, len(plans)))) if sliced else 1
    windows: list[_Window] = []
    for p in plans:
        if not p.windowed:
            windows.append(_Window(p.name, _kind(p), p.gte, p.lt))
            continue
        n = max(1, min(slices, int(p.lt - p.gte)))
        step = (p.lt - p.gte) / n
        for i in range(n):
            lo = p.gte if i == 0 else math.floor(p.gte + i * step)
            hi = p.lt if i == n - 1 else math.floor(p.gte + (i + 1) * step)
            windows.append(_Window(p.name, _kind(p), lo, hi))
    by_name = {p.name: p for p in plans}
    latency = {name: (latencies or {}).get(name, limits.latency) for name in by_name}
    write_seconds = {name: (page_seconds or {}).get(name, COMMIT_SECONDS) for name in by_name}
    writers = _Writers(limits.database_slots)
    #: Per object and nested list, the fractions of a list and of a request carried over.
    carried: dict[tuple[str, str], tuple[float, float]] = {}
    requests = dict.fromkeys(by_name, 0)
    finished = dict.fromkeys(by_name, 0.0)
    global_bucket = _Bucket(limits.global_rps) if limits.global_rps else None
    endpoint_buckets: dict[str, _Bucket] = {}
    busy = dict.fromkeys(by_name, 0)
    loop = _Loop()

    def request(name: str, endpoint: str) -> _Gen:
        """One request as the client sends it: the endpoint's slot, then (when that comes) a
        global token, then the round trip."""
        if limits.endpoint_rps:
            bucket = endpoint_buckets.setdefault(endpoint, _Bucket(limits.endpoint_rps))
            yield bucket.take(loop.now)
        if global_bucket is not None:
            yield global_bucket.take(loop.now)
        requests[name] += 1
        yield loop.now + latency[name]

    def claim() -> _Window | None:
        free = [w for w in windows if not w.running]
        if not free:
            return None
        window = min(free, key=lambda w: busy[w.object])
        window.running = True
        busy[window.object] += 1
        return window

    def children(p: ObjectModel, pages: int, endpoint: str | None = None) -> _Gen:
        for _ in range(pages):
            yield from request(p.name, endpoint or str(p.child_endpoint))

    def nested_lists(p: ObjectModel, size: float) -> list[_Gen]:
        """The requests paging a page's truncated lists, one task per list; the fractions of a
        list and of a request left over are carried to the object's next page."""
        tasks: list[_Gen] = []
        for n in p.nested:
            lists_due, requests_due = carried.get((p.name, n.endpoint), (0.0, 0.0))
            lists_due += n.share * size
            lists = int(lists_due)
            requests_due += n.requests * lists
            sent = max(lists, int(requests_due))
            carried[(p.name, n.endpoint)] = (lists_due - lists, requests_due - sent)
            for k in range(lists):  # the requests spread over the lists, one at least each
                pages = sent // lists + (1 if k < sent % lists else 0)
                tasks.append(children(p, pages, n.endpoint))
        return tasks

    def page(window: _Window) -> Generator[_Yield, None, bool]:
        """One page of ``window``, listed and committed; whether the window has more."""
        p = by_name[window.object]
        if window.kind == "children":
            batch = 1 if p.one_parent_at_once else min(PARENTS_AT_ONCE, window.parents)
            pages = max(1, math.ceil(p.per_parent / PAGE_SIZE))
            yield [children(p, pages) for _ in range(batch)]
            window.parents -= batch
            yield writers.write(loop.now, COMMIT_SECONDS)
            return window.parents > 0
        yield from request(p.name, p.endpoint)
        left = p.density.between(window.gte, window.top)
        size = min(float(PAGE_SIZE), left)
        if p.nested:
            yield nested_lists(p, size)
        yield writers.write(loop.now, write_seconds[p.name])
        # The commit moves the cursor and may split the window, as _backfill_page_v1 does.
        more = left > PAGE_SIZE + 1e-6
        cursor = p.density.below(window.top, window.gte, PAGE_SIZE) if more else window.gte
        if window.kind == "parents" and size >= 0.5:
            windows.append(_Window(p.name, "children", 0, 0, parents=max(1, round(size))))
        if (
            more
            and p.windowed
            and cursor - window.gte >= 2
            and cursor - window.gte >= 4 * max(window.top - cursor, 1)
            and sum(1 for w in windows if not w.running) < limits.workers
        ):
            split = math.floor((window.gte + cursor) / 2)
            windows.append(_Window(p.name, window.kind, window.gte, split))
            window.gte = split
        window.top = cursor
        return more

    def worker() -> _Gen:
        while True:
            window = claim()
            if window is None:
                if not any(w.running for w in windows):
                    return
                yield loop.now + _IDLE_SECONDS
                continue
            while (yield from page(window)):
                pass
            windows.remove(window)
            busy[window.object] -= 1
            finished[window.object] = max(finished[window.object], loop.now)

    for _ in range(limits.workers):
        loop.start(worker())
    loop.run()
    return {name: (requests[name], finished[name]) for name in by_name}


def _kind(plan: ObjectModel) -> str:
    return "parents" if plan.child_endpoint is not None else "list"


def database_slots(pool_size: int, cpus: int | None) -> int:
    """Pages the database writes at once: one per pooled connection, and no more than ``cpus``
    when it runs on this machine (its writes are CPU; None: a server elsewhere, whose CPUs are
    unknown here, so the pool bounds it)."""
    return max(1, min(pool_size, cpus) if cpus else pool_size)
