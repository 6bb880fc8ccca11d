"""Alert, digest and admin-notice messages: pure functions from records to Telegram text,
built with the message toolkit (``bot.markup``) and the texts of ``bot.i18n``.

Every piece of text from an article is escaped for Telegram HTML; links are only ever http(s)
with the URL escaped as an attribute. Every message fits Telegram's 4096-character limit: the
budget is checked on the HTML *source* in UTF-16 code units (what Telegram counts), which is
never less than the parsed length, and long fields are trimmed before escaping so no cut lands
inside a tag or an entity.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_currency

from bot.i18n import plain_text
from bot.markup import (
    MAX_MESSAGE,
    clean,
    cut_units,
    escape,
    link,
    local_time,
    safe_url,
    trim,
    utf16_len,
)
from bot.story_text import amount_groups, clean_summary
from extractors.gazetteer import country_name, flag
from extractors.sectors import SECTORS_BY_ID
from subscriptions.models import StoryView

MAX_COUNTRIES = 8
MAX_SECTORS = 6
MAX_AMOUNTS = 5
MAX_PARTY_GROUPS = 5
MAX_PARTIES_PER_GROUP = 8
MAX_SUMMARY_SENTENCES = 3

_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")


def first_sentences(text: str, n: int) -> str:
    """The first ``n`` sentences of ``text`` (the alert shows a 2-3 sentence summary)."""
    parts = _SENTENCE_END.split(text, maxsplit=n)
    return text if len(parts) <= n else " ".join(parts[:n])


# --- pieces ---------------------------------------------------------------------------------


def country_line(codes: Sequence[str], lang: str) -> str:
    """ "🇫🇷 프랑스 · 🇩🇪 독일" (plain text, not escaped)."""
    shown = [f"{flag(c)} {country_name(c, lang)}".strip() for c in codes[:MAX_COUNTRIES]]
    if len(codes) > MAX_COUNTRIES:
        shown.append(f"+{len(codes) - MAX_COUNTRIES}")
    return " · ".join(shown)


def sector_label(sector_id: str, lang: str) -> str:
    sector = SECTORS_BY_ID.get(sector_id)
    if sector is None:
        return sector_id
    return sector.ko if lang == "ko" else sector.en


def sector_line(ids: Sequence[str], lang: str) -> str:
    shown = [sector_label(s, lang) for s in ids[:MAX_SECTORS]]
    if len(ids) > MAX_SECTORS:
        shown.append(f"+{len(ids) - MAX_SECTORS}")
    return ", ".join(shown)


def normalized_amount(value: float, currency: str, lang: str) -> str | None:
    """ "€35,000,000" in the reader's locale; None when the value cannot be shown sensibly."""
    if not math.isfinite(value) or value <= 0 or value >= 1e18:
        return None
    currency = clean(currency).strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", currency):
        return None
    locale = "ko_KR" if lang == "ko" else "en_US"
    pattern = "¤#,##0" if value >= 100 else None
    try:
        return format_currency(
            Decimal(str(value)), currency, format=pattern, locale=locale, currency_digits=False
        )
    except (ValueError, ArithmeticError):
        return None


def amount_text(text: str, value: float, currency: str, lang: str) -> str:
    """ "3천500만유로 (€35,000,000)", or just one of the two when they say the same thing."""
    normal = normalized_amount(value, currency, lang)
    text = clean(text).strip()
    if normal and text and text != normal:
        return f"{text} ({normal})"
    return text or normal or ""


def amount_with_equivalent(
    first: tuple[str, float, str], equivalent: tuple[str, float, str] | None, lang: str
) -> str:
    """ "2억달러 ($200,000,000, 약 2천700억원)": one amount, its won equivalent inside."""
    shown = amount_text(*first, lang)
    if equivalent is None:
        return shown
    about = plain_text(lang, "amount_about", amount=clean(equivalent[0]).strip())
    if shown.endswith(")"):
        return f"{shown[:-1]}, {about})"
    return f"{shown} ({about})"


def party_text(parties: Sequence[Sequence[str]], cut: int = MAX_MESSAGE) -> str:
    """The signing parties, each name cut to ``cut`` characters before cleaning."""
    groups = [
        " ↔ ".join(clean(p[:cut]) for p in group[:MAX_PARTIES_PER_GROUP])
        for group in parties[:MAX_PARTY_GROUPS]
    ]
    text = "; ".join(g for g in groups if g)
    if len(parties) > MAX_PARTY_GROUPS:
        text += f"; +{len(parties) - MAX_PARTY_GROUPS}"
    return text


# --- the alert --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _AlertParts:
    """The text pieces of one alert (raw, unescaped); trimming shortens these."""

    countries: str
    sectors: str
    title: str
    url: str | None
    parties: str
    amounts: str
    mou_count: str
    summary: str
    footer: str

    def with_(self, **changes: str | None) -> _AlertParts:
        return _AlertParts(**{**self.__dict__, **changes})


