"""What deleting an account's data returns (``dangerously_delete_synced_account_data``).

The rows themselves are deleted, or counted, by the SQL function ``_delete_account_data``
(``sql/migrations/0001_baseline.sql``); this is the shape of its answer, named as the TypeScript
engine names it (``deletedAccountId``, ``deletedRecordCounts``) so that code written against its
README (``preview.deletedRecordCounts``) reads the same in snake_case.

What is deleted: the account's objects in every object table, its ``accounts`` row, backfill runs,
windows and cursors, processed events, dead letters, event cursor, child sets, change-feed
entries, managed webhook rows and rate-limit buckets; ``deleted_record_counts`` has every table,
0 included. Nothing is changed in Stripe: the account's managed webhook endpoints
(``get_all_synced_accounts()[...]["managed_webhooks"]``) keep sending events, and once their rows
are gone stripe-sync can no longer delete them, so run ``stripe-sync webhooks delete`` first. A
backfill still running loses its windows and stops writing.

``get_all_synced_accounts`` lists the accounts in the ``accounts`` table and any other found in a
table that holds account data, by one index probe per table and account: ``created`` and the
other fetched fields are None for an account never fetched; ``has_api_key`` marks the key's own
account of an engine that used this database (not a connected account); ``last_synced_at`` is the
later of the newest event applied and backfill activity.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import UnknownAccountError

if TYPE_CHECKING:
    from .engine import Engine

__all__ = ["DeleteAccountResult", "delete_account_data"]


@dataclass(frozen=True, slots=True, eq=False)
class DeleteAccountResult(Mapping[str, int]):
    """The rows of one account that were deleted, or that a dry run would delete.

    Also a read-only mapping of the counts (``result["customers"]``, ``dict(result)``), as the
    result was before it had a name. A plain dict underneath, copied at construction, so that
    ``pickle``, ``copy.deepcopy`` and ``dataclasses.asdict`` work (a ``MappingProxyType`` did
    not pickle or deep-copy).
    """

    deleted_account_id: str
    #: Rows per table, every table that can hold the account's rows (0 included).
    deleted_record_counts: dict[str, int]
    #: True when nothing was deleted (``dry_run=True``): the counts are what would go.
    dry_run: bool

    def __post_init__(self) -> None:
        # A copy: the caller's dict changing later does not change the record.
        object.__setattr__(self, "deleted_record_counts", dict(self.deleted_record_counts))

    @property
    def total(self) -> int:
        """Rows in all tables together."""
        return sum(self.deleted_record_counts.values())

    def __getitem__(self, table: str) -> int:
        return self.deleted_record_counts[table]

    def __iter__(self) -> Iterator[str]:
        return iter(self.deleted_record_counts)

    def __len__(self) -> int:
        return len(self.deleted_record_counts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DeleteAccountResult):
            return (
                self.deleted_account_id,
                self.deleted_record_counts,
                self.dry_run,
            ) == (other.deleted_account_id, other.deleted_record_counts, other.dry_run)
        if isinstance(other, Mapping):
            # As a dict of counts compares with a dict of counts.
            return self.deleted_record_counts == dict(other)
        return NotImplemented

    # (Unhashable, like the dict it reads as: defining __eq__ sets __hash__ to None.)


async def delete_account_data(
    engine: Engine, account_id: str, dry_run: bool
) -> DeleteAccountResult:
    """See :meth:`AsyncStripeSync.dangerously_delete_synced_account_data`."""
    counts = await (await engine.store()).delete_account_data(account_id, dry_run)
    if not any(counts.values()):
        raise UnknownAccountError(account_id)
    if not dry_run:
        engine.forget_account(account_id)
    return DeleteAccountResult(account_id, counts, dry_run)
