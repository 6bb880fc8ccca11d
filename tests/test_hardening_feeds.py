"""Hostile feeds (issue 11): each stage fails only its own feed, recorded with a reason and
backoff. Inputs have the shape of the adversarial run's, scaled down."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import logging
import threading
from collections.abc import AsyncIterator, Iterable, Iterator
from pathlib import Path

import pytest
from fixtures.feeds.httpserver import LocalServer, Reply, Seen

from core.settings import FetchSettings, LimitsSettings, Settings
from extractors.model import Article, Extraction
from feeds.fetch import make_client
from feeds.parse_worker import ParseWorker
from feeds.pipeline import Poller
from subscriptions.models import Topic
from subscriptions.store import SqlRepository, open_repository

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
SETTINGS = Settings(
    fetch=FetchSettings(timeout=2.0, max_bytes=256 * 1024, allow_private_addresses=True)
)


class NotAnMou:
    def extract_many(self, articles: Iterable[Article]) -> list[Extraction]:
        return [Extraction() for _ in articles]


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


@pytest.fixture
async def repo(tmp_path: Path) -> AsyncIterator[SqlRepository]:
    repository = await open_repository(f"sqlite+aiosqlite:///{tmp_path / 'h.db'}")
    yield repository
    await repository.close()


@pytest.fixture
async def poller(repo: SqlRepository) -> AsyncIterator[Poller]:
    async with make_client(SETTINGS.fetch) as http:
        p = Poller(repo, http, SETTINGS, extractor=NotAnMou())
        yield p
        p.close()


def rss_item(guid: str, title: str, link: str) -> str:
    return (
        f"<item><title>{title}</title><guid isPermaLink='false'>{guid}</guid>"
        f"<link>{link}</link><description>{'본문 ' * 400}</description></item>"
    )


def rss(*items: str) -> bytes:
    body = "".join(items)
    return f"<?xml version='1.0' encoding='utf-8'?><rss><channel>{body}</channel></rss>".encode()


async def test_a_nested_gzip_bomb_fails_only_its_feed_with_reason_and_backoff(
    server: LocalServer, repo: SqlRepository, poller: Poller
) -> None:
    bomb = gzip.compress(gzip.compress(b"\0" * (64 * 1024 * 1024), 9), 9)  # 64 MiB inside
    bad = server.route("/bomb", Reply(200, bomb, {"Content-Encoding": "gzip, gzip"}))
    good = server.route("/ok", Reply(200, rss(rss_item("g1", "제목", "http://x.test/1"))))
    await repo.upsert_feed(bad, "bomb")
    await repo.upsert_feed(good, "ok")
    report = await poller.poll_due(NOW)
    assert [e.url for e in report.errors] == [bad]
    assert "body over 262144 bytes (2 layers" in report.errors[0].error
    state = next(f for f in await repo.list_feeds() if f.url == bad)
    assert state.error_count == 1 and state.last_error == report.errors[0].error
    assert state.next_check is not None and state.next_check > NOW  # backoff, not every tick
    assert report.items_new == 1


async def test_an_exception_anywhere_in_a_refresh_is_recorded_on_the_feed(
    server: LocalServer,
    repo: SqlRepository,
    poller: Poller,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def out_of_memory(*args: object, **kwargs: object) -> object:
        raise MemoryError

    monkeypatch.setattr(ParseWorker, "parse", out_of_memory)
    url = server.route("/rss", Reply(200, rss(rss_item("g1", "제목", "http://x.test/1"))))
    await repo.upsert_feed(url, "feed")
    report = await poller.poll_due(NOW)
    assert [e.error for e in report.errors] == ["MemoryError: "]
    state = (await repo.list_feeds())[0]
    assert state.error_count == 1 and state.last_error == "MemoryError: "
    assert await repo.due_feeds(NOW + dt.timedelta(seconds=1)) == []


async def test_two_feeds_with_the_same_guid_in_one_cycle_both_items_are_stored(
    server: LocalServer, repo: SqlRepository, poller: Poller
) -> None:
    one = server.route("/one", Reply(200, rss(rss_item("shared-1", "가", "http://a.test/1"))))
    two = server.route("/two", Reply(200, rss(rss_item("shared-1", "나", "http://b.test/9"))))
    await repo.upsert_feed(one, "one")
    await repo.upsert_feed(two, "two")
    report = await poller.poll_due(NOW)
    assert sorted(i.title for i in report.items if not i.record.duplicate) == ["가", "나"]
    again = await poller.poll_due(NOW + dt.timedelta(hours=7))
    assert again.items_new == 0  # each feed still knows its own entry


class Recording:
    def __init__(self) -> None:
        self.seen: list[Article] = []

    def extract_many(self, articles: Iterable[Article]) -> list[Extraction]:
        batch = list(articles)
        self.seen.extend(batch)
        return [Extraction() for _ in batch]


async def test_titles_and_bodies_are_cut_to_the_limits_before_the_extractor(
    server: LocalServer, repo: SqlRepository
) -> None:
    """The adversarial headline: an MOU, then a long run of Hangul without spaces."""
    limits = LimitsSettings(max_title_chars=120, max_body_chars=2_000)
    settings = dataclasses.replace(SETTINGS, limits=limits)
    title = "한-프랑스 AI 협력 MOU 체결 " + "가" * 20_000
    item = (
        f"<item><title>{title}</title><guid>long-1</guid><link>http://x.test/1</link>"
        f"<description>{'나' * 60_000}</description></item>"
    )
    url = server.route("/rss", Reply(200, rss(item)))
    await repo.upsert_feed(url, "long")
    extractor = Recording()
    async with make_client(settings.fetch) as http:
        poller = Poller(repo, http, settings, extractor=extractor)
        try:
            report = await poller.poll_due(NOW)
        finally:
            poller.close()
    [article] = extractor.seen
    assert len(article.title) == 120 and article.title.startswith("한-프랑스 AI 협력 MOU")
    assert len(article.body) == 2_000
    [seen] = report.items
    assert len(seen.title) == 120  # stored and shown cut as well


async def test_a_feed_that_parses_too_long_is_abandoned_and_the_next_one_parses(
    server: LocalServer, repo: SqlRepository, poller: Poller
) -> None:
    """80,000 <category> elements took feedparser 75 s; 9,000 take seconds: over the
    deadline, the parse is abandoned, the feed fails with the reason, the others go on."""
    cats = "".join(f"<category>c{i}</category>" for i in range(9_000))
    slow = rss(f"<item><title>x</title><guid>g</guid>{cats}</item>")
    bad = server.route("/slow", Reply(200, slow))
    good = server.route("/ok", Reply(200, rss(rss_item("g1", "제목", "http://x.test/1"))))
    await repo.upsert_feed(bad, "slow")
    await repo.upsert_feed(good, "ok")
    poller.ingest.parser.timeout = 0.3
    report = await poller.poll_due(NOW)
    assert [(e.url, e.error) for e in report.errors] == [(bad, "parsing took over 0.3 s")]
    assert report.items_new == 1
    state = next(f for f in await repo.list_feeds() if f.url == bad)
    assert state.error_count == 1 and state.last_error == "parsing took over 0.3 s"


async def test_a_slow_feed_delays_only_itself(server: LocalServer, repo: SqlRepository) -> None:
    """Each feed is a task of its own: a cycle reports what finished within its budget, the
    slow feed goes on and is reported later, never started twice."""
    release = threading.Event()

    def held(_: Seen) -> Reply:
        release.wait(10)
        return Reply(200, rss(rss_item("s1", "느림", "http://x.test/s")))

    slow = server.route("/slow", held)
    fast = server.route("/fast", Reply(200, rss(rss_item("f1", "빠름", "http://x.test/f"))))
    await repo.upsert_feed(slow, "slow")
    await repo.upsert_feed(fast, "fast")
    patient = dataclasses.replace(SETTINGS, fetch=dataclasses.replace(SETTINGS.fetch, timeout=20))
    async with make_client(patient.fetch) as http:
        poller = Poller(repo, http, patient, extractor=NotAnMou(), budget=3.0)
        try:
            first = await poller.poll_due(NOW)
            assert first.feeds_due == 2 and [i.title for i in first.items] == ["빠름"]
            assert first.still_running == 1
            poller.budget = 0.1
            second = await poller.poll_due(NOW)  # the slow feed is still due, and running
            assert second.feeds_due == 0 and second.still_running == 1
            release.set()
            poller.budget = 10.0
            third = await poller.poll_due(NOW)
            assert [i.title for i in third.items] == ["느림"] and third.still_running == 0
            assert len(server.hits("/slow")) == 1
        finally:
            release.set()
            await poller.aclose()


async def test_a_feed_failing_past_the_cycle_deadline_warns_once_when_it_finishes(
    server: LocalServer, repo: SqlRepository, caplog: pytest.LogCaptureFixture
) -> None:
    """The failure log (issue 12) hears of each refresh once, from the cycle that sees it end,
    also when an earlier cycle started it; the metrics' outcomes count it there."""
    release = threading.Event()

    def held(_: Seen) -> Reply:
        release.wait(10)
        return Reply(500, b"down")

    await repo.upsert_feed(server.route("/late", held), "late")
    patient = dataclasses.replace(SETTINGS, fetch=dataclasses.replace(SETTINGS.fetch, timeout=20))
    caplog.set_level(logging.INFO)
    async with make_client(patient.fetch) as http:
        poller = Poller(repo, http, patient, extractor=NotAnMou(), budget=0.2)
        try:
            first = await poller.poll_due(NOW)
            assert first.still_running == 1 and not first.errors and first.outcomes == {}
            release.set()
            poller.budget = 10.0
            second = await poller.poll_due(NOW)
            assert second.feeds_due == 0 and second.outcomes == {"failed": 1}
            assert [e.name for e in second.errors] == ["late"]
            third = await poller.poll_due(NOW + dt.timedelta(days=1))
            assert third.outcomes == {"failed": 1}
        finally:
            release.set()
            await poller.aclose()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "late" in warnings[0] and "500" in warnings[0]


