"""History mode: every version kept, and the state as of any instant, whatever the arrival order.

The histories are played in the fake Stripe on a manual clock (each write a second or two after
the one before, so that one subscription's versions never share a second unless a test wants
them to), and their events applied through the real write path (``process_event``): once in
creation order, once shuffled with redeliveries, on two databases. ``subscriptions_as_of`` must
give the same rows on both, and the state Stripe had, at every instant around every write.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
from click.testing import CliRunner
from psycopg import sql
from psycopg.types.json import Jsonb

from stripe_sync import AsyncStripeSync, Outcome, StripeSyncConfig
from stripe_sync.cli import main
from stripe_sync.errors import ConfigError
from stripe_sync.testing import FakeStripe
from tests.conftest import create_db, drop_db
from tests.integration.helpers import make_sync

#: 2025-01-01T00:00:00Z: the fake's clock starts here, well before any real fetch.
T0 = 1_735_689_600


class Clock:
    """The fake's clock: stands still until a test moves it."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def other_database_url(pg_admin_url: str, template_url: str) -> Iterator[str]:
    """A second migrated database for the same test (the shuffled delivery's)."""
    template = psycopg.conninfo.conninfo_to_dict(template_url)["dbname"]
    assert isinstance(template, str)
    name = f"h_{os.getpid()}_{random.randrange(10**9)}"
    url = create_db(pg_admin_url, name, template=template)
    try:
        yield url
    finally:
        drop_db(pg_admin_url, name)


# -- playing histories in the fake -------------------------------------------------------------

#: (instant, table, id, its state after the write; None once deleted), in time order.
Timeline = list[tuple[float, str, str, dict[str, Any] | None]]


def new_prices(fake: FakeStripe, n: int = 3) -> list[str]:
    product = fake.call("POST", "/v1/products", {"name": "Plan"})
    params = {"product": product["id"], "currency": "usd", "recurring": {"interval": "month"}}
    return [
        str(fake.call("POST", "/v1/prices", {**params, "unit_amount": str(500 * (i + 1))})["id"])
        for i in range(n)
    ]


def play(fake: FakeStripe, clock: Clock, rng: random.Random, n_subs: int = 4) -> Timeline:
    """``n_subs`` subscriptions updated in turn (quantities, prices, metadata), one canceled
    half-way and another at the end (a canceled subscription stays, in its final state), and a
    customer renamed in between and deleted (a tombstone); every write 1 or 2 seconds after the
    one before."""
    prices = new_prices(fake)
    timeline: Timeline = []
    subs: list[str] = []
    churned = str(fake.call("POST", "/v1/customers", {"name": "Churned 0"})["id"])
    timeline.append((clock.now, "customers", churned, fake.get("customer", churned)))
    for n in range(n_subs):
        clock.now += rng.choice((1, 2))
        customer = fake.call("POST", "/v1/customers", {"email": f"c{n}@example.com"})
        sub = fake.call(
            "POST",
            "/v1/subscriptions",
            {"customer": customer["id"], "items": [{"price": prices[n % 3], "quantity": "1"}]},
        )
        sub_id = str(sub["id"])
        subs.append(sub_id)
        timeline.append((clock.now, "subscriptions", sub_id, fake.get("subscription", sub_id)))
    live = list(subs)
    for step in range(8 * n_subs):
        clock.now += rng.choice((1, 2))
        if step % 5 == 4 or step == 8 * n_subs - 1:
            if step == 8 * n_subs - 1:
                fake.call("DELETE", f"/v1/customers/{churned}")
                timeline.append((clock.now, "customers", churned, None))
            else:
                fake.call("POST", f"/v1/customers/{churned}", {"name": f"Churned {step}"})
                timeline.append((clock.now, "customers", churned, fake.get("customer", churned)))
            continue
        sub_id = live[step % len(live)]
        if step in (4 * n_subs, 8 * n_subs - 2):
            fake.call("DELETE", f"/v1/subscriptions/{sub_id}")
            live.remove(sub_id)
        else:
            item = fake.call("GET", "/v1/subscription_items", {"subscription": sub_id})["data"][0]
            params: dict[str, Any] = {"metadata": {"step": str(step)}}
            change = rng.choice(("quantity", "price", "metadata"))
            if change == "quantity":
                params["items"] = [{"id": item["id"], "quantity": str(rng.randint(1, 9))}]
            elif change == "price":
                params["items"] = [{"id": item["id"], "price": rng.choice(prices)}]
            fake.call("POST", f"/v1/subscriptions/{sub_id}", params)
        timeline.append((clock.now, "subscriptions", sub_id, fake.get("subscription", sub_id)))
    return timeline


