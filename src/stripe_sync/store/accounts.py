"""Accounts: the stored ones, the key that reaches each, and deleting one's data."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..queries import query
from .core import StoreCore, jsonb

__all__ = ["AccountQueries"]


class AccountQueries(StoreCore):
    """Accounts (a part of :class:`~stripe_sync.store.Store`)."""

    async def account_for_key(self, key_hash: str) -> str | None:
        row = await self._fetchone(query("account_for_key", self.schema), (key_hash,))
        return str(row[0]) if row else None

    async def upsert_account(self, account: Mapping[str, Any], key_hash: str | None) -> None:
        await self._fetchone(
            query("upsert_account", self.schema),
            {"id": account["id"], "raw": jsonb(dict(account)), "key_hash": key_hash},
            returns=False,
        )

    async def account_created(self, account_id: str) -> tuple[bool, datetime | None]:
        """``(known, created)`` of a stored account."""
        row = await self._fetchone(query("account_created", self.schema), (account_id,))
        return (row is not None, row[0] if row is not None else None)

    async def synced_accounts(self) -> list[dict[str, Any]]:
        """Every account with a row anywhere (``_account_ids``), with what is known of it."""
        rows = await self._fetchall(query("synced_accounts", self.schema), ())
        keys = (
            "id", "business_name", "email", "type", "country", "created", "has_api_key",
            "last_event_created", "last_backfill_at", "last_synced_at", "managed_webhooks",
            "tables", "modes",
        )  # fmt: skip
        return [dict(zip(keys, r, strict=True)) for r in rows]

    async def delete_account_data(self, account_id: str, dry_run: bool) -> dict[str, int]:
        """Rows of the account per table, deleted in one transaction unless ``dry_run``."""
        rows = await self._fetchall(
            query("delete_account_data", self.schema),
            {"account_id": account_id, "dry_run": dry_run},
        )
        return {str(table): int(n) for table, n in rows}
