"""Running an async object from plain code: the machinery of the generated
:class:`~stripe_sync.sync_facade.StripeSync`.

:class:`Blocking` runs its core (an :class:`~stripe_sync.facade.AsyncStripeSync`) on a private
event-loop thread, an ``anyio`` blocking portal, so that it works in code without a loop and in
code already running one (the call then blocks that loop). Coroutines become blocking calls
(:meth:`Blocking._call`), async iterators plain iterators (:meth:`Blocking._iterate`), async
context managers context managers (:meth:`Blocking._enter`). ``close()`` (or the end of a
``with`` block, or interpreter exit for an engine never closed) closes the core on its loop and
stops the thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import threading
import weakref
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from types import TracebackType
from typing import Any, Generic, ParamSpec, Protocol, Self, TypeVar

import anyio
import anyio.from_thread
from anyio.from_thread import BlockingPortal

from .errors import ConfigError

__all__ = ["Blocking"]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

#: How long an interrupted call may take to unwind.
INTERRUPT_GRACE_SECONDS = 30.0


class _Closable(Protocol):
    async def close(self) -> None: ...


CoreT = TypeVar("CoreT", bound=_Closable)


class Blocking(Generic[CoreT]):
    """Runs ``core`` on a private event-loop thread; see the module docstring."""

    def __init__(self, core: CoreT) -> None:
        self._portal_cm: contextlib.AbstractContextManager[BlockingPortal] | None = (
            anyio.from_thread.start_blocking_portal()
        )
        self._portal = self._portal_cm.__enter__()
        self._core = core
        # An engine never closed (a module global) is closed at interpreter exit, while its
        # event-loop thread still runs: stopping the portal later would wait for ever.
        self._finalizer = weakref.finalize(
            self, _shutdown, self._portal, self._portal_cm, self._core
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._close()

    def _close(self) -> None:
        """Close the core on its loop and stop the loop's thread. Idempotent."""
        if self._portal_cm is None:
            return
        self._portal_cm = None
        self._finalizer()

    def _check_open(self) -> None:
        if self._portal_cm is None:
            raise ConfigError("this StripeSync was closed")

    def _call(
        self, fn: Callable[P, Coroutine[Any, Any, R]], *args: P.args, **kwargs: P.kwargs
    ) -> R:
        """Run ``fn(*args, **kwargs)`` on the loop and wait for its result."""
        self._check_open()
        finished = threading.Event()

        async def run() -> R:
            try:
                call = asyncio.ensure_future(fn(*args, **kwargs))
                try:
                    return await asyncio.shield(call)
                except asyncio.CancelledError:
                    # The portal cancels through an anyio scope, which cancels this task again
                    # on every turn of the loop: the call gets one plain cancel and unwinds
                    # shielded from the rest (a task group waiting on its workers' give-backs
                    # would otherwise wake up for each, running the loop flat out).
                    call.cancel()
                    call.add_done_callback(_retrieve)
                    with anyio.CancelScope(shield=True):
                        await asyncio.wait((call,), timeout=INTERRUPT_GRACE_SECONDS)
                    raise
            finally:
                finished.set()

        future = self._portal.start_task_soon(run)
        try:
            return future.result()
        except KeyboardInterrupt:
            # Ctrl-C reaches this thread, not the loop's: cancel the call there and let it
            # unwind (a backfill releases its windows) before the caller closes the engine,
            # which would otherwise pull the HTTP client and the pool from under it. A second
            # Ctrl-C stops the wait.
            future.cancel()
            finished.wait(INTERRUPT_GRACE_SECONDS)
            raise

    def _iterate(
        self, fn: Callable[P, AsyncIterator[T]], *args: P.args, **kwargs: P.kwargs
    ) -> Iterator[T]:
        """``fn(*args, **kwargs)``, an async iterator, as an iterator: each item is awaited on
        the loop; leaving the loop early closes the async iterator there."""
        self._check_open()
        iterator = self._portal.call(functools.partial(fn, *args, **kwargs))
        return self._drain(iterator)

    def _drain(self, iterator: AsyncIterator[T]) -> Iterator[T]:
        try:
            while True:
                step = self._call(_next, iterator)
                if step is _DONE:
                    return
                yield step
        finally:
            aclose = getattr(iterator, "aclose", None)
            if aclose is not None and self._portal_cm is not None:
                self._portal.call(aclose)

    def _enter(
        self,
        fn: Callable[P, contextlib.AbstractAsyncContextManager[T]],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> contextlib.AbstractContextManager[T]:
        """``fn(*args, **kwargs)``, an async context manager, entered and left on the loop."""
        self._check_open()
        manager = self._portal.call(functools.partial(fn, *args, **kwargs))
        return self._portal.wrap_async_context_manager(manager)


_DONE: Any = object()


async def _next(iterator: AsyncIterator[T]) -> T:
    try:
        return await anext(iterator)
    except StopAsyncIteration:
        # Not raised through the portal: a future cannot carry the end of an iteration.
        return _DONE  # type: ignore[no-any-return]


def _shutdown(
    portal: BlockingPortal,
    portal_cm: contextlib.AbstractContextManager[BlockingPortal],
    core: _Closable,
) -> None:
    """Close ``core`` on its portal, then stop the portal (holds no reference to the facade)."""
    try:
        portal.call(core.close)
    finally:
        portal_cm.__exit__(None, None, None)


def _retrieve(task: asyncio.Future[Any]) -> None:
    """Read an interrupted call's failure, which nobody awaits any more (else it would be
    logged as "Task exception was never retrieved")."""
    if not task.cancelled():
        task.exception()
