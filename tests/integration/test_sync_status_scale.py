"""``sync_status`` at scale: the same answer as 0018's view, without reading every window.

0018's view aggregated the whole history of backfill windows (1.5 s at ~960k windows); 0023's
reads the unfinished windows and, per account and resource, the last entries of three indexes;
0037's does the same per account, resource and mode (the indexes have the mode). The database is
seeded with many runs in every state a window and a run can be in, and the view is compared, row
for row, with 0018's definition (read from the shipped migration); with runs of two modes, each
mode's rows with 0018's view of that mode's runs alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

SEED = """
SELECT setseed(0.42);
INSERT INTO stripe._sync_runs (account_id, started_at, closed_at, status, error_message)
SELECT a.account_id,
       now() - make_interval(hours => 200 - n),
       CASE WHEN n < 40 THEN now() - make_interval(hours => 199 - n) END,
       CASE WHEN n = 40 THEN 'running'
            ELSE (ARRAY['complete', 'complete', 'error', 'cancelled'])[1 + n % 4] END,
       CASE WHEN n % 4 = 2 AND n < 40 THEN 'run failed ' || n END
FROM generate_series(1, 40) n
CROSS JOIN (VALUES ('acct_a'), ('acct_b')) a (account_id)
ORDER BY n, a.account_id;

INSERT INTO stripe._sync_obj_runs (run_id, account_id, object, status, error_message,
                                   claimed_until, completed_at, updated_at)
SELECT r.id, r.account_id, o.object, s.status,
       CASE WHEN s.status = 'error' AND random() < 0.7
            THEN 'window failed ' || r.id || '/' || k END,
       CASE WHEN s.status = 'running'
            THEN now() + make_interval(secs => (random() - 0.5) * 120) END,
       CASE WHEN s.status = 'complete' THEN r.started_at + make_interval(secs => k) END,
       r.started_at + make_interval(secs => k + random() * 3600)
FROM stripe._sync_runs r
CROSS JOIN (VALUES ('customer'), ('invoice'), ('charge'), ('product'), ('price')) o (object)
CROSS JOIN generate_series(1, 150) k
CROSS JOIN LATERAL (
    -- As in a real history, nearly every window is complete.
    SELECT CASE WHEN x < 0.92 THEN 'complete' WHEN x < 0.95 THEN 'error'
                WHEN x < 0.98 THEN 'pending' ELSE 'running' END AS status
    FROM (SELECT random() + 0 * k AS x) x
) s
-- Not every run lists every object: some resources' newest run is an older one.
WHERE NOT (o.object = 'price' AND r.id > 50) AND NOT (o.object = 'product' AND r.id % 3 = 0);

-- The unfinished windows of older runs were carried into a later run and name their successor,
-- except the prices' newest (no later run listed prices: they are failing, to be retried).
UPDATE stripe._sync_obj_runs w SET superseded_by = w.id + 1
WHERE w.status <> 'complete' AND w.run_id < 79 AND NOT (w.object = 'price' AND w.run_id > 40);

-- A resource waiting for a worker (queued) and one with nothing left to do (complete).
UPDATE stripe._sync_obj_runs w SET status = 'pending', claimed_until = NULL
FROM stripe._sync_runs r
WHERE r.id = w.run_id AND r.status = 'running' AND w.object = 'invoice' AND w.status <> 'complete';
UPDATE stripe._sync_obj_runs
SET status = 'complete', completed_at = updated_at, error_message = NULL
WHERE object = 'charge' AND account_id = 'acct_b' AND superseded_by IS NULL;

