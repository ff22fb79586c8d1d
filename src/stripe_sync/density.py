"""An object's ``created`` dates, sampled with a few list requests (see :mod:`.estimate`).

Each probe lists one page of a sub-range ``[gte, lt)``: a page without ``has_more`` is an exact
count of the sub-range; a full page tells the density just below ``lt`` and, at its old end,
where the part not seen yet starts. What is not seen yet is kept as gaps, each with the density
seen at its ends; the first probes look at the top of a few equal parts of the range, then the gap
that may hold the most objects is probed next (halved, or searched in geometric, galloping steps
below a dense top for where that density ends). Gaps left when the budget is spent count at the
mean of their end densities. When the range's total is known (counted with the Search API), the
probes go on while part of it is unaccounted for, and the gaps are made up to it.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field

from .listing import PAGE_SIZE

__all__ = ["DEFAULT_PROBES", "HIDDEN_FACTOR", "STRATA", "Density", "Probe", "sample_density"]

#: List requests spent sampling one object's dates; up to twice as many while a gap not sampled
#: yet could hold a tenth of the object's objects.
DEFAULT_PROBES = 8
#: The first probes look at the top of this many equal parts of an object's range.
STRATA = 4
#: Probes may go up to this many times the budget while a counted total is unaccounted for.
HIDDEN_FACTOR = 4

#: One probe: the ``created`` values (newest first) of the page listing ``[gte, lt)``, and
#: whether there are more.
Probe = Callable[[int, int], Awaitable[tuple[list[int], bool]]]


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


async def sample_density(
    probe: Probe,
    gte: int,
    lt: int,
    budget: int = DEFAULT_PROBES,
    *,
    total: tuple[int, bool] | None = None,
) -> Density:
    """Sample the objects created in ``[gte, lt)`` with at most ``budget`` probes.

    ``total``: how many objects the range holds, counted elsewhere (a search's
    ``total_count``), and whether that is exact (else a lower bound). While the sampled
    density leaves more than a tenth of it unaccounted for, objects are hidden in a gap (a
    burst): probing goes on, up to :data:`HIDDEN_FACTOR` times the budget; what is still
    missing at the end is spread over the gaps, by their length."""
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
    while gaps and spent < budget * (HIDDEN_FACTOR if total else 2):
        if spent >= budget:
            # Over the budget only while a gap could still hold a tenth of the total, or while
            # a tenth of a counted total is still unaccounted for.
            sure = sum(c for _, _, c in density.spans)
            guess = sure + sum(g.expected for _, _, g in gaps)
            hidden = total is not None and total[0] - guess > total[0] / 10
            if not hidden and (
                -gaps[0][0] <= guess / 10 or (spent >= budget * 2 and total is None)
            ):
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
    unseen = [(gap.gte, gap.lt, gap.expected) for _, _, gap in gaps]
    if total is not None and unseen:
        unseen = _make_up(unseen, total[0] - density.total - sum(c for _, _, c in unseen), total[1])
    for start, end, expected in unseen:
        density.exact = False
        density.unseen += end - start
        density.spans.append((start, end, expected))
    density.sort()
    return density


def _make_up(
    gaps: list[tuple[float, float, float]], missing: float, exact: bool
) -> list[tuple[float, float, float]]:
    """The gaps with ``missing`` objects added (or, for an exact total, taken away) in
    proportion to their length: where in a gap a burst is, the probes could not tell."""
    if missing <= 0 and not exact:
        return gaps
    length = sum(hi - lo for lo, hi, _ in gaps)
    if length <= 0:
        return gaps
    return [(lo, hi, max(0.0, c + missing * (hi - lo) / length)) for lo, hi, c in gaps]


def _per_second(created: Sequence[int]) -> Iterator[tuple[int, int]]:
    counts: dict[int, int] = {}
    for c in created:
        counts[c] = counts.get(c, 0) + 1
    return iter(sorted(counts.items()))
