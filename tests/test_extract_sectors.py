"""Sector rules: which sentences describe the deal and which cue words count (no Kiwi needed)."""

from __future__ import annotations

import pytest

from extractors.sector_detect import describing_sentences, detect_sectors


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("‘한국-프랑스 첨단생명공학(바이오) 협력을 위한 협정’을 체결했다.", "bio_health"),
        ("중동 시장 진출 기반을 마련하기 위해 협약을 맺었다.", "trade"),
        ("차세대 페로브스카이트 소재 공동개발 협약을 체결했다.", "manufacturing"),
        ("차량용 제어 모듈 신규 생산 라인 구축을 위한 투자 협약을 체결했다.", "mobility"),
        (
            "'한국-독일 학생 교환방문 프로그램' 추진을 위한 양해각서를 체결했다.",
            "education_research",
        ),
        ("제조업을 중심으로 산업 전반의 AI 활용을 촉진한다.", "manufacturing"),
        ("AI 기반 자동화 라인 구축을 핵심 목표로 한다.", "manufacturing"),
        ("우주용 페로브스카이트 소재 공동개발 협약을 체결했다.", "manufacturing"),
        ("영일만항 크루즈 기항을 위한 업무 협약을 체결했다.", "shipbuilding"),
        ("AI 자회사 설립을 위한 공동투자의향서(LOI)를 체결했다.", "finance"),
        ("경찰청과 LG유플러스는 업무협약을 체결했다.", "ict"),
        ("차세대 RNA 유전자치료제 개발을 위한 업무협약을 체결했다.", "bio_health"),
        ("학생 흉터치료 지원을 위한 업무협약을 체결했다.", "bio_health"),
        ("조선·해양 기자재 개발 협약을 체결했다.", "shipbuilding"),
        ("지역 문화 콘텐츠 교류를 위한 협약을 체결했다.", "culture"),
        # A field's own nouns (FIELD_NOUNS), and 항공 as a field, not an airline's name.
        ("해군 잠수함 공동 정비를 위한 양해각서를 체결했다.", "aerospace_defense"),
        ("수소 연료전지 보급을 위한 업무협약을 체결했다.", "energy"),
        ("노후 교량 보수를 위한 업무협약을 체결했다.", "infrastructure"),
        ("B사와 항공 산업 협력을 위한 양해각서를 체결했다.", "aerospace_defense"),
        # The genuine words beside the look-alikes below: a garden, a performance, culture.
        ("국제정원박람회 기업 정원 조성을 위한 협약을 체결했다.", "culture"),
        ("지역 예술단 공연 지원을 위한 협약을 체결했다.", "culture"),
        ("전통 문화 교류를 위한 협약을 체결했다.", "culture"),
    ],
)
def test_cue_counts(text: str, sector: str) -> None:
    assert sector in detect_sectors([text])


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        # 재활 (rehabilitation) inside 재활용 (recycling), 가스 inside a company name,
        # 양자 meaning bilateral.
        ("플라스틱 재활용 상생협약을 연장했다.", "bio_health"),
        ("서울시는 메가스터디교육 등 6개 업체와 업무협약을 맺었다.", "energy"),
        ("양국은 양자 협력 강화를 위한 협정을 체결했다.", "ict"),
        ("유도탄 간 무장 데이터링크를 구축하기로 했다.", "ai"),
        # A mayor is no market: "포항시장" blanked, "시장 진출" kept (tested above).
        ("이강덕 포항시장과 업무협약을 체결했다.", "trade"),
        # 조선 in a newspaper's or a hotel's name is no shipbuilding.
        ("서울대와 조선일보는 업무협약을 체결했다.", "shipbuilding"),
        ("웨스틴조선 서울 호텔에서 투자협약을 체결했다.", "shipbuilding"),
        # Venues, locations and people's asides name where and who, not what about.
        ("부천아트센터 소공연장에 열린 협약식에서 협약서를 들었다.", "culture"),
        ("충청권 소재 중소기업을 지원하기 위한 협약을 체결했다.", "manufacturing"),
        ("한국마사회(회장 우희종)는 업무협약을 체결했다.", "agri_food"),
        # Names of the body that signs ("방송통신심의위원회" in quotes) are not the field.
        ("'서울시-방송통신심의위원회' 딥페이크 삭제 지원 협약을 체결했다.", "ict"),
        # A signer's name tells its line of business, not the deal's field.
        ("A시는 카카오모빌리티와 어린이 보호 협약을 체결했다.", "mobility"),
        ("B구는 국민건강보험공단과 돌봄 협약을 맺었다.", "finance"),
        ("C협회와 금호석유화학은 페트병 회수 협약을 맺었다.", "energy"),
        ("D학교는 현대자동차그룹과 교사 건립 협약을 맺었다.", "mobility"),
        ("E센터는 제주항공우주박물관과 전시 콘텐츠 협약을 맺었다.", "aerospace_defense"),
        # "X 문화" is a social practice (safety, workplace, weddings), not culture and content.
        ("산재 예방과 안전 문화 정착을 위한 업무협약을 체결했다.", "culture"),
        ("결혼장려 문화 확산을 위한 민관협력 협약을 체결했다.", "culture"),
        # Cues inside other words: 온실가스, 조선대, 해운대, 연수구, 수산화리튬, 전력화 (military
        # strength), 탄소섬유, 은행나무, 위성도시.
        ("온실가스 감축을 위한 협약을 체결했다.", "energy"),
        ("경북도는 조선대와 학술 교류 협약을 체결했다.", "shipbuilding"),
        ("해운대구와 관광 협약을 체결했다.", "shipbuilding"),
        ("인천 연수구와 돌봄 협약을 체결했다.", "education_research"),
        ("수산화리튬 공급 협약을 체결했다.", "agri_food"),
        ("전차 180대의 전력화를 마치는 협약을 체결했다.", "energy"),
        ("탄소섬유 공동 개발 협약을 체결했다.", "environment"),
        ("은행나무 가로수 관리 협약을 체결했다.", "finance"),
        ("위성도시 교통 개선 협약을 체결했다.", "aerospace_defense"),
        # 다문화 (multicultural families) and 가족 문화 are social policy; 공연 inside 항공연구
        # (aerospace research); 정원 as a quota (의대 정원, 모집 정원), not a garden; a venue
        # (문화예술회관에서) says where, not what about.
        ("다문화 가정 청소년 교육 지원 협약을 체결했다.", "culture"),
        ("출산 친화적인 가족 문화 확산을 위한 협약을 체결했다.", "culture"),
        ("출산 문화와 육아 문화 개선을 위한 협약을 체결했다.", "culture"),
        ("국방미래항공연구센터 건립 협약을 체결했다.", "culture"),
        ("의대 정원 확대에 맞춘 수련병원 협약을 체결했다.", "culture"),
        ("모집 정원 외 특별전형 운영 협약을 체결했다.", "culture"),
        ("A군은 태안문화예술회관에서 드론 산업 협약을 체결했다.", "culture"),
    ],
)
def test_look_alikes_do_not_count(text: str, sector: str) -> None:
    assert sector not in detect_sectors([text])


