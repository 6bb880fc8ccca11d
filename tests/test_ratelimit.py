"""Command replies go through the same Pacer as alerts: one budget, one flood pause."""

from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.pacing import Pacer
from bot.ratelimit import PacedRateLimiter


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def limiter(time: FakeTime, retries: int = 3) -> PacedRateLimiter:
    return PacedRateLimiter(Pacer(clock=time.clock), max_retries=retries, sleep=time.sleep)


async def send(rl: PacedRateLimiter, callback: Any, chat_id: object = 5) -> Any:
    return await rl.process_request(callback, (), {}, "sendMessage", {"chat_id": chat_id}, None)


async def test_a_retry_after_pauses_every_sender_and_the_reply_is_retried() -> None:
    time = FakeTime()
    rl = limiter(time)
    calls: list[float] = []

    async def flaky() -> dict[str, Any]:
        calls.append(time.now)
        if len(calls) == 1:
            raise RetryAfter(3)
        return {"ok": True}

    assert await send(rl, flaky) == {"ok": True}
    assert calls[1] - calls[0] >= 3  # nothing left inside the window
    # The delivery worker shares the pacer: it sees the same pause.
    rl.pacer.pause(2)
    assert rl.pacer.delay(-100) >= 2


async def test_retries_are_bounded() -> None:
    time = FakeTime()
    rl = limiter(time, retries=1)

    async def always_flooded() -> dict[str, Any]:
        raise RetryAfter(1)

    with pytest.raises(RetryAfter):
        await send(rl, always_flooded)


async def test_replies_to_one_person_are_not_held_to_one_a_second_but_groups_are() -> None:
    time = FakeTime()
    rl = limiter(time)

    async def ok() -> bool:
        return True

    for _ in range(3):
        await send(rl, ok, chat_id=5)
    assert sum(time.slept) < 0.5  # a person's quick commands get quick replies
    for _ in range(21):
        await send(rl, ok, chat_id="-1001")  # a group: 20 a minute
    assert sum(time.slept) >= 55


async def test_an_alert_to_a_chat_waits_for_a_reply_just_sent_there() -> None:
    time = FakeTime()
    rl = limiter(time)

    async def ok() -> bool:
        return True

    await send(rl, ok, chat_id=5)
    assert rl.pacer.delay(5) > 0  # the worker (per-chat rule on) must wait its second


async def test_other_methods_pass_straight_through() -> None:
    time = FakeTime()
    rl = limiter(time)
    rl.pacer.pause(30)

    async def updates() -> list[dict[str, Any]]:
        return []

    got = await rl.process_request(updates, (), {}, "getUpdates", {"timeout": 10}, None)
    assert got == [] and time.slept == []
