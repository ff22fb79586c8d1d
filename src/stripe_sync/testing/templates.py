"""Template payloads: the starting point of every object the fake creates or seeds.

Templates come from ``fixtures/objects.json`` (a subset of Stripe's own OpenAPI fixtures, written
by ``scripts/gen_fake_fixtures.py``). Stripe's fixtures fill every field with sample values, some of
which contradict a freshly created object (a new subscription with ``canceled_at`` set); the
:data:`_DEFAULTS` table resets those to what Stripe returns for a new object. Nested lists that the
fake builds at read time (subscription ``items``, invoice ``lines`` ...) are removed here.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from ..resources import REGISTRY

__all__ = ["fixture", "template", "template_json"]

#: Field values of a *new* object, overriding the fixture's sample values.
_DEFAULTS: dict[str, dict[str, Any]] = {
    "customer": {"discount": None, "email": None, "name": None, "default_source": None},
    "subscription": {
        "cancel_at": None,
        "cancel_at_period_end": False,
        "canceled_at": None,
        "ended_at": None,
        "trial_end": None,
        "trial_start": None,
        "next_pending_invoice_item_invoice": None,
        "pending_update": None,
        "pause_collection": None,
        "status": "active",
        "billing_thresholds": None,
        "transfer_data": None,
    },
    "subscription_item": {"plan": None, "billing_thresholds": None},
    "invoice": {
        "amount_due": 0,
        "amount_overpaid": 0,
        "amount_remaining": 0,
        "subtotal": 0,
        "subtotal_excluding_tax": 0,
        "total": 0,
        "total_excluding_tax": 0,
        "due_date": None,
        "effective_at": None,
        "next_payment_attempt": None,
        "webhooks_delivered_at": None,
        "last_finalization_error": None,
        "from_invoice": None,
        "status": "draft",
        "parent": None,
        "shipping_cost": None,
        "shipping_details": None,
    },
    "invoiceitem": {"invoice": None, "net_amount": 1000, "quantity_decimal": "1", "parent": None},
    "line_item": {"subtotal": 1000},
    "charge": {"amount_captured": 100, "captured": True, "source": None, "transfer_data": None},
    "coupon": {"redeem_by": None, "duration": "once", "duration_in_months": None},
    "payout": {"status": "pending", "reconciliation_status": "not_applicable", "trace_id": None},
    "price": {"transform_quantity": None},
    "payment_intent": {"canceled_at": None, "last_payment_error": None, "next_action": None},
    "setup_intent": {"last_setup_error": None, "next_action": None},
    "credit_note": {"voided_at": None, "post_payment_amount": 0, "pre_payment_amount": 1690},
    "webhook_endpoint": {"description": None, "api_version": None},
}


def _nested_fields() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for resource in REGISTRY.values():
        if resource.nested_lists:
            out[resource.object] = tuple(n.field for n in resource.nested_lists)
    return out


@cache
def _fixtures() -> MappingProxyType[str, dict[str, Any]]:
    path = resources.files(__package__).joinpath("fixtures", "objects.json")
    data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["resources"]
    return MappingProxyType(data)


def fixture(object_name: str) -> dict[str, Any]:
    """A fresh copy of Stripe's example payload for ``object_name`` (``customer``, ``event``)."""
    return json.loads(json.dumps(_fixtures()[object_name]))  # type: ignore[no-any-return]


@cache
def template_json(object_name: str) -> str:
    """The template for ``object_name`` as JSON text (decode it to get a private copy)."""
    obj = fixture(object_name)
    for name in _nested_fields().get(object_name, ()):
        obj.pop(name, None)
    obj.update(_DEFAULTS.get(object_name, {}))
    if "metadata" in obj:
        obj["metadata"] = {}
    if "livemode" in obj:
        obj["livemode"] = False
    return json.dumps(obj)


@cache
def template(object_name: str) -> MappingProxyType[str, Any]:
    """A shared read-only template (top level only: never mutate nested values)."""
    return MappingProxyType(json.loads(template_json(object_name)))
