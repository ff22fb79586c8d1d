"""Stripe's Search API, as data: which objects it searches and by which query fields.

Seven objects have a ``GET <list path>/search`` endpoint (Stripe's OpenAPI description lists
exactly these). Each accepts a query in Stripe's search query language over a documented set
of fields (https://docs.stripe.com/search, "Query fields for ..."): customers, charges,
invoices, PaymentIntents and subscriptions can be searched by ``created``; prices and products
cannot. A search result carries ``total_count`` only when it is expanded
(``expand[]=total_count``), and Stripe promises it only up to :data:`TOTAL_COUNT_LIMIT`.
All search endpoints share one rate limit, :data:`SEARCH_RPS` read requests per second, in
live and in test mode. Search is eventually consistent (new objects are searchable within
about a minute) and not offered to merchants in India.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from .ratelimit import SEARCH_RPS
from .resources import Resource

__all__ = [
    "MATCH_ALL",
    "QUERY_FIELDS",
    "SEARCH_RPS",
    "TOTAL_COUNT_LIMIT",
    "counts_by_created",
    "search_path",
]

#: ``total_count`` is accurate up to this many objects; a count at or above it is a lower bound.
TOTAL_COUNT_LIMIT: Final = 10_000

#: Registry name -> the fields its search query may use (``metadata['key']`` for metadata).
QUERY_FIELDS: Final = MappingProxyType(
    {
        "charge": frozenset(
            {
                "amount",
                "billing_details.address.postal_code",
                "created",
                "currency",
                "customer",
                "disputed",
                "metadata",
                "payment_method_details.card.brand",
                "payment_method_details.card.exp_month",
                "payment_method_details.card.exp_year",
                "payment_method_details.card.fingerprint",
                "payment_method_details.card.last4",
                "refunded",
                "status",
            }
        ),
        "customer": frozenset({"created", "email", "metadata", "name", "phone"}),
        "invoice": frozenset(
            {
                "created",
                "currency",
                "customer",
                "last_finalization_error_code",
                "last_finalization_error_type",
                "metadata",
                "number",
                "receipt_number",
                "status",
                "subscription",
                "total",
            }
        ),
        "payment_intent": frozenset(
            {"amount", "created", "currency", "customer", "metadata", "status"}
        ),
        "price": frozenset({"active", "currency", "lookup_key", "metadata", "product", "type"}),
        "product": frozenset({"active", "description", "metadata", "name", "shippable", "url"}),
        "subscription": frozenset({"canceled_at", "created", "metadata", "status"}),
    }
)


#: For objects that cannot be searched by ``created``: a query that matches every one of them.
MATCH_ALL: Final = MappingProxyType(
    {
        "price": "active:'true' OR active:'false'",
        "product": "active:'true' OR active:'false'",
    }
)


def search_path(resource: Resource) -> str | None:
    """The search endpoint of ``resource`` (``/v1/customers/search``), or None."""
    if resource.name not in QUERY_FIELDS or resource.list_path is None:
        return None
    return f"{resource.list_path}/search"


def counts_by_created(resource: Resource) -> bool:
    """Whether a search can count ``resource``'s objects in a ``created`` range."""
    return "created" in QUERY_FIELDS.get(resource.name, frozenset())
