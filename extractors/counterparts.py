"""Which foreign countries are counterparts of the signed agreements, not just mentioned.

A country is a counterpart when it names a signing party: the noun phrase it starts ends in a
party particle ("독일 머크와", "사우디 국방연구소 간", "프랑스의 경제산업디지털부는"), or it is the
partner in a pair form ("한·독 기업협력 업무협약", "韓-사우디"). The same country heading a phrase
that ends in a place ("사우디아라비아 리야드에서"), a market ("미국 시장 진출을 위한") or a dispute
("미·중 무역 갈등") is background. Phrases are walked word by word (어절) with Kiwi's tags deciding
what ends a word: a particle (와/과, 에서, 을), a copula (기업인), or nothing.

Kiwi also settles look-alikes: 이란/인도/수단 count only where Kiwi tags them a proper noun, and
company names that start like a pair (한미반도체, 한일시멘트) are single tokens.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.companies import org_matches
from extractors.gazetteer import (
    HANJA,
    PAIR_ABBREVIATIONS,
    korean_names,
    lookup_country,
    place_names,
)
from extractors.kiwi_analyzer import WORD, Tok, Word, token_at, words_of
from extractors.status import AGREEMENT_WORD, Tense, follow_on_parts, read


class Role(enum.Enum):
    PARTY = "party"
    """Names a signer: "X와", "X 간", a bilateral pair form."""
    SUBJECT = "subject"
    """Heads the subject ("X는 ... 체결했다"): a signer too; tells foreign-only deals."""
    CONTEXT = "context"
    """A place, a market, a dispute, an event: not a counterpart."""


@dataclass(frozen=True)
class Mention:
    code: str
    start: int
    end: int
    role: Role
    pair: bool = False
    phrase: str = ""
    """The words of the noun phrase the country heads, up to its particle."""
    company: bool = False
    """A well-known foreign organisation named without its country (`companies.py`,
    `foreign_orgs.tsv`)."""


# Nouns that make a country phrase a market, trade flow or dispute rather than a party.
_TOPIC_NOUNS = {
    "시장",
    "진출",
    "수출",
    "수입",
    "판로",
    "규제",
    "제도",
    "대응",
    "갈등",
    "분쟁",
    "관세",
    "무역",
    "제재",
    "정책",
    "전쟁",
    "현지",
    "내",
    "산",
    "출장",
    "순방",
    "방문",
    "국빈",
    "정상회담",
    "회담",
    "수교",
    "대선",
    "선거",
    # A person's origin ("미국 국적의 대표가 이끄는 A사와"). Bodies of a country's people in
    # Korea keep the country, as embassies do: the gold reads 재한베트남유학생총회 as VN.
    "국적",
    "출신",
}
# "베트남 현지 기업 빈그룹과": 현지 before a kind of body names a body of that country, where
# "베트남 현지에서" or "현지 법인" (a Korean firm's unit, below) do not.
_LOCAL_BODY = re.compile(
    r"\s?(?:유통|제약|건설|물류|투자|금융|방산|에너지|IT)?\s?"
    r"(?:기업|업체|회사|대학|병원|은행|기관|정부|파트너|협력사|단체|학교|연구소|조선소|바이어|운영사)"
)
# A country right before these is a Korean company's unit abroad ("베트남 법인").
_UNIT_ABROAD = re.compile(r"\s?(?:현지\s?)?(?:법인|지사|지점|공장|사무소|지부|자회사|생산기지)")
# Words that make a fused pair form (한독, 한미) bilateral rather than part of a company name.
_BILATERAL = re.compile(
    r"\s?(?:협력|정상|양국|관계|동맹|경제|교류|상공|상의|협회|FTA|기업|산업|공동|포럼|MOU|협약|업무|"
    r"비즈니스|외교|국방|통상|재계|투자|과학|우호|수교|간|미래|파트너|클러스터|스타트업|중소|벤처|친선|"
    r"문화|청년|대학|기술|협정|의원|교육|학생|청소년)"
)


def _bilateral_after(sentence: str, end: int) -> bool:
    """A fused pair (한불, 한독) heads a bilateral phrase, not a company name (한독, 한불화장품):
    a bilateral word follows within two words, and nothing is glued to the pair ("한일홀딩스",
    "한독은", "한독, 문화재단과" are a firm)."""
    if re.match(r"대(?:학교?)?(?![가-힣])|대학교", sentence[end:]):
        return False  # "한중대", "한영대학교": a university
    if _BILATERAL.match(sentence, end):
        return True
    if end < len(sentence) and not sentence[end].isspace():
        return False
    following = sentence[end:].split()[:2]
    return len(following) == 2 and _BILATERAL.match(" " + following[1]) is not None


_EVENT_AFTER_PAIR = re.compile(
    r"^\s?(?:정상|외교|국방|통상|재무|산업)?\s?(?:장관\s?)?(?:회담|순방|정상회의|수교|갈등|분쟁|전쟁|무역|FTA|관세|동맹)|"
    r"^\s?(?:\S+\s)?(?:포럼|박람회|전시회|엑스포|페스티벌|축제|세미나|컨퍼런스|콘퍼런스|상담회|로드쇼|주간)"
)
_SEP = r"\s?[-·‧ㆍ・–—/]\s?"
_KOREA = r"(?:한국|대한민국|韓|한)"
_JOSA_PARTY = {"와", "과", "랑", "이랑", "하고"}
_JOSA_SUBJECT = {"은", "는", "이", "가", "도", "께서"}
_MAX_WORDS = 9


@functools.cache
def _name_pattern() -> re.Pattern[str]:
    """Country names and foreign places ("톈진", "앵커리지시"), longest first."""
    every = {**place_names(), **korean_names()}
    names = sorted(
        (n for n, c in every.items() if c != "KR" and len(n) >= 2), key=len, reverse=True
    )
    return re.compile("|".join(re.escape(n) for n in names))


@functools.cache
def _pair_pattern() -> re.Pattern[str]:
    partners = sorted(
        {*(a for a, codes in PAIR_ABBREVIATIONS.items() if len(codes) == 1)}
        | {n for n, c in korean_names().items() if c != "KR"},
        key=len,
        reverse=True,
    )
    alt = "|".join(re.escape(p) for p in partners)
    return re.compile(rf"(?<![가-힣A-Za-z]){_KOREA}{_SEP}({alt})((?:{_SEP}(?:{alt}))*)")


_FUSED_PAIR = re.compile(r"(?<![가-힣])한(미|중|일|독|불|영|러|베|호|몽|캐|인니)")
_HANJA_PAIR = re.compile("韓(" + "|".join(c for c in HANJA if c != "韓") + ")")
_HANJA_PREFIX = re.compile(
    "(?<![一-鿿])(" + "|".join(c for c in HANJA if c != "韓") + r")(?![一-鿿])"
)
_KOREA_NAME = re.compile(r"(?<![가-힣A-Za-z])(?:대한민국|한국|우리나라|韓)(?![-·‧ㆍ・])")
_ENGLISH = re.compile(r"\b(UAE|EU|USA|U\.S\.|UK)\b")
_ENCLAVE = re.compile(r"(?:주한|재한|駐韓)\s?$")


def mentions(sentence: str, tokens: Sequence[Tok], title: bool = False) -> list[Mention]:
    """Every foreign-country mention in one analysed sentence, with its role. In a headline
    "X와" is a party whatever follows ("英 케임브리지대와 양자기술 연구 나선다")."""
    words = words_of(sentence, tokens)
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(code: str, start: int, end: int, pair: bool = False, company: bool = False) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        if pair:
            role, phrase = _pair_role(sentence, end), sentence[start:end]
        elif company:
            role, phrase = _company_role(sentence, words, start, end, title)
        else:
            role, phrase = _role(sentence, words, start, end, title)
        found.append(Mention(code, start, end, role, pair, phrase, company))

    for m in _pair_pattern().finditer(sentence):
        partner, more = m.group(1), m.group(2)
        if _REGION_AFTER.match(sentence, m.start(1)):
            continue  # "한-아세안", "한·아프리카", "한-중앙아": a region, not 아르헨티나 or 중국
        listed = m.group(0).startswith(("한국", "대한민국")) and not re.search(r"[-–—]", m.group(0))
        if listed and not _BILATERAL.match(sentence, m.end()):
            continue  # "한국·일본과 같은 15%": a list of countries, not a pair form
        if more:  # 한·중·일: a trilateral mention is no counterpart by itself
            taken.append((m.start(), m.end()))
            continue
        for code in _pair_codes(partner):
            add(code, m.start(), m.end(), pair=True)
    for m in _HANJA_PAIR.finditer(sentence):
        add(HANJA[m.group(1)], m.start(), m.end(), pair=True)
    for m in _FUSED_PAIR.finditer(sentence):
        token = token_at(tokens, m.start())
        if token is None or token.form != m.group(0) or not _bilateral_after(sentence, m.end()):
            continue
        for code in _pair_codes(m.group(1)):
            add(code, m.start(), m.end(), pair=True)
    # A listed organisation whose name holds a place of another country ("조지아공대" is in
    # the US, not in Georgia) is read as the organisation.
    orgs = org_matches(sentence)
    for m in _name_pattern().finditer(sentence):
        inside = [o.country for o in orgs if o.name_start <= m.start() and m.end() <= o.name_end]
        if inside and (korean_names().get(m.group(0)) or place_names()[m.group(0)]) != inside[0]:
            continue
        if _is_proper_noun(sentence, tokens, m.start(), m.end()):
            code = korean_names().get(m.group(0)) or place_names()[m.group(0)]
            if not _UNIT_ABROAD.match(sentence, m.end()):
                add(code, m.start(), m.end())
    for m in _HANJA_PREFIX.finditer(sentence):
        if not _UNIT_ABROAD.match(sentence, m.end()):  # "삼성전자 美법인": its own unit
            add(HANJA[m.group(1)], m.start(), m.end())
    for o in orgs:  # "넷플릭스는", "한국마이크로소프트와"
        if any(f.start <= o.start < f.start + len(f.phrase) for f in found):
            continue  # "英 케임브리지대와": the text names the country itself
        add(o.country, o.start, o.end, company=True)
    for m in _KOREA_NAME.finditer(sentence):  # the Korean side, to tell foreign-only deals
        add("KR", m.start(), m.end())
    for m in _ENGLISH.finditer(sentence):
        english = lookup_country(m.group(1))
        if english:
            add(english, m.start(), m.end())
    return sorted(found, key=lambda x: x.start)


def _pair_codes(partner: str) -> tuple[str, ...]:
    codes = PAIR_ABBREVIATIONS.get(partner)
    if codes is not None:
        return codes if len(codes) == 1 else ()
    code = korean_names().get(partner)
    return (code,) if code else ()


def _is_proper_noun(sentence: str, tokens: Sequence[Tok], start: int, end: int) -> bool:
    """Kiwi agrees the span is a name: a proper noun starting there (인도 정부, not 제품 인도),
    or a name glued after 주한/재한 (주한독일상공회의소)."""
    token = token_at(tokens, start)
    if token is None or token.tag not in ("NNP", "SL"):
        return False
    if token.start < start and _ENCLAVE.search(sentence[token.start : start]):
        return True  # "주한미국상공회의소" read as one name
    if token.start != start or (token.end != end and sentence[token.end : end] not in _SUFFIXES):
        return False  # ... but "텍사스주" may come as 텍사스 + 주
    glued = start > 0 and re.match(r"[가-힣A-Za-z0-9]", sentence[start - 1]) is not None
    if glued and _ENCLAVE.search(sentence[:start]) is None:
        return False
    return not _name_fragment(tokens, end)


# Administrative suffixes Kiwi splits off a place name ("텍사스주" = 텍사스 + 주).
_SUFFIXES = frozenset("주시성현도군구")


# A Korean firm expert in a country ("인도네시아 전문 여행사"), not "에스토니아의 미사일 전문
# 방산기업" (the country's firm, expert in something else).
_EXPERT = re.compile(r"\s?전문")
# A country's language or people ("베트남어", "중국인"), not "중국인민은행".
_PEOPLE_OR_LANGUAGE = re.compile(r"[어인](?:의|을|를|과|와|이|가|은|는|도|으로|로)?(?![가-힣])")


# One-syllable nouns that follow a country inside a word ("중국산", "미국인", "일본 측").
_COUNTRY_SUFFIXES = frozenset("산계인어군측령발행판식제형내외간전팀쪽차화령풍법")


def _name_fragment(tokens: Sequence[Tok], end: int) -> bool:
    """True when the country is the start of a longer name Kiwi cut in two: a lone syllable
    glued after it that is no suffix of a country ("피지티" = 피지 + 티, a firm), or glued nouns
    that end in no kind of body ("밀라노웨딩홀", "도쿄등심", "독일마을": a Korean shop, a
    village), unlike "하노이국립대", "톈진크루즈요트협회", "중국정부"."""
    after = token_at(tokens, end)
    if after is None or after.start != end or after.tag not in ("NNG", "NNP", "NNB"):
        return False
    if len(after.form) == 1:
        return after.form not in _COUNTRY_SUFFIXES
    glued, pos = "", end
    for t in tokens:
        if t.start == pos and t.tag.startswith(("NN", "XSN")):
            glued, pos = glued + t.form, t.end
    return not (_ORG_SUFFIX.search(glued) or _GLUED_BODY.search(glued))


# Glued nouns after a country that name its bodies or parts ("중국정부", "미국기업", "일본법인").
_GLUED_BODY = re.compile(
    r"(?:정부|기업|법인|지사|시장|현지|측|당국|국영|국립|상의|시|주|성|현|도)$"
)


def _role(
    sentence: str, words: list[Word], start: int, end: int, title: bool = False
) -> tuple[Role, str]:
    """Walk the noun phrase a country heads until a word ends in a particle, and read that."""
    index = next((i for i, w in enumerate(words) if w.start <= start < w.end), None)
    if index is None or _PEOPLE_OR_LANGUAGE.match(sentence, end) or _EXPERT.match(sentence, end):
        return Role.CONTEXT, ""  # "베트남어 통번역 업체", "중국인 관광객", "인도네시아 전문 여행사"
    k = index
    based = 0  # where the body based in the place begins ("도쿄에 있는 [은행 본점을]")
    while k < min(len(words), index + _MAX_WORDS):
        word = words[k]
        phrase = sentence[start : word.end]
        tail = [t for t in word.tokens if t.end > end] if k == index else list(word.tokens)
        topic = [t for t in tail if t.form in _TOPIC_NOUNS and t.tag.startswith("NN")]
        if topic and _ORG_WORD.search(
            re.sub(r"(?:와|과|은|는|이|가|의|을|를)$", "", sentence[word.start : word.end])
        ):
            topic = []  # "베트남 산업무역부와": 무역 inside a ministry's name
        if any(t.form != "현지" or not _LOCAL_BODY.match(sentence, t.end) for t in topic):
            return Role.CONTEXT, phrase
        if any(t.form in ("간", "사이") and t.tag in ("NNB", "NNG") for t in tail):
            return Role.PARTY, phrase
        ending = _ending(tail)
        if title and ending == "continue" and sentence[word.end - 1] in ",…":
            # "英 로이드선급, 에이치라인해운과 MOU": a headline's comma ends its subject
            return Role.SUBJECT, phrase.rstrip(",…")
        if ending == "continue":
            k += 1
            continue
        sited = _sited(sentence, words, k, tail)
        if sited:  # "도쿄에 있는 은행 본점을", "시애틀에 본사를 둔 X와": the body based there
            k += 1 + sited
            based = words[k].start if k < len(words) else len(sentence)
            continue
        if based and ending is not Role.CONTEXT and _KOREAN_SIDE.search(sentence[based : word.end]):
            # "독일 프랑크푸르트에 있는 전남도 유럽사무소와": a Korean body's office abroad (its
            # phrase stops at the place, so the office's name is not read as the place's)
            return Role.CONTEXT, sentence[start:based].rstrip()
        if ending is Role.PARTY:
            if title:
                return Role.PARTY, phrase
            return _after_with(sentence, words[k + 1 :]), phrase
        if ending is Role.CONTEXT and tail and tail[-1].tag == "JKO":
            if _visited_body(sentence, words, k, tail) and not _KOREAN_SIDE.search(
                sentence[based or end : word.end]
            ):
                return Role.PARTY, phrase
            return _list_head(sentence, words, k), phrase
        if ending is Role.SUBJECT and _side_clause(sentence, words, k):
            return Role.CONTEXT, phrase
        return ending, phrase  # type: ignore[return-value]
    return Role.CONTEXT, sentence[start : words[min(len(words), index + _MAX_WORDS) - 1].end]


def _side_clause(sentence: str, words: list[Word], k: int) -> bool:
    """ "중국 경기 둔화가 장기화하자 A는 ... 체결했다", "엔화 약세가 계속되는 가운데": the subject
    of a clause of its own, whose predicate (the next word) is no signing and ends in a
    subordinating ending; not "X 대사가 참석해 ... 체결했다" (one subject for both verbs)."""
    if k + 1 >= len(words):
        return False
    word = words[k + 1]
    tokens = list(word.tokens)
    if not tokens or not any(t.tag in ("VV", "VA", "XSV", "XSA") for t in tokens):
        return False
    if _SIGNING_STEM.search(sentence[word.start : word.end]):
        return False
    last = tokens[-1]
    if last.tag == "EC":
        return last.form in _SUBORDINATE
    if last.tag == "ETM" and k + 2 < len(words):
        return _CIRCUMSTANCE.match(sentence, words[k + 2].start) is not None
    return False


_SIGNING_STEM = re.compile(r"체결|서명|맺|조인|교환|맞손|손잡|합의")
# Endings of a clause with a subject of its own: "-자", "-면서", "-는데", "-지만", "-니".
_SUBORDINATE = frozenset(
    {"자", "면서", "으면서", "는데", "은데", "ᆫ데", "지만", "니", "으니", "니까"}
)
# "-는 가운데", "-ㄴ 속에": the circumstances of the signing.
_CIRCUMSTANCE = re.compile(r"가운데|속에|속|와중|상황|탓|때문|만큼|데다")


# "X에 있는/위치한/소재한 Y", "X에 본사를 둔 Y": Y is based in X.
_SITED_ONE = re.compile(r"^(?:있는|위치한|소재한|자리한|자리잡은|자리\s?잡은|있던|위치해\s?있는)$")
_SITED_TWO = re.compile(r"^(?:본사|본부|본점|거점|근거지)(?:를|을)\s(?:둔|두고\s있는)$")
# A word that names a ministry or agency ("산업무역부", "무역투자청", "무역진흥공사").
_ORG_WORD = re.compile(r"[가-힣]{2,}(?:부|청|처|공사|공단|위원회|진흥원|협회|기구|센터)$")
# Ends of organisation names ("경찰청", "과학아카데미", "조선소", "본점", "이민청").
_ORG_SUFFIX = re.compile(
    r"(?:청|부|원|처|국|소|점|관|회|단|사|센터|아카데미|대학|대학교|대|공사|공단|은행|병원|그룹|협회|"
    r"재단|기구|위원회|정부|의회|학교|academy)$",
    re.IGNORECASE,
)
# Nouns that name a place, not a body, as the object of a visit ("하노이시를 방문해").
_PLACE_NOUN = re.compile(r"(?:시|성|주|도|현|군|구|수도|지역|일대|현지|국가|나라|도시)$")
_VISIT_NEXT = re.compile(r"^\s?(?:방문|찾)")


def _sited(sentence: str, words: list[Word], k: int, tail: list[Tok]) -> int:
    """How many words after "X에" say a body is based in X (0 when they do not)."""
    if not tail or tail[-1].tag != "JKB" or tail[-1].form != "에":
        return 0
    following = [sentence[w.start : w.end] for w in words[k + 1 : k + 3]]
    if following and _SITED_ONE.match(following[0]):
        return 1
    if len(following) == 2 and _SITED_TWO.match(" ".join(following)):
        return 2
    return 0


def _visited_body(sentence: str, words: list[Word], k: int, tail: list[Tok]) -> bool:
    """ "캄보디아 경찰청을 방문해 ... 서명했다": the body visited for the signing is a party; a
    city or a country visited ("하노이를 방문해") is not."""
    if k + 1 >= len(words) or not _VISIT_NEXT.match(sentence[words[k + 1].start :]):
        return False
    nouns = [t for t in tail if t.tag in ("NNG", "NNP")]
    if not nouns:  # "캄보디아를 방문해": the country alone
        return False
    last = nouns[-1].form
    every = place_names()
    if last in every or lookup_country(last) is not None or last in _TOPIC_NOUNS:
        return False
    if _PLACE_NOUN.search(last):
        return False
    # "독일 하노버를 방문해 KOTRA와 협약": a name Kiwi knows no more of, with another partner
    # named after the visit, is the city visited, not a body.
    after = sentence[words[k].end :]
    deal = re.search(r"체결|서명|맺", after)
    partner = re.search(r"[가-힣A-Za-z)]+(?:와|과)\s", after[: deal.start() if deal else None])
    return not (partner and not _ORG_SUFFIX.search(last))


def _company_role(
    sentence: str, words: list[Word], start: int, end: int, title: bool
) -> tuple[Role, str]:
    """A company is a party only by its own particle ("넷플릭스와", "‘넷플릭스’는"); a name that
    goes on into another noun ("엔비디아 GPU", "중국의 아마존' 징둥과") is not the party."""
    # The word the name ends in: "아마존웹서비시즈 코리아와" ends in its second word.
    word = next((w for w in words if w.start < end <= w.end), None)
    word = word or next((w for w in words if w.start <= start < w.end), None)
    if word is None:
        return Role.CONTEXT, ""
    ending = _ending([t for t in word.tokens if t.end > end])
    phrase = sentence[start : word.end]
    if ending is Role.PARTY:
        if title:
            return Role.PARTY, phrase
        return _after_with(sentence, [w for w in words if w.start > word.start]), phrase
    if ending is Role.SUBJECT:
        return Role.SUBJECT, phrase
    if ending == "continue" and _between(words, start, end, words.index(word)):
        return Role.PARTY, phrase  # "SBA와 알리바바 타오바오 글로벌 간의 업무협약"
    tail = [t for t in word.tokens if t.end > end]
    if tail and tail[-1].tag == "JKO":  # "엔비디아를 비롯해 ... 6대 기관과"
        return _list_head(sentence, words, words.index(word)), phrase
    if tail and tail[-1].form == "," and not title:  # "구글 클라우드 코리아, B사 등 40곳과"
        return _list_end(sentence, words, words.index(word) + 1), phrase
    tag = _TAG_PREFIX.match(sentence)
    if tail and tail[-1].form == "," and tag and tag.end() == start:
        # The headline's announcing party, its subject: "마이크로소프트, 수자원공사와 손잡고"
        deal = _list_end(sentence, words, words.index(word) + 1) is Role.PARTY
        return (Role.SUBJECT if deal else Role.CONTEXT), phrase
    return Role.CONTEXT, phrase


def _between(words: list[Word], start: int, end: int, k: int) -> bool:
    """ "A와 B ... 간(의)": the name at start:end is the second side of a pair, ended by 간/사이
    within four words of it, and the word before it ends in 와/과."""
    first = next((i for i, w in enumerate(words) if w.start <= start < w.end), None)
    if not first or not words[first - 1].tokens:
        return False
    before = words[first - 1].tokens[-1]
    if before.tag not in ("JKB", "JC") or before.form not in _JOSA_PARTY:
        return False
    for word in words[k : k + 4]:
        tail = [t for t in word.tokens if t.start >= end]
        if any(t.form in ("간", "사이") and t.tag in ("NNB", "NNG") for t in tail):
            return True
        if _ending(tail) != "continue":
            return False
    return False


# What may follow "X와" when X signs: the agreement itself or a word for partnering.
_DEAL = re.compile(AGREEMENT_WORD + r"|맞손|손\s?잡|손을\s?잡|협력|제휴|파트너|계약|동맹")
_PURPOSE = ("위하", "관하", "대하", "향하", "통하")


_LIST_VERB = re.compile(r"^(?:비롯|포함)")


def _list_head(sentence: str, words: list[Word], k: int) -> Role:
    """ "X를 비롯해 A, B 등 6개 기관과 ... 양해각서를 체결했다": X heads a list of signers."""
    if k + 1 >= len(words) or not _LIST_VERB.match(sentence[words[k + 1].start : words[k + 1].end]):
        return Role.CONTEXT
    return _list_end(sentence, words, k + 2)


def _list_end(sentence: str, words: list[Word], first: int) -> Role:
    """The rest of a list of names from words[first] on: its last item's "와/과" and the deal
    after it make every item a signer."""
    for j, word in enumerate(words[first : first + 2 * _MAX_WORDS]):
        ending = _ending(list(word.tokens))
        if ending is Role.PARTY:
            return _after_with(sentence, words[first + j + 1 :])
        if ending != "continue" or _ends_clause(word.tokens):
            return Role.CONTEXT
    return Role.CONTEXT


def _after_with(sentence: str, words: list[Word]) -> Role:
    """ "X와" names a signer when what follows is the deal ("X와 ... 업무협약을", "X와 손잡고")
    or more signers ("X와 Y는"); "미국과 일본을 방문해" is a coordination of places."""
    for word in words[: 2 * _MAX_WORDS]:
        text = sentence[word.start : word.end]
        if _DEAL.search(text):
            return Role.PARTY
        if _ending(list(word.tokens)) is Role.SUBJECT:
            return Role.PARTY
        if _MET.fullmatch(text) or _IN_TURN.fullmatch(text):
            continue  # "X와 만나 ... 체결했다", "X와 잇따라 ... 협약을 체결했다"
        if _ends_clause(word.tokens):
            return Role.CONTEXT
    return Role.CONTEXT


# Adverbs between the parties and the deal: "해외 2개 도시와 잇따라 교류 협약을".
_IN_TURN = re.compile(r"잇따라|잇달아|연이어|차례로|각각|나란히|공동으로|함께")
# Meeting the other side before signing: "X와 만나", "X와 회담을 갖고", "X와 면담한 뒤".
_MET = re.compile(r"(?:만나|만나고|만난|회담하고|회담한|면담하고|면담한|면담해)[,]?")


def _ends_clause(tokens: Sequence[Tok]) -> bool:
    """A verb with an ending ("방문해", "나선다"), except purpose verbs ("위한", "관한") and
    nominalized verbs ("운영하기 위한")."""
    for k, t in enumerate(tokens[1:], start=1):
        prev = tokens[k - 1]
        if t.tag == "ETN":
            continue
        if t.tag.startswith("E") and prev.tag in ("VV", "VA", "XSV", "XSA", "VX"):
            return prev.form not in _PURPOSE
    return False


def _ending(tokens: list[Tok]) -> Role | str:
    """What the last morphemes of a word make of the phrase: go on, or its role."""
    if not tokens:
        return "continue"
    last = tokens[-1]
    tags = [t.tag for t in tokens]
    if last.tag in ("JKB", "JC") and last.form in _JOSA_PARTY:
        return Role.PARTY
    if last.tag == "NNP" and len(last.form) >= 4 and last.form[-1] in "와과":
        return Role.PARTY  # "티센크루프와": an unknown name Kiwi read with its particle
    if last.tag == "NNP" and len(last.form) >= 4 and last.form[-1] in "는은가":
        return Role.SUBJECT
    if last.tag == "JKG" and len(tokens) >= 2 and tokens[-2].form in _JOSA_PARTY:
        return Role.PARTY  # "X와의 협약"
    if last.tag in ("JKS", "JX") and last.form in _JOSA_SUBJECT:
        before = tokens[-2] if len(tokens) >= 2 else None
        if before is not None and before.tag.startswith("J"):
            # "X와도" is still a party; "X으로도", "X에서도" are not subjects
            return Role.PARTY if before.form in _JOSA_PARTY else Role.CONTEXT
        return Role.SUBJECT
    if last.tag == "JKG":
        return "continue"  # "에스토니아의 ... 방산기업 X와"
    if last.tag == "ETN" and len(tokens) >= 2 and tokens[-2].tag.startswith("NN"):
        return "continue"  # "컨설팅펌" read as 컨설팅 + 퍼 + ᆷ: a noun Kiwi cut, not a verb
    if last.tag == "ETM" and len(tags) >= 2 and tags[-2] == "VCP":
        return "continue"  # "전문기업인 X와"
    if last.tag.startswith("J") or last.tag.startswith("E") or last.tag.startswith("V"):
        return Role.CONTEXT
    if last.tag == "XSV" or last.tag == "XSA":
        return Role.CONTEXT
    if last.tag in ("MAG", "MAJ") and last.form not in _LIST_WORDS:
        return Role.CONTEXT  # "인도 MOU 이어 브라질 딜러사와": the phrase ended before "이어"
    return "continue"


# Regions and blocs a pair form may name ("한-아세안 센터", "한·아프리카 정상회의").
_REGION_AFTER = re.compile(
    r"아세안|아프리카|중앙아|중남미|중동|유럽|아시아|아태|북유럽|남미|중미|아랍|태평양|메콩|"
    r"북미|동남아|서남아|걸프|카리브|발칸|북극"
)


# Conjunctions inside a list of parties ("미국 및 일본 기업과").
_LIST_WORDS = frozenset({"및", "또는", "혹은", "또", "그리고"})


def _pair_role(sentence: str, end: int) -> Role:
    """A bilateral pair form names the deal itself unless it heads a summit or a dispute."""
    return Role.CONTEXT if _EVENT_AFTER_PAIR.match(sentence[end:]) else Role.PARTY


# Words standing for a party already named ("측", "양사"), not names themselves.
_GENERIC = {
    "사업자",
    "개발사",
    "업체들",
    "기업들",
    "투자자",
    "컨소시엄",
    "관계기관",
    "측",
    "양사",
    "양측",
    "양국",
    "기관",
    "양",
    "회사",
    "정부",
    "이번",
    "협약",
    "두",
    "세",
    "각",
    "3사",
    "업체",
    "기업",
    "대학",
    "관계자",
    "함께",
    "등",
    "및",
    "이들",
    "이",
}
_PERSON_TITLE = re.compile(r"(?:장|대표|회장|총괄|이사|교수|감독|차관|의원|대사|위원|관계자|팀)$")
_STRIP = re.compile(r"\([^)]*\)|[‘’'\"“”「」『』\[\]<>]")
# A person's title as a word of its own, after the name of the body the person signs for.
_TITLE_ALONE = re.compile(
    r"대표(?:이사)?|(?:부)?회장|(?:부)?사장|이사장|총괄|교수|총장|원장|청장|단장|본부장|센터장|"
    r"장관|차관|대사|위원장|관계자(?:들)?|임원(?:진|들)?|경영진|CEO"
)


def party_names(sentence: str, tokens: Sequence[Tok], proper: bool = True) -> set[str]:
    """Names of the parties of a signing sentence: words ending in 와/과 or the subject;
    proper: only those Kiwi reads as proper nouns (safe to look up elsewhere)."""
    names: set[str] = set()
    words = words_of(sentence, tokens)
    for k, word in enumerate(words):
        ending = _ending(list(word.tokens))
        if ending not in (Role.PARTY, Role.SUBJECT):
            continue
        particles = [t for t in word.tokens if t.tag.startswith("J")]
        cut = particles[0].start if particles else word.end
        name = _STRIP.sub("", sentence[word.start : cut]).strip(" ,·")
        is_proper = any(t.tag in ("NNP", "SL") for t in word.tokens)
        generic = name in _GENERIC or len(name) < 2 or _TITLE_ALONE.fullmatch(name)
        if generic and k > 0 and _nominal(words[k - 1].tokens):
            # "B사 관계자가", "A사 대표(오른쪽)와": the organisation the person signs for
            prev = words[k - 1]
            name = _STRIP.sub("", sentence[prev.start : prev.end]).strip(" ,·")
            is_proper = any(t.tag in ("NNP", "SL") for t in prev.tokens)
        if (
            (is_proper or not proper)
            and len(name) >= 2
            and name not in _GENERIC
            and not _PERSON_TITLE.search(name)
            and lookup_country(name) is None
        ):
            names.add(name)
    return names


def _nominal(tokens: Sequence[Tok]) -> bool:
    """A word of nouns, foreign letters, numbers and brackets only (no verb, no particle)."""
    return bool(tokens) and all(
        t.tag.startswith(("NN", "SL", "SN", "SH", "SS", "XPN", "XSN")) or t.tag in ("SP", "SO")
        for t in tokens
    )


_REGION = r"(?:유럽|북미|남미|중남미|중동|아프리카|동남아시아|동남아|중앙아시아|오세아니아)\S*\s"
_ABBR = re.compile(
    "|".join(sorted((re.escape(a) for a, c in PAIR_ABBREVIATIONS.items() if c), key=len)[::-1])
)
_KOREAN_SIDE = re.compile(
    r"한국|국내|韓|대한민국|(?<![가-힣])한\s?[-·]|K-|삼성|현대|LG|SK|롯데|한화|포스코|KT|CJ|두산|"
    r"HD|KAI|코트라|KOTRA|서울|부산|경기|인천|대구|광주|대전|울산|세종|강원|충북|충남|전북|전남|경북|경남|제주|"
    # Korean groups and firms that news names bare, beside the foreign firms of companies.py.
    r"네이버|카카오|쿠팡|셀트리온|신한|하나(?:은행|금융|증권|카드)|우리(?:은행|금융|카드)|농협|미래에셋|"
    r"한국투자|한투|키움|교보|기아|효성|코오롱|한진|대한항공|아시아나|아모레|에코프로|엔씨소프트|넥슨|"
    r"넷마블|크래프톤|하이브|야놀자|무신사|11번가|(?<![A-Za-z])(?:GS|LS|KB|NH|IBK|HMM|LIG|SKT)(?![A-Za-z])|"
    # A visit to Korea, a state visit, Korea's president and ministries by their full names.
    r"방한|국빈\s?방문|(?:李|尹|文)\s?대통령|지역\s?(?:기업|업체|중소기업|농가|상인)|도내|관내|산업통상자원부|기획재정부|과학기술정보통신부|국토교통부|"
    r"해양수산부|농림축산식품부|중소벤처기업부|보건복지부|고용노동부|문화체육관광부|행정안전부|방위사업청"
)


_VISIT = re.compile(r"(?:을|를)$|에서$")
_VISIT_VERB = re.compile(r"^\s?(?:방문|찾)")
_HELD = re.compile(r"^\s?\S*\s?(?:열린|개최된|진행된|진행\s?중인|열리는|개막한|참가|참석)")
_INTERNATIONAL = re.compile(r"유엔|UN|유네스코|UNESCO|OECD|WHO|세계\S*기구|국제기구|세계은행|IMF")


def _visited(
    sentences: Sequence[str], found: dict[int, list[Mention]], signed: Sequence[int]
) -> list[str]:
    """Countries a Korean party went to and signed in with a local party named without its
    country ("중국 톈진시를 방문해 톈진크루즈요트협회와", "인도네시아 자카르타에서 RS그룹과");
    not the host of a fair or exhibition where Korean firms signed with each other."""
    codes: list[str] = []
    for i in signed:
        sentence = sentences[i]
        local = _LOCAL_AUTHORITY.search(sentence) is not None
        ms = found.get(i, [])
        for k, m in enumerate(ms):
            if m.pair or m.company or m.role is not Role.CONTEXT:
                continue
            if not _VISIT.search(m.phrase.rstrip()):
                continue
            rest = sentence[m.start + len(m.phrase) :]
            if m.phrase.rstrip().endswith(("을", "를")) and not _VISIT_VERB.match(rest):
                continue
            before_deal = rest.split("체결")[0]
            if _HELD.match(rest) or _KOREAN_SIDE.search(before_deal):
                continue
            if _INTERNATIONAL.search(before_deal):
                continue
            if not local and not _LATIN_GLOSS.search(before_deal):
                continue  # no Korean traveller, no name spelled as abroad: maybe Korean parties
            if not re.search(r"(?:와|과)\s", rest) and not (
                local and _city_visited(m.phrase.rstrip(), m.code)
            ):
                continue  # the deal's party is not named: maybe Korean firms met abroad
            # "우즈베키스탄과 키르기스스탄 등 2개국을 방문해": the places listed before go too.
            joined = [p.code for p in ms[:k] if p.role is Role.CONTEXT and _LISTED.search(p.phrase)]
            for code in [*joined, m.code]:
                if code not in codes:
                    codes.append(code)
    return codes


# A foreign city or province visited by a Korean mayor or governor who signs with no other
# party named ("일본 후쿠오카시를 방문해 자매결연 협정을 체결했다"): the city is the party.
_LOCAL_GOVERNMENT = re.compile(r"[가-힣](?:시|성|주|현|도)(?:을|를)$")


def _city_visited(phrase: str, code: str) -> bool:
    """ "일본 후쿠오카시를", "일본 후쿠오카를": a city or province of the country, not itself."""
    words = phrase.split()
    if len(words) < 2:
        return False
    last = re.sub(r"(?:을|를)$", "", words[-1])
    return _LOCAL_GOVERNMENT.search(phrase) is not None or place_names().get(last) == code


# "현지 조선소·대학과", "현지 기업들과": bodies of the place the story is in, named only so.
_LOCAL_PARTY = re.compile(
    r"(?<![가-힣])현지(?!에)\s?(?:[가-힣A-Za-z]+\s)?[가-힣A-Za-z]{0,4}?"
    r"(?:기업|업체|회사|대학|병원|은행|기관|정부|파트너|협력사|단체|학교|연구소|조선소|운영사|"
    r"상공회의소|협회|조합|스타트업|통신사|제약사|유통사|공사|브랜드)"
    r"[가-힣·]{0,8}?(?:들)?(?:\s[가-힣A-Za-z0-9]{2,12}?)?(?:\s?\d+\s?(?:곳|개|개사|개교))?(?:와|과|및|·|,)"
)


def _local_after_country(
    sentences: Sequence[str], found: dict[int, list[Mention]], signed: Sequence[int]
) -> list[str]:
    """ "한화오션은 필리핀을 방문했다. 회사는 현지 조선소·대학과 MOU를 체결했다": a party named
    only as local takes the one foreign country the title and the two sentences before name,
    as a place, a market or the seat of a Korean unit ("베트남 법인은 ... 현지 기업과"), or the
    sentence itself names before it as where it happens ("베트남 하노이에서 현지 식품기업 B와");
    none when they name two."""
    for i in signed:
        local = _LOCAL_PARTY.search(sentences[i])
        own = [m for m in found.get(i, []) if m.code != "KR"]
        if not i or not local or any(m.role is not Role.CONTEXT for m in own):
            continue
        here = [m for m in own if m.start < local.start() and _LOCATIVE.search(m.phrase)]
        places = {
            m.code
            for j in {0, *range(max(1, i - 2), i)}
            for m in found.get(j, [])
            if not m.pair and not m.company and m.code != "KR"
        }
        if here:
            places = {m.code for m in here}
        if len(places) == 1:
            return [next(iter(places))]
    return []


# A party named with its name as spelled abroad ("밸리 워터(Santa Clara Valley Water District)"),
# not an acronym gloss as Korean bodies carry ("(KAIST)").
_LATIN_GLOSS = re.compile(r"\((?=[^()]{0,80}[a-z])[A-Z][A-Za-z.&'’-]*(?:\s[A-Za-z.&'’-]+)+\)")
# A Korean city, county, province or university as the signer who travelled.
_LOCAL_AUTHORITY = re.compile(
    r"[가-힣]+(?:시|군|구|도|대학교|대학|대|시장|군수|구청장|도지사|총장)(?:\([^)]*\))?(?:는|은|가|이)\s"
)
_LISTED = re.compile(r"(?:와|과|,|·)$")


# Names Korean public bodies, places and firms take ("제주도", "국민건강보험공단", "서울대",
# "(주)OO"): evidence of a Korean party beside a foreign company named without its country.
_KOREAN_INSTITUTION = re.compile(
    r"^(?:한국|국립|\(주\)|㈜).|(?:시|도|군|구|청|처|부|공사|공단|진흥원|연구원|재단|협회|조합|"
    r"대학교|대학|대|병원|은행|센터|공제회|교육청|학교|\(주\)|㈜)$"
)


def _korean_named(names: set[str]) -> bool:
    return any(_KOREAN_SIDE.search(n) or _KOREAN_INSTITUTION.search(n) for n in names)


# A headline "A, ... B와 업무협약": A, the announcing party, heads it before a comma.
_ANNOUNCER = re.compile(r"^([가-힣A-Za-z0-9&·]+(?:\s[가-힣A-Za-z0-9&]+)?),\s")


_FOREIGN_DESK = re.compile(r"외신|해외|글로벌|국제|월가|실리콘밸리|World|Global", re.IGNORECASE)


def _announcer_headline(title: str, found: list[Mention]) -> bool:
    """A deal headline of the economy feeds' shape "씨어스테크놀로지, 중동 최대 헬스케어 그룹
    퓨어헬스와 업무협약": the party named first announces the deal, and when nothing marks it as
    foreign (no country, place or listed foreign organisation in it, not a name in Latin letters
    only) it stands for the Korean side beside the listed organisation after it."""
    tag = _TAG_PREFIX.match(title)
    lead = tag.end() if tag else 0
    if _FOREIGN_DESK.search(title[:lead]):  # "[외신] A, B와 협력": news about foreign firms
        return False
    head = _ANNOUNCER.match(title, lead)
    if head is None or not re.search("[가-힣]", head.group(1)):
        return False
    if any(m.start < head.end(1) for m in found) or has_name(head.group(1)):
        return False
    rest = title[head.end() :]
    return any(m.company and m.role is Role.PARTY for m in found) and (
        _TITLE_DEAL.search(rest) is not None
    )


# The body's press-release shape: "루닛은 13일 엔비디아와 ... 체결했다고 14일 밝혔다".
_ANNOUNCING = re.compile(r"^([가-힣A-Za-z0-9&·]+)(?:은|는|이|가)\s.*(?:밝혔|전했|발표했)다")


def _announcer_sentence(sentence: str, found: list[Mention]) -> bool:
    """A body sentence of a release: its subject, written in Hangul with no country, place or
    listed foreign organisation in it, announces the deal and stands for the Korean side beside
    a listed organisation."""
    head = _ANNOUNCING.match(sentence)
    if head is None or not re.search("[가-힣]", head.group(1)) or has_name(head.group(1)):
        return False
    if any(m.start < head.end(1) for m in found):
        return False
    return any(m.company and m.role is Role.PARTY for m in found)


_LOCATIVE = re.compile(r"(?:에서|에서는|에서의|에서도)\s*$")
# A headline's part about a deal still to come or an earlier one: "美 조지아주와 협약… 加
# 앨버타주와는 다음 달", "…앞서 英 UKEF와도 MOU", "호주 광산사와 MOU 이어 인니 기업과도 협약".
_PLAN_WORDS = re.compile(
    r"다음\s?달|내달|예정|추진|연내|내년|앞두|검토|협의\s?중|협상\s?중|앞서|지난해|작년"
)
_EARLIER_DEAL = re.compile(r"(?:MOU|협약|양해각서|협정)\s?(?:에\s?)?이어\s")


def _planned_segment(title: str, pos: int) -> bool:
    """The part of the headline (between "…", ",", ";") that holds pos speaks of a plan or of
    an earlier deal, or pos lies before "MOU 이어" (the earlier deal of the two)."""
    earlier = _EARLIER_DEAL.search(title)
    if earlier is not None and pos < earlier.start():
        return True
    start = max(title.rfind(c, 0, pos) for c in "…,;")
    ends = [i for i in (title.find(c, pos) for c in "…,;") if i >= 0]
    return _PLAN_WORDS.search(title[start + 1 : min(ends) if ends else len(title)]) is not None


_TITLE_DEAL = re.compile(AGREEMENT_WORD + r"|맞손|손\s?잡|협력|제휴|파트너")
_TAG_PREFIX = re.compile(r"^\s*(?:\[[^\]]{1,20}\]\s*)*")


def _foreign_sentence(
    sentence: str, found: list[Mention], names: set[str], placed: set[str], title: bool
) -> bool | None:
    """True: the sentence reports parties that are all foreign; False: it names a Korean party;
    None: it cannot tell."""
    names = {n for n in names if not _MEDIA.search(n)}  # "…고 니혼게이자이신문이 보도했다"
    if any(m.pair or (m.code == "KR" and m.role is not Role.CONTEXT) for m in found):
        return False
    if len(names) >= 2 and all(_enclave_body(n) for n in names):
        return True  # "주한독일상공회의소는 주한독일대사관과": two foreign bodies in Korea
    if _KOREAN_SIDE.search(" ".join(names)):
        return False
    if any(n not in placed and _korean_named({n}) for n in names):
        return False  # "창원시는 ... 독일 지멘스에너지와": a Korean city no country phrase holds
    if title:
        tag = _TAG_PREFIX.match(sentence)
        lead = tag.end() if tag else 0
        first = re.split(r"[,…]|\.\.\.", sentence[lead:], maxsplit=1)[0]
        topic = has_name(sentence[:lead]) or any(
            m.start == lead and not m.pair and not m.company and len(first) < len(sentence) - lead
            for m in found
        )
        if _KOREAN_SIDE.search(first):
            return False
        if _foreign_pair_start(sentence[lead:]) or (topic and names <= placed):
            return True
    subjects = {m.code for m in found if m.role is Role.SUBJECT}
    partners = {m.code for m in found if m.role is Role.PARTY}
    if subjects and partners - subjects:
        return True
    if subjects and names and names <= placed:
        return True
    return None


_MEDIA = re.compile(r"(?:신문|통신|일보|방송|타임스|저널|포스트|뉴스|TV|보도|외신)$")
_ENCLAVE_NAME = re.compile(r"^(?:주한|駐韓|재한)")
_MISSION = re.compile(r"(?:대사관|대표부|영사관|총영사관|상공회의소|상의|무역관|문화원)$")


def _enclave_body(name: str) -> bool:
    """A foreign country's mission or chamber in Korea ("주한독일대사관", "프랑스대사관",
    "대사관" after it), not a Korean chamber ("대한상공회의소")."""
    if _ENCLAVE_NAME.match(name):
        return True
    return _MISSION.search(name) is not None and (
        has_name(name) or _MISSION.fullmatch(name) is not None
    )


def resolved_all(found: dict[int, list[Mention]], sentence: str, tokens: Sequence[Tok]) -> set[str]:
    """Party names of a sentence (proper or not) that some country phrase contains."""
    names = party_names(sentence, tokens, proper=False)
    return {n for ms in found.values() for m in ms for n in names if n in m.phrase}


def _same_foreign_deal(
    found: dict[int, list[Mention]], verdict: dict[int, bool | None], signed: Sequence[int]
) -> bool:
    """Some sentence reports a deal between foreign parties and every other signing sentence
    names only countries of that deal: a roundup item headed "남아공, 中과 기본협정 체결",
    "양측은 ... 미국 재대만협회(AIT)와 ... 서명했다" after "미국과 대만이 ... 협정을 체결했다"."""
    foreign = {m.code for i, v in verdict.items() if v is True for m in found.get(i, [])}
    if not foreign:
        return False
    for i in signed:
        if verdict.get(i) is True:
            continue
        codes = {m.code for m in found.get(i, [])}
        if not codes or not codes <= foreign:
            return False
    return True


def _foreign_pair_start(text: str) -> bool:
    """A headline opening on two foreign countries ("美-대만 무역 협정", "인도·브라질 ...")."""
    first = _name_pattern().match(text) or _HANJA_PREFIX.match(text) or _ABBR.match(text)
    if first is None or first.group(0) in ("韓", "한"):
        return False
    sep = re.match(_SEP, text[first.end() :])
    if sep is None:
        return False
    rest = text[first.end() + sep.end() :]
    second = _name_pattern().match(rest) or _HANJA_PREFIX.match(rest)
    return second is not None


# A sentence that lists who took part in the agreement just reported.
_PARTICIPANTS = re.compile(
    r"(?:협약|MOU|양해각서|협정|컨소시엄|협력)에\s?(?:참여|참가|서명)한\s?"
    r"(?:곳|기관|기업|업체|회사|대학|국가|나라|파트너|개발사|사업자|투자사|\S{1,4}사)(?:들)?(?:은|는)|"
    r"참여\s?(?:기관|기업|업체|대학|회사)(?:들)?(?:은|는)\s"
)
# How far after a signing sentence its list of participants may come.
_PARTICIPANT_SPAN = 5


def _participant_lists(sentences: Sequence[str], signed: Sequence[int]) -> list[int]:
    """Sentences right after a signing one that list its participants."""
    near = {j for i in signed for j in range(i + 1, i + 1 + _PARTICIPANT_SPAN)}
    return sorted(
        j for j in near if j < len(sentences) and _PARTICIPANTS.search(sentences[j]) is not None
    )


_BOTH_COUNTRIES = re.compile(
    r"(?<![가-힣])(?:양국|두\s?나라)(?:\s?(?:정부|기업|기관)\S{0,2})?(?:은|는|이|가|\s?간|과|와|\s)"
)
# A state visit or a summit: who visits whom.
_SUMMIT = re.compile(
    r"정상회담|정상\s?회의|국빈|방한|순방|공식\s?방문|총리|대통령|주석|국왕|왕세자"
)


def _summit_countries(sentences: Sequence[str], found: dict[int, list[Mention]]) -> set[str]:
    """Foreign countries named in a headline or lead sentence about a state visit or summit."""
    return {
        m.code
        for i, ms in found.items()
        if i <= 3 and _SUMMIT.search(sentences[i])
        for m in ms
        if m.code not in ("KR", "EU") and not m.company
    }


def has_name(text: str) -> bool:
    """Cheap test before Kiwi: could this sentence name a country at all?"""
    return bool(_name_pattern().search(text) or _HANJA_PREFIX.search(text) or _ENGLISH.search(text))


@dataclass(frozen=True)
class Counterparts:
    codes: tuple[str, ...]
    foreign_only: bool
    """Every party named is foreign: a deal between two foreign parties, not Korean news."""
    candidates: tuple[tuple[str, tuple[float, ...]], ...] = ()
    """Every foreign country named, with its evidence (`country_score.FEATURES`); the rules'
    codes first."""


def article_counterparts(
    sentences: Sequence[str],
    tokens: dict[int, list[Tok]],
    signed: Sequence[int],
    deals: Sequence[int] = (),
    published: dt.datetime | None = None,
) -> Counterparts:
    """Counterpart countries of the signing sentences `signed` (indices into `sentences`, 0 is
    the title), using the other analysed sentences to learn the country of a named party.

    A signing sentence whose parties are all foreign ("남아프리카공화국이 중국과 ... 체결했다")
    contributes nothing; when every one is like that the article is a foreign-only deal. `deals`
    are other sentences reporting a signing that is not an MOU for us (a treaty between states:
    "미국과 대만이 ... 무역협정을 체결했다"); they too can tell a foreign-only story."""
    found = {i: mentions(sentences[i], tokens.get(i, []), title=(i == 0)) for i in tokens}
    for i in signed:
        parts = follow_on_parts(sentences[i]) if i else None
        if parts is None or i not in found:
            continue
        # "태국 A와 협약을 맺은 데 이어 13일 베트남 B와 ...", "... 체결한 데 이어 오는 20일 C와도
        # 맺는다": only the clause that tells a signing now names its parties.
        first, second = (read(p, published).tense is Tense.SIGNED for p in parts)
        boundary = len(sentences[i]) - len(parts[1])
        if first != second:
            found[i] = [m for m in found[i] if (m.start >= boundary) == second]
    tag = _TAG_PREFIX.match(sentences[0])
    if tag and 0 in found:  # "[美특징주]": a section label, not a party
        found[0] = [m for m in found[0] if m.start >= tag.end()]
    names = {i: party_names(sentences[i], tokens.get(i, [])) for i in {0, *signed}}
    # "… 加 앨버타주와는 다음 달": a headline's partner of a deal still to come is none now
    names[0] = {n for n in names[0] if not _planned_segment(sentences[0], sentences[0].find(n))}
    every = set().union(*names.values())
    resolved = {n for ms in found.values() for m in ms for n in every if n in m.phrase}
    told = " ".join(sentences[i] for i in signed)
    placed = resolved | {
        n for n in every if re.search(_REGION + r"[^.,]{0,25}" + re.escape(n), told)
    }
    verdict = {
        i: _foreign_sentence(
            sentences[i],
            found.get(i, []),
            party_names(sentences[i], tokens.get(i, []), proper=False),
            placed | resolved_all(found, sentences[i], tokens.get(i, [])),
            i == 0,
        )
        for i in sorted({0, *signed})
    }
    for i in deals:
        if i not in verdict and i in tokens:
            verdict[i] = _foreign_sentence(
                sentences[i],
                found.get(i, []),
                party_names(sentences[i], tokens[i], proper=False),
                placed | resolved_all(found, sentences[i], tokens[i]),
                False,
            )
    korean = any(v is False for v in verdict.values())
    body = [verdict[i] for i in signed if i]
    if not korean and (verdict[0] is True or (body and body[0] is True)):
        return Counterparts((), True)
    # A headline about something else (a news roundup's first story) says nothing of the deal.
    deal_headline = 0 in signed or _TITLE_DEAL.search(sentences[0]) is not None
    korean_deal = any(v is False for i, v in verdict.items() if i or deal_headline)
    if not korean_deal and _same_foreign_deal(found, verdict, signed):
        return Counterparts((), True)
    kept = [i for i in signed if verdict[i] is not True]
    codes: list[str] = []

    def add(code: str) -> None:
        if code not in codes and code != "KR":
            codes.append(code)

    def korean_party(i: int) -> bool:
        return (
            verdict.get(i) is False
            or _korean_named(party_names(sentences[i], tokens.get(i, []), proper=False))
            or (i > 0 and _announcer_sentence(sentences[i], found.get(i, [])))
        )

    # A foreign firm named without its country counts only beside a Korean party
    # ("코베스트로가 페르티글로브와" may be a deal between foreign firms).
    for i in kept:
        for m in found.get(i, []):
            if i == 0 and _planned_segment(sentences[0], m.start):
                continue
            if m.role is not Role.CONTEXT and (not m.company or korean_party(i)):
                add(m.code)
    deal_title = 0 in kept or (0 not in signed and _TITLE_DEAL.search(sentences[0]) is not None)
    korean_title = (
        korean_party(0)
        or any(korean_party(i) for i in kept)
        or _announcer_headline(sentences[0], found.get(0, []))
    )
    for m in found.get(0, []) if verdict[0] is not True else []:
        signer = m.role is Role.PARTY or (m.company and m.role is Role.SUBJECT)
        planned = _planned_segment(sentences[0], m.start)
        if signer and (m.pair or deal_title) and (not m.company or korean_title) and not planned:
            add(m.code)
    # A party named bare in the signing sentence may carry its country elsewhere:
    # "독일 머크는 ..." in the lead, "머크 측은 ... 체결했다" later.
    wanted = set().union(*(names[i] for i in {0, *kept}))
    # Names Kiwi does not know as proper nouns ("두코바니원전", "카즈아톰프롬") count too when
    # they are long and nothing marks them as Korean.
    wanted |= {
        n
        for i in kept
        if i
        for n in party_names(sentences[i], tokens.get(i, []), proper=False)
        if len(n) >= 4 and not _korean_named({n}) and n not in _GENERIC
    }
    for ms in found.values():
        for m in ms:
            # The name must head the phrase: "중국 이커머스 업체 징둥닷컴과", not "UAE 국영 ...의
            # 코베스트로 인수".
            head = " ".join(WORD.findall(m.phrase[m.end - m.start :])[-2:])
            # A place is no party: "미국 네바다주의 경기장 UFC APEX에서" says nothing of UFC.
            if _LOCATIVE.search(m.phrase):
                continue
            if not m.pair and not m.company and any(n in head for n in wanted):
                add(m.code)
    # "이번 협약에 참여한 곳은 노르웨이의 A, 덴마크의 B다": the parties, listed after the signing.
    for i in _participant_lists(sentences, kept):
        for m in found.get(i, []):
            if (
                not m.pair
                and not _LOCATIVE.search(m.phrase)
                and not _UNIT_ABROAD.match(sentences[i], m.end)
            ):
                add(m.code)
    if not codes:
        for code in _visited(sentences, found, kept):
            add(code)
    if not codes:
        for code in _local_after_country(sentences, found, kept):
            add(code)
    # "양국 국방연구소는 ... 체결했다" after a headline "한-사우디 국방장관 회담".
    pairs = {m.code for ms in found.values() for m in ms if m.pair}
    if len(pairs) == 1 and any("양국" in sentences[i] for i in kept):
        add(next(iter(pairs)))
    elif not pairs and any(_BOTH_COUNTRIES.search(sentences[i]) for i in kept):
        # "양국은 핵심광물·금융 등 10건의 MOU를 체결했다" in a state visit or a summit: the other
        # country is the one visiting or visited, named in the headline or the lead.
        hosts = _summit_countries(sentences, found)
        if len(hosts) == 1:
            add(next(iter(hosts)))
    return Counterparts(tuple(codes), False, _candidates(sentences, found, kept, codes))


def _candidates(
    sentences: Sequence[str], found: dict[int, list[Mention]], kept: Sequence[int], codes: list[str]
) -> tuple[tuple[str, tuple[float, ...]], ...]:
    """Each foreign country of the analysed sentences with the evidence for it, in the order of
    `country_score.FEATURES`."""
    named = [m.code for i in sorted(found) for m in found[i] if m.code not in ("KR",)]
    order = [*codes, *(c for c in dict.fromkeys(named) if c not in codes)]
    signing = set(kept) - {0}
    out = []
    for code in order:
        ms = [(i, m) for i, mm in found.items() for m in mm if m.code == code]
        in_signing = [m for i, m in ms if i in signing]
        values = (
            float(code in codes),
            float(any(m.role is not Role.CONTEXT for m in in_signing)),
            float(
                any(m.role is Role.CONTEXT and not _LOCATIVE.search(m.phrase) for m in in_signing)
            ),
            float(any(_LOCATIVE.search(m.phrase) for m in in_signing)),
            float(any(i == 0 for i, _ in ms)),
            float(any(i == 0 and m.role is Role.PARTY for i, m in ms)),
            float(any(m.pair for _, m in ms)),
            float(any(1 <= i <= 3 for i, _ in ms)),
            math.log1p(len(ms)),
            float(set(named) == {code}),
            float(any(m.company for _, m in ms)),
        )
        out.append((code, values))
    return tuple(out)
