"""Sectors an agreement covers, from the cue words of the sentences that describe it.

The sentences are the title and the signing sentences, plus the neighbours that spell out what
"이 같은 내용의 업무협약" was about or what the parties will do "이번 협약으로". Names of
ministries and the like ("기후환경에너지부", "방송통신심의위원회") are blanked first: they name
who signed, not what about; so are look-alikes such as "버지니아주 소재" (located in).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from extractors.sectors import SECTORS

# Words that contain a cue without meaning it.
_BLANK = re.compile(
    r"\S*(?:부|처|청|위원회|교육원|연수원)"
    r"(?=[\s,·와과는은이가의]|$)|"
    r"(?<=\s)소재(?=\s)|소재지|\S+(?:장|센터|홀|호텔|회의실|청사|본관|사옥|캠퍼스|본사|전시관)에서|"
    r"\S*(?:위원장|총장|학장|처장|원장|사장|회장|대표|지사|시장|장관|차관|청장)(?=[\s(,]|$)|"
    r"무역\s?갈등|수출\s?규제|무역\s?분쟁|생태계|환경\s?조성|투자\s?유치|유학생|"
    r"제조(?:사|기업|업체|업|회사)|항공사|\S*항공(?=[와과은는이가의\s])|"
    r"\([^)]{0,40}\)"
)


@functools.cache
def _cue_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for sector in SECTORS:
        cues = sorted(sector.cues, key=len, reverse=True)
        out.append((sector.id, re.compile("|".join(_cue(c) for c in cues))))
    return tuple(out)


def _cue(cue: str) -> str:
    # Latin cues are whole words ("AI" but not "PAID"); Hangul cues match inside compounds.
    if re.fullmatch(r"[A-Za-z0-9\-]+", cue):
        return rf"(?<![A-Za-z]){re.escape(cue)}(?![A-Za-z])"
    return re.escape(cue)


def detect_sectors(texts: Sequence[str], parties: Sequence[str] = ()) -> tuple[str, ...]:
    """Sector ids whose cues occur in the texts, in the order of SECTORS; a university among
    the parties makes it education and research too."""
    joined = _BLANK.sub(" ", "\n".join(texts))
    found = {sid for sid, pattern in _cue_patterns() if pattern.search(joined)}
    if any(_UNIVERSITY.search(p) for p in parties):
        found.add("education_research")
    return tuple(s.id for s in SECTORS if s.id in found)


_UNIVERSITY = re.compile(
    r"(?:대학교|대학|[가-힣]{2,}(?<!시|세|확|기|군|부|연|지|무|상|반|최|극)대)$"
)


# A signing sentence that refers to content told just before ("이 같은 내용의 업무협약").
_REFERS_BACK = re.compile(r"이\s?같은|이와\s?같은|이런\s?내용|이러한|해당\s?내용")
# A sentence after the signing one that describes the deal.
_DESCRIBES = re.compile(
    r"^(?:\S+\s)?(?:이번\s?(?:협약|MOU|양해각서|업무협약)|협약에\s?따라|협약을\s?통해|"
    r"이에\s?따라|양\s?(?:기관|사|측)은|두\s?(?:기관|회사)은|양사는|\S+사는\s)"
)


def describing_sentences(sentences: Sequence[str], signed: Sequence[int]) -> list[int]:
    """The title, the signing sentences and the neighbours that describe their content."""
    chosen = {0, *signed}
    for i in signed:
        if i > 1 and _REFERS_BACK.search(sentences[i]):
            chosen.add(i - 1)
        if i + 1 < len(sentences) and _DESCRIBES.search(sentences[i + 1]):
            chosen.add(i + 1)
    return sorted(chosen)
