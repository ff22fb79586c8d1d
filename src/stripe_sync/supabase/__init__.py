"""stripe-sync inside a Supabase project: edge functions, pg_cron, no server of your own.

:class:`SupabaseDeployment` installs, reports on and uninstalls a deployment through the Supabase
Management API (:class:`ManagementClient`). The edge functions it deploys are the TypeScript files
under ``functions/``; they verify, fetch from Stripe and call the same SQL functions as the Python
engine (``_route_event_v1``, ``_apply_event_v1``, ``_backfill_*``), so the sync rules exist once.
"""

from __future__ import annotations

from .installer import (
    FUNCTIONS,
    InstallResult,
    SupabaseDeployment,
    SupabaseStatus,
    UninstallResult,
    function_files,
)
from .management import DEFAULT_MANAGEMENT_URL, ManagementClient

__all__ = [
    "DEFAULT_MANAGEMENT_URL",
    "FUNCTIONS",
    "InstallResult",
    "ManagementClient",
    "SupabaseDeployment",
    "SupabaseStatus",
    "UninstallResult",
    "function_files",
]
