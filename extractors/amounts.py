"""Money amounts and MOU counts in Korean news text.

Written by hand because Korean amounts mix digits and unit words ("3천500만유로", "1조2천억원",
"2조 5000억원") in ways the public Korean-number packages get wrong, and because the hard part is
not the arithmetic but telling money from other counts ("1천5백여명", "3억 년", "제3조").
Works on raw text with regexes: Kiwi splits "3천500만유로" into five tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.model import Amount

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A value below 10,000 written with digits and 천/백/십: "3천500", "1천5백", "5백", "6121".
_SMALL = rf"(?:(?:{_NUM})?천)?(?:(?:{_NUM})?백)?(?:(?:{_NUM})?십)?(?:{_NUM})?"

# Currency words written after the number, longest first so "호주달러" wins over "달러".
_SUFFIX_CURRENCY: dict[str, str] = {
    "미국 달러": "USD",
    "미국달러": "USD",
    "미 달러": "USD",
    "US달러": "USD",
    "호주 달러": "AUD",
    "호주달러": "AUD",
    "캐나다 달러": "CAD",
    "캐나다달러": "CAD",
    "홍콩 달러": "HKD",
    "홍콩달러": "HKD",
    "싱가포르 달러": "SGD",
    "싱가포르달러": "SGD",
    "대만 달러": "TWD",
    "대만달러": "TWD",
    "뉴질랜드 달러": "NZD",
    "뉴질랜드달러": "NZD",
    "달러화": "USD",
    "달러": "USD",
    "불": "USD",
    "유로화": "EUR",
    "유로": "EUR",
    "엔화": "JPY",
    "엔": "JPY",
    "위안화": "CNY",
    "위안": "CNY",
    "파운드": "GBP",
    "스위스 프랑": "CHF",
    "스위스프랑": "CHF",
    "루피아": "IDR",
    "루피": "INR",
    "루블": "RUB",
    "바트": "THB",
    "링깃": "MYR",
    "리얄": "SAR",
    "디르함": "AED",
    "헤알": "BRL",
    "텡게": "KZT",
    "리라": "TRY",
    "즐로티": "PLN",
    "필리핀 페소": "PHP",
    "멕시코 페소": "MXN",
    "베트남 동": "VND",
    "원화": "KRW",
    "원": "KRW",
    "$": "USD",
    "＄": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "￥": "JPY",
    "₩": "KRW",
    "USD": "USD",
    "EUR": "EUR",
    "JPY": "JPY",
    "CNY": "CNY",
    "RMB": "CNY",
    "GBP": "GBP",
    "KRW": "KRW",
    "INR": "INR",
    "VND": "VND",
}
_PREFIX_CURRENCY: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "S$": "SGD",
    "NZ$": "NZD",
    "$": "USD",
    "＄": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "￥": "JPY",
    "₩": "KRW",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "JPY": "JPY",
    "CNY": "CNY",
    "RMB": "CNY",
    "KRW": "KRW",
    "INR": "INR",
}
_ENGLISH_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_ENGLISH_CURRENCY_WORD = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "won": "KRW",
    "yen": "JPY",
    "yuan": "CNY",
    "pounds": "GBP",
    "usd": "USD",
    "eur": "EUR",
    "krw": "KRW",
    "jpy": "JPY",
    "cny": "CNY",
}


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_SUFFIX_ALT = _alternation(_SUFFIX_CURRENCY)
_PREFIX_ALT = _alternation(_PREFIX_CURRENCY)
_SCALE_ALT = _alternation(_ENGLISH_SCALE)

# A space may follow 조/억/만 only when more of the same amount comes next ("2조 5000억원",
# "8만 2,300원").
_GAP = rf"(?:\s(?=\d[\d,.]*\s?(?:[천백십만억]|{_SUFFIX_ALT})))?"
_KOREAN = re.compile(
    rf"(?<![\d.,A-Za-z])(?=\d)"
    rf"(?:(?P<jo>{_SMALL})여?\s?조{_GAP})?"
    rf"(?:(?P<eok>{_SMALL})여?\s?억{_GAP})?"
    rf"(?:(?P<man>{_SMALL})여?\s?만{_GAP})?"
    rf"(?P<rest>{_SMALL})(?P<approx>여)?"
    rf"(?:\s?(?P<cur>{_SUFFIX_ALT}))?"
)
_PREFIXED = re.compile(
    rf"(?<![A-Za-z])(?P<sym>{_PREFIX_ALT})\s?(?P<num>{_NUM})"
    rf"(?:\s?(?P<scale>{_SCALE_ALT})(?![A-Za-z])|(?P<ko>[천백]?만|[억조]))?(?![A-Za-z\d])",
    re.I,
)
_ENGLISH_POSTFIX = re.compile(
    rf"(?<![\w.])(?P<num>{_NUM})\s?(?P<scale>{_SCALE_ALT})\s(?P<word>"
    rf"{_alternation(_ENGLISH_CURRENCY_WORD)})\b",
    re.I,
)
_SMALL_PARTS = re.compile(
    rf"^(?:(?P<th>{_NUM})?천)?(?:(?P<hu>{_NUM})?백)?(?:(?P<te>{_NUM})?십)?(?P<one>{_NUM})?$"
)

# What may follow a one-syllable currency (원, 엔, 불) glued to the next word: particles and
# the suffixes of amounts ("원대", "원어치", "원씩"), never "원전", "원칙", "엔진", "불법".
_AFTER_SHORT_CURRENCY = set("을를이가은는의에과와로으도만씩대어까부보선상규수안짜내밖며쯤정량인")
# Words after a bare 억/조 that make it a count of something other than money.
_COUNTER = re.compile(
    r"\s?(?:명|개|건|년|회|뷰|마리|톤|그루|장|부|권|평|리터|배럴|가구|쌍|표|광년|킬로|인구|인분|종|곳|"
    r"위|분|초|시간|일|주|달|층|호|차|번|배|점|단|병|벌|켤레|송이|알|가지|바이트|화소|픽셀|세대|"
    r"km|㎞|㎡|kg|GB|MB|TB|[mt](?![A-Za-z]))"
)
_MONEY_CONTEXT = re.compile(
    r"[\d억만]\s?원|달러|유로|규모|투자|예산|매출|사업비|자금|펀드|비용|한화|금액|수출|조달|지원|투입|유치|상당|"
    r"어치|손실|이익|적자|흑자|세수|부채|출자|출연|계약"
)
_LAW_ARTICLE_BEFORE = re.compile(r"(?:법|령|규칙|조약|협약)\s?(?:제\s?)?$|\d\s?[·,]\s?$")
_RANGE = re.compile(r"\s?[~∼\-–]\s?")


def _num(text: str | None) -> float:
    return float(text.replace(",", "")) if text else 0.0


def _small(text: str | None) -> float:
    """Value of "3천500", "1천5백", "5백", "천" (a bare unit word counts as one of it)."""
    if not text:
        return 0.0
    m = _SMALL_PARTS.match(text)
    if m is None:
        return 0.0
    total = _num(m["one"])
    for group, scale in (("th", 1000), ("hu", 100), ("te", 10)):
        if f"{'천' if group == 'th' else '백' if group == 'hu' else '십'}" in text:
            total += (_num(m[group]) if m[group] else 1.0) * scale
    return total


def _korean_value(m: re.Match[str]) -> float:
    return (
        _small(m["jo"]) * 1e12 + _small(m["eok"]) * 1e8 + _small(m["man"]) * 1e4 + _small(m["rest"])
    )


def _short_currency_ok(text: str, cur: str, end: int) -> bool:
    """False for "원전", "원칙", "엔진", "불법", "랜드마크": a currency word glued to a noun."""
    if end >= len(text) or not ("가" <= text[end] <= "힣"):
        return True
    if len(cur) == 1 and "가" <= cur <= "힣":
        return text[end] in _AFTER_SHORT_CURRENCY
    return True


def _bare_krw_ok(text: str, m: re.Match[str], end: int) -> bool:
    """A number in 억/조 with no currency is KRW in Korean news, unless it counts something else."""
    if m["jo"] is None and m["eok"] is None:
        return False  # "10만", "1천5백여명": no currency, no 억 -> not money
    if m["eok"] is None and not m["man"] and not m["rest"]:
        # "3조" alone is also a law article or a team: only with money words around it
        around = text[max(0, m.start() - 25) : m.start()] + text[end : end + 15]
        if not _MONEY_CONTEXT.search(around):
            return False
    if m["jo"] is not None and _LAW_ARTICLE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return False  # "형사소송법 118조", "노동조합법 2·3조"
    if m["jo"] is not None and re.match(r"\s?(?:\d+\s?)?(?:항|제|의\d)", text[end:]):
        return False  # "3조 2항", "3조의2"
    return _COUNTER.match(text, end) is None


def _korean_amounts(text: str) -> Iterator[tuple[int, int, float, str]]:
    matches = [m for m in _KOREAN.finditer(text) if any(c.isdigit() for c in m.group())]
    for i, m in enumerate(matches):
        if text[max(0, m.start() - 1) : m.start()] == "제":  # ordinals: 제1원전, 제3조
            continue
        value = _korean_value(m)
        if value <= 0:
            continue
        cur = m["cur"]
        if cur is not None and _short_currency_ok(text, cur, m.end()):
            yield m.start(), m.end(), value, _SUFFIX_CURRENCY[cur]
            continue
        end = len(text[: m.start("cur")].rstrip()) if cur is not None else m.end()
        # "20억~50억원": the lower end of a range takes the currency of the upper end.
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if (
            nxt is not None
            and nxt["cur"]
            and (m["jo"] is not None or m["eok"] is not None or m["man"] is not None)
            and _RANGE.fullmatch(text[end : nxt.start()])
        ):
            yield m.start(), end, value, _SUFFIX_CURRENCY[nxt["cur"]]
        elif nxt is not None and _RANGE.fullmatch(text[end : nxt.start()]):
            # "20억~25억년": a range is money only if its upper end is
            nxt_end = nxt.end() if not nxt["cur"] else nxt.start("cur")
            if _bare_krw_ok(text, m, end) and _bare_krw_ok(text, nxt, nxt_end):
                yield m.start(), end, value, "KRW"
        elif _bare_krw_ok(text, m, end):
            yield m.start(), end, value, "KRW"


def _prefixed_amounts(text: str) -> Iterator[tuple[int, int, float, str]]:
    for m in _PREFIXED.finditer(text):
        value = _num(m["num"])
        if m["scale"]:
            value *= _ENGLISH_SCALE[m["scale"].lower()]
        elif m["ko"]:
            value *= {"만": 1e4, "천만": 1e7, "백만": 1e6, "억": 1e8, "조": 1e12}[m["ko"]]
        if value > 0:
            yield m.start(), m.end(), value, _PREFIX_CURRENCY[m["sym"].upper()]


def _english_amounts(text: str) -> Iterator[tuple[int, int, float, str]]:
    for m in _ENGLISH_POSTFIX.finditer(text):
        value = _num(m["num"]) * _ENGLISH_SCALE[m["scale"].lower()]
        yield m.start(), m.end(), value, _ENGLISH_CURRENCY_WORD[m["word"].lower()]


def parse_amounts(text: str) -> list[Amount]:
    """Money amounts in order of appearance, each once: text as written, value, ISO currency."""
    spans = sorted(
        [*_prefixed_amounts(text), *_english_amounts(text), *_korean_amounts(text)],
        key=lambda s: (s[0], -s[1]),
    )
    out: list[Amount] = []
    seen: set[tuple[str, float, str]] = set()
    taken_until = -1
    for start, end, value, currency in spans:
        if start < taken_until:
            continue  # inside an amount already read ("$5 million" also holds "5")
        taken_until = end
        amount = Amount(text=text[start:end].strip(), value=value, currency=currency)
        key = (amount.text, amount.value, amount.currency)
        if key not in seen:
            seen.add(key)
            out.append(amount)
    return out


# --- MOU counts -----------------------------------------------------------------------------

_AGREEMENT = r"(?:MOU|MOA|LOI|양해각서|업무\s?협약|협약|협정|약정|의향서)"
_KOREAN_COUNT = {
    "한": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
}
_COUNT = r"(\d{1,4}|다섯|여섯|일곱|여덟|아홉|한|두|세|네|열)"
_MOU_COUNT = re.compile(
    # "MOU 10건", "양해각서(MOU) 5건을", "업무협약을 총 3건", "MOU 체결 10건"
    rf"{_AGREEMENT}(?:\s?\([A-Za-z가-힣 ]{{1,12}}\))?(?:을|를|이|가)?\s?(?:체결\s?)?(?:총\s?)?"
    rf"{_COUNT}\s?건"
    # "6건의 MOU", "10건의 업무협약(MOU)", "3건의 투자 협약"
    rf"|{_COUNT}\s?건의\s?(?:(?:[가-힣A-Za-z·]*[가-힣A-Za-z·](?<![와과및])\s)){{0,2}}[가-힣]{{0,4}}{_AGREEMENT}",
)


def parse_mou_count(text: str) -> int | None:
    """The number of MOUs the text states ("MOU 10건", "6건의 MOU"), first statement wins."""
    m = _MOU_COUNT.search(text)
    if m is None:
        return None
    word = next(g for g in m.groups() if g is not None)
    count = int(word) if word.isdigit() else _KOREAN_COUNT[word]
    return count if count > 0 else None


__all__ = ["parse_amounts", "parse_mou_count"]
