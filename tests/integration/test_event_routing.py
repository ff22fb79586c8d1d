"""The routing rules of the one event router (``_route_change``, ``0041_one_router.sql``), event
type by event type: delete semantics, summaries, skips, parents. Ported from the unit tests of
the Python router it replaced; the router now runs in the database, so these run against it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.types.json import Jsonb

from stripe_sync.errors import MalformedPayloadError
from stripe_sync.events import check_event
from stripe_sync.resources import REGISTRY, UNROUTED_EVENTS, Delete, Resource, get

_FIXTURES = importlib_resources.files("stripe_sync.testing") / "fixtures" / "objects.json"
EXAMPLES: dict[str, dict[str, Any]] = json.loads(_FIXTURES.read_text())["resources"]
EVENT_FIXTURES = Path(__file__).parent.parent / "fixtures" / "events"


@dataclass(frozen=True)
class Route:
    """What the router says of one event."""

    action: str  # upsert, delete, replace_children, skip
    resource: Resource | None
    object_id: str | None
    parent_id: str | None
    reason: str | None
    #: For a summary: the list field holding the parent's rows.
    list_field: str | None


Router = Callable[[Any], Route]


@pytest.fixture
def route_event(database_url: str) -> Iterator[Router]:
    """Routes an event (a dict or a ``stripe.Event``) as the engine sends it: checked, then
    routed by ``_route_change``; a malformed summary raises as the engine does."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("SET search_path TO stripe")

        def route(event: Any) -> Route:
            ev = check_event(event)
            change = {"action": "route", "event": ev, "event_type": ev["type"], "route": {}}
            row = conn.execute(
                "SELECT action, resource, object_id, parent_id, reason, outcome, route "
                'FROM "_route_change"(%s)',
                (Jsonb(change),),
            ).fetchone()
            assert row is not None
            action, resource, object_id, parent_id, reason, outcome, routed = row
            if outcome == "malformed":
                raise MalformedPayloadError(reason)
            if routed is not None:
                action, parent_id = routed["action"], routed["parent_id"]
            return Route(
                action=action,
                resource=get(resource) if resource is not None else None,
                object_id=object_id,
                parent_id=parent_id,
                reason=reason,
                list_field=routed["list_field"] if routed is not None else None,
            )

        yield route


def _load(name: str) -> dict[str, Any]:
    path = EVENT_FIXTURES / name
    loaded: dict[str, Any] = json.loads(path.read_text())
    return loaded


def _event(event_type: str, obj: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "id": "evt_1",
        "object": "event",
        "type": event_type,
        "created": 1_721_948_530,
        "livemode": False,
        "data": {"object": obj},
        **extra,
    }


def _example(resource: Resource, event_type: str) -> dict[str, Any]:
    if resource.name == "active_entitlement":
        return _load("active_entitlement_summary.json")["data"]["object"]  # type: ignore[no-any-return]
    if event_type.endswith(".deleted") and f"deleted_{resource.object}" in EXAMPLES:
        return copy.deepcopy(EXAMPLES[f"deleted_{resource.object}"])
    return copy.deepcopy(EXAMPLES[resource.object])


CASES = [(r.name, t) for r in REGISTRY.values() for t in r.event_types]


@pytest.mark.parametrize(("name", "event_type"), CASES)
def test_each_event_type_routes_to_its_resource(
    route_event: Router, name: str, event_type: str
) -> None:
    resource = get(name)
    obj = _example(resource, event_type)
    route = route_event(_event(event_type, obj))
    assert route.resource is resource
    assert route.object_id == (obj.get("id") if resource.name != "active_entitlement" else None)
    assert route.reason is None
    if resource.name == "active_entitlement":
        expected = "replace_children"
    elif event_type.endswith(".deleted") and resource.delete is Delete.TOMBSTONE:
        expected = "delete"
    else:
        expected = "upsert"
    assert route.action == expected


def test_deleted_tombstone_resources_delete(route_event: Router) -> None:
    route = route_event(_event("customer.deleted", EXAMPLES["deleted_customer"]))
    assert route.action == "delete"
    assert route.resource is get("customer")
    # a full (not stub) object in a *.deleted event of a tombstoned type is still a delete
    route = route_event(_event("product.deleted", EXAMPLES["product"]))
    assert route.action == "delete"


def test_deleted_flag_deletes_whatever_the_event_type(route_event: Router) -> None:
    stub = {"id": "prod_1", "object": "product", "deleted": True}
    assert route_event(_event("product.updated", stub)).action == "delete"
    assert route_event(_event("product.updated", {**stub, "deleted": False})).action == "upsert"


def test_subscription_deleted_is_a_final_state_upsert(route_event: Router) -> None:
    sub = {**EXAMPLES["subscription"], "status": "canceled"}
    route = route_event(_event("customer.subscription.deleted", sub))
    assert get("subscription").delete is Delete.FINAL_STATE
    assert route.action == "upsert"
    assert route.object_id == sub["id"]


