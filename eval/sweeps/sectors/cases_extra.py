"""Extra systematic shapes:
E1 which sentence openers make a content sentence count as the deal's description
E2 how far after the signing sentence the content may stand
E3 a sector-named party in the headline (hyphen / comma / body only)
E4 frequent look-alikes in more sentence positions
E5 multi-sector deals
E6 ordinary (broad) vocabulary repeated across headline and body
E7 indirect hopes when the real field IS found
"""

from __future__ import annotations

from cases_clear import j

PAIRS = [
    ("전라남도", "베트남 다낭시", "다낭시", ("VN",)),
    ("한솔네트웍스", "일본 오카다상사", "오카다상사", ("JP",)),
    ("울산시", "미국 텍사스주", "텍사스주", ("US",)),
]

CONTENTS = [  # (clause with a plain cue word, sectors)
    ("해상풍력 발전단지를 공동 개발한다", {"energy"}),
    ("양 지역을 잇는 관광 상품을 공동 개발한다", {"culture"}),
    ("감염병 백신 후보물질을 함께 연구한다", {"bio_health"}),  # 연구: education arguable
    ("지역 기업 전용 펀드를 조성한다", {"finance"}),
    ("폐기물 재활용 체계를 함께 만든다", {"environment"}),
    ("중소기업의 수출을 함께 지원한다", {"trade"}),
    ("물류 현장에 투입할 로봇을 공동 개발한다", {"robotics"}),
    ("차세대 반도체 소자를 공동 설계한다", {"semiconductor"}),
]
OK_EXTRA = {
    0: set(),
    1: set(),
    2: {"education_research"},
    3: set(),
    4: set(),
    5: set(),
    6: set(),
    7: set(),
}

OPENERS = [
    ("desc:협약에따라", "협약에 따라 양측은 {X}."),
    ("desc:이번협약으로", "이번 협약으로 두 기관은 {X}."),
    ("desc:B는", "{B}는 {X}."),
    ("desc:A는", "{A}는 {X}."),
    ("desc:A는…B는", "{A}는 행정 지원을 맡고, {B}는 {X}."),
    ("desc:이를통해", "이를 통해 양측은 {X}."),
    ("desc:앞으로", "앞으로 양측은 {X}."),
    ("desc:특히", "특히 양측은 {X}."),
    ("desc:양측은…바탕으로", "양측은 이번 협약을 바탕으로 {X}."),
    ("desc:구체적으로", "구체적으로 양측은 {X}."),
    ("desc:협약서에는", "협약서에는 양측이 {Xn} 내용이 담겼다."),
    ("desc:주요내용은", "주요 협력 내용은 {Xn} 것이다."),
]


def _adnominal(clause: str) -> str:
    # "...개발한다" -> "...개발하는", "...만든다" -> "...만드는"
    if clause.endswith("한다"):
        return clause[:-2] + "하는"
    if clause.endswith("만든다"):
        return clause[:-3] + "만드는"
    if clause.endswith("른다"):
        return clause[:-2] + "르는"
    return clause[:-2] + "는"


def e1() -> list[dict]:
    out = []
    n = 0
    for ci, (x, exp) in enumerate(CONTENTS):
        for oname, tmpl in OPENERS:
            a, bfull, b, cc = PAIRS[n % 3]
            n += 1
            sent = (
                tmpl.replace("{A}는", j(a, "은/는"))
                .replace("{B}는", j(b, "은/는"))
                .replace("{X}", x)
                .replace("{Xn}", _adnominal(x))
            )
            title = f"{a}-{b} 업무협약 체결"
            body = (
                f"{j(a, '은/는')} 13일 {j(bfull, '과/와')} 상호 협력을 위한 업무협약을 체결했다고 14일 밝혔다. "
                f"{sent} {j(a, '은/는')} 후속 과제도 차례로 발굴할 계획이다."
            )
            out.append(
                dict(
                    id=f"e1-{ci}-{oname}",
                    group="extra",
                    shape=f"E1/{oname}",
                    title=title,
                    body=body,
                    is_mou=True,
                    countries=cc,
                    sectors=set(exp),
                    ok_extra=OK_EXTRA[ci],
                    note="",
                )
            )
    return out


