"""One fake, one mode: a live key serves live objects and events, a test key test ones."""

from __future__ import annotations

import httpx
import pytest

from stripe_sync.testing import FakeStripe, encode

LIVE_KEY = "sk_live_fakekey_abcd1234wxyz"
TEST_KEY = "sk_test_fakekey_abcd1234wxyz"


@pytest.mark.parametrize(
    ("key", "livemode"),
    [(LIVE_KEY, True), (TEST_KEY, False), ("rk_live_restricted_0001", True)],
)
async def test_objects_events_and_endpoints_carry_the_keys_mode(key: str, livemode: bool) -> None:
    with FakeStripe(api_keys=(key,), account_id="acct_1ModesTogether0", seed=3) as fake:
        fake.seed("customer", 2)  # stored sparse: served from the template
        fake.seed("invoice", 1)
        transport = httpx.ASGITransport(app=fake.app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://fake",
            headers={"Authorization": f"Bearer {key}"},
        ) as client:
            created = await client.post(
                "/v1/customers",
                content=encode({"email": "a@example.com"}),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            assert created.status_code == 200, created.text
            assert created.json()["livemode"] is livemode
            listed = (await client.get("/v1/customers")).json()["data"]
            assert len(listed) == 3
            assert {c["livemode"] for c in listed} == {livemode}
            invoice = (await client.get("/v1/invoices")).json()["data"][0]
            assert invoice["livemode"] is livemode
            # Embedded children are served in the parent's mode too.
            assert {line["livemode"] for line in invoice["lines"]["data"]} <= {livemode}
            events = (await client.get("/v1/events")).json()["data"]
            assert events, "creating a customer records an event"
            assert {e["livemode"] for e in events} == {livemode}
            assert {e["data"]["object"]["livemode"] for e in events} == {livemode}
        endpoint = fake.add_webhook_endpoint("https://example.com/hook")
        assert endpoint["livemode"] is livemode


def test_a_fake_is_live_or_test_never_both() -> None:
    with pytest.raises(ValueError, match="one mode"):
        FakeStripe(api_keys=(LIVE_KEY, TEST_KEY))


def test_the_default_key_is_a_test_key() -> None:
    with FakeStripe() as fake:
        assert fake.livemode is False
        fake.seed("product", 1)
        assert fake.dispatch("GET", "/v1/products", {})["data"][0]["livemode"] is False
