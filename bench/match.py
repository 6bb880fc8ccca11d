"""Matching and enqueueing at scale, on SQLite.

100,000 chats with 3 subscriptions each (half countries, a third sectors, the rest
combinations). ``--distribution zipf`` (the default) draws popular countries and sectors more
often (weight 1/rank), as real users would: the median MOU then reaches ~10,000 chats and the
99th percentile ~43,000; ``uniform`` draws every one alike. Reports, for the same extractions:

- ``recipients()``: the ids of the chats to alert, deduplicated and sorted, in Python: p50/p99
  (target p99 <= 10 ms), by fan-out, and per recipient; next to the same call as it was before
  (deduplicated by UNION in SQLite);
- the match as the alert path runs it: inside the database, in the INSERT ... SELECT of the
  enqueue (``count(*)`` over the same query: scans and deduplication, no transfer);
- a floor: a union of in-memory Python sets per topic (built once; NOT kept in step with the
  database, so not something the bot could use as is);
- the time ``record_item`` takes to store a story and enqueue 10,000 deliveries (target <= 1 s);

each next to a bare ``SELECT 1`` round trip through the same engine, as a ratio, so the numbers
mean something on another machine. The cost of finding recipients grows with how many there
are; read the fan-out table against the target.

    .venv/bin/python bench/match.py [--chats 100000] [--queries 500] [--distribution zipf]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from sqlalchemy import String, cast, func, insert, select, text

from extractors.model import Extraction
from extractors.sectors import SECTOR_IDS
from subscriptions.models import NewItem
from subscriptions.sql import recipients_query
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


def uniform_choice(rng: random.Random, items: list[str]) -> str:
    return rng.choice(items)


async def populate(
    repo: SqlRepository, chats: int, rng: random.Random, choice: Callable[..., str] = zipf_choice
) -> None:
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
            country = choice(rng, COUNTRIES) if kind < 0.7 else ""
            sector = choice(rng, sectors) if kind >= 0.5 else ""
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


async def time_it(call: Callable[[], Awaitable[object]], n: int) -> list[float]:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        await call()
        times.append(time.perf_counter() - start)
    return times


Extract = tuple[tuple[str, ...], tuple[str, ...]]


async def recipients_before(
    repo: SqlRepository, countries: tuple[str, ...], sectors: tuple[str, ...]
) -> list[int]:
    """``recipients()`` as it was: deduplicated by UNION inside SQLite."""
    query = recipients_query(sorted(countries), sorted(sectors))
    assert query is not None
    ids = query.subquery()
    async with repo.engine.connect() as conn:
        found = await conn.scalar(select(func.aggregate_strings(cast(ids.c.chat_id, String), ",")))
    return sorted(map(int, found.split(","))) if found else []


async def matched_in_database(
    repo: SqlRepository, countries: tuple[str, ...], sectors: tuple[str, ...]
) -> int:
    """What the enqueue's INSERT ... SELECT pays to find the recipients: the same query,
    counted where it runs."""
    query = recipients_query(sorted(countries), sorted(sectors))
    assert query is not None
    async with repo.engine.connect() as conn:
        return int(await conn.scalar(select(func.count()).select_from(query.subquery())) or 0)


async def topic_sets(repo: SqlRepository) -> dict[tuple[str, str], set[int]]:
    index: dict[tuple[str, str], set[int]] = {}
    async with repo.engine.connect() as conn:
        rows = await conn.execute(
            select(SUBS.c.chat_id, SUBS.c.country, SUBS.c.sector).where(SUBS.c.active.is_(True))
        )
        for chat_id, country, sector in rows:
            index.setdefault((country, sector), set()).add(chat_id)
    return index


def from_sets(
    index: dict[tuple[str, str], set[int]], countries: tuple[str, ...], sectors: tuple[str, ...]
) -> list[int]:
    keys = [(c, "") for c in countries] + [("", s) for s in sectors]
    keys += [(c, s) for c in countries for s in sectors]
    return sorted(set().union(*(index.get(k, ()) for k in keys)))


def report(name: str, times: list[float], sizes: list[int], base50: float, chats: int) -> None:
    p50, p99 = statistics.median(times), pct(times, 0.99)
    per = sum(times) / max(1, sum(sizes)) * 1e6
    print(
        f"{name}: p50 {p50 * 1e3:.2f} ms  p99 {p99 * 1e3:.2f} ms  "
        f"(x{p50 / base50:.0f} / x{p99 / base50:.0f} SELECT 1; {per:.2f} us per recipient)"
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


async def main(chats: int, queries: int, distribution: str) -> None:
    rng = random.Random(42)
    choice = zipf_choice if distribution == "zipf" else uniform_choice
    with tempfile.TemporaryDirectory() as tmp:
        repo = await open_repository(f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}")
        start = time.perf_counter()
        await populate(repo, chats, rng, choice)
        print(
            f"populated {chats:,} chats x 3 subscriptions ({distribution}) in "
            f"{time.perf_counter() - start:.1f} s"
        )

        async def select_one() -> None:
            async with repo.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))

        await time_it(select_one, 50)  # warm the pool
        baseline = await time_it(select_one, queries)
        base50 = statistics.median(baseline)
        print(
            f"baseline SELECT 1: p50 {base50 * 1e3:.3f} ms  p99 {pct(baseline, 0.99) * 1e3:.3f} ms"
        )

        extractions: list[Extract] = [
            (
                tuple(rng.sample(COUNTRIES, rng.choice([1, 1, 1, 2]))),
                tuple(rng.sample(list(SECTOR_IDS), rng.choice([1, 2, 2, 3]))),
            )
            for _ in range(queries)
        ]
        sizes = [len(await repo.recipients(c, s)) for c, s in extractions]  # also warms up
        print(
            f"recipients per extraction: median {statistics.median(sizes):,.0f}, "
            f"p99 {pct([float(n) for n in sizes], 0.99):,.0f}, max {max(sizes):,} of {chats:,}\n"
        )

        index = await topic_sets(repo)

        async def in_memory(c: tuple[str, ...], s: tuple[str, ...]) -> list[int]:
            return from_sets(index, c, s)

        Call = Callable[[tuple[str, ...], tuple[str, ...]], Awaitable[object]]
        variants: list[tuple[str, Call]] = [
            ("recipients() (target p99 <= 10 ms)", repo.recipients),
            ("recipients() before (UNION in SQLite)", lambda c, s: recipients_before(repo, c, s)),
            (
                "match inside the database, as the enqueue runs it",
                lambda c, s: matched_in_database(repo, c, s),
            ),
            ("floor: in-memory sets per topic (not in step with the database)", in_memory),
        ]
        # Each extraction through every variant in turn, so a slower moment of a shared
        # machine weighs on all of them alike.
        times: list[list[float]] = [[] for _ in variants]
        for c, s in extractions:
            for slot, (_, call) in enumerate(variants):
                start = time.perf_counter()
                await call(c, s)
                times[slot].append(time.perf_counter() - start)
        for (name, _), taken in zip(variants, times, strict=True):
            report(name, taken, sizes, base50, chats)

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
    parser.add_argument("--distribution", choices=["zipf", "uniform"], default="zipf")
    args = parser.parse_args()
    asyncio.run(main(args.chats, args.queries, args.distribution))
