"""The status page: ``GET /`` of the webhook app, a read-only HTML view of
:meth:`AsyncStripeSync.status_snapshot` that reloads itself.

Who may read it (it lists account ids, object ids in errors, endpoint URLs):

- with a token (``create_app(status_token=...)``, ``stripe-sync start --status-token`` or
  ``STRIPE_SYNC_STATUS_TOKEN``), a request that carries it: ``Authorization: Bearer <token>``,
  HTTP basic auth with the token as the password (any user name: the browser's own prompt), or
  ``?token=<token>`` once, which answers with a cookie holding a digest of the token (never the
  token) and a redirect to the URL without it, so it leaves the address bar and the history;
- without a token, only a client on this machine (a loopback address) whose request came
  through no proxy (no ``Forwarded``, ``X-Forwarded-For`` or ``X-Real-IP`` header): a
  reverse proxy or an ngrok tunnel on the same host would otherwise make every visitor look
  local.

Anything else is refused: 401 (asking for basic auth) for a missing or wrong token, 403 for a
remote client when no token is configured. Tokens are compared in constant time. The page
shows no secret: the snapshot holds none (no API key, no signing secret, no database URL).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
from base64 import b64decode
from datetime import UTC, datetime
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ._version import __version__
from .errors import ConfigError, StripeSyncError
from .facade import AsyncStripeSync
from .status import StatusSnapshot

__all__ = ["DEFAULT_REFRESH_SECONDS", "MIN_TOKEN_LENGTH", "StatusPage", "render"]

_log = logging.getLogger(__name__)

#: Seconds between the page's reloads (``<meta http-equiv="refresh">``).
DEFAULT_REFRESH_SECONDS = 10.0
#: Shorter tokens are refused: the page must not be one guess away.
MIN_TOKEN_LENGTH = 16
COOKIE = "stripe_sync_status"
_PROXY_HEADERS = ("forwarded", "x-forwarded-for", "x-real-ip")
_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # No script at all; the inline style sheet and the empty data: favicon only.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
}

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("stripe_sync", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


class StatusPage:
    """The ``GET /`` handler: checks who asks, then renders the snapshot."""

    def __init__(
        self,
        sync: AsyncStripeSync,
        *,
        token: str | None = None,
        refresh_seconds: float = DEFAULT_REFRESH_SECONDS,
    ) -> None:
        if token is not None and len(token) < MIN_TOKEN_LENGTH:
            raise ConfigError(
                f"the status page token must have at least {MIN_TOKEN_LENGTH} characters"
            )
        if refresh_seconds <= 0:
            raise ConfigError(f"refresh_seconds must be > 0, got {refresh_seconds}")
        self.sync = sync
        self._token = token.encode() if token is not None else None
        self._cookie = _cookie_value(self._token) if self._token is not None else None
        self.refresh_seconds = refresh_seconds

    async def get(self, request: Request) -> Response:
        refusal = self._refusal(request)
        if refusal is not None:
            return refusal
        if "token" in request.query_params:
            # Valid (checked above): trade it for a cookie and drop it from the URL.
            response = RedirectResponse(
                str(request.url.remove_query_params("token")), status_code=303, headers=_HEADERS
            )
            assert self._cookie is not None
            response.set_cookie(
                COOKIE,
                self._cookie.decode(),
                path=_page_path(request),
                secure=request.url.scheme == "https",
                httponly=True,
                samesite="strict",
            )
            return response
        try:
            snapshot = await self.sync.status_snapshot()
        except StripeSyncError as exc:
            # The message may name the database host: logged, not shown.
            _log.warning("status page: snapshot unavailable: %s", exc)
            html = render(None, refresh_seconds=self.refresh_seconds)
            return HTMLResponse(html, status_code=503, headers=_HEADERS)
        return HTMLResponse(
            render(snapshot, refresh_seconds=self.refresh_seconds), headers=_HEADERS
        )

    def _refusal(self, request: Request) -> Response | None:
        """None when the request may read the page, else the answer that refuses it."""
        if self._token is None:
            if _local(request):
                return None
            return _refuse(
                403,
                "The status page answers only on this machine unless a token is configured "
                "(STRIPE_SYNC_STATUS_TOKEN or --status-token).",
            )
        offered = _offered_tokens(request)
        if any(hmac.compare_digest(t, self._token) for t in offered):
            return None
        cookie = request.cookies.get(COOKIE, "").encode()
        if cookie and self._cookie is not None and hmac.compare_digest(cookie, self._cookie):
            return None
        response = _refuse(401, "This page needs the status token.")
        response.headers["WWW-Authenticate"] = 'Basic realm="stripe-sync status", charset="UTF-8"'
        return response


def render(snapshot: StatusSnapshot | None, *, refresh_seconds: float) -> str:
    """The page's HTML for ``snapshot`` (None: the database did not answer)."""
    return _env.get_template("status.html").render(
        snapshot=snapshot,
        refresh=max(1, round(refresh_seconds)),
        version=__version__,
        ts=_timestamp,
        ago=_duration,
    )


def _offered_tokens(request: Request) -> list[bytes]:
    found = []
    authorization = request.headers.get("authorization", "")
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer" and value:
        found.append(value.strip().encode())
    elif scheme.lower() == "basic" and value:
        try:
            _, _, password = b64decode(value.strip(), validate=True).partition(b":")
        except ValueError:
            password = b""
        if password:
            found.append(password)
    query = request.query_params.get("token")
    if query:
        found.append(query.encode())
    return found


def _local(request: Request) -> bool:
    """A loopback client whose request came through no proxy on this machine."""
    if request.client is None or any(h in request.headers for h in _PROXY_HEADERS):
        return False
    try:
        return ipaddress.ip_address(request.client.host).is_loopback
    except ValueError:  # not an address (a test client's name, a Unix socket)
        return False


def _cookie_value(token: bytes) -> bytes:
    """What the cookie holds: a digest of the token, so that the cookie is not the token."""
    return hmac.new(token, b"stripe-sync status page", hashlib.sha256).hexdigest().encode()


def _page_path(request: Request) -> str:
    """The page's path: ``/``, or the mount path (``/stripe/``) when mounted."""
    root = str(request.scope.get("root_path") or "")
    return root.rstrip("/") + "/"


def _refuse(status: int, message: str) -> Response:
    body = (
        "<!doctype html><html><head><meta charset=utf-8><title>stripe-sync status</title>"
        f'<link rel="icon" href="data:,"></head><body><p>{message}</p></body></html>'
    )
    return HTMLResponse(body, status_code=status, headers=_HEADERS)


def _timestamp(value: datetime | None) -> str:
    if value is None:
        return "-"
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _duration(seconds: Any) -> str:
    if seconds is None:
        return "-"
    seconds = float(seconds)
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} d"
