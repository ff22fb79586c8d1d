"""Fixtures for tests that run the engine against the fake Stripe (in process) and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from stripe_sync import AsyncStripeSync
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import make_sync
from tests.integration.supabase_fixtures import (  # noqa: F401 - fixtures
    fake_supabase,
    pg15_extension_dir,
    supabase_pg_template,
    supabase_project_db,
)


@pytest.fixture
def fake() -> Iterator[FakeStripe]:
    with FakeStripe(seed=7) as fake:
        yield fake


@pytest.fixture
async def sync(fake: FakeStripe, database_url: str) -> AsyncIterator[AsyncStripeSync]:
    async with make_sync(fake, database_url) as engine:
        yield engine
