"""The Sigma use cases of the facade: creating the tables, syncing them (see
:mod:`stripe_sync.sigma.sync`), with the engine's store, client and account."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .api import SigmaClient
from .catalog import resolve_tables
from .sync import SigmaResult, SigmaSync
from .tables import EnsureResult, ensure_tables

if TYPE_CHECKING:
    from ..engine import Engine

__all__ = ["migrate", "sync"]


async def migrate(engine: Engine, tables: str | Sequence[str] | None) -> EnsureResult:
    """See :meth:`AsyncStripeSync.migrate_sigma`."""
    store = await engine.store()
    async with store.connection() as conn:
        return await ensure_tables(conn, engine.config.sigma_schema, resolve_tables(tables))


async def sync(
    engine: Engine, tables: str | Sequence[str] | None, account: str | None
) -> SigmaResult:
    """See :meth:`AsyncStripeSync.sync_sigma`."""
    store = await engine.store()
    selected = resolve_tables(tables)
    account_id = account or await engine.platform_account()
    client = SigmaClient(engine.stripe())
    sigma = SigmaSync(engine.config, store, client, schema=engine.config.sigma_schema)
    return await sigma.sync(selected, account_id)
