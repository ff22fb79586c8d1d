"""Backfill against the fake Stripe and a real PostgreSQL: coverage, windows, failures, resume.

The fake's data is the oracle: after a run, each table holds exactly the fake's ids.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest

from stripe_sync import AsyncStripeSync
from stripe_sync.backfill import BackfillProgress, PageResult, listable_objects
from stripe_sync.leases import holder_is_dead
from stripe_sync.listing import ListedPage
from stripe_sync.queries import query
from stripe_sync.resources import get
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import make_sync, rows


def fake_ids(fake: FakeStripe, name: str, account: str | None = None) -> set[str]:
    state = fake.store.account(account)
    assert state is not None
    table = state.tables.get(name)
    return set(table.records) if table is not None else set()


def db_ids(url: str, name: str, where: str = "NOT deleted") -> set[str]:
    return set(rows(url, get(name).table, where))


def windows(url: str, run_id: int) -> list[dict[str, Any]]:
    with psycopg.connect(url) as conn:
        cur = conn.execute(
            "SELECT * FROM stripe._sync_obj_runs WHERE run_id = %s ORDER BY id", (run_id,)
        )
        assert cur.description is not None
        names = [c.name for c in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


async def test_lists_every_object_of_the_named_types(fake: FakeStripe, database_url: str) -> None:
    fake.seed("customer", 1234)
    fake.seed("product", 57)
    async with make_sync(fake, database_url, backfill_workers=8) as sync:
        result = await sync.process_until_done(["customer", "product"])
    assert result.status == "complete"
    assert db_ids(database_url, "customer") == fake_ids(fake, "customer")
    assert db_ids(database_url, "product") == fake_ids(fake, "product")
    assert result.objects["customer"].processed == 1234
    assert result.objects["product"].processed == 57
    assert set(result.objects) == {"customer", "product"}


async def test_stored_objects_are_what_the_list_api_served(
    fake: FakeStripe, database_url: str
) -> None:
    """Customers (no nested lists) go to PostgreSQL as the JSON Stripe sent; invoices are parsed
    for their lines. Either way each row holds the object exactly as listed."""
    fake.seed_realistic(scale=20)
    listed: dict[str, dict[str, Any]] = {}
    async with make_sync(fake, database_url, backfill_workers=4) as sync:
        for name in ("customer", "invoice"):
            path = get(name).list_path
            assert path is not None
            async for obj in sync._stripe().iter_list(path, dict(get(name).list_params)):
                listed[obj["id"]] = obj
        result = await sync.process_until_done(["customer", "invoice"])
    assert result.status == "complete"
    with psycopg.connect(database_url) as conn:
        stored: dict[str, Any] = dict(
            conn.execute(
                "SELECT id, _raw_data FROM stripe.customers"
                " UNION ALL SELECT id, _raw_data FROM stripe.invoices"
            ).fetchall()
        )
    assert any(i.startswith("cus_") for i in listed)
    assert any(i.startswith("in_") for i in listed)
    assert stored == listed


async def test_dense_windows_split_without_overlap_or_double_listing(
    fake: FakeStripe, database_url: str
) -> None:
    fake.seed("customer", 3000)
    async with make_sync(fake, database_url, backfill_workers=8) as sync:
        result = await sync.process_until_done("customer")
    found = windows(database_url, result.run_id)
    assert len(found) > 4, "one dense object is spread over several windows"
    ranges = sorted((w["created_gte"], w["created_lt"]) for w in found)
    for (_, end), (start, _) in itertools.pairwise(ranges):
        assert end == start, "windows tile the range: no gap, no overlap"
    assert sum(w["processed_count"] for w in found) == 3000, "no page listed twice"
    assert all(w["status"] == "complete" for w in found)


async def test_all_objects_of_a_realistic_account(fake: FakeStripe, database_url: str) -> None:
    fake.seed_realistic(150)
    async with make_sync(fake, database_url, auto_expand_lists=True) as sync:
        result = await sync.process_until_done("all")
    assert result.status == "complete"
    assert set(result.objects) == set(listable_objects())
    seeded = [n for n in listable_objects() if fake_ids(fake, n)]
    assert {"customer", "subscription", "invoice", "charge", "payment_method"} <= set(seeded)
    for name in listable_objects():
        assert db_ids(database_url, name) == fake_ids(fake, name), name
    # Child rows come with their parents, complete (lists paged with auto_expand_lists).
    for child in ("subscription_item", "invoice_line_item"):
        assert db_ids(database_url, child) == fake_ids(fake, child), child


async def test_permission_error_fails_one_object_and_the_next_run_retries_it(
    fake: FakeStripe, database_url: str
) -> None:
    fake.seed("customer", 150)
    fake.seed("payout", 120)
    fake.deny("GET /v1/payouts")
    async with make_sync(fake, database_url) as sync:
        first = await sync.process_until_done(["customer", "payout"])
        assert first.status == "error"
        assert first.objects["customer"].status == "complete"
        assert db_ids(database_url, "customer") == fake_ids(fake, "customer")
        assert first.objects["payout"].status == "error"
        assert "does not have the required permissions" in first.objects["payout"].errors[0]
        assert "StripePermissionError" in first.errors["payout"][0]
        assert db_ids(database_url, "payout") == set()

        fake.deny()  # the key gets the permission
        second = await sync.process_until_done(["customer", "payout"])
    assert second.status == "complete"
    assert db_ids(database_url, "payout") == fake_ids(fake, "payout")
    assert second.objects["customer"].processed == 0, "customers were listed by the first run"
    carried = [w for w in windows(database_url, second.run_id) if w["carried_from"]]
    assert carried
    assert {w["object"] for w in carried} == {"payout"}
    old = windows(database_url, first.run_id)
    failed = {w["id"]: w["superseded_by"] for w in old if w["object"] == "payout"}
    assert failed == {w["carried_from"]: w["id"] for w in carried}
    runs = await sync_runs(database_url)
    assert [r["status"] for r in runs] == ["error", "complete"]
    with psycopg.connect(database_url) as conn:
        (first_run,) = conn.execute(
            "SELECT error_count, pending_count, carried_count FROM stripe.sync_runs"
            " WHERE run_id = %s",
            (first.run_id,),
        ).fetchall()
    # The failed windows were continued by the second run: counted as carried, not failed.
    assert first_run == (0, 0, len(carried))


async def sync_runs(url: str) -> list[dict[str, Any]]:
    with psycopg.connect(url) as conn:
        cur = conn.execute("SELECT status, total_processed FROM stripe.sync_runs ORDER BY run_id")
        return [{"status": s, "total": t} for s, t in cur.fetchall()]


async def test_incremental_run_lists_only_new_objects(fake: FakeStripe, database_url: str) -> None:
    fake.seed("customer", 400)
    async with make_sync(fake, database_url) as sync:
        first = await sync.process_until_done("customer")
        assert first.objects["customer"].processed == 400
        new = [fake.call("POST", "/v1/customers", {"name": f"new {n}"})["id"] for n in range(30)]
        second = await sync.process_until_done("customer")
    assert set(new) <= db_ids(database_url, "customer")
    assert db_ids(database_url, "customer") == fake_ids(fake, "customer")
    # Only the new ones (and whatever else was created in the first run's last second).
    assert 30 <= second.objects["customer"].processed < 60


async def test_transient_stripe_errors_are_absorbed(fake: FakeStripe, database_url: str) -> None:
    fake.seed("customer", 800)
    fake.configure(server_error_probability=0.2, rate_limit_probability=0.1, seed=3)
    async with make_sync(fake, database_url, max_retries=8) as sync:
        result = await sync.process_until_done("customer")
    assert result.status == "complete"
    assert db_ids(database_url, "customer") == fake_ids(fake, "customer")
    stats = fake.stats()
    assert stats["totals"]["server_errors"] > 0 or stats["totals"]["rate_limited"] > 0


async def test_process_next_pages_one_at_a_time(fake: FakeStripe, database_url: str) -> None:
    fake.seed("product", 250)
    async with make_sync(fake, database_url) as sync:
        pages: list[PageResult] = []
        while True:
            page = await sync.process_next("product")
            pages.append(page)
            if not page.has_more:
                break
            assert len(pages) < 20
    assert [p.processed for p in pages] == [100, 100, 50]
    assert len({p.run_id for p in pages}) == 1
    assert db_ids(database_url, "product") == fake_ids(fake, "product")
    assert [r["status"] for r in await sync_runs(database_url)] == ["complete"]


async def test_process_next_pages_every_member_of_a_group(
    fake: FakeStripe, database_url: str
) -> None:
    # customer_with_entitlements (the TypeScript engine's name): customers, then their
    # active entitlements, paged by one caller until neither has a window left.
    customers = fake.seed("customer", 12)
    for customer in customers[:3]:
        fake.seed("active_entitlement", 2, fields={"customer": customer})
    async with make_sync(fake, database_url) as sync:
        pages: list[PageResult] = []
        while not pages or pages[-1].has_more:
            pages.append(await sync.process_next("customer_with_entitlements"))
            # customers, the parents page, then one customer's entitlements a page
            assert len(pages) < 40
    assert {p.object for p in pages} == {"customer", "active_entitlement"}
    assert len({p.run_id for p in pages}) == 1
    assert db_ids(database_url, "customer") == fake_ids(fake, "customer")
    assert len(rows(database_url, "active_entitlements")) == 6
    assert [r["status"] for r in await sync_runs(database_url)] == ["complete"]


async def test_a_dead_workers_window_is_claimed_after_its_lease(
    fake: FakeStripe, database_url: str
) -> None:
    fake.seed("customer", 300)
    async with make_sync(fake, database_url, backfill_lease_seconds=0.5) as sync:
        # Another process claims the window and dies without committing a page.
        first = await sync.process_next("customer")
        assert first.has_more
        with psycopg.connect(database_url, autocommit=True) as conn:
            conn.execute(
                "SELECT stripe._backfill_claim_v1(%s, 'dead-host:1:x', interval '0.5 seconds')",
                (first.run_id,),
            )
        result = await sync.process_until_done("customer")
    assert result.run_id == first.run_id
    assert result.joined
    assert db_ids(database_url, "customer") == fake_ids(fake, "customer")
    assert sum(w["processed_count"] for w in windows(database_url, result.run_id)) == 300


def exited_pid() -> int:
    """The pid of a process of this host that has exited (free, barring reuse)."""
    with subprocess.Popen([sys.executable, "-c", "pass"]) as gone:
        gone.wait()
    return gone.pid


async def test_a_killed_process_of_this_host_is_taken_over_at_once(
    fake: FakeStripe, database_url: str
) -> None:
    fake.seed("customer", 300)
    dead = f"{socket.gethostname()}:{exited_pid()}:0123abcd/0"
    # A lease far longer than the test may wait: only a takeover lets the run finish.
    async with make_sync(fake, database_url, backfill_lease_seconds=3600) as sync:
        first = await sync.process_next("customer")
        assert first.has_more
        with psycopg.connect(database_url, autocommit=True) as conn:
            conn.execute(
                "SELECT stripe._backfill_claim_v1(%s, %s, interval '1 hour')", (first.run_id, dead)
            )
            held = conn.execute(
                "SELECT count(*) FROM stripe._sync_obj_runs WHERE claimed_by = %s", (dead,)
            ).fetchone()
        assert held == (1,)
        result = await asyncio.wait_for(sync.process_until_done("customer"), timeout=120)
    assert result.status == "complete"
    assert result.joined
    assert db_ids(database_url, "customer") == fake_ids(fake, "customer")


async def test_a_page_the_killed_process_had_sent_does_not_take_its_window_back(
    fake: FakeStripe, database_url: str
) -> None:
    """kill -9 while ``_backfill_page_v1`` runs: the server finishes the statement after its client
    died, possibly once the restarted process has taken the dead holder's windows over. That
    page must find the window no longer its own, not renew the lease (the restarted process
    would wait the whole lease for that window)."""
    fake.seed("customer", 300)
    dead = f"{socket.gethostname()}:{exited_pid()}:0123abcd/0"
    async with make_sync(fake, database_url, backfill_lease_seconds=3600) as sync:
        first = await sync.process_next("customer")
        assert first.has_more
        with psycopg.connect(database_url, autocommit=True) as conn:
            claimed = conn.execute(
                "SELECT window_id FROM stripe._backfill_claim_v1(%s, %s, interval '1 hour')",
                (first.run_id, dead),
            ).fetchone()
            assert claimed is not None
            # The restarted process takes the dead holder's windows over (the engine's query) ...
            conn.execute(
                query("backfill_expire_holders", "stripe"),
                {"run_id": first.run_id, "holders": [dead]},
            )
            # ... then the page the dead process had sent is committed.
            late = conn.execute(
                "SELECT status FROM stripe._backfill_page_v1(p_window_id => %s, p_worker => %s,"
                " p_lease => interval '1 hour', p_table => NULL, p_account_id => 'acct_x',"
                " p_objects => '[]', p_version => now(), p_children => '[]',"
                " p_cursor => NULL, p_cursor_created => NULL, p_has_more => true)",
                (claimed[0], dead),
            ).fetchone()
        assert late == ("lost",)
        result = await asyncio.wait_for(sync.process_until_done("customer"), timeout=120)
    assert result.status == "complete"
    assert db_ids(database_url, "customer") == fake_ids(fake, "customer")


PAGE_SQL = (
    "SELECT status, split_at FROM stripe._backfill_page_v1(p_window_id => %(window)s,"
    " p_worker => %(worker)s, p_lease => interval '1 hour', p_table => 'customers',"
    " p_account_id => %(account)s, p_objects => %(objects)s::jsonb, p_version => now(),"
    " p_children => '[]', p_cursor => %(cursor)s, p_cursor_created => %(created)s,"
    " p_has_more => %(more)s, p_split_below => 1000)"
)


async def test_a_page_sent_again_after_its_commit_is_committed_once(
    fake: FakeStripe, database_url: str
) -> None:
    """The store sends a statement again when its connection broke, and the break may come
    after the commit (a database restart): the same page, sent twice, counts once, and the
    second answer carries the split the first one made."""
    fake.seed("customer", 150)
    async with make_sync(fake, database_url, backfill_lease_seconds=3600) as sync:
        first = await sync.process_next("customer")
        account = await sync.get_current_account()
    assert first.has_more
    worker = "test-host:1:replay/0"
    with psycopg.connect(database_url, autocommit=True) as conn:
        claimed = conn.execute(
            "SELECT window_id, created_gte, created_lt, cursor FROM"
            " stripe._backfill_claim_v1(%s, %s, interval '1 hour')",
            (first.run_id, worker),
        ).fetchone()
        assert claimed is not None
        window, gte, lt, _ = claimed
        # A page whose last object is near the window's end: the window splits.
        late = lt - (lt - gte) / 20
        page = {
            "window": window,
            "worker": worker,
            "account": account["id"],
            "objects": json.dumps(
                [
                    {"id": f"cus_replay{n}", "object": "customer", "created": int(late.timestamp())}
                    for n in (1, 2)
                ]
            ),
            "cursor": "cus_replay2",
            "created": late,
            "more": True,
        }

        def counts() -> tuple[int, int, int]:
            row = conn.execute(
                "SELECT processed_count, page_count,"
                " (SELECT count(*) FROM stripe._sync_obj_runs WHERE run_id = %s)"
                " FROM stripe._sync_obj_runs WHERE id = %s",
                (first.run_id, window),
            ).fetchone()
            assert row is not None
            return int(row[0]), int(row[1]), int(row[2])

        before = counts()
        once = conn.execute(PAGE_SQL, page).fetchone()
        after_once = counts()
        twice = conn.execute(PAGE_SQL, page).fetchone()
        assert counts() == after_once
        assert after_once[:2] == (before[0] + 2, before[1] + 1)
        assert once is not None
        assert once[0] == "running"
        assert once[1] is not None  # it split
        assert twice == once
        # The last page, sent twice: complete both times, counted once.
        last = {**page, "objects": "[]", "more": False}
        assert conn.execute(PAGE_SQL, last).fetchone() == ("complete", None)
        done = counts()
        assert conn.execute(PAGE_SQL, last).fetchone() == ("complete", None)
        assert counts() == done


async def test_the_run_heartbeat_is_written_at_most_once_a_second(
    fake: FakeStripe, database_url: str
) -> None:
    """Every claim and page of every worker used to write the run's one row, so that pages
    queued on its lock; a heartbeat less than a second old is left as it is (no write, no lock),
    an older one is renewed."""
    fake.seed("customer", 450)
    async with make_sync(fake, database_url, backfill_lease_seconds=3600) as sync:
        first = await sync.process_next("customer")
        assert first.has_more

        def heartbeat() -> tuple[str, datetime]:
            with psycopg.connect(database_url) as conn:
                row = conn.execute(
                    "SELECT xmin::text, updated_at FROM stripe._sync_runs WHERE id = %s",
                    (first.run_id,),
                ).fetchone()
            assert row is not None
            return str(row[0]), row[1]

        def beat_at(offset: str) -> None:
            with psycopg.connect(database_url, autocommit=True) as conn:
                conn.execute(
                    "UPDATE stripe._sync_runs SET updated_at = now() + %s::interval WHERE id = %s",
                    (offset, first.run_id),
                )

        beat_at("-10 seconds")
        old_version, old_beat = heartbeat()
        await sync.process_next("customer")  # an old heartbeat: renewed
        version, beat = heartbeat()
        assert version != old_version
        assert beat > old_beat
        # A heartbeat newer than a second ago (here: ahead of the clock, so that a slow machine
        # cannot make it a second old): neither the claim nor the page writes the row.
        beat_at("1 hour")
        fresh = heartbeat()
        await sync.process_next("customer")
        assert heartbeat() == fresh


def test_only_a_holder_of_this_host_that_is_gone_counts_as_dead() -> None:
    host = socket.gethostname()
    now = datetime.now(UTC)
    gone = exited_pid()
    assert holder_is_dead(f"{host}:{gone}:tok/0", now)
    # Another host: never judged, its lease runs out.
    assert not holder_is_dead(f"elsewhere:{gone}:tok/0", now)
    # Alive since before its last renewal: alive. The parent runs since before this test.
    assert not holder_is_dead(f"{host}:{os.getppid()}:tok/0", now)
    # This very process: never judged.
    assert not holder_is_dead(f"{host}:{os.getpid()}:tok/0", now - timedelta(days=1))
    # A pid reused by a process started after the holder's last renewal: dead.
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as newer:
        try:
            assert holder_is_dead(f"{host}:{newer.pid}:tok/0", now - timedelta(hours=1))
        finally:
            newer.kill()
    assert not holder_is_dead("not-a-worker-id", now)


async def test_progress_reports_come_from_the_database(fake: FakeStripe, database_url: str) -> None:
    fake.seed("customer", 600)
    fake.configure(latency_ms=5)
    reports: list[BackfillProgress] = []
    async with make_sync(fake, database_url, backfill_workers=2) as sync:
        result = await sync.process_until_done(
            "customer", on_progress=reports.append, progress_interval=0.05
        )
    assert reports, "progress was reported"
    final = reports[-1]
    assert final.run_id == result.run_id
    assert final.objects["customer"].processed == 600
    assert final.objects["customer"].fraction == 1.0
    counts = [r.objects["customer"].processed for r in reports if "customer" in r.objects]
    assert counts == sorted(counts), "progress never goes backwards"


async def test_objects_listed_per_parent_report_how_far_they_are(
    fake: FakeStripe, database_url: str
) -> None:
    """A customer's payment methods are listed customer by customer: their share done (which
    the progress bars turn into an ETA) is that of the customers listed times the share of
    those whose payment methods are listed."""
    fake.seed_realistic(300)
    # Slow enough that the run spans several reports (at 5 ms a page it could end within two).
    fake.configure(latency_ms=20)
    reports: list[BackfillProgress] = []
    async with make_sync(fake, database_url, backfill_workers=4) as sync:
        result = await sync.process_until_done(
            "payment_method", on_progress=reports.append, progress_interval=0.05
        )
    assert result.objects["payment_method"].processed == 300
    fractions = [r.objects["payment_method"].fraction for r in reports]
    assert fractions[-1] == 1.0
    during = [f for f in fractions[:-1] if f is not None and 0 < f < 1]
    assert len(during) >= 3, fractions
    assert None not in fractions, "known from the first report on"


async def test_connected_account_backfill_is_attributed_to_it(
    fake: FakeStripe, database_url: str
) -> None:
    connected = fake.add_account()
    fake.seed("customer", 120, account=connected)
    fake.seed("customer", 10)
    async with make_sync(fake, database_url) as sync:
        result = await sync.process_until_done("customer", account=connected)
    assert result.account_id == connected
    stored = rows(database_url, "customers")
    assert set(stored) == fake_ids(fake, "customer", connected)
    assert {r["_account_id"] for r in stored.values()} == {connected}


async def test_explicit_created_range(fake: FakeStripe, database_url: str) -> None:
    now = fake.store.now()
    fake.seed("customer", 100, created_range=(now - 1000, now - 600))
    fake.seed("customer", 100, created_range=(now - 500, now - 100))
    async with make_sync(fake, database_url) as sync:
        result = await sync.process_until_done("customer", created={"gte": now - 500})
    assert result.objects["customer"].processed == 100
    listed = db_ids(database_url, "customer")
    assert all(int(fake.get("customer", i)["created"]) >= now - 500 for i in listed)


def test_unknown_or_unlistable_objects_raise(sync: AsyncStripeSync) -> None:
    from stripe_sync.backfill import resolve_objects
    from stripe_sync.errors import UnknownObjectError

    with pytest.raises(UnknownObjectError, match="subscription_item objects cannot be listed"):
        resolve_objects("subscription_item")
    with pytest.raises(UnknownObjectError):
        resolve_objects(["customer", "nope"])


async def test_incremental_run_catches_updates_to_old_objects_from_events(
    fake: FakeStripe, database_url: str
) -> None:
    old = [fake.call("POST", "/v1/customers", {"name": f"old {n}"})["id"] for n in range(40)]
    async with make_sync(fake, database_url) as sync:
        first = await sync.process_until_done("customer")
        assert first.events is not None
        assert first.events.baseline
        fake.call("POST", f"/v1/customers/{old[3]}", {"name": "renamed"})
        fake.call("DELETE", f"/v1/customers/{old[5]}")
        new = fake.call("POST", "/v1/customers", {"name": "brand new"})["id"]
        second = await sync.process_until_done("customer")
    assert second.events is not None
    assert second.events.applied >= 3
    stored = rows(database_url, "customers")
    assert stored[old[3]]["name"] == "renamed"
    assert stored[old[5]]["deleted"] is True
    assert new in stored


async def test_expired_events_cursor_relists_everything(
    fake: FakeStripe, database_url: str
) -> None:
    fake.seed("customer", 150)
    async with make_sync(fake, database_url) as sync:
        await sync.process_until_done("customer")
        with psycopg.connect(database_url, autocommit=True) as conn:
            conn.execute(
                "UPDATE stripe._event_cursors SET last_event_created = now() - interval '31 days'"
            )
        second = await sync.process_until_done("customer")
    assert second.relisted
    assert second.events is not None
    assert second.events.cursor_expired
    assert second.objects["customer"].processed == 150


async def test_metrics_show_backfill_progress_and_stripe_429s(
    fake: FakeStripe, database_url: str
) -> None:
    import httpx
    from prometheus_client.parser import text_string_to_metric_families

    from stripe_sync.server import create_app

    fake.seed("customer", 500)
    fake.configure(rate_limit_probability=0.2, seed=5)
    async with make_sync(fake, database_url, max_retries=10) as sync:
        await sync.process_until_done("customer")
        app = create_app(sync=sync)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://sync"
        ) as http:
            text = (await http.get("/metrics")).text
    found = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }
    assert (
        found[("stripe_sync_backfill_objects", (("mode", "test"), ("object", "customer")))] == 500
    )
    windows = {
        dict(labels)["status"]: v
        for (name, labels), v in found.items()
        if name == "stripe_sync_backfill_windows"
    }
    assert windows["complete"] >= 1
    assert windows["pending"] == windows["running"] == windows["error"] == 0
    rate_limited = found[("stripe_sync_stripe_rate_limited_total", ())]
    assert rate_limited == fake.stats()["totals"]["rate_limited"] > 0
    assert found[("stripe_sync_stripe_requests_total", ())] >= 6 + rate_limited
    account = (("account", fake.account_id), ("mode", "test"), ("object", "customer"))
    assert found[("stripe_sync_last_backfill_timestamp_seconds", account)] > 0
    assert found[("stripe_sync_failing_windows", account)] == 0


async def test_backfill_counts_requests_in_shared_buckets(
    fake: FakeStripe, database_url: str
) -> None:
    import httpx

    from tests.integration.helpers import make_config

    fake.seed("customer", 300)
    config = make_config(fake, database_url, max_requests_per_second=1000.0)
    async with AsyncStripeSync(config, http_transport=httpx.ASGITransport(app=fake.app)) as sync:
        result = await sync.process_until_done("customer")
    assert result.status == "complete"
    with psycopg.connect(database_url) as conn:
        keys = {k for (k,) in conn.execute("SELECT key FROM stripe._rate_limits")}
    # Every process of this account and mode shares these rows: the global bucket and the
    # customers list endpoint's.
    assert f"{fake.account_id}/test/*" in keys
    assert f"{fake.account_id}/test/GET /v1/customers" in keys


async def test_connected_accounts_are_served_fairly(fake: FakeStripe, database_url: str) -> None:
    small = [fake.add_account() for _ in range(50)]
    large = fake.add_account()
    for account in small:
        fake.seed("customer", 30, account=account)
    fake.seed("customer", 600, account=large)
    fake.configure(latency_ms=2)
    async with make_sync(fake, database_url, backfill_workers=6) as sync:
        # The large account first: served in order, it would be done first.
        results = await sync.process_connected_accounts("customer", accounts=[large, *small])
    by_account = {r.account_id: r for r in results}
    assert set(by_account) == {*small, large}
    assert all(r.status == "complete" for r in results)
    for account in (*small, large):
        expected = fake_ids(fake, "customer", account)
        assert db_ids(database_url, "customer", f"_account_id = '{account}'") == expected
    # Round-robin claims: the small accounts are done before the large one, not after it.
    large_closed = by_account[large].closed_at
    assert large_closed is not None
    small_closed = [by_account[a].closed_at for a in small]
    assert all(c is not None and c <= large_closed for c in small_closed)


async def test_all_connected_accounts_of_the_platform(fake: FakeStripe, database_url: str) -> None:
    connected = [fake.add_account() for _ in range(3)]
    for account in connected:
        fake.seed("product", 5, account=account)
    fake.seed("product", 7)
    async with make_sync(fake, database_url) as sync:
        results = await sync.process_connected_accounts("product")
    assert {r.account_id for r in results} == set(connected)
    stored = rows(database_url, "products")
    assert {r["_account_id"] for r in stored.values()} == set(connected)
    assert len(stored) == 15, "the platform's own products are not part of a Connect backfill"


async def test_two_accounts_with_their_own_keys_share_one_database(database_url: str) -> None:
    """Two platform accounts (two keys) sync side by side into the same tables."""
    with (
        FakeStripe(api_keys=("sk_test_" + "a" * 24,), seed=21) as fake_a,
        FakeStripe(api_keys=("sk_test_" + "b" * 24,), seed=22) as fake_b,
    ):
        assert fake_a.account_id != fake_b.account_id
        fake_a.seed("customer", 120)
        fake_b.seed("customer", 80)
        async with (
            make_sync(fake_a, database_url) as sync_a,
            make_sync(fake_b, database_url) as sync_b,
        ):
            await asyncio.gather(
                sync_a.process_until_done("customer"), sync_b.process_until_done("customer")
            )
            # Real time too: each engine's events land under its own account.
            fake_a.call("POST", "/v1/customers", {"name": "a live"})
            fake_b.call("POST", "/v1/customers", {"name": "b live"})
            await sync_a.process_event(fake_a.events(type_="customer.created")[0])
            await sync_b.process_event(fake_b.events(type_="customer.created")[0])
            lag = await sync_a.sync_lag()
        for fake in (fake_a, fake_b):
            where = f"_account_id = '{fake.account_id}'"
            assert db_ids(database_url, "customer", where) == fake_ids(fake, "customer")
        assert len(rows(database_url, "customers")) == 121 + 81
        assert {(r["account_id"], r["object"]) for r in lag} == {
            (fake_a.account_id, "customer"),
            (fake_b.account_id, "customer"),
        }


async def test_embedded_lines_are_written_from_the_parents_payload(
    fake: FakeStripe, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Invoice pages go to PostgreSQL as Stripe sent them, their lines named by field (0035):
    every line embedded in a stored invoice is a row with the same payload, under its invoice,
    and a complete list leaves no other line of that invoice alive."""
    fake.seed_realistic(40)
    parsed: list[int] = []
    original = ListedPage.parsed

    def counted(page: ListedPage) -> ListedPage:
        parsed.append(page.size)
        return original(page)

    monkeypatch.setattr(ListedPage, "parsed", counted)
    async with make_sync(fake, database_url) as sync:
        result = await sync.process_until_done(["invoice"])
    assert result.status == "complete"
    assert parsed == []  # no page was parsed in Python
    invoices = rows(database_url, "invoices")
    lines = rows(database_url, "invoice_line_items", "NOT deleted")
    assert invoices
    assert lines
    expected: dict[str, tuple[str, dict[str, Any]]] = {}
    for invoice_id, row in invoices.items():
        listed = row["_raw_data"]["lines"]
        for item in listed["data"]:
            expected[item["id"]] = (invoice_id, item)
    assert expected
    for line_id, (invoice_id, item) in expected.items():
        assert lines[line_id]["invoice"] == invoice_id
        assert lines[line_id]["_raw_data"] == item
    assert set(lines) == set(expected)
