"""An account's live and test data in one database: two keys, two fakes, one account id.

Stripe keeps a live and a test data set per account, reached by different keys. Synced into one
database, every row keeps its payload's ``livemode``, and the backfill's runs and cursors are
per account and mode (0029): a run of one key never resumes, joins or carries the other's.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import psycopg
import pytest
from click.testing import CliRunner
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from stripe_sync.cli import main
from stripe_sync.errors import ConfigError
from stripe_sync.server import create_app
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import WEBHOOK_SECRET, make_sync, rows
from tests.support.waiting import wait_until

ACCOUNT = "acct_1LiveAndTest0001"
LIVE_KEY = "sk_live_fake_stripe_sync_live_0001"
TEST_KEY = "sk_test_fake_stripe_sync_test_0001"
DAY = 86400


@pytest.fixture
def live() -> Iterator[FakeStripe]:
    with FakeStripe(api_keys=(LIVE_KEY,), account_id=ACCOUNT, seed=101) as fake:
        yield fake


@pytest.fixture
def test() -> Iterator[FakeStripe]:
    with FakeStripe(api_keys=(TEST_KEY,), account_id=ACCOUNT, seed=202) as fake:
        yield fake


def _view(url: str, statement: str, *params: Any) -> list[dict[str, Any]]:
    with psycopg.connect(url) as conn:
        cur = conn.execute(statement.encode(), params)
        assert cur.description is not None
        names = [c.name for c in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _cli(url: str, *args: str) -> Any:
    result = CliRunner().invoke(main, [*args, "--json", "--database-url", url])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _modes(url: str) -> dict[bool, set[str]]:
    out: dict[bool, set[str]] = {True: set(), False: set()}
    for obj_id, row in rows(url, "customers").items():
        out[bool(row["livemode"])].add(obj_id)
    return out


async def test_both_modes_backfill_into_one_database_side_by_side(
    live: FakeStripe, test: FakeStripe, database_url: str
) -> None:
    now = int(time.time())
    # Test objects older than the live backfill: a test run that resumed the live key's cursor
    # would start after them and list none.
    live_ids = set(live.seed("customer", 5, created_range=(now - 30 * DAY, now - DAY)))
    test_ids = set(test.seed("customer", 3, created_range=(now - 60 * DAY, now - 2 * DAY)))

    async with make_sync(live, database_url) as sync:
        await sync.process_until_done("customer")
    async with make_sync(test, database_url) as sync:
        await sync.process_until_done("customer")
    assert _modes(database_url) == {True: live_ids, False: test_ids}

    # A second run of one mode lists its own objects from its own cursor and leaves the other's
    # rows, runs and cursor alone.
    newer = {live.dispatch("POST", "/v1/customers", {})["id"] for _ in range(2)}
    with psycopg.connect(database_url) as conn:
        before = conn.execute(
            "SELECT listed_until, run_id FROM stripe._backfill_cursors "
            "WHERE account_id = %s AND mode = 'test' AND object = 'customer'",
            (ACCOUNT,),
        ).fetchone()
    async with make_sync(live, database_url) as sync:
        again = await sync.process_until_done("customer")
    assert again.processed < 5 + 2  # incremental: from the live cursor, not the start
    assert _modes(database_url) == {True: live_ids | newer, False: test_ids}
    assert all(not r["deleted"] for r in rows(database_url, "customers").values())
    with psycopg.connect(database_url) as conn:
        after = conn.execute(
            "SELECT listed_until, run_id FROM stripe._backfill_cursors "
            "WHERE account_id = %s AND mode = 'test' AND object = 'customer'",
            (ACCOUNT,),
        ).fetchone()
        runs = conn.execute(
            "SELECT mode, count(*) FROM stripe._sync_runs WHERE account_id = %s GROUP BY 1",
            (ACCOUNT,),
        ).fetchall()
    assert after == before
    assert dict(runs) == {"live": 2, "test": 1}

    async with make_sync(test, database_url) as sync:
        accounts = await sync.get_all_synced_accounts()
    assert [(a["id"], a["modes"]) for a in accounts] == [(ACCOUNT, "live+test")]


async def test_status_and_lag_show_each_modes_own_backfill(
    live: FakeStripe, test: FakeStripe, database_url: str
) -> None:
    """Before 0037 sync_status and sync_lag had one row per account and object, with the least
    advanced mode's cursor and the newest backfill of either mode."""
    now = int(time.time())
    live.seed("customer", 3, created_range=(now - 30 * DAY, now - DAY))
    test.seed("customer", 2, created_range=(now - 30 * DAY, now - DAY))
    async with make_sync(test, database_url) as sync:
        test_run = (await sync.process_until_done("customer")).run_id
    with psycopg.connect(database_url) as conn:  # the test key's cursor is a day behind
        conn.execute(
            "UPDATE stripe._backfill_cursors SET listed_until = listed_until - interval '1 day'"
        )
    async with make_sync(live, database_url) as sync:
        live_run = (await sync.process_until_done("customer")).run_id
    cursors = {
        r["mode"]: r["listed_until"]
        for r in _view(
            database_url,
            "SELECT mode, listed_until FROM stripe._backfill_cursors WHERE account_id = %s",
            ACCOUNT,
        )
    }
    assert cursors["test"] < cursors["live"]
    runs = {"live": live_run, "test": test_run}

    status = _view(
        database_url,
        "SELECT * FROM stripe.sync_status WHERE account_id = %s ORDER BY mode",
        ACCOUNT,
    )
    assert [(r["resource"], r["mode"], r["status"]) for r in status] == [
        ("customer", "live", "complete"),
        ("customer", "test", "complete"),
    ]
    for row in status:
        assert row["last_incremental_cursor"] == cursors[row["mode"]]
        assert row["run_id"] == runs[row["mode"]]
    lag = _view(
        database_url, "SELECT * FROM stripe.sync_lag WHERE account_id = %s ORDER BY mode", ACCOUNT
    )
    assert [(r["object"], r["mode"]) for r in lag] == [("customer", "live"), ("customer", "test")]
    for row in lag:
        assert row["backfill_listed_until"] == cursors[row["mode"]]
    completed = {r["mode"]: r["last_backfill_completed_at"] for r in lag}
    assert completed["test"] < completed["live"]
    listed = _view(
        database_url, "SELECT run_id, mode FROM stripe.sync_runs WHERE account_id = %s", ACCOUNT
    )
    assert {r["run_id"]: r["mode"] for r in listed} == {live_run: "live", test_run: "test"}

    # The Python reads, the status page's snapshot and `stripe-sync status` say it too.
    async with make_sync(test, database_url) as sync:
        assert {(r["mode"], r["object"]) for r in await sync.sync_lag(account=ACCOUNT)} == {
            ("live", "customer"),
            ("test", "customer"),
        }
        assert {r["run_id"]: r["mode"] for r in await sync.list_sync_runs(account=ACCOUNT)} == {
            live_run: "live",
            test_run: "test",
        }
        (account,) = (await sync.status_snapshot()).accounts
    assert account.modes == "live+test"
    assert [(o.object, o.mode, o.backfill_processed) for o in account.objects] == [
        ("customer", "live", 3),
        ("customer", "test", 2),
    ]
    shown = _cli(database_url, "status")
    assert {(r["mode"], r["object"]) for r in shown["lag"]} == {
        ("live", "customer"),
        ("test", "customer"),
    }
    assert {r["run_id"]: r["mode"] for r in shown["runs"]} == {live_run: "live", test_run: "test"}


