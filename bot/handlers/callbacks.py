"""Inline buttons: follow and toggle (/start, /countries, suggestions), the /list buttons, and
the buttons under alerts (Mute, its undo, More like this). Buttons that change the chat's
subscriptions are for a group's administrators only, like the commands."""

from __future__ import annotations

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot import buttons, replies
from bot.handlers.commands import followed, send_summary
from bot.handlers.common import (
    NO_PREVIEW,
    Context,
    changes_settings,
    current_chat,
    lang_of,
    plain,
    tz_of,
    utcnow,
)
from bot.i18n import Lang, plain_text, t
from bot.keyboards import mute_button, swap, undo_button
from bot.services import Services
from bot.subscribing import Subscribed, subscribe_topics
from subscriptions.models import Chat, Topic
from subscriptions.topics import topic_label


async def _add(
    services: Services, chat_id: int, topics: list[Topic], international: bool = False
) -> Subscribed:
    """Buttons add subscriptions under ``[limits] subscriptions_per_chat`` like /subscribe."""
    limit = services.settings.limits.subscriptions_per_chat
    return await subscribe_topics(
        services.repo, chat_id, topics, limit, international=international
    )


def _refused(lang: Lang, services: Services, done: Subscribed) -> str:
    """The toast for topics refused at the limit."""
    limit = services.settings.limits.subscriptions_per_chat
    return plain(
        replies.subscribe_result(lang, [], [], [], over_limit=done.over_limit, limit=limit)
    )


def _pressed_markup(update: Update) -> InlineKeyboardMarkup | None:
    message = update.effective_message
    return message.reply_markup if message is not None else None


async def _edit_markup(update: Update, keyboard: InlineKeyboardMarkup | None) -> None:
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_reply_markup(reply_markup=keyboard)
    except BadRequest as exc:  # "message is not modified": pressed twice
        if "not modified" not in str(exc).lower():
            raise


async def _edit_list(update: Update, reply: replies.Reply) -> None:
    """Replace the pressed message's text and buttons (a /list or /countries page)."""
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(
            reply.text,
            parse_mode=ParseMode.HTML,
            reply_markup=reply.keyboard,
            link_preview_options=NO_PREVIEW,
        )
    except BadRequest as exc:  # "message is not modified" when nothing changed
        if "not modified" not in str(exc).lower():
            raise


async def _pressed(
    update: Update, context: Context
) -> tuple[CallbackQuery, str, Services, Chat, Lang]:
    """The pressed button's query and data, the services, the chat and its language."""
    query = update.callback_query
    assert query is not None and query.data is not None
    services, chat = await current_chat(update, context)
    return query, query.data, services, chat, lang_of(chat)


async def _replace_pressed(update: Update, data: str, new: InlineKeyboardButton | None) -> None:
    """Put ``new`` where the pressed button was (None takes it away)."""
    await _edit_markup(update, swap(_pressed_markup(update), data, new))


@changes_settings
async def subscribe_button(update: Update, context: Context) -> None:
    """``sub:`` (old /start messages) and ``fol:`` ("Did you mean", "Follow X?"): follow."""
    query, data, services, chat, lang = await _pressed(update, context)
    action, parts = buttons.split(data)
    topic = buttons.topic_of(parts) if action == buttons.FOLLOW else None
    topic = topic or replies.parse_subscribe_button(data)
    if topic is None:
        await query.answer()
        return
    limit = services.settings.limits.subscriptions_per_chat
    done = await _add(services, chat.id, [topic])
    text = replies.subscribe_result(
        lang, done.added, done.already, [], over_limit=done.over_limit, limit=limit
    )
    await query.answer(plain(text))


@changes_settings
async def toggle_button(update: Update, context: Context) -> None:
    """/start and /countries buttons: follow, or stop following, and show ✓ accordingly."""
    query, data, services, chat, lang = await _pressed(update, context)
    topic = buttons.topic_of(buttons.split(data)[1])
    if topic is None:
        await query.answer()
        return
    if await services.repo.remove_subscription(chat.id, topic):
        await query.answer(plain(t(lang, "unsubscribed", topics=replies.label(topic, lang))))
    elif (done := await _add(services, chat.id, [topic])).over_limit:
        await query.answer(_refused(lang, services, done))
        return
    else:
        await query.answer(plain(t(lang, "subscribed", topics=replies.label(topic, lang))))
    mine = await followed(services, chat)
    await _replace_pressed(update, data, replies.toggle_button(topic, lang, mine))


