"""Real time under fire: a ``stripe-sync start`` server taking webhooks while PostgreSQL
restarts, a long history delivered shuffled with duplicates, and the fuzz corpus.

The events come from the fake Stripe (:mod:`tests.chaos.history`), signed with the run's
webhook secret when they are sent. The fake is the oracle: every event acknowledged is recorded
as processed, and every object the events name ends as the fake has it.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import sql

from stripe_sync.testing import RunningServer
from tests.chaos.context import Chaos, Size
from tests.chaos.deliveries import Answer, Deliveries, post_all, signer
from tests.chaos.harness import Server, admin_view, cli_env, fake_stripe, webhook_server
from tests.chaos.history import differences, named_objects, play
from tests.integration.test_event_ordering import T0, Clock
from tests.integration.test_server import customer_created
from tests.integration.test_webhook_fuzz import corpus, headers_for


def recorded(url: str) -> set[str]:
    """Event ids the database holds as processed or as dead letters."""
    with psycopg.connect(admin_view(url)) as conn:
        processed = {str(r[0]) for r in conn.execute("SELECT id FROM stripe._processed_events")}
        dead = {str(r[0]) for r in conn.execute("SELECT event_id FROM stripe._dead_letters")}
    return processed | dead


def _server(chaos: Chaos, stripe: RunningServer, url: str) -> Any:
    return webhook_server(chaos.outputs, cli_env(chaos.secrets, stripe, url))


def _bodies(chaos: Chaos, events: list[dict[str, Any]]) -> list[tuple[bytes, Any]]:
    sign = signer(chaos.secrets.webhook_secret)
    return [(json.dumps(event).encode(), sign) for event in events]


# -- PostgreSQL restarts under webhook load ---------------------------------------------------


@dataclass
class WebhookRestartFigures:
    events: int
    restarts: list[tuple[str, float]]
    #: Events acknowledged (2xx) before a restart and not recorded right after it.
    lost_in_restart: int
    #: At the end: events never acknowledged, and acknowledged but not recorded.
    unacknowledged: int
    lost: int
    #: Objects not as the fake has them.
    wrong: list[str]
    #: Every attempt's status (503: transient, delivered again); 500 and others are defects.
    statuses: Counter[int]
    alive: bool
    problems: list[str] = field(default_factory=list)


def restart_during_webhooks(chaos: Chaos, size: Size) -> WebhookRestartFigures:
    """Deliver a history's events (shuffled, 16 in flight, each again after a 5xx or no
    answer as Stripe does) while PostgreSQL is stopped fast (a third of them acknowledged)
    and immediately (two thirds) and started again."""
    clock = Clock(T0)
    with fake_stripe(chaos.secrets, seed=chaos.seed, clock=clock) as stripe:
        rng = chaos.random("webhook-restart")
        events = play(stripe.fake, clock.tick, size.webhook_events, rng)
        rng.shuffle(events)
        url = chaos.database("restart_webhooks")
        answers = [Answer() for _ in events]
        restarts: list[tuple[str, float]] = []
        lost_in_restart = 0

        async def deliver_and_restart(server: Server) -> Deliveries:
            nonlocal lost_in_restart
            sending = asyncio.create_task(
                post_all(
                    f"{server.url}/webhooks",
                    _bodies(chaos, events),
                    concurrency=16,
                    retry_for=180,
                    answers=answers,
                )
            )
            for mode, share in (("fast", 1 / 3), ("immediate", 2 / 3)):
                while sum(a.acknowledged is not None for a in answers) < share * len(events):
                    if sending.done():
                        break
                    await asyncio.sleep(0.01)
                acknowledged = {
                    str(e["id"]) for e, a in zip(events, answers, strict=True) if a.acknowledged
                }
                restarts.append((mode, await asyncio.to_thread(chaos.postgres.restart, mode)))
                lost_in_restart += len(acknowledged - await asyncio.to_thread(recorded, url))
            return await sending

        with _server(chaos, stripe, url) as server:
            deliveries = asyncio.run(deliver_and_restart(server))
            alive = server.alive()
        chaos.outputs.add(deliveries.texts("restart_webhooks"))
        acknowledged = {
            str(e["id"]) for e, a in zip(events, answers, strict=True) if a.acknowledged
        }
        figures = WebhookRestartFigures(
            events=len(events),
            restarts=restarts,
            lost_in_restart=lost_in_restart,
            unacknowledged=len(events) - len(acknowledged),
            lost=len(acknowledged - recorded(url)),
            wrong=differences(url, stripe.fake, named_objects(events)),
            statuses=deliveries.statuses,
            alive=alive,
        )
    figures.problems = _problems(
        ("events acknowledged then lost in a restart", figures.lost_in_restart),
        ("events never acknowledged", figures.unacknowledged),
        ("events acknowledged and not recorded", figures.lost),
        ("objects not as in Stripe", len(figures.wrong)),
        ("answers 5xx other than 503", sum(n for s, n in figures.statuses.items() if s > 503)),
        ("answers 500", figures.statuses[500]),
        ("server down at the end", not figures.alive),
    )
    return figures


def _problems(*counts: tuple[str, int | bool]) -> list[str]:
    return [f"{int(n)} {what}" if n is not True else what for what, n in counts if n]


# -- a long history, shuffled, with duplicates -----------------------------------------------


@dataclass
class ShuffleFigures:
    events: int
    deliveries: int
    statuses: Counter[int]
    outcomes: Counter[str]
    #: Events not recorded as processed, and processed rows for no event of the history.
    unrecorded: int
    #: Objects not as the fake has them.
    wrong: list[str]
    problems: list[str] = field(default_factory=list)


def shuffled_events(chaos: Chaos, size: Size) -> ShuffleFigures:
    """A history of ``size.events`` events delivered once each plus a fifth of them again,
    all in a random order, 32 in flight: every delivery answered 200, every event recorded,
    and the database ends as the fake."""
    clock = Clock(T0)
    rng = chaos.random("shuffle")
    with fake_stripe(chaos.secrets, seed=chaos.seed, clock=clock) as stripe:
        events = play(stripe.fake, clock.tick, size.events, rng)
        delivered = events + rng.sample(events, len(events) // 5)
        rng.shuffle(delivered)
        url = chaos.database("shuffled_events")
        with _server(chaos, stripe, url) as server:
            deliveries = asyncio.run(
                post_all(f"{server.url}/webhooks", _bodies(chaos, delivered), concurrency=32)
            )
        chaos.outputs.add(deliveries.texts("shuffled_events"))
        outcomes = Counter(
            str(json.loads(a.body).get("outcome")) if a.status == 200 else "-"
            for a in deliveries.answers
        )
        figures = ShuffleFigures(
            events=len(events),
            deliveries=len(delivered),
            statuses=deliveries.statuses,
            outcomes=outcomes,
            unrecorded=len({str(e["id"]) for e in events} ^ recorded(url)),
            wrong=differences(url, stripe.fake, named_objects(events)),
        )
    figures.problems = _problems(
        ("deliveries not answered 200", figures.deliveries - figures.statuses[200]),
        ("events not recorded exactly", figures.unrecorded),
        ("objects not as in Stripe", len(figures.wrong)),
    )
    # What the server answered instead (status 0: no answer), for the failure's message.
    figures.problems += sorted(
        {f"answered {a.status}: {a.body[:300]}" for a in deliveries.answers if a.status != 200}
    )
    return figures


# -- the fuzz corpus over HTTP ---------------------------------------------------------------


@dataclass
class FuzzFigures:
    inputs: int
    statuses: Counter[int]
    #: Attempts answered 5xx or not at all (the server failed or died).
    server_errors: int
    accepted: int
    #: Inputs answered 4xx whose event or object ids the database holds.
    written_by_rejected: int
    alive: bool
    problems: list[str] = field(default_factory=list)


#: Each input's event and object ids get this mark and its number, to find what it wrote.
_MARK = re.compile(r"fz(\d{6})x")


def fuzz(chaos: Chaos, size: Size) -> FuzzFigures:
    """The webhook fuzz corpus (``tests/integration/test_webhook_fuzz.py``, its first
    ``size.fuzz`` bodies) sent to a real server, each body's ids made its own: no 5xx, nothing
    written by a rejected body, and the server still answers and applies a valid event."""
    with fake_stripe(chaos.secrets, seed=chaos.seed) as stripe:
        template = customer_created(stripe.fake, "Fuzz")
        event_id, object_id = str(template["id"]), str(template["data"]["object"]["id"])
        rng = random.Random(7)
        bodies: list[tuple[bytes, Any]] = []
        for n, (body, sign, _) in enumerate(itertools.islice(corpus(template), size.fuzz)):
            body = body.replace(event_id.encode(), f"evt_fz{n:06d}x".encode())
            body = body.replace(object_id.encode(), f"cus_fz{n:06d}x".encode())
            headers = headers_for(body, sign, rng, chaos.secrets.webhook_secret)
            bodies.append((body, lambda _, headers=headers: headers))
        url = chaos.database("fuzz")
        with _server(chaos, stripe, url) as server:
            deliveries = asyncio.run(post_all(f"{server.url}/webhooks", bodies, concurrency=8))
            valid = customer_created(stripe.fake, "After the corpus")
            after = asyncio.run(
                post_all(f"{server.url}/webhooks", _bodies(chaos, [valid]), concurrency=1)
            )
            alive = server.alive() and after.answers[0].status == 200
        chaos.outputs.add(deliveries.texts("fuzz"))
        rejected = {n for n, a in enumerate(deliveries.answers) if a.status != 200}
        written = {int(m.group(1)) for text in _ids(url) for m in _MARK.finditer(text)}
        figures = FuzzFigures(
            inputs=len(bodies),
            statuses=deliveries.statuses,
            server_errors=sum(n for s, n in deliveries.statuses.items() if s >= 500 or s == 0),
            accepted=len(bodies) - len(rejected),
            written_by_rejected=len(written & rejected),
            alive=alive,
        )
    figures.problems = _problems(
        ("answers 5xx or none", figures.server_errors),
        ("rejected inputs that wrote", figures.written_by_rejected),
        ("server down, or not applying a valid event, after the corpus", not figures.alive),
    )
    if not 0 < figures.accepted < figures.inputs:
        figures.problems.append(f"{figures.accepted} of {figures.inputs} inputs accepted")
    return figures


def _ids(url: str) -> list[str]:
    """Every id in the sync schema: each table's ``id`` column and the dead letters' events."""
    with psycopg.connect(admin_view(url)) as conn:
        tables = [
            str(r[0])
            for r in conn.execute(
                "SELECT c.table_name FROM information_schema.columns c"
                " JOIN information_schema.tables t USING (table_schema, table_name)"
                " WHERE c.table_schema = 'stripe' AND c.column_name = 'id'"
                " AND t.table_type = 'BASE TABLE'"
            )
        ]
        found = [
            str(r[0])
            for table in tables
            for r in conn.execute(
                sql.SQL("SELECT id::text FROM stripe.{}").format(sql.Identifier(table))
            )
        ]
        found += [str(r[0]) for r in conn.execute("SELECT event_id FROM stripe._dead_letters")]
    return found
