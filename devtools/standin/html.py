"""Telegram's HTML parse mode, checked the way Telegram's server (tdlib ``parse_html``) does.

``parse_html`` returns the plain text and its entities or raises :class:`EntityError` with the
wording Telegram puts after "Bad Request: can't parse entities: ". The one deliberate difference
is ``strict=True`` (the default): Telegram shows an ``&`` that starts no entity literally, but the
Bot API documentation requires ``&amp;``, and an unescaped ``&`` means the bot forgot to escape
some text (``a&lt;b`` typed by a user would come out as ``a<b``). Strict mode rejects it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ALLOWED_TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
        "tg-spoiler", "tg-emoji", "code", "pre", "blockquote",
    }
)  # fmt: skip
_SIMPLE = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SPACES = " \t\r\n\v\0"


class EntityError(ValueError):
    """The text is not valid Telegram HTML; ``str(err)`` is Telegram's wording."""


@dataclass(frozen=True)
class Entity:
    """A formatting entity over ``text[start:end]`` (code points, not UTF-16 units)."""

    type: str
    start: int
    end: int
    url: str | None = None
    language: str | None = None
    custom_emoji_id: str | None = None


@dataclass(frozen=True)
class ParsedText:
    text: str
    entities: tuple[Entity, ...] = ()

    def telegram_entities(self) -> list[dict[str, Any]]:
        """The entities as the Bot API returns them: offsets and lengths in UTF-16 units."""
        out: list[dict[str, Any]] = []
        for e in self.entities:
            offset = _utf16_len(self.text[: e.start])
            item: dict[str, Any] = {
                "type": e.type,
                "offset": offset,
                "length": _utf16_len(self.text[e.start : e.end]),
            }
            if e.url is not None:
                item["url"] = e.url
            if e.language:
                item["language"] = e.language
            if e.custom_emoji_id is not None:
                item["custom_emoji_id"] = e.custom_emoji_id
            out.append(item)
        return out


def _utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


def _byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode("utf-8", "surrogatepass"))


def _char(source: str, i: int) -> str:
    return source[i] if i < len(source) else "\0"


def _decode_entity(source: str, pos: int) -> tuple[str, int, bool] | None:
    """tdlib's ``decode_html_entity``: (character, position after it, ended with ';')."""
    end = pos + 1
    if _char(source, end) == "#":
        end += 1
        hex_ = _char(source, end) == "x"
        digits = "0123456789abcdefABCDEF" if hex_ else "0123456789"
        if hex_:
            end += 1
        start = end
        while _char(source, end) in digits and end < len(source):
            end += 1
        code = int(source[start:end], 16 if hex_ else 10) if end > start else 0
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return None
        char = chr(code)
    else:
        while _char(source, end).isascii() and _char(source, end).isalpha():
            end += 1
        named = _NAMED.get(source[pos + 1 : end])
        if named is None:
            return None
        char = named
    if _char(source, end) == ";":
        return char, end + 1, True
    return char, end, False


def _checked_url(url: str) -> str | None:
    """Roughly Telegram's ``get_checked_link``: no link (not an error) for unusable URLs."""
    url = url.strip()
    if not url or any(c in url for c in " \t\r\n<>\"'"):
        return None
    scheme, sep, _ = url.partition("://")
    if not sep:
        return url if url.lower().startswith("tg:") else "http://" + url
    if scheme.lower() not in {"http", "https", "tg", "ton", "tonsite"}:
        return None
    return url


@dataclass
class _Open:
    tag: str
    argument: str
    start: int
    begin_pos: int


