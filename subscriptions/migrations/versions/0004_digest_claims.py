"""Digest claims: which chat got its digest for which local period, in the database.

Until 0004 the day a digest was sent lived in the bot's memory: a restart around digest time
could send it twice or skip it, and two processes sharing PostgreSQL could both send it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 06:40:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "digests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("period", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("claimed_by", sa.String(length=100), nullable=True),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('claimed', 'sent')", name="ck_digests_status"),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name="fk_digests_chat_id_chats",
            ondelete="CASCADE",
            onupdate="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_digests"),
        sa.UniqueConstraint("chat_id", "kind", "period", name="uq_digests_chat_id_kind_period"),
    )


def downgrade() -> None:
    op.drop_table("digests")
