"""A random history written in the fake Stripe, and how far the database is from its end.

:func:`play` writes customers, products, prices and subscriptions (created, updated, their
items added, removed and changed, canceled; customers deleted) through the fake's API until it
has recorded the events asked for. The fake's clock is a manual one that moves 0, 1 or 2
seconds a write, and a write goes to the object written last half of the time, so an object's
events often share a second (Stripe's ``created`` is whole seconds): the engine's tie rule is
exercised on every run. :func:`differences` compares every object the events name with the
fake's final state.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import psycopg

from stripe_sync.testing import FakeStripe, FakeStripeError
from tests.chaos.harness import admin_view, table_rows

#: The object types the history writes, as the events name them.
OBJECTS = ("customer", "product", "price", "subscription")


@dataclass
class _Live:
    """What the history may still write to."""

    customers: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)
    prices: list[str] = field(default_factory=list)
    subscriptions: list[str] = field(default_factory=list)
    last: tuple[str, str] | None = None


def event_count(fake: FakeStripe) -> int:
    with fake.store.lock:
        return len(fake.store.platform.table("event"))


def play(fake: FakeStripe, tick: Any, n_events: int, rng: random.Random) -> list[dict[str, Any]]:
    """Write in ``fake`` until it recorded at least ``n_events`` events; they, oldest first.

    ``tick(seconds)`` moves the fake's clock."""
    live = _Live()
    while event_count(fake) < n_events:
        tick(rng.choice((0, 0, 1, 2)))
        _write(fake, live, rng)
    return list(reversed(fake.events()))


def _write(fake: FakeStripe, live: _Live, rng: random.Random) -> None:
    n = rng.randrange(1_000_000)
    if live.last is not None and rng.random() < 0.5:
        kind, object_id = live.last  # the same object again, often in the same second
    elif len(live.customers) < 5 or rng.random() < 0.12:
        kind, object_id = "new customer", ""
    elif len(live.prices) < 3 or rng.random() < 0.05:
        kind, object_id = "new price", ""
    elif rng.random() < 0.12:
        kind, object_id = "new subscription", ""
    else:
        kind = rng.choice(("customer", "customer", "product", "price", "subscription"))
        pool = {"customer": live.customers, "product": live.products, "price": live.prices}
        candidates = pool.get(kind, live.subscriptions)
        if not candidates:
            return
        object_id = rng.choice(candidates)
    if kind == "new customer":
        created = fake.call("POST", "/v1/customers", {"name": f"Customer {n}"})
        live.customers.append(str(created["id"]))
        live.last = ("customer", str(created["id"]))
    elif kind == "new price":
        if not live.products or rng.random() < 0.3:
            product = fake.call("POST", "/v1/products", {"name": f"Product {n}"})
            live.products.append(str(product["id"]))
        price: dict[str, Any] = {
            "product": rng.choice(live.products),
            "currency": "usd",
            "unit_amount": str(100 * rng.randint(1, 50)),
            "recurring": {"interval": rng.choice(("month", "year"))},
        }
        live.prices.append(str(fake.call("POST", "/v1/prices", price)["id"]))
    elif kind == "new subscription":
        prices = rng.sample(live.prices, min(len(live.prices), rng.randint(1, 3)))
        subscription = {
            "customer": rng.choice(live.customers),
            "items": [{"price": p} for p in prices],
        }
        created = fake.call("POST", "/v1/subscriptions", subscription)
        live.subscriptions.append(str(created["id"]))
        live.last = ("subscription", str(created["id"]))
    elif kind == "customer":
        _customer(fake, live, object_id, n, rng)
    elif kind == "product":
        fake.call("POST", f"/v1/products/{object_id}", {"metadata": {"n": str(n)}})
    elif kind == "price":
        fake.call("POST", f"/v1/prices/{object_id}", {"metadata": {"n": str(n)}})
    else:
        _subscription(fake, live, object_id, n, rng)


