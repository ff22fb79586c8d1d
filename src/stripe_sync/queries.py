"""Named SQL statements, loaded once from the ``.sql`` files shipped in ``stripe_sync/sql/queries``.

A file holds several statements, each introduced by a ``-- name: <name>`` line (the procrastinate
convention). Statements refer to the sync schema as ``{schema}``; :func:`query` returns a
``psycopg.sql.Composed`` with it bound through ``psycopg.sql.Identifier``, so no identifier is
ever formatted into SQL by hand. Literal braces in a statement are written ``{{`` and ``}}``.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from psycopg import sql

__all__ = ["query", "raw_queries"]

_NAME = re.compile(r"^--\s*name:\s*([a-z_][a-z0-9_]*)\s*$", re.MULTILINE)


@functools.cache
def raw_queries() -> dict[str, str]:
    """Every named statement, by name, as text with ``{schema}`` placeholders."""
    found: dict[str, str] = {}
    for entry in sorted(resources.files("stripe_sync.sql.queries").iterdir(), key=str):
        if not entry.name.endswith(".sql"):
            continue
        text = entry.read_text(encoding="utf-8")
        parts = _NAME.split(text)
        # parts = [preamble, name1, body1, name2, body2, ...]
        for name, body in zip(parts[1::2], parts[2::2], strict=True):
            if name in found:
                raise RuntimeError(f"duplicate query name {name!r} in {entry.name}")
            found[name] = body.strip()
    return found


@functools.cache
def query(name: str, schema: str) -> sql.Composed:
    """The statement ``name`` with ``{schema}`` bound to ``schema`` as an identifier."""
    return sql.SQL(raw_queries()[name]).format(schema=sql.Identifier(schema))
