"""The training pool of issue 9: every labelled article the extractor may be fitted and tuned on.

The gold of ../shared/corpus (seeds, dev, chosun-gold, tera-gold, see `extract_halves.SETS`) and
the label files below, read from the two archives by url. Never the fresh blind set
(`eval/blind/fresh-labels.jsonl`): it is scored once per round with `mou-alert eval`, and no
script here reads it. The first blind set (`eval/blind/labels.jsonl`) is training data since its
misses were read once (eval/blind/README.md).

    .venv/bin/python bench/training.py          # the extractor's misses on the pool
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_halves import SETS, shared_dir  # noqa: E402

from extractors.cli import _items  # noqa: E402
from extractors.model import Article, Extraction  # noqa: E402
from extractors.scoring import Report, gold_keys, read_gold, score  # noqa: E402

ARCHIVES = ("chosun-national.jsonl.gz", "tera-economy.jsonl.gz")
LABELS = (
    ROOT / "eval" / "blind" / "near-foreign-labels.jsonl",
    ROOT / "eval" / "train" / "labels.jsonl",
    ROOT / "eval" / "blind" / "labels.jsonl",
    ROOT / "eval" / "train" / "more-labels.jsonl",
)
FOLDS = 5

Labelled = tuple[str, dict[str, Any], Article]  # (key, gold row, article)


def fold(key: str) -> int:
    """The cross-validation fold of an article, by sha1 of its key."""
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % FOLDS


def time_folds(data: list[Labelled]) -> dict[str, int]:
    """Folds as contiguous blocks of publication time, each source cut into FOLDS equal parts.

    Folds by key put reprints and follow-ups of one story on both sides of a split; blocks of
    time keep them together and test each block on weights fitted on the others, the closer
    shape of the external evaluation (economy items published after every training item)."""
    out: dict[str, int] = {}
    for src in ("chosun", "tera"):
        part = sorted((_timestamp(a), k) for k, r, a in data if source(k, r) == src)
        for n, (_, key) in enumerate(part):
            out[key] = n * FOLDS // len(part)
    return out


def _timestamp(article: Article) -> float:
    when = article.published
    if when is None:
        return 0.0
    return (when if when.tzinfo else when.replace(tzinfo=dt.UTC)).timestamp()


def fold_of(data: list[Labelled], how: str) -> Callable[[str], int]:
    """The fold of each key: "key" (sha1, `fold`) or "time" (`time_folds`)."""
    if how == "key":
        return fold
    blocks = time_folds(data)
    return blocks.__getitem__


def source(key: str, row: dict[str, Any]) -> str:
    """ "chosun" (national news) or "tera" (economy feed)."""
    where = f"{key} {row.get('source') or ''} {row.get('url') or ''}"
    return "chosun" if "chosun.com" in where else "tera"


def shared_gold() -> set[str]:
    """Keys of the gold of ../shared/corpus: the articles the rules were written against, and
    the only labels by the authors of the project's external evaluation."""
    return {
        gold_keys(r)[0] for _, path, _ in SETS for r in read_gold(shared_dir() / "corpus" / path)[0]
    }


def pool(labels: list[Path] | None = None) -> list[Labelled]:
    """(key, gold row, article) of every labelled article of the pool found in ../shared."""
    corpus = shared_dir() / "corpus"
    wanted: dict[str, dict[str, Any]] = {}
    txt_paths: list[str] = []
    files = [corpus / g for _, g, _ in SETS] + list(LABELS if labels is None else labels)
    for _, _, patterns in SETS:
        txt_paths += [
            str(p) for pattern in patterns if pattern.endswith(".txt") for p in corpus.glob(pattern)
        ]
    for path in files:
        if "fresh" in path.name:
            raise ValueError(f"{path} is the fresh blind set: never train on it")
        rows, _ = read_gold(path)
        for row in rows:
            wanted[gold_keys(row)[0]] = row
            for k in gold_keys(row)[1:]:
                wanted.setdefault(k, row)
    paths = sorted(txt_paths) + [str(corpus / a) for a in ARCHIVES]
    out: dict[int, Labelled] = {}
    for item in _items(paths, wanted.__contains__, []):
        row = wanted[item.id]
        out[id(row)] = (gold_keys(row)[0], row, item.article)
    return list(out.values())


