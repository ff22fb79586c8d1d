"""Search endpoints (``GET /v1/customers/search`` ...): a subset of Stripe's query language.

Served for the objects :data:`stripe_sync.search.QUERY_FIELDS` names, with the fields it lists
per object (any other field is refused, as Stripe refuses it). A query is clauses joined by
``AND`` or by ``OR`` (not both; a space means ``AND``); a clause is ``field:value`` (exact,
case-insensitive), ``field~value`` (substring, at least 3 characters), ``field>value``,
``>=``, ``<``, ``<=`` (numbers, e.g. ``created>=1700000000``), each negatable with a leading
``-``; values are quoted with ``'`` or ``"`` or bare; ``metadata['key']`` reads metadata.

Results come newest first, ``limit`` (1-100, default 10) at a time; ``next_page`` is an opaque
cursor for the ``page`` parameter. ``total_count`` is in the result only when expanded
(``expand[]=total_count``); Stripe promises it only up to 10,000, so the fake answers 10,000 for
anything larger and code that relied on more fails here too.
"""

from __future__ import annotations

import base64
import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..search import QUERY_FIELDS, TOTAL_COUNT_LIMIT
from .errors import FakeStripeError, missing_parameter, unknown_parameter
from .ops import Ctx
from .render import render
from .routes import Handler
from .state import AccountState, Table

__all__ = ["parse_search", "search_handler", "search_table"]

_PARAMS = frozenset({"query", "limit", "page", "expand"})
_CLAUSE = re.compile(
    r"""(?P<neg>-?)(?P<field>metadata\[(?:'[^']*'|"[^"]*")\]|[a-z_][a-z0-9_.]*)"""
    r"""(?P<op>>=|<=|:|~|>|<)(?P<value>'[^']*'|"[^"]*"|[^\s'"]+)"""
)
_JOIN = re.compile(r"\s+(?:(AND|OR)\s+)?", re.IGNORECASE)
_NUMERIC_OPS = {">": "gt", ">=": "gte", "<": "lt", "<=": "lte"}


@dataclass(frozen=True, slots=True)
class Clause:
    field: str
    op: str
    value: str
    negated: bool


@dataclass(frozen=True, slots=True)
class SearchQuery:
    clauses: tuple[Clause, ...]
    any_of: bool  # OR (True) or AND (False)


def _invalid(message: str) -> FakeStripeError:
    return FakeStripeError(400, message, code="parameter_invalid", param="query")


def parse_search(table: str, text: str) -> SearchQuery:
    """Parse ``text`` for ``table``'s search; 400 on syntax Stripe would refuse."""
    fields = QUERY_FIELDS[table]
    clauses: list[Clause] = []
    joins: set[str] = set()
    pos, text = 0, text.strip()
    if not text:
        raise _invalid("The search query must not be empty.")
    while True:
        m = _CLAUSE.match(text, pos)
        if m is None:
            raise _invalid(f"Invalid search query at character {pos}: {text[pos : pos + 20]!r}.")
        name = m["field"]
        base = "metadata" if name.startswith("metadata[") else name
        if base not in fields:
            raise _invalid(f"Field `{name}` is an unsupported search field for resource {table}s.")
        value = m["value"]
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        if m["op"] in _NUMERIC_OPS and not value.lstrip("-").isdigit():
            raise _invalid(f"The value of `{name}{m['op']}` must be a number.")
        if m["op"] == "~" and len(value) < 3:
            raise _invalid("Substring matches (~) need at least 3 characters.")
        clauses.append(Clause(name, m["op"], value, bool(m["neg"])))
        pos = m.end()
        if pos == len(text):
            break
        j = _JOIN.match(text, pos)
        if j is None:
            raise _invalid(f"Invalid search query at character {pos}: {text[pos : pos + 20]!r}.")
        joins.add((j.group(1) or "AND").upper())
        pos = j.end()
    if len(joins) > 1:
        raise _invalid("A search query cannot mix AND and OR.")
    return SearchQuery(tuple(clauses), joins == {"OR"})


def _value(table: Table, record: Mapping[str, Any], name: str) -> Any:
    if name.startswith("metadata["):
        metadata = table.field(record, "metadata") or {}
        return metadata.get(name[10:-2])
    value: Any = record
    for i, part in enumerate(name.split(".")):
        value = (table.field(value, part) if i == 0 else value.get(part)) if value else None
        if isinstance(value, dict) and "id" in value and i == 0 and "." not in name:
            value = value["id"]
    return value


