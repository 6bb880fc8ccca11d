"""Helpers for tests that run the whole bot (``bot.app.serve``) against the Bot API stand-in."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TypeVar

from bot.app import serve
from core.settings import Settings
from devtools.standin import BotApiStandin
from devtools.standin.state import Outgoing
from extractors.model import Amount, Extraction
from subscriptions.models import NewItem
from subscriptions.repository import Repository

T = TypeVar("T")


async def eventually(
    read: Callable[[], Awaitable[T]], ok: Callable[[T], bool], within: float = 5.0
) -> T:
    """Re-read (e.g. the database) until ``ok`` holds: the bot handles updates on its own time."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        value = await read()
        if ok(value) or loop.time() > deadline:
            return value
        await asyncio.sleep(0.02)


@contextlib.asynccontextmanager
async def running_bot(api: BotApiStandin, settings: Settings) -> AsyncIterator[asyncio.Task[None]]:
    """The real application serving ``settings`` until the block ends (then stopped cleanly)."""
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop=stop))
    try:
        # post_init ends with the Korean command menu; polling starts right after it.
        await api.wait_until(lambda: "ko" in api.commands or task.done(), 15, what="bot start")
        if task.done():
            await task  # raises what kept it from starting
        yield task
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)


async def ask(api: BotApiStandin, chat_id: int, text: str, **kwargs: object) -> Outgoing:
    """Send ``text`` as a user of ``chat_id`` and return the bot's (first) answer: the first
    message it sends after, not an edit a button pressed earlier may still make meanwhile."""
    before = len(api.messages(chat_id))
    api.user_sends(chat_id, text, **kwargs)  # type: ignore[arg-type]

    def answer() -> Outgoing | None:
        return next((m for m in api.messages(chat_id)[before:] if m.kind == "send"), None)

    await api.wait_until(lambda: answer() is not None, what=f"an answer to {text!r}")
    reply = answer()
    assert reply is not None
    return reply


async def record_story(
    repo: Repository,
    feed_id: int,
    key: str,
    title: str,
    countries: tuple[str, ...],
    sectors: tuple[str, ...],
    *,
    published: dt.datetime,
    amounts: tuple[Amount, ...] = (),
    alert: bool = False,
) -> int:
    """Store one MOU article as the pipeline would; returns its story id."""
    item = NewItem(
        feed_id=feed_id,
        key=key,
        url=f"https://news.example/{key}",
        title=title,
        published=published,
        text_hash=hashlib.sha256(key.encode()).hexdigest(),
        outlet="Example Daily",
        alert=alert,
    )
    extraction = Extraction(
        is_mou=True,
        status="signed",
        countries=countries,
        sectors=sectors,
        parties=((f"party {key}", f"partner {key}"),),
        amounts=amounts,
        summary=f"{title}.",
    )
    result = await repo.record_item(item, extraction, published)
    assert result.story_id is not None
    return result.story_id
