"""Shapes of signing that hold beyond the labelled articles (issue 9), each on invented text:
the body visited for a signing, a party based in a foreign place, parties listed after the
signing, a Korean body's office abroad, and the fields of the sentences that say what the
parties will do together."""

from __future__ import annotations

import datetime as dt

import pytest
from extractor_fixtures import PUBLISHED, is_mou_and_countries

from extractors.country_score import FEATURES, probability
from extractors.extractor import Extractor
from extractors.gazetteer import cldr_cities
from extractors.model import Article
from extractors.sector_detect import cooperation_sentences


@pytest.mark.parametrize(
    ("title", "body", "countries"),
    [
        # The organisation visited for the signing is a party...
        (
            "김 시장, 캄보디아 방문",
            "김철수 대전시장은 14일 캄보디아 경찰청을 방문해 치안 협력 양해각서에 서명했다.",
            ("KH",),
        ),
        (
            "법무부 협약",
            "법무부 차관은 14일 몽골 수도에 위치한 이민청을 찾아 출입국 협력 양해각서를 체결했다.",
            ("MN",),
        ),
        # ...a city or a country visited is not.
        (
            "김 시장, 베트남 방문",
            "김 시장은 14일 베트남 하노이를 방문해 현대건설과 도시개발 업무협약을 체결했다.",
            (),
        ),
        # A party based in a foreign place.
        (
            "신한은행 협약",
            "신한은행은 14일 도쿄에 있는 은행 본점을 찾아 업무협약서에 서명했다.",
            ("JP",),
        ),
        (
            "한화오션 협약",
            "한화오션은 14일 토론토의 조선소와 잠수함 정비 협력 양해각서를 체결했다.",
            ("CA",),
        ),
        # Cities of CLDR's time-zone exemplars, taught to Kiwi as names.
        (
            "전남도 협약",
            "전남도는 14일 노보시비르스크의 국립의과대학과 의료 협력 업무협약을 체결했다.",
            ("RU",),
        ),
        (
            "부산대 협약",
            "부산대는 14일 레이캬비크에 있는 국립대학과 지열 공동연구 업무협약을 체결했다.",
            ("IS",),
        ),
        # A Korean body's office in a foreign place is no foreign party.
        (
            "여수시 협약",
            "여수시는 14일 독일 프랑크푸르트에 있는 전남도 유럽사무소와 홍보 협약을 체결했다.",
            (),
        ),
        # A country's short form in news ("우즈베크", "우크라").
        (
            "경북도, 직업훈련 협력",
            "경북도는 14일 우즈베크 한 직업훈련원과 기술인력 양성 업무협약을 체결했다.",
            ("UZ",),
        ),
        (
            "경기도 협약",
            "경기도는 14일 우크라 재건부와 재건 협력 업무협약을 체결했다.",
            ("UA",),
        ),
        # The parties listed after the signing sentence.
        (
            "해양수산부 협약",
            "해양수산부는 14일 친환경 선박 연료 공동연구 업무협약을 체결했다. 이번 협약에 참여한"
            " 곳은 노르웨이의 에퀴노르, 덴마크의 머스크, 스페인의 렙솔이다.",
            ("NO", "DK", "ES"),
        ),
        # "현지" before a kind of body: a body of the country named before it...
        (
            "A사 협약",
            "A사는 14일 베트남 현지 기업 빈그룹과 유통 협력 업무협약을 체결했다.",
            ("VN",),
        ),
        # ...or of the one country the sentences before name (not a Korean firm's own unit).
        (
            "한화오션, 필리핀 방문",
            "한화오션은 14일 필리핀을 방문했다. "
            "회사는 현지 조선소·대학과 인력 양성 MOU를 체결했다.",
            ("PH",),
        ),
        (
            "A사, 미국 공장",
            "A사는 미국 조지아주에 공장을 짓는다. "
            "A사는 14일 현지 대학 3곳과 인력 양성 협약을 맺었다.",
            ("US",),
        ),
        ("A사 협약", "A사는 14일 베트남 현지 법인과 업무협약을 체결했다.", ()),
        (
            "A시, 해외 교류",
            "A시 대표단은 14일 일본과 중국을 방문했다. 대표단은 현지 기업들과 업무협약을 체결했다.",
            (),
        ),
        # A foreign city a Korean mayor visits and signs in with no other party named is the
        # party; with another party named, or a country visited, it is not.
        (
            "[동정] 김철수 부산시장",
            "김철수 부산시장은 14일 일본 후쿠오카를 방문해 자매결연 협정을 체결했다.",
            ("JP",),
        ),
        ("[동정] 부산시", "부산시는 14일 베트남을 방문해 업무협약을 체결했다.", ()),
        # An agreement's anniversary in a headline is no signing (the body tells it as past).
        (
            "A사, 베트남 B사와 협약 1년…성과 가시화",
            "A사가 베트남 B사와 맺은 협약이 성과를 내고 있다. 두 회사는 지난해 5월 협약을 맺었다.",
            None,
        ),
        # A country heading a clause of its own is the backdrop, not a signer.
        (
            "LG화학 협약",
            "중국 경기 둔화가 장기화하자 LG화학은 14일 한국화학연구원과 공급망 협력 업무협약을 "
            "체결했다.",
            (),
        ),
        (
            "한화 협약",
            "미국 세액공제 수혜가 기대되는 가운데 한화솔루션은 14일 한국에너지공단과 업무협약을 "
            "체결했다.",
            (),
        ),
        (
            "빌라 부산",
            "이날 행사에는 박형준 시장, 필립 베르투 주한프랑스 대사가 참석해 업무협약을 체결했다.",
            ("FR",),
        ),
        # A state visit headed by the host country, and "양국 정부와 기업들이".
        (
            "베트남 국빈 방문 계기…경제협력 MOU 15건 체결",
            "대통령의 베트남 국빈 방문을 계기로 양국 정부와 기업들이 14일 "
            "15건의 양해각서를 체결했다.",
            ("VN",),
        ),
        # A release's announcer stands for the Korean side beside a listed foreign firm.
        (
            "루닛 협약",
            "루닛은 14일 엔비디아와 공동 개발을 위한 업무협약을 체결했다고 15일 밝혔다.",
            ("US",),
        ),
        # A language, a Korean firm's expertise in a country, a person's origin: no
        # counterpart; a body of the country's people in Korea is one (the gold's reading of
        # 재한베트남유학생총회, as of embassies)...
        (
            "현대해상 협약",
            "현대해상은 재한베트남유학생총회(VSAK)와 단체보험 업무협약을 체결했다고 14일 밝혔다.",
            ("VN",),
        ),
        (
            "서울시 협약",
            "서울시는 14일 미국 국적의 대표가 이끄는 국내 스타트업 A사와 업무협약을 체결했다.",
            (),
        ),
        ("안산시 협약", "안산시는 14일 베트남어 통번역 업체 씬짜오와 업무협약을 체결했다.", ()),
        ("코트라 협약", "코트라는 14일 베트남 전문 물류기업 에이원과 업무협약을 체결했다.", ()),
        # ...the country's own firm, expert in something, is one.
        (
            "A사 협약",
            "A사는 14일 에스토니아의 미사일 전문 방산기업 B사와 양해각서를 체결했다.",
            ("EE",),
        ),
        ("한은 협약", "한국은행은 14일 중국인민은행과 통화스와프 협정을 체결했다.", ("CN",)),
        # States and provinces named without their country (subdivisions.tsv).
        ("현대차 협약", "현대차는 14일 조지아주와 인력 양성 업무협약을 체결했다.", ("US",)),
        ("A사 협약", "A사는 14일 조지아 정부와 업무협약을 체결했다.", ("GE",)),
        ("경기도 협약", "경기도는 14일 뉴사우스웨일스주와 업무협약을 체결했다.", ("AU",)),
        ("경북도 협약", "경북도는 14일 빈즈엉성과 업무협약을 체결했다.", ("VN",)),
        ("A시 협약", "A시는 14일 B사와 저장 공간 확보 업무협약을 체결했다.", ()),
        # A city visited where a Korean partner signs is no foreign body; a body visited is.
        (
            "충남 협약",
            "충청남도는 14일 독일 하노버를 방문해 KOTRA와 현지 진출 기업 지원 업무협약을 체결했다.",
            (),
        ),
        (
            "충남 협약",
            "충청남도는 14일 독일 하노버 상공회의소를 방문해 업무협약을 체결했다.",
            ("DE",),
        ),
        # "현지에서" is a place; a Korean party named 한국… does not hide the local partners.
        (
            "코트라 협약",
            "미국 라스베이거스를 찾은 국내 기업들이 전시에 나섰다. 코트라는 이날 현지에서 "
            "중소벤처기업진흥공단과 기술협력 업무협약을 체결했다.",
            (),
        ),
        (
            "수공 협약",
            "한국수자원공사는 13일 페루를 방문했다. 한국수자원공사는 14일 현지 기업들과 협력 "
            "업무협약을 체결했다.",
            ("PE",),
        ),
        # A pair form glued to more of a name, or to a particle, is a Korean firm.
        ("한독, 문화재단과 협약", "한독은 14일 문화재단과 상생협력 업무협약을 체결했다.", ()),
        (
            "한일홀딩스, 투자조합과 MOU",
            "한일홀딩스는 14일 투자조합과 상생협력 업무협약을 체결했다.",
            (),
        ),
        ("한·독 협력", "한·독 기업협력 업무협약을 14일 체결했다.", ("DE",)),
        # The body a person signs for: "A사 대표(오른쪽)와 베트남 B사 관계자가" (a caption).
        (
            "[포토] 한빛에너지-빈그룹 업무협약",
            "한빛에너지 대표(오른쪽)와 베트남 빈그룹 관계자가 14일 업무협약을 체결하고 "
            "기념촬영을 하고 있다.",
            ("VN",),
        ),
        (
            "대성정밀 협약",
            "김민수 대성정밀 사장과 독일 지멘스 관계자들이 14일 서울 본사에서 업무협약을 체결했다.",
            ("DE",),
        ),
        # One signing after another in one sentence: each clause with its own time and party.
        (
            "한빛 협약",
            "한빛에너지는 지난 3월 태국 PTT그룹과 협약을 맺은 데 이어 14일 베트남 빈그룹과 "
            "업무협약을 체결했다고 15일 밝혔다.",
            ("VN",),
        ),
        (
            "한빛 협약",
            "한빛에너지는 14일 베트남 빈그룹과 업무협약을 체결한 데 이어 오는 20일 태국 "
            "PTT그룹과도 협약을 맺는다.",
            ("VN",),
        ),
        (
            "한빛 협약",
            "한빛에너지는 13일 베트남 빈그룹과 업무협약을 체결한 데 이어 14일 태국 PTT그룹과도 "
            "협약을 맺었다.",
            ("VN", "TH"),
        ),
        # An earlier deal told before "에 이어" names no counterpart of today's.
        (
            "A사 협약",
            "A사는 지난해 일본 B사와 체결한 MOU에 이어 14일 국내 C사와 생산 협력 업무협약을 "
            "체결했다.",
            (),
        ),
        # A partner dropped for a new one is no counterpart.
        (
            "A사, 해외 파트너 교체",
            "한빛에너지는 태국 PTT그룹과 맺은 공급 협약을 해지하고 14일 베트남 빈그룹과 새 공급 "
            "협약을 체결했다.",
            ("VN",),
        ),
        # Crime stories and claims: the MOU is evidence, not news, for the rules and the model.
        (
            "‘해외 MOU’ 내세워 투자금 가로챈 일당",
            "경찰에 따르면 한빛에너지 대표 김모씨는 지난 3일 베트남 빈그룹과 업무협약을 맺었다며 "
            "투자자 200여명으로부터 50억원을 받아 가로챈 혐의를 받고 있다.",
            None,
        ),
        (
            "‘해외 기업 MOU’ 미끼로 투자금 모은 업체 대표 입건",
            "경찰은 한빛에너지 대표 김모씨를 입건했다고 15일 밝혔다. 김씨는 지난 3일 베트남 "
            "빈그룹과 업무협약을 맺고 투자자를 모았다.",
            None,
        ),
        (
            "A사 전 임원, 리베이트 의혹",
            "A사 전 임원이 베트남 빈그룹과 업무협약을 체결한 뒤 거래 대가로 뒷돈을 받았다는 의혹이 "
            "제기됐다.",
            None,
        ),
        # ...but a deal to fight a crime is an MOU.
        (
            "경찰청·금감원, 자동차 보험 사기 공동 대응 나선다",
            "경찰청과 금융감독원은 14일 자동차 보험 사기 공동 대응을 위한 업무협약을 체결했다.",
            (),
        ),
        # An unknown foreign name Kiwi reads with its particle ("티센크루프와").
        (
            "한국전력, 獨 티센크루프와 MOU…협력 확대",
            "한국전력은 14일 티센크루프와 기술협력 양해각서(MOU)를 체결했다고 15일 밝혔다.",
            ("DE",),
        ),
        # A bare name in the signing sentence, its country told in the lead.
        (
            "KAIST, 글로벌 공급망 협력 강화",
            "KAIST가 카자흐스탄 기업과 손잡는다. 상대는 카자흐스탄 최대 기업 중 하나인 "
            "카즈아톰프롬이다. KAIST는 14일 카즈아톰프롬과 전략적 협력을 위한 양해각서를 "
            "체결했다고 15일 밝혔다.",
            ("KZ",),
        ),
        # A foreign chamber in Korea that Kiwi reads as one name.
        (
            "코트라, 주한미국상공회의소와 업무협약",
            "코트라는 14일 주한미국상공회의소(AMCHAM)와 기업 교류 활성화를 위한 업무협약을 "
            "체결했다고 15일 밝혔다.",
            ("US",),
        ),
        # Shapes of the economy feed (a black-box sweep of invented items, fourth round).
        (
            "A사, 작년 인도 MOU 이어 브라질 딜러사와 협약",
            "A사는 브라질 딜러사 소테마와 현지 판매 협약을 14일 체결했다. 회사는 지난해 인도 "
            "타타그룹과도 엔진 공급 양해각서를 맺은 바 있다.",
            ("BR",),
        ),
        (
            "두산퓨얼셀, 2023년 中 MOU 이후 처음으로 日 기업과 협약",
            "두산퓨얼셀이 일본 도시가스 기업 오사카가스와 연료전지 공급 협약을 체결했다. 2023년 "
            "중국 기업과 양해각서를 맺은 이후 첫 해외 협약이다.",
            ("JP",),
        ),
        (
            "삼성전자 美법인, 무역보험공사와 공급망 보험 협약",
            "삼성전자 미국법인은 한국무역보험공사와 보험 지원 협약을 체결했다.",
            (),
        ),
        (
            "한-아세안 센터, 아세안 스타트업 10곳과 협약",
            "한-아세안 센터는 아세안 스타트업 10곳과 한국 진출 지원 협약을 체결했다.",
            (),
        ),
        (
            "산업부, 베트남 산업무역부와 공급망 협력 MOU 체결",
            "산업통상자원부는 14일 하노이에서 베트남 산업무역부와 공급망 협력 양해각서(MOU)를 "
            "체결했다고 15일 밝혔다.",
            ("VN",),
        ),
        (
            "대상, 베트남 하노이서 현지 식품사와 김치 생산 협약",
            "대상은 14일 베트남 하노이에서 현지 식품기업 빈푸드와 김치 현지 생산을 위한 "
            "업무협약을 체결했다고 15일 밝혔다.",
            ("VN",),
        ),
        (
            "도요타-엔비디아, 자율주행 AI 협력 MOU",
            "일본 도요타자동차와 미국 엔비디아가 자율주행용 AI 플랫폼 공동 개발을 위한 양해각서를 "
            "체결했다고 니혼게이자이신문이 14일 보도했다.",
            None,
        ),
        (
            "에이치엘비, 中 제약사와 MOU 보도 부인",
            "에이치엘비는 중국 제약사와 양해각서를 체결했다는 보도에 대해 '사실이 아니다'라고 "
            "15일 밝혔다.",
            None,
        ),
        (
            "한국석유공사, 美 LNG 참여 검토…'의향서 서명 아직'",
            "한국석유공사가 미국 LNG 프로젝트 참여를 검토하고 있다. 정부 관계자는 '투자 의향서 "
            "서명은 아직 이뤄지지 않았다'고 말했다.",
            None,
        ),
        # Shapes of national news (a black-box sweep of invented articles, fourth round): a
        # caption with a city's mayor and a foreign official...
        (
            "김해시·바이에른주 우호협력 맺었다",
            "한도윤 김해시장(오른쪽)과 토마스 슈미트 바이에른주 경제장관이 14일 우호협력 협정을 "
            "체결한 뒤 기념 촬영을 하고 있다. 김해시는 14일 독일 바이에른주와 우호협력 협정을 "
            "체결했다고 15일 밝혔다.",
            ("DE",),
        ),
        # ...a headline led by the foreign side over a Korean city's signing...
        (
            "독일 지멘스에너지가 창원시에 2억 달러 투자 의향… LOI 체결",
            "창원시는 14일 독일 지멘스에너지와 수소 발전 설비 생산 거점 조성을 위한 "
            "투자의향서(LOI)를 체결했다고 밝혔다.",
            ("DE",),
        ),
        # ...partners listed before "등 해외 N개 도시와 잇따라"...
        (
            "안동시, 해외 2개 도시와 잇따라 협약",
            "안동시는 이번 주 폴란드 포즈난시, 독일 바이에른주 등 해외 2개 도시와 잇따라 교류 "
            "협약을 체결했다고 15일 밝혔다.",
            ("PL", "DE"),
        ),
        # ...a pair form naming an event or a university, and a deal still to come.
        (
            "해운대구, 한·베 비즈니스 포럼서 지역 기업 3곳과 협약",
            "한·베 비즈니스 포럼이 열린 베트남 하노이를 찾은 해운대구는 14일 현지 전시장에서 "
            "청솔바이오 등 지역 기업 3곳과 해외 판로 개척 지원 업무협약을 체결했다고 15일 밝혔다.",
            (),
        ),
        (
            "한중대, 포항시와 MOU",
            "포항시는 14일 한중대학교와 청년 인재 양성을 위한 업무협약을 체결했다고 밝혔다.",
            (),
        ),
        (
            "경남도, 美 조지아주와 우호협력 협약… 加 앨버타주와는 다음 달",
            "경남도는 지난 13일 미국 조지아주 애틀랜타에서 조지아주 경제개발부와 우호협력 협약을 "
            "체결했다고 15일 밝혔다. 경남도는 다음 달 캐나다 앨버타주와도 수소 분야 협약을 맺을 "
            "예정이다.",
            ("US",),
        ),
        # Headlines that tell an earlier deal beside today's, and a foreign deal reported by
        # a news agency; negotiations with no date for a signing.
        (
            "포스코인터, 호주 광산사와 MOU 이어 인니 기업과도 협약",
            "포스코인터내셔널은 인도네시아 팜오일 기업 PT사와 원료 공급 협약을 14일 체결했다고 "
            "밝혔다. 회사는 앞서 지난해 호주 광산사와 흑연 공급 MOU를 맺었다.",
            ("ID",),
        ),
        (
            "한국무역보험공사, 美 수출입은행과 협약…앞서 英 UKEF와도 MOU",
            "한국무역보험공사는 미국 수출입은행과 공동 금융지원 협약을 14일 체결했다. 무보는 "
            "지난해 12월 영국 수출금융청(UKEF)과도 양해각서를 맺었다.",
            ("US",),
        ),
        (
            "[美특징주] 인텔, 애플과 파운드리 협력 MOU 보도에 9% 급등",
            "인텔 주가가 9% 급등했다. 애플이 인텔과 파운드리 협력 양해각서를 체결했다는 블룸버그 "
            "보도가 나온 영향이다.",
            None,
        ),
        (
            "카카오페이, 싱가포르 결제사와 제휴 협상 중…'MOU 체결 시점 미정'",
            "카카오페이가 싱가포르 결제사와 해외결제 연동 제휴를 협상하고 있다. 회사 측은 'MOU "
            "체결 시점은 정해지지 않았다'고 말했다.",
            None,
        ),
        # Korean shops named after a foreign place are no counterpart; glued bodies are.
        (
            "밀라노웨딩홀 상생 협약",
            "밀라노웨딩홀은 14일 소상공인시장진흥공단과 가맹점 상생 협약을 체결했다고 15일 밝혔다.",
            (),
        ),
        ("도쿄등심 협약", "도쿄등심은 14일 농협과 가맹점 상생 협약을 체결했다.", ()),
        (
            "포항시 협약",
            "포항시는 14일 톈진크루즈요트협회와 업무협약을 체결했다.",
            ("CN",),
        ),
        (
            "한국관광공사, 주한미국상의와 업무협약",
            "한국관광공사는 14일 주한미국상의와 교류 협력 업무협약을 체결했다고 15일 밝혔다.",
            ("US",),
        ),
        # Feed headlines with no body (a black-box sweep of invented headlines, fourth round).
        ("서울대, 英 옥스퍼드대와 공동연구 협정", "", ("GB",)),
        ("한국천문연구원, 美 NASA와 달 탐사 협력 약정", "", ("US",)),
        ("삼성전자, 美 엔비디아와 AI 반도체 MOU", "", ("US",)),
        ("KAI, 加 CAE와 훈련기 시뮬레이터 MOU", "", ("CA",)),
        ("LG엔솔, 印尼 국영배터리공사와 배터리 합작 MOU", "", ("ID",)),
        ("韓-濠 과학기술 공동연구 협정 서명", "", ("AU",)),
        ("韓·베트남 정상회담…MOU 10건 체결", "", ("VN",)),
        ("[게시판] KOTRA, 폴란드 투자무역청과 수출 협력 업무협약", "", ("PL",)),
        ("삼성전자&middot;美 퀄컴, 6G 통신 공동연구 MOU", "", ("US",)),
        ("셀트리온&amp;인천대, 바이오 인재 양성 업무협약", "", ()),
        ("창원시, 중소 제조기업 스마트공장 보급 MOU 3건", "", ()),
        ('"中 의존 줄여라"…LG엔솔, 濠 광산사와 흑연 공급 MOU', "", ("AU",)),
        ("韓·사우디, 다음주 원전 협력 MOU 맺기로", "", None),
        ("韓·日 어업협정 협상 9년째 표류", "", None),
        ("대통령 중앙아 순방…MOU 20건 체결 기대", "", None),
        ("'빈손 순방' 비판…MOU 0건", "", None),
        ("법원, 中 기업과 MOU 빌미 사기 혐의 前대표에 징역 3년", "", None),
        (
            "SK온-포드 합작 MOU",
            "SK온은 지난 2021년 포드와 체결한 합작 양해각서에 따라 설립한 법인의 지분 정리를 "
            "논의 중이다.",
            None,
        ),
        (
            "한·캐나다 방산 협력 MOU",
            "정부는 캐나다와 방산 협력 양해각서를 다음 달 체결하기 위해 실무 협의를 진행 중이라고 "
            "15일 밝혔다.",
            None,
        ),
        # A pair headline led by the foreign party (a black-box sweep of many countries).
        (
            "호주 퀸즐랜드주-고려아연, 그린수소 공급망 MOU",
            "고려아연은 호주 퀸즐랜드주 정부와 그린수소 공급망 구축을 위한 양해각서를 14일 "
            "브리즈번에서 체결했다.",
            ("AU",),
        ),
        # ...but a locative headline with a dash in a later word is no pair headline.
        (
            "싱가포르 현장서 K-스타트업 협약 잇따라",
            "싱가포르를 찾은 국내 스타트업들이 14일 국내 대기업과 잇따라 협약을 맺었다. "
            "한국콘텐츠진흥원은 이날 현지에서 CJ ENM과 기술협력 업무협약을 체결했다.",
            (),
        ),
        # A name ending in 오 with its topic marker before the date is no "오는 14일".
        (
            "카카오, 앤트로닉스와 협력",
            "카카오는 14일 시애틀에 본사를 둔 앤트로닉스와 AI 협력 MOU를 체결했다.",
            ("US",),
        ),
    ],
)
def test_party_shapes(
    kiwi_extractor: Extractor, title: str, body: str, countries: tuple[str, ...] | None
) -> None:
    is_mou, found = is_mou_and_countries(kiwi_extractor, title, body)
    if countries is None:  # no signing at all
        assert not is_mou and found == ()
        return
    assert is_mou
    assert sorted(found) == sorted(countries)


