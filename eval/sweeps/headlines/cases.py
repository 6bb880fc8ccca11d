# Headline-style feed items (title only / title + one lead sentence) with gold labels.
# Labels written BEFORE running the extractor. Publication time: 2025-05-14 (so "13일" = yesterday).
# Fields: shape, is_mou, countries (comma str), sectors (comma str), title, body, note
CASES = []


def C(shape, is_mou, countries, sectors, title, body="", note=""):
    CASES.append(
        dict(
            shape=shape,
            is_mou=is_mou,
            countries=tuple(sorted(c for c in countries.split(",") if c)),
            sectors=tuple(sorted(s for s in sectors.split(",") if s)),
            title=title,
            body=body,
            note=note,
        )
    )


# ---------------------------------------------------------------- title only, domestic, signed
C("T-dom", True, "", "startup", "기보, 하나은행과 충청권 벤처기업 육성 맞손")
C(
    "T-dom",
    True,
    "",
    "ai",
    "중진공, 산업지능화협회와 中企 AI 인력양성 '맞손'",
    note="中企 = SMEs, not China",
)
C("T-dom", True, "", "bio_health", "팜젠사이언스-폴라리스AI파마, 신약 공동 연구 MOU")
C("T-dom", True, "", "energy", "두산퓨얼셀·LG전자, 수소연료전지 폐열 활용 업무협약")
C("T-dom", True, "", "finance", "한국증권금융, 성장금융과 1000억 펀드 조성 업무협약")
C("T-dom", True, "", "aerospace_defense,education_research", "KAI·조선대, 항공우주 인재 양성 맞손")
C(
    "T-dom",
    True,
    "",
    "semiconductor",
    "한미반도체, 한국공학대와 반도체 장비 인력 양성 MOU",
    note="한미반도체 is Korean",
)
C(
    "T-dom",
    True,
    "",
    "bio_health",
    "한미약품-서울대병원, 비만 치료제 임상 협력 MOU",
    note="한미약품 is Korean",
)
C("T-dom", True, "", "mobility", "현대차, 카카오모빌리티와 자율주행 실증 업무협약")
C("T-dom", True, "", "battery", "에코프로비엠·포항시, 이차전지 재활용 협약 체결")
C("T-dom", True, "", "culture", "서울시, 무신사와 국제정원박람회 조성 업무협약")
C("T-dom", True, "", "agri_food", "농협, 전남도와 스마트팜 확산 '맞손'")
C("T-dom", True, "", "security", "KISA-금융보안원, 사이버보안 위협 정보 공유 협약")
C("T-dom", True, "", "robotics", "두산로보틱스, CJ대한통운과 물류 로봇 MOU")
C("T-dom", True, "", "shipbuilding", "HD현대重, 울산항만공사와 친환경 선박 협력 MOU")
C("T-dom", True, "", "infrastructure", "국가철도공단-LH, 철도 역세권 개발 업무협약")
C("T-dom", True, "", "environment", "SK이노베이션, 환경부와 탄소중립 순환경제 협약")
C("T-dom", True, "", "beauty", "아모레퍼시픽, 올리브영과 K뷰티 인디브랜드 육성 맞손")
C("T-dom", True, "", "ict", "KT, 경기도와 5G 특화망 구축 업무협약")
C("T-dom", True, "", "", "충북도, 5000억 투자협약…기업 3곳 유치")
C("T-dom", True, "", "manufacturing", "창원시, 중소 제조기업 스마트공장 보급 MOU 3건")
C("T-dom", True, "", "finance", "신한은행, 서울 25개 자치구와 공공배달앱 협약 완료")
C("T-dom", True, "", "culture", "CJ ENM·티빙, 지역 콘텐츠 공동 제작 맞손")
C("T-dom", True, "", "energy", "한전, 한수원과 원전 해체 기술 실시협약 체결")
C("T-dom", True, "", "finance", "중기부-시중은행 5곳, 中企 금융지원 업무협약", note="中企 = SMEs")
C("T-dom", True, "", "mobility", "'UAM 상용화 속도'…한화시스템·SKT·한국공항공사 3자 MOU")
C(
    "T-dom",
    True,
    "",
    "",
    "경기도 일자리재단, 한국폴리텍대학과 LOI 교환",
    note="LOI between two parties counts; sector unclear",
)
C("T-dom", True, "", "ai", "네이버클라우드, 한국은행과 AI 데이터 분석 업무협약")
C("T-dom", True, "", "", "한일시멘트, 단양군과 지역상생 협약 체결", note="한일시멘트 is Korean")
C(
    "T-dom",
    True,
    "",
    "bio_health",
    "한독, 삼성서울병원과 희귀질환 진단 MOU",
    note="한독 is a Korean pharma company",
)
C(
    "T-dom",
    True,
    "",
    "finance",
    "한영회계법인, 기술보증기금과 벤처 투자 자문 MOU",
    note="한영 = Korean EY member; 투자",
)
C(
    "T-dom",
    True,
    "",
    "bio_health",
    "한국보건산업진흥원-中企중앙회, 의료기기 수출 협력 MOU",
    note="中企 = SMEs; sectors maybe trade too",
)

# ---------------------------------------------------------------- title only, foreign via hanja / explicit names, signed
C("T-for", True, "US", "ai,semiconductor", "삼성전자, 美 엔비디아와 AI 반도체 MOU")
C("T-for", True, "CN", "battery", "LG에너지솔루션, 中 CATL과 배터리 재활용 맞손")
C("T-for", True, "JP", "mobility", "현대모비스, 日 덴소와 전장부품 공동개발 MOU")
C("T-for", True, "GB", "energy", "두산에너빌리티, 英 롤스로이스SMR과 소형원전 협력 MOU")
C("T-for", True, "FR", "aerospace_defense", "한화에어로, 佛 탈레스와 방산 협력 업무협약")
C("T-for", True, "DE", "manufacturing", "포스코, 獨 지멘스와 스마트공장 협력 맞손")
C("T-for", True, "CA", "battery", "에코프로, 加 퀘벡주와 이차전지 소재 투자협약")
C("T-for", True, "AU", "energy", "고려아연, 濠 수소 기업과 그린수소 MOU")
C("T-for", True, "IN", "mobility", "현대차, 印 타밀나두주와 전기차 생산 투자협약")
C("T-for", True, "VN", "finance", "신한금융, 越 비엣콤뱅크와 디지털금융 MOU")
C("T-for", True, "IT", "energy", "SK E&S, 伊 에니와 LNG 협력 양해각서")
C("T-for", True, "ES", "energy", "한화큐셀, 西 이베르드롤라와 태양광 공급 MOU")
C("T-for", True, "US", "energy", "韓·美, 원전 수출 협력 MOU 체결")
C(
    "T-for",
    True,
    "JP",
    "finance",
    "韓銀·日銀, 통화 협력 약정 서명",
    note="韓銀 = Bank of Korea, counterpart Bank of Japan",
)
C("T-for", True, "SA", "aerospace_defense", "韓-사우디 국방장관 회담…연구개발협력 MOU")
C("T-for", True, "AE", "bio_health,ai", "씨어스테크, UAE 퓨어헬스와 AI 환자 모니터링 MOU")
C("T-for", True, "MY", "culture", "고양국제박람회재단, 말레이시아 사바컨벤션센터와 업무협약")
C("T-for", True, "CN", "culture", "화천군-中 하얼빈 빙설문화공사, 빙설 예술 협력 MOU")
C("T-for", True, "PL", "aerospace_defense", "현대로템, 폴란드 국영 방산그룹과 K2 현지생산 MOU")
C("T-for", True, "CZ", "energy", "한수원, 체코 스코다JS와 원전 기자재 협력 MOU")
C(
    "T-for",
    True,
    "ID",
    "battery",
    "LG엔솔, 印尼 국영배터리공사와 배터리 합작 MOU",
    note="印尼 = Indonesia",
)
C("T-for", True, "MN", "agri_food", "농어촌공사, 몽골 식량농업부와 스마트팜 협력 MOU")
C(
    "T-for",
    True,
    "US,JP",
    "semiconductor",
    "韓·美·日 반도체 3국 기관, 공급망 협력 MOU",
    note="three-way: US and JP both counterparts",
)
C("T-for", True, "DE", "beauty", "코스맥스, 獨 뷰티기업과 친환경 화장품 개발 맞손")
C("T-for", True, "FR", "culture", "한국관광공사, 佛 관광청과 관광 교류 업무협약")
C("T-for", True, "TR", "infrastructure", "현대건설, 튀르키예 정부와 고속도로 건설 MOU")
C(
    "T-for",
    True,
    "QA",
    "shipbuilding",
    "HD한국조선해양, 카타르에너지와 LNG선 협력 MOU",
    note="LNG carrier: also energy? soft",
)
C(
    "T-for",
    True,
    "NL",
    "semiconductor",
    "SK하이닉스, 蘭 ASML과 차세대 노광 공동연구 MOU",
    note="蘭 = Netherlands (not in brief list)",
)
C("T-for", True, "US", "ai", "SKT, 美 앤트로픽과 AI 협력 업무협약")
C("T-for", True, "GB", "education_research", "서울대, 英 옥스퍼드대와 공동연구 협정")
C("T-for", True, "KZ", "energy", "대우건설, 카자흐스탄 국영전력사와 발전소 MOU")
C("T-for", True, "VN", "energy", "한전, 越 전력공사와 송배전 협력 MOU 3건", note="mou_count 3")
C(
    "T-for",
    True,
    "US",
    "finance",
    "미래에셋, 美 나스닥과 디지털자산 협력 MOU",
    note="미래에셋 is Korean",
)
C("T-for", True, "CN", "trade", "롯데웰푸드, 中 징둥과 수출 판로 확대 맞손")
C("T-for", True, "JP", "culture", "하이브, 日 소니뮤직과 K팝 콘텐츠 협력 MOU")
C("T-for", True, "AU", "education_research", "韓-濠 과학기술 공동연구 협정 서명")
C("T-for", True, "CA", "aerospace_defense", "KAI, 加 CAE와 훈련기 시뮬레이터 MOU")
C("T-for", True, "SG", "ai", "카카오, 싱가포르 정부기관과 AI 데이터센터 협력 맞손")

