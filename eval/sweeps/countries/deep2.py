"""Third round: confirm shapes found in deep.py with controls and realistic variants."""

from josa import j

CASES = []


def C(shape, title, body, mou, countries=()):
    CASES.append(dict(shape=shape, title=title, body=body, mou=mou, countries=list(countries)))


# D3 again with neutral headlines (the bracket tag "[가봉]" itself read as a foreign-desk tag)
from deep import WORDS

for tag, body in WORDS:
    C("E3 common word = country name (neutral headline)", "업무협약 체결 소식", body, True, [])

# E11 realistic summit headlines
SUM = [
    ("사우디아라비아", "사우디", "SA"),
    ("베트남", "베트남", "VN"),
    ("폴란드", "폴란드", "PL"),
    ("인도네시아", "인니", "ID"),
    ("체코", "체코", "CZ"),
    ("캐나다", "캐나다", "CA"),
    ("몽골", "몽골", "MN"),
    ("카자흐스탄", "카자흐", "KZ"),
]
for full, short, code in SUM:
    C(
        "E11 李대통령 headline + 국빈 방문 + 양국 N건",
        f"李대통령, {full} 국빈 방문…양국 MOU 15건 체결",
        f"이재명 대통령은 13일 {full}를 국빈 방문해 정상회담을 가졌다. 양국은 이날 에너지·인프라 분야 양해각서 15건을 체결했다.",
        True,
        [code],
    )
    C(
        "E11b country-first headline + 양국 N건",
        f"{full} 국빈 방문 李대통령…MOU 15건 체결",
        f"이재명 대통령은 13일 {full} 국빈 방문 중 정상회담을 가졌다. 양국은 이날 양해각서 15건을 체결했다.",
        True,
        [code],
    )
    C(
        "E11c country-leader-first headline (방한)",
        f"{short} 대통령 방한…한국과 MOU 7건 서명",
        f"방한 중인 {full} 대통령은 13일 이재명 대통령과 정상회담을 가졌다. 양국 정부는 회담 뒤 양해각서 7건에 서명했다.",
        True,
        [code],
    )
    C(
        "E11d 韓-X headline",
        f"韓-{short} 정상회담…MOU 7건 서명",
        f"이재명 대통령은 13일 {full} 대통령과 정상회담을 가졌다. 양국 정부는 회담 뒤 양해각서 7건에 서명했다.",
        True,
        [code],
    )
    C(
        "E11e country-first headline, body names Korean ministry",
        f"{full} 총리 방한…산업부와 MOU",
        f"{full} 총리가 13일 방한했다. 산업통상자원부는 이날 {full} 산업부와 공급망 협력 양해각서를 체결했다.",
        True,
        [code],
    )

# E12 Korean party name containing 한국 + 현지 body after a visit
KO = [
    "한국수자원공사",
    "한국농어촌공사",
    "한국전력",
    "한국가스공사",
    "한국국제협력단",
    "한국무역보험공사",
]
CT = [
    ("베트남", "VN"),
    ("케냐", "KE"),
    ("페루", "PE"),
    ("몽골", "MN"),
    ("태국", "TH"),
    ("멕시코", "MX"),
]
for k, (c, code) in zip(KO, CT):
    for loc in ["현지 기업들과", "현지 대학과", "현지 정부와"]:
        C(
            "E12 '한국…' party + 현지 body after visit",
            f"{k}, {c} 진출 박차",
            f"{j(k, '는')} 12일 {j(c, '를')} 방문했다. {j(k, '는')} 13일 {loc} 협력 업무협약을 체결했다.",
            True,
            [code],
        )
    C(
        "E12 control: non-한국 party",
        f"코트라, {c} 진출 박차",
        f"코트라는 12일 {j(c, '를')} 방문했다. 코트라는 13일 현지 기업들과 협력 업무협약을 체결했다.",
        True,
        [code],
    )

# E7 Country + city not in gazetteer + 방문해/찾아 + Korean partner
CITIES = [
    ("독일 하노버", "DE"),
    ("일본 센다이", "JP"),
    ("미국 서배너", "US"),
    ("베트남 빈즈엉", "VN"),
    ("폴란드 크라쿠프", "PL"),
    ("인도 푸네", "IN"),
    ("중국 쑤저우", "CN"),
    ("스페인 빌바오", "ES"),
    ("호주 퍼스", "AU"),
    ("캐나다 캘거리", "CA"),
]
for n, (place, code) in enumerate(CITIES):
    a, b = [
        ("충청남도", "KOTRA"),
        ("경기도", "한국무역보험공사"),
        ("코트라", "중소벤처기업진흥공단"),
        ("한국무역협회", "IBK기업은행"),
    ][n % 4]
    C(
        "E7 country+unlisted city 방문해, Korean partner",
        f"{a}, {place.split()[1]}서 {j(b, '와')} 협약",
        f"{j(a, '는')} 13일 {j(place, '를')} 방문해 {j(b, '와')} 현지 진출 기업 지원 업무협약을 체결했다.",
        True,
        [],
    )
    C(
        "E7 control: country+unlisted city 방문해, local body",
        f"{a}, {place.split()[1]} 방문 협약",
        f"{j(a, '는')} 13일 {j(place, '를')} 방문해 {place.split()[1]} 상공회의소와 업무협약을 체결했다.",
        True,
        [code],
    )

