"""Every exception stripe-sync raises.

Retry logic branches on the *type* of an error, never on its message: each class is either
transient (trying the same thing again later can succeed) or terminal (it cannot, until a person
changes something). Driver and HTTP errors are translated at the two boundaries, ``store`` and
``client``, with ``raise ... from`` so the original stays on ``__cause__``.

    StripeSyncError                      base of everything below; ``transient`` says retry or not
    ├── ConfigError                      terminal: a bad option or URL (also a ValueError)
    ├── DatabaseError                    base of database problems
    │   ├── DatabaseUnavailableError     transient: cannot connect, server restarting, pool timeout
    │   │   └── DatabaseBusyError        transient: deadlock, lock or statement timeout, conflict
    │   └── MigrationError               terminal: a migration failed or does not match its record
    │       └── MigrationChecksumError   terminal: an applied migration file was changed
    ├── EmbeddedPostgresError            terminal: the embedded server could not be started
    ├── StripeAPIError                   Stripe answered an error (status, code, request id)
    │   ├── StripeAuthenticationError    terminal: 401, the key is wrong or revoked
    │   ├── StripePermissionError        terminal: 403, the key may not do this
    │   │   └── SigmaUnavailableError    terminal: no Sigma subscription, or no data_queries_read
    │   ├── StripeNotFoundError          terminal: 404 ``resource_missing``
    │   ├── StripeInvalidRequestError    terminal: 400 and other 4xx
    │   ├── StripeRateLimitError         transient: 429 after every retry was spent
    │   └── StripeServerError            transient: 5xx after every retry was spent
    ├── StripeConnectionError            transient: timeout or network failure after every retry
    ├── SigmaQueryError                  terminal: a Sigma query failed, timed out or was refused
    ├── WebhookError                     terminal: the incoming webhook is rejected, nothing written
    │   ├── SignatureVerificationError   missing, malformed, wrong or stale ``Stripe-Signature``
    │   └── MalformedPayloadError        the body is not a JSON Stripe event
    ├── UnknownObjectError               terminal: an id prefix or object type not in the registry
    ├── UnknownAccountError              terminal: no row of this account id in the database
    ├── ChangeFeedExpiredError           terminal: changes after a reader's position were pruned
    └── SupabaseError                    the Supabase Management API or a deployed function failed

No message built here contains a secret key, a webhook secret or a signature.
"""

from __future__ import annotations

__all__ = [
    "ChangeFeedExpiredError",
    "ConfigError",
    "DatabaseBusyError",
    "DatabaseError",
    "DatabaseUnavailableError",
    "EmbeddedPostgresError",
    "MalformedPayloadError",
    "MigrationChecksumError",
    "MigrationError",
    "SigmaQueryError",
    "SigmaUnavailableError",
    "SignatureVerificationError",
    "StripeAPIError",
    "StripeAuthenticationError",
    "StripeConnectionError",
    "StripeInvalidRequestError",
    "StripeNotFoundError",
    "StripePermissionError",
    "StripeRateLimitError",
    "StripeServerError",
    "StripeSyncError",
    "SupabaseError",
    "UnknownAccountError",
    "UnknownObjectError",
    "WebhookError",
]


class StripeSyncError(Exception):
    """Base class. ``transient`` is True when the same operation may succeed if retried later."""

    transient: bool = False


class ConfigError(StripeSyncError, ValueError):
    """An option is missing or invalid (also a ``ValueError``, as Python's own bad-argument
    errors are, so that ``except ValueError`` around building a config catches it)."""


class DatabaseError(StripeSyncError):
    """A problem talking to PostgreSQL."""


class DatabaseUnavailableError(DatabaseError):
    """PostgreSQL cannot be reached right now (refused, restarting, pool exhausted)."""

    transient = True