# ---------------------------------------------------------------- title only, foreign named only by company (world knowledge)
C("T-co", True, "US", "ict,ai", "LG CNS, AWS와 클라우드 전환 맞손", note="AWS US, bare name")
C("T-co", True, "US", "battery", "삼성SDI, GM과 배터리 합작 MOU", note="GM US, bare name")
C(
    "T-co",
    True,
    "DE",
    "mobility",
    "현대모비스, 보쉬와 자율주행 센서 공동개발 MOU",
    note="Bosch DE, bare",
)
C("T-co", True, "US", "ai", "네이버, 마이크로소프트와 생성형 AI 업무협약", note="bare")
C(
    "T-co",
    True,
    "US",
    "ai",
    "크래프톤, 오픈AI와 게임 AI 협력 MOU",
    note="sectors: culture too? game AI; soft",
)
C("T-co", True, "JP", "finance", "토스, 소프트뱅크와 핀테크 협력 MOU", note="SoftBank JP")
C("T-co", True, "SA", "energy", "에쓰오일, 아람코와 수소 공급망 MOU", note="Aramco SA")
C("T-co", True, "CN", "mobility", "SK렌터카, BYD와 전기차 도입 맞손", note="BYD CN")
C(
    "T-co",
    True,
    "DK",
    "bio_health",
    "셀트리온, 노보노디스크와 바이오의약품 위탁생산 MOU",
    note="Novo DK",
)
C(
    "T-co",
    True,
    "US",
    "aerospace_defense",
    "한화에어로스페이스, 록히드마틴과 우주 협력 MOU",
    note="Lockheed US",
)

# ---------------------------------------------------------------- title + lead sentence, signed
C(
    "L-dom",
    True,
    "",
    "energy",
    "남부발전, 제주도와 해상풍력 협력 맞손",
    "한국남부발전은 제주특별자치도와 해상풍력 발전단지 공동개발을 위한 업무협약(MOU)을 체결했다고 13일 밝혔다.",
)
C(
    "L-dom",
    True,
    "",
    "ai,bio_health",
    "루닛-분당서울대병원, AI 영상판독 공동연구 MOU",
    "루닛은 분당서울대병원과 인공지능(AI) 기반 영상판독 솔루션 공동연구를 위한 업무협약을 체결했다고 14일 밝혔다.",
)
C(
    "L-dom",
    True,
    "",
    "startup",
    "신용보증기금, 창업진흥원과 초기 스타트업 지원 협약",
    "신용보증기금은 13일 서울 마포구 본점에서 창업진흥원과 초기 스타트업 성장 지원을 위한 업무협약을 맺었다.",
)
C(
    "L-dom",
    True,
    "",
    "mobility",
    "기아, 쏘카와 전기차 카셰어링 확대 맞손",
    "기아가 쏘카와 손잡고 카셰어링 전용 전기차 보급 확대에 나선다. 양사는 이날 서울 성동구에서 업무협약을 체결했다.",
)
C(
    "L-dom",
    True,
    "",
    "semiconductor",
    "경기도, 반도체 소부장 기업 7곳과 2조 투자협약",
    "경기도는 13일 도청에서 반도체 소재·부품·장비 기업 7곳과 총 2조원 규모의 투자협약을 체결했다.",
    note="manufacturing too? 소부장 cue → add? kept semiconductor only; soft",
)
C(
    "L-dom",
    True,
    "",
    "agri_food",
    "CJ제일제당, 경북도와 K푸드 원료 계약재배 협약",
    "CJ제일제당은 경상북도와 지역 농산물 계약재배 확대를 위한 상생 협약을 체결했다고 14일 밝혔다.",
)
C(
    "L-dom",
    True,
    "",
    "finance",
    "KB국민은행·소진공, 소상공인 금융지원 맞손",
    "KB국민은행은 소상공인시장진흥공단과 소상공인 금융 지원을 위한 업무협약을 체결했다고 13일 밝혔다.",
)
C(
    "L-dom",
    True,
    "",
    "ict",
    "LG유플러스, 부산시와 IoT 기반 스마트 안전망 구축",
    "LG유플러스는 부산시와 사물인터넷(IoT) 기반 재난안전망 구축을 위한 업무협약을 체결했다고 14일 밝혔다.",
)
C(
    "L-dom",
    True,
    "",
    "robotics",
    "레인보우로보틱스, 서울아산병원과 의료용 로봇 개발",
    "레인보우로보틱스가 서울아산병원과 수술 보조 로봇 공동개발을 위한 업무협약을 맺었다고 13일 밝혔다.",
    note="bio_health too? soft",
)
C(
    "L-dom",
    True,
    "",
    "education_research",
    "포스텍, 대구경북과학기술원과 공동연구 협정",
    "포스텍은 DGIST와 공동연구와 학생 교류를 위한 학술교류 협정을 체결했다고 14일 밝혔다.",
)
C(
    "L-dom",
    True,
    "",
    "culture",
    "넷마블, 한국콘텐츠진흥원과 인디게임 지원 MOU",
    "넷마블은 한국콘텐츠진흥원과 인디게임 개발사 지원을 위한 양해각서를 교환했다고 13일 밝혔다.",
)
C(
    "L-dom",
    True,
    "",
    "shipbuilding",
    "삼성중공업, 거제시와 조선 인력 양성 협약",
    "삼성중공업은 거제시와 조선업 기능인력 양성 및 정주 여건 개선을 위한 협약을 지난 12일 체결했다고 14일 밝혔다.",
)
C(
    "L-dom",
    True,
    "",
    "",
    "세라젬, 다비치안경과 맞손",
    "세라젬은 다비치안경체인과 전방위 협력을 위한 업무협약을 체결했다고 13일 밝혔다.",
)
C(
    "L-dom",
    True,
    "",
    "environment",
    "이마트, 환경재단과 플라스틱 순환경제 협약",
    "이마트는 13일 환경재단과 폐플라스틱 순환경제 구축을 위한 업무협약을 체결했다.",
)

