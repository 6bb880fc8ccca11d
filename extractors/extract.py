"""Compose an `Extraction` from an `Article`: gate, clean, find signing sentences, analyse them."""

from __future__ import annotations

from collections.abc import Iterable

from extractors.gate import passes_gate
from extractors.kiwi_analyzer import Analyzer
from extractors.model import NOT_MOU, Article, Extraction


class Extractor:
    """Holds one lazily built Kiwi; reuse one Extractor for a whole process."""

    def __init__(self, num_workers: int = 1) -> None:
        self._analyzer = Analyzer(num_workers)

    def extract(self, article: Article) -> Extraction:
        return self.extract_many([article])[0]

    def extract_many(self, articles: Iterable[Article]) -> list[Extraction]:
        from extractors.cleaning import article_text, split_sentences
        from extractors.decide import decide, prepare

        results: list[Extraction | None] = []
        pending = []
        for article in articles:
            text = article_text(article.body)
            if not passes_gate(article.title, text):
                results.append(NOT_MOU)
                continue
            doc = prepare(article, text, split_sentences)
            results.append(None)
            pending.append((len(results) - 1, doc))
        flat = [s for _, doc in pending for s in doc.to_analyse]
        tokens = iter(self._analyzer.tokenize_many(flat))
        for index, doc in pending:
            doc.tokens = [next(tokens) for _ in doc.to_analyse]
            results[index] = decide(doc)
        return [r if r is not None else NOT_MOU for r in results]
