"""Contract tests of the Repository, on SQLite (a temp file) and on PostgreSQL (a throwaway
database, when MOU_ALERT_TEST_DATABASE_URL names a server; skipped otherwise)."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
from dataclasses import replace

import pytest
from db_fixtures import (
    BACKENDS,
)

from extractors.model import Amount, Extraction
from subscriptions.matching import matching_chats
from subscriptions.models import Feed, NewItem, StoryView, Topic
from subscriptions.repository import Repository
from subscriptions.store import SqlRepository

NOW = dt.datetime(2026, 2, 9, 9, 0, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)


# Every test runs on SQLite and on PostgreSQL (the plugin's ``repo``; PostgreSQL skips without
# a server).
pytestmark = pytest.mark.parametrize("repo", BACKENDS, indirect=True)


def test_the_repository_satisfies_the_protocol_everyone_codes_against(repo: SqlRepository) -> None:
    typed: Repository = repo
    assert typed is repo


def mou(
    countries: tuple[str, ...] = ("FR",),
    sectors: tuple[str, ...] = ("ai",),
    parties: tuple[tuple[str, ...], ...] = (("코트라", "비즈니스 프랑스"),),
    summary: str = "코트라와 비즈니스 프랑스가 인공지능 스타트업 협력 양해각서를 체결했다.",
) -> Extraction:
    return Extraction(
        is_mou=True,
        status="signed",
        countries=countries,
        sectors=sectors,
        parties=parties,
        amounts=(Amount("3천500만유로", 35_000_000.0, "EUR"),),
        mou_count=1,
        date=NOW.date(),
        summary=summary,
    )


def item(
    key: str,
    feed_id: int | None = None,
    title: str = "코트라, 佛 비즈니스 프랑스와 AI 스타트업 MOU 체결",
    outlet: str = "연합뉴스",
    published: dt.datetime | None = NOW,
    alert: bool = True,
) -> NewItem:
    return NewItem(
        feed_id=feed_id,  # type: ignore[arg-type]  # None: an item whose feed was removed
        key=key,
        url=f"https://news.example/{key}",
        title=title,
        published=published,
        text_hash=f"hash-{key}",
        outlet=outlet,
        alert=alert,
    )


async def chat(repo: SqlRepository, chat_id: int, *topics: Topic, mode: str = "instant") -> None:
    await repo.upsert_chat(chat_id, type="private", title=f"chat {chat_id}")
    for topic in topics:
        await repo.add_subscription(chat_id, topic)
    if mode == "digest":
        await repo.set_mode(chat_id, "digest", dt.time(8, 30))


# --- chats -----------------------------------------------------------------------------------


async def test_upsert_chat_creates_then_refreshes_keeping_language(repo: SqlRepository) -> None:
    created = await repo.upsert_chat(10, type="group", title="Analysts")
    assert (created.language, created.mode, created.active) == ("en", "instant", True)
    await repo.set_language(10, "ko")
    again = await repo.upsert_chat(10, type="supergroup", title="Analysts KR", language="en")
    assert (again.type, again.title, again.language) == ("supergroup", "Analysts KR", "ko")
    assert await repo.get_chat(10) == again
    assert await repo.get_chat(11) is None
    korean = await repo.upsert_chat(12, type="private", language="ko")
    assert korean.language == "ko"


async def test_set_mode_and_digest_chats(repo: SqlRepository) -> None:
    await chat(repo, 1)
    await chat(repo, 2, mode="digest")
    await chat(repo, 3, mode="digest")
    await repo.deactivate_chat(3, "blocked")
    digest = await repo.digest_chats()
    assert [c.id for c in digest] == [2]
    assert digest[0].mode == "digest" and digest[0].digest_time == dt.time(8, 30)
    await repo.set_mode(2, "instant")
    back = await repo.get_chat(2)
    assert back is not None and back.mode == "instant" and back.digest_time is None
    with pytest.raises(ValueError):
        await repo.set_mode(2, "digest")
    with pytest.raises(ValueError):
        await repo.set_language(2, "fr")  # type: ignore[arg-type]


async def test_deactivate_drops_pending_with_reason_and_upsert_reactivates(
    repo: SqlRepository,
) -> None:
    await chat(repo, 1, Topic("FR"))
    await chat(repo, 2, Topic("FR"))
    await repo.record_item(item("a"), mou(), NOW)
    await repo.record_item(
        item("b", title="삼성, 탈레스와 방산 협력 MOU"),
        mou(parties=(("삼성", "탈레스"),), summary="삼성과 탈레스가 방산 협력 양해각서를 맺었다."),
        NOW,
    )
    sent = [j for j in await repo.due_deliveries(NOW) if j.chat.id == 1][:1]
    await repo.mark_sent([sent[0].id], 7, NOW)
    dropped = await repo.deactivate_chat(1, "Forbidden: bot was blocked by the user")
    assert dropped == 1
    stopped = await repo.get_chat(1)
    assert stopped is not None and not stopped.active
    assert stopped.stopped_reason == "Forbidden: bot was blocked by the user"
    stats = await repo.stats()
    assert stats.deliveries == {"pending": 2, "sent": 1, "dead": 1}
    assert await repo.recipients(("FR",), ()) == [2]
    await repo.record_item(
        item("c", title="LG유플러스, 오랑주와 통신 협력"),
        mou(parties=(("LG유플러스", "Orange"),), summary="LG유플러스와 오랑주가 통신 협력 협약."),
        NOW,
    )
    assert await repo.deactivate_chat(1, "again") == 0  # nothing was queued while inactive
    back = await repo.upsert_chat(1, type="private")
    assert back.active and back.stopped_reason is None


async def test_migrate_chat_moves_subscriptions_and_deliveries(repo: SqlRepository) -> None:
    await chat(repo, -100, Topic("FR"), Topic(sector="ai"))
    result = await repo.record_item(item("a"), mou(), NOW)
    await repo.migrate_chat(-100, -1001)
    assert await repo.get_chat(-100) is None
    moved = await repo.get_chat(-1001)
    assert moved is not None and moved.title == "chat -100"
    assert {s.topic for s in await repo.list_subscriptions(-1001)} == {
        Topic("FR"),
        Topic(sector="ai"),
    }
    jobs = await repo.due_deliveries(NOW)
    assert [(j.chat.id, j.story.id) for j in jobs] == [(-1001, result.story_id)]
    await repo.migrate_chat(-5, -6)  # unknown chat: nothing to do, no error


async def test_migrate_chat_merges_into_an_existing_chat(repo: SqlRepository) -> None:
    await chat(repo, -100, Topic("FR"), Topic("DE"))
    await repo.record_item(item("a"), mou(), NOW)
    await chat(repo, -1001, Topic("FR"))
    await repo.record_item(
        item("b", title="현대차, 르노와 수소차 협력"),
        mou(parties=(("현대", "르노"),), summary="현대차와 르노가 수소차 협력 양해각서를 맺었다."),
        NOW,
    )
    await repo.migrate_chat(-100, -1001)
    subs = await repo.list_subscriptions(-1001)
    assert sorted(s.topic.country or "" for s in subs) == ["DE", "FR"]
    jobs = await repo.due_deliveries(NOW)
    assert {j.chat.id for j in jobs} == {-1001}
    assert len(jobs) == len({j.story.id for j in jobs}) == 2


# --- subscriptions ---------------------------------------------------------------------------


async def test_subscriptions_add_list_remove_clear(repo: SqlRepository) -> None:
    await repo.upsert_chat(1, type="private")
    assert await repo.add_subscription(1, Topic("fr"))
    assert not await repo.add_subscription(1, Topic("FR"))  # same topic, any case
    assert await repo.add_subscription(1, Topic(sector="ai"))
    assert await repo.add_subscription(1, Topic("FR", "ai"))
    subs = await repo.list_subscriptions(1)
    assert [s.topic for s in subs] == [Topic("FR"), Topic(sector="ai"), Topic("FR", "ai")]
    assert all(s.chat_id == 1 for s in subs)
    assert await repo.remove_subscription(1, Topic("FR", "ai"))
    assert not await repo.remove_subscription(1, Topic("FR", "ai"))
    assert await repo.clear_subscriptions(1) == 2
    assert await repo.list_subscriptions(1) == []
    with pytest.raises(ValueError):
        await repo.add_subscription(1, Topic())


async def test_add_subscription_creates_an_unknown_chat(repo: SqlRepository) -> None:
    assert await repo.add_subscription(77, Topic("JP"))
    created = await repo.get_chat(77)
    assert created is not None and created.active and created.language == "en"


async def test_remove_subscription_by_id_refuses_another_chats(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"))
    await chat(repo, 2, Topic("DE"))
    theirs = (await repo.list_subscriptions(2))[0]
    assert not await repo.remove_subscription_by_id(1, theirs.id)
    assert await repo.list_subscriptions(2) == [theirs]
    assert await repo.remove_subscription_by_id(2, theirs.id)
    assert not await repo.remove_subscription_by_id(2, theirs.id)


async def test_recipients_each_chat_once_combinations_need_both(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"), Topic(sector="ai"), Topic("FR", "ai"))  # matches thrice
    await chat(repo, 2, Topic("FR", "bio_health"))  # combination: sector differs
    await chat(repo, 3, Topic("DE", "ai"))  # combination: country differs
    await chat(repo, 4, Topic(sector="ai"))
    await chat(repo, 5, Topic("FR"))
    await repo.deactivate_chat(5, "kicked")
    assert await repo.recipients(("FR",), ("ai",)) == [1, 4]
    assert await repo.recipients(("FR", "DE"), ("ai",)) == [1, 3, 4]
    assert await repo.recipients(("FR",), ("bio_health",)) == [1, 2]
    assert await repo.recipients((), ("ai",)) == [1, 4]
    assert await repo.recipients((), ()) == []
    assert await repo.recipients(("JP",), ()) == []
    await repo.upsert_chat(5, type="private")  # back: its subscriptions count again
    assert await repo.recipients(("FR",), ()) == [1, 5]
    await repo.add_subscription(5, Topic("JP"))
    await repo.deactivate_chat(5, "blocked again")
    await repo.add_subscription(5, Topic("VN"))  # added while inactive: still nothing
    assert await repo.recipients(("FR", "JP", "VN"), ()) == [1]


async def test_recipients_agree_with_the_pure_rule(repo: SqlRepository) -> None:
    rng = random.Random(7)
    countries, sectors = ["FR", "DE", "US", "JP", "VN"], ["ai", "energy", "battery", "bio_health"]
    for chat_id in range(1, 41):
        await repo.upsert_chat(chat_id, type="private")
        for _ in range(rng.randint(0, 3)):
            kind = rng.choice(["country", "sector", "both"])
            topic = Topic(
                rng.choice(countries) if kind != "sector" else None,
                rng.choice(sectors) if kind != "country" else None,
            )
            await repo.add_subscription(chat_id, topic, international=rng.random() < 0.5)
        if rng.random() < 0.2:
            await repo.deactivate_chat(chat_id, "blocked")
    subs = [s for c in range(1, 41) for s in await repo.list_subscriptions(c)]
    active = {c for c in range(1, 41) if (found := await repo.get_chat(c)) and found.active}
    for _ in range(30):
        cs = tuple(rng.sample(countries, rng.randint(0, 2)))
        ss = tuple(rng.sample(sectors, rng.randint(0, 2)))
        expected = sorted(matching_chats(cs, ss, subs, active))
        assert await repo.recipients(cs, ss) == expected, (cs, ss)


async def test_international_only_subscriptions_skip_domestic_mous(repo: SqlRepository) -> None:
    await repo.add_subscription(1, Topic(sector="ai"))
    await repo.add_subscription(2, Topic(sector="ai"), international=True)
    assert await repo.recipients((), ("ai",)) == [1]
    assert await repo.recipients(("FR",), ("ai",)) == [1, 2]
    assert await repo.set_international(1, Topic(sector="ai"), True)
    assert not await repo.set_international(1, Topic(sector="energy"), True)
    assert await repo.recipients((), ("ai",)) == []
    [sub] = await repo.list_subscriptions(1)
    assert sub.international and (await repo.subscriptions_of([1, 2, 3])).keys() == {1, 2}
    # The outbox follows the same rule: a domestic AI MOU queues nothing for them.
    result = await repo.record_item(item("domestic"), mou(countries=(), sectors=("ai",)), NOW)
    assert result.new_story and result.deliveries == 0


async def test_weekly_digest_time_zone_and_pause(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"))
    await repo.set_mode(1, "digest", dt.time(9, 0), digest_day=4)
    await repo.set_timezone(1, "Europe/Paris")
    [weekly] = await repo.digest_chats()
    assert (weekly.digest_day, weekly.timezone) == (4, "Europe/Paris")
    with pytest.raises(ValueError):
        await repo.set_mode(1, "instant", digest_day=4)
    await repo.set_mode(1, "instant")
    await repo.record_item(item("a"), mou(), NOW)
    await repo.set_pause(1, NOW + HOUR)
    assert await repo.due_deliveries(NOW) == []  # held, still pending
    assert await repo.ended_pauses(NOW) == []
    [ended] = await repo.ended_pauses(NOW + HOUR)
    assert ended.id == 1 and ended.paused(NOW) and not ended.paused(NOW + HOUR)
    assert await repo.due_deliveries(NOW + 2 * HOUR) == []  # still held: a resume sends them
    assert len(await repo.pending_digest(1)) == 1
    await repo.set_pause(1, None)
    assert len(await repo.due_deliveries(NOW)) == 1


# --- feeds -----------------------------------------------------------------------------------


async def test_feeds_upsert_state_due_and_remove(repo: SqlRepository) -> None:
    a = await repo.upsert_feed("https://a.example/rss", "A")
    b = await repo.upsert_feed("https://b.example/rss", "B")
    assert (await repo.upsert_feed("https://a.example/rss", "A renamed")).id == a.id
    assert [f.name for f in await repo.list_feeds()] == ["A renamed", "B"]
    assert [f.id for f in await repo.due_feeds(NOW)] == [a.id, b.id]  # never checked: due

    kst = dt.timezone(dt.timedelta(hours=9))
    state = Feed(
        id=a.id,
        url=a.url,
        name=a.name,
        etag='W/"abc"',
        last_modified="Mon, 09 Feb 2026 08:00:00 GMT",
        next_check=(NOW + HOUR).astimezone(kst),  # any zone in, UTC out
        last_success=NOW,
        error_count=2,
        last_error="HTTP 503",
        failing_since=NOW - HOUR,
        entries_per_week=41.5,
    )
    await repo.save_feed_state(state)
    saved = await repo.get_feed(a.id)
    assert saved is not None
    assert saved.next_check == NOW + HOUR and saved.next_check.tzinfo == dt.UTC
    assert (saved.etag, saved.last_modified, saved.error_count) == (
        'W/"abc"',
        "Mon, 09 Feb 2026 08:00:00 GMT",
        2,
    )
    assert (saved.last_error, saved.failing_since, saved.entries_per_week) == (
        "HTTP 503",
        NOW - HOUR,
        41.5,
    )
    assert saved.name == "A renamed"  # save_feed_state stores fetch state, not the name
    assert [f.id for f in await repo.due_feeds(NOW)] == [b.id]
    assert [f.id for f in await repo.due_feeds(NOW + HOUR)] == [b.id, a.id]

    await repo.save_feed_state(
        Feed(id=b.id, url=b.url, name=b.name, disabled_since=NOW, error_count=99)
    )
    assert [f.id for f in await repo.due_feeds(NOW + 2 * HOUR)] == [a.id]
    assert (await repo.upsert_feed(b.url, "B")).disabled_since == NOW  # re-adding keeps it off

    await repo.record_item(item("k1", feed_id=a.id), Extraction(), NOW)
    assert await repo.remove_feed(str(a.id))
    assert await repo.remove_feed("https://b.example/rss")
    assert not await repo.remove_feed("https://b.example/rss")
    assert await repo.list_feeds() == []
    assert await repo.known_keys(["k1"]) == {"k1"}  # its items still never alert again


async def test_naive_datetimes_are_refused(repo: SqlRepository) -> None:
    feed = await repo.upsert_feed("https://a.example/rss", "A")
    with pytest.raises(Exception, match="naive datetime"):
        await repo.save_feed_state(
            Feed(id=feed.id, url=feed.url, name="A", next_check=dt.datetime(2026, 1, 1))
        )


# --- items, stories, outbox --------------------------------------------------------------------


async def test_item_of_a_feed_removed_meanwhile_is_kept(repo: SqlRepository) -> None:
    feed = await repo.upsert_feed("https://a.example/rss", "A")
    await repo.remove_feed(str(feed.id))
    result = await repo.record_item(item("orphan", feed_id=feed.id), mou(), NOW)
    assert result.item_id is not None and result.new_story
    assert await repo.known_keys(["orphan"]) == {"orphan"}


async def test_known_keys(repo: SqlRepository) -> None:
    assert await repo.known_keys([]) == set()
    for i in range(3):
        await repo.record_item(item(f"k{i}"), Extraction(), NOW)
    keys = [f"k{i}" for i in range(1200)]  # more than one IN (...) chunk
    assert await repo.known_keys(keys) == {"k0", "k1", "k2"}


async def test_record_item_non_mou_stores_item_only(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"))
    result = await repo.record_item(item("x"), Extraction(countries=("FR",)), NOW)
    assert result.item_id is not None and result.story_id is None and not result.duplicate
    assert (await repo.stats()).stories == 0
    assert await repo.due_deliveries(NOW) == []


async def test_record_item_twice_adds_nothing(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"))
    feed = await repo.upsert_feed("https://a.example/rss", "A")
    first = await repo.record_item(item("a", feed_id=feed.id), mou(), NOW)
    assert first.new_story and first.deliveries == 1 and first.story_id is not None
    before = await repo.stats()
    again = await repo.record_item(item("a", feed_id=feed.id), mou(), NOW + HOUR)
    assert again.duplicate and again.item_id is None and again.deliveries == 0
    assert await repo.stats() == before


async def test_record_items_stores_a_batch_like_one_item_at_a_time(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"))
    await chat(repo, 2, Topic("DE"))
    feed = await repo.upsert_feed("https://a.example/rss", "A")
    await repo.record_item(item("seen", feed_id=feed.id), Extraction(), NOW)
    germany = mou(
        countries=("DE",),
        parties=(("현대차", "지멘스"),),
        summary="현대차와 지멘스가 스마트공장 협력 양해각서를 맺었다.",
    )
    batch = [
        (item("plain", feed_id=feed.id), Extraction(countries=("FR",))),
        (item("fr-1", feed_id=feed.id), mou()),
        (item("seen", feed_id=feed.id), mou()),  # stored by an earlier poll
        (item("fr-2", title="코트라·비즈니스프랑스, AI 스타트업 협력", outlet="한경"), mou()),
        (item("fr-1", feed_id=feed.id), mou()),  # twice in one feed
        (item("de-1", title="현대차, 지멘스와 스마트공장 MOU"), germany),
    ]
    plain, fr1, seen, fr2, fr1_again, de1 = await repo.record_items(batch, NOW)
    assert plain.item_id is not None and plain.story_id is None
    assert fr1.new_story and fr1.deliveries == 1
    assert seen.duplicate and fr1_again.duplicate and fr1_again.item_id is None
    # A reprint later in the batch joins the story an earlier report of it started.
    assert fr2.story_id == fr1.story_id and not fr2.new_story and fr2.deliveries == 0
    assert de1.new_story and de1.deliveries == 1 and de1.story_id != fr1.story_id
    assert len({r.item_id for r in (plain, fr1, fr2, de1)}) == 4
    stats = await repo.stats()
    assert (stats.stories, stats.deliveries) == (2, {"pending": 2})
    [fr_story] = await repo.stories(Topic("FR"), None)
    assert fr_story.outlets == 2
    assert await repo.record_items([], NOW) == []


async def test_a_batch_is_stored_whole_or_not_at_all(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"))
    bad = item("bad", published=dt.datetime(2026, 2, 9, 9, 0))  # naive: refused
    with pytest.raises(Exception, match="naive datetime"):
        await repo.record_items([(item("good"), mou()), (bad, Extraction())], NOW)
    assert await repo.known_keys(["good", "bad"]) == set()
    assert (await repo.stats()).stories == 0


async def test_a_batch_keeps_the_items_of_a_feed_removed_meanwhile(repo: SqlRepository) -> None:
    kept = await repo.upsert_feed("https://a.example/rss", "A")
    gone = await repo.upsert_feed("https://b.example/rss", "B")
    await repo.remove_feed(str(gone.id))
    results = await repo.record_items(
        [(item("a", feed_id=kept.id), Extraction()), (item("b", feed_id=gone.id), Extraction())],
        NOW,
    )
    assert all(r.item_id is not None for r in results)
    assert await repo.known_keys(["a", "b"]) == {"a", "b"}


async def test_one_delivery_per_chat_and_story_whatever_matches(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"), Topic(sector="ai"), Topic("FR", "ai"))
    await chat(repo, 2, Topic("DE", "ai"))  # combination that does not match
    await chat(repo, 3, Topic("FR", "ai"))
    await chat(repo, 4, Topic("FR"), mode="digest")
    result = await repo.record_item(item("a"), mou(), NOW)
    assert result.deliveries == 3
    jobs = await repo.due_deliveries(NOW)
    assert [j.chat.id for j in jobs] == [1, 3]  # digest chat 4 waits for its digest
    story = jobs[0].story
    assert story.id == result.story_id
    assert (story.countries, story.sectors, story.outlets) == (("FR",), ("ai",), 1)
    assert story.parties == (("코트라", "비즈니스 프랑스"),)
    assert story.amounts == (("3천500만유로", 35_000_000.0, "EUR"),)
    assert story.signed_on == NOW.date() and story.published == NOW and story.mou_count == 1
    digest = await repo.pending_digest(4)
    assert [(j.chat.id, j.story.id) for j in digest] == [(4, result.story_id)]


async def test_reprint_attaches_to_the_story_and_never_alerts(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"))
    first = await repo.record_item(item("a", outlet="연합뉴스"), mou(), NOW)
    await chat(repo, 2, Topic("FR"))  # subscribed after the first report
    reprint = await repo.record_item(
        item("b", title="코트라-비즈니스프랑스, AI 스타트업 협력 MOU", outlet="한국경제"),
        mou(parties=(("KOTRA", "비즈니스프랑스"), ("코트라",))),
        NOW + 2 * HOUR,
    )
    assert reprint.story_id == first.story_id and not reprint.new_story
    assert reprint.deliveries == 0
    same_outlet = await repo.record_item(item("c", outlet="연합뉴스"), mou(), NOW + 3 * HOUR)
    assert same_outlet.story_id == first.story_id
    stories = await repo.stories(None, None)
    assert len(stories) == 1 and stories[0].outlets == 2
    assert [j.chat.id for j in await repo.due_deliveries(NOW + 4 * HOUR)] == [1]


async def test_a_reprint_without_a_signing_day_joins_a_story_signed_days_before(
    repo: SqlRepository,
) -> None:
    """Signed a week before it was announced: a reprint giving no signing day is compared by
    its publication date with the story's (grouping reads them back from the database)."""
    await chat(repo, 1, Topic("FR"))
    signed_earlier = replace(mou(), date=NOW.date() - dt.timedelta(days=7))
    first = await repo.record_item(item("a"), signed_earlier, NOW)
    reprint = await repo.record_item(
        item(
            "b", title="비즈니스 프랑스(Business France), 코트라와 AI 스타트업 협력", outlet="한경"
        ),
        replace(mou(parties=(("비즈니스 프랑스(Business France)", "코트라"),)), date=None),
        NOW + 2 * HOUR,
    )
    assert reprint.story_id == first.story_id and reprint.deliveries == 0


