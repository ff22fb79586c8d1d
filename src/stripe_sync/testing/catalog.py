"""Writes for customers and the catalog: products, prices, coupons, tax rates, payment methods,
tax ids and payouts, with the rules Stripe enforces on them (prices cannot be deleted, only
archived; a product with prices cannot be deleted; a deleted customer stays retrievable as a
stub and its subscriptions are canceled).
"""

from __future__ import annotations

from typing import Any

from .errors import FakeStripeError
from .ops import (
    Ctx,
    create_object,
    delete_object,
    new_object,
    require,
    update_object,
)
from .routes import Route

__all__ = ["ROUTES", "cancel_subscription", "create_price"]

_DAY = 86_400


# -- customers -----------------------------------------------------------------------------


def create_customer(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    customer = create_object(
        ctx,
        "customer",
        params,
        skip={
            "payment_method",
            "source",
            "tax_id_data",
            "coupon",
            "promotion_code",
            "test_clock",
            "tax",
            "cash_balance",
            "validate",
        },
    )
    for data in params.get("tax_id_data") or []:
        _create_tax_id(ctx, customer["id"], data)
    if params.get("payment_method"):
        attach_payment_method(ctx, {"customer": customer["id"]}, {"id": params["payment_method"]})
    return customer


def update_customer(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    return update_object(
        ctx,
        "customer",
        args["id"],
        params,
        skip={"source", "coupon", "promotion_code", "tax", "validate"},
    )


def delete_customer(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    ctx.record("customer", args["id"])
    subs = ctx.state.table("subscription")
    for sub_id, record in list(subs.records.items()):
        mine = subs.field(record, "customer") == args["id"]
        if mine and subs.field(record, "status") != "canceled":
            cancel_subscription(ctx, {}, {"id": sub_id})
    return delete_object(ctx, "customer", args["id"], keep_stub=True)


# -- products, prices ----------------------------------------------------------------------


def create_product(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    require(params, "name")
    now = ctx.now()
    product = create_object(
        ctx,
        "product",
        params,
        skip={"default_price_data"},
        obj_id=params.get("id") or None,
        fields={"updated": now, "default_price": None},
        emit=False,
    )
    if params.get("default_price_data"):
        price = create_price(ctx, {**params["default_price_data"], "product": product["id"]}, {})
        ctx.state.table("product").records[product["id"]]["default_price"] = price["id"]
        product["default_price"] = price["id"]
    ctx.emit("product", "created", product)
    return product


def update_product(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    return update_object(ctx, "product", args["id"], params, fields={"updated": ctx.now()})


def delete_product(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    ctx.record("product", args["id"])
    prices = ctx.state.table("price")
    if any(prices.field(r, "product") == args["id"] for r in prices.records.values()):
        raise FakeStripeError(
            400,
            "This product cannot be deleted because it has one or more user-created prices.",
        )
    return delete_object(ctx, "product", args["id"])


def create_price(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    require(params, "currency")
    if not params.get("product") and not params.get("product_data"):
        raise FakeStripeError(
            400, "Missing required param: product.", code="parameter_missing", param="product"
        )
    product_id = params.get("product")
    if product_id:
        ctx.record("product", product_id, "product")
    else:
        product_id = create_product(ctx, params["product_data"], {})["id"]
    recurring = params.get("recurring")
    fields: dict[str, Any] = {"product": product_id, "currency": params["currency"].lower()}
    if recurring:
        require(recurring, "interval")
        fields["type"] = "recurring"
        fields["recurring"] = {
            "interval": recurring["interval"],
            "interval_count": int(recurring.get("interval_count", 1)),
            "meter": recurring.get("meter"),
            "trial_period_days": None,
            "usage_type": recurring.get("usage_type", "licensed"),
        }
    else:
        fields["type"] = "one_time"
        fields["recurring"] = None
    if "unit_amount" in params:
        fields["unit_amount"] = int(params["unit_amount"])
        fields["unit_amount_decimal"] = str(params["unit_amount"])
    return create_object(
        ctx, "price", params, skip={"product", "product_data", "recurring"}, fields=fields
    )


def update_price(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    return update_object(
        ctx,
        "price",
        args["id"],
        params,
        allowed={
            "active",
            "nickname",
            "lookup_key",
            "tax_behavior",
            "transfer_lookup_key",
            "currency_options",
        },
    )


# -- coupons, tax rates --------------------------------------------------------------------


def create_coupon(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    if not params.get("percent_off") and not params.get("amount_off"):
        raise FakeStripeError(
            400,
            "Invalid coupon: must specify one of percent_off or amount_off",
            param="percent_off",
        )
    if params.get("amount_off"):
        require(params, "currency")
    coupon_id = params.get("id") or ctx.store.ids.token(8).upper()
    if coupon_id in ctx.state.table("coupon").records:
        raise FakeStripeError(
            400, "Coupon already exists.", code="resource_already_exists", param="id"
        )
    fields: dict[str, Any] = {"percent_off": None, "amount_off": None, "currency": None}
    fields.update({k: v for k, v in _coerced(ctx, params).items() if k in fields})
    return create_object(ctx, "coupon", params, obj_id=coupon_id, fields=fields)


def _coerced(ctx: Ctx, params: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if params.get("percent_off"):
        out["percent_off"] = float(params["percent_off"])
    if params.get("amount_off"):
        out["amount_off"] = int(params["amount_off"])
        out["currency"] = params["currency"].lower()
    return out


def update_coupon(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    return update_object(ctx, "coupon", args["id"], params, allowed={"name", "currency_options"})


def delete_coupon(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    return delete_object(ctx, "coupon", args["id"])


def create_tax_rate(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    require(params, "display_name", "inclusive", "percentage")
    return create_object(ctx, "tax_rate", params, fields={"effective_percentage": None})


def update_tax_rate(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    return update_object(
        ctx,
        "tax_rate",
        args["id"],
        params,
        allowed={
            "active",
            "country",
            "description",
            "display_name",
            "jurisdiction",
            "state",
            "tax_type",
        },
    )


# -- payment methods, tax ids --------------------------------------------------------------


def create_payment_method(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    require(params, "type")
    return create_object(
        ctx,
        "payment_method",
        params,
        skip={"card", "customer", "payment_method"},
        fields={"customer": None},
    )


def update_payment_method(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    return update_object(ctx, "payment_method", args["id"], params, skip={"card"})


def attach_payment_method(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    require(params, "customer")
    ctx.record("customer", params["customer"], "customer")
    record = ctx.record("payment_method", args["id"])
    previous = record.get("customer")
    if previous:
        ctx.state.remove_child("payment_method", previous, args["id"])
    record["customer"] = params["customer"]
    ctx.state.add_child("payment_method", params["customer"], args["id"])
    obj = ctx.render("payment_method", record)
    ctx.emit("payment_method", "attached", obj)
    return obj


def detach_payment_method(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    record = ctx.record("payment_method", args["id"])
    customer = record.get("customer")
    if not customer:
        raise FakeStripeError(
            400,
            "The payment method you provided is not attached to a customer so detachment "
            "is impossible.",
            code="payment_method_unexpected_state",
        )
    ctx.state.remove_child("payment_method", customer, args["id"])
    record["customer"] = None
    obj = ctx.render("payment_method", record)
    ctx.emit("payment_method", "detached", obj, {"customer": customer})
    return obj


def _create_tax_id(ctx: Ctx, customer_id: str, params: dict[str, Any]) -> dict[str, Any]:
    require(params, "type", "value")
    country = params["value"][:2].upper() if params["type"] == "eu_vat" else None
    obj = create_object(
        ctx,
        "tax_id",
        params,
        fields={
            "customer": customer_id,
            "country": country,
            "owner": {"customer": customer_id, "customer_account": None, "type": "customer"},
        },
        emit=False,
    )
    ctx.state.add_child("tax_id", customer_id, obj["id"])
    ctx.emit("tax_id", "created", obj)
    return obj


def create_tax_id(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    ctx.record("customer", args["parent"], "customer")
    return _create_tax_id(ctx, args["parent"], params)


def _customer_tax_id(ctx: Ctx, args: dict[str, str]) -> dict[str, Any]:
    record = ctx.record("tax_id", args["id"])
    if record.get("customer") != args["parent"]:
        ctx.record("tax_id", "", "id")  # Stripe answers 404 for another customer's tax id
    return record


def retrieve_tax_id(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    return ctx.render("tax_id", _customer_tax_id(ctx, args))


def delete_tax_id(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    _customer_tax_id(ctx, args)
    ctx.state.remove_child("tax_id", args["parent"], args["id"])
    return delete_object(ctx, "tax_id", args["id"])


# -- payouts -------------------------------------------------------------------------------


def create_payout(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    require(params, "amount", "currency")
    now = ctx.now()
    txn = new_object(ctx, "balance_transaction", "txn_")
    amount = int(params["amount"])
    txn.update(
        {
            "amount": -amount,
            "net": -amount,
            "fee": 0,
            "fee_details": [],
            "currency": params["currency"].lower(),
            "type": "payout",
            "reporting_category": "payout",
            "available_on": now,
            "status": "pending",
        }
    )
    payout = create_object(
        ctx,
        "payout",
        params,
        fields={
            "currency": params["currency"].lower(),
            "arrival_date": now + 2 * _DAY,
            "automatic": False,
            "balance_transaction": txn["id"],
            "status": "pending",
        },
    )
    txn["source"] = payout["id"]
    ctx.state.table("balance_transaction").insert(txn)
    return payout


def update_payout(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    return update_object(ctx, "payout", args["id"], params, allowed=set())


def cancel_payout(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    record = ctx.record("payout", args["id"])
    if ctx.state.table("payout").field(record, "status") != "pending":
        raise FakeStripeError(400, "Only pending payouts can be canceled.")
    return update_object(
        ctx, "payout", args["id"], {}, fields={"status": "canceled"}, action="canceled"
    )


# -- subscription cancel (also used when a customer is deleted) ----------------------------


def cancel_subscription(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    """``DELETE /v1/subscriptions/{id}``: final state ``canceled``, event ``...deleted``."""
    record = ctx.record("subscription", args["id"])
    if ctx.state.table("subscription").field(record, "status") == "canceled":
        raise FakeStripeError(
            400,
            f"A canceled subscription can only update its cancellation_details and "
            f"metadata. ({args['id']})",
        )
    now = ctx.now()
    details = {"comment": None, "feedback": None, "reason": "cancellation_requested"}
    details.update(params.get("cancellation_details") or {})
    return update_object(
        ctx,
        "subscription",
        args["id"],
        {},
        fields={
            "status": "canceled",
            "canceled_at": now,
            "ended_at": now,
            "cancellation_details": details,
        },
        action="deleted",
    )


ROUTES: tuple[Route, ...] = (
    Route("POST", "/v1/customers", create_customer),
    Route("POST", "/v1/customers/{id}", update_customer),
    Route("DELETE", "/v1/customers/{id}", delete_customer),
    Route("POST", "/v1/products", create_product),
    Route("POST", "/v1/products/{id}", update_product),
    Route("DELETE", "/v1/products/{id}", delete_product),
    Route("POST", "/v1/prices", create_price),
    Route("POST", "/v1/prices/{id}", update_price),
    Route("POST", "/v1/coupons", create_coupon),
    Route("POST", "/v1/coupons/{id}", update_coupon),
    Route("DELETE", "/v1/coupons/{id}", delete_coupon),
    Route("POST", "/v1/tax_rates", create_tax_rate),
    Route("POST", "/v1/tax_rates/{id}", update_tax_rate),
    Route("POST", "/v1/payment_methods", create_payment_method),
    Route("POST", "/v1/payment_methods/{id}", update_payment_method),
    Route("POST", "/v1/payment_methods/{id}/attach", attach_payment_method),
    Route("POST", "/v1/payment_methods/{id}/detach", detach_payment_method),
    Route("POST", "/v1/customers/{parent}/tax_ids", create_tax_id),
    Route("GET", "/v1/customers/{parent}/tax_ids/{id}", retrieve_tax_id),
    Route("DELETE", "/v1/customers/{parent}/tax_ids/{id}", delete_tax_id),
    Route("POST", "/v1/payouts", create_payout),
    Route("POST", "/v1/payouts/{id}", update_payout),
    Route("POST", "/v1/payouts/{id}/cancel", cancel_payout),
    Route("DELETE", "/v1/subscriptions/{id}", cancel_subscription),
)
