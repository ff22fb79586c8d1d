"""Every webhook body gets a deliberate answer: a fuzz corpus of 1,200 malformed deliveries.

400 for what can never be valid (a bad or missing signature, a body that is not a Stripe
event), 200 for a verified event (written, skipped, or kept as a dead letter when it cannot be
applied), 503 only for transient trouble, which none of these is. A 500 makes Stripe deliver
the same body again for three days, so none may answer 500.

The corpus is generated from a fixed seed (the same bodies on every run): mutations of a real
signed event (fields of the wrong type, truncations, lone surrogates, NUL characters, deep
nesting, huge numbers, bytes that are not UTF-8) signed with the right secret, and the same
kinds of body unsigned or wrongly signed. Those that regressed once are listed by name too.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import psycopg
import pytest
from psycopg import sql

from stripe_sync import AsyncStripeSync
from stripe_sync.server import create_app
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import WEBHOOK_SECRET, rows
from tests.integration.test_server import customer_created, signed

#: Bodies of the corpus (signed and unsigned together).
CORPUS_SIZE = 1200

_ODD_VALUES: tuple[Any, ...] = (
    None,
    0,
    -1,
    5,
    2**70,
    1.5,
    1e308,
    True,
    "",
    " ",
    "\u0000",
    "\ud800",
    "é" * 3,
    [],
    [1, "x"],
    {},
    {"object": "customer"},
    "x" * 5000,
)

#: Paths in an event whose value the mutations replace (or delete).
_PATHS: tuple[tuple[str, ...], ...] = (
    ("id",),
    ("object",),
    ("type",),
    ("created",),
    ("account",),
    ("livemode",),
    ("api_version",),
    ("data",),
    ("data", "object"),
    ("data", "object", "id"),
    ("data", "object", "object"),
    ("data", "object", "created"),
    ("data", "object", "metadata"),
    ("data", "object", "email"),
    ("data", "previous_attributes"),
)


def _set(event: dict[str, Any], path: tuple[str, ...], value: Any, delete: bool) -> None:
    node: Any = event
    for key in path[:-1]:
        if not isinstance(node, dict) or not isinstance(node.get(key), dict):
            return
        node = node[key]
    if isinstance(node, dict):
        if delete:
            node.pop(path[-1], None)
        else:
            node[path[-1]] = value


def _encode(value: Any, rng: random.Random) -> bytes:
    # ensure_ascii keeps lone surrogates as escapes (\ud800), which is how they arrive.
    return json.dumps(value, indent=rng.choice((None, 2)), ensure_ascii=True).encode()


def _mutations(template: dict[str, Any]) -> list[Callable[[random.Random], bytes]]:
    def field(rng: random.Random) -> bytes:
        event = json.loads(json.dumps(template))
        for _ in range(rng.randint(1, 3)):
            _set(event, rng.choice(_PATHS), rng.choice(_ODD_VALUES), rng.random() < 0.2)
        return _encode(event, rng)

    def truncated(rng: random.Random) -> bytes:
        body = _encode(template, rng)
        return body[: rng.randrange(len(body))]

    def deep(rng: random.Random) -> bytes:
        depth = rng.choice((100, 1000, 5000, 20000))
        event = json.loads(json.dumps(template))
        body = _encode(event, rng).decode()
        nested = "[" * depth + "]" * depth
        return body.replace('"metadata": {}', f'"metadata": {{"deep": {nested}}}', 1).encode()

    def not_utf8(rng: random.Random) -> bytes:
        body = bytearray(_encode(template, rng))
        for _ in range(rng.randint(1, 4)):
            body[rng.randrange(len(body))] = rng.choice((0x80, 0xC3, 0xFF, 0xED))
        return bytes(body)

    def not_an_event(rng: random.Random) -> bytes:
        return _encode(rng.choice(_ODD_VALUES), rng)

    def garbage(rng: random.Random) -> bytes:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))

    def unknown_type(rng: random.Random) -> bytes:
        event = json.loads(json.dumps(template))
        event["type"] = rng.choice(("fake.thing.happened", "customer.exploded", "x"))
        if rng.random() < 0.5:
            event["data"]["object"]["object"] = rng.choice(("spaceship", "customer", "event"))
        return _encode(event, rng)

    def surrogate_in_id(rng: random.Random) -> bytes:
        event = json.loads(json.dumps(template))
        surrogate = rng.choice(("\ud800", "\udfff", "\ud83d"))
        event["data"]["object"][rng.choice(("id", "name", "description"))] = f"cus_{surrogate}x"
        return _encode(event, rng)

    mutations: list[Callable[[random.Random], bytes]] = [field] * 6
    mutations += [truncated, deep, not_utf8, not_an_event, garbage, unknown_type, surrogate_in_id]
    return mutations


def corpus(template: dict[str, Any]) -> Iterator[tuple[bytes, bool, str]]:
    """``(body, signed_correctly, kind)``; one unsigned or wrongly signed body in four."""
    rng = random.Random(20261204)
    mutations = _mutations(template)
    for _ in range(CORPUS_SIZE):
        mutate = rng.choice(mutations)
        yield mutate(rng), rng.random() >= 0.25, mutate.__name__


@pytest.fixture
async def http(sync: AsyncStripeSync) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(sync=sync)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://sync"
    ) as client:
        yield client


def headers_for(
    body: bytes, sign: bool, rng: random.Random, secret: str = WEBHOOK_SECRET
) -> dict[str, str]:
    """Signed with ``secret``, or (``sign`` false) one of the ways of not being so."""
    if sign:
        return signed(body, secret)
    return rng.choice(
        (
            {},
            {"Stripe-Signature": ""},
            {"Stripe-Signature": "t=abc,v1=00"},
            signed(body, "whsec_not_the_secret_000000000000"),
            {"Stripe-Signature": signed(body, secret)["Stripe-Signature"].replace("v1=", "v0=")},
        )
    )


async def post(http: httpx.AsyncClient, body: bytes, sign: bool, rng: random.Random) -> int:
    response = await http.post("/webhooks", content=body, headers=headers_for(body, sign, rng))
    return response.status_code


async def test_no_malformed_delivery_gets_a_5xx(
    http: httpx.AsyncClient, fake: FakeStripe, database_url: str
) -> None:
    template = customer_created(fake, "Fuzz")
    rng = random.Random(7)
    statuses: Counter[tuple[str, bool, int]] = Counter()
    for body, sign, kind in corpus(template):
        statuses[(kind, sign, await post(http, body, sign, rng))] += 1
    answered = sum(statuses.values())
    assert answered == CORPUS_SIZE
    server_errors = {k: n for k, n in statuses.items() if k[2] >= 500}
    assert not server_errors, server_errors
    # Unsigned or wrongly signed: always 400, whatever the body.
    assert {status for (_, sign, status) in statuses if not sign} == {400}
    # Signed: both answers occur (the corpus is not all rejected, nor all accepted).
    signed_statuses = {status for (_, sign, status) in statuses if sign}
    assert signed_statuses == {200, 400}
    # The 200s left a trace: events applied or skipped, or kept as dead letters.
    accepted = sum(n for (_, sign, status), n in statuses.items() if sign and status == 200)
    assert accepted > 0
    assert total(database_url, "_processed_events") + total(database_url, "_dead_letters") > 0


def total(url: str, table: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            sql.SQL("SELECT count(*) FROM stripe.{}").format(sql.Identifier(table))
        ).fetchone()
    assert row is not None
    return int(row[0])


def _signed_event(event: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(event).encode()
    return body, signed(body)


async def test_a_lone_surrogate_is_400_and_writes_nothing(
    http: httpx.AsyncClient, fake: FakeStripe, database_url: str
) -> None:
    # Stripe never sends one; PostgreSQL's jsonb cannot store one, nor could a dead letter.
    event = customer_created(fake, "Surrogate")
    event["data"]["object"]["id"] = "cus_\ud800x"
    body, headers = _signed_event(event)
    response = await http.post("/webhooks", content=body, headers=headers)
    assert response.status_code == 400
    assert "surrogate" in response.text
    assert rows(database_url, "customers") == {}
    assert total(database_url, "_dead_letters") == 0


async def test_a_body_nested_5000_deep_is_400(
    http: httpx.AsyncClient, fake: FakeStripe, database_url: str
) -> None:
    event = customer_created(fake, "Deep")
    nested = "[" * 5000 + "]" * 5000
    text = json.dumps(event).replace('"metadata": {}', f'"metadata": {{"d": {nested}}}', 1)
    assert nested in text
    body = text.encode()
    response = await http.post("/webhooks", content=body, headers=signed(body))
    assert response.status_code == 400
    assert "nested too deeply" in response.text
    assert rows(database_url, "customers") == {}


@pytest.mark.parametrize("account", [5, {"id": "acct_1"}, "", ["acct_1"], True])
async def test_an_account_that_is_not_an_id_is_400_not_the_platform(
    http: httpx.AsyncClient, fake: FakeStripe, database_url: str, account: Any
) -> None:
    event = customer_created(fake, "Account")
    event["account"] = account
    body, headers = _signed_event(event)
    response = await http.post("/webhooks", content=body, headers=headers)
    assert response.status_code == 400
    assert response.json()["error"].startswith('malformed event: "account" is')
    assert rows(database_url, "customers") == {}
