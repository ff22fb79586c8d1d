"""What a page's nested lists cost a run with ``auto_expand_lists``, read off a sampling page
(no I/O): which lists a run would page to completion, and how many requests each takes."""

from __future__ import annotations

from typing import Any

import pytest

from stripe_sync.page_cost import nested_paging
from stripe_sync.resources import get


def invoice(n: int, *, lines: int, total: int | None, has_more: bool) -> dict[str, Any]:
    listed: dict[str, Any] = {"object": "list", "data": [{"id": "il"}] * lines}
    listed["has_more"] = has_more
    if total is not None:
        listed["total_count"] = total
    return {"id": f"in_{n}", "object": "invoice", "lines": listed}


def test_truncated_lists_take_their_total_count_in_pages_of_a_hundred() -> None:
    page = [
        invoice(1, lines=10, total=250, has_more=True),  # 3 requests
        invoice(2, lines=10, total=101, has_more=True),  # 2
        invoice(3, lines=10, total=None, has_more=True),  # unknown size: 1
        invoice(4, lines=3, total=3, has_more=False),  # complete: none
    ]
    (lines,) = nested_paging(get("invoice"), page)
    assert lines.endpoint.startswith("GET /v1/invoices/")
    assert lines.share == pytest.approx(3 / 4)
    assert lines.requests == pytest.approx((3 + 2 + 1) / 3)


def test_a_list_that_appears_only_when_expanded_is_listed_for_every_object() -> None:
    sessions = [{"id": f"cs_{n}", "object": "checkout.session"} for n in range(5)]
    (items,) = nested_paging(get("checkout_session"), sessions)
    assert items.share == 1.0
    assert items.requests == 1.0


def test_complete_lists_and_an_empty_page_cost_nothing() -> None:
    assert nested_paging(get("invoice"), [invoice(1, lines=2, total=2, has_more=False)]) == ()
    assert nested_paging(get("invoice"), []) == ()
