"""One Kiwi per process, taught the country names and pair forms Korean news uses.

Kiwi costs ~1.4 s and ~320 MB to build, so an `Analyzer` builds it on first use only: a batch the
keyword gate rejects entirely never loads it.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.gazetteer import (
    FOREIGN_PLACES,
    PAIR_ABBREVIATIONS,
    TAUGHT_PLACES,
    cldr_cities,
    korean_names,
    subdivisions,
)

if TYPE_CHECKING:
    from kiwipiepy import Kiwi


@dataclass(frozen=True)
class Tok:
    form: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True)
class Word:
    """A word (어절) of a sentence and the morphemes that start inside it."""

    start: int
    end: int
    tokens: tuple[Tok, ...]


# A parenthesized aside stays inside the word it glosses, so "사업부(Tata Motors Passenger
# Vehicles)는" is one word, not four.
WORD = re.compile(r"(?:[^\s(]|\([^()\n]{0,80}\)|\()+")


def words_of(sentence: str, tokens: Sequence[Tok], end: int | None = None) -> list[Word]:
    """The words of `sentence[:end]` with their tokens, in one pass over both (tokens come in
    order of their start; a 16,000-character run-on stays linear)."""
    ordered = tokens if _in_order(tokens) else sorted(tokens, key=lambda t: t.start)
    words: list[Word] = []
    k = 0
    for m in WORD.finditer(sentence, 0, len(sentence) if end is None else end):
        while k < len(ordered) and ordered[k].start < m.start():
            k += 1
        first = k
        while k < len(ordered) and ordered[k].start < m.end():
            k += 1
        words.append(Word(m.start(), m.end(), tuple(ordered[first:k])))
    return words


def token_at(tokens: Sequence[Tok], pos: int) -> Tok | None:
    """The token covering `pos` (tokens in order of their start), by bisection."""
    i = bisect.bisect_right(tokens, pos, key=lambda t: t.start) - 1
    if 0 <= i < len(tokens) and tokens[i].start <= pos < tokens[i].end:
        return tokens[i]
    return None


def _in_order(tokens: Sequence[Tok]) -> bool:
    return all(a.start <= b.start for a, b in itertools.pairwise(tokens))


# Pair forms Kiwi mis-tags unless told (한불 -> 한 + 불 as a prefix): one NNP each.
def _pair_words() -> list[str]:
    words = []
    for abbr, codes in PAIR_ABBREVIATIONS.items():
        if len(codes) == 1 and len(abbr) == 1 and "\uac00" <= abbr <= "\ud7a3":
            words.append("한" + abbr)
    return words


# Names Kiwi must not split. Ambiguous common nouns (인도, 이란, 가나...) are left to its model.
_AMBIGUOUS = {
    "인도",
    "이란",
    "가나",
    "기니",
    "말리",
    "차드",
    "조지아",
    "도미니카",
    "몰타",
    "터키",
    "통가",
}


class Analyzer:
    """Lazily built Kiwi; `tokenize_many` analyses many texts in one call (releases the GIL)."""

    def __init__(self, num_workers: int = 1) -> None:
        # extract_words crashes with 0 workers; tokenize does not, but keep one rule for both.
        self._num_workers = max(1, num_workers)
        self._kiwi: Kiwi | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._kiwi is not None

    def kiwi(self) -> Kiwi:
        with self._lock:
            if self._kiwi is None:
                self._kiwi = _build(self._num_workers)
            return self._kiwi

    def tokenize_many(self, texts: Iterable[str]) -> Iterator[list[Tok]]:
        texts = list(texts)
        if not texts:
            return iter(())
        results = self.kiwi().tokenize(texts)
        return (
            [Tok(t.form, str(t.tag), t.start, t.start + t.len) for t in tokens]
            for tokens in results
        )


def _build(num_workers: int) -> Kiwi:
    from kiwipiepy import Kiwi  # imported here: importing extractors must stay cheap

    kiwi = Kiwi(num_workers=num_workers, load_multi_dict=False, load_typo_dict=False)
    for name in korean_names():
        if " " in name or name in _AMBIGUOUS or not any("\uac00" <= c <= "\ud7a3" for c in name):
            continue
        kiwi.add_user_word(name, "NNP")
    for word in _pair_words():
        kiwi.add_user_word(word, "NNP")
    for city in cldr_cities():  # "노보시비르스크" is one name, not three nouns
        if city not in FOREIGN_PLACES:
            kiwi.add_user_word(city, "NNP")
    for place in TAUGHT_PLACES:  # "브로츠와프의": a name and its particle
        kiwi.add_user_word(place, "NNP")
    for region in subdivisions()[0]:  # "타밀나두 주정부와": a name, not a common noun
        if region not in FOREIGN_PLACES and " " not in region:
            kiwi.add_user_word(region, "NNP")
    return kiwi
