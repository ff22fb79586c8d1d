"""A database with something on every part of the status page, for its tests (in process and
in the browser): backfilled customers and products, a managed webhook endpoint and a dead
letter (a Connect event of an account the key cannot reach)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stripe_sync.testing import FakeStripe
from tests.integration.helpers import make_sync, rows

#: A connected account the key cannot reach: its events become dead letters.
UNREACHABLE = "acct_1StatusPageDead0"
ENDPOINT_URL = "https://sync.example.com/webhooks"


@dataclass(frozen=True)
class Seeded:
    account_id: str
    customer_ids: list[str]
    webhook_id: str
    webhook_secret: str
    dead_event_id: str


async def seed_status(fake: FakeStripe, database_url: str) -> Seeded:
    customers = [
        fake.call("POST", "/v1/customers", {"name": name})["id"]
        for name in ("Ada Lovelace", "Grace Hopper", "Alan Turing")
    ]
    fake.call("POST", "/v1/products", {"name": "Pro plan"})
    async with make_sync(fake, database_url, revalidate_objects_via_stripe_api=("coupon",)) as sync:
        await sync.process_until_done(["customer", "product"])
        webhook = await sync.find_or_create_managed_webhook(ENDPOINT_URL)
        dead = _coupon_event_of_unreachable_account(fake)
        result = await sync.process_event(dead)
        assert result.outcome.value == "failed", result
        account_id = str((await sync.get_current_account())["id"])
    secret = str(rows(database_url, "_managed_webhooks")[webhook["id"]]["secret"])
    return Seeded(account_id, customers, str(webhook["id"]), secret, str(dead["id"]))


def _coupon_event_of_unreachable_account(fake: FakeStripe) -> dict[str, Any]:
    fake.call("POST", "/v1/coupons", {"id": "STATUS25", "percent_off": 25})
    (event,) = [
        e for e in fake.events(type_="coupon.created") if e["data"]["object"]["id"] == "STATUS25"
    ]
    return {**event, "account": UNREACHABLE}
