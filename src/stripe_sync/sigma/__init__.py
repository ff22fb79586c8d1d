"""Stripe Sigma: the reporting tables, synced into the ``sigma`` schema through Stripe's query API.

:mod:`stripe_sync.sigma.api` is the client of the query-run API (create a run, poll it, stream
its result as CSV).
"""
