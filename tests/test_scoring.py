"""The pure scorer behind `mou-alert eval` and the corpus test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractors.model import Extraction
from extractors.scoring import PRF, Prediction, read_gold, score

GOLD: list[dict[str, Any]] = [
    {"id": "a", "is_mou": True, "countries": ["FR"], "sectors": ["ai", "startup"]},
    {"id": "b", "is_mou": True, "countries": ["DE", "JP"], "sectors": ["energy"]},
    {"url": "https://x/c", "is_mou": False, "countries": [], "sectors": []},
    {"id": "d", "source": "https://x/d", "is_mou": True, "countries": [], "sectors": ["startup"]},
    {"id": "e", "is_mou": True, "countries": ["US"], "sectors": []},
]


def test_prf_arithmetic() -> None:
    prf = PRF(tp=3, fp=1, fn=2)
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.6)
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert PRF().f1 == 1.0  # nothing to find, nothing found
    assert PRF(fp=2).precision == 0.0 and PRF(fp=2).f1 == 0.0
    assert PRF(1, 2, 3) + PRF(4, 5, 6) == PRF(5, 7, 9)


def test_score_counts_pairs_and_lists_misses() -> None:
    predictions: dict[str, Prediction] = {
        "a": Extraction(is_mou=True, countries=("FR",), sectors=("ai",)),
        "b": Extraction(is_mou=True, countries=("DE", "CN"), sectors=("energy",)),
        "https://x/c": {"is_mou": True, "countries": ["US"], "sectors": []},  # JSON form
        "https://x/d": Extraction(is_mou=True, sectors=("startup",)),  # matched by source
    }
    report = score(GOLD, predictions)
    assert report.articles == 4
    assert report.unmatched == ("e",)
    assert report.is_mou == PRF(tp=3, fp=1, fn=0)
    # countries: FR ok; DE ok, CN wrong, JP missed; US wrong
    assert report.countries == PRF(tp=2, fp=2, fn=1)
    assert report.sectors == PRF(tp=3, fp=0, fn=1)
    assert report.wrong_country_ids == ("b", "https://x/c")
    assert report.wrong_country_share == pytest.approx(0.5)
    fields = {(m.id, m.field) for m in report.misses}
    assert fields == {
        ("a", "sectors"),
        ("b", "countries"),
        ("https://x/c", "is_mou"),
        ("https://x/c", "countries"),
    }
    miss = next(m for m in report.misses if m.field == "countries" and m.id == "b")
    assert (miss.expected, miss.got) == (["DE", "JP"], ["CN", "DE"])


def test_perfect_predictions_score_one() -> None:
    predictions: dict[str, Prediction] = {
        row.get("id") or row["url"]: Extraction(
            is_mou=row["is_mou"], countries=tuple(row["countries"]), sectors=tuple(row["sectors"])
        )
        for row in GOLD
    }
    report = score(GOLD, predictions)
    assert (report.is_mou.f1, report.countries.f1, report.sectors.f1) == (1.0, 1.0, 1.0)
    assert report.misses == () and report.wrong_country_share == 0.0
    assert "misses" not in report.format()


def test_format_shows_figures_and_misses() -> None:
    report = score(GOLD[:1], {"a": Extraction(is_mou=True, countries=("JP",))})
    text = report.format()
    assert text.splitlines()[0] == "articles scored: 1"
    assert "wrong country: 1/1 articles (100.0%)" in text
    assert "a\tcountries\texpected [FR]\tgot [JP]" in text


def test_read_gold_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        '{"id": "a", "is_mou": true}\n\n[1]\n{"is_mou": false}\n{broken\n', encoding="utf-8"
    )
    rows, problems = read_gold(path)
    assert rows == [{"id": "a", "is_mou": True}]
    assert [p.split(": ")[0] for p in problems] == [f"{path}:3", f"{path}:4", f"{path}:5"]
