"""Helpers for tests that need a real database: a throwaway PostgreSQL database per session.

PostgreSQL tests read the server URL from ``MOU_ALERT_TEST_DATABASE_URL`` (``.ci/run`` sets it
when a server answers on 127.0.0.1:5432) and skip without it. They never touch the database
named in the URL: they create ``mou_alert_test_<random>`` next to it and drop it at the end.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Callable, Coroutine, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from subscriptions.store import SqlRepository
from subscriptions.tables import Base

T = TypeVar("T")

PG_ENV = "MOU_ALERT_TEST_DATABASE_URL"
PG_SKIP_REASON = (
    f"PostgreSQL tests need {PG_ENV} (e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/postgres;"
    " .ci/run sets it when a server answers)"
)


def postgres_url(environ: Mapping[str, str] | None = None) -> str | None:
    url = (environ if environ is not None else os.environ).get(PG_ENV, "").strip()
    return url or None


def call_in_thread(fn: Callable[..., T], *args: Any) -> T:
    """Call ``fn`` in a thread without an event loop and wait: lets a sync fixture that is
    first requested from inside a running test loop use ``asyncio.run`` (directly or through
    Alembic)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn, *args).result()


def run_in_thread(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion on a loop of its own (see ``call_in_thread``)."""
    return call_in_thread(asyncio.run, coro)


async def create_scratch_database(server_url: str) -> str:
    """Create an empty database on the server of ``server_url``; return its URL."""
    name = f"mou_alert_test_{uuid.uuid4().hex[:12]}"
    engine = create_async_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await engine.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


async def drop_database(server_url: str, database_url: str) -> None:
    name = make_url(database_url).database
    if not name or not name.startswith("mou_alert_test_"):
        raise ValueError(f"refusing to drop {name!r}: not a scratch database")
    engine = create_async_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await engine.dispose()


async def empty_all_tables(repo: SqlRepository) -> None:
    """Delete every row (ids restart on PostgreSQL), keeping the schema: isolates tests that
    share one migrated database."""
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    async with repo.engine.begin() as conn:
        if repo.dialect == "postgresql":
            names = ", ".join(f'"{n}"' for n in tables)
            await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for name in tables:
                await conn.execute(text(f'DELETE FROM "{name}"'))
