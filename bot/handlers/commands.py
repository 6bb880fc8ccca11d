"""The commands anyone can use. Each parses its arguments, calls a service, sends a reply.
Commands that change the chat's subscriptions are for a group's administrators only."""

from __future__ import annotations

from telegram import Update

from bot import replies, term_offers
from bot.handlers import history
from bot.handlers.common import (
    Context,
    args_text,
    changes_settings,
    current_chat,
    lang_of,
    send,
    tz_of,
    utcnow,
)
from bot.i18n import Lang, t
from bot.keyboards import markup, rows
from bot.markup import fit_lines
from bot.services import Services
from bot.subscribing import Subscribed, subscribe_topics
from bot.summary import DEFAULT_PERIOD, BadPeriod, since, split_period, summarize
from subscriptions.models import Chat, Topic
from subscriptions.topics import all_countries, all_sectors, parse_topics, suggest, topic_label

LATEST_DEFAULT = 5
LATEST_MAX = 20
_ALL = {"all", "*", "전체", "모두", "전부"}


async def followed(services: Services, chat: Chat) -> set[Topic]:
    return {s.topic for s in await services.repo.list_subscriptions(chat.id)}


async def start(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    reply = replies.welcome(lang_of(chat), await followed(services, chat))
    await send(update, reply.text, reply.keyboard)


async def help_command(update: Update, context: Context) -> None:
    _services, chat = await current_chat(update, context)
    await send(update, t(lang_of(chat), "help"))


async def follow(
    services: Services, chat: Chat, topics: tuple[Topic, ...]
) -> tuple[Subscribed, list[Topic]]:
    """Follow ``topics`` (all MOUs at once) under ``[limits] subscriptions_per_chat``; returns
    what was added, already followed or refused, and the sectors this chat follows for the
    first time (they get the international-only offer)."""
    before = await followed(services, chat)
    limit = services.settings.limits.subscriptions_per_chat
    done = await subscribe_topics(services.repo, chat.id, topics, limit)
    had_sector = any(_sector_only(tp) for tp in before)
    first = [tp for tp in done.added if _sector_only(tp)] if not had_sector else []
    return done, first


def _sector_only(topic: Topic) -> bool:
    """A sector alone: the topics offered the international-only choice."""
    return topic.sector is not None and topic.country is None


@changes_settings
async def subscribe(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    parsed = parse_topics(args_text(context))
    done, first = await follow(services, chat, parsed.topics)
    lang = lang_of(chat)
    limit = services.settings.limits.subscriptions_per_chat
    reply = replies.subscribe_reply(
        lang,
        done.added,
        done.already,
        parsed.unknown,
        parsed.combined,
        first,
        done.over_limit,
        limit,
    )
    # A name that is no country or sector: offered as an organisation or a keyword.
    offers, offered = term_offers.offers(lang, parsed.unknown)
    grid = [row for kb in (reply.keyboard, offered) if kb is not None for row in kb.inline_keyboard]
    await send(update, fit_lines([reply.text, *offers]), markup(grid))


@changes_settings
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
    reply = replies.subscription_list(lang_of(chat), chat, subs, utcnow(), tz_of(services, chat))
    await send(update, reply.text, reply.keyboard)


async def send_summary(
    update: Update, context: Context, topic: Topic, period: str = DEFAULT_PERIOD, typed: str = ""
) -> None:
    """The summary of ``topic``, also behind an alert's "More like this" button."""
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    now = utcnow()
    stories = await services.repo.stories(topic, since(period, now))
    result = summarize(stories, topic, period)
    typed = typed or topic_label(topic, "en")
    await send(update, replies.summary(lang, result, typed, tz_of(services, chat)))
    await history.send_summary_chart(update, stories, topic, period, lang, now)


async def summary(update: Update, context: Context) -> None:
    _services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    try:
        period, words = split_period(list(context.args or []))
    except BadPeriod as bad:
        await send(update, t(lang, "bad_period", period=str(bad)[:20]))
        return
    parsed = parse_topics(" ".join(words))
    if len(parsed.topics) != 1 or parsed.unknown:
        lines = [t(lang, "summary_usage"), *replies.unknown_words(lang, parsed.unknown)]
        await send(update, fit_lines(lines))
        return
    await send_summary(update, context, parsed.topics[0], period, " ".join(words))


async def latest(update: Update, context: Context) -> None:
    """The newest MOUs on the chat's topics (``all``: every topic), at most ``LATEST_MAX``."""
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    words = [w.lower() for w in context.args or []]
    everything = bool(set(words) & _ALL)
    counts = [w for w in words if w not in _ALL]
    if len(counts) > 1 or (counts and not (counts[0].isdecimal() and int(counts[0]) >= 1)):
        await send(update, t(lang, "latest_usage", max=LATEST_MAX))
        return
    asked = int(counts[0]) if counts else LATEST_DEFAULT
    limit = min(asked, LATEST_MAX)
    topics = [] if everything else sorted(await followed(services, chat), key=repr)
    if topics:
        stories = await services.repo.stories_of(topics, limit=limit)
    else:
        stories = await services.repo.stories(None, None, limit=limit)
    text = replies.latest(
        lang,
        stories,
        tz_of(services, chat),
        mine=bool(topics),
        capped=LATEST_MAX if asked > LATEST_MAX else None,
    )
    await send(update, text)


async def countries(update: Update, context: Context) -> None:
    """The main partners as buttons; ``/countries name`` searches every country."""
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    query = args_text(context).strip()
    mine = await followed(services, chat)
    if not query:
        reply = replies.countries_main(lang, mine)
        await send(update, reply.text, reply.keyboard)
        return
    reply = replies.countries_found(lang, query, find_countries(query), mine)
    await send(update, reply.text, reply.keyboard)


def find_countries(query: str) -> list[Topic]:
    """Countries whose name in either language contains ``query``, else the close ones."""
    key = query.casefold()
    found: dict[Topic, None] = {}
    languages: tuple[Lang, Lang] = ("en", "ko")
    for other in languages:
        for line in all_countries(other):
            name, _, code = line.rpartition(" (")
            if key in name.casefold() or key == code.rstrip(")").casefold():
                found[Topic(country=code.rstrip(")"))] = None
    if not found:
        for name in suggest(query):
            parsed = parse_topics(name)
            found.update((tp, None) for tp in parsed.topics if tp.country and not tp.sector)
    return list(found)


async def sectors(update: Update, context: Context) -> None:
    _services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    for text in replies.topic_lists(t(lang, "sectors_header"), all_sectors(lang)):
        await send(update, text)


async def unknown_command(update: Update, context: Context) -> None:
    """A command the bot does not have: say so, naming it, and point to /help."""
    _services, chat = await current_chat(update, context)
    message = update.effective_message
    word = (message.text or "").split()[0] if message and message.text else "/"
    name = word.lstrip("/").split("@")[0][:40]
    await send(update, t(lang_of(chat), "unknown_command", command=name))


async def plain_text(update: Update, context: Context) -> None:
    """Text without a command in a private chat: one line of help, with "Follow X?" buttons
    when the text names topics."""
    _services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    message = update.effective_message
    parsed = parse_topics((message.text or "")[:200] if message else "")
    if parsed.topics and not parsed.unknown:
        shown = replies.labels(parsed.topics[:4], lang)
        keyboard = markup(rows(replies.follow_buttons(lang, parsed.topics[:4]), 1))
        await send(update, t(lang, "text_hint_topics", topics=shown), keyboard)
        return
    await send(update, t(lang, "text_hint"))