C(
    "L-for",
    True,
    "US",
    "energy",
    "두산에너빌리티, 美 뉴스케일과 SMR 협력 확대",
    "두산에너빌리티는 미국 뉴스케일파워와 소형모듈원전(SMR) 기자재 공급 협력을 위한 양해각서(MOU)를 체결했다고 13일 밝혔다.",
)
C(
    "L-for",
    True,
    "JP",
    "mobility",
    "현대차, 日 도요타와 수소차 협력",
    "현대자동차는 일본 도요타자동차와 수소 모빌리티 생태계 확대를 위한 업무협약을 체결했다고 14일 밝혔다.",
    note="energy also? 수소 cue; soft",
)
C(
    "L-for",
    True,
    "VN",
    "finance",
    "우리은행, 베트남 진출 가속",
    "우리은행은 베트남 국영 아그리뱅크와 디지털 금융 협력을 위한 업무협약(MOU)을 체결했다고 13일 밝혔다.",
)
C(
    "L-for",
    True,
    "AE",
    "energy",
    "한전, UAE 원전 협력 강화",
    "한국전력은 아랍에미리트원자력공사(ENEC)와 제3국 원전 공동진출을 위한 양해각서를 체결했다고 14일 밝혔다.",
)
C(
    "L-for",
    True,
    "SA",
    "ai",
    "네이버, 중동 AI 시장 공략",
    "네이버는 사우디아라비아 데이터인공지능청(SDAIA)과 아랍어 거대언어모델 공동개발을 위한 업무협약을 맺었다고 13일 밝혔다.",
)
C(
    "L-for",
    True,
    "DE",
    "battery",
    "SK온, 독일 완성차와 손잡았다",
    "SK온은 독일 폭스바겐그룹과 차세대 배터리 공급 협력을 위한 양해각서에 서명했다고 14일 밝혔다.",
)
C(
    "L-for",
    True,
    "FR",
    "beauty",
    "LG생활건강, 佛 로레알과 맞손",
    "LG생활건강은 프랑스 로레알그룹과 친환경 화장품 용기 공동개발을 위한 업무협약을 체결했다고 13일 밝혔다.",
)
C(
    "L-for",
    True,
    "GB",
    "finance",
    "하나금융, 런던 진출 속도",
    "하나금융그룹은 영국 런던증권거래소그룹(LSEG)과 금융 데이터 협력을 위한 MOU를 체결했다고 14일 밝혔다.",
    note="ai (데이터)? soft",
)
C(
    "L-for",
    True,
    "PH",
    "infrastructure",
    "대우건설, 필리핀 철도 사업 참여 맞손",
    "대우건설은 필리핀 교통부와 마닐라 도시철도 사업 협력을 위한 양해각서를 체결했다고 13일 밝혔다.",
)
C(
    "L-for",
    True,
    "TH",
    "agri_food",
    "농심, 태국 CP그룹과 협력",
    "농심은 태국 CP그룹과 라면 현지 생산 및 식품 유통 협력을 위한 업무협약을 체결했다고 14일 밝혔다.",
)
C(
    "L-for",
    True,
    "IN",
    "aerospace_defense",
    "한화에어로스페이스, 인도 L&T와 자주포 협력",
    "한화에어로스페이스는 인도 라센앤드투브로(L&T)와 K9 자주포 현지 생산 협력을 위한 업무협약을 체결했다고 13일 밝혔다.",
)
C(
    "L-for",
    True,
    "US",
    "education_research",
    "고려대, 美 MIT와 학술교류 협정",
    "고려대학교는 미국 매사추세츠공대(MIT)와 공동연구 및 인력교류를 위한 학술교류 협정을 체결했다고 14일 밝혔다.",
)
C(
    "L-for",
    True,
    "CN",
    "culture",
    "제주도, 中 상하이시와 관광 교류 협약",
    "제주특별자치도는 중국 상하이시 문화여유국과 관광 교류 활성화를 위한 업무협약을 체결했다고 13일 밝혔다.",
)
C(
    "L-for",
    True,
    "NO",
    "shipbuilding",
    "한화오션, 노르웨이 선주와 친환경 선박 MOU",
    "한화오션은 노르웨이 해운사 회그오토라이너스와 암모니아 추진선 공동개발을 위한 양해각서를 체결했다고 14일 밝혔다.",
)
C(
    "L-for",
    True,
    "AU",
    "battery",
    "포스코퓨처엠, 호주 리튬 광산과 공급 MOU",
    "포스코퓨처엠은 호주 리튬 채굴기업 필바라미네랄스와 이차전지 원료 장기 공급을 위한 양해각서를 체결했다고 13일 밝혔다.",
)
C(
    "L-for",
    True,
    "UZ",
    "bio_health",
    "보건산업진흥원, 우즈벡 보건부와 의료 협력",
    "한국보건산업진흥원은 우즈베키스탄 보건부와 디지털 헬스케어 협력을 위한 업무협약을 체결했다고 14일 밝혔다.",
)
C(
    "L-for",
    True,
    "US",
    "ai",
    "SKT, 美 AI기업과 맞손",
    "SK텔레콤은 미국 퍼플렉시티와 AI 검색 서비스 공동 개발을 위한 업무협약을 체결했다고 13일 밝혔다.",
)
C(
    "L-for",
    True,
    "JP",
    "finance",
    "BNK부산은행, 日 후쿠오카은행과 교류 협약",
    "BNK부산은행은 일본 후쿠오카은행 본점을 찾아 금융 교류 협약서에 서명했다고 14일 밝혔다.",
)
C(
    "L-for",
    True,
    "DE",
    "",
    "주한독일상의, 시각장애인 마라톤 사회공헌 협약",
    "주한독일상공회의소는 서울시시각장애인연합회와 사회공헌 협력을 위한 업무협약을 체결했다고 13일 밝혔다.",
    note="KGCCI = German body in Seoul → DE (like embassy); debatable",
)
C(
    "L-for",
    True,
    "JP",
    "trade",
    "한국스미토모상사, 충남도와 수출 협력 MOU",
    "한국스미토모상사는 충청남도와 도내 중소기업 수출 지원을 위한 업무협약을 체결했다고 14일 밝혔다.",
    note="Korean subsidiary of JP company → JP",
)
C(
    "L-for",
    True,
    "",
    "",
    "대한상의·전경련, 파리에서 업무협약",
    "대한상공회의소와 한국경제인협회는 13일(현지시간) 프랑스 파리에서 해외 네트워크 공동 활용을 위한 업무협약을 체결했다.",
    note="two Korean parties in Paris → no country",
)
C(
    "L-for",
    True,
    "",
    "culture",
    "문체부, 유네스코와 문화유산 보존 협약",
    "문화체육관광부는 유네스코(UNESCO)와 아시아 문화유산 보존 협력을 위한 협약을 체결했다고 13일 밝혔다.",
    note="intl org → no country",
)
C(
    "L-for",
    True,
    "EU",
    "environment",
    "환경부, EU 집행위와 기후 협력 약정",
    "환경부는 유럽연합(EU) 집행위원회와 탄소중립 기술 협력을 위한 약정을 체결했다고 14일 밝혔다.",
    note="EU code for EU body",
)

