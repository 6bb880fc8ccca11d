"""What Telegram's answer to a send means for its outbox rows: pure classification.

Flood control pauses every send, a blocked or missing chat is deactivated, a migrated group is
followed, rejected HTML is resent as plain text, an over-long message is resent shorter, and
network trouble is retried with exponential backoff until the row is given up as dead.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass
from typing import Literal

from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)

Variant = Literal["html", "plain", "short", "short_plain"]
"""The forms of one message, from the full HTML down to a shortened plain text."""


@dataclass(frozen=True)
class Pause:
    seconds: float


@dataclass(frozen=True)
class Migrate:
    new_chat_id: int


@dataclass(frozen=True)
class Deactivate:
    reason: str


@dataclass(frozen=True)
class Resend:
    variant: Variant


@dataclass(frozen=True)
class Retry:
    error: str
    network: bool = True


@dataclass(frozen=True)
class Dead:
    error: str


Action = Pause | Migrate | Deactivate | Resend | Retry | Dead

# Bad Request descriptions that mean the chat is gone for the bot (not a bad message).
_CHAT_GONE = (
    "chat not found",
    "peer_id_invalid",
    "user not found",
    "chat_write_forbidden",
    "not enough rights to send",
    "have no rights to send",
    "group chat was deactivated",
    "bot was kicked",
)


def retry_after_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB warns that the int form is deprecated
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def classify(exc: BaseException, variant: Variant) -> Action:
    """What to do after ``exc`` was raised sending the ``variant`` of a message. Pure."""
    text = str(exc)
    lowered = text.lower()
    if isinstance(exc, RetryAfter):
        return Pause(retry_after_seconds(exc))
    if isinstance(exc, ChatMigrated):
        return Migrate(int(exc.new_chat_id))
    if isinstance(exc, Forbidden):
        return Deactivate(text)
    if isinstance(exc, BadRequest):  # before NetworkError: BadRequest subclasses it
        if any(p in lowered for p in _CHAT_GONE):
            return Deactivate(text)
        if "can't parse entities" in lowered or "can't find end" in lowered:
            if variant == "html":
                return Resend("plain")
            if variant == "short":
                return Resend("short_plain")
        if "too long" in lowered:
            if variant == "html":
                return Resend("short")
            if variant in ("plain", "short"):
                return Resend("short_plain")
        return Dead(text)
    if isinstance(exc, NetworkError):  # TimedOut, connection errors, 5xx
        return Retry(text or type(exc).__name__)
    if isinstance(exc, TimeoutError):  # the worker's own send_timeout
        return Retry("no answer within the send timeout")
    if isinstance(exc, TelegramError):  # InvalidToken, Conflict, ...: not this row's fault
        return Retry(text or type(exc).__name__, network=False)
    return Retry(f"{type(exc).__name__}: {text}", network=False)


def backoff(attempts: int, base: float, cap: float) -> float:
    """Seconds before the next try after ``attempts`` failed ones (0-based)."""
    return float(min(cap, base * 2 ** min(attempts, 30)))
