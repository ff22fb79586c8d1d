"""The endpoint URL ``stripe-sync start`` registers for a ``--public-url``."""

from __future__ import annotations

import logging

import pytest

from stripe_sync.errors import ConfigError
from stripe_sync.service import webhook_url


@pytest.mark.parametrize(
    ("given", "registered"),
    [
        ("https://sync.example.com", "https://sync.example.com/webhooks"),
        ("https://sync.example.com/", "https://sync.example.com/webhooks"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/webhooks"),
        ("https://sync.example.com/webhooks", "https://sync.example.com/webhooks"),
        ("https://h.example.com/stripe/webhooks/", "https://h.example.com/stripe/webhooks/"),
        ("https://h.example.com/?k=1", "https://h.example.com/webhooks?k=1"),
    ],
)
def test_the_webhook_route_is_appended_to_a_bare_origin(given: str, registered: str) -> None:
    assert webhook_url(given) == registered


def test_another_path_is_kept_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="stripe_sync.service"):
        assert webhook_url("https://proxy.example.com/hooks/stripe") == (
            "https://proxy.example.com/hooks/stripe"
        )
    assert "/hooks/stripe" in caplog.text
    assert "/webhooks" in caplog.text


@pytest.mark.parametrize("given", ["sync.example.com", "ftp://h/webhooks", "https://", "/webhooks"])
def test_what_is_not_an_http_url_is_refused(given: str) -> None:
    with pytest.raises(ConfigError, match="http"):
        webhook_url(given)