class EveryItemAnMou:
    def extract_many(self, articles: Iterable[Article]) -> list[Extraction]:
        return [
            Extraction(
                is_mou=True,
                status="signed",
                countries=("FR",),
                sectors=("ai",),
                parties=(("한빛AI", "Lumière Labs"),),
                summary=a.title,
            )
            for a in articles
        ]


async def test_the_same_article_in_two_feeds_is_two_items_of_one_story_and_one_alert(
    server: LocalServer, repo: SqlRepository
) -> None:
    """Cross-feed duplicates are joined by story grouping, never dropped."""
    await repo.upsert_chat(7, type="private")
    await repo.add_subscription(7, Topic(country="FR"))
    item = rss_item("shared-1", "한빛AI, 프랑스 뤼미에르랩스와 AI 협력 MOU", "http://x.test/1")
    item = item.replace("</item>", "<pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate></item>")
    one = server.route("/one", Reply(200, rss(item)))
    two = server.route("/two", Reply(200, rss(item)))
    await repo.upsert_feed(one, "one")
    await repo.upsert_feed(two, "two")
    async with make_client(SETTINGS.fetch) as http:
        poller = Poller(repo, http, SETTINGS, extractor=EveryItemAnMou())
        try:
            report = await poller.poll_due(NOW)
        finally:
            poller.close()
    assert report.items_new == 2 and report.new_stories == 1 and report.deliveries == 1
    [story] = await repo.stories(None, None)
    assert story.outlets == 2
