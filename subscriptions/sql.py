"""What the repository's parts share: table handles, row converters, the matching query and the
engine plumbing (write transactions, dialect-specific upserts)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import secrets
import socket
from collections.abc import AsyncIterator, Iterable, Sequence
from typing import Any, cast

from sqlalchemy import (
    Select,
    Table,
    and_,
    false,
    select,
    true,
    union,
    union_all,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from subscriptions.engine import writer
from subscriptions.models import (
    Chat,
    Feed,
    StoryView,
    Topic,
)
from subscriptions.organisations import clean_term
from subscriptions.tables import (
    ChatRow,
    DeliveryRow,
    DigestRow,
    ExtractionCountryRow,
    ExtractionRow,
    ExtractionSectorRow,
    FeedRow,
    ItemRow,
    StoryCountryRow,
    StoryRow,
    StorySectorRow,
    SubscriptionRow,
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
DIGESTS = _t(DigestRow)

STORY_LOCK = 7_268_002
"""PostgreSQL advisory lock serialising story grouping between processes."""
CHUNK = 500
"""Rows per IN (...) list: far under SQLite's and asyncpg's parameter limits."""


def new_claim_owner(role: str) -> str:
    """A claim owner id unique to this process and object: host, pid, role, random."""
    return f"{socket.gethostname()[:50]}:{os.getpid()}:{role}:{secrets.token_hex(4)}"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


ORG_PREFIX = "org:"
KEYWORD_PREFIX = "kw:"


def topic_parts(topic: Topic) -> tuple[str, str, str]:
    """The (country, sector, term) columns of a subscription to ``topic``."""
    country = (topic.country or "").strip().upper()
    sector = (topic.sector or "").strip().lower()
    org, keyword = clean_term(topic.org or ""), clean_term(topic.keyword or "")
    if org and keyword:
        raise ValueError("a topic names an organisation or a keyword, not both")
    term = ORG_PREFIX + org if org else KEYWORD_PREFIX + keyword if keyword else ""
    if not country and not sector and not term:
        raise ValueError("a topic needs a country, a sector, an organisation or a keyword")
    return country, sector, term


def topic_of(country: str, sector: str, term: str) -> Topic:
    return Topic(
        country=country or None,
        sector=sector or None,
        org=term.removeprefix(ORG_PREFIX) if term.startswith(ORG_PREFIX) else None,
        keyword=term.removeprefix(KEYWORD_PREFIX) if term.startswith(KEYWORD_PREFIX) else None,
    )


def chat_of(row: Row[Any]) -> Chat:
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
        digest_day=m[CHATS.c.digest_day],
        timezone=m[CHATS.c.timezone],
        paused_until=m[CHATS.c.paused_until],
    )


def feed_of(row: Row[Any]) -> Feed:
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


def story_of(row: Row[Any]) -> StoryView:
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
        status=m[STORIES.c.status],
    )


def recipients_query(
    countries: Sequence[str], sectors: Sequence[str], *, distinct: bool = True
) -> Select[Any] | None:
    """Active chats with a matching subscription, each once (``distinct``; else once per
    matching subscription); None when nothing can match.

    Three index range scans (country only, sector only, both) instead of one OR over the
    whole table: the OR form scans every subscription. ``subscriptions.active`` mirrors the
    chat's flag so that no chat row is read. Organisation and keyword topics (``term``) are
    left to ``subscriptions.recording``, which matches them in Python.
    """
    s = SUBS.c
    # "= true", not "IS true": an index condition on both dialects
    active = and_(s.term == "", s.active == true())
    parts: list[Select[Any]] = []
    if countries:
        parts.append(select(s.chat_id).where(s.country.in_(countries), s.sector == "", active))
    if sectors:
        sector_only = [s.country == "", s.sector.in_(sectors), active]
        if not countries:  # a domestic MOU: only subscriptions that want all MOUs
            sector_only.append(s.international == false())
        parts.append(select(s.chat_id).where(*sector_only))
    if countries and sectors:
        parts.append(
            select(s.chat_id).where(s.country.in_(countries), s.sector.in_(sectors), active)
        )
    if not parts:
        return None
    if not distinct:
        return parts[0] if len(parts) == 1 else select(union_all(*parts).subquery().c.chat_id)
    # UNION drops duplicates; a lone part needs DISTINCT (a chat following FR and DE).
    matched = union(*parts).subquery() if len(parts) > 1 else parts[0].distinct().subquery()
    return select(matched.c.chat_id)


class SqlBase:
    """The engine plumbing the repository's parts share."""

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        claim_lease: dt.timedelta = dt.timedelta(seconds=20),
        claim_owner: str | None = None,
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
        """How long a claimed delivery stays invisible to other workers unless its worker
        renews the claim (see due_deliveries, renew_claims)."""
        self.claim_owner = claim_owner or new_claim_owner("repo")
        """The owner of claims made without naming one."""
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

    async def close(self) -> None:
        await self.engine.dispose()
