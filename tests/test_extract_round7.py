"""Shapes of issue 9's seventh round, each with invented articles: a signing told in passing in
a story about something else, with a foreign partner."""

from __future__ import annotations

import pytest
from extractor_fixtures import is_mou_and_countries

from extractors.extractor import Extractor

_FEATURE = (
    "몽골 청년들 한국 병원 연수 붐",
    "울란바토르의 간호학과 졸업생 바트 씨는 요즘 한국어 공부에 한창이다. "
    "그는 내년 봄 대구의 한 종합병원에서 연수를 시작한다. "
    "연수생은 해마다 늘어 올해 120명을 넘었다. "
    "병원 측은 숙소와 통역을 지원한다. ",
)


@pytest.mark.parametrize(
    ("ending", "expected"),
    [
        # A body sentence that ends on the signing with a foreign partner, undated: LABELS.md
        # counts a signing reported in passing, and our users follow the partner's country.
        ("한편 대구한빛병원은 몽골 국립의과대학과 연수 협력 업무협약을 체결했다.", (True, ("MN",))),
        ("대구한빛병원은 울란바토르의 국립의과대학과도 MOU를 맺었다.", (True, ("MN",))),
        # A Korean partner told in passing stays out: as often an old partnership as news.
        ("한편 대구한빛병원은 경북의 한 간호대학과 업무협약을 체결했다.", (False, ())),
        # A sentence that goes on to what the partnership does tells a standing arrangement.
        (
            "대구한빛병원은 몽골 국립의과대학과 협약을 맺어 해마다 연수생을 받고 있다.",
            (False, ()),
        ),
        # The state itself as the signer, undated and in passing, is a treaty's history.
        ("한국은 2009년 이후 몽골과 처음으로 연수생 교류 협정을 체결했다.", (False, ())),
        ("한국은 몽골과 처음으로 연수생 교류 협정을 체결했다.", (False, ())),
        # Background and earlier months stay background.
        ("대구한빛병원은 지난해 몽골 국립의과대학과 업무협약을 체결했다.", (False, ())),
        ("대구한빛병원은 2023년 3월 몽골 국립의과대학과 업무협약을 체결했다.", (False, ())),
    ],
)
def test_a_signing_told_in_passing_counts_with_a_foreign_partner(
    kiwi_extractor: Extractor, ending: str, expected: tuple[bool, tuple[str, ...]]
) -> None:
    title, body = _FEATURE
    assert is_mou_and_countries(kiwi_extractor, title, body + ending) == expected


def test_a_crime_story_keeps_its_signings_as_evidence(kiwi_extractor: Extractor) -> None:
    body = (
        "검찰은 해외 투자 사기 혐의로 A씨를 구속 기소했다. 법원은 징역 5년을 선고했다. "
        "피고인은 재판에서 혐의를 부인했다. 수사 결과 피해자는 200명이 넘었다. "
        "A씨 회사는 베트남 하노이의 한 부동산 개발사와 업무협약을 체결했다."
    )
    assert is_mou_and_countries(kiwi_extractor, "해외 투자 사기 일당 재판", body) == (False, ())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A Korean official referred back to by surname and title is the Korean side beside a
        # well-known foreign firm named without its country ...
        (
            "김영훈 경남지사가 14일 독일 출장 성과를 발표했다. "
            "김 지사는 뮌헨을 찾아 지멘스와 스마트공장 업무협약을 체결했다.",
            (True, ("DE",)),
        ),
        # ... a foreign signer named in full with a title is not: no Korean side in sight.
        (
            "지멘스 이사회는 14일 출장 성과를 발표했다. "
            "뮐러 회장은 뮌헨을 찾아 지멘스와 스마트공장 업무협약을 체결했다.",
            (True, ()),
        ),
    ],
)
def test_a_korean_official_named_by_surname_is_the_korean_side(
    kiwi_extractor: Extractor, body: str, expected: tuple[bool, tuple[str, ...]]
) -> None:
    assert is_mou_and_countries(kiwi_extractor, "해외 출장 성과", body) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Cities of the seventh round's gazetteer additions give a party's seat ...
        ("A전자는 14일 오스틴에 본사를 둔 설계기업 코어웨이브와 업무협약을 맺었다.", ("US",)),
        ("A배터리는 14일 브로츠와프의 부품기업 실레시아파츠와 공급 협력 MOU를 맺었다.", ("PL",)),
        ("A중공업은 14일 담맘에 있는 발전기업 걸프에너지와 양해각서를 체결했다.", ("SA",)),
        # ... and a ceremony held there is still only a place.
        ("A사와 B사는 14일 오스틴에서 공동 연구 업무협약을 체결했다.", ()),
    ],
)
def test_added_cities_give_a_partys_seat(
    kiwi_extractor: Extractor, sentence: str, expected: tuple[str, ...]
) -> None:
    assert is_mou_and_countries(kiwi_extractor, "업무협약 체결", sentence) == (True, expected)
