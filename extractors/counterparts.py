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
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.document import LEAD
from extractors.gazetteer import PAIR_ABBREVIATIONS, korean_names, place_names
from extractors.kiwi_analyzer import WORD, Tok
from extractors.mentions import (
    ENGLISH,
    HANJA_PREFIX,
    KOREAN_SIDE,
    SEP,
    TAG_PREFIX,
    UNIT_ABROAD,
    Mention,
    Role,
    mentions,
    name_pattern,
)
from extractors.party_names import GENERIC, names_partner, party_names
from extractors.status import AGREEMENT_WORD, Tense, follow_on_parts, read

_REGION = r"(?:유럽|북미|남미|중남미|중동|아프리카|동남아시아|동남아|중앙아시아|오세아니아)\S*\s"
_ABBR = re.compile(
    "|".join(sorted((re.escape(a) for a, c in PAIR_ABBREVIATIONS.items() if c), key=len)[::-1])
)


_VISIT = re.compile(r"(?:을|를)$|에서$")
_VISIT_VERB = re.compile(r"^\s?(?:방문|찾)")
_HELD = re.compile(r"^\s?\S*\s?(?:열린|개최된|진행된|진행\s?중인|열리는|개막한|참가|참석)")
# International organisations, which give no country (LABELS.md): UN bodies and agencies,
# development banks, world federations and unions.
_INTERNATIONAL = re.compile(
    r"유엔|유네스코|유니세프|세계\S*기구|국제\S*기구|세계은행|아시아개발은행|나토|"
    r"세계\S*(?:연맹|연합)|국제\S*연맹|"
    r"(?<![A-Za-z])(?:UN|UNESCO|OECD|WHO|IMF|FAO|WFP|UNICEF|UNDP|UNHCR|ILO|IAEA|WTO|WIPO|IOC|"
    r"FIFA|ADB|OPEC|NATO|IUCN|IOM|UNODC|UNEP|UNIDO|IFAD|GGGI|ITU|ICAO|IMO|UNWTO|UNFCCC|"
    r"WWF|IRENA|IEA)(?![A-Za-z])"
)


# A fair or its pavilion as the place: Korean firms meet there ("CES 2024 대구관에서").
_FAIR = re.compile(r"CES|MWC|IFA|박람회|전시회|엑스포|EXPO|페어|전시관|[가-힣]관에서|부스")


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
            if _HELD.match(rest) or KOREAN_SIDE.search(before_deal) or _FAIR.search(m.phrase):
                continue
            if _INTERNATIONAL.search(before_deal) or _INTERNATIONAL.search(m.phrase):
                continue  # "로마 FAO 본부에서 … FAO 직원협회와": an international body's seat
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
# ("현지 한인 기업과", "현지법인 A은행은 B공사와" are no local party)
_LOCAL = r"(?<![가-힣])현지(?!에)(?!\s?(?:법인|한인|한국|교민|동포|진출|공장|지사))"
_LOCAL_PARTY = re.compile(
    _LOCAL + r"\s?(?:[가-힣A-Za-z]+(?<![은는이가을를에도])\s){0,2}[가-힣A-Za-z]{0,4}?"
    r"(?:기업|업체|회사|대학|병원|은행|기관|정부|파트너|협력사|단체|학교|연구소|조선소|운영사|"
    r"상공회의소|협회|조합|스타트업|통신사|제약사|유통사|공사|브랜드|건설사|보험사|증권사|금융사|항공사|"
    r"선사|바이어|딜러|유통업체|개발사|시행사|발전사|사업자|여행사|여행업계|호텔|리조트|농장|"
    r"수입사|수입업체|결제사|운송사|제조사|판매사|배급사|방송사|물류사|식품사)"
    r"[가-힣·]{0,8}?(?:들)?(?:\s[‘'\"“]?[가-힣A-Za-z0-9]{2,12}?[’'\"”]?)?(?:\([^)]{0,30}\))?"
    r"(?:\s?\d+\s?(?:곳|개|개사|개교))?(?:와|과|및|·|,)"
)


