"""The framework examples of ``docs/frameworks.md``, run as written.

Each ``<!-- snippet: NAME -->`` code block of the page is executed as a module of its own, with
its configuration in the environment variables it reads, and called through the framework's own
test client: FastAPI's ``TestClient`` (which runs the lifespan), Flask's ``test_client()`` and
Django's ``Client`` under a minimal ``settings.configure``. The engine reaches the fake Stripe
over real HTTP (``STRIPE_API_BASE``) and writes to the real PostgreSQL, so the page and these
tests cannot drift apart.
"""

from __future__ import annotations

import asyncio
import atexit
import json
import os
import re
import subprocess
import sys
import textwrap
import time
import types
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.conninfo import make_conninfo

from stripe_sync import ConfigError
from stripe_sync.signature import compute_signature
from stripe_sync.testing import FakeStripe, RunningServer, free_port, run_in_thread
from tests.integration.helpers import WEBHOOK_SECRET, count, rows

DOC = Path(__file__).resolve().parents[2] / "docs" / "frameworks.md"
FRAMEWORKS = ("fastapi", "fastapi-mount", "flask", "django")
OTHER_SECRET = "whsec_somebody_else_1111111111111"
# Starlette 1.x warns when its TestClient is imported with httpx instead of httpx2 (which
# stripe-sync does not depend on); only that warning is ignored, only here.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Using `httpx` with `starlette.testclient` is deprecated"
    ":starlette.exceptions.StarletteDeprecationWarning"
)
_SNIPPET = re.compile(
    r"^<!-- snippet: (?P<name>[a-z-]+) -->\n```python\n(?P<code>.*?)^```$", re.M | re.S
)


def snippets() -> dict[str, str]:
    """The marked python blocks of the page, by name."""
    found: dict[str, str] = {}
    for match in _SNIPPET.finditer(DOC.read_text()):
        assert match["name"] not in found, f"two snippets named {match['name']!r}"
        found[match["name"]] = match["code"]
    return found


def load(name: str) -> types.ModuleType:
    """Execute one snippet as a fresh module, registered in ``sys.modules`` (Django's URLconf
    and Flask's root path look it up there); :func:`unload` removes it."""
    module = types.ModuleType(f"frameworks_doc_{name.replace('-', '_')}_{time.monotonic_ns()}")
    module.__file__ = str(DOC)
    sys.modules[module.__name__] = module
    exec(compile(snippets()[name], f"{DOC}[{name}]", "exec"), module.__dict__)
    return module


def unload(module: types.ModuleType) -> None:
    sys.modules.pop(module.__name__, None)


# -- the framework harnesses ------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    status: int
    json: Any
    headers: Mapping[str, str]


Post = Callable[[bytes, dict[str, str]], Answer]


@contextmanager
def fastapi_client(module: types.ModuleType) -> Iterator[Post]:
    from fastapi.testclient import TestClient

    # ``with`` runs the lifespan; server errors become 500 answers, as under uvicorn.
    with TestClient(module.app, raise_server_exceptions=False) as client:

        def post(body: bytes, headers: dict[str, str]) -> Answer:
            response = client.post("/stripe/webhooks", content=body, headers=headers)
            is_json = response.headers.get("content-type") == "application/json"
            return Answer(
                response.status_code, response.json() if is_json else None, response.headers
            )

        yield post


def _close_engine(module: types.ModuleType) -> None:
    """Close the snippet's cached StripeSync, as its ``atexit`` hook would."""
    if module.stripe_sync.cache_info().currsize:
        engine = module.stripe_sync()
        engine.close()
        atexit.unregister(engine.close)


@contextmanager
def flask_client(module: types.ModuleType) -> Iterator[Post]:
    client = module.app.test_client()

    def post(body: bytes, headers: dict[str, str]) -> Answer:
        response = client.post("/stripe/webhooks", data=body, headers=headers)
        return Answer(response.status_code, response.get_json(silent=True), response.headers)

    try:
        yield post
    finally:
        _close_engine(module)


def configure_django() -> None:
    """Once per process: just enough settings to route a request to the snippet's view."""
    import django
    from django.conf import settings

    if settings.configured:
        return
    settings.configure(
        SECRET_KEY="frameworks-test-only",
        ALLOWED_HOSTS=["testserver"],  # else every request is a 400 DisallowedHost
        INSTALLED_APPS=[],
        DATABASES={},
        MIDDLEWARE=[
            "django.middleware.common.CommonMiddleware",
            # Present so that the test proves the view's csrf_exempt.
            "django.middleware.csrf.CsrfViewMiddleware",
        ],
        ROOT_URLCONF=None,  # set per test to the snippet's module
        LOGGING_CONFIG=None,  # leave the process's logging alone
        USE_TZ=True,
    )
    django.setup()


