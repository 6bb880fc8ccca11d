"""The extractor bounds its own input and its patterns (issue 11): a hostile headline or body
costs a bounded amount of work, whatever the caller did or did not cut."""

from __future__ import annotations

import re
import re._parser as sre_parse  # the parser behind re.compile: to read a pattern's repeats
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from extractors import sector_detect
from extractors.bounds import MAX_BODY_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS, bounded
from extractors.extractor import Extractor
from extractors.kiwi_analyzer import Tok
from extractors.model import Article

TITLE = "삼성전자, 프랑스 탈레스와 인공지능 업무협약 체결"
BODY = "삼성전자는 7일 프랑스 탈레스와 인공지능 분야 업무협약을 체결했다고 밝혔다."
LONG_RUN = "가" * 100_000  # Hangul without a space: the shape that made the patterns backtrack


class _RecordingAnalyzer:
    """Stands in for Kiwi: records what it is asked to read, refuses anything unbounded."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.longest = 0

    def tokenize_many(self, texts: Iterable[str]) -> Iterator[list[Tok]]:
        texts = list(texts)
        self.longest = max([self.longest, *map(len, texts)])
        assert self.longest <= MAX_TITLE_CHARS + MAX_TEXT_CHARS, "Kiwi got an unbounded text"
        return self.real.tokenize_many(texts)


def test_bounded_cuts_title_and_body_and_keeps_small_articles() -> None:
    small = Article(title=TITLE, body=BODY)
    assert bounded(small) is small
    huge = bounded(Article(title=TITLE + LONG_RUN * 10, body="x" * (MAX_BODY_CHARS * 2)))
    assert len(huge.title) == MAX_TITLE_CHARS
    assert len(huge.body) == MAX_BODY_CHARS
    assert huge.title.startswith(TITLE)


def test_a_long_headline_reaches_kiwi_and_the_rules_cut(kiwi_extractor: Extractor) -> None:
    extractor = Extractor()
    recorder = _RecordingAnalyzer(kiwi_extractor.analyzer)
    extractor._analyzer = recorder  # type: ignore[assignment]
    plain = extractor.extract(Article(title=TITLE, body=BODY))
    hostile = extractor.extract(Article(title=TITLE + LONG_RUN, body=BODY))
    assert recorder.longest <= MAX_TITLE_CHARS
    assert (hostile.is_mou, hostile.countries, hostile.sectors) == (
        plain.is_mou,
        plain.countries,
        plain.sectors,
    )
    assert plain.countries == ("FR",) and "ai" in plain.sectors


def test_a_long_body_is_cut_to_the_text_bound(kiwi_extractor: Extractor) -> None:
    extractor = Extractor()
    recorder = _RecordingAnalyzer(kiwi_extractor.analyzer)
    extractor._analyzer = recorder  # type: ignore[assignment]
    result = extractor.extract(Article(title=TITLE, body=BODY + " " + LONG_RUN * 3))
    assert result.is_mou and result.countries == ("FR",)
    assert recorder.longest <= MAX_TEXT_CHARS


def _unbounded_repeats(tree: Any) -> Iterator[str]:
    """Repeats of a parsed pattern with no upper bound (`*`, `+`, `{n,}`)."""
    for op, arg in tree:
        if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT):
            low, high, sub = arg
            if high == sre_parse.MAXREPEAT:
                yield f"{op} {low}.."
            yield from _unbounded_repeats(sub)
        elif op is sre_parse.SUBPATTERN:
            yield from _unbounded_repeats(arg[-1])
        elif op is sre_parse.BRANCH:
            for branch in arg[1]:
                yield from _unbounded_repeats(branch)
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            yield from _unbounded_repeats(arg[1])


@pytest.mark.parametrize("name", ["_BLANK", "_SPEECH"])
def test_sector_blanking_patterns_have_bounded_repeats(name: str) -> None:
    # An unbounded repeat tried at every position of a run without spaces costs the square of
    # the run's length (100,000 characters took 270 s); a bounded one costs the run times the
    # bound.
    pattern: re.Pattern[str] = getattr(sector_detect, name)
    assert list(_unbounded_repeats(sre_parse.parse(pattern.pattern))) == []
