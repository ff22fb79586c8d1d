"""Verify runs (``_verify_runs``): their results, the checks' set-based comparisons and the
windows known unchanged (see :mod:`stripe_sync.verify`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ..queries import query
from .core import StoreCore, jsonb

__all__ = ["VERIFY_RUN_COLUMNS", "VerifyQueries"]

#: The columns of the ``verify_runs`` view, in the order ``verify_runs`` returns them.
VERIFY_RUN_COLUMNS = (
    "run_id", "account_id", "started_at", "finished_at", "status", "since", "until", "repair",
    "check_type", "object", "checked", "missing", "extra", "stale", "repaired", "remaining",
    "windows_listed", "windows_skipped", "sample", "note", "error", "error_message", "mode",
)  # fmt: skip


class VerifyQueries(StoreCore):
    """Verify runs (a part of :class:`~stripe_sync.store.Store`)."""

    async def verify_start(self, params: Mapping[str, Any]) -> int:
        """Open a verify run (a row of ``_verify_runs``); returns its id."""
        row = await self._fetchone(query("verify_start", self.schema), params)
        assert row is not None  # INSERT ... RETURNING always returns the row
        return int(row[0])

    async def verify_result(self, params: Mapping[str, Any]) -> None:
        """Store (or replace) one check's result of a run."""
        await self._fetchone(
            query("verify_result", self.schema),
            {**params, "sample": jsonb(params["sample"])},
            returns=False,
        )

    async def verify_finish(self, run_id: int, status: str, error: str | None) -> None:
        params = {"run_id": run_id, "status": status, "error": error}
        await self._fetchone(query("verify_finish", self.schema), params, returns=False)

    async def verify_events(self, events: Sequence[Mapping[str, Any]]) -> dict[str, str]:
        """Event id -> ``applied``, ``superseded`` or ``missing`` (``_verify_events``)."""
        rows = await self._fetchall(
            query("verify_events", self.schema), {"events": jsonb(list(events))}
        )
        return {str(event_id): str(status) for event_id, status in rows}

    async def verify_page(
        self, table: str, account_id: str, objects: Sequence[Mapping[str, Any]], version: datetime
    ) -> list[tuple[str, str]]:
        """``(id, missing|stale)`` of a listed page (``_verify_page``)."""
        params = {
            "table": table,
            "account_id": account_id,
            "objects": jsonb(list(objects)),
            "version": version,
        }
        rows = await self._fetchall(query("verify_page", self.schema), params)
        return [(str(object_id), str(drift)) for object_id, drift in rows]

    async def verify_extra(
        self,
        table: str,
        account_id: str,
        gte: datetime,
        lt: datetime,
        ids: Sequence[str],
        livemode: bool | None = None,
    ) -> list[str]:
        """Rows alive here in the window that its listing did not return (``_verify_extra``);
        rows of the other mode than ``livemode`` are not the listing's to return."""
        params = {
            "table": table,
            "account_id": account_id,
            "gte": gte,
            "lt": lt,
            "ids": ids,
            "livemode": livemode,
        }
        rows = await self._fetchall(query("verify_extra", self.schema), params)
        return [str(r[0]) for r in rows]

    async def verify_unchanged_windows(
        self,
        table: str,
        account_id: str,
        object_name: str,
        fresh_after: datetime,
        mode: str = "unknown",
    ) -> list[tuple[datetime, datetime]]:
        """``(created_gte, created_lt)`` of ``mode``'s recorded windows without a write since."""
        params = {
            "table": table,
            "account_id": account_id,
            "object": object_name,
            "fresh_after": fresh_after,
            "mode": mode,
        }
        rows = await self._fetchall(query("verify_unchanged_windows", self.schema), params)
        return [(gte, lt) for gte, lt in rows]

    async def verify_record_window(self, params: Mapping[str, Any]) -> None:
        await self._fetchone(query("verify_record_window", self.schema), params, returns=False)

    async def verify_forget_window(
        self, account_id: str, object_name: str, gte: datetime, mode: str = "unknown"
    ) -> None:
        params = {"account_id": account_id, "object": object_name, "gte": gte, "mode": mode}
        await self._fetchone(query("verify_forget_window", self.schema), params, returns=False)

    async def verify_runs(
        self, account_id: str | None, *, limit: int, latest: bool
    ) -> list[dict[str, Any]]:
        """Rows of the ``verify_runs`` view for the newest finished runs."""
        params = {"account_id": account_id, "limit": limit, "latest": latest}
        rows = await self._fetchall(query("verify_runs", self.schema), params)
        return [dict(zip(VERIFY_RUN_COLUMNS, r, strict=True)) for r in rows]
