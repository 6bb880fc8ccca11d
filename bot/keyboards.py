"""Inline keyboards the bot puts under its messages: pure functions of plain data.

Button texts are plain (Telegram shows them as typed); callback data is built by
:mod:`bot.buttons`, never longer than Telegram's 64 bytes (a button that would not fit is left
out rather than sent broken).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import buttons
from bot.i18n import Lang, plain_text
from bot.markup import shorten
from subscriptions.models import StoryView, Subscription, Topic
from subscriptions.topics import topic_label

MAX_MUTES = 2
"""Mute buttons under one alert (one per matching subscription, first ones first)."""
MAX_BUTTON_TEXT = 60


def button(text: str, data: str | None) -> InlineKeyboardButton | None:
    if data is None:
        return None
    return InlineKeyboardButton(shorten(text, MAX_BUTTON_TEXT), callback_data=data)


def rows(
    items: Iterable[InlineKeyboardButton | None], per_row: int
) -> list[list[InlineKeyboardButton]]:
    kept = [b for b in items if b is not None]
    return [kept[i : i + per_row] for i in range(0, len(kept), per_row)]


def markup(grid: Sequence[Sequence[InlineKeyboardButton]]) -> InlineKeyboardMarkup | None:
    grid = [list(r) for r in grid if r]
    return InlineKeyboardMarkup(grid) if grid else None


def first_topic(story: StoryView) -> Topic | None:
    """The alert's first topic: its first country, else its first sector."""
    if story.countries:
        return Topic(country=story.countries[0])
    if story.sectors:
        return Topic(sector=story.sectors[0])
    return None


def mute_button(topic: Topic, lang: Lang) -> InlineKeyboardButton | None:
    label = topic_label(topic, lang)
    return button(
        plain_text(lang, "mute_button", topic=label),
        buttons.data(buttons.MUTE, buttons.topic_code(topic)),
    )


def undo_button(topic: Topic, international: bool, lang: Lang) -> InlineKeyboardButton | None:
    data = buttons.data(buttons.UNMUTE, buttons.topic_code(topic), "i" if international else "a")
    return button(plain_text(lang, "undo_button", topic=topic_label(topic, lang)), data)


def alert_keyboard(
    story: StoryView, subscriptions: Sequence[Subscription], lang: Lang
) -> InlineKeyboardMarkup | None:
    """ "🔕 Mute <topic>" for the chat's subscriptions the story matched, "🔎 More like this"
    for its first topic."""
    # Countries and sectors only (no parties or text given): an organisation or keyword topic
    # never gets a Mute button, whose 64 bytes of data carry a country and a sector.
    matched = [s.topic for s in subscriptions if s.wants(story.countries, story.sectors)]
    grid = rows((mute_button(topic, lang) for topic in matched[:MAX_MUTES]), 1)
    first = first_topic(story)
    if first is not None:
        more = button(
            plain_text(lang, "more_button"), buttons.data(buttons.MORE, buttons.topic_code(first))
        )
        grid += rows([more], 1)
    return markup(grid)


def swap(
    keyboard: InlineKeyboardMarkup | None, old_data: str, new: InlineKeyboardButton | None
) -> InlineKeyboardMarkup | None:
    """``keyboard`` with the button of ``old_data`` replaced by ``new`` (dropped when None)."""
    if keyboard is None:
        return None
    grid = [
        [
            new if b.callback_data == old_data else b
            for b in row
            if b.callback_data != old_data or new
        ]
        for row in keyboard.inline_keyboard
    ]
    return markup([[b for b in row if b is not None] for row in grid])
