"""Fan-out of one story to many chats through the Bot API stand-in enforcing Telegram's limits.

The real worker (``bot.delivery.worker``) sends with a real ``telegram.Bot`` over HTTP to the local
stand-in, which counts every request against 30 messages/s overall, 1/s per chat and 20/min per
group and answers 429 to any excess. Reports the sustained rate (accepted sends per second
between the first and the last, and over the middle 90 %) as a ratio of the 30/s limit (target
>= 0.95), the 429s the bot caused (target 0) and requests inside a retry_after window.

``--flood SHARE`` also makes the stand-in answer that share of sends with 429 (retry_after 1 s)
for the first ``--flood-seconds``: everything must still arrive, with no request in a window.

    .venv/bin/python bench/delivery_fanout.py [--chats 10000] [--groups 50] [--flood 0.1]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from telegram import Bot

from bot.delivery.sending import BotSender, dedicated_bot
from bot.delivery.worker import DeliveryWorker
from devtools.standin import BotApiStandin, Limits
from extractors.model import Extraction
from subscriptions.models import NewItem
from subscriptions.store import CHATS, SUBS, SqlRepository, open_repository

LIMIT = 30.0
NOW = dt.datetime.now(dt.UTC)


async def populate(repo: SqlRepository, api: BotApiStandin, chats: int, groups: int) -> int:
    ids = [*range(1, chats + 1), *(-1_000_000_000_000 - i for i in range(1, groups + 1))]
    rows = [
        {
            "id": i,
            "type": "private" if i > 0 else "supergroup",
            "title": "",
            "language": "ko" if i % 2 else "en",
            "mode": "instant",
            "active": True,
            "created_at": NOW,
        }
        for i in ids
    ]
    subs = [{"chat_id": i, "country": "FR", "sector": "", "created_at": NOW} for i in ids]
    async with repo.engine.begin() as conn:
        await conn.execute(insert(CHATS), rows)
        await conn.execute(insert(SUBS), subs)
    for i in ids:
        api.add_chat(i, "private" if i > 0 else "supergroup")
    feed = await repo.upsert_feed("https://feed.example/rss", "Feed")
    item = NewItem(
        feed_id=feed.id,
        key="bench-story",
        url="https://news.example/bench",
        title="한-프랑스 인공지능 협력 MOU 체결",
        published=NOW,
        text_hash="h",
        outlet="연합뉴스",
    )
    extraction = Extraction(
        is_mou=True,
        status="signed",
        countries=("FR",),
        sectors=("ai",),
        parties=(("삼성전자", "Thales"),),
        summary="양국 기업이 AI 협력 MOU를 맺었다.",
    )
    return (await repo.record_item(item, extraction, NOW)).deliveries


def sustained(times: list[float]) -> tuple[float, float]:
    """(rate first-to-last, rate over the middle 90 %) in messages per second."""
    times = sorted(times)
    if len(times) < 2:
        return 0.0, 0.0
    whole = (len(times) - 1) / (times[-1] - times[0])
    lo, hi = int(len(times) * 0.05), int(len(times) * 0.95) - 1
    middle = (hi - lo) / (times[hi] - times[lo]) if hi > lo else whole
    return whole, middle


async def main(chats: int, groups: int, flood: float, flood_seconds: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        repo = await open_repository(f"sqlite+aiosqlite:///{Path(tmp) / 'fanout.db'}")
        async with BotApiStandin(limits=Limits()) as api:
            queued = await populate(repo, api, chats, groups)
            print(f"queued {queued} deliveries ({chats} private chats, {groups} groups)")
            async with Bot(api.token, base_url=api.base_url) as bot:
                sender = BotSender(dedicated_bot(bot), owns_bot=True)
                worker = DeliveryWorker(repo, sender, tz=ZoneInfo("Asia/Seoul"))
                if flood:
                    api.flood(flood, retry_after=1, duration=flood_seconds, seed=1)
                began = time.perf_counter()
                report = await worker.drain()
                took = time.perf_counter() - began
                await worker.aclose()
            stats = api.stats
            whole, middle = sustained(stats.send_times)
            print(f"sent {report.sent} in {took:.1f} s; pauses for 429: {report.pauses}")
            print(f"sustained rate: {whole:.2f}/s (ratio to the 30/s limit {whole / LIMIT:.3f})")
            print(f"middle 90 %:    {middle:.2f}/s (ratio {middle / LIMIT:.3f})")
            caused = {k: v for k, v in stats.too_many_requests.items() if k not in ("flood",)}
            print(f"429s caused by pacing: {sum(caused.values())} {dict(caused)}")
            print(f"429s injected (flood): {stats.too_many_requests.get('flood', 0)}")
            print(f"requests inside a retry_after window: {len(stats.violations)}")
            print(f"entity rejects: {len(stats.entity_rejects)}")
            lost = queued - stats.total_sent
            print(f"delivered {stats.total_sent}/{queued} (missing {lost})")
        await repo.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=2000)
    parser.add_argument("--groups", type=int, default=20)
    parser.add_argument("--flood", type=float, default=0.0)
    parser.add_argument("--flood-seconds", type=float, default=10.0)
    args = parser.parse_args()
    asyncio.run(main(args.chats, args.groups, args.flood, args.flood_seconds))
