"""The status page of ``stripe-sync start`` in a real headless Chromium (Debian's ``chromium``
and ``chromium-driver``, installed by .ci/run; without them this test fails, it never skips).

``stripe-sync start`` runs as a subprocess against a seeded database and the fake Stripe over
HTTP (events mode, a status token in ``STRIPE_SYNC_STATUS_TOKEN``). The browser opens the page
with ``?token=`` once, sees the seeded rows without a console error, sees a new event appear
after the page reloads itself, and is refused once its cookie is gone. The screenshot is kept
at ``test-artifacts/status-page.png`` (git-ignored) for CI to collect.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from stripe_sync.testing import FakeStripe, RunningServer, free_port, run_in_thread
from tests.acceptance.helpers import stop
from tests.acceptance.test_start import start
from tests.conftest import deselect_hint
from tests.integration.status_seed import ENDPOINT_URL, Seeded, seed_status

TOKEN = "browser-status-token-0123456789"
SCREENSHOT = Path(__file__).resolve().parents[2] / "test-artifacts" / "status-page.png"
CHROMIUM = ("chromium", "chromium-browser", "google-chrome")


@pytest.fixture
def stripe() -> Iterator[RunningServer]:
    with FakeStripe(seed=23) as fake, run_in_thread(fake) as running:
        yield running


@pytest.fixture(scope="session")
def chromium() -> tuple[str, str]:
    """Chromium and its driver (marker ``browser``)."""
    binary = next((found for name in CHROMIUM if (found := shutil.which(name))), None)
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        pytest.fail(
            "headless Chromium is needed: install Debian's chromium and chromium-driver "
            f"(.ci/run does) {deselect_hint('browser')}"
        )
    return binary, driver_path


@pytest.fixture
def browser(chromium: tuple[str, str]) -> Iterator[webdriver.Chrome]:
    binary, driver_path = chromium
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,1000",
    ):
        options.add_argument(argument)
    # browser: the console; performance: the DevTools network events (the refusal's status).
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        yield driver
    finally:
        driver.quit()


def wait(condition: Callable[[], bool], what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def text_of(driver: webdriver.Chrome, element_id: str) -> str:
    found = driver.find_elements(By.ID, element_id)
    return str(found[0].text) if found else ""


def console_errors(driver: webdriver.Chrome) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = driver.get_log("browser")  # type: ignore[no-untyped-call]
    return [e for e in entries if e.get("level") in ("SEVERE", "ERROR")]


def test_the_status_page_in_a_browser(
    stripe: RunningServer, database_url: str, browser: webdriver.Chrome, monkeypatch: Any
) -> None:
    fake = stripe.fake
    seeded: Seeded = asyncio.run(seed_status(fake, database_url))
    port = free_port()
    monkeypatch.setenv("STRIPE_SYNC_STATUS_TOKEN", TOKEN)
    process = start(
        stripe, database_url, "--listen-mode", "events", "--poll-interval", "0.3",
        "--no-backfill", "--status-refresh", "1", "--port", str(port),
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait(lambda: _answers(f"{base}/health"), "the server")
        # The poller's first pass records where events start; what happens next is applied.
        wait(lambda: _event_cursors(database_url) > 0, "the events cursor")

        browser.get(f"{base}/?token={TOKEN}")
        assert browser.current_url == f"{base}/", "the token leaves the URL"
        assert browser.title == "stripe-sync status"
        account = seeded.account_id
        customers = text_of(browser, f"{account}-customer-test")
        assert customers.startswith("customer"), customers
        assert "3" in customers  # the three backfilled customers
        assert text_of(browser, f"{account}-product-test").startswith("product")
        body = browser.find_element(By.TAG_NAME, "body").text
        assert seeded.webhook_id in body
        assert ENDPOINT_URL in body
        assert seeded.dead_event_id in body
        assert "StripePermissionError" in body
        assert TOKEN not in browser.page_source
        # Tax rates come by events only, and an event does not keep its mode: row 'unknown'.
        assert text_of(browser, f"{account}-tax_rate-unknown") == ""

        # An event: the page shows it after reloading itself (no driver.refresh()).
        first_read = text_of(browser, "taken-at")
        fake.call(
            "POST",
            "/v1/tax_rates",
            {"display_name": "VAT", "percentage": "20", "inclusive": "false"},
        )
        wait(lambda: text_of(browser, f"{account}-tax_rate-unknown") != "", "the event on the page")
        assert text_of(browser, "taken-at") != first_read
        assert browser.current_url == f"{base}/"
        errors = console_errors(browser)
        assert errors == [], errors

        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        assert browser.save_screenshot(str(SCREENSHOT))
        print(f"status page screenshot: {SCREENSHOT}")

        # Without the cookie (and so without the token), or with a wrong token, the page is
        # refused: 401 asking for basic auth (headless Chromium shows no prompt, just no page).
        for url in (f"{base}/", f"{base}/?token=wrong-{TOKEN}"):
            browser.delete_all_cookies()
            browser.get_log("performance")  # type: ignore[no-untyped-call]
            browser.get(url)
            assert _statuses(browser, url) == [401], url
            assert seeded.webhook_id not in browser.page_source
            assert account not in browser.page_source
    finally:
        stop(process)


def _statuses(driver: webdriver.Chrome, url: str) -> list[int]:
    """The HTTP statuses the browser received for ``url`` since its performance log was read."""
    statuses = []
    for entry in driver.get_log("performance"):  # type: ignore[no-untyped-call]
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.responseReceived":
            response = message["params"]["response"]
            if response["url"] == url:
                statuses.append(int(response["status"]))
    return statuses


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _event_cursors(database_url: str) -> int:
    with psycopg.connect(database_url) as conn:
        row = conn.execute('SELECT count(*) FROM stripe."_event_cursors"').fetchone()
    return int(row[0]) if row else 0
