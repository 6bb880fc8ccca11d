"""The polling schedule (pure): intervals, server hints, back-off and disabling."""

from __future__ import annotations

import datetime as dt

from feeds.schedule import (
    Policy,
    ServerHints,
    after_failure,
    after_success,
    entries_per_week,
    interval,
    parse_max_age,
    parse_retry_after,
    server_hints,
)
from subscriptions.models import Feed

NOW = dt.datetime(2026, 2, 3, 12, 0, tzinfo=dt.UTC)
FEED = Feed(id=1, url="https://e.kr/rss", name="e")
NO_HINTS = ServerHints()


def _every(minutes: float, count: int) -> list[dt.datetime]:
    return [NOW - dt.timedelta(minutes=minutes * i) for i in range(count)]


def _wait(feed: Feed) -> float:
    assert feed.next_check is not None
    return (feed.next_check - NOW).total_seconds()


def test_a_new_feed_starts_at_poll_interval() -> None:
    assert _wait(after_success(FEED, NOW, Policy(), NO_HINTS)) == 600
    assert _wait(after_success(FEED, NOW, Policy(poll_interval=900), NO_HINTS)) == 900


def test_adaptive_interval_follows_the_feed_within_bounds() -> None:
    busy = after_success(FEED, NOW, Policy(), NO_HINTS, _every(2, 50))
    assert _wait(busy) == 300  # an entry every 2 min: the 5 min floor
    hourly = after_success(FEED, NOW, Policy(), NO_HINTS, _every(60, 20))
    assert _wait(hourly) == 1800  # half the mean gap
    assert hourly.entries_per_week is not None and round(hourly.entries_per_week) == 168
    quiet = after_success(FEED, NOW, Policy(), NO_HINTS, _every(60 * 24 * 3, 10))
    assert _wait(quiet) == 6 * 3600  # one every 3 days: the 6 h ceiling


def test_without_adaptation_the_interval_is_exactly_poll_interval() -> None:
    policy = Policy(poll_interval=3, adaptive=False)
    assert _wait(after_success(FEED, NOW, policy, NO_HINTS, _every(60 * 24, 10))) == 3
    assert interval(Policy(poll_interval=7200, adaptive=False), 10_000) == 7200


def test_the_rate_blends_with_the_previous_one_and_survives_undated_documents() -> None:
    assert entries_per_week([NOW, None]) is None
    assert entries_per_week([NOW, NOW], previous=70.0) == 70.0
    blended = entries_per_week(_every(60, 2), previous=100.0)
    assert blended is not None and round(blended) == 134  # (100 + 168) / 2


def test_server_hints_are_a_floor_in_both_modes() -> None:
    headers = {"cache-control": "public, max-age=1800", "retry-after": "60"}
    hints = server_hints(headers, NOW, ttl_seconds=900)
    assert hints == ServerHints(ttl=900, max_age=1800, retry_after=60)
    assert _wait(after_success(FEED, NOW, Policy(), hints, _every(1, 50))) == 1800
    fast = Policy(poll_interval=3, adaptive=False)
    assert _wait(after_success(FEED, NOW, fast, hints)) == 1800
    absurd = ServerHints(ttl=365 * 24 * 3600)
    assert _wait(after_success(FEED, NOW, Policy(), absurd)) == 24 * 3600


def test_header_parsing() -> None:
    assert parse_max_age("no-cache, s-maxage=10") is None
    assert parse_max_age("max-age=30, s-max-age=60") == 60
    assert parse_max_age(None) is None
    assert parse_retry_after("120", NOW) == 120
    assert parse_retry_after("Tue, 03 Feb 2026 12:05:00 GMT", NOW) == 300
    assert parse_retry_after("Tue, 03 Feb 2026 11:00:00 GMT", NOW) == 0
    assert parse_retry_after("soon", NOW) is None


def test_errors_back_off_exponentially_to_a_day() -> None:
    feed, waits = FEED, []
    for _ in range(10):
        feed, disabled = after_failure(feed, NOW, Policy(), "HTTP 500", NO_HINTS)
        assert not disabled
        waits.append(_wait(feed))
    assert waits[:4] == [600, 1200, 2400, 4800]
    assert max(waits) == waits[-1] == 24 * 3600
    assert feed.error_count == 10 and feed.failing_since == NOW and feed.last_error == "HTTP 500"


def test_a_retry_after_longer_than_the_backoff_is_respected() -> None:
    feed, _ = after_failure(FEED, NOW, Policy(), "HTTP 429", ServerHints(retry_after=7200))
    assert _wait(feed) == 7200


def test_success_clears_the_failure_streak() -> None:
    failing, _ = after_failure(FEED, NOW, Policy(), "HTTP 500", NO_HINTS)
    healed = after_success(failing, NOW, Policy(), NO_HINTS)
    assert (healed.error_count, healed.failing_since, healed.last_error) == (0, None, None)
    assert healed.last_success == NOW


def test_seven_days_of_failures_disable_the_feed_once() -> None:
    since = NOW - dt.timedelta(days=7)
    failing = Feed(id=1, url="u", name="n", error_count=9, failing_since=since)
    almost, disabled = after_failure(
        failing, NOW - dt.timedelta(seconds=1), Policy(), "HTTP 404", NO_HINTS
    )
    assert not disabled and almost.disabled_since is None
    gone, disabled = after_failure(failing, NOW, Policy(), "HTTP 404", NO_HINTS)
    assert disabled and gone.disabled_since == NOW
    _, again = after_failure(gone, NOW + dt.timedelta(days=1), Policy(), "HTTP 404", NO_HINTS)
    assert not again  # told once
