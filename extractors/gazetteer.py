"""Country names in Korean, English and news shorthand, keyed by ISO 3166-1 alpha-2.

Babel (CLDR) supplies the Korean and English name of every territory; this module adds the forms
Korean news uses that no library has: 호주, 사우디, 남아공, one-syllable pair abbreviations
(한·불, 한미), hanja (韓佛) and flag emoji. Everything else (extractor, topics) reads names here.
"""

from __future__ import annotations

import functools
import re

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
    "印": "IN",
    "伊": "IT",
    "加": "CA",
    "泰": "TH",
    "蒙": "MN",
    "韓": "KR",
}
KOREA_PREFIXES = ("한", "韓")

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
