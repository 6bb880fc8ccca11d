"""Print per-sector logits and feature contributions for one case id (or raw title/body)."""

import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, ROOT)
from cases_clear import clear_cases
from cases_extra import extra_cases
from cases_traps import trap_cases
from run_sweep import P

from extractors import sector_score
from extractors.extractor import Extractor
from extractors.model import Article

cap = {}
orig = sector_score.SectorModel.sectors


def spy(self, deal):
    cap["deal"] = deal
    return orig(self, deal)


sector_score.SectorModel.sectors = spy

ids = sys.argv[1:]
allc = {c["id"]: c for c in clear_cases() + trap_cases() + extra_cases()}
ex = Extractor()
m = sector_score.SectorModel.shipped()
cut = math.log(m.threshold / (1 - m.threshold))
for cid in ids:
    c = allc[cid]
    cap.clear()
    r = ex.extract(Article(c["title"], c["body"], published=P))
    print("==", cid, "exp", sorted(c["sectors"]), "got", r.sectors, "cut %.2f" % cut)
    d = cap.get("deal")
    if not d:
        print("  no deal")
        continue
    print(
        "  signed", d.signed, "described", d.described, "coop", d.cooperating, "parties", d.parties
    )
    for i, s in enumerate(d.sentences):
        print("   ", i, s[:90])
    print("  rules:", sector_score.rule_sectors(d))
    f = sector_score.features(d)
    for sid, vals in f.items():
        lg = sector_score.logit(vals, m.weights, sid)
        if lg > -3.5 or sid in c["sectors"]:
            on = {n: round(v, 2) for n, v in zip(sector_score.FEATURES, vals) if v}
            print(f"  {sid:18} {lg:6.2f}", on)
