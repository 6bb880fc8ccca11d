"""Proactive pacing under Telegram's flood limits, so the bot never provokes a 429.

Telegram allows about 30 messages a second overall, one a second to one chat and 20 a minute to
one group. Each limit is enforced here as a sliding-window log: a message may go when fewer than
``n`` messages went in the last ``window`` seconds. The windows are stretched by ``1/headroom``
(2 % by default) so that network jitter between our clock and Telegram's cannot put one message
too many in its window, while a backlog still moves at 98 % of each limit.

Pure: the clock is passed in and nothing here sleeps; ``wait_turn`` takes the sleep function.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    overall: int = 30
    overall_window: float = 1.0
    per_chat: int = 1
    per_chat_window: float = 1.0
    per_group: int = 20
    per_group_window: float = 60.0
    headroom: float = 0.98
    """Share of each limit to use (windows are stretched by its inverse)."""

    def __post_init__(self) -> None:
        if not 0 < self.headroom <= 1:
            raise ValueError("headroom must be in (0, 1]")
        if min(self.overall, self.per_chat, self.per_group) < 1:
            raise ValueError("every limit must allow at least one message")


class _Window:
    """At most ``n`` events in any ``span`` seconds."""

    __slots__ = ("log", "n", "span")

    def __init__(self, n: int, span: float) -> None:
        self.n = n
        self.span = span
        self.log: deque[float] = deque(maxlen=n)

    def ready_at(self) -> float:
        """The earliest time the next event may happen."""
        if len(self.log) < self.n:
            return float("-inf")
        return self.log[0] + self.span

    def add(self, t: float) -> None:
        self.log.append(t)

    def idle_since(self, t: float) -> bool:
        return not self.log or self.log[-1] + self.span <= t


def is_group(chat_id: int) -> bool:
    """Groups, supergroups and channels have negative ids in the Bot API."""
    return chat_id < 0


class Pacer:
    """Decides when the next message to a chat may leave. One per bot (the limits are the
    bot's), shared by everything that sends on its behalf."""

    def __init__(
        self, limits: Limits | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limits = lim = limits or Limits()
        self.clock = clock
        stretch = 1 / lim.headroom
        self._overall = _Window(lim.overall, lim.overall_window * stretch)
        self._chat_span = lim.per_chat_window * stretch
        self._group_span = lim.per_group_window * stretch
        self._chats: dict[int, _Window] = {}
        self._groups: dict[int, _Window] = {}
        self._paused_until = float("-inf")
        self._records_since_prune = 0

    # --- reading ---------------------------------------------------------------------------

    def ready_at(self, chat_id: int) -> float:
        """The earliest clock time a message to ``chat_id`` may be sent."""
        t = max(self._paused_until, self._overall.ready_at())
        chat = self._chats.get(chat_id)
        if chat is not None:
            t = max(t, chat.ready_at())
        group = self._groups.get(chat_id)
        if group is not None:
            t = max(t, group.ready_at())
        return t

    def delay(self, chat_id: int) -> float:
        """Seconds to wait before a message to ``chat_id`` (0 when it may go now)."""
        return max(0.0, self.ready_at(chat_id) - self.clock())

    def paused_for(self) -> float:
        """Seconds left of a flood-control pause (0 when not paused)."""
        return max(0.0, self._paused_until - self.clock())

    # --- writing ---------------------------------------------------------------------------

    def record(self, chat_id: int) -> None:
        """A message to ``chat_id`` is leaving now."""
        now = self.clock()
        lim = self.limits
        self._overall.add(now)
        self._chats.setdefault(chat_id, _Window(lim.per_chat, self._chat_span)).add(now)
        if is_group(chat_id):
            self._groups.setdefault(chat_id, _Window(lim.per_group, self._group_span)).add(now)
        self._records_since_prune += 1
        if self._records_since_prune >= 1000:
            self._prune(now)

    def try_acquire(self, chat_id: int) -> bool:
        """Record a message to ``chat_id`` when it may go now; False (nothing recorded) if not."""
        if self.delay(chat_id) > 0:
            return False
        self.record(chat_id)
        return True

    def pause(self, seconds: float) -> None:
        """Telegram said RetryAfter: nothing at all leaves until the window has passed."""
        self._paused_until = max(self._paused_until, self.clock() + max(0.0, seconds))

    async def wait_turn(
        self,
        chat_id: int,
        sleep: Callable[[float], Awaitable[None]],
        max_sleep: float = 1.0,
    ) -> None:
        """Wait until a message to ``chat_id`` may go, then record it. Sleeps in steps of at
        most ``max_sleep`` so a pause set meanwhile is seen."""
        while not self.try_acquire(chat_id):
            await sleep(min(max_sleep, self.delay(chat_id)))

    def _prune(self, now: float) -> None:
        """Forget chats idle for longer than their window (memory stays flat on a fan-out)."""
        self._records_since_prune = 0
        for table in (self._chats, self._groups):
            for key in [k for k, w in table.items() if w.idle_since(now)]:
                del table[key]

    def tracked_chats(self) -> int:
        return len(self._chats)


__all__ = ["Limits", "Pacer", "is_group"]
