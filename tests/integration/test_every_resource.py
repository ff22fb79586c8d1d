"""Every registry resource through the real paths, against the fake Stripe (issue 15).

The fake serves every resource from Stripe's example objects (``FakeStripe.seed_every_resource``,
data-driven); the backfill of ``all`` must fill every table, a restricted key that lacks some
permissions must cost only those resources, and every webhook event type whose object has a
table must land in it.
"""

from __future__ import annotations

import psycopg

from stripe_sync.backfill import listable_objects
from stripe_sync.resources import REGISTRY
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import make_sync


def fake_ids(fake: FakeStripe, name: str) -> set[str]:
    table = fake.store.platform.tables.get(name)
    return set(table.records) if table is not None else set()


def table_counts(url: str) -> dict[str, int]:
    """Live rows per object table (the views people query)."""
    counts: dict[str, int] = {}
    with psycopg.connect(url) as conn:
        for resource in REGISTRY.values():
            (n,) = conn.execute(
                psycopg.sql.SQL("SELECT count(*) FROM stripe.{} WHERE NOT deleted").format(
                    psycopg.sql.Identifier(resource.table)
                )
            ).fetchone() or (0,)
            counts[resource.table] = int(n)
    return counts


def db_ids(url: str, table: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {
            str(r[0])
            for r in conn.execute(
                psycopg.sql.SQL("SELECT id FROM stripe.{} WHERE NOT deleted").format(
                    psycopg.sql.Identifier(table)
                )
            )
        }


async def test_backfill_all_fills_every_table(fake: FakeStripe, database_url: str) -> None:
    fake.seed_realistic(20)
    added = fake.seed_every_resource(3)
    assert len(added) > 60
    async with make_sync(fake, database_url, auto_expand_lists=True) as sync:
        result = await sync.process_until_done("all")
    assert result.status == "complete", result.errors
    assert set(result.objects) == set(listable_objects())
    counts = table_counts(database_url)
    assert len(counts) >= 80
    assert {t: n for t, n in counts.items() if n == 0} == {}
    # Exactly the fake's objects, on the platform account (connected accounts are rows of
    # connected_accounts; their own data is synced with process_connected_accounts).
    for resource in REGISTRY.values():
        if resource.name == "account":
            expected = set(fake.store.accounts) - {fake.account_id}
        else:
            expected = fake_ids(fake, resource.name)
        assert db_ids(database_url, resource.table) == expected, resource.name