def test_quoted_speech_is_not_the_deal_but_a_quoted_headline_is() -> None:
    speech = (
        "지사는 이날 협약식에서 “이번 투자 협약을 계기로 경남이 첨단 제조 혁신의 중심지로 "
        "도약할 수 있도록 지원하겠다”고 말했다."
    )
    assert "manufacturing" not in detect_sectors([speech])
    headline = '장관 "한·독 스마트공장 표준 등 제조 데이터 분야 협력해야"'
    assert "manufacturing" in detect_sectors([], headline=headline)


def test_plant_of_another_industry_is_that_industry() -> None:
    battery = "부산시는 차량용 축전지 기업과 부산 배터리공장 신설 투자 양해각서를 체결했다."
    assert detect_sectors([battery]) == ("battery", "mobility")
    parts = "경주시는 자동차 부품 생산공장 건립을 위한 투자협약을 체결했다."
    assert set(detect_sectors([parts])) == {"mobility", "manufacturing"}


def test_roundup_headline_is_left_out() -> None:
    headline = "[플라자] 문화체육관광부·한국관광공사, ‘평화의 길 걷기’ 행사 개최 외"
    assert (
        detect_sectors(["초록우산은 캠페인 확산을 위한 업무협약을 체결했다."], headline=headline)
        == ()
    )


def test_university_party_adds_education() -> None:
    assert "education_research" in detect_sectors(["협약을 체결했다."], parties=["옥스퍼드대"])
    assert "education_research" not in detect_sectors(["협약을 체결했다."], parties=["서울시"])


SENTENCES = [
    "논산시, 인도네시아서 글로벌 협력 가속",
    "업무협약 체결 장면[사진=논산시]",
    "논산시가 딸기산업의 글로벌 경쟁력 강화를 위해 해외 협력 행보를 본격화하고 있다.",
    "논산시는 지난 9일 RS그룹과 딸기산업 경쟁력 강화를 위한 업무협약(MOU)을 체결했다.",
    "이날 협약식에는 양측 관계자들이 참석했다.",
    "이번 협약은 현지 산업 네트워크를 기반으로 국제 교류를 확대하기 위해 추진됐다.",
    "협약에 따라 세 기관은 △스마트팜 시설 투자 △현지 유통 연계 등에서 협력한다.",
    "한편 논산시는 올해 딸기 수확 체험 행사를 연다.",
    "이번 협약을 통해 양측은 공동 홍보에도 나선다.",
]


def test_a_run_of_describing_sentences_follows_the_signing() -> None:
    chosen = describing_sentences(SENTENCES, [3])
    # the caption-like attendance line is skipped, the run of descriptions is taken, and the
    # run ends at the first unrelated sentence
    assert chosen == [0, 3, 5, 6]
    assert "agri_food" in detect_sectors([SENTENCES[i] for i in chosen if i])


def test_the_parties_named_as_two_cities_describe_the_deal() -> None:
    sentences = [
        "A도·B현 자매결연",
        "A도는 13일 B현과 자매결연 협약을 체결했다고 14일 밝혔다.",
        "이날 열린 협약식에는 두 지사가 참석했다.",
        "두 도시는 협약에 따라 문화·관광 분야 교류를 확대하기로 했다.",
        "B현은 인구 160만명 규모다.",
    ]
    assert describing_sentences(sentences, [1]) == [0, 1, 3]


def test_a_ceremony_sentence_does_not_describe_the_content() -> None:
    sentences = [
        "제목",
        "현대해상은 재한베트남유학생총회와 단체보험 업무협약을 체결했다고 11일 밝혔다.",
        "이번 협약식은 대사관에서 열렸으며 양국 간 교육·보험금융 협력의 의미를 더했다.",
    ]
    assert describing_sentences(sentences, [1]) == [0, 1]


def test_a_sentence_stating_the_content_is_a_description() -> None:
    sentences = [
        "제목",
        "국립창원대학교는 6일 산업통상부와 업무협약(MOU)을 체결했다고 밝혔다.",
        "제조업의 AI 전환을 위해 ‘M.AX 창업 생태계 조성’ 등 6대 협력 과제가 담겼다.",
    ]
    assert describing_sentences(sentences, [1]) == [0, 1, 2]
