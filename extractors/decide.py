"""Article-level decision: which signing sentences count, and the whole Extraction."""

from __future__ import annotations

import re

from extractors.companies import company_pattern
from extractors.counterparts import Counterparts, article_counterparts, has_name
from extractors.document import LEAD, Doc
from extractors.facts import deal_amounts, deal_count, deal_sentences, money_sentences, signing_date
from extractors.model import Extraction
from extractors.mou_score import MouModel, model_signing_sentences
from extractors.parties import group_parties, sentence_parties
from extractors.party_names import party_names
from extractors.sector_detect import cooperation_sentences, describing_sentences
from extractors.sector_score import DealSentences, SectorModel
from extractors.status import AGREEMENT, Tense, dated_this_week, is_stale
from extractors.summary import summarize

# A headline on a criminal case (not on fighting crime: "보험 사기 공동 대응" is an MOU's field).
_CASE_HEADLINE = re.compile(
    r"입건|(?<![가-힣])(?:기소|구속(?!력)|송치|선고|영장|일당|실형)|혐의|징역|압수\s?수색|피의자|피고인|덜미|"
    r"집행유예"
)
# A story with this many distinct investigation/trial words treats its MOUs as evidence.
_CRIME_STORY = 4
_TOPIC = re.compile(r"맞손|손\s?잡|제휴|파트너십")
# A photo caption: "...양해각서를 체결하고 있다.", "...기념 촬영을 하고 있다./제주도".
_CAPTION = re.compile(r"(?:하고|하며)\s?있다\.?\s*(?:/\S*)?$|기념\s?촬영|^\[?사진")


# A caption that dates its scene as past ("지난 10일", "지난달 28일"), today or lately.
_DATED_CAPTION = re.compile(r"(?<![가-힣])지난(?:달)?\s?\d{1,2}\s?일|이날|최근|이달")


def _recent_caption(sentence: str, doc: Doc) -> bool:
    """The caption dates its signing to the last weeks, or a bare day to the last week (a
    bare day further back may be a stock photo of an earlier ceremony)."""
    return _DATED_CAPTION.search(sentence) is not None or dated_this_week(sentence, doc.published)


def signing_sentences(doc: Doc) -> list[int]:
    """The sentences that report an agreement signed now; empty when the article reports none."""
    signed = doc.with_tense(Tense.SIGNED)
    if not signed or doc.crime_words >= _CRIME_STORY or _history(doc):
        return []
    if _CASE_HEADLINE.search(doc.title):
        return []  # "'해외 MOU' 미끼로 투자금 모은 업체 대표 입건": a crime story
    strong = [
        i
        for i in signed
        if i == 0
        or (doc.readings[i].firm and (doc.readings[i].anchored or doc.in_lead(i)))
        or (not doc.readings[i].firm and doc.readings[i].anchored)
    ]
    if strong == [0] and doc.with_tense(Tense.PLANNED):
        return []  # a headline "MOU 체결" over a body that says the signing is still to come
    if signed == [0] and _told_before(doc):
        return []  # "SK온-포드 합작 MOU" over "2021년 포드와 체결한 합작 양해각서에 따라 ..."
    body = [i for i in signed if i]
    others = [s for i, s in enumerate(doc.sentences) if i not in signed]
    lead = " ".join(others[:3])
    # A caption dated to the last weeks ("지난 10일 … 협약을 체결한 뒤 기념 촬영을 하고 있다")
    # shows this signing; an undated one may show an earlier one.
    captions_only = bool(body) and all(
        _CAPTION.search(doc.sentences[i])
        and not (doc.readings[i].anchored and _recent_caption(doc.sentences[i], doc))
        for i in body
    )
    if captions_only and 0 not in signed and not (_TOPIC.search(lead) or AGREEMENT.search(lead)):
        return []  # only a photo caption shows a signing, maybe an earlier one
    if strong:
        return signed
    lead = " ".join(doc.sentences[: 1 + 2])
    if _TOPIC.search(lead) or AGREEMENT.search(lead):
        return [i for i in signed if doc.readings[i].firm]
    return []