FILLERS = [
    "협약식에는 양측 관계자 20여명이 참석했다.",
    "이날 행사는 1시간가량 진행됐다.",
    "두 도시는 2019년부터 교류를 이어 왔다.",
]


def e2() -> list[dict]:
    out = []
    for ci, (x, exp) in enumerate(CONTENTS):
        for k in range(0, 4):  # k filler sentences before the description
            a, bfull, b, cc = PAIRS[(ci + k) % 3]
            fill = " ".join(FILLERS[i % 3] for i in range(k))
            title = f"{a}, {j(b, '과/와')} 업무협약"
            body = (
                f"{j(a, '은/는')} 13일 {j(bfull, '과/와')} 상호 협력을 위한 업무협약을 체결했다고 14일 밝혔다. "
                f"{fill} 협약에 따라 양측은 {x}."
            ).replace("  ", " ")
            out.append(
                dict(
                    id=f"e2-{ci}-{k}",
                    group="extra",
                    shape=f"E2/fillers={k}",
                    title=title,
                    body=body,
                    is_mou=True,
                    countries=cc,
                    sectors=set(exp),
                    ok_extra=OK_EXTRA[ci],
                    note="",
                )
            )
    return out


PARTY_TRAPS = [  # (party, its sector), deal: tourism (culture) / scholarship+education
    ("카카오모빌리티", "mobility"),
    ("국민건강보험공단", "bio_health"),
    ("광동제약", "bio_health"),
    ("현대자동차그룹", "mobility"),
    ("LG에너지솔루션", "battery"),
    ("SK텔레콤", "ict"),
    ("신한은행", "finance"),
    ("HD한국조선해양", "shipbuilding"),
    ("한국항공우주산업", "aerospace_defense"),
    ("삼성바이오로직스", "bio_health"),
    ("대한항공", "aerospace_defense"),
    ("CJ제일제당", "agri_food"),
]
HEAD_FORMS = [
    ("hyphen", "{P}-{B}, 관광 교류 협약"),
    ("comma", "{P}, {B}와 관광 교류 협약"),
    ("other_first", "{B}, {P와} 관광 교류 협약"),
    ("body_only", "{B} 관광 교류 협약 체결"),
]


def e3() -> list[dict]:
    out = []
    for pi, (p, psec) in enumerate(PARTY_TRAPS):
        for hname, ht in HEAD_FORMS:
            a, bfull, b, cc = PAIRS[pi % 3]
            title = (
                ht.replace("{P와}", j(p, "과/와"))
                .replace("{P}", p)
                .replace("{B}와", j(b, "과/와"))
                .replace("{B}", b)
            )
            body = (
                f"{j(p, '은/는')} 13일 {j(bfull, '과/와')} 관광 교류 확대를 위한 업무협약을 체결했다고 14일 밝혔다. "
                f"협약에 따라 양측은 외국인 관광객을 위한 관광 안내 콘텐츠를 공동 제작한다."
            )
            out.append(
                dict(
                    id=f"e3-{pi}-{hname}",
                    group="extra",
                    shape=f"E3/party_head:{hname}",
                    title=title,
                    body=body,
                    is_mou=True,
                    countries=cc,
                    sectors={"culture"},
                    trap={psec},
                    ok_extra=set(),
                    note=p,
                )
            )
    return out