INSERT INTO stripe._backfill_cursors (account_id, object, listed_until, run_id)
SELECT DISTINCT account_id, object, now() - interval '1 hour', max(run_id)
FROM stripe._sync_obj_runs WHERE object <> 'charge' GROUP BY 1, 2;
"""
# As autovacuum leaves a table that has been written for a while (one statement: VACUUM cannot
# run in the seed's implicit transaction).
VACUUM = "VACUUM ANALYZE stripe._sync_runs, stripe._sync_obj_runs, stripe._backfill_cursors"


def _view_0018() -> str:
    """The first sync_status (migration 0018, before the squash: it aggregated every window)
    under another name, to compare with."""
    body = (Path(__file__).parent / "snapshots" / "sync_status_0018.sql").read_text("utf-8")
    assert 'CREATE VIEW "sync_status" AS' in body
    return body.replace('CREATE VIEW "sync_status" AS', 'CREATE VIEW "sync_status_0018" AS')


#: 0018's columns (0037 added "mode" after them).
COLUMNS = (
    "account_id", "resource", "status", "last_incremental_cursor", "last_synced_at",
    "error_message", "error_count", "run_id", "updated_at",
)  # fmt: skip
#: The seeded runs alternate between the modes, each mode with its own cursors.
TWO_MODES = """
UPDATE stripe._sync_runs r SET mode = CASE WHEN x.n % 2 = 0 THEN 'live' ELSE 'test' END
FROM (SELECT id, dense_rank() OVER (ORDER BY started_at) AS n FROM stripe._sync_runs) x
WHERE x.id = r.id;
UPDATE stripe._backfill_cursors SET mode = 'live';
INSERT INTO stripe._backfill_cursors (account_id, mode, object, listed_until, run_id)
SELECT account_id, 'test', object, listed_until - interval '1 day', run_id
FROM stripe._backfill_cursors;
"""


def _rows(
    conn: psycopg.Connection[Any], view: str, mode: str | None = None
) -> list[tuple[Any, ...]]:
    statement = sql.SQL("SELECT {} FROM stripe.{} WHERE {} ORDER BY account_id, resource").format(
        sql.SQL(", ").join(map(sql.Identifier, COLUMNS)),
        sql.Identifier(view),
        sql.SQL("true") if mode is None else sql.SQL("mode = {}").format(mode),
    )
    return conn.execute(statement).fetchall()


@pytest.fixture
def seeded(database_url: str) -> str:
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(SEED)
        conn.execute(VACUUM)
        conn.execute("SET search_path TO stripe")
        conn.execute(_view_0018().encode())
    return database_url


@pytest.fixture
def two_modes(seeded: str) -> str:
    with psycopg.connect(seeded, autocommit=True) as conn:
        conn.execute(TWO_MODES)
        conn.execute(VACUUM)
    return seeded


def test_same_rows_as_the_0018_view_over_many_runs(seeded: str) -> None:
    with psycopg.connect(seeded) as conn:  # one transaction: one now() for both views
        new, old = _rows(conn, "sync_status"), _rows(conn, "sync_status_0018")
        windows = conn.execute("SELECT count(*) FROM stripe._sync_obj_runs").fetchone()
        modes = conn.execute("SELECT DISTINCT mode FROM stripe.sync_status").fetchall()
    assert modes == [("unknown",)]  # the seeded runs do not say their mode
    assert windows is not None
    assert windows[0] > 50_000
    assert new == old
    # The seed reaches every state and both kinds of failure, so the comparison means something.
    statuses = {row[2] for row in new}
    assert statuses == {"running", "queued", "error", "complete"}, statuses
    assert len(new) == 10
    assert any(row[5] is not None for row in new)  # an error message
    assert any(row[3] is None for row in new)  # a resource without a cursor


def test_each_modes_rows_are_the_0018_view_of_that_modes_runs(two_modes: str) -> None:
    shown = 0
    for mode, other in (("live", "test"), ("test", "live")):
        with psycopg.connect(two_modes) as conn:  # one transaction, rolled back
            new = _rows(conn, "sync_status", mode)
            conn.execute("DELETE FROM stripe._sync_runs WHERE mode = %s", (other,))
            conn.execute("DELETE FROM stripe._backfill_cursors WHERE mode = %s", (other,))
            old = _rows(conn, "sync_status_0018")
            conn.rollback()
        assert new == old, mode
        assert {row[2] for row in new} >= {"error", "complete"}, mode
        shown += len(new)
    assert shown == 20  # 2 accounts, 5 resources, 2 modes


def _plan(conn: psycopg.Connection[Any], view: str) -> list[dict[str, Any]]:
    statement = sql.SQL("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT * FROM stripe.{}")
    row = conn.execute(statement.format(sql.Identifier(view))).fetchone()
    assert row is not None
    plan = row[0]
    nodes: list[dict[str, Any]] = []
    stack = [plan[0]["Plan"]]
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(node.get("Plans", []))
    return nodes


def _buffers(nodes: list[dict[str, Any]]) -> int:
    top = nodes[0]
    return int(top["Shared Hit Blocks"]) + int(top["Shared Read Blocks"])


@pytest.mark.parametrize("modes", ["one", "two"])
def test_reads_indexes_not_the_whole_window_history(
    seeded: str, modes: str, request: pytest.FixtureRequest
) -> None:
    if modes == "two":
        request.getfixturevalue("two_modes")
    with psycopg.connect(seeded) as conn:
        table_pages = conn.execute(
            "SELECT pg_relation_size('stripe._sync_obj_runs') / current_setting('block_size')::int"
        ).fetchone()
        assert table_pages is not None
        # Told to avoid sequential scans, 0023's view has another way.
        conn.execute("SET enable_seqscan = off")
        new = _plan(conn, "sync_status")
        scanned = {(n["Node Type"], n.get("Relation Name")) for n in new}
        assert ("Seq Scan", "_sync_obj_runs") not in scanned, json.dumps(sorted(scanned, key=str))
        # 0018's reads every window, by whatever path: as many pages as the table has, or more.
        old = _plan(conn, "sync_status_0018")
        conn.execute("RESET enable_seqscan")
        # With the planner's own choice too, 0023's reads a small part of the table's pages.
        default = _plan(conn, "sync_status")
        shown = conn.execute("SELECT count(*) FROM stripe.sync_status").fetchone()
    assert shown == (10 if modes == "one" else 20,)  # a row per account, resource and mode
    assert _buffers(old) >= table_pages[0]
    assert _buffers(default) < table_pages[0] / 4, (_buffers(default), table_pages[0])
    assert _buffers(new) < table_pages[0] / 4, (_buffers(new), table_pages[0])
