"""The parties a signing sentence names: the words that end in 와/과 or head its subject, the
items of a list they close ("A, B, C 등 3개 기관은"), and whether a partner is named at all.
Reads the roles `mentions` gives a word's last morphemes; names only, no countries."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.gazetteer import lookup_country
from extractors.kiwi_analyzer import Tok, Word, words_of
from extractors.mentions import _LIST_WORDS, _ORG_SUFFIX, Role, _ending
from extractors.status import AGREEMENT

# Words standing for a party already named ("측", "양사"), not names themselves.
GENERIC = {
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
    r"(?:총괄|수석|공동|최고)?(?:대표(?:이사)?|(?:부)?회장|(?:부)?사장|이사장|총괄|교수|총장|원장|청장|단장|본부장|센터장|"
    r"장관|차관|대사|위원장|관계자(?:들)?|임원(?:진|들)?|경영진|CEO)"
)
# Words between a body's name and its official's title ("노바렌 아태 총괄사장"): the part of
# the body the official heads, not the body.
_UNIT_WORD = re.compile(r"아태|아시아태평양|아시아|동북아|한국|글로벌|해외|본사|지역|총괄|대표")


def names_partner(sentence: str, tokens: Sequence[Tok]) -> bool:
    """True when a word before the sentence's agreement noun names a body and ends in 와/과 or
    a comma (a partner named: "A대는 B사와 협약을", "ETRI, 네이버클라우드는"), False for "양
    기관은 … 협약을", "A대는 … 협약을"."""
    agreement = AGREEMENT.search(sentence)
    stop = agreement.start() if agreement else len(sentence)
    return any(
        word.start < stop
        and (_ending(list(word.tokens)) is Role.PARTY or sentence[word.end - 1] in ",·")
        and _named(sentence, word)
        and not _quoted_at(sentence, word.end - 1)  # "‘성균관대-포모사테크, … 협약식’을 열었다"
        for word in words_of(sentence, tokens)
    )


def _quoted_at(sentence: str, at: int) -> bool:
    """The position lies inside a ‘quoted name’."""
    return sentence.count("‘", 0, at) > sentence.count("’", 0, at)


def _named(sentence: str, word: Word) -> bool:
    """The word before its 와/과 names a body ("B사와", "KIOST와", "식당 28곳과"), not a
    thing ("자료 공유와 모델 개발을 위한")."""
    stem = re.sub(r"(?:와|과|및|,|·)$", "", sentence[word.start : word.end])
    named = any(t.tag in ("NNP", "SL", "SN", "NNB") for t in word.tokens)
    return named or _ORG_SUFFIX.search(stem) is not None


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
        generic = name in GENERIC or len(name) < 2 or _TITLE_ALONE.fullmatch(name)
        body = _official_body(sentence, words, k) if generic else None
        listed = _listed_before(sentence, words, k)
        if body is not None:
            # "B사 관계자가", "A사 대표(오른쪽)와": the organisation the person signs for
            name, is_proper = body
            listed = listed or _officials_before(sentence, words, k)
        # "A, B 등 3개 기관은": the count closes the list, it names nothing
        counted = bool(listed) and _COUNTED.fullmatch(name) is not None
        candidates = listed if counted else [(name, is_proper), *listed]
        for item, item_proper in candidates:
            if (
                (item_proper or not proper)
                and len(item) >= 2
                and item not in GENERIC
                and not _PERSON_TITLE.search(item)
                and lookup_country(item) is None
            ):
                names.add(item)
    return names


# "등 3개 기관은": the count that closes a list, not a name.
_COUNTED = re.compile(r"\d+\s?(?:개|곳|개사|개국|개\s?기관)?")


