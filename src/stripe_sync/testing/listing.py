"""List endpoints: parameter validation and paging, as Stripe does them.

Every list endpoint takes ``limit`` (1-100, default 10), ``starting_after`` or
``ending_before`` and ``expand[]``; those whose registry row has ``created_filter`` also take
``created`` (an integer or ``created[gt|gte|lt|lte]``); some take equality filters
(:data:`FILTERS`). Anything else is rejected with Stripe's ``Received unknown parameter`` error,
so a client that sends ``created`` where Stripe would refuse it fails here too.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..resources import REGISTRY
from .errors import FakeStripeError, no_such, unknown_parameter
from .render import child_order, list_envelope, render
from .state import AccountState, Page, Table

__all__ = ["FILTERS", "ListQuery", "in_created", "list_children", "list_table", "parse_query"]

_BASE = frozenset({"limit", "starting_after", "ending_before", "expand"})
_CREATED_OPS = frozenset({"gt", "gte", "lt", "lte"})

#: Equality filters per table: query parameter -> object field.
FILTERS: dict[str, dict[str, str]] = {
    "product": {"active": "active", "shippable": "shippable", "type": "type", "url": "url"},
    "price": {
        "active": "active",
        "currency": "currency",
        "product": "product",
        "type": "type",
        "lookup_keys": "lookup_key",
    },
    "plan": {"active": "active", "product": "product"},
    "promotion_code": {"active": "active", "code": "code", "customer": "customer"},
    "tax_rate": {"active": "active", "inclusive": "inclusive"},
    "customer": {"email": "email", "test_clock": "test_clock"},
    "setup_intent": {"customer": "customer", "payment_method": "payment_method"},
    "payment_intent": {"customer": "customer"},
    "charge": {"customer": "customer", "payment_intent": "payment_intent"},
    "refund": {"charge": "charge", "payment_intent": "payment_intent"},
    "dispute": {"charge": "charge", "payment_intent": "payment_intent"},
    "early_fraud_warning": {"charge": "charge", "payment_intent": "payment_intent"},
    "invoice": {
        "customer": "customer",
        "subscription": "subscription",
        "status": "status",
        "collection_method": "collection_method",
    },
    "invoice_item": {"customer": "customer", "invoice": "invoice", "pending": "_pending"},
    "credit_note": {"customer": "customer", "invoice": "invoice"},
    "subscription": {
        "customer": "customer",
        "price": "_price",
        "collection_method": "collection_method",
        "status": "status",
    },
    "subscription_schedule": {"customer": "customer"},
    "checkout_session": {
        "customer": "customer",
        "payment_intent": "payment_intent",
        "subscription": "subscription",
        "status": "status",
    },
    "payout": {"status": "status", "destination": "destination"},
    "balance_transaction": {"type": "type", "source": "source", "currency": "currency"},
    "transfer": {"destination": "destination", "transfer_group": "transfer_group"},
    "quote": {"customer": "customer", "status": "status"},
    "feature": {"lookup_key": "lookup_key", "archived": "_archived"},
    "payment_method": {"type": "type"},
    "event": {"type": "type", "types": "type", "delivery_success": "_ignored"},
    "webhook_endpoint": {},
}

#: Tables whose ``created`` filter is accepted although they are not registry rows.
_CREATED_EXTRA = frozenset({"event"})


@dataclass(frozen=True, slots=True)
class ListQuery:
    """Validated list parameters."""

    limit: int
    starting_after: str | None
    ending_before: str | None
    created: dict[str, int] | None
    filters: dict[str, Any]
    expand: tuple[str, ...]


def _int(value: Any, param: str) -> int:
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    raise FakeStripeError(
        400, f"Invalid integer: {value}", code="parameter_invalid_integer", param=param
    )


def _created(value: Any) -> dict[str, int]:
    if isinstance(value, dict):
        out: dict[str, int] = {}
        for op, raw in value.items():
            if op not in _CREATED_OPS:
                raise unknown_parameter(f"created[{op}]")
            out[op] = _int(raw, f"created[{op}]")
        return out
    n = _int(value, "created")
    return {"gte": n, "lte": n}


def parse_query(
    table: str,
    params: Mapping[str, Any],
    *,
    created_allowed: bool,
    extra: frozenset[str] = frozenset(),
    filters: Mapping[str, str] | None = None,
) -> ListQuery:
    """Validate a list request's parameters like Stripe (400 on anything unknown)."""
    allowed_filters = filters_of(table) if filters is None else filters
    for name in params:
        if name in _BASE or name in allowed_filters or name in extra:
            continue
        if name == "created" and created_allowed:
            continue
        raise unknown_parameter(name)
    limit = 10
    if "limit" in params:
        limit = _int(params["limit"], "limit")
        if limit < 1:
            raise FakeStripeError(
                400,
                "This value must be greater than or equal to 1.",
                code="parameter_invalid_integer",
                param="limit",
            )
        if limit > 100:
            raise FakeStripeError(
                400,
                "This value must be less than or equal to 100.",
                code="parameter_invalid_integer",
                param="limit",
            )
    after = params.get("starting_after") or None
    before = params.get("ending_before") or None
    if after is not None and before is not None:
        raise FakeStripeError(
            400,
            "You may only specify one of these parameters: ending_before, starting_after.",
            param="starting_after",
        )
    expand = params.get("expand", [])
    if isinstance(expand, str):
        expand = [expand]
    return ListQuery(
        limit=limit,
        starting_after=after,
        ending_before=before,
        created=_created(params["created"]) if "created" in params else None,
        filters={k: v for k, v in params.items() if k in allowed_filters},
        expand=tuple(expand),
    )


