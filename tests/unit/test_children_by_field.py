"""children_by_field: a raw backfill page's nested lists as child lists "by field" (0035), or
None when the page must be parsed (a list to page through, or a payload of another shape)."""

from __future__ import annotations

import json
from typing import Any

from stripe_sync.changes import ChildList
from stripe_sync.listing import ParentedList, children_by_field
from stripe_sync.resources import get


def line(i: int) -> dict[str, Any]:
    return {"id": f"il_{i}", "object": "line_item", "amount": i}


def invoice(object_id: Any, lines: Any, *, has_more: bool = False) -> dict[str, Any]:
    listed = {"object": "list", "data": lines, "has_more": has_more, "url": "/v1/x"}
    return {"id": object_id, "object": "invoice", "lines": listed}


def page(*objects: Any) -> bytes:
    return json.dumps(list(objects)).encode()


def test_whole_lists_go_by_field_one_per_parent() -> None:
    raw = page(invoice("in_1", [line(1), line(2)]), invoice("in_2", []))
    found = children_by_field(get("invoice"), raw, auto_expand_lists=True)
    assert found is not None
    assert [(p.parent_id, p.as_json()) for p in found] == [
        (
            "in_1",
            {
                "table": "invoice_line_items",
                "parent_column": "invoice",
                "complete": True,
                "field": "lines",
                "parent_id": "in_1",
                "parent_index": 0,
                "objects": None,
            },
        ),
        (
            "in_2",
            {
                "table": "invoice_line_items",
                "parent_column": "invoice",
                "complete": True,
                "field": "lines",
                "parent_id": "in_2",
                "parent_index": 1,
                "objects": None,
            },
        ),
    ]


def test_a_truncated_list_is_paged_through_when_lists_are_expanded() -> None:
    raw = page(invoice("in_1", [line(1)]), invoice("in_2", [line(2)], has_more=True))
    assert children_by_field(get("invoice"), raw, auto_expand_lists=True) is None
    # Without auto_expand_lists the embedded items are written, and the list is not complete.
    found = children_by_field(get("invoice"), raw, auto_expand_lists=False)
    assert found is not None
    assert [(p.parent_id, p.children.complete) for p in found] == [("in_1", True), ("in_2", False)]


def test_pages_of_another_shape_are_parsed_instead() -> None:
    resource = get("invoice")
    # An item that is not an object, a list field that is not a list object, no string id.
    assert (
        children_by_field(resource, page(invoice("in_1", ["il_1"])), auto_expand_lists=False)
        is None
    )
    odd = {"id": "in_1", "object": "invoice", "lines": "il_1"}
    assert children_by_field(resource, page(odd), auto_expand_lists=False) is None
    assert children_by_field(resource, page(invoice(7, [line(1)])), auto_expand_lists=False) is None
    # A list field that is absent: nothing to write, nothing to page (lines need no expand).
    bare = {"id": "in_1", "object": "invoice"}
    assert children_by_field(resource, page(bare), auto_expand_lists=True) == []


def test_objects_without_nested_lists_have_no_children() -> None:
    raw = page({"id": "cus_1", "object": "customer"})
    assert children_by_field(get("customer"), raw, auto_expand_lists=True) == []


def test_a_list_that_says_it_has_more_is_paged_whatever_its_data() -> None:
    odd = {"id": "in_1", "object": "invoice", "lines": {"object": "list", "has_more": True}}
    assert children_by_field(get("invoice"), page(odd), auto_expand_lists=True) is None
    assert children_by_field(get("invoice"), page(odd), auto_expand_lists=False) == []


def test_a_list_left_out_until_expanded_is_paged_when_lists_are_expanded() -> None:
    session = {"id": "cs_1", "object": "checkout.session"}
    resource = get("checkout_session")
    assert any(n.expand for n in resource.nested_lists)
    assert children_by_field(resource, page(session), auto_expand_lists=True) is None
    assert children_by_field(resource, page(session), auto_expand_lists=False) == []


def test_each_list_names_its_parent_by_position() -> None:
    raw = page(invoice("in_1", [line(1)]), invoice("in_1", [line(2)], has_more=True))
    found = children_by_field(get("invoice"), raw, auto_expand_lists=False)
    assert found is not None
    assert [(p.parent_index, p.children.complete) for p in found] == [(0, True), (1, False)]


def test_a_parsed_page_sends_its_lists_with_their_objects() -> None:
    """Lists built from a parsed page (no position in the raw page) carry their objects."""
    listed = ParentedList(
        ChildList("invoice_line_items", "invoice", [line(1)], True, "lines"), "in_1"
    )
    assert listed.as_json()["objects"] == [line(1)]
    assert "field" not in listed.as_json()
