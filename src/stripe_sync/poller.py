"""The Events API poller: keep the database current from ``GET /v1/events``, no webhook needed.

Stripe lists an account's events of the last 30 days, newest first. :class:`EventPoller` keeps,
per account (the platform or a connected account), a cursor in ``_event_cursors``: the newest
event applied. One pass (:meth:`EventPoller.catch_up`):

- **no cursor**: the newest event becomes the baseline and nothing is applied (the history is
  the backfill's job), unless ``since`` is given: then every event created since is applied.
- **a cursor**: every event newer than it is applied, **oldest first**, a page of 100 at a time
  (``ending_before`` walks towards the newest; each page is reversed), and the cursor is stored
  after each page, so memory stays bounded and a crash repeats at most one page.
- **late events**: an event can become visible in the list after a newer one of the same second
  (or a few seconds older) was already read. Each pass therefore starts :data:`OVERLAP` before
  the cursor: it finds the oldest event of that window and walks forward from there. Events of
  the window that were applied before (``_processed_events``) or dead-lettered are counted, not
  applied again (one query per page), so the overlap costs a list call, not a write per event.
  The first pass after a baseline therefore also applies the baseline event and those of the
  overlap before it (the version checks of the write path make that harmless).
- **failures**: an error while listing or applying (database down, Stripe unreachable) ends the
  pass and is raised; the cursor stays at the last complete page, so nothing after the failed
  event counts as done.
- **expiry**: Stripe keeps events 30 days. A cursor older than that, or one Stripe no longer
  lists, cannot say what was missed: the pass logs a warning, sets
  :attr:`PollResult.cursor_expired` and takes a new baseline at the newest event. Updates in
  the gap are only recovered by listing the objects again (a backfill).

:meth:`EventPoller.run` repeats passes every few seconds until a stop event is set, backing off
on transient errors. Events are applied through the ``apply`` callable (the facade's
``process_event``), so they take the same path as webhooks, dead letters included.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import anyio.to_thread

from .client import StripeClient
from .config import StripeSyncConfig
from .errors import ConfigError, StripeNotFoundError, StripeSyncError
from .ingest import SyncResult
from .run_results import PollResult
from .store import Store

__all__ = [
    "DEFAULT_INTERVAL",
    "EVENT_RETENTION",
    "MAX_BACKOFF",
    "OVERLAP",
    "EventPoller",
    "PollResult",
]

#: How long Stripe lists events; a cursor older than this may have missed some.
EVENT_RETENTION = timedelta(days=30)
#: How far before the cursor each pass re-reads, for events that became visible late (and for
#: a clock difference with Stripe when the cursor is a time, not an event).
OVERLAP = timedelta(seconds=30)
#: Seconds between passes of :meth:`EventPoller.run`.
DEFAULT_INTERVAL = 5.0
#: The longest wait after repeated transient failures, in seconds.
MAX_BACKOFF = 60.0
#: Events per list call (Stripe's maximum).
PAGE_SIZE = 100

_EVENTS = "/v1/events"
_default_logger = logging.getLogger(__name__)

Apply = Callable[[dict[str, Any]], Awaitable[SyncResult]]


@dataclass(slots=True)
class _Tally:
    """The mutable counterpart of :class:`PollResult` while a pass runs."""

    account_id: str
    applied: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    already_processed: int = 0
    pages: int = 0
    cursor: str | None = None
    cursor_created: datetime | None = None
    baseline: bool = False
    cursor_expired: bool = False
    newest_applied: datetime | None = None

    def result(self) -> PollResult:
        lag = None
        if self.newest_applied is not None:
            lag = max(0.0, (_now() - self.newest_applied).total_seconds())
        return PollResult(
            account_id=self.account_id,
            applied=self.applied,
            by_outcome=dict(self.outcomes),
            already_processed=self.already_processed,
            pages=self.pages,
            cursor=self.cursor,
            baseline=self.baseline,
            cursor_expired=self.cursor_expired,
            lag=lag,
        )


class EventPoller:
    """Applies an account's new events from ``GET /v1/events``; see the module docstring.

    ``client`` returns the Stripe client (the facade creates it lazily); ``apply`` applies one
    event (the facade's ``process_event``).
    """

    def __init__(
        self,
        store: Store,
        client: Callable[[], StripeClient],
        config: StripeSyncConfig,
        apply: Apply,
        *,
        overlap: timedelta = OVERLAP,
    ) -> None:
        self._store = store
        self._client = client
        self._apply = apply
        self._overlap = overlap
        self._log = config.logger or _default_logger
        # A live and a test key of one account poll their own events from their own position.
        self._mode = config.mode

    # -- one pass ----------------------------------------------------------------------------

    async def catch_up(
        self, account_id: str, *, connected: bool = False, since: datetime | None = None
    ) -> PollResult:
        """Apply the events of ``account_id`` newer than its cursor, oldest first.

        ``connected``: the account is a connected account (its events are listed with
        ``Stripe-Account``), not the key's own. ``since``: with no cursor (or a newer one),
        apply the events created since then instead of only taking a baseline.
        """
        tally = _Tally(account_id)
        account = account_id if connected else None
        stored = await self._store.event_cursor(account_id, self._mode)
        if stored is not None:
            tally.cursor, tally.cursor_created = stored
            if stored[1] < _now() - EVENT_RETENTION:
                await self._expire(tally, account, "it is older than Stripe's 30-day retention")
                return tally.result()
        if since is not None and since.tzinfo is None:
            raise ConfigError("since must be a timezone-aware datetime")

        cursor_id: str | None = None
        high: datetime | None = None
        if stored is not None and (since is None or stored[1] <= since):
            cursor_id, low = stored
            low -= self._overlap
            # With an event as cursor, the window ends at its second: newer events are found
            # walking forward. A time (no event yet) has nothing after it to walk from.
            high = stored[1] if cursor_id is not None else None
        elif since is not None:
            low = since
        else:
            await self._take_baseline(tally, account)
            return tally.result()

        oldest, saw_cursor = await self._oldest(tally, account, low, high, cursor_id)
        if cursor_id is not None and not saw_cursor:
            await self._expire(tally, account, "Stripe no longer lists it")
            return tally.result()
        if oldest is None:
            # No event since ``low``: the cursor becomes this moment (an id-less one).
            await self._save(tally, None, _now())
            return tally.result()
        await self._apply_page(tally, account, [oldest])
        await self._walk_forward(tally, account, str(oldest["id"]))
        return tally.result()

    async def _oldest(
        self,
        tally: _Tally,
        account: str | None,
        low: datetime,
        high: datetime | None,
        cursor_id: str | None,
    ) -> tuple[dict[str, Any] | None, bool]:
        """The oldest event created in ``[low, high]``, and whether ``cursor_id`` was listed.

        Walks the window newest first keeping only the last event seen (bounded memory).
        """
        created: dict[str, int] = {"gte": int(low.timestamp())}
        if high is not None:
            created["lte"] = int(high.timestamp())
        params: dict[str, Any] = {"limit": PAGE_SIZE, "created": created}
        oldest: dict[str, Any] | None = None
        saw_cursor = False
        while True:
            page = await self._client().list_page(_EVENTS, params, account=account)
            tally.pages += 1
            if not page.data:
                break
            saw_cursor = saw_cursor or any(e.get("id") == cursor_id for e in page.data)
            oldest = page.data[-1]
            if not page.has_more:
                break
            params["starting_after"] = oldest["id"]
        return oldest, saw_cursor

    async def _walk_forward(self, tally: _Tally, account: str | None, anchor: str) -> None:
        """Apply every event newer than ``anchor``, a page at a time, oldest first."""
        first = True
        while True:
            params = {"limit": PAGE_SIZE, "ending_before": anchor}
            try:
                page = await self._client().list_page(_EVENTS, params, account=account)
            except StripeNotFoundError:
                if not first:
                    raise
                # The anchor was listed a moment ago: it just fell out of the retention.
                await self._expire(tally, account, "Stripe no longer lists it")
                return
            first = False
            tally.pages += 1
            if not page.data:
                return
            # ``ending_before`` returns the events just after the anchor, newest first.
            events = page.data[::-1]
            await self._apply_page(tally, account, events)
            if not page.has_more:
                return
            anchor = str(events[-1]["id"])

    async def _apply_page(
        self, tally: _Tally, account: str | None, events: Sequence[dict[str, Any]]
    ) -> None:
        """Apply ``events`` (oldest first) that were not applied before, then store the cursor.

        An exception leaves the cursor where it was: the page is read again next time and its
        events already applied are then only counted.
        """
        done = await self._store.handled_event_ids([str(e["id"]) for e in events])
        fresh = []
        for event in events:
            if event["id"] in done:
                tally.already_processed += 1
                continue
            if account is not None:
                # Listed with Stripe-Account: the event belongs to that account even if Stripe
                # leaves ``account`` out of the listed object.
                event.setdefault("account", account)
            fresh.append(event)
        # All at once: they leave together as write groups (oldest first within a group), and
        # each still gets its own outcome. The first failure is raised once all have ended.
        results = await asyncio.gather(*(self._apply(e) for e in fresh), return_exceptions=True)
        failed = next((r for r in results if isinstance(r, BaseException)), None)
        for event, result in zip(fresh, results, strict=True):
            if isinstance(result, BaseException):
                continue
            tally.applied += 1
            tally.outcomes[str(result.outcome)] += 1
            created = _created(event)
            if tally.newest_applied is None or created > tally.newest_applied:
                tally.newest_applied = created
        if failed is not None:
            raise failed
        newest = events[-1]
        await self._save(tally, str(newest["id"]), _created(newest))

    async def _save(self, tally: _Tally, event_id: str | None, created: datetime) -> None:
        # The statement never moves the cursor back in time; mirror that here.
        await self._store.save_event_cursor(tally.account_id, event_id, created, self._mode)
        if tally.cursor is None or tally.cursor_created is None or created >= tally.cursor_created:
            tally.cursor, tally.cursor_created = event_id, created

    async def _take_baseline(self, tally: _Tally, account: str | None) -> None:
        """Make the newest event (or, with none, this moment) the cursor; apply nothing."""
        page = await self._client().list_page(_EVENTS, {"limit": 1}, account=account)
        tally.pages += 1
        tally.baseline = True
        if page.data:
            newest = page.data[0]
            await self._save(tally, str(newest["id"]), _created(newest))
        else:
            await self._save(tally, None, _now())

    async def _expire(self, tally: _Tally, account: str | None, why: str) -> None:
        self._log.warning(
            "the event cursor of account %s (event %s, created %s) cannot be continued: %s. "
            "Updates made since may be missing from the database; list the data again (run a "
            "backfill). Polling restarts from the newest event.",
            tally.account_id,
            tally.cursor,
            tally.cursor_created.isoformat() if tally.cursor_created else None,
            why,
            extra={"account_id": tally.account_id, "event_id": tally.cursor},
        )
        tally.cursor_expired = True
        tally.cursor_created = None  # the baseline replaces it, whatever its time
        await self._take_baseline(tally, account)

    # -- the loop ----------------------------------------------------------------------------

    async def run(
        self,
        stop: asyncio.Event | threading.Event,
        accounts: Mapping[str, bool],
        *,
        interval: float = DEFAULT_INTERVAL,
    ) -> None:
        """Poll ``accounts`` (id -> is a connected account) every ``interval`` seconds until
        ``stop`` is set.

        A transient error (database down, Stripe unreachable) is logged and that account is
        polled again after a growing pause (up to :data:`MAX_BACKOFF`); a terminal one
        (revoked key, no access to a connected account) is raised. ``stop`` is an
        :class:`asyncio.Event` set on the running loop or a :class:`threading.Event` set from
        any thread; a pass under way finishes first (its progress is stored per page, so
        cancelling the task instead is also safe).
        """
        if interval <= 0:
            raise ConfigError(f"the polling interval must be > 0 seconds, got {interval}")
        if not accounts:
            raise ConfigError("no account to poll events for")
        loop = asyncio.get_running_loop()
        due = dict.fromkeys(accounts, loop.time())
        failures: dict[str, int] = {}
        while not stop.is_set():
            for account_id, connected in accounts.items():
                if stop.is_set():
                    return
                if due[account_id] > loop.time():
                    continue
                delay = interval
                try:
                    result = await self.catch_up(account_id, connected=connected)
                except StripeSyncError as exc:
                    if not exc.transient:
                        raise
                    failures[account_id] = failures.get(account_id, 0) + 1
                    delay = min(MAX_BACKOFF, max(interval, interval * 2 ** failures[account_id]))
                    self._log.warning(
                        "polling the events of account %s failed (%s: %s); next try in %.1fs",
                        account_id,
                        type(exc).__name__,
                        exc,
                        delay,
                        extra={"account_id": account_id, "failures": failures[account_id]},
                    )
                else:
                    failures.pop(account_id, None)
                    self._report(result)
                due[account_id] = loop.time() + delay
            await _wait(stop, max(0.0, min(due.values()) - loop.time()))

    def _report(self, result: PollResult) -> None:
        if result.applied or result.baseline:
            self._log.info(
                "account %s: %s event(s) applied %s, cursor %s",
                result.account_id,
                result.applied,
                dict(result.by_outcome),
                result.cursor,
                extra={
                    "account_id": result.account_id,
                    "applied": result.applied,
                    "lag": result.lag,
                },
            )


async def _wait(stop: asyncio.Event | threading.Event, seconds: float) -> None:
    """Sleep ``seconds`` or until ``stop`` is set."""
    if isinstance(stop, asyncio.Event):
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), seconds)
    else:
        await anyio.to_thread.run_sync(stop.wait, seconds, abandon_on_cancel=True)


def _created(event: Mapping[str, Any]) -> datetime:
    return datetime.fromtimestamp(int(event["created"]), UTC)


def _now() -> datetime:
    return datetime.now(UTC)
