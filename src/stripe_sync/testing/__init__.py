"""A fake Stripe API for tests and benchmarks: ``stripe_sync.testing``.

The fake is stateful and in memory, speaks Stripe's wire format (form-encoded bracket
parameters, list pagination with ``starting_after``/``ending_before``, ``created`` filters,
``expand[]``, truncated nested lists, Stripe's error objects, ``Request-Id``), records an event
for every write, delivers signed webhooks, and can inject latency, 429s and 5xx.

In your own tests, in process (no sockets)::

    import httpx
    from stripe_sync.testing import FakeStripe

    with FakeStripe() as fake:
        transport = httpx.ASGITransport(app=fake.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://stripe") as client:
            r = await client.post("/v1/customers", data={"email": "a@example.com"},
                                  headers={"Authorization": f"Bearer {fake.api_key}"})

Over real HTTP, e.g. with the official ``stripe`` package::

    import stripe
    from stripe_sync.testing import FakeStripe, run_in_thread

    with FakeStripe() as fake, run_in_thread(fake) as server:
        client = stripe.StripeClient(fake.api_key, base_addresses={"api": server.url})
        client.v1.customers.create(params={"email": "a@example.com"})

Seed data without HTTP: ``fake.seed("customer", 10_000, created_range=(t0, t1))`` or
``fake.seed_realistic(scale=1000)``. Receive webhooks: ``ep = fake.add_webhook_endpoint(url)``
(``ep["secret"]`` verifies signatures), then ``fake.wait_for_webhooks()`` and inspect
``fake.deliveries``. The Stripe CLI's channel (``POST /v1/stripecli/sessions`` and its
websocket, over real HTTP) is driven through ``fake.cli_sessions``. Inject trouble:
``fake.configure(rate_limit_probability=0.2, seed=1)``.

As a separate process: ``stripe-sync fake-stripe --port 12111`` (which calls :func:`serve`),
driven through the ``/_fake/`` control endpoints (see :mod:`stripe_sync.testing.control`).
"""

from __future__ import annotations

from .errors import FakeStripeError
from .events import DEFAULT_API_VERSION
from .fake import DEFAULT_API_KEY, FakeStripe
from .faults import RATE_LIMIT_REASONS, FaultConfig
from .forms import decode_query, encode
from .server import RunningServer, free_port, run_in_thread, serve
from .webhooks import DeliveryAttempt, sign_payload, signed_event

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_API_VERSION",
    "RATE_LIMIT_REASONS",
    "DeliveryAttempt",
    "FakeStripe",
    "FakeStripeError",
    "FaultConfig",
    "RunningServer",
    "decode_query",
    "encode",
    "free_port",
    "run_in_thread",
    "serve",
    "sign_payload",
    "signed_event",
]