async def test_webhooks_of_each_mode_land_with_their_livemode(
    live: FakeStripe, test: FakeStripe, database_url: str
) -> None:
    created: dict[bool, str] = {}
    for fake in (live, test):
        customer = fake.dispatch("POST", "/v1/customers", {"email": "both@example.com"})
        (event,) = fake.events(type_="customer.created")
        assert event["livemode"] is fake.livemode
        async with make_sync(fake, database_url) as sync:
            await sync.process_webhook(*fake.signed_event(event, WEBHOOK_SECRET))
        created[fake.livemode] = customer["id"]
    assert _modes(database_url) == {True: {created[True]}, False: {created[False]}}


async def test_lag_shows_the_events_beside_each_modes_backfill(
    live: FakeStripe, test: FakeStripe, database_url: str
) -> None:
    """An event does not keep its mode (keeping it cost the write path too much: see 0037), so
    sync_lag shows an account and object's newest event, of either mode, on each mode's row,
    and an object with events only on one row of mode 'unknown'."""
    now = int(time.time())
    for fake in (live, test):
        fake.seed("customer", 2, created_range=(now - 20 * DAY, now - DAY))
        async with make_sync(fake, database_url) as sync:
            await sync.process_until_done("customer")
    live.dispatch("POST", "/v1/customers", {})
    live.dispatch("POST", "/v1/products", {"name": "Pro"})
    created: dict[str, int] = {}
    async with make_sync(live, database_url) as sync:
        for type_ in ("customer.created", "product.created"):
            event = live.events(type_=type_)[0]
            await sync.process_webhook(*live.signed_event(event, WEBHOOK_SECRET))
            created[type_] = event["created"]

    lag = _view(
        database_url,
        "SELECT object, mode, extract(epoch FROM last_event_created)::bigint AS event, "
        "last_backfill_completed_at IS NOT NULL AS backfilled "
        "FROM stripe.sync_lag WHERE account_id = %s ORDER BY 1, 2",
        ACCOUNT,
    )
    assert [tuple(r.values()) for r in lag] == [
        ("customer", "live", created["customer.created"], True),
        ("customer", "test", created["customer.created"], True),
        ("product", "unknown", created["product.created"], False),
    ]


