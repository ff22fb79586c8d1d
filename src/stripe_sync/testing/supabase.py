"""A fake Supabase project for tests: the Management API and the Edge Functions host.

One HTTP server (Starlette on uvicorn, in a daemon thread, on a free loopback port) plays both
``api.supabase.com`` and ``<ref>.supabase.co``, over a real PostgreSQL database that has pg_cron
and the pg_net stand-in (see ``pg_net_standin/``)::

    with FakeSupabase(db_url, deno_bin=deno) as fake:
        client = httpx.Client(base_url=fake.management_url,
                              headers={"Authorization": f"Bearer {fake.token}"})
        client.post(f"/v1/projects/{fake.ref}/database/query", json={"query": "select 1 as x"})
        # -> 201 [{"x": 1}]

Management API (``/v1/projects/{ref}/...``, Bearer token): ``GET`` the project, ``POST
database/query``, ``GET functions``, ``POST functions/deploy?slug=`` (multipart: ``metadata``
JSON + ``file`` parts named by relative path), ``DELETE functions/{slug}``, ``GET|POST|DELETE
secrets`` (values listed as SHA-256 digests), ``GET api-keys``.

Edge Functions: ``/functions/v1/{slug}/...`` is proxied to a Deno process running the deployed
files through ``deno_host.ts`` with Supabase's environment (``SUPABASE_URL``, ``SUPABASE_DB_URL``,
``SUPABASE_ANON_KEY``, ``SUPABASE_SERVICE_ROLE_KEY`` and the secrets); a new deploy or changed
secrets restart it on the next request. pg_net's queue is delivered only by :meth:`drain_net`
and cron jobs run only through :meth:`run_cron_job`, so tests stay deterministic.
"""

from __future__ import annotations

import base64
import email.parser
import email.policy
import hashlib
import hmac
import json
import os
import re
import secrets as _secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Any

import httpx
import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg.rows import dict_row
from psycopg.types.string import TextLoader
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .server import free_port

__all__ = [
    "PROJECT_BOOTSTRAP_SQL",
    "Call",
    "CronRun",
    "DeployedFunction",
    "FakeSupabase",
    "NetResponse",
    "find_deno",
    "install_pg_net_standin",
]

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

# Loaded as their PostgreSQL text form in query results (JSON has no such types).
_TEXT_TYPES = ("numeric", "date", "time", "timetz", "timestamp", "timestamptz", "interval",
               "uuid", "bytea", "inet", "cidr")  # fmt: skip
_HOP_HEADERS = frozenset(
    {"host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade",
     "content-encoding"}
)  # fmt: skip
_SLUG = re.compile(r"[A-Za-z0-9_-]+")
_PASS_ENV = ("PATH", "HOME", "DENO_DIR", "NPM_CONFIG_REGISTRY", "HTTP_PROXY", "HTTPS_PROXY",
             "NO_PROXY", "http_proxy", "https_proxy", "no_proxy", "SSL_CERT_FILE")  # fmt: skip


@dataclass(frozen=True)
class Call:
    """One request the fake received; ``summary`` never holds a secret value or the token."""

    method: str
    path: str
    status: int
    summary: Mapping[str, Any]
    injected: bool = False


@dataclass(frozen=True)
class DeployedFunction:
    """A function as deployed: ``files`` maps each relative path to its bytes."""

    id: str
    slug: str
    name: str
    version: int
    entrypoint_path: str
    verify_jwt: bool
    files: Mapping[str, bytes]
    created_at: int
    updated_at: int

    def response(self) -> dict[str, Any]:
        """The Management API's ``FunctionResponse`` object."""
        return {
            "id": self.id,
            "slug": self.slug,
            "name": self.name,
            "status": "ACTIVE",
            "version": self.version,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "verify_jwt": self.verify_jwt,
            "import_map": False,
            "entrypoint_path": self.entrypoint_path,
        }


