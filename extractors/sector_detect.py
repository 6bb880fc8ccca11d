"""Sectors an agreement covers, from the cue words of the sentences that describe it.

The sentences are the title, the signing sentences, the one before a signing sentence that says
"이 같은 내용의 업무협약", and the run after it that spells out the content ("이번 협약으로",
"협약에 따라 세 기관은", "...등 6대 협력 과제가 담겼다"). Quoted speech is left out (hopes, not
terms). Names of ministries and the like ("기후환경에너지부", "방송통신심의위원회"), venues,
people's titles and look-alikes ("버지니아주 소재" = located in, 재활용, 포항시장) are blanked
first: they say who signed and where, not what about. A plant or material of another industry
("배터리 공장", "반도체 소재") is that industry, not manufacturing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from extractors.sectors import BROAD_CUES, FIELD_NOUNS, SECTORS

# Asides that name who signed or a stock code ("(회장 우희종)", "(076610)"), not glosses such
# as "생명공학(바이오)" or "인공지능(AI)", which carry cues.
_PERSON_PAREN = (
    r"\([^)]{0,40}(?:장|대표|이사|회장|총장|지사|시장|위원|교수|의원)(?:\s[^)]{0,10})?\)|"
    r"\(\d{6}\)|\(주\)|㈜"
)
# Names of the signing organisations carry cues of their line of business, not of the deal
# ("국민건강보험공단", "카카오모빌리티", "광동제약", "국방과학연구소", "현대자동차그룹",
# "제주항공우주박물관").
_ORG_NAME = (
    r"[가-힣A-Za-z]{1,40}(?:공단|연구소|연구원|제약|석유화학|모빌리티|첨단소재|자동차그룹|차그룹|박물관|과학관|미술관)"
    r"(?=[\s,·와과는은이가의(’'\"”\-–]|$)"
)
# Words that contain a cue without meaning it. Every repeat is bounded (a word of at most 40
# characters before its suffix): an unbounded one tried at every position of a long run without
# spaces costs the square of its length (100,000 characters took 270 s, issue 11).
_BLANK = re.compile(
    r"\S{0,40}(?:부|처|청|위원회|교육원|연수원)"
    r"(?=[\s,·와과는은이가의’'\"”-]|$)|"
    r"(?<=[시구군동도주읍면국권역]\s)소재(?=\s)|소재지|"
    r"\S{1,40}(?:장|센터|홀|호텔|회의실|청사|본관|사옥|캠퍼스|본사|전시관|회관)(?:에서|에\s)|"
    r"\S{0,40}(?:위원장|총장|학장|처장|원장|사장|회장|대표|지사|장관|차관|청장)(?=[\s(,]|$)|"
    r"[가-힣]{1,40}시장(?=[\s(,]|$)(?!\s?(?:진출|공략|개척|확대|점유))|"
    r"(?:안전|상조|장례|기업|조직|직장|소비|나눔|기부|결혼\S{0,10}|보행|교통|과학|금융|노사|근무|건강|"
    r"생활|시민|존중|배려|칭찬|보안|준법|윤리|청렴|가족|육아|출산)\s?문화|다문화|"
    r"무역\s?갈등|수출\s?규제|무역\s?분쟁|생태계|환경\s?조성|투자\s?유치|유학생|"
    r"제조(?:사|기업|업체|회사)|항공사|\S{1,40}항공(?=[와과은는이가의\s,])|"
    + _ORG_NAME
    + "|"
    + _PERSON_PAREN
)


# A headline over several short items ("... 개최 외", "[동정]").
_ROUNDUP = re.compile(r"\s외\s*$|^\[(?:플라자|동정|인사|부고|게시판|알림)\]")
# Quoted speech ("“... 중심지로 도약하겠다”고 말했다"): hopes and background, not the deal.
# Short quotes are names or titles and stay; a quote has at most 600 characters
# and no opening mark inside (both keep the pattern linear on runs of marks or text).
_SPEECH = re.compile(r"“[^“”]{25,600}”|\"[^\"\n]{25,600}\"")


def blank(text: str) -> str:
    """The text with names, titles, venues and look-alikes blanked (they carry no field)."""
    return _BLANK.sub(" ", text)


def unquoted(text: str) -> str:
    """The text without its quoted speech (hopes, not terms)."""
    return _SPEECH.sub(" ", text)


def is_roundup(headline: str) -> bool:
    """A headline over several short items ("... 개최 외", "[동정]")."""
    return _ROUNDUP.search(headline) is not None


@functools.cache
def cue_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for sector in SECTORS:
        cues = sorted(sector.cues + FIELD_NOUNS.get(sector.id, ()), key=len, reverse=True)
        out.append((sector.id, re.compile("|".join(_cue(c) for c in cues))))
    return tuple(out)


@functools.cache
def broad_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The broad words of each sector (`sectors.BROAD_CUES`), for the fitted model only."""
    return tuple(
        (sid, re.compile("|".join(_cue(c) for c in sorted(cues, key=len, reverse=True))))
        for sid, cues in BROAD_CUES.items()
    )


