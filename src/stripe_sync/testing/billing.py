"""Writes for billing: subscriptions and their items, invoices and their lines, invoice items.

Children live in their own tables and are indexed by parent (``AccountState.children``), so a
subscription with 120 items or an invoice with 250 lines serves its first 10 embedded and pages
the rest from the nested list endpoint, as Stripe does.
"""

from __future__ import annotations

from typing import Any

from .discounts import add_months, end_discounts, new_discounts
from .errors import FakeStripeError, missing_parameter
from .events import previous_attributes
from .ops import Ctx, apply_params, create_object, delete_object, require, update_object
from .payments import DECLINED_SOURCES, declined, failed_charge
from .routes import Route
from .state import deep_copy

__all__ = ["ROUTES", "add_invoice_line", "new_subscription_item", "recompute_invoice"]

_DAY = 86_400


def period_end(start: int, price: dict[str, Any]) -> int:
    """End of the billing period that starts at ``start`` for a recurring ``price``: calendar
    months and years, 7-day weeks, days (30 days for a price that is not recurring)."""
    recurring = price.get("recurring") or {}
    count = int(recurring.get("interval_count") or 1)
    interval = recurring.get("interval")
    if interval == "year":
        return add_months(start, 12 * count)
    if interval == "month":
        return add_months(start, count)
    if interval == "week":
        return start + 7 * _DAY * count
    if interval == "day":
        return start + _DAY * count
    return start + 30 * _DAY


# -- subscriptions -------------------------------------------------------------------------


def new_subscription_item(
    ctx: Ctx, sub_id: str, params: dict[str, Any], param: str, period: tuple[int, int]
) -> dict[str, Any]:
    """Store one subscription item (not yet announced); ``param`` names it in errors."""
    price_id = params.get("price") or params.get("plan")
    if not price_id:
        raise missing_parameter(f"{param}[price]")
    price = ctx.render("price", ctx.record("price", price_id, f"{param}[price]"))
    item: dict[str, Any] = {
        "id": ctx.new_id("si_"),
        "created": ctx.now(),
        "subscription": sub_id,
        "price": price,
        "quantity": int(params.get("quantity", 1)),
        "metadata": dict(params.get("metadata") or {}),
        "current_period_start": period[0],
        "current_period_end": period[1],
    }
    ctx.state.table("subscription_item").insert(item)
    ctx.state.add_child("subscription_item", sub_id, item["id"])
    return item


