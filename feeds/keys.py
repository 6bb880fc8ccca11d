"""Entry keys: what makes an entry "seen before". Pure.

A key is the entry's GUID, else its normalized link, so the same article keeps its key when a
feed re-orders entries, re-dates them, or decorates links with tracking parameters. The stored
key (:func:`item_key`) is scoped to its feed: a GUID is only unique within the feed that
publishes it, so one feed can never suppress another's entries by reusing its GUIDs. The same
article in two feeds is two items, which story grouping joins into one story (one alert).
"""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that only say who sent the reader; dropping them never changes the page.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
     "ttclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok",
     "ref_src", "ref_url", "cmpid", "ncid", "sr_share", "spm", "vero_id", "oly_anon_id",
     "oly_enc_id", "rb_clickid", "s_cid", "wt_mc", "trk"}
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def normalize_url(url: str) -> str:
    """Scheme and host lower-cased, default port, fragment and tracking parameters dropped,
    the remaining query parameters sorted."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = (
        parts.port
        if parts.port and (scheme, parts.port) not in {("http", 80), ("https", 443)}
        else None
    )
    netloc = f"{host}:{port}" if port else host
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def entry_key(guid: str | None, link: str | None, title: str = "") -> str:
    """The entry's key: GUID, else normalized link, else a hash of the title (rare: an entry
    with neither still gets a stable key rather than being dropped)."""
    if guid and guid.strip():
        return guid.strip()
    if link and link.strip():
        return normalize_url(link)
    return "title:" + hashlib.sha256(title.strip().encode("utf-8")).hexdigest()[:32]


FEED_SCOPE = "feed:{feed_id}|"
"""The prefix of a feed's item keys (migration 0003 gave existing items theirs)."""


def item_key(feed_id: int | None, guid: str | None, link: str | None, title: str = "") -> str:
    """The stored identity of an item: its feed and :func:`entry_key`; an item with no feed
    (an imported archive) is known by its normalized link alone."""
    if feed_id is None:
        return normalize_url(link) if link and link.strip() else entry_key(guid, None, title)
    return FEED_SCOPE.format(feed_id=feed_id) + entry_key(guid, link, title)
