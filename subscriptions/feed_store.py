"""The feeds in the store: the list people and the config file keep, and each feed's fetch
state (validators, schedule, errors) that the poller saves after every refresh."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, or_, select, update

from subscriptions.models import Feed
from subscriptions.sql import FEEDS, SqlBase, feed_of, utcnow


class FeedStore(SqlBase):
    async def upsert_feed(self, url: str, name: str) -> Feed:
        """Add the feed, or rename it; its fetch state (and a disable) is kept."""
        stmt = self._insert(FEEDS).values(url=url, name=name, error_count=0, created_at=utcnow())
        stmt = stmt.on_conflict_do_update(
            index_elements=[FEEDS.c.url], set_={"name": stmt.excluded.name}
        )
        async with self._writing() as conn:
            await conn.execute(stmt)
            row = (await conn.execute(select(FEEDS).where(FEEDS.c.url == url))).one()
        return feed_of(row)

    async def get_feed(self, feed_id: int) -> Feed | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(FEEDS).where(FEEDS.c.id == feed_id))).first()
        return feed_of(row) if row else None

    async def remove_feed(self, url_or_id: str) -> bool:
        """By URL, or by id when given digits. Its items stay: their keys never alert again."""
        key = url_or_id.strip()
        where = FEEDS.c.id == int(key) if key.isdigit() else FEEDS.c.url == key
        async with self._writing() as conn:
            result = await conn.execute(delete(FEEDS).where(where))
        return bool(result.rowcount)

    async def list_feeds(self) -> list[Feed]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(select(FEEDS).order_by(FEEDS.c.id))
            return [feed_of(r) for r in rows]

    async def due_feeds(self, now: dt.datetime) -> list[Feed]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(FEEDS)
                .where(
                    FEEDS.c.disabled_since.is_(None),
                    or_(FEEDS.c.next_check.is_(None), FEEDS.c.next_check <= now),
                )
                .order_by(FEEDS.c.next_check.is_not(None), FEEDS.c.next_check, FEEDS.c.id)
            )
            return [feed_of(r) for r in rows]

    async def save_feed_state(self, feed: Feed) -> None:
        async with self._writing() as conn:
            await conn.execute(
                update(FEEDS)
                .where(FEEDS.c.id == feed.id)
                .values(
                    etag=feed.etag,
                    last_modified=feed.last_modified,
                    next_check=feed.next_check,
                    last_success=feed.last_success,
                    error_count=feed.error_count,
                    last_error=feed.last_error,
                    failing_since=feed.failing_since,
                    disabled_since=feed.disabled_since,
                    entries_per_week=feed.entries_per_week,
                )
            )
