"""Pytest fixtures around the Bot API stand-in (``devtools.standin``), loaded for every test by
``tests/conftest.py`` (``pytest_plugins = ["tests.standin_fixtures"]``).

Fixtures
--------
``standin``           a started :class:`~devtools.standin.BotApiStandin` on 127.0.0.1 (no rate
                      limits; ``standin.set_limits(Limits())`` turns Telegram's on).
``standin_bot``       a ``telegram.Bot`` initialised against it (getMe done).
``standin_settings``  ``Settings`` for running the whole bot against it: token and base_url of
                      the stand-in, a SQLite file in ``tmp_path``, ``admins=(ADMIN_ID,)``,
                      ``schedule.adaptive=False`` with a 1 s poll interval, private feed
                      addresses allowed, no feeds (``dataclasses.replace`` to add some).

The stand-in, in short (see ``docs/sandbox.md`` for all of it)::

    async def test_welcome(standin, standin_settings):
        stop = asyncio.Event()
        bot = asyncio.create_task(serve(standin_settings, stop=stop))
        standin.user_sends(42, "/start", language_code="ko")        # private chat 42
        [welcome] = await standin.wait_for_messages(42, 1)            # sends and edits, in order
        assert welcome.parse_mode == "HTML" and "MOU" in welcome.text  # .text: what users see
        standin.press_button(42, welcome.message_id, welcome.buttons[0].callback_data)
        stop.set(); await bot

People: ``user_sends(chat_id, text, user_id=, first_name=, language_code="en"|"ko",
chat_type="private"|"group"|"supergroup", chat_title=)`` (commands get a bot_command entity;
returns the message_id), ``press_button(chat_id, message_id, data | number=)``,
``member_update(chat_id, "kicked"|"member"|...)``, ``block(chat_id)``, ``unblock(chat_id)``,
``migrate(group_id[, new_id])``, ``add_chat(chat_id, chat_type)`` (known chat, no update).

Faults: ``fail_next(method, ApiError.too_many_requests(3) | ApiError.blocked() | Delay(s) |
Disconnect(processed=...), times=1, chat_id=None)``, ``flood(share, retry_after=, duration=)``,
``set_limits(Limits() | None)``.

Seen: ``messages(chat_id)`` (Outgoing: kind send/edit/edit_markup, message_id, text, source,
parse_mode, entities, reply_markup, buttons), ``message(chat_id, id)`` (current state),
``callback_answers``, ``commands`` ({"": [(name, description)], "ko": [...]}),
``commands_for(scope, lang)``, ``pending_updates``, ``stats`` (sent per chat, 429s by cause,
``violations`` inside retry_after windows, ``entity_rejects``, ``errors``, ``send_times``).
Waiting: ``await wait_for_messages(chat_id, count, timeout=5)``, ``await wait_until(pred)``,
``await wait_for_updates_consumed()``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from core.settings import (
    DatabaseSettings,
    FetchSettings,
    ScheduleSettings,
    Settings,
    TelegramSettings,
)
from devtools.standin import BotApiStandin

ADMIN_ID = 900001
"""The Telegram user id ``standin_settings`` lists as the bot's admin."""


@pytest.fixture
async def standin() -> AsyncIterator[BotApiStandin]:
    async with BotApiStandin() as api:
        yield api


@pytest.fixture
async def standin_bot(standin: BotApiStandin) -> AsyncIterator[Bot]:
    async with Bot(standin.token, base_url=standin.base_url) as bot:
        yield bot


@pytest.fixture
def standin_settings(standin: BotApiStandin, db_url: str) -> Settings:
    """The bot pointed at the stand-in, on the test's database (``db_url``, which ``repo``
    opens too)."""
    return Settings(
        telegram=TelegramSettings(
            token=standin.token, base_url=standin.base_url, admins=(ADMIN_ID,)
        ),
        database=DatabaseSettings(db_url),
        schedule=ScheduleSettings(poll_interval=1, adaptive=False),
        fetch=FetchSettings(timeout=5.0, allow_private_addresses=True),
        source="<standin>",
    )
