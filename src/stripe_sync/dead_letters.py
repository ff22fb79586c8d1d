"""Dead letters: verified events that failed for a reason that retrying will not fix.

An event that ``process_event`` cannot apply is sorted by the error's type (never its text):

- a **transient** error (:class:`DatabaseUnavailableError`, Stripe rate limits, 5xx, network)
  propagates: nothing is stored, the webhook answers 503 and Stripe delivers the event again;
- a rejected input (:class:`WebhookError`: a bad signature or a malformed event, so nothing was
  verified) or a misconfigured engine (:class:`ConfigError`) propagates too;
- anything else (a Stripe 4xx while the event was re-fetched or expanded, a
  :class:`DatabaseError` from the write path, an unexpected exception) is a **dead letter**: the
  whole event is stored in ``_dead_letters`` with the error's class and message, and
  ``process_event`` returns a :class:`SyncResult` whose outcome is ``failed``, so the webhook
  answers 200 and Stripe stops retrying a delivery that cannot succeed.

A dead letter is resolved when its event is applied after all: the transaction that records the
event in ``_processed_events`` also sets ``resolved_at`` (a trigger, see
``0001_baseline.sql``), whether the event came again from Stripe or from :meth:`replay`.
An event that failed only after its own write committed (fetching the related objects of
``backfill_related_entities``) is already recorded as processed: its replay answers
``duplicate`` and resolves it without fetching the related objects again.

Stored messages never hold a secret: the library's own messages contain none (see
:mod:`stripe_sync.errors`), and every message is scrubbed of the configured secrets and of
anything shaped like a Stripe key or webhook secret before it is stored or logged.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import PurePath
from typing import Any

from . import errors
from .config import StripeSyncConfig
from .errors import ConfigError, StripeSyncError, WebhookError
from .events import check_event
from .ingest import Outcome, SyncResult
from .jsoncodec import without_nul
from .resources import UNROUTED_EVENTS, by_object
from .store import Store

__all__ = ["DEAD_LETTER_COLUMNS", "DeadLetters", "dead_letterable", "describe_error"]

_default_logger = logging.getLogger(__name__)

#: The columns of ``_dead_letters``, as ``list_failed_events`` returns them.
DEAD_LETTER_COLUMNS = (
    "event_id",
    "account_id",
    "type",
    "created",
    "payload",
    "error_class",
    "error_message",
    "attempts",
    "first_failed_at",
    "last_failed_at",
    "resolved_at",
)
#: Longest stored message; the rest is cut (a message is for a person, not a dump).
MAX_MESSAGE_CHARS = 2000
_REDACTED = "[redacted]"
#: Anything shaped like a secret or restricted key (masked or not) or a webhook signing secret.
_SECRET_SHAPED = re.compile(r"\b(?:(?:sk|rk)_(?:test|live)_|whsec_)[0-9A-Za-z_*]+")
#: PostgreSQL's jsonb cannot hold U+0000, so a payload that has it cannot be stored as is.
_NUL_NOTE = " [the stored payload has U+0000 replaced by U+FFFD, which jsonb cannot hold]"


def dead_letterable(exc: BaseException) -> bool:
    """True when ``exc``, raised while applying a verified event, makes the event a dead letter."""
    if isinstance(exc, StripeSyncError):
        return not (exc.transient or isinstance(exc, ConfigError | WebhookError))
    return isinstance(exc, Exception)


def describe_error(exc: BaseException, secrets: Iterable[str | None] = ()) -> tuple[str, str]:
    """The error's class name and a message without secrets, for a person to read."""
    cls = type(exc)
    own = cls.__module__ in ("builtins", errors.__name__)
    name = cls.__name__ if own else f"{cls.__module__}.{cls.__qualname__}"
    message = str(exc).strip() or name
    if not isinstance(exc, StripeSyncError) and exc.__traceback__ is not None:
        # Where a bug struck, for whoever fixes it (a traceback is not stored or logged: its
        # text is not ours to vouch for).
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = "/".join(PurePath(frame.filename).parts[-2:])
        message = f"{message} (at {where}:{frame.lineno} in {frame.name})"
    for secret in secrets:
        if secret:
            message = message.replace(secret, _REDACTED)
    message = _SECRET_SHAPED.sub(_REDACTED, message)
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[: MAX_MESSAGE_CHARS - 1] + "…"
    return name, message


