"""Items, stories and the outbox: ``record_item`` stores an entry, groups it into a story and
queues the alerts in one transaction; the delivery worker claims and settles the queued rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Select,
    exists,
    insert,
    literal,
    select,
    text,
    true,
    update,
)
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from extractors.model import Extraction
from subscriptions.models import (
    Chat,
    DeliveryJob,
    NewItem,
    RecordResult,
)
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
    STORY_LOCK,
    STORY_SECTORS,
    SqlBase,
    chat_of,
    chunks,
    recipients_query,
    story_of,
)
from subscriptions.stories import StoryFacts, best_match
from subscriptions.tables import (
    UtcDateTime,
)


class ItemsAndOutbox(SqlBase):
    # --- items, stories and the outbox ---------------------------------------------------------
    async def known_keys(self, keys: list[str]) -> set[str]:
        found: set[str] = set()
        unique = sorted(set(keys))
        async with self.engine.connect() as conn:
            for chunk in chunks(unique):
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
        return DeliveryJob(id=row.id, chat=chat_of(row), story=story_of(row), attempts=row.attempts)

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
            return [chat_of(r) for r in rows]

    async def mark_sent(
        self, delivery_ids: list[int], message_id: int | None, now: dt.datetime
    ) -> None:
        d = DELIVERIES.c
        async with self._writing() as conn:
            for chunk in chunks(delivery_ids):
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
