"""What the engine's runs report: a backfill's progress and result, one page's result, and
one pass over the Events API (the types ``process_until_done``, ``process_next`` and
``poll_events`` return, and ``on_progress`` receives)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .store import ObjectProgressRow

__all__ = [
    "BackfillProgress",
    "BackfillResult",
    "ObjectProgress",
    "ObjectResult",
    "PageResult",
    "PollResult",
    "ProgressCallback",
    "progress_of",
]


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one pass over an account's events did."""

    account_id: str
    #: Events handed to ``apply`` (new to this database).
    applied: int = 0
    #: Outcomes of the applied events (``written``, ``stale``, ``skipped`` ...), by name.
    by_outcome: Mapping[str, int] = field(default_factory=dict)
    #: Events listed again (the overlap, a repeated page) that were applied before, or stored as
    #: dead letters: not handed to ``apply`` again.
    already_processed: int = 0
    #: List calls made.
    pages: int = 0
    #: The stored cursor after the pass: the newest event applied (None: no event yet).
    cursor: str | None = None
    #: The pass only recorded a starting point (first pass, or after an expired cursor).
    baseline: bool = False
    #: The stored cursor was too old (or gone from Stripe): updates may have been missed.
    cursor_expired: bool = False
    #: Seconds between now and the ``created`` of the newest event applied (None: none applied).
    lag: float | None = None


@dataclass(frozen=True, slots=True)
class ObjectProgress:
    """Where one object of a run stands (all processes' work, read from the database)."""

    object: str
    processed: int
    windows: int
    complete_windows: int
    error_windows: int
    running_windows: int
    #: Share done (0..1), None when unknown: of the object's ``created`` range listed, or for
    #: an object listed per parent, of the parents found times the share of them listed.
    fraction: float | None
    #: Messages of the failed windows, newest first.
    errors: tuple[str, ...]

    @property
    def done(self) -> bool:
        return self.complete_windows + self.error_windows >= self.windows


@dataclass(frozen=True, slots=True)
class BackfillProgress:
    """A progress report, passed to ``on_progress`` about once per ``progress_interval``."""

    run_id: int
    account_id: str
    elapsed: float
    objects: Mapping[str, ObjectProgress]

    @property
    def processed(self) -> int:
        return sum(o.processed for o in self.objects.values())


@dataclass(frozen=True, slots=True)
class ObjectResult:
    """One object of a finished run."""

    object: str
    #: ``complete``, or ``error`` when a window failed (the next run retries it).
    status: str
    processed: int
    windows: int
    errors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BackfillResult:
    """What ``process_until_done`` did."""

    run_id: int
    account_id: str
    #: ``complete`` or ``error`` (some window failed; the rest was listed).
    status: str
    #: This call joined a run that was already open (a resumed or parallel backfill).
    joined: bool
    objects: Mapping[str, ObjectResult]
    elapsed: float
    #: Objects re-listed from the start because the events cursor had expired.
    relisted: bool = False
    #: When the run was closed (None while another process still works on it).
    closed_at: datetime | None = None
    #: The Events API catch-up of an incremental run (None for a created range, or when the
    #: key cannot read events).
    events: PollResult | None = None

    @property
    def processed(self) -> int:
        return sum(o.processed for o in self.objects.values())

    @property
    def errors(self) -> dict[str, tuple[str, ...]]:
        return {name: o.errors for name, o in self.objects.items() if o.errors}


@dataclass(frozen=True, slots=True)
class PageResult:
    """What ``process_next`` did: one page of one object."""

    run_id: int
    #: The object listed (for a group, the member whose window was paged).
    object: str
    processed: int
    #: The object (for a group: one of its members) still has windows to list in this run.
    has_more: bool


ProgressCallback = Callable[[BackfillProgress], Awaitable[None] | None]


def progress_of(
    run_id: int, account_id: str, started: float, rows: Sequence[ObjectProgressRow]
) -> BackfillProgress:
    return BackfillProgress(
        run_id=run_id,
        account_id=account_id,
        elapsed=time.monotonic() - started,
        objects={
            r.object: ObjectProgress(
                object=r.object,
                processed=r.processed,
                windows=r.windows,
                complete_windows=r.complete,
                error_windows=r.errors,
                running_windows=r.running,
                fraction=_fraction(r),
                errors=r.last_errors,
            )
            for r in rows
        },
    )


def _fraction(row: ObjectProgressRow) -> float | None:
    if row.windows and row.complete + row.errors >= row.windows:
        return 1.0
    if row.parents is None:
        return _listed_share(row)
    # Listed per parent (a customer's payment methods): the share of the parents found so far
    # (every one once no 'parents' window is left) times the share of them that are done.
    found = _listed_share(row) if row.listing_parents else 1.0
    if found is None:
        return None
    return found * row.parents_done / row.parents if row.parents else 0.0


def _listed_share(row: ObjectProgressRow) -> float | None:
    """The share of the object's created range listed (its parents', for a per-parent one)."""
    if row.unbounded or not row.span_seconds or row.remaining_seconds is None:
        return None
    return min(1.0, max(0.0, 1.0 - row.remaining_seconds / row.span_seconds))
