"""stripe-sync inside a Supabase project: edge functions, pg_cron, no server of your own.

:class:`SupabaseDeployment` installs, reports on and uninstalls a deployment through the Supabase
Management API (:class:`ManagementClient`). The edge functions it deploys are the TypeScript files
under ``functions/``; they verify, fetch from Stripe and write through the same SQL as the Python
engine (``_apply_event_v2`` is a group of one for ``_apply_changes``, which the engine calls with
its write groups; the backfill's ``_backfill_*``). They route events with ``_route_event_v1``,
which answers as ``_route_change``, the router ``_apply_changes`` runs for the Python engine (a
test holds the two together: tests/integration/test_route_change.py).
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