async def test_an_account_synced_without_backfill_says_its_mode(
    live: FakeStripe, database_url: str
) -> None:
    """Before 0037 the modes came from backfill runs only: none for an account synced by
    webhooks, or by fetching single objects."""
    live.dispatch("POST", "/v1/customers", {})
    (event,) = live.events(type_="customer.created")
    connected = live.add_account("acct_1LiveConnected01")
    (fetched,) = live.seed("customer", 1, account=connected)
    async with make_sync(live, database_url) as sync:
        await sync.process_webhook(*live.signed_event(event, WEBHOOK_SECRET))
        await sync.sync_single_entity(fetched, account=connected)
        accounts = await sync.get_all_synced_accounts()
    expected = [(ACCOUNT, "live"), (connected, "live")]
    assert [(a["id"], a["modes"]) for a in accounts] == expected
    assert [(a["id"], a["modes"]) for a in _cli(database_url, "accounts", "list")] == expected


async def test_verifying_one_mode_finds_no_drift_in_the_others_rows(
    live: FakeStripe, test: FakeStripe, database_url: str
) -> None:
    now = int(time.time())
    live_ids = set(live.seed("customer", 4, created_range=(now - 20 * DAY, now - DAY)))
    test_ids = set(test.seed("customer", 3, created_range=(now - 20 * DAY, now - DAY)))
    for fake in (live, test):
        async with make_sync(fake, database_url) as sync:
            await sync.process_until_done("customer")
    for fake, own in ((live, live_ids), (test, test_ids)):
        async with make_sync(fake, database_url) as sync:
            result = await sync.verify(["customer"], settle_seconds=0, repair=True)
        deep = [r for r in result.reports if r.check == "deep" and r.object == "customer"]
        assert [(r.checked, r.extra, r.missing) for r in deep] == [(len(own), (), ())]
        assert result.remaining == 0, result.as_json()
    # Repairing one mode touched none of the other's rows.
    assert _modes(database_url) == {True: live_ids, False: test_ids}
    assert all(not r["deleted"] for r in rows(database_url, "customers").values())


async def test_verify_tells_the_modes_of_objects_without_livemode_by_the_rows_mode(
    live: FakeStripe, test: FakeStripe, database_url: str
) -> None:
    """Refunds carry no ``livemode``; since 0040 their rows keep the mode that wrote them, so
    one key's verify reports (and repairs) its own mode's refunds that Stripe no longer has,
    and leaves the other mode's alone. A row that does not say its mode (written before 0040)
    is still never reported once both modes synced the account: it may be the other's."""
    now = int(time.time())
    live_ids = set(live.seed("refund", 3, created_range=(now - 20 * DAY, now - DAY)))
    test_ids = set(test.seed("refund", 2, created_range=(now - 20 * DAY, now - DAY)))
    for fake in (live, test):
        async with make_sync(fake, database_url) as sync:
            await sync.process_until_done("refund")
    assert set(rows(database_url, "refunds")) == live_ids | test_ids
    with psycopg.connect(database_url) as conn:
        for refund_id, livemode in (("re_gone_live", True), ("re_unsaid", None)):
            refund = {"id": refund_id, "object": "refund", "created": now - 5 * DAY}
            conn.execute(
                "SELECT * FROM stripe._write_objects('refunds', %s, %s, now(), 'fetch', "
                "p_livemode => %s)",
                (ACCOUNT, json.dumps([refund]), livemode),
            )
    extra: dict[bool, list[str]] = {}
    for fake in (live, test):
        async with make_sync(fake, database_url) as sync:
            result = await sync.verify(["refund"], settle_seconds=0, repair=True)
        deep = [r for r in result.reports if r.check == "deep" and r.object == "refund"]
        extra[fake.livemode] = [i for r in deep for i in r.extra]
    assert extra == {True: ["re_gone_live"], False: []}
    deleted = {i for i, r in rows(database_url, "refunds").items() if r["deleted"]}
    assert deleted == {"re_gone_live"}