# E1 controls for the "A와 B 관계자들이 서명했다" form with a country-named party
for c, code in [("독일 바이에른주", "DE"), ("베트남 박닌성", "VN"), ("미국 텍사스주", "US")]:
    C(
        "E1 control: A와 B 관계자들이 서명",
        f"경상북도-{c}, 협력 MOU 체결",
        f"경상북도와 {c} 관계자들이 13일 협약서에 서명했다.",
        True,
        [code],
    )
# E1b Georgia spelled several ways
for party in [
    "조지아주와",
    "조지아 주정부와",
    "미국 조지아주와",
    "조지아주 정부와",
    "조지아 주와",
    "조지아주(州)와",
]:
    C(
        "E1b Georgia (US state) spellings",
        "현대차, 조지아 협력 협약",
        f"현대차는 13일(현지시간) {party} 인력 양성 업무협약을 체결했다.",
        True,
        ["US"],
    )
# the country Georgia, for contrast
C(
    "E1c Georgia the country",
    "경상북도, 조지아 정부와 MOU",
    "경상북도는 13일 조지아 정부와 관광 교류 업무협약을 체결했다.",
    True,
    ["GE"],
)
C(
    "E1c Georgia the country",
    "코트라, 조지아 트빌리시서 MOU",
    "코트라는 13일 조지아 트빌리시에서 조지아 경제부와 업무협약을 체결했다.",
    True,
    ["GE"],
)

# E14 country + 전문 + body noun: a Korean firm specialised in a country (more variants)
SPEC = [
    ("베트남 전문 물류기업", "VN"),
    ("일본 전문 여행사", "JP"),
    ("중국 전문 컨설팅사", "CN"),
    ("인도 전문 투자사", "IN"),
    ("미국 전문 이민법인", "US"),
    ("중동 전문 건설사", None),
]
for n, (spec, code) in enumerate(SPEC):
    k = ["코트라", "한국관광공사", "대한상공회의소", "KB증권", "서울시", "해외건설협회"][n]
    C(
        "E14 'X 전문' Korean firm as partner",
        f"{k}, 업무협약",
        f"{j(k, '는')} 13일 {spec} 에이원과 업무협약을 체결했다.",
        True,
        [],
    )
    C(
        "E14 control: 'X 최대' foreign firm",
        f"{k}, 업무협약",
        f"{j(k, '는')} 13일 {spec.split()[0]} 최대 기업 에이원과 업무협약을 체결했다.",
        True,
        [code] if code else [],
    )

# E15 language / migrant community bodies
LANG = [
    ("중국어 교육기관 차이나랩", "한국외대"),
    ("일본어 학원 니혼고플러스", "부산시교육청"),
    ("베트남어 통번역 업체 씬짜오", "안산시"),
    ("러시아어 통역 협동조합", "부산시"),
    ("스페인어 교육센터 올라", "서울시"),
    ("베트남 이주여성 자조모임", "김해시"),
    ("몽골 이주민 지원센터", "광주시"),
    ("네팔 노동자 쉼터", "포천시"),
    ("필리핀 공동체 협의회", "안산시"),
    ("우즈베키스탄 고려인 협회", "광주 광산구"),
]
for p, k in LANG:
    C(
        "E15 language/migrant-community Korean body as partner",
        f"{k}, 업무협약",
        f"{j(k, '는')} 13일 {j(p, '와')} 지원 업무협약을 체결했다.",
        True,
        [],
    )

# E16 headline country as section label / topic vs Korean deal
SEC = [("[베트남]", "VN"), ("[중국 경제]", "CN"), ("[글로벌]", None), ("[美특징주]", "US")]
for tag, code in SEC:
    C(
        "E16 section tag + Korean deal",
        f"{tag} 하나은행, 현지 은행과 디지털 협력 MOU",
        "하나은행은 13일 베트남 BIDV와 디지털 금융 협력 업무협약을 체결했다.",
        True,
        ["VN"],
    )
