"""``stripe-sync backfill`` as real processes: killed with SIGKILL and resumed, two at once.

The fake Stripe runs as a server (``stripe-sync fake-stripe``) in its own process, with some
latency so that a backfill takes a few seconds; every backfill is a ``stripe-sync backfill``
subprocess on a real PostgreSQL. The seeded ids (returned by the fake's ``/_fake/seed``) are the
oracle: after the last run each table holds exactly them.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from stripe_sync.resources import get
from stripe_sync.testing import DEFAULT_API_KEY
from tests.acceptance.helpers import sigint_as_by_default

# Backfills in subprocesses, killed, stopped and resumed: tens of seconds each.
pytestmark = pytest.mark.slow

#: Leases short enough that a resumed process takes a killed one's windows within seconds.
LEASE_SECONDS = "2"
CLI = (sys.executable, "-m", "stripe_sync.cli")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class FakeServer:
    """A ``stripe-sync fake-stripe`` subprocess."""

    url: str
    process: subprocess.Popen[bytes]

    def seed(self, name: str, count: int) -> set[str]:
        answer = httpx.post(
            f"{self.url}/_fake/seed",
            json={"object": name, "count": count, "return_ids": True},
            timeout=60,
        )
        answer.raise_for_status()
        ids = set(answer.json()["ids"])
        assert len(ids) == count
        return ids

    def stats(self) -> dict[str, Any]:
        answer = httpx.get(f"{self.url}/_fake/stats", timeout=10)
        answer.raise_for_status()
        result: dict[str, Any] = answer.json()
        return result

    def account_created(self) -> int:
        answer = httpx.get(
            f"{self.url}/v1/account",
            headers={"Authorization": f"Bearer {DEFAULT_API_KEY}"},
            timeout=10,
        )
        answer.raise_for_status()
        return int(answer.json()["created"])


@pytest.fixture
def fake_server(tmp_path: Path) -> Iterator[FakeServer]:
    """The fake with 40 ± 10 ms per request and no rate limits of its own."""
    port = _free_port()
    log = (tmp_path / "fake.log").open("wb")
    process = subprocess.Popen(
        [*CLI, "fake-stripe", "--port", str(port), "--latency-ms", "40", "--jitter-ms", "10"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, (tmp_path / "fake.log").read_text()
            try:
                if httpx.get(f"{url}/_fake/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the fake Stripe server did not start"
            time.sleep(0.1)
        yield FakeServer(url, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def backfill_env(fake: FakeServer) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("STRIPE_", "DATABASE_URL"))}
    return {
        **base,
        "STRIPE_API_KEY": DEFAULT_API_KEY,
        "STRIPE_API_BASE": fake.url,
        "STRIPE_SYNC_LEASE_SECONDS": LEASE_SECONDS,
    }


def start_backfill(
    fake: FakeServer, database_url: str, out: Path, *args: str
) -> subprocess.Popen[bytes]:
    with out.open("wb") as stdout, out.with_suffix(".err").open("wb") as stderr:
        return subprocess.Popen(
            [*CLI, "backfill", *args, "--database-url", database_url, "--json"],
            env=backfill_env(fake),
            stdout=stdout,
            stderr=stderr,
            preexec_fn=sigint_as_by_default,
        )


def finish(process: subprocess.Popen[bytes], out: Path, timeout: float = 60) -> Any:
    """Wait for a backfill process; its ``--json`` result (it must exit 0): an object, or a
    list of them when it ran for several accounts."""
    code = process.wait(timeout=timeout)
    err = out.with_suffix(".err").read_text()
    assert code == 0, f"exit {code}: {out.read_text()}\n{err}"
    return json.loads(out.read_text())


def wait_for_pages(
    process: subprocess.Popen[bytes], database_url: str, out: Path, pages: int
) -> None:
    """Wait until the running backfill has committed ``pages`` pages (it must not end first)."""
    deadline = time.monotonic() + 40
    while pages_committed(database_url) < pages:
        assert process.poll() is None, out.with_suffix(".err").read_text()
        assert time.monotonic() < deadline, "no progress"
        time.sleep(0.05)


def assert_exactly(database_url: str, name: str, seeded: set[str]) -> None:
    """The table of ``name`` holds each seeded id once, and nothing else."""
    ids = db_ids(database_url, name)
    assert len(ids) == len(set(ids))
    assert set(ids) == seeded


def scalar(url: str, query: str, *params: Any) -> Any:
    with psycopg.connect(url) as conn:
        row = conn.execute(query, params).fetchone()
        assert row is not None
        return row[0]


def db_ids(url: str, name: str) -> list[str]:
    """Ids of ``name``'s table, duplicates kept (there are none if the key holds)."""
    with psycopg.connect(url) as conn:
        return [
            r[0]
            for r in conn.execute(
                psycopg.sql.SQL("SELECT id FROM stripe.{} WHERE NOT deleted").format(
                    psycopg.sql.Identifier(get(name).table)
                )
            )
        ]