# ---------------------------------------------------------------- truncated leads (… / ...)
C(
    "TR",
    True,
    "US",
    "semiconductor",
    "한미반도체, 美 마이크론과 HBM 장비 협력 MOU",
    "한미반도체는 미국 마이크론테크놀로지와 고대역폭메모리(HBM) 제조 장비 공동개발을 위한 양해각서(MOU)를…",
)
C(
    "TR",
    True,
    "JP",
    "battery",
    "에코프로, 日 스미토모금속광산과 맞손",
    "에코프로는 일본 스미토모금속광산과 이차전지 양극재 원료 공급 협력을 위한 업무협약을 체결했다고 13일 밝혔다. 이번 협..",
)
C(
    "TR",
    True,
    "",
    "ai",
    "KT, 서울대와 AI 공동연구 업무협약",
    "KT는 서울대학교와 인공지능(AI) 분야 공동연구를 위한 업무협약을 체결했다고 14일 밝혔다. 양 기관은...",
    note="공동연구 → education_research? soft",
)
C(
    "TR",
    True,
    "VN",
    "mobility",
    "현대차, 베트남 진출 가속",
    "현대자동차는 베트남 탄콩그룹과 전기차 현지 조립 생산을 위한 업무협약을 체결했다고 13일 밝혔다. 이번 협약으로 현대차는…",
)
C(
    "TR",
    False,
    "",
    "",
    "현대차, 베트남 전기차 공장 착공",
    "현대자동차는 지난해 베트남 탄콩그룹과 체결한 업무협약을 바탕으로 하노이 인근에 전기차 조립공장을…",
    note="background MOU",
)
C(
    "TR",
    True,
    "IN",
    "finance",
    "신한은행, 印 SBI와 송금 협력",
    "신한은행은 인도 최대 국영은행인 인도스테이트은행(SBI)과 해외송금 서비스 협력을 위한 양해각서를 체결했다고…",
)
C(
    "TR",
    False,
    "",
    "",
    "삼성물산, 사우디 건설시장 재공략",
    "삼성물산이 사우디아라비아 네옴시티 관련 인프라 사업 수주를 위해 현지 발주처와 협의를 이어가고 있다. 업계에 따르면…",
)
C(
    "TR",
    True,
    "",
    "bio_health",
    "녹십자-세브란스병원, 희귀질환 치료제 MOU",
    "GC녹십자는 세브란스병원과 희귀질환 치료제 공동 임상을 위한 업무협약을…",
    note="truncated before verb; title carries signing",
)
C(
    "TR",
    False,
    "",
    "",
    "LG엔솔, 美 GM과 합작 3공장 MOU 체결 예정",
    "LG에너지솔루션은 미국 제너럴모터스(GM)와 오는 20일 합작 3공장 설립을 위한 양해각서를 체결할 예정이라고…",
    note="planned → false; countries should be empty (no signed)",
)
C(
    "TR",
    True,
    "FR",
    "energy",
    "한수원, 佛 EDF와 원전 해체 협력",
    "한국수력원자력은 13일(현지시간) 프랑스 파리에서 프랑스전력공사(EDF)와 원전 해체 기술 협력 양해각서에 서명했다. 이번..",
)
C(
    "TR",
    True,
    "CN",
    "environment",
    "부산시, 中 선전시와 탄소중립 협력",
    "부산시는 중국 선전시와 탄소중립 도시 구축을 위한 우호협력 협약을 체결했다고 13일 밝혔다. 박형준 부산시장은…",
)
C(
    "TR",
    False,
    "",
    "",
    "정부, 캐나다와 핵심광물 협력 논의",
    "산업통상자원부는 13일 캐나다 천연자원부와 핵심광물 공급망 협력 방안을 논의했다. 양측은 조만간 양해각서 체결을…",
    note="planned",
)
C(
    "TR",
    True,
    "PL",
    "aerospace_defense",
    "[단독] 한화에어로, 폴란드 WB그룹과 유도무기 합작 MOU",
    "한화에어로스페이스가 폴란드 방산기업 WB그룹과 천무 유도미사일 현지 합작 생산을 위한 양해각서(MOU)를 체결한 것으로…",
)
C(
    "TR",
    True,
    "",
    "finance",
    "NH투자증권, 한국벤처투자와 펀드 조성 협약",
    "NH투자증권은 한국벤처투자와 500억원 규모 벤처펀드 조성을 위한 업무협약을 체결했다고 14일 밝혔다. 이번 펀드는…",
    note="startup also (벤처)? soft",
)
C(
    "TR",
    True,
    "SA",
    "infrastructure",
    "현대건설, 사우디 아람코와 플랜트 협력 MOU",
    "현대건설은 사우디아라비아 국영 석유회사 아람코와 가스 플랜트 건설 협력을 위한 양해각서를 체결했다고 13일 밝혔다. 아람코는 지난…",
    note="energy? gas plant; soft",
)
C(
    "TR",
    False,
    "",
    "",
    "대한항공, 美 보잉 항공기 추가 도입",
    "대한항공은 미국 보잉과 차세대 항공기 20대 구매 계약을 체결했다고 13일 밝혔다. 계약 규모는…",
    note="purchase contract, not MOU",
)
C(
    "TR",
    True,
    "ID",
    "ict",
    "KT, 인니 텔콤과 5G 협력",
    "KT는 인도네시아 최대 통신사 텔콤인도네시아와 5G 네트워크 고도화를 위한 업무협약을 체결했다고 14일…",
)
C(
    "TR",
    True,
    "",
    "startup",
    "[게시판] 서울경제진흥원, 스타트업 해외진출 지원 협약",
    "서울경제진흥원(SBA)은 13일 창업진흥원과 스타트업 해외진출 지원을 위한 업무협약을 체결했다…",
)
C(
    "TR",
    True,
    "KE",
    "agri_food",
    "농진청, 케냐와 농업기술 협력",
    "농촌진흥청은 케냐 농업축산개발부와 농업기술 전수 및 스마트팜 실증을 위한 양해각서를 체결했다고 14일 밝혔다…",
)
C(
    "TR",
    True,
    "MX",
    "mobility",
    "기아, 멕시코 누에보레온주와 협약",
    "기아는 멕시코 누에보레온 주정부와 전기차 생산 확대를 위한 투자협약을 체결했다고 13일 밝혔다. 투자 규모는 ...",
)

# ---------------------------------------------------------------- HTML entities
C("HE", True, "SA", "energy", "&quot;중동 잡는다&quot; 한전, 사우디 아람코와 수소 MOU")
C(
    "HE",
    True,
    "US",
    "ict",
    "삼성전자&middot;美 퀄컴, 6G 통신 공동연구 MOU",
    note="education_research? soft",
)
C(
    "HE",
    True,
    "",
    "",
    "교보생명&middot;교보문고&middot;교보증권, 독서문화 확산 MOU",
    note="culture? soft",
)
C("HE", True, "JP", "culture", "CJ ENM, 日 요시모토흥업과 &#39;K-예능&#39; 콘텐츠 협력 맞손")
C(
    "HE",
    True,
    "",
    "energy",
    "동서발전-삼성SDI, 글로벌 에너지 사업 협력 &amp;#39;맞손&amp;#39;",
    "6일(현지시간) SPE에서 열린 &amp;#39;글로벌 에너지 발전사업 공동협력 양해각서 체결식&amp;#39;에서 권명호 한국동서발전 사장과&amp;nbsp;김헌준 삼성SDI 미주법인장이 기념 사진을 찍고있다.",
    note="double-encoded entities; both Korean, ceremony abroad → no country. Date 6일 = 8 days ago, ok",
)
C(
    "HE",
    True,
    "US",
    "finance",
    "[fn마켓워치] 산은, 美 블랙스톤과 인프라 펀드 조성 MOU",
    "[파이낸셜뉴스] KDB산업은행이 미국 사모펀드 운용사 블랙스톤과 &lsquo;글로벌 인프라 공동투자 펀드&rsquo; 조성을 위한 업무협약(MOU)을 체결했다.",
    note="infrastructure too? fund invests in infra; soft",
)
C(
    "HE",
    True,
    "",
    "bio_health",
    "셀트리온&amp;인천대, 바이오 인재 양성 업무협약",
    note="education_research too; soft",
)
C(
    "HE",
    True,
    "GB",
    "education_research",
    "연세대 &middot; 英 케임브리지대, &quot;공동연구 협정&quot; 체결",
)
C("HE", False, "", "", "&quot;관세 폭탄 피하자&quot;&hellip;韓·美 통상 협상 난항")
C("HE", False, "", "", "한&middot;중&middot;일 정상 &quot;공동성명&quot; 채택&hellip;FTA 협상 가속")
C(
    "HE",
    True,
    "VN",
    "bio_health",
    "한독&middot;베트남 제약사 &#039;파마센&#039;, 의약품 공급 MOU",
    note="한독 Korean; VN counterpart",
)
C("HE", True, "", "ai", "&lt;AI 동맹&gt; 네이버-카카오, 데이터 표준화 협약")
C(
    "HE",
    True,
    "CN",
    "trade",
    "무역협회&middot;中 국제무역촉진위, &ldquo;교역 확대&rdquo; MOU",
    "한국무역협회는 중국국제무역촉진위원회(CCPIT)와 양국 교역 확대를 위한 업무협약을 체결했다고 13일 밝혔다.",
)
C(
    "HE",
    False,
    "",
    "",
    "[美특징주] 엔비디아, 사우디 &#39;휴메인&#39;과 AI칩 공급 계약에 5%&uarr;",
    note="foreign-foreign contract",
)
C(
    "HE",
    True,
    "",
    "finance",
    "&amp;quot;상생금융 확대&amp;quot; 우리은행, 신용회복위원회와 협약",
    note="double-encoded",
)

