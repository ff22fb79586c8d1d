"""scripts/gen_schema.py: the committed DDL is current, the type mapping, and registry vs spec."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from stripe_sync.resources import REGISTRY, Reference, Resource

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "gen_schema.py"
OPENAPI = REPO / "vendor" / "stripe-openapi"

#: Endpoints newer than the 2023-08-16 spec (they follow Stripe's current API reference).
NEWER_PATH_PREFIXES = ("/v1/entitlements/", "/v1/tax_ids")

#: Webhook event types newer than the 2023-08-16 spec's ``enabled_events`` enum.
NEWER_EVENTS = frozenset(
    {
        # Refunds that fail after succeeding got their own event in 2024.
        "refund.failed",
        # Invoice due-date reminders (2024), overpayment (2025), a payment attempt required.
        "invoice.overdue",
        "invoice.will_be_due",
        "invoice.overpaid",
        "invoice.payment_attempt_required",
        # Entitlements (2024): the summary of one customer's active entitlements.
        "entitlements.active_entitlement_summary.updated",
    }
)


@cache
def gen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_schema", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_schema"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@cache
def sdk() -> dict[str, Any]:
    path = REPO / "vendor" / "stripe-sdk" / "resources.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def first_rows() -> list[Resource]:
    """The first tables (registry.json's table_migration 0002, the migration that made them
    before the squash): checked against the 2023 spec, which has them."""
    return gen().rows_of("0002")  # type: ignore[no-any-return]


def later_rows() -> list[Resource]:
    """The later tables (table_migration 0020): newer than the spec, checked against the SDK."""
    return gen().rows_of("0020")  # type: ignore[no-any-return]


#: Lists whose ``created`` filter the 2023 spec lacks and API 2026-10-28 (the SDK) has.
NEWER_CREATED_FILTERS = frozenset({"early_fraud_warning", "credit_note", "checkout_session"})


@cache
def openapi() -> dict[str, Any]:
    return json.loads((OPENAPI / "spec3.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def examples() -> dict[str, Any]:
    fixtures = json.loads((OPENAPI / "fixtures3.json").read_text(encoding="utf-8"))
    return fixtures["resources"]  # type: ignore[no-any-return]


def schema_of(resource: Resource) -> Mapping[str, Any]:
    return openapi()["components"]["schemas"].get(gen().spec_key(resource), {})  # type: ignore[no-any-return]


def object_fields(resource: Resource) -> set[str]:
    sdk_fields = sdk()["objects"].get(resource.object, {}).get("fields", {})
    return (
        set(schema_of(resource).get("properties", {}))
        | set(examples().get(gen().spec_key(resource), {}))
        | set(sdk_fields)
    )


def norm(path: str) -> str:
    """A path with every ``{placeholder}`` made anonymous (the spec names them differently)."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def spec_paths() -> set[str]:
    return {norm(p) for p in openapi()["paths"]}


def is_newer(path: str) -> bool:
    return path.startswith(NEWER_PATH_PREFIXES)


def list_parameters(path: str) -> set[str]:
    get = openapi()["paths"][path]["get"]
    return {p["name"] for p in get.get("parameters", [])}


