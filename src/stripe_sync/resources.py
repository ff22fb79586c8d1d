"""The resource registry: one row of data per Stripe object that stripe-sync mirrors.

Everything that differs between Stripe objects lives here as data, never as ``if object == ...``
branches elsewhere: the table, the id prefixes, how to list it, which nested lists Stripe
truncates, which other objects it points at, which webhook events carry it and what "deleted"
means for it. The schema generator (``scripts/gen_schema.py``) reads these rows to write the
table DDL.

The rows are generated (``registry.json``, by ``scripts/gen_registry.py``) from Stripe's own
descriptions of its API: the official SDK, the OpenAPI description and example objects, with
hand-written overrides as data (``scripts/registry_overrides.toml``). That file names every
resource Stripe's API can list, each mirrored (with a table: the rows here) or excluded with its
reason. Tables come from the same rows: ``scripts/gen_schema.py`` writes their migrations.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from types import MappingProxyType
from typing import Any, Final

from .errors import UnknownObjectError

__all__ = [
    "GROUPS",
    "REGISTRY",
    "UNROUTED_EVENTS",
    "Delete",
    "NestedList",
    "ParentList",
    "Reference",
    "Resource",
    "by_id",
    "by_object",
    "get",
    "resolve",
]


class Delete(enum.Enum):
    """What a ``*.deleted`` event, a ``deleted: true`` payload or a 404 means for an object."""

    #: The object is gone from Stripe: keep a tombstone row (``deleted`` true, ``deleted_at``) so
    #: that a late ``*.updated`` event cannot bring it back.
    TOMBSTONE = "tombstone"
    #: The ``*.deleted`` event announces a final state (a canceled subscription), not removal: the
    #: payload is the final object and is written like any update.
    FINAL_STATE = "final_state"
    #: Stripe never deletes this object (charges, payouts, balance transactions ...).
    NEVER = "never"


@dataclass(frozen=True, slots=True)
class Reference:
    """A property holding the id of another registry object (expandable or plain)."""

    field: str
    resource: str


@dataclass(frozen=True, slots=True)
class NestedList:
    """A list embedded in the parent object that Stripe truncates (10 items by default).

    ``path`` lists the complete collection; ``{id}`` is the parent's id, also substituted in
    ``params`` values. ``expand`` is True when the list only appears on the parent if expanded.
    """

    field: str
    child: str
    path: str
    params: tuple[tuple[str, str], ...] = ()
    expand: bool = False


@dataclass(frozen=True, slots=True)
class ParentList:
    """An object that Stripe lists only per parent: ``path`` with ``{parent}`` substituted."""

    parent: str
    path: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Resource:
    """One Stripe object type and how to mirror it."""

    #: Registry key, used in the API and CLI (``backfill customer``).
    name: str
    #: Stripe's ``object`` value for this type, e.g. ``radar.early_fraud_warning``.
    object: str
    #: Table in the sync schema.
    table: str
    #: Every id prefix Stripe uses for this type; ``()`` when ids are free-form (coupons).
    id_prefixes: tuple[str, ...]
    #: Retrieve endpoint, ``{id}`` substituted; None for rows that only exist inside a parent.
    retrieve_path: str | None
    #: Top-level list endpoint; None when the object is listed per parent or not at all.
    list_path: str | None = None
    #: Filters that must always be sent when listing (subscriptions hide canceled ones otherwise).
    list_params: tuple[tuple[str, str], ...] = ()
    #: Whether the list endpoint accepts ``created[gt|gte|lt|lte]`` (needed for windowed backfill).
    created_filter: bool = False
    #: For objects listed only per parent (payment methods per customer).
    list_per_parent: ParentList | None = None
    #: Truncated lists on this object that are paged to completion when asked.
    nested_lists: tuple[NestedList, ...] = ()
    #: Properties that point at other registry objects; they become indexed columns.
    references: tuple[Reference, ...] = ()
    #: Webhook event types whose ``data.object`` is (or describes) this object.
    event_types: tuple[str, ...] = ()
    #: ``object`` values besides :attr:`object` that events carry for this resource.
    event_objects: tuple[str, ...] = ()
    delete: Delete = Delete.NEVER
    #: For child rows (subscription items, invoice lines ...): the parent resource; its id is
    #: stored in the column named after it.
    parent: str | None = None
    #: Name of the component schema in Stripe's OpenAPI description (for column generation).
    spec_schema: str = ""
    #: Properties whose value is a Unix timestamp beyond the ones the spec marks as such.
    extra_timestamps: tuple[str, ...] = field(default=())

    @property
    def listable(self) -> bool:
        return self.list_path is not None or self.list_per_parent is not None

    @property
    def is_child(self) -> bool:
        return self.parent is not None


def _pairs(mapping: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), str(v)) for k, v in mapping.items())


def _resource(row: Mapping[str, Any], mirrored: frozenset[str]) -> Resource:
    """A ``registry.json`` row as a :class:`Resource`; it pages only the nested lists whose
    children are mirrored (have tables)."""
    per_parent = row["list_per_parent"]
    return Resource(
        name=row["name"],
        object=row["object"],
        table=row["table"],
        id_prefixes=tuple(row["id_prefixes"]),
        retrieve_path=row["retrieve_path"],
        list_path=row["list_path"],
        list_params=_pairs(row["list_params"]),
        created_filter=row["created_filter"],
        list_per_parent=None
        if per_parent is None
        else ParentList(per_parent["parent"], per_parent["path"], _pairs(per_parent["params"])),
        nested_lists=tuple(
            NestedList(n["field"], n["child"], n["path"], _pairs(n["params"]), n["expand"])
            for n in row["nested_lists"]
            if n["child"] in mirrored
        ),
        references=tuple(Reference(r["field"], r["resource"]) for r in row["references"]),
        event_types=tuple(row["event_types"]),
        event_objects=tuple(row["event_objects"]),
        delete=Delete(row["delete"]),
        parent=row["parent"],
        spec_schema=row["spec_schema"],
        extra_timestamps=tuple(row["extra_timestamps"]),
    )


def _registry_data() -> dict[str, Any]:
    text = files("stripe_sync").joinpath("registry.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def _load_rows() -> tuple[Resource, ...]:
    """The rows of the generated registry that stripe-sync mirrors (has tables for), in
    registry order."""
    data = _registry_data()
    rows = [r for r in data["resources"] if r["status"] == "mirrored"]
    mirrored = frozenset(r["name"] for r in rows)
    return tuple(_resource(r, mirrored) for r in rows)


_ROWS: Final[tuple[Resource, ...]] = _load_rows()

REGISTRY: Final = MappingProxyType({r.name: r for r in _ROWS})

#: Webhook event types that are a named skip: the registry routes them to no row, whatever
#: object they carry (``customer.source.*`` carries a customer's card or bank account, which is
#: not a connected account's external account although its ``object`` says ``card``).
UNROUTED_EVENTS: Final = frozenset(_registry_data()["unrouted_events"])

# Every object also answers to its table's name: the TypeScript engine names some objects by
# their table (its README's backfill objects ``checkout_sessions``, ``subscription_schedules``;
# later versions name them all so).
_BY_TABLE: Final = MappingProxyType({r.table: r for r in _ROWS})

#: Names that stand for several objects, as the TypeScript engine's README documents them: a
#: backfill of ``customer_with_entitlements`` lists the customers and then their active
#: entitlements (which Stripe lists per customer).
GROUPS: Final = MappingProxyType({"customer_with_entitlements": ("customer", "active_entitlement")})


def _by_object(rows: Iterable[Resource]) -> dict[str, Resource]:
    """Stripe ``object`` value -> row, for routing an event's ``data.object``. A top-level row
    wins over child rows; a value that several child rows share (``item``: the line items of
    checkout sessions, payment links and quotes, which no event carries) routes to none of
    them, since which parent's item it is cannot be told from the object."""
    rows = tuple(rows)
    out: dict[str, Resource] = {}
    for r in rows:
        if not r.is_child:
            for obj in (r.object, *r.event_objects):
                out.setdefault(obj, r)
    children: dict[str, list[Resource]] = {}
    for r in rows:
        if r.is_child:
            for obj in (r.object, *r.event_objects):
                children.setdefault(obj, []).append(r)
    for obj, owners in children.items():
        if obj not in out and len(owners) == 1:
            out[obj] = owners[0]
    return out


