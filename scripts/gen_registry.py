"""Generate the resource registry (``src/stripe_sync/registry.json``) from Stripe's descriptions.

Usage (from the repository root)::

    .venv/bin/python scripts/gen_registry.py           # rewrite src/stripe_sync/registry.json
    .venv/bin/python scripts/gen_registry.py --check   # exit 1 if it is out of date

Inputs, all vendored:

- ``vendor/stripe-sdk/resources.json``: what the ``stripe`` Python SDK knows of Stripe's current
  API (``scripts/extract_sdk_resources.py``): every GET endpoint with the object(s) it returns and
  its parameters, each object's typed fields, DELETE paths, and the webhook event types;
- ``vendor/stripe-openapi/spec3.json`` (API 2023-08-16): list parameters (``created``),
  required properties, expandable references;
- ``vendor/stripe-openapi/fixtures3.json``: example objects, whose ids give the id prefixes;
- ``scripts/registry_overrides.toml``: where those sources are silent or wrong, hand-written
  facts as data, each with the reason (``why``), plus the resources left out and why.

Every resource the SDK can list becomes a row, or is named in the overrides' ``excluded``
table with its reason. Every row is ``mirrored`` (has a table) unless the overrides' ``planned``
list names it: the overrides' ``mirrored`` list first (the first tables, ``table_migration``
0002, in registry order), then every other row by name (tables of migration 0020). How each
fact is derived:

- **name** the object with dots as underscores (``issuing.card`` -> ``issuing_card``) unless
  ``names`` says otherwise; **table** its plural.
- **list_path** the list endpoint without a path parameter or a required parameter naming
  another object; a required parameter that takes one value (``type=performance``) is sent in
  **list_params**, and so is ``status=all`` where the list accepts it (otherwise Stripe hides
  canceled subscriptions).
- **list_per_parent** for objects listed only under another object: a path under the parent's
  (``/v1/customers/{parent}/tax_ids``) or a required parameter naming it
  (``/v1/setup_attempts?setup_intent={parent}``).
- **parent** (child rows): objects with no retrieve endpoint at all, listed only under a parent;
  one row per parent when several parents list them (``item`` under checkout sessions, payment
  links and quotes).
- **nested_lists** a parent's field holding a ``ListObject`` of a row's object, where the API
  lists that object under the parent; ``expand`` when the spec (or the SDK's ``Optional``) says
  the field is absent unless expanded.
- **retrieve_path** the GET of one object with the fewest path parameters (``{id}``, and
  ``{parent}`` when the parent's id is needed).
- **created_filter** the list endpoint's ``created`` parameter, from the spec where the spec has
  the endpoint, else from the SDK.
- **references** (indexed id columns, ``scripts/gen_schema.py``) and **other_references**:
  fields that hold one other row's object, expandable (spec ``x-expansionResources``, SDK
  ``ExpandableField``), embedded (a ``$ref``) or a string named after a row, and a child's
  parent. Indexed by default: a field named after the row it points at or its object's last
  part (``customer``, ``card`` of an ``issuing.card``); the overrides name the indexed fields of
  the mirrored tables.
- **event_types** the webhook event types (SDK, API of the SDK) whose name is the object's
  (``invoice.paid``), a namespaced one (``issuing_card.created`` is ``issuing.card``), or a
  sub-resource of another (``customer.subscription.updated``), plus the overrides' event
  prefixes; **delete** ``tombstone`` when the API deletes the object (a DELETE endpoint, a
  ``*.deleted`` event) or it is a child row, else ``never``.
- **id_prefixes** the prefix of the example object's id (``cus_``), unless overridden.

The output is deterministic: a test regenerates it and compares.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SDK = REPO / "vendor" / "stripe-sdk" / "resources.json"
DEFAULT_SPEC = REPO / "vendor" / "stripe-openapi" / "spec3.json"
DEFAULT_FIXTURES = REPO / "vendor" / "stripe-openapi" / "fixtures3.json"
DEFAULT_OVERRIDES = REPO / "scripts" / "registry_overrides.toml"
DEFAULT_OUTPUT = REPO / "src" / "stripe_sync" / "registry.json"
COMMAND = "python scripts/gen_registry.py"

_PLACEHOLDER = re.compile(r"\{[^}]*\}")
#: Example ids that are placeholders, not real ids (``obj_123``, ``meter_123``).
_PLACEHOLDER_ID = re.compile(r"^(obj_|[a-z]+_\d{1,5}$)")


class RegistryError(Exception):
    """The sources and overrides do not make a consistent registry."""


@dataclass(slots=True)
class Row:
    """One registry row as written to ``registry.json`` (``stripe_sync.resources.Resource``)."""

    name: str
    object: str
    table: str
    status: str
    #: The migration that creates its table: 0002 (the first tables, made lean by 0016) or
    #: 0020 (every other row, created lean); None for a planned row (no table yet).
    table_migration: str | None
    id_prefixes: list[str]
    retrieve_path: str | None
    list_path: str | None = None
    list_params: dict[str, str] = field(default_factory=dict)
    created_filter: bool = False
    list_per_parent: dict[str, Any] | None = None
    nested_lists: list[dict[str, Any]] = field(default_factory=list)
    #: References indexed and stored as id columns (``Resource.references``).
    references: list[dict[str, str]] = field(default_factory=list)
    #: Further fields holding another row's id, not indexed.
    other_references: list[dict[str, str]] = field(default_factory=list)
    event_types: list[str] = field(default_factory=list)
    event_objects: list[str] = field(default_factory=list)
    delete: str = "never"
    parent: str | None = None
    spec_schema: str = ""
    extra_timestamps: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


#: Keys of a ``[resource.NAME]`` override table besides ``why``.
_OVERRIDABLE = frozenset(f.name for f in fields(Row)) - {
    "name",
    "status",
    "table_migration",
    "other_references",
}
#: The migration of the first tables (``mirrored`` in the overrides), and of every other row's.
_FIRST_TABLES = "0002"
_LATER_TABLES = "0020"
#: Override values that mean "none" (TOML has no null).
_NONE = ""


# -- the sources ----------------------------------------------------------------------------


def norm(path: str) -> str:
    """A path with its placeholders made anonymous (sources name them differently)."""
    return _PLACEHOLDER.sub("{}", path)


def placeholders(path: str) -> int:
    return len(_PLACEHOLDER.findall(path))


def fill(path: str, *names: str) -> str:
    """``path`` with its placeholders renamed, in order, to ``names`` (the last ones kept)."""
    parts = _PLACEHOLDER.split(path)
    found = _PLACEHOLDER.findall(path)
    wanted = list(names)[-len(found) :] if found else []
    out = parts[0]
    for i, rest in enumerate(parts[1:]):
        out += "{" + wanted[i] + "}" + rest
    return out


def plural(name: str) -> str:
    if name.endswith("y") and name[-2:-1] not in ("a", "e", "i", "o", "u"):
        return name[:-1] + "ies"
    if name.endswith(("s", "x", "sh", "ch")):
        return name + "es"
    return name + "s"


def singular(field_name: str) -> str:
    if field_name.endswith("ies"):
        return field_name[:-3] + "y"
    return field_name[:-1] if field_name.endswith("s") else field_name


@dataclass(frozen=True, slots=True)
class Sources:
    sdk: Mapping[str, Any]
    spec: Mapping[str, Any]
    fixtures: Mapping[str, Any]
    overrides: Mapping[str, Any]

    @property
    def schemas(self) -> Mapping[str, Any]:
        return self.spec["components"]["schemas"]  # type: ignore[no-any-return]

    def spec_get(self, path: str) -> Mapping[str, Any] | None:
        """The spec's GET operation at ``path`` (placeholders compared anonymously)."""
        wanted = norm(path)
        for spec_path, item in self.spec["paths"].items():
            if norm(spec_path) == wanted and "get" in item:
                return item["get"]  # type: ignore[no-any-return]
        return None

    def list_endpoints(self) -> list[Mapping[str, Any]]:
        ignored = self.overrides.get("ignored_lists", {})
        return [e for e in self.sdk["endpoints"] if e["list"] and e["path"] not in ignored]

    def retrieve_endpoints(self, obj: str) -> list[str]:
        return [
            e["path"]
            for e in self.sdk["endpoints"]
            if not e["list"] and e["returns"] == [obj] and e["path"].endswith("}")
        ]

    def fields_of(self, obj: str) -> Mapping[str, Any]:
        return self.sdk["objects"].get(obj, {}).get("fields", {})  # type: ignore[no-any-return]


