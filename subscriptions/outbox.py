"""Items, stories and the outbox: ``record_item`` stores an entry, groups it into a story and
queues the alerts in one transaction; the delivery worker claims and settles the queued rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import (
    Select,
    exists,
    insert,
    literal,
    or_,
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

CLAIM_SCANS = 8
"""Pages of candidates ``due_deliveries`` reads to fill a batch under its per-chat cap."""


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

    async def due_deliveries(
        self,
        now: dt.datetime,
        limit: int = 100,
        *,
        owner: str | None = None,
        lease: dt.timedelta | None = None,
        per_chat: int | None = None,
    ) -> list[DeliveryJob]:
        """Pending rows due now, for active instant-mode chats, oldest first, CLAIMED for
        ``owner`` (default: this repository's ``claim_owner``) until ``now + lease`` (default
        ``claim_lease``): no other call returns a row while its claim holds, which the owner
        extends with :meth:`renew_claims`. A row whose claim lapsed (its worker died) is
        claimable again. At most ``per_chat`` rows of one chat (None: no cap), so a batch is
        never held up by one chat's pacing; rows past the cap wait for a later call.

        On PostgreSQL, ``FOR UPDATE SKIP LOCKED`` keeps concurrent claimers apart without
        waiting; the row conditions are re-checked on the locked row version."""
        owner = owner or self.claim_owner
        until = now + (lease if lease is not None else self.claim_lease)
        d = DELIVERIES.c
        scan = max(4 * limit, 200)
        base = (
            select(d.id, d.chat_id)
            .join(CHATS, CHATS.c.id == d.chat_id)
            .where(
                d.status == "pending",
                d.next_attempt <= now,
                or_(d.claimed_until.is_(None), d.claimed_until <= now),
                CHATS.c.active.is_(True),
                CHATS.c.mode == "instant",
            )
            .order_by(d.id)
            .limit(scan)
        )
        if self.dialect == "postgresql":
            base = base.with_for_update(skip_locked=True, of=DELIVERIES)
        async with self._writing() as conn:
            chosen: list[int] = []
            per: Counter[int] = Counter()
            after = 0
            for _ in range(CLAIM_SCANS):
                rows = (await conn.execute(base.where(d.id > after))).all()
                for row in rows:
                    if per_chat is None or per[row.chat_id] < per_chat:
                        per[row.chat_id] += 1
                        chosen.append(row.id)
                        if len(chosen) == limit:
                            break
                if len(chosen) == limit or len(rows) < scan:
                    break
                after = rows[-1].id
            if not chosen:
                return []
            await conn.execute(
                update(DELIVERIES)
                .where(d.id.in_(chosen))
                .values(claimed_by=owner, claimed_until=until)
            )
            rows = await conn.execute(self._jobs_query().where(d.id.in_(chosen)))
            return [self._job(r) for r in rows]

    async def renew_claims(
        self, owner: str, now: dt.datetime, lease: dt.timedelta | None = None
    ) -> set[int]:
        """The heartbeat: extend ``owner``'s claims on pending rows to ``now + lease``;
        returns the ids it still holds (a row missing was settled, or claimed by another
        worker after this one's claim lapsed: the owner must not send it)."""
        until = now + (lease if lease is not None else self.claim_lease)
        d = DELIVERIES.c
        async with self._writing() as conn:
            held = await conn.scalars(
                update(DELIVERIES)
                .where(d.claimed_by == owner, d.status == "pending")
                .values(claimed_until=until)
                .returning(d.id)
            )
            return set(held)

    async def release_claims(self, owner: str, ids: list[int] | None = None) -> int:
        """Give back ``owner``'s claims on pending rows (all of them, or those in ``ids``):
        they are due again at once, for any worker. Returns how many were released."""
        d = DELIVERIES.c
        mine = update(DELIVERIES).where(d.claimed_by == owner, d.status == "pending")
        queries = [mine] if ids is None else [mine.where(d.id.in_(c)) for c in chunks(ids)]
        released = 0
        async with self._writing() as conn:
            for query in queries:
                result = await conn.execute(query.values(claimed_by=None, claimed_until=None))
                released += int(result.rowcount)
        return released

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
                        claimed_by=None,
                        claimed_until=None,
                    )
                )

    async def mark_retry(self, delivery_id: int, error: str, next_attempt: dt.datetime) -> None:
        d = DELIVERIES.c
        async with self._writing() as conn:
            await conn.execute(
                update(DELIVERIES)
                .where(d.id == delivery_id, d.status == "pending")
                .values(
                    attempts=d.attempts + 1,
                    last_error=error,
                    next_attempt=next_attempt,
                    claimed_by=None,
                    claimed_until=None,
                )
            )

    async def mark_dead(self, delivery_id: int, error: str) -> None:
        d = DELIVERIES.c
        async with self._writing() as conn:
            await conn.execute(
                update(DELIVERIES)
                .where(d.id == delivery_id, d.status == "pending")
                .values(
                    status="dead",
                    attempts=d.attempts + 1,
                    last_error=error,
                    claimed_by=None,
                    claimed_until=None,
                )
            )
