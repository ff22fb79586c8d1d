"""The packaged fixture subset is exactly what the generator script writes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from stripe_sync.resources import REGISTRY

REPO_ROOT = Path(__file__).resolve().parents[2]
VENDOR = REPO_ROOT / "vendor"
SCRIPT = REPO_ROOT / "scripts" / "gen_fake_fixtures.py"
TARGET = REPO_ROOT / "src" / "stripe_sync" / "testing" / "fixtures" / "objects.json"


def test_regenerating_fixtures_gives_the_committed_file() -> None:
    source = VENDOR / "stripe-openapi" / "fixtures3.json"
    spec = importlib.util.spec_from_file_location("gen_fake_fixtures", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.generate(source) == TARGET.read_text(encoding="utf-8")


def test_every_registry_object_has_a_template() -> None:
    objects = json.loads(TARGET.read_text(encoding="utf-8"))["resources"]
    missing = {r.object for r in REGISTRY.values()} - set(objects)
    assert not missing