def listable_objects(sdk: Mapping[str, Any]) -> set[str]:
    """Every object some GET list endpoint of the SDK returns."""
    return {o for e in sdk["endpoints"] if e["list"] for o in e["returns"]}


# -- deriving rows --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Listing:
    """How one list endpoint reaches an object."""

    path: str
    #: None for a top-level list; else the parent object and how its id is passed.
    parent: str | None = None
    #: The required parameter that takes the parent's id (else the path holds it).
    parent_param: str | None = None
    fixed_params: tuple[tuple[str, str], ...] = ()


def _parent_of_path(src: Sources, path: str) -> str | None:
    """The object whose retrieve path is the start of ``path`` (``/v1/customers/{x}/...``)."""
    head = path[: path.rfind("}") + 1]
    for e in src.sdk["endpoints"]:
        if not e["list"] and len(e["returns"]) == 1 and norm(e["path"]) == norm(head):
            return str(e["returns"][0])
    return None


def _parent_of_param(src: Sources, obj: str, param: str) -> str | None:
    """The object a required list parameter names: the same namespace's first (``card`` of
    ``issuing.token`` is ``issuing.card``), else a top-level one."""
    namespace = obj.rsplit(".", 1)[0] + "." if "." in obj else ""
    for candidate in (namespace + param, param):
        if candidate in src.sdk["objects"] and candidate != obj:
            return candidate
    return None


