"""``mou-alert backfill PATH...``: history from day one. Stores old articles as if they had been
polled when they were published, and alerts nobody.

Reads what ``mou-alert extract`` reads (.jsonl/.jsonl.gz rows of url, title, published and html
or text; .txt and .html files) and saved RSS/Atom documents (.xml, .rss, .atom). Every article
gets the key live polling would give it (GUID, else normalised link), so a second run, or a
feed that later carries the same article, adds nothing. Articles are extracted in batches on a
worker thread (Kiwi never runs on the event loop) and recorded oldest first, each batch with
its own published time as "now": reprints group into stories exactly as live ingestion groups
them (``story_window``), and every item is stored with ``alert=False``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from core.settings import Settings
from extractors.cli import InputError, is_corpus, iter_records, read_single
from extractors.model import Article, Extraction
from feeds.article import visible_text
from feeds.keys import item_key
from feeds.parse import parse_feed
from feeds.pipeline import ExtractionWorker, ExtractsMany
from subscriptions.models import NewItem
from subscriptions.repository import Repository

log = logging.getLogger(__name__)

BATCH = 512
"""Articles extracted, and items recorded, per step."""
FEED_SUFFIXES = (".xml", ".rss", ".atom")
Warn = Callable[[str], None]


@dataclass(frozen=True)
class Source:
    """One article read from a path, with the key and outlet it is stored under."""

    key: str
    article: Article
    outlet: str


@dataclass
class BackfillReport:
    read: int = 0
    known: int = 0
    """Articles stored before (by an earlier run or by polling): skipped."""
    mous: int = 0
    new_stories: int = 0
    reprints: int = 0
    failures: list[str] = field(default_factory=list)
    """Paths that could not be read at all."""

    def summary(self) -> str:
        lines = [
            f"read {self.read} articles ({self.known} already stored)",
            f"MOUs: {self.mous}, new stories: {self.new_stories}, reprints: {self.reprints}",
        ]
        lines += [f"failed: {f}" for f in self.failures]
        return "\n".join(lines)


def _outlet(record: dict[str, Any], url: str) -> str:
    for name in ("publisher", "outlet", "source"):
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return urlsplit(url).hostname or ""


def _corpus(path: Path, warn: Warn, progress: Callable[[int], None]) -> Iterator[Source]:
    for _lineno, record, article in iter_records(path, warn, progress):
        key = item_key(None, record.get("guid"), article.url, article.title)
        yield Source(key, article, _outlet(record, article.url))


def _feed(path: Path) -> Iterator[Source]:
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    parsed = parse_feed(body, {})
    if not parsed.is_usable:
        raise InputError(f"{path}: not an RSS or Atom feed ({parsed.error})")
    outlet = parsed.title.strip()
    for entry in parsed.entries:
        article = Article(
            title=entry.title,
            body=visible_text(entry.content),
            url=entry.link or "",
            published=entry.published,
        )
        key = item_key(None, entry.guid, entry.link, entry.title)
        yield Source(key, article, outlet or urlsplit(entry.link or "").hostname or "")


def _single(path: str) -> Source:
    item = read_single(path, sys.stdin)
    digest = hashlib.sha256(f"{item.article.title}\n{item.article.body}".encode()).hexdigest()
    return Source(f"file:{digest[:32]}", item.article, "")


def read_sources(
    paths: Sequence[str], warn: Warn, failures: list[str], bar: Callable[[str, int], Any]
) -> Iterator[Source]:
    """Every article of ``paths`` in file order; a path that cannot be read is reported and
    added to ``failures``. ``bar(name, size)`` makes a progress bar over a file's bytes."""
    for path in paths:
        try:
            p = Path(path)
            if is_corpus(path):
                if not p.is_file():
                    raise InputError(f"{path}: no such file")
                progress = bar(p.name, p.stat().st_size)
                done = 0

                def advance(pos: int, progress: Any = progress) -> None:
                    nonlocal done
                    progress.update(max(0, pos - done))
                    done = max(done, pos)

                try:
                    yield from _corpus(p, warn, advance)
                finally:
                    progress.close()
            elif p.suffix.lower() in FEED_SUFFIXES:
                yield from _feed(p)
            else:
                yield _single(path)
        except InputError as exc:
            failures.append(str(exc))
            warn(str(exc))


def _published(article: Article) -> dt.datetime | None:
    when = article.published
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)  # a corpus date without a zone: read as UTC
    return when.astimezone(dt.UTC) if when is not None else None


def _text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _item(source: Source) -> NewItem:
    article = source.article
    return NewItem(
        feed_id=None,  # type: ignore[arg-type]  # no feed: read from a file
        key=source.key,
        url=article.url,
        title=article.title,
        published=_published(article),
        text_hash=_text_hash(visible_text(article.body)),
        outlet=source.outlet,
        alert=False,
    )


