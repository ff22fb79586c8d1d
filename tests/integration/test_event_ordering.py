"""Event ordering: whatever order Stripe delivers an object's events in, the row ends right.

Stripe gives no delivery order, redelivers events, and stamps ``created`` in whole seconds, so
several events of one object often share a second. Hypothesis draws the history of one object
in the fake Stripe (a customer, or a subscription whose items come and go), with time steps of
0, 1 or 2 seconds so that ties are common, and a delivery sequence: a permutation of the events
with some of them redelivered. Applied through ``process_event``, the row must equal the
object's final state in Stripe, a deleted object must stay a tombstone even when stale updates
arrive after its ``*.deleted`` event, and every event must be recorded once.

Each example gets its own fake (on a manual clock in the past, so every re-fetch is newer than
any event) and starts from emptied tables, so examples share nothing. Plain tests apply the
same kind of delivery concurrently (``asyncio.gather``), as several webhook deliveries handled
at once.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from psycopg import sql

from stripe_sync import AsyncStripeSync, Outcome
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import make_sync, rows

#: 2025-01-01T00:00:00Z: the fake's clock starts here, well before any real fetch.
T0 = 1_735_689_600
#: Time steps between two writes in Stripe: ties (0) are as likely as not.
STEPS = (0, 0, 1, 2)
#: Deterministic in CI: a fixed seed per test, no example database.
ORDERING = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    # One database for all the examples of a test; each example empties it first.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


class Clock:
    """The fake's clock: stands still until the history moves it."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += seconds


# -- histories -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CustomerHistory:
    """A customer created, updated ``len(updates)`` times, maybe deleted; then delivered."""

    #: Parameters of each ``POST /v1/customers/{id}``.
    updates: tuple[dict[str, Any], ...]
    deleted: bool
    #: Seconds the clock moves before each write after the creation.
    steps: tuple[int, ...]
    #: Indexes (in creation order) of the events, in delivery order; repeats are redeliveries.
    delivery: tuple[int, ...]


@dataclass(frozen=True)
class SubscriptionHistory:
    """A subscription created with some prices, its items changed, maybe canceled."""

    n_prices: int
    #: Each update: ``("add", price)``, ``("remove", item)``, ``("quantity", item, n)`` or
    #: ``("metadata", value)``; items are picked by position modulo the current count.
    updates: tuple[tuple[Any, ...], ...]
    canceled: bool
    steps: tuple[int, ...]
    delivery: tuple[int, ...]


#: Prices in the fake's catalogue; a subscription starts with 2 or 3 of them.
N_PRICES = 4

_names = st.sampled_from(("Ada", "Grace", "Edsger", "Barbara"))
_emails = st.sampled_from(("ada@example.com", "grace@example.com", "e@example.org"))
#: An empty value removes the key, as in Stripe.
_metadata = st.dictionaries(
    st.sampled_from(("plan", "tier", "note")), st.sampled_from(("", "a", "b")), max_size=3
)
_customer_changes = st.fixed_dictionaries(
    {}, optional={"name": _names, "email": _emails, "metadata": _metadata}
)
_item_changes = st.one_of(
    st.tuples(st.just("add"), st.integers(0, N_PRICES - 1)),
    st.tuples(st.just("remove"), st.integers(0, 10)),
    st.tuples(st.just("quantity"), st.integers(0, 10), st.integers(1, 5)),
    st.tuples(st.just("metadata"), st.sampled_from(("a", "b", ""))),
)


def _deliveries(n_events: int) -> st.SearchStrategy[tuple[int, ...]]:
    """Every event once, some again (redeliveries), all in any order."""
    redelivered = st.lists(st.integers(0, n_events - 1), max_size=n_events)
    return redelivered.flatmap(lambda again: st.permutations([*range(n_events), *again]).map(tuple))


def _steps(n: int) -> st.SearchStrategy[tuple[int, ...]]:
    return st.lists(st.sampled_from(STEPS), min_size=n, max_size=n).map(tuple)


@st.composite
def customer_histories(draw: st.DrawFn) -> CustomerHistory:
    updates = draw(st.lists(_customer_changes, min_size=1, max_size=8))
    deleted = draw(st.booleans())
    n_events = 1 + len(updates) + deleted
    return CustomerHistory(
        updates=tuple(updates),
        deleted=deleted,
        steps=draw(_steps(n_events - 1)),
        delivery=draw(_deliveries(n_events)),
    )


