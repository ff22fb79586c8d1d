"""Generate the object tables of the baseline migration (``0001_baseline.sql``) from the
resource registry: the block between its ``BEGIN GENERATED`` and ``END GENERATED`` lines.

Usage (from the repository root)::

    python scripts/gen_schema.py           # rewrite the block
    python scripts/gen_schema.py --check   # exit 1 if it is out of date

Inputs: the registry (``stripe_sync.resources``), Stripe's OpenAPI description
(``vendor/stripe-openapi/spec3.json``, API 2023-08-16), newer example objects
(``vendor/stripe-openapi/fixtures3.json``) and the SDK's typed fields
(``vendor/stripe-sdk/resources.json``). Every registry row becomes a storage table
``_raw_<table>`` that stores ``_raw_data``, the bookkeeping columns and the indexed typed columns
(``GENERATED ALWAYS AS (...) STORED``), plus one ``_typed_columns`` row per top-level property of
the object (the spec schema's properties united with the example's keys, in sorted order), from
which ``_create_typed_view`` makes the view ``<table>`` that computes the others when read.

Typed values must never make a write or a read fail, whatever Stripe sends (fields change type
across API versions), so every cast is guarded by ``jsonb_typeof`` and, where a cast can overflow,
by a range check; a value of an unexpected type yields NULL (it is still in ``_raw_data``).
The block uses unqualified names: the migration runner sets ``search_path`` to the sync schema.
It contains no ``%``, ``{`` or ``}`` outside comment strings, so it survives any placeholder
formatting a runner might apply.
"""

from __future__ import annotations

import argparse
import difflib
import enum
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from stripe_sync.resources import REGISTRY, Resource  # noqa: E402

DEFAULT_SPEC = REPO / "vendor" / "stripe-openapi" / "spec3.json"
DEFAULT_FIXTURES = REPO / "vendor" / "stripe-openapi" / "fixtures3.json"
#: The SDK's typed fields, for objects newer than both the spec and the examples.
DEFAULT_SDK = REPO / "vendor" / "stripe-sdk" / "resources.json"
MIGRATIONS = REPO / "src" / "stripe_sync" / "sql" / "migrations"
DEFAULT_OUTPUT = MIGRATIONS / "0001_baseline.sql"
BEGIN_MARK = "-- BEGIN GENERATED: the object tables"
END_MARK = "-- END GENERATED: the object tables"
REGISTRY_JSON = REPO / "src" / "stripe_sync" / "registry.json"
#: Storage tables are the view's name with this prefix (see 0015_typed_columns.sql).
STORAGE_PREFIX = "_raw_"
COMMAND = "python scripts/gen_schema.py"

#: Columns every object table has, written by the write path (not generated).
FIXED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "text PRIMARY KEY"),
    ("_raw_data", "jsonb NOT NULL"),
    ("_account_id", "text NOT NULL"),
    ("_last_synced_at", "timestamptz NOT NULL DEFAULT now()"),
    ("_updated_at", "timestamptz NOT NULL DEFAULT now()"),
    ("deleted", "boolean NOT NULL DEFAULT false"),
    ("deleted_at", "timestamptz"),
    # The stale-write guard (sql/migrations/0003_write_path.sql): the time the stored state is
    # known to reflect (an event's `created`, or when a fetch began) and which of the two it was.
    ("_version", "timestamptz"),
    ("_version_source", "text CHECK (\"_version_source\" IN ('event', 'fetch'))"),
)
_FIXED_NAMES = frozenset(name for name, _ in FIXED_COLUMNS)

#: Range accepted for Unix timestamps: 0001-01-01 .. 9999-12-31 (to_timestamp fails far outside).
_MIN_UNIX = -62135596800
_MAX_UNIX = 253402300799
_MIN_BIGINT = -(2**63)
_MAX_BIGINT = 2**63 - 1
#: Longest decimal string cast to numeric (numeric rejects absurdly long inputs).
_MAX_DECIMAL_CHARS = 100
_COMMENT_CHARS = 200
_MAX_IDENTIFIER = 63


