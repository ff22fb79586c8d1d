"""Backfill runs and their windows (``_sync_runs``, ``_sync_obj_runs``: plan, claim, page,
release, finish), their progress and history, and the Sigma watermarks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ..errors import DatabaseError
from ..queries import query
from .core import StoreCore, jsonb, jsonb_objects

__all__ = ["ClaimedWindow", "CommittedPage", "ObjectProgressRow", "RunQueries"]


@dataclass(frozen=True, slots=True)
class ClaimedWindow:
    """A backfill window this worker holds a lease on (a row of ``_sync_obj_runs``)."""

    id: int
    object: str
    #: ``list``, ``parents`` or ``children`` (see ``sql/migrations/0001_baseline.sql``).
    kind: str
    created_gte: datetime | None
    created_lt: datetime | None
    parent_ids: tuple[str, ...]
    cursor: str | None
    cursor_created: datetime | None
    #: Failures of this window given back to be retried so far (in this run).
    failures: int
    #: The database clock at the claim: the version of the first page fetched now.
    version: datetime
    #: Who holds the lease (``claimed_by``): one asyncio worker of one process.
    worker: str


@dataclass(frozen=True, slots=True)
class CommittedPage:
    """What ``_backfill_page_v1`` answered."""

    #: ``running`` (more pages), ``complete``, or ``lost`` (the lease went to another worker).
    status: str
    #: Ids whose write was a same-second tie with an event: to be re-fetched.
    ambiguous: tuple[str, ...]
    #: Set when the window was split: the older part became a new window.
    split_at: datetime | None
    #: The database clock after the commit: the version of the next page fetched now.
    next_version: datetime


@dataclass(frozen=True, slots=True)
class ObjectProgressRow:
    """One object of a run, from ``backfill_progress``."""

    object: str
    processed: int
    windows: int
    complete: int
    errors: int
    running: int
    #: Seconds of ``created`` range planned, and still to list (None when unbounded).
    span_seconds: float | None
    remaining_seconds: float | None
    unbounded: bool
    last_errors: tuple[str, ...]
    #: Objects listed per parent: the parents found so far (None for other objects), those
    #: whose objects are listed, and whether parents are still being listed.
    parents: int | None = None
    parents_done: int = 0
    listing_parents: bool = False


class RunQueries(StoreCore):
    """Backfill runs and Sigma watermarks (a part of :class:`~stripe_sync.store.Store`)."""

    async def backfill_plan(self, params: Mapping[str, Any]) -> tuple[int, bool]:
        row = await self._fetchone(
            query("backfill_plan", self.schema), {**params, "objects": jsonb(params["objects"])}
        )
        if row is None:  # pragma: no cover - the function always returns one row
            raise DatabaseError("_backfill_plan_v2 returned no row")
        return int(row[0]), bool(row[1])

    async def backfill_claim(
        self, run_id: int, worker: str, lease: timedelta, objects: Sequence[str] | None
    ) -> ClaimedWindow | None:
        params = {
            "run_id": run_id,
            "worker": worker,
            "lease": lease,
            "objects": list(objects) if objects is not None else None,
        }
        row = await self._fetchone(query("backfill_claim", self.schema), params)
        if row is None:
            return None
        wid, obj, kind, gte, lt, parent_ids, cursor, cursor_created, failures, version = row
        return ClaimedWindow(
            wid,
            obj,
            kind,
            gte,
            lt,
            tuple(parent_ids or ()),
            cursor,
            cursor_created,
            failures,
            version,
            worker,
        )

    async def backfill_page(self, params: Mapping[str, Any]) -> CommittedPage:
        row = await self._fetchone(
            query("backfill_page", self.schema),
            {
                **params,
                "objects": jsonb_objects(params["objects"]),
                "children": jsonb([c.as_json() for c in params["children"]]),
            },
        )
        if row is None:  # pragma: no cover - the function always returns one row
            raise DatabaseError("_backfill_page_v1 returned no row")
        status, ambiguous, split_at, next_version = row
        return CommittedPage(status, tuple(ambiguous or ()), split_at, next_version)

    async def backfill_release(
        self, window_id: int, worker: str, status: str, error: str | None = None
    ) -> None:
        params = {"window_id": window_id, "worker": worker, "status": status, "error": error}
        await self._fetchone(query("backfill_release", self.schema), params)

    async def backfill_holders(self, run_id: int) -> list[tuple[str, datetime]]:
        """``(worker, lease end)`` of each holder of a live lease in run ``run_id``."""
        rows = await self._fetchall(query("backfill_holders", self.schema), {"run_id": run_id})
        return [(str(worker), until) for worker, until in rows]

    async def backfill_expire_holders(self, run_id: int, holders: Sequence[str]) -> None:
        """Give back the windows that ``holders`` (known dead) lease in run ``run_id``."""
        params = {"run_id": run_id, "holders": list(holders)}
        await self._fetchone(query("backfill_expire_holders", self.schema), params, returns=False)

    async def backfill_finish(self, run_id: int) -> tuple[str, float | None]:
        row = await self._fetchone(query("backfill_finish", self.schema), (run_id,))
        if row is None:  # pragma: no cover - the run exists while it is worked on
            raise DatabaseError(f"sync run {run_id} not found")
        return str(row[0]), row[1]

    async def backfill_progress(self, run_id: int) -> list[ObjectProgressRow]:
        rows = await self._fetchall(query("backfill_progress", self.schema), (run_id,))
        return [
            ObjectProgressRow(
                object=r[0],
                processed=int(r[1]),
                windows=int(r[2]),
                complete=int(r[3]),
                errors=int(r[4]),
                running=int(r[5]),
                span_seconds=float(r[6]) if r[6] is not None else None,
                remaining_seconds=float(r[7]) if r[7] is not None else None,
                unbounded=bool(r[8]),
                last_errors=tuple(r[9] or ()),
                parents=int(r[10]) if r[10] is not None else None,
                parents_done=int(r[11]),
                listing_parents=bool(r[12]),
            )
            for r in rows
        ]

    async def backfill_cursors(
        self, account_id: str, objects: Sequence[str], mode: str = "unknown"
    ) -> dict[str, datetime]:
        """Per object, the end of the range the incremental backfills of ``mode`` have listed."""
        rows = await self._fetchall(
            query("backfill_cursors", self.schema),
            {"account_id": account_id, "objects": list(objects), "mode": mode},
        )
        return {str(r[0]): r[1] for r in rows}

    async def backfill_run(self, run_id: int) -> dict[str, Any] | None:
        row = await self._fetchone(query("backfill_run", self.schema), (run_id,))
        if row is None:
            return None
        keys = ("id", "account_id", "status", "started_at", "closed_at", "objects", "error")
        return dict(zip(keys, row, strict=True))

    async def recent_runs(self, account_id: str | None, limit: int) -> list[dict[str, Any]]:
        rows = await self._fetchall(
            query("recent_runs", self.schema), {"account_id": account_id, "limit": limit}
        )
        keys = (
            "run_id", "account_id", "started_at", "closed_at", "status", "total_processed",
            "complete_windows", "error_windows", "running_windows", "pending_windows",
            "objects", "error", "mode",
        )  # fmt: skip
        return [dict(zip(keys, r, strict=True)) for r in rows]

    async def sync_lag(self, account_id: str | None) -> list[dict[str, Any]]:
        rows = await self._fetchall(query("sync_lag", self.schema), {"account_id": account_id})
        keys = (
            "account_id", "mode", "object", "last_event_created", "seconds_behind",
            "last_backfill_completed_at", "backfill_running", "failing_windows", "last_error",
        )  # fmt: skip
        return [dict(zip(keys, r, strict=True)) for r in rows]

    async def latest_object_progress(self) -> list[dict[str, Any]]:
        rows = await self._fetchall(query("latest_object_progress", self.schema), ())
        keys = (
            "object", "run_id", "status", "processed", "windows", "complete_windows",
            "error_windows", "running_windows", "pending_windows", "last_error", "mode",
        )  # fmt: skip
        return [dict(zip(keys, r, strict=True)) for r in rows]

    async def run_objects(self, run_id: int) -> list[dict[str, Any]]:
        rows = await self._fetchall(query("run_objects", self.schema), (run_id,))
        keys = (
            "object", "status", "processed", "windows", "complete_windows", "error_windows",
            "running_windows", "pending_windows", "last_error",
        )  # fmt: skip
        return [dict(zip(keys, r, strict=True)) for r in rows]

    async def sigma_watermark(self, account_id: str, object_name: str) -> datetime | None:
        row = await self._fetchone(query("sigma_watermark", self.schema), (account_id, object_name))
        return row[0] if row else None
