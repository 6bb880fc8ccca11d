import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
import json

R = json.load(open(os.path.join(HERE, "results.json")))


import sys as _sys

_sys.path.insert(0, os.path.dirname(HERE))
from prf import prf

tp = fp = fn = 0
for x in R:
    g, o = x["gold"]["is_mou"], x["got"]["is_mou"]
    tp += g and o
    fp += (not g) and o
    fn += g and not o
mou = prf(tp, fp, fn)


def pairs(key, subset=None):
    tp = fp = fn = 0
    for x in R:
        if subset and not subset(x):
            continue
        G, O = set(x["gold"][key]), set(x["got"][key])
        tp += len(G & O)
        fp += len(O - G)
        fn += len(G - O)
    return prf(tp, fp, fn), (tp, fp, fn)


cty = pairs("countries")
sec = pairs("sectors")
sec_both = pairs("sectors", lambda x: x["gold"]["is_mou"] and x["got"]["is_mou"])
given = [x for x in R if x["got"]["countries"]]
wrong = [x for x in given if set(x["got"]["countries"]) - set(x["gold"]["countries"])]
print(
    f"n={len(R)} gold_mou={sum(x['gold']['is_mou'] for x in R)} pred_mou={sum(x['got']['is_mou'] for x in R)}"
)
print("is_mou P/R/F1 = %.3f %.3f %.3f  (tp=%d fp=%d fn=%d)" % (*mou, tp, fp, fn))
print("country P/R/F1 = %.3f %.3f %.3f" % cty[0], cty[1])
print(
    "articles given a non-counterpart country: %d/%d = %.3f"
    % (len(wrong), len(given), len(wrong) / len(given))
)
print("sector micro P/R/F1 (all) = %.3f %.3f %.3f" % sec[0], sec[1])
print("sector micro P/R/F1 (both say MOU) = %.3f %.3f %.3f" % sec_both[0], sec_both[1])
