"""SQL functions that more than one runtime calls by name carry a version (``_v1``).

The Python engine calls SQL functions from its named queries (``sql/queries/*.sql``), the
Supabase edge functions from ``supabase/functions/_shared/store.ts``. A function the edge
functions call is shared by two runtimes that are deployed separately, so its name carries a
version, and a migration that changes its contract adds the next one (the rule is in the
``stripe_sync.migrations`` docstring).
"""

from __future__ import annotations

import re
from pathlib import Path

from stripe_sync import migrations

SRC = Path(__file__).resolve().parents[2] / "src" / "stripe_sync"
VERSIONED = re.compile(r"_v\d+$")


def edge_function_calls(text: str) -> set[str]:
    """The SQL functions a TypeScript module calls: ``${this.#s}."name"(``."""
    return set(re.findall(r'\$\{this\.#s\}\."(\w+)"\(', text))


def python_calls() -> set[str]:
    text = "".join(p.read_text("utf-8") for p in (SRC / "sql" / "queries").glob("*.sql"))
    return set(re.findall(r'\{schema\}\."(\w+)"\(', text))


def unversioned(names: set[str]) -> set[str]:
    return {n for n in names if not VERSIONED.search(n)}


def defined_functions() -> set[str]:
    text = "".join(p.read_text("utf-8") for p in sorted((SRC / "sql" / "migrations").glob("*.sql")))
    return set(re.findall(r'^CREATE FUNCTION "(\w+)"\(', text, re.MULTILINE))


def test_every_function_the_edge_functions_call_is_versioned_and_defined() -> None:
    calls = edge_function_calls((SRC / "supabase/functions/_shared/store.ts").read_text("utf-8"))
    assert len(calls) >= 9
    assert unversioned(calls) == set()
    assert calls <= defined_functions()
    # The ones the Python engine calls too are the same functions, by the same names.
    shared = calls & python_calls()
    assert shared >= {"_backfill_page_v1", "_record_dead_letter_v1"}


def test_a_new_version_keeps_the_old_one() -> None:
    # 0029 gave the plan the key's mode: the engine and the edge functions call _v2; edge
    # functions deployed before them still call _v1.
    assert "_backfill_plan_v2" in python_calls()
    edge = edge_function_calls((SRC / "supabase/functions/_shared/store.ts").read_text("utf-8"))
    assert "_backfill_plan_v2" in edge
    assert {"_backfill_plan_v1", "_backfill_plan_v2"} <= defined_functions()


def test_the_check_finds_an_unversioned_call() -> None:
    text = 'await this.sql`SELECT ${this.#s}."_apply_event"(${x})`; ${this.#s}."_route_event_v1"('
    assert edge_function_calls(text) == {"_apply_event", "_route_event_v1"}
    assert unversioned(edge_function_calls(text)) == {"_apply_event"}


def test_the_rule_is_written_where_migrations_are() -> None:
    doc = migrations.__doc__ or ""
    assert "_v<N+1>" in doc
    for name in sorted(defined_functions()):
        if VERSIONED.search(name):
            assert f"``{name}``" in doc, name