def _local_after_country(
    sentences: Sequence[str], found: dict[int, list[Mention]], signed: Sequence[int]
) -> list[str]:
    """ "한화오션은 필리핀을 방문했다. 회사는 현지 조선소·대학과 MOU를 체결했다": a party named
    only as local takes the one foreign country the title and the two sentences before name,
    as a place, a market or the seat of a Korean unit ("베트남 법인은 ... 현지 기업과"), or the
    sentence itself names before it as where it happens ("베트남 하노이에서 현지 식품기업 B와");
    none when they name two."""
    codes: list[str] = []
    for i in signed:
        local = _LOCAL_PARTY.search(sentences[i])
        own = [m for m in found.get(i, []) if m.code != "KR"]
        if not local or any(m.role is not Role.CONTEXT for m in own):
            continue
        here = [
            m
            for m in own
            if m.start < local.start()
            and (_LOCATIVE.search(m.phrase) or _moved_to(sentences[i], m))
        ]
        places = _local_places(sentences, found, {0, *range(max(1, i - 2), i + 1)})
        if here:
            places = {m.code for m in here}
        if len(places) == 1:
            codes.append(next(iter(places)))
    return codes


def _local_places(
    sentences: Sequence[str], found: dict[int, list[Mention]], near: set[int]
) -> set[str]:
    """The foreign countries "현지" may stand for: those the sentences `near` name, and the seats
    of Korean units there ("한화생명 인도네시아법인은 현지 은행과", which names no party)."""
    places = {
        m.code
        for j in near
        for m in found.get(j, [])
        if not m.pair and not m.company and m.code != "KR"
    }
    return places | {code for j in near for code in _unit_countries(sentences[j])}


# Where the signer went before signing there: "캐나다 토론토로 이동해 현지 연구기관과".
_DESTINATION = re.compile(r"(?:으로|로|을|를|에)\s*$")
_MOVED = re.compile(r"\s*(?:이동|방문|도착|건너가|건너간|날아가|날아간|찾아|찾은|찾았)")


def _moved_to(sentence: str, mention: Mention) -> bool:
    end = mention.start + len(mention.phrase)
    return bool(_DESTINATION.search(mention.phrase) and _MOVED.match(sentence, end))


def _local_named_before(
    sentences: Sequence[str],
    found: dict[int, list[Mention]],
    kept: Sequence[int],
    names: dict[int, set[str]],
) -> list[str]:
    """A partner named bare in the signing sentence that an earlier sentence introduced as local
    ("인도네시아 법인 A가 현지 전자결제 기업 B와 손잡고 … A는 B와 MOU를 체결했다"): the one foreign
    country that sentence, the one before it and the headline name."""
    codes: list[str] = []
    for i in kept:
        for name in names.get(i, set()) if i else ():
            local = re.compile(
                _LOCAL
                + r"\s?(?:[가-힣A-Za-z]+\s){0,3}"
                + re.escape(name)
                + r"(?:와|과|는|은|이|가|를|을|의|[\s(,]|$)"
            )
            for j in range(i - 1, max(0, i - 3), -1):
                if not local.search(sentences[j]):
                    continue
                places = _local_places(sentences, found, {0, j - 1, j})
                if len(places) == 1:
                    codes.append(next(iter(places)))
                break
    return codes


def _unit_countries(sentence: str) -> set[str]:
    """Countries where the sentence seats a Korean firm's unit ("인도네시아법인", "베트남 공장")."""
    return {
        korean_names().get(m.group(0)) or place_names().get(m.group(0)) or "KR"
        for m in name_pattern().finditer(sentence)
        if UNIT_ABROAD.match(sentence, m.end())
    } - {"KR"}


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


# A signer referred back to by a one-syllable surname and a Korean body's title ("박 시장은",
# "김 지사는"): the Korean side a story introduced in full earlier; foreign signers are named by
# their transliterated names ("트럼프 대통령"), and heads of state are not among these titles.
_SURNAME_OFFICIAL = re.compile(
    r"(?<![가-힣])[가-힣]\s(?:시장|도지사|지사|군수|구청장|교육감|총장|원장|청장|이사장|사장|회장|대표)"
    r"(?:은|는|이|가)\s"
)


