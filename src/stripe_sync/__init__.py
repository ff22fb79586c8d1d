"""stripe-sync: keep a Stripe account mirrored in PostgreSQL."""

from __future__ import annotations

from ._version import __version__
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
    UnknownObjectError,
    WebhookError,
)
from .facade import AsyncStripeSync, StripeSync
from .ingest import Outcome, SyncResult
from .migrations import MigrationResult, run_migrations

__all__ = [
    "AsyncStripeSync",
    "ConfigError",
    "DatabaseError",
    "DatabaseUnavailableError",
    "EmbeddedPostgresError",
    "MalformedPayloadError",
    "MigrationChecksumError",
    "MigrationError",
    "MigrationResult",
    "Outcome",
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
    "UnknownObjectError",
    "WebhookError",
    "__version__",
    "run_migrations",
]
