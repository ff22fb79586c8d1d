"""Events as the engine takes them: checked, SDK objects as dicts, bad input refused, the event
types a managed endpoint subscribes to. Routing is in SQL: tests/integration/test_event_routing.py.
"""

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
    check_event,
    event_to_dict,
    validate_event,
)
from stripe_sync.resources import REGISTRY, UNROUTED_EVENTS

_FIXTURES = importlib_resources.files("stripe_sync.testing") / "fixtures" / "objects.json"
EXAMPLES: dict[str, dict[str, Any]] = json.loads(_FIXTURES.read_text())["resources"]
EVENT_FIXTURES = Path(__file__).parent.parent / "fixtures" / "events"


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


def test_a_checked_event_keeps_its_account_and_livemode() -> None:
    event = _event("customer.updated", EXAMPLES["customer"], account="acct_123")
    checked = check_event(event)
    assert checked == event
    assert (checked["account"], checked["livemode"]) == ("acct_123", False)
    with pytest.raises(MalformedPayloadError, match='"account"'):
        check_event({**event, "account": 7})
    with pytest.raises(MalformedPayloadError, match='"account"'):
        check_event({**event, "account": "acct\x00"})


def test_sdk_event_is_converted() -> None:
    event = _event("customer.updated", EXAMPLES["customer"], account="acct_9")
    sdk = stripe.Event.construct_from(copy.deepcopy(event), "sk_test_x")
    plain = event_to_dict(sdk)
    assert type(plain) is dict
    assert type(plain["data"]["object"]) is dict
    assert plain == event
    checked = check_event(sdk)
    assert checked == event
    assert checked["account"] == "acct_9"


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
        check_event(event)


def test_validate_event_requires_object_event_by_default() -> None:
    event = _event("customer.updated", EXAMPLES["customer"])
    validate_event(event)
    del event["object"]
    validate_event(event, require_object=False)
    with pytest.raises(MalformedPayloadError, match='"object"'):
        validate_event(event)


def test_all_is_pinned() -> None:
    assert sorted(events.__all__) == sorted(
        [
            "DISCOUNT_EVENT_TYPES",
            "SUPPORTED_EVENT_TYPES",
            "check_event",
            "event_to_dict",
            "validate_event",
        ]
    )
