"""Write ``src/stripe_sync/testing/fixtures/objects.json`` from Stripe's OpenAPI fixtures.

The fake Stripe server (``stripe_sync.testing``) builds every object it serves from an example
payload. Those examples come from ``vendor/stripe-openapi/fixtures3.json``; only the objects the
fake needs (the registry's objects, their ``deleted_*`` stubs, events, webhook endpoints, the
account) are copied, so the package does not ship Stripe's whole fixture file. The few registry
objects newer than those examples get one made from the SDK's field names
(``vendor/stripe-sdk/resources.json``): every field null but ``id``, ``object``, ``created``.

Usage: ``python scripts/gen_fake_fixtures.py [--check]`` (``--check`` exits 1 when the committed
file differs from what would be generated).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE = REPO_ROOT / "vendor" / "stripe-openapi" / "fixtures3.json"
#: The SDK's typed fields: the shape of objects newer than Stripe's examples.
SDK = REPO_ROOT / "vendor" / "stripe-sdk" / "resources.json"
TARGET = REPO_ROOT / "src" / "stripe_sync" / "testing" / "fixtures" / "objects.json"

#: Objects the fake serves besides the registry's own.
EXTRA_OBJECTS = (
    "account",
    "event",
    "webhook_endpoint",
    "deleted_webhook_endpoint",
    "entitlements.active_entitlement_summary",
)


def wanted_objects() -> list[str]:
    """Stripe ``object`` names to copy: registry objects, their deleted stubs and extras."""
    sys.path.insert(0, str(REPO_ROOT / "src"))
    from stripe_sync.resources import REGISTRY

    names = {r.object for r in REGISTRY.values()}
    names |= {f"deleted_{n}" for n in names}
    names |= set(EXTRA_OBJECTS)
    return sorted(names)


def synthesized(obj: str, fields: dict[str, Any]) -> dict[str, Any]:
    """An example of ``obj`` from the SDK's field names, for objects Stripe's examples lack
    (apps.install, tax.location ...): every field null except the ones every object has."""
    example: dict[str, Any] = {name: None for name in sorted(fields)}
    example.update({"id": "obj_123", "object": obj})
    if "created" in fields:
        example["created"] = 1680000000
    if "livemode" in fields:
        example["livemode"] = False
    if "metadata" in fields:
        example["metadata"] = {}
    return example


def generate(source: Path = SOURCE, sdk: Path = SDK) -> str:
    """The text of ``objects.json`` generated from ``source`` (and ``sdk`` for objects that
    ``source`` lacks)."""
    resources: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))["resources"]
    sdk_objects: dict[str, Any] = json.loads(sdk.read_text(encoding="utf-8"))["objects"]
    subset = {name: resources[name] for name in wanted_objects() if name in resources}
    for name in wanted_objects():
        if name not in subset and name in sdk_objects and not name.startswith("deleted_"):
            subset[name] = synthesized(name, sdk_objects[name].get("fields", {}))
    return json.dumps({"resources": subset}, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    text = generate()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            sys.stderr.write(f"{TARGET} is out of date; run scripts/gen_fake_fixtures.py\n")
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
