"""Run every case through the extractor and score sectors (plus is_mou and countries).

    .venv/bin/python eval/sweeps/sectors/run_sweep.py [--show SHAPE_SUBSTR]

Writes results.jsonl beside this script and prints per-sector recall/precision and per-shape
failure counts.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, ROOT)

from cases_clear import clear_cases
from cases_traps import trap_cases

try:
    from cases_extra import extra_cases
except ImportError:  # pragma: no cover
    extra_cases = lambda: []

from extractors.extractor import Extractor
from extractors.model import Article

P = dt.datetime(2025, 5, 14, 9, tzinfo=dt.UTC)


def main() -> None:
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    cases = clear_cases() + trap_cases() + extra_cases()
    ex = Extractor()
    res = ex.extract_many([Article(c["title"], c["body"], published=P) for c in cases])
    tp = collections.Counter()
    fn = collections.Counter()
    fp = collections.Counter()
    fp_len = collections.Counter()
    shape_stats = collections.defaultdict(lambda: collections.Counter())
    mou_err = []
    country_err = []
    rows = []
    for c, r in zip(cases, res):
        got = set(r.sectors)
        exp = c["sectors"]
        missing = exp - got
        extra = got - exp
        extra_len = extra - c.get("ok_extra", set())
        trap_hit = got & c.get("trap", set())
        st = shape_stats[c["shape"]]
        st["n"] += 1
        if r.is_mou != c["is_mou"]:
            mou_err.append(c["id"])
            st["mou_err"] += 1
        if r.is_mou and tuple(sorted(r.countries)) != tuple(sorted(c["countries"])):
            country_err.append((c["id"], c["countries"], r.countries))
            st["country_err"] += 1
        if r.is_mou:
            for s in exp & got:
                tp[s] += 1
            for s in missing:
                fn[s] += 1
            for s in extra:
                fp[s] += 1
            for s in extra_len:
                fp_len[s] += 1
            st["miss"] += bool(missing)
            st["extra_strict"] += bool(extra)
            st["extra_lenient"] += bool(extra_len)
            st["trap_hit"] += bool(trap_hit)
            st["exact"] += not missing and not extra
        rows.append(
            dict(
                id=c["id"],
                shape=c["shape"],
                title=c["title"],
                body=c["body"],
                exp=sorted(exp),
                got=sorted(got),
                ok_extra=sorted(c.get("ok_extra", ())),
                trap=sorted(c.get("trap", ())),
                is_mou=r.is_mou,
                countries=list(r.countries),
                exp_countries=list(c["countries"]),
                note=c.get("note", ""),
            )
        )
        if (
            show
            and show in c["shape"]
            and (missing or extra_len or trap_hit or r.is_mou != c["is_mou"])
        ):
            print(
                f"[{c['id']}] exp={sorted(exp)} got={sorted(got)} ok+={sorted(c.get('ok_extra', ()))} mou={r.is_mou} cc={r.countries}"
            )
            print("   T:", c["title"])
            print("   B:", c["body"][:300])
    with open(HERE / "results.jsonl", "w") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"cases: {len(cases)}  is_mou errors: {len(mou_err)}  country errors: {len(country_err)}")
    if mou_err:
        print("  is_mou errors:", mou_err[:30])
    for e in country_err[:20]:
        print("  country:", e)
    print("\nper sector (on is_mou=True predictions)")
    print(
        f"{'sector':20} {'TP':>4} {'FN':>4} {'FP':>4} {'FPlen':>5} {'recall':>7} {'prec':>6} {'precLen':>7}"
    )
    from extractors.sectors import SECTOR_IDS

    for s in SECTOR_IDS:
        t, n_, p, pl = tp[s], fn[s], fp[s], fp_len[s]
        rec = t / (t + n_) if t + n_ else float("nan")
        pre = t / (t + p) if t + p else float("nan")
        prl = t / (t + pl) if t + pl else float("nan")
        print(f"{s:20} {t:4} {n_:4} {p:4} {pl:5} {rec:7.2f} {pre:6.2f} {prl:7.2f}")
    print("\nper shape")
    print(
        f"{'shape':34} {'n':>4} {'exact':>5} {'miss':>5} {'extraS':>6} {'extraL':>6} {'trap':>5} {'mou':>4} {'cc':>4}"
    )
    for sh, st in sorted(shape_stats.items()):
        print(
            f"{sh:34} {st['n']:4} {st['exact']:5} {st['miss']:5} {st['extra_strict']:6} {st['extra_lenient']:6} {st['trap_hit']:5} {st['mou_err']:4} {st['country_err']:4}"
        )


if __name__ == "__main__":
    main()


def breakdown() -> None:
    """Per-sector recall split by clear/cue vs clear/vocab vs other, and trap hit rate per sector."""
    rows = [json.loads(line) for line in open(HERE / "results.jsonl")]
    from extractors.sectors import SECTOR_IDS

    rec = collections.defaultdict(lambda: collections.Counter())
    trap = collections.defaultdict(lambda: collections.Counter())
    for r in rows:
        kind = (
            "cue"
            if r["shape"].startswith("clear/cue")
            else "vocab"
            if r["shape"].startswith(("clear/vocab", "E6"))
            else "other"
        )
        for s in r["exp"]:
            rec[s][kind + "_n"] += 1
            rec[s][kind + "_hit"] += s in r["got"]
        for s in r["trap"]:
            trap[s]["n"] += 1
            trap[s]["hit"] += s in r["got"]
    print(f"\n{'sector':20} {'cue rec':>9} {'vocab rec':>10} {'other rec':>10} {'trap FP':>9}")
    for s in SECTOR_IDS:
        c = rec[s]
        f = lambda k: f"{c[k + '_hit']}/{c[k + '_n']}" if c[k + "_n"] else "-"
        t = trap[s]
        print(
            f"{s:20} {f('cue'):>9} {f('vocab'):>10} {f('other'):>10} {(str(t['hit']) + '/' + str(t['n'])) if t['n'] else '-':>9}"
        )


if __name__ == "__main__" and "--breakdown" in sys.argv:
    breakdown()
