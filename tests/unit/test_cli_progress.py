"""The backfill's live progress display, rendered on an 80x24 terminal."""

from __future__ import annotations

import io

from rich.console import Console

from stripe_sync.backfill import BackfillProgress, ObjectProgress
from stripe_sync.cli.progress import ProgressDisplay
from stripe_sync.resources import REGISTRY

OBJECTS = sorted(name for name, r in REGISTRY.items() if r.listable)
RUNNING = ("payment_method", "subscription", "tax_id", "transfer")


def terminal() -> Console:
    return Console(width=80, height=24, force_terminal=True, record=True, file=io.StringIO())


def report(elapsed: float, share: float) -> BackfillProgress:
    """Every object but RUNNING is done: every third one empty, the others with rows.
    The RUNNING ones are ``share`` listed (come last in the alphabet, the display's order)."""

    def obj(n: int, name: str) -> ObjectProgress:
        if name in RUNNING:
            return ObjectProgress(name, int(share * 1000), 4, 1, 0, 3, share, ())
        processed = 0 if n % 3 == 0 else 100 + n
        return ObjectProgress(name, processed, 2, 2, 0, 0, 1.0, ())

    objects = {name: obj(n, name) for n, name in enumerate(OBJECTS)}
    return BackfillProgress(run_id=1, account_id="acct_1", elapsed=elapsed, objects=objects)


def screen(display: ProgressDisplay) -> list[str]:
    console = terminal()
    console.print(display)
    return console.export_text().splitlines()


def test_on_80x24_running_objects_are_shown_and_finished_ones_summed_up() -> None:
    assert len(OBJECTS) > 24, "more objects than the terminal has lines"
    now = [100.0]  # the display's clock: 0.2 s pass between the two reports
    display = ProgressDisplay(terminal(), clock=lambda: now[0])
    display(report(10.0, 0.2))
    now[0] += 0.2
    display(report(12.0, 0.4))

    lines = screen(display)
    assert len(lines) < 24
    assert all(len(line) <= 80 for line in lines)
    rows = {line.split()[0]: line for line in lines[:-1]}
    assert sorted(rows) == sorted(RUNNING)
    for name in RUNNING:
        # Listed per parent or not, every running object gets an ETA.
        assert "-:--:--" not in rows[name], rows[name]
        assert rows[name].rstrip()[-7:].count(":") == 2, rows[name]
    done = len(OBJECTS) - len(RUNNING)
    empty = sum(1 for n, name in enumerate(OBJECTS) if n % 3 == 0 and name not in RUNNING)
    listed = sum(o.processed for o in report(12.0, 0.4).objects.values())
    assert lines[-1] == (
        f"{done} of {len(OBJECTS)} done ({empty} empty) · {listed:,} objects · 0:00:12"
    )


def test_objects_that_do_not_fit_are_counted_running_ones_first() -> None:
    """At the start every object is listed at once: the running ones take the rows, the ones
    still waiting for a worker are counted."""
    objects = {
        name: ObjectProgress(name, 0, 1, 0, 0, 1 if n % 2 else 0, 0.0, ())
        for n, name in enumerate(OBJECTS)
    }
    display = ProgressDisplay(terminal())
    display(BackfillProgress(run_id=1, account_id="acct_1", elapsed=0.5, objects=objects))

    lines = screen(display)
    assert len(lines) < 24
    running = [name for n, name in enumerate(OBJECTS) if n % 2]
    waiting = len(OBJECTS) - len(running)
    shown = [line.split()[0] for line in lines[:-1]]
    # Every resource of the API is more than a terminal holds: the running ones come first,
    # those that do not fit are counted as running, then the waiting ones.
    assert len(running) > len(shown)
    assert shown == running[: len(shown)]
    assert lines[-1].startswith(
        f"0 of {len(OBJECTS)} done, {len(running) - len(shown)} more running, "
        f"{waiting} more waiting · 0 objects"
    )


def test_when_all_is_done_one_line_remains() -> None:
    display = ProgressDisplay(terminal())
    objects = {name: ObjectProgress(name, 5, 1, 1, 0, 0, 1.0, ()) for name in OBJECTS}
    display(BackfillProgress(run_id=1, account_id="acct_1", elapsed=75.0, objects=objects))
    assert screen(display) == [
        f"{len(OBJECTS)} of {len(OBJECTS)} done · {5 * len(OBJECTS)} objects · 0:01:15"
    ]
