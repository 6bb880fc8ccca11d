"""Organisation and keyword topics; full-text search over stories.

``subscriptions.term`` holds an organisation ("org:삼성전자") or keyword ("kw:수소") topic; it
joins the unique key, the topic check and the two covering matching indexes (country and
sector topics are those with ``term = ''``). ``stories.status`` keeps the first report's
status for exports. ``stories.search_text`` is the headline, parties
and summary as plain text, filled here for the stories already stored, and indexed for
``/search``: an FTS5 trigram table on SQLite, a pg_trgm GIN index on PostgreSQL
(``subscriptions.search``).

Revision ID: 0010
Revises: 0002
Create Date: 2026-12-07 06:30:00.000000
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from subscriptions.search import PG_DDL, PG_DROP, SQLITE_DDL, SQLITE_DROP, search_text

revision: str = "0010"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TERM = sa.text("term <> ''")


def _matching_indexes(with_term: bool) -> None:
    term = ["term"] if with_term else []
    op.create_index(
        "ix_subscriptions_country_sector",
        "subscriptions",
        ["country", "sector", *term, "active", "chat_id"],
    )
    op.create_index(
        "ix_subscriptions_sector_country",
        "subscriptions",
        ["sector", "country", *term, "active", "chat_id"],
    )


def _fill_search_text() -> None:
    conn = op.get_bind()
    stories = sa.table(
        "stories",
        sa.column("id", sa.Integer),
        sa.column("title", sa.Text),
        sa.column("parties", sa.Text),
        sa.column("summary", sa.Text),
        sa.column("search_text", sa.Text),
    )
    rows = conn.execute(
        sa.select(stories.c.id, stories.c.title, stories.c.parties, stories.c.summary)
    ).all()
    for row in rows:
        parties = row.parties if isinstance(row.parties, list) else json.loads(row.parties or "[]")
        conn.execute(
            stories.update()
            .where(stories.c.id == row.id)
            .values(search_text=search_text(row.title, parties, row.summary))
        )


def upgrade() -> None:
    op.drop_index("ix_subscriptions_country_sector", table_name="subscriptions")
    op.drop_index("ix_subscriptions_sector_country", table_name="subscriptions")
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(
            sa.Column("term", sa.String(length=110), nullable=False, server_default="")
        )
        batch.drop_constraint(op.f("uq_subscriptions_chat_id_country_sector"), type_="unique")
        batch.create_unique_constraint(
            op.f("uq_subscriptions_chat_id_country_sector_term"),
            ["chat_id", "country", "sector", "term"],
        )
        batch.drop_constraint(op.f("ck_subscriptions_topic"), type_="check")
        batch.create_check_constraint("topic", "country <> '' OR sector <> '' OR term <> ''")
    _matching_indexes(with_term=True)
    op.create_index(
        "ix_subscriptions_term",
        "subscriptions",
        ["term"],
        sqlite_where=TERM,
        postgresql_where=TERM,
    )

    # A plain ALTER, never a batch copy: dropping "stories" to copy it would cascade.
    op.add_column("stories", sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    op.add_column(
        "stories",
        sa.Column("status", sa.String(length=16), nullable=False, server_default="signed"),
    )
    op.execute(
        "UPDATE stories SET status = COALESCE((SELECT e.status FROM items i "
        "JOIN extractions e ON e.item_id = i.id WHERE i.story_id = stories.id "
        "ORDER BY i.id LIMIT 1), 'signed')"
    )
    _fill_search_text()
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DDL:
            op.execute(statement)
        op.execute("INSERT INTO stories_fts(stories_fts) VALUES ('rebuild')")
    else:
        for statement in PG_DDL:
            op.execute(statement)


def downgrade() -> None:
    for statement in SQLITE_DROP if op.get_bind().dialect.name == "sqlite" else PG_DROP:
        op.execute(statement)
    op.drop_column("stories", "search_text")
    op.drop_column("stories", "status")
    op.drop_index("ix_subscriptions_term", table_name="subscriptions")
    op.drop_index("ix_subscriptions_country_sector", table_name="subscriptions")
    op.drop_index("ix_subscriptions_sector_country", table_name="subscriptions")
    op.execute("DELETE FROM subscriptions WHERE term <> ''")
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_constraint(op.f("ck_subscriptions_topic"), type_="check")
        batch.create_check_constraint("topic", "country <> '' OR sector <> ''")
        batch.drop_constraint(op.f("uq_subscriptions_chat_id_country_sector_term"), type_="unique")
        batch.create_unique_constraint(
            op.f("uq_subscriptions_chat_id_country_sector"), ["chat_id", "country", "sector"]
        )
        batch.drop_column("term")
    _matching_indexes(with_term=False)
