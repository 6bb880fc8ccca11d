"""Feed bytes to plain records with feedparser. Bytes in, models out: no HTTP here.

A malformed feed is data, not an exception: feedparser's loose parser recovers what entries
it can and ``ParsedFeed.error`` says what was wrong ("bozo").
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from feeds.decode import feed_as_utf8


@dataclass(frozen=True)
class FeedEntry:
    guid: str | None
    link: str | None
    """Absolute http(s) URL of the article, when the entry has one."""
    title: str
    content: str
    """The longest body the entry carries (content:encoded, else summary); HTML or text."""
    published: dt.datetime | None
    """Published, else updated; timezone-aware UTC."""


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    link: str
    entries: tuple[FeedEntry, ...]
    ttl_seconds: int | None = None
    """RSS ``<ttl>`` (minutes in the document), as seconds."""
    error: str | None = None
    """What was malformed (feedparser's bozo exception), even when entries were recovered."""
    encoding: str = "utf-8"

    @property
    def is_usable(self) -> bool:
        """A feed was recognised or at least one entry recovered."""
        return bool(self.entries) or self.error is None


def parse_feed(body: bytes, headers: Mapping[str, str], base_url: str = "") -> ParsedFeed:
    """Parse RSS 0.9x/1.0/2.0 or Atom ``body``; ``base_url`` resolves relative entry links.

    The base is applied here rather than through feedparser's Content-Location, which would
    also rewrite relative GUIDs and so change entry keys whenever a feed moves.
    """
    utf8, utf8_headers, decoded = feed_as_utf8(body, headers)
    # A BytesIO, never bytes or str: feedparser opens strings that look like URLs or paths.
    # No sanitizing (half the parse time): the HTML is never rendered, only reduced to text,
    # and alerts escape everything they show. Links are resolved here, not by feedparser.
    parsed: Any = feedparser.parse(
        io.BytesIO(utf8),
        response_headers=utf8_headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    error: str | None = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        error = f"{type(exc).__name__}: {exc}"[:300] if exc else "malformed feed"
    if not parsed.get("version") and not parsed.entries:
        error = error or "not an RSS or Atom feed"
    entries = tuple(
        e for e in (_entry(raw, base_url) for raw in parsed.entries) if e.guid or e.link or e.title
    )
    feed = parsed.get("feed", {})
    return ParsedFeed(
        title=_text(feed.get("title")),
        link=_text(feed.get("link")),
        entries=entries,
        ttl_seconds=_ttl(feed.get("ttl")),
        error=error,
        encoding=decoded.encoding,
    )


def _entry(raw: Any, base_url: str) -> FeedEntry:
    guid = _text(raw.get("id")) or None
    link = _text(raw.get("link"))
    if raw.get("guidislink") and not raw.get("links"):
        pass  # feedparser copied the GUID into link: a URL only if it is already absolute
    elif link and base_url:
        link = urljoin(base_url, link)
    link = _web_link(link)  # e.g. feedparser copied a non-URL guid into link
    bodies = [_text(c.get("value")) for c in raw.get("content", []) if isinstance(c, Mapping)]
    bodies.append(_text(raw.get("summary")))
    return FeedEntry(
        guid=guid,
        link=link or None,
        title=_text(raw.get("title")),
        content=max(bodies, key=len),
        published=_utc(raw.get("published_parsed") or raw.get("updated_parsed")),
    )


def _web_link(link: str) -> str:
    """``link`` if it is an absolute http(s) URL with a usable host, else "". A scheme alone is
    not enough: ``https:\x00//host/2`` has one and no host; ``http://[::1/`` makes urlsplit
    raise; a damaged feed may hold anything."""
    if not link or any(ord(c) < 0x20 or ord(c) == 0x7F for c in link):
        return ""
    try:
        parts = urlsplit(link)
        host, _port = parts.hostname, parts.port  # .port raises on a port out of range
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not host or any(c.isspace() for c in host):
        return ""
    return link


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _utc(value: Any) -> dt.datetime | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _ttl(value: Any) -> int | None:
    text = _text(value)
    if not text.isdigit():
        return None
    return int(text) * 60
