"""Every feed fault at once across 200 feeds, for many poll cycles, against the bot process.

Two runs of ``--minutes`` each, on the same machine one after the other:

1. the healthy feeds (120 by default) plus 80 faulty ones, a few of each fault the ingestion
   tests cover (500s, a 503 with Retry-After, time-outs, trickling bytes, oversized and
   gzip-bomb bodies, redirect loops, refused connections, HTML, empty and binary bodies, and
   malformed XML, entity bombs and huge attributes, which still yield entries); some healthy
   feeds have the oddities (Atom, CP949, redirects, duplicated and re-dated entries);
2. baseline: only the healthy feeds (``--no-baseline`` skips it).

Healthy and faulty feeds are served from different loopback addresses (20 each), as different
sites would be. The bot polls every feed every ``--interval`` seconds (``schedule.adaptive =
false``) and the healthy feeds keep publishing (a quarter of it MOUs, alerted to subscribers),
each showing its newest 50 entries as real feeds do. Reported: the gaps between two requests
for the same healthy feed (median, p95, max, share late by more than half an interval) in both
runs and their ratio, and the resident memory of the bot and its ingest process over time (by
minute, first minute against the last, and the trend in MiB per hour).

    .venv/bin/python bench/reliability_feeds.py [--minutes 5] [--interval 10]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from devtools.reliability import (
    FAULTS,
    HEALTHY_FAULTS,
    BotProcess,
    FeedFarm,
    mou_entry,
    plain_entry,
    seed_chats,
    write_config,
)
from devtools.standin import BotApiStandin
from subscriptions.models import Topic
from subscriptions.store import open_repository

MAX_BYTES = 1024 * 1024
SITES = 20
"""Healthy feeds are spread over 20 loopback addresses, faulty ones over 20 others: the
fetcher allows 4 requests at once per host, and faulty feeds are not on the healthy sites."""
FAILING = [f for f in FAULTS if f not in HEALTHY_FAULTS]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def run(
    label: str, healthy: int, faulty: int, minutes: float, interval: int, tmp: Path
) -> tuple[list[float], list[tuple[float, float]]]:
    """Returns the healthy feeds' request gaps and (seconds, MiB) memory samples."""
    now = dt.datetime.now(dt.UTC)
    db = f"sqlite+aiosqlite:///{tmp / f'{label}.db'}"
    async with (
        BotApiStandin() as api,
        FeedFarm(max_bytes=MAX_BYTES, hang=60, keep=50, hosts=2 * SITES) as farm,
    ):
        repo = await open_repository(db)
        await seed_chats(repo, api, range(1, 51), Topic(country="FR"))
        await repo.close()
        oddities = sorted(HEALTHY_FAULTS)
        for i in range(healthy):
            fault = oddities[i % len(oddities)] if i % 4 == 3 else "ok"
            entries = [plain_entry(k, now, tag=f"h{i}") for k in range(5)]
            farm.add(f"h{i}", fault, entries, host=i % SITES)
        for i in range(faulty):
            entry = plain_entry(0, now, tag=f"x{i}")
            farm.add(f"x{i}", FAILING[i % len(FAILING)], [entry], host=SITES + i % SITES)
        feeds = [(farm.url(name), name) for name in farm.feeds]
        config = write_config(
            tmp / f"{label}.toml", api, db, feeds=feeds, poll_interval=interval,
            timeout=5.0, max_bytes=MAX_BYTES,
        )  # fmt: skip
        bot = BotProcess(config, api.token, tmp / f"{label}.log")
        samples: list[tuple[float, float]] = []
        try:
            await bot.start_and_wait(api)
            began = time.monotonic()
            published = 0
            while (elapsed := time.monotonic() - began) < minutes * 60:
                assert bot.alive, bot.tail()
                if elapsed > published * 30:  # every 30 s, a new article on every healthy feed
                    stamp = dt.datetime.now(dt.UTC)
                    for i in range(healthy):
                        n = 100 + published * healthy + i
                        make = mou_entry if n % 4 == 0 else plain_entry
                        farm.publish(f"h{i}", make(n, stamp, tag=f"h{i}"))
                    published += 1
                samples.append((elapsed, bot.memory_kb()[0] / 1024))
                await asyncio.sleep(interval / 2)
            await bot.stop()
        finally:
            await bot.kill()
        gaps = [
            b - a
            for i in range(healthy)
            for a, b in zip(farm.feeds[f"h{i}"].hits, farm.feeds[f"h{i}"].hits[1:], strict=False)
        ]
        failing_hits = sum(len(farm.feeds[f"x{i}"].hits) for i in range(faulty))
        print(f"\n{label}: {healthy} healthy + {faulty} faulty feeds, {minutes:g} min, "
              f"every {interval} s; {api.stats.total_sent} alerts sent")  # fmt: skip
        describe_gaps(gaps, interval)
        describe_cycles(bot.log())
        if faulty:
            print(f"  requests to faulty feeds: {failing_hits} ({failing_hits / faulty:.1f} each)")
        describe_memory(samples)
        return gaps, samples