LOOKALIKES = [  # (name, title, body, exp, trap, ok, note)
    (
        "온실가스",
        "{A}-{B}, 탄소중립 협약",
        "{A}는 13일 {BF}와 탄소중립 실천을 위한 업무협약을 체결했다. 협약에 따라 양측은 온실가스 배출량을 2030년까지 40% 줄인다.",
        {"environment"},
        {"energy"},
        set(),
        "",
    ),
    (
        "온실가스",
        "{A}, {B}와 온실가스 감축 협약",
        "{A}는 13일 {BF}와 온실가스 감축을 위한 업무협약을 맺었다.",
        {"environment"},
        {"energy"},
        set(),
        "",
    ),
    (
        "온실가스",
        "{A}-{B}, 기후 협력 MOU",
        "{A}는 13일 {BF}와 기후변화 대응 양해각서를 체결했다. 양측은 온실가스 감축 사업을 공동 발굴하고 배출권 거래 정보를 공유한다.",
        {"environment"},
        {"energy"},
        {"finance"},
        "",
    ),
    (
        "탄소나노",
        "{A}, {B}와 탄소나노튜브 소재 협약",
        "{A}는 13일 {BF}와 탄소나노튜브 소재 공동 개발 협약을 체결했다.",
        {"manufacturing"},
        {"environment"},
        set(),
        "탄소나노튜브/탄소섬유 carry 탄소",
    ),
    (
        "탄소섬유",
        "{A}-{B}, 탄소섬유 생산 협약",
        "{A}는 13일 {BF}와 탄소섬유 생산 설비 구축을 위한 투자협약을 체결했다.",
        {"manufacturing"},
        {"environment"},
        {"finance"},
        "",
    ),
    (
        "전력화",
        "{A}, {B}와 K2 전차 협력 MOU",
        "{A}는 13일 {BF}와 K2 전차 현지 생산을 위한 양해각서를 체결했다. 양측은 2030년까지 전차 180대의 전력화를 마친다.",
        {"aerospace_defense"},
        {"energy"},
        {"manufacturing"},
        "전력화 = fielding",
    ),
    (
        "전력증강",
        "{A}-{B}, 해군 전력 증강 협약",
        "{A}는 13일 {BF}와 해군 전력 증강을 위한 방산 협력 협약을 체결했다.",
        {"aerospace_defense"},
        {"energy"},
        {"shipbuilding"},
        "전력 = military strength",
    ),
    (
        "수입income",
        "{A}, {B}와 어촌 소득 협약",
        "{A}는 13일 {BF}와 어촌 관광 활성화 협약을 체결했다. 양측은 체험 프로그램으로 어민 수입을 늘린다.",
        {"culture"},
        {"trade"},
        {"agri_food"},
        "",
    ),
    (
        "수입income",
        "{A}-{B}, 청년 농부 협약",
        "{A}는 13일 {BF}와 청년 농업인 지원 협약을 맺었다. 양측은 스마트팜 교육으로 청년 농부의 수입 안정을 돕는다.",
        {"agri_food"},
        {"trade"},
        {"education_research"},
        "",
    ),
    (
        "조선대",
        "조선대-{B}, 복수학위 협약",
        "조선대학교는 13일 {BF}와 복수학위 운영 협약을 체결했다.",
        {"education_research"},
        {"shipbuilding"},
        set(),
        "",
    ),
    (
        "조선대",
        "{A}, 조선대병원과 의료 협력",
        "{A}는 13일 조선대병원과 {BF}와 함께 의료 협력 협약을 맺었다.",
        {"bio_health"},
        {"shipbuilding"},
        set(),
        "",
    ),
    (
        "해운대",
        "{B}-해운대구, 관광 교류 협약",
        "부산 해운대구는 13일 {BF}와 관광 교류 협약을 체결했다.",
        {"culture"},
        {"shipbuilding"},
        set(),
        "",
    ),
    (
        "해운대",
        "{A}, 해운대서 {B}와 교육 협약",
        "{A}는 13일 해운대 벡스코에서 {BF}와 청소년 교육 교류 협약을 체결했다.",
        {"education_research"},
        {"shipbuilding"},
        set(),
        "",
    ),
    (
        "연수구",
        "인천 연수구-{B}, 스마트시티 협약",
        "인천 연수구는 13일 {BF}와 스마트시티 협력 협약을 체결했다.",
        {"infrastructure"},
        {"education_research"},
        {"ict"},
        "",
    ),
    (
        "수산화",
        "{A}-{B}, 수산화니켈 공급 계약·MOU",
        "{A}는 13일 {BF}와 배터리용 수산화니켈 공급 MOU를 체결했다.",
        {"battery"},
        {"agri_food"},
        {"trade"},
        "",
    ),
    (
        "조류AI",
        "{A}, {B}와 AI 방역 협약",
        "{A}는 13일 {BF}와 고병원성 조류인플루엔자(AI) 방역 협약을 체결했다. 양측은 가금농가 방역을 함께 한다.",
        {"agri_food"},
        {"ai"},
        {"bio_health"},
        "",
    ),
    (
        "바이오가스",
        "{A}-{B}, 바이오가스 생산 협약",
        "{A}는 13일 {BF}와 가축분뇨를 활용한 바이오가스 생산 협약을 체결했다.",
        {"energy"},
        {"bio_health"},
        {"environment", "agri_food"},
        "바이오가스 = energy, not bio",
    ),
    (
        "스포츠",
        "{A}, {B}와 재활 병원 협약",
        "{A}는 13일 {BF}와 스포츠 재활 치료 협력 협약을 체결했다.",
        {"bio_health"},
        set(),
        {"culture"},
        "스포츠 재활: culture arguable",
    ),
]