def webhook_event_enum() -> set[str]:
    post = openapi()["paths"]["/v1/webhook_endpoints"]["post"]
    form = post["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    return set(form["properties"]["enabled_events"]["items"]["enum"])


def fake_resource(**overrides: Any) -> Resource:
    fields: dict[str, Any] = {
        "name": "widget",
        "object": "widget",
        "table": "widgets",
        "id_prefixes": ("wd_",),
        "retrieve_path": None,
    }
    fields.update(overrides)
    return Resource(**fields)


# -- the committed migration ------------------------------------------------------------------


def baseline() -> str:
    return gen().DEFAULT_OUTPUT.read_text(encoding="utf-8")  # type: ignore[no-any-return]


def generated_block() -> str:
    return gen().generate(  # type: ignore[no-any-return]
        openapi(), {"resources": examples()}, first_rows(), later_rows(), sdk()
    )


def test_committed_baseline_block_is_current() -> None:
    assert gen().splice(baseline(), generated_block()) == baseline(), (
        "run: python scripts/gen_schema.py"
    )


def test_check_mode_flags_a_stale_block_and_accepts_a_current_one(tmp_path: Path) -> None:
    out = tmp_path / "0001_baseline.sql"
    stale = baseline().replace('CREATE TABLE "products" (', 'CREATE TABLE "products_old" (')
    out.write_text(stale, encoding="utf-8")
    assert gen().main(["--check", "--output", str(out)]) == 1
    assert gen().main(["--output", str(out)]) == 0
    assert gen().main(["--check", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == baseline()


def test_a_baseline_without_the_markers_is_refused() -> None:
    with pytest.raises(ValueError, match="BEGIN GENERATED"):
        gen().splice("CREATE TABLE x ();\n", generated_block())


def test_one_table_per_registry_row_in_registry_order() -> None:
    block = generated_block()
    first = re.findall(r'^CREATE TABLE "([^"_][^"]*)"', block, re.MULTILINE)
    later = re.findall(r'^CREATE TABLE "_raw_([^"]+)"', block, re.MULTILINE)
    assert first == [r.table for r in first_rows()]
    assert later == [r.table for r in later_rows()]
    assert first + later == [r.table for r in REGISTRY.values()]
    assert len(later) > 60
    # The first tables are renamed to their storage name, keeping their constraints' names.
    renamed = re.findall(r'^ALTER TABLE "([^"]+)" RENAME TO "_raw_\1";', block, re.MULTILINE)
    assert renamed == first


def test_writers_are_made_first_tables_by_name_then_later_ones_in_registry_order() -> None:
    writers = re.findall(r"""^SELECT "_create_writers"\('([^']+)'""", generated_block(), re.M)
    assert writers == sorted(r.table for r in first_rows()) + [r.table for r in later_rows()]


def test_no_schema_and_no_placeholder_characters_outside_string_literals() -> None:
    text = generated_block()
    code = "\n".join(line for line in text.splitlines() if not line.startswith("--"))
    code = re.sub(r"'(?:[^']|'')*'", "''", code)
    # The lz4 block formats table names with format('... %I ...'), inside a string literal.
    assert not set(code) & set("%{}")
    assert "stripe." not in code
    assert "search_path" not in code


# -- pure mapping -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prop", "kind"),
    [
        ({"type": "string", "maxLength": 5000}, "TEXT"),
        ({"type": "string", "enum": ["a", "b"]}, "TEXT"),
        ({"type": "string", "format": "decimal"}, "DECIMAL"),
        ({"type": "integer"}, "BIGINT"),
        ({"type": "integer", "format": "unix-time"}, "TIMESTAMP"),
        ({"type": "number"}, "NUMERIC"),
        ({"type": "boolean"}, "BOOLEAN"),
        ({"type": "object", "additionalProperties": {"type": "string"}}, "JSONB"),
        ({"type": "array", "items": {"type": "string"}}, "JSONB"),
        ({"$ref": "#/components/schemas/address"}, "JSONB"),
        ({"anyOf": [{"$ref": "#/components/schemas/address"}], "nullable": True}, "JSONB"),
        ({"anyOf": [{"type": "string"}, {"type": "object"}]}, "JSONB"),
        (
            {
                "anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/customer"}],
                "x-expansionResources": {"oneOf": [{"$ref": "#/components/schemas/customer"}]},
            },
            "REFERENCE",
        ),
        ({}, "JSONB"),
    ],
)
def test_property_kind(prop: dict[str, Any], kind: str) -> None:
    assert gen().property_kind(prop) is gen().Kind[kind]


@pytest.mark.parametrize(
    ("name", "value", "kind"),
    [
        ("paid", True, "BOOLEAN"),
        ("amount", 12, "BIGINT"),
        ("finalized_at", 1700000000, "TIMESTAMP"),
        ("finalized_at", None, "TIMESTAMP"),
        ("rate", 1.25, "NUMERIC"),
        ("status", "open", "TEXT"),
        ("quantity_decimal", "1.5", "DECIMAL"),
        ("parent", {"type": "x"}, "JSONB"),
        ("taxes", [], "JSONB"),
        ("mystery", None, "JSONB"),
    ],
)
def test_value_kind(name: str, value: Any, kind: str) -> None:
    assert gen().value_kind(name, value) is gen().Kind[kind]


def test_infer_kind_prefers_the_spec_elsewhere_when_the_example_agrees() -> None:
    kind = gen().Kind
    assert gen().infer_kind("current_period_end", [5], kind.TIMESTAMP) is kind.TIMESTAMP
    assert gen().infer_kind("meter", [None, "mtr_1"], None) is kind.TEXT
    assert gen().infer_kind("customer", [None], kind.REFERENCE) is kind.REFERENCE


def test_infer_kind_trusts_the_example_when_the_spec_elsewhere_disagrees() -> None:
    kind = gen().Kind
    assert gen().infer_kind("owner", [{"type": "self"}], kind.BOOLEAN) is kind.JSONB
    assert gen().infer_kind("flat_amount", [{"amount": 1}], kind.BIGINT) is kind.JSONB
    assert gen().infer_kind("count", [True], kind.BIGINT) is kind.BOOLEAN


