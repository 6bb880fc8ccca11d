"""SIGKILL in the middle of a fan-out and in the middle of a poll cycle, then a restart: the
real bot process (``python -m bot.cli run``) against the Bot API stand-in and a local feed farm.

Nothing is lost and nothing is repeated, except the messages in flight at the kill: Telegram
(the stand-in) accepted them but the bot died before it marked their outbox rows sent, so
they go again after the restart. The tests compute exactly which those were and check that
they, and only they, arrived twice.

Rows the killed worker had claimed but not sent come back when its claims lapse (20 s without
its heartbeat); the tests move that moment to now (``lease_runs_out``) instead of waiting.

``MOU_ALERT_CRASH_CHATS`` sets the fan-out size (default 180, six seconds of sending at
Telegram's 30 messages/s; 2,000 take about 70 s: ``bench/reliability_crash.py`` runs those).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import signal
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from devtools.reliability import (
    BotProcess,
    FeedFarm,
    delivery_rows,
    item_count,
    kill_with_sends_in_flight,
    lease_runs_out,
    mou_entry,
    pid_alive,
    plain_entry,
    seed_chats,
    seed_story,
    story_links,
    story_urls,
    write_config,
)
from devtools.standin import BotApiStandin
from subscriptions.models import Topic
from subscriptions.store import SqlRepository

pytestmark = pytest.mark.slow

CHATS = int(os.environ.get("MOU_ALERT_CRASH_CHATS", "180"))
MAX_IN_FLIGHT = 8
"""``DeliveryWorker.max_in_flight``: the most messages that can be on their way at a kill."""


async def all_sent(repo: SqlRepository) -> bool:
    rows = await delivery_rows(repo)
    return bool(rows) and all(status == "sent" for _c, _s, status, _a in rows)


async def wait_for(
    bot: BotProcess, api: BotApiStandin, check: Callable[[], Awaitable[bool]], within: float
) -> None:
    """Re-check an async condition (the database) until it holds; fails if the bot dies."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await check():
        assert bot.alive, f"the bot died:\n{bot.tail()}"
        assert loop.time() < deadline, f"timed out; bot log:\n{bot.tail()}"
        await asyncio.sleep(0.1)


async def test_sigkill_mid_fanout_then_restart_alerts_every_chat_once(
    standin: BotApiStandin, repo: SqlRepository, db_url: str, tmp_path: Path
) -> None:
    chats = await seed_chats(repo, standin, range(1, CHATS + 1), Topic(country="FR"))
    assert await seed_story(repo, "crash-1", "한-프랑스 인공지능 협력 MOU 체결", ("FR",)) == CHATS

    bot = BotProcess(write_config(tmp_path / "c.toml", standin, db_url), standin.token,
                     tmp_path / "bot.log")  # fmt: skip
    try:
        await bot.start_and_wait(standin)
        await bot.wait_until(
            standin, lambda: standin.stats.total_sent >= CHATS // 3, 120, "a third of the fan-out"
        )
        await kill_with_sends_in_flight(bot, standin, held=4)
        at_kill = Counter(standin.stats.sent)
        rows = await delivery_rows(repo)
        in_flight = {c for c, _s, status, _a in rows if status == "pending" and at_kill[c]}
        unsent = sum(1 for c, _s, status, _a in rows if status == "pending" and not at_kill[c])
        assert 0 < len(at_kill) < CHATS and unsent > 0, "the kill came before or after the fan-out"
        await lease_runs_out(repo)

        await bot.start_and_wait(standin)
        await wait_for(bot, standin, lambda: all_sent(repo), 180)
        assert await bot.stop() == 0, bot.tail()
    finally:
        await bot.kill()

    received = Counter(standin.stats.sent)
    assert set(received) == set(chats), "a chat never got the alert"
    repeated = {c for c, n in received.items() if n > 1}
    assert repeated == in_flight, "only the messages in flight at the kill may arrive twice"
    assert max(received.values()) <= 2
    assert 4 <= len(in_flight) <= MAX_IN_FLIGHT  # the four held back, and any others on the way
    assert not standin.stats.entity_rejects and not standin.stats.violations


