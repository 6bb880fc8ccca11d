"""``sendPhoto`` and ``sendDocument``: multipart uploads, kept with the message so that tests
can read the file back (``Outgoing.upload``). Telegram's limits: a photo is a PNG or JPEG of at
most 10 MB whose sides add up to at most 10,000 pixels (ratio at most 20); a document is at
most 50 MB; a caption at most 1,024 characters."""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from typing import Any

from devtools.standin.errors import ApiError
from devtools.standin.html import EntityError, ParsedText, parse_html, strip_text
from devtools.standin.limits import GLOBAL
from devtools.standin.state import Outgoing, World

MAX_PHOTO = 10 * 1024 * 1024
MAX_DOCUMENT = 50 * 1024 * 1024
MAX_CAPTION = 1024


@dataclass(frozen=True)
class Upload:
    """A file the bot posted (multipart)."""

    name: str
    content_type: str
    data: bytes

    @property
    def file_id(self) -> str:
        return "standin-" + hashlib.sha1(self.data).hexdigest()[:24]


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG or baseline/progressive JPEG, else None."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                return None
            marker = data[i + 1]
            length = struct.unpack(">H", data[i + 2 : i + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):
                height, width = struct.unpack(">HH", data[i + 5 : i + 9])
                return int(width), int(height)
            i += 2 + length
    return None


def _upload(params: dict[str, Any], field: str) -> Upload:
    value = params.get(field)
    if isinstance(value, str) and value.startswith("attach://"):
        value = params.get(value.removeprefix("attach://"))
    if not isinstance(value, Upload):
        raise ApiError.bad_request(f"there is no {field} in the request")
    return value


def _caption(world: World, params: dict[str, Any]) -> tuple[str, str | None, ParsedText]:
    source = str(params.get("caption") or "")
    mode = params.get("parse_mode") or None
    try:
        parsed = parse_html(source, strict=world.strict_html) if mode else ParsedText(source)
    except EntityError as err:
        raise ApiError.cant_parse_entities(str(err)) from None
    parsed = strip_text(parsed)
    if len(parsed.text) > MAX_CAPTION:
        raise ApiError.bad_request("message caption is too long")
    return source, str(mode) if mode else None, parsed


async def _send_file(world: World, params: dict[str, Any], kind: str) -> Any:
    # Imported here: methods imports this module for its table of methods.
    from devtools.standin.methods import _chat_id, _reply_markup, _writable_chat, too_many

    chat = _writable_chat(world, _chat_id(params))
    upload = _upload(params, kind)
    source, mode, caption = _caption(world, params)
    extra: dict[str, Any] = {}
    if kind == "photo":
        size = image_size(upload.data)
        if size is None:
            raise ApiError.bad_request("IMAGE_PROCESS_FAILED")
        width, height = size
        if len(upload.data) > MAX_PHOTO or width + height > 10_000:
            raise ApiError.bad_request("PHOTO_INVALID_DIMENSIONS")
        if max(width, height) > 20 * max(1, min(width, height)):
            raise ApiError.bad_request("PHOTO_INVALID_DIMENSIONS")
        extra["photo"] = [
            {
                "file_id": upload.file_id,
                "file_unique_id": upload.file_id[-16:],
                "width": width,
                "height": height,
                "file_size": len(upload.data),
            }
        ]
    else:
        if len(upload.data) > MAX_DOCUMENT:
            raise ApiError.bad_request("file is too big")
        extra["document"] = {
            "file_id": upload.file_id,
            "file_unique_id": upload.file_id[-16:],
            "file_name": upload.name,
            "mime_type": upload.content_type,
            "file_size": len(upload.data),
        }
    if caption.text:
        extra["caption"] = caption.text
    markup = _reply_markup(params)
    verdict = world.gate.admit(chat.id, chat.is_group)
    if verdict is not None:
        reason, retry_after = verdict
        raise too_many(world, reason, GLOBAL if reason == "overall" else chat.id, retry_after)
    msg = world.store(chat, world.bot, ParsedText(""), reply_markup=markup, extra=extra)
    now = world.clock()
    world.stats.sent[chat.id] += 1
    world.stats.send_times.append(now)
    world.record_upload(
        Outgoing(kind, chat.id, msg.message_id, source, mode, caption, markup, now, upload=upload)
    )
    return msg.as_json(chat)


async def send_photo(world: World, params: dict[str, Any]) -> Any:
    return await _send_file(world, params, "photo")


async def send_document(world: World, params: dict[str, Any]) -> Any:
    return await _send_file(world, params, "document")
