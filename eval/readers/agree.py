"""How far apart two sets of labels of the same articles are, by the scorer of `mou-alert eval`.

    .venv/bin/python eval/readers/agree.py [--shared ../shared]

Compares (articles matched by url; the first set is scored as gold, the second as the
prediction): the fresh blind set's labels with a second reader's (`fresh-second-labels.jsonl`),
and the gold of ../shared (chosun-gold, tera-gold: the labels of the authors of the project's
external evaluation) with a reader of the third round who saw only LABELS.md and 200 of those
articles (`gold-reread-labels.jsonl`), per archive.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from extractors.model import Extraction
from extractors.scoring import TABLE_HEAD, Report, score

HERE = Path(__file__).resolve().parent


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def compare(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> Report:
    """Score `second` against `first` on the articles both label."""
    by_url = {row["url"]: row for row in second}
    rows, predictions = [], {}
    for row in first:
        other = by_url.get(row["url"])
        if other is None:
            continue
        key = row.get("id") or row["url"]
        rows.append(dict(row, id=key))
        predictions[key] = Extraction(
            is_mou=bool(other["is_mou"]),
            countries=tuple(other.get("countries") or ()),
            sectors=tuple(other.get("sectors") or ()),
        )
    return score(rows, predictions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parents[2] / "shared")
    args = parser.parse_args()
    print(TABLE_HEAD)
    fresh = read(HERE.parent / "blind" / "fresh-labels.jsonl")
    second = compare(fresh, read(HERE / "fresh-second-labels.jsonl"))
    print(second.table_row("fresh blind: first readers, second reader"))
    dev = args.shared / "corpus" / "dev"
    if not dev.is_dir():
        print(f"no gold at {dev}: the second comparison needs ../shared")
        return
    gold = read(dev / "chosun-gold.jsonl") + read(dev / "tera-gold.jsonl")
    reread = read(HERE / "gold-reread-labels.jsonl")
    for name, national in (("national news", True), ("economy feed", False)):
        part = [r for r in gold if ("chosun.com" in r["url"]) == national]
        print(compare(part, reread).table_row(f"gold's authors, a reader of this round: {name}"))


if __name__ == "__main__":
    main()
