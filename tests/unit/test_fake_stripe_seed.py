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
