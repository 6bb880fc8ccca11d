"""Article-level evidence that a signed MOU is reported, and its fitted logistic score (issue 9).

The rules of `status.py`/`decide.py` call an article an MOU only when a signing sentence has
the right verb and a time word or a place in the lead; on articles they were never written
against they miss signings reported in passing, follow-ups, same-day announcements ("체결한다고
밝혔다"), headlines over an empty body and 협약 deals told with 최근/이달/올해. Instead of one
more rule per shape, every article that passes the gate is described by general features of
its agreement sentences (the kind of agreement word, the signing verb's tense, time words,
where the sentence stands, crime and joint-statement words) and by the rules' own decision;
`bench/fit_mou.py` fits a logistic regression on labelled articles offline and writes its
weights and thresholds to `mou_weights.json`. The runtime is this module: regex and a dot
product, no library. The model only overrides the rules when it is confident (`MouModel`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from extractors.document import CRIME, LEAD, Doc
from extractors.fitted import number, shipped, sigmoid, weights_of
from extractors.status import (
    AGREEMENT,
    COMING,
    NOT_AN_MOU,
    WITHIN,
    Tense,
    denied,
    generic_deal,
    is_stale,
    undone,
)

# Verb forms after an agreement word (looked for in the whole sentence).
_PAST = re.compile(
    r"(?:체결|서명|조인|교환|날인)(?:했|하였|됐|되었)|맺(?:었|어졌)|이뤄졌|성사됐|주고\s?받았|"
    # "업무협약(MOU)을 했다", "투자하기로 협약했다": the noun with a plain 하다
    r"(?:협약|MOU|양해\s?각서)(?:\([^)]{0,20}\))?[’'\"”]?(?:을|를)?\s?(?:했|하였)"
)
_CONNECT = re.compile(
    r"(?:체결|서명|교환)(?:하고|하며|하면서|해\s|한\s?뒤|한\s?후)|맺(?:고|으며|어\s)"
)
_PRESENT = re.compile(
    r"(?:체결|서명)(?:한다|합니다)|맺는다|(?:체결|서명|맺)\S{0,4}고\s?(?:\d+일\s?)?밝혔"
)
# Cue words are words, not pieces of other words: "계기로" is no "기로", "기술이전" no "이전".
_PLANNED = re.compile(r"예정|(?<!계)기로|추진|계획|방침|앞두|앞둔|검토|논의|할\s?것|목표")
_CEREMONY = re.compile(r"협약식|체결식|서명식|조인식|협약\s?행사")
_NOMINAL = re.compile(r"(?:체결|서명|맞손|손\s?잡)\s*(?:[.…!'\"’”/]|,|$)")
_RELATIVE = re.compile(r"(?:체결|서명|맺)(?:한|은|된)\s")
# Time words.
_TODAY = re.compile(r"이날|오늘|전날|어제|현지\s?시간")
_RECENT = re.compile(rf"최근|이달(?!\s?(?:{WITHIN}|말(?![가-힣])))|지난\s?주|올해|이번")
_DAY = re.compile(r"(?<![\d.])(?:(\d{1,2})\s?월\s?)?(\d{1,2})\s?일(?!\s?(?:간|동안|째|까지|부터))")
_STALE = re.compile(
    r"지난해|작년|앞서|지난달|당시|그동안|과거(?!사)|(?<!기술)(?<!기술\s)이전(?!하|을|협상|등기)|이후|"
    r"바\s?있|(?:19|20)\d{2}\s?년|\d+년\s?전(?![가-힣])|\d+년\s?전(?=에|의|인|부터|까지|엔|쯤)"
)
_FUTURE = re.compile(rf"{COMING}|(?<![가-힣])내달(?!리)|다음\s?달|연내|내년|조만간|향후|하반기")
# Kinds of agreement words.
_KINDS = (
    re.compile(r"MOU|MoU|양해\s?각서|엠오유"),
    re.compile(r"업무\s?협약"),
    re.compile(r"(?<!업무)(?<!업무\s)협약"),
    re.compile(r"협정|약정"),
    re.compile(r"의향서|LOI|LoI"),
    re.compile(r"파트너십|제휴"),
)
_JOINT = re.compile(r"공동\s?(?:성명|선언|발표문)|선언문")
_COUNT = re.compile(r"\d+\s?건의?\s?(?:MOU|양해\s?각서|협약|업무\s?협약)")
_FOLLOW = re.compile(r"체결\s?(?:소식|에\s?(?:강세|상승|급등)|효과|이후|을\s?계기|에\s?따라)")
_PARTNER = re.compile(r"협약\s?(?:기관|대학|병원|업체|기업|학교)|협약을\s?맺은\s?(?:기관|곳|업체)")
_CAPTION = re.compile(r"(?:하고|하며)\s?있다\.?\s*(?:/\S*)?$|기념\s?촬영|^\[?사진")
_QUESTION = re.compile(r"\?|까$")

FEATURES = (
    "rule_signed",  # the rules found signing sentences
    "rule_planned",  # the rules read a sentence as planned
    "rule_background",  # the rules read a sentence as background
    "title_agreement",  # the headline names an agreement
    "title_signed",  # the rules read the headline as a signing
    "title_planned",  # the headline's agreement is planned or under way
    "title_question",  # the headline asks
    "short_body",  # two sentences or fewer besides the headline
    "lead_past",  # an agreement sentence of the lead (headline + 3) with a past signing verb
    "lead_connect",  # ... with a connective signing verb (체결하고)
    "lead_present",  # ... told as today's announcement (체결한다, 체결한다고 밝혔다)
    "lead_planned",  # ... with a plan word
    "lead_ceremony",  # ... naming a ceremony
    "lead_nominal",  # ... ending on the signing noun ("MOU 체결")
    "body_past",  # the same for agreement sentences after the lead
    "body_connect",
    "body_present",
    "body_planned",
    "body_ceremony",
    "body_relative",  # a relative clause ("체결한 협약")
    "past_today",  # a past signing with 이날/전날/현지시간 in its sentence
    "past_recent",  # ... with 최근/이달/올해/지난주
    "past_recent_day",  # ... with a date within about a month of publication
    "past_old_day",  # ... with a date further back
    "past_stale",  # ... with 지난해/앞서/지난달/a year
    "past_untimed",  # ... with no time word
    "body_past_recent",  # a past signing after the lead told as recent (today, recent, a date)
    "caption_signing",  # a photo caption showing a signing or its ceremony
    "body_past_untimed",  # a past signing after the lead with no time word at all
    "present_today",  # an announcement with a time word of today
    "future_word",  # 오는/내달/연내 in an agreement sentence
    "kind_mou",  # MOU / 양해각서
    "kind_business",  # 업무협약
    "kind_agreement",  # 협약 alone
    "kind_accord",  # 협정 / 약정
    "kind_letter",  # 의향서 / LOI
    "kind_partnership",  # 파트너십 / 제휴
    "not_an_mou",  # a document named like an agreement that is none (단체협약, FTA, 인수의향서)
    "crime",  # share of crime and court words (up to 6 kinds)
    "joint_statement",  # 공동성명 / 선언문
    "mou_count",  # "N건의 MOU"
    "follow_up",  # "체결 소식", "체결에 강세", "체결을 계기로"
    "partner_mention",  # "협약 기관/대학": partners of a standing programme
    "caption_only",  # every past signing sentence is a photo caption
    "agreement_sentences",  # log(1 + agreement sentences)
    "lead_share",  # share of the agreement sentences in the lead
)


def features(doc: Doc, rule_signed: bool) -> tuple[float, ...]:
    """The values of FEATURES for one prepared document."""
    f = dict.fromkeys(FEATURES, 0.0)
    f["rule_signed"] = float(rule_signed)
    f["rule_planned"] = float(bool(doc.with_tense(Tense.PLANNED)))
    f["rule_background"] = float(bool(doc.with_tense(Tense.BACKGROUND)))
    title = NOT_AN_MOU.sub(" ", doc.title)
    f["title_agreement"] = float(AGREEMENT.search(title) is not None)
    f["title_signed"] = float(doc.readings[0].tense is Tense.SIGNED)
    f["title_planned"] = float(f["title_agreement"] > 0 and _PLANNED.search(title) is not None)
    f["title_question"] = float(_QUESTION.search(doc.title.strip()) is not None)
    f["short_body"] = float(len(doc.sentences) <= 3)
    text = " ".join(doc.sentences)
    f["not_an_mou"] = float(NOT_AN_MOU.search(text) is not None)
    f["crime"] = min(6, len({m.group(0) for m in CRIME.finditer(text)})) / 6
    f["joint_statement"] = float(_JOINT.search(text) is not None)
    f["mou_count"] = float(_COUNT.search(text) is not None)
    f["follow_up"] = float(_FOLLOW.search(text) is not None)
    f["partner_mention"] = float(_PARTNER.search(text) is not None)
    agreements = [i for i in agreement_sentences(doc)]
    past = [i for i in agreements if _PAST.search(doc.sentences[i])]
    f["caption_only"] = float(bool(past) and all(_CAPTION.search(doc.sentences[i]) for i in past))
    f["agreement_sentences"] = math.log1p(len(agreements))
    if agreements:
        f["lead_share"] = sum(doc.in_lead(i) for i in agreements) / len(agreements)
    for i in agreements:
        _sentence(doc, i, f)
    return tuple(f[name] for name in FEATURES)


def agreement_sentences(doc: Doc) -> list[int]:
    """Sentences naming an agreement that is an MOU candidate (documents that are none masked)."""
    masked = (NOT_AN_MOU.sub(" ", s) for s in doc.sentences)
    return [i for i, s in enumerate(masked) if AGREEMENT.search(s) is not None]


def _sentence(doc: Doc, i: int, f: dict[str, float]) -> None:
    s = NOT_AN_MOU.sub(" ", doc.sentences[i])
    where = "lead" if doc.in_lead(i) else "body"
    past = _PAST.search(s) is not None or (i == 0 and _NOMINAL.search(s) is not None)
    present = _PRESENT.search(s) is not None
    for name, pattern in (
        ("past", _PAST),
        ("connect", _CONNECT),
        ("present", _PRESENT),
        ("planned", _PLANNED),
        ("ceremony", _CEREMONY),
    ):
        if pattern.search(s):
            f[f"{where}_{name}"] = 1.0
    if where == "lead" and _NOMINAL.search(s):
        f["lead_nominal"] = 1.0
    if where == "body" and _RELATIVE.search(s):
        f["body_relative"] = 1.0
    for name, pattern in zip(
        ("kind_mou", "kind_business", "kind_agreement", "kind_accord", "kind_letter"),
        _KINDS,
        strict=False,
    ):
        if pattern.search(s):
            f[name] = 1.0
    if _KINDS[-1].search(s):
        f["kind_partnership"] = 1.0
    if _FUTURE.search(s):
        f["future_word"] = 1.0
    today = _TODAY.search(s) is not None
    if present and today:
        f["present_today"] = 1.0
    if not (past or _CONNECT.search(s)):
        return
    if _CAPTION.search(s):
        f["caption_signing"] = 1.0
    days = [_days_ago(doc, m) for m in _DAY.finditer(s)]
    recent_day = any(d <= _MONTH for d in days)
    recent = today or recent_day or _RECENT.search(s) is not None
    if where == "body" and recent and not _STALE.search(s):
        f["body_past_recent"] = 1.0
    timed = False
    for name, hit in (
        ("past_today", today),
        ("past_recent", _RECENT.search(s) is not None),
        ("past_recent_day", recent_day),
        ("past_old_day", bool(days) and not recent_day),
        ("past_stale", _STALE.search(s) is not None),
    ):
        if hit:
            f[name] = 1.0
            timed = True
    if not timed:
        f["past_untimed"] = 1.0
        if where == "body" and not _PLANNED.search(s):
            f["body_past_untimed"] = 1.0


# Days within which a dated signing reported in passing is still news (LABELS.md: "about a
# month").
_MONTH = 35


def _days_ago(doc: Doc, m: re.Match[str]) -> int:
    """Days from an "(N월) M일" date to publication (0 without a publication date)."""
    published = doc.published
    if published is None:
        return 0
    day = int(m.group(2))
    if m.group(1) is None:
        return published.day - day if day <= published.day else published.day + 31 - day
    month = int(m.group(1))
    return ((published.month - month) % 12) * 31 + published.day - day


def probability(values: Sequence[float], weights: Mapping[str, float]) -> float:
    """The logistic score of one article's feature values (in the order of FEATURES)."""
    z = weights.get("bias", 0.0) + sum(
        weights.get(name, 0.0) * v for name, v in zip(FEATURES, values, strict=True)
    )
    return sigmoid(z)


