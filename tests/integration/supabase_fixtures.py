"""Fixtures for the Supabase deployment tests: a fresh fake Supabase project per test.

Registered with ``pytest_plugins``. A project is Debian's PostgreSQL 15 started with pg_cron
preloaded (``cron.database_name = postgres``, the project database, as on Supabase) and the pg_net
stand-in installed, plus a :class:`~tests.support.fake_supabase.FakeSupabase` in front of it.

Cost: ``initdb`` and the Supabase bootstrap run once per session on a template data directory
(about 1.5 s); each test gets a copy of it (``cp -a``, under 0.1 s) started on its own port
(about 0.15 s; stopping and removing it takes about 0.3 s), so every test has its own cluster,
cron schedule and pg_net queue. (One cluster with a database per test cannot work: pg_cron
serves the single database named by ``cron.database_name``, set at server start.)

pg_cron's scheduler never runs a job by itself here: ``cron.host`` points at an empty directory
(its connections fail) and ``cron.log_run`` is off. Tests tick a job with
``fake.run_cron_job(name)``, which runs the command and logs it in ``cron.job_run_details``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from stripe_sync.supabase import ManagementClient, SupabaseDeployment
from tests.conftest import _free_port, deselect_hint, run_pg15
from tests.support.fake_supabase import (
    PG15_EXTENSION_DIR,
    PROJECT_BOOTSTRAP_SQL,
    FakeSupabase,
    install_pg_net_standin,
)


class ProjectCluster:
    """A PostgreSQL 15 cluster of one fake project, from a copy of the template data dir."""

    def __init__(self, template: Path) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="ss-sb-"))
        self.root.chmod(0o777)
        self.data = self.root / "data"
        (self.root / "no-cron").mkdir()
        subprocess.run(["cp", "-a", str(template), str(self.data)], check=True)
        self.port = _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = " ".join(
            [
                f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1",
                "-c shared_preload_libraries=pg_cron -c cron.database_name=postgres",
                f"-c cron.host={self.root / 'no-cron'} -c cron.log_run=off",
            ]
        )
        log = str(self.root / "log")
        run_pg15("pg_ctl", "-D", str(self.data), "-l", log, "-w", "-o", options, "start")

    def stop(self) -> None:
        run_pg15("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg15_extension_dir(pg15_bin: Path) -> Path:
    """PostgreSQL 15's extension folder, with pg_cron and the pg_net stand-in (marker ``root``:
    writing the stand-in there takes root, or write access to the folder)."""
    hint = deselect_hint("root")
    if not (PG15_EXTENSION_DIR / "pg_cron.control").exists():
        pytest.fail(
            f"pg_cron for PostgreSQL 15 is missing: apt-get install postgresql-15-cron {hint}"
        )
    if not os.access(PG15_EXTENSION_DIR, os.W_OK):
        pytest.fail(
            f"the fake Supabase installs its pg_net stand-in into {PG15_EXTENSION_DIR}, which "
            f"this user cannot write: run as root (CI does) {hint}"
        )
    install_pg_net_standin(PG15_EXTENSION_DIR)
    return PG15_EXTENSION_DIR


@pytest.fixture(scope="session")
def supabase_pg_template(pg15_extension_dir: Path) -> Iterator[Path]:
    """A stopped, bootstrapped PostgreSQL 15 data directory that projects are copied from."""
    root = Path(tempfile.mkdtemp(prefix="ss-sbt-"))
    root.chmod(0o777)
    data = root / "data"
    run_pg15("initdb", "-D", str(data), "-A", "trust", "-U", "postgres")
    cluster = ProjectCluster(data)
    try:
        cluster.start()
        with psycopg.connect(cluster.url, autocommit=True) as conn:
            conn.execute(PROJECT_BOOTSTRAP_SQL.encode())
        cluster.stop()
        # The bootstrapped copy becomes the template.
        shutil.rmtree(data)
        shutil.move(str(cluster.data), str(data))
    finally:
        cluster.remove()
    try:
        yield data
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def supabase_project_db(supabase_pg_template: Path) -> Iterator[str]:
    """URL of a fresh project database (``postgres`` on a cluster of the test's own)."""
    cluster = ProjectCluster(supabase_pg_template)
    try:
        cluster.start()
        yield cluster.url
    finally:
        cluster.remove()


@pytest.fixture
def fake_supabase(supabase_project_db: str, deno_bin: str) -> Iterator[FakeSupabase]:
    """A running fake Supabase project on a fresh database, its functions run by ``deno_bin``."""
    with FakeSupabase(supabase_project_db, deno_bin=deno_bin) as fake:
        yield fake


# -- helpers of the Supabase deployment tests ---------------------------------------------------


def management(project: FakeSupabase) -> ManagementClient:
    """A Management API client for ``project`` that does not sleep between retries."""
    return ManagementClient(
        project.token, project.ref, base_url=project.management_url, sleep=lambda s: None
    )


def deployment(project: FakeSupabase, schema: str = "stripe") -> SupabaseDeployment:
    return SupabaseDeployment(management(project), schema=schema, project_url=project.project_url)


def one(url: str, sql: str, *params: Any) -> Any:
    """The first column of the first row (None when there is none)."""
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(sql, params).fetchone()
    return row[0] if row is not None else None


def all_rows(url: str, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(sql, params).fetchall()
