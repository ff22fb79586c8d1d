"""The machinery shared by every write: request context, parameter application, CRUD helpers.

:class:`Ctx` carries the account being written and the request's id and idempotency key (both
end up in the event). :func:`apply_params` writes form parameters onto an object the way Stripe
interprets them: strings coerced to the type of the field, ``""`` unsets a field,
``metadata[key]=""`` deletes a key, and a parameter that the object does not have is rejected
(``Received unknown parameter``) unless the endpoint lists it as an extra.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from ..resources import REGISTRY
from .errors import FakeStripeError, missing_parameter, no_such, unknown_parameter
from .events import event_type, previous_attributes, record_event
from .render import render
from .state import AccountState, Store, deep_copy
from .templates import template_json

__all__ = [
    "Ctx",
    "apply_params",
    "create_object",
    "delete_object",
    "require",
    "retrieve_object",
    "update_object",
]

_FLOAT_FIELDS = frozenset(
    {"percent_off", "percentage", "effective_percentage", "application_fee_percent"}
)
# Fields that are null in a template but numeric once set.
_INT_SUFFIXES = (
    "amount",
    "_off",
    "_at",
    "quantity",
    "days",
    "months",
    "_count",
    "date",
    "redemptions",
    "_end",
    "_start",
    "anchor",
    "balance",
    "_due",
)
_CONTROL = frozenset({"expand"})


@dataclass
class Ctx:
    """One write request: the account, the request id and idempotency key, event switch."""

    store: Store
    state: AccountState
    request_id: str | None = None
    idempotency_key: str | None = None
    emit_events: bool = True

    def now(self) -> int:
        return self.store.now()

    def new_id(self, prefix: str) -> str:
        return self.store.ids.new(prefix)

    def record(self, table: str, obj_id: str, param: str = "id") -> dict[str, Any]:
        """The stored record of ``obj_id`` or a 404 naming ``param``."""
        tbl = self.state.tables.get(table)
        rec = tbl.records.get(obj_id) if tbl is not None else None
        if rec is None:
            raise no_such(_object_name(table), obj_id, param)
        return rec

    def render(
        self, table: str, record: dict[str, Any], expand: Collection[str] = ()
    ) -> dict[str, Any]:
        return render(self.state, table, record, expand)

    def emit(
        self,
        table: str,
        action: str,
        obj: dict[str, Any],
        previous: dict[str, Any] | None = None,
    ) -> None:
        """Record the registry's ``<object>.<action>`` event, if the registry has one."""
        type_ = event_type(table, action)
        if type_ is not None and self.emit_events:
            record_event(
                self.store,
                self.state,
                type_,
                obj,
                previous=previous,
                request_id=self.request_id,
                idempotency_key=self.idempotency_key,
            )


def _object_name(table: str) -> str:
    resource = REGISTRY.get(table)
    return resource.object if resource is not None else table


def require(params: Mapping[str, Any], *names: str) -> None:
    """400 ``Missing required param`` for the first absent name."""
    for name in names:
        if params.get(name) in (None, ""):
            raise missing_parameter(name)


def _bool(value: str, param: str) -> bool:
    if value in ("true", "false"):
        return value == "true"
    raise FakeStripeError(400, f"Invalid boolean: {value}", param=param)


def _number(value: str, param: str, as_float: bool) -> int | float:
    try:
        return float(value) if as_float else int(value)
    except ValueError:
        kind = "decimal" if as_float else "integer"
        raise FakeStripeError(400, f"Invalid {kind}: {value}", param=param) from None


def coerce(key: str, value: Any, like: Any, param: str) -> Any:
    """A form value as the JSON type Stripe stores for this field."""
    if value == "":
        return None
    if isinstance(value, dict):
        base = dict(like) if isinstance(like, dict) else {}
        if isinstance(like, dict) and like:
            apply_params(base, value, like, path=param)
        else:
            base.update(value)
        return base
    if isinstance(value, list):
        return value
    if isinstance(like, bool):
        return _bool(value, param)
    if key in _FLOAT_FIELDS:
        number = _number(value, param, as_float=True)
        return int(number) if key == "percentage" and float(number).is_integer() else number
    if isinstance(like, int) or (like is None and key.endswith(_INT_SUFFIXES)):
        return _number(value, param, as_float=False)
    if isinstance(like, float):
        return _number(value, param, as_float=True)
    return value


