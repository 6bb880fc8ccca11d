"""The worker's claims on the outbox: renewed while it works, given back when it stops, lapsing
soon after it dies, never sent once another worker took them over. A second repository on the
same database file stands for another process; time is a fake clock unless said otherwise."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from delivery_support import FakeClock, FakeSender, Outbox, make_repo
from sqlalchemy import select, update
from telegram.error import RetryAfter

from bot.delivery.worker import DeliveryWorker
from subscriptions.engine import make_engine
from subscriptions.models import DeliveryJob
from subscriptions.store import DELIVERIES, SqlRepository

KST = ZoneInfo("Asia/Seoul")


@pytest.fixture
async def other(tmp_path: Path, repo: SqlRepository) -> AsyncIterator[SqlRepository]:
    """Another process's repository on the same database."""
    other = await make_repo(tmp_path)
    yield other
    await other.close()


def worker_for(repo: Any, sender: FakeSender, **options: Any) -> DeliveryWorker:
    clock = sender.clock
    return DeliveryWorker(
        repo, sender, tz=KST, clock=clock, now=clock.now, sleep=clock.sleep, **options
    )


async def setup(repo: SqlRepository, chats: list[int], stories: int = 1) -> Outbox:
    box = Outbox(repo)
    for chat_id in chats:
        await box.chat(chat_id, type="group" if chat_id < 0 else "private")
    for _ in range(stories):
        await box.story(at=FakeClock().now())
    return box


async def rows(repo: SqlRepository) -> dict[int, tuple[str, str | None]]:
    """chat id -> (status, claimed by) of a one-story outbox."""
    d = DELIVERIES.c
    async with repo.engine.connect() as conn:
        found = await conn.execute(select(d.chat_id, d.status, d.claimed_by))
        return {r.chat_id: (r.status, r.claimed_by) for r in found}


class HangingSender(FakeSender):
    """Never answers the ``hang_at``-th send (a process frozen, or killed, mid-request)."""

    def __init__(self, clock: FakeClock, hang_at: int) -> None:
        super().__init__(clock)
        self.hang_at = hang_at
        self.hanging = asyncio.Event()

    async def send(self, chat_id: int, text: str, *, html: bool) -> int:
        if len(self.calls) + 1 == self.hang_at:
            self.calls.append(type(self.calls[0])(chat_id, text, html, self.clock()))
            self.hanging.set()
            await asyncio.Event().wait()
        return await super().send(chat_id, text, html=html)


async def test_a_dead_workers_rows_are_sent_by_another_once_its_lease_lapses(
    repo: SqlRepository, other: SqlRepository
) -> None:
    box = await setup(repo, list(range(1, 11)))
    clock = FakeClock()
    frozen = HangingSender(clock, hang_at=4)
    dead = asyncio.create_task(worker_for(repo, frozen, max_in_flight=1, owner="dead").drain())
    await frozen.hanging.wait()  # sent 1-3, stuck sending to 4: no heartbeat from now on

    sender = FakeSender(clock)
    live = worker_for(other, sender, owner="live")
    clock.t += 10
    assert (await live.drain()).sent == 0  # the claims of the frozen worker still hold
    clock.t += 11  # 21 s after its last heartbeat (the lease is 20 s, not five minutes)
    assert (await live.drain()).sent == 7
    assert sorted(c.chat_id for c in sender.calls) == list(range(4, 11))
    assert await box.statuses() == {"sent": 10}

    dead.cancel()  # nothing left for it to give back or send
    with pytest.raises(asyncio.CancelledError):
        await dead
    assert len(frozen.calls) == 4 and await box.statuses() == {"sent": 10}


class SpyingSender(FakeSender):
    """Before each send, asks another process's repository for due rows (claiming them, as a
    second worker would): it must never get a row the first worker holds."""

    def __init__(self, clock: FakeClock, other: SqlRepository) -> None:
        super().__init__(clock)
        self.other = other
        self.stolen: list[DeliveryJob] = []

    async def send(self, chat_id: int, text: str, *, html: bool) -> int:
        self.stolen += await self.other.due_deliveries(self.clock.now(), owner="spy")
        return await super().send(chat_id, text, html=html)


