"""The benchmark scripts run (tiny sizes): they measure nothing here, but must not rot."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from types import ModuleType

import psycopg
import pytest

from tests.acceptance.helpers import BENCH, bench_figures, run_bench

# Each runs a benchmark script end to end in a subprocess: tens of seconds.
pytestmark = pytest.mark.slow


def test_webhooks_bench_runs_the_compare_workload_and_checks_every_level(
    pg_admin_url: str,
) -> None:
    result = run_bench(
        "webhooks.py",
        *("--customers", "50", "--invoices", "50", "--events", "100", "--warmup", "10"),
        *("--concurrency", "1,4", "--json", "--database-url", pg_admin_url),
    )
    figures = bench_figures(result)
    # compare is the default workload.
    assert figures["workload"] == "compare"
    assert figures["ok"] is True
    assert len(figures["loadavg_before"]) == 3
    # The rows went in through process_event, each one written.
    assert figures["load"]["outcomes"] == {"written": 100}
    assert [level["concurrency"] for level in figures["levels"]] == [1, 4]
    for level in figures["levels"]:
        assert level["ok"] is True
        assert level["outcomes"] == {"written": 100}
        assert level["warmup_outcomes"] == {"written": 10}
        # Every event a real write, none of them calling Stripe.
        assert level["stripe_calls"] == level["related_fetched"] == level["refetches"] == 0
        assert level["check"]["ok"] is True
        assert level["check"]["events_recorded"] == 110
        assert level["check"]["objects_wrong"] == 0
        assert level["check"]["rows"] == {"customers": 50, "invoices": 50}
        assert set(level["by_type"]) == {"customer.updated", "invoice.paid"}
        assert level["events_per_s"] > 0
        assert 0 < level["p50_ms"] <= level["p99_ms"] <= level["max_ms"]
        assert level["python_cpu_ms_per_event"] > 0
        # The embedded server runs on this machine: its processes' CPU is read.
        assert level["postgres_cpu_ms_per_event"] is not None
    assert figures["peak_rss_mb"] > 0
    assert "load average" in result.stderr
    assert "check passed" in result.stderr


def test_webhooks_bench_measures_with_history_mode_on(pg_admin_url: str) -> None:
    result = run_bench(
        "webhooks.py",
        "--customers", "20", "--invoices", "20", "--events", "40", "--warmup", "4",
        "--concurrency", "1", "--history", "--json", "--database-url", pg_admin_url,
    )  # fmt: skip
    figures = bench_figures(result)
    assert figures["history"] == ["customers", "invoices"]
    assert figures["ok"] is True
    assert figures["levels"][0]["outcomes"] == {"written": 40}
    assert "history mode on for customers, invoices" in result.stderr


def test_history_cost_counts_a_row_per_version_and_a_payload_per_content(
    database_url: str,
) -> None:
    result = run_bench("history_cost.py", database_url, "5")
    figures = bench_figures(result)
    # The creation and 5 updates, then 5 re-fetches of the last content: 6 payloads.
    assert (figures["history_rows"], figures["payload_rows"]) == (11, 6)
    assert figures["payload_bytes"] > 0
    assert figures["bytes_per_history_row"] > 0


@pytest.mark.parametrize("history", [False, True])
def test_metrics_bench_times_every_view(database_url: str, history: bool) -> None:
    flags = ["--history"] if history else []
    result = run_bench(
        "metrics.py", database_url, "--customers", "30", "--repeat", "1", "--json", *flags
    )
    figures = bench_figures(result)
    assert figures["counts"]["customers"] == 30
    assert figures["counts"]["subscriptions"] > 0
    assert set(figures["views"]) >= {"mrr_daily", "mrr_movements", "active_subscribers"}
    assert all(v["ms"] > 0 for v in figures["views"].values())
    # The items of every subscription, from the recorded versions with history on.
    assert figures["views"]["subscription_item_intervals"]["rows"] > 0
    assert figures["views"]["mrr_daily"]["rows"] > 0
    with psycopg.connect(database_url) as conn:
        sources = conn.execute(
            "SELECT DISTINCT source FROM stripe.subscription_item_intervals"
        ).fetchall()
    assert sources == [("history" if history else "current_state",)]


def test_webhooks_bench_runs_the_mix_workload(pg_admin_url: str) -> None:
    result = run_bench(
        "webhooks.py",
        "--workload",
        "mix",
        "--events",
        "200",
        "--concurrency",
        "4",
        "--scale",
        "20",
        "--warmup",
        "20",
        "--json",
        "--database-url",
        pg_admin_url,
    )
    figures = bench_figures(result)
    assert figures["events"] == 200
    assert figures["outcomes"] == {"written": 200}
    assert figures["events_per_s"] > 0
    assert "load average" in result.stderr


def test_webhooks_bench_mix_takes_one_level() -> None:
    result = run_bench("webhooks.py", "--workload", "mix", "--concurrency", "1,16")
    assert result.returncode == 2
    assert "--workload mix runs one level" in result.stderr


@pytest.fixture
def compare() -> Iterator[ModuleType]:
    """bench/compare.py as a module."""
    sys.path.insert(0, str(BENCH))
    saved = sys.modules.pop("compare", None)
    try:
        yield importlib.import_module("compare")
    finally:
        sys.path.remove(str(BENCH))
        sys.modules.pop("compare", None)
        if saved is not None:
            sys.modules["compare"] = saved


def test_compare_workload_walks_each_list_and_every_event_is_newer(compare: ModuleType) -> None:
    now = 2_000_000_000
    workload = compare.Workload(3, 2, now=now)
    creations = list(workload.creation_events())
    assert [e["type"] for e in creations] == ["customer.created"] * 3 + ["invoice.created"] * 2
    invoice = creations[3]["data"]["object"]
    assert invoice["id"] == "in_bench0000000"
    assert invoice["customer"] == "cus_bench0000000"
    # The example's lines, each with an id of its own and its invoice, complete.
    assert invoice["lines"]["has_more"] is False
    assert all(line["invoice"] == invoice["id"] for line in invoice["lines"]["data"])
    assert invoice["lines"]["data"][0]["id"] == "il_bench0000000_0"
    newest = max(e["created"] for e in creations)

    plan = workload.plan(2, 10)
    events = [json.loads(body) for body in [*plan.warmup, *plan.measured]]
    assert [e["type"] for e in events[:4]] == [
        "customer.updated",
        "invoice.paid",
        "customer.updated",
        "invoice.paid",
    ]
    created = [e["created"] for e in events]
    assert created == list(range(newest + 1, newest + 13))
    assert created[-1] < now - compare.CLOCK_OFFSET + 86_400
    objects = [e["data"]["object"]["id"] for e in events]
    # Each list in turn: customers 0 1 2 0 1 2 ..., invoices 0 1 0 1 ...
    assert objects[0::2] == [f"cus_bench000000{i % 3}" for i in range(6)]
    assert objects[1::2] == [f"in_bench000000{i % 2}" for i in range(6)]
    assert [e["data"]["object"]["metadata"]["bench_seq"] for e in events] == [
        str(seq) for seq in range(12)
    ]
    assert all(e["data"]["object"]["status"] == "paid" for e in events[1::2])
    assert len(set(plan.event_ids)) == 12
    assert plan.last_seq[("customers", "cus_bench0000000")] == 6
    assert plan.last_seq[("invoices", "in_bench0000001")] == 11
    # The next level goes on with the walk.
    assert json.loads(workload.plan(0, 1).measured[0])["created"] == newest + 13


def test_compare_signs_in_segments_that_fit_the_tolerance(compare: ModuleType) -> None:
    assert compare.segment_size(None, 16, 10_000) == 10_000
    # 100 events/s for 120 s, never under 50 rounds of the window nor over the total.
    assert compare.segment_size(100.0, 1, 100_000) == 12_000
    assert compare.segment_size(1.0, 64, 100_000) == 3200
    assert compare.segment_size(1000.0, 64, 5000) == 5000
    assert [len(r) for r in compare.segments(10, 4)] == [4, 4, 2]
    assert compare.parse_levels("1, 16,64") == (1, 16, 64)
    with pytest.raises(ValueError, match="levels"):
        compare.parse_levels("0")


def test_backfill_bench_runs_the_heavy_and_unlimited_scenarios(pg_admin_url: str) -> None:
    result = run_bench(
        "backfill.py",
        "--scenario",
        "heavy",
        "--scenario",
        "unlimited",
        "--rows",
        "400",
        "--json",
        "--database-url",
        pg_admin_url,
    )
    figures = bench_figures(result)
    assert [f["scenario"] for f in figures] == ["heavy", "unlimited"]
    heavy, unlimited = figures
    assert heavy["exact"]
    assert set(heavy["objects"]) == {"invoice", "subscription", "charge", "payment_intent"}
    assert heavy["processed"] == sum(heavy["objects"].values()) > 200
    assert unlimited["processed"] == 400
    assert heavy["python_cpu_ms"] > 0
    assert heavy["fake_cpu_ms"] > 0
    # A local server: PostgreSQL's CPU is read, backends that exited included.
    assert heavy["postgres_cpu_ms"] is not None
    assert heavy["postgres_cpu_ms"] > 0


def test_write_cost_bench_compares_the_write_path_with_writing_raw_data_alone(
    pg_admin_url: str,
) -> None:
    result = run_bench(
        "write_cost.py",
        *("--rows", "60", "--group", "16", "--groups", "4", "--rounds", "1"),
        *("--json", "--database-url", pg_admin_url),
    )
    figures = bench_figures(result)
    # Every change of every group written by _apply_changes, and every row (customers,
    # invoices and their lines) updated by the raw-only statement.
    assert figures["failures"] == {}
    assert (figures["group"], figures["groups"]) == (16, 4)
    assert len(figures["rounds_write"]) == len(figures["rounds_raw"]) == 1
    assert figures["parse_ms_per_group"] > 0
    assert figures["raw_ms_per_group"] > 0
    assert figures["write_ms_per_group"] > 0
    # The median of the groups' write/raw ratios.
    assert figures["ratio"] > 0
    assert "writing _raw_data alone" in result.stderr


def test_chaos_bench_runs_a_scenario_and_reports_it() -> None:
    # The scenarios run in the chaos layer (tests/chaos); this only keeps the script from rotting.
    result = run_bench("chaos.py", "--size", "small", "--only", "fuzz", "--seed", "3", "--json")
    figures = bench_figures(result)
    assert (figures["size"], figures["seed"], figures["problems"]) == ("small", 3, [])
    assert list(figures["scenarios"]) == ["fuzz"]
    assert figures["scenarios"]["fuzz"]["server_errors"] == 0
    assert "fuzz inputs 300; 5xx (or no answer) 0" in result.stderr
    assert "no problem found" in result.stderr


def test_verify_bench_measures_a_first_second_and_repair_run(pg_admin_url: str) -> None:
    result = run_bench("verify.py", "--scale", "30", "--json", "--database-url", pg_admin_url)
    figures = bench_figures(result)
    assert figures["ok"] is True
    first, second = figures["first"], figures["second"]
    assert first["requests"] >= first["windows_listed"] > 0
    assert second["windows_listed"] < first["windows_listed"]
    assert second["requests"] < first["requests"]
    assert figures["repair"]["repaired"] == figures["repair"]["found"] > 0
    assert figures["after"]["remaining"] == 0
    with psycopg.connect(pg_admin_url) as conn:
        left = conn.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench_verify_%'"
        ).fetchall()
    assert left == [], "the bench drops its schema"


def test_freshness_bench_measures_each_mode_from_the_view_and_the_histogram(
    pg_admin_url: str,
) -> None:
    result = run_bench(
        "freshness.py",
        "--rate", "20", "--seconds", "2", "--customers", "10", "--poll-interval", "0.5",
        "--json", "--database-url", pg_admin_url,
    )  # fmt: skip
    figures = bench_figures(result)
    assert [m["mode"] for m in figures["modes"]] == ["webhook", "events", "websocket"]
    for mode in figures["modes"]:
        assert mode["ok"] is True
        # Every event made was applied once, and the process's histogram saw each of them.
        assert mode["events"] == mode["applied"] == mode["histogram_count"] == 40
        assert 0 <= mode["view_p50"] <= mode["view_p99"] <= mode["view_max"] < 30
        assert mode["histogram_p99"] is not None
    assert [m["goal_p99"] for m in figures["modes"]] == [1.0, 1.5, 1.0]