def _listed_before(sentence: str, words: list[Word], k: int) -> list[tuple[str, bool]]:
    """The other items of a list that words[k] ends ("A, B, C 등 3개 기관은", "A, B와"), with
    whether Kiwi reads each as a proper noun."""
    j = k - 1
    text = [sentence[w.start : w.end] for w in words]
    if j >= 2 and _COUNTED.fullmatch(text[j]) and text[j - 1] == "등":
        j -= 2
        if not _item(words[j].tokens):
            return []
        items = [j]  # the last item, before "등", has no comma
        j -= 1
    else:
        items = []
    after_conjunction = False
    while j >= 0:
        if text[j] in _LIST_WORDS:  # "A, B 및 C는": the item before 및 has no comma
            after_conjunction = True
        elif (after_conjunction or text[j].endswith(",")) and _item(words[j].tokens):
            items.append(j)
            after_conjunction = False
        else:
            break
        j -= 1
    out = []
    for i in items:
        item = _STRIP.sub("", text[i]).strip(" ,·")
        body = _official_body(sentence, words, i) if _TITLE_ALONE.fullmatch(item) else None
        # "…, 마르쿠스 베버 노바렌 아태 총괄사장, …": an official listed for the body
        out.append(body or (item, any(t.tag in ("NNP", "SL") for t in words[i].tokens)))
    return out


def _officials_before(sentence: str, words: list[Word], k: int) -> list[tuple[str, bool]]:
    """The bodies of the other officials of a list that words[k], a title, ends ("A 전남지사와
    B 노바렌 아태 총괄사장, C 화순군수, D 전남개발공사 사장은"): each item is up to
    _OFFICIAL_WORDS words closed by a comma, a title or a name."""
    out: list[tuple[str, bool]] = []
    end = k
    while True:
        j = end - 1
        while j >= 0 and end - j <= _OFFICIAL_WORDS and sentence[words[j].end - 1] not in ",·":
            if any(t.tag.startswith(("J", "E", "V")) for t in words[j].tokens):
                return out
            j -= 1
        if j < 0 or end - j > _OFFICIAL_WORDS or not _item(words[j].tokens):
            return out
        item = _STRIP.sub("", sentence[words[j].start : words[j].end]).strip(" ,·")
        body = _official_body(sentence, words, j) if _TITLE_ALONE.fullmatch(item) else None
        out.append(body or (item, any(t.tag in ("NNP", "SL") for t in words[j].tokens)))
        end = j


# The most words of one official in a list: given and family name, body, unit, title.
_OFFICIAL_WORDS = 5


def _official_body(sentence: str, words: list[Word], k: int) -> tuple[str, bool] | None:
    """The body whose official words[k] names by a title alone ("A사 대표", "노바렌 아태
    총괄사장"), skipping the words of its unit; None when no noun of the same list item is
    before the title."""
    j = k - 1
    while j >= 0 and _UNIT_WORD.fullmatch(sentence[words[j].start : words[j].end]):
        j -= 1
    if j < 0 or not _nominal(words[j].tokens) or sentence[words[j].end - 1] in ",·":
        return None
    name = _STRIP.sub("", sentence[words[j].start : words[j].end]).strip(" ,·")
    return name, any(t.tag in ("NNP", "SL") for t in words[j].tokens)


def _item(tokens: Sequence[Tok]) -> bool:
    """A list item: nouns (a genitive inside: "생명의숲"), closed by a noun or a comma."""
    body = [t for t in tokens if t.tag not in ("SP", "SS", "SO")]
    return (
        bool(body)
        and body[-1].tag.startswith(("NN", "SL", "SN", "SH", "XSN"))
        and not any(t.tag.startswith(("E", "V", "XSV", "XSA")) for t in body)
        and all(t.tag == "JKG" for t in body if t.tag.startswith("J"))
    )


def _nominal(tokens: Sequence[Tok]) -> bool:
    """A word of nouns, foreign letters, numbers and brackets only (no verb, no particle)."""
    return bool(tokens) and all(
        t.tag.startswith(("NN", "SL", "SN", "SH", "SS", "XPN", "XSN")) or t.tag in ("SP", "SO")
        for t in tokens
    )
