"""StripeClient against the fake Stripe (in process) and against precise MockTransports."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from stripe_sync import resources
from stripe_sync.client import ListPage, StripeClient
from stripe_sync.config import StripeSyncConfig
from stripe_sync.errors import (
    ConfigError,
    StripeAPIError,
    StripeAuthenticationError,
    StripeConnectionError,
    StripeInvalidRequestError,
    StripeNotFoundError,
    StripeRateLimitError,
    StripeServerError,
)
from stripe_sync.forms import encode
from stripe_sync.testing import FakeStripe, decode_query

KEY = "sk_test_fakekey_abcd1234wxyz"
VERSION = "2025-03-31.basil"


class Sleeps:
    """A no-op ``sleep`` that records what it was asked to wait."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


class Capture(httpx.AsyncBaseTransport):
    """Passes requests on to ``inner`` and keeps them."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@pytest.fixture
def fake() -> Iterator[FakeStripe]:
    with FakeStripe(api_keys=(KEY,), seed=1) as fake:
        yield fake


def _config(**changes: Any) -> StripeSyncConfig:
    values: dict[str, Any] = {"stripe_secret_key": KEY, "stripe_api_version": VERSION}
    return StripeSyncConfig(**{**values, **changes})


def _client(
    transport: httpx.AsyncBaseTransport, sleeps: Sleeps | None = None, **changes: Any
) -> StripeClient:
    return StripeClient(
        _config(**changes), transport=transport, sleep=sleeps or Sleeps(), random=lambda: 1.0
    )


def _mock(*responses: httpx.Response | Exception) -> tuple[httpx.MockTransport, list[Any]]:
    """A transport answering with ``responses`` in turn (the last one repeats)."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        answer = responses[min(len(seen), len(responses)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer

    return httpx.MockTransport(handler), seen


def _resp(status: int, body: Any = None, **headers: str) -> httpx.Response:
    headers = {"Request-Id": "req_test", **{k.replace("_", "-"): v for k, v in headers.items()}}
    if body is None:
        body = {"error": {"type": "api_error", "message": "boom"}} if status >= 400 else {}
    return httpx.Response(status, json=body, headers=headers)


# -- against the fake --------------------------------------------------------------------------


async def test_iter_list_pages_through_250_customers(fake: FakeStripe) -> None:
    ids = set(fake.seed("customer", 250))
    capture = Capture(httpx.ASGITransport(app=fake.app))
    async with _client(capture) as client:
        seen = [c["id"] async for c in client.iter_list("/v1/customers", page_size=100)]
    assert len(seen) == 250
    assert set(seen) == ids
    assert len(capture.requests) == 3
    queries = [decode_query(r.url.query.decode()) for r in capture.requests]
    assert queries[0] == {"limit": "100"}
    assert queries[1] == {"limit": "100", "starting_after": seen[99]}
    assert queries[2] == {"limit": "100", "starting_after": seen[199]}
    for request in capture.requests:
        assert request.headers["Stripe-Version"] == VERSION
        assert request.headers["Authorization"] == f"Bearer {KEY}"
        assert request.headers["User-Agent"].startswith("stripe-sync/")
        assert "Stripe-Account" not in request.headers
    assert client.stats.requests == 3
    assert client.stats.retries == 0


async def test_retrieve_and_list_page(fake: FakeStripe) -> None:
    ids = fake.seed("customer", 12)
    async with _client(httpx.ASGITransport(app=fake.app)) as client:
        customer = await client.retrieve(resources.get("customer"), ids[3])
        page = await client.list_page("/v1/customers", {"limit": 10})
    assert customer["id"] == ids[3]
    assert customer["object"] == "customer"
    assert isinstance(page, ListPage)
    assert len(page.data) == 10
    assert page.has_more is True


async def test_list_page_raw_is_the_same_page_left_as_json(fake: FakeStripe) -> None:
    fake.seed("customer", 12)
    async with _client(httpx.ASGITransport(app=fake.app)) as client:
        parsed = await client.list_page("/v1/customers", {"limit": 10})
        raw = await client.list_page_raw("/v1/customers", {"limit": 10})
        rest = await client.list_page_raw(
            "/v1/customers", {"limit": 10, "starting_after": raw.last_id}
        )
    assert json.loads(raw.objects) == parsed.data
    assert (raw.count, raw.has_more) == (10, True)
    assert raw.last_id == parsed.data[-1]["id"]
    assert raw.last_created == parsed.data[-1]["created"]
    assert (rest.count, rest.has_more, len(json.loads(rest.objects))) == (2, False, 2)


