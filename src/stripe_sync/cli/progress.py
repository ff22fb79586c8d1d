"""How a running backfill is shown: live bars on a terminal, log lines otherwise.

A terminal shows one row per object still being listed, the running ones first, as many as fit
its height (22 on an 80x24 terminal); the objects that are done (or empty), and those that do
not fit, are counted on one summary line below, with the objects listed and the time so far.
Finished objects never push a running one off the screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from datetime import timedelta
from typing import Any

from rich.console import Console, RenderableType
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from ..run_results import BackfillProgress

__all__ = ["ProgressDisplay"]

#: Bars count in thousandths of an object's listing.
_TOTAL = 1000.0


class ProgressDisplay:
    """Shows :class:`BackfillProgress` reports: live bars on a terminal, log lines otherwise.

    Renders (``console.print(display)``) as what the terminal shows.
    """

    def __init__(
        self,
        console: Console,
        *,
        log_every: float = 5.0,
        per_account: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``clock``: seconds, for the rates and the ETA (a test's manual clock)."""
        self.console = console
        self._clock = clock
        #: Label rows with the account (several runs, Connect).
        self.per_account = per_account
        self.live = console.is_terminal
        self._log_every = log_every
        self._last_log = 0.0
        self._last: dict[str, tuple[float, int]] = {}
        self._rates: dict[str, float] = {}
        self._tasks: dict[str, TaskID] = {}
        self._shares: dict[str, float] = {}
        self._bars = _Bars(
            TextColumn("{task.description:<22}"),
            BarColumn(),
            TextColumn("{task.fields[processed]:>10,} objects"),
            TextColumn("{task.fields[rate]:>8,.0f}/s"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
            get_time=clock,
        )

    def __enter__(self) -> ProgressDisplay:
        if self.live:
            self._bars.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.live:
            self._bars.stop()

    def __rich__(self) -> RenderableType:
        return self._bars.get_renderable()

    def __call__(self, progress: BackfillProgress) -> None:
        now = self._clock()
        for object_name, obj in progress.objects.items():
            name = f"{progress.account_id} {object_name}" if self.per_account else object_name
            before_at, before = self._last.get(name, (now, obj.processed))
            if now > before_at:
                # A smoothed rate: reports come about once a second.
                fresh = (obj.processed - before) / (now - before_at)
                self._rates[name] = 0.5 * self._rates.get(name, fresh) + 0.5 * fresh
            self._last[name] = (now, obj.processed)
            if not self.live:
                continue
            if obj.done:
                state = "done"
            elif obj.running_windows or obj.processed or obj.complete_windows:
                state = "running"
            else:
                state = "waiting"
            fields: dict[str, Any] = {
                "processed": obj.processed,
                "rate": self._rates.get(name, 0.0),
                "state": state,
                "failed": bool(obj.error_windows),
            }
            if name not in self._tasks:
                self._tasks[name] = self._bars.add_task(name, total=_TOTAL, **fields)
            # Never backwards: the share of an object listed per parent is an estimate that
            # may dip as parents are found, and the ETA comes from how fast the bar moves.
            share = _TOTAL if obj.done else (obj.fraction or 0.0) * _TOTAL
            self._shares[name] = max(self._shares.get(name, 0.0), share)
            self._bars.update(self._tasks[name], completed=self._shares[name], **fields)
        self._bars.elapsed = progress.elapsed
        if not self.live and (now - self._last_log >= self._log_every or _all_done(progress)):
            self._last_log = now
            parts = [
                f"{name} {obj.processed:,}"
                + (f" ({obj.fraction:.0%})" if obj.fraction is not None and not obj.done else "")
                + (" done" if obj.done else f" {self._rates.get(name, 0.0):,.0f}/s")
                for name, obj in progress.objects.items()
            ]
            self.console.print(
                (f"{progress.account_id} " if self.per_account else "")
                + f"run {progress.run_id} {progress.elapsed:,.0f}s "
                f"{progress.processed:,} objects: " + ", ".join(parts),
                highlight=False,
                soft_wrap=True,
            )


def _all_done(progress: BackfillProgress) -> bool:
    return all(o.done for o in progress.objects.values())


class _Bars(Progress):
    """rich's progress bars, arranged to fit the terminal: see the module docstring."""

    def __init__(
        self,
        *columns: str | ProgressColumn,
        console: Console,
        transient: bool,
        get_time: Callable[[], float],
    ) -> None:
        # Set first: rich renders once while it constructs the display.
        self._screen = console
        #: Seconds since the run started (the latest report's).
        self.elapsed = 0.0
        super().__init__(*columns, console=console, transient=transient, get_time=get_time)

    def get_renderables(self) -> Iterable[RenderableType]:
        tasks = self.tasks
        if not tasks:
            return
        running = [t for t in tasks if t.fields["state"] == "running"]
        waiting = [t for t in tasks if t.fields["state"] == "waiting"]
        # One line for the summary, and one to spare for the cursor.
        rows = (running + waiting)[: max(1, self._screen.height - 2)]
        if rows:
            yield self.make_tasks_table(rows)
        yield _summary(tasks, rows, self.elapsed)


def _summary(tasks: Sequence[Task], shown: Sequence[Task], elapsed: float) -> Text:
    """``12 of 28 done (5 empty, 1 failed), 3 more waiting · 41,230 objects · 0:01:02``."""
    done = [t for t in tasks if t.fields["state"] == "done"]
    empty = sum(1 for t in done if not t.fields["processed"])
    failed = sum(1 for t in done if t.fields["failed"])
    notes = [f"{empty} empty"] if empty else []
    notes += [f"{failed} failed"] if failed else []
    text = f"{len(done)} of {len(tasks)} done" + (f" ({', '.join(notes)})" if notes else "")
    ids = {t.id for t in shown}
    hidden = [t for t in tasks if t.fields["state"] != "done" and t.id not in ids]
    more_running = sum(1 for t in hidden if t.fields["state"] == "running")
    if more_running:
        text += f", {more_running} more running"
    if len(hidden) > more_running:
        text += f", {len(hidden) - more_running} more waiting"
    listed = sum(int(t.fields["processed"]) for t in tasks)
    text += f" · {listed:,} objects · {timedelta(seconds=int(elapsed))}"
    return Text(text, no_wrap=True, overflow="ellipsis")
