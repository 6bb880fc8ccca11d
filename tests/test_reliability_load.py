"""Fan-out under Telegram's limits and a flood of 429s, through the real bot process.

The stand-in enforces 30 messages/s overall, 1/s per chat and 20/min per group and answers
429 to any excess (counted by cause), and it records every request that arrives inside a
retry_after window it gave. Rates are not asserted here (no timed assertions in tests):
``bench/reliability_fanout.py`` measures them on 10,000 chats.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest

from devtools.reliability import (
    BotProcess,
    bot_process,
    delivery_rows,
    seed_chats,
    seed_story,
    write_config,
)
from devtools.standin import BotApiStandin, Limits
from subscriptions.models import Topic
from subscriptions.store import SqlRepository

pytestmark = pytest.mark.slow


async def wait_all_sent(bot: BotProcess, repo: SqlRepository, within: float = 120) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        rows = await delivery_rows(repo)
        if rows and all(status == "sent" for _c, _s, status, _a in rows):
            return
        assert bot.alive, bot.tail()
        assert loop.time() < deadline, f"not all sent: {Counter(r[2] for r in rows)}"
        await asyncio.sleep(0.2)


async def test_fanout_under_telegram_limits_provokes_no_429(
    standin: BotApiStandin, repo: SqlRepository, db_url: str, tmp_path: Path
) -> None:
    standin.set_limits(Limits())  # 30/s overall, 1/s per chat, 20/min per group
    private = await seed_chats(repo, standin, range(1, 121), Topic(country="FR"))
    groups = await seed_chats(
        repo, standin, [-1_000_000_000_000 - i for i in range(1, 21)], Topic(country="FR")
    )
    chats = private + groups
    assert await seed_story(repo, "fan-1", "한-프랑스 인공지능 협력 MOU 체결", ("FR",)) == 140

    config = write_config(tmp_path / "c.toml", standin, db_url)
    async with bot_process(standin, config, tmp_path / "bot.log") as bot:
        await wait_all_sent(bot, repo)
        assert await bot.stop() == 0, bot.tail()

    stats = standin.stats
    assert stats.total_429 == 0, dict(stats.too_many_requests)
    assert not stats.violations
    assert {c: stats.sent[c] for c in chats} == dict.fromkeys(chats, 1)
    assert not stats.entity_rejects


async def test_a_flood_of_429s_loses_nothing_and_no_request_lands_in_a_window(
    standin: BotApiStandin, repo: SqlRepository, db_url: str, tmp_path: Path
) -> None:
    chats = await seed_chats(repo, standin, range(1, 101), Topic(country="FR"))
    assert await seed_story(repo, "flood-1", "한-프랑스 인공지능 협력 MOU 체결", ("FR",)) == 100

    config = write_config(tmp_path / "c.toml", standin, db_url)
    async with bot_process(standin, config, tmp_path / "bot.log") as bot:
        # A third of every send is answered 429 (retry_after 1 s) for the next 4 seconds.
        standin.flood(0.3, retry_after=1, duration=4.0, seed=7)
        await wait_all_sent(bot, repo)
        assert await bot.stop() == 0, bot.tail()

    stats = standin.stats
    assert stats.too_many_requests["flood"] >= 3, "the flood should have hit several sends"
    assert not stats.violations, violations(standin)
    assert {c: stats.sent[c] for c in chats} == dict.fromkeys(chats, 1)
    assert not stats.entity_rejects


async def test_commands_during_a_fanout_and_a_flood_stay_within_limits_and_windows(
    standin: BotApiStandin, repo: SqlRepository, db_url: str, tmp_path: Path
) -> None:
    standin.set_limits(Limits())
    chats = await seed_chats(repo, standin, range(1, 81), Topic(country="FR"))
    assert await seed_story(repo, "mix-1", "한-프랑스 인공지능 협력 MOU 체결", ("FR",)) == 80

    config = write_config(tmp_path / "c.toml", standin, db_url)
    async with bot_process(standin, config, tmp_path / "bot.log") as bot:
        await bot.wait_until(standin, lambda: standin.stats.total_sent >= 20, 30, "fan-out")
        people = range(6000, 6004)
        for person in people:  # one command every 0.4 s, each from another person
            standin.user_sends(person, "/start")
            await asyncio.sleep(0.4)
        standin.flood(0.3, retry_after=1, duration=4.0, seed=3)
        for person in people:
            standin.user_sends(person, "/help")
            await asyncio.sleep(0.4)
        await wait_all_sent(bot, repo)
        await bot.wait_until(
            standin, lambda: all(len(standin.messages(p)) >= 2 for p in people), 30, "replies"
        )
        assert await bot.stop() == 0, bot.tail()

    stats = standin.stats
    caused = {k: n for k, n in stats.too_many_requests.items() if k != "flood"}
    assert not stats.violations, violations(standin)
    assert not caused, caused
    assert {c: stats.sent[c] for c in chats} == dict.fromkeys(chats, 1)


def violations(api: BotApiStandin) -> list[tuple[str, int | None, float]]:
    return [(v.method, v.chat_id, round(v.early_by, 3)) for v in api.stats.violations[:10]]
