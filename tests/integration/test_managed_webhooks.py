"""Managed webhook endpoints against the fake Stripe and a real PostgreSQL.

Creation pins the API version and the event list and marks the endpoint with this installation's
id; find-or-create reuses a usable endpoint, replaces a disabled or vanished one and gives
concurrent callers one endpoint; orphan clean-up reads every page and deletes only this
installation's untracked endpoints; a delivery signed with a managed endpoint's secret is
accepted by ``process_webhook``.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import psycopg
import pytest
from psycopg import sql

from stripe_sync import (
    AsyncStripeSync,
    ConfigError,
    Outcome,
    SignatureVerificationError,
    StripeServerError,
    StripeSync,
    run_migrations,
)
from stripe_sync.events import SUPPORTED_EVENT_TYPES
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import count, make_config, make_sync, rows

URL = "https://sync.example.com/webhooks"
OTHER_URL = "https://other.example.com/webhooks"
ROW_FIELDS = {
    "id",
    "url",
    "account_id",
    "enabled_events",
    "status",
    "api_version",
    "description",
    "metadata",
    "installation_id",
    "created_at",
    "updated_at",
    "mode",
}


def endpoints(fake: FakeStripe) -> dict[str, dict[str, Any]]:
    """Every endpoint in the fake by id, as Stripe stores it (``_secret`` included)."""
    return dict(fake.webhooks.endpoints)


def installation_id(url: str, schema: str = "stripe") -> str:
    with psycopg.connect(url) as conn:
        statement = sql.SQL('SELECT id FROM {}."_installation"').format(sql.Identifier(schema))
        row = conn.execute(statement).fetchone()
    assert row is not None
    return str(row[0])


def stored_secret(url: str, webhook_id: str) -> str:
    return str(rows(url, "_managed_webhooks")[webhook_id]["secret"])


def add_foreign_endpoint(fake: FakeStripe, url: str, metadata: dict[str, str]) -> str:
    """An endpoint made by someone else on the same account (another deployment, a person)."""
    created = fake.call(
        "POST",
        "/v1/webhook_endpoints",
        {"url": url, "enabled_events": ["*"], "metadata": metadata},
    )
    return str(created["id"])


# -- creating ------------------------------------------------------------------------------------


async def test_create_pins_version_events_and_installation(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    created = await sync.create_managed_webhook(
        URL,
        ["customer.created", "customer.updated"],
        description="mirror",
        metadata={"team": "billing"},
    )

    assert set(created) == ROW_FIELDS  # no secret in the result
    assert created["mode"] == "test"  # the endpoint's livemode (a test key's)
    installation = installation_id(database_url)
    identity = {"managed_by": "stripe-sync", "installation_id": installation}
    (endpoint,) = endpoints(fake).values()
    assert endpoint["id"] == created["id"]
    assert endpoint["url"] == URL
    assert endpoint["api_version"] == sync.config.stripe_api_version
    assert endpoint["enabled_events"] == ["customer.created", "customer.updated"]
    assert endpoint["description"] == "mirror"
    assert endpoint["metadata"] == {"team": "billing", **identity}

    row = rows(database_url, "_managed_webhooks")[created["id"]]
    assert row["secret"] == endpoint["_secret"]
    assert row["account_id"] == fake.account_id
    assert row["installation_id"] == installation
    assert row["api_version"] == sync.config.stripe_api_version
    assert row["enabled_events"] == ["customer.created", "customer.updated"]
    assert row["status"] == "enabled"
    assert row["metadata"] == endpoint["metadata"]
    assert created == {k: v for k, v in row.items() if k != "secret"}

    with pytest.raises(ConfigError, match="already exists"):
        await sync.create_managed_webhook(URL, ["customer.created"])
    assert len(endpoints(fake)) == 1


async def test_create_refuses_an_empty_event_list(sync: AsyncStripeSync, fake: FakeStripe) -> None:
    with pytest.raises(ConfigError, match="at least one"):
        await sync.create_managed_webhook(URL, [])
    with pytest.raises(ConfigError, match="list"):
        await sync.create_managed_webhook(URL, "customer.created")
    assert endpoints(fake) == {}


async def test_find_or_create_defaults_to_every_supported_event(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    first = await sync.find_or_create_managed_webhook(URL)
    second = await sync.find_or_create_managed_webhook(URL)

    assert second["id"] == first["id"]
    (endpoint,) = endpoints(fake).values()
    assert endpoint["enabled_events"] == list(SUPPORTED_EVENT_TYPES)
    # The discounts' events come too: the billing metrics read their objects (_discounts).
    assert "customer.discount.deleted" in endpoint["enabled_events"]
    # The edge functions' list (SQL) is the same.
    with psycopg.connect(database_url) as conn:
        listed = conn.execute('SELECT stripe."_webhook_event_types_v1"()').fetchone()
    assert listed == (list(SUPPORTED_EVENT_TYPES),)
    assert endpoint["api_version"] == sync.config.stripe_api_version
    assert count(database_url, "_managed_webhooks") == 1
    assert "secret" not in first
    assert "secret" not in second


async def test_concurrent_find_or_create_makes_one_endpoint(
    fake: FakeStripe, database_url: str
) -> None:
    # Latency makes the five calls overlap inside the fake.
    fake.configure(latency_ms=20)
    engines = [make_sync(fake, database_url) for _ in range(5)]
    try:
        results = await asyncio.gather(
            *(engine.find_or_create_managed_webhook(URL) for engine in engines)
        )
    finally:
        for engine in engines:
            await engine.close()

    assert len(endpoints(fake)) == 1
    assert {r["id"] for r in results} == set(endpoints(fake))
    assert count(database_url, "_managed_webhooks") == 1


async def test_failed_create_stores_nothing_and_releases_the_lock(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    fake.configure(server_error_probability=1.0)
    with pytest.raises(StripeServerError):
        await sync.find_or_create_managed_webhook(URL)
    assert count(database_url, "_managed_webhooks") == 0

    fake.configure(server_error_probability=0.0)
    created = await sync.find_or_create_managed_webhook(URL)
    assert set(endpoints(fake)) == {created["id"]}


async def test_reuse_brings_the_event_list_up_to_date(
    sync: AsyncStripeSync, fake: FakeStripe
) -> None:
    first = await sync.find_or_create_managed_webhook(URL, ["customer.created"])
    again = await sync.find_or_create_managed_webhook(URL, description="now described")

    assert again["id"] == first["id"]
    assert again["enabled_events"] == list(SUPPORTED_EVENT_TYPES)
    assert again["description"] == "now described"
    assert endpoints(fake)[first["id"]]["enabled_events"] == list(SUPPORTED_EVENT_TYPES)


async def test_disabled_endpoint_is_replaced(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    old = await sync.find_or_create_managed_webhook(URL)
    fake.call("POST", f"/v1/webhook_endpoints/{old['id']}", {"disabled": "true"})

    new = await sync.find_or_create_managed_webhook(URL)

    assert new["id"] != old["id"]
    assert set(endpoints(fake)) == {new["id"]}  # the disabled one was deleted
    assert set(rows(database_url, "_managed_webhooks")) == {new["id"]}
    assert new["status"] == "enabled"


async def test_vanished_endpoint_is_replaced(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    old = await sync.find_or_create_managed_webhook(URL)
    fake.call("DELETE", f"/v1/webhook_endpoints/{old['id']}")

    new = await sync.find_or_create_managed_webhook(URL)

    assert new["id"] != old["id"]
    assert set(endpoints(fake)) == {new["id"]}
    assert set(rows(database_url, "_managed_webhooks")) == {new["id"]}
    assert stored_secret(database_url, new["id"]) == endpoints(fake)[new["id"]]["_secret"]


async def test_endpoint_on_another_api_version_is_replaced(
    fake: FakeStripe, database_url: str
) -> None:
    async with make_sync(fake, database_url, stripe_api_version="2024-06-20") as old_engine:
        old = await old_engine.find_or_create_managed_webhook(URL)
    async with make_sync(fake, database_url) as engine:
        new = await engine.find_or_create_managed_webhook(URL)

    assert new["id"] != old["id"]
    assert new["api_version"] == engine.config.stripe_api_version != "2024-06-20"
    assert set(endpoints(fake)) == {new["id"]}


# -- reading, changing, deleting -----------------------------------------------------------------


async def test_list_and_get(sync: AsyncStripeSync, fake: FakeStripe) -> None:
    one = await sync.create_managed_webhook(URL, ["customer.created"])
    two = await sync.create_managed_webhook(OTHER_URL, ["product.created"])

    listed = await sync.list_managed_webhooks()

    assert [w["id"] for w in listed] == [one["id"], two["id"]]
    assert all(set(w) == ROW_FIELDS for w in listed)
    assert await sync.get_managed_webhook(one["id"]) == one
    assert await sync.get_managed_webhook("we_not_tracked") is None


async def test_update(sync: AsyncStripeSync, fake: FakeStripe, database_url: str) -> None:
    created = await sync.create_managed_webhook(URL, ["customer.created"])
    installation = created["installation_id"]

    updated = await sync.update_managed_webhook(
        created["id"],
        url=OTHER_URL,
        enabled_events=["customer.created", "invoice.paid"],
        disabled=True,
        description="paused",
        # The identifying keys cannot be overwritten.
        metadata={"team": "billing", "installation_id": "someone-else"},
    )

    endpoint = endpoints(fake)[created["id"]]
    assert endpoint["url"] == OTHER_URL
    assert endpoint["status"] == "disabled"
    assert endpoint["enabled_events"] == ["customer.created", "invoice.paid"]
    assert endpoint["metadata"] == {
        "team": "billing",
        "managed_by": "stripe-sync",
        "installation_id": installation,
    }
    row = rows(database_url, "_managed_webhooks")[created["id"]]
    assert updated == {k: v for k, v in row.items() if k != "secret"}
    assert row["url"] == OTHER_URL
    assert row["status"] == "disabled"
    assert row["description"] == "paused"
    assert row["enabled_events"] == ["customer.created", "invoice.paid"]
    assert row["metadata"] == endpoint["metadata"]
    assert row["secret"] == endpoint["_secret"]

    with pytest.raises(ConfigError, match="not a managed webhook"):
        await sync.update_managed_webhook("we_not_tracked", disabled=True)


async def test_delete(sync: AsyncStripeSync, fake: FakeStripe, database_url: str) -> None:
    kept = await sync.create_managed_webhook(OTHER_URL, ["customer.created"])
    created = await sync.create_managed_webhook(URL, ["customer.created"])
    foreign = add_foreign_endpoint(fake, "https://someone.example.com/hook", {})

    assert await sync.delete_managed_webhook(created["id"]) is True
    assert set(endpoints(fake)) == {kept["id"], foreign}
    assert set(rows(database_url, "_managed_webhooks")) == {kept["id"]}

    assert await sync.delete_managed_webhook(created["id"]) is False
    # An endpoint this database does not track is never deleted.
    assert await sync.delete_managed_webhook(foreign) is False
    assert foreign in endpoints(fake)


async def test_delete_tolerates_an_endpoint_gone_from_stripe(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    created = await sync.create_managed_webhook(URL, ["customer.created"])
    fake.call("DELETE", f"/v1/webhook_endpoints/{created['id']}")

    assert await sync.delete_managed_webhook(created["id"]) is True
    assert count(database_url, "_managed_webhooks") == 0


# -- orphan clean-up -----------------------------------------------------------------------------


async def test_cleanup_removes_only_this_installations_untracked_endpoints(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    # A second installation on the same Stripe account: another schema of the same database.
    run_migrations(database_url, "stripe_other")
    other_installation = installation_id(database_url, "stripe_other")
    ours = installation_id(database_url)
    assert other_installation != ours
    async with make_sync(fake, database_url, schema="stripe_other") as other:
        other_tracked = await other.find_or_create_managed_webhook(OTHER_URL)

    tracked = await sync.find_or_create_managed_webhook(URL)
    mine = {"managed_by": "stripe-sync", "installation_id": ours}
    # Orphans of this installation (created in Stripe, never stored, e.g. a crash in between)
    # at both ends of more than one page of the listing.
    first_orphan = add_foreign_endpoint(fake, "https://orphan.example.com/1", mine)
    foreign = [
        add_foreign_endpoint(fake, f"https://someone.example.com/{i}", {"team": "x"})
        for i in range(110)
    ]
    other_orphan = add_foreign_endpoint(
        fake,
        "https://orphan.example.com/other",
        {"managed_by": "stripe-sync", "installation_id": other_installation},
    )
    unmarked = add_foreign_endpoint(fake, "https://orphan.example.com/x", {"installation_id": ours})
    last_orphan = add_foreign_endpoint(fake, "https://orphan.example.com/2", mine)
    assert len(endpoints(fake)) > 100  # more than one page, whatever the page size

    deleted = await sync.cleanup_orphaned_managed_webhooks()

    assert sorted(deleted) == sorted([first_orphan, last_orphan])
    assert set(endpoints(fake)) == {
        tracked["id"],
        other_tracked["id"],
        other_orphan,
        unmarked,
        *foreign,
    }
    assert await sync.cleanup_orphaned_managed_webhooks() == []


# -- verifying deliveries --------------------------------------------------------------------------


async def test_delivery_signed_with_the_managed_secret_is_accepted(
    fake: FakeStripe, database_url: str
) -> None:
    customer = fake.call("POST", "/v1/customers", {"name": "Ada"})
    (event,) = fake.events(type_="customer.created")
    async with make_sync(fake, database_url, stripe_webhook_secret=None) as engine:
        managed = await engine.find_or_create_managed_webhook(URL)
        secret = fake.webhooks.secret_of(managed["id"])
        assert stored_secret(database_url, managed["id"]) == secret

        payload, header = fake.signed_event(event, secret)
        result = await engine.process_webhook(payload, header)
        assert result.outcome is Outcome.WRITTEN
        assert customer["id"] in rows(database_url, "customers")

        await engine.delete_managed_webhook(managed["id"])
        forged, forged_header = fake.signed_event(event, "whsec_not_ours_000000000000000")
        with pytest.raises(SignatureVerificationError):
            await engine.process_webhook(forged, forged_header)


async def test_new_secret_is_used_at_once(fake: FakeStripe, database_url: str) -> None:
    """Creating an endpoint drops the cached secrets, so its first delivery is accepted even
    right after a rejected one (which otherwise holds the cache for a second)."""
    fake.call("POST", "/v1/customers", {"name": "Ada"})
    (event,) = fake.events(type_="customer.created")
    async with make_sync(fake, database_url, stripe_webhook_secret=None) as engine:
        bad, bad_header = fake.signed_event(event, "whsec_not_ours_000000000000000")
        with pytest.raises(SignatureVerificationError):
            await engine.process_webhook(bad, bad_header)
        managed = await engine.create_managed_webhook(URL, ["customer.created"])
        payload, header = fake.signed_event(event, fake.webhooks.secret_of(managed["id"]))
        assert (await engine.process_webhook(payload, header)).applied


# -- the sync face ---------------------------------------------------------------------------------


def test_sync_facade_round_trip(fake: FakeStripe, database_url: str) -> None:
    with StripeSync(
        make_config(fake, database_url),
        http_transport=httpx.ASGITransport(app=fake.app),
        rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
    ) as engine:
        created = engine.find_or_create_managed_webhook(URL, ["customer.created"])
        again = engine.find_or_create_managed_webhook(URL, ["customer.created"])
        assert again["id"] == created["id"]
        assert engine.get_managed_webhook(created["id"]) == again
        assert [w["id"] for w in engine.list_managed_webhooks()] == [created["id"]]
        updated = engine.update_managed_webhook(created["id"], description="d")
        assert updated["description"] == "d"
        assert engine.cleanup_orphaned_managed_webhooks() == []
        assert engine.delete_managed_webhook(created["id"]) is True
        assert engine.list_managed_webhooks() == []
    assert endpoints(fake) == {}


async def test_update_refuses_the_url_of_another_tracked_endpoint(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    """One endpoint per URL, account and mode: moving one onto another's URL is refused before
    Stripe is changed (it used to change Stripe, then fail on the database's unique key)."""
    one = await sync.create_managed_webhook(URL, ["customer.created"])
    two = await sync.create_managed_webhook(OTHER_URL, ["customer.created"])
    with pytest.raises(ConfigError, match=f"{one['id']} already has the URL"):
        await sync.update_managed_webhook(two["id"], url=URL)
    assert endpoints(fake)[two["id"]]["url"] == OTHER_URL
    assert rows(database_url, "_managed_webhooks")[two["id"]]["url"] == OTHER_URL
