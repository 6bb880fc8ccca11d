"""The named organisations that sign, one group per signing sentence.

A party is the noun phrase before a party particle ("머크와", "케임브리지대와") or the subject
of the signing sentence ("충남도는"), or an item of a list that ends in one ("A, B, C와").
Names are trimmed of dates ("지난 9일"), discourse words ("한편", "가운데"), asides ("(회장
우희종)") and people: "오세훈 서울시장" signs for 서울시, "허구연 KBO 총재" for KBO, and a
person alone is no party. Words that only stand for a party already named (양사, 양 기관, 측),
generic groups ("현지 대학 4곳") and bare country names are dropped. Parties feed the grouping
of reprints of one story, so a wrong name costs more than a missing one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.gazetteer import lookup_country
from extractors.kiwi_analyzer import WORD, Tok, words_of
from extractors.status import AGREEMENT

_PARTY_JOSA = {"와", "과", "랑", "하고"}
_SUBJECT_JOSA = {"은", "는", "이", "가"}
_GENERIC = re.compile(
    r"^(?:양사|양측|양국|양\s?기관|두\s?기관|세\s?기관|[0-9]+개?\s?(?:기관|사|곳)|기관|측|회사|이들|"
    r"관계자|참석자|업무협약|협약|이번|이날|정부|우리|함께|등|각각|자신|제안)$|양국"
)
# A group or an amount, not a name: "현지 대학 4곳", "유럽 기업", "총 280만달러 규모".
_GROUP = re.compile(
    r"\d+\s?(?:개|곳|개사|개국|명)|^(?:\S+\s)?(?:기업|기관|업체|대학|단체|지자체)들?$|"
    r"규모$|\d\s?(?:억|만|천|조)?\s?(?:원|달러|유로|엔|위안)"
)
# Words before a name that are not part of it: dates, discourse words.
_LEADING = re.compile(
    r"^(?:지난|오는|이날|전날|올해|\d+일(?:\(현지\s?시간\))?|\d+월|\d+년|오전|오후|한편|또|또한|특히|"
    r"이어|아울러|이와\s?함께|가운데|현재|최근|앞서|각각|먼저|이후|왼쪽부터|\(왼쪽부터\))$"
)
# Titles of the people who sign for an organisation, as a word of their own.
_TITLE_WORD = re.compile(
    r"^(?:\S*(?:대표|대표이사|회장|사장|이사장|총괄|감독|총재|대사|교수|의원|본부장|센터장|단장|국장|"
    r"실장|팀장|부장|과장|처장|학장|관장|소장|원장|총장|청장|수장|CEO)|장관|차관|이사|위원|지사|시장|"
    r"군수|구청장|위원장|회장직무대행|관계자|관계자들)$"
)
# A title glued to the organisation's name: "서울시장" signs for 서울시.
_GLUED_TITLE = (
    ("장관", ""),
    ("차관", ""),
    ("도지사", "도"),
    ("구청장", "구"),
    ("군수", "군"),
    ("위원장", "위원회"),
    ("협회장", "협회"),
    ("학교장", "학교"),
    ("센터장", "센터"),
    ("본부장", "본부"),
    ("연구소장", "연구소"),
    ("원장", "원"),
    ("청장", "청"),
    ("시장", "시"),
)
_PROVINCE_GOVERNOR = re.compile(r"^(제주|경남|경북|전남|전북|충남|충북|강원|경기)지사$")
# A person's name: two to four syllables, no organisation suffix.
_SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진지엄채원천"
    "방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉"
)
_PERSON_NAME = re.compile(rf"^[{_SURNAMES}][가-힣]{{1,2}}$(?<![시도군구청부처원소관대사단회])")
# Where a person stands in a photo, not part of any name.
_POSITION_ASIDE = re.compile(r"\s?\([^)]*(?:왼쪽|오른쪽|가운데|사진|번째)[^)]*\)")
_MR = re.compile(r"^[가-힣]{2,3}씨$")  # "현씨는": a person
_MODEL = re.compile(r"^[A-Z]{1,4}-?\d{1,4}[A-Z]?$")  # "KF-21과 FA-50의": products
_KOREA = {"한국", "대한민국", "우리나라", "국내", "우리"}
_LOCAL_TIME = re.compile(r"\(현지\s?(?:시간|시각)\)")
# The clause that tells what the agreement is about ("...를 위한", "...하기 위한", "...에 관한").
_PURPOSE = re.compile(r"(?:위한|위해|관한|대한)(?=\s|$)")
_ASIDE = re.compile(r"\([^)]*\)|[‘’'\"“”「」『』]")
# "(회장 우희종)": who signed for it, not part of the name.
_PERSON_ASIDE = re.compile(
    r"\s?\((?:[^)]*\s)?[^)\s]*(?:장|대표|이사|회장|총장|지사|시장)\s?[^)]*\)"
)
_TAG = re.compile(r"^(?:\[[^\]]*\]\s*)+")
_ALIAS_ASIDE = re.compile(r"\(이하\s?[^)]*\)")
# "진단 모니터링 기업 씨어스테크놀로지", "건축자재 기업인 후이다그룹": keep what follows.
_DESCRIPTOR = re.compile(
    r"^.*(?:기업|기관|업체|회사|제조사|운영사|단체|조직|브랜드|스타트업|계열사|자회사|상장사)(?:인|이자)?\s"
)
# "천재교과서 등 6개 업체와": the last item of a list, then its summary.
_LIST_TAIL = re.compile(r"\s?등(?:\s?\d+\s?(?:개|곳)\s?\S*)?$")
_MAX_WORDS = 4


def sentence_parties(sentence: str, tokens: Sequence[Tok]) -> list[str]:
    """Party names of one signing sentence in order of appearance."""
    sentence = _LOCAL_TIME.sub(lambda m: " " * len(m.group(0)), sentence)
    agreement = AGREEMENT.search(sentence)
    limit = agreement.start() if agreement else len(sentence)
    words = words_of(sentence, tokens, limit)
    names: list[str] = []
    pending: list[str] = []  # "A, B," waits for the particle that makes them parties
    start_word = 0
    partner_then_clause = False
    partner = False
    for k, word in enumerate(words):
        ws, we, inside = word.start, word.end, list(word.tokens)
        if not inside:
            continue
        last = inside[-1]
        before = inside[-2] if len(inside) >= 2 else None
        # A subject is a noun phrase: not "행사에서는", "앞서서는".
        nominal = before is None or before.tag.startswith(("N", "S", "XSN", "XR"))
        party = last.tag in ("JKB", "JC") and last.form in _PARTY_JOSA
        subject = last.tag in ("JKS", "JX") and last.form in _SUBJECT_JOSA and nominal
        comma = sentence[we - 1 : we] == "," and all(
            t.tag.startswith("N") or t.tag in ("SL", "SS", "SSO", "SSC", "SP", "SH", "SN")
            for t in inside
        )
        if partner and _PURPOSE.match(sentence, ws):
            return names  # "B와 스타트업의 글로벌 진출과 기술 보호를 위한 협약": what it is about
        if party and partner_then_clause:
            return names  # "B와 각각 KF-21과 FA-50의 ...": content, not another signer
        if party or subject or comma:
            cut = last.start if (party or subject) else we - 1
            span = [(w.start, w.end) for w in words[max(start_word, k - _MAX_WORDS + 1) : k + 1]]
            name = _clean(sentence, span, ws, cut)
            parts = _split_list(name)
            if comma:
                pending += parts
            else:
                for part in [*pending, *parts]:
                    if part not in names:
                        names.append(part)
                pending = []
            partner = partner or (party and bool(parts))
            start_word = k + 1
        elif [t.tag for t in inside[-2:]] == ["VCP", "ETM"]:
            start_word = k + 1  # "개발 회사인 루브루는": a description, the name follows
        elif _ends_phrase(inside):
            partner_then_clause = partner
            pending = []
            start_word = k + 1
    # "글로벌 코카-콜라 재단, 포항시 ... 업무협약 체결": a list right before the agreement
    return names + [p for p in pending if p not in names]


def _ends_phrase(tokens: Sequence[Tok]) -> bool:
    """A verb, an ending, an adverb or a particle other than the party ones ends the noun phrase
    ("수행해온", "리야드에서", "역할을", "각각")."""
    tags = [t.tag for t in tokens]
    return any(t.startswith(("V", "E")) or t in ("JKB", "JKO", "JX", "MAG", "MAJ") for t in tags)


def _clean(sentence: str, span: list[tuple[int, int]], last_start: int, cut: int) -> str:
    pieces = [sentence[s:e] for s, e in span[:-1]] + [sentence[last_start:cut]]
    pieces = [p for p in pieces if p.strip()]
    while len(pieces) > 1 and _leading(_ASIDE.sub("", pieces[0]).strip(), pieces[-1]):
        pieces = pieces[1:]
    if len(pieces) > 2 and pieces[1].strip() == "기간":
        pieces = pieces[2:]  # "축제 기간 진주시는": when, not who
    name = _PERSON_ASIDE.sub("", _TAG.sub("", " ".join(pieces))).strip(" ,·")
    name = _ALIAS_ASIDE.sub("", name)
    name = _LIST_TAIL.sub("", name)
    name = _for_organisation(name)
    name = _DESCRIPTOR.sub("", name).strip(" ,·")
    name = re.sub(r"\s측$", "", name)
    bare = _ASIDE.sub("", name).strip()
    if (
        not bare
        or len(bare) < 2
        or _LEADING.match(bare)
        or _GENERIC.match(bare)
        or _GROUP.search(bare)
    ):
        return ""
    if _MR.match(bare) or _MODEL.match(bare) or bare in _KOREA or lookup_country(bare):
        return ""
    if "…" in name or name.count("(") != name.count(")") or _unbalanced_quote(name):
        return ""
    return name


def _leading(word: str, rest: str) -> bool:
    """A date, a discourse word or a country heading the name ("사우디아라비아의 살람수의그룹",
    "美 사하라 AI"): the country is told by `countries`, the name is what follows; but
    "중국 공안부", "사우디 국방연구소" need their country to name anything."""
    if _LEADING.match(word):
        return True
    country = lookup_country(re.sub(r"의$", "", word))
    return country is not None and not _STATE_BODY.search(_ASIDE.sub("", rest))


_STATE_BODY = re.compile(r"(?:부|청|국|처|연구소|연구원|위원회|정부|경찰|군)$")


def _for_organisation(name: str) -> str:
    """ "오세훈 서울시장" -> "서울시", "허구연 KBO 총재" -> "KBO", "A사 홍길동 대표" -> "A사",
    "김연찬 부사장" -> "" (a person alone); a name without a title is returned as it is."""
    words = WORD.findall(_POSITION_ASIDE.sub("", name))
    bare = [_ASIDE.sub("", w) for w in words]
    titled = False
    while words:
        organisation = _glued_title(bare[-1])
        if organisation:
            words[-1], bare[-1], titled = organisation, organisation, True
            break
        if _TITLE_WORD.search(bare[-1]):
            words, bare, titled = words[:-1], bare[:-1], True
        elif titled and len(words) > 1 and _PERSON_NAME.match(bare[-1]):
            words, bare = words[:-1], bare[:-1]  # "A사 홍길동 (대표)"
        else:
            break
    if not titled:
        return name
    while len(words) > 1 and (_PERSON_NAME.match(bare[0]) or _TITLE_WORD.search(bare[0])):
        words, bare = words[1:], bare[1:]  # the person who signs for it
    if not words or _PERSON_NAME.match(bare[0]) or _TITLE_WORD.search(bare[0]):
        return ""
    return re.sub(r"의$", "", " ".join(words))


def _glued_title(word: str) -> str:
    """The organisation of a title glued to its name ("서울시장", "국방부장관", "제주지사")."""
    governor = _PROVINCE_GOVERNOR.match(word)
    if governor:
        return governor.group(1) + "도"
    for title, unit in _GLUED_TITLE:
        stem = word[: -len(title)]
        if word.endswith(title) and len(stem) >= 2 and (unit or stem.endswith(("부", "처", "청"))):
            return stem + unit
    return ""


def _split_list(name: str) -> list[str]:
    """ "LIG넥스원·한화에어로스페이스" and "A–B" name two parties; "소재·부품 기업" is one."""
    name = name.strip("‘’'\"“” ")
    if not name:
        return []
    if "–" in name or "—" in name:  # "A–B": two parties in a headline
        return [q for p in re.split(r"\s?[–—]\s?", name) for q in _split_list(p)]
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
