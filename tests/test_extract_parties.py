"""Party names of one signing sentence, with the real Kiwi: organisations, not people or content."""

from __future__ import annotations

import pytest

from extractors.extractor import Extractor
from extractors.parties import group_parties, sentence_parties


def _parties(extractor: Extractor, sentence: str) -> list[str]:
    tokens = next(iter(extractor.analyzer.tokenize_many([sentence])))
    return sentence_parties(sentence, tokens)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # People sign for their organisations; their names and titles are not parties.
        (
            "오세훈 서울시장과 류희림 방송통신심의위원장은 28일 업무협약을 체결했다.",
            ["서울시", "방송통신심의위원회"],
        ),
        (
            "신상진 성남시장과 허구연 KBO 총재는 5일 업무협약을 체결했다.",
            ["성남시", "KBO"],
        ),
        (
            "지난 7일 대표이사 정근 회장, 김연찬 부사장 등이 참석한 가운데 온라이프건설은 "
            "후이다그룹과 업무협약을 체결했다.",
            ["온라이프건설", "후이다그룹"],
        ),
        # A list of parties ends in a particle; its summary ("등 3개 업체") is no name.
        (
            "서울시는 18일 단비교육, 메가스터디교육, 아이스크림에듀 등 3개 업체와 "
            "업무협약을 맺었다.",
            ["서울시", "단비교육", "메가스터디교육", "아이스크림에듀"],
        ),
        (
            "경북도와 경주시, 개발 회사인 루브루는 15일 업무협약을 맺었다.",
            ["경북도", "경주시", "루브루"],
        ),
        # What the agreement is about comes after the parties and is not one of them.
        (
            "현대해상은 베트남 유학생의 한국 생활을 지원하기 위해 재한베트남유학생총회(VSAK)와 "
            "단체보험 가입, 통합 보장 체계 구축을 위한 업무협약을 체결했다.",
            ["현대해상", "재한베트남유학생총회(VSAK)"],
        ),
        (
            "KAI는 LIG넥스원·한화에어로스페이스와 각각 KF-21과 FA-50의 수출경쟁력을 높이기 위한 "
            "양해각서를 체결했다.",
            ["KAI", "LIG넥스원", "한화에어로스페이스"],
        ),
        # Places and discourse words before a subject are not part of it.
        ("한편 이날 행사에서는 혁신센터와 재단의 기술보호 업무협약도 이뤄졌다.", ["혁신센터"]),
        # A country heading a company's name is told by `countries`; a ministry needs it.
        (
            "한국마사회는 사우디아라비아의 살람수의그룹과 업무협약을 체결했다.",
            ["한국마사회", "살람수의그룹"],
        ),
        ("경찰청은 중국 공안부와 양해각서를 체결했다.", ["경찰청", "중국 공안부"]),
        # Generic groups, amounts and bare countries are no names.
        ("제주도는 이날 지역내 대학 3곳과 업무협약을 맺었다.", ["제주도"]),
    ],
)
def test_sentence_parties(kiwi_extractor: Extractor, sentence: str, expected: list[str]) -> None:
    assert _parties(kiwi_extractor, sentence) == expected


def test_headline_dash_names_two_parties(kiwi_extractor: Extractor) -> None:
    title = "㈜태원씨아이앤디–미디어앤 스페이스 파트너스, 미디어파크 개발 업무협약 체결"
    assert _parties(kiwi_extractor, title) == ["㈜태원씨아이앤디", "미디어앤 스페이스 파트너스"]


def test_groups_contained_in_another_are_dropped() -> None:
    assert group_parties([["서울시"], ["서울시", "신한은행"], []]) == (("서울시", "신한은행"),)
