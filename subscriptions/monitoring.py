"""Read-only questions an operator's monitoring asks of the store: does the database answer,
is the SQLite file still the one opened, how big and how old is the due outbox."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from subscriptions.engine import sqlite_path
from subscriptions.sql import CHATS, DELIVERIES


@dataclass(frozen=True)
class OutboxBacklog:
    due: int
    """Pending rows due now for active instant-mode chats (what the worker should be sending)."""
    oldest_due_seconds: float
    """How long the longest-waiting of them has been due; 0 when none is."""


async def outbox_backlog(engine: AsyncEngine, now: dt.datetime) -> OutboxBacklog:
    d = DELIVERIES.c
    query = (
        select(func.count(), func.min(d.next_attempt))
        .select_from(DELIVERIES.join(CHATS, CHATS.c.id == d.chat_id))
        .where(
            d.status == "pending",
            d.next_attempt <= now,
            CHATS.c.active.is_(True),
            CHATS.c.mode == "instant",
        )
    )
    async with engine.connect() as conn:
        count, oldest = (await conn.execute(query)).one()
    if not count or oldest is None:
        return OutboxBacklog(0, 0.0)
    if isinstance(oldest, str):  # func.min() loses the column's type on SQLite
        oldest = dt.datetime.fromisoformat(oldest)
    if oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=dt.UTC)
    return OutboxBacklog(int(count), max(0.0, (now - oldest).total_seconds()))


class DatabaseProbe:
    """``check()`` says what is wrong with the database, or None. For a SQLite file it also
    notices the file being removed or replaced under the running bot, which SQLite itself does
    not: the open connections keep working on the unlinked file, and everything written from
    then on is lost at the next start."""

    def __init__(self, engine: AsyncEngine, url: str) -> None:
        self.engine = engine
        path = sqlite_path(url)
        self.path = Path(path).expanduser() if path is not None else None
        self.identity = self._identity() if self.path is not None else None

    def _identity(self) -> tuple[int, int] | None:
        assert self.path is not None
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return st.st_dev, st.st_ino

    async def check(self) -> str | None:
        if self.path is not None:
            now = self._identity()
            if now is None:
                return f"{self.path} is gone (removed since the bot opened it)"
            if self.identity is not None and now != self.identity:
                return f"{self.path} was replaced since the bot opened it"
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception as exc:
            return f"does not answer: {type(exc).__name__}: {exc}"[:300]
        return None


__all__ = ["DatabaseProbe", "OutboxBacklog", "outbox_backlog"]
