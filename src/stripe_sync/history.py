"""History mode: every version of chosen objects kept, queryable as of any instant.

The work is done in PostgreSQL (migration ``0001_baseline.sql``): the write path records every
version it is given of an object table listed in ``_history_objects``, stale ones included, and
``<table>_as_of(timestamptz)`` and the view ``history`` read them. This module only turns the
setting of :attr:`StripeSyncConfig.history <stripe_sync.config.StripeSyncConfig.history>` into
table names and tells the database, when the schema is migrated.
"""

from __future__ import annotations

from collections.abc import Iterable

import psycopg

from . import resources
from .errors import ConfigError, DatabaseError, DatabaseUnavailableError, UnknownObjectError
from .queries import query

__all__ = ["enable_history", "history_objects"]


def history_objects(names: str | Iterable[str]) -> tuple[str, ...]:
    """The registry names of the objects in ``names`` (object or table names; each string may
    list several, separated by commas or spaces), sorted, without repeats.

    Raises :class:`ConfigError` for an unknown name.
    """
    found: set[str] = set()
    for item in [names] if isinstance(names, str) else list(names):
        if not isinstance(item, str):
            raise ConfigError(f"history takes object names, got {item!r}")
        for name in item.replace(",", " ").split():
            try:
                found.add(resources.get(name).name)
            except UnknownObjectError as exc:
                raise ConfigError(f"history: {exc}") from exc
    return tuple(sorted(found))


def enable_history(
    conn: psycopg.Connection[tuple[object, ...]], schema: str, objects: Iterable[str]
) -> list[str]:
    """Turn history on in ``schema`` for ``objects`` (registry names); returns the tables
    turned on now (those already on are left as they are, their history kept)."""
    tables = sorted({resources.get(name).table for name in objects})
    if not tables:
        return []
    try:
        with conn.transaction():
            rows = conn.execute(query("history_enable", schema), (tables,)).fetchall()
    except psycopg.OperationalError as exc:
        raise DatabaseUnavailableError(
            f"lost the database while turning history on: {exc}"
        ) from exc
    except psycopg.Error as exc:
        raise DatabaseError(f"could not turn history on for {', '.join(tables)}: {exc}") from exc
    return [str(r[0]) for r in rows]
