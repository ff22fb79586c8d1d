"""The benchmark scripts run (tiny sizes): they measure nothing here, but must not rot."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def test_webhooks_bench_runs_and_reports(pg_admin_url: str) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(BENCH / "webhooks.py"),
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
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["events"] == 200
    assert figures["outcomes"] == {"written": 200}
    assert figures["events_per_s"] > 0
