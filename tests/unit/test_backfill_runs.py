"""Where the estimate's database runs (no I/O): its page writes share this machine's CPUs only
when it runs here."""

from __future__ import annotations

import pytest

from stripe_sync.backfill_runs import _local_cpus


@pytest.mark.parametrize(
    ("url", "here"),
    [
        (None, True),  # the embedded PostgreSQL
        ("postgresql://u:secret@localhost:5432/db", True),
        ("postgresql://u@127.0.0.1/db", True),
        ("postgresql://u@127.0.0.2/db", True),
        ("postgresql://u@[::1]/db", True),
        ("postgresql:///db?host=/tmp/pg", True),
        ("dbname=db host=/var/run/postgresql", True),
        ("postgresql://u:secret@db.example.com/db", False),
        ("postgresql://u@10.0.0.7/db", False),
        ("postgresql://u@localhost,db.example.com/db", False),
        ("host=localhost hostaddr=10.0.0.7 dbname=db", False),
        ("not a connection string ===", False),
    ],
)
def test_a_database_on_this_machine_shares_its_cpus(url: str | None, here: bool) -> None:
    cpus = _local_cpus(url)
    assert (cpus is not None) is here, cpus
    if here:
        assert cpus is not None
        assert cpus >= 1
