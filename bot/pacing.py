"""Proactive pacing under Telegram's flood limits, so the bot never provokes a 429.

Telegram allows about 30 messages a second overall, one a second to one chat and 20 a minute to
one group, counted when requests *arrive*. We cannot see arrivals, only when a request left
(``acquire``) and when its answer came back (``settle``); the arrival lies between. So each
limit is a sliding window over *answer* times, with requests still in flight counted as inside
it: a new message may go when fewer than ``n`` messages were answered in the last ``window``
seconds or are still on their way. Then no two arrivals ``n`` apart can be closer than the
window, whatever the network or the event loop delays. The price is one round trip per window
(locally ~1 %; against Telegram from far away, more). ``headroom`` stretches the windows a
little further for clock granularity.

The overall limit is also spread evenly (a virtual schedule, GCRA: one message every
``window/n`` with half an interval of catch-up): a burst of 30 at once would put many requests
in flight together, and a 429 answered to the first would find the others already on their way
into its retry_after window.

Pure: the clock is passed in and nothing here sleeps; ``turn`` takes the sleep function.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

INF = float("inf")


@dataclass(frozen=True)
class Limits:
    overall: int = 30
    overall_window: float = 1.0
    per_chat: int = 1
    per_chat_window: float = 1.0
    per_group: int = 20
    per_group_window: float = 60.0
    headroom: float = 0.995
    """Share of each limit to use (windows are stretched by its inverse)."""

    def __post_init__(self) -> None:
        if not 0 < self.headroom <= 1:
            raise ValueError("headroom must be in (0, 1]")
        if min(self.overall, self.per_chat, self.per_group) < 1:
            raise ValueError("every limit must allow at least one message")


class Stamp:
    """One message: when it left, then when its answer came back (``settled``)."""

    __slots__ = ("settled", "t")

    def __init__(self, t: float) -> None:
        self.t = t
        self.settled = False

    def counts_at(self, now: float, span: float) -> float | None:
        """Its time as the window sees it (inf while in flight), None once out of the window."""
        if not self.settled:
            return INF
        return self.t if self.t > now - span else None


class _Window:
    """At most ``n`` messages answered in any ``span`` seconds, in-flight ones included."""

    __slots__ = ("n", "span", "stamps")

    def __init__(self, n: int, span: float) -> None:
        self.n = n
        self.span = span
        self.stamps: deque[Stamp] = deque()

    def ready_at(self, now: float) -> float:
        """The earliest time the next message may leave (-inf: now; inf: when one settles)."""
        stamps = self.stamps
        while stamps and stamps[0].settled and stamps[0].t <= now - self.span:
            stamps.popleft()
        if len(stamps) < self.n:
            return -INF
        times = sorted(t for s in stamps if (t := s.counts_at(now, self.span)) is not None)
        if len(times) < self.n:
            return -INF
        return times[len(times) - self.n] + self.span

    def idle_at(self, now: float) -> bool:
        return all(s.counts_at(now, self.span) is None for s in self.stamps)


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
        self._interval = lim.overall_window * stretch / lim.overall
        self._tolerance = self._interval / 2
        self._scheduled = -INF
        """When the next message is due on the even schedule (GCRA's theoretical arrival)."""
        self._chat_span = lim.per_chat_window * stretch
        self._group_span = lim.per_group_window * stretch
        self._chats: dict[int, _Window] = {}
        self._groups: dict[int, _Window] = {}
        self._paused_until = -INF
        self._records_since_prune = 0
        self._changes = 0
        self._overall_cache = (-1, -INF)

    # --- reading ---------------------------------------------------------------------------

    def ready_at(self, chat_id: int, per_chat: bool = True) -> float:
        """The earliest clock time a message to ``chat_id`` may be sent (inf: not before a
        message still in flight is answered). ``per_chat=False`` leaves out the one-a-second
        rule of a private chat (replies to a person's commands), never a group's or the bot's."""
        now = self.clock()
        t = max(self._paused_until, self._scheduled - self._tolerance, self._overall_ready(now))
        chat = self._chats.get(chat_id)
        if chat is not None and (per_chat or is_group(chat_id)):
            t = max(t, chat.ready_at(now))
        group = self._groups.get(chat_id)
        if group is not None:
            t = max(t, group.ready_at(now))
        return t

    def _overall_ready(self, now: float) -> float:
        # The answer, as a time, only changes when a message is recorded or settled (stamps
        # leaving the window lower the count and the index alike), so it is cached per change.
        if self._overall_cache[0] != self._changes:
            self._overall_cache = (self._changes, self._overall.ready_at(now))
        return self._overall_cache[1]

    def delay(self, chat_id: int, per_chat: bool = True) -> float:
        """Seconds to wait before a message to ``chat_id`` (0: it may go now; inf: after an
        answer still awaited)."""
        return max(0.0, self.ready_at(chat_id, per_chat) - self.clock())

    def paused_for(self) -> float:
        """Seconds left of a flood-control pause (0 when not paused)."""
        return max(0.0, self._paused_until - self.clock())

    # --- writing ---------------------------------------------------------------------------

    def record(self, chat_id: int) -> Stamp:
        """A message to ``chat_id`` leaves now; ``settle`` the stamp when it is answered."""
        now = self.clock()
        lim = self.limits
        stamp = Stamp(now)
        self._changes += 1
        self._overall.stamps.append(stamp)
        self._scheduled = max(self._scheduled, now) + self._interval
        self._chats.setdefault(chat_id, _Window(lim.per_chat, self._chat_span)).stamps.append(stamp)
        if is_group(chat_id):
            group = self._groups.setdefault(chat_id, _Window(lim.per_group, self._group_span))
            group.stamps.append(stamp)
        self._records_since_prune += 1
        if self._records_since_prune >= 1000:
            self._prune(now)
        return stamp

    def settle(self, stamp: Stamp) -> None:
        """The message of ``stamp`` was answered (or failed): it counts from now on."""
        if not stamp.settled:
            stamp.t = max(stamp.t, self.clock())
            stamp.settled = True
            self._changes += 1

    def try_acquire(self, chat_id: int, per_chat: bool = True) -> Stamp | None:
        """Record a message to ``chat_id`` when it may go now; None (nothing recorded) if not."""
        if self.delay(chat_id, per_chat) > 0:
            return None
        return self.record(chat_id)

    def pause(self, seconds: float) -> None:
        """Telegram said RetryAfter: nothing at all leaves until the window has passed."""
        self._paused_until = max(self._paused_until, self.clock() + max(0.0, seconds))

    @asynccontextmanager
    async def turn(
        self,
        chat_id: int,
        sleep: Callable[[float], Awaitable[None]],
        max_sleep: float = 1.0,
        per_chat: bool = True,
    ) -> AsyncIterator[Stamp]:
        """Wait until a message to ``chat_id`` may go, hold the slot while it is sent, settle
        it on the way out. Sleeps in steps of at most ``max_sleep`` so a pause set meanwhile
        is seen."""
        while (stamp := self.try_acquire(chat_id, per_chat)) is None:
            await sleep(min(max_sleep, self.delay(chat_id, per_chat)))
        try:
            yield stamp
        finally:
            self.settle(stamp)

    def _prune(self, now: float) -> None:
        """Forget chats idle for longer than their window (memory stays flat on a fan-out)."""
        self._records_since_prune = 0
        for table in (self._chats, self._groups):
            for key in [k for k, w in table.items() if w.idle_at(now)]:
                del table[key]

    def tracked_chats(self) -> int:
        return len(self._chats)


__all__ = ["Limits", "Pacer", "Stamp", "is_group"]
