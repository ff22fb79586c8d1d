"""Sampling (density.py) and the simulated run (simulation.py), on made-up dates (no I/O).

A probe answers as Stripe's list endpoint does (newest first, 100 a page, ``has_more``), from a
sorted list of ``created`` values; the "truth" is the same simulation run on every object's
real date, so these tests check the sampling. How the simulation compares with real runs is
the integration test's (tests/integration/test_estimate.py).
"""

from __future__ import annotations

import pytest

from stripe_sync.density import DEFAULT_PROBES, Density, sample_density
from stripe_sync.simulation import EstimateLimits, ObjectModel, simulate
from tests.unit.helpers import Lister, dates

DAY = 86_400
NOW = 1_760_000_000
LIMITS = EstimateLimits(global_rps=100.0, endpoint_rps=25.0, workers=64, latency=0.1)


def run(density: Density, lo: int, hi: int) -> tuple[int, float]:
    return simulate([ObjectModel("x", "GET /v1/x", density, lo, hi, True)], LIMITS)["x"]


SKEWED = {
    "burst over a sparse tail": [
        (3000, NOW - 100 * DAY, NOW - 99 * DAY),
        (500, NOW - 365 * DAY, NOW),
    ],
    "old bulk import": [
        (1500, NOW - 300 * DAY, NOW - 300 * DAY + 3600),
        (300, NOW - 290 * DAY, NOW),
    ],
    "busy last week": [(300, NOW - 730 * DAY, NOW), (2000, NOW - 7 * DAY, NOW)],
    "steady": [(2500, NOW - 365 * DAY, NOW)],
}


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("name", sorted(SKEWED))
async def test_sampled_density_gives_the_requests_and_time_of_the_real_dates(
    name: str, seed: int
) -> None:
    created = dates(SKEWED[name], seed)
    lo, hi = NOW - 3 * 365 * DAY, NOW + 1
    lister = Lister(created)
    sampled = await sample_density(lister, lo, hi)
    truth = Density([(c, c + 1, 1.0) for c in created])
    assert lister.calls <= 16
    # What no probe saw is estimated (and told), never silently counted as seen.
    assert sampled.exact == (sampled.unseen == 0)
    assert abs(sampled.total - len(created)) <= 0.25 * len(created)
    (requests, seconds), (real_requests, real_seconds) = run(sampled, lo, hi), run(truth, lo, hi)
    assert abs(requests - real_requests) <= 0.25 * real_requests
    assert abs(seconds - real_seconds) <= 0.25 * real_seconds


async def test_a_few_pages_are_counted_exactly() -> None:
    created = dates([(240, NOW - 50 * DAY, NOW)], 3)
    lister = Lister(created)
    sampled = await sample_density(lister, NOW - 400 * DAY, NOW + 1)
    assert sampled.exact
    assert sampled.unseen == 0
    assert sampled.total == 240
    assert lister.calls <= DEFAULT_PROBES


async def test_an_empty_range_costs_one_request() -> None:
    lister = Lister(dates([(50, NOW - 10 * DAY, NOW)], 4))
    sampled = await sample_density(lister, NOW - 400 * DAY, NOW - 200 * DAY)
    assert (sampled.total, sampled.exact, lister.calls) == (0, True, 1)


def test_the_simulation_pages_by_100_and_paces_by_the_endpoint_limit() -> None:
    created = dates([(10_000, NOW - 100 * DAY, NOW)], 5)
    truth = Density([(c, c + 1, 1.0) for c in created])
    requests, seconds = run(truth, NOW - 100 * DAY, NOW + 1)
    # 100 full pages, plus a partial last page per window the run split off.
    assert 100 <= requests <= 130
    # 25/s per endpoint after a burst of 25: the pacing, not the 64 workers, sets the time.
    assert (requests - 25) / 25 <= seconds <= (requests - 25) / 25 + 1.0
    unlimited = simulate(
        [ObjectModel("x", "GET /v1/x", truth, NOW - 100 * DAY, NOW + 1, True)],
        EstimateLimits(global_rps=None, endpoint_rps=None, workers=64, latency=0.1),
    )["x"]
    assert unlimited[1] < seconds / 3, "without limits, windows in parallel go faster"
