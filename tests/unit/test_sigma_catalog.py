"""The Sigma catalogue: the shipped copy, type mapping, names, keys, cursors, table selection."""

from __future__ import annotations

import collections
import json
import logging
from importlib import resources
from pathlib import Path

import pytest

from stripe_sync.errors import UnknownObjectError
from stripe_sync.queries import raw_queries
from stripe_sync.sigma.catalog import (
    CURSOR_PREFERENCE,
    DEFAULT_TABLES,
    PG_IDENTIFIER_MAX_BYTES,
    PRIMARY_KEY_FIXES,
    SigmaTable,
    load_catalog,
    pg_identifier,
    pg_type,
    resolve_tables,
)

SHARED = Path(__file__).resolve().parents[3] / "shared" / "stripe-sigma" / "schema.json"
SHIPPED = resources.files("stripe_sync.sigma").joinpath("schema.json")


def _raw() -> dict[str, object]:
    data: dict[str, object] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return data


def test_shipped_catalogue_is_the_shared_file() -> None:
    shipped = SHIPPED.read_bytes()
    if SHARED.exists():
        assert shipped == SHARED.read_bytes(), "copy shared/stripe-sigma/schema.json again"
    # Without the shared checkout the package copy must still be a whole catalogue.
    assert len(json.loads(shipped)["schema"]) == 35


def test_catalogue_counts() -> None:
    catalog = load_catalog()
    assert len(catalog) == 350
    assert sum(t.incremental for t in catalog.values()) == 336
    assert len({t.dataset for t in catalog.values()}) == 35
    # Cached: the file is parsed once, each call gets its own dict.
    assert load_catalog() == catalog
    assert load_catalog() is not catalog


def test_catalogue_from_a_path(tmp_path: Path) -> None:
    doc = {
        "schema": [
            {
                "name": "ds",
                "tables": [
                    {
                        "name": "things",
                        "comment": "c",
                        "columns": [
                            {"name": "id", "type": "varchar", "primary_key": True, "comment": ""},
                            {"name": "updated", "type": "timestamp", "primary_key": False},
                        ],
                    }
                ],
            }
        ]
    }
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(doc))
    [things] = load_catalog(path).values()
    assert (things.dataset, things.name, things.primary_key) == ("ds", "things", ("id",))
    assert things.cursor_column == "updated"
    assert things.cursor_tracks_changes


def test_every_catalogue_type_has_a_mapping(caplog: pytest.LogCaptureFixture) -> None:
    types = {
        c["type"]
        for d in _raw()["schema"]  # type: ignore[attr-defined]
        for t in d["tables"]
        for c in t["columns"]
    }
    expected = {
        "varchar": "text",
        "bigint": "bigint",
        "boolean": "boolean",
        "timestamp": "timestamptz",
        "double": "double precision",
        "decimal(38,18)": "numeric(38,18)",
    }
    assert types == set(expected)
    with caplog.at_level(logging.WARNING):
        assert {t: pg_type(t) for t in types} == expected
    assert not caplog.records  # no catalogue type falls back to text
    assert all(
        c.pg_type == expected[c.sigma_type] for t in load_catalog().values() for c in t.columns
    )


@pytest.mark.parametrize(
    ("sigma", "pg"),
    [
        ("date", "date"),
        ("DECIMAL(10, 2)", "numeric(10,2)"),
        ("decimal(12)", "numeric(12,0)"),
        ("array(varchar)", "jsonb"),
        ("map(varchar, array(bigint))", "jsonb"),
        ("row(a bigint, b varchar)", "jsonb"),
        ("json", "jsonb"),
        ("varchar(255)", "text"),
        ("timestamp(3)", "timestamptz"),
        ("integer", "integer"),
    ],
)
def test_other_sigma_types(sigma: str, pg: str) -> None:
    assert pg_type(sigma) == pg


def test_unknown_type_is_text_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="stripe_sync.sigma.catalog"):
        assert pg_type("hyperloglog") == "text"
        assert pg_type("decimal(2000,1)") == "text"  # beyond PostgreSQL's precision
    assert "hyperloglog" in caplog.text


