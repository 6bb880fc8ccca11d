"""The outbox worker with a scripted Sender against the real repository on a temporary SQLite
file; time is a fake clock, so pauses and backoffs cost nothing."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from delivery_support import T0, FakeClock, FakeSender, Outbox, make_repo
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)

from bot.delivery.answers import (
    Deactivate,
    Dead,
    Migrate,
    Pause,
    Resend,
    Retry,
    backoff,
    classify,
)
from bot.delivery.worker import DeliveryWorker
from devtools.standin.html import parse_html
from subscriptions.store import SqlRepository

KST = ZoneInfo("Asia/Seoul")


def worker_for(repo: SqlRepository, sender: FakeSender, **options: Any) -> DeliveryWorker:
    clock = sender.clock
    return DeliveryWorker(
        repo, sender, tz=KST, clock=clock, now=clock.now, sleep=clock.sleep, **options
    )


async def setup(repo: SqlRepository, chats: list[int], stories: int = 1) -> Outbox:
    box = Outbox(repo)
    await box.chats(chats)
    for _ in range(stories):
        await box.story(at=T0)
    return box


# --- classify: what each Telegram answer means ------------------------------------------------


@pytest.mark.parametrize(
    ("error", "variant", "action"),
    [
        (RetryAfter(7), "html", Pause(7.0)),
        (ChatMigrated(-1001), "html", Migrate(-1001)),
        (
            Forbidden("Forbidden: bot was blocked by the user"),
            "html",
            Deactivate("Forbidden: bot was blocked by the user"),
        ),
        (BadRequest("Bad Request: chat not found"), "html", Deactivate("Chat not found")),
        (BadRequest("Can't parse entities: unclosed tag"), "html", Resend("plain")),
        (BadRequest("Can't parse entities: unclosed tag"), "short", Resend("short_plain")),
        (BadRequest("Can't parse entities: x"), "plain", Dead("Can't parse entities: x")),
        (BadRequest("Message is too long"), "html", Resend("short")),
        (BadRequest("Message is too long"), "plain", Resend("short_plain")),
        (BadRequest("Message is too long"), "short", Resend("short_plain")),
        (BadRequest("Message is too long"), "short_plain", Dead("Message is too long")),
        (BadRequest("Message text is empty"), "html", Dead("Message text is empty")),
        (TimedOut(), "html", Retry("Timed out")),
        (NetworkError("Bad Gateway"), "html", Retry("Bad Gateway")),
        (InvalidToken("Unauthorized"), "html", Retry("Unauthorized", network=False)),
        (ValueError("boom"), "html", Retry("ValueError: boom", network=False)),
    ],
)
def test_classify(error: BaseException, variant: Any, action: object) -> None:
    assert classify(error, variant) == action


def test_backoff_grows_and_is_capped() -> None:
    assert [backoff(a, 10, 100) for a in range(5)] == [10, 20, 40, 80, 100]


# --- the worker ----------------------------------------------------------------------------


async def test_sends_every_due_row_once_and_marks_it_sent(repo: SqlRepository) -> None:
    box = Outbox(repo)
    await box.chat(1, language="ko")
    await box.chat(2, language="en")
    await box.story("한-프랑스 인공지능 협력 MOU 체결", at=T0)
    sender = FakeSender(FakeClock())
    report = await worker_for(repo, sender).drain()
    assert report.sent == 2
    assert {c.chat_id for c in sender.calls} == {1, 2}
    assert all(c.html for c in sender.calls)
    assert "당사자" in parse_html(sender.to(1)[0].text).text  # the chat's language
    assert "Parties" in parse_html(sender.to(2)[0].text).text
    assert await box.statuses() == {"sent": 2}
    again = await worker_for(repo, sender).drain()
    assert again.sent == 0 and len(sender.calls) == 2


async def test_retry_after_pauses_everything_and_loses_nothing(repo: SqlRepository) -> None:
    box = await setup(repo, list(range(1, 41)))
    sender = FakeSender(FakeClock())
    sender.fail(5, RetryAfter(7))
    report = await worker_for(repo, sender, max_in_flight=1).drain()
    assert report.sent == 40 and report.pauses == 1
    assert await box.statuses() == {"sent": 40}
    refused = next(c for c in sender.calls if c.chat_id == 5)
    after = [c.at for c in sender.calls if c.at > refused.at]
    assert after and min(after) >= refused.at + 7  # nothing inside the window
    assert len(sender.to(5)) == 2  # refused once, then sent


async def test_blocked_chat_is_deactivated_and_its_rows_dropped(repo: SqlRepository) -> None:
    box = await setup(repo, [1, 2, 3], stories=3)
    sender = FakeSender(FakeClock())
    sender.fail(2, Forbidden("Forbidden: bot was blocked by the user"))
    report = await worker_for(repo, sender).drain()
    assert len(sender.to(2)) == 1  # its other two rows are never tried
    assert report.dropped == 3 and report.sent == 6
    chat = await repo.get_chat(2)
    assert chat is not None and not chat.active
    assert chat.stopped_reason == "Forbidden: bot was blocked by the user"
    assert await box.statuses() == {"sent": 6, "dead": 3}


async def test_chat_not_found_is_deactivated(repo: SqlRepository) -> None:
    await setup(repo, [1, 2])
    sender = FakeSender(FakeClock())
    sender.fail(1, BadRequest("Bad Request: chat not found"))
    await worker_for(repo, sender).drain()
    chat = await repo.get_chat(1)
    assert chat is not None and not chat.active
    assert len(sender.to(2)) == 1


async def test_migrated_group_gets_the_message_at_its_new_id(repo: SqlRepository) -> None:
    box = Outbox(repo)
    await box.chat(-100, type="group")
    await box.story(at=T0)
    await box.story(at=T0)
    sender = FakeSender(FakeClock())
    sender.fail(-100, ChatMigrated(-1009999))
    report = await worker_for(repo, sender).drain()
    assert report.migrated == 1 and report.sent == 2
    assert len(sender.to(-100)) == 1  # the second row goes straight to the new id
    assert len(sender.to(-1009999)) == 2
    assert await repo.get_chat(-100) is None
    moved = await repo.get_chat(-1009999)
    assert moved is not None and moved.active
    assert [s.topic.country for s in await repo.list_subscriptions(-1009999)] == ["FR"]
    assert await box.statuses() == {"sent": 2}


async def test_unparsable_html_is_resent_as_plain_text(repo: SqlRepository) -> None:
    box = await setup(repo, [1])
    sender = FakeSender(FakeClock())
    sender.fail(1, BadRequest("Can't parse entities: unsupported start tag"))
    report = await worker_for(repo, sender).drain()
    first, second = sender.to(1)
    assert first.html and not second.html
    assert "<b>" not in second.text and "https://news.example/1" in second.text
    assert report.fallbacks == 1 and await box.statuses() == {"sent": 1}


async def test_too_long_is_resent_shorter(repo: SqlRepository) -> None:
    box = await setup(repo, [1])
    sender = FakeSender(FakeClock())
    sender.fail(1, BadRequest("Message is too long"), BadRequest("Message is too long"))
    await worker_for(repo, sender).drain()
    assert [c.html for c in sender.to(1)] == [True, True, False]
    assert len(sender.to(1)[1].text) <= 1500
    assert await box.statuses() == {"sent": 1}


async def test_network_errors_back_off_then_give_up(repo: SqlRepository) -> None:
    box = await setup(repo, [1])
    clock = FakeClock()
    sender = FakeSender(clock)
    sender.fail(1, *[TimedOut()] * 10)
    worker = worker_for(repo, sender, max_attempts=4, backoff_base=10, network_streak_limit=99)
    for _ in range(40):
        await worker.drain()
        clock.t += 5  # time passes between runs of the delivery job
    # Retried after 10, 20, 40 s (not before), then dead after the 4th attempt.
    assert len(sender.to(1)) == 4
    gaps = [b.at - a.at for a, b in itertools.pairwise(sender.to(1))]
    assert gaps[0] >= 10 and gaps[1] >= 20 and gaps[2] >= 40
    assert await box.statuses() == {"dead": 1}
    assert worker.total.dead == 1 and "Timed out" in worker.total.errors[-1]


async def test_a_row_that_recovers_is_sent(repo: SqlRepository) -> None:
    box = await setup(repo, [1, 2])
    clock = FakeClock()
    sender = FakeSender(clock)
    sender.fail(1, NetworkError("Bad Gateway"))
    worker = worker_for(repo, sender)
    assert (await worker.drain()).retried == 1
    clock.t += 11
    assert (await worker.drain()).sent == 1
    assert await box.statuses() == {"sent": 2}


async def test_an_outage_holds_sending_instead_of_burning_attempts(repo: SqlRepository) -> None:
    box = await setup(repo, list(range(1, 21)))
    clock = FakeClock()
    sender = FakeSender(clock)
    for chat in range(1, 7):
        sender.fail(chat, TimedOut())
    report = await worker_for(repo, sender, max_in_flight=1, network_streak_limit=3).drain()
    # Three failures, a pause; the probe fails, a longer pause; and so on until it recovers.
    times = [c.at for c in sender.calls]
    gaps = [b - a + 1e-9 for a, b in itertools.pairwise(times[2:6])]
    assert gaps[0] >= 2 and gaps[1] >= 4 and gaps[2] >= 8
    # Six rows cost one attempt each; the pauses outlasted their backoff, so all went out.
    assert report.retried == 6 and report.sent == 20
    assert await box.statuses() == {"sent": 20}


async def test_a_bad_row_never_stops_the_others(repo: SqlRepository) -> None:
    box = await setup(repo, [1, 2, 3])
    sender = FakeSender(FakeClock())
    sender.fail(2, RuntimeError("driver bug"))
    sender.fail(3, BadRequest("Some new error Telegram invented"))
    report = await worker_for(repo, sender).drain()
    assert report.sent == 1 and report.retried == 1 and report.dead == 1
    assert await box.statuses() == {"sent": 1, "pending": 1, "dead": 1}


async def test_pacing_keeps_one_chat_to_one_message_a_second(repo: SqlRepository) -> None:
    await setup(repo, [1], stories=4)
    sender = FakeSender(FakeClock())
    await worker_for(repo, sender).drain()
    times = [c.at for c in sender.to(1)]
    assert len(times) == 4
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(times))


async def test_fan_out_stays_under_thirty_a_second(repo: SqlRepository) -> None:
    await setup(repo, list(range(1, 121)))
    sender = FakeSender(FakeClock())
    report = await worker_for(repo, sender).drain()
    assert report.sent == 120
    times = sorted(c.at for c in sender.calls)
    assert max(sum(1 for t in times if s <= t < s + 1.0) for s in times) <= 30
    assert times[-1] - times[0] <= 120 / 30 / 0.9  # and not much slower than the limit


class StoppingSender(FakeSender):
    def __init__(self, clock: FakeClock, after: int) -> None:
        super().__init__(clock)
        self.after = after
        self.worker: DeliveryWorker | None = None

    async def send(self, chat_id: int, text: str, *, html: bool) -> int:
        if len(self.calls) + 1 == self.after and self.worker is not None:
            self.worker.request_stop()
        return await super().send(chat_id, text, html=html)


async def test_stop_finishes_the_send_in_flight_and_leaves_the_rest(repo: SqlRepository) -> None:
    box = await setup(repo, list(range(1, 51)))
    sender = StoppingSender(FakeClock(), after=5)
    worker = worker_for(repo, sender, max_in_flight=1)
    sender.worker = worker
    report = await worker.drain()
    assert report.sent == 5 == len(sender.calls)
    assert await box.statuses() == {"sent": 5, "pending": 45}


class CountingSender(FakeSender):
    def __init__(self, clock: FakeClock, target: int) -> None:
        super().__init__(clock)
        self.target = target
        self.reached = asyncio.Event()

    async def send(self, chat_id: int, text: str, *, html: bool) -> int:
        if len(self.calls) + 1 >= self.target:
            self.reached.set()
        return await super().send(chat_id, text, html=html)


async def test_a_crash_mid_fan_out_loses_nothing(tmp_path: Path) -> None:
    """Cancel the worker mid-send, start a new one after the claim lease (what the sends in
    flight keep claimed): every chat gets its message; only the ones in flight may come
    twice."""
    repo = await make_repo(tmp_path)
    box = await setup(repo, list(range(1, 101)))
    clock = FakeClock()
    sender = CountingSender(clock, 37)
    task = asyncio.create_task(worker_for(repo, sender, max_in_flight=4).drain())
    await sender.reached.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await repo.close()

    repo = await make_repo(tmp_path)  # the restart
    clock.t += 21  # the claim lease (20 s) of the sends in flight runs out
    await worker_for(repo, sender).drain()
    counts = {chat: len(sender.to(chat)) for chat in range(1, 101)}
    assert all(n >= 1 for n in counts.values())
    assert sum(n - 1 for n in counts.values()) <= 4  # at most the sends in flight
    assert await Outbox(repo).statuses() == {"sent": 100}
    await repo.close()
    del box


class FlakyRepo:
    """The real repository, except that ``mark_sent`` fails once."""

    def __init__(self, repo: SqlRepository) -> None:
        self.repo = repo
        self.failed = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.repo, name)

    async def mark_sent(self, ids: list[int], message_id: int | None, now: dt.datetime) -> None:
        if not self.failed:
            self.failed = True
            raise OSError("database is locked")
        await self.repo.mark_sent(ids, message_id, now)


async def test_a_database_failure_ends_the_run_without_raising(repo: SqlRepository) -> None:
    box = await setup(repo, [1, 2, 3])
    sender = FakeSender(FakeClock())
    worker = DeliveryWorker(
        FlakyRepo(repo),
        sender,
        tz=KST,
        clock=sender.clock,
        now=sender.clock.now,
        sleep=sender.clock.sleep,
        max_in_flight=1,
    )
    report = await worker.drain()
    assert report.sent == 0 and len(sender.calls) == 1
    assert await box.statuses() == {"pending": 3}  # nothing lost: claimed rows come back


# --- digests -------------------------------------------------------------------------------


async def test_digest_sends_the_days_stories_in_one_message(repo: SqlRepository) -> None:
    box = Outbox(repo)
    await box.chat(7, language="ko")
    await repo.set_mode(7, "digest", dt.time(8, 0))
    for _ in range(3):
        await box.story(at=T0)
    sender = FakeSender(FakeClock())
    worker = worker_for(repo, sender)
    assert (await worker.drain()).sent == 0  # digest chats are not sent instantly
    chat = await repo.get_chat(7)
    assert chat is not None
    report = await worker.send_digest(chat, dt.date(2026, 2, 9))
    assert report.sent == 3 and len(sender.calls) == 1
    text = parse_html(sender.calls[0].text).text
    assert "오늘의 MOU 3건 · 2026-02-09" in text
    assert await box.statuses() == {"sent": 3}
    assert (await worker.send_digest(chat, dt.date(2026, 2, 10))).sent == 0
    assert len(sender.calls) == 1  # nothing when there is nothing new
