"""Organisation and keyword topics: the name normalisation, the /subscribe grammar, and the
pure matching rule."""

from __future__ import annotations

import pytest

from subscriptions.matching import matching_chats
from subscriptions.models import Subscription, Topic
from subscriptions.organisations import (
    MAX_TERM,
    keyword_matches,
    org_key,
    org_matches,
    party_keys,
)
from subscriptions.search import search_words
from subscriptions.topics import parse_topics, topic_label


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("삼성전자", "㈜ 삼성전자"),
        ("삼성전자", "(주)삼성전자"),
        ("삼성전자", "삼성전자 주식회사"),
        ("삼성 전자", "삼성전자"),
        ("탈레스", "탈레스코리아"),
        ("Thales", "Thales Korea"),
        ("Hanwha Ocean", "HANWHA OCEAN Co., Ltd."),
    ],
)
def test_names_of_one_organisation_share_a_key(a: str, b: str) -> None:
    assert org_key(a) == org_key(b)


def test_korea_alone_and_different_firms_keep_their_keys() -> None:
    assert org_key("코리아") == "코리아"  # nothing but the suffix: not stripped to nothing
    assert org_key("삼성전자") != org_key("삼성SDI")


def test_a_party_with_both_names_answers_to_either() -> None:
    assert party_keys("탈레스(Thales)") == {org_key("탈레스(Thales)"), "탈레스", "thales"}
    assert org_matches("Thales", [("탈레스(Thales)", "한화")])
    assert org_matches("탈레스", [("Thales (탈레스)",)])
    assert not org_matches("한화오션", [("한화에어로스페이스",)])
    assert not org_matches("", [("삼성전자",)])


def test_keyword_matches_headline_parties_or_summary_spaces_ignored() -> None:
    parties = [("한국가스공사", "셸")]
    assert keyword_matches("LNG", "가스공사, 셸과 lng 공급 MOU", parties, "")
    assert keyword_matches("수소연료전지", "", parties, "수소 연료전지 협력")
    assert keyword_matches("가스공사", "", parties, "")
    assert not keyword_matches("원전", "가스공사, 셸과 LNG 공급 MOU", parties, "LNG 협력")
    assert not keyword_matches("  ", "anything", parties, "")


def test_subscribe_grammar_org_and_kw_take_the_rest_of_the_line() -> None:
    assert parse_topics("org:삼성전자").topics == (Topic(org="삼성전자"),)
    assert parse_topics("kw:수소 연료전지, 암모니아").topics == (
        Topic(keyword="수소 연료전지, 암모니아"),
    )
    assert parse_topics("키워드: LNG").topics == (Topic(keyword="LNG"),)
    assert parse_topics("기업:한화오션").topics == (Topic(org="한화오션"),)


def test_a_lone_country_combines_with_a_term_other_topics_do_not() -> None:
    assert parse_topics("France org:탈레스").topics == (Topic(country="FR", org="탈레스"),)
    assert parse_topics("프랑스 kw:원전").topics == (Topic(country="FR", keyword="원전"),)
    assert parse_topics("France AI org:탈레스").topics == (
        Topic(country="FR", sector="ai"),
        Topic(org="탈레스"),
    )
    assert parse_topics("France AI\norg:탈레스").topics == (
        Topic(country="FR", sector="ai"),
        Topic(org="탈레스"),
    )


def test_an_empty_overlong_or_control_character_term() -> None:
    assert parse_topics("org:").empty
    assert parse_topics("org:a\x00b").topics == (Topic(org="a b"),)
    [topic] = parse_topics("kw:" + "가" * 500).topics
    assert topic.keyword is not None and len(topic.keyword) == MAX_TERM


def test_an_unknown_name_stays_unknown_and_typos_still_suggest() -> None:
    [word] = parse_topics("삼성전자").unknown
    assert word.word == "삼성전자" and word.suggestions == ()
    [typo] = parse_topics("Frnace").unknown
    assert typo.suggestions == ("France",)


def test_labels() -> None:
    assert topic_label(Topic(org="삼성전자"), "ko") == "🏢 삼성전자"
    assert topic_label(Topic(country="FR", keyword="원전"), "en") == "🇫🇷 France · 🔎 “원전”"


def test_pure_rule_one_chat_once_and_combinations_need_both() -> None:
    subs = [
        Subscription(1, 10, Topic(org="탈레스")),
        Subscription(2, 10, Topic(country="FR")),
        Subscription(3, 20, Topic(country="DE", org="탈레스")),
        Subscription(4, 30, Topic(keyword="레이더")),
        Subscription(5, 40, Topic(org="삼성전자")),
    ]
    found = matching_chats(
        ("FR",),
        ("defense",),
        subs,
        {10, 20, 30, 40},
        parties=(("LIG넥스원", "탈레스코리아"),),
        title="LIG넥스원, 탈레스와 레이더 공동개발 MOU",
    )
    assert found == [10, 30]


def test_search_words() -> None:
    assert search_words(' "삼성"  삼성 ＬＮＧ ') == ["삼성", "LNG"]
    assert search_words("00\x00 a\u200bb") == ["00", "a", "b"]
    assert len(search_words(" ".join(str(i) for i in range(50)))) == 8