async def test_the_events_poller_of_each_mode_keeps_its_own_position(
    live: FakeStripe, test: FakeStripe, database_url: str
) -> None:
    before: dict[bool, str] = {}
    for fake in (live, test):  # a baseline per mode
        before[fake.livemode] = fake.dispatch("POST", "/v1/customers", {"name": "before"})["id"]
        async with make_sync(fake, database_url) as sync:
            assert (await sync.poll_events()).baseline
    new = {fake.livemode: fake.dispatch("POST", "/v1/customers", {})["id"] for fake in (live, test)}
    for fake in (live, test):
        async with make_sync(fake, database_url) as sync:
            result = await sync.poll_events()
        # The other mode's baseline did not stand for this one's, and its events are its own.
        assert not result.baseline
        assert result.cursor == fake.events()[0]["id"]
    # The baseline's own event is re-read in the overlap after it, and applied then.
    assert _modes(database_url) == {
        True: {before[True], new[True]},
        False: {before[False], new[False]},
    }
    with psycopg.connect(database_url) as conn:
        cursors = conn.execute(
            "SELECT mode, last_event_id FROM stripe._event_cursors WHERE account_id = %s",
            (ACCOUNT,),
        ).fetchall()
    assert dict(cursors) == {"live": live.events()[0]["id"], "test": test.events()[0]["id"]}


# -- runs the edge functions planned without a mode (0036) ------------------------------------


async def _backfill_test_customers(test: FakeStripe, url: str) -> None:
    test.seed("customer", 4)
    async with make_sync(test, url) as sync:
        await sync.process_until_done("customer")


def _as_old_worker(url: str) -> None:
    """What a stripe-worker of before 0036 left: its runs and cursors under mode 'unknown'."""
    with psycopg.connect(url) as conn:
        conn.execute(
            "UPDATE stripe._sync_runs SET mode = 'unknown', triggered_by = 'supabase-worker'"
        )
        conn.execute("UPDATE stripe._backfill_cursors SET mode = 'unknown'")


def _adopt(url: str, mode: str) -> str:
    with psycopg.connect(url) as conn:
        found = conn.execute(
            "SELECT stripe._backfill_adopt_v1(%s, %s, 'supabase-worker')", (ACCOUNT, mode)
        ).fetchone()
    assert found is not None
    return str(found[0])


def _bookkeeping(url: str) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    with psycopg.connect(url) as conn:
        cursors = conn.execute(
            "SELECT mode, object FROM stripe._backfill_cursors ORDER BY 1, 2"
        ).fetchall()
        runs = conn.execute(
            "SELECT mode, status, coalesce(error_message, '') FROM stripe._sync_runs ORDER BY id"
        ).fetchall()
    return cursors, runs


async def test_the_old_workers_runs_are_adopted_by_a_key_of_the_datas_mode(
    test: FakeStripe, database_url: str
) -> None:
    await _backfill_test_customers(test, database_url)
    _as_old_worker(database_url)
    with psycopg.connect(database_url) as conn:
        # The mode's own cursor for another object, and one beside the old worker's: both kept.
        conn.execute(
            "INSERT INTO stripe._backfill_cursors (account_id, mode, object, listed_until) "
            "VALUES (%s, 'test', 'product', '2020-01-01'), (%s, 'test', 'customer', '2020-01-01')",
            (ACCOUNT, ACCOUNT),
        )

    assert _adopt(database_url, "test") == "adopted"
    cursors, runs = _bookkeeping(database_url)
    assert cursors == [("test", "customer"), ("test", "product")]
    assert runs == [("test", "complete", "")]
    with psycopg.connect(database_url) as conn:
        kept = conn.execute(
            "SELECT listed_until::date::text FROM stripe._backfill_cursors "
            "WHERE object = 'customer'"
        ).fetchone()
    assert kept == ("2020-01-01",)
    assert _adopt(database_url, "test") == "none"


async def test_adopting_a_run_an_old_worker_is_paging_waits_for_its_page(
    test: FakeStripe, database_url: str
) -> None:
    """An old runtime's page write locks its window, then its run. Adoption changes the runs'
    mode, which the windows' key cascades to them: it locks the windows first, so it waits for
    the page and then adopts (runs first, the two deadlocked)."""
    await _backfill_test_customers(test, database_url)
    _as_old_worker(database_url)
    found: dict[str, str] = {}

    def adopt() -> None:
        try:
            found["adopt"] = _adopt(database_url, "test")
        except psycopg.Error as exc:
            found["adopt"] = type(exc).__name__

    adopting = threading.Thread(target=adopt)
    with psycopg.connect(database_url) as page:
        locked = page.execute(
            "SELECT run_id FROM stripe._sync_obj_runs ORDER BY id LIMIT 1 FOR UPDATE"
        ).fetchone()
        assert locked is not None
        adopting.start()
        wait_until(lambda: _adoption_waits(database_url), "the adoption waiting for a lock")
        page.execute("UPDATE stripe._sync_runs SET updated_at = now() WHERE id = %s", (locked[0],))
    adopting.join(30)
    assert found == {"adopt": "adopted"}
    with psycopg.connect(database_url) as conn:
        modes = conn.execute("SELECT DISTINCT mode FROM stripe._sync_obj_runs").fetchall()
    assert modes == [("test",)], "the windows followed their run"


