"""The suite's markers: registered, documented, and added from the fixtures a test uses."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import pytest

from tests.conftest import REQUIREMENTS, pytest_collection_modifyitems

ROOT = Path(__file__).resolve().parents[2]


def registered() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    markers = config["tool"]["pytest"]["ini_options"]["markers"]
    return {line.split(":", 1)[0] for line in markers}


def test_every_marker_is_registered_and_documented() -> None:
    documented = set(
        re.findall(r"^\| `(\w+)` \|", (ROOT / "docs/development.md").read_text(), re.M)
    )
    assert {*REQUIREMENTS.values(), "compat", "slow", "chaos"} <= registered()
    assert registered() == documented


@dataclass
class Item:
    """What the hook reads and writes of a collected test."""

    fixturenames: list[str]
    markers: list[str] = field(default_factory=list)

    def add_marker(self, marker: str) -> None:
        self.markers.append(marker)


def test_a_test_gets_the_markers_of_the_requirements_among_its_fixtures() -> None:
    # fake_supabase's closure, as pytest computes it: PostgreSQL 15, the extension folder, Deno.
    supabase = Item(["fake_supabase", "supabase_project_db", "pg15_extension_dir", "pg15_bin",
                     "deno_bin"])  # fmt: skip
    plain = Item(["database_url", "pg_admin_url", "template_url"])
    pytest_collection_modifyitems(cast(list[pytest.Item], [supabase, plain]))
    assert supabase.markers == ["deno", "pg15", "root", "compat"]
    assert plain.markers == []


@pytest.mark.parametrize("fixture", sorted(REQUIREMENTS))
def test_each_requirement_fixture_exists(fixture: str) -> None:
    """A renamed fixture would silently stop marking its tests."""
    definition = re.compile(rf"^@pytest\.fixture.*\ndef {fixture}\(", re.M)
    found = [p for p in (ROOT / "tests").rglob("*.py") if definition.search(p.read_text())]
    assert len(found) == 1, found
