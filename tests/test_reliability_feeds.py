"""Every fault of the ingestion tests at once, across many feeds, for many poll cycles.

The real poller (fetch, parse, extract, store) polls a farm of local feeds: healthy ones that
keep publishing, and two feeds with each fault of ``tests/test_feeds_*`` (500s, a 503 with
Retry-After, time-outs, trickling bytes, oversized and gzip-bomb bodies, redirect loops,
refused connections, HTML, empty and binary bodies, entity bombs, huge attributes, malformed
XML; and the oddities a healthy feed may have: Atom, CP949, redirects, duplicated and re-dated
entries). Time is simulated (each cycle's ``now`` is one poll interval after the last), so the
schedule is checked exactly: every healthy feed is polled in every cycle whatever the others
do, failing ones back off, and the poller's traced memory does not grow from cycle to cycle.

``bench/reliability_feeds.py`` runs the same against the bot process for real minutes (200
feeds) and reports the schedule slips and the resident memory.
"""

from __future__ import annotations

import datetime as dt
import gc
import tracemalloc
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from core.settings import DatabaseSettings, FeedConfig, FetchSettings, ScheduleSettings, Settings
from devtools.reliability import FAULTS, HEALTHY_FAULTS, FeedFarm, mou_entry, plain_entry
from extractors.cleaning import html_to_text
from extractors.extractor import Extractor
from extractors.model import Article
from feeds.fetch import make_client
from feeds.pipeline import Poller
from subscriptions.store import ITEMS, SqlRepository

pytestmark = pytest.mark.slow

INTERVAL = 60
CYCLES = 12
WARM = 4
"""Compared with the last cycle: in neither is a failing feed due (they are at 0, 1, 3, 7)."""
MAX_BYTES = 1024 * 1024
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
SUCCEEDING = HEALTHY_FAULTS | {"malformed", "entity_bomb", "huge_attribute"}
"""Faults after which a feed still yields entries (the error, if any, is recorded)."""


def poller_memory(snapshot: tracemalloc.Snapshot) -> int:
    """Bytes traced outside the test's own feed farm (whose feeds grow by design)."""
    kept = snapshot.filter_traces([tracemalloc.Filter(False, "*/tests/*")])
    return sum(stat.size for stat in kept.statistics("filename"))


async def test_healthy_feeds_keep_their_schedule_and_memory_stays_flat_among_faults(
    repo: SqlRepository,
) -> None:
    settings = Settings(
        schedule=ScheduleSettings(poll_interval=INTERVAL, adaptive=False),
        fetch=FetchSettings(timeout=1.0, max_bytes=MAX_BYTES, allow_private_addresses=True),
    )
    # What loads once, on first use, loads now: Kiwi, and the stop lists of trafilatura's
    # jusText fallback (~27 MB traced, on the first article page with little text).
    extractor = Extractor()
    extractor.extract(Article("한-프랑스 MOU 체결", mou_entry(0, START).body))
    html_to_text("<html><body><article><p>짧은 본문</p></article></body></html>")
    async with FeedFarm(max_bytes=MAX_BYTES, hang=5.0) as farm:
        healthy = [f"ok-{i}" for i in range(10)] + [f"{f}-0" for f in sorted(SUCCEEDING)]
        failing = [f"{f}-{k}" for f in FAULTS if f not in SUCCEEDING for k in range(2)]
        for name in healthy + failing:
            fault = name.rsplit("-", 1)[0]
            farm.add(name, fault, [plain_entry(i, START, tag=name) for i in range(5)])
        feeds = tuple(FeedConfig(farm.url(n), n) for n in farm.feeds)

        async with make_client(settings.fetch) as http:
            poller = Poller(repo, http, settings, extractor=extractor)
            try:
                await poller.sync_feeds(feeds)
                published = dict.fromkeys(healthy, 5)
                memory: list[int] = []
                tracemalloc.start(1)
                for cycle in range(CYCLES):
                    now = START + dt.timedelta(seconds=INTERVAL * cycle)
                    if cycle % 3 == 1:  # the healthy feeds keep publishing
                        for i, name in enumerate(healthy):
                            n = published[name]
                            entry = (mou_entry if i % 3 == 0 else plain_entry)(n, now, tag=name)
                            farm.publish(name, entry)
                            published[name] += 1
                    assert not (await poller.poll_due(now)).skipped
                    if cycle in (WARM, CYCLES - 1):
                        gc.collect()
                        memory.append(poller_memory(tracemalloc.take_snapshot()))
                tracemalloc.stop()
            finally:
                poller.close()

    states = {f.name: f for f in await repo.list_feeds()}
    last = START + dt.timedelta(seconds=INTERVAL * (CYCLES - 1))
    for name in healthy:
        # Asked in every cycle, once: the first fetch, then once per interval, on the dot.
        assert len(farm.feeds[name].hits) == CYCLES, (name, len(farm.feeds[name].hits))
        assert states[name].last_success == last, name
        assert states[name].next_check == last + dt.timedelta(seconds=INTERVAL), name
    for name in failing:
        state = states[name]
        assert state.error_count > 0 and state.last_error and state.last_success is None, name
        # Backed off exponentially: due again 1, 2, 4, then 8 intervals after each failure.
        assert state.error_count == 4, (name, state.error_count)
        assert state.next_check == START + dt.timedelta(seconds=INTERVAL * 15), name
        assert len(farm.feeds[name].hits) <= 4, name
    assert states["refused-0"].last_error.startswith("ConnectError")  # type: ignore[union-attr]

    counts = await items_per_feed(repo)
    for name in healthy:  # every entry stored once: no duplicate, no re-dated copy
        if name.startswith(("entity_bomb", "malformed")):  # the bomb; a body cut short
            assert counts[states[name].id] >= 1, name
            continue
        assert counts[states[name].id] == published[name], name

    # Memory: after a warm-up, the cycles add nothing that lasts (traced, excluding the farm).
    early, late = memory
    assert late - early < 512 * 1024, (early // 1024, late // 1024)


async def items_per_feed(repo: SqlRepository) -> dict[int, int]:
    async with repo.engine.connect() as conn:
        rows = await conn.execute(select(ITEMS.c.feed_id, func.count()).group_by(ITEMS.c.feed_id))
        return {int(feed_id): int(n) for feed_id, n in rows}


async def test_a_feed_due_a_moment_after_the_tick_is_polled_by_the_ingest_process(
    repo: SqlRepository, db_url: str
) -> None:
    """Timer jitter: the tick comes a millisecond before the feed's next check. The bot's
    ingest process (the real child) must poll it now, not a whole tick later."""
    from feeds.ingest import IngestProcess

    now = dt.datetime.now(dt.UTC)
    async with FeedFarm() as farm:
        settings = Settings(
            database=DatabaseSettings(db_url),
            schedule=ScheduleSettings(poll_interval=INTERVAL, adaptive=False),
            fetch=FetchSettings(timeout=5.0, allow_private_addresses=True),
        )
        feed = await repo.upsert_feed(farm.add("jitter", entries=[plain_entry(1, now)]), "J")
        await repo.save_feed_state(replace(feed, next_check=now + dt.timedelta(milliseconds=5)))
        ingest = IngestProcess(settings, repo)
        try:
            report = await ingest.poll_due(now)
        finally:
            await ingest.aclose()
    assert report.feeds_due == 1 and len(farm.feeds["jitter"].hits) == 1
