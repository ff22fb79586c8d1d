"""``stripe-sync start`` serves on uvloop and httptools (30 % less server CPU per webhook than
asyncio + h11 in bench/server.py): both are dependencies, so a missing one is a packaging bug."""

from __future__ import annotations

import uvicorn
import uvloop

from stripe_sync.cli.start import _new_event_loop


def test_the_service_loop_is_uvloop() -> None:
    loop = _new_event_loop()
    try:
        assert isinstance(loop, uvloop.Loop)
    finally:
        loop.close()


def test_uvicorn_chooses_httptools_for_the_webhook_app() -> None:
    # The service builds uvicorn.Config with the default http="auto", which takes httptools
    # when it can be imported and falls back to the pure-Python h11 otherwise.
    async def app(scope: object, receive: object, send: object) -> None:
        raise AssertionError("not called")

    config = uvicorn.Config(app)
    config.load()
    assert config.http_protocol_class.__name__ == "HttpToolsProtocol"
