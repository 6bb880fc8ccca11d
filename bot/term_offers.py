"""The offer ``/subscribe`` makes for a name that is neither a country nor a sector: buttons to
follow it as an organisation or as a keyword. Typo suggestions come first: a word with any
gets no offer. Pure."""

from __future__ import annotations

import html
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Lang, t
from bot.markup import Html, shorten
from subscriptions.models import Topic
from subscriptions.organisations import clean_term
from subscriptions.topics import UnknownWord

CALLBACK = "term"
MAX_CALLBACK = 64
MAX_OFFERS = 3


def offer_data(kind: str, name: str) -> str | None:
    """``term:o:NAME`` or ``term:k:NAME``; None when longer than Telegram's 64 bytes."""
    data = f"{CALLBACK}:{kind}:{name}"
    return data if len(data.encode()) <= MAX_CALLBACK else None


def parse_offer(data: str) -> Topic | None:
    parts = data.split(":", 2)
    if len(parts) != 3 or parts[0] != CALLBACK:
        return None
    name = clean_term(parts[2])
    if not name:
        return None
    if parts[1] == "o":
        return Topic(org=name)
    if parts[1] == "k":
        return Topic(keyword=name)
    return None


def _plain(lang: Lang, key: str, word: str) -> str:
    """A button's text is plain text: the template filled without HTML escaping."""
    return html.unescape(t(lang, key, word=word))


def offers(
    lang: Lang, unknown: Sequence[UnknownWord]
) -> tuple[list[Html], InlineKeyboardMarkup | None]:
    """Lines asking how to follow each unknown name without suggestions, and their buttons."""
    lines: list[Html] = []
    rows: list[list[InlineKeyboardButton]] = []
    for word in unknown:
        if word.home or word.suggestions or len(rows) >= MAX_OFFERS:
            continue
        name = clean_term(word.word)
        org, keyword = offer_data("o", name), offer_data("k", name)
        if not name or org is None or keyword is None:
            continue
        short = shorten(name, 24)
        lines.append(t(lang, "offer_term", word=shorten(name, 40)))
        rows.append(
            [
                InlineKeyboardButton(_plain(lang, "follow_org_button", short), callback_data=org),
                InlineKeyboardButton(
                    _plain(lang, "follow_kw_button", short), callback_data=keyword
                ),
            ]
        )
    return lines, InlineKeyboardMarkup(rows) if rows else None