def e4() -> list[dict]:
    out = []
    for li, (name, t, b_, exp, trap, ok, note) in enumerate(LOOKALIKES):
        for v in range(2):
            a, bfull, b, cc = PAIRS[v]
            fill = lambda s: (
                s.replace("{A}는", j(a, "은/는"))
                .replace("{A}", a)
                .replace("{BF}와", j(bfull, "과/와"))
                .replace("{B}와", j(b, "과/와"))
                .replace("{B}", b)
            )
            out.append(
                dict(
                    id=f"e4-{li}-{name}-v{v}",
                    group="extra",
                    shape=f"E4/lookalike:{name}",
                    title=fill(t),
                    body=fill(b_),
                    is_mou=True,
                    countries=cc,
                    sectors=set(exp),
                    trap=set(trap),
                    ok_extra=set(ok),
                    note=note,
                )
            )
    return out


MULTI = [
    (
        "{A}-{B}, AI·반도체·바이오 협력 MOU",
        "{A}는 13일 {BF}와 인공지능(AI)과 반도체, 바이오 등 3대 첨단산업 협력을 위한 양해각서를 체결했다.",
        {"ai", "semiconductor", "bio_health"},
        set(),
    ),
    (
        "{A}, {B}와 에너지·방산·조선 MOU",
        "{A}는 13일 {BF}와 에너지, 방산, 조선 분야 협력 양해각서 3건을 체결했다.",
        {"energy", "aerospace_defense", "shipbuilding"},
        set(),
    ),
    (
        "{A}-{B}, 수소·원전·배터리 협력",
        "{A}는 13일 {BF}와 수소와 원전, 배터리 분야 협력을 위한 업무협약을 체결했다. 양측은 수소 생산 실증과 소형원전 공동 연구, 배터리 재활용 사업을 추진한다.",
        {"energy", "battery"},
        {"education_research", "environment"},
    ),
    (
        "{A}, {B}와 스마트팜·물관리·교육 협약",
        "{A}는 13일 {BF}와 스마트팜 조성, 상수도 현대화, 직업 교육 등 3개 분야 협약을 체결했다.",
        {"agri_food", "infrastructure", "education_research"},
        set(),
    ),
    (
        "{A}-{B}, 관광·의료·농업 MOU",
        "{A}는 13일 {BF}와 관광과 의료, 농업 분야 교류를 위한 양해각서를 체결했다.",
        {"culture", "bio_health", "agri_food"},
        set(),
    ),
    (
        "{A}, {B}와 금융·ICT 협력",
        "{A}는 13일 {BF}와 핀테크와 정보통신 분야 협력 MOU를 체결했다. 양측은 간편결제와 5G 서비스를 공동 개발한다.",
        {"finance", "ict"},
        set(),
    ),
]


def e5() -> list[dict]:
    out = []
    for mi, (t, b_, exp, ok) in enumerate(MULTI):
        for v in range(3):
            a, bfull, b, cc = PAIRS[v]
            fill = lambda s: (
                s.replace("{A}는", j(a, "은/는"))
                .replace("{A}", a)
                .replace("{BF}와", j(bfull, "과/와"))
                .replace("{B}와", j(b, "과/와"))
                .replace("{B}", b)
            )
            out.append(
                dict(
                    id=f"e5-{mi}-v{v}",
                    group="extra",
                    shape="E5/multi_sector",
                    title=fill(t),
                    body=fill(b_),
                    is_mou=True,
                    countries=cc,
                    sectors=set(exp),
                    ok_extra=set(ok),
                    note="",
                )
            )
    return out