# Longer links are dropped (the headline stays, unlinked) so they cannot crowd out the text.
MAX_URL = 2000


def _alert_parts(story: StoryView, lang: str, tz: dt.tzinfo, limit: int) -> _AlertParts:
    """Every field is first cut to what a message of ``limit`` units could show, so cleaning,
    escaping and fitting cost the same for a 1,000,000-character headline as for a short one."""

    def most(text: str) -> str:
        return text[: limit + 1]

    url = safe_url(story.url) if len(story.url) <= MAX_URL else None
    if url and utf16_len(html.escape(url, quote=True)) > MAX_URL:
        url = None
    # Each shown amount may bring its won equivalent: at most twice as many are looked at.
    cut = [(most(t), v, most(c)) for t, v, c in story.amounts[: 2 * MAX_AMOUNTS]]
    amounts = [
        amount_with_equivalent(first, equivalent, lang)
        for first, equivalent in amount_groups(cut)[:MAX_AMOUNTS]
    ]
    footer = " · ".join(
        p
        for p in (
            clean(most(story.outlet)).strip(),
            _more_outlets(story.outlets, lang),
            local_time(story.published, tz, "%Y-%m-%d %H:%M %Z"),
        )
        if p
    )
    return _AlertParts(
        countries=country_line(story.countries, lang),
        sectors=sector_line(story.sectors, lang),
        title=clean(most(story.title)).strip() or plain_text(lang, "alert_no_title"),
        url=url,
        parties=most(party_text(story.parties, limit + 1)),
        amounts="; ".join(a for a in amounts if a),
        mou_count=plain_text(lang, "alert_mou_count", n=story.mou_count)
        if story.mou_count and story.mou_count > 1
        else "",
        summary=first_sentences(
            clean_summary(clean(most(story.summary)), most(story.title), (most(story.outlet),)),
            MAX_SUMMARY_SENTENCES,
        ),
        footer=footer,
    )


def _more_outlets(outlets: int, lang: str) -> str:
    return plain_text(lang, "alert_more_outlets", n=outlets - 1) if outlets > 1 else ""


def _render_html(p: _AlertParts, lang: str) -> str:
    head = " | ".join(x for x in (escape(p.countries), escape(p.sectors)) if x)
    lines = [f"<b>{head}</b>"] if head else []
    lines.append(f"<b>{link(p.title, p.url)}</b>")
    details = []
    if p.parties:
        details.append(f"{escape(plain_text(lang, 'alert_parties'))}: {escape(p.parties)}")
    if p.amounts:
        details.append(f"{escape(plain_text(lang, 'alert_amounts'))}: {escape(p.amounts)}")
    if p.mou_count:
        details.append(escape(p.mou_count))
    if details:
        lines.append("")
        lines.extend(details)
    if p.summary:
        lines.extend(["", escape(p.summary)])
    if p.footer:
        lines.extend(["", f"<i>{escape(p.footer)}</i>"])
    return "\n".join(lines)


def _render_plain(p: _AlertParts, lang: str) -> str:
    head = " | ".join(x for x in (p.countries, p.sectors) if x)
    lines = [head] if head else []
    lines.append(p.title)
    if p.url:
        lines.append(p.url)
    details = []
    if p.parties:
        details.append(f"{plain_text(lang, 'alert_parties')}: {p.parties}")
    if p.amounts:
        details.append(f"{plain_text(lang, 'alert_amounts')}: {p.amounts}")
    if p.mou_count:
        details.append(p.mou_count)
    if details:
        lines.append("")
        lines.extend(details)
    if p.summary:
        lines.extend(["", p.summary])
    if p.footer:
        lines.extend(["", p.footer])
    return "\n".join(lines)


# Fields shortened in this order until the message fits; the title, the head line and the
# footer go last because they say what the alert is about.
_TRIM_ORDER = ("summary", "parties", "amounts", "title", "footer", "sectors", "countries")


def _fit(
    parts: _AlertParts, render: Callable[[_AlertParts], str], limit: int
) -> tuple[_AlertParts, str]:
    text = render(parts)
    for name in _TRIM_ORDER:
        if utf16_len(text) <= limit:
            break
        full: str = getattr(parts, name)
        # The longest prefix of this field that fits: binary search over its length.
        lo, hi = 0, len(full)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if utf16_len(render(parts.with_(**{name: trim(full, mid)}))) <= limit:
                lo = mid
            else:
                hi = mid - 1
        parts = parts.with_(**{name: trim(full, lo) if lo > 0 else ""})
        text = render(parts)
    if utf16_len(text) > limit and parts.url is not None:
        parts = parts.with_(url=None)  # a URL longer than the whole message: drop the link
        return _fit(parts, render, limit)
    return parts, text


def format_alert(story: StoryView, lang: str, tz: dt.tzinfo, *, limit: int = MAX_MESSAGE) -> str:
    """The alert in Telegram HTML, at most ``limit`` UTF-16 code units."""
    return _fit(_alert_parts(story, lang, tz, limit), lambda p: _render_html(p, lang), limit)[1]


