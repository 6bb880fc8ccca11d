import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
import collections
import json

cases = {c["id"]: c for c in map(json.loads, open(os.path.join(HERE, "cases.jsonl")))}
res = {r["id"]: r for r in map(json.loads, open(os.path.join(HERE, "results.jsonl")))}


import sys as _sys

_sys.path.insert(0, os.path.dirname(HERE))
from prf import prf

tp = fp = fn = 0
ctp = cfp = cfn = 0
stp = sfp = sfn = 0
with_c = 0
bad_c = 0
shape_fail = collections.defaultdict(list)
shape_n = collections.Counter()
for i, c in cases.items():
    r = res[i]
    shape_n[c["shape"]] += 1
    g, p = c["is_mou"], r["is_mou"]
    tp += g and p
    fp += (not g) and p
    fn += g and not p
    gc, pc = set(c["countries"]), set(r["countries"])
    ctp += len(gc & pc)
    cfp += len(pc - gc)
    cfn += len(gc - pc)
    if pc:
        with_c += 1
        bad_c += bool(pc - gc)
    gs, ps = set(c["sectors"]), set(r["sectors"])
    stp += len(gs & ps)
    sfp += len(ps - gs)
    sfn += len(gs - ps)
    kinds = []
    if g != p:
        kinds.append("is_mou")
    if gc != pc:
        kinds.append("country")
    if gs != ps:
        kinds.append("sector")
    if kinds:
        shape_fail[c["shape"]].append((i, kinds))
out = []
out.append(
    "is_mou  P=%.3f R=%.3f F1=%.3f  (tp=%d fp=%d fn=%d, n=%d)"
    % (*prf(tp, fp, fn), tp, fp, fn, len(cases))
)
out.append(
    "country P=%.3f R=%.3f F1=%.3f  (tp=%d fp=%d fn=%d)" % (*prf(ctp, cfp, cfn), ctp, cfp, cfn)
)
out.append(
    "non-counterpart country share: %d/%d = %.3f" % (bad_c, with_c, bad_c / with_c if with_c else 0)
)
out.append(
    "sector micro P=%.3f R=%.3f F1=%.3f  (tp=%d fp=%d fn=%d)" % (*prf(stp, sfp, sfn), stp, sfp, sfn)
)
print("\n".join(out))
print()
for s in sorted(shape_n, key=lambda s: -len(shape_fail[s])):
    fl = shape_fail[s]
    cnt = collections.Counter(k for _, ks in fl for k in ks)
    print(f"{s:28s} n={shape_n[s]:3d} fail={len(fl):3d}  {dict(cnt)}")
