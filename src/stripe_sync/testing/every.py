"""Some objects of every registry resource, from the registry's rows and Stripe's examples.

:func:`seed_every_resource` is data-driven: no code per resource. For each registry row whose
table the account has none of, it adds objects built from the example payload (the type's
template) through :func:`~stripe_sync.testing.seed.seed_objects`:

- a top-level list (``/v1/topups``) gets ``count`` objects, with the values its required list
  filters select (``tax.location`` ``type=performance``);
- a list under a parent (``/v1/customers/{parent}/balance_transactions``,
  ``/v1/treasury/transactions?financial_account=``) and a child row embedded in its parent
  (a quote's line items) get ``count`` objects under each of the first :data:`PARENTS` parents
  the account has, their parent field (:func:`parent_field`) pointing at it, and are indexed
  under it so the per-parent list and the embedded list serve them;
- connected accounts (the parent of persons and external accounts) are real accounts of the
  fake, also kept as records of the platform's ``account`` table so parents can be looked up.

Parents are seeded before their children (registry rows sorted by depth).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from ..resources import REGISTRY, Resource
from .seed import seed_objects
from .state import Store
from .templates import template

__all__ = ["PARENTS", "parent_field", "parent_of", "seed_every_resource"]

#: Parents per resource listed per parent that get children.
PARENTS = 2


def parent_of(resource: Resource) -> str | None:
    """The registry row ``resource`` is listed or embedded under, if any."""
    if resource.list_per_parent is not None:
        return resource.list_per_parent.parent
    if resource.parent is not None:
        return resource.parent
    for owner in REGISTRY.values():
        if owner.name != resource.name and any(
            n.child == resource.name for n in owner.nested_lists
        ):
            return None if resource.list_path else owner.name
    return None


def parent_field(resource: Resource) -> str | None:
    """The field of ``resource``'s objects that holds its parent's id: the list parameter
    naming the parent (``financial_account={parent}``), a reference to the parent's row, or a
    field whose example value has the parent's id prefix (a fee refund's ``fee``)."""
    parent = parent_of(resource)
    if parent is None:
        return None
    if resource.list_per_parent is not None:
        for key, value in resource.list_per_parent.params:
            if value == "{parent}":
                return key
    for ref in resource.references:
        if ref.resource == parent:
            return ref.field
    prefixes = REGISTRY[parent].id_prefixes
    example = template(resource.object)
    for name, value in sorted(example.items()):
        if prefixes and isinstance(value, str) and value.startswith(prefixes):
            return name
    return None


def _depth(resource: Resource) -> int:
    depth, seen = 0, {resource.name}
    parent = parent_of(resource)
    while parent is not None and parent not in seen:
        seen.add(parent)
        depth += 1
        parent = parent_of(REGISTRY[parent])
    return depth


def _list_values(resource: Resource) -> dict[str, Any]:
    """Field values that the list's required filters select (``status=all`` selects all)."""
    return {k: v for k, v in resource.list_params if v != "all"}


def seed_every_resource(
    store: Store,
    count: int = 2,
    *,
    account: str | None = None,
    connected_accounts: int = 1,
    seed: int = 0,
) -> dict[str, int]:
    """Add ``count`` objects (per parent, for lists under a parent) of every registry
    resource the account has no objects of; returns the objects added per resource."""
    rng = random.Random(seed)
    added: dict[str, int] = {}
    now = store.now()
    span = (now - 300 * 86_400, now - 60)
    with store.lock:
        state = store.add_account(account) if account else store.platform
        if state.id == store.platform_id and not state.table("account").records:
            accounts = [store.add_account() for _ in range(connected_accounts)]
            state.table("account").insert_many(
                [{"id": a.id, "created": a.created} for a in accounts]
            )
            added["account"] = len(accounts)
        for resource in sorted(REGISTRY.values(), key=_depth):
            if resource.name == "account" or state.table(resource.name).records:
                continue
            parent = parent_of(resource)
            if parent is None:
                if resource.list_path is None:
                    continue
                ids = seed_objects(
                    store,
                    resource.name,
                    count,
                    account=account,
                    created_range=span,
                    fields=_list_values(resource),
                    rng=rng,
                )
                added[resource.name] = len(ids)
                continue
            field = parent_field(resource)
            parents = list(state.table(parent).newest_first())[:PARENTS]
            for parent_id in parents:
                fields: Mapping[str, Any] = {
                    **_list_values(resource),
                    **({field: parent_id} if field else {}),
                }
                ids = seed_objects(
                    store,
                    resource.name,
                    count,
                    account=account,
                    created_range=span,
                    fields=fields,
                    rng=rng,
                )
                indexed = set(state.child_ids(resource.name, parent_id))
                for obj_id in ids:
                    if obj_id not in indexed:  # seed_objects indexes a few types itself
                        state.add_child(resource.name, parent_id, obj_id)
                added[resource.name] = added.get(resource.name, 0) + len(ids)
    return added
