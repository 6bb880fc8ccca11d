"""Pure scoring of extractions against gold labels in the ../shared/corpus format.

For the corpus test (H1): ``score(gold_rows, predictions) -> Report``; ``gold_rows`` are the parsed
lines of a gold.jsonl, ``predictions`` maps an article id (a .txt stem or a url) to an
`Extraction` or to its JSON form. ``Report.is_mou.f1``, ``.countries.f1``, ``.sectors.f1`` and
``.wrong_country_share`` are the quality bars of issue 2. ``read_gold(path)`` loads a gold file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.model import Extraction

Prediction = Extraction | Mapping[str, Any]


@dataclass(frozen=True)
class PRF:
    """Counts of one field and the precision, recall and F1 they give (1.0 when nothing to find)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class Miss:
    id: str
    field: str
    expected: Any
    got: Any


TABLE_HEAD = (
    "| set | articles | is_mou P/R/F1 | country P/R/F1 | wrong country | sector P/R/F1 |\n"
    "|---|---|---|---|---|---|"
)


@dataclass(frozen=True)
class Report:
    articles: int
    is_mou: PRF
    countries: PRF
    sectors: PRF
    wrong_country_ids: tuple[str, ...]
    misses: tuple[Miss, ...]
    unmatched: tuple[str, ...] = field(default=())
    """Gold ids with no prediction: left out of every figure above."""

    def table_row(self, name: str) -> str:
        """One Markdown row under TABLE_HEAD: precision/recall/F1 of each field, wrong share."""
        cells = [
            f"{f.precision:.3f}/{f.recall:.3f}/{f.f1:.3f}"
            for f in (self.is_mou, self.countries, self.sectors)
        ]
        return (
            f"| {name} | {self.articles} | {cells[0]} | {cells[1]} "
            f"| {self.wrong_country_share:.1%} | {cells[2]} |"
        )

    @property
    def wrong_country_share(self) -> float:
        """Share of articles given a country their gold does not list (the worst error)."""
        return len(self.wrong_country_ids) / self.articles if self.articles else 0.0

    def format(self, misses: bool = True) -> str:
        """The figures, then (unless `misses` is False) every miss and unmatched gold row."""
        lines = [
            f"articles scored: {self.articles}"
            + (
                f" (gold rows without a prediction: {len(self.unmatched)})"
                if self.unmatched
                else ""
            ),
            f"{'':<10} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn",
        ]
        for name, prf in (
            ("is_mou", self.is_mou),
            ("countries", self.countries),
            ("sectors", self.sectors),
        ):
            lines.append(
                f"{name:<10} {prf.precision:>9.3f} {prf.recall:>7.3f} {prf.f1:>6.3f}"
                f" {prf.tp:>4} {prf.fp:>3} {prf.fn:>3}"
            )
        lines.append(
            f"wrong country: {len(self.wrong_country_ids)}/{self.articles} articles"
            f" ({100 * self.wrong_country_share:.1f}%)"
        )
        if not misses:
            return "\n".join(lines)
        if self.misses:
            lines.append(f"misses ({len(self.misses)}):")
            lines.extend(
                f"  {m.id}\t{m.field}\texpected {_show(m.expected)}\tgot {_show(m.got)}"
                for m in self.misses
            )
        if self.unmatched:
            lines.append("gold rows without a prediction:")
            lines.extend(f"  {key}" for key in self.unmatched)
        return "\n".join(lines)


def _show(value: Any) -> str:
    if isinstance(value, list | tuple | set | frozenset):
        return "[" + ", ".join(sorted(str(v) for v in value)) + "]"
    return json.dumps(value, ensure_ascii=False)


def gold_keys(row: Mapping[str, Any]) -> list[str]:
    """The ids a gold row may be matched by, in order: ``id``, ``url``, ``source``."""
    return [str(row[k]) for k in ("id", "url", "source") if row.get(k)]


def read_gold(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows of a gold.jsonl and one message per line that is not a usable row."""
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{path}:{lineno}: not JSON ({exc.msg})")
                continue
            if not isinstance(row, dict) or not gold_keys(row) or "is_mou" not in row:
                problems.append(f"{path}:{lineno}: needs an id or url and is_mou")
                continue
            rows.append(row)
    return rows, problems


def _fields(pred: Prediction) -> tuple[bool, set[str], set[str]]:
    if isinstance(pred, Extraction):
        return pred.is_mou, set(pred.countries), set(pred.sectors)
    return (
        bool(pred.get("is_mou")),
        set(pred.get("countries") or ()),
        set(pred.get("sectors") or ()),
    )


def _set_prf(expected: set[str], got: set[str]) -> PRF:
    return PRF(len(expected & got), len(got - expected), len(expected - got))


def _match(row: Mapping[str, Any], predictions: Mapping[str, Prediction]) -> Prediction | None:
    for key in gold_keys(row):
        if key in predictions:
            return predictions[key]
    return None


def score(gold_rows: Iterable[Mapping[str, Any]], predictions: Mapping[str, Prediction]) -> Report:
    """Score predictions against gold: is_mou as a binary label, countries and sectors micro-
    averaged over (article, code) pairs, every disagreement listed as a `Miss`."""
    is_mou = countries = sectors = PRF()
    wrong: list[str] = []
    misses: list[Miss] = []
    unmatched: list[str] = []
    scored = 0
    for row in gold_rows:
        key = gold_keys(row)[0]
        pred = _match(row, predictions)
        if pred is None:
            unmatched.append(key)
            continue
        scored += 1
        got_mou, got_countries, got_sectors = _fields(pred)
        want_mou = bool(row.get("is_mou"))
        want_countries = set(row.get("countries") or ())
        want_sectors = set(row.get("sectors") or ())
        is_mou += PRF(
            int(want_mou and got_mou), int(got_mou and not want_mou), int(want_mou and not got_mou)
        )
        countries += _set_prf(want_countries, got_countries)
        sectors += _set_prf(want_sectors, got_sectors)
        if got_countries - want_countries:
            wrong.append(key)
        if got_mou != want_mou:
            misses.append(Miss(key, "is_mou", want_mou, got_mou))
        if got_countries != want_countries:
            misses.append(Miss(key, "countries", sorted(want_countries), sorted(got_countries)))
        if got_sectors != want_sectors:
            misses.append(Miss(key, "sectors", sorted(want_sectors), sorted(got_sectors)))
    return Report(scored, is_mou, countries, sectors, tuple(wrong), tuple(misses), tuple(unmatched))


__all__ = ["PRF", "Miss", "Prediction", "Report", "gold_keys", "read_gold", "score"]
