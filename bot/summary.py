"""What ``/summary`` says about a topic over a period: pure aggregation over ``StoryView``s."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from bot.story_text import KRW_PER_UNIT
from subscriptions.models import StoryView, Topic

PERIODS: dict[str, int] = {"7d": 7, "30d": 30, "90d": 90, "1y": 365}
DEFAULT_PERIOD = "30d"
_PERIOD_ALIASES = {
    "7일": "7d",
    "1주": "7d",
    "1w": "7d",
    "30일": "30d",
    "1개월": "30d",
    "1m": "30d",
    "90일": "90d",
    "3개월": "90d",
    "3m": "90d",
    "1년": "1y",
    "365d": "1y",
    "12m": "1y",
}
_LOOKS_LIKE_PERIOD = re.compile(r"^\d+\s*([a-z]|일|주|개월|달|년)$", re.IGNORECASE)


def parse_period(word: str) -> str | None:
    """The canonical period ("7d", "30d", "90d", "1y") a word names, else None."""
    w = word.strip().lower()
    if w in PERIODS:
        return w
    return _PERIOD_ALIASES.get(w)


def looks_like_period(word: str) -> bool:
    return _LOOKS_LIKE_PERIOD.match(word.strip()) is not None


class BadPeriod(ValueError):
    """A word that looks like a period but is none of the known ones; ``str()`` is the word."""


def split_period(words: list[str]) -> tuple[str, list[str]]:
    """The period named by the last (or else the first) word, and the other words; the default
    period when none is named. Raises :class:`BadPeriod` for "2d", "5년" and the like."""
    for index in (-1, 0):
        if not words:
            break
        word = words[index]
        found = parse_period(word)
        if found is None and looks_like_period(word):
            raise BadPeriod(word)
        if found is not None:
            rest = words[:-1] if index == -1 else words[1:]
            return found, rest
    return DEFAULT_PERIOD, words


def wider_period(period: str) -> str | None:
    order = list(PERIODS)
    i = order.index(period)
    return order[i + 1] if i + 1 < len(order) else None


def since(period: str, now: dt.datetime) -> dt.datetime:
    return now - dt.timedelta(days=PERIODS[period])


@dataclass(frozen=True)
class LargestAmount:
    story: StoryView
    text: str
    """The amount as written in the article."""


@dataclass(frozen=True)
class Summary:
    topic: Topic
    period: str
    total: int
    breakdown_kind: str
    """"sector" (a country topic), "country" (a sector topic) or "" (a combination)."""
    breakdown: tuple[tuple[str, int], ...]
    """(sector id or country code, number of MOUs), most first."""
    largest: tuple[LargestAmount, ...]
    latest: tuple[StoryView, ...]


def _krw(amount: tuple[str, float, str]) -> float:
    _text, value, currency = amount
    # Rough won values only ORDER amounts written in different currencies; the reply always
    # shows the amount as the article wrote it, never a converted figure.
    # Unknown currencies sort after every known one of any size rather than being guessed.
    rate = KRW_PER_UNIT.get(currency.upper())
    return value * rate if rate is not None else -1.0 / (1.0 + value)


def summarize(
    stories: list[StoryView],
    topic: Topic,
    period: str,
    *,
    n_largest: int = 3,
    n_latest: int = 5,
) -> Summary:
    """Count, break down and rank ``stories`` (already filtered to ``topic`` and ``period``)."""
    kind = ""
    counts: Counter[str] = Counter()
    if topic.country and not topic.sector:
        kind = "sector"
        for s in stories:
            counts.update(set(s.sectors) or {""})
    elif topic.sector and not topic.country:
        kind = "country"
        for s in stories:
            counts.update(set(s.countries) or {""})
    breakdown = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] == "", kv[0])))

    with_amounts = [(max(s.amounts, key=_krw), s) for s in stories if s.amounts]
    with_amounts.sort(key=lambda pair: _krw(pair[0]), reverse=True)
    largest = tuple(LargestAmount(s, a[0]) for a, s in with_amounts[:n_largest])

    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    latest = sorted(stories, key=lambda s: (_aware(s.published) or epoch, s.id), reverse=True)
    return Summary(topic, period, len(stories), kind, breakdown, largest, tuple(latest[:n_latest]))


def _aware(when: dt.datetime | None) -> dt.datetime | None:
    if when is not None and when.tzinfo is None:
        return when.replace(tzinfo=dt.UTC)
    return when
