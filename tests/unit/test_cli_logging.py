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
        shown.append(gate.filter(_record("discarding broken connection")))
    assert not any(shown)
    now[0] += 60
    later = _record("error connecting again")
    assert gate.filter(later)
    assert later.getMessage() == (
        "error connecting again (63 similar messages not shown; -v shows them)"
    )
