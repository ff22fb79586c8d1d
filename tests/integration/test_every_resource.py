"""Every registry resource through the real paths, against the fake Stripe (issue 15).

The fake serves every resource from Stripe's example objects (``FakeStripe.seed_every_resource``,
data-driven); the backfill of ``all`` must fill every table, a restricted key that lacks some
permissions must cost only those resources, and every webhook event type whose object has a
table must land in it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import psycopg

from stripe_sync import Outcome
from stripe_sync.backfill import listable_objects
from stripe_sync.resources import REGISTRY, UNROUTED_EVENTS, Resource
from stripe_sync.testing import FakeStripe
from stripe_sync.testing.templates import fixture
from tests.integration.helpers import make_sync, rows

REPO = Path(__file__).resolve().parents[2]


def fake_ids(fake: FakeStripe, name: str) -> set[str]:
    table = fake.store.platform.tables.get(name)
    return set(table.records) if table is not None else set()


def table_counts(url: str) -> dict[str, int]:
    """Live rows per object table (the views people query)."""
    counts: dict[str, int] = {}
    with psycopg.connect(url) as conn:
        for resource in REGISTRY.values():
            (n,) = conn.execute(
                psycopg.sql.SQL("SELECT count(*) FROM stripe.{} WHERE NOT deleted").format(
                    psycopg.sql.Identifier(resource.table)
                )
            ).fetchone() or (0,)
            counts[resource.table] = int(n)
    return counts


def db_ids(url: str, table: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {
            str(r[0])
            for r in conn.execute(
                psycopg.sql.SQL("SELECT id FROM stripe.{} WHERE NOT deleted").format(
                    psycopg.sql.Identifier(table)
                )
            )
        }


async def test_backfill_all_fills_every_table(fake: FakeStripe, database_url: str) -> None:
    fake.seed_realistic(20)
    added = fake.seed_every_resource(3)
    assert len(added) > 60
    async with make_sync(fake, database_url, auto_expand_lists=True) as sync:
        result = await sync.process_until_done("all")
    assert result.status == "complete", result.errors
    assert set(result.objects) == set(listable_objects())
    counts = table_counts(database_url)
    assert len(counts) >= 80
    assert {t: n for t, n in counts.items() if n == 0} == {}
    # Exactly the fake's objects, on the platform account (connected accounts are rows of
    # connected_accounts; their own data is synced with process_connected_accounts).
    for resource in REGISTRY.values():
        if resource.name == "account":
            expected = set(fake.store.accounts) - {fake.account_id}
        else:
            expected = fake_ids(fake, resource.name)
        assert db_ids(database_url, resource.table) == expected, resource.name


def webhook_event_types() -> list[str]:
    """Every webhook event type of the pinned API version (the SDK's enum)."""
    sdk = json.loads((REPO / "vendor" / "stripe-sdk" / "resources.json").read_text("utf-8"))
    return sorted(sdk["webhook_events"])


def owner(event_type: str) -> Resource | None:
    return next((r for r in REGISTRY.values() if event_type in r.event_types), None)


def carried_object(resource: Resource, event_type: str, n: int) -> dict[str, Any]:
    """Stripe's example of what ``event_type`` carries: the row's object, or another
    ``object`` value of the row that the type names (an active entitlement summary)."""
    name = next(
        (o for o in resource.event_objects if event_type.startswith(o + ".")), resource.object
    )
    obj = fixture(name)
    if name == resource.object:
        obj["id"] = f"{obj.get('id') or 'obj'}_{n}"
    return obj


async def test_every_webhook_event_type_lands_in_its_table_or_is_a_named_skip(
    fake: FakeStripe, database_url: str
) -> None:
    types = webhook_event_types()
    assert len(types) > 200
    landed: dict[str, str] = {}
    async with make_sync(fake, database_url, backfill_related_entities=False) as sync:
        for n, event_type in enumerate(types):
            resource = owner(event_type)
            if resource is None:
                # Not routed to any table: named in the registry, with the object skipped.
                assert event_type in UNROUTED_EVENTS, event_type
                continue
            obj = carried_object(resource, event_type, n)
            if obj["object"] != resource.object and resource.parent:
                # A summary of a parent's complete list: the parent exists in the fake.
                obj[resource.parent] = fake.seed(resource.parent, 1)[0]
                for value in obj.values():
                    if isinstance(value, dict) and value.get("object") == "list":
                        value["has_more"] = False
            event = {
                "id": f"evt_every_{n}",
                "object": "event",
                "type": event_type,
                "created": 1_735_689_600 + n,
                "livemode": False,
                "data": {"object": obj},
            }
            result = await sync.process_event(event)
            assert result.outcome in (Outcome.WRITTEN, Outcome.DELETED, Outcome.REPLACED), (
                event_type,
                result,
            )
            if result.outcome is Outcome.REPLACED:
                # A summary: the parent's rows (each active entitlement of the customer).
                parent = str(obj[resource.parent or ""])
                found = rows(database_url, resource.table, f"{resource.parent} = '{parent}'")
                assert len(found) == len(obj["entitlements"]["data"]), event_type
            else:
                found = rows(database_url, resource.table, f"id = '{obj['id']}'")
                assert len(found) == 1, event_type
                deleted = found[obj["id"]]["deleted"]
                assert deleted == (result.outcome is Outcome.DELETED), event_type
            landed[event_type] = resource.table
    # Far more than the first 28 objects' events, into far more tables.
    assert len(landed) > 150
    assert len(set(landed.values())) > 50
    assert set(landed) | (set(types) & UNROUTED_EVENTS) == set(types)
    # A named skip is skipped even when its object has a table (a customer's card).
    card = {"id": "card_every", "object": "card", "customer": "cus_every", "last4": "4242"}
    async with make_sync(fake, database_url) as sync:
        skipped = await sync.process_event(
            {
                "id": "evt_every_card",
                "object": "event",
                "type": "customer.source.created",
                "created": 1_735_689_600,
                "livemode": False,
                "data": {"object": card},
            }
        )
    assert skipped.outcome is Outcome.SKIPPED
    assert rows(database_url, "external_accounts", "id = 'card_every'") == {}