# An invented Korea-France package in the shape of seed 000: the lead says the two countries
# will cooperate in AI, the signing sentences name French parties, Germany is only background.
PACKAGE_TITLE = "한국-프랑스, 스타트업 함께 키운다"
PACKAGE_BODY = (
    "한국과 프랑스가 스타트업 생태계 확대를 위해 교류 확대에 나선다. "
    "아울러 과학과 정보통신기술(ICT) 분야 나노 및 인공지능(AI) 등 신사업에서도 협력한다. "
    "3일 과기부는 대통령의 프랑스 순방을 계기로 양국 간 협력을 확대하기로 했다고 밝혔다. "
    "지난해 독일 베를린에서 열린 행사에 이어 두 번째 유럽 협력이다. "
    "이에 따라 과기부와 프랑스의 경제산업디지털부는 이번 순방을 계기로 창조경제 분야 협력에"
    " 관한 의향서를 체결하고 정책을 공유하기로 했다."
)


def test_the_cooperation_lead_gives_its_fields_and_background_no_country(
    kiwi_extractor: Extractor,
) -> None:
    result = kiwi_extractor.extract(
        Article(title=PACKAGE_TITLE, body=PACKAGE_BODY, published=dt.datetime(2016, 6, 3, 18))
    )
    assert result.is_mou
    assert "ai" in result.sectors  # a chat following 인공지능 hears of it
    assert result.countries == ("FR",)  # a chat following Germany does not


