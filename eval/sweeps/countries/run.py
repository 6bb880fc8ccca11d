"""Run the country sweep: python run.py [shape-prefix ...]"""

import collections
import datetime as dt
import importlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, ROOT)
sys.path.insert(0, HERE)
from extractors.extractor import Extractor
from extractors.model import Article

P = dt.datetime(2025, 5, 14, 9, tzinfo=dt.UTC)


def load(mods):
    cases = []
    for m in mods:
        mod = importlib.import_module(m)
        cases += mod.CASES
    return cases


def main():
    mods = [a for a in sys.argv[1:] if not a.startswith("-")] or ["cases"]
    cases = load(mods)
    ex = Extractor()
    res = ex.extract_many([Article(c["title"], c["body"], published=P) for c in cases])
    stats = collections.defaultdict(lambda: [0, 0])
    out = []
    for c, r in zip(cases, res):
        got_c = set(r.countries)
        exp_c = set(c["countries"])
        ok_mou = r.is_mou == c["mou"]
        # countries only judged when expected MOU is true (and extractor says true)
        ok_c = (got_c == exp_c) if c["mou"] else True
        if not c["mou"] and r.is_mou and got_c:
            ok_c = False  # wrong countries on a non-MOU flagged as MOU
        ok = ok_mou and ok_c
        kind = []
        if got_c - exp_c and (c["mou"] or r.is_mou):
            kind.append("WRONG+" + ",".join(sorted(got_c - exp_c)))
        if c["mou"] and exp_c - got_c:
            kind.append("MISSED-" + ",".join(sorted(exp_c - got_c)))
        if not ok_mou:
            kind.append(f"MOU exp={c['mou']} got={r.is_mou}")
        stats[c["shape"]][0] += 1
        stats[c["shape"]][1] += not ok
        out.append(
            dict(
                shape=c["shape"],
                title=c["title"],
                body=c["body"],
                exp_mou=c["mou"],
                exp=sorted(exp_c),
                got_mou=r.is_mou,
                got=sorted(got_c),
                ok=ok,
                kind=kind,
                parties=[list(g) for g in r.parties] if r.parties else [],
            )
        )
    for o in out:
        if not o["ok"]:
            print(
                f"FAIL [{o['shape']}] {' '.join(o['kind'])}\n   T: {o['title']}\n   B: {o['body'][:300]}\n   exp {o['exp_mou']} {o['exp']}  got {o['got_mou']} {o['got']}"
            )
    print()
    tot = fail = 0
    for s, (n, f) in sorted(stats.items()):
        print(f"{s:40s} {n:4d} cases {f:4d} fail")
        tot += n
        fail += f
    print(f"TOTAL {tot} cases, {fail} fail")
    json.dump(
        out, open(HERE + "/results-" + "+".join(mods) + ".json", "w"), ensure_ascii=False, indent=1
    )


if __name__ == "__main__":
    main()
