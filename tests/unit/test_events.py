"""Event routing: every registry event type, delete semantics, skips, SDK objects, bad input."""

from __future__ import annotations

import copy
import json
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import pytest
import stripe

from stripe_sync import events
from stripe_sync.errors import MalformedPayloadError
from stripe_sync.events import (
    DISCOUNT_EVENT_TYPES,
    SUPPORTED_EVENT_TYPES,
    Action,
    event_to_dict,
    route_event,
    validate_event,
)
from stripe_sync.resources import REGISTRY, UNROUTED_EVENTS, Delete, Resource, get

_FIXTURES = importlib_resources.files("stripe_sync.testing") / "fixtures" / "objects.json"
EXAMPLES: dict[str, dict[str, Any]] = json.loads(_FIXTURES.read_text())["resources"]
EVENT_FIXTURES = Path(__file__).parent.parent / "fixtures" / "events"


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


def test_every_registry_event_type_is_covered() -> None:
    routed = [t for t in SUPPORTED_EVENT_TYPES if t not in DISCOUNT_EVENT_TYPES]
    assert len(CASES) == len(routed)  # no type shared by two rows
    assert {t for _, t in CASES} == set(routed)
    # The discount events route to no table (their objects go to _discounts), and are enabled.
    assert set(DISCOUNT_EVENT_TYPES) <= set(SUPPORTED_EVENT_TYPES)
    assert set(DISCOUNT_EVENT_TYPES) <= UNROUTED_EVENTS
    assert list(SUPPORTED_EVENT_TYPES) == sorted(SUPPORTED_EVENT_TYPES)
    assert "customer.subscription.deleted" in SUPPORTED_EVENT_TYPES
    assert "entitlements.active_entitlement_summary.updated" in SUPPORTED_EVENT_TYPES


@pytest.mark.parametrize(("name", "event_type"), CASES)
def test_each_event_type_routes_to_its_resource(name: str, event_type: str) -> None:
    resource = get(name)
    obj = _example(resource, event_type)
    route = route_event(_event(event_type, obj))
    assert route.resource is resource
    assert route.event_type == event_type
    assert route.object == obj
    assert route.reason is None
    if resource.name == "active_entitlement":
        expected = Action.REPLACE_CHILDREN
    elif event_type.endswith(".deleted") and resource.delete is Delete.TOMBSTONE:
        expected = Action.DELETE
    else:
        expected = Action.UPSERT
    assert route.action is expected


def test_deleted_tombstone_resources_delete() -> None:
    route = route_event(_event("customer.deleted", EXAMPLES["deleted_customer"]))
    assert route.action is Action.DELETE
    assert route.resource is get("customer")
    # a full (not stub) object in a *.deleted event of a tombstoned type is still a delete
    route = route_event(_event("product.deleted", EXAMPLES["product"]))
    assert route.action is Action.DELETE


def test_deleted_flag_deletes_whatever_the_event_type() -> None:
    stub = {"id": "prod_1", "object": "product", "deleted": True}
    assert route_event(_event("product.updated", stub)).action is Action.DELETE
    assert route_event(_event("product.updated", {**stub, "deleted": False})).action is (
        Action.UPSERT
    )


def test_subscription_deleted_is_a_final_state_upsert() -> None:
    sub = {**EXAMPLES["subscription"], "status": "canceled"}
    route = route_event(_event("customer.subscription.deleted", sub))
    assert get("subscription").delete is Delete.FINAL_STATE
    assert route.action is Action.UPSERT
    assert route.object is not None
    assert route.object["status"] == "canceled"


def test_never_deleted_resource_stub_is_a_delete_full_object_an_upsert() -> None:
    assert get("charge").delete is Delete.NEVER
    stub = {"id": "ch_1", "object": "charge", "deleted": True}
    assert route_event(_event("charge.deleted", stub)).action is Action.DELETE
    assert route_event(_event("charge.deleted", EXAMPLES["charge"])).action is Action.UPSERT


def test_payment_method_detached_is_an_upsert() -> None:
    pm = {**EXAMPLES["payment_method"], "customer": None}
    route = route_event(_event("payment_method.detached", pm))
    assert route.action is Action.UPSERT
    assert route.resource is get("payment_method")


def test_entitlement_summary_replaces_the_customers_entitlements() -> None:
    event = _load("active_entitlement_summary.json")
    route = route_event(event)
    assert route.action is Action.REPLACE_CHILDREN
    assert route.resource is get("active_entitlement")
    assert route.parent_id == "cus_QXg1o8vcGmoR32"
    assert route.object is not None
    items = route.object["entitlements"]["data"]
    assert [e["id"] for e in items] == ["ent_1", "ent_2", "ent_3"]
    assert {e["object"] for e in items} == {"entitlements.active_entitlement"}
    assert route.event_id == "evt_1Summary"
    assert route.event_created == 1_721_948_600


def test_entitlement_summary_with_no_entitlements_still_replaces() -> None:
    event = _load("active_entitlement_summary.json")
    event["data"]["object"]["entitlements"]["data"] = []
    route = route_event(event)
    assert route.action is Action.REPLACE_CHILDREN
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
def test_malformed_entitlement_summary(mutate: Any) -> None:
    event = _load("active_entitlement_summary.json")
    mutate(event["data"]["object"])
    with pytest.raises(MalformedPayloadError, match=r"entitlements\.active_entitlement_summary"):
        route_event(event)


def test_unknown_object_type_is_skipped_with_its_name() -> None:
    mandate = {"id": "mandate_1", "object": "mandate"}
    route = route_event(_event("mandate.some_future_event", mandate))
    assert route.action is Action.SKIP
    assert route.resource is None
    assert route.reason is not None
    assert "'mandate'" in route.reason
    assert route.event_id == "evt_1"