def test_cooperation_sentences_are_the_lead_and_after_a_signing() -> None:
    sentences = [
        "제목",
        "양국은 인공지능 등 신사업에서도 협력한다.",
        "행사가 열렸다.",
        "행사가 이어졌다.",
        "행사가 끝났다.",
        "A사는 B사와 업무협약을 체결했다.",
        "양사는 배터리 공동개발을 추진한다.",
        "두 회사는 로봇 분야에서도 협력하기로 했다.",
        "행사가 끝났다.",
        "한편 C사는 반도체 분야에서 협력하기로 했다.",
    ]
    assert cooperation_sentences(sentences, [5]) == [1, 6, 7]


FEATURE_LEAD = (
    "지방 대학들이 학생 모집에 사활을 걸고 있다. 입학 설명회마다 교수들이 직접 나선다. "
    "장학금을 늘린 대학도 많다. 기숙사를 새로 지은 곳도 있다. "
)


@pytest.mark.parametrize(
    ("sentence", "countries"),
    [
        ("부산의 한 대학은 이달 UAE 5개 대학과 국제 교류 MOU를 체결했다.", ("AE",)),
        ("강남구는 최근 의원 5곳과 방문 진료 업무협약을 맺고 사업을 시작했다.", ()),
    ],
)
def test_a_recent_signing_reported_in_passing_counts(
    kiwi_extractor: Extractor, sentence: str, countries: tuple[str, ...]
) -> None:
    # Deep in a feature about something else, told as recent (LABELS.md, "in passing").
    is_mou, found = is_mou_and_countries(
        kiwi_extractor, "대학의 생존 투쟁", FEATURE_LEAD + sentence
    )
    assert is_mou
    assert found == countries


