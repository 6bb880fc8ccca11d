"""What an alert shows of a story's text, cleaned for a reader: the summary without the
headline, outlet names or bylines, and an amount followed by its won equivalent as one amount.

Display only: the stored extraction keeps every amount as written, as LABELS.md asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_SENTENCES = re.compile(r"(?<=[.!?。])\s+")
# "(서울=연합뉴스) 김철수 기자 =", "[이데일리 김철수 기자]", "김철수 특파원 =", "hong@yna.co.kr"
_BRACKETED = r"[(\[【][^()\[\]【】]{0,40}%s[^()\[\]【】]{0,40}[)\]】]"
_BYLINES = (
    re.compile(_BRACKETED % "=" + r"\s*(?:[가-힣]{2,4}\s*(?:기자|특파원)\s*=?)?"),
    re.compile(_BRACKETED % "(?:기자|특파원|reporter)", re.I),
    re.compile(r"(?:^|\s)[가-힣]{2,4}\s*(?:기자|특파원)\s*=\s*"),
    re.compile(r"(?:^|\s)[가-힣]{2,4}\s*(?:기자|특파원)(?=\s*[\w.+-]+@|\s*$)"),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
)
_NON_WORD = re.compile(r"[\W_]+")

KRW_PER_UNIT = {
    "KRW": 1.0,
    "USD": 1400.0,
    "EUR": 1500.0,
    "JPY": 9.5,
    "CNY": 195.0,
    "GBP": 1800.0,
    "AUD": 900.0,
    "CAD": 1000.0,
    "CHF": 1600.0,
    "SGD": 1050.0,
    "HKD": 180.0,
    "VND": 0.055,
    "INR": 16.5,
    "AED": 380.0,
    "SAR": 370.0,
}
"""Rough won per unit: to rank amounts in /summary, and to recognise "2억달러(약 2천700억원)"
as one amount told twice (a won figure within ``EQUIVALENT_SPREAD`` of the conversion)."""
EQUIVALENT_SPREAD = 1.6


def _plain(text: str) -> str:
    return _NON_WORD.sub("", text).casefold()


def clean_summary(summary: str, title: str = "", outlets: Iterable[str] = ()) -> str:
    """``summary`` without bylines and e-mail addresses, and without any sentence that
    repeats the headline or names an outlet."""
    text = summary
    for pattern in _BYLINES:
        text = pattern.sub(" ", text)
    headline = _plain(title)
    names = [_plain(o) for o in outlets if len(_plain(o)) >= 2]
    kept = []
    for sentence in _SENTENCES.split(" ".join(text.split())):
        key = _plain(sentence)
        if not key:
            continue
        if headline and (headline in key or (len(key) >= 8 and key in headline)):
            continue
        if any(name in key for name in names):
            continue
        kept.append(sentence.strip())
    return " ".join(kept)


def _is_equivalent(first: tuple[str, float, str], second: tuple[str, float, str]) -> bool:
    (_t1, v1, c1), (_t2, v2, c2) = first, second
    rate = KRW_PER_UNIT.get(c1.upper())
    if c1.upper() == "KRW" or c2.upper() != "KRW" or rate is None or v1 <= 0 or v2 <= 0:
        return False
    ratio = v2 / (v1 * rate)
    return 1 / EQUIVALENT_SPREAD <= ratio <= EQUIVALENT_SPREAD


def amount_groups(
    amounts: Sequence[tuple[str, float, str]],
) -> list[tuple[tuple[str, float, str], tuple[str, float, str] | None]]:
    """Each amount with the won equivalent that follows it, if the next one is that."""
    groups: list[tuple[tuple[str, float, str], tuple[str, float, str] | None]] = []
    i = 0
    while i < len(amounts):
        if i + 1 < len(amounts) and _is_equivalent(amounts[i], amounts[i + 1]):
            groups.append((amounts[i], amounts[i + 1]))
            i += 2
        else:
            groups.append((amounts[i], None))
            i += 1
    return groups
