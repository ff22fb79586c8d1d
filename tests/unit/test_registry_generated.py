"""The generated registry (``src/stripe_sync/registry.json``, ``scripts/gen_registry.py``).

It is current with its vendored sources, names every resource Stripe's SDK can list (a row, or
an exclusion with its reason), agrees with the rows ``stripe_sync.resources`` had when they were
written by hand (``tests/fixtures/registry_handwritten.json``), is what ``resources`` serves,
and hangs together (unique tables and id prefixes, references and parents that exist).
"""

from __future__ import annotations

import copy
import dataclasses
import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from stripe_sync.resources import REGISTRY, Resource

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "gen_registry.py"
REGISTRY_JSON = REPO / "src" / "stripe_sync" / "registry.json"
SDK_JSON = REPO / "vendor" / "stripe-sdk" / "resources.json"
HANDWRITTEN_JSON = REPO / "tests" / "fixtures" / "registry_handwritten.json"

#: Where the generated row of a mirrored object differs from the hand-written one, and why the
#: generated one is right.
KNOWN_DISAGREEMENTS: Mapping[tuple[str, str], str] = {
    ("tax_id", "event_types"): (
        "tax_id.created/updated/deleted are no webhook event types of API 2026-10-28 (the SDK's "
        "enabled_events has only customer.tax_id.*): Stripe would refuse an endpoint asking "
        "for them"
    ),
    ("invoice", "event_types"): (
        "invoice.payment_attempt_required is a webhook event of API 2026-10-28 carrying an "
        "invoice, which the hand-written row lacks"
    ),
    **{
        (name, "created_filter"): (
            "API 2026-10-28 (the SDK) accepts created[...] on this list; the 2023 spec the "
            "hand-written row followed did not"
        )
        for name in ("early_fraud_warning", "credit_note", "checkout_session")
    },
    ("transfer", "nested_lists"): (
        "transfer reversals have a table now (0020), so the truncated `reversals` are paged"
    ),
    ("quote", "nested_lists"): "quote line items have a table now (0020), so they are paged",
}
#: Mirrored rows whose ids are free-form, so that no prefix routes them (sync them by name).
FREE_FORM_IDS = frozenset({"coupon"})
#: Rows whose id prefix neither the sources nor Stripe's reference tell for sure (their examples
#: have placeholder ids, obj_123, or none); sync_single_entity takes them by name (--object).
#: Credit balance transactions share cbtxn_ with customer balance transactions.
UNKNOWN_ID_PREFIXES = frozenset(
    {
        "apps_install",
        "billing_credit_balance_transaction",
        "billing_feedback_option",
        "payment_attempt_record",
        "payment_record",
        "product_catalog_trial_offer",
        "product_feature",
        "tax_location",
        "three_d_secure_authentication",
    }
)
#: Postgres identifiers hold 63 bytes; storage tables are the table's name prefixed with _raw_.
MAX_TABLE = 63 - len("_raw_")


