"""What goes into the extractor and what comes out. Plain data: no I/O, no clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any, Literal

Status = Literal["signed", "planned", "none"]


@dataclass(frozen=True)
class Article:
    title: str
    body: str
    """Plain text or HTML; the extractor tells them apart."""
    url: str = ""
    published: dt.datetime | None = None


@dataclass(frozen=True)
class Amount:
    text: str
    """As written in the article ("3천500만유로")."""
    value: float
    currency: str
    """ISO 4217 ("KRW", "EUR", "USD", ...)."""


@dataclass(frozen=True)
class Extraction:
    is_mou: bool = False
    status: Status = "none"
    countries: tuple[str, ...] = ()
    """ISO alpha-2 codes of the foreign counterparts (never KR; "EU" for EU bodies)."""
    sectors: tuple[str, ...] = ()
    parties: tuple[tuple[str, ...], ...] = ()
    """Named signing organisations, one group per agreement."""
    amounts: tuple[Amount, ...] = ()
    mou_count: int | None = None
    date: dt.date | None = None
    evidence: tuple[str, ...] = ()
    summary: str = ""
    gated_out: bool = False
    """True when the cheap keyword gate rejected the article before any analysis."""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["countries"] = list(self.countries)
        data["sectors"] = list(self.sectors)
        data["parties"] = [list(p) for p in self.parties]
        data["amounts"] = [asdict(a) for a in self.amounts]
        data["evidence"] = list(self.evidence)
        data["date"] = self.date.isoformat() if self.date else None
        return data


NOT_MOU = Extraction(gated_out=True)

__all__ = ["NOT_MOU", "Amount", "Article", "Extraction", "Status"]
