"""The pure parts of verify: the month windows and the events as the SQL check takes them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from stripe_sync.store import EventRoute
from stripe_sync.verify import CheckReport, VerifyResult, _event_item, _next_second, month_windows


def event(obj: dict[str, Any], type_: str) -> dict[str, Any]:
    return {
        "id": "evt_1",
        "object": "event",
        "type": type_,
        "created": 1700000000,
        "data": {"object": obj},
        "livemode": False,
    }


def test_month_windows_tile_the_range() -> None:
    floor = datetime(2025, 11, 17, 5, tzinfo=UTC)
    until = datetime(2026, 2, 3, 12, tzinfo=UTC)
    assert month_windows(floor, until) == [
        (datetime(2025, 11, 1, tzinfo=UTC), datetime(2025, 12, 1, tzinfo=UTC)),
        (datetime(2025, 12, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC)),
        (datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)),
        (datetime(2026, 2, 1, tzinfo=UTC), until),
    ]
    assert month_windows(datetime(2026, 3, 1, tzinfo=UTC), until) == []
    assert month_windows(datetime(2026, 2, 1, tzinfo=UTC), until) == [
        (datetime(2026, 2, 1, tzinfo=UTC), until)
    ]


def test_until_is_rounded_up_to_a_whole_second() -> None:
    whole = datetime(2026, 1, 1, 12, 0, 5, tzinfo=UTC)
    assert _next_second(whole) == whole
    assert _next_second(whole + timedelta(microseconds=1)) == whole + timedelta(seconds=1)


def route(
    action: str, resource: str | None, table: str | None, object_id: str | None
) -> EventRoute:
    return EventRoute(action, resource, table, object_id, None, None, None)


def test_events_are_checked_by_their_row_or_by_id_only() -> None:
    # The routes as _route_events gives them (tests/integration/test_route_change.py).
    customer = {"id": "cus_1", "object": "customer", "name": "Ada"}
    upsert = route("upsert", "customer", "customers", "cus_1")
    item = _event_item(event(customer, "customer.updated"), upsert, {"customer"}, False)
    assert item == {
        "id": "evt_1",
        "table": "customers",
        "action": "upsert",
        "object_id": "cus_1",
        "created": 1700000000,
        "object": customer,
    }
    delete = route("delete", "customer", "customers", "cus_1")
    deleted = _event_item(event(customer, "customer.deleted"), delete, {"customer"}, False)
    assert deleted is not None
    assert deleted["action"] == "delete"
    # Not one of the objects verified: not checked.
    assert _event_item(event(customer, "customer.updated"), upsert, {"invoice"}, False) is None
    # A summary replaces a parent's rows: checked by id.
    summary = route("replace_children", "active_entitlement", "active_entitlements", None)
    got = _event_item(event(customer, "x.y"), summary, {"active_entitlement"}, False)
    assert got is not None
    assert got["table"] is None
    # A type not mirrored: checked by id (applied once recorded as skipped), only for "all".
    other = event({"object": "balance", "available": []}, "balance.available")
    skip = EventRoute("skip", None, None, None, None, "skipped", "not mirrored")
    assert _event_item(other, skip, {"customer"}, False) is None
    assert _event_item(other, skip, {"customer"}, True) == {"id": "evt_1", "table": None}
    # Malformed (a summary without its parent): by id, for "all".
    bad = EventRoute("skip", "active_entitlement", None, None, None, "malformed", "no customer")
    assert _event_item(other, bad, {"active_entitlement"}, True) == {
        "id": "evt_1",
        "table": None,
    }
    assert _event_item(other, bad, {"active_entitlement"}, False) is None


def test_remaining_drift_decides_the_status() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    found = CheckReport("deep", "customer", checked=3, missing=("cus_1",), stale=("cus_2",))
    fixed = CheckReport("deep", "customer", missing=("cus_1",), repaired=("cus_1",))
    assert (found.drift, found.remaining) == (2, 2)
    assert (fixed.drift, fixed.remaining) == (1, 0)
    assert VerifyResult(1, "acct_1", now, now, False, (found,)).status == "drift"
    clean = VerifyResult(1, "acct_1", now, now, True, (fixed,))
    assert clean.status == "clean"
    assert clean.as_json()["reports"][0]["repaired"] == ["cus_1"]
