"""Stories as rows for a spreadsheet: one row per story, the same columns for ``/export`` and
``mou-alert export``. Pure: stories in, bytes out.

CSV is UTF-8 with a byte-order mark, which spreadsheet programs need to read Korean; lists are
joined with "; ". JSON Lines keeps lists as lists.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any, Literal

from subscriptions.models import StoryView

Format = Literal["csv", "jsonl"]
HEADER = (
    "date",
    "countries",
    "sectors",
    "parties",
    "amounts",
    "amount_values",
    "currencies",
    "mou_count",
    "status",
    "headline",
    "url",
    "outlets",
)
JOIN = "; "
EXPORT_ALL = 10_000_000
"""No cap from the command line: every stored story can be exported."""
BOM = "\ufeff"


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def record(story: StoryView) -> dict[str, Any]:
    """The row of one story, lists as lists."""
    when = story.published.date().isoformat() if story.published else ""
    parties = list(dict.fromkeys(p for group in story.parties for p in group))
    return {
        "date": when,
        "countries": list(story.countries),
        "sectors": list(story.sectors),
        "parties": parties,
        "amounts": [a[0] for a in story.amounts],
        "amount_values": [a[1] for a in story.amounts],
        "currencies": [a[2] for a in story.amounts],
        "mou_count": story.mou_count,
        "status": story.status,
        "headline": story.title,
        "url": story.url,
        "outlets": story.outlets,
    }


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return JOIN.join(_number(v) if isinstance(v, float) else str(v) for v in value)
    return "" if value is None else str(value)


def to_csv(stories: Iterable[StoryView]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for story in stories:
        row = record(story)
        writer.writerow([_cell(row[name]) for name in HEADER])
    return (BOM + out.getvalue()).encode("utf-8")


def to_jsonl(stories: Iterable[StoryView]) -> bytes:
    lines = (json.dumps(record(s), ensure_ascii=False) for s in stories)
    return "".join(line + "\n" for line in lines).encode("utf-8")


def export(stories: Iterable[StoryView], fmt: Format = "csv") -> bytes:
    return to_csv(stories) if fmt == "csv" else to_jsonl(stories)
