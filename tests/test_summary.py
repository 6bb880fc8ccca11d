import datetime as dt

import pytest

from bot.summary import (
    BadPeriod,
    looks_like_period,
    parse_period,
    since,
    split_period,
    summarize,
    wider_period,
)
from subscriptions.models import StoryView, Topic

NOW = dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC)


def story(
    i: int,
    countries: tuple[str, ...] = ("FR",),
    sectors: tuple[str, ...] = ("ai",),
    amounts: tuple[tuple[str, float, str], ...] = (),
    days_ago: int = 1,
) -> StoryView:
    return StoryView(
        id=i,
        title=f"story {i}",
        url=f"https://news.example/{i}",
        outlet="Example",
        published=NOW - dt.timedelta(days=days_ago),
        countries=countries,
        sectors=sectors,
        amounts=amounts,
    )


def test_periods() -> None:
    assert parse_period("7d") == "7d"
    assert parse_period("1Y") == "1y"
    assert parse_period("3개월") == "90d"
    assert parse_period("1년") == "1y"
    assert parse_period("France") is None
    assert looks_like_period("2d") and looks_like_period("5년")
    assert not looks_like_period("France") and not looks_like_period("AI")
    assert wider_period("7d") == "30d" and wider_period("90d") == "1y"
    assert wider_period("1y") is None
    assert since("30d", NOW) == NOW - dt.timedelta(days=30)


def test_split_period_from_either_end() -> None:
    assert split_period(["France"]) == ("30d", ["France"])
    assert split_period(["France", "AI", "90d"]) == ("90d", ["France", "AI"])
    assert split_period(["1년", "반도체"]) == ("1y", ["반도체"])
    assert split_period([]) == ("30d", [])
    with pytest.raises(BadPeriod, match="2d"):
        split_period(["France", "2d"])


def test_country_topic_breaks_down_by_sector() -> None:
    stories = [
        story(1, sectors=("ai", "energy")),
        story(2, sectors=("energy",)),
        story(3, sectors=()),
    ]
    s = summarize(stories, Topic(country="FR"), "30d")
    assert s.total == 3
    assert s.breakdown_kind == "sector"
    assert s.breakdown == (("energy", 2), ("ai", 1), ("", 1))


def test_sector_topic_breaks_down_by_country_and_combination_not_at_all() -> None:
    stories = [story(1, countries=("FR", "DE")), story(2, countries=("DE",))]
    s = summarize(stories, Topic(sector="ai"), "7d")
    assert s.breakdown_kind == "country"
    assert s.breakdown == (("DE", 2), ("FR", 1))
    combo = summarize(stories, Topic(country="DE", sector="ai"), "7d")
    assert combo.breakdown == () and combo.total == 2


def test_largest_amounts_compare_currencies_and_keep_the_written_form() -> None:
    stories = [
        story(1, amounts=(("100억원", 10_000_000_000, "KRW"),)),
        story(2, amounts=(("5천만달러", 50_000_000, "USD"), ("10억원", 1e9, "KRW"))),
        story(3, amounts=(("1,000,000 XYZ", 1e6, "XYZ"),)),
        story(4),
    ]
    s = summarize(stories, Topic(country="FR"), "30d")
    assert [a.text for a in s.largest] == ["5천만달러", "100억원", "1,000,000 XYZ"]
    assert s.largest[0].story.id == 2


def test_latest_five_newest_first() -> None:
    stories = [story(i, days_ago=i) for i in range(1, 9)]
    s = summarize(list(reversed(stories)), Topic(country="FR"), "30d")
    assert [x.id for x in s.latest] == [1, 2, 3, 4, 5]


def test_empty() -> None:
    s = summarize([], Topic(sector="ai"), "30d")
    assert s.total == 0 and s.breakdown == () and s.largest == () and s.latest == ()
