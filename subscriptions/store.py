"""``SqlRepository``: the Repository on SQLAlchemy Core, for SQLite and PostgreSQL alike.

Each method is one transaction. Writers on SQLite take the lock up front (see ``engine``);
on PostgreSQL, concurrent processes are kept apart by unique constraints (``ON CONFLICT DO
NOTHING``), a transaction-scoped advisory lock around story grouping, and ``FOR UPDATE SKIP
LOCKED`` when claiming due deliveries.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Iterable, Sequence
from typing import Any, cast

from sqlalchemy import (
    Select,
    String,
    Table,
    and_,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    true,
    union,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from extractors.model import Extraction
from subscriptions import migrate
from subscriptions.engine import is_sqlite, make_engine, sqlite_path, writer
from subscriptions.models import (
    Chat,
    DeliveryJob,
    DeliveryMode,
    Feed,
    Language,
    NewItem,
    RecordResult,
    Stats,
    StoryView,
    Subscription,
    Topic,
)
from subscriptions.repository import Repository
from subscriptions.stories import StoryFacts, best_match
from subscriptions.tables import (
    ChatRow,
    DeliveryRow,
    ExtractionCountryRow,
    ExtractionRow,
    ExtractionSectorRow,
    FeedRow,
    ItemRow,
    StoryCountryRow,
    StoryRow,
    StorySectorRow,
    SubscriptionRow,
    UtcDateTime,
)


def _t(row_class: type[Any]) -> Table:
    return cast(Table, row_class.__table__)


CHATS = _t(ChatRow)
SUBS = _t(SubscriptionRow)
FEEDS = _t(FeedRow)
ITEMS = _t(ItemRow)
EXTRACTIONS = _t(ExtractionRow)
EXTRACTION_COUNTRIES = _t(ExtractionCountryRow)
EXTRACTION_SECTORS = _t(ExtractionSectorRow)
STORIES = _t(StoryRow)
STORY_COUNTRIES = _t(StoryCountryRow)
STORY_SECTORS = _t(StorySectorRow)
DELIVERIES = _t(DeliveryRow)

STORY_LOCK = 7_268_002
"""PostgreSQL advisory lock serialising story grouping between processes."""
CHUNK = 500
"""Rows per IN (...) list: far under SQLite's and asyncpg's parameter limits."""


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _chunks(values: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _topic_parts(topic: Topic) -> tuple[str, str]:
    country = (topic.country or "").strip().upper()
    sector = (topic.sector or "").strip().lower()
    if not country and not sector:
        raise ValueError("a topic needs a country, a sector, or both")
    return country, sector


def _chat(row: Row[Any]) -> Chat:
    m = row._mapping
    return Chat(
        id=m[CHATS.c.id],
        type=m[CHATS.c.type],
        title=m[CHATS.c.title],
        language=m[CHATS.c.language],
        mode=m[CHATS.c.mode],
        digest_time=m[CHATS.c.digest_time],
        active=bool(m[CHATS.c.active]),
        stopped_reason=m[CHATS.c.stopped_reason],
    )


def _feed(row: Row[Any]) -> Feed:
    m = row._mapping
    return Feed(
        id=m["id"],
        url=m["url"],
        name=m["name"],
        etag=m["etag"],
        last_modified=m["last_modified"],
        next_check=m["next_check"],
        last_success=m["last_success"],
        error_count=m["error_count"],
        last_error=m["last_error"],
        failing_since=m["failing_since"],
        disabled_since=m["disabled_since"],
        entries_per_week=m["entries_per_week"],
    )


def _story(row: Row[Any]) -> StoryView:
    m = row._mapping
    return StoryView(
        id=m[STORIES.c.id],
        title=m[STORIES.c.title],
        url=m[STORIES.c.url],
        outlet=m[STORIES.c.outlet],
        published=m[STORIES.c.published],
        countries=tuple(m[STORIES.c.countries]),
        sectors=tuple(m[STORIES.c.sectors]),
        parties=tuple(tuple(p) for p in m[STORIES.c.parties]),
        amounts=tuple((str(a[0]), float(a[1]), str(a[2])) for a in m[STORIES.c.amounts]),
        summary=m[STORIES.c.summary],
        mou_count=m[STORIES.c.mou_count],
        signed_on=m[STORIES.c.signed_on],
        outlets=m[STORIES.c.outlets],
    )


def recipients_query(countries: Sequence[str], sectors: Sequence[str]) -> Select[Any] | None:
    """Active chats with a matching subscription, each once; None when nothing can match.

    Three index range scans (country only, sector only, both) instead of one OR over the
    whole table: the OR form scans every subscription. ``subscriptions.active`` mirrors the
    chat's flag so that no chat row is read.
    """
    s = SUBS.c
    active = s.active == true()  # "= true", not "IS true": an index condition on both dialects
    parts: list[Select[Any]] = []
    if countries:
        parts.append(select(s.chat_id).where(s.country.in_(countries), s.sector == "", active))
    if sectors:
        parts.append(select(s.chat_id).where(s.country == "", s.sector.in_(sectors), active))
    if countries and sectors:
        parts.append(
            select(s.chat_id).where(s.country.in_(countries), s.sector.in_(sectors), active)
        )
    if not parts:
        return None
    # UNION drops duplicates; a lone part needs DISTINCT (a chat following FR and DE).
    matched = union(*parts).subquery() if len(parts) > 1 else parts[0].distinct().subquery()
    return select(matched.c.chat_id)


class SqlRepository(Repository):
    """The storage of mou-alert. Build it with :func:`open_repository`."""

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        claim_lease: dt.timedelta = dt.timedelta(minutes=5),
        story_window: dt.timedelta = dt.timedelta(days=7),
    ) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._write = writer(engine) if self.dialect == "sqlite" else engine
        # One writer at a time in this process: queued here, FIFO, rather than polling
        # SQLite's busy handler, which sleeps up to 100 ms between tries. Other processes
        # still meet the busy timeout. PostgreSQL locks rows, not the database: no lock.
        self._write_lock = asyncio.Lock() if self.dialect == "sqlite" else None
        self.claim_lease = claim_lease
        """How long a claimed delivery stays invisible to other workers (see due_deliveries)."""
        self.story_window = story_window
        """How far back record_item looks for a story a new report may reprint."""

    @contextlib.asynccontextmanager
    async def _writing(self) -> AsyncIterator[AsyncConnection]:
        """A write transaction (on SQLite: holding the write lock from its first statement)."""
        if self._write_lock is None:
            async with self._write.begin() as conn:
                yield conn
            return
        async with self._write_lock, self._write.begin() as conn:
            yield conn

    def _insert(self, table: Table) -> Any:
        if self.dialect == "postgresql":
            return postgresql.insert(table)
        if self.dialect == "sqlite":
            return sqlite.insert(table)
        raise NotImplementedError(f"unsupported database dialect: {self.dialect}")

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
            created_at=_utcnow(),
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
        return _chat(row)

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
        return _chat(row) if row else None

    async def set_language(self, chat_id: int, language: Language) -> None:
        if language not in ("ko", "en"):
            raise ValueError(f"unsupported language {language!r}")
        async with self._writing() as conn:
            await conn.execute(update(CHATS).where(CHATS.c.id == chat_id).values(language=language))

    async def set_mode(
        self, chat_id: int, mode: DeliveryMode, digest_time: dt.time | None = None
    ) -> None:
        if mode not in ("instant", "digest"):
            raise ValueError(f"unsupported delivery mode {mode!r}")
        if mode == "digest" and digest_time is None:
            raise ValueError("digest mode needs a time of day")
        async with self._writing() as conn:
            await conn.execute(
                update(CHATS)
                .where(CHATS.c.id == chat_id)
                .values(mode=mode, digest_time=digest_time if mode == "digest" else None)
            )

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
                .values(status="dead", last_error=reason)
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
    async def add_subscription(self, chat_id: int, topic: Topic) -> bool:
        """False when the chat already had it. An unknown chat is created with defaults."""
        country, sector = _topic_parts(topic)
        now = _utcnow()
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
                    chat_id=chat_id, country=country, sector=sector, active=active, created_at=now
                )
                .on_conflict_do_nothing(index_elements=["chat_id", "country", "sector"])
            )
        return bool(result.rowcount)

    async def remove_subscription(self, chat_id: int, topic: Topic) -> bool:
        country, sector = _topic_parts(topic)
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

    async def list_subscriptions(self, chat_id: int) -> list[Subscription]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(SUBS.c.id, SUBS.c.chat_id, SUBS.c.country, SUBS.c.sector)
                .where(SUBS.c.chat_id == chat_id)
                .order_by(SUBS.c.id)
            )
            return [
                Subscription(r.id, r.chat_id, Topic(r.country or None, r.sector or None))
                for r in rows
            ]

    async def recipients(self, countries: tuple[str, ...], sectors: tuple[str, ...]) -> list[int]:
        """Active chats with at least one matching subscription, each once, ascending.

        The ids come back as ONE comma-joined string: at 10,000 recipients, building a row per
        chat in the driver and SQLAlchemy took 2-3x as long as the query (bench/match.py)."""
        query = recipients_query(sorted(countries), sorted(sectors))
        if query is None:
            return []
        ids = query.subquery()
        joined = select(func.aggregate_strings(sql_cast(ids.c.chat_id, String), ","))
        async with self.engine.connect() as conn:
            found = await conn.scalar(joined)
        if not found:
            return []
        chat_ids = list(map(int, found.split(",")))
        chat_ids.sort()
        return chat_ids

    # --- feeds -------------------------------------------------------------------------------
    async def upsert_feed(self, url: str, name: str) -> Feed:
        """Add the feed, or rename it; its fetch state (and a disable) is kept."""
        stmt = self._insert(FEEDS).values(url=url, name=name, error_count=0, created_at=_utcnow())
        stmt = stmt.on_conflict_do_update(
            index_elements=[FEEDS.c.url], set_={"name": stmt.excluded.name}
        )
        async with self._writing() as conn:
            await conn.execute(stmt)
            row = (await conn.execute(select(FEEDS).where(FEEDS.c.url == url))).one()
        return _feed(row)

    async def get_feed(self, feed_id: int) -> Feed | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(FEEDS).where(FEEDS.c.id == feed_id))).first()
        return _feed(row) if row else None

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
            return [_feed(r) for r in rows]

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
            return [_feed(r) for r in rows]

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

    # --- items, stories and the outbox ---------------------------------------------------------
    async def known_keys(self, keys: list[str]) -> set[str]:
        found: set[str] = set()
        unique = sorted(set(keys))
        async with self.engine.connect() as conn:
            for chunk in _chunks(unique):
                found.update(await conn.scalars(select(ITEMS.c.key).where(ITEMS.c.key.in_(chunk))))
        return found

    async def record_item(
        self, item: NewItem, extraction: Extraction, now: dt.datetime
    ) -> RecordResult:
        async with self._writing() as conn:
            item_id = await conn.scalar(
                self._insert(ITEMS)
                .values(
                    # NULL when an admin removed the feed during this poll: keep the item.
                    feed_id=select(FEEDS.c.id).where(FEEDS.c.id == item.feed_id).scalar_subquery(),
                    key=item.key,
                    url=item.url,
                    title=item.title,
                    published=item.published,
                    text_hash=item.text_hash,
                    outlet=item.outlet,
                    seen_at=now,
                )
                .on_conflict_do_nothing(index_elements=[ITEMS.c.key])
                .returning(ITEMS.c.id)
            )
            if item_id is None:
                return RecordResult(item_id=None, duplicate=True)
            await self._store_extraction(conn, item_id, extraction)
            if not extraction.is_mou:
                return RecordResult(item_id=item_id)
            if self.dialect == "postgresql":
                await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": STORY_LOCK})
            facts = StoryFacts.of(
                extraction.countries,
                extraction.parties,
                extraction.date,
                item.published,
                item.title,
                extraction.summary,
            )
            story_id = await self._reprinted_story(conn, facts, now)
            if story_id is not None:
                await self._attach(conn, item_id, story_id)
                return RecordResult(item_id=item_id, story_id=story_id)
            story_id = await self._create_story(conn, item, extraction, now)
            await conn.execute(update(ITEMS).where(ITEMS.c.id == item_id).values(story_id=story_id))
            queued = await self._enqueue(conn, story_id, extraction, now) if item.alert else 0
        return RecordResult(item_id=item_id, story_id=story_id, new_story=True, deliveries=queued)

    async def _store_extraction(
        self, conn: AsyncConnection, item_id: int, extraction: Extraction
    ) -> None:
        await conn.execute(
            insert(EXTRACTIONS).values(
                item_id=item_id,
                is_mou=extraction.is_mou,
                status=extraction.status,
                signed_on=extraction.date,
                data=extraction.to_json(),
            )
        )
        countries = sorted({c.upper() for c in extraction.countries})
        sectors = sorted(set(extraction.sectors))
        if countries:
            await conn.execute(
                insert(EXTRACTION_COUNTRIES),
                [{"item_id": item_id, "country": c} for c in countries],
            )
        if sectors:
            await conn.execute(
                insert(EXTRACTION_SECTORS), [{"item_id": item_id, "sector": s} for s in sectors]
            )

    async def _reprinted_story(
        self, conn: AsyncConnection, new: StoryFacts, now: dt.datetime
    ) -> int | None:
        st = STORIES.c
        query = select(
            st.id, st.countries, st.parties, st.signed_on, st.published, st.title, st.summary
        ).where(st.first_seen >= now - self.story_window)
        if new.countries:
            query = query.where(
                exists().where(
                    STORY_COUNTRIES.c.story_id == st.id,
                    STORY_COUNTRIES.c.country.in_(sorted(new.countries)),
                )
            )
        else:
            query = query.where(~exists().where(STORY_COUNTRIES.c.story_id == st.id))
        rows = await conn.execute(query.order_by(st.id.desc()).limit(500))
        candidates = [
            (
                r.id,
                StoryFacts.of(r.countries, r.parties, r.signed_on, r.published, r.title, r.summary),
            )
            for r in rows
        ]
        return best_match(candidates, new)

    async def _attach(self, conn: AsyncConnection, item_id: int, story_id: int) -> None:
        await conn.execute(update(ITEMS).where(ITEMS.c.id == item_id).values(story_id=story_id))
        rows = await conn.execute(
            select(ITEMS.c.id, ITEMS.c.outlet, ITEMS.c.feed_id).where(ITEMS.c.story_id == story_id)
        )
        # An item without an outlet name counts by its feed, else on its own.
        outlets = {r.outlet or (f"feed:{r.feed_id}" if r.feed_id else f"item:{r.id}") for r in rows}
        await conn.execute(
            update(STORIES).where(STORIES.c.id == story_id).values(outlets=len(outlets))
        )

    async def _create_story(
        self, conn: AsyncConnection, item: NewItem, extraction: Extraction, now: dt.datetime
    ) -> int:
        happened = min(item.published, now) if item.published else now
        countries = sorted({c.upper() for c in extraction.countries})
        sectors = sorted(set(extraction.sectors))
        story_id = await conn.scalar(
            insert(STORIES)
            .values(
                title=item.title,
                url=item.url,
                outlet=item.outlet,
                published=item.published,
                first_seen=now,
                happened_at=happened,
                signed_on=extraction.date,
                countries=countries,
                sectors=sectors,
                parties=[list(p) for p in extraction.parties],
                amounts=[[a.text, a.value, a.currency] for a in extraction.amounts],
                summary=extraction.summary,
                mou_count=extraction.mou_count,
                outlets=1,
            )
            .returning(STORIES.c.id)
        )
        assert story_id is not None
        if countries:
            await conn.execute(
                insert(STORY_COUNTRIES), [{"story_id": story_id, "country": c} for c in countries]
            )
        if sectors:
            await conn.execute(
                insert(STORY_SECTORS), [{"story_id": story_id, "sector": s} for s in sectors]
            )
        return int(story_id)

    async def _enqueue(
        self, conn: AsyncConnection, story_id: int, extraction: Extraction, now: dt.datetime
    ) -> int:
        """One pending delivery per recipient chat, in a single INSERT ... SELECT."""
        countries = sorted({c.upper() for c in extraction.countries})
        query = recipients_query(countries, sorted(set(extraction.sectors)))
        if query is None:
            return 0
        rows = query.with_only_columns(
            query.selected_columns[0],
            literal(story_id),
            literal("pending"),
            literal(0),
            literal(now, UtcDateTime()),
            literal(now, UtcDateTime()),
        ).where(true())  # SQLite reads "SELECT ... FROM x ON CONFLICT" as a join without WHERE
        result = await conn.execute(
            self._insert(DELIVERIES)
            .from_select(
                ["chat_id", "story_id", "status", "attempts", "next_attempt", "created_at"], rows
            )
            .on_conflict_do_nothing(index_elements=["chat_id", "story_id"])
        )
        return int(result.rowcount)

    def _jobs_query(self) -> Select[Any]:
        d = DELIVERIES.c
        return (
            select(d.id, d.attempts, CHATS, STORIES)
            .join(CHATS, CHATS.c.id == d.chat_id)
            .join(STORIES, STORIES.c.id == d.story_id)
            .order_by(d.id)
        )

    @staticmethod
    def _job(row: Row[Any]) -> DeliveryJob:
        return DeliveryJob(id=row.id, chat=_chat(row), story=_story(row), attempts=row.attempts)

    async def due_deliveries(self, now: dt.datetime, limit: int = 100) -> list[DeliveryJob]:
        """Pending rows due now, for active instant-mode chats, oldest first, CLAIMED: each
        returned row is pushed ``claim_lease`` into the future so no other worker (or later
        call) takes it while it is being sent; mark_sent/mark_retry/mark_dead settle it, and a
        worker that dies leaves it due again when the lease runs out."""
        d = DELIVERIES.c
        due = (
            select(d.id)
            .join(CHATS, CHATS.c.id == d.chat_id)
            .where(
                d.status == "pending",
                d.next_attempt <= now,
                CHATS.c.active.is_(True),
                CHATS.c.mode == "instant",
            )
            .order_by(d.id)
            .limit(limit)
        )
        if self.dialect == "postgresql":
            due = due.with_for_update(skip_locked=True, of=DELIVERIES)
        async with self._writing() as conn:
            ids = list((await conn.scalars(due)).all())
            if not ids:
                return []
            await conn.execute(
                update(DELIVERIES).where(d.id.in_(ids)).values(next_attempt=now + self.claim_lease)
            )
            rows = await conn.execute(self._jobs_query().where(d.id.in_(ids)))
            return [self._job(r) for r in rows]

    async def pending_digest(self, chat_id: int) -> list[DeliveryJob]:
        d = DELIVERIES.c
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                self._jobs_query().where(d.chat_id == chat_id, d.status == "pending")
            )
            return [self._job(r) for r in rows]

    async def digest_chats(self) -> list[Chat]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(CHATS)
                .where(CHATS.c.active.is_(True), CHATS.c.mode == "digest")
                .order_by(CHATS.c.id)
            )
            return [_chat(r) for r in rows]

    async def mark_sent(
        self, delivery_ids: list[int], message_id: int | None, now: dt.datetime
    ) -> None:
        d = DELIVERIES.c
        async with self._writing() as conn:
            for chunk in _chunks(delivery_ids):
                await conn.execute(
                    update(DELIVERIES)
                    .where(d.id.in_(chunk))
                    .values(
                        status="sent",
                        message_id=message_id,
                        sent_at=now,
                        attempts=d.attempts + 1,
                        last_error=None,
                    )
                )

    async def mark_retry(self, delivery_id: int, error: str, next_attempt: dt.datetime) -> None:
        d = DELIVERIES.c
        async with self._writing() as conn:
            await conn.execute(
                update(DELIVERIES)
                .where(d.id == delivery_id, d.status == "pending")
                .values(attempts=d.attempts + 1, last_error=error, next_attempt=next_attempt)
            )

    async def mark_dead(self, delivery_id: int, error: str) -> None:
        d = DELIVERIES.c
        async with self._writing() as conn:
            await conn.execute(
                update(DELIVERIES)
                .where(d.id == delivery_id, d.status == "pending")
                .values(status="dead", attempts=d.attempts + 1, last_error=error)
            )

    # --- reading for people ------------------------------------------------------------------
    async def stories(
        self, topic: Topic | None, since: dt.datetime | None, limit: int = 1000
    ) -> list[StoryView]:
        """Stories matching ``topic`` (all when None) that happened since ``since`` (published
        time, else first seen), newest first."""
        st = STORIES.c
        query = select(STORIES)
        if topic is not None:
            country, sector = _topic_parts(topic)
            if country:
                query = query.where(
                    exists().where(
                        STORY_COUNTRIES.c.story_id == st.id, STORY_COUNTRIES.c.country == country
                    )
                )
            if sector:
                query = query.where(
                    exists().where(
                        STORY_SECTORS.c.story_id == st.id, STORY_SECTORS.c.sector == sector
                    )
                )
        if since is not None:
            query = query.where(st.happened_at >= since)
        query = query.order_by(st.happened_at.desc(), st.id.desc()).limit(limit)
        async with self.engine.connect() as conn:
            return [_story(r) for r in await conn.execute(query)]

    async def get_story(self, story_id: int) -> StoryView | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(STORIES).where(STORIES.c.id == story_id))).first()
        return _story(row) if row else None

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

    async def close(self) -> None:
        await self.engine.dispose()


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
