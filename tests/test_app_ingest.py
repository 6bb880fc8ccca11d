"""The feed poller's own process (``feeds.ingest``): started only when a feed is due, restarted
when it dies, stopped with the bot, never given the token."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import signal
from collections.abc import Iterator

import pytest
from bot_support import eventually

from core.settings import FeedConfig, Settings, TelegramSettings
from devtools.sample_feed.server import SampleFeedServer, load_sample_articles
from feeds.ingest import IngestProcess
from subscriptions.store import SqlRepository

pytestmark = pytest.mark.slow


@pytest.fixture
def feed_server() -> Iterator[SampleFeedServer]:
    with SampleFeedServer(articles=load_sample_articles()[:2]) as server:
        yield server


def test_the_child_never_gets_the_token(standin_settings: Settings) -> None:
    settings = dataclasses.replace(standin_settings, telegram=TelegramSettings(token="1:SECRET"))
    assert IngestProcess(settings, repo=None).settings.telegram.token is None  # type: ignore[arg-type]


async def test_no_process_without_due_feeds_then_one_that_polls_and_stops(
    standin_settings: Settings, repo: SqlRepository, feed_server: SampleFeedServer
) -> None:
    ingest = IngestProcess(standin_settings, repo)
    now = dt.datetime.now(dt.UTC)
    idle = await ingest.poll_due(now)
    assert idle.feeds_due == 0 and idle.items == [] and ingest.pid is None

    url = feed_server.feed_url("sample")
    [feed] = await ingest.sync_feeds([FeedConfig(url, "샘플경제")])
    assert feed.url == url and ingest.pid is None
    try:
        report = await ingest.poll_due(now)
        assert ingest.pid is not None and ingest.pid != os.getpid()
        assert report.feeds_due == 1 and len(report.items) == 2
        assert len(await repo.known_keys([i.url for i in report.items])) == 2
    finally:
        pid = ingest.pid
        await ingest.aclose()
    assert ingest.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # type: ignore[arg-type]


async def test_a_dead_child_is_replaced_on_the_next_poll(
    standin_settings: Settings, repo: SqlRepository, feed_server: SampleFeedServer
) -> None:
    ingest = IngestProcess(standin_settings, repo)
    await ingest.sync_feeds([FeedConfig(feed_server.feed_url("sample"), "샘플경제")])
    try:
        await ingest.poll_due(dt.datetime.now(dt.UTC))
        first = ingest.pid
        assert first is not None
        os.kill(first, signal.SIGKILL)

        async def current_pid() -> int | None:
            return ingest.pid

        assert await eventually(current_pid, lambda pid: pid is None) is None
        later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)  # the feed is due again
        report = await ingest.poll_due(later)
        assert ingest.pid not in (None, first)
        assert report.feeds_due == 1 and report.items_new == 0  # seen before: nothing new
    finally:
        await ingest.aclose()
