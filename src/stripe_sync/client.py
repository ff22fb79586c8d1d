"""The Stripe HTTP boundary: every call stripe-sync makes to Stripe goes through here.

:class:`StripeClient` sends form-encoded requests over one keep-alive ``httpx.AsyncClient``,
pins ``Stripe-Version``, waits for its turn at the :class:`~stripe_sync.ratelimit.RateLimiter`,
retries what Stripe says is worth retrying and turns everything else into the typed exceptions
of :mod:`stripe_sync.errors`. Responses are returned as plain dicts: the hot paths (backfill
pages) hand them straight to the store, so no wrapper object is built per Stripe object.

Retry policy, per request:

- retried: 429, 500/502/503/504, timeouts and transport errors (refused, reset, ...), and a 409
  only when Stripe sends ``Stripe-Should-Retry: true`` (a ``lock_timeout``);
- never retried: ``Stripe-Should-Retry: false`` (even on a 5xx), and every other 4xx;
- at most ``config.max_retries`` retries, waiting ``min(max_retry_delay, initial * 2**attempt)``
  with *equal jitter* (a random point in the upper half of that delay: it keeps the exponential
  growth visible while spreading workers apart), and never less than ``Retry-After`` seconds
  (capped by ``max_retry_delay_ms`` too);
- a POST carries one ``Idempotency-Key`` for all its attempts, so a retried create that had in
  fact succeeded is replayed by Stripe instead of creating a duplicate.

When retries run out the last error is raised: :class:`StripeRateLimitError`,
:class:`StripeServerError` or :class:`StripeConnectionError`, all ``transient``. The secret key
only ever travels in the ``Authorization`` header; no message or log line built here holds it.
"""

from __future__ import annotations

import asyncio
import itertools
import json as _json_module
import logging
import random as _random
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import quote

import httpx
import msgspec

from . import jsoncodec
from ._version import __version__
from .config import StripeSyncConfig
from .errors import (
    ConfigError,
    StripeAPIError,
    StripeAuthenticationError,
    StripeConnectionError,
    StripeInvalidRequestError,
    StripeNotFoundError,
    StripePermissionError,
    StripeRateLimitError,
    StripeServerError,
    UnknownObjectError,
)
from .forms import encode
from .ratelimit import RateLimiter, endpoint_key
from .resources import Resource

__all__ = ["ClientStats", "ListPage", "RawListPage", "StripeClient"]

USER_AGENT = f"stripe-sync/{__version__}"
# Stripe's own libraries wait up to 80 s for a response (some list calls are slow); connecting
# should be quick, and a stuck connect is better retried.
TIMEOUT = httpx.Timeout(80.0, connect=10.0)
#: The connections to Stripe are spread over this many pools (round robin per request). httpcore
#: scans every connection of a pool, polling idle sockets, for each request it assigns, so one
#: pool of 64 connections spent about a quarter of a backfill's Python CPU there at full speed
#: (encode/httpcore#924 would fix it upstream; it was not merged). Four pools of 16 connections
#: keep the same 64 in flight at a quarter of that cost.
POOL_SHARDS = 4
LIMITS = httpx.Limits(max_connections=16, max_keepalive_connections=8, keepalive_expiry=30.0)
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

_default_logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ListPage:
    """One page of a list endpoint."""

    data: list[dict[str, Any]]
    has_more: bool


@dataclass(frozen=True, slots=True)
class RawListPage:
    """One page of a list endpoint, its objects left as the JSON text Stripe sent.

    For a caller that hands the objects on as JSON (the backfill, to PostgreSQL) without looking
    into them: nothing is parsed into Python objects but the last object's ``id`` and
    ``created``, and nothing is encoded again.
    """

    #: The page's objects, a JSON array (UTF-8).
    objects: bytes
    #: How many objects ``objects`` holds.
    count: int
    has_more: bool
    #: The last object's ``id`` (the next page's ``starting_after``), None on an empty page.
    last_id: str | None
    #: The last object's ``created`` when it is an integer.
    last_created: int | None


class _RawList(msgspec.Struct):
    data: list[msgspec.Raw]
    has_more: bool = False


class _Head(msgspec.Struct):
    id: Any = None
    created: Any = None


_raw_list = msgspec.json.Decoder(_RawList)
_head = msgspec.json.Decoder(_Head)


