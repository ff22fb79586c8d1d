"""The verify use case of the facade: the run's scope (objects, account, floor, ``since``),
then a :class:`~stripe_sync.verify.Verifier` that proves the mirror complete and repairs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from .backfill import parse_created
from .backfill_runs import scope
from .engine import Engine
from .errors import ConfigError
from .resources import resolve
from .verify import Verifier, VerifyResult

__all__ = ["run"]


async def run(
    engine: Engine,
    objects: str | Sequence[str],
    since: datetime | str | int | None,
    repair: bool,
    deep: bool,
    account: str | None,
    settle_seconds: float,
) -> VerifyResult:
    """See :meth:`AsyncStripeSync.verify`."""
    if settle_seconds < 0:
        raise ConfigError("settle_seconds must be 0 or more")
    resources = resolve(objects)
    everything = objects == "all" or (not isinstance(objects, str) and "all" in objects)
    floor_since = parse_created({"gte": since})[0] if since is not None else None
    if floor_since is not None and floor_since > datetime.now(UTC):
        raise ConfigError(f"since is in the future: {floor_since:%Y-%m-%d %H:%M:%S} UTC")
    account_id, connected, floor = await scope(engine, account)
    store = await engine.store()
    await engine.share_limiter()
    verifier = Verifier(engine.config, store, engine.stripe, await engine.ingestor(), engine.apply)
    return await verifier.run(
        resources,
        account_id=account_id,
        connected=connected,
        floor=floor,
        since=floor_since,
        settle=timedelta(seconds=settle_seconds),
        repair=repair,
        deep=deep,
        all_objects=everything,
    )