def _adoption_waits(url: str) -> bool:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            " AND query LIKE '%_backfill_adopt_v1%'"
        ).fetchone()
    return bool(row and row[0])


async def test_the_old_workers_runs_are_retired_for_a_key_of_another_mode(
    test: FakeStripe, database_url: str
) -> None:
    await _backfill_test_customers(test, database_url)
    _as_old_worker(database_url)
    with psycopg.connect(database_url) as conn:
        conn.execute("UPDATE stripe._sync_runs SET status = 'running', closed_at = NULL")

    # The synced data is test data: a live key must not take over its cursor (it would skip
    # every live object created before it), so the next live run lists from the start.
    assert _adopt(database_url, "live") == "retired"
    cursors, runs = _bookkeeping(database_url)
    assert cursors == []
    assert [(m, s) for m, s, _ in runs] == [("unknown", "cancelled")]
    assert "planned without a mode" in runs[0][2]
    assert _adopt(database_url, "live") == "none"


async def test_an_old_workers_open_run_is_joined_by_the_modes_next_plan(
    test: FakeStripe, database_url: str
) -> None:
    """A worker cut off mid-run at the update: its open run and unlisted windows continue in
    the key's mode (before 0036 the run stayed 'running' for good, its windows never listed)."""
    await _backfill_test_customers(test, database_url)
    _as_old_worker(database_url)  # its first run listed the customers
    objects = '[{"name": "customer", "kind": "list", "created_filter": true}]'
    plan = (
        "SELECT run_id, joined FROM stripe.{}(%s, %s::jsonb, NULL, NULL, "
        "now() - interval '30 days', interval '30 seconds', 'supabase-worker'{})"
    )
    with psycopg.connect(database_url, autocommit=True) as conn:
        old = conn.execute(plan.format("_backfill_plan_v1", ""), (ACCOUNT, objects)).fetchone()
        assert old is not None
        pending = conn.execute(
            "SELECT count(*) FROM stripe._sync_obj_runs WHERE run_id = %s AND status = 'pending'",
            (old[0],),
        ).fetchone()
        assert pending is not None
        assert pending[0] >= 1

    assert _adopt(database_url, "test") == "adopted"
    with psycopg.connect(database_url, autocommit=True) as conn:
        new = conn.execute(
            plan.format("_backfill_plan_v2", ", p_mode => 'test'"), (ACCOUNT, objects)
        ).fetchone()
        run = conn.execute(
            "SELECT mode, status FROM stripe._sync_runs WHERE id = %s", (old[0],)
        ).fetchone()
    assert new == (old[0], True)
    assert run == ("test", "running")


async def test_adopted_runs_show_under_the_keys_mode(test: FakeStripe, database_url: str) -> None:
    """A run's windows say its mode (0037) and follow it when the run is adopted: sync_status
    shows the old worker's customers under the key's mode, not 'unknown'."""
    await _backfill_test_customers(test, database_url)
    _as_old_worker(database_url)
    status = "SELECT resource, mode, status FROM stripe.sync_status ORDER BY 1, 2"
    assert [tuple(r.values()) for r in _view(database_url, status)] == [
        ("customer", "unknown", "complete")
    ]

    assert _adopt(database_url, "test") == "adopted"
    assert [tuple(r.values()) for r in _view(database_url, status)] == [
        ("customer", "test", "complete")
    ]
    windows = "SELECT DISTINCT w.mode FROM stripe._sync_obj_runs w"
    assert [r["mode"] for r in _view(database_url, windows)] == ["test"]


async def test_adoption_refuses_what_is_not_a_mode(database_url: str) -> None:
    with (
        psycopg.connect(database_url) as conn,
        pytest.raises(psycopg.errors.InvalidParameterValue, match="live or test"),
    ):
        conn.execute("SELECT stripe._backfill_adopt_v1('acct_1', 'unknown', 'x')")


async def _retired_then_live(live: FakeStripe, url: str, now: int) -> None:
    """The live key's worker retires the old runs, then the live key backfills customers."""
    assert _adopt(url, "live") == "retired"
    live.seed("customer", 2, created_range=(now - 20 * DAY, now - DAY))
    async with make_sync(live, url) as sync:
        await sync.process_until_done("customer")


