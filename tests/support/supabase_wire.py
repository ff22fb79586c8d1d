"""The fake Supabase's wire: what it records and answers, its JWTs and multipart bodies."""

from __future__ import annotations

import base64
import email.parser
import email.policy
import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Loaded as their PostgreSQL text form in query results (JSON has no such types).
TEXT_TYPES = ("numeric", "date", "time", "timetz", "timestamp", "timestamptz", "interval",
               "uuid", "bytea", "inet", "cidr")  # fmt: skip
HOP_HEADERS = frozenset(
    {"host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade",
     "content-encoding"}
)  # fmt: skip
SLUG = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Call:
    """One request the fake received; ``summary`` never holds a secret value or the token."""

    method: str
    path: str
    status: int
    summary: Mapping[str, Any]
    injected: bool = False


@dataclass(frozen=True)
class DeployedFunction:
    """A function as deployed: ``files`` maps each relative path to its bytes."""

    id: str
    slug: str
    name: str
    version: int
    entrypoint_path: str
    verify_jwt: bool
    files: Mapping[str, bytes]
    created_at: int
    updated_at: int

    def response(self) -> dict[str, Any]:
        """The Management API's ``FunctionResponse`` object."""
        return {
            "id": self.id,
            "slug": self.slug,
            "name": self.name,
            "status": "ACTIVE",
            "version": self.version,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "verify_jwt": self.verify_jwt,
            "import_map": False,
            "entrypoint_path": self.entrypoint_path,
        }


@dataclass(frozen=True)
class NetResponse:
    """One pg_net request delivered by :meth:`FakeSupabase.drain_net`."""

    id: int
    method: str
    url: str
    status_code: int | None
    content: str
    error: str | None = None

    def json(self) -> Any:
        return json.loads(self.content)


@dataclass(frozen=True)
class CronRun:
    """The outcome of :meth:`FakeSupabase.run_cron_job` (also written to cron.job_run_details)."""

    jobid: int
    status: str  # 'succeeded' | 'failed'
    return_message: str


@dataclass
class Failure:
    method: str
    pattern: re.Pattern[str]
    status: int
    remaining: int


@dataclass(frozen=True)
class Reply:
    status: int
    body: Any = None
    summary: Mapping[str, Any] = field(default_factory=dict)
    raw: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(secret: bytes, payload: Mapping[str, Any]) -> str:
    head = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64url(json.dumps(payload, separators=(",", ":")).encode())
    sig = hmac.new(secret, f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{b64url(sig)}"


def jwt_role(secret: bytes, token: str) -> str | None:
    """The ``role`` claim of a valid HS256 token signed with ``secret``, else None."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    expected = b64url(hmac.new(secret, f"{parts[0]}.{parts[1]}".encode(), "sha256").digest())
    if not hmac.compare_digest(expected, parts[2]):
        return None
    try:
        claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except ValueError:
        return None
    role = claims.get("role") if isinstance(claims, dict) else None
    return role if isinstance(role, str) else None


def parse_multipart(content_type: str, body: bytes) -> list[tuple[str, str | None, bytes]]:
    """(field name, filename, bytes) of each part of a multipart/form-data body."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    if not message.is_multipart():
        raise ValueError("expected a multipart/form-data body")
    parts = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if not isinstance(name, str) or not isinstance(payload, bytes):
            raise ValueError("malformed multipart part")
        parts.append((name, part.get_filename(), payload))
    return parts


def json_value(value: Any) -> Any:
    if isinstance(value, dict | list | str | int | float | bool) or value is None:
        return value
    return str(value)
