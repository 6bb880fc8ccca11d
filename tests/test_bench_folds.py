"""`bench/training.py`'s folds by time: each source cut into contiguous blocks of publication
time (the scripts under bench/ are run from the repository root, so the test loads the module
by its path)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from extractors.model import Article

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _training() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_training", BENCH / "training.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def _article(day: int) -> Article:
    return Article("제목", "본문", published=dt.datetime(2025, 1, day, tzinfo=dt.UTC))


def test_time_folds_are_contiguous_blocks_per_source() -> None:
    training = _training()
    # Ten national articles and five economy items, listed out of date order.
    data = [
        (f"n{d}", {"url": f"https://www.chosun.com/{d}"}, _article(d)) for d in range(10, 0, -1)
    ]
    data += [(f"e{d}", {"url": f"https://www.mk.co.kr/{d}"}, _article(d)) for d in (5, 1, 3, 2, 4)]
    folds = training.time_folds(data)
    national = [folds[f"n{d}"] for d in range(1, 11)]
    economy = [folds[f"e{d}"] for d in range(1, 6)]
    assert national == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert economy == [0, 1, 2, 3, 4]
    assert training.fold_of(data, "time")("n7") == 3
    assert training.fold_of(data, "key") is training.fold


def test_a_row_weighed_twice_fits_as_the_row_given_twice() -> None:
    import numpy as np

    training = _training()
    a = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0], [1.0, 0.5]])
    y = np.array([0.0, 1.0, 1.0, 0.0, 0.0])
    penalty = np.ones(2)
    weighed = training.fit_logistic(a, y, penalty, np.array([1.0, 1.0, 1.0, 1.0, 2.0]))
    repeated = training.fit_logistic(np.vstack([a, a[-1:]]), np.append(y, y[-1]), penalty)
    assert np.allclose(weighed, repeated, atol=1e-6)
    assert not np.allclose(weighed, training.fit_logistic(a, y, penalty), atol=1e-3)


def test_sweep_sets_read_cases_with_their_dates(tmp_path: Path) -> None:
    folder = tmp_path / "set1"
    folder.mkdir()
    (folder / "cases.jsonl").write_text(
        '{"id": "a1", "title": "제목", "body": "본문", "published": "2025-03-04", '
        '"is_mou": true, "countries": ["FR"], "sectors": []}\n\n'
        '{"id": "a2", "title": "제목2", "is_mou": false, "countries": [], "sectors": []}\n',
        encoding="utf-8",
    )
    rows = _training().sweep_sets([folder])
    assert [key for key, _, _ in rows] == ["set1:a1", "set1:a2"]
    first, second = rows[0][2], rows[1][2]
    assert first.published is not None and first.published.date() == dt.date(2025, 3, 4)
    assert second.body == "" and rows[0][1]["countries"] == ["FR"]
