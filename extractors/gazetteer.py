"""Country names in Korean, English and news shorthand, keyed by ISO 3166-1 alpha-2.

Babel (CLDR) supplies the Korean and English name of every territory; this module adds the forms
Korean news uses that no library has: 호주, 사우디, 남아공, one-syllable pair abbreviations
(한·불, 한미), hanja (韓佛) and flag emoji. Everything else (extractor, topics) reads names here.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from babel import Locale

# Codes CLDR lists that are not countries a deal can be signed with.
_NOT_COUNTRIES = {"ZZ", "QO", "EZ", "UN", "XA", "XB", "XK", "AQ", "BV", "HM", "UM", "CP", "DG"}

# The Korean names news actually prints, where CLDR's differs.
_PREFERRED_KO = {
    "AU": "호주",
    "ZA": "남아프리카공화국",
    "HK": "홍콩",
    "MO": "마카오",
    "EU": "유럽연합",
    "CZ": "체코",
    "US": "미국",
    "GB": "영국",
    "AE": "아랍에미리트",
    "SA": "사우디아라비아",
    "TR": "튀르키예",
    "VA": "바티칸",
    "CD": "콩고민주공화국",
    "CG": "콩고",
    "PS": "팔레스타인",
}
_PREFERRED_EN = {"US": "United States", "GB": "United Kingdom", "EU": "European Union"}

# Full news forms no CLDR locale has (besides the preferred names above).
_EXTRA_KO: dict[str, str] = {
    "사우디": "SA",
    "터키": "TR",
    "남아공": "ZA",
    "남아프리카": "ZA",
    "UAE": "AE",
    "美國": "US",
    "중화인민공화국": "CN",
    "일본국": "JP",
    "유럽연합": "EU",
    "유럽 연합": "EU",
    "EU": "EU",
    "인니": "ID",
    "카자흐": "KZ",
    "우즈벡": "UZ",
    "우즈베크": "UZ",
    "키르기스": "KG",
    "투르크멘": "TM",
    "타지크": "TJ",
    "우크라": "UA",
    "아제르": "AZ",
    "말레이": "MY",
    "아르헨": "AR",
    "아프간": "AF",
    "필리핀": "PH",
    "뉴질랜드": "NZ",
    "체코공화국": "CZ",
    "슬로바키아": "SK",
    "네덜란드": "NL",
    "화란": "NL",
    "베트남": "VN",
    "타이": "TH",
    "버마": "MM",
    "아랍에미레이트": "AE",
    "아랍에미리트연합": "AE",
    "아랍 에미리트": "AE",
    "사우디 아라비아": "SA",
    "오스트레일리아": "AU",
    "미합중국": "US",
    "대만": "TW",
    "타이완": "TW",
    "홍콩": "HK",
    "에티오피아": "ET",
    "캄보디아": "KH",
    "라오스": "LA",
    "몽골": "MN",
    "스리랑카": "LK",
}
_EXTRA_EN: dict[str, str] = {
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "america": "US",
    "united states of america": "US",
    "us": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "uae": "AE",
    "eu": "EU",
    "holland": "NL",
    "czech republic": "CZ",
    "turkey": "TR",
    "russia": "RU",
    "vietnam": "VN",
    "viet nam": "VN",
    "south africa": "ZA",
    "korea": "KR",
    "republic of korea": "KR",
    "north korea": "KP",
    "taiwan": "TW",
    "hong kong": "HK",
}

# One-syllable shorthand used in pair forms (한·불, 한-미, 韓佛). A tuple of several codes is
# ambiguous (한·인: India or Indonesia) and needs other evidence in the text.
PAIR_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "미": ("US",),
    "중": ("CN",),
    "일": ("JP",),
    "독": ("DE",),
    "불": ("FR",),
    "프": ("FR",),
    "영": ("GB",),
    "러": ("RU",),
    "호": ("AU",),
    "베": ("VN",),
    "캐": ("CA",),
    "인": ("IN", "ID"),
    "이": ("IT", "IL"),
    "몽": ("MN",),
    "태": ("TH",),
    "싱": ("SG",),
    "필": ("PH",),
    "말": ("MY",),
    "인니": ("ID",),
    "뉴": ("NZ",),
    "칠": ("CL",),
    "멕": ("MX",),
    "브": ("BR",),
    "스": ("ES",),
    "체": ("CZ",),
    "폴": ("PL",),
    "헝": ("HU",),
    "덴": ("DK",),
    "핀": ("FI",),
    "카": ("KZ",),
    "우": ("UZ",),
    "아": ("AR",),
    "사": ("SA",),
    "튀": ("TR",),
    "터": ("TR",),
    "유": ("EU",),
    "EU": ("EU",),
    "아세안": (),
}
HANJA: dict[str, str] = {
    "美": "US",
    "中": "CN",
    "日": "JP",
    "獨": "DE",
    "独": "DE",
    "佛": "FR",
    "仏": "FR",
    "英": "GB",
    "露": "RU",
    "濠": "AU",
    "豪": "AU",
    "越": "VN",
    "印尼": "ID",
    "印": "IN",
    "伊": "IT",
    "加": "CA",
    "泰": "TH",
    "蒙": "MN",
    "韓": "KR",
}

# Foreign cities, states and provinces Korean news names parties by ("톈진크루즈요트협회",
# "美 앵커리지시"). Only names that are not also common Korean words; read with Kiwi's tags.
FOREIGN_PLACES: dict[str, str] = {
    "베이징": "CN",
    "상하이": "CN",
    "톈진": "CN",
    "충칭": "CN",
    "광저우": "CN",
    "항저우": "CN",
    "난징": "CN",
    "쑤저우": "CN",
    "칭다오": "CN",
    "다롄": "CN",
    "선양": "CN",
    "하얼빈": "CN",
    "창춘": "CN",
    "우한": "CN",
    "청두": "CN",
    "샤먼": "CN",
    "옌타이": "CN",
    "웨이하이": "CN",
    "정저우": "CN",
    "닝보": "CN",
    "허페이": "CN",
    "탕산": "CN",
    "광둥": "CN",
    "산둥": "CN",
    "장쑤": "CN",
    "허베이": "CN",
    "허난": "CN",
    "쓰촨": "CN",
    "랴오닝": "CN",
    "지린": "CN",
    "헤이룽장": "CN",
    "푸젠": "CN",
    "후베이": "CN",
    "후난": "CN",
    "윈난": "CN",
    "하이난": "CN",
    "네이멍구": "CN",
    "옌볜": "CN",
    "도쿄": "JP",
    "오사카": "JP",
    "교토": "JP",
    "요코하마": "JP",
    "나고야": "JP",
    "후쿠오카": "JP",
    "삿포로": "JP",
    "고베": "JP",
    "히로시마": "JP",
    "센다이": "JP",
    "오키나와": "JP",
    "홋카이도": "JP",
    "규슈": "JP",
    "시즈오카": "JP",
    "니가타": "JP",
    "기타큐슈": "JP",
    "구마모토": "JP",
    "가고시마": "JP",
    "시모노세키": "JP",
    "아이치": "JP",
    "가나가와": "JP",
    "사이타마": "JP",
    "돗토리": "JP",
    "시마네": "JP",
    "야마구치": "JP",
    "오카야마": "JP",
    "나가사키": "JP",
    "뉴욕": "US",
    "로스앤젤레스": "US",
    "샌프란시스코": "US",
    "시카고": "US",
    "보스턴": "US",
    "시애틀": "US",
    "휴스턴": "US",
    "댈러스": "US",
    "애틀랜타": "US",
    "라스베이거스": "US",
    "실리콘밸리": "US",
    "샌디에이고": "US",
    "필라델피아": "US",
    "디트로이트": "US",
    "마이애미": "US",
    "앵커리지": "US",
    "호놀룰루": "US",
    "피닉스": "US",
    "덴버": "US",
    "산호세": "US",
    "캘리포니아": "US",
    "텍사스": "US",
    "버지니아": "US",
    "인디애나": "US",
    "미시간": "US",
    "오하이오": "US",
    "애리조나": "US",
    "네바다": "US",
    "플로리다": "US",
    "일리노이": "US",
    "매사추세츠": "US",
    "펜실베이니아": "US",
    "하와이": "US",
    "알래스카": "US",
    "테네시": "US",
    "앨라배마": "US",
    "켄터키": "US",
    "캔자스": "US",
    "유타": "US",
    "오리건": "US",
    "콜로라도": "US",
    "뉴저지": "US",
    "노스캐롤라이나": "US",
    "사우스캐롤라이나": "US",
    "미네소타": "US",
    "위스콘신": "US",
    "런던": "GB",
    "맨체스터": "GB",
    "에든버러": "GB",
    "리버풀": "GB",
    "버밍엄": "GB",
    "스코틀랜드": "GB",
    "잉글랜드": "GB",
    "웨일스": "GB",
    "파리": "FR",
    "리옹": "FR",
    "마르세유": "FR",
    "툴루즈": "FR",
    "보르도": "FR",
    "스트라스부르": "FR",
    "그르노블": "FR",
    "베를린": "DE",
    "뮌헨": "DE",
    "프랑크푸르트": "DE",
    "함부르크": "DE",
    "드레스덴": "DE",
    "쾰른": "DE",
    "뒤셀도르프": "DE",
    "슈투트가르트": "DE",
    "라이프치히": "DE",
    "바이에른": "DE",
    "로마": "IT",
    "밀라노": "IT",
    "베네치아": "IT",
    "피렌체": "IT",
    "나폴리": "IT",
    "토리노": "IT",
    "마드리드": "ES",
    "바르셀로나": "ES",
    "발렌시아": "ES",
    "암스테르담": "NL",
    "로테르담": "NL",
    "헤이그": "NL",
    "브뤼셀": "BE",
    "취리히": "CH",
    "제네바": "CH",
    "바젤": "CH",
    "스톡홀름": "SE",
    "헬싱키": "FI",
    "오슬로": "NO",
    "코펜하겐": "DK",
    "바르샤바": "PL",
    "프라하": "CZ",
    "부다페스트": "HU",
    "잘츠부르크": "AT",
    "아테네": "GR",
    "리스본": "PT",
    "더블린": "IE",
    "모스크바": "RU",
    "상트페테르부르크": "RU",
    "블라디보스토크": "RU",
    "이스탄불": "TR",
    "앙카라": "TR",
    "하노이": "VN",
    "호치민": "VN",
    "호찌민": "VN",
    "다낭": "VN",
    "하이퐁": "VN",
    "박닌": "VN",
    "방콕": "TH",
    "치앙마이": "TH",
    "푸껫": "TH",
    "자카르타": "ID",
    "발리": "ID",
    "수라바야": "ID",
    "쿠알라룸푸르": "MY",
    "페낭": "MY",
    "조호르": "MY",
    "마닐라": "PH",
    "프놈펜": "KH",
    "비엔티안": "LA",
    "양곤": "MM",
    "울란바토르": "MN",
    "타슈켄트": "UZ",
    "사마르칸트": "UZ",
    "알마티": "KZ",
    "아스타나": "KZ",
    "비슈케크": "KG",
    "뉴델리": "IN",
    "뭄바이": "IN",
    "벵갈루루": "IN",
    "첸나이": "IN",
    "하이데라바드": "IN",
    "구자라트": "IN",
    "다카": "BD",
    "카트만두": "NP",
    "콜롬보": "LK",
    "두바이": "AE",
    "아부다비": "AE",
    "샤르자": "AE",
    "리야드": "SA",
    "제다": "SA",
    "네옴": "SA",
    "도하": "QA",
    "무스카트": "OM",
    "테헤란": "IR",
    "텔아비브": "IL",
    "예루살렘": "IL",
    "카이로": "EG",
    "나이로비": "KE",
    "라고스": "NG",
    "요하네스버그": "ZA",
    "케이프타운": "ZA",
    "시드니": "AU",
    "멜버른": "AU",
    "브리즈번": "AU",
    "애들레이드": "AU",
    "토론토": "CA",
    "밴쿠버": "CA",
    "몬트리올": "CA",
    "오타와": "CA",
    "온타리오": "CA",
    "퀘벡": "CA",
    "앨버타": "CA",
    "멕시코시티": "MX",
    "몬테레이": "MX",
    "상파울루": "BR",
    "리우데자네이루": "BR",
    "브라질리아": "BR",
    "부에노스아이레스": "AR",
    "보고타": "CO",
    "리마": "PE",
    "타이베이": "TW",
    "가오슝": "TW",
    "타이중": "TW",
}

# Cities added in the seventh round, compiled by hand from general knowledge (not from labelled
# articles): where Korean firms build plants or sign with local bodies, and other cities no CLDR
# exemplar names. Kiwi does not know most of them ("브로츠와프의" would stay one noun), so they
# are taught to it as names. Left out as Korean words or ambiguous: 리가 (우리가), 세부 (세부
# 내용), 에센, 퍼스 (퍼스트), 창사 (창사 50주년), 이반카 (a name), 케임브리지, 리치먼드 and
# 알렉산드리아 (cities in several countries).
TAUGHT_PLACES: dict[str, str] = {
    "오스틴": "US",
    "서배너": "US",
    "엘라벨": "US",
    "몽고메리": "US",
    "클라크스빌": "US",
    "클락스빌": "US",
    "내슈빌": "US",
    "피츠버그": "US",
    "샌안토니오": "US",
    "엘패소": "US",
    "포틀랜드": "US",
    "솔트레이크시티": "US",
    "새너제이": "US",
    "캔자스시티": "US",
    "세인트루이스": "US",
    "미니애폴리스": "US",
    "밀워키": "US",
    "신시내티": "US",
    "클리블랜드": "US",
    "볼티모어": "US",
    "올랜도": "US",
    "탬파": "US",
    "잭슨빌": "US",
    "어바인": "US",
    "팰로앨토": "US",
    "마운틴뷰": "US",
    "쿠퍼티노": "US",
    "서니베일": "US",
    "산타클라라": "US",
    "크라쿠프": "PL",
    "브로츠와프": "PL",
    "포즈난": "PL",
    "그단스크": "PL",
    "카토비체": "PL",
    "빌뉴스": "LT",
    "탈린": "EE",
    "데브레첸": "HU",
    "코마롬": "HU",
    "브르노": "CZ",
    "오스트라바": "CZ",
    "노쇼비체": "CZ",
    "플젠": "CZ",
    "질리나": "SK",
    "린츠": "AT",
    "그라츠": "AT",
    "도르트문트": "DE",
    "하노버": "DE",
    "브레멘": "DE",
    "뉘른베르크": "DE",
    "아헨": "DE",
    "하이델베르크": "DE",
    "낭트": "FR",
    "볼로냐": "IT",
    "빌바오": "ES",
    "세비야": "ES",
    "포르투": "PT",
    "에인트호번": "NL",
    "아인트호벤": "NL",
    "안트베르펜": "BE",
    "앤트워프": "BE",
    "로잔": "CH",
    "예테보리": "SE",
    "베르겐": "NO",
    "글래스고": "GB",
    "요코스카": "JP",
    "타이난": "TW",
    "옌청": "CN",
    "창저우": "CN",
    "쿤밍": "CN",
    "푸저우": "CN",
    "난닝": "CN",
    "웨이팡": "CN",
    "훈춘": "CN",
    "푸네": "IN",
    "노이다": "IN",
    "구루그람": "IN",
    "아마다바드": "IN",
    "라호르": "PK",
    "시엠립": "KH",
    "다바오": "PH",
    "조호르바루": "MY",
    "바탐": "ID",
    "반둥": "ID",
    "담맘": "SA",
    "주베일": "SA",
    "얀부": "SA",
    "이즈미르": "TR",
    "캔버라": "AU",
    "웰링턴": "NZ",
    "크라이스트처치": "NZ",
    "캘거리": "CA",
    "과달라하라": "MX",
}
FOREIGN_PLACES.update(TAUGHT_PLACES)


# CLDR exemplar cities that are also Korean words, people's names, or names of places in
# several countries (오클랜드: Auckland or Oakland; 코르도바: Argentina or Spain).
_CLDR_CITY_EXCLUDED = {
    "크리스마스",
    "데이비스",
    "케이시",
    "스탠리",
    "월리스",
    "미드웨이",
    "다윈",
    "소피아",
    "오클랜드",
    "코르도바",
    "산후안",
    "트리폴리",
    "산티아고",
    "메리다",
    "세인트존스",
    "키로프",
    "보이시",
    "맥쿼리",
    "린데만",
    "칸톤",
    "감비어",
    "사마라",
    "치와와",
}


@functools.cache
def cldr_cities() -> dict[str, str]:
    """Korean names of the cities CLDR gives as time-zone exemplars (Babel, Unicode licence),
    with the country of their zone (zone.tab of the tz database, public domain, through the
    tzdata package): names of three characters or more, one word, not in the exclusions."""
    import importlib.resources

    table = importlib.resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text()
    zone_country = {
        parts[2]: parts[0]
        for line in table.splitlines()
        if not line.startswith("#") and len(parts := line.split("\t")) >= 3
    }
    cities: dict[str, str] = {}
    for zone, info in Locale("ko").time_zones.items():
        city, code = info.get("city"), zone_country.get(zone)
        if not city or not code or code in _NOT_COUNTRIES or code == "KR":
            continue
        if len(city) >= 3 and re.fullmatch(r"[가-힣]+", city) and city not in _CLDR_CITY_EXCLUDED:
            cities.setdefault(city, code)
    return cities


# Suffixed forms that are people's names ("이노우에 다카시 학장": Takashi, not the city of Dhaka).
_SUFFIXED_EXCLUDED = frozenset({"다카시"})


@functools.cache
def place_names() -> dict[str, str]:
    """Foreign place surface forms (with the 시/주/성 suffixes news adds) -> country code: the
    hand list FOREIGN_PLACES first, then CLDR's exemplar cities."""
    names: dict[str, str] = {}
    bare, suffixed = subdivisions()
    for name, code in {**cldr_cities(), **FOREIGN_PLACES, **bare}.items():
        names[name] = code
        for suffix in ("시", "주", "성", "현"):
            if name + suffix not in _SUFFIXED_EXCLUDED:
                names[name + suffix] = code
    for name, code in suffixed.items():
        for suffix in ("주", "성", "현", "부", " 주정부", " 주지사"):
            names[name + suffix] = code
    return names


