"""Telegram messages rendered for a terminal: the sandbox chat shows the bot's replies with
this. Pure functions: HTML (or a stand-in record) in, text out."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from devtools.standin.html import EntityError, ParsedText, parse_html
from devtools.standin.state import Outgoing

_ANSI = {
    "bold": ("\x1b[1m", "\x1b[22m"),
    "italic": ("\x1b[3m", "\x1b[23m"),
    "underline": ("\x1b[4m", "\x1b[24m"),
    "strikethrough": ("\x1b[9m", "\x1b[29m"),
    "spoiler": ("\x1b[2m", "\x1b[22m"),
    "code": ("\x1b[36m", "\x1b[39m"),
    "pre": ("\x1b[36m", "\x1b[39m"),
}
_DIM = ("\x1b[2m", "\x1b[22m")
_QUOTE = "│ "


def render_html_for_terminal(html: str, *, color: bool = False) -> str:
    """Telegram HTML as terminal text: links as "text <url>", quotes with a bar, and with
    ``color`` bold/italic/underline/code as ANSI styles. Invalid HTML is shown as it is."""
    try:
        parsed = parse_html(html, strict=False)
    except EntityError:
        return html
    return render_parsed(parsed, color=color)


def render_parsed(parsed: ParsedText, *, color: bool = False) -> str:
    text = parsed.text
    opens: dict[int, list[str]] = defaultdict(list)
    closes: dict[int, list[str]] = defaultdict(list)
    quotes = [(e.start, e.end) for e in parsed.entities if e.type.endswith("blockquote")]
    for e in parsed.entities:
        on, off = _ANSI.get(e.type, ("", "")) if color else ("", "")
        if e.type in {"text_link", "text_mention"} and e.url and e.url != text[e.start : e.end]:
            dim_on, dim_off = _DIM if color else ("", "")
            off += f" {dim_on}<{e.url}>{dim_off}"
        if e.type.endswith("blockquote"):
            on = _QUOTE + on
        opens[e.start].append(on)
        closes[e.end].insert(0, off)
    out: list[str] = []
    for i, char in enumerate(text):
        out += closes.get(i, [])
        out += opens.get(i, [])
        in_quote = any(start <= i < end - 1 for start, end in quotes)
        out.append("\n" + _QUOTE if char == "\n" and in_quote else char)
    out += closes.get(len(text), [])
    return "".join(out)


def render_keyboard(reply_markup: dict[str, Any] | None) -> list[str]:
    """One line per keyboard row; buttons numbered from 1 as the sandbox's ``:N`` presses
    them, URL buttons with their address."""
    lines: list[str] = []
    number = 0
    for row in (reply_markup or {}).get("inline_keyboard") or []:
        cells = []
        for button in row:
            number += 1
            cell = f"[{number}] {button.get('text', '')}"
            if button.get("url"):
                cell += f" <{button['url']}>"
            cells.append(cell)
        lines.append("   ".join(cells))
    return lines


def render_outgoing(item: Outgoing, *, color: bool = False, indent: str = "  ") -> str:
    """A message the bot sent or edited, as the sandbox prints it."""
    if item.upload is not None:
        return render_upload(item, color=color, indent=indent)
    if item.kind == "send":
        head = "bot:"
    elif item.kind == "edit":
        head = f"bot (edited message {item.message_id}):"
    else:
        head = f"bot (new buttons on message {item.message_id}):"
    lines = [head]
    if item.kind != "edit_markup":
        body = render_parsed(item.parsed, color=color)
        lines += [indent + line for line in body.split("\n")]
    lines += [indent + line for line in render_keyboard(item.reply_markup)]
    return "\n".join(lines)


def render_upload(item: Outgoing, *, color: bool = False, indent: str = "  ") -> str:
    """A photo or document: its name and size, a CSV's first lines, then its caption."""
    data: bytes = item.upload.data
    lines = [f"bot ({item.kind}): {item.upload.name}, {len(data):,} bytes"]
    if item.upload.name.endswith(".csv"):
        rows = data.decode("utf-8-sig", errors="replace").splitlines()
        lines += [indent + row[:160] for row in rows[:3]]
        if len(rows) > 3:
            lines.append(f"{indent}... {len(rows) - 1} rows in all")
    if item.parsed.text:
        lines += [indent + line for line in render_parsed(item.parsed, color=color).split("\n")]
    return "\n".join(lines)
