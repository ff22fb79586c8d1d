"""The measured part of a bench in a child process, so that its peak RSS is its own.

The bench script runs itself again with ``--child SPEC`` (the spec as JSON); the child prints its
figures as one JSON line, last on stdout.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping
from typing import Any


def run_child(script: str, spec: Mapping[str, Any], what: str) -> dict[str, Any]:
    """Run ``script --child SPEC``; answers the figures it printed. ``what`` names the child
    in the error raised when it fails."""
    done = subprocess.run(
        [sys.executable, script, "--child", json.dumps(dict(spec))],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the {what} process failed ({done.returncode}):\n{done.stderr}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures
