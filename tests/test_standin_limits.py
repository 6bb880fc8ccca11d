"""Telegram's sending limits, retry_after windows and floods in the stand-in (the counters
issue 6's reliability tests read)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from telegram import Bot, Update
from telegram.error import RetryAfter
from telegram.ext import AIORateLimiter, Application, CommandHandler, ContextTypes

from devtools.standin import ApiError, BotApiStandin, Limits
from devtools.standin.limits import RetryWindows

# PTB 22 warns about its own RetryAfter internals on every 429; not this code's concern.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def limited(clock: Clock) -> AsyncIterator[tuple[BotApiStandin, Bot]]:
    api = BotApiStandin(limits=Limits(), clock=clock)
    async with api, Bot(api.token, base_url=api.base_url) as bot:
        yield api, bot


async def test_one_message_a_second_per_chat(
    limited: tuple[BotApiStandin, Bot], clock: Clock
) -> None:
    api, bot = limited
    api.add_chat(1)
    await bot.send_message(1, "first")
    with pytest.raises(RetryAfter, match="Retry in 1 seconds"):
        await bot.send_message(1, "second")
    clock.t += 1.0
    await bot.send_message(1, "second")
    assert api.stats.too_many_requests == {"chat": 1}
    assert api.stats.sent[1] == 2 and api.stats.violations == []


async def test_twenty_a_minute_per_group(limited: tuple[BotApiStandin, Bot], clock: Clock) -> None:
    api, bot = limited
    api.add_chat(-5, "group")
    for _ in range(20):
        await bot.send_message(-5, "x")
        clock.t += 1.0
    with pytest.raises(
        RetryAfter, match="Retry in 40 seconds"
    ):  # the first of the 20 leaves the minute
        await bot.send_message(-5, "21st")
    assert api.stats.too_many_requests == {"group": 1}


async def test_thirty_a_second_overall(limited: tuple[BotApiStandin, Bot], clock: Clock) -> None:
    api, bot = limited
    for chat in range(1, 32):
        api.add_chat(chat)
    for chat in range(1, 31):
        await bot.send_message(chat, "x")
    with pytest.raises(RetryAfter):
        await bot.send_message(31, "x")
    assert api.stats.too_many_requests == {"overall": 1}
    clock.t += 1.0
    await bot.send_message(31, "x")
    assert api.stats.total_sent == 31
    assert api.stats.send_times == [1000.0] * 30 + [1001.0]
    assert api.stats.first_request["sendmessage"] == 1000.0
    api.stats.reset()
    assert api.stats.total_sent == 0 and api.stats.total_429 == 0 and not api.stats.requests


async def test_requests_inside_a_retry_after_window_are_counted(
    limited: tuple[BotApiStandin, Bot], clock: Clock
) -> None:
    api, bot = limited
    api.add_chat(1)
    api.add_chat(2)
    api.fail_next("sendMessage", ApiError.too_many_requests(3))
    with pytest.raises(RetryAfter):
        await bot.send_message(1, "x")
    clock.t += 1.0
    with pytest.raises(RetryAfter, match="Retry in 2 seconds"):
        await bot.send_message(2, "too early, even for another chat")
    [violation] = api.stats.violations
    assert (violation.method, violation.chat_id, violation.early_by) == ("sendmessage", 2, 2.0)
    clock.t += 2.0
    await bot.send_message(2, "on time")
    assert api.stats.too_many_requests == {"injected": 1, "window": 1}
    assert len(api.stats.violations) == 1


async def test_a_per_chat_window_does_not_hold_other_chats(
    limited: tuple[BotApiStandin, Bot],
) -> None:
    api, bot = limited
    api.add_chat(1)
    api.add_chat(2)
    await bot.send_message(1, "x")
    with pytest.raises(RetryAfter):
        await bot.send_message(1, "y")
    await bot.send_message(2, "another chat is fine")
    assert api.stats.violations == []


async def test_flood_answers_a_share_with_429_for_a_while(clock: Clock) -> None:
    async with BotApiStandin(clock=clock) as api, Bot(api.token, base_url=api.base_url) as bot:
        api.add_chat(1)
        api.flood(0.5, retry_after=2, duration=60, seed=1)
        outcomes = []
        for _ in range(40):
            clock.t += 2.0  # always wait out the window, as a good client does
            try:
                await bot.send_message(1, "x")
                outcomes.append("ok")
            except RetryAfter:
                outcomes.append("429")
        assert 5 < outcomes.count("429") < 35 and api.stats.violations == []
        assert api.stats.too_many_requests == {"flood": outcomes.count("429")}
        clock.t += 60.0
        await bot.send_message(1, "the flood is over")


async def test_real_application_with_aioratelimiter_waits_out_retry_after(
    standin: BotApiStandin,
) -> None:
    """The real Application polls the stand-in, answers a command twice in one second, and
    PTB's AIORateLimiter waits out the 429 (a real 1 s wait): nothing lost, no violation."""
    standin.set_limits(Limits())

    async def twice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, "one")
        await context.bot.send_message(update.effective_chat.id, "two")

    app = (
        Application.builder()
        .token(standin.token)
        .base_url(standin.base_url)
        .rate_limiter(AIORateLimiter(max_retries=2))
        .build()
    )
    app.add_handler(CommandHandler("twice", twice))
    async with app:
        assert app.updater is not None
        await app.updater.start_polling(timeout=5)
        await app.start()
        standin.user_sends(42, "/twice")
        sent = await standin.wait_for_messages(42, 2, timeout=10)
        await app.updater.stop()
        await app.stop()
    assert [m.text for m in sent] == ["one", "two"]
    assert standin.stats.too_many_requests == {"chat": 1}
    assert standin.stats.violations == []
    await asyncio.sleep(0)


def test_a_request_crossing_the_429_on_the_wire_is_not_a_violation() -> None:
    now = [100.0]
    windows = RetryWindows(lambda: now[0], crossing=0.05)
    windows.open(None, 2)
    now[0] += 0.001  # left the client before the 429 reached it
    assert windows.remaining(7) > 0 and windows.crossed(7)
    now[0] += 0.5  # sent after the client knew: a violation
    assert windows.remaining(7) > 0 and not windows.crossed(7)
    now[0] += 2.0
    assert windows.remaining(7) == 0 and not windows.crossed(7)
