"""What the fake Supabase runs on: a PostgreSQL with the pg_net stand-in, and Deno.

The stand-in (``pg_net_standin/``) is copied into PostgreSQL 15's extension folder by
:func:`install_pg_net_standin`; each deployed function runs in its own Deno process through
``deno_host.ts`` (:class:`FunctionHost`), restarted when the function or the secrets change.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from stripe_sync.testing import free_port
from tests.support.supabase_wire import DeployedFunction

PG15_EXTENSION_DIR = Path("/usr/share/postgresql/15/extension")
STANDIN_DIR = Path(__file__).with_name("pg_net_standin")
DENO_HOST = Path(__file__).with_name("deno_host.ts")
_STANDIN_MARK = "stripe-sync stand-in"

# What a new Supabase project has that a fresh cluster lacks (run once on a template database):
# the API roles, the ``extensions`` schema with pgcrypto, and that schema on the search path.
PROJECT_BOOTSTRAP_SQL = """
CREATE ROLE anon NOLOGIN NOINHERIT;
CREATE ROLE authenticated NOLOGIN NOINHERIT;
CREATE ROLE service_role NOLOGIN NOINHERIT BYPASSRLS;
CREATE SCHEMA IF NOT EXISTS extensions;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;
GRANT USAGE ON SCHEMA extensions TO anon, authenticated, service_role;
GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
ALTER DATABASE postgres SET search_path TO "$user", public, extensions;
"""

PASS_ENV = ("PATH", "HOME", "DENO_DIR", "NPM_CONFIG_REGISTRY", "HTTP_PROXY", "HTTPS_PROXY",
             "NO_PROXY", "http_proxy", "https_proxy", "no_proxy", "SSL_CERT_FILE")  # fmt: skip


@dataclass
class _Process:
    popen: subprocess.Popen[bytes]
    port: int
    key: tuple[int, int]
    log: Path


def find_deno() -> str | None:
    """Deno as the tests find it: ``$DENO_BIN``, ``deno`` on PATH, or the repo's ``.tools``."""
    candidates = [os.environ.get("DENO_BIN"), shutil.which("deno")]
    candidates.append(
        str(Path(__file__).parents[2] / ".tools/node_modules/@deno/linux-x64-glibc/deno")
    )
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def install_pg_net_standin(extension_dir: Path = PG15_EXTENSION_DIR) -> None:
    """Copy the pg_net stand-in into PostgreSQL's extension directory (needs write access).

    Refuses to replace a real pg_net. Files are written to a temporary name and renamed, so
    concurrent test sessions never see half a file.
    """
    control = extension_dir / "pg_net.control"
    if control.exists() and _STANDIN_MARK not in control.read_text():
        raise RuntimeError(f"{control} is a real pg_net; the stand-in will not replace it")
    for source in sorted(STANDIN_DIR.iterdir()):
        if source.suffix not in (".control", ".sql"):
            continue
        target = extension_dir / source.name
        data = source.read_bytes()
        if target.exists() and target.read_bytes() == data:
            continue
        temp = extension_dir / f".{source.name}.{os.getpid()}.tmp"
        temp.write_bytes(data)
        temp.chmod(0o644)
        temp.replace(target)


class FunctionHost:
    """One Deno process per deployed function, under ``workdir``; thread-safe."""

    def __init__(self, workdir: Path, deno_bin: str | None, boot_timeout: float) -> None:
        self.workdir = workdir
        self.boot_timeout = boot_timeout
        self._deno_bin = deno_bin
        self._lock = threading.Lock()
        self._processes: dict[str, _Process] = {}

    def port(self, function: DeployedFunction, key: tuple[int, int], env: dict[str, str]) -> int:
        """The port of ``function``'s process for ``key`` (version, secrets generation),
        started (or restarted) as needed; RuntimeError if it does not start."""
        with self._lock:
            current = self._processes.get(function.slug)
            if current is not None and current.key == key and current.popen.poll() is None:
                return current.port
            if current is not None:
                self._stop(current)
                del self._processes[function.slug]
            process = self._start(function, key, env)
            self._processes[function.slug] = process
            return process.port

    def stop(self, slug: str) -> None:
        with self._lock:
            process = self._processes.pop(slug, None)
            if process is not None:
                self._stop(process)

    def close(self) -> None:
        with self._lock:
            for process in self._processes.values():
                self._stop(process)
            self._processes.clear()

    def logs(self, slug: str) -> str:
        """Output of the function's current (or last) Deno process."""
        logs = sorted(self.workdir.glob(f"logs/{slug}-*.log"), key=lambda p: p.stat().st_mtime)
        return logs[-1].read_text(errors="replace") if logs else ""

    def _start(
        self, function: DeployedFunction, key: tuple[int, int], env: dict[str, str]
    ) -> _Process:
        deno = self._deno_bin or find_deno()
        if deno is None:
            raise RuntimeError("Deno not found: set DENO_BIN or run scripts/install-deno.sh")
        root = self.workdir / "functions" / function.slug / f"v{function.version}"
        if not root.exists():
            for name, data in function.files.items():
                target = root / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        port = free_port()
        log = self.workdir / "logs" / f"{function.slug}-{key[0]}-{key[1]}-{port}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        args = [deno, "run", "--allow-all", "--no-config", str(DENO_HOST),
                str(root / function.entrypoint_path), str(port)]  # fmt: skip
        with log.open("wb") as out:
            popen = subprocess.Popen(
                args, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )  # fmt: skip
        process = _Process(popen, port, key, log)
        deadline = time.monotonic() + self.boot_timeout
        ready = f"listening {port}"
        while ready not in log.read_text(errors="replace"):
            if popen.poll() is not None or time.monotonic() > deadline:
                self._stop(process)
                raise RuntimeError(f"function {function.slug} did not start; see {log}")
            time.sleep(0.02)
        return process

    @staticmethod
    def _stop(process: _Process) -> None:
        if process.popen.poll() is not None:
            return
        os.killpg(process.popen.pid, signal.SIGTERM)
        try:
            process.popen.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.popen.pid, signal.SIGKILL)
            process.popen.wait()
