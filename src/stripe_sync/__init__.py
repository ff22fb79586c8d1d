"""stripe-sync: keep a Stripe account mirrored in PostgreSQL."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

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

try:
    __version__ = version("stripe-sync-engine")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

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
