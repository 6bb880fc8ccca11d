"""A local stand-in for the Telegram Bot API, for the tests and the offline sandbox.

``BotApiStandin`` (in :mod:`devtools.standin.server`) is the entry point; see ``docs/sandbox.md``.
"""

from devtools.standin.errors import ApiError
from devtools.standin.faults import Delay, Disconnect
from devtools.standin.html import EntityError, ParsedText, parse_html
from devtools.standin.limits import Limits
from devtools.standin.server import BotApiStandin
from devtools.standin.state import Button, Outgoing, Stats

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
