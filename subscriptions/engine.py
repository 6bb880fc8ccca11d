"""Building the async engine: one place that knows how SQLite and PostgreSQL differ.

SQLite gets its pragmas on every new connection (WAL so readers never block the writer, foreign
keys, a busy timeout, ``synchronous=FULL`` because the outbox must survive a power cut) and
takes the write lock at the start of a write transaction (``BEGIN IMMEDIATE``): with the default
deferred BEGIN, a transaction that read first and writes second fails at once with "database is
locked" when another connection wrote in between, whatever the busy timeout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

BUSY_TIMEOUT_MS = 15_000
BEGIN_OPTION = "mou_alert_begin"
"""Execution option naming the SQLite BEGIN flavour of a connection ("IMMEDIATE" for writers)."""

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA synchronous=FULL",
)


def is_sqlite(url: str | URL) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str | URL) -> Path | None:
    """The file of a SQLite URL; None for an in-memory database or another backend."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    if u.database.startswith("file:"):
        return None
    return Path(u.database)


def make_engine(
    url: str | URL, *, connect_timeout: float | None = None, **kwargs: Any
) -> AsyncEngine:
    """An async engine for ``url`` with the SQLite settings above; creates the file's folder.
    ``connect_timeout`` (``database.connect_timeout``) bounds each PostgreSQL connection
    attempt: asyncpg's own default is 60 s."""
    u = make_url(url)
    path = sqlite_path(u)
    if path is not None:
        path.expanduser().parent.mkdir(parents=True, exist_ok=True)
    if u.get_backend_name() == "postgresql":
        kwargs.setdefault("pool_pre_ping", True)
        if connect_timeout is not None:
            kwargs.setdefault("connect_args", {}).setdefault("timeout", connect_timeout)
    engine = create_async_engine(u, **kwargs)
    if u.get_backend_name() == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to the "begin" hook below instead of the driver.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            for pragma in SQLITE_PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Connection) -> None:
        flavour = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {flavour}")


def writer(engine: AsyncEngine) -> AsyncEngine:
    """The same engine and pool, but its transactions take SQLite's write lock up front."""
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