_BY_OBJECT: Final = MappingProxyType(_by_object(_ROWS))
# Longest prefix first, so "sub_sched_" wins over "sub_". Child rows are not retrievable by id,
# so only top-level resources take part ("ii_" is an invoice item, not an invoice line).
_PREFIXES: Final = tuple(
    sorted(
        ((p, r) for r in _ROWS if r.retrieve_path is not None for p in r.id_prefixes),
        key=lambda pr: -len(pr[0]),
    )
)


def get(name: str) -> Resource:
    """The resource registered under ``name`` (``customer``, ``early_fraud_warning`` ...) or
    whose table is ``name`` (``customers``, ``checkout_sessions`` ...)."""
    resource = REGISTRY.get(name) or _BY_TABLE.get(name)
    if resource is None:
        raise UnknownObjectError(
            f"unknown object {name!r}; known objects: {', '.join(sorted(REGISTRY))} "
            "(or their table names)"
        )
    return resource


def by_object(object_type: str) -> Resource | None:
    """The resource for a Stripe ``object`` value, or None when stripe-sync does not mirror it."""
    return _BY_OBJECT.get(object_type)


def by_id(object_id: str) -> Resource:
    """The resource whose id prefix matches ``object_id`` (longest prefix wins).

    Raises :class:`UnknownObjectError` for ids without a known prefix (including coupons, whose
    ids are free-form: sync those with an explicit object type).
    """
    for prefix, resource in _PREFIXES:
        if object_id.startswith(prefix):
            return resource
    for child in _ROWS:
        if (
            child.is_child
            and child.retrieve_path is None
            and object_id.startswith(child.id_prefixes)
        ):
            raise UnknownObjectError(
                f"{object_id!r} is a {child.name}, which exists only inside its {child.parent}; "
                f"sync the {child.parent} instead"
            )
    raise UnknownObjectError(
        f"cannot tell the object type of id {object_id!r} from its prefix; "
        f"known prefixes: {', '.join(sorted(p for p, _ in _PREFIXES))}"
    )