def _korean_named(names: set[str], acronyms: frozenset[str] = frozenset()) -> bool:
    return any(
        KOREAN_SIDE.search(n) or _KOREAN_INSTITUTION.search(n) or n in acronyms for n in names
    )


# An acronym given in brackets after a name: "서울경제진흥원(SBA)", "유럽부정행위방지청(OLAF·…)".
_ACRONYM_AFTER = r"\s?\(([A-Z][A-Za-z&]{1,9})"
# A Korean body's name with its acronym: "서울경제진흥원(SBA)", "한국해양과학기술원(KIOST)".
_ACRONYM = re.compile(r"([가-힣]{2,40}(?:\s[가-힣]{1,40})?)" + _ACRONYM_AFTER + r"\)")


def korean_acronyms(sentences: Sequence[str]) -> frozenset[str]:
    """Acronyms the article defines for Korean bodies; a later "SBA와 알리바바" then has a
    Korean side beside the foreign firm."""
    return frozenset(
        m.group(2)
        for s in sentences
        for m in _ACRONYM.finditer(s)
        if _korean_named({m.group(1)}) and not has_name(m.group(1))
    )


# A headline "A, ... B와 업무협약": A, the announcing party, heads it before a comma.
_ANNOUNCER = re.compile(r"^([가-힣A-Za-z0-9&·]+(?:\s[가-힣A-Za-z0-9&]+)?),\s")


_FOREIGN_DESK = re.compile(r"외신|해외|글로벌|국제|월가|실리콘밸리|World|Global", re.IGNORECASE)


def _announcer_headline(title: str, found: list[Mention]) -> bool:
    """A deal headline of the economy feeds' shape "씨어스테크놀로지, 중동 최대 헬스케어 그룹
    퓨어헬스와 업무협약": the party named first announces the deal, and when nothing marks it as
    foreign (no country, place or listed foreign organisation in it, not a name in Latin letters
    only) it stands for the Korean side beside the listed organisation after it."""
    tag = TAG_PREFIX.match(title)
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


