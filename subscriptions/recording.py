"""Storing what the poller read: items, their extractions, the stories they report and the
alerts a new story queues. ``record_items`` does a batch (a feed's new entries) in ONE
transaction; every item in it is stored exactly as ``record_item`` stores one: with its
extraction, attached to the story it reprints or starting one, and, for a new story that
alerts, one delivery per recipient chat. The stories are read back here too (``stories``,
``get_story``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    and_,
    exists,
    insert,
    literal,
    or_,
    select,
    text,
    true,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from extractors.model import Extraction
from subscriptions.models import NewItem, RecordResult, StoryView, Topic
from subscriptions.search import search_text
from subscriptions.sql import (
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
    SUBS,
    SqlBase,
    chunks,
    recipients_query,
    story_of,
    topic_of,
    topic_parts,
)
from subscriptions.stories import StoryFacts, best_match
from subscriptions.tables import UtcDateTime


class ItemsAndStories(SqlBase):
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
        [result] = await self.record_items([(item, extraction)], now)
        return result

    async def record_items(
        self, items: Sequence[tuple[NewItem, Extraction]], now: dt.datetime
    ) -> list[RecordResult]:
        """``record_item`` for each of ``items``, in order, in ONE transaction (a crash stores
        all of them or none). A key stored before, or earlier in the same batch, is a
        ``duplicate`` and changes nothing; a report later in the batch can reprint a story an
        earlier one started."""
        if not items:
            return []
        async with self._writing() as conn:
            ids = await self._insert_items(conn, [item for item, _ in items], now)
            fresh = [(i, item, ex) for i, (item, ex) in enumerate(items) if ids[i] is not None]
            await self._store_extractions(conn, [(ids[i], ex) for i, _, ex in fresh])
            results = [
                RecordResult(item_id=None, duplicate=True) if i is None else RecordResult(item_id=i)
                for i in ids
            ]
            mous = [(i, item, ex) for i, item, ex in fresh if ex.is_mou]
            if mous and self.dialect == "postgresql":
                await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": STORY_LOCK})
            for i, item, ex in mous:
                item_id = ids[i]
                assert item_id is not None
                results[i] = await self._group(conn, item_id, item, ex, now)
        return results

    async def _insert_items(
        self, conn: AsyncConnection, items: list[NewItem], now: dt.datetime
    ) -> list[int | None]:
        """Insert the items whose key is new; their ids in input order, None for the rest.
        Rows go in key order, so concurrent batches take the key locks in one order."""
        feed_ids = sorted({i.feed_id for i in items if i.feed_id is not None})
        live: set[int] = set()
        for chunk in chunks(feed_ids):
            query = select(FEEDS.c.id).where(FEEDS.c.id.in_(chunk))
            if self.dialect == "postgresql":  # an admin's removal waits for this transaction
                query = query.with_for_update(key_share=True)
            live.update(await conn.scalars(query))
        first: dict[str, NewItem] = {}
        for item in items:
            first.setdefault(item.key, item)
        rows = [
            {
                # NULL when an admin removed the feed during this poll: keep the item.
                "feed_id": item.feed_id if item.feed_id in live else None,
                "key": key,
                "url": item.url,
                "title": item.title,
                "published": item.published,
                "text_hash": item.text_hash,
                "outlet": item.outlet,
                "seen_at": now,
            }
            for key, item in sorted(first.items())
        ]
        inserted = await conn.execute(
            self._insert(ITEMS)
            .on_conflict_do_nothing(index_elements=[ITEMS.c.key])
            .returning(ITEMS.c.id, ITEMS.c.key),
            rows,
        )
        id_of: dict[str, int] = {r.key: r.id for r in inserted}
        ids: list[int | None] = []
        for item in items:  # a key twice in the batch: the first occurrence is the item
            ids.append(id_of.pop(item.key, None))
        return ids

    async def _store_extractions(
        self, conn: AsyncConnection, rows: list[tuple[int | None, Extraction]]
    ) -> None:
        """Every field as JSON, and the countries and sectors as indexed rows."""
        extractions: list[dict[str, Any]] = []
        countries: list[dict[str, Any]] = []
        sectors: list[dict[str, Any]] = []
        for item_id, ex in rows:
            extractions.append(
                {
                    "item_id": item_id,
                    "is_mou": ex.is_mou,
                    "status": ex.status,
                    "signed_on": ex.date,
                    "data": ex.to_json(),
                }
            )
            countries += [{"item_id": item_id, "country": c} for c in _countries(ex)]
            sectors += [{"item_id": item_id, "sector": s} for s in _sectors(ex)]
        for table, values in (
            (EXTRACTIONS, extractions),
            (EXTRACTION_COUNTRIES, countries),
            (EXTRACTION_SECTORS, sectors),
        ):
            if values:
                await conn.execute(insert(table), values)

    async def _group(
        self, conn: AsyncConnection, item_id: int, item: NewItem, ex: Extraction, now: dt.datetime
    ) -> RecordResult:
        """Attach an MOU report to the story it reprints, or start one and queue its alerts."""
        facts = StoryFacts.of(
            ex.countries, ex.parties, ex.date, item.published, item.title, ex.summary
        )
        story_id = await self._reprinted_story(conn, facts, now)
        if story_id is not None:
            await self._attach(conn, item_id, story_id)
            return RecordResult(item_id=item_id, story_id=story_id)
        story_id = await self._create_story(conn, item, ex, now)
        await conn.execute(update(ITEMS).where(ITEMS.c.id == item_id).values(story_id=story_id))
        queued = 0
        if item.alert:
            queued = await self._enqueue(conn, story_id, ex, now)
            queued += await self._enqueue_terms(conn, story_id, item, ex, now)
        return RecordResult(item_id=item_id, story_id=story_id, new_story=True, deliveries=queued)

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
        countries, sectors = _countries(extraction), _sectors(extraction)
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
                status=extraction.status,
                search_text=search_text(item.title, extraction.parties, extraction.summary),
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
        query = recipients_query(_countries(extraction), _sectors(extraction))
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

    async def _enqueue_terms(
        self,
        conn: AsyncConnection,
        story_id: int,
        item: NewItem,
        extraction: Extraction,
        now: dt.datetime,
    ) -> int:
        """Deliveries for the organisation and keyword topics the story matches: those few
        subscriptions are read and matched in Python (``Topic.matches``). A chat that
        ``_enqueue`` queued already keeps its one row (the outbox's unique key)."""
        s = SUBS.c
        rows = await conn.execute(
            select(s.chat_id, s.country, s.sector, s.term).where(s.term != "", s.active == true())
        )
        countries, sectors = _countries(extraction), _sectors(extraction)
        chats = sorted(
            {
                r.chat_id
                for r in rows
                if topic_of(r.country, r.sector, r.term).matches(
                    countries, sectors, extraction.parties, item.title, extraction.summary
                )
            }
        )
        if not chats:
            return 0
        result = await conn.execute(
            self._insert(DELIVERIES)
            .values(
                [
                    {
                        "chat_id": chat_id,
                        "story_id": story_id,
                        "status": "pending",
                        "attempts": 0,
                        "next_attempt": now,
                        "created_at": now,
                    }
                    for chat_id in chats
                ]
            )
            .on_conflict_do_nothing(index_elements=["chat_id", "story_id"])
        )
        return int(result.rowcount)

    # --- reading stories for people ---------------------------------------------------------
    @staticmethod
    def _about(topic: Topic) -> Any:
        """The SQL condition "this story matches ``topic``" (its country and sector parts:
        organisations and keywords are matched in Python, ``_term_stories``)."""
        st = STORIES.c
        country, sector, _term = topic_parts(topic)
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
        # An organisation or keyword topic is matched in Python: its newest ``limit`` stories
        # join the SQL condition by id, so the newest ``limit`` of all are among them.
        found = [self._about(topic) for topic in topics if not (topic.org or topic.keyword)]
        term_ids = {
            story.id
            for topic in topics
            if topic.org or topic.keyword
            for story in await self._term_stories(topic, None, limit)
        }
        if term_ids:
            found.append(st.id.in_(sorted(term_ids)))
        if not found:  # only organisations or keywords, and none matched
            return []
        query = (
            select(STORIES)
            .where(or_(*found))
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
            if topic.org or topic.keyword:
                return await self._term_stories(topic, since, limit)
            query = query.where(self._about(topic))
        if since is not None:
            query = query.where(st.happened_at >= since)
        query = query.order_by(st.happened_at.desc(), st.id.desc()).limit(limit)
        async with self.engine.connect() as conn:
            return [story_of(r) for r in await conn.execute(query)]

    async def _term_stories(
        self, topic: Topic, since: dt.datetime | None, limit: int
    ) -> list[StoryView]:
        """Stories an organisation or keyword topic matches, newest first: the country and
        sector parts narrow the rows in SQL, the name is matched in Python as alerts match it
        (``Topic.matches``), reading the rows as a stream."""
        st = STORIES.c
        q = select(STORIES)
        if topic.country:
            q = q.where(
                exists().where(
                    STORY_COUNTRIES.c.story_id == st.id, STORY_COUNTRIES.c.country == topic.country
                )
            )
        if topic.sector:
            q = q.where(
                exists().where(
                    STORY_SECTORS.c.story_id == st.id, STORY_SECTORS.c.sector == topic.sector
                )
            )
        if since is not None:
            q = q.where(st.happened_at >= since)
        q = q.order_by(st.happened_at.desc(), st.id.desc())
        found: list[StoryView] = []
        async with self.engine.connect() as conn:
            rows = await conn.stream(q.execution_options(yield_per=500))
            async for row in rows:
                story = story_of(row)
                if topic.matches(
                    story.countries, story.sectors, story.parties, story.title, story.summary
                ):
                    found.append(story)
                    if len(found) >= limit:
                        break
            await rows.close()
        return found

    async def get_story(self, story_id: int) -> StoryView | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(STORIES).where(STORIES.c.id == story_id))).first()
        return story_of(row) if row else None


def _countries(ex: Extraction) -> list[str]:
    return sorted({c.upper() for c in ex.countries})


def _sectors(ex: Extraction) -> list[str]:
    return sorted(set(ex.sectors))