@cache
def gen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_registry", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_registry"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@cache
def registry() -> dict[str, Any]:
    return json.loads(REGISTRY_JSON.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def sdk() -> dict[str, Any]:
    return json.loads(SDK_JSON.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def rows() -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in registry()["resources"]}


def listable(sdk_data: Mapping[str, Any]) -> set[str]:
    """Every object one of the SDK's GET list endpoints returns."""
    return {o for e in sdk_data["endpoints"] if e["list"] for o in e["returns"]}


def uncovered(sdk_data: Mapping[str, Any], registry_data: Mapping[str, Any]) -> set[str]:
    """Listable objects with neither a registry row nor an exclusion that gives a reason."""
    in_rows = {o for r in registry_data["resources"] for o in (r["object"], *r["event_objects"])}
    excused = {x["object"] for x in registry_data["excluded"] if x["reason"].strip()}
    return listable(sdk_data) - in_rows - excused


# -- regenerating changes nothing -------------------------------------------------------------


def test_regenerating_from_the_vendored_sources_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "registry.json"
    assert gen().main(["--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == REGISTRY_JSON.read_text(encoding="utf-8"), (
        "run: python scripts/gen_registry.py"
    )


def test_check_mode_flags_a_stale_file_and_accepts_a_current_one(tmp_path: Path) -> None:
    out = tmp_path / "registry.json"
    out.write_text("{}\n", encoding="utf-8")
    assert gen().main(["--check", "--output", str(out)]) == 1
    assert gen().main(["--output", str(out)]) == 0
    assert gen().main(["--check", "--output", str(out)]) == 0


def test_the_sdk_extract_is_sorted_and_names_its_sdk_and_api_version() -> None:
    text = SDK_JSON.read_text(encoding="utf-8")
    data = json.loads(text)
    assert json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n" == text
    assert data["source"]["package"] == "stripe"
    assert data["source"]["version"]
    assert data["source"]["api_version"]
    assert registry()["sources"]["sdk"] == data["source"]
    assert "MIT" in (SDK_JSON.parent / "README.md").read_text(encoding="utf-8")


# -- every listable resource has a table or a reason --------------------------------------------


def test_every_resource_the_sdk_lists_is_a_row_or_excluded_with_a_reason() -> None:
    assert not uncovered(sdk(), registry())
    # About 85 data resources by the count: far more than today's 32 rows.
    assert len(listable(sdk())) > 100
    assert len(registry()["resources"]) > 90


@pytest.mark.parametrize(
    "obj", ["issuing.card", "customer_balance_transaction", "subscription_item"]
)
def test_a_resource_without_a_row_is_reported(obj: str) -> None:
    data = copy.deepcopy(registry())
    data["resources"] = [
        r for r in data["resources"] if obj not in (r["object"], *r["event_objects"])
    ]
    assert uncovered(sdk(), data) == {obj}


def test_an_exclusion_without_a_reason_is_reported() -> None:
    data = copy.deepcopy(registry())
    for x in data["excluded"]:
        if x["object"] == "country_spec":
            x["reason"] = " "
    assert uncovered(sdk(), data) == {"country_spec"}


def test_excluded_resources_have_no_row_and_a_reason() -> None:
    objects = {r["object"] for r in registry()["resources"]}
    for x in registry()["excluded"]:
        assert x["object"] not in objects
        assert len(x["reason"]) > 20, x


# -- today's rows, generated ----------------------------------------------------------------------


def as_registry_row(resource: Resource) -> dict[str, Any]:
    """A :class:`Resource` in the shape of a ``registry.json`` row, lists without an order
    sorted (as in ``registry_handwritten.json``)."""
    per_parent = resource.list_per_parent
    parent_list = None
    if per_parent is not None:
        parent_list = {
            "parent": per_parent.parent,
            "path": per_parent.path,
            "params": dict(per_parent.params),
        }
    return {
        "name": resource.name,
        "object": resource.object,
        "table": resource.table,
        "id_prefixes": sorted(resource.id_prefixes),
        "retrieve_path": resource.retrieve_path,
        "list_path": resource.list_path,
        "list_params": dict(resource.list_params),
        "created_filter": resource.created_filter,
        "list_per_parent": parent_list,
        "nested_lists": [
            {
                "field": n.field,
                "child": n.child,
                "path": n.path,
                "params": dict(n.params),
                "expand": n.expand,
            }
            for n in sorted(resource.nested_lists, key=lambda n: (n.field, n.child))
        ],
        "references": [{"field": r.field, "resource": r.resource} for r in resource.references],
        "event_types": sorted(resource.event_types),
        "event_objects": sorted(resource.event_objects),
        "delete": resource.delete.value,
        "parent": resource.parent,
        "spec_schema": resource.spec_schema,
        "extra_timestamps": sorted(resource.extra_timestamps),
    }


def mirrored_row(name: str) -> dict[str, Any]:
    """The generated row ``name`` as a mirrored table uses it: it pages only the nested lists
    into tables that exist."""
    mirrored = {n for n, r in rows().items() if r["status"] == "mirrored"}
    row = dict(rows()[name])
    row["id_prefixes"] = sorted(row["id_prefixes"])
    row["nested_lists"] = [n for n in row["nested_lists"] if n["child"] in mirrored]
    return row


@cache
def handwritten() -> dict[str, dict[str, Any]]:
    data = json.loads(HANDWRITTEN_JSON.read_text(encoding="utf-8"))
    return {r["name"]: r for r in data["resources"]}


def test_the_mirrored_rows_are_the_handwritten_rows_in_registry_order() -> None:
    mirrored = [r["name"] for r in registry()["resources"] if r["table_migration"] == "0002"]
    assert mirrored == list(handwritten())
    assert [r["status"] for r in registry()["resources"][: len(mirrored)]] == ["mirrored"] * len(
        mirrored
    )


@pytest.mark.parametrize("name", list(handwritten()))
def test_the_generated_row_agrees_with_the_handwritten_one(name: str) -> None:
    generated = mirrored_row(name)
    for key, expected in handwritten()[name].items():
        if (name, key) in KNOWN_DISAGREEMENTS:
            assert generated[key] != expected, f"agrees now: drop {(name, key)}"
        else:
            assert generated[key] == expected, key


@pytest.mark.parametrize("resource", REGISTRY.values(), ids=lambda r: r.name)
def test_resources_serves_the_mirrored_rows(resource: Resource) -> None:
    served = as_registry_row(resource)
    assert served == {k: v for k, v in mirrored_row(resource.name).items() if k in served}
    assert list(REGISTRY)[: len(handwritten())] == list(handwritten())
    assert len(REGISTRY) == len(registry()["resources"])


# -- the registry hangs together ------------------------------------------------------------------


def test_table_names_are_unique_and_fit_postgres_identifiers() -> None:
    tables = Counter(r["table"] for r in registry()["resources"])
    assert not [t for t, n in tables.items() if n > 1]
    for table in tables:
        assert table.isidentifier()
        assert not table.startswith("_")
        assert len(table) <= MAX_TABLE, table


def test_id_prefixes_are_unique_among_rows_retrievable_by_id() -> None:
    owners: dict[str, list[str]] = {}
    for r in registry()["resources"]:
        if r["retrieve_path"] and r["retrieve_path"].count("{") == 1:
            for prefix in r["id_prefixes"]:
                owners.setdefault(prefix, []).append(r["name"])
    assert {p: names for p, names in owners.items() if len(names) > 1} == {}


def test_every_mirrored_row_retrievable_by_id_has_an_id_prefix_or_free_form_ids() -> None:
    for r in registry()["resources"]:
        if r["status"] == "mirrored" and r["retrieve_path"]:
            unknown = FREE_FORM_IDS | UNKNOWN_ID_PREFIXES
            assert bool(r["id_prefixes"]) != (r["name"] in unknown), r["name"]


def test_references_parents_and_nested_lists_point_at_rows() -> None:
    names = set(rows())
    for r in registry()["resources"]:
        for ref in r["references"] + r["other_references"]:
            assert ref["resource"] in names, (r["name"], ref)
        assert r["parent"] is None or r["parent"] in names, r["name"]
        if r["list_per_parent"] is not None:
            assert r["list_per_parent"]["parent"] in names, r["name"]
        for nested in r["nested_lists"]:
            assert nested["child"] in names, (r["name"], nested)


def test_every_row_can_be_listed() -> None:
    children = {n["child"] for r in registry()["resources"] for n in r["nested_lists"]}
    for r in registry()["resources"]:
        assert r["list_path"] or r["list_per_parent"] or r["name"] in children, r["name"]


def test_event_types_are_webhook_events_of_the_sdk_and_belong_to_one_row() -> None:
    known = set(sdk()["webhook_events"])
    owners = Counter(e for r in registry()["resources"] for e in r["event_types"])
    assert not [e for e, n in owners.items() if n > 1]
    assert set(owners) <= known
    assert set(owners).isdisjoint(registry()["unrouted_events"])


# -- the overrides are data with reasons ----------------------------------------------------------


def build_with(**overrides: Any) -> dict[str, Any]:
    sources = gen().load_sources()
    merged = {**copy.deepcopy(dict(sources.overrides)), **overrides}
    return gen().build(dataclasses.replace(sources, overrides=merged))  # type: ignore[no-any-return]


def test_an_override_without_a_reason_is_refused() -> None:
    resource = copy.deepcopy(dict(gen().load_sources().overrides["resource"]))
    resource["plan"] = {"id_prefixes": ["plan_"]}
    with pytest.raises(gen().RegistryError, match="why"):
        build_with(resource=resource)


def test_an_exclusion_of_something_the_sdk_cannot_list_is_refused() -> None:
    excluded = {**gen().load_sources().overrides["excluded"], "balance": "not listable anyway"}
    with pytest.raises(gen().RegistryError, match="not a listable resource"):
        build_with(excluded=excluded)


def test_an_indexed_reference_must_be_a_reference_the_sources_know() -> None:
    resource = copy.deepcopy(dict(gen().load_sources().overrides["resource"]))
    resource["product"] = {"why": "test", "references": ["no_such_field"]}
    with pytest.raises(gen().RegistryError, match="no references"):
        build_with(resource=resource)