@dataclass(frozen=True)
class MouModel:
    """Fitted weights and the two thresholds at which the model overrides the rules."""

    weights: Mapping[str, float] = field(default_factory=dict)
    add_above: float = 1.1
    """An article the rules call not-MOU becomes one at this probability or above."""
    drop_below: float = -0.1
    """An article the rules call an MOU stops being one below this probability."""

    @classmethod
    def shipped(cls) -> MouModel:
        """The weights `bench/fit_mou.py` wrote to `extractors/mou_weights.json`."""
        return cls.from_json(shipped("mou_weights.json"))

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> MouModel:
        return cls(weights_of(data), number(data, "add_above"), number(data, "drop_below"))

    def is_mou(self, doc: Doc, rule_signed: bool) -> bool:
        """The article-level decision: the rules', unless the model is confident otherwise."""
        if not self.weights or (rule_signed and self.drop_below <= 0.0):
            return rule_signed  # no model, or one that never drops: no features to compute
        p = probability(features(doc, rule_signed), self.weights)
        return p >= self.drop_below if rule_signed else p >= self.add_above


def model_signing_sentences(doc: Doc) -> list[int]:
    """The sentences that carry the signing when the model, not the rules, calls it: agreement
    sentences with a signing verb that the rules read neither as background nor as a plan
    ("체결한다고 밝혔다" may announce a ceremony two days on); none when the article has no such
    sentence, whatever the score."""
    out = []
    for i in agreement_sentences(doc):
        s = doc.sentences[i]
        tense = doc.readings[i].tense
        if tense is Tense.BACKGROUND or _FUTURE.search(s) or is_stale(s, doc.published):
            continue  # told as past ("지난 2월 … 업무협약식") or as coming
        if tense is Tense.PLANNED or (i == 0 and doc.with_tense(Tense.PLANNED)):
            continue  # a plan, or a headline over a body that says the signing is to come
        if undone(s, title=(i == 0)) or denied(s) or generic_deal(s):
            continue  # "협약식이 13일 돌연 취소됐다", "협약을 맺었다며 투자금을 가로챈"
        if i == 0 or any(
            p.search(s) for p in (_PAST, _CONNECT, _PRESENT, _CEREMONY, _NOMINAL, _RELATIVE)
        ):
            out.append(i)
    return out


__all__ = ["FEATURES", "LEAD", "MouModel", "features", "model_signing_sentences", "probability"]
