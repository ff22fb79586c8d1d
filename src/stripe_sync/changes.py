"""What to write: a routed event or a fetched object as one call of the SQL write path.

A :class:`Change` is everything ``_apply_event_v1`` (``sql/migrations/0001_baseline.sql``) needs:
the action, the table, the object(s), the version and its source, the parent's embedded child lists
and the referenced objects to look up. The functions here are pure; :mod:`stripe_sync.ingest` does
the I/O around them (paging truncated lists, re-fetching, fetching missing references) and
:mod:`stripe_sync.store` sends the change to PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypeGuard

from .resources import NestedList, Resource, get

__all__ = [
    "Change",
    "ChildList",
    "EmbeddedList",
    "Routing",
    "embedded_lists",
    "id_of",
    "is_mapping",
    "stub",
]

#: ``route``: an event (or a fetched object) that ``_apply_changes`` routes itself
#: (``_route_change``); the others come routed.
ChangeAction = Literal["route", "upsert", "delete", "replace_children", "skip"]
Source = Literal["event", "fetch", "refetch"]
#: How an event came (``_processed_events.via``): a webhook, the Events API poller, the
#: websocket of ``--listen-mode websocket``; None when the caller did not say.
Via = Literal["webhook", "events", "websocket"]


@dataclass(frozen=True, slots=True)
class ChildList:
    """The rows of one embedded list of a parent, for the child resource's table."""

    table: str
    #: The child table's plain parent column (``subscription`` for items), None when the child
    #: is a resource of its own that carries its parent in its payload (a charge's refunds).
    parent_column: str | None
    objects: Sequence[Mapping[str, Any]]
    #: Every child of the parent is in ``objects``: the parent's other child rows are tombstoned.
    complete: bool
    #: The rows are exactly the items embedded in the parent's list ``field`` (``lines``): the
    #: write path takes them from the parent's payload, so they are not sent twice.
    field: str | None = None

    def as_json(self, *, embedded: bool = False) -> dict[str, Any]:
        """The list for ``_apply_changes``; ``embedded``: by its field when it has one (the
        parent's payload travels with it)."""
        found: dict[str, Any] = {
            "table": self.table,
            "parent_column": self.parent_column,
            "complete": self.complete,
        }
        if embedded and self.field is not None:
            found["field"] = self.field
        else:
            found["objects"] = list(self.objects)
        return found


@dataclass(frozen=True, slots=True)
class Routing:
    """The engine's options for a change that ``_apply_changes`` routes (``"route"``)."""

    #: ``auto_expand_lists``: a truncated or unexpanded child list is handed back to be listed.
    expand: bool = False
    #: ``backfill_related_entities``: the referenced objects are looked up.
    refs: bool = False
    #: ``revalidate_objects_via_stripe_api``: these resources' events are handed back to be
    #: fetched.
    revalidate: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"expand": self.expand, "refs": self.refs, "revalidate": list(self.revalidate)}


@dataclass(frozen=True, slots=True)
class Change:
    """One change of a group for ``_apply_changes`` (one call of ``_apply_event_v2``)."""

    action: ChangeAction
    #: None only for a skipped event whose object type is not mirrored.
    resource: Resource | None
    objects: Sequence[Mapping[str, Any]]
    account_id: str
    version: datetime
    source: Source
    event_id: str | None = None
    event_type: str | None = None
    event_created: datetime | None = None
    parent_id: str | None = None
    children: tuple[ChildList, ...] = ()
    #: ``(table, id)`` of referenced objects to look up; missing ones come back from the call.
    refs: tuple[tuple[str, str], ...] = ()
    tie_wins: bool = False
    #: The webhook body as received, when ``objects`` is exactly its ``data.object``: it is
    #: passed to the database as it is, instead of encoding the parsed object again.
    raw_event: str | None = None
    #: How the event came, recorded with it (the ``freshness`` view's ``source``).
    via: Via | None = None
    #: The mode of the event or key it comes from (None: not known). Stored on the rows
    #: written, whose payloads may not say it (refunds, persons ...).
    livemode: bool | None = None
    #: For ``route``: the whole event (when there is no ``raw_event``); a fetched object
    #: goes in ``objects`` instead.
    event: Mapping[str, Any] | None = None
    #: For ``route``: the engine's options.
    routing: Routing | None = None

    @property
    def object_id(self) -> str | None:
        if self.action == "replace_children" or not self.objects:
            return None
        value = self.objects[0].get("id")
        return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class EmbeddedList:
    """A nested list as found in a parent payload."""

    nested: NestedList
    child: Resource
    #: The items Stripe embedded (possibly the first page only).
    items: list[Mapping[str, Any]]
    #: Stripe said there are more items than embedded.
    has_more: bool
    #: The field was in the payload at all (lists that need ``expand`` usually are not).
    present: bool
    #: ``items`` is the payload's ``data`` list itself, every item an object.
    exact: bool = False

    def child_list(
        self, items: Sequence[Mapping[str, Any]] | None = None, *, complete: bool | None = None
    ) -> ChildList:
        """The rows to write: the embedded items, or ``items`` paged from the API."""
        return ChildList(
            table=self.child.table,
            parent_column=self.child.parent,
            objects=self.items if items is None else list(items),
            complete=(self.present and not self.has_more) if complete is None else complete,
            # The embedded items are every item of the field's list (non-dicts aside).
            field=self.nested.field if items is None and self.exact else None,
        )


def embedded_lists(resource: Resource, obj: Mapping[str, Any]) -> list[EmbeddedList]:
    """Each of ``resource``'s nested lists as it appears in ``obj``."""
    found: list[EmbeddedList] = []
    for nested in resource.nested_lists:
        value = obj.get(nested.field)
        listed = value if is_mapping(value) else None
        data = listed.get("data") if listed is not None else None
        present = listed is not None and listed.get("object") == "list"
        items = [i for i in data if is_mapping(i)] if isinstance(data, list) else []
        found.append(
            EmbeddedList(
                nested=nested,
                child=get(nested.child),
                items=items,
                has_more=bool(present and listed is not None and listed.get("has_more")),
                present=present and isinstance(data, list),
                exact=isinstance(data, list) and len(items) == len(data),
            )
        )
    return found


def stub(resource: Resource, object_id: str) -> dict[str, Any]:
    """The payload Stripe sends for a deleted object: ``{id, object, deleted: true}``."""
    return {"id": object_id, "object": resource.object, "deleted": True}


def id_of(value: object) -> str | None:
    """The id of an expandable reference: the string itself, or an expanded object's ``id``."""
    if isinstance(value, str):  # the common case first: an ABC check costs ten times more
        return value or None
    if isinstance(value, Mapping):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def is_mapping(value: object) -> TypeGuard[Mapping[str, Any]]:
    """``isinstance(value, Mapping)``, answering parsed JSON's dicts without the ABC check (the
    hot path of every event)."""
    return type(value) is dict or isinstance(value, Mapping)
