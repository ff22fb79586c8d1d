"""``_route_event_v1`` (SQL, ``0013_registry.sql``) routes every event exactly as Python does.

The Supabase edge functions route events with the SQL function; the Python engine with
:func:`stripe_sync.events.route_event` and :func:`stripe_sync.changes.embedded_lists`. Both read
the same registry (``_resources`` is written from ``resources.py`` by the migration runner), and
these tests hold them together on Stripe's example of every object, every event of a realistic
fake account, deletes, stubs, summaries, unmirrored types and malformed events.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.types.json import Jsonb

from stripe_sync.changes import deletion_children, embedded_lists
from stripe_sync.errors import MalformedPayloadError
from stripe_sync.events import Action, route_event
from stripe_sync.resources import REGISTRY, as_rows
from stripe_sync.testing import FakeStripe

REPO_ROOT = Path(__file__).resolve().parents[2]
STRIPE_EXAMPLES = REPO_ROOT / "vendor" / "stripe-openapi" / "fixtures3.json"
EVENT_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "events"


@cache
def _examples() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads(STRIPE_EXAMPLES.read_text())["resources"]
    return data


def _event(obj: dict[str, Any], type_: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": "evt_test",
        "object": "event",
        "type": type_,
        "created": 1_735_689_600,
        "livemode": False,
        "data": {"object": obj},
        **extra,
    }


def python_route(event: dict[str, Any], fetched: dict[str, Any] | None = None) -> dict[str, Any]:
    """Python's answer in the shape ``_route_event_v1`` returns (the fields both compute)."""
    route = route_event(event)
    action = route.action.value
    resource = route.resource
    obj = fetched if fetched is not None else route.object
    assert obj is not None
    objects: list[Any] = [obj]
    children: list[dict[str, Any]] = []
    object_id = None
    parent_id = route.parent_id
    if fetched is not None and resource is not None:
        # A fetched object: a delete only when it says so (ingest.Ingestor._with_object).
        action = "delete" if fetched.get("deleted") is True else "upsert"
        parent_id = None
        if resource.parent:
            value = fetched.get(resource.parent)
            parent_id = value.get("id") if isinstance(value, dict) else value
    if route.action is Action.REPLACE_CHILDREN:
        (listed,) = [v for v in obj.values() if isinstance(v, dict) and v.get("object") == "list"]
        objects = listed["data"]
    elif action in ("upsert", "delete") and resource is not None:
        object_id = obj["id"]
        if action == "delete":
            children = [c.as_json() for c in deletion_children(resource)]
        else:
            for found in embedded_lists(resource, obj):
                must_list = found.has_more or (
                    not found.present and found.nested.expand and found.child.is_child
                )
                child = found.child_list().as_json()
                child.update(present=found.present, must_list=must_list, field=found.nested.field)
                children.append(child)
    return {
        "action": action,
        "resource": resource.name if resource else None,
        "table": resource.table if resource else None,
        "object_id": object_id,
        "parent_id": parent_id,
        "objects": objects,
        "children": children,
        "event_id": route.event_id,
        "event_type": route.event_type,
        "event_created": route.event_created,
        "account": route.account_id,
    }


def sql_route(
    conn: psycopg.Connection[Any], event: dict[str, Any] | None, fetched: dict[str, Any] | None
) -> dict[str, Any]:
    row = conn.execute(
        'SELECT stripe."_route_event_v1"(%s, %s)',
        (Jsonb(event) if event is not None else None, Jsonb(fetched) if fetched else None),
    ).fetchone()
    assert row is not None
    routed: dict[str, Any] = row[0]
    keys = ("table", "parent_column", "objects", "complete")
    for child in routed["children"]:
        assert set(child) >= set(keys)
    return routed


def comparable(route: dict[str, Any]) -> dict[str, Any]:
    """The fields both sides compute; child lists keyed as Python keys them."""
    out = {
        k: route[k]
        for k in (
            "action",
            "resource",
            "table",
            "object_id",
            "parent_id",
            "objects",
            "event_id",
            "event_type",
            "event_created",
            "account",
        )
    }
    fields: tuple[str, ...] = ("table", "parent_column", "objects", "complete")
    if route["action"] == "upsert":
        fields = (*fields, "present", "must_list", "field")
    out["children"] = [{f: c[f] for f in fields} for c in route["children"]]
    return out


@pytest.fixture
def conn(database_url: str) -> Iterator[psycopg.Connection[Any]]:
    with psycopg.connect(database_url, autocommit=True) as conn:
        yield conn


def assert_same(
    conn: psycopg.Connection[Any],
    event: dict[str, Any],
    fetched: dict[str, Any] | None = None,
) -> dict[str, Any]:
    expected = comparable(python_route(event, fetched))
    got = comparable(sql_route(conn, event, fetched))
    assert got == expected, event.get("type")
    return got