def windows(url: str, run_id: int) -> list[dict[str, Any]]:
    with psycopg.connect(url) as conn:
        cur = conn.execute(
            "SELECT * FROM stripe._sync_obj_runs WHERE run_id = %s ORDER BY id", (run_id,)
        )
        assert cur.description is not None
        names = [c.name for c in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def pages_committed(url: str) -> int:
    return int(scalar(url, "SELECT coalesce(sum(page_count), 0) FROM stripe._sync_obj_runs"))


def test_sigkill_at_random_pages_then_resume_lists_everything_once(
    fake_server: FakeServer, database_url: str, tmp_path: Path
) -> None:
    seeded = {
        "customer": fake_server.seed("customer", 20_000),
        "product": fake_server.seed("product", 300),
        "price": fake_server.seed("price", 500),
    }
    objects = ["customer", "product", "price"]
    # 8 workers and 40 ms a page against a 25 requests/s client limit: ~210 pages take ~9 s.
    args = (*objects, "--workers", "8", "--max-rps", "25")
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    context = f"random seed {seed}"

    kills = 0
    for attempt in range(4):
        out = tmp_path / f"killed-{attempt}.json"
        process = start_backfill(fake_server, database_url, out, *args)
        target = pages_committed(database_url) + rng.randint(4, 30)
        deadline = time.monotonic() + 40
        while pages_committed(database_url) < target and process.poll() is None:
            assert time.monotonic() < deadline, f"no progress towards page {target}; {context}"
            time.sleep(rng.uniform(0.005, 0.05))
        assert process.poll() is None, (
            f"the backfill ended before it was killed (exit {process.returncode}): "
            f"{out.with_suffix('.err').read_text()}; {context}"
        )
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=10) == -signal.SIGKILL
        kills += 1
    assert kills == 4

    out = tmp_path / "final.json"
    result = finish(start_backfill(fake_server, database_url, out, *args), out)
    assert result["status"] == "complete", context
    assert result["joined"] is True, "the resumed process continues the killed processes' run"
    run_id = result["run_id"]
    assert scalar(database_url, "SELECT count(*) FROM stripe._sync_runs") == 1, context
    assert scalar(database_url, "SELECT status FROM stripe._sync_runs WHERE id = %s", run_id) == (
        "complete"
    )

    for name in objects:
        ids = db_ids(database_url, name)
        assert len(ids) == len(set(ids)), f"{name}: duplicate rows; {context}"
        assert set(ids) == seeded[name], f"{name}: rows differ from the fake's; {context}"

    # The windows of each object tile the planned range: no gap, no overlap, from the account's
    # creation to the run's planned end; each page was committed once (processed counts add up).
    floor = datetime.fromtimestamp(fake_server.account_created(), UTC)
    planned_until = scalar(
        database_url, "SELECT planned_until FROM stripe._sync_runs WHERE id = %s", run_id
    )
    found = windows(database_url, run_id)
    assert all(w["status"] == "complete" for w in found), context
    assert not any(w["carried_from"] for w in found), "one run: nothing carried"
    for name in objects:
        mine = sorted((w["created_gte"], w["created_lt"]) for w in found if w["object"] == name)
        assert mine, name
        assert mine[0][0] == floor, f"{name}: starts at the account's creation; {context}"
        assert mine[-1][1] == planned_until + timedelta(seconds=1), f"{name}; {context}"
        for (_, end), (start, _) in itertools.pairwise(mine):
            assert end == start, f"{name}: windows {mine} leave a gap or overlap; {context}"
        processed = sum(w["processed_count"] for w in found if w["object"] == name)
        assert processed == len(seeded[name]), f"{name}: listed {processed}; {context}"
    assert result["objects"]["customer"]["processed"] == 20_000

    # `status --json` shows the run with its counts.
    status = subprocess.run(
        [*CLI, "status", "--json", "--database-url", database_url],
        env=backfill_env(fake_server),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert status.returncode == 0, status.stderr
    (run,) = json.loads(status.stdout)["runs"]
    assert run["run_id"] == run_id
    assert run["status"] == "complete"
    assert run["total_processed"] == 20_800
    assert {o["object"]: o["processed"] for o in run["object_progress"]} == {
        name: len(ids) for name, ids in seeded.items()
    }


def test_ctrl_c_stops_cleanly_and_the_next_run_resumes_at_once(
    fake_server: FakeServer, database_url: str, tmp_path: Path
) -> None:
    # 120 pages at 10 requests/s: ~12 s of work left after the third page, so that the Ctrl-C
    # lands mid-run even where a loaded machine is slow to act on it (with 6,000 customers, a
    # CI run under load once finished the whole run first).
    seeded = fake_server.seed("customer", 12_000)
    args = ("customer", "--workers", "4")
    out = tmp_path / "interrupted.json"
    process = start_backfill(fake_server, database_url, out, *args, "--max-rps", "10")
    wait_for_pages(process, database_url, out, 3)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 130
    err = out.with_suffix(".err").read_text()
    assert "interrupted; run the same command again to resume" in err
    assert "Traceback" not in err
    assert "failed" not in err
    # Its windows were given back, not left claimed until their lease ran out, and none failed.
    with psycopg.connect(database_url) as conn:
        statuses = {r[0] for r in conn.execute("SELECT status FROM stripe._sync_obj_runs")}
    assert statuses <= {"pending", "complete"}, statuses
    assert "pending" in statuses

    out = tmp_path / "resumed.json"
    # The rate is the process's, not the run's: this one joins the run at a higher one.
    result = finish(start_backfill(fake_server, database_url, out, *args, "--max-rps", "40"), out)
    assert result["status"] == "complete"
    assert result["joined"] is True
    assert_exactly(database_url, "customer", seeded)


def test_database_stopped_mid_run_is_one_clear_message_and_the_run_resumes(
    fake_server: FakeServer, tmp_path: Path
) -> None:
    # The user's path (issue 17, defect 9): the embedded PostgreSQL, ``stripe-sync db stop``
    # while a backfill runs. It used to print ~60 pool warnings, then blame "the rate limiter".
    data_dir = str(tmp_path / "pg")
    env = backfill_env(fake_server)
    started = subprocess.run(
        [*CLI, "db", "url", "--data-dir", data_dir], env=env, capture_output=True, text=True
    )
    assert started.returncode == 0, started.stderr
    database_url = started.stdout.strip()
    migrated = subprocess.run(
        [*CLI, "migrate", "--database-url", database_url], env=env, capture_output=True, text=True
    )
    assert migrated.returncode == 0, migrated.stderr
    seeded = fake_server.seed("customer", 6_000)
    args = ("customer", "--workers", "4", "--max-rps", "10")
    out = tmp_path / "stopped.json"
    process = start_backfill(fake_server, database_url, out, *args)
    wait_for_pages(process, database_url, out, 3)
    stopped = subprocess.run(
        [*CLI, "db", "stop", "--data-dir", data_dir], env=env, capture_output=True, text=True
    )
    assert stopped.returncode == 0, stopped.stderr
    assert process.wait(timeout=60) == 1
    err = out.with_suffix(".err").read_text()
    assert "Traceback" not in err
    assert "rate limiter" not in err
    assert "run the same command again once it is back to resume" in err
    # At most one line from the pool, and nothing else but the error itself (two lines).
    assert err.count("psycopg.pool") <= 1, err
    assert len(err.strip().splitlines()) <= 3, err

    restarted = subprocess.run(
        [*CLI, "db", "url", "--data-dir", data_dir], env=env, capture_output=True, text=True
    )
    assert restarted.returncode == 0, restarted.stderr
    try:
        out = tmp_path / "resumed.json"
        result = finish(start_backfill(fake_server, database_url, out, *args), out)
        assert result["status"] == "complete"
        assert result["joined"] is True
        assert_exactly(database_url, "customer", seeded)
    finally:
        subprocess.run([*CLI, "db", "stop", "--data-dir", data_dir], env=env, check=False)


def test_two_processes_share_one_run(
    fake_server: FakeServer, database_url: str, tmp_path: Path
) -> None:
    seeded = fake_server.seed("customer", 20_000)
    args = ("customer", "--workers", "4", "--max-rps", "25")
    outs = [tmp_path / "a.json", tmp_path / "b.json"]
    processes = [start_backfill(fake_server, database_url, out, *args) for out in outs]
    pids = {str(p.pid) for p in processes}

    # Who holds a window right now (completed windows are read after the run).
    holders: set[str] = set()
    while any(p.poll() is None for p in processes):
        with psycopg.connect(database_url) as conn:
            holders |= {
                worker
                for (worker,) in conn.execute(
                    "SELECT claimed_by FROM stripe._sync_obj_runs WHERE claimed_by IS NOT NULL"
                )
            }
        time.sleep(0.05)
    results = [finish(p, out) for p, out in zip(processes, outs, strict=True)]

    assert [r["status"] for r in results] == ["complete", "complete"]
    assert len({r["run_id"] for r in results}) == 1, "both processes work on one run"
    assert sorted(r["joined"] for r in results) == [False, True]
    ids = db_ids(database_url, "customer")
    assert len(ids) == len(set(ids)) == 20_000
    assert set(ids) == seeded
    found = windows(database_url, results[0]["run_id"])
    assert sum(w["processed_count"] for w in found) == 20_000, "no page listed twice"
    assert {h.split(":")[1] for h in holders} == pids, "both processes claimed windows"

    # The windows themselves record who listed them once complete.
    completed_by = {str(w["claimed_by"]).split(":")[1] for w in found if w["claimed_by"]}
    assert completed_by == pids, f"complete windows name their workers: {completed_by}"


def test_status_lists_a_run_with_its_counts(
    fake_server: FakeServer, database_url: str, tmp_path: Path
) -> None:
    fake_server.seed("customer", 250)
    fake_server.seed("product", 40)
    out = tmp_path / "run.json"
    result = finish(
        start_backfill(fake_server, database_url, out, "customer", "product", "--max-rps", "50"),
        out,
    )
    status = subprocess.run(
        [*CLI, "status", "--json", "--database-url", database_url],
        env=backfill_env(fake_server),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert status.returncode == 0, status.stderr
    (run,) = json.loads(status.stdout)["runs"]
    assert run["run_id"] == result["run_id"]
    assert run["status"] == "complete"
    assert run["closed_at"] is not None
    assert run["total_processed"] == 290
    assert sorted(run["objects"]) == ["customer", "product"]
    progress = {o["object"]: o for o in run["object_progress"]}
    assert {n: o["processed"] for n, o in progress.items()} == {"customer": 250, "product": 40}
    assert all(o["status"] == "complete" and o["error_windows"] == 0 for o in progress.values())
    assert all(o["complete_windows"] == o["windows"] >= 1 for o in progress.values())


def test_connected_accounts_from_the_command_line(
    fake_server: FakeServer, database_url: str, tmp_path: Path
) -> None:
    accounts = []
    for _ in range(3):
        answer = httpx.post(f"{fake_server.url}/_fake/accounts", json={}, timeout=10)
        answer.raise_for_status()
        account = answer.json()["id"]
        seeded = httpx.post(
            f"{fake_server.url}/_fake/seed",
            json={"object": "customer", "count": 120, "account": account},
            timeout=60,
        )
        seeded.raise_for_status()
        accounts.append(account)
    out = tmp_path / "connect.json"
    picked = ",".join(accounts[:2])
    results = finish(
        start_backfill(fake_server, database_url, out, "customer", "--connected-accounts", picked),
        out,
    )
    assert [r["account_id"] for r in results] == accounts[:2]
    assert all(r["status"] == "complete" and r["processed"] == 120 for r in results)
    # Status needs no Stripe key: it only reads the database.
    env = {k: v for k, v in backfill_env(fake_server).items() if k != "STRIPE_API_KEY"}
    status = subprocess.run(
        [*CLI, "status", "--json", "--database-url", database_url],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert status.returncode == 0, status.stderr
    shown = json.loads(status.stdout)
    assert {r["account_id"] for r in shown["runs"]} == set(accounts[:2])
    assert {r["account_id"] for r in shown["lag"]} == set(accounts[:2])
