"""Resolving what people type after /subscribe: every form, both languages, typos and junk."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.sectors import SECTORS
from subscriptions.models import Topic
from subscriptions.topics import (
    MAX_UNKNOWN,
    TopicParse,
    UnknownWord,
    all_countries,
    all_sectors,
    parse_topics,
    resolve_topic,
    suggest,
    topic_label,
)

FR = Topic(country="FR")
AI = Topic(sector="ai")


@pytest.mark.parametrize(
    "text",
    ["France", "france", "FRANCE", "프랑스", "불", "프", "佛", "仏", "FR", "fr", "🇫🇷", " France "],
)
def test_every_form_of_france(text: str) -> None:
    assert parse_topics(text) == TopicParse(topics=(FR,))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("United States", "US"),
        ("united   states", "US"),
        ("USA", "US"),
        ("U.S.", "US"),
        ("미국", "US"),
        ("美", "US"),
        ("South Africa", "ZA"),
        ("남아공", "ZA"),
        ("남아프리카공화국", "ZA"),
        ("사우디 아라비아", "SA"),
        ("사우디", "SA"),
        ("Saudi Arabia", "SA"),
        ("UAE", "AE"),
        ("아랍에미리트", "AE"),
        ("Vietnam", "VN"),
        ("베트남", "VN"),
        ("독일", "DE"),
        ("독", "DE"),
        ("Germany", "DE"),
        ("호주", "AU"),
        ("Türkiye", "TR"),
        ("튀르키예", "TR"),
        ("터키", "TR"),
        ("EU", "EU"),
        ("유럽연합", "EU"),
        ("🇯🇵", "JP"),
        ("Italy", "IT"),
        ("이탈리아", "IT"),
        ("New Zealand", "NZ"),
    ],
)
def test_country_names_codes_and_news_forms(text: str, code: str) -> None:
    assert parse_topics(text).topics == (Topic(country=code),)


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("AI", "ai"),
        ("ai", "ai"),
        ("A.I.", "ai"),
        ("인공지능", "ai"),
        ("데이터", "ai"),
        ("AI & data", "ai"),
        ("인공지능·데이터", "ai"),
        ("바이오", "bio_health"),
        ("bio_health", "bio_health"),
        ("Healthcare", "bio_health"),
        ("반도체", "semiconductor"),
        ("chips", "semiconductor"),
        ("배터리", "battery"),
        ("이차전지", "battery"),
        ("IT", "ict"),
        ("방산", "aerospace_defense"),
        ("스타트업", "startup"),
    ],
)
def test_sector_ids_labels_and_aliases(text: str, sector: str) -> None:
    assert parse_topics(text).topics == (Topic(sector=sector),)


def test_every_sector_resolves_by_its_id_and_both_labels() -> None:
    for s in SECTORS:
        for name in (s.id, s.en, s.ko):
            assert parse_topics(name).topics == (Topic(sector=s.id),), name


def test_every_listed_country_resolves_by_its_listed_name() -> None:
    # A property of whatever CLDR the installed Babel ships: every code by its own current name,
    # so a renamed territory ("St. Helena, Ascension & Tristan da Cunha") cannot break it.
    for lang in ("en", "ko"):
        for line in all_countries(lang):
            name, code = line.split(" ", 1)[1].rsplit(" (", 1)
            assert parse_topics(name).topics == (Topic(country=code.rstrip(")")),), line


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("St. Helena", "SH"),
        ("Saint Helena", "SH"),
        ("st helena", "SH"),
        ("St. Helena, Ascension & Tristan da Cunha", "SH"),
        ("Saint Helena, Ascension and Tristan da Cunha", "SH"),
        ("St. Kitts & Nevis", "KN"),
        ("Saint Kitts and Nevis", "KN"),
        ("Bosnia and Herzegovina", "BA"),
    ],
)
def test_saint_and_comma_forms_resolve(text: str, code: str) -> None:
    assert parse_topics(text) == TopicParse(topics=(Topic(country=code),))


def test_names_with_commas_stay_whole_beside_other_topics() -> None:
    parsed = parse_topics("St. Helena, Ascension & Tristan da Cunha, France")
    assert parsed.topics == (Topic(country="SH"), Topic(country="FR"))


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("France AI", Topic("FR", "ai")),
        ("ai france", Topic("FR", "ai")),
        ("프랑스 바이오", Topic("FR", "bio_health")),
        ("🇫🇷 AI", Topic("FR", "ai")),
        ("🇫🇷AI", Topic("FR", "ai")),
        ("France/AI", Topic("FR", "ai")),
        ("United States semiconductors", Topic("US", "semiconductor")),
        ("사우디 아라비아 방산", Topic("SA", "aerospace_defense")),
        ("독일 AI & data", Topic("DE", "ai")),
    ],
)
def test_one_country_and_one_sector_make_a_combination(text: str, topic: Topic) -> None:
    assert parse_topics(text) == TopicParse(topics=(topic,))


def test_several_countries_or_sectors_split_into_topics() -> None:
    assert parse_topics("France Germany").topics == (FR, Topic(country="DE"))
    assert parse_topics("AI 반도체").topics == (AI, Topic(sector="semiconductor"))

    assert parse_topics("프랑스와 독일").topics == (FR, Topic(country="DE"))
    assert parse_topics("France and Germany").topics == (FR, Topic(country="DE"))


def test_every_country_of_a_group_combines_with_every_sector() -> None:
    parsed = parse_topics("France AI Germany")
    assert parsed.topics == (Topic("FR", "ai"), Topic("DE", "ai"))
    [group] = parsed.combined
    assert group.separately == (FR, Topic(country="DE"), AI)
    two = parse_topics("France AI 반도체").topics
    assert two == (Topic("FR", "ai"), Topic("FR", "semiconductor"))
    assert parse_topics("France AI").combined == ()  # one pair: nothing to offer instead
    assert parse_topics("France AI, Germany").topics == (Topic("FR", "ai"), Topic(country="DE"))


def test_separators_keep_combinations_apart() -> None:
    expected = (Topic("FR", "ai"), Topic(country="DE"), Topic(sector="battery"))
    for text in (
        "France AI, Germany, 배터리",
        "France AI、Germany、배터리",
        "France AI; Germany; 배터리",
        "France AI\nGermany\r\n배터리",
        "France AI，Germany，배터리",
    ):
        assert parse_topics(text) == TopicParse(topics=expected), text


def test_duplicates_are_listed_once() -> None:
    assert parse_topics("France, 프랑스, FR, 🇫🇷").topics == (FR,)


@pytest.mark.parametrize(
    ("typo", "suggestion"),
    [
        ("Frnace", "France"),
        ("Germnay", "Germany"),
        ("인공지눙", "인공지능"),
        ("프량스", "프랑스"),
        ("semiconductr", "semiconductor"),
        ("Vietanm", "Vietnam"),
    ],
)
def test_typos_get_a_suggestion(typo: str, suggestion: str) -> None:
    parsed = parse_topics(typo)
    assert parsed.topics == ()
    assert len(parsed.unknown) == 1 and parsed.unknown[0].word == typo
    assert parsed.unknown[0].suggestions[0] == suggestion


def test_unknown_words_beside_known_topics() -> None:
    parsed = parse_topics("France Frnace blah")
    assert parsed.topics == (FR,)
    assert [u.word for u in parsed.unknown] == ["Frnace", "blah"]
    assert parsed.unknown[0].suggestions[0] == "France"
    assert parsed.unknown[1].suggestions == ()


def test_a_misspelt_two_word_name_is_suggested_whole() -> None:
    parsed = parse_topics("New Zeland")
    assert parsed.unknown == (UnknownWord("New Zeland", ("New Zealand",)),)


def test_words_without_anything_close_have_no_suggestion() -> None:
    assert parse_topics("qqqq").unknown == (UnknownWord("qqqq"),)
    assert suggest("x") == ()


@pytest.mark.parametrize(
    "home", ["Korea", "한국", "KR", "🇰🇷", "韓", "South Korea", "대한민국", "Republic of Korea"]
)
def test_korea_itself_is_not_a_topic(home: str) -> None:
    # Every alert is Korea and a partner: a subscription to Korea would match nothing, and
    # North Korea is never what was meant.
    parsed = parse_topics(home)
    assert parsed.topics == ()
    assert [(u.home, u.suggestions) for u in parsed.unknown] == [(True, ())]


def test_north_korea_is_still_a_country() -> None:
    assert parse_topics("North Korea").topics == (Topic(country="KP"),)
    assert parse_topics("Korea France").topics == (Topic(country="FR"),)


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "   ",
        "\n\n,,;;",
        "x" * 10_000,
        "가" * 10_000,
        " ".join(["zzz"] * 5_000),
        "\x00\x01\x02\x1b[31m\x7f",
        "<b>bold</b><script>alert(1)</script>",
        "&lt;b&gt;&amp;",
        "\u202e\u200f\u200b\ufeff",
        "🇦🇦🇿🇿",
        "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
        "'; DROP TABLE subscriptions; --",
        "\ud800",
    ],
)
def test_junk_never_raises(junk: str) -> None:
    parsed = parse_topics(junk)
    assert len(parsed.unknown) <= MAX_UNKNOWN
    assert all(len(u.word) <= 64 for u in parsed.unknown)


def test_markup_and_invisible_characters_around_a_name_are_ignored() -> None:
    assert parse_topics("<b>France</b>").topics == (FR,)
    assert parse_topics("\u202eFrance\u200f").topics == (FR,)
    assert parse_topics("\x00France\x7f").topics == (FR,)
    assert parse_topics("“France”!").topics == (FR,)
    assert parse_topics("ＦＲＡＮＣＥ").topics == (FR,)  # full-width, as some IMEs type


def test_long_input_is_cut_and_says_so() -> None:
    parsed = parse_topics("France " * 1000)
    assert parsed.topics == (FR,) and parsed.truncated
    many = parse_topics(" ".join(f"w{i}x" for i in range(50)))
    assert len(many.unknown) == MAX_UNKNOWN and many.truncated


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses(text: str) -> None:
    parsed = parse_topics(text)
    assert all(t.country or t.sector for t in parsed.topics)


def test_resolve_topic_needs_exactly_one() -> None:
    assert resolve_topic("France AI") == Topic("FR", "ai")
    assert resolve_topic("France Germany") is None
    assert resolve_topic("Frnace") is None
    assert resolve_topic("") is None


def test_labels_in_both_languages() -> None:
    assert topic_label(Topic("FR", "ai"), "en") == "🇫🇷 France · AI & data"
    assert topic_label(Topic("FR", "ai"), "ko") == "🇫🇷 프랑스 · 인공지능·데이터"
    assert topic_label(FR, "ko") == "🇫🇷 프랑스"
    assert topic_label(AI, "en") == "AI & data"
    assert topic_label(Topic(country="US"), "ko") == "🇺🇸 미국"
    assert topic_label(Topic(sector="retired_sector"), "en") == "retired_sector"


def test_listings() -> None:
    en, ko = all_countries("en"), all_countries("ko")
    assert "🇫🇷 France (FR)" in en and "🇫🇷 프랑스 (FR)" in ko
    assert not any(line.endswith("(KR)") for line in en + ko)
    assert en == sorted(en, key=lambda line: line.split(" ", 1)[1])
    sectors_en, sectors_ko = all_sectors("en"), all_sectors("ko")
    assert len(sectors_en) == len(sectors_ko) == len(SECTORS)
    assert sectors_en[1].startswith("AI & data: ai")
    assert sectors_ko[1].startswith("인공지능·데이터: 인공지능")
