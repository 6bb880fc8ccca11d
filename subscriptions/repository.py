"""The storage interface the rest of the code uses. Only ``subscriptions/`` implements it.

Every method is a coroutine and a transaction of its own. Datetimes are timezone-aware UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from extractors.model import Extraction
from subscriptions.models import (
    Chat,
    DeliveryJob,
    DeliveryMode,
    Feed,
    Language,
    NewItem,
    RecordResult,
    Stats,
    StoryView,
    Subscription,
    Topic,
)


class Repository(Protocol):
    # --- chats -------------------------------------------------------------------------------
    async def upsert_chat(
        self, chat_id: int, *, type: str, title: str = "", language: Language | None = None
    ) -> Chat:
        """Create the chat on first contact (language defaults to ``en``), else refresh its
        type and title and reactivate it; an existing chat's language is kept."""

    async def get_chat(self, chat_id: int) -> Chat | None: ...

    async def set_language(self, chat_id: int, language: Language) -> None: ...

    async def set_mode(
        self,
        chat_id: int,
        mode: DeliveryMode,
        digest_time: dt.time | None = None,
        digest_day: int | None = None,
    ) -> None:
        """``digest`` needs a time, and a day (0 Monday) for a weekly digest."""

    async def set_timezone(self, chat_id: int, timezone: str | None) -> None:
        """The chat's IANA time zone (checked by the caller); None: the schedule's."""

    async def set_pause(self, chat_id: int, until: dt.datetime | None) -> None:
        """Hold the chat's alerts (kept pending) until ``until``; None resumes."""

    async def ended_pauses(self, now: dt.datetime) -> list[Chat]:
        """Chats whose pause ended by ``now`` and were not resumed yet."""

    async def deactivate_chat(self, chat_id: int, reason: str) -> int:
        """Mark the chat inactive and drop its pending deliveries (status dead, with ``reason``);
        returns how many were dropped."""

    async def migrate_chat(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: move the chat, its subscriptions and deliveries."""

    # --- subscriptions -----------------------------------------------------------------------
    async def add_subscription(
        self, chat_id: int, topic: Topic, limit: int | None = None, *, international: bool = False
    ) -> bool:
        """False when the chat already had it or already has ``limit`` topics. An unknown chat is
        created with defaults. ``international``: only MOUs with a foreign party."""

    async def set_international(self, chat_id: int, topic: Topic, international: bool) -> bool:
        """Switch an existing subscription's choice; False when the chat does not follow it."""

    async def remove_subscription(self, chat_id: int, topic: Topic) -> bool: ...

    async def remove_subscription_by_id(self, chat_id: int, subscription_id: int) -> bool:
        """Only removes a subscription that belongs to ``chat_id``."""

    async def clear_subscriptions(self, chat_id: int) -> int: ...

    async def list_subscriptions(self, chat_id: int) -> list[Subscription]: ...

    async def subscriptions_of(self, chat_ids: Sequence[int]) -> dict[int, list[Subscription]]:
        """The subscriptions of several chats at once (for the buttons under alerts)."""

    async def recipients(self, countries: tuple[str, ...], sectors: tuple[str, ...]) -> list[int]:
        """Active chats with at least one matching subscription, each once (a domestic MOU,
        without countries, only those of subscriptions that want all MOUs)."""

    # --- feeds -------------------------------------------------------------------------------
    async def upsert_feed(self, url: str, name: str) -> Feed: ...

    async def get_feed(self, feed_id: int) -> Feed | None: ...

    async def remove_feed(self, url_or_id: str) -> bool: ...

    async def list_feeds(self) -> list[Feed]: ...

    async def due_feeds(self, now: dt.datetime) -> list[Feed]:
        """Enabled feeds whose ``next_check`` is due (or never set)."""

    async def save_feed_state(self, feed: Feed) -> None:
        """Store the fetch state fields of ``feed`` (ETag, next check, errors, ...)."""

    # --- items, stories and the outbox ---------------------------------------------------------
    async def known_keys(self, keys: list[str]) -> set[str]:
        """The subset of entry keys stored before."""

    async def record_item(
        self, item: NewItem, extraction: Extraction, now: dt.datetime
    ) -> RecordResult:
        """In ONE transaction: store the item and its extraction; for an MOU, attach it to the
        story it reprints or create a story; for a new story with ``item.alert``, enqueue one
        delivery per recipient chat. A key seen before changes nothing (``duplicate``)."""

    async def record_items(
        self, items: Sequence[tuple[NewItem, Extraction]], now: dt.datetime
    ) -> list[RecordResult]:
        """``record_item`` for each of ``items``, in order, in ONE transaction: every item
        stored with its extraction, story and deliveries as ``record_item`` stores it; a key
        stored before or earlier in the batch is a ``duplicate``. One result per item."""

    async def due_deliveries(
        self,
        now: dt.datetime,
        limit: int = 100,
        *,
        owner: str | None = None,
        lease: dt.timedelta | None = None,
        per_chat: int | None = None,
    ) -> list[DeliveryJob]:
        """Pending rows due now, for active instant-mode chats, oldest first, at most
        ``per_chat`` of one chat. Each row returned is CLAIMED for ``owner`` until ``now +
        lease`` (defaults: the repository's own owner id and ``claim_lease``, 20 s): no call
        returns a row while a claim on it holds, the owner's own calls included. The owner
        keeps its claims with ``renew_claims`` (a heartbeat) and gives them back with
        ``release_claims``; a claim nobody renews lapses, and the row is due again."""

    async def renew_claims(
        self, owner: str, now: dt.datetime, lease: dt.timedelta | None = None
    ) -> set[int]:
        """Extend ``owner``'s claims on pending rows to ``now + lease``; the ids it still
        holds (one missing was settled or, after a lapse, claimed by another worker)."""

    async def release_claims(self, owner: str, ids: list[int] | None = None) -> int:
        """Drop ``owner``'s claims (all, or on ``ids``) on pending rows: due again at once."""

    async def pending_digest(self, chat_id: int) -> list[DeliveryJob]:
        """Pending rows of a digest-mode chat, for its daily message."""

    async def digest_chats(self) -> list[Chat]:
        """Active chats in digest mode."""

    async def claim_digest(
        self,
        chat_id: int,
        period: dt.date,
        owner: str,
        now: dt.datetime,
        kind: str = "daily",
        lease: dt.timedelta = ...,
    ) -> bool:
        """True when ``owner`` now holds the chat's digest for ``period``: nobody claimed it
        yet, or a claim lapsed unsent. A sent digest is never claimed again."""

    async def finish_digest(
        self, chat_id: int, period: dt.date, owner: str, now: dt.datetime, kind: str = "daily"
    ) -> None:
        """Record the digest as sent."""

    async def release_digest(
        self, chat_id: int, period: dt.date, owner: str, kind: str = "daily"
    ) -> None:
        """Give an unsent claim back (the send failed): the next tick tries again."""

    async def mark_sent(
        self, delivery_ids: list[int], message_id: int | None, now: dt.datetime
    ) -> None:
        """Settle the rows as sent (and unclaimed)."""

    async def mark_retry(self, delivery_id: int, error: str, next_attempt: dt.datetime) -> None:
        """Count an attempt, unclaim, and try again at ``next_attempt``."""

    async def mark_dead(self, delivery_id: int, error: str) -> None:
        """Give the row up (unclaimed); a row already sent stays sent."""

    # --- reading for people ------------------------------------------------------------------
    async def stories(
        self, topic: Topic | None, since: dt.datetime | None, limit: int = 1000
    ) -> list[StoryView]:
        """Stories matching ``topic`` (all when None) that happened since ``since`` (published,
        else first seen), newest first. An organisation or keyword topic matches as its
        alerts do (``Topic.matches``)."""

    async def search_stories(
        self, query: str, since: dt.datetime | None, *, limit: int = 5, offset: int = 0
    ) -> list[StoryView]:
        """Stories whose headline, parties or summary hold every word of ``query`` (three
        characters or more through the full-text index, shorter ones as substrings), that
        happened since ``since``, newest first."""

    async def stories_of(self, topics: Sequence[Topic], limit: int = 20) -> list[StoryView]:
        """The newest stories matching any of ``topics`` (a chat's /latest), newest first."""

    async def get_story(self, story_id: int) -> StoryView | None: ...

    async def stats(self) -> Stats:
        """Counts; ``deliveries`` holds only the statuses that have rows."""

    async def close(self) -> None: ...