def _matches(table: Table, record: Mapping[str, Any], clause: Clause) -> bool:
    value = _value(table, record, clause.field)
    if clause.op in _NUMERIC_OPS:
        found = isinstance(value, int) and not isinstance(value, bool)
        if found:
            wanted = int(clause.value)
            found = {
                ">": value > wanted,
                ">=": value >= wanted,
                "<": value < wanted,
                "<=": value <= wanted,
            }[clause.op]
    elif clause.op == "~":
        found = isinstance(value, str) and clause.value.lower() in value.lower()
    elif clause.value == "null":
        found = value is None
    else:
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        found = value is not None and text.lower() == clause.value.lower()
    return found != clause.negated


def search_table(
    state: AccountState, table_name: str, query: SearchQuery, limit: int, after: int | None
) -> tuple[list[str], bool, int]:
    """Ids of one page (newest first, below sort key ``after``), whether more match, and how
    many match in all."""
    table = state.table(table_name)
    created: dict[str, int] = {}
    rest = list(query.clauses)
    if not query.any_of:
        # ``created`` ranges narrow the sorted index instead of a scan.
        for clause in query.clauses:
            if clause.field == "created" and clause.op in _NUMERIC_OPS and not clause.negated:
                op, value = _NUMERIC_OPS[clause.op], int(clause.value)
                bound = created.get(op)
                tighter = max if op in ("gt", "gte") else min
                created[op] = value if bound is None else tighter(bound, value)
                rest.remove(clause)
    lo, hi = table.bounds(_single_bounds(created))
    top = hi if after is None else max(lo, bisect.bisect_left(table.keys, after, lo, hi))
    if not rest:
        begin = max(lo, top - limit)
        return table.ids[begin:top][::-1], begin > lo, hi - lo
    combine = any if query.any_of else all
    records, ids = table.records, table.ids
    matching = [
        i
        for i in range(hi - 1, lo - 1, -1)
        if combine(_matches(table, records[ids[i]], c) for c in rest)
    ]
    below = [i for i in matching if i < top]
    return [ids[i] for i in below[:limit]], len(below) > limit, len(matching)


def _single_bounds(created: Mapping[str, int]) -> dict[str, int]:
    """``created`` operators with one lower and one upper bound (``bounds`` takes each once)."""
    out: dict[str, int] = {}
    lower = [v + (op == "gt") for op, v in created.items() if op in ("gt", "gte")]
    upper = [v + (op == "lte") for op, v in created.items() if op in ("lt", "lte")]
    if lower:
        out["gte"] = max(lower)
    if upper:
        out["lt"] = min(upper)
    return out


def _page_token(key: int) -> str:
    return base64.urlsafe_b64encode(f"fake-search:{key}".encode()).decode().rstrip("=")


def _page_key(token: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        prefix, _, key = raw.partition(":")
        if prefix == "fake-search" and key.isdigit():
            return int(key)
    except (ValueError, UnicodeDecodeError):
        pass
    raise FakeStripeError(400, "Invalid page: not a next_page value.", param="page")


def search_handler(table_name: str) -> Handler:
    """The handler of ``GET <list path>/search`` for ``table_name``."""

    def handler(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
        for name in params:
            if name not in _PARAMS:
                raise unknown_parameter(name)
        if not isinstance(params.get("query"), str):
            raise missing_parameter("query")
        query = parse_search(table_name, params["query"])
        limit = _limit(params.get("limit", "10"))
        after = _page_key(params["page"]) if params.get("page") else None
        expand = params.get("expand", [])
        expand = [expand] if isinstance(expand, str) else list(expand)
        for path in expand:
            if path != "total_count" and not path.startswith("data."):
                raise FakeStripeError(
                    400, f"This property cannot be expanded ({path}).", param="expand"
                )
        ids, has_more, total = search_table(ctx.state, table_name, query, limit, after)
        table = ctx.state.table(table_name)
        nested = tuple(e[5:] for e in expand if e.startswith("data."))
        data = [render(ctx.state, table_name, table.records[i], nested) for i in ids]
        body: dict[str, Any] = {
            "object": "search_result",
            "data": data,
            "has_more": has_more,
            "next_page": _page_token(table.key_of[ids[-1]]) if has_more and ids else None,
            "url": args["_path"],
        }
        if "total_count" in expand:
            body["total_count"] = min(total, TOTAL_COUNT_LIMIT)
        return body

    return handler


def _limit(raw: Any) -> int:
    if not (isinstance(raw, str) and raw.isdigit()) or not 1 <= int(raw) <= 100:
        raise FakeStripeError(
            400,
            "Limit can range between 1 and 100.",
            code="parameter_invalid_integer",
            param="limit",
        )
    return int(raw)
