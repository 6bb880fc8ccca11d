"""What a person types after /subscribe, resolved to topics. Pure: text in, topics out.

Accepted for a country: its English or Korean name ("France", "프랑스", "사우디 아라비아"), ISO
code ("FR"), flag ("🇫🇷"), hanja ("佛") or unambiguous one-syllable news form ("불"). For a sector:
its id, label or an alias in either language ("AI", "인공지능", "바이오"). Names come from
``extractors.gazetteer`` (Babel/CLDR plus news forms) and ``extractors.sectors``.

Commas, "、", ";" and new lines separate groups. Within one group, every country named combines
with every sector named ("France AI": both must match; "France Germany AI": France · AI and
Germany · AI); a group of countries only or sectors only is that many separate topics ("France
Germany" is two). Groups with several countries or sectors and at least one of the other are
reported in ``TopicParse.combined`` so that a reply can offer them separately instead.

Sector names win over two-letter codes: "AI" is the sector, not
Anguilla, and "IT" is ICT, not Italy (type "Italy" or "이탈리아").

``org:`` (기관:, 기업:) and ``kw:`` (키워드:) take the rest of their line as one organisation
name or keyword phrase; a lone country before them combines ("France org:탈레스"). The whole
grammar, for people, is in docs/bot.md.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from extractors.gazetteer import (
    HANJA,
    PAIR_ABBREVIATIONS,
    code_from_flag,
    country_codes,
    country_name,
    english_names,
    flag,
    korean_names,
)
from extractors.sectors import SECTORS, SECTORS_BY_ID
from subscriptions.models import Topic
from subscriptions.organisations import clean_term

Lang = Literal["ko", "en"]
Kind = Literal["country", "sector", "home"]

MAX_CHARS = 2000
"""Longer input is cut here (and ``truncated`` set): nobody follows 2 KB of topics."""
MAX_UNKNOWN = 10
SUGGESTION_CUTOFF = 80.0
MAX_SUGGESTIONS = 3

HOME = "KR"
"""Every alert is about Korea and a partner: following Korea itself would match nothing."""
_HOME_NAMES = (
    "Korea",
    "South Korea",
    "Republic of Korea",
    "ROK",
    "한국",
    "대한민국",
    "남한",
    "韓",
    "韩",
)

_SEPARATORS = re.compile(r"[,，、;；\n]+")
_KEY_DROP = re.compile(r"[\W_]+")
_SPLIT_INSIDE = re.compile(r"[·・/+&|]+")
_FLAGS = re.compile(r"([\U0001F1E6-\U0001F1FF]{2})")
_TAGS = re.compile(r"<[^>]{0,200}>")
_STRIP = "\"'“”‘’`()[]{}<>«»「」『』【】!?！？:：.。…*#@~"
_FILLERS = {"and", "or", "&", "+", "/", "및", "그리고", "또는", "와", "과", "-", "·"}
_PARTICLES = ("이랑", "하고", "와", "과", "랑", "은", "는", "을", "를", "의", "도")
_TERM = re.compile(r"(?:^|(?<=[\s,;]))(org|kw|기관|기업|키워드)\s*:", re.IGNORECASE)
_TERM_KINDS = {"org": "org", "기관": "org", "기업": "org", "kw": "kw", "키워드": "kw"}
_NEWLINES = {"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n", "\t": " "}


@dataclass(frozen=True)
class UnknownWord:
    word: str
    """As typed (cut to 64 characters)."""
    suggestions: tuple[str, ...] = ()
    """Names close to it that resolve ("France" for "Frnace"), best first; may be empty."""
    home: bool = False
    """The word names Korea itself, one side of every MOU (so no suggestion is offered)."""


@dataclass(frozen=True)
class Combined:
    """A group that combined several countries or sectors: ``countries`` x ``sectors``."""

    countries: tuple[str, ...]
    sectors: tuple[str, ...]

    @property
    def separately(self) -> tuple[Topic, ...]:
        return tuple(Topic(country=c) for c in self.countries) + tuple(
            Topic(sector=s) for s in self.sectors
        )

    @property
    def topics(self) -> tuple[Topic, ...]:
        return tuple(Topic(c, s) for c in self.countries for s in self.sectors)


@dataclass(frozen=True)
class TopicParse:
    topics: tuple[Topic, ...] = ()
    unknown: tuple[UnknownWord, ...] = ()
    combined: tuple[Combined, ...] = ()
    """Groups whose countries and sectors were combined pairwise (more than one pair)."""
    truncated: bool = False
    """The input was longer than ``MAX_CHARS`` or had more than ``MAX_UNKNOWN`` unknown words."""

    @property
    def empty(self) -> bool:
        return not self.topics and not self.unknown


@dataclass(frozen=True)
class _Entry:
    kind: Kind
    value: str
    display: str
    """The name as a person would type it, for suggestions."""


def _key(text: str) -> str:
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


def _fuzz_key(key: str) -> str:
    # Hangul syllables split into jamo: "인공지눙" is one vowel away from "인공지능", not one
    # syllable in four.
    return unicodedata.normalize("NFD", key)


def _variants(name: str) -> list[str]:
    """Other ways to type a CLDR name: "Saint"/"St.", "and"/"&", the part before a comma
    ("St. Helena" for "St. Helena, Ascension & Tristan da Cunha")."""
    forms = {name, name.replace("&", "and")}
    for form in list(forms):
        forms.add(re.sub(r"\bSt\.?(?=\s)", "Saint", form))
        forms.add(re.sub(r"\bSaint(?=\s)", "St.", form))
    heads = {f.split(",")[0] for f in forms if "," in f}
    return sorted(forms - {name}) + sorted(heads)


@functools.cache
def _index() -> dict[str, _Entry]:
    index: dict[str, _Entry] = {}

    def add(name: str, kind: Kind, value: str) -> None:
        key = _key(name)
        if key and key not in index:  # the first meaning wins: see the module docstring
            index[key] = _Entry(kind, value, name)

    for name in (*_HOME_NAMES, country_name(HOME, "en"), country_name(HOME, "ko"), HOME):
        add(name, "home", HOME)
    add(flag(HOME), "home", HOME)
    for s in SECTORS:
        for name in (s.id, s.en, s.ko, *s.aliases, *s.ko.split("·")):
            add(name, "sector", s.id)
    codes = country_codes() - {HOME}
    for name, code in korean_names().items():
        if code in codes:
            add(name, "country", code)
    for code in sorted(codes):
        add(country_name(code, "en"), "country", code)
        add(country_name(code, "ko"), "country", code)
    for name, code in english_names().items():
        if code in codes:
            add(name, "country", code)
    # Variants come after every full name so that they never take a name's meaning away.
    for code in sorted(codes):
        for variant in _variants(country_name(code, "en")):
            add(variant, "country", code)
    for code in sorted(codes):
        add(code, "country", code)
    for name, code in HANJA.items():
        if code in codes:
            add(name, "country", code)
    for name, found in PAIR_ABBREVIATIONS.items():
        if len(found) == 1 and found[0] in codes:
            add(name, "country", found[0])
    return index


@functools.cache
def _max_words() -> int:
    """The longest name in words ("St. Helena, Ascension & Tristan da Cunha" has seven)."""
    return max(len(e.display.split()) for e in _index().values())


@functools.cache
def _names_with_separators() -> re.Pattern[str] | None:
    """Names that hold a topic separator ("Bonaire, Sint Eustatius & Saba"), longest first."""
    names = sorted(
        {e.display for e in _index().values() if _SEPARATORS.search(e.display)},
        key=len,
        reverse=True,
    )
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)


def _keep_names_whole(text: str) -> str:
    pattern = _names_with_separators()
    if pattern is None:
        return text
    return pattern.sub(lambda m: _SEPARATORS.sub(" ", m.group(0)), text)


@functools.cache
def _fuzzy_choices() -> tuple[list[str], list[_Entry]]:
    keys, entries = [], []
    for key, entry in _index().items():
        fk = _fuzz_key(key)
        if len(fk) >= 4 and entry.kind != "home":  # codes, one-syllable forms: any short junk
            keys.append(fk)
            entries.append(entry)
    return keys, entries


def _clean(text: str) -> str:
    text = _TAGS.sub(" ", html.unescape(text))
    text = unicodedata.normalize("NFKC", text)
    out = []
    for ch in text:
        ch = _NEWLINES.get(ch, ch)
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs", "Co", "Cn") and ch != "\n":
            out.append(" ")
        elif category == "Cf":  # RTL marks, zero-width spaces, BOM: invisible, drop
            continue
        else:
            out.append(ch)
    return _FLAGS.sub(r" \1 ", "".join(out))


def _lookup(word: str) -> _Entry | None:
    entry = _index().get(_key(word))
    if entry is not None:
        return entry
    code = code_from_flag(word)
    if code:
        return _Entry("home" if code == HOME else "country", code, word)
    return None


def _resolve_word(word: str) -> list[_Entry] | None:
    """One word that is no name by itself: "프랑스와" (a particle) or "France/AI" (glued)."""
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) > len(particle) + 1:
            entry = _lookup(word[: -len(particle)])
            if entry is not None:
                return [entry]
    parts = [p for p in _SPLIT_INSIDE.split(word) if p]
    if len(parts) > 1:
        entries = [_lookup(p) for p in parts]
        if all(entries):
            return [e for e in entries if e is not None]
    return None


def suggest(text: str) -> tuple[str, ...]:
    """Names close to ``text`` that would resolve, best first (empty when nothing is close)."""
    query = _fuzz_key(_key(text))
    if len(query) < 3:
        return ()
    keys, entries = _fuzzy_choices()
    found = process.extract(
        query, keys, scorer=fuzz.ratio, limit=MAX_SUGGESTIONS * 3, score_cutoff=SUGGESTION_CUTOFF
    )
    names: list[str] = []
    seen: set[tuple[str, str]] = set()
    for _key_text, _score, i in found:
        entry = entries[i]
        if (entry.kind, entry.value) not in seen:
            seen.add((entry.kind, entry.value))
            names.append(entry.display)
    return tuple(names[:MAX_SUGGESTIONS])


def _words(group: str) -> list[str]:
    words = (w.strip(_STRIP) or w for w in group.split())
    return [w for w in words if w]


def _parse_group(words: list[str]) -> tuple[list[_Entry], list[list[str]]]:
    """Greedy longest-name-first resolution: the entries found and the runs of unknown words."""
    entries: list[_Entry] = []
    runs: list[list[str]] = []
    run: list[str] = []
    i = 0
    while i < len(words):
        found: list[_Entry] | None = None
        used = 1
        for width in range(min(_max_words(), len(words) - i), 0, -1):
            span = words[i : i + width]
            if width > 1 and any(code_from_flag(w) for w in span):
                continue  # "🇫🇷 AI" is two topics, never the name "AI"
            entry = _lookup("".join(span))
            if entry is not None:
                found, used = [entry], width
                break
        if found is None:
            if words[i].casefold() in _FILLERS:  # "and", "및": only inside a name do they count
                i += 1
                continue
            found = _resolve_word(words[i])
        if found is None:
            run.append(words[i])
        else:
            if run:
                runs.append(run)
                run = []
            entries.extend(found)
        i += used
    if run:
        runs.append(run)
    return entries, runs


def _topics_of(entries: list[_Entry]) -> tuple[list[Topic], Combined | None]:
    """The group's topics: each country with each sector when it names both, else each."""
    entries = [e for e in entries if e.kind != "home"]
    countries = tuple(dict.fromkeys(e.value for e in entries if e.kind == "country"))
    sectors = tuple(dict.fromkeys(e.value for e in entries if e.kind == "sector"))
    if countries and sectors:
        group = Combined(countries, sectors)
        return list(group.topics), group if len(group.topics) > 1 else None
    return [Topic(country=c) for c in countries] + [Topic(sector=s) for s in sectors], None


