"""``mou-alert db backup PATH``: a consistent copy of the SQLite database, bot running or not.

SQLite's online backup API copies every page inside one read transaction (``pages=-1``): in WAL
mode that is a snapshot the bot's writers never wait for and never disturb, so the copy holds
exactly what was committed when it began. The copy is written beside PATH and renamed into
place once it passed ``PRAGMA integrity_check``, so PATH is never a half-written file. A
PostgreSQL database is backed up with ``pg_dump`` (docs/operations.md).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from pathlib import Path

from sqlalchemy import Table, func, select
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from core.settings import Settings
from subscriptions.engine import BUSY_TIMEOUT_MS, sqlite_path
from subscriptions.migrate import safe_url
from subscriptions.sql import CHATS


class BackupError(Exception):
    pass


def table_names() -> list[str]:
    """The schema's tables, parents before children."""
    return [t.name for t in CHATS.metadata.sorted_tables]


def _count_sql(table: Table) -> str:
    """``SELECT count(*)`` of ``table``, its name quoted by SQLAlchemy."""
    return str(select(func.count()).select_from(table).compile(dialect=sqlite_dialect()))


def backup_sqlite(source: Path, target: Path) -> dict[str, int]:
    """Copy ``source`` to ``target`` (which must not exist); returns the copy's row counts."""
    if not source.exists():
        raise BackupError(f"{source} does not exist")
    if target.exists():
        raise BackupError(f"{target} already exists; choose a new file")
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with (
            contextlib.closing(sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)) as src,
            contextlib.closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst, pages=-1)  # one step: one read transaction, one snapshot
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            (verdict,) = dst.execute("PRAGMA integrity_check").fetchone()
            if verdict != "ok":
                raise BackupError(f"the copy failed its integrity check: {verdict}")
            counts = {
                table.name: int(dst.execute(_count_sql(table)).fetchone()[0])
                for table in CHATS.metadata.sorted_tables
            }
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise BackupError(f"{type(exc).__name__}: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    return counts


def cmd_backup(settings: Settings, target: Path) -> int:
    url = settings.database.url
    source = sqlite_path(url)
    if source is None:
        print(
            f"mou-alert: db backup copies a SQLite file; {safe_url(url)} is not one. For "
            "PostgreSQL use pg_dump (see docs/operations.md).",
            file=sys.stderr,
        )
        return 2
    try:
        counts = backup_sqlite(source.expanduser(), target)
    except BackupError as exc:
        print(f"mou-alert: backup of {source} failed: {exc}", file=sys.stderr)
        return 1
    rows = ", ".join(f"{name} {n}" for name, n in counts.items())
    print(f"{source} -> {target}: {sum(counts.values())} rows ({rows})")
    return 0


__all__ = ["BackupError", "backup_sqlite", "cmd_backup", "table_names"]
