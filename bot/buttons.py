"""Callback data of the bot's inline buttons: built and read here only. Pure.

Callback data comes back from the client and a modified client can send anything (at most 64
bytes): every reader checks its input and answers None for what it did not build.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.gazetteer import country_codes
from extractors.sectors import SECTORS_BY_ID
from subscriptions.models import Topic
from subscriptions.topics import HOME, Combined

MAX_DATA = 64
"""Telegram's limit on callback data, in bytes."""

TOGGLE = "tog"  # /start and /countries: follow or stop following a topic
FOLLOW = "fol"  # "Did you mean", "Follow X?": follow a topic
MUTE = "mute"  # under an alert: stop that topic
UNMUTE = "unmute"  # the mute's undo (with the subscription's international choice)
MORE = "more"  # under an alert: /summary of its first topic
SCOPE = "scope"  # international-only (i) or all MOUs (a) for a subscription
SEPARATELY = "sep"  # a combination replaced by its parts
COUNTRIES = "ctry"  # /countries: page 0 (main partners) or 1 (the rest)


def topic_code(topic: Topic) -> str:
    """ "FR/", "/ai", "FR/ai"."""
    return f"{topic.country or ''}/{topic.sector or ''}"


def _country(code: str) -> bool:
    return code in country_codes() and code != HOME


def parse_topic_code(code: str) -> Topic | None:
    country, slash, sector = code.partition("/")
    if not slash or (not country and not sector):
        return None
    if (country and not _country(country)) or (sector and sector not in SECTORS_BY_ID):
        return None
    return Topic(country or None, sector or None)


def data(action: str, *parts: str) -> str | None:
    """The callback data, or None when it would not fit in Telegram's 64 bytes."""
    text = ":".join((action, *parts))
    return text if len(text.encode()) <= MAX_DATA else None


def split(callback_data: str) -> tuple[str, list[str]]:
    """(action, its parts); at most four parts are read."""
    action, *parts = callback_data[:MAX_DATA].split(":", 5)
    return action, parts[:4]


def topic_of(parts: Sequence[str]) -> Topic | None:
    return parse_topic_code(parts[0]) if parts else None


def flag_of(parts: Sequence[str], index: int = 1) -> bool | None:
    """The international choice carried by a button: "i" only international, "a" all."""
    value = parts[index] if len(parts) > index else ""
    return {"i": True, "a": False}.get(value)


def combined_code(group: Combined) -> str:
    return f"{'.'.join(group.countries)}/{'.'.join(group.sectors)}"


def parse_combined(parts: Sequence[str]) -> Combined | None:
    if not parts:
        return None
    countries, slash, sectors = parts[0].partition("/")
    cs = tuple(c for c in countries.split(".") if c)
    ss = tuple(s for s in sectors.split(".") if s)
    if not slash or not cs or not ss or len(cs) * len(ss) > 50:
        return None
    if not all(_country(c) for c in cs) or not all(s in SECTORS_BY_ID for s in ss):
        return None
    return Combined(cs, ss)
