"""The Alembic history: upgrades an empty database on both dialects, is idempotent, matches the
ORM tables exactly, and ``mou-alert db upgrade`` says what it did."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from db_fixtures import (
    BACKENDS,
    run_in_thread,
)
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from core.settings import DatabaseSettings, Settings
from subscriptions.engine import make_engine
from subscriptions.migrate import (
    MIGRATIONS,
    alembic_config,
    cmd_upgrade,
    current_revision,
    head_revision,
    upgrade,
)
from subscriptions.models import Topic
from subscriptions.search import is_search_object
from subscriptions.store import open_repository
from subscriptions.tables import Base

TABLES = {
    "alembic_version",
    "chats",
    "subscriptions",
    "feeds",
    "items",
    "extractions",
    "extraction_countries",
    "extraction_sectors",
    "stories",
    "story_countries",
    "story_sectors",
    "deliveries",
    "digests",
}


@pytest.fixture(params=BACKENDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"
    return str(request.getfixturevalue("pg_empty"))


async def _inspect(url: str) -> tuple[set[str], list[Any]]:
    def read(conn: Connection) -> tuple[set[str], list[Any]]:
        def include(name: str | None, _type: str, _parent: Any) -> bool:
            return not is_search_object(name)

        context = MigrationContext.configure(conn, opts={"include_name": include})
        diffs = compare_metadata(context, Base.metadata)
        tables = {n for n in inspect(conn).get_table_names() if not is_search_object(n)}
        return tables, diffs

    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(read)
    finally:
        await engine.dispose()


async def test_upgrade_from_empty_matches_the_tables_and_is_idempotent(empty_url: str) -> None:
    assert await current_revision(empty_url) is None
    repo = await open_repository(empty_url)
    try:
        await repo.add_subscription(1, Topic("FR"))
    finally:
        await repo.close()
    tables, diffs = await _inspect(empty_url)
    assert tables == TABLES
    assert diffs == []  # the migrations build exactly what tables.py declares
    assert await current_revision(empty_url) == head_revision()

    again = await open_repository(empty_url)  # the app upgrades on every start
    try:
        assert [s.topic for s in await again.list_subscriptions(1)] == [Topic("FR")]
    finally:
        await again.close()
    assert await current_revision(empty_url) == head_revision()


def test_downgrade_to_empty_and_back(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'd.db'}"
    upgrade(url)
    command.downgrade(alembic_config(url), "base")
    command.upgrade(alembic_config(url), "head")
    assert run_in_thread(current_revision(url)) == head_revision()


async def test_sqlite_file_folder_and_pragmas(tmp_path: Path) -> None:
    db = tmp_path / "deep" / "er" / "mou.db"
    repo = await open_repository(f"sqlite+aiosqlite:///{db}")
    try:
        assert db.is_file()
        async with repo.engine.connect() as conn:
            pragmas = {
                name: (await conn.execute(text(f"PRAGMA {name}"))).scalar()
                for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
            }
        assert pragmas == {
            "journal_mode": "wal",
            "foreign_keys": 1,
            "synchronous": 2,  # FULL
            "busy_timeout": 15_000,
        }
    finally:
        await repo.close()


async def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    repo = await open_repository(f"sqlite+aiosqlite:///{tmp_path / 'fk.db'}")
    try:
        async with repo.engine.connect() as conn:
            with pytest.raises(Exception, match="FOREIGN KEY"):
                await conn.execute(
                    text(
                        "INSERT INTO subscriptions (chat_id, country, sector, active, created_at) "
                        "VALUES (404, 'FR', '', 1, :now)"
                    ),
                    {"now": dt.datetime(2026, 1, 1)},
                )
    finally:
        await repo.close()


def test_cmd_upgrade_reports_what_it_did(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(database=DatabaseSettings(f"sqlite+aiosqlite:///{tmp_path / 'c.db'}"))
    assert cmd_upgrade(settings) == 0
    assert f"upgraded from an empty database to {head_revision()}" in capsys.readouterr().out
    assert cmd_upgrade(settings) == 0
    assert "already at the newest schema" in capsys.readouterr().out


def test_cmd_upgrade_unreachable_server_is_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings(
        database=DatabaseSettings("postgresql+asyncpg://mou:secret@127.0.0.1:9/nowhere")
    )
    assert cmd_upgrade(settings) == 1
    err = capsys.readouterr().err
    assert (
        "cannot connect to the database server of postgresql+asyncpg://mou:***@127.0.0.1:9" in err
    )
    assert "correct the host and port in database.url" in err
    assert "secret" not in err


def test_migrations_ship_inside_the_package() -> None:
    # Found by path from the installed package, never from the working directory.
    assert MIGRATIONS.parent == Path(__file__).resolve().parents[1] / "subscriptions"
    for name in ("env.py", "script.py.mako", "__init__.py", "versions/__init__.py"):
        assert (MIGRATIONS / name).is_file(), name
    assert head_revision() is not None


async def test_in_memory_sqlite_is_migrated_through_its_own_connection() -> None:
    repo = await open_repository("sqlite+aiosqlite://")
    try:
        assert await repo.add_subscription(1, Topic("FR"))
        assert await repo.recipients(("FR",), ()) == [1]
    finally:
        await repo.close()


NOW = dt.datetime(2026, 2, 9, tzinfo=dt.UTC)
CHAT_1 = (
    "INSERT INTO chats (id, type, title, language, mode, active, created_at) "
    "VALUES (1, 'private', '', 'en', 'instant', true, :now)"
)
FEED_7 = "INSERT INTO feeds (id, url, name, error_count, created_at) VALUES (7, 'u', '', 0, :now)"


def story_1(title: str, parties: str = "[]", summary: str = "") -> str:
    return (
        "INSERT INTO stories (id, title, url, outlet, first_seen, happened_at, countries, "
        "sectors, parties, amounts, summary, outlets) VALUES (1, "
        f"'{title}', 'https://n.example/1', 'Yonhap', :now, :now, '[\"FR\"]', '[]', "
        f"'{parties}', '[]', '{summary}', 1)"
    )


async def _at_revision(url: str, revision: str, *inserts: str) -> None:
    """Migrate the empty database at ``url`` to ``revision`` and run ``inserts`` there, in one
    transaction (``:now`` is NOW)."""
    await asyncio.to_thread(command.upgrade, alembic_config(url), revision)
    now = NOW.replace(tzinfo=None) if url.startswith("sqlite") else NOW
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            for statement in inserts:
                await conn.execute(text(statement), {"now": now})
    finally:
        await engine.dispose()


async def test_upgrade_from_0001_keeps_queued_alerts_and_adds_claims(empty_url: str) -> None:
    """An outbox written before delivery claims existed is sent after the upgrade."""
    await _at_revision(
        empty_url,
        "0001",
        CHAT_1,
        story_1("MOU"),
        "INSERT INTO deliveries (chat_id, story_id, status, attempts, next_attempt, created_at) "
        "VALUES (1, 1, 'pending', 0, :now, :now)",
    )
    repo = await open_repository(empty_url)  # upgrades to the head
    try:
        [job] = await repo.due_deliveries(NOW, owner="w1")
        assert job.chat.id == 1 and job.story.title == "MOU"
        assert await repo.renew_claims("w1", NOW, dt.timedelta(seconds=20)) == {job.id}
    finally:
        await repo.close()
    assert await current_revision(empty_url) == head_revision()
    _tables, diffs = await _inspect(empty_url)
    assert diffs == []


async def test_upgrade_to_0003_scopes_each_feeds_item_keys_and_downgrade_undoes_it(
    empty_url: str,
) -> None:
    """Keys were GUIDs shared by all feeds; after 0003 each feed's are its own."""
    item = (
        "INSERT INTO items (feed_id, key, url, title, text_hash, outlet, seen_at) "
        "VALUES ({feed}, '{key}', '', '', '', '', :now)"
    )
    await _at_revision(
        empty_url,
        "0002",
        FEED_7,
        item.format(feed=7, key="guid-1"),
        item.format(feed="NULL", key="https://n.example/a"),
    )
    engine = make_engine(empty_url)

    async def keys() -> list[str]:
        async with engine.connect() as conn:
            return list(await conn.scalars(text("SELECT key FROM items ORDER BY id")))

    try:
        await asyncio.to_thread(command.upgrade, alembic_config(empty_url), "0003")
        assert await keys() == ["feed:7|guid-1", "https://n.example/a"]
        await asyncio.to_thread(command.downgrade, alembic_config(empty_url), "0002")
        assert await keys() == ["guid-1", "https://n.example/a"]
    finally:
        await engine.dispose()


