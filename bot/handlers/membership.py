"""The bot's own membership of chats (blocked, kicked, re-added), group upgrades, and the error
handler that keeps tracebacks away from users."""

from __future__ import annotations

import logging

from telegram import ChatMember, Update
from telegram.error import TelegramError

from bot.handlers.common import Context, chat_title, send
from bot.i18n import language_of, t
from bot.services import services_of

log = logging.getLogger(__name__)
_PRESENT = {ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER}


async def my_chat_member(update: Update, context: Context) -> None:
    change = update.my_chat_member
    if change is None:
        return
    repo = services_of(context).repo
    member = change.new_chat_member
    present = member.status in _PRESENT or (
        member.status == ChatMember.RESTRICTED and getattr(member, "is_member", False)
    )
    if present:
        lang = language_of(change.from_user.language_code if change.from_user else None)
        await repo.upsert_chat(
            change.chat.id, type=change.chat.type, title=chat_title(update), language=lang
        )
        return
    if change.chat.type == "private":
        reason = "blocked by the user"
    else:
        reason = "removed from the group" if member.status == ChatMember.LEFT else "kicked"
    dropped = await repo.deactivate_chat(change.chat.id, reason)
    services_of(context).admins.forget(change.chat.id)
    log.info("chat %s %s the bot; %d pending alerts dropped", change.chat.id, reason, dropped)


async def migrated(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or message.migrate_to_chat_id is None:
        return  # the new supergroup's "migrate_from" message: the old group's one did the work
    services = services_of(context)
    await services.repo.migrate_chat(message.chat.id, message.migrate_to_chat_id)
    services.admins.forget(message.chat.id)
    log.info("chat %s became supergroup %s", message.chat.id, message.migrate_to_chat_id)


async def on_error(update: object, context: Context) -> None:
    log.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    lang = language_of(update.effective_user.language_code if update.effective_user else None)
    try:
        chat = await services_of(context).repo.get_chat(update.effective_chat.id)
        if chat is not None:
            lang = "ko" if chat.language == "ko" else "en"
    except Exception:  # the store may be what failed; the apology still goes out
        log.debug("no chat language for the error reply", exc_info=True)
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(t(lang, "error"))
        else:
            await send(update, t(lang, "error"))
    except TelegramError:
        log.warning("could not tell chat %s about the error", update.effective_chat.id)
