"""Extractor quality on each labelled set, split in two halves by a hash of the article's key.

    .venv/bin/python bench/extract_halves.py

The halves show whether the rules fit one half better than the other (overfitting to the
examples they were written against). Half A holds the rows whose sha1(key) starts with an even
hex digit, half B the rest. Scores with `extractors.scoring` (the scorer of `mou-alert eval`).
Needs ../shared (or $MOU_ALERT_SHARED); without it, says so and exits 0.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.cli import Item, run  # noqa: E402
from extractors.model import Extraction  # noqa: E402
from extractors.scoring import Report, gold_keys, read_gold, score  # noqa: E402

# (name, gold file, article paths) under the shared corpus folder.
SETS = (
    ("seeds", "seeds/gold.jsonl", ["seeds/*.txt"]),
    ("dev", "dev/gold.jsonl", ["dev/*.txt"]),
    ("chosun-gold", "dev/chosun-gold.jsonl", ["chosun-national.jsonl.gz"]),
    ("tera-gold", "dev/tera-gold.jsonl", ["tera-economy.jsonl.gz"]),
)


def shared_dir() -> Path:
    env = os.environ.get("MOU_ALERT_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def half(row: dict[str, Any]) -> str:
    key = gold_keys(row)[0]
    return "A" if int(hashlib.sha1(key.encode()).hexdigest()[0], 16) % 2 == 0 else "B"


def line(name: str, report: Report, n: int) -> str:
    c = report.countries
    return (
        f"| {name} | {n} | {report.is_mou.f1:.3f} | {c.precision:.2f}/{c.recall:.2f}/{c.f1:.3f} "
        f"| {report.wrong_country_share:.1%} | {report.sectors.f1:.3f} |"
    )


def main() -> int:
    corpus = shared_dir() / "corpus"
    if not corpus.is_dir():
        print(f"no labelled corpus at {corpus}: nothing to score")
        return 0
    print("| set | articles | is_mou F1 | country P/R/F1 | wrong country | sector F1 |")
    print("|---|---|---|---|---|---|")
    pooled: dict[str, tuple[list[dict[str, Any]], dict[str, Extraction]]] = {
        h: ([], {}) for h in ("A", "B")
    }
    for name, gold, patterns in SETS:
        rows, _ = read_gold(corpus / gold)
        keys = {k for row in rows for k in gold_keys(row)}
        predictions: dict[str, Extraction] = {}

        def keep(item: Item, extraction: Extraction) -> None:
            predictions[item.id] = extraction  # noqa: B023 (used at once, in this iteration)

        paths = [str(p) for pattern in patterns for p in sorted(corpus.glob(pattern))]
        run(paths, keep, wanted=keys.__contains__)
        for h in ("A", "B"):
            part = [row for row in rows if half(row) == h]
            pooled[h][0].extend(part)
            pooled[h][1].update(predictions)
            print(line(f"{name} {h}", score(part, predictions), len(part)))
    for h, (rows, predictions) in pooled.items():
        print(line(f"**all {h}**", score(rows, predictions), len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
