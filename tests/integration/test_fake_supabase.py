"""The fake Supabase project itself: Management API, Edge Functions host, pg_cron and pg_net."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping

import httpx
import psycopg
import pytest

from tests.support.fake_supabase import FakeSupabase

ECHO_TS = """
Deno.serve(async (req: Request) => {
  const url = new URL(req.url);
  return Response.json(
    {
      method: req.method,
      path: url.pathname,
      query: url.search,
      body: await req.text(),
      custom: req.headers.get("x-custom"),
      contentType: req.headers.get("content-type"),
    },
    { status: 207, headers: { "x-fn": "echo" } },
  );
});
"""

GREETING_TS = """
export const greeting = (): string => Deno.env.get("GREETING") ?? "unset";
"""

DB_TS = """
import postgres from "npm:postgres@3.4.9";
import { greeting } from "../_shared/greeting.ts";

Deno.serve(async () => {
  const sql = postgres(Deno.env.get("SUPABASE_DB_URL")!, { max: 1 });
  try {
    const [row] = await sql`select current_database() as db, 40 + 2 as answer`;
    return Response.json({
      greeting: greeting(),
      db: row.db,
      answer: row.answer,
      url: Deno.env.get("SUPABASE_URL"),
      hasServiceKey: (Deno.env.get("SUPABASE_SERVICE_ROLE_KEY") ?? "").length > 20,
    });
  } finally {
    await sql.end();
  }
});
"""


@pytest.fixture
def api(fake_supabase: FakeSupabase) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {fake_supabase.token}"}
    base = f"{fake_supabase.management_url}/v1/projects/{fake_supabase.ref}"
    with httpx.Client(base_url=base, headers=headers, timeout=180) as client:
        yield client


@pytest.fixture
def functions(fake_supabase: FakeSupabase) -> Iterator[httpx.Client]:
    base = f"{fake_supabase.project_url}/functions/v1"
    with httpx.Client(base_url=base, timeout=180) as client:
        yield client


def query(api: httpx.Client, sql: str) -> list[dict[str, object]]:
    r = api.post("/database/query", json={"query": sql})
    assert r.status_code == 201, r.text
    rows = r.json()
    assert isinstance(rows, list)
    return rows


def deploy(
    api: httpx.Client,
    slug: str,
    files: Mapping[str, str],
    entrypoint: str,
    *,
    verify_jwt: bool = False,
) -> httpx.Response:
    metadata = {"entrypoint_path": entrypoint, "name": slug, "verify_jwt": verify_jwt}
    return api.post(
        "/functions/deploy",
        params={"slug": slug},
        data={"metadata": json.dumps(metadata)},
        files=[
            ("file", (path, text.encode(), "application/typescript"))
            for path, text in files.items()
        ],
    )


def test_management_api_requires_the_token(fake_supabase: FakeSupabase) -> None:
    url = f"{fake_supabase.management_url}/v1/projects/{fake_supabase.ref}"
    assert httpx.get(url).status_code == 401
    assert httpx.get(url, headers={"Authorization": "Bearer sbp_wrong"}).status_code == 401
    r = httpx.get(url, headers={"Authorization": f"Bearer {fake_supabase.token}"})
    assert r.status_code == 200
    assert r.json()["id"] == fake_supabase.ref
    assert r.json()["status"] == "ACTIVE_HEALTHY"
    assert len(fake_supabase.ref) == 20
    other = url.replace(fake_supabase.ref, "b" * 20)
    assert (
        httpx.get(other, headers={"Authorization": f"Bearer {fake_supabase.token}"}).status_code
        == 404
    )
    assert [c.status for c in fake_supabase.calls] == [401, 401, 200, 404]


def test_query_returns_the_rows_of_the_last_statement(api: httpx.Client) -> None:
    rows = query(
        api,
        "create table t (id int, doc jsonb, at timestamptz, amount numeric);"
        " insert into t values (1, '{\"a\": [1]}', '2026-01-02 03:04:05+00', 1.50);"
        " select * from t",
    )
    assert rows == [{"id": 1, "doc": {"a": [1]}, "at": "2026-01-02 03:04:05+00", "amount": "1.50"}]
    assert query(api, "insert into t (id) values (2)") == []
    assert query(api, "select count(*) as n from t") == [{"n": 2}]


def test_query_error_is_400_and_rolls_back_the_implicit_transaction(api: httpx.Client) -> None:
    r = api.post("/database/query", json={"query": "create table a (); select 1/0"})
    assert r.status_code == 400
    assert "ERROR:" in r.json()["message"]
    assert "22012" in r.json()["message"]
    assert "division by zero" in r.json()["message"]
    # An explicit COMMIT ends the implicit transaction: what came before it stays.
    r = api.post("/database/query", json={"query": "begin; create table b (); commit; select 1/0"})
    assert r.status_code == 400
    assert query(api, "select to_regclass('a') as a, to_regclass('b')::text as b") == [
        {"a": None, "b": "b"}
    ]
    assert api.post("/database/query", json={"sql": "select 1"}).status_code == 400


def test_project_database_is_like_a_new_supabase_project(
    api: httpx.Client, fake_supabase: FakeSupabase
) -> None:
    roles = query(
        api,
        "select rolname, rolcanlogin from pg_roles"
        " where rolname in ('anon', 'authenticated', 'service_role') order by rolname",
    )
    assert roles == [
        {"rolname": "anon", "rolcanlogin": False},
        {"rolname": "authenticated", "rolcanlogin": False},
        {"rolname": "service_role", "rolcanlogin": False},
    ]
    assert query(api, "select length(gen_random_bytes(16)) as n") == [{"n": 16}]
    query(api, "create extension if not exists pg_cron; create extension if not exists pg_net")
    assert query(api, "select current_setting('cron.database_name') as db") == [{"db": "postgres"}]
    with psycopg.connect(fake_supabase.project_db_url) as conn:
        assert conn.execute("select current_database()").fetchone() == ("postgres",)


def test_deploy_and_invoke_a_function_with_secrets_and_the_database(
    api: httpx.Client, functions: httpx.Client, fake_supabase: FakeSupabase
) -> None:
    files = {"dbfn/index.ts": DB_TS, "_shared/greeting.ts": GREETING_TS}
    r = deploy(api, "dbfn", files, "dbfn/index.ts")
    assert r.status_code == 201, r.text
    assert r.json()["version"] == 1
    assert r.json()["slug"] == "dbfn"
    assert r.json()["status"] == "ACTIVE"
    assert fake_supabase.functions["dbfn"].files["_shared/greeting.ts"] == GREETING_TS.encode()
    assert api.post("/secrets", json=[{"name": "GREETING", "value": "hello"}]).status_code == 201

    r = functions.post("/dbfn")
    assert r.status_code == 200, fake_supabase.function_logs("dbfn")
    assert r.json() == {
        "greeting": "hello",
        "db": "postgres",
        "answer": 42,
        "url": fake_supabase.project_url,
        "hasServiceKey": True,
    }

    # Changed secrets reach the function on the next request (the process restarts).
    api.post("/secrets", json=[{"name": "GREETING", "value": "bonjour"}])
    assert functions.get("/dbfn").json()["greeting"] == "bonjour"

    r = deploy(api, "dbfn", files, "dbfn/index.ts")
    assert r.json()["version"] == 2
    assert [f["slug"] for f in api.get("/functions").json()] == ["dbfn"]
    assert functions.get("/dbfn").json()["answer"] == 42

    assert api.delete("/functions/dbfn").status_code == 200
    assert api.delete("/functions/dbfn").status_code == 404
    assert functions.get("/dbfn").status_code == 404
    assert api.get("/functions").json() == []


def test_function_requests_pass_through_method_path_headers_and_body(
    api: httpx.Client, functions: httpx.Client
) -> None:
    assert deploy(api, "echo", {"echo/index.ts": ECHO_TS}, "echo/index.ts").status_code == 201
    r = functions.put(
        "/echo/sub/path",
        params={"q": "1"},
        content=b'{"x": 1}',
        headers={"x-custom": "yes", "content-type": "application/json"},
    )
    assert r.status_code == 207
    assert r.headers["x-fn"] == "echo"
    assert r.json() == {
        "method": "PUT",
        "path": "/echo/sub/path",
        "query": "?q=1",
        "body": '{"x": 1}',
        "custom": "yes",
        "contentType": "application/json",
    }


def test_verify_jwt_requires_a_project_key(api: httpx.Client, functions: httpx.Client) -> None:
    r = deploy(api, "guarded", {"guarded/index.ts": ECHO_TS}, "guarded/index.ts", verify_jwt=True)
    assert r.json()["verify_jwt"] is True
    assert functions.post("/guarded").status_code == 401
    assert functions.post("/guarded", headers={"Authorization": "Bearer x.y.z"}).status_code == 401
    keys = {k["name"]: k["api_key"] for k in api.get("/api-keys").json()}
    assert set(keys) == {"anon", "service_role"}
    r = functions.post("/guarded", headers={"Authorization": f"Bearer {keys['anon']}"})
    assert r.status_code == 207


def test_secrets_are_listed_as_digests_and_never_recorded(
    api: httpx.Client, fake_supabase: FakeSupabase
) -> None:
    value = "sk_test_very_secret_value"
    assert (
        api.post("/secrets", json=[{"name": "STRIPE_SECRET_KEY", "value": value}]).status_code
        == 201
    )
    listed = {s["name"]: s["value"] for s in api.get("/secrets").json()}
    assert listed["STRIPE_SECRET_KEY"] == hashlib.sha256(value.encode()).hexdigest()
    assert {"SUPABASE_URL", "SUPABASE_DB_URL"} <= set(listed)
    assert value not in api.get("/secrets").text
    assert fake_supabase.secrets == ["STRIPE_SECRET_KEY"]

    r = api.post("/secrets", json=[{"name": "SUPABASE_X", "value": "v"}])
    assert r.status_code == 400
    assert fake_supabase.secrets == ["STRIPE_SECRET_KEY"]

    # A secret value sent in SQL is redacted from the recorded calls too.
    query(api, f"select '{value}' as v")
    assert api.request("DELETE", "/secrets", json=["STRIPE_SECRET_KEY"]).status_code == 200
    assert fake_supabase.secrets == []
    recorded = repr(fake_supabase.calls)
    assert value not in recorded
    assert fake_supabase.token not in recorded
    assert "[REDACTED]" in recorded
    assert fake_supabase.calls[0].summary == {"names": ["STRIPE_SECRET_KEY"]}


def test_pg_cron_jobs_are_scheduled_in_the_project_database(
    api: httpx.Client, fake_supabase: FakeSupabase
) -> None:
    query(
        api,
        "create extension if not exists pg_cron; create table ticks (n serial);"
        " select cron.schedule('tick', '* * * * *', 'insert into ticks default values')",
    )
    assert query(api, "select jobname, database from cron.job") == [
        {"jobname": "tick", "database": "postgres"}
    ]
    run = fake_supabase.run_cron_job("tick")
    assert run.status == "succeeded"
    assert run.return_message == "INSERT 0 1"
    assert query(api, "select count(*) as n from ticks") == [{"n": 1}]
    assert query(api, "select status from cron.job_run_details") == [{"status": "succeeded"}]

    query(api, "select cron.unschedule('tick')")
    with pytest.raises(LookupError):
        fake_supabase.run_cron_job("tick")


def test_pg_net_requests_are_queued_and_drained_to_a_function(
    api: httpx.Client, fake_supabase: FakeSupabase
) -> None:
    assert deploy(api, "echo", {"echo/index.ts": ECHO_TS}, "echo/index.ts").status_code == 201
    url = f"{fake_supabase.project_url}/functions/v1/echo"
    query(api, "create extension if not exists pg_net; create extension if not exists pg_cron")
    # The installer's shape: a cron job whose command calls net.http_post.
    query(
        api,
        "select cron.schedule('call-echo', '* * * * *', $$select net.http_post("
        f"url := '{url}', body := '{{\"n\": 1}}'::jsonb, params := '{{\"a b\": \"c&d\"}}',"
        ' headers := \'{"Content-Type": "application/json", "X-Custom": "cron"}\','
        " timeout_milliseconds := 5000)$$)",
    )
    assert fake_supabase.drain_net() == []
    assert fake_supabase.run_cron_job("call-echo").status == "succeeded"
    assert query(api, "select count(*) as n from net.http_request_queue") == [{"n": 1}]

    [delivered] = fake_supabase.drain_net()
    assert delivered.status_code == 207
    assert delivered.json() == {
        "method": "POST",
        "path": "/echo",
        "query": "?a%20b=c%26d",
        "body": '{"n": 1}',
        "custom": "cron",
        "contentType": "application/json",
    }
    assert query(api, "select count(*) as n from net.http_request_queue") == [{"n": 0}]
    assert query(api, "select status_code from net._http_response") == [{"status_code": 207}]
    assert fake_supabase.drain_net() == []


def test_fail_next_fails_matching_requests_without_effect(
    api: httpx.Client, fake_supabase: FakeSupabase
) -> None:
    fake_supabase.fail_next("POST", r"/functions/deploy\?slug=echo$", status=503)
    files = {"echo/index.ts": ECHO_TS}
    assert deploy(api, "echo", files, "echo/index.ts").status_code == 503
    assert fake_supabase.functions == {}
    assert deploy(api, "echo", files, "echo/index.ts").status_code == 201
    assert fake_supabase.functions["echo"].version == 1
    deploy_calls = [c for c in fake_supabase.calls if "/functions/deploy?" in c.path]
    assert [(c.status, c.injected) for c in deploy_calls] == [(503, True), (201, False)]
    assert deploy_calls[1].summary["files"] == ["echo/index.ts"]


def test_deploy_rejects_a_missing_entrypoint(api: httpx.Client) -> None:
    r = deploy(api, "bad", {"bad/other.ts": ECHO_TS}, "bad/index.ts")
    assert r.status_code == 400
    assert deploy(api, "bad slug", {"x/index.ts": ECHO_TS}, "x/index.ts").status_code == 400
