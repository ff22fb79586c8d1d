"""The client of Stripe's query-run API (Sigma): run SQL, wait for it, stream the result as CSV.

What Stripe documents (https://docs.stripe.com/data/api/query-runs, and the API reference
https://docs.stripe.com/api/v2/data/query-runs/object): a ``QueryRun`` is an asynchronous job
created with ``POST /v2/data/query_runs`` and a JSON body ``{"query": {"sql": ...}}``, then
retrieved with ``GET /v2/data/query_runs/{id}`` until its ``status`` leaves ``running`` for
``succeeded`` or ``failed``. A succeeded run's ``result`` points at a CSV file through a pre-signed,
short-lived ``download_url`` (or holds the rows inline when asked for). Creating runs needs an
active Sigma subscription (otherwise ``403 query_run_api_inaccessible``) and a key with
*Data > Queries > Read* (``data_queries_read``); invalid SQL is refused with
``400 query_run_invalid_sql``.

What the docs leave open, and what this module assumes:

- the shape of a failed run's reason: read from ``status_details.failed`` (``error_message`` /
  ``message``, ``error_code`` / ``code``), else from a top-level ``error``;
- which failures are worth another run: every failure except the codes in
  :data:`TERMINAL_FAILURE_CODES` (invalid SQL, missing table or column, no access);
- the shape of inline rows: ``result.inline`` as ``{"columns": [{"name", "type"}], "rows":
  [[value, ...], ...]}``; they are rendered with the NULL convention below;
- how the CSV file spells NULL: the file is passed through byte for byte. Inline rows are
  rendered PostgreSQL-``COPY``-style: NULL is an empty *unquoted* field and every other value is
  quoted (so an empty string is ``""``); the fake Stripe writes its files the same way.
"""

from __future__ import annotations

import asyncio
import csv
import io
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..client import StripeClient
from ..errors import (
    SigmaQueryError,
    SigmaUnavailableError,
    StripeAPIError,
    StripeInvalidRequestError,
    StripePermissionError,
)

__all__ = [
    "DATA_API_VERSION",
    "QUERY_RUNS_PATH",
    "TERMINAL_FAILURE_CODES",
    "QueryRun",
    "SigmaClient",
    "render_csv",
]

logger = logging.getLogger(__name__)

QUERY_RUNS_PATH = "/v2/data/query_runs"
#: The API version the query-run API is documented for (its changelog entry:
#: https://docs.stripe.com/changelog/endive/2026-10-28/data-api). Sent with every query-run call.
DATA_API_VERSION = "2026-10-28.preview"
#: Failure codes another run cannot fix.
TERMINAL_FAILURE_CODES = frozenset(
    {
        "query_run_invalid_sql",
        "invalid_sql",
        "sql_syntax_error",
        "table_not_found",
        "column_not_found",
        "permission_denied",
        "query_run_api_inaccessible",
    }
)
_INACCESSIBLE = "query_run_api_inaccessible"
_INVALID_SQL = "query_run_invalid_sql"
#: Rows rendered per chunk when a result came inline.
_INLINE_ROWS_PER_CHUNK = 1000


@dataclass(frozen=True)
class QueryRun:
    """One query run as Stripe last described it (``result`` is Stripe's raw dict)."""

    id: str
    status: str
    sql: str
    error: str | None
    result: dict[str, Any] | None
    created: str | int | None
    error_code: str | None = None

    @classmethod
    def from_api(cls, body: Mapping[str, Any]) -> QueryRun:
        query = body.get("query")
        sql = query.get("sql") if isinstance(query, Mapping) else body.get("sql")
        result = body.get("result")
        message, code = _failure(body)
        return cls(
            id=str(body["id"]),
            status=str(body.get("status") or ""),
            sql=str(sql or ""),
            error=message,
            result=dict(result) if isinstance(result, Mapping) else None,
            created=body.get("created"),
            error_code=code,
        )

    @property
    def transient_failure(self) -> bool:
        """A failed run that another run may get through (see :data:`TERMINAL_FAILURE_CODES`)."""
        return self.status == "failed" and self.error_code not in TERMINAL_FAILURE_CODES


