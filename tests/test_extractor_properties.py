"""Whatever comes in, `Extractor.extract` returns a well-formed Extraction and never raises."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.extractor import Extractor
from extractors.model import Article, Extraction
from extractors.sectors import SECTORS_BY_ID

# Text that reaches past the keyword gate, so the analysis itself is exercised too.
MOU_WORDS = [
    "MOU",
    "업무협약",
    "양해각서",
    "체결했다",
    "한·불",
    "프랑스",
    "미국",
    "한미반도체",
    "3천500만유로",
]
SECTOR_IDS = set(SECTORS_BY_ID)
TAGS = [
    "<p>",
    "</p>",
    "<br>",
    "<div>",
    "</div>",
    "<script>",
    "</script>",
    "<html>",
    "<!--",
    "<a href='x'>",
]

korean = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), max_size=40)
soup = st.lists(
    st.one_of(st.sampled_from(TAGS), st.sampled_from(MOU_WORDS), korean, st.text(max_size=20)),
    max_size=40,
).map("".join)
garbage = st.binary(max_size=2000).map(lambda b: b.decode("utf-8", errors="replace"))
numbers = st.lists(
    st.one_of(
        st.integers(0, 10**15).map(str), st.sampled_from(["조", "억", "만", "원", ".", ",", " "])
    ),
    max_size=60,
).map("".join)
bodies = st.one_of(
    st.just(""),
    st.text(max_size=300),
    garbage,
    soup,
    numbers,
    st.lists(st.sampled_from(MOU_WORDS), max_size=30).map(" ".join),
)
published = st.one_of(
    st.none(),
    st.datetimes(
        min_value=dt.datetime(1900, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=9))]),
    ),
)
articles = st.builds(
    Article,
    title=st.one_of(st.text(max_size=60), soup),
    body=bodies,
    url=st.text(max_size=30),
    published=published,
)


@pytest.fixture
def extractor(kiwi_extractor: Extractor) -> Extractor:
    """The session's one Kiwi-backed Extractor (tests/extractor_fixtures.py)."""
    return kiwi_extractor


def _assert_well_formed(result: Extraction) -> None:
    assert isinstance(result, Extraction)
    assert isinstance(result.is_mou, bool)
    assert result.status in ("signed", "planned", "none")
    assert not result.is_mou or result.status == "signed"
    assert all(re.fullmatch(r"[A-Z]{2}", c) and c != "KR" for c in result.countries)
    assert set(result.sectors) <= SECTOR_IDS
    assert all(isinstance(g, tuple) and all(isinstance(p, str) for p in g) for g in result.parties)
    assert all(a.value >= 0 and re.fullmatch(r"[A-Z]{3}", a.currency) for a in result.amounts)
    assert result.mou_count is None or result.mou_count > 0
    assert result.date is None or isinstance(result.date, dt.date)
    assert isinstance(result.summary, str)
    result.to_json()  # serialisable


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(article=articles)
def test_any_article_gives_a_well_formed_result(extractor: Extractor, article: Article) -> None:
    _assert_well_formed(extractor.extract(article))


@pytest.mark.parametrize(
    "body",
    [
        "",
        "MOU " * 250_000,  # 1 MB of one word
        "업무협약 체결 " * 5_000,  # 40 kB of signing words: every piece is analysed
        "<div>" * 20_000 + "MOU 체결" + "</div>" * 20_000,
        "1" * 100_000,
        "\x00\x01\x02\ufffd" * 1000,
    ],
    ids=["empty", "1MB-one-word", "long-korean", "deep-html", "only-digits", "control-chars"],
)
def test_extreme_bodies(extractor: Extractor, body: str) -> None:
    _assert_well_formed(extractor.extract(Article(title="한불 MOU 체결", body=body)))


def test_extract_many_keeps_order_and_length(extractor: Extractor) -> None:
    batch = [
        Article(title="", body=""),
        Article(title="한미 MOU 체결", body="미국과 체결했다."),
        Article("x", "y"),
    ]
    results = extractor.extract_many(batch)
    assert len(results) == 3
    for result in results:
        _assert_well_formed(result)
