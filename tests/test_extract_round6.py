"""Shapes of issue 9's sixth round, each with invented articles: a Korean body named by the
acronym the article defined for it, an agreement's quoted name glossed in English, "현지" before
a field's body, a trade word inside an agency's name, the lead's partner of a signing sentence
that names none."""

from __future__ import annotations

import datetime as dt

import pytest
from extractor_fixtures import is_mou_and_countries

from extractors.extractor import Extractor
from extractors.model import Article


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
        # A body's long name Kiwi reads as one noun with its 과 ("…구역청과") ends the list.
        (
            "V시, 英 W칼리지 캠퍼스 유치",
            "V시는 14일 시청에서 영국 세인트오스윈 칼리지, 대구경북경제자유구역청과 ‘세인트오스윈 "
            "칼리지 V 캠퍼스’ 설립을 위한 업무협약을 체결했다.",
            (True, ("GB",)),
        ),
        # An international body's seat abroad gives no country; a listed firm's Korean unit
        # named with 컴퍼니코리아 is its parent's.
        (
            "FAO 직원들, 전남서 일하며 휴가",
            "전남도는 14일(현지 시각) 이탈리아 로마 FAO 본부에서 FAO 공식 직원 대표 기구인 FAO "
            "직원협회와 워케이션 활성화를 위한 업무협약을 맺었다고 15일 밝혔다.",
            (True, ()),
        ),
        (
            "강원도–디즈니 손잡았다",
            "강원도와 월트디즈니컴퍼니코리아는 14일 강원도청에서 콘텐츠 활성화를 위한 "
            "업무협약을 체결했다.",
            (True, ("US",)),
        ),
        # A digest's headline heads its first item, not the item that reports the signing.
        (
            "[플라자] 한·호주 경제협력위원회 부산서 개최 외",
            "▲한·호주 경제협력위원회 합동회의가 부산에서 열린다. 회의에서는 협력 방안을 논의한다. "
            "▲Y네트워크 사무국은 14일 주한 프랑스 대사관과 청소년 교환 양해각서(MOU)를 "
            "체결했다고 밝혔다.",
            (True, ("FR",)),
        ),
        # A region named before "주정부" is the region (Kiwi learns its name); participants
        # listed "이날 협약에는 …"; a local importer named with its Latin name in brackets.
        (
            "Z사, 수소 충전 MOU",
            "Z사는 14일 인도 첸나이에서 타밀나두 주정부와 수소 충전 인프라 양해각서(MOU)를 "
            "체결했다.",
            (True, ("IN",)),
        ),
        (
            "충북도 등 10개 기관, 전력반도체 협력",
            "충북도는 14일 오송에서 업무 협약을 체결했다. 이날 협약에는 한국전자통신연구원(ETRI), "
            "독일 프라운호퍼 소자기술연구소(IISB), 입주기업 등이 참여했다.",
            (True, ("DE",)),
        ),
        (
            "영동군, 베트남서 포도 판로 협력",
            "영동군은 지난 10일 베트남 하노이에서 한국계 유통기업 다라그룹, 현지 수입유통사 "
            "비엣프루트(VietFruit JSC)와 업무협약(MOU)을 체결했다.",
            (True, ("VN",)),
        ),
        # "X와 … 운영하기로 하고 … 서명했다": what they decided comes before the signing.
        (
            "청소년 교환 연수 MOU",
            "Y네트워크 사무국은 주한 프랑스 대사관과 청소년 교환 연수 프로그램을 함께 운영하기로 "
            "하고 14일 양해각서(MOU)에 서명했다고 밝혔다.",
            (True, ("FR",)),
        ),
        # A headline's own "현지" party beside a Korean firm's unit abroad, named in quotes.
        (
            "다온 인니법인, 현지 전자결제사 ‘자야’와 맞손",
            "다온인도네시아는 지난 12일 자카르타 법인 사무실에서 자야와 핀테크 협력 "
            "업무협약(MOU)을 체결했다고 15일 밝혔다.",
            (True, ("ID",)),
        ),
        # A signing clause closed by a retrospective "-던" tells a noun's past.
        (
            "괌, 골프 '스포츠케이션'으로 확 달라진다",
            "코로나 팬데믹 기간 여행안전권역 협정을 맺고 한국 관광객을 가장 먼저 맞았던 괌이 "
            "여행 콘셉트를 바꾼다. 괌정부관광청은 14일 서울에서 설명회를 열었다.",
            (False, ()),
        ),
        # A party described by its country in a sentence of its own ...
        (
            "관세청, 유럽부정행위방지청과 업무협약",
            "관세청은 14일 유럽부정행위방지청(OLAF)과 밀수 대응 업무협약을 체결했다. 1999년 설립된 "
            "OLAF는 유럽연합(EU) 집행위원회 소속 기관으로, EU 예산을 노린 사기를 조사한다.",
            (True, ("EU",)),
        ),
        # ... not when the country there belongs to another noun, or to the party's history.
        (
            "고려대, 싱가포르국립대와 AI 공동 학위 협약",
            "고려대는 14일 싱가포르국립대(NUS)와 학위 과정 운영 협약을 체결했다. NUS는 영국 "
            "대학평가기관 QS 순위에서 아시아 1위를 차지한 대학이다.",
            (True, ("SG",)),
        ),
        (
            "hy, 성남시와 독거노인 안부 협약",
            "성남시는 14일 시청에서 hy와 안부 확인 업무협약을 체결했다. hy는 1969년 일본 "
            "야쿠르트와 기술 제휴로 출발했지만 현재는 국내 기업이다.",
            (True, ()),
        ),
        # A quoted ceremony name "‘A대-B사, … 협약식’" names no partner of the sentence.
        (
            "대만 장비사 한국법인, C대에 후원금 25억",
            "대만 반도체 장비 기업 포모사의 한국법인 포모사코리아가 C대에 25억원을 전달했다. C대는 "
            "14일 ‘C대-포모사, 연구센터 후원사업 기부 협약식’을 열었다고 15일 밝혔다.",
            (True, ("TW",)),
        ),
        # A partnership agreement between states ("디지털동반자협정") is no MOU.
        (
            "한-싱가포르 디지털동반자협정 개선 타결",
            "한국과 싱가포르가 14일 디지털동반자협정(DPA) 개선 협상을 타결했다.",
            (False, ()),
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
            "A대, AI 인재 키운다",
            "A대가 미국 B사와 함께 AI 인재를 키운다. "
            "양 기관은 14일 캠퍼스에서 AI 인재 양성 협약을 체결했다.",
            (True, ("US",)),
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


def test_bare_letter_after_a_one_sided_one(kiwi_extractor: Extractor) -> None:
    # "의향서" after "사전연명의료의향서" is that one-sided letter, even when signed.
    body = (
        "이달 초 전산망 장애로 닷새 동안 작성된 사전연명의료의향서가 등록되지 않은 것으로 "
        "확인됐다.\n21일 보건복지부에 따르면 지난 2일부터 6일까지 작성된 사전연명의료의향서가 "
        "사라졌다.\n사전연명의료의향서는 연명의료를 받지 않겠다는 뜻을 미리 밝혀두는 문서다. "
        "작성한 의향서는 시스템에 올라가야 조회된다.\n누락 건수는 5000건 안팎으로 추정된다. "
        "종이로 작성한 의향서는 기관에 원본이 남아 있어 1800건가량을 다시 입력했지만, 전자 "
        "서명으로 작성한 경우엔 기록 자체가 사라져 누가 작성했는지 확인이 어렵다."
    )
    article = Article(
        "전산 오류로 ‘사전연명의료의향서’ 수천 건 등록 누락",
        body,
        published=dt.datetime(2025, 10, 21),
    )
    assert not kiwi_extractor.extract(article).is_mou


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # A feed's deck glued to its lead ("… 체결글로벌 물류 기업 가온이 …") is its own line ...
        (
            "가온, K-뷰티 글로벌 유통으로 사업 확장",
            "뷰티랩과 업무협약 체결글로벌 물류 DX 기업 가온이 물류 대행에서 글로벌 유통으로 사업을 "
            "넓힌다. 가온은 브랜드사 뷰티랩과 유통 협력 방안을 마련했다고 15일 밝혔다.",
            True,
        ),
        # ... but a word after "체결" that goes on as its verb or noun is no deck's end.
        (
            "광주시, 로봇기업 유치 투자협약 이달 말 체결 예정",
            "광주시는 로봇 기업 두 곳과 투자협약을 이달 말 체결할 예정이라고 12일 밝혔다.",
            False,
        ),
    ],
)
def test_glued_deck(kiwi_extractor: Extractor, title: str, body: str, expected: bool) -> None:
    assert is_mou_and_countries(kiwi_extractor, title, body)[0] is expected