def resolve(names: str | Iterable[str]) -> tuple[Resource, ...]:
    """Registry rows for ``"all"``, one name or a list of names (table names and
    :data:`GROUPS` too), in registry order."""
    if isinstance(names, str):
        names = list(REGISTRY) if names == "all" else [names]
    wanted = {get(member).name for n in names for member in GROUPS.get(n, (n,))}
    return tuple(r for r in _ROWS if r.name in wanted)


def as_rows() -> list[dict[str, object]]:
    """The registry as rows of the ``_resources`` table (``0001_baseline.sql``), JSON-ready.

    The migration runner writes them after every run, so runtimes that route events in SQL
    (the Supabase edge functions) read the same registry as the Python engine.
    """

    def params(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
        return dict(pairs)

    rows: list[dict[str, object]] = []
    for ordinal, r in enumerate(_ROWS):
        per_parent = r.list_per_parent
        rows.append(
            {
                "name": r.name,
                "object": r.object,
                "table_name": r.table,
                "parent": r.parent,
                "is_child": r.is_child,
                "delete_mode": r.delete.value,
                "event_objects": list(r.event_objects),
                "event_types": list(r.event_types),
                "retrieve_path": r.retrieve_path,
                "list_path": r.list_path,
                "list_params": params(r.list_params),
                "created_filter": r.created_filter,
                "backfill": r.listable,
                # Windows page the parent's listing for objects listed per parent.
                "backfill_created_filter": (
                    REGISTRY[per_parent.parent].created_filter
                    if per_parent is not None
                    else r.created_filter
                ),
                "list_per_parent": (
                    {
                        "parent": per_parent.parent,
                        "path": per_parent.path,
                        "params": params(per_parent.params),
                    }
                    if per_parent is not None
                    else None
                ),
                "nested_lists": [
                    {
                        "field": n.field,
                        "child": n.child,
                        "path": n.path,
                        "params": params(n.params),
                        "expand": n.expand,
                    }
                    for n in r.nested_lists
                ],
                "id_prefixes": list(r.id_prefixes),
                "ordinal": ordinal,
                "refs": [{"field": f.field, "resource": f.resource} for f in r.references],
            }
        )
    return rows
