"""The webhook server benchmark runs (tiny size): it measures nothing here, but must not rot.

Both runtimes: uvicorn + ``create_app`` (python) and the Supabase stripe-webhook edge function
under Deno (edge), checked by the same end-of-run comparison with the database.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest

from tests.acceptance.helpers import BENCH, bench_figures, run_bench

# Each runs the server benchmark end to end in subprocesses: tens of seconds.
pytestmark = pytest.mark.slow


def test_server_bench_runs_the_compare_workload_and_checks_every_level(
    pg_admin_url: str,
) -> None:
    result = run_bench(
        "server.py",
        *("--customers", "50", "--invoices", "50", "--events", "100", "--warmup", "10"),
        *("--concurrency", "1,4", "--pool-size", "2", "--json", "--database-url", pg_admin_url),
    )
    figures = bench_figures(result)
    # compare is the default workload.
    assert figures["workload"] == "compare"
    assert figures["ok"] is True
    assert len(figures["loadavg_before"]) == 3
    assert figures["load"]["outcomes"] == {"written": 100}
    assert [level["concurrency"] for level in figures["levels"]] == [1, 4]
    for level in figures["levels"]:
        assert level["ok"] is True
        assert level["statuses"] == {"200": 100}
        assert level["outcomes"] == {"written": 100}
        assert level["stripe_calls"] == 0
        assert level["check"]["ok"] is True
        assert level["check"]["events_recorded"] == 110
        assert level["check"]["rows"] == {"customers": 50, "invoices": 50}
        assert 0 < level["p50_ms"] <= level["p99_ms"] <= level["max_ms"]
        assert level["server_peak_rss_mb"] > 0
        assert level["server_cpu_ms_per_event"] > 0
        assert level["postgres_cpu_ms_per_event"] is not None
    assert "load average" in result.stderr
    assert "check passed" in result.stderr


def test_server_bench_runs_the_mix_workload_checks_and_reports(pg_admin_url: str) -> None:
    result = run_bench(
        "server.py",
        *("--workload", "mix", "--events", "200", "--warmup", "20", "--concurrency", "4"),
        *("--pool-size", "2", "--scale", "20", "--json", "--database-url", pg_admin_url),
    )
    figures = bench_figures(result)
    assert figures["events"] == 200
    assert figures["statuses"] == {"200": 200}
    assert sum(figures["outcomes"].values()) == 200
    # Every event and object reached the database, and no event made the server call Stripe.
    assert figures["check"]["ok"] is True
    assert figures["check"]["events_recorded"] == 220
    assert figures["stripe_calls"] == 0
    assert figures["events_per_s"] > 0
    assert 0 < figures["p50_ms"] <= figures["p99_ms"] <= figures["max_ms"]
    assert "throughput" in result.stderr


def test_server_bench_runs_the_edge_function(pg_admin_url: str, deno_bin: str) -> None:
    result = run_bench(
        "server.py",
        *("--runtime", "edge", "--workload", "mix", "--events", "100", "--warmup", "20"),
        *("--concurrency", "4", "--pool-size", "2", "--scale", "10"),
        *("--json", "--database-url", pg_admin_url),
        timeout=600,
        env={**os.environ, "DENO_BIN": deno_bin},
    )
    figures = bench_figures(result)
    assert figures["runtime"] == "edge"
    assert "deno_host.ts" in figures["server_command"]
    assert "stripe-webhook/index.ts" in figures["server_command"]
    assert figures["events"] == 100
    assert figures["statuses"] == {"200": 100}
    assert sum(figures["outcomes"].values()) == 100
    # The function wrote every event and object as the Python server does, without Stripe.
    assert figures["check"]["events_lost"] == 0
    assert figures["check"]["events_recorded"] == 120
    assert figures["check"]["ok"] is True
    assert figures["stripe_calls"] == 0
    assert 0 < figures["p50_ms"] <= figures["p99_ms"] <= figures["max_ms"]
    assert "edge runtime" in result.stderr


def test_server_bench_refuses_server_workers_for_the_edge_function() -> None:
    result = run_bench("server.py", "--runtime", "edge", "--server-workers", "2", timeout=60)
    assert result.returncode == 2
    assert "--server-workers is for --runtime python" in result.stderr


@pytest.fixture
def bench_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """bench/server.py as a module (it imports webhooks.py from its own directory)."""
    monkeypatch.syspath_prepend(str(BENCH))
    names = ("server", "webhooks", "compare")
    saved = {name: sys.modules.pop(name) for name in names if name in sys.modules}
    try:
        yield importlib.import_module("server")
    finally:
        for name in names:
            sys.modules.pop(name, None)
        sys.modules.update(saved)


def test_server_bench_check_fails_on_a_lost_event(
    database_url: str, bench_server: ModuleType
) -> None:
    """An event that never reached the database fails the check, whichever runtime ran."""
    plan = bench_server.Plan(
        warmup=[{"id": "evt_bench_lost"}], measured=[], last_seq={}, rows={"customers": 0}
    )
    check = bench_server.verify(database_url, plan)
    assert check["events_sent"] == 1
    assert check["events_lost"] == 1
    assert check["ok"] is False
    # Nothing sent, nothing lost: the same empty database passes.
    empty = bench_server.Plan(warmup=[], measured=[], last_seq={}, rows={"customers": 0})
    assert bench_server.verify(database_url, empty)["ok"] is True