@st.composite
def subscription_histories(draw: st.DrawFn) -> SubscriptionHistory:
    updates = draw(st.lists(_item_changes, min_size=1, max_size=8))
    canceled = draw(st.booleans())
    n_events = 1 + len(updates) + canceled
    return SubscriptionHistory(
        n_prices=draw(st.integers(2, 3)),
        updates=tuple(updates),
        canceled=canceled,
        steps=draw(_steps(n_events - 1)),
        delivery=draw(_deliveries(n_events)),
    )


# -- playing a history in the fake -----------------------------------------------------------


def object_events(fake: FakeStripe, object_id: str) -> list[dict[str, Any]]:
    """The events about ``object_id``, oldest first (the fake lists them newest first)."""
    return [e for e in reversed(fake.events()) if e["data"]["object"].get("id") == object_id]


def play_customer(fake: FakeStripe, clock: Clock, history: CustomerHistory) -> str:
    """Write the history in the fake; returns the customer's id."""
    steps = iter(history.steps)
    customer = fake.call("POST", "/v1/customers", {"name": "Ada", "email": "ada@example.com"})
    customer_id = str(customer["id"])
    for n, update in enumerate(history.updates):
        clock.tick(next(steps))
        # A step counter makes every update a change, so each one emits exactly one event.
        metadata = {**update.get("metadata", {}), "step": str(n)}
        fake.call("POST", f"/v1/customers/{customer_id}", {**update, "metadata": metadata})
    if history.deleted:
        clock.tick(next(steps))
        fake.call("DELETE", f"/v1/customers/{customer_id}")
    return customer_id


def new_prices(fake: FakeStripe) -> list[str]:
    product = fake.call("POST", "/v1/products", {"name": "Plan"})
    params = {"product": product["id"], "currency": "usd", "recurring": {"interval": "month"}}
    return [
        str(fake.call("POST", "/v1/prices", {**params, "unit_amount": str(100 * (i + 1))})["id"])
        for i in range(N_PRICES)
    ]


def item_ids(fake: FakeStripe, subscription_id: str) -> list[str]:
    """The subscription's items as Stripe lists them now (every page)."""
    listed = fake.call(
        "GET", "/v1/subscription_items", {"subscription": subscription_id, "limit": "100"}
    )
    assert not listed["has_more"]
    return [str(i["id"]) for i in listed["data"]]


def play_subscription(fake: FakeStripe, clock: Clock, history: SubscriptionHistory) -> str:
    """Write the history in the fake; returns the subscription's id."""
    prices = new_prices(fake)
    customer = fake.call("POST", "/v1/customers", {"email": "ada@example.com"})
    items = [{"price": p} for p in prices[: history.n_prices]]
    created = fake.call("POST", "/v1/subscriptions", {"customer": customer["id"], "items": items})
    sub_id = str(created["id"])
    steps = iter(history.steps)
    for n, update in enumerate(history.updates):
        clock.tick(next(steps))
        current = item_ids(fake, sub_id)
        change: list[dict[str, Any]] = []
        if update[0] == "add":
            change = [{"price": prices[update[1]]}]
        elif update[0] == "remove" and len(current) > 1:
            change = [{"id": current[update[1] % len(current)], "deleted": "true"}]
        elif update[0] == "quantity":
            change = [{"id": current[update[1] % len(current)], "quantity": str(update[2])}]
        metadata = {"step": str(n)}
        if update[0] == "metadata":
            metadata["note"] = update[1]
        params: dict[str, Any] = {"metadata": metadata}
        if change:
            params["items"] = change
        fake.call("POST", f"/v1/subscriptions/{sub_id}", params)
    if history.canceled:
        clock.tick(next(steps))
        fake.call("DELETE", f"/v1/subscriptions/{sub_id}")
    return sub_id


# -- a clean database per example --------------------------------------------------------------


def emptied(url: str) -> str:
    """``url`` with the tables of the ``stripe`` schema that the migrations left empty emptied
    again (those they fill, such as the registry's, the migrations record and the change feed's
    state, are kept: the first call on a database, made on its migrated state, notes which).

    Hypothesis runs many examples in one test, hence with one database: each example starts
    from the freshly migrated state this way, in milliseconds.
    """
    with psycopg.connect(url) as conn:
        if url not in _FILLED_BY_MIGRATIONS:
            _FILLED_BY_MIGRATIONS[url] = {
                table
                for (table,) in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'stripe'"
                ).fetchall()
                if conn.execute(
                    sql.SQL("SELECT EXISTS (SELECT FROM stripe.{})").format(sql.Identifier(table))
                ).fetchone()
                == (True,)
            }
        tables = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'stripe'"
        ).fetchall()
        for (table,) in tables:
            if table not in _FILLED_BY_MIGRATIONS[url]:
                conn.execute(sql.SQL("DELETE FROM stripe.{}").format(sql.Identifier(table)))
    return url


