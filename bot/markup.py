"""The one toolkit every message is built with (alerts, digests, admin notices, command
replies): length as Telegram counts it, escaping for Telegram HTML, safe links, local times,
and fitting under Telegram's 4096-unit limit. Pure functions."""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import quote

MAX_MESSAGE = 4096
"""Telegram's limit on a message, in UTF-16 code units."""
ELLIPSIS = "…"


class Html(str):
    """A string that is already valid Telegram HTML (escaped where it had to be)."""


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def clean(text: str) -> str:
    """Drop control and unpaired-surrogate characters (Telegram rejects or mangles them);
    keep newlines and tabs."""
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs", "Cn")
    )


def escape(text: object) -> Html:
    """Any value as text in Telegram HTML: cleaned, with ``<``, ``>`` and ``&`` escaped."""
    return Html(html.escape(clean(str(text)), quote=False))


# Characters a URL must not carry raw: Telegram drops a link whose URL contains quotes,
# angle brackets or spaces, so they are percent-encoded (what a browser sends anyway).
_URL_UNSAFE = re.compile(r"[\s\"'<>\\^`{|}]")


def safe_url(url: str) -> str | None:
    """The URL percent-quoted for an href when it is an http(s) link, else None."""
    url = clean(url).strip()
    if not re.match(r"(?i)^https?://[^\s/?#\"'<>]+", url):
        return None
    return _URL_UNSAFE.sub(lambda m: quote(m.group(), safe=""), url)


def link(text: str, url: str | None) -> Html:
    """``text`` linked to ``url`` when it is a safe http(s) link, else the text alone."""
    href = safe_url(url) if url else None
    if href is None:
        return escape(text)
    return Html(f'<a href="{html.escape(href, quote=True)}">{escape(text)}</a>')


def local_time(
    moment: dt.datetime | None,
    tz: dt.tzinfo,
    fmt: str = "%Y-%m-%d %H:%M",
    *,
    missing: str = "",
) -> str:
    """``moment`` (naive means UTC) in ``tz`` as ``fmt``; ``missing`` when there is none."""
    if moment is None:
        return missing
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(tz).strftime(fmt).strip()


def trim(text: str, limit: int) -> str:
    """``text`` cleaned and cut to ``limit`` characters (ellipsis included), on a word
    boundary if one is near."""
    text = clean(text)
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.7:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def shorten(text: str, limit: int) -> str:
    """``text`` on one line (runs of whitespace as one space), cut to ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def cut_units(text: str, limit: int) -> str:
    """Plain ``text`` cut to at most ``limit`` UTF-16 units (only for text without markup)."""
    if utf16_len(text) <= limit:
        return text
    out, used = [], 1  # the ellipsis
    for ch in text:
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > limit:
            break
        out.append(ch)
    return "".join(out) + ELLIPSIS


def fit_lines(lines: Sequence[str], limit: int = MAX_MESSAGE) -> Html:
    """Join whole lines (never cutting inside a tag) and drop trailing ones that do not fit."""
    out: list[str] = []
    size = 0
    for line in lines:
        extra = utf16_len(line) + (1 if out else 0)
        if size + extra > limit - 2:
            out.append(ELLIPSIS)
            break
        out.append(line)
        size += extra
    return Html("\n".join(out))


def split_lines(header: str, lines: Iterable[str], limit: int = MAX_MESSAGE) -> list[Html]:
    """Long lists split over several messages, each under ``limit``; the header starts the first."""
    messages: list[Html] = []
    current = [header]
    size = utf16_len(header)
    for line in lines:
        extra = utf16_len(line) + 1
        if size + extra > limit:
            messages.append(Html("\n".join(current)))
            current, size = [], 0
            extra -= 1
        current.append(line)
        size += extra
    messages.append(Html("\n".join(current)))
    return messages