async def test_claims_hold_through_a_flood_pause_many_leases_long(
    repo: SqlRepository, other: SqlRepository
) -> None:
    box = await setup(repo, [1, 2, 3, 4, 5])
    clock = FakeClock()
    sender = SpyingSender(clock, other)
    sender.fail(1, RetryAfter(400))  # longer than any lease: only the heartbeat keeps them
    report = await worker_for(repo, sender, max_in_flight=1).drain()
    assert report.pauses == 1 and report.sent == 5
    assert sender.stolen == []
    assert [c.chat_id for c in sender.calls] == [1, 1, 2, 3, 4, 5]
    assert sender.calls[1].at >= 400
    assert await box.statuses() == {"sent": 5}


async def test_a_stopped_drain_gives_back_the_rows_it_did_not_send(
    repo: SqlRepository, other: SqlRepository
) -> None:
    box = await setup(repo, list(range(1, 51)))
    clock = FakeClock()
    sender = FakeSender(clock)
    worker = worker_for(repo, sender, max_in_flight=1)
    sent = 0

    def keep_going() -> bool:
        return len(sender.calls) < 5

    report = await worker.drain(keep_going)
    sent = report.sent
    assert sent == 5 and await box.statuses() == {"sent": 5, "pending": 45}
    # Due at once for the next process (a restart, or another bot), not after a lease.
    taken = await other.due_deliveries(clock.now(), owner="next")
    assert len(taken) == 45


async def test_a_cancelled_drain_keeps_only_the_row_in_flight_claimed(
    repo: SqlRepository, other: SqlRepository
) -> None:
    await setup(repo, list(range(1, 11)))
    clock = FakeClock()
    sender = HangingSender(clock, hang_at=3)
    task = asyncio.create_task(worker_for(repo, sender, max_in_flight=1, owner="w").drain())
    await sender.hanging.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    # Chat 3's message may have reached Telegram: its claim waits for the lease; the others
    # were never tried and are due for anyone now.
    state = await rows(repo)
    assert state[3] == ("pending", "w")
    assert sorted(j.chat.id for j in await other.due_deliveries(clock.now())) == [
        4,
        5,
        6,
        7,
        8,
        9,
        10,
    ]


async def test_aclose_gives_back_every_claim_of_the_worker(
    repo: SqlRepository, other: SqlRepository
) -> None:
    await setup(repo, [1, 2, 3])
    clock = FakeClock()
    worker = worker_for(repo, FakeSender(clock), owner="w")
    assert len(await repo.due_deliveries(clock.now(), owner="w")) == 3  # e.g. a crashed run
    await worker.aclose()
    assert len(await other.due_deliveries(clock.now())) == 3


class TakeoverSender(FakeSender):
    """On the first send, time jumps past a heartbeat and another worker owns chats 4 and 5's
    rows (as if this worker's claims had lapsed during a long stall and were taken)."""

    def __init__(self, clock: FakeClock, repo: SqlRepository) -> None:
        super().__init__(clock)
        self.repo = repo

    async def send(self, chat_id: int, text: str, *, html: bool) -> int:
        if not self.calls:
            self.clock.t += 6
            d = DELIVERIES.c
            async with self.repo.engine.begin() as conn:
                await conn.execute(
                    update(DELIVERIES).where(d.chat_id.in_([4, 5])).values(claimed_by="other")
                )
        return await super().send(chat_id, text, html=html)


async def test_rows_another_worker_took_over_are_not_sent(repo: SqlRepository) -> None:
    await setup(repo, [1, 2, 3, 4, 5])
    sender = TakeoverSender(FakeClock(), repo)
    report = await worker_for(repo, sender, max_in_flight=1).drain()
    assert [c.chat_id for c in sender.calls] == [1, 2, 3]
    assert report.sent == 3
    state = await rows(repo)
    assert state[4] == state[5] == ("pending", "other")


