"""Alembic environment: one history for SQLite and PostgreSQL, run by ``subscriptions.migrate``.

The URL comes from ``config.attributes["url"]`` (never the .ini: a password may hold "%"), or an
open connection from ``config.attributes["connection"]``. Called with a URL from a worker
thread, so ``asyncio.run`` here never nests in the application's loop.
"""

from __future__ import annotations

import asyncio
import logging

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection

from subscriptions.engine import make_engine
from subscriptions.tables import Base

log = logging.getLogger("subscriptions.migrate")

# Several processes may start at once against one PostgreSQL database: one migrates at a time.
PG_MIGRATION_LOCK = 7_268_001


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite ALTER goes via copies
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
        before = context.get_context().get_current_revision()
        context.run_migrations()
        after = context.get_context().get_current_revision()
    if before != after:
        log.info("database schema upgraded from %s to %s", before or "nothing", after)


async def _run_async(url: str) -> None:
    engine = make_engine(url, connect_timeout=context.config.attributes.get("connect_timeout"))
    try:
        async with engine.connect() as conn:
            await conn.run_sync(_run)
            await conn.commit()
    finally:
        await engine.dispose()


def main() -> None:
    if context.is_offline_mode():
        raise SystemExit("offline (--sql) migrations are not supported; run `mou-alert db upgrade`")
    connection = context.config.attributes.get("connection")
    if connection is not None:  # an in-memory SQLite database lives in that connection only
        _run(connection)
        return
    url = context.config.attributes.get("url") or context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("no database URL given to the migration environment")
    asyncio.run(_run_async(str(url)))


main()
