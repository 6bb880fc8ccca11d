"""Shared pieces of the delivery tests: a fake clock, a scripted Sender, and an outbox filled
through the real repository (``record_item``), so the worker is tested against real SQL."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path

from db_fixtures import sqlite_url

from extractors.model import Amount, Extraction
from subscriptions.models import NewItem, Topic
from subscriptions.store import SqlRepository, open_repository

T0 = dt.datetime(2026, 2, 9, 0, 0, tzinfo=dt.UTC)


class FakeClock:
    """Monotonic clock, wall clock and sleep that only move when something sleeps."""

    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t

    def now(self) -> dt.datetime:
        return T0 + dt.timedelta(seconds=self.t)

    async def sleep(self, seconds: float) -> None:
        self.t += max(seconds, 0.0)
        await asyncio.sleep(0)


@dataclass
class Sent:
    chat_id: int
    text: str
    html: bool
    at: float


@dataclass
class FakeSender:
    """Answers each send with the next scripted outcome for that chat (an exception to raise,
    or nothing: accepted). Records every call with the fake clock's time."""

    clock: FakeClock
    script: dict[int, deque[BaseException | None]] = field(
        default_factory=lambda: defaultdict(deque)
    )
    calls: list[Sent] = field(default_factory=list)
    next_id: int = 1000
    delay: float = 0.0
    """Real seconds each send takes (for tests of several workers sharing the work)."""

    def fail(self, chat_id: int, *errors: BaseException | None) -> None:
        self.script[chat_id].extend(errors)

    async def send(self, chat_id: int, text: str, *, html: bool) -> int:
        self.calls.append(Sent(chat_id, text, html, self.clock()))
        await asyncio.sleep(self.delay)
        script = self.script.get(chat_id)
        if script:
            outcome = script.popleft()
            if outcome is not None:
                raise outcome
        self.next_id += 1
        return self.next_id

    def to(self, chat_id: int) -> list[Sent]:
        return [c for c in self.calls if c.chat_id == chat_id]


async def make_repo(tmp_path: Path) -> SqlRepository:
    """The test's database (the one the ``repo`` fixture opens), opened once more."""
    return await open_repository(sqlite_url(tmp_path))


def mou(
    title: str = "한-프랑스 인공지능 협력 MOU 체결",
    countries: tuple[str, ...] = ("FR",),
    sectors: tuple[str, ...] = ("ai",),
    parties: tuple[tuple[str, ...], ...] = (("삼성전자", "Thales"),),
    date: dt.date | None = None,
) -> Extraction:
    return Extraction(
        date=date,
        is_mou=True,
        status="signed",
        countries=countries,
        sectors=sectors,
        parties=parties,
        amounts=(Amount("3천500만유로", 35_000_000.0, "EUR"),),
        summary=f"{title}. 양국 기업이 협력한다.",
    )


_WORDS = [
    "반도체",
    "수소",
    "바이오",
    "배터리",
    "조선",
    "원전",
    "우주",
    "게임",
    "농업",
    "철도",
    "금융",
]


class Outbox:
    """Chats, subscriptions and stories written through the repository."""

    def __init__(self, repo: SqlRepository) -> None:
        self.repo = repo
        self.feed_id: int | None = None
        self.n = 0

    async def chat(
        self, chat_id: int, country: str = "FR", *, language: str = "en", type: str = "private"
    ) -> None:
        await self.repo.upsert_chat(chat_id, type=type, language=language)  # type: ignore[arg-type]
        await self.repo.add_subscription(chat_id, Topic(country=country))

    async def chats(self, ids: range | list[int], country: str = "FR") -> None:
        for chat_id in ids:
            await self.chat(chat_id, country)

    async def story(
        self, title: str | None = None, countries: tuple[str, ...] = ("FR",), *, at: dt.datetime
    ) -> int:
        """Publish one new MOU story; returns how many deliveries it queued."""
        if self.feed_id is None:
            self.feed_id = (await self.repo.upsert_feed("https://feed.example/rss", "Feed")).id
        self.n += 1
        title = title or f"{_WORDS[self.n % len(_WORDS)]} {self.n}호 협약 #{self.n * 7919}"
        item = NewItem(
            feed_id=self.feed_id,
            key=f"key-{self.n}",
            url=f"https://news.example/{self.n}",
            title=title,
            published=at,
            text_hash=f"hash-{self.n}",
            outlet="연합뉴스",
        )
        # Distinct parties, headlines and signing dates (a week apart): story grouping must
        # not merge test stories.
        parties = ((f"한국기업{self.n}호", f"Partner Company No {self.n}"),)
        signed = at.date() - dt.timedelta(days=7 * self.n)
        extraction = mou(title, countries, parties=parties, date=signed)
        result = await self.repo.record_item(item, extraction, at)
        assert result.new_story, "test stories must not be grouped as reprints"
        return result.deliveries

    async def statuses(self) -> dict[str, int]:
        return {k: v for k, v in (await self.repo.stats()).deliveries.items() if v}