async def test_a_retired_run_leaves_no_window_for_sync_status_to_count_as_failing(
    live: FakeStripe, test: FakeStripe, database_url: str
) -> None:
    """Found in review: retiring cancelled the old run but left its windows pending; no run of
    a mode carries them, so sync_status said 'error' for good after the key's own run."""
    now = int(time.time())
    await _backfill_test_customers(test, database_url)
    objects = '[{"name": "customer", "kind": "list", "created_filter": true}]'
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(
            "SELECT * FROM stripe._backfill_plan_v1(%s, %s::jsonb, NULL, NULL, "
            "now() - interval '30 days', interval '30 seconds', 'supabase-worker')",
            (ACCOUNT, objects),
        )
    # The open run listed nothing yet, and the complete test run is not the trigger's: nothing
    # says the live key listed anything.
    await _retired_then_live(live, database_url, now)
    with psycopg.connect(database_url) as conn:
        status = conn.execute(
            "SELECT status, error_message FROM stripe.sync_status "
            "WHERE account_id = %s AND resource = 'customer'",
            (ACCOUNT,),
        ).fetchone()
    assert status == ("complete", None)


async def test_a_retired_complete_run_adds_no_stale_row_beside_the_keys_mode(
    live: FakeStripe, database_url: str
) -> None:
    """Found in review: an old runtime's complete run stays mode 'unknown' when it is retired,
    and its windows made a row of their own in sync_status and sync_lag, frozen at a backfill
    a month old (an alert on the last backfill's age would never clear)."""
    now = int(time.time())
    objects = '[{"name": "customer", "kind": "list", "created_filter": true}]'
    with psycopg.connect(database_url, autocommit=True) as conn:
        planned = conn.execute(
            "SELECT run_id FROM stripe._backfill_plan_v1(%s, %s::jsonb, NULL, NULL, "
            "now() - interval '60 days', interval '30 seconds', 'supabase-worker')",
            (ACCOUNT, objects),
        ).fetchone()
        assert planned is not None
        conn.execute(
            "UPDATE stripe._sync_obj_runs SET status = 'complete', "
            "completed_at = now() - interval '30 days' WHERE run_id = %s",
            planned,
        )
        conn.execute("SELECT stripe._backfill_finish_v1(%s)", planned)
    await _retired_then_live(live, database_url, now)
    with psycopg.connect(database_url) as conn:
        status = conn.execute(
            "SELECT mode FROM stripe.sync_status WHERE resource = 'customer'"
        ).fetchall()
        lag = conn.execute("SELECT mode FROM stripe.sync_lag WHERE object = 'customer'").fetchall()
        runs = conn.execute("SELECT mode FROM stripe.sync_runs ORDER BY run_id").fetchall()
    assert status == [("live",)]
    assert lag == [("live",)]
    assert runs == [("unknown",), ("live",)], "the run itself stays listed, with its mode"


async def test_what_the_old_runs_listed_decides_not_the_accounts_first_object(
    live: FakeStripe, test: FakeStripe, database_url: str
) -> None:
    """Found in review: one database may hold both modes under one account id. The old worker
    listed customers with a test key, a live engine synced products (the first table), and
    the worker's key is now live: adopting the test listing's cursor as live would skip every
    live customer created before it."""
    now = int(time.time())
    live.seed("product", 1, created_range=(now - 20 * DAY, now - DAY))
    async with make_sync(live, database_url) as sync:
        await sync.process_until_done("product")
    test.seed("customer", 2, created_range=(now - 20 * DAY, now - DAY))
    async with make_sync(test, database_url) as sync:
        await sync.process_until_done("customer")
    with psycopg.connect(database_url) as conn:  # what the old worker (test key) left
        conn.execute(
            "UPDATE stripe._sync_runs SET mode = 'unknown', triggered_by = 'supabase-worker' "
            "WHERE mode = 'test'"
        )
        conn.execute("UPDATE stripe._backfill_cursors SET mode = 'unknown' WHERE mode = 'test'")
    live_customers = set(live.seed("customer", 3, created_range=(now - 20 * DAY, now - DAY)))

    assert _adopt(database_url, "live") == "retired"
    async with make_sync(live, database_url) as sync:
        await sync.process_until_done("customer")
    assert live_customers <= set(rows(database_url, "customers"))


