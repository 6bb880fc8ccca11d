"""Chat settings: a time zone, a pause and a weekly digest day per chat; an international-only
choice per subscription. Columns only (no table copy on SQLite: a copy of ``chats`` would
cascade-delete its subscriptions and deliveries).

Revision ID: 0020
Revises: 0002
Create Date: 2026-12-07 06:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("chats", sa.Column("digest_day", sa.Integer(), nullable=True))
    op.add_column("chats", sa.Column("timezone", sa.String(length=64), nullable=True))
    op.add_column("chats", sa.Column("paused_until", sa.DateTime(timezone=True), nullable=True))
    op.add_column(
        "subscriptions",
        sa.Column("international", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    op.drop_column("subscriptions", "international")
    op.drop_column("chats", "paused_until")
    op.drop_column("chats", "timezone")
    op.drop_column("chats", "digest_day")