def test_never_deleted_resource_stub_is_a_delete_full_object_an_upsert(route_event: Router) -> None:
    assert get("charge").delete is Delete.NEVER
    stub = {"id": "ch_1", "object": "charge", "deleted": True}
    assert route_event(_event("charge.deleted", stub)).action == "delete"
    assert route_event(_event("charge.deleted", EXAMPLES["charge"])).action == "upsert"


def test_payment_method_detached_is_an_upsert(route_event: Router) -> None:
    pm = {**EXAMPLES["payment_method"], "customer": None}
    route = route_event(_event("payment_method.detached", pm))
    assert route.action == "upsert"
    assert route.resource is get("payment_method")


def test_entitlement_summary_replaces_the_customers_entitlements(route_event: Router) -> None:
    event = _load("active_entitlement_summary.json")
    route = route_event(event)
    assert route.action == "replace_children"
    assert route.resource is get("active_entitlement")
    assert route.parent_id == "cus_QXg1o8vcGmoR32"
    assert route.list_field == "entitlements"
    items = event["data"]["object"]["entitlements"]["data"]
    assert [e["id"] for e in items] == ["ent_1", "ent_2", "ent_3"]
    assert {e["object"] for e in items} == {"entitlements.active_entitlement"}


def test_entitlement_summary_with_no_entitlements_still_replaces(route_event: Router) -> None:
    event = _load("active_entitlement_summary.json")
    event["data"]["object"]["entitlements"]["data"] = []
    route = route_event(event)
    assert route.action == "replace_children"
    assert route.parent_id == "cus_QXg1o8vcGmoR32"


@pytest.mark.parametrize(
    "mutate",
    [
        lambda s: s.pop("customer"),
        lambda s: s.update(customer=None),
        lambda s: s.pop("entitlements"),
        lambda s: s["entitlements"].pop("data"),
    ],
)
def test_malformed_entitlement_summary(route_event: Router, mutate: Any) -> None:
    event = _load("active_entitlement_summary.json")
    mutate(event["data"]["object"])
    with pytest.raises(MalformedPayloadError, match=r"entitlements\.active_entitlement_summary"):
        route_event(event)


def test_unknown_object_type_is_skipped_with_its_name(route_event: Router) -> None:
    mandate = {"id": "mandate_1", "object": "mandate"}
    route = route_event(_event("mandate.some_future_event", mandate))
    assert route.action == "skip"
    assert route.resource is None
    assert route.reason is not None
    assert "'mandate'" in route.reason


def test_a_named_skip_of_the_registry_is_skipped_whatever_it_carries(route_event: Router) -> None:
    # A customer's card: its object type is a connected account's external account's.
    card = {"id": "card_1", "object": "card", "customer": "cus_1"}
    assert route_event(_event("account.external_account.created", card)).action == "upsert"
    route = route_event(_event("customer.source.created", card))
    assert route.action == "skip"
    assert route.resource is None
    assert route.reason is not None
    assert "customer.source.created" in route.reason
    assert "customer.source.created" in UNROUTED_EVENTS


def test_routing_is_by_object_not_event_type(route_event: Router) -> None:
    # an event type this code has never heard of, carrying a mirrored object
    route = route_event(_event("customer.some_future_event", EXAMPLES["customer"]))
    assert route.action == "upsert"
    assert route.resource is get("customer")


def test_upcoming_invoice_without_id_is_skipped(route_event: Router) -> None:
    invoice = {k: v for k, v in EXAMPLES["invoice"].items() if k != "id"}
    route = route_event(_event("invoice.upcoming", invoice))
    assert route.action == "skip"
    assert route.resource is get("invoice")
    assert route.reason is not None
    assert "no id" in route.reason
    assert route_event(_event("invoice.upcoming", {**invoice, "id": None})).action == "skip"
    # with an id, invoice.upcoming is an ordinary upsert
    assert route_event(_event("invoice.upcoming", EXAMPLES["invoice"])).action == "upsert"


def test_child_rows_carry_their_parent_id(route_event: Router) -> None:
    item = {"id": "si_1", "object": "subscription_item", "subscription": "sub_1"}
    route = route_event(_event("subscription_item.updated", item))
    assert route.resource is get("subscription_item")
    assert route.parent_id == "sub_1"
    expanded = {**item, "subscription": {"id": "sub_2", "object": "subscription"}}
    assert route_event(_event("subscription_item.updated", expanded)).parent_id == "sub_2"
    # top-level objects have no parent
    assert route_event(_event("customer.updated", EXAMPLES["customer"])).parent_id is None


def test_a_deleted_stub_is_a_delete_whatever_the_semantics(route_event: Router) -> None:
    for name in ("subscription", "charge", "customer"):
        resource = get(name)
        stub = {"id": "x_1", "object": resource.object, "deleted": True}
        event = {
            "id": "evt_stub",
            "object": "event",
            "type": f"{name}.updated",
            "created": 1,
            "data": {"object": stub},
        }
        assert route_event(event).action == "delete", name