@dataclass(slots=True)
class ClientStats:
    """Counters since the client was made (read by the server's ``/metrics``)."""

    #: HTTP attempts sent, retries included.
    requests: int = 0
    #: Attempts that were retried (after a 429, 5xx or network failure).
    retries: int = 0
    #: 429 responses received.
    rate_limited: int = 0
    #: 5xx responses received.
    server_errors: int = 0
    #: Timeouts and transport failures.
    connection_errors: int = 0


class StripeClient:
    """Async Stripe API client over one connection pool. Close it (or use ``async with``).

    ``transport`` replaces the network (``httpx.ASGITransport(app=fake.app)`` in tests);
    ``rate_limiter`` is awaited before every attempt (``None``: no client-side limit; the engine
    passes one limiter shared by its workers); ``sleep`` and ``random`` drive the backoff.
    """

    def __init__(
        self,
        config: StripeSyncConfig,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        rate_limiter: RateLimiter | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        random: Callable[[], float] = _random.random,
    ) -> None:
        if not config.stripe_secret_key:
            raise ConfigError("stripe_secret_key is required to call the Stripe API")
        self.config = config
        self.stats = ClientStats()
        self._limiter = rate_limiter
        self._sleep = sleep
        self._random = random
        self._log = config.logger or _default_logger
        # A transport given (an in-process app in tests) is shared, so one client uses it.
        self._pools = tuple(
            httpx.AsyncClient(
                base_url=config.stripe_api_base,
                transport=transport,
                timeout=TIMEOUT,
                limits=LIMITS,
                headers={
                    "Authorization": f"Bearer {config.stripe_secret_key}",
                    "Stripe-Version": config.stripe_api_version,
                    "User-Agent": USER_AGENT,
                },
            )
            for _ in range(1 if transport is not None else POOL_SHARDS)
        )
        self._next_pool = itertools.cycle(self._pools)

    @property
    def _http(self) -> httpx.AsyncClient:
        """The connection pool for the next request."""
        return next(self._next_pool)

    async def aclose(self) -> None:
        """Close the connection pool."""
        for pool in self._pools:
            await pool.aclose()

    async def __aenter__(self) -> StripeClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    # -- the calls the engine makes ------------------------------------------------------------

    async def retrieve(
        self,
        resource: Resource,
        object_id: str,
        *,
        account: str | None = None,
        expand: tuple[str, ...] | list[str] = (),
    ) -> dict[str, Any]:
        """``GET`` one object of a registry type by id."""
        if resource.retrieve_path is None:
            raise UnknownObjectError(f"{resource.name} objects cannot be retrieved on their own")
        if "{parent}" in resource.retrieve_path:
            # A person, a fee refund, a customer balance transaction ...: Stripe retrieves it
            # only under its parent, whose id the object's own id does not tell.
            owner = resource.list_per_parent.parent if resource.list_per_parent else "parent"
            raise UnknownObjectError(
                f"{resource.name} objects are retrieved only under their {owner} "
                f"({resource.retrieve_path}); sync the {owner}'s list instead"
            )
        path = resource.retrieve_path.replace("{id}", quote(object_id, safe=""))
        params = {"expand": list(expand)} if expand else None
        return await self.request("GET", path, params, account=account)

    async def list_page(
        self, path: str, params: Mapping[str, Any] | None = None, *, account: str | None = None
    ) -> ListPage:
        """One page of a list endpoint (``limit``, ``starting_after`` ... go in ``params``)."""
        body = await self.request("GET", path, params, account=account)
        data = body.get("data")
        if not isinstance(data, list):
            raise StripeAPIError(f"expected a list object from GET {path}", status=200)
        return ListPage(data=data, has_more=bool(body.get("has_more")))

    async def list_page_raw(
        self, path: str, params: Mapping[str, Any] | None = None, *, account: str | None = None
    ) -> RawListPage:
        """One page of a list endpoint, as :meth:`list_page`, with its objects left as JSON."""
        response = await self._send("GET", path, params, account=account)
        try:
            page = _raw_list.decode(response.content)
            last = _head.decode(page.data[-1]) if page.data else None
        except (msgspec.DecodeError, msgspec.ValidationError):
            raise StripeServerError(
                f"Stripe answered GET {path} with a body that is not a list object",
                status=response.status_code,
                request_id=response.headers.get("request-id"),
            ) from None
        if last is not None and not isinstance(last.id, str):
            raise StripeAPIError(f"an object without an id in GET {path}", status=200)
        return RawListPage(
            objects=b"[" + b",".join(page.data) + b"]",
            count=len(page.data),
            has_more=page.has_more,
            last_id=last.id if last is not None else None,
            last_created=(
                last.created
                if last is not None and type(last.created) is int  # not a bool
                else None
            ),
        )

    async def iter_list(
        self,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        account: str | None = None,
        page_size: int = 100,
    ) -> AsyncIterator[dict[str, Any]]:
        """Every object of a list endpoint, paging forward with ``starting_after``."""
        query = {**(params or {}), "limit": page_size}
        while True:
            page = await self.list_page(path, query, account=account)
            for item in page.data:
                yield item
            if not page.has_more or not page.data:
                return
            query["starting_after"] = page.data[-1]["id"]

    async def get_account(self, account: str | None = None) -> dict[str, Any]:
        """The platform account, or the connected ``account`` (``GET /v1/account``)."""
        return await self.request("GET", "/v1/account", account=account)

    # -- one request, with retries ---------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        account: str | None = None,
        idempotency_key: str | None = None,
        json: Mapping[str, Any] | None = None,
        stripe_version: str | None = None,
    ) -> dict[str, Any]:
        """Send one API request, retrying transient failures; return the JSON object.

        ``json`` sends a POST body as JSON instead of form-encoded ``params`` (Stripe's ``/v2``
        API); ``stripe_version`` overrides the pinned ``Stripe-Version`` for this request.
        """
        method = method.upper()
        response = await self._send(
            method,
            path,
            params,
            account=account,
            idempotency_key=idempotency_key,
            json=json,
            stripe_version=stripe_version,
        )
        return _json_object(response, method, path)

    async def _send(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        account: str | None = None,
        idempotency_key: str | None = None,
        json: Mapping[str, Any] | None = None,
        stripe_version: str | None = None,
    ) -> httpx.Response:
        """Send one API request, retrying transient failures; the successful response."""
        method = method.upper()
        headers: dict[str, str] = {}
        if account:
            headers["Stripe-Account"] = account
        if stripe_version:
            headers["Stripe-Version"] = stripe_version
        if method == "POST":
            # One key for every attempt: Stripe replays the first result for a repeated key.
            headers["Idempotency-Key"] = idempotency_key or f"stripe-sync-{uuid.uuid4()}"
            if json is not None:
                headers["Content-Type"] = "application/json"
                url, content = path, _json_module.dumps(json).encode()
            else:
                headers["Content-Type"] = "application/x-www-form-urlencoded"
                url, content = path, encode(params).encode()
        else:
            if idempotency_key:
                headers["Idempotency-Key"] = idempotency_key
            query = encode(params)
            url, content = (f"{path}?{query}" if query else path), None
        key = endpoint_key(method, path)
        attempt = 0
        while True:
            if self._limiter is not None:
                await self._limiter.acquire(key)
            self.stats.requests += 1
            try:
                response = await self._http.request(method, url, content=content, headers=headers)
            except httpx.TransportError as exc:  # timeouts, refused, reset, protocol errors
                self.stats.connection_errors += 1
                if attempt >= self.config.max_retries:
                    raise StripeConnectionError(
                        f"could not reach Stripe for {method} {path} after {attempt + 1} "
                        f"attempt(s): {type(exc).__name__}"
                    ) from exc
                delay = self._delay(attempt, None)
                self._log.warning(
                    "Stripe %s %s failed (%s); retry %s in %.2fs",
                    method,
                    path,
                    type(exc).__name__,
                    attempt + 1,
                    delay,
                    extra=_extra(None, None, path, attempt, None),
                )
            else:
                request_id = response.headers.get("request-id")
                status = response.status_code
                self._log.debug(
                    "Stripe %s %s -> %s",
                    method,
                    path,
                    status,
                    extra=_extra(request_id, status, path, attempt, None),
                )
                if status < 300:
                    return response
                if status == 429:
                    self.stats.rate_limited += 1
                elif status >= 500:
                    self.stats.server_errors += 1
                error = _error(response)
                if attempt >= self.config.max_retries or not _should_retry(response):
                    raise error
                delay = self._delay(attempt, _retry_after(response))
                reason = response.headers.get("stripe-rate-limited-reason")
                self._log.warning(
                    "Stripe %s %s -> %s%s; retry %s in %.2fs (request %s)",
                    method,
                    path,
                    status,
                    f" ({reason})" if reason else "",
                    attempt + 1,
                    delay,
                    request_id,
                    extra=_extra(request_id, status, path, attempt, reason),
                )
            self.stats.retries += 1
            attempt += 1
            await self._sleep(delay)

    async def download(self, url: str, *, chunk_size: int = 64 * 1024) -> AsyncIterator[bytes]:
        """Stream a file from a pre-signed ``url`` in chunks of at most ``chunk_size`` bytes.

        The URL carries its own signature, so neither the secret key nor ``Stripe-Version`` is
        sent with it. Failures before the first byte are retried like :meth:`request` (429, 5xx,
        transport errors); a failure after bytes were yielded raises
        :class:`StripeConnectionError`, since the caller has consumed part of the file.
        """
        attempt = 0
        while True:
            http = self._http
            request = http.build_request("GET", url)
            for name in ("Authorization", "Stripe-Version"):
                request.headers.pop(name, None)
            self.stats.requests += 1
            try:
                response = await http.send(request, stream=True)
            except httpx.TransportError as exc:
                self.stats.connection_errors += 1
                if attempt >= self.config.max_retries:
                    raise StripeConnectionError(
                        f"could not download a Stripe file after {attempt + 1} attempt(s): "
                        f"{type(exc).__name__}"
                    ) from exc
                delay = self._delay(attempt, None)
            else:
                try:
                    if response.status_code < 300:
                        try:
                            async for chunk in response.aiter_bytes(chunk_size):
                                yield chunk
                        except httpx.TransportError as exc:
                            self.stats.connection_errors += 1
                            raise StripeConnectionError(
                                f"the download of a Stripe file broke off: {type(exc).__name__}"
                            ) from exc
                        return
                    await response.aread()
                    if response.status_code == 429:
                        self.stats.rate_limited += 1
                    elif response.status_code >= 500:
                        self.stats.server_errors += 1
                    error = _error(response)
                    if attempt >= self.config.max_retries or not _should_retry(response):
                        raise error
                    delay = self._delay(attempt, _retry_after(response))
                finally:
                    await response.aclose()
            self._log.warning(
                "Stripe file download failed; retry %s in %.2fs",
                attempt + 1,
                delay,
                extra=_extra(None, None, "(file)", attempt, None),
            )
            self.stats.retries += 1
            attempt += 1
            await self._sleep(delay)

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds before retry number ``attempt + 1``: capped exponential, equal jitter."""
        cap = self.config.max_retry_delay_ms / 1000.0
        base = min(cap, self.config.initial_retry_delay_ms / 1000.0 * float(2**attempt))
        delay = base / 2 + self._random() * base / 2
        if retry_after is not None:
            delay = max(delay, min(retry_after, cap))
        return delay


def _extra(
    request_id: str | None, status: int | None, path: str, attempt: int, reason: str | None
) -> dict[str, Any]:
    return {
        "request_id": request_id,
        "status": status,
        "path": path,
        "attempt": attempt,
        "rate_limited_reason": reason,
    }


def _should_retry(response: httpx.Response) -> bool:
    header = response.headers.get("stripe-should-retry", "").strip().lower()
    if header == "false":
        return False
    if header == "true":
        return True
    return response.status_code in _RETRY_STATUSES


def _retry_after(response: httpx.Response) -> float | None:
    """``Retry-After`` in seconds; the HTTP-date form is ignored (Stripe sends seconds)."""
    try:
        seconds = float(response.headers.get("retry-after", ""))
    except ValueError:
        return None
    return seconds if seconds >= 0 else None


def _json_object(response: httpx.Response, method: str, path: str) -> dict[str, Any]:
    try:
        body = jsoncodec.loads(response.content)
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise StripeServerError(
            f"Stripe answered {method} {path} with a body that is not a JSON object",
            status=response.status_code,
            request_id=response.headers.get("request-id"),
        )
    return body


_BY_STATUS: dict[int, type[StripeAPIError]] = {
    401: StripeAuthenticationError,
    403: StripePermissionError,
    404: StripeNotFoundError,
    429: StripeRateLimitError,
}


def _error(response: httpx.Response) -> StripeAPIError:
    """The typed exception for an error response (Stripe's error JSON or anything else)."""
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None
    err = body.get("error") if isinstance(body, dict) else None
    if not isinstance(err, dict):
        err = {}
    message = err.get("message") or f"Stripe returned HTTP {status} without an error object"
    if err.get("param"):
        message = f"{message} (param: {err['param']})"
    cls = _BY_STATUS.get(status) or (
        StripeServerError if status >= 500 else StripeInvalidRequestError
    )
    code = err.get("code")
    return cls(
        str(message),
        status=status,
        code=str(code) if code else None,
        request_id=response.headers.get("request-id"),
    )
