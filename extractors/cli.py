"""``mou-alert extract`` and ``mou-alert eval``: the extractor's external contract.

Inputs: a .txt or .html article (id = file stem), a .jsonl / .jsonl.gz corpus with one article a
line ``{url, title, published, html | text}`` (id = url), or ``-`` for one article on stdin (raw
text/HTML, or one JSON object like a corpus line). Corpora stream through the extractor in batches
so memory stays flat; a malformed line is reported on stderr with its line number and skipped.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO, cast

from extractors.cleaning import article_text, looks_like_html
from extractors.model import Article, Extraction

BATCH = 256
JSON_FIELDS = (
    "id",
    "is_mou",
    "status",
    "countries",
    "sectors",
    "parties",
    "amounts",
    "mou_count",
    "date",
    "summary",
)
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>|<h1[^>]*>(.*?)</h1>", re.I | re.S)
_TAG = re.compile(r"<[^<>]*>")


class InputError(Exception):
    """A path that cannot be read at all (missing, unknown type, undecodable)."""


@dataclass(frozen=True)
class Item:
    id: str
    article: Article


# --- reading articles -----------------------------------------------------------------------


def _parse_published(value: Any) -> dt.datetime | None:
    if not value:
        return None
    if not isinstance(value, str):
        raise ValueError("published is not a string")
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"published is not an ISO 8601 date: {value!r}") from exc


def article_from_record(record: Any, warn: Callable[[str], None] | None = None) -> Article:
    """An Article from a corpus line; ValueError says what makes it unusable. A bad `published`
    only loses the date (reported through `warn`), not the article."""
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    body = next((record[k] for k in ("html", "text", "body") if record.get(k) is not None), None)
    title = record.get("title") or ""
    if body is None and not title:
        raise ValueError("no html, text or title")
    if not isinstance(body or "", str) or not isinstance(title, str):
        raise ValueError("html/text/title must be strings")
    try:
        published = _parse_published(record.get("published"))
    except ValueError as exc:
        if warn is not None:
            warn(f"{exc}; read without a date")
        published = None
    return Article(
        title=title.strip(), body=body or "", url=str(record.get("url") or ""), published=published
    )


def article_from_text(raw: str) -> Article:
    """A scraped .txt page: the first article line is the title, the rest the body."""
    lines = article_text(raw).split("\n")
    return Article(title=lines[0], body="\n".join(lines[1:]))


def article_from_html(raw: str) -> Article:
    m = _HTML_TITLE.search(raw)
    title = _TAG.sub("", next(g for g in m.groups() if g is not None)) if m else ""
    return Article(title=" ".join(title.split()), body=raw)


def _read_text_file(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _open_lines(path: Path) -> tuple[IO[bytes], TextIO]:
    """(raw file for progress by bytes, decoded text lines)."""
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    stream = cast(IO[bytes], gzip.GzipFile(fileobj=raw)) if path.name.endswith(".gz") else raw
    return raw, io.TextIOWrapper(stream, encoding="utf-8", errors="replace")


def _prefixed(warn: Callable[[str], None], prefix: str) -> Callable[[str], None]:
    return lambda message: warn(prefix + message)


def iter_records(
    path: Path,
    warn: Callable[[str], None],
    progress: Callable[[int], None] | None = None,
) -> Iterator[tuple[int, dict[str, Any], Article]]:
    """(line number, JSON object, article) of each usable line of a corpus file; bad lines are
    reported through `warn` and skipped, a broken file stops with one warning."""
    raw, lines = _open_lines(path)
    with raw, lines:
        try:
            for lineno, line in enumerate(lines, 1):
                if progress is not None and lineno % 64 == 0:
                    progress(raw.tell())
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    article = article_from_record(record, _prefixed(warn, f"{path}:{lineno}: "))
                except (json.JSONDecodeError, ValueError) as exc:
                    reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
                    warn(f"{path}:{lineno}: skipped: {reason}")
                    continue
                yield lineno, record, article
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            warn(f"{path}: stopped reading: {exc}")
        if progress is not None:
            progress(raw.tell())


def iter_jsonl(
    path: Path,
    warn: Callable[[str], None],
    wanted: Callable[[str], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Item]:
    """Articles of a corpus file, id = url; bad lines are reported through `warn` and skipped."""
    for lineno, _record, article in iter_records(path, warn, progress):
        key = article.url or f"{path}:{lineno}"
        if wanted is None or wanted(key):
            yield Item(key, article)


def read_stdin(stdin: TextIO) -> Item:
    raw = stdin.read()
    stripped = raw.strip()
    if stripped.startswith("{"):
        try:
            return Item("-", article_from_record(json.loads(stripped)))
        except (json.JSONDecodeError, ValueError):
            pass  # not a corpus record: read it as text
    article = article_from_html(raw) if looks_like_html(raw) else article_from_text(raw)
    return Item("-", article)


def is_corpus(path: str) -> bool:
    return path.endswith((".jsonl", ".jsonl.gz", ".json.gz", ".ndjson"))


def read_single(path: str, stdin: TextIO) -> Item:
    """One article from a .txt/.html path or stdin; InputError when it cannot be used."""
    if path == "-":
        return read_stdin(stdin)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".html", ".htm"):
        return Item(p.stem, article_from_html(_read_text_file(p)))
    if suffix in (".txt", ".text", ""):
        return Item(p.stem, article_from_text(_read_text_file(p)))
    raise InputError(f"{path}: unsupported input (use .txt, .html, .jsonl, .jsonl.gz or -)")


# --- running --------------------------------------------------------------------------------


def _warn(message: str) -> None:
    print(f"mou-alert: {message}", file=sys.stderr)


def _batched(items: Iterable[Item], size: int = BATCH) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _progress_bar(total: int, desc: str) -> Any:
    from tqdm import tqdm

    # disable=None: only on a terminal, so piped --json output and logs stay clean
    return tqdm(total=total, desc=desc, unit="B", unit_scale=True, file=sys.stderr, disable=None)


def _items(
    paths: Iterable[str], wanted: Callable[[str], bool] | None, failures: list[str]
) -> Iterator[Item]:
    for path in paths:
        try:
            if is_corpus(path):
                p = Path(path)
                size = p.stat().st_size if p.exists() else 0
                bar = _progress_bar(size, p.name)
                done = 0

                def advance(pos: int, bar: Any = bar) -> None:
                    nonlocal done
                    bar.update(max(0, pos - done))
                    done = max(done, pos)

                try:
                    yield from iter_jsonl(p, _warn, wanted, advance)
                finally:
                    bar.close()
            else:
                item = read_single(path, sys.stdin)
                if wanted is None or wanted(item.id):
                    yield item
        except InputError as exc:
            failures.append(str(exc))
            _warn(str(exc))


@functools.cache
def _extractor() -> Any:
    """One Extractor (one Kiwi) per process, however many commands run in it."""
    from extractors.extractor import Extractor

    return Extractor(num_workers=max(1, min(4, os.cpu_count() or 1)))


def run(
    paths: Iterable[str],
    on_result: Callable[[Item, Extraction], None],
    wanted: Callable[[str], bool] | None = None,
) -> list[str]:
    """Extract every article of `paths` batch by batch; returns the paths that failed."""
    failures: list[str] = []
    extractor = _extractor()
    for batch in _batched(_items(paths, wanted, failures)):
        for item, extraction in zip(
            batch, extractor.extract_many([i.article for i in batch]), strict=True
        ):
            on_result(item, extraction)
    return failures


def to_record(item_id: str, extraction: Extraction) -> dict[str, Any]:
    data = extraction.to_json()
    data["id"] = item_id
    return {key: data.get(key) for key in JSON_FIELDS}


def format_readable(item_id: str, extraction: Extraction) -> str:
    if not extraction.is_mou:
        why = "gated out" if extraction.gated_out else extraction.status
        return f"{item_id}: not a signed MOU ({why})"
    lines = [f"{item_id}: signed MOU" + (f" on {extraction.date}" if extraction.date else "")]
    if extraction.countries:
        lines.append(f"  countries: {', '.join(extraction.countries)}")
    if extraction.sectors:
        lines.append(f"  sectors:   {', '.join(extraction.sectors)}")
    for group in extraction.parties:
        lines.append(f"  parties:   {' + '.join(group)}")
    if extraction.amounts:
        shown = "; ".join(f"{a.text} ({a.value:,.0f} {a.currency})" for a in extraction.amounts)
        lines.append(f"  amounts:   {shown}")
    if extraction.mou_count is not None:
        lines.append(f"  MOUs:      {extraction.mou_count}")
    if extraction.summary:
        lines.append(f"  summary:   {extraction.summary}")
    return "\n".join(lines)


def cmd_extract(paths: list[str], as_json: bool) -> int:
    """Print one result per article (JSON lines with --json); 1 when a path could not be read."""
    out = sys.stdout

    def emit(item: Item, extraction: Extraction) -> None:
        if as_json:
            out.write(json.dumps(to_record(item.id, extraction), ensure_ascii=False) + "\n")
        else:
            out.write(format_readable(item.id, extraction) + "\n")

    failures = run(paths, emit)
    out.flush()
    return 1 if failures else 0


def cmd_eval(gold: Path, paths: list[str], misses: bool = True) -> int:
    """Score the extractor on the gold rows' articles found in `paths` (others are not read);
    `misses=False` prints the figures only (a blind set's misses are not to be read)."""
    from extractors.scoring import gold_keys, read_gold, score

    try:
        rows, problems = read_gold(gold)
    except OSError as exc:
        _warn(f"{gold}: cannot read gold ({exc.strerror or exc})")
        return 2
    for problem in problems:
        _warn(problem)
    if not rows:
        _warn(f"{gold}: no gold rows")
        return 2
    keys = {key for row in rows for key in gold_keys(row)}
    predictions: dict[str, Extraction] = {}

    def keep(item: Item, extraction: Extraction) -> None:
        predictions[item.id] = extraction

    failures = run(paths, keep, wanted=keys.__contains__)
    print(score(rows, predictions).format(misses=misses))
    return 1 if failures else 0


__all__ = [
    "InputError",
    "Item",
    "article_from_record",
    "article_from_text",
    "cmd_eval",
    "cmd_extract",
    "iter_jsonl",
    "iter_records",
    "run",
    "to_record",
]