@pytest.mark.parametrize("kind", ["BOOLEAN", "NUMERIC", "BIGINT", "TIMESTAMP", "DECIMAL"])
def test_every_cast_is_guarded_by_jsonb_typeof(kind: str) -> None:
    expr = gen().column_expression("amount", gen().Kind[kind])
    assert expr.startswith("CASE jsonb_typeof(\"_raw_data\"->'amount') WHEN ")
    assert "::" in expr


def test_bigint_and_timestamp_casts_are_range_checked() -> None:
    bigint = gen().column_expression("amount", gen().Kind.BIGINT)
    assert "BETWEEN -9223372036854775808 AND 9223372036854775807" in bigint
    assert "trunc(" in bigint
    stamp = gen().column_expression("created", gen().Kind.TIMESTAMP)
    assert "to_timestamp(" in stamp
    assert "BETWEEN" in stamp


def test_decimal_strings_are_matched_before_the_cast() -> None:
    expr = gen().column_expression("unit_amount_decimal", gen().Kind.DECIMAL)
    regex = re.search(r"~ '([^']*)'", expr)
    assert regex is not None
    pattern = re.compile(regex.group(1))
    assert pattern.match("-12.50")
    assert not pattern.match("1e5")
    assert not pattern.match("12.")
    assert "length(" in expr


def test_reference_never_yields_the_json_text_of_an_expanded_object() -> None:
    expr = gen().column_expression("customer", gen().Kind.REFERENCE)
    # ->> on the property itself happens only in the 'string' branch.
    assert expr.count("\"_raw_data\"->>'customer'") == 1
    assert "WHEN 'string' THEN \"_raw_data\"->>'customer' WHEN 'object'" in expr
    assert "jsonb_typeof(\"_raw_data\"->'customer'->'id') WHEN 'string'" in expr
    assert "COALESCE" not in expr


def test_names_are_quoted_and_escaped() -> None:
    assert gen().quote_ident('we"ird') == '"we""ird"'
    assert gen().quote_literal("it's") == "'it''s'"
    assert "'it''s'" in gen().column_expression("it's", gen().Kind.TEXT)
    with pytest.raises(ValueError, match="identifier"):
        gen().quote_ident("x" * 64)


def test_first_sentence() -> None:
    first = gen().first_sentence
    assert first("ID of the [Customer](https://x/y).\n\nMore.") == "ID of the Customer."
    assert first("Whether shipped (e.g. physical goods). Next.") == (
        "Whether shipped (e.g. physical goods)."
    )
    assert first("No period") == "No period"
    long = first("word " * 100)
    assert len(long) <= 200
    assert long.endswith("...")


# -- one table --------------------------------------------------------------------------------


SCHEMA: dict[str, Any] = {
    "description": "A widget. Long story.",
    "properties": {
        "id": {"type": "string"},
        "object": {"type": "string", "enum": ["widget"]},
        "amount": {"type": "integer", "description": "Amount in cents."},
        "created": {"type": "integer", "format": "unix-time"},
        "customer": {"type": "string"},
        "deleted": {"type": "boolean"},
        "_private": {"type": "string"},
        "gadget": {"type": "string"},
        "shipped": {"type": "integer"},
    },
}
EXAMPLE: dict[str, Any] = {"id": "wd_1", "amount": 1, "brand_new": True, "gadget": "gd_1"}


def kinds_of(resource: Resource) -> dict[str, str]:
    columns = gen().object_columns(resource, SCHEMA, EXAMPLE, {}, {})
    return {c.name: c.kind.name for c in columns}


def test_object_columns_unite_spec_and_example_and_skip_fixed_names() -> None:
    kinds = kinds_of(fake_resource())
    assert list(kinds) == sorted(kinds)
    assert kinds == {
        "amount": "BIGINT",
        "brand_new": "BOOLEAN",
        "created": "TIMESTAMP",
        "customer": "TEXT",
        "gadget": "TEXT",
        "object": "TEXT",
        "shipped": "BIGINT",
    }


def test_registry_references_and_extra_timestamps_override_the_spec() -> None:
    resource = fake_resource(
        references=(Reference("customer", "customer"), Reference("missing", "thing")),
        extra_timestamps=("shipped",),
    )
    kinds = kinds_of(resource)
    assert kinds["customer"] == "REFERENCE"
    assert kinds["missing"] == "REFERENCE"
    assert kinds["shipped"] == "TIMESTAMP"


def test_child_table_has_a_plain_parent_column_and_indexes() -> None:
    resource = fake_resource(
        parent="gadget", references=(Reference("gadget", "gadget"), Reference("customer", "x"))
    )
    ddl = gen().table_ddl(resource, SCHEMA, EXAMPLE, {}, {}, first=True)
    assert '    "gadget" text NOT NULL,\n' in ddl
    assert '"gadget" text GENERATED' not in ddl
    indexes = re.findall(r'CREATE INDEX "([^"]+)" ON "widgets" \("([^"]+)"\);', ddl)
    assert indexes == [
        ("widgets__account_id_idx", "_account_id"),
        ("widgets_gadget_idx", "gadget"),
        ("widgets_customer_idx", "customer"),
        ("widgets_created_idx", "created"),
    ]
    assert 'COMMENT ON VIEW "widgets" IS \'Stripe widget objects, children of gadget' in ddl
    assert 'COMMENT ON COLUMN "_raw_widgets"."gadget" IS \'Id of the parent gadget' in ddl
    assert "'widgets', 'amount', 'bigint', false" in ddl


