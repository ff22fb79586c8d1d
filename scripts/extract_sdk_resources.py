"""Extract what the registry generator needs from the installed ``stripe`` SDK into a data file.

Usage (from the repository root, with the SDK version to record installed)::

    .venv/bin/python scripts/extract_sdk_resources.py     # vendor/stripe-sdk/resources.json
    .venv/bin/python scripts/extract_sdk_resources.py --output /tmp/resources.json

Stripe's Python SDK is generated from Stripe's current API description, so it knows every resource
of today's API, which the vendored OpenAPI description (API 2023-08-16) does not. Tests and the
registry generator (``scripts/gen_registry.py``) must not read the SDK itself: CI installs the
newest ``stripe`` that pyproject allows, which changes under them. This script is run by hand
when we move to a newer SDK; its output is committed.

What it reads, all from the SDK's source (nothing is called):

- every v1 service method (``stripe/**/_*_service.py``, not ``v2``) that makes a GET request: its
  path template, the object(s) it returns, whether it returns a list, and the parameters of its
  params TypedDict (``stripe/params``) except the four every list takes (``limit``, ``expand``,
  ``starting_after``, ``ending_before``), each required or optional;
- the path templates of DELETE requests, per object returned;
- the event types a webhook endpoint can subscribe to (``WebhookEndpointCreateParams``);
- every object class (``stripe._object_classes.OBJECT_CLASSES``) that is the item of a GET list
  or a ``ListableAPIResource``: its ``OBJECT_NAME``, whether it is listable and its class URL, and
  its typed fields (the annotation's text, and the objects it names: ``expandable`` for
  ``ExpandableField["X"]``, ``list_of`` for ``ListObject["X"]``, ``objects`` for the rest).

Class names in annotations are resolved through each module's imports, so ``Session`` is
``checkout.session`` in one module and ``billing_portal.session`` in another. The output is sorted
and has no timestamps: running it twice on one SDK gives the same bytes.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import importlib.util
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import stripe
from stripe._api_version import _ApiVersion
from stripe._listable_api_resource import ListableAPIResource
from stripe._object_classes import OBJECT_CLASSES

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "vendor" / "stripe-sdk" / "resources.json"
SDK_ROOT = Path(stripe.__file__).resolve().parent
#: Parameters every list endpoint takes; left out of the output.
PAGINATION_PARAMS = frozenset({"limit", "expand", "starting_after", "ending_before"})


@dataclass(frozen=True, slots=True)
class Request:
    """One SDK method's HTTP request, as written in its service module."""

    method: str
    path: str
    service: str
    returns: tuple[str, ...]
    is_list: bool
    params: Mapping[str, Mapping[str, Any]]


@dataclass(slots=True)
class Module:
    """A parsed SDK module: its syntax tree and where each imported name comes from."""

    name: str
    tree: ast.Module
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)


@cache
def parse_module(name: str) -> Module:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise LookupError(f"no source for module {name}")
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    module = Module(name, tree)
    for node in ast.walk(tree):  # also the imports under ``if TYPE_CHECKING:``
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                module.imports[alias.asname or alias.name] = (node.module, alias.name)
    return module


def module_name(path: Path) -> str:
    relative = path.relative_to(SDK_ROOT.parent).with_suffix("")
    return ".".join(relative.parts)


@cache
def object_name_of(module: str, name: str) -> str | None:
    """``OBJECT_NAME`` of class ``name`` in ``module``, or None if it is not a Stripe object."""
    try:
        cls = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None
    value = getattr(cls, "OBJECT_NAME", None)
    return value if isinstance(value, str) else None


def resolve_name(module: Module, name: str) -> str | None:
    """The Stripe object a class name means in ``module`` (through its imports or its own
    top-level classes)."""
    if name in module.imports:
        return object_name_of(*module.imports[name])
    if any(isinstance(n, ast.ClassDef) and n.name == name for n in module.tree.body):
        return object_name_of(module.name, name)
    return None


