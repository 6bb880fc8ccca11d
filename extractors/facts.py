"""Amounts, the MOU count and the signing date: which sentences of a signed-MOU article give them.

The facts of a deal sit around the sentences that report it, not only in them: "총 6건의 MOU와 약
3천500만유로(한화 약 463억) 규모 이상의 상담계약을 체결하기도 했다" reports more deals than the
status reader anchors, and "디엔오토모티브는 2028년까지 4400억원을 투자, ... 건립할 계획이다"
follows the signing sentence with its size. So the deal sentences are the headline, the signing
and describing sentences, every sentence that names an agreement and a signing (whatever its
tense reading, unless it is background or a plan), and for money the lead and the few sentences
after a signing that put a figure on the deal ("투자", "출자", "사업비", "규모"). Company
figures (매출, 자산, 시가총액) and per-applicant limits are background.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from extractors.amounts import parse_amounts, parse_mou_count
from extractors.dates import resolve_date
from extractors.document import LEAD, Doc
from extractors.gate import SIGNING
from extractors.model import Amount
from extractors.status import AGREEMENT, Tense

# Words that make a figure the deal's: money put in, raised, exported or agreed.
_DEAL_MONEY = re.compile(
    r"투자|투입|출자|출연|조성|사업비|규모|유치|수출|계약|기부|후원|지원|공급|매입|인수|펀드|보증|대출"
)
# Figures about a party, a market or a programme, and limits per applicant: not the deal.
_BACKGROUND_MONEY = re.compile(
    r"매출|자산|시가\s?총액|영업\s?이익|순이익|연봉|주가|시장\s?규모|지난해|작년|누적|수\s?있|선정된|"
    r"로부터"
)
# How far after a signing sentence its figures may be told.
_AFTER_SIGNING = 3


def deal_sentences(doc: Doc, signed: Sequence[int], described: Sequence[int]) -> list[int]:
    """Headline, signing and describing sentences, and every other sentence that reports an
    agreement being signed (not as background or plan): body first, the headline last."""
    chosen = set(described) | set(signed)
    for i, sentence in enumerate(doc.sentences):
        reading = doc.readings[i].tense
        if reading in (Tense.BACKGROUND, Tense.PLANNED) or i in chosen:
            continue
        if AGREEMENT.search(sentence) and SIGNING.search(sentence):
            chosen.add(i)
    return [i for i in sorted(chosen) if i > 0] + ([0] if 0 in chosen else [])


def money_sentences(doc: Doc, signed: Sequence[int], deal: Sequence[int]) -> list[int]:
    """Deal sentences, plus the lead and the sentences just after a signing that put a figure
    on the deal."""
    around = set(range(1, 1 + LEAD))
    for i in [*signed, *deal]:
        around.update(range(i + 1, i + 1 + _AFTER_SIGNING))
    extra = [
        i
        for i in sorted(around)
        if i < len(doc.sentences)
        and i not in deal
        and _DEAL_MONEY.search(doc.sentences[i])
        and not _BACKGROUND_MONEY.search(doc.sentences[i])
        and doc.readings[i].tense not in (Tense.BACKGROUND, Tense.PLANNED)
    ]
    body = [i for i in deal if i > 0]
    return sorted({*body, *extra}) + [i for i in deal if i == 0]


def deal_amounts(doc: Doc, sentences: Sequence[int]) -> list[Amount]:
    """Amounts of those sentences in order, each value once (the headline's "6121만＄" is the
    body's "6121만달러")."""
    out: list[Amount] = []
    seen: set[tuple[float, str]] = set()
    for i in sentences:
        text = doc.sentences[i]
        if i > 0 and _BACKGROUND_MONEY.search(text) and not AGREEMENT.search(text):
            continue
        for amount in parse_amounts(text):
            if (amount.value, amount.currency) not in seen:
                seen.add((amount.value, amount.currency))
                out.append(amount)
    return out


def deal_count(doc: Doc, deal: Sequence[int]) -> int | None:
    """The number of MOUs stated in a deal sentence or the lead."""
    for i in [*deal, *range(1, min(len(doc.sentences), 1 + LEAD))]:
        count = parse_mou_count(doc.sentences[i])
        if count is not None:
            return count
    return None


def signing_date(doc: Doc, signed: Sequence[int], deal: Sequence[int]) -> dt.date | None:
    """The date of the first anchored signing sentence of the body, else of any signing one,
    else of another sentence reporting the signing ("협약은 전날인 9일 ... 체결됐다")."""
    reporting = [i for i in deal if i not in signed and SIGNING.search(doc.sentences[i])]
    dated = [i for i in signed if i > 0 and doc.readings[i].anchored] + [*signed, *reporting]
    for i in dated:
        date = resolve_date(doc.sentences[i], doc.published)
        if date is not None:
            return date
    return None