@pytest.mark.parametrize(
    ("body", "count", "last_id", "last_created"),
    [
        ({"object": "list", "data": [], "has_more": False}, 0, None, None),
        ({"object": "list", "data": [{"id": "x_1", "created": True}]}, 1, "x_1", None),
        ({"object": "list", "data": [{"id": "x_1", "created": 1.5}]}, 1, "x_1", None),
        ({"object": "list", "data": [{"id": "x_1"}], "has_more": True}, 1, "x_1", None),
    ],
)
async def test_list_page_raw_takes_only_an_integer_created(
    body: dict[str, Any], count: int, last_id: str | None, last_created: int | None
) -> None:
    transport, _ = _mock(_resp(200, body))
    async with _client(transport) as client:
        page = await client.list_page_raw("/v1/things")
    assert (page.count, page.last_id, page.last_created) == (count, last_id, last_created)
    assert json.loads(page.objects) == body["data"]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b'{"object": "list", "data": [{"id": }]}', StripeServerError),
        (b'{"object": "list", "data": {"id": "x"}}', StripeServerError),
        (b"<html>busy</html>", StripeServerError),
        (b'{"object": "list", "data": [{"name": "no id"}]}', StripeAPIError),
    ],
)
async def test_list_page_raw_refuses_what_is_not_a_list_of_objects(
    content: bytes, error: type[Exception]
) -> None:
    transport, _ = _mock(httpx.Response(200, content=content))
    async with _client(transport) as client:
        with pytest.raises(error):
            await client.list_page_raw("/v1/things")


async def test_stripe_account_header_reaches_the_connected_account(fake: FakeStripe) -> None:
    account = fake.add_account()
    ids = set(fake.seed("customer", 3, account=account))
    capture = Capture(httpx.ASGITransport(app=fake.app))
    async with _client(capture) as client:
        seen = {c["id"] async for c in client.iter_list("/v1/customers", account=account)}
        own = [c async for c in client.iter_list("/v1/customers")]
        acct = await client.get_account(account)
        platform = await client.get_account()
    assert seen == ids
    assert own == []
    assert acct["id"] == account
    assert platform["id"] == fake.account_id
    assert capture.requests[0].headers["Stripe-Account"] == account
    assert "Stripe-Account" not in capture.requests[1].headers


async def test_post_create_round_trips_nested_params(fake: FakeStripe) -> None:
    capture = Capture(httpx.ASGITransport(app=fake.app))
    params = {
        "email": "a@example.com",
        "metadata": {"plan": "gold", "seats": 3},
        "address": {"city": "Paris", "country": "FR"},
        "preferred_locales": ["fr", "en"],
    }
    async with _client(capture) as client:
        created = await client.request("POST", "/v1/customers", params)
    stored = fake.get("customer", created["id"])
    assert stored["email"] == "a@example.com"
    assert stored["metadata"] == {"plan": "gold", "seats": "3"}
    assert stored["address"]["city"] == "Paris"
    assert stored["preferred_locales"] == ["fr", "en"]
    request = capture.requests[0]
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.headers["Idempotency-Key"]
    assert decode_query(request.content.decode())["metadata"] == {"plan": "gold", "seats": "3"}


async def test_a_storm_of_429s_and_5xx_is_absorbed(fake: FakeStripe) -> None:
    ids = set(fake.seed("customer", 1000))
    fake.configure(rate_limit_probability=0.15, server_error_probability=0.15, seed=7)
    sleeps = Sleeps()
    async with _client(httpx.ASGITransport(app=fake.app), sleeps) as client:
        seen = [c["id"] async for c in client.iter_list("/v1/customers")]
    assert len(seen) == 1000
    assert set(seen) == ids
    stats = fake.stats()["totals"]
    assert stats["rate_limited"] + stats["server_errors"] > 0
    assert client.stats.retries == stats["rate_limited"] + stats["server_errors"]
    assert client.stats.rate_limited == stats["rate_limited"]
    assert client.stats.requests == stats["requests"] == 10 + client.stats.retries
    assert len(sleeps.delays) == client.stats.retries


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("rate_limit_probability", StripeRateLimitError),
        ("server_error_probability", StripeServerError),
    ],
)
async def test_exhausted_retries_raise_the_transient_error(
    fake: FakeStripe, fault: str, error: type[Exception]
) -> None:
    fake.configure(None, seed=1, **{fault: 1.0})
    sleeps = Sleeps()
    async with _client(httpx.ASGITransport(app=fake.app), sleeps, max_retries=3) as client:
        with pytest.raises(error) as info:
            await client.list_page("/v1/customers")
    exc = info.value
    assert exc.transient is True  # type: ignore[attr-defined]
    assert exc.status in {429, 500, 502, 503}  # type: ignore[attr-defined]
    assert exc.request_id.startswith("req_")  # type: ignore[attr-defined]
    assert fake.stats()["totals"]["requests"] == 4
    assert client.stats.requests == 4
    assert len(sleeps.delays) == 3