@functools.cache
def subdivisions() -> tuple[dict[str, str], dict[str, str]]:
    """`subdivisions.tsv`: (names that stand alone, names that need a suffix) -> country code."""
    bare: dict[str, str] = {}
    suffixed: dict[str, str] = {}
    text = (Path(__file__).parent / "subdivisions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, code, kind = line.split("\t")
        (bare if kind == "bare" else suffixed)[name] = code
    return bare, suffixed


_REGIONAL_A = 0x1F1E6


@functools.cache
def country_codes() -> frozenset[str]:
    """Every ISO alpha-2 code CLDR names, plus EU."""
    codes = {str(c) for c in Locale("en").territories if re.fullmatch(r"[A-Z]{2}", str(c))}
    return frozenset(codes - _NOT_COUNTRIES)


def country_name(code: str, lang: str = "ko") -> str:
    """The name to show a reader: Korean news form or English."""
    code = code.upper()
    if lang == "ko":
        return _PREFERRED_KO.get(code) or Locale("ko").territories.get(code, code)
    return _PREFERRED_EN.get(code) or Locale("en").territories.get(code, code)


def flag(code: str) -> str:
    """The flag emoji of a code (EU included); empty for anything else."""
    code = code.upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        return ""
    return "".join(chr(_REGIONAL_A + ord(c) - ord("A")) for c in code)


def code_from_flag(text: str) -> str | None:
    chars = [ord(c) - _REGIONAL_A for c in text.strip()]
    if len(chars) == 2 and all(0 <= c < 26 for c in chars):
        code = "".join(chr(ord("A") + c) for c in chars)
        return code if code in country_codes() else None
    return None


@functools.cache
def korean_names() -> dict[str, str]:
    """Korean surface form -> code, for every country (full names only, no abbreviations)."""
    names: dict[str, str] = {}
    ko = Locale("ko").territories
    for code in country_codes():
        name = ko.get(code)
        if name:
            names[name] = code
            names[name.replace(" ", "")] = code
            base = re.sub(r"\(.*\)", "", name).strip()
            if base:
                names[base] = code
    for code, name in _PREFERRED_KO.items():
        names[name] = code
    names.update(_EXTRA_KO)
    for code in ("KR",):
        names.pop(Locale("ko").territories.get(code, ""), None)
    return names


@functools.cache
def english_names() -> dict[str, str]:
    """Lowercased English name -> code (CLDR names, common variants)."""
    names = {n.lower(): c for c, n in Locale("en").territories.items() if c in country_codes()}
    names.update({n.lower(): c for c, n in _PREFERRED_EN.items()})
    names.update(_EXTRA_EN)
    return names


def lookup_country(word: str) -> str | None:
    """Resolve one exact name, code, hanja or flag to a code; None when it is not a country."""
    w = word.strip()
    if not w:
        return None
    if w in korean_names():
        return korean_names()[w]
    if w.lower() in english_names():
        return english_names()[w.lower()]
    if re.fullmatch(r"[A-Za-z]{2}", w) and w.upper() in country_codes():
        return w.upper()
    if w in HANJA:
        return HANJA[w]
    return code_from_flag(w)
