"""Sigma tables on a real PostgreSQL: created from the catalogue, evolved without losing data,
loaded from Sigma's CSV."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import psycopg
import pytest
from psycopg import sql

from stripe_sync.errors import ConfigError, DatabaseError, MigrationError
from stripe_sync.sigma.catalog import (
    DEFAULT_TABLES,
    SigmaColumn,
    SigmaTable,
    load_catalog,
    pg_type,
    resolve_tables,
)
from stripe_sync.sigma.tables import (
    SigmaSchemaError,
    ensure_tables,
    load_csv,
    load_statements,
)

# information_schema spellings of catalog.pg_type's outputs.
_INFO_TYPE = {
    "text": "text",
    "bigint": "bigint",
    "boolean": "boolean",
    "timestamptz": "timestamp with time zone",
    "double precision": "double precision",
    "numeric(38,18)": "numeric",
}


LONG_COLUMN = "payment_settings_payment_method_options_customer_balance_bank_transfer_type"


def _column(name: str, sigma_type: str, pk: bool = False, comment: str = "") -> SigmaColumn:
    return SigmaColumn(name, sigma_type, pg_type(sigma_type), pk, comment)


ROWS = SigmaTable(
    dataset="test",
    name="test_rows",
    columns=(
        _column("id", "varchar", pk=True, comment="the id"),
        _column("description", "varchar"),
        _column("amount", "bigint"),
        _column("paid", "boolean"),
        _column("rate", "decimal(38,18)"),
        _column("score", "double"),
        _column("created", "timestamp"),
        _column("batch_timestamp", "timestamp"),
    ),
    primary_key=("id",),
    cursor_column="batch_timestamp",
    comment="rows for tests",
)


def _columns(
    url: str, schema: str, table: str
) -> dict[str, tuple[str, str, int | None, int | None]]:
    """column -> (data_type, is_nullable, numeric_precision, numeric_scale)."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT column_name, data_type, is_nullable, numeric_precision, numeric_scale "
            "FROM information_schema.columns WHERE table_schema = %s AND table_name = %s "
            "ORDER BY ordinal_position",
            (schema, table),
        ).fetchall()
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}


def _primary_key(url: str, schema: str, table: str) -> list[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT k.column_name FROM information_schema.table_constraints c "
            "JOIN information_schema.key_column_usage k "
            "  ON k.constraint_schema = c.constraint_schema "
            " AND k.constraint_name = c.constraint_name "
            "WHERE c.table_schema = %s AND c.table_name = %s "
            "  AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position",
            (schema, table),
        ).fetchall()
    return [r[0] for r in rows]


