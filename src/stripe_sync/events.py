"""Events as the engine takes them: checked, as plain dicts, and the types a webhook endpoint
subscribes to.

:func:`check_event` turns an event (a webhook body, an item of ``/v1/events`` or a
``stripe.Event``) into a dict and checks it is an event the write path can take; it raises
:class:`~stripe_sync.errors.MalformedPayloadError` otherwise. It does not route: the database
does, in the write path (``_route_change`` in ``sql/migrations/0041_one_router.sql``, the one
event router, which the edge functions and psql share), by the type of the object the event
carries (``data.object.object``, looked up in the registry copy ``_resources``), never by the
event type string, so every event whose object is mirrored is applied, including event types
newer than this code. The registry's ``event_types`` only say which events to subscribe a managed
webhook endpoint to (:data:`SUPPORTED_EVENT_TYPES`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Protocol, TypeGuard

from .changes import is_mapping
from .errors import MalformedPayloadError
from .resources import REGISTRY

__all__ = [
    "DISCOUNT_EVENT_TYPES",
    "SUPPORTED_EVENT_TYPES",
    "check_event",
    "event_to_dict",
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