def listings(src: Sources, obj: str) -> list[Listing]:
    found: list[Listing] = []
    for e in src.list_endpoints():
        if obj not in e["returns"]:
            continue
        path: str = e["path"]
        fixed: list[tuple[str, str]] = []
        parent_param = None
        parent = _parent_of_path(src, path) if placeholders(path) else None
        for name, facts in sorted(e["params"].items()):
            values = facts.get("values", [])
            if facts["required"] and len(values) == 1:
                fixed.append((name, values[0]))
            elif facts["required"] and parent is None:
                parent = _parent_of_param(src, obj, name)
                parent_param = name
                if parent is None:
                    raise RegistryError(f"{path}: required parameter {name!r} names no object")
            elif name == "status" and "all" in values:
                fixed.append((name, "all"))
        found.append(Listing(path, parent, parent_param, tuple(fixed)))
    return found


def parent_list(listing: Listing, id_placeholder: str) -> tuple[str, dict[str, str]]:
    """Path and params to list the children of one parent (its id as ``id_placeholder``)."""
    params = dict(listing.fixed_params)
    if listing.parent_param:
        params[listing.parent_param] = "{" + id_placeholder + "}"
        return listing.path, params
    return fill(listing.path, id_placeholder), params


def id_prefix(src: Sources, obj: str) -> list[str]:
    example = src.fixtures["resources"].get(obj) or {}
    object_id = example.get("id")
    if not isinstance(object_id, str) or "_" not in object_id or _PLACEHOLDER_ID.match(object_id):
        return []
    return [object_id.split("_", 1)[0] + "_"]


