"""The signing date a sentence states, resolved against the article's published date.

Korean news dates events relative to publication: "3일" is the 3rd of the publishing month (or of
the month before, when the 3rd is still to come), "지난달 28일" the month before, "이날" the day
itself. Pure: the published datetime is the only clock.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")

# Days that are not dates: durations and offsets ("3일간", "30일 이내", "5일째", "7일 전").
_NOT_A_DATE_AFTER = r"(?!간|째|\s?동안|\s?만에|\s?이내|\s?내에|\s?전[에부]|\s?후|\s?뒤|\s?마다|치)"
# What may follow a day ("19일 체결", "5일에", "3일(현지시간)"), so "일본", "일자리" are not days.
_DAY_END = (
    r"(?=$|[^가-힣]|에|부터|까지|오전|오후|밤|새벽|낮|저녁|께|쯤|자|로|과|와|의|은|는|이|을|엔)"
)

_FULL = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s?(?:년\s?(?P<m1>\d{1,2})\s?월\s?(?P<d1>\d{1,2})\s?일"
    r"|[.\-/]\s?(?P<m2>\d{1,2})\s?[.\-/]\s?(?P<d2>\d{1,2})(?![\d.]*\d))"
)
_MONTH_DAY = re.compile(
    rf"(?<![\d.])(?P<m>\d{{1,2}})\s?월\s?(?P<d>\d{{1,2}})\s?일{_NOT_A_DATE_AFTER}{_DAY_END}"
    r"|\(\s?(?P<m2>\d{1,2})\.(?P<d2>\d{1,2})\.?\s?\)"
    r"|(?<![\d.])(?P<m3>\d{1,2})\.(?P<d3>\d{1,2})\s?일"
)
_LAST_MONTH_DAY = re.compile(rf"지난\s?달\s?(?P<d>\d{{1,2}})\s?일{_NOT_A_DATE_AFTER}{_DAY_END}")
_DAY = re.compile(rf"(?<![\d,월년~∼\-])(?<!\d\.)(?P<d>\d{{1,2}})\s?일{_NOT_A_DATE_AFTER}{_DAY_END}")
_TODAY = re.compile(r"이날|오늘|금일|당일")
_YESTERDAY = re.compile(r"어제|전날|하루 전")
_DAY_BEFORE_YESTERDAY = re.compile(r"그제|그저께|엊그제")
# "...체결했다고 7일 밝혔다": the day of an announcement, not of the signing.
# So is "5일 양사에 따르면"; "지난 5일부터 11일까지" is a span, not the day of a signing.
_ANNOUNCED = re.compile(
    r"\s?(?:\([^)]*\)\s?)?(?:밝혔|전했|발표|알렸|말했|설명했|공개했|보도했)"
    r"|[^.]{0,40}?에 따르면|\s?부터|\s?까지"
)
_SIGNING = re.compile(r"체결|서명|맺|협약식|조인|교환")


def _local_date(published: dt.datetime) -> dt.date:
    if published.tzinfo is None:
        return published.date()  # already local time, as far as we can know
    return published.astimezone(SEOUL).date()


def _writing_date(published: dt.datetime) -> dt.date:
    """The day "이날"/"오늘" mean: the Seoul date, or the day before for a story put online
    in the small hours (a morning-paper story written the evening before)."""
    local = published.astimezone(SEOUL) if published.tzinfo is not None else published
    if dt.time(0, 0, 1) <= local.time() < dt.time(6, 0):
        return local.date() - dt.timedelta(days=1)
    return local.date()


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _previous_month(ref: dt.date) -> tuple[int, int]:
    return (ref.year - 1, 12) if ref.month == 1 else (ref.year, ref.month - 1)


def _day_in_context(day: int, ref: dt.date) -> dt.date | None:
    """Day number only: this month, or last month when that day has not come yet."""
    if day > ref.day:
        year, month = _previous_month(ref)
        return _safe_date(year, month, day)
    return _safe_date(ref.year, ref.month, day)


def _month_day(month: int, day: int, ref: dt.date) -> dt.date | None:
    """Month and day: this year, or last year when that date is still ahead of publication."""
    candidate = _safe_date(ref.year, month, day)
    if candidate is not None and candidate > ref + dt.timedelta(days=7):
        candidate = _safe_date(ref.year - 1, month, day)
    return candidate


def _candidates(text: str, ref: dt.date | None) -> list[tuple[int, bool, dt.date]]:
    """(position, announced, date) for every date expression, each span read once."""
    found: list[tuple[int, bool, dt.date]] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= s or m.start() >= e for s, e in taken)

    def add(m: re.Match[str], date: dt.date | None) -> None:
        taken.append((m.start(), m.end()))
        if date is not None:
            found.append((m.start(), _ANNOUNCED.match(text, m.end()) is not None, date))

    for m in _FULL.finditer(text):
        month, day = m["m1"] or m["m2"], m["d1"] or m["d2"]
        add(m, _safe_date(int(m["y"]), int(month), int(day)))
    if ref is None:
        return found
    for m in _LAST_MONTH_DAY.finditer(text):
        if free(m):
            year, month = _previous_month(ref)
            add(m, _safe_date(year, month, int(m["d"])))
    for m in _MONTH_DAY.finditer(text):
        if free(m):
            month, day = m["m"] or m["m2"] or m["m3"], m["d"] or m["d2"] or m["d3"]
            if 1 <= int(month) <= 12:
                add(m, _month_day(int(month), int(day), ref))
    for m in _DAY.finditer(text):
        if free(m):
            add(m, _day_in_context(int(m["d"]), ref))
    return found


def _distance(position: int, anchors: list[int]) -> int:
    """How far a date is from the nearest signing word; dates after it count double."""
    if not anchors:
        return position
    return min(a - position if position <= a else 2 * (position - a) for a in anchors)


def resolve_date(text: str, published: dt.datetime | None) -> dt.date | None:
    """The signing date the text states, or None.

    An explicit date wins (the one nearest a signing word when there are several); the day of
    an announcement ("체결했다고 7일 밝혔다") says nothing about the signing unless the text
    also says "이날"; "이날"/"오늘" are the published day in Korea time, "어제"/"전날" the day
    before.
    """
    ref = _local_date(published) if published is not None else None
    found = _candidates(text, ref)
    anchors = [m.start() for m in _SIGNING.finditer(text)]
    strong = [(pos, date) for pos, announced, date in found if not announced]
    if strong:
        return min(strong, key=lambda c: (_distance(c[0], anchors), c[0]))[1]
    if published is None or ref is None:
        return None
    if _TODAY.search(text):
        announced = sorted((pos, date) for pos, _, date in found)
        return announced[0][1] if announced else _writing_date(published)
    if _YESTERDAY.search(text):
        return _writing_date(published) - dt.timedelta(days=1)
    if _DAY_BEFORE_YESTERDAY.search(text):
        return _writing_date(published) - dt.timedelta(days=2)
    return None


__all__ = ["SEOUL", "resolve_date"]