VOCAB_REPEAT = [
    (
        "finance",
        "{A}-{B}, 소상공인 특례보증 협약",
        "{A}는 13일 {BF}와 소상공인 특례보증 지원을 위한 업무협약을 체결했다. 협약에 따라 양측은 소상공인에게 최대 5000만원의 대출 보증을 제공한다. 보증을 받은 소상공인은 1년간 대출 이자의 2%를 지원받는다.",
    ),
    (
        "agri_food",
        "{A}, {B}와 쌀 소비 촉진 협약",
        "{A}는 13일 {BF}와 쌀 소비 촉진을 위한 업무협약을 맺었다. 협약에 따라 양측은 지역 쌀로 만든 도시락과 급식 메뉴를 개발한다. 또 아침밥 먹기 캠페인을 함께 벌인다.",
    ),
    (
        "infrastructure",
        "{A}-{B}, 노후 교량·상수도 정비 협약",
        "{A}는 13일 {BF}와 노후 교량과 상수도 정비를 위한 업무협약을 체결했다. 협약에 따라 양측은 교량 12곳을 보강하고 상수관 40㎞를 교체한다. 터널 안전 점검도 함께 한다.",
    ),
    (
        "aerospace_defense",
        "{A}, {B}와 해군 잠수함·미사일 협력 MOU",
        "{A}는 13일 {BF}와 해군 잠수함과 미사일 협력을 위한 양해각서를 체결했다. 협약에 따라 양측은 잠수함 현지 건조와 함대공 미사일 공동 생산을 추진한다.",
    ),
    (
        "mobility",
        "{A}-{B}, 택시·버스 공동 운영 협약",
        "{A}는 13일 {BF}와 택시와 버스 공동 운영을 위한 업무협약을 체결했다. 협약에 따라 양측은 수요응답형 버스 30대와 택시 호출 서비스를 운영한다. 차량은 {A}가 제공한다.",
    ),
    (
        "environment",
        "{A}, {B}와 플라스틱 줄이기 협약",
        "{A}는 13일 {BF}와 플라스틱 줄이기 협약을 맺었다. 협약에 따라 양측은 다회용 컵을 보급하고 하천 쓰레기를 수거한다. 숲 가꾸기 봉사도 함께 한다.",
    ),
    (
        "beauty",
        "{A}-{B}, 스킨케어·헤어 제품 개발 협약",
        "{A}는 13일 {BF}와 스킨케어와 헤어 제품 공동 개발 협약을 체결했다. 협약에 따라 양측은 피부 진정 크림과 탈모 샴푸를 함께 내놓는다.",
    ),
    (
        "security",
        "{A}, {B}와 해킹·개인정보 유출 대응 협약",
        "{A}는 13일 {BF}와 해킹과 개인정보 유출 공동 대응 협약을 체결했다. 협약에 따라 양측은 CCTV 관제 정보를 공유하고 해킹 사고 발생 시 함께 대응한다.",
    ),
    (
        "education_research",
        "{A}-{B}, 장학·현장실습 협약",
        "{A}는 13일 {BF}와 장학금 지원과 현장실습 확대를 위한 업무협약을 체결했다. 협약에 따라 양측은 학생 50명에게 장학금을 주고 실습 기회를 제공한다.",
    ),
    (
        "shipbuilding",
        "{A}, {B}와 컨테이너선·선원 협력",
        "{A}는 13일 {BF}와 컨테이너선 발주와 선원 양성을 위한 업무협약을 체결했다. 협약에 따라 양측은 선사 전용 부두를 함께 운영한다.",
    ),
]


