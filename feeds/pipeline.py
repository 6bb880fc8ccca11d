"""One refresh of one feed, and the poller the bot's job calls every few seconds.

``refresh_feed`` is the whole pipeline for a feed:
fetch -> parse -> new entries (``known_keys``) -> full text -> extract (worker thread) ->
``record_items`` (the feed's new items, their extractions, stories and deliveries in one
transaction) -> feed state.
The feed's new ETag is saved only after its items are recorded, so a crash in between
refetches the feed instead of losing entries.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol

import httpx

from core.settings import FeedConfig, Settings
from extractors.model import Article, Extraction
from feeds.article import article_text, visible_text
from feeds.failures import FailureLog
from feeds.fetch import Fetcher
from feeds.keys import entry_key
from feeds.parse import FeedEntry, parse_feed
from feeds.schedule import (
    Policy,
    ServerHints,
    after_failure,
    after_success,
    due_by,
    server_hints,
)
from subscriptions.models import Feed, NewItem, RecordResult
from subscriptions.repository import Repository

log = logging.getLogger(__name__)

ALERT_WINDOW = dt.timedelta(hours=24)
"""Only entries published this recently alert; older ones are stored and summarised."""
MAX_ENTRIES_PER_FETCH = 300
"""A feed rarely carries more; a hostile one with 100,000 entries is cut to its newest."""
FEED_CONCURRENCY = 16
"""Feeds refreshed at once: a cold start with hundreds of new entries stays small in memory."""


class ExtractsMany(Protocol):
    def extract_many(self, articles: Iterable[Article]) -> list[Extraction]: ...


class ExtractionWorker:
    """Runs the extractor on one dedicated thread: Kiwi off the event loop, loaded once."""

    def __init__(self, extractor: ExtractsMany) -> None:
        self.extractor = extractor
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mou-extract")

    async def extract_many(self, articles: list[Article]) -> list[Extraction]:
        if not articles:
            return []
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._extract_safely, articles)

    def _extract_safely(self, articles: list[Article]) -> list[Extraction]:
        try:
            return self.extractor.extract_many(articles)
        except Exception:
            log.exception("extracting a batch of %d failed; retrying one by one", len(articles))
        results = []
        for article in articles:
            try:
                results.append(self.extractor.extract_many([article])[0])
            except Exception:  # one bad article must not block its feed forever
                log.exception("extraction failed for %s; stored as not an MOU", article.url)
                results.append(Extraction())
        return results

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class Ingest:
    """What one refresh needs."""

    repo: Repository
    fetcher: Fetcher
    worker: ExtractionWorker
    policy: Policy
    allow_private: bool = False


@dataclass(frozen=True)
class ItemSeen:
    feed: str
    title: str
    url: str
    alert: bool
    extraction: Extraction
    record: RecordResult
    text_from: Literal["feed", "page"] = "feed"


@dataclass(frozen=True)
class FeedRefresh:
    feed: Feed
    """The feed's state after this refresh (as saved)."""
    outcome: Literal["new", "unchanged", "not_modified", "failed"]
    items: tuple[ItemSeen, ...] = ()
    error: str | None = None
    """Why the fetch failed, or what was malformed in a feed that still parsed."""
    disabled: bool = False
    """This refresh disabled the feed (7 days of failures): tell the admins."""


def _text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _should_alert(published: dt.datetime | None, now: dt.datetime, first_fetch: bool) -> bool:
    if published is None:
        return not first_fetch  # undated backlog of a new feed: no way to tell it is fresh
    return now - published <= ALERT_WINDOW


def _new_entries(entries: Sequence[FeedEntry], known: set[str]) -> list[tuple[str, FeedEntry]]:
    """Unseen entries, each key once, oldest first (a story's first report is the earliest)."""
    fresh: dict[str, FeedEntry] = {}
    for entry in entries:
        key = entry_key(entry.guid, entry.link, entry.title)
        if key not in known and key not in fresh:
            fresh[key] = entry
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(fresh.items(), key=lambda kv: kv[1].published or oldest)