_AGREEMENT_ANY = re.compile(r"협정|협약|MOU|양해\s?각서")
# A signing told as done, whatever the document ("상호 무역협정을 체결했다").
_DONE = re.compile(r"(?:체결|서명)(?:했|하였|됐|되었)")


def _other_deals(doc: Doc, signed: list[int]) -> list[int]:
    """Analysed sentences beyond the signing ones that report a signing of something that is
    no MOU for us (a treaty between states): they tell who the story is about."""
    return [
        i
        for i in doc.tokens
        if i not in signed
        and doc.readings[i].tense in (Tense.NONE, Tense.SIGNED)
        and _AGREEMENT_ANY.search(doc.sentences[i]) is not None
        and _DONE.search(doc.sentences[i]) is not None
    ]


def _told_before(doc: Doc) -> bool:
    """The body tells the headline's agreement only as an earlier one: its agreement sentences
    are background or dated to an earlier month or year, and none reports a signing as done."""
    told = [
        i
        for i, r in enumerate(doc.readings)
        if i and AGREEMENT.search(doc.sentences[i]) and r.tense is not Tense.SIGNED
    ]
    return bool(told) and all(
        (doc.readings[i].tense is Tense.BACKGROUND or is_stale(doc.sentences[i], doc.published))
        and not _DONE.search(doc.sentences[i])
        for i in told
    )


def _history(doc: Doc) -> bool:
    """A headline about years long past ("1905년 1월 고종은 ...") is a history piece; a
    recent year is a deal's background ("2023년 中 MOU 이후 처음으로 日 기업과 협약")."""
    if doc.published is None:
        return False
    years = [int(y) for y in re.findall(r"((?:1[89]|20)\d{2})년", doc.title)]
    return any(y < doc.published.year - _HISTORY_YEARS for y in years)


# How far back a headline's year makes the story history.
_HISTORY_YEARS = 10


def counterparts_of(doc: Doc, signed: list[int]) -> Counterparts:
    """The counterparts of an analysed document's signing sentences `signed`."""
    return article_counterparts(
        doc.sentences, doc.tokens, signed, _other_deals(doc, signed), doc.published
    )


def decide(doc: Doc, sector_model: SectorModel | None = None) -> Extraction:
    """The whole Extraction of an analysed document (tokens filled for `sentences_to_analyse`)."""
    signed = doc.signed if doc.signed is not None else signing_sentences(doc)
    if not signed:
        status = "planned" if doc.with_tense(Tense.PLANNED) else "none"
        return Extraction(status=status)  # type: ignore[arg-type]
    counterparts = counterparts_of(doc, signed)
    if counterparts.foreign_only or (doc.in_passing and not counterparts.codes):
        return Extraction(status="none")
    described = describing_sentences(doc.sentences, signed)
    groups = [sentence_parties(doc.sentences[i], doc.tokens.get(i, [])) for i in signed if i]
    if not any(len(g) > 1 for g in groups) and 0 in signed:
        groups.append(sentence_parties(doc.sentences[0], doc.tokens.get(0, [])))
    names = [
        n
        for i in {0, *signed}
        for n in party_names(doc.sentences[i], doc.tokens.get(i, []), proper=False)
    ]
    body_first = [i for i in described if i > 0] + ([0] if 0 in described else [])
    deal = deal_sentences(doc, signed, described)
    told = DealSentences(
        doc.sentences, signed, described, cooperation_sentences(doc.sentences, signed), names
    )
    return Extraction(
        is_mou=True,
        status="signed",
        countries=counterparts.codes,
        sectors=(sector_model or SectorModel()).sectors(told),
        parties=group_parties(groups),
        amounts=tuple(deal_amounts(doc, money_sentences(doc, signed, deal))),
        mou_count=deal_count(doc, deal),
        date=signing_date(doc, signed, deal),
        evidence=tuple(doc.sentences[i] for i in body_first),
        summary=summarize(doc.sentences, signed, described),
    )


