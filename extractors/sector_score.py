"""Sectors of a signed agreement by a fitted logistic score over where its cue words stand.

The rules of `sector_detect.py` take every sector whose cue occurs in the deal's sentences; on
articles they were never written against they both over- and under-read (a university among the
parties is not always the field, a field named only in the agreement's name or the lead is
missed). Here every sector is described, for one MOU article, by general features: its cue hits
by where they stand (headline, signing sentence, the agreement's own name "…을 위한 업무협약",
describing and cooperation sentences, the lead, elsewhere, only inside a blanked name or title,
only in quoted speech), their counts and share among all sectors' hits, a party of the sector's
kind, and the rules' own decision. `bench/fit_sectors.py` fits a logistic regression on labelled
articles offline and writes the weights (shared, plus a bias per sector) and the threshold to
`sector_weights.json`; the runtime here is regex and a dot product.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from extractors.document import LEAD
from extractors.fitted import number, shipped, weights_of
from extractors.sector_detect import (
    blank,
    broad_patterns,
    cue_patterns,
    detect_sectors,
    is_roundup,
    unquoted,
)
from extractors.sectors import SECTOR_IDS
from extractors.status import AGREEMENT

FEATURES = (
    "rules",  # the rules of sector_detect pick the sector
    "title",  # a cue in the headline
    "signing",  # ... in a body signing sentence
    "purpose",  # ... in the agreement's own name ("AI 교육 협력을 위한 업무협약")
    "describing",  # ... in a sentence after the signing that spells out the content
    "cooperation",  # ... in a sentence saying what the parties will do together
    "lead",  # ... in another sentence of the lead
    "elsewhere",  # ... anywhere else in the body
    "blanked_only",  # in the deal's sentences only inside a name, title or ministry
    "speech_only",  # in the deal's sentences only inside quoted speech
    "party",  # a signing party's name carries the cue or is of the sector's kind
    "deal_hits",  # log(1 + cue hits in the deal's sentences)
    "body_hits",  # log(1 + cue hits in the whole text)
    "distinct",  # log(1 + distinct cue words in the whole text)
    "share",  # the sector's share of every sector's hits in the deal's sentences
    "top",  # the sector with the most hits in the deal's sentences
    "rules_many",  # the rules pick it among three or more sectors
    "broad_title",  # a broad word of the sector (`sectors.BROAD_CUES`) in the headline
    "broad_deal",  # ... in a signing, describing or cooperation sentence or the agreement's name
    "broad_lead",  # ... in another sentence of the lead
    "broad_hits",  # log(1 + broad words in the deal's sentences)
    "broad_only",  # broad words in the headline or the deal's sentences and no cue anywhere
    "places",  # log(1 + how many of headline, signing, name, describing, cooperation, lead hit)
    "lead_only",  # cues in the lead or elsewhere but in none of the deal's sentences
    "rules_count",  # log(1 + how many sectors the rules pick for the article)
)

# Kinds of party whose very name says the field (a hospital signing is about health).
_PARTY_KINDS: dict[str, re.Pattern[str]] = {
    "education_research": re.compile(
        r"대학교?$|대$|연구원$|연구소$|학교$|과학기술원$|KAIST|카이스트"
    ),
    "bio_health": re.compile(r"병원$|의료원$|의료재단$|보건소$|의원$|제약$|바이오"),
    "finance": re.compile(r"은행$|증권$|보험$|캐피탈$|금융\S*$|자산운용$|카드$"),
}
# The words before an agreement noun that name it: up to six words, across "…을 위한", stopping at
# a word that ends in a particle of a party or a place ("A사와", "B시는", "서울에서").
_PARTICLE_END = re.compile(r"(?:와|과|는|은|이|가|에서|에게|께|,)$")
_PURPOSE_WORDS = 6


def purpose_spans(sentence: str) -> list[str]:
    """The agreement's own name in a sentence: the words before each agreement noun, e.g.
    "AI 기반 교육 혁신을 위한" in "A사와 B대는 AI 기반 교육 혁신을 위한 업무협약을 맺었다"."""
    spans = []
    for m in AGREEMENT.finditer(sentence):
        words = sentence[: m.start()].split()
        taken: list[str] = []
        for word in reversed(words[-_PURPOSE_WORDS:]):
            if taken and _PARTICLE_END.search(word) and word not in ("위한", "관한", "대한"):
                break
            taken.append(word)
        spans.append(" ".join(reversed(taken)))
    return spans


def _hits(text: str, broad: bool = False) -> dict[str, list[str]]:
    """The cue words (or the broad words) of each sector found in a text."""
    out: dict[str, list[str]] = {}
    for sid, pattern in broad_patterns() if broad else cue_patterns():
        found = [m.group(0) for m in pattern.finditer(text)]
        if found:
            out[sid] = found
    return out


@dataclass(frozen=True)
class DealSentences:
    """Where the deal is told in an article: indices into its sentences (0 = the headline)."""

    sentences: Sequence[str]
    signed: Sequence[int]
    described: Sequence[int]
    cooperating: Sequence[int]
    parties: Sequence[str] = ()


def features(deal: DealSentences) -> dict[str, list[float]]:
    """Feature values (in the order of FEATURES) for every sector id."""
    s = deal.sentences
    title = "" if is_roundup(s[0]) else s[0]
    signing = {i for i in deal.signed if i}
    describing = {i for i in deal.described if i} - signing
    cooperating = {i for i in deal.cooperating if i} - signing - describing
    lead = set(range(1, min(len(s), LEAD + 1))) - signing - describing - cooperating
    rest = set(range(1, len(s))) - signing - describing - cooperating - lead
    deal_idx = [0, *sorted(signing | describing | cooperating)]
    where = {
        "title": _hits(blank(title)),
        "signing": _hits(blank(unquoted(" \n".join(s[i] for i in sorted(signing))))),
        "purpose": _hits(
            blank(" \n".join(p for i in [0, *sorted(signing)] for p in purpose_spans(s[i])))
        ),
        "describing": _hits(blank(unquoted(" \n".join(s[i] for i in sorted(describing))))),
        "cooperation": _hits(blank(unquoted(" \n".join(s[i] for i in sorted(cooperating))))),
        "lead": _hits(blank(unquoted(" \n".join(s[i] for i in sorted(lead))))),
        "elsewhere": _hits(blank(unquoted(" \n".join(s[i] for i in sorted(rest))))),
    }
    deal_text = " \n".join([title, *(s[i] for i in deal_idx if i)])
    raw_deal = _hits(deal_text)
    unquoted_raw = _hits(unquoted(deal_text))
    blanked_deal = _hits(blank(unquoted(deal_text)))
    whole = _hits(blank(" \n".join(s)))
    deal_count = {sid: len(blanked_deal.get(sid, ())) for sid in SECTOR_IDS}
    total = sum(deal_count.values())
    most = max(deal_count.values(), default=0)
    rules = set(rule_sectors(deal))
    party_cues = _hits(" ".join(deal.parties))
    deal_body = blank(
        unquoted(" \n".join(s[i] for i in sorted(signing | describing | cooperating)))
    )
    broad = {
        "title": _hits(blank(title), broad=True),
        "deal": _hits(deal_body, broad=True),
        "lead": _hits(blank(unquoted(" \n".join(s[i] for i in sorted(lead)))), broad=True),
    }
    out: dict[str, list[float]] = {}
    for sid in SECTOR_IDS:
        kind = _PARTY_KINDS.get(sid)
        party = sid in party_cues or (
            kind is not None and any(kind.search(p) for p in deal.parties)
        )
        values = {
            "rules": sid in rules,
            **{w: sid in hits for w, hits in where.items()},
            "blanked_only": sid in raw_deal and sid not in blanked_deal and sid in unquoted_raw,
            "speech_only": sid in raw_deal and sid not in unquoted_raw,
            "party": party,
            "deal_hits": math.log1p(deal_count[sid]),
            "body_hits": math.log1p(len(whole.get(sid, ()))),
            "distinct": math.log1p(len(set(whole.get(sid, ())))),
            "share": deal_count[sid] / total if total else 0.0,
            "top": deal_count[sid] > 0 and deal_count[sid] == most,
            "rules_many": sid in rules and len(rules) >= 3,
            "broad_title": sid in broad["title"],
            "broad_deal": sid in broad["deal"],
            "broad_lead": sid in broad["lead"],
            "broad_hits": math.log1p(
                len(broad["title"].get(sid, ())) + len(broad["deal"].get(sid, ()))
            ),
            "places": math.log1p(sum(sid in where[w] for w in where if w != "elsewhere")),
            "lead_only": (sid in where["lead"] or sid in where["elsewhere"])
            and sid not in blanked_deal,
            "rules_count": math.log1p(len(rules)),
            "broad_only": (sid in broad["title"] or sid in broad["deal"])
            and sid not in whole
            and sid not in where["title"],
        }
        out[sid] = [float(values[name]) for name in FEATURES]
    return out


def rule_sectors(deal: DealSentences) -> tuple[str, ...]:
    """The sectors by the cue-word rules alone (`sector_detect.detect_sectors`)."""
    about = sorted({*deal.described, *deal.cooperating} - {0})
    return detect_sectors([deal.sentences[i] for i in about], deal.parties, deal.sentences[0])


def logit(values: Sequence[float], weights: Mapping[str, float], sector: str) -> float:
    """The linear score of one sector's feature values: a feature weighs its shared weight
    plus the sector's own ("rules:finance"), and every sector has its own bias."""
    return (
        weights.get("bias", 0.0)
        + weights.get(f"bias:{sector}", 0.0)
        + sum(
            (weights.get(name, 0.0) + weights.get(f"{name}:{sector}", 0.0)) * v
            for name, v in zip(FEATURES, values, strict=True)
            if v
        )
    )


@dataclass(frozen=True)
class SectorModel:
    """Fitted weights and the probability from which a sector is given."""

    weights: Mapping[str, float] = field(default_factory=dict)
    threshold: float = 0.5

    @classmethod
    def shipped(cls) -> SectorModel:
        """The weights `bench/fit_sectors.py` wrote to `extractors/sector_weights.json`."""
        return cls.from_json(shipped("sector_weights.json"))

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> SectorModel:
        return cls(weights_of(data), number(data, "threshold"))

    def sectors(self, deal: DealSentences) -> tuple[str, ...]:
        """The sector ids whose probability reaches the threshold, in the order of SECTORS; the
        rules' without weights."""
        if not self.weights:
            return rule_sectors(deal)
        cut = math.log(self.threshold / (1.0 - self.threshold))
        values = features(deal)
        return tuple(sid for sid in SECTOR_IDS if logit(values[sid], self.weights, sid) >= cut)
