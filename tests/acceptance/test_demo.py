"""``stripe-sync demo`` in a subprocess: a fake account backfilled into a real database."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from stripe_sync import embedded
from stripe_sync.cli.demo import EXAMPLE_QUERIES, example_sql
from stripe_sync.resources import REGISTRY

SCALE = 150
_ROW = re.compile(r"^│\s*(\w+)\s*│\s*([\d,]+)\s*│$", re.MULTILINE)


def demo(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stripe_sync.cli", "demo", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def env() -> dict[str, str]:
    """No DATABASE_URL, schema or Stripe settings from the caller's environment; a fixed
    terminal width for the tables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("STRIPE_", "DATABASE_"))}
    return {**clean, "COLUMNS": "120"}


def section(stdout: str, heading: str) -> dict[str, int]:
    """The two-column table printed after the line starting with ``heading``."""
    start = stdout.index(heading)
    table = stdout[start : stdout.index("└", start)]
    return {name: int(n.replace(",", "")) for name, n in _ROW.findall(table)}


def listed(stdout: str) -> int:
    """The objects the demo says it listed."""
    found = re.search(r"([\d,]+) listed", stdout)
    assert found is not None, stdout
    return int(found.group(1).replace(",", ""))


def table_counts(url: str, schema: str) -> dict[str, int]:
    """Rows of every non-empty table of ``schema``, counted here, not by the demo."""
    with psycopg.connect(url) as conn:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = %s AND table_type = 'BASE TABLE'",
                (schema,),
            )
        ]
        # An object's rows are counted through its view (customers), not its storage table.
        names = [n.removeprefix("_raw_") for n in names]
        counts = {}
        for name in names:
            row = conn.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(schema, name))
            ).fetchone()
            assert row is not None
            counts[name] = int(row[0])
    return {name: n for name, n in counts.items() if n}


def test_demo_backfills_the_fake_account_and_prints_the_true_counts(
    database_url: str, env: dict[str, str]
) -> None:
    result = demo("--scale", str(SCALE), "--database-url", database_url, env=env)
    assert result.returncode == 0, result.stderr
    assert "Using the embedded PostgreSQL" not in result.stderr
    assert "writes fake Stripe data into schema 'stripe'" in result.stderr
    assert re.search(r"Backfill run 1 \(acct_\w+\): complete", result.stdout)

    actual = table_counts(database_url, "stripe")
    # The library's count of the fake account's rows: every object table that has rows, and
    # the engine's own tables the account has rows in (its run, its events), counted true.
    shown = section(result.stdout, "Rows of the fake account per table in schema 'stripe'")
    assert shown == {table: actual.get(table) for table in shown}
    object_tables = {r.table for r in REGISTRY.values()}
    assert {table for table in actual if table in object_tables} <= shown.keys()
    assert "_sync_runs" in shown

    # Every seeded object arrived, children (items, invoice lines) with their parents.
    seeded = section(result.stdout, "Fake Stripe account")
    total = seeded.pop("total")
    assert seeded["customer"] == SCALE
    assert total == sum(seeded.values()) >= 8 * SCALE
    assert {REGISTRY[name].table: n for name, n in seeded.items()} == {
        table: actual.get(table, 0) for table in (REGISTRY[name].table for name in seeded)
    }
    for table in ("customers", "subscriptions", "subscription_items", "invoices", "charges"):
        assert actual[table] > 0, table

    # The example queries work on the demo's data, and the first one's answer is printed.
    with psycopg.connect(database_url) as conn:
        answers = [
            conn.execute(example_sql(statement, "stripe").encode()).fetchall()
            for _, statement in EXAMPLE_QUERIES
        ]
    for title, statement in EXAMPLE_QUERIES:
        assert example_sql(statement, "stripe") in result.stdout, title
    mrr, revenue, unpaid, started = answers
    assert mrr
    assert revenue
    assert unpaid, "the fake account has customers with unpaid invoices"
    assert started
    plan, currency, subscriptions, amount = mrr[0]
    assert re.search(
        rf"│ {re.escape(plan)}\s*│\s*{currency}\s*│\s*{subscriptions}\s*│\s*{amount}\s*│",
        result.stdout,
    ), result.stdout


def test_the_psql_command_it_prints_works_in_a_shell_without_the_venv_on_path(
    env: dict[str, str],
) -> None:
    """After README's install (``.venv/bin/pip install .``, no venv activated) neither
    ``stripe-sync`` nor, on many machines, ``psql`` is on PATH: the printed command still runs."""
    root = Path(tempfile.mkdtemp(prefix="ss-demo-"))
    data_dir = root / "pg"
    # PATH names an empty directory: no program is found by name.
    bare = {**env, "PATH": str(root / "bin"), "STRIPE_SYNC_DATA_DIR": str(data_dir)}
    try:
        result = demo("--scale", "20", "--schema", "demo", env={**bare, "COLUMNS": "60"})
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        command = lines[lines.index("SQL to try: paste into psql, started with") + 1]
        count = "-Atc 'SELECT count(*) FROM demo.customers'"
        shell = subprocess.run(
            ["/bin/sh", "-c", f"{command} {count}"],
            env=bare,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert (shell.returncode, shell.stdout.strip()) == (0, "20"), (command, shell.stderr)
        # The next steps it suggests name the same stripe-sync.
        stripe_sync = command.split('"$(')[1].split(" db url")[0]
        assert f"then run {stripe_sync} backfill and {stripe_sync} status" in result.stdout
    finally:
        embedded.stop(data_dir)
        shutil.rmtree(root, ignore_errors=True)


def test_demo_in_its_own_schema_leaves_stripe_alone_and_can_run_again(
    database_url: str, env: dict[str, str]
) -> None:
    env = {**env, "DATABASE_URL": database_url}
    first = demo("--scale", "40", "--schema", "demo", env=env)
    assert first.returncode == 0, first.stderr
    assert "writes fake Stripe data" not in first.stderr
    assert "demo.customers" in first.stdout
    counts = table_counts(database_url, "demo")
    assert counts["customers"] == 40
    assert "customers" not in table_counts(database_url, "stripe")

    # The same fake account again: everything is listed again (not an incremental run that
    # finds nothing new), and rewriting the same ids leaves the object tables as they were.
    second = demo("--scale", "40", "--schema", "demo", env=env)
    assert second.returncode == 0, second.stderr
    assert listed(second.stdout) == listed(first.stdout) > 0
    again = table_counts(database_url, "demo")
    objects = {REGISTRY[name].table for name in REGISTRY}
    assert {t: n for t, n in again.items() if t in objects} == {
        t: n for t, n in counts.items() if t in objects
    }
    assert again["_sync_runs"] == 2
