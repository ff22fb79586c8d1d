"""The service behind ``stripe-sync start``, in process: real PostgreSQL and the fake Stripe."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import pytest

from stripe_sync.service import ServiceOptions, run_service
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import make_sync


async def _until(condition: Callable[[], object], service: asyncio.Task[None]) -> None:
    async with asyncio.timeout(30):
        while not condition():
            assert not service.done(), service.exception()
            await asyncio.sleep(0.05)


async def test_a_successful_background_backfill_logs_at_info_not_warning(
    fake: FakeStripe, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The CLI shows WARNING and above by default: a backfill that went well is not one."""
    fake.seed("customer", 30)
    options = ServiceOptions(listen_mode="events", port=0, poll_interval=0.2)
    stop = asyncio.Event()
    caplog.set_level(logging.INFO, logger="stripe_sync.service")

    def finished() -> list[logging.LogRecord]:
        return [r for r in caplog.records if "background backfill run" in r.getMessage()]

    async with make_sync(fake, database_url) as sync:
        service = asyncio.create_task(run_service(sync, options, stop))
        try:
            await _until(finished, service)
        finally:
            stop.set()
            await service
    (record,) = finished()
    assert "complete" in record.getMessage()
    assert record.levelno == logging.INFO
    service_warnings = [
        r.getMessage()
        for r in caplog.records
        if r.name == "stripe_sync.service" and r.levelno >= logging.WARNING
    ]
    assert service_warnings == []
