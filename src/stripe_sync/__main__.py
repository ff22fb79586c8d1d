"""``python -m stripe_sync``: the ``stripe-sync`` command."""

from .cli import main

main()
