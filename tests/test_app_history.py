"""/search, /export, the /summary chart and the organisation/keyword offer of /subscribe, end
to end: the real Application against the Bot API stand-in, in both languages."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import AsyncIterator

import pytest
from bot_support import ask, record_story, running_bot

from bot.charts import HEIGHT_PX, WIDTH_PX
from bot.export import HEADER
from core.settings import Settings
from devtools.standin import BotApiStandin
from devtools.standin.media import image_size
from subscriptions.models import Topic
from subscriptions.store import SqlRepository, open_repository

pytestmark = pytest.mark.slow


@pytest.fixture
async def repo(standin_settings: Settings) -> AsyncIterator[SqlRepository]:
    repo = await open_repository(standin_settings.database.url)
    yield repo
    await repo.close()


@pytest.fixture
async def api(standin: BotApiStandin, standin_settings: Settings) -> AsyncIterator[BotApiStandin]:
    async with running_bot(standin, standin_settings):
        yield standin


async def _history(repo: SqlRepository, count: int = 7) -> None:
    now = dt.datetime.now(dt.UTC)
    feed = await repo.upsert_feed("http://127.0.0.1:9/never-fetched.xml", "Test feed")
    for i in range(count):
        await record_story(
            repo, feed.id, f"h2-{i}", f"수소 협력 MOU {i}", ("FR",), ("energy",),
            published=now - dt.timedelta(days=10 * i + 1),
        )  # fmt: skip
    await record_story(
        repo, feed.id, "de", "독일 반도체 MOU", ("DE",), ("semiconductor",),
        published=now - dt.timedelta(days=3),
    )  # fmt: skip


async def test_unknown_name_offers_organisation_or_keyword(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    reply = await ask(api, 30, "/subscribe 삼성전자", language_code="ko")
    assert "“삼성전자”을(를) 기관(서명 당사자)으로 구독할까요" in reply.text
    assert [b.text for b in reply.buttons] == ["🏢 기관: 삼성전자", "🔎 키워드: 삼성전자"]
    query = api.press_button(30, reply.message_id, reply.buttons[0].callback_data)
    await api.wait_until(lambda: query in api.callback_answers, what="button answered")
    assert "🏢 삼성전자" in api.callback_answers[query]["text"]
    assert [s.topic for s in await repo.list_subscriptions(30)] == [Topic(org="삼성전자")]

    typo = await ask(api, 31, "/subscribe Frnace")
    # A typo gets the suggestion's Follow button (issue 14), no organisation or keyword offer.
    assert "Did you mean France?" in typo.text
    assert [b.text for b in typo.buttons] == ["Follow 🇫🇷 France?"]
    english = await ask(api, 31, "/subscribe LNG")
    assert [b.text for b in english.buttons] == ["🏢 Organisation: LNG", "🔎 Keyword: LNG"]
    query = api.press_button(31, english.message_id, english.buttons[1].callback_data)
    await api.wait_until(lambda: query in api.callback_answers, what="button answered")
    listing = await ask(api, 31, "/list")
    assert "🔎 “LNG”" in listing.text

    direct = await ask(api, 31, "/subscribe France org:탈레스")
    assert direct.text == "Now following: 🇫🇷 France · 🏢 탈레스"
    gone = await ask(api, 31, "/unsubscribe France org:탈레스")
    assert gone.text == "Stopped following: 🇫🇷 France · 🏢 탈레스"


async def test_the_offer_buttons_keep_the_subscription_limit(
    api: BotApiStandin, repo: SqlRepository, standin_settings: Settings
) -> None:
    limit = standin_settings.limits.subscriptions_per_chat
    for i in range(limit):
        assert await repo.add_subscription(32, Topic(keyword=f"단어{i}"))
    reply = await ask(api, 32, "/subscribe LNG")
    query = api.press_button(32, reply.message_id, reply.buttons[0].callback_data)
    await api.wait_until(lambda: query in api.callback_answers, what="button answered")
    assert f"at most {limit}" in api.callback_answers[query]["text"]
    assert len(await repo.list_subscriptions(32)) == limit


async def test_search_pages_with_buttons_that_edit_the_message(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    await _history(repo)
    first = await ask(api, 40, "/search 수소 1y")
    assert first.text.startswith("🔎 수소 — MOUs, last 1y (page 1):")
    assert "수소 협력 MOU 0" in first.text and "수소 협력 MOU 5" not in first.text
    assert [b.text for b in first.buttons] == ["Next ▶"]
    api.press_button(40, first.message_id, first.buttons[0].callback_data)
    [_, second] = await api.wait_for_messages(40, 2)
    assert second.kind == "edit" and second.message_id == first.message_id
    assert "(page 2)" in second.text and "수소 협력 MOU 5" in second.text
    assert [b.text for b in second.buttons] == ["◀ Previous"]

    korean = await ask(api, 41, "/search 협력 MOU 30d", language_code="ko")
    assert korean.text.startswith("🔎 협력 MOU — MOU 검색 결과, 최근 30d (1쪽):")
    none = await ask(api, 41, "/search 원자력")
    assert none.text == "“원자력”이(가) 들어간 MOU가 없습니다 (전체 기간)."
    usage = await ask(api, 41, "/search")
    assert usage.text.startswith("찾을 말을 함께 보내 주세요")


async def test_export_sends_a_csv_a_spreadsheet_reads(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    await _history(repo)
    api.user_sends(50, "/export France 1y")
    [document] = await api.wait_for_uploads(50, 1)
    assert document.kind == "document"
    assert document.upload.name == "mou-France-1y.csv"
    assert document.text == "7 MOUs — “France”, last 1y"
    assert document.upload.data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    rows = list(csv.reader(io.StringIO(document.upload.data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == HEADER and len(rows) == 8
    assert rows[1][HEADER.index("countries")] == "FR"
    assert rows[1][HEADER.index("parties")] == "party h2-0; partner h2-0"

    api.user_sends(51, "/export 반도체", language_code="ko")
    [csv_file] = await api.wait_for_uploads(51, 1)
    assert csv_file.text == "MOU 1건 — “반도체”, 전체 기간"
    none = await ask(api, 51, "/export 원자력 7d")
    assert none.text == "“원자력”에 해당하는 MOU가 없습니다 (최근 7d)."


async def test_summary_sends_a_chart_in_the_chats_language(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    await _history(repo)
    reply = await ask(api, 60, "/summary France 1y", language_code="ko")
    assert reply.text.startswith("🇫🇷 프랑스 — 최근 1년 동안 MOU 7건")
    [photo] = await api.wait_for_uploads(60, 1)
    assert image_size(photo.upload.data) == (WIDTH_PX, HEIGHT_PX)
    nothing = await ask(api, 61, "/summary Japan 7d")
    assert "No MOUs about" in nothing.text
    more = await ask(api, 61, "/summary org:party h2-0 1y")
    assert "MOUs in the last year: 1" in more.text
    await api.wait_for_uploads(61, 1)
    assert api.uploads(60)[0].kind == "photo" and len(api.uploads(61)) == 1


async def test_a_query_too_long_for_a_button_still_pages(
    api: BotApiStandin, repo: SqlRepository
) -> None:
    await _history(repo)
    words = " ".join(["수소"] * 12)  # 12 x 7 bytes: more than a button's 64 bytes of data
    first = await ask(api, 42, f"/search {words}")
    [following] = first.buttons
    assert following.callback_data is not None and following.callback_data.startswith("srch:1:")
    api.press_button(42, first.message_id, following.callback_data)
    [_, second] = await api.wait_for_messages(42, 2)
    assert "(page 2)" in second.text and "수소 협력 MOU 5" in second.text
    # A button whose query the chat no longer keeps (the bot restarted) says so.
    chat = api.world.chat(42)
    assert chat is not None
    stale = {
        "id": "stale-1",
        "from": {"id": 42, "is_bot": False, "first_name": "Ann"},
        "message": api.world.messages[(42, first.message_id)].as_json(chat),
        "chat_instance": "42",
        "data": "srch:1:all:~0000",
    }
    api.world.callback_queries["stale-1"] = stale
    api.world.push_update("callback_query", stale)
    await api.wait_until(lambda: "stale-1" in api.callback_answers, what="stale answered")
    assert api.callback_answers["stale-1"]["text"].startswith("That search is no longer open")