def created_filter(src: Sources, path: str | None) -> bool:
    """Whether the list at ``path`` takes ``created[gte]`` and friends: the SDK's word where it
    has the endpoint (its API version, 2026-10-28, is the one the engine pins; the 2023 spec
    lacks filters Stripe added since, e.g. on early fraud warnings, credit notes and checkout
    sessions), else the spec's."""
    if path is None:
        return False
    for e in src.sdk["endpoints"]:
        if norm(e["path"]) == norm(path) and e["list"]:
            return "created" in e["params"]
    operation = src.spec_get(path)
    if operation is not None:
        return any(p["name"] == "created" for p in operation.get("parameters", []))
    return False


def retrieve_path(src: Sources, obj: str) -> str | None:
    paths = sorted(src.retrieve_endpoints(obj), key=lambda p: (placeholders(p), p))
    return fill(paths[0], "parent", "id") if paths else None


def field_optional(src: Sources, obj: str, field_name: str) -> bool:
    """Whether ``obj``'s field is left out or null unless asked for (needs ``expand``)."""
    schema = src.schemas.get(obj)
    if schema is not None and field_name in schema.get("properties", {}):
        prop = schema["properties"][field_name]
        return field_name not in schema.get("required", []) or bool(prop.get("nullable"))
    sdk_type = str(src.fields_of(obj).get(field_name, {}).get("type", ""))
    return sdk_type.startswith("Optional[")


def _reference_targets(src: Sources, obj: str, row_names: Iterable[str]) -> dict[str, set[str]]:
    """Each field of ``obj`` that holds (the id of) other objects, with those objects: expandable
    (spec ``x-expansionResources``, SDK ``ExpandableField``), embedded (a ``$ref``), or a string
    named after a row (``credit_note_line_item.invoice_line_item``)."""
    targets: dict[str, set[str]] = {}
    names = set(row_names)
    schema = src.schemas.get(obj, {})
    for name, prop in schema.get("properties", {}).items():
        expansion = prop.get("x-expansionResources", {}).get("oneOf", [])
        refs = [r["$ref"] for r in expansion]
        if "$ref" in prop:
            refs.append(prop["$ref"])
        any_of = prop.get("anyOf", [])
        if len(any_of) == 1 and "$ref" in any_of[0]:
            refs.append(any_of[0]["$ref"])
        for ref in refs:
            targets.setdefault(name, set()).add(ref.rsplit("/", 1)[-1])
        if prop.get("type") == "string" and name in names:
            targets.setdefault(name, set()).add("row:" + name)
    for name, facts in src.fields_of(obj).items():
        embedded = [] if "List[" in facts["type"] else facts.get("objects", [])
        for target in [*facts.get("expandable", []), *embedded]:
            targets.setdefault(name, set()).add(target)
    return targets


def all_references(src: Sources, row: Row, by_object: Mapping[str, str]) -> dict[str, str]:
    """Fields of ``row``'s object pointing at exactly one row (field -> row name); a child row
    also points at its parent (the parent column)."""
    out: dict[str, str] = {}
    if row.parent:
        out[row.parent] = row.parent
    for name, targets in sorted(_reference_targets(src, row.object, by_object.values()).items()):
        # deleted_customer and the like are the same row's tombstones.
        live = {t.removeprefix("deleted_") for t in targets}
        rows = {t[len("row:") :] if t.startswith("row:") else by_object.get(t, "") for t in live}
        rows.discard("")
        if len(rows) == 1 and name != "id" and name not in out:
            out[name] = rows.pop()
    return out


def event_row(prefix: str, rows: Mapping[str, Row], by_object: Mapping[str, str]) -> str | None:
    """The row whose objects the events ``<prefix>.<action>`` carry: the object's own name
    (``invoice``), namespaced with an underscore (``issuing_card``), or a sub-resource of another
    object (``customer.subscription``)."""
    namespace, _, rest = prefix.partition("_")
    owner, _, sub = prefix.rpartition(".")
    candidates = [prefix, f"{namespace}.{rest}"]
    if owner in by_object or owner in rows:
        candidates.append(sub)
    for candidate in candidates:
        if by_object.get(candidate):
            return by_object[candidate]
        if candidate in rows:
            return candidate
    return None


