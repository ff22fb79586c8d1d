"""What a page of an object costs a backfill beyond its list request, for the estimate.

Two costs, read off one sampling page of each object (:func:`page_costs`):

- **the database's write**: the page, and the child rows embedded in its objects
  (:func:`embedded_rows`), written as a backfill writes them, in transactions that are rolled
  back (``measure_write``); only for objects of :data:`MEASURED_PAGES` pages or more, which are
  the ones whose writes can pace a run;
- **nested lists paged to completion** (``auto_expand_lists``): per nested list of the object,
  the share of its objects whose list Stripe truncated (or leaves out unless expanded), and the
  requests that list takes at :data:`~stripe_sync.listing.PAGE_SIZE` a page (``total_count``
  where Stripe gives it, else one), as :class:`~stripe_sync.ingest.Ingestor` lists them.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Mapping, Sequence
from statistics import fmean
from typing import Any

from .changes import embedded_lists
from .client import StripeClient
from .listing import PAGE_SIZE
from .ratelimit import endpoint_key
from .resources import Resource
from .simulation import NestedPaging, ObjectModel
from .store.writes import ChildRows

__all__ = [
    "MEASURED_PAGES",
    "MeasureWrite",
    "NestedTally",
    "embedded_rows",
    "nested_paging",
    "page_costs",
]

#: Objects of fewer pages than this are not worth a measured write: they pace nothing.
MEASURED_PAGES = 10

#: Writes one page of an object in a transaction that is rolled back: its seconds, or None.
MeasureWrite = Callable[[Resource, Sequence[Mapping[str, Any]]], Awaitable[float | None]]


def embedded_rows(resource: Resource, page: Sequence[Mapping[str, Any]]) -> list[ChildRows]:
    """The child rows a page's write takes from its objects' nested lists, per child table."""
    found: dict[tuple[str, str | None], tuple[list[Mapping[str, Any]], list[str]]] = {}
    for obj in page:
        parent_id = obj.get("id")
        for listed in embedded_lists(resource, obj):
            if not listed.present or not isinstance(parent_id, str):
                continue
            objects, parents = found.setdefault((listed.child.table, listed.child.parent), ([], []))
            objects.extend(listed.items)
            parents.extend([parent_id] * len(listed.items))
    return [
        ChildRows(table, column, objects, parents if column else [None] * len(objects))
        for (table, column), (objects, parents) in found.items()
    ]


class NestedTally:
    """What the sampling pages of one object say of its nested lists a run would page to
    completion: per list, how many of the objects seen need it and the requests each takes."""

    def __init__(self) -> None:
        self.objects = 0
        self.needs: dict[str, list[int]] = {}

    def add(self, resource: Resource, page: Sequence[Mapping[str, Any]]) -> None:
        self.objects += len(page)
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
                self.needs.setdefault(found.nested.path, []).append(pages)

    def paging(self) -> tuple[NestedPaging, ...]:
        """Per list: its endpoint, the share of objects that need it, the mean requests."""
        return tuple(
            NestedPaging(endpoint_key("GET", path), len(pages) / self.objects, fmean(pages))
            for path, pages in self.needs.items()
        )


def nested_paging(
    resource: Resource, page: Sequence[Mapping[str, Any]]
) -> tuple[NestedPaging, ...]:
    """:meth:`NestedTally.paging` of one page."""
    tally = NestedTally()
    tally.add(resource, page)
    return tally.paging()


async def page_costs(
    client: StripeClient,
    plans: Sequence[ObjectModel],
    resources: Mapping[str, Resource],
    pages: Mapping[str, Sequence[Mapping[str, Any]]],
    tallies: Mapping[str, NestedTally],
    *,
    account: str | None,
    counts: dict[str, int],
    measure_write: MeasureWrite | None,
    expand_lists: bool,
) -> tuple[dict[str, float], dict[str, tuple[NestedPaging, ...]]]:
    """Per object of ``plans`` (not those listed per parent): the seconds one page's write
    took, and its nested lists' paging (from ``tallies``, the sampling pages' own, else the page
    written). ``pages``: the fullest sampling page of each object, where the probes saw one; an
    object without (counted by search) that needs a page costs one list request more, counted
    in ``counts`` (so does one whose sampling pages were all less than half full). One object
    at a time: each write alone on the database."""
    written: dict[str, float] = {}
    nested: dict[str, tuple[NestedPaging, ...]] = {}
    for model in plans:
        resource = resources[model.name]
        measure = measure_write is not None and model.density.total >= MEASURED_PAGES * PAGE_SIZE
        paged = expand_lists and bool(resource.nested_lists) and model.density.total > 0
        if model.child_endpoint is not None or not (measure or paged):
            continue
        page = pages.get(model.name)
        if not page or len(page) < PAGE_SIZE // 2:  # a sparse page says little of a full one
            params = {**dict(resource.list_params), "limit": PAGE_SIZE}
            page = (await client.list_page(str(resource.list_path), params, account=account)).data
            counts[model.name] = counts.get(model.name, 0) + 1
        if not page:
            continue
        if paged:
            tally = tallies.get(model.name)
            nested[model.name] = tally.paging() if tally else nested_paging(resource, page)
        took = await measure_write(resource, page) if measure and measure_write else None
        if took is not None:
            written[model.name] = took * PAGE_SIZE / len(page)
    return written, nested