class DatabaseBusyError(DatabaseUnavailableError):
    """PostgreSQL is up but refused this statement because of other work: a deadlock it broke,
    a serialization failure, a lock it waited for beyond ``lock_timeout``, or a statement
    cancelled by ``statement_timeout``. ``sqlstate`` names which (``40P01``, ``40001``,
    ``55P03``, ``57014``: the list in ``supabase/functions/_shared/sqlstates.json``, which the
    edge functions read too).

    A subclass of :class:`DatabaseUnavailableError`, so that code written before it (``except
    DatabaseUnavailableError``) still catches these; catch it first to tell them apart.
    """

    def __init__(self, message: str, *, sqlstate: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


class MigrationError(DatabaseError):
    """A migration could not be applied."""


class MigrationChecksumError(MigrationError):
    """A migration that was already applied differs from the file shipped in this package.

    The runner refuses to go on rather than re-apply or reset anything.
    """

    def __init__(self, name: str, recorded: str, shipped: str) -> None:
        super().__init__(
            f"migration {name!r} was applied with checksum {recorded[:12]} but the shipped file "
            f"has checksum {shipped[:12]}; an applied migration must never change. Restore the "
            f"original file or install the stripe-sync version that applied it. "
            "Nothing was changed."
        )
        self.name = name
        self.recorded = recorded
        self.shipped = shipped


class EmbeddedPostgresError(StripeSyncError):
    """The embedded PostgreSQL server could not be initialised or started."""


class StripeAPIError(StripeSyncError):
    """Stripe answered with an error.

    ``status`` is the HTTP status, ``code`` Stripe's error code (e.g. ``resource_missing``),
    ``request_id`` the ``Request-Id`` header, for Stripe support.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.request_id = request_id

    def __str__(self) -> str:
        parts = [self.message]
        if self.status is not None:
            parts.append(f"status={self.status}")
        if self.code:
            parts.append(f"code={self.code}")
        if self.request_id:
            parts.append(f"request_id={self.request_id}")
        return " ".join(parts)


class StripeAuthenticationError(StripeAPIError):
    """401: the API key is invalid, expired or revoked."""


class StripePermissionError(StripeAPIError):
    """403: the key (e.g. a restricted ``rk_`` key) lacks the permission."""


class StripeNotFoundError(StripeAPIError):
    """404 ``resource_missing``: the object does not exist (or no longer does)."""


class StripeInvalidRequestError(StripeAPIError):
    """400 or another 4xx that retrying cannot fix."""


class StripeRateLimitError(StripeAPIError):
    """429 on every attempt allowed by ``max_retries``."""

    transient = True


class StripeServerError(StripeAPIError):
    """5xx on every attempt allowed by ``max_retries``."""

    transient = True


class StripeConnectionError(StripeSyncError):
    """Stripe could not be reached (timeout, refused, reset) on every attempt."""

    transient = True


class SigmaUnavailableError(StripePermissionError):
    """403: the Sigma query API is not available to this key.

    ``reason`` is ``"no_sigma"`` (Stripe answered ``query_run_api_inaccessible``: the account has
    no active Sigma subscription or the feature is not enabled) or ``"no_permission"`` (the key
    lacks *Data > Queries > Read*, ``data_queries_read``). The message says which and what to do.
    Nothing else of the sync depends on Sigma, so callers skip the Sigma tables and go on.
    """

    def __init__(
        self,
        message: str,
        *,
        reason: str,
        status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message, status=status, code=code, request_id=request_id)
        self.reason = reason


class SigmaQueryError(StripeSyncError):
    """A Sigma query could not produce a result.

    ``run_id`` is the query run (``None`` when Stripe refused to create it, e.g. invalid SQL),
    ``reason`` Stripe's explanation, ``code`` its error code when it sent one; ``timed_out`` is
    True when the run was still running after ``max_wait``. Raised after the client's own
    retries of transient run failures are spent, so it is terminal.
    """

    def __init__(
        self,
        message: str,
        *,
        run_id: str | None = None,
        reason: str | None = None,
        code: str | None = None,
        timed_out: bool = False,
    ) -> None:
        super().__init__(message)
        self.run_id = run_id
        self.reason = reason
        self.code = code
        self.timed_out = timed_out


class WebhookError(StripeSyncError):
    """An incoming webhook was rejected; nothing was written."""


class SignatureVerificationError(WebhookError):
    """The ``Stripe-Signature`` header is missing, malformed, wrong or too old."""


class MalformedPayloadError(WebhookError):
    """The webhook body is not a JSON Stripe event."""


class UnknownObjectError(StripeSyncError):
    """An id prefix or a Stripe object type that the resource registry does not know."""


class UnknownAccountError(StripeSyncError):
    """No table of the database holds a row of this account id (nothing to delete)."""

    def __init__(self, account_id: str) -> None:
        super().__init__(
            f"no data of account {account_id!r} in this database "
            "(see get_all_synced_accounts / `stripe-sync accounts list`)"
        )
        self.account_id = account_id


class SupabaseError(StripeSyncError):
    """The Supabase Management API or a deployed edge function answered an error (or nothing).

    ``status`` is the HTTP status when there was one; ``transient`` is True for 429, 5xx and
    network failures. ``step`` names the install step that failed, when there was one.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        transient: bool = False,
        step: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.transient = transient
        self.step = step


class ChangeFeedExpiredError(StripeSyncError):
    """Changes after the position a reader asked for are gone: the change feed was pruned past
    it (its retention), or was off for a while. ``pruned_through`` is the highest position
    gone: start again from there, having caught up another way (from the tables themselves)."""

    def __init__(self, message: str, *, position: int, pruned_through: int) -> None:
        super().__init__(message)
        self.position = position
        self.pruned_through = pruned_through