async def test_sigkill_mid_poll_cycle_loses_no_entry_and_alerts_none_twice(
    standin: BotApiStandin, repo: SqlRepository, db_url: str, tmp_path: Path
) -> None:
    now = dt.datetime.now(dt.UTC)
    feeds, per_feed = 5, 10
    subscribers = await seed_chats(repo, standin, range(1, 7), Topic(country="FR"))
    subscribers += await seed_chats(repo, standin, range(7, 13), Topic(country="US"))
    async with FeedFarm() as farm:
        # The last feed holds its answer until after the kill (however slow a loaded machine makes
        # the quick ones), so the kill lands while the cycle waits for it; then it answers at once.
        farm.slow = 60.0
        feed_urls = []
        for f in range(feeds):
            entries = [
                (mou_entry if i % 2 == 0 else plain_entry)(f * per_feed + i, now, tag=f"f{f}")
                for i in range(per_feed)
            ]
            fault = "slow" if f == feeds - 1 else "ok"
            feed_urls.append((farm.add(f"feed{f}", fault, entries), f"Outlet {f}"))
        total = feeds * per_feed
        config = write_config(
            tmp_path / "c.toml", standin, db_url, feeds=feed_urls, poll_interval=2
        )
        bot = BotProcess(config, standin.token, tmp_path / "bot.log")
        try:
            await bot.start_and_wait(standin)

            async def the_quick_feeds_stored() -> bool:
                return await item_count(repo) >= total - per_feed

            await wait_for(bot, standin, the_quick_feeds_stored, 120)
            await bot.kill()
            farm.slow = 0.0
            await asyncio.sleep(0.5)
            recorded_at_kill = await item_count(repo)
            assert 0 < recorded_at_kill < total, "the kill came after the poll cycle"
            at_kill = {(m.chat_id, link) for m in standin.messages() for link in story_links(m)}
            urls = await story_urls(repo)
            in_flight = {
                (chat, urls[story])
                for chat, story, status, _a in await delivery_rows(repo)
                if status == "pending" and (chat, urls[story]) in at_kill
            }
            await lease_runs_out(repo)

            await bot.start_and_wait(standin)

            async def everything_done() -> bool:
                return await item_count(repo) == total and await all_sent(repo)

            await wait_for(bot, standin, everything_done, 180)
            await asyncio.sleep(2.5)  # one more poll cycle: all 304, nothing new
            assert await bot.stop() == 0, bot.tail()
        finally:
            await bot.kill()
        slow_feed = farm.feeds["feed4"]

    assert await item_count(repo) == total  # every entry stored, once (keys are unique)
    stories = await repo.stories(None, None)
    assert len(stories) >= total // 2 * 0.9, "most MOU entries should be stories of their own"
    rows = await delivery_rows(repo)
    urls = await story_urls(repo)
    expected = {(chat, urls[story]) for chat, story, _status, _a in rows}
    for story in stories:  # every story was queued for exactly the chats that follow it
        queued = {chat for chat, url in expected if url == story.url}
        assert queued == set(await repo.recipients(story.countries, story.sectors))
    assert expected, "some stories should match the subscribers"

    alerts = [(m.chat_id, tuple(story_links(m))) for m in standin.messages()]
    assert all(len(links) == 1 for _c, links in alerts)
    seen = Counter((chat, links[0]) for chat, links in alerts)
    assert set(seen) == expected, "every queued alert arrived, and nothing else"
    repeated = {key for key, n in seen.items() if n > 1}
    assert repeated == in_flight and len(in_flight) <= MAX_IN_FLIGHT
    assert max(seen.values()) <= 2
    # The feed the kill interrupted was asked again and answered in full (no ETag was saved).
    assert len(slow_feed.hits) >= 2 and slow_feed.fetches >= 1
    assert not standin.stats.entity_rejects


async def test_the_ingest_process_does_not_outlive_a_killed_bot(
    standin: BotApiStandin, repo: SqlRepository, db_url: str, tmp_path: Path
) -> None:
    """``kill -9`` of the bot's main process alone (a supervisor that kills one pid): the
    ingest child must stop with it, not finish its cycle beside the next bot."""
    now = dt.datetime.now(dt.UTC)
    async with FeedFarm() as farm:
        urls = [
            (farm.add(f"feed{f}", entries=[mou_entry(f * 40 + i, now) for i in range(40)]), "O")
            for f in range(8)
        ]
        total = 8 * 40
        config = write_config(tmp_path / "c.toml", standin, db_url, feeds=urls, poll_interval=2)
        bot = BotProcess(config, standin.token, tmp_path / "bot.log")
        try:
            await bot.start_and_wait(standin)

            async def cycle_started() -> bool:
                return await item_count(repo) > 0

            await wait_for(bot, standin, cycle_started, 120)
            children = await bot.kill_main_only()
            assert children, "the bot runs its ingestion in a child process"
            for _tenth in range(100):  # ten seconds at most
                if not any(pid_alive(p) for p in children):
                    break
                await asyncio.sleep(0.1)
            orphans = [p for p in children if pid_alive(p)]
            recorded = await item_count(repo)
        finally:
            await bot.kill()
            for pid in children if "children" in locals() else []:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
    assert not orphans, f"ingest processes {orphans} outlived the bot by 10 s"
    assert recorded < total, "the orphaned cycle ran to its end"
