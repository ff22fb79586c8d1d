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
        "error connecting in 'pool': timeout (63 similar messages not shown; -v shows them)"
    )


def test_each_distinct_message_has_its_own_quiet_period() -> None:
    """A flood of one message does not hide a different one, e.g. the pool's "discarding
    broken connection" does not hide its first "error connecting"."""
    now = [100.0]
    gate = OncePerOutage(quiet_seconds=60, clock=lambda: now[0])
    assert gate.filter(_record("discarding broken connection: %s", "closed"))
    now[0] += 1
    assert not gate.filter(_record("discarding broken connection: %s", "reset"))
    connecting = _record("error connecting in %r: %s", "pool", "refused")
    assert gate.filter(connecting)
    assert connecting.getMessage().startswith("error connecting in 'pool': refused")
    now[0] += 1
    assert not gate.filter(_record("error connecting in %r: %s", "pool", "refused"))
    now[0] += 60
    again = _record("discarding broken connection: %s", "closed")
    assert gate.filter(again)
    assert again.getMessage().endswith("(1 similar messages not shown; -v shows them)")


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
