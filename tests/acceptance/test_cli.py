"""The ``stripe-sync`` command in a subprocess, as a user runs it."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
from psycopg import sql

from stripe_sync import embedded
from stripe_sync.migrations import load_migrations
from stripe_sync.resources import REGISTRY
from tests.acceptance.helpers import sigint_as_by_default
from tests.conftest import RestartablePostgres


def cli(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stripe_sync.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def cli_module(module: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def data_dir() -> Iterator[Path]:
    """A private embedded-PostgreSQL data directory, stopped and removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="ss-cli-")) / "pg"
    try:
        yield path
    finally:
        embedded.stop(path)
        shutil.rmtree(path.parent, ignore_errors=True)


@pytest.fixture
def env(data_dir: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "STRIPE_SYNC_SCHEMA")}
    clean["STRIPE_SYNC_DATA_DIR"] = str(data_dir)
    return clean


def table_names(url: str, schema: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {
            name
            for (name,) in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                (schema,),
            )
        }


def test_migrate_without_database_url_uses_embedded_postgres(env: dict[str, str]) -> None:
    first = cli("migrate", env=env)
    assert first.returncode == 0, first.stderr
    url = re.search(r"Using the embedded PostgreSQL: (\S+)", first.stderr)
    assert url is not None, first.stderr
    assert f"Applied {len(load_migrations())} migration(s)" in first.stdout
    assert {r.table for r in REGISTRY.values()} <= table_names(url.group(1), "stripe")

    second = cli("migrate", env=env)
    assert second.returncode == 0, second.stderr
    assert "up to date" in second.stdout

    other = cli("migrate", "--schema", "other", env=env)
    assert other.returncode == 0, other.stderr
    assert {r.table for r in REGISTRY.values()} <= table_names(url.group(1), "other")

    printed = cli("db", "url", "--no-start", env=env)
    assert printed.stdout.strip() == url.group(1)


def test_no_embedded_postgres_makes_a_missing_database_url_an_error(
    env: dict[str, str], data_dir: Path
) -> None:
    """What the container image sets: no silent server whose data dies with the container."""
    for args, extra in (
        (["--no-embedded-postgres", "migrate"], {}),
        (["migrate"], {"STRIPE_SYNC_EMBEDDED_POSTGRES": "0"}),
    ):
        result = cli(*args, env={**env, **extra})
        assert result.returncode == 2, result.stderr
        assert "set DATABASE_URL" in result.stderr
    assert not data_dir.exists()


def test_two_processes_share_one_server_from_a_cold_start(env: dict[str, str]) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "stripe_sync.cli", "migrate"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]

    assert [p.returncode for p in procs] == [0, 0], outputs
    urls = {re.search(r"PostgreSQL: (\S+)", err).group(1) for _, err in outputs}  # type: ignore[union-attr]
    assert len(urls) == 1
    applied = sorted("Applied" in out for out, _ in outputs)
    assert applied == [False, True]


def test_db_stop_then_restart_after_a_crash(env: dict[str, str], data_dir: Path) -> None:
    assert cli("migrate", env=env).returncode == 0
    stopped = cli("db", "stop", env=env)
    assert stopped.returncode == 0
    assert "stopped" in stopped.stdout
    assert cli("db", "url", "--no-start", env=env).returncode == 1

    # Crash: kill -9 the postmaster, leaving postmaster.pid behind ...
    url = cli("db", "url", env=env).stdout.strip()
    pid = int((data_dir / "postmaster.pid").read_text().split()[0])
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while embedded.running_url(data_dir) and time.monotonic() < deadline:
        time.sleep(0.05)
    # ... and make the stale pid point at a live process that is not PostgreSQL.
    lines = (data_dir / "postmaster.pid").read_text().splitlines()
    lines[0] = str(os.getpid())
    (data_dir / "postmaster.pid").write_text("\n".join(lines) + "\n")

    again = cli("migrate", env=env)
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stdout  # the data survived the crash
    assert cli("db", "url", "--no-start", env=env).stdout.strip() == url


def test_database_url_to_postgres_15(pg15_admin_url: str, env: dict[str, str]) -> None:
    env = {**env, "DATABASE_URL": pg15_admin_url}
    result = cli("migrate", "--schema", "cli_pg15", env=env)
    assert result.returncode == 0, result.stderr
    assert "embedded" not in result.stderr
    assert {r.table for r in REGISTRY.values()} <= table_names(pg15_admin_url, "cli_pg15")