def e6() -> list[dict]:
    out = []
    for vi, (sec, t, b_) in enumerate(VOCAB_REPEAT):
        for v in range(2):
            a, bfull, b, cc = PAIRS[v]
            fill = lambda s: (
                s.replace("{A}는", j(a, "은/는"))
                .replace("{A}가", j(a, "이/가"))
                .replace("{A}", a)
                .replace("{BF}와", j(bfull, "과/와"))
                .replace("{B}와", j(b, "과/와"))
                .replace("{B}", b)
            )
            ok = {"education_research"} if sec == "shipbuilding" else set()
            out.append(
                dict(
                    id=f"e6-{sec}-v{v}",
                    group="extra",
                    shape="E6/vocab_repeated",
                    title=fill(t),
                    body=fill(b_),
                    is_mou=True,
                    countries=cc,
                    sectors={sec},
                    ok_extra=ok,
                    note="only broad (non-cue) words, repeated",
                )
            )
    return out


HOPES = [
    (
        "{A}-{B}, 관광 교류 협약",
        "{A}는 13일 {BF}와 관광 교류 협약을 체결했다. {A} 관계자는 앞으로 반도체와 바이오 분야로도 협력을 넓혀 가겠다고 밝혔다.",
        {"culture"},
        {"semiconductor", "bio_health"},
    ),
    (
        "{A}-{B}, 관광 교류 협약",
        "{A}는 13일 {BF}와 관광 교류 협약을 체결했다. 양측은 향후 수소 에너지와 자동차 분야로 협력을 확대할 계획이다.",
        {"culture"},
        {"energy", "mobility"},
    ),
    (
        "{A}, {B}와 스마트팜 협약",
        "{A}는 13일 {BF}와 스마트팜 협력 협약을 체결했다. 김영수 {A} 대표는 이번 협약이 AI와 로봇 분야 협력의 마중물이 될 것이라고 강조했다.",
        {"agri_food"},
        {"ai", "robotics"},
    ),
    (
        "{A}, {B}와 스마트팜 협약",
        "{A}는 13일 {BF}와 스마트팜 협력 협약을 체결했다. 양측은 추후 방산과 조선 분야 협력도 논의하기로 했다.",
        {"agri_food"},
        {"aerospace_defense", "shipbuilding"},
    ),
]


def e7() -> list[dict]:
    out = []
    for hi, (t, b_, exp, trap) in enumerate(HOPES):
        for v in range(3):
            a, bfull, b, cc = PAIRS[v]
            fill = lambda s: (
                s.replace("{A}는", j(a, "은/는"))
                .replace("{A}", a)
                .replace("{BF}와", j(bfull, "과/와"))
                .replace("{B}와", j(b, "과/와"))
                .replace("{B}", b)
            )
            out.append(
                dict(
                    id=f"e7-{hi}-v{v}",
                    group="extra",
                    shape="E7/future_hope_indirect",
                    title=fill(t),
                    body=fill(b_),
                    is_mou=True,
                    countries=cc,
                    sectors=set(exp),
                    trap=set(trap),
                    ok_extra=set(),
                    note="future/hoped fields are not the signed deal's; a reader might include 'will expand to'",
                )
            )
    return out


TOPIC = [
    (
        "[기획] 반도체 수출 두 달째 감소… 업계 '비상'",
        "반도체 수출이 두 달 연속 감소했다. 한편 {A}는 13일 {BF}와 쌀 소비 촉진을 위한 업무협약을 체결했다.",
        {"agri_food"},
        {"semiconductor", "trade"},
    ),
    (
        "전기차 캐즘 장기화… 배터리 3사 실적 '빨간불'",
        "전기차 수요 둔화가 길어지고 있다. 이런 가운데 {A}는 13일 {BF}와 관광 교류 협약을 체결했다.",
        {"culture"},
        {"mobility", "battery"},
    ),
    (
        "원전 수출 '청신호'… 체코 이어 폴란드도",
        "원전 수출 기대가 커지고 있다. {A}는 같은 날 {BF}와 청소년 교육 교류 협약을 체결했다.",
        {"education_research"},
        {"energy", "trade"},
    ),
    (
        "조선업 인력난 심화… '외국인 근로자 확대해야'",
        "조선업계 인력난이 심해지고 있다. 한편 {A}는 13일 {BF}와 관광 활성화 업무협약을 맺었다.",
        {"culture"},
        {"shipbuilding"},
    ),
]


