"""The named organisations that sign, one group per signing sentence.

A party is the noun phrase before a party particle ("머크와", "케임브리지대와") or the subject
of the signing sentence ("충남도는"), trimmed of dates ("지난 9일"), titles of people and
asides ("(회장 우희종)"). Words that only stand for a party already named (양사, 양 기관, 측)
are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.kiwi_analyzer import Tok
from extractors.status import AGREEMENT

_PARTY_JOSA = {"와", "과", "랑", "하고"}
_SUBJECT_JOSA = {"은", "는", "이", "가"}
_GENERIC = re.compile(
    r"^(?:양사|양측|양국|양\s?기관|두\s?기관|세\s?기관|[0-9]+개?\s?(?:기관|사|곳)|기관|측|회사|이들|"
    r"관계자|참석자|업무협약|협약|이번|이날|정부|우리|함께|등|각각)$"
)
_TIME = re.compile(
    r"^(?:지난|오는|이날|전날|올해|\d+일(?:\(현지\s?시간\))?|\d+월|\d+년|오전|오후)$"
)
_PERSON = re.compile(
    r"(?:장|대표|회장|총괄|이사|교수|감독|차관|장관|의원|대사|위원|지사|시장|총장|군수)$"
)
_LOCAL_TIME = re.compile(r"\(현지\s?(?:시간|시각)\)")
_PURPOSE = re.compile(r"\S+(?:을|를)\s(?:위한|위해)|\S+에\s(?:관한|대한)")
_ASIDE = re.compile(r"\([^)]*\)|[‘’'\"“”「」『』]")
# "(회장 우희종)": who signed for it, not part of the name.
_PERSON_ASIDE = re.compile(
    r"\s?\((?:[^)]*\s)?[^)\s]*(?:장|대표|이사|회장|총장|지사|시장)\s?[^)]*\)"
)
_TAG = re.compile(r"^(?:\[[^\]]*\]\s*)+")
# "진단 모니터링 기업 씨어스테크놀로지", "건축자재 기업인 후이다그룹": keep what follows.
_DESCRIPTOR = re.compile(
    r"^.*(?:기업|기관|업체|회사|제조사|운영사|단체|브랜드|스타트업)(?:인|이자)?\s"
)
_MAX_WORDS = 4


def sentence_parties(sentence: str, tokens: Sequence[Tok]) -> list[str]:
    """Party names of one signing sentence in order of appearance."""
    sentence = _LOCAL_TIME.sub(lambda m: " " * len(m.group(0)), sentence)
    agreement = AGREEMENT.search(sentence)
    limit = agreement.start() if agreement else len(sentence)
    purpose = _PURPOSE.search(sentence, 0, limit)
    if purpose:  # "X와 스타트업의 글로벌 진출과 기술 보호를 위한 협약": the parties come first
        limit = purpose.start()
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", sentence[:limit])]
    names: list[str] = []
    start_word = 0
    for k, (ws, we) in enumerate(words):
        inside = [t for t in tokens if ws <= t.start < we]
        if not inside:
            continue
        last = inside[-1]
        party = last.tag in ("JKB", "JC") and last.form in _PARTY_JOSA
        subject = last.tag in ("JKS", "JX") and last.form in _SUBJECT_JOSA
        comma = sentence[we - 1 : we] == "," and all(
            t.tag.startswith("N") or t.tag in ("SL", "SS", "SSO", "SSC", "SP", "SH", "SN")
            for t in inside
        )
        if party or subject or comma:
            cut = last.start if (party or subject) else we - 1
            name = _clean(sentence, words[max(start_word, k - _MAX_WORDS + 1) : k + 1], ws, cut)
            for part in _split_list(name):
                if part not in names:
                    names.append(part)
            start_word = k + 1
        elif any(t.tag.startswith(("V", "E")) or t.tag == "JKB" for t in inside):
            start_word = k + 1
    return names


def _clean(sentence: str, span: list[tuple[int, int]], last_start: int, cut: int) -> str:
    pieces = [sentence[s:e] for s, e in span[:-1]] + [sentence[last_start:cut]]
    kept = [p for p in pieces if not _TIME.match(_ASIDE.sub("", p))]
    while kept and _PERSON.search(_ASIDE.sub("", kept[-1])) and len(kept) > 1:
        kept = kept[:-1]  # "오영훈 제주도지사와": the person signs for an organisation
    name = _PERSON_ASIDE.sub("", _TAG.sub("", " ".join(kept))).strip(" ,·")
    name = _DESCRIPTOR.sub("", name).strip(" ,·")
    name = re.sub(r"\s측$", "", name)
    bare = _ASIDE.sub("", name).strip()
    if not bare or _GENERIC.match(bare) or _PERSON.search(bare) or len(bare) < 2:
        return ""
    if "…" in name or name.count("(") != name.count(")") or _unbalanced_quote(name):
        return ""
    return name


def _split_list(name: str) -> list[str]:
    """ "LIG넥스원·한화에어로스페이스" names two parties; "소재·부품 기업" is one phrase."""
    name = name.strip("‘’'\"“” ")
    if not name:
        return []
    if " " not in name and "·" in name:
        return [p for p in name.split("·") if len(p) >= 2]
    return [name]


def _unbalanced_quote(text: str) -> bool:
    return (
        text.count("‘") != text.count("’")
        or text.count("“") != text.count("”")
        or (text.count("'") % 2 == 1)
    )


def group_parties(groups: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    """One group per agreement: drop empty groups and groups contained in another."""
    clean = [tuple(dict.fromkeys(g)) for g in groups if g]
    kept: list[tuple[str, ...]] = []
    for g in sorted(clean, key=len, reverse=True):
        if not any(set(g) <= set(k) for k in kept):
            kept.append(g)
    order = {g: i for i, g in enumerate(clean)}
    return tuple(sorted(kept, key=lambda g: order[g]))