# ---------------------------------------------------------------- bracket tags
C("TAG-special", True, "US", "ai", "[특징주] 솔트룩스, 美 AI기업과 MOU 체결 소식에 상한가")
C(
    "TAG-special",
    True,
    "AE",
    "aerospace_defense",
    "[특징주] LIG넥스원, UAE와 방산 MOU 체결에 강세",
    note="follow-up market story reporting signing",
)
C(
    "TAG-special",
    False,
    "",
    "",
    "[특징주] 뉴로핏, 19% 급등…美워싱턴대와 소프트웨어 공급 계약",
    note="supply contract not MOU",
)
C("TAG-special", False, "", "", "[특징주] 한미반도체, 1분기 호실적에 6%↑", note="trap name")
C("TAG-special", False, "", "", "[특징주] 원전株, 韓·美 정상회담 기대감에 동반 상승")
C(
    "TAG-special",
    True,
    "JP",
    "semiconductor",
    "[특징주] 이오테크닉스, 日 반도체 기업과 장비 협력 MOU에 12%↑",
    "이오테크닉스가 일본 반도체 장비업체와 레이저 장비 공동개발 업무협약을 체결했다는 소식에 강세다.",
)
C(
    "TAG-special",
    False,
    "",
    "",
    "[특징주] 에이치엘비, 中 항서제약과 MOU 해지 소식에 급락",
    note="termination",
)
C(
    "TAG-special",
    False,
    "",
    "",
    "[특징주] 대한조선, 그리스 선사와 LNG선 2척 수주에 강세",
    note="order contract",
)
C("TAG-special", True, "", "robotics", "[특징주] 로보티즈, 현대차와 로봇 공동개발 MOU에 급등")
C(
    "TAG-usspec",
    False,
    "",
    "",
    "[美특징주] 아이온큐, 日 도요타통상과 양자컴퓨터 협력에 급등",
    note="foreign-foreign",
)
C(
    "TAG-usspec",
    True,
    "US",
    "education_research",
    "[美특징주] 아이온큐, 韓 KISTI와 양자 공동연구 MOU 체결에 7%↑",
    "아이온큐(IONQ)가 한국과학기술연구원(KISTI)과 양자컴퓨팅 공동연구를 위한 양해각서를 체결했다는 소식에 주가가 급등했다.",
    note="US company signs with Korean institute: KR party present, counterpart US",
)
C("TAG-usspec", False, "", "", "[美특징주] 테슬라, 中 판매 부진에 3% 하락")
C(
    "TAG-usspec",
    False,
    "",
    "",
    "[美특징주] 보잉, 카타르항공과 160대 수주 계약에 상승",
    note="foreign-foreign",
)
C("TAG-usspec", False, "", "", "[美특징주] 팔란티어, 美 국방부와 AI 계약 확대에 신고가")
C("TAG-fnmw", False, "", "", "[fn마켓워치] IMM PE, 에이블씨엔씨 매각 본계약 체결 임박")
C("TAG-fnmw", True, "", "finance", "[fn마켓워치] 한국투자증권, 성장금융과 2000억 세컨더리 펀드 MOU")
C("TAG-fnmw", True, "SG", "finance", "[fn마켓워치] 미래에셋운용, 싱가포르 테마섹과 공동투자 MOU")
C("TAG-fnmw", False, "", "", "[fn마켓워치] 日 소프트뱅크, 韓 AI 스타트업 투자 검토")
C(
    "TAG-fnmw",
    False,
    "",
    "",
    "[fn마켓워치] 롯데렌탈 인수 LOI 접수…어피니티 단독 참여",
    note="takeover LOI, one-sided",
)
C("TAG-photo", True, "AE", "energy", "[포토] 한-UAE 원전 협력 MOU 서명식")
C("TAG-photo", False, "", "", "[포토] 한미 정상 공동성명 발표")
C("TAG-photo", True, "", "", "[포토] 신세계-이랜드, 유통 상생 협약식")
C(
    "TAG-photo",
    True,
    "CZ",
    "energy",
    "[포토] 체코 두코바니 원전 협력 MOU 체결식",
    "황주호 한국수력원자력 사장(오른쪽)과 체코전력공사(CEZ) 관계자가 13일 체코 프라하에서 원전 기자재 협력 양해각서에 서명하고 있다.",
)
C("TAG-photo", False, "", "", "[포토] 韓·獨 경제인 포럼 개막", note="forum, no signing")
C(
    "TAG-photo",
    True,
    "",
    "agri_food",
    "[포토] 농협-이마트, 우리 농산물 판로 확대 협약",
    note="trade (판로) too; soft",
)
C("TAG-photo", False, "", "", "[포토] 佛 대통령 방한…청와대 환영식")
C(
    "TAG-exclusive",
    False,
    "",
    "",
    "[단독] 현대차, 인도 타타와 배터리 MOU 추진",
    note="planned; countries empty",
)
C("TAG-exclusive", True, "SA", "ai", "[단독] 네이버, 사우디 국가AI센터와 MOU 체결")
C(
    "TAG-exclusive",
    False,
    "",
    "",
    "[단독] 삼성바이오, 美 제약사와 1조원대 위탁생산 계약 협상 막바지",
)
C(
    "TAG-exclusive",
    True,
    "GB",
    "aerospace_defense",
    "[단독] KAI, 英 BAE시스템즈와 전투기 엔진 협력 MOU 맺었다",
)
C(
    "TAG-exclusive",
    False,
    "",
    "",
    "[단독] 쿠팡, 대만 물류사와 협약 1년 만에 결별",
    note="ending partnership",
)
C("TAG-exclusive", False, "", "", "[단독] 카카오, 日 라인야후와 합작 MOU 체결 검토")
C(
    "TAG-personnel",
    False,
    "",
    "",
    "[인사] 산업통상자원부",
    "◇국장급 ▲통상교섭실 FTA교섭관 김민수 ▲무역투자실 투자정책관 이정훈",
)
C(
    "TAG-personnel",
    False,
    "",
    "",
    "[인사] 한국무역협회",
    "▲국제협력본부장 박지현 ▲통상지원센터장 최영호 ▲MOU추진팀장 윤서연",
)
C("TAG-personnel", False, "", "", "[인사] KOTRA")
C("TAG-personnel", False, "", "", "[인사] 외교부 - 주미·주중·주일 대사관 공사")
C("TAG-board", True, "PL", "trade", "[게시판] KOTRA, 폴란드 투자무역청과 수출 협력 업무협약")
C("TAG-board", False, "", "", "[게시판] 한-베 FTA 활용 설명회 개최")
C(
    "TAG-board",
    True,
    "",
    "education_research",
    "[게시판] 한국연구재단-한국과학창의재단, 과학기술 인재 양성 협약",
)
C("TAG-board", False, "", "", "[게시판] 무역협회, 美 관세 대응 세미나 20일 개최")
C("TAG-board", True, "", "agri_food", "[게시판] aT, 수산물 소비 촉진 위해 수협과 맞손")
C(
    "TAG-board",
    False,
    "",
    "",
    "[게시판] 중기중앙회, 中企 해외 전시회 참가 지원 모집",
    note="中企 trap",
)
C(
    "TAG-board",
    True,
    "VN",
    "education_research",
    "[게시판] 동국대, 베트남 하노이국립대와 학술교류 협정",
)
C("TAG-flash", True, "US", "shipbuilding", "[속보] 韓·美, 조선 협력 MOU 서명")
C("TAG-flash", False, "", "", "[속보] 美, 韓 자동차 관세 25% 부과 발표")
C("TAG-flash", False, "", "", '[속보] 韓·日 정상 "셔틀외교 복원"…공동 언론발표')
C("TAG-flash", False, "", "", '[속보] 한미 관세협상 타결 실패…"추가 협의"')
C("TAG-flash", True, "CN", "trade", "[속보] 한·중, 통상 협력 양해각서 체결")

# ---------------------------------------------------------------- non-MOU headlines with agreement / country words
# FTA / trade negotiations
C("NEG-fta", False, "", "", "韓·英 FTA 개선 협상 2차 회의 개최")
C("NEG-fta", False, "", "", "한·필리핀 FTA 발효…바나나 관세 단계 철폐")
C("NEG-fta", False, "", "", '"FTA 활용률 높여라"…무역협회, 中企 컨설팅 확대')
C("NEG-fta", False, "", "", "韓·GCC FTA 타결 선언…서명은 연내")
C("NEG-fta", False, "", "", "美 상호관세 유예 종료 임박…韓 관세협정 협상 '난항'")
C("NEG-fta", False, "", "", "韓·印 CEPA 개선 협상 또 결렬")
C("NEG-fta", False, "", "", '"한미 FTA 재협상 없다"…통상본부장 선 그어')
C("NEG-fta", False, "", "", "산업부, 韓·베트남 FTA 원산지 증명 간소화 추진")
C("NEG-fta", False, "", "", '한·EU FTA 10주년 세미나…"공급망 협력 확대해야"')
C("NEG-fta", False, "", "", "日·EU 경제연계협정 효과…韓 자동차 수출 타격")
C(
    "NEG-fta",
    False,
    "",
    "",
    "韓·말레이시아 FTA 협상 개시",
    "산업통상자원부는 13일 쿠알라룸푸르에서 한·말레이시아 자유무역협정(FTA) 1차 공식 협상을 개시했다.",
)
C(
    "NEG-fta",
    False,
    "",
    "",
    "한·태국 EPA 협상 막바지…연내 서명 목표",
    "정부는 태국과의 경제동반자협정(EPA) 협상을 마무리하고 연내 서명을 추진한다고 밝혔다.",
)

# joint statements / meetings / forums
C("NEG-joint", False, "", "", '韓·美·日 외교장관 공동성명…"北 비핵화 의지 재확인"')
C("NEG-joint", False, "", "", '한·중 정상회담…"공급망 협력 강화" 공동 발표문')
C("NEG-joint", False, "", "", "韓·佛 정상, 원전·우주 협력 공동선언 채택")
C("NEG-joint", False, "", "", "韓·濠 외교·국방 2+2 회의…방산 협력 논의")
C("NEG-joint", False, "", "", "한·독 경제장관 회담…수소 협력 방안 모색")
C(
    "NEG-joint",
    False,
    "",
    "",
    '한·일 재무장관 "외환시장 안정 공조"',
    "최상목 경제부총리와 가토 가쓰노부 일본 재무상은 13일 도쿄에서 회담을 갖고 외환시장 안정을 위해 공조하기로 했다.",
)
C(
    "NEG-joint",
    False,
    "",
    "",
    "韓·伊 산업장관, 공급망 협력 공동성명 발표",
    "안덕근 산업통상자원부 장관은 13일 로마에서 이탈리아 기업산업부 장관과 회담하고 공급망 협력 공동성명을 발표했다.",
)
C("NEG-joint", False, "", "", 'G7 정상 공동성명 "中 과잉생산 우려"')
C("NEG-joint", False, "", "", "한·아세안 정상회의…'디지털 협력 공동선언문' 채택")
C("NEG-joint", False, "", "", '韓·加 정상 통화…"핵심광물 협력 강화하자"')

