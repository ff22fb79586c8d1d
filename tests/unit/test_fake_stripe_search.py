"""The fake's search endpoints against brute force: the query subset, paging by ``next_page``,
``total_count`` only when expanded (and only up to 10,000), refused fields and the shared
search rate limit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from stripe_sync.testing import FakeStripe

T0 = 1_700_000_000


@pytest.fixture
def fake() -> Iterator[FakeStripe]:
    with FakeStripe(seed=11) as fake:
        yield fake


async def _search(client: httpx.AsyncClient, path: str, **params: Any) -> httpx.Response:
    return await client.get(path, params=params)


async def test_a_created_range_is_counted_and_paged_newest_first(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    ids = fake.seed("customer", 250, created_range=(T0, T0 + 1000))
    inside = {i for i in ids if T0 + 200 <= fake.get("customer", i)["created"] < T0 + 700}
    query = f"created>={T0 + 200} AND created<{T0 + 700}"
    first = await _search(client, "/v1/customers/search", query=query, limit=1)
    assert first.status_code == 200, first.text
    assert "total_count" not in first.json(), "only when expanded"
    seen: list[dict[str, Any]] = []
    params: dict[str, Any] = {"query": query, "limit": 40, "expand[]": "total_count"}
    while True:
        body = (await _search(client, "/v1/customers/search", **params)).json()
        assert body["object"] == "search_result"
        assert body["url"] == "/v1/customers/search"
        assert body["total_count"] == len(inside)
        seen += body["data"]
        if not body["has_more"]:
            assert body["next_page"] is None
            break
        params["page"] = body["next_page"]
    assert len(seen) == len(inside)
    assert {c["id"] for c in seen} == inside
    assert [c["created"] for c in seen] == sorted((c["created"] for c in seen), reverse=True)


async def test_clauses_negation_or_and_metadata(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    fake.seed("customer", 5, created_range=(T0, T0 + 10), fields={"email": "amy@rocketrides.io"})
    fake.seed("customer", 3, created_range=(T0, T0 + 10), fields={"metadata": {"tier": "gold"}})
    count = {"expand[]": "total_count", "limit": 1}
    cases = {
        "email:'amy@rocketrides.io'": 5,
        "-email:'amy@rocketrides.io'": 3,
        "metadata['tier']:'gold'": 3,
        "email:'amy@rocketrides.io' OR metadata['tier']:'gold'": 8,
        "email~'rocketrides' AND metadata['tier']:'gold'": 0,
        f"created>={T0} created<={T0 + 10}": 8,
    }
    for query, expected in cases.items():
        body = (await _search(client, "/v1/customers/search", query=query, **count)).json()
        assert body.get("total_count") == expected, (query, body)


async def test_a_count_over_ten_thousand_is_only_a_lower_bound(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    fake.seed("charge", 10_050, created_range=(T0, T0 + 100))
    body = (
        await _search(
            client,
            "/v1/charges/search",
            query=f"created>={T0}",
            limit=1,
            **{"expand[]": "total_count"},
        )
    ).json()
    assert body["total_count"] == 10_000
    assert body["has_more"] is True


@pytest.mark.parametrize(
    ("path", "query", "param"),
    [
        ("/v1/products/search", "created>1", "query"),  # products are not searched by created
        ("/v1/customers/search", "nickname:'x'", "query"),
        ("/v1/customers/search", "email:'a' AND name:'b' OR phone:'c'", "query"),
        ("/v1/customers/search", "created>=yesterday", "query"),
        ("/v1/customers/search", "email~'ab'", "query"),
    ],
)
async def test_queries_stripe_refuses_are_refused(
    fake: FakeStripe, client: httpx.AsyncClient, path: str, query: str, param: str
) -> None:
    response = await _search(client, path, query=query)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert error["param"] == param


async def test_bad_paging_and_missing_query_are_refused(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    missing = await _search(client, "/v1/customers/search")
    assert missing.status_code == 400
    bad_page = await _search(client, "/v1/customers/search", query="email:'x'", page="nope")
    assert bad_page.status_code == 400
    assert bad_page.json()["error"]["param"] == "page"
    unknown = await _search(client, "/v1/customers/search", query="email:'x'", created="1")
    assert unknown.status_code == 400


async def test_every_search_endpoint_shares_one_rate_limit(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    fake.configure(search_rps=3.0, list_rps=100.0)
    statuses = [
        (await _search(client, path, query="metadata['a']:'b'")).status_code
        for path in ("/v1/customers/search", "/v1/charges/search", "/v1/invoices/search") * 2
    ]
    assert statuses[:3] == [200, 200, 200]
    assert 429 in statuses[3:]
    listed = await client.get("/v1/customers")
    assert listed.status_code == 200, "lists have their own limit"
