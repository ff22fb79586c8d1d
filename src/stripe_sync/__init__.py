"""stripe-sync: keep a Stripe account mirrored in PostgreSQL.

The public names below are imported when first used (PEP 562), not with the package: the
``stripe-sync`` command imports this package, and ``stripe-sync --help`` must not pay for the
database driver, HTTP and the engine (half a second of CPU). ``from stripe_sync import
StripeSync`` works as ever; type checkers read the imports under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

from .errors import (
    ChangeFeedExpiredError,
    ConfigError,
    DatabaseBusyError,
    DatabaseError,
    DatabaseUnavailableError,
    EmbeddedPostgresError,
    MalformedPayloadError,
    MigrationChecksumError,
    MigrationError,
    SignatureVerificationError,
    StripeAPIError,
    StripeAuthenticationError,
    StripeConnectionError,
    StripeInvalidRequestError,
    StripeNotFoundError,
    StripePermissionError,
    StripeRateLimitError,
    StripeServerError,
    StripeSyncError,
    UnknownAccountError,
    UnknownObjectError,
    WebhookError,
)

if TYPE_CHECKING:
    from ._version import __version__
    from .accounts import DeleteAccountResult
    from .change_feed import Change, ChangeFeedState
    from .config import PoolConfig, StripeSyncConfig
    from .estimate import BackfillEstimate, ObjectEstimate
    from .facade import AsyncStripeSync, StripeSync
    from .ingest import Outcome, SyncResult
    from .migrations import MigrationResult, run_migrations
    from .run_results import (
        BackfillProgress,
        BackfillResult,
        ObjectProgress,
        ObjectResult,
        PageResult,
        PollResult,
    )
    from .verify import CheckReport, VerifyResult

#: Where each lazily imported public name lives (the errors, dependency-free, are imported above).
_LAZY = {
    "__version__": "_version",
    "AsyncStripeSync": "facade",
    "BackfillEstimate": "estimate",
    "BackfillProgress": "run_results",
    "BackfillResult": "run_results",
    "Change": "change_feed",
    "ChangeFeedState": "change_feed",
    "CheckReport": "verify",
    "DeleteAccountResult": "accounts",
    "MigrationResult": "migrations",
    "ObjectEstimate": "estimate",
    "ObjectProgress": "run_results",
    "ObjectResult": "run_results",
    "Outcome": "ingest",
    "PageResult": "run_results",
    "PollResult": "run_results",
    "PoolConfig": "config",
    "StripeSync": "facade",
    "StripeSyncConfig": "config",
    "SyncResult": "ingest",
    "VerifyResult": "verify",
    "run_migrations": "migrations",
}


if not TYPE_CHECKING:  # hidden from type checkers, which would type every unknown name Any

    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            # ``import stripe_sync; stripe_sync.resources``: a submodule is an attribute of
            # the package once imported, as it always was before the names became lazy.
            if not name.startswith("__") and importlib.util.find_spec(f"{__name__}.{name}"):
                return importlib.import_module(f"{__name__}.{name}")
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value  # once: later lookups do not come here
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "AsyncStripeSync",
    "BackfillEstimate",
    "BackfillProgress",
    "BackfillResult",
    "Change",
    "ChangeFeedExpiredError",
    "ChangeFeedState",
    "CheckReport",
    "ConfigError",
    "DatabaseBusyError",
    "DatabaseError",
    "DatabaseUnavailableError",
    "DeleteAccountResult",
    "EmbeddedPostgresError",
    "MalformedPayloadError",
    "MigrationChecksumError",
    "MigrationError",
    "MigrationResult",
    "ObjectEstimate",
    "ObjectProgress",
    "ObjectResult",
    "Outcome",
    "PageResult",
    "PollResult",
    "PoolConfig",
    "SignatureVerificationError",
    "StripeAPIError",
    "StripeAuthenticationError",
    "StripeConnectionError",
    "StripeInvalidRequestError",
    "StripeNotFoundError",
    "StripePermissionError",
    "StripeRateLimitError",
    "StripeServerError",
    "StripeSync",
    "StripeSyncConfig",
    "StripeSyncError",
    "SyncResult",
    "UnknownAccountError",
    "UnknownObjectError",
    "VerifyResult",
    "WebhookError",
    "__version__",
    "run_migrations",
]
