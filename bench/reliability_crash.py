"""SIGKILL the bot in the middle of a fan-out to 2,000 chats (several times) and in the middle
of a poll cycle, restart it each time, and count what was lost and what arrived twice.

The bot runs as ``python -m bot.cli run`` against the Bot API stand-in (Telegram's limits on)
and a local feed farm; the whole process group is killed (no clean-up runs), each fan-out kill
while four sends are held inside the stand-in (answered only after the kill). Nothing is made
to look older than it is: rows the killed worker had claimed wait for their claim to lapse, so
the time from each restart to the last alert includes that wait.

Reports, for the fan-out: alerts accepted before each kill, the messages in flight at each kill
(accepted by Telegram, not yet marked sent: they are the only ones allowed to arrive twice),
chats missing at the end (target 0) and chats that got it twice beyond those in flight (target
0). For the poll cycle: entries stored (target: all, once) and alerts per (chat, story) pair.

    .venv/bin/python bench/reliability_crash.py [--chats 2000] [--kills 3]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path

from devtools.reliability import (
    BotProcess,
    FeedFarm,
    delivery_rows,
    item_count,
    kill_with_sends_in_flight,
    mou_entry,
    plain_entry,
    seed_chats,
    seed_story,
    story_links,
    story_urls,
    write_config,
)
from devtools.standin import BotApiStandin, Limits
from subscriptions.models import Topic
from subscriptions.store import SqlRepository, open_repository


async def until(check: Callable[[], Awaitable[bool]], bot: BotProcess, within: float = 600) -> None:
    deadline = time.monotonic() + within
    while not await check():
        assert bot.alive, bot.tail()
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.1)


async def all_sent(repo: SqlRepository) -> bool:
    rows = await delivery_rows(repo)
    return bool(rows) and all(status == "sent" for _c, _s, status, _a in rows)


async def fanout(chats: int, kills: int, tmp: Path) -> None:
    db = f"sqlite+aiosqlite:///{tmp / 'fanout.db'}"
    async with BotApiStandin(limits=Limits()) as api:
        repo = await open_repository(db)
        ids = await seed_chats(repo, api, range(1, chats + 1), Topic(country="FR"))
        await seed_story(repo, "crash", "한-프랑스 인공지능 협력 MOU 체결", ("FR",))
        bot = BotProcess(write_config(tmp / "f.toml", api, db), api.token, tmp / "fanout.log")
        in_flight: set[int] = set()
        began = time.monotonic()
        try:
            await bot.start_and_wait(api)
            for k in range(1, kills + 1):
                target = chats * k // (kills + 1)

                async def reached(target: int = target) -> bool:
                    return api.stats.total_sent >= target

                await until(reached, bot)
                # Four sends held inside the stand-in: the kill lands with them in flight.
                await kill_with_sends_in_flight(bot, api, held=4)
                at_kill = Counter(api.stats.sent)
                rows = await delivery_rows(repo)
                flying = {c for c, _s, st, _a in rows if st == "pending" and at_kill[c]}
                held = sum(1 for _c, _s, st, _a in rows if st == "pending")
                in_flight |= flying
                print(
                    f"kill {k}: {len(at_kill)} chats had the alert, {len(flying)} in flight "
                    f"(accepted, not yet marked sent), {held} rows pending"
                )
                restarted = time.monotonic()
                await bot.start_and_wait(api)
                print(f"  restarted in {time.monotonic() - restarted:.2f} s")
            finished = time.monotonic()
            await until(lambda: all_sent(repo), bot)
            print(f"last restart to all sent: {time.monotonic() - finished:.1f} s")
            await bot.stop()
        finally:
            await bot.kill()
            await repo.close()
        got = Counter({c: api.stats.sent[c] for c in ids})
        missing = [c for c in ids if got[c] == 0]
        twice = {c for c in ids if got[c] > 1}
        print(f"fan-out to {chats} chats, {kills} kills, {time.monotonic() - began:.0f} s in all")
        print(f"  missing: {len(missing)} (target 0)")
        print(f"  twice: {len(twice)}, all of them in flight at a kill: {twice <= in_flight}")
        print(f"  twice and not in flight: {len(twice - in_flight)} (target 0)")
        print(f"  more than twice: {sum(1 for c in ids if got[c] > 2)} (target 0)")
        print(
            f"  429s: {api.stats.total_429}; in a retry_after window: {len(api.stats.violations)}"
        )


async def poll_cycle(feeds: int, per_feed: int, tmp: Path) -> None:
    db = f"sqlite+aiosqlite:///{tmp / 'poll.db'}"
    now = dt.datetime.now(dt.UTC)
    async with BotApiStandin(limits=Limits()) as api, FeedFarm() as farm:
        repo = await open_repository(db)
        for i, code in enumerate(("FR", "US", "VN", "PL", "SA")):
            await seed_chats(repo, api, range(i * 10 + 1, i * 10 + 11), Topic(country=code))
        urls = []
        for f in range(feeds):
            entries = [
                (mou_entry if i % 2 == 0 else plain_entry)(f * per_feed + i, now, tag=f"f{f}")
                for i in range(per_feed)
            ]
            # A quarter of the feeds answer 3 s late: the kill lands mid-cycle.
            fault = "slow" if f % 4 == 3 else "ok"
            urls.append((farm.add(f"feed{f}", fault, entries), f"Outlet {f}"))
        total = feeds * per_feed
        config = write_config(tmp / "p.toml", api, db, feeds=urls, poll_interval=5)
        bot = BotProcess(config, api.token, tmp / "poll.log")
        try:
            await bot.start_and_wait(api)

            async def some_stored() -> bool:
                return await item_count(repo) >= total // 2

            await until(some_stored, bot)
            await bot.kill()
            await asyncio.sleep(0.5)
            stored = await item_count(repo)
            urls_by_story = await story_urls(repo)
            sent_at_kill = {(m.chat_id, link) for m in api.messages() for link in story_links(m)}
            flying = {
                (c, urls_by_story[s])
                for c, s, st, _a in await delivery_rows(repo)
                if st == "pending" and (c, urls_by_story[s]) in sent_at_kill
            }
            print(f"\npoll cycle killed with {stored}/{total} entries stored")
            await bot.start_and_wait(api)

            async def done() -> bool:
                return await item_count(repo) == total and await all_sent(repo)

            await until(done, bot)
            await bot.stop()
        finally:
            await bot.kill()
        rows = await delivery_rows(repo)
        urls_by_story = await story_urls(repo)
        expected = {(c, urls_by_story[s]) for c, s, _st, _a in rows}
        seen = Counter((m.chat_id, link) for m in api.messages() for link in story_links(m))
        print(f"  entries stored: {await item_count(repo)}/{total} (each key once)")
        print(f"  alerts queued: {len(expected)}; delivered: {len(set(seen) & expected)}")
        print(f"  alerts not queued but sent: {len(set(seen) - expected)} (target 0)")
        twice = {k for k, n in seen.items() if n > 1}
        print(f"  twice: {len(twice)}, in flight at the kill: {len(flying)}, "
              f"twice and not in flight: {len(twice - flying)} (target 0)")  # fmt: skip
        await repo.close()


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        await fanout(args.chats, args.kills, Path(tmp))
        await poll_cycle(args.feeds, args.per_feed, Path(tmp))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--per-feed", type=int, default=30)
    asyncio.run(main(parser.parse_args()))
