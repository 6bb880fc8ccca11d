"""Bytes to text for feeds and pages whose declared charset is often wrong.

The rule: bytes that are valid UTF-8 are UTF-8, whatever the server or the document claims
(a Korean site's "euc-kr" header in front of a UTF-8 body is common). Otherwise the declared
charset decides (HTTP header, then the XML declaration or HTML ``<meta>``), and every name of
EUC-KR is read as cp949, its superset, because Korean sites label cp949 text "euc-kr".
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from dataclasses import dataclass

# What Korean servers call their encoding; cp949 (Microsoft's Unified Hangul Code) reads them all.
_CP949_NAMES = frozenset(
    {"euc-kr", "euckr", "euc_kr", "ks_c_5601-1987", "ks_c_5601", "ksc5601", "ksc_5601",
     "ks-c-5601", "ks-c-5601-1987", "korean", "cp949", "ms949", "windows-949", "x-windows-949",
     "uhc", "iso-ir-149", "csksc56011987"}
)  # fmt: skip
FALLBACK = "cp949"
"""For bytes that are neither UTF-8 nor declared: this project reads Korean sources."""

_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']", re.I)
_XML_DECL_TEXT = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*)([\"'])[A-Za-z0-9._:-]+\2", re.I)
_META = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_CHARSET_PARAM = re.compile(r";\s*charset\s*=\s*[\"']?([^;\"'\s]+)[\"']?", re.I)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    """The Python codec used ("utf-8", "cp949", ...)."""
    lossy: bool = False
    """True when undecodable bytes were replaced with U+FFFD."""


def codec_for(charset: str | None) -> str | None:
    """The Python codec for a declared charset name, or None for an unknown name."""
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    if name in _CP949_NAMES:
        return "cp949"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    match = _CHARSET_PARAM.search(content_type or "")
    return match.group(1) if match else None


def document_charset(body: bytes) -> str | None:
    """The charset an XML declaration or an HTML ``<meta>`` near the top declares."""
    head = body[:4096]
    match = _XML_DECL.match(head) or _META.search(head)
    return match.group(1).decode("ascii") if match else None


def decode_bytes(body: bytes, content_type: str | None = None) -> Decoded:
    """Text of a response body, by the rule in this module's docstring."""
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(body.decode("utf-16", errors="replace"), "utf-16")
    try:
        return Decoded(body.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = [codec_for(header_charset(content_type)), codec_for(document_charset(body))]
    candidates = [c for c in dict.fromkeys(declared) if c and c != "utf-8"]
    for codec in candidates:
        try:
            return Decoded(body.decode(codec), codec)
        except UnicodeDecodeError:
            continue
    codec = candidates[0] if candidates else FALLBACK
    return Decoded(body.decode(codec, errors="replace"), codec, lossy=True)


def feed_as_utf8(body: bytes, headers: Mapping[str, str]) -> tuple[bytes, dict[str, str], Decoded]:
    """The feed re-encoded as UTF-8 with headers and XML declaration saying so, and an XML
    media type (a feed served as ``text/html`` is still a feed; an HTML page still is not).

    feedparser then has nothing to guess: without this it believes a wrong header, and
    RFC 3023 makes it read ``text/xml`` with no charset as ASCII.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    decoded = decode_bytes(body, lowered.get("content-type"))
    text = _XML_DECL_TEXT.sub(r"\1\2utf-8\2", decoded.text, count=1)
    media_type = (lowered.get("content-type") or "").split(";", 1)[0].strip().lower()
    if "xml" not in media_type:  # feeds served as text/html or text/plain are common
        media_type = "application/xml"
    lowered["content-type"] = f"{media_type}; charset=utf-8"
    return text.encode("utf-8"), lowered, decoded
