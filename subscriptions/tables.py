"""The ORM tables. Only ``subscriptions.sql`` and the migrations import this module.

Absent topic parts are stored as '' rather than NULL so that the UNIQUE constraint on
(chat, country, sector) holds: SQL treats two NULLs as different, '' as equal.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on both dialects.

    SQLite has no time zones: values are stored as naive UTC text, which sorts correctly.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: the repository stores aware UTC only")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


ChatId = BigInteger().with_variant(Integer(), "sqlite")
"""Telegram ids need 64 bits. On SQLite, INTEGER (64-bit too) makes ``chats.id`` the rowid:
one b-tree lookup instead of two."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ChatRow(Base):
    __tablename__ = "chats"

    id: Mapped[int] = mapped_column(ChatId, primary_key=True, autoincrement=False)
    type: Mapped[str] = mapped_column(String(32), default="private")
    title: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(2), default="en")
    mode: Mapped[str] = mapped_column(String(8), default="instant")
    digest_time: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    digest_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """Digest mode: NULL daily, else weekly on this day (0 Monday ... 6 Sunday)."""
    timezone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    """The chat's IANA time zone; NULL: the schedule's."""
    paused_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    """Alerts are held (kept pending) until then; ``chats.PAUSED_FOREVER`` until /resume."""
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    stopped_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)

    __table_args__ = (
        CheckConstraint("language IN ('ko', 'en')", name="language"),
        CheckConstraint("mode IN ('instant', 'digest')", name="mode"),
    )


class SubscriptionRow(Base):
    __tablename__ = "subscriptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(
        ChatId, ForeignKey("chats.id", ondelete="CASCADE", onupdate="CASCADE")
    )
    country: Mapped[str] = mapped_column(String(2), default="")
    sector: Mapped[str] = mapped_column(String(32), default="")
    international: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """Only MOUs with a foreign party (a sector subscription's choice; countries imply it)."""
    term: Mapped[str] = mapped_column(String(110), default="")
    """An organisation ("org:삼성전자") or keyword ("kw:수소 연료전지") topic, else ''."""
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    """A copy of ``chats.active``, kept by the repository in the same transactions: matching
    then reads the covering indexes below only, never one chat row per recipient (2x faster
    at 10,000 recipients, bench/match.py)."""
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)

    __table_args__ = (
        UniqueConstraint("chat_id", "country", "sector", "term"),
        CheckConstraint("country <> '' OR sector <> '' OR term <> ''", name="topic"),
        # recipients(): one index per way in (by country, by sector), covering the query.
        Index("ix_subscriptions_country_sector", "country", "sector", "term", "active", "chat_id"),
        Index("ix_subscriptions_sector_country", "sector", "country", "term", "active", "chat_id"),
        # Organisation and keyword topics are matched in Python: read them all, and only them.
        Index(
            "ix_subscriptions_term",
            "term",
            sqlite_where=text("term <> ''"),
            postgresql_where=text("term <> ''"),
        ),
    )


class FeedRow(Base):
    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text, default="")
    etag: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_modified: Mapped[str | None] = mapped_column(Text, nullable=True)
    next_check: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_success: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    failing_since: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    disabled_since: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    entries_per_week: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class StoryRow(Base):
    """One MOU event. Display fields come from its first report; ``outlets`` counts them all."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    outlet: Mapped[str] = mapped_column(Text, default="")
    published: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    first_seen: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    happened_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    """Published time (never in the future), else first seen: what periods filter on."""
    signed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    countries: Mapped[list[str]] = mapped_column(JSON, default=list)
    sectors: Mapped[list[str]] = mapped_column(JSON, default=list)
    parties: Mapped[list[list[str]]] = mapped_column(JSON, default=list)
    amounts: Mapped[list[list[Any]]] = mapped_column(JSON, default=list)
    summary: Mapped[str] = mapped_column(Text, default="")
    mou_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    outlets: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default="signed")
    """The first report's status ("signed" or "planned"), for exports."""
    search_text: Mapped[str] = mapped_column(Text, default="")
    """Headline, party names and summary as plain text, for /search: SQLite indexes it with
    FTS5 (trigram), PostgreSQL with pg_trgm (migration 0010, ``subscriptions.search``)."""


