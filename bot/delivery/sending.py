"""Sending one message: the ``Sender`` the worker talks to and its python-telegram-bot form."""

from __future__ import annotations

from typing import Protocol

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.request import HTTPXRequest


class Sender(Protocol):
    async def send(self, chat_id: int, text: str, *, html: bool) -> int:
        """Send one message; return its message id. Raises python-telegram-bot's errors.
        A sender that shows buttons also takes ``keyboard=`` (an InlineKeyboardMarkup); the
        worker passes it only when it has one."""


class BotSender:
    """The Sender over ``telegram.Bot.send_message``: HTML or plain, link previews off."""

    def __init__(self, bot: Bot, *, owns_bot: bool = False) -> None:
        self.bot = bot
        self._owns_bot = owns_bot

    async def send(
        self, chat_id: int, text: str, *, html: bool, keyboard: InlineKeyboardMarkup | None = None
    ) -> int:
        message = await self.bot.send_message(
            chat_id=chat_id,
            text=text,
            parse_mode=ParseMode.HTML if html else None,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
            reply_markup=keyboard,
        )
        return message.message_id

    async def aclose(self) -> None:
        if self._owns_bot:
            await self.bot.shutdown()


def dedicated_bot(bot: Bot, pool_size: int = 8) -> Bot:
    """A plain ``Bot`` on the same token and Bot API server as ``bot``, without the
    application's rate limiter: the worker paces itself and must see RetryAfter itself (the
    limiter would retry inside the window and let other requests through meanwhile)."""
    base_url = bot.base_url
    return Bot(
        bot.token,
        base_url=lambda _token: base_url,
        request=HTTPXRequest(connection_pool_size=pool_size),
    )
