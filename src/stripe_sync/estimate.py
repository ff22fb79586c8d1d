"""A budget before a backfill: how many objects, requests and seconds it will take.

Nothing is written. Per object a few cheap list requests (``limit=100`` with a ``created``
filter) sample how the object's ``created`` dates are spread over the range the backfill would
list; then the backfill itself is simulated on that density: the same initial windows, the same
page size, the same splitting rule as ``_backfill_page`` (``sql/migrations/0017``), the same
workers claiming windows of the least busy object first, and the same token buckets (the key's
global rate, 25/s per endpoint, or what the config raises them to), with the round trip measured
on the sampling requests. The simulated requests and finishing time of each object are the
estimate.

Sampling. Each probe lists one page of a sub-range ``[gte, lt)``: a page without ``has_more`` is
an exact count of the sub-range; a full page tells the density just below ``lt`` (100 objects
over the page's span of ``created``). What is still unknown is kept as gaps between sampled
spans, each with the density seen at its ends. The gap that may hold the most objects is probed
next, with ``lt`` placed at the geometric mean of one page's span and the gap's length below its
top: a gap at sparse density is covered in a page or two (a burst hiding in it shows up as a jump
in density), and a dense gap is searched in log-log steps for where its density ends (an old bulk
import, a burst of sign-ups). Gaps left when the budget is spent count at the mean of their end
densities. Objects listed per parent count the parents (sampled as above) times the children of a
few sampled parents; lists without a ``created`` filter are paged from the newest and
extrapolated over the range when the budget ends first. :attr:`ObjectEstimate.method` says which.
"""

from __future__ import annotations

import asyncio
import contextvars
import heapq
import itertools
import math
import statistics
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .backfill import PAGE_SIZE, PARENTS_AT_ONCE
from .client import StripeClient
from .errors import StripeNotFoundError
from .ratelimit import RateLimiter, endpoint_key
from .resources import Resource, get

__all__ = [
    "DEFAULT_PROBES",
    "BackfillEstimate",
    "EstimateLimits",
    "ObjectEstimate",
    "WaitMeter",
    "estimate_backfill",
    "sample_density",
]

#: List requests spent sampling one object's dates; up to twice as many while a gap not sampled
#: yet could hold a tenth of the object's objects.
DEFAULT_PROBES = 8
#: The first probes look at the top of this many equal parts of an object's range.
STRATA = 4
#: Parents whose children are listed to estimate children per parent.
SAMPLED_PARENTS = 8
#: Seconds of database work per committed page (write the page, move the cursor); small next to
#: Stripe's round trip.
COMMIT_SECONDS = 0.01
#: A worker that finds no window free (others may still split theirs) looks again after this.
_IDLE_SECONDS = 0.25

#: One probe: the ``created`` values (newest first) of the page listing ``[gte, lt)``, and
#: whether there are more.
Probe = Callable[[int, int], Awaitable[tuple[list[int], bool]]]


@dataclass(frozen=True, slots=True)
class EstimateLimits:
    """What paces the backfill: requests per second overall and per endpoint (None: no
    limit), concurrent workers, and one list request's round trip in seconds."""

    global_rps: float | None
    endpoint_rps: float | None
    workers: int
    latency: float


@dataclass(frozen=True, slots=True)
class ObjectEstimate:
    """The estimate for one object."""

    object: str
    objects: int
    requests: int
    #: Seconds from the start of the run until this object's last page is committed (objects
    #: are listed side by side, so these overlap).
    seconds: float
    #: ``exact`` (every object was seen), ``sampled`` (density sampled over created),
    #: ``per parent`` (parents x sampled children per parent), ``extrapolated`` (a list without
    #: a created filter, paged from the newest and extended over the range).
    method: str
    #: Requests spent sampling this object.
    sample_requests: int
    #: What the estimate rests on, for people (e.g. "1,200 customers x 1.4 per customer").
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "object": self.object,
            "objects": self.objects,
            "requests": self.requests,
            "seconds": round(self.seconds, 3),
            "method": self.method,
            "sample_requests": self.sample_requests,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class BackfillEstimate:
    """What :meth:`~stripe_sync.AsyncStripeSync.estimate_backfill` answers."""

    account_id: str
    livemode: bool
    limits: EstimateLimits
    created_gte: datetime | None
    created_lt: datetime | None
    objects: Mapping[str, ObjectEstimate]
    #: The whole run's seconds (the slowest object, all sharing the global rate).
    seconds: float

    @property
    def requests(self) -> int:
        return sum(o.requests for o in self.objects.values())

    @property
    def total_objects(self) -> int:
        return sum(o.objects for o in self.objects.values())

    @property
    def sample_requests(self) -> int:
        return sum(o.sample_requests for o in self.objects.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "account_id": self.account_id,
            "livemode": self.livemode,
            "created_gte": self.created_gte.isoformat() if self.created_gte else None,
            "created_lt": self.created_lt.isoformat() if self.created_lt else None,
            "limits": {
                "global_rps": self.limits.global_rps,
                "endpoint_rps": self.limits.endpoint_rps,
                "workers": self.limits.workers,
                "latency_seconds": round(self.limits.latency, 4),
            },
            "objects": [o.as_json() for o in self.objects.values()],
            "total": {
                "objects": self.total_objects,
                "requests": self.requests,
                "seconds": round(self.seconds, 3),
                "sample_requests": self.sample_requests,
            },
        }


