"""The outbox: the delivery worker claims due rows (``due_deliveries``), keeps its claims
alive (``renew_claims``), gives back what it did not send (``release_claims``) and settles each
row (``mark_sent``/``mark_retry``/``mark_dead``). Rows are queued by ``subscriptions.recording``."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import (
    Select,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Row

from subscriptions.models import (
    Chat,
    DeliveryJob,
)
from subscriptions.sql import (
    CHATS,
    DELIVERIES,
    STORIES,
    SqlBase,
    chat_of,
    chunks,
    story_of,
)

CLAIM_SCANS = 8
"""Pages of candidates ``due_deliveries`` reads to fill a batch under its per-chat cap."""


class Outbox(SqlBase):
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
        """Pending rows due now, for active instant-mode chats not paused, oldest first, CLAIMED for
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
                # Held until resumed, even past the pause's end: the resume sends them as
                # one message first (``bot.jobs.resume``).
                CHATS.c.paused_until.is_(None),
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
