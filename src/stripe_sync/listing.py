"""What a backfill lists: the objects named (``"all"``, names, tables, groups), the
``created`` range asked for, the query of one list page (the backfill's, and the verifier's
re-listing) and the page it answers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import msgspec

from . import jsoncodec
from .changes import ChildList
from .errors import ConfigError, UnknownObjectError
from .resources import GROUPS, REGISTRY, Resource, get

__all__ = [
    "PAGE_SIZE",
    "STRIPE_EPOCH",
    "ListedPage",
    "ParentedList",
    "children_by_field",
    "created_filter",
    "list_params",
    "listable_objects",
    "parse_created",
    "resolve_objects",
]

#: Stripe's largest page.
PAGE_SIZE = 100
STRIPE_EPOCH = datetime(2010, 1, 1, tzinfo=UTC)


def parse_created(
    created: Mapping[str, int | float | str | datetime] | None,
) -> tuple[datetime | None, datetime | None]:
    """A ``created`` filter (``gte``/``gt``/``lte``/``lt``: Unix seconds, datetimes or ISO
    dates) as an inclusive ``(gte, lte)`` range of whole seconds."""
    if not created:
        return None, None
    unknown = set(created) - {"gte", "gt", "lte", "lt"}
    if unknown:
        raise ConfigError(f"created takes gte, gt, lte and lt, not {sorted(unknown)}")
    bounds = {k: _seconds(k, v) for k, v in created.items()}
    gte = max(
        (b for b in (bounds.get("gte"), _plus(bounds.get("gt"), 1)) if b is not None), default=None
    )
    lte = min(
        (b for b in (bounds.get("lte"), _plus(bounds.get("lt"), -1)) if b is not None), default=None
    )
    if gte is not None and lte is not None and gte > lte:
        raise ConfigError("created: the range is empty (gte is after lte)")
    return (
        datetime.fromtimestamp(gte, UTC) if gte is not None else None,
        datetime.fromtimestamp(lte, UTC) if lte is not None else None,
    )


def _seconds(name: str, value: int | float | str | datetime) -> int:
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return int(moment.timestamp())
    if isinstance(value, int | float):
        return int(value)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"created[{name}] must be Unix seconds, a datetime or an ISO date, got {value!r}"
        ) from None
    return _seconds(name, parsed)


def _plus(value: int | None, delta: int) -> int | None:
    return None if value is None else value + delta


def list_params(
    resource: Resource,
    created_gte: datetime | None,
    created_lt: datetime | None,
    cursor: str | None,
) -> dict[str, Any]:
    """The query of one list page of ``resource`` in the window ``[created_gte, created_lt)``
    after ``cursor`` (the backfill's, and the verifier's re-listing)."""
    params: dict[str, Any] = {**dict(resource.list_params), "limit": PAGE_SIZE}
    created: dict[str, int] = {}
    if created_gte is not None:
        created["gte"] = int(created_gte.timestamp())
    if created_lt is not None:
        created["lt"] = int(created_lt.timestamp())
    if created:
        params["created"] = created
    if cursor:
        params["starting_after"] = cursor
    return params


def listable_objects() -> list[str]:
    """Every registry object a backfill can list (``all``), in registry order."""
    return [r.name for r in REGISTRY.values() if r.listable]


def resolve_objects(objects: str | Sequence[str]) -> list[Resource]:
    """``"all"``, one name or several, as registry rows; unknown or unlistable names raise.

    A name is a registry name (``customer``), a table name (``checkout_sessions``) or a group
    (``customer_with_entitlements``: customers, then their active entitlements).
    """
    names = [objects] if isinstance(objects, str) else list(objects)
    if not names:
        raise UnknownObjectError("no objects to backfill: name some, or 'all'")
    if "all" in names:
        names = listable_objects()
    names = [member for name in names for member in GROUPS.get(name, (name,))]
    resources: dict[str, Resource] = {}
    for name in names:
        resource = get(name)
        if not resource.listable:
            parent = f" (they come with their {resource.parent})" if resource.parent else ""
            raise UnknownObjectError(f"{name} objects cannot be listed{parent}")
        resources[resource.name] = resource
    return list(resources.values())


def created_filter(resource: Resource) -> bool:
    """The listing that windows page (the parent's, for per-parent objects) filters by created."""
    if resource.list_per_parent is not None:
        return get(resource.list_per_parent.parent).created_filter
    return resource.created_filter


@dataclass(frozen=True, slots=True)
class ListedPage:
    """A listed page and the cursor it leaves its window at."""

    #: The objects, parsed (empty when ``raw`` holds them).
    data: list[dict[str, Any]]
    #: How many objects the page holds.
    size: int
    has_more: bool
    cursor: str | None
    cursor_created: datetime | None
    #: The objects as the JSON array Stripe sent, for a page Python does not look into.
    raw: bytes | None = None

    def parsed(self) -> ListedPage:
        """The page with its objects parsed (``raw`` kept: it is what gets written)."""
        if self.raw is None:
            return self
        data = jsoncodec.loads(self.raw)
        return replace(self, data=[o for o in data if isinstance(o, dict)])


@dataclass(frozen=True, slots=True)
class ParentedList:
    """An embedded child list with its parent's id, as ``_backfill_page_v1`` takes it."""

    children: ChildList
    parent_id: str
    #: The parent's position in the raw page: its list is sent by field (0035), its items
    #: read from that parent where the page is written instead of being sent twice.
    parent_index: int | None = None

    def as_json(self) -> dict[str, Any]:
        if self.parent_index is None or self.children.field is None:
            return {**self.children.as_json(), "parent_id": self.parent_id}
        return {
            **self.children.as_json(embedded=True),
            "parent_id": self.parent_id,
            "parent_index": self.parent_index,
            # null, not absent: a database without 0035 refuses the list rather than reading
            # it as empty (and tombstoning every child row of a complete list).
            "objects": None,
        }


class _EmbeddedList(msgspec.Struct):
    """What :func:`children_by_field` reads of a nested list: its items stay JSON. A field of
    another shape fails the decode, and the page is parsed instead."""

    object: str | None = None
    has_more: bool | None = False
    data: list[msgspec.Raw] | None = None


_DECODERS: dict[str, msgspec.json.Decoder[list[Any]]] = {}


def _decoder(resource: Resource) -> msgspec.json.Decoder[list[Any]]:
    found = _DECODERS.get(resource.name)
    if found is None:
        fields: list[tuple[str, Any, Any]] = [("id", Any, None)]
        fields += [(n.field, _EmbeddedList | None, None) for n in resource.nested_lists]
        heads = msgspec.defstruct(f"_{resource.name}_lists", fields)
        found = _DECODERS[resource.name] = msgspec.json.Decoder(list[heads])  # type: ignore[valid-type]
    return found


def children_by_field(
    resource: Resource, raw: bytes | None, *, auto_expand_lists: bool
) -> list[ParentedList] | None:
    """The nested lists of a raw page's objects as child lists "by field" (their items are read
    from the parents' payloads where the page is written), without parsing the objects.

    None when the page must be parsed instead: a list Stripe truncated (``has_more``) or left
    out (``expand``) that ``auto_expand_lists`` pages through, a list holding something other
    than objects, an object without a string id, or a payload not shaped as expected. Mirrors
    :func:`stripe_sync.changes.embedded_lists` and :meth:`Ingestor.child_lists`.
    """
    if raw is None:
        return None
    if not resource.nested_lists:
        return []
    try:
        heads = _decoder(resource).decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    found: list[ParentedList] = []
    for position, head in enumerate(heads):
        if not isinstance(head.id, str):
            return None
        for nested in resource.nested_lists:
            listed: _EmbeddedList | None = getattr(head, nested.field)
            child = get(nested.child)
            is_list = listed is not None and listed.object == "list"
            items = listed.data if listed is not None and is_list else None
            # As embedded_lists: a list that says it has more, whatever its data.
            has_more = bool(is_list and listed is not None and listed.has_more)
            must_list = has_more or (items is None and nested.expand and child.is_child)
            if auto_expand_lists and must_list:
                return None
            if items is None:
                continue
            if not all(memoryview(item)[:1].tobytes() == b"{" for item in items):
                return None
            found.append(
                ParentedList(
                    ChildList(
                        table=child.table,
                        parent_column=child.parent,
                        objects=(),
                        complete=not has_more,
                        field=nested.field,
                    ),
                    head.id,
                    position,
                )
            )
    return found
