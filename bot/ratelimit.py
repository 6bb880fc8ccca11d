"""Command replies and alerts share one flood budget: the bot's :class:`~bot.pacing.Pacer`.

Telegram counts every message of a bot against one limit (30/s, 20/min per group) and a 429 on
any of them asks the whole bot to wait. PTB's ``AIORateLimiter`` would keep a budget of its own
beside the delivery worker's, and neither would see the other's 429 pauses; so the application
gets this limiter instead, built on the same Pacer the delivery worker uses.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.delivery.answers import retry_after_seconds
from bot.pacing import Pacer

log = logging.getLogger(__name__)

JSON = bool | dict[str, Any] | list[dict[str, Any]]

# Methods that put a message in a chat: these count against Telegram's message limits.
MESSAGE_METHODS = frozenset(
    {
        "sendMessage",
        "editMessageText",
        "editMessageReplyMarkup",
        "sendPhoto",
        "sendDocument",
        "copyMessage",
        "forwardMessage",
    }
)


class PacedRateLimiter(BaseRateLimiter[int]):
    """Paces message methods through the shared Pacer and retries a RetryAfter after pausing
    everything (alerts included) for as long as Telegram asked. Other methods pass straight."""

    def __init__(
        self,
        pacer: Pacer,
        max_retries: int = 3,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.pacer = pacer
        self.max_retries = max_retries
        self.sleep = sleep

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSON:
        chat_id = _chat_id(data.get("chat_id"))
        if endpoint not in MESSAGE_METHODS or chat_id is None:
            return await callback(*args, **kwargs)
        retries = self.max_retries if rate_limit_args is None else rate_limit_args
        for attempt in range(retries + 1):
            # A person's replies may come faster than one a second; groups and the bot's
            # overall budget are always respected.
            async with self.pacer.turn(chat_id, self.sleep, per_chat=False):
                try:
                    return await callback(*args, **kwargs)
                except RetryAfter as exc:
                    seconds = retry_after_seconds(exc)
                    self.pacer.pause(seconds)
                    if attempt == retries:
                        raise
                    log.info("flood control: every send waits %.0f s (%s)", seconds, endpoint)
        raise AssertionError("unreachable")  # pragma: no cover


def _chat_id(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None
