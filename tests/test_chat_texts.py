"""Pure parts of the polished chat: summaries without headline, outlet or byline; an amount
and its won equivalent as one; alert buttons and their callback data."""

from __future__ import annotations

import datetime as dt

from bot import buttons
from bot.alerts import format_alert
from bot.keyboards import alert_keyboard, swap, undo_button
from bot.markup import MAX_MESSAGE, utf16_len
from bot.replies import countries_rest, latest, summary
from bot.story_text import amount_groups, clean_summary
from bot.summary import summarize
from subscriptions.models import StoryView, Subscription, Topic

TITLE = "코트라, 佛 AI 스타트업과 2억달러 MOU"


def story(**changes: object) -> StoryView:
    base = {
        "id": 1,
        "title": TITLE,
        "url": "https://news.example/1",
        "outlet": "연합뉴스",
        "published": dt.datetime(2026, 12, 7, 1, 0, tzinfo=dt.UTC),
        "countries": ("FR",),
        "sectors": ("ai", "energy", "battery", "semiconductor"),
    }
    return StoryView(**{**base, **changes})  # type: ignore[arg-type]


def test_summary_drops_headline_outlet_and_bylines() -> None:
    text = (
        "(서울=연합뉴스) 김철수 기자 = 코트라, 佛 AI 스타트업과 2억달러 MOU. "
        "코트라는 7일 프랑스 스타트업 10곳과 협약을 맺었다. "
        "연합뉴스 취재에 따르면 후속 투자도 논의됐다. kim@yna.co.kr"
    )
    kept = clean_summary(text, TITLE, ["연합뉴스"])
    assert kept == "코트라는 7일 프랑스 스타트업 10곳과 협약을 맺었다."
    assert clean_summary("[이데일리 박영희 기자] 두 기관이 협약을 맺었다.", "", ()) == (
        "두 기관이 협약을 맺었다."
    )
    alert = format_alert(story(summary=text), "ko", dt.UTC)
    assert alert.count(TITLE) == 1 and "기자" not in alert and "@" not in alert


def test_an_amount_and_its_won_equivalent_are_one_amount() -> None:
    usd, krw = ("2억달러", 2e8, "USD"), ("2천700억원", 2.7e11, "KRW")
    assert amount_groups([usd, krw]) == [(usd, krw)]
    other = ("50억원", 5e9, "KRW")  # far from 2억달러 in won: a second deal
    assert amount_groups([usd, other]) == [(usd, None), (other, None)]
    alert = format_alert(story(amounts=(usd, krw)), "ko", dt.UTC)
    assert "금액: 2억달러 (US$200,000,000, 약 2천700억원)" in alert
    english = format_alert(story(amounts=(usd, krw)), "en", dt.UTC)
    assert "Amount: 2억달러 ($200,000,000, about 2천700억원)" in english


def test_latest_and_summary_show_the_same_sectors_as_the_alert() -> None:
    s = story()
    alert = format_alert(s, "en", dt.UTC)
    head = alert.splitlines()[0]
    assert head == "<b>🇫🇷 France | AI &amp; data, Energy, Batteries, Semiconductors</b>"
    listed = latest("en", [s], dt.UTC)
    assert "🇫🇷 France | AI &amp; data, Energy, Batteries, Semiconductors" in listed
    summed = summary("en", summarize([s], Topic(country="FR"), "30d"), "France", dt.UTC)
    assert "🇫🇷 France | AI &amp; data, Energy, Batteries, Semiconductors" in summed


def test_alert_keyboard_mutes_the_matched_topics_and_asks_for_more() -> None:
    subs = [
        Subscription(1, 7, Topic(country="DE")),
        Subscription(2, 7, Topic(country="FR")),
        Subscription(3, 7, Topic(sector="ai"), international=True),
    ]
    keyboard = alert_keyboard(story(), subs, "en")
    assert keyboard is not None
    pressed = [(b.text, b.callback_data) for row in keyboard.inline_keyboard for b in row]
    assert pressed == [
        ("🔕 Mute 🇫🇷 France", "mute:FR/"),
        ("🔕 Mute AI & data", "mute:/ai"),
        ("🔎 More like this", "more:FR/"),
    ]
    undone = swap(keyboard, "mute:/ai", undo_button(Topic(sector="ai"), True, "en"))
    assert undone is not None
    assert undone.inline_keyboard[1][0].callback_data == "unmute:/ai:i"
    # A domestic MOU does not match an international-only subscription: no button for it.
    domestic = alert_keyboard(story(countries=()), subs, "ko")
    assert domestic is not None
    assert [b.callback_data for row in domestic.inline_keyboard for b in row] == ["more:/ai"]


def test_the_second_countries_page_holds_every_other_country_in_one_message() -> None:
    for lang in ("en", "ko"):
        page = countries_rest(lang)  # type: ignore[arg-type]
        assert not page.text.endswith("…") and utf16_len(page.text) <= MAX_MESSAGE
        listed = page.text.splitlines()[1:]
        assert any(line.endswith("(ZW)") for line in listed)
        assert not any(line.endswith("(FR)") for line in listed)  # on the first page


def test_a_sectors_summary_calls_mous_without_a_country_domestic() -> None:
    stories = [story(id=1, countries=()), story(id=2)]
    result = summarize(stories, Topic(sector="ai"), "30d")
    text = summary("en", result, "AI", dt.UTC)
    assert "• domestic (no foreign partner): 1" in text and "• 🇫🇷 France: 1" in text
    assert "• 국내 (해외 상대 없음): 1" in summary("ko", result, "AI", dt.UTC)


def test_callback_data_is_checked() -> None:
    assert buttons.parse_topic_code("FR/ai") == Topic("FR", "ai")
    for forged in ("KR/", "ZZ/", "/crypto", "/", "FR", "<b>/", "FR/ai/x"):
        assert buttons.parse_topic_code(forged) is None, forged
    assert buttons.split("mute:FR/:i:x:y:z:w") == ("mute", ["FR/", "i", "x", "y"])
    assert buttons.flag_of(["/ai", "i"]) is True and buttons.flag_of(["/ai", "?"]) is None
    assert buttons.parse_combined(["FR.DE/ai"]) is not None
    assert buttons.parse_combined(["FR.KR/ai"]) is None and buttons.parse_combined(["FR/"]) is None
    assert buttons.data("sep", "x" * 70) is None  # over Telegram's 64 bytes: no button
