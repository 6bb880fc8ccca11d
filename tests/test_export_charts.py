"""The export rows (CSV with a BOM, JSON Lines), the /summary chart's series and PNG, and the
search/export argument parsing. Pure."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from bot import charts
from bot.export import HEADER, to_csv, to_jsonl
from bot.search import ALL, Query, page_data, parse_page_data, parse_query
from bot.summary import BadPeriod
from devtools.standin.media import image_size
from subscriptions.models import StoryView, Topic

NOW = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)


def story(i: int, days: int, countries: tuple[str, ...], sectors: tuple[str, ...]) -> StoryView:
    return StoryView(
        id=i,
        title=f'한-불 "원전", 협력 MOU {i}',
        url=f"https://n.example/{i}",
        outlet="연합뉴스",
        published=NOW - dt.timedelta(days=days),
        countries=countries,
        sectors=sectors,
        parties=(("한국수력원자력", "EDF"), ("EDF", "두산")),
        amounts=(("3천500만유로", 35_000_000.0, "EUR"), ("1.5억달러", 150_000_000.0, "USD")),
        mou_count=2,
        outlets=3,
    )


def test_csv_has_bom_header_and_reads_back() -> None:
    data = to_csv([story(1, 2, ("FR", "DE"), ("energy",))])
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == list(HEADER)
    row = rows[0]
    assert row["date"] == "2026-11-29" and row["countries"] == "FR; DE"
    assert row["parties"] == "한국수력원자력; EDF; 두산"  # each party once
    assert row["amounts"] == "3천500만유로; 1.5억달러"
    assert row["amount_values"] == "35000000; 150000000" and row["currencies"] == "EUR; USD"
    assert row["headline"] == '한-불 "원전", 협력 MOU 1' and row["outlets"] == "3"
    assert row["status"] == "signed" and row["mou_count"] == "2"


def test_jsonl_keeps_lists() -> None:
    [line] = to_jsonl([story(1, 2, ("FR",), ())]).decode().splitlines()
    row = json.loads(line)
    assert row["countries"] == ["FR"] and row["amount_values"] == [35e6, 150e6]
    assert to_csv([]).decode("utf-8-sig").strip() == ",".join(HEADER)


def test_series_per_month_stacks_top_five_and_other() -> None:
    sectors = ["ai", "energy", "battery", "semiconductor", "bio_health", "mobility", "space"]
    stories = [story(i, i * 5, ("FR",), (sectors[i % 7],)) for i in range(70)]
    data = charts.series(stories, Topic(country="FR"), "1y", NOW)
    assert not data.weekly and len(data.buckets) == 13
    labels = [key for key, _ in data.stacks]
    assert len(labels) == 6 and labels[-1] == charts._OTHER
    assert sum(sum(c) for _, c in data.stacks) == 70  # each MOU once


def test_series_per_week_by_country_for_a_sector() -> None:
    stories = [story(1, 1, ("JP", "FR"), ("ai",)), story(2, 9, ("FR",), ("ai",))]
    data = charts.series(stories, Topic(sector="ai"), "30d", NOW)
    assert data.weekly and all(b.weekday() == 0 for b in data.buckets)
    assert {key for key, _ in data.stacks} == {"country:JP", "country:FR"}


def test_png_has_the_right_size_and_nothing_is_no_chart() -> None:
    png = charts.summary_chart(
        [story(1, 3, ("FR",), ("energy",))], Topic(country="FR"), "90d", "ko", "최근 90일", NOW
    )
    assert png is not None and image_size(png) == (charts.WIDTH_PX, charts.HEIGHT_PX)
    old = [story(1, 400, ("FR",), ("energy",))]
    assert charts.summary_chart(old, Topic(country="FR"), "1y", "en", "year", NOW) is None
    assert charts.font_path().name == "NanumGothic.ttf" and charts.font_path().exists()


def test_query_period_and_page_buttons() -> None:
    assert parse_query(["수소", "연료전지"]) == Query("수소 연료전지", ALL)
    assert parse_query(["90d", "LNG"]) == Query("LNG", "90d")
    assert parse_query(["LNG", "전체"]) == Query("LNG", ALL)
    with pytest.raises(BadPeriod):
        parse_query(["LNG", "2d"])
    query = Query("탈레스 레이더", "1y")
    data = page_data(3, query)
    assert data is not None and parse_page_data(data) == (3, query)
    assert page_data(1, Query("가" * 30, ALL)) is None  # over 64 bytes: kept in chat data
    assert parse_page_data("srch:1:2d:x") is None and parse_page_data("srch:x:1y:y") is None
