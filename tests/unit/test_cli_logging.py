"""The CLI's filter for the connection pool's warnings: one line per outage, not a flood."""

from __future__ import annotations

import logging

from stripe_sync.cli._common import OncePerOutage


def _record(message: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("psycopg.pool", logging.WARNING, __file__, 1, message, args, None)


def test_one_line_per_quiet_period_with_the_count_of_the_rest() -> None:
    now = [100.0]
    gate = OncePerOutage(quiet_seconds=60, clock=lambda: now[0])
    first = _record("error connecting in %r: %s", "pool", "refused\n\tIs the server running?")
    assert gate.filter(first)
    assert first.getMessage().startswith("error connecting in 'pool': refused (more in the next")
    assert "\n" not in first.getMessage()
    shown = []
    for _ in range(63):
        now[0] += 0.1
        shown.append(gate.filter(_record("error connecting in %r: %s", "pool", "refused")))
    assert not any(shown)
    now[0] += 60
    later = _record("error connecting in %r: %s", "pool", "timeout")
    assert gate.filter(later)
    assert later.getMessage() == (
        "error connecting in 'pool': timeout (63 more pool warnings not shown; -v shows them)"
    )


def test_the_wordings_of_one_outage_share_one_line() -> None:
    """The pool says "discarding closed connection", "discarding broken connection" and "error
    connecting" about one outage: the first is shown, the others counted."""
    now = [100.0]
    gate = OncePerOutage(quiet_seconds=60, clock=lambda: now[0])
    assert gate.filter(_record("discarding closed connection: %s", "conn 1"))
    now[0] += 1
    assert not gate.filter(_record("discarding broken connection: %s", "conn 2"))
    assert not gate.filter(_record("error connecting in %r: %s", "pool", "refused"))
    now[0] += 60
    again = _record("error connecting in %r: %s", "pool", "refused")
    assert gate.filter(again)
    assert again.getMessage().endswith("(2 more pool warnings not shown; -v shows them)")
    # Another logger's warnings are not this filter's business.
    other = logging.LogRecord("stripe_sync", logging.WARNING, __file__, 1, "x", None, None)
    assert gate.filter(other)


def _pool_filters() -> list[OncePerOutage]:
    return [f for f in logging.getLogger("psycopg.pool").filters if isinstance(f, OncePerOutage)]


def test_main_installs_the_filter_once_and_not_with_verbose() -> None:
    from click.testing import CliRunner

    from stripe_sync.cli import main

    pool = logging.getLogger("psycopg.pool")
    kept, level = list(pool.filters), logging.getLogger().level
    try:
        runner = CliRunner()
        for _ in range(3):
            result = runner.invoke(main, ["db", "--help"])
            assert result.exit_code == 0, result.output
        assert len(_pool_filters()) == 1
        result = runner.invoke(main, ["-v", "db", "--help"])
        assert result.exit_code == 0, result.output
        assert _pool_filters() == []
        assert logging.getLogger().level == logging.INFO
    finally:
        pool.filters[:] = kept
        logging.getLogger().setLevel(level)
