"""`mou-alert db backup PATH` (a consistent SQLite copy while the bot writes) and `db copy --to
URL` (every row into another database, idempotent, verified by counts)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from db_fixtures import run_in_thread
from delivery_support import Outbox
from sqlalchemy import select

from bot.cli import main
from subscriptions.backup import backup_sqlite, table_names
from subscriptions.engine import make_engine
from subscriptions.sql import CHATS
from subscriptions.store import SqlRepository, open_repository
from subscriptions.transfer import copy_database

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def counts(path: Path) -> dict[str, int]:
    """Every table's row count, read in one transaction."""
    with contextlib.closing(sqlite3.connect(path, timeout=15)) as conn:
        conn.execute("BEGIN")
        return {
            name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in table_names()
        }


async def seeded(path: Path, chats: int = 50, stories: int = 3) -> SqlRepository:
    repo = await open_repository(f"sqlite+aiosqlite:///{path}")
    box = Outbox(repo)
    await box.chats(range(1, chats + 1))
    for _ in range(stories):
        await box.story(at=NOW)
    await repo.upsert_feed("https://feeds.example/rss", "피드")
    return repo


async def test_a_backup_during_a_fan_out_is_a_snapshot(tmp_path: Path) -> None:
    source = tmp_path / "bot.db"
    repo = await seeded(source, chats=300, stories=1)
    box = Outbox(repo)
    box.n = 1000  # new keys for the writer's stories
    stop = asyncio.Event()
    written = asyncio.Event()

    async def fan_out() -> int:
        stories = 0
        while not stop.is_set():
            await box.story(at=NOW)  # one story, 300 deliveries, one transaction
            stories += 1
            written.set()
        return stories

    writer = asyncio.create_task(fan_out())
    taken = []
    try:
        await written.wait()
        for n in range(8):
            before = await asyncio.to_thread(counts, source)
            path = tmp_path / f"backup-{n}.db"
            copy = await asyncio.to_thread(backup_sqlite, source, path)
            after = await asyncio.to_thread(counts, source)
            taken.append((before, copy, after, path))
    finally:
        stop.set()
        stories = await writer
        await repo.close()
    assert stories >= 3
    assert any(a["deliveries"] > b["deliveries"] for b, _, a, _ in taken)  # they did overlap
    for before, copy, after, path in taken:
        for name in table_names():
            assert before[name] <= copy[name] <= after[name], name
        assert counts(path) == copy
        assert copy["deliveries"] == 300 * copy["stories"]  # no story without its fan-out
    _, copy, _, path = taken[-1]
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    restored = await open_repository(f"sqlite+aiosqlite:///{path}")
    try:
        assert (await restored.stats()).deliveries["pending"] == copy["deliveries"]
    finally:
        await restored.close()


async def test_db_backup_command_reads_the_run_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "bot.db"
    await (await seeded(source)).close()
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{source}"\n')
    monkeypatch.setenv("MOU_ALERT_CONFIG", str(config))
    target = tmp_path / "b.db"
    assert await asyncio.to_thread(main, ["db", "backup", str(target)]) == 0
    assert f"{source} -> {target}" in capsys.readouterr().out
    assert counts(target) == counts(source)

    assert await asyncio.to_thread(main, ["db", "backup", str(target)]) == 1  # never overwrites
    assert "already exists" in capsys.readouterr().err
    pg = tmp_path / "pg.toml"
    pg.write_text('[database]\nurl = "postgresql+asyncpg://u@127.0.0.1:9/db"\n')
    assert await asyncio.to_thread(main, ["db", "backup", "x.db", "--config", str(pg)]) == 2
    assert "pg_dump" in capsys.readouterr().err


async def rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            found = {}
            for table in CHATS.metadata.sorted_tables:
                key = list(table.primary_key.columns)
                result = await conn.execute(select(table).order_by(*key))
                found[table.name] = [tuple(r) for r in result]
            return found
    finally:
        await engine.dispose()


async def check_copy(source_url: str, target_url: str, *, copied: bool = False) -> None:
    """Copy (unless ``copied`` already), compare every row, copy again: nothing added."""
    if not copied:
        first = await copy_database(source_url, target_url)
        assert all(c.source == c.added == c.target for c in first), first
        assert sum(c.added for c in first) > 0
    assert await rows(target_url) == await rows(source_url)
    second = await copy_database(source_url, target_url)
    assert all(c.added == 0 and c.target == c.source for c in second), second
    # The target's own ids continue after the copied ones.
    target = await open_repository(target_url)
    try:
        box = Outbox(target)
        box.n = 5000
        assert await box.story(at=NOW) == 50
    finally:
        await target.close()


async def test_db_copy_to_another_sqlite_file_moves_every_row_once(tmp_path: Path) -> None:
    await (await seeded(tmp_path / "a.db")).close()
    await check_copy(
        f"sqlite+aiosqlite:///{tmp_path / 'a.db'}", f"sqlite+aiosqlite:///{tmp_path / 'b.db'}"
    )


def test_db_copy_command_refuses_the_same_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'a.db'}"
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "{url}"\n')
    assert main(["db", "copy", "--to", url, "--config", str(config)]) == 1
    assert "same database" in capsys.readouterr().err
    assert main(["db", "copy", "--config", str(config)]) == 2


@pytest.mark.postgres
def test_db_copy_from_sqlite_to_postgresql(
    tmp_path: Path, pg_empty: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pg_url = pg_empty
    run_in_thread(_seed_and_close(tmp_path / "a.db"))
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path / "a.db"}"\n')
    assert main(["db", "copy", "--to", pg_url, "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "every table holds the source's rows" in out and "deliveries" in out
    run_in_thread(check_copy(f"sqlite+aiosqlite:///{tmp_path / 'a.db'}", pg_url, copied=True))


async def _seed_and_close(path: Path) -> None:
    await (await seeded(path)).close()
