"""What the package declares matches what the repository holds."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _project() -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return data


def test_the_declared_licence_is_the_license_file() -> None:
    project = _project()["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in text


def test_urls_and_classifiers_are_declared() -> None:
    project = _project()["project"]
    assert {"Homepage", "Source", "Issues"} <= set(project["urls"])
    assert all(url.startswith("https://") for url in project["urls"].values())
    versions = {
        c.rsplit(" :: ", 1)[1] for c in project["classifiers"] if re.search(r":: 3\.\d+$", c)
    }
    # Every claimed version is at least the minimum the package requires.
    minimum = project["requires-python"].removeprefix(">=")
    assert versions
    assert all(
        tuple(map(int, v.split("."))) >= tuple(map(int, minimum.split("."))) for v in versions
    )


def test_the_linters_ci_runs_are_pinned() -> None:
    dev = _project()["project"]["optional-dependencies"]["dev"]
    pins = {re.split(r"[=<>!~]", d, maxsplit=1)[0]: d for d in dev}
    assert re.fullmatch(r"ruff==\d+\.\d+\.\d+", pins["ruff"])
    assert re.fullmatch(r"mypy==\d+\.\d+\.\d+", pins["mypy"])


def test_mypy_checks_the_tests_too() -> None:
    files = _project()["tool"]["mypy"]["files"]
    assert {"src/stripe_sync", "tests", "bench", "scripts"} <= set(files)


def test_the_vendored_openapi_description_stays_out_of_the_wheel() -> None:
    build = _project()["tool"]["hatch"]["build"]["targets"]
    assert build["wheel"]["packages"] == ["src/stripe_sync"]
    assert not any(p.startswith("vendor") for p in build["sdist"]["include"])
    assert (ROOT / "vendor" / "stripe-openapi" / "spec3.json").is_file()
    assert "MIT" in (ROOT / "vendor" / "stripe-openapi" / "README.md").read_text()


def test_the_library_never_imports_the_stripe_sdk() -> None:
    """``stripe`` is a dev extra only: every module of the package imports without it."""
    code = (
        "import importlib, pkgutil, sys\n"
        "sys.modules['stripe'] = None  # any `import stripe` now raises ImportError\n"
        "import stripe_sync\n"
        "names = [m.name for m in pkgutil.walk_packages(stripe_sync.__path__, 'stripe_sync.')]\n"
        "for name in names:\n"
        "    if name.endswith('__main__'):\n"
        "        continue  # runs the CLI\n"
        "    importlib.import_module(name)\n"
        "print(len(names))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 50
    dependencies = _project()["project"]["dependencies"]
    assert not [d for d in dependencies if re.match(r"stripe\b(?!-)", d)]
    assert any(
        d.startswith("stripe>=") for d in _project()["project"]["optional-dependencies"]["dev"]
    )
