"""Delivery claims on SQLite and PostgreSQL: a claim names its owner and holds for a lease
the owner renews; a lapsed claim can be taken by another worker, a released one at once.
Two repositories on one database stand for two processes."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from extractors.model import Extraction
from subscriptions.engine import make_engine
from subscriptions.models import NewItem, Topic
from subscriptions.store import DELIVERIES, SqlRepository

NOW = dt.datetime(2026, 2, 9, 9, 0, tzinfo=dt.UTC)
SEC = dt.timedelta(seconds=1)
LEASE = 20 * SEC


@pytest.fixture
async def pair(backend_url: str) -> AsyncIterator[tuple[SqlRepository, SqlRepository]]:
    """Two "processes" (each its own engine and pool) sharing one database."""
    one = SqlRepository(make_engine(backend_url), claim_lease=LEASE, claim_owner="A")
    two = SqlRepository(make_engine(backend_url), claim_lease=LEASE, claim_owner="B")
    try:
        yield one, two
    finally:
        await one.close()
        await two.close()


async def outbox(
    repo: SqlRepository, chats: list[int], stories: int = 1, country: str = "FR"
) -> None:
    """Chats following ``country`` and ``stories`` distinct MOUs with it: one row per chat and
    story."""
    for chat_id in chats:
        await repo.upsert_chat(chat_id, type="group" if chat_id < 0 else "private")
        await repo.add_subscription(chat_id, Topic(country))
    for n in range(stories):
        key = f"{country}{n}"
        item = NewItem(None, key, f"https://n.example/{key}", f"기사 {key}", NOW, key, "연합")  # type: ignore[arg-type]
        extraction = Extraction(
            is_mou=True,
            status="signed",
            countries=(country,),
            parties=((f"기업{key}", f"Partner {key} SA"),),
            summary=f"서로 다른 협약 {key}번째 이야기.",
            date=NOW.date() - dt.timedelta(days=7 * n),  # a week apart: never one story
        )
        assert (await repo.record_item(item, extraction, NOW)).new_story


async def claims(repo: SqlRepository) -> dict[int, tuple[str | None, dt.datetime | None]]:
    d = DELIVERIES.c
    async with repo.engine.connect() as conn:
        rows = await conn.execute(select(d.id, d.claimed_by, d.claimed_until))
        return {r.id: (r.claimed_by, r.claimed_until) for r in rows}


async def test_a_claim_names_its_owner_and_lasts_the_lease(
    pair: tuple[SqlRepository, SqlRepository],
) -> None:
    a, b = pair
    await outbox(a, [1, 2, 3])
    jobs = await a.due_deliveries(NOW)
    assert len(jobs) == 3
    assert set((await claims(a)).values()) == {("A", NOW + LEASE)}
    assert await b.due_deliveries(NOW + LEASE - SEC) == []
    assert await a.due_deliveries(NOW) == []  # its own live claims are not handed out again
    taken = await b.due_deliveries(NOW + LEASE)  # A stopped renewing: the claims lapsed
    assert {j.id for j in taken} == {j.id for j in jobs}
    assert {owner for owner, _ in (await claims(a)).values()} == {"B"}


async def test_renewal_keeps_the_rows_of_a_live_worker(
    pair: tuple[SqlRepository, SqlRepository],
) -> None:
    a, b = pair
    await outbox(a, [1, 2, 3])
    jobs = await a.due_deliveries(NOW, owner="w1", lease=LEASE)
    ids = {j.id for j in jobs}
    # A heartbeat every 15 s keeps them for as long as the worker lives, however long that is.
    for beat in range(1, 41):
        assert await a.renew_claims("w1", NOW + beat * 15 * SEC, LEASE) == ids
        assert await b.due_deliveries(NOW + beat * 15 * SEC + LEASE - SEC, owner="w2") == []
    await a.mark_sent([jobs[0].id], 1, NOW)  # a settled row is no longer held (nor claimed)
    assert await a.renew_claims("w1", NOW + 600 * SEC, LEASE) == ids - {jobs[0].id}
    assert (await claims(a))[jobs[0].id] == (None, None)
    # The worker dies: 20 s after its last heartbeat another worker takes the rest.
    taken = await b.due_deliveries(NOW + 620 * SEC, owner="w2")
    assert {j.id for j in taken} == ids - {jobs[0].id}
    assert await a.renew_claims("w1", NOW + 621 * SEC, LEASE) == set()  # it must not send them


async def test_released_claims_are_due_at_once_for_anyone(
    pair: tuple[SqlRepository, SqlRepository],
) -> None:
    a, b = pair
    await outbox(a, [1, 2, 3, 4])
    one, two, three, four = await a.due_deliveries(NOW, owner="w1")
    assert await a.release_claims("w1", [one.id, two.id]) == 2
    assert {j.id for j in await b.due_deliveries(NOW, owner="w2")} == {one.id, two.id}
    assert await a.release_claims("w1", [one.id]) == 0  # only the owner's own claims
    await a.mark_sent([three.id], 5, NOW)
    assert await a.release_claims("w1") == 1  # all of them; the sent row stays sent
    assert [j.id for j in await b.due_deliveries(NOW, owner="w2")] == [four.id]
    assert (await a.stats()).deliveries == {"pending": 3, "sent": 1}


async def test_settling_a_row_ends_its_claim(pair: tuple[SqlRepository, SqlRepository]) -> None:
    a, b = pair
    await outbox(a, [1, 2, 3])
    one, two, three = await a.due_deliveries(NOW, lease=dt.timedelta(hours=1))
    await a.mark_retry(one.id, "Timed out", NOW + 30 * SEC)
    await a.mark_dead(two.id, "Bad Request: message text is empty")
    await a.deactivate_chat(three.chat.id, "Forbidden: bot was blocked by the user")
    assert set((await claims(a)).values()) == {(None, None)}
    retried = await b.due_deliveries(NOW + 30 * SEC)  # the retry time, not the hour's lease
    assert [(j.id, j.attempts) for j in retried] == [(one.id, 1)]


async def test_a_claim_takes_at_most_per_chat_rows_of_one_chat_oldest_first(
    pair: tuple[SqlRepository, SqlRepository],
) -> None:
    a, _ = pair
    await outbox(a, [-100, 7], stories=5)  # a group and a private chat, 5 stories each
    jobs = await a.due_deliveries(NOW, limit=10, per_chat=2)
    by_chat = {c: [j.id for j in jobs if j.chat.id == c] for c in (-100, 7)}
    assert [len(ids) for ids in by_chat.values()] == [2, 2]
    assert [j.id for j in jobs] == sorted(j.id for j in jobs)
    rest = await a.due_deliveries(NOW, limit=10, per_chat=2, owner="w2")
    assert min(j.id for j in rest if j.chat.id == -100) > max(by_chat[-100])  # in order
    assert len(rest) == 4


async def test_a_cap_does_not_starve_other_chats_behind_a_long_backlog(
    pair: tuple[SqlRepository, SqlRepository],
) -> None:
    """The oldest 250 rows all belong to one group: the claim still finds the other chats."""
    a, _ = pair
    await outbox(a, [-100], stories=250)
    await outbox(a, [1, 2, 3], country="DE")
    jobs = await a.due_deliveries(NOW, limit=5, per_chat=1)
    assert sorted(j.chat.id for j in jobs) == [-100, 1, 2, 3]


async def test_concurrent_claimers_share_lapsed_rows_without_overlap(
    pair: tuple[SqlRepository, SqlRepository],
) -> None:
    """A dead worker held 60 rows; two live workers take them over at the same moment."""
    a, b = pair
    await outbox(a, list(range(1, 61)))
    assert len(await a.due_deliveries(NOW, owner="dead")) == 60
    later = NOW + LEASE

    async def take(repo: SqlRepository, owner: str) -> list[int]:
        got: list[int] = []
        while jobs := await repo.due_deliveries(later, limit=7, owner=owner):
            got += [j.id for j in jobs]
            await asyncio.sleep(0)
        return got

    first, second = await asyncio.gather(take(a, "w1"), take(b, "w2"))
    assert len(first + second) == len(set(first + second)) == 60
    assert await a.renew_claims("w1", later, LEASE) == set(first)
    assert await b.renew_claims("w2", later, LEASE) == set(second)