def test_every_registry_reference_and_created_is_indexed() -> None:
    text = generated_block().replace('ON "_raw_', 'ON "')
    indexes = set(re.findall(r'CREATE INDEX "[^"]+" ON "([^"]+)" \("([^"]+)"\);', text))
    for r in REGISTRY.values():
        wanted = {"_account_id", *(ref.field for ref in r.references)}
        if r.parent:
            wanted.add(r.parent)
        if "created" in object_fields(r):
            wanted.add("created")
        assert {(r.table, c) for c in wanted} <= indexes, r.name


# -- the registry agrees with the spec ---------------------------------------------------------


@pytest.mark.parametrize("resource", REGISTRY.values(), ids=lambda r: r.name)
def test_object_is_described_by_spec_or_fixtures(resource: Resource) -> None:
    key = gen().spec_key(resource)
    described = key in openapi()["components"]["schemas"] or key in examples()
    # Objects newer than both (apps.install, tax.location ...) take the SDK's typed fields.
    assert described or resource.object in sdk()["objects"]
    example = examples().get(key)
    if example is not None:
        assert example.get("object") == resource.object


@pytest.mark.parametrize("resource", later_rows(), ids=lambda r: r.name)
def test_paths_of_later_rows_exist_in_the_sdk(resource: Resource) -> None:
    sdk_paths = {norm(e["path"]) for e in sdk()["endpoints"]}
    paths = [resource.retrieve_path, resource.list_path]
    if resource.list_per_parent:
        paths.append(resource.list_per_parent.path)
    paths += [nested.path for nested in resource.nested_lists]
    for path in paths:
        if path is not None:
            assert norm(path) in sdk_paths, path


@pytest.mark.parametrize("resource", first_rows(), ids=lambda r: r.name)
def test_paths_exist_in_spec(resource: Resource) -> None:
    paths = [resource.retrieve_path, resource.list_path]
    if resource.list_per_parent:
        paths.append(resource.list_per_parent.path)
    paths += [nested.path for nested in resource.nested_lists]
    for path in paths:
        if path is not None and not is_newer(path):
            assert norm(path) in spec_paths(), path


@pytest.mark.parametrize(
    "resource",
    [r for r in first_rows() if r.list_path and not is_newer(r.list_path)],
    ids=lambda r: r.name,
)
def test_created_filter_and_list_params_match_the_list_endpoint(resource: Resource) -> None:
    assert resource.list_path is not None
    accepted = list_parameters(resource.list_path)
    if resource.name in NEWER_CREATED_FILTERS:
        assert "created" not in accepted
        assert resource.created_filter
        accepted.add("created")
    assert resource.created_filter == ("created" in accepted)
    assert {k for k, _ in resource.list_params} <= accepted


@pytest.mark.parametrize("resource", first_rows(), ids=lambda r: r.name)
def test_event_types_are_webhook_events(resource: Resource) -> None:
    unknown = set(resource.event_types) - webhook_event_enum() - NEWER_EVENTS
    # Stripe rejects a webhook endpoint whose enabled_events holds an unknown type.
    assert not unknown, f"not webhook event types (and not in NEWER_EVENTS): {sorted(unknown)}"


def test_newer_events_allow_list_holds_only_events_missing_from_the_spec() -> None:
    assert not NEWER_EVENTS & webhook_event_enum()
    registry_events = {e for r in REGISTRY.values() for e in r.event_types}
    assert NEWER_EVENTS.issubset(registry_events)


@pytest.mark.parametrize(
    "resource", [r for r in REGISTRY.values() if r.references], ids=lambda r: r.name
)
def test_reference_fields_exist_on_the_object(resource: Resource) -> None:
    # The parent of a child row is not a field of it: the write path stores it.
    missing = {ref.field for ref in resource.references} - object_fields(resource)
    missing.discard(resource.parent or "")
    assert not missing, f"{resource.name} has no field(s) {sorted(missing)}"
    for ref in resource.references:
        assert ref.resource in REGISTRY


@pytest.mark.parametrize("resource", REGISTRY.values(), ids=lambda r: r.name)
def test_extra_timestamps_exist_on_the_object(resource: Resource) -> None:
    assert set(resource.extra_timestamps) <= object_fields(resource)
