"""The ``stripe-sync`` command: parses flags and environment, calls the library, maps errors.

No logic of its own lives here: one module per command group, each a thin layer over the
library API. Every flag that can come from the environment names its variable in ``--help``.
Errors print one clear line on stderr and exit non-zero: 1 for an operational failure
(database, Stripe), 2 for bad input or configuration.
"""

from __future__ import annotations

from . import (
    accounts,
    backfill,
    changes,
    db,
    demo,
    entities,
    events,
    fake,
    start,
    supabase,
    verify,
    webhooks,
)
from ._common import main

__all__ = ["main"]
del accounts, backfill, changes, db, demo, entities, events, fake, start, supabase, verify, webhooks
