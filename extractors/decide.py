"""Article-level decision: which signing sentences count, and the whole Extraction."""

from __future__ import annotations

import re

from extractors.document import Doc
from extractors.sector_detect import describing_sentences, detect_sectors
from extractors.counterparts import article_counterparts, has_name, party_names
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
    if strong == [0] and doc.with_tense(Tense.PLANNED):
        return []  # a headline "MOU 체결" over a body that says the signing is still to come
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
    parties = article_counterparts(doc.sentences, doc.tokens, signed)
    if parties.foreign_only:
        return Extraction(status="none")
    countries = list(parties.codes)
    evidence = tuple(doc.sentences[i] for i in signed)
    parties = [
        name
        for i in {0, *signed}
        for name in party_names(doc.sentences[i], doc.tokens.get(i, []), proper=False)
    ]
    sectors = detect_sectors(
        [doc.sentences[i] for i in describing_sentences(doc.sentences, signed)], parties
    )
    return Extraction(
        is_mou=True,
        status="signed",
        countries=tuple(countries),
        sectors=sectors,
        evidence=evidence,
        summary=" ".join(evidence[:2]),
    )


# Sentences beyond the signing ones that Kiwi reads to learn a party's country.
_EXTRA_SENTENCES = 12


def sentences_to_analyse(doc: Doc) -> list[int]:
    signed = signing_sentences(doc)
    if not signed:
        return []
    extra = [i for i, s in enumerate(doc.sentences) if i not in signed and i and has_name(s)]
    return sorted({0, *signed, *extra[:_EXTRA_SENTENCES]})
