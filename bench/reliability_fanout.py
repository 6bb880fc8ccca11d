"""Fan-out of one story to 10,000 subscribers through the bot process, under Telegram's limits.

The bot runs as in production (``python -m bot.cli run --config ...``) against the Bot API
stand-in, which enforces 30 messages/s overall, 1/s per chat and 20/min per group and answers
429 to any excess. 10,000 chats (some of them groups) follow France; one France story is in the
outbox when the bot starts. Reports the sustained rate (first to last accepted send, and over
the middle 90 %) as a ratio of the 30/s limit (target >= 0.95), the 429s the bot caused
(target 0), requests inside a retry_after window, and every chat's count (exactly one each).

``--flood SHARE`` also answers that share of sends with 429 (retry_after 1 s) for the first
``--flood-seconds``; ``--commands N`` has N people send a command each during the fan-out.

    .venv/bin/python bench/reliability_fanout.py [--chats 10000] [--groups 100]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections import Counter
from pathlib import Path

from devtools.reliability import BotProcess, seed_chats, seed_story, write_config
from devtools.standin import BotApiStandin, Limits
from subscriptions.models import Topic
from subscriptions.store import open_repository

LIMIT = 30.0


def sustained(times: list[float]) -> tuple[float, float]:
    """(rate first-to-last, rate over the middle 90 %) in messages per second."""
    times = sorted(times)
    if len(times) < 2:
        return 0.0, 0.0
    whole = (len(times) - 1) / (times[-1] - times[0])
    lo, hi = int(len(times) * 0.05), int(len(times) * 0.95) - 1
    middle = (hi - lo) / (times[hi] - times[lo]) if hi > lo else whole
    return whole, middle


async def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = f"sqlite+aiosqlite:///{tmp / 'bot.db'}"
        async with BotApiStandin(limits=Limits()) as api:
            repo = await open_repository(db)
            private = range(1, args.chats - args.groups + 1)
            groups = [-1_000_000_000_000 - i for i in range(1, args.groups + 1)]
            chats = await seed_chats(repo, api, [*private, *groups], Topic(country="FR"))
            queued = await seed_story(repo, "fanout", "한-프랑스 인공지능 협력 MOU 체결", ("FR",))
            await repo.close()
            print(
                f"{queued} deliveries queued ({len(private)} private chats, {len(groups)} groups)"
            )

            bot = BotProcess(write_config(tmp / "c.toml", api, db), api.token, tmp / "bot.log")
            try:
                startup = await bot.start_and_wait(api)
                print(f"bot up in {startup:.2f} s (first getUpdates)")
                if args.flood:
                    api.flood(args.flood, retry_after=1, duration=args.flood_seconds, seed=1)
                began = time.monotonic()
                asked, report_at = 0, began + 60
                while api.stats.total_sent < queued:
                    assert bot.alive, bot.tail()
                    if asked < args.commands and time.monotonic() - began > 2 + asked:
                        api.user_sends(900_000 + asked, "/help")
                        asked += 1
                    await asyncio.sleep(0.5)
                    if time.monotonic() >= report_at:
                        report_at += 60
                        print(f"  {api.stats.total_sent}/{queued} sent", flush=True)
                took = time.monotonic() - began
                rss, peak = bot.memory_kb()
                await asyncio.sleep(1)
                code = await bot.stop()
            finally:
                await bot.kill()

            stats = api.stats
            fanout_times = sorted(stats.send_times)
            whole, middle = sustained(fanout_times)
            received = Counter({c: stats.sent[c] for c in chats})
            caused = {k: n for k, n in stats.too_many_requests.items() if k != "flood"}
            print(f"\nall {queued} sent in {took:.1f} s after start-up; bot exit status {code}")
            print(f"sustained rate:      {whole:6.2f}/s  ratio to 30/s: {whole / LIMIT:.3f}")
            print(f"middle 90 % rate:    {middle:6.2f}/s  ratio to 30/s: {middle / LIMIT:.3f}")
            print(f"429s caused:         {sum(caused.values())} {caused}")
            print(f"429s injected:       {stats.too_many_requests.get('flood', 0)}")
            print(f"in retry_after window: {len(stats.violations)}")
            print(f"entity rejects:      {len(stats.entity_rejects)}")
            missing = sum(1 for c in chats if received[c] == 0)
            twice = sum(1 for c in chats if received[c] > 1)
            print(f"chats missing:       {missing}; chats with more than one: {twice}")
            print(f"bot memory at the end: {rss / 1024:.0f} MiB resident ({peak / 1024:.0f} peak)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=10_000)
    parser.add_argument("--groups", type=int, default=100)
    parser.add_argument("--flood", type=float, default=0.0)
    parser.add_argument("--flood-seconds", type=float, default=10.0)
    parser.add_argument("--commands", type=int, default=0)
    asyncio.run(run(parser.parse_args()))
