"""The database fixtures every test shares (a pytest plugin, see ``conftest.py``).

- ``db_url``: a SQLite file of the test's own (``sqlite_url(tmp_path)``; the stand-in's
  settings point the bot at it too), and ``repo``, the repository on it. A module that runs
  its tests on both backends parametrizes ``repo`` indirectly with ``BACKENDS``.
- ``backend_url``: a migrated database of the test's own on each backend, for tests that open
  several repositories ("processes") on one database.
- ``pg_database`` (one migrated PostgreSQL database for the session, emptied per test),
  ``pg_url`` (a migrated one per test) and ``pg_empty`` (an empty one per test).

PostgreSQL tests read the server URL from ``MOU_ALERT_TEST_DATABASE_URL`` (``.ci/run`` sets it
when a server answers on 127.0.0.1:5432) and skip without it. They never touch the database
named in the URL: they create ``mou_alert_test_<random>`` next to it and drop it at the end.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from subscriptions.engine import make_engine
from subscriptions.migrate import upgrade
from subscriptions.store import SqlRepository, open_repository
from subscriptions.tables import Base

T = TypeVar("T")

PG_ENV = "MOU_ALERT_TEST_DATABASE_URL"
PG_SKIP_REASON = (
    f"PostgreSQL tests need {PG_ENV} (e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/postgres;"
    " .ci/run sets it when a server answers)"
)


BACKENDS = ["sqlite", "postgresql"]


def sqlite_url(tmp_path: Path) -> str:
    """The test's SQLite database (the file is created on first open)."""
    return f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"


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


async def empty_database(url: str) -> None:
    """``empty_all_tables`` on the database at ``url``."""
    store = SqlRepository(make_engine(url))
    try:
        await empty_all_tables(store)
    finally:
        await store.close()


# --- fixtures ----------------------------------------------------------------------------------


def _pg_server() -> str:
    server = postgres_url()
    if server is None:
        pytest.skip(PG_SKIP_REASON)
    return server


@pytest.fixture
def pg_empty() -> Iterator[str]:
    """A new empty PostgreSQL database for one test."""
    server = _pg_server()
    url = run_in_thread(create_scratch_database(server))
    try:
        yield url
    finally:
        run_in_thread(drop_database(server, url))


@pytest.fixture
def pg_url(pg_empty: str) -> str:
    """A new migrated PostgreSQL database for one test."""
    call_in_thread(upgrade, pg_empty)
    return pg_empty


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """One migrated PostgreSQL database for the session: empty it before use."""
    server = _pg_server()
    url = run_in_thread(create_scratch_database(server))
    try:
        call_in_thread(upgrade, url)  # once: each test then only empties the tables
        yield url
    finally:
        run_in_thread(drop_database(server, url))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return sqlite_url(tmp_path)


@pytest.fixture(params=BACKENDS)
def backend_url(request: pytest.FixtureRequest, db_url: str) -> str:
    """A migrated database of this test's own, on SQLite and on PostgreSQL (emptied)."""
    if request.param == "sqlite":
        call_in_thread(upgrade, db_url)
        return db_url
    url = str(request.getfixturevalue("pg_database"))
    run_in_thread(empty_database(url))
    return url


@pytest.fixture
async def repo(request: pytest.FixtureRequest, db_url: str) -> AsyncIterator[SqlRepository]:
    """The repository on ``db_url``; on the session's PostgreSQL database, emptied, when
    parametrized indirectly with "postgresql"."""
    if getattr(request, "param", "sqlite") == "postgresql":
        store = SqlRepository(make_engine(request.getfixturevalue("pg_database")))
        await empty_all_tables(store)
    else:
        store = await open_repository(db_url)
    try:
        yield store
    finally:
        await store.close()