def _select(url: str, schema: str, table: str, order: str = "id") -> list[dict[str, Any]]:
    with psycopg.connect(url) as conn:
        cur = conn.execute(
            sql.SQL("SELECT * FROM {} ORDER BY _account_id, {}").format(
                sql.Identifier(schema, table), sql.Identifier(order)
            )
        )
        assert cur.description is not None
        names = [d.name for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


async def test_creates_the_default_tables(database_url: str) -> None:
    tables = resolve_tables(None)
    result = await ensure_tables(database_url, "sigma", tables)
    assert result.created == DEFAULT_TABLES
    assert result.warnings == ()
    for table in tables:
        cols = _columns(database_url, "sigma", table.pg_name)
        expected: dict[str, tuple[str, str, int | None, int | None]] = {
            "_account_id": ("text", "NO", None, None)
        }
        for c in table.columns:
            nullable = "NO" if c.name in table.primary_key else "YES"
            numeric: tuple[int | None, int | None] = (
                (38, 18) if c.pg_type == "numeric(38,18)" else (None, None)
            )
            if c.pg_type == "bigint":
                numeric = (64, 0)
            if c.pg_type == "double precision":
                numeric = (53, None)
            expected[c.pg_name] = (_INFO_TYPE[c.pg_type], nullable, *numeric)
        expected["_last_synced_at"] = ("timestamp with time zone", "NO", None, None)
        assert cols == expected, table.name
        assert list(cols) == list(expected)  # catalogue order, bookkeeping around it
        assert _primary_key(database_url, "sigma", table.pg_name) == [
            "_account_id",
            *table.primary_key,
        ]
    with psycopg.connect(database_url) as conn:
        comment = conn.execute(
            "SELECT obj_description('sigma.charges'::regclass, 'pg_class'), "
            "col_description('sigma.charges'::regclass, 2)"
        ).fetchone()
    assert comment is not None
    assert comment[0].startswith("Stripe Sigma coreapi.charges: ")
    assert comment[1]  # the first catalogue column's comment

    # Idempotent.
    again = await ensure_tables(database_url, "sigma", tables)
    assert again.unchanged == DEFAULT_TABLES
    assert again.created == again.altered == ()


async def test_long_names_and_a_custom_schema(database_url: str) -> None:
    catalog = load_catalog()
    tables = [
        catalog["subscriptions"],
        catalog["payins_insights_lightning_astro_deduped_aggregated_with_attempts_v2"],
        catalog["terminal_readers"],  # no primary key
    ]
    result = await ensure_tables(database_url, "reporting_2", tables)
    assert result.created == tuple(t.pg_name for t in tables)
    subs = _columns(database_url, "reporting_2", "subscriptions")
    assert set(subs) == {"_account_id", "_last_synced_at", *(c.pg_name for c in tables[0].columns)}
    long = tables[1]
    assert len(_columns(database_url, "reporting_2", long.pg_name)) == len(long.columns) + 2
    assert _primary_key(database_url, "reporting_2", "terminal_readers") == []
    with psycopg.connect(database_url) as conn:
        row = conn.execute(
            "SELECT obj_description(c.oid, 'pg_class') FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'reporting_2' AND c.relname = %s",
            (long.pg_name,),
        ).fetchone()
        assert row is not None
        assert long.name in row[0]
        column = conn.execute(
            "SELECT col_description('reporting_2.subscriptions'::regclass, a.attnum) "
            "FROM pg_attribute a WHERE a.attrelid = 'reporting_2.subscriptions'::regclass "
            "AND a.attname = %s",
            (tables[0].column(LONG_COLUMN).pg_name,),
        ).fetchone()
        assert column is not None
        assert column[0].endswith(f"[Sigma name: {LONG_COLUMN}]")
        assert conn.execute("SELECT to_regclass('sigma.subscriptions')").fetchone() == (None,)
    assert (await ensure_tables(database_url, "reporting_2", tables)).unchanged == tuple(
        t.pg_name for t in tables
    )


async def test_bad_schema_name_is_refused(database_url: str) -> None:
    with pytest.raises(ConfigError, match="schema must be"):
        await ensure_tables(database_url, 'sigma"; drop', [ROWS])


async def test_adds_new_columns_and_keeps_removed_ones(database_url: str) -> None:
    await ensure_tables(database_url, "sigma", [ROWS])
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        await load_csv(
            conn,
            "sigma",
            ROWS,
            "acct_1",
            "id,description\nr1,kept\n",
            columns=["id", "description"],
        )
    gained = dataclasses.replace(
        ROWS, columns=(*ROWS.columns, _column("fee_rate", "decimal(38,18)", comment="new"))
    )
    result = await ensure_tables(database_url, "sigma", [gained])
    assert result.altered == ("test_rows",)
    assert result.tables[0].added == ("fee_rate",)
    cols = _columns(database_url, "sigma", "test_rows")
    assert cols["fee_rate"] == ("numeric", "YES", 38, 18)
    assert list(cols)[-1] == "fee_rate"

    lost = dataclasses.replace(
        gained, columns=tuple(c for c in gained.columns if c.name != "description")
    )
    result = await ensure_tables(database_url, "sigma", [lost])
    assert result.unchanged == ("test_rows",)
    assert result.tables[0].kept == ("description",)
    assert "sigma.test_rows.description" in result.warnings[0]
    assert "description" in _columns(database_url, "sigma", "test_rows")
    assert _select(database_url, "sigma", "test_rows")[0]["description"] == "kept"


async def test_refuses_an_unsafe_type_change(database_url: str) -> None:
    await ensure_tables(database_url, "sigma", [ROWS])
    other = dataclasses.replace(ROWS, name="other_rows")
    changed = dataclasses.replace(
        ROWS,
        columns=(
            *(_column("amount", "varchar") if c.name == "amount" else c for c in ROWS.columns),
            _column("brand_new", "varchar"),
        ),
    )
    changed = dataclasses.replace(
        changed,
        columns=tuple(
            _column("paid", "bigint") if c.name == "paid" else c for c in changed.columns
        ),
    )
    with pytest.raises(SigmaSchemaError) as info:
        await ensure_tables(database_url, "sigma", [other, changed])
    message = str(info.value)
    assert "sigma.test_rows" in message
    assert "column paid is boolean but the catalogue now says bigint" in message
    assert isinstance(info.value, MigrationError)
    # Nothing was changed: neither the other table nor the new column.
    cols = _columns(database_url, "sigma", "test_rows")
    assert "brand_new" not in cols
    assert cols["paid"][0] == "boolean"
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT to_regclass('sigma.other_rows')").fetchone() == (None,)


async def test_applies_a_safe_widening(database_url: str) -> None:
    await ensure_tables(database_url, "sigma", [ROWS])
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        await load_csv(
            conn,
            "sigma",
            ROWS,
            "acct_1",
            "id,amount\nr1,9223372036854775807\n",
            columns=["id", "amount"],
        )
    wider = dataclasses.replace(
        ROWS,
        columns=tuple(
            _column("amount", "decimal(38,18)") if c.name == "amount" else c for c in ROWS.columns
        ),
    )
    result = await ensure_tables(database_url, "sigma", [wider])
    assert result.tables[0].widened == (("amount", "bigint", "numeric(38,18)"),)
    [row] = _select(database_url, "sigma", "test_rows")
    assert row["amount"] == Decimal("9223372036854775807")
    # Back to bigint would not be a widening.
    with pytest.raises(SigmaSchemaError, match="numeric"):
        await ensure_tables(database_url, "sigma", [ROWS])


async def test_refuses_a_primary_key_change_and_foreign_tables(database_url: str) -> None:
    await ensure_tables(database_url, "sigma", [ROWS])
    rekeyed = dataclasses.replace(
        ROWS,
        columns=tuple(
            dataclasses.replace(c, primary_key=c.name in ("id", "created")) for c in ROWS.columns
        ),
        primary_key=("id", "created"),
    )
    with pytest.raises(SigmaSchemaError, match=r"primary key is \(_account_id, id\)"):
        await ensure_tables(database_url, "sigma", [rekeyed])
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE sigma.charges (id text PRIMARY KEY)")
    with pytest.raises(SigmaSchemaError, match="not created by stripe-sync"):
        await ensure_tables(database_url, "sigma", resolve_tables(["charges"]))


async def test_concurrent_calls_do_not_fail(database_url: str) -> None:
    tables = resolve_tables(None)
    first, second = await asyncio.gather(
        ensure_tables(database_url, "sigma", tables),
        ensure_tables(database_url, "sigma", tables),
    )
    # One created everything; the other waited on the lock and found nothing to do.
    assert sorted([first.created, second.created], key=len) == [(), DEFAULT_TABLES]
    assert sorted([first.unchanged, second.unchanged], key=len) == [(), DEFAULT_TABLES]


PAIR = ("id", "amount")

CSV = (
    "id,description,amount,paid,rate,score,created,batch_timestamp\n"
    'r1,"comma, ""quote"" and\nnewline",100,true,12.345678901234567890,0.1,'
    "2024-03-01 12:34:56.789,2024-03-02 00:00:00\n"
    "r2,Zoë ünïcödé 日本 🚀,,false,-0.000000000000000001,,,2024-03-02 00:00:00\n"
    'r3,"",-5,,99999999999999999999.999999999999999999,1e300,1970-01-01 00:00:00,\n'
)


async def test_load_csv_types_and_upsert(database_url: str) -> None:
    await ensure_tables(database_url, "sigma", [ROWS])
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        # Timestamps are UTC whatever the session's zone.
        await conn.execute("SET TIME ZONE 'America/New_York'")
        assert await load_csv(conn, "sigma", ROWS, "acct_1", CSV) == 3
        assert await load_csv(conn, "sigma", ROWS, "acct_2", CSV.encode()) == 3
    rows = _select(database_url, "sigma", "test_rows")
    assert [(r["_account_id"], r["id"]) for r in rows] == [
        ("acct_1", "r1"), ("acct_1", "r2"), ("acct_1", "r3"),
        ("acct_2", "r1"), ("acct_2", "r2"), ("acct_2", "r3"),
    ]  # fmt: skip
    r1, r2, r3 = rows[:3]
    assert r1["description"] == 'comma, "quote" and\nnewline'
    assert (r1["amount"], r1["paid"]) == (100, True)
    assert r1["rate"] == Decimal("12.345678901234567890")
    assert str(r1["rate"]) == "12.345678901234567890"
    assert r1["score"] == 0.1
    assert r1["created"] == datetime(2024, 3, 1, 12, 34, 56, 789000, tzinfo=UTC)
    assert r2["description"] == "Zoë ünïcödé 日本 🚀"
    assert (r2["amount"], r2["score"], r2["created"]) == (None, None, None)
    assert r2["rate"] == Decimal("-0.000000000000000001")
    assert r3["description"] == ""  # quoted empty is an empty string, unquoted empty is NULL
    assert r3["paid"] is None
    assert r3["batch_timestamp"] is None
    assert r3["rate"] == Decimal("99999999999999999999.999999999999999999")
    assert r3["score"] == 1e300
    assert r3["created"] == datetime(1970, 1, 1, tzinfo=UTC)
    first_synced = r1["_last_synced_at"]

    update = (
        "id,description,amount,paid,rate,score,created,batch_timestamp\n"
        "r1,changed,,true,1,,,2024-03-03 00:00:00\n"
        "r4,new,4,,,,,2024-03-03 00:00:00\n"
    )
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        assert await load_csv(conn, "sigma", ROWS, "acct_1", [update.encode()]) == 2
        statements = load_statements("sigma", ROWS)
        assert statements.max_cursor is not None
        cur = await conn.execute(statements.max_cursor, {"account_id": "acct_1"})
        assert await cur.fetchone() == (datetime(2024, 3, 3, tzinfo=UTC),)
    rows = _select(database_url, "sigma", "test_rows")
    acct_1 = {r["id"]: r for r in rows if r["_account_id"] == "acct_1"}
    assert len(rows) == 7
    assert acct_1["r1"]["description"] == "changed"
    assert acct_1["r1"]["amount"] is None  # the new values replace the old ones, NULLs too
    assert acct_1["r1"]["_last_synced_at"] > first_synced
    assert acct_1["r2"]["_last_synced_at"] == first_synced
    assert acct_1["r4"]["amount"] == 4
    untouched = {r["id"]: r for r in rows if r["_account_id"] == "acct_2"}
    assert untouched["r1"]["description"] == 'comma, "quote" and\nnewline'


async def test_duplicate_keys_in_one_batch_write_nothing(database_url: str) -> None:
    await ensure_tables(database_url, "sigma", [ROWS])
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        with pytest.raises(DatabaseError, match="two rows with the same primary key"):
            await load_csv(conn, "sigma", ROWS, "acct_1", "id,amount\nr1,1\nr1,2\n", columns=PAIR)
        with pytest.raises(DatabaseError, match="test_rows"):
            await load_csv(
                conn, "sigma", ROWS, "acct_1", "id,amount\nr1,not a number\n", columns=PAIR
            )
        with pytest.raises(DatabaseError, match="null value"):
            await load_csv(conn, "sigma", ROWS, "acct_1", "id,amount\n,1\n", columns=PAIR)
    assert _select(database_url, "sigma", "test_rows") == []


async def test_keyless_reload_and_prune(database_url: str) -> None:
    readers = load_catalog()["terminal_readers"]
    exchange = load_catalog()["exchange_rates_from_usd"]
    await ensure_tables(database_url, "sigma", [readers, exchange])
    header = ",".join(readers.column_names)
    blank = "," * (len(readers.columns) - 1)
    one, two = f"{header}\n{blank}\n", f"{header}\n{blank}\n{blank}\n"
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        assert await load_csv(conn, "sigma", readers, "acct_1", one) == 1
        assert await load_csv(conn, "sigma", readers, "acct_2", one) == 1
        assert await load_csv(conn, "sigma", readers, "acct_1", two, replace=True) == 2
        count = await conn.execute("SELECT _account_id, count(*) FROM sigma.terminal_readers "
                                   "GROUP BY 1 ORDER BY 1")  # fmt: skip
        assert await count.fetchall() == [("acct_1", 2), ("acct_2", 1)]
        assert load_statements("sigma", readers).max_cursor is None

        rates = "date,sell_currency,buy_currency_exchange_rates\n"
        await load_csv(
            conn, "sigma", exchange, "acct_1", rates + '2024-01-01,usd,"{""eur"":0.9}"\n'
        )
        cur = await conn.execute("SELECT now()")
        row = await cur.fetchone()
        assert row is not None
        started = row[0]
        await load_csv(conn, "sigma", exchange, "acct_1", rates + "2024-01-02,usd,{}\n")
        prune = load_statements("sigma", exchange).prune
        pruned = await conn.execute(prune, {"account_id": "acct_1", "before": started})
        assert pruned.rowcount == 1
    [kept] = _select(database_url, "sigma", "exchange_rates_from_usd", order="date")
    assert kept["date"] == datetime(2024, 1, 2, tzinfo=UTC)