#: Per database: the tables that held rows right after migrating (never emptied).
_FILLED_BY_MIGRATIONS: dict[str, set[str]] = {}


# -- applying and checking -----------------------------------------------------------------------


async def deliver_in_turn(
    engine: AsyncStripeSync, events: list[dict[str, Any]], delivery: tuple[int, ...]
) -> None:
    """Apply the events one after the other; a redelivery must be a duplicate."""
    seen: set[int] = set()
    for index in delivery:
        result = await engine.process_event(events[index])
        assert (result.outcome is Outcome.DUPLICATE) is (index in seen), (index, result)
        seen.add(index)


async def deliver_at_once(
    engine: AsyncStripeSync, events: list[dict[str, Any]], delivery: tuple[int, ...]
) -> None:
    """Apply the events concurrently, as webhook deliveries handled side by side."""
    await asyncio.gather(*(engine.process_event(events[i]) for i in delivery))


def assert_events_recorded_once(url: str, events: list[dict[str, Any]]) -> None:
    with psycopg.connect(url) as conn:
        recorded = [r[0] for r in conn.execute("SELECT id FROM stripe._processed_events")]
    assert sorted(recorded) == sorted(e["id"] for e in events)


def assert_customer_final(
    url: str, fake: FakeStripe, customer_id: str, events: list[dict[str, Any]], deleted: bool
) -> None:
    customers = rows(url, "customers")
    assert list(customers) == [customer_id]
    row = customers[customer_id]
    if not deleted:
        assert row["deleted"] is False
        assert row["_raw_data"] == fake.get("customer", customer_id)
        return
    # A tombstone whatever came after the deletion: stale updates never bring it back or
    # overwrite it. It holds the state the customer.deleted event announced, or, when a re-fetch
    # learned of the deletion first (Stripe answers a stub), a state of the history marked
    # deleted (see test_tombstone_keeps_the_state_the_deleted_event_announces).
    assert row["deleted"] is True
    assert row["deleted_at"] is not None
    raw = row["_raw_data"]
    (announced,) = (e["data"]["object"] for e in events if e["type"] == "customer.deleted")
    if raw != announced:
        assert raw["deleted"] is True
        states = [e["data"]["object"] for e in events] + [stub(customer_id)]
        assert {k: v for k, v in raw.items() if k != "deleted"} in states


def stub(customer_id: str) -> dict[str, Any]:
    return {"id": customer_id, "object": "customer"}


def assert_subscription_final(url: str, fake: FakeStripe, sub_id: str) -> None:
    subscriptions = rows(url, "subscriptions")
    assert list(subscriptions) == [sub_id]
    final = fake.get("subscription", sub_id)
    assert subscriptions[sub_id]["_raw_data"] == final
    assert subscriptions[sub_id]["deleted"] is False

    final_items = {
        str(i["id"]): i
        for i in fake.call(
            "GET", "/v1/subscription_items", {"subscription": sub_id, "limit": "100"}
        )["data"]
    }
    items = rows(url, "subscription_items")
    live = {i for i, row in items.items() if not row["deleted"]}
    assert live == set(final_items)
    for item_id, item in final_items.items():
        assert items[item_id]["_raw_data"] == item
        assert items[item_id]["subscription"] == sub_id
    for item_id in set(items) - set(final_items):
        # Removed in Stripe: a tombstone, never a live row.
        assert items[item_id]["deleted"] is True
        assert items[item_id]["subscription"] == sub_id


# -- the properties ----------------------------------------------------------------------------


@ORDERING
@given(history=customer_histories())
# In order, all in one second: the update is tied, its re-fetch finds the customer deleted.
@example(CustomerHistory(({"name": "Grace"},), True, (0, 0), (0, 1, 2)))
# The deletion first, then stale (and redelivered) updates.
@example(CustomerHistory(({"name": "Grace"}, {}), True, (1, 0, 1), (3, 1, 0, 2, 1, 3)))
async def test_any_delivery_order_leaves_the_customer_final(
    database_url: str, history: CustomerHistory
) -> None:
    url = emptied(database_url)
    clock = Clock(T0)
    with FakeStripe(seed=7, clock=clock) as fake:
        customer_id = play_customer(fake, clock, history)
        events = object_events(fake, customer_id)
        assert len(events) == 1 + len(history.updates) + history.deleted
        async with make_sync(fake, url) as engine:
            await deliver_in_turn(engine, events, history.delivery)
        assert_customer_final(url, fake, customer_id, events, history.deleted)
        assert_events_recorded_once(url, events)