def create_subscription(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    require(params, "customer")
    ctx.record("customer", params["customer"], "customer")
    items = params.get("items")
    if not items:
        raise missing_parameter("items")
    now = ctx.now()
    sub_id = ctx.new_id("sub_")
    first_id = items[0].get("price") or items[0].get("plan")
    if not first_id:
        raise missing_parameter("items[0][price]")
    first = ctx.record("price", first_id, "items[0][price]")
    trial_days = int(params.get("trial_period_days") or 0)
    trial_end = now + trial_days * _DAY if trial_days else None
    # A trial is the first period; the first paid period starts when it ends.
    start = trial_end or now
    period = (now, trial_end or period_end(start, ctx.render("price", first)))
    first_price = None
    for i, item in enumerate(items):
        stored = new_subscription_item(ctx, sub_id, item, f"items[{i}]", period)
        first_price = first_price or stored["price"]
    assert first_price is not None
    fields: dict[str, Any] = {
        "currency": first_price["currency"],
        "start_date": now,
        "billing_cycle_anchor": start,
        "current_period_start": period[0],
        "current_period_end": period[1],
        "status": "trialing" if trial_days else "active",
        "trial_start": now if trial_days else None,
        "trial_end": trial_end,
        "latest_invoice": None,
        "discounts": new_discounts(
            ctx, params.get("discounts"), subscription=sub_id, customer=params["customer"]
        ),
    }
    return create_object(
        ctx,
        "subscription",
        params,
        skip={
            "items",
            "trial_period_days",
            "payment_behavior",
            "proration_behavior",
            "coupon",
            "discounts",
            "promotion_code",
            "add_invoice_items",
            "expand",
            "off_session",
        },
        obj_id=sub_id,
        fields=fields,
    )


def update_subscription(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    sub_id = args["id"]
    record = ctx.record("subscription", sub_id)
    table = ctx.state.table("subscription")
    if table.field(record, "status") == "canceled":
        extra = set(params) - {"metadata", "cancellation_details", "expand"}
        if extra:
            raise FakeStripeError(
                400,
                "A canceled subscription can only update its cancellation_details and metadata.",
            )
    before = ctx.render("subscription", record)
    period = (before["current_period_start"] or ctx.now(), before["current_period_end"] or 0)
    items = ctx.state.table("subscription_item")
    for i, change in enumerate(params.get("items") or []):
        if change.get("id"):
            item = ctx.record("subscription_item", change["id"], f"items[{i}][id]")
            if item["subscription"] != sub_id:
                raise FakeStripeError(
                    400,
                    f"Subscription item {change['id']} does not belong to subscription {sub_id}",
                    param=f"items[{i}][id]",
                )
            if change.get("deleted") == "true":
                ctx.state.remove_child("subscription_item", sub_id, item["id"])
                items.remove(item["id"])
                continue
            if change.get("price"):
                price = ctx.record("price", change["price"], f"items[{i}][price]")
                item["price"] = ctx.render("price", price)
            if "quantity" in change:
                item["quantity"] = int(change["quantity"])
            if "metadata" in change:
                apply_params(item, {"metadata": change["metadata"]}, items.template)
        else:
            new_subscription_item(ctx, sub_id, change, f"items[{i}]", period)
    updated = deep_copy(table.render(record))
    apply_params(
        updated,
        params,
        table.template,
        skip={
            "items",
            "proration_behavior",
            "payment_behavior",
            "proration_date",
            "trial_period_days",
            "coupon",
            "promotion_code",
            "off_session",
            "discounts",
        },
    )
    if "discounts" in params:
        # The parameter replaces the subscription's discounts ("" removes them all).
        updated["discounts"] = new_discounts(
            ctx, params["discounts"], subscription=sub_id, customer=before["customer"]
        )
        end_discounts(
            ctx,
            [
                d
                for d in before.get("discounts") or []
                if isinstance(d, str) and d not in updated["discounts"]
            ],
        )
    if "cancel_at_period_end" in params:
        # Stripe schedules the cancellation at the period's end and records when it was asked.
        at_end = bool(updated.get("cancel_at_period_end"))
        updated["cancel_at"] = before["current_period_end"] if at_end else None
        updated["canceled_at"] = ctx.now() if at_end else None
    table.records[sub_id] = updated
    after = ctx.render("subscription", updated)
    changed = previous_attributes(before, after)
    if changed:
        ctx.emit("subscription", "updated", after, changed)
    return after


def create_subscription_item(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    require(params, "subscription")
    ctx.record("subscription", params["subscription"], "subscription")
    before = ctx.render("subscription", ctx.record("subscription", params["subscription"]))
    period = (before["current_period_start"] or ctx.now(), before["current_period_end"] or 0)
    item = new_subscription_item(ctx, params["subscription"], params, "", period)
    _announce_items(ctx, params["subscription"], before)
    return ctx.render("subscription_item", item)


def update_subscription_item(
    ctx: Ctx, params: dict[str, Any], args: dict[str, str]
) -> dict[str, Any]:
    item = ctx.record("subscription_item", args["id"])
    update_subscription(
        ctx, {"items": [{**params, "id": args["id"]}]}, {"id": item["subscription"]}
    )
    return ctx.render("subscription_item", ctx.record("subscription_item", args["id"]))


def delete_subscription_item(
    ctx: Ctx, params: dict[str, Any], args: dict[str, str]
) -> dict[str, Any]:
    item = ctx.record("subscription_item", args["id"])
    sub_id = item["subscription"]
    before = ctx.render("subscription", ctx.record("subscription", sub_id))
    ctx.state.remove_child("subscription_item", sub_id, args["id"])
    stub = delete_object(ctx, "subscription_item", args["id"], emit=False)
    _announce_items(ctx, sub_id, before)
    return stub


def _announce_items(ctx: Ctx, sub_id: str, before: dict[str, Any]) -> None:
    after = ctx.render("subscription", ctx.record("subscription", sub_id))
    ctx.emit("subscription", "updated", after, previous_attributes(before, after))


def retrieve_subscription_item(
    ctx: Ctx, params: dict[str, Any], args: dict[str, str]
) -> dict[str, Any]:
    return ctx.render("subscription_item", ctx.record("subscription_item", args["id"]))


# -- invoices and invoice items ------------------------------------------------------------


def recompute_invoice(ctx: Ctx, invoice_id: str) -> None:
    """Totals of an invoice from its lines (no tax, no discounts)."""
    record = ctx.record("invoice", invoice_id)
    lines = ctx.state.table("invoice_line_item")
    total = sum(
        int(lines.field(lines.records[i], "amount"))
        for i in ctx.state.child_ids("invoice_line_item", invoice_id)
    )
    paid = int(ctx.state.table("invoice").field(record, "amount_paid") or 0)
    record.update(
        {
            "subtotal": total,
            "subtotal_excluding_tax": total,
            "total": total,
            "total_excluding_tax": total,
            "amount_due": total,
            "amount_remaining": max(0, total - paid),
        }
    )


def add_invoice_line(ctx: Ctx, invoice_id: str, item: dict[str, Any]) -> dict[str, Any]:
    """Store the invoice line that shows ``item`` (an invoice item) on the invoice."""
    line = {
        "id": ctx.new_id("il_"),
        "created": item["created"],
        "amount": item["amount"],
        "currency": item["currency"],
        "description": item.get("description"),
        "invoice": invoice_id,
        "quantity": item.get("quantity", 1),
        "period": item.get("period"),
        "metadata": dict(item.get("metadata") or {}),
        "subscription": item.get("subscription"),
        "subtotal": item["amount"],
        "parent": {
            "type": "invoice_item_details",
            "invoice_item_details": {
                "invoice_item": item["id"],
                "proration": False,
                "proration_details": {"credited_items": None},
                "subscription": item.get("subscription"),
            },
            "subscription_item_details": None,
        },
    }
    ctx.state.table("invoice_line_item").insert(line)
    ctx.state.add_child("invoice_line_item", invoice_id, line["id"])
    return line


def _draft_invoice(ctx: Ctx, invoice_id: str, param: str) -> dict[str, Any]:
    record = ctx.record("invoice", invoice_id, param)
    if ctx.state.table("invoice").field(record, "status") != "draft":
        raise FakeStripeError(
            400,
            f"You can only modify draft invoices, but {invoice_id} is not a draft.",
            code="invoice_not_editable",
            param=param,
        )
    return record


def create_invoice(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    require(params, "customer")
    customer = ctx.render("customer", ctx.record("customer", params["customer"], "customer"))
    now = ctx.now()
    invoice = create_object(
        ctx,
        "invoice",
        params,
        skip={"pending_invoice_items_behavior", "subscription"},
        fields={
            "customer": customer["id"],
            "customer_email": customer.get("email"),
            "customer_name": customer.get("name"),
            "currency": (params.get("currency") or customer.get("currency") or "usd").lower(),
            "subscription": params.get("subscription"),
            "period_start": now,
            "period_end": now,
            "status_transitions": {
                "finalized_at": None,
                "marked_uncollectible_at": None,
                "paid_at": None,
                "voided_at": None,
            },
        },
        emit=False,
    )
    if params.get("pending_invoice_items_behavior") == "include":
        items = ctx.state.table("invoice_item")
        for record in list(items.records.values()):
            if record.get("customer") == customer["id"] and not items.field(record, "invoice"):
                record["invoice"] = invoice["id"]
                add_invoice_line(ctx, invoice["id"], items.render(record))
        recompute_invoice(ctx, invoice["id"])
    rendered = ctx.render("invoice", ctx.record("invoice", invoice["id"]))
    ctx.emit("invoice", "created", rendered)
    return rendered


def update_invoice(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    return update_object(ctx, "invoice", args["id"], params)


def delete_invoice(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    record = ctx.record("invoice", args["id"])
    if ctx.state.table("invoice").field(record, "status") != "draft":
        raise FakeStripeError(400, "You can only delete draft invoices.")
    return delete_object(ctx, "invoice", args["id"])


def finalize_invoice(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    record = _draft_invoice(ctx, args["id"], "id")
    now = ctx.now()
    number = f"{ctx.store.ids.token(8).upper()}-0001"
    transitions = dict(record.get("status_transitions") or {}, finalized_at=now)
    return update_object(
        ctx,
        "invoice",
        args["id"],
        {},
        action="finalized",
        fields={
            "status": "open",
            "number": number,
            "effective_at": now,
            "status_transitions": transitions,
            "hosted_invoice_url": f"https://invoice.stripe.com/i/{args['id']}",
        },
    )


def pay_invoice(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    record = ctx.record("invoice", args["id"])
    table = ctx.state.table("invoice")
    if table.field(record, "status") == "draft":
        finalize_invoice(ctx, {}, args)
        record = ctx.record("invoice", args["id"])
    if table.field(record, "status") != "open":
        raise FakeStripeError(
            400,
            "Invoice is already paid",
            code="invoice_already_paid" if table.field(record, "status") == "paid" else None,
        )
    attempts = int(table.field(record, "attempt_count") or 0) + 1
    source = params.get("payment_method") or params.get("source")
    if source in DECLINED_SOURCES:
        _payment_failed(ctx, args["id"], attempts, source)
    transitions = dict(table.field(record, "status_transitions") or {}, paid_at=ctx.now())
    paid = update_object(
        ctx,
        "invoice",
        args["id"],
        {},
        action="paid",
        fields={
            "status": "paid",
            "amount_paid": table.field(record, "amount_due"),
            "amount_remaining": 0,
            "attempted": True,
            "attempt_count": attempts,
            "next_payment_attempt": None,
            "status_transitions": transitions,
        },
    )
    ctx.emit("invoice", "payment_succeeded", paid)
    return paid


#: When Stripe's smart retries try a failed invoice again (the fake's fixed schedule).
_RETRY_AFTER = 3 * _DAY


def _payment_failed(ctx: Ctx, invoice_id: str, attempts: int, source: str) -> None:
    """A declined attempt to pay an open invoice: a failed charge, the invoice's attempt
    counted (``invoice.payment_failed``), its subscription ``past_due``; raises the 402."""
    invoice = ctx.render("invoice", ctx.record("invoice", invoice_id))
    charge = failed_charge(
        ctx,
        {"customer": invoice["customer"]},
        int(invoice["amount_remaining"] or 0),
        invoice["currency"],
        source,
    )
    update_object(
        ctx,
        "invoice",
        invoice_id,
        {},
        action="payment_failed",
        fields={
            "attempted": True,
            "attempt_count": attempts,
            "next_payment_attempt": ctx.now() + _RETRY_AFTER,
        },
    )
    sub_id = invoice.get("subscription")
    subs = ctx.state.table("subscription")
    if sub_id in subs.records and subs.field(subs.records[sub_id], "status") == "active":
        update_object(ctx, "subscription", sub_id, {}, fields={"status": "past_due"})
    raise declined(charge)


def void_invoice(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    record = ctx.record("invoice", args["id"])
    if ctx.state.table("invoice").field(record, "status") != "open":
        raise FakeStripeError(400, "You can only void open invoices.")
    return update_object(
        ctx,
        "invoice",
        args["id"],
        {},
        action="voided",
        fields={"status": "void", "amount_remaining": 0},
    )


def create_invoice_item(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    require(params, "customer")
    ctx.record("customer", params["customer"], "customer")
    quantity = int(params.get("quantity", 1))
    if params.get("price"):
        price = ctx.render("price", ctx.record("price", params["price"], "price"))
        amount = int(price.get("unit_amount") or 0) * quantity
        currency = price["currency"]
    else:
        require(params, "amount", "currency")
        amount, currency = int(params["amount"]), params["currency"].lower()
    invoice_id = params.get("invoice")
    if invoice_id:
        _draft_invoice(ctx, invoice_id, "invoice")
    now = ctx.now()
    item = create_object(
        ctx,
        "invoice_item",
        params,
        skip={"price", "amount", "currency", "price_data", "invoice", "subscription"},
        fields={
            "amount": amount,
            "currency": currency,
            "quantity": quantity,
            "invoice": invoice_id,
            "date": now,
            "net_amount": amount,
            "subscription": params.get("subscription"),
            "period": {"start": now, "end": now},
        },
        emit=False,
    )
    if invoice_id:
        add_invoice_line(ctx, invoice_id, item)
        recompute_invoice(ctx, invoice_id)
    ctx.emit("invoice_item", "created", item)
    return item


def _line_of(ctx: Ctx, invoice_id: str, item_id: str) -> str | None:
    lines = ctx.state.table("invoice_line_item")
    for line_id in ctx.state.child_ids("invoice_line_item", invoice_id):
        parent = lines.records[line_id].get("parent") or {}
        if (parent.get("invoice_item_details") or {}).get("invoice_item") == item_id:
            return line_id
    return None


def update_invoice_item(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    item = update_object(ctx, "invoice_item", args["id"], params)
    invoice_id = item.get("invoice")
    line_id = _line_of(ctx, invoice_id, args["id"]) if invoice_id else None
    if invoice_id and line_id:
        line = ctx.state.table("invoice_line_item").records[line_id]
        line.update(
            {
                "amount": item["amount"],
                "subtotal": item["amount"],
                "description": item.get("description"),
                "quantity": item.get("quantity"),
            }
        )
        recompute_invoice(ctx, invoice_id)
    return item


def delete_invoice_item(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    record = ctx.record("invoice_item", args["id"])
    invoice_id = record.get("invoice")
    if invoice_id:
        _draft_invoice(ctx, invoice_id, "invoice")
        line_id = _line_of(ctx, invoice_id, args["id"])
        if line_id:
            ctx.state.remove_child("invoice_line_item", invoice_id, line_id)
            ctx.state.table("invoice_line_item").remove(line_id)
        recompute_invoice(ctx, invoice_id)
    return delete_object(ctx, "invoice_item", args["id"])


ROUTES: tuple[Route, ...] = (
    Route("POST", "/v1/subscriptions", create_subscription),
    Route("POST", "/v1/subscriptions/{id}", update_subscription),
    Route("POST", "/v1/subscription_items", create_subscription_item),
    Route("GET", "/v1/subscription_items/{id}", retrieve_subscription_item),
    Route("POST", "/v1/subscription_items/{id}", update_subscription_item),
    Route("DELETE", "/v1/subscription_items/{id}", delete_subscription_item),
    Route("POST", "/v1/invoices", create_invoice),
    Route("POST", "/v1/invoices/{id}", update_invoice),
    Route("DELETE", "/v1/invoices/{id}", delete_invoice),
    Route("POST", "/v1/invoices/{id}/finalize", finalize_invoice),
    Route("POST", "/v1/invoices/{id}/pay", pay_invoice),
    Route("POST", "/v1/invoices/{id}/void", void_invoice),
    Route("POST", "/v1/invoiceitems", create_invoice_item),
    Route("POST", "/v1/invoiceitems/{id}", update_invoice_item),
    Route("DELETE", "/v1/invoiceitems/{id}", delete_invoice_item),
)
