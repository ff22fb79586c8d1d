"""The status snapshot (joined per account and object, without secrets) and its HTML, no I/O."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from stripe_sync.status import build_snapshot
from stripe_sync.status_page import render

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
HOSTILE = '<script>alert("x")</script>'


def snapshot_of(**overrides: Any) -> Any:
    # fmt: off
    parts: dict[str, Any] = {
        "accounts": [
            {"id": "acct_own", "business_name": "Own", "has_api_key": True,
             "last_event_created": NOW, "last_backfill_at": None,
             "managed_webhooks": ["we_1"]},
        ],
        "lag": [
            {"account_id": "acct_own", "object": "customer", "last_event_created": NOW,
             "seconds_behind": 12.0, "last_backfill_completed_at": None,
             "backfill_running": True, "failing_windows": 1, "last_error": None},
        ],
        "runs": [
            {"run_id": 2, "account_id": "acct_own", "status": "running", "started_at": NOW,
             "total_processed": 10, "object_progress": [
                 {"object": "customer", "status": "running", "processed": 10, "windows": 4,
                  "complete_windows": 1, "last_error": "boom"},
                 {"object": "invoice", "status": "pending", "processed": 0, "windows": 1,
                  "complete_windows": 0, "last_error": None}]},
            {"run_id": 1, "account_id": "acct_own", "status": "complete", "started_at": NOW,
             "total_processed": 5, "object_progress": []},
            {"run_id": 3, "account_id": "acct_other", "status": "complete", "started_at": NOW,
             "total_processed": 0, "object_progress": []},
        ],
        "failed_events": [
            {"event_id": "evt_1", "type": "coupon.created", "account_id": "acct_own",
             "error_class": "StripePermissionError", "error_message": "no access",
             "attempts": 2, "last_failed_at": NOW, "payload": {"secret": "sk_test_x"}},
        ],
        "webhooks": {"we_1": {"id": "we_1", "url": "https://h/webhooks", "status": "enabled",
                              "api_version": "v", "updated_at": NOW, "secret": "whsec_x"}},
    }
    # fmt: on
    parts.update(overrides)
    return build_snapshot(
        parts["accounts"], parts["lag"], parts["runs"], parts["failed_events"],
        parts["webhooks"], taken_at=NOW,
    )  # fmt: skip


def test_objects_join_the_lag_and_the_newest_run_of_their_account() -> None:
    snapshot = snapshot_of()
    own, other = snapshot.accounts
    assert (own.id, other.id) == ("acct_own", "acct_other")  # found only in sync_runs
    assert own.last_run is not None
    assert own.last_run["run_id"] == 2
    customer, invoice = own.objects
    assert (customer.object, customer.seconds_behind, customer.failing_windows) == (
        "customer", 12.0, 1,
    )  # fmt: skip
    assert (customer.backfill_status, customer.backfill_processed) == ("running", 10)
    assert (customer.backfill_windows_done, customer.backfill_windows) == (1, 4)
    assert customer.last_error == "boom"
    assert (invoice.object, invoice.backfill_status, invoice.last_event_created) == (
        "invoice", "pending", None,
    )  # fmt: skip


def test_each_mode_of_an_object_has_its_own_row_and_newest_run() -> None:
    # fmt: off
    lag = [
        {"account_id": "acct_own", "mode": mode, "object": "customer", "last_event_created": NOW,
         "seconds_behind": behind, "last_backfill_completed_at": None,
         "backfill_running": False, "failing_windows": 0, "last_error": None}
        for mode, behind in (("live", 1.0), ("test", 50.0))
    ]
    runs = [
        {"run_id": 5, "account_id": "acct_own", "mode": "live", "status": "running",
         "started_at": NOW, "total_processed": 7, "object_progress": [
             {"object": "customer", "status": "running", "processed": 7, "windows": 2,
              "complete_windows": 1, "last_error": None}]},
        {"run_id": 4, "account_id": "acct_own", "mode": "test", "status": "complete",
         "started_at": NOW, "total_processed": 3, "object_progress": [
             {"object": "customer", "status": "complete", "processed": 3, "windows": 1,
              "complete_windows": 1, "last_error": None},
             {"object": "product", "status": "complete", "processed": 2, "windows": 1,
              "complete_windows": 1, "last_error": None}]},
    ]
    # fmt: on
    accounts = [{"id": "acct_own", "has_api_key": True, "modes": "live+test"}]
    (own,) = snapshot_of(accounts=accounts, lag=lag, runs=runs).accounts
    assert own.modes == "live+test"
    assert own.last_run is not None
    assert (own.last_run["run_id"], own.last_run["mode"]) == (5, "live")
    found = [(o.object, o.mode, o.seconds_behind, o.backfill_status, o.backfill_processed)
             for o in own.objects]  # fmt: skip
    assert found == [
        ("customer", "live", 1.0, "running", 7),
        ("customer", "test", 50.0, "complete", 3),
        ("product", "test", None, "complete", 2),
    ]
    html = render(snapshot_of(accounts=accounts, lag=lag, runs=runs), refresh_seconds=10)
    assert 'id="acct_own-customer-live"' in html
    assert 'id="acct_own-customer-test"' in html
    assert "Modes: live+test" in html


def test_the_snapshot_keeps_no_secret() -> None:
    snapshot = snapshot_of()
    assert "secret" not in snapshot.accounts[0].webhooks[0]
    assert "payload" not in snapshot.failed_events[0]
    html = render(snapshot, refresh_seconds=10)
    assert "whsec_x" not in html
    assert "sk_test_x" not in html


def test_the_page_escapes_what_it_shows() -> None:
    # fmt: off
    hostile_lag = [
        {"account_id": "acct_own", "object": "customer", "last_event_created": None,
         "seconds_behind": None, "last_backfill_completed_at": None,
         "backfill_running": False, "failing_windows": 0, "last_error": HOSTILE},
    ]  # fmt: skip
    html = render(snapshot_of(lag=hostile_lag), refresh_seconds=10)
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "<script" not in html


def test_without_a_snapshot_the_page_says_the_database_does_not_answer() -> None:
    html = render(None, refresh_seconds=2.4)
    assert 'content="2"' in html
    assert "database does not answer" in html
