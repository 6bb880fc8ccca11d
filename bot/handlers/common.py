"""What every handler does first (find the chat and its language) and last (send the reply)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from telegram import InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.i18n import Lang, language_of
from bot.services import Services, services_of
from subscriptions.models import Chat

Context = ContextTypes.DEFAULT_TYPE
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