class DeadLetters:
    """Records, lists and replays dead letters. Shares the facade's store."""

    def __init__(
        self,
        config: StripeSyncConfig,
        store: Store,
        platform_account: Callable[[], str | None],
    ) -> None:
        self.config = config
        self._store = store
        self._platform_account = platform_account
        self._log = config.logger or _default_logger

    async def record(self, event: Mapping[str, Any] | object, exc: BaseException) -> SyncResult:
        """Store ``event`` as a dead letter of ``exc``; the ``failed`` result to return."""
        payload = check_event(event)  # type: ignore[arg-type]
        event_id, event_type = str(payload["id"]), str(payload["type"])
        error_class, message = describe_error(
            exc, (self.config.stripe_secret_key, self.config.stripe_webhook_secret)
        )
        stored, replaced = without_nul(payload)
        if replaced:
            message = (message + _NUL_NOTE)[-MAX_MESSAGE_CHARS:]
        account_id = payload.get("account") or self._platform_account()
        attempts = await self._store.record_dead_letter(
            {
                "event_id": event_id,
                "account_id": account_id,
                "type": event_type,
                "created": datetime.fromtimestamp(payload["created"], UTC),
                "payload": stored,
                "error_class": error_class,
                "error_message": message,
            }
        )
        self._log.warning(
            "event %s (%s) could not be applied and was stored as a dead letter "
            "(attempt %s): %s: %s",
            event_id,
            event_type,
            attempts,
            error_class,
            message,
            extra={
                "event_id": event_id,
                "event_type": event_type,
                "error": error_class,
                "attempts": attempts,
            },
        )
        # What the event is about, for the result: the registry's resource for its object's
        # type (the write path's routing is in SQL, and the database may be what failed).
        obj = payload["data"]["object"]
        resource = None if event_type in UNROUTED_EVENTS else by_object(obj["object"])
        object_id = obj.get("id")
        if resource is not None and resource.is_child and obj["object"] != resource.object:
            # A summary of a parent's rows: the result names the parent, as an applied one does.
            object_id = obj.get(resource.parent) if resource.parent else None
            object_id = object_id.get("id") if isinstance(object_id, Mapping) else object_id
        return SyncResult(
            outcome=Outcome.FAILED,
            object=resource.name if resource is not None else None,
            object_id=object_id if isinstance(object_id, str) and object_id else None,
            account_id=account_id or "",
            event_id=event_id,
            event_type=event_type,
            event_created=payload["created"],
            reason=f"{error_class}: {message}",
        )

    async def failed(
        self, *, limit: int = 100, include_resolved: bool = False
    ) -> list[dict[str, Any]]:
        """Dead letters, newest failure first (unresolved ones unless ``include_resolved``)."""
        if limit < 1:
            raise ConfigError(f"limit must be >= 1, got {limit}")
        rows = await self._store.dead_letters(limit=limit, include_resolved=include_resolved)
        return [_row(r) for r in rows]

    async def replay(
        self,
        event_ids: Sequence[str] | None,
        apply: Callable[[Mapping[str, Any]], Awaitable[SyncResult]],
    ) -> list[SyncResult]:
        """Apply stored events again with ``apply`` (the facade's ``process_event``), oldest
        first: every unresolved one for None, else those ids (:class:`ConfigError`, with nothing
        replayed, if one is not a dead letter). A transient error stops the replay and
        propagates; the events not replayed yet stay as they are."""
        if event_ids is None:
            letters = [_row(r) for r in await self._store.unresolved_dead_letters()]
        else:
            wanted = list(dict.fromkeys(event_ids))
            letters = [_row(r) for r in await self._store.dead_letters_by_id(wanted)]
            unknown = sorted(set(wanted) - {str(d["event_id"]) for d in letters})
            if unknown:
                raise ConfigError(f"no dead letter for event id(s): {', '.join(unknown)}")
        results = []
        for letter in letters:
            result = await apply(letter["payload"])
            if result.outcome is Outcome.DUPLICATE:
                # Applied before it failed (see the module docstring): nothing left to do.
                await self._store.resolve_dead_letter(str(letter["event_id"]))
            results.append(result)
        return results


def _row(row: Sequence[Any]) -> dict[str, Any]:
    return dict(zip(DEAD_LETTER_COLUMNS, row, strict=True))
