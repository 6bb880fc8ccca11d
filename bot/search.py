"""``/search`` and ``/export``: their arguments, the stories they select and the search reply
with its page buttons. Pure except :func:`select_stories`, which reads the repository."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Lang, t
from bot.markup import Html, escape, fit_lines, link, local_time, shorten
from bot.replies import Reply, label
from bot.summary import PERIODS, BadPeriod, split_period
from subscriptions.models import StoryView, Topic
from subscriptions.repository import Repository
from subscriptions.topics import parse_topics

PAGE = 5
ALL = "all"
_ALL_WORDS = {"all", "전체", "전부", "모두"}
CALLBACK = "srch"
MAX_CALLBACK = 64
"""Telegram's limit on a button's callback data, in bytes."""
EXPORT_LIMIT = 20_000
"""Rows in one /export document: a year of every MOU fits many times over."""


@dataclass(frozen=True)
class Query:
    words: str
    period: str
    """"7d", "30d", "90d", "1y" or "all"."""

    def since(self, now: dt.datetime) -> dt.datetime | None:
        return None if self.period == ALL else now - dt.timedelta(days=PERIODS[self.period])


def parse_query(words: Sequence[str]) -> Query:
    """The words and the period ("all" unless one is named first or last). Raises
    :class:`~bot.summary.BadPeriod` for a period-like word that is none ("2d")."""
    words = list(words)
    for index in (-1, 0):
        if words and words[index].casefold() in _ALL_WORDS:
            rest = words[:-1] if index == -1 else words[1:]
            return Query(" ".join(rest).strip(), ALL)
    period, rest = split_period(words)
    named = len(rest) < len(words)
    return Query(" ".join(rest).strip(), period if named else ALL)


def topic_of(words: str) -> Topic | None:
    """The one topic the words name ("France", "org:탈레스"), else None: search words."""
    parsed = parse_topics(words)
    return parsed.topics[0] if len(parsed.topics) == 1 and not parsed.unknown else None


async def select_stories(
    repo: Repository,
    query: Query,
    now: dt.datetime,
    limit: int = EXPORT_LIMIT,
) -> list[StoryView]:
    """The stories of a topic when the words name one, else the stories holding the words."""
    since = query.since(now)
    topic = topic_of(query.words)
    if topic is not None:
        return await repo.stories(topic, since, limit=limit)
    return await repo.search_stories(query.words, since, limit=limit)


def page_data(page: int, query: Query) -> str | None:
    """A page button's callback data, None when the words make it longer than Telegram allows
    (the handler keeps such a query in the chat's data instead)."""
    data = f"{CALLBACK}:{page}:{query.period}:{query.words}"
    return data if len(data.encode()) <= MAX_CALLBACK else None


def parse_page_data(data: str) -> tuple[int, Query] | None:
    parts = data.split(":", 3)
    if len(parts) != 4 or parts[0] != CALLBACK or not parts[1].isdigit():
        return None
    if parts[2] != ALL and parts[2] not in PERIODS:
        return None
    return int(parts[1]), Query(parts[3], parts[2])


def period_text(lang: Lang, period: str) -> str:
    if period == ALL:
        return "전체 기간" if lang == "ko" else "all time"
    return f"최근 {period}" if lang == "ko" else f"last {period}"


def _line(story: StoryView, lang: Lang, tz: ZoneInfo) -> Html:
    when = escape(local_time(story.published, tz, "%Y-%m-%d"))
    tags = ", ".join(label(Topic(country=c), lang) for c in story.countries[:3])
    outlet = f" · {escape(shorten(story.outlet, 40))}" if story.outlet else ""
    extra = f"\n   {tags}" if tags else ""
    return Html(f"• {when} {link(story.title, story.url)}{outlet}{extra}")


def search_reply(
    lang: Lang,
    query: Query,
    page: int,
    stories: Sequence[StoryView],
    tz: ZoneInfo,
    buttons: tuple[str | None, str | None] = (None, None),
) -> Reply:
    """A page of results: ``stories`` holds up to ``PAGE`` + 1 (one more means a next page);
    ``buttons`` the callback data of Previous and Next (None: no such button)."""
    words, period = shorten(query.words, 60), period_text(lang, query.period)
    if not stories:
        key = "search_none" if page == 0 else "search_no_more"
        return Reply(t(lang, key, words=words, period=period))
    header = t(lang, "search_header", words=words, period=period, page=page + 1)
    lines = [header, *(_line(s, lang, tz) for s in stories[:PAGE])]
    row = []
    previous, following = buttons
    if previous is not None:
        row.append(InlineKeyboardButton(t(lang, "search_previous"), callback_data=previous))
    if following is not None and len(stories) > PAGE:
        row.append(InlineKeyboardButton(t(lang, "search_next"), callback_data=following))
    return Reply(fit_lines(lines), InlineKeyboardMarkup([row]) if row else None)


def export_name(query: Query) -> str:
    slug = "".join(ch if ch.isalnum() else "-" for ch in query.words)[:40].strip("-") or "mou"
    return f"mou-{slug}-{query.period}.csv"


__all__ = ["BadPeriod", "Query", "parse_query", "search_reply", "select_stories"]
