"""Shapes of issue 9's eighth round, each with invented articles: markets a party plans to
reach are no description of its seat; the partners listed after the signing as "협약 대학은";
a headline part on an older tie ("B시와는 6년째 교류") names no partner."""

from __future__ import annotations

import pytest
from extractor_fixtures import is_mou_and_countries

from extractors.extractor import Extractor

_SIGNING = (
    "A메디, 베트남 한 병원과 원격 판독 MOU",
    "의료기기 기업 A메디는 베트남 다낭의 한 종합병원과 원격 판독 서비스 도입을 위한 "
    "업무협약(MOU)을 체결했다고 18일 밝혔다. ",
)


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # Two countries in one phrase after the party's name are markets, not the party's seat.
        ("A메디는 연내 태국·말레이시아 병원으로 공급처를 넓힌다는 계획이다.", ("VN",)),
        # ...while one country describing a party named in the signing still counts.
        ("A메디는 싱가포르에 본사를 둔 의료기기 기업이다.", ("VN", "SG")),
    ],
)
def test_a_party_described_by_one_country_not_by_a_list_of_markets(
    kiwi_extractor: Extractor, after: str, expected: tuple[str, ...]
) -> None:
    title, body = _SIGNING
    assert is_mou_and_countries(kiwi_extractor, title, body + after) == (True, expected)


def test_partners_listed_as_the_agreements_institutions(kiwi_extractor: Extractor) -> None:
    title = "A대, 동남아 3개 대학과 반도체 공동교육 협약"
    body = (
        "A대는 27일 대학 본부에서 동남아시아 3개 대학 총장단과 반도체 공동 교육 협약을 "
        "체결했다고 28일 밝혔다. 협약 대학은 인도네시아 B공대, 태국 C기술대, 필리핀 D대다. "
        "A대는 매년 여름 실습 캠프를 연다."
    )
    assert is_mou_and_countries(kiwi_extractor, title, body) == (True, ("ID", "TH", "PH"))


def test_a_headline_part_on_a_standing_partnership_names_no_partner(
    kiwi_extractor: Extractor,
) -> None:
    # "中 B시와는 6년째 교류": the headline's second part tells an older tie, not this signing.
    title = "A시, 日 C현과 우호협력… 中 B시와는 6년째 교류"
    body = (
        "A시는 22일 시청에서 일본 C현과 우호 교류 협력 협정을 체결했다고 23일 밝혔다. "
        "양측은 부품 산업 교류와 관광객 상호 유치를 추진한다. "
        "A시는 2019년 중국 B시와 우호 도시 협정을 맺은 뒤 매년 사절단을 보내고 있다."
    )
    assert is_mou_and_countries(kiwi_extractor, title, body) == (True, ("JP",))
