"""What deleting an account's data returns (``dangerously_delete_synced_account_data``).

The rows themselves are deleted, or counted, by the SQL function ``_delete_account_data``
(``sql/migrations/0010_accounts.sql``); this is the shape of its answer, named as the TypeScript
engine names it (``deletedAccountId``, ``deletedRecordCounts``) so that code written against its
README (``preview.deletedRecordCounts``) reads the same in snake_case.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["DeleteAccountResult"]


@dataclass(frozen=True, slots=True)
class DeleteAccountResult:
    """The rows of one account that were deleted, or that a dry run would delete."""

    deleted_account_id: str
    #: Rows per table, every table that can hold the account's rows (0 included).
    deleted_record_counts: Mapping[str, int]
    #: True when nothing was deleted (``dry_run=True``): the counts are what would go.
    dry_run: bool

    def __post_init__(self) -> None:
        # Frozen all the way down: the counts are a record of what happened.
        counts = MappingProxyType(dict(self.deleted_record_counts))
        object.__setattr__(self, "deleted_record_counts", counts)

    @property
    def total(self) -> int:
        """Rows in all tables together."""
        return sum(self.deleted_record_counts.values())
