"""The billing metric views (migration 0027) on small accounts checked by hand.

Each test builds an account through the fake Stripe's API at controlled dates (the fake's clock;
2025, well before any day the suite runs on), syncs it into PostgreSQL with the real engine
(backfill, then events where the mirror learns of a change), and compares the views with
numbers worked out by hand, the arithmetic in a comment beside each. Amounts are in cents.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import psycopg
import pytest

from stripe_sync.testing import FakeStripe
from stripe_sync.testing.errors import FakeStripeError
from tests.integration.helpers import make_sync

#: What the metric views read.
OBJECTS = ["product", "price", "coupon", "customer", "subscription", "invoice", "charge", "refund"]


def ts(day: str, hour: int = 10) -> int:
    """``day`` (YYYY-MM-DD) at ``hour``:00 UTC as a Unix timestamp."""
    return int(datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC).timestamp())


class Account:
    """A fake Stripe account whose every object is created at a chosen moment."""

    def __init__(self) -> None:
        self.now = ts("2025-01-01")
        self.fake = FakeStripe(seed=20, clock=lambda: self.now)
        self.product = self.call("POST", "/v1/products", {"name": "Plan"})["id"]
        #: Events already handed to the engine (see apply_events).
        self.applied: set[str] = set()

    def at(self, day: str, hour: int = 10) -> Account:
        self.now = ts(day, hour)
        return self

    def call(self, method: str, path: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.fake.call(method, path, params)

    def price(
        self,
        amount: int,
        interval: str = "month",
        count: int = 1,
        currency: str = "usd",
        **more: Any,
    ) -> str:
        recurring = {"interval": interval, "interval_count": str(count)}
        recurring.update(more.pop("recurring", {}))
        params = {
            "product": self.product,
            "currency": currency,
            "unit_amount": str(amount),
            "recurring": recurring,
            **more,
        }
        return str(self.call("POST", "/v1/prices", params)["id"])

    def customer(self, name: str) -> str:
        return str(self.call("POST", "/v1/customers", {"name": name})["id"])

    def coupon(self, **terms: str) -> str:
        return str(self.call("POST", "/v1/coupons", terms)["id"])

    def subscribe(self, customer: str, *items: tuple[str, int], **params: Any) -> dict[str, Any]:
        """A subscription to ``(price, quantity)`` items."""
        lines = [{"price": p, "quantity": str(q)} for p, q in items]
        return self.call(
            "POST", "/v1/subscriptions", {"customer": customer, "items": lines, **params}
        )


@pytest.fixture
def account() -> Iterator[Account]:
    built = Account()
    try:
        yield built
    finally:
        built.fake.close()


async def backfill(account: Account, url: str) -> None:
    async with make_sync(account.fake, url) as sync:
        result = await sync.process_until_done(OBJECTS)
    assert result.status == "complete"


async def apply_events(
    account: Account, url: str, *, leave: str | None = None, **config: Any
) -> int:
    """Hand the engine the fake's events it has not seen, oldest first (as webhooks or the
    Events API poller would); returns how many. A mirror built this way keeps each row at the
    version of its event (the fake's clock), so a later event is newer; a backfill's rows are
    versioned by the real time of the fetch, newer than any event of this 2025 account.
    ``leave``: a prefix of event types to leave for a later call (a webhook endpoint that
    does not subscribe to them). ``config``: the engine's configuration (e.g. history)."""
    events = [
        e
        for e in reversed(account.fake.events())
        if e["id"] not in account.applied and not (leave and e["type"].startswith(leave))
    ]
    async with make_sync(account.fake, url, **config) as sync:
        if config:
            # Migrating with the configuration is what turns history on.
            await sync.run_migrations()
        for event in events:
            result = await sync.process_event(event)
            assert result.outcome != "failed", (event["type"], result)
            account.applied.add(event["id"])
    return len(events)


async def expanded_discounts(account: Account, url: str, *subscriptions: str) -> None:
    """Give the engine each subscription with its discounts expanded, as an update event: the
    payload an API call with ``expand[]=discounts`` returns (Stripe's default payload carries
    the discounts' ids only)."""
    async with make_sync(account.fake, url) as sync:
        for sub_id in subscriptions:
            sub = account.call("GET", f"/v1/subscriptions/{sub_id}", {"expand": ["discounts"]})
            assert all(isinstance(d, dict) for d in sub["discounts"])
            event = account.fake.emit_event("customer.subscription.updated", sub)
            result = await sync.process_event(event)
            assert result.outcome != "failed", result
            account.applied.add(event["id"])


def rows(url: str, statement: str, *params: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(statement.encode(), params).fetchall()


def monthly(url: str, currency: str = "usd", until: str = "2025-06-01") -> dict[str, Decimal]:
    """mrr_monthly's MRR by month (YYYY-MM) up to ``until``."""
    found = rows(
        url,
        "SELECT month, mrr FROM stripe.mrr_monthly WHERE currency = %s AND month <= %s "
        "ORDER BY month",
        currency,
        date.fromisoformat(until),
    )
    return {m.strftime("%Y-%m"): mrr for m, mrr in found}


def daily(url: str, day: str, currency: str = "usd") -> tuple[Decimal, int] | None:
    found = rows(
        url,
        "SELECT mrr, subscribers FROM stripe.mrr_daily WHERE currency = %s AND day = %s",
        currency,
        date.fromisoformat(day),
    )
    return (found[0][0], found[0][1]) if found else None


def movements(url: str, month: str, currency: str = "usd") -> dict[str, Any]:
    with psycopg.connect(url) as conn:
        cur = conn.execute(
            "SELECT * FROM stripe.mrr_movements WHERE currency = %s AND month = %s",
            (currency, date.fromisoformat(month + "-01")),
        )
        names = [c.name for c in cur.description or ()]
        found = cur.fetchall()
    assert len(found) == 1, found
    return dict(zip(names, found[0], strict=True))


def moved(url: str, month: str) -> dict[str, Any]:
    """The non-zero movements of a month (and its start and end)."""
    m = movements(url, month)
    keys: Sequence[str] = (
        "new_mrr",
        "reactivation_mrr",
        "expansion_mrr",
        "contraction_mrr",
        "churned_mrr",
    )
    out = {k: m[k] for k in keys if m[k] != 0}
    out["starting_mrr"] = m["starting_mrr"]
    out["ending_mrr"] = m["ending_mrr"]
    # The movements add up, whatever the month.
    assert m["starting_mrr"] + m["net_new_mrr"] == m["ending_mrr"]
    assert m["net_new_mrr"] == sum(m[k] for k in keys)
    return out


# -- normalising to a month --------------------------------------------------------------------


async def test_yearly_prices_count_a_twelfth(account: Account, database_url: str) -> None:
    account.at("2025-01-10")
    account.subscribe(account.customer("yearly"), (account.price(120_000, "year"), 1))
    account.subscribe(account.customer("biennial"), (account.price(240_000, "year", 2), 1))
    await backfill(account, database_url)

    # 120000 / 12 = 10000.00 and 240000 / (2 * 12) = 10000.00: 20000.00 from the first day.
    assert monthly(database_url) == {
        m: Decimal("20000.00")
        for m in ("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06")
    }
    assert daily(database_url, "2025-01-09") is None
    assert daily(database_url, "2025-01-10") == (Decimal("20000.00"), 2)
    amounts = rows(
        database_url,
        "SELECT interval, interval_count, monthly_amount FROM stripe.subscription_item_intervals "
        "ORDER BY interval_count",
    )
    assert amounts == [("year", 1, Decimal("10000")), ("year", 2, Decimal("10000"))]


async def test_weekly_daily_and_quarterly_prices(account: Account, database_url: str) -> None:
    account.at("2025-01-10")
    account.subscribe(account.customer("weekly"), (account.price(1_000, "week"), 1))
    account.subscribe(account.customer("3-daily"), (account.price(300, "day", 3), 1))
    account.subscribe(account.customer("quarterly"), (account.price(9_000, "month", 3), 1))
    await backfill(account, database_url)

    per_subscription = rows(
        database_url,
        "SELECT mrr FROM stripe.mrr_subscription_segments ORDER BY mrr",
    )
    # weekly: 1000 * 52 / 12 = 4333.333... -> 4333.33
    # every 3 days: 300 / (3 * 12 / 365) = 300 * 365 / 36 = 3041.666... -> 3041.67
    # quarterly: 9000 / 3 = 3000.00
    assert [r[0] for r in per_subscription] == [
        Decimal("3000.00"),
        Decimal("3041.67"),
        Decimal("4333.33"),
    ]
    # 4333.33 + 3041.67 + 3000.00 = 10375.00
    assert monthly(database_url)["2025-01"] == Decimal("10375.00")
    assert monthly(database_url)["2025-05"] == Decimal("10375.00")


async def test_quantities(account: Account, database_url: str) -> None:
    account.at("2025-01-10")
    account.subscribe(account.customer("seats"), (account.price(1_500), 4))
    packs = account.price(1_000, transform_quantity={"divide_by": "10", "round": "up"})
    account.subscribe(account.customer("packs"), (packs, 25))
    await backfill(account, database_url)

    # 1500 * 4 = 6000.00; packs of 10, rounded up: ceil(25 / 10) = 3, 3 * 1000 = 3000.00
    billed = rows(
        database_url,
        "SELECT quantity, billed_quantity, monthly_amount FROM stripe.subscription_item_intervals "
        "ORDER BY quantity",
    )
    assert billed == [(4, 4, Decimal("6000")), (25, 3, Decimal("3000"))]
    # 6000 + 3000 = 9000.00, two subscribers
    assert daily(database_url, "2025-02-01") == (Decimal("9000.00"), 2)


async def test_multi_item_subscriptions_and_metered_items(
    account: Account, database_url: str
) -> None:
    account.at("2025-01-10")
    metered = account.price(7, recurring={"usage_type": "metered"})
    sub = account.subscribe(
        account.customer("multi"), (account.price(2_000), 1), (account.price(500), 3), (metered, 1)
    )
    await backfill(account, database_url)

    excluded = rows(
        database_url,
        "SELECT price, excluded FROM stripe.subscription_item_intervals WHERE excluded IS NOT NULL",
    )
    assert excluded == [(metered, "metered")]
    # 2000 * 1 + 500 * 3 = 3500.00; the metered item counts for nothing (usage is not recurring)
    assert rows(
        database_url, "SELECT subscription, items, mrr FROM stripe.mrr_subscription_segments"
    ) == [(sub["id"], 2, Decimal("3500.00"))]
    assert rows(
        database_url,
        "SELECT mrr, subscribers, subscriptions FROM stripe.mrr_monthly WHERE month = '2025-01-01'",
    ) == [(Decimal("3500.00"), 1, 1)]


# -- discounts ---------------------------------------------------------------------------------


async def test_percent_discounts(account: Account, database_url: str) -> None:
    forever = account.coupon(percent_off="25", duration="forever")
    three_months = account.coupon(percent_off="50", duration="repeating", duration_in_months="3")
    account.at("2025-01-10")
    a = account.subscribe(
        account.customer("a"), (account.price(4_000), 1), discounts=[{"coupon": forever}]
    )
    account.at("2025-01-15")
    b = account.subscribe(
        account.customer("b"), (account.price(4_000), 1), discounts=[{"coupon": three_months}]
    )
    await apply_events(account, database_url, leave="customer.discount.")

    # Stripe's subscription payloads name the discounts by id only: without the discount
    # objects their coupons are unknown, and MRR is gross.
    notes = rows(database_url, "SELECT in_mrr, note FROM stripe.subscription_discount_intervals")
    assert notes == [(False, "coupon unknown: the row holds the discount's id only")] * 2
    assert monthly(database_url)["2025-01"] == Decimal("8000.00")  # 4000 + 4000
    listed = rows(
        database_url,
        "SELECT subscription FROM stripe.subscription_discount_intervals ORDER BY valid_from",
    )
    assert [r[0] for r in listed] == [a["id"], b["id"]]

    # The customer.discount.created events carry the discount objects: the mirror keeps them,
    # the subscriptions' rows still hold the ids only.
    assert await apply_events(account, database_url) == 2
    assert rows(database_url, "SELECT count(*) FROM stripe._discounts") == [(2,)]
    assert rows(
        database_url,
        "SELECT count(*) FROM stripe.subscriptions WHERE jsonb_typeof(_raw_data->'discounts'->0)"
        " = 'string'",
    ) == [(2,)]
    # a: 4000 * (1 - 0.25) = 3000.00; b: 4000 * (1 - 0.50) = 2000.00 from 2025-01-15 for three
    # calendar months, until 2025-04-15, then 4000.00.
    assert monthly(database_url) == {
        "2025-01": Decimal("5000.00"),  # 3000 + 2000
        "2025-02": Decimal("5000.00"),
        "2025-03": Decimal("5000.00"),
        "2025-04": Decimal("7000.00"),  # 3000 + 4000
        "2025-05": Decimal("7000.00"),
        "2025-06": Decimal("7000.00"),
    }
    assert daily(database_url, "2025-04-14") == (Decimal("5000.00"), 2)
    assert daily(database_url, "2025-04-15") == (Decimal("7000.00"), 2)
    # The end of b's discount is an expansion of 2000.00 in April.
    assert moved(database_url, "2025-04") == {
        "expansion_mrr": Decimal("2000.00"),
        "starting_mrr": Decimal("5000.00"),
        "ending_mrr": Decimal("7000.00"),
    }


async def test_amount_discounts(account: Account, database_url: str) -> None:
    off_500 = account.coupon(amount_off="500", currency="usd", duration="forever")
    off_1200 = account.coupon(amount_off="1200", currency="usd", duration="forever")
    once = account.coupon(amount_off="700", currency="usd", duration="once")
    off_5000 = account.coupon(amount_off="5000", currency="usd", duration="forever")
    account.at("2025-01-10")
    subs = [
        account.subscribe(account.customer(name), (price, 1), discounts=[{"coupon": coupon}])["id"]
        for name, price, coupon in (
            ("monthly", account.price(3_000), off_500),
            ("yearly", account.price(12_000, "year"), off_1200),
            ("once", account.price(2_000), once),
            ("more than the price", account.price(1_000), off_5000),
        )
    ]
    await apply_events(account, database_url)
    account.at("2025-02-01")
    await expanded_discounts(account, database_url, *subs)

    per_subscription = dict(
        rows(database_url, "SELECT subscription, mrr FROM stripe.mrr_subscription_segments")
    )
    assert [per_subscription[s] for s in subs] == [
        Decimal("2500.00"),  # 3000 - 500
        Decimal("900.00"),  # (12000 - 1200) / 12: the amount is off each yearly invoice
        Decimal("2000.00"),  # a "once" coupon takes 700 off the first invoice only
        Decimal("0.00"),  # 1000 - 5000, never below zero
    ]
    assert rows(
        database_url,
        "SELECT note FROM stripe.subscription_discount_intervals WHERE NOT in_mrr",
    ) == [("once: the first invoice only, not recurring",)]
    # 2500 + 900 + 2000 + 0 = 5400.00; three customers pay something
    assert daily(database_url, "2025-01-31") == (Decimal("5400.00"), 3)


# -- trials, currencies, cancellations ---------------------------------------------------------


async def test_trials_are_not_mrr(account: Account, database_url: str) -> None:
    account.at("2025-01-10")
    account.subscribe(account.customer("trial"), (account.price(2_000), 1), trial_period_days="30")
    await backfill(account, database_url)

    # The trial runs 2025-01-10 10:00 + 30 days = 2025-02-09 10:00; MRR starts then.
    assert daily(database_url, "2025-02-08") is None
    assert daily(database_url, "2025-02-09") == (Decimal("2000.00"), 1)
    assert "2025-01" not in monthly(database_url)
    assert monthly(database_url)["2025-02"] == Decimal("2000.00")
    assert rows(
        database_url,
        "SELECT month, subscribers, paying_subscriptions, trialing_subscriptions "
        "FROM stripe.active_subscribers WHERE month <= '2025-02-01' ORDER BY month",
    ) == [(date(2025, 1, 1), 0, 0, 1), (date(2025, 2, 1), 1, 1, 0)]
    assert moved(database_url, "2025-02") == {
        "new_mrr": Decimal("2000.00"),
        "starting_mrr": 0,
        "ending_mrr": Decimal("2000.00"),
    }


async def test_currencies_are_kept_apart(account: Account, database_url: str) -> None:
    account.at("2025-01-10")
    account.subscribe(account.customer("us"), (account.price(1_000), 1))
    account.subscribe(account.customer("eu 1"), (account.price(2_000, currency="eur"), 1))
    account.subscribe(account.customer("eu 2"), (account.price(500, currency="eur"), 1))
    await backfill(account, database_url)

    # usd: 1000.00 (one subscriber); eur: 2000 + 500 = 2500.00 (two); never 3500 together
    assert rows(
        database_url,
        "SELECT currency, mrr, subscribers FROM stripe.mrr_monthly WHERE month = '2025-01-01' "
        "ORDER BY currency",
    ) == [("eur", Decimal("2500.00"), 2), ("usd", Decimal("1000.00"), 1)]
    assert movements(database_url, "2025-01", "eur")["new_customers"] == 2


async def test_cancel_at_period_end_counts_until_the_end(
    account: Account, database_url: str
) -> None:
    account.at("2025-01-10")
    sub = account.subscribe(account.customer("leaving"), (account.price(5_000), 1))
    account.at("2025-01-20")
    updated = account.call(
        "POST", f"/v1/subscriptions/{sub['id']}", {"cancel_at_period_end": "true"}
    )
    assert updated["cancel_at"] == ts("2025-02-10")  # the end of the first monthly period
    await backfill(account, database_url)

    # Still 5000.00 until 2025-02-10 10:00: the day before counts, that day's end does not.
    assert daily(database_url, "2025-01-31") == (Decimal("5000.00"), 1)
    assert daily(database_url, "2025-02-09") == (Decimal("5000.00"), 1)
    assert daily(database_url, "2025-02-10") == (Decimal("0"), 0)
    assert moved(database_url, "2025-02") == {
        "churned_mrr": Decimal("-5000.00"),
        "starting_mrr": Decimal("5000.00"),
        "ending_mrr": 0,
    }


async def test_churn(account: Account, database_url: str) -> None:
    account.at("2025-01-10")
    leaving = account.subscribe(account.customer("leaving"), (account.price(6_000), 1))
    account.at("2025-01-12")
    account.subscribe(account.customer("staying"), (account.price(1_000), 1))
    account.at("2025-03-05")
    account.call("DELETE", f"/v1/subscriptions/{leaving['id']}")
    await backfill(account, database_url)

    # January: two new customers, 6000 + 1000 = 7000.00
    assert moved(database_url, "2025-01") == {
        "new_mrr": Decimal("7000.00"),
        "starting_mrr": 0,
        "ending_mrr": Decimal("7000.00"),
    }
    assert moved(database_url, "2025-02") == {
        "starting_mrr": Decimal("7000.00"),
        "ending_mrr": Decimal("7000.00"),
    }
    # March: 6000.00 churned on the 5th, 1000.00 left
    march = movements(database_url, "2025-03")
    assert (march["churned_mrr"], march["churned_customers"], march["ending_mrr"]) == (
        Decimal("-6000.00"),
        1,
        Decimal("1000.00"),
    )


async def test_reactivation(account: Account, database_url: str) -> None:
    account.at("2025-01-10")
    customer = account.customer("comes back")
    first = account.subscribe(customer, (account.price(2_000), 1))
    account.at("2025-02-15")
    account.call("DELETE", f"/v1/subscriptions/{first['id']}")
    account.at("2025-04-03")
    account.subscribe(customer, (account.price(3_000), 1))
    await backfill(account, database_url)

    assert moved(database_url, "2025-01")["new_mrr"] == Decimal("2000.00")
    assert moved(database_url, "2025-02")["churned_mrr"] == Decimal("-2000.00")
    assert moved(database_url, "2025-03") == {"starting_mrr": 0, "ending_mrr": 0}
    # April: the same customer pays again, 3000.00: a reactivation, not a new customer
    april = movements(database_url, "2025-04")
    assert (april["reactivation_mrr"], april["reactivated_customers"], april["new_mrr"]) == (
        Decimal("3000.00"),
        1,
        0,
    )


async def test_expansion_and_contraction_the_mirror_saw(
    account: Account, database_url: str
) -> None:
    account.at("2025-01-10")
    sub = account.subscribe(account.customer("grows"), (account.price(2_000), 1))
    first_item = sub["items"]["data"][0]["id"]
    await apply_events(account, database_url)
    # An item added on 2025-02-12 and the first one removed on 2025-03-20, each announced by a
    # customer.subscription.updated event that the engine applies.
    account.at("2025-02-12")
    account.call(
        "POST", "/v1/subscription_items", {"subscription": sub["id"], "price": account.price(1_000)}
    )
    account.at("2025-03-20")
    account.call("DELETE", f"/v1/subscription_items/{first_item}")
    assert await apply_events(account, database_url) >= 2

    assert monthly(database_url, until="2025-04-01") == {
        "2025-01": Decimal("2000.00"),
        "2025-02": Decimal("3000.00"),  # 2000 + 1000 (the added item counts from its creation)
        "2025-03": Decimal("1000.00"),  # 3000 - 2000 (the removed item's tombstone ends it)
        "2025-04": Decimal("1000.00"),
    }
    assert moved(database_url, "2025-02")["expansion_mrr"] == Decimal("1000.00")
    assert moved(database_url, "2025-03")["contraction_mrr"] == Decimal("-2000.00")


async def test_a_quantity_change_rewrites_the_past_without_history(
    account: Account, database_url: str
) -> None:
    """The documented limit: the mirror keeps the item's current quantity only."""
    account.at("2025-01-10")
    sub = account.subscribe(account.customer("seats"), (account.price(1_000), 1))
    await apply_events(account, database_url)
    assert monthly(database_url)["2025-01"] == Decimal("1000.00")

    account.at("2025-03-01")
    item = sub["items"]["data"][0]["id"]
    account.call("POST", f"/v1/subscription_items/{item}", {"quantity": "3"})
    await apply_events(account, database_url)
    # 3 * 1000 = 3000.00 for January too: the change of March is not seen as one.
    assert monthly(database_url)["2025-01"] == Decimal("3000.00")
    assert moved(database_url, "2025-03") == {
        "starting_mrr": Decimal("3000.00"),
        "ending_mrr": Decimal("3000.00"),
    }


# -- revenue and failed payments ---------------------------------------------------------------


async def test_revenue_net_of_refunds(account: Account, database_url: str) -> None:
    customer = account.customer("buyer")

    def charge(amount: int, currency: str = "usd", source: str = "tok_visa") -> str:
        params = {"amount": str(amount), "currency": currency, "customer": customer}
        return str(account.call("POST", "/v1/charges", {**params, "source": source})["id"])

    account.at("2025-01-10")
    big = charge(10_000)
    account.at("2025-01-12")
    charge(3_000, "eur")
    account.at("2025-01-20")
    small = charge(5_000)
    account.at("2025-01-25")
    account.call("POST", "/v1/refunds", {"charge": small})  # all of it
    account.at("2025-01-28")
    with pytest.raises(FakeStripeError):
        charge(8_000, source="tok_chargeDeclined")  # failed: no revenue
    account.at("2025-02-03")
    account.call("POST", "/v1/refunds", {"charge": big, "amount": "2000"})
    await backfill(account, database_url)

    found = rows(
        database_url,
        "SELECT month, currency, charges, gross_amount, refunds, refunded_amount, net_amount "
        "FROM stripe.revenue_monthly ORDER BY month, currency",
    )
    assert found == [
        # eur: one charge of 3000, nothing refunded
        (date(2025, 1, 1), "eur", 1, 3_000, 0, 0, 3_000),
        # usd: 10000 + 5000 = 15000 charged, the 5000 refunded in January: 15000 - 5000 = 10000
        (date(2025, 1, 1), "usd", 2, 15_000, 1, 5_000, 10_000),
        # February: 2000 of January's charge refunded, nothing charged: 0 - 2000 = -2000
        (date(2025, 2, 1), "usd", 0, 0, 1, 2_000, -2_000),
    ]


async def test_failed_payments_and_dunning(account: Account, database_url: str) -> None:
    account.at("2025-02-01")
    late = account.customer("late payer")
    sub = account.subscribe(late, (account.price(4_000), 1))

    def invoice(customer: str, amount: int, subscription: str | None = None) -> str:
        params = {"customer": customer, **({"subscription": subscription} if subscription else {})}
        invoice_id = str(account.call("POST", "/v1/invoices", params)["id"])
        account.call(
            "POST",
            "/v1/invoiceitems",
            {"customer": customer, "amount": str(amount), "currency": "usd", "invoice": invoice_id},
        )
        return invoice_id

    def pay(invoice_id: str, declined: bool) -> None:
        params = {"payment_method": "pm_card_chargeDeclined"} if declined else {}
        if declined:
            with pytest.raises(FakeStripeError) as failed:
                account.call("POST", f"/v1/invoices/{invoice_id}/pay", params)
            assert failed.value.status == 402
        else:
            account.call("POST", f"/v1/invoices/{invoice_id}/pay", params)

    account.at("2025-02-10")
    february = invoice(late, 4_000, sub["id"])
    pay(february, declined=True)  # attempt 1: the subscription goes past_due
    account.at("2025-02-13")
    pay(february, declined=True)  # attempt 2, still open
    account.at("2025-02-20")
    with pytest.raises(FakeStripeError):
        account.call(
            "POST",
            "/v1/charges",
            {"amount": "2500", "currency": "usd", "customer": late, "source": "tok_chargeDeclined"},
        )
    account.at("2025-03-02")
    march = invoice(account.customer("pays on retry"), 1_500)
    pay(march, declined=True)
    account.at("2025-03-05")
    pay(march, declined=False)  # attempt 2 succeeds
    await backfill(account, database_url)

    found = rows(
        database_url,
        "SELECT month, failed_charges, failed_amount, retried_invoices, unpaid_invoices, "
        "uncollectible_invoices FROM stripe.payment_failures_monthly WHERE currency = 'usd' "
        "ORDER BY month",
    )
    assert found == [
        # two declined attempts at 4000 and a declined charge of 2500: 4000 + 4000 + 2500;
        # February's invoice was attempted twice and still owes its 4000
        (date(2025, 2, 1), 3, 10_500, 1, 1, 0),
        # one declined attempt at 1500; the invoice was attempted twice, then paid
        (date(2025, 3, 1), 1, 1_500, 1, 0, 0),
    ]
    assert rows(database_url, "SELECT * FROM stripe.dunning")[0][1:] == (
        "usd",
        1,  # the subscription is past_due
        0,
        1,  # February's invoice
        4_000,  # what it still owes
    )
    # A past_due subscription still counts in MRR (its payment is being retried).
    assert monthly(database_url)["2025-02"] == Decimal("4000.00")