def format_alert_plain(
    story: StoryView, lang: str, tz: dt.tzinfo, *, limit: int = MAX_MESSAGE
) -> str:
    """The same alert as plain text (no parse mode), for when Telegram rejects the HTML."""
    return _fit(_alert_parts(story, lang, tz, limit), lambda p: _render_plain(p, lang), limit)[1]


# --- the daily digest ----------------------------------------------------------------------


def _digest_item(story: StoryView, lang: str, tz: dt.tzinfo, limit: int) -> tuple[str, str]:
    """One story of the digest as (HTML, plain text), each at most ``limit`` units."""
    flags = "".join(flag(c) for c in story.countries[:MAX_COUNTRIES])

    def meta(p: _AlertParts) -> str:
        return " · ".join(x for x in (p.sectors, p.amounts, p.footer) if x)

    def render_html(p: _AlertParts) -> str:
        lines = [" ".join(x for x in ("•", flags, f"<b>{link(p.title, p.url)}</b>") if x)]
        if meta(p):
            lines.append(f"  <i>{escape(meta(p))}</i>")
        return "\n".join(lines)

    def render_plain(p: _AlertParts) -> str:
        lines = [" ".join(x for x in ("•", flags, p.title) if x)]
        if p.url:
            lines.append(f"  {p.url}")
        if meta(p):
            lines.append(f"  {meta(p)}")
        return "\n".join(lines)

    parts = _alert_parts(story, lang, tz, limit).with_(parties="", summary="", mou_count="")
    return _fit(parts, render_html, limit)[1], _fit(parts, render_plain, limit)[1]


@dataclass(frozen=True)
class DigestPart:
    """One message of a digest: its HTML, its plain-text fallback, and how many of the
    stories (in order) it carries."""

    text: str
    plain: str
    count: int


def format_digest(
    stories: Sequence[StoryView],
    lang: str,
    tz: dt.tzinfo,
    day: dt.date,
    *,
    limit: int = MAX_MESSAGE,
    kind: str = "digest",
) -> list[DigestPart]:
    """The day's MOUs as one message, or several when they do not fit in one; [] for none.
    ``kind``: ``digest`` (daily), ``weekly`` or ``held`` (what a pause kept, on resume).

    Every message is at most ``limit`` UTF-16 code units and no story is split across two.
    """
    if not stories:
        return []
    title_key = {"weekly": "weekly_title", "held": "held_title"}.get(kind, "alert_digest_title")
    count = plain_text(lang, title_key, n=len(stories))
    title = f"📰 {count} · {day.isoformat()}"
    # Room on every message for the title and a "(continued i/n)" note.
    more = utf16_len(plain_text(lang, "alert_digest_more", i=999, n=999))
    reserve = utf16_len(escape(title)) + more + 12
    room = max(200, limit - reserve)
    items = [_digest_item(s, lang, tz, room) for s in stories]
    chunks: list[list[tuple[str, str]]] = [[]]
    used = 0
    for item in items:
        size = utf16_len(item[0]) + 2
        if chunks[-1] and used + size > room:
            chunks.append([])
            used = 0
        chunks[-1].append(item)
        used += size
    parts = []
    for i, chunk in enumerate(chunks, start=1):
        more_note = plain_text(lang, "alert_digest_more", i=i, n=len(chunks))
        head = title if i == 1 else f"{title} {more_note}"
        text = "\n\n".join([f"<b>{escape(head)}</b>", *(h for h, _ in chunk)])
        plain = cut_units("\n\n".join([head, *(p for _, p in chunk)]), limit)
        parts.append(DigestPart(text, plain, len(chunk)))
    return parts


# --- admin notices --------------------------------------------------------------------------


def format_feed_disabled(
    name: str, url: str, error: str | None, errors: int, lang: str, *, limit: int = MAX_MESSAGE
) -> str:
    """What the admins read when the poller gives up on a feed."""
    disabled = escape(plain_text(lang, "alert_feed_disabled"))
    lines = [f"⚠️ <b>{disabled}</b>: {link(trim(name, 200) or url, safe_url(url))}"]
    if errors:
        lines.append(escape(plain_text(lang, "alert_feed_errors", n=errors)))
    if error:
        last = escape(plain_text(lang, "alert_feed_error"))
        lines.append(f"{last}: <code>{escape(trim(error, 1000))}</code>")
    lines.append(escape(plain_text(lang, "alert_feed_hint")))
    text = "\n".join(lines)
    if utf16_len(text) > limit:  # only a URL of several KB gets here: show it unlinked
        text = f"⚠️ <b>{disabled}</b>: {escape(trim(name or url, 200))}"
    return text


__all__ = [
    "DigestPart",
    "format_alert",
    "format_alert_plain",
    "format_digest",
    "format_feed_disabled",
]
