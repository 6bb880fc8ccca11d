"""One Kiwi-backed Extractor for the whole test session (Kiwi takes ~1.5 s and ~320 MB), and
the one way tests of invented articles read its decision."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.extractor import Extractor
from extractors.model import Article

# The publication time of the invented articles ("14일" in their text is the day before).
PUBLISHED = dt.datetime(2025, 3, 15, 9, 0)


def is_mou_and_countries(
    extractor: Extractor, title: str, body: str
) -> tuple[bool, tuple[str, ...]]:
    """What the extractor decides of one invented article published at PUBLISHED."""
    result = extractor.extract(Article(title=title, body=body, published=PUBLISHED))
    return result.is_mou, result.countries


@pytest.fixture(scope="session")
def kiwi_extractor() -> Extractor:
    return Extractor()
