"""The chat's settings: delivery mode, pause, time zone and language. In groups only the
administrators change them (``changes_settings``); asking for the current value is open."""

from __future__ import annotations

import datetime as dt

from telegram import Update

from bot import replies
from bot.handlers.common import (
    Context,
    args_text,
    changes_settings,
    current_chat,
    lang_of,
    may_change,
    send,
    tz_of,
    utcnow,
)
from bot.i18n import Lang, t
from bot.jobs import resume as resume_chat
from bot.markup import local_time
from bot.when import BadWhen, parse_day, parse_time, pause_until
from bot.zones import parse_zone
from subscriptions.models import PAUSED_FOREVER

DEFAULT_DIGEST_TIME = dt.time(8, 0)
_INSTANT = {"instant", "즉시", "바로"}
_DIGEST = {"digest", "daily", "다이제스트", "요약", "하루", "매일"}
_WEEKLY = {"weekly", "week", "매주", "주간"}
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


def _bad(lang: Lang, bad: BadWhen) -> str:
    if bad.kind == "day":
        return t(lang, "bad_day", day=bad.text)
    if bad.kind == "pause":
        return t(lang, "bad_pause", arg=bad.text)
    return t(lang, "bad_time", time=bad.text)


async def mode(update: Update, context: Context) -> None:
    """``/mode`` shows the mode; ``instant``, ``digest [HH:MM]``, ``weekly <day> [HH:MM]``
    change it (administrators only in groups)."""
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    words = [w.lower() for w in context.args or []]
    tz = tz_of(services, chat)
    if not words:
        text = t(lang, "mode_current", mode=replies.mode_text(lang, chat), tz=str(tz))
        await send(update, text)
        return
    kind = words[0]
    if kind not in _INSTANT | _DIGEST | _WEEKLY:
        await send(update, t(lang, "bad_mode", mode=kind[:20]))
        return
    if not await may_change(update, context, chat):
        return
    try:
        if kind in _INSTANT:
            if len(words) > 1:
                raise ValueError
            await services.repo.set_mode(chat.id, "instant")
            await send(update, t(lang, "mode_set_instant"))
        elif kind in _DIGEST:
            if len(words) > 2:
                raise ValueError
            when = parse_time(words[1]) if len(words) == 2 else DEFAULT_DIGEST_TIME
            await services.repo.set_mode(chat.id, "digest", when)
            await send(update, t(lang, "mode_set_digest", time=when.strftime("%H:%M"), tz=str(tz)))
        else:
            if len(words) < 2:
                await send(update, t(lang, "weekly_needs_day"))
                return
            if len(words) > 3:
                raise ValueError
            day = parse_day(words[1])
            when = parse_time(words[2]) if len(words) == 3 else DEFAULT_DIGEST_TIME
            await services.repo.set_mode(chat.id, "digest", when, digest_day=day)
            text = t(
                lang,
                "mode_set_weekly",
                day=t(lang, f"day_{day}"),
                time=when.strftime("%H:%M"),
                tz=str(tz),
            )
            await send(update, text)
    except BadWhen as bad:
        await send(update, _bad(lang, bad))
    except ValueError:
        await send(update, t(lang, "mode_usage", tz=str(tz)))


@changes_settings
async def pause(update: Update, context: Context) -> None:
    """``/pause`` (until /resume), ``/pause 1d``, ``1w``, ``12h``, ``18:00``: alerts are held
    (kept pending) and arrive as one message on resume."""
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    tz = tz_of(services, chat)
    try:
        until = pause_until(args_text(context), utcnow(), tz)
    except BadWhen as bad:
        await send(update, _bad(lang, bad))
        return
    await services.repo.set_pause(chat.id, until)
    if until >= PAUSED_FOREVER:
        await send(update, t(lang, "paused_forever"))
    else:
        await send(update, t(lang, "paused", until=local_time(until, tz), tz=str(tz)))


@changes_settings
async def resume(update: Update, context: Context) -> None:
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    if chat.paused_until is None:
        await send(update, t(lang, "not_paused"))
        return
    sent = await resume_chat(services, chat, utcnow())
    await send(update, t(lang, "resumed", count=sent) if sent else t(lang, "resumed_nothing"))


async def timezone(update: Update, context: Context) -> None:
    """``/timezone`` shows the chat's zone; ``/timezone Europe/Paris`` sets it."""
    services, chat = await current_chat(update, context)
    lang = lang_of(chat)
    arg = args_text(context).strip()
    if not arg:
        await send(update, t(lang, "timezone_current", tz=str(tz_of(services, chat))))
        return
    name = parse_zone(arg)
    if name is None:
        await send(update, t(lang, "bad_timezone", tz=arg[:40]))
        return
    if not await may_change(update, context, chat):
        return
    await services.repo.set_timezone(chat.id, name)
    await send(update, t(lang, "timezone_set", tz=name))


async def lang(update: Update, context: Context) -> None:
    """``/lang`` lists the languages; ``/lang ko`` or ``en`` switches; any other is refused
    by name."""
    services, chat = await current_chat(update, context)
    arg = args_text(context).strip().lower()
    if not arg:
        await send(update, t(lang_of(chat), "lang_usage"))
        return
    choice = _LANGS.get(arg)
    if choice is None:
        await send(update, t(lang_of(chat), "lang_not_offered", code=arg[:20]))
        return
    if not await may_change(update, context, chat):
        return
    await services.repo.set_language(chat.id, choice)
    await send(update, t(choice, "lang_set"))