class Kind(enum.Enum):
    """How a property is stored: the column type and the guarded expression that extracts it."""

    TEXT = "text"
    BIGINT = "bigint"
    TIMESTAMP = "timestamptz"
    BOOLEAN = "boolean"
    NUMERIC = "numeric"
    #: A string holding a decimal number (``unit_amount_decimal``).
    DECIMAL = "decimal"
    #: An id of another object, or that object expanded inline: the id as text.
    REFERENCE = "reference"
    JSONB = "jsonb"

    @property
    def sql_type(self) -> str:
        return {Kind.DECIMAL: "numeric", Kind.REFERENCE: "text"}.get(self, self.value)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: Kind
    #: First sentence of the spec's description (or a note for fields newer than the spec).
    comment: str


def quote_ident(name: str) -> str:
    if not name or len(name) > _MAX_IDENTIFIER or "\x00" in name:
        raise ValueError(f"bad identifier {name!r}")
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def property_kind(prop: Mapping[str, Any]) -> Kind:
    """The kind of a property from its OpenAPI schema snippet."""
    if "x-expansionResources" in prop:
        return Kind.REFERENCE
    if "anyOf" in prop or "oneOf" in prop or "$ref" in prop:
        # Polymorphic or nested objects that are not expandable references.
        return Kind.JSONB
    kind = prop.get("type")
    if kind == "integer":
        # A few timestamps lack the format and say so only in prose (subscription_item.created).
        epoch = "seconds since the Unix epoch" in str(prop.get("description", ""))
        unix_time = prop.get("format") == "unix-time" or epoch
        return Kind.TIMESTAMP if unix_time else Kind.BIGINT
    if kind == "number":
        return Kind.NUMERIC
    if kind == "boolean":
        return Kind.BOOLEAN
    if kind == "string":
        return Kind.DECIMAL if prop.get("format") == "decimal" else Kind.TEXT
    return Kind.JSONB


def value_kind(name: str, value: Any) -> Kind:
    """The kind of a property known only from an example value (fields newer than the spec).

    Stripe's conventions fill the gaps a single value leaves: ``*_at`` integers are Unix
    timestamps and ``*_decimal`` strings are decimals. A null example says nothing: jsonb keeps
    whatever arrives.
    """
    if isinstance(value, bool):
        return Kind.BOOLEAN
    if isinstance(value, int):
        return Kind.TIMESTAMP if name.endswith("_at") else Kind.BIGINT
    if isinstance(value, float):
        return Kind.NUMERIC
    if isinstance(value, str):
        return Kind.DECIMAL if name.endswith("_decimal") else Kind.TEXT
    if value is None and name.endswith("_at"):
        return Kind.TIMESTAMP
    return Kind.JSONB


def spec_kinds_by_name(schemas: Mapping[str, Any]) -> dict[str, Kind]:
    """For each property name, the kind it most often has across all spec schemas."""
    counts: dict[str, Counter[Kind]] = {}
    for schema in schemas.values():
        for name, prop in schema.get("properties", {}).items():
            counts.setdefault(name, Counter())[property_kind(prop)] += 1
    return {
        name: min(c.items(), key=lambda kc: (-kc[1], kc[0].value))[0] for name, c in counts.items()
    }


