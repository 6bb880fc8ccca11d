"""Commands for the administrators named in ``telegram.admins``; anyone else is refused politely
and nothing changes."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update

from bot import replies
from bot.handlers.common import Context, current_chat, lang_of, send
from bot.i18n import t
from feeds.urls import FeedUrlError, check_feed_url

log = logging.getLogger(__name__)
Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]


def admin_only(handler: Handler) -> Handler:
    @functools.wraps(handler)
    async def guarded(update: Update, context: Context) -> None:
        services, chat = await current_chat(update, context)
        user = update.effective_user
        if user is None or user.id not in services.settings.telegram.admins:
            log.info("refused /%s to user %s", handler.__name__, user.id if user else None)
            await send(update, t(lang_of(chat), "admin_only"))
            return
        await handler(update, context)

    return guarded


@admin_only
async def feeds(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    items = await services.repo.list_feeds()
    for text in replies.feeds(lang_of(chat), items, services.settings.schedule.tz):
        await send(update, text)


@admin_only
async def addfeed(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    args = context.args or []
    if not args:
        await send(update, t(lang, "addfeed_usage"))
        return
    url, name = args[0], " ".join(args[1:])[:200]
    try:
        url = await check_feed_url(url, services.settings.fetch.allow_private_addresses)
    except FeedUrlError as exc:
        await send(update, t(lang, "addfeed_bad", reason=exc.reason[:300]))
        return
    feed = await services.repo.upsert_feed(url, name or url)
    log.info(
        "admin %s added feed %s", update.effective_user.id if update.effective_user else None, url
    )
    await send(update, t(lang, "addfeed_done", id=feed.id, name=feed.name))


@admin_only
async def removefeed(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    args = context.args or []
    if len(args) != 1:
        await send(update, t(lang, "removefeed_usage"))
        return
    key = args[0].lstrip("#")[:2000]
    removed = await services.repo.remove_feed(key)
    await send(update, t(lang, "removefeed_done" if removed else "removefeed_missing", feed=key))


@admin_only
async def stats(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    await send(update, replies.stats(lang_of(chat), await services.repo.stats()))
