"""Secrets: the run's Stripe key, webhook secret and database password never appear in what
``stripe-sync`` prints or logs (``-vv``: debug), answers over HTTP, or leaves in the database's
error columns, nor in the PostgreSQL server's log.

:func:`secrets_check` first provokes the paths where a secret would most likely slip out (a
restricted key's 403, the database down or missing, rejected and failed deliveries, /metrics),
then reads everything the run produced so far: run it last to cover the other scenarios too.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field

import httpx
from psycopg.conninfo import make_conninfo

from stripe_sync.testing import FakeStripe
from tests.chaos.context import Chaos, Size
from tests.chaos.deliveries import Deliveries, post_all, signer
from tests.chaos.harness import Server, cli_env, fake_stripe, leaks, webhook_server
from tests.integration.test_server import customer_created


@dataclass
class SecretsFigures:
    texts: int
    megabytes: float
    leaks: list[str]
    #: A secret put in a text on purpose is found (the check itself works).
    planted_found: bool
    problems: list[str] = field(default_factory=list)


def secrets_check(chaos: Chaos, size: Size) -> SecretsFigures:
    """Provoke the error paths, then look for the secrets in everything the run produced."""
    with fake_stripe(chaos.secrets, seed=chaos.seed) as stripe:
        fake = stripe.fake
        fake.seed("customer", 250)
        fake.seed("product", 30)
        # A restricted key without products: that window fails with Stripe's 403.
        fake.deny("GET /v1/products")
        url = chaos.database("secrets")
        for args in (
            ("backfill", "customer", "product", "--json"),
            ("status",),
            ("events", "failed", "--json"),
            ("webhooks", "list"),
        ):
            chaos.run(stripe, url, *args)
        chaos.run(stripe, make_conninfo(url, dbname="no_such_database"), "backfill", "customer")
        chaos.postgres.stop("fast")
        try:
            chaos.run(stripe, url, "backfill", "customer")
            chaos.run(stripe, url, "status")
        finally:
            chaos.postgres.start()
        with webhook_server(chaos.outputs, cli_env(chaos.secrets, stripe, url)) as server:
            answers = [*rejected(chaos, fake, server).texts("rejected delivery")]
            answers.append(("/metrics", httpx.get(f"{server.url}/metrics", timeout=10).text))
            event = customer_created(fake, "Database down")
            chaos.postgres.stop("fast")
            try:
                answers += _deliver(chaos, server, event).texts("delivery, database down")
            finally:
                chaos.postgres.start()
        chaos.outputs.add(answers)
    texts = chaos.texts()
    planted = f"connection failed: postgresql://chaos:{chaos.secrets.db_password}@host/db"
    figures = SecretsFigures(
        texts=len(texts),
        megabytes=sum(len(text) for _, text in texts) / 1e6,
        leaks=leaks(chaos.secrets, texts),
        planted_found=leaks(chaos.secrets, [("planted", planted)])
        == ["planted: database password"],
    )
    figures.problems = [f"secret leaked in {where}" for where in figures.leaks]
    if not figures.planted_found:
        figures.problems.append("the check does not find a secret put there on purpose")
    return figures


def rejected(chaos: Chaos, fake: FakeStripe, server: Server) -> Deliveries:
    """Deliveries the server rejects: signed with another secret, not signed, not JSON."""
    event = json.dumps(customer_created(fake, "Rejected")).encode()
    ours = signer(chaos.secrets.webhook_secret)
    bodies = [
        (event, signer("whsec_someone_else_000000000000")),
        (event, lambda _: {}),
        (b"{not json", ours),
    ]
    return asyncio.run(post_all(f"{server.url}/webhooks", bodies, concurrency=1))


def _deliver(chaos: Chaos, server: Server, event: dict[str, object]) -> Deliveries:
    body = json.dumps(event).encode()
    sign = signer(chaos.secrets.webhook_secret)
    return asyncio.run(post_all(f"{server.url}/webhooks", [(body, sign)], concurrency=1))