def _annotation(node: ast.expr) -> ast.expr:
    """An annotation with string forward references parsed (``"TaxId"`` -> ``TaxId``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _annotation(ast.parse(node.value, mode="eval").body)
    return node


def _is_subscript_of(node: ast.AST, wrapper: str) -> bool:
    return (
        isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Name)
        and node.value.id == wrapper
    )


def _walk(node: ast.expr) -> Iterator[ast.AST]:
    """Every node of an annotation, string forward references parsed, ``Literal[...]`` values
    left as they are."""
    node = _annotation(node)
    yield node
    if _is_subscript_of(node, "Literal"):
        return
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.expr):
            yield from _walk(child)


def _names(node: ast.expr) -> Iterator[str]:
    """Every class name an annotation mentions, string forward references included."""
    for sub in _walk(node):
        if isinstance(sub, ast.Name):
            yield sub.id


def _subscripts(node: ast.expr, wrapper: str) -> Iterator[ast.expr]:
    """The arguments of every ``wrapper[...]`` inside an annotation."""
    for sub in _walk(node):
        if isinstance(sub, ast.Subscript) and _is_subscript_of(sub, wrapper):
            yield sub.slice


#: Containers that carry an ``OBJECT_NAME`` but are no resource: a field holding a list is
#: described by ``list_of``.
CONTAINERS = frozenset({"list", "search_result"})


def objects_in(module: Module, node: ast.expr) -> list[str]:
    found = {resolve_name(module, name) for name in _names(node)}
    return sorted(o for o in found if o is not None and o not in CONTAINERS)


def field_facts(module: Module, annotation: ast.expr) -> dict[str, Any]:
    facts: dict[str, Any] = {"type": ast.unparse(_annotation(annotation))}
    expandable = {
        o for s in _subscripts(annotation, "ExpandableField") for o in objects_in(module, s)
    }
    list_of = {o for s in _subscripts(annotation, "ListObject") for o in objects_in(module, s)}
    others = set(objects_in(module, annotation)) - expandable - list_of
    for key, values in (("expandable", expandable), ("list_of", list_of), ("objects", others)):
        if values:
            facts[key] = sorted(values)
    return facts


def literal_values(annotation: ast.expr) -> list[str]:
    """The strings of every ``Literal[...]`` in an annotation."""
    literals = (s for s in _walk(annotation) if _is_subscript_of(s, "Literal"))
    return sorted(
        {
            value.value
            for literal in literals
            for value in ast.walk(literal)
            if isinstance(value, ast.Constant) and isinstance(value.value, str)
        }
    )


def params_of(module: Module, name: str | None) -> dict[str, dict[str, Any]]:
    """The fields of params TypedDict ``name``: whether each is required, and the values its
    ``Literal`` type names, if any."""
    if name is None or name not in module.imports:
        return {}
    params_module = parse_module(module.imports[name][0])
    for node in params_module.tree.body:
        if isinstance(node, ast.ClassDef) and node.name == module.imports[name][1]:
            out: dict[str, dict[str, Any]] = {}
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    if item.target.id in PAGINATION_PARAMS:
                        continue
                    annotation = _annotation(item.annotation)
                    facts: dict[str, Any] = {
                        "required": not _is_subscript_of(annotation, "NotRequired")
                    }
                    values = literal_values(annotation)
                    if values:
                        facts["values"] = values
                    out[item.target.id] = facts
            return dict(sorted(out.items()))
    raise LookupError(f"params class {name} not found in {params_module.name}")


def _path_template(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return node.func.value.value
    return None


def _params_class(function: ast.FunctionDef) -> str | None:
    args = function.args
    for arg in [*args.args, *args.kwonlyargs, *([args.kwarg] if args.kwarg else [])]:
        if arg.arg == "params" and arg.annotation is not None:
            names = [n for n in _names(arg.annotation) if n.endswith("Params")]
            return names[0] if names else None
    return None


def module_requests(module: Module) -> Iterator[Request]:
    for cls in module.tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        for function in cls.body:
            # The *_async twin of every method makes the same request.
            if not isinstance(function, ast.FunctionDef) or function.returns is None:
                continue
            for call in ast.walk(function):
                if not (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr in ("_request", "_static_request")
                    and len(call.args) >= 2
                    and isinstance(call.args[0], ast.Constant)
                ):
                    continue
                path = _path_template(call.args[1])
                if path is None or not path.startswith("/v1/"):
                    continue
                lists = list(_subscripts(function.returns, "ListObject"))
                returned = lists[0] if lists else function.returns
                yield Request(
                    method=str(call.args[0].value),
                    path=path,
                    service=f"{module.name}.{cls.name}.{function.name}",
                    returns=tuple(objects_in(module, returned)),
                    is_list=bool(lists),
                    params=params_of(module, _params_class(function)),
                )


def class_fields(module: Module, class_name: str) -> dict[str, Any]:
    for node in module.tree.body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            return {
                item.target.id: field_facts(module, item.annotation)
                for item in sorted(
                    (
                        i
                        for i in node.body
                        if isinstance(i, ast.AnnAssign) and isinstance(i.target, ast.Name)
                    ),
                    key=lambda i: i.target.id if isinstance(i.target, ast.Name) else "",
                )
                if isinstance(item.target, ast.Name) and item.target.id != "OBJECT_NAME"
            }
    raise LookupError(f"class {class_name} not found in {module.name}")


def object_classes() -> dict[str, tuple[type[Any], list[str]]]:
    """Each Stripe object name with its class and the other names ``OBJECT_CLASSES`` gives it
    (``file_upload`` is an old name of ``file``)."""
    classes: dict[str, tuple[type[Any], list[str]]] = {}
    for name, value in sorted(OBJECT_CLASSES.items()):
        cls: Any = value
        if isinstance(value, tuple):
            cls = getattr(importlib.import_module(value[0]), value[1])
        own = getattr(cls, "OBJECT_NAME", name)
        entry = classes.setdefault(own, (cls, []))
        if name != own:
            entry[1].append(name)
    return classes


def sdk_modules() -> Iterator[str]:
    """Every module of the SDK's v1 API that may make requests: services and resource classes."""
    for path in sorted(SDK_ROOT.rglob("_*.py")):
        parts = path.relative_to(SDK_ROOT).parts
        if parts[0] not in ("v2", "params", "events") and path.name != "__init__.py":
            yield module_name(path)


