"""A message in each of its variants: what a resend after Telegram's answer sends instead."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from bot.alerts import DigestPart, format_alert, format_alert_plain
from bot.delivery.answers import Variant
from bot.markup import cut_units
from bot.zones import zone_of
from subscriptions.models import DeliveryJob

SHORT_LIMIT = 1500
"""Length of the resend after Telegram said "message is too long"."""

Render = Callable[[Variant], tuple[str, bool]]
"""A message in one of its variants: (text, is HTML)."""


def alert_render(job: DeliveryJob, default_tz: ZoneInfo) -> Render:
    """The alert in the chat's own time zone (``default_tz`` when it has none)."""
    lang = job.chat.language
    tz = zone_of(job.chat, default_tz)

    def render(variant: Variant) -> tuple[str, bool]:
        if variant == "html":
            return format_alert(job.story, lang, tz), True
        if variant == "plain":
            return format_alert_plain(job.story, lang, tz), False
        if variant == "short":
            return format_alert(job.story, lang, tz, limit=SHORT_LIMIT), True
        return format_alert_plain(job.story, lang, tz, limit=SHORT_LIMIT), False

    return render


def digest_render(part: DigestPart) -> Render:
    def render(variant: Variant) -> tuple[str, bool]:
        if variant == "html":
            return part.text, True
        if variant == "plain":
            return part.plain, False
        return cut_units(part.plain, SHORT_LIMIT), False

    return render