# -- the registry ---------------------------------------------------------------------------


def _override_value(key: str, value: Any) -> Any:
    if key in ("retrieve_path", "list_path", "parent") and value == _NONE:
        return None
    if key == "list_per_parent" and value == {}:
        return None
    return value


def check_overrides(name: str, table: Mapping[str, Any]) -> None:
    if not str(table.get("why", "")).strip():
        raise RegistryError(f"override of {name} has no 'why'")
    unknown = set(table) - _OVERRIDABLE - {"why"}
    if unknown:
        raise RegistryError(f"override of {name}: unknown keys {sorted(unknown)}")


class Builder:
    """Derives the rows from the sources, an override replacing a derived value as soon as it
    is derived (later facts depend on earlier ones: a list path decides the per-parent list)."""

    def __init__(self, src: Sources) -> None:
        self.src = src
        overrides = src.overrides
        self.names: Mapping[str, str] = overrides.get("names", {})
        self.excluded: Mapping[str, str] = overrides.get("excluded", {})
        self.mirrored: Sequence[str] = overrides["mirrored"]
        self.planned: frozenset[str] = frozenset(overrides.get("planned", ()))
        self.ignored: Mapping[str, str] = overrides.get("ignored_lists", {})
        self.event_prefixes: Mapping[str, str] = overrides.get("event_prefixes", {})
        self.row_overrides: Mapping[str, Mapping[str, Any]] = overrides.get("resource", {})
        self.rows: dict[str, Row] = {}
        self.plans: dict[str, list[Listing]] = {}
        self.by_object: dict[str, str] = {}

    def pick(self, row: Row, key: str, derived: Any) -> Any:
        table = self.row_overrides.get(row.name, {})
        return _override_value(key, table[key]) if key in table else derived

    def check_sources(self) -> set[str]:
        listable = listable_objects(self.src.sdk)
        for obj, reason in self.excluded.items():
            if obj not in listable:
                raise RegistryError(f"excluded {obj!r} is not a listable resource of the SDK")
            if not reason.strip():
                raise RegistryError(f"excluded {obj!r} has no reason")
        for path, reason in self.ignored.items():
            if not any(e["path"] == path for e in self.src.sdk["endpoints"]) or not reason.strip():
                raise RegistryError(f"ignored list {path!r}: unknown path or no reason")
        for name, table in self.row_overrides.items():
            check_overrides(name, table)
        return listable

    def new_row(self, name: str, obj: str, parent: str | None) -> None:
        if name in self.rows:
            raise RegistryError(f"two rows named {name!r}")
        row = Row(name, obj, plural(name), "planned", None, [], None)
        row.parent = self.pick(row, "parent", parent)
        self.rows[name] = row

    def create_rows(self, listable: set[str]) -> None:
        # Rows the overrides declare (several objects in one list) take their objects first.
        covered: set[str] = set()
        for name, table in self.row_overrides.items():
            if "object" in table:
                self.new_row(name, table["object"], None)
                covered |= {table["object"], *table.get("event_objects", [])}
        # One row per listable object, or per parent for child objects several parents list.
        for obj in sorted(listable - set(self.excluded) - covered):
            found = listings(self.src, obj)
            if not found:
                raise RegistryError(f"{obj} is listable only through ignored lists: exclude it")
            self.plans[obj] = found
            top = [x for x in found if x.parent is None]
            parents = sorted({x.parent for x in found if x.parent is not None})
            child = not top and not self.src.retrieve_endpoints(obj)
            if child and len(parents) > 1:
                for parent in parents:
                    parent_name = self.names.get(parent, parent.replace(".", "_"))
                    list_field = next(
                        (
                            f
                            for f, facts in sorted(self.src.fields_of(parent).items())
                            if obj in facts.get("list_of", [])
                        ),
                        obj,
                    )
                    self.new_row(f"{parent_name}_{singular(list_field)}", obj, parent)
            else:
                name = self.names.get(obj, obj.replace(".", "_"))
                self.new_row(name, obj, parents[0] if child and parents else None)
        for row in self.rows.values():
            self.plans.setdefault(row.object, listings(self.src, row.object))
            # Objects with several rows (item) are routed by their parent, never by object.
            self.by_object[row.object] = "" if row.object in self.by_object else row.name
        parent_rows = {obj: name for obj, name in self.by_object.items() if name}
        for row in self.rows.values():
            if row.parent in parent_rows:
                row.parent = parent_rows[row.parent]

    def derive_lists(self, row: Row) -> None:
        src = self.src
        found = self.plans[row.object]
        row.id_prefixes = self.pick(row, "id_prefixes", id_prefix(src, row.object))
        row.retrieve_path = self.pick(row, "retrieve_path", retrieve_path(src, row.object))
        top = [x for x in found if x.parent is None]
        row.list_path = self.pick(row, "list_path", top[0].path if top else None)
        row.list_params = self.pick(
            row, "list_params", dict(top[0].fixed_params) if row.list_path and top else {}
        )
        parent_object = self.rows[row.parent].object if row.parent in self.rows else None
        mine = [x for x in found if x.parent is not None and x.parent in (parent_object, None)]
        if not mine:
            mine = [x for x in found if x.parent is not None]
        per_parent = None
        if row.list_path is None and mine:
            path, params = parent_list(mine[0], "parent")
            parent = mine[0].parent or ""
            per_parent = {
                "parent": self.by_object.get(parent) or parent,
                "path": path,
                "params": params,
            }
        row.list_per_parent = self.pick(row, "list_per_parent", per_parent)

    def derive_nested_lists(self, row: Row) -> None:
        nested: list[dict[str, Any]] = []
        for field_name, facts in sorted(self.src.fields_of(row.object).items()):
            for child_obj in facts.get("list_of", []):
                for listing in self.plans.get(child_obj, []):
                    if listing.parent != row.object:
                        continue
                    child = next(
                        (
                            c
                            for c in self.rows.values()
                            if c.object == child_obj and c.parent in (None, row.name)
                        ),
                        None,
                    )
                    if child is None:
                        continue
                    path, params = parent_list(listing, "id")
                    nested.append(
                        {
                            "field": field_name,
                            "child": child.name,
                            "path": path,
                            "params": params,
                            "expand": field_optional(self.src, row.object, field_name),
                        }
                    )
        row.nested_lists = self.pick(row, "nested_lists", nested)

    def derive_rest(self, row: Row) -> None:
        src = self.src
        parent = self.rows.get(row.parent or "")
        # A child reached through its parent's nested list needs no list of its own.
        if parent and any(n["child"] == row.name for n in parent.nested_lists):
            row.list_per_parent = self.pick(row, "list_per_parent", None)
        listed_at = row.list_path or (row.list_per_parent or {}).get("path")
        row.created_filter = self.pick(row, "created_filter", created_filter(src, listed_at))
        refs = all_references(src, row, self.by_object)
        # By default the columns people join on: a field named after the row it points at, or
        # after its object's last part (issuing_transaction.card is an issuing.card).
        default = [
            f
            for f, target in refs.items()
            if f in (target, self.rows[target].object.rsplit(".", 1)[-1])
        ]
        indexed = self.pick(row, "references", default)
        unknown = set(indexed) - set(refs)
        if unknown:
            raise RegistryError(f"{row.name}: references {sorted(unknown)} are no references")
        row.references = [{"field": f, "resource": refs[f]} for f in indexed]
        row.other_references = [
            {"field": f, "resource": t} for f, t in refs.items() if f not in indexed
        ]

    def route_events(self) -> list[str]:
        unrouted: list[str] = []
        events: dict[str, list[str]] = {}
        for event in self.src.sdk["webhook_events"]:
            prefix = event.rpartition(".")[0]
            if prefix in self.event_prefixes:
                target: str | None = self.event_prefixes[prefix]
            else:
                target = event_row(prefix, self.rows, self.by_object)
            if target:
                events.setdefault(target, []).append(event)
            else:
                unrouted.append(event)
        for row in self.rows.values():
            row.event_types = sorted(self.pick(row, "event_types", events.get(row.name, [])))
            row.event_objects = self.pick(row, "event_objects", [])
            deletable = bool(self.src.sdk["objects"].get(row.object, {}).get("delete_paths"))
            deleted_event = any(e.endswith(".deleted") for e in row.event_types)
            tombstone = row.parent is not None or deletable or deleted_event
            row.delete = self.pick(row, "delete", "tombstone" if tombstone else "never")
            row.table = self.pick(row, "table", row.table)
            row.spec_schema = self.pick(row, "spec_schema", "")
            row.extra_timestamps = self.pick(row, "extra_timestamps", [])
        return sorted(unrouted)

    def build(self) -> dict[str, Any]:
        self.create_rows(self.check_sources())
        for name in self.row_overrides:
            if name not in self.rows:
                raise RegistryError(f"override of unknown row {name!r}")
        for row in self.rows.values():
            self.derive_lists(row)
        for row in self.rows.values():
            self.derive_nested_lists(row)
        for row in self.rows.values():
            self.derive_rest(row)
        unrouted = self.route_events()
        unknown = [n for n in self.mirrored if n not in self.rows]
        if unknown:
            raise RegistryError(f"mirrored rows missing from the registry: {unknown}")
        for name in self.mirrored:
            self.rows[name].status = "mirrored"
            self.rows[name].table_migration = _FIRST_TABLES
        for row in self.rows.values():
            if row.status != "mirrored" and row.name not in self.planned:
                row.status = "mirrored"
                row.table_migration = _LATER_TABLES
        first = set(self.mirrored)
        ordered = [self.rows[n] for n in self.mirrored] + sorted(
            (r for r in self.rows.values() if r.name not in first), key=lambda r: r.name
        )
        return {
            "generated_by": COMMAND,
            "sources": {
                "sdk": dict(self.src.sdk["source"]),
                "openapi": self.src.spec["info"]["version"],
            },
            "resources": [r.as_json() for r in ordered],
            "excluded": [{"object": o, "reason": self.excluded[o]} for o in sorted(self.excluded)],
            "ignored_lists": [
                {"path": p, "reason": reason} for p, reason in sorted(self.ignored.items())
            ],
            "unrouted_events": unrouted,
        }


