"""The fake's in-memory data: per account, per object type, sorted for fast paging.

Each object type of each account is a :class:`Table`: a dict from id to a *record* plus two
parallel arrays sorted by ``key = created << 32 | seq`` (``seq`` is the insertion counter), so
that "newest first, ties by insertion order" is the arrays read backwards and every page is a
``bisect`` plus a slice: O(log n + limit), whatever the table size.

Records are compact: a record holds only the fields that differ from the type's template (a
seeded customer is ``{"id", "created", "email", "name"}``); :meth:`Table.render` lays it over the
template when the object is served. A record that is updated becomes a full object.

Children that Stripe embeds as truncated lists (subscription items, invoice lines ...) and
objects listed per parent (payment methods per customer) are indexed by parent in
:attr:`AccountState.children`.

Everything is guarded by the :class:`Store`'s re-entrant lock, so a test thread may seed while
the server thread serves.
"""

from __future__ import annotations

import bisect
import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..resources import REGISTRY
from .ids import IdFactory
from .templates import template

__all__ = ["HIDDEN_CREATED", "AccountState", "Page", "Store", "Table", "created_of", "deep_copy"]

_SEQ_BITS = 32


#: Where a record of an object without a ``created`` field keeps its creation time (for the
#: list order); never served.
HIDDEN_CREATED = "_created"


def created_of(record: Mapping[str, Any]) -> int:
    """The creation time a record is listed by."""
    return int(record["created"] if "created" in record else record[HIDDEN_CREATED])


def deep_copy(obj: Any) -> Any:
    """A private deep copy of a JSON-like value (faster than ``copy.deepcopy``)."""
    return json.loads(json.dumps(obj))


@dataclass(slots=True)
class Page:
    """Ids of one page in the order served (newest first) and whether more exist beyond it."""

    ids: list[str]
    has_more: bool


