"""Webhook signature verification: against the fake's signer and Stripe's own SDK."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
import stripe
from hypothesis import given
from hypothesis import strategies as st

from stripe_sync import signature
from stripe_sync.errors import MalformedPayloadError, SignatureVerificationError
from stripe_sync.signature import compute_signature, verify_signature, verify_webhook
from stripe_sync.testing.webhooks import sign_payload, signed_event

SECRET = "whsec_test_secret_one"
OTHER = "whsec_test_secret_two"
T = 1_700_000_000

EVENT: dict[str, Any] = {
    "id": "evt_123",
    "object": "event",
    "type": "customer.updated",
    "created": T,
    "data": {"object": {"id": "cus_123", "object": "customer", "name": "Zoë"}},
}


def _v1(header: str) -> str:
    return header.split("v1=", 1)[1]


def test_fake_signed_event_verifies() -> None:
    body, header = signed_event(EVENT, SECRET, T)
    assert verify_webhook(body, header, [SECRET], now=T) == EVENT


def test_bytes_and_str_payloads_are_equivalent() -> None:
    body, header = signed_event(EVENT, SECRET, T)
    assert verify_webhook(body.decode(), header, [SECRET], now=T) == EVENT
    # non-ASCII content is signed over its UTF-8 bytes
    text = json.dumps(EVENT, ensure_ascii=False)
    header = sign_payload(text, SECRET, T)
    assert verify_webhook(text.encode(), header, [SECRET], now=T) == EVENT


def test_one_secret_as_a_string_is_one_secret() -> None:
    body, header = signed_event(EVENT, SECRET, T)
    assert verify_webhook(body, header, SECRET, now=T) == EVENT
    # a secret must not be split into characters
    with pytest.raises(SignatureVerificationError):
        verify_webhook(body, header, "abc", now=T)


def test_secret_rotation_two_secrets_two_signatures() -> None:
    body, _ = signed_event(EVENT, SECRET, T)
    header = f"t={T},v1={compute_signature(body, OTHER, T)},v1={compute_signature(body, SECRET, T)}"
    assert verify_webhook(body, header, [SECRET], now=T) == EVENT
    assert verify_webhook(body, header, [OTHER], now=T) == EVENT
    assert verify_webhook(body, sign_payload(body, OTHER, T), [SECRET, OTHER], now=T) == EVENT
    with pytest.raises(SignatureVerificationError, match="no v1 signature"):
        verify_webhook(body, header, ["whsec_unrelated"], now=T)


def test_v0_and_unknown_schemes_are_ignored() -> None:
    body, header = signed_event(EVENT, SECRET, T)
    sig = _v1(header)
    assert verify_signature(body, f"t={T},v0={sig},x=1,junk,v1={sig}", [SECRET], now=T) == T
    with pytest.raises(SignatureVerificationError, match="no v1 signature"):
        verify_signature(body, f"t={T},v0={sig}", [SECRET], now=T)


def test_tampered_payload_fails() -> None:
    body, header = signed_event(EVENT, SECRET, T)
    tampered = body.replace(b"cus_123", b"cus_124")
    assert tampered != body
    with pytest.raises(SignatureVerificationError, match="matches"):
        verify_webhook(tampered, header, [SECRET], now=T)


def test_wrong_timestamp_in_header_fails() -> None:
    body, header = signed_event(EVENT, SECRET, T)
    with pytest.raises(SignatureVerificationError, match="matches"):
        verify_signature(body, header.replace(f"t={T}", f"t={T + 1}"), [SECRET], now=T)


@pytest.mark.parametrize(
    ("offset", "ok"),
    [(0, True), (300, True), (301, False), (-300, True), (-301, False), (10_000, False)],
)
def test_tolerance_edges(offset: int, ok: bool) -> None:
    body, header = signed_event(EVENT, SECRET, T)
    if ok:
        assert verify_signature(body, header, [SECRET], now=T + offset) == T
    else:
        word = "old" if offset > 0 else "future"
        with pytest.raises(SignatureVerificationError, match=word):
            verify_signature(body, header, [SECRET], now=T + offset)


def test_custom_and_disabled_tolerance() -> None:
    body, header = signed_event(EVENT, SECRET, T)
    with pytest.raises(SignatureVerificationError, match="10 s tolerance"):
        verify_signature(body, header, [SECRET], tolerance=10, now=T + 11)
    assert verify_signature(body, header, [SECRET], tolerance=0, now=T + 10**9) == T
    with pytest.raises(ValueError, match="tolerance"):
        verify_signature(body, header, [SECRET], tolerance=-1, now=T)


def test_default_now_is_the_clock() -> None:
    body, header = signed_event(EVENT, SECRET)
    assert verify_webhook(body, header, [SECRET]) == EVENT
    body, header = signed_event(EVENT, SECRET, int(time.time()) - 1000)
    with pytest.raises(SignatureVerificationError, match="old"):
        verify_webhook(body, header, [SECRET])


@pytest.mark.parametrize(
    ("header", "secrets", "message"),
    [
        (None, [SECRET], "missing Stripe-Signature"),
        ("", [SECRET], "missing Stripe-Signature"),
        ("   ", [SECRET], "missing Stripe-Signature"),
        ("v1=abc", [SECRET], "no timestamp"),
        ("t=,v1=abc", [SECRET], "not an integer"),
        ("t=12x,v1=abc", [SECRET], "not an integer"),
        ("t=-5,v1=abc", [SECRET], "not an integer"),
        ("t=1.5,v1=abc", [SECRET], "not an integer"),
        (f"t={T}", [SECRET], "no v1 signature"),
        (f"t={T},v1=abc", [], "no webhook signing secret"),
        (f"t={T},v1=abc", ["", "  "], "no webhook signing secret"),
        (f"t={T},v1=abc", [SECRET], "no v1 signature in the Stripe-Signature header matches"),
        (f"t={T},v1=\u00e9\u00e9", [SECRET], "matches"),
    ],
)
def test_rejections_have_specific_safe_messages(
    header: str | None, secrets: list[str], message: str
) -> None:
    body, good = signed_event(EVENT, SECRET, T)
    with pytest.raises(SignatureVerificationError, match=message) as info:
        verify_webhook(body, header, secrets, now=T)
    text = str(info.value)
    assert SECRET not in text
    assert _v1(good) not in text
    assert "cus_123" not in text


def test_messages_never_hold_secret_signature_or_payload() -> None:
    body, header = signed_event(EVENT, SECRET, T)
    sig = _v1(header)
    for bad_header, now in [(header, T + 999), (header, T - 999), (f"t={T},v1={sig[::-1]}", T)]:
        with pytest.raises(SignatureVerificationError) as info:
            verify_webhook(body, bad_header, [SECRET], now=now)
        text = str(info.value)
        assert SECRET not in text
        assert sig not in text
        assert sig[::-1] not in text
        assert "cus_123" not in text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"\xff\xfe{}", "UTF-8"),
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "JSON list"),
        (b'"evt"', "JSON str"),
        (b'{"object": "customer", "id": "cus_1"}', '"object"'),
        (b'{"object": "event", "type": "x.y", "data": {"object": {}}}', '"id"'),
        (b'{"object": "event", "id": "evt_1", "data": {"object": {}}}', '"type"'),
        (b'{"object": "event", "id": "evt_1", "type": "x.y"}', '"data"'),
        (b'{"object": "event", "id": "evt_1", "type": "x.y", "data": {}}', '"data.object"'),
        (
            b'{"object": "event", "id": "evt_1", "type": "x.y", "data": {"object": [1]}}',
            '"data.object"',
        ),
    ],
)
def test_malformed_payloads_after_a_good_signature(body: bytes, message: str) -> None:
    header = f"t={T},v1={compute_signature(body, SECRET, T)}"
    with pytest.raises(MalformedPayloadError, match=message):
        verify_webhook(body, header, [SECRET], now=T)


def test_a_bad_signature_is_checked_before_the_body() -> None:
    with pytest.raises(SignatureVerificationError):
        verify_webhook(b"{not json", f"t={T},v1=00", [SECRET], now=T)


# -- agreement with Stripe's SDK --------------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_agrees_with_stripe_sdk(seed: int) -> None:
    now = int(time.time())
    event = {**EVENT, "id": f"evt_{seed}", "data": {"object": {"object": "x", "n": "é" * seed}}}
    payload = json.dumps(event, ensure_ascii=seed % 2 == 0)
    secret = f"whsec_{seed}" * (seed + 1)
    # Stripe's signer -> our verifier
    sdk_header = stripe.WebhookSignature.generate_signature_header(payload, secret, now - seed)
    assert sdk_header == sign_payload(payload, secret, now - seed)
    assert verify_webhook(payload.encode(), sdk_header, [secret]) == event
    # our signer -> Stripe's verifier and parser
    ours = f"t={now - seed},v1={compute_signature(payload.encode(), secret, now - seed)}"
    assert stripe.WebhookSignature.verify_header(payload.encode(), ours, secret, 300)
    sdk_event = stripe.Webhook.construct_event(payload.encode(), ours, secret, api_key="sk_test_x")
    assert sdk_event.id == event["id"]
    # and both reject the same wrong secret
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.WebhookSignature.verify_header(payload, ours, secret + "x", 300)
    with pytest.raises(SignatureVerificationError):
        verify_webhook(payload, ours, [secret + "x"])


def test_both_reject_a_stale_timestamp() -> None:
    old = int(time.time()) - 301
    payload = json.dumps(EVENT)
    header = sign_payload(payload, SECRET, old)
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.WebhookSignature.verify_header(payload, header, SECRET, 300)
    with pytest.raises(SignatureVerificationError):
        verify_webhook(payload, header, [SECRET])


# -- properties ------------------------------------------------------------------------------

secrets_st = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "")
timestamps = st.integers(min_value=0, max_value=4_000_000_000)


@given(payload=st.text(max_size=200), secret=secrets_st, t=timestamps, skew=st.integers(-300, 300))
def test_fake_signature_round_trips(payload: str, secret: str, t: int, skew: int) -> None:
    header = sign_payload(payload, secret, t)
    assert verify_signature(payload, header, [secret], now=t + skew) == t
    assert verify_signature(payload.encode(), header, [secret], now=t + skew) == t


@given(
    payload=st.binary(min_size=1, max_size=200),
    secret=secrets_st,
    t=timestamps,
    data=st.data(),
)
def test_any_single_byte_change_fails(payload: bytes, secret: str, t: int, data: Any) -> None:
    header = f"t={t},v1={compute_signature(payload, secret, t)}"
    assert verify_signature(payload, header, [secret], now=t) == t
    index = data.draw(st.integers(0, len(payload) - 1))
    new = data.draw(st.integers(0, 255).filter(lambda b: b != payload[index]))
    mutated = payload[:index] + bytes([new]) + payload[index + 1 :]
    with pytest.raises(SignatureVerificationError):
        verify_signature(mutated, header, [secret], now=t)


@given(name=st.text(max_size=50), t=timestamps)
def test_json_event_round_trips(name: str, t: int) -> None:
    event = {**EVENT, "data": {"object": {"id": "cus_1", "object": "customer", "name": name}}}
    body, header = signed_event(event, SECRET, t)
    assert verify_webhook(body, header, [SECRET], now=t) == event


def test_all_is_pinned() -> None:
    assert sorted(signature.__all__) == sorted(
        ["DEFAULT_TOLERANCE", "SCHEME", "compute_signature", "verify_signature", "verify_webhook"]
    )
