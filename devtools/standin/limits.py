"""Telegram's sending limits as sliding windows, and the retry_after windows a 429 opens."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

GLOBAL = None
"""Scope of a retry_after window that holds every chat (Telegram's flood wait for the bot)."""


@dataclass(frozen=True)
class Limits:
    """Telegram's documented limits for one bot (the defaults)."""

    overall_per_second: int = 30
    per_chat_per_second: int = 1
    per_group_per_minute: int = 20


class _Window:
    """At most ``limit`` events in any ``period`` seconds."""

    def __init__(self, limit: int, period: float) -> None:
        self.limit = limit
        self.period = period
        self.times: deque[float] = deque()

    def wait(self, now: float) -> float:
        """Seconds until one more event fits (0: it fits now)."""
        while self.times and self.times[0] <= now - self.period:
            self.times.popleft()
        if len(self.times) < self.limit:
            return 0.0
        return self.times[len(self.times) - self.limit] + self.period - now


class RateGate:
    """Admits a send or says which limit it breaks and the retry_after Telegram would give."""

    def __init__(self, limits: Limits | None, clock: Callable[[], float]) -> None:
        self.limits = limits
        self._clock = clock
        self._overall: _Window | None = None
        self._chats: dict[int, _Window] = {}
        self._groups: dict[int, _Window] = {}
        if limits is not None:
            self._overall = _Window(limits.overall_per_second, 1.0)

    def admit(self, chat_id: int, is_group: bool) -> tuple[str, int] | None:
        """Record the send and return None, or return (limit broken, retry_after seconds)."""
        if self.limits is None or self._overall is None:
            return None
        now = self._clock()
        chat = self._chats.get(chat_id)
        if chat is None:
            chat = self._chats[chat_id] = _Window(self.limits.per_chat_per_second, 1.0)
        windows: list[tuple[str, _Window]] = [("overall", self._overall), ("chat", chat)]
        if is_group:
            group = self._groups.get(chat_id)
            if group is None:
                group = self._groups[chat_id] = _Window(self.limits.per_group_per_minute, 60.0)
            windows.append(("group", group))
        for reason, window in windows:
            wait = window.wait(now)
            if wait > 0:
                return reason, max(1, math.ceil(wait))
        for _, window in windows:
            window.times.append(now)
        return None


@dataclass(frozen=True)
class Violation:
    """A request that arrived while a retry_after window told the bot to wait."""

    method: str
    chat_id: int | None
    early_by: float


class RetryWindows:
    """The retry_after windows opened by 429 answers: a request inside one is a violation.

    ``grace`` forgives arrivals a few milliseconds early (timer resolution of the client).
    ``crossing``: a request arriving this soon after its window opened left the client before
    the 429 could reach it (it crossed the answer on the wire); it is answered 429 like any
    other but counted apart (``Stats.crossed``), not as a violation.
    """

    def __init__(
        self, clock: Callable[[], float], grace: float = 0.01, crossing: float = 0.05
    ) -> None:
        self._clock = clock
        self.grace = grace
        self.crossing = crossing
        self._until: dict[int | None, float] = {}
        self._opened: dict[int | None, float] = {}

    def open(self, scope: int | None, seconds: int) -> None:
        now = self._clock()
        if self._until.get(scope, 0.0) <= now:
            self._opened[scope] = now
        self._until[scope] = max(self._until.get(scope, 0.0), now + seconds)

    def crossed(self, chat_id: int | None) -> bool:
        """Whether every window holding ``chat_id`` opened less than ``crossing`` ago."""
        now = self._clock()
        scopes: list[int | None] = [GLOBAL] if chat_id is None else [GLOBAL, chat_id]
        held = [s for s in scopes if self._until.get(s, 0.0) - now > self.grace]
        return bool(held) and all(now - self._opened.get(s, -1e9) <= self.crossing for s in held)

    def remaining(self, chat_id: int | None) -> float:
        """Seconds left in the windows that hold ``chat_id`` (0 when none does)."""
        now = self._clock()
        ends = [self._until.get(GLOBAL, 0.0)]
        if chat_id is not None:
            ends.append(self._until.get(chat_id, 0.0))
        left = max(ends) - now
        return left if left > self.grace else 0.0
