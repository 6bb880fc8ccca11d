"""Story grouping on real reprints (headlines and leads of Feb 2026 business news, parties as
the extractor names them): the same MOU from several outlets is one story; other MOUs with
the same country in the same days are not."""

from __future__ import annotations

import datetime as dt

import pytest

from subscriptions.stories import (
    StoryFacts,
    best_match,
    normalize_party,
    party_similarity,
    same_story,
    story_score,
    text_similarity,
)

FEB9 = dt.datetime(2026, 2, 9, 9, 0, tzinfo=dt.UTC)


def facts(
    title: str,
    parties: tuple[tuple[str, ...], ...] = (),
    countries: tuple[str, ...] = ("SA",),
    published: dt.datetime = FEB9,
    signed_on: dt.date | None = None,
    summary: str = "",
) -> StoryFacts:
    return StoryFacts.of(countries, parties, signed_on, published, title, summary)


SAUDI_DEFENCE = [
    facts(
        '한-사우디 국방장관 회담 "국방연구개발협력 MOU…협력 지평 넓혀"',
        (("국방과학연구소", "사우디 국방연구소"),),
        summary="한국 국방과학연구소와 사우디 국방연구소 간 국방연구개발협력 양해각서 체결",
    ),
    facts(
        "안규백, 사우디 국방장관과 회담…국방연구개발협력 MOU 체결",
        (("국방과학연구소(ADD)", "사우디아라비아 국방연구소"),),
        published=FEB9 + dt.timedelta(hours=1),
    ),
    facts(
        "韓-사우디 국방장관 회담…연구개발협력 MOU",
        (("국방과학연구소", "사우디 국방연구소"),),
        published=FEB9 + dt.timedelta(hours=3),
        signed_on=dt.date(2026, 2, 8),
    ),
    facts(
        "한·사우디 국방장관 회담…양국 국방연구소 국방기술개발 MOU 체결",
        (),  # an outlet that only gives the headline: the text has to carry it
        published=FEB9 + dt.timedelta(hours=9),
    ),
]
SAUDI_AIRPORTS = facts(
    "한국공항공사, TACAN 수출길 열리나... HD현대·사우디와 업무협약",
    (("한국공항공사", "HD현대중공업", "사우디 투자부"),),
    published=FEB9 + dt.timedelta(days=1),
)
SAUDI_HORSES = facts(
    "마사회–사우디 SVG, MOU 체결…중동 공략 시동",
    (("한국마사회", "살람수의그룹"),),
    published=FEB9 + dt.timedelta(days=4),
)
HANWHA_CANADA = [
    facts(
        "한화오션, 캐나다 온타리오조선소와 MOU 체결",
        (("한화오션", "온타리오조선소", "모호크 대학"),),
        countries=("CA",),
    ),
    facts(
        "한화오션, 캐나다 영향력 확장 나선다...현지 조선소와 MOU 체결",
        (("한화오션(주)", "Ontario Shipyards", "온타리오 조선소"),),
        countries=("CA",),
        published=FEB9 + dt.timedelta(hours=6),
    ),
]


@pytest.mark.parametrize("reprint", SAUDI_DEFENCE[1:])
def test_reprints_of_one_mou_are_one_story(reprint: StoryFacts) -> None:
    assert same_story(SAUDI_DEFENCE[0], reprint)


def test_reprint_with_rewritten_headline_and_legal_form() -> None:
    assert same_story(HANWHA_CANADA[0], HANWHA_CANADA[1])


@pytest.mark.parametrize("other", [SAUDI_AIRPORTS, SAUDI_HORSES])
def test_other_mou_with_the_same_country_is_another_story(other: StoryFacts) -> None:
    for report in SAUDI_DEFENCE:
        assert not same_story(report, other), report.text


def test_different_countries_never_group() -> None:
    moved = facts(SAUDI_DEFENCE[0].text, SAUDI_DEFENCE[0].parties_groups(), countries=("AE",))
    assert story_score(SAUDI_DEFENCE[0], moved) == 0.0


def test_dates_more_than_three_days_apart_never_group() -> None:
    later = facts(
        SAUDI_DEFENCE[0].text,
        SAUDI_DEFENCE[0].parties_groups(),
        published=FEB9 + dt.timedelta(days=4),
    )
    near = facts(
        SAUDI_DEFENCE[0].text,
        SAUDI_DEFENCE[0].parties_groups(),
        published=FEB9 + dt.timedelta(days=3),
    )
    assert not same_story(SAUDI_DEFENCE[0], later)
    assert same_story(SAUDI_DEFENCE[0], near)


def test_same_forum_different_parties_are_different_stories() -> None:
    # Ten MOUs signed at one Korea-Vietnam forum: same country, same day, same boilerplate.
    lead = "한-베트남 비즈니스 포럼서 업무협약 체결"
    a = facts(lead, (("코트라", "베트남 상공회의소"),), countries=("VN",))
    b = facts(lead, (("삼성전자", "비엣텔"),), countries=("VN",))
    assert not same_story(a, b)


def test_best_match_picks_the_highest_scoring_candidate() -> None:
    candidates = [(1, SAUDI_AIRPORTS), (2, SAUDI_DEFENCE[0]), (3, SAUDI_HORSES)]
    assert best_match(candidates, SAUDI_DEFENCE[2]) == 2
    assert best_match([(1, SAUDI_AIRPORTS)], SAUDI_DEFENCE[2]) is None
    assert best_match([], SAUDI_DEFENCE[2]) is None


def test_party_normalisation_drops_legal_forms_and_spacing() -> None:
    assert normalize_party("(주)한화 오션") == normalize_party("한화오션 주식회사")
    assert normalize_party("Samsung Electronics Co., Ltd.") == "samsungelectronics"
    assert party_similarity(("한화오션",), ()) is None
    assert party_similarity(("한화오션",), ("한화 오션㈜",)) == 1.0
    assert party_similarity(("한화오션",), ("삼성중공업",)) == 0.0


def test_text_similarity_survives_particles_reordering_and_a_missing_lead() -> None:
    assert text_similarity("", "anything") == 0.0
    assert text_similarity("한화오션, 캐나다와 MOU", "캐나다의 한화오션 MOU") >= 0.7
    headline = "한화오션, 캐나다 온타리오조선소와 MOU 체결"
    assert text_similarity(headline, headline + "\n모호크 대학과 협력 체계를 구축") == 1.0
    assert text_similarity("가나다", "라마바") == 0.0
