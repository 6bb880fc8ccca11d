"""``SqlRepository``: the Repository on SQLAlchemy Core, for SQLite and PostgreSQL alike.

Composed of one sibling part per entity over one base (``subscriptions.sql.SqlBase``, the
table handles and engine plumbing they share): chats and subscriptions (``chats``), feeds
(``feed_store``), items and stories (``recording``) and the outbox (``outbox``).
Each method is one transaction. Writers on SQLite take the lock up front (see ``engine``);
on PostgreSQL, concurrent processes are kept apart by unique constraints (``ON CONFLICT DO
NOTHING``), a transaction-scoped advisory lock around story grouping, and ``FOR UPDATE SKIP
LOCKED`` when claiming due deliveries.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import Table, and_, func, select

from subscriptions import migrate
from subscriptions.chats import ChatsAndSubscriptions
from subscriptions.engine import is_sqlite, make_engine, sqlite_path
from subscriptions.feed_store import FeedStore
from subscriptions.models import Stats
from subscriptions.outbox import Outbox
from subscriptions.recording import ItemsAndStories
from subscriptions.repository import Repository
from subscriptions.search import SearchStories
from subscriptions.sql import (
    CHATS,
    DELIVERIES,
    EXTRACTION_COUNTRIES,
    EXTRACTION_SECTORS,
    EXTRACTIONS,
    FEEDS,
    ITEMS,
    STORIES,
    STORY_COUNTRIES,
    STORY_SECTORS,
    SUBS,
)

__all__ = [
    "CHATS",
    "DELIVERIES",
    "EXTRACTIONS",
    "EXTRACTION_COUNTRIES",
    "EXTRACTION_SECTORS",
    "FEEDS",
    "ITEMS",
    "STORIES",
    "STORY_COUNTRIES",
    "STORY_SECTORS",
    "SUBS",
    "SqlRepository",
    "open_repository",
]


class SqlRepository(
    SearchStories, ChatsAndSubscriptions, FeedStore, ItemsAndStories, Outbox, Repository
):
    """The storage of mou-alert. Build it with :func:`open_repository`."""

    async def stats(self) -> Stats:
        async with self.engine.connect() as conn:

            async def count(table: Table, *where: Any) -> int:
                q = select(func.count()).select_from(table)
                if where:
                    q = q.where(and_(*where))
                return int(await conn.scalar(q) or 0)

            by_status = await conn.execute(
                select(DELIVERIES.c.status, func.count()).group_by(DELIVERIES.c.status)
            )
            # Only the statuses that have rows: {} on a fresh database.
            deliveries = {status: int(n) for status, n in by_status}
            return Stats(
                chats=await count(CHATS),
                active_chats=await count(CHATS, CHATS.c.active.is_(True)),
                subscriptions=await count(SUBS),
                feeds=await count(FEEDS),
                stories=await count(STORIES),
                deliveries=deliveries,
            )


async def open_repository(url: str, **options: Any) -> SqlRepository:
    """Open (creating it if needed) the database at ``url``, migrate it to the newest schema in
    a worker thread, and return the repository. ``options`` go to :class:`SqlRepository`."""
    engine = make_engine(url)
    if is_sqlite(url) and sqlite_path(url) is None:
        # In memory (tests, demos): the database exists only in this engine's one connection.
        async with engine.begin() as conn:
            await conn.run_sync(migrate.upgrade_connection)
    else:
        await asyncio.to_thread(migrate.upgrade, url)
    return SqlRepository(engine, **options)
