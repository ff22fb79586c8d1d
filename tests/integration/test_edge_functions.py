"""The Supabase edge functions (TypeScript, run by Deno) against the Python engine.

- ``deno check`` of every entrypoint and ``deno test`` of ``functions/tests/``, with signature and
  form-encoding vectors produced here by the Python code, so the TypeScript verdicts are the
  Python ones.
- stripe-webhook, run by ``deno_host.ts`` over real HTTP against the fake Stripe (served by
  uvicorn) and its own database, receives the same signed events as ``process_webhook`` on a
  second database: both databases must end up equal row for row, and rejected deliveries must
  get server.py's status codes.
- stripe-worker backfills a seeded fake in one call; a second call changes nothing.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import itertools
import json
import os
import queue
import re
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from stripe_sync import Outcome
from stripe_sync.config import DEFAULT_API_VERSION
from stripe_sync.errors import MalformedPayloadError, SignatureVerificationError
from stripe_sync.events import SUPPORTED_EVENT_TYPES
from stripe_sync.forms import encode
from stripe_sync.server import create_app
from stripe_sync.signature import compute_signature, verify_webhook
from stripe_sync.testing import FakeStripe, free_port, run_in_thread
from tests.conftest import create_db, drop_db
from tests.integration.helpers import WEBHOOK_SECRET, make_sync

REPO = Path(__file__).resolve().parents[2]
FUNCTIONS = REPO / "src" / "stripe_sync" / "supabase" / "functions"
HOST = REPO / "tests" / "support" / "deno_host.ts"
SLUGS = ("stripe-webhook", "stripe-worker", "stripe-setup")
EVENT_FIXTURES = REPO / "tests" / "fixtures" / "events"
MANAGED_SECRET = "whsec_supabase_managed_0000000000"
FUNCTION_SECRET = "fsec_edge_functions_test_0000"
#: 2025-01-01T00:00:00Z: the fake's clock starts here, well before any real fetch.
T0 = 1_735_689_600
_names = itertools.count()
#: Columns stamped with the clock of the database that wrote the row.
CLOCK_COLUMNS = frozenset({"_last_synced_at", "_updated_at", "updated_at", "processed_at"})


def deno(
    deno_bin: str, *args: str, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [deno_bin, *args],
        cwd=FUNCTIONS,
        env={**_base_env(), **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _base_env() -> dict[str, str]:
    return {**os.environ, "NO_COLOR": "1"}


# -- 1. type check and unit tests ---------------------------------------------------------------


def test_every_entrypoint_type_checks(deno_bin: str) -> None:
    entrypoints = [str(FUNCTIONS / slug / "index.ts") for slug in SLUGS]
    done = deno(deno_bin, "check", *entrypoints, str(HOST))
    assert done.returncode == 0, done.stdout + done.stderr


def test_typescript_is_formatted_and_linted(deno_bin: str) -> None:
    for args in (("fmt", "--check"), ("lint",)):
        done = deno(deno_bin, *args)
        assert done.returncode == 0, done.stdout + done.stderr
    done = deno(deno_bin, "fmt", "--check", "--line-width", "100", str(HOST))
    assert done.returncode == 0, done.stdout + done.stderr


def test_entrypoints_import_only_relative_files_and_postgres() -> None:
    """Deployed without an import map: relative imports and npm:postgres@3.4.9 only."""
    for path in FUNCTIONS.glob("[!t]*/*.ts"):
        for spec in re.findall(r'from\s+"([^"]+)"', path.read_text()):
            assert spec.startswith(("./", "../")) or spec == "npm:postgres@3.4.9", (path, spec)


def test_the_pinned_api_version_is_pythons() -> None:
    config = (FUNCTIONS / "_shared" / "config.ts").read_text()
    match = re.search(r'DEFAULT_API_VERSION = "([^"]+)"', config)
    assert match is not None
    assert match.group(1) == DEFAULT_API_VERSION


def _python_verdict(
    payload: bytes, header: str | None, secrets: list[str], now: int, tolerance: int
) -> dict[str, Any]:
    try:
        verify_webhook(payload, header, secrets, tolerance=tolerance, now=now)
    except SignatureVerificationError as exc:
        return {"ok": False, "kind": "signature", "message": str(exc)}
    except MalformedPayloadError as exc:
        return {"ok": False, "kind": "malformed", "message": str(exc)}
    return {"ok": True, "kind": None, "message": None}


def signature_vectors() -> list[dict[str, Any]]:
    secret, other, now = "whsec_vectors_1111", "whsec_vectors_2222", 1_700_000_000
    event = {
        "id": "evt_1",
        "object": "event",
        "type": "customer.created",
        "created": now - 5,
        "data": {"object": {"id": "cus_1", "object": "customer", "name": "Zoë"}},
    }
    payload, header = FakeStripe.signed_event(event, secret, timestamp=now)
    sig = header.split("v1=")[1]

    def signed(body: bytes, at: int = now, key: str = secret) -> str:
        return f"t={at},v1={compute_signature(body, key, at)}"

    def body(value: Any) -> bytes:
        return json.dumps(value).encode()

    no_created = {k: v for k, v in event.items() if k != "created"}
    cases: list[tuple[str, bytes, str | None, list[str], int]] = [
        ("valid", payload, header, [secret], 300),
        ("wrong secret", payload, header, [other], 300),
        ("tampered body", payload.replace(b"Zo", b"Zu"), header, [secret], 300),
        ("one more byte", payload + b" ", header, [secret], 300),
        ("expired timestamp", payload, signed(payload, now - 301), [secret], 300),
        ("just within the tolerance", payload, signed(payload, now - 300), [secret], 300),
        ("timestamp in the future", payload, signed(payload, now + 400), [secret], 300),
        ("tolerance 0 accepts an old signature", payload, signed(payload, now - 9999), [secret], 0),
        ("several v1, one good", payload, f"t={now},v1={'0' * 64},v1={sig}", [secret], 300),
        ("several v1, none good", payload, f"t={now},v1={'0' * 64},v1={'1' * 64}", [secret], 300),
        (
            "rotation: signed by both",
            payload,
            f"{signed(payload, key=other)},v1={sig}",
            [other],
            300,
        ),
        ("missing header", payload, None, [secret], 300),
        ("blank header", payload, "   ", [secret], 300),
        ("no timestamp", payload, f"v1={sig}", [secret], 300),
        ("timestamp not an integer", payload, f"t=12a,v1={sig}", [secret], 300),
        ("negative timestamp", payload, f"t=-{now},v1={sig}", [secret], 300),
        ("no v1, only v0", payload, f"t={now},v0={sig}", [secret], 300),
        ("leading zero timestamp", payload, f"t=0{now},v1={sig}", [secret], 300),
        ("spaces around items", payload, f" t={now} , v1={sig} ", [secret], 300),
        ("space before =", payload, f"t={now},v1 ={sig}", [secret], 300),
        ("several candidate secrets", payload, header, [other, secret, "whsec_x"], 300),
        ("no secret configured", payload, header, [], 300),
        ("only blank secrets", payload, header, ["", "  "], 300),
        ("uppercase signature", payload, f"t={now},v1={sig.upper()}", [secret], 300),
    ]
    malformed = {
        "not JSON": b'{"id": ',
        "not UTF-8": b'{"id": "\xff"}',
        "a JSON list": b"[1, 2]",
        "a JSON string": b'"event"',
        "JSON null": b"null",
        "not an event": body({**event, "object": "customer"}),
        "no object": body({k: v for k, v in event.items() if k != "object"}),
        "empty id": body({**event, "id": ""}),
        "type a number": body({**event, "type": 7}),
        "data a list": body({**event, "data": []}),
        "data.object missing": body({**event, "data": {}}),
        "data.object a string": body({**event, "data": {"object": "cus_1"}}),
        "no created (checked later, by _route_event_v1)": body(no_created),
    }
    cases += [(name, raw, signed(raw), [secret], 300) for name, raw in malformed.items()]
    return [
        {
            "name": name,
            "payload_b64": base64.b64encode(raw).decode(),
            "header": hdr,
            "secrets": keys,
            "now": now,
            "tolerance": tolerance,
            "expected": _python_verdict(raw, hdr, keys, now, tolerance),
        }
        for name, raw, hdr, keys, tolerance in cases
    ]


FORM_PARAMS: list[dict[str, Any]] = [
    {"limit": 100, "starting_after": "cus_1"},
    {"created": {"gte": 1_700_000_000, "lt": 1_700_000_100}, "status": "all"},
    {"expand": ["data.customer", "data.invoice"]},
    {"items": [{"price": "price_1", "quantity": 2}, {"price": "price_2"}]},
    {"metadata": {"plan": "gold", "note": "a b&c=d/é*~!'()"}, "livemode": True, "x": False},
    {"description": None, "empty": {}, "none": [], "deep": {"a": {"b": [1, {"c": "d"}]}}},
    {"url": "https://p.supabase.co/functions/v1/stripe-webhook", "enabled_events": ["*"]},
]


def test_deno_unit_tests_agree_with_python(deno_bin: str, tmp_path: Path) -> None:
    vectors = {
        "signatures": signature_vectors(),
        "forms": [{"params": p, "encoded": encode(p)} for p in FORM_PARAMS],
    }
    assert {v["expected"]["kind"] for v in vectors["signatures"]} == {
        None,
        "signature",
        "malformed",
    }
    path = tmp_path / "vectors.json"
    path.write_text(json.dumps(vectors))
    done = deno(
        deno_bin,
        "test",
        "--allow-read",
        "--allow-env",
        "tests/",
        env={"STRIPE_SYNC_TEST_VECTORS": str(path)},
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    passed = re.search(r"ok \| (\d+) passed(?: \((\d+) steps?\))? \| 0 failed", output)
    assert passed is not None, output
    # Every vector ran as a step of the signature test.
    assert int(passed.group(2) or 0) >= len(vectors["signatures"]), output


# -- running a function --------------------------------------------------------------------------


def js_database_url(conninfo: str) -> str:
    """A URL postgres.js reads for a psycopg conninfo (a socket directory goes in ?host=)."""
    info = conninfo_to_dict(conninfo)
    host = str(info.get("host") or "localhost")
    port = str(info.get("port") or 5432)
    user = quote(str(info.get("user") or "postgres"), safe="")
    password = info.get("password")
    auth = f"{user}:{quote(str(password), safe='')}" if password else user
    dbname = quote(str(info.get("dbname") or "postgres"), safe="")
    if host.startswith("/"):
        return f"postgresql://{auth}@localhost:{port}/{dbname}?host={host}"
    return f"postgresql://{auth}@{host}:{port}/{dbname}"


@contextlib.contextmanager
def edge_function(deno_bin: str, slug: str, env: dict[str, str]) -> Iterator[str]:
    """Run ``<slug>/index.ts`` under deno_host.ts; yields its base URL."""
    port = free_port()
    entry = FUNCTIONS / slug / "index.ts"
    proc = subprocess.Popen(
        [deno_bin, "run", "--allow-all", str(HOST), str(entry), str(port)],
        cwd=FUNCTIONS,
        env={**_base_env(), **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    log: list[str] = []

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            log.append(line)
            lines.put(line)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"{slug} did not start:\n{''.join(log)}")
            if line.strip() == f"listening {port}":
                break
            if proc.poll() is not None and lines.empty():
                pytest.fail(f"{slug} exited:\n{''.join(log)}")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        reader.join(timeout=10)
        assert proc.stdout is not None
        proc.stdout.close()
        if proc.returncode not in (0, -15, 143):
            print("".join(log))


def function_env(database_url: str, stripe_url: str, fake: FakeStripe) -> dict[str, str]:
    return {
        "SUPABASE_DB_URL": js_database_url(database_url),
        "SUPABASE_URL": "https://project.supabase.co",
        "STRIPE_SYNC_API_BASE": stripe_url,
        "STRIPE_SYNC_STRIPE_KEY": fake.api_key,
        "STRIPE_SYNC_FUNCTION_SECRET": FUNCTION_SECRET,
        "STRIPE_SYNC_WORKER_SECONDS": "240",
        "STRIPE_SYNC_WORKER_CONCURRENCY": "4",
    }


# -- comparing two databases ----------------------------------------------------------------


def compared_tables(url: str) -> list[str]:
    """Every object table (they all have _raw_data), plus accounts and the event records."""
    with psycopg.connect(url) as conn:
        found = conn.execute(
            "SELECT table_name FROM information_schema.columns "
            "WHERE table_schema = 'stripe' AND column_name = '_raw_data' ORDER BY 1"
        ).fetchall()
    return sorted({str(r[0]) for r in found} | {"_processed_events", "_child_sets"})


def table_rows(url: str, table: str) -> dict[str, dict[str, Any]]:
    key = "table_name || '/' || parent_id" if table == "_child_sets" else "id"
    stmt = sql.SQL("SELECT {} AS _key, * FROM stripe.{}").format(
        sql.SQL(key), sql.Identifier(table)
    )
    with psycopg.connect(url) as conn:
        cur = conn.execute(stmt)
        assert cur.description is not None
        names = [c.name for c in cur.description]
        out: dict[str, dict[str, Any]] = {}
        for record in cur.fetchall():
            row = dict(zip(names, record, strict=True))
            fetched = row.get("_version_source", row.get("version_source")) == "fetch"
            out[str(row.pop("_key"))] = {
                k: v
                for k, v in row.items()
                if k not in CLOCK_COLUMNS
                # A fetched row's version is the clock of the database that saw the conflict.
                and not (fetched and k in ("_version", "version"))
            }
    return out


def assert_same_rows(python_url: str, ts_url: str) -> dict[str, int]:
    tables = compared_tables(python_url)
    assert tables == compared_tables(ts_url)
    sizes: dict[str, int] = {}
    for table in tables:
        expected, actual = table_rows(python_url, table), table_rows(ts_url, table)
        assert sorted(actual) == sorted(expected), table
        for key, row in expected.items():
            diff = {k: (v, actual[key].get(k)) for k, v in row.items() if actual[key].get(k) != v}
            assert not diff, (table, key, diff)
        sizes[table] = len(expected)
    return sizes


# -- 2. stripe-webhook row for row -----------------------------------------------------------------


class Clock:
    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float = 1) -> None:
        self.now += seconds


def _latest(fake: FakeStripe, type_: str) -> dict[str, Any]:
    found = fake.events(type_=type_)
    assert found, type_
    return found[0]


def _customer(fake: FakeStripe, name: str) -> str:
    return str(fake.call("POST", "/v1/customers", {"name": name, "email": "x@example.com"})["id"])


def _price(fake: FakeStripe, amount: int) -> str:
    product = fake.call("POST", "/v1/products", {"name": f"Plan {amount}"})
    params = {
        "product": product["id"],
        "currency": "usd",
        "unit_amount": str(amount),
        "recurring": {"interval": "month"},
    }
    return str(fake.call("POST", "/v1/prices", params)["id"])


def build_history(fake: FakeStripe, clock: Clock) -> list[dict[str, Any]]:
    """A realistic stream of events, oldest first, each second unless said otherwise."""
    ada = _customer(fake, "Ada")
    clock.tick()
    fake.call("POST", f"/v1/customers/{ada}", {"name": "Ada Lovelace"})
    clock.tick()
    gone = _customer(fake, "Bob")
    clock.tick()
    fake.call("DELETE", f"/v1/customers/{gone}")
    clock.tick()
    # A subscription with 12 items: Stripe embeds 10 and says has_more.
    prices = [_price(fake, 100 + i) for i in range(12)]
    items = [{"price": p} for p in prices]
    subscription = fake.call("POST", "/v1/subscriptions", {"customer": ada, "items": items})
    clock.tick()
    fake.call("POST", f"/v1/subscriptions/{subscription['id']}", {"metadata": {"plan": "gold"}})
    clock.tick()
    # An invoice with 15 lines, also truncated.
    payer = _customer(fake, "Carol")
    for i in range(15):
        params = {"customer": payer, "amount": str(100 + i), "currency": "usd"}
        fake.call("POST", "/v1/invoiceitems", params)
    fake.call(
        "POST",
        "/v1/invoices",
        {"customer": payer, "pending_invoice_items_behavior": "include"},
    )
    clock.tick()
    charge = fake.call(
        "POST", "/v1/charges", {"amount": "2000", "currency": "usd", "customer": ada}
    )
    clock.tick()
    fake.call("POST", "/v1/refunds", {"charge": charge["id"], "amount": "500"})
    clock.tick()
    fake.call("POST", "/v1/refunds", {"charge": charge["id"], "amount": "700"})
    clock.tick()
    # Two updates of one customer in one second: nothing orders them but a re-fetch.
    fake.call("POST", f"/v1/customers/{ada}", {"name": "Ada, first"})
    fake.call("POST", f"/v1/customers/{ada}", {"name": "Ada, second"})
    clock.tick()
    history = list(reversed(fake.events()))

    # Events the fake does not make itself.
    history.append(
        fake.emit_event(
            "balance.available", {"object": "balance", "available": [], "livemode": False}
        )
    )
    upcoming = copy.deepcopy(_latest(fake, "invoice.created")["data"]["object"])
    upcoming.pop("id")
    history.append(fake.emit_event("invoice.upcoming", upcoming))
    summary = json.loads((EVENT_FIXTURES / "active_entitlement_summary.json").read_text())
    history.append(summary)
    # A truncated summary: the customer's entitlements are listed.
    entitlements = fake.seed("active_entitlement", 25, fields={"customer": ada})
    truncated = copy.deepcopy(summary)
    truncated["id"], truncated["created"] = "evt_truncated_summary", T0 + 100
    listed = truncated["data"]["object"]
    listed["customer"] = ada
    listed["entitlements"]["data"] = [fake.get("active_entitlement", i) for i in entitlements[:10]]
    listed["entitlements"]["has_more"] = True
    history.append(truncated)
    # A redelivery.
    history.append(history[0])
    return history


def sign(event: dict[str, Any], secret: str) -> tuple[bytes, str]:
    return FakeStripe.signed_event(event, secret)


async def test_webhook_writes_the_rows_process_webhook_writes(
    deno_bin: str, database_url: str, ts_database_url: str
) -> None:
    ts_url = ts_database_url
    clock = Clock(T0)
    with FakeStripe(seed=7, clock=clock) as fake, run_in_thread(fake) as stripe_server:
        history = build_history(fake, clock)
        _track_endpoint(ts_url, fake.account_id)
        env = function_env(ts_url, stripe_server.url, fake)
        # The same API base as the function's: the key's hash in `accounts` covers it.
        async with make_sync(
            fake,
            database_url,
            auto_expand_lists=True,
            backfill_related_entities=False,
            stripe_api_base=stripe_server.url,
        ) as engine:
            expected = []
            for event in history:
                result = await engine.process_webhook(*sign(event, WEBHOOK_SECRET))
                expected.append(result.outcome.value)
            with edge_function(deno_bin, "stripe-webhook", env) as url:
                async with httpx.AsyncClient(timeout=60) as client:
                    actual = []
                    for event in history:
                        payload, header = sign(event, MANAGED_SECRET)
                        response = await client.post(
                            url, content=payload, headers={"Stripe-Signature": header}
                        )
                        assert response.status_code == 200, response.text
                        body = response.json()
                        assert body["event_id"] == event["id"]
                        actual.append(body["outcome"])

    assert actual == expected
    # The stream exercised what it was built for.
    assert expected.count(Outcome.SKIPPED.value) == 2
    assert expected.count(Outcome.REPLACED.value) == 2
    assert expected[-1] == Outcome.DUPLICATE.value
    assert Outcome.DELETED.value in expected
    sizes = assert_same_rows(database_url, ts_url)
    assert sizes["subscription_items"] == 12
    assert sizes["invoice_line_items"] == 15
    assert sizes["refunds"] == 2
    assert sizes["active_entitlements"] == 3 + 25
    assert sizes["accounts"] == 1
    assert sizes["_processed_events"] == len(history) - 1
    with psycopg.connect(ts_url) as conn:
        settled = conn.execute(
            "SELECT _version_source, _raw_data->>'name' FROM stripe.customers "
            "WHERE _raw_data->>'name' LIKE 'Ada,%'"
        ).fetchall()
    # The same-second tie was settled by a re-fetch of the customer.
    assert settled == [("fetch", "Ada, second")]


@pytest.fixture
def ts_database_url(pg_admin_url: str, template_url: str) -> Iterator[str]:
    """A second migrated database, written by the edge function."""
    template = conninfo_to_dict(template_url)["dbname"]
    assert isinstance(template, str)
    name = f"ts_{os.getpid()}_{next(_names)}"
    url = create_db(pg_admin_url, name, template=template)
    try:
        yield url
    finally:
        drop_db(pg_admin_url, name)


def _track_endpoint(url: str, account_id: str) -> None:
    """The managed endpoint whose secret signs the deliveries to the function."""
    with psycopg.connect(url) as conn:
        conn.execute(
            "INSERT INTO stripe._managed_webhooks (id, url, account_id, secret, enabled_events) "
            "VALUES ('we_edge', 'https://project.supabase.co/functions/v1/stripe-webhook', "
            "%s, %s, '{*}')",
            (account_id, MANAGED_SECRET),
        )


def rejected_deliveries(secret: str) -> dict[str, tuple[str, bytes, dict[str, str]]]:
    event = {
        "id": "evt_rejected",
        "object": "event",
        "type": "customer.created",
        "created": int(time.time()),
        "data": {"object": {"id": "cus_rejected", "object": "customer"}},
    }
    payload, header = sign(event, secret)

    def signed(body: bytes) -> dict[str, str]:
        at = int(time.time())
        return {"Stripe-Signature": f"t={at},v1={compute_signature(body, secret, at)}"}

    no_created = json.dumps({k: v for k, v in event.items() if k != "created"}).encode()
    no_type = json.dumps({**event, "data": {"object": {"id": "x"}}}).encode()
    return {
        "wrong secret": ("POST", payload, {"Stripe-Signature": sign(event, "whsec_no")[1]}),
        "no signature": ("POST", payload, {}),
        "tampered": ("POST", payload + b" ", {"Stripe-Signature": header}),
        "not JSON": ("POST", b"{", signed(b"{")),
        "not an event": ("POST", b"[]", signed(b"[]")),
        "no created": ("POST", no_created, signed(no_created)),
        "object without type": ("POST", no_type, signed(no_type)),
        "too large": ("POST", b"x" * 1_000_001, {}),
        "GET": ("GET", b"", {}),
    }


async def test_rejected_deliveries_get_the_status_codes_of_server_py(
    deno_bin: str, fake: FakeStripe, database_url: str, ts_database_url: str
) -> None:
    ts = ts_database_url
    with run_in_thread(fake) as stripe_server:
        _track_endpoint(ts, fake.account_id)
        async with make_sync(fake, database_url, stripe_api_base=stripe_server.url) as engine:
            app = httpx.ASGITransport(app=create_app(sync=engine))
            async with httpx.AsyncClient(transport=app, base_url="http://server") as client:
                python = {
                    name: await client.request(method, "/webhooks", content=body, headers=headers)
                    for name, (method, body, headers) in rejected_deliveries(WEBHOOK_SECRET).items()
                }
        with edge_function(
            deno_bin, "stripe-webhook", function_env(ts, stripe_server.url, fake)
        ) as url:
            async with httpx.AsyncClient(timeout=60) as client:
                deno_answers = {
                    name: await client.request(method, url, content=body, headers=headers)
                    for name, (method, body, headers) in rejected_deliveries(MANAGED_SECRET).items()
                }

    for name, expected in python.items():
        actual = deno_answers[name]
        assert actual.status_code == expected.status_code, name
        assert expected.status_code in (400, 405, 413), name
        if expected.status_code == 405:
            continue
        assert actual.json()["received"] is False, name
        if name != "not JSON":  # the JSON parser's position is worded differently
            assert actual.json() == expected.json(), name
    for url in (database_url, ts):
        with psycopg.connect(url) as conn:
            found = conn.execute("SELECT count(*) FROM stripe._processed_events").fetchone()
        assert found == (0,)


# -- 3. stripe-worker --------------------------------------------------------------------------


def object_tables_digest(url: str) -> dict[str, tuple[int, str]]:
    """Row count and a digest of every column of every object table."""
    out: dict[str, tuple[int, str]] = {}
    with psycopg.connect(url) as conn:
        for table in compared_tables(url):
            stmt = sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                "FROM stripe.{} AS t"
            ).format(sql.Identifier(table))
            found = conn.execute(stmt).fetchone()
            assert found is not None
            out[table] = (int(found[0]), str(found[1]))
    return out


def stored_ids(url: str, table: str) -> set[str]:
    stmt = sql.SQL("SELECT id FROM stripe.{} WHERE NOT deleted").format(sql.Identifier(table))
    with psycopg.connect(url) as conn:
        return {str(r[0]) for r in conn.execute(stmt)}


async def test_worker_backfills_every_object_and_a_second_call_changes_nothing(
    deno_bin: str, database_url: str
) -> None:
    with FakeStripe(seed=11) as fake, run_in_thread(fake) as stripe_server:
        seeded = fake.seed_realistic(scale=30)
        with fake.store.lock:
            customers = sorted(fake.store.platform.tables["customer"].records)
        # Objects listed per customer (with and without a parent column), and whole lists.
        for n, customer in enumerate(customers[:12]):
            fake.seed("tax_id", 2, fields={"customer": customer})
            fake.seed("active_entitlement", 1 + n % 3, fields={"customer": customer})
        fake.seed("coupon", 15)
        # Dense: one initial window holds several pages (and is split).
        now = int(time.time())
        fake.seed("product", 250, created_range=(now - 3600, now - 3000))
        fake.seed("feature", 12)
        with fake.store.lock:
            seeded = {n: len(t) for n, t in fake.store.platform.tables.items() if len(t)}
        assert sum(seeded.values()) >= 300
        env = function_env(database_url, stripe_server.url, fake)
        with edge_function(deno_bin, "stripe-worker", env) as url:
            async with httpx.AsyncClient(timeout=300) as client:
                denied = await client.post(url, headers={"Authorization": "Bearer nope"})
                auth = {"Authorization": f"Bearer {FUNCTION_SECRET}"}
                first = await client.post(url, headers=auth, json={})
                before = object_tables_digest(database_url)
                second = await client.post(url, headers=auth, json={})
        with psycopg.connect(database_url) as conn:
            resources = conn.execute(
                "SELECT name, table_name, backfill FROM stripe._resources ORDER BY ordinal"
            ).fetchall()
            modes = conn.execute(
                "SELECT 'run', mode FROM stripe._sync_runs "
                "UNION SELECT 'cursor', mode FROM stripe._backfill_cursors ORDER BY 1"
            ).fetchall()
        with fake.store.lock:
            in_fake = {
                name: set(table.records) for name, table in fake.store.platform.tables.items()
            }

    assert denied.status_code == 401
    assert first.status_code == 200, first.text
    assert first.json()["status"] == "complete"
    backfilled = {r[0] for r in resources if r[2]}
    assert first.json()["objects"] >= sum(n for name, n in seeded.items() if name in backfilled)
    for name, table, backfill in resources:
        expected = in_fake.get(name, set())
        if backfill or expected:
            assert stored_ids(database_url, table) == expected, name
    assert {r[0] for r in resources} >= set(seeded)
    assert second.status_code == 200, second.text
    assert second.json()["status"] == "complete"
    assert second.json()["run_id"] > first.json()["run_id"]
    assert object_tables_digest(database_url) == before
    # Planned in the test key's mode, as the Python engine plans: each resumes the other's
    # cursors for the same key, and a live key's runs stay apart.
    assert fake.api_key.startswith("sk_test_")
    assert modes == [("cursor", "test"), ("run", "test")]


async def test_an_updated_worker_resumes_the_runs_it_planned_without_a_mode(
    deno_bin: str, database_url: str
) -> None:
    """Workers of before 0036 planned as mode 'unknown'; the updated worker adopts those runs
    and cursors (its key's mode is the data's), so its first run lists only what is new, and
    no cursor is left behind holding sync_status back."""
    with FakeStripe(seed=11) as fake, run_in_thread(fake) as stripe_server:
        fake.seed_realistic(scale=10)
        env = function_env(database_url, stripe_server.url, fake)
        with edge_function(deno_bin, "stripe-worker", env) as url:
            async with httpx.AsyncClient(timeout=300) as client:
                auth = {"Authorization": f"Bearer {FUNCTION_SECRET}"}
                first = await client.post(url, headers=auth, json={})
                assert first.json()["status"] == "complete", first.text
                with psycopg.connect(database_url) as conn:
                    conn.execute("UPDATE stripe._sync_runs SET mode = 'unknown'")
                    conn.execute("UPDATE stripe._backfill_cursors SET mode = 'unknown'")
                updated = await client.post(url, headers=auth, json={})
                steady = await client.post(url, headers=auth, json={})
        with psycopg.connect(database_url) as conn:
            modes = conn.execute(
                "SELECT DISTINCT mode FROM stripe._sync_runs "
                "UNION SELECT mode FROM stripe._backfill_cursors"
            ).fetchall()
            behind = conn.execute(
                "SELECT s.resource FROM stripe.sync_status s JOIN stripe._backfill_cursors c "
                "ON c.object = s.resource WHERE s.last_incremental_cursor < c.listed_until"
            ).fetchall()
    assert first.json()["objects"] > 50
    assert updated.json()["status"] == "complete", updated.text
    # Without adoption it lists everything again (as many as the first run); with it, only
    # the objects of the cursor's last second, which every incremental run lists again.
    assert updated.json()["objects"] < first.json()["objects"] // 10, updated.text
    assert steady.json()["status"] == "complete", steady.text
    assert modes == [("test",)]
    assert behind == []


# -- stripe-setup ----------------------------------------------------------------------------------


async def test_setup_creates_reuses_reports_and_deletes_the_managed_endpoint(
    deno_bin: str, fake: FakeStripe, database_url: str
) -> None:
    hook = "https://project.supabase.co/functions/v1/stripe-webhook"
    with run_in_thread(fake) as stripe_server:
        env = function_env(database_url, stripe_server.url, fake)
        with edge_function(deno_bin, "stripe-setup", env) as url:
            auth = {"Authorization": f"Bearer {FUNCTION_SECRET}"}
            async with httpx.AsyncClient(timeout=60) as client:
                created = await client.post(url, headers=auth)
                reused = await client.post(url, headers=auth)
                status = await client.get(url, headers=auth)
                with psycopg.connect(database_url) as conn:
                    stored = conn.execute(
                        "SELECT id, secret, metadata, installation_id, "
                        "(SELECT id FROM stripe._installation) FROM stripe._managed_webhooks"
                    ).fetchall()
                in_stripe = fake.call("GET", "/v1/webhook_endpoints")["data"]
                deleted = await client.delete(url, headers=auth)
                after = fake.call("GET", "/v1/webhook_endpoints")["data"]

    assert created.status_code == 200, created.text
    endpoint = created.json()
    assert endpoint["created"] is True
    assert endpoint["url"] == hook
    assert "secret" not in endpoint
    assert "whsec" not in created.text + status.text
    assert reused.json()["created"] is False
    assert reused.json()["id"] == endpoint["id"]
    ((row_id, secret, metadata, installation, ours),) = stored
    assert row_id == endpoint["id"]
    assert secret.startswith("whsec_")
    assert metadata == {"managed_by": "stripe-sync", "installation_id": ours}
    assert installation == ours
    (remote,) = in_stripe
    assert remote["id"] == endpoint["id"]
    assert sorted(remote["enabled_events"]) == sorted(SUPPORTED_EVENT_TYPES)
    assert remote["api_version"] == DEFAULT_API_VERSION
    assert status.status_code == 200
    assert [w["id"] for w in status.json()["webhooks"]] == [endpoint["id"]]
    assert deleted.json() == {"deleted": [endpoint["id"]]}
    assert after == []


def test_js_database_url_reads_sockets_and_hosts() -> None:
    assert (
        js_database_url("host=/tmp/pg dbname=t_1 user=postgres")
        == "postgresql://postgres@localhost:5432/t_1?host=/tmp/pg"
    )
    assert (
        js_database_url("postgresql://u:p%40ss@127.0.0.1:6543/db")
        == "postgresql://u:p%40ss@127.0.0.1:6543/db"
    )