def test_a_signing_in_passing_without_a_time_word_is_background(
    kiwi_extractor: Extractor,
) -> None:
    body = FEATURE_LEAD + "부산의 한 대학은 UAE 5개 대학과 국제 교류 MOU를 체결한 바 있다."
    assert is_mou_and_countries(kiwi_extractor, "대학의 생존 투쟁", body) == (False, ())


@pytest.mark.parametrize(
    ("title", "body", "countries"),
    [
        # A state visit or summit: "양국은 ... N건의 MOU" means the country visiting or visited.
        (
            "대통령, 캐나다 국빈 방문",
            "대통령은 14일 캐나다를 국빈 방문해 총리와 정상회담을 가졌다. 회담 직후 양국은"
            " 핵심광물·금융 등 10건의 MOU를 체결했다.",
            ("CA",),
        ),
        (
            "방한한 베트남 주석과 정상회담",
            "대통령은 14일 방한한 베트남 국가주석과 정상회담을 했다. 양국은 이날 원전·인프라 등"
            " 8건의 양해각서를 체결했다.",
            ("VN",),
        ),
        # Signed abroad with a local body named as it is spelled there...
        (
            "수공, 미국 진출",
            "수공은 14일(현지 시각) 미국 캘리포니아주 산호세에서 지역 물 관리 공공 기관인"
            " ‘밸리 워터(Santa Clara Valley Water District)’와 물 관리 협약을 체결했다.",
            ("US",),
        ),
        # ...but two Korean parties signing in Paris have no French counterpart.
        (
            "두 기관 파리서 협약",
            "한국관광공사는 14일 프랑스 파리에서 대한항공(Korean Air)과 관광 홍보 업무협약을"
            " 체결했다.",
            (),
        ),
    ],
)
def test_summits_and_signings_abroad(
    kiwi_extractor: Extractor, title: str, body: str, countries: tuple[str, ...]
) -> None:
    is_mou, found = is_mou_and_countries(kiwi_extractor, title, body)
    assert is_mou
    assert found == countries