def _unknown_of(run: list[str]) -> list[UnknownWord]:
    """A run of unknown words: one suggestion for the whole ("New Zeland"), else per word."""
    if len(run) > 1:
        whole = suggest(" ".join(run))
        if whole:
            return [UnknownWord(" ".join(run)[:64], whole)]
    return [UnknownWord(w[:64], suggest(w)) for w in run]


def _split_term(line: str) -> tuple[str, Topic | None]:
    """A line's text before ``org:``/``kw:`` and the organisation or keyword topic after it
    (the rest of the line, separators and all, is one name or phrase)."""
    found = _TERM.search(line)
    if found is None:
        return line, None
    name = clean_term(line[found.end() :])
    if not name:
        return line[: found.start()], None
    kind = _TERM_KINDS[found[1].casefold()]
    return line[: found.start()], Topic(org=name) if kind == "org" else Topic(keyword=name)


def _with_term(topics: list[Topic], term: Topic | None) -> list[Topic]:
    """A lone country before a term combines with it ("France org:탈레스"); other topics
    before it stay topics of their own."""
    if term is None:
        return topics
    if len(topics) == 1 and topics[0].country and not topics[0].sector:
        return [Topic(country=topics[0].country, org=term.org, keyword=term.keyword)]
    return [*topics, term]