async def test_different_mou_same_country_is_a_new_story(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"))
    a = await repo.record_item(item("a"), mou(), NOW)
    b = await repo.record_item(
        item("b", title="현대차, 르노와 수소차 협력 양해각서"),
        mou(sectors=("mobility",), parties=(("현대자동차", "르노"),), summary="수소차 협력"),
        NOW + HOUR,
    )
    assert b.new_story and b.story_id != a.story_id and b.deliveries == 1


async def test_backlog_items_store_a_story_without_alerting(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"))
    result = await repo.record_item(item("old", alert=False), mou(), NOW)
    assert result.new_story and result.deliveries == 0
    assert await repo.due_deliveries(NOW) == []
    assert len(await repo.stories(Topic("FR"), None)) == 1


async def test_concurrent_record_of_one_key_stores_it_once(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"))
    results = await asyncio.gather(*(repo.record_item(item("same"), mou(), NOW) for _ in range(8)))
    assert sum(not r.duplicate for r in results) == 1
    stats = await repo.stats()
    assert stats.stories == 1 and stats.deliveries["pending"] == 1


async def test_concurrent_writers_do_not_fail(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"))
    work = [
        repo.record_item(item(f"i{i}", title=f"기사 {i}"), Extraction(), NOW) for i in range(20)
    ]
    work += [repo.add_subscription(100 + i, Topic(sector="ai")) for i in range(20)]
    work += [repo.upsert_chat(1, type="private", title=f"t{i}") for i in range(10)]
    await asyncio.gather(*work)
    assert (await repo.stats()).subscriptions == 21


async def test_due_deliveries_order_claim_and_lease(repo: SqlRepository) -> None:
    for chat_id in (1, 2, 3):
        await chat(repo, chat_id, Topic("FR"))
    await repo.record_item(item("a"), mou(), NOW)
    await repo.record_item(
        item("b", title="LG전자, 탈레스와 보안 협력"),
        mou(parties=(("LG전자", "Thales"),), summary="LG전자와 탈레스가 보안 협력 협약을 맺었다."),
        NOW,
    )
    jobs = await repo.due_deliveries(NOW, limit=4)
    assert len(jobs) == 4
    assert [j.id for j in jobs] == sorted(j.id for j in jobs)  # oldest first
    rest = await repo.due_deliveries(NOW, limit=10)
    assert len(rest) == 2 and not {j.id for j in rest} & {j.id for j in jobs}  # claimed
    assert await repo.due_deliveries(NOW + repo.claim_lease - dt.timedelta(seconds=1)) == []
    again = await repo.due_deliveries(NOW + repo.claim_lease)  # a dead worker's lease ran out
    assert {j.id for j in again} == {j.id for j in jobs + rest}


async def test_mark_sent_retry_dead(repo: SqlRepository) -> None:
    for chat_id in (1, 2, 3):
        await chat(repo, chat_id, Topic("FR"))
    await repo.record_item(item("a"), mou(), NOW)
    one, two, three = await repo.due_deliveries(NOW)
    await repo.mark_sent([one.id], 555, NOW)
    await repo.mark_retry(two.id, "RetryAfter 30", NOW + dt.timedelta(seconds=30))
    await repo.mark_dead(three.id, "chat not found")
    assert await repo.due_deliveries(NOW + dt.timedelta(seconds=29)) == []
    retried = await repo.due_deliveries(NOW + dt.timedelta(seconds=30))
    assert [(j.id, j.attempts) for j in retried] == [(two.id, 1)]
    await repo.mark_retry(one.id, "late", NOW)  # a sent row stays sent
    await repo.mark_dead(one.id, "late")
    assert (await repo.stats()).deliveries == {"pending": 1, "sent": 1, "dead": 1}


async def test_due_deliveries_skip_inactive_digest_and_future(repo: SqlRepository) -> None:
    await chat(repo, 1, Topic("FR"))
    await chat(repo, 2, Topic("FR"), mode="digest")
    await chat(repo, 3, Topic("FR"))
    await repo.record_item(item("a"), mou(), NOW)
    await repo.deactivate_chat(3, "blocked")
    assert [j.chat.id for j in await repo.due_deliveries(NOW - HOUR)] == []  # not yet due
    assert [j.chat.id for j in await repo.due_deliveries(NOW)] == [1]
    digest = await repo.pending_digest(2)
    assert len(digest) == 1
    await repo.mark_sent([j.id for j in digest], 9, NOW)
    assert await repo.pending_digest(2) == []
    assert await repo.pending_digest(3) == []  # dropped when the chat was deactivated


async def test_stories_filter_by_topic_and_period(repo: SqlRepository) -> None:
    await repo.record_item(item("fr-ai", published=NOW - 40 * 24 * HOUR), mou(), NOW)
    await repo.record_item(
        item("fr-bio", title="바이오 협력", published=NOW - 2 * 24 * HOUR),
        mou(sectors=("bio_health",), parties=(("셀트리온", "사노피"),), summary="바이오"),
        NOW,
    )
    await repo.record_item(
        item("de-ai", title="독일 AI", published=None),
        mou(countries=("DE",), parties=(("네이버", "SAP"),), summary="독일"),
        NOW,
    )
    await repo.record_item(
        item("future", title="미래 날짜 기사", published=NOW + 24 * HOUR),
        mou(countries=("US",), parties=(("A사", "B사"),), summary="미국"),
        NOW,
    )

    def titles(stories: list[StoryView]) -> list[str]:
        return [s.title for s in stories]

    everything = await repo.stories(None, None)
    # Newest first by publication (a future date counts as now; no date: first seen).
    assert titles(everything) == ["미래 날짜 기사", "독일 AI", "바이오 협력", item("x").title]
    assert titles(await repo.stories(Topic("FR"), None)) == ["바이오 협력", item("x").title]
    assert titles(await repo.stories(Topic(sector="ai"), None)) == [
        "미래 날짜 기사",
        "독일 AI",
        item("x").title,
    ]
    assert titles(await repo.stories(Topic("FR", "ai"), None)) == [item("x").title]
    month = NOW - 30 * 24 * HOUR
    assert titles(await repo.stories(Topic("FR"), month)) == ["바이오 협력"]
    assert len(await repo.stories(None, None, limit=2)) == 2
    assert await repo.stories(Topic("JP"), None) == []


async def test_stats_counts_everything(repo: SqlRepository) -> None:
    empty = await repo.stats()
    assert (empty.chats, empty.stories, empty.deliveries) == (0, 0, {})
    await chat(repo, 1, Topic("FR"), Topic(sector="ai"))
    await chat(repo, 2, Topic("DE"))
    await repo.deactivate_chat(2, "blocked")
    await repo.upsert_feed("https://a.example/rss", "A")
    recorded = await repo.record_item(item("a"), mou(), NOW)
    stats = await repo.stats()
    assert (stats.chats, stats.active_chats, stats.subscriptions) == (2, 1, 3)
    assert (stats.feeds, stats.stories) == (1, 1)
    assert stats.deliveries == {"pending": 1}
    assert recorded.story_id is not None
    story = await repo.get_story(recorded.story_id)
    assert story is not None and story.title == item("a").title
    assert await repo.get_story(recorded.story_id + 1) is None
