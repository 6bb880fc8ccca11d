"""v0 decision logic (being split into status/counterparts/sector_detect/parties/summary)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extractors.gate import AGREEMENT
from extractors.gazetteer import lookup_country
from extractors.kiwi_analyzer import Tok
from extractors.model import Article, Extraction

_SIGNED = re.compile(r"체결|맺었|서명|교환|협약식|조인")
_PLANNED = re.compile(r"예정|하기로|맺기로|계획|추진|방침|앞두고")


@dataclass
class Doc:
    article: Article
    sentences: list[str]
    candidates: list[int]
    tokens: list[list[Tok]] = field(default_factory=list)

    @property
    def to_analyse(self) -> list[str]:
        return [self.sentences[i] for i in self.candidates]


def prepare(article: Article, text: str, split: Callable[[str], list[str]]) -> Doc:
    sentences = [article.title, *split(text)]
    candidates = [i for i, s in enumerate(sentences) if AGREEMENT.search(s) and _SIGNED.search(s)]
    return Doc(article, sentences, candidates)


def decide(doc: Doc) -> Extraction:
    signed = [i for i in doc.candidates if not _PLANNED.search(doc.sentences[i])]
    if not signed:
        status = "planned" if doc.candidates else "none"
        return Extraction(status=status)  # type: ignore[arg-type]
    countries: list[str] = []
    for i, toks in zip(doc.candidates, doc.tokens, strict=True):
        if i not in signed:
            continue
        for t in toks:
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