def test_a_named_skip_of_the_registry_is_skipped_whatever_it_carries() -> None:
    # A customer's card: its object type is a connected account's external account's.
    card = {"id": "card_1", "object": "card", "customer": "cus_1"}
    assert route_event(_event("account.external_account.created", card)).action is Action.UPSERT
    route = route_event(_event("customer.source.created", card))
    assert route.action is Action.SKIP
    assert route.resource is None
    assert route.reason is not None
    assert "customer.source.created" in route.reason
    assert "customer.source.created" in UNROUTED_EVENTS


def test_routing_is_by_object_not_event_type() -> None:
    # an event type this code has never heard of, carrying a mirrored object
    route = route_event(_event("customer.some_future_event", EXAMPLES["customer"]))
    assert route.action is Action.UPSERT
    assert route.resource is get("customer")


def test_upcoming_invoice_without_id_is_skipped() -> None:
    invoice = {k: v for k, v in EXAMPLES["invoice"].items() if k != "id"}
    route = route_event(_event("invoice.upcoming", invoice))
    assert route.action is Action.SKIP
    assert route.resource is get("invoice")
    assert route.reason is not None
    assert "no id" in route.reason
    assert route_event(_event("invoice.upcoming", {**invoice, "id": None})).action is Action.SKIP
    # with an id, invoice.upcoming is an ordinary upsert
    assert route_event(_event("invoice.upcoming", EXAMPLES["invoice"])).action is Action.UPSERT


def test_connect_account_and_livemode_propagate() -> None:
    route = route_event(_event("customer.updated", EXAMPLES["customer"], account="acct_123"))
    assert route.account_id == "acct_123"
    assert route.livemode is False
    own = _event("customer.updated", EXAMPLES["customer"], livemode=True)
    route = route_event(own)
    assert route.account_id is None
    assert route.livemode is True
    del own["livemode"]
    assert route_event(own).livemode is None


def test_child_rows_carry_their_parent_id() -> None:
    item = {"id": "si_1", "object": "subscription_item", "subscription": "sub_1"}
    route = route_event(_event("subscription_item.updated", item))
    assert route.resource is get("subscription_item")
    assert route.parent_id == "sub_1"
    expanded = {**item, "subscription": {"id": "sub_2", "object": "subscription"}}
    assert route_event(_event("subscription_item.updated", expanded)).parent_id == "sub_2"
    # top-level objects have no parent
    assert route_event(_event("customer.updated", EXAMPLES["customer"])).parent_id is None


def test_sdk_event_is_converted() -> None:
    event = _event("customer.updated", EXAMPLES["customer"], account="acct_9")
    sdk = stripe.Event.construct_from(copy.deepcopy(event), "sk_test_x")
    plain = event_to_dict(sdk)
    assert type(plain) is dict
    assert type(plain["data"]["object"]) is dict
    assert plain == event
    route = route_event(sdk)
    assert route.action is Action.UPSERT
    assert route.resource is get("customer")
    assert route.account_id == "acct_9"
    assert type(route.object) is dict


def test_sdk_decimal_values_become_strings_again() -> None:
    price = EXAMPLES["price"]
    sdk = stripe.Event.construct_from(_event("price.updated", copy.deepcopy(price)), "sk_test_x")
    obj = event_to_dict(sdk)["data"]["object"]
    assert obj == price
    json.dumps(obj)  # nothing JSON cannot hold


def test_event_to_dict_of_plain_mappings_and_junk() -> None:
    event = _event("customer.updated", EXAMPLES["customer"])
    assert event_to_dict(event) == event
    with pytest.raises(MalformedPayloadError, match="list"):
        event_to_dict([1, 2])

    class Weird:
        def to_dict(self) -> list[int]:
            return [1]

    with pytest.raises(MalformedPayloadError, match="Weird"):
        event_to_dict(Weird())


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda e: e.pop("type"), '"type"'),
        (lambda e: e.update(type=""), '"type"'),
        (lambda e: e.pop("id"), '"id"'),
        (lambda e: e.pop("data"), '"data"'),
        (lambda e: e["data"].pop("object"), '"data.object"'),
        (lambda e: e["data"].update(object="cus_1"), '"data.object"'),
        (lambda e: e.pop("created"), '"created"'),
        (lambda e: e.update(created="1721948530"), '"created"'),
        (lambda e: e.update(created=True), '"created"'),
        (lambda e: e.update(object="customer"), '"object"'),
        (lambda e: e["data"]["object"].pop("object"), '"data.object.object"'),
    ],
)
def test_malformed_events_raise(mutate: Any, message: str) -> None:
    event = _event("customer.updated", copy.deepcopy(EXAMPLES["customer"]))
    mutate(event)
    with pytest.raises(MalformedPayloadError, match=message):
        route_event(event)


def test_validate_event_requires_object_event_by_default() -> None:
    event = _event("customer.updated", EXAMPLES["customer"])
    validate_event(event)
    del event["object"]
    validate_event(event, require_object=False)
    with pytest.raises(MalformedPayloadError, match='"object"'):
        validate_event(event)


def test_route_is_frozen() -> None:
    route = route_event(_event("customer.updated", EXAMPLES["customer"]))
    with pytest.raises(AttributeError):
        route.action = Action.SKIP  # type: ignore[misc]


def test_all_is_pinned() -> None:
    assert sorted(events.__all__) == sorted(
        [
            "DISCOUNT_EVENT_TYPES",
            "SUPPORTED_EVENT_TYPES",
            "Action",
            "Route",
            "check_event",
            "event_to_dict",
            "route_event",
            "validate_event",
        ]
    )


def test_a_deleted_stub_is_a_delete_whatever_the_semantics() -> None:
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
        assert route_event(event).action is Action.DELETE, name