def test_unreachable_database_is_one_clear_line(env: dict[str, str]) -> None:
    env = {**env, "DATABASE_URL": "postgresql://u:s3cret-pw@127.0.0.1:1/db?connect_timeout=2"}
    result = cli("migrate", env=env)
    assert result.returncode == 1
    assert "cannot connect to PostgreSQL" in result.stderr
    assert "Traceback" not in result.stderr
    assert "s3cret-pw" not in result.stderr


def test_bad_schema_name_is_a_usage_error(env: dict[str, str]) -> None:
    result = cli("migrate", "--schema", "Robert'); DROP", env=env)
    assert result.returncode == 2
    assert "schema must be" in result.stderr


def test_every_option_has_help_in_plain_text() -> None:
    """``--help`` is read in a terminal: every option says what it does, and no docstring
    markup (``--json``, :class:) shows through literally."""
    import click

    from stripe_sync.cli import main

    def walk(command: click.Command, path: str) -> Iterator[tuple[str, click.Command]]:
        yield path, command
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                yield from walk(sub, f"{path} {name}")

    undocumented, marked_up = [], []
    for path, command in walk(main, "stripe-sync"):
        undocumented += [
            f"{path} {param.opts[0]}"
            for param in command.params
            if isinstance(param, click.Option) and not param.hidden and not param.help
        ]
        text = command.get_help(click.Context(command, info_name=path))
        if re.search(r"``|:(class|func|meth|mod):`", text):
            marked_up.append(path)
    assert undocumented == []
    assert marked_up == []


#: What ``--help`` must not import: it would cost a second of CPU on a small machine.
HEAVY_MODULES = (
    "embedded_postgres",
    "httpx",
    "msgspec",
    "prometheus_client",
    "psycopg",
    "psycopg_pool",
    "rich",
    "starlette",
    "stripe",
    "uvicorn",
    "stripe_sync.backfill",
    "stripe_sync.client",
    "stripe_sync.facade",
    "stripe_sync.store",
)

_EVERY_HELP = """
import contextlib, io, json, sys

import click

from stripe_sync.cli import main

def paths(command, path):
    yield path
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from paths(sub, [*path, name])

for path in paths(main, []):
    with contextlib.redirect_stdout(io.StringIO()) as out:
        main.main([*path, "--help"], prog_name="stripe-sync", standalone_mode=False)
    assert "Usage: stripe-sync" in out.getvalue(), path
print(json.dumps(sorted(sys.modules)))
"""


