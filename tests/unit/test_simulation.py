"""The simulated run (simulation.py) on made-up densities: the limiter's order and per-object
round trips (no I/O). How it compares with real runs is tests/integration/test_estimate.py's."""

from __future__ import annotations

import pytest

from stripe_sync.density import Density
from stripe_sync.simulation import COMMIT_SECONDS, EstimateLimits, ObjectModel, simulate

DAY = 86_400
NOW = 1_760_000_000


def model(name: str, objects: float, *, windowed: bool = True) -> ObjectModel:
    density = Density([(float(NOW - 365 * DAY), float(NOW), objects)])
    return ObjectModel(name, f"GET /v1/{name}", density, NOW - 365 * DAY, NOW, windowed)


def test_a_request_queued_at_its_endpoint_holds_no_global_token_meanwhile() -> None:
    """Eight windows of a busy object queue seconds ahead at their endpoint's 2/s. The client
    takes the global token only when the endpoint's slot comes, so a small object on another
    endpoint pages as if alone (taking both at once made it wait behind the busy one's future
    global tokens)."""
    limits = EstimateLimits(global_rps=10.0, endpoint_rps=2.0, workers=16, latency=0.1)
    small = model("small", 450, windowed=False)
    alone = simulate([small], limits)["small"]
    together = simulate([model("busy", 8_000), small], limits)["small"]
    assert together[0] == alone[0] == 5
    assert together[1] == pytest.approx(alone[1], rel=0.1), (together, alone)


def test_each_object_pages_at_its_own_round_trip() -> None:
    limits = EstimateLimits(global_rps=None, endpoint_rps=None, workers=4, latency=0.1)
    figures = simulate(
        [model("slow", 50, windowed=False), model("fast", 50, windowed=False)],
        limits,
        latencies={"slow": 0.5},
    )
    assert figures["slow"][0] == figures["fast"][0] == 1
    assert figures["slow"][1] == pytest.approx(0.5 + COMMIT_SECONDS)
    assert figures["fast"][1] == pytest.approx(0.1 + COMMIT_SECONDS)