# -- the density model -----------------------------------------------------------------------


@dataclass(slots=True)
class Density:
    """Objects over ``created``: disjoint spans ``(gte, lt, count)``, uniform within each."""

    spans: list[tuple[float, float, float]] = field(default_factory=list)
    #: Every object was seen (the spans are exact counts per second).
    exact: bool = True
    #: Seconds of the range no probe saw (estimated from the densities around them).
    unseen: float = 0.0

    @property
    def total(self) -> float:
        return sum(c for _, _, c in self.spans)

    def sort(self) -> None:
        self.spans.sort()

    def between(self, gte: float, lt: float) -> float:
        """Objects expected in ``[gte, lt)``."""
        found = 0.0
        for a, b, c in self.spans:
            if b <= gte or a >= lt or c <= 0:
                continue
            found += c * (min(b, lt) - max(a, gte)) / (b - a)
        return found

    def below(self, top: float, gte: float, n: float) -> float:
        """The point ``x >= gte`` under ``top`` such that ``[x, top)`` holds ``n`` objects
        (listing runs from the newest down); ``gte`` when fewer are left."""
        need = n
        for a, b, c in reversed(self.spans):
            if a >= top or c <= 0:
                continue
            hi = min(b, top)
            lo = max(a, gte)
            if hi <= lo:
                if b <= gte:
                    break
                continue
            here = c * (hi - lo) / (b - a)
            if here >= need:
                return hi - need * (b - a) / c
            need -= here
        return gte


@dataclass(slots=True)
class _Gap:
    """A sub-range not sampled yet, with the density seen just above and just below it."""

    gte: float
    lt: float
    below: float | None
    above: float
    #: How far above this gap the density at its top was found to last (for galloping).
    reach: float = 0.0

    @property
    def expected(self) -> float:
        ends = [d for d in (self.below, self.above) if d is not None]
        return (self.lt - self.gte) * sum(ends) / len(ends)

    @property
    def at_most(self) -> float:
        return (self.lt - self.gte) * max(self.below or 0.0, self.above)


