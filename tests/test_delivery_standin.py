"""The worker with a real ``telegram.Bot`` as its Sender, talking HTTP to the Bot API
stand-in: Telegram's answers (429, 403, migration, entity errors) as PTB raises them."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from delivery_support import Outbox, make_repo
from telegram import Bot

from bot.delivery.sending import BotSender, dedicated_bot
from bot.delivery.worker import DeliveryWorker
from devtools.standin import ApiError, BotApiStandin, Limits
from subscriptions.store import SqlRepository

KST = ZoneInfo("Asia/Seoul")


@dataclass
class Rig:
    api: BotApiStandin
    repo: SqlRepository
    box: Outbox
    worker: DeliveryWorker

    async def chats(self, ids: list[int], country: str = "FR", chat_type: str = "private") -> None:
        for chat_id in ids:
            self.api.add_chat(chat_id, chat_type)
            await self.box.chat(chat_id, country, type=chat_type)

    async def story(self) -> int:
        return await self.box.story(at=dt.datetime.now(dt.UTC))


@pytest.fixture
async def rig(standin: BotApiStandin, standin_bot: Bot, tmp_path: Path) -> AsyncIterator[Rig]:
    repo = await make_repo(tmp_path)
    worker = DeliveryWorker(
        repo, BotSender(dedicated_bot(standin_bot), owns_bot=True), tz=KST, max_sleep=0.05
    )
    yield Rig(standin, repo, Outbox(repo), worker)
    await worker.aclose()
    await repo.close()


async def test_alerts_arrive_as_telegram_html_without_previews(rig: Rig) -> None:
    await rig.chats([11, 12])
    await rig.story()
    report = await rig.worker.drain()
    assert report.sent == 2
    for chat_id in (11, 12):
        [message] = rig.api.messages(chat_id)
        assert message.parse_mode == "HTML"
        assert any(e.type == "text_link" for e in message.entities)
        assert message.link_preview_options == {"is_disabled": True}
    assert rig.api.stats.entity_rejects == []


async def test_a_429_window_is_respected(rig: Rig) -> None:
    await rig.chats(list(range(21, 31)))
    await rig.story()
    rig.api.fail_next("sendMessage", ApiError.too_many_requests(1))
    report = await rig.worker.drain()
    assert report.pauses == 1 and report.sent == 10
    assert rig.api.stats.violations == []  # no request inside the retry_after window
    assert all(len(rig.api.messages(c)) == 1 for c in range(21, 31))


async def test_a_flood_delivers_everything_without_a_request_in_a_window(rig: Rig) -> None:
    await rig.chats(list(range(41, 61)))
    await rig.story()
    rig.api.flood(0.3, retry_after=1, duration=1.5, seed=7)
    report = await rig.worker.drain()
    assert report.sent == 20 and report.pauses >= 1
    assert rig.api.stats.violations == []
    assert await rig.box.statuses() == {"sent": 20}


async def test_a_blocked_chat_becomes_inactive(rig: Rig) -> None:
    await rig.chats([71, 72])
    rig.api.block(71, notify=False)
    await rig.story()
    await rig.story()
    report = await rig.worker.drain()
    chat = await rig.repo.get_chat(71)
    assert chat is not None and not chat.active
    assert chat.stopped_reason == "Forbidden: bot was blocked by the user"
    assert report.dropped == 2 and len(rig.api.messages(72)) == 2
    assert rig.api.stats.errors["Forbidden: bot was blocked by the user"] == 1


async def test_a_migrated_group_gets_the_message_at_its_new_id(rig: Rig) -> None:
    await rig.chats([-4001], chat_type="group")
    new_id = rig.api.migrate(-4001, -1004001, notify=False)
    await rig.story()
    report = await rig.worker.drain()
    assert report.migrated == 1 and report.sent == 1
    assert len(rig.api.messages(new_id)) == 1
    assert await rig.repo.get_chat(-4001) is None
    moved = await rig.repo.get_chat(new_id)
    assert moved is not None and moved.active


async def test_rejected_html_is_resent_as_plain_text(rig: Rig) -> None:
    await rig.chats([81])
    await rig.story()
    rig.api.fail_next("sendMessage", ApiError.cant_parse_entities("unsupported start tag"))
    await rig.worker.drain()
    [message] = rig.api.messages(81)
    assert message.parse_mode is None and "https://news.example/1" in message.text


async def test_fan_out_under_telegrams_limits_causes_no_429(rig: Rig) -> None:
    rig.api.set_limits(Limits())
    groups = [-5001, -5002]
    await rig.chats(list(range(1001, 1041)))
    await rig.chats(groups, chat_type="supergroup")
    for _ in range(2):
        await rig.story()
    report = await rig.worker.drain()
    assert report.sent == 2 * 42
    assert rig.api.stats.total_429 == 0, rig.api.stats.too_many_requests
    assert rig.api.stats.violations == []
