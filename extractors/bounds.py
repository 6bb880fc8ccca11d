"""The extractor's own input bounds: it never trusts its caller to have cut a hostile article.

A headline of an MOU followed by 100,000 Hangul characters without a space once took the sector
rules minutes and a 1,000,000-character headline 3 GB (issue 11). No real headline comes near
the cap (the longest of 106,465 archived ones has 136 characters) and no article body near the
other (94,000 characters of HTML at most), so cutting there loses nothing a reader would see.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.model import Article

MAX_TITLE_CHARS = 300
"""Characters of the headline read; the rest is dropped before any rule or Kiwi sees it."""
MAX_BODY_CHARS = 1_000_000
"""Characters of the raw body (HTML or text) read."""
MAX_TEXT_CHARS = 100_000
"""Characters of the body's text (after markup is stripped) cut into sentences and read."""


def bounded(article: Article) -> Article:
    """The article cut to the bounds (the same object when it is within them)."""
    if len(article.title) <= MAX_TITLE_CHARS and len(article.body) <= MAX_BODY_CHARS:
        return article
    return replace(
        article, title=article.title[:MAX_TITLE_CHARS], body=article.body[:MAX_BODY_CHARS]
    )
