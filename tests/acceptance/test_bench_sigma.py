"""The Sigma ingest benchmark runs (small size): it measures nothing here, but must not rot."""

from __future__ import annotations

import pytest

from tests.acceptance.helpers import bench_figures, run_bench

# The Sigma benchmark end to end in a subprocess.
pytestmark = pytest.mark.slow


def test_sigma_bench_loads_exactly_the_rows_and_reports(pg_admin_url: str) -> None:
    result = run_bench(
        "sigma.py",
        "--rows",
        "20000",
        "--rows",
        "5000",
        "--batch-rows",
        "6000",
        "--chunk-kib",
        "16",
        "--pool",
        "50",
        "--json",
        "--database-url",
        pg_admin_url,
    )
    figures = bench_figures(result)
    assert [f["rows"] for f in figures] == [20000, 5000]
    big, small = figures
    # Four batches (6000, 6000, 6000, 2000): the table holds every row once, first to last key.
    assert big["batches"] == 4
    assert big["loaded"] == big["stored"] == 20000
    assert small["loaded"] == small["stored"] == 5000
    assert big["exact"] is True
    assert small["exact"] is True
    for f in figures:
        assert f["table"] == "balance_transactions"
        assert f["rows_per_s"] > 0
        assert f["csv_mb"] > 0
        assert f["peak_rss_mb"] > 0
        assert f["seconds"] >= f["copy_s"] + f["merge_s"] > 0
    assert "rows/s" in result.stderr
