"""When to check a feed next, and when the bot looks. Pure: the clock and the server's hints
come in as arguments. The one owner of the schedule: the poll job's tick (``tick``) and its
options (``JOB_KWARGS``), the due rule (``due_by``) and each feed's next check.

- Start at ``poll_interval``; once a feed's entry dates are known, poll at half its mean gap
  between entries, within 5 min .. 6 h (``adaptive``). ``adaptive = false`` polls every
  ``poll_interval`` seconds, however small (tests and demos use a few seconds).
- Never sooner than the server allows: RSS ``<ttl>``, ``Cache-Control: max-age`` and
  ``Retry-After``, in both modes (a hint is believed up to 24 h).
- Errors back off exponentially from ``poll_interval`` up to 24 h; a feed failing without a
  single success for 7 days is disabled (its admins are told, not its subscribers).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from core.settings import ScheduleSettings
from subscriptions.models import Feed

WEEK = 7 * 24 * 3600
JOB_KWARGS = {"max_instances": 2, "coalesce": True}
"""APScheduler options for the poll job: missed runs merged, and a second instance allowed so
that a tick during a long cycle (the ingest process's first start takes seconds) runs and
returns at once (the poller is ``busy``) instead of being skipped by the scheduler with a
WARNING the operator can do nothing about. Never two cycles at once: the poller sees to that."""


def tick(settings: ScheduleSettings) -> float:
    """Seconds between the poll job's looks for due feeds (each feed keeps its own next check):
    ``poll_interval``, at most 30 s so that a feed's own next check is never missed by long."""
    return float(max(1, min(30, settings.poll_interval)))


def due_by(now: dt.datetime, settings: ScheduleSettings) -> dt.datetime:
    """A look at ``now`` refreshes every feed whose next check comes before this: half a tick
    ahead, so a tick a moment early (timer jitter) does not leave a feed a whole extra tick."""
    return now + dt.timedelta(seconds=tick(settings) / 2)


@dataclass(frozen=True)
class Policy:
    poll_interval: int = 600
    adaptive: bool = True
    min_interval: int = 5 * 60
    max_interval: int = 6 * 3600
    max_backoff: int = 24 * 3600
    max_hint: int = 24 * 3600
    disable_after: dt.timedelta = dt.timedelta(days=7)

    @classmethod
    def from_settings(cls, settings: ScheduleSettings) -> Policy:
        return cls(poll_interval=settings.poll_interval, adaptive=settings.adaptive)


@dataclass(frozen=True)
class ServerHints:
    """Seconds the server asks us to wait, each None when it said nothing."""

    ttl: int | None = None
    max_age: int | None = None
    retry_after: int | None = None

    def floor(self, cap: int) -> int:
        return min(cap, max(self.ttl or 0, self.max_age or 0, self.retry_after or 0))


_MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-)?max-age\s*=\s*\"?(\d+)", re.I)


def parse_max_age(cache_control: str | None) -> int | None:
    if not cache_control:
        return None
    ages = [int(m) for m in _MAX_AGE.findall(cache_control)]
    return max(ages) if ages else None


def parse_retry_after(value: str | None, now: dt.datetime) -> int | None:
    """Retry-After as delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return int(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0, int((when - now).total_seconds()))


def server_hints(
    headers: Mapping[str, str], now: dt.datetime, ttl_seconds: int | None = None
) -> ServerHints:
    """Hints from response headers (lower-case names) and the feed's own ``<ttl>``."""
    return ServerHints(
        ttl=ttl_seconds,
        max_age=parse_max_age(headers.get("cache-control")),
        retry_after=parse_retry_after(headers.get("retry-after"), now),
    )


def entries_per_week(
    published: Iterable[dt.datetime | None], previous: float | None = None
) -> float | None:
    """The feed's publishing rate from the dates in one document, blended with the last one.

    Returns ``previous`` when the document has fewer than two distinct dates.
    """
    dates = sorted({d for d in published if d is not None})
    if len(dates) < 2:
        return previous
    span = max((dates[-1] - dates[0]).total_seconds(), 60.0)
    rate = (len(dates) - 1) * WEEK / span
    return rate if previous is None else (previous + rate) / 2


def interval(policy: Policy, rate_per_week: float | None) -> int:
    """Seconds between checks of a healthy feed, before the server's hints."""
    if not policy.adaptive or not rate_per_week:
        return policy.poll_interval
    half_gap = WEEK / rate_per_week / 2
    return int(min(policy.max_interval, max(policy.min_interval, half_gap)))


def after_success(
    feed: Feed,
    now: dt.datetime,
    policy: Policy,
    hints: ServerHints,
    published: Iterable[dt.datetime | None] = (),
) -> Feed:
    """The feed after a good fetch (a 304 included: pass no dates)."""
    rate = entries_per_week(published, feed.entries_per_week)
    wait = max(interval(policy, rate), hints.floor(policy.max_hint))
    return replace(
        feed,
        next_check=now + dt.timedelta(seconds=wait),
        last_success=now,
        error_count=0,
        last_error=None,
        failing_since=None,
        entries_per_week=rate,
    )


def after_failure(
    feed: Feed, now: dt.datetime, policy: Policy, error: str, hints: ServerHints
) -> tuple[Feed, bool]:
    """The feed after a failed fetch, and whether this failure disabled it."""
    count = feed.error_count + 1
    failing_since = feed.failing_since or now
    backoff = min(policy.max_backoff, policy.poll_interval * 2 ** min(count - 1, 30))
    wait = max(backoff, hints.floor(policy.max_hint))
    disable = feed.disabled_since is None and now - failing_since >= policy.disable_after
    updated = replace(
        feed,
        next_check=now + dt.timedelta(seconds=wait),
        error_count=count,
        last_error=error[:500],
        failing_since=failing_since,
        disabled_since=now if disable else feed.disabled_since,
    )
    return updated, disable