# contracts / orders (not MOU)
C("NEG-contract", False, "", "", "삼성중공업, 그리스 선사서 LNG운반선 4척 수주")
C("NEG-contract", False, "", "", "한화오션, 美 해군 함정 MRO 계약 수주")
C("NEG-contract", False, "", "", "현대건설, 사우디서 3조원 규모 플랜트 계약 수주")
C("NEG-contract", False, "", "", "LS일렉트릭, 美 빅테크 데이터센터에 변압기 공급계약")
C("NEG-contract", False, "", "", "삼성바이오로직스, 유럽 제약사와 1.4조 위탁생산 계약")
C("NEG-contract", False, "", "", "HD현대일렉트릭, 英 송전망 변압기 2000억 수주")
C(
    "NEG-contract",
    False,
    "",
    "",
    "에코프로비엠, 삼성SDI와 양극재 장기 공급계약 체결",
    note="supply contract, domestic",
)
C(
    "NEG-contract",
    False,
    "",
    "",
    "현대로템, 폴란드와 K2 전차 2차 이행계약 체결",
    note="executive contract not MOU; debatable",
)
C("NEG-contract", False, "", "", "대한항공, 에어버스 A350 33대 구매 계약")
C(
    "NEG-contract",
    False,
    "",
    "",
    "한미반도체, 대만 고객사에 TC본더 공급",
    "한미반도체는 대만 반도체 후공정 업체와 320억원 규모 TC본더 공급 계약을 체결했다고 14일 공시했다.",
)
C(
    "NEG-contract",
    False,
    "",
    "",
    "두산에너빌리티, 체코 원전 주기기 계약",
    "두산에너빌리티는 체코 두코바니 원전 주기기 공급 계약을 체결했다고 13일 밝혔다.",
)

# planned / pursued MOU
C("NEG-plan", False, "", "", "SK이노, 日 에네오스와 SAF 협력 MOU 추진")
C("NEG-plan", False, "", "", "현대차·기아, 印 배터리 기업과 합작 MOU 체결 예정")
C("NEG-plan", False, "", "", "韓·사우디, 다음주 원전 협력 MOU 맺기로")
C("NEG-plan", False, "", "", "대통령 중앙아 순방…MOU 20건 체결 기대")
C(
    "NEG-plan",
    False,
    "",
    "",
    "LG엔솔, 美 포드와 배터리 합작 MOU 맺는다",
    note="headline future tense; debatable",
)
C("NEG-plan", False, "", "", "포스코, 濠 광산기업과 리튬 MOU 체결 검토")
C("NEG-plan", False, "", "", "정부, 佛과 우주 협력 협정 체결 추진")
C(
    "NEG-plan",
    False,
    "",
    "",
    "경남도, 英 해상풍력 기업 투자 유치 나선다",
    "경상남도는 다음 달 영국 해상풍력 기업과 5000억원 규모 투자협약을 체결할 예정이라고 14일 밝혔다.",
)
C(
    "NEG-plan",
    False,
    "",
    "",
    "삼성물산, 베트남 스마트시티 협력 추진",
    "삼성물산은 베트남 건설부와 스마트시티 개발 협력을 위한 양해각서를 맺기로 하고 세부 내용을 조율 중이라고 밝혔다.",
)
C(
    "NEG-plan",
    False,
    "",
    "",
    "한국가스공사, 카타르와 LNG 장기계약 협상",
    "한국가스공사는 카타르에너지와 LNG 장기 도입 계약 연장을 위한 협상을 진행하고 있다.",
)
C("NEG-plan", False, "", "", "韓·印尼, 전투기 공동개발 분담금 협상 또 난항")
C("NEG-plan", False, "", "", 'KAI, 폴란드와 FA-50 추가 수출 협상 중…"연내 계약 목표"')

# cancelled / failed
C("NEG-cancel", False, "", "", "OO전자, 中 파트너사와 MOU 해지…주가 급락")
C("NEG-cancel", False, "", "", '중국 기업과 맺은 투자협약 해지한 새만금…"대체 투자자 물색"')
C("NEG-cancel", False, "", "", "포스코홀딩스, 아르헨 리튬 협약 파기 논란")
C("NEG-cancel", False, "", "", "'MOU만 남발' 지자체 투자협약 이행률 30% 그쳐")
C("NEG-cancel", False, "", "", "英 브리티시볼트와 맺은 MOU, 파산으로 무산")

# foreign-foreign agreements
C("NEG-foreign", False, "", "", "美·日, 반도체 공급망 협정 서명")
C("NEG-foreign", False, "", "", "日·英, 차세대 전투기 공동개발 협정 체결")
C("NEG-foreign", False, "", "", "美·中 관세 합의…90일간 상호관세 115%p 인하")
C("NEG-foreign", False, "", "", "佛·獨, 방산 협력 양해각서 체결")
C("NEG-foreign", False, "", "", "사우디 아람코, 中 시노펙과 정유 합작 MOU")
C("NEG-foreign", False, "", "", "엔비디아, 日 소프트뱅크와 AI 인프라 협력 맞손")
C("NEG-foreign", False, "", "", "EU·인도, FTA 협상 타결")
C(
    "NEG-foreign",
    False,
    "",
    "",
    "UAE-美 오픈AI, 대규모 AI 데이터센터 협약",
    "아랍에미리트(UAE) 정부는 미국 오픈AI와 아부다비에 대규모 AI 데이터센터를 건설하는 협약을 체결했다고 13일(현지시간) 밝혔다.",
)
C("NEG-foreign", False, "", "", "[美특징주] 마이크로소프트, 佛 미스트랄AI와 협력 MOU에 강보합")

# crime / court
C("NEG-crime", False, "", "", "'해외 MOU 체결' 허위 공시로 주가 띄운 코스닥 대표 기소")
C("NEG-crime", False, "", "", "가짜 美 투자협약서로 투자금 30억 가로챈 일당 검거")
C("NEG-crime", False, "", "", "법원, 中 기업과 MOU 빌미 사기 혐의 前대표에 징역 3년")

# background / history
C(
    "NEG-bg",
    False,
    "",
    "",
    "두산에너빌리티, 한수원과 체결한 협약 따라 SMR 부품 첫 출하",
    "두산에너빌리티는 2019년 한국수력원자력과 체결한 협약에 따라 제작한 SMR 부품을 처음 출하했다고 13일 밝혔다.",
)
C(
    "NEG-bg",
    False,
    "",
    "",
    "지난해 MOU 맺은 美 기업과 본계약…OO바이오 급등",
    "OO바이오는 지난해 양해각서를 체결한 미국 제약사와 기술이전 본계약을 체결했다고 13일 공시했다.",
    note="본계약 = contract, MOU is background",
)
C("NEG-bg", False, "", "", "韓·UAE 원전 협력 15년…바라카 4호기 상업운전")
C(
    "NEG-bg",
    False,
    "",
    "",
    "MOU 1년, 베트남 스마트팜 첫 수확",
    "농어촌공사가 지난해 4월 베트남 농업농촌개발부와 체결한 양해각서에 따라 조성한 스마트팜에서 첫 수확이 이뤄졌다.",
)
C("NEG-bg", False, "", "", '韓·美 원자력협정 개정 10년…"농축 권한 확보해야"')

