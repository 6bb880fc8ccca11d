"""``mou-alert export``: the rows of ``/export`` from the command line, as CSV or JSON Lines."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys

from bot.export import EXPORT_ALL, export
from core.settings import Settings
from subscriptions.models import StoryView, Topic
from subscriptions.repository import Repository
from subscriptions.topics import parse_topics


class UsageError(ValueError):
    """The arguments select nothing that can be read (an unknown topic)."""


def topic_argument(text: str) -> Topic:
    parsed = parse_topics(text)
    if len(parsed.topics) != 1 or parsed.unknown:
        raise UsageError(f"--topic {text!r} is not one topic (see docs/bot.md, Topics)")
    return parsed.topics[0]


async def select(
    repo: Repository, topic: Topic | None, words: str | None, since: dt.date | None
) -> list[StoryView]:
    """Stories of ``topic`` holding ``words`` (either may be None) since ``since``, newest
    first."""
    start = dt.datetime.combine(since, dt.time(), dt.UTC) if since else None
    if words:
        found = await repo.search_stories(words, start, limit=EXPORT_ALL)
        if topic is None:
            return found
        of_topic = {s.id for s in await repo.stories(topic, start, limit=EXPORT_ALL)}
        return [s for s in found if s.id in of_topic]
    return await repo.stories(topic, start, limit=EXPORT_ALL)


async def _export(settings: Settings, args: argparse.Namespace) -> bytes:
    from subscriptions.store import open_repository

    topic = topic_argument(args.topic) if args.topic else None
    repo = await open_repository(settings.database.url)
    try:
        stories = await select(repo, topic, args.search, args.since)
    finally:
        await repo.close()
    return export(stories, args.format)


def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    try:
        data = asyncio.run(_export(settings, args))
    except UsageError as exc:
        print(f"mou-alert: {exc}", file=sys.stderr)
        return 2
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        args.output.write_bytes(data)
    return 0