@changes_settings
async def mute_button_pressed(update: Update, context: Context) -> None:
    """Under an alert: stop following that topic; the button becomes its undo."""
    query, data, services, chat, lang = await _pressed(update, context)
    topic = buttons.topic_of(buttons.split(data)[1])
    subs = await services.repo.list_subscriptions(chat.id)
    current = next((s for s in subs if topic is not None and s.topic == topic), None)
    if topic is None or current is None:
        await query.answer(plain(t(lang, "gone_button")))
        return
    await services.repo.remove_subscription(chat.id, topic)
    await query.answer(plain_text(lang, "muted", topic=topic_label(topic, lang)))
    await _replace_pressed(update, data, undo_button(topic, current.international, lang))


@changes_settings
async def unmute_button(update: Update, context: Context) -> None:
    query, data, services, chat, lang = await _pressed(update, context)
    _action, parts = buttons.split(data)
    topic = buttons.topic_of(parts)
    if topic is None:
        await query.answer()
        return
    international = bool(buttons.flag_of(parts))
    done = await _add(services, chat.id, [topic], international)
    if done.over_limit:
        await query.answer(_refused(lang, services, done))
        return
    await query.answer(plain_text(lang, "unmuted", topic=topic_label(topic, lang)))
    await _replace_pressed(update, data, mute_button(topic, lang))


async def more_button(update: Update, context: Context) -> None:
    """Under an alert: /summary of its first topic (anyone may ask)."""
    query = update.callback_query
    assert query is not None and query.data is not None
    topic = buttons.topic_of(buttons.split(query.data)[1])
    await query.answer()
    if topic is not None:
        await send_summary(update, context, topic)


@changes_settings
async def scope_button(update: Update, context: Context) -> None:
    """A sector subscription: only international MOUs (``i``) or all of them (``a``)."""
    query, data, services, chat, lang = await _pressed(update, context)
    _action, parts = buttons.split(data)
    topic = buttons.topic_of(parts)
    international = buttons.flag_of(parts)
    if topic is None or international is None:
        await query.answer()
        return
    if not await services.repo.set_international(chat.id, topic, international):
        await query.answer(plain(t(lang, "gone_button")))
        return
    key = "scope_set_international" if international else "scope_set_all"
    await query.answer(plain_text(lang, key, topic=topic_label(topic, lang)))
    old = _pressed_markup(update)
    in_list = old is not None and any(
        str(b.callback_data).startswith("rm:") for row in old.inline_keyboard for b in row
    )
    if in_list:  # the /list message: its text shows the choice too
        subs = await services.repo.list_subscriptions(chat.id)
        await _edit_list(
            update, replies.subscription_list(lang, chat, subs, utcnow(), tz_of(services, chat))
        )
        return
    [switch] = replies.scope_buttons(lang, [topic], international)
    await _edit_markup(update, swap(old, data, switch))


@changes_settings
async def separately_button(update: Update, context: Context) -> None:
    """A combination replaced by its parts ("France AI Germany" -> France, AI, Germany)."""
    query, data, services, chat, lang = await _pressed(update, context)
    group = buttons.parse_combined(buttons.split(data)[1])
    if group is None:
        await query.answer()
        return
    for topic in group.topics:
        await services.repo.remove_subscription(chat.id, topic)
    done = await _add(services, chat.id, list(group.separately))
    if done.over_limit:
        await query.answer(_refused(lang, services, done))
    else:
        await query.answer(
            plain(t(lang, "separately_done", topics=replies.labels(group.separately, lang)))
        )
    await _replace_pressed(update, data, None)


async def countries_page(update: Update, context: Context) -> None:
    """/countries: page 0 the main partners (toggle buttons), page 1 every other country."""
    query, data, services, chat, lang = await _pressed(update, context)
    parts = buttons.split(data)[1]
    await query.answer()
    if parts[:1] == ["1"]:
        reply = replies.countries_rest(lang)
    else:
        reply = replies.countries_main(lang, await followed(services, chat))
    await _edit_list(update, reply)


@changes_settings
async def remove_button(update: Update, context: Context) -> None:
    query, data, services, chat, lang = await _pressed(update, context)
    sub_id = replies.parse_remove_button(data)
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
    await _edit_list(
        update, replies.subscription_list(lang, chat, subs, utcnow(), tz_of(services, chat))
    )
