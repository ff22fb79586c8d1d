"""Webhook deliveries to a ``stripe-sync start`` server, as Stripe makes them.

:func:`post_all` sends bodies with a number in flight, each signed when it is sent; with
``retry_for`` a delivery that got no answer or a 5xx is sent again (Stripe retries until it
gets a 2xx) until that many seconds have passed. Every attempt's status is counted and every
answer kept, to look for secrets in them.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import httpx

from stripe_sync.testing import sign_payload

#: Headers of a delivery, made when it is sent (the signature's timestamp is then).
Headers = Callable[[bytes], dict[str, str]]


def signer(secret: str) -> Headers:
    return lambda body: {"Stripe-Signature": sign_payload(body, secret)}


@dataclass
class Answer:
    """The last answer to one delivery."""

    status: int = 0  # 0: no answer (connection refused or reset, timeout)
    body: str = ""
    attempts: int = 0
    #: ``time.monotonic()`` of the first 2xx.
    acknowledged: float | None = None


@dataclass
class Deliveries:
    """What :func:`post_all` did: an answer per body, in order, and every attempt's status."""

    answers: list[Answer]
    statuses: Counter[int] = field(default_factory=Counter)

    @property
    def server_errors(self) -> int:
        """Attempts answered 5xx (503, transient, included)."""
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def texts(self, where: str) -> list[tuple[str, str]]:
        """The distinct answers, to look for secrets in."""
        return [(f"{where} answer", text) for text in sorted({a.body for a in self.answers})]


async def post_all(
    url: str,
    bodies: Sequence[tuple[bytes, Headers]],
    *,
    concurrency: int,
    retry_for: float = 0.0,
    answers: list[Answer] | None = None,
) -> Deliveries:
    """POST each body to ``url`` with its headers, ``concurrency`` at a time. ``answers``
    (one per body, filled in as they come) lets a caller watch the progress."""
    answers = answers if answers is not None else [Answer() for _ in bodies]
    done = Deliveries(answers)
    queue = iter(enumerate(bodies))
    deadline = time.monotonic() + retry_for

    async def worker(client: httpx.AsyncClient) -> None:
        for index, (body, headers) in queue:
            answer = answers[index]
            while True:
                answer.attempts += 1
                try:
                    response = await client.post(url, content=body, headers=headers(body))
                    answer.status, answer.body = response.status_code, response.text
                except httpx.TransportError as exc:
                    answer.status, answer.body = 0, type(exc).__name__
                done.statuses[answer.status] += 1
                if 200 <= answer.status < 300:
                    answer.acknowledged = time.monotonic()
                    break
                if not (answer.status == 0 or answer.status >= 500):
                    break  # rejected for good (4xx): sending it again changes nothing
                if time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.2)

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return done
