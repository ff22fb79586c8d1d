"""The simulated run (simulation.py) on made-up densities: the limiter's order and per-object
round trips (no I/O). How it compares with real runs is tests/integration/test_estimate.py's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from stripe_sync.density import Density
from stripe_sync.simulation import (
    COMMIT_SECONDS,
    EstimateLimits,
    NestedPaging,
    ObjectModel,
    database_slots,
    simulate,
)

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


def test_pages_wait_for_a_free_writer_when_the_database_sets_the_pace() -> None:
    """112 pages (100 full) over 8 windows at 0.1 s round trips, each taking 50 ms to write:
    with writers enough they overlap (~14 pages a window at 0.15 s); one writer at a time needs
    5.6 s for the writes alone, two half that."""
    one = model("charge", 10_000)
    free = EstimateLimits(global_rps=None, endpoint_rps=None, workers=8, latency=0.1)
    costs = {"charge": 0.05}
    unbounded = simulate([one], free, page_seconds=costs)["charge"]
    single = simulate([one], replace(free, database_slots=1), page_seconds=costs)["charge"]
    double = simulate([one], replace(free, database_slots=2), page_seconds=costs)["charge"]
    assert unbounded[0] == single[0] == double[0] == 112, "writers change no request"
    assert unbounded[1] == pytest.approx(14 * 0.15, rel=0.05), unbounded
    assert single[1] == pytest.approx(112 * 0.05, rel=0.05), single
    assert double[1] == pytest.approx(112 * 0.05 / 2, rel=0.05), double


def test_the_database_writes_one_page_per_connection_and_cpu_of_this_machine() -> None:
    assert database_slots(10, 2) == 2
    assert database_slots(10, None) == 10, "a server elsewhere: the pool bounds it"
    assert database_slots(3, 16) == 3


def test_truncated_lists_are_paged_after_each_page_before_it_is_written() -> None:
    """400 objects in 4 pages; a quarter of each page's objects have a list of two pages: 4 list
    requests and 4 x 25 x 2 = 200 requests of lists, each page's lists side by side (two round
    trips) before its write."""
    lines = NestedPaging("GET /v1/invoices/{id}/lines", share=0.25, requests=2.0)
    plain = model("invoice", 400, windowed=False)
    limits = EstimateLimits(global_rps=None, endpoint_rps=None, workers=1, latency=0.1)
    with_lists = simulate([replace(plain, nested=(lines,))], limits)["invoice"]
    without = simulate([plain], limits)["invoice"]
    assert without[0] == 4
    assert with_lists[0] == 204
    assert with_lists[1] == pytest.approx(without[1] + 4 * 2 * 0.1)


def test_requests_of_lists_of_uneven_length_are_carried_not_rounded() -> None:
    """49 lists of two requests and 51 of one on every page: 1.49 requests a list on average,
    which rounded would count one each (a third short); carried, the totals match."""
    lists = NestedPaging("GET /v1/invoices/{id}/lines", share=1.0, requests=1.49)
    plain = model("invoice", 400, windowed=False)
    limits = EstimateLimits(global_rps=None, endpoint_rps=None, workers=1, latency=0.1)
    requests, _ = simulate([replace(plain, nested=(lists,))], limits)["invoice"]
    assert requests == 4 + 4 * (49 * 2 + 51)
