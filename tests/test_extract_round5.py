"""Shapes found by the fifth round's black-box sets (issue 9), each with invented articles:
a headline's other clause, a venue in a headline's "X서", language departments, cuisine and
travel, friendship societies named with a pair form, denials and headline plans."""

from __future__ import annotations

import pytest
from extractor_fixtures import is_mou_and_countries

from extractors.extractor import Extractor

_BODY = "A사는 14일 B사와 공동 개발 업무협약을 체결했다고 15일 밝혔다."


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # A headline's clause before the ellipsis is not the deal's party.
        ("美 FDA 승인 목표로…A사·B사 공동 임상 협약", _BODY, (True, ())),
        ("'日 가나자와처럼'…A시, 야간관광 협약", _BODY.replace("B사", "C공사"), (True, ())),
        ("사우디 네옴 수주 노린다…A사·B사 협약", _BODY, (True, ())),
        # "X서" in a headline is a venue ("에서"); the party's country still counts.
        (
            "A사, 싱가포르 핀테크 페스티벌서 印 결제사와 제휴",
            "A사는 14일 싱가포르 핀테크 페스티벌 현장에서 인도 결제사 B와 협약을 체결했다.",
            (True, ("IN",)),
        ),
        (
            "A기관, 런던 아프리카 포럼서 케냐 정부와 보건 협약",
            "A기관은 14일 런던에서 열린 포럼에서 케냐 보건부와 보건 협약을 체결했다.",
            (True, ("KE",)),
        ),
        # A language department, a cuisine school, a friendship society: Korean parties.
        (
            "C외대 인도네시아어과, 지역 수출기업과 협약",
            "C외대는 14일 인도네시아어과와 지역 수출기업 6곳이 인력 양성 협약을 체결했다고 밝혔다.",
            (True, ()),
        ),
        (
            "서울 '프랑스 요리 학교'와 D호텔, 조리 인재 협약",
            "D호텔은 14일 서울의 한 프랑스 요리 학교와 산학협력 협약을 체결했다.",
            (True, ()),
        ),
        # A headline's part after the deal's part that names no deal: who did not sign.
        (
            "강원도, 미국·캐나다 순방…美 수소기업과 MOU, 캐나다는 협의만",
            "강원도 대표단은 14일(현지시간) 미국 캘리포니아에서 수소기업 B와 업무협약을 체결했다.",
            (True, ("US",)),
        ),
        # A city after a body's name is the body's office; "X 간" alone is "went to X"; a pair
        # of two other countries is no party.
        (
            "I도 대표단, 호찌민서 J센터와 수출 지원 협약",
            "I도 사절단이 14일 호찌민을 방문해 J센터(GBC) 호찌민, 한국무역협회 호찌민지부와 "
            "업무협약을 체결했다.",
            (True, ()),
        ),
        (
            "우즈벡 간 한국 대학들…현지 연합 캠퍼스 협약",
            "국내 대학 5곳이 14일 우즈베키스탄 타슈켄트에서 연합 캠퍼스 공동 운영 협약을 맺었다.",
            (True, ()),
        ),
        (
            "K사, 美 영상진단 네트워크와 공급 협약…美·日 기업 간 별도 제휴도",
            "K사는 14일 미국 영상진단 네트워크 L과 공급 업무협약을 체결했다고 15일 밝혔다.",
            (True, ("US",)),
        ),
        # A body named by a demonstrative is the one named just before; a foreign firm's plant
        # in Korea signs for the firm.
        (
            "英 요리학교에 한식 과정",
            "영국의 한 요리학교가 정규 과정에 한식을 넣는다. 이 학교는 유명 셰프를 배출했다. "
            "M원은 지난 10일 런던에서 이 학교와 교육과정 공동 운영 협약을 맺었다.",
            (True, ("GB",)),
        ),
        (
            "여수산단 화학사고 합동 대응",
            "한국바스프 여수공장은 지난 10일 여수소방서와 화학사고 공동 대응 협약을 체결했다.",
            (True, ("DE",)),
        ),
        # A local party after a country, a Korean unit's seat, or a city where it happens.
        (
            "N건설, 인니 현지 국영건설사와 인프라 MOU",
            "N건설은 인도네시아 현지 국영건설사 와스키타카르야와 양해각서를 체결했다.",
            (True, ("ID",)),
        ),
        (
            "O생명 인니법인, 현지 P은행과 방카슈랑스 협약",
            "O생명 인도네시아법인은 현지 디지털은행 P은행과 제휴 협약을 체결했다고 14일 밝혔다.",
            (True, ("ID",)),
        ),
        (
            "코트라, LA서 수출상담회…현지 바이어와 MOU 11건",
            "KOTRA는 13일(현지시간) 미국 로스앤젤레스에서 상담회를 열고 현지 유통 바이어와 우리 "
            "기업 간 수출 업무협약 11건을 체결했다고 14일 밝혔다.",
            (True, ("US",)),
        ),
        # Participants listed after the signing; a region Kiwi reads as two names.
        (
            "Q협회, 유럽 2개국 섬유기관과 협력",
            "Q협회는 14일 소재 공동 개발 업무협약을 체결했다고 밝혔다. 협약에는 프랑스 "
            "섬유기술연구소와 이탈리아 섬유시험원이 참여했다.",
            (True, ("FR", "IT")),
        ),
        (
            "R공사, 브리티시컬럼비아주와 LNG 의향서",
            "R공사는 14일 브리티시컬럼비아주 에너지광업부와 LNG 협력 의향서에 서명했다.",
            (True, ("CA",)),
        ),
        # Each signing sentence's own local party; a glued body of a country; a co-host of an
        # event who signs; a Korean firm named in a headline's other part; "A B-C D," pairs.
        (
            "S도, 印·베트남 순방",
            "S도는 9일(현지시간) 인도 타밀나두주 정부와 산업 협력 양해각서를 체결했다고 14일 "
            "밝혔다. 지사는 이어 11일 베트남 하노이에서 현지 전자부품 기업 비엣텍과 투자협약을 "
            "맺었다.",
            (True, ("IN", "VN")),
        ),
        (
            "무협-베트남상의 공급망 협력 MOU",
            "한국무역협회는 13일 하노이에서 베트남상공회의소(VCCI)와 포럼을 열고 공급망 협력 "
            "업무협약을 체결했다.",
            (True, ("VN",)),
        ),
        (
            "폴란드 국방부와 공동생산 협정 체결…LIG넥스원 52주 신고가",
            "회사는 전날 폴란드 국방부 산하 군비청과 공동생산을 위한 기본협정을 체결했다고 "
            "공시했다.",
            (True, ("PL",)),
        ),
        ("獨 지멘스-韓 두산에너빌리티, 가스터빈 정비 협력 MOU", "", (True, ("DE",))),
        # KOTRA's office abroad and a pavilion at a fair abroad are Korean.
        (
            "T테크노파크, 코트라 하노이무역관과 진출 지원 협약",
            "T테크노파크는 지난 10일 베트남 하노이에서 코트라 하노이무역관과 업무협약을 체결했다.",
            (True, ()),
        ),
        (
            "대구시, CES 현장서 지역기업 5곳과 투자협약",
            "대구시는 10일(현지 시각) 라스베이거스 CES 2024 대구관에서 지역 모빌리티·로봇 기업 "
            "5곳과 투자협약을 체결했다고 14일 밝혔다.",
            (True, ()),
        ),
        # A Korean official heading the Korean side of a caption's signing.
        (
            "‘수소 도시’ 울산, 충전소 줄 사라졌다",
            "지난 10일 독일 뮌헨에서 김두영 울산시장과 바이에른주 경제에너지부 관계자들이 수소 "
            "협력 업무협약서에 서명한 뒤 악수하고 있다.",
            (True, ("DE",)),
        ),
        # A name Kiwi reads as a noun plus 과; a Korean unit named "X코리아" after its parent.
        (
            "日 약품 기업 히카리화학, 새만금에 투자",
            "전북도와 새만금개발청은 14일 전북도청에서 일본 히카리화학과 1500억원 규모의 "
            "투자협약을 체결했다.",
            (True, ("JP",)),
        ),
        (
            "獨 부품사 베르너, 대구에 공장",
            "독일 자동차 부품 기업 베르너 오토모티브의 한국 법인이 대구에 공장을 세운다. "
            "대구시는 14일 시청에서 베르너코리아와 650억원 규모의 투자협약을 체결했다.",
            (True, ("DE",)),
        ),
        # An unknown city Kiwi reads with its 에 as one name, before the party's seat.
        (
            "V칩스, 印 벵갈루루 팹리스와 공동개발",
            "V칩스는 인도 벵갈루루에 본사를 둔 팹리스 기업 사프탁세미와 업무협약(MOU)을 "
            "체결했다고 14일 밝혔다.",
            (True, ("IN",)),
        ),
        (
            "W에너지, 濠 그린수소 지분투자 LOI",
            "W에너지는 호주 퀸즐랜드주 글래드스턴에서 추진되는 사업에 참여하기 위해 현지 개발사 "
            "선코스트와 투자의향서(LOI)를 체결했다고 14일 밝혔다.",
            (True, ("AU",)),
        ),
        # A headline's partner of a joint study when the signing sentence names none; a
        # country's university glued into one name; ㈜ marks Korean firms; travel agencies.
        (
            "Y대, 노르웨이과학기술대와 자율운항선박 공동연구",
            "Y대는 14일(현지 시각) 노르웨이 트론헤임 해양기술센터에서 공동연구 협약을 "
            "체결했다고 15일 밝혔다.",
            (True, ("NO",)),
        ),
        (
            "Z지사, 하노이서 국내 기업 3곳과 투자협약",
            "충남도는 지사가 14일(현지 시각) 베트남 하노이 롯데호텔에서 부품 기업 ㈜대성오토텍, "
            "물류 기업 ㈜한중로지스와 투자협약을 체결했다고 15일 밝혔다.",
            (True, ()),
        ),
        (
            "강원도, 태국 방콕 현지 여행사 5곳과 관광 협약",
            "강원도는 14일(현지 시각) 태국 방콕에서 현지 여행사 5곳과 관광상품 공동 개발 "
            "업무협약을 체결했다고 15일 밝혔다.",
            (True, ("TH",)),
        ),
        # Participants listed in a sentence of their own; bodies of the European Union; a
        # local party after a country visited (not "현지 한인 기업", not "현지법인 … 은").
        (
            "생산기술연구원, 북유럽 3개 연구기관과 공동연구",
            "생기원은 14일 천안 본원에서 공동연구 협약 서명식을 가졌다고 15일 밝혔다. 이날 "
            "협약서에 서명한 기관은 핀란드 국가기술연구센터, 스웨덴 국립연구소다.",
            (True, ("FI", "SE")),
        ),
        (
            "케이뱅크, 유럽 핀테크 2곳과 해외송금 제휴",
            "케이뱅크는 해외송금 업무협약을 맺었다고 14일 밝혔다. 상대는 영국의 송금 핀테크 "
            "'리미트플로'와 아일랜드의 결제 기업 '샴록페이'다.",
            (True, ("GB", "IE")),
        ),
        (
            "수출입은행, 유럽투자은행과 협조융자 MOU",
            "한국수출입은행은 14일 룩셈부르크에서 유럽투자은행(EIB)과 양해각서를 체결했다.",
            (True, ("EU",)),
        ),
        (
            "울산시 대표단, 노르웨이서 해상풍력 기업 2곳과 협약",
            "노르웨이를 방문 중인 울산시 대표단은 14일(현지 시각) 베르겐에서 현지 부유식 해상풍력 "
            "기업 2곳과 기술 협력 협약을 체결했다.",
            (True, ("NO",)),
        ),
        (
            "주케냐 한국대사관, 현지 한인 기업과 인턴십 협약",
            "주케냐 한국대사관은 14일 나이로비에서 현지 한인 기업 5곳과 인턴십 협약을 체결했다.",
            (True, ()),
        ),
        # Reported as done ("체결한 것으로 확인됐다"); a clause planned after a signed one; an
        # importer is a body; 로버트보쉬.
        (
            "[단독] A차, 인도 IIT 마드라스와 배터리 공동연구 협약",
            "A차가 인도 최고 공과대학인 인도공과대학(IIT) 마드라스와 공동연구 협약을 체결한 것으로 "
            "14일 확인됐다.",
            (True, ("IN",)),
        ),
        (
            "지방대 유학생 유치전",
            "B공대는 이달 아랍에미리트(UAE) 칼리파대와 학생교류 MOU를 체결했고, 다음 달에는 몽골 "
            "대학들과 협약을 추진한다.",
            (True, ("AE",)),
        ),
        (
            "청송 사과, 대만서 인기",
            "C공사는 지난 10일 대만 타이베이의 청과 수입 업체와 공급 협약을 체결했다.",
            (True, ("TW",)),
        ),
        (
            "한국로버트보쉬, 대구시와 인재양성 협약",
            "대구시는 14일 한국로버트보쉬와 인재 양성 업무협약을 체결했다.",
            (True, ("DE",)),
        ),
        # Names Kiwi reads as common nouns: a city with its suffix, a national airline; a
        # signing "맺는 등" dated to last month.
        (
            "부산 찾은 일본인 관광객 역대 최대",
            "공사는 이달 초 후쿠오카시 관광컨벤션뷰로와 관광 공동마케팅 업무협약을 체결했으며, "
            "하반기 규슈 지역 설명회를 늘릴 계획이다.",
            (True, ("JP",)),
        ),
        (
            "대한항공, 에티오피아항공과 화물 공동운항 MOU",
            "대한항공은 14일(현지시간) 에티오피아 아디스아바바에서 에티오피아항공과 양해각서를 "
            "체결했다고 15일 밝혔다.",
            (True, ("ET",)),
        ),
        (
            "D대, 외국인 유학생 1000명 시대",
            "D대는 지난달 28일 우즈베키스탄 사마르칸트국립대와 복수학위 협정을 맺는 등 중앙아시아 "
            "학생 유치에 공을 들여왔다.",
            (True, ("UZ",)),
        ),
        # A headline's "A-B" pair whose second side a country starts.
        (
            "[포토] F학교-美 육군 의무학교 교육 교류 협약",
            "F학교장과 미 육군 의무학교 사령관이 14일 교육 교류 협약을 체결한 뒤 악수하고 있다.",
            (True, ("US",)),
        ),
        (
            "[플라자] G병원-일본 게이오대병원 교류 협정 외",
            "▲G병원은 14일 일본 도쿄 게이오대병원에서 의료진 교류 협정을 체결했다고 밝혔다.",
            (True, ("JP",)),
        ),
        (
            "한미협회, E부와 장학 협약",
            "E부는 14일 한미협회와 장학 지원 업무협약을 체결했다고 15일 밝혔다.",
            (True, ()),
        ),
    ],
)
def test_countries(
    kiwi_extractor: Extractor, title: str, body: str, expected: tuple[bool, tuple[str, ...]]
) -> None:
    assert is_mou_and_countries(kiwi_extractor, title, body) == expected


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("[특징주] A사, 中 파트너사와 MOU 체결설에 급등…회사 “사실무근”", ""),
        ("‘한·인도 정상회담’ 앞두고 조선株 들썩…“MOU 기대 과도”", ""),
        ("한·불 비즈니스 라운드테이블, MOU 대신 ‘협력 선언’만", ""),
        ("한·미 장관 회담 ‘빈손’…“투자 MOU 문안 이견 여전”", ""),
        ("韓·中 정상회담 계기 MOU 7건 서명 예정", ""),
        ("한·튀르키예 정상 “원전 협력 MOU 조속 체결 노력”", ""),
        ("인도 총리 방한 연기에 ‘조선 MOU’ 서명도 무기한 보류", ""),
        ("E건설, 체코 원전 현지기업과 협약 체결 앞둬", ""),
        (
            "U시, 英 해상풍력사와 MOU 체결식 돌연 연기",
            "U시가 영국 해상풍력 기업과 추진하던 투자 업무협약(MOU) 체결식이 하루 전 돌연 "
            "연기됐다.",
        ),
        ("F도, 몽골 울란바토르시와 의료관광 협약 추진…서명은 가을", ""),
        (
            "G사, 글로벌 제약사와 MOU 보도 부인",
            "G사가 글로벌 제약사와 양해각서를 체결했다는 소문이 퍼지면서 주가가 올랐다.",
        ),
    ],
)
def test_headlines_of_deals_not_done(kiwi_extractor: Extractor, title: str, body: str) -> None:
    assert is_mou_and_countries(kiwi_extractor, title, body) == (False, ())