# other non-MOU with foreign names / traps
C("NEG-other", False, "", "", "한미반도체, 美 관세 영향 제한적…목표가 상향")
C("NEG-other", False, "", "", "한미약품, 비만 신약 美 FDA 임상 3상 승인")
C("NEG-other", False, "", "", "中 희토류 수출 통제에 韓 배터리 업계 긴장")
C("NEG-other", False, "", "", "日 엔저 장기화…韓 수출 경쟁력 '빨간불'")
C("NEG-other", False, "", "", "佛 르노, 부산공장 전기차 생산 확대")
C("NEG-other", False, "", "", "獨 폭스바겐, 1분기 영업익 40% 감소")
C("NEG-other", False, "", "", '印 모디 총리 "韓 기업 투자 환영"')
C("NEG-other", False, "", "", "越 1분기 성장률 6.9%…삼성 수출 호조")
C("NEG-other", False, "", "", "加 온타리오 주지사 방한…배터리 투자 유치 설명회")
C("NEG-other", False, "", "", '中企 10곳 중 6곳 "美 관세로 수출 감소"', note="中企 trap")
C("NEG-other", False, "", "", "中企부, 스타트업 해외 진출 지원사업 공고", note="中企부 trap")
C("NEG-other", False, "", "", "한일시멘트, 1분기 영업익 25% 증가")
C("NEG-other", False, "", "", "미래에셋證, 美 주식 거래 수수료 인하")
C("NEG-other", False, "", "", '"협약만 하고 끝?"…지자체 MOU 실효성 도마에')
C("NEG-other", False, "", "", "업무협약 남발 경계해야 [사설]")
C("NEG-other", False, "", "", "韓 조선업, 美 MASGA 프로젝트 수혜 기대")
C("NEG-other", False, "", "", "사전연명의료의향서 등록 300만명 돌파", note="one-sided 의향서")
C(
    "NEG-other",
    False,
    "",
    "",
    "OO건설, 법원에 인수의향서 제출",
    "OO건설 인수를 추진하는 사모펀드가 서울회생법원에 인수의향서(LOI)를 제출했다.",
    note="one-sided LOI",
)
C("NEG-other", False, "", "", "삼성전자, 美 텍사스 공장 가동 연기")
C("NEG-other", False, "", "", '트럼프 "韓, 방위비 더 내야"…한미 방위비 협정 재협상 압박')
C("NEG-other", False, "", "", "한·미 통화스와프 재개 논의 '제자리'")
C(
    "NEG-other",
    False,
    "",
    "",
    "노사, 임금협약 잠정 합의…파업 철회",
    note="labour agreement: provisional, not MOU",
)
C("NEG-other", False, "", "", "韓 방산, 폴란드 이어 루마니아 수출 '청신호'")

# ---------------------------------------------------------------- more signed, numbers / multi-party / mixed
C("NUM", True, "VN", "", "韓·베트남 정상회담…MOU 10건 체결", note="sectors unknown")
C("NUM", True, "UZ", "energy,infrastructure", "韓·우즈벡, 에너지·인프라 등 MOU 12건 서명")
C("NUM", True, "JP", "", "경북도, 日 기업 3곳과 3000억 투자협약")
C("NUM", True, "", "", "새만금청, 기업 5곳과 1조2000억 투자협약", note="no foreign named")
C("NUM", True, "US", "semiconductor", "용인시, 美 반도체 장비社와 5000억 투자협약")
C(
    "NUM",
    True,
    "CN,JP",
    "culture",
    "한·중·일 관광장관, 관광 교류 MOU 체결",
    note="trilateral ministers MOU",
)
C(
    "NUM",
    True,
    "",
    "trade",
    "KOTRA, 수출기업 20곳과 해외진출 지원 MOU",
    note="trade? soft; leaving trade out? -> add trade",
)
C("NUM", True, "PL", "aerospace_defense", "방사청, 폴란드와 방산 협력 MOU 2건")
C("NUM", True, "AE", "energy,aerospace_defense,ai", "한·UAE, 원전·방산·AI 분야 MOU 9건 체결")
C("NUM", True, "SA", "", "사우디 투자부, 韓 기업 15곳과 MOU…총 60억달러")
C("NUM", True, "", "mobility", "충남도, 자동차 부품사 3곳과 1500억원 투자협약")
C("NUM", True, "DE", "energy", "韓·獨 수소 협력 양해각서 2건 체결")

# more foreign signed with varied naming
C(
    "VAR",
    True,
    "US",
    "energy",
    "한수원-웨스팅하우스, 원전 수출 협력 MOU",
    note="Westinghouse US bare",
)
C("VAR", True, "JP", "ict", "NHN, 日 라쿠텐과 클라우드 게임 맞손", note="culture too; soft")
C("VAR", True, "US", "bio_health", "삼성바이오, 美 일라이릴리와 위탁개발 협력 양해각서")
C("VAR", True, "CN", "beauty", "코스메카코리아, 中 화장품 유통사와 독점 공급 MOU")
C(
    "VAR",
    True,
    "FR",
    "aerospace_defense",
    "한국항공우주연구원, 佛 국립우주연구센터와 위성 협력 협정",
)
C("VAR", True, "IT", "bio_health", "대웅제약, 伊 제약사와 보툴리눔 유통 MOU")
C("VAR", True, "ES", "culture", "경북문화관광공사, 西 갈리시아주와 산티아고 순례길 관광 협약")
C("VAR", True, "AU", "agri_food", "한우협회, 濠 축산공사와 사료 협력 MOU")
C(
    "VAR",
    True,
    "CA",
    "ai",
    "LG AI연구원, 加 토론토대와 AI 공동연구 협약",
    note="education_research too",
)
C("VAR", True, "VN", "infrastructure", "LH, 越 건설부와 신도시 개발 협력 MOU")
C("VAR", True, "IN", "shipbuilding", "HD현대, 印 코친조선소와 선박 건조 협력 MOU")
C("VAR", True, "GB", "security", "KISA, 英 국가사이버보안센터와 정보보호 협력 MOU")
C(
    "VAR",
    True,
    "DE",
    "robotics",
    "현대차, 獨 프라운호퍼와 로봇 공동연구 협약",
    note="education_research too",
)
C("VAR", True, "US", "startup", "중기부, 美 스타트업 액셀러레이터 플러그앤플레이와 맞손")
C("VAR", True, "FR", "startup", "창업진흥원, 佛 스테이션F와 스타트업 교류 업무협약")
C("VAR", True, "JP", "energy", "한국가스공사, 日 JERA와 LNG 협력 MOU")
C("VAR", True, "CN", "environment", "서울시, 中 베이징시와 대기질 개선 협력 MOU")
C("VAR", True, "IL", "security", "SK쉴더스, 이스라엘 보안기업과 사이버보안 맞손")
C("VAR", True, "FI", "ict", "삼성전자, 핀란드 노키아와 6G 통신 협력 MOU")
C("VAR", True, "SE", "mobility", "현대모비스, 스웨덴 볼보와 전기차 부품 MOU")
C("VAR", True, "EG", "infrastructure", "현대로템, 이집트 교통부와 철도 협력 양해각서")
C(
    "VAR",
    True,
    "PE",
    "trade",
    "무역보험공사, 페루 경제부와 수출 금융 협력 MOU",
    note="finance too; soft",
)
C("VAR", True, "TW", "semiconductor", "SK하이닉스, 대만 TSMC와 HBM 협력 MOU")
C("VAR", True, "HU", "battery", "삼성SDI, 헝가리 정부와 배터리 공장 투자협약")
C("VAR", True, "US", "aerospace_defense", "한국천문연구원, 美 NASA와 달 탐사 협력 약정")
C(
    "VAR",
    True,
    "US",
    "energy",
    '"美 원전 시장 뚫는다"…현대건설, 홀텍과 SMR 맞손',
    note="Holtec US: bare but 美 in quote",
)
C(
    "VAR",
    True,
    "JP",
    "trade",
    "'日 수출 길 연다'…전남도, 日 유통기업과 농수산물 수출 MOU",
    note="agri_food too",
)
C("VAR", True, "GB", "finance", "KB금융-英 바클레이즈, 글로벌 투자은행 협력 MOU")
C("VAR", True, "US", "ai", '업스테이지 AWS와 맞손…"LLM 글로벌 진출"', note="AWS bare, no comma")
C("VAR", True, "CN", "mobility", "현대차, 中 바이두와 자율주행 협력 연장 MOU")

# ellipsis / quote style headlines
C("ELL", True, "US", "shipbuilding", "'마스가' 속도…HD현대, 美 헌팅턴잉걸스와 군함 건조 MOU")
C("ELL", True, "", "ai", '"AI로 민원 처리"…행안부, 네이버·카카오와 업무협약')
C("ELL", True, "VN", "culture", "K-콘텐츠 동남아 공략…CJ ENM, 베트남 방송사와 MOU")
C("ELL", False, "", "", '"MOU는 MOU일 뿐"…투자협약 실제 집행은 절반')
C("ELL", False, "", "", "'韓·美 관세협정' 서명 연기…\"세부 조율 필요\"")
C("ELL", True, "JP", "energy", "'수소 동맹' 결성…효성, 日 이와타니와 액화수소 맞손")
C("ELL", False, "", "", "'K-원전' 체코 수주 후속…현지 기업 협력 확대 모색")
C("ELL", True, "CZ", "energy", "'K-원전' 체코 수주 후속…한전기술, 체코 기업과 설계 협력 MOU")
C("ELL", False, "", "", '"中 의존 줄여라"…정부, 핵심광물 비축 확대')
C("ELL", True, "AU", "battery", '"中 의존 줄여라"…LG엔솔, 濠 광산사와 흑연 공급 MOU')
C("ELL", False, "", "", '한미 정상회담 D-3…"MOU 보따리 없다"')
C("ELL", True, "", "finance", "'밸류업 동행'…거래소, 증권사 10곳과 업무협약")
C("ELL", True, "US", "ai", "'소버린 AI' 맞손…KT, 美 마이크로소프트와 5년 협약")
C("ELL", False, "", "", "'빈손 순방' 비판…MOU 0건")
C("ELL", True, "IN", "mobility", "…현대차, 인도 마하라슈트라주와 투자협약", note="leading ellipsis")

