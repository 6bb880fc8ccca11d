"""The history issue's scenario, end to end: ``backfill`` of a small archive into the bot's
database, then the real bot against the Bot API stand-in and the sample feed server:
/summary France 1y counts the archive's Korea–France MOUs and sends a chart, /subscribe
org:NAME gets the next MOU naming that party and nothing else, /search finds a backfilled
headline, /export France 1y sends a CSV with a row per MOU, and a second backfill adds nothing."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bot_support import ask, running_bot

from bot.export import HEADER
from core.settings import FeedConfig, ScheduleSettings, Settings
from devtools.sample_feed.history import history_sources
from devtools.sample_feed.server import SampleFeedServer, load_sample_articles
from devtools.standin import BotApiStandin
from extractors.extractor import Extractor
from feeds.backfill import BackfillReport, backfill, no_bar
from subscriptions.store import open_repository

pytestmark = pytest.mark.slow

ARTICLES = {a.slug: a for a in load_sample_articles()}
LUMIERE = ARTICLES["hanbit-ai-lumiere-labs-mou"]
GERMAN_FACTORY = ARTICLES["gyeongnam-tp-rothenbach-smart-factory"]
FOLLOWER, OTHER = 2001, 2002


@pytest.fixture
def feed_server() -> Iterator[SampleFeedServer]:
    with SampleFeedServer(articles=[], visible=0) as server:
        yield server


@pytest.fixture
def settings(standin_settings: Settings, feed_server: SampleFeedServer) -> Settings:
    feeds = tuple(FeedConfig(url, name) for url, name in feed_server.feed_urls().items())
    schedule = ScheduleSettings(poll_interval=1, adaptive=False)
    return dataclasses.replace(standin_settings, feeds=feeds, schedule=schedule)


def archive(folder: Path, now: dt.datetime) -> str:
    path = folder / "archive.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for s in history_sources(now):
            assert s.article.published is not None
            row = {
                "url": s.article.url,
                "title": s.article.title,
                "published": s.article.published.isoformat(),
                "text": s.article.body,
                "publisher": s.outlet,
            }
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return str(path)


async def run_backfill(settings: Settings, path: str, extractor: Extractor) -> BackfillReport:
    repo = await open_repository(settings.database.url)
    try:
        now = dt.datetime.now(dt.UTC)
        return await backfill([path], repo, extractor, now=now, warn=print, bar=no_bar)
    finally:
        await repo.close()


async def test_backfilled_history_answers_and_an_org_follower_gets_its_party(
    standin: BotApiStandin,
    settings: Settings,
    feed_server: SampleFeedServer,
    tmp_path: Path,
    kiwi_extractor: Extractor,
) -> None:
    path = archive(tmp_path, dt.datetime.now(dt.UTC))
    first = await run_backfill(settings, path, kiwi_extractor)
    assert first.new_stories == 18 and first.reprints == 1

    async with running_bot(standin, settings):
        summary = await ask(standin, FOLLOWER, "/summary France 1y")
        assert summary.text.startswith("🇫🇷 France — MOUs in the last year: 6")
        await standin.wait_for_uploads(FOLLOWER, 1, timeout=30)

        follow = await ask(standin, FOLLOWER, "/subscribe org:뤼미에르랩스")
        assert follow.text == "Now following: 🏢 뤼미에르랩스"
        assert (await ask(standin, OTHER, "/subscribe org:삼성전자")).text.startswith("Now")
        before = len(standin.messages(FOLLOWER))
        feed_server.publish(GERMAN_FACTORY)
        feed_server.publish(LUMIERE)
        [alert] = (await standin.wait_for_messages(FOLLOWER, before + 1, timeout=60))[before:]
        assert "뤼미에르랩스" in alert.text and f"/news/{LUMIERE.slug}.html" in alert.source

        found = await ask(standin, OTHER, "/search 에어리퀴드")
        assert "한국수소연합, 佛 에어리퀴드와 수소 충전 인프라 MOU" in found.text
        standin.user_sends(OTHER, "/export France 1y")
        [document] = await standin.wait_for_uploads(OTHER, 1, timeout=30)
        rows = list(csv.reader(io.StringIO(document.upload.data.decode("utf-8-sig"))))
        assert tuple(rows[0]) == HEADER and len(rows) == 1 + 6 + 1  # and the live one
        # Nothing else reached the organisation followers: the German MOU names neither party.
        assert len(standin.messages(FOLLOWER)) == before + 1
        assert [m.text for m in standin.messages(OTHER)][:1] == ["Now following: 🏢 삼성전자"]
        assert not any("로텐바흐" in m.text for m in standin.messages(OTHER))

    again = await run_backfill(settings, path, kiwi_extractor)
    assert (again.known, again.new_stories, again.reprints) == (again.read, 0, 0)
