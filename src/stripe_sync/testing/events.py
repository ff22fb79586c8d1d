"""Events: every mutation the fake performs is recorded as a Stripe ``event``.

Event type names come from the registry's ``event_types`` (``customer.subscription.updated``,
``invoiceitem.created`` ...). The event is stored in the account's ``event`` table (served by
``/v1/events``) and handed to the store's listeners (the webhook dispatcher), which answer how
many endpoints will receive it (``pending_webhooks``).
"""

from __future__ import annotations

from typing import Any

from ..resources import REGISTRY
from .state import AccountState, Store, deep_copy

__all__ = ["DEFAULT_API_VERSION", "event_type", "previous_attributes", "record_event"]

#: The API version of the spec the fake follows; events are rendered with it.
DEFAULT_API_VERSION = "2023-08-16"


def event_type(table: str, action: str) -> str | None:
    """The registry's event type for ``action`` on ``table`` (first match), or None."""
    resource = REGISTRY.get(table)
    if resource is None:
        return None
    suffix = "." + action
    for name in resource.event_types:
        if name.endswith(suffix):
            return name
    return None


def previous_attributes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Stripe's ``previous_attributes``: the old values of what changed (nested for dicts)."""
    out: dict[str, Any] = {}
    for key in old.keys() | new.keys():
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if isinstance(before, dict) and isinstance(after, dict) and before.get("object") != "list":
            out[key] = previous_attributes(before, after)
        else:
            out[key] = before
    return out


def record_event(
    store: Store,
    state: AccountState,
    type_: str,
    obj: dict[str, Any],
    *,
    previous: dict[str, Any] | None = None,
    request_id: str | None = None,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    """Store an event about ``obj`` (copied) and notify the listeners."""
    data: dict[str, Any] = {"object": deep_copy(obj)}
    if "livemode" in data["object"]:
        data["object"]["livemode"] = state.livemode
    if previous:
        data["previous_attributes"] = deep_copy(previous)
    event: dict[str, Any] = {
        "id": store.ids.new("evt_"),
        "object": "event",
    }
    if state.id != store.platform_id:
        event["account"] = state.id
    event.update(
        {
            "api_version": store.api_version,
            "created": store.now(),
            "data": data,
            "livemode": store.livemode,
            "pending_webhooks": 0,
            "request": {"id": request_id, "idempotency_key": idempotency_key},
            "type": type_,
        }
    )
    with store.lock:
        state.table("event").insert(event)
        event["pending_webhooks"] = sum(listener(event) for listener in store.listeners)
    return event
