"""The sandbox's history from day one: invented MOU articles (``history.json``) dated so many
days before now, stored through ``feeds.backfill`` so that ``/summary``, ``/search`` and
``/export`` have something to show at once. Runs in a child process: Kiwi is loaded there and
its memory goes when the child ends."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import multiprocessing
from importlib import resources

from extractors.model import Article
from feeds.backfill import BackfillReport, Source, backfill_sources, no_bar

BASE_URL = "https://sample.mou-alert.invalid/history/"


def history_sources(now: dt.datetime) -> list[Source]:
    raw = resources.files("devtools.sample_feed").joinpath("history.json").read_text("utf-8")
    sources = []
    for entry in json.loads(raw):
        published = (now - dt.timedelta(days=int(entry["days_ago"]))).replace(microsecond=0)
        url = BASE_URL + entry["slug"]
        article = Article(entry["title"], "\n".join(entry["paragraphs"]), url, published)
        sources.append(Source(url, article, entry["outlet"]))
    return sources


async def load_history(database_url: str, now: dt.datetime) -> BackfillReport:
    from extractors.extractor import Extractor
    from subscriptions.store import open_repository

    repo = await open_repository(database_url)
    try:
        return await backfill_sources(history_sources(now), repo, Extractor(), now=now, bar=no_bar)
    finally:
        await repo.close()


def _child(database_url: str) -> None:
    asyncio.run(load_history(database_url, dt.datetime.now(dt.UTC)))


def load_history_in_child(database_url: str, timeout: float = 120.0) -> bool:
    """Store the history in a child process (blocking: call it in a thread); True when the
    child finished cleanly."""
    process = multiprocessing.get_context("spawn").Process(
        target=_child, args=(database_url,), name="mou-alert-history", daemon=True
    )
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.kill()
        process.join()
    return process.exitcode == 0