def test_the_registry_copy_equals_the_python_registry(conn: psycopg.Connection[Any]) -> None:
    got = conn.execute(
        "SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.ordinal), '[]') "
        'FROM stripe."_resources" r'
    ).fetchone()
    assert got is not None
    assert got[0] == as_rows()
    assert len(got[0]) == len(REGISTRY)


def test_every_example_object_routes_alike(conn: psycopg.Connection[Any]) -> None:
    routed: dict[str, int] = {}
    for obj in _examples().values():
        if not isinstance(obj, dict) or not isinstance(obj.get("object"), str):
            continue
        for type_ in (f"{obj['object']}.updated", f"{obj['object']}.deleted"):
            got = assert_same(conn, _event(copy.deepcopy(obj), type_))
            routed[got["action"]] = routed.get(got["action"], 0) + 1
        # The same object with a truncated list of each nested kind.
        # (Stripe's example of a product feature has an empty id: no fetch returns that.)
        if isinstance(obj.get("id"), str) and obj["id"]:
            stub = {"id": obj["id"], "object": obj["object"], "deleted": True}
            assert_same(conn, _event(copy.deepcopy(obj), f"{obj['object']}.updated"), stub)
            assert_same(conn, _event(copy.deepcopy(obj), f"{obj['object']}.updated"), obj)
    # Every action but replace_children occurs among Stripe's examples.
    assert {"upsert", "delete", "skip"} <= set(routed), routed


def test_every_event_of_a_realistic_account_routes_alike(conn: psycopg.Connection[Any]) -> None:
    with FakeStripe(seed=3) as fake:
        fake.seed_realistic(40)
        for name in ("customer", "subscription", "invoice", "charge", "product"):
            fake.seed(name, 3, emit_events=True)
        events = fake.events()
    assert len(events) > 10
    tables = set()
    for event in events:
        tables.add(assert_same(conn, event)["table"])
    assert len(tables) >= 4, tables


def test_truncated_lists_must_be_listed(conn: psycopg.Connection[Any]) -> None:
    sub = copy.deepcopy(_examples()["subscription"])
    sub["items"] = {
        "object": "list",
        "data": [{"id": f"si_{i}", "object": "subscription_item"} for i in range(10)],
        "has_more": True,
        "url": "/v1/subscription_items?subscription=" + sub["id"],
    }
    got = assert_same(conn, _event(sub, "customer.subscription.updated"))
    (items,) = [c for c in got["children"] if c["table"] == "subscription_items"]
    assert items["must_list"]
    assert not items["complete"]
    assert len(items["objects"]) == 10


def test_summaries_stubs_and_connect(conn: psycopg.Connection[Any]) -> None:
    for path in sorted(EVENT_FIXTURES.glob("*.json")):
        got = assert_same(conn, json.loads(path.read_text()))
    assert got["action"] == "replace_children"
    customer = copy.deepcopy(_examples()["customer"])
    stub = {"id": customer["id"], "object": "customer", "deleted": True}
    assert assert_same(conn, _event(stub, "customer.updated"))["action"] == "delete"
    routed = assert_same(conn, _event(customer, "customer.updated", account="acct_1Connected"))
    assert routed["account"] == "acct_1Connected"
    # A canceled subscription is its final state, not a tombstone.
    sub = copy.deepcopy(_examples()["subscription"])
    assert assert_same(conn, _event(sub, "customer.subscription.deleted"))["action"] == "upsert"
    preview = {k: v for k, v in copy.deepcopy(_examples()["invoice"]).items() if k != "id"}
    assert assert_same(conn, _event(preview, "invoice.upcoming"))["action"] == "skip"
    assert assert_same(conn, _event({"object": "radar.value_list"}, "x.y"))["action"] == "skip"


MALFORMED = [
    {"id": "evt_1", "type": "customer.updated", "created": 1, "data": {}},
    {"id": "evt_1", "type": "", "created": 1, "data": {"object": {"object": "customer"}}},
    {"id": "evt_1", "type": "a.b", "created": "1", "data": {"object": {"object": "customer"}}},
    {"id": "evt_1", "type": "a.b", "created": 1.5, "data": {"object": {"object": "customer"}}},
    {"id": "evt_1", "type": "a.b", "created": 1, "data": {"object": {"id": "cus_1"}}},
    {"object": "charge", "id": "evt_1", "type": "a.b", "created": 1, "data": {"object": {}}},
    {"id": 7, "type": "a.b", "created": 1, "data": {"object": {"object": "customer"}}},
    _event({"object": "entitlements.active_entitlement_summary", "entitlements": {}}, "x"),
]


@pytest.mark.parametrize("event", MALFORMED)
def test_malformed_events_are_refused_by_both(
    conn: psycopg.Connection[Any], event: dict[str, Any]
) -> None:
    with pytest.raises(MalformedPayloadError) as python_error:
        route_event(event)
    with pytest.raises(psycopg.errors.InvalidParameterValue) as sql_error:
        sql_route(conn, event, None)
    assert str(sql_error.value).split("\n")[0] == str(python_error.value)