def build(src: Sources) -> dict[str, Any]:
    """The registry data (``registry.json``) from the sources."""
    return Builder(src).build()


# -- command line ---------------------------------------------------------------------------


def render(registry: Mapping[str, Any]) -> str:
    return json.dumps(registry, indent=1, ensure_ascii=False) + "\n"


def _load_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def load_sources(
    sdk: Path = DEFAULT_SDK,
    spec: Path = DEFAULT_SPEC,
    fixtures: Path = DEFAULT_FIXTURES,
    overrides: Path = DEFAULT_OVERRIDES,
) -> Sources:
    with overrides.open("rb") as f:
        override_data = tomllib.load(f)
    return Sources(_load_json(sdk), _load_json(spec), _load_json(fixtures), override_data)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sdk", type=Path, default=DEFAULT_SDK, help="resources.json")
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="spec3.json")
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES, help="fixtures3.json")
    parser.add_argument("--overrides", type=Path, default=DEFAULT_OVERRIDES, help="overrides")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="file to write")
    parser.add_argument("--check", action="store_true", help="exit 1 if --output is out of date")
    args = parser.parse_args(None if argv is None else list(argv))
    text = render(build(load_sources(args.sdk, args.spec, args.fixtures, args.overrides)))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current == text:
            return 0
        diff = difflib.unified_diff(
            current.splitlines(keepends=True), text.splitlines(keepends=True), n=1
        )
        sys.stderr.writelines(list(diff)[:60])
        sys.stderr.write(f"\n{args.output} is out of date; run: {COMMAND}\n")
        return 1
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
