"""The /summary chart: how long one takes to draw (target <= 300 ms a chart, warm).

Draws charts of a year by month (a country stacked by sector, a sector stacked by country)
and of 30 days by week, from 400 synthetic stories, and reports the first chart (matplotlib's
import and the font's loading included) apart from the warm ones. A baseline in the same run,
an empty figure of the same size saved as PNG, gives each figure as a ratio.

    .venv/bin/python bench/chart.py [--charts 30]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's code, whatever the venv has installed

from bot.charts import DPI, HEIGHT_PX, WIDTH_PX, summary_chart  # noqa: E402
from extractors.sectors import SECTOR_IDS  # noqa: E402
from subscriptions.models import StoryView, Topic  # noqa: E402

NOW = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
COUNTRIES = ["FR", "US", "JP", "DE", "VN", "CN", "AE", "PL", "ID", "GB"]
CASES = [
    (Topic(country="FR"), "1y", "ko"),
    (Topic(sector="energy"), "1y", "en"),
    (Topic(country="US"), "30d", "ko"),
    (Topic(org="삼성전자"), "90d", "en"),
]


def stories(n: int, rng: random.Random) -> list[StoryView]:
    sectors = sorted(SECTOR_IDS)
    return [
        StoryView(
            id=i,
            title=f"MOU {i}",
            url=f"https://n.example/{i}",
            outlet="bench",
            published=NOW - dt.timedelta(hours=rng.randrange(365 * 24)),
            countries=(rng.choice(COUNTRIES),),
            sectors=tuple(rng.sample(sectors, 2)),
        )
        for i in range(n)
    ]


def empty_png() -> float:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    start = time.perf_counter()
    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
    FigureCanvasAgg(figure)
    figure.savefig(io.BytesIO(), format="png", dpi=DPI)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--charts", type=int, default=30)
    args = parser.parse_args()
    data = stories(400, random.Random(5))
    start = time.perf_counter()
    assert summary_chart(data, *CASES[0], "1y", NOW) is not None
    cold = time.perf_counter() - start
    times = []
    for i in range(args.charts):
        topic, period, lang = CASES[i % len(CASES)]
        start = time.perf_counter()
        summary_chart(data, topic, period, lang, period, NOW)
        times.append(time.perf_counter() - start)
    base = sorted(empty_png() for _ in range(10))[5]
    times.sort()
    p50, worst = times[len(times) // 2], times[-1]
    print(f"first chart (import and font included): {cold * 1000:.0f} ms")
    print(f"empty {WIDTH_PX}x{HEIGHT_PX} PNG (baseline): {base * 1000:.1f} ms")
    print(f"chart p50 {p50 * 1000:.0f} ms ({p50 / base:.1f}x), "
          f"max {worst * 1000:.0f} ms ({worst / base:.1f}x); target <= 300 ms")  # fmt: skip
    return 0 if worst <= 0.300 else 1


if __name__ == "__main__":
    sys.exit(main())
