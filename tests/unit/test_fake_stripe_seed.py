"""``seed_realistic``: a coherent account, with the states analysts query for."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stripe_sync.testing import FakeStripe


def _every(fake: FakeStripe, path: str, **params: Any) -> Iterator[dict[str, Any]]:
    query: dict[str, Any] = {"limit": "100", **params}
    while True:
        page = fake.call("GET", path, query)
        yield from page["data"]
        if not page["has_more"]:
            return
        query["starting_after"] = page["data"][-1]["id"]


def test_some_invoices_are_unpaid_and_the_rest_of_the_account_agrees() -> None:
    with FakeStripe(seed=0) as fake:
        fake.seed_realistic(300)
        invoices = list(_every(fake, "/v1/invoices"))
        subscriptions = {s["id"]: s for s in _every(fake, "/v1/subscriptions", status="all")}
        charges = list(_every(fake, "/v1/charges"))

    unpaid = [i for i in invoices if i["status"] in ("open", "uncollectible")]
    assert unpaid, "the demo's 'unpaid invoices' query needs some"
    assert len(unpaid) < len(invoices) / 5
    for invoice in unpaid:
        assert invoice["amount_paid"] == 0
        assert invoice["amount_remaining"] == invoice["amount_due"] > 0
        assert invoice["attempted"]
        assert invoice["attempt_count"] >= 1
        subscription = subscriptions[invoice["subscription"]]
        expected = "past_due" if invoice["status"] == "open" else "unpaid"
        assert subscription["status"] == expected
    for invoice in invoices:
        if invoice["status"] == "paid":
            assert invoice["amount_paid"] == invoice["amount_due"]
            assert invoice["amount_remaining"] == 0
    # Each failed payment attempt left a failed charge, never refunded.
    failed = [c for c in charges if c["status"] == "failed"]
    assert len(failed) == len(unpaid)
    for charge in failed:
        assert not charge["paid"]
        assert charge["amount_captured"] == charge["amount_refunded"] == 0
        assert charge["failure_code"] == "card_declined"


#: Dates that Stripe schedules ahead (the end of the current period, the next retry of an open
#: invoice): in the future for a live subscription. Every other date is of something that
#: happened, so never after the moment the account was seeded.
_SCHEDULED = {"current_period_end", "next_payment_attempt", "period.end", "computed_timestamp"}


def _dates_after(value: Any, now: int, path: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _dates_after(item, now, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for item in value:
            yield from _dates_after(item, now, path)
    elif (
        isinstance(value, int)
        and not isinstance(value, bool)
        and value > now
        and not any(path == s or path.endswith(f".{s}") for s in _SCHEDULED)
        and path.rsplit(".", 1)[-1] in _DATE_KEYS
    ):
        yield f"{path}={value} (now {now})"


_DATE_KEYS = {
    "created",
    "start_date",
    "billing_cycle_anchor",
    "current_period_start",
    "canceled_at",
    "ended_at",
    "finalized_at",
    "marked_uncollectible_at",
    "paid_at",
    "voided_at",
    "start",
    "effective_at",
    "period_start",
    "period_end",
}


def test_nothing_seeded_happens_after_the_seeds_now() -> None:
    """Invoices, their payment attempts, cancellations and refunds are dated at or before the
    moment of seeding, whatever the random draw (several seeds, so that subscriptions created in
    the last days, which fail, renew or cancel at once, come up)."""
    late: list[str] = []
    for seed in range(6):
        with FakeStripe(seed=seed) as fake:
            now = fake.store.now()
            fake.seed_realistic(400)
            for path, params in (
                ("/v1/invoices", {}),
                ("/v1/subscriptions", {"status": "all"}),
                ("/v1/charges", {}),
                ("/v1/refunds", {}),
                ("/v1/customers", {}),
            ):
                for obj in _every(fake, path, **params):
                    late.extend(f"{obj['id']} {d}" for d in _dates_after(obj, now))
    assert late == []
