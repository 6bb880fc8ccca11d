"""Signing dates resolved against the published date, in Korea time."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.dates import resolve_date

UTC = dt.UTC
KST = dt.timezone(dt.timedelta(hours=9))
# 2016-06-04 18:00 in Seoul
PUB = dt.datetime(2016, 6, 4, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3일 미래창조과학부는 협약을 체결했다고 밝혔다", dt.date(2016, 6, 3)),
        ("19일 협약을 체결했다", dt.date(2016, 5, 19)),  # after the 4th: last month
        ("지난 5일 업무협약을 체결했다", dt.date(2016, 5, 5)),
        ("4일 오전 협약식이 열렸다", dt.date(2016, 6, 4)),
        ("6월 3일 체결", dt.date(2016, 6, 3)),
        ("6월3일 체결", dt.date(2016, 6, 3)),
        ("2016년 6월 3일 체결", dt.date(2016, 6, 3)),
        ("2015년 12월 1일 체결한 협약", dt.date(2015, 12, 1)),
        ("2025.7.3 체결", dt.date(2025, 7, 3)),
        ("2025. 7. 3 체결", dt.date(2025, 7, 3)),
        ("2025-07-03 서명", dt.date(2025, 7, 3)),
        ("이날 협약을 체결했다", dt.date(2016, 6, 4)),
        ("오늘 서명한 양해각서", dt.date(2016, 6, 4)),
        ("지난달 28일 체결", dt.date(2016, 5, 28)),
        ("지난 달 28일 체결", dt.date(2016, 5, 28)),
        ("어제 체결했다", dt.date(2016, 6, 3)),
        ("전날 체결한 양해각서", dt.date(2016, 6, 3)),
        ("그제 체결", dt.date(2016, 6, 2)),
        ("3일(현지시간) 파리에서 체결", dt.date(2016, 6, 3)),
        ("업무협약을 체결(6.2)하였으며", dt.date(2016, 6, 2)),
        # an explicit day wins over the day of the announcement
        (
            "연세대는 지난 3일(현지 시각) 케임브리지대와 MOU를 체결했다고 4일 밝혔다",
            dt.date(2016, 6, 3),
        ),
        ("체결했다고 4일 밝혔다. 이날 협약식에는", dt.date(2016, 6, 4)),
        # the date nearest the signing, not an event mentioned before it
        (
            "2016년 9월 1일에 개막하는 박람회를 위해 지난 2일 업무협약을 체결했다",
            dt.date(2016, 6, 2),
        ),
        # glued feed sentences
        ("진행한다.2일(현지시간) 열린 양해각서 체결식", dt.date(2016, 6, 2)),
    ],
)
def test_resolves(text: str, expected: dt.date) -> None:
    assert resolve_date(text, PUB) == expected


@pytest.mark.parametrize(
    "text",
    [
        "업무협약을 체결했다",
        "체결했다고 4일 밝혔다",  # only the day it was announced
        "2일 양사에 따르면 협약을 체결했다",  # a source's day, not the signing's
        "지난 1일부터 3일까지 방문해 협약을 체결했다고",  # a span
        "3일간 열리는 행사",
        "30일 이내에 체결",
        "5일째 이어진 협상",
        "일본과 체결",
        "지난 1월 체결",  # a month is not a date
        "45일 체결",
        "",
    ],
)
def test_no_date(text: str) -> None:
    assert resolve_date(text, PUB) is None


def test_utc_published_is_read_in_seoul_time() -> None:
    # 2016-06-03 23:30 UTC is the 4th at 08:30 in Seoul
    published = dt.datetime(2016, 6, 3, 23, 30, tzinfo=UTC)
    assert resolve_date("이날 체결했다", published) == dt.date(2016, 6, 4)
    assert resolve_date("4일 체결했다", published) == dt.date(2016, 6, 4)


def test_small_hours_story_means_the_evening_before() -> None:
    # 2025-01-20 20:12 UTC = 05:12 on the 21st in Seoul: written on the 20th
    published = dt.datetime(2025, 1, 20, 20, 12, tzinfo=UTC)
    assert resolve_date("이날 기부 협약식에서", published) == dt.date(2025, 1, 20)
    # a date-only timestamp (midnight in Seoul) is that day
    midnight = dt.datetime(2016, 6, 4, 0, 0, tzinfo=KST)
    assert resolve_date("이날 체결", midnight) == dt.date(2016, 6, 4)


def test_naive_published_is_taken_as_local() -> None:
    assert resolve_date("이날 체결", dt.datetime(2016, 6, 4, 12)) == dt.date(2016, 6, 4)


def test_month_crossing_and_year_crossing() -> None:
    jan3 = dt.datetime(2017, 1, 3, 12, tzinfo=KST)
    assert resolve_date("28일 체결", jan3) == dt.date(2016, 12, 28)
    assert resolve_date("12월 28일 체결", jan3) == dt.date(2016, 12, 28)
    assert resolve_date("지난달 30일 체결", jan3) == dt.date(2016, 12, 30)
    mar1 = dt.datetime(2016, 3, 1, 12, tzinfo=KST)
    assert resolve_date("30일 체결", mar1) is None  # 30 February does not exist


def test_without_published_only_full_dates_resolve() -> None:
    assert resolve_date("2016년 6월 3일 체결", None) == dt.date(2016, 6, 3)
    assert resolve_date("3일 체결", None) is None
    assert resolve_date("이날 체결", None) is None


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("0123456789 .-/년월일지난달이날오늘어제전체결밝혔다(")),
        max_size=60,
    ),
    published=st.datetimes(
        min_value=dt.datetime(1990, 1, 1),
        max_value=dt.datetime(2030, 12, 31),
        timezones=st.sampled_from([UTC, KST]),
    ),
)
def test_any_text_resolves_to_a_plausible_date_or_none(text: str, published: dt.datetime) -> None:
    date = resolve_date(text, published)
    if date is not None and not any(y in text for y in ("19", "20")):
        # without a written year the date is within a year before publication (or a week after)
        assert published.date() - dt.timedelta(days=367) <= date
        assert date <= published.date() + dt.timedelta(days=8)
