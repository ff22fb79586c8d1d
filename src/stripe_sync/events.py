"""Routing a Stripe event to a write instruction.

:func:`route_event` looks at one event (a webhook body, an item of ``/v1/events`` or a
``stripe.Event``) and says what the write path should do with it: upsert ``data.object``, delete
(tombstone) it, replace a parent's set of child rows, or skip it and why. It is pure: no I/O, no
database, no Stripe calls.

Events are routed by the type of the object they carry (``data.object.object``, looked up in the
:mod:`resources` registry), never by the event type string, so every event whose object is mirrored
is applied, including event types newer than this code. The registry's ``event_types`` only say
which events to subscribe a managed webhook endpoint to (:data:`SUPPORTED_EVENT_TYPES`).

Deletes follow the registry's :class:`~stripe_sync.resources.Delete` semantics:

- ``TOMBSTONE``: a ``*.deleted`` event or a ``"deleted": true`` payload becomes
  :attr:`Action.DELETE`.
- ``FINAL_STATE``: the payload is the object's last state (``customer.subscription.deleted``
  carries the canceled subscription) and becomes :attr:`Action.UPSERT`.
- ``NEVER``: Stripe does not delete the object; anything is an upsert.

Whatever the semantics, a ``"deleted": true`` stub (``{id, object, deleted}``) is a delete:
upserting a stub would wipe the row's state, while the tombstone keeps it.

An event object listed in a child resource's ``event_objects`` (not its own ``object``) is a
summary of every row of that resource belonging to one parent
(``entitlements.active_entitlement_summary`` lists a customer's active entitlements): it becomes
:attr:`Action.REPLACE_CHILDREN` with the parent's id taken from the summary's field named by
``Resource.parent``. Another ``object`` value of a top-level resource is that resource's own
object under another name (an external account that is a ``card``). Event types the registry
names as skips (``UNROUTED_EVENTS``) are skipped whatever they carry.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Protocol, TypeGuard

from .changes import id_of, is_mapping
from .errors import MalformedPayloadError
from .resources import REGISTRY, UNROUTED_EVENTS, Delete, Resource, by_object

__all__ = [
    "DISCOUNT_EVENT_TYPES",
    "SUPPORTED_EVENT_TYPES",
    "Action",
    "Route",
    "check_event",
    "event_to_dict",
    "route_event",
    "validate_event",
]

#: Events that feed no registry row but whose objects the write path keeps: the discounts of
#: ``customer.discount.*`` fill ``_discounts``, which the billing metrics read.
DISCOUNT_EVENT_TYPES: Final[tuple[str, ...]] = (
    "customer.discount.created",
    "customer.discount.deleted",
    "customer.discount.updated",
)

#: What a managed endpoint enables, sorted: every event type some registry row is fed by, and
#: :data:`DISCOUNT_EVENT_TYPES`. SQL's ``_webhook_event_types_v1()`` (the edge functions' list)
#: returns the same.
SUPPORTED_EVENT_TYPES: Final[tuple[str, ...]] = tuple(
    sorted({t for r in REGISTRY.values() for t in r.event_types} | set(DISCOUNT_EVENT_TYPES))
)


class _SupportsToDict(Protocol):
    """A Stripe SDK object (``stripe.Event``, any ``StripeObject``)."""

    def to_dict(self) -> dict[str, Any]: ...


class Action(enum.Enum):
    """What the write path does with a routed event."""

    #: Insert or update ``Route.object`` as a row of ``Route.resource`` (stale-write guarded).
    UPSERT = "upsert"
    #: Tombstone the row ``Route.object["id"]`` of ``Route.resource``.
    DELETE = "delete"
    #: ``Route.object`` lists every row of ``Route.resource`` belonging to ``Route.parent_id``:
    #: upsert those and tombstone the parent's other rows.
    REPLACE_CHILDREN = "replace_children"
    #: Nothing to write; ``Route.reason`` says why.
    SKIP = "skip"


@dataclass(frozen=True, slots=True)
class Route:
    """The write instruction for one event."""

    event_id: str
    event_type: str
    #: ``event.created``, Unix seconds: the version of the object this event carries.
    event_created: int
    #: ``event.account`` for Connect events; None means the API key's own account.
    account_id: str | None
    livemode: bool | None
    action: Action
    #: None when the object type is not mirrored.
    resource: Resource | None
    #: ``data.object`` (None only if the event had none, which is rejected as malformed).
    object: Mapping[str, Any] | None
    #: The parent's id for child rows and for :attr:`Action.REPLACE_CHILDREN`.
    parent_id: str | None
    #: Why the event is skipped, for logs; None unless ``action`` is :attr:`Action.SKIP`.
    reason: str | None


def event_to_dict(event: object) -> dict[str, Any]:
    """A plain ``dict`` for an event given as a mapping or a Stripe SDK object (``stripe.Event``).

    SDK objects are converted with their ``to_dict()`` (recursively, with values that JSON cannot
    hold, such as ``Decimal``, turned back into the strings Stripe sent) so that nothing
    downstream sees SDK classes. Raises :class:`MalformedPayloadError` for anything else.
    """
    if type(event) is dict:  # a parsed webhook body: the common case, checked first
        return dict(event)
    to_dict = getattr(event, "to_dict", None)
    if callable(to_dict):
        try:
            converted = to_dict(for_json=True)
        except TypeError:  # an SDK without the for_json option
            converted = to_dict()
        if not isinstance(converted, dict):
            raise MalformedPayloadError(
                f"{type(event).__name__}.to_dict() did not return a dict; cannot read the event"
            )
        return converted
    if isinstance(event, Mapping):
        return dict(event)
    raise MalformedPayloadError(
        f"an event must be a mapping or a Stripe SDK object, not {type(event).__name__}"
    )


def validate_event(event: Mapping[str, Any], *, require_object: bool = True) -> None:
    """Raise :class:`MalformedPayloadError` unless ``event`` has the shape of a Stripe event.

    Checks ``object == "event"`` (when ``require_object``; otherwise only if present), a non-empty
    string ``id`` and ``type``, and a ``data.object`` mapping. Messages name the problem, never
    the payload.
    """
    kind = event.get("object")
    if (require_object or kind is not None) and kind != "event":
        raise MalformedPayloadError(
            f'not a Stripe event: "object" is {_describe(kind)}, expected "event"'
        )
    for key in ("id", "type"):
        value = event.get(key)
        if not _is_name(value):
            raise MalformedPayloadError(
                f'malformed event: "{key}" is {_describe(value)}, expected a non-empty string'
            )
    data = event.get("data")
    if not is_mapping(data):
        raise MalformedPayloadError(
            f'malformed event: "data" is {_describe(data)}, expected an object'
        )
    if not is_mapping(data.get("object")):
        raise MalformedPayloadError(
            f'malformed event: "data.object" is {_describe(data.get("object"))}, expected an object'
        )


def check_event(event: Mapping[str, Any] | _SupportsToDict) -> dict[str, Any]:
    """``event`` (a dict or a ``stripe.Event``) as a dict, checked to be an event the write path
    can take: :func:`validate_event`'s checks (``object`` only if present), ``created`` in Unix
    seconds, ``account`` an account id or absent, and ``data.object.object`` a type name.

    Raises :class:`MalformedPayloadError` otherwise; messages name the problem, never the
    payload.
    """
    ev = event_to_dict(event)
    validate_event(ev, require_object=False)
    created = ev.get("created")
    if not isinstance(created, int) or isinstance(created, bool):
        raise MalformedPayloadError(
            f'malformed event: "created" is {_describe(created)}, expected Unix seconds'
        )
    if not 0 <= created < _YEAR_10000:
        raise MalformedPayloadError(
            'malformed event: "created" is out of range, expected Unix seconds before 10000-01-01'
        )
    account = ev.get("account")
    if account is not None and not _is_name(account):
        # A Connect event names its account by id; anything else would write the event's
        # object under the platform account.
        raise MalformedPayloadError(
            f'malformed event: "account" is {_describe(account)}, expected an account id'
        )
    object_type = ev["data"]["object"].get("object")
    if not _is_name(object_type):
        raise MalformedPayloadError(
            f'malformed event: "data.object.object" is {_describe(object_type)}, '
            "expected the object's type"
        )
    return ev


def route_event(event: Mapping[str, Any] | _SupportsToDict) -> Route:
    """The write instruction for ``event`` (a dict or a ``stripe.Event``).

    Raises :class:`MalformedPayloadError` when the event lacks ``id``, ``type``, ``created`` or
    ``data.object``, when ``data.object`` has no ``object`` type, or when a summary lacks its
    parent id or item list. Unsupported object types and objects without an id are not errors:
    they route to :attr:`Action.SKIP` with a reason.
    """
    ev = check_event(event)
    created: int = ev["created"]
    account = ev.get("account")
    livemode = ev.get("livemode")
    obj: Mapping[str, Any] = ev["data"]["object"]
    object_type = obj["object"]

    def route(
        action: Action,
        resource: Resource | None,
        *,
        parent_id: str | None = None,
        reason: str | None = None,
    ) -> Route:
        return Route(
            event_id=ev["id"],
            event_type=ev["type"],
            event_created=created,
            account_id=account,
            livemode=livemode if isinstance(livemode, bool) else None,
            action=action,
            resource=resource,
            object=obj,
            parent_id=parent_id,
            reason=reason,
        )

    if ev["type"] in UNROUTED_EVENTS:
        return route(
            Action.SKIP,
            None,
            reason=f"event type {ev['type']!r} is a named skip of the registry (unrouted_events)",
        )
    resource = by_object(object_type)
    if resource is None:
        return route(
            Action.SKIP,
            None,
            reason=f"object type {object_type!r} is not mirrored by stripe-sync",
        )

    if object_type != resource.object and resource.is_child:
        # A summary of the parent's full set of rows (see the module docstring).
        return route(
            Action.REPLACE_CHILDREN, resource, parent_id=_summary_parent(resource, obj, object_type)
        )

    object_id = obj.get("id")
    if not isinstance(object_id, str) or not object_id:
        return route(
            Action.SKIP,
            resource,
            reason=(
                f"the {object_type} in {ev['type']} has no id (a preview such as an upcoming "
                "invoice, not a stored object)"
            ),
        )

    parent_id = id_of(obj.get(resource.parent)) if resource.parent else None
    stub = obj.get("deleted") is True
    deleted = stub or ev["type"].endswith(".deleted")
    # A stub carries no state: whatever the semantics, upserting it would wipe the row, so it
    # becomes a tombstone that keeps the last known state.
    if stub or (deleted and resource.delete is Delete.TOMBSTONE):
        return route(Action.DELETE, resource, parent_id=parent_id)
    return route(Action.UPSERT, resource, parent_id=parent_id)


def _summary_parent(resource: Resource, summary: Mapping[str, Any], object_type: str) -> str:
    """The parent id a summary object describes; checks that it carries a list of items."""
    parent_field = resource.parent
    parent_id = id_of(summary.get(parent_field)) if parent_field else None
    if parent_id is None:
        raise MalformedPayloadError(
            f"malformed event: the {object_type} has no {parent_field or 'parent'} id"
        )
    lists = [v for v in summary.values() if isinstance(v, Mapping) and v.get("object") == "list"]
    if len(lists) != 1 or not isinstance(lists[0].get("data"), list):
        raise MalformedPayloadError(
            f"malformed event: the {object_type} does not hold one list of {resource.object}"
        )
    return parent_id


#: Unix seconds of 10000-01-01: a later ``created`` is no date (and overflows ``datetime``).
_YEAR_10000: Final = 253_402_300_800


def _is_name(value: object) -> TypeGuard[str]:
    """An id, type or account: a non-empty string that PostgreSQL's text can hold (no NUL)."""
    return isinstance(value, str) and bool(value) and "\x00" not in value


def _describe(value: object) -> str:
    """A safe description of a bad value for an error message: its type, never its content."""
    if value is None:
        return "missing"
    if isinstance(value, str):
        if "\x00" in value:
            return f"a {len(value)}-character string holding a NUL character"
        return "an empty string" if not value else f"a {len(value)}-character string"
    return f"a {type(value).__name__}"
