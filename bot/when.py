"""Times, days and pauses as people type them after /mode and /pause. Pure: text in, values out.

Each parser returns the value, or raises :class:`BadWhen` naming what was wrong, so that a reply
can say exactly that ("“25:00” is not a time of day") rather than print the usage.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from subscriptions.models import PAUSED_FOREVER

_HHMM = re.compile(r"^(\d{1,2})(?:[:시.h]?(\d{2})분?)?$")
_DAYS = {
    **{name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{
        name: i
        for i, name in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
    **{name: i for i, name in enumerate("월화수목금토일")},
    **{f"{name}요일": i for i, name in enumerate("월화수목금토일")},
    "tues": 1,
    "wednes": 2,
    "thur": 3,
    "thurs": 3,
}
_DURATION = re.compile(r"^(\d{1,3})\s*(h|d|w|시간|일|주)$")
_UNIT = {"h": 1, "시간": 1, "d": 24, "일": 24, "w": 168, "주": 168}
MAX_PAUSE = dt.timedelta(days=365)


@dataclass(frozen=True)
class BadWhen(ValueError):
    kind: Literal["time", "day", "pause"]
    text: str

    def __str__(self) -> str:
        return f"bad {self.kind}: {self.text!r}"


def parse_time(word: str) -> dt.time:
    """ "08:30", "8:30", "0830", "8시30분", "18" -> a time of day."""
    match = _HHMM.match(word.strip())
    if match:
        hour, minute = int(match[1]), int(match[2] or 0)
        if hour <= 23 and minute <= 59:
            return dt.time(hour, minute)
    raise BadWhen("time", word[:20])


def parse_day(word: str) -> int:
    """ "mon", "Monday", "월", "월요일" -> 0 (Monday) ... 6 (Sunday)."""
    day = _DAYS.get(word.strip().casefold().rstrip("."))
    if day is None:
        raise BadWhen("day", word[:20])
    return day


def pause_until(arg: str, now: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """When a pause asked with ``arg`` ends (UTC): "" for good (until /resume), "1d", "1w",
    "12h" for that long, "18:00" until that local time next comes."""
    arg = arg.strip().casefold()
    if not arg:
        return PAUSED_FOREVER
    duration = _DURATION.match(arg)
    if duration:
        hours = int(duration[1]) * _UNIT[duration[2]]
        if hours > 0 and dt.timedelta(hours=hours) <= MAX_PAUSE:
            return now + dt.timedelta(hours=hours)
        raise BadWhen("pause", arg[:20])
    try:
        at = parse_time(arg)
    except BadWhen:
        raise BadWhen("pause", arg[:20]) from None
    local = now.astimezone(tz)
    end = dt.datetime.combine(local.date(), at, tz)
    if end <= local:
        end = dt.datetime.combine(local.date() + dt.timedelta(days=1), at, tz)
    return end.astimezone(dt.UTC)
