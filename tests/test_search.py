"""Organisation and keyword subscriptions in storage, and /search over stored stories, on
SQLite (FTS5 trigram) and PostgreSQL (pg_trgm) alike."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from db_fixtures import BACKENDS
from sqlalchemy import select, text
from test_storage_repository import NOW, chat, item, mou

from subscriptions.models import Topic
from subscriptions.search import PG_INDEX
from subscriptions.sql import DELIVERIES
from subscriptions.store import SqlRepository

pytestmark = pytest.mark.parametrize("repo", BACKENDS, indirect=True)

THALES = mou(parties=(("LIG넥스원", "탈레스코리아"),), summary="레이더 공동개발 협력")


async def test_org_and_keyword_subscriptions_round_trip(repo: SqlRepository) -> None:
    topics = [Topic(org="삼성전자"), Topic(country="FR", org="탈레스"), Topic(keyword="LNG")]
    for topic in topics:
        assert await repo.add_subscription(1, topic)
    assert not await repo.add_subscription(1, Topic(org="삼성전자"))
    assert [s.topic for s in await repo.list_subscriptions(1)] == topics
    assert await repo.remove_subscription(1, Topic(country="FR", org="탈레스"))
    assert not await repo.remove_subscription(1, Topic(org="탈레스"))
    assert [s.topic for s in await repo.list_subscriptions(1)] == [topics[0], topics[2]]


async def test_a_story_alerts_org_and_keyword_chats_once_each(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic(org="탈레스"), Topic(country="FR"))  # both match: one alert
    await chat(repo, 2, Topic(country="DE", org="탈레스"))  # wrong country
    await chat(repo, 3, Topic(keyword="레이더"))
    await chat(repo, 4, Topic(org="삼성전자"))
    await chat(repo, 5, Topic(country="FR", keyword="레이더"))
    result = await repo.record_item(item("a", title="LIG넥스원-탈레스, 레이더 MOU"), THALES, NOW)
    assert result.new_story and result.deliveries == 3
    async with repo.engine.connect() as conn:
        chats = sorted(await conn.scalars(select(DELIVERIES.c.chat_id)))
    assert chats == [1, 3, 5]


async def test_a_backlog_item_alerts_no_org_chat(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic(org="탈레스"))
    result = await repo.record_item(item("a", alert=False), THALES, NOW)
    assert result.new_story and result.deliveries == 0


async def test_stories_of_an_org_topic(repo: SqlRepository) -> None:
    await repo.record_item(item("a", title="LIG넥스원-탈레스 MOU"), THALES, NOW)
    other = mou(parties=(("삼성전자", "지멘스"),), summary="스마트 공장")
    await repo.record_item(item("b", title="삼성전자-지멘스 MOU"), other, NOW)
    found = await repo.stories(Topic(org="Thales Korea"), None)
    assert found == []  # the article gives the Korean name only
    [story] = await repo.stories(Topic(country="FR", org="탈레스"), None)
    assert story.title == "LIG넥스원-탈레스 MOU"
    assert await repo.stories(Topic(country="DE", org="탈레스"), None) == []
    [story] = await repo.stories(Topic(keyword="스마트공장"), NOW - dt.timedelta(days=1))
    assert story.title == "삼성전자-지멘스 MOU"


async def test_a_chats_latest_takes_its_org_and_keyword_topics_too(repo: SqlRepository) -> None:
    """/latest on the chat's topics (``stories_of``): organisations and keywords, matched in
    Python, join the country and sector topics matched in SQL, newest first."""
    await repo.record_item(item("a", title="LIG넥스원-탈레스 MOU"), THALES, NOW)
    smart = mou(parties=(("삼성전자", "지멘스"),), summary="스마트 공장", countries=("DE",))
    later = NOW + dt.timedelta(hours=1)
    await repo.record_item(item("b", title="삼성전자-지멘스 MOU", published=later), smart, later)
    other = mou(parties=(("현대차", "도요타"),), summary="수소차", countries=("JP",))
    await repo.record_item(item("c", title="현대차-도요타 MOU"), other, NOW)
    mine = [Topic(org="탈레스"), Topic(country="DE"), Topic(keyword="없는말")]
    titles = [s.title for s in await repo.stories_of(mine)]
    assert titles == ["삼성전자-지멘스 MOU", "LIG넥스원-탈레스 MOU"]
    assert [s.title for s in await repo.stories_of([Topic(keyword="스마트공장")])] == [
        "삼성전자-지멘스 MOU"
    ]
    assert await repo.stories_of([Topic(keyword="없는말")]) == []


async def test_search_long_and_short_words_headline_parties_summary(
    repo: SqlRepository,
) -> None:
    stories = [
        ("a", "LIG넥스원-탈레스, 레이더 공동개발 MOU", THALES, NOW - dt.timedelta(days=200)),
        ("b", "가스공사, 셸과 LNG 공급 협약", mou(parties=(("한국가스공사", "셸"),)), NOW),
        ("c", "수소 협력 MOU", mou(summary="수소 연료전지 협력"), NOW - dt.timedelta(days=1)),
    ]
    for key, title, ex, when in stories:
        await repo.record_item(item(key, title=title, published=when), ex, when)
    titles = [s.title for s in await repo.search_stories("탈레스코리아", None)]  # parties
    assert titles == ["LIG넥스원-탈레스, 레이더 공동개발 MOU"]
    assert await repo.search_stories("탈레스", NOW - dt.timedelta(days=30)) == []  # period
    assert [s.title for s in await repo.search_stories("lng", None)] == [stories[1][1]]
    assert [s.title for s in await repo.search_stories("수소", None)] == [stories[2][1]]  # short
    assert [s.title for s in await repo.search_stories("연료전지 수소", None)] == [stories[2][1]]
    newest_first = [s.title for s in await repo.search_stories("MOU", None)]
    assert newest_first == [stories[2][1], stories[0][1]]
    assert await repo.search_stories("MOU 셸", None) == []  # every word must be found
    second = await repo.search_stories("MOU", None, limit=1, offset=1)
    assert [s.title for s in second] == [stories[0][1]]
    assert await repo.search_stories('""  ', None) == []
    assert await repo.search_stories("100%_", None) == []  # LIKE wildcards are literal


async def test_search_index_is_there(repo: SqlRepository) -> None:
    await repo.record_item(item("a", title="탈레스 MOU"), THALES, NOW)
    async with repo.engine.connect() as conn:
        if repo.dialect == "sqlite":
            found = await conn.scalar(
                text("SELECT count(*) FROM stories_fts WHERE stories_fts MATCH '\"탈레스\"'")
            )
            assert found == 1
        else:
            names = await conn.scalars(
                text("SELECT indexname FROM pg_indexes WHERE tablename = 'stories'")
            )
            assert PG_INDEX in set(names)


async def test_a_reprint_updates_no_search_text_twice(repo: SqlRepository) -> None:
    await repo.record_item(item("a", title="탈레스 레이더 MOU"), THALES, NOW)
    again = replace(THALES, summary="다른 요약")
    await repo.record_item(item("b", title="탈레스 레이더 MOU", outlet="뉴스1"), again, NOW)
    [story] = await repo.search_stories("레이더", None)
    assert story.outlets == 2


async def test_the_newest_first_window_and_the_index_agree(
    repo: SqlRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("subscriptions.search.RECENT_WINDOW", 2)
    for i in range(5):
        when = NOW - dt.timedelta(days=i)
        title = f"레이더 MOU {i}" if i in (0, 3, 4) else f"위성 MOU {i}"
        ex = mou(
            countries=(("FR", "DE", "JP", "US", "VN")[i],), parties=((f"기업{i}", f"파트너{i}"),)
        )
        await repo.record_item(item(f"k{i}", title=title, published=when), ex, when)
    # The two newest stories hold one "레이더": the page comes from the index, in order.
    found = [s.title for s in await repo.search_stories("레이더", None, limit=2)]
    assert found == ["레이더 MOU 0", "레이더 MOU 3"]
    newest = [s.title for s in await repo.search_stories("MOU", None, limit=2)]
    assert newest == ["레이더 MOU 0", "위성 MOU 1"]  # both in the window
    assert [s.title for s in await repo.search_stories("레이더", None, offset=2)] == [
        "레이더 MOU 4"
    ]
