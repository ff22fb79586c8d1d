"""The client's connection pools over a real socket (the fake Stripe served by uvicorn)."""

from __future__ import annotations

import asyncio

from stripe_sync.client import POOL_SHARDS, StripeClient
from stripe_sync.config import StripeSyncConfig
from stripe_sync.testing import DEFAULT_API_KEY, FakeStripe, run_in_thread


async def test_concurrent_requests_use_every_pool_and_close_with_the_client() -> None:
    with FakeStripe(seed=3) as fake, run_in_thread(fake) as server:
        fake.seed("customer", 5)
        config = StripeSyncConfig(stripe_secret_key=DEFAULT_API_KEY, stripe_api_base=server.url)
        client = StripeClient(config)
        pages = await asyncio.gather(
            *(client.list_page("/v1/customers", {"limit": 2}) for _ in range(64))
        )
        assert [len(page.data) for page in pages] == [2] * 64
        pools = client._pools
        assert len(pools) == POOL_SHARDS > 1
        # Round robin: each pool carried a quarter of the requests on its own connections.
        assert all(len(pool._transport._pool.connections) > 0 for pool in pools)  # type: ignore[attr-defined]
        await client.aclose()
        assert all(pool.is_closed for pool in pools)
