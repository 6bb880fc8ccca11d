"""Alert, digest and admin-notice formatting: escaping, the 4096 bound, both languages.

Validity is checked with the stand-in's Telegram HTML parser (``devtools.standin.html``), which
parses the way Telegram's server does and is strict about a bare ``&``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.alerts import (
    amount_text,
    format_alert,
    format_alert_plain,
    format_digest,
    format_feed_disabled,
)
from bot.markup import MAX_MESSAGE, safe_url, utf16_len
from devtools.standin.html import parse_html
from subscriptions.models import StoryView

KST = ZoneInfo("Asia/Seoul")


def story(**changes: object) -> StoryView:
    base: dict[str, object] = {
        "id": 1,
        "title": "한-프랑스 인공지능 협력 MOU 체결",
        "url": "https://news.example.com/article/1?a=1&b=2",
        "outlet": "연합뉴스",
        "published": dt.datetime(2024, 5, 2, 5, 30, tzinfo=dt.UTC),
        "countries": ("FR",),
        "sectors": ("ai", "energy"),
        "parties": (("삼성전자", "Thales"),),
        "amounts": (("3천500만유로", 35_000_000.0, "EUR"),),
        "summary": "양국 기업이 AI 협력 MOU를 맺었다. 공동 연구소를 세운다.",
        "mou_count": 1,
        "outlets": 1,
    }
    base.update(changes)
    return StoryView(**base)  # type: ignore[arg-type]


def link_of(text: str) -> str | None:
    parsed = parse_html(text)
    urls = [e.url for e in parsed.entities if e.type == "text_link"]
    return urls[0] if urls else None


def test_korean_alert_has_every_piece() -> None:
    text = format_alert(story(), "ko", KST)
    plain = parse_html(text).text
    assert "🇫🇷 프랑스" in plain
    assert "인공지능·데이터" in plain and "에너지" in plain
    assert "당사자: 삼성전자 ↔ Thales" in plain
    assert "금액: 3천500만유로 (€35,000,000)" in plain
    assert "양국 기업이 AI 협력 MOU를 맺었다." in plain
    assert "연합뉴스 · 2024-05-02 14:30 KST" in plain  # 05:30 UTC is 14:30 in Seoul
    assert link_of(text) == "https://news.example.com/article/1?a=1&b=2"


def test_english_alert_uses_english_labels() -> None:
    text = format_alert(story(mou_count=3, outlets=4), "en", KST)
    plain = parse_html(text).text
    assert "🇫🇷 France" in plain and "AI & data" in plain
    assert "Parties: 삼성전자 ↔ Thales" in plain
    assert "Amount: 3천500만유로 (€35,000,000)" in plain
    assert "3 MOUs" in plain and "+3 more outlets" in plain
    assert "당사자" not in plain


def test_unknown_language_falls_back_to_english() -> None:
    assert "Parties:" in format_alert(story(), "fr", KST)


def test_hostile_text_is_escaped() -> None:
    hostile = story(
        title='<script>alert("x")</script> & <b>bold',
        outlet="<i>outlet</i>",
        summary="a < b && c > d &amp; &lt;",
        parties=(("<A&B>", "C\"D'"),),
        url='https://ex.com/?q="><script>&x=1',
    )
    for lang in ("ko", "en"):
        text = format_alert(hostile, lang, KST)
        parsed = parse_html(text)  # raises on anything Telegram would reject
        assert '<script>alert("x")</script> & <b>bold' in parsed.text
        assert "a < b && c > d &amp; &lt;" in parsed.text
        assert "<A&B> ↔ C\"D'" in parsed.text
        assert "<script>" not in text
        # The quotes and brackets of the URL are percent-quoted; Telegram keeps the link.
        assert link_of(text) == "https://ex.com/?q=%22%3E%3Cscript%3E&x=1"


def test_only_http_links_are_linked() -> None:
    for url in ("javascript:alert(1)", "tg://resolve?domain=x", "", "ftp://x.example/a"):
        text = format_alert(story(url=url), "en", KST)
        assert link_of(text) is None
        assert "한-프랑스 인공지능 협력 MOU 체결" in parse_html(text).text
    assert safe_url("https://ex.com/a b") == "https://ex.com/a%20b"


def test_amount_shows_both_forms_or_the_one_there_is() -> None:
    assert amount_text("3천500만유로", 35e6, "EUR", "ko") == "3천500만유로 (€35,000,000)"
    assert amount_text("$1.5 billion", 1.5e9, "USD", "en") == "$1.5 billion ($1,500,000,000)"
    assert amount_text("", 2e9, "KRW", "en") == "₩2,000,000,000"
    assert amount_text("큰 금액", float("inf"), "EUR", "ko") == "큰 금액"
    assert amount_text("x", 5.0, "<b>", "en") == "x"
    assert amount_text("x", 1e30, "EUR", "en") == "x"


def test_summary_keeps_three_sentences() -> None:
    long = "첫째 문장이다. 둘째 문장이다. 셋째 문장이다. 넷째 문장이다."
    text = parse_html(format_alert(story(summary=long), "ko", KST)).text
    assert "셋째 문장이다." in text and "넷째" not in text


def test_control_characters_are_dropped() -> None:
    text = format_alert(story(title="a\x00b\x1bc\u200fd"), "en", KST)
    assert "a" + "b" + "c\u200fd" in parse_html(text).text  # RTL mark kept, controls gone


def test_huge_fields_are_trimmed_summary_first() -> None:
    big = story(summary="요약. " * 5000, parties=(("가" * 3000, "나" * 3000),))
    text = format_alert(big, "ko", KST)
    assert utf16_len(text) <= MAX_MESSAGE
    plain = parse_html(text).text
    assert "한-프랑스 인공지능 협력 MOU 체결" in plain  # the headline survives
    assert "2024-05-02 14:30 KST" in plain  # so does the footer
    assert "…" in plain


def test_a_huge_url_loses_its_link_not_the_message() -> None:
    text = format_alert(story(url="https://ex.com/" + "a" * 10_000), "en", KST)
    assert utf16_len(text) <= MAX_MESSAGE
    assert link_of(text) is None


def test_shorter_limit_is_respected() -> None:
    big = story(summary="word " * 2000)
    assert utf16_len(format_alert(big, "en", KST, limit=1000)) <= 1000
    assert utf16_len(format_alert_plain(big, "en", KST, limit=500)) <= 500


def test_plain_variant_has_no_markup_and_shows_the_url() -> None:
    text = format_alert_plain(story(title="<b>x</b> & y"), "en", KST)
    assert "<b>x</b> & y" in text
    assert "https://news.example.com/article/1?a=1&b=2" in text
    assert "&amp;" not in text


_text = st.text(max_size=6000)
_stories = st.builds(
    StoryView,
    id=st.integers(1, 10),
    title=_text,
    url=st.one_of(_text, st.text(max_size=3000).map(lambda s: "https://ex.com/" + s)),
    outlet=_text,
    published=st.one_of(st.none(), st.datetimes(timezones=st.just(dt.UTC))),
    countries=st.lists(
        st.one_of(st.sampled_from(["FR", "DE", "US", "EU", "JP"]), st.text(max_size=5)),
        max_size=30,
    ).map(tuple),
    sectors=st.lists(
        st.one_of(st.sampled_from(["ai", "energy", "bio_health"]), _text), max_size=10
    ).map(tuple),
    parties=st.lists(st.lists(_text, max_size=4).map(tuple), max_size=8).map(tuple),
    amounts=st.lists(
        st.tuples(_text, st.floats(allow_nan=True), st.text(max_size=4)), max_size=8
    ).map(tuple),
    summary=_text,
    mou_count=st.one_of(st.none(), st.integers(-5, 10**9)),
    outlets=st.integers(1, 10**6),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_stories, st.sampled_from(["ko", "en"]))
def test_any_story_gives_valid_html_under_the_limit(s: StoryView, lang: str) -> None:
    text = format_alert(s, lang, KST)
    assert utf16_len(text) <= MAX_MESSAGE
    parsed = parse_html(text)
    assert parsed.text.strip()
    plain = format_alert_plain(s, lang, KST)
    assert 0 < utf16_len(plain) <= MAX_MESSAGE


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_stories, min_size=1, max_size=40), st.sampled_from(["ko", "en"]))
def test_any_digest_splits_into_valid_messages(stories: list[StoryView], lang: str) -> None:
    parts = format_digest(stories, lang, KST, dt.date(2024, 5, 2))
    assert sum(p.count for p in parts) == len(stories)
    for part in parts:
        assert utf16_len(part.text) <= MAX_MESSAGE
        assert utf16_len(part.plain) <= MAX_MESSAGE
        parse_html(part.text)


def test_digest_is_one_message_for_a_normal_day_and_empty_for_none() -> None:
    day = dt.date(2024, 5, 2)
    assert format_digest([], "ko", KST, day) == []
    parts = format_digest([story(id=1), story(id=2, title="독일 수소 MOU")], "ko", KST, day)
    assert len(parts) == 1 and parts[0].count == 2
    plain = parse_html(parts[0].text).text
    assert "오늘의 MOU 2건 · 2024-05-02" in plain
    assert "독일 수소 MOU" in plain and "한-프랑스 인공지능 협력 MOU 체결" in plain


def test_long_digest_is_split_without_losing_an_item() -> None:
    stories = [story(id=i, title=f"기사 {i} " + "가" * 300) for i in range(60)]
    parts = format_digest(stories, "en", KST, dt.date(2024, 5, 2))
    assert len(parts) > 1
    assert sum(p.count for p in parts) == 60
    texts = [parse_html(p.text).text for p in parts]
    for i in range(60):
        assert sum(f"기사 {i} " in t for t in texts) == 1
    assert "(continued 2/" in texts[1]


def test_feed_disabled_notice_is_escaped() -> None:
    text = format_feed_disabled("<Feed & co>", "https://f.example/rss", "HTTP 500 <x>", 7, "en")
    plain = parse_html(text).text
    assert "Feed disabled: <Feed & co>" in plain
    assert "7 errors in a row" in plain and "HTTP 500 <x>" in plain
    ko = parse_html(format_feed_disabled("피드", "https://f.example/rss", None, 3, "ko")).text
    assert "피드가 비활성화되었습니다" in ko