# Cues that are also part of unrelated words: 재활 (rehabilitation) in 재활용 (recycling),
# 가스 in 메가스터디/라스베가스, 양자 (quantum) in 양자 회담/양자 협력 (bilateral), 데이터 (AI)
# in 데이터링크 (a weapons datalink).
_LOOK_ALIKES = {
    "재활": r"(?!용)",
    "가스": r"(?<![메베])(?<!온실)가스(?!라이팅)",
    # 조선대, 해운대 (places), 연수구, 수산화리튬, 탄소섬유, 전력화 (military), 무기한, 은행나무,
    # 위성도시, 게임체인저: another word around the cue.
    "해운": r"(?!대)",
    "연수": r"(?!구)",
    "수산": r"(?!화)",
    "탄소": r"(?!나노|섬유)",
    "전력": r"(?!화|\s?증강)",
    "무기": r"(?!한|질)",
    "은행": r"(?!나무)",
    "위성": r"(?!도시)",
    "게임": r"(?!\s?체인저)",
    # 공연 (a performance) inside 항공연구 (aerospace research); 정원 (a garden) as a quota
    # (의대 정원, 모집 정원 외) or inside 조정원, 행정원.
    "공연": r"(?<!항)공연(?!구)",
    "정원": r"(?<![조행])(?<!의대)(?<!의대\s)(?<!모집)(?<!모집\s)(?<!입학)(?<!입학\s)정원"
    r"(?!\s?(?:외|미달|감축|증원|이다))",
    "양자": r"(?=\s?(?:기술|컴퓨|과학|정보|암호|통신|센서|소자|물리|역학|내성|보안))",
    "데이터": r"(?!\s?링크)",
    # 조선 (shipbuilding) in the names of a newspaper, a hotel brand or a dynasty.
    "조선": r"(?<!웨스틴)(?<!웨스틴\s)(?<!그랜드)(?<!그랜드\s)조선"
    r"(?!\s?(?:일보|비즈|에듀|호텔|팰리스|왕조|시대|총독|후기|초기|중기|왕실|통신사)|대)",
}


def _cue(cue: str) -> str:
    # Latin cues are whole words ("AI" but not "PAID"); Hangul cues match inside compounds.
    if re.fullmatch(r"[A-Za-z0-9\-]+", cue):
        return rf"(?<![A-Za-z]){re.escape(cue)}(?![A-Za-z])"
    guard = _LOOK_ALIKES.get(cue, "")
    if guard.startswith("(?<") and cue in guard:
        return guard  # a guard on both sides, the cue inside it
    if guard.startswith("(?<"):
        return guard + re.escape(cue)
    return re.escape(cue) + guard


def detect_sectors(
    texts: Sequence[str], parties: Sequence[str] = (), headline: str = ""
) -> tuple[str, ...]:
    """Sector ids whose cues occur in the headline or the texts (quoted speech left out), in the
    order of SECTORS; a university among the parties makes it education and research too."""
    body = _SPEECH.sub(" ", "\n".join(texts))
    if _ROUNDUP.search(headline):
        headline = ""  # "[플라자] A 행사 개최 외": the headline is about another item
    joined = _BLANK.sub(" ", f"{headline}\n{body}")
    found = {sid for sid, pattern in cue_patterns() if pattern.search(joined)}
    if "manufacturing" in found and found & _INDUSTRIES and not _MAKING.search(joined):
        found.discard("manufacturing")  # "배터리 공장", "반도체 소재": that industry's plant
    if any(_UNIVERSITY.search(p) for p in parties):
        found.add("education_research")
    return tuple(s.id for s in SECTORS if s.id in found)