def merge_endpoints(gets: list[Request]) -> list[dict[str, Any]]:
    """One entry per GET path: a service method and a resource class method often make the same
    request (``CustomerTaxIdService.list``, ``Customer.list_tax_ids``)."""
    merged: dict[str, dict[str, Any]] = {}
    for r in gets:
        entry = merged.setdefault(
            r.path,
            {"path": r.path, "list": False, "returns": set(), "params": {}, "defined_by": []},
        )
        entry["list"] = entry["list"] or r.is_list
        entry["returns"].update(r.returns)
        entry["defined_by"].append(r.service)
        for name, facts in r.params.items():
            known = entry["params"].setdefault(name, {"required": False})
            known["required"] = known["required"] or facts["required"]
            values = sorted({*known.get("values", ()), *facts.get("values", ())})
            if values:
                known["values"] = values
    return [
        {
            **entry,
            "returns": sorted(entry["returns"]),
            "params": dict(sorted(entry["params"].items())),
            "defined_by": sorted(entry["defined_by"]),
        }
        for _, entry in sorted(merged.items())
        if entry["returns"]
    ]


def webhook_events() -> list[str]:
    """The event types a webhook endpoint may subscribe to (``enabled_events``, ``*`` aside)."""
    module = parse_module("stripe.params._webhook_endpoint_create_params")
    for node in ast.walk(module.tree):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == "enabled_events"
        ):
            return sorted(set(literal_values(node.annotation)) - {"*"})
    raise LookupError("WebhookEndpointCreateParams.enabled_events not found")


def extract() -> dict[str, Any]:
    requests = [r for name in sdk_modules() for r in module_requests(parse_module(name))]
    gets = [r for r in requests if r.method == "get"]
    listed = {o for r in gets if r.is_list for o in r.returns}
    deletes: dict[str, set[str]] = {}
    for r in requests:
        if r.method == "delete":
            for o in r.returns:
                deletes.setdefault(o, set()).add(r.path)

    objects: dict[str, Any] = {}
    for name, (cls, aliases) in object_classes().items():
        listable = isinstance(cls, type) and issubclass(cls, ListableAPIResource)
        if not listable and name not in listed:
            continue
        module = parse_module(cls.__module__)
        facts: dict[str, Any] = {
            "class": f"{cls.__module__}.{cls.__qualname__}",
            "listable_api_resource": listable,
            "fields": class_fields(module, cls.__name__),
        }
        if listable:
            facts["class_url"] = cls.class_url()
        if aliases:
            facts["aliases"] = sorted(aliases)
        if name in deletes:
            facts["delete_paths"] = sorted(deletes[name])
        objects[name] = facts
    endpoints = merge_endpoints(gets)
    return {
        "source": {
            "package": "stripe",
            "version": stripe.VERSION,
            "api_version": _ApiVersion.CURRENT,
            "extracted_by": "scripts/extract_sdk_resources.py",
        },
        "endpoints": endpoints,
        "objects": objects,
        "webhook_events": webhook_events(),
    }


def render(data: Mapping[str, Any]) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="file to write")
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(extract()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
