"""The resource registry: one row of data per Stripe object that stripe-sync mirrors.

Everything that differs between Stripe objects lives here as data, never as ``if object == ...``
branches elsewhere: the table, the id prefixes, how to list it, which nested lists Stripe
truncates, which other objects it points at, which webhook events carry it and what "deleted"
means for it. Adding an object is one row here plus a fixture-driven test; the schema generator
(``scripts/gen_schema.py``) reads these rows to write the table DDL.

Facts are taken from Stripe's OpenAPI description (``vendor/stripe-openapi/spec3.json``) where it
has them; objects newer than that spec (entitlements, ``/v1/tax_ids``) follow Stripe's current
API reference. ``tests/unit/test_resources.py`` checks the rows against the spec.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

from .errors import UnknownObjectError

__all__ = [
    "GROUPS",
    "REGISTRY",
    "Delete",
    "NestedList",
    "ParentList",
    "Reference",
    "Resource",
    "by_id",
    "by_object",
    "get",
    "resolve",
]


class Delete(enum.Enum):
    """What a ``*.deleted`` event, a ``deleted: true`` payload or a 404 means for an object."""

    #: The object is gone from Stripe: keep a tombstone row (``deleted`` true, ``deleted_at``) so
    #: that a late ``*.updated`` event cannot bring it back.
    TOMBSTONE = "tombstone"
    #: The ``*.deleted`` event announces a final state (a canceled subscription), not removal: the
    #: payload is the final object and is written like any update.
    FINAL_STATE = "final_state"
    #: Stripe never deletes this object (charges, payouts, balance transactions ...).
    NEVER = "never"


@dataclass(frozen=True, slots=True)
class Reference:
    """A property holding the id of another registry object (expandable or plain)."""

    field: str
    resource: str


@dataclass(frozen=True, slots=True)
class NestedList:
    """A list embedded in the parent object that Stripe truncates (10 items by default).

    ``path`` lists the complete collection; ``{id}`` is the parent's id, also substituted in
    ``params`` values. ``expand`` is True when the list only appears on the parent if expanded.
    """

    field: str
    child: str
    path: str
    params: tuple[tuple[str, str], ...] = ()
    expand: bool = False


@dataclass(frozen=True, slots=True)
class ParentList:
    """An object that Stripe lists only per parent: ``path`` with ``{parent}`` substituted."""

    parent: str
    path: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Resource:
    """One Stripe object type and how to mirror it."""

    #: Registry key, used in the API and CLI (``backfill customer``).
    name: str
    #: Stripe's ``object`` value for this type, e.g. ``radar.early_fraud_warning``.
    object: str
    #: Table in the sync schema.
    table: str
    #: Every id prefix Stripe uses for this type; ``()`` when ids are free-form (coupons).
    id_prefixes: tuple[str, ...]
    #: Retrieve endpoint, ``{id}`` substituted; None for rows that only exist inside a parent.
    retrieve_path: str | None
    #: Top-level list endpoint; None when the object is listed per parent or not at all.
    list_path: str | None = None
    #: Filters that must always be sent when listing (subscriptions hide canceled ones otherwise).
    list_params: tuple[tuple[str, str], ...] = ()
    #: Whether the list endpoint accepts ``created[gt|gte|lt|lte]`` (needed for windowed backfill).
    created_filter: bool = False
    #: For objects listed only per parent (payment methods per customer).
    list_per_parent: ParentList | None = None
    #: Truncated lists on this object that are paged to completion when asked.
    nested_lists: tuple[NestedList, ...] = ()
    #: Properties that point at other registry objects; they become indexed columns.
    references: tuple[Reference, ...] = ()
    #: Webhook event types whose ``data.object`` is (or describes) this object.
    event_types: tuple[str, ...] = ()
    #: ``object`` values besides :attr:`object` that events carry for this resource.
    event_objects: tuple[str, ...] = ()
    delete: Delete = Delete.NEVER
    #: For child rows (subscription items, invoice lines ...): the parent resource; its id is
    #: stored in the column named after it.
    parent: str | None = None
    #: Name of the component schema in Stripe's OpenAPI description (for column generation).
    spec_schema: str = ""
    #: Properties whose value is a Unix timestamp beyond the ones the spec marks as such.
    extra_timestamps: tuple[str, ...] = field(default=())

    @property
    def listable(self) -> bool:
        return self.list_path is not None or self.list_per_parent is not None

    @property
    def is_child(self) -> bool:
        return self.parent is not None


def _events(prefix: str, *actions: str) -> tuple[str, ...]:
    return tuple(f"{prefix}.{a}" for a in actions)


_CUSTOMER = Reference("customer", "customer")
_ROWS: tuple[Resource, ...] = (
    Resource(
        name="product",
        object="product",
        table="products",
        id_prefixes=("prod_",),
        retrieve_path="/v1/products/{id}",
        list_path="/v1/products",
        created_filter=True,
        references=(Reference("default_price", "price"),),
        event_types=_events("product", "created", "updated", "deleted"),
        delete=Delete.TOMBSTONE,
    ),
    Resource(
        name="price",
        object="price",
        table="prices",
        id_prefixes=("price_",),
        retrieve_path="/v1/prices/{id}",
        list_path="/v1/prices",
        created_filter=True,
        references=(Reference("product", "product"),),
        event_types=_events("price", "created", "updated", "deleted"),
        delete=Delete.TOMBSTONE,
    ),
    Resource(
        name="plan",
        object="plan",
        table="plans",
        id_prefixes=("plan_",),
        retrieve_path="/v1/plans/{id}",
        list_path="/v1/plans",
        created_filter=True,
        references=(Reference("product", "product"),),
        event_types=_events("plan", "created", "updated", "deleted"),
        delete=Delete.TOMBSTONE,
    ),
    Resource(
        name="coupon",
        object="coupon",
        table="coupons",
        id_prefixes=(),  # coupon ids are free-form (custom or 8 random characters)
        retrieve_path="/v1/coupons/{id}",
        list_path="/v1/coupons",
        created_filter=True,
        event_types=_events("coupon", "created", "updated", "deleted"),
        delete=Delete.TOMBSTONE,
    ),
    Resource(
        name="promotion_code",
        object="promotion_code",
        table="promotion_codes",
        id_prefixes=("promo_",),
        retrieve_path="/v1/promotion_codes/{id}",
        list_path="/v1/promotion_codes",
        created_filter=True,
        references=(_CUSTOMER,),
        event_types=_events("promotion_code", "created", "updated"),
    ),
    Resource(
        name="tax_rate",
        object="tax_rate",
        table="tax_rates",
        id_prefixes=("txr_",),
        retrieve_path="/v1/tax_rates/{id}",
        list_path="/v1/tax_rates",
        created_filter=True,
        event_types=_events("tax_rate", "created", "updated"),
    ),
    Resource(
        name="customer",
        object="customer",
        table="customers",
        id_prefixes=("cus_", "gcus_"),
        retrieve_path="/v1/customers/{id}",
        list_path="/v1/customers",
        created_filter=True,
        event_types=_events("customer", "created", "updated", "deleted"),
        delete=Delete.TOMBSTONE,
    ),
    Resource(
        name="tax_id",
        object="tax_id",
        table="tax_ids",
        id_prefixes=("txi_", "atxi_"),
        retrieve_path="/v1/tax_ids/{id}",
        list_per_parent=ParentList("customer", "/v1/customers/{parent}/tax_ids"),
        references=(_CUSTOMER,),
        event_types=(
            *_events("customer.tax_id", "created", "updated", "deleted"),
            *_events("tax_id", "created", "updated", "deleted"),
        ),
        delete=Delete.TOMBSTONE,
    ),
    Resource(
        name="payment_method",
        object="payment_method",
        table="payment_methods",
        id_prefixes=("pm_", "card_", "src_", "ba_"),
        retrieve_path="/v1/payment_methods/{id}",
        list_per_parent=ParentList("customer", "/v1/customers/{parent}/payment_methods"),
        references=(_CUSTOMER,),
        event_types=_events(
            "payment_method", "attached", "automatically_updated", "detached", "updated"
        ),
    ),
    Resource(
        name="setup_intent",
        object="setup_intent",
        table="setup_intents",
        id_prefixes=("seti_",),
        retrieve_path="/v1/setup_intents/{id}",
        list_path="/v1/setup_intents",
        created_filter=True,
        references=(_CUSTOMER, Reference("payment_method", "payment_method")),
        event_types=_events(
            "setup_intent",
            "canceled",
            "created",
            "requires_action",
            "setup_failed",
            "succeeded",
        ),
    ),
    Resource(
        name="payment_intent",
        object="payment_intent",
        table="payment_intents",
        id_prefixes=("pi_",),
        retrieve_path="/v1/payment_intents/{id}",
        list_path="/v1/payment_intents",
        created_filter=True,
        references=(
            _CUSTOMER,
            Reference("invoice", "invoice"),
            Reference("latest_charge", "charge"),
            Reference("payment_method", "payment_method"),
        ),
        event_types=_events(
            "payment_intent",
            "amount_capturable_updated",
            "canceled",
            "created",
            "partially_funded",
            "payment_failed",
            "processing",
            "requires_action",
            "succeeded",
        ),
    ),
    Resource(
        name="charge",
        object="charge",
        table="charges",
        id_prefixes=("ch_", "py_"),
        retrieve_path="/v1/charges/{id}",
        list_path="/v1/charges",
        created_filter=True,
        nested_lists=(
            NestedList("refunds", "refund", "/v1/refunds", (("charge", "{id}"),), expand=True),
        ),
        references=(
            _CUSTOMER,
            Reference("invoice", "invoice"),
            Reference("payment_intent", "payment_intent"),
            Reference("balance_transaction", "balance_transaction"),
        ),
        event_types=_events(
            "charge",
            "captured",
            "expired",
            "failed",
            "pending",
            "refunded",
            "succeeded",
            "updated",
        ),
    ),
    Resource(
        name="refund",
        object="refund",
        table="refunds",
        id_prefixes=("re_", "pyr_"),
        retrieve_path="/v1/refunds/{id}",
        list_path="/v1/refunds",
        created_filter=True,
        references=(
            Reference("charge", "charge"),
            Reference("payment_intent", "payment_intent"),
            Reference("balance_transaction", "balance_transaction"),
        ),
        event_types=(
            "charge.refund.updated",
            *_events("refund", "created", "failed", "updated"),
        ),
    ),
    Resource(
        name="dispute",
        object="dispute",
        table="disputes",
        id_prefixes=("dp_", "du_"),
        retrieve_path="/v1/disputes/{id}",
        list_path="/v1/disputes",
        created_filter=True,
        references=(Reference("charge", "charge"), Reference("payment_intent", "payment_intent")),
        event_types=_events(
            "charge.dispute",
            "closed",
            "created",
            "funds_reinstated",
            "funds_withdrawn",
            "updated",
        ),
    ),
    Resource(
        name="early_fraud_warning",
        object="radar.early_fraud_warning",
        table="early_fraud_warnings",
        id_prefixes=("issfr_",),
        retrieve_path="/v1/radar/early_fraud_warnings/{id}",
        list_path="/v1/radar/early_fraud_warnings",
        references=(Reference("charge", "charge"), Reference("payment_intent", "payment_intent")),
        event_types=_events("radar.early_fraud_warning", "created", "updated"),
    ),
    Resource(
        name="review",
        object="review",
        table="reviews",
        id_prefixes=("prv_",),
        retrieve_path="/v1/reviews/{id}",
        list_path="/v1/reviews",
        created_filter=True,
        references=(Reference("charge", "charge"), Reference("payment_intent", "payment_intent")),
        event_types=_events("review", "closed", "opened"),
    ),
    Resource(
        name="invoice",
        object="invoice",
        table="invoices",
        id_prefixes=("in_",),
        retrieve_path="/v1/invoices/{id}",
        list_path="/v1/invoices",
        created_filter=True,
        nested_lists=(NestedList("lines", "invoice_line_item", "/v1/invoices/{id}/lines"),),
        references=(
            _CUSTOMER,
            Reference("subscription", "subscription"),
            Reference("charge", "charge"),
            Reference("payment_intent", "payment_intent"),
        ),
        event_types=_events(
            "invoice",
            "created",
            "deleted",
            "finalization_failed",
            "finalized",
            "marked_uncollectible",
            "overdue",
            "overpaid",
            "paid",
            "payment_action_required",
            "payment_failed",
            "payment_succeeded",
            "sent",
            "upcoming",
            "updated",
            "voided",
            "will_be_due",
        ),
        delete=Delete.TOMBSTONE,  # only drafts can be deleted
    ),
    Resource(
        name="invoice_item",
        object="invoiceitem",
        table="invoice_items",
        id_prefixes=("ii_",),
        retrieve_path="/v1/invoiceitems/{id}",
        list_path="/v1/invoiceitems",
        created_filter=True,
        references=(
            _CUSTOMER,
            Reference("invoice", "invoice"),
            Reference("subscription", "subscription"),
        ),
        event_types=_events("invoiceitem", "created", "deleted"),
        delete=Delete.TOMBSTONE,
    ),
    Resource(
        name="credit_note",
        object="credit_note",
        table="credit_notes",
        id_prefixes=("cn_",),
        retrieve_path="/v1/credit_notes/{id}",
        list_path="/v1/credit_notes",
        nested_lists=(NestedList("lines", "credit_note_line_item", "/v1/credit_notes/{id}/lines"),),
        references=(_CUSTOMER, Reference("invoice", "invoice"), Reference("refund", "refund")),
        event_types=_events("credit_note", "created", "updated", "voided"),
    ),
    Resource(
        name="subscription",
        object="subscription",
        table="subscriptions",
        id_prefixes=("sub_",),
        retrieve_path="/v1/subscriptions/{id}",
        list_path="/v1/subscriptions",
        list_params=(("status", "all"),),
        created_filter=True,
        nested_lists=(
            NestedList(
                "items",
                "subscription_item",
                "/v1/subscription_items",
                (("subscription", "{id}"),),
            ),
        ),
        references=(
            _CUSTOMER,
            Reference("latest_invoice", "invoice"),
            Reference("schedule", "subscription_schedule"),
            Reference("default_payment_method", "payment_method"),
        ),
        event_types=_events(
            "customer.subscription",
            "created",
            "deleted",
            "paused",
            "pending_update_applied",
            "pending_update_expired",
            "resumed",
            "trial_will_end",
            "updated",
        ),
        # customer.subscription.deleted carries the canceled subscription, which stays
        # retrievable: it is a final state, not a removal.
        delete=Delete.FINAL_STATE,
    ),
    Resource(
        name="subscription_schedule",
        object="subscription_schedule",
        table="subscription_schedules",
        id_prefixes=("sub_sched_",),
        retrieve_path="/v1/subscription_schedules/{id}",
        list_path="/v1/subscription_schedules",
        created_filter=True,
        references=(_CUSTOMER, Reference("subscription", "subscription")),
        event_types=_events(
            "subscription_schedule",
            "aborted",
            "canceled",
            "completed",
            "created",
            "expiring",
            "released",
            "updated",
        ),
    ),
    Resource(
        name="checkout_session",
        object="checkout.session",
        table="checkout_sessions",
        id_prefixes=("cs_",),
        retrieve_path="/v1/checkout/sessions/{id}",
        list_path="/v1/checkout/sessions",
        nested_lists=(
            NestedList(
                "line_items",
                "checkout_session_line_item",
                "/v1/checkout/sessions/{id}/line_items",
                expand=True,
            ),
        ),
        references=(
            _CUSTOMER,
            Reference("invoice", "invoice"),
            Reference("payment_intent", "payment_intent"),
            Reference("setup_intent", "setup_intent"),
            Reference("subscription", "subscription"),
        ),
        event_types=_events(
            "checkout.session",
            "async_payment_failed",
            "async_payment_succeeded",
            "completed",
            "expired",
        ),
    ),
    Resource(
        name="payout",
        object="payout",
        table="payouts",
        id_prefixes=("po_",),
        retrieve_path="/v1/payouts/{id}",
        list_path="/v1/payouts",
        created_filter=True,
        references=(Reference("balance_transaction", "balance_transaction"),),
        event_types=_events(
            "payout",
            "canceled",
            "created",
            "failed",
            "paid",
            "reconciliation_completed",
            "updated",
        ),
    ),
    Resource(
        name="balance_transaction",
        object="balance_transaction",
        table="balance_transactions",
        id_prefixes=("txn_",),
        retrieve_path="/v1/balance_transactions/{id}",
        list_path="/v1/balance_transactions",
        created_filter=True,
        extra_timestamps=("available_on",),
    ),
    Resource(
        name="transfer",
        object="transfer",
        table="transfers",
        id_prefixes=("tr_",),
        retrieve_path="/v1/transfers/{id}",
        list_path="/v1/transfers",
        created_filter=True,
        references=(Reference("balance_transaction", "balance_transaction"),),
        event_types=_events("transfer", "created", "reversed", "updated"),
    ),
    Resource(
        name="quote",
        object="quote",
        table="quotes",
        id_prefixes=("qt_",),
        retrieve_path="/v1/quotes/{id}",
        list_path="/v1/quotes",
        references=(
            _CUSTOMER,
            Reference("invoice", "invoice"),
            Reference("subscription", "subscription"),
        ),
        event_types=_events("quote", "accepted", "canceled", "created", "finalized"),
    ),
    Resource(
        name="feature",
        object="entitlements.feature",
        table="features",
        id_prefixes=("feat_",),
        retrieve_path="/v1/entitlements/features/{id}",
        list_path="/v1/entitlements/features",
    ),
    Resource(
        name="active_entitlement",
        object="entitlements.active_entitlement",
        table="active_entitlements",
        id_prefixes=("ent_",),
        retrieve_path="/v1/entitlements/active_entitlements/{id}",
        list_per_parent=ParentList(
            "customer", "/v1/entitlements/active_entitlements", (("customer", "{parent}"),)
        ),
        references=(_CUSTOMER, Reference("feature", "feature")),
        # The summary lists every active entitlement of one customer: it replaces that
        # customer's rows (entitlements missing from it are tombstoned).
        event_types=("entitlements.active_entitlement_summary.updated",),
        event_objects=("entitlements.active_entitlement_summary",),
        delete=Delete.TOMBSTONE,
        # The object carries no customer field: the customer comes from the list call or the
        # summary event, so it is a plain column set by the write path.
        parent="customer",
    ),
    # Child rows: they exist only inside their parent and have no retrieve endpoint of their own.
    Resource(
        name="subscription_item",
        object="subscription_item",
        table="subscription_items",
        id_prefixes=("si_",),
        retrieve_path=None,
        references=(
            Reference("subscription", "subscription"),
            Reference("price", "price"),
            Reference("plan", "plan"),
        ),
        delete=Delete.TOMBSTONE,
        parent="subscription",
    ),
    Resource(
        name="invoice_line_item",
        object="line_item",
        table="invoice_line_items",
        id_prefixes=("il_", "ii_", "sli_"),
        retrieve_path=None,
        references=(
            Reference("invoice", "invoice"),
            Reference("subscription", "subscription"),
            Reference("invoice_item", "invoice_item"),
            Reference("price", "price"),
        ),
        delete=Delete.TOMBSTONE,
        parent="invoice",
    ),
    Resource(
        name="credit_note_line_item",
        object="credit_note_line_item",
        table="credit_note_line_items",
        id_prefixes=("cnli_",),
        retrieve_path=None,
        references=(
            Reference("credit_note", "credit_note"),
            Reference("invoice_line_item", "invoice_line_item"),
        ),
        delete=Delete.TOMBSTONE,
        parent="credit_note",
    ),
    Resource(
        name="checkout_session_line_item",
        object="item",
        table="checkout_session_line_items",
        id_prefixes=("li_",),
        retrieve_path=None,
        references=(Reference("checkout_session", "checkout_session"), Reference("price", "price")),
        delete=Delete.TOMBSTONE,
        parent="checkout_session",
    ),
)

REGISTRY: Final = MappingProxyType({r.name: r for r in _ROWS})

# Every object also answers to its table's name: the TypeScript engine names some objects by
# their table (its README's backfill objects ``checkout_sessions``, ``subscription_schedules``;
# later versions name them all so).
_BY_TABLE: Final = MappingProxyType({r.table: r for r in _ROWS})

#: Names that stand for several objects, as the TypeScript engine's README documents them: a
#: backfill of ``customer_with_entitlements`` lists the customers and then their active
#: entitlements (which Stripe lists per customer).
GROUPS: Final = MappingProxyType({"customer_with_entitlements": ("customer", "active_entitlement")})

_BY_OBJECT: Final = MappingProxyType(
    {obj: r for r in _ROWS for obj in (r.object, *r.event_objects)}
)
# Longest prefix first, so "sub_sched_" wins over "sub_". Child rows are not retrievable by id,
# so only top-level resources take part ("ii_" is an invoice item, not an invoice line).
_PREFIXES: Final = tuple(
    sorted(
        ((p, r) for r in _ROWS if r.retrieve_path is not None for p in r.id_prefixes),
        key=lambda pr: -len(pr[0]),
    )
)


def get(name: str) -> Resource:
    """The resource registered under ``name`` (``customer``, ``early_fraud_warning`` ...) or
    whose table is ``name`` (``customers``, ``checkout_sessions`` ...)."""
    resource = REGISTRY.get(name) or _BY_TABLE.get(name)
    if resource is None:
        raise UnknownObjectError(
            f"unknown object {name!r}; known objects: {', '.join(sorted(REGISTRY))} "
            "(or their table names)"
        )
    return resource


def by_object(object_type: str) -> Resource | None:
    """The resource for a Stripe ``object`` value, or None when stripe-sync does not mirror it."""
    return _BY_OBJECT.get(object_type)


def by_id(object_id: str) -> Resource:
    """The resource whose id prefix matches ``object_id`` (longest prefix wins).

    Raises :class:`UnknownObjectError` for ids without a known prefix (including coupons, whose
    ids are free-form: sync those with an explicit object type).
    """
    for prefix, resource in _PREFIXES:
        if object_id.startswith(prefix):
            return resource
    for child in _ROWS:
        if (
            child.is_child
            and child.retrieve_path is None
            and object_id.startswith(child.id_prefixes)
        ):
            raise UnknownObjectError(
                f"{object_id!r} is a {child.name}, which exists only inside its {child.parent}; "
                f"sync the {child.parent} instead"
            )
    raise UnknownObjectError(
        f"cannot tell the object type of id {object_id!r} from its prefix; "
        f"known prefixes: {', '.join(sorted(p for p, _ in _PREFIXES))}"
    )


def resolve(names: str | Iterable[str]) -> tuple[Resource, ...]:
    """Registry rows for ``"all"``, one name or a list of names (table names and
    :data:`GROUPS` too), in registry order."""
    if isinstance(names, str):
        names = list(REGISTRY) if names == "all" else [names]
    wanted = {get(member).name for n in names for member in GROUPS.get(n, (n,))}
    return tuple(r for r in _ROWS if r.name in wanted)


def as_rows() -> list[dict[str, object]]:
    """The registry as rows of the ``_resources`` table (``0013_registry.sql``), JSON-ready.

    The migration runner writes them after every run, so runtimes that route events in SQL
    (the Supabase edge functions) read the same registry as the Python engine.
    """

    def params(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
        return dict(pairs)

    rows: list[dict[str, object]] = []
    for ordinal, r in enumerate(_ROWS):
        per_parent = r.list_per_parent
        rows.append(
            {
                "name": r.name,
                "object": r.object,
                "table_name": r.table,
                "parent": r.parent,
                "is_child": r.is_child,
                "delete_mode": r.delete.value,
                "event_objects": list(r.event_objects),
                "event_types": list(r.event_types),
                "retrieve_path": r.retrieve_path,
                "list_path": r.list_path,
                "list_params": params(r.list_params),
                "created_filter": r.created_filter,
                "backfill": r.listable,
                # Windows page the parent's listing for objects listed per parent.
                "backfill_created_filter": (
                    REGISTRY[per_parent.parent].created_filter
                    if per_parent is not None
                    else r.created_filter
                ),
                "list_per_parent": (
                    {
                        "parent": per_parent.parent,
                        "path": per_parent.path,
                        "params": params(per_parent.params),
                    }
                    if per_parent is not None
                    else None
                ),
                "nested_lists": [
                    {
                        "field": n.field,
                        "child": n.child,
                        "path": n.path,
                        "params": params(n.params),
                        "expand": n.expand,
                    }
                    for n in r.nested_lists
                ],
                "id_prefixes": list(r.id_prefixes),
                "ordinal": ordinal,
            }
        )
    return rows
