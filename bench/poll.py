"""A poll cycle at scale: 200 feeds x 50 items served from 127.0.0.1 (another process).

Reports, each next to a baseline measured in the same process so the figures travel:

- the first cycle, where all 10,000 entries are new (fetch, parse, extract, store, enqueue),
  against ``Extractor.extract_many`` alone on the same 10,000 articles;
- a cycle where nothing changed (every feed answers 304; target <= 2 s), against the same
  200 conditional GETs made with the bare httpx client.

Articles are the newest of ../shared/corpus/chosun-national.jsonl.gz (a real feed's mix: mostly
not MOUs, full text in the feed) when present, else the project's sample articles repeated.

    .venv/bin/python bench/poll.py [--feeds 200] [--items 50] [--chats 300] [--database URL]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gzip
import hashlib
import html
import json
import multiprocessing as mp
import os
import random
import tempfile
import time
from collections import deque
from email.utils import format_datetime
from pathlib import Path

import httpx

from core.settings import FetchSettings, ScheduleSettings, Settings
from devtools.sample_feed import load_sample_articles
from extractors.extractor import Extractor
from extractors.gate import passes_gate
from extractors.model import Article, Extraction
from feeds.fetch import FEED_ACCEPT, PER_HOST_CONNECTIONS, make_client
from feeds.pipeline import Poller
from subscriptions.models import NewItem, Topic
from subscriptions.store import open_repository

ROOT = Path(__file__).resolve().parents[1]

SHARED = Path(os.environ.get("MOU_ALERT_SHARED", ROOT.parent / "shared"))
COUNTRIES = ["US", "CN", "JP", "VN", "DE", "FR", "GB", "IN", "ID", "AU"]


def load_articles(count: int) -> tuple[list[dict[str, str]], str]:
    corpus = SHARED / "corpus" / "chosun-national.jsonl.gz"
    if corpus.exists():
        newest: deque[str] = deque(maxlen=count)
        with gzip.open(corpus, "rt", encoding="utf-8") as f:
            newest.extend(f)
        rows = [json.loads(line) for line in newest]
        return [{"title": r["title"], "body": r["html"], "url": r["url"]} for r in rows], str(
            corpus
        )
    samples = load_sample_articles()
    rows = []
    for i in range(count):
        a = samples[i % len(samples)]
        body = "".join(f"<p>{p}</p>" for p in a.paragraphs)
        rows.append({"title": f"{a.title} ({i})", "body": body, "url": f"https://e.kr/{i}"})
    return rows, "the project's sample articles, repeated"


def publication_dates(feeds: int, per_feed: int) -> list[dt.datetime]:
    """Recent dates (so entries alert), one per article, whole seconds as RSS carries them."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return [now - dt.timedelta(minutes=j + f % 7) for f in range(feeds) for j in range(per_feed)]


def write_feeds(
    folder: Path,
    articles: list[dict[str, str]],
    dates: list[dt.datetime],
    feeds: int,
    per_feed: int,
) -> None:
    for f in range(feeds):
        items = []
        for j in range(per_feed):
            a = articles[f * per_feed + j]
            published = format_datetime(dates[f * per_feed + j])
            items.append(
                f"<item><title>{html.escape(a['title'])}</title><link>{html.escape(a['url'])}"
                f"</link><guid>{html.escape(a['url'])}</guid><pubDate>{published}</pubDate>"
                f"<description>{html.escape(a['body'])}</description></item>"
            )
        document = (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>feed {f}</title><link>https://e.kr/{f}</link>{''.join(items)}"
            "</channel></rss>"
        )
        (folder / f"{f}.xml").write_text(document, encoding="utf-8")


