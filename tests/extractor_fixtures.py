"""One Kiwi-backed Extractor for the whole test session (Kiwi takes ~1.5 s and ~320 MB)."""

from __future__ import annotations

import pytest

from extractors.extractor import Extractor


@pytest.fixture(scope="session")
def kiwi_extractor() -> Extractor:
    return Extractor()
