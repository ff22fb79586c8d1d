"""``stripe-sync changes`` in a subprocess: a consumer killed mid-stream resumes from its stored
position and sees every change once, in order."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psycopg

from stripe_sync import StripeSync, StripeSyncConfig


def write_customers(url: str, first: int, count: int, per_transaction: int) -> None:
    with psycopg.connect(url) as conn:
        for start in range(first, first + count, per_transaction):
            objects = [
                {"id": f"cus_{i:05d}", "object": "customer", "name": str(i)}
                for i in range(start, min(start + per_transaction, first + count))
            ]
            conn.execute(
                "SELECT * FROM stripe._write_objects('customers', 'acct_1', %s::jsonb, now(), "
                "'fetch')",
                (json.dumps(objects),),
            )
            conn.commit()
            time.sleep(0.03)


def lines(path: Path) -> list[dict[str, Any]]:
    """The complete lines printed (a line cut by the kill was not delivered)."""
    text = path.read_text()
    complete = text[: text.rfind("\n") + 1] if "\n" in text else ""
    return [json.loads(line) for line in complete.splitlines()]


def consumer(url: str, out: Path) -> subprocess.Popen[bytes]:
    with out.open("wb") as stdout, out.with_suffix(".err").open("wb") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "stripe_sync.cli", "changes", "--follow", "--json"],
            env={**os.environ, "DATABASE_URL": url, "STRIPE_SYNC_CONSUMER": "killed"},
            stdout=stdout,
            stderr=stderr,
        )


def wait_for(path: Path, n: int, timeout: float = 10.0) -> None:
    """Until ``n`` lines are printed, or ``timeout`` (the writer may be done by then)."""
    deadline = time.monotonic() + timeout
    while len(lines(path)) < n and time.monotonic() < deadline:
        time.sleep(0.02)


def test_a_consumer_killed_mid_stream_resumes_once_and_in_order(
    database_url: str, tmp_path: Path
) -> None:
    with StripeSync(StripeSyncConfig(database_url=database_url)) as sync:
        sync.run_migrations()
    write_customers(database_url, 0, 200, 10)
    writer = threading.Thread(target=write_customers, args=(database_url, 200, 400, 4))
    writer.start()
    runs: list[list[dict[str, Any]]] = []
    try:
        for run in range(4):  # the writer's 100 transactions take a few seconds
            out = tmp_path / f"run{run}.jsonl"
            process = consumer(database_url, out)
            # Killed while changes still arrive (the writer runs), at some point of a batch.
            wait_for(out, 5)
            time.sleep(0.05 * run)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            assert process.returncode == -signal.SIGKILL
            runs.append(lines(out))
    finally:
        writer.join()
    # The last run, with everything written: it catches up to the end.
    with psycopg.connect(database_url) as conn:
        expected = [
            (int(p), str(i))
            for p, i in conn.execute(
                "SELECT position, object_id FROM stripe._change_feed ORDER BY 1"
            )
        ]
    assert len(expected) == 600
    out = tmp_path / "last.jsonl"
    process = consumer(database_url, out)
    printed = [int(c["position"]) for run in runs for c in run]
    try:
        # It prints what the killed runs had not (nothing, if they had printed it all).
        deadline = time.monotonic() + 60
        while (lines(out) or [{"position": max(printed)}])[-1]["position"] != expected[-1][0]:
            assert time.monotonic() < deadline, out.with_suffix(".err").read_text()
            time.sleep(0.05)
        time.sleep(1.0)  # nothing more comes
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    runs.append(lines(out))

    # The stream was cut at least twice with changes still to come.
    assert sum(1 for run in runs[:-1] if run) >= 2
    seen: list[tuple[int, str]] = []
    redelivered = 0
    for printed_run in runs:
        got = [(int(c["position"]), str(c["object_id"])) for c in printed_run]
        assert got == sorted(set(got)), "a run printed out of order or twice"
        # At most the one change the killed run was printing comes again, first.
        if seen and got and got[0] == seen[-1]:
            redelivered += 1
            got = got[1:]
        seen.extend(got)
    assert seen == expected  # every change once, in order
    assert redelivered <= len(runs) - 1
    with psycopg.connect(database_url) as conn:
        row = conn.execute(
            "SELECT position FROM stripe._change_feed_consumers WHERE name = 'killed'"
        ).fetchone()
    assert row is not None
    assert row[0] in (expected[-1][0], expected[-2][0])


def test_a_consumer_behind_the_retention_exits_3(database_url: str) -> None:
    with StripeSync(StripeSyncConfig(database_url=database_url)) as sync:
        sync.run_migrations()
    write_customers(database_url, 0, 2, 1)
    with psycopg.connect(database_url) as conn:
        first = conn.execute("SELECT min(position) FROM stripe._change_feed").fetchone()
        conn.execute("UPDATE stripe._change_feed SET changed_at = now() - interval '30 days'")
    assert first is not None
    with StripeSync(StripeSyncConfig(database_url=database_url)) as sync:
        assert sync.prune_changes() == 2
    done = subprocess.run(
        [sys.executable, "-m", "stripe_sync.cli", "changes", "--since", str(first[0])],
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 3, done.stderr
    assert "pruned through position" in done.stderr
    assert done.stdout == ""
