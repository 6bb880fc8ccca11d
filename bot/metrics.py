"""The bot's Prometheus metrics (``mou_alert_*``), one registry per running bot.

Counters are fed from what the jobs already get back: the poll cycle's report (which the
ingest process sends over its pipe, so its figures reach the bot's endpoint without a
multi-process registry) and the delivery worker's reports. Gauges are read from the database
when /metrics is scraped (see ``bot.health``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from subscriptions.models import Feed

FEED_STATES = ("ok", "failing", "disabled")
POLL_OUTCOMES = ("new", "unchanged", "not_modified", "failed", "error")
DELIVERY_OUTCOMES = ("sent", "retried", "dropped", "dead")
CYCLE_BUCKETS = (0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600)
LATENCY_BUCKETS = (15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 21600, 86400)
"""Seconds from an article's published time to Telegram accepting its alert: the feed's own
delay and the poll interval dominate, so the buckets run from seconds to a day."""


def feed_state(feed: Feed) -> str:
    if feed.disabled_since is not None:
        return "disabled"
    return "failing" if feed.failing_since is not None else "ok"


class Metrics:
    def __init__(self) -> None:
        self.registry = r = CollectorRegistry()
        self.feeds = Gauge("mou_alert_feeds", "Feeds by state", ["state"], registry=r)
        self.feed_polls = Counter(
            "mou_alert_feed_polls", "Feed refreshes by outcome", ["outcome"], registry=r
        )
        self.poll_cycle = Histogram(
            "mou_alert_poll_cycle_seconds",
            "Duration of poll cycles that refreshed at least one feed",
            buckets=CYCLE_BUCKETS,
            registry=r,
        )
        self.items = Counter("mou_alert_items", "New articles stored", registry=r)
        self.mous = Counter("mou_alert_mous", "New articles read as MOUs", registry=r)
        self.stories = Counter("mou_alert_stories", "New MOU stories", registry=r)
        self.deliveries = Counter(
            "mou_alert_deliveries", "Outbox rows settled by outcome", ["outcome"], registry=r
        )
        self.outbox_due = Gauge(
            "mou_alert_outbox_due", "Deliveries due now and not yet sent", registry=r
        )
        self.outbox_oldest_due = Gauge(
            "mou_alert_outbox_oldest_due_seconds",
            "How long the longest-waiting due delivery has been due",
            registry=r,
        )
        self.flood_waits = Counter(
            "mou_alert_telegram_flood_waits",
            "Times Telegram answered 429 (flood control) to a send",
            registry=r,
        )
        self.alert_latency = Histogram(
            "mou_alert_alert_latency_seconds",
            "Article published time to Telegram accepting the alert",
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        for state in FEED_STATES:  # every series exists from the first scrape
            self.feeds.labels(state)
        for outcome in POLL_OUTCOMES:
            self.feed_polls.labels(outcome)
        for outcome in DELIVERY_OUTCOMES:
            self.deliveries.labels(outcome)

    def observe_cycle(self, report: Any) -> None:
        """A ``feeds.pipeline.CycleReport`` (from the ingest process)."""
        if getattr(report, "skipped", False) or not getattr(report, "feeds_due", 0):
            return
        for outcome, count in report.outcomes.items():
            self.feed_polls.labels(outcome).inc(count)
        self.poll_cycle.observe(report.seconds)
        self.items.inc(report.items_new)
        self.mous.inc(len(report.mous))
        self.stories.inc(report.new_stories)

    def observe_delivery(self, report: Any) -> None:
        """A ``bot.delivery.DeliveryReport`` of one drain or digest."""
        for outcome in DELIVERY_OUTCOMES:
            count = getattr(report, outcome, 0)
            if count:
                self.deliveries.labels(outcome).inc(count)
        if report.pauses:
            self.flood_waits.inc(report.pauses)
        for seconds in report.latencies:
            self.alert_latency.observe(seconds)

    def set_feeds(self, feeds: Iterable[Feed]) -> None:
        counts = dict.fromkeys(FEED_STATES, 0)
        for feed in feeds:
            counts[feed_state(feed)] += 1
        for state, count in counts.items():
            self.feeds.labels(state).set(count)

    def set_outbox(self, due: int, oldest_due_seconds: float) -> None:
        self.outbox_due.set(due)
        self.outbox_oldest_due.set(oldest_due_seconds)

    def render(self) -> bytes:
        return generate_latest(self.registry)


__all__ = ["Metrics", "feed_state"]