async def sample_density(probe: Probe, gte: int, lt: int, budget: int = DEFAULT_PROBES) -> Density:
    """Sample the objects created in ``[gte, lt)`` with at most ``budget`` probes."""
    density = Density()
    gaps: list[tuple[float, int, _Gap]] = []
    #: The gaps pushed by the last probe.
    pushed: list[_Gap] = []
    order = 0

    def seen(created: Sequence[int]) -> None:
        for second, n in _per_second(created):
            density.spans.append((second, second + 1, n))

    async def look(lo: int, hi: int, below: float | None) -> float:
        """Probe ``[lo, hi)``; the density just below ``hi`` (per second), over the newest
        fifth of the page (the gap the probe leaves below the page gets its oldest fifth's)."""
        nonlocal order
        created, has_more = await probe(lo, hi)
        if not has_more or not created:
            seen(created)
            return len(created) / max(hi - lo, 1)
        # The page ends inside its last second: objects of that second may be left out, so the
        # gap starts one second higher and those of the page are counted in it.
        last = min(created)
        sure = sorted((c for c in created if c > last), reverse=True)
        seen(sure)
        # The density at the page's old end, where the gap below it starts: over its oldest
        # fifth (a page that reaches into a burst must not dilute it with the objects above).
        k = min(len(sure), PAGE_SIZE // 5)
        if not k:
            return float(len(created))
        bottom = k / max(sure[-k] - last, 1)
        if last + 1 > lo:
            gap = _Gap(lo, last + 1, below, bottom)
            heapq.heappush(gaps, (-gap.at_most, order, gap))
            order += 1
            pushed.append(gap)
        return k / max(hi - sure[k - 1], 1)

    if lt <= gte:
        return density
    await look(gte, lt, None)
    spent = 1
    if gaps and gaps[0][2].lt - gte >= 2 * STRATA:
        # Not one page: look at the top of each of STRATA equal parts of the rest as well, so
        # that the first probes are spread over the whole range (each part's gap then knows the
        # density just below it, seen at the top of the part under it).
        _, _, rest = heapq.heappop(gaps)
        step = (rest.lt - gte) / STRATA
        bounds = [gte + round(k * step) for k in range(STRATA)]
        below: float | None = None
        for lo, hi in itertools.pairwise(bounds):
            below = await look(lo, hi, below)
            spent += 1
        top = _Gap(bounds[-1], rest.lt, below, rest.above)
        heapq.heappush(gaps, (-top.at_most, order, top))
        order += 1
    while gaps and spent < budget * 2:
        if spent >= budget:
            # Over the budget only while a gap could still hold a tenth of the total.
            sure = sum(c for _, _, c in density.spans)
            guess = sure + sum(g.expected for _, _, g in gaps)
            if -gaps[0][0] <= guess / 10:
                break
        _, _, gap = heapq.heappop(gaps)
        length = gap.lt - gap.gte
        span = PAGE_SIZE / gap.above if gap.above > 0 else length
        if gap.expected <= 1.5 * PAGE_SIZE or length <= 2:
            # Likely a page or so: list it all from the top.
            upper = int(gap.lt)
        else:
            # A gap down to the range's start (nothing seen below it) is halved, to find where
            # the objects begin; so is a gap of a few dozen pages (at its top's density); a
            # longer one is searched in steps that grow geometrically from one page's span
            # below its top (where a density seen at the top ends).
            # While the probes keep finding the same density, the steps double (gallop).
            halve = gap.below is None or length < 64 * span
            drop = length / 2 if halve else max(1.0, math.sqrt(span * length), 2 * gap.reach)
            drop = min(drop, length / 2)
            upper = int(gap.lt - drop)
        lower = int(gap.gte)
        pushed.clear()
        found = await look(lower, upper, gap.below)
        spent += 1
        if found >= gap.above / 2:
            for below_it in pushed:
                below_it.reach = gap.reach + (gap.lt - upper)
        if upper < gap.lt:
            rest = _Gap(upper, gap.lt, found, gap.above)
            heapq.heappush(gaps, (-rest.at_most, order, rest))
            order += 1
    for _, _, gap in gaps:
        density.exact = False
        density.unseen += gap.lt - gap.gte
        density.spans.append((gap.gte, gap.lt, gap.expected))
    density.sort()
    return density


def _per_second(created: Sequence[int]) -> Iterator[tuple[int, int]]:
    counts: dict[int, int] = {}
    for c in created:
        counts[c] = counts.get(c, 0) + 1
    return iter(sorted(counts.items()))


# -- the backfill, simulated -------------------------------------------------------------------


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
class _Plan:
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
    plans: Sequence[_Plan], limits: EstimateLimits, *, sliced: bool = True
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


def _kind(plan: _Plan) -> str:
    return "parents" if plan.child_endpoint is not None else "list"


# -- sampling against Stripe -------------------------------------------------------------------

_waited: contextvars.ContextVar[float] = contextvars.ContextVar("estimate_waited", default=0.0)


class WaitMeter:
    """A rate limiter that passes to ``inner`` and notes how long the caller waited, so that
    a sampling request's round trip is measured without its wait for a token."""

    def __init__(self, inner: RateLimiter | None) -> None:
        self._inner = inner

    async def acquire(self, key: str) -> None:
        if self._inner is None:
            return
        started = time.monotonic()
        await self._inner.acquire(key)
        _waited.set(_waited.get() + time.monotonic() - started)


async def estimate_backfill(
    client: StripeClient,
    resources: Sequence[Resource],
    ranges: Mapping[str, tuple[datetime, datetime]],
    *,
    account: str | None,
    account_id: str,
    livemode: bool,
    limits: EstimateLimits,
    created: tuple[datetime | None, datetime | None] = (None, None),
    sliced: bool = True,
    budget: int = DEFAULT_PROBES,
) -> BackfillEstimate:
    """Sample each of ``resources`` over its range (``ranges[name]``: ``[gte, lt)``, the
    parent's for per-parent objects) and simulate the run; see the module's docstring.

    ``limits.latency`` of 0 means: measure it on the sampling requests.
    """
    rtts: list[float] = []
    counts: dict[str, int] = {}
    #: A few ids of each page the probes saw, for per-parent objects to sample their parents.
    ids: dict[str, list[str]] = {}

    def prober(resource: Resource) -> Probe:
        assert resource.list_path is not None
        path = resource.list_path

        async def probe(gte: int, lt: int) -> tuple[list[int], bool]:
            params: dict[str, Any] = {**dict(resource.list_params), "limit": PAGE_SIZE}
            params["created"] = {"gte": gte, "lt": lt}
            _waited.set(0.0)
            started = time.monotonic()
            page = await client.list_page(path, params, account=account)
            rtts.append(time.monotonic() - started - _waited.get())
            counts[resource.name] = counts.get(resource.name, 0) + 1
            _note_ids(ids, resource.name, page.data)
            return [int(o["created"]) for o in page.data if isinstance(o.get("created"), int)], (
                page.has_more
            )

        return probe

    densities: dict[tuple[str, int, int], Density] = {}
    locks: dict[tuple[str, int, int], asyncio.Lock] = {}

    async def density_of(resource: Resource, gte: datetime, lt: datetime) -> Density:
        # A parent listed for its own sake and for a per-parent object is sampled once.
        key = (resource.name, _ts(gte), _ts(lt))
        async with locks.setdefault(key, asyncio.Lock()):
            if key not in densities:
                densities[key] = await sample_density(prober(resource), key[1], key[2], budget)
        return densities[key]

    async def one(resource: Resource) -> tuple[_Plan | None, ObjectEstimate | None]:
        gte, lt = ranges[resource.name]
        if resource.list_per_parent is not None:
            return await _per_parent(client, resource, density_of, account, counts, ids, gte, lt)
        assert resource.list_path is not None
        endpoint = endpoint_key("GET", resource.list_path)
        if resource.created_filter:
            density = await density_of(resource, gte, lt)
            return _Plan(resource.name, endpoint, density, _ts(gte), _ts(lt), True), None
        density, note = await _unfiltered(
            client, resource, account, counts, _ts(gte), _ts(lt), ids=ids
        )
        return _Plan(resource.name, endpoint, density, _ts(gte), _ts(lt), False), ObjectEstimate(
            resource.name, 0, 0, 0.0, "exact" if density.exact else "extrapolated", 0, note
        )

    results = await asyncio.gather(*(one(r) for r in resources))
    measured = statistics.median(rtts) if rtts else 0.3
    run_limits = limits if limits.latency > 0 else _with_latency(limits, measured)
    plans = [p for p, _ in results if p is not None]
    simulated = simulate(plans, run_limits, sliced=sliced)
    estimates: dict[str, ObjectEstimate] = {}
    for resource, (plan, partial) in zip(resources, results, strict=True):
        if plan is None:
            assert partial is not None
            estimates[resource.name] = partial
            continue
        reqs, seconds = simulated[plan.name]
        if plan.child_endpoint is not None:
            parents = plan.density.total
            objects = parents * plan.per_parent
            method = "per parent"
            note = partial.note if partial is not None else ""
        else:
            objects = plan.density.total
            method = (
                partial.method
                if partial is not None
                else ("exact" if plan.density.exact else "sampled")
            )
            note = partial.note if partial is not None else _seen(plan)
        estimates[resource.name] = ObjectEstimate(
            object=resource.name,
            objects=round(objects),
            requests=reqs,
            seconds=seconds,
            method=method,
            sample_requests=counts.get(resource.name, 0)
            + (partial.sample_requests if partial is not None else 0),
            note=note,
        )
    return BackfillEstimate(
        account_id=account_id,
        livemode=livemode,
        limits=run_limits,
        created_gte=created[0],
        created_lt=created[1],
        objects=estimates,
        seconds=max((o.seconds for o in estimates.values()), default=0.0),
    )


async def _per_parent(
    client: StripeClient,
    resource: Resource,
    density_of: Callable[[Resource, datetime, datetime], Awaitable[Density]],
    account: str | None,
    counts: dict[str, int],
    ids: dict[str, list[str]],
    gte: datetime,
    lt: datetime,
) -> tuple[_Plan, ObjectEstimate]:
    """Parents (sampled over created, or paged) times the children of a few of them."""
    per_parent = resource.list_per_parent
    assert per_parent is not None
    parent = get(per_parent.parent)
    assert parent.list_path is not None
    if parent.created_filter:
        density = await density_of(parent, gte, lt)
    else:
        density, _ = await _unfiltered(
            client, parent, account, counts, _ts(gte), _ts(lt), count_as=resource.name, ids=ids
        )
    # Parents seen by the sampling probes, spread over the range (the newest few alone would
    # be one burst's); without any, the newest.
    spent = 0
    found = ids.get(parent.name, [])
    if not found:
        first = await client.list_page(
            parent.list_path,
            {**dict(parent.list_params), "limit": SAMPLED_PARENTS},
            account=account,
        )
        spent += 1
        found = [str(o["id"]) for o in first.data]
    step = max(1, len(found) // SAMPLED_PARENTS)
    children: list[int] = []
    for parent_id in found[::step][:SAMPLED_PARENTS]:
        path = per_parent.path.replace("{parent}", parent_id)
        params: dict[str, Any] = {k: v.replace("{parent}", parent_id) for k, v in per_parent.params}
        try:
            page = await client.list_page(path, {**params, "limit": PAGE_SIZE}, account=account)
        except StripeNotFoundError:
            continue
        finally:
            spent += 1
        children.append(len(page.data) + (PAGE_SIZE if page.has_more else 0))
    mean = statistics.fmean(children) if children else 0.0
    counts[resource.name] = counts.get(resource.name, 0) + spent
    note = (
        f"{round(density.total):,} {parent.table} x {mean:.2f} per {parent.name} "
        f"(sampled {len(children)} {parent.table})"
    )
    plan = _Plan(
        resource.name,
        endpoint_key("GET", parent.list_path),
        density,
        _ts(gte),
        _ts(lt),
        parent.created_filter,
        child_endpoint=endpoint_key("GET", per_parent.path.replace("{parent}", "{id}")),
        per_parent=mean,
        one_parent_at_once=resource.is_child,
    )
    return plan, ObjectEstimate(resource.name, 0, 0, 0.0, "per parent", 0, note)


async def _unfiltered(
    client: StripeClient,
    resource: Resource,
    account: str | None,
    counts: dict[str, int],
    gte: int,
    lt: int,
    *,
    budget: int = DEFAULT_PROBES,
    count_as: str | None = None,
    ids: dict[str, list[str]] | None = None,
) -> tuple[Density, str]:
    """A list without a created filter: page it from the newest; extrapolate over the range
    from the dates seen when the budget ends first."""
    assert resource.list_path is not None
    params: dict[str, Any] = {**dict(resource.list_params), "limit": PAGE_SIZE}
    created: list[int] = []
    seen = 0
    for _ in range(budget):
        page = await client.list_page(resource.list_path, params, account=account)
        name = count_as or resource.name
        counts[name] = counts.get(name, 0) + 1
        seen += len(page.data)
        if ids is not None:
            _note_ids(ids, resource.name, page.data)
        created.extend(int(o["created"]) for o in page.data if isinstance(o.get("created"), int))
        if not page.has_more or not page.data:
            return Density([(float(gte), float(lt), float(seen))]), f"all {seen:,} listed"
        params["starting_after"] = page.data[-1]["id"]
    oldest = min(created, default=gte)
    covered = max(lt - oldest, 1)
    total = seen * max(1.0, (lt - gte) / covered)
    return (
        Density([(float(gte), float(lt), total)], exact=False),
        f"no created filter: {seen:,} listed, extrapolated over the range",
    )


def _note_ids(ids: dict[str, list[str]], name: str, data: Sequence[Mapping[str, Any]]) -> None:
    """Keep the first, middle and last ids of a page."""
    if not data:
        return
    picked = dict.fromkeys(str(data[k].get("id")) for k in (0, len(data) // 2, len(data) - 1))
    ids.setdefault(name, []).extend(p for p in picked if p != "None")


def _seen(plan: _Plan) -> str:
    """How much of a sampled range the probes saw: a burst hides only in the rest."""
    if plan.density.exact or plan.lt <= plan.gte:
        return ""
    share = 1.0 - plan.density.unseen / (plan.lt - plan.gte)
    return f"probes saw {share:.0%} of the range; a burst in the rest may be missed"


def _ts(moment: datetime) -> int:
    return int(moment.astimezone(UTC).timestamp())


def _with_latency(limits: EstimateLimits, latency: float) -> EstimateLimits:
    return EstimateLimits(limits.global_rps, limits.endpoint_rps, limits.workers, latency)
