"""``SqlRepository``: the Repository on SQLAlchemy Core, for SQLite and PostgreSQL alike.

Chats, subscriptions, feeds and reading live here; items, stories and the outbox in
``subscriptions.outbox``; the table handles and engine plumbing they share in ``subscriptions.sql``.
Each method is one transaction. Writers on SQLite take the lock up front (see ``engine``);
on PostgreSQL, concurrent processes are kept apart by unique constraints (``ON CONFLICT DO
NOTHING``), a transaction-scoped advisory lock around story grouping, and ``FOR UPDATE SKIP
LOCKED`` when claiming due deliveries.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    String,
    Table,
    and_,
    delete,
    exists,
    func,
    or_,
    select,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.ext.asyncio import AsyncConnection

from subscriptions import migrate
from subscriptions.engine import is_sqlite, make_engine, sqlite_path
from subscriptions.models import (
    Chat,
    DeliveryMode,
    Feed,
    Language,
    Stats,
    StoryView,
    Subscription,
    Topic,
)
from subscriptions.outbox import ItemsAndOutbox
from subscriptions.repository import Repository
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
    chat_of,
    chunks,
    feed_of,
    recipients_query,
    story_of,
    topic_parts,
    utcnow,
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


class SqlRepository(ItemsAndOutbox, Repository):
    """The storage of mou-alert. Build it with :func:`open_repository`."""

    # --- chats -------------------------------------------------------------------------------
    async def upsert_chat(
        self, chat_id: int, *, type: str, title: str = "", language: Language | None = None
    ) -> Chat:
        stmt = self._insert(CHATS).values(
            id=chat_id,
            type=type,
            title=title,
            language=language or "en",
            mode="instant",
            active=True,
            created_at=utcnow(),
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[CHATS.c.id],
            set_={
                "type": stmt.excluded.type,
                "title": stmt.excluded.title,
                "active": True,
                "stopped_reason": None,
            },
        )
        async with self._writing() as conn:
            await conn.execute(stmt)
            await self._mirror_active(conn, chat_id)
            row = (await conn.execute(select(CHATS).where(CHATS.c.id == chat_id))).one()
        return chat_of(row)

    @staticmethod
    async def _mirror_active(conn: AsyncConnection, chat_id: int) -> None:
        """Copy the chat's active flag onto its subscriptions (see ``tables.SubscriptionRow``)."""
        flag = select(CHATS.c.active).where(CHATS.c.id == chat_id).scalar_subquery()
        await conn.execute(
            update(SUBS).where(SUBS.c.chat_id == chat_id, SUBS.c.active != flag).values(active=flag)
        )

    async def get_chat(self, chat_id: int) -> Chat | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(CHATS).where(CHATS.c.id == chat_id))).first()
        return chat_of(row) if row else None

    async def set_language(self, chat_id: int, language: Language) -> None:
        if language not in ("ko", "en"):
            raise ValueError(f"unsupported language {language!r}")
        async with self._writing() as conn:
            await conn.execute(update(CHATS).where(CHATS.c.id == chat_id).values(language=language))

    async def set_mode(
        self,
        chat_id: int,
        mode: DeliveryMode,
        digest_time: dt.time | None = None,
        digest_day: int | None = None,
    ) -> None:
        if mode not in ("instant", "digest"):
            raise ValueError(f"unsupported delivery mode {mode!r}")
        if mode == "digest" and digest_time is None:
            raise ValueError("digest mode needs a time of day")
        if digest_day is not None and (mode != "digest" or not 0 <= digest_day <= 6):
            raise ValueError("a weekly digest needs digest mode and a day of the week (0-6)")
        async with self._writing() as conn:
            await conn.execute(
                update(CHATS)
                .where(CHATS.c.id == chat_id)
                .values(
                    mode=mode,
                    digest_time=digest_time if mode == "digest" else None,
                    digest_day=digest_day,
                )
            )

    async def set_timezone(self, chat_id: int, timezone: str | None) -> None:
        async with self._writing() as conn:
            await conn.execute(update(CHATS).where(CHATS.c.id == chat_id).values(timezone=timezone))

    async def set_pause(self, chat_id: int, until: dt.datetime | None) -> None:
        async with self._writing() as conn:
            await conn.execute(
                update(CHATS).where(CHATS.c.id == chat_id).values(paused_until=until)
            )

    async def ended_pauses(self, now: dt.datetime) -> list[Chat]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(CHATS)
                .where(CHATS.c.paused_until.is_not(None), CHATS.c.paused_until <= now)
                .order_by(CHATS.c.id)
            )
            return [chat_of(r) for r in rows]

    async def deactivate_chat(self, chat_id: int, reason: str) -> int:
        async with self._writing() as conn:
            await conn.execute(
                update(CHATS)
                .where(CHATS.c.id == chat_id)
                .values(active=False, stopped_reason=reason)
            )
            await self._mirror_active(conn, chat_id)
            dropped = await conn.execute(
                update(DELIVERIES)
                .where(DELIVERIES.c.chat_id == chat_id, DELIVERIES.c.status == "pending")
                .values(status="dead", last_error=reason, claimed_by=None, claimed_until=None)
            )
        return int(dropped.rowcount)

    async def migrate_chat(self, old_id: int, new_id: int) -> None:
        """Move the chat row, its subscriptions and deliveries to ``new_id``; when the new id
        already exists (it wrote first), merge into it, keeping one row per topic and story."""
        if old_id == new_id:
            return
        async with self._writing() as conn:
            old = (await conn.execute(select(CHATS).where(CHATS.c.id == old_id))).first()
            if old is None:
                return
            has_new = (await conn.execute(select(CHATS.c.id).where(CHATS.c.id == new_id))).first()
            if has_new is None:
                # ON UPDATE CASCADE carries the subscriptions and deliveries along.
                await conn.execute(update(CHATS).where(CHATS.c.id == old_id).values(id=new_id))
                return
            s, d = SUBS.c, DELIVERIES.c
            n = SUBS.alias("n")
            twin_sub = exists().where(
                n.c.chat_id == new_id, n.c.country == s.country, n.c.sector == s.sector
            )
            await conn.execute(delete(SUBS).where(s.chat_id == old_id, twin_sub))
            await conn.execute(update(SUBS).where(s.chat_id == old_id).values(chat_id=new_id))
            nd = DELIVERIES.alias("nd")
            twin_delivery = exists().where(nd.c.chat_id == new_id, nd.c.story_id == d.story_id)
            await conn.execute(delete(DELIVERIES).where(d.chat_id == old_id, twin_delivery))
            await conn.execute(update(DELIVERIES).where(d.chat_id == old_id).values(chat_id=new_id))
            await conn.execute(delete(CHATS).where(CHATS.c.id == old_id))
            await self._mirror_active(conn, new_id)

    # --- subscriptions -----------------------------------------------------------------------
    async def add_subscription(
        self, chat_id: int, topic: Topic, *, international: bool = False
    ) -> bool:
        """False when the chat already had it. An unknown chat is created with defaults."""
        country, sector = topic_parts(topic)
        now = utcnow()
        async with self._writing() as conn:
            await conn.execute(
                self._insert(CHATS)
                .values(id=chat_id, type="private", title="", created_at=now)
                .on_conflict_do_nothing(index_elements=[CHATS.c.id])
            )
            active = select(CHATS.c.active).where(CHATS.c.id == chat_id).scalar_subquery()
            result = await conn.execute(
                self._insert(SUBS)
                .values(
                    chat_id=chat_id,
                    country=country,
                    sector=sector,
                    international=international,
                    active=active,
                    created_at=now,
                )
                .on_conflict_do_nothing(index_elements=["chat_id", "country", "sector"])
            )
        return bool(result.rowcount)

    async def remove_subscription(self, chat_id: int, topic: Topic) -> bool:
        country, sector = topic_parts(topic)
        async with self._writing() as conn:
            result = await conn.execute(
                delete(SUBS).where(
                    SUBS.c.chat_id == chat_id, SUBS.c.country == country, SUBS.c.sector == sector
                )
            )
        return bool(result.rowcount)

    async def remove_subscription_by_id(self, chat_id: int, subscription_id: int) -> bool:
        async with self._writing() as conn:
            result = await conn.execute(
                delete(SUBS).where(SUBS.c.id == subscription_id, SUBS.c.chat_id == chat_id)
            )
        return bool(result.rowcount)

    async def clear_subscriptions(self, chat_id: int) -> int:
        async with self._writing() as conn:
            result = await conn.execute(delete(SUBS).where(SUBS.c.chat_id == chat_id))
        return int(result.rowcount)

    async def set_international(self, chat_id: int, topic: Topic, international: bool) -> bool:
        country, sector = topic_parts(topic)
        async with self._writing() as conn:
            result = await conn.execute(
                update(SUBS)
                .where(
                    SUBS.c.chat_id == chat_id, SUBS.c.country == country, SUBS.c.sector == sector
                )
                .values(international=international)
            )
        return bool(result.rowcount)

    async def list_subscriptions(self, chat_id: int) -> list[Subscription]:
        return (await self.subscriptions_of([chat_id])).get(chat_id, [])

    async def subscriptions_of(self, chat_ids: Sequence[int]) -> dict[int, list[Subscription]]:
        found: dict[int, list[Subscription]] = {}
        s = SUBS.c
        async with self.engine.connect() as conn:
            for part in chunks(sorted(set(chat_ids))):
                rows = await conn.execute(
                    select(s.id, s.chat_id, s.country, s.sector, s.international)
                    .where(s.chat_id.in_(part))
                    .order_by(s.id)
                )
                for r in rows:
                    topic = Topic(r.country or None, r.sector or None)
                    found.setdefault(r.chat_id, []).append(
                        Subscription(r.id, r.chat_id, topic, bool(r.international))
                    )
        return found

    async def recipients(self, countries: tuple[str, ...], sectors: tuple[str, ...]) -> list[int]:
        """Active chats with at least one matching subscription, each once, ascending.

        The ids come back as ONE comma-joined string: at 10,000 recipients, building a row per
        chat in the driver and SQLAlchemy took 2-3x as long as the query. A chat matching
        several subscriptions comes back once per subscription and Python drops the repeats:
        SQLite's UNION (a temporary b-tree) took twice as long as the scans and the set together
        (bench/match.py). The enqueue keeps UNION: there the repeats would cost more as
        conflicts in the outbox's unique index."""
        query = recipients_query(sorted(countries), sorted(sectors), distinct=False)
        if query is None:
            return []
        ids = query.subquery()
        joined = select(func.aggregate_strings(sql_cast(ids.c.chat_id, String), ","))
        async with self.engine.connect() as conn:
            found = await conn.scalar(joined)
        if not found:
            return []
        return sorted(set(map(int, found.split(","))))

    # --- feeds -------------------------------------------------------------------------------
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

    # --- reading for people ------------------------------------------------------------------
    @staticmethod
    def _about(topic: Topic) -> Any:
        """The SQL condition "this story matches ``topic``"."""
        st = STORIES.c
        country, sector = topic_parts(topic)
        parts = []
        if country:
            parts.append(
                exists().where(
                    STORY_COUNTRIES.c.story_id == st.id, STORY_COUNTRIES.c.country == country
                )
            )
        if sector:
            parts.append(
                exists().where(STORY_SECTORS.c.story_id == st.id, STORY_SECTORS.c.sector == sector)
            )
        return and_(*parts)

    async def stories_of(self, topics: Sequence[Topic], limit: int = 20) -> list[StoryView]:
        if not topics:
            return []
        st = STORIES.c
        query = (
            select(STORIES)
            .where(or_(*(self._about(topic) for topic in topics)))
            .order_by(st.happened_at.desc(), st.id.desc())
            .limit(limit)
        )
        async with self.engine.connect() as conn:
            return [story_of(r) for r in await conn.execute(query)]

    async def stories(
        self, topic: Topic | None, since: dt.datetime | None, limit: int = 1000
    ) -> list[StoryView]:
        """Stories matching ``topic`` (all when None) that happened since ``since`` (published
        time, else first seen), newest first."""
        st = STORIES.c
        query = select(STORIES)
        if topic is not None:
            query = query.where(self._about(topic))
        if since is not None:
            query = query.where(st.happened_at >= since)
        query = query.order_by(st.happened_at.desc(), st.id.desc()).limit(limit)
        async with self.engine.connect() as conn:
            return [story_of(r) for r in await conn.execute(query)]

    async def get_story(self, story_id: int) -> StoryView | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(STORIES).where(STORIES.c.id == story_id))).first()
        return story_of(row) if row else None

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
