"""Stripe's bracket form encoding, both ways."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stripe_sync.testing.forms import FormError, decode, decode_query, encode


def test_decode_nested_dicts_lists_and_appends() -> None:
    raw = (
        "metadata[plan]=gold&metadata[tier]=&items[1][price]=p2&items[0][price]=p1"
        "&items[0][quantity]=3&expand[]=data.customer&expand[]=data.invoice&created[gte]=10"
    )
    assert decode_query(raw) == {
        "metadata": {"plan": "gold", "tier": ""},
        "items": [{"price": "p1", "quantity": "3"}, {"price": "p2"}],
        "expand": ["data.customer", "data.invoice"],
        "created": {"gte": "10"},
    }


def test_malformed_name_is_rejected() -> None:
    with pytest.raises(FormError):
        decode([("a[b", "1")])


def test_scalar_then_nested_conflict_is_rejected() -> None:
    with pytest.raises(FormError):
        decode([("a", "1"), ("a[b]", "2")])


_names = st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=6)
_leaf = st.text("abcxyz0123 -_.@", max_size=8).filter(lambda s: s != "")
_value: st.SearchStrategy[Any] = st.recursive(
    _leaf,
    lambda inner: (
        st.lists(inner, min_size=1, max_size=3)
        | st.dictionaries(_names, inner, min_size=1, max_size=3)
    ),
    max_leaves=8,
)


@given(st.dictionaries(_names, _value, max_size=4))
def test_encode_then_decode_round_trips(params: dict[str, Any]) -> None:
    assert decode_query(encode(params)) == params
