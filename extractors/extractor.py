"""Compose an `Extraction` from an `Article`: gate, clean, find signing sentences, analyse them."""

from __future__ import annotations

from collections.abc import Iterable

from extractors.bounds import MAX_TEXT_CHARS, bounded
from extractors.decide import decide, sentences_to_analyse
from extractors.document import Doc, prepare
from extractors.gate import passes_gate
from extractors.kiwi_analyzer import Analyzer
from extractors.model import NOT_MOU, Article, Extraction
from extractors.mou_score import MouModel
from extractors.sector_score import SectorModel


class Extractor:
    """Holds one lazily built Kiwi; reuse one Extractor for a whole process."""

    def __init__(
        self,
        num_workers: int = 1,
        mou_model: MouModel | None = None,
        sector_model: SectorModel | None = None,
    ) -> None:
        self._analyzer = Analyzer(num_workers)
        self._mou_model = mou_model if mou_model is not None else MouModel.shipped()
        self._sector_model = sector_model if sector_model is not None else SectorModel.shipped()

    @property
    def analyzer(self) -> Analyzer:
        """The lazily built Kiwi behind this extractor (for tests and benchmarks)."""
        return self._analyzer

    def extract(self, article: Article) -> Extraction:
        return self.extract_many([article])[0]

    def extract_many(self, articles: Iterable[Article]) -> list[Extraction]:
        from extractors.cleaning import article_text, split_sentences

        results: list[Extraction] = []
        pending: list[tuple[int, Doc]] = []
        for article in map(bounded, articles):
            # Most articles are not about agreements: the gate reads the raw body first, which
            # costs a regex where cleaning costs a parse (markup and page furniture only ever add
            # words; numeric character references could hide them, so those are cleaned first).
            raw = article.body
            if "&#" not in raw and not passes_gate(article.title, raw):
                results.append(NOT_MOU)
                continue
            text = article_text(raw)[:MAX_TEXT_CHARS]
            if not passes_gate(article.title, text):
                results.append(NOT_MOU)
                continue
            doc = prepare(article, text, split_sentences)
            doc.analyse = sentences_to_analyse(doc, self._mou_model)
            pending.append((len(results), doc))
            results.append(NOT_MOU)
        wanted = [(doc, i) for _, doc in pending for i in doc.analyse]
        analysed = self._analyzer.tokenize_many(doc.sentences[i] for doc, i in wanted)
        for (doc, i), tokens in zip(wanted, analysed, strict=True):
            doc.tokens[i] = tokens
        for index, doc in pending:
            results[index] = decide(doc, self._sector_model)
        return results
