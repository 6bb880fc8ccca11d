"""Country mentions and their roles in one sentence, with the real Kiwi."""

from __future__ import annotations

import pytest

from extractors.extractor import Extractor
from extractors.mentions import Role, mentions


def _roles(extractor: Extractor, sentence: str) -> list[tuple[str, str]]:
    tokens = next(iter(extractor.analyzer.tokenize_many([sentence])))
    return [(m.code, m.role.value) for m in mentions(sentence, tokens) if m.code != "KR"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A사는 독일 머크와 업무협약을 체결했다.", [("DE", "party")]),
        ("A사는 미국의 AI 기업 B와 전략적 협력을 위한 MOU를 체결했다.", [("US", "party")]),
        ("A청은 사우디 국방연구소 간 MOU를 체결했다.", [("SA", "party")]),
        ("중국 국가임업초원국은 전날 양해각서를 체결했다.", [("CN", "subject")]),
        (
            "A사는 사우디아라비아 리야드에서 열린 전시회에서 B사와 MOU를 맺었다.",
            [("SA", "context"), ("SA", "context")],
        ),
        ("부산시는 美 앵커리지시와 우호협력 협정을 맺었다.", [("US", "party"), ("US", "party")]),
        ("포항시는 톈진크루즈요트협회와 업무협약을 체결했다.", [("CN", "party")]),
        ("A사는 B사와 미국 시장 진출을 위한 MOU를 맺었다.", [("US", "context")]),
        # A regime or a response to it is a topic: "EU의 탄소국경조정제도 대응과 ... 협약".
        (
            "A증권은 B사와 유럽연합(EU)의 탄소국경조정제도(CBAM) 대응과 탄소시장 협력을 위한 "
            "업무협약을 체결했다.",
            [("EU", "context"), ("EU", "context")],
        ),
        (
            "미국과 일본을 방문해 현지 기업과 업무협약을 맺었다.",
            [("US", "context"), ("JP", "context")],
        ),
        ("한·독 기업협력 업무협약을 체결했다.", [("DE", "party")]),
        ("한·중 정상회담을 계기로 체결됐다.", [("CN", "context")]),
        ("한·중·일 포럼에서 두 대학이 협약을 맺었다.", []),
        ("한미반도체와 한미약품이 협약을 맺었다.", []),
        ("제품 인도 시기를 앞당기는 협약이란 점에서 의미가 있다.", []),
        ("재한베트남유학생총회(VSAK)와 업무협약을 체결했다.", [("VN", "party")]),
        ("주한 독일 대사관과 양해각서를 체결했다.", [("DE", "party")]),
        ("웹케시베트남은 VNPT와 MOU를 체결했다.", []),
        ("A사는 베트남 법인에서 협약식을 열었다.", []),
        # Well-known foreign firms named bare (companies.py): by their own particle only.
        ("제주도와 ‘넷플릭스’는 업무협약을 체결했다.", [("US", "subject")]),
        ("카카오는 구글코리아와 업무협약을 체결했다.", [("US", "party")]),
        ("경북도는 아마존웹서비시즈 코리아와 업무협약을 체결했다.", [("US", "party")]),
        ("A사는 구글 코리아와 업무협약을 체결했다.", [("US", "party")]),
        ("A사는 엔비디아 GPU 기반 솔루션 공급 협약을 체결했다.", [("US", "context")]),
        ("11번가는 ‘중국의 아마존’ 징둥과 협약을 맺었다.", [("CN", "party")]),
        ("A사는 인텔리안테크와 업무협약을 체결했다.", []),
        # "X를 비롯해 A, B 등 N개 기관과 ... 체결": X heads the list of signers.
        ("A대는 독일 B사를 비롯한 5개 기업과 업무협약을 체결했다.", [("DE", "party")]),
        (
            "A대가 엔비디아를 비롯해 B사, C사 등 국내 6대 기관과 함께 공동 연구를 위한 "
            "양해각서를 체결했다.",
            [("US", "party")],
        ),
        ("A사는 독일 시장을 비롯해 유럽 진출을 위한 협약을 체결했다.", [("DE", "context")]),
        # A known firm as an item of a list whose last item takes "와/과" and the deal.
        ("A도는 구글 클라우드 코리아, B사 등 40개 기관과 업무협약을 맺었다.", [("US", "party")]),
        (
            "A사는 엔비디아, AMD 등 GPU를 도입하고 B사와 협약을 맺었다.",
            [("US", "context"), ("US", "context")],
        ),
        (
            "A시는 미국을 비롯해 일본을 방문해 협약을 체결했다.",
            [("US", "context"), ("JP", "context")],
        ),
        # A firm whose name starts like a country, cut in two by Kiwi, is no country...
        ("A사는 화학 기업 피지티(PGT), B사와 협력 협약을 맺었다.", []),
        # ...a country with a suffix of its own or a noun of its own still is.
        ("A사는 미국계 기업 B와 협약을 맺었다.", [("US", "party")]),
        ("A시는 피지 정부와 협약을 맺었다.", [("FJ", "party")]),
        # a place Kiwi splits from its suffix ("텍사스주" = 텍사스 + 주), met before the signing
        ("A시장은 텍사스주 주지사와 만나 우호협력 협약을 체결했다.", [("US", "party")]),
        ("A시장은 텍사스주 주지사와 면담한 뒤 협약을 체결했다.", [("US", "party")]),
        # a place visited and then left is still no party
        (
            "A시장은 텍사스주와 뉴욕주를 방문해 투자 협약을 체결했다.",
            [("US", "context"), ("US", "context")],
        ),
        # a noun Kiwi reads as a verb form ("컨설팅펌" = 컨설팅 + 퍼 + ᆷ) does not end the phrase
        ("A사는 두바이 금융컨설팅펌 B캐피탈과 MOU를 맺었다.", [("AE", "party")]),
    ],
)
def test_roles(kiwi_extractor: Extractor, sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _roles(kiwi_extractor, sentence) == expected


def test_pair_forms_are_marked(kiwi_extractor: Extractor) -> None:
    sentence = "韓-사우디 국방연구개발협력 MOU를 체결했다."
    tokens = next(iter(kiwi_extractor.analyzer.tokenize_many([sentence])))
    found = mentions(sentence, tokens)
    assert [(m.code, m.pair, m.role) for m in found] == [("SA", True, Role.PARTY)]


def test_headline_partner(kiwi_extractor: Extractor) -> None:
    title = "연세대, 英 케임브리지대와 양자기술 연구 나선다"
    tokens = next(iter(kiwi_extractor.analyzer.tokenize_many([title])))
    assert [(m.code, m.role) for m in mentions(title, tokens, title=True)] == [("GB", Role.PARTY)]