async def refresh_feed(feed: Feed, ingest: Ingest, now: dt.datetime) -> FeedRefresh:
    """Fetch, parse, extract and record one feed; save its state. Never raises for a bad feed."""
    result = await ingest.fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    hints = server_hints(result.headers, now)
    if result.error is not None:
        return await _failed(feed, ingest, now, str(result.error), hints)
    if result.not_modified:
        state = after_success(feed, now, ingest.policy, hints)
        await ingest.repo.save_feed_state(state)
        return FeedRefresh(state, "not_modified")

    parsed = await asyncio.to_thread(parse_feed, result.body, result.headers, result.final_url)
    if not parsed.is_usable:
        return await _failed(feed, ingest, now, parsed.error or "not a feed", hints)
    entries = sorted(
        parsed.entries,
        key=lambda e: e.published or dt.datetime.min.replace(tzinfo=dt.UTC),
        reverse=True,
    )[:MAX_ENTRIES_PER_FETCH]
    keys = [entry_key(e.guid, e.link, e.title) for e in entries]
    fresh = _new_entries(entries, await ingest.repo.known_keys(keys))

    texts = await asyncio.gather(
        *(article_text(e, ingest.fetcher, allow_private=ingest.allow_private) for _, e in fresh)
    )
    articles = [
        Article(title=t.title, body=t.body, url=e.link or "", published=e.published)
        for (_, e), t in zip(fresh, texts, strict=True)
    ]
    extractions = await ingest.worker.extract_many(articles)

    first_fetch = feed.last_success is None
    items = [
        NewItem(
            feed_id=feed.id,
            key=key,
            url=entry.link or "",
            title=entry.title,
            published=entry.published,
            text_hash=_text_hash(visible_text(text.body)),
            outlet=feed.name,
            alert=_should_alert(entry.published, now, first_fetch),
        )
        for (key, entry), text in zip(fresh, texts, strict=True)
    ]
    records = await ingest.repo.record_items(list(zip(items, extractions, strict=True)), now)
    seen = [
        ItemSeen(feed.name, item.title, item.url, item.alert, extraction, record, text.source)
        for item, extraction, record, text in zip(items, extractions, records, texts, strict=True)
    ]

    hints = server_hints(result.headers, now, parsed.ttl_seconds)
    state = after_success(feed, now, ingest.policy, hints, (e.published for e in entries))
    state = replace(
        state,
        etag=result.etag,
        last_modified=result.last_modified,
        last_error=f"malformed feed (entries recovered): {parsed.error}" if parsed.error else None,
    )
    await ingest.repo.save_feed_state(state)
    return FeedRefresh(state, "new" if seen else "unchanged", tuple(seen), parsed.error)


async def _failed(
    feed: Feed, ingest: Ingest, now: dt.datetime, error: str, hints: ServerHints
) -> FeedRefresh:
    state, disabled = after_failure(feed, now, ingest.policy, error, hints)
    await ingest.repo.save_feed_state(state)
    if disabled:
        log.warning(
            "feed %s disabled after failing since %s: %s", feed.url, feed.failing_since, error
        )
    return FeedRefresh(state, "failed", error=error, disabled=disabled)


@dataclass(frozen=True)
class FeedProblem:
    feed_id: int
    url: str
    name: str
    error: str


@dataclass
class CycleReport:
    """What one poll cycle did: the bot tells admins about ``disabled`` feeds."""

    started: dt.datetime
    feeds_due: int = 0
    not_modified: int = 0
    items: list[ItemSeen] = field(default_factory=list)
    disabled: list[Feed] = field(default_factory=list)
    errors: list[FeedProblem] = field(default_factory=list)
    seconds: float = 0.0
    skipped: bool = False
    """Another cycle was still running: this one did nothing."""
    outcomes: dict[str, int] = field(default_factory=dict)
    """Feeds refreshed by outcome: new, unchanged, not_modified, failed (the metrics count
    these)."""

    @property
    def items_new(self) -> int:
        return sum(1 for i in self.items if not i.record.duplicate)

    @property
    def mous(self) -> list[ItemSeen]:
        return [i for i in self.items if i.extraction.is_mou and not i.record.duplicate]

    @property
    def new_stories(self) -> int:
        return sum(1 for i in self.items if i.record.new_story)

    @property
    def deliveries(self) -> int:
        return sum(i.record.deliveries for i in self.items)

    def summary(self) -> str:
        return (
            f"{self.feeds_due} feeds checked ({self.not_modified} unchanged, "
            f"{len(self.errors)} failed), {self.items_new} new items, {len(self.mous)} MOUs, "
            f"{self.new_stories} new stories, {self.deliveries} deliveries queued"
            f"{f', {len(self.disabled)} feeds disabled' if self.disabled else ''}"
            f" in {self.seconds:.2f} s"
        )


