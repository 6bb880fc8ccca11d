"""Finding stored stories by words in their headline, parties or summary (``/search``).

``stories.search_text`` holds the three as plain text. SQLite indexes it with an FTS5 table using
the trigram tokenizer (no Korean morphology needed: any three characters in a row are a token);
PostgreSQL with a pg_trgm GIN index, which serves ``ILIKE '%word%'``. Both are created by
migration 0010. A word shorter than three characters (수소, 삼성) has no trigram: it falls back
to a substring match over the same text. Every word must be found (AND).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select, text

from subscriptions.models import StoryView
from subscriptions.sql import STORIES, SqlBase, story_of

MIN_TRIGRAM = 3
MAX_WORDS = 8
RECENT_WINDOW = 500
"""Stories read newest first, by substring, before the index is asked: a common word
(업무협약: every other story) costs the index a merge of huge posting lists, yet fills a page
from the newest few dozen stories. bench/search.py, 100,000 stories: p99 177 ms without the
window, 39 ms with it on SQLite, 38 ms on PostgreSQL."""
FTS_TABLE = "stories_fts"
PG_INDEX = "ix_stories_search_text_trgm"

# SQLite: an external-content FTS5 table over stories.search_text, kept by triggers.
SQLITE_DDL = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "search_text, content='stories', content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER {FTS_TABLE}_ai AFTER INSERT ON stories BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"CREATE TRIGGER {FTS_TABLE}_ad AFTER DELETE ON stories BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    f"CREATE TRIGGER {FTS_TABLE}_au AFTER UPDATE OF search_text ON stories BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
)
SQLITE_DROP = (
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_au",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ai",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
)
PG_DDL = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON stories USING gin (search_text gin_trgm_ops)",
)
PG_DROP = (f"DROP INDEX IF EXISTS {PG_INDEX}",)


def is_search_object(name: str | None) -> bool:
    """The FTS5 table (and its shadow tables) and the trigram index: made by hand in migration
    0010, not in ``subscriptions.tables``; schema comparisons leave them out."""
    return bool(name) and (str(name).startswith(FTS_TABLE) or name == PG_INDEX)


def search_text(title: str, parties: Iterable[Iterable[str]], summary: str) -> str:
    names = " ".join(p for group in parties for p in group)
    return "\n".join(part for part in (title, names, summary) if part)


def search_words(query: str) -> list[str]:
    """The words of a query, NFKC-normalised, without quotes or control characters (a NUL
    breaks both databases' text parameters), at most ``MAX_WORDS``."""
    text = unicodedata.normalize("NFKC", query).replace('"', " ")
    words = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text).split()
    return list(dict.fromkeys(words))[:MAX_WORDS]


def _like(word: str) -> str:
    return "%" + re.sub(r"([\\%_])", r"\\\1", word) + "%"


class SearchStories(SqlBase):
    def _word_conditions(self, words: Sequence[str]) -> list[ColumnElement[bool]]:
        st = STORIES.c
        long = [w for w in words if len(w) >= MIN_TRIGRAM]
        short = [w for w in words if len(w) < MIN_TRIGRAM]
        where: list[ColumnElement[bool]] = []
        if self.dialect == "sqlite":
            if long:
                match = " ".join('"' + w + '"' for w in long)
                where.append(
                    st.id.in_(
                        select(text("rowid"))
                        .select_from(text("stories_fts"))  # FTS_TABLE
                        .where(text("stories_fts MATCH :match").bindparams(match=match))
                    )
                )
            where += [st.search_text.like(_like(w), escape="\\") for w in short]
        else:
            where += [st.search_text.ilike(_like(w), escape="\\") for w in long]
            where += [self._substring(w) for w in short]
        return where

    def _search_query(self, words: Sequence[str], since: dt.datetime | None) -> Select[Any]:
        st = STORIES.c
        where = self._word_conditions(words)
        if since is not None:
            where.append(st.happened_at >= since)
        return select(STORIES).where(and_(*where))

    async def search_stories(
        self, query: str, since: dt.datetime | None, *, limit: int = 5, offset: int = 0
    ) -> list[StoryView]:
        """Stories whose headline, parties or summary hold every word of ``query``, that
        happened since ``since``, newest first; ``[]`` for a query without words."""
        words = search_words(query)
        if not words:
            return []
        st = STORIES.c
        newest = (st.happened_at.desc(), st.id.desc())
        recent = select(st.id).order_by(*newest).limit(RECENT_WINDOW)
        if since is not None:
            recent = recent.where(st.happened_at >= since)
        # The newest stories that hold every word are the answer when the window has enough
        # of them (a page and the ones before it); else the index finds the rarer words.
        in_window = (
            select(STORIES)
            .where(st.id.in_(recent.scalar_subquery()), *(self._substring(w) for w in words))
            .order_by(*newest)
            .limit(limit)
            .offset(offset)
        )
        everywhere = self._search_query(words, since).order_by(*newest).limit(limit).offset(offset)
        async with self.engine.connect() as conn:
            found = [story_of(r) for r in await conn.execute(in_window)]
            if len(found) < limit:
                found = [story_of(r) for r in await conn.execute(everywhere)]
        return found

    def _substring(self, word: str) -> ColumnElement[bool]:
        """The word anywhere in the text, case-insensitively, never through the trigram index:
        pg_trgm reads its whole GIN index for a pattern without a trigram (수소), and the
        newest-first window is cheaper without it."""
        column = STORIES.c.search_text
        if self.dialect == "sqlite":
            return column.like(_like(word), escape="\\")
        return func.strpos(func.lower(column), word.lower()) > 0
