"""Serving objects: embedded (truncated) nested lists, ``expand[]`` and list envelopes.

Stripe embeds some child collections in the parent object but only their first 10 items,
with ``has_more`` and the ``url`` that lists the rest; others (a charge's refunds, a checkout
session's line items) appear only when expanded. :data:`NESTED` describes these per parent table,
derived from the registry's ``nested_lists`` rows.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from ..errors import UnknownObjectError
from ..resources import REGISTRY, by_id
from .state import AccountState

__all__ = ["EMBED_LIMIT", "NESTED", "Nested", "embedded_list", "list_envelope", "render"]

#: How many children Stripe puts in an embedded list.
EMBED_LIMIT = 10

#: Children listed newest first (their list endpoints sort like top-level lists).
DESC_CHILDREN = frozenset({"refund", "payment_method", "tax_id", "active_entitlement"})

# Stripe's embedded ``url`` differs from the registry's listing path for a few lists.
_URLS = {
    ("charge", "refunds"): "/v1/charges/{id}/refunds",
    ("subscription", "items"): "/v1/subscription_items?subscription={id}",
}


@dataclass(frozen=True, slots=True)
class Nested:
    """One embedded list: parent field, child table, embedded ``url``, whether expand-only."""

    field: str
    child: str
    url: str
    expand_only: bool
    total_count: bool


def _nested() -> dict[str, tuple[Nested, ...]]:
    out: dict[str, tuple[Nested, ...]] = {}
    for resource in REGISTRY.values():
        rows = []
        for nl in resource.nested_lists:
            url = _URLS.get((resource.name, nl.field), nl.path)
            rows.append(
                Nested(nl.field, nl.child, url, nl.expand, resource.name != "checkout_session")
            )
        if rows:
            out[resource.name] = tuple(rows)
    return out


NESTED: dict[str, tuple[Nested, ...]] = _nested()


def child_order(state: AccountState, child: str, parent_id: str) -> list[str]:
    """Ids of a parent's children in the order Stripe lists them."""
    ids = state.child_ids(child, parent_id)
    return ids[::-1] if child in DESC_CHILDREN else list(ids)


def embedded_list(state: AccountState, nested: Nested, parent_id: str) -> dict[str, Any]:
    """The truncated list Stripe embeds in the parent object."""
    ids = child_order(state, nested.child, parent_id)
    table = state.table(nested.child)
    data = [table.render(table.records[i]) for i in ids[:EMBED_LIMIT] if i in table.records]
    out: dict[str, Any] = {"object": "list", "data": data, "has_more": len(ids) > EMBED_LIMIT}
    if nested.total_count:
        out["total_count"] = len(ids)
    out["url"] = nested.url.replace("{id}", parent_id)
    return out


def render(
    state: AccountState,
    table_name: str,
    record: dict[str, Any],
    expand: Collection[str] = (),
) -> dict[str, Any]:
    """The object as Stripe serves it, with nested lists and the requested expansions."""
    table = state.table(table_name)
    obj = table.render(record)
    for nested in NESTED.get(table_name, ()):
        if nested.expand_only and nested.field not in expand:
            continue
        obj[nested.field] = embedded_list(state, nested, obj["id"])
    for path in expand:
        head, _, rest = path.partition(".")
        value = obj.get(head)
        if isinstance(value, str):
            found = find_object(state, value)
            if found is not None:
                obj[head] = render(state, found[0], found[1], (rest,) if rest else ())
        elif isinstance(value, list) and head == "discounts":
            # A list of discount ids (subscriptions, items, invoices): each becomes the object.
            obj[head] = [
                dict(state.discounts[v]) if isinstance(v, str) and v in state.discounts else v
                for v in value
            ]
    return obj


def find_object(state: AccountState, object_id: str) -> tuple[str, dict[str, Any]] | None:
    """``(table, record)`` of an id of any type in the account, or None."""
    try:
        table_name = by_id(object_id).name
    except UnknownObjectError:
        table_name = "coupon"
    table = state.tables.get(table_name)
    if table is None or object_id not in table.records:
        return None
    return table_name, table.records[object_id]


def list_envelope(data: list[dict[str, Any]], has_more: bool, url: str) -> dict[str, Any]:
    """Stripe's list object."""
    return {"object": "list", "data": data, "has_more": has_more, "url": url}
