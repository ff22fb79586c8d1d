"""The migrated schema equals the committed snapshot.

Any change to the migrations shows up here as a readable diff of tables, columns, indexes and
views. After an intended change, refresh the snapshot with
``STRIPE_SYNC_UPDATE_SNAPSHOT=1 pytest tests/integration/test_schema_snapshot.py`` and review it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import psycopg

SNAPSHOT = Path(__file__).parent / "snapshots" / "schema.txt"


def describe(url: str, schema: str = "stripe") -> str:
    lines: list[str] = []
    with psycopg.connect(url) as conn:
        for table, column, dtype, nullable, default, generated, expression in conn.execute(
            "SELECT table_name, column_name, data_type, is_nullable, column_default,"
            " is_generated, generation_expression FROM information_schema.columns"
            " WHERE table_schema = %s ORDER BY table_name, ordinal_position",
            (schema,),
        ):
            spec = f"{table}.{column} {dtype}"
            spec += "" if nullable == "YES" else " NOT NULL"
            spec += f" DEFAULT {default}" if default else ""
            spec += f" GENERATED ({expression})" if generated == "ALWAYS" else ""
            lines.append(spec)
        for (indexdef,) in conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = %s ORDER BY indexname", (schema,)
        ):
            lines.append(indexdef.replace(f"{schema}.", ""))
        for name, definition in conn.execute(
            "SELECT viewname, definition FROM pg_views WHERE schemaname = %s ORDER BY 1",
            (schema,),
        ):
            lines.append(f"VIEW {name}:{' '.join(definition.split())}")
        for table, constraint in conn.execute(
            "SELECT conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE connamespace = %s::regnamespace AND contype IN ('c', 'f', 'u')"
            " ORDER BY 1, 2",
            (schema,),
        ):
            lines.append(f"CONSTRAINT {table.replace(f'{schema}.', '')}: {constraint}")
        for name, arguments, result in conn.execute(
            "SELECT p.proname, pg_get_function_identity_arguments(p.oid),"
            " pg_get_function_result(p.oid) FROM pg_proc p"
            " WHERE p.pronamespace = %s::regnamespace ORDER BY 1, 2",
            (schema,),
        ):
            lines.append(f"FUNCTION {name}({arguments}) RETURNS {result}")
    return "\n".join(lines) + "\n"


def test_migrated_schema_matches_snapshot(template_url: str) -> None:
    actual = describe(template_url)
    if os.environ.get("STRIPE_SYNC_UPDATE_SNAPSHOT"):
        SNAPSHOT.write_text(actual)
    expected = SNAPSHOT.read_text()
    diff = "\n".join(
        difflib.unified_diff(expected.splitlines(), actual.splitlines(), "snapshot", "migrated")
    )
    assert actual == expected, f"migrated schema differs from {SNAPSHOT}:\n{diff[:5000]}"
