"""Print per-sentence readings, rules vs model, for chosen shapes (by prefix)."""

import datetime as dt
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, ROOT)
from extractors.cleaning import article_text, split_sentences
from extractors.decide import signing_sentences
from extractors.document import prepare
from extractors.gate import passes_gate
from extractors.model import Article
from extractors.mou_score import FEATURES, MouModel, features, probability

M = MouModel.shipped()
want = sys.argv[1:]
seen = set()
for line in open(HERE + "/results.jsonl"):
    c = json.loads(line)
    if not any(c["shape"].startswith(w) for w in want):
        continue
    key = (c["shape"], c["form"])
    if key in seen:
        continue
    seen.add(key)
    pub = dt.datetime.fromisoformat(c["published"])
    a = Article(c["title"], c["body"], published=pub)
    print("=" * 100)
    print(
        c["shape"],
        c["form"],
        "exp",
        c["exp_mou"],
        c["exp_cc"],
        "got",
        c["got_mou"],
        c["got_cc"],
        c["status"],
    )
    if not passes_gate(a.title, a.body):
        print("  GATED OUT")
        continue
    doc = prepare(a, article_text(a.body), split_sentences)
    for i, (s, r) in enumerate(zip(doc.sentences, doc.readings)):
        print(f"  [{i}] {r.tense.value:10s} firm={int(r.firm)} anc={int(r.anchored)} | {s}")
    rules = signing_sentences(doc)
    f = features(doc, bool(rules))
    p = probability(f, M.weights)
    on = [n for n, v in zip(FEATURES, f) if v]
    print(f"  rules={rules} crime={doc.crime_words} p={p:.3f} feats={on}")
