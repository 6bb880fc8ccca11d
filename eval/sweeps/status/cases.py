"""Invented Korean news cases about WHEN/WHETHER a signing happened.

Each template is a function of (A, B) -> (title, [sentences], exp_mou, exp_countries, note).
A is a Korean organisation, B a foreign one (with its country code). Every template is rendered
with several name pairs and in a short (feed lead) and long (padded article) form.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

KST = dt.timezone(dt.timedelta(hours=9))
P = dt.datetime(2025, 5, 14, 9, tzinfo=dt.UTC)  # 18:00 KST, 13일 = yesterday
P_JAN = dt.datetime(2025, 1, 3, 9, tzinfo=dt.UTC)
P_JUN = dt.datetime(2025, 6, 2, 9, tzinfo=dt.UTC)


def _batchim(word: str) -> bool | None:
    ch = word.rstrip(")’”'\" ")[-1]
    if "가" <= ch <= "힣":
        return (ord(ch) - 0xAC00) % 28 != 0
    return ch.upper() in "LMNR0136789"  # rough for latin / digits


def j(word: str, pair: str) -> str:
    a, b = pair.split("/")  # "은/는": a after batchim, b after vowel
    return word + (a if _batchim(word) else b)


@dataclass(frozen=True)
class Org:
    name: str
    cc: str = ""
    short: str = ""  # the name without the country word, for later mentions

    @property
    def s(self) -> str:
        return self.short or self.name

    def __getattr__(self, item: str) -> str:  # A.eun, A.wa, A.ga, A.reul, A.ui
        forms = {
            "eun": "은/는",
            "wa": "과/와",
            "ga": "이/가",
            "reul": "을/를",
            "ui": "의/의",
            "ro": "으로/로",
        }
        if item in forms:
            return j(self.name, forms[item])
        if item.startswith("s_") and item[2:] in forms:
            return j(self.s, forms[item[2:]])
        raise AttributeError(item)


KOREAN = [
    Org("한빛에너지"),
    Org("대성정밀"),
    Org("누리바이오"),
    Org("세진중공업"),
]
FOREIGN = [
    Org("베트남 빈그룹", "VN", "빈그룹"),
    Org("독일 지멘스", "DE", "지멘스"),
    Org("사우디아라비아 국영석유회사 아람코", "SA", "아람코"),
    Org("일본 미쓰이물산", "JP", "미쓰이물산"),
]
# A second foreign party that must NOT be listed (background / planned / cancelled deal).
OTHER = [
    Org("태국 PTT그룹", "TH", "PTT그룹"),
    Org("프랑스 탈레스", "FR", "탈레스"),
    Org("인도네시아 국영전력공사", "ID", "국영전력공사"),
    Org("캐나다 CAE", "CA", "CAE"),
]

FILLER = [
    "업계에서는 이번 협력이 관련 산업 생태계 전반에 긍정적인 영향을 줄 것으로 기대하고 있다.",
    "{A} 관계자는 “양측의 강점을 살려 실질적인 성과를 만들어 내겠다”고 말했다.",
    "{A}는 국내외 고객사를 대상으로 제품 공급을 꾸준히 늘려 왔다.",
    "한편 {A}는 올해 연구개발 인력을 대폭 확충한다.",
]
# Neutral sentences that put a passing mention deep in a story about something else.
STORY = [
    "올해 대학 입시에서 지역 거점 대학의 경쟁률이 눈에 띄게 올랐다.",
    "교육부는 지방대 육성 예산을 확대하겠다고 밝혔다.",
    "수험생들은 취업률과 장학금 혜택을 주요 선택 기준으로 꼽았다.",
    "입학처 관계자는 “해외 교류 프로그램에 대한 문의가 많다”고 전했다.",
]

T: list = []  # (shape, group, fn, published)


def case(shape: str, group: str, published: dt.datetime = P, long_ok: bool = True):
    def deco(fn):
        T.append((shape, group, fn, published, long_ok))
        return fn

    return deco


# ------------------------------------------------------------------ signed now (True)
@case("S01 N일 체결했다고 N일 밝혔다", "signed")
def _(A, B, C):
    return (
        f"{A.name}, {B.s}{'와' if not _batchim(B.s) else '과'} 업무협약",
        [f"{A.eun} 13일 {B.wa} 친환경 설비 공동 개발을 위한 업무협약을 체결했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("S02 이날 협약식을 가졌다", "signed")
def _(A, B, C):
    return (
        f"{A.name}·{B.s}, 기술협력 맞손",
        [
            f"{A.wa} {B.eun} 이날 서울 본사에서 기술협력 협약식을 가졌다.",
            "협약에 따라 양측은 공동 연구와 인력 교류를 추진한다.",
        ],
        True,
        [B.cc],
    )


@case("S03 이날 협약식을 열었다 (neutral title)", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 사업 확대 속도",
        [f"{A.eun} 14일 {B.wa} 스마트공장 구축 협력을 위한 협약식을 열었다고 밝혔다."],
        True,
        [B.cc],
    )


@case("S04 전날 서명했다", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 강화",
        [f"{A.eun} 전날 {B.wa} 수소 공급망 구축에 관한 양해각서(MOU)에 서명했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("S05 지난 13일 맺었다", "signed")
def _(A, B, C):
    return (
        f"{A.name} “해외 협력 넓힌다”",
        [f"{A.eun} 지난 13일 {B.wa} 배터리 재활용 협력 MOU를 맺었다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("S06 (현지시간) 체결했다", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 현지 공략 본격화",
        [f"{A.eun} 12일(현지시간) 현지에서 {B.wa} 공동 마케팅을 위한 업무협약을 체결했다."],
        True,
        [B.cc],
    )


@case("S07 최근 체결했다 (lead)", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 글로벌 시장 공략 가속",
        [f"{A.eun} 최근 {B.wa} 공동 연구개발 협약을 체결했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("S08 협약서를 교환했다", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.wa} {B.eun} 13일 서울 중구 롯데호텔에서 전략적 협력 협약서를 교환했다."],
        True,
        [B.cc],
    )


@case("S09 협약서를 주고받았다", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.wa} {B.eun} 13일 서울에서 협력 의향서(LOI)를 주고받았다."],
        True,
        [B.cc],
    )


@case("S10 손을 맞잡았다 + 협약으로", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [
            f"{A.wa} {B.ga} 친환경 선박 개발을 위한 업무협약으로 손을 맞잡았다.",
            f"{A.eun} 13일 이같이 밝히고 {B.wa} 공동 연구를 시작한다고 전했다.",
        ],
        True,
        [B.cc],
    )


@case("S11 손을 맞잡았다 + 업무협약을 통해 (handshake verb only)", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.wa} {B.ga} 13일 업무협약을 통해 손을 맞잡았다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("S12 체결, ~에 나선다 (comma form)", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 공략 본격화",
        [f"{A.eun} 13일 {B.wa} 업무협약을 체결, 현지 시장 공략에 나선다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("S13 체결하게 됐다", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} {B.wa} 친환경 소재 공급에 관한 업무협약을 체결하게 됐다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("S14 체결함에 따라", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [
            f"{A.eun} 13일 {B.wa} 기술협력 협약을 체결함에 따라 현지 생산을 본격화한다고 14일 밝혔다."
        ],
        True,
        [B.cc],
    )


@case("S15 체결에 성공했다", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 13일 {B.wa} 공동개발 양해각서(MOU) 체결에 성공했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("S16 서명을 마쳤다", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.wa} {B.eun} 13일 서울에서 협력 양해각서 서명을 마쳤다."],
        True,
        [B.cc],
    )


@case("S17 체결식이 13일 열렸다", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.wa} {B.ui} 기술협력 업무협약 체결식이 13일 서울 본사에서 열렸다."],
        True,
        [B.cc],
    )


@case("S18 caption only (old-style lead topic absent)", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 유럽 공략 가속",
        [
            f"{A.s} 대표(오른쪽)와 {B.s} 관계자가 13일 서울 본사에서 {B.name}과의 업무협약을 체결하고 기념촬영을 하고 있다.",
            f"{A.eun} 올해 해외 매출 비중을 50%까지 끌어올린다는 목표다.",
        ],
        True,
        [B.cc],
    )


@case("S19 caption only, title A-B 업무협약", "signed")
def _(A, B, C):
    return (
        f"[포토] {A.name}-{B.s} 업무협약",
        [f"{A.s} 대표(오른쪽)와 {B.name} 관계자가 13일 업무협약을 체결하고 기념촬영을 하고 있다."],
        True,
        [B.cc],
    )


@case("S20 headline 'A-B 업무협약', empty-ish body", "signed", long_ok=False)
def _(A, B, C):
    return (f"{A.name}-{B.name} 업무협약", [], True, [B.cc])


@case("S21 headline 'A, B와 MOU', empty body", "signed", long_ok=False)
def _(A, B, C):
    return (f"{A.name}, {B.wa} MOU", [], True, [B.cc])


@case("S22 headline 'A, B와 MOU' + body without verb", "signed", long_ok=False)
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} MOU",
        [f"{A.eun} {B.wa} 현지 유통망 확대를 위한 협력에 나선다."],
        True,
        [B.cc],
    )


@case("S23 [특징주] MOU 체결에 강세", "signed")
def _(A, B, C):
    return (
        f"[특징주] {A.name}, {B.wa} MOU 체결에 강세",
        [
            f"{A.name} 주가가 장 초반 강세다.",
            f"{A.ga} {B.wa} 공동 사업 추진을 위한 양해각서(MOU)를 체결했다는 소식이 전해지면서 매수세가 몰렸다.",
        ],
        True,
        [B.cc],
    )


@case("S24 follow-up 체결 소식에 급등 (no date)", "signed")
def _(A, B, C):
    return (
        f"{A.name} 주가 급등",
        [
            f"{A.name} 주가가 14일 장중 20% 넘게 올랐다.",
            f"{B.wa}의 MOU 체결 소식에 투자심리가 살아났다는 분석이다.",
        ],
        True,
        [B.cc],
    )


@case("S25 passing mention 이달 in unrelated feature (deep body)", "signed")
def _(A, B, C):
    return (
        "지방대 입시 경쟁률 상승…해외 교류 프로그램 인기",
        STORY
        + [f"한편 {A.s}대학교는 이달 {B.name.split()[0]} 5개 대학과 학생 교류 MOU를 체결했다."],
        True,
        [B.cc],
    )


@case("S26 passing mention 최근 closing line", "signed")
def _(A, B, C):
    return (
        "지방대 입시 경쟁률 상승…해외 교류 프로그램 인기",
        STORY + [f"한편 {A.eun} 최근 {B.wa} 인력 교류 업무협약을 맺었다."],
        True,
        [B.cc],
    )


@case("S27 passing mention 이달 초", "signed")
def _(A, B, C):
    return (
        "지방대 입시 경쟁률 상승…해외 교류 프로그램 인기",
        STORY + [f"한편 {A.eun} 이달 초 {B.wa} 인력 교류 업무협약을 맺었다."],
        True,
        [B.cc],
    )


@case("S28 passing mention 지난 2일 (12 days)", "signed")
def _(A, B, C):
    return (
        "지방대 입시 경쟁률 상승…해외 교류 프로그램 인기",
        STORY + [f"{A.eun} 지난 2일 {B.wa} 인력 교류 협약을 체결하기도 했다."],
        True,
        [B.cc],
    )


@case("S29 domestic safety story: 협약을 체결하고 점검 강화 (이달)", "signed")
def _(A, B, C):
    return (
        "여름철 물놀이 시설 안전점검 강화",
        [
            "시는 여름철을 앞두고 관내 물놀이 시설에 대한 안전점검을 강화한다고 14일 밝혔다.",
            "시는 이달 시험기관 3곳과 업무협약을 체결하고 수질 검사 주기를 월 2회로 늘렸다.",
            "점검 결과는 시 홈페이지에 공개된다.",
        ],
        True,
        [],
    )


@case("S30 signed + background other country (지난해 ... 맺은 바 있다)", "signed")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} 업무협약",
        [
            f"{A.eun} 13일 {B.wa} 공동 연구 협약을 체결했다고 14일 밝혔다.",
            f"{A.eun} 지난해 {C.wa}도 업무협약을 맺은 바 있다.",
        ],
        True,
        [B.cc],
    )


@case("S31 signed + planned other country (오는 20일 체결할 예정)", "signed")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} 업무협약",
        [
            f"{A.eun} 13일 {B.wa} 공동 연구 협약을 체결했다고 14일 밝혔다.",
            f"{A.eun} 오는 20일에는 {C.wa} 협약을 체결할 예정이다.",
        ],
        True,
        [B.cc],
    )


@case("S32 signed + cancelled other country (해지)", "signed")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} 업무협약",
        [
            f"{A.eun} 13일 {B.wa} 공동 연구 협약을 체결했다고 14일 밝혔다.",
            f"앞서 {A.eun} {C.wa} 체결한 협약을 지난달 해지했다.",
        ],
        True,
        [B.cc],
    )


@case("S33 award ceremony + signing the same day", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 수출유공 대통령 표창",
        [
            f"{A.eun} 13일 열린 무역의 날 기념식에서 대통령 표창을 받았다.",
            f"{A.eun} 이날 행사장에서 {B.wa} 수출 확대를 위한 업무협약도 체결했다.",
        ],
        True,
        [B.cc],
    )


@case("S34 joint statement + MOUs signed", "signed")
def _(A, B, C):
    return (
        "정상회담 계기 경제협력 MOU 잇따라",
        [
            "양국 정상은 13일 정상회담을 갖고 공동성명을 채택했다.",
            f"이날 회담을 계기로 {A.wa} {B.eun} 에너지 협력 양해각서를 체결했다.",
        ],
        True,
        [B.cc],
    )


@case("S35 협약식 + 'A, B와 손잡고' title + 진행한다 after 갖고", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 기업과 손잡고 공동 연구",
        [f"{A.wa} {B.eun} 13일 본사에서 업무협약식을 갖고 내년부터 공동 연구를 진행한다."],
        True,
        [B.cc],
    )


@case("S36 체결하면서 ... 가속화될 것으로 보인다 (speculative tail)", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 진출 탄력",
        [f"{A.ga} 13일 {B.wa} 공급 협약을 체결하면서 해외 진출이 가속화될 것으로 보인다."],
        True,
        [B.cc],
    )


@case("S37 맺고 ... 계획이다 (no date in sentence)", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} {B.wa} 전략적 제휴 협약을 맺고 현지 합작법인을 설립할 계획이다."],
        True,
        [B.cc],
    )


@case("S38 13일 열린 협약식에서 양측은 지원 대상을 (award-word trap)", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [
            f"{A.eun} 해외 판로 개척에 속도를 낸다.",
            f"13일 서울 본사에서 열린 {B.name} 협약식에서 양측은 지원 대상을 중소기업 100곳으로 정했다.",
        ],
        True,
        [B.cc],
    )


@case("S39 quoted-only signing with A-B MOU title", "signed")
def _(A, B, C):
    return (
        f"{A.name}-{B.s} MOU",
        [f"{A.s} 대표는 “이번에 {B.wa} MOU를 체결해 기쁘다”고 말했다."],
        True,
        [B.cc],
    )


# ------------------------------------------------------------------ substring / semantic traps (True)
@case("X01 '하반기 중소기업' read as 하반기 중 (future)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [
            f"{A.eun} 13일 {B.wa} 하반기 중소기업 수출 지원을 위한 업무협약을 체결했다고 14일 밝혔다."
        ],
        True,
        [B.cc],
    )


@case("X02 '이달 중국 X사와' read as 이달 중 (future)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 中 시장 공략",
        [f"{A.eun} 이달 중국 하이얼그룹과 가전 부품 공급 업무협약을 체결했다고 14일 밝혔다."],
        True,
        ["CN"],
    )


@case("X03 '이달 안전' read as 이달 안 (future)", "trap")
def _(A, B, C):
    return (
        "여름철 물놀이 시설 안전점검 강화",
        [f"시는 이달 안전 취약시설 점검을 위해 {B.wa} 업무협약을 체결했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("X04 '내달리는' read as 내달 (future)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"성장 가도를 내달리는 {A.eun} 13일 {B.wa} 업무협약을 체결했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("X05 '향후 5년간 ~ 투자하는 협약을 체결했다' (future word modifies content)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 경북에 5천억 투자",
        [
            f"{A.eun} 13일 경상북도와 향후 5년간 5천억원을 투자해 공장을 짓는 투자협약을 체결했다고 14일 밝혔다."
        ],
        True,
        [],
    )


@case("X06 '내년까지 ~ 조성하는 협약을 체결했다'", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 경북에 5천억 투자",
        [f"{A.eun} 13일 경상북도와 내년까지 구미에 이차전지 공장을 조성하는 투자협약을 체결했다."],
        True,
        [],
    )


@case("X07 '오는 2027년까지 ~' in signed sentence", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 경북에 5천억 투자",
        [f"{A.eun} 13일 경상북도와 오는 2027년까지 5천억원을 투자하는 투자협약을 체결했다."],
        True,
        [],
    )


@case("X08 '기술이전에 관한 협약' (이전에 = background)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 기술이전 협약",
        [f"{A.eun} 13일 {B.wa} 특허 기술이전에 관한 협약을 체결했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("X09 '본사 이전에 따른' 투자협약", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 나주로 본사 이전",
        [f"{A.eun} 13일 나주시와 본사 이전에 따른 지역상생 업무협약을 체결했다."],
        True,
        [],
    )


@case("X10 place 거제시 연초면 (연초 = background)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 거제에 공장 신설",
        [f"{A.eun} 13일 거제시와 연초면 일대에 친환경 선박 부품 공장을 짓는 투자협약을 체결했다."],
        True,
        [],
    )


@case("X11 '그동안 쌓아온 노하우로' (그동안 = background)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 그동안 쌓아온 기술력을 바탕으로 {B.wa} 업무협약을 체결했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("X12 '지난해 설립된 B와' (지난해 modifies the partner)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [
            f"{A.eun} 13일 지난해 설립된 {B.s} 현지법인과 업무협약을 체결했다고 14일 밝혔다.".replace(
                B.s, B.name
            )
        ],
        True,
        [B.cc],
    )


@case("X13 '지난해 매출 1조원을 올린 A는 13일' (지난해 modifies subject)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"지난해 매출 1조원을 올린 {A.eun} 13일 {B.wa} 업무협약을 체결했다."],
        True,
        [B.cc],
    )


@case("X14 '1987년 설립된 B와' (year modifies the partner)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 13일 1987년 설립된 {B.wa} 업무협약을 체결했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("X15 '시대를 앞서가는' (앞서 = background) without recent date", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 시대를 앞서가는 친환경 기술 확보를 위해 {B.wa} 업무협약을 체결했다고 밝혔다."],
        True,
        [B.cc],
    )


@case("X16 '한발 앞서' + 최근", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"경쟁사보다 한발 앞서 현지 시장을 선점하기 위해 {A.eun} 최근 {B.wa} 업무협약을 맺었다."],
        True,
        [B.cc],
    )


@case("X17 '~로 선정된 바 있는 B와' (바 있 = background verb)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 세계 100대 혁신기업으로 선정된 바 있는 {B.wa} 업무협약을 체결했다고 밝혔다."],
        True,
        [B.cc],
    )


@case("X18 '해당시설' (당시 = background)", "trap")
def _(A, B, C):
    return (
        "여름철 물놀이 시설 안전점검 강화",
        [f"시는 해당시설 안전관리를 위해 {B.wa} 업무협약을 체결했다고 밝혔다."],
        True,
        [B.cc],
    )


@case("X19 crime-word substrings: 우수사례/우선고용/고소득/야영장 (4 kinds)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 가평에 리조트 짓는다",
        [
            f"{A.eun} 13일 가평군과 야영장과 수영장을 갖춘 체류형 리조트를 조성하는 투자협약을 체결했다고 14일 밝혔다.",
            "협약에 따라 회사는 지역인재 우선고용을 통해 고소득 일자리 300개를 만든다.",
            "군은 이번 협약이 민관 협력의 우수사례가 될 것으로 기대했다.",
        ],
        True,
        [],
    )


@case("X20 crime-word substrings: 주사기/대상고객/우수사례/공공소프트웨어", "trap")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} 업무협약",
        [
            f"{A.eun} 13일 {B.wa} 의료용 주사기 공동 개발을 위한 업무협약을 체결했다고 14일 밝혔다.",
            "양측은 병원 대상고객을 중심으로 판로를 넓히고, 공공소프트웨어 기반 재고관리 시스템도 함께 도입한다.",
            "업계는 이번 협력을 대·중소기업 상생의 우수사례로 평가했다.",
        ],
        True,
        [B.cc],
    )


@case("X21 '농협 단위조합' (위조 = negated)", "trap")
def _(A, B, C):
    return (
        f"농협, {B.name.split()[0]} 기업과 교류 협약",
        [f"농협 단위조합 10곳은 13일 {B.wa} 농산물 교류 업무협약을 체결했다."],
        True,
        [B.cc],
    )


@case("X22 '경위조사'/'하위조직' in the signing sentence", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 13일 {B.ui} 하위조직인 연구소와 공동연구 협약을 체결했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("X23 title 'MOU 체결' + body mentions '추진' elsewhere (plan word in other sentence)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} MOU 체결",
        [
            f"{A.eun} 13일 {B.wa} 수소 협력 MOU를 체결했다고 14일 밝혔다.",
            "양측은 내년 상반기 현지 합작법인 설립을 추진할 예정이다.",
        ],
        True,
        [B.cc],
    )


@case("X24 '이달 말레이시아 X와' (이달 말 excluded from anchors)", "trap")
def _(A, B, C):
    return (
        "지방대 입시 경쟁률 상승…해외 교류 프로그램 인기",
        STORY + [f"한편 {A.eun} 이달 말레이시아 국립대와 인력 교류 업무협약을 맺었다."],
        True,
        ["MY"],
    )


@case("X25 '연내 착공을 목표로 ~ 협약을 체결했다'", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 새만금에 공장",
        [f"{A.eun} 13일 새만금개발청과 연내 착공을 목표로 하는 공장 신설 투자협약을 체결했다."],
        True,
        [],
    )


@case("X26 year-boundary: 지난해 12월 30일 in a Jan 3 story", "trap", published=P_JAN)
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} 업무협약",
        [f"{A.eun} 지난해 12월 30일 {B.wa} 공동 연구 협약을 체결했다고 3일 밝혔다."],
        True,
        [B.cc],
    )


@case("X27 year-boundary: 2024년 12월 31일 in a Jan 3 story", "trap", published=P_JAN)
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 2024년 12월 31일 {B.wa} 공동 연구 협약을 체결했다고 3일 밝혔다."],
        True,
        [B.cc],
    )


@case("X28 month-boundary: 지난달 30일 in a Jun 2 story", "trap", published=P_JUN)
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 지난달 30일 {B.wa} 공동 연구 협약을 체결했다고 2일 밝혔다."],
        True,
        [B.cc],
    )


@case("X29 '지난 4월 문을 연 B 센터와' (month modifies the partner)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [
            f"{A.eun} 13일 지난 3월 문을 연 {B.s} 한국 연구센터와 업무협약을 체결했다.".replace(
                B.s, B.name
            )
        ],
        True,
        [B.cc],
    )


@case("X30 '과거 ~였던 B와' (과거 modifies the partner)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 13일 과거 국영기업이었던 {B.wa} 업무협약을 체결했다."],
        True,
        [B.cc],
    )


# ------------------------------------------------------------------ planned (False)
@case("P01 체결할 예정이다", "planned")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 추진",
        [f"{A.eun} 오는 20일 {B.wa} 업무협약을 체결할 예정이다."],
        False,
        [],
    )


@case("P02 오는 20일 체결한다", "planned")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} MOU 맺는다",
        [f"{A.wa} {B.eun} 오는 20일 서울에서 기술협력 양해각서(MOU)를 체결한다."],
        False,
        [],
    )


@case("P03 체결하기로 했다", "planned")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} {B.wa} 공동 연구를 위한 업무협약을 체결하기로 했다고 14일 밝혔다."],
        False,
        [],
    )


@case("P04 체결을 추진한다", "planned")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} MOU 추진",
        [f"{A.eun} {B.wa} 수소 협력 양해각서 체결을 추진하고 있다고 14일 밝혔다."],
        False,
        [],
    )


@case("P05 협약식을 열 예정이다", "planned")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.wa} {B.eun} 다음 달 초 서울에서 업무협약식을 열 예정이다."],
        False,
        [],
    )


@case("P06 맺을 계획이다 (연내)", "planned")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 연내 {B.wa} 전략적 제휴 협약을 맺을 계획이다."],
        False,
        [],
    )


@case("P07 체결을 앞두고 있다", "planned")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} {B.wa} 합작 투자 협약 체결을 앞두고 있다."],
        False,
        [],
    )


@case("P08 title 'MOU 체결' over body '체결할 예정'", "planned")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} MOU 체결",
        [f"{A.eun} 오는 20일 {B.wa} 공동 연구 MOU를 체결할 예정이라고 14일 밝혔다."],
        False,
        [],
    )


@case("P09 체결키로", "planned")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} MOU 체결키로",
        [f"{A.wa} {B.eun} 내달 공동 연구 MOU를 체결키로 합의했다."],
        False,
        [],
    )


@case("P10 체결을 위해 방한", "planned")
def _(A, B, C):
    return (
        f"{B.s} 대표단 방한",
        [
            f"{B.s} 대표단이 {A.wa}의 업무협약 체결을 위해 13일 방한했다.".replace(
                f"{B.s} 대표단이", f"{B.name} 대표단이"
            )
        ],
        False,
        [],
    )


@case("P11 '내년 체결 목표' title", "planned")
def _(A, B, C):
    return (
        f"{A.name}-{B.s}, 합작 협약 내년 체결 목표",
        [f"{A.wa} {B.eun} 합작법인 설립 협약을 내년 상반기까지 체결하는 것을 목표로 협상 중이다."],
        False,
        [],
    )


@case("P12 same-day announcement 'N일 체결한다고 밝혔다' (debatable)", "planned-debatable")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 14일 {B.wa} 업무협약을 체결한다고 밝혔다."],
        True,
        [B.cc],
    )


@case("P13 체결식이 열린다", "planned")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.wa} {B.ui} 업무협약 체결식이 오는 20일 서울에서 열린다."],
        False,
        [],
    )


@case("P14 MOU 체결 전망 (speculative, no date)", "planned")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} 손잡나",
        [f"{A.ga} {B.wa} 공동 개발 양해각서를 체결할 것으로 알려졌다."],
        False,
        [],
    )


# ------------------------------------------------------------------ background (False)
@case("B01 지난해 체결한 협약에 따라 (story about a result)", "background")
def _(A, B, C):
    return (
        f"{A.name}, 해외 첫 수주",
        [
            f"{A.eun} {B.wa} 1천억원 규모의 장비 공급 계약을 따냈다고 14일 밝혔다.",
            f"이번 수주는 지난해 {B.wa} 체결한 협약에 따른 것이다.",
        ],
        False,
        [],
    )


@case("B02 2019년 체결한 협약에 따라", "background")
def _(A, B, C):
    return (
        f"{A.name}, 장학금 전달",
        [f"{A.eun} 2019년 {B.wa} 체결한 협약에 따라 올해도 장학금 1억원을 전달했다고 14일 밝혔다."],
        False,
        [],
    )


@case("B03 체결한 바 있다 (closing line, story about a visit)", "background")
def _(A, B, C):
    return (
        f"{B.s} 대표단, {A.name} 방문",
        [
            f"{B.name} 대표단이 13일 {A.s} 본사를 방문해 생산 현장을 둘러봤다.",
            "양측은 협력 관계를 이어가고 있으며, 업무협약을 체결한 바 있다.",
        ],
        False,
        [],
    )


@case("B04 앞서 ~ 맺었다 (story about a visit)", "background")
def _(A, B, C):
    return (
        f"{B.s} 대표단, {A.name} 방문",
        [
            f"{B.name} 대표단이 13일 {A.s} 본사를 방문해 생산 현장을 둘러봤다.",
            "앞서 양측은 기술협력 업무협약을 맺었다.",
        ],
        False,
        [],
    )


@case("B05 지난달 5일 (39 days) in lead", "background")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 성과",
        [
            f"{A.eun} 지난달 5일 {B.wa} 업무협약을 체결한 이후 첫 공동 제품을 출시했다고 14일 밝혔다."
        ],
        False,
        [],
    )


@case("B06 지난달 5일 체결했다 (plain past, 39 days)", "background")
def _(A, B, C):
    return (
        f"{A.name}, 해외 진출 성과",
        [
            f"{A.eun} 현지 매장 10곳을 새로 열었다고 14일 밝혔다.",
            f"{A.eun} 지난달 5일 {B.wa} 유통 협약을 체결했다.",
        ],
        False,
        [],
    )


@case("B07 MOU 체결 1년 만에 첫 수주 (title)", "background")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} MOU 체결 1년 만에 첫 수주",
        [
            f"{A.eun} 지난해 5월 {B.wa} MOU를 체결한 지 1년 만에 1천억원 규모의 공급 계약을 따냈다고 14일 밝혔다."
        ],
        False,
        [],
    )


@case("B08 MOU 후속 (title) + 지난해 body", "background")
def _(A, B, C):
    return (
        f"{A.name}-{B.s} MOU 후속 조치…실무협의회 개최",
        [f"{A.wa} {B.eun} 13일 실무협의회를 열고 지난해 체결한 업무협약의 이행 방안을 논의했다."],
        False,
        [],
    )


@case("B09 photo caption of an old signing", "background")
def _(A, B, C):
    return (
        f"{A.name}, 해외 매출 사상 최대",
        [
            f"{A.eun} 1분기 해외 매출이 사상 최대를 기록했다고 14일 밝혔다.",
            f"사진은 지난해 {A.wa} {B.ui} 업무협약식 모습.",
        ],
        False,
        [],
    )


@case("B10 지난달 20일 (24 days, passing) — debatable", "background-debatable")
def _(A, B, C):
    return (
        "지방대 입시 경쟁률 상승…해외 교류 프로그램 인기",
        STORY + [f"한편 {A.eun} 지난달 20일 {B.wa} 인력 교류 업무협약을 맺었다."],
        True,
        [B.cc],
    )


@case("B11 협약 체결 이후 (follow-up program story, 13일 event)", "background")
def _(A, B, C):
    return (
        f"{A.name}, 해외 연수 프로그램 운영",
        [f"{A.eun} 13일 {B.wa} 협약 체결 이후 첫 교환 연수 프로그램을 시작했다고 14일 밝혔다."],
        False,
        [],
    )


@case("B12 협약을 맺고 있는 (standing partnership)", "background")
def _(A, B, C):
    return (
        f"{A.name}, 해외 연수 프로그램 운영",
        [f"{A.eun} 13일 업무협약을 맺고 있는 {B.ui} 연수단 20명을 초청했다고 14일 밝혔다."],
        False,
        [],
    )


@case("B13 협약 기관과 함께 (partner mention, 13일 event)", "background")
def _(A, B, C):
    return (
        f"{A.name}, 해외 연수 프로그램 운영",
        [f"{A.eun} 13일 협약 기관인 {B.wa} 함께 기술 세미나를 열었다고 14일 밝혔다."],
        False,
        [],
    )


@case("B14 협약 1주년 기념행사", "background")
def _(A, B, C):
    return (
        f"{A.name}-{B.s} 협약 1주년",
        [f"{A.wa} {B.eun} 13일 업무협약 체결 1주년을 맞아 기념행사를 열었다."],
        False,
        [],
    )


# ------------------------------------------------------------------ cancelled / negated (False)
@case("N01 협약을 해지했다 (relative 체결한 + 13일)", "negated")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} 업무협약 해지",
        [f"{A.eun} {B.wa} 체결한 업무협약을 13일 해지했다고 14일 밝혔다."],
        False,
        [],
    )


@case("N02 MOU 파기 (title + body 공시)", "negated")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} MOU 파기",
        [f"{A.eun} 13일 {B.wa} 맺은 공동 개발 MOU를 파기한다고 공시했다."],
        False,
        [],
    )


@case("N03 체결이 무산됐다", "negated")
def _(A, B, C):
    return (
        f"{A.name}-{B.s} MOU 체결 끝내 무산",
        [f"{A.wa} {B.ui} 양해각서 체결이 13일 막판 협상 결렬로 무산됐다."],
        False,
        [],
    )


@case("N04 체결을 철회했다", "negated")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} 협약 철회",
        [f"{A.eun} 13일 {B.wa} 체결하려던 업무협약을 철회했다고 밝혔다."],
        False,
        [],
    )


@case("N05 협약식이 취소됐다", "negated")
def _(A, B, C):
    return (
        f"{A.name}-{B.s} 협약식 돌연 취소",
        [f"{A.wa} {B.ui} 업무협약식이 13일 돌연 취소됐다."],
        False,
        [],
    )


@case("N06 MOU 체결 불발 (title), body 체결하지 못했다", "negated")
def _(A, B, C):
    return (
        f"{A.name}-{B.s} MOU 체결 불발",
        [f"{A.wa} {B.eun} 13일 세부 조건에 합의하지 못해 MOU를 체결하지 못했다."],
        False,
        [],
    )


@case("N07 서명식 연기", "negated")
def _(A, B, C):
    return (
        f"{A.name}-{B.s} MOU 서명식 연기",
        [f"{A.wa} {B.ui} MOU 서명식이 현지 사정으로 다음 달로 연기됐다."],
        False,
        [],
    )


@case("N08 협약 해지 통보 (title 'A, B와 협약 해지')", "negated")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} 협약 해지",
        [f"{A.eun} 지난 13일 {B.wa} 맺었던 공급 협약을 해지한다고 통보했다."],
        False,
        [],
    )


@case("N09 MOU 효력 상실 / 종료", "negated")
def _(A, B, C):
    return (
        f"{A.name}-{B.s} MOU 효력 상실",
        [f"{A.wa} {B.ga} 13일 체결한 양해각서가 후속 계약 불발로 효력을 잃었다."],
        False,
        [],
    )


# ------------------------------------------------------------------ joint statements (False)
@case("J01 공동성명 채택 (no MOU)", "joint")
def _(A, B, C):
    return (
        "한·베트남 정상 공동성명 채택",
        [
            "양국 정상은 13일 정상회담을 갖고 포괄적 전략동반자 관계 강화를 담은 공동성명을 채택했다.",
            "양국은 이날 공동성명에 서명했다.",
        ],
        False,
        [],
    )


@case("J02 공동선언문에 서명 (agreement word '협력' only)", "joint")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} 탄소중립 공동선언",
        [f"{A.wa} {B.eun} 13일 탄소중립 협력 공동선언문에 서명했다."],
        False,
        [],
    )


@case("J03 공동 협력 선언 + '협약' word in title", "joint")
def _(A, B, C):
    return (
        f"{A.name}-{B.s}, 기후협약 이행 공동선언",
        [f"{A.wa} {B.eun} 13일 파리기후협약 이행을 위한 공동 선언문을 발표했다."],
        False,
        [],
    )


# ------------------------------------------------------------------ crime / court (False)
@case("C01 crime: 허위 MOU 공시 기소", "crime")
def _(A, B, C):
    return (
        f"검찰, 'MOU 허위 공시' {A.name} 대표 기소",
        [
            f"서울남부지검은 {B.wa} MOU를 체결했다고 허위 공시해 주가를 띄운 혐의로 {A.s} 대표를 13일 구속기소했다."
        ],
        False,
        [],
    )


@case("C02 crime with only 1-2 crime words, recent dated MOU", "crime")
def _(A, B, C):
    return (
        "‘해외 MOU’ 내세워 투자금 가로챈 일당",
        [
            f"경찰에 따르면 {A.s} 대표 김모씨는 지난 3일 {B.wa} 업무협약을 맺었다며 투자자 200여명으로부터 50억원을 받아 가로챈 혐의를 받고 있다."
        ],
        False,
        [],
    )


@case("C03 court: MOU 이행 소송 판결 (2 crime words)", "crime")
def _(A, B, C):
    return (
        f"법원 “{A.name}-{B.s} MOU, 법적 구속력 없어”",
        [
            f"서울중앙지법은 13일 {A.ga} {B.reul} 상대로 낸 손해배상 청구 소송에서 원고 패소 판결했다.",
            f"{A.wa} {B.eun} 2022년 공동 개발 업무협약을 맺었다.",
        ],
        False,
        [],
    )


@case("C04 crime: 협약을 체결한 뒤 리베이트 (이날 + 1 crime word)", "crime")
def _(A, B, C):
    return (
        f"{A.name} 전 임원, 리베이트 의혹",
        [
            f"{A.s} 전 임원이 {B.wa} 업무협약을 체결한 뒤 거래 대가로 뒷돈을 받았다는 의혹이 제기됐다.",
            "경찰은 이날 관련 자료를 확보해 조사에 착수했다.",
        ],
        False,
        [],
    )


# ------------------------------------------------------------------ award (False)
@case("A01 협약식에서 우수기관 선정 (no signing by A)", "award")
def _(A, B, C):
    return (
        f"{A.name}, 상생협력 우수기업 선정",
        [
            f"{A.eun} 13일 열린 ‘대·중소기업 상생협력 협약식’에서 우수기업으로 선정돼 장관 표창을 받았다."
        ],
        False,
        [],
    )


@case("A02 수상 + background MOU", "award")
def _(A, B, C):
    return (
        f"{A.name}, 글로벌 혁신상 수상",
        [
            f"{A.eun} 13일 독일 베를린에서 열린 시상식에서 혁신상을 받았다.",
            f"{A.eun} 지난해 {B.wa} 기술협력 협약을 맺고 공동 개발을 진행해 왔다.",
        ],
        False,
        [],
    )


# ------------------------------------------------------------------ round 2
@case("S40 업무협약 체결을 완료했다", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 13일 {B.wa} 공동 마케팅 업무협약 체결을 완료했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("S41 MOU를 성사시켰다", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 13일 {B.wa} 1천억원 규모의 공급 MOU를 성사시켰다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("S42 MOU에 도장을 찍었다 (body) / 'MOU 도장' title", "signed")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} 수소 MOU 도장",
        [f"{A.wa} {B.ga} 13일 수소 공급망 협력 MOU에 도장을 찍었다."],
        True,
        [B.cc],
    )


@case("S43 협약을 체결하는 자리를 가졌다", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.wa} {B.eun} 13일 서울 본사에서 기술협력 협약을 체결하는 자리를 가졌다."],
        True,
        [B.cc],
    )


@case("S44 협약에 서명함으로써", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 13일 {B.wa} 협력 양해각서에 서명함으로써 현지 진출의 발판을 마련했다."],
        True,
        [B.cc],
    )


@case(
    "S45 caption: 'A 대표(오른쪽)와 [국가] B 관계자가 … 체결하고 기념촬영' (neutral title)",
    "signed",
)
def _(A, B, C):
    return (
        f"{A.name}, 해외 공략 가속",
        [
            f"{A.s} 대표(오른쪽)와 {B.name} 관계자가 13일 서울 본사에서 업무협약을 체결하고 기념촬영을 하고 있다.",
            f"{A.eun} 이번 협약으로 현지 유통망을 확보하게 됐다.",
        ],
        True,
        [B.cc],
    )


@case("S46 plain: 'A 사장과 [국가] B 관계자들이 13일 … 체결했다'", "signed")
def _(A, B, C):
    return (
        f"{A.name}, 해외 공략 가속",
        [f"김민수 {A.s} 사장과 {B.name} 관계자들이 13일 서울 본사에서 업무협약을 체결했다."],
        True,
        [B.cc],
    )


@case("S47 passing mention 지난주", "signed")
def _(A, B, C):
    return (
        "지방대 입시 경쟁률 상승…해외 교류 프로그램 인기",
        STORY + [f"한편 {A.eun} 지난주 {B.wa} 인력 교류 업무협약을 맺었다."],
        True,
        [B.cc],
    )


@case("S48 passing mention 이달 8일", "signed")
def _(A, B, C):
    return (
        "지방대 입시 경쟁률 상승…해외 교류 프로그램 인기",
        STORY + [f"{A.eun} 이달 8일 {B.wa} 인력 교류 업무협약을 맺기도 했다."],
        True,
        [B.cc],
    )


@case("S49 body 'A와 B는 업무협약을 맺고 있는' → but title signing today", "signed")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} 업무협약",
        [f"{A.eun} 13일 {B.wa} 인력 양성 업무협약을 체결했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("X26b year-boundary 지난해 12월 30일, neutral title", "trap", published=P_JAN)
def _(A, B, C):
    return (
        f"{A.name}, 새해 해외 공략 속도",
        [f"{A.eun} 지난해 12월 30일 {B.wa} 공동 연구 협약을 체결했다고 3일 밝혔다."],
        True,
        [B.cc],
    )


@case("X31 '내년도 사업' in signing sentence", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 지역 상생 협력",
        [f"{A.eun} 13일 구미시와 내년도 지역 인재 양성 사업을 위한 업무협약을 체결했다."],
        True,
        [],
    )


@case("X32 '지난 10년간 쌓은' in signing sentence (지난 N년간)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [
            f"{A.eun} 13일 지난 10년간 쌓은 현지 네트워크를 활용하기 위해 {B.wa} 업무협약을 체결했다."
        ],
        True,
        [B.cc],
    )


@case("X33 '이전' in name: 이전공공기관 (혁신도시) 협약", "trap")
def _(A, B, C):
    return (
        "혁신도시 이전공공기관, 지역대학과 협약",
        ["전남 혁신도시 이전공공기관 16곳은 13일 지역 대학 5곳과 인재 양성 업무협약을 체결했다."],
        True,
        [],
    )


@case("X34 '당시' in 구청당시? no: '해당 시 지역' spaced (control)", "trap")
def _(A, B, C):
    return (
        "여름철 물놀이 시설 안전점검 강화",
        [f"시는 해당 시설 안전관리를 위해 {B.wa} 업무협약을 체결했다고 밝혔다."],
        True,
        [B.cc],
    )


@case("X35 '2019년 설립된' relative in body only + title signing", "trap")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} MOU",
        [f"{A.eun} 13일 2019년 설립된 {B.wa} 공동개발 MOU를 체결했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("X36 crime substrings with police story words absent: 촬영장/이상고온/고소작업", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 안전 협약",
        [
            f"{A.eun} 13일 고용노동부와 건설현장 고소작업 안전 강화를 위한 업무협약을 체결했다.",
            "협약에 따라 양측은 이상고온 시 작업 중지 기준을 마련하고 드라마 촬영장 등 특수 현장도 점검한다.",
            "노동부는 이번 협약을 안전관리 우수사례로 소개할 계획이다.",
        ],
        True,
        [],
    )


@case("P15 headline 'A-B 협약 연내 체결' (future word between noun and verb)", "planned")
def _(A, B, C):
    return (
        f"{A.name}-{B.s}, 합작 협약 연내 체결",
        [f"{A.wa} {B.eun} 합작법인 설립 협약을 연내 체결하기 위해 협상을 이어가고 있다."],
        False,
        [],
    )


@case("P16 headline 'A, B와 MOU 내달 서명'", "planned")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} MOU 내달 서명",
        [f"{A.eun} 다음 달 {B.wa} 공동 개발 양해각서에 서명할 예정이다."],
        False,
        [],
    )


@case("P17 headline 'A-B MOU 곧 체결'", "planned")
def _(A, B, C):
    return (
        f"{A.name}-{B.s}, MOU 곧 체결",
        [f"{A.wa} {B.ga} 조만간 공동 개발 양해각서를 체결할 것으로 알려졌다."],
        False,
        [],
    )


@case("P18 'MOU 체결에 합의' (agreed to sign)", "planned")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} MOU 체결 합의",
        [f"{A.wa} {B.eun} 13일 화상회의를 열고 공동 개발 MOU 체결에 합의했다."],
        False,
        [],
    )


@case("B15 title 'A-B MOU 이행 점검'", "background")
def _(A, B, C):
    return (
        f"{A.name}-{B.s} MOU 이행 점검",
        [f"{A.wa} {B.eun} 13일 서울에서 만나 지난해 맺은 양해각서의 이행 상황을 점검했다."],
        False,
        [],
    )


@case("B16 title 'A-B 협약 성과 공유회'", "background")
def _(A, B, C):
    return (
        f"{A.name}-{B.s} 협약 성과 공유회",
        [f"{A.wa} {B.eun} 13일 2023년 체결한 업무협약의 성과를 공유하는 행사를 열었다."],
        False,
        [],
    )


@case("B17 '업무협약을 체결하고 있는 대학' (standing partners)", "background")
def _(A, B, C):
    return (
        f"{A.name}, 해외 인턴십 운영",
        [
            f"{A.eun} 13일 업무협약을 체결하고 있는 {B.ui} 현지 법인에 인턴 30명을 파견했다고 14일 밝혔다."
        ],
        False,
        [],
    )


@case("B18 '협약을 맺어 온' (standing)", "background")
def _(A, B, C):
    return (
        f"{A.name}, 해외 인턴십 운영",
        [f"{A.eun} 13일 2015년부터 협약을 맺어 온 {B.ui} 연수생 20명을 초청했다고 14일 밝혔다."],
        False,
        [],
    )


@case("B19 'A-B MOU 체결 3년…' anniversary feature title", "background")
def _(A, B, C):
    return (
        f"{A.name}-{B.s} MOU 체결 3년…현지 매출 두 배로",
        [f"{A.eun} 2022년 {B.wa} 양해각서를 맺은 뒤 현지 매출이 두 배로 늘었다고 14일 밝혔다."],
        False,
        [],
    )


@case("N10 '협약을 종료했다'", "negated")
def _(A, B, C):
    return (
        f"{A.name}, {B.wa} 협약 종료",
        [f"{A.eun} {B.wa} 맺은 독점 공급 협약을 13일 종료했다고 14일 밝혔다."],
        False,
        [],
    )


@case("N11 'MOU 효력 정지' court", "negated")
def _(A, B, C):
    return (
        f"{A.name}-{B.s} MOU 효력 정지",
        [f"{A.eun} 13일 {B.wa} 체결한 MOU의 효력을 정지한다고 공시했다."],
        False,
        [],
    )


@case("C05 police story: 경찰 입건 (no listed crime word), recent MOU", "crime")
def _(A, B, C):
    return (
        "‘해외 기업 MOU’ 미끼로 투자금 모은 업체 대표 입건",
        [
            f"경찰은 {A.s} 대표 김모씨를 입건했다고 14일 밝혔다.",
            f"김씨는 지난 3일 {B.wa} 업무협약을 맺었다고 홍보하며 투자자들로부터 20억원을 모았다.",
        ],
        False,
        [],
    )


@case("X37 '지난해에 이어 올해도 ~ 협약을 체결했다' (repeat signing)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 지난해에 이어 올해도 {B.wa} 인턴십 협약을 체결했다고 14일 밝혔다."],
        True,
        [B.cc],
    )


@case("X38 'C와 지난 3월 맺은 데 이어 13일 B와 체결' (earlier deal in same sentence)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [
            f"{A.eun} 지난 3월 {C.wa} 협약을 맺은 데 이어 13일 {B.wa} 업무협약을 체결했다고 14일 밝혔다."
        ],
        True,
        [B.cc],
    )


@case("X39 '13일 B와 체결한 데 이어 오는 20일 C와도 맺는다'", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 13일 {B.wa} 업무협약을 체결한 데 이어 오는 20일 {C.wa}도 협약을 맺는다."],
        True,
        [B.cc],
    )


@case("X40 'C와 맺은 협약을 해지하고 13일 B와 새 협약' (cancel + new)", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 파트너 교체",
        [f"{A.eun} {C.wa} 맺은 공급 협약을 해지하고 13일 {B.wa} 새 공급 협약을 체결했다."],
        True,
        [B.cc],
    )


@case("X41 '2023년 첫 협약 이후 두 번째' after the verb", "trap")
def _(A, B, C):
    return (
        f"{A.name}, 해외 협력 확대",
        [f"{A.eun} 13일 {B.wa} 두 번째 업무협약을 체결했다. 양측의 협약은 2023년 이후 두 번째다."],
        True,
        [B.cc],
    )
