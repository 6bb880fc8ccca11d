"""Per-chat time zones: IANA names as people type them, and the zone a chat's times are shown in."""

from __future__ import annotations

import functools
import zoneinfo
from zoneinfo import ZoneInfo

from subscriptions.models import Chat

MAX_NAME = 64


@functools.cache
def _names() -> dict[str, str]:
    """Every IANA name by its case-folded form ("europe/paris" -> "Europe/Paris")."""
    return {name.casefold(): name for name in zoneinfo.available_timezones()}


def parse_zone(text: str) -> str | None:
    """The IANA name ``text`` spells (any case, spaces for underscores), or None."""
    key = "_".join(text.strip().split()).casefold()
    if not key or len(key) > MAX_NAME:
        return None
    return _names().get(key)


def zone_of(chat: Chat | None, default: ZoneInfo) -> ZoneInfo:
    """The zone ``chat``'s times are shown in: its own, else ``default`` (the schedule's)."""
    if chat is None or not chat.timezone:
        return default
    try:
        return ZoneInfo(chat.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):  # tzdata changed under a stored name
        return default
