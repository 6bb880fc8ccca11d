"""Run and score a black-box set written as cases.jsonl (one folder per set).

Usage: python eval/sweeps/jsonl_set.py FOLDER... [--fails]
Each case has id, shape, title, body, is_mou, countries, sectors and optionally published
(YYYY-MM-DD; the signing's recency is judged against it). Writes FOLDER/results.jsonl and prints
the scores the other black-box sets report: is_mou, countries over (article, country) pairs, the
share of articles given a country that is no counterpart, sectors over (article, sector) pairs.
"""

import collections
import datetime as dt
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.abspath(os.path.join(HERE, "..", "..")))
sys.path.insert(0, HERE)
from prf import prf

from extractors.extractor import Extractor
from extractors.model import Article

DEFAULT_PUBLISHED = dt.datetime(2025, 5, 14, 9, tzinfo=dt.UTC)


def published(case: dict) -> dt.datetime:
    if not case.get("published"):
        return DEFAULT_PUBLISHED
    day = dt.date.fromisoformat(case["published"][:10])
    return dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC)


def run(folder: str) -> tuple[list[dict], list[dict]]:
    with open(os.path.join(folder, "cases.jsonl"), encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    articles = [Article(c["title"], c.get("body") or "", published=published(c)) for c in cases]
    results = [
        {
            "id": c["id"],
            "is_mou": bool(r.is_mou),
            "countries": sorted(r.countries),
            "sectors": sorted(r.sectors),
        }
        for c, r in zip(cases, Extractor().extract_many(articles), strict=True)
    ]
    with open(os.path.join(folder, "results.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
    return cases, results


def score(cases: list[dict], results: list[dict], show_fails: bool) -> None:
    n = collections.Counter()
    fails = collections.defaultdict(list)
    for c, r in zip(cases, results, strict=True):
        g, p = c["is_mou"], r["is_mou"]
        n["tp"] += g and p
        n["fp"] += p and not g
        n["fn"] += g and not p
        gc, pc = set(c["countries"]), set(r["countries"])
        n["ctp"] += len(gc & pc)
        n["cfp"] += len(pc - gc)
        n["cfn"] += len(gc - pc)
        n["with_c"] += bool(pc)
        n["bad_c"] += bool(pc - gc)
        gs, ps = set(c["sectors"]), set(r["sectors"])
        n["stp"] += len(gs & ps)
        n["sfp"] += len(ps - gs)
        n["sfn"] += len(gs - ps)
        kinds = [k for k, bad in (("is_mou", g != p), ("country", gc != pc)) if bad]
        if kinds:
            fails[c["shape"]].append((c, r, kinds))
    print("is_mou  P=%.3f R=%.3f F1=%.3f" % prf(n["tp"], n["fp"], n["fn"]), f"n={len(cases)}")
    print("country P=%.3f R=%.3f F1=%.3f" % prf(n["ctp"], n["cfp"], n["cfn"]))
    print(f"given a non-counterpart: {n['bad_c']} / {n['with_c']}")
    print("sector  P=%.3f R=%.3f F1=%.3f" % prf(n["stp"], n["sfp"], n["sfn"]))
    for shape, items in sorted(fails.items(), key=lambda kv: -len(kv[1])):
        print(f"  {shape:34s} {len(items)}")
        if show_fails:
            for c, r, kinds in items:
                print(
                    f"    {c['id']} {kinds} gold={c['is_mou']},{c['countries']}"
                    f" got={r['is_mou']},{r['countries']}{' (debatable)' if c.get('debatable') else ''}"
                )


if __name__ == "__main__":
    for folder in [a for a in sys.argv[1:] if not a.startswith("--")]:
        print(f"== {folder}")
        cases, results = run(folder)
        score(cases, results, "--fails" in sys.argv)
