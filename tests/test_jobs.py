"""The JobQueue jobs: registration, digests at the chat's time, and a real Application against
the Bot API stand-in running the poll and delivery jobs end to end."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from delivery_support import T0, FakeClock, FakeSender, Outbox, make_repo
from standin_fixtures import ADMIN_ID
from telegram.ext import ApplicationBuilder

from bot.delivery.worker import DeliveryWorker
from bot.jobs import (
    DELIVERY_JOB,
    DIGEST_JOB,
    POLL_JOB,
    DigestLedger,
    poll_job,
    resume,
    resume_ended_pauses,
    schedule_jobs,
    send_due_digests,
)
from bot.services import SERVICES_KEY, Services
from core.settings import Settings
from devtools.standin import BotApiStandin
from subscriptions.models import Chat, Feed
from subscriptions.store import SqlRepository

KST = ZoneInfo("Asia/Seoul")


def at(hour: int, minute: int, day: int = 9) -> dt.datetime:
    return dt.datetime(2026, 2, day, hour, minute, tzinfo=KST)


def test_ledger_says_which_day_is_due_within_the_grace() -> None:
    ledger = DigestLedger()
    chat = Chat(7, mode="digest", digest_time=dt.time(8, 30))
    assert ledger.due(chat, at(8, 29)) is None
    assert ledger.due(chat, at(8, 30)) == dt.date(2026, 2, 9)
    assert ledger.due(chat, at(9, 29)) == dt.date(2026, 2, 9)  # the bot was down at 8:30
    assert ledger.due(chat, at(9, 31)) is None  # too late: tomorrow's digest carries them
    assert ledger.due(chat, at(8, 30, day=10)) == dt.date(2026, 2, 10)
    assert ledger.due(Chat(8, mode="digest"), at(8, 0)) == dt.date(2026, 2, 9)  # default 08:00


async def test_digest_goes_once_at_the_chats_time(repo: SqlRepository) -> None:
    box = Outbox(repo)
    await box.chat(7, language="en")
    await repo.set_mode(7, "digest", dt.time(8, 0))
    await box.chat(8)  # instant mode: never part of a digest
    await box.story(at=T0)
    await box.story(at=T0)
    sender = FakeSender(FakeClock())
    clock = sender.clock
    worker = DeliveryWorker(repo, sender, tz=KST, clock=clock, now=clock.now, sleep=clock.sleep)
    services = Services(settings=Settings(), repo=repo, delivery=worker)
    ledger = DigestLedger()

    assert await send_due_digests(services, ledger, at(7, 59)) == 0
    assert await send_due_digests(services, ledger, at(8, 0)) == 2
    assert await send_due_digests(services, ledger, at(8, 1)) == 0
    assert [c.chat_id for c in sender.calls] == [7]
    assert "Today's MOUs: 2 · 2026-02-09" in sender.calls[0].text
    # The next day without new stories: nothing at all.
    assert await send_due_digests(services, ledger, at(8, 0, day=10)) == 0
    assert len(sender.calls) == 1


async def test_a_digest_goes_once_across_restarts_and_processes(
    repo: SqlRepository, tmp_path: Path
) -> None:
    """The sent day is in the database: a new ledger (a restart) or a second repository on the
    same file (another process) finds it claimed; a story queued after it waits a day."""
    box = Outbox(repo)
    await box.chat(7, language="en")
    await repo.set_mode(7, "digest", dt.time(8, 0))
    await box.story(at=T0)
    sender = FakeSender(FakeClock())
    clock = sender.clock
    worker = DeliveryWorker(repo, sender, tz=KST, clock=clock, now=clock.now, sleep=clock.sleep)
    services = Services(settings=Settings(), repo=repo, delivery=worker)
    assert await send_due_digests(services, DigestLedger(), at(8, 0)) == 1
    await box.story(at=T0)
    assert await send_due_digests(services, DigestLedger(), at(8, 2)) == 0  # restarted
    other = await make_repo(tmp_path)  # the same database file, another "process"
    try:
        elsewhere = Services(settings=Settings(), repo=other, delivery=worker)
        assert await send_due_digests(elsewhere, DigestLedger(), at(8, 3)) == 0
    finally:
        await other.close()
    assert len(sender.calls) == 1
    assert await send_due_digests(services, DigestLedger(), at(8, 0, day=10)) == 1


async def test_a_lapsed_digest_claim_is_taken_over_and_a_sent_one_never(
    repo: SqlRepository,
) -> None:
    await repo.upsert_chat(7, type="private")
    day, now = dt.date(2026, 2, 9), dt.datetime(2026, 2, 8, 23, 0, tzinfo=dt.UTC)
    assert await repo.claim_digest(7, day, "a", now)
    assert not await repo.claim_digest(7, day, "b", now + dt.timedelta(minutes=5))
    later = now + dt.timedelta(minutes=11)  # "a" died: its lease lapsed
    assert await repo.claim_digest(7, day, "b", later)
    await repo.finish_digest(7, day, "b", later)
    assert not await repo.claim_digest(7, day, "c", later + dt.timedelta(hours=1))
    assert await repo.claim_digest(7, day, "c", later, kind="weekly")  # its own kind
    await repo.release_digest(7, day, "c", kind="weekly")
    assert await repo.claim_digest(7, day, "d", later, kind="weekly")  # released: free again


async def test_weekly_digest_on_its_day_in_the_chats_time_zone(repo: SqlRepository) -> None:
    box = Outbox(repo)
    await box.chat(7, language="en")
    await repo.set_mode(7, "digest", dt.time(8, 0), digest_day=0)  # Mondays
    await repo.set_timezone(7, "Europe/Paris")
    await box.story(at=T0)
    sender = FakeSender(FakeClock())
    clock = sender.clock
    worker = DeliveryWorker(repo, sender, tz=KST, clock=clock, now=clock.now, sleep=clock.sleep)
    services = Services(settings=Settings(), repo=repo, delivery=worker)
    ledger = DigestLedger()
    paris = ZoneInfo("Europe/Paris")
    # 2026-02-09 is a Monday: 08:00 in Seoul is midnight in Paris, nothing yet.
    assert await send_due_digests(services, ledger, at(8, 0)) == 0
    assert (
        await send_due_digests(services, ledger, dt.datetime(2026, 2, 10, 8, 0, tzinfo=paris)) == 0
    )
    assert (
        await send_due_digests(services, ledger, dt.datetime(2026, 2, 9, 8, 0, tzinfo=paris)) == 1
    )
    assert "This week's MOUs: 1" in sender.calls[0].text


async def test_a_pause_that_ran_out_sends_what_it_held_once(repo: SqlRepository) -> None:
    box = Outbox(repo)
    await box.chat(7, language="en")
    await box.story(at=T0)
    await box.story(at=T0)
    await repo.set_pause(7, T0 + dt.timedelta(hours=1))
    sender = FakeSender(FakeClock())
    clock = sender.clock
    worker = DeliveryWorker(repo, sender, tz=KST, clock=clock, now=clock.now, sleep=clock.sleep)
    services = Services(settings=Settings(), repo=repo, delivery=worker)
    assert await resume_ended_pauses(services, T0) == 0
    assert await resume_ended_pauses(services, T0 + dt.timedelta(hours=1)) == 1
    [held] = sender.calls
    assert "MOUs while paused: 2" in held.text
    chat = await repo.get_chat(7)
    assert chat is not None and chat.paused_until is None
    assert await repo.due_deliveries(T0 + dt.timedelta(hours=2)) == []  # settled: sent once


async def test_two_resumes_at_once_send_the_held_message_once(repo: SqlRepository) -> None:
    box = Outbox(repo)
    await box.chat(7, language="en")
    await box.story(at=T0)
    await repo.set_pause(7, T0)
    sender = FakeSender(FakeClock())
    clock = sender.clock
    worker = DeliveryWorker(repo, sender, tz=KST, clock=clock, now=clock.now, sleep=clock.sleep)
    services = Services(settings=Settings(), repo=repo, delivery=worker)
    chat = await repo.get_chat(7)
    assert chat is not None
    sent = await asyncio.gather(resume(services, chat, T0), resume_ended_pauses(services, T0))
    assert sent[0] == 1 and len(sender.calls) == 1


async def test_digest_claims_are_per_kind_and_the_chats_local_day(repo: SqlRepository) -> None:
    """08:00 on Monday in Los Angeles is already Tuesday in Seoul: the weekly claim is for the
    chat's Monday, a restart finds it, and the daily kind is a claim of its own."""
    box = Outbox(repo)
    await box.chat(7, language="en")
    await repo.set_mode(7, "digest", dt.time(8, 0), digest_day=0)  # Mondays
    await repo.set_timezone(7, "America/Los_Angeles")
    await box.story(at=T0)
    sender = FakeSender(FakeClock())
    clock = sender.clock
    worker = DeliveryWorker(repo, sender, tz=KST, clock=clock, now=clock.now, sleep=clock.sleep)
    services = Services(settings=Settings(), repo=repo, delivery=worker)
    monday = dt.datetime(2026, 2, 9, 8, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert await send_due_digests(services, DigestLedger(), monday) == 1
    await box.story(at=T0)
    later = monday + dt.timedelta(minutes=5)
    assert await send_due_digests(services, DigestLedger(), later) == 0  # restarted: claimed
    now = monday.astimezone(dt.UTC)
    assert not await repo.claim_digest(7, dt.date(2026, 2, 9), "x", now, "weekly")
    assert await repo.claim_digest(7, dt.date(2026, 2, 10), "x", now, "weekly")
    await repo.set_mode(7, "digest", dt.time(8, 0))  # daily from now on: its own claim
    assert await send_due_digests(services, DigestLedger(), later) == 1
    assert len(sender.calls) == 2


async def test_a_paused_digest_chat_claims_nothing_and_gets_its_digest_after_resume(
    repo: SqlRepository,
) -> None:
    box = Outbox(repo)
    await box.chat(7, language="en")
    await repo.set_mode(7, "digest", dt.time(8, 0))
    await box.story(at=T0)
    await repo.set_pause(7, at(8, 30).astimezone(dt.UTC))
    sender = FakeSender(FakeClock())
    clock = sender.clock
    worker = DeliveryWorker(repo, sender, tz=KST, clock=clock, now=clock.now, sleep=clock.sleep)
    services = Services(settings=Settings(), repo=repo, delivery=worker)
    ledger = DigestLedger()
    assert await send_due_digests(services, ledger, at(8, 0)) == 0  # paused: waits, unclaimed
    assert sender.calls == []
    assert await resume_ended_pauses(services, at(8, 30).astimezone(dt.UTC)) == 1
    assert sender.calls == []  # a digest-mode chat gets what was held in its digest
    assert await send_due_digests(services, ledger, at(8, 31)) == 1
    assert await send_due_digests(services, DigestLedger(), at(8, 32)) == 0
    assert len(sender.calls) == 1


def test_schedule_jobs_registers_the_three_jobs(tmp_path: Path) -> None:
    app = ApplicationBuilder().token("1:test").build()
    settings = dataclasses.replace(Settings(), schedule=dataclasses.replace(Settings().schedule))
    services = Services(settings=settings, repo=object(), poller=object())  # type: ignore[arg-type]
    schedule_jobs(app, services)
    assert app.job_queue is not None
    jobs = {j.name: j.job for j in app.job_queue.jobs()}
    assert set(jobs) == {POLL_JOB, DELIVERY_JOB, DIGEST_JOB}
    assert jobs[POLL_JOB].max_instances == 2 and jobs[POLL_JOB].coalesce  # a busy tick returns
    assert jobs[POLL_JOB].trigger.interval == dt.timedelta(seconds=30)  # type: ignore[attr-defined]
    assert isinstance(services.delivery, DeliveryWorker)  # created when the app gave none


def test_no_poll_job_without_a_poller() -> None:
    app = ApplicationBuilder().token("1:test").build()
    services = Services(settings=Settings(), repo=object())  # type: ignore[arg-type]
    schedule_jobs(app, services)
    assert app.job_queue is not None
    assert {j.name for j in app.job_queue.jobs()} == {DELIVERY_JOB, DIGEST_JOB}


@dataclasses.dataclass
class Cycle:
    deliveries: int = 0
    disabled: list[Feed] = dataclasses.field(default_factory=list)
    skipped: bool = False


class OneStoryPoller:
    """Publishes one France story on its first cycle and reports a feed it disabled."""

    busy = False

    def __init__(self, box: Outbox) -> None:
        self.box = box
        self.cycles = 0

    async def poll_due(self, now: dt.datetime, keep_going: object = None) -> Cycle:
        self.cycles += 1
        if self.cycles > 1:
            return Cycle()
        queued = await self.box.story("한-프랑스 AI MOU <체결>", at=now)
        dead = Feed(1, "https://feeds.example/broken", "Broken <feed>", error_count=12)
        return Cycle(deliveries=queued, disabled=[dataclasses.replace(dead, last_error="HTTP 500")])


async def test_poll_then_deliver_through_a_real_application(
    standin: BotApiStandin, standin_settings: Settings, tmp_path: Path
) -> None:
    repo = await make_repo(tmp_path)
    box = Outbox(repo)
    await box.chat(101, "FR", language="ko")
    await box.chat(102, "DE")
    for chat_id in (101, 102, ADMIN_ID):
        standin.add_chat(chat_id)
    app = ApplicationBuilder().token(standin.token).base_url(standin.base_url).build()
    services = Services(settings=standin_settings, repo=repo, poller=OneStoryPoller(box))
    app.bot_data[SERVICES_KEY] = services
    schedule_jobs(app, services)
    async with app:
        await app.start()
        [alert] = await standin.wait_for_messages(101, 1, timeout=10)
        [notice] = await standin.wait_for_messages(ADMIN_ID, 1, timeout=10)
        await asyncio.sleep(1.5)  # more poll and delivery ticks: nothing else goes out
        await app.stop()
        await services.delivery.aclose()
    assert alert.parse_mode == "HTML" and "한-프랑스 AI MOU <체결>" in alert.text
    assert "당사자" in alert.text
    assert "Feed disabled: Broken <feed>" in notice.text and "HTTP 500" in notice.text
    assert standin.messages(102) == [] and len(standin.messages(101)) == 1
    assert standin.stats.entity_rejects == []
    assert await box.statuses() == {"sent": 1}
    await repo.close()


class BusyPoller:
    busy = True
    cycles = 0

    async def poll_due(self, now: dt.datetime, keep_going: object = None) -> Cycle:
        self.cycles += 1
        return Cycle()


async def test_a_tick_during_a_running_cycle_returns_at_once() -> None:
    poller = BusyPoller()
    services = Services(settings=Settings(), repo=object(), poller=poller)  # type: ignore[arg-type]
    context = SimpleNamespace(application=SimpleNamespace(bot_data={SERVICES_KEY: services}))
    await poll_job(context)  # type: ignore[arg-type]
    assert poller.cycles == 0
    poller.busy = False
    await poll_job(context)  # type: ignore[arg-type]
    assert poller.cycles == 1
