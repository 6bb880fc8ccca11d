"""Article-level decision: which signing sentences count, and the whole Extraction."""

from __future__ import annotations

import re

from extractors.document import Doc
from extractors.gazetteer import lookup_country
from extractors.model import Extraction
from extractors.status import AGREEMENT, Tense

# A story with this many distinct investigation/trial words treats its MOUs as evidence.
_CRIME_STORY = 4
_TOPIC = re.compile(r"맞손|손\s?잡|제휴|파트너십")


def signing_sentences(doc: Doc) -> list[int]:
    """The sentences that report an agreement signed now; empty when the article reports none."""
    signed = doc.with_tense(Tense.SIGNED)
    if not signed or doc.crime_words >= _CRIME_STORY:
        return []
    strong = [
        i
        for i in signed
        if i == 0
        or (doc.readings[i].firm and (doc.readings[i].anchored or doc.in_lead(i)))
        or (not doc.readings[i].firm and doc.readings[i].anchored)
    ]
    if strong:
        return signed
    lead = " ".join(doc.sentences[: 1 + 2])
    if _TOPIC.search(lead) or AGREEMENT.search(lead):
        return [i for i in signed if doc.readings[i].firm]
    return []


def decide(doc: Doc) -> Extraction:
    signed = signing_sentences(doc)
    if not signed:
        status = "planned" if doc.with_tense(Tense.PLANNED) else "none"
        return Extraction(status=status)  # type: ignore[arg-type]
    countries: list[str] = []
    for i in signed:
        for t in doc.tokens.get(i, []):
            code = lookup_country(t.form) if t.tag in ("NNP", "SL") else None
            if code and code != "KR" and code not in countries:
                countries.append(code)
    evidence = tuple(doc.sentences[i] for i in signed)
    return Extraction(
        is_mou=True,
        status="signed",
        countries=tuple(countries),
        evidence=evidence,
        summary=" ".join(evidence[:2]),
    )
