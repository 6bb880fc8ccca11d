"""Pick the right Korean particle after a word (와/과, 는/은, 가/이, 를/을, 로/으로, 다/이다)."""

import re

_LATIN_BATCHIM = set("LMNR")  # 엘 엠 엔 알
_DIGIT_BATCHIM = set("013678")
_OVERRIDE = {
    "ADNOC": True,
    "ASML": True,
    "KLM": True,
    "DNV": False,
    "NASA": False,
    "TSMC": False,
    "UNDP": False,
    "WHO": False,
    "AMCHAM": True,
    "ECCK": False,
    "MEDC": False,
    "BIMCO": False,
}


def batchim(word: str) -> bool:
    w = re.sub(r"\([^)]*\)$", "", word.strip()).strip().rstrip("'’\"”")
    for k, v in _OVERRIDE.items():
        if w.endswith(k):
            return v
    if not w:
        return False
    c = w[-1]
    if "가" <= c <= "힣":
        return (ord(c) - 0xAC00) % 28 != 0
    if c.upper() in _LATIN_BATCHIM:
        return True
    if c in _DIGIT_BATCHIM:
        return True
    return False


_PAIRS = {
    "와": ("와", "과"),
    "과": ("와", "과"),
    "는": ("는", "은"),
    "은": ("는", "은"),
    "가": ("가", "이"),
    "이": ("가", "이"),
    "를": ("를", "을"),
    "을": ("를", "을"),
    "다": ("다", "이다"),
    "로": ("로", "으로"),
}


def j(word: str, p: str) -> str:
    no, yes = _PAIRS[p]
    if p == "로" and word and "가" <= word[-1] <= "힣" and (ord(word[-1]) - 0xAC00) % 28 == 8:
        return word + "로"  # ㄹ
    return word + (yes if batchim(word) else no)
