"""SQLite integrity at start: damage found before the bot runs on it, never silently.

SQLite recovers from a crash by replaying its write-ahead log (``<db>-wal``), and silently
drops what it cannot read: with the WAL deleted while the bot was stopped, every chat and
subscription written since the last checkpoint was gone, and 64 corrupted bytes in the WAL lost
11 of 20 subscriptions, without a word. So:

* the bot writes a marker (``<db>.running``) at start and removes it at a clean stop; a marker
  found at start means the last stop was unclean;
* after an unclean stop, the WAL must still be there (SQLite deletes it only at a clean close),
  every frame of it must pass its checksum up to the last one (a torn last frame is a normal
  crash; a bad frame followed by good ones means committed data would be dropped), and
  ``PRAGMA quick_check`` must say ok;
* otherwise the bot refuses to start with an ERROR naming the file and what was found, unless
  started with ``--accept-data-loss``. ``mou-alert db check`` runs the same checks on demand.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

MARKER_SUFFIX = ".running"
_WAL_MAGIC = {0x377F0682: "<", 0x377F0683: ">"}
_WAL_HEADER = 32
_FRAME_HEADER = 24


class DataLossError(RuntimeError):
    """The database lost or would lose data; ``str()`` is the operator's message."""


@dataclass
class WalReport:
    frames: int = 0
    valid: int = 0
    """Frames that pass their checksum before the first one that does not."""
    lost: int = 0
    """Frames of this WAL generation after a bad one: committed data SQLite would drop."""


@dataclass
class Integrity:
    path: Path
    unclean: bool = False
    """The marker was there: the last run did not stop cleanly."""
    wal_present: bool = False
    wal: WalReport = field(default_factory=WalReport)
    quick_check: str = "not run"
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def marker_path(db: Path) -> Path:
    return db.with_name(db.name + MARKER_SUFFIX)


def wal_path(db: Path) -> Path:
    return db.with_name(db.name + "-wal")


def read_wal(wal: Path) -> WalReport:
    """Checks every frame of ``wal`` (the format of sqlite.org/fileformat2.html#walformat)."""
    data = wal.read_bytes()
    report = WalReport()
    if len(data) < _WAL_HEADER:
        return report
    magic = struct.unpack(">I", data[:4])[0]
    order = _WAL_MAGIC.get(magic)
    if order is None:
        report.lost = 1  # not a WAL at all: everything in it is lost
        return report
    page_size = struct.unpack(">I", data[8:12])[0]
    salts = data[16:24]
    s0, s1 = _checksum(data[:24], order, 0, 0)
    if (s0, s1) != struct.unpack(">II", data[24:32]):
        report.lost = 1
        return report
    frame = _FRAME_HEADER + page_size
    broken = False
    for start in range(_WAL_HEADER, len(data) - frame + 1, frame):
        header = data[start : start + _FRAME_HEADER]
        if header[8:16] != salts:
            break  # left over from an earlier generation: never part of the database
        report.frames += 1
        if broken:
            report.lost += 1
            continue
        s0, s1 = _checksum(header[:8], order, s0, s1)
        s0, s1 = _checksum(data[start + _FRAME_HEADER : start + frame], order, s0, s1)
        if (s0, s1) == struct.unpack(">II", header[16:24]):
            report.valid += 1
        else:
            broken = True
    return report


def _checksum(data: bytes, order: str, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def check(db: Path) -> Integrity:
    """Every check, without changing anything (``mou-alert db check``)."""
    found = Integrity(db, unclean=marker_path(db).exists())
    wal = wal_path(db)
    found.wal_present = wal.exists()
    if found.wal_present:
        found.wal = read_wal(wal)
        if found.wal.lost:
            found.problems.append(
                f"{found.wal.lost} committed frame(s) of {wal} follow a corrupted one: "
                "SQLite would drop them"
            )
    elif found.unclean:
        found.problems.append(
            f"the last run stopped uncleanly and {wal} is gone: what was written since the "
            "last checkpoint is lost"
        )
    found.quick_check = _quick_check(db)
    if found.quick_check != "ok":
        found.problems.append(f"PRAGMA quick_check: {found.quick_check}")
    return found


def _quick_check(db: Path) -> str:
    # The main file alone, read-only and immutable: never creates, replays or drops a WAL
    # (read_wal checks that), and never hides a deleted one by creating it again.
    uri = f"file:{quote(str(db.resolve()))}?mode=ro&immutable=1"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=15)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return "; ".join(str(r[0]) for r in rows[:5])


@contextlib.contextmanager
def guarded_run(db: Path | None, *, accept_data_loss: bool = False) -> Iterator[Integrity | None]:
    """Checks ``db`` if the last run stopped uncleanly, marks this run, and removes the mark
    when the block ends normally. Raises :class:`DataLossError` when the check fails, unless
    ``accept_data_loss``. ``None`` (PostgreSQL, in-memory SQLite): nothing to do."""
    if db is None or not db.exists():
        found = None
    else:
        found = check(db) if marker_path(db).exists() else Integrity(db)
        if not found.ok and not accept_data_loss:
            raise DataLossError(
                f"{db}: the last run stopped uncleanly and the database is damaged: "
                f"{'; '.join(found.problems)}. Keep a copy of the file and its -wal, then "
                "restore a backup, or start with --accept-data-loss to run on what is left."
            )
    if db is not None:
        db.parent.mkdir(parents=True, exist_ok=True)
        marker_path(db).write_text(f"pid {os.getpid()} since {dt.datetime.now(dt.UTC)}\n")
    yield found
    if db is not None:
        marker_path(db).unlink(missing_ok=True)


def describe(found: Integrity) -> str:
    """``mou-alert db check``'s report."""
    wal = (
        f"{found.wal.valid} of {found.wal.frames} frames valid"
        + (f", {found.wal.lost} would be dropped" if found.wal.lost else "")
        if found.wal_present
        else "none (checkpointed and closed)"
    )
    stop = "UNCLEAN (the bot is running, or it crashed)" if found.unclean else "clean"
    lines = [
        f"database:     {found.path}",
        f"last stop:    {stop}",
        f"write-ahead:  {wal}",
        f"quick_check:  {found.quick_check}",
        f"verdict:      {'OK' if found.ok else 'DAMAGED: ' + '; '.join(found.problems)}",
    ]
    return "\n".join(lines)


def cmd_check(url: str) -> int:
    """``mou-alert db check``: 0 when the database is sound, 1 when it is damaged."""
    from subscriptions.engine import sqlite_path
    from subscriptions.migrate import safe_url

    db = sqlite_path(url)
    if db is None:
        print(f"{safe_url(url)}: integrity checks are for SQLite files (PostgreSQL has its own).")
        return 0
    if not db.exists():
        print(f"{db}: no such database yet (it is created on the first start).")
        return 1
    found = check(db)
    print(describe(found))
    return 0 if found.ok else 1
