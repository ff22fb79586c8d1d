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

import psycopg
import pytest

from stripe_sync import embedded
from stripe_sync.migrations import load_migrations
from stripe_sync.resources import REGISTRY


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
    )
    with process:
        try:
            assert process.stderr is not None
            first = process.stderr.readline()
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)
    assert f"http://127.0.0.1:{port}" in first
    assert DEFAULT_API_KEY in first
