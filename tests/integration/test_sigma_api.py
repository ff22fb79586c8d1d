"""The Sigma query-run client against the fake Stripe over ASGI (and PostgreSQL for the CSV)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import psycopg
import pytest
from psycopg import sql

from stripe_sync import StripeSyncConfig
from stripe_sync.client import StripeClient
from stripe_sync.errors import SigmaQueryError, SigmaUnavailableError
from stripe_sync.sigma.api import SigmaClient
from stripe_sync.testing import FakeStripe

NASTY: list[dict[str, Any]] = [
    {"id": "n1", "note": None, "n": None, "ok": None, "at": None, "amt": None, "x": None},
    {
        "id": "n2",
        "note": "",
        "n": 0,
        "ok": False,
        "at": "2024-01-01 00:00:00.000",
        "amt": "0E-18",
        "x": 0.0,
    },
    {
        "id": "n3",
        "note": 'a,"b",\nc\r\nd',
        "n": -(2**63),
        "ok": True,
        "at": "2024-12-31 23:59:59.999",
        "amt": "12.345678901234567890",
        "x": -2.5e-07,
    },
    {
        "id": "n4",
        "note": "ünïcødé ✓ 日本語 🚀",
        "n": 2**63 - 1,
        "ok": True,
        "at": "2030-06-15 12:00:00.123",
        "amt": "-99999999999999999999.999999999999999999",
        "x": 1e300,
    },
    {"id": "n5", "note": "NULL", "n": 1, "ok": False, "at": None, "amt": None, "x": 0.1},
    {"id": "n6", "note": "\\N", "n": 2, "ok": None, "at": None, "amt": None, "x": None},
    {"id": "n7", "note": " ", "n": 3, "ok": None, "at": None, "amt": None, "x": None},
]
COLUMNS = [
    ("id", "varchar"),
    ("note", "varchar"),
    ("n", "bigint"),
    ("ok", "boolean"),
    ("at", "timestamp"),
    ("amt", "decimal(38,18)"),
    ("x", "double"),
]


class Sleeps:
    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
async def stripe(fake: FakeStripe) -> AsyncIterator[StripeClient]:
    config = StripeSyncConfig(
        stripe_secret_key=fake.api_key,
        stripe_api_base="http://fake-stripe",
        database_url="postgresql://unused/db",
        initial_retry_delay_ms=1,
        max_retry_delay_ms=4,
    )
    async with StripeClient(config, transport=httpx.ASGITransport(app=fake.app)) as client:
        yield client


async def collect(chunks: AsyncIterator[bytes]) -> list[bytes]:
    return [chunk async for chunk in chunks]


def copy_into_postgres(url: str, data: bytes, columns: list[str]) -> list[dict[str, Any]]:
    """Load ``data`` with ``COPY ... CSV HEADER`` into text columns, as the engine will."""
    with psycopg.connect(url) as conn:
        conn.execute(
            sql.SQL("CREATE TEMP TABLE sigma_copy ({})").format(
                sql.SQL(", ").join(sql.SQL("{} text").format(sql.Identifier(c)) for c in columns)
            )
        )
        with conn.cursor().copy("COPY sigma_copy FROM STDIN (FORMAT csv, HEADER true)") as copy:
            copy.write(data)
        cur = conn.execute("SELECT * FROM sigma_copy")
        return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


async def test_create_wait_and_stream_a_query(fake: FakeStripe, stripe: StripeClient) -> None:
    sleeps = Sleeps()
    sigma = SigmaClient(stripe, sleep=sleeps)
    run = await sigma.create("SELECT id, amount FROM charges ORDER BY id LIMIT 5")
    assert run.id.startswith("qrun_")
    assert run.status == "running"
    assert run.result is None
    assert run.sql == "SELECT id, amount FROM charges ORDER BY id LIMIT 5"
    done = await sigma.wait(run)
    assert done.status == "succeeded"
    assert sleeps.calls == [1.0]
    data = b"".join(await collect(sigma.iter_csv(done)))
    lines = data.split(b"\r\n")
    assert lines[0] == b'"id","amount"'
    expected = fake.sigma.rows("charges")[:5]
    assert [line.split(b",")[0].strip(b'"').decode() for line in lines[1:6]] == [
        r["id"] for r in expected
    ]


async def test_nasty_values_round_trip_exactly(
    fake: FakeStripe, stripe: StripeClient, database_url: str
) -> None:
    fake.sigma.define("nasty", COLUMNS, primary_key=["id"])
    fake.sigma.generate("nasty", 0)
    fake.sigma.upsert("nasty", NASTY)
    names = [c for c, _ in COLUMNS]
    for mode in ("file", "inline"):
        fake.sigma.result_mode = mode
        sigma = SigmaClient(stripe, sleep=Sleeps())
        data = b"".join(await collect(sigma.query_csv("SELECT * FROM nasty ORDER BY id")))
        got = copy_into_postgres(database_url, data, names)
        assert got == fake.sigma.rows("nasty"), mode
        assert got[0]["note"] is None
        assert got[1]["note"] == ""
        assert got[2]["note"] == 'a,"b",\nc\r\nd'
        assert got[2]["amt"] == "12.345678901234567890"


async def test_keyset_query_with_row_values_and_timestamp_literal(
    fake: FakeStripe, stripe: StripeClient, database_url: str
) -> None:
    table = "subscription_item_change_events_v2_beta"  # composite key, timestamp first
    fake.sigma.generate(table, 50)
    oracle = fake.sigma.rows(table)
    pk = ("event_timestamp", "event_type", "subscription_item_id")
    after = oracle[19]
    query = (  # Sigma SQL from the oracle's own values
        f"SELECT * FROM {table} WHERE"  # noqa: S608
        " (event_timestamp, event_type, subscription_item_id) > "
        f"(timestamp '{after['event_timestamp']}', '{after['event_type']}', "
        f"'{after['subscription_item_id']}') ORDER BY {', '.join(pk)} LIMIT 10"
    )
    sigma = SigmaClient(stripe, sleep=Sleeps())
    data = b"".join(await collect(sigma.query_csv(query)))
    got = copy_into_postgres(database_url, data, list(oracle[0]))
    assert got == oracle[20:30]


async def test_upserted_rows_show_in_the_next_query(fake: FakeStripe, stripe: StripeClient) -> None:
    fake.sigma.generate("charges", 3)
    first = fake.sigma.rows("charges")[0]
    fake.sigma.upsert("charges", [{**first, "description": 'changed, "really"'}])
    sigma = SigmaClient(stripe, sleep=Sleeps())
    data = b"".join(
        await collect(
            sigma.query_csv(f"SELECT id, description FROM charges WHERE id = '{first['id']}'")  # noqa: S608
        )
    )
    assert data.endswith(b'"changed, ""really"""\r\n')
    assert fake.sigma.rows("charges")[0]["description"] == 'changed, "really"'