def test_names_fit_postgres_and_stay_unique() -> None:
    catalog = load_catalog()
    long_tables = [t for t in catalog.values() if t.pg_name != t.name]
    assert len(long_tables) == 4
    long_columns = [(t.name, c) for t in catalog.values() for c in t.columns if c.pg_name != c.name]
    assert len(long_columns) == 30
    for t in catalog.values():
        assert len(t.pg_name.encode()) <= PG_IDENTIFIER_MAX_BYTES
        pg_names = [c.pg_name for c in t.columns]
        assert len(set(pg_names)) == len(pg_names), t.name
        assert all(len(n.encode()) <= PG_IDENTIFIER_MAX_BYTES for n in pg_names)
    # Three subscriptions columns share their first 63 bytes: PostgreSQL's cut would collide.
    subs = catalog["subscriptions"]
    prefix = "payment_settings_payment_method_options_customer_balance_bank_t"
    clashing = [c for c in subs.columns if c.name.startswith(prefix)]
    assert len(clashing) == 3
    assert len({c.name.encode()[:63] for c in clashing}) == 1
    assert len({c.pg_name for c in clashing}) == 3
    # Stable, and short names are untouched.
    long = "x" * 64
    assert pg_identifier(long) == pg_identifier(long) != long[:63]
    assert pg_identifier("charges") == "charges"


def test_primary_key_fixes() -> None:
    catalog = load_catalog()
    for name, key in PRIMARY_KEY_FIXES.items():
        table = catalog[name]
        assert table.primary_key == key
        assert {c.name for c in table.columns if c.primary_key} == set(key)
    assert catalog["invoice_line_items"].primary_key == ("invoice_id", "id")


def test_cursor_rule() -> None:
    catalog = load_catalog()
    counts = collections.Counter(t.cursor_column for t in catalog.values())
    assert counts == {
        "batch_timestamp": 301,
        None: 36,  # 14 keyless tables + 22 keyed ones without a usable timestamp
        "created": 6,
        "updated": 2,
        "created_at": 2,
        "event_timestamp": 2,
        "date": 1,
    }
    for t in catalog.values():
        if t.cursor_column is not None:
            assert t.incremental
            assert t.column(t.cursor_column).pg_type == "timestamptz"
            # The first column of CURSOR_PREFERENCE the table has as a timestamp.
            timestamps = [c.name for c in t.columns if c.pg_type == "timestamptz"]
            assert t.cursor_column == next(n for n in CURSOR_PREFERENCE if n in timestamps)
        assert t.full_reload_only == (not t.incremental or t.cursor_column is None)
    assert catalog["charges"].cursor_tracks_changes
    assert not catalog["exchange_rates_from_usd"].cursor_tracks_changes
    # batch_timestamp in a keyless table does not make it incremental.
    keyless = catalog["payout_minimum_balance_settings"]
    assert keyless.full_reload_only
    assert keyless.cursor_column is None
    assert not keyless.incremental
    # A timestamp named created that is a double is no cursor.
    assert catalog["customer_change_events"].cursor_column is None


def test_default_tables_exist_and_are_incremental() -> None:
    catalog = load_catalog()
    assert len(set(DEFAULT_TABLES)) == len(DEFAULT_TABLES)
    for name in DEFAULT_TABLES:
        table = catalog[name]
        assert table.incremental, name
        assert not table.full_reload_only, name


def test_resolve_tables() -> None:
    assert [t.name for t in resolve_tables(None)] == list(DEFAULT_TABLES)
    assert [t.name for t in resolve_tables(["default"])] == list(DEFAULT_TABLES)
    assert len(resolve_tables(["all"])) == 350
    picked = resolve_tables(["refunds, charges", "charges", "exchange_rates_from_usd"])
    assert [t.name for t in picked] == ["refunds", "charges", "exchange_rates_from_usd"]
    assert all(isinstance(t, SigmaTable) for t in picked)


def test_unknown_table_names_raise() -> None:
    with pytest.raises(UnknownObjectError, match=r"'chargez' \(did you mean charges"):
        resolve_tables(["charges", "chargez"])
    with pytest.raises(UnknownObjectError, match="nope"):
        resolve_tables(["nope"])


def test_sigma_queries_are_registered() -> None:
    names = raw_queries()
    for name in ("sigma_lock", "sigma_create_schema", "sigma_existing_columns", "sigma_utc"):
        assert name in names
