"""Waiting for something to happen in a test: poll a condition until it holds, or fail.

A test never sleeps a fixed time hoping that something happened by then: too short and it
fails on a busy machine, too long and every run pays for it. It waits on the condition itself,
with a deadline that fails the test with what it was waiting for. (A sleep that is the scenario,
such as latency a fake adds, or a window in which something must NOT happen, is another thing.)
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, overload

T = TypeVar("T")

#: Long enough for a slow CI machine, short enough that a hang is reported.
TIMEOUT = 30.0


class WaitTimeout(AssertionError):
    """The condition did not hold in time: a test failure, naming what was awaited."""


def wait_until(
    condition: Callable[[], T], what: str, *, within: float = TIMEOUT, interval: float = 0.02
) -> T:
    """Call ``condition`` until it returns something truthy, and return that; fail with
    ``what`` (the condition, in words) after ``within`` seconds."""
    deadline = time.monotonic() + within
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise WaitTimeout(f"timed out after {within:g} s waiting for {what}")
        time.sleep(interval)
    return result


@overload
async def until(
    condition: Callable[[], Awaitable[T]], what: str, *, within: float = ..., interval: float = ...
) -> T: ...
@overload
async def until(
    condition: Callable[[], T], what: str, *, within: float = ..., interval: float = ...
) -> T: ...
async def until(
    condition: Callable[[], Any],
    what: str,
    *,
    within: float = TIMEOUT,
    interval: float = 0.02,
) -> Any:
    """:func:`wait_until` for asyncio: ``condition`` may be a coroutine function, and the
    event loop runs while it does not hold."""
    deadline = time.monotonic() + within
    while True:
        called = condition()
        result = await called if inspect.isawaitable(called) else called
        if result:
            return result
        if time.monotonic() > deadline:
            raise WaitTimeout(f"timed out after {within:g} s waiting for {what}")
        await asyncio.sleep(interval)