@contextmanager
def django_client(module: types.ModuleType) -> Iterator[Post]:
    configure_django()
    from django.test import Client, override_settings

    client = Client(enforce_csrf_checks=True, raise_request_exception=False)

    def post(body: bytes, headers: dict[str, str]) -> Answer:
        response = client.post(
            "/stripe/webhooks", data=body, content_type="application/json", headers=headers
        )
        is_json = response.headers.get("Content-Type") == "application/json"
        return Answer(response.status_code, response.json() if is_json else None, response.headers)

    try:
        with override_settings(ROOT_URLCONF=module.__name__):
            yield post
    finally:
        _close_engine(module)


HARNESSES: dict[str, Callable[[types.ModuleType], Any]] = {
    "fastapi": fastapi_client,
    "fastapi-mount": fastapi_client,
    "flask": flask_client,
    "django": django_client,
}


# -- fixtures -------------------------------------------------------------------------------


@pytest.fixture
def stripe_http(fake: FakeStripe) -> Iterator[RunningServer]:
    """The fake Stripe over real HTTP: the snippets reach it through ``STRIPE_API_BASE``."""
    with run_in_thread(fake) as server:
        yield server


@pytest.fixture
def environment(
    monkeypatch: pytest.MonkeyPatch, fake: FakeStripe, stripe_http: RunningServer, database_url: str
) -> pytest.MonkeyPatch:
    """The variables the snippets read; a test may override some before :func:`served`."""
    monkeypatch.setenv("STRIPE_API_KEY", fake.api_key)
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET)
    monkeypatch.setenv("STRIPE_API_BASE", stripe_http.url)
    monkeypatch.setenv("DATABASE_URL", database_url)
    return monkeypatch


@contextmanager
def served(framework: str) -> Iterator[Post]:
    module = load(framework)
    try:
        with HARNESSES[framework](module) as post:
            yield post
    finally:
        unload(module)


def customer_created(fake: FakeStripe, name: str) -> dict[str, Any]:
    customer = fake.call("POST", "/v1/customers", {"name": name})
    (event,) = [
        e
        for e in fake.events(type_="customer.created")
        if e["data"]["object"]["id"] == customer["id"]
    ]
    return event


def signed(event: dict[str, Any], secret: str = WEBHOOK_SECRET) -> tuple[bytes, dict[str, str]]:
    body, header = FakeStripe.signed_event(event, secret)
    return body, {"Stripe-Signature": header}


def nothing_written(url: str) -> bool:
    return count(url, "customers") == 0 and count(url, "_processed_events") == 0


# -- the page itself ------------------------------------------------------------------------


def test_the_page_has_one_snippet_per_framework() -> None:
    # A renamed or dropped marker must fail here rather than leave a block untested.
    assert set(snippets()) == set(FRAMEWORKS)
    for code in snippets().values():
        assert "os.environ" in code
        assert "STRIPE_API_BASE" in code


# -- every framework --------------------------------------------------------------------------


@pytest.mark.usefixtures("environment")
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_signed_event_is_written(framework: str, fake: FakeStripe, database_url: str) -> None:
    event = customer_created(fake, "Ada")
    customer_id = event["data"]["object"]["id"]

    with served(framework) as post:
        answer = post(*signed(event))
        assert answer.status == 200
        assert answer.json == {"received": True, "outcome": "written", "event_id": event["id"]}
        # Answered after the commit: another connection sees the row.
        assert rows(database_url, "customers")[customer_id]["name"] == "Ada"
        assert set(rows(database_url, "_processed_events")) == {event["id"]}

        again = post(*signed(event))
        assert again.status == 200
        assert again.json["outcome"] == "duplicate"


@pytest.mark.usefixtures("environment")
@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("case", ["wrong_secret", "tampered_body", "missing_header"])
def test_bad_signature_is_400_and_writes_nothing(
    framework: str, case: str, fake: FakeStripe, database_url: str
) -> None:
    event = customer_created(fake, "Ada")
    body, headers = signed(event, OTHER_SECRET if case == "wrong_secret" else WEBHOOK_SECRET)
    if case == "tampered_body":
        body = body.replace(b"Ada", b"Eve")
    if case == "missing_header":
        headers = {}

    with served(framework) as post:
        answer = post(body, headers)

    assert answer.status == 400
    assert answer.json["received"] is False
    assert "signature" in answer.json["error"].lower()
    assert nothing_written(database_url)


@pytest.mark.usefixtures("environment")
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_reencoded_json_is_rejected(framework: str, fake: FakeStripe, database_url: str) -> None:
    # Why the page insists on raw bytes: the same event, parsed and encoded again, no longer
    # matches the signature Stripe made over the bytes it sent.
    event = customer_created(fake, "Ada")
    body, headers = signed(event)
    reencoded = json.dumps(json.loads(body)).encode()  # what a framework's JSON parser gives
    assert json.loads(reencoded) == json.loads(body)
    assert reencoded != body

    with served(framework) as post:
        answer = post(reencoded, headers)

    assert answer.status == 400
    assert nothing_written(database_url)


