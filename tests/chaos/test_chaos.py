"""The chaos layer: every scenario of ``bench/chaos.py`` at a small size (:data:`SMALL`).

Processes killed with SIGKILL and resumed, PostgreSQL stopped fast and immediately under a
backfill and under webhook load, a storm of 429s and 5xx, a long history delivered shuffled with
duplicates, the webhook fuzz corpus against a real server, and the secrets of the run looked for
in everything it printed, logged and answered. The scenarios live in this folder's modules and
report figures; these tests assert that nothing was lost, duplicated, stale or leaked, exactly.

The tests share one run (:func:`chaos`): its PostgreSQL 15, secrets and outputs, so that the
last test looks for the secrets in what all of them produced. The run's random seed is in every
failure message; ``STRIPE_SYNC_CHAOS_SEED=N`` runs that seed again.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.chaos.backfills import (
    Listed,
    compare,
    kill_and_resume,
    restart_during_backfill,
    seed,
    storm,
)
from tests.chaos.context import SMALL, Chaos, chaos_run
from tests.chaos.harness import admin_view, fake_stripe
from tests.chaos.history import differences
from tests.chaos.leaks import secrets_check
from tests.chaos.realtime import fuzz, restart_during_webhooks, shuffled_events

pytestmark = pytest.mark.chaos

CLEAN = Listed(lost=0, extra=0, stale=0, duplicated=0, runs=1, status="complete")


@pytest.fixture(scope="module")
def chaos(pg15_bin: Path) -> Iterator[Chaos]:
    """The run; it restarts a PostgreSQL 15, hence ``pg15_bin``."""
    seed = int(os.environ.get("STRIPE_SYNC_CHAOS_SEED") or random.randrange(1 << 30))
    with chaos_run(seed) as run:
        yield run


def context(chaos: Chaos) -> str:
    return f"STRIPE_SYNC_CHAOS_SEED={chaos.seed}"


def test_the_oracles_see_a_lost_a_stale_an_extra_and_a_duplicated_object(chaos: Chaos) -> None:
    """The checks below can fail: corrupt a complete backfill four ways, each is counted."""
    with fake_stripe(chaos.secrets, seed=chaos.seed) as stripe:
        seeded = seed(stripe.fake, 200)
        url = chaos.database("oracles")
        chaos.run(stripe, url, "backfill", "customer", "product", "price")
        assert compare(url, stripe.fake, seeded) == CLEAN
        lost, stale = sorted(seeded["customer"])[:2]
        with psycopg.connect(admin_view(url)) as conn:
            conn.execute("DELETE FROM stripe.customers WHERE id = %s", (lost,))
            conn.execute(
                'UPDATE stripe.customers SET _raw_data = _raw_data || \'{"name": "old"}\''
                " WHERE id = %s",
                (stale,),
            )
            conn.execute(
                "INSERT INTO stripe.products (id, _account_id, _raw_data)"
                " SELECT 'prod_extra', _account_id, _raw_data FROM stripe.products LIMIT 1"
            )
            conn.execute(
                "UPDATE stripe._sync_obj_runs SET processed_count = processed_count + 1"
                " WHERE id = (SELECT min(id) FROM stripe._sync_obj_runs)"
            )
        assert compare(url, stripe.fake, seeded) == Listed(1, 1, 1, 1, 1, "complete")
        assert differences(url, stripe.fake, {"customer": {lost, stale}}) == [
            f"customer {c}: {why}"
            for c, why in sorted({lost: "missing", stale: "differs from Stripe"}.items())
        ]


def test_sigkill_at_random_moments_then_resume(chaos: Chaos) -> None:
    figures = kill_and_resume(chaos, SMALL)
    assert figures.problems == [], context(chaos)
    assert figures.kills == SMALL.kills
    assert figures.listed == CLEAN
    assert figures.updates > 0
    # A resumed process took the killed ones' windows at once, not after their 30 s lease.
    assert figures.held_by_dead == 0
    assert figures.first_page_resumed_s, "no resumed process committed a page"


def test_postgres_restarts_fast_and_immediate_under_a_backfill(chaos: Chaos) -> None:
    figures = restart_during_backfill(chaos, SMALL)
    assert figures.problems == [], context(chaos)
    assert [mode for mode, _ in figures.restarts] == ["fast", "immediate"]
    assert figures.lost_in_restart == 0
    assert figures.exits[-1] == 0
    # What the database holds is checked in figures.problems: every object once, as Stripe has
    # it, and one run (more only after a process gave up, each of them complete).
    assert figures.listed.status == "complete"


def test_a_storm_of_429_and_5xx_is_absorbed(chaos: Chaos) -> None:
    figures = storm(chaos, SMALL)
    assert figures.problems == [], context(chaos)
    assert figures.rate_limited > 0
    assert figures.server_errors > 0
    assert figures.exit == 0
    assert figures.listed == CLEAN


def test_postgres_restarts_under_webhook_load_lose_nothing_acknowledged(chaos: Chaos) -> None:
    figures = restart_during_webhooks(chaos, SMALL)
    assert figures.problems == [], context(chaos)
    assert [mode for mode, _ in figures.restarts] == ["fast", "immediate"]
    assert (figures.lost_in_restart, figures.unacknowledged, figures.lost) == (0, 0, 0)
    assert figures.wrong == []
    assert figures.alive


def test_a_shuffled_history_with_duplicates_ends_as_in_stripe(chaos: Chaos) -> None:
    figures = shuffled_events(chaos, SMALL)
    assert figures.problems == [], context(chaos)
    assert figures.events >= SMALL.events
    assert figures.deliveries == figures.events + figures.events // 5
    assert figures.statuses == {200: figures.deliveries}
    assert figures.unrecorded == 0
    assert figures.wrong == []


def test_the_fuzz_corpus_gets_no_5xx_and_writes_nothing_it_rejects(chaos: Chaos) -> None:
    figures = fuzz(chaos, SMALL)
    assert figures.problems == [], context(chaos)
    assert figures.inputs == SMALL.fuzz
    assert figures.server_errors == 0
    assert set(figures.statuses) == {200, 400}
    assert figures.written_by_rejected == 0
    assert figures.alive


def test_no_secret_in_any_output_log_or_answer(chaos: Chaos) -> None:
    """Last: it reads what every test of the module produced, and its own error paths."""
    figures = secrets_check(chaos, SMALL)
    assert figures.planted_found
    assert figures.leaks == [], context(chaos)
    assert figures.problems == []
