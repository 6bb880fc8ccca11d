"""Story grouping on real reprints (headlines and leads of Feb 2026 business news, parties as
the extractor names them): the same MOU from several outlets is one story; other MOUs with
the same country in the same days are not."""

from __future__ import annotations

import datetime as dt

import pytest

from subscriptions.stories import (
    TEXT_ONLY_THRESHOLD,
    StoryFacts,
    best_match,
    normalize_party,
    party_aliases,
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


# --- bracketed aliases, publication dates, text that carries (bench/stories.py) -------------


def test_a_bracketed_name_is_an_alias_not_part_of_the_name() -> None:
    # Outlets write "퓨어헬스(PureHealth) 그룹", "PureHealth Group" or "퓨어헬스 그룹".
    assert party_similarity(("퓨어헬스(PureHealth) 그룹",), ("PureHealth Group",)) == 1.0
    assert party_similarity(("KAI(한국항공우주산업)",), ("한국항공우주산업",)) == 1.0
    assert party_similarity(("징둥로지스틱스'(JD Logistics)",), ("JD Logistics",)) == 1.0
    assert party_aliases("퓨어헬스(PureHealth) 그룹") == {"퓨어헬스그룹", "purehealth"}


def test_a_legal_form_in_brackets_is_not_an_alias() -> None:
    assert party_aliases("(주)한화오션") == party_aliases("한화오션(주)") == {"한화오션"}
    # Two companies that are both a 주식회사 are not one party.
    assert party_similarity(("삼성전자(주)",), ("현대차(주)",)) == 0.0


ELEVENST = facts(
    "11번가, 中 징둥닷컴과 맞손…역직구 사업 펼친다",
    (("11번가", "크로스보더 전자상거래 사업부문 징둥크로스보더", "징둥로지스틱스"),),
    countries=("CN",),
    published=dt.datetime(2026, 2, 12, 9, 0, tzinfo=dt.UTC),
    signed_on=dt.date(2026, 2, 4),
    summary="11번가는 지난 4일 중국 베이징의 징둥닷컴 본사에서 징둥닷컴 산하 크로스보더 전자상거래"
    " 사업부문 징둥크로스보더, 물류 자회사 징둥로지스틱스와 전략적 업무협약을 체결했다고 밝혔다.",
)


def test_a_report_without_a_signing_date_is_compared_by_publication_date() -> None:
    # Signed on the 4th, announced on the 12th: a reprint that gives no signing day is
    # compared by when it ran (the same day), not with the 4th.
    reprint = facts(
        "11번가, '중국의 아마존' 징둥과 손잡았다...'역직구' 확장",
        (("11번가", "징둥로지스틱스'(JD Logistics)"),),
        countries=("CN",),
        published=dt.datetime(2026, 2, 12, 10, 4, tzinfo=dt.UTC),
        summary="11번가는 징둥닷컴 산하 해외 전자상거래 사업부문 "
        "'징둥크로스보더'(JD Cross-border), 물류 자회사 '징둥로지스틱스'(JD Logistics)와 "
        "글로벌 이커머스 시스템을 구축하는 전략적 업무협약을 체결했다고 12일 밝혔다.",
    )
    assert ELEVENST.days_apart(reprint) == 0
    assert same_story(ELEVENST, reprint)


def test_signing_dates_decide_when_both_reports_give_one() -> None:
    # The same partners sign again a month later; both announced the same day.
    again = facts(
        ELEVENST.text,
        ELEVENST.parties_groups(),
        countries=("CN",),
        published=dt.datetime(2026, 2, 12, 11, 0, tzinfo=dt.UTC),
        signed_on=dt.date(2026, 3, 6),
    )
    assert ELEVENST.days_apart(again) == 30
    assert story_score(ELEVENST, again) == 0.0


HUROM_SIGNED = dt.date(2026, 2, 11)
HUROM = facts(
    "휴롬, LG화학과 협업해 친환경 착즙기 'H310' 출시",
    (("휴롬",),),
    countries=(),
    published=dt.datetime(2026, 2, 12, 8, 57, tzinfo=dt.UTC),
    signed_on=HUROM_SIGNED,
    summary="휴롬은 지난 11일 여의도 LG트윈타워에서 PCR ABS(고부가 합성수지) 개발을 통한 친환경"
    " 글로벌 파트너십 강화 업무협약(MOU)을 체결했다고 12일 밝혔다.",
)


def test_a_close_text_carries_a_reprint_whose_parties_were_read_differently() -> None:
    # The extractor read only one party from each lead, and not the same one.
    reprint = facts(
        "휴롬, LG화학과 친환경 협력 강화…최초 '렛제로' 착즙기 출시",
        (("LG화학",),),
        countries=(),
        published=dt.datetime(2026, 2, 12, 8, 59, tzinfo=dt.UTC),
        signed_on=HUROM_SIGNED,
        summary="12일 휴롬에 따르면 회사는 지난 11일 서울 여의도 LG트윈타워에서 LG화학과 ‘PCR ABS"
        "(고부가 합성수지) 개발을 통한 친환경 글로벌 파트너십 강화’ 업무협약(MOU)을 체결했다.",
    )
    assert party_similarity(HUROM.parties, reprint.parties) == 0.0
    assert same_story(HUROM, reprint)


def test_text_does_not_carry_two_mous_of_one_forum_whose_parties_contradict() -> None:
    # The leads share the forum's boilerplate (text similarity 0.51), but neither report
    # names any party of the other.
    a = facts(
        "코트라, 베트남 상공회의소와 업무협약…한-베트남 비즈니스 포럼",
        (("코트라", "베트남 상공회의소"),),
        countries=("VN",),
        summary="코트라는 9일 하노이에서 열린 한-베트남 비즈니스 포럼에서 베트남 상공회의소와 투자"
        " 협력 업무협약을 체결했다.",
    )
    b = facts(
        "삼성전자, 비엣텔과 5G 협력 MOU…한-베트남 비즈니스 포럼",
        (("삼성전자", "비엣텔"),),
        countries=("VN",),
        summary="삼성전자는 9일 하노이에서 열린 한-베트남 비즈니스 포럼에서 비엣텔과 5G 장비 협력"
        " 양해각서를 체결했다.",
    )
    assert text_similarity(a.text, b.text) >= TEXT_ONLY_THRESHOLD  # the text alone would merge
    assert not same_story(a, b)
