"""The pattern that finds country and place names before Kiwi runs (`mentions.name_pattern`):
one regex factored by common prefixes (`companies.trie_pattern`) must find every name, and the
longest one where several start at the same place."""

from __future__ import annotations

import re

from extractors.companies import trie_pattern
from extractors.gazetteer import korean_names, place_names
from extractors.mentions import name_pattern


def test_every_country_and_place_name_is_found_whole() -> None:
    names = {n for n, c in {**place_names(), **korean_names()}.items() if c != "KR" and len(n) >= 2}
    missed = [n for n in names if (m := name_pattern().match(n)) is None or m.group() != n]
    assert missed == []


def test_the_longest_name_at_a_place_wins_and_the_scan_goes_on() -> None:
    pattern = name_pattern()
    found = [
        m.group() for m in pattern.finditer("A사는 美 텍사스주와 독일 바이에른주에서 협약했다")
    ]
    assert "텍사스주" in found and "바이에른주" in found and "텍사스" not in found


def test_a_trie_pattern_prefers_the_longer_of_two_names_sharing_a_prefix() -> None:
    pattern = re.compile(trie_pattern(["가나", "가나다", "가봉"]))
    assert [m.group() for m in pattern.finditer("가나다 가나 가봉 가")] == [
        "가나다",
        "가나",
        "가봉",
    ]
