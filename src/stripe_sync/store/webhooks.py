"""Managed webhook endpoints (``_managed_webhooks``, see :mod:`stripe_sync.managed_webhooks`)
and the instances that use them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from ..errors import DatabaseError
from ..queries import query
from .core import StoreCore, jsonb

__all__ = ["MANAGED_WEBHOOK_COLUMNS", "WebhookQueries"]

#: The columns of ``_managed_webhooks``, in the order its statements return them.
MANAGED_WEBHOOK_COLUMNS = (
    "id",
    "url",
    "account_id",
    "secret",
    "enabled_events",
    "status",
    "api_version",
    "description",
    "metadata",
    "installation_id",
    "created_at",
    "updated_at",
    "mode",
)


class WebhookQueries(StoreCore):
    """Managed webhook endpoints (a part of :class:`~stripe_sync.store.Store`)."""

    async def managed_webhook_secrets(self) -> list[str]:
        rows = await self._fetchall(query("managed_webhook_secrets", self.schema), ())
        return [r[0] for r in rows]

    async def installation_id(self) -> str:
        row = await self._fetchone(query("installation_id", self.schema), ())
        if row is None:
            raise DatabaseError("the _installation table is empty; run the migrations again")
        return str(row[0])

    async def managed_webhooks(self, account_id: str) -> list[dict[str, Any]]:
        rows = await self._fetchall(
            query("managed_webhooks_of_account", self.schema), (account_id,)
        )
        return [_webhook_row(r) for r in rows]

    async def managed_webhook(self, webhook_id: str) -> dict[str, Any] | None:
        row = await self._fetchone(query("managed_webhook_by_id", self.schema), (webhook_id,))
        return _webhook_row(row) if row else None

    async def managed_webhook_for_url(
        self, url: str, account_id: str, mode: str
    ) -> dict[str, Any] | None:
        """The endpoint of ``mode`` for the URL, else one that does not say its mode."""
        row = await self._fetchone(
            query("managed_webhook_by_url", self.schema),
            {"url": url, "account_id": account_id, "mode": mode},
        )
        return _webhook_row(row) if row else None

    async def managed_webhook_ids(self) -> set[str]:
        rows = await self._fetchall(query("managed_webhook_ids", self.schema), ())
        return {str(r[0]) for r in rows}

    async def insert_managed_webhook(self, row: Mapping[str, Any]) -> dict[str, Any]:
        params = {**row, "metadata": jsonb(dict(row["metadata"]))}
        stored = await self._fetchone(query("insert_managed_webhook", self.schema), params)
        if stored is None:  # pragma: no cover - INSERT ... RETURNING always returns the row
            raise DatabaseError("insert_managed_webhook returned no row")
        return _webhook_row(stored)

    async def update_managed_webhook(self, row: Mapping[str, Any]) -> dict[str, Any] | None:
        params = {**row, "metadata": jsonb(dict(row["metadata"]))}
        stored = await self._fetchone(query("update_managed_webhook", self.schema), params)
        return _webhook_row(stored) if stored else None

    async def webhook_user_seen(self, webhook_id: str, instance: str) -> None:
        await self._fetchone(
            query("webhook_user_seen", self.schema),
            {"webhook_id": webhook_id, "instance": instance},
            returns=False,
        )

    async def webhook_user_gone(self, webhook_id: str, instance: str, grace: timedelta) -> int:
        """Unregister ``instance``; how many other instances still use the endpoint."""
        row = await self._fetchone(
            query("webhook_user_gone", self.schema),
            {"webhook_id": webhook_id, "instance": instance, "grace": grace},
        )
        return int(row[0]) if row else 0

    async def delete_managed_webhook(self, webhook_id: str) -> bool:
        row = await self._fetchone(query("delete_managed_webhook", self.schema), (webhook_id,))
        return row is not None


def _webhook_row(row: Sequence[Any]) -> dict[str, Any]:
    return dict(zip(MANAGED_WEBHOOK_COLUMNS, row, strict=True))