def _customer(fake: FakeStripe, live: _Live, customer_id: str, n: int, rng: random.Random) -> None:
    if rng.random() < 0.04:
        fake.call("DELETE", f"/v1/customers/{customer_id}")
        live.customers.remove(customer_id)
        live.last = None
        return
    change = rng.choice(({"name": f"Name {n}"}, {"email": f"c{n}@example.com"}, {}))
    fake.call("POST", f"/v1/customers/{customer_id}", {**change, "metadata": {"n": str(n)}})
    live.last = ("customer", customer_id)


def _subscription(fake: FakeStripe, live: _Live, sub_id: str, n: int, rng: random.Random) -> None:
    if sub_id not in live.subscriptions:
        return
    subscription = fake.get("subscription", sub_id)
    if subscription["status"] == "canceled" or rng.random() < 0.05:
        if subscription["status"] != "canceled":
            fake.call("DELETE", f"/v1/subscriptions/{sub_id}")
        live.subscriptions.remove(sub_id)
        live.last = None
        return
    items = [str(i["id"]) for i in subscription["items"]["data"]]
    roll = rng.random()
    change: list[dict[str, Any]] = []
    # At most the 10 items Stripe embeds in the subscription: the server (stripe-sync start has
    # no auto_expand_lists) stores the embedded page only, as documented.
    if roll < 0.3 and len(items) < 10 and not subscription["items"]["has_more"]:
        change = [{"price": rng.choice(live.prices)}]
    elif roll < 0.5 and len(items) > 1:
        change = [{"id": rng.choice(items), "deleted": "true"}]
    elif roll < 0.7 and items:
        change = [{"id": rng.choice(items), "quantity": str(rng.randint(1, 5))}]
    params: dict[str, Any] = {"metadata": {"n": str(n)}}
    if change:
        params["items"] = change
    fake.call("POST", f"/v1/subscriptions/{sub_id}", params)
    live.last = ("subscription", sub_id)


def named_objects(events: Iterable[dict[str, Any]]) -> dict[str, set[str]]:
    """The ids of each object type the events are about."""
    found: dict[str, set[str]] = {name: set() for name in OBJECTS}
    for event in events:
        obj = event["data"]["object"]
        if obj.get("object") in found:
            found[obj["object"]].add(str(obj["id"]))
    return found


def differences(url: str, fake: FakeStripe, objects: dict[str, set[str]]) -> list[str]:
    """Every object (and subscription item) whose row is not the fake's final state: missing,
    different, live though deleted in Stripe, or a tombstone though alive."""
    wrong: list[str] = []
    for name, ids in objects.items():
        stored = table_rows(url, name)
        for object_id in sorted(ids):
            try:
                expected: dict[str, Any] | None = fake.get(name, object_id)
            except FakeStripeError:
                expected = None
            row = stored.get(object_id)
            if expected is None or expected.get("deleted") is True:
                if row is None or not row[0]:
                    wrong.append(f"{name} {object_id}: deleted in Stripe, not here")
            elif row is None:
                wrong.append(f"{name} {object_id}: missing")
            elif row[0]:
                wrong.append(f"{name} {object_id}: a tombstone, alive in Stripe")
            elif row[1] != expected:
                wrong.append(f"{name} {object_id}: differs from Stripe")
    wrong += _item_differences(url, fake, objects.get("subscription", set()))
    return wrong


def _item_differences(url: str, fake: FakeStripe, subscriptions: set[str]) -> list[str]:
    with psycopg.connect(admin_view(url)) as conn:
        stored: dict[str, dict[str, Any]] = {}
        for item_id, sub_id, raw in conn.execute(
            "SELECT id, subscription, _raw_data FROM stripe.subscription_items WHERE NOT deleted"
        ):
            stored.setdefault(str(sub_id), {})[str(item_id)] = raw
    wrong = []
    for sub_id in sorted(subscriptions):
        listed = fake.call(
            "GET", "/v1/subscription_items", {"subscription": sub_id, "limit": "100"}
        )
        expected = {str(i["id"]): i for i in listed["data"]}
        if stored.get(sub_id, {}) != expected:
            wrong.append(f"subscription {sub_id}: its items differ from Stripe's")
    return wrong
