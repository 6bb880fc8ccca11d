"""sendPhoto and sendDocument on the stand-in: multipart uploads as python-telegram-bot posts
them, kept for the test, with Telegram's checks on images and captions."""

from __future__ import annotations

import struct
import zlib

import pytest
from telegram import Bot, InputFile
from telegram.error import BadRequest

from devtools.standin import BotApiStandin
from devtools.standin.media import image_size


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


async def test_photo_and_document_are_kept_with_their_captions(
    standin: BotApiStandin, standin_bot: Bot
) -> None:
    standin.user_sends(5, "/start")
    sent = await standin_bot.send_photo(5, InputFile(png(40, 30), filename="c.png"))
    assert sent.photo[-1].width == 40 and sent.photo[-1].height == 30
    doc = await standin_bot.send_document(
        5,
        InputFile("\ufeffdate\n".encode(), filename="x.csv"),
        caption="<b>2</b> MOUs",
        parse_mode="HTML",
    )
    assert doc.document is not None and doc.document.file_name == "x.csv"
    assert doc.caption == "2 MOUs"
    photo, document = standin.uploads(5)
    assert photo.kind == "photo" and image_size(photo.upload.data) == (40, 30)
    assert document.upload.data == "\ufeffdate\n".encode() and document.text == "2 MOUs"
    assert standin.messages(5) == []  # uploads are kept apart from text messages


async def test_a_photo_that_is_no_image_or_too_thin_is_refused(
    standin: BotApiStandin, standin_bot: Bot
) -> None:
    standin.user_sends(6, "/start")
    with pytest.raises(BadRequest, match="Image_process_failed"):
        await standin_bot.send_photo(6, InputFile(b"not an image", filename="x.png"))
    with pytest.raises(BadRequest, match="Photo_invalid_dimensions"):
        await standin_bot.send_photo(6, InputFile(png(500, 10), filename="x.png"))
    with pytest.raises(BadRequest, match="too long"):
        await standin_bot.send_document(6, InputFile(b"x", filename="x.txt"), caption="x" * 1025)
    assert standin.uploads(6) == []
