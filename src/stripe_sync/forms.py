"""Stripe's form encoding for requests: nested parameters in bracket notation.

Stripe's v1 API reads ``application/x-www-form-urlencoded`` bodies and query strings in which
nesting is spelled with brackets. The client sends every request this way, and the fake Stripe in
:mod:`stripe_sync.testing` decodes it (its decoder lives there; this is the one encoder)::

    {"metadata": {"plan": "gold"}}         -> metadata[plan]=gold
    {"expand": ["data.customer"]}          -> expand[]=data.customer
    {"items": [{"price": "price_1"}]}      -> items[0][price]=price_1
    {"created": {"gte": 1700000000}}       -> created[gte]=1700000000
    {"livemode": True}                     -> livemode=true
    {"description": None}                  -> description=      (Stripe's way to unset a field)

Lists of plain values use ``[]``, as Stripe's documentation does; lists holding dicts or lists use
indexes so that the fields of one element stay together. Empty dicts and lists send nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

__all__ = ["encode", "encode_pairs"]


def encode(params: Mapping[str, Any] | None) -> str:
    """Encode nested parameters as a query string / form body (``a[b]=1&c[]=2``)."""
    return urlencode(encode_pairs(params))


def encode_pairs(params: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """The flattened ``(name, value)`` pairs, in the order given."""
    pairs: list[tuple[str, str]] = []
    for key, value in (params or {}).items():
        _flatten(str(key), value, pairs)
    return pairs


def _flatten(prefix: str, value: Any, out: list[tuple[str, str]]) -> None:
    if isinstance(value, Mapping):
        for k, v in value.items():
            _flatten(f"{prefix}[{k}]", v, out)
    elif isinstance(value, list | tuple):
        if all(_is_scalar(v) for v in value):
            out.extend((f"{prefix}[]", _scalar(v)) for v in value)
        else:
            for i, v in enumerate(value):
                _flatten(f"{prefix}[{i}]", v, out)
    else:
        out.append((prefix, _scalar(value)))


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, Mapping | list | tuple)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)
