"""Delivery claims: an owner and a renewable lease per claimed outbox row.

Until 0002 a claim pushed ``next_attempt`` five minutes ahead, so a killed worker's rows waited
five minutes. Now a claim names its worker (``claimed_by``) and lapses at ``claimed_until``
unless the worker's heartbeat renews it. Rows claimed the old way simply become due when their
pushed ``next_attempt`` comes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CLAIMED = sa.text("claimed_by IS NOT NULL")


def upgrade() -> None:
    op.add_column("deliveries", sa.Column("claimed_by", sa.String(length=100), nullable=True))
    op.add_column(
        "deliveries", sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True)
    )
    op.drop_index("ix_deliveries_status_next_attempt", table_name="deliveries")
    op.create_index("ix_deliveries_status_id", "deliveries", ["status", "id"], unique=False)
    op.create_index(
        "ix_deliveries_claimed_by",
        "deliveries",
        ["claimed_by"],
        unique=False,
        sqlite_where=CLAIMED,
        postgresql_where=CLAIMED,
    )


def downgrade() -> None:
    op.drop_index("ix_deliveries_claimed_by", table_name="deliveries")
    op.drop_index("ix_deliveries_status_id", table_name="deliveries")
    op.create_index(
        "ix_deliveries_status_next_attempt",
        "deliveries",
        ["status", "next_attempt"],
        unique=False,
    )
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("claimed_until")
        batch.drop_column("claimed_by")