def e8() -> list[dict]:
    out = []
    for ti, (t, b_, exp, trap) in enumerate(TOPIC):
        for v in range(3):
            a, bfull, b, cc = PAIRS[v]
            fill = lambda s: (
                s.replace("{A}는", j(a, "은/는"))
                .replace("{A}", a)
                .replace("{BF}와", j(bfull, "과/와"))
                .replace("{B}", b)
            )
            out.append(
                dict(
                    id=f"e8-{ti}-v{v}",
                    group="extra",
                    shape="E8/headline_other_topic",
                    title=t,
                    body=fill(b_),
                    is_mou=True,
                    countries=cc,
                    sectors=set(exp),
                    trap=set(trap),
                    ok_extra=set(),
                    note="",
                )
            )
    return out


def extra_cases() -> list[dict]:
    return e1() + e2() + e3() + e4() + e5() + e6() + e7() + e8()


INVEST = [  # plant investment agreements: LABELS lists 투자 as a finance cue; the code treats it as broad
    (
        "{A}, {B}와 2000억원 규모 배터리 소재 공장 투자협약",
        "{A}는 13일 {BF}와 2000억원 규모 이차전지 양극재 공장 신설을 위한 투자협약을 체결했다.",
        {"battery"},
        {"finance", "manufacturing"},
    ),
    (
        "{A}-{B}, 반도체 장비 공장 투자협약",
        "{A}는 13일 {BF}와 반도체 장비 생산공장 건립을 위한 투자협약을 체결했다. 회사는 2027년까지 1500억원을 투자한다.",
        {"semiconductor"},
        {"finance", "manufacturing"},
    ),
    (
        "{A}, {B}와 식품 공장 투자협약",
        "{A}는 13일 {BF}와 500억원 규모 식품 제조공장 건립 투자협약을 맺었다.",
        {"agri_food"},
        {"finance", "manufacturing"},
    ),
    (
        "{A}-{B}, 데이터센터 투자협약",
        "{A}는 13일 {BF}와 1조원 규모 AI 데이터센터 건립을 위한 투자협약을 체결했다.",
        {"ai"},
        {"finance", "infrastructure"},
    ),
]


def e9() -> list[dict]:
    out = []
    for ii, (t, b_, exp, ok) in enumerate(INVEST):
        for v in range(2):
            a, bfull, b, cc = PAIRS[v]
            fill = lambda s: (
                s.replace("{A}는", j(a, "은/는"))
                .replace("{A}", a)
                .replace("{BF}와", j(bfull, "과/와"))
                .replace("{B}와", j(b, "과/와"))
                .replace("{B}", b)
            )
            out.append(
                dict(
                    id=f"e9-{ii}-v{v}",
                    group="extra",
                    shape="E9/plant_investment",
                    title=fill(t),
                    body=fill(b_),
                    is_mou=True,
                    countries=cc,
                    sectors=set(exp),
                    ok_extra=set(ok),
                    note="DEBATABLE: 투자 is a LABELS finance cue; finance/manufacturing both defensible",
                )
            )
    return out


def e10() -> list[dict]:
    from cases_clear import TOPICS

    out = []
    for si, (sec, topics) in enumerate(TOPICS.items()):
        for ti in (0, len(topics) - 1):  # first (cue) and last (mostly vocab) topic
            hl, _, _, kind, exp, ok, note = topics[ti]
            a, bfull, b, cc = PAIRS[(si + ti) % 3]
            out.append(
                dict(
                    id=f"e10-{sec}-{ti}",
                    group="extra",
                    shape=f"E10/headline_only/{kind}",
                    title=f"{a}-{b}, {hl} MOU 체결",
                    body="",
                    is_mou=True,
                    countries=(() if b == "오카다상사" else cc),
                    sectors=set(exp),
                    ok_extra=set(ok),
                    note="headline only",
                )
            )
    return out


_old_extra = extra_cases


def extra_cases() -> list[dict]:
    return _old_extra() + e9() + e10()