# lead sentences that flip the title
C(
    "FLIP",
    False,
    "",
    "",
    "삼성SDI-스텔란티스, 美 배터리 2공장 협력",
    "삼성SDI는 스텔란티스와 미국 인디애나주 배터리 2공장 건설 계획을 재검토하고 있다고 13일 밝혔다.",
    note="no signing",
)
C(
    "FLIP",
    True,
    "US",
    "battery",
    "삼성SDI, 美 배터리 시장 공략",
    "삼성SDI는 스텔란티스 미국법인과 에너지저장장치(ESS)용 배터리 공급 협력을 위한 양해각서를 13일 체결했다.",
    note="Stellantis US subsidiary → US; energy too (ESS)",
)
C(
    "FLIP",
    False,
    "",
    "",
    "한·캐나다 방산 협력 MOU",
    "정부는 캐나다와 방산 협력 양해각서를 다음 달 체결하기 위해 실무 협의를 진행 중이라고 14일 밝혔다.",
    note="title looks signed; lead says planned",
)
C(
    "FLIP",
    False,
    "",
    "",
    "SK온-포드 합작 MOU",
    "SK온은 지난 2021년 포드와 체결한 합작 양해각서에 따라 설립한 블루오벌SK의 지분 정리를 논의 중이다.",
    note="background",
)
C(
    "FLIP",
    True,
    "",
    "finance",
    "하나은행, 금융 소외계층 지원",
    "하나은행은 13일 서민금융진흥원과 취약계층 금융 지원을 위한 업무협약을 체결했다.",
)
C(
    "FLIP",
    False,
    "",
    "",
    "현대제철, 美 제철소 건설",
    "현대제철이 미국 루이지애나주에 전기로 제철소를 건설한다. 현대제철은 앞서 지난 3월 루이지애나 주정부와 투자 협약을 맺었다.",
    note="background (March, 2 months ago)",
)
C(
    "FLIP",
    True,
    "US",
    "",
    "현대제철, 美 루이지애나주와 투자협약",
    "현대제철은 13일(현지시간) 미국 루이지애나 주정부와 전기로 제철소 건설을 위한 투자협약을 체결했다.",
    note="manufacturing? steel; soft",
)
C(
    "FLIP",
    True,
    "JP",
    "culture",
    "日 관광객 잡는다",
    "한국관광공사는 일본 최대 여행사 JTB와 방한 관광 활성화를 위한 업무협약을 체결했다고 14일 밝혔다.",
)
C(
    "FLIP",
    False,
    "",
    "",
    "韓-佛 원전 협력",
    "한국과 프랑스 정부가 원전 수출 시장에서 협력하는 방안을 13일 파리에서 열린 에너지 대화에서 논의했다.",
)
C(
    "FLIP",
    True,
    "NL",
    "semiconductor",
    "반도체 인재 양성",
    "한국반도체산업협회는 네덜란드 ASML과 반도체 장비 인재 양성을 위한 업무협약을 체결했다고 13일 밝혔다.",
    note="education_research too",
)
C(
    "FLIP",
    False,
    "",
    "",
    "포스코-印 JSW, 제철소 합작 MOU 1년",
    "포스코그룹과 인도 JSW그룹이 지난해 체결한 일관제철소 합작 MOU가 후속 협상에서 난항을 겪고 있다.",
)
C(
    "FLIP",
    True,
    "US",
    "energy",
    "SK이노베이션 E&S, 美 에너지 기업과 맞손",
    "SK이노베이션 E&S는 지난달 28일 미국 텍사스에서 현지 에너지 기업과 LNG 공급 협력 MOU를 체결했다고 14일 밝혔다.",
    note="2.5 weeks ago → recent",
)

# more short domestic and misc
C("T-dom2", True, "", "energy", "한화솔루션, 전북도와 태양광 모듈 공장 투자협약")
C("T-dom2", True, "", "culture", "한국관광공사-야놀자, 지역관광 활성화 MOU")
C("T-dom2", True, "", "ai", "LG전자, 고려대와 AI 가전 공동연구 맞손", note="education_research too")
C("T-dom2", True, "", "security", "안랩, 한국전력과 OT 보안 업무협약")
C("T-dom2", True, "", "bio_health", "대웅제약, 분당차병원과 줄기세포 치료제 MOU")
C("T-dom2", True, "", "shipbuilding", "HJ중공업, 해군과 함정 정비 협약")
C("T-dom2", True, "", "agri_food", "롯데마트, 해양수산부와 수산물 소비 촉진 협약")
C("T-dom2", True, "", "trade", "무역보험공사-수출입은행, 수출기업 지원 맞손", note="finance too")
C("T-dom2", True, "", "infrastructure", "GS건설, 서울주택도시공사와 모듈러 건설 MOU")
C("T-dom2", True, "", "startup", "디캠프, 부산시와 창업 생태계 조성 업무협약")
C("T-dom2", True, "", "semiconductor", "삼성전자-SK하이닉스, 반도체 인력 공동 육성 MOU")
C(
    "T-dom2",
    True,
    "",
    "battery",
    "LG엔솔·현대차, 인니 배터리 합작공장 운영 협약",
    note="two Korean parties; 인니 = location only → no country",
)
C("T-dom2", True, "", "mobility", "현대차, 제주도와 UAM 실증 맞손")
C("T-dom2", True, "", "aerospace_defense", "한화시스템, 한국항공우주연구원과 위성 개발 협약")

C(
    "T-for2",
    True,
    "US",
    "culture",
    "넷플릭스, 韓 콘텐츠진흥원과 제작 인력 양성 MOU",
    note="foreign subject, Korean object",
)
C("T-for2", True, "JP", "culture", "日 라인야후, 韓 웹툰 작가 지원 협약")
C("T-for2", True, "US", "ai", "구글, 과기정통부와 AI 인재 양성 업무협약")
C("T-for2", True, "CN", "mobility", "中 BYD, 韓 렌터카 업체들과 전기차 공급 MOU")
C("T-for2", True, "DE", "energy", "獨 지멘스에너지, 한전과 송전망 협력 MOU")
C("T-for2", True, "FR", "energy", "佛 토탈에너지스, 韓 SK가스와 LNG 공급 협력 협약")
C(
    "T-for2",
    True,
    "GB",
    "education_research",
    "英 대사관, 한국연구재단과 과학 협력 MOU",
    note="embassy → GB",
)
C("T-for2", True, "US", "trade", "주한미국상의, 무역협회와 통상 협력 MOU", note="AMCHAM Korea → US")
C(
    "T-for2",
    True,
    "CN",
    "",
    "주한중국대사관, 경기도와 교류 협약",
    note="sector unclear; trade doubtful -> keep? soft",
)

# more negatives with agreement words
C("NEG-more", False, "", "", "한·미 원자력 협정 개정 협의 착수")
C("NEG-more", False, "", "", "韓·日 어업협정 협상 9년째 표류")
C(
    "NEG-more",
    False,
    "",
    "",
    "한·중 항공회담…운수권 확대 합의",
    note="agreement, not a signed MOU; debatable",
)
C("NEG-more", False, "", "", "韓·美 방위비분담 특별협정 서명 연기")
C("NEG-more", False, "", "", "'MOU 체결 추진' 공시 뒤 주가 폭락…금감원 조사")
C("NEG-more", False, "", "", "美 반도체법 보조금 협상 난항…삼성 '속앓이'")
C("NEG-more", False, "", "", "현대차, 美 관세 협상 결과 지켜본다")
C("NEG-more", False, "", "", "카카오-SM, 지난해 체결 협약 재검토")
C(
    "NEG-more",
    False,
    "",
    "",
    "OO시, 中 자매도시 협약 30주년 기념식",
    note="anniversary of old agreement",
)
C("NEG-more", False, "", "", "韓·英 자유무역협정 개선 협상 타결…연내 서명")
C("NEG-more", False, "", "", "[기자수첩] 대통령 순방 MOU, 숫자보다 실천")
C("NEG-more", False, "", "", "한국거래소, 베트남 거래소 IT 시스템 구축 계약 수주")
C("NEG-more", False, "", "", "중앙대, 신입생 모집 요강 발표", note="中央 trap (no hanja)")
C("NEG-more", False, "", "", "美·英 기술번영협정 체결…AI·원전 협력", note="foreign-foreign")
C("NEG-more", False, "", "", "日 도요타, 美 텍사스에 배터리 공장 착공")
C("NEG-more", False, "", "", "印 타타, 英 재규어 공장에 1조 투자")
