"""The two faces of the API: ``StripeSync`` mirrors ``AsyncStripeSync`` method for method.

No I/O here: the engines are built with a database URL that is never connected to (a pool with
``min_size=0`` opens no connection until a statement needs one) and the calls made either fail
before reaching the database or never reach it.
"""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from stripe_sync import (
    AsyncStripeSync,
    ConfigError,
    MalformedPayloadError,
    PoolConfig,
    StripeSync,
    StripeSyncConfig,
    UnknownObjectError,
)

# Nothing listens here; a test that connects fails at once instead of hanging.
NOWHERE = "host=/nonexistent-stripe-sync-socket-dir dbname=nothing user=nobody"


def config() -> StripeSyncConfig:
    return StripeSyncConfig(
        stripe_secret_key="sk_test_unit_0000",
        stripe_webhook_secret="whsec_unit_0000",
        database_url=NOWHERE,
        pool_config=PoolConfig(min_size=0, connect_timeout_seconds=1),
    )


def public_methods(cls: type) -> dict[str, Callable[..., Any]]:
    return {
        name: member
        for name, member in vars(cls).items()
        if not name.startswith("_") and inspect.isfunction(member)
    }


def without_self(fn: Callable[..., Any]) -> inspect.Signature:
    sig = inspect.signature(fn)
    params = list(sig.parameters.values())
    assert params[0].name == "self"
    return sig.replace(parameters=params[1:])


#: Methods that return an iterator of results rather than one result.
ITERATORS = {"changes"}


def _first(results: Any) -> Any:
    """The first result of an iterator method, awaitable for the async engine's."""
    return anext(results) if inspect.isasyncgen(results) else next(results)


def test_same_public_methods() -> None:
    async_methods = public_methods(AsyncStripeSync)
    sync_methods = public_methods(StripeSync)
    assert set(sync_methods) == set(async_methods)
    assert {
        "close",
        "run_migrations",
        "process_webhook",
        "process_event",
        "sync_single_entity",
        "get_current_account",
    } <= set(async_methods)
    # No public non-method attribute sneaks onto one class only (properties, classmethods ...).
    sync_others = {n for n in vars(StripeSync) if not n.startswith("_")} - set(sync_methods)
    async_others = {n for n in vars(AsyncStripeSync) if not n.startswith("_")} - set(async_methods)
    assert sync_others == async_others == {"stripe_stats"}
    assert all(isinstance(vars(c)["stripe_stats"], property) for c in (StripeSync, AsyncStripeSync))


@pytest.mark.parametrize("name", sorted(public_methods(AsyncStripeSync)))
def test_method_twins(name: str) -> None:
    async_fn = public_methods(AsyncStripeSync)[name]
    sync_fn = public_methods(StripeSync)[name]
    if name in ITERATORS:
        # An async iterator (``async for``) and its twin, a plain iterator: the same parameters.
        assert without_self(sync_fn).parameters == without_self(async_fn).parameters
        assert inspect.isasyncgenfunction(async_fn)
        # The generated twin returns an iterator (see tests/unit/test_sync_facade.py).
        assert not inspect.iscoroutinefunction(sync_fn)
        assert "Iterator[" in str(inspect.signature(sync_fn).return_annotation)
    else:
        assert without_self(sync_fn) == without_self(async_fn)
        assert inspect.iscoroutinefunction(async_fn)
        assert not inspect.iscoroutinefunction(sync_fn)
        assert not inspect.isasyncgenfunction(sync_fn)
    assert sync_fn.__doc__
    assert async_fn.__doc__


def test_constructors_match() -> None:
    assert without_self(StripeSync.__init__) == without_self(AsyncStripeSync.__init__)


def test_context_manager_protocols() -> None:
    assert inspect.iscoroutinefunction(AsyncStripeSync.__aenter__)
    assert inspect.iscoroutinefunction(AsyncStripeSync.__aexit__)
    assert not inspect.iscoroutinefunction(StripeSync.__enter__)
    assert not inspect.iscoroutinefunction(StripeSync.__exit__)


