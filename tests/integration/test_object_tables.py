"""Every object table accepts Stripe's example payload and derives its typed columns from it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import psycopg
import pytest
from psycopg import sql
from psycopg.types.json import Jsonb

from stripe_sync.resources import REGISTRY, Resource


def examples() -> dict[str, dict[str, Any]]:
    text = resources.files("stripe_sync.testing").joinpath("fixtures/objects.json").read_text()
    data: dict[str, dict[str, Any]] = json.loads(text)["resources"]
    return data


def ref_id(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("id") if isinstance(value.get("id"), str) else None
    return value if isinstance(value, str) else None


@pytest.mark.parametrize("resource", list(REGISTRY.values()), ids=lambda r: r.name)
def test_example_payload_fills_typed_columns(database_url: str, resource: Resource) -> None:
    payload = examples()[resource.object]
    columns = ["id", "_raw_data", "_account_id"]
    values: list[Any] = [payload.get("id") or f"x_{resource.name}", Jsonb(payload), "acct_test"]
    if resource.parent:
        columns.append(resource.parent)
        values.append("parent_1")
    insert = sql.SQL("INSERT INTO stripe.{} ({}) VALUES ({})").format(
        sql.Identifier(resource.table),
        sql.SQL(", ").join(map(sql.Identifier, columns)),
        sql.SQL(", ").join(sql.Placeholder() * len(values)),
    )
    with psycopg.connect(database_url) as conn:
        conn.execute(insert, values)
        select = sql.SQL("SELECT * FROM stripe.{}").format(sql.Identifier(resource.table))
        cur = conn.execute(select)
        assert cur.description is not None
        row = dict(zip([c.name for c in cur.description], cur.fetchone() or (), strict=True))

    assert row["_raw_data"] == payload
    assert row["deleted"] is False
    assert row["object"] == payload["object"]
    if isinstance(payload.get("created"), int):
        assert row["created"] == datetime.fromtimestamp(payload["created"], UTC)
    if isinstance(payload.get("livemode"), bool):
        assert row["livemode"] is payload["livemode"]
    for ref in resource.references:
        if ref.field == resource.parent:
            assert row[ref.field] == "parent_1"
        elif ref.field in payload:
            assert row[ref.field] == ref_id(payload[ref.field]), ref.field
    for key, value in payload.items():
        skip = ("id", "deleted", resource.parent)
        if key in row and key not in skip and isinstance(value, str) and key.isidentifier():
            if key.endswith("_decimal"):
                assert str(row[key]) == value, key
                continue
            assert row[key] == value or ref_id(value) == row[key], key


def test_hostile_payload_never_fails_a_write(database_url: str) -> None:
    hostile = {
        "id": "cus_hostile",
        "object": "customer",
        "created": "yesterday",
        "balance": 2**70,
        "delinquent": "maybe",
        "email": {"not": "a string"},
        "metadata": [1, 2],
        "default_source": {"object": "card"},
    }
    with psycopg.connect(database_url) as conn:
        conn.execute(
            "INSERT INTO stripe.customers (id, _raw_data, _account_id) VALUES (%s, %s, 'acct_1')",
            ("cus_hostile", Jsonb(hostile)),
        )
        row = conn.execute(
            "SELECT created, balance, delinquent, default_source FROM stripe.customers"
        ).fetchone()
    assert row == (None, None, None, None)
