"""Does a new MOU report reprint a story we already have? Pure: facts in, a score out.

Korean outlets rewrite the same press release within hours: the headline changes, the countries
and the signing parties do not, and the dates stay within a day or two. A forum where ten MOUs
are signed the same day is the hard case: same countries, same date, different parties. So the
countries and the date are gates, the parties carry most of the weight and the text breaks
ties; a text close enough can carry a merge on its own, because the parties the extractor
reads from a lead are noisy ("가운데 한국 국방과학연구소", "양국 국방연구소").
On the real reprints in tests/test_stories.py, the text similarity of one MOU's reports is
0.58-0.89 and that of other MOUs with the same country in the same days 0.08-0.32;
bench/stories.py measures the whole.

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
"""How similar the text alone must be to make one story (whatever the parties)."""
MIN_BIGRAMS = 8

# Legal-form words that differ between outlets for the same organisation.
_LEGAL_FORMS = re.compile(
    r"\(주\)|㈜|주식회사|\(사\)|사단법인|\(재\)|재단법인|유한회사|co\.?,? ?ltd\.?|inc\.?|corp\.?"
    r"|corporation|limited|gmbh|s\.a\.|the ",
    re.IGNORECASE,
)
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_BRACKETED = re.compile(r"[(\[（［]([^()\[\]（）［］]*)[)\]）］]")


@dataclass(frozen=True)
class StoryFacts:
    """What grouping compares: the first report of a stored story, or a new report."""

    countries: frozenset[str]
    parties: tuple[str, ...]
    """Every named signing organisation, flattened over agreements."""
    signed: dt.date | None
    """Signing date, when the article gives one."""
    published: dt.date | None
    """Publication date (UTC)."""
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
        flat = tuple(p for group in parties for p in group if p.strip())
        day = published.astimezone(dt.UTC).date() if published else None
        return cls(frozenset(countries), flat, signed_on, day, f"{title}\n{summary}".strip())

    def days_apart(self, other: StoryFacts) -> int | None:
        """Days between the signing dates when both reports give one, else between the
        publication dates (a lead that gives no signing day is compared by when it ran);
        None when that is unknown."""
        if self.signed and other.signed:
            return abs((self.signed - other.signed).days)
        if self.published and other.published:
            return abs((self.published - other.published).days)
        return None


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


@functools.lru_cache(maxsize=8192)
def party_aliases(name: str) -> frozenset[str]:
    """The comparable forms of one party: outside and inside its brackets, since outlets
    write "퓨어헬스(PureHealth) 그룹", "KAI(한국항공우주산업)" or only one of the two. A legal
    form in brackets ("(주)") is dropped first, not taken for a name."""
    name = _LEGAL_FORMS.sub(" ", unicodedata.normalize("NFKC", name))
    parts = [_BRACKETED.sub(" ", name), *_BRACKETED.findall(name)]
    return frozenset(n for n in map(normalize_party, parts) if len(n) >= 2)


def party_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float | None:
    """Share of the smaller side's parties found (fuzzily, by any of their aliases) on the
    other side; None if a side names nobody."""
    left = {x for x in map(party_aliases, a) if x}
    right = {x for x in map(party_aliases, b) if x}
    if not left or not right:
        return None
    small, big = (left, right) if len(left) <= len(right) else (right, left)
    found = 0
    for party in small:
        if any(_party_ratio(x, y) >= PARTY_MATCH for other in big for x in party for y in other):
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
    differ or the dates are more than ``MAX_DAYS_APART`` days apart (see ``days_apart``).
    Otherwise the parties and the text together, or the text alone when that says more."""
    if candidate.countries != new.countries:
        return 0.0
    days = candidate.days_apart(new)
    if days is not None and days > MAX_DAYS_APART:
        return 0.0
    text = text_similarity(candidate.text, new.text)
    # The text alone, scaled onto the common threshold: a close text is one MOU whatever
    # parties the extractor read from each lead ("가운데 한국 국방과학연구소", or "휴롬" in one
    # report and "LG화학" in the other)...
    by_text = min(1.0, text * SAME_STORY_THRESHOLD / TEXT_ONLY_THRESHOLD)
    parties = party_similarity(candidate.parties, new.parties)
    if parties is None:
        return by_text
    both = W_PARTIES * parties + W_TEXT * text
    if parties == 0.0 and by_text > both and not _parties_overlap(candidate, new):
        # ...unless the parties contradict: neither side names any party of the other, in its
        # parties or its text. Two MOUs of one forum share the boilerplate of the lead.
        return both
    return max(both, by_text)


def _parties_overlap(a: StoryFacts, b: StoryFacts) -> bool:
    """Some party of one side is named in the other side's text."""
    return _named_in(a.parties, b.text) or _named_in(b.parties, a.text)


def _named_in(parties: tuple[str, ...], text: str) -> bool:
    """A party is named in ``text`` by one of its aliases or one of its words (not a country:
    "베트남 상공회의소" is not named by "한-베트남 포럼")."""
    body = _NON_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())
    for party in parties:
        words = {_word_form(w) for w in party.split()}
        if any(form and form in body for form in party_aliases(party) | words):
            return True
    return False


def _word_form(word: str) -> str:
    bare = _NON_WORD.sub(
        "", _country_words().sub(" ", unicodedata.normalize("NFKC", word).casefold())
    )
    return bare if len(bare) >= 2 else ""


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
