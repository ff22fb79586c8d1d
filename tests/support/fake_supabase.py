"""A fake Supabase project for tests: the Management API and the Edge Functions host.

One HTTP server (Starlette on uvicorn, in a daemon thread, on a free loopback port) plays both
``api.supabase.com`` and ``<ref>.supabase.co``, over a real PostgreSQL database that has pg_cron
and the pg_net stand-in (see :mod:`tests.support.supabase_host`)::

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

import hashlib
import json
import os
import re
import secrets as _secrets
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
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

from stripe_sync.testing import free_port
from tests.support.supabase_host import (
    PASS_ENV,
    PG15_EXTENSION_DIR,
    PROJECT_BOOTSTRAP_SQL,
    FunctionHost,
    find_deno,
    install_pg_net_standin,
)
from tests.support.supabase_wire import (
    HOP_HEADERS,
    SLUG,
    TEXT_TYPES,
    Call,
    CronRun,
    DeployedFunction,
    Failure,
    NetResponse,
    Reply,
    json_value,
    jwt,
    jwt_role,
    parse_multipart,
)

__all__ = [
    "PG15_EXTENSION_DIR",
    "PROJECT_BOOTSTRAP_SQL",
    "Call",
    "CronRun",
    "DeployedFunction",
    "FakeSupabase",
    "NetResponse",
    "find_deno",
    "install_pg_net_standin",
]


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
        self._jwt_secret = _secrets.token_bytes(32)
        now = int(time.time())
        claims = {"iss": "supabase", "ref": self.ref, "iat": now, "exp": now + 10 * 365 * 86400}
        self.anon_key = jwt(self._jwt_secret, {**claims, "role": "anon"})
        self.service_role_key = jwt(self._jwt_secret, {**claims, "role": "service_role"})
        self._lock = threading.RLock()
        self._calls: list[Call] = []
        self._failures: list[Failure] = []
        self._functions: dict[str, DeployedFunction] = {}
        self._secrets: dict[str, str] = {}
        self._secret_generation = 0
        self._seen_values: set[str] = set()
        self._workdir = Path(tempfile.mkdtemp(prefix="fake-supabase-"))
        self._host = FunctionHost(self._workdir, deno_bin, boot_timeout)
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
            # Longer than its clients keep an idle connection (httpx: 5 s, as uvicorn's own
            # default): at 5 s both, a call could meet the close (a ReadError).
            timeout_keep_alive=75,
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
        self._host.close()
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
            self._failures.append(Failure(method.upper(), re.compile(path_regex), status, times))

    def function_logs(self, slug: str) -> str:
        """Output of the function's current (or last) Deno process."""
        return self._host.logs(slug)

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
        reply: Reply = await run_in_threadpool(self._handle, request, body)
        if reply.raw is not None:
            return Response(reply.raw, reply.status, headers=dict(reply.headers))
        if reply.body is None:
            return Response(b"", reply.status)
        return Response(
            json.dumps(reply.body, default=str), reply.status, media_type="application/json"
        )

    def _handle(self, request: Request, body: bytes) -> Reply:
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
            reply = Reply(401, {"message": "Unauthorized"})
        elif failure is not None:
            reply = Reply(failure.status, {"message": "Injected failure"})
        elif is_function:
            reply = self._invoke(request, body)
        else:
            reply = self._manage(request, body)
        with self._lock:
            self._calls.append(Call(method, path, reply.status, reply.summary, failure is not None))
        return reply

    def _manage(self, request: Request, body: bytes) -> Reply:
        method, path = request.method, request.url.path
        match = re.fullmatch(r"/v1/projects/([^/]+)(/.*)?", path)
        if match is None:
            return Reply(404, {"message": f"Cannot {method} {path}"})
        if match.group(1) != self.ref:
            return Reply(404, {"message": "Project not found"})
        rest = match.group(2) or ""
        try:
            if (method, rest) == ("GET", ""):
                return Reply(200, self._project())
            if (method, rest) == ("POST", "/database/query"):
                return self._query(json.loads(body or b"null"))
            if (method, rest) == ("GET", "/functions"):
                with self._lock:
                    return Reply(200, [f.response() for f in self._functions.values()])
            if (method, rest) == ("POST", "/functions/deploy"):
                return self._deploy(request, body)
            slug = re.fullmatch(r"/functions/([^/]+)", rest)
            if slug and method == "GET":
                with self._lock:
                    found = self._functions.get(slug.group(1))
                if found is None:
                    return Reply(404, {"message": "Function not found"})
                return Reply(200, found.response())
            if slug and method == "DELETE":
                return self._delete_function(slug.group(1))
            if rest == "/secrets":
                return self._secrets_endpoint(method, json.loads(body or b"null"))
            if (method, rest) == ("GET", "/api-keys"):
                return Reply(
                    200,
                    [
                        {"name": "anon", "api_key": self.anon_key},
                        {"name": "service_role", "api_key": self.service_role_key},
                    ],
                )
        except ValueError as exc:  # malformed JSON or form
            return Reply(400, {"message": f"Invalid request body: {exc}"})
        return Reply(404, {"message": f"Cannot {method} {path}"})

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

    def _query(self, payload: Any) -> Reply:
        if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
            return Reply(400, {"message": "query must be a string"})
        query: str = payload["query"]
        summary = {"query": query}
        options = "-c default_transaction_read_only=on" if payload.get("read_only") else ""
        try:
            with psycopg.connect(self.project_db_url, autocommit=True, options=options) as conn:
                for name in TEXT_TYPES:
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
            return Reply(400, {"message": message}, summary)
        return Reply(201, [{k: json_value(v) for k, v in r.items()} for r in rows], summary)

    def _deploy(self, request: Request, body: bytes) -> Reply:
        slug = request.query_params.get("slug", "")
        parts = parse_multipart(request.headers.get("content-type", ""), body)
        metadata = next((json.loads(data) for name, _, data in parts if name == "metadata"), None)
        files = {fn: data for name, fn, data in parts if name == "file" and fn}
        if not SLUG.fullmatch(slug):
            return Reply(400, {"message": "slug must match ^[A-Za-z0-9_-]+$"})
        if not isinstance(metadata, dict) or not isinstance(metadata.get("entrypoint_path"), str):
            return Reply(400, {"message": "metadata.entrypoint_path is required"})
        for name in files:
            pure = PurePosixPath(name)
            if pure.is_absolute() or ".." in pure.parts:
                return Reply(400, {"message": f"invalid file path: {name}"})
        entrypoint = str(metadata["entrypoint_path"]).removeprefix("./")
        if entrypoint not in files:
            return Reply(400, {"message": f"entrypoint_path not among files: {entrypoint}"})
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
        return Reply(201, deployed.response(), summary)

    def _delete_function(self, slug: str) -> Reply:
        with self._lock:
            found = self._functions.pop(slug, None)
        if found is None:
            return Reply(404, {"message": "Function not found"}, {"slug": slug})
        self._host.stop(slug)
        return Reply(200, None, {"slug": slug})

    def _secrets_endpoint(self, method: str, payload: Any) -> Reply:
        if method == "GET":
            with self._lock:
                values = {**self._builtins(), **self._secrets}
            digests = [
                {"name": n, "value": hashlib.sha256(v.encode()).hexdigest()}
                for n, v in sorted(values.items())
            ]
            return Reply(200, digests)
        if method == "POST":
            if not isinstance(payload, list) or not all(
                isinstance(s, dict) and isinstance(s.get("name"), str)
                and isinstance(s.get("value"), str) for s in payload
            ):  # fmt: skip
                return Reply(400, {"message": "body must be [{name, value}, ...]"})
            names = [s["name"] for s in payload]
            summary = {"names": names}
            if any(n.upper().startswith("SUPABASE_") for n in names):
                return Reply(400, {"message": "Env var name cannot start with SUPABASE_"}, summary)
            self.set_secrets({s["name"]: s["value"] for s in payload})
            return Reply(201, None, summary)
        if method == "DELETE":
            if not isinstance(payload, list) or not all(isinstance(n, str) for n in payload):
                return Reply(400, {"message": "body must be a list of names"})
            with self._lock:
                for name in payload:
                    self._secrets.pop(name, None)
                self._secret_generation += 1
            return Reply(200, {}, {"names": list(payload)})
        return Reply(404, {"message": f"Cannot {method} secrets"})

    def _builtins(self) -> dict[str, str]:
        return {
            "SUPABASE_URL": self.project_url,
            "SUPABASE_DB_URL": self.project_db_url,
            "SUPABASE_ANON_KEY": self.anon_key,
            "SUPABASE_SERVICE_ROLE_KEY": self.service_role_key,
        }

    # -- Edge Functions -----------------------------------------------------------------------

    def _invoke(self, request: Request, body: bytes) -> Reply:
        tail = request.url.path.removeprefix("/functions/v1/")
        slug, _, rest = tail.partition("/")
        with self._lock:
            function = self._functions.get(slug)
        summary = {"slug": slug}
        if function is None:
            message = {"code": "NOT_FOUND", "message": "Requested function was not found"}
            return Reply(404, message, summary)
        if function.verify_jwt:
            auth = request.headers.get("authorization", "")
            if not auth.startswith("Bearer "):
                return Reply(401, {"code": 401, "message": "Missing authorization header"})
            if jwt_role(self._jwt_secret, auth.removeprefix("Bearer ")) is None:
                return Reply(401, {"code": 401, "message": "Invalid JWT"}, summary)
        try:
            with self._lock:
                key = (function.version, self._secret_generation)
                env = {name: os.environ[name] for name in PASS_ENV if name in os.environ}
                env.update({"NO_COLOR": "1", **self._secrets, **self._builtins()})
            port = self._host.port(function, key, env)
        except RuntimeError:
            message = {"code": "BOOT_ERROR", "message": "Function failed to start"}
            return Reply(503, message, summary)
        target = f"http://127.0.0.1:{port}/{slug}{'/' + rest if rest else ''}"
        if request.url.query:
            target += f"?{request.url.query}"
        headers = [(k, v) for k, v in request.headers.items() if k.lower() not in HOP_HEADERS]
        try:
            with httpx.Client(timeout=self.function_timeout) as client:
                r = client.request(request.method, target, headers=headers, content=body)
        except httpx.HTTPError:
            message = {"code": "WORKER_ERROR", "message": "Function exited unexpectedly"}
            return Reply(502, message, summary)
        out = {k: v for k, v in r.headers.items() if k.lower() not in HOP_HEADERS}
        return Reply(r.status_code, summary=summary, raw=r.content, headers=out)

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
