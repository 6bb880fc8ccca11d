"""Start-up time of the bot process and its resident memory after 10,000 processed articles.

Start-up: from spawning ``python -m bot.cli run`` to its first getUpdates at the Bot API
stand-in (target < 3 s), on an empty database (migrations run) and then on the same database
again, against the bare interpreter's start-up measured the same way (``python -c pass``).

Memory: the bot ingests ``--feeds`` x ``--items`` new articles (10,000) from a local feed farm:
fetch, parse, extract (Kiwi), store, match and queue alerts to ``--chats`` subscribers, which
it sends. Reported: resident memory (VmRSS) of the bot and of its ingest process, sampled as it
goes and at the end, and their peaks (VmHWM); target < 600 MB for the two together. Articles
are the newest of ../shared/corpus/tera-economy.jsonl.gz (real business news, with its MOUs)
when present, else the project's synthetic MOU and local news articles.

    .venv/bin/python bench/reliability_memory.py [--feeds 200] [--items 50] [--starts 5]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from devtools.reliability import (
    BotProcess,
    FarmEntry,
    FeedFarm,
    descendants,
    item_count,
    mou_entry,
    plain_entry,
    process_memory_kb,
    seed_chats,
    write_config,
)
from devtools.standin import BotApiStandin
from subscriptions.models import Topic
from subscriptions.store import open_repository

ROOT = Path(__file__).resolve().parents[1]

SHARED = Path(os.environ.get("MOU_ALERT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "tera-economy.jsonl.gz"


def articles(count: int, now: dt.datetime) -> tuple[list[FarmEntry], str]:
    """``count`` articles dated within the last day (so their MOUs alert)."""
    if CORPUS.exists():
        rows = []
        with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row.get("text") and row.get("title"):
                    rows.append(row)
        rows = rows[-count:]
        entries = [
            FarmEntry(f"c{i}", r["title"], r["text"], now - dt.timedelta(seconds=i))
            for i, r in enumerate(rows)
        ]
        if len(entries) == count:
            return entries, f"{CORPUS.name} (newest {count})"
    made = [
        (mou_entry if i % 4 == 0 else plain_entry)(i, now - dt.timedelta(seconds=i))
        for i in range(count)
    ]
    return made, "synthetic (a quarter MOUs)"


def interpreter_start() -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - began


async def startup(starts: int, tmp: Path) -> None:
    db = f"sqlite+aiosqlite:///{tmp / 'startup.db'}"
    times = []
    async with BotApiStandin() as api:
        bot = BotProcess(write_config(tmp / "s.toml", api, db), api.token, tmp / "startup.log")
        for _ in range(starts):
            try:
                times.append(await bot.start_and_wait(api))
                await asyncio.sleep(1.5)  # let the ingest process finish starting
                await bot.stop()
            finally:
                await bot.kill()
    base = statistics.median(interpreter_start() for _ in range(5))
    warm = statistics.median(times[1:]) if len(times) > 1 else times[0]
    print("start-up to the first getUpdates:")
    print(f"  empty database (migrations): {times[0]:.2f} s")
    print(f"  existing database, median of {len(times) - 1}: {warm:.2f} s  (target < 3 s)")
    print(f"  bare interpreter start-up: {base:.3f} s; ratio {warm / base:.1f}x")


def memory_mib(bot: BotProcess) -> list[tuple[int, float, float]]:
    """(pid, resident MiB, peak MiB) of the bot and of each of its child processes."""
    found = []
    for pid in [bot.pid, *descendants(bot.pid)]:
        rss, peak = process_memory_kb(pid)
        found.append((pid, rss / 1024, peak / 1024))
    return found


async def memory(feeds: int, items: int, chats: int, tmp: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    entries, source = articles(feeds * items, now)
    db = f"sqlite+aiosqlite:///{tmp / 'memory.db'}"
    async with BotApiStandin() as api, FeedFarm() as farm:
        repo = await open_repository(db)
        codes = ("FR", "US", "JP", "CN", "VN", "DE", "IN", "GB", "AE", "SA")
        for i, code in enumerate(codes):
            group = range(i * chats // len(codes) + 1, (i + 1) * chats // len(codes) + 1)
            await seed_chats(repo, api, group, Topic(country=code))
        urls = [
            (farm.add(f"feed{f}", entries=entries[f * items : (f + 1) * items]), f"Outlet {f}")
            for f in range(feeds)
        ]
        total = len(entries)
        config = write_config(tmp / "m.toml", api, db, feeds=urls, poll_interval=30)
        bot = BotProcess(config, api.token, tmp / "memory.log")
        print(f"\n{total} articles from {source}, {feeds} feeds, {chats} subscribers")
        try:
            await bot.start_and_wait(api)
            await asyncio.sleep(2)
            print(f"  after start-up: {describe(memory_mib(bot))}")
            began = time.monotonic()
            report_at = began + 20
            while (stored := await item_count(repo)) < total:
                assert bot.alive, bot.tail()
                if time.monotonic() >= report_at:
                    report_at += 20
                    print(f"  {stored:5d} stored: {describe(memory_mib(bot))}", flush=True)
                await asyncio.sleep(1)
            took = time.monotonic() - began
            await asyncio.sleep(5)  # the alerts of the last articles go out
            final = memory_mib(bot)
            print(f"  all {total} stored in {took:.0f} s; {api.stats.total_sent} alerts sent")
            print(f"  at the end: {describe(final)}")
            rss = sum(m[1] for m in final)
            peak = sum(m[2] for m in final)
            print(f"  bot + ingest process: {rss:.0f} MiB resident, {peak:.0f} MiB peak "
                  f"(target < 600 MB)")  # fmt: skip
            await bot.stop()
        finally:
            await bot.kill()
            await repo.close()
        for line in bot.log().splitlines():
            if "poll cycle:" in line:
                print("  " + line.split("poll cycle: ", 1)[1])


def describe(memory: list[tuple[int, float, float]]) -> str:
    names = ["bot", *(f"child {i}" for i in range(1, len(memory)))]
    return ", ".join(
        f"{n} {rss:.0f} MiB (peak {peak:.0f})"
        for n, (_p, rss, peak) in zip(names, memory, strict=True)
    )


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if args.starts:
            await startup(args.starts, Path(tmp))
        if args.feeds:
            await memory(args.feeds, args.items, args.chats, Path(tmp))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--chats", type=int, default=200)
    asyncio.run(main(parser.parse_args()))
