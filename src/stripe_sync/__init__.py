"""stripe-sync: keep a Stripe account mirrored in PostgreSQL."""

from __future__ import annotations

from ._version import __version__
from .accounts import DeleteAccountResult
from .backfill import BackfillProgress, BackfillResult, ObjectProgress, ObjectResult, PageResult
from .config import PoolConfig, StripeSyncConfig
from .errors import (
    ConfigError,
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
from .facade import AsyncStripeSync, StripeSync
from .ingest import Outcome, SyncResult
from .migrations import MigrationResult, run_migrations
from .poller import PollResult

__all__ = [
    "AsyncStripeSync",
    "BackfillProgress",
    "BackfillResult",
    "ConfigError",
    "DatabaseError",
    "DatabaseUnavailableError",
    "DeleteAccountResult",
    "EmbeddedPostgresError",
    "MalformedPayloadError",
    "MigrationChecksumError",
    "MigrationError",
    "MigrationResult",
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
    "WebhookError",
    "__version__",
    "run_migrations",
]