def describe_gaps(gaps: list[float], interval: int) -> None:
    late = sum(1 for g in gaps if g > interval * 1.5) / max(1, len(gaps))
    print(
        f"  healthy feed gaps: median {statistics.median(gaps):.2f} s, "
        f"p95 {percentile(gaps, 0.95):.2f} s, max {max(gaps):.2f} s, "
        f"late by > half an interval: {late:.1%} ({len(gaps)} gaps)"
    )


def describe_cycles(log: str) -> None:
    """How many poll cycles ran and how long they took (from the bot's log)."""
    took = [
        float(line.rsplit(" in ", 1)[1].split()[0])
        for line in log.splitlines()
        if "poll cycle:" in line and " in " in line
    ]
    poll = [line for line in log.splitlines() if "poll-feeds" in line]
    skipped = sum("skipped: maximum number of running instances" in line for line in poll)
    missed = sum("was missed by" in line for line in poll)
    if took:
        print(
            f"  poll cycles: {len(took)}, median {statistics.median(took):.2f} s, "
            f"p95 {percentile(took, 0.95):.2f} s, max {max(took):.2f} s; ticks skipped: "
            f"{skipped} (a cycle still running), {missed} (started too late)"
        )


def describe_memory(samples: list[tuple[float, float]]) -> None:
    minutes: dict[int, list[float]] = {}
    for t, m in samples:
        minutes.setdefault(int(t // 60), []).append(m)
    per_minute = " ".join(f"{statistics.mean(ms):.0f}" for _, ms in sorted(minutes.items()))
    print(f"  memory (bot + ingest) by minute, MiB: {per_minute}")
    first = [m for t, m in samples if t <= 60] or [samples[0][1]]
    last = [m for t, m in samples if t >= samples[-1][0] - 60]
    xs, ys = [t for t, _ in samples], [m for _, m in samples]
    slope = statistics.linear_regression(xs, ys).slope * 3600 if len(samples) > 2 else 0.0
    print(
        f"  memory (bot + ingest): first minute {statistics.mean(first):.0f} MiB, "
        f"last minute {statistics.mean(last):.0f} MiB, max {max(ys):.0f} MiB, "
        f"trend {slope:+.1f} MiB/hour"
    )


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        mixed, _ = await run(
            "faults", args.healthy, args.faulty, args.minutes, args.interval, Path(tmp)
        )
        if args.no_baseline:
            return
        base, _ = await run("baseline", args.healthy, 0, args.minutes, args.interval, Path(tmp))
    median = statistics.median(mixed) / statistics.median(base)
    p95 = percentile(mixed, 0.95) / percentile(base, 0.95)
    print(f"\nratio faults/baseline: median gap {median:.3f}, p95 gap {p95:.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--interval", type=int, default=10)
    parser.add_argument("--healthy", type=int, default=120)
    parser.add_argument("--faulty", type=int, default=80)
    parser.add_argument("--no-baseline", action="store_true", help="the faulty run only")
    asyncio.run(main(parser.parse_args()))
