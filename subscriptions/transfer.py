"""``mou-alert db copy --to URL``: every row of the configured database into another one,
typically SQLite to PostgreSQL.

The target is migrated to the newest schema first (the source must already be there: ``db
upgrade``). Rows are read in one transaction of the source (a consistent snapshot) and
inserted table by table, parents first, in batches; a row whose key is already in the target
is skipped, so a second run adds nothing and an interrupted one can simply be run again.
On PostgreSQL the id sequences are then moved past the copied ids (or the bot's next insert
would collide) and ANALYZE refreshes the planner's statistics. The schema has no full-text
search index to rebuild: the ordinary indexes are maintained by the inserts.
Counts decide success: every table of the target must hold at least the source's rows.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass

from sqlalchemy import Table, func, select, text
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import REGCLASS
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.expression import Executable

from core.settings import Settings
from subscriptions import migrate
from subscriptions.engine import make_engine
from subscriptions.sql import CHATS

BATCH = 1000


class CopyError(Exception):
    pass


@dataclass(frozen=True)
class TableCopy:
    table: str
    source: int
    added: int
    target: int


def _tables() -> list[Table]:
    return list(CHATS.metadata.sorted_tables)


def _insert_ignoring_duplicates(table: Table, dialect: str) -> Executable:
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    if dialect == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing()
    raise CopyError(f"cannot copy into a {dialect} database")


async def _count(conn: AsyncConnection, table: Table) -> int:
    return int(await conn.scalar(select(func.count()).select_from(table)) or 0)


async def _copy_table(src: AsyncConnection, dst: AsyncConnection, table: Table) -> int:
    insert = _insert_ignoring_duplicates(table, dst.dialect.name)
    before = await _count(dst, table)
    order = list(table.primary_key.columns)
    result = await src.stream(select(table).order_by(*order))
    async for rows in result.mappings().partitions(BATCH):
        await dst.execute(insert, [dict(row) for row in rows])
    return await _count(dst, table) - before


async def _reset_sequences(dst: AsyncConnection, table: Table) -> None:
    """Move a serial id's sequence past the copied ids (PostgreSQL)."""
    key = list(table.primary_key.columns)
    if len(key) != 1 or key[0].autoincrement is False:  # chats: Telegram's own ids
        return
    sequence = await dst.scalar(select(func.pg_get_serial_sequence(table.name, key[0].name)))
    if sequence:  # None for a key that is a foreign key (extractions.item_id)
        largest = select(func.max(key[0])).scalar_subquery()
        start = func.coalesce(largest, 0) + 1
        await dst.execute(select(func.setval(sql_cast(sequence, REGCLASS), start, False)))


async def copy_database(source_url: str, target_url: str) -> list[TableCopy]:
    """Copy every row of ``source_url`` into ``target_url`` (migrated first)."""
    if make_url(source_url) == make_url(target_url):
        raise CopyError("the source and the target are the same database")
    head = migrate.head_revision()
    if await migrate.current_revision(source_url) != head:
        raise CopyError(f"the source is not at the newest schema ({head}): run `db upgrade`")
    await asyncio.to_thread(migrate.upgrade, target_url)
    source, target = make_engine(source_url), make_engine(target_url)
    copies: list[TableCopy] = []
    try:
        async with source.connect() as src, target.connect() as dst:
            await src.begin()  # one read transaction: one snapshot of the source
            for table in _tables():
                added = await _copy_table(src, dst, table)
                if dst.dialect.name == "postgresql":
                    await _reset_sequences(dst, table)
                await dst.commit()
                copies.append(TableCopy(table.name, await _count(src, table), added, 0))
            if dst.dialect.name == "postgresql":
                await dst.execute(text("ANALYZE"))
                await dst.commit()
            copies = [
                TableCopy(c.table, c.source, c.added, await _count(dst, t))
                for c, t in zip(copies, _tables(), strict=True)
            ]
    finally:
        await source.dispose()
        await target.dispose()
    return copies


def cmd_copy(settings: Settings, target_url: str) -> int:
    source_url = settings.database.url
    where = f"{migrate.safe_url(source_url)} -> {migrate.safe_url(target_url)}"
    try:
        copies = asyncio.run(copy_database(source_url, target_url))
    except (CopyError, SQLAlchemyError, OSError) as exc:
        print(f"mou-alert: db copy {where} failed: {exc}", file=sys.stderr)
        return 1
    print(f"{where}:")
    short = []
    for c in copies:
        mark = "" if c.target >= c.source else "   <-- rows missing"
        print(
            f"  {c.table:22} {c.source:9} in source {c.added:9} added {c.target:9} in target{mark}"
        )
        if c.target < c.source:
            short.append(c.table)
    if short:
        print(
            f"mou-alert: the target has fewer rows than the source in {', '.join(short)}",
            file=sys.stderr,
        )
        return 1
    print(f"  every table holds the source's rows ({sum(c.added for c in copies)} added)")
    return 0


__all__ = ["CopyError", "TableCopy", "cmd_copy", "copy_database"]