def test_candidates_carry_the_evidence_for_each_country(kiwi_extractor: Extractor) -> None:
    # The features the country scorer is fitted on (bench/fit_countries.py): the rules' party
    # first, a country named only as the place of the ceremony after it, without the rule.
    from extractors.cleaning import article_text, split_sentences
    from extractors.decide import counterparts_of, sentences_to_analyse, signing_sentences
    from extractors.document import prepare

    article = Article(
        title="부산시, 영국 웰링턴칼리지와 업무협약",
        body="부산시는 14일 프랑스 파리에서 영국 웰링턴칼리지와 캠퍼스 설립 업무협약을 체결했다.",
        published=PUBLISHED,
    )
    doc = prepare(article, article_text(article.body), split_sentences)
    doc.analyse = sentences_to_analyse(doc)
    tokens = kiwi_extractor.analyzer.tokenize_many(doc.sentences[i] for i in doc.analyse)
    doc.tokens.update(zip(doc.analyse, tokens, strict=True))
    counterparts = counterparts_of(doc, signing_sentences(doc))
    features = {
        code: dict(zip(FEATURES, values, strict=True)) for code, values in counterparts.candidates
    }
    assert counterparts.codes == ("GB",)
    assert list(features) == ["GB", "FR"]
    assert features["GB"]["rule"] == 1.0 and features["GB"]["party_in_signing"] == 1.0
    assert features["FR"]["rule"] == 0.0 and features["FR"]["place_in_signing"] == 1.0
    assert features["FR"]["only_country"] == 0.0