def example_values_by_name(examples: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every non-null top-level value of each property name across the example objects."""
    found: dict[str, list[Any]] = {}
    for _, example in sorted(examples.items()):
        if isinstance(example, Mapping):
            for name, value in example.items():
                if value is not None:
                    found.setdefault(name, []).append(value)
    return found


_COMPATIBLE: Mapping[Kind, tuple[type, ...]] = {
    Kind.TEXT: (str,),
    Kind.DECIMAL: (str,),
    Kind.REFERENCE: (str, dict),
    Kind.BIGINT: (int,),
    Kind.TIMESTAMP: (int,),
    Kind.NUMERIC: (int, float),
    Kind.BOOLEAN: (bool,),
    Kind.JSONB: (dict, list),
}


def infer_kind(name: str, values: Sequence[Any], spec_kind: Kind | None) -> Kind:
    """The kind of a property the object's own spec schema lacks (a field newer than the spec).

    ``values`` are example values, the object's own first; ``spec_kind`` is what the same-named
    property most often is elsewhere in the spec (``current_period_end`` moved from subscriptions
    to subscription items). That kind is used when the example value agrees with it (or there is
    no example), otherwise the example value decides.
    """
    value = next((v for v in values if v is not None), None)
    if spec_kind is not None:
        allowed = _COMPATIBLE[spec_kind]
        if value is None or (
            isinstance(value, allowed) and not (isinstance(value, bool) and bool not in allowed)
        ):
            return spec_kind
    return value_kind(name, value)


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"(?<!e\.g)(?<!i\.e)\.(?:\s|$)")


def first_sentence(description: str) -> str:
    """The first sentence of a spec description, markdown links flattened, at most ~200 chars."""
    text = " ".join(_LINK.sub(r"\1", description).split())
    match = _SENTENCE_END.search(text)
    if match:
        text = text[: match.start() + 1]
    if len(text) > _COMMENT_CHARS:
        text = text[: _COMMENT_CHARS - 3].rstrip() + "..."
    return text


def column_expression(name: str, kind: Kind) -> str:
    """The generation expression for property ``name``; it never raises, whatever the JSON."""
    j = f'"_raw_data"->{quote_literal(name)}'
    t = f'"_raw_data"->>{quote_literal(name)}'
    if kind is Kind.TEXT:
        return t
    if kind is Kind.JSONB:
        return j
    if kind is Kind.BOOLEAN:
        return f"CASE jsonb_typeof({j}) WHEN 'boolean' THEN ({j})::boolean END"
    if kind is Kind.NUMERIC:
        return f"CASE jsonb_typeof({j}) WHEN 'number' THEN ({j})::numeric END"
    if kind is Kind.BIGINT:
        # jsonb numbers are arbitrary-precision: only whole numbers in bigint range are cast.
        n = f"({j})::numeric"
        return (
            f"CASE jsonb_typeof({j}) WHEN 'number' THEN CASE WHEN {n} = trunc({n}) "
            f"AND {n} BETWEEN {_MIN_BIGINT} AND {_MAX_BIGINT} THEN ({j})::bigint END END"
        )
    if kind is Kind.TIMESTAMP:
        # to_timestamp(double precision) is immutable; it fails outside the timestamp range.
        return (
            f"CASE jsonb_typeof({j}) WHEN 'number' THEN CASE WHEN ({j})::numeric "
            f"BETWEEN {_MIN_UNIX} AND {_MAX_UNIX} THEN to_timestamp(({j})::double precision) "
            "END END"
        )
    if kind is Kind.DECIMAL:
        return (
            f"CASE jsonb_typeof({j}) WHEN 'number' THEN ({j})::numeric "
            f"WHEN 'string' THEN CASE WHEN length({t}) <= {_MAX_DECIMAL_CHARS} "
            f"AND {t} ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN ({t})::numeric END END"
        )
    # REFERENCE: the id string, or the id of the expanded object. Never the object's JSON text
    # (which ->> would give for an object): an expanded object without a string id gives NULL.
    jid = f"{j}->'id'"
    return (
        f"CASE jsonb_typeof({j}) WHEN 'string' THEN {t} WHEN 'object' THEN "
        f"CASE jsonb_typeof({jid}) WHEN 'string' THEN {j}->>'id' END END"
    )


def object_columns(
    resource: Resource,
    schema: Mapping[str, Any] | None,
    example: Mapping[str, Any] | None,
    kinds_by_name: Mapping[str, Kind],
    values_by_name: Mapping[str, Sequence[Any]],
) -> list[Column]:
    """The generated columns of ``resource``'s table, sorted by name.

    A property's kind comes from the object's spec schema, or from :func:`infer_kind` for a
    property only the newer examples have. The registry overrides both: its references are id
    columns, its ``extra_timestamps`` timestamps.
    The child's parent column is not generated (the write path sets it), so it is left out here.
    """
    props: Mapping[str, Any] = (schema or {}).get("properties", {})
    values: Mapping[str, Any] = example or {}
    references = {ref.field for ref in resource.references}
    skip = _FIXED_NAMES | ({resource.parent} if resource.parent else set())
    columns: list[Column] = []
    for name in sorted(set(props) | set(values) | references | set(resource.extra_timestamps)):
        if name in skip or name.startswith("_"):
            continue
        prop = props.get(name)
        if prop is not None:
            kind = property_kind(prop)
            comment = first_sentence(prop.get("description", ""))
        else:
            seen = [values.get(name), *values_by_name.get(name, ())]
            kind = infer_kind(name, seen, kinds_by_name.get(name))
            comment = "A newer field, not in the API 2023-08-16 description of this object."
        if name in references:
            kind = Kind.REFERENCE
        elif name in resource.extra_timestamps:
            kind = Kind.TIMESTAMP
        columns.append(Column(name, kind, comment))
    return columns


def indexed_columns(resource: Resource, columns: Sequence[Column]) -> list[str]:
    """The columns of ``resource``'s table that get an index: the account, the parent, the
    references people join on and ``created``, in that order."""
    names = {col.name for col in columns}
    indexed = ["_account_id"]
    if resource.parent:
        indexed.append(resource.parent)
    indexed += [ref.field for ref in resource.references]
    if "created" in names:
        indexed.append("created")
    return list(dict.fromkeys(indexed))


def _index(table: str, column: str) -> str:
    name = quote_ident(f"{table}_{column}_idx")
    return f"CREATE INDEX {name} ON {quote_ident(table)} ({quote_ident(column)});"


def table_ddl(
    resource: Resource,
    schema: Mapping[str, Any] | None,
    example: Mapping[str, Any] | None,
    kinds_by_name: Mapping[str, Kind],
    values_by_name: Mapping[str, Sequence[Any]],
    *,
    first: bool = False,
) -> str:
    """The statements for one registry row: its storage table ``_raw_<table>`` (the fixed
    columns, the parent column of a child row, and stored generated columns only for the indexed
    ones: references and ``created``), its indexes, its typed columns and the view computing the
    others from ``_raw_data``. A row of the later tables (``first`` false) has ``livemode`` as a
    typed column even where Stripe's descriptions omit it; a row of the first tables keeps the
    comments of its stored columns (they had them before the squash)."""
    columns = object_columns(resource, schema, example, kinds_by_name, values_by_name)
    if not first and not any(col.name == "livemode" for col in columns):
        note = "Whether the object exists in live mode (NULL where Stripe does not send it)."
        columns = sorted([*columns, Column("livemode", Kind.BOOLEAN, note)], key=lambda c: c.name)
    stored = indexed_columns(resource, columns)
    storage_name = STORAGE_PREFIX + resource.table
    storage = quote_ident(storage_name)
    table = quote_ident(resource.table)
    lines = [f"    {quote_ident(name)} {definition}" for name, definition in FIXED_COLUMNS]
    if resource.parent:
        lines.append(f"    {quote_ident(resource.parent)} text NOT NULL")
    for col in columns:
        if col.name in stored:
            expr = column_expression(col.name, col.kind)
            lines.append(
                f"    {quote_ident(col.name)} {col.kind.sql_type} "
                f"GENERATED ALWAYS AS ({expr}) STORED"
            )
    if first:
        # Made under the view's name and renamed, so that its constraints keep the names they
        # had before the squash (products_pkey, products__version_source_check ...).
        out = [f"CREATE TABLE {table} (", ",\n".join(lines), ");"]
        out += [_index(resource.table, column) for column in stored]
        out.append(f"ALTER TABLE {table} RENAME TO {storage};")
    else:
        out = [f"CREATE TABLE {storage} (", ",\n".join(lines), ");"]
        out += [
            _index(resource.table, column).replace(
                f"ON {quote_ident(resource.table)} ", f"ON {storage} "
            )
            for column in stored
        ]
    parent_comment = f"Id of the parent {resource.parent}; set by the write path."
    if first:
        if resource.parent:
            out.append(
                f"COMMENT ON COLUMN {storage}.{quote_ident(resource.parent)} "
                f"IS {quote_literal(parent_comment)};"
            )
        out += [
            f"COMMENT ON COLUMN {storage}.{quote_ident(col.name)} IS {quote_literal(col.comment)};"
            for col in columns
            if col.comment and col.name in stored
        ]
    rows: list[str] = []
    if resource.parent:
        rows.append(
            f"({quote_literal(resource.table)}, {quote_literal(resource.parent)}, 'parent', "
            f"true, 0, {quote_literal(parent_comment)})"
        )
    for ordinal, col in enumerate(columns, start=1):
        is_stored = "true" if col.name in stored else "false"
        comment_sql = quote_literal(col.comment) if col.comment else "NULL"
        rows.append(
            f"({quote_literal(resource.table)}, {quote_literal(col.name)}, "
            f"{quote_literal(col.kind.value)}, {is_stored}, {ordinal}, {comment_sql})"
        )
    out.append(
        'INSERT INTO "_typed_columns" (table_name, column_name, kind, stored, ordinal, comment) '
        "VALUES\n    " + ",\n    ".join(rows) + ";"
    )
    out.append(f"SELECT {quote_ident('_create_typed_view')}({quote_literal(resource.table)});")
    what = f"Stripe {resource.object} objects"
    if resource.parent:
        what += f", children of {resource.parent} (its id in column {resource.parent})"
    description = first_sentence((schema or {}).get("description", ""))
    out.append(f"COMMENT ON VIEW {table} IS {quote_literal(f'{what}. {description}'.strip())};")
    storage_comment = (
        f"Rows of the {resource.table} view: _raw_data, bookkeeping and the indexed typed columns."
        " Query the view."
    )
    out.append(f"COMMENT ON TABLE {storage} IS {quote_literal(storage_comment)};")
    return "\n".join(out) + "\n"


#: Storage tables compress _raw_data with lz4 where the server has it (PostgreSQL 14+ built with
#: lz4): several times less CPU than the default pglz for the same bytes. (The baseline's block;
#: since 0032, where lz4 is missing payloads stay uncompressed in the row, and a table added later
#: gets both rules from ``SELECT _set_payload_storage('<table>')``.)
_LZ4 = """DO $lz4$
DECLARE
    t record;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings
               WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        FOR t IN SELECT table_name FROM "_typed_columns"
                 GROUP BY table_name ORDER BY table_name LOOP
            EXECUTE format('ALTER TABLE %I ALTER COLUMN _raw_data SET COMPRESSION lz4',
                           '_raw_' || t.table_name);
        END LOOP;
    END IF;
END
$lz4$;
"""


def per_resource(
    ddl: Callable[[Resource, Mapping[str, Any] | None, Mapping[str, Any] | None, Any, Any], str],
    spec: Mapping[str, Any],
    fixtures: Mapping[str, Any],
    resources: Iterable[Resource],
    sdk: Mapping[str, Any] | None = None,
) -> list[str]:
    """``ddl`` of every resource, given its spec schema, example and the cross-object hints;
    with ``sdk``, an object neither the spec nor the examples describe gets the SDK's fields."""
    schemas: Mapping[str, Any] = spec["components"]["schemas"]
    examples: Mapping[str, Any] = fixtures["resources"]
    kinds_by_name = spec_kinds_by_name(schemas)
    values_by_name = example_values_by_name(examples)
    out: list[str] = []
    for r in resources:
        schema, example = schemas.get(spec_key(r)), examples.get(spec_key(r))
        if schema is None and example is None and sdk is not None:
            schema = sdk_schema(sdk, r.object)
        out.append(ddl(r, schema, example, kinds_by_name, values_by_name))
    return out


def spec_key(resource: Resource) -> str:
    """The component schema / fixture name of ``resource``'s object."""
    return resource.spec_schema or resource.object


_SDK_LITERAL = re.compile(r"^(Optional\[)?(Union\[)?Literal\[")


def sdk_property(name: str, sdk_type: str) -> dict[str, Any]:
    """An OpenAPI-like property snippet from the SDK's type of a field (``Optional[int]``),
    for objects that neither the spec nor the examples describe."""
    bare = (
        sdk_type.removeprefix("Optional[").removesuffix("]")
        if sdk_type.startswith("Optional[")
        else sdk_type
    )
    if bare.startswith("ExpandableField["):
        return {"type": "string", "x-expansionResources": {}}
    if bare == "int":
        unix = name == "created" or name.endswith("_at")
        return {"type": "integer", **({"format": "unix-time"} if unix else {})}
    if bare == "float":
        return {"type": "number"}
    if bare == "bool":
        return {"type": "boolean"}
    if bare == "str" or _SDK_LITERAL.match(sdk_type):
        return {"type": "string"}
    return {"type": "object"}


def sdk_schema(sdk: Mapping[str, Any], obj: str) -> dict[str, Any] | None:
    """A spec-like schema of ``obj`` from the SDK's typed fields, or None if the SDK lacks it."""
    fields = sdk.get("objects", {}).get(obj, {}).get("fields")
    if not fields:
        return None
    return {"properties": {n: sdk_property(n, f["type"]) for n, f in sorted(fields.items())}}


def generate(
    spec: Mapping[str, Any],
    fixtures: Mapping[str, Any],
    first: Sequence[Resource],
    later: Sequence[Resource],
    sdk: Mapping[str, Any],
) -> str:
    """The generated block of the baseline migration (deterministic for given inputs): the
    first tables (registry.json's ``table_migration`` 0002: the billing core, described by the
    spec and the examples), then the later ones (0020: every other listable resource, the SDK
    filling in what neither describes), each in registry order; then their write functions,
    history readers and the dispatchers, made by the functions that make them for any table."""
    tables = per_resource(partial(table_ddl, first=True), spec, fixtures, first)
    tables += per_resource(table_ddl, spec, fixtures, later, sdk)
    # The dispatchers try their CASE branches in the order the writers were made
    # (_create_dispatchers): the first tables' by name, then the later ones in registry order.
    writers = [
        f"SELECT {quote_ident('_create_writers')}({quote_literal(r.table)}, "
        f"{quote_literal(r.parent) if r.parent else 'NULL'});"
        for r in [*sorted(first, key=lambda r: r.table), *later]
    ]
    header = f"-- ({COMMAND} writes this block; `{COMMAND} --check` tests it.)\n"
    parts = [BEGIN_MARK, header, *tables, _LZ4, _WRITERS_NOTE, *writers, _AFTER_WRITERS, END_MARK]
    return "\n".join(parts) + "\n"


#: What follows the per-table statements of the block.
_WRITERS_NOTE = "-- The write functions and change-feed triggers of each table."
_AFTER_WRITERS = """SELECT "_create_dispatchers"();

-- Each table's <table>_as_of(timestamptz) (history mode).
SELECT "_create_history_reader"(t.table_name)
FROM (SELECT DISTINCT table_name FROM "_typed_columns") t
ORDER BY t.table_name;"""


def splice(baseline: str, block: str) -> str:
    """``baseline`` with its generated block replaced by ``block``."""
    start, end = baseline.find(BEGIN_MARK), baseline.find(END_MARK)
    if start < 0 or end < start:
        raise ValueError(f"the baseline has no {BEGIN_MARK!r} ... {END_MARK!r} block")
    return baseline[:start] + block + baseline[end + len(END_MARK) + 1 :]


def unrouted_events() -> list[str]:
    """The webhook event types the registry names as skips."""
    return list(json.loads(REGISTRY_JSON.read_text(encoding="utf-8"))["unrouted_events"])


def rows_of(migration: str) -> list[Resource]:
    """The registry rows whose table ``migration`` creates (``table_migration`` in
    registry.json), in registry order."""
    data = json.loads(REGISTRY_JSON.read_text(encoding="utf-8"))
    names = {r["name"] for r in data["resources"] if r.get("table_migration") == migration}
    return [r for r in REGISTRY.values() if r.name in names]


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="spec3.json")
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES, help="fixtures3.json")
    parser.add_argument("--sdk", type=Path, default=DEFAULT_SDK, help="the SDK's resources.json")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="migration to write")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if --output differs from what is generated"
    )
    args = parser.parse_args(argv)
    spec, fixtures, sdk = _load(args.spec), _load(args.fixtures), _load(args.sdk)
    current = args.output.read_text(encoding="utf-8")
    text = splice(current, generate(spec, fixtures, rows_of("0002"), rows_of("0020"), sdk))
    if not args.check:
        args.output.write_text(text, encoding="utf-8")
        return 0
    if current == text:
        return 0
    diff = difflib.unified_diff(
        current.splitlines(keepends=True),
        text.splitlines(keepends=True),
        str(args.output),
        "generated",
        n=1,
    )
    sys.stderr.writelines(list(diff)[:60])
    sys.stderr.write(f"\n{args.output} is out of date; run: {COMMAND}\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