@pytest.mark.usefixtures("environment")
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_malformed_body_is_400(framework: str, database_url: str) -> None:
    body = b"this is not a Stripe event"
    t = int(time.time())
    headers = {"Stripe-Signature": f"t={t},v1={compute_signature(body, WEBHOOK_SECRET, t)}"}

    with served(framework) as post:
        answer = post(body, headers)

    assert answer.status == 400
    assert answer.json["received"] is False
    assert nothing_written(database_url)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_transient_error_is_503_with_retry_after(
    framework: str, environment: pytest.MonkeyPatch, fake: FakeStripe, database_url: str
) -> None:
    # A database too busy to answer: the engine's first query waits on a lock that another
    # session holds, and gives up after lock_timeout (an OperationalError: transient).
    environment.setenv("DATABASE_URL", make_conninfo(database_url, options="-c lock_timeout=200"))
    event = customer_created(fake, "Ada")

    with served(framework) as post, psycopg.connect(database_url) as blocker:
        blocker.execute("LOCK TABLE stripe._managed_webhooks IN ACCESS EXCLUSIVE MODE")
        answer = post(*signed(event))
        blocker.rollback()

        assert answer.status == 503
        assert answer.headers["Retry-After"] == "5"
        assert answer.json["received"] is False
        assert nothing_written(database_url)

        # Stripe's next delivery of the same event goes through.
        retried = post(*signed(event))
        assert retried.status == 200
        assert retried.json["outcome"] == "written"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_terminal_error_is_500(
    framework: str,
    environment: pytest.MonkeyPatch,
    fake: FakeStripe,
    empty_database_url: str,
) -> None:
    # The migrations were never run: a DatabaseError that no retry can fix.
    environment.setenv("DATABASE_URL", empty_database_url)
    event = customer_created(fake, "Ada")

    with served(framework) as post:
        answer = post(*signed(event))

    assert answer.status == 500
    assert "Retry-After" not in answer.headers


# -- lifetime ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("environment")
@pytest.mark.parametrize(
    ("framework", "engine_of"),
    [
        ("fastapi", lambda module: module.app.state.stripe_sync),
        ("fastapi-mount", lambda module: module.sync),
    ],
)
def test_asgi_lifespan_closes_the_engine(
    framework: str, engine_of: Callable[[types.ModuleType], Any], fake: FakeStripe
) -> None:
    module = load(framework)
    try:
        with fastapi_client(module) as post:
            assert post(*signed(customer_created(fake, "Ada"))).status == 200
        engine = engine_of(module)
        with pytest.raises(ConfigError, match="closed"):
            asyncio.run(engine.ping())
    finally:
        unload(module)


@pytest.mark.usefixtures("environment")
@pytest.mark.parametrize("framework", ["flask", "django"])
def test_wsgi_process_exits_after_serving(
    framework: str, fake: FakeStripe, database_url: str
) -> None:
    # The snippets close their StripeSync at exit (atexit); an unclosed one would keep the
    # process alive. A process that served a webhook and then returns must therefore end.
    event = customer_created(fake, "Ada")
    body, headers = signed(event)
    root = str(Path(__file__).resolve().parents[2])
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {root!r})
        from tests.integration import test_frameworks as t
        module = t.load({framework!r})
        if {framework!r} == "django":
            t.configure_django()
            from django.test import Client, override_settings
            with override_settings(ROOT_URLCONF=module.__name__):
                response = Client().post(
                    "/stripe/webhooks", data={body!r}, content_type="application/json",
                    headers={headers!r},
                )
            print(response.status_code)
        else:
            response = module.app.test_client().post(
                "/stripe/webhooks", data={body!r}, headers={headers!r}
            )
            print(response.status_code)
        """
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env=os.environ.copy(),
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the process did not exit: its StripeSync was not closed")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["200"]
    assert set(rows(database_url, "_processed_events")) == {event["id"]}


def test_unclosed_stripesync_does_not_hang_the_interpreter() -> None:
    # BUG (facade.StripeSync): the blocking portal's context manager is left open; at
    # interpreter exit its generator is finalised and calls into the portal's daemon thread,
    # which no longer runs, so the process waits forever. The snippets avoid it with atexit.
    script = textwrap.dedent(
        f"""
        from stripe_sync import StripeSync, StripeSyncConfig
        # Held by a module global until the interpreter exits, like an app's engine.
        sync = StripeSync(StripeSyncConfig(database_url="postgresql://x@127.0.0.1:{free_port()}/x"))
        print("done")
        """
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=20
        )
    except subprocess.TimeoutExpired:
        pytest.fail("a process that made a StripeSync and did not close it never exited")
    assert done.returncode == 0, done.stderr