def serve(folder: str, port_out: mp.Queue) -> None:  # type: ignore[type-arg]
    """The feed server, in its own process so it never competes with the poller for the GIL."""
    from aiohttp import web

    files = {p.name: p.read_bytes() for p in Path(folder).glob("*.xml")}
    etags = {
        name: '"' + hashlib.sha256(body).hexdigest()[:16] + '"' for name, body in files.items()
    }

    async def feed(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in files:
            raise web.HTTPNotFound()
        if request.headers.get("If-None-Match") == etags[name]:
            return web.Response(status=304, headers={"ETag": etags[name]})
        return web.Response(
            body=files[name], content_type="application/rss+xml", headers={"ETag": etags[name]}
        )

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/feeds/{name}", feed)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        port_out.put(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]
        await asyncio.Event().wait()

    asyncio.run(main())


async def bare_conditional_gets(urls: list[str], etags: dict[str, str]) -> float:
    """The same requests, as many at once as the poller makes to one host."""
    slots = asyncio.Semaphore(PER_HOST_CONNECTIONS)

    async def get(client: httpx.AsyncClient, url: str) -> httpx.Response:
        async with slots:
            return await client.get(
                url, headers={"Accept": FEED_ACCEPT, "If-None-Match": etags[url]}
            )

    async with make_client(FetchSettings(allow_private_addresses=True)) as client:
        await asyncio.gather(*(get(client, u) for u in urls[:8]))  # connections, as the poller has
        began = time.perf_counter()
        responses = await asyncio.gather(*(get(client, u) for u in urls))
        elapsed = time.perf_counter() - began
    assert all(r.status_code == 304 for r in responses)
    return elapsed


async def record_alone(
    batch: list[Article], extracted: list[Extraction], tmp: Path, database: str | None
) -> float:
    """Storing the items, without fetching or extracting (a database of its own)."""
    if database:  # a shared server database: the keys would collide with the cycle's
        return 0.0
    repo = await open_repository(f"sqlite+aiosqlite:///{tmp / 'store-alone.db'}")
    feed = await repo.upsert_feed("https://store-alone.example/", "store")
    now = dt.datetime.now(dt.UTC)
    began = time.perf_counter()
    for article, extraction in zip(batch, extracted, strict=True):
        item = NewItem(feed.id, article.url, article.url, article.title, now, "h", "store")
        await repo.record_item(item, extraction, now)
    elapsed = time.perf_counter() - began
    await repo.close()
    return elapsed


async def run(args: argparse.Namespace) -> None:
    total = args.feeds * args.items
    articles, source = load_articles(total)
    if len(articles) < total:
        raise SystemExit(f"only {len(articles)} articles in {source}")
    print(f"articles: {total} from {source}")
    print(
        f"  passing the keyword gate: {sum(passes_gate(a['title'], a['body']) for a in articles)}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "feeds"
        folder.mkdir()
        dates = publication_dates(args.feeds, args.items)
        write_feeds(folder, articles, dates, args.feeds, args.items)
        port_q: mp.Queue[int] = mp.get_context("spawn").Queue()
        server = mp.get_context("spawn").Process(target=serve, args=(str(folder), port_q))
        server.start()
        try:
            port = port_q.get(timeout=30)
            urls = [f"http://127.0.0.1:{port}/feeds/{f}.xml" for f in range(args.feeds)]
            await measure(args, articles, dates, urls, Path(tmp))
        finally:
            server.terminate()
            server.join()


async def measure(
    args: argparse.Namespace,
    articles: list[dict[str, str]],
    dates: list[dt.datetime],
    urls: list[str],
    tmp: Path,
) -> None:
    extractor = Extractor(num_workers=1)
    extractor.extract_many([Article("warm-up", "한국과 프랑스가 업무협약(MOU)을 체결했다.")])
    # What the pipeline hands the extractor: title, the feed's body, link and date.
    batch = [
        Article(a["title"].strip(), a["body"].strip(), a["url"], d)
        for a, d in zip(articles, dates, strict=True)
    ]
    began = time.perf_counter()
    extracted = extractor.extract_many(batch)
    baseline = time.perf_counter() - began
    mous = sum(e.is_mou for e in extracted)
    print(f"\nbaseline: extract_many on the same {len(batch)} articles: {baseline:.2f} s")
    print(f"  {len(batch) / baseline:.0f} articles/s, {mous} MOUs")

    store_alone = await record_alone(batch, extracted, tmp, args.database)
    print(f"baseline: record_item alone for the same {len(batch)} items: {store_alone:.2f} s")
    print(f"  {store_alone / len(batch) * 1000:.2f} ms per item (one transaction each)")

    db = args.database or f"sqlite+aiosqlite:///{tmp / 'poll.db'}"
    repo = await open_repository(db)
    rng = random.Random(7)
    for chat_id in range(1, args.chats + 1):
        await repo.upsert_chat(chat_id, type="private")
        await repo.add_subscription(chat_id, Topic(country=rng.choice(COUNTRIES)))
    for i, url in enumerate(urls):
        await repo.upsert_feed(url, f"feed {i}")
    settings = Settings(
        schedule=ScheduleSettings(poll_interval=600),
        fetch=FetchSettings(allow_private_addresses=True),
    )
    now = dt.datetime.now(dt.UTC)
    async with make_client(settings.fetch) as client:
        poller = Poller(repo, client, settings, extractor=extractor)
        try:
            first = await poller.poll_due(now)
            unchanged = await poller.poll_due(now + dt.timedelta(hours=7))
        finally:
            poller.close()
    feeds = await repo.list_feeds()
    await repo.close()
    etags = {f.url: f.etag or "" for f in feeds}
    bare = await bare_conditional_gets(urls, etags)

    print(f"\nfirst cycle, everything new ({db.split(':', 1)[0]}):")
    print(f"  {first.summary()}")
    print(f"  ratio to extraction alone: {first.seconds / baseline:.2f}x")
    print(f"  ratio to extraction + storage alone: {first.seconds / (baseline + store_alone):.2f}x")
    print("\ncycle where nothing changed:")
    print(f"  {unchanged.summary()}")
    print(f"  target <= 2 s: {'met' if unchanged.seconds <= 2 else 'MISSED'}")
    print(f"  bare client, same {len(urls)} conditional GETs: {bare:.2f} s")
    print(f"  ratio to the bare GETs: {unchanged.seconds / bare:.2f}x")
    if first.errors or unchanged.errors or unchanged.not_modified != len(urls):
        print(f"  problems: {first.errors[:3]} {unchanged.errors[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--chats", type=int, default=300, help="subscribed chats (deliveries)")
    parser.add_argument("--database", default=None, help="database URL (default: temp SQLite)")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
