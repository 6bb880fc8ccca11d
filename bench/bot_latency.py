"""Round trip of bot commands while the bot ingests 500 new articles.

The bot runs as it does in production (``mou-alert run`` in its own process) against the local
Bot API stand-in and the sample feed server, both in this process. A person sends commands one
after another (``/help``, ``/list``, ``/latest 5``, ``/summary France``); the round trip is from
the update being queued on the stand-in to the reply arriving there. First a baseline with the
feeds idle (each poll a 304), then the same commands while the feeds publish ``--articles`` new
articles at once, which the bot fetches (feed and article pages), runs through the extractor and
stores, with alerts fanned out to ``--subscribers`` chats. Target: p99 <= 100 ms under ingest
(commands never wait for extraction or fetching); the ratio to the baseline is printed.

    .venv/bin/python bench/bot_latency.py [--articles 500] [--commands 200]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path

from devtools.sample_feed.server import (
    OUTLETS,
    SampleArticle,
    SampleFeedServer,
    load_sample_articles,
)
from devtools.standin import BotApiStandin
from subscriptions.store import SqlRepository, open_repository

ROOT = Path(__file__).resolve().parents[1]
PERSON = 5000
COMMANDS = ("/help", "/list", "/latest 5", "/summary France")


def articles(count: int) -> list[SampleArticle]:
    """``count`` distinct articles made from the sample ones, spread over every outlet."""
    samples = load_sample_articles()
    outlets = list(OUTLETS)
    made = []
    for i in range(count):
        base = samples[i % len(samples)]
        made.append(
            replace(
                base,
                slug=f"{base.slug}-{i}",
                outlet=outlets[i % len(outlets)],
                title=f"{base.title} ({i})",
                paragraphs=(f"[{i}] {base.paragraphs[0]}", *base.paragraphs[1:]),
            )
        )
    return made


def serve_feeds(n_articles: int, conn: Connection) -> None:
    """The sample feed server in a process of its own: its page rendering must not share this
    process's interpreter lock with the stand-in that timestamps the replies."""
    with SampleFeedServer(articles=articles(n_articles), visible=0) as server:
        conn.send((server.base_url, server.feed_urls()))
        while (order := conn.recv()) != "stop":
            conn.send(len(server.release(int(order))))


def config(tmp: Path, api: BotApiStandin, feed_urls: dict[str, str]) -> Path:
    path = tmp / "config.toml"
    feeds = "".join(
        f'[[feeds]]\nurl = "{url}"\nname = "{name}"\n' for url, name in feed_urls.items()
    )
    path.write_text(
        f'[telegram]\nbase_url = "{api.base_url}"\n'
        f'[database]\nurl = "sqlite+aiosqlite:///{tmp / "bench.db"}"\n'
        "[schedule]\npoll_interval = 1\nadaptive = false\n"
        "[fetch]\nallow_private_addresses = true\n" + feeds
    )
    return path


async def round_trip(api: BotApiStandin, text: str) -> float:
    before = len(api.messages(PERSON))
    start = time.monotonic()
    api.user_sends(PERSON, text)
    await api.wait_for_messages(PERSON, before + 1, timeout=30)
    return api.messages(PERSON)[before].at - start


async def measure(api: BotApiStandin, count: int, gap: float) -> list[float]:
    """``count`` commands, one at a time, ``gap`` seconds apart (a person, not a flood: the
    application's rate limiter allows 30 messages a second overall)."""
    times = []
    for i in range(count):
        times.append(await round_trip(api, COMMANDS[i % len(COMMANDS)]))
        await asyncio.sleep(gap)
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(name: str, times: list[float]) -> tuple[float, float]:
    p50, p99 = statistics.median(times), percentile(times, 0.99)
    print(
        f"{name:<10} n={len(times):4d}  p50 {p50 * 1000:6.1f} ms  p99 {p99 * 1000:6.1f} ms  "
        f"max {max(times) * 1000:6.1f} ms"
    )
    return p50, p99


async def stored_items(repo: SqlRepository, keys: list[str]) -> int:
    return len(await repo.known_keys(keys))


async def main(n_articles: int, n_commands: int, subscribers: int, gap: float) -> int:
    made = articles(n_articles)
    feeds_conn, child_conn = multiprocessing.Pipe()
    feeds = multiprocessing.get_context("spawn").Process(
        target=serve_feeds, args=(n_articles, child_conn), daemon=True
    )
    feeds.start()
    base_url, feed_urls = feeds_conn.recv()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        async with BotApiStandin() as api:
            env = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token, "MOU_ALERT_LOG_LEVEL": "WARNING"}
            cfg = config(tmp, api, feed_urls)
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", "--config", str(cfg), cwd=ROOT, env=env
            )
            try:
                await api.wait_until(lambda: "ko" in api.commands, 60, what="bot start")
                for chat in range(1, subscribers + 1):
                    api.user_sends(chat, "/subscribe France, AI, Germany, United States")
                await round_trip(api, "/subscribe Iceland")
                await api.wait_for_updates_consumed(30)
                await measure(api, 20, gap)  # warm-up: connections, caches
                baseline = await measure(api, n_commands, gap)

                repo = await open_repository(f"sqlite+aiosqlite:///{tmp / 'bench.db'}")
                keys = [f"{base_url}/news/{a.slug}.html" for a in made]
                ingest_started = time.monotonic()
                feeds_conn.send(n_articles)
                feeds_conn.recv()
                stored = 0
                loaded: list[float] = []
                while stored < n_articles and time.monotonic() - ingest_started < 600:
                    loaded += await measure(api, len(COMMANDS), gap)
                    stored = await stored_items(repo, keys)
                ingest_seconds = time.monotonic() - ingest_started
                stats = await repo.stats()
                await repo.close()
            finally:
                proc.terminate()
                status = await proc.wait()
                feeds_conn.send("stop")
                feeds.join(10)

    print(f"bot latency: {n_articles} new articles, {subscribers} subscribed chats")
    print(
        f"ingest: {stored}/{n_articles} articles stored in {ingest_seconds:.1f} s; "
        f"{stats.stories} stories, deliveries {stats.deliveries}"
    )
    b50, b99 = report("baseline", baseline)
    l50, l99 = report("ingest", loaded)
    print(f"ratio ingest/baseline: p50 {l50 / b50:.2f}x  p99 {l99 / b99:.2f}x")
    print(f"target p99 <= 100 ms under ingest: {'met' if l99 <= 0.100 else 'NOT met'}")
    print(f"bot exit status after SIGTERM: {status}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--commands", type=int, default=200, help="baseline commands")
    parser.add_argument("--subscribers", type=int, default=20)
    parser.add_argument("--gap", type=float, default=0.1, help="seconds between commands")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.articles, args.commands, args.subscribers, args.gap)))