def _calls(engine: Any) -> dict[str, Callable[[], Any]]:
    """One call of every public method except ``close``, with plausible arguments."""
    return {
        "run_migrations": lambda: engine.run_migrations(),
        "process_webhook": lambda: engine.process_webhook(b"{}", "t=1,v1=00"),
        "process_event": lambda: engine.process_event({"id": "evt_1"}),
        "sync_single_entity": lambda: engine.sync_single_entity("cus_1"),
        "get_current_account": lambda: engine.get_current_account(),
        "ping": lambda: engine.ping(),
        "wait_until_synced": lambda: engine.wait_until_synced("cus_1", timeout=0),
        "find_or_create_managed_webhook": lambda: engine.find_or_create_managed_webhook(
            "https://example.com/webhooks"
        ),
        "create_managed_webhook": lambda: engine.create_managed_webhook(
            "https://example.com/webhooks", ["customer.created"]
        ),
        "list_managed_webhooks": lambda: engine.list_managed_webhooks(),
        "get_managed_webhook": lambda: engine.get_managed_webhook("we_1"),
        "update_managed_webhook": lambda: engine.update_managed_webhook("we_1", disabled=True),
        "delete_managed_webhook": lambda: engine.delete_managed_webhook("we_1"),
        "cleanup_orphaned_managed_webhooks": lambda: engine.cleanup_orphaned_managed_webhooks(),
        "process_until_done": lambda: engine.process_until_done("customer"),
        "start_resumable_sync": lambda: engine.start_resumable_sync("customer"),
        "process_next": lambda: engine.process_next("customer"),
        "estimate_backfill": lambda: engine.estimate_backfill("customer"),
        "process_connected_accounts": lambda: engine.process_connected_accounts(),
        "list_sync_runs": lambda: engine.list_sync_runs(),
        "backfill_progress": lambda: engine.backfill_progress(),
        "sync_lag": lambda: engine.sync_lag(),
        "verify": lambda: engine.verify("customer", repair=True),
        "verify_runs": lambda: engine.verify_runs(),
        "status_snapshot": lambda: engine.status_snapshot(),
        "sync_sigma": lambda: engine.sync_sigma(["balance_transactions"]),
        "migrate_sigma": lambda: engine.migrate_sigma(),
        "use_managed_webhook": lambda: engine.use_managed_webhook("we_1", "i"),
        "release_managed_webhook": lambda: engine.release_managed_webhook("we_1", "i"),
        "poll_events": lambda: engine.poll_events(),
        "listen_events": lambda: engine.listen_events(threading.Event()),
        "listen_websocket": lambda: engine.listen_websocket(threading.Event()),
        "list_failed_events": lambda: engine.list_failed_events(),
        "replay_failed_events": lambda: engine.replay_failed_events(["evt_1"]),
        "get_all_synced_accounts": lambda: engine.get_all_synced_accounts(),
        "changes": lambda: _first(engine.changes(since=0, tables=["customers"])),
        "change_feed": lambda: engine.change_feed(enabled=True),
        "prune_changes": lambda: engine.prune_changes(retention_days=1),
        "dangerously_delete_synced_account_data": lambda: (
            engine.dangerously_delete_synced_account_data("acct_1", dry_run=True)
        ),
    }


def test_calls_cover_every_method() -> None:
    assert set(_calls(None)) == set(public_methods(AsyncStripeSync)) - {"close"}


def test_sync_close_twice_and_use_after_close() -> None:
    engine = StripeSync(config())
    engine.close()
    engine.close()
    for name, call in _calls(engine).items():
        with pytest.raises(ConfigError, match="closed"):
            call()
        assert name


def test_sync_with_block_closes() -> None:
    with StripeSync(config()) as engine:
        pass
    with pytest.raises(ConfigError, match="closed"):
        engine.sync_single_entity("cus_1")
    engine.close()


def test_sync_close_stops_its_thread() -> None:
    before = set(threading.enumerate())
    engine = StripeSync(config())
    started = set(threading.enumerate()) - before
    assert started, "StripeSync runs its event loop on a thread of its own"
    engine.close()
    for thread in started:
        thread.join(timeout=10)
        assert not thread.is_alive()


async def test_async_close_twice() -> None:
    engine = AsyncStripeSync(config())
    await engine.close()
    await engine.close()
    async with AsyncStripeSync(config()) as other:
        pass
    await other.close()


@pytest.mark.parametrize("name", sorted(_calls(None)))
async def test_async_use_after_close(name: str) -> None:
    engine = AsyncStripeSync(config())
    await engine.close()
    call: Callable[[], Awaitable[Any]] = _calls(engine)[name]
    # Every call must refuse before doing anything: no connection, no embedded server started.
    with pytest.raises(ConfigError, match="closed"):
        await call()


async def test_sync_facade_inside_a_running_event_loop() -> None:
    """``StripeSync`` called from a coroutine still works: it runs the async engine on its own
    loop in its own thread, so there is no "event loop is already running" error. The call
    blocks the caller's loop until it returns, so async code should prefer AsyncStripeSync."""
    outer = asyncio.get_running_loop()
    engine = StripeSync(config())
    try:
        # These reach the engine (across the portal) and fail there, before any I/O.
        with pytest.raises(UnknownObjectError, match="prefix"):
            engine.sync_single_entity("xyz_123")
        with pytest.raises(UnknownObjectError, match="parent"):
            engine.sync_single_entity("si_123", object="subscription_item")
        with pytest.raises(MalformedPayloadError):
            engine.process_event({"object": "event", "id": "evt_1", "type": "x", "data": {}})
    finally:
        engine.close()
    engine.close()
    # The caller's loop is untouched and still usable.
    assert asyncio.get_running_loop() is outer
    await asyncio.sleep(0)
