"""Prometheus metrics of the webhook server, one :class:`Metrics` per registry.

Each app gets its own ``CollectorRegistry`` unless one is passed in, so two apps in one process
(tests, or an app mounted twice) never collide on metric names. The names:

- ``stripe_sync_events_total{type,outcome}``: events processed, by event type and
  :class:`~stripe_sync.ingest.Outcome`, whichever path brought them (webhooks, the Events API
  poller of events mode, replayed dead letters).
- ``stripe_sync_webhook_errors_total{reason}``: rejected or failed deliveries; ``reason`` is one
  of :data:`ERROR_REASONS`.
- ``stripe_sync_event_processing_seconds``: time from the body being read (a webhook) or the
  event being handed over (the poller) to the event being committed (histogram).
- ``stripe_sync_event_freshness_seconds{object,source}``: for every event applied (not those
  skipped, duplicate or failed), the delay from Stripe's ``created`` to the commit of its write
  (the database clock, as ``_processed_events.processed_at`` and the ``freshness`` view have
  it), by registry object and by how the event came (``webhook``, ``events``, ``websocket``,
  ``direct`` for ``process_event`` calls). Stripe's ``created`` is in whole seconds, so a delay
  reads up to 1 s longer than it was (0.5 s on average).
- ``stripe_sync_last_event_timestamp_seconds``: Stripe's ``created`` of the newest event
  processed; ``stripe_sync_last_event_age_seconds``: now minus that, computed at each scrape so
  that an alert fires when events stop arriving. Both have no sample until the first event.
- ``stripe_sync_stripe_requests_total``, ``..._stripe_retries_total``,
  ``..._stripe_rate_limited_total`` (429s), ``..._stripe_server_errors_total``: this process's
  calls to Stripe, from :class:`~stripe_sync.client.ClientStats`.
- ``stripe_sync_backfill_objects{object,mode}`` and
  ``stripe_sync_backfill_windows{object,status,mode}``: the newest backfill run per object and
  mode (all processes' work, read from the database at each scrape).
- ``stripe_sync_lag_seconds{account,object,mode}`` (now minus the newest applied event's
  created), ``stripe_sync_last_backfill_timestamp_seconds{account,object,mode}`` and
  ``stripe_sync_failing_windows{account,object,mode}``: the ``sync_lag`` view (one row per
  account, object and mode: ``live``, ``test`` or ``unknown``), at each scrape.
- ``stripe_sync_verify_drift{account,check,object,mode}``: drift left (missing, extra or stale
  ids not repaired) by the newest verify run of each account and mode (``live``, ``test``, or
  ``unknown``), per check (``events``, ``deep``) and object;
  ``stripe_sync_verify_last_run_timestamp_seconds{account,mode}``: when it finished. From the
  ``verify_runs`` view, at each scrape; no sample before the first run.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from .ingest import SyncResult

__all__ = ["ERROR_REASONS", "FRESHNESS_BUCKETS", "Metrics"]

#: Values of the ``reason`` label of ``stripe_sync_webhook_errors_total``.
ERROR_REASONS = ("bad_signature", "malformed", "too_large", "transient", "error")

# Processing is a few milliseconds when all is well; the upper buckets catch a slow database or
# Stripe calls made while applying (re-fetches, related objects).
_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
# Freshness: tens of milliseconds for a webhook, up to a poll interval and more for polling, a
# minute when something is wrong; finer around 1 s, where the goals are.
FRESHNESS_BUCKETS = (
    0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 5.0, 7.5, 10.0, 15.0,
    20.0, 30.0, 45.0, 60.0,
)  # fmt: skip
#: Outcomes of events that reached the mirror (the others wrote nothing or were not applied).
_FRESH_OUTCOMES = frozenset({"written", "unchanged", "stale", "tombstoned", "deleted", "replaced"})


class Metrics:
    """The collectors of one app, registered in ``registry`` (a new one by default)."""

    def __init__(
        self,
        registry: CollectorRegistry | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        self.events = Counter(
            "stripe_sync_events",
            "Stripe events processed, by event type and outcome.",
            ["type", "outcome"],
            registry=self.registry,
        )
        self.webhook_errors = Counter(
            "stripe_sync_webhook_errors",
            "Webhook deliveries answered with an error, by reason.",
            ["reason"],
            registry=self.registry,
        )
        for reason in ERROR_REASONS:
            # Every reason is exported from the start, at 0, so rate() works from the first error.
            self.webhook_errors.labels(reason=reason)
        self.processing_seconds = Histogram(
            "stripe_sync_event_processing_seconds",
            "Time to verify (webhooks), apply and commit one event.",
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.freshness_seconds = Histogram(
            "stripe_sync_event_freshness_seconds",
            "Seconds from an event's created at Stripe to the commit of its write, by object "
            "and source (webhook, events, websocket, direct).",
            ["object", "source"],
            buckets=FRESHNESS_BUCKETS,
            registry=self.registry,
        )
        self._freshness = _Freshness(clock)
        self.registry.register(self._freshness)
        # The labelled children, looked up once: labels() validates and locks on every call.
        # Keys are event types, outcomes, objects and sources: a few hundred at most.
        self._event_counters: dict[tuple[str, str], Counter] = {}
        self._freshness_histograms: dict[tuple[str, str], Histogram] = {}
        self._snapshot = _Snapshot()
        self.registry.register(self._snapshot)

    def update(
        self,
        stripe: Mapping[str, int] | None = None,
        backfill: Sequence[Mapping[str, Any]] | None = None,
        lag: Sequence[Mapping[str, Any]] | None = None,
        verify: Sequence[Mapping[str, Any]] | None = None,
    ) -> None:
        """Refresh the Stripe client counters, the backfill progress, the lag and the newest
        verify runs (before a scrape); ``None`` keeps the previous values (the database did
        not answer)."""
        self._snapshot.set(stripe, backfill, lag, verify)

    def observe_event(self, result: SyncResult, seconds: float) -> None:
        """Count one processed event, from any path (webhook, Events API, replay)."""
        outcome = result.outcome.value
        key = (result.event_type or "unknown", outcome)
        counter = self._event_counters.get(key)
        if counter is None:
            counter = self._event_counters[key] = self.events.labels(type=key[0], outcome=outcome)
        counter.inc()
        self.processing_seconds.observe(seconds)
        if result.event_created is not None:
            self._freshness.saw(result.event_created)
            if result.committed_at is not None and outcome in _FRESH_OUTCOMES:
                delay = result.committed_at.timestamp() - result.event_created
                where = (result.object or "unknown", result.source or "direct")
                histogram = self._freshness_histograms.get(where)
                if histogram is None:
                    histogram = self._freshness_histograms[where] = self.freshness_seconds.labels(
                        object=where[0], source=where[1]
                    )
                # A database clock behind Stripe's reads as a negative delay: counted as 0.
                histogram.observe(max(0.0, delay))

    def observe_error(self, reason: str) -> None:
        """Count one failed delivery; ``reason`` is one of :data:`ERROR_REASONS`."""
        self.webhook_errors.labels(reason=reason).inc()


class _Snapshot(Collector):
    """Values read at scrape time: the Stripe client's counters and the backfill progress."""

    _STRIPE = (
        (
            "requests",
            "stripe_sync_stripe_requests",
            "HTTP requests sent to Stripe, retries included.",
        ),
        ("retries", "stripe_sync_stripe_retries", "Requests to Stripe that were retried."),
        ("rate_limited", "stripe_sync_stripe_rate_limited", "429 answers from Stripe."),
        ("server_errors", "stripe_sync_stripe_server_errors", "5xx answers from Stripe."),
    )

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stripe: Mapping[str, int] = {}
        self._backfill: Sequence[Mapping[str, Any]] = ()
        self._lag: Sequence[Mapping[str, Any]] = ()
        self._verify: Sequence[Mapping[str, Any]] = ()

    def set(
        self,
        stripe: Mapping[str, int] | None,
        backfill: Sequence[Mapping[str, Any]] | None,
        lag: Sequence[Mapping[str, Any]] | None,
        verify: Sequence[Mapping[str, Any]] | None = None,
    ) -> None:
        with self._lock:
            if verify is not None:
                self._verify = list(verify)
            if stripe is not None:
                self._stripe = dict(stripe)
            if backfill is not None:
                self._backfill = list(backfill)
            if lag is not None:
                self._lag = list(lag)

    def collect(self) -> Iterator[Metric]:
        with self._lock:
            stripe, backfill, lag, verify = self._stripe, self._backfill, self._lag, self._verify
        for key, name, doc in self._STRIPE:
            counter = CounterMetricFamily(name, doc)
            counter.add_metric([], float(stripe.get(key, 0)))
            yield counter
        objects = GaugeMetricFamily(
            "stripe_sync_backfill_objects",
            "Objects listed by the newest backfill run of each object and mode.",
            labels=["object", "mode"],
        )
        windows = GaugeMetricFamily(
            "stripe_sync_backfill_windows",
            "Windows of the newest backfill run of each object and mode, by status.",
            labels=["object", "status", "mode"],
        )
        for row in backfill:
            mode = str(row.get("mode") or "unknown")
            objects.add_metric([row["object"], mode], float(row["processed"]))
            for status in ("complete", "error", "running", "pending"):
                windows.add_metric([row["object"], status, mode], float(row[f"{status}_windows"]))
        yield objects
        yield windows
        behind = GaugeMetricFamily(
            "stripe_sync_lag_seconds",
            "Seconds since Stripe created the newest event applied to the account and object.",
            labels=["account", "object", "mode"],
        )
        backfilled = GaugeMetricFamily(
            "stripe_sync_last_backfill_timestamp_seconds",
            "When the last complete backfill of the object finished (Unix seconds).",
            labels=["account", "object", "mode"],
        )
        failing = GaugeMetricFamily(
            "stripe_sync_failing_windows",
            "Backfill windows that failed and wait for the next run.",
            labels=["account", "object", "mode"],
        )
        for row in lag:
            labels = [str(row["account_id"]), str(row["object"]), str(row["mode"])]
            if row["seconds_behind"] is not None:
                behind.add_metric(labels, float(row["seconds_behind"]))
            if row["last_backfill_completed_at"] is not None:
                backfilled.add_metric(labels, row["last_backfill_completed_at"].timestamp())
            failing.add_metric(labels, float(row["failing_windows"]))
        yield behind
        yield backfilled
        yield failing
        yield from _verify_metrics(verify)


