"""An object's ``created`` dates, counted exactly with the Search API (see :mod:`.estimate`).

One search request with ``query=created>=A AND created<B``, ``limit=1`` and
``expand[]=total_count`` answers how many objects were created in ``[A, B)``, exactly while
that is under :data:`~stripe_sync.search.TOTAL_COUNT_LIMIT` (Stripe's promise) and as a lower
bound above it. The range is cut into cells, each with its exact count: the first request
counts the whole range, and then the heaviest cell is halved, one request a time (the other
half is the difference), until the budget is spent or no cell holds more than a page. A cell
whose parent split evenly weighs less (:data:`EVEN_WEIGHT`), so that the requests go to the
edges of bursts rather than into their even middles.

A burst of any length is therefore never missed: its objects are in some cell's count, whatever
the cell's width, and halving the heaviest cell first narrows the burst's cell towards the
burst's own width in about log2(range / burst) requests. The only thing assumed is that objects
are spread evenly within a cell, which affects how the run's windows split (its time), not how
many objects or pages there are.

A cell counted at or above the limit is only a lower bound: both its halves are counted, and such
cells are halved first, with up to :data:`CAPPED_FACTOR` times the budget, so a large account is
cut into cells under the limit; cells still capped when that is spent are returned apart, for the
caller to sample with list requests.
"""

from __future__ import annotations

import heapq
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from .backfill import PAGE_SIZE
from .density import Density
from .search import TOTAL_COUNT_LIMIT

__all__ = ["CAPPED_FACTOR", "DEFAULT_COUNTS", "EVEN_WEIGHT", "Count", "Counted", "count_density"]

#: Search requests spent counting one object's dates (cells left under the limit).
DEFAULT_COUNTS = 24
#: Up to this many times :data:`DEFAULT_COUNTS` while a cell's count is capped at the limit.
CAPPED_FACTOR = 4

#: How much a cell of an even split weighs next to one of an uneven split (where a burst starts
#: or ends), per object, when choosing the cell to halve next.
EVEN_WEIGHT = 0.1

#: One count: Stripe's ``total_count`` of the objects created in ``[gte, lt)``.
Count = Callable[[int, int], Awaitable[int]]


@dataclass(slots=True)
class Counted:
    """The counted cells (a :class:`Density`, exact per cell) and the cells whose count reached
    the limit (``(gte, lt, at least)``), which are not in ``density``."""

    density: Density
    capped: list[tuple[int, int, int]] = field(default_factory=list)
    requests: int = 0


async def count_density(count: Count, gte: int, lt: int, budget: int = DEFAULT_COUNTS) -> Counted:
    """Count the objects created in ``[gte, lt)`` in cells; see the module's docstring."""
    out = Counted(Density())
    if lt <= gte:
        return out
    # Heap of (-priority, order, gte, lt, count): capped cells first, then the heaviest.
    cells: list[tuple[float, int, int, int, int]] = []
    order = 0

    def push(lo: int, hi: int, n: int, weight: float = 1.0) -> None:
        nonlocal order
        capped = n >= TOTAL_COUNT_LIMIT
        if not capped and (n <= PAGE_SIZE or hi - lo < 2):
            out.density.spans.append((float(lo), float(hi), float(n)))
            return
        priority = float("inf") if capped else n * weight
        heapq.heappush(cells, (-priority, order, lo, hi, n))
        order += 1

    push(gte, lt, await count(gte, lt))
    out.requests = 1
    while cells:
        _, _, lo, hi, n = cells[0]
        capped = n >= TOTAL_COUNT_LIMIT
        limit = budget * CAPPED_FACTOR if capped else budget
        if out.requests + (2 if capped else 1) > limit or hi - lo < 2:
            break
        heapq.heappop(cells)
        mid = (lo + hi) // 2
        left = await count(lo, mid)
        out.requests += 1
        if capped:
            right = await count(mid, hi)
            out.requests += 1
        else:
            right = n - left
        # A cell whose halves hold about as many objects each is likely even inside: its
        # halves come after the halves of a cell that was not (a burst's edge is in it).
        weight = EVEN_WEIGHT + abs(left - right) / max(left + right, 1)
        push(lo, mid, left, weight)
        push(mid, hi, right, weight)
    for _, _, lo, hi, n in cells:
        if n >= TOTAL_COUNT_LIMIT:
            out.capped.append((lo, hi, n))
        else:
            out.density.spans.append((float(lo), float(hi), float(n)))
    out.density.sort()
    return out
