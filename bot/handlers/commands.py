"""The commands anyone can use. Each parses its arguments, calls a service, sends a reply."""

from __future__ import annotations

import datetime as dt
import re

from telegram import Update

from bot import replies, term_offers
from bot.handlers import history
from bot.handlers.common import Context, args_text, current_chat, lang_of, send, utcnow
from bot.i18n import Lang, t
from bot.markup import fit_lines
from bot.summary import BadPeriod, since, split_period, summarize
from subscriptions.models import Topic
from subscriptions.topics import all_countries, all_sectors, parse_topics

LATEST_DEFAULT = 5
LATEST_MAX = 20
DEFAULT_DIGEST_TIME = dt.time(8, 0)
_ALL = {"all", "*", "전체", "모두", "전부"}
_INSTANT = {"instant", "즉시", "바로"}
_DIGEST = {"digest", "daily", "다이제스트", "요약", "하루"}
_LANGS: dict[str, Lang] = {
    "ko": "ko",
    "kr": "ko",
    "korean": "ko",
    "한국어": "ko",
    "한글": "ko",
    "en": "en",
    "english": "en",
    "영어": "en",
}
_HHMM = re.compile(r"^([01]?\d|2[0-3])[:시.]?([0-5]\d)분?$")


async def start(update: Update, context: Context) -> None:
    _services, chat = await current_chat(update, context)
    reply = replies.welcome(lang_of(chat))
    await send(update, reply.text, reply.keyboard)


async def help_command(update: Update, context: Context) -> None:
    _services, chat = await current_chat(update, context)
    await send(update, t(lang_of(chat), "help"))


async def subscribe(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    parsed = parse_topics(args_text(context))
    added: list[Topic] = []
    already: list[Topic] = []
    for topic in parsed.topics:
        is_new = await services.repo.add_subscription(chat.id, topic)
        (added if is_new else already).append(topic)
    lang = lang_of(chat)
    text = replies.subscribe_result(lang, added, already, parsed.unknown)
    offers, keyboard = term_offers.offers(lang, parsed.unknown)
    await send(update, fit_lines([text, *offers]), keyboard)


async def unsubscribe(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    text = args_text(context)
    lang = lang_of(chat)
    if text.strip().lower() in _ALL:
        count = await services.repo.clear_subscriptions(chat.id)
        await send(update, t(lang, "cleared", count=count))
        return
    parsed = parse_topics(text)
    removed: list[Topic] = []
    missing: list[Topic] = []
    for topic in parsed.topics:
        gone = await services.repo.remove_subscription(chat.id, topic)
        (removed if gone else missing).append(topic)
    await send(update, replies.unsubscribe_result(lang, removed, missing, parsed.unknown))


async def list_command(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    subs = await services.repo.list_subscriptions(chat.id)
    reply = replies.subscription_list(lang_of(chat), chat, subs)
    await send(update, reply.text, reply.keyboard)


async def summary(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    words = list(context.args or [])
    try:
        period, words = split_period(words)
    except BadPeriod as bad:
        await send(update, t(lang, "bad_period", period=str(bad)[:20]))
        return
    parsed = parse_topics(" ".join(words))
    if len(parsed.topics) != 1 or parsed.unknown:
        lines = [t(lang, "summary_usage"), *replies.unknown_words(lang, parsed.unknown)]
        await send(update, fit_lines(lines))
        return
    topic = parsed.topics[0]
    now = utcnow()
    stories = await services.repo.stories(topic, since(period, now))
    result = summarize(stories, topic, period)
    await send(
        update, replies.summary(lang, result, " ".join(words), services.settings.schedule.tz)
    )
    await history.send_summary_chart(update, stories, topic, period, lang, now)


async def latest(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    arg = args_text(context).strip()
    if arg and not (arg.isdecimal() and 1 <= int(arg) <= LATEST_MAX):
        await send(update, t(lang, "latest_usage", max=LATEST_MAX))
        return
    stories = await services.repo.stories(None, None, limit=int(arg) if arg else LATEST_DEFAULT)
    await send(update, replies.latest(lang, stories, services.settings.schedule.tz))


async def countries(update: Update, context: Context) -> None:
    _services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    for text in replies.topic_lists(t(lang, "countries_header"), all_countries(lang)):
        await send(update, text)


async def sectors(update: Update, context: Context) -> None:
    _services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    for text in replies.topic_lists(t(lang, "sectors_header"), all_sectors(lang)):
        await send(update, text)


def parse_time(word: str) -> dt.time | None:
    match = _HHMM.match(word.strip())
    return dt.time(int(match[1]), int(match[2])) if match else None


async def mode(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    words = [w.lower() for w in context.args or []]
    tz = services.settings.schedule.timezone
    when = parse_time(words[1]) if len(words) == 2 else DEFAULT_DIGEST_TIME
    if words == [] or words[0] not in _INSTANT | _DIGEST or len(words) > 2 or when is None:
        await send(update, t(lang, "mode_usage", tz=tz))
    elif words[0] in _INSTANT and len(words) == 1:
        await services.repo.set_mode(chat.id, "instant")
        await send(update, t(lang, "mode_set_instant"))
    elif words[0] in _DIGEST:
        await services.repo.set_mode(chat.id, "digest", when)
        await send(update, t(lang, "mode_set_digest", time=when.strftime("%H:%M"), tz=tz))
    else:
        await send(update, t(lang, "mode_usage", tz=tz))


async def lang(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    choice = _LANGS.get(args_text(context).strip().lower())
    if choice is None:
        await send(update, t(lang_of(chat), "lang_usage"))
        return
    await services.repo.set_language(chat.id, choice)
    await send(update, t(choice, "lang_set"))


async def unknown_command(update: Update, context: Context) -> None:
    _services, chat = await current_chat(update, context)
    await send(update, t(lang_of(chat), "help"))
