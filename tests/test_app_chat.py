"""The chat as a new user meets it (issue 14), end to end: the real Application, the Bot API
stand-in over HTTP, SQLite. Group settings are for administrators, replies say what happened,
alerts carry Mute / More like this buttons, and a pause holds alerts until one resume message."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator

import pytest
from bot_support import ask, record_story, running_bot

from core.settings import Settings
from devtools.standin import BotApiStandin
from devtools.standin.state import Outgoing, keyboard_buttons
from subscriptions.models import Topic
from subscriptions.store import SqlRepository

pytestmark = pytest.mark.slow

GROUP = -500
MEMBER, ADMIN = 501, 502


@pytest.fixture
async def api(standin: BotApiStandin, standin_settings: Settings) -> AsyncIterator[BotApiStandin]:
    async with running_bot(standin, standin_settings):
        yield standin


async def publish(
    repo: SqlRepository, title: str, countries: tuple[str, ...], sectors: tuple[str, ...] = ()
) -> int:
    """An MOU story as the pipeline stores it, queued for every matching chat."""
    feed = await repo.upsert_feed("http://127.0.0.1:9/never-fetched.xml", "Test feed")
    key = uuid.uuid4().hex[:12]  # parties named after it: never taken for a reprint
    now = dt.datetime.now(dt.UTC)
    return await record_story(
        repo, feed.id, key, title, countries, tuple(sectors), published=now, alert=True
    )


def about(api: BotApiStandin, chat_id: int, title: str) -> list[Outgoing]:
    return [m for m in api.messages(chat_id) if title in m.text]


async def test_only_a_groups_administrators_change_its_subscriptions(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    api.add_chat(GROUP, "supergroup", title="Newsroom")
    api.set_member(GROUP, ADMIN, "administrator")
    refused = await ask(api, GROUP, "/subscribe France", user_id=MEMBER)
    assert refused.text == "Only this group's administrators can change its settings."
    assert await repo.list_subscriptions(GROUP) == []
    for command in ("/mode digest 08:00", "/pause 1d", "/lang ko", "/timezone Europe/Paris"):
        assert "administrators" in (await ask(api, GROUP, command, user_id=MEMBER)).text
    chat = await repo.get_chat(GROUP)
    assert chat is not None and (chat.mode, chat.paused_until, chat.timezone) == (
        "instant",
        None,
        None,
    )
    # Reading is for everyone.
    assert "Delivery: instant alerts" in (await ask(api, GROUP, "/mode", user_id=MEMBER)).text
    assert "No MOUs" in (await ask(api, GROUP, "/latest", user_id=MEMBER)).text

    done = await ask(api, GROUP, "/subscribe France", user_id=ADMIN)
    assert done.text == "Now following: 🇫🇷 France"
    assert [s.topic for s in await repo.list_subscriptions(GROUP)] == [Topic(country="FR")]

    # Buttons too: a member pressing /list's remove button changes nothing.
    listing = await ask(api, GROUP, "/list", user_id=MEMBER)
    query = api.press_button(GROUP, listing.message_id, number=1, user_id=MEMBER)
    await api.wait_until(lambda: query in api.callback_answers, what="refusal")
    assert "administrators" in api.callback_answers[query]["text"]
    assert len(await repo.list_subscriptions(GROUP)) == 1
    # getChatMember was asked once per person: the answer is cached briefly.
    assert api.stats.requests["getchatmember"] == 2


async def test_mode_shows_the_current_mode_and_takes_a_weekly_digest(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    shown = await ask(api, 40, "/mode")
    assert shown.text.startswith("Delivery: instant alerts; time zone Asia/Seoul.")
    weekly = await ask(api, 40, "/mode weekly fri 07:30")
    assert weekly.text.startswith("One message a week, on Friday at 07:30 (Asia/Seoul)")
    await ask(api, 40, "/timezone europe/paris")
    again = await ask(api, 40, "/mode")
    assert again.text.startswith(
        "Delivery: weekly digest on Friday at 07:30; time zone Europe/Paris."
    )
    korean = await ask(api, 41, "/mode", language_code="ko")
    assert korean.text.startswith("알림 방식: 즉시 알림, 시간대 Asia/Seoul.")


async def test_an_unknown_command_is_named_and_plain_text_gets_a_hint(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    unknown = await ask(api, 42, "/frobnicate now")
    assert unknown.text == "I don't know the command /frobnicate. /help lists the ones I do."
    korean = await ask(api, 43, "/구독", language_code="ko")
    assert "없는 명령입니다" in korean.text or "/help" in korean.text

    hint = await ask(api, 42, "hello?")
    assert "/subscribe" in hint.text and hint.buttons == []
    named = await ask(api, 42, "France")
    assert [b.text for b in named.buttons] == ["Follow 🇫🇷 France?"]
    query = api.press_button(42, named.message_id, named.buttons[0].callback_data)
    await api.wait_until(lambda: query in api.callback_answers, what="followed")
    assert [s.topic for s in await repo.list_subscriptions(42)] == [Topic(country="FR")]

    # In a group the bot keeps quiet about plain text.
    api.add_chat(-44, "group", title="Chatter")
    before = len(api.messages(-44))
    api.user_sends(-44, "France", user_id=MEMBER)
    await ask(api, -44, "/help", user_id=MEMBER)
    assert len(api.messages(-44)) == before + 1


async def test_combinations_suggestions_and_st_helena(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    helena = await ask(api, 45, "/subscribe St. Helena")
    assert helena.text.startswith("Now following: 🇸🇭 St. Helena")
    assert [s.topic for s in await repo.list_subscriptions(45)] == [Topic(country="SH")]

    both = await ask(api, 46, "/subscribe France AI Germany")
    assert both.text.splitlines()[:2] == [
        "Now following: 🇫🇷 France · AI & data, 🇩🇪 Germany · AI & data",
        "In one group each country is combined with each sector: an alert needs both.",
    ]
    instead = next(b for b in both.buttons if b.text.startswith("Follow "))
    assert instead.text == "Follow 🇫🇷 France, 🇩🇪 Germany, AI & data separately instead"
    query = api.press_button(46, both.message_id, instead.callback_data)
    await api.wait_until(lambda: query in api.callback_answers, what="separately")
    topics = {s.topic for s in await repo.list_subscriptions(46)}
    assert topics == {Topic(country="FR"), Topic(country="DE"), Topic(sector="ai")}

    typo = await ask(api, 47, "/subscribe Frnace")
    assert "Did you mean France?" in typo.text
    [accept] = typo.buttons
    query = api.press_button(47, typo.message_id, accept.callback_data)
    await api.wait_until(lambda: query in api.callback_answers, what="accepted")
    assert [s.topic for s in await repo.list_subscriptions(47)] == [Topic(country="FR")]

    start = await ask(api, 47, "/start")
    assert "✓ 🇫🇷 France" in [b.text for b in start.buttons]
    toggled = next(b for b in start.buttons if b.text == "✓ 🇫🇷 France")
    query = api.press_button(47, start.message_id, toggled.callback_data)
    await api.wait_until(lambda: query in api.callback_answers, what="toggled")
    assert await repo.list_subscriptions(47) == []


async def test_buttons_add_no_subscription_beyond_the_per_chat_limit(
    api: BotApiStandin, repo: SqlRepository, standin_settings: Settings
) -> None:
    """A /start toggle is held to [limits] subscriptions_per_chat like /subscribe."""
    limit = standin_settings.limits.subscriptions_per_chat
    for i in range(limit):
        assert await repo.add_subscription(48, Topic(keyword=f"word{i}"), limit)
    start = await ask(api, 48, "/start")
    france = next(b for b in start.buttons if b.text.endswith("🇫🇷 France"))
    query = api.press_button(48, start.message_id, france.callback_data)
    await api.wait_until(lambda: query in api.callback_answers, what="refused")
    assert api.callback_answers[query]["text"].startswith("Not added: 🇫🇷 France.")
    subs = await repo.list_subscriptions(48)
    assert len(subs) == limit and Topic(country="FR") not in {s.topic for s in subs}


async def test_alert_mute_button_stops_the_next_alert_and_more_like_this(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    await ask(api, 50, "/subscribe France")
    await ask(api, 51, "/subscribe France")  # a witness that keeps following
    await publish(repo, "한-프랑스 AI 협력 MOU 체결", ("FR",), ("ai",))
    await api.wait_until(lambda: bool(about(api, 50, "AI 협력")), 15, what="first alert")
    [alert] = about(api, 50, "AI 협력")
    assert [b.text for b in alert.buttons] == ["🔕 Mute 🇫🇷 France", "🔎 More like this"]

    query = api.press_button(50, alert.message_id, alert.buttons[0].callback_data)
    await api.wait_until(lambda: query in api.callback_answers, what="muted")
    assert api.callback_answers[query]["text"] == "Muted 🇫🇷 France: no more alerts about it."
    assert await repo.list_subscriptions(50) == []

    def shown() -> list[str]:
        edited = api.message(50, alert.message_id)
        return [b.text for b in keyboard_buttons(edited.reply_markup if edited else None)]

    # The toast is answered first, then the message's buttons are edited.
    await api.wait_until(lambda: shown()[0].startswith("↩"), what="the undo button")
    assert shown() == ["↩ Undo: follow 🇫🇷 France again", "🔎 More like this"]

    await publish(repo, "한-프랑스 원전 MOU", ("FR",), ("energy",))
    await api.wait_until(lambda: bool(about(api, 51, "원전")), 15, what="witness alert")
    assert about(api, 50, "원전") == []  # the muted chat got nothing, not even later
    more = api.press_button(50, alert.message_id, alert.buttons[1].callback_data)
    await api.wait_until(lambda: more in api.callback_answers, what="more")
    await api.wait_until(
        lambda: bool(about(api, 50, "🇫🇷 France — MOUs in the last 30 days: 2")), what="summary"
    )

    redo = api.press_button(50, alert.message_id, number=1)
    await api.wait_until(lambda: redo in api.callback_answers, what="undone")
    assert [s.topic for s in await repo.list_subscriptions(50)] == [Topic(country="FR")]


async def test_pause_holds_alerts_and_resume_delivers_them_once(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    await ask(api, 60, "/subscribe Japan")
    await ask(api, 61, "/subscribe Japan")  # the witness
    paused = await ask(api, 60, "/pause 1d")
    assert paused.text.startswith("Alerts paused until ")
    for title in ("한-일 반도체 MOU", "한-일 수소 MOU"):
        await publish(repo, title, ("JP",), ())
    await api.wait_until(
        lambda: bool(about(api, 61, "수소") and about(api, 61, "반도체")), 15, what="witness"
    )
    assert about(api, 60, "MOU 체결") == [] and about(api, 60, "한-일") == []

    before = len(api.messages(60))
    api.user_sends(60, "/resume")
    held, said = (await api.wait_for_messages(60, before + 2))[before:]
    assert "한-일 반도체 MOU" in held.text and "한-일 수소 MOU" in held.text
    assert said.text == "Alerts resumed; what arrived meanwhile (2) is in the message above."
    chat = await repo.get_chat(60)
    assert chat is not None and chat.paused_until is None
    # Once: the outbox rows were settled by the resume message, nothing follows one by one.
    await publish(repo, "한-일 배터리 MOU", ("JP",), ())
    await api.wait_until(lambda: bool(about(api, 60, "배터리")), 15, what="next alert")
    assert len(about(api, 60, "수소")) == 1 and len(about(api, 60, "반도체")) == 1


async def test_latest_shows_the_chats_topics_caps_at_20_and_times_in_its_zone(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    await ask(api, 70, "/subscribe Vietnam")
    await ask(api, 70, "/timezone Europe/Paris")
    await publish(repo, "한-베트남 조선 MOU", ("VN",), ("shipbuilding",))
    await publish(repo, "한-캐나다 광물 MOU", ("CA",), ("energy",))
    await api.wait_until(lambda: bool(about(api, 70, "조선 MOU")), 15, what="alert")
    [alert] = about(api, 70, "조선 MOU")
    assert alert.text.rstrip().endswith(("CET", "CEST"))  # the chat's zone, not Seoul's

    mine = await ask(api, 70, "/latest 100")
    lines = mine.text.splitlines()
    assert lines[0].startswith("Newest MOUs on this chat's topics (1)")
    assert lines[1] == "Showing the newest 20: that is the most /latest shows."
    assert "베트남" in mine.text and "캐나다" not in mine.text
    everything = await ask(api, 70, "/latest all")
    assert "베트남" in everything.text and "캐나다" in everything.text
