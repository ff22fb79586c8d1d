"""Write groups: concurrent changes applied by one SQL call and one commit.

Every change the engine writes (a webhook's event, a polled event, an object fetched by id, a
re-fetch that settles a same-second tie) goes through :meth:`WriteGroups.apply`. Changes that
arrive while the database is busy with earlier groups wait and leave together as the next group
(``_apply_changes``, ``sql/migrations/0001_baseline.sql``), so under load the cost of a
statement, a round trip and a commit is shared by many events; a change that arrives when
nothing is in flight leaves at once (no fixed wait). Groups are bounded by count
(``max_size``, and a share of the changes waiting for an answer, one per group that may be in
flight, so that groups are written side by side rather than one large group at a time), and by
time only in that they form while earlier ones are in flight: at most ``max_in_flight`` are sent
at once, and while one is in flight another leaves only with at least :data:`MIN_BESIDE`
changes; fewer wait for a group in flight to end, and its sender takes them along. A group being
applied again by halves after a failure does not count as in flight (with ``max_in_flight`` 1,
changes wait for the whole split). Over HTTP, where deliveries arrive one by one, a group sent
with whatever was queued when a slot freed held one or a few changes, and PostgreSQL's fixed
cost per group (statements, commit) fell on those few.

Each caller gets its own change's outcome, after the group committed. Failures stay with the
changes they belong to:

- a database that cannot be reached fails every change of that group, each caller with the same
  error, so each webhook is answered 503 and delivered again;
- any other failure (a payload the database or the JSON encoder refuses, a statement timeout or
  a limit the whole group hits) is narrowed down: the group is split in halves and each half
  applied again, until the failing change is alone and only its caller gets the error; its
  neighbours are written.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

import psycopg

from .changes import Change
from .errors import StripeSyncError
from .store import AppliedChange, Store
from .store.translate import connection_lost

__all__ = ["DEFAULT_MAX_GROUP", "DEFAULT_MAX_IN_FLIGHT", "WriteGroups"]

_log = logging.getLogger(__name__)

#: Changes per group: enough to share a commit among many events, small enough that one group's
#: statement stays short (invoices with lines are a few kB each).
DEFAULT_MAX_GROUP = 200
#: Groups sent at once. Two: with four, a slot that freed while two groups were in flight sent a
#: third with the few changes queued at that moment, and over HTTP, where deliveries arrive one by
#: one, such small groups cost PostgreSQL more per event (its fixed cost per group: statements,
#: commit). Measured before MIN_BESIDE below, with the compare workload at 64 in flight
#: (bench/README.md, "Write groups"): over HTTP two wrote ~10 % more events/s than four, with
#: ~15 % less PostgreSQL CPU per event; in process and at 16 in flight they were alike. Three, each
#: group taking a third of the changes waiting, wrote 7 to 14 % more events/s in process at 64 in
#: flight, where a group's callers all send again at once; over HTTP the sitting was too noisy to
#: tell (bench/README.md, "Results: three groups in flight").
DEFAULT_MAX_IN_FLIGHT = 2
#: Groups are split in two only above this size: a few changes leave together, in order.
MIN_SPLIT = 8
#: Beside a group in flight another leaves only with this many changes (or a full group, if
#: smaller); fewer wait for the group in flight to end and leave with its sender. Measured at 64
#: in flight (bench/README.md, "Write groups"): with no minimum, webhooks over HTTP went in
#: groups of 1 to 8 as they arrived one by one; with a full group as the minimum, the engine in
#: process lost ~5 % (the database waited with one group while this process prepared 32).
MIN_BESIDE = 8

_Pending = tuple[Change, "asyncio.Future[AppliedChange]"]


class WriteGroups:
    """Gathers the changes of concurrent callers into groups for :meth:`Store.apply_changes`."""

    def __init__(
        self,
        store: Store,
        *,
        max_size: int = DEFAULT_MAX_GROUP,
        max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
    ) -> None:
        if max_size < 1 or max_in_flight < 1:
            raise ValueError("max_size and max_in_flight must be >= 1")
        self._store = store
        self._max_size = max_size
        self._max_in_flight = max_in_flight
        self._queue: list[_Pending] = []
        self._senders: set[asyncio.Task[None]] = set()
        #: Senders applying a failed group again by halves: not "in flight" for the rule that
        #: makes changes wait for the group in flight (a split takes several calls).
        self._splitting: set[asyncio.Task[None]] = set()
        #: Callers of apply() still waiting for their answer.
        self._unanswered = 0

    async def apply(self, change: Change) -> AppliedChange:
        """Apply ``change`` with whatever else is waiting; its outcome once its group committed."""
        future: asyncio.Future[AppliedChange] = asyncio.get_running_loop().create_future()
        self._queue.append((change, future))
        self._unanswered += 1
        self._start_sender()
        try:
            return await future
        finally:
            self._unanswered -= 1

    def _group_size(self) -> int:
        """How many changes the next group takes: at most a share of the changes waiting for an
        answer, one per group that may be in flight (halves with one or two). Under load the
        callers answered by one group queue their next changes at once, and a sender taking them
        all would leave a single group in flight, the database writing it on one core while this
        process prepares the next. Shares keep every slot going; larger groups would share a
        group's fixed cost (statements, commit) more, smaller ones less."""
        shares = max(2, self._max_in_flight)
        return min(self._max_size, max(MIN_SPLIT, -(-self._unanswered // shares)))

    def _beside(self) -> int:
        """The fewest changes that leave as a group beside one in flight."""
        return min(self._max_size, MIN_BESIDE)

    def _start_sender(self) -> None:
        # A sender whenever none runs (a lone change leaves at once) or every one is splitting a
        # failed group; another beside a group in flight only with _beside() changes. Fewer
        # leave with the next group of a sender that ends its own.
        if not self._senders or (
            len(self._senders) < self._max_in_flight
            and (len(self._queue) >= self._beside() or self._senders <= self._splitting)
        ):
            # A task, not this caller's coroutine: if the caller is cancelled (its client went
            # away), the group it started still completes for the others.
            task = asyncio.create_task(self._send_while_queued())
            self._senders.add(task)
            task.add_done_callback(self._senders.discard)

    async def _send_while_queued(self) -> None:
        task = asyncio.current_task()
        try:
            await self._send_queued()
        finally:
            # Not only in the done callback, which runs a loop step later: the callers this
            # sender just answered run first, and a caller applying again at once must see a
            # free slot, or its change would wait for someone else's (found by review).
            if task is not None:
                self._senders.discard(task)
                self._splitting.discard(task)
            # Queued changes another sender may have left to this one (see _send_queued): a
            # sender that ended by an error hands them on; one cancelled (the loop is closing)
            # cancels them when no sender is left to take them.
            if self._queue:
                if task is None or not task.cancelling():
                    self._start_sender()
                elif not self._senders:
                    queued, self._queue = self._queue, []
                    _fail(queued, asyncio.CancelledError())

    async def _send_queued(self) -> None:
        me = asyncio.current_task()
        while self._queue:
            take = self._group_size()
            if len(self._queue) < self._beside() and any(
                s is not me and s not in self._splitting for s in self._senders
            ):
                # Another group is in flight: its sender takes these changes when it ends,
                # with those that arrive meanwhile (one group of many, not two of a few).
                return
            group = self._queue[:take]
            del self._queue[:take]
            if self._queue:
                self._start_sender()
            try:
                await self._send(group)
            except BaseException as exc:
                # Raised out of a split (a half cancelled, or a store answering the wrong
                # number of results): the group's other changes are answered too.
                _fail(group, exc)
                raise

    async def _send(self, group: Sequence[_Pending]) -> None:
        try:
            applied = await self._store.apply_changes([change for change, _ in group])
        except Exception as exc:
            if len(group) == 1 or _unreachable(exc):
                _fail(group, exc)
                return
            # One change is likely the cause (a payload the database or the encoder refuses, a
            # group too large for a limit or a timeout): apply the group by halves, so that only
            # that change fails and its neighbours are written.
            _log.info("a write group of %s failed (%s); applying it in parts", len(group), exc)
            task = asyncio.current_task()
            outer = task in self._splitting
            if task is not None:
                self._splitting.add(task)
                # Changes queued behind this group need not wait for the whole split.
                if self._queue:
                    self._start_sender()
            try:
                middle = len(group) // 2
                await self._send(group[:middle])
                await self._send(group[middle:])
            finally:
                if task is not None and not outer:
                    self._splitting.discard(task)
            return
        except BaseException as exc:
            _fail(group, exc)
            raise
        for (_, future), result in zip(group, applied, strict=True):
            if not future.done():
                future.set_result(result)


def _unreachable(exc: BaseException) -> bool:
    """The database could not be reached at all (no connection, a lost one): every change of
    the group fails alike, and retrying parts of it now would only fail again."""
    if not (isinstance(exc, StripeSyncError) and exc.transient):
        return False
    # The pool timed out (no driver error), or the store's rule for a connection that is no
    # longer usable. Others (a statement timeout, resource and program limits, deadlocks already
    # retried) may depend on the group's size or one change: those are narrowed down.
    cause = exc.__cause__
    return not isinstance(cause, psycopg.OperationalError) or connection_lost(cause)


def _fail(group: Sequence[_Pending], exc: BaseException) -> None:
    for _, future in group:
        if future.done():
            continue
        if isinstance(exc, asyncio.CancelledError):
            future.cancel()
        else:
            future.set_exception(exc)
