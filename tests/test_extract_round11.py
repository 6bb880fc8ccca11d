"""Shapes of issue 9's eleventh round, each with invented articles: signers named by their
officials ("A 지사와 B 노바렌 아태 총괄사장, C 군수는"), a list that goes on after "비롯해",
an MOU's "구속력" (binding force) that is no arrest, and an international organisation's
office abroad, which gives no country."""

from __future__ import annotations

import pytest
from extractor_fixtures import PUBLISHED, is_mou_and_countries

from extractors.extractor import Extractor
from extractors.model import Article

VACCINE = "스위스 제약사 한빛바이오 백신 공장, 충북 오송에 들어선다"
VACCINE_LEAD = "스위스 바젤에 본사를 둔 제약사 한빛바이오가 오송에 백신 공장을 짓는다."


@pytest.mark.parametrize(
    "signing",
    [
        "김한결 충북지사와 마르코 로시 한빛바이오 아태 총괄사장, 이도윤 청주시장, "
        "박서준 충북개발공사 사장은 9일 도청에서 투자협약을 맺었다.",
        "9일 도청에서 (왼쪽부터)이도윤 청주시장, 김한결 충북지사, 마르코 로시 한빛바이오 "
        "총괄사장, 박서준 충북개발공사 사장이 투자협약을 체결한 뒤 기념 촬영을 하고 있다.",
    ],
)
def test_a_foreign_body_named_by_its_official_in_a_list(
    kiwi_extractor: Extractor, signing: str
) -> None:
    body = f"{VACCINE_LEAD}\n{signing}"
    assert is_mou_and_countries(kiwi_extractor, VACCINE, body) == (True, ("CH",))


def test_officials_of_korean_bodies_alone_give_no_country(kiwi_extractor: Extractor) -> None:
    body = (
        "충북도는 오송에 백신 공장을 유치한다.\n김한결 충북지사와 박서준 충북개발공사 사장, "
        "이도윤 청주시장은 9일 도청에서 투자협약을 맺었다."
    )
    assert is_mou_and_countries(kiwi_extractor, "충북, 백신 공장 투자협약", body) == (True, ())


@pytest.mark.parametrize(
    ("signing", "expected"),
    [
        (
            "한빛대가 미국 퀄컴, 핀란드 노키아를 비롯해 KT, 한국전자통신연구원 등과 함께 6G 공동 "
            "연구를 위한 양해각서를 9일 체결했다.",
            ("FI", "US"),
        ),
        # Markets listed before "비롯해" stay markets.
        (
            "한빛대는 9일 KT와 6G 공동 연구를 위한 양해각서를 체결하고 미국, 핀란드를 비롯해 "
            "여러 나라에 기술을 알린다.",
            (),
        ),
    ],
)
def test_a_list_of_signers_goes_on_after_birotae(
    kiwi_extractor: Extractor, signing: str, expected: tuple[str, ...]
) -> None:
    result = is_mou_and_countries(kiwi_extractor, "한빛대, 6G 공동연구 MOU", signing)
    assert (result[0], tuple(sorted(result[1]))) == (True, expected)


def test_binding_force_is_no_arrest(kiwi_extractor: Extractor) -> None:
    title = "한빛시, 폐기물 ‘반입 자제’ 협약… “구속력 없어” 지적도"
    body = (
        "한빛시가 20일 관내 소각업체 3곳과 폐기물 반입 자제 업무협약을 맺었다.\n"
        "업무협약은 법적 구속력이 없어 업체가 약속을 어겨도 제재할 방법이 없다."
    )
    assert is_mou_and_countries(kiwi_extractor, title, body) == (True, ())


def test_an_arrest_headline_still_makes_a_crime_story(kiwi_extractor: Extractor) -> None:
    title = "‘해외 MOU’ 미끼로 투자금 모은 대표 구속"
    body = "한빛시 업체 대표가 미국 기업과 업무협약을 맺었다며 투자금을 모았다."
    assert is_mou_and_countries(kiwi_extractor, title, body) == (False, ())


@pytest.mark.parametrize(
    "office",
    [
        "미국 워싱턴DC에 있는 세계자연보전연맹(IUCN) 북미사무소를 찾아",
        "스위스 제네바의 국제이주기구(IOM) 본부를 방문해",
    ],
)
def test_an_international_organisations_office_gives_no_country(
    kiwi_extractor: Extractor, office: str
) -> None:
    body = f"한빛시 방문단은 지난 6일 {office} 섬 지역 생물다양성 보전에 협력하는 협약을 맺었다."
    assert is_mou_and_countries(kiwi_extractor, "한빛시, 국제기구와 협약", body) == (True, ())


