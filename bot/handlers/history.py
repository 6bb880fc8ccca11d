"""Reading the stored history: ``/search`` with its page buttons, ``/export``, the chart that
follows ``/summary``, and the organisation/keyword buttons ``/subscribe`` offers."""

from __future__ import annotations

import asyncio
import datetime as dt
import secrets
from typing import Any

from telegram import InputFile, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot import charts, export, replies
from bot.handlers.common import (
    NO_PREVIEW,
    Context,
    changes_settings,
    current_chat,
    lang_of,
    plain,
    send,
    utcnow,
)
from bot.i18n import Lang, t
from bot.markup import shorten
from bot.search import (
    PAGE,
    BadPeriod,
    Query,
    export_name,
    page_data,
    parse_page_data,
    parse_query,
    period_text,
    search_reply,
    select_stories,
)
from bot.subscribing import subscribe_topics
from bot.term_offers import parse_offer
from subscriptions.models import StoryView, Topic

_KEPT = "search_queries"
"""chat_data key: queries too long for a button's data, by a short token."""
_KEPT_MAX = 50


async def _query_or_usage(update: Update, context: Context, lang: Lang, usage: str) -> Query | None:
    """The words and period of /search or /export, or None once the reason was sent."""
    try:
        query = parse_query(list(context.args or []))
    except BadPeriod as bad:
        await send(update, t(lang, "bad_period", period=str(bad)[:20]))
        return None
    if not query.words:
        await send(update, t(lang, usage))
        return None
    return query


async def search(update: Update, context: Context) -> None:
    _services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    query = await _query_or_usage(update, context, lang, "search_usage")
    if query is None:
        return
    await _show_page(update, context, lang, query, 0, edit=False)


async def search_button(update: Update, context: Context) -> None:
    callback = update.callback_query
    assert callback is not None and callback.data is not None
    _services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    parsed = parse_page_data(callback.data)
    if parsed is not None and parsed[1].words.startswith("~"):
        kept = _kept(context).get(parsed[1].words)
        parsed = (parsed[0], kept) if kept is not None else None
    await callback.answer(None if parsed else plain(t(lang, "search_expired")))
    if parsed is not None:
        await _show_page(update, context, lang, parsed[1], parsed[0], edit=True)


def _kept(context: Context) -> dict[str, Query]:
    chat_data: dict[Any, Any] = context.chat_data if context.chat_data is not None else {}
    return chat_data.setdefault(_KEPT, {})


def _data(context: Context, page: int, query: Query) -> str | None:
    data = page_data(page, query)
    if data is not None:
        return data
    kept = _kept(context)
    token = next((k for k, q in kept.items() if q == query), None)
    if token is None:
        while len(kept) >= _KEPT_MAX:
            kept.pop(next(iter(kept)))
        token = "~" + secrets.token_hex(4)
        kept[token] = query
    return page_data(page, Query(token, query.period))


async def _show_page(
    update: Update, context: Context, lang: Lang, query: Query, page: int, *, edit: bool
) -> None:
    services, _chat = await current_chat(update, context)
    stories = await services.repo.search_stories(
        query.words, query.since(utcnow()), limit=PAGE + 1, offset=page * PAGE
    )
    buttons = (
        _data(context, page - 1, query) if page > 0 else None,
        _data(context, page + 1, query),
    )
    tz = services.settings.schedule.tz
    reply = search_reply(lang, query, page, stories, tz, buttons)
    callback = update.callback_query
    if not edit or callback is None:
        await send(update, reply.text, reply.keyboard)
        return
    try:
        await callback.edit_message_text(
            reply.text,
            parse_mode=ParseMode.HTML,
            reply_markup=reply.keyboard,
            link_preview_options=NO_PREVIEW,
        )
    except BadRequest as exc:  # a double tap: the page is already shown
        if "not modified" not in str(exc).lower():
            raise


async def export_command(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    query = await _query_or_usage(update, context, lang, "export_usage")
    if query is None:
        return
    stories = await select_stories(services.repo, query, utcnow())
    period = period_text(lang, query.period)
    words = shorten(query.words, 60)
    if not stories:
        await send(update, t(lang, "export_none", words=words, period=period))
        return
    data = await asyncio.to_thread(export.to_csv, stories)
    message = update.effective_message
    assert message is not None
    await message.reply_document(
        InputFile(data, filename=export_name(query)),
        caption=t(lang, "export_caption", count=len(stories), words=words, period=period),
        parse_mode=ParseMode.HTML,
        do_quote=False,
    )


async def send_summary_chart(
    update: Update,
    stories: list[StoryView],
    topic: Topic,
    period: str,
    lang: Lang,
    now: dt.datetime,
) -> None:
    """The chart after a /summary text: drawn in a worker thread; nothing when empty."""
    label = replies.period_label(lang, period)
    png = await asyncio.to_thread(charts.summary_chart, stories, topic, period, lang, label, now)
    message = update.effective_message
    if png is None or message is None:
        return
    await message.reply_photo(InputFile(png, filename="summary.png"), do_quote=False)


@changes_settings
async def term_button(update: Update, context: Context) -> None:
    """A tap on "follow as an organisation / as a keyword" under a /subscribe reply."""
    callback = update.callback_query
    assert callback is not None and callback.data is not None
    services, chat = await current_chat(update, context)
    topic = parse_offer(callback.data)
    if topic is None:
        await callback.answer()
        return
    limit = services.settings.limits.subscriptions_per_chat
    done = await subscribe_topics(services.repo, chat.id, [topic], limit)
    text = replies.subscribe_result(
        lang_of(chat), done.added, done.already, [], over_limit=done.over_limit, limit=limit
    )
    await callback.answer(plain(text))
