"""Stripe's form encoding: bracket notation for nested parameters, both ways.

Stripe's v1 API takes ``application/x-www-form-urlencoded`` bodies (and query strings) in which
nesting is spelled with brackets: ``metadata[plan]=gold``, ``items[0][price]=price_1``,
``expand[]=data.customer``, ``created[gte]=1700000000``. :func:`decode` turns the decoded pairs
into nested dicts and lists. :func:`encode` does the reverse (handy for tests that speak to the
fake with a plain HTTP client); it is re-exported from :mod:`stripe_sync.forms`, the one encoder
the library's client uses too. Values stay strings, as on the wire: each endpoint coerces them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl

from ..forms import encode

__all__ = ["FormError", "decode", "decode_query", "encode"]

_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")
_PART = re.compile(r"\[([^\[\]]*)\]")


class FormError(ValueError):
    """A parameter name that is not valid bracket notation (``a[b``) or conflicts with another."""

    def __init__(self, message: str, param: str) -> None:
        super().__init__(message)
        self.param = param


def decode_query(raw: str) -> dict[str, Any]:
    """Decode a query string or form body (``a[b]=1&c[]=2``) into nested parameters."""
    return decode(parse_qsl(raw, keep_blank_values=True))


def decode(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Nest ``(name, value)`` pairs written in bracket notation.

    ``[]`` appends to a list; numeric indexes (``items[0][price]``) build a list ordered by
    index; other brackets build dicts.
    """
    root: dict[str, Any] = {}
    for name, value in pairs:
        match = _KEY.match(name)
        if match is None:
            raise FormError(f"Invalid parameter name: {name}", name)
        path: list[str] = [match.group(1), *_PART.findall(match.group(2))]
        _insert(root, path, value, name)
    return _finish(root)  # type: ignore[no-any-return]


# Lists are built as dicts keyed by ("#", index) while decoding, then turned into real lists, so
# that ``items[1][a]`` may come before ``items[0][a]``.
_APPEND = "\x00append"


def _insert(node: dict[str, Any], path: list[str], value: str, name: str) -> None:
    for depth, part in enumerate(path):
        last = depth == len(path) - 1
        key: Any
        if part == "":
            key = (_APPEND, len(node))
        elif part.isdigit() and depth > 0:
            key = ("#", int(part))
        else:
            key = part
        if last:
            node[key] = value
            return
        child = node.get(key)
        if child is None:
            child = {}
            node[key] = child
        elif not isinstance(child, dict):
            raise FormError(f"Invalid value for parameter: {name}", name)
        node = child


def _finish(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    keys = list(node)
    if keys and all(isinstance(k, tuple) for k in keys):
        ordered = sorted(keys, key=lambda k: (k[0] != _APPEND, k[1]))
        return [_finish(node[k]) for k in ordered]
    return {str(k[1]) if isinstance(k, tuple) else k: _finish(v) for k, v in node.items()}
