import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
import datetime as dt
import json
import sys

sys.path.insert(0, ROOT)
from extractors.extractor import Extractor
from extractors.model import Article

P = dt.datetime(2025, 5, 14, 9, tzinfo=dt.UTC)
cases = [json.loads(l) for l in open(os.path.join(HERE, "cases.jsonl"))]
ex = Extractor()
results = ex.extract_many([Article(c["title"], c["body"], published=P) for c in cases])
with open(os.path.join(HERE, "results.jsonl"), "w") as f:
    for c, r in zip(cases, results):
        f.write(
            json.dumps(
                dict(
                    id=c["id"],
                    is_mou=bool(r.is_mou),
                    countries=sorted(r.countries),
                    sectors=sorted(r.sectors),
                ),
                ensure_ascii=False,
            )
            + "\n"
        )
print("done", len(results))