def _failure(body: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """``(reason, code)`` of a failed run, wherever Stripe put them."""
    if body.get("status") != "failed":
        return None, None
    candidates: list[Any] = []
    details = body.get("status_details")
    if isinstance(details, Mapping):
        candidates += [details.get("failed"), details]
    candidates.append(body.get("error"))
    for item in candidates:
        if isinstance(item, Mapping):
            message = item.get("error_message") or item.get("message")
            code = item.get("error_code") or item.get("code")
            if message or code:
                return str(message or code), (str(code) if code else None)
        elif isinstance(item, str) and item:
            return item, None
    return "the query run failed without a reason", None


class SigmaClient:
    """Runs Sigma SQL through a :class:`StripeClient` (its retries, rate limiter, errors).

    ``poll_interval`` seconds between retrieves while a run is running; ``max_wait`` seconds of
    polling before giving up on a run; ``attempts`` runs of one query in :meth:`query_csv` when
    runs fail for a transient reason; ``sleep`` is awaited between polls (tests pass a fake).
    """

    def __init__(
        self,
        client: StripeClient,
        *,
        poll_interval: float = 1.0,
        max_wait: float = 600.0,
        attempts: int = 3,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        api_version: str | None = DATA_API_VERSION,
        chunk_size: int = 64 * 1024,
    ) -> None:
        if poll_interval <= 0 or max_wait <= 0 or attempts < 1:
            raise ValueError("poll_interval and max_wait must be > 0 and attempts >= 1")
        self.client = client
        self.poll_interval = poll_interval
        self.max_wait = max_wait
        self.attempts = attempts
        self.api_version = api_version
        self.chunk_size = chunk_size
        self._sleep = sleep

    async def create(self, sql: str) -> QueryRun:
        """Start a run of ``sql`` (``POST /v2/data/query_runs``)."""
        try:
            body = await self.client.request(
                "POST",
                QUERY_RUNS_PATH,
                json={"query": {"sql": sql}},
                stripe_version=self.api_version,
            )
        except StripeInvalidRequestError as exc:
            if exc.code != _INVALID_SQL:
                raise
            raise SigmaQueryError(
                f"Stripe refused the Sigma SQL as invalid: {exc.message}",
                reason=exc.message,
                code=exc.code,
            ) from exc
        except StripePermissionError as exc:
            raise _unavailable(exc) from exc
        return QueryRun.from_api(body)

    async def retrieve(self, run_id: str) -> QueryRun:
        """The run's current state (``GET /v2/data/query_runs/{id}``)."""
        path = f"{QUERY_RUNS_PATH}/{quote(run_id, safe='')}"
        try:
            body = await self.client.request("GET", path, stripe_version=self.api_version)
        except StripePermissionError as exc:
            raise _unavailable(exc) from exc
        return QueryRun.from_api(body)

    async def wait(self, run: QueryRun) -> QueryRun:
        """Poll until ``run`` succeeds (returned) or fails (:class:`SigmaQueryError`).

        Time is counted in polls (``poll_interval`` each), so a test's fake ``sleep`` works.
        """
        waited = 0.0
        while True:
            if run.status == "succeeded":
                return run
            if run.status == "failed":
                raise SigmaQueryError(
                    f"Sigma query run {run.id} failed: {run.error}",
                    run_id=run.id,
                    reason=run.error,
                    code=run.error_code,
                )
            if waited >= self.max_wait:
                raise SigmaQueryError(
                    f"Sigma query run {run.id} was still {run.status or 'running'} after "
                    f"{self.max_wait:g}s; giving up on it",
                    run_id=run.id,
                    reason="timed out",
                    timed_out=True,
                )
            await self._sleep(self.poll_interval)
            waited += self.poll_interval
            run = await self.retrieve(run.id)

    def iter_csv(self, run: QueryRun) -> AsyncIterator[bytes]:
        """The succeeded ``run``'s result as CSV bytes (header row first), chunk by chunk.

        A file result is streamed from its pre-signed URL (fetched again once, through a fresh
        retrieve, if Stripe refuses it as expired); inline rows are rendered with
        :func:`render_csv`. Nothing holds the whole result in memory.
        """
        return self._iter_csv(run)

    async def _iter_csv(self, run: QueryRun) -> AsyncIterator[bytes]:
        result = run.result or {}
        file = result.get("file")
        if isinstance(file, Mapping) and _download_url(file):
            if file.get("content_type") not in (None, "csv"):
                raise SigmaQueryError(
                    f"Sigma query run {run.id} produced a {file.get('content_type')} file; only "
                    "uncompressed CSV results are supported",
                    run_id=run.id,
                    reason="unsupported result content type",
                )
            refreshed = False
            while True:
                url = _download_url(file)
                assert url is not None
                started = False
                try:
                    async for chunk in self.client.download(url, chunk_size=self.chunk_size):
                        started = True
                        yield chunk
                    return
                except StripeAPIError as exc:
                    # A pre-signed URL lives a few minutes: a retrieve hands out a new one.
                    if started or refreshed or exc.status not in (400, 403):
                        raise
                    logger.info("Sigma result URL of %s refused (%s); refreshing", run.id, exc)
                    refreshed = True
                    fresh = await self.retrieve(run.id)
                    file = (fresh.result or {}).get("file") or {}
                    if not _download_url(file):
                        raise
            return
        inline = result.get("inline")
        if isinstance(inline, Mapping):
            columns = [
                str(c.get("name")) if isinstance(c, Mapping) else str(c)
                for c in inline.get("columns") or ()
            ]
            for chunk in render_csv(columns, inline.get("rows") or ()):
                yield chunk
            return
        raise SigmaQueryError(
            f"Sigma query run {run.id} ({run.status}) has no result to read",
            run_id=run.id,
            reason="no result",
        )

    async def query_csv(self, sql: str) -> AsyncIterator[bytes]:
        """Run ``sql`` and stream its CSV; failed runs are run again up to ``attempts`` times.

        Only failures of the run itself are retried, and only transient ones; a time-out, an
        invalid query or a missing subscription are raised at once.
        """
        attempt = 1
        while True:
            run = await self.create(sql)
            try:
                run = await self.wait(run)
            except SigmaQueryError as exc:
                transient = not exc.timed_out and exc.code not in TERMINAL_FAILURE_CODES
                if not transient or attempt >= self.attempts:
                    if attempt > 1:
                        exc.args = (f"{exc.args[0]} (after {attempt} runs)",)
                    raise
                logger.warning(
                    "Sigma query run %s failed (%s); running the query again (%s/%s)",
                    exc.run_id,
                    exc.reason,
                    attempt + 1,
                    self.attempts,
                    extra={"run_id": exc.run_id, "attempt": attempt},
                )
                attempt += 1
                continue
            async for chunk in self.iter_csv(run):
                yield chunk
            return


def _download_url(file: Mapping[str, Any]) -> str | None:
    link = file.get("download_url")
    if isinstance(link, Mapping):
        link = link.get("url")
    return link if isinstance(link, str) and link else None


def _unavailable(exc: StripePermissionError) -> SigmaUnavailableError:
    if exc.code == _INACCESSIBLE:
        message = (
            f"Stripe Sigma is not available to this account: {exc.message}. Query runs need an "
            "active Sigma subscription (https://stripe.com/sigma); subscribe or turn off the "
            "Sigma sync. The rest of the sync is not affected."
        )
        reason = "no_sigma"
    else:
        message = (
            f"this API key may not run Sigma queries: {exc.message}. Grant the restricted key "
            "Data > Queries > Read (data_queries_read) in the Dashboard, or turn off the Sigma "
            "sync. The rest of the sync is not affected."
        )
        reason = "no_permission"
    return SigmaUnavailableError(
        message, reason=reason, status=exc.status, code=exc.code, request_id=exc.request_id
    )


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else str(value)


def render_csv(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    rows_per_chunk: int = _INLINE_ROWS_PER_CHUNK,
) -> Iterable[bytes]:
    """CSV chunks (UTF-8, header first, CRLF rows): NULL unquoted-empty, every value quoted.

    Python 3.11's :mod:`csv` cannot tell ``None`` from ``""`` (``QUOTE_NOTNULL`` came in
    3.12), so values are quoted by :mod:`csv` with ``QUOTE_ALL`` and NULLs are joined in as
    empty fields between them.
    """
    buffer = io.StringIO()
    quoter = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="")

    def line(values: Sequence[str | None]) -> str:
        parts = []
        for value in values:
            if value is None:
                parts.append("")
            else:
                buffer.seek(0)
                buffer.truncate()
                quoter.writerow([value])
                parts.append(buffer.getvalue())
        return ",".join(parts) + "\r\n"

    out = [line(list(columns))]
    for row in rows:
        out.append(line([_cell(v) for v in row]))
        if len(out) >= rows_per_chunk:
            yield "".join(out).encode()
            out = []
    if out:
        yield "".join(out).encode()
