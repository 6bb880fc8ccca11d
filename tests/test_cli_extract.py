"""`mou-alert extract` / `eval` in-process on small fixture articles: shape, ids, bad input.

The .jsonl.gz input is made from corpus.jsonl at test time, so the fixture stays readable.
"""

from __future__ import annotations

import gzip
import io
import json
import random
from pathlib import Path

import pytest

from bot.cli import main
from extractors.cli import JSON_FIELDS

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
TXT = FIXTURES / "hanbul_startup_mou.txt"
HTML = FIXTURES / "domestic_forum.html"
CORPUS = FIXTURES / "corpus.jsonl"
GOLD = FIXTURES / "gold.jsonl"
# corpus.jsonl: lines 1, 2, 6 and 8 are articles; 3-5 are malformed; 7 is blank
CORPUS_IDS = [
    "https://news.example/mou-jp",
    "https://news.example/crime",
    "https://news.example/bad-date",
    "https://news.example/empty-body",
]


def _records(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def _check_shape(record: dict[str, object]) -> None:
    assert list(record) == list(JSON_FIELDS)
    assert isinstance(record["id"], str)
    assert isinstance(record["is_mou"], bool)
    assert record["status"] in {"signed", "planned", "none"}
    for key in ("countries", "sectors", "parties", "amounts"):
        assert isinstance(record[key], list)
    assert all(isinstance(c, str) and len(c) == 2 for c in record["countries"])  # type: ignore[attr-defined]
    for amount in record["amounts"]:  # type: ignore[attr-defined]
        assert set(amount) == {"text", "value", "currency"}
    assert record["mou_count"] is None or isinstance(record["mou_count"], int)
    assert record["date"] is None or isinstance(record["date"], str)
    assert isinstance(record["summary"], str)


def test_txt_and_html_ids_are_file_stems(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--json", str(TXT), str(HTML)]) == 0
    records = _records(capsys.readouterr().out)
    assert [r["id"] for r in records] == ["hanbul_startup_mou", "domestic_forum"]
    for record in records:
        _check_shape(record)
    mou, forum = records
    assert mou["is_mou"] is True and "FR" in mou["countries"]  # type: ignore[operator]
    assert forum["is_mou"] is False and forum["countries"] == []


def test_jsonl_ids_are_urls_and_bad_lines_are_reported(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["extract", "--json", str(CORPUS)]) == 0
    captured = capsys.readouterr()
    records = _records(captured.out)
    assert [r["id"] for r in records] == CORPUS_IDS
    for record in records:
        _check_shape(record)
    for lineno in (3, 4, 5):
        assert f"corpus.jsonl:{lineno}: skipped" in captured.err
    assert "corpus.jsonl:6: published is not an ISO 8601 date" in captured.err
    assert "Traceback" not in captured.err


def test_jsonl_gz_reads_like_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gz = tmp_path / "corpus.jsonl.gz"
    gz.write_bytes(gzip.compress(CORPUS.read_bytes()))
    assert main(["extract", "--json", str(gz)]) == 0
    captured = capsys.readouterr()
    assert [r["id"] for r in _records(captured.out)] == CORPUS_IDS
    assert "corpus.jsonl.gz:3: skipped" in captured.err


def test_truncated_gz_keeps_what_was_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(7)
    lines = [
        json.dumps({"url": f"u{i}", "title": "t", "text": rng.randbytes(300).hex()})
        for i in range(600)
    ]
    data = gzip.compress("\n".join(lines).encode())
    gz = tmp_path / "cut.jsonl.gz"
    gz.write_bytes(data[: len(data) // 2])
    assert main(["extract", "--json", str(gz)]) == 0
    captured = capsys.readouterr()
    ids = [r["id"] for r in _records(captured.out)]
    assert 100 < len(ids) < 600
    assert ids == [f"u{i}" for i in range(len(ids))]
    assert "cut.jsonl.gz: stopped reading" in captured.err
    assert "Traceback" not in captured.err


def test_stdin_plain_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(TXT.read_text(encoding="utf-8")))
    assert main(["extract", "--json", "-"]) == 0
    (record,) = _records(capsys.readouterr().out)
    _check_shape(record)
    assert record["id"] == "-"
    assert record["is_mou"] is True


def test_stdin_json_record(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    line = CORPUS.read_text(encoding="utf-8").splitlines()[0]
    monkeypatch.setattr("sys.stdin", io.StringIO(line))
    assert main(["extract", "--json", "-"]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record["id"] == "-"
    assert record["countries"] == ["JP"]


def test_readable_output_names_every_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(TXT), str(HTML)]) == 0
    out = capsys.readouterr().out
    assert "hanbul_startup_mou: signed MOU" in out
    assert "countries: FR" in out
    assert "domestic_forum: not a signed MOU" in out


def test_unreadable_paths_fail_but_the_rest_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF-1.4")
    code = main(["extract", "--json", str(tmp_path / "missing.txt"), str(other), str(TXT)])
    captured = capsys.readouterr()
    assert code == 1
    assert [r["id"] for r in _records(captured.out)] == ["hanbul_startup_mou"]
    assert "missing.txt: cannot read" in captured.err
    assert "notes.pdf: unsupported input" in captured.err


def test_eval_scores_gold_articles_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(GOLD), str(TXT), str(HTML), str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("articles scored: 3 (gold rows without a prediction: 1)")
    for row in ("is_mou", "countries", "sectors", "wrong country:"):
        assert row in out
    assert "not-in-any-input" in out
    # every article the extractor gets right on is_mou: 2 MOUs found, the crime story not
    is_mou_row = next(line for line in out.splitlines() if line.startswith("is_mou"))
    assert is_mou_row.split()[1:4] == ["1.000", "1.000", "1.000"]


def test_eval_figures_only_leaves_out_the_misses(capsys: pytest.CaptureFixture[str]) -> None:
    """A blind set is scored without reading its misses: the figures, and no article id."""
    assert main(["eval", "--figures-only", str(GOLD), str(TXT), str(HTML), str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "is_mou" in out and "wrong country:" in out
    assert "misses" not in out and "not-in-any-input" not in out


def test_eval_with_unusable_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    assert main(["eval", str(gold), str(TXT)]) == 2
    err = capsys.readouterr().err
    assert "gold.jsonl:1: needs an id or url and is_mou" in err
    assert "gold.jsonl:2: not JSON" in err
    assert main(["eval", str(tmp_path / "absent.jsonl"), str(TXT)]) == 2
