"""jsoncodec: msgspec's speed without changing what parses or what it parses to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stripe_sync import jsoncodec
from stripe_sync.errors import MalformedPayloadError
from stripe_sync.signature import compute_signature, verify_webhook

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_loads_agrees_with_the_standard_library_on_every_fixture() -> None:
    files = sorted(FIXTURES.rglob("*.json"))
    assert files, "no JSON fixtures found"
    for path in files:
        data = path.read_bytes()
        assert jsoncodec.loads(data) == json.loads(data), path
        assert jsoncodec.loads(data.decode("utf-8")) == json.loads(data), path


@pytest.mark.parametrize(
    "text",
    [
        '{"amount": 123456789012345678901234567890}',  # beyond 64 bits
        "[-18446744073709551617, 1e400]",
    ],
)
def test_loads_is_exact_where_the_fast_parser_differs(text: str) -> None:
    assert jsoncodec.loads(text) == json.loads(text)
    assert jsoncodec.loads(text.encode()) == json.loads(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"name": "\\ud800"}', "lone surrogate"),
        ('["\\udfff", 1]', "lone surrogate"),
        ("[" * 5000 + "]" * 5000, "nested too deeply"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_loads_refuses_what_no_database_column_could_hold(text: str, reason: str) -> None:
    with pytest.raises(jsoncodec.JSONRefusedError, match=reason):
        jsoncodec.loads(text)
    with pytest.raises(jsoncodec.JSONRefusedError, match=reason):
        jsoncodec.loads(text.encode())


def test_a_surrogate_pair_is_one_character() -> None:
    assert jsoncodec.loads('"\\ud83d\\ude00"') == "\U0001f600"


def test_loads_raises_the_standard_error_with_its_position() -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        jsoncodec.loads('{\n  "a": 1,\n  "b": }')
    assert (caught.value.lineno, caught.value.colno) == (3, 8)


def test_dumps_is_compact_json_of_the_same_value() -> None:
    value = {"a": [1, 2.5, None, True, "é\u2028"], "b": {"c": "x"}}
    encoded = jsoncodec.dumps(value)
    assert isinstance(encoded, str)
    assert " " not in encoded.replace("é\u2028", "")
    assert json.loads(encoded) == value


class _Sub(dict[str, object]):
    pass


@pytest.mark.parametrize("value", [{"n": 2**70}, {1: "integer key"}, _Sub(a={"b": [1]})])
def test_dumps_encodes_what_the_standard_library_encodes(value: object) -> None:
    assert json.loads(jsoncodec.dumps(value)) == json.loads(json.dumps(value))


def test_dumps_refuses_what_is_not_json() -> None:
    with pytest.raises(TypeError):
        jsoncodec.dumps({"x": object()})


def test_a_webhook_with_a_huge_integer_is_verified_and_parsed_exactly() -> None:
    body = (
        '{"id": "evt_1", "object": "event", "type": "customer.updated", "created": 1,'
        ' "data": {"object": {"id": "cus_1", "object": "customer",'
        ' "metadata": {}, "balance": 123456789012345678901234567890}}}'
    )
    header = f"t=1700000000,v1={compute_signature(body, 'whsec_x', 1700000000)}"
    event = verify_webhook(body.encode(), header, ["whsec_x"], tolerance=0)
    assert event["data"]["object"]["balance"] == 123456789012345678901234567890


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'\xef\xbb\xbf{"id": "evt_1"}', "not valid JSON"),
        ('{"id": "evt_1"}'.encode("utf-16-le"), "not valid JSON"),
        (b'{"id": "\xff"}', "not valid UTF-8"),
    ],
)
def test_a_webhook_body_in_another_encoding_is_malformed(body: bytes, reason: str) -> None:
    header = f"t=1700000000,v1={compute_signature(body, 'whsec_x', 1700000000)}"
    with pytest.raises(MalformedPayloadError, match=reason):
        verify_webhook(body, header, ["whsec_x"], tolerance=0)
