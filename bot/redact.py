"""Every form of the bot token a log line may carry, replaced.

The token is ``<bot id>:<secret>``. Servers and libraries echo it URL-encoded
(``123456%3AABC...``), doubly encoded (``%253A``), JSON- or HTML-escaped, so matching the
exact string misses them. The secret part is made only of URL-safe characters and survives all
of these unchanged, so it is what is matched (with the id and whatever separator precedes it);
base64 of the whole token (an ``Authorization: Basic`` header) is matched too.
"""

from __future__ import annotations

import base64
import re

REPLACEMENT = "<token>"


def token_pattern(token: str) -> re.Pattern[str]:
    """A pattern matching ``token`` in its plain and encoded forms."""
    bot_id, _, secret = token.partition(":")
    forms = []
    if secret:
        separator = r"(?::|%3[Aa]|%253[Aa]|\\u003[Aa]|&#0*58;|&#[xX]0*3[Aa];|&colon;)"
        forms.append(f"(?:{re.escape(bot_id)}{separator})?{re.escape(secret)}")
    else:
        forms.append(re.escape(token))
    for encode in (base64.b64encode, base64.urlsafe_b64encode):
        encoded = encode(token.encode()).decode().rstrip("=")
        forms.append(re.escape(encoded[: len(encoded) - 2]))  # the last characters vary
    return re.compile("|".join(forms))


def redact(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(REPLACEMENT, text)
