"""Whole invented articles, one per pattern and trap of issue 2, through the real Extractor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from extractors.extractor import Extractor
from extractors.model import Article

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
SEOUL = ZoneInfo("Asia/Seoul")
PUBLISHED = dt.datetime(2025, 3, 15, 9, 0, tzinfo=SEOUL)


@dataclass(frozen=True)
class Expect:
    is_mou: bool
    countries: tuple[str, ...] = ()
    status: str | None = None
    sectors: tuple[str, ...] = ()
    """Sectors that must be among the result (sector labels are soft: not an exact match)."""
    parties: tuple[str, ...] = ()
    """Names that must appear in some party group."""
    extra: dict[str, object] = field(default_factory=dict)


CASES: dict[str, Expect] = {
    # Pair forms name the counterpart.
    "pair_hyphen_fr": Expect(True, ("FR",), sectors=("startup",)),
    "pair_middot_de": Expect(True, ("DE",), sectors=("manufacturing",)),
    "fused_hanbul": Expect(True, ("FR",), sectors=("beauty",)),
    "hanja_pair_fr": Expect(True, ("FR",), sectors=("aerospace_defense",)),
    # 한·중·일 alone is no counterpart.
    "trilateral_only": Expect(True, ()),
    "english_uae": Expect(True, ("AE",), sectors=("energy",), parties=("한빛솔라",)),
    # A Korean subsidiary counts as its parent's country only when the text says so.
    "subsidiary_told_jp": Expect(True, ("JP",), parties=("경남도", "한국스미토모상사")),
    "subsidiary_untold": Expect(True, ()),
    # A well-known foreign firm named bare is a counterpart only as a party beside a Korean one.
    "known_company_us": Expect(True, ("US",), sectors=("culture",), parties=("넷플릭스",)),
    "known_company_not_party": Expect(True, (), sectors=("ai", "education_research")),
    "embassy_de": Expect(True, ("DE",), parties=("청소년교류재단", "주한 독일 대사관")),
    # Names that only look like countries.
    "lookalike_companies": Expect(True, ()),
    "particle_iran_handover_india": Expect(True, ()),
    # Places and markets are not counterparts.
    "venue_only_sa": Expect(True, ()),
    "market_only_vn": Expect(True, ()),
    "domestic_global": Expect(True, (), sectors=("startup",)),
    # A deal headline over a feed body cut before the signing sentence.
    "headline_only_deal": Expect(True, ()),
    # Not a signed MOU.
    "planned_signing": Expect(False, status="planned"),
    "announced_future": Expect(False, status="planned"),
    "background_mention": Expect(False, status="none"),
    "joint_statement": Expect(False, status="none"),
    "meeting_no_signing": Expect(False, status="none"),
    "crime_story": Expect(False, status="none"),
    # A court ruling on an old agreement (소송, 대법원, 승소 ...) is not news of a signing.
    "court_ruling": Expect(False, status="none"),
    "foreign_only": Expect(False, status="none"),
    # A roundup item and a treaty story: the undecided signing sentences name only the
    # countries of the foreign deal ("양측은 ... 미국 무역대표부와 ... 서명했다").
    "foreign_only_roundup": Expect(False, status="none"),
    "foreign_only_treaty": Expect(False, status="none"),
    "history_piece": Expect(False, status="none"),
    # The country of a party named elsewhere in the article.
    "coreference_merck": Expect(True, ("DE",), sectors=("bio_health",), parties=("머크",)),
    "both_countries_title": Expect(True, ("SA",)),
    "visit_local_partner": Expect(True, ("CN",), parties=("톈진크루즈요트협회",)),
    # A bare party's country is not read off a place ("미국 ... 경기장 NHL 아레나에서").
    "foreign_only_venue_party": Expect(True, ()),
}


def _article(name: str) -> Article:
    title, body = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8").split("\n", 1)
    return Article(title=title, body=body, url=f"test:{name}", published=PUBLISHED)


@pytest.mark.parametrize("name", sorted(CASES))
def test_article(kiwi_extractor: Extractor, name: str) -> None:
    expect = CASES[name]
    result = kiwi_extractor.extract(_article(name))
    assert result.is_mou is expect.is_mou
    assert result.countries == expect.countries
    assert result.status == (expect.status or ("signed" if expect.is_mou else "none"))
    assert set(expect.sectors) <= set(result.sectors)
    named = {n for group in result.parties for n in group}
    assert set(expect.parties) <= named
    if expect.is_mou:
        assert result.evidence and result.summary
        assert "KR" not in result.countries
    else:
        assert not result.countries and not result.sectors and not result.evidence


def test_every_fixture_has_an_expectation() -> None:
    on_disk = {p.stem for p in ARTICLES.glob("*.txt")} - {
        "facts_amount_date",
        "facts_around_signing",
        "foreign_firms_abroad",
    }
    assert on_disk == set(CASES)


def test_amount_count_and_date(kiwi_extractor: Extractor) -> None:
    title, body = (ARTICLES / "facts_amount_date.txt").read_text(encoding="utf-8").split("\n", 1)
    published = dt.datetime(2025, 3, 5, 10, 0, tzinfo=SEOUL)
    result = kiwi_extractor.extract(Article(title=title, body=body, published=published))
    assert result.countries == ("ID",)
    assert result.mou_count == 5
    assert result.date == dt.date(2025, 3, 3)
    assert [(a.text, a.value, a.currency) for a in result.amounts] == [
        ("3천500만달러", 35_000_000.0, "USD")
    ]
    assert "trade" in result.sectors


def test_html_article(kiwi_extractor: Extractor) -> None:
    raw = (ARTICLES / "html_body.html").read_text(encoding="utf-8")
    published = dt.datetime(2025, 4, 7, 9, 0, tzinfo=SEOUL)
    result = kiwi_extractor.extract(
        Article(title="연세대, 英 케임브리지대와 양자 연구 MOU", body=raw, published=published)
    )
    assert result.is_mou
    assert result.countries == ("GB",)
    assert result.date == dt.date(2025, 4, 3)
    assert "메뉴" not in result.summary and "많이 본" not in result.summary
    assert "education_research" in result.sectors


def test_foreign_firm_beside_unknown_firms_gets_no_country(kiwi_extractor: Extractor) -> None:
    """코베스트로 (DE) signs abroad with firms the text does not place: with no Korean party in
    sight it may be a deal between foreign firms, so its country is not given (a wrong country
    alerts the wrong people). Telling that such an article is no Korean MOU at all is open."""
    result = kiwi_extractor.extract(_article("foreign_firms_abroad"))
    assert result.countries == ()


def test_facts_around_the_signing_sentence(kiwi_extractor: Extractor) -> None:
    """The deal's size follows the signing sentence; a later sentence reports more MOUs than the
    status reader anchors; company turnover and per-applicant limits are not deal amounts."""
    result = kiwi_extractor.extract(_article("facts_around_signing"))
    assert result.is_mou
    assert [a.text for a in result.amounts] == ["4400억원", "3천500만유로", "463억"]
    assert result.mou_count == 6
    assert result.date == dt.date(2025, 3, 14)