@dataclass(frozen=True)
class NetResponse:
    """One pg_net request delivered by :meth:`FakeSupabase.drain_net`."""

    id: int
    method: str
    url: str
    status_code: int | None
    content: str
    error: str | None = None

    def json(self) -> Any:
        return json.loads(self.content)


@dataclass(frozen=True)
class CronRun:
    """The outcome of :meth:`FakeSupabase.run_cron_job` (also written to cron.job_run_details)."""

    jobid: int
    status: str  # 'succeeded' | 'failed'
    return_message: str


@dataclass
class _Failure:
    method: str
    pattern: re.Pattern[str]
    status: int
    remaining: int


@dataclass
class _Process:
    popen: subprocess.Popen[bytes]
    port: int
    key: tuple[int, int]
    log: Path


@dataclass(frozen=True)
class _Reply:
    status: int
    body: Any = None
    summary: Mapping[str, Any] = field(default_factory=dict)
    raw: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


def find_deno() -> str | None:
    """Deno as the tests find it: ``$DENO_BIN``, ``deno`` on PATH, or the repo's ``.tools``."""
    candidates = [os.environ.get("DENO_BIN"), shutil.which("deno")]
    candidates.append(
        str(Path(__file__).parents[3] / ".tools/node_modules/@deno/linux-x64-glibc/deno")
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


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _jwt(secret: bytes, payload: Mapping[str, Any]) -> str:
    head = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = _b64url(json.dumps(payload, separators=(",", ":")).encode())
    sig = hmac.new(secret, f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{_b64url(sig)}"


def _jwt_role(secret: bytes, token: str) -> str | None:
    """The ``role`` claim of a valid HS256 token signed with ``secret``, else None."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    expected = _b64url(hmac.new(secret, f"{parts[0]}.{parts[1]}".encode(), "sha256").digest())
    if not hmac.compare_digest(expected, parts[2]):
        return None
    try:
        claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except ValueError:
        return None
    role = claims.get("role") if isinstance(claims, dict) else None
    return role if isinstance(role, str) else None


def _parse_multipart(content_type: str, body: bytes) -> list[tuple[str, str | None, bytes]]:
    """(field name, filename, bytes) of each part of a multipart/form-data body."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    if not message.is_multipart():
        raise ValueError("expected a multipart/form-data body")
    parts = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if not isinstance(name, str) or not isinstance(payload, bytes):
            raise ValueError("malformed multipart part")
        parts.append((name, part.get_filename(), payload))
    return parts


def _json_value(value: Any) -> Any:
    if isinstance(value, dict | list | str | int | float | bool) or value is None:
        return value
    return str(value)


class FakeSupabase:
    """A running fake Supabase project over ``project_db_url`` (see the module docstring).

    Test hooks: :attr:`calls`, :meth:`fail_next`, :attr:`functions`, :attr:`secrets`,
    :meth:`drain_net`, :meth:`run_cron_job`, :meth:`function_logs`.
    """

    def __init__(
        self,
        project_db_url: str,
        *,
        deno_bin: str | None = None,
        ref: str | None = None,
        token: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        function_timeout: float = 150.0,
        boot_timeout: float = 120.0,
    ) -> None:
        self.project_db_url = project_db_url
        self.ref = ref or "".join(_secrets.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(20))
        self.token = token or f"sbp_{_secrets.token_hex(20)}"
        self.host = host
        self.port = port or free_port(host)
        self.function_timeout = function_timeout
        self.boot_timeout = boot_timeout
        self._deno_bin = deno_bin
        self._jwt_secret = _secrets.token_bytes(32)
        now = int(time.time())
        claims = {"iss": "supabase", "ref": self.ref, "iat": now, "exp": now + 10 * 365 * 86400}
        self.anon_key = _jwt(self._jwt_secret, {**claims, "role": "anon"})
        self.service_role_key = _jwt(self._jwt_secret, {**claims, "role": "service_role"})
        self._lock = threading.RLock()
        self._process_lock = threading.Lock()
        self._calls: list[Call] = []
        self._failures: list[_Failure] = []
        self._functions: dict[str, DeployedFunction] = {}
        self._secrets: dict[str, str] = {}
        self._secret_generation = 0
        self._seen_values: set[str] = set()
        self._processes: dict[str, _Process] = {}
        self._workdir = Path(tempfile.mkdtemp(prefix="fake-supabase-"))
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self.app = Starlette(
            routes=[
                Route(
                    "/{path:path}",
                    self._endpoint,
                    methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"],
                )
            ]
        )

    # -- lifecycle ----------------------------------------------------------------------------

    @property
    def management_url(self) -> str:
        """Base URL of the Management API (``https://api.supabase.com`` in real life)."""
        return f"http://{self.host}:{self.port}"

    @property
    def project_url(self) -> str:
        """The project's URL, ``SUPABASE_URL`` (``https://<ref>.supabase.co`` in real life)."""
        return f"http://{self.host}:{self.port}"

    def start(self) -> FakeSupabase:
        import asyncio

        import uvicorn

        config = uvicorn.Config(
            self.app,
            host=self.host,
            port=self.port,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=2,
        )
        server = uvicorn.Server(config)
        self._server = server
        self._thread = threading.Thread(
            target=lambda: asyncio.run(server.serve()), daemon=True, name="fake-supabase"
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.close()
                raise RuntimeError(f"fake Supabase did not start on {self.host}:{self.port}")
            time.sleep(0.01)
        return self

    def close(self) -> None:
        """Stop the Deno processes and the server, and remove the deployed files."""
        with self._process_lock:
            for process in self._processes.values():
                self._stop_process(process)
            self._processes.clear()
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        shutil.rmtree(self._workdir, ignore_errors=True)

    def __enter__(self) -> FakeSupabase:
        return self.start() if self._thread is None else self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- test hooks ---------------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        """Every request so far, oldest first, with secret values redacted."""
        with self._lock:
            values = sorted(self._seen_values | {self.token}, key=len, reverse=True)
            return [
                Call(c.method, c.path, c.status, self._redact(c.summary, values), c.injected)
                for c in self._calls
            ]

    @property
    def functions(self) -> dict[str, DeployedFunction]:
        with self._lock:
            return dict(self._functions)

    @property
    def secrets(self) -> list[str]:
        """Names of the secrets set through the API (not the built-in ``SUPABASE_*`` ones)."""
        with self._lock:
            return sorted(self._secrets)

    def secret_digest(self, name: str) -> str:
        """The SHA-256 hex digest the API lists for secret ``name``."""
        with self._lock:
            return hashlib.sha256(self._secrets[name].encode()).hexdigest()

    def set_secrets(self, values: Mapping[str, str]) -> None:
        """Set secrets without going through the API (not recorded as a call)."""
        with self._lock:
            self._secrets.update(values)
            self._seen_values.update(values.values())
            self._secret_generation += 1

    def fail_next(self, method: str, path_regex: str, status: int = 500, times: int = 1) -> None:
        """The next ``times`` requests matching ``method`` and ``re.search(path_regex, path)``
        (the path with its query string)
        get ``status`` with ``{"message": "Injected failure"}`` and have no effect."""
        with self._lock:
            self._failures.append(_Failure(method.upper(), re.compile(path_regex), status, times))

    def function_logs(self, slug: str) -> str:
        """Output of the function's current (or last) Deno process."""
        logs = sorted(self._workdir.glob(f"logs/{slug}-*.log"), key=lambda p: p.stat().st_mtime)
        return logs[-1].read_text(errors="replace") if logs else ""

    def drain_net(self) -> list[NetResponse]:
        """Deliver every request in pg_net's queue now, in id order, waiting for each response
        (no timeout but ``function_timeout``), and record it in ``net._http_response``."""
        delivered: list[NetResponse] = []
        with psycopg.connect(self.project_db_url, autocommit=True) as conn:
            if conn.execute("SELECT to_regclass('net.http_request_queue')").fetchone() == (None,):
                return delivered
            rows = conn.execute(
                "SELECT id, method, url, headers, body FROM net.http_request_queue ORDER BY id"
            ).fetchall()
            with httpx.Client(timeout=self.function_timeout) as client:
                for id_, method, url, headers, body in rows:
                    delivered.append(self._deliver(client, id_, method, url, headers, body))
            for response in delivered:
                with conn.transaction():
                    conn.execute(
                        "INSERT INTO net._http_response (id, status_code, content_type, headers,"
                        " content, timed_out, error_msg) VALUES (%s, %s, %s, %s, %s, false, %s)",
                        (response.id, response.status_code, None, None, response.content,
                         response.error),
                    )  # fmt: skip
                    conn.execute("DELETE FROM net.http_request_queue WHERE id = %s", (response.id,))
        return delivered

    def _deliver(
        self, client: httpx.Client, id_: int, method: str, url: str, headers: Any, body: Any
    ) -> NetResponse:
        try:
            r = client.request(
                method, url, headers=dict(headers or {}), content=bytes(body) if body else None
            )
        except httpx.HTTPError as exc:
            return NetResponse(id_, method, url, None, "", f"{type(exc).__name__}: {exc}")
        return NetResponse(id_, method, url, r.status_code, r.text)

    def run_cron_job(self, name: str) -> CronRun:
        """Run cron job ``name`` once as pg_cron's scheduler would on a tick: its command in its
        database as its user, simple protocol, one implicit transaction; the run is logged in
        ``cron.job_run_details``. Raises LookupError for an unknown or inactive job."""
        with psycopg.connect(self.project_db_url, autocommit=True) as admin:
            job = admin.execute(
                "SELECT jobid, command, database, username FROM cron.job"
                " WHERE jobname = %s AND active",
                (name,),
            ).fetchone()
            if job is None:
                raise LookupError(f"no active cron job named {name!r}")
            jobid, command, database, username = job
            started = admin.execute("SELECT clock_timestamp()").fetchone()
            url = make_conninfo(self.project_db_url, dbname=database, user=username)
            try:
                with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
                    cur.execute(command.encode())
                    run = CronRun(jobid, "succeeded", cur.statusmessage or "")
            except psycopg.Error as exc:
                run = CronRun(jobid, "failed", str(exc).strip())
            admin.execute(
                "INSERT INTO cron.job_run_details (jobid, runid, job_pid, database, username,"
                " command, status, return_message, start_time, end_time)"
                " VALUES (%s, nextval('cron.runid_seq'), pg_backend_pid(), %s, %s, %s, %s, %s,"
                " %s, clock_timestamp())",
                (jobid, database, username, command, run.status, run.return_message,
                 started[0] if started else None),
            )  # fmt: skip
        return run

    # -- HTTP ---------------------------------------------------------------------------------

    async def _endpoint(self, request: Request) -> Response:
        body = await request.body()
        reply: _Reply = await run_in_threadpool(self._handle, request, body)
        if reply.raw is not None:
            return Response(reply.raw, reply.status, headers=dict(reply.headers))
        if reply.body is None:
            return Response(b"", reply.status)
        return Response(
            json.dumps(reply.body, default=str), reply.status, media_type="application/json"
        )

    def _handle(self, request: Request, body: bytes) -> _Reply:
        method, path = request.method, request.url.path
        # Calls are recorded and failures matched with the query string (a deploy's ?slug=).
        if request.url.query:
            path += f"?{request.url.query}"
        failure = None
        is_function = path.startswith("/functions/v1/")
        authorized = is_function or (
            request.headers.get("authorization", "") == f"Bearer {self.token}"
        )
        if authorized:
            with self._lock:
                for candidate in self._failures:
                    if candidate.method == method and candidate.pattern.search(path):
                        candidate.remaining -= 1
                        if candidate.remaining <= 0:
                            self._failures.remove(candidate)
                        failure = candidate
                        break
        if not authorized:
            reply = _Reply(401, {"message": "Unauthorized"})
        elif failure is not None:
            reply = _Reply(failure.status, {"message": "Injected failure"})
        elif is_function:
            reply = self._invoke(request, body)
        else:
            reply = self._manage(request, body)
        with self._lock:
            self._calls.append(Call(method, path, reply.status, reply.summary, failure is not None))
        return reply

    def _manage(self, request: Request, body: bytes) -> _Reply:
        method, path = request.method, request.url.path
        match = re.fullmatch(r"/v1/projects/([^/]+)(/.*)?", path)
        if match is None:
            return _Reply(404, {"message": f"Cannot {method} {path}"})
        if match.group(1) != self.ref:
            return _Reply(404, {"message": "Project not found"})
        rest = match.group(2) or ""
        try:
            if (method, rest) == ("GET", ""):
                return _Reply(200, self._project())
            if (method, rest) == ("POST", "/database/query"):
                return self._query(json.loads(body or b"null"))
            if (method, rest) == ("GET", "/functions"):
                with self._lock:
                    return _Reply(200, [f.response() for f in self._functions.values()])
            if (method, rest) == ("POST", "/functions/deploy"):
                return self._deploy(request, body)
            slug = re.fullmatch(r"/functions/([^/]+)", rest)
            if slug and method == "GET":
                with self._lock:
                    found = self._functions.get(slug.group(1))
                if found is None:
                    return _Reply(404, {"message": "Function not found"})
                return _Reply(200, found.response())
            if slug and method == "DELETE":
                return self._delete_function(slug.group(1))
            if rest == "/secrets":
                return self._secrets_endpoint(method, json.loads(body or b"null"))
            if (method, rest) == ("GET", "/api-keys"):
                return _Reply(
                    200,
                    [
                        {"name": "anon", "api_key": self.anon_key},
                        {"name": "service_role", "api_key": self.service_role_key},
                    ],
                )
        except ValueError as exc:  # malformed JSON or form
            return _Reply(400, {"message": f"Invalid request body: {exc}"})
        return _Reply(404, {"message": f"Cannot {method} {path}"})

    def _project(self) -> dict[str, Any]:
        params = conninfo_to_dict(self.project_db_url)
        return {
            "id": self.ref,
            "ref": self.ref,
            "organization_id": "fake-org",
            "name": "fake-project",
            "region": "us-east-1",
            "created_at": "2026-01-01T00:00:00Z",
            "status": "ACTIVE_HEALTHY",
            "database": {
                "host": str(params.get("host", "127.0.0.1")),
                "version": "15",
                "postgres_engine": "15",
                "release_channel": "ga",
            },
        }

    def _query(self, payload: Any) -> _Reply:
        if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
            return _Reply(400, {"message": "query must be a string"})
        query: str = payload["query"]
        summary = {"query": query}
        options = "-c default_transaction_read_only=on" if payload.get("read_only") else ""
        try:
            with psycopg.connect(self.project_db_url, autocommit=True, options=options) as conn:
                for name in _TEXT_TYPES:
                    conn.adapters.register_loader(name, TextLoader)
                with conn.cursor(row_factory=dict_row) as cur:
                    # No parameters: psycopg sends the text with the simple query protocol, so
                    # several statements run in one implicit transaction, like the real endpoint.
                    cur.execute(query.encode())
                    rows: list[dict[str, Any]] = cur.fetchall() if cur.description else []
                    while cur.nextset():
                        rows = cur.fetchall() if cur.description else []
        except psycopg.Error as exc:
            diag = exc.diag
            message = f"Failed to run sql query: ERROR:  {diag.sqlstate}: {diag.message_primary}"
            if diag.message_detail:
                message += f"\nDETAIL:  {diag.message_detail}"
            return _Reply(400, {"message": message}, summary)
        return _Reply(201, [{k: _json_value(v) for k, v in r.items()} for r in rows], summary)

    def _deploy(self, request: Request, body: bytes) -> _Reply:
        slug = request.query_params.get("slug", "")
        parts = _parse_multipart(request.headers.get("content-type", ""), body)
        metadata = next((json.loads(data) for name, _, data in parts if name == "metadata"), None)
        files = {fn: data for name, fn, data in parts if name == "file" and fn}
        if not _SLUG.fullmatch(slug):
            return _Reply(400, {"message": "slug must match ^[A-Za-z0-9_-]+$"})
        if not isinstance(metadata, dict) or not isinstance(metadata.get("entrypoint_path"), str):
            return _Reply(400, {"message": "metadata.entrypoint_path is required"})
        for name in files:
            pure = PurePosixPath(name)
            if pure.is_absolute() or ".." in pure.parts:
                return _Reply(400, {"message": f"invalid file path: {name}"})
        entrypoint = str(metadata["entrypoint_path"]).removeprefix("./")
        if entrypoint not in files:
            return _Reply(400, {"message": f"entrypoint_path not among files: {entrypoint}"})
        now = int(time.time() * 1000)
        with self._lock:
            old = self._functions.get(slug)
            deployed = DeployedFunction(
                id=old.id if old else str(uuid.uuid4()),
                slug=slug,
                name=str(metadata.get("name") or slug),
                version=old.version + 1 if old else 1,
                entrypoint_path=entrypoint,
                verify_jwt=bool(metadata.get("verify_jwt", True)),
                files=files,
                created_at=old.created_at if old else now,
                updated_at=now,
            )
            self._functions[slug] = deployed
        summary = {
            "slug": slug,
            "version": deployed.version,
            "entrypoint_path": entrypoint,
            "verify_jwt": deployed.verify_jwt,
            "files": sorted(files),
        }
        return _Reply(201, deployed.response(), summary)

    def _delete_function(self, slug: str) -> _Reply:
        with self._lock:
            found = self._functions.pop(slug, None)
        if found is None:
            return _Reply(404, {"message": "Function not found"}, {"slug": slug})
        with self._process_lock:
            process = self._processes.pop(slug, None)
            if process is not None:
                self._stop_process(process)
        return _Reply(200, None, {"slug": slug})

    def _secrets_endpoint(self, method: str, payload: Any) -> _Reply:
        if method == "GET":
            with self._lock:
                values = {**self._builtins(), **self._secrets}
            digests = [
                {"name": n, "value": hashlib.sha256(v.encode()).hexdigest()}
                for n, v in sorted(values.items())
            ]
            return _Reply(200, digests)
        if method == "POST":
            if not isinstance(payload, list) or not all(
                isinstance(s, dict) and isinstance(s.get("name"), str)
                and isinstance(s.get("value"), str) for s in payload
            ):  # fmt: skip
                return _Reply(400, {"message": "body must be [{name, value}, ...]"})
            names = [s["name"] for s in payload]
            summary = {"names": names}
            if any(n.upper().startswith("SUPABASE_") for n in names):
                return _Reply(400, {"message": "Env var name cannot start with SUPABASE_"}, summary)
            self.set_secrets({s["name"]: s["value"] for s in payload})
            return _Reply(201, None, summary)
        if method == "DELETE":
            if not isinstance(payload, list) or not all(isinstance(n, str) for n in payload):
                return _Reply(400, {"message": "body must be a list of names"})
            with self._lock:
                for name in payload:
                    self._secrets.pop(name, None)
                self._secret_generation += 1
            return _Reply(200, {}, {"names": list(payload)})
        return _Reply(404, {"message": f"Cannot {method} secrets"})

    def _builtins(self) -> dict[str, str]:
        return {
            "SUPABASE_URL": self.project_url,
            "SUPABASE_DB_URL": self.project_db_url,
            "SUPABASE_ANON_KEY": self.anon_key,
            "SUPABASE_SERVICE_ROLE_KEY": self.service_role_key,
        }

    # -- Edge Functions -----------------------------------------------------------------------

    def _invoke(self, request: Request, body: bytes) -> _Reply:
        tail = request.url.path.removeprefix("/functions/v1/")
        slug, _, rest = tail.partition("/")
        with self._lock:
            function = self._functions.get(slug)
        summary = {"slug": slug}
        if function is None:
            message = {"code": "NOT_FOUND", "message": "Requested function was not found"}
            return _Reply(404, message, summary)
        if function.verify_jwt:
            auth = request.headers.get("authorization", "")
            if not auth.startswith("Bearer "):
                return _Reply(401, {"code": 401, "message": "Missing authorization header"})
            if _jwt_role(self._jwt_secret, auth.removeprefix("Bearer ")) is None:
                return _Reply(401, {"code": 401, "message": "Invalid JWT"}, summary)
        try:
            port = self._ensure_process(function)
        except RuntimeError:
            message = {"code": "BOOT_ERROR", "message": "Function failed to start"}
            return _Reply(503, message, summary)
        target = f"http://127.0.0.1:{port}/{slug}{'/' + rest if rest else ''}"
        if request.url.query:
            target += f"?{request.url.query}"
        headers = [(k, v) for k, v in request.headers.items() if k.lower() not in _HOP_HEADERS]
        try:
            with httpx.Client(timeout=self.function_timeout) as client:
                r = client.request(request.method, target, headers=headers, content=body)
        except httpx.HTTPError:
            message = {"code": "WORKER_ERROR", "message": "Function exited unexpectedly"}
            return _Reply(502, message, summary)
        out = {k: v for k, v in r.headers.items() if k.lower() not in _HOP_HEADERS}
        return _Reply(r.status_code, summary=summary, raw=r.content, headers=out)

    def _ensure_process(self, function: DeployedFunction) -> int:
        with self._lock:
            key = (function.version, self._secret_generation)
            env = {name: os.environ[name] for name in _PASS_ENV if name in os.environ}
            env.update({"NO_COLOR": "1", **self._secrets, **self._builtins()})
        with self._process_lock:
            current = self._processes.get(function.slug)
            if current is not None and current.key == key and current.popen.poll() is None:
                return current.port
            if current is not None:
                self._stop_process(current)
                del self._processes[function.slug]
            process = self._start_process(function, key, env)
            self._processes[function.slug] = process
            return process.port

    def _start_process(
        self, function: DeployedFunction, key: tuple[int, int], env: dict[str, str]
    ) -> _Process:
        deno = self._deno_bin or find_deno()
        if deno is None:
            raise RuntimeError("Deno not found: set DENO_BIN or run scripts/install-deno.sh")
        root = self._workdir / "functions" / function.slug / f"v{function.version}"
        if not root.exists():
            for name, data in function.files.items():
                target = root / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        port = free_port()
        log = self._workdir / "logs" / f"{function.slug}-{key[0]}-{key[1]}-{port}.log"
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
                self._stop_process(process)
                raise RuntimeError(f"function {function.slug} did not start; see {log}")
            time.sleep(0.02)
        return process

    @staticmethod
    def _stop_process(process: _Process) -> None:
        if process.popen.poll() is not None:
            return
        os.killpg(process.popen.pid, signal.SIGTERM)
        try:
            process.popen.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.popen.pid, signal.SIGKILL)
            process.popen.wait()

    @staticmethod
    def _redact(summary: Mapping[str, Any], values: Sequence[str]) -> Mapping[str, Any]:
        def scrub(value: Any) -> Any:
            if isinstance(value, str):
                for secret in values:
                    if len(secret) >= 4:
                        value = value.replace(secret, "[REDACTED]")
                return value
            if isinstance(value, list):
                return [scrub(v) for v in value]
            return value

        return {k: scrub(v) for k, v in summary.items()}
