"""SQLite damage is found at start and refused, never silent (issue 11)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.cli import main
from subscriptions.integrity import (
    DataLossError,
    check,
    guarded_run,
    marker_path,
    read_wal,
    wal_path,
)


def crashed_copy(tmp_path: Path, rows: int = 20) -> Path:
    """A WAL database copied while its writer still has it open: the files a SIGKILL leaves."""
    live = tmp_path / "live.db"
    conn = sqlite3.connect(live)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE subscriptions (x)")
    conn.commit()
    for i in range(rows):  # one transaction per /subscribe
        conn.execute("INSERT INTO subscriptions VALUES (?)", (i,))
        conn.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    shutil.copy(live, crashed / "bot.db")
    shutil.copy(wal_path(live), wal_path(crashed / "bot.db"))
    conn.close()
    db = crashed / "bot.db"
    marker_path(db).write_text("pid 1\n")  # the crashed run's marker
    return db


def test_a_clean_crash_passes_and_the_marker_is_managed(tmp_path: Path) -> None:
    db = crashed_copy(tmp_path)
    with guarded_run(db) as found:
        assert found is not None and found.unclean and found.ok
        assert marker_path(db).exists()
    assert not marker_path(db).exists()  # a clean stop removes it
    with guarded_run(db) as found:
        assert found is not None and not found.unclean  # not checked after a clean stop


def test_a_deleted_wal_after_an_unclean_stop_refuses_to_start(tmp_path: Path) -> None:
    db = crashed_copy(tmp_path)
    wal_path(db).unlink()
    with pytest.raises(DataLossError, match="is gone") as caught, guarded_run(db):
        pass
    assert str(db) in str(caught.value) and "--accept-data-loss" in str(caught.value)
    with guarded_run(db, accept_data_loss=True) as found:  # the operator's choice
        assert found is not None and not found.ok


def test_corrupted_bytes_in_the_wal_are_found_before_sqlite_drops_the_rest(
    tmp_path: Path,
) -> None:
    db = crashed_copy(tmp_path)
    wal = bytearray(wal_path(db).read_bytes())
    page = int.from_bytes(wal[8:12], "big")
    middle = 32 + 5 * (24 + page) + 24 + 100  # inside the sixth frame's page
    wal[middle : middle + 64] = os.urandom(64)
    wal_path(db).write_bytes(bytes(wal))
    report = read_wal(wal_path(db))
    assert report.valid == 5 and report.lost == report.frames - 6
    found = check(db)
    assert not found.ok and "follow a corrupted one" in found.problems[0]


def test_db_check_reports_on_demand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = crashed_copy(tmp_path)
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{db}"\n')
    assert main(["db", "check", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert (
        "last stop:    UNCLEAN" in out and "quick_check:  ok" in out and "verdict:      OK" in out
    )
    wal_path(db).unlink()
    assert main(["db", "check", "--config", str(config)]) == 1
    assert "DAMAGED" in capsys.readouterr().out


def test_run_refuses_a_damaged_database_with_an_error_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = crashed_copy(tmp_path)
    wal_path(db).unlink()
    config = tmp_path / "c.toml"
    config.write_text(f'[telegram]\ntoken = "1:T"\n[database]\nurl = "sqlite+aiosqlite:///{db}"\n')
    assert main(["run", "--config", str(config)]) == 1
    # main() sets up logging from [logging] (core.logs): the record goes to stderr, one line.
    [error] = [line for line in capsys.readouterr().err.splitlines() if " ERROR " in line]
    assert str(db) in error and "is gone" in error


def _problem(exc: BaseException, url: str) -> str:
    from subscriptions.diagnose import database_problem

    message = database_problem(exc, url, 10.0)
    assert message is not None and "\n" not in message
    return message


async def _open_error(url: str, wait: float = 10.0) -> BaseException:
    from subscriptions.store import open_repository

    with pytest.raises(Exception) as caught:
        repo = await open_repository(url, connect_timeout=wait)
        await repo.close()
    return caught.value


async def test_a_file_that_is_not_a_database_is_one_line_naming_it(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    db.write_bytes(b"this is not SQLite" * 100)
    url = f"sqlite+aiosqlite:///{db}"
    message = _problem(await _open_error(url), url)
    assert message.startswith(f"{url} is not a readable SQLite database")
    assert "db check" in message


async def test_a_postgres_port_that_never_answers_times_out_at_connect_timeout() -> None:
    """A server that accepts the connection and says nothing (asyncpg waited 60 s)."""
    import asyncio

    held: list[asyncio.StreamWriter] = []

    async def silent(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        held.append(w)

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    url = f"postgresql+asyncpg://mou:secret@127.0.0.1:{port}/db"
    try:
        error = await _open_error(url, wait=0.5)
    finally:
        server.close()
        for w in held:
            w.close()
    from subscriptions.diagnose import database_problem

    message = database_problem(error, url, 0.5)
    assert message is not None and "did not answer within 0.5 s" in message
    assert "mou:***@127.0.0.1" in message and "secret" not in message
    assert "database.connect_timeout" in message


def test_a_read_only_database_is_one_line_naming_it(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    sqlite3.connect(db).close()
    error = sqlite3.OperationalError("attempt to write a readonly database")
    message = _problem(error, f"sqlite+aiosqlite:///{db}")
    assert "is read-only" in message and "writable" in message


def test_poll_once_on_a_broken_database_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "bot.db"
    db.write_bytes(b"this is not SQLite" * 100)
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{db}"\n')
    assert main(["poll", "--once", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("mou-alert: cannot poll: sqlite+aiosqlite:///") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["export"], "mou-alert: cannot export: "),
        (["backfill", "none.jsonl"], "mou-alert: cannot backfill: "),
        (["db", "upgrade"], "mou-alert: cannot upgrade: "),
        (["db", "copy", "--to", "sqlite+aiosqlite:///elsewhere.db"], "mou-alert: db copy "),
    ],
)
def test_every_command_on_a_broken_database_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    """The commands issue 12 and 13 added report a broken database as poll and run do: exit 1
    and one line, no traceback."""
    db = tmp_path / "bot.db"
    db.write_bytes(b"this is not SQLite" * 100)
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{db}"\n')
    assert main([*argv, "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(says) and "not a database" in err and err.count("\n") == 1, err