async def test_wrong_key_is_an_authentication_error_without_the_key(fake: FakeStripe) -> None:
    key = "sk_test_wrongwrongwrong9876"
    client = StripeClient(
        _config(stripe_secret_key=key), transport=httpx.ASGITransport(app=fake.app)
    )
    async with client:
        with pytest.raises(StripeAuthenticationError) as info:
            await client.get_account()
    assert info.value.status == 401
    assert key not in str(info.value)
    assert key not in repr(info.value)
    assert client.stats.retries == 0


async def test_missing_object_is_not_found(fake: FakeStripe) -> None:
    async with _client(httpx.ASGITransport(app=fake.app)) as client:
        with pytest.raises(StripeNotFoundError) as info:
            await client.retrieve(resources.get("customer"), "cus_missing")
    assert info.value.code == "resource_missing"
    assert info.value.status == 404
    assert info.value.request_id is not None
    assert "cus_missing" in str(info.value)


async def test_bad_parameter_is_an_invalid_request(fake: FakeStripe) -> None:
    async with _client(httpx.ASGITransport(app=fake.app)) as client:
        with pytest.raises(StripeInvalidRequestError) as info:
            await client.list_page("/v1/customers", {"limit": 1000})
    assert info.value.status == 400
    assert "limit" in str(info.value)
    assert client.stats.requests == 1


# -- precise headers with MockTransport ---------------------------------------------------------


async def test_backoff_grows_exponentially_and_is_capped() -> None:
    transport, seen = _mock(_resp(500))
    sleeps = Sleeps()
    async with _client(
        transport, sleeps, max_retries=6, initial_retry_delay_ms=1000, max_retry_delay_ms=5000
    ) as client:
        with pytest.raises(StripeServerError):
            await client.request("GET", "/v1/customers")
    assert len(seen) == 7
    assert sleeps.delays == pytest.approx([1.0, 2.0, 4.0, 5.0, 5.0, 5.0])


async def test_equal_jitter_keeps_the_upper_half() -> None:
    transport, _ = _mock(_resp(503))
    sleeps = Sleeps()
    config = _config(max_retries=3, initial_retry_delay_ms=1000, max_retry_delay_ms=60000)
    async with StripeClient(config, transport=transport, sleep=sleeps, random=lambda: 0.0) as c:
        with pytest.raises(StripeServerError):
            await c.request("GET", "/v1/customers")
    assert sleeps.delays == pytest.approx([0.5, 1.0, 2.0])


@pytest.mark.parametrize(("retry_after", "expected"), [("10", 10.0), ("120", 30.0)])
async def test_retry_after_is_honoured_and_capped(retry_after: str, expected: float) -> None:
    transport, _ = _mock(_resp(429, Retry_After=retry_after), _resp(200, {"id": "cus_1"}))
    sleeps = Sleeps()
    async with _client(
        transport, sleeps, initial_retry_delay_ms=100, max_retry_delay_ms=30000
    ) as client:
        assert (await client.request("GET", "/v1/customers/cus_1"))["id"] == "cus_1"
    assert sleeps.delays == pytest.approx([expected])
    assert client.stats.rate_limited == 1


async def test_should_retry_false_stops_a_500() -> None:
    transport, seen = _mock(_resp(500, Stripe_Should_Retry="false"))
    async with _client(transport) as client:
        with pytest.raises(StripeServerError) as info:
            await client.request("POST", "/v1/customers")
    assert len(seen) == 1
    assert info.value.request_id == "req_test"


async def test_should_retry_true_retries_a_409() -> None:
    lock_timeout = {"error": {"type": "invalid_request_error", "code": "lock_timeout"}}
    transport, seen = _mock(
        _resp(409, lock_timeout, Stripe_Should_Retry="true"), _resp(200, {"id": "cus_1"})
    )
    async with _client(transport) as client:
        assert (await client.request("POST", "/v1/customers/cus_1"))["id"] == "cus_1"
    assert len(seen) == 2


async def test_a_409_without_the_header_is_not_retried() -> None:
    transport, seen = _mock(_resp(409, {"error": {"code": "lock_timeout", "message": "locked"}}))
    async with _client(transport) as client:
        with pytest.raises(StripeInvalidRequestError) as info:
            await client.request("POST", "/v1/customers/cus_1")
    assert len(seen) == 1
    assert info.value.code == "lock_timeout"


async def test_idempotency_key_is_reused_across_retries() -> None:
    transport, seen = _mock(_resp(500), _resp(502), _resp(200, {"id": "cus_1"}))
    async with _client(transport) as client:
        await client.request("POST", "/v1/customers", {"email": "a@example.com"})
        await client.request("POST", "/v1/customers", idempotency_key="mine")
    keys = [r.headers["Idempotency-Key"] for r in seen]
    assert len(keys) == 4
    assert keys[0] == keys[1] == keys[2]
    assert keys[3] == "mine"
    assert [r.content for r in seen[:3]] == [b"email=a%40example.com"] * 3