def test_a_date_of_the_month_before_within_weeks(kiwi_extractor: Extractor) -> None:
    # "지난 2월 17일" in a story of 2 March is two weeks back, a recent signing told in passing.
    article = Article(
        "‘부산 크리에이터 페스타’ 4만명 방문",
        "부산경제진흥원(BEPA)은 행사에 4만2000명이 다녀갔다고 2일 밝혔다. 행사에는 38개국 "
        "크리에이터가 참가했다. 온라인 콘텐츠 조회수는 2억회를 넘었다. 판매 프로그램 매출은 "
        "84억원이었다. 이 같은 성과를 바탕으로 BEPA와 싱가포르 전자상거래 기업 라잉마켓의 "
        "업무협약도 지난 2월 17일 체결됐다.",
        published=dt.datetime(2025, 3, 2, 9),
    )
    result = kiwi_extractor.extract(article)
    assert (result.is_mou, result.countries) == (True, ("SG",))


def test_bare_agreement_after_a_labour_agreement(kiwi_extractor: Extractor) -> None:
    # "협약이" after "단체협약" is that labour agreement: a story of its end reports no signing.
    assert is_mou_and_countries(
        kiwi_extractor,
        "A교육감 “교원노조와의 단체협약 효력 상실”",
        "A교육감은 14일 브리핑룸에서 기자회견을 열고 “전임 교육감 시절 맺은 단체협약의 효력이 "
        "상실됐음을 선언한다”며 “협약이 교육청 고유의 정책 권한까지 제한하고 있다”고 밝혔다.",
    ) == (False, ())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Signings listed each with its date: the last one, dated last week, is news ...
        (
            "총장은 “지난 4월 지역 가전 대기업과, 지난 12일에는 독일 산업자동화 기업 E사의 "
            "한국법인과 계약학과를 운영하는 양해각서(MOU)를 체결했다”고 했다.",
            (True, ("DE",)),
        ),
        # A speaker's account closed by the papers' plain "고 했다" is told, not claimed.
        (
            "F사 대표는 “지난 14일 프랑스 G사와 공동 연구 업무협약을 맺었다”고 했다.",
            (True, ("FR",)),
        ),
        # ... and none is when every date is months back.
        (
            "D대는 지난 4월 지역 가전 대기업과, 지난해 5월에는 독일 기업 E사의 한국법인과 "
            "양해각서(MOU)를 체결했다.",
            (False, ()),
        ),
    ],
)
def test_signings_listed_with_their_dates(
    kiwi_extractor: Extractor, body: str, expected: tuple[bool, tuple[str, ...]]
) -> None:
    article = Article(
        "D대, 기업 숙제 푸는 연구소 돼야", body, published=dt.datetime(2025, 8, 20, 9)
    )
    result = kiwi_extractor.extract(article)
    assert (result.is_mou, result.countries) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A contract the story then calls "이번 협약" is an agreement, as the gold reads it ...
        (
            "H증권은 미국 투자은행 I와 5000억원 규모의 공동투자계약을 체결했다고 14일 밝혔다. "
            "이번 협약을 통해 H증권은 투자처를 발굴하고, I는 자금을 공급할 예정이다.",
            (True, ("US",)),
        ),
        # ... also when the same sentence goes on to the plan after "밝혔으며,".
        (
            "H증권은 미국 투자은행 I와 공동투자계약을 체결했다고 14일 밝혔으며, 이번 협약에 따라 "
            "H증권은 투자처를 발굴할 예정이다.",
            (True, ("US",)),
        ),
        # A supply contract the story calls a contract stays none.
        (
            "H사는 미국 I사와 500억원 규모의 공급계약을 체결했다고 14일 밝혔다. 이번 계약으로 "
            "H사는 북미 매출을 늘린다.",
            (False, ()),
        ),
    ],
)
def test_contracts_the_story_calls_agreements(
    kiwi_extractor: Extractor, body: str, expected: tuple[bool, tuple[str, ...]]
) -> None:
    assert is_mou_and_countries(kiwi_extractor, "H증권, 美 I와 공동투자계약", body) == expected
