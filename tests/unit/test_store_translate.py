"""The one driver-error translator, and the SQLSTATE list it shares with the edge functions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import psycopg
import psycopg_pool
import pytest
from psycopg import errors as pg_errors

from stripe_sync.errors import DatabaseBusyError, DatabaseError, DatabaseUnavailableError
from stripe_sync.store.translate import BUSY_SQLSTATES, UNAVAILABLE_CLASSES, translate
from stripe_sync.supabase import function_files

SHARED = Path(__file__).resolve().parents[2] / "src/stripe_sync/supabase/functions/_shared"


def test_busy_errors_are_the_listed_sqlstates_and_name_theirs() -> None:
    assert set(BUSY_SQLSTATES) == {"40001", "40P01", "55P03", "57014"}
    for sqlstate, condition in BUSY_SQLSTATES.items():
        cls = pg_errors.lookup(sqlstate)
        error = translate(cls("boom\nsecond line"))
        assert isinstance(error, DatabaseBusyError)
        assert error.sqlstate == sqlstate
        assert error.transient
        assert str(error) == f"database busy ({condition}): boom"
        # Code written before DatabaseBusyError (except DatabaseUnavailableError) still catches
        # them, as it did when psycopg's OperationalError was all they were.
        assert isinstance(error, DatabaseUnavailableError)
        assert issubclass(cls, psycopg.OperationalError)


def test_other_errors_keep_their_translation() -> None:
    lost = translate(pg_errors.AdminShutdown("terminating connection"))
    assert type(lost) is DatabaseUnavailableError
    assert str(lost) == "database unavailable: terminating connection"
    pool = translate(psycopg_pool.PoolTimeout("no connection"), timeout=2.5)
    assert type(pool) is DatabaseUnavailableError
    assert "within 2.5 s" in str(pool)
    bad = translate(pg_errors.DivisionByZero("division by zero"), "could not load", suffix=" (x)")
    assert type(bad) is DatabaseError
    assert not bad.transient
    assert str(bad) == "could not load: division by zero (x)"


@pytest.mark.parametrize("sqlclass", sorted(UNAVAILABLE_CLASSES))
def test_what_the_edge_functions_call_unavailable_python_calls_transient(sqlclass: str) -> None:
    codes = [code for code in pg_errors._sqlcodes if re.fullmatch(f"{sqlclass}[0-9A-Z]{{3}}", code)]
    assert codes
    for code in codes:
        assert translate(pg_errors.lookup(code)("x")).transient, code


def test_the_edge_functions_read_the_same_file_and_deploy_it() -> None:
    store_ts = (SHARED / "store.ts").read_text()
    assert 'import SQLSTATES from "./sqlstates.json" with { type: "json" };' in store_ts
    # No SQLSTATE of the list written out again in TypeScript.
    for code in [*BUSY_SQLSTATES, "40P", "08|", "57|"]:
        assert code not in store_ts, code
    shipped = function_files("stripe-webhook")["_shared/sqlstates.json"]
    assert json.loads(shipped) == json.loads((SHARED / "sqlstates.json").read_text())
    assert json.loads(shipped)["busy"] == dict(BUSY_SQLSTATES)
