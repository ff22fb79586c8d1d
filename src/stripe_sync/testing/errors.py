"""Errors the fake answers with, in Stripe's shape.

Every failure inside the fake is a :class:`FakeStripeError`; the ASGI app turns it into
``{"error": {"type", "code", "message", "param", "doc_url"}}`` with the matching status and
headers, as Stripe does. Helper constructors cover the errors Stripe sends most.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "FakeStripeError",
    "invalid_api_key",
    "mask_key",
    "missing_parameter",
    "no_such",
    "unknown_parameter",
]

_DOCS = "https://stripe.com/docs/error-codes/"


class FakeStripeError(Exception):
    """An error response: HTTP status plus Stripe's error object."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        code: str | None = None,
        param: str | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.code = code
        self.param = param
        self.headers = headers or {}
        #: Further fields of the error object (a card error's ``charge`` and ``decline_code``).
        self.extra = extra or {}

    def body(self, request_id: str) -> dict[str, Any]:
        """The JSON body Stripe sends for this error."""
        error: dict[str, Any] = {"message": self.message, "type": self.type}
        if self.code is not None:
            error["code"] = self.code
            error["doc_url"] = _DOCS + self.code
        if self.param is not None:
            error["param"] = self.param
        error.update(self.extra)
        error["request_log_url"] = (
            f"https://dashboard.stripe.com/test/logs/{request_id}?t=0"
            if self.type != "api_error"
            else None
        )
        return {"error": error}


def mask_key(key: str) -> str:
    """Mask an API key as Stripe does in messages: ``sk_test_****abcd``."""
    head, sep, _ = key.rpartition("_")
    if not sep or len(key) < 12:
        return "****" + key[-4:] if len(key) > 4 else "****"
    return f"{head}_****{key[-4:]}"


def invalid_api_key(key: str | None) -> FakeStripeError:
    """401 for a missing or unknown key; the key itself is never echoed in full."""
    if not key:
        message = (
            "You did not provide an API key. You need to provide your API key in the "
            "Authorization header, using Bearer auth "
            "(e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
        )
        return FakeStripeError(401, message)
    return FakeStripeError(
        401, f"Invalid API Key provided: {mask_key(key)}", code="api_key_invalid"
    )


def permission_denied(key: str, account: str, permission: str | None = None) -> FakeStripeError:
    """403 for a restricted key without the permission an endpoint needs (Stripe's wording,
    which names the permission that would allow the request)."""
    message = (
        f"The provided key '{mask_key(key)}' does not have the required permissions for this "
        f"endpoint on account '{account}'."
    )
    if permission is not None:
        message += f" Having the '{permission}' permission would allow this request to continue."
    return FakeStripeError(403, message)


def no_such(object_name: str, object_id: str, param: str = "id") -> FakeStripeError:
    """404 ``resource_missing``: ``No such customer: 'cus_x'``."""
    return FakeStripeError(
        404, f"No such {object_name}: '{object_id}'", code="resource_missing", param=param
    )


def missing_parameter(name: str) -> FakeStripeError:
    """400 for a required parameter that was not sent."""
    return FakeStripeError(
        400, f"Missing required param: {name}.", code="parameter_missing", param=name
    )


def unknown_parameter(name: str) -> FakeStripeError:
    """400 for a parameter the endpoint does not accept."""
    return FakeStripeError(
        400, f"Received unknown parameter: {name}", code="parameter_unknown", param=name
    )