def apply_params(
    obj: dict[str, Any],
    params: Mapping[str, Any],
    like: Mapping[str, Any],
    *,
    skip: Collection[str] = (),
    allowed: Collection[str] | None = None,
    path: str = "",
) -> None:
    """Write form ``params`` onto ``obj``; ``like`` (the template) gives each field's type.

    ``allowed`` (top level only) limits the updatable fields, as Stripe does for prices and
    coupons; otherwise any field of the template is accepted.
    """
    for key, value in params.items():
        param = f"{path}[{key}]" if path else key
        if key in skip or key in _CONTROL:
            continue
        if key == "metadata" and not path:
            _apply_metadata(obj, value)
            continue
        if allowed is not None and key not in allowed:
            raise unknown_parameter(param)
        if allowed is None and key not in like:
            raise unknown_parameter(param)
        current = obj.get(key, like.get(key))
        obj[key] = coerce(key, value, current, param)


def _apply_metadata(obj: dict[str, Any], value: Any) -> None:
    if value == "":
        obj["metadata"] = {}
        return
    if not isinstance(value, dict):
        raise FakeStripeError(400, "Invalid object", param="metadata")
    metadata = dict(obj.get("metadata") or {})
    for k, v in value.items():
        if v == "":
            metadata.pop(k, None)
        else:
            metadata[k] = v
    obj["metadata"] = metadata


def new_object(ctx: Ctx, table: str, prefix: str, obj_id: str | None = None) -> dict[str, Any]:
    """A private copy of the table's template with a fresh id and ``created``."""
    obj: dict[str, Any] = json.loads(template_json(_object_name(table)))
    obj["id"] = obj_id or ctx.new_id(prefix)
    obj["created"] = ctx.now()
    if "livemode" in obj:
        obj["livemode"] = ctx.state.livemode
    return obj


def create_object(
    ctx: Ctx,
    table: str,
    params: Mapping[str, Any],
    *,
    skip: Collection[str] = (),
    fields: Mapping[str, Any] | None = None,
    obj_id: str | None = None,
    emit: bool = True,
) -> dict[str, Any]:
    """Create, store and announce an object of ``table`` from its template and ``params``."""
    resource = REGISTRY[table]
    prefix = resource.id_prefixes[0] if resource.id_prefixes else ""
    obj = new_object(ctx, table, prefix, obj_id)
    apply_params(obj, params, obj, skip={"id", *skip})
    if fields:
        obj.update(fields)
    ctx.state.table(table).insert(obj)
    rendered = ctx.render(table, obj)
    if emit:
        ctx.emit(table, "created", rendered)
    return rendered


def update_object(
    ctx: Ctx,
    table: str,
    obj_id: str,
    params: Mapping[str, Any],
    *,
    skip: Collection[str] = (),
    allowed: Collection[str] | None = None,
    fields: Mapping[str, Any] | None = None,
    action: str = "updated",
) -> dict[str, Any]:
    """Apply ``params`` to a stored object; emit ``<object>.updated`` with what changed."""
    tbl = ctx.state.table(table)
    record = ctx.record(table, obj_id)
    before = ctx.render(table, record)
    updated = deep_copy(tbl.render(record))
    apply_params(updated, params, tbl.template, skip=skip, allowed=allowed)
    if fields:
        updated.update(fields)
    tbl.records[obj_id] = updated
    after = ctx.render(table, updated)
    changed = previous_attributes(before, after)
    if changed:
        ctx.emit(table, action, after, changed)
    return after


def delete_object(
    ctx: Ctx, table: str, obj_id: str, *, keep_stub: bool = False, emit: bool = True
) -> dict[str, Any]:
    """Remove an object; answer Stripe's ``{"id", "object", "deleted": true}`` stub."""
    tbl = ctx.state.table(table)
    record = ctx.record(table, obj_id)
    last = ctx.render(table, record)
    stub = {"id": obj_id, "object": tbl.object_name, "deleted": True}
    tbl.remove(obj_id, dict(stub) if keep_stub else None)
    if emit:
        ctx.emit(table, "deleted", last)
    return stub


def retrieve_object(
    state: AccountState, table: str, obj_id: str, expand: Collection[str] = ()
) -> dict[str, Any]:
    """``GET /v1/<things>/{id}``: the object, a deleted stub Stripe keeps, or a 404."""
    tbl = state.tables.get(table)
    if tbl is not None:
        record = tbl.records.get(obj_id)
        if record is not None:
            return render(state, table, record, expand)
        if obj_id in tbl.deleted:
            return dict(tbl.deleted[obj_id])
    raise no_such(_object_name(table), obj_id)
