"""Writes for payments: charges (with their balance transactions) and refunds.

A refund updates its charge (``amount_refunded``, ``refunded``) and is indexed under it, so
``/v1/refunds?charge=``, ``/v1/charges/{id}/refunds`` and an expanded ``refunds`` list page it.
"""

from __future__ import annotations

from typing import Any

from .errors import FakeStripeError, missing_parameter
from .events import previous_attributes
from .ops import Ctx, create_object, new_object, require, update_object
from .routes import Route
from .state import deep_copy

__all__ = ["DECLINED_SOURCES", "ROUTES", "declined", "failed_charge"]

#: Stripe's test payment methods and tokens of a card that is declined
#: (https://docs.stripe.com/testing#declined-payments): a charge with them fails.
DECLINED_SOURCES = frozenset(
    {"tok_chargeDeclined", "pm_card_chargeDeclined", "pm_card_visa_chargeDeclined"}
)


# -- charges and refunds -------------------------------------------------------------------


def _balance_transaction(ctx: Ctx, source: str, amount: int, currency: str, kind: str) -> str:
    fee = round(abs(amount) * 0.029) + 30 if kind == "charge" else 0
    txn = new_object(ctx, "balance_transaction", "txn_")
    txn.update(
        {
            "amount": amount,
            "fee": fee,
            "net": amount - fee,
            "currency": currency,
            "source": source,
            "type": kind,
            "reporting_category": kind,
            "available_on": ctx.now() + 2 * 86_400,
            "status": "pending",
            "fee_details": [],
        }
    )
    ctx.state.table("balance_transaction").insert(txn)
    return str(txn["id"])


def failed_charge(
    ctx: Ctx, params: dict[str, Any], amount: int, currency: str, source: str
) -> dict[str, Any]:
    """Store a declined charge (status ``failed``, no balance transaction) and announce
    ``charge.failed``; the caller answers with :func:`declined`."""
    charge_id = ctx.new_id("ch_")
    create_object(
        ctx,
        "charge",
        params,
        skip={"source", "capture", "payment_method"},
        obj_id=charge_id,
        fields={
            "amount": amount,
            "currency": currency,
            "customer": params.get("customer"),
            "amount_captured": 0,
            "captured": False,
            "amount_refunded": 0,
            "refunded": False,
            "status": "failed",
            "paid": False,
            "payment_method": source,
            "balance_transaction": None,
            "failure_code": "card_declined",
            "failure_message": "Your card was declined.",
            "outcome": {
                "advice_code": "try_again_later",
                "network_advice_code": None,
                "network_decline_code": None,
                "network_status": "declined_by_network",
                "reason": "generic_decline",
                "risk_level": "normal",
                "seller_message": "The bank did not return any further details with this decline.",
                "type": "issuer_declined",
            },
        },
        emit=False,
    )
    obj = ctx.render("charge", ctx.record("charge", charge_id))
    ctx.emit("charge", "failed", obj)
    return obj


def declined(charge: dict[str, Any]) -> FakeStripeError:
    """Stripe's 402 answer to a declined card, naming the failed charge."""
    return FakeStripeError(
        402,
        "Your card was declined.",
        type="card_error",
        code="card_declined",
        extra={"charge": charge["id"], "decline_code": "generic_decline"},
    )


def create_charge(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    require(params, "amount", "currency")
    if params.get("customer"):
        ctx.record("customer", params["customer"], "customer")
    amount, currency = int(params["amount"]), params["currency"].lower()
    source = params.get("payment_method") or params.get("source")
    if source in DECLINED_SOURCES:
        raise declined(failed_charge(ctx, params, amount, currency, source))
    charge_id = ctx.new_id("ch_")
    captured = params.get("capture", "true") == "true"
    create_object(
        ctx,
        "charge",
        params,
        skip={"source", "capture", "payment_method"},
        obj_id=charge_id,
        fields={
            "amount": amount,
            "currency": currency,
            "amount_captured": amount if captured else 0,
            "captured": captured,
            "amount_refunded": 0,
            "refunded": False,
            "status": "succeeded",
            "paid": True,
            "payment_method": params.get("payment_method") or params.get("source"),
            "balance_transaction": _balance_transaction(ctx, charge_id, amount, currency, "charge"),
        },
        emit=False,
    )
    obj = ctx.render("charge", ctx.record("charge", charge_id))
    ctx.emit("charge", "succeeded", obj)
    return obj


def update_charge(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    return update_object(
        ctx,
        "charge",
        args["id"],
        params,
        allowed={
            "description",
            "receipt_email",
            "shipping",
            "fraud_details",
            "transfer_group",
            "customer",
        },
    )


def create_refund(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    charge_id = args.get("parent") or params.get("charge")
    if not charge_id:
        raise missing_parameter("charge")
    charges = ctx.state.table("charge")
    charge = ctx.record("charge", charge_id, "charge")
    before = ctx.render("charge", charge)
    remaining = int(before["amount"]) - int(before["amount_refunded"] or 0)
    if remaining <= 0:
        raise FakeStripeError(
            400, f"Charge {charge_id} has already been refunded.", code="charge_already_refunded"
        )
    amount = int(params.get("amount", remaining))
    if amount > remaining:
        raise FakeStripeError(
            400,
            f"Refund amount ({amount}) is greater than unrefunded amount on charge ({remaining})",
            param="amount",
        )
    refund_id = ctx.new_id("re_")
    refund = create_object(
        ctx,
        "refund",
        params,
        skip={"charge", "amount", "payment_intent", "refund_application_fee", "reverse_transfer"},
        obj_id=refund_id,
        fields={
            "amount": amount,
            "charge": charge_id,
            "currency": before["currency"],
            "payment_intent": before.get("payment_intent"),
            "status": "succeeded",
            "customer": before.get("customer") if isinstance(before.get("customer"), str) else None,
            "balance_transaction": _balance_transaction(
                ctx, refund_id, -amount, before["currency"], "refund"
            ),
        },
        emit=False,
    )
    ctx.state.add_child("refund", charge_id, refund_id)
    refunded = int(before["amount_refunded"] or 0) + amount
    updated = deep_copy(charges.render(charge))
    updated.update({"amount_refunded": refunded, "refunded": refunded >= int(before["amount"])})
    charges.records[charge_id] = updated
    after = ctx.render("charge", updated)
    ctx.emit("charge", "refunded", after, previous_attributes(before, after))
    ctx.emit("refund", "created", refund)
    return refund


def update_refund(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    return update_object(ctx, "refund", args["id"], params, allowed=set())


ROUTES: tuple[Route, ...] = (
    Route("POST", "/v1/charges", create_charge),
    Route("POST", "/v1/charges/{id}", update_charge),
    Route("POST", "/v1/refunds", create_refund),
    Route("POST", "/v1/charges/{parent}/refunds", create_refund),
    Route("POST", "/v1/refunds/{id}", update_refund),
)
