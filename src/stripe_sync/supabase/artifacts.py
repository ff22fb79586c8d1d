"""What a deployment puts into a Supabase project: the edge functions' files, the function
secrets' names, the worker's pg_cron job and schedule, and the schemas it never installs into."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from importlib import resources

from ..config import DEFAULT_SCHEMA
from ..errors import SupabaseError

__all__ = [
    "CRON_JOB",
    "FUNCTIONS",
    "RESERVED_SCHEMAS",
    "SECRET_NAMES",
    "cron_job_name",
    "files_digest",
    "function_files",
    "schedule_for",
]

#: The edge functions a deployment runs, by slug.
FUNCTIONS: tuple[str, ...] = ("stripe-webhook", "stripe-worker", "stripe-setup")
CRON_JOB = "stripe-sync-worker"


def cron_job_name(schema: str) -> str:
    """The worker's pg_cron job: one per schema, so two deployments never share one."""
    return CRON_JOB if schema == DEFAULT_SCHEMA else f"{CRON_JOB}-{schema}"


#: Schemas a deployment never installs into: Supabase's own, and ``public``, whose tables the
#: project's default privileges open to the ``anon`` and ``authenticated`` API roles (the webhook
#: signing secrets would be readable with the public anon key).
RESERVED_SCHEMAS = frozenset(
    {
        "public",
        "auth",
        "storage",
        "extensions",
        "graphql",
        "graphql_public",
        "realtime",
        "supabase_functions",
        "supabase_migrations",
        "vault",
        "pgbouncer",
        "net",
        "cron",
        "information_schema",
    }
)
#: Function secrets the deployment sets (and uninstall removes).
SECRET_NAMES: tuple[str, ...] = (
    "STRIPE_SYNC_STRIPE_KEY",
    "STRIPE_SYNC_FUNCTION_SECRET",
    "STRIPE_SYNC_SCHEMA",
    "STRIPE_SYNC_API_VERSION",
    "STRIPE_SYNC_API_BASE",
)


def function_files(slug: str) -> dict[str, bytes]:
    """The files deployed for ``slug``: its ``index.ts`` and the shared modules, by path."""
    if slug not in FUNCTIONS:
        raise SupabaseError(f"unknown edge function {slug!r}; known: {', '.join(FUNCTIONS)}")
    root = resources.files("stripe_sync.supabase").joinpath("functions")
    files = {f"{slug}/index.ts": root.joinpath(slug, "index.ts").read_bytes()}
    shared = root.joinpath("_shared")
    for entry in sorted(shared.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".ts", ".json")) and not entry.name.endswith(".test.ts"):
            files[f"_shared/{entry.name}"] = entry.read_bytes()
    return files


def files_digest(files: Mapping[str, bytes]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path] + b"\0")
    return digest.hexdigest()


def schedule_for(seconds: int) -> str:
    """The pg_cron schedule running every ``seconds``: ``'N seconds'`` (1-59) or a cron line."""
    if 1 <= seconds <= 59:
        return f"{seconds} seconds"
    if seconds % 60 == 0 and 60 <= seconds <= 3600:
        minutes = seconds // 60
        return (
            "* * * * *"
            if minutes == 1
            else ("0 * * * *" if minutes == 60 else f"*/{minutes} * * * *")
        )
    raise SupabaseError(
        f"--worker-interval {seconds}: use 1-59 seconds or a whole number of minutes up to 60 "
        "(60, 120, ... 3600)"
    )
