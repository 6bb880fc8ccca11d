"""Run every template of cases.py through the extractor and write results.jsonl + summary."""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, ROOT)
sys.path.insert(0, HERE)
import cases as C

from extractors.extractor import Extractor
from extractors.model import Article


def render():
    out = []
    for shape, group, fn, pub, long_ok in C.T:
        for k in range(4):
            A, B, O = C.KOREAN[k], C.FOREIGN[k], C.OTHER[k]
            title, sents, exp_mou, exp_cc = fn(A, B, O)
            exp_cc = sorted(c for c in exp_cc if c)
            forms = [("short", sents)]
            if long_ok:
                fill = [f.format(A=A.name).replace(f"{A.name}는", A.eun) for f in C.FILLER]
                forms.append(("long", sents + fill))
            for form, ss in forms:
                out.append(
                    dict(
                        shape=shape,
                        group=group,
                        k=k,
                        form=form,
                        title=title,
                        body=" ".join(ss),
                        published=pub.isoformat(),
                        exp_mou=exp_mou,
                        exp_cc=exp_cc,
                    )
                )
    return out


def main():
    cs = render()
    ex = Extractor()
    import datetime as dt

    arts = [
        Article(c["title"], c["body"], published=dt.datetime.fromisoformat(c["published"]))
        for c in cs
    ]
    res = ex.extract_many(arts)
    with open(HERE + "/results.jsonl", "w") as f:
        for c, r in zip(cs, res):
            c.update(
                got_mou=r.is_mou,
                got_cc=sorted(r.countries),
                status=r.status,
                ok_mou=(r.is_mou == c["exp_mou"]),
                ok_cc=(sorted(r.countries) == c["exp_cc"]),
                wrong_cc=sorted(set(r.countries) - set(c["exp_cc"])),
                missed_cc=sorted(set(c["exp_cc"]) - set(r.countries)),
            )
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    # summary per shape
    from collections import defaultdict

    by = defaultdict(list)
    for c in cs:
        by[c["shape"]].append(c)
    tot = bad = 0
    for shape, L in by.items():
        n = len(L)
        fm = sum(not c["ok_mou"] for c in L)
        fc = sum(not c["ok_cc"] for c in L)
        wr = sum(bool(c["wrong_cc"]) for c in L)
        tot += n
        bad += any(True for _ in []) or 0
        flag = "FAIL" if (fm or fc) else "pass"
        print(f"{flag} {shape:70s} n={n:2d} mou_err={fm:2d} cc_err={fc:2d} wrong_cc={wr:2d}")
    print(
        "cases",
        len(cs),
        "mou errors",
        sum(not c["ok_mou"] for c in cs),
        "country errors",
        sum(not c["ok_cc"] for c in cs),
    )


if __name__ == "__main__":
    main()
