"""Several processes on one database, simulated by several repositories (each its own engine
and pool): claims never overlap, one MOU is one story, one key is one item."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
from collections.abc import AsyncIterator

import pytest

from extractors.model import Extraction
from subscriptions.engine import make_engine
from subscriptions.models import NewItem, Topic
from subscriptions.store import SqlRepository

NOW = dt.datetime(2026, 2, 9, 9, 0, tzinfo=dt.UTC)
PROCESSES = 4


@pytest.fixture
async def repos(backend_url: str) -> AsyncIterator[list[SqlRepository]]:
    stores = [SqlRepository(make_engine(backend_url)) for _ in range(PROCESSES)]
    try:
        yield stores
    finally:
        for store in stores:
            await store.close()


def mou(parties: tuple[str, ...]) -> Extraction:
    return Extraction(
        is_mou=True,
        status="signed",
        countries=("FR",),
        sectors=("ai",),
        parties=(parties,),
        date=NOW.date(),
        summary="한빛AI와 뤼미에르랩스가 생성형 AI 공동개발 업무협약을 체결했다.",
    )


def item(key: str, outlet: str) -> NewItem:
    title = f"한빛AI, 佛 뤼미에르랩스와 생성형 AI 공동개발 MOU ({outlet})"
    return NewItem(None, key, f"https://{outlet}.example/{key}", title, NOW, key, outlet)  # type: ignore[arg-type]


async def test_claims_of_concurrent_workers_never_overlap(repos: list[SqlRepository]) -> None:
    first = repos[0]
    for chat_id in range(1, 41):
        await first.upsert_chat(chat_id, type="private")
        await first.add_subscription(chat_id, Topic("FR"))
    for n in range(5):
        await first.record_item(item(f"k{n}", f"outlet{n}"), mou((f"party{n}", f"other{n}")), NOW)
    assert (await first.stats()).deliveries == {"pending": 200}

    async def drain(repo: SqlRepository) -> list[int]:
        claimed: list[int] = []
        while jobs := await repo.due_deliveries(NOW, limit=7):
            claimed += [j.id for j in jobs]
            await asyncio.sleep(0)
        return claimed

    claims = await asyncio.gather(*(drain(r) for r in repos))
    every = [i for c in claims for i in c]
    assert len(every) == len(set(every)) == 200


async def test_one_mou_reported_at_once_by_several_outlets_is_one_story(
    repos: list[SqlRepository],
) -> None:
    await repos[0].upsert_chat(1, type="private")
    await repos[0].add_subscription(1, Topic("FR"))
    results = await asyncio.gather(
        *(
            repo.record_item(item(f"k{n}", f"outlet{n}"), mou(("한빛AI", "뤼미에르랩스")), NOW)
            for n, repo in enumerate(repos)
        )
    )
    assert len({r.story_id for r in results}) == 1
    assert sum(r.new_story for r in results) == 1
    assert sum(r.deliveries for r in results) == 1
    [story] = await repos[0].stories(None, None)
    assert story.outlets == PROCESSES


async def test_one_key_from_several_processes_is_stored_once(repos: list[SqlRepository]) -> None:
    await repos[0].upsert_chat(1, type="private")
    await repos[0].add_subscription(1, Topic("FR"))
    results = await asyncio.gather(
        *(repo.record_item(item("same", "outlet"), mou(("A", "B")), NOW) for repo in repos)
    )
    assert sum(not r.duplicate for r in results) == 1
    stats = await repos[0].stats()
    assert stats.stories == 1 and stats.deliveries == {"pending": 1}


async def test_batches_sharing_keys_in_any_order_store_each_item_once(
    repos: list[SqlRepository],
) -> None:
    """Four processes record overlapping batches, each in its own order (no deadlock, no
    duplicate): every key is stored once, and reported new exactly once."""
    await repos[0].upsert_chat(1, type="private")
    await repos[0].add_subscription(1, Topic("FR"))
    keys = [f"k{n:02d}" for n in range(40)]

    async def record(repo: SqlRepository, seed: int) -> list[str]:
        mine = keys[seed * 8 : seed * 8 + 16]  # each batch overlaps the next one's
        random.Random(seed).shuffle(mine)
        batch = [(item(k, f"outlet{seed}"), Extraction()) for k in mine]
        results = await repo.record_items(batch, NOW)
        return [k for k, r in zip(mine, results, strict=True) if not r.duplicate]

    stored = await asyncio.gather(*(record(r, n) for n, r in enumerate(repos)))
    new = [k for keys_of in stored for k in keys_of]
    assert sorted(new) == keys[: 8 * (PROCESSES - 1) + 16]
    assert await repos[0].known_keys(keys) == set(new)
