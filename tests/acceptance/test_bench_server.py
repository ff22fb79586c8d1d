"""The webhook server benchmark runs (tiny size): it measures nothing here, but must not rot."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def test_server_bench_runs_checks_and_reports(pg_admin_url: str) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(BENCH / "server.py"),
            "--events",
            "200",
            "--warmup",
            "20",
            "--concurrency",
            "4",
            "--pool-size",
            "2",
            "--scale",
            "20",
            "--json",
            "--database-url",
            pg_admin_url,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
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
