"""The commands, end to end: the real Application talks to the Bot API stand-in over HTTP."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import AsyncIterator

import pytest
from bot_support import ask, eventually, record_story, running_bot
from standin_fixtures import ADMIN_ID

from core.settings import FetchSettings, Settings
from devtools.standin import BotApiStandin
from devtools.standin.state import keyboard_buttons
from extractors.model import Amount
from subscriptions.models import Topic
from subscriptions.store import SqlRepository

pytestmark = pytest.mark.slow


@pytest.fixture
async def api(standin: BotApiStandin, standin_settings: Settings) -> AsyncIterator[BotApiStandin]:
    async with running_bot(standin, standin_settings):
        yield standin


async def test_start_welcomes_in_the_users_language_with_subscribe_buttons(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    welcome = await ask(api, 42, "/start", language_code="ko")
    assert welcome.parse_mode == "HTML"
    assert "MOU 알리미" in welcome.text and len(welcome.text.splitlines()) == 3
    english = await ask(api, 43, "/start", language_code="en")
    assert english.text.startswith("MOU Alert watches Korean news feeds")

    france = next(b for b in welcome.buttons if "프랑스" in b.text)
    query = api.press_button(42, welcome.message_id, france.callback_data)
    await api.wait_until(lambda: query in api.callback_answers, what="button answered")
    assert "프랑스" in api.callback_answers[query]["text"]
    assert [s.topic for s in await repo.list_subscriptions(42)] == [Topic(country="FR")]
    assert await repo.list_subscriptions(43) == []


async def test_command_menus_in_english_and_korean(api: BotApiStandin) -> None:
    english, korean = dict(api.commands[""]), dict(api.commands["ko"])
    assert set(english) == set(korean) >= {"start", "subscribe", "summary", "mode", "lang"}
    assert english["subscribe"] == "Follow a country or sector"
    assert korean["subscribe"] == "국가·분야 구독"
    assert "feeds" not in english  # admin commands are not advertised


async def test_subscribe_list_unsubscribe_in_english(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    reply = await ask(api, 7, "/subscribe France, AI, Germany semiconductors")
    assert reply.text.startswith("Now following: 🇫🇷 France, AI & data, 🇩🇪 Germany · Semiconductors")
    again = await ask(api, 7, "/subscribe france")
    assert again.text == "Already following: 🇫🇷 France"

    listing = await ask(api, 7, "/list")
    assert "This chat follows (3)" in listing.text and "Delivery: instant alerts" in listing.text
    assert [b.text for b in listing.buttons] == [
        "✖ 🇫🇷 France",
        "✖ AI & data",
        "🌏 Only international: AI & data",  # a sector's choice; countries are international
        "✖ 🇩🇪 Germany · Semiconductors",
    ]
    assert "• AI & data (all MOUs)" in listing.text

    gone = await ask(api, 7, "/unsubscribe AI")
    assert gone.text == "Stopped following: AI & data"
    missing = await ask(api, 7, "/unsubscribe Japan")
    assert missing.text == "This chat wasn't following: 🇯🇵 Japan"
    cleared = await ask(api, 7, "/unsubscribe all")
    assert cleared.text == "Stopped following everything (2 topics)."
    assert await repo.list_subscriptions(7) == []


async def test_subscribe_list_unsubscribe_in_korean(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    reply = await ask(api, 8, "/subscribe 프랑스 바이오, 인공지능", language_code="ko")
    first, offer = reply.text.splitlines()
    assert first == "구독을 시작했습니다: 🇫🇷 프랑스 · 바이오·헬스케어, 인공지능·데이터"
    # The chat's first sector: all MOUs at once, and a button for international ones only.
    assert offer.startswith("인공지능·데이터: 국내 MOU를 포함한 모든 MOU를 알립니다.")
    [switch] = reply.buttons
    query = api.press_button(8, reply.message_id, switch.callback_data)
    await api.wait_until(lambda: query in api.callback_answers, what="scope switched")
    assert [s.international for s in await repo.list_subscriptions(8)] == [False, True]
    assert "(해외 MOU만)" in (await ask(api, 8, "/list")).text
    listing = await ask(api, 8, "/list")
    assert "구독 목록 (2개)" in listing.text and "알림 방식: 즉시 알림" in listing.text
    gone = await ask(api, 8, "/unsubscribe 인공지능")
    assert gone.text == "구독을 해지했습니다: 인공지능·데이터"
    cleared = await ask(api, 8, "/unsubscribe 전체")
    assert cleared.text == "모든 구독을 해지했습니다 (1개)."
    empty = await ask(api, 8, "/list")
    assert empty.text.startswith("아직 구독한 주제가 없습니다")


async def test_typos_get_a_suggestion_and_unknown_words_a_pointer(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    typo = await ask(api, 9, "/subscribe Frnace")
    assert "I don't know “Frnace”. Did you mean France?" in typo.text
    junk = await ask(api, 9, "/subscribe <script>alert(1)</script> qwzx")
    assert "“qwzx”" in junk.text and "See /countries and /sectors" in junk.text
    assert await repo.list_subscriptions(9) == []
    usage = await ask(api, 9, "/subscribe")
    assert usage.text.startswith("Tell me what to follow")
    korean_typo = await ask(api, 10, "/subscribe 프랑쓰", language_code="ko")
    assert "알 수 없는 주제" in korean_typo.text


async def test_list_remove_button_removes_only_that_chats_subscription(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    await ask(api, 11, "/subscribe France, Japan")
    await ask(api, 12, "/subscribe France")
    [theirs] = await repo.list_subscriptions(12)
    listing = await ask(api, 11, "/list")
    france = next(b for b in listing.buttons if "France" in b.text)
    before = len(api.messages(11))
    query = api.press_button(11, listing.message_id, france.callback_data)
    edited = (await api.wait_for_messages(11, before + 1))[before]
    assert api.callback_answers[query]["text"] == "Removed 🇫🇷 France"
    assert edited.kind == "edit" and edited.message_id == listing.message_id
    assert "France" not in edited.text and "Japan" in edited.text
    assert [s.topic for s in await repo.list_subscriptions(11)] == [Topic(country="JP")]

    # A forged callback carrying chat 12's subscription id (Telegram would not deliver one; a
    # modified client might try) removes nothing.
    chat = api.world.chat(11)
    message = api.world.messages[(11, listing.message_id)]
    assert chat is not None
    forged = {
        "id": "forged-1",
        "from": {"id": 11, "is_bot": False, "first_name": "Eve"},
        "message": message.as_json(chat),
        "chat_instance": "11",
        "data": f"rm:{theirs.id}",
    }
    api.world.callback_queries["forged-1"] = forged
    api.world.push_update("callback_query", forged)
    await api.wait_until(lambda: "forged-1" in api.callback_answers, what="forged answered")
    assert api.callback_answers["forged-1"]["text"] == "Already removed"
    assert await repo.list_subscriptions(12) == [theirs]


async def test_summary_counts_breaks_down_and_links(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    now = dt.datetime.now(dt.UTC)
    feed = await repo.upsert_feed("http://127.0.0.1:9/never-fetched.xml", "Test feed")
    await record_story(
        repo, feed.id, "fr-ai", "한-프랑스 AI 협력 MOU", ("FR",), ("ai",),
        published=now - dt.timedelta(days=2),
        amounts=(Amount("3천500만유로", 35e6, "EUR"),),
    )  # fmt: skip
    await record_story(
        repo, feed.id, "fr-energy", "한-불 원전 MOU", ("FR",), ("energy",),
        published=now - dt.timedelta(days=5),
    )  # fmt: skip
    await record_story(
        repo, feed.id, "fr-old", "한-불 우주 MOU", ("FR",), ("aerospace_defense",),
        published=now - dt.timedelta(days=60),
    )  # fmt: skip
    reply = await ask(api, 20, "/summary France")
    assert reply.text.startswith("🇫🇷 France — MOUs in the last 30 days: 2")
    assert "AI & data: 1" in reply.text and "Energy: 1" in reply.text
    assert "3천500만유로 — 한-프랑스 AI 협력 MOU" in reply.text
    assert "우주" not in reply.text
    links = [e.url for e in reply.entities if e.type == "text_link"]
    assert "https://news.example/fr-ai" in links

    wider = await ask(api, 20, "/summary 90d 프랑스")
    assert "MOUs in the last 90 days: 3" in wider.text
    by_country = await ask(api, 20, "/summary AI 1y")
    assert "By country" in by_country.text and "🇫🇷 France: 1" in by_country.text

    none = await ask(api, 21, "/summary 독일 7d", language_code="ko")
    assert none.text.startswith("최근 7일 동안 🇩🇪 독일 관련 MOU가 없습니다.")
    assert "/summary 독일 30d" in none.text

    latest = await ask(api, 20, "/latest 2")
    assert "Newest MOUs (2)" in latest.text and "한-프랑스 AI 협력 MOU" in latest.text


async def test_bad_arguments_get_a_short_helpful_reply(api: BotApiStandin) -> None:
    cases = {
        "/summary": "Tell me the topic",
        "/summary France 2d": "“2d” is not a period I know",
        "/summary 5년 France": "“5년” is not a period I know",
        "/summary France Germany": "Tell me the topic",
        "/latest many": "Use /latest or /latest 10 (1 to 20).",
        "/mode sometimes": "“sometimes” is not a mode: use instant, digest or weekly.",
        "/mode digest 25:00": "“25:00” is not a time of day",
        "/mode weekly": "Tell me the day",
        "/mode weekly someday 08:00": "“someday” is not a day of the week",
        "/mode weekly fri 7:99": "“7:99” is not a time of day",
        "/pause forever": "“forever” is not a pause I know",
        "/timezone Mars/Base": "“Mars/Base” is not a time zone I know",
        "/lang": "Languages: English (/lang en) and Korean (/lang ko).",
        "/lang fr": "“fr” is not offered: I reply in English (/lang en) or Korean (/lang ko).",
        "/resume": "Alerts are not paused.",
    }
    for command, expected in cases.items():
        reply = await ask(api, 30, command)
        assert expected in reply.text, (command, reply.text)


async def test_mode_and_lang_are_stored_on_the_chat(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    digest = await ask(api, 31, "/mode digest 07:45")
    assert "One message a day at 07:45 (Asia/Seoul)" in digest.text
    chat = await repo.get_chat(31)
    assert chat is not None and chat.mode == "digest" and chat.digest_time == dt.time(7, 45)
    default = await ask(api, 31, "/mode 요약")
    assert "One message a day at 08:00" in default.text
    instant = await ask(api, 31, "/mode instant")
    assert instant.text.startswith("Alerts will arrive as soon as")

    korean = await ask(api, 31, "/lang ko")
    assert korean.text == "이제 한국어로 답합니다."
    helped = await ask(api, 31, "/help")
    assert helped.text.startswith("명령어")
    back = await ask(api, 31, "/lang English")
    assert back.text == "I'll reply in English."


async def test_countries_main_partners_first_the_rest_a_tap_away_and_searchable(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    main = await ask(api, 32, "/countries", language_code="ko")
    assert main.text.startswith("주요 상대국")
    names = [b.text for b in main.buttons]
    assert names[:3] == ["🇺🇸 미국", "🇨🇳 중국", "🇯🇵 일본"] and names[-1] == "모든 국가 ›"
    assert not any("사크" in n or "카나리아" in n for n in names)
    france = next(b for b in main.buttons if b.text == "🇫🇷 프랑스")
    query = api.press_button(32, main.message_id, france.callback_data)
    await api.wait_until(lambda: query in api.callback_answers, what="followed")
    await api.wait_for_messages(32, len(api.messages(32)) + 1)  # the ✓ edit
    assert [s.topic for s in await repo.list_subscriptions(32)] == [Topic(country="FR")]
    marked = api.message(32, main.message_id)
    assert marked is not None
    assert "✓ 🇫🇷 프랑스" in [b.text for b in keyboard_buttons(marked.reply_markup)]

    before = len(api.messages(32))
    api.press_button(32, main.message_id, main.buttons[-1].callback_data)
    rest = (await api.wait_for_messages(32, before + 1))[-1]
    assert rest.kind == "edit" and "짐바브웨 (ZW)" in rest.text and not rest.text.endswith("…")
    assert "프랑스 (FR)" not in rest.text  # a main partner, on the first page

    found = await ask(api, 32, "/countries 짐바")
    assert [b.text for b in found.buttons] == ["🇿🇼 짐바브웨"]
    sectors = await ask(api, 32, "/sectors")
    assert sectors.text.startswith("분야") and "인공지능·데이터" in sectors.text


async def test_admin_commands_refuse_everyone_else(api: BotApiStandin, repo: SqlRepository) -> None:
    for command in ("/stats", "/feeds", "/addfeed http://127.0.0.1:9/x.xml", "/removefeed 1"):
        reply = await ask(api, 40, command)
        assert reply.text == "Sorry, only the bot's administrators can do that."
    assert await repo.list_feeds() == []

    added = await ask(api, ADMIN_ID, "/addfeed http://127.0.0.1:9/rss.xml Local news")
    assert added.text.startswith("Added feed #") and "Local news" in added.text
    [feed] = await repo.list_feeds()
    health = await ask(api, ADMIN_ID, "/feeds")
    assert "Local news" in health.text and "http://127.0.0.1:9/rss.xml" in health.text
    stats = await ask(api, ADMIN_ID, "/stats")
    assert "Feeds: 1" in stats.text and "Chats:" in stats.text
    bad = await ask(api, ADMIN_ID, "/addfeed ftp://example.com/feed")
    assert bad.text.startswith("Can't add that feed: Only http:// and https://")
    removed = await ask(api, ADMIN_ID, f"/removefeed {feed.id}")
    assert removed.text.startswith("Removed feed")
    assert await repo.list_feeds() == []


async def test_addfeed_refuses_private_addresses_unless_allowed(
    standin: BotApiStandin, standin_settings: Settings
) -> None:
    settings = dataclasses.replace(standin_settings, fetch=FetchSettings(timeout=5.0))
    async with running_bot(standin, settings):
        reply = await ask(standin, ADMIN_ID, "/addfeed http://127.0.0.1:8080/rss")
        assert "only public addresses are allowed" in reply.text


async def test_blocking_kicking_and_readding_update_the_chat(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    await ask(api, 50, "/subscribe France")
    api.block(50)
    chat = await eventually(lambda: repo.get_chat(50), lambda c: c is not None and not c.active)
    assert chat is not None and chat.stopped_reason == "blocked by the user"
    api.unblock(50)
    await eventually(lambda: repo.get_chat(50), lambda c: c is not None and c.active)

    await ask(api, -60, "/subscribe AI", chat_type="group", chat_title="Analysts")
    api.member_update(-60, "left")
    chat = await eventually(lambda: repo.get_chat(-60), lambda c: c is not None and not c.active)
    assert chat is not None and chat.stopped_reason == "removed from the group"


async def test_group_upgrade_keeps_subscriptions(api: BotApiStandin, repo: SqlRepository) -> None:
    api.add_chat(-70, "group", title="Desk")
    api.set_member(-70, 1001, "administrator")
    await ask(api, -70, "/subscribe Japan", chat_type="group", chat_title="Desk")
    new_id = api.migrate(-70)
    moved = await eventually(lambda: repo.list_subscriptions(new_id), bool)
    assert [s.topic for s in moved] == [Topic(country="JP")]
    assert await repo.list_subscriptions(-70) == []
