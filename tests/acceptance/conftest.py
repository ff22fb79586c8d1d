"""Fixtures of the acceptance tests besides the suite's: a fake Supabase project."""

from __future__ import annotations

from tests.integration.supabase_fixtures import (  # noqa: F401 - fixtures
    fake_supabase,
    pg15_extension_dir,
    supabase_pg_template,
    supabase_project_db,
)
