"""The quality bars of issue 2 on everything labelled in ../shared/corpus.

Skipped where ../shared is absent (a fresh clone); set MOU_ALERT_SHARED to point elsewhere.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from extractors.cli import Item, iter_jsonl, read_single
from extractors.extractor import Extractor
from extractors.model import Extraction
from extractors.scoring import Report, gold_keys, read_gold, score

SHARED = Path(
    os.environ.get("MOU_ALERT_SHARED") or Path(__file__).resolve().parents[1].parent / "shared"
)
CORPUS = SHARED / "corpus"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no labelled corpus at {CORPUS}"),
]

# (name, gold file, where the articles are: a folder of .txt files or a .jsonl.gz corpus)
DATASETS = [
    ("seeds", CORPUS / "seeds" / "gold.jsonl", CORPUS / "seeds"),
    ("dev", CORPUS / "dev" / "gold.jsonl", CORPUS / "dev"),
    ("chosun", CORPUS / "dev" / "chosun-gold.jsonl", CORPUS / "chosun-national.jsonl.gz"),
    ("tera", CORPUS / "dev" / "tera-gold.jsonl", CORPUS / "tera-economy.jsonl.gz"),
]


def _items(rows: list[dict[str, Any]], source: Path) -> list[Item]:
    if source.is_dir():
        return [read_single(str(source / f"{row['id']}.txt"), sys.stdin) for row in rows]
    keys = {key for row in rows for key in gold_keys(row)}
    return list(iter_jsonl(source, warn=lambda m: None, wanted=keys.__contains__))


@pytest.fixture(scope="module")
def reports(kiwi_extractor: Extractor) -> dict[str, Report]:
    out: dict[str, Report] = {}
    every_row: list[dict[str, Any]] = []
    every_prediction: dict[str, Extraction] = {}
    for name, gold, source in DATASETS:
        rows, problems = read_gold(gold)
        assert not problems, problems
        items = _items(rows, source)
        results = kiwi_extractor.extract_many([i.article for i in items])
        predictions = {item.id: result for item, result in zip(items, results, strict=True)}
        out[name] = score(rows, predictions)
        assert not out[name].unmatched, f"{name}: gold rows without an article"
        every_row += rows
        every_prediction.update(predictions)
    out["all"] = score(every_row, every_prediction)
    for name, report in out.items():
        print(f"\n== {name}\n{report.format().split('misses')[0]}")
    return out


def test_is_mou_f1(reports: dict[str, Report]) -> None:
    assert reports["all"].is_mou.f1 >= 0.95


def test_country_f1(reports: dict[str, Report]) -> None:
    assert reports["all"].countries.f1 >= 0.97


def test_wrong_country_share(reports: dict[str, Report]) -> None:
    assert reports["all"].wrong_country_share <= 0.01


def test_sector_f1(reports: dict[str, Report]) -> None:
    assert reports["all"].sectors.f1 >= 0.85


def test_every_dataset_is_read(reports: dict[str, Report]) -> None:
    assert reports["all"].articles == sum(reports[n].articles for n, *_ in DATASETS)
    assert reports["all"].articles >= 380
