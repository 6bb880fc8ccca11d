import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, ROOT)
from extractors.cleaning import article_text, split_sentences
from extractors.counterparts import mentions
from extractors.decide import sentences_to_analyse
from extractors.document import prepare
from extractors.extractor import Extractor
from extractors.model import Article

P = dt.datetime(2025, 5, 14, 9, tzinfo=dt.UTC)
ex = Extractor()


def dbg(title, body):
    a = Article(title, body, published=P)
    r = ex.extract(a)
    doc = prepare(a, article_text(body), split_sentences)
    doc.analyse = sentences_to_analyse(doc, ex._mou_model)
    toks = ex.analyzer.tokenize_many(doc.sentences[i] for i in doc.analyse)
    print("RESULT", r.is_mou, r.countries, "signed", doc.signed)
    for i, t in zip(doc.analyse, toks):
        print(" ", i, doc.sentences[i][:80], "|", [(x.form, x.tag) for x in t][:14])
        for m in mentions(doc.sentences[i], t, title=(i == 0)):
            print(
                "     M",
                m.code,
                m.role.value,
                repr(m.phrase),
                "pair" if m.pair else "",
                "co" if m.company else "",
            )


if __name__ == "__main__":
    dbg(sys.argv[1], sys.argv[2])
