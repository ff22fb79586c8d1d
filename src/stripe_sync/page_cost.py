"""What a page of an object costs a backfill beyond its list request, for the estimate.

Two costs, read off one sampling page of each object (:func:`page_costs`):

- **the database's write**: the page written as a backfill writes it, in transactions that are
  rolled back (``measure_write``); only for objects of :data:`MEASURED_PAGES` pages or more,
  which are the ones whose writes can pace a run;
- **nested lists paged to completion** (``auto_expand_lists``): per nested list of the object,
  the share of its objects whose list Stripe truncated (or leaves out unless expanded), and the
  requests that list takes at :data:`~stripe_sync.listing.PAGE_SIZE` a page (``total_count``
  where Stripe gives it, else one), as :class:`~stripe_sync.ingest.Ingestor` lists them.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from .changes import embedded_lists
from .client import StripeClient
from .listing import PAGE_SIZE
from .ratelimit import endpoint_key
from .resources import Resource
from .simulation import NestedPaging, ObjectModel

__all__ = ["MEASURED_PAGES", "MeasureWrite", "nested_paging", "page_costs"]

#: Objects of fewer pages than this are not worth a measured write: they pace nothing.
MEASURED_PAGES = 10

#: Writes one page of an object in a transaction that is rolled back: its seconds, or None.
MeasureWrite = Callable[[Resource, Sequence[Mapping[str, Any]]], Awaitable[float | None]]


def nested_paging(
    resource: Resource, page: Sequence[Mapping[str, Any]]
) -> tuple[NestedPaging, ...]:
    """Per nested list of ``resource`` that some object of ``page`` would have paged to
    completion: its endpoint, the share of the page's objects that need it, and the mean
    requests each of those takes."""
    if not page:
        return ()
    needs: dict[str, list[int]] = {}
    for obj in page:
        for found in embedded_lists(resource, obj):
            must_list = found.has_more or (
                not found.present and found.nested.expand and found.child.is_child
            )
            if not must_list:
                continue
            listed = obj.get(found.nested.field)
            total = listed.get("total_count") if isinstance(listed, Mapping) else None
            pages = math.ceil(total / PAGE_SIZE) if isinstance(total, int) and total > 0 else 1
            needs.setdefault(found.nested.path, []).append(pages)
    return tuple(
        NestedPaging(endpoint_key("GET", path), len(pages) / len(page), sum(pages) / len(pages))
        for path, pages in needs.items()
    )


async def page_costs(
    client: StripeClient,
    plans: Sequence[ObjectModel],
    resources: Mapping[str, Resource],
    pages: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    account: str | None,
    counts: dict[str, int],
    measure_write: MeasureWrite | None,
    expand_lists: bool,
) -> tuple[dict[str, float], dict[str, tuple[NestedPaging, ...]]]:
    """Per object of ``plans`` (not those listed per parent): the seconds one page's write
    took, and its nested lists' paging. ``pages``: a sampling page of each object, where the
    probes saw one; an object without (counted by search) that needs a page costs one list
    request more, counted in ``counts``. One object at a time: each write alone on the
    database."""
    written: dict[str, float] = {}
    nested: dict[str, tuple[NestedPaging, ...]] = {}
    for model in plans:
        resource = resources[model.name]
        measure = measure_write is not None and model.density.total >= MEASURED_PAGES * PAGE_SIZE
        paged = expand_lists and bool(resource.nested_lists) and model.density.total > 0
        if model.child_endpoint is not None or not (measure or paged):
            continue
        page = pages.get(model.name)
        if not page:
            params = {**dict(resource.list_params), "limit": PAGE_SIZE}
            page = (await client.list_page(str(resource.list_path), params, account=account)).data
            counts[model.name] = counts.get(model.name, 0) + 1
        if not page:
            continue
        if paged:
            nested[model.name] = nested_paging(resource, page)
        took = await measure_write(resource, page) if measure and measure_write else None
        if took is not None:
            written[model.name] = took * PAGE_SIZE / len(page)
    return written, nested
