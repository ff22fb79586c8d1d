"""List pagination, ``created`` filters and nested-list truncation against brute force."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from stripe_sync.testing import FakeStripe


@pytest.fixture
def fake() -> Iterator[FakeStripe]:
    with FakeStripe(seed=7) as fake:
        yield fake


def _expected_order(fake: FakeStripe, ids: list[str]) -> list[str]:
    """Newest first; ties by insertion order, newest insertion first."""
    created = {i: fake.get("customer", i)["created"] for i in ids}
    position = {i: n for n, i in enumerate(ids)}
    return sorted(ids, key=lambda i: (created[i], position[i]), reverse=True)


async def _get(client: httpx.AsyncClient, path: str, **params: Any) -> dict[str, Any]:
    response = await client.get(path, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_forward_then_backward_through_1200_objects(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    # A narrow created range forces many same-second ties.
    ids = fake.seed("customer", 1200, created_range=(1_700_000_000, 1_700_000_300))
    expected = _expected_order(fake, ids)

    forward: list[str] = []
    params: dict[str, Any] = {"limit": 100}
    while True:
        page = await _get(client, "/v1/customers", **params)
        forward += [c["id"] for c in page["data"]]
        assert page["url"] == "/v1/customers"
        if not page["has_more"]:
            break
        params["starting_after"] = page["data"][-1]["id"]
    assert forward == expected

    backward: list[str] = []
    params = {"limit": 70, "ending_before": forward[-1]}
    pages = 0
    while True:
        page = await _get(client, "/v1/customers", **params)
        chunk = [c["id"] for c in page["data"]]
        assert chunk == sorted(chunk, key=expected.index)  # newest first within the page
        backward = chunk + backward
        pages += 1
        if not page["has_more"]:
            break
        params["ending_before"] = chunk[0]
    assert [*backward, forward[-1]] == expected
    assert pages == -(-(len(expected) - 1) // 70)


async def test_ends_have_no_more(fake: FakeStripe, client: httpx.AsyncClient) -> None:
    ids = fake.seed("customer", 25)
    order = _expected_order(fake, ids)
    assert (await _get(client, "/v1/customers", limit=25))["has_more"] is False
    assert (await _get(client, "/v1/customers", limit=24))["has_more"] is True
    assert (await _get(client, "/v1/customers", starting_after=order[-1]))["data"] == []
    newest = await _get(client, "/v1/customers", ending_before=order[1])
    assert [c["id"] for c in newest["data"]] == [order[0]]
    assert newest["has_more"] is False


CREATED_CASES = [
    {"created": "{mid}"},
    {"created[gt]": "{mid}"},
    {"created[gte]": "{mid}"},
    {"created[lt]": "{mid}"},
    {"created[lte]": "{mid}"},
    {"created[gt]": "{lo}", "created[lt]": "{hi}"},
    {"created[gte]": "{lo}", "created[lte]": "{hi}"},
    {"created[gte]": "{hi}", "created[lte]": "{lo}"},
    {"created[gt]": "{lo}", "created[lte]": "{mid}"},
]

_OPS = {
    "gt": lambda c, v: c > v,
    "gte": lambda c, v: c >= v,
    "lt": lambda c, v: c < v,
    "lte": lambda c, v: c <= v,
}


@pytest.mark.parametrize("case", CREATED_CASES)
async def test_created_filters_match_brute_force(
    fake: FakeStripe, client: httpx.AsyncClient, case: dict[str, str]
) -> None:
    t0 = 1_650_000_000
    ids = fake.seed("customer", 400, created_range=(t0, t0 + 100))
    created = {i: fake.get("customer", i)["created"] for i in ids}
    values = sorted(set(created.values()))
    marks = {
        "lo": values[len(values) // 4],
        "mid": values[len(values) // 2],
        "hi": values[3 * len(values) // 4],
    }
    params = {k: v.format(**marks) for k, v in case.items()}

    def keep(ts: int) -> bool:
        for key, raw in params.items():
            v = int(raw)
            if key == "created" and ts != v:
                return False
            if key.startswith("created[") and not _OPS[key[8:-1]](ts, v):
                return False
        return True

    expected = [i for i in _expected_order(fake, ids) if keep(created[i])]
    got: list[str] = []
    query: dict[str, Any] = {"limit": 37, **params}
    while True:
        page = await _get(client, "/v1/customers", **query)
        got += [c["id"] for c in page["data"]]
        if not page["has_more"]:
            break
        query["starting_after"] = got[-1]
    assert got == expected


async def test_filters_and_subscription_status_default(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    cus = fake.seed("customer", 2)
    active = fake.seed("subscription", 5, fields={"customer": cus[0], "status": "active"})
    canceled = fake.seed("subscription", 3, fields={"customer": cus[1], "status": "canceled"})
    default = {s["id"] for s in (await _get(client, "/v1/subscriptions", limit=100))["data"]}
    assert default == set(active)
    every = {
        s["id"] for s in (await _get(client, "/v1/subscriptions", limit=100, status="all"))["data"]
    }
    assert every == set(active) | set(canceled)
    mine = (await _get(client, "/v1/subscriptions", limit=100, status="all", customer=cus[1]))[
        "data"
    ]
    assert {s["id"] for s in mine} == set(canceled)


def _seed_subscription_with_items(fake: FakeStripe, n: int) -> str:
    cus = fake.seed("customer", 1)[0]
    price = fake.seed("price", 1)[0]
    sub = fake.seed("subscription", 1, fields={"customer": cus})[0]
    price_obj = fake.get("price", price)
    fake.seed("subscription_item", n, fields={"subscription": sub, "price": price_obj})
    return sub


async def test_subscription_with_120_items_is_truncated_and_pages(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    sub_id = _seed_subscription_with_items(fake, 120)
    sub = await _get(client, f"/v1/subscriptions/{sub_id}")
    items = sub["items"]
    assert items["object"] == "list"
    assert len(items["data"]) == 10
    assert items["has_more"] is True
    assert items["total_count"] == 120
    assert items["url"] == f"/v1/subscription_items?subscription={sub_id}"

    seen: list[str] = []
    params: dict[str, Any] = {"subscription": sub_id, "limit": 50}
    while True:
        page = await _get(client, "/v1/subscription_items", **params)
        seen += [i["id"] for i in page["data"]]
        if not page["has_more"]:
            break
        params["starting_after"] = seen[-1]
    assert len(seen) == len(set(seen)) == 120
    assert seen[:10] == [i["id"] for i in items["data"]]
    assert all(i["subscription"] == sub_id for i in page["data"])


async def test_invoice_with_250_lines(fake: FakeStripe, client: httpx.AsyncClient) -> None:
    inv = fake.seed("invoice", 1)[0]
    lines = fake.seed("invoice_line_item", 250, fields={"invoice": inv})
    invoice = await _get(client, f"/v1/invoices/{inv}")
    assert len(invoice["lines"]["data"]) == 10
    assert invoice["lines"]["has_more"] is True
    assert invoice["lines"]["url"] == f"/v1/invoices/{inv}/lines"
    seen: list[str] = []
    params: dict[str, Any] = {"limit": 100}
    while True:
        page = await _get(client, f"/v1/invoices/{inv}/lines", **params)
        seen += [line["id"] for line in page["data"]]
        if not page["has_more"]:
            break
        params["starting_after"] = seen[-1]
    assert sorted(seen) == sorted(lines)
    assert len(seen) == len(set(seen))


async def test_random_cursor_pages_are_consistent(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    ids = fake.seed("customer", 300, created_range=(1_600_000_000, 1_600_000_050))
    order = _expected_order(fake, ids)
    rng = random.Random(3)
    for _ in range(20):
        i = rng.randrange(len(order))
        limit = rng.randint(1, 100)
        after = await _get(client, "/v1/customers", starting_after=order[i], limit=limit)
        assert [c["id"] for c in after["data"]] == order[i + 1 : i + 1 + limit]
        assert after["has_more"] == (i + 1 + limit < len(order))
        before = await _get(client, "/v1/customers", ending_before=order[i], limit=limit)
        assert [c["id"] for c in before["data"]] == order[max(0, i - limit) : i]
        assert before["has_more"] == (i - limit > 0)
