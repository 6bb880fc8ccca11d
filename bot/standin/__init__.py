"""A local stand-in for the Telegram Bot API, for the tests and the offline sandbox.

``BotApiStandin`` (in :mod:`bot.standin.server`) is the entry point; see ``docs/sandbox.md``.
"""

from bot.standin.errors import ApiError
from bot.standin.faults import Delay, Disconnect
from bot.standin.html import EntityError, ParsedText, parse_html
from bot.standin.limits import Limits
from bot.standin.server import BotApiStandin
from bot.standin.state import Button, Outgoing, Stats

__all__ = [
    "ApiError",
    "BotApiStandin",
    "Button",
    "Delay",
    "Disconnect",
    "EntityError",
    "Limits",
    "Outgoing",
    "ParsedText",
    "Stats",
    "parse_html",
]
