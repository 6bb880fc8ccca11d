"""Shapes of issue 9's sixth round, each with invented articles: a Korean body named by the
acronym the article defined for it, an agreement's quoted name glossed in English, "현지" before
a field's body, a trade word inside an agency's name, the lead's partner of a signing sentence
that names none."""

from __future__ import annotations

import pytest
from extractor_fixtures import is_mou_and_countries

from extractors.extractor import Extractor


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # The acronym stands for the Korean body the article named in full before it, so a
        # well-known foreign firm beside it is a counterpart ...
        (
            "서울콘에 6만명 방문",
            "서울경제진흥원(SBA)은 행사에 6만명이 다녀갔다고 15일 밝혔다. "
            "SBA와 알리바바 간의 업무협약도 지난 10일 체결됐다.",
            (True, ("CN",)),
        ),
        (
            "해양 연구 협력",
            "한국해양과학기술원(KIOST)은 14일 부산에서 행사를 열었다. "
            "이날 KIOST는 구글과 해양 데이터 분석 업무협약을 맺었다.",
            (True, ("US",)),
        ),
        # ... but an acronym the article never defined, or defined for a foreign body, says
        # nothing of a Korean side: two firms named bare may both be foreign.
        (
            "서울콘에 6만명 방문",
            "행사에 6만명이 다녀갔다. SBA와 알리바바 간의 업무협약도 지난 10일 체결됐다.",
            (True, ()),
        ),
        (
            "스타트업 교류 확대",
            "베트남 국가혁신청(NIC)은 14일 하노이에서 행사를 열었다. "
            "이날 NIC와 알리바바는 스타트업 지원 업무협약을 맺었다.",
            (False, ()),
        ),
        # An agreement's quoted name with its English name in brackets still meets its verb.
        (
            "A사, 美 오스틴시 인센티브 확보",
            "A사 미국 법인은 최근 텍사스주 오스틴시와 '챕터 380 경제 개발 협약'"
            "(Chapter 380 Business Expansion Agreement)을 체결했다.",
            (True, ("US",)),
        ),
        # "현지" before any field's kind of body names a body of that country; Korean firms gone
        # there are not ("현지 진출기업").
        ("A사, 베트남 현지 섬유기업과 원단 공급 MOU", "", (True, ("VN",))),
        ("A사, 베트남 현지 IT 기업과 협약", "", (True, ("VN",))),
        (
            "A사, 베트남 현지 진출기업과 협약",
            "A사는 14일 베트남 현지 진출기업 20곳과 물류 지원 협약을 체결했다.",
            (True, ()),
        ),
        # A trade word inside an agency's name is the agency, not a market ("수출신용기관").
        (
            "B은행, 西 수출신용기관 CRX와 공동금융 MOU",
            "B은행은 14일 서울 본점에서 스페인 수출신용기관 CRX와 공동금융 양해각서를 체결했다.",
            (True, ("ES",)),
        ),
        # A city's port or airport glued to it is a body of that city.
        (
            "G항만공사, 가오슝항과 자매항 협약",
            "G항만공사는 14일 가오슝항무공사와 자매항 협약을 맺었다.",
            (True, ("TW",)),
        ),
        (
            "H공항공사, 상하이공항과 협력",
            "H공항공사는 14일 상하이공항과 운영 협력 양해각서를 체결했다.",
            (True, ("CN",)),
        ),
        # A headline's "A·B" pairs two parties: 성동구 is not the embassy's.
        (
            "주한오스트리아대사관 문화원·성동구 … 클래식 나눔 맞손",
            "주한오스트리아대사관 문화원이 지난 10일 서울 성동구청에서 성동구와 문화예술 교류 "
            "업무협약을 체결했다고 15일 밝혔다.",
            (True, ("AT",)),
        ),
        # A listed foreign firm's Korean unit among the participants listed after the signing,
        # and in a list before a quoted project name (a noun, however Kiwi splits it).
        (
            "I구, 9개 기관과 탄소중립 협약",
            "I구는 14일 9개 기관과 업무협약을 체결했다. 협약에는 I구를 비롯해 J공단, "
            "한국바스프, K대학교가 참여했다.",
            (True, ("DE",)),
        ),
        (
            "L시, 해안방재림 조성 MOU 체결",
            "L시는 14일 한국P&G, 환경재단, 동부지방산림청과 '해안방재림 조성 사업' 업무 "
            "협약(MOU)을 체결했다.",
            (True, ("US",)),
        ),
        # A signing sentence that names no partner: the partner is the one the lead named just
        # before it beside a Korean signer ...
        (
            "A대, AI 인재 키운다",
            "A대가 미국 B사와 손잡고 AI 인재를 키운다. "
            "양 기관은 14일 캠퍼스에서 AI 인재 양성 협약을 체결했다.",
            (True, ("US",)),
        ),
        (
            "C대, 스마트공장 교육센터 연다",
            "국립C대가 독일 자동화 기업 D사와 손잡고 캠퍼스에 교육센터를 연다. C대는 지난 14일 "
            "D사 부사장 등이 참석한 가운데 '교육센터 구축 협약'을 체결했다고 15일 밝혔다.",
            (True, ("DE",)),
        ),
        (
            "KM-폴란드 N그룹, 정비센터 공동 구축",
            "한국M산업(KM)과 폴란드 국영 방산그룹 N이 폴란드 현지에 정비센터를 함께 세운다. "
            "14일(현지시간) 양사는 폴란드 바르샤바에서 이 같은 내용의 업무협약(MOU)을 체결했다.",
            (True, ("PL",)),
        ),
        (
            "O원·P협회·핀란드 기상연구소, 해빙 예측 협력",
            "한국O원(KO)과 P협회, 핀란드 기상연구소(FMI)가 해빙 예측 협력체계를 구축했다. "
            "3개 기관은 14일 부산에서 관측 자료 공유와 공동 예측 모델 개발을 위한 업무협약을 "
            "체결했다.",
            (True, ("FI",)),
        ),
        # A headline's "A·美 B, …" pairs a Korean and a foreign side; "미국·캐나다" is two
        # countries, "일본·대만 겨냥" two markets.
        (
            "Q사·美 R대, 방산 AI 인재 양성 맞손",
            "Q사는 14일 방산 AI 인재 양성을 위한 업무협약을 체결했다고 15일 밝혔다.",
            (True, ("US",)),
        ),
        (
            "S사-T사, 일본·대만 겨냥 웹툰 게임화 맞손",
            "S사와 T사가 일본과 대만 시장을 겨냥해 게임 공동 개발에 나선다. 양사는 14일 서울에서 "
            "콘텐츠 협력 업무협약을 체결했다고 15일 밝혔다.",
            (True, ()),
        ),
        # ... not when the signing sentence names its own partner, nor when both sides of the
        # lead are foreign.
        (
            "A대, AI 인재 키운다",
            "A대가 미국 B사와 손잡고 AI 인재를 키운다. "
            "A대는 14일 C사와 AI 인재 양성 협약을 체결했다.",
            (True, ()),
        ),
        (
            "U공단, 수출 상담회 개최…협약 체결",
            "U공단은 14일 수출 상담회를 열었다. 상담회에는 국내 기업 65곳과 미국, 일본, 베트남 등 "
            "14국 바이어 30사가 참가했다. U공단은 이날 19건의 업무 협약이 체결됐다고 밝혔다.",
            (True, ()),
        ),
    ],
)
def test_round6_shapes(
    kiwi_extractor: Extractor, title: str, body: str, expected: tuple[bool, tuple[str, ...]]
) -> None:
    assert is_mou_and_countries(kiwi_extractor, title, body) == expected


def test_lead_partner_needs_a_korean_signer(kiwi_extractor: Extractor) -> None:
    # Both sides of the lead may be foreign (a region says nothing of Korea): whatever the
    # extractor makes of the signing, the lead's partner is no counterpart.
    _, countries = is_mou_and_countries(
        kiwi_extractor,
        "E·F, 스페인 배터리 합작 협약",
        "중국 배터리 업체 E와 유럽 완성차 업체 F가 스페인에 배터리 공장을 짓는다. "
        "두 회사는 14일 사라고사에서 합작 공장 설립 협약을 체결했다.",
    )
    assert countries == ()