def _batched(sources: Iterator[Source], size: int) -> Iterator[list[Source]]:
    batch: list[Source] = []
    for source in sources:
        batch.append(source)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


async def backfill(
    paths: Sequence[str],
    repo: Repository,
    extractor: ExtractsMany,
    *,
    now: dt.datetime,
    warn: Warn,
    bar: Callable[[str, int], Any],
) -> BackfillReport:
    """Read, extract and store every new article of ``paths``; alerts nobody."""
    report = BackfillReport()
    sources = read_sources(paths, warn, report.failures, bar)
    return await backfill_sources(sources, repo, extractor, now=now, bar=bar, report=report)


async def backfill_sources(
    sources: Iterable[Source],
    repo: Repository,
    extractor: ExtractsMany,
    *,
    now: dt.datetime,
    bar: Callable[[str, int], Any],
    report: BackfillReport | None = None,
) -> BackfillReport:
    """Extract and store every new article of ``sources``; alerts nobody."""
    report = report or BackfillReport()
    worker = ExtractionWorker(extractor)
    extracted: list[tuple[NewItem, Extraction]] = []
    try:
        for batch in _batched(iter(sources), BATCH):
            report.read += len(batch)
            known = await repo.known_keys([s.key for s in batch])
            seen: set[str] = set()
            fresh = []
            for s in batch:
                if s.key not in known and s.key not in seen:
                    seen.add(s.key)
                    fresh.append(s)
            report.known += len(batch) - len(fresh)
            results = await worker.extract_many([s.article for s in fresh])
            # Only what storing needs is kept: the articles' text goes with the batch.
            extracted += [(_item(s), ex) for s, ex in zip(fresh, results, strict=True)]
    finally:
        worker.close()
    await _record(repo, extracted, now, report, bar)
    return report


async def _record(
    repo: Repository,
    extracted: list[tuple[NewItem, Extraction]],
    now: dt.datetime,
    report: BackfillReport,
    bar: Callable[[str, int], Any],
) -> None:
    """Oldest first, each batch recorded at its newest published time (undated ones last, at
    ``now``): a story's first report starts it, its reprints within the window join it."""
    latest = now.astimezone(dt.UTC)
    extracted.sort(key=lambda pair: pair[0].published or latest)
    progress = bar("storing", len(extracted))
    try:
        for i in range(0, len(extracted), BATCH):
            batch = extracted[i : i + BATCH]
            when = min(max(p[0].published or latest for p in batch), latest)
            results = await repo.record_items(batch, when)
            for (_, ex), result in zip(batch, results, strict=True):
                if result.duplicate:
                    report.known += 1
                    continue
                if ex.is_mou:
                    report.mous += 1
                    if result.new_story:
                        report.new_stories += 1
                    elif result.story_id is not None:
                        report.reprints += 1
            progress.update(len(batch))
    finally:
        progress.close()


def no_bar(_name: str, _total: int) -> Any:
    """A progress "bar" that shows nothing (tests, the sandbox's bundled history)."""

    class _Quiet:
        def update(self, _n: int) -> None:
            return None

        def close(self) -> None:
            return None

    return _Quiet()


def tqdm_bar(stream: IO[str]) -> Callable[[str, int], Any]:
    """Progress bars on ``stream``, shown only when it is a terminal."""

    def make(name: str, total: int) -> Any:
        from tqdm import tqdm

        unit = "item" if name == "storing" else "B"
        return tqdm(
            total=total, desc=name, unit=unit, unit_scale=unit == "B", file=stream, disable=None
        )

    return make


async def run_backfill(settings: Settings, paths: Sequence[str], out: IO[str]) -> BackfillReport:
    from extractors.cli import _extractor
    from subscriptions.store import open_repository

    repo = await open_repository(
        settings.database.url, connect_timeout=settings.database.connect_timeout
    )
    try:
        return await backfill(
            paths,
            repo,
            _extractor(),
            now=dt.datetime.now(dt.UTC),
            warn=lambda m: print(f"mou-alert: {m}", file=sys.stderr),
            bar=tqdm_bar(out),
        )
    finally:
        await repo.close()


def cmd_backfill(settings: Settings, paths: Sequence[str], out: IO[str] | None = None) -> int:
    """Exit 0 when every path was read, 1 when one could not be."""
    try:
        report = asyncio.run(run_backfill(settings, paths, sys.stderr))
    except Exception as exc:
        from subscriptions.diagnose import exit_on_database_problem

        return exit_on_database_problem(exc, settings.database, "backfill")
    print(report.summary(), file=out or sys.stdout)
    return 1 if report.failures else 0