@ORDERING
@given(history=subscription_histories())
# Eleven items in the end, one more than Stripe embeds: the final list is paged.
@example(SubscriptionHistory(3, (("add", 0),) * 8, False, (0, 1) * 4, (8, 7, 0, 8, *range(1, 7))))
async def test_any_delivery_order_leaves_the_subscription_items_final(
    database_url: str, history: SubscriptionHistory
) -> None:
    url = emptied(database_url)
    clock = Clock(T0)
    with FakeStripe(seed=7, clock=clock) as fake:
        sub_id = play_subscription(fake, clock, history)
        events = object_events(fake, sub_id)
        assert len(events) == 1 + len(history.updates) + history.canceled
        async with make_sync(fake, url, auto_expand_lists=True) as engine:
            await deliver_in_turn(engine, events, history.delivery)
        assert_subscription_final(url, fake, sub_id)
        assert_events_recorded_once(url, events)


async def test_tombstone_keeps_the_state_the_deleted_event_announces(database_url: str) -> None:
    """Created, renamed and deleted in one second, delivered in order: the tombstone is Grace.

    The rename ties with the stored creation, so the engine re-fetches the customer, finds it
    deleted (a stub) and tombstones the row with the creation's state. The customer.deleted
    event, which carries the last state (Grace), then finds a tombstone and is dropped, so the
    row keeps name "Ada" for good, though every event was applied, in order.
    """
    clock = Clock(T0)
    history = CustomerHistory(({"name": "Grace"},), True, (0, 0), (0, 1, 2))
    with FakeStripe(seed=7, clock=clock) as fake:
        customer_id = play_customer(fake, clock, history)
        events = object_events(fake, customer_id)
        announced = events[-1]["data"]["object"]
        assert (events[-1]["type"], announced["name"]) == ("customer.deleted", "Grace")
        async with make_sync(fake, database_url) as engine:
            await deliver_in_turn(engine, events, history.delivery)
        row = rows(database_url, "customers")[customer_id]
    assert row["deleted"] is True
    assert row["_raw_data"]["name"] == "Grace"
    assert row["_raw_data"] == announced


# -- concurrent deliveries ---------------------------------------------------------------------


def shuffled_with_redeliveries(n_events: int, seed: int) -> tuple[int, ...]:
    rng = random.Random(seed)
    delivery = [*range(n_events), *rng.choices(range(n_events), k=n_events // 2)]
    rng.shuffle(delivery)
    return tuple(delivery)


#: Ties in every second, the last one included (the final state ties with older ones).
_TIED_STEPS = (0, 1, 0, 0, 2, 0, 0)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("deleted", [False, True], ids=["updated", "deleted"])
async def test_concurrent_deliveries_leave_the_customer_final(
    database_url: str, seed: int, deleted: bool
) -> None:
    clock = Clock(T0)
    updates = tuple({"name": f"Name {n}", "metadata": {"n": str(n)}} for n in range(6))
    steps = _TIED_STEPS[: len(updates) + deleted]
    n_events = 1 + len(updates) + deleted
    history = CustomerHistory(updates, deleted, steps, shuffled_with_redeliveries(n_events, seed))
    with FakeStripe(seed=7, clock=clock) as fake:
        customer_id = play_customer(fake, clock, history)
        events = object_events(fake, customer_id)
        assert len(events) == n_events
        async with make_sync(fake, database_url) as engine:
            await deliver_at_once(engine, events, history.delivery)
        assert_customer_final(database_url, fake, customer_id, events, deleted)
        assert_events_recorded_once(database_url, events)


@pytest.mark.parametrize("seed", range(6))
async def test_concurrent_deliveries_leave_the_subscription_items_final(
    database_url: str, seed: int
) -> None:
    clock = Clock(T0)
    updates = (("add", 3), ("remove", 0), ("quantity", 1, 4), ("add", 0), ("remove", 2))
    steps = _TIED_STEPS[: len(updates) + 1]
    n_events = 2 + len(updates)
    history = SubscriptionHistory(
        3, updates, True, steps, shuffled_with_redeliveries(n_events, seed)
    )
    with FakeStripe(seed=7, clock=clock) as fake:
        sub_id = play_subscription(fake, clock, history)
        events = object_events(fake, sub_id)
        assert len(events) == n_events
        async with make_sync(fake, database_url, auto_expand_lists=True) as engine:
            await deliver_at_once(engine, events, history.delivery)
        assert_subscription_final(database_url, fake, sub_id)
        assert_events_recorded_once(database_url, events)
