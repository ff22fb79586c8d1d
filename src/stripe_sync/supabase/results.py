"""What :class:`~stripe_sync.supabase.SupabaseDeployment` answers: the results of install and
uninstall, and an installation's status (never a secret)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["InstallResult", "SupabaseStatus", "UninstallResult"]


@dataclass(frozen=True, slots=True)
class InstallResult:
    """What ``install`` did: the steps that changed something and the ones already done."""

    version: str
    project_url: str
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]
    migrations_applied: tuple[str, ...]
    functions_deployed: tuple[str, ...]
    webhook_id: str | None


@dataclass(frozen=True, slots=True)
class UninstallResult:
    functions_deleted: tuple[str, ...]
    secrets_deleted: tuple[str, ...]
    webhooks_deleted: tuple[str, ...]
    unscheduled: bool
    dropped_schema: bool
    dropped_extensions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SupabaseStatus:
    """An installation as ``status`` reports it: never a secret."""

    installed: bool
    state: str | None
    version: str | None
    package_version: str
    project_url: str
    steps: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    worker_interval: int | None = None
    schedule: str | None = None
    functions: dict[str, Any] = field(default_factory=dict)
    secrets: tuple[str, ...] = ()
    webhooks: tuple[dict[str, Any], ...] = ()
    migrations_applied: int = 0
    migrations_shipped: int = 0
    recent_runs: tuple[dict[str, Any], ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "installed": self.installed,
            "state": self.state,
            "version": self.version,
            "package_version": self.package_version,
            "project_url": self.project_url,
            "steps": self.steps,
            "error": self.error,
            "worker_interval": self.worker_interval,
            "schedule": self.schedule,
            "functions": self.functions,
            "secrets": list(self.secrets),
            "webhooks": list(self.webhooks),
            "migrations": {"applied": self.migrations_applied, "shipped": self.migrations_shipped},
            "recent_runs": list(self.recent_runs),
        }
