"""Shapes of issue 9's ninth round, each with invented articles: a deal in a headline's second
clause ("…A시-獨 B사 협약"); a listed foreign firm inside a list of subjects or named by its head
("A도와 한국X, B시는", "A지사와 한국X 대표는"); a "현지" partner where the signer travelled
("캐나다 토론토로 이동해 현지 연구소와") in a story set elsewhere; a claim the story doubts
("MOU 맺었다더니"); a UN body named with its city ("유엔 제네바 직원협회")."""

from __future__ import annotations

import pytest
from extractor_fixtures import is_mou_and_countries

from extractors.extractor import Extractor


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # The deal's pair in the headline's second clause, after an ellipsis or a comma.
        ("A시 산단에 정비 단지…A시-獨 B에어로 투자협약", ("DE",)),
        ("정비 거점 확보, A시-獨 B에어로 투자협약", ("DE",)),
        # Two countries in the first clause are a trip, not a pair.
        ("미국·캐나다 순방…A시-B에어로 투자협약", ()),
    ],
)
def test_a_pair_in_a_headlines_second_clause(
    kiwi_extractor: Extractor, title: str, expected: tuple[str, ...]
) -> None:
    body = "A시는 17일 시청에서 B에어로코리아, C도와 정비 단지 투자 협약을 맺었다."
    assert is_mou_and_countries(kiwi_extractor, title, body) == (True, expected)


@pytest.mark.parametrize(
    "signing",
    [
        "충남도와 한국로슈, 천안시는 9일 도청에서 바이오 공장 투자협약을 체결했다.",
        "충남도, 한국로슈, 천안시는 9일 도청에서 바이오 공장 투자협약을 체결했다.",
        "충남지사와 한국로슈 대표는 9일 도청에서 바이오 공장 투자협약을 체결했다.",
        "충남지사와 한국로슈 대표, 천안시장, 충남개발공사 사장은 9일 도청에서 바이오 공장 "
        "투자협약을 체결했다.",
    ],
)
def test_a_listed_foreign_firm_among_the_signers(kiwi_extractor: Extractor, signing: str) -> None:
    title = "천안에 바이오 공장 들어선다"
    body = signing + " 공장은 2028년 가동한다."
    assert is_mou_and_countries(kiwi_extractor, title, body) == (True, ("CH",))


def test_a_listed_firm_in_a_list_that_signs_nothing(kiwi_extractor: Extractor) -> None:
    body = (
        "충남도는 9일 A사와 부품 공급 협약을 체결했다. "
        "한국로슈 대표, 천안시장은 이날 행사장을 둘러봤다."
    )
    assert is_mou_and_countries(kiwi_extractor, "충남도, A사와 협약", body) == (True, ())


@pytest.mark.parametrize(
    "moved",
    ["캐나다 토론토로 이동해", "캐나다 토론토를 방문해", "캐나다 토론토를 찾아"],
)
def test_a_local_partner_where_the_signer_travelled(kiwi_extractor: Extractor, moved: str) -> None:
    # The story is set at a fair in the US; the signing happened on the trip's next stop.
    title = "라스베이거스 전시회에 지역 식품 나왔다"
    body = (
        "미국 라스베이거스 전시회장에 A시 식품 기업 10곳이 부스를 냈다. "
        f"전시회를 찾은 A시장은 이어 {moved} 현지 인공지능 연구기관인 B연구소와 "
        "업무협약을 체결했다. A시에 인재 양성 과정을 함께 여는 내용이다."
    )
    assert is_mou_and_countries(kiwi_extractor, title, body) == (True, ("CA",))


def test_a_claimed_signing_the_story_doubts(kiwi_extractor: Extractor) -> None:
    title = "검찰 “A사, 몽골 기업과 MOU 맺었다더니 실체 없었다”"
    body = (
        "서울남부지검은 A사 전 대표를 다음 주 소환한다고 14일 밝혔다. "
        "A사는 2023년 몽골 B사와 광산 개발 업무협약을 체결했다는 보도자료를 냈지만 "
        "협약은 실제로 체결되지 않은 것으로 전해졌다."
    )
    assert is_mou_and_countries(kiwi_extractor, title, body) == (False, ())


def test_a_un_body_named_with_its_city_has_no_country(kiwi_extractor: Extractor) -> None:
    title = "유엔 직원들, 경북에서 일하며 쉰다"
    body = (
        "경북도는 24일(현지 시각) 스위스 제네바의 유엔 사무소에서 유엔 제네바 직원협회와 "
        "워케이션 활성화 업무협약을 맺었다고 25일 밝혔다."
    )
    assert is_mou_and_countries(kiwi_extractor, title, body) == (True, ())


@pytest.mark.parametrize(
    ("signing", "expected"),
    [
        # A foreign city's mayor signs for the city ...
        (
            "A시장은 20일 시청에서 울란바토르 시장과 교육 플랫폼 공동 활용 업무협약을 맺었다.",
            ("MN",),
        ),
        # ... but markets stay markets.
        ("A사는 20일 호찌민 시장과 하노이 시장에 진출하기 위해 B사와 협약을 체결했다.", ()),
        ("A사는 20일 하노이 시장은 성장성이 크다며 B사와 협약을 체결했다.", ()),
    ],
)
def test_a_foreign_citys_mayor_as_the_partner(
    kiwi_extractor: Extractor, signing: str, expected: tuple[str, ...]
) -> None:
    assert is_mou_and_countries(kiwi_extractor, "A시 협약", signing) == (True, expected)


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # A feed's lead cut inside the signing verb still reports the signing ...
        ("A협회가 5일 베트남 B청(NIC)과 창업 교류 활성화를 위한 업무협약을 체..", (True, ("VN",))),
        ("A협회가 5일 베트남 B청과 창업 교류 활성화를 위한 업무협약을 맺..", (True, ("VN",))),
        # ... but not one cut before a plan.
        ("A협회가 베트남 B청과 창업 교류 활성화를 위한 업무협약을 체결할 예정..", (False, ())),
    ],
)
def test_a_feed_lead_cut_inside_the_signing_verb(
    kiwi_extractor: Extractor, lead: str, expected: tuple[bool, tuple[str, ...]]
) -> None:
    title = "A협회, 베트남 B청과 스타트업 생태계 협업"
    assert is_mou_and_countries(kiwi_extractor, title, lead) == expected


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # A partner the lead introduced as local, named bare when the signing is told.
        (
            "A사의 인도네시아 법인 A인도네시아가 현지 전자결제 기업 B페이와 손잡고 금융을 돕는다.",
            ("ID",),
        ),
        ("A사가 베트남 하노이에 지사를 열고 현지 전자결제 기업 B페이와 손잡았다.", ("VN",)),
        # "현지" with no foreign country before it resolves to none.
        ("A사가 현지 전자결제 기업 B페이와 손잡고 금융을 돕는다.", ()),
    ],
)
def test_a_partner_introduced_as_local_before_the_signing(
    kiwi_extractor: Extractor, lead: str, expected: tuple[str, ...]
) -> None:
    body = lead + " A사는 지난 13일 B페이와 핀테크 협력 업무협약(MOU)을 체결했다고 15일 밝혔다."
    assert is_mou_and_countries(kiwi_extractor, "A사, B페이와 맞손", body) == (True, expected)