class StoryCountryRow(Base):
    __tablename__ = "story_countries"

    story_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
    )
    country: Mapped[str] = mapped_column(String(2), primary_key=True)

    __table_args__ = (Index("ix_story_countries_country", "country", "story_id"),)


class StorySectorRow(Base):
    __tablename__ = "story_sectors"

    story_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
    )
    sector: Mapped[str] = mapped_column(String(32), primary_key=True)

    __table_args__ = (Index("ix_story_sectors_sector", "sector", "story_id"),)


class ItemRow(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feed_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("feeds.id", ondelete="SET NULL"), nullable=True, index=True
    )
    key: Mapped[str] = mapped_column(Text, unique=True)
    url: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    published: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    text_hash: Mapped[str] = mapped_column(String(128), default="", index=True)
    outlet: Mapped[str] = mapped_column(Text, default="")
    story_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("stories.id", ondelete="SET NULL"), nullable=True, index=True
    )
    seen_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ExtractionRow(Base):
    __tablename__ = "extractions"

    item_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    is_mou: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="none")
    signed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    """Every field of ``Extraction.to_json()``."""


class ExtractionCountryRow(Base):
    __tablename__ = "extraction_countries"

    item_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("extractions.item_id", ondelete="CASCADE"), primary_key=True
    )
    country: Mapped[str] = mapped_column(String(2), primary_key=True)

    __table_args__ = (Index("ix_extraction_countries_country", "country", "item_id"),)


class ExtractionSectorRow(Base):
    __tablename__ = "extraction_sectors"

    item_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("extractions.item_id", ondelete="CASCADE"), primary_key=True
    )
    sector: Mapped[str] = mapped_column(String(32), primary_key=True)

    __table_args__ = (Index("ix_extraction_sectors_sector", "sector", "item_id"),)


class DeliveryRow(Base):
    """The outbox: one row per chat and story, whatever else happens."""

    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(
        ChatId, ForeignKey("chats.id", ondelete="CASCADE", onupdate="CASCADE")
    )
    story_id: Mapped[int] = mapped_column(Integer, ForeignKey("stories.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(8), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    message_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    claimed_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    """The sending worker holding this pending row (``DeliveryWorker.owner``), or NULL."""
    claimed_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    """When that claim lapses unless its worker renews it (its heartbeat); after it, any
    worker may claim the row again."""

    __table_args__ = (
        UniqueConstraint("chat_id", "story_id"),
        CheckConstraint("status IN ('pending', 'sent', 'dead')", name="status"),
        # due_deliveries(): pending rows in id order, stopping after a batch, however many
        # sent rows the table keeps (next_attempt and the claim are checked per row).
        Index("ix_deliveries_status_id", "status", "id"),
        Index("ix_deliveries_story_id", "story_id"),
        # renew_claims() and release_claims(): a worker's rows, among the few claimed.
        Index(
            "ix_deliveries_claimed_by",
            "claimed_by",
            sqlite_where=text("claimed_by IS NOT NULL"),
            postgresql_where=text("claimed_by IS NOT NULL"),
        ),
    )


class DigestRow(Base):
    """A digest claimed or sent: at most one per chat, kind and local period, whichever
    process or restart gets there first (the ``INSERT`` is the claim)."""

    __tablename__ = "digests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(
        ChatId, ForeignKey("chats.id", ondelete="CASCADE", onupdate="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(16), default="daily")
    period: Mapped[dt.date] = mapped_column(Date)
    """The chat's local day the digest is for."""
    status: Mapped[str] = mapped_column(String(8), default="claimed")
    claimed_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    claimed_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)
    """A claim whose process died lapses here; another process may then take it over."""
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, nullable=True)

    __table_args__ = (
        UniqueConstraint("chat_id", "kind", "period"),
        CheckConstraint("status IN ('claimed', 'sent')", name="status"),
    )