class Table:
    """All objects of one type in one account, sorted by ``(created, seq)``."""

    def __init__(self, object_name: str, livemode: bool = False) -> None:
        self.object_name = object_name
        #: The mode every object of the table is served in (its account's, the key's).
        self.livemode = livemode
        self.template: Mapping[str, Any] = template(object_name)
        self.records: dict[str, dict[str, Any]] = {}
        self.keys: list[int] = []
        self.ids: list[str] = []
        #: Sort key of every id ever stored, deleted ones included, so cursors keep working.
        self.key_of: dict[str, int] = {}
        #: Deleted objects Stripe still serves (a deleted customer): id -> stub.
        self.deleted: dict[str, dict[str, Any]] = {}
        self._seq = 0

    def __len__(self) -> int:
        return len(self.records)

    def _next_key(self, created: int) -> int:
        self._seq += 1
        return (created << _SEQ_BITS) | self._seq

    def insert(self, record: dict[str, Any]) -> None:
        """Add one record (must carry ``id`` and ``created``, or ``_created`` for objects that
        Stripe serves without a ``created`` field but lists in creation order)."""
        key = self._next_key(created_of(record))
        obj_id = record["id"]
        self.records[obj_id] = record
        self.key_of[obj_id] = key
        if not self.keys or key > self.keys[-1]:
            self.keys.append(key)
            self.ids.append(obj_id)
        else:
            i = bisect.bisect_left(self.keys, key)
            self.keys.insert(i, key)
            self.ids.insert(i, obj_id)

    def insert_many(self, records: list[dict[str, Any]]) -> None:
        """Add many records at once; they need not be sorted (one merge, not n inserts)."""
        records = sorted(records, key=created_of)
        new_keys: list[int] = []
        for record in records:
            key = self._next_key(created_of(record))
            new_keys.append(key)
            self.records[record["id"]] = record
            self.key_of[record["id"]] = key
        new_ids = [r["id"] for r in records]
        if not self.keys or (new_keys and new_keys[0] > self.keys[-1]):
            self.keys.extend(new_keys)
            self.ids.extend(new_ids)
            return
        pairs = sorted(zip(self.keys + new_keys, self.ids + new_ids, strict=True))
        self.keys = [k for k, _ in pairs]
        self.ids = [i for _, i in pairs]

    def remove(self, obj_id: str, stub: dict[str, Any] | None = None) -> None:
        """Drop an object from listings; ``stub`` keeps it retrievable as deleted."""
        self.records.pop(obj_id, None)
        key = self.key_of[obj_id]
        i = bisect.bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            del self.keys[i]
            del self.ids[i]
        if stub is not None:
            self.deleted[obj_id] = stub

    def render(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """The full object: the template with the record's fields laid over it.

        Nested values may be shared with the template; callers serialize the result or
        :func:`deep_copy` it before changing anything inside.
        """
        obj = dict(self.template)
        obj.update(record)
        obj.pop(HIDDEN_CREATED, None)
        if "livemode" in obj:
            obj["livemode"] = self.livemode
        return obj

    def field(self, record: Mapping[str, Any], name: str) -> Any:
        """One field of a record, falling back to the template."""
        return record[name] if name in record else self.template.get(name)

    def bounds(self, created: Mapping[str, int] | None) -> tuple[int, int]:
        """Index range ``[lo, hi)`` of the objects matching ``created`` operators."""
        lo, hi = 0, len(self.keys)
        if not created:
            return lo, hi
        for op, value in created.items():
            if op in ("gte", "gt"):
                start = (value + (op == "gt")) << _SEQ_BITS
                lo = max(lo, bisect.bisect_left(self.keys, start))
            else:
                end = (value + (op == "lte")) << _SEQ_BITS
                hi = min(hi, bisect.bisect_left(self.keys, end))
        return lo, max(lo, hi)

    def page(
        self,
        limit: int,
        *,
        created: Mapping[str, int] | None = None,
        starting_after: str | None = None,
        ending_before: str | None = None,
        predicate: Callable[[dict[str, Any]], bool] | None = None,
    ) -> Page:
        """One page, newest first. Cursors must be ids in :attr:`key_of`."""
        lo, hi = self.bounds(created)
        keys, ids = self.keys, self.ids
        if ending_before is not None:
            # The page just before the cursor: the ``limit`` oldest objects newer than it.
            start = max(lo, bisect.bisect_right(keys, self.key_of[ending_before], lo, hi))
            if predicate is None:
                stop = min(hi, start + limit)
                return Page(ids[start:stop][::-1], stop < hi)
            found = self._scan(range(start, hi), limit + 1, predicate)
            return Page(found[:limit][::-1], len(found) > limit)
        end = hi
        if starting_after is not None:
            end = min(hi, max(lo, bisect.bisect_left(keys, self.key_of[starting_after], lo, hi)))
        if predicate is None:
            begin = max(lo, end - limit)
            return Page(ids[begin:end][::-1], begin > lo)
        found = self._scan(range(end - 1, lo - 1, -1), limit + 1, predicate)
        return Page(found[:limit], len(found) > limit)

    def _scan(
        self, indexes: range, want: int, predicate: Callable[[dict[str, Any]], bool]
    ) -> list[str]:
        found: list[str] = []
        records, ids = self.records, self.ids
        for i in indexes:
            obj_id = ids[i]
            if predicate(records[obj_id]):
                found.append(obj_id)
                if len(found) >= want:
                    break
        return found

    def newest_first(self) -> Iterator[str]:
        return reversed(self.ids)


# Object names of tables that are not registry rows.
_EXTRA_TABLES = {"event": "event", "webhook_endpoint": "webhook_endpoint"}


def object_name_of(table: str) -> str:
    """Stripe ``object`` value of a table name (registry name, ``event``, ``webhook_endpoint``)."""
    if table in REGISTRY:
        return REGISTRY[table].object
    return _EXTRA_TABLES[table]


#: How long before the fake starts its accounts were created (three years).
ACCOUNT_AGE_SECONDS = 3 * 365 * 86400


@dataclass
class AccountState:
    """One Stripe account's data set (the platform or a connected account)."""

    id: str
    created: int
    tables: dict[str, Table] = field(default_factory=dict)
    #: ``(child table, parent id)`` -> child ids in insertion order.
    children: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    #: Discount objects by id (``di_...``): not an API resource of their own (they cannot be
    #: listed or retrieved), served where a subscription's ``discounts`` are expanded.
    discounts: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Live (``sk_live_`` keys) or test data: Stripe keeps the two apart, one mode per fake.
    livemode: bool = False

    def table(self, name: str) -> Table:
        tbl = self.tables.get(name)
        if tbl is None:
            tbl = self.tables[name] = Table(object_name_of(name), self.livemode)
        return tbl

    def add_child(self, child: str, parent_id: str, child_id: str) -> None:
        self.children.setdefault((child, parent_id), []).append(child_id)

    def remove_child(self, child: str, parent_id: str, child_id: str) -> None:
        kids = self.children.get((child, parent_id))
        if kids and child_id in kids:
            kids.remove(child_id)

    def child_ids(self, child: str, parent_id: str) -> list[str]:
        return self.children.get((child, parent_id), [])


#: Called with each new event; returns how many webhook endpoints will receive it.
EventListener = Callable[[dict[str, Any]], int]


class Store:
    """Every account's data plus the lock, id factory and clock they share."""

    def __init__(
        self,
        *,
        account_id: str | None = None,
        seed: int | None = None,
        clock: Callable[[], float] = time.time,
        api_version: str = "2023-08-16",
        livemode: bool = False,
    ) -> None:
        self.lock = threading.RLock()
        self.api_version = api_version
        #: Whether this Stripe serves live data (its keys are ``sk_live_``/``rk_live_``).
        self.livemode = livemode
        self.ids = IdFactory(seed)
        self.clock = clock
        self.accounts: dict[str, AccountState] = {}
        self.platform_id = account_id or self.ids.new("acct_")[:21]
        self.listeners: list[EventListener] = []
        self.reset()

    def now(self) -> int:
        return int(self.clock())

    def reset(self) -> None:
        """Forget every object, event and connected account (the platform id stays)."""
        with self.lock:
            self.accounts = {}
            self.add_account(self.platform_id)

    def add_account(self, account_id: str | None = None) -> AccountState:
        """Create a (connected) account, or return the existing one."""
        with self.lock:
            acct_id = account_id or self.ids.new("acct_")[:21]
            state = self.accounts.get(acct_id)
            if state is None:
                # An account is older than its objects: the seeders date objects up to two
                # years back, and a backfill starts listing at the account's creation.
                created = self.now() - ACCOUNT_AGE_SECONDS
                state = self.accounts[acct_id] = AccountState(
                    acct_id, created, livemode=self.livemode
                )
            return state

    def account(self, account_id: str | None) -> AccountState | None:
        return self.accounts.get(account_id or self.platform_id)

    @property
    def platform(self) -> AccountState:
        return self.accounts[self.platform_id]

    def count(self, account_id: str | None = None) -> dict[str, int]:
        """Number of live objects per table in one account."""
        state = self.account(account_id)
        if state is None:
            return {}
        return {name: len(tbl) for name, tbl in state.tables.items() if len(tbl)}

    def all_records(self, account_id: str | None, table: str) -> Iterable[dict[str, Any]]:
        state = self.account(account_id)
        if state is None or table not in state.tables:
            return []
        return list(state.tables[table].records.values())
