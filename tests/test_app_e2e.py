"""The issue's scenario, end to end: the real bot, the Bot API stand-in, the sample feed server,
the real extractor, SQLite. Three chats follow France, Germany and AI; a Korea-France AI MOU
alerts exactly the France and AI chats, once, however many outlets report it; /summary lists
it; a restart sends nothing again."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from bot_support import ask, eventually, running_bot

from core.settings import FeedConfig, ScheduleSettings, Settings
from devtools.sample_feed.server import SampleArticle, SampleFeedServer, load_sample_articles
from devtools.standin import BotApiStandin
from devtools.standin.state import Outgoing
from feeds.keys import item_key
from subscriptions.store import SqlRepository

pytestmark = pytest.mark.slow

FRANCE, GERMANY, AI = 1001, 1002, 1003
ARTICLES = {a.slug: a for a in load_sample_articles()}
FRANCE_AI = ARTICLES["hanbit-ai-lumiere-labs-mou"]
FRANCE_AI_REPRINT = ARTICLES["hanbit-lumiere-llm-wire"]
GERMAN_FACTORY = ARTICLES["gyeongnam-tp-rothenbach-smart-factory"]


@pytest.fixture
def feed_server() -> Iterator[SampleFeedServer]:
    with SampleFeedServer(articles=[], visible=0) as server:
        yield server


@pytest.fixture
def settings(standin_settings: Settings, feed_server: SampleFeedServer) -> Settings:
    feeds = tuple(FeedConfig(url, name) for url, name in feed_server.feed_urls().items())
    schedule = ScheduleSettings(poll_interval=1, adaptive=False)
    return dataclasses.replace(standin_settings, feeds=feeds, schedule=schedule)


def alerts(api: BotApiStandin, chat_id: int, article: SampleArticle) -> list[Outgoing]:
    return [m for m in api.messages(chat_id) if f"/news/{article.slug}.html" in m.source]


def article_key(server: SampleFeedServer, article: SampleArticle) -> str:
    return f"{server.base_url}/news/{article.slug}.html"


async def test_one_alert_per_matching_chat_and_none_after_a_restart(
    standin: BotApiStandin, settings: Settings, feed_server: SampleFeedServer, repo: SqlRepository
) -> None:
    async with running_bot(standin, settings):
        assert (await ask(standin, FRANCE, "/subscribe France")).text.startswith("Now following")
        assert (await ask(standin, GERMANY, "/subscribe Germany")).text.startswith("Now")
        korean = await ask(standin, AI, "/subscribe 인공지능", language_code="ko")
        assert korean.text.splitlines()[0] == "구독을 시작했습니다: 인공지능·데이터"

        feed_server.publish(FRANCE_AI)
        await standin.wait_until(
            lambda: bool(alerts(standin, FRANCE, FRANCE_AI) and alerts(standin, AI, FRANCE_AI)),
            60,  # the first MOU-like article loads Kiwi
            what="alerts in the France and AI chats",
        )
        [alert] = alerts(standin, FRANCE, FRANCE_AI)
        assert alert.parse_mode == "HTML" and "뤼미에르랩스" in alert.text
        assert any(e.type == "text_link" for e in alert.entities)

        # Another outlet reports the same MOU: stored, attached to the story, no second alert.
        feed_server.publish(FRANCE_AI_REPRINT)
        feed_ids = [f.id for f in await repo.list_feeds()]
        keys = [item_key(i, None, article_key(feed_server, FRANCE_AI_REPRINT)) for i in feed_ids]
        assert len(await eventually(lambda: repo.known_keys(keys), bool, within=30)) == 1
        stats = await repo.stats()
        assert stats.stories == 1
        assert stats.deliveries == {"sent": 2}

    # Restart on the same database: the feeds are polled again and the outbox drained again.
    async with running_bot(standin, settings):
        feed_server.publish(GERMAN_FACTORY)  # proves a poll and a delivery ran after the restart
        await standin.wait_until(
            lambda: bool(alerts(standin, GERMANY, GERMAN_FACTORY)), 60, what="German alert"
        )
        assert len(alerts(standin, FRANCE, FRANCE_AI)) == 1
        assert len(alerts(standin, AI, FRANCE_AI)) == 1
        assert alerts(standin, GERMANY, FRANCE_AI) == []
        assert alerts(standin, FRANCE, GERMAN_FACTORY) == []

        summary = await ask(standin, FRANCE, "/summary France")
        assert summary.text.startswith("🇫🇷 France — MOUs in the last 30 days: 1")
        assert FRANCE_AI.title in summary.text
    assert (await repo.stats()).deliveries == {"sent": 3}
