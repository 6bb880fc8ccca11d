"""What every handler does first (find the chat and its language) and last (send the reply)."""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from collections.abc import Callable, Coroutine
from typing import Any
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.i18n import Lang, language_of, plain_text, t
from bot.services import Services, services_of
from bot.zones import zone_of
from subscriptions.models import Chat


def plain(text: str) -> str:
    """A toast (answerCallbackQuery) is plain text of at most 200 characters."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))[:200]


Context = ContextTypes.DEFAULT_TYPE
Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def chat_title(update: Update) -> str:
    tg = update.effective_chat
    if tg is None:
        return ""
    return tg.title or tg.full_name or tg.username or ""


async def current_chat(update: Update, context: Context) -> tuple[Services, Chat]:
    """The stored chat of this update, created on first contact in the sender's language and
    reactivated when it had stopped (someone who writes to the bot has unblocked it)."""
    services = services_of(context)
    tg = update.effective_chat
    assert tg is not None  # every handler here is for updates that come from a chat
    chat = await services.repo.get_chat(tg.id)
    title = chat_title(update)
    if chat is None or not chat.active or chat.title != title or chat.type != tg.type:
        user = update.effective_user
        lang = language_of(user.language_code if user else None)
        chat = await services.repo.upsert_chat(tg.id, type=tg.type, title=title, language=lang)
    return services, chat


def lang_of(chat: Chat) -> Lang:
    return "ko" if chat.language == "ko" else "en"


def args_text(context: Context) -> str:
    return " ".join(context.args or [])


async def send(
    update: Update, text: str, keyboard: InlineKeyboardMarkup | None = None, **kwargs: Any
) -> None:
    message = update.effective_message
    if message is None:
        return
    await message.reply_text(
        text,
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard,
        link_preview_options=NO_PREVIEW,
        do_quote=False,
        **kwargs,
    )


def tz_of(services: Services, chat: Chat) -> ZoneInfo:
    """The zone this chat's times are shown in (its /timezone, else the schedule's)."""
    return zone_of(chat, services.settings.schedule.tz)


async def may_change(update: Update, context: Context, chat: Chat) -> bool:
    """True when the sender may change this chat's settings (anyone in a private chat, an
    administrator in a group); otherwise tells them so, briefly, and returns False."""
    services = services_of(context)
    tg = update.effective_chat
    assert tg is not None
    user = update.effective_user
    message = update.effective_message if update.callback_query is None else None
    sender_chat = message.sender_chat if message is not None else None

    async def status_of(chat_id: int, user_id: int) -> str:
        return str((await context.bot.get_chat_member(chat_id, user_id)).status)

    allowed = await services.admins.may_change(
        tg.id,
        tg.type,
        user.id if user else None,
        status_of,
        sender_chat_id=sender_chat.id if sender_chat else None,
    )
    if not allowed:
        lang = lang_of(chat)
        if update.callback_query is not None:
            await update.callback_query.answer(plain_text(lang, "admins_only_here"))
        else:
            await send(update, t(lang, "admins_only_here"))
    return allowed


def changes_settings(handler: Handler) -> Handler:
    """For commands and buttons that change the chat's settings: in groups, administrators
    only (see :func:`may_change`)."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: Context) -> None:
        _services, chat = await current_chat(update, context)
        if await may_change(update, context, chat):
            await handler(update, context)

    return guarded
