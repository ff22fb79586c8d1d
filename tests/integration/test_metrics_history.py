"""The MRR views with history mode (issue 20's gaps): plan and quantity changes counted when
they happened, and discount objects that arrive in customer.discount.* events.

The accounts are built as in test_billing_metrics.py (the fake's clock in 2025, events handed
to the engine oldest first) and checked against numbers worked out by hand. Amounts in cents.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from tests.integration.test_billing_metrics import (
    Account,
    apply_events,
    daily,
    monthly,
    moved,
    rows,
)


@pytest.fixture
def account() -> Iterator[Account]:
    built = Account()
    try:
        yield built
    finally:
        built.fake.close()


def upgraded_and_downgraded(account: Account) -> None:
    """One seat at 10.00 from 2025-01-10; three seats at 10.00 from 2025-03-05 (quantity
    change); one seat at 20.00 from 2025-05-20 (the price changed, two seats less)."""
    ten, twenty = account.price(1_000), account.price(2_000)
    account.at("2025-01-10")
    sub = account.subscribe(account.customer("changes plan"), (ten, 1))
    item = sub["items"]["data"][0]["id"]
    account.at("2025-03-05")
    account.call("POST", f"/v1/subscription_items/{item}", {"quantity": "3"})
    account.at("2025-05-20")
    account.call(
        "POST",
        f"/v1/subscriptions/{sub['id']}",
        {"items": [{"id": item, "price": twenty, "quantity": "1"}]},
    )


async def test_plan_changes_count_when_they_happened_with_history(
    account: Account, database_url: str
) -> None:
    upgraded_and_downgraded(account)
    assert await apply_events(account, database_url, history=("subscription",)) >= 3

    # 1 * 1000 = 1000.00 until 2025-03-05 10:00, 3 * 1000 = 3000.00 until 2025-05-20 10:00,
    # then 1 * 2000 = 2000.00.
    assert monthly(database_url) == {
        "2025-01": Decimal("1000.00"),
        "2025-02": Decimal("1000.00"),
        "2025-03": Decimal("3000.00"),
        "2025-04": Decimal("3000.00"),
        "2025-05": Decimal("2000.00"),
        "2025-06": Decimal("2000.00"),
    }
    assert daily(database_url, "2025-03-04") == (Decimal("1000.00"), 1)
    assert daily(database_url, "2025-03-05") == (Decimal("3000.00"), 1)
    assert daily(database_url, "2025-05-19") == (Decimal("3000.00"), 1)
    assert daily(database_url, "2025-05-20") == (Decimal("2000.00"), 1)
    # March: +2000.00 of expansion (3000 - 1000); May: -1000.00 of contraction (2000 - 3000).
    assert moved(database_url, "2025-03") == {
        "expansion_mrr": Decimal("2000.00"),
        "starting_mrr": Decimal("1000.00"),
        "ending_mrr": Decimal("3000.00"),
    }
    assert moved(database_url, "2025-05") == {
        "contraction_mrr": Decimal("-1000.00"),
        "starting_mrr": Decimal("3000.00"),
        "ending_mrr": Decimal("2000.00"),
    }
    # The item's intervals come from the recorded versions: one per version (the first from
    # the subscription's start), each with that version's price and quantity.
    assert rows(
        database_url,
        "SELECT source, quantity, unit_amount, monthly_amount, valid_from::date, valid_to::date"
        " FROM stripe.subscription_item_intervals ORDER BY valid_from",
    ) == [
        ("history", 1, 1000, Decimal("1000"), *dates("2025-01-10", "2025-03-05")),
        ("history", 3, 1000, Decimal("3000"), *dates("2025-03-05", "2025-05-20")),
        ("history", 1, 2000, Decimal("2000"), *dates("2025-05-20", None)),
    ]


async def test_plan_changes_without_history_are_the_documented_approximation(
    account: Account, database_url: str
) -> None:
    upgraded_and_downgraded(account)
    assert await apply_events(account, database_url) >= 3

    # The current state only: one seat at 20.00 over the whole life, no movement after the
    # first month (docs/concepts/metrics.md, "What the views can and cannot know").
    assert set(monthly(database_url).values()) == {Decimal("2000.00")}
    assert moved(database_url, "2025-03") == {
        "starting_mrr": Decimal("2000.00"),
        "ending_mrr": Decimal("2000.00"),
    }
    assert moved(database_url, "2025-05") == {
        "starting_mrr": Decimal("2000.00"),
        "ending_mrr": Decimal("2000.00"),
    }
    assert rows(database_url, "SELECT source FROM stripe.subscription_item_intervals") == [
        ("current_state",)
    ]


async def test_history_turned_on_later_reaches_back_with_the_first_version(
    account: Account, database_url: str
) -> None:
    """Versions are recorded from when history is turned on: the first one stands for the
    time before it, as the current state does without history."""
    upgraded_and_downgraded(account)
    events = list(reversed(account.fake.events()))
    # The events up to the upgrade without history, the downgrade with it.
    account.applied.update(e["id"] for e in events if e["created"] >= events[-1]["created"])
    await apply_events(account, database_url)
    account.applied.difference_update(
        e["id"] for e in events if e["created"] >= events[-1]["created"]
    )
    await apply_events(account, database_url, history=("subscription",))

    # Recorded: the state of 2025-03-05 (held when history was turned on), then 2025-05-20.
    assert monthly(database_url) == {
        "2025-01": Decimal("3000.00"),
        "2025-02": Decimal("3000.00"),
        "2025-03": Decimal("3000.00"),
        "2025-04": Decimal("3000.00"),
        "2025-05": Decimal("2000.00"),
        "2025-06": Decimal("2000.00"),
    }


async def test_a_discount_removed_ends_with_its_deletion_event(
    account: Account, database_url: str
) -> None:
    quarter_off = account.coupon(percent_off="25", duration="forever")
    account.at("2025-01-10")
    sub = account.subscribe(
        account.customer("a"), (account.price(4_000), 1), discounts=[{"coupon": quarter_off}]
    )
    account.at("2025-03-15")
    account.call("POST", f"/v1/subscriptions/{sub['id']}", {"discounts": ""})
    types = [e["type"] for e in account.fake.events()]
    assert types.count("customer.discount.created") == types.count("customer.discount.deleted") == 1
    await apply_events(account, database_url)

    # The subscription's row lists no discount any more; the discount's created and deleted
    # events tell: 4000 * 0.75 = 3000.00 until 2025-03-15 10:00, then 4000.00.
    assert rows(database_url, "SELECT _raw_data->'discounts' FROM stripe.subscriptions") == [([],)]
    assert daily(database_url, "2025-03-14") == (Decimal("3000.00"), 1)
    assert daily(database_url, "2025-03-15") == (Decimal("4000.00"), 1)
    assert moved(database_url, "2025-03") == {
        "expansion_mrr": Decimal("1000.00"),
        "starting_mrr": Decimal("3000.00"),
        "ending_mrr": Decimal("4000.00"),
    }


async def test_a_tombstoned_subscription_counts_with_history_as_without(
    account: Account, database_url: str
) -> None:
    """A subscription whose row is a tombstone (Stripe answered that it does not exist: a
    ``"deleted": true`` stub) is no MRR without history (the views skip deleted rows); its
    recorded versions must not bring it back with history: no MRR, no movement, no trial."""
    account.at("2025-01-10")
    sub = account.subscribe(
        account.customer("gone"), (account.price(1_000), 1), trial_period_days="10"
    )
    account.at("2025-03-10")
    account.fake.emit_event(
        "customer.subscription.deleted",
        {"id": sub["id"], "object": "subscription", "deleted": True},
    )
    await apply_events(account, database_url, history=("subscription",))

    assert rows(database_url, "SELECT deleted FROM stripe.subscriptions") == [(True,)]
    assert rows(database_url, "SELECT count(*) FROM stripe.history") != [(0,)]
    assert monthly(database_url) == {}
    assert rows(database_url, "SELECT count(*) FROM stripe.subscription_item_intervals") == [(0,)]
    assert rows(database_url, "SELECT count(*) FROM stripe.mrr_movements") == [(0,)]
    assert rows(database_url, "SELECT count(*) FROM stripe.active_subscribers") == [(0,)]


def dates(start: str, end: str | None) -> tuple[date, date | None]:
    """The two days of an interval (None: it runs)."""
    return date.fromisoformat(start), date.fromisoformat(end) if end else None
