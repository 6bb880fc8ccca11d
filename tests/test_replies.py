import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot import buttons as callback
from bot import replies
from bot.i18n import TEXTS, language_of, plain_text, t
from bot.markup import Html, escape
from bot.summary import summarize
from devtools.standin.html import parse_html
from subscriptions.models import Chat, Feed, Stats, StoryView, Subscription, Topic
from subscriptions.topics import UnknownWord

KST = ZoneInfo("Asia/Seoul")
NOW = dt.datetime(2025, 6, 1, 3, tzinfo=dt.UTC)
NASTY = '<script>alert("x")</script> & <b>bold</b> \u202e "quotes"'


def valid(text: str) -> str:
    """Telegram would accept it: parses as Telegram HTML and is within the length limit."""
    parsed = parse_html(text)
    assert len(parsed.text.encode("utf-16-le")) // 2 <= 4096
    return parsed.text


def story(i: int, **kw: object) -> StoryView:
    base: dict[str, object] = {
        "id": i,
        "title": f"Korea-France AI MOU {i}",
        "url": f"https://news.example/a?id={i}&x=1",
        "outlet": "Example Daily",
        "published": NOW - dt.timedelta(days=i),
        "countries": ("FR",),
        "sectors": ("ai",),
    }
    base.update(kw)
    return StoryView(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("key", sorted(TEXTS))
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_text_is_valid_html_in_both_languages(key: str, lang: str) -> None:
    en, ko = TEXTS[key]
    names = {
        n
        for n in (
            "topics",
            "word",
            "suggestions",
            "count",
            "period",
            "topic",
            "arg",
            "wider",
            "max",
            "tz",
            "time",
            "mode",
            "when",
            "error",
            "reason",
            "id",
            "name",
            "feed",
            "chats",
            "active",
            "subs",
            "feeds",
            "stories",
            "deliveries",
            "day",
            "query",
            "code",
            "until",
            "command",
            "amount",
            "words",
            "page",
            "n",
            "i",
        )
        if "{" + n + "}" in en + ko
    }
    valid(t(lang, key, **dict.fromkeys(names, NASTY)))  # type: ignore[arg-type]


def test_language_of() -> None:
    assert language_of("ko") == "ko" and language_of("ko-KR") == "ko"
    assert language_of("en") == "en" and language_of(None) == "en" and language_of("fr") == "en"


def test_values_are_escaped_but_markup_is_kept() -> None:
    text = t("en", "subscribed", topics=NASTY)
    assert "<script>" not in text and valid(text).endswith(NASTY)
    kept = t("en", "subscribed", topics=Html("<b>France</b>"))
    assert "<b>France</b>" in kept
    assert escape("a&b") == "a&amp;b"


def test_welcome_keyboard_buttons_toggle_topics_and_mark_the_followed() -> None:
    reply = replies.welcome("ko", {Topic(country="FR")})
    assert "MOU" in valid(reply.text)
    assert reply.keyboard is not None
    buttons = [b for row in reply.keyboard.inline_keyboard for b in row]
    topics = [callback.topic_of(callback.split(str(b.callback_data))[1]) for b in buttons]
    assert Topic(country="FR") in topics and Topic(sector="ai") in topics
    assert all(len(str(b.callback_data).encode()) <= 64 for b in buttons)
    marked = [b.text for b in buttons if b.text.startswith("✓ ")]
    assert marked == ["✓ 🇫🇷 프랑스"]


def test_callback_data_parsing_rejects_junk() -> None:
    assert replies.parse_subscribe_button("sub:x:FR") is None
    assert replies.parse_subscribe_button("sub:c:") is None
    assert replies.parse_subscribe_button("rm:3") is None
    # Forged data from a modified client never names a topic that does not exist.
    for forged in ("sub:c:ZZ", "sub:c:KR", "sub:c:<b>x</b>", "sub:s:' OR 1=1 --", "sub:s:crypto"):
        assert replies.parse_subscribe_button(forged) is None
    assert replies.parse_remove_button("rm:42") == 42
    assert replies.parse_remove_button("rm:-1") is None
    assert replies.parse_remove_button("rm:abc") is None


def test_subscribe_result_lists_added_already_and_unknown_with_suggestions() -> None:
    text = replies.subscribe_result(
        "en",
        [Topic(country="FR")],
        [Topic(sector="ai")],
        [UnknownWord("Frnace", ("France",)), UnknownWord(NASTY)],
    )
    plain = valid(text)
    assert "Now following" in plain and "France" in plain
    assert "Already following" in plain
    assert "Did you mean France?" in plain
    assert "/countries" in plain
    assert (
        valid(replies.subscribe_result("ko", [], [], []))
        == parse_html(t("ko", "subscribe_usage")).text
    )


def test_subscription_list_has_a_remove_button_per_subscription() -> None:
    chat = Chat(id=5, mode="digest", digest_time=dt.time(8, 30))
    subs = [Subscription(11, 5, Topic(country="FR")), Subscription(12, 5, Topic("DE", "ai"))]
    reply = replies.subscription_list("en", chat, subs)
    plain = valid(reply.text)
    assert "08:30" in plain
    assert reply.keyboard is not None
    data = [b.callback_data for row in reply.keyboard.inline_keyboard for b in row]
    assert data == ["rm:11", "rm:12"]
    assert replies.subscription_list("en", chat, []).keyboard is None


def test_summary_reply_counts_breaks_down_and_links() -> None:
    stories = [
        story(1, sectors=("ai", "energy"), amounts=(("3천500만유로", 35e6, "EUR"),)),
        story(2, sectors=("energy",), title=NASTY, url="javascript:alert(1)"),
        *[story(i) for i in range(3, 9)],
    ]
    s = summarize(stories, Topic(country="FR"), "30d")
    text = replies.summary("en", s, "France", KST)
    plain = valid(text)
    assert "MOUs in the last 30 days: 8" in plain
    assert "By sector" in plain and "3천500만유로" in plain
    assert 'href="https://news.example/a?id=1&amp;x=1"' in text
    assert "javascript:" not in text
    assert plain.count("•") == 2 + 1 + 5  # two sectors, one amount, five latest


def test_summary_none_suggests_a_wider_period_until_a_year() -> None:
    empty = summarize([], Topic(country="FR"), "30d")
    plain = valid(replies.summary("ko", empty, "프랑스", KST))
    assert "/summary 프랑스 90d" in plain
    year = summarize([], Topic(country="FR"), "1y")
    assert "/summary" not in valid(replies.summary("en", year, "France", KST))


def test_huge_input_stays_under_the_limit() -> None:
    stories = [story(i, title="가" * 5000, outlet="x" * 500) for i in range(50)]
    s = summarize(stories, Topic(country="FR"), "1y", n_latest=50)
    valid(replies.summary("ko", s, "프랑스" * 1000, KST))
    valid(replies.latest("en", stories, KST))
    long_words = [UnknownWord(NASTY * 300, ("France",) * 10)] * 30
    valid(replies.subscribe_result("en", [], [], long_words))


def test_long_lists_are_split_into_valid_messages() -> None:
    items = [f"Country number {i} <{i}>" for i in range(600)]
    messages = replies.topic_lists(t("en", "countries_header"), items)
    assert len(messages) > 1
    joined = "\n".join(valid(m) for m in messages)
    assert all(f"<{i}>" in joined for i in range(600))


def test_feeds_report_health() -> None:
    items = [
        Feed(1, "https://ok.example/rss", "OK", last_success=NOW, next_check=NOW),
        Feed(
            2,
            "https://bad.example/rss",
            "Bad <feed>",
            error_count=7,
            last_error="HTTP 500",
            disabled_since=NOW,
        ),
        Feed(3, "https://new.example/rss", "New"),
    ]
    text = "\n".join(valid(m) for m in replies.feeds("en", items, KST))
    assert "last success 2025-06-01 12:00" in text
    assert "7 errors: HTTP 500" in text and "DISABLED" in text and "Bad <feed>" in text
    assert "never fetched" in text
    assert valid(replies.feeds("ko", [], KST)[0]) == "등록된 피드가 없습니다."


def test_stats() -> None:
    s = Stats(
        chats=3,
        active_chats=2,
        subscriptions=5,
        feeds=1,
        stories=9,
        deliveries={"sent": 4, "dead": 1},
    )
    plain = valid(replies.stats("en", s))
    assert "Chats: 3 (2 active)" in plain and "dead 1, sent 4" in plain


def test_plain_text_fills_labels_and_refuses_markup() -> None:
    assert plain_text("ko", "alert_mou_count", n=3) == "MOU 3건"
    assert plain_text("fr", "alert_parties") == "Parties"
    with pytest.raises(ValueError):
        plain_text("en", "welcome")
