"""The chaos suite at full size: kills, restarts, storms, shuffled events, fuzz and secrets.

The scenarios are the chaos layer's (``tests/chaos/``, run small by pytest); this script runs
them at :data:`FULL` size (or ``--size small``) and prints their figures: kills survived and
objects lost, duplicated and stale after them, the resume overhead after ``kill -9``, committed
rows and acknowledged events lost across PostgreSQL restarts (fast and immediate), the 429/5xx
storm, the shuffled history with duplicates, the fuzz corpus's 5xx, and secrets found in any
output. It needs Debian's PostgreSQL 15 at /usr/lib/postgresql/15/bin and root (the server runs
as the ``postgres`` user so that it can be restarted).

Usage (from the repository root)::

    .venv/bin/python bench/chaos.py                    # full size, a random seed
    .venv/bin/python bench/chaos.py --size small       # what pytest runs
    .venv/bin/python bench/chaos.py --only kill --only fuzz --seed 7
    .venv/bin/python bench/chaos.py --json --outputs /tmp/chaos-out

The exit status is 1 when a scenario found a problem (anything lost, duplicated, stale or
leaked, a 5xx other than 503, a server that died), with the problems listed.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

# The scenarios live with the chaos layer of the tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.chaos.backfills import (
    KillFigures,
    Listed,
    RestartFigures,
    StormFigures,
    kill_and_resume,
    restart_during_backfill,
    storm,
)
from tests.chaos.context import FULL, SMALL, Chaos, Size, chaos_run
from tests.chaos.leaks import SecretsFigures, secrets_check
from tests.chaos.realtime import (
    FuzzFigures,
    ShuffleFigures,
    WebhookRestartFigures,
    fuzz,
    restart_during_webhooks,
    shuffled_events,
)

#: In the order they run; ``secrets`` last, as it reads what all the others produced.
SCENARIOS: dict[str, Callable[[Chaos, Size], Any]] = {
    "kill": kill_and_resume,
    "restart": restart_during_backfill,
    "webhook-restart": restart_during_webhooks,
    "storm": storm,
    "shuffle": shuffled_events,
    "fuzz": fuzz,
    "secrets": secrets_check,
}


def listed(found: Listed) -> str:
    return (
        f"lost {found.lost}, duplicated {found.duplicated}, stale {found.stale}, "
        f"extra {found.extra}; {found.runs} run(s), {found.status}"
    )


def statuses(counts: dict[int, int]) -> str:
    return ", ".join(f"{n:,} x {status or 'no answer'}" for status, n in sorted(counts.items()))


def wrong(objects: list[str]) -> str:
    """How many objects are not as in Stripe, and the first few."""
    return f"{len(objects)}{': ' if objects else ''}{'; '.join(objects[:5])}"


def describe(name: str, f: Any) -> list[str]:
    """The figures of one scenario as lines."""
    if isinstance(f, KillFigures):
        resumed = f.first_page_resumed_s or [float("nan")]
        fresh = f.first_page_fresh_s if f.first_page_fresh_s is not None else float("nan")
        return [
            f"kills survived {f.kills}; {listed(f.listed)} ({f.objects:,} objects, "
            f"{f.updates:,} customers renamed between processes)",
            f"resume overhead after kill -9: {f.overhead_per_kill_s:.2f} s per kill (all "
            f"processes {f.interrupted_s:.1f} s against {f.uninterrupted_s:.1f} s uninterrupted)",
            f"start to first committed page: fresh {fresh:.2f} s; resumed median "
            f"{statistics.median(resumed):.2f} s, max {max(resumed):.2f} s "
            f"({len(f.first_page_resumed_s)} resumed processes got that far); windows still "
            f"leased by killed processes then: {f.held_by_dead}",
        ]
    if isinstance(f, RestartFigures):
        downs = ", ".join(f"{mode} {s:.1f} s down" for mode, s in f.restarts)
        return [
            f"{f.objects:,} objects; restarts: {downs}; committed rows lost in a restart "
            f"{f.lost_in_restart}; backfill exits {f.exits}; {listed(f.listed)}"
        ]
    if isinstance(f, WebhookRestartFigures):
        downs = ", ".join(f"{mode} {s:.1f} s down" for mode, s in f.restarts)
        return [
            f"{f.events:,} events, 16 in flight; restarts: {downs}",
            f"acknowledged then lost in a restart {f.lost_in_restart}; never acknowledged "
            f"{f.unacknowledged}; acknowledged and not recorded {f.lost}; objects not as in "
            f"Stripe {wrong(f.wrong)}; "
            f"server alive {f.alive}",
            f"attempts: {statuses(dict(f.statuses))}",
        ]
    if isinstance(f, StormFigures):
        return [
            f"{f.objects:,} objects, {f.requests:,} requests, {f.failed_share:.0%} failed "
            f"({f.rate_limited:,} x 429, {f.server_errors:,} x 5xx); exit {f.exit}; "
            f"{listed(f.listed)}"
        ]
    if isinstance(f, ShuffleFigures):
        return [
            f"{f.events:,} events + {f.deliveries - f.events:,} duplicates, shuffled, 32 in "
            f"flight: {statuses(dict(f.statuses))}",
            f"outcomes: {', '.join(f'{n:,} {o}' for o, n in f.outcomes.most_common())}",
            f"events not recorded exactly once {f.unrecorded}; objects not as in Stripe "
            f"{wrong(f.wrong)}",
        ]
    if isinstance(f, FuzzFigures):
        return [
            f"fuzz inputs {f.inputs:,}; 5xx (or no answer) {f.server_errors}; "
            f"{statuses(dict(f.statuses))}; rejected inputs that wrote {f.written_by_rejected}; "
            f"server alive {f.alive}"
        ]
    if isinstance(f, SecretsFigures):
        return [
            f"3 secrets looked for in {f.texts:,} outputs, logs and answers "
            f"({f.megabytes:,.1f} MB): {len(f.leaks)} found; a planted one found "
            f"{f.planted_found}"
        ]
    raise TypeError(name)


def plain(value: Any) -> Any:
    """``value`` as JSON can hold it: dataclasses as dicts with their properties too (the
    figures derived from the fields), counters and dicts with string keys."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for name in dir(type(value)):
            if isinstance(getattr(type(value), name), property):
                out[name] = plain(getattr(value, name))
        return out
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def report(results: dict[str, Any], out: TextIO) -> None:
    for name, figures in results.items():
        lines = describe(name, figures)
        print(f"{name:<16} {lines[0]}", file=out)
        for line in lines[1:]:
            print(f"{'':<16} {line}", file=out)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="The chaos suite at full size.")
    parser.add_argument("--size", choices=("full", "small"), default="full")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument(
        "--only",
        action="append",
        choices=tuple(SCENARIOS),
        help="run only this scenario (repeatable)",
    )
    parser.add_argument(
        "--outputs", type=Path, default=None, help="keep the processes' outputs in this folder"
    )
    parser.add_argument("--json", action="store_true", help="figures as one JSON line on stdout")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    size = FULL if args.size == "full" else SMALL
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    out = sys.stderr if args.json else sys.stdout
    before = os.getloadavg()
    print(
        f"chaos suite, {args.size} size, seed {seed}; load average before "
        f"{before[0]:.2f} {before[1]:.2f} {before[2]:.2f}",
        file=out,
        flush=True,
    )
    results: dict[str, Any] = {}
    seconds: dict[str, float] = {}
    with chaos_run(seed, args.outputs) as chaos:
        for name, scenario in SCENARIOS.items():
            if args.only and name not in args.only:
                continue
            print(f"... {name}", file=sys.stderr, flush=True)
            started = time.monotonic()
            results[name] = scenario(chaos, size)
            seconds[name] = time.monotonic() - started
    report(results, out)
    after = os.getloadavg()
    problems = [f"{name}: {p}" for name, f in results.items() for p in f.problems]
    print(
        f"took {sum(seconds.values()):.0f} s ("
        + ", ".join(f"{n} {s:.0f}" for n, s in seconds.items())
        + f"); load average after {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}",
        file=out,
    )
    print("no problem found" if not problems else "PROBLEMS:\n  " + "\n  ".join(problems), file=out)
    if args.json:
        print(
            json.dumps(
                {
                    "size": args.size,
                    "seed": seed,
                    "loadavg_before": before,
                    "loadavg_after": after,
                    "seconds": seconds,
                    "problems": problems,
                    "scenarios": {n: plain(f) for n, f in results.items()},
                }
            )
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
