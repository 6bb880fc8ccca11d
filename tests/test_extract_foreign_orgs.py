"""The list of well-known foreign organisations (`extractors/foreign_orgs.tsv`) and how the
extractor uses it: a listed organisation gives its country only as a signing party beside a
Korean party; a mention, a look-alike Korean name or a deal between two foreign parties gives
none. Every sentence here is invented."""

from __future__ import annotations

import pytest
from babel import Locale
from extractor_fixtures import is_mou_and_countries

from extractors.companies import KINDS, foreign_orgs, org_countries, org_matches, parse_orgs
from extractors.extractor import Extractor
from extractors.mentions import mentions

# Names the list must never hold: Korean words, Korean firms, people, firms with several homes
# (the header of foreign_orgs.tsv gives the rules).
_TRAPS = {
    "메타",
    "비자",
    "쉘",
    "델",
    "머스크",
    "나사",
    "알파벳",
    "라인",
    "자라",
    "발레",
    "악사",
    "이온",
    "지리",
    "세가",
    "기린",
    "캐리어",
    "트레인",
    "월풀",
    "밀레",
    "샤프",
    "다우",
    "리프트",
    "페스토",
    "스즈키",
    "마쓰다",
    "머크",
    "에어버스",
    "스텔란티스",
    "한미",
    "한독",
    "한미반도체",
    "한국타이어",
    "한국콜마",
    "스타벅스",
    "다이소",
}


def test_every_row_is_a_country_and_a_kind() -> None:
    territories = set(Locale("en").territories)
    orgs = foreign_orgs()
    assert len(orgs) > 700
    assert all(o.country in territories and o.country != "KR" for o in orgs)
    assert {o.kind for o in orgs} <= KINDS
    assert "university" in {o.kind for o in orgs} and "classification" in {o.kind for o in orgs}


def test_no_trap_and_no_name_under_two_countries() -> None:
    names = org_countries()  # raises on a name listed under two countries
    assert not _TRAPS & set(names)
    # One syllable only where it is no Korean word (셸 = Shell; 쉘 is left out).
    assert {n for n in names if len(n) < 2} == {"셸"}


def test_university_forms_and_known_rows() -> None:
    names = org_countries()
    assert names["하버드대학교"] == names["하버드대"] == "US"
    assert names["퓨어헬스"] == "AE"
    assert names["로이드선급"] == "GB"
    assert names["무바달라"] == "AE"
    assert names["막스플랑크"] == "DE"


@pytest.mark.parametrize(
    "line",
    [
        "구글\tGoogle\tUS",  # three fields
        "구글\tGoogle\tUSA\tcompany",  # not an alpha-2 code
        "구글\tGoogle\tUS\tconglomerate",  # no such kind
        "-\t-\tUS\tcompany",  # no name
    ],
)
def test_bad_rows_are_refused(line: str) -> None:
    with pytest.raises(ValueError):
        parse_orgs("# header\n" + line + "\n")


def test_a_row_is_read() -> None:
    (org,) = parse_orgs("# c\n가나대|라온대\tGana Univ\tGH\tuniversity\n")
    assert org.country == "GH" and org.kind == "university"
    assert org.names[:3] == ("가나대", "라온대", "Gana Univ")
    assert set(org.names[3:]) == {"가나대학교", "가나대학", "라온대학교", "라온대학"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("한국스미토모상사와", [("스미토모", "JP")]),
        ("GM코리아와", [("GM", "US")]),
        ("한국GM과", [("GM", "US")]),
        # Whole words only, and a two-letter Latin name takes no division suffix.
        ("레고켐바이오와", []),
        ("노무라입깃해파리가", []),
        ("MS제약과", []),
        ("한화토탈에너지스와", []),
    ],
)
def test_matches(text: str, found: list[tuple[str, str]]) -> None:
    assert [(o.name, o.country) for o in org_matches(text)] == found


def _roles(extractor: Extractor, sentence: str) -> list[tuple[str, str]]:
    tokens = next(iter(extractor.analyzer.tokenize_many([sentence])))
    return [(m.code, m.role.value) for m in mentions(sentence, tokens) if m.code != "KR"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("라온병원은 퓨어헬스와 원격의료 업무협약을 체결했다.", [("AE", "party")]),
        # A listed name holding a place of another country is the organisation (US, not GE).
        ("라온대는 조지아공과대학과 공동연구 협약을 맺었다.", [("US", "party")]),
        ("라온대는 조지아 공대와 공동연구 협약을 맺었다.", [("US", "party")]),
        ("라온대는 조지아 국립대와 공동연구 협약을 맺었다.", [("GE", "party")]),
        ("라온공사는 한국스미토모상사와 업무협약을 체결했다.", [("JP", "party")]),
        # The second side of "A와 B 간의 협약" is a party, even with more words before 간...
        ("라온시와 알리바바 간 업무협약이 14일 체결됐다.", [("CN", "party")]),
        ("라온진흥원과 알리바바 타오바오 글로벌 간의 업무협약이 체결됐다.", [("CN", "party")]),
        # ...but not without the "A와" before it.
        ("알리바바 서버 간 연결 협약을 체결했다.", [("CN", "context")]),
        # A mention that goes on into another noun is no party.
        ("라온약품은 테바 제네릭 유통 협약을 체결했다.", [("IL", "context")]),
        # Look-alike Korean names are not listed organisations.
        ("라온시는 레고켐바이오와 업무협약을 체결했다.", []),
    ],
)
def test_roles(kiwi_extractor: Extractor, sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _roles(kiwi_extractor, sentence) == expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # A listed organisation as a party beside a Korean party gives its country.
        (
            "라온시, 무바달라와 투자 협약",
            "<p>라온시는 14일 무바달라와 투자 유치 업무협약을 체결했다.</p>",
            (True, ("AE",)),
        ),
        # A headline's announcing party, named first, stands for the Korean side...
        ("라온헬스, 중동 헬스케어 그룹 퓨어헬스와 업무협약 체결", "", (True, ("AE",))),
        # ...and a listed organisation named first is the headline's subject.
        (
            "마이크로소프트, 라온공사와 손잡고 습지 조성",
            "<p>양 기관은 14일 업무협약을 체결했다.</p>",
            (True, ("US",)),
        ),
        # A mere mention gives nothing.
        (
            "라온시, 라마바사와 업무협약",
            "<p>라온시는 14일 라마바사와 업무협약을 체결했다. 라마바사는 엔비디아 GPU와 "
            "사솔 출신 연구진을 갖췄다.</p>",
            (True, ()),
        ),
        # Two listed foreign organisations: a deal between foreign parties, no MOU for us.
        (
            "BCG, 오픈AI와 컨설팅 업무협약 체결",
            "<p>양사는 14일 업무협약을 체결했다.</p>",
            (False, ()),
        ),
    ],
)
def test_articles(
    kiwi_extractor: Extractor, title: str, body: str, expected: tuple[bool, tuple[str, ...]]
) -> None:
    assert is_mou_and_countries(kiwi_extractor, title, body) == expected


def test_a_foreign_desk_headline_has_no_announcer(kiwi_extractor: Extractor) -> None:
    title = "[외신] 라온, 구글과 업무협약 체결"
    assert is_mou_and_countries(kiwi_extractor, title, "")[1] == ()
    assert is_mou_and_countries(kiwi_extractor, title.removeprefix("[외신] "), "")[1] == ("US",)