async def test_failed_run_is_retried_then_reported(fake: FakeStripe, stripe: StripeClient) -> None:
    fake.sigma.fail_next(1, reason="Query exceeded the time limit", code="query_timeout")
    sigma = SigmaClient(stripe, sleep=Sleeps(), attempts=3)
    data = b"".join(await collect(sigma.query_csv("SELECT id FROM charges LIMIT 2")))
    assert data.count(b"\r\n") == 3  # recovered on the second run

    fake.sigma.fail_next(3, reason="Internal error while running the query", code="internal")
    with pytest.raises(SigmaQueryError) as info:
        await collect(sigma.query_csv("SELECT id FROM charges LIMIT 2"))
    assert info.value.reason == "Internal error while running the query"
    assert info.value.run_id is not None
    assert info.value.run_id.startswith("qrun_")
    assert "after 3 runs" in str(info.value)
    assert len(fake.sigma.runs) == 5


async def test_terminal_failure_is_not_rerun(fake: FakeStripe, stripe: StripeClient) -> None:
    fake.sigma.fail_next(3, reason="Column 'nope' cannot be resolved", code="column_not_found")
    sigma = SigmaClient(stripe, sleep=Sleeps(), attempts=3)
    with pytest.raises(SigmaQueryError) as info:
        await collect(sigma.query_csv("SELECT id FROM charges"))
    assert info.value.code == "column_not_found"
    assert len(fake.sigma.runs) == 1


async def test_a_slow_run_is_polled_until_done(fake: FakeStripe, stripe: StripeClient) -> None:
    fake.sigma.slow_next(polls=4)
    sleeps = Sleeps()
    sigma = SigmaClient(stripe, sleep=sleeps, poll_interval=2.0)
    run = await sigma.wait(await sigma.create("SELECT id FROM charges"))
    assert run.status == "succeeded"
    assert sleeps.calls == [2.0] * 5


