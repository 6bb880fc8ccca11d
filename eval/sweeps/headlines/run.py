import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
import collections
import datetime as dt
import json
import sys

sys.path.insert(0, ROOT)
sys.path.insert(0, HERE)
from cases import CASES

from extractors.extractor import Extractor
from extractors.model import Article

P = dt.datetime(2025, 5, 14, 9, tzinfo=dt.UTC)
ex = Extractor()
res = ex.extract_many([Article(c["title"], c["body"], published=P) for c in CASES])
out = []
for i, (c, r) in enumerate(zip(CASES, res)):
    out.append(
        dict(
            i=i,
            shape=c["shape"],
            title=c["title"],
            body=c["body"],
            note=c["note"],
            gold_mou=c["is_mou"],
            got_mou=bool(r.is_mou),
            gold_c=list(c["countries"]),
            got_c=sorted(r.countries),
            gold_s=list(c["sectors"]),
            got_s=sorted(r.sectors),
        )
    )
json.dump(out, open(os.path.join(HERE, "results.json"), "w"), ensure_ascii=False, indent=1)


import sys as _sys

_sys.path.insert(0, os.path.dirname(HERE))
from prf import prf

tp = sum(o["gold_mou"] and o["got_mou"] for o in out)
fp = sum((not o["gold_mou"]) and o["got_mou"] for o in out)
fn = sum(o["gold_mou"] and not o["got_mou"] for o in out)
print(
    "is_mou P/R/F1 %.3f %.3f %.3f  (tp %d fp %d fn %d, n %d)"
    % (*prf(tp, fp, fn), tp, fp, fn, len(out))
)
ctp = sum(len(set(o["gold_c"]) & set(o["got_c"])) for o in out)
cfp = sum(len(set(o["got_c"]) - set(o["gold_c"])) for o in out)
cfn = sum(len(set(o["gold_c"]) - set(o["got_c"])) for o in out)
print("country P/R/F1 %.3f %.3f %.3f  (tp %d fp %d fn %d)" % (*prf(ctp, cfp, cfn), ctp, cfp, cfn))
given = [o for o in out if o["got_c"]]
bad = [o for o in given if set(o["got_c"]) - set(o["gold_c"])]
print(
    "articles given a country: %d; with a non-counterpart country: %d (%.1f%%)"
    % (len(given), len(bad), 100 * len(bad) / max(1, len(given)))
)
stp = sum(len(set(o["gold_s"]) & set(o["got_s"])) for o in out)
sfp = sum(len(set(o["got_s"]) - set(o["gold_s"])) for o in out)
sfn = sum(len(set(o["gold_s"]) - set(o["got_s"])) for o in out)
print(
    "sector micro P/R/F1 %.3f %.3f %.3f  (tp %d fp %d fn %d)" % (*prf(stp, sfp, sfn), stp, sfp, sfn)
)
# sectors restricted to gold-true & got-true
both = [o for o in out if o["gold_mou"] and o["got_mou"]]
stp2 = sum(len(set(o["gold_s"]) & set(o["got_s"])) for o in both)
sfp2 = sum(len(set(o["got_s"]) - set(o["gold_s"])) for o in both)
sfn2 = sum(len(set(o["gold_s"]) - set(o["got_s"])) for o in both)
print("sector micro on both-true articles P/R/F1 %.3f %.3f %.3f" % prf(stp2, sfp2, sfn2))
print("\nper shape: n, mou-wrong, country-wrong")
agg = collections.defaultdict(lambda: [0, 0, 0])
for o in out:
    a = agg[o["shape"]]
    a[0] += 1
    a[1] += o["gold_mou"] != o["got_mou"]
    a[2] += set(o["gold_c"]) != set(o["got_c"])
for k, v in sorted(agg.items()):
    print("  %-15s %3d %3d %3d" % (k, *v))
