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
import pytest

from stripe_sync import Outcome
from stripe_sync.backfill import listable_objects
from stripe_sync.errors import UnknownObjectError
from stripe_sync.resources import REGISTRY, UNROUTED_EVENTS, Resource
from stripe_sync.testing import FakeStripe
from stripe_sync.testing.every import PARENTS
from stripe_sync.testing.router import endpoint_key
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


#: Resources a restricted key may lack, of every kind of list: top-level with created windows,
#: plain walks, per parent (persons, fee refunds, a financial account's transactions) and
#: those a required filter selects (tax registrations, status=all).
DENIED = (
    "payout",
    "topup",
    "issuing_card",
    "terminal_reader",
    "tax_registration",
    "billing_meter",
    "person",
    "application_fee_refund",
    "treasury_transaction",
    "identity_verification_session",
)


def needed_lists(resource: Resource) -> list[tuple[str, str]]:
    """``(resource, endpoint)`` of every list a backfill of ``resource`` calls, the parents'
    first (a list per parent walks its parent's list)."""
    if resource.list_per_parent is not None:
        parent = REGISTRY[resource.list_per_parent.parent]
        return [*needed_lists(parent), (resource.name, f"GET {resource.list_per_parent.path}")]
    assert resource.list_path is not None
    return [(resource.name, f"GET {resource.list_path}")]


async def test_a_restricted_key_costs_only_the_resources_it_cannot_read(
    fake: FakeStripe, database_url: str
) -> None:
    fake.seed_realistic(10)
    fake.seed_every_resource(2)
    denied = dict(needed_lists(REGISTRY[name])[-1] for name in DENIED)
    fake.deny(*denied.values())
    async with make_sync(fake, database_url, auto_expand_lists=True) as sync:
        result = await sync.process_until_done("all")
    assert result.status == "error"
    # A resource fails when a list it needs is refused: its own, or its parent's (an issuing
    # card's tokens are listed per card), for the first permission missing on the way.
    missing = {}
    for name in listable_objects():
        refused = [who for who, endpoint in needed_lists(REGISTRY[name]) if who in denied]
        if refused:
            missing[name] = refused[0]
    assert set(DENIED) < set(missing)
    failed = {name for name, o in result.objects.items() if o.status == "error"}
    assert failed == set(missing)
    for name, lacking in missing.items():
        (error,) = result.objects[name].errors  # recorded once
        assert "does not have the required permissions" in error, name
        assert f"'rak_{lacking}_read' permission" in error, name  # names what is missing
    for name, endpoint in denied.items():
        # Never retried: asked once per resource that needs it (a list per parent asks for
        # the parents of its first batch at once, here at most the fake's PARENTS).
        needers = sum(1 for lacking in missing.values() if lacking == name)
        per_parent = REGISTRY[name].list_per_parent is not None
        assert (
            needers
            <= fake.refused[endpoint_key(endpoint)]
            <= needers * (PARENTS if per_parent else 1)
        ), name
    counts = table_counts(database_url)
    # Objects a readable parent embeds still arrive with it (an application fee's refunds).
    embedded = {n.child for r in REGISTRY.values() if r.name not in missing for n in r.nested_lists}
    for resource in REGISTRY.values():
        if resource.name not in missing:
            assert counts[resource.table] > 0, resource.name
        elif resource.name not in embedded:
            assert counts[resource.table] == 0, resource.name
    assert embedded & set(missing) == {"application_fee_refund"}


async def test_sync_single_entity_takes_every_new_resource_by_its_id_prefix(
    fake: FakeStripe, database_url: str
) -> None:
    fake.seed_realistic(3)
    fake.seed_every_resource(1)
    first = set(list(REGISTRY)[:32])  # the tables before 0020
    by_prefix = [
        r for r in REGISTRY.values() if r.id_prefixes and r.name not in first | {"account"}
    ]
    synced: list[str] = []
    async with make_sync(fake, database_url, backfill_related_entities=False) as sync:
        for resource in by_prefix:
            ids = fake_ids(fake, resource.name)
            if not ids or resource.retrieve_path is None:
                continue
            object_id = sorted(ids)[0]
            if "{parent}" in resource.retrieve_path:
                # Stripe retrieves it only under its parent, which its id does not tell.
                with pytest.raises(UnknownObjectError, match="retrieved only under"):
                    await sync.sync_single_entity(object_id)
                continue
            result = await sync.sync_single_entity(object_id)
            # (Unchanged: written already inside its parent, a value list's items.)
            assert result.outcome in (Outcome.WRITTEN, Outcome.UNCHANGED), (resource.name, result)
            assert result.object == resource.name
            assert set(rows(database_url, resource.table, f"id = '{object_id}'")) == {object_id}
            synced.append(resource.name)
        # A connected account by its acct_ id.
        (connected,) = set(fake.store.accounts) - {fake.account_id}
        result = await sync.sync_single_entity(connected)
        assert result.outcome is Outcome.WRITTEN
        assert set(rows(database_url, "connected_accounts")) == {connected}
    assert len(synced) > 40
