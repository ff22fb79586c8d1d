"""The backfill on simulated time: the requests and seconds a run takes on a given density.

Same initial windows, page size and splitting rule as ``_backfill_page_v1``
(``sql/migrations/0001_baseline.sql``), same workers claiming windows of the least busy object
first, same token buckets (GCRA, endpoint then global, as
:class:`~stripe_sync.ratelimit.TokenBucketLimiter`).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass

from .backfill import PAGE_SIZE, PARENTS_AT_ONCE
from .density import Density

__all__ = ["COMMIT_SECONDS", "EstimateLimits", "ObjectModel", "simulate"]

#: Seconds of database work per committed page (write the page, move the cursor); small next to
#: Stripe's round trip.
COMMIT_SECONDS = 0.01
#: A worker that finds no window free (others may still split theirs) looks again after this.
_IDLE_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class EstimateLimits:
    """What paces the backfill: requests per second overall and per endpoint (None: no
    limit), concurrent workers, and one list request's round trip in seconds."""

    global_rps: float | None
    endpoint_rps: float | None
    workers: int
    latency: float


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


def simulate(
    plans: Sequence[ObjectModel], limits: EstimateLimits, *, sliced: bool = True
) -> dict[str, tuple[int, float]]:
    """Run the backfill's windows on simulated time: per object ``(requests, seconds)``.

    ``sliced``: each range starts as equal windows (False: one window, as a run with an open
    upper bound plans it)."""
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
    requests = dict.fromkeys(by_name, 0)
    finished = dict.fromkeys(by_name, 0.0)
    global_bucket = _Bucket(limits.global_rps) if limits.global_rps else None
    endpoint_buckets: dict[str, _Bucket] = {}
    busy = dict.fromkeys(by_name, 0)

    def acquire(now: float, endpoint: str) -> float:
        at = now
        if limits.endpoint_rps:
            bucket = endpoint_buckets.setdefault(endpoint, _Bucket(limits.endpoint_rps))
            at = bucket.take(at)
        if global_bucket is not None:
            at = global_bucket.take(at)
        return at

    def claim() -> _Window | None:
        free = [w for w in windows if not w.running]
        if not free:
            return None
        window = min(free, key=lambda w: busy[w.object])
        window.running = True
        busy[window.object] += 1
        return window

    def page(window: _Window, now: float) -> tuple[float, bool]:
        """One page of ``window`` sent at ``now``: when it is committed, and whether the
        window has more."""
        p = by_name[window.object]
        if window.kind == "children":
            batch = 1 if p.one_parent_at_once else min(PARENTS_AT_ONCE, window.parents)
            done = now
            assert p.child_endpoint is not None
            pages = max(1, math.ceil(p.per_parent / PAGE_SIZE))
            for _ in range(batch):
                at = now
                for _ in range(pages):
                    at = acquire(at, p.child_endpoint) + limits.latency
                    requests[p.name] += 1
                done = max(done, at)
            window.parents -= batch
            return done + COMMIT_SECONDS, window.parents > 0
        sent = acquire(now, p.endpoint)
        requests[p.name] += 1
        left = p.density.between(window.gte, window.top)
        size = min(float(PAGE_SIZE), left)
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
        return sent + limits.latency + COMMIT_SECONDS, more

    # Each worker: (time it acts next, order, worker number, its window or None).
    events: list[tuple[float, int, int]] = [(0.0, n, n) for n in range(limits.workers)]
    held: dict[int, _Window | None] = dict.fromkeys(range(limits.workers))
    heapq.heapify(events)
    order = limits.workers
    while events:
        now, _, worker = heapq.heappop(events)
        window = held[worker]
        if window is None:
            window = claim()
            if window is None:
                if any(w.running for w in windows):
                    heapq.heappush(events, (now + _IDLE_SECONDS, order, worker))
                    order += 1
                continue
            held[worker] = window
        done, more = page(window, now)
        if not more:
            windows.remove(window)
            busy[window.object] -= 1
            held[worker] = None
            finished[window.object] = max(finished[window.object], done)
        heapq.heappush(events, (done, order, worker))
        order += 1
    return {name: (requests[name], finished[name]) for name in by_name}


def _kind(plan: ObjectModel) -> str:
    return "parents" if plan.child_endpoint is not None else "list"
