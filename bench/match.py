"""Matching and enqueueing at scale, on SQLite.

100,000 chats with 3 subscriptions each (half countries, a third sectors, the rest
combinations; popular countries and sectors drawn more often, as real users would). Reports:

- p50/p99 of ``recipients()`` for one extraction (target p99 <= 10 ms);
- the time ``record_item`` takes to store a story and enqueue 10,000 deliveries (target <= 1 s);

each next to a bare ``SELECT 1`` round trip through the same engine, as a ratio, so the numbers
mean something on another machine.

    .venv/bin/python bench/match.py [--chats 100000] [--queries 500]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, text

from extractors.model import Extraction
from extractors.sectors import SECTOR_IDS
from subscriptions.models import NewItem
from subscriptions.store import CHATS, SUBS, SqlRepository, open_repository

COUNTRIES = [
    "US", "CN", "JP", "VN", "DE", "FR", "GB", "IN", "ID", "SA", "AE", "PL", "AU", "CA", "SG",
    "TH", "MY", "PH", "MX", "BR", "UZ", "KZ", "MN", "TR", "IT", "ES", "NL", "SE", "FI", "CZ",
]  # fmt: skip
ENQUEUE_SECTOR = "bench_enqueue"
"""A sector only the 10,000 chats of the enqueue measurement follow."""
NOW = dt.datetime(2026, 2, 9, 9, 0, tzinfo=dt.UTC)


def zipf_choice(rng: random.Random, items: list[str]) -> str:
    weights = [1 / (i + 1) for i in range(len(items))]
    return rng.choices(items, weights)[0]


async def populate(repo: SqlRepository, chats: int, rng: random.Random) -> None:
    sectors = list(SECTOR_IDS)
    chat_rows = [
        {
            "id": i,
            "type": "private",
            "title": "",
            "language": "ko",
            "mode": "instant",
            "active": rng.random() > 0.05,
            "created_at": NOW,
        }
        for i in range(1, chats + 1)
    ]
    sub_rows = []
    for chat_id in range(1, chats + 1):
        topics: set[tuple[str, str]] = set()
        while len(topics) < 3:
            kind = rng.random()
            country = zipf_choice(rng, COUNTRIES) if kind < 0.7 else ""
            sector = zipf_choice(rng, sectors) if kind >= 0.5 else ""
            topics.add((country, sector))
        sub_rows += [
            {"chat_id": chat_id, "country": c, "sector": s, "created_at": NOW} for c, s in topics
        ]
    sub_rows += [
        {"chat_id": chat_id, "country": "", "sector": ENQUEUE_SECTOR, "created_at": NOW}
        for chat_id in range(1, chats + 1)
        if chat_rows[chat_id - 1]["active"]
    ][:10_000]
    async with repo.engine.begin() as conn:
        await conn.execute(insert(CHATS), chat_rows)
        await conn.execute(insert(SUBS), sub_rows)
    async with repo.engine.connect() as conn:
        await conn.execute(text("ANALYZE"))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def time_it(coro_factory, n: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        start = time.perf_counter()
        await coro_factory()
        times.append(time.perf_counter() - start)
    return times


async def main(chats: int, queries: int) -> None:
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        repo = await open_repository(f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}")
        start = time.perf_counter()
        await populate(repo, chats, rng)
        print(f"populated {chats:,} chats x 3 subscriptions in {time.perf_counter() - start:.1f} s")

        async def select_one() -> None:
            async with repo.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))

        await time_it(select_one, 50)  # warm the pool
        baseline = await time_it(select_one, queries)
        base50 = statistics.median(baseline)
        print(
            f"baseline SELECT 1: p50 {base50 * 1e3:.3f} ms  p99 {pct(baseline, 0.99) * 1e3:.3f} ms"
        )

        extractions = [
            (
                tuple(rng.sample(COUNTRIES, rng.choice([1, 1, 1, 2]))),
                tuple(rng.sample(list(SECTOR_IDS), rng.choice([1, 2, 2, 3]))),
            )
            for _ in range(queries)
        ]
        sizes: list[int] = []
        it = iter(extractions * 2)

        async def recipients() -> None:
            countries, sectors = next(it)
            sizes.append(len(await repo.recipients(countries, sectors)))

        await time_it(recipients, 20)
        sizes.clear()
        times = await time_it(recipients, queries)
        p50, p99 = statistics.median(times), pct(times, 0.99)
        print(
            f"recipients(): p50 {p50 * 1e3:.2f} ms  p99 {p99 * 1e3:.2f} ms "
            f"(x{p50 / base50:.0f} / x{p99 / base50:.0f} SELECT 1; target p99 <= 10 ms)"
        )
        print(
            f"  recipients per extraction: median {statistics.median(sizes):,.0f}, "
            f"p99 {pct([float(n) for n in sizes], 0.99):,.0f}, max {max(sizes):,} of {chats:,}"
        )
        # The cost follows the fan-out: show it by size so the target reads against the load.
        for low, high in ((0, 5_000), (5_000, 20_000), (20_000, chats + 1)):
            bucket = [t for t, n in zip(times, sizes, strict=True) if low <= n < high]
            if bucket:
                b50, b99 = statistics.median(bucket) * 1e3, pct(bucket, 0.99) * 1e3
                print(
                    f"  {low:>6,}-{min(high, chats):<7,} recipients: {len(bucket):>4} extractions,"
                    f" p50 {b50:6.2f} ms  p99 {b99:6.2f} ms"
                )

        enqueue: list[float] = []
        for run in range(5):
            extraction = Extraction(
                is_mou=True,
                status="signed",
                sectors=(ENQUEUE_SECTOR,),
                parties=((f"party {run}", f"other {run}"),),
                summary=f"bench story {run}",
            )
            item = NewItem(1, f"bench-{run}", "", f"bench {run}", NOW, "", "bench")
            async with repo.engine.begin() as conn:  # feed 1 for the items to point at
                await conn.execute(
                    text(
                        "INSERT INTO feeds (id, url, name, error_count, created_at) "
                        "VALUES (1, 'bench', 'bench', 0, '2026-01-01') ON CONFLICT DO NOTHING"
                    )
                )
            start = time.perf_counter()
            result = await repo.record_item(item, extraction, NOW)
            enqueue.append(time.perf_counter() - start)
            assert result.deliveries == 10_000, result
        e50 = statistics.median(enqueue)
        print(
            f"record_item + enqueue 10,000 deliveries: median {e50 * 1e3:.0f} ms, "
            f"max {max(enqueue) * 1e3:.0f} ms (x{e50 / base50:.0f} SELECT 1; target <= 1 s)"
        )
        await repo.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chats", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    args = parser.parse_args()
    asyncio.run(main(args.chats, args.queries))
