"""Plain records the repository hands out. No SQLAlchemy here: callers never see the ORM."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from subscriptions.organisations import keyword_matches, org_matches

Language = Literal["ko", "en"]
DeliveryMode = Literal["instant", "digest"]


@dataclass(frozen=True)
class Topic:
    """What a chat follows: a country, a sector, an organisation or a keyword; a country
    with one of the others is a combination (then both must match)."""

    country: str | None = None
    sector: str | None = None
    org: str | None = None
    """An organisation, matched against the story's parties (``subscriptions.organisations``)."""
    keyword: str | None = None
    """A word or phrase, matched against the headline, the parties and the summary."""

    @property
    def empty(self) -> bool:
        return not (self.country or self.sector or self.org or self.keyword)

    def matches(
        self,
        countries: tuple[str, ...] | list[str],
        sectors: tuple[str, ...] | list[str],
        parties: tuple[tuple[str, ...], ...] = (),
        title: str = "",
        summary: str = "",
    ) -> bool:
        if self.empty:
            return False
        if self.country is not None and self.country not in countries:
            return False
        if self.sector is not None and self.sector not in sectors:
            return False
        if self.org is not None and not org_matches(self.org, parties):
            return False
        return self.keyword is None or keyword_matches(self.keyword, title, parties, summary)


PAUSED_FOREVER = dt.datetime(9999, 12, 31, tzinfo=dt.UTC)
"""``Chat.paused_until`` of a pause without an end (/pause with no duration)."""


@dataclass(frozen=True)
class Chat:
    id: int
    type: str = "private"
    title: str = ""
    language: Language = "en"
    mode: DeliveryMode = "instant"
    digest_time: dt.time | None = None
    active: bool = True
    stopped_reason: str | None = None
    digest_day: int | None = None
    """Digest mode: None for a daily digest, else weekly on this day (0 Monday ... 6 Sunday)."""
    timezone: str | None = None
    """The chat's IANA time zone name; None: the schedule's."""
    paused_until: dt.datetime | None = None
    """Alerts are held until then (``PAUSED_FOREVER``: until /resume); None: not paused."""

    def paused(self, now: dt.datetime) -> bool:
        return self.paused_until is not None and self.paused_until > now


@dataclass(frozen=True)
class Subscription:
    id: int
    chat_id: int
    topic: Topic
    international: bool = False
    """Only MOUs with a foreign party (sector subscriptions choose; a country implies it)."""

    def wants(
        self,
        countries: tuple[str, ...] | list[str],
        sectors: tuple[str, ...] | list[str],
        parties: tuple[tuple[str, ...], ...] = (),
        title: str = "",
        summary: str = "",
    ) -> bool:
        """The topic matches, and a domestic MOU (no country) only when all MOUs are wanted."""
        if self.international and not countries:
            return False
        return self.topic.matches(countries, sectors, parties, title, summary)


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    name: str
    etag: str | None = None
    last_modified: str | None = None
    next_check: dt.datetime | None = None
    last_success: dt.datetime | None = None
    error_count: int = 0
    last_error: str | None = None
    failing_since: dt.datetime | None = None
    disabled_since: dt.datetime | None = None
    entries_per_week: float | None = None


@dataclass(frozen=True)
class NewItem:
    """An entry read from a feed, ready to store with its extraction."""

    feed_id: int
    key: str
    """GUID, else the normalized link: never alerts twice."""
    url: str
    title: str
    published: dt.datetime | None
    text_hash: str
    outlet: str = ""
    alert: bool = True
    """False for a new feed's backlog or entries older than 24 h: stored, never alerted."""


@dataclass(frozen=True)
class StoryView:
    """One MOU event, however many outlets reported it, as alerts and summaries show it."""

    id: int
    title: str
    url: str
    outlet: str
    published: dt.datetime | None
    countries: tuple[str, ...]
    sectors: tuple[str, ...]
    parties: tuple[tuple[str, ...], ...] = ()
    amounts: tuple[tuple[str, float, str], ...] = ()
    """(text as written, normalized value, currency)."""
    summary: str = ""
    mou_count: int | None = None
    signed_on: dt.date | None = None
    outlets: int = 1
    status: str = "signed"
    """"signed" or "planned", as the first report had it."""


@dataclass(frozen=True)
class RecordResult:
    item_id: int | None
    """None when the key was seen before (nothing else happened)."""
    duplicate: bool = False
    story_id: int | None = None
    new_story: bool = False
    deliveries: int = 0


@dataclass(frozen=True)
class DeliveryJob:
    """A due outbox row with what it takes to send it."""

    id: int
    chat: Chat
    story: StoryView
    attempts: int = 0


@dataclass(frozen=True)
class Stats:
    chats: int = 0
    active_chats: int = 0
    subscriptions: int = 0
    feeds: int = 0
    stories: int = 0
    deliveries: dict[str, int] = field(default_factory=dict)
