"""Country mentions in one sentence and the role each plays.

The phrase a country heads is walked word by word (어절) with Kiwi's tags until a particle says
what it is: a signing party ("독일 머크와", "사우디 국방연구소 간"), the subject
("프랑스의 경제산업디지털부는"), or background (a place "리야드에서", a market "미국 시장 진출을
위한", a dispute "미·중 무역 갈등"). Also pair forms ("한·독", "韓-사우디"), hanja prefixes
("美 B사"), listed foreign organisations, and the party names of a signing sentence.
`counterparts.py` decides from these which countries are counterparts.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.companies import org_matches, trie_pattern
from extractors.gazetteer import (
    HANJA,
    PAIR_ABBREVIATIONS,
    korean_names,
    lookup_country,
    place_names,
)
from extractors.kiwi_analyzer import Tok, Word, token_at, words_of
from extractors.status import AGREEMENT_WORD


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
    # A style or a destination, not a body of the country ("프랑스 요리 학교", "일본 여행 상품").
    "요리",
    "음식",
    "여행",
}
# A kind of body after a trade noun: "수입 업체", "수출 기업", "유통 회사".
_TRADER = re.compile(r"(?:업체|기업|회사|상사|협회|조합)(?:와|과|는|은|이|가|의|\s|$)")
# "베트남 현지 기업 빈그룹과": 현지 before a kind of body names a body of that country, where
# "베트남 현지에서" or "현지 법인" (a Korean firm's unit, below) do not.
_LOCAL_BODY = re.compile(
    # a field before the kind ("섬유기업", "IT 기업"), not Korean firms there ("진출기업")
    r"\s?(?:(?!에|진출|한국|한인|국내|우리)(?:[가-힣]{1,4}|IT))?\s?"
    r"(?:기업|업체|회사|대학|병원|은행|기관|정부|파트너|협력사|단체|학교|연구소|조선소|바이어|운영사|"
    r"(?:유통|수입|제조|판매|통신|항공|건설|제약|증권|보험|무역|물류|에너지|투자|운용)사)"
)
# A country right before these is a Korean company's unit abroad ("베트남 법인"), and a city
# glued to 무역관 KOTRA's office ("하노이무역관"; "주한 이탈리아 무역관" is Italy's in Korea).
UNIT_ABROAD = re.compile(
    r"\s?(?:현지\s?)?(?:법인|지사|지점|공장|사무소|지부|자회사|생산기지)|무역관"
)
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
    if re.match(r"(?:협회|재단|학회|연구회|친선회)", sentence[end:]):
        return False  # "한미협회", "한일재단": a Korean society named for the friendship
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
SEP = r"\s?[-·‧ㆍ・–—/]\s?"
_KOREA = r"(?:한국|대한민국|韓|한)"
_JOSA_PARTY = {"와", "과", "랑", "이랑", "하고"}
_JOSA_SUBJECT = {"은", "는", "이", "가", "도", "께서"}
_MAX_WORDS = 9


@functools.cache
def name_pattern() -> re.Pattern[str]:
    """Country names and foreign places ("톈진", "앵커리지시"), longest first."""
    every = {**place_names(), **korean_names()}
    names = sorted(
        (n for n, c in every.items() if c != "KR" and len(n) >= 2), key=len, reverse=True
    )
    # Factored by prefix: a flat alternation of ~2,000 names tried at every position cost
    # 0.6 s on a 1,000,000-character body (bench/extract_hostile.py).
    return re.compile(trie_pattern(names))


@functools.cache
def _pair_pattern() -> re.Pattern[str]:
    partners = sorted(
        {*(a for a, codes in PAIR_ABBREVIATIONS.items() if len(codes) == 1)}
        | {n for n, c in korean_names().items() if c != "KR"},
        key=len,
        reverse=True,
    )
    alt = "|".join(re.escape(p) for p in partners)
    return re.compile(rf"(?<![가-힣A-Za-z]){_KOREA}{SEP}({alt})((?:{SEP}(?:{alt}))*)")


_FUSED_PAIR = re.compile(r"(?<![가-힣])한(미|중|일|독|불|영|러|베|호|몽|캐|인니)")
_HANJA_PAIR = re.compile(r"韓\s?[-·‧ㆍ・–—/]?\s?(" + "|".join(c for c in HANJA if c != "韓") + ")")
HANJA_PREFIX = re.compile(
    "(?<![一-鿿])(" + "|".join(c for c in HANJA if c != "韓") + r")(?![一-鿿])"
)
_KOREA_NAME = re.compile(r"(?<![가-힣A-Za-z])(?:대한민국|한국|우리나라|韓)(?![-·‧ㆍ・])")
ENGLISH = re.compile(r"\b(UAE|EU|USA|U\.S\.|UK)\b")
# A city right after a body's name names that body's office there, and says nothing of the
# body's country ("KIC 실리콘밸리와", "코트라 하노이무역관", "유엔 제네바 직원협회와").
_BRANCH_OF = re.compile(
    r"(?:(?<![A-Za-z])[A-Z]{2,}\)?|센터|무역관|사무소|지사|본부|협회|재단|진흥원|공사|공단|법인|"
    r"(?<![가-힣])유엔)\s$"
)
# A headline's "A-B" or "A·B" pair whose second side the country starts ("A-美 B 협약").
# A headline's clause may start after an ellipsis or a comma ("…김해시-獨 B사 협약").
_SECOND_OF_PAIR = re.compile(r"(?:^|[\s\],…])[가-힣A-Za-z0-9]{2,}[-–·‧ㆍ]\s?$")
_ENCLAVE = re.compile(r"(?:주한|재한|駐韓)\s?$")


def _second_of_pair(sentence: str, start: int) -> bool:
    """The country starts the second side of a headline's pair of parties, not the second of
    two countries ("미국·캐나다 순방", "몽골·말레이 편의점")."""
    pair = _SECOND_OF_PAIR.search(sentence, 0, start)
    if pair is None:
        return False
    first = pair.group(0).strip(" ],…-–·‧ㆍ")
    return name_pattern().fullmatch(first) is None and first not in HANJA


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
            if title and role in (Role.CONTEXT, Role.SUBJECT) and _second_of_pair(sentence, start):
                # "서울대병원-일본 게이오대병원 교류 협정", "KAI-폴란드 PGZ, …", "A·美 B대, …":
                # the pair's other side
                role = Role.PARTY
        # "美 FDA 승인 목표로…서울대병원": a headline's clause ends at its ellipsis
        phrase = re.split(r"…|\.\.\.?", phrase, maxsplit=1)[0] if title else phrase
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
    for m in name_pattern().finditer(sentence):
        inside = [o.country for o in orgs if o.name_start <= m.start() and m.end() <= o.name_end]
        if inside and (korean_names().get(m.group(0)) or place_names()[m.group(0)]) != inside[0]:
            continue
        if _is_proper_noun(sentence, tokens, m.start(), m.end()):
            code = korean_names().get(m.group(0)) or place_names()[m.group(0)]
            if not korean_names().get(m.group(0)) and _BRANCH_OF.search(sentence, 0, m.start()):
                taken.append((m.start(), m.end()))
                continue  # "경기비즈니스센터(GBC) 호찌민", "KIC 실리콘밸리": a body's office there
            if not UNIT_ABROAD.match(sentence, m.end()):
                add(code, m.start(), m.end())
    for m in HANJA_PREFIX.finditer(sentence):
        if not UNIT_ABROAD.match(sentence, m.end()):  # "삼성전자 美법인": its own unit
            add(HANJA[m.group(1)], m.start(), m.end())
    for o in orgs:  # "넷플릭스는", "한국마이크로소프트와"
        if any(f.start <= o.start < f.start + len(f.phrase) for f in found):
            continue  # "英 케임브리지대와": the text names the country itself
        add(o.country, o.start, o.end, company=True)
    for m in _KOREA_NAME.finditer(sentence):  # the Korean side, to tell foreign-only deals
        add("KR", m.start(), m.end())
    for m in ENGLISH.finditer(sentence):
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
    if token is None:
        return False
    # "베트남상공회의소", "노르웨이과학기술대", "에티오피아항공과": a body of the country glued to
    # it, read as one name (even a common noun) or as the name and the body
    glued_body = _GLUED_BODY_NAME.match(re.split(r"[\s(]", sentence[end:], maxsplit=1)[0])
    if token.start == start and token.tag[:2] == "NN" and glued_body and end < len(sentence):
        return not sentence[end].isspace()
    glued_suffix = token.end > end and end - start >= 3 and sentence[end : token.end] in _SUFFIXES
    named_suffix = token.end == end and end - start >= 4 and sentence[end - 1] in _SUFFIXES
    if token.start == start and token.tag == "NNG" and (glued_suffix or named_suffix):
        return True  # "후쿠오카시" read as a common noun: a known place and its suffix
    if token.tag not in ("NNP", "SL"):
        return False
    if token.start < start and _ENCLAVE.search(sentence[token.start : start]):
        return True  # "주한미국상공회의소" read as one name
    last = token
    while last.end < end and (nxt := token_at(tokens, last.end)) is not None:
        if nxt.start != last.end or nxt.tag != "NNP" or nxt.end > end:
            break
        last = nxt  # "브리티시컬럼비아" read as 브리티시 + 컬럼비아: a name in two proper nouns
    if token.start != start or (last.end != end and sentence[last.end : end] not in _SUFFIXES):
        return False  # ... but "텍사스주" may come as 텍사스 + 주
    glued = start > 0 and re.match(r"[가-힣A-Za-z0-9]", sentence[start - 1]) is not None
    if glued and _ENCLAVE.search(sentence[:start]) is None:
        return False
    return not _name_fragment(tokens, end)


# Bodies of a country named glued to it, which Kiwi reads as one proper noun.
_GLUED_BODY_NAME = re.compile(
    r"(?:상공회의소|상공회의|상의|대사관|총영사관|영사관|투자청|무역청|무역투자청|관광청|관광공사|"
    r"무역진흥청|정부|국립대학교|국립대학|국립대|철도청|항만청|경제인연합회|상공회|"
    r"산업부|통상부|국방부|교육부|보건부|외교부|에너지부|경제부|"
    # ... a city's port and airport ("가오슝항과", "로테르담항만공사와", "나리타공항과")
    r"항(?:만공사|만청|무공사|무국|만국)?|공항(?:공사)?|"
    # ... and its universities ("노르웨이과학기술대", "인도네시아대")
    r"(?:과학기술|공과|국립|기술|의과)?대(?:학교|학)?|항공)(?:와|과|은|는|이|가|의|을|를|에서|에|도)?$"
)


# Administrative suffixes Kiwi splits off a place name ("텍사스주" = 텍사스 + 주).
_SUFFIXES = frozenset("주시성현도군구")


# A Korean firm expert in a country ("인도네시아 전문 여행사"), not "에스토니아의 미사일 전문
# 방산기업" (the country's firm, expert in something else).
_EXPERT = re.compile(r"\s?전문")
# A country's language or people ("베트남어", "중국인"), not "중국인민은행".
# Also a department or course of the language ("인도네시아어과와", "베트남어학과", "일본어 전공").
_PEOPLE_OR_LANGUAGE = re.compile(
    r"[어인](?:과|학과|학부|전공|교육과|문학과|통번역학과)?(?:의|을|를|과|와|이|가|은|는|도|으로|로)?(?![가-힣])"
)


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
    role, phrase = _walk(sentence, words, start, end, title)
    index = next((i for i, w in enumerate(words) if w.start <= start < w.end), None)
    if role is Role.CONTEXT and index is not None and index + _MAX_WORDS <= len(words):
        # Past a seat's words the walk reads further only to find a party; a context phrase
        # keeps the usual length, whose last words name the body ("… ‘A재단’의 연구선이다").
        usual = words[index + _MAX_WORDS - 1].end
        if start + len(phrase) > usual:
            return role, sentence[start:usual]
    return role, phrase


def _walk(
    sentence: str, words: list[Word], start: int, end: int, title: bool = False
) -> tuple[Role, str]:
    index = next((i for i, w in enumerate(words) if w.start <= start < w.end), None)
    if index is None or _PEOPLE_OR_LANGUAGE.match(sentence, end) or _EXPERT.match(sentence, end):
        return Role.CONTEXT, ""  # "베트남어 통번역 업체", "중국인 관광객", "인도네시아 전문 여행사"
    k = index
    based = 0  # where the body based in the place begins ("도쿄에 있는 [은행 본점을]")
    reach = index + _MAX_WORDS  # a seat's words ("벵갈루루에 소재한") do not count against it
    while k < min(len(words), reach):
        word = words[k]
        phrase = sentence[start : word.end]
        tail = [t for t in word.tokens if t.end > end] if k == index else list(word.tokens)
        topic = [t for t in tail if t.form in _TOPIC_NOUNS and t.tag.startswith("NN")]
        if topic and _ORG_WORD.search(
            re.sub(r"(?:와|과|은|는|이|가|의|을|를)$", "", sentence[word.start : word.end])
        ):
            topic = []  # "베트남 산업무역부와": 무역 inside a ministry's name
        if topic and k + 1 < len(words) and _TRADER.match(sentence, words[k + 1].start):
            topic = []  # "대만 타이베이의 청과 수입 업체와": an importer, a body
        if topic and k == index + 1 and _mayor(sentence, start, end, word, words[k + 1 : k + 4]):
            topic = []  # "울란바토르 시장과 … 협약을 맺었다": the city's mayor, not its market
        if any(t.form != "현지" or not _LOCAL_BODY.match(sentence, t.end) for t in topic):
            return Role.CONTEXT, phrase
        if any(t.form in ("간", "사이") and t.tag in ("NNB", "NNG") for t in tail):
            alone = k == index + 1 and sentence[word.start : word.end] == "간"
            if alone and not re.search(r"[-·‧ㆍ・–]\s?$", sentence[max(0, start - 2) : start]):
                return Role.CONTEXT, phrase  # "우즈벡 간 한국 대학들": went to, not between
            if _foreign_pair(sentence, start):
                return Role.CONTEXT, phrase  # "美·日 기업 간 제휴": between two other countries
            return Role.PARTY, phrase
        if any(t.tag in ("EF", "EC", "SE") for t in tail[:-1]):
            return Role.CONTEXT, phrase  # '"中 의존 줄여라"…LG엔솔,': the phrase ended inside
        dash = next(
            (
                t
                for n, t in enumerate(tail)
                if t.tag == "SO" and t.form in "-–—" and n and tail[n - 1].tag == "NNP"
            ),
            None,
        )
        if title and dash is not None and k <= index + 1:
            # "호주 퀸즐랜드주-고려아연, … MOU": a pair headline; the country's side ends at -
            return Role.PARTY, sentence[start : dash.start]
        ending = _ending(tail)
        if k == index + 1 and _glued_party(tail, sentence[word.end - 1]):
            ending = Role.PARTY  # "美 엔비디아와" read as one common noun
        if title and ending == "continue" and sentence[word.end - 1] in ",…":
            # "英 로이드선급, 에이치라인해운과 MOU": a headline's comma ends its subject
            return Role.SUBJECT, phrase.rstrip(",…")
        if not title and ending == "continue" and k > index and _LISTED_NAME.search(phrase):
            # "미국 구글, 생명의숲, 강릉시 등 3개 기관은": the country's phrase is the first
            # item of a list, whose end tells the role of every item
            return _list_end(sentence, words, k + 1, subjects=True), phrase[:-1].rstrip()
        if ending == "continue" and not (tail and _glued_at(tail[-1])):
            k += 1
            continue
        sited = _sited(sentence, words, k, tail)
        if sited:  # "도쿄에 있는 은행 본점을", "시애틀에 본사를 둔 X와": the body based there
            k += 1 + sited
            reach += 1  # the seat's verb: "소재한", "본사를 둔"
            based = words[k].start if k < len(words) else len(sentence)
            continue
        if ending == "continue":  # "벵갈루루에" with no seat after it: read on
            k += 1
            continue
        if based and ending is not Role.CONTEXT and KOREAN_SIDE.search(sentence[based : word.end]):
            # "독일 프랑크푸르트에 있는 전남도 유럽사무소와": a Korean body's office abroad (its
            # phrase stops at the place, so the office's name is not read as the place's)
            return Role.CONTEXT, sentence[start:based].rstrip()
        if ending is Role.PARTY:
            if title:
                return Role.PARTY, phrase
            return _after_with(sentence, words[k + 1 :]), phrase
        if ending is Role.CONTEXT and tail and tail[-1].tag == "JKO":
            if _visited_body(sentence, words, k, tail) and not KOREAN_SIDE.search(
                sentence[based or end : word.end]
            ):
                return Role.PARTY, phrase
            return _list_head(sentence, words, k), phrase
        if ending is Role.SUBJECT and _side_clause(sentence, words, k):
            return Role.CONTEXT, phrase
        return ending, phrase  # type: ignore[return-value]
    return Role.CONTEXT, sentence[start : words[min(len(words), index + _MAX_WORDS) - 1].end]


# A name closed by a comma: one item of a list of parties.
_LISTED_NAME = re.compile(r"[가-힣A-Za-z0-9)],$")
_MAYOR = re.compile(r"시장(?:과|와)")
# Markets after it: "호찌민 시장과 하노이 시장에 진출하기 위해".
_MARKETS_AFTER = re.compile(r"시장(?:에|을|를|의|으로|\s|$)|진출|공략|판로|수출")


def _mayor(sentence: str, start: int, end: int, word: Word, after: list[Word]) -> bool:
    """ "X 시장과" right after a foreign city (not a country: a country has markets only), with
    no market in the words after it."""
    return (
        sentence[start:end] not in korean_names()
        and _MAYOR.fullmatch(sentence[word.start : word.end]) is not None
        and not any(_MARKETS_AFTER.search(sentence[w.start : w.end]) for w in after)
    )


def _foreign_pair(sentence: str, start: int) -> bool:
    """The word holding start lists countries ("美·日", "미·중") and none of them is Korea."""
    left = sentence.rfind(" ", 0, start) + 1
    right = sentence.find(" ", start)
    parts = re.split(SEP, sentence[left : right if right >= 0 else len(sentence)])
    korea = re.compile(_KOREA + "$")
    return len(parts) >= 2 and not any(korea.match(p) for p in parts)


def _glued_party(tail: list[Tok], last_char: str) -> bool:
    """A name Kiwi read as one common noun with its party particle ("엔비디아와")."""
    return (
        bool(tail)
        and tail[-1].tag == "NNG"
        and len(tail[-1].form) >= 4
        and tail[-1].form[-1] in "와과"
        and last_char in "와과"
    )


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
_ORG_WORD = re.compile(r"[가-힣]{2,}(?:부|청|처|공사|공단|위원회|진흥원|협회|기구|기관|은행|센터)$")
# Ends of organisation names ("경찰청", "과학아카데미", "조선소", "본점", "이민청").
_ORG_SUFFIX = re.compile(
    r"(?:청|부|원|처|국|소|점|관|회|단|사|센터|아카데미|대학|대학교|대|공사|공단|은행|병원|그룹|협회|"
    r"재단|기구|위원회|정부|의회|학교|academy)$",
    re.IGNORECASE,
)
# Nouns that name a place, not a body, as the object of a visit ("하노이시를 방문해").
_PLACE_NOUN = re.compile(r"(?:시|성|주|도|현|군|구|수도|지역|일대|현지|국가|나라|도시)$")
_VISIT_NEXT = re.compile(r"^\s?(?:방문|찾)")


def _glued_at(token: Tok) -> bool:
    """An unknown place Kiwi read with its 에 as one name ("벵갈루루에")."""
    return token.tag == "NNP" and len(token.form) >= 4 and token.form.endswith("에")


def _sited(sentence: str, words: list[Word], k: int, tail: list[Tok]) -> int:
    """How many words after "X에" say a body is based in X (0 when they do not)."""
    if not tail or not ((tail[-1].tag == "JKB" and tail[-1].form == "에") or _glued_at(tail[-1])):
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
    if ending == "continue" and sentence[end : word.end] in ("와", "과"):
        ending = Role.PARTY  # "엔비디아와" read as one common noun: the name is known, 와 is left
    if ending is Role.PARTY:
        if title:
            return Role.PARTY, phrase
        return _after_with(sentence, [w for w in words if w.start > word.start]), phrase
    if ending is Role.SUBJECT:
        return Role.SUBJECT, phrase
    if ending == "continue" and _between(words, start, end, words.index(word)):
        return Role.PARTY, phrase  # "SBA와 알리바바 타오바오 글로벌 간의 업무협약"
    k = words.index(word)
    if ending == "continue" and k + 1 < len(words):
        following = sentence[words[k + 1].start : words[k + 1].end]
        unit = _OWN_UNIT.match(following) or _ITS_HEAD.match(following)
        # "한국바스프 여수공장은", "지멘스 베를린 연구소와", "펩시코 재단과": the company's own
        # unit; "한국로슈 대표는": its head, who signs for it
        if unit and unit.group(1) == ",":  # "충북지사와 한국로슈 대표, 청주시장 … 사장은"
            role = _list_end(sentence, words, k + 2, subjects=not title)
            return role, sentence[start : words[k + 1].end - 1]
        if unit:
            role = Role.PARTY if unit.group(1) in _JOSA_PARTY else Role.SUBJECT
            return role, sentence[start : words[k + 1].end]
    tail = [t for t in word.tokens if t.end > end]
    if tail and tail[-1].tag == "JKO":  # "엔비디아를 비롯해 ... 6대 기관과"
        return _list_head(sentence, words, words.index(word)), phrase
    if tail and tail[-1].form == "," and not title:  # "구글 클라우드 코리아, B사 등 40곳과"
        return _list_end(sentence, words, words.index(word) + 1, subjects=True), phrase
    tag = TAG_PREFIX.match(sentence)
    if tail and tail[-1].form == "," and tag and tag.end() == start:
        # The headline's announcing party, its subject: "마이크로소프트, 수자원공사와 손잡고"
        deal = _list_end(sentence, words, words.index(word) + 1) is Role.PARTY
        return (Role.SUBJECT if deal else Role.CONTEXT), phrase
    return Role.CONTEXT, phrase


_OWN_UNIT = re.compile(
    r"^[가-힣]{0,4}(?:공장|사업장|본사|연구소|연구센터|R&D센터|캠퍼스|재단|지점|지사|법인|"
    r"사무소|지역본부|코리아)(와|과|은|는|이|가|,)$"
)
_ITS_HEAD = re.compile(
    r"^(?:대표(?:이사)?|사장|회장|부회장|부사장|CEO|최고경영자|총장|원장|이사장|의장|총재|"
    r"[가-힣]{0,4}(?:법인장|지사장|지점장|본부장))(와|과|은|는|이|가|,)$"
)


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


def _list_end(sentence: str, words: list[Word], first: int, subjects: bool = False) -> Role:
    """The rest of a list of names from words[first] on: its last item's "와/과" and the deal
    after it make every item a signer; with `subjects`, so do its last item's "은/는/이/가"
    and the deal after it ("충북도와 한국로슈, 청주시는 … 협약을 체결했다")."""
    for j, word in enumerate(words[first : first + 2 * _MAX_WORDS]):
        ending = _ending(list(word.tokens))
        if ending is Role.PARTY:
            return _after_with(sentence, words[first + j + 1 :])
        if subjects and ending is Role.SUBJECT:
            deal = _after_with(sentence, words[first + j + 1 :]) is Role.PARTY
            return Role.SUBJECT if deal else Role.CONTEXT
        if ending is Role.CONTEXT and word.tokens and word.tokens[-1].tag == "JKO":
            # "미국 A사, 핀란드 B사를 비롯해 C, D 등과": the list goes on after 비롯해
            return _list_head(sentence, words, first + j)
        if ending != "continue" or _ends_clause(word.tokens):
            return Role.CONTEXT
    return Role.CONTEXT


def _after_with(sentence: str, words: list[Word]) -> Role:
    """ "X와" names a signer when what follows is the deal ("X와 ... 업무협약을", "X와 손잡고")
    or more signers ("X와 Y는"); "미국과 일본을 방문해" is a coordination of places."""
    quoted = False
    previous = ""
    for word in words[: 2 * _MAX_WORDS]:
        text = sentence[word.start : word.end]
        if _DEAL.search(text):
            return Role.PARTY
        if _ending(list(word.tokens)) is Role.SUBJECT:
            return Role.PARTY
        if _MET.fullmatch(text) or _IN_TURN.fullmatch(text):
            continue  # "X와 만나 ... 체결했다", "X와 잇따라 ... 협약을 체결했다"
        if _DECIDED.fullmatch(text) and previous.endswith("기로"):
            continue  # "X와 프로그램을 운영하기로 하고 … 양해각서에 서명했다"
        previous = text
        # A quoted name is a noun, however Kiwi splits it ("'해안방재림 조성 사업' 협약을")
        quoted = quoted or _OPEN_QUOTE.match(text) is not None
        if quoted and _CLOSE_QUOTE.search(text):
            quoted = False
            continue
        if _ends_clause(word.tokens) and not quoted:
            return Role.CONTEXT
    return Role.CONTEXT


_OPEN_QUOTE = re.compile(r"[‘“'\"「『<《]")
_CLOSE_QUOTE = re.compile(r"[’”'\"」』>》]")


# What the parties decided, before the signing: "…하기로 하고", "…하기로 합의하고".
_DECIDED = re.compile(r"(?:하고|하며|합의하고|합의해|약속하고),?")
# Adverbs between the parties and the deal: "해외 2개 도시와 잇따라 교류 협약을".
_IN_TURN = re.compile(r"잇따라|잇달아|연이어|차례로|각각|나란히|공동으로|함께")
# Meeting the other side before signing: "X와 만나", "X와 회담을 갖고", "X와 면담한 뒤".
# Also holding an event together first: "X와 … 포럼을 열고 … 협약을 체결했다".
_MET = re.compile(
    r"(?:만나|만나고|만난|회담하고|회담한|면담하고|면담한|면담해|열고|열어|개최하고|갖고)[,]?"
)


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
    if last.form == "서" and last.tag == "NNG" and len(tokens) >= 2 and tokens[-2].tag[:2] == "NN":
        return Role.CONTEXT  # "페스티벌서", "포럼서": a headline's 에서, read as a noun
    if last.tag == "NNP" and len(last.form) >= 4 and last.form[-1] in "와과":
        return Role.PARTY  # "티센크루프와": an unknown name Kiwi read with its particle
    if last.form in ("와", "과") and len(tokens) >= 2 and tokens[-2].tag[:2] in ("SL", "NN"):
        return Role.PARTY  # "CAE와", "히카리화학과" with 와/과 read as a noun
    if last.form == "청과" and len(tokens) >= 2 and tokens[-2].tag.startswith("NN"):
        return Role.PARTY  # "투자무역청과" read as 투자 + 무역 + 청과 (produce)
    if (
        last.tag == "NNG"
        and len(last.form) >= 5
        and last.form[-1] in "와과"
        and _ORG_SUFFIX.search(last.form[:-1])
    ):
        return Role.PARTY  # "대구경북경제자유구역청과": a body's name read as one noun
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


KOREAN_SIDE = re.compile(
    r"한국|국내|韓|대한민국|(?<![가-힣])한\s?[-·]|K-|삼성|현대|LG|SK|롯데|한화|포스코|KT|CJ|두산|"
    r"HD|KAI|코트라|KOTRA|서울|부산|경기|인천|대구|광주|대전|울산|세종|강원|충북|충남|전북|전남|경북|경남|제주|"
    # Korean groups and firms that news names bare, beside the foreign firms of companies.py.
    r"네이버|카카오|쿠팡|셀트리온|신한|하나(?:은행|금융|증권|카드)|우리(?:은행|금융|카드)|농협|미래에셋|"
    r"한국투자|한투|키움|교보|기아|효성|코오롱|한진|대한항공|아시아나|아모레|에코프로|엔씨소프트|넥슨|"
    r"넷마블|크래프톤|하이브|야놀자|무신사|11번가|(?<![A-Za-z])(?:GS|LS|KB|NH|IBK|HMM|LIG|SKT)(?![A-Za-z])|"
    # A visit to Korea, a state visit, Korea's president and ministries by their full names.
    r"방한|국빈\s?방문|(?:李|尹|文)\s?대통령|지역\s?(?:기업|업체|중소기업|농가|상인)|도내|관내|산업통상자원부|기획재정부|과학기술정보통신부|국토교통부|"
    r"해양수산부|농림축산식품부|중소벤처기업부|보건복지부|고용노동부|문화체육관광부|행정안전부|방위사업청|㈜|\(주\)|"
    # Korean local public bodies, which news names without "한국" ("여수소방서와").
    r"소방서|경찰서|세무서|교육청|소방본부|보건소|주민센터|행정복지센터|도교육청|시교육청"
)

TAG_PREFIX = re.compile(r"^\s*(?:\[[^\]]{1,20}\]\s*)*")