def test_scorer_weighs_the_features() -> None:
    weights = {"bias": -2.0, "rule": 3.0, "place_in_signing": -1.0}
    ruled = tuple(1.0 if name == "rule" else 0.0 for name in FEATURES)
    place = tuple(1.0 if name == "place_in_signing" else 0.0 for name in FEATURES)
    assert probability(ruled, weights) > 0.5 > probability(place, weights)


def test_cldr_cities_leave_out_words_and_ambiguous_names() -> None:
    cities = cldr_cities()
    assert cities["노보시비르스크"] == "RU" and cities["레이캬비크"] == "IS"
    assert "크리스마스" not in cities and "오클랜드" not in cities  # a word; Auckland or Oakland
    assert all(len(name) >= 3 for name in cities)


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # Two foreign bodies in Korea signing with each other: no Korean party, no MOU for us.
        (
            "주한독일상공회의소, 주한독일대사관과 MOU",
            "주한독일상공회의소는 14일 주한독일대사관과 직업교육 협력 업무협약을 체결했다.",
            (False, ()),
        ),
        (
            "주한프랑스상공회의소, 프랑스대사관과 협약",
            "주한프랑스상공회의소는 14일 주한 프랑스 대사관에서 대사관과 스타트업 지원"
            " 업무협약을 체결했다.",
            (False, ()),
        ),
        # A Korean chamber with a foreign one is an MOU with that country.
        (
            "무역협회, 주한독일상공회의소와 MOU",
            "한국무역협회는 14일 주한독일상공회의소와 업무협약을 체결했다.",
            (True, ("DE",)),
        ),
        (
            "대한상공회의소, 주한독일대사관과 MOU",
            "대한상공회의소는 14일 주한독일대사관과 업무협약을 체결했다.",
            (True, ("DE",)),
        ),
    ],
)
def test_foreign_bodies_in_korea(
    kiwi_extractor: Extractor, title: str, body: str, expected: tuple[bool, tuple[str, ...]]
) -> None:
    assert is_mou_and_countries(kiwi_extractor, title, body) == expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # A foreign body heading a headline before its comma is one side; the partner after it,
        # named without any mark of a country, is the Korean side (an unknown Korean firm)...
        (
            "英 로이드선급, 에이치라인해운과 MOU",
            "에이치라인해운은 14일 로이드선급과 친환경 선박 기술 협력 업무협약을 체결했다고 15일 "
            "밝혔다.",
            (True, ("GB",)),
        ),
        (
            "獨 지멘스, 케이엠텍과 스마트공장 협약",
            "케이엠텍은 14일 지멘스와 스마트공장 협력 업무협약을 체결했다고 15일 밝혔다.",
            (True, ("DE",)),
        ),
        # ...two marked foreign sides are a deal between foreign parties.
        ("日 도요타, 中 BYD와 협약", "도요타는 14일 BYD와 협력 협약을 체결했다.", (False, ())),
    ],
)
def test_a_headline_comma_ends_a_foreign_subject(
    kiwi_extractor: Extractor, title: str, body: str, expected: tuple[bool, tuple[str, ...]]
) -> None:
    assert is_mou_and_countries(kiwi_extractor, title, body) == expected
