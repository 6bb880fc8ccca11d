"""Argument parsing of the command handlers (pure parts)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.handlers.membership import _PRESENT
from bot.i18n import COMMANDS
from bot.when import BadWhen, parse_day, parse_time, pause_until
from bot.zones import parse_zone
from subscriptions.models import PAUSED_FOREVER

KST = ZoneInfo("Asia/Seoul")
NOW = dt.datetime(2026, 12, 7, 6, 0, tzinfo=dt.UTC)  # 15:00 in Seoul


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
    if expected is None:
        with pytest.raises(BadWhen) as bad:
            parse_time(text)
        assert bad.value.kind == "time" and bad.value.text == text
    else:
        assert parse_time(text) == expected


def test_days_in_both_languages() -> None:
    assert [parse_day(d) for d in ("mon", "Tuesday", "수", "목요일", "SUN")] == [0, 1, 2, 3, 6]
    with pytest.raises(BadWhen, match="day"):
        parse_day("someday")


def test_pause_lengths_and_until_a_time() -> None:
    assert pause_until("", NOW, KST) == PAUSED_FOREVER
    assert pause_until("1d", NOW, KST) == NOW + dt.timedelta(days=1)
    assert pause_until("1w", NOW, KST) == NOW + dt.timedelta(weeks=1)
    assert pause_until("12h", NOW, KST) == NOW + dt.timedelta(hours=12)
    # 18:00 in Seoul is three hours ahead; 09:00 has passed today, so it is tomorrow's.
    assert pause_until("18:00", NOW, KST) == NOW + dt.timedelta(hours=3)
    assert pause_until("09:00", NOW, KST) == NOW + dt.timedelta(hours=18)
    for bad in ("forever", "0d", "999w", "25:00"):
        with pytest.raises(BadWhen, match="pause"):
            pause_until(bad, NOW, KST)


def test_time_zones_by_iana_name_in_any_case() -> None:
    assert parse_zone("europe/paris") == "Europe/Paris"
    assert parse_zone(" America/New York ") == "America/New_York"
    assert parse_zone("Mars/Olympus") is None and parse_zone("") is None


def test_menu_commands_are_valid_telegram_command_names() -> None:
    for name, en, ko in COMMANDS:
        assert name.isascii() and name.islower() and 1 <= len(name) <= 32
        assert 3 <= len(en) <= 256 and 3 <= len(ko) <= 256


def test_only_present_statuses_reactivate_a_chat() -> None:
    assert {"member", "administrator", "creator"} == set(_PRESENT)