def test_help_imports_no_heavy_module(env: dict[str, str]) -> None:
    """``stripe-sync --help`` and every ``stripe-sync COMMAND --help`` load only click and
    what describes the options: the database driver, HTTP, the server, rich and the engine are
    imported by the commands that run."""
    result = subprocess.run(
        [sys.executable, "-c", _EVERY_HELP],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    heavy = sorted({h for h in HEAVY_MODULES for m in loaded if m == h or m.startswith(f"{h}.")})
    assert heavy == []


def test_the_command_runs_as_a_module(env: dict[str, str]) -> None:
    from stripe_sync import __version__

    for module in ("stripe_sync.cli", "stripe_sync"):
        result = cli_module(module, "--version", env=env)
        assert result.returncode == 0, result.stderr
        assert __version__ in result.stdout


def test_env_vars_are_named_in_help(env: dict[str, str]) -> None:
    result = cli("migrate", "--help", env=env)
    assert "DATABASE_URL" in result.stdout
    assert "STRIPE_SYNC_SCHEMA" in result.stdout


def test_sync_entity_writes_one_object(env: dict[str, str]) -> None:
    import json

    from stripe_sync.testing import FakeStripe, run_in_thread

    with FakeStripe(seed=3) as fake, run_in_thread(fake) as server:
        customer = fake.call("POST", "/v1/customers", {"email": "cli@example.com"})
        env = {**env, "STRIPE_API_KEY": fake.api_key, "STRIPE_API_BASE": server.url}
        result = cli("sync-entity", customer["id"], "--json", env=env)
        assert result.returncode == 0, result.stderr
        outcome = json.loads(result.stdout)
        assert outcome["outcome"] == "written"
        assert outcome["object"] == "customer"
        assert outcome["account_id"] == fake.account_id
        url = re.search(r"Using the embedded PostgreSQL: (\S+)", result.stderr)
        assert url is not None, result.stderr
        with psycopg.connect(url.group(1)) as conn:
            email = conn.execute(
                "SELECT email FROM stripe.customers WHERE id = %s", (customer["id"],)
            ).fetchone()
        assert email == ("cli@example.com",)

        again = cli("sync-entity", customer["id"], env=env)
        assert again.returncode == 0, again.stderr
        assert f"customer {customer['id']}: unchanged" in again.stdout

        unknown = cli("sync-entity", "zz_123", env=env)
        assert unknown.returncode == 2
        assert "cannot tell the object type" in unknown.stderr
        assert fake.api_key not in unknown.stderr + unknown.stdout


def test_sync_entity_needs_an_api_key(env: dict[str, str]) -> None:
    env = {k: v for k, v in env.items() if k != "STRIPE_API_KEY"}
    result = cli("sync-entity", "cus_123", env=env)
    assert result.returncode == 2
    assert "STRIPE_API_KEY" in result.stderr


def test_webhooks_list_and_delete(env: dict[str, str]) -> None:
    import json

    from stripe_sync import StripeSync, StripeSyncConfig
    from stripe_sync.testing import FakeStripe, run_in_thread

    with FakeStripe(seed=4) as fake, run_in_thread(fake) as server:
        env = {**env, "STRIPE_API_KEY": fake.api_key, "STRIPE_API_BASE": server.url}
        empty = cli("webhooks", "list", env=env)
        assert empty.returncode == 0, empty.stderr
        assert "no managed webhook endpoints" in empty.stdout
        url = re.search(r"Using the embedded PostgreSQL: (\S+)", empty.stderr)
        assert url is not None, empty.stderr

        config = StripeSyncConfig(
            stripe_secret_key=fake.api_key, stripe_api_base=server.url, database_url=url.group(1)
        )
        with StripeSync(config) as sync:
            created = sync.find_or_create_managed_webhook("https://example.com/hooks")

        listed = cli("webhooks", "list", "--json", env=env)
        assert listed.returncode == 0, listed.stderr
        endpoints = json.loads(listed.stdout)
        assert [e["id"] for e in endpoints] == [created["id"]]
        assert "secret" not in endpoints[0]
        assert "whsec_" not in listed.stdout

        foreign = fake.add_webhook_endpoint("https://elsewhere.example.com/hooks")
        refused = cli("webhooks", "delete", foreign["id"], env=env)
        assert refused.returncode == 2
        assert "not a webhook endpoint managed here" in refused.stderr

        deleted = cli("webhooks", "delete", created["id"], env=env)
        assert deleted.returncode == 0, deleted.stderr
        assert f"deleted {created['id']}" in deleted.stdout
        remaining = fake.call("GET", "/v1/webhook_endpoints")["data"]
        assert [e["id"] for e in remaining] == [foreign["id"]]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u:SuperSecretPw@127.0.0.1/db", "not a PostgreSQL connection string"),
        ("postgres:/not a url::SuperSecretPw", "not a PostgreSQL connection string"),
        ("postgresql://u:SuperSecretPw@127.0.0.1:99999/db", "port must be a number"),
        ("postgresql://u:SuperSecretPw@127.0.0.1:http/db", "port must be a number"),
    ],
)
@pytest.mark.parametrize("command", ["migrate", "status"])
def test_a_malformed_database_url_is_a_configuration_error_without_the_password(
    env: dict[str, str], url: str, message: str, command: str
) -> None:
    result = cli(command, env={**env, "DATABASE_URL": url}, timeout=60)
    assert result.returncode == 2, result.stderr
    output = result.stdout + result.stderr
    assert "SuperSecretPw" not in output
    assert "Traceback" not in output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_fake_stripe_says_where_it_listens_and_which_key_it_accepts(
    env: dict[str, str],
) -> None:
    from stripe_sync.testing import DEFAULT_API_KEY, free_port

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "stripe_sync.cli", "fake-stripe", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=sigint_as_by_default,
    )
    with process:
        try:
            assert process.stderr is not None
            first = process.stderr.readline()
            # The line comes once it listens: a request is answered at once.
            listening = httpx.get(f"http://127.0.0.1:{port}/v1/customers", timeout=10)
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()  # leaving the block would otherwise wait for it forever
                raise
    assert f"http://127.0.0.1:{port}" in first
    assert DEFAULT_API_KEY in first
    assert listening.status_code == 401  # no key given: Stripe's answer, from the fake


