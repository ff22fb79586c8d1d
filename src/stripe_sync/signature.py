"""Verifying Stripe's webhook signatures (the ``v1`` scheme).

Stripe signs each delivery with every active secret of the endpoint and sends
``Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...][,v0=<hex>]``. A ``v1`` signature is
the hex HMAC-SHA256, keyed with the endpoint secret, of ``b"<t>." + body`` over the body's bytes
exactly as received. During a secret rotation there are several ``v1`` values (and the receiver
may hold several secrets): any match passes. ``v0`` and unknown schemes are ignored.

Unlike Stripe's SDKs, a timestamp too far in the *future* is rejected as well as a stale one, so
a captured request cannot be replayed later by an attacker who also controls the clock skew.

Pure functions: the caller passes the current time (``now``) in tests. Error messages name the
problem only; they never contain a secret, a signature or the payload.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Sequence
from typing import Any

from . import jsoncodec
from .errors import MalformedPayloadError, SignatureVerificationError
from .events import validate_event

__all__ = ["DEFAULT_TOLERANCE", "SCHEME", "compute_signature", "verify_signature", "verify_webhook"]

#: Seconds a signature's timestamp may be away from now (Stripe's default).
DEFAULT_TOLERANCE = 300
#: The only signature scheme that is checked.
SCHEME = "v1"


def compute_signature(payload: bytes | str, secret: str, timestamp: int) -> str:
    """The ``v1`` signature (hex) of ``payload`` at ``timestamp`` with ``secret``."""
    body = payload.encode("utf-8") if isinstance(payload, str) else payload
    signed = str(timestamp).encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def verify_signature(
    payload: bytes | str,
    header: str | None,
    secrets: Sequence[str],
    *,
    tolerance: int = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> int:
    """Check ``header`` against ``payload``; answer the signed timestamp.

    ``secrets`` are the endpoint's current secrets (one string is taken as one secret);
    ``tolerance`` is how many seconds the timestamp may be older or newer than ``now``
    (default: the clock); 0 turns the time check off, as in Stripe's SDKs.

    Raises :class:`SignatureVerificationError` for a missing or malformed header, no configured
    secret, no matching signature, or a timestamp outside the tolerance.
    """
    if tolerance < 0:
        raise ValueError("tolerance must be >= 0 seconds")
    if not header or not header.strip():
        raise SignatureVerificationError("missing Stripe-Signature header")
    keys = [secrets] if isinstance(secrets, str) else list(secrets)
    keys = [k for k in keys if k and k.strip()]
    if not keys:
        raise SignatureVerificationError("no webhook signing secret is configured")
    timestamp, signatures = _parse_header(header)

    body = payload.encode("utf-8") if isinstance(payload, str) else payload
    # Compare every pair, without stopping early, in constant time per pair.
    matched = False
    for key in keys:
        expected = compute_signature(body, key, timestamp).encode("ascii")
        for candidate in signatures:
            matched |= hmac.compare_digest(expected, candidate.encode("utf-8"))
    if not matched:
        raise SignatureVerificationError(
            "no v1 signature in the Stripe-Signature header matches the payload "
            "with any configured secret"
        )

    if tolerance:
        current = time.time() if now is None else now
        age = current - timestamp
        if age > tolerance:
            raise SignatureVerificationError(
                f"signature timestamp is {int(age)} s old, more than the {tolerance} s tolerance"
            )
        if -age > tolerance:
            raise SignatureVerificationError(
                f"signature timestamp is {int(-age)} s in the future, "
                f"more than the {tolerance} s tolerance"
            )
    return timestamp


def verify_webhook(
    payload: bytes | str,
    header: str | None,
    secrets: Sequence[str],
    *,
    tolerance: int = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> dict[str, Any]:
    """Verify a webhook delivery and answer its event as a dict.

    First the signature (see :func:`verify_signature`, which raises
    :class:`SignatureVerificationError`), then the body: it must be UTF-8 JSON holding an object
    with ``"object": "event"``, an ``id``, a ``type`` and ``data.object``, else
    :class:`MalformedPayloadError`.
    """
    verify_signature(payload, header, secrets, tolerance=tolerance, now=now)
    try:
        text = payload.decode("utf-8") if isinstance(payload, bytes) else payload
    except UnicodeDecodeError:
        raise MalformedPayloadError("webhook body is not valid UTF-8") from None
    try:
        event = jsoncodec.loads(text)
    except jsoncodec.JSONRefusedError as exc:
        raise MalformedPayloadError(f"webhook body refused: {exc}") from None
    except ValueError as exc:  # JSONDecodeError
        raise MalformedPayloadError(
            f"webhook body is not valid JSON (line {getattr(exc, 'lineno', '?')}, "
            f"column {getattr(exc, 'colno', '?')})"
        ) from None
    if not isinstance(event, dict):
        raise MalformedPayloadError(
            f"webhook body is a JSON {type(event).__name__}, expected an event object"
        )
    validate_event(event)
    return event


def _parse_header(header: str) -> tuple[int, list[str]]:
    """``(t, [v1 signatures])`` from a ``Stripe-Signature`` value; items without ``=`` and
    other schemes are ignored, the first ``t`` wins (as in Stripe's SDKs)."""
    timestamp: str | None = None
    signatures: list[str] = []
    for item in header.split(","):
        key, sep, value = item.strip().partition("=")
        if not sep:
            continue
        if key == "t" and timestamp is None:
            timestamp = value.strip()
        elif key == SCHEME:
            signatures.append(value.strip())
    if timestamp is None:
        raise SignatureVerificationError("malformed Stripe-Signature header: no timestamp (t=)")
    if not (timestamp.isascii() and timestamp.isdigit()):
        raise SignatureVerificationError(
            "malformed Stripe-Signature header: the timestamp (t=) is not an integer"
        )
    if not signatures:
        raise SignatureVerificationError(
            f"malformed Stripe-Signature header: no {SCHEME} signature"
        )
    return int(timestamp), signatures