# Sentences beyond the signing ones that Kiwi reads to learn a party's country.
_EXTRA_SENTENCES = 12


# A partner "현지" to a country the article named before: "현지 조선소인 A와", "현지 기업들과".
_LOCAL_PARTNER = re.compile(r"(?<![가-힣])현지\s?[가-힣]")
# A sentence that ends on the signing told as done ("…대학과 MOU도 체결했다."), not one that
# goes on to what the partnership does ("협약을 맺어 유니폼을 넘겨받고 있다").
_ENDS_SIGNED = re.compile(r"(?:(?:체결|서명)(?:했|하였)|맺었)다[.”’\"']?\s*$")
# The state itself as the signer ("한국은 … 호주와 처음으로 워킹 홀리데이 협정을 체결했다"): told in
# passing without a date, a treaty's history, not news.
_STATE_SIGNER = re.compile(
    r"^(?:[^,]{0,20}\s)?(?:한국|우리나라|대한민국|한국\s?정부|우리\s?정부|정부)(?:은|는|이|가)\s"
)


def passing_signings(doc: Doc) -> list[int]:
    """Signings reported in passing with a foreign partner (LABELS.md counts them): body
    sentences that end on the signing told as done, with no date earlier than this month and
    no background word, and that name a foreign country or place (or a "현지" partner after the
    headline or lead named one). `decide` keeps the article only if such a sentence yields a
    counterpart: a Korean partner told in passing is as often an old partnership as news (the
    gold splits on it), a foreign one is what our users follow."""
    if doc.crime_words >= _CRIME_STORY or _history(doc) or _CASE_HEADLINE.search(doc.title):
        return []
    # "현지 조선소인 A, B 등과 … MOU를 체결했다" after the headline or lead named the country
    abroad = has_name(" ".join(doc.sentences[: 1 + LEAD]))
    return [
        i
        for i in doc.with_tense(Tense.SIGNED)
        if i
        and doc.readings[i].firm
        and _ENDS_SIGNED.search(doc.sentences[i])
        and (has_name(doc.sentences[i]) or (abroad and _LOCAL_PARTNER.search(doc.sentences[i])))
        and not is_stale(doc.sentences[i], doc.published)
        and not _STATE_SIGNER.search(doc.sentences[i])
    ]


def chosen_signing(doc: Doc, model: MouModel | None = None) -> list[int]:
    """The signing sentences by the rules, or by the fitted model where it is confident the
    rules are wrong (`mou_score.MouModel`), or else the signings told in passing with a foreign
    partner (`passing_signings`, marked on the document)."""
    rules = signing_sentences(doc)
    if model is None or model.is_mou(doc, bool(rules)) == bool(rules):
        if rules:
            return rules
        passing = passing_signings(doc)
        doc.in_passing = bool(passing)
        return passing
    if not rules and (doc.crime_words >= _CRIME_STORY or _CASE_HEADLINE.search(doc.title)):
        return []  # the rules' word on a crime story stands: its MOUs are evidence
    return model_signing_sentences(doc) if not rules else []


def sentences_to_analyse(doc: Doc, model: MouModel | None = None) -> list[int]:
    """Decide the signing sentences (kept in `doc.signed`) and return what Kiwi must read."""
    signed = doc.signed = chosen_signing(doc, model)
    if not signed:
        return []
    # ... also a listed foreign firm's name: "협약에는 …, 한국바스프, … 참여했다"
    extra = [
        i
        for i, s in enumerate(doc.sentences)
        if i not in signed and i and (has_name(s) or company_pattern().search(s))
    ]
    return sorted({0, *signed, *extra[:_EXTRA_SENTENCES]})
