"""Item identity per feed: a feed's item keys carry the feed (``feed:<id>|<guid or link>``).

Until 0003 the key was the GUID alone, unique across all feeds: a second feed publishing the
same GUID had its entry dropped silently, so one feed could suppress another's in advance. Now
each feed has its own key space; the same article in two feeds is two items that story grouping
joins. Items with no feed (a removed feed's, imported archives) keep their key.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 06:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        sa.text(
            "UPDATE items SET key = 'feed:' || CAST(feed_id AS TEXT) || '|' || key "
            "WHERE feed_id IS NOT NULL AND key NOT LIKE 'feed:%'"
        )
    )


def downgrade() -> None:
    # Back to one key space. Of the items sharing a bare key, the oldest gets it; the others
    # stay scoped (still unique; the old code never looks them up again: harmless).
    pg = op.get_bind().dialect.name == "postgresql"

    def bare(column: str) -> str:
        find = f"strpos({column}, '|')" if pg else f"instr({column}, '|')"
        return f"substr({column}, {find} + 1)"

    op.execute(
        sa.text(
            f"UPDATE items SET key = {bare('items.key')} WHERE items.key LIKE 'feed:%' "
            "AND NOT EXISTS (SELECT 1 FROM items AS other WHERE other.id <> items.id AND "
            f"(other.key = {bare('items.key')} OR (other.key LIKE 'feed:%' "
            f"AND {bare('other.key')} = {bare('items.key')} AND other.id < items.id)))"
        )
    )
