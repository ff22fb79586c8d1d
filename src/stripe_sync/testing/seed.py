"""Loading many objects fast, without HTTP and (by default) without events.

:func:`seed_objects` adds ``count`` objects of one type with ``created`` spread over a range;
:func:`seed_realistic` builds a coherent account (products -> prices -> customers with payment
methods -> subscriptions with items -> invoices with lines -> charges -> refunds) whose
references point at existing ids; a few renewals are unpaid (an open or uncollectible invoice,
a declined charge, a past-due or unpaid subscription). Records are stored sparse (only what
differs from the type's template) and inserted in bulk, so hundreds of thousands of objects take
seconds.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from typing import Any

from ..resources import REGISTRY
from .events import event_type, record_event
from .render import render
from .state import HIDDEN_CREATED, AccountState, Store, created_of
from .templates import template

__all__ = ["seed_objects", "seed_realistic"]

_YEAR = 365 * 86_400
_FIRST = ("Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken", "Margaret", "Linus", "Guido")
_LAST = ("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Thompson", "Hamilton")

FieldMaker = Callable[[int, str], dict[str, Any]]


def _customer(n: int, obj_id: str) -> dict[str, Any]:
    first, last = _FIRST[n % len(_FIRST)], _LAST[n % len(_LAST)]
    return {"email": f"{first.lower()}.{last.lower()}.{n}@example.com", "name": f"{first} {last}"}


def _product(n: int, obj_id: str) -> dict[str, Any]:
    return {"name": f"Product {n}"}


#: Per-type fields that make seeded objects distinguishable.
_FIELD_MAKERS: dict[str, FieldMaker] = {"customer": _customer, "product": _product}


def _prefix(table: str) -> str:
    resource = REGISTRY[table]
    if resource.id_prefixes:
        return resource.id_prefixes[0]
    # Free-form ids (coupons), or a prefix nobody knows for sure (Stripe's examples say obj_).
    return "coupon_" if table == "coupon" else "obj_"


def seed_objects(
    store: Store,
    table: str,
    count: int,
    *,
    account: str | None = None,
    created_range: tuple[int, int] | None = None,
    fields: Mapping[str, Any] | None = None,
    emit_events: bool = False,
    rng: random.Random | None = None,
) -> list[str]:
    """Add ``count`` objects of ``table`` (registry name) to ``account``; return their ids.

    ``created`` is drawn uniformly from ``created_range`` (default: the last year); ``fields`` are
    set on every object (``{"customer": "cus_..."}``). With ``emit_events`` each object also gets
    its ``<object>.created`` event (slow: use it for small counts).
    """
    if table not in REGISTRY:
        raise KeyError(f"unknown object {table!r}")
    rng = rng or random.Random(count)
    now = store.now()
    t0, t1 = created_range or (now - _YEAR, now)
    ids = store.ids.many(_prefix(table), count)
    created = [rng.randint(t0, t1) for _ in range(count)]
    maker = _FIELD_MAKERS.get(table)
    constant = dict(fields or {})
    records: list[dict[str, Any]] = []
    # Objects that Stripe serves without ``created`` keep it hidden, for the list order.
    created_field = "created" if "created" in template(REGISTRY[table].object) else HIDDEN_CREATED
    for n, (obj_id, ts) in enumerate(zip(ids, created, strict=True)):
        record: dict[str, Any] = {"id": obj_id, created_field: ts}
        if maker is not None:
            record.update(maker(n, obj_id))
        record.update(constant)
        records.append(record)
    with store.lock:
        state = store.add_account(account) if account else store.platform
        state.table(table).insert_many(records)
        parent = _PARENT_FIELDS.get(table)
        if parent is not None:
            for record in records:
                if record.get(parent):
                    state.add_child(table, record[parent], record["id"])
        if emit_events:
            type_ = event_type(table, "created")
            if type_ is not None:
                for record in sorted(records, key=created_of):
                    record_event(store, state, type_, render(state, table, record))
    return ids


#: Child tables indexed by a field of the child (``seed_objects`` keeps the index up to date).
_PARENT_FIELDS = {
    "subscription_item": "subscription",
    "invoice_line_item": "invoice",
    "credit_note_line_item": "credit_note",
    "refund": "charge",
    "payment_method": "customer",
    "tax_id": "customer",
    "active_entitlement": "customer",
}


#: Share of live subscriptions whose latest renewal is not paid, and the payment attempts
#: Stripe makes before it marks such an invoice uncollectible (its default retry schedule).
_UNPAID_SHARE = 0.08
_RETRIES = 4
#: Days between two payment attempts of a failing invoice.
_RETRY_DAYS = 3

#: A charge the card issuer declined (what a failed invoice payment attempt leaves).
_DECLINED: dict[str, Any] = {
    "status": "failed",
    "paid": False,
    "captured": False,
    "amount_captured": 0,
    "failure_code": "card_declined",
    "failure_message": "Your card was declined.",
    "outcome": {
        "advice_code": "try_again_later",
        "network_advice_code": None,
        "network_decline_code": None,
        "network_status": "declined_by_network",
        "reason": "generic_decline",
        "seller_message": "The bank did not return any further details with this decline.",
        "type": "issuer_declined",
    },
}


def _payment_state(created: int, total: int, failed_attempts: int) -> dict[str, Any]:
    """The fields of an invoice paid at its first attempt, or whose payment failed
    ``failed_attempts`` times: open while Stripe retries, uncollectible after the last retry."""
    if not failed_attempts:
        return {
            "status": "paid",
            "amount_paid": total,
            "amount_remaining": 0,
            "attempted": True,
            "attempt_count": 1,
        }
    retrying = failed_attempts < _RETRIES
    last_attempt = created + (failed_attempts - 1) * _RETRY_DAYS * 86_400
    return {
        "status": "open" if retrying else "uncollectible",
        "amount_paid": 0,
        "amount_remaining": total,
        "attempted": True,
        "attempt_count": failed_attempts,
        # Scheduled: in the future for an invoice still being retried, as in Stripe.
        "next_payment_attempt": last_attempt + _RETRY_DAYS * 86_400 if retrying else None,
        "status_transitions": {
            "finalized_at": created,
            "marked_uncollectible_at": None if retrying else last_attempt,
            "paid_at": None,
            "voided_at": None,
        },
    }


def seed_realistic(
    store: Store, scale: int = 1000, *, account: str | None = None, seed: int = 0
) -> dict[str, int]:
    """A coherent account with about ``scale`` customers (~9 objects per customer in all).

    Returns how many objects of each type were added.
    """
    rng = random.Random(seed)
    now = store.now()
    start = now - 2 * _YEAR
    with store.lock:
        state = store.add_account(account) if account else store.platform
        return _Builder(store, state, rng, start, now).build(scale)


class _Builder:
    def __init__(
        self, store: Store, state: AccountState, rng: random.Random, start: int, end: int
    ) -> None:
        self.store, self.state, self.rng = store, state, rng
        self.start, self.end = start, end
        self.counts: dict[str, int] = {}

    def _time(self, after: int) -> int:
        return self.rng.randint(after, max(after, self.end))

    def _add(self, table: str, records: list[dict[str, Any]]) -> None:
        self.state.table(table).insert_many(records)
        self.counts[table] = self.counts.get(table, 0) + len(records)
        parent = _PARENT_FIELDS.get(table)
        if parent is not None:
            for record in sorted(records, key=lambda r: int(r["created"])):
                self.state.add_child(table, record[parent], record["id"])

    def build(self, scale: int) -> dict[str, int]:
        ids, rng = self.store.ids, self.rng
        n_products = max(3, scale // 100)
        products = [
            {
                "id": i,
                "created": self._time(self.start),
                "name": f"Plan {n}",
                "description": None,
                "default_price": None,
                "updated": self.start,
            }
            for n, i in enumerate(ids.many("prod_", n_products))
        ]
        prices: list[dict[str, Any]] = []
        for product in products:
            for interval, amount in (("month", rng.choice((900, 1900, 4900))), ("year", 0)):
                amount = amount or prices[-1]["unit_amount"] * 10
                prices.append(
                    {
                        "id": ids.new("price_"),
                        "created": product["created"],
                        "product": product["id"],
                        "unit_amount": amount,
                        "unit_amount_decimal": str(amount),
                        "recurring": {
                            "interval": interval,
                            "interval_count": 1,
                            "meter": None,
                            "trial_period_days": None,
                            "usage_type": "licensed",
                        },
                    }
                )
            product["default_price"] = prices[-2]["id"]
        self._add("product", products)
        self._add("price", prices)
        price_objects = [render(self.state, "price", p) for p in prices]

        customers = []
        methods = []
        for n, cus_id in enumerate(ids.many("cus_", scale)):
            created = self._time(self.start)
            customers.append({"id": cus_id, "created": created, **_customer(n, cus_id)})
            methods.append({"id": ids.new("pm_"), "created": created, "customer": cus_id})
        self._add("customer", customers)
        self._add("payment_method", methods)

        subs: list[dict[str, Any]] = []
        items: list[dict[str, Any]] = []
        invoices: list[dict[str, Any]] = []
        lines: list[dict[str, Any]] = []
        charges: list[dict[str, Any]] = []
        refunds: list[dict[str, Any]] = []
        for idx, customer in enumerate(customers):
            if rng.random() > 0.6:
                continue
            created = self._time(customer["created"])
            sub_id = ids.new("sub_")
            status = "canceled" if rng.random() < 0.15 else "active"
            canceled = status == "canceled"
            subs.append(
                {
                    "id": sub_id,
                    "created": created,
                    "customer": customer["id"],
                    "status": status,
                    "start_date": created,
                    "billing_cycle_anchor": created,
                    "current_period_start": created,
                    "current_period_end": created + 30 * 86_400,
                    # Never after the seed's now: a subscription created today ends today.
                    "canceled_at": min(self.end, created + 86_400) if canceled else None,
                    "ended_at": min(self.end, created + 86_400) if canceled else None,
                }
            )
            for _ in range(rng.randint(1, 3)):
                price = rng.choice(price_objects)
                items.append(
                    {
                        "id": ids.new("si_"),
                        "created": created,
                        "subscription": sub_id,
                        "price": price,
                        "quantity": rng.randint(1, 5),
                        "current_period_start": created,
                        "current_period_end": created + 30 * 86_400,
                    }
                )
            sub_items = [i for i in items[-3:] if i["subscription"] == sub_id]
            for k in range(2):
                inv_created = min(self.end, created + k * 30 * 86_400)
                inv_id = ids.new("in_")
                total = 0
                for item in sub_items:
                    amount = int(item["price"]["unit_amount"]) * int(item["quantity"])
                    total += amount
                    lines.append(
                        {
                            "id": ids.new("il_"),
                            "created": inv_created,
                            "invoice": inv_id,
                            "amount": amount,
                            "subtotal": amount,
                            "subscription": sub_id,
                            "quantity": item["quantity"],
                            "period": {"start": inv_created, "end": inv_created + 30 * 86_400},
                        }
                    )
                charge_id = ids.new("ch_")
                # The renewal of a live subscription sometimes fails: the invoice stays open
                # while Stripe retries the card (the subscription is past due), and after the
                # last retry it is uncollectible (the subscription unpaid).
                failed_attempts = (
                    rng.randint(1, _RETRIES)
                    if k == 1 and status == "active" and rng.random() < _UNPAID_SHARE
                    else 0
                )
                # Only the attempts that fit before the seed's now have been made (one every
                # _RETRY_DAYS): an invoice of yesterday has failed once and is still retried.
                failed_attempts = min(
                    failed_attempts, 1 + (self.end - inv_created) // (_RETRY_DAYS * 86_400)
                )
                invoices.append(
                    {
                        "id": inv_id,
                        "created": inv_created,
                        "customer": customer["id"],
                        "subscription": sub_id,
                        "billing_reason": "subscription_create" if k == 0 else "subscription_cycle",
                        "subtotal": total,
                        "total": total,
                        "amount_due": total,
                        "subtotal_excluding_tax": total,
                        "total_excluding_tax": total,
                        **_payment_state(inv_created, total, failed_attempts),
                    }
                )
                charges.append(
                    {
                        "id": charge_id,
                        "created": inv_created,
                        "customer": customer["id"],
                        "amount": total,
                        "amount_captured": total,
                        "balance_transaction": None,
                        "payment_method": methods[idx]["id"],
                        **(_DECLINED if failed_attempts else {}),
                    }
                )
                if failed_attempts:
                    subs[-1]["status"] = "past_due" if failed_attempts < _RETRIES else "unpaid"
                elif rng.random() < 0.05:
                    refunds.append(
                        {
                            "id": ids.new("re_"),
                            "created": self._time(inv_created),
                            "charge": charge_id,
                            "amount": total,
                            "balance_transaction": None,
                        }
                    )
                    charges[-1].update({"amount_refunded": total, "refunded": True})
        self._add("subscription", subs)
        self._add("subscription_item", items)
        self._add("invoice", invoices)
        self._add("invoice_line_item", lines)
        self._add("charge", charges)
        self._add("refund", refunds)
        return dict(self.counts)
