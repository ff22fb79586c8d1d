"""``StripeSync`` is generated from ``AsyncStripeSync`` (``scripts/gen_sync_facade.py``).

The generated module is current, every public member of the async class has a twin with the
same parameters and docstring, and :class:`stripe_sync.blocking.Blocking` turns coroutines, async
iterators and async context managers into their plain counterparts on its own loop thread.
"""

from __future__ import annotations

import contextlib
import importlib.util
import inspect
import pydoc
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from stripe_sync import AsyncStripeSync, ConfigError, StripeSync
from stripe_sync.blocking import Blocking

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "gen_sync_facade.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_sync_facade", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_generated_module_is_current() -> None:
    script = _script()
    expected = script.render(script.SOURCE.read_text())
    assert script.OUTPUT.read_text() == expected, "run python scripts/gen_sync_facade.py"


def _public(cls: type) -> dict[str, object]:
    return {name: member for name, member in vars(cls).items() if not name.startswith("_")}


def test_every_member_has_a_twin_with_its_signature_and_docstring() -> None:
    async_members = _public(AsyncStripeSync)
    sync_members = _public(StripeSync)
    assert set(sync_members) == set(async_members)
    for name, member in async_members.items():
        twin = sync_members[name]
        if isinstance(member, property):
            assert isinstance(twin, property), name
            assert twin.__doc__ == member.__doc__, name
            continue
        assert inspect.getdoc(twin) == inspect.getdoc(member), name
        sync_sig = inspect.signature(twin)  # type: ignore[arg-type]
        async_sig = inspect.signature(member)  # type: ignore[arg-type]
        assert sync_sig.parameters == async_sig.parameters, name
        assert not inspect.iscoroutinefunction(twin), name
        if inspect.isasyncgenfunction(member):
            # An async generator's twin is a plain iterator of the same items.
            item = str(async_sig.return_annotation).removeprefix("AsyncGenerator[")
            assert str(sync_sig.return_annotation) == f"Iterator[{item.split(',')[0]}]", name
        else:
            assert sync_sig == async_sig, name
            assert inspect.iscoroutinefunction(member), name
    assert inspect.signature(StripeSync.__init__) == inspect.signature(AsyncStripeSync.__init__)


def test_help_shows_the_real_documentation() -> None:
    text = pydoc.render_doc(StripeSync, renderer=pydoc.plaintext)  # type: ignore[attr-defined]
    assert "See AsyncStripeSync" not in text
    assert "Backfill ``object``" in text  # process_until_done's own docstring
    assert "process_until_done(self, object: 'str | Sequence[str]' = 'all'" in text


def test_iterators_and_context_managers_are_generated_as_their_plain_kinds() -> None:
    script = _script()
    source = '''
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from .things import Thing

class AsyncStripeSync:
    def __init__(self, size: int) -> None:
        self.size = size

    async def close(self) -> None:
        """Close."""

    async def count(self, up_to: int, *, step: int = 1) -> AsyncIterator[Thing]:
        """Count."""
        yield Thing()

    @asynccontextmanager
    async def held(self) -> AsyncIterator[Thing]:
        """Hold."""
        yield Thing()

    def session(self) -> AbstractAsyncContextManager[int]:
        """A session."""
        raise NotImplementedError
'''
    text = script.render(source)
    assert "def count(self, up_to: int, *, step: int = 1) -> Iterator[Thing]:" in text
    assert "return self._iterate(self._core.count, up_to, step=step)" in text
    assert "def held(self) -> AbstractContextManager[Thing]:" in text
    assert "return self._enter(self._core.held)" in text
    assert "def session(self) -> AbstractContextManager[int]:" in text
    assert "from .things import Thing" in text
    assert "self.size = self._core.size" in text


class _Core:
    def __init__(self) -> None:
        self.closed = False
        self.finished: list[str] = []
        self.loops: set[int] = set()

    async def close(self) -> None:
        self.closed = True

    async def count(self, up_to: int) -> AsyncIterator[int]:
        try:
            for n in range(up_to):
                self.loops.add(threading.get_ident())
                yield n
        finally:
            self.finished.append("count")

    @contextlib.asynccontextmanager
    async def held(self) -> AsyncIterator[str]:
        self.loops.add(threading.get_ident())
        yield "in"
        self.finished.append("held")


class _Sync(Blocking[_Core]):
    def count(self, up_to: int) -> Iterator[int]:
        return self._iterate(self._core.count, up_to)

    def held(self) -> contextlib.AbstractContextManager[str]:
        return self._enter(self._core.held)


def test_blocking_runs_async_iterators_and_context_managers_on_its_loop() -> None:
    core = _Core()
    with _Sync(core) as runner:
        assert list(runner.count(3)) == [0, 1, 2]
        assert core.finished == ["count"]
        for n in runner.count(10):
            if n == 1:
                break
        # Leaving early closed the async generator on the loop.
        assert core.finished == ["count", "count"]
        with runner.held() as value:
            assert value == "in"
        assert core.finished[-1] == "held"
        assert core.loops
        assert threading.get_ident() not in core.loops
    assert core.closed
    with pytest.raises(ConfigError, match="closed"):
        runner.count(1)
    with pytest.raises(ConfigError, match="closed"):
        runner.held()
