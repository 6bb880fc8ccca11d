"""Faults a test injects: the next answers of a method, or a flood of 429s for a while."""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from devtools.standin.errors import ApiError


@dataclass(frozen=True)
class Delay:
    """Answer normally, but only after ``seconds`` (to provoke client time-outs)."""

    seconds: float


@dataclass(frozen=True)
class Disconnect:
    """Drop the connection without an answer. ``processed=True``: do the call first (the bot's
    message is delivered but the bot never hears so), else drop it unprocessed."""

    processed: bool = False


Fault = ApiError | Disconnect | Delay


@dataclass
class _Planned:
    fault: Fault
    chat_id: int | None
    times: int


@dataclass(frozen=True)
class Flood:
    share: float
    retry_after: int
    until: float
    methods: frozenset[str]


class Faults:
    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._planned: dict[str, deque[_Planned]] = {}
        self.flood: Flood | None = None
        self._rng = random.Random(0)

    def fail_next(
        self, method: str, fault: Fault, *, times: int = 1, chat_id: int | None = None
    ) -> None:
        """Answer the next ``times`` calls of ``method`` (for ``chat_id`` only, if given)."""
        self._planned.setdefault(method.lower(), deque()).append(_Planned(fault, chat_id, times))

    def start_flood(
        self,
        share: float,
        *,
        retry_after: int,
        duration: float,
        methods: Iterable[str],
        seed: int = 0,
    ) -> None:
        if not 0 < share <= 1:
            raise ValueError("share must be in (0, 1]")
        self._rng = random.Random(seed)
        self.flood = Flood(
            share, retry_after, self._clock() + duration, frozenset(m.lower() for m in methods)
        )

    def stop_flood(self) -> None:
        self.flood = None

    def take(self, method: str, chat_id: int | None) -> tuple[str, Fault] | None:
        """The fault for this call, if any, with its cause (``injected`` or ``flood``)."""
        queue = self._planned.get(method)
        if queue:
            for planned in queue:
                if planned.chat_id is None or planned.chat_id == chat_id:
                    planned.times -= 1
                    if planned.times <= 0:
                        queue.remove(planned)
                    return "injected", planned.fault
        flood = self.flood
        if flood is not None:
            if self._clock() >= flood.until:
                self.flood = None
            elif method in flood.methods and self._rng.random() < flood.share:
                return "flood", ApiError.too_many_requests(flood.retry_after)
        return None