def parse_html(source: str, *, strict: bool = True) -> ParsedText:
    """Parse Telegram HTML into plain text and entities, as Telegram does before sending."""
    out: list[str] = []
    entities: list[Entity] = []
    stack: list[_Open] = []
    i, n = 0, len(source)

    def fail(why: str) -> EntityError:
        return EntityError(why)

    while i < n:
        c = source[i]
        if c == "&":
            decoded = _decode_entity(source, i)
            if decoded is not None and (decoded[2] or not strict):
                char, i, _ = decoded
                if 0xD800 <= ord(char) <= 0xDFFF:
                    raise fail(
                        "Text contains invalid Unicode characters after decoding HTML "
                        "entities, check for unmatched surrogate code units"
                    )
                out.append(char)
                continue
            if strict:
                raise fail(
                    f'Character "&" at byte offset {_byte_offset(source, i)} must be '
                    "escaped as &amp;"
                )
        if c != "<":
            out.append(c)
            i += 1
            continue

        begin_pos = i
        byte_pos = _byte_offset(source, begin_pos)
        i += 1
        if _char(source, i) != "/":
            while _char(source, i) not in _SPACES and _char(source, i) != ">":
                i += 1
            if i >= n or source[i] == "\0":
                raise fail(f"Unclosed start tag at byte offset {byte_pos}")
            tag = source[begin_pos + 1 : i].lower()
            if tag not in ALLOWED_TAGS:
                raise fail(f'Unsupported start tag "{tag}" at byte offset {byte_pos}')
            argument, i = _attributes(source, i, tag, byte_pos)
            if tag == "span" and argument != "spoiler":
                raise fail(f'Tag "span" must have class "tg-spoiler" at byte offset {byte_pos}')
            stack.append(_Open(tag, argument, len(out), begin_pos))
            i += 1  # the '>'
            continue

        if not stack:
            raise fail(f"Unexpected end tag at byte offset {byte_pos}")
        i += 1
        while _char(source, i) not in _SPACES and _char(source, i) != ">":
            i += 1
        end_tag = source[begin_pos + 2 : i].lower()
        while i < n and source[i] in _SPACES and source[i] != "\0":
            i += 1
        if _char(source, i) != ">":
            raise fail(f"Unclosed end tag at byte offset {byte_pos}")
        i += 1
        top = stack.pop()
        if end_tag and end_tag != top.tag:
            raise fail(
                f'Unmatched end tag at byte offset {byte_pos}, expected "</{top.tag}>", '
                f'found "</{end_tag}>"'
            )
        if len(out) > top.start:
            _close(top, len(out), "".join(out[top.start :]), entities)

    if stack:
        raise fail(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    entities = [
        Entity(e.type, e.start, e.end, e.url, None, e.custom_emoji_id) if e.type == "code" else e
        for e in entities
    ]
    entities.sort(key=lambda e: (e.start, -e.end))
    return ParsedText("".join(out), tuple(entities))


def _attributes(source: str, i: int, tag: str, byte_pos: int) -> tuple[str, int]:
    """Read the attributes of a start tag from ``i``; returns (argument, index of '>')."""
    argument = ""
    n = len(source)
    while _char(source, i) != ">":
        while i < n and source[i] in _SPACES and source[i] != "\0":
            i += 1
        if _char(source, i) == ">":
            break
        name_start = i
        while _char(source, i) not in _SPACES and _char(source, i) not in "=>":
            i += 1
        name = source[name_start:i]
        if not name:
            raise EntityError(f'Empty attribute name in the tag "{tag}" at byte offset {byte_pos}')
        while i < n and source[i] in _SPACES and source[i] != "\0":
            i += 1
        if _char(source, i) != "=":
            if tag == "blockquote" and name.lower() == "expandable":
                argument = "expandable"
                continue
            raise EntityError(
                "Expected equal sign in declaration of an attribute of the tag "
                f'"{tag}" at byte offset {byte_pos}'
            )
        i += 1
        while i < n and source[i] in _SPACES and source[i] != "\0":
            i += 1
        if i >= n:
            raise EntityError(f'Unclosed start tag "{tag}" at byte offset {byte_pos}')
        if source[i] not in "'\"":
            token_start = i
            while i < n and ((source[i].isascii() and source[i].isalnum()) or source[i] in ".-"):
                i += 1
            value = source[token_start:i].lower()
            if _char(source, i) not in _SPACES and _char(source, i) != ">":
                where = _byte_offset(source, token_start)
                raise EntityError(f"Unexpected end of name token at byte offset {where}")
        else:
            quote = source[i]
            i += 1
            chars: list[str] = []
            while i < n and source[i] != quote:
                if source[i] == "&":
                    decoded = _decode_entity(source, i)
                    if decoded is not None:
                        chars.append(decoded[0])
                        i = decoded[1]
                        continue
                chars.append(source[i])
                i += 1
            if i < n:
                i += 1
            value = "".join(chars)
        if i >= n:
            raise EntityError(f"Unclosed start tag at byte offset {byte_pos}")
        if tag == "a" and name == "href":
            argument = value
        elif tag == "code" and name == "class" and value.startswith("language-"):
            argument = value[len("language-") :]
        elif tag == "span" and name == "class" and value.startswith("tg-"):
            argument = value[len("tg-") :]
        elif tag == "tg-emoji" and name == "emoji-id":
            argument = value
    return argument, i


def _close(top: _Open, end: int, inner: str, entities: list[Entity]) -> None:
    start, tag = top.start, top.tag
    last = entities[-1] if entities else None
    same_span = last is not None and last.start == start and last.end == end
    if tag in _SIMPLE:
        entities.append(Entity(_SIMPLE[tag], start, end))
    elif tag == "tg-emoji":
        if not top.argument.isdigit() or int(top.argument) == 0 or int(top.argument) >= 2**63:
            raise EntityError("Invalid custom emoji identifier specified")
        entities.append(Entity("custom_emoji", start, end, custom_emoji_id=top.argument))
    elif tag == "a":
        url = _checked_url(top.argument or inner)
        if url is not None and url.startswith("tg://user?id="):
            entities.append(Entity("text_mention", start, end, url=url))
        elif url is not None:
            entities.append(Entity("text_link", start, end, url=url))
    elif tag == "pre":
        if same_span and last is not None and last.type == "code" and last.language:
            entities[-1] = Entity("pre", start, end, language=last.language)
        else:
            entities.append(Entity("pre", start, end))
    elif tag == "code":
        if same_span and last is not None and last.type == "pre" and top.argument:
            entities[-1] = Entity("pre", start, end, language=top.argument)
        else:
            entities.append(Entity("code", start, end, language=top.argument or None))
    elif tag == "blockquote":
        kind = "expandable_blockquote" if top.argument == "expandable" else "blockquote"
        entities.append(Entity(kind, start, end))


def strip_text(parsed: ParsedText) -> ParsedText:
    """Telegram trims leading and trailing whitespace from a message, clipping its entities."""
    text = parsed.text
    left = len(text) - len(text.lstrip())
    stripped = text.strip()
    right = left + len(stripped)
    entities = []
    for e in parsed.entities:
        start, end = max(e.start, left) - left, min(e.end, right) - left
        if end > start:
            entities.append(Entity(e.type, start, end, e.url, e.language, e.custom_emoji_id))
    return ParsedText(stripped, tuple(entities))