def fit_arguments(doc: str | None) -> argparse.ArgumentParser:
    """The arguments every fitting script takes: other label files, and --write."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument(
        "--labels",
        nargs="*",
        type=Path,
        default=None,
        help="label files to use instead of the pool's (LABELS above)",
    )
    parser.add_argument("--write", action="store_true", help="store the fitted weights")
    parser.add_argument(
        "--folds",
        choices=("key", "time"),
        default="key",
        help="cross-validation folds by sha1 of the key (default) or as blocks of time",
    )
    return parser


def labelled_pool(labels: list[Path] | None) -> list[Labelled] | None:
    """The pool, or None (said on stdout) when ../shared is not there."""
    if not (shared_dir() / "corpus").is_dir():
        print("no labelled corpus: nothing to fit")
        return None
    return pool(labels)


def sweep_sets(folders: list[Path]) -> list[Labelled]:
    """(set:id, case, article) of black-box sets written as FOLDER/cases.jsonl
    (`eval/sweeps/jsonl_set.py`): labelled by helpers from LABELS.md alone, invented text."""
    out: list[Labelled] = []
    for folder in folders:
        for line in (folder / "cases.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            day = dt.date.fromisoformat((case.get("published") or "2025-05-14")[:10])
            when = dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC)
            article = Article(case["title"], case.get("body") or "", published=when)
            out.append((f"{folder.name}:{case['id']}", case, article))
    return out


def fit_logistic(
    a: np.ndarray, y: np.ndarray, penalty: np.ndarray, sample: np.ndarray | None = None
) -> np.ndarray:
    """L2-penalised logistic regression with an unpenalised intercept (first weight); `sample`
    weighs each row (1 when not given)."""
    a = np.hstack([np.ones((len(a), 1)), a])
    s = np.ones(len(a)) if sample is None else sample
    w = np.zeros(a.shape[1])
    penalty = np.concatenate([[0.0], penalty])
    for _ in range(60):
        p = 1 / (1 + np.exp(-np.clip(a @ w, -30, 30)))
        grad = a.T @ (s * (p - y)) + penalty * w
        hess = (a * (s * p * (1 - p))[:, None]).T @ a + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def write_weights(path: Path, weights: Mapping[str, float], **about: object) -> None:
    """Ship fitted weights as the JSON the runtime reads (`extractors/fitted.py`)."""
    data = {"weights": {n: round(v, 4) for n, v in weights.items()}, **about}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {path}")


SUBSETS = ("chosun", "tera", "all", "new", "gold")


def reports(data: list[Labelled], predictions: Mapping[str, Extraction]) -> dict[str, Report]:
    """Scores per source (chosun = national news, tera = economy feed), pooled, on the labels
    outside ../shared's gold ("new": the rules were not written against them, the closest to
    unseen articles in the pool) and on that gold alone ("gold": labelled by the authors of the
    project's external evaluation)."""
    seen = shared_gold()
    out = {}
    for name in SUBSETS:
        rows = [
            dict(r, id=k)
            for k, r, _ in data
            if name in ("all", source(k, r))
            or (name == "new" and k not in seen)
            or (name == "gold" and k in seen)
        ]
        out[name] = score(rows, predictions)
    return out


def main() -> int:
    from extractors.extractor import Extractor

    if not (shared_dir() / "corpus").is_dir():
        print("no labelled corpus: nothing to report")
        return 0
    data = pool()
    results = Extractor().extract_many(a for _, _, a in data)
    for (key, row, article), e in zip(data, results, strict=True):
        gold_c, got_c = sorted(row.get("countries") or []), sorted(e.countries)
        if bool(row.get("is_mou")) == e.is_mou and gold_c == got_c:
            continue
        gold_mou = bool(row.get("is_mou"))
        kind = "C " if gold_mou == e.is_mou else "FN" if gold_mou else "FP"
        print(f"{kind} {source(key, row)} {gold_c} {got_c} {key} | {article.title[:60]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
