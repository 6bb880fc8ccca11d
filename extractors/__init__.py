"""Korean MOU extractor: `extract(article) -> Extraction`, pure text in, result out."""

from __future__ import annotations

import functools

from extractors.extractor import Extractor
from extractors.model import Amount, Article, Extraction


@functools.cache
def default_extractor() -> Extractor:
    """One process-wide Extractor, built on first use (Kiwi loads only when an article needs it)."""
    return Extractor()


def extract(article: Article) -> Extraction:
    return default_extractor().extract(article)


__all__ = ["Amount", "Article", "Extraction", "Extractor", "default_extractor", "extract"]
