"""The status page (``GET /`` of the webhook app) in process, over a seeded database: what it
shows, that it shows no secret, and who it refuses.

The browser's view of it is tests/acceptance/test_status_page_browser.py.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from stripe_sync import AsyncStripeSync, ConfigError
from stripe_sync.server import create_app
from stripe_sync.status_page import COOKIE
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import WEBHOOK_SECRET, make_sync
from tests.integration.status_seed import ENDPOINT_URL, UNREACHABLE, Seeded, seed_status

TOKEN = "status-token-0123456789abcdef"
LOCAL = ("127.0.0.1", 50000)
REMOTE = ("203.0.113.9", 50000)


@pytest.fixture
async def seeded(fake: FakeStripe, database_url: str) -> Seeded:
    return await seed_status(fake, database_url)


@pytest.fixture
async def engine(
    seeded: Seeded, fake: FakeStripe, database_url: str
) -> AsyncIterator[AsyncStripeSync]:
    async with make_sync(fake, database_url) as sync:
        yield sync


def client(
    app: Any, address: tuple[str, int] = LOCAL, base_url: str = "http://sync"
) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=address)
    return httpx.AsyncClient(transport=transport, base_url=base_url)


def basic(password: str, user: str = "ops") -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


async def test_the_page_shows_every_part_of_the_database_and_no_secret(
    engine: AsyncStripeSync, seeded: Seeded, fake: FakeStripe, database_url: str
) -> None:
    async with client(create_app(sync=engine, status_refresh_seconds=3)) as http:
        page = await http.get("/")
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-store"
    assert "script-src" not in page.headers["content-security-policy"]  # default-src 'none'
    html = page.text
    assert '<meta http-equiv="refresh" content="3">' in html
    assert "<script" not in html
    # Per account and object: the backfill's progress and the lag.
    assert seeded.account_id in html
    assert f'id="{seeded.account_id}-customer-test"' in html
    assert f'id="{seeded.account_id}-product-test"' in html
    assert "complete" in html
    # The managed endpoint and its status.
    assert seeded.webhook_id in html
    assert ENDPOINT_URL in html
    assert "enabled" in html
    # The dead letter with its error.
    assert seeded.dead_event_id in html
    assert "StripePermissionError" in html
    assert UNREACHABLE in html
    # Never a secret.
    for secret in (fake.api_key, WEBHOOK_SECRET, seeded.webhook_secret, database_url):
        assert secret not in html


async def test_the_page_follows_an_event(
    engine: AsyncStripeSync, seeded: Seeded, fake: FakeStripe
) -> None:
    async with client(create_app(sync=engine)) as http:
        before = (await http.get("/")).text
        fake.call("POST", f"/v1/customers/{seeded.customer_ids[0]}", {"name": "Ada King"})
        await engine.process_event(fake.events(type_="customer.updated")[0])
        after = (await http.get("/")).text
    row = f'id="{seeded.account_id}-customer-test"'
    assert _row(before, row).count("UTC") == 1  # the backfill only: no event applied yet
    assert _row(after, row).count("UTC") == 2  # now also the event's time


def _row(html: str, marker: str) -> str:
    start = html.index(marker)
    return html[start : html.index("</tr>", start)]


async def test_without_a_token_only_this_machine_may_read_it(
    engine: AsyncStripeSync, fake: FakeStripe
) -> None:
    app = create_app(sync=engine)
    async with client(app, REMOTE) as http:
        refused = await http.get("/")
    assert refused.status_code == 403
    assert "STRIPE_SYNC_STATUS_TOKEN" in refused.text
    assert fake.api_key not in refused.text
    async with client(app, ("::1", 50000)) as http:
        assert (await http.get("/")).status_code == 200
    # A proxy or tunnel on this machine makes every visitor look local: refused.
    async with client(app, LOCAL) as http:
        for header in ("X-Forwarded-For", "Forwarded", "X-Real-IP"):
            proxied = await http.get("/", headers={header: "198.51.100.7"})
            assert proxied.status_code == 403, header


async def test_with_a_token_it_is_refused_without_it(engine: AsyncStripeSync) -> None:
    app = create_app(sync=engine, status_token=TOKEN)
    async with client(app, LOCAL) as http:  # even from this machine
        missing = await http.get("/")
        assert missing.status_code == 401
        assert missing.headers["www-authenticate"].startswith("Basic ")
        assert TOKEN not in missing.text
        for wrong in (
            {"Authorization": "Bearer " + TOKEN[:-1] + "x"},
            {"Authorization": "Bearer " + TOKEN + "x"},
            basic("nope-" + TOKEN),
            {"Authorization": "Basic !!!"},
            {"Cookie": f"{COOKIE}={TOKEN}"},  # the cookie holds a digest, not the token
        ):
            assert (await http.get("/", headers=wrong)).status_code == 401, wrong
        assert (await http.get("/", params={"token": "x" * 20})).status_code == 401


async def test_the_token_opens_it_from_anywhere(engine: AsyncStripeSync) -> None:
    app = create_app(sync=engine, status_token=TOKEN)
    async with client(app, REMOTE) as http:
        assert (await http.get("/", headers={"Authorization": f"Bearer {TOKEN}"})).is_success
        assert (await http.get("/", headers=basic(TOKEN))).is_success
        # ?token= once: a cookie, and the token leaves the URL.
        opened = await http.get("/", params={"token": TOKEN, "x": "1"})
        assert opened.status_code == 303
        assert opened.headers["location"] == "http://sync/?x=1"
        cookie = opened.headers["set-cookie"]
        assert "HttpOnly" in cookie
        assert "SameSite=strict" in cookie
        assert "Path=/;" in cookie
        assert TOKEN not in cookie
        again = await http.get("/")  # the client kept the cookie
        assert again.status_code == 200
        assert "stripe-sync status" in again.text
        http.cookies.clear()
        assert (await http.get("/")).status_code == 401


async def test_mounted_the_page_and_its_cookie_live_under_the_mount_path(
    engine: AsyncStripeSync, seeded: Seeded
) -> None:
    outer = FastAPI()
    outer.mount("/stripe", create_app(sync=engine, status_token=TOKEN))
    async with client(outer, REMOTE) as http:
        opened = await http.get("/stripe/", params={"token": TOKEN})
        assert opened.status_code == 303
        assert opened.headers["location"] == "http://sync/stripe/"
        assert "Path=/stripe/;" in opened.headers["set-cookie"]
        page = await http.get("/stripe/")
        assert page.status_code == 200
        assert seeded.webhook_id in page.text
        http.cookies.clear()
        assert (await http.get("/stripe/")).status_code == 401


async def test_a_switch_turns_it_off(engine: AsyncStripeSync) -> None:
    async with client(create_app(sync=engine, status_page=False)) as http:
        assert (await http.get("/")).status_code == 404
        assert (await http.get("/health")).status_code == 200


def test_a_short_token_is_a_configuration_error(fake: FakeStripe, database_url: str) -> None:
    sync = make_sync(fake, database_url)
    with pytest.raises(ConfigError, match="at least 16"):
        create_app(sync=sync, status_token="short")
