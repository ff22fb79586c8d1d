"""Helpers of the acceptance tests: the bench scripts in a subprocess, and a running
``stripe-sync start`` process waited on and stopped."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parents[2] / "bench"


def run_bench(
    script: str, *args: str, timeout: float = 300, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``bench/<script> args...`` run to its end (whatever its exit status)."""
    return subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=env,
    )


def bench_figures(result: subprocess.CompletedProcess[str]) -> Any:
    """The figures a bench run printed with ``--json`` (its last line on stdout); the run must
    have exited 0, or the test fails with the end of its stderr."""
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def sigint_as_by_default() -> None:
    """``preexec_fn`` of a child a test sends SIGINT to: a shell that runs the suite in the
    background (``pytest &``, a CI script started with ``&``) ignores SIGINT, the child would
    inherit that, and Python would then never raise ``KeyboardInterrupt`` in it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def wait_for(
    condition: Callable[[], bool], process: subprocess.Popen[str], timeout: float = 30
) -> None:
    """Poll ``condition`` until it holds; fail when ``process`` (``stripe-sync start``) exits
    first, with its output, or after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            raise AssertionError(f"stripe-sync start exited early:\n{output}")
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def stop(process: subprocess.Popen[str], timeout: float = 30) -> str:
    """SIGTERM ``process``; it must exit 0 within ``timeout`` seconds. Answers its output."""
    process.send_signal(signal.SIGTERM)
    out, _ = process.communicate(timeout=timeout)
    assert process.returncode == 0, out
    return out