def timeline_events(fake: FakeStripe, timeline: Timeline) -> list[dict[str, Any]]:
    """The events about the timeline's objects, oldest first (the fake lists them newest
    first)."""
    ids = {object_id for _, _, object_id, _ in timeline}
    return [e for e in reversed(fake.events()) if e["data"]["object"]["id"] in ids]


def subscription_events(fake: FakeStripe) -> list[dict[str, Any]]:
    """The events about subscriptions, oldest first."""
    return [e for e in reversed(fake.events()) if e["data"]["object"]["object"] == "subscription"]


def truth(timeline: Timeline, table: str, at: float) -> dict[str, dict[str, Any]]:
    """What Stripe held at ``at``: per object of ``table`` its last state at or before it."""
    state: dict[str, dict[str, Any] | None] = {}
    for when, in_table, object_id, payload in timeline:
        if when <= at and in_table == table:
            state[object_id] = payload
    return {k: v for k, v in state.items() if v is not None}


def instants(timeline: Timeline) -> list[float]:
    """Before anything, at and half a second after every write, and long after."""
    times = sorted({when for when, _, _, _ in timeline})
    return [T0 - 1, *times, *(t + 0.5 for t in times), times[-1] + 3600]


def at(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


# -- reading the database ----------------------------------------------------------------------


def enable(url: str, *tables: str) -> None:
    with psycopg.connect(url) as conn:
        conn.execute("SELECT stripe.history_enable(%s)", (list(tables),))


def as_of(url: str, seconds: float, table: str = "subscriptions") -> dict[str, dict[str, Any]]:
    with psycopg.connect(url) as conn:
        found = conn.execute(
            sql.SQL("SELECT id, _raw_data FROM stripe.{}(%s)").format(
                sql.Identifier(table + "_as_of")
            ),
            (at(seconds),),
        ).fetchall()
    return {str(i): raw for i, raw in found}


def intervals(url: str, table: str = "subscriptions") -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT id, valid_from, valid_to, deleted_at, _raw_data FROM stripe.history"
            " WHERE table_name = %s ORDER BY id, valid_from",
            (table,),
        ).fetchall()


def history_count(url: str, where: str = "true") -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            sql.SQL("SELECT count(*) FROM stripe._history WHERE {}").format(sql.SQL(where))
        ).fetchone()
    assert row is not None
    return int(row[0])


async def deliver(engine: AsyncStripeSync, events: list[dict[str, Any]], order: list[int]) -> None:
    seen: set[int] = set()
    for index in order:
        result = await engine.process_event(events[index])
        assert (result.outcome is Outcome.DUPLICATE) is (index in seen), (index, result)
        seen.add(index)


