"""Schema migrations: Alembic, one history for SQLite and PostgreSQL, shipped in the package.

The app upgrades on start (``open_repository``); ``mou-alert db upgrade`` does it by hand.
Alembic is imported inside the functions, after its loggers are turned down: it logs every
plugin it loads at INFO as it is imported.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, make_url

from core.settings import Settings
from subscriptions.engine import make_engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _quiet_alembic() -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)


def alembic_config(url: str) -> Config:
    _quiet_alembic()
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["url"] = url  # not the ini option: a password may hold "%"
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("")).get_current_head()


def upgrade(url: str) -> None:
    """Bring the database at ``url`` to the newest schema (blocking: run it in a thread).
    Logs one line (``subscriptions.migrate``) when it changed something."""
    cfg = alembic_config(url)
    from alembic import command

    command.upgrade(cfg, "head")


def upgrade_connection(conn: Connection) -> None:
    """The same, through an open (sync) connection: for an in-memory SQLite database, which
    exists only inside the connection that created it."""
    cfg = alembic_config("")
    cfg.attributes["connection"] = conn
    from alembic import command

    command.upgrade(cfg, "head")


async def current_revision(url: str) -> str | None:
    _quiet_alembic()
    from alembic.runtime.migration import MigrationContext

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
