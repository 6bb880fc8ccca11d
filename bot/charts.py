"""The PNG chart ``/summary`` sends: MOUs per week (7d, 30d) or per month (longer), stacked by
sector for a country, by country for a sector (the top five and "other"), a single series for
anything else; titled and labelled in the chat's language.

matplotlib is imported inside :func:`render` (it costs ~40 MB and ~0.5 s, paid by the first
chart, never by a bot that draws none) and drawn on a bare ``Figure`` with the Agg canvas: no
pyplot, no global figure state, safe in a worker thread. The Hangul font is NanumGothic, the
file koreanize-matplotlib ships (found without importing that package, which changes
matplotlib's global settings when imported). :func:`render` is CPU work: call it through
``asyncio.to_thread``.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import importlib.util
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.i18n import Lang, t
from extractors.gazetteer import country_name
from subscriptions.models import StoryView, Topic
from subscriptions.topics import sector_label

WIDTH_PX, HEIGHT_PX, DPI = 960, 540, 100
TOP = 5
WEEKLY = {"7d", "30d"}
_PERIOD_DAYS = {"7d": 7, "30d": 30, "90d": 90, "1y": 365}
_OTHER = "\x00other"


@dataclass(frozen=True)
class Series:
    buckets: tuple[dt.date, ...]
    """The first day of each week or month, oldest first."""
    stacks: tuple[tuple[str, tuple[int, ...]], ...]
    """(label, a count per bucket), largest first, "other" last."""
    weekly: bool


def _bucket(day: dt.date, weekly: bool) -> dt.date:
    if weekly:
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def _buckets(start: dt.date, end: dt.date, weekly: bool) -> list[dt.date]:
    out, day = [], _bucket(start, weekly)
    while day <= end:
        out.append(day)
        if weekly:
            day += dt.timedelta(days=7)
        else:
            day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def _keys(story: StoryView, topic: Topic) -> list[str]:
    if topic.country and not topic.sector and not topic.org and not topic.keyword:
        return list(story.sectors) or [_OTHER]
    if topic.sector and not topic.country and not topic.org and not topic.keyword:
        return [f"country:{c}" for c in story.countries] or [_OTHER]
    return [""]


def series(stories: Sequence[StoryView], topic: Topic, period: str, now: dt.datetime) -> Series:
    """Count ``stories`` (already selected) per bucket and stack. Pure."""
    weekly = period in WEEKLY
    end = now.date()
    start = end - dt.timedelta(days=_PERIOD_DAYS.get(period, 365) - 1)
    buckets = _buckets(start, end, weekly)
    index = {b: i for i, b in enumerate(buckets)}
    counts: dict[str, list[int]] = {}
    totals: Counter[str] = Counter()
    for story in stories:
        if story.published is None:
            continue
        i = index.get(_bucket(story.published.date(), weekly))
        if i is None:
            continue
        key = _keys(story, topic)[0]  # each MOU once, under its first sector or country
        counts.setdefault(key, [0] * len(buckets))[i] += 1
        totals[key] += 1
    top = [k for k, _ in totals.most_common() if k != _OTHER][:TOP]
    stacks = [(k, tuple(counts[k])) for k in top]
    rest = [k for k in counts if k not in top]
    if rest:
        other = [sum(counts[k][i] for k in rest) for i in range(len(buckets))]
        stacks.append((_OTHER, tuple(other)))
    return Series(tuple(buckets), tuple(stacks), weekly)


def _label(key: str, lang: Lang) -> str:
    if key == _OTHER:
        return str(t(lang, "chart_other"))
    if key == "":
        return str(t(lang, "chart_total"))
    if key.startswith("country:"):
        return country_name(key.removeprefix("country:"), lang)
    return sector_label(key, lang)


def plain_topic(topic: Topic, lang: Lang) -> str:
    """The topic's name without flags or emoji (the font has none)."""
    parts = []
    if topic.country:
        parts.append(country_name(topic.country, lang))
    if topic.sector:
        parts.append(sector_label(topic.sector, lang))
    if topic.org:
        parts.append(topic.org)
    if topic.keyword:
        parts.append(f"“{topic.keyword}”")
    return " · ".join(parts)


@functools.cache
def font_path() -> Path:
    """NanumGothic.ttf from the koreanize-matplotlib distribution."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("koreanize-matplotlib is not installed: it ships the chart's font")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts" / "NanumGothic.ttf"


@functools.cache
def _font() -> Any:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(font_path()))
    return font_manager.FontProperties(fname=str(font_path())).get_name()


def render(data: Series, title: str, lang: Lang) -> bytes | None:
    """The chart as PNG bytes (``WIDTH_PX`` x ``HEIGHT_PX``), None when nothing is counted."""
    if not any(sum(counts) for _key, counts in data.stacks):
        return None
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with rc_context({"font.family": _font(), "axes.unicode_minus": False}):
        figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        x = list(range(len(data.buckets)))
        bottom = [0] * len(x)
        for key, counts in data.stacks:
            axes.bar(x, counts, bottom=bottom, label=_label(key, lang), width=0.8)
            bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
        fmt = "%m-%d" if data.weekly else "%Y-%m"
        step = -(-len(x) // 8)  # at most eight labels: 13 months do not fit side by side
        axes.set_xticks(x[::step], [b.strftime(fmt) for b in data.buckets][::step])
        axes.set_ylabel(str(t(lang, "chart_per_week" if data.weekly else "chart_per_month")))
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_title(title)
        legend = len(data.stacks) > 1 or data.stacks[0][0] != ""
        if legend:
            axes.legend(
                loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small", frameon=False
            )
        axes.spines[["top", "right"]].set_visible(False)
        # Fixed margins, not tight_layout: measuring every label doubled the drawing time.
        figure.subplots_adjust(left=0.07, right=0.8 if legend else 0.97, top=0.91, bottom=0.09)
        out = io.BytesIO()
        figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def summary_chart(
    stories: Sequence[StoryView],
    topic: Topic,
    period: str,
    lang: Lang,
    period_text: str,
    now: dt.datetime,
) -> bytes | None:
    """The /summary chart of ``stories``, or None when there is nothing to draw."""
    title = t(lang, "chart_title", topic=plain_topic(topic, lang), period=period_text)
    return render(series(stories, topic, period, now), html.unescape(title), lang)