def shuffled(n: int, seed: int) -> list[int]:
    """Every event once and a third of them again, in a random order."""
    rng = random.Random(seed)
    order = [*range(n), *rng.sample(range(n), n // 3)]
    rng.shuffle(order)
    return order


# -- the properties ----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_as_of_over_shuffled_events_equals_the_timeline_built_in_order(
    database_url: str, other_database_url: str, seed: int
) -> None:
    clock = Clock(T0)
    with FakeStripe(seed=7, clock=clock) as fake:
        timeline = play(fake, clock, random.Random(seed))
        events = timeline_events(fake, timeline)
        assert len(events) == len(timeline) >= 30
        assert [e["type"] for e in events].count("customer.subscription.deleted") == 2
        assert [e["type"] for e in events].count("customer.deleted") == 1
        in_order, shuffled_url = database_url, other_database_url
        order = shuffled(len(events), seed)
        assert order[: len(events)] != list(range(len(events)))
        for url, delivery in ((in_order, list(range(len(events)))), (shuffled_url, order)):
            enable(url, "subscriptions", "customers")
            # Only the events' versions: no fetch of the customers they refer to.
            async with make_sync(fake, url, backfill_related_entities=False) as engine:
                await deliver(engine, events, delivery)

    # Every version is kept, the stale ones of the shuffled delivery too.
    assert history_count(in_order) == history_count(shuffled_url) == len(events)
    for instant in instants(timeline):
        for table in ("subscriptions", "customers"):
            expected = truth(timeline, table, instant)
            assert as_of(in_order, instant, table) == expected, (table, instant)
            assert as_of(shuffled_url, instant, table) == expected, (table, instant)
    for table in ("subscriptions", "customers"):
        assert intervals(in_order, table) == intervals(shuffled_url, table)


async def test_as_of_rows_have_the_columns_of_the_object_view(database_url: str) -> None:
    clock = Clock(T0)
    with FakeStripe(seed=7, clock=clock) as fake:
        timeline = play(fake, clock, random.Random(5), n_subs=2)
        events = subscription_events(fake)
        enable(database_url, "subscriptions")
        async with make_sync(fake, database_url) as engine:
            await deliver(engine, events, list(range(len(events))))
    first_write = timeline[1][0]
    with psycopg.connect(database_url) as conn:
        view = conn.execute("SELECT * FROM stripe.subscriptions LIMIT 0")
        past = conn.execute("SELECT * FROM stripe.subscriptions_as_of(%s)", (at(first_write),))
        assert past.description is not None
        assert view.description is not None
        assert [(c.name, c.type_code) for c in past.description] == [
            (c.name, c.type_code) for c in view.description
        ]
        (row,) = past.fetchall()
        names = [c.name for c in past.description]
        typed = dict(zip(names, row, strict=True))
    (_, _, sub_id, state) = timeline[1]
    assert state is not None
    assert typed["id"] == sub_id
    assert typed["_raw_data"] == state
    assert typed["status"] == state["status"]
    assert typed["customer"] == state["customer"]
    assert typed["created"] == at(state["created"])
    assert typed["_version"] == at(first_write)
    assert typed["deleted"] is False


async def test_a_tombstone_closes_the_last_interval(database_url: str) -> None:
    clock = Clock(T0)
    with FakeStripe(seed=7, clock=clock) as fake:
        customer = fake.call("POST", "/v1/customers", {"name": "Ada"})
        clock.now += 5
        fake.call("POST", f"/v1/customers/{customer['id']}", {"name": "Grace"})
        clock.now += 5
        fake.call("DELETE", f"/v1/customers/{customer['id']}")
        events = list(reversed(fake.events()))
        assert [e["type"] for e in events] == [
            "customer.created",
            "customer.updated",
            "customer.deleted",
        ]
        enable(database_url, "customers")
        async with make_sync(fake, database_url) as engine:
            # The deletion first: the updates after it are stale, yet kept in the history.
            await deliver(engine, events, [2, 1, 0])
    created, updated, deleted = (e["created"] for e in events)
    assert intervals(database_url, "customers") == [
        (customer["id"], at(created), at(updated), None, events[0]["data"]["object"]),
        (customer["id"], at(updated), at(deleted), at(deleted), events[1]["data"]["object"]),
    ]
    assert as_of(database_url, deleted - 1, "customers") == {
        customer["id"]: events[1]["data"]["object"]
    }
    assert as_of(database_url, deleted, "customers") == {}
    assert as_of(database_url, deleted + 3600, "customers") == {}
    # The tombstone itself is kept, with the last state the deletion announced.
    with psycopg.connect(database_url) as conn:
        tombstones = conn.execute(
            "SELECT h.version, p.payload FROM stripe._history h"
            " JOIN stripe._history_payloads p USING (hash) WHERE h.deleted"
        ).fetchall()
    assert tombstones == [(at(deleted), events[2]["data"]["object"])]


async def test_objects_without_history_keep_nothing(database_url: str) -> None:
    clock = Clock(T0)
    with FakeStripe(seed=7, clock=clock) as fake:
        timeline = play(fake, clock, random.Random(9), n_subs=2)
        everything = list(reversed(fake.events()))
        # History on for prices only: subscriptions, customers and products keep no version.
        enable(database_url, "prices")
        async with make_sync(fake, database_url) as engine:
            for event in everything:
                await engine.process_event(event)
    with psycopg.connect(database_url) as conn:
        tables = conn.execute("SELECT DISTINCT table_name FROM stripe._history").fetchall()
        subscriptions = conn.execute("SELECT count(*) FROM stripe.subscriptions").fetchone()
    assert tables == [("prices",)]
    assert subscriptions == (len({i for _, t, i, _ in timeline if t == "subscriptions"}),)
    assert as_of(database_url, timeline[-1][0]) == {}


def md5_order(url: str, payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``payloads`` by the md5 of their text as jsonb prints it (the history's tie rule)."""
    with psycopg.connect(url) as conn:
        digests = [
            conn.execute("SELECT md5(%s::jsonb::text)", (Jsonb(p),)).fetchone() for p in payloads
        ]
    return [p for _, p in sorted(zip(digests, payloads, strict=True), key=lambda x: str(x[0]))]


async def test_same_second_versions_are_ordered_by_content_whatever_the_arrival(
    database_url: str, other_database_url: str
) -> None:
    """Two updates in one second: Stripe's created cannot order them, so the history orders
    versions of the very same time by the md5 of their content (the same rule in any arrival
    order). The write path re-fetches the object on such a tie: that later version settles the
    timeline from then on."""
    clock = Clock(T0)
    with FakeStripe(seed=7, clock=clock) as fake:
        (price, *_) = new_prices(fake, 1)
        customer = fake.call("POST", "/v1/customers", {"email": "ada@example.com"})
        clock.now += 1
        sub = fake.call(
            "POST", "/v1/subscriptions", {"customer": customer["id"], "items": [{"price": price}]}
        )
        clock.now += 1
        fake.call("POST", f"/v1/subscriptions/{sub['id']}", {"metadata": {"n": "1"}})
        fake.call("POST", f"/v1/subscriptions/{sub['id']}", {"metadata": {"n": "2"}})
        events = subscription_events(fake)
        tie = [e["data"]["object"] for e in events[1:]]
        assert events[1]["created"] == events[2]["created"]
        assert tie[0] != tie[1]
        for url, order in ((database_url, [0, 1, 2]), (other_database_url, [0, 2, 1])):
            enable(url, "subscriptions")
            async with make_sync(fake, url) as engine:
                await deliver(engine, events, order)
        final = fake.get("subscription", sub["id"])
    second = events[1]["created"]
    earlier_by_rule, later_by_rule = md5_order(database_url, tie)
    for url in (database_url, other_database_url):
        assert as_of(url, second) == {sub["id"]: later_by_rule}
        # Both versions of the second are kept, then the re-fetch of the tie (the final state).
        rows = intervals(url)
        assert [r[4] for r in rows][:3] == [
            events[0]["data"]["object"],
            earlier_by_rule,
            later_by_rule,
        ]
        assert rows[-1][4] == final
        assert rows[-1][2] is None
        assert as_of(url, datetime.now(UTC).timestamp() + 60) == {sub["id"]: final}


async def test_backfill_and_sync_by_id_write_versions(fake: FakeStripe, database_url: str) -> None:
    (price, *_) = new_prices(fake, 1)
    customer = fake.call("POST", "/v1/customers", {"email": "ada@example.com"})
    sub = fake.call(
        "POST", "/v1/subscriptions", {"customer": customer["id"], "items": [{"price": price}]}
    )
    async with make_sync(fake, database_url, history=("subscription",)) as engine:
        await engine.run_migrations()
        before_backfill = datetime.now(UTC)
        await engine.process_until_done("subscription")
        after_backfill = datetime.now(UTC)
        fake.call("POST", f"/v1/subscriptions/{sub['id']}", {"metadata": {"plan": "b"}})
        await engine.sync_single_entity(str(sub["id"]))
    with psycopg.connect(database_url) as conn:
        versions = conn.execute(
            "SELECT source, _raw_data->'metadata' FROM stripe.history"
            " WHERE table_name = 'subscriptions' ORDER BY valid_from"
        ).fetchall()
    assert versions == [("fetch", {}), ("fetch", {"plan": "b"})]
    assert as_of(database_url, before_backfill.timestamp()) == {}
    assert as_of(database_url, after_backfill.timestamp())[sub["id"]]["metadata"] == {}
    assert as_of(database_url, datetime.now(UTC).timestamp())[sub["id"]]["metadata"] == {
        "plan": "b"
    }


async def test_turning_history_on_records_the_rows_held_then(
    fake: FakeStripe, database_url: str
) -> None:
    """Versions are kept from the moment history is on, starting with the rows the mirror
    holds: an as-of query from then on sees every object, not only those that changed."""
    (price, *_) = new_prices(fake, 1)
    customer = fake.call("POST", "/v1/customers", {"email": "ada@example.com"})
    sub = fake.call(
        "POST", "/v1/subscriptions", {"customer": customer["id"], "items": [{"price": price}]}
    )
    async with make_sync(fake, database_url) as engine:
        await engine.process_until_done(["subscription", "customer"])
    assert history_count(database_url) == 0
    with psycopg.connect(database_url) as conn:
        row = conn.execute(
            "SELECT _version FROM stripe.subscriptions WHERE id = %s", (sub["id"],)
        ).fetchone()
    assert row is not None
    version: datetime = row[0]
    async with make_sync(fake, database_url, history="subscription, customer") as engine:
        await engine.run_migrations()
        # Again: already on, nothing recorded twice.
        await engine.run_migrations()
    assert history_count(database_url, "table_name = 'subscriptions'") == 1
    assert history_count(database_url, "table_name = 'customers'") == 1
    assert as_of(database_url, version.timestamp()) == {
        sub["id"]: fake.get("subscription", sub["id"])
    }
    assert as_of(database_url, version.timestamp() - 1) == {}


def test_the_cli_turns_history_on(database_url: str) -> None:
    result = CliRunner().invoke(
        main,
        ["migrate", "--database-url", database_url, "--history", "subscription,prices"],
        env={"STRIPE_SYNC_HISTORY": None},
    )
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(
        main, ["migrate", "--database-url", database_url], env={"STRIPE_SYNC_HISTORY": "invoice"}
    )
    assert result.exit_code == 0, result.output
    with psycopg.connect(database_url) as conn:
        tables = conn.execute("SELECT table_name FROM stripe._history_objects ORDER BY 1")
        assert tables.fetchall() == [("invoices",), ("prices",), ("subscriptions",)]
    result = CliRunner().invoke(
        main, ["migrate", "--database-url", database_url, "--history", "subscriptoin"]
    )
    assert result.exit_code == 2
    assert "history: unknown object 'subscriptoin'" in result.output


def test_history_names_are_checked_and_normalised() -> None:
    config = StripeSyncConfig(history=("subscriptions", "price,subscription"))
    assert config.history == ("price", "subscription")
    assert StripeSyncConfig.from_mapping({"history": "price invoice"}).history == (
        "invoice",
        "price",
    )
    with pytest.raises(ConfigError, match="unknown object 'nope'"):
        StripeSyncConfig(history=("nope",))