# Sectors whose plants, parts and materials are theirs, not "manufacturing" as a field; and the
# cues that name manufacturing itself.
_INDUSTRIES = {
    "semiconductor",
    "bio_health",
    "battery",
    "mobility",
    "energy",
    "aerospace_defense",
    "beauty",
    "agri_food",
    "shipbuilding",
    "robotics",
}
_MAKING = re.compile(r"제조|스마트\s?공장|생산\s?(?:공장|라인)|소부장|소재|나노")

_UNIVERSITY = re.compile(
    r"(?:대학교|대학|[가-힣]{2,}(?<!시|세|확|기|군|부|연|지|무|상|반|최|극)대)$"
)


# A signing sentence that refers to content told just before ("이 같은 내용의 업무협약").
_REFERS_BACK = re.compile(r"이\s?같은|이와\s?같은|이런\s?내용|이러한|해당\s?내용")
# A sentence after the signing one that describes the deal: it opens on the deal or the parties
# ("이번 협약으로", "협약에 따라 세 기관은", "양사는"), or it states the deal's content.
_DESCRIBES = re.compile(
    r"^(?:\S+\s){0,2}(?:이번\s?(?:협약|MOU|양해각서|업무협약|협력|업무제휴|제휴)(?!식|\s?체결식)|"
    r"[가-힣]*(?:협약|MOU|양해각서|의향서|LOI|협정|약정)(?:\([A-Za-z]+\))?\s?(?:체결)?(?!식)"
    r"(?:에\s?따라|을\s?통해|으로|로|은|는|의\s?(?:주요\s?)?내용|의\s?핵심)|"
    r"이에\s?따라|이를\s?(?:통해|위해|바탕으로)|(?:주요|핵심)\s?(?:협력\s?)?내용은|양\s?(?:기관|사|측)은|(?:두|세|네|[2-9]개?)\s?(?:기관|회사|사|도시|지역|나라|대학|병원|단체)[은는]|양사는|"
    r"(?:[0-9]|[양자각두세네])사는\s)|"
    r"(?:협력\s?과제|주요\s?내용|골자로|내용을\s?담|내용이\s?담|과제가\s?담)"
)
# Sentences that may sit between a signing sentence and its description: a caption, a credit,
# who attended.
_FILLER = re.compile(r"^\s*$|^\[?사진|/\S+$|참석했다|참석한\s가운데|기념\s?촬영")
# How far after a signing sentence its description may run.
_DESCRIPTION_SPAN = 3


def describing_sentences(sentences: Sequence[str], signed: Sequence[int]) -> list[int]:
    """The title, the signing sentences and the run of sentences after each that describe its
    content ("이번 협약은 ...", "협약에 따라 세 기관은 ..."), skipping captions in between."""
    chosen = {0, *signed}
    for i in signed:
        if i > 1 and _REFERS_BACK.search(sentences[i]):
            chosen.add(i - 1)
        for j in range(i + 1, min(len(sentences), i + 1 + _DESCRIPTION_SPAN)):
            if _DESCRIBES.search(sentences[j]):
                chosen.add(j)
            elif j not in signed and not _FILLER.search(sentences[j]):
                break
    return sorted(chosen)


# A sentence saying what the parties will do together: "나노 및 인공지능(AI) 등 신사업에서도
# 협력한다", "공동연구에 협력키로 했다", "언어지능 분야 공동연구를 추진키로 합의했다".
_COOPERATES = re.compile(
    r"협력(?:한다|하기로|키로|할\s?계획|할\s?방침|해\s?나갈|을\s?(?:확대|강화)한다|도\s?확대)|"
    r"공동\s?(?:연구|개발)\S{0,3}\s?(?:추진|진행|협력|나서)|"
    r"(?:추진|협력)(?:하기로|키로)\s?합의"
)
# How far into the article a cooperation sentence is read as the deal's (the lead and a little).
COOPERATION_SPAN = 3


def cooperation_sentences(sentences: Sequence[str], signed: Sequence[int]) -> list[int]:
    """Sentences of the lead, or right after a signing sentence, that say what the parties will
    do together: their fields are the deal's even when no agreement word is in them."""
    near = set(range(1, 1 + COOPERATION_SPAN))
    for i in signed:
        near.update(range(i + 1, i + 1 + _DESCRIPTION_SPAN))
    return sorted(
        i for i in near if 0 < i < len(sentences) and _COOPERATES.search(sentences[i]) is not None
    )
