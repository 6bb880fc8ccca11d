"""Inline buttons: the one-tap subscriptions of /start and the remove buttons of /list."""

from __future__ import annotations

import html
import re

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot import replies
from bot.handlers.common import NO_PREVIEW, Context, current_chat, lang_of
from bot.i18n import t
from bot.subscribing import subscribe_topics


def plain(text: str) -> str:
    """A toast (answerCallbackQuery) is plain text of at most 200 characters."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))[:200]


async def subscribe_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    services, chat = await current_chat(update, context)
    topic = replies.parse_subscribe_button(query.data)
    if topic is None:
        await query.answer()
        return
    limit = services.settings.limits.subscriptions_per_chat
    done = await subscribe_topics(services.repo, chat.id, [topic], limit)
    text = replies.subscribe_result(
        lang_of(chat), done.added, done.already, [], done.over_limit, limit
    )
    await query.answer(plain(text))


async def remove_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    sub_id = replies.parse_remove_button(query.data)
    subs = await services.repo.list_subscriptions(chat.id)
    target = next((s for s in subs if s.id == sub_id), None)
    # The repository checks ownership too: a forged id of another chat removes nothing.
    if target is None or sub_id is None:
        await query.answer(plain(t(lang, "gone_button")))
    elif await services.repo.remove_subscription_by_id(chat.id, sub_id):
        await query.answer(
            plain(t(lang, "removed_button", topic=replies.label(target.topic, lang)))
        )
        subs = [s for s in subs if s.id != sub_id]
    reply = replies.subscription_list(lang, chat, subs)
    try:
        await query.edit_message_text(
            reply.text,
            parse_mode=ParseMode.HTML,
            reply_markup=reply.keyboard,
            link_preview_options=NO_PREVIEW,
        )
    except BadRequest as exc:  # "message is not modified" when the list did not change
        if "not modified" not in str(exc).lower():
            raise
