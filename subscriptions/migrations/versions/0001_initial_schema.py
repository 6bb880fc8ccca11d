"""Initial schema: chats, subscriptions, feeds, items, extractions, stories, deliveries.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 00:08:32.290359
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Telegram ids are 64-bit; SQLite's INTEGER is too, and makes chats.id the rowid.
CHAT_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "chats",
        sa.Column("id", CHAT_ID, autoincrement=False, nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("digest_time", sa.Time(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("stopped_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("language IN ('ko', 'en')", name=op.f("ck_chats_language")),
        sa.CheckConstraint("mode IN ('instant', 'digest')", name=op.f("ck_chats_mode")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chats")),
    )
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("next_check", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_success", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("failing_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("disabled_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("entries_per_week", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
        sa.UniqueConstraint("url", name=op.f("uq_feeds_url")),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("outlet", sa.Text(), nullable=False),
        sa.Column("published", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("happened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("countries", sa.JSON(), nullable=False),
        sa.Column("sectors", sa.JSON(), nullable=False),
        sa.Column("parties", sa.JSON(), nullable=False),
        sa.Column("amounts", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("mou_count", sa.Integer(), nullable=True),
        sa.Column("outlets", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    op.create_index("ix_stories_happened_at", "stories", ["happened_at"], unique=False)

    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", CHAT_ID, nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'sent', 'dead')", name=op.f("ck_deliveries_status")
        ),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name=op.f("fk_deliveries_chat_id_chats"),
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_deliveries_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
        sa.UniqueConstraint("chat_id", "story_id", name=op.f("uq_deliveries_chat_id_story_id")),
    )
    op.create_index(
        "ix_deliveries_status_next_attempt", "deliveries", ["status", "next_attempt"], unique=False
    )
    op.create_index("ix_deliveries_story_id", "deliveries", ["story_id"], unique=False)

    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("published", sa.DateTime(timezone=True), nullable=True),
        sa.Column("text_hash", sa.String(length=128), nullable=False),
        sa.Column("outlet", sa.Text(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["feed_id"], ["feeds.id"], name=op.f("fk_items_feed_id_feeds"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_items_story_id_stories"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
        sa.UniqueConstraint("key", name=op.f("uq_items_key")),
    )
    op.create_index("ix_items_feed_id", "items", ["feed_id"], unique=False)
    op.create_index("ix_items_story_id", "items", ["story_id"], unique=False)
    op.create_index("ix_items_text_hash", "items", ["text_hash"], unique=False)

    op.create_table(
        "story_countries",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_story_countries_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("story_id", "country", name=op.f("pk_story_countries")),
    )
    op.create_index(
        "ix_story_countries_country", "story_countries", ["country", "story_id"], unique=False
    )

    op.create_table(
        "story_sectors",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("sector", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_story_sectors_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("story_id", "sector", name=op.f("pk_story_sectors")),
    )
    op.create_index(
        "ix_story_sectors_sector", "story_sectors", ["sector", "story_id"], unique=False
    )

    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", CHAT_ID, nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("sector", sa.String(length=32), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("country <> '' OR sector <> ''", name=op.f("ck_subscriptions_topic")),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name=op.f("fk_subscriptions_chat_id_chats"),
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscriptions")),
        sa.UniqueConstraint(
            "chat_id", "country", "sector", name=op.f("uq_subscriptions_chat_id_country_sector")
        ),
    )
    op.create_index(
        "ix_subscriptions_country_sector",
        "subscriptions",
        ["country", "sector", "active", "chat_id"],
        unique=False,
    )
    op.create_index(
        "ix_subscriptions_sector_country",
        "subscriptions",
        ["sector", "country", "active", "chat_id"],
        unique=False,
    )

    op.create_table(
        "extractions",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("is_mou", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_extractions_item_id_items"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("item_id", name=op.f("pk_extractions")),
    )
    op.create_table(
        "extraction_countries",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["extractions.item_id"],
            name=op.f("fk_extraction_countries_item_id_extractions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("item_id", "country", name=op.f("pk_extraction_countries")),
    )
    op.create_index(
        "ix_extraction_countries_country",
        "extraction_countries",
        ["country", "item_id"],
        unique=False,
    )

    op.create_table(
        "extraction_sectors",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("sector", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["extractions.item_id"],
            name=op.f("fk_extraction_sectors_item_id_extractions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("item_id", "sector", name=op.f("pk_extraction_sectors")),
    )
    op.create_index(
        "ix_extraction_sectors_sector", "extraction_sectors", ["sector", "item_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_extraction_sectors_sector", table_name="extraction_sectors")

    op.drop_table("extraction_sectors")
    op.drop_index("ix_extraction_countries_country", table_name="extraction_countries")

    op.drop_table("extraction_countries")
    op.drop_table("extractions")
    op.drop_index("ix_subscriptions_sector_country", table_name="subscriptions")
    op.drop_index("ix_subscriptions_country_sector", table_name="subscriptions")

    op.drop_table("subscriptions")
    op.drop_index("ix_story_sectors_sector", table_name="story_sectors")

    op.drop_table("story_sectors")
    op.drop_index("ix_story_countries_country", table_name="story_countries")

    op.drop_table("story_countries")
    op.drop_index("ix_items_text_hash", table_name="items")
    op.drop_index("ix_items_story_id", table_name="items")
    op.drop_index("ix_items_feed_id", table_name="items")

    op.drop_table("items")
    op.drop_index("ix_deliveries_story_id", table_name="deliveries")
    op.drop_index("ix_deliveries_status_next_attempt", table_name="deliveries")

    op.drop_table("deliveries")
    op.drop_index("ix_stories_happened_at", table_name="stories")

    op.drop_table("stories")
    op.drop_table("feeds")
    op.drop_table("chats")
