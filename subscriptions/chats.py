"""Chats and their subscriptions in the store: who follows what, and who a story reaches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import String, delete, exists, func, select, update
from sqlalchemy import cast as sql_cast
from sqlalchemy.ext.asyncio import AsyncConnection

from subscriptions.models import Chat, DeliveryMode, Language, Subscription, Topic
from subscriptions.sql import (
    CHATS,
    DELIVERIES,
    SUBS,
    SqlBase,
    chat_of,
    chunks,
    recipients_query,
    topic_of,
    topic_parts,
    utcnow,
)


class ChatsAndSubscriptions(SqlBase):
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
                n.c.chat_id == new_id,
                n.c.country == s.country,
                n.c.sector == s.sector,
                n.c.term == s.term,
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
        self, chat_id: int, topic: Topic, limit: int | None = None, *, international: bool = False
    ) -> bool:
        """False when the chat already had it, or already has ``limit`` subscriptions. An
        unknown chat is created with defaults."""
        country, sector, term = topic_parts(topic)
        now = utcnow()
        async with self._writing() as conn:
            await conn.execute(
                self._insert(CHATS)
                .values(id=chat_id, type="private", title="", created_at=now)
                .on_conflict_do_nothing(index_elements=[CHATS.c.id])
            )
            if limit is not None:
                count = select(func.count()).select_from(SUBS).where(SUBS.c.chat_id == chat_id)
                if int(await conn.scalar(count) or 0) >= limit:
                    return False
            active = select(CHATS.c.active).where(CHATS.c.id == chat_id).scalar_subquery()
            result = await conn.execute(
                self._insert(SUBS)
                .values(
                    chat_id=chat_id,
                    country=country,
                    sector=sector,
                    international=international,
                    term=term,
                    active=active,
                    created_at=now,
                )
                .on_conflict_do_nothing(index_elements=["chat_id", "country", "sector", "term"])
            )
        return bool(result.rowcount)

    async def remove_subscription(self, chat_id: int, topic: Topic) -> bool:
        country, sector, term = topic_parts(topic)
        async with self._writing() as conn:
            result = await conn.execute(
                delete(SUBS).where(
                    SUBS.c.chat_id == chat_id,
                    SUBS.c.country == country,
                    SUBS.c.sector == sector,
                    SUBS.c.term == term,
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
        country, sector, term = topic_parts(topic)
        async with self._writing() as conn:
            result = await conn.execute(
                update(SUBS)
                .where(
                    SUBS.c.chat_id == chat_id,
                    SUBS.c.country == country,
                    SUBS.c.sector == sector,
                    SUBS.c.term == term,
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
                    select(s.id, s.chat_id, s.country, s.sector, s.term, s.international)
                    .where(s.chat_id.in_(part))
                    .order_by(s.id)
                )
                for r in rows:
                    topic = topic_of(r.country, r.sector, r.term)
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
