"""Discounts: a coupon applied to a subscription (``discounts[][coupon]=...``).

A discount is not an API resource of its own: Stripe cannot list or retrieve one by id. A
subscription's ``discounts`` holds their ids (``di_...``), which ``expand[]=discounts`` turns into
the objects, as in API versions from 2025-03-31 on: ``source: {"type": "coupon", "coupon": id}``,
``start``, and ``end`` for a ``repeating`` coupon (``duration_in_months`` calendar months after
the start; none for ``once`` and ``forever``). Creating one announces ``customer.discount.created``;
removing one from a subscription (its ``discounts`` replaced) announces
``customer.discount.deleted`` with the discount object.
"""

from __future__ import annotations

import calendar
from datetime import UTC, datetime
from typing import Any

from .errors import FakeStripeError
from .events import record_event
from .ops import Ctx

__all__ = ["add_months", "end_discounts", "new_discounts"]


def add_months(timestamp: int, months: int) -> int:
    """``timestamp`` plus calendar months (UTC), the day clamped to the month's last."""
    at = datetime.fromtimestamp(timestamp, UTC)
    index = at.month - 1 + months
    year, month = at.year + index // 12, index % 12 + 1
    day = min(at.day, calendar.monthrange(year, month)[1])
    return int(at.replace(year=year, month=month, day=day).timestamp())


def new_discounts(
    ctx: Ctx, requested: Any, *, subscription: str, customer: str, param: str = "discounts"
) -> list[str]:
    """Store the discounts of a ``discounts`` parameter; their ids in order."""
    if requested in (None, ""):
        return []
    if not isinstance(requested, list):
        raise FakeStripeError(400, "Invalid array", param=param)
    ids = []
    for i, entry in enumerate(requested):
        if not isinstance(entry, dict) or not entry.get("coupon"):
            # Existing discounts and promotion codes are not modelled by the fake.
            raise FakeStripeError(
                400, "The fake Stripe applies discounts by coupon only", param=f"{param}[{i}]"
            )
        coupon = ctx.render(
            "coupon", ctx.record("coupon", entry["coupon"], f"{param}[{i}][coupon]")
        )
        start = ctx.now()
        end = None
        if coupon.get("duration") == "repeating" and coupon.get("duration_in_months"):
            end = add_months(start, int(coupon["duration_in_months"]))
        discount_id = ctx.new_id("di_")
        discount: dict[str, Any] = {
            "id": discount_id,
            "object": "discount",
            "checkout_session": None,
            "customer": customer,
            "customer_account": None,
            "end": end,
            "invoice": None,
            "invoice_item": None,
            "promotion_code": None,
            "source": {"coupon": coupon["id"], "type": "coupon"},
            "start": start,
            "subscription": subscription,
            "subscription_item": None,
        }
        ctx.state.discounts[discount_id] = discount
        ids.append(discount_id)
        if ctx.emit_events:
            record_event(
                ctx.store,
                ctx.state,
                "customer.discount.created",
                dict(discount),
                request_id=ctx.request_id,
                idempotency_key=ctx.idempotency_key,
            )
    return ids


def end_discounts(ctx: Ctx, removed: list[str]) -> None:
    """Announce discounts removed from a subscription (``customer.discount.deleted``)."""
    for discount_id in removed:
        discount = ctx.state.discounts.get(discount_id)
        if discount is None or not ctx.emit_events:
            continue
        record_event(
            ctx.store,
            ctx.state,
            "customer.discount.deleted",
            dict(discount),
            request_id=ctx.request_id,
            idempotency_key=ctx.idempotency_key,
        )
