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

__all__ = [
    "ConfigError",
    "DatabaseError",
    "DatabaseUnavailableError",
    "EmbeddedPostgresError",
    "MalformedPayloadError",
    "MigrationChecksumError",
    "MigrationError",
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
    "StripeSyncConfig",
    "StripeSyncError",
    "UnknownObjectError",
    "WebhookError",
    "__version__",
]
