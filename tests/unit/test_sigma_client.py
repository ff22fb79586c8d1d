"""Sigma client pieces without a network: CSV, run parsing, the JSON and download paths."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest

from stripe_sync import StripeSyncConfig
from stripe_sync.client import StripeClient
from stripe_sync.errors import StripeAPIError, StripeConnectionError
from stripe_sync.sigma.api import QueryRun, render_csv


def client(handler: Callable[[httpx.Request], httpx.Response]) -> StripeClient:
    config = StripeSyncConfig(
        stripe_secret_key="sk_test_unit_0000",
        stripe_api_base="http://api.test",
        database_url="postgresql://unused/db",
        initial_retry_delay_ms=1,
        max_retry_delay_ms=2,
        max_retries=2,
    )

    async def no_sleep(_: float) -> None:
        return None

    return StripeClient(config, transport=httpx.MockTransport(handler), sleep=no_sleep)


def test_render_csv_tells_null_from_empty_and_quotes_everything_else() -> None:
    data = b"".join(render_csv(["a", "b"], [[None, ""], ['x,"y"\nz', True], [1.5, 7]]))
    assert data == b'"a","b"\r\n,""\r\n"x,""y""\nz","true"\r\n"1.5","7"\r\n'


def test_render_csv_chunks_by_rows() -> None:
    chunks = list(render_csv(["n"], ([i] for i in range(2500)), rows_per_chunk=1000))
    assert len(chunks) == 3
    assert b"".join(chunks).count(b"\r\n") == 2501


def test_query_run_parses_the_documented_shapes() -> None:
    running = QueryRun.from_api(
        {
            "id": "qrun_1",
            "status": "running",
            "query": {"sql": "SELECT 1"},
            "result": None,
            "created": "2026-10-05T21:02:00Z",
        }
    )
    assert (running.sql, running.result, running.error) == ("SELECT 1", None, None)
    older = QueryRun.from_api({"id": "qryrun_1", "status": "running", "sql": "SELECT 2"})
    assert older.sql == "SELECT 2"
    failed = QueryRun.from_api(
        {
            "id": "qrun_2",
            "status": "failed",
            "query": {"sql": "x"},
            "status_details": {"failed": {"error_code": "query_timeout", "error_message": "slow"}},
        }
    )
    assert (failed.error, failed.error_code, failed.transient_failure) == (
        "slow",
        "query_timeout",
        True,
    )
    terminal = QueryRun.from_api(
        {"id": "qrun_3", "status": "failed", "error": {"message": "bad", "code": "invalid_sql"}}
    )
    assert (terminal.error, terminal.transient_failure) == ("bad", False)
    vague = QueryRun.from_api({"id": "qrun_4", "status": "failed"})
    assert vague.error == "the query run failed without a reason"


async def test_request_sends_json_with_one_idempotency_key_across_retries() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            return httpx.Response(500, json={"error": {"message": "boom"}})
        return httpx.Response(200, json={"id": "qrun_1"})

    async with client(handler) as c:
        body = await c.request(
            "POST",
            "/v2/data/query_runs",
            json={"query": {"sql": "SELECT 'a&b=c'"}},
            stripe_version="2026-10-28.preview",
        )
    assert body == {"id": "qrun_1"}
    assert len(seen) == 2
    for request in seen:
        assert request.headers["content-type"] == "application/json"
        assert request.headers["stripe-version"] == "2026-10-28.preview"
        assert json.loads(request.content) == {"query": {"sql": "SELECT 'a&b=c'"}}
    assert seen[0].headers["idempotency-key"] == seen[1].headers["idempotency-key"]


async def test_form_requests_are_unchanged() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "cus_1"})

    async with client(handler) as c:
        await c.request("POST", "/v1/customers", {"email": "a@b.c"})
    assert seen[0].headers["content-type"] == "application/x-www-form-urlencoded"
    assert seen[0].content == b"email=a%40b.c"
    assert seen[0].headers["stripe-version"] != "2026-10-28.preview"


async def test_download_streams_without_the_key_and_retries_before_the_first_byte() -> None:
    seen: list[httpx.Request] = []
    body = b"x" * 100_000

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            return httpx.Response(503, text="busy")
        return httpx.Response(200, content=body)

    async with client(handler) as c:
        chunks = [
            chunk async for chunk in c.download("https://files.test/f?sig=1", chunk_size=4096)
        ]
    assert b"".join(chunks) == body
    assert max(len(chunk) for chunk in chunks) <= 4096
    assert len(seen) == 2
    assert all("authorization" not in r.headers for r in seen)
    assert all("stripe-version" not in r.headers for r in seen)


async def test_download_errors_are_typed() -> None:
    def forbidden(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, text="<Error>AccessDenied</Error>")

    async with client(forbidden) as c:
        with pytest.raises(StripeAPIError) as info:
            _ = [chunk async for chunk in c.download("https://files.test/f")]
    assert info.value.status == 403

    def broken(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    async with client(broken) as c:
        with pytest.raises(StripeConnectionError):
            _ = [chunk async for chunk in c.download("https://files.test/f")]
