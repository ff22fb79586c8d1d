"""The package's layers, read from its import statements: data flows down, never back up.

Entry points (the CLI, the webhook app and its status page, the ``start`` service) run the
facade; nothing below them imports them, nor the fake Stripe (``stripe_sync.testing``), which
only the entry points that serve it (``stripe-sync fake-stripe``, ``stripe-sync demo``) use.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
ENTRY_POINTS = (
    "stripe_sync.cli",
    "stripe_sync.server",
    "stripe_sync.service",
    "stripe_sync.status_page",
    "stripe_sync.__main__",
)
TEST_TOOLS = ("stripe_sync.testing",)


def _within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def _imports() -> dict[str, set[str]]:
    """Module -> the stripe_sync modules it imports (at any level, TYPE_CHECKING included)."""
    graph: dict[str, set[str]] = {}
    for path in (SRC / "stripe_sync").rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        module = ".".join(parts)
        package = parts if is_package else parts[:-1]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1] if node.level else []
                target = ".".join([*base, *([node.module] if node.module else [])])
                found.update(f"{target}.{alias.name}" for alias in node.names)
                found.add(target)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[module] = {m for m in found if m.startswith("stripe_sync")}
    return graph


def test_nothing_below_the_entry_points_imports_them_or_the_fake() -> None:
    graph = _imports()
    assert len(graph) > 80
    assert "stripe_sync.server" in graph["stripe_sync.service"]  # the graph sees imports
    upward = {
        module: sorted(m for m in imported if _within(m, ENTRY_POINTS + TEST_TOOLS))
        for module, imported in graph.items()
        if not _within(module, ENTRY_POINTS + TEST_TOOLS)
    }
    assert {module: found for module, found in upward.items() if found} == {}


def test_the_two_engines_do_not_import_each_other() -> None:
    graph = _imports()
    assert not [m for m in graph["stripe_sync.backfill"] if _within(m, ("stripe_sync.poller",))]
    assert not [m for m in graph["stripe_sync.poller"] if _within(m, ("stripe_sync.backfill",))]


def test_the_wheel_holds_no_test_infrastructure_of_the_project() -> None:
    package = SRC / "stripe_sync"
    shipped = {p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()}
    assert not [p for p in shipped if "pg_net" in p or "deno_host" in p]
    assert "testing/supabase.py" not in shipped
    assert not [p for p in shipped if p.endswith(".ts") and not p.startswith("supabase/")]
    # What stays in the tree but out of the wheel: the edge functions' Deno tests.
    excluded = tomllib.loads((SRC.parent / "pyproject.toml").read_text())["tool"]["hatch"]
    excluded = excluded["build"]["targets"]["wheel"]["exclude"]
    tests = [p for p in shipped if p.endswith(".test.ts")]
    assert tests
    assert all(any(f"src/stripe_sync/{t}".startswith(e) for e in excluded) for t in tests)


def test_modules_stay_small_and_the_facade_thin() -> None:
    """The facade delegates (≤ 500 lines); no hand-written module grows past 600 lines (the
    generated ``StripeSync`` twin is exempt: it follows the facade line for line)."""
    sizes = {
        str(path.relative_to(SRC)): len(path.read_text().splitlines())
        for path in (SRC / "stripe_sync").rglob("*.py")
    }
    assert sizes["stripe_sync/facade.py"] <= 500
    generated = {"stripe_sync/sync_facade.py"}
    assert {name: n for name, n in sizes.items() if n > 600 and name not in generated} == {}
