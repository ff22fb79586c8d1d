"""The PostgreSQL boundary: every call the engine makes to the database goes through here.

:class:`Store` owns one ``psycopg_pool.AsyncConnectionPool`` (autocommit connections: each call
is one statement, and the SQL functions it calls are atomic) and sends fixed, named statements
from ``sql/queries/``. The sync rules themselves live in the SQL functions installed by the
migrations (``_apply_changes``, ``_backfill_page_v1`` ...); this package only moves data in and
out. It is one class made of one part per concept:

- :mod:`.core`: the pool, one statement at a time, a transaction under an advisory lock;
- :mod:`.writes`: the write path (``_apply_changes``) and read-after-write (``_synced``);
- :mod:`.webhooks`: managed webhook endpoints; :mod:`.accounts`: accounts;
- :mod:`.runs`: backfill runs, windows and progress, Sigma watermarks;
- :mod:`.events`: the Events API cursor, handled event ids, dead letters;
- :mod:`.verify_runs`: verify runs;
- :mod:`.translate`: driver errors into stripe-sync's, in one place: unreachable →
  :class:`~stripe_sync.errors.DatabaseUnavailableError`, a deadlock, serialization failure,
  lock or statement timeout → :class:`~stripe_sync.errors.DatabaseBusyError` (both transient),
  anything else :class:`~stripe_sync.errors.DatabaseError`.
"""

from __future__ import annotations

from .accounts import AccountQueries
from .events import EventQueries
from .runs import ClaimedWindow, CommittedPage, ObjectProgressRow, RunQueries
from .verify_runs import VERIFY_RUN_COLUMNS, VerifyQueries
from .webhooks import MANAGED_WEBHOOK_COLUMNS, WebhookQueries
from .writes import AppliedChange, EventRoute, WriteQueries

__all__ = [
    "MANAGED_WEBHOOK_COLUMNS",
    "VERIFY_RUN_COLUMNS",
    "AppliedChange",
    "ClaimedWindow",
    "CommittedPage",
    "EventRoute",
    "ObjectProgressRow",
    "Store",
]


class Store(WriteQueries, WebhookQueries, AccountQueries, RunQueries, EventQueries, VerifyQueries):
    """Async access to the sync schema through a connection pool. ``await open()`` first."""
