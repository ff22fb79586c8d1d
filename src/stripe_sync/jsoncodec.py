"""JSON on the hot paths: msgspec where it can, the standard library where it must.

Every webhook body is parsed once, every backfill page is parsed once and encoded once, and the
changes of a write group are encoded once. With the standard library that was a fifth of the
Python CPU per webhook event; msgspec parses a 6 kB ``invoice.paid`` body in about half the time
and encodes an object five times faster. It keeps integers of any size exact (orjson, the other
candidate, turns integers beyond 64 bits into floats without a word). What msgspec refuses and
the standard library accepts (a number too large for a float, ``1e400``; a ``dict`` subclass such
as a ``stripe.StripeObject`` to encode) falls back to :mod:`json`, so what parses, what it
parses to and what encodes are unchanged, and a document neither accepts raises the standard
library's :class:`json.JSONDecodeError` (a :class:`ValueError`) with its line and column.

Two kinds of document are refused although the standard library would take them, each with a
:class:`JSONRefusedError` (a :class:`ValueError`): one nested too deeply to parse without
exhausting the stack (a ``RecursionError`` would escape every handler of bad input), and one
holding a lone surrogate escape, which no database column can store (PostgreSQL's jsonb rejects
it), so that such a payload is rejected where it enters instead of failing every write.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import msgspec

__all__ = ["JSONRefusedError", "dumps", "loads", "without_nul"]


class JSONRefusedError(ValueError):
    """A well-formed JSON document that is refused: too deeply nested, or a lone surrogate."""


_decoder = msgspec.json.Decoder()
_encoder = msgspec.json.Encoder()


def loads(data: bytes | str) -> Any:
    """The value of the JSON document ``data`` (UTF-8 bytes or text)."""
    try:
        return _decoder.decode(data)
    except msgspec.DecodeError:
        pass
    except RecursionError:
        raise JSONRefusedError("JSON nested too deeply") from None
    try:
        value = json.loads(data)
    except RecursionError:
        raise JSONRefusedError("JSON nested too deeply") from None
    try:
        # Only here (msgspec refused the document): a lone surrogate is what makes a string
        # impossible to encode as UTF-8 again.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise JSONRefusedError(
            "JSON holds a lone surrogate escape (\\ud800-\\udfff), which is not a character"
        ) from None
    except RecursionError:  # pragma: no cover - json.loads would have refused it first
        raise JSONRefusedError("JSON nested too deeply") from None
    return value


def dumps(obj: Any) -> str:
    """``obj`` as compact JSON text; raises ``TypeError`` for what is not JSON."""
    try:
        return _encoder.encode(obj).decode("utf-8")
    except TypeError:  # a type msgspec does not encode: json may (dict subclasses)
        return json.dumps(obj, separators=(",", ":"))


def without_nul(payload: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """``payload`` with U+0000 replaced by U+FFFD in every key and string, and whether any was:
    PostgreSQL's jsonb cannot hold U+0000, so a payload that has one is cleaned before it is
    stored (a dead letter) or given to the database to read (verify's routing)."""
    found = False

    def clean(value: Any) -> Any:
        nonlocal found
        if isinstance(value, str):
            if "\x00" in value:
                found = True
                return value.replace("\x00", "\ufffd")
            return value
        if isinstance(value, Mapping):
            return {clean(k): clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [clean(v) for v in value]
        return value

    cleaned = clean(payload)
    return (cleaned if found else payload), found
