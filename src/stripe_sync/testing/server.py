"""Running the fake over real HTTP: in a background thread (tests) or blocking (the CLI).

``run_in_thread`` starts uvicorn on a free port and yields a :class:`RunningServer` whose
``url`` goes to ``stripe.StripeClient(..., base_addresses={"api": url})``; leaving the block
stops the server and the webhook workers. ``serve`` is what ``stripe-sync fake-stripe`` calls.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn

from .fake import DEFAULT_API_KEY, FakeStripe
from .faults import FaultConfig

__all__ = ["RunningServer", "free_port", "run_in_thread", "serve"]

logger = logging.getLogger(__name__)


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class RunningServer:
    """A fake served over HTTP: ``url`` (``http://127.0.0.1:PORT``) and the ``fake`` itself."""

    url: str
    fake: FakeStripe
    host: str
    port: int


def _config(fake: FakeStripe, host: str, port: int, log_level: str) -> uvicorn.Config:
    return uvicorn.Config(
        fake.app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=2,
        # Longer than the engine's client keeps an idle connection (client.LIMITS, 30 s): with
        # uvicorn's 5 s, a request sent on a connection just as the fake closed it failed with
        # a ReadError, which the client retried with a warning in the test's output.
        timeout_keep_alive=75,
    )


@contextmanager
def run_in_thread(
    fake: FakeStripe | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    log_level: str = "warning",
    startup_timeout: float = 10.0,
) -> Iterator[RunningServer]:
    """Serve ``fake`` (a new one by default) with uvicorn in a daemon thread.

    The server is stopped when the block exits; a fake created here is also closed.
    """
    owned = fake is None
    fake = fake or FakeStripe()
    port = port or free_port(host)
    server = uvicorn.Server(_config(fake, host, port, log_level))
    # The thread installs no signal handlers (uvicorn only does so in the main thread).
    thread = threading.Thread(
        target=lambda: asyncio.run(server.serve()), daemon=True, name=f"fake-stripe-{port}"
    )
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            thread.join(timeout=5)
            raise RuntimeError(f"fake Stripe server did not start on {host}:{port}")
        time.sleep(0.01)
    try:
        yield RunningServer(f"http://{host}:{port}", fake, host, port)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        if owned:
            fake.close()


def serve(
    host: str = "127.0.0.1",
    port: int = 12111,
    *,
    api_keys: Sequence[str] = (DEFAULT_API_KEY,),
    account_id: str | None = None,
    seed: int | None = None,
    seed_scale: int = 0,
    latency_ms: float = 0.0,
    latency_jitter_ms: float = 0.0,
    rate_limit_probability: float = 0.0,
    server_error_probability: float = 0.0,
    global_rps: float | None = None,
    list_rps: float | None = None,
    log_level: str = "info",
    on_listening: Callable[[], None] | None = None,
) -> None:
    """Run a fake Stripe server in the foreground until interrupted (the CLI's entry point).

    ``seed_scale`` > 0 loads :meth:`FakeStripe.seed_realistic` data before serving.
    ``on_listening`` is called once the server accepts connections, and so after its SIGINT and
    SIGTERM handlers are in place: from then on an interrupt stops it.
    """
    faults = FaultConfig(
        latency_ms=latency_ms,
        latency_jitter_ms=latency_jitter_ms,
        rate_limit_probability=rate_limit_probability,
        server_error_probability=server_error_probability,
        global_rps=global_rps,
        list_rps=list_rps,
        seed=seed,
    )
    with FakeStripe(api_keys, account_id=account_id, seed=seed, faults=faults) as fake:
        if seed_scale:
            counts = fake.seed_realistic(seed_scale)
            logger.info("seeded fake Stripe", extra={"objects": sum(counts.values())})
        logger.info(
            "fake Stripe listening", extra={"host": host, "port": port, "account": fake.account_id}
        )
        _AnnouncingServer(_config(fake, host, port, log_level), on_listening).run()


class _AnnouncingServer(uvicorn.Server):
    """uvicorn that calls ``on_listening`` once it accepts connections."""

    def __init__(self, config: uvicorn.Config, on_listening: Callable[[], None] | None) -> None:
        super().__init__(config)
        self._on_listening = on_listening

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started and self._on_listening is not None:
            self._on_listening()