async def test_each_mode_keeps_its_own_managed_endpoint_for_one_url(
    live: FakeStripe, test: FakeStripe, database_url: str
) -> None:
    """A live and a test key pointing one URL at the database each keep an endpoint. Before
    0038 the endpoints were tracked per URL and account: the second key could not see the
    first one's endpoint (Stripe keeps each mode's apart), took it for deleted and replaced its
    row, so the first mode's deliveries failed verification and each restart replaced the
    other mode's endpoint again."""
    url = "https://sync.example.com/webhooks"
    async with make_sync(live, database_url) as sync:
        live_endpoint = await sync.find_or_create_managed_webhook(url)
    async with make_sync(test, database_url) as sync:
        test_endpoint = await sync.find_or_create_managed_webhook(url)
        tracked = await sync.list_managed_webhooks()
    assert test_endpoint["id"] != live_endpoint["id"]
    assert {(e["id"], e["mode"]) for e in tracked} == {
        (live_endpoint["id"], "live"),
        (test_endpoint["id"], "test"),
    }
    # Each key finds its own endpoint again, still enabled in its Stripe.
    async with make_sync(live, database_url) as sync:
        again = await sync.find_or_create_managed_webhook(url)
        assert again["id"] == live_endpoint["id"]
        # Another mode's endpoint is refused by id, not taken for one Stripe no longer has.
        with pytest.raises(ConfigError, match="test endpoint"):
            await sync.delete_managed_webhook(test_endpoint["id"])
    async with make_sync(test, database_url) as sync:
        assert (await sync.find_or_create_managed_webhook(url))["id"] == test_endpoint["id"]
    for fake, endpoint in ((live, live_endpoint), (test, test_endpoint)):
        (listed,) = fake.dispatch("GET", "/v1/webhook_endpoints", {})["data"]
        assert (listed["id"], listed["status"]) == (endpoint["id"], "enabled")
    # Deliveries of both modes verify (each signed with its own endpoint's secret).
    with psycopg.connect(database_url) as conn:
        secrets: dict[str, str] = dict(
            conn.execute("SELECT id, secret FROM stripe._managed_webhooks").fetchall()
        )
    for fake, endpoint in ((live, live_endpoint), (test, test_endpoint)):
        fake.dispatch("POST", "/v1/customers", {})
        event = fake.events(type_="customer.created")[-1]
        async with make_sync(fake, database_url, stripe_webhook_secret=None) as sync:
            result = await sync.process_webhook(*fake.signed_event(event, secrets[endpoint["id"]]))
        assert result is not None


async def test_an_endpoint_row_without_a_mode_is_adopted_only_by_a_key_that_sees_it(
    live: FakeStripe, test: FakeStripe, database_url: str
) -> None:
    """A row of mode 'unknown' (tracked before 0038): the test key cannot retrieve the live
    endpoint, so it neither replaces nor deletes the row, and makes its own; the live key adopts
    it."""
    url = "https://sync.example.com/webhooks"
    async with make_sync(live, database_url) as sync:
        other = await sync.find_or_create_managed_webhook("https://other.example/hook")
    endpoint = live.dispatch(
        "POST",
        "/v1/webhook_endpoints",
        {
            "url": url,
            "enabled_events": ["*"],
            "api_version": other["api_version"],
            "metadata": {
                "managed_by": "stripe-sync",
                "installation_id": other["installation_id"],
            },
        },
    )
    with psycopg.connect(database_url) as conn:
        conn.execute(
            "INSERT INTO stripe._managed_webhooks (id, url, account_id, secret, enabled_events, "
            "api_version, installation_id) SELECT %s, %s, %s, %s, '{*}', %s, id "
            "FROM stripe._installation",
            (endpoint["id"], url, ACCOUNT, endpoint["secret"], endpoint["api_version"]),
        )
    async with make_sync(test, database_url) as sync:
        own = await sync.find_or_create_managed_webhook(url)
        with pytest.raises(ConfigError, match="live endpoint"):
            await sync.delete_managed_webhook(other["id"])
        with pytest.raises(ConfigError, match="does not say its mode"):
            await sync.delete_managed_webhook(endpoint["id"])
    async with make_sync(live, database_url) as sync:
        adopted = await sync.find_or_create_managed_webhook(url)
    assert own["id"] != endpoint["id"]
    assert (adopted["id"], adopted["mode"]) == (endpoint["id"], "live")
    with psycopg.connect(database_url) as conn:
        modes: dict[str, str] = dict(
            conn.execute("SELECT id, mode FROM stripe._managed_webhooks").fetchall()
        )
    assert modes == {other["id"]: "live", endpoint["id"]: "live", own["id"]: "test"}