async def test_upgrade_to_0010_indexes_stories_and_keeps_subscriptions(empty_url: str) -> None:
    """Stories stored before search existed are found after the upgrade; topics stay."""
    await _at_revision(
        empty_url,
        "0002",
        CHAT_1,
        "INSERT INTO subscriptions (chat_id, country, sector, active, created_at) "
        "VALUES (1, 'FR', '', true, :now)",
        story_1("레이더 MOU", '[["LIG넥스원", "탈레스코리아"]]', "공동개발"),
    )
    repo = await open_repository(empty_url)
    try:
        [story] = await repo.search_stories("탈레스코리아", None)
        assert story.title == "레이더 MOU"
        assert [s.title for s in await repo.search_stories("공동개발", None)] == ["레이더 MOU"]
        assert [s.topic for s in await repo.list_subscriptions(1)] == [Topic("FR")]
        assert await repo.add_subscription(1, Topic("FR", org="탈레스"))
    finally:
        await repo.close()
    _tables, diffs = await _inspect(empty_url)
    assert diffs == []


def test_the_migrations_are_one_chain() -> None:
    """Issue 11's two revisions come before search's (0010), and the chat settings (0020)
    after it: one head, no branch."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(""))
    assert script.get_heads() == ["0020"]
    chain = [r.revision for r in script.walk_revisions("base", "heads")]
    assert chain == ["0020", "0010", "0004", "0003", "0002", "0001"]


async def test_the_chain_through_search_keeps_scoped_items_both_ways(empty_url: str) -> None:
    """0002 -> head (through 0003, 0004, 0010 and 0020) scopes the item keys (0003) and 0010
    still finds each story's status through them; down to 0002 and up again leaves the same
    rows and the ORM's tables."""
    await _at_revision(
        empty_url,
        "0002",
        FEED_7,
        story_1("수소 MOU"),
        "INSERT INTO items (id, feed_id, key, url, title, text_hash, outlet, seen_at, story_id) "
        "VALUES (1, 7, 'guid-1', '', '', '', '', :now, 1)",
        "INSERT INTO extractions (item_id, is_mou, status, data) VALUES (1, true, 'planned', '{}')",
    )
    engine = make_engine(empty_url)

    async def rows() -> list[tuple[Any, ...]]:
        async with engine.connect() as conn:
            result = await conn.execute(text("SELECT key, story_id FROM items ORDER BY id"))
            return [tuple(r) for r in result]

    try:
        await asyncio.to_thread(command.upgrade, alembic_config(empty_url), "head")
        assert await rows() == [("feed:7|guid-1", 1)]
        async with engine.connect() as conn:
            status = await conn.scalar(text("SELECT status FROM stories WHERE id = 1"))
        assert status == "planned"
        await asyncio.to_thread(command.downgrade, alembic_config(empty_url), "0002")
        assert await rows() == [("guid-1", 1)]
        await asyncio.to_thread(command.upgrade, alembic_config(empty_url), "head")
        assert await rows() == [("feed:7|guid-1", 1)]
    finally:
        await engine.dispose()
    repo = await open_repository(empty_url)
    try:
        assert [s.title for s in await repo.search_stories("수소", None)] == ["수소 MOU"]
    finally:
        await repo.close()
    _tables, diffs = await _inspect(empty_url)
    assert diffs == []
