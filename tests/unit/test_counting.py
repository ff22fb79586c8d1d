"""Counting (counting.py) with a search's ``total_count``, and sampling that knows the total
(density.py), on made-up dates (no I/O); the truth is the simulation run on the real dates.

The bursts here are short and dense over a long sparse tail: what a few list probes miss
(a probe sees one page, ~100 objects, of the range below its top), and what a count cannot miss.
"""

from __future__ import annotations

import bisect

import pytest

from stripe_sync.counting import CAPPED_FACTOR, DEFAULT_COUNTS, count_density
from stripe_sync.density import DEFAULT_PROBES, HIDDEN_FACTOR, Density, sample_density
from stripe_sync.search import TOTAL_COUNT_LIMIT
from stripe_sync.simulation import EstimateLimits, ObjectModel, simulate
from tests.unit.helpers import Lister, dates

DAY = 86_400
NOW = 1_760_000_000
LO, HI = NOW - 3 * 365 * DAY, NOW + 1
LIMITS = EstimateLimits(global_rps=100.0, endpoint_rps=25.0, workers=64, latency=0.1)

#: Short dense bursts over sparse tails.
BURSTS = {
    "an hour of sign-ups": [(4000, NOW - 200 * DAY, NOW - 200 * DAY + 3600), (600, LO, NOW)],
    "an old import": [(8000, NOW - 500 * DAY, NOW - 499 * DAY), (1500, NOW - 490 * DAY, NOW)],
    "two bursts": [
        (3000, NOW - 40 * DAY, NOW - 40 * DAY + 600),
        (2500, NOW - 700 * DAY, NOW - 699 * DAY),
        (900, LO, NOW),
    ],
}


class Searcher:
    """A search's ``total_count`` over ``created`` values: exact under 10,000, else 10,000."""

    def __init__(self, created: list[int]) -> None:
        self.created = created
        self.calls = 0

    async def __call__(self, gte: int, lt: int) -> int:
        self.calls += 1
        n = bisect.bisect_left(self.created, lt) - bisect.bisect_left(self.created, gte)
        return min(n, TOTAL_COUNT_LIMIT)


def run(density: Density) -> tuple[int, float]:
    return simulate([ObjectModel("x", "GET /v1/x", density, LO, HI, True)], LIMITS)["x"]


def within(estimate: Density, created: list[int], share: float) -> None:
    truth = Density([(c, c + 1, 1.0) for c in created])
    (requests, seconds), (real_requests, real_seconds) = run(estimate), run(truth)
    assert abs(requests - real_requests) <= share * real_requests, (requests, real_requests)
    assert abs(seconds - real_seconds) <= share * real_seconds, (seconds, real_seconds)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("name", sorted(BURSTS))
async def test_counted_cells_give_the_requests_and_time_of_the_real_dates(
    name: str, seed: int
) -> None:
    created = dates(BURSTS[name], seed)
    searcher = Searcher(created)
    counted = await count_density(searcher, LO, HI)
    assert counted.capped == []
    assert counted.density.total == len(created), "cells are exact counts"
    assert searcher.calls == counted.requests <= DEFAULT_COUNTS
    within(counted.density, created, 0.10)


async def test_a_burst_over_the_count_limit_is_cut_until_every_cell_is_exact() -> None:
    created = dates([(26_000, NOW - 30 * DAY, NOW - 29 * DAY), (2000, LO, NOW)], 0)
    searcher = Searcher(created)
    counted = await count_density(searcher, LO, HI)
    assert counted.capped == []
    assert counted.density.total == len(created)
    assert searcher.calls <= DEFAULT_COUNTS * CAPPED_FACTOR
    within(counted.density, created, 0.10)


async def test_cells_still_capped_when_the_budget_ends_are_returned_apart() -> None:
    created = dates([(40_000, NOW - 30 * DAY, NOW - 29 * DAY)], 0)
    counted = await count_density(Searcher(created), LO, HI, budget=2)
    assert counted.capped, "a count of 10,000 is only a lower bound"
    assert all(n == TOTAL_COUNT_LIMIT for _, _, n in counted.capped)
    assert counted.density.total + sum(n for _, _, n in counted.capped) <= len(created)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
async def test_a_known_total_makes_the_probes_find_a_hidden_burst(seed: int) -> None:
    """Products cannot be searched by created: a search counts them all, the list probes
    go on until that count is accounted for."""
    created = dates(BURSTS["an old import"], seed)
    lister = Lister(created)
    sampled = await sample_density(lister, LO, HI, total=(len(created), True))
    assert lister.calls <= DEFAULT_PROBES * HIDDEN_FACTOR
    assert abs(sampled.total - len(created)) <= 0.10 * len(created)
    within(sampled, created, 0.25)
