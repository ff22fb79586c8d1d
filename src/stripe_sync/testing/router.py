"""Which handler serves a method and path.

Write endpoints are declared by hand (``catalog``, ``billing``, ``endpoints``); read endpoints
(retrieve, list, search, per-parent lists, nested lists) are derived from the registry rows (and
:mod:`stripe_sync.search`), so a new registry object is served without touching the fake.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..resources import REGISTRY
from ..search import search_path
from . import billing, catalog, endpoints, payments, sigma
from .listing import created_allowed, list_children, list_table, parse_query
from .ops import Ctx, require, retrieve_object
from .routes import Handler, Route
from .searching import search_handler

__all__ = ["Match", "Router", "default_router", "endpoint_key", "permission_for"]


@dataclass(frozen=True, slots=True)
class Match:
    """A matched route: the route, the path's ``{placeholders}`` and whether it lists."""

    route: Route
    args: dict[str, str]
    is_list: bool


def _retrieve(table: str) -> Handler:
    def handler(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
        expand = params.get("expand", [])
        return retrieve_object(
            ctx.state, table, args["id"], [expand] if isinstance(expand, str) else expand
        )

    return handler


def _list(table: str) -> Handler:
    def handler(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
        query = parse_query(table, params, created_allowed=created_allowed(table))
        if table == "refund" and set(query.filters) == {"charge"}:
            # Served from the per-charge index rather than by scanning every refund.
            return list_children(ctx.state, "refund", query.filters["charge"], query, args["_path"])
        return list_table(ctx.state, table, query, args["_path"])

    return handler


def _children(child: str, parent_table: str, *, param: str | None = None) -> Handler:
    """List a parent's children; the parent comes from ``{id}``/``{parent}`` or ``param``."""

    def handler(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
        if param is not None:
            require(params, param)
            parent_id = params[param]
        else:
            parent_id = args.get("id") or args["parent"]
        ctx.record(parent_table, parent_id, param or "id")
        query = parse_query(
            child, params, created_allowed=False, extra=frozenset({param} if param else ())
        )
        url = args["_path"]
        return list_children(ctx.state, child, parent_id, query, url)

    return handler


def _read_routes() -> list[Route]:
    routes: list[Route] = [Route("GET", "/v1/events", _list("event"))]
    list_paths = {r.list_path for r in REGISTRY.values() if r.list_path}
    for resource in REGISTRY.values():
        if resource.retrieve_path:
            routes.append(Route("GET", resource.retrieve_path, _retrieve(resource.name)))
        if resource.list_path:
            routes.append(Route("GET", resource.list_path, _list(resource.name)))
        searched = search_path(resource)
        if searched is not None:
            routes.append(Route("GET", searched, search_handler(resource.name)))
        parent_list = resource.list_per_parent
        if parent_list is not None:
            param = next((k for k, v in parent_list.params if v == "{parent}"), None)
            routes.append(
                Route(
                    "GET",
                    parent_list.path,
                    _children(resource.name, parent_list.parent, param=param),
                )
            )
        for nested in resource.nested_lists:
            if nested.path in list_paths:
                continue  # a filter on a top-level list (``/v1/refunds?charge=``)
            param = next((k for k, v in nested.params if v == "{id}"), None)
            routes.append(
                Route("GET", nested.path, _children(nested.child, resource.name, param=param))
            )
    routes.append(Route("GET", "/v1/charges/{id}/refunds", _children("refund", "charge")))
    return routes


def _resource_paths() -> dict[str, str]:
    """Route path -> the registry row whose objects it serves."""
    out: dict[str, str] = {}
    for resource in REGISTRY.values():
        for path in (resource.retrieve_path, resource.list_path, search_path(resource)):
            if path:
                out.setdefault(path, resource.name)
        if resource.list_per_parent is not None:
            out.setdefault(resource.list_per_parent.path, resource.name)
        for nested in resource.nested_lists:
            out.setdefault(nested.path, nested.child)
    return out


_RESOURCE_PATHS = _resource_paths()


def endpoint_key(endpoint: str) -> str:
    """``"GET /v1/application_fees/{parent}/refunds"`` with its placeholders made anonymous
    (``{}``): two declarations of one endpoint name them differently."""
    return _PLACEHOLDER.sub("{}", endpoint)


def permission_for(method: str, route_path: str) -> str | None:
    """The restricted-key permission a request needs, named as Stripe names them
    (``rak_<resource>_read`` / ``_write``), for endpoints of registry resources."""
    name = _RESOURCE_PATHS.get(route_path)
    if name is None:
        return None
    return f"rak_{name}_{'read' if method == 'GET' else 'write'}"


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class Router:
    """Matches ``(method, path)`` against routes indexed by method and segment count."""

    def __init__(self, routes: list[Route]) -> None:
        self._table: dict[tuple[str, int], list[tuple[re.Pattern[str], Route, bool]]] = {}
        seen: set[tuple[str, str]] = set()
        for route in routes:
            if (route.method, route.path) in seen:
                continue  # the first declaration wins (hand-written before derived)
            seen.add((route.method, route.path))
            pattern = re.compile(
                "^" + _PLACEHOLDER.sub(lambda m: f"(?P<{m.group(1)}>[^/]+)", route.path) + "$"
            )
            is_list = (
                route.method == "GET"
                and not route.path.endswith("}")
                and (route.path != "/v1/account")
            )
            key = (route.method, route.path.count("/"))
            self._table.setdefault(key, []).append((pattern, route, is_list))
        for candidates in self._table.values():
            # Literal segments beat placeholders: /v1/customers/search before /v1/customers/{id}.
            candidates.sort(key=lambda c: c[1].path.count("{"))

    def match(self, method: str, path: str) -> Match | None:
        for pattern, route, is_list in self._table.get((method, path.count("/")), ()):
            m = pattern.match(path)
            if m is not None:
                return Match(route, m.groupdict(), is_list)
        return None


def default_router(extra: Sequence[Route] = ()) -> Router:
    """Every endpoint the fake serves, plus ``extra`` (handlers bound to one fake)."""
    return Router(
        [
            *extra,
            *catalog.ROUTES,
            *billing.ROUTES,
            *payments.ROUTES,
            *endpoints.ROUTES,
            *sigma.ROUTES,
            *_read_routes(),
        ]
    )