class SilentSender(FakeSender):
    """Chat 1's request never gets an answer."""

    async def send(self, chat_id: int, text: str, *, html: bool) -> int:
        if chat_id == 1:
            await asyncio.Event().wait()
        return await super().send(chat_id, text, html=html)


async def test_a_send_without_an_answer_is_abandoned_and_retried(repo: SqlRepository) -> None:
    box = await setup(repo, [1, 2])
    sender = SilentSender(FakeClock())
    worker = worker_for(repo, sender, send_timeout=0.2)
    report = await asyncio.wait_for(worker.drain(), 10)
    assert report.sent == 1 and report.retried == 1
    assert await box.statuses() == {"sent": 1, "pending": 1}
    assert (await rows(repo))[1] == ("pending", None)  # back in the queue, for its retry time


class RecordingRepo:
    """The real repository, recording what each claim returned."""

    def __init__(self, repo: SqlRepository) -> None:
        self.repo = repo
        self.claims: list[list[DeliveryJob]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.repo, name)

    async def due_deliveries(self, now: dt.datetime, limit: int = 100, **kw: Any) -> Any:
        jobs = await self.repo.due_deliveries(now, limit, **kw)
        self.claims.append(jobs)
        return jobs


async def test_a_group_backlog_is_claimed_only_as_fast_as_it_can_be_sent(
    repo: SqlRepository,
) -> None:
    """20 messages a minute to a group: in the long run one per 3 s, so the worker claims a
    group's backlog a few rows at a time (what it can surely send before a claim could lapse),
    in order."""
    box = await setup(repo, [-100, 1], stories=10)
    recording = RecordingRepo(repo)
    sender = FakeSender(FakeClock())
    worker = worker_for(recording, sender)
    assert worker.per_chat == 3  # (20 s lease - 10 s send timeout) at one message per 3 s
    report = await worker.drain()
    assert report.sent == 20 and await box.statuses() == {"sent": 20}
    per_claim = [sum(1 for j in jobs if j.chat.id == -100) for jobs in recording.claims]
    assert max(per_claim) == 3 and sum(per_claim) == 10
    stories = [c.text.split("news.example/")[1].split('"')[0] for c in sender.to(-100)]
    assert stories == [str(n) for n in range(1, 11)]


def test_the_lease_must_outlast_a_heartbeat_and_a_send() -> None:
    with pytest.raises(ValueError, match="lease"):
        DeliveryWorker(
            None,  # type: ignore[arg-type]
            FakeSender(FakeClock()),
            tz=KST,
            lease=10,
            heartbeat=5,
            send_timeout=5,
        )


# --- two live processes, real time ------------------------------------------------------------


@pytest.fixture
async def shared(backend_url: str) -> AsyncIterator[list[SqlRepository]]:
    stores = [SqlRepository(make_engine(backend_url)) for _ in range(3)]
    try:
        yield stores
    finally:
        for store in stores:
            await store.close()


async def test_workers_of_three_processes_send_each_alert_once(
    shared: list[SqlRepository],
) -> None:
    box = await setup(shared[0], list(range(1, 91)))
    # Each send takes real time, so one worker cannot drain all 90 before the others have
    # opened their connections (on a loaded machine it did: the share was then untested).
    senders = [FakeSender(FakeClock(), delay=0.02) for _ in shared]
    workers = [
        DeliveryWorker(repo, sender, tz=KST, lease=3, heartbeat=0.5, send_timeout=1, batch_size=10)
        for repo, sender in zip(shared, senders, strict=True)
    ]
    reports = await asyncio.gather(*(w.drain() for w in workers))
    assert sum(r.sent for r in reports) == 90
    chats = [c.chat_id for s in senders for c in s.calls]
    assert sorted(chats) == list(range(1, 91))  # every chat once, whoever sent it
    assert sum(1 for s in senders if s.calls) >= 2  # the work was shared
    assert await box.statuses() == {"sent": 90}