def _verify_metrics(rows: Sequence[Mapping[str, Any]]) -> Iterator[Metric]:
    """The newest verify run of each account and mode (rows of the ``verify_runs`` view)."""
    drift = GaugeMetricFamily(
        "stripe_sync_verify_drift",
        "Drift left (missing, extra or stale ids not repaired) by the newest verify run, per "
        "account, check, object and mode.",
        labels=["account", "check", "object", "mode"],
    )
    finished = GaugeMetricFamily(
        "stripe_sync_verify_last_run_timestamp_seconds",
        "When the newest verify run of the account and mode finished (Unix seconds).",
        labels=["account", "mode"],
    )
    runs: dict[tuple[str, str], float] = {}
    for row in rows:
        run = (str(row["account_id"]), str(row.get("mode") or "unknown"))
        if row["finished_at"] is not None:
            runs[run] = row["finished_at"].timestamp()
        if row["check_type"] is not None:
            drift.add_metric(
                [run[0], str(row["check_type"]), str(row["object"]), run[1]],
                float(row["remaining"]),
            )
    for run, timestamp in runs.items():
        finished.add_metric(list(run), timestamp)
    yield drift
    yield finished


class _Freshness(Collector):
    """The newest event's ``created`` and, at scrape time, its age."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._newest: float | None = None

    def saw(self, created: float) -> None:
        # Redeliveries and retries bring old events again: the newest one seen is what counts.
        with self._lock:
            if self._newest is None or created > self._newest:
                self._newest = created

    def collect(self) -> Iterator[Metric]:
        with self._lock:
            newest = self._newest
        timestamp = GaugeMetricFamily(
            "stripe_sync_last_event_timestamp_seconds",
            "Stripe's created time of the newest event processed (Unix seconds).",
        )
        age = GaugeMetricFamily(
            "stripe_sync_last_event_age_seconds",
            "Seconds since the newest event processed was created at Stripe.",
        )
        if newest is not None:
            timestamp.add_metric([], newest)
            age.add_metric([], max(0.0, self._clock() - newest))
        yield timestamp
        yield age
