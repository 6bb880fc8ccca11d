"""Argument parsing of the command handlers (pure parts)."""

import datetime as dt

import pytest

from bot.handlers.commands import parse_time
from bot.handlers.membership import _PRESENT
from bot.i18n import COMMANDS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:30", dt.time(8, 30)),
        ("8:05", dt.time(8, 5)),
        ("0730", dt.time(7, 30)),
        ("8시30분", dt.time(8, 30)),
        ("23:59", dt.time(23, 59)),
        ("24:00", None),
        ("7:60", None),
        ("noon", None),
        ("", None),
    ],
)
def test_parse_time(text: str, expected: dt.time | None) -> None:
    assert parse_time(text) == expected


def test_menu_commands_are_valid_telegram_command_names() -> None:
    for name, en, ko in COMMANDS:
        assert name.isascii() and name.islower() and 1 <= len(name) <= 32
        assert 3 <= len(en) <= 256 and 3 <= len(ko) <= 256


def test_only_present_statuses_reactivate_a_chat() -> None:
    assert {"member", "administrator", "creator"} == set(_PRESENT)