async def test_a_run_past_max_wait_times_out(fake: FakeStripe, stripe: StripeClient) -> None:
    fake.sigma.slow_next(polls=100)
    sigma = SigmaClient(stripe, sleep=Sleeps(), poll_interval=1.0, max_wait=3.0)
    with pytest.raises(SigmaQueryError) as info:
        await collect(sigma.query_csv("SELECT id FROM charges"))
    assert info.value.timed_out
    assert "after 3s" in str(info.value)
    assert len(fake.sigma.runs) == 1  # a time-out is not re-run


async def test_account_without_sigma(fake: FakeStripe, stripe: StripeClient) -> None:
    fake.sigma.disable()
    sigma = SigmaClient(stripe, sleep=Sleeps())
    with pytest.raises(SigmaUnavailableError) as info:
        await sigma.create("SELECT id FROM charges")
    assert info.value.reason == "no_sigma"
    assert info.value.status == 403
    assert info.value.code == "query_run_api_inaccessible"
    assert "Sigma subscription" in str(info.value)


async def test_key_without_data_queries_read(fake: FakeStripe, stripe: StripeClient) -> None:
    fake.deny("POST /v2/data/query_runs")
    sigma = SigmaClient(stripe, sleep=Sleeps())
    with pytest.raises(SigmaUnavailableError) as info:
        await sigma.create("SELECT id FROM charges")
    assert info.value.reason == "no_permission"
    assert "data_queries_read" in str(info.value)
    assert fake.api_key not in str(info.value)


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("SELEC id FROM charges", "single SELECT"),
        ("SELECT id FROM no_such_table", "no_such_table"),
        ("SELECT nope FROM charges", "nope"),
        ("SELECT id FROM charges; DELETE FROM charges", "single SELECT"),
    ],
)
async def test_invalid_sql_is_a_clear_error(
    stripe: StripeClient, query: str, fragment: str
) -> None:
    sigma = SigmaClient(stripe, sleep=Sleeps())
    with pytest.raises(SigmaQueryError) as info:
        await sigma.create(query)
    assert info.value.code == "query_run_invalid_sql"
    assert info.value.run_id is None
    assert fragment in str(info.value)


async def test_download_url_refreshed_after_expiry(fake: FakeStripe) -> None:
    now = [1_700_000_000.0]
    with FakeStripe(clock=lambda: now[0]) as clocked:
        config = StripeSyncConfig(
            stripe_secret_key=clocked.api_key,
            stripe_api_base="http://fake-stripe",
            database_url="postgresql://unused/db",
            initial_retry_delay_ms=1,
            max_retry_delay_ms=4,
        )
        transport = httpx.ASGITransport(app=clocked.app)
        async with StripeClient(config, transport=transport) as client:
            sigma = SigmaClient(client, sleep=Sleeps())
            run = await sigma.wait(await sigma.create("SELECT id FROM charges"))
            now[0] += 3600  # the pre-signed URL of ``run`` has expired
            data = b"".join(await collect(sigma.iter_csv(run)))
    assert data.count(b"\r\n") == 21


async def test_download_never_carries_the_api_key(fake: FakeStripe, stripe: StripeClient) -> None:
    fake.sigma.files_base = "http://files.fake-stripe-content.test"
    sigma = SigmaClient(stripe, sleep=Sleeps())
    run = await sigma.wait(await sigma.create("SELECT id FROM charges"))
    url = run.result["file"]["download_url"]["url"] if run.result else ""
    assert url.startswith("http://files.fake-stripe-content.test/")
    # The fake refuses a signed URL sent with an Authorization header (as S3 does).
    data = b"".join(await collect(sigma.iter_csv(run)))
    assert data.startswith(b'"id"\r\n')


async def test_large_result_is_streamed_in_chunks(fake: FakeStripe, stripe: StripeClient) -> None:
    fake.sigma.define("big", [("id", "bigint"), ("label", "varchar")], primary_key=["id"])
    fake.sigma.generate("big", 200_000)
    sigma = SigmaClient(stripe, sleep=Sleeps(), chunk_size=32 * 1024)
    sizes: list[int] = []
    lines = 0
    async for chunk in sigma.query_csv("SELECT id, label FROM big ORDER BY id"):
        sizes.append(len(chunk))
        lines += chunk.count(b"\n")
    assert max(sizes) <= 32 * 1024
    assert len(sizes) > 100
    assert lines >= 200_001  # header + rows (labels may hold newlines too)
