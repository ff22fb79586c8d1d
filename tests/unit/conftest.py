"""Shared fixtures of the in-process tests: an httpx client wired to a module's ``fake``."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from stripe_sync.testing import FakeStripe


@pytest.fixture
async def client(fake: FakeStripe) -> AsyncIterator[httpx.AsyncClient]:
    """Talks to the ``fake`` fixture of the requesting module over ASGI (no sockets)."""
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=fake.app),
        base_url="http://fake-stripe",
        headers={"Authorization": f"Bearer {fake.api_key}"},
    ) as client:
        yield client