async def test_the_newest_verify_run_and_backfill_of_each_mode_are_shown_and_measured(
    live: FakeStripe, test: FakeStripe, database_url: str
) -> None:
    """Before 0039 the newest verify run was per account: a clean test run hid the drift a live
    run had found, in verify_runs(latest=True) and in the stripe_sync_verify_* metrics. The
    backfill metrics likewise showed one run per object, of whichever mode ran last."""
    now = int(time.time())
    lost = live.seed("customer", 3, created_range=(now - 20 * DAY, now - DAY))[0]
    test.seed("customer", 2, created_range=(now - 20 * DAY, now - DAY))
    for fake in (live, test):
        async with make_sync(fake, database_url) as sync:
            await sync.process_until_done("customer")
    with psycopg.connect(database_url) as conn:
        conn.execute("DELETE FROM stripe._raw_customers WHERE id = %s", (lost,))
    runs: dict[str, int] = {}
    for fake in (live, test):
        async with make_sync(fake, database_url) as sync:
            runs["live" if fake.livemode else "test"] = (
                await sync.verify(["customer"], settle_seconds=0)
            ).run_id
    async with make_sync(test, database_url) as sync:
        latest = await sync.verify_runs(limit=10, latest=True)
        app = create_app(sync=sync, registry=CollectorRegistry())
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://sync"
        ) as http:
            text = (await http.get("/metrics")).text
    shown = {(r["mode"], r["check_type"], r["object"]): r["remaining"] for r in latest}
    assert {r["mode"]: r["run_id"] for r in latest} == runs
    assert shown[("live", "deep", "customer")] == 1
    assert shown[("test", "deep", "customer")] == 0
    drift = {
        (s.labels["mode"], s.labels["check"]): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
        if s.name == "stripe_sync_verify_drift" and s.labels["object"] == "customer"
    }
    assert drift == {("live", "deep"): 1, ("test", "deep"): 0}
    stamps = {
        s.labels["mode"]
        for family in text_string_to_metric_families(text)
        for s in family.samples
        if s.name == "stripe_sync_verify_last_run_timestamp_seconds"
    }
    assert stamps == {"live", "test"}
    listed = {
        s.labels["mode"]: s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
        if s.name == "stripe_sync_backfill_objects" and s.labels["object"] == "customer"
    }
    assert listed == {"live": 3, "test": 2}


async def test_rows_of_objects_without_livemode_say_the_mode_that_wrote_them(
    live: FakeStripe, test: FakeStripe, database_url: str
) -> None:
    """Refunds, subscription items (embedded in their subscription) and persons carry no
    livemode of their own; since 0040 each row keeps the mode of the key, page or event that
    wrote it, and the views read it as livemode."""
    now = int(time.time())
    refunds = {
        fake.livemode: set(fake.seed("refund", 2, created_range=(now - 9 * DAY, now - DAY)))
        for fake in (live, test)
    }
    customer = live.dispatch("POST", "/v1/customers", {})["id"]
    price = live.dispatch(
        "POST",
        "/v1/prices",
        {
            "currency": "usd",
            "unit_amount": 100,
            "recurring": {"interval": "month"},
            "product_data": {"name": "Pro"},
        },
    )["id"]
    live.dispatch("POST", "/v1/subscriptions", {"customer": customer, "items": [{"price": price}]})
    for fake in (live, test):
        async with make_sync(fake, database_url) as sync:
            await sync.process_until_done(["refund", "subscription"])
    # An event (the test key's webhook) and a fetch by id (the live key's).
    charge = test.seed("charge", 1)[0]
    test.dispatch("POST", "/v1/refunds", {"charge": charge})
    event = test.events(type_="refund.created")[-1]
    fetched = live.seed("refund", 1, created_range=(now - 30 * DAY, now - 20 * DAY))[0]
    async with make_sync(test, database_url) as sync:
        await sync.process_webhook(*test.signed_event(event, WEBHOOK_SECRET))
    async with make_sync(live, database_url) as sync:
        await sync.sync_single_entity(fetched)

    found = {r["id"]: r["livemode"] for r in rows(database_url, "refunds").values()}
    assert {i: found[i] for i in refunds[True] | {fetched}} == dict.fromkeys(
        refunds[True] | {fetched}, True
    )
    assert {i: found[i] for i in refunds[False]} == dict.fromkeys(refunds[False], False)
    assert found[event["data"]["object"]["id"]] is False
    items = rows(database_url, "subscription_items")
    assert items
    assert {r["livemode"] for r in items.values()} == {True}
    # A write that does not say its mode (a runtime of before 0040) leaves it unknown.
    with psycopg.connect(database_url) as conn:
        conn.execute(
            "SELECT * FROM stripe._write_objects('refunds', %s, %s, now(), 'fetch')",
            (ACCOUNT, json.dumps([{"id": "re_unsaid", "object": "refund", "created": now}])),
        )
    assert rows(database_url, "refunds", "id = 're_unsaid'")["re_unsaid"]["livemode"] is None
