"""Fit the weights of the country scorer (`extractors/country_score.py`) on labelled articles.

    .venv/bin/python bench/fit_countries.py

Every foreign country an analysed article names is a candidate with the features of
`country_score.FEATURES`; its label is whether the gold lists it. A logistic regression (L2,
gradient descent: a few hundred candidates need no library) is fitted on half A of the gold
(rows split by sha1 of the url, as in `bench/extract_halves.py`) and tested on half B, then the
other way round, against the rules alone, then on all of it (the weights are printed). Only
the training pool of `bench/training.py` is used (never the fresh blind set). The extractor
ships no weights while the scorer does not beat the rules on the held-out half
(docs/extractor.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_halves import SETS, half, shared_dir  # noqa: E402
from training import ARCHIVES, LABELS  # noqa: E402

from extractors.bounds import MAX_TEXT_CHARS, bounded  # noqa: E402
from extractors.cleaning import article_text, split_sentences  # noqa: E402
from extractors.cli import Item, _items  # noqa: E402
from extractors.country_score import FEATURES, probability  # noqa: E402
from extractors.decide import counterparts_of, sentences_to_analyse, signing_sentences  # noqa: E402
from extractors.document import prepare  # noqa: E402
from extractors.extractor import Extractor  # noqa: E402
from extractors.gate import passes_gate  # noqa: E402
from extractors.scoring import gold_keys, read_gold  # noqa: E402

# Training labels beyond the gold (`bench/training.py`), read from the archives by url.
TRAINING = tuple((path.stem, str(path), list(ARCHIVES)) for path in LABELS)
L2 = 0.01
STEPS = 3000
RATE = 0.5
THRESHOLD = 0.5
Candidate = tuple[str, str, str, tuple[float, ...], bool]  # (half, key, code, features, label)


def candidates(extractor: Extractor) -> tuple[list[Candidate], dict[str, tuple[str, set[str]]]]:
    """Candidates of every gold article, and each article's (half, gold countries)."""
    corpus = shared_dir() / "corpus"
    out: list[Candidate] = []
    gold: dict[str, tuple[str, set[str]]] = {}
    for _, gold_file, patterns in (*SETS, *TRAINING):
        if not (corpus / gold_file).exists():
            continue
        rows, _ = read_gold(corpus / gold_file)
        by_key: dict[str, dict[str, Any]] = {k: row for row in rows for k in gold_keys(row)}
        paths = [str(p) for pattern in patterns for p in sorted(corpus.glob(pattern))]
        items: list[Item] = list(_items(paths, by_key.__contains__, []))
        for item in items:
            row = by_key[item.id]
            gold[item.id] = (half(row), set(row.get("countries") or []))
            article = bounded(item.article)
            text = article_text(article.body)[:MAX_TEXT_CHARS]
            if not passes_gate(article.title, text):
                continue
            doc = prepare(article, text, split_sentences)
            doc.analyse = sentences_to_analyse(doc)
            tokens = extractor.analyzer.tokenize_many(doc.sentences[i] for i in doc.analyse)
            doc.tokens.update(zip(doc.analyse, tokens, strict=True))
            signed = signing_sentences(doc)
            if not signed:
                continue
            counterparts = counterparts_of(doc, signed)
            if counterparts.foreign_only:
                continue
            for code, values in counterparts.candidates:
                out.append((half(row), item.id, code, values, code in gold[item.id][1]))
    return out, gold


def fit(data: list[Candidate]) -> dict[str, float]:
    names = ("bias", *FEATURES)
    w = dict.fromkeys(names, 0.0)
    for _ in range(STEPS):
        grad = dict.fromkeys(names, 0.0)
        for _, _, _, values, label in data:
            err = probability(values, w) - float(label)
            grad["bias"] += err
            for name, v in zip(FEATURES, values, strict=True):
                grad[name] += err * v
        for name in names:
            penalty = 0.0 if name == "bias" else L2 * w[name]
            w[name] -= RATE * (grad[name] / max(1, len(data)) + penalty)
    return w


def prf(
    data: list[Candidate], gold: dict[str, tuple[str, set[str]]], part: str, keep: Any
) -> tuple[float, float, float, int]:
    """Country P/R/F1 over (article, code) pairs of one half, and articles given a wrong code."""
    got: dict[str, set[str]] = {}
    for h, key, code, values, _ in data:
        if h == part and keep(values):
            got.setdefault(key, set()).add(code)
    tp = fp = fn = wrong = 0
    for key, (h, expected) in gold.items():
        if h != part:
            continue
        predicted = got.get(key, set())
        tp += len(predicted & expected)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
        wrong += bool(predicted - expected)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0, wrong


def main() -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    if not (shared_dir() / "corpus").is_dir():
        print("no labelled corpus: nothing to fit")
        return 0
    data, gold = candidates(Extractor())
    print(f"{len(data)} candidates ({sum(c[4] for c in data)} positive) in {len(gold)} articles")
    for a, b in (("A", "B"), ("B", "A")):
        w = fit([c for c in data if c[0] == a])
        rules = prf(data, gold, b, lambda v: v[0] >= 1.0)
        scored = prf(data, gold, b, lambda v, w=w: probability(v, w) >= THRESHOLD)
        print(
            f"fit on {a}, test on {b}: rules P/R/F1 {rules[0]:.3f}/{rules[1]:.3f}/{rules[2]:.3f}"
            f" wrong {rules[3]}; scorer {scored[0]:.3f}/{scored[1]:.3f}/{scored[2]:.3f}"
            f" wrong {scored[3]}"
        )
    weights = fit(data)
    print("weights:", {k: round(v, 3) for k, v in weights.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
