"""Fixtures of the acceptance tests besides the suite's: a fake Supabase project."""

from __future__ import annotations

import pytest

from tests.integration.supabase_fixtures import (  # noqa: F401 - fixtures
    fake_supabase,
    pg15_extension_dir,
    supabase_pg_template,
    supabase_project_db,
)

# The shared helpers' asserts report as a test's own do (pytest rewrites only test modules and
# conftests by itself).
pytest.register_assert_rewrite("tests.acceptance.helpers")