def parse_topics(text: str) -> TopicParse:
    """Every topic in a command's argument string, and the words that are none. Never raises."""
    truncated = len(text) > MAX_CHARS
    topics: list[Topic] = []
    unknown: list[UnknownWord] = []
    combined: list[Combined] = []
    for line in _clean(text[:MAX_CHARS]).split("\n"):
        head, term = _split_term(line)
        line_topics, line_truncated = _parse_line(head, unknown, combined)
        truncated = truncated or line_truncated
        for topic in _with_term(line_topics, term):
            if topic not in topics:
                topics.append(topic)
    if len(unknown) > MAX_UNKNOWN:
        unknown, truncated = unknown[:MAX_UNKNOWN], True
    return TopicParse(tuple(topics), tuple(unknown), tuple(combined), truncated)


def _parse_line(
    line: str, unknown: list[UnknownWord], combined: list[Combined]
) -> tuple[list[Topic], bool]:
    """The topics of one line without a term; unknown words are appended to ``unknown``, the
    groups that combined several pairs to ``combined``."""
    truncated = False
    topics: list[Topic] = []
    for group in _SEPARATORS.split(_keep_names_whole(line)):
        entries, runs = _parse_group(_words(group))
        for entry in entries:
            if entry.kind == "home" and not any(u.home for u in unknown):
                unknown.append(UnknownWord(entry.display[:64], home=True))
        group_topics, group_combined = _topics_of(entries)
        if group_combined is not None:
            combined.append(group_combined)
        for topic in group_topics:
            if topic not in topics:
                topics.append(topic)
        for run in runs:
            if len(unknown) >= MAX_UNKNOWN:
                truncated = True
                break
            unknown.extend(_unknown_of(run))
    return topics, truncated


