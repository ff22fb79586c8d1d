"""The ``sync_status`` view: one row per account and resource with the state of its backfill.

A run is stopped halfway (``process_next`` lists one page and gives its window back) so that the
states between "nothing yet" and "complete" are real rows; the states a process holds only for
the length of a page (a window running under a live lease, or one whose process died, or a run
given up) are set on that window's row as the backfill itself sets them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg

from stripe_sync import AsyncStripeSync
from stripe_sync.testing import FakeStripe


def status(url: str) -> dict[tuple[str, str], dict[str, Any]]:
    with psycopg.connect(url) as conn:
        cur = conn.execute(
            "SELECT account_id, resource, status, last_incremental_cursor, last_synced_at,"
            " error_message, error_count, run_id FROM stripe.sync_status"
        )
        assert cur.description is not None
        names = [c.name for c in cur.description]
        found = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    by_key = {(r["account_id"], r["resource"]): r for r in found}
    assert len(by_key) == len(found)  # one row per account and resource
    return by_key


def execute(url: str, statement: str, *params: Any) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement.encode(), params)


async def test_a_resource_goes_queued_running_error_complete(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    account = fake.account_id
    fake.seed("customer", 250)
    assert status(database_url) == {}

    page = await sync.process_next("customer")
    assert page.has_more
    row = status(database_url)[(account, "customer")]
    # Planned and partly listed, waiting for the next call: queued.
    assert (row["status"], row["error_count"], row["error_message"]) == ("queued", 0, None)
    assert row["run_id"] == page.run_id
    assert datetime.now(UTC) - row["last_incremental_cursor"] < timedelta(minutes=5)
    assert row["last_synced_at"] is None  # no window is complete yet

    lease = (
        "UPDATE stripe._sync_obj_runs SET status = 'running', claimed_until = now() + %s"
        " WHERE run_id = %s"
    )
    execute(database_url, lease, timedelta(minutes=1), page.run_id)
    assert status(database_url)[(account, "customer")]["status"] == "running"
    # Its worker died: the lease ran out and the window waits for another one.
    execute(database_url, lease, timedelta(seconds=-1), page.run_id)
    assert status(database_url)[(account, "customer")]["status"] == "queued"

    # The run is given up (as _backfill_plan_v1 closes a run nobody works on): the next run of
    # customers continues its window from the cursor.
    execute(
        database_url,
        "UPDATE stripe._sync_runs SET status = 'error', closed_at = now(),"
        " error_message = 'abandoned: no worker' WHERE id = %s",
        page.run_id,
    )
    row = status(database_url)[(account, "customer")]
    assert (row["status"], row["error_count"], row["error_message"]) == (
        "error",
        1,
        "abandoned: no worker",
    )

    result = await sync.process_until_done("customer_with_entitlements")
    assert result.status == "complete"
    rows = status(database_url)
    assert set(rows) == {(account, "customer"), (account, "active_entitlement")}
    row = rows[(account, "customer")]
    assert (row["status"], row["error_count"], row["error_message"]) == ("complete", 0, None)
    assert row["run_id"] == result.run_id
    assert row["last_synced_at"] is not None
    with psycopg.connect(database_url) as conn:
        listed = conn.execute("SELECT count(*) FROM stripe.customers").fetchone()
    assert listed == (250,)


async def test_rows_are_per_account(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    connected = fake.add_account()
    fake.seed("product", 2)
    fake.seed("product", 3, account=connected)
    await sync.process_until_done("product")
    await sync.process_until_done("product", account=connected)
    rows = status(database_url)
    assert set(rows) == {(fake.account_id, "product"), (connected, "product")}
    assert {r["status"] for r in rows.values()} == {"complete"}
    assert rows[(fake.account_id, "product")]["run_id"] != rows[(connected, "product")]["run_id"]
