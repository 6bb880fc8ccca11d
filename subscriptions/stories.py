"""Does a new MOU report reprint a story we already have? Pure: facts in, a score out.

Korean outlets rewrite the same press release within hours: the headline changes, the countries
and the signing parties do not, and the dates stay within a day or two. A forum where ten MOUs
are signed the same day is the hard case: same countries, same date, different parties. So the
parties carry most of the weight, the text breaks ties, and the countries and the date are gates.
On the real reprints in tests/test_stories.py, the text similarity of one MOU's reports is
0.58-0.89 and that of other MOUs with the same country in the same days 0.08-0.32.

``story_score`` returns 0..1 and ``same_story`` compares it with ``SAME_STORY_THRESHOLD``; the
weights and the threshold are module constants so the feeds evaluation can tune them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from extractors.gazetteer import english_names, korean_names

MAX_DAYS_APART = 3
SAME_STORY_THRESHOLD = 0.6
PARTY_MATCH = 85.0
"""rapidfuzz ratio (0..100) from which two party names are taken as the same organisation."""

W_PARTIES = 0.6
W_TEXT = 0.4
TEXT_ONLY_THRESHOLD = 0.5
MIN_BIGRAMS = 8
"""When either side names no party, the text alone must be this similar."""

# Legal-form words that differ between outlets for the same organisation.
_LEGAL_FORMS = re.compile(
    r"\(주\)|㈜|주식회사|\(사\)|사단법인|\(재\)|재단법인|유한회사|co\.?,? ?ltd\.?|inc\.?|corp\.?"
    r"|corporation|limited|gmbh|s\.a\.|the ",
    re.IGNORECASE,
)
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True)
class StoryFacts:
    """What grouping compares: the first report of a stored story, or a new report."""

    countries: frozenset[str]
    parties: tuple[str, ...]
    """Every named signing organisation, flattened over agreements."""
    date: dt.date | None
    """Signing date when the article gives one, else the publication date."""
    text: str
    """Headline and summary."""

    def parties_groups(self) -> tuple[tuple[str, ...], ...]:
        """The parties in the shape ``of`` takes (one group)."""
        return (self.parties,) if self.parties else ()

    @classmethod
    def of(
        cls,
        countries: Iterable[str],
        parties: Iterable[Iterable[str]],
        signed_on: dt.date | None,
        published: dt.datetime | None,
        title: str,
        summary: str,
    ) -> StoryFacts:
        date = signed_on or (published.date() if published else None)
        flat = tuple(p for group in parties for p in group if p.strip())
        return cls(frozenset(countries), flat, date, f"{title}\n{summary}".strip())


@functools.cache
def _country_words() -> re.Pattern[str]:
    names = {n for n in korean_names() if len(n) >= 2} | {"한국", "대한민국", "韓国", "韓"}
    names |= {n for n in english_names() if len(n) >= 4} | {"korea", "korean"}
    names = {unicodedata.normalize("NFKC", n).casefold() for n in names}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(alternatives)


def normalize_party(name: str) -> str:
    """Comparable form of an organisation's name: no legal form, spacing, punctuation or
    country name ("사우디아라비아 국방연구소" and "사우디 국방연구소" are one institute,
    "한국마사회" is "마사회"). Grouping only compares reports about the same countries, so
    dropping them is safe; a name that is only a country stays."""
    name = unicodedata.normalize("NFKC", name).casefold()
    name = _LEGAL_FORMS.sub(" ", name)
    bare = _NON_WORD.sub("", _country_words().sub(" ", name))
    return bare if len(bare) >= 2 else _NON_WORD.sub("", name)


def party_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float | None:
    """Share of the smaller side's parties found (fuzzily) on the other side; None if a side
    names nobody."""
    left = {n for n in map(normalize_party, a) if n}
    right = {n for n in map(normalize_party, b) if n}
    if not left or not right:
        return None
    small, big = (left, right) if len(left) <= len(right) else (right, left)
    found = 0
    for name in small:
        best = max(_party_ratio(name, other) for other in big)
        if best >= PARTY_MATCH:
            found += 1
    return found / len(small)


def _party_ratio(a: str, b: str) -> float:
    if a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a)):
        return 100.0  # "코트라" vs "코트라파리무역관": the same organisation, more or less
    return float(fuzz.ratio(a, b))


def _bigrams(text: str) -> set[str]:
    flat = _NON_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())
    return {flat[i : i + 2] for i in range(len(flat) - 1)}


def text_similarity(a: str, b: str) -> float:
    """0..1: character bigrams of the shorter text found in the longer one.

    Bigrams suit Korean, where particles glue onto words ("사우디와", "사우디의") and token
    matching fails; containment, because one outlet gives a headline and another a headline
    and a lead. Texts under ``MIN_BIGRAMS`` use the symmetric Dice coefficient instead, so a
    bare "MOU 체결" is not contained in everything.
    """
    left, right = _bigrams(a), _bigrams(b)
    if not left or not right:
        return 0.0
    common = len(left & right)
    if min(len(left), len(right)) < MIN_BIGRAMS:
        return 2 * common / (len(left) + len(right))
    return common / min(len(left), len(right))


def story_score(candidate: StoryFacts, new: StoryFacts) -> float:
    """0..1 likelihood that ``new`` reports the same MOU as ``candidate``; 0 when the countries
    differ or the dates are more than ``MAX_DAYS_APART`` days apart."""
    if candidate.countries != new.countries:
        return 0.0
    if candidate.date and new.date and abs((candidate.date - new.date).days) > MAX_DAYS_APART:
        return 0.0
    text = text_similarity(candidate.text, new.text)
    parties = party_similarity(candidate.parties, new.parties)
    if parties is None:
        # Without parties only a close text can tell; scale it onto the common threshold.
        return min(1.0, text * SAME_STORY_THRESHOLD / TEXT_ONLY_THRESHOLD)
    return W_PARTIES * parties + W_TEXT * text


def same_story(candidate: StoryFacts, new: StoryFacts) -> bool:
    return story_score(candidate, new) >= SAME_STORY_THRESHOLD


def best_match(candidates: Iterable[tuple[int, StoryFacts]], new: StoryFacts) -> int | None:
    """The id of the candidate story ``new`` reprints (the highest score), or None."""
    best_id, best = None, 0.0
    for story_id, facts in candidates:
        score = story_score(facts, new)
        if score >= SAME_STORY_THRESHOLD and score > best:
            best_id, best = story_id, score
    return best_id
