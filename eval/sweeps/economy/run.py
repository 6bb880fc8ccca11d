import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
"""Runner: feeds cases.py through the extractor, writes results.jsonl and scores.json."""
import datetime as dt
import json
import sys

sys.path.insert(0, ROOT)
from extractors.extractor import Extractor
from extractors.model import Article

ns = {}
exec(open(f"{HERE}/cases.py").read(), ns)
for c in ns["CASES"]:
    c["batch"] = 1
n1 = len(ns["CASES"])
exec(open(f"{HERE}/cases2.py").read(), ns)
for c in ns["CASES"][n1:]:
    c["batch"] = 2
CASES = ns["CASES"]
P = dt.datetime(2025, 5, 14, 9, tzinfo=dt.UTC)
ex = Extractor()
res = ex.extract_many([Article(c["title"], c["body"], published=P) for c in CASES])
out = []
for i, (c, r) in enumerate(zip(CASES, res)):
    out.append(
        dict(
            i=i,
            title=c["title"],
            exp_mou=c["is_mou"],
            got_mou=bool(r.is_mou),
            exp_c=c["countries"],
            got_c=sorted(r.countries),
            exp_s=c["sectors"],
            got_s=sorted(r.sectors),
            note=c["note"],
            batch=c["batch"],
        )
    )
with open(f"{HERE}/results.jsonl", "w") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")


import sys as _sys

_sys.path.insert(0, os.path.dirname(HERE))
from prf import prf


def counts(tp, fp, fn):
    p, r, f = prf(tp, fp, fn)
    return dict(p=round(p, 3), r=round(r, 3), f1=round(f, 3), tp=tp, fp=fp, fn=fn)


tp = sum(o["exp_mou"] and o["got_mou"] for o in out)
fp = sum((not o["exp_mou"]) and o["got_mou"] for o in out)
fn = sum(o["exp_mou"] and not o["got_mou"] for o in out)
mou = counts(tp, fp, fn)
# countries: over (article, country) pairs, all articles (expected countries are empty when not is_mou)
ctp = cfp = cfn = 0
given = wrong = 0
for o in out:
    e, g = set(o["exp_c"]), set(o["got_c"])
    ctp += len(e & g)
    cfp += len(g - e)
    cfn += len(e - g)
    if g:
        given += 1
        if g - e:
            wrong += 1
cty = counts(ctp, cfp, cfn)
stp = sfp = sfn = 0
for o in out:
    e, g = set(o["exp_s"]), set(o["got_s"])
    stp += len(e & g)
    sfp += len(g - e)
    sfn += len(e - g)
sec = counts(stp, sfp, sfn)
# sectors only on articles where both agree is_mou=True (to separate sector quality from is_mou errors)
s2 = [0, 0, 0]
for o in out:
    if o["exp_mou"] and o["got_mou"]:
        e, g = set(o["exp_s"]), set(o["got_s"])
        s2[0] += len(e & g)
        s2[1] += len(g - e)
        s2[2] += len(e - g)
scores = dict(
    n=len(out),
    n_mou=sum(o["exp_mou"] for o in out),
    is_mou=mou,
    countries=cty,
    articles_given_country=given,
    share_given_noncounterpart=round(wrong / given, 3) if given else 0,
    n_given_noncounterpart=wrong,
    sectors_micro=sec,
    sectors_micro_on_agreed_mou=counts(*s2),
    country_exact_match_on_exp_mou=round(
        sum(o["exp_c"] == o["got_c"] for o in out if o["exp_mou"])
        / max(1, sum(o["exp_mou"] for o in out)),
        3,
    ),
)
json.dump(scores, open(f"{HERE}/scores.json", "w"), indent=1)
print(json.dumps(scores, indent=1))
