"""Schema migrations: Alembic, one history for SQLite and PostgreSQL, shipped in the package.

The app upgrades on start (``open_repository``); ``mou-alert db upgrade`` does it by hand.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, make_url

from bot.settings import Settings
from subscriptions.engine import make_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["url"] = url
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("")).get_current_head()


def upgrade(url: str) -> None:
    """Bring the database at ``url`` to the newest schema (blocking: run it in a thread)."""
    command.upgrade(alembic_config(url), "head")


async def current_revision(url: str) -> str | None:
    def read(conn: Connection) -> str | None:
        return MigrationContext.configure(conn).get_current_revision()

    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(read)
    finally:
        await engine.dispose()


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def cmd_upgrade(settings: Settings) -> int:
    """``mou-alert db upgrade``: apply every pending migration and say what was done."""
    url = settings.database.url
    where = safe_url(url)
    try:
        before = asyncio.run(current_revision(url))
        upgrade(url)
        after = asyncio.run(current_revision(url))
    except (sa_exc.SQLAlchemyError, OSError) as exc:
        print(f"mou-alert: cannot upgrade {where}: {exc}", file=sys.stderr)
        return 1
    if before == after:
        print(f"{where}: already at the newest schema ({after})")
    else:
        print(f"{where}: upgraded from {before or 'an empty database'} to {after}")
    return 0