def resolve_topic(text: str) -> Topic | None:
    """The one topic ``text`` names, or None (nothing, several, or an unknown word)."""
    parsed = parse_topics(text)
    return parsed.topics[0] if len(parsed.topics) == 1 and not parsed.unknown else None


def sector_label(sector: str, lang: Lang) -> str:
    s = SECTORS_BY_ID.get(sector)
    if s is None:
        return sector
    return s.ko if lang == "ko" else s.en


def country_label(code: str, lang: Lang) -> str:
    mark = flag(code)
    name = country_name(code, lang)
    return f"{mark} {name}" if mark else name


def topic_label(topic: Topic, lang: Lang) -> str:
    """ "🇫🇷 France · AI & data", "🇫🇷 프랑스", "인공지능·데이터", "🏢 삼성전자", "🔎 "수소"."""
    parts = []
    if topic.country:
        parts.append(country_label(topic.country, lang))
    if topic.sector:
        parts.append(sector_label(topic.sector, lang))
    if topic.org:
        parts.append(f"🏢 {topic.org}")
    if topic.keyword:
        parts.append(f"🔎 “{topic.keyword}”")
    return " · ".join(parts)


def all_countries(lang: Lang) -> list[str]:
    """Every country that can be followed, by name in ``lang``: "🇫🇷 France (FR)"."""
    codes = country_codes() - {HOME}
    # CLDR names a few territories in one language only (Sark: "CQ" in Korean): leave them out.
    named = sorted((country_name(c, lang), c) for c in codes if country_name(c, lang) != c)
    return [f"{country_label(code, lang)} ({code})" for _name, code in named]


def all_sectors(lang: Lang) -> list[str]:
    """Every sector with what to type for it: "AI & data: ai, data"."""
    lines = []
    for s in SECTORS:
        typed = [a for a in s.aliases if a.isascii() == (lang == "en")][:3] or [s.id]
        lines.append(f"{sector_label(s.id, lang)}: {', '.join(typed)}")
    return lines
