"""A snapshot of the sync's state for people: what the status page (and ``stripe-sync status``)
shows, gathered from the engine's read-only calls in one place.

:func:`take_snapshot` reads only the database (no Stripe call, no Stripe key needed) through
the public reads of :class:`~stripe_sync.facade.AsyncStripeSync`: ``get_all_synced_accounts``,
``sync_lag``, ``list_sync_runs``, ``list_failed_events`` and ``get_managed_webhook``. It joins
them per account, object and mode (:func:`build_snapshot`, pure: one database may hold an
account's live and test data, each with its own backfills) and keeps no secret: managed
webhooks come without their signing secret, dead letters without their payload.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .facade import AsyncStripeSync

__all__ = ["AccountStatus", "ObjectStatus", "StatusSnapshot", "build_snapshot", "take_snapshot"]

#: Runs read to find each account's newest one (runs of many accounts interleave).
RUNS_READ = 50
#: Dead letters shown, newest failure first.
FAILED_EVENTS_SHOWN = 50


@dataclass(frozen=True, slots=True)
class ObjectStatus:
    """One object of one account in one mode: its lag (``sync_lag``) and the newest backfill
    run of that mode."""

    object: str
    last_event_created: datetime | None = None
    seconds_behind: float | None = None
    last_backfill_completed_at: datetime | None = None
    failing_windows: int = 0
    last_error: str | None = None
    #: The newest run's state for this object (``running``, ``complete``, ``error``, ...).
    backfill_status: str | None = None
    backfill_processed: int = 0
    backfill_windows: int = 0
    backfill_windows_done: int = 0
    #: ``live``, ``test``, or ``unknown`` (a run of a runtime that did not say its key's mode,
    #: or events of an object no backfill listed: an event does not keep its mode).
    mode: str = "unknown"


@dataclass(frozen=True, slots=True)
class AccountStatus:
    """One account with data in the database."""

    id: str
    name: str | None
    own: bool
    last_event_created: datetime | None
    last_backfill_at: datetime | None
    #: Its newest backfill run (``sync_runs``), of either mode: ``run_id``, ``mode``,
    #: ``status``, ``started_at``, ...
    last_run: Mapping[str, Any] | None
    #: One per object and mode, by object then mode.
    objects: Sequence[ObjectStatus]
    #: Its managed webhook endpoints as stored: ``id``, ``url``, ``status``, ``api_version``, ...
    webhooks: Sequence[Mapping[str, Any]]
    #: The modes its data is known in: ``live``, ``test``, ``live+test``, or None
    #: (``get_all_synced_accounts``).
    modes: str | None = None


@dataclass(frozen=True, slots=True)
class StatusSnapshot:
    """What the status page shows, read at ``taken_at``."""

    taken_at: datetime
    accounts: Sequence[AccountStatus]
    #: Unresolved dead letters, newest failure first, without their payload.
    failed_events: Sequence[Mapping[str, Any]] = field(default_factory=list)


async def take_snapshot(sync: AsyncStripeSync) -> StatusSnapshot:
    """Read the state of every account from the database (see the module docstring)."""
    accounts = await sync.get_all_synced_accounts()
    lag = await sync.sync_lag()
    runs = await sync.list_sync_runs(limit=RUNS_READ)
    failed = await sync.list_failed_events(limit=FAILED_EVENTS_SHOWN)
    webhooks: dict[str, dict[str, Any]] = {}
    for account in accounts:
        for webhook_id in account.get("managed_webhooks") or ():
            row = await sync.get_managed_webhook(str(webhook_id))
            if row is not None:
                webhooks[str(webhook_id)] = row
    return build_snapshot(accounts, lag, runs, failed, webhooks, taken_at=datetime.now(UTC))


def build_snapshot(
    accounts: Sequence[Mapping[str, Any]],
    lag: Sequence[Mapping[str, Any]],
    runs: Sequence[Mapping[str, Any]],
    failed_events: Sequence[Mapping[str, Any]],
    webhooks: Mapping[str, Mapping[str, Any]],
    *,
    taken_at: datetime,
) -> StatusSnapshot:
    """Join the engine's reads per account, object and mode; nothing secret passes through."""
    newest_run: dict[str, Mapping[str, Any]] = {}
    newest_of_mode: dict[tuple[str, str], Mapping[str, Any]] = {}
    for each in runs:  # newest first
        newest_run.setdefault(str(each["account_id"]), each)
        newest_of_mode.setdefault((str(each["account_id"]), _mode(each)), each)
    lag_by_account: dict[str, list[Mapping[str, Any]]] = {}
    for row in lag:
        lag_by_account.setdefault(str(row["account_id"]), []).append(row)
    known = {str(a["id"]) for a in accounts}
    # An account may show in sync_lag or sync_runs before any table holds one of its rows.
    extra = [{"id": a} for a in sorted({*lag_by_account, *newest_run} - known)]
    statuses = []
    for account in [*accounts, *extra]:
        account_id = str(account["id"])
        run = newest_run.get(account_id)
        # Each object's progress in the newest run of its mode: a live run says nothing of
        # the test objects, nor the reverse.
        progress = {
            (str(o["object"]), mode): o
            for (owner, mode), newest in newest_of_mode.items()
            if owner == account_id
            for o in newest.get("object_progress") or ()
        }
        objects: dict[tuple[str, str], ObjectStatus] = {}
        for row in lag_by_account.get(account_id, ()):
            key = (str(row["object"]), _mode(row))
            objects[key] = _object(row, progress.get(key))
        for (name, mode), listed in progress.items():
            if (name, mode) not in objects:
                objects[name, mode] = _object({"object": name, "mode": mode}, listed)
        statuses.append(
            AccountStatus(
                id=account_id,
                name=account.get("business_name"),
                own=bool(account.get("has_api_key")),
                last_event_created=account.get("last_event_created"),
                last_backfill_at=account.get("last_backfill_at"),
                last_run=_without(run, "object_progress") if run is not None else None,
                objects=[objects[key] for key in sorted(objects)],
                webhooks=[
                    _without(webhooks[str(w)], "secret")
                    for w in account.get("managed_webhooks") or ()
                    if str(w) in webhooks
                ],
                modes=account.get("modes"),
            )
        )
    return StatusSnapshot(
        taken_at=taken_at,
        accounts=statuses,
        failed_events=[_without(e, "payload") for e in failed_events],
    )


def _object(lag: Mapping[str, Any], progress: Mapping[str, Any] | None) -> ObjectStatus:
    p = progress or {}
    return ObjectStatus(
        object=str(lag["object"]),
        last_event_created=lag.get("last_event_created"),
        seconds_behind=lag.get("seconds_behind"),
        last_backfill_completed_at=lag.get("last_backfill_completed_at"),
        failing_windows=int(lag.get("failing_windows") or 0),
        last_error=lag.get("last_error") or p.get("last_error"),
        backfill_status=p.get("status"),
        backfill_processed=int(p.get("processed") or 0),
        backfill_windows=int(p.get("windows") or 0),
        backfill_windows_done=int(p.get("complete_windows") or 0),
        mode=_mode(lag),
    )


def _mode(row: Mapping[str, Any]) -> str:
    return str(row.get("mode") or "unknown")


def _without(row: Mapping[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != key}
