"""Digest claims: each chat's digest for a local period goes once, across restarts and across
processes sharing the database, the way outbox rows do for alerts.

The claim is an ``INSERT`` that the unique (chat, kind, period) constraint lets only one
process win; a claim whose process died lapses at ``claimed_until`` and may be taken over, so a
crash mid-digest delays it, never loses it (the delivery rows it settled stay settled)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, delete, update

from subscriptions.sql import DIGESTS, SqlBase

DIGEST_LEASE = dt.timedelta(minutes=10)


class DigestClaims(SqlBase):
    async def claim_digest(
        self,
        chat_id: int,
        period: dt.date,
        owner: str,
        now: dt.datetime,
        kind: str = "daily",
        lease: dt.timedelta = DIGEST_LEASE,
    ) -> bool:
        d = DIGESTS.c
        async with self._writing() as conn:
            inserted = await conn.execute(
                self._insert(DIGESTS)
                .values(
                    chat_id=chat_id,
                    kind=kind,
                    period=period,
                    status="claimed",
                    claimed_by=owner,
                    claimed_until=now + lease,
                )
                .on_conflict_do_nothing(index_elements=[d.chat_id, d.kind, d.period])
                .returning(d.id)
            )
            if inserted.first() is not None:
                return True
            lapsed = await conn.execute(
                update(DIGESTS)
                .where(
                    and_(d.chat_id == chat_id, d.kind == kind, d.period == period),
                    d.status == "claimed",
                    d.claimed_until < now,
                )
                .values(claimed_by=owner, claimed_until=now + lease)
            )
            return int(lapsed.rowcount) == 1

    async def finish_digest(
        self, chat_id: int, period: dt.date, owner: str, now: dt.datetime, kind: str = "daily"
    ) -> None:
        d = DIGESTS.c
        async with self._writing() as conn:
            await conn.execute(
                update(DIGESTS)
                .where(d.chat_id == chat_id, d.kind == kind, d.period == period)
                .where(d.claimed_by == owner)
                .values(status="sent", sent_at=now, claimed_by=None, claimed_until=None)
            )

    async def release_digest(
        self, chat_id: int, period: dt.date, owner: str, kind: str = "daily"
    ) -> None:
        d = DIGESTS.c
        async with self._writing() as conn:
            await conn.execute(
                delete(DIGESTS).where(
                    d.chat_id == chat_id,
                    d.kind == kind,
                    d.period == period,
                    d.status == "claimed",
                    d.claimed_by == owner,
                )
            )