def test_backfill_estimate_prints_a_table_and_json_and_writes_nothing(
    env: dict[str, str],
) -> None:
    from stripe_sync.testing import FakeStripe, run_in_thread

    now = int(time.time())
    with FakeStripe(seed=5) as fake, run_in_thread(fake) as server:
        fake.seed("customer", 250, created_range=(now - 30 * 86_400, now - 60))
        fake.seed("product", 40, created_range=(now - 400 * 86_400, now - 60))
        env = {**env, "STRIPE_API_KEY": fake.api_key, "STRIPE_API_BASE": server.url}
        answer = cli(
            "backfill", "--estimate", "customer", "product", "--created-gte", "2020-01-01",
            "--json", env=env,
        )  # fmt: skip
        assert answer.returncode == 0, answer.stderr
        found = json.loads(answer.stdout)
        objects = {o["object"]: o for o in found["objects"]}
        # Customers are counted by search; products, few, exactly by the sampling requests.
        assert objects["customer"]["objects"] == 250
        assert objects["customer"]["method"] == "counted"
        assert objects["product"]["method"] == "exact"
        assert objects["product"]["objects"] == 40
        # 100 a page at least, and one window at least per object.
        assert objects["customer"]["requests"] >= 3
        assert objects["product"]["requests"] >= 1
        assert found["total"]["requests"] == sum(o["requests"] for o in objects.values())
        assert found["limits"] == {
            "global_rps": 25.0,  # a test key
            "endpoint_rps": 25.0,
            "workers": 64,
            "latency_seconds": found["limits"]["latency_seconds"],
            # Each object's page round trip, measured on its sampling pages.
            "latencies_seconds": {
                "customer": found["limits"]["latencies_seconds"]["customer"],
                "product": found["limits"]["latencies_seconds"]["product"],
            },
            # Pages written at once: the pool's 10 connections, at most this machine's CPUs
            # for a database on it.
            "database_slots": min(10, len(os.sched_getaffinity(0))),
            # Objects of fewer than ten pages are not worth a measured write.
            "page_write_seconds": {},
        }
        assert found["livemode"] is False
        assert found["account_id"] == fake.account_id

        # Incremental (no range): the cursors are read from a database not migrated yet.
        table = cli("backfill", "--estimate", "customer", "--max-rps", "80", env=env)
        assert table.returncode == 0, table.stderr
        assert "Backfill estimate" in table.stdout
        assert re.search(r"customer\s+│\s+250\s+│", table.stdout), table.stdout
        assert "80 requests/s overall" in table.stdout
        assert "nothing was written" in table.stdout
        assert fake.api_key not in table.stdout + table.stderr

        url = re.search(r"Using the embedded PostgreSQL: (\S+)", table.stderr)
        assert url is not None, table.stderr
        assert table_names(url.group(1), "stripe") == set(), "no migration, no table"

        refused = cli("backfill", "--estimate", "--sigma", env=env)
        assert refused.returncode == 2
        assert "--estimate" in refused.stderr


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"host": "127.0.0.1", "port": "1", "connect_timeout": "2"}, "127.0.0.1:1"),
        ({"dbname": "no_such_database"}, "no_such_database"),
        ({"user": "no_such_role"}, "no_such_role"),
    ],
    ids=["unreachable", "missing-database", "unknown-role"],
)
def test_backfill_to_a_database_it_never_reached_is_a_configuration_error(
    pg_admin_url: str, env: dict[str, str], change: dict[str, str], named: str
) -> None:
    """A database that was never reached is a setting to fix (exit 2, where and why, no
    password), not an outage to wait out: no "run the same command again to resume"."""
    from psycopg.conninfo import make_conninfo

    url = make_conninfo(pg_admin_url, password="S3cretDbPw", **change)
    result = cli(
        "backfill",
        "customers",
        env={
            **env,
            "DATABASE_URL": url,
            "STRIPE_API_KEY": "sk_test_S3cretStripeKey",
            "STRIPE_API_BASE": "http://127.0.0.1:1",
        },
        timeout=60,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "cannot connect to PostgreSQL" in result.stderr
    assert named in result.stderr
    assert "resume" not in output
    assert "went away" not in output
    assert "S3cretDbPw" not in output
    assert "S3cretStripeKey" not in output
    assert "Traceback" not in output


def test_backfill_auto_expand_lists_pages_a_subscriptions_items_to_the_end(
    env: dict[str, str],
) -> None:
    """Stripe embeds 10 items of a subscription: --auto-expand-lists (the TypeScript engine's
    autoExpandLists) lists the rest; without it the first 10 are kept."""
    from stripe_sync.testing import FakeStripe, run_in_thread

    with FakeStripe(seed=5) as fake, run_in_thread(fake) as server:
        customer = fake.call("POST", "/v1/customers", {"email": "many@example.com"})
        product = fake.call("POST", "/v1/products", {"name": "Seats"})
        prices = [
            fake.call(
                "POST",
                "/v1/prices",
                {
                    "product": product["id"],
                    "unit_amount": 100 + n,
                    "currency": "usd",
                    "recurring": {"interval": "month"},
                },
            )
            for n in range(13)
        ]
        subscription = fake.call(
            "POST",
            "/v1/subscriptions",
            {"customer": customer["id"], "items": [{"price": p["id"]} for p in prices]},
        )
        assert subscription["items"]["has_more"]
        env = {**env, "STRIPE_API_KEY": fake.api_key, "STRIPE_API_BASE": server.url}
        counts = []
        # Each into its own schema: a second run into the same one would list only what is new.
        for flag, schema in (("--no-auto-expand-lists", "first"), ("--auto-expand-lists", "all")):
            result = cli("backfill", "subscription", "--json", flag, "--schema", schema, env=env)
            assert result.returncode == 0, result.stderr
            url = re.search(r"Using the embedded PostgreSQL: (\S+)", result.stderr)
            assert url is not None, result.stderr
            with psycopg.connect(url.group(1)) as conn:
                statement = sql.SQL(
                    "SELECT count(*) FROM {}.subscription_items WHERE subscription = %s"
                )
                (count,) = conn.execute(
                    statement.format(sql.Identifier(schema)), (subscription["id"],)
                ).fetchone() or (None,)
            counts.append(count)
    assert counts == [10, 13]
    for command in ("backfill", "start"):
        help_text = cli(command, "--help", env=env).stdout
        assert "--auto-expand-lists" in help_text
        assert "STRIPE_SYNC_AUTO_EXPAND_LISTS" in help_text


def test_backfill_whose_database_goes_away_after_it_started_says_resume(
    restartable_pg15: RestartablePostgres, env: dict[str, str]
) -> None:
    """The other side of the configuration error: once the run has started, a database that
    goes away is an outage (exit 1), and running the same command again resumes."""
    from stripe_sync.testing import FakeStripe, run_in_thread

    with FakeStripe(seed=9) as fake, run_in_thread(fake) as server:
        fake.seed("customer", 3000)
        fake.configure(latency_ms=40.0)
        env = {
            **env,
            "DATABASE_URL": restartable_pg15.url,
            "STRIPE_API_KEY": fake.api_key,
            "STRIPE_API_BASE": server.url,
        }
        process = subprocess.Popen(
            [sys.executable, "-m", "stripe_sync.cli", "backfill", "customer", "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and process.poll() is None:
                with psycopg.connect(restartable_pg15.url) as conn:
                    (listed,) = conn.execute(
                        "SELECT count(*) FROM stripe.customers"
                    ).fetchone() or (0,)
                if listed:
                    break
                time.sleep(0.05)
            assert process.poll() is None, "the backfill ended before the database went away"
            restartable_pg15.stop("immediate")
            _, stderr = process.communicate(timeout=180)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert process.returncode == 1, stderr
    assert "the database went away during the backfill" in stderr
    assert "run the same command again once it is back to resume" in stderr
    assert "error: cannot connect to PostgreSQL at" not in stderr
