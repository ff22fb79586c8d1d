"""How write endpoints are declared: a method, a path template and a handler."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .ops import Ctx

__all__ = ["Handler", "Route"]

#: ``handler(ctx, params, path_args)`` returns the response body.
Handler = Callable[[Ctx, dict[str, Any], dict[str, str]], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Route:
    """One endpoint: ``POST /v1/customers/{id}`` -> handler."""

    method: str
    path: str
    handler: Handler