def required_filters(table: str) -> dict[str, str]:
    """The filters the registry always sends when listing ``table`` (``status=all``): every
    list accepts its own; ``all`` selects every object."""
    resource = REGISTRY.get(table)
    return {k: k for k, _ in resource.list_params} if resource is not None else {}


def filters_of(table: str) -> dict[str, str]:
    """Equality filters a list accepts: :data:`FILTERS` and the registry's required ones."""
    return {**required_filters(table), **FILTERS.get(table, {})}


def created_allowed(table: str) -> bool:
    resource = REGISTRY.get(table)
    return table in _CREATED_EXTRA or (resource is not None and resource.created_filter)


def _wire(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return str(value.get("id", ""))
    return "" if value is None else str(value)


def _predicate(
    table_name: str, table: Table, query: ListQuery
) -> Callable[[dict[str, Any]], bool] | None:
    checks: list[Callable[[dict[str, Any]], bool]] = []
    filters = dict(query.filters)
    if table_name == "subscription":
        status = filters.pop("status", None)
        if status is None:
            checks.append(lambda r: table.field(r, "status") != "canceled")
        elif status == "ended":
            checks.append(lambda r: table.field(r, "status") in ("canceled", "incomplete_expired"))
        elif status != "all":
            checks.append(lambda r: table.field(r, "status") == status)
    if table_name == "event":
        patterns: list[str] = []
        for key in ("type", "types"):
            value = filters.pop(key, None)
            if value is not None:
                patterns.extend([value] if isinstance(value, str) else value)
        filters.pop("delivery_success", None)
        if patterns:
            checks.append(lambda r: any(fnmatch.fnmatchcase(r["type"], p) for p in patterns))
    fields = filters_of(table_name)
    required = required_filters(table_name)
    for param, value in filters.items():
        field_name = fields.get(param, param)
        if field_name.startswith("_"):
            continue  # accepted by Stripe, not modelled by the fake
        if param in required and value == "all":
            continue
        wanted = {value} if isinstance(value, str) else {str(v) for v in value}
        checks.append(_equals(table, field_name, wanted))
    if not checks:
        return None
    return lambda r: all(check(r) for check in checks)


def _equals(table: Table, field_name: str, wanted: set[str]) -> Callable[[dict[str, Any]], bool]:
    return lambda r: _wire(table.field(r, field_name)) in wanted


def _cursor_check(table: Table, query: ListQuery) -> None:
    for param, cursor in (
        ("starting_after", query.starting_after),
        ("ending_before", query.ending_before),
    ):
        if cursor is not None and cursor not in table.key_of:
            raise no_such(table.object_name, cursor, param)


def list_table(state: AccountState, table_name: str, query: ListQuery, url: str) -> dict[str, Any]:
    """A page of a top-level list endpoint."""
    table = state.table(table_name)
    _cursor_check(table, query)
    page = table.page(
        query.limit,
        created=query.created,
        starting_after=query.starting_after,
        ending_before=query.ending_before,
        predicate=_predicate(table_name, table, query),
    )
    return _envelope(state, table_name, table, page, query, url)


def list_children(
    state: AccountState, child: str, parent_id: str, query: ListQuery, url: str
) -> dict[str, Any]:
    """A page of a parent's children (invoice lines, a customer's payment methods ...)."""
    table = state.table(child)
    ids = child_order(state, child, parent_id)
    predicate = _predicate(child, table, query)
    if query.created or predicate is not None:
        lo_hi = query.created or {}
        ids = [
            i
            for i in ids
            if (predicate is None or predicate(table.records[i]))
            and in_created(int(table.field(table.records[i], "created")), lo_hi)
        ]
    cursor = query.starting_after or query.ending_before
    if cursor is not None and cursor not in ids:
        param = "starting_after" if query.starting_after else "ending_before"
        raise no_such(table.object_name, cursor, param)
    if query.ending_before is not None:
        end = ids.index(query.ending_before)
        start = max(0, end - query.limit)
        page = Page(ids[start:end], start > 0)
    else:
        start = ids.index(query.starting_after) + 1 if query.starting_after else 0
        page = Page(ids[start : start + query.limit], start + query.limit < len(ids))
    return _envelope(state, child, table, page, query, url)


def in_created(created: int, ops: Mapping[str, int]) -> bool:
    return all(
        (op == "gt" and created > v)
        or (op == "gte" and created >= v)
        or (op == "lt" and created < v)
        or (op == "lte" and created <= v)
        for op, v in ops.items()
    )


def _envelope(
    state: AccountState,
    table_name: str,
    table: Table,
    page: Page,
    query: ListQuery,
    url: str,
) -> dict[str, Any]:
    expand = tuple(e[5:] for e in query.expand if e.startswith("data."))
    data = [render(state, table_name, table.records[i], expand) for i in page.ids]
    return list_envelope(data, page.has_more, url)