async def test_get_params_go_in_the_query_string() -> None:
    transport, seen = _mock(_resp(200, {"id": "in_1"}))
    async with _client(transport) as client:
        await client.retrieve(resources.get("invoice"), "in_1", expand=["customer", "lines"])
        await client.request("GET", "/v1/charges", {"created": {"gte": 5}, "paid": True})
    assert seen[0].url.path == "/v1/invoices/in_1"
    assert decode_query(seen[0].url.query.decode()) == {"expand": ["customer", "lines"]}
    assert decode_query(seen[1].url.query.decode()) == {"created": {"gte": "5"}, "paid": "true"}
    assert "Idempotency-Key" not in seen[0].headers


async def test_connection_errors_are_retried_then_raised() -> None:
    transport, seen = _mock(httpx.ConnectError("refused"))
    sleeps = Sleeps()
    async with _client(transport, sleeps, max_retries=2) as client:
        with pytest.raises(StripeConnectionError) as info:
            await client.get_account()
    assert len(seen) == 3
    assert len(sleeps.delays) == 2
    assert info.value.transient is True
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert client.stats.connection_errors == 3


async def test_a_timeout_is_retried() -> None:
    transport, seen = _mock(httpx.ReadTimeout("slow"), _resp(200, {"id": "acct_1"}))
    async with _client(transport) as client:
        assert (await client.get_account())["id"] == "acct_1"
    assert len(seen) == 2


async def test_a_non_json_error_body_gives_a_clean_error() -> None:
    html = httpx.Response(502, text="<html>Bad gateway</html>", headers={"Request-Id": "req_x"})
    transport, _ = _mock(html)
    async with _client(transport, max_retries=0) as client:
        with pytest.raises(StripeServerError) as info:
            await client.get_account()
    assert info.value.status == 502
    assert info.value.request_id == "req_x"
    assert "<html>" not in str(info.value)


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (401, StripeAuthenticationError),
        (404, StripeNotFoundError),
        (400, StripeInvalidRequestError),
    ],
)
async def test_status_maps_to_type(status: int, error: type[Exception]) -> None:
    transport, seen = _mock(_resp(status))
    async with _client(transport) as client:
        with pytest.raises(error):
            await client.get_account()
    assert len(seen) == 1


async def test_the_limiter_is_awaited_before_every_attempt() -> None:
    keys: list[str] = []

    class Recording:
        async def acquire(self, key: str) -> None:
            keys.append(key)

    transport, _ = _mock(_resp(429), _resp(200, {"id": "cus_1"}))
    config = _config()
    async with StripeClient(
        config, transport=transport, rate_limiter=Recording(), sleep=Sleeps()
    ) as client:
        await client.retrieve(resources.get("customer"), "cus_1")
    assert keys == ["GET /v1/customers/{id}"] * 2


async def test_retried_429_logs_a_warning_with_the_reason(
    caplog: pytest.LogCaptureFixture,
) -> None:
    transport, _ = _mock(
        _resp(429, Stripe_Rate_Limited_Reason="endpoint-rate"), _resp(200, {"id": "cus_1"})
    )
    caplog.set_level(logging.DEBUG, logger="stripe_sync.client")
    async with _client(transport) as client:
        await client.retrieve(resources.get("customer"), "cus_1")
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    record: Any = warnings[0]
    assert record.rate_limited_reason == "endpoint-rate"
    assert record.status == 429
    assert record.request_id == "req_test"
    assert record.path == "/v1/customers/cus_1"
    assert record.attempt == 0
    assert "endpoint-rate" in record.getMessage()
    assert len([r for r in caplog.records if r.levelno == logging.DEBUG]) == 2
    assert all(KEY not in r.getMessage() for r in caplog.records)


async def test_config_logger_is_used(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("my.app.stripe")
    transport, _ = _mock(_resp(503), _resp(200, {}))
    caplog.set_level(logging.WARNING, logger="my.app.stripe")
    async with StripeClient(_config(logger=logger), transport=transport, sleep=Sleeps()) as c:
        await c.get_account()
    assert [r.name for r in caplog.records] == ["my.app.stripe"]


def test_a_key_is_required() -> None:
    with pytest.raises(ConfigError):
        StripeClient(StripeSyncConfig())


def test_encode_matches_stripe_bracket_notation() -> None:
    params: dict[str, Any] = {
        "metadata": {"k": "v"},
        "expand": ["x", "y"],
        "items": [{"price": "p", "quantity": 2}],
        "flag": False,
        "description": None,
    }
    assert encode(params).replace("%5B", "[").replace("%5D", "]") == (
        "metadata[k]=v&expand[]=x&expand[]=y&items[0][price]=p&items[0][quantity]=2"
        "&flag=false&description="
    )