def _count(counts: dict[str, int], key: str) -> None:
    counts[key] = counts.get(key, 0) + 1


class Poller:
    """Polls due feeds in this process (``feeds.ingest.IngestProcess`` runs one in a child
    for the bot; ``mou-alert poll --once`` and the tests use it directly).

    Owns the extraction thread (``close`` or ``aclose`` stops it); the HTTP client and the
    repository belong to the caller.
    """

    def __init__(
        self,
        repo: Repository,
        http: httpx.AsyncClient,
        settings: Settings,
        *,
        extractor: ExtractsMany | None = None,
        concurrency: int = FEED_CONCURRENCY,
    ) -> None:
        if extractor is None:
            from extractors.extractor import Extractor

            extractor = Extractor(num_workers=1)  # Kiwi loads on the first MOU-like batch
        self.ingest = Ingest(
            repo=repo,
            fetcher=Fetcher.from_settings(http, settings.fetch),
            worker=ExtractionWorker(extractor),
            policy=Policy.from_settings(settings.schedule),
            allow_private=settings.fetch.allow_private_addresses,
        )
        self.schedule = settings.schedule
        self._slots = asyncio.Semaphore(concurrency)
        self._running = asyncio.Lock()
        self.failures = FailureLog()

    @property
    def busy(self) -> bool:
        """A cycle is running (another one now would be skipped)."""
        return self._running.locked()

    async def sync_feeds(self, feeds: Sequence[FeedConfig]) -> list[Feed]:
        """Upsert the feeds of the config file (at start); feeds added by /addfeed stay."""
        return [await self.ingest.repo.upsert_feed(f.url, f.name) for f in feeds]

    async def poll_due(self, now: dt.datetime) -> CycleReport:
        """Refresh every feed due at ``now`` (``feeds.schedule.due_by``)."""
        return await self._cycle(
            now, lambda: self.ingest.repo.due_feeds(due_by(now, self.schedule))
        )

    async def poll_all(self, now: dt.datetime) -> CycleReport:
        """Refresh every enabled feed now (``mou-alert poll --once``)."""
        return await self._cycle(now, self._enabled)

    async def _enabled(self) -> list[Feed]:
        return [f for f in await self.ingest.repo.list_feeds() if f.disabled_since is None]

    async def _cycle(
        self, now: dt.datetime, load: Callable[[], Awaitable[list[Feed]]]
    ) -> CycleReport:
        report = CycleReport(started=now)
        if self._running.locked():  # the scheduler prevents this; a manual call may not
            report.skipped = True
            return report
        async with self._running:
            began = time.perf_counter()
            feeds = await load()
            report.feeds_due = len(feeds)
            refreshes = await asyncio.gather(*(self._refresh(f, now) for f in feeds))
            for feed, refresh in zip(feeds, refreshes, strict=True):
                if isinstance(refresh, BaseException):
                    report.errors.append(FeedProblem(feed.id, feed.url, feed.name, str(refresh)))
                    _count(report.outcomes, "error")
                    continue
                _count(report.outcomes, refresh.outcome)
                report.items.extend(refresh.items)
                report.not_modified += refresh.outcome == "not_modified"
                if refresh.outcome == "failed":
                    error = refresh.error or "failed"
                    report.errors.append(FeedProblem(feed.id, feed.url, feed.name, error))
                    self.failures.failed(feed, error)
                else:
                    self.failures.succeeded(feed)
                if refresh.disabled:
                    report.disabled.append(refresh.feed)
            report.seconds = time.perf_counter() - began
        # One line per tick that polled something; an idle tick says nothing.
        log.log(
            logging.INFO if report.feeds_due else logging.DEBUG, "poll cycle: %s", report.summary()
        )
        return report

    async def _refresh(self, feed: Feed, now: dt.datetime) -> FeedRefresh | Exception:
        async with self._slots:
            try:
                return await refresh_feed(feed, self.ingest, now)
            except Exception as exc:  # our bug or the database: report it, keep the others going
                log.exception("refreshing %s failed", feed.url)
                return exc

    def close(self) -> None:
        self.ingest.worker.close()

    async def aclose(self) -> None:
        """``close`` off the event loop (the extraction thread may finish a batch first)."""
        await asyncio.to_thread(self.close)
