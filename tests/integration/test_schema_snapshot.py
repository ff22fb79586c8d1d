"""The migrated schema equals the committed ``src/stripe_sync/sql/schema.sql``.

The file is the schema a fresh database gets from the migrations, as the catalog has it: tables,
columns, constraints, indexes, views, every function's full text and the triggers
(``scripts/dump_schema.py`` writes it). Any change to the migrations shows up here, and in review,
as a readable diff. After an intended change, regenerate the file with
``python scripts/dump_schema.py`` (or ``STRIPE_SYNC_UPDATE_SNAPSHOT=1 pytest
tests/integration/test_schema_snapshot.py``) and review the diff.
"""

from __future__ import annotations

import difflib
import importlib.util
import os
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import psycopg

REPO = Path(__file__).resolve().parents[2]
SCHEMA_SQL = REPO / "src" / "stripe_sync" / "sql" / "schema.sql"
REGENERATE = "python scripts/dump_schema.py"


@cache
def dump_schema() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "dump_schema", REPO / "scripts" / "dump_schema.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["dump_schema"] = module
    spec.loader.exec_module(module)
    return module


def differences(expected: str, actual: str) -> str:
    """A unified diff of ``actual`` against ``expected``, and how to accept it."""
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            "schema.sql",
            "migrated",
        )
    )
    return f"{diff[:8000]}\nIf the change is intended, regenerate: {REGENERATE}"


def test_migrated_schema_matches_schema_sql(template_url: str) -> None:
    actual = dump_schema().describe(template_url)
    if os.environ.get("STRIPE_SYNC_UPDATE_SNAPSHOT"):
        SCHEMA_SQL.write_text(actual, encoding="utf-8")
    expected = SCHEMA_SQL.read_text(encoding="utf-8")
    assert actual == expected, differences(expected, actual)


def test_a_change_to_a_function_body_shows_in_the_diff(database_url: str) -> None:
    # The comparison sees function bodies, not only signatures: a changed body is a diff naming
    # the line, with the command that regenerates the file.
    with psycopg.connect(database_url) as conn:
        conn.execute(
            "CREATE OR REPLACE FUNCTION stripe._written_channel() RETURNS text LANGUAGE sql"
            " STABLE AS $$ SELECT 'changed' $$"
        )
    actual = dump_schema().describe(database_url)
    expected = SCHEMA_SQL.read_text(encoding="utf-8")
    assert actual != expected
    report = differences(expected, actual)
    assert "\n+AS $function$ SELECT 'changed' $function$;\n" in report
    assert report.endswith(REGENERATE)