@pytest.mark.parametrize(
    ("title", "signing"),
    [
        (
            "기보, HSBC 서울지점과 150억 협약보증",
            "기술보증기금은 HSBC 서울지점과 지난 8일 부산 본점에서 금융지원 업무협약을 "
            "체결했다고 9일 밝혔다.",
        ),
        (
            "대전시, 어린이 통장 출시 협약",
            "대전시는 9일 시청에서 대전시장과 SC제일은행 충청지역본부장이 참석한 가운데 어린이 "
            "통장 출시 업무협약을 맺었다.",
        ),
    ],
)
def test_a_known_foreign_banks_branch_or_its_head_signs_for_it(
    kiwi_extractor: Extractor, title: str, signing: str
) -> None:
    assert is_mou_and_countries(kiwi_extractor, title, signing) == (True, ("GB",))


def test_a_korean_banks_branch_stays_korean(kiwi_extractor: Extractor) -> None:
    signing = "대전시는 9일 한빛은행 충청지역본부장이 참석한 가운데 통장 출시 업무협약을 맺었다."
    assert is_mou_and_countries(kiwi_extractor, "대전시, 통장 출시 협약", signing) == (True, ())


def test_a_pact_against_drug_smuggling_is_security(kiwi_extractor: Extractor) -> None:
    article = Article(
        title="해경, 필리핀 해안경비대와 ‘마약 밀수’ 공동 대응 약정",
        body="해양경찰청은 9일 필리핀 해안경비대와 해상 마약 밀수 공동 대응을 위한 협력 약정을 "
        "체결했다고 밝혔다.\n양 기관은 마약 밀수 정보를 실시간으로 공유하고 공조 수사를 강화한다.",
        published=PUBLISHED,
    )
    result = kiwi_extractor.extract(article)
    assert (result.is_mou, result.countries) == (True, ("PH",))
    assert "security" in result.sectors


def test_local_partners_told_in_passing_after_the_country(kiwi_extractor: Extractor) -> None:
    title = "한빛중공업, 필리핀 함정 시장 공략 가속…현지 기업과 협력"
    body = (
        "한빛중공업이 필리핀을 발판으로 동남아 함정 시장 공략에 속도를 내고 있다.\n"
        "회사는 건조부터 정비까지 아우르는 패키지를 앞세우고 있다.\n"
        "8일 업계에 따르면 한빛중공업은 지난 6일부터 마닐라에서 열린 방산 전시회에 참가했다.\n"
        "또 현지 조선소인 수빅마린웍스(Subic Marine Works), 전자장비 기업 루손테크(Luzon Tech) "
        "등과 잇달아 양해각서(MOU)를 체결했다."
    )
    assert is_mou_and_countries(kiwi_extractor, title, body) == (True, ("PH",))


def test_korean_partners_told_in_passing_stay_no_news(kiwi_extractor: Extractor) -> None:
    title = "한빛중공업, 필리핀 함정 시장 공략 가속"
    body = (
        "한빛중공업이 필리핀을 발판으로 동남아 함정 시장 공략에 속도를 내고 있다.\n"
        "회사는 건조부터 정비까지 아우르는 패키지를 앞세우고 있다.\n"
        "8일 업계에 따르면 한빛중공업은 지난 6일부터 마닐라에서 열린 방산 전시회에 참가했다.\n"
        "회사는 국내 협력사 12곳과 동반성장 협약을 체결했다."
    )
    assert is_mou_and_countries(kiwi_extractor, title, body) == (False, ())


@pytest.mark.parametrize(
    ("signing", "expected"),
    [
        # A known firm's Korean arm as one item of a long list of signers.
        (
            "전북도는 13일 아마존웹서비스(AWS) 코리아, 한빛클라우드, 전북대 등 38개 기업·기관과 "
            "데이터센터 유치 업무협약을 맺었다고 밝혔다.",
            ("US",),
        ),
        # A party based abroad whose phrase runs long before its particle.
        (
            "안산시는 15일 한빛대, 경기테크노파크와 인도 벵갈루루에 소재한 IT 교육기관 한빛테크 "
            "아카데미 등 10개 기관이 참여하는 'AI 인재 양성' 업무협약을 체결했다.",
            ("IN",),
        ),
    ],
)
def test_a_foreign_party_deep_in_a_list(
    kiwi_extractor: Extractor, signing: str, expected: tuple[str, ...]
) -> None:
    assert is_mou_and_countries(kiwi_extractor, "AI 인재 양성 협약", signing) == (True, expected)


@pytest.mark.parametrize(
    ("title", "signing"),
    [
        (
            "한빛시·EU 해양수산총국, 해양쓰레기 공동 대응",
            "한빛시는 9일 EU 해양수산총국과 해양쓰레기 공동 대응을 위한 업무협약을 체결했다.",
        ),
        (
            "한빛에너지·美 블룸파워, 연료전지 폐열 활용 사업",
            "한빛에너지는 9일 미국 블룸파워와 연료전지 폐열을 활용한 냉난방 사업 협약을 맺었다.",
        ),
    ],
)
def test_marine_litter_and_waste_heat_are_the_environment(
    kiwi_extractor: Extractor, title: str, signing: str
) -> None:
    result = kiwi_extractor.extract(Article(title=title, body=signing, published=PUBLISHED))
    assert result.is_mou and "environment" in result.sectors
