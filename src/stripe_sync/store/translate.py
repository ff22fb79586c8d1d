"""Driver errors into stripe-sync's, in one place (see the tree in :mod:`stripe_sync.errors`).

- a pool that stays exhausted, a connection that cannot be made or broke, a server shutting
  down or short of resources (psycopg's ``OperationalError``): :class:`DatabaseUnavailableError`;
- a server that is up but refused this statement because of other work: a deadlock, a
  serialization failure, a lock or statement timeout (the SQLSTATEs under ``busy`` in
  ``supabase/functions/_shared/sqlstates.json``, which the edge functions read too):
  :class:`DatabaseBusyError`;
- anything else: :class:`DatabaseError`, terminal.

Messages carry the driver's first line only (never a connection string).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources

import psycopg
import psycopg_pool

from ..errors import DatabaseBusyError, DatabaseError, DatabaseUnavailableError

__all__ = [
    "BUSY_SQLSTATES",
    "UNAVAILABLE_CLASSES",
    "connection_lost",
    "first_line",
    "translate",
]

_SHARED = "supabase/functions/_shared/sqlstates.json"
_LISTS = json.loads(resources.files("stripe_sync").joinpath(_SHARED).read_text())
#: SQLSTATE -> condition name of the errors answered with :class:`DatabaseBusyError`.
BUSY_SQLSTATES: Mapping[str, str] = _LISTS["busy"]
#: SQLSTATE classes the edge functions answer as unavailable (psycopg's OperationalError
#: covers each of them; tests/unit/test_store_translate.py checks).
UNAVAILABLE_CLASSES: Mapping[str, str] = _LISTS["unavailable_classes"]


def translate(
    exc: BaseException, what: str = "database error", *, timeout: float = 0.0, suffix: str = ""
) -> DatabaseError:
    """The stripe-sync error for driver error ``exc`` (raise it ``from exc``). ``what`` and
    ``suffix`` frame the message of a terminal error; ``timeout`` is the pool's, for the
    message of a pool timeout."""
    if isinstance(exc, psycopg_pool.PoolTimeout):
        return DatabaseUnavailableError(
            f"no database connection within {timeout:g} s "
            "(the server is down or the pool is exhausted)"
        )
    sqlstate = getattr(exc, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate in BUSY_SQLSTATES:
        condition = BUSY_SQLSTATES[sqlstate]
        return DatabaseBusyError(
            f"database busy ({condition}): {first_line(exc)}", sqlstate=sqlstate
        )
    if isinstance(exc, psycopg.OperationalError):
        return DatabaseUnavailableError(f"database unavailable: {first_line(exc)}")
    return DatabaseError(f"{what}: {first_line(exc)}{suffix}")


def connection_lost(exc: psycopg.OperationalError) -> bool:
    """The error came from a connection that is no longer usable (not, e.g., a lock timeout)."""
    sqlstate = getattr(exc, "sqlstate", None)
    return sqlstate is None or sqlstate.startswith(("08", "57P"))


def first_line(exc: BaseException) -> str:
    """The driver's message, first line only (never a connection string)."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
