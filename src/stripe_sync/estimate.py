"""A budget before a backfill: how many objects, requests and seconds it will take.

Nothing is written. Per object, the ``created`` dates over the range the backfill would list are
counted with a few search requests (:mod:`.counting`: exact counts per range of created, for the
objects Stripe searches by ``created``) or sampled with a few list requests (``limit=100`` with a
``created`` filter, below); then the backfill itself is simulated on them: the same initial
windows, the same page size, the same splitting rule as ``_backfill_page_v1``
(``sql/migrations/0001_baseline.sql``), the same workers claiming windows of the least busy object
first, and the same token buckets (the key's global rate, 25/s per endpoint, or what the config
raises them to), with each object's round trip measured on its own sampling pages (a full page of
charges costs more than a page of products; objects counted by search alone take the median of
the others' pages), and each object's page write measured on one of its sampling pages (written
in a transaction that is rolled back) for the writes the database does at once. The simulated
requests and finishing time of each object are the estimate;
:meth:`BackfillEstimate.simulated` runs the same model again with other limits or round trips (a
run's measured ones, to tell the model's error from the sampling's).

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
extrapolated over the range when the budget ends first. Objects that can be searched but not by
``created`` (products, prices) are counted in all by one search on a first backfill, and the
probes go on until that count is accounted for. :attr:`ObjectEstimate.method` says which.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import statistics
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from .client import StripeClient
from .counting import DEFAULT_COUNTS, Count, count_density
from .density import DEFAULT_PROBES, Density, Probe, sample_density
from .errors import (
    StripeInvalidRequestError,
    StripeNotFoundError,
    StripePermissionError,
)
from .listing import PAGE_SIZE
from .page_cost import MeasureWrite, NestedTally, page_costs
from .ratelimit import RateLimiter, endpoint_key
from .resources import Resource, get
from .search import MATCH_ALL, TOTAL_COUNT_LIMIT, counts_by_created, search_path
from .simulation import EstimateLimits, ObjectModel, simulate

logger = logging.getLogger(__name__)

#: What a search answers when it cannot count (not offered to the account, the key may not
#: search, a field refused): the object is sampled with list requests instead.
_NO_SEARCH = (StripeInvalidRequestError, StripePermissionError, StripeNotFoundError)

__all__ = [
    "DEFAULT_COUNTS",
    "DEFAULT_PROBES",
    "BackfillEstimate",
    "EstimateLimits",
    "ObjectEstimate",
    "WaitMeter",
    "estimate_backfill",
    "sample_density",
]

#: Parents whose children are listed to estimate children per parent.
SAMPLED_PARENTS = 8


@dataclass(frozen=True, slots=True)
class ObjectEstimate:
    """The estimate for one object."""

    object: str
    objects: int
    requests: int
    #: Seconds from the start of the run until this object's last page is committed (objects
    #: are listed side by side, so these overlap).
    seconds: float
    #: ``exact`` (every object was seen), ``counted`` (counted per range of created with the
    #: Search API), ``sampled`` (density sampled over created),
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
    #: Per object, one page's round trip in seconds that the simulation used (measured on the
    #: sampling pages; objects not in it took ``limits.latency``).
    latencies: Mapping[str, float] = field(default_factory=dict)
    #: Per object, the seconds the database took to write one of its sampling pages (objects
    #: not in it count :data:`~stripe_sync.simulation.COMMIT_SECONDS`).
    page_seconds: Mapping[str, float] = field(default_factory=dict)
    #: What was simulated, for :meth:`simulated`.
    models: tuple[ObjectModel, ...] = field(default=(), repr=False, compare=False)
    sliced: bool = field(default=True, repr=False, compare=False)

    def simulated(
        self,
        limits: EstimateLimits | None = None,
        latencies: Mapping[str, float] | None = None,
        page_seconds: Mapping[str, float] | None = None,
    ) -> BackfillEstimate:
        """The same counts simulated again under ``limits``, per-object page round trips
        ``latencies`` and page writes ``page_seconds`` (each defaults to the estimate's own):
        e.g. with a run's measured round trips, so that what is left between estimate and run
        is the model's error, not the sampling's. Objects that were not simulated (none here)
        keep their figures."""
        limits = limits or self.limits
        latencies = {**self.latencies, **(latencies or {})}
        page_seconds = {**self.page_seconds, **(page_seconds or {})}
        figures = simulate(
            self.models, limits, sliced=self.sliced, latencies=latencies, page_seconds=page_seconds
        )
        objects = {
            name: replace(o, requests=figures[name][0], seconds=figures[name][1])
            if name in figures
            else o
            for name, o in self.objects.items()
        }
        return replace(
            self,
            limits=limits,
            latencies=latencies,
            page_seconds=page_seconds,
            objects=objects,
            seconds=max((o.seconds for o in objects.values()), default=0.0),
        )

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
                "latencies_seconds": {k: round(v, 4) for k, v in self.latencies.items()},
                "database_slots": self.limits.database_slots,
                "page_write_seconds": {k: round(v, 4) for k, v in self.page_seconds.items()},
            },
            "objects": [o.as_json() for o in self.objects.values()],
            "total": {
                "objects": self.total_objects,
                "requests": self.requests,
                "seconds": round(self.seconds, 3),
                "sample_requests": self.sample_requests,
            },
        }


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
    count_budget: int = DEFAULT_COUNTS,
    whole: frozenset[str] = frozenset(),
    search: bool = True,
    measure_write: MeasureWrite | None = None,
    expand_lists: bool = False,
) -> BackfillEstimate:
    """Count or sample each of ``resources`` over its range (``ranges[name]``: ``[gte, lt)``,
    the parent's for per-parent objects) and simulate the run; see the module's docstring.

    ``whole``: objects whose range holds every object of theirs (a first backfill), so that a
    search's count of all of them is the range's. ``search`` False: list requests only.
    ``limits.latency`` of 0 means: measure it on the sampling requests. ``measure_write``
    and ``expand_lists`` (``auto_expand_lists``): see :func:`~stripe_sync.page_cost.page_costs`.
    """
    rtts: list[float] = []
    #: Per object, the round trips of its sampling pages that were at least half full (the
    #: run's pages are full: an empty page costs less).
    page_rtts: dict[str, list[float]] = {}
    #: Per object, its fullest sampling page (for ``measure_write``), and its nested lists.
    fullest: dict[str, list[dict[str, Any]]] = {}
    tallies: dict[str, NestedTally] = {}
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
            rtt = time.monotonic() - started - _waited.get()
            rtts.append(rtt)
            if len(page.data) >= PAGE_SIZE // 2:
                page_rtts.setdefault(resource.name, []).append(rtt)
            if len(page.data) > len(fullest.get(resource.name, ())):
                fullest[resource.name] = page.data
            if expand_lists and resource.nested_lists:
                tallies.setdefault(resource.name, NestedTally()).add(resource, page.data)
            counts[resource.name] = counts.get(resource.name, 0) + 1
            _note_ids(ids, resource.name, page.data)
            return [int(o["created"]) for o in page.data if isinstance(o.get("created"), int)], (
                page.has_more
            )

        return probe

    def counter(resource: Resource, path: str) -> Count:
        async def count(gte: int, lt: int) -> int:
            return await search_total(path, resource, f"created>={gte} AND created<{lt}")

        return count

    async def search_total(path: str, resource: Resource, query: str) -> int:
        params = {"query": query, "limit": 1, "expand": ["total_count"]}
        _waited.set(0.0)
        started = time.monotonic()
        body = await client.request("GET", path, params, account=account)
        rtts.append(time.monotonic() - started - _waited.get())
        counts[resource.name] = counts.get(resource.name, 0) + 1
        data = body.get("data")
        if isinstance(data, list):
            _note_ids(ids, resource.name, data)
        found = body.get("total_count")
        if not isinstance(found, int):
            raise StripeInvalidRequestError(f"GET {path} answered without total_count")
        return found

    #: How each object's density was found, for people.
    notes: dict[str, str] = {}
    counted: set[str] = set()

    async def find_density(resource: Resource, gte: int, lt: int) -> Density:
        path = search_path(resource) if search else None
        if path is not None and counts_by_created(resource):
            try:
                cells = await count_density(counter(resource, path), gte, lt, count_budget)
            except _NO_SEARCH as exc:
                logger.info(
                    "cannot count by search; sampling with list requests",
                    extra={"object": resource.name, "error": type(exc).__name__},
                )
            else:
                density = cells.density
                density.exact = False
                for lo, hi, at_least in cells.capped:
                    part = await sample_density(
                        prober(resource), lo, hi, budget, total=(at_least, False)
                    )
                    density.spans.extend(part.spans)
                    density.unseen += part.unseen
                density.sort()
                counted.add(resource.name)
                notes[resource.name] = (
                    f"counted by search in {len(density.spans)} ranges of created"
                    + (
                        f"; {len(cells.capped)} ranges over {TOTAL_COUNT_LIMIT:,} sampled"
                        if cells.capped
                        else ""
                    )
                )
                return density
        total: tuple[int, bool] | None = None
        if path is not None and resource.name in MATCH_ALL and resource.name in whole:
            try:
                n = await search_total(path, resource, MATCH_ALL[resource.name])
            except _NO_SEARCH:
                pass
            else:
                total = (n, n < TOTAL_COUNT_LIMIT)
                notes[resource.name] = (
                    f"search counts {'' if total[1] else 'at least '}{n:,} in all; "
                )
        return await sample_density(prober(resource), gte, lt, budget, total=total)

    densities: dict[tuple[str, int, int], Density] = {}
    locks: dict[tuple[str, int, int], asyncio.Lock] = {}

    async def density_of(resource: Resource, gte: datetime, lt: datetime) -> Density:
        # A parent listed for its own sake and for a per-parent object is sampled once.
        key = (resource.name, _ts(gte), _ts(lt))
        async with locks.setdefault(key, asyncio.Lock()):
            if key not in densities:
                densities[key] = await find_density(resource, key[1], key[2])
        return densities[key]

    async def one(resource: Resource) -> tuple[ObjectModel | None, ObjectEstimate | None]:
        gte, lt = ranges[resource.name]
        if resource.list_per_parent is not None:
            return await _per_parent(client, resource, density_of, account, counts, ids, gte, lt)
        assert resource.list_path is not None
        endpoint = endpoint_key("GET", resource.list_path)
        if resource.created_filter:
            density = await density_of(resource, gte, lt)
            return ObjectModel(resource.name, endpoint, density, _ts(gte), _ts(lt), True), None
        density, note = await _unfiltered(
            client, resource, account, counts, _ts(gte), _ts(lt), ids=ids
        )
        return ObjectModel(
            resource.name, endpoint, density, _ts(gte), _ts(lt), False
        ), ObjectEstimate(
            resource.name, 0, 0, 0.0, "exact" if density.exact else "extrapolated", 0, note
        )

    results = await asyncio.gather(*(one(r) for r in resources))
    measured = statistics.median(rtts) if rtts else 0.3
    run_limits = limits if limits.latency > 0 else replace(limits, latency=measured)
    plans = [p for p, _ in results if p is not None]
    latencies = {} if limits.latency > 0 else _page_latencies(plans, resources, page_rtts, measured)
    page_seconds, nested = await page_costs(
        client,
        plans,
        {r.name: r for r in resources},
        fullest,
        tallies,
        account=account,
        counts=counts,
        measure_write=measure_write,
        expand_lists=expand_lists,
    )
    plans = [replace(p, nested=nested.get(p.name, ())) for p in plans]
    simulated = simulate(
        plans, run_limits, sliced=sliced, latencies=latencies, page_seconds=page_seconds
    )
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
                else "counted"
                if plan.name in counted
                else ("exact" if plan.density.exact else "sampled")
            )
            note = (
                partial.note
                if partial is not None
                else notes[plan.name]
                if plan.name in counted
                else notes.get(plan.name, "") + _seen(plan)
            )
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
        latencies=latencies,
        page_seconds=page_seconds,
        models=tuple(plans),
        sliced=sliced,
    )


def _page_latencies(
    plans: Sequence[ObjectModel],
    resources: Sequence[Resource],
    page_rtts: Mapping[str, Sequence[float]],
    measured: float,
) -> dict[str, float]:
    """Per object, the median round trip of its pages (a per-parent object's: its parent's);
    objects without a sampled page take the median of every object's pages, else ``measured``
    (searches of one object answer faster than a page of a hundred)."""
    every = [t for found in page_rtts.values() for t in found]
    fallback = statistics.median(every) if every else measured
    by_name = {r.name: r for r in resources}
    latencies: dict[str, float] = {}
    for plan in plans:
        per_parent = by_name[plan.name].list_per_parent
        source = per_parent.parent if per_parent is not None else plan.name
        found = page_rtts.get(source)
        latencies[plan.name] = statistics.median(found) if found else fallback
    return latencies


async def _per_parent(
    client: StripeClient,
    resource: Resource,
    density_of: Callable[[Resource, datetime, datetime], Awaitable[Density]],
    account: str | None,
    counts: dict[str, int],
    ids: dict[str, list[str]],
    gte: datetime,
    lt: datetime,
) -> tuple[ObjectModel, ObjectEstimate]:
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
    plan = ObjectModel(
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


def _seen(plan: ObjectModel) -> str:
    """How much of a sampled range the probes saw: a burst hides only in the rest."""
    if plan.density.exact or plan.lt <= plan.gte:
        return ""
    share = 1.0 - plan.density.unseen / (plan.lt - plan.gte)
    return f"probes saw {share:.0%} of the range; a burst in the rest may be missed"


def _ts(moment: datetime) -> int:
    return int(moment.astimezone(UTC).timestamp())
