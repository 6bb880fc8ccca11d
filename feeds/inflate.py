"""Content-Encoding undone one layer at a time, each layer's output counted as it streams.

httpx decodes a whole chunk through every layer before anyone can count it: a 3.4 KB body
served as ``Content-Encoding: gzip, gzip`` inflates to 2 GiB inside one ``aiter_bytes`` step
(the outer layer gives 2 MB of gzip, the inner one inflates all of it at once). Here every
layer decompresses with ``max_length`` (zlib's own bound), so no layer ever holds more than the
cap plus one chunk, whatever the nesting.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

SUPPORTED = ("gzip", "x-gzip", "deflate")
ACCEPT_ENCODING = "gzip, deflate"
"""What we ask for: only what :class:`LayeredDecoder` can bound."""


class OverLimit(Exception):
    """A layer produced more than the cap."""


class UnsupportedEncoding(Exception):
    """A Content-Encoding this module does not decode."""


class _Layer:
    def __init__(self, name: str) -> None:
        self.name = name
        self._deflate_raw = False
        self._obj = self._new()

    def _new(self) -> zlib._Decompress:
        if self.name in ("gzip", "x-gzip"):
            return zlib.decompressobj(zlib.MAX_WBITS | 16)
        return zlib.decompressobj(-zlib.MAX_WBITS if self._deflate_raw else zlib.MAX_WBITS)

    def feed(self, data: bytes, room: int) -> bytes:
        """Up to ``room`` bytes of output; raises OverLimit when there is more."""
        try:
            out = self._obj.decompress(data, room + 1)
        except zlib.error:
            if self.name != "deflate" or self._deflate_raw:
                raise
            # "deflate" is often raw DEFLATE without the zlib header (as httpx also allows).
            self._deflate_raw = True
            self._obj = self._new()
            out = self._obj.decompress(data, room + 1)
        if len(out) > room or self._obj.unconsumed_tail:
            raise OverLimit
        return out

    def finish(self, room: int) -> bytes:
        out = self._obj.flush(room + 1)
        if len(out) > room:
            raise OverLimit
        return out


class LayeredDecoder:
    """Decodes a body served with ``content_encoding``; each layer's total output is capped at
    ``max_bytes`` (so is the raw body, counted by the caller)."""

    def __init__(self, content_encoding: str, max_bytes: int) -> None:
        names = [n.strip().lower() for n in content_encoding.split(",") if n.strip()]
        names = [n for n in names if n != "identity"]
        unknown = [n for n in names if n not in SUPPORTED]
        if unknown:
            raise UnsupportedEncoding(f"unsupported Content-Encoding {', '.join(unknown)}")
        # Applied in the listed order by the server, so undone in reverse.
        self._layers = [_Layer(n) for n in reversed(names)]
        self._produced = [0] * len(self._layers)
        self.max_bytes = max_bytes

    @property
    def layers(self) -> int:
        return len(self._layers)

    def decode(self, chunk: bytes) -> bytes:
        data = chunk
        for i, layer in enumerate(self._layers):
            if not data:
                return b""
            data = layer.feed(data, self.max_bytes - self._produced[i])
            self._produced[i] += len(data)
        return data

    def flush(self) -> bytes:
        data = b""
        for i, layer in enumerate(self._layers):
            if data:
                data = layer.feed(data, self.max_bytes - self._produced[i])
                self._produced[i] += len(data)
            tail = layer.finish(self.max_bytes - self._produced[i])
            self._produced[i] += len(tail)
            data += tail
        return data


def decode_all(chunks: Iterable[bytes], content_encoding: str, max_bytes: int) -> bytes:
    """The whole decoded body of ``chunks`` (for tests and tools)."""
    decoder = LayeredDecoder(content_encoding, max_bytes)
    body = bytearray()
    for chunk in chunks:
        body += decoder.decode(chunk)
    body += decoder.flush()
    return bytes(body)
