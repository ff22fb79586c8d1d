"""The tests' waiting helpers (tests/support/waiting.py): they return what the condition
returned once it holds, and fail naming the condition when it never does."""

from __future__ import annotations

import itertools

import pytest

from tests.support.waiting import WaitTimeout, until, wait_until


def test_wait_until_returns_the_first_truthy_value() -> None:
    calls = itertools.count()
    assert wait_until(lambda: next(calls) >= 3 and "ready", "the third call", interval=0) == "ready"
    assert next(calls) == 4


def test_wait_until_fails_naming_what_it_waited_for() -> None:
    with pytest.raises(WaitTimeout, match=r"timed out after 0\.05 s waiting for the moon"):
        wait_until(lambda: False, "the moon", within=0.05, interval=0.01)


async def test_until_awaits_a_coroutine_condition() -> None:
    calls = itertools.count()

    async def ready() -> int | None:
        n = next(calls)
        return n if n >= 2 else None

    assert await until(ready, "the second call", interval=0) == 2


async def test_until_fails_naming_what_it_waited_for() -> None:
    with pytest.raises(WaitTimeout, match="waiting for a plain condition"):
        await until(lambda: 0, "a plain condition", within=0.05, interval=0.01)