# ...also a headline's "X서" ("실리콘밸리서"), not a document (각서, 계약서, 보고서).
_LOCATIVE = re.compile(r"(?:에서|에서는|에서의|에서도|(?<=[가-힣]{2})(?<![각약고명문증])서)\s*$")
# A headline's part about a deal still to come or an earlier one: "美 조지아주와 협약… 加
# 앨버타주와는 다음 달", "…앞서 英 UKEF와도 MOU", "호주 광산사와 MOU 이어 인니 기업과도 협약".
_PLAN_WORDS = re.compile(
    r"다음\s?달|내달|예정|추진|연내|내년|앞두|검토|협의\s?중|협상\s?중|앞서|지난해|작년|\d+\s?년째|"
    r"(?:은|는)\s?(?:협의|논의|상담|보류|불발|무산|제외)"
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
    segment = title[start + 1 : min(ends) if ends else len(title)]
    if _PLAN_WORDS.search(segment) is not None:
        return True
    # "美 기업과 MOU, 캐나다는 협의만", "…태국·말레이는 상담만": a part after the deal's part that
    # names no deal of its own tells who did not sign.
    return (
        start > 0
        and not _TITLE_DEAL.search(segment)
        and _TITLE_DEAL.search(title[:start]) is not None
    )


_TITLE_DEAL = re.compile(
    AGREEMENT_WORD + r"|맞손|손\s?잡|협력|제휴|파트너|공동\s?연구|공동\s?개발|교류"
)


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
    if KOREAN_SIDE.search(" ".join(names)):
        return False
    if _KOREAN_OFFICIAL.search(sentence) or (not title and _SURNAME_OFFICIAL.search(sentence)):
        return (
            False  # "김두영 울산시장과 바이에른주 경제에너지부 관계자들이": a Korean official signs
        )
    if any(n not in placed and _korean_named({n}) for n in names):
        return False  # "창원시는 ... 독일 지멘스에너지와": a Korean city no country phrase holds
    if title:
        tag = TAG_PREFIX.match(sentence)
        lead = tag.end() if tag else 0
        first = re.split(r"[,…]|\.\.\.", sentence[lead:], maxsplit=1)[0]
        topic = has_name(sentence[:lead]) or any(
            m.start == lead and not m.pair and not m.company and len(first) < len(sentence) - lead
            for m in found
        )
        if KOREAN_SIDE.search(first):
            return False
        # "폴란드 국방부와 협정 체결…LIG넥스원 신고가": a Korean firm named in the other part
        rest = sentence[lead + len(first) :]
        if any(m.group(0) not in _KOREA_WORDS for m in KOREAN_SIDE.finditer(rest)):
            return None
        # A foreign place heading a headline about something else makes it foreign news
        # ("사이판-티니안-로타, 스포츠관광 강화"); a deal headline needs its parties inside the
        # country's phrase ("호주 퀸즐랜드주-고려아연, … MOU" has 고려아연 outside it).
        unnamed = not names and _TITLE_DEAL.search(sentence) is None
        if _foreign_pair_start(sentence[lead:]) or (
            topic and (names or unnamed) and names <= placed
        ):
            return True
    subjects = {m.code for m in found if m.role is Role.SUBJECT}
    partners = {m.code for m in found if m.role is Role.PARTY}
    if subjects and partners - subjects:
        return True
    if subjects and names and names <= placed:
        return True
    return None


# A Korean region's or body's head as a signer ("울산시장과", "경북도지사는").
_KOREAN_OFFICIAL = re.compile(
    r"(?:" + KOREAN_SIDE.pattern + r")[가-힣]{0,6}(?:시장|도지사|지사|군수|구청장|교육감|총장|청장)"
    r"(?:과|와|이|가|은|는|및)\s"
)
_KOREA_WORDS = frozenset({"한국", "국내", "韓", "대한민국"})
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
    return {n for ms in found.values() for m in ms for n in names if _in_phrase(n, m)}


def _in_phrase(name: str, m: Mention) -> bool:
    """A foreign country's phrase holds the name, not past a mark that pairs two parties:
    "주한오스트리아대사관 문화원·성동구" holds 문화원, not 성동구 (and "한국수자원공사" is no
    foreign place's)."""
    at = m.phrase.find(name)
    return (
        m.code != "KR"
        and at >= 0
        and re.search(r"[·‧ㆍ・–—]|\s-\s?|-", m.phrase[m.end - m.start : at]) is None
    )


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
    first = name_pattern().match(text) or HANJA_PREFIX.match(text) or _ABBR.match(text)
    if first is None or first.group(0) in ("韓", "한"):
        return False
    sep = re.match(SEP, text[first.end() :])
    if sep is None:
        return False
    rest = text[first.end() + sep.end() :]
    second = name_pattern().match(rest) or HANJA_PREFIX.match(rest)
    return second is not None


# A sentence that lists who took part in the agreement just reported.
_PARTICIPANTS = re.compile(
    r"(?:협약서?|MOU|양해각서|협정서?|컨소시엄|협력)에\s?(?:참여|참가|서명)한\s?"
    r"(?:곳|기관|기업|업체|회사|대학|국가|나라|파트너|개발사|사업자|투자사|\S{1,4}사)(?:들)?(?:은|는)|"
    r"참여\s?(?:기관|기업|업체|대학|회사)(?:들)?(?:은|는)\s|"
    # "협약에는 프랑스 A와 이탈리아 B가 참여했다", "협정 상대는 캐나다 A, 호주 B다",
    r"^(?:(?:이번|이날|이\s날)\s)?(?:협약|MOU|양해각서|협정)에는\s.*(?:참여|참가|서명|함께)(?:했|하였)다|"
    # "협약 기관은 우즈베키스탄 A, 카자흐스탄 B다", "협약 대학은 인도네시아 A, 태국 B다"
    r"^(?:이번\s)?(?:협약|MOU|양해각서|협정)\s?(?:체결\s?)?(?:기관|대학|기업|병원|도시)(?:들)?(?:은|는)\s|"
    r"^(?:이번\s)?(?:(?:협약|MOU|양해각서|협정|제휴)\s?)?(?:상대|상대방|당사자|파트너|대상)(?:기관|기업)?"
    r"(?:은|는)\s"
)
# How far after a signing sentence its list of participants may come.
_PARTICIPANT_SPAN = 5


# A party named by a demonstrative and a kind of body ("이 학교와", "해당 기업과").
_ANAPHOR = re.compile(
    r"(?<![가-힣])(?:이|해당|그|같은)\s?(학교|회사|대학|기관|병원|업체|단체|재단|협회|연구소|기업|센터|"
    r"운영사|은행|도시|정부|항만|항)(?:와|과|측과|는|은|가|이)(?![가-힣])"
)
# Words a story uses for one firm in turn ("독일계 기업 A는 … 이 회사는").
_FIRM_WORDS = ("회사", "기업", "업체")
# How many sentences back a demonstrative may point.
_ANAPHOR_REACH = 4


def _unit_stem(name: str) -> str:
    """The parent's name in a Korean unit's name ("베르너코리아"), else "" ("한국X" is as often
    a Korean body: 한국항공우주, 한국전력)."""
    m = re.fullmatch(r"([가-힣A-Za-z]{2,}?)\s?(?:코리아|Korea)", name)
    stem = m.group(1) if m else ""
    return stem if stem != name and len(stem) >= 3 and not _korean_named({stem}) else ""


def _anaphora(
    sentences: Sequence[str], found: dict[int, list[Mention]], kept: Sequence[int]
) -> list[str]:
    """The countries of bodies a signing sentence names by a demonstrative: the nearest earlier
    mention, within a few sentences, whose phrase names that kind of body."""
    codes = []
    for i in kept:
        for a in _ANAPHOR.finditer(sentences[i]) if i else ():
            for j in range(i - 1, max(-1, i - 1 - _ANAPHOR_REACH), -1):
                ms = [
                    m
                    for m in found.get(j, [])
                    if any(kind in m.phrase for kind in _kinds(a.group(1)))
                    and not m.pair
                    and not _LOCATIVE.search(m.phrase)
                ]
                if ms:
                    codes.append(ms[-1].code)
                    break
    return codes


def _kinds(word: str) -> tuple[str, ...]:
    return _FIRM_WORDS if word in _FIRM_WORDS else (word,)


def _together(sentence: str, m: Mention) -> bool:
    """ "A대가 미국 B사와 함께 … 키운다": the country's body acts with the subject."""
    after = sentence[m.start + len(m.phrase) :]
    return re.search(r"(?:와|과)$", m.phrase.rstrip()) is not None and (
        re.match(r"\s?(?:함께|공동으로|힘을\s?(?:합|모))", after) is not None
    )


_DIGEST = re.compile(r"\s외\s?$|外\s?$")


# What an appositive sentence says of a body in its country's phrase: its kind ("… 소속
# 기관으로", "… 장비 기업이다"), or its seat after it ("독일 남부에 본사를 둔").
_DESCRIBED = re.compile(
    r"(?:기업|기관|회사|대학|단체|재단|그룹|업체|연구소|병원|은행|공사|정부|조직)(?:으로|이다|이며|로서|다)"
    r"[.,]?$"
)
_SEATED = re.compile(r"\s?본(?:사|부)를\s?(?:둔|두고)")


def _describes(sentence: str, m: Mention) -> bool:
    phrase = m.phrase.split(",", 1)[0].rstrip()  # "… 소속 기관으로, EU 예산을"
    if _DESCRIBED.search(phrase):
        return True
    return phrase.endswith("에") and _SEATED.match(sentence, m.start + len(m.phrase)) is not None


def _lists_countries(m: Mention, found: Sequence[Mention]) -> bool:
    """Another country is named inside the phrase the mention heads ("태국·말레이시아 병원")."""
    return any(o.code != m.code and m.start < o.start < m.start + len(m.phrase) for o in found)


def _described(
    sentences: Sequence[str], found: dict[int, list[Mention]], wanted: set[str]
) -> list[str]:
    """Countries of signing parties that a sentence describes by their country: "OLAF는
    유럽연합(EU) 집행위원회 소속 기관으로", "크로이츠는 독일 남부에 본사를 둔 … 기업이다"."""
    text = " ".join(sentences)
    aliases = {a for n in wanted for a in _aliases(n, text)}
    codes = []
    for j, ms in found.items():
        for name in aliases:
            head = re.match(
                rf"^(?:\S+\s){{0,3}}?{re.escape(name)}(?:\([^)]*\))?(?:은|는)\s", sentences[j]
            )
            if head is None:
                continue
            after = [m for m in ms if head.end() <= m.start <= head.end() + 10 and m.code != "KR"]
            # One body has one seat: "연내 태국·말레이시아 병원으로 공급처를 넓힌다" lists markets.
            if after and _describes(sentences[j], after[0]) and not _lists_countries(after[0], ms):
                codes.append(after[0].code)
    return codes


def _aliases(name: str, text: str) -> set[str]:
    """A party's name and the acronym the article gives it: "유럽부정행위방지청(OLAF·…)" is also
    OLAF."""
    out = {re.sub(r"\(.*$", "", name).strip()}
    out |= set(re.findall(re.escape(name) + _ACRONYM_AFTER, text))
    return {a for a in out if len(a) >= 2}


def _lead_partners(
    sentences: Sequence[str],
    tokens: dict[int, list[Tok]],
    found: dict[int, list[Mention]],
    kept: Sequence[int],
) -> list[str]:
    """When no signing sentence names a partner, the one foreign partner the sentence just
    before it named beside a Korean signer: "A대가 미국 B사와 손잡고 … 키운다. 양 기관은 14일 …
    협약을 체결했다", "A사와 폴란드 B사가 … 세운다. 양사는 …". Not two foreign sides ("일본 A와
    독일 B가 … 두 회사는"), nor a list of countries ("미국, 일본 등 14국 바이어가 참가했다")."""
    body = [i for i in kept if i]
    if not body or any(names_partner(sentences[i], tokens.get(i, [])) for i in body):
        return []
    j = body[0] - 1
    signers = set().union(*(party_names(sentences[i], tokens.get(i, []), False) for i in body))
    if not 1 <= j <= LEAD or not _korean_named(
        signers | party_names(sentences[j], tokens.get(j, []), False)
    ):
        return []
    codes = {
        m.code
        for m in found.get(j, [])
        if (m.role in (Role.PARTY, Role.SUBJECT) or _together(sentences[j], m))
        and m.code != "KR"
        and not m.pair
        and not _LOCATIVE.search(m.phrase)
        and not UNIT_ABROAD.match(sentences[j], m.end)
    }
    return list(codes) if len(codes) == 1 else []


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
    r"정상회담|정상\s?회의|장관\s?회담|국빈|방한|순방|공식\s?방문|총리|대통령|주석|국왕|왕세자"
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
    return bool(name_pattern().search(text) or HANJA_PREFIX.search(text) or ENGLISH.search(text))


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
    tag = TAG_PREFIX.match(sentences[0])
    if tag and 0 in found:  # "[美특징주]": a section label, not a party
        found[0] = [m for m in found[0] if m.start >= tag.end()]
    names = {i: party_names(sentences[i], tokens.get(i, [])) for i in {0, *signed}}
    # "… 加 앨버타주와는 다음 달": a headline's partner of a deal still to come is none now
    names[0] = {n for n in names[0] if not _planned_segment(sentences[0], sentences[0].find(n))}
    every = set().union(*names.values())
    resolved = {n for ms in found.values() for m in ms for n in every if _in_phrase(n, m)}
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
    acronyms = korean_acronyms(sentences)
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
            or _korean_named(party_names(sentences[i], tokens.get(i, []), proper=False), acronyms)
            or (i > 0 and _announcer_sentence(sentences[i], found.get(i, [])))
            or (i > 0 and _SURNAME_OFFICIAL.search(sentences[i]) is not None)
        )

    # A foreign firm named without its country counts only beside a Korean party
    # ("코베스트로가 페르티글로브와" may be a deal between foreign firms).
    for i in kept:
        for m in found.get(i, []):
            if i == 0 and _planned_segment(sentences[0], m.start):
                continue
            if m.role is Role.CONTEXT or _INTERNATIONAL.search(m.phrase):
                continue  # "워싱턴DC에 있는 세계자연보전연맹(IUCN) 북미사무소를": no country
            if not m.company or korean_party(i):
                add(m.code)
    deal_title = 0 in kept or (0 not in signed and _TITLE_DEAL.search(sentences[0]) is not None)
    korean_title = (
        korean_party(0)
        or any(korean_party(i) for i in kept)
        or _announcer_headline(sentences[0], found.get(0, []))
    )
    # A digest's headline ("[플라자] 한·호주 경제협력위원회 개최 외") heads its first item only.
    digest = _DIGEST.search(sentences[0]) is not None
    for m in found.get(0, []) if verdict[0] is not True else []:
        signer = m.role is Role.PARTY or (m.company and m.role is Role.SUBJECT)
        planned = _planned_segment(sentences[0], m.start)
        heads_deal = 0 in kept if digest else m.pair or deal_title
        if signer and heads_deal and (not m.company or korean_title) and not planned:
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
        if len(n) >= 4 and not _korean_named({n}) and n not in GENERIC
    }
    # "베르너코리아와" after "독일 … 기업 베르너 오토모티브의 한국 법인": a Korean unit's parent
    stems = {stem for n in wanted if (stem := _unit_stem(n))}
    for ms in found.values():
        for m in ms:
            named = any(re.search(rf"(?<![가-힣]){re.escape(t)}", m.phrase) for t in stems)
            if named and not m.pair and not m.company and not _LOCATIVE.search(m.phrase):
                add(m.code)
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
    # "OLAF는 유럽연합(EU) 집행위원회 소속 기관으로": a party described by its country.
    for code in _described(sentences, found, wanted):
        add(code)
    # "이번 협약에 참여한 곳은 노르웨이의 A, 덴마크의 B다": the parties, listed after the signing.
    for i in _participant_lists(sentences, kept):
        for m in found.get(i, []):
            if (
                not m.pair
                and not _LOCATIVE.search(m.phrase)
                and not UNIT_ABROAD.match(sentences[i], m.end)
            ):
                add(m.code)
    # "이 학교와 … 협약을 맺었다" after "영국의 한 요리학교가 …": the body named just before.
    for code in _anaphora(sentences, found, kept):
        add(code)
    if not codes:
        for code in _visited(sentences, found, kept):
            add(code)
    if not codes:
        for code in _lead_partners(sentences, tokens, found, kept):
            add(code)
    # Each signing sentence's own "현지" party ("인도 주정부와 MOU … 이어 베트남 하노이에서 현지
    # 기업 비엣텍과"), even when another sentence named its country.
    for code in _local_after_country(sentences, found, kept):
        add(code)
    for code in _local_named_before(sentences, found, kept, names):
        add(code)
    # "양국 국방연구소는 ... 체결했다" after a headline "한-사우디 국방장관 회담".
    pairs = {m.code for ms in found.values() for m in ms if m.pair}
    if len(pairs) == 1 and any("양국" in sentences[i] for i in kept):
        add(next(iter(pairs)))
    elif len(pairs) == 1 and 0 in kept and _SUMMIT.search(sentences[0]):
        # "韓·베트남 정상회담…MOU 10건 체결": a summit's headline that reports its MOUs
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
