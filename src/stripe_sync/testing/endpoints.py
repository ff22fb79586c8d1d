"""``/v1/webhook_endpoints``, ``/v1/events`` and ``/v1/account``.

Webhook endpoints live on the platform account. Their signing secret is stored in the record
as ``_secret`` (fields starting with ``_`` are never served) and returned as ``secret`` only by
the create call, as Stripe does.
"""

from __future__ import annotations

from typing import Any

from .errors import FakeStripeError, missing_parameter, no_such
from .listing import in_created, list_table, parse_query
from .ops import Ctx, apply_params, require
from .routes import Route
from .state import deep_copy
from .templates import fixture

__all__ = ["ROUTES", "public_endpoint"]


def public_endpoint(record: dict[str, Any]) -> dict[str, Any]:
    """A webhook endpoint as served (private fields removed)."""
    return {k: v for k, v in record.items() if not k.startswith("_")}


def _endpoint(ctx: Ctx, endpoint_id: str) -> dict[str, Any]:
    record = ctx.store.platform.table("webhook_endpoint").records.get(endpoint_id)
    if record is None:
        raise no_such("webhook_endpoint", endpoint_id)
    return record


def _events_list(value: Any) -> list[str]:
    if not value:
        raise missing_parameter("enabled_events")
    return [value] if isinstance(value, str) else list(value)


def create_endpoint(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    require(params, "url")
    enabled = _events_list(params.get("enabled_events"))
    record: dict[str, Any] = {
        "id": ctx.new_id("we_"),
        "object": "webhook_endpoint",
        "api_version": params.get("api_version") or None,
        "application": None,
        "created": ctx.now(),
        "description": params.get("description") or None,
        "enabled_events": enabled,
        "livemode": ctx.store.livemode,
        "metadata": {},
        "status": "enabled",
        "url": params["url"],
        "_secret": "whsec_" + ctx.store.ids.token(32),
        "_connect": params.get("connect") == "true",
    }
    apply_params(record, {"metadata": params.get("metadata") or {}}, record)
    ctx.store.platform.table("webhook_endpoint").insert(record)
    return {**public_endpoint(record), "secret": record["_secret"]}


def update_endpoint(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    record = _endpoint(ctx, args["id"])
    for name in params:
        if name not in {"url", "enabled_events", "description", "metadata", "disabled", "expand"}:
            raise FakeStripeError(
                400, f"Received unknown parameter: {name}", code="parameter_unknown", param=name
            )
    if "url" in params:
        record["url"] = params["url"]
    if "enabled_events" in params:
        record["enabled_events"] = _events_list(params["enabled_events"])
    if "description" in params:
        record["description"] = params["description"] or None
    if "disabled" in params:
        record["status"] = "disabled" if params["disabled"] == "true" else "enabled"
    if "metadata" in params:
        apply_params(record, {"metadata": params["metadata"]}, record)
    return public_endpoint(record)


def retrieve_endpoint(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    return public_endpoint(_endpoint(ctx, args["id"]))


def delete_endpoint(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    _endpoint(ctx, args["id"])
    ctx.store.platform.table("webhook_endpoint").remove(args["id"])
    return {"id": args["id"], "object": "webhook_endpoint", "deleted": True}


def list_endpoints(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    query = parse_query("webhook_endpoint", params, created_allowed=False)
    page = list_table(ctx.store.platform, "webhook_endpoint", query, "/v1/webhook_endpoints")
    page["data"] = [public_endpoint(e) for e in page["data"]]
    return page


def retrieve_event(ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
    record = ctx.state.table("event").records.get(args["id"])
    if record is None:
        raise no_such("event", args["id"])
    return record


def _account(ctx: Ctx, account_id: str) -> dict[str, Any]:
    state = ctx.store.account(account_id)
    if state is None:
        raise no_such("account", account_id)
    account = fixture("account")
    account.update(
        {
            "id": state.id,
            "created": state.created,
            "email": f"owner+{state.id.lower()}@example.com",
            "metadata": {},
        }
    )
    if state.id != ctx.store.platform_id:
        account["type"] = "custom" if "type" in account else None
    return deep_copy(account)  # type: ignore[no-any-return]


def retrieve_account(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    return _account(ctx, ctx.state.id)


def retrieve_connected_account(
    ctx: Ctx, params: dict[str, Any], args: dict[str, str]
) -> dict[str, Any]:
    if args["id"] == ctx.store.platform_id:
        raise no_such("account", args["id"])
    return _account(ctx, args["id"])


def list_connected_accounts(ctx: Ctx, params: dict[str, Any], _: dict[str, str]) -> dict[str, Any]:
    """The platform's connected accounts, newest first, paged with ``starting_after``."""
    limit = int(params.get("limit") or 10)
    if not 1 <= limit <= 100:
        raise FakeStripeError(400, "Invalid limit: must be between 1 and 100", param="limit")
    created = parse_query(
        "account", params, created_allowed=True, extra=frozenset(params) - {"created"}
    ).created
    with ctx.store.lock:
        connected = sorted(
            (
                a
                for a in ctx.store.accounts.values()
                if a.id != ctx.store.platform_id and in_created(a.created, created or {})
            ),
            key=lambda a: (-a.created, a.id),
        )
    ids = [a.id for a in connected]
    start = 0
    after = params.get("starting_after")
    if after:
        if after not in ids:
            raise no_such("account", str(after), param="starting_after")
        start = ids.index(after) + 1
    page = ids[start : start + limit]
    return {
        "object": "list",
        "url": "/v1/accounts",
        "has_more": start + limit < len(ids),
        "data": [_account(ctx, i) for i in page],
    }


ROUTES: tuple[Route, ...] = (
    Route("POST", "/v1/webhook_endpoints", create_endpoint),
    Route("GET", "/v1/webhook_endpoints", list_endpoints),
    Route("GET", "/v1/webhook_endpoints/{id}", retrieve_endpoint),
    Route("POST", "/v1/webhook_endpoints/{id}", update_endpoint),
    Route("DELETE", "/v1/webhook_endpoints/{id}", delete_endpoint),
    Route("GET", "/v1/events/{id}", retrieve_event),
    Route("GET", "/v1/account", retrieve_account),
    Route("GET", "/v1/accounts", list_connected_accounts),
    Route("GET", "/v1/accounts/{id}", retrieve_connected_account),
)
