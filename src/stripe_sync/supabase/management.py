"""The Supabase Management API, as much of it as a deployment needs (https://supabase.com/docs/reference/api).

One project: run SQL (``POST /v1/projects/{ref}/database/query``), deploy, list and delete edge
functions (``POST /v1/projects/{ref}/functions/deploy?slug=`` takes the source files as
multipart), set, list and delete function secrets (the API lists names and SHA-256 digests,
never values), and read the project's API keys. Errors become :class:`SupabaseError` with the
API's message; the access token never appears in one. 429 and 5xx answers are retried with
backoff (the API allows about 60 requests a minute per token).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from ..config import DEFAULT_MANAGEMENT_URL
from ..errors import SupabaseError

__all__ = ["DEFAULT_MANAGEMENT_URL", "ManagementClient", "secret_digest"]

#: Tries of a request answered 429 or 5xx (or not answered) before giving up.
MAX_TRIES = 4


def secret_digest(value: str) -> str:
    """The digest the API lists for a secret's value: SHA-256, hex."""
    return hashlib.sha256(value.encode()).hexdigest()


class ManagementClient:
    """A Management API client for one project (``ref``), authorised by an access token."""

    def __init__(
        self,
        token: str,
        project_ref: str,
        *,
        base_url: str = DEFAULT_MANAGEMENT_URL,
        http: httpx.Client | None = None,
        timeout: float = 120.0,
        sleep: Any = time.sleep,
    ) -> None:
        if not token:
            raise SupabaseError(
                "a Supabase access token is needed (--token, SUPABASE_ACCESS_TOKEN)"
            )
        if not project_ref:
            raise SupabaseError(
                "a Supabase project ref is needed (--project, SUPABASE_PROJECT_REF)"
            )
        self.project_ref = project_ref
        self.base_url = base_url.rstrip("/")
        self._own_http = http is None
        self._http = http or httpx.Client(timeout=timeout)
        self._headers = {"Authorization": f"Bearer {token}", "User-Agent": "stripe-sync"}
        self._sleep = sleep

    def close(self) -> None:
        if self._own_http:
            self._http.close()

    def __enter__(self) -> ManagementClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the project -------------------------------------------------------------------------

    def project(self) -> dict[str, Any]:
        """The project (404 when the token cannot see it)."""
        return dict(self._request("GET", ""))

    def query(self, sql: str) -> list[dict[str, Any]]:
        """Run ``sql`` (one or more statements); the rows of the last one."""
        rows = self._request("POST", "/database/query", json={"query": sql})
        return [dict(r) for r in rows] if isinstance(rows, list) else []

    def api_keys(self) -> dict[str, str]:
        """The project's API keys by name (``anon``, ``service_role``)."""
        keys = self._request("GET", "/api-keys")
        return {str(k["name"]): str(k["api_key"]) for k in keys if "api_key" in k}

    # -- edge functions -------------------------------------------------------------------------

    def functions(self) -> list[dict[str, Any]]:
        return [dict(f) for f in self._request("GET", "/functions")]

    def deploy_function(
        self,
        slug: str,
        files: Mapping[str, bytes],
        *,
        entrypoint: str,
        verify_jwt: bool = False,
    ) -> dict[str, Any]:
        """Create or update the function ``slug`` from ``files`` (relative path -> content)."""
        metadata = {"name": slug, "entrypoint_path": entrypoint, "verify_jwt": verify_jwt}
        parts: list[tuple[str, tuple[str | None, bytes | str, str]]] = [
            ("metadata", (None, json.dumps(metadata), "application/json"))
        ]
        parts += [("file", (path, body, "application/typescript")) for path, body in files.items()]
        return dict(self._request("POST", "/functions/deploy", params={"slug": slug}, files=parts))

    def delete_function(self, slug: str) -> bool:
        """Delete ``slug``; False when there was no such function."""
        try:
            self._request("DELETE", f"/functions/{slug}")
        except SupabaseError as exc:
            if exc.status == 404:
                return False
            raise
        return True

    # -- secrets ---------------------------------------------------------------------------------

    def secrets(self) -> dict[str, str]:
        """Secret names and the digests of their values."""
        return {str(s["name"]): str(s.get("value", "")) for s in self._request("GET", "/secrets")}

    def set_secrets(self, secrets: Mapping[str, str]) -> None:
        body = [{"name": k, "value": v} for k, v in secrets.items()]
        self._request("POST", "/secrets", json=body)

    def delete_secrets(self, names: Sequence[str]) -> None:
        self._request("DELETE", "/secrets", json=list(names))

    # -- transport -------------------------------------------------------------------------------

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        url = f"{self.base_url}/v1/projects/{self.project_ref}{path}"
        what = f"{method} /v1/projects/{self.project_ref}{path}"
        for attempt in range(1, MAX_TRIES + 1):
            try:
                response = self._http.request(method, url, headers=self._headers, **kwargs)
            except httpx.TransportError as exc:
                if attempt == MAX_TRIES:
                    raise SupabaseError(
                        f"{what}: cannot reach the Supabase Management API ({type(exc).__name__})",
                        transient=True,
                    ) from None
                self._sleep(min(2**attempt, 10))
                continue
            retryable = response.status_code == 429 or response.status_code >= 500
            if retryable and attempt < MAX_TRIES:
                retry_after = response.headers.get("Retry-After", "")
                delay = float(retry_after) if retry_after.isdigit() else min(2**attempt, 10)
                self._sleep(delay)
                continue
            if response.status_code >= 400:
                raise SupabaseError(
                    f"{what}: {response.status_code} {_message(response)}",
                    status=response.status_code,
                    transient=retryable,
                )
            if not response.content:
                return None
            try:
                return response.json()
            except ValueError:
                return response.text
        raise AssertionError("unreachable")  # pragma: no cover


def _message(response: httpx.Response) -> str:
    """The API's own message (``{"message": ...}``), short; never the request."""
    try:
        body = response.json()
    except ValueError:
        return response.text[:300]
    if isinstance(body, Mapping):
        for key in ("message", "error", "msg"):
            if isinstance(body.get(key), str):
                return str(body[key])[:500]
    return json.dumps(body)[:300]
