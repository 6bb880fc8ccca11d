"""Shapes of issue 9's tenth round, each with invented articles: a list of signers closed by a
count ("A, B, C 등 3개 기관은"), a country's phrase that is a list's first item ("미국 A사,
B재단, C시 등"), and a foreign company's own foundation ("펩시코 재단과")."""

from __future__ import annotations

import pytest
from extractor_fixtures import is_mou_and_countries

from extractors.extractor import Extractor

TITLE = "C시, 해안 숲 조성 업무협약 체결"


@pytest.mark.parametrize(
    "signing",
    [
        "지난 9일 구글, 한빛숲재단, 강릉시 등 3개 기관은 해안 숲 조성을 위한 업무협약을 체결했다.",
        "지난 9일 강릉시청에서 구글, 한빛숲재단, 동부지방산림청, 강릉시 등 4개 기관은 해안 숲 "
        "조성을 위한 업무협약을 체결했...",
        "강릉시, 한빛숲재단 및 구글은 9일 해안 숲 조성을 위한 업무협약을 체결했다.",
    ],
)
def test_a_known_foreign_firm_in_a_list_of_signers(kiwi_extractor: Extractor, signing: str) -> None:
    assert is_mou_and_countries(kiwi_extractor, TITLE, signing) == (True, ("US",))


@pytest.mark.parametrize(
    ("signing", "expected"),
    [
        # The country's phrase is the first item: the list's end makes it a signer, and the
        # Korean city among the items keeps the deal Korean.
        (
            "지난 9일 미국 그린웨이브, 한빛숲재단, 강릉시 등 3개 기관은 해안 숲 조성을 위한 "
            "업무협약을 체결했다.",
            (True, ("US",)),
        ),
        ("강릉시는 9일 미국 그린웨이브, 한빛숲재단과 업무협약을 체결했다.", (True, ("US",))),
        # A list of markets stays a list of markets.
        (
            "강릉시는 9일 한빛숲재단과 업무협약을 체결하고 미국 텍사스, 캐나다 등지에 묘목을 "
            "수출한다.",
            (True, ()),
        ),
    ],
)
def test_a_country_heading_the_first_item_of_a_list(
    kiwi_extractor: Extractor, signing: str, expected: tuple[bool, tuple[str, ...]]
) -> None:
    assert is_mou_and_countries(kiwi_extractor, TITLE, signing) == expected


def test_foreign_parties_alone_in_a_list_are_no_korean_deal(kiwi_extractor: Extractor) -> None:
    body = "지난 9일 미국 그린웨이브, 독일 블라우발트 등 2개 기업은 산림 복원 협약을 체결했다."
    assert is_mou_and_countries(kiwi_extractor, "그린웨이브, 산림 복원 협약", body) == (False, ())


@pytest.mark.parametrize(
    ("signing", "expected"),
    [
        ("강릉시는 9일 펩시코 재단과 해안 숲 조성을 위한 업무협약을 체결했다.", ("US",)),
        ("강릉시는 9일 펩시코 매장에서 해안 숲 조성을 위한 업무협약을 체결했다.", ()),
    ],
)
def test_a_foreign_firms_own_foundation(
    kiwi_extractor: Extractor, signing: str, expected: tuple[str, ...]
) -> None:
    assert is_mou_and_countries(kiwi_extractor, TITLE, signing) == (True, expected)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Both sides named only by their kind: how such deals go, not a signing.
        (
            "2일 입시업체에 따르면 기업이 대학과 협약을 맺고 운영하는 계약학과는 인기다.",
            False,
        ),
        ("일손이 부족한 지자체들은 해외 지자체와 협약을 맺어 인력을 데려오고 있다.", False),
        # A body the story is about, named by its kind, still signs.
        ("이 대학은 이달 베트남 5개 대학과 학생 교류 MOU를 체결했다.", True),
        ("회사는 2일 싱가포르 결제 기업과 송금망 연동 MOU를 맺었다.", True),
    ],
)
def test_a_kind_of_deal_between_kinds_of_bodies(
    kiwi_extractor: Extractor, body: str, expected: bool
) -> None:
    assert is_mou_and_countries(kiwi_extractor, "계약학과 인기", body)[0] is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # PUBLISHED is 2025-03-15: 22 days back is "within about a month" (LABELS.md) ...
        ("지난달 21일에는", (True, ("US",))),
        # ... 28 days back is told as the feature's past.
        ("지난달 15일에는", (False, ())),
    ],
)
def test_a_signing_in_passing_three_weeks_back(
    kiwi_extractor: Extractor, day: str, expected: tuple[bool, tuple[str, ...]]
) -> None:
    body = (
        "여수시는 산업단지에 데이터센터를 짓는다. "
        f"{day} 미국 서버 기업 블루리프시스템즈와 GPU 서버 공급 업무협약도 체결했다. "
        "시는 2027년 가동을 목표로 한다."
    )
    assert is_mou_and_countries(kiwi_extractor, "여수, 산업 AI 거점으로", body) == expected


@pytest.mark.parametrize(
    ("signer", "expected"),
    [
        # The signer named by a demonstrative as subject, two sentences on, with another word
        # for a firm ("기업 … 이 회사는").
        ("독일계 자동화 기업 한국에버하르트는", ("DE",)),
        ("자동화 기업 한빛오토는", ()),
    ],
)
def test_a_foreign_firm_named_again_as_this_company(
    kiwi_extractor: Extractor, signer: str, expected: tuple[str, ...]
) -> None:
    body = (
        f"{signer} 요즘 스마트공장 솔루션 영업에 사활을 걸고 있다. "
        "수주가 늘수록 장비를 유지·보수할 인력이 부족해졌다. "
        "이 회사는 최근 충북의 한 반도체고와 산학 협력 협약을 맺고 교육과정을 짜고 있다."
    )
    assert is_mou_and_countries(kiwi_extractor, "마이스터고생 몸값 뛴다", body) == (True, expected)


def test_a_japanese_given_name_is_no_city(kiwi_extractor: Extractor) -> None:
    body = (
        "편정호 A대 총장과 이노우에 다카시 구마모토대 학장은 22일 대구에서 국제 협력 "
        "업무협약을 체결했다."
    )
    assert is_mou_and_countries(kiwi_extractor, "A대, 日 구마모토대와 맞손", body) == (
        True,
        ("JP",),
    )


def test_a_known_firm_read_as_one_noun_with_its_particle(kiwi_extractor: Extractor) -> None:
    # Kiwi reads "엔비디아와" here as one common noun; the name is known, so 와 is its particle.
    body = (
        "울산시는 CES에 참가했다. 김 시장은 이어 캘리포니아주 산타클라라를 찾아 엔비디아와 "
        "업무협약도 맺었다."
    )
    assert is_mou_and_countries(kiwi_extractor, "울산 고래빵 CES 출품", body) == (True, ("US",))


def test_a_known_firms_service_as_the_partner(kiwi_extractor: Extractor) -> None:
    body = "전남도와 글로벌 OTT 디즈니플러스는 9일 전남도청에서 영상콘텐츠 업무협약을 맺었다."
    assert is_mou_and_countries(kiwi_extractor, "전남도 손잡았다", body) == (True, ("US",))
