"""Seeded, disjoint source pools for round 11's rewrite sets (run once, from the repo root).

The pool's articles labelled as signings (bench/training.py; economy items before 2026-02-15),
sorted, shuffled with random.Random(11010); national split in two halves (nat11c, nat11h),
economy whole (eco11h). The later sets took what their first sets left: nat11d the nat11c pool
from index 74, nat11i the nat11h pool from index 70, eco11c the eco11h pool from index 90;
the second wave nat11j walked the nat11c pool again (indices 0-44) with a new writer, eco11j
the eco11h pool from index 171.
"""

import random
import sys

sys.path.insert(0, "bench")
import training

nat, eco = [], []
for key, row, art in training.pool():
    if not row.get("is_mou"):
        continue
    url = row.get("url") or key
    if training.source(key, row) == "chosun":
        nat.append(url)
    elif art.published is None or art.published.date().isoformat() < "2026-02-15":
        eco.append(url)
rng = random.Random(11010)
for p in (nat, eco):
    p.sort()
    rng.shuffle(p)
half = len(nat) // 2
pools = {"nat11c": nat[:half], "nat11h": nat[half:], "eco11h": eco}
for name, urls in pools.items():
    with open(f"eval/sweeps/round11/{name}/pool.txt", "w") as f:
        f.write("# seeded order (round 11 pools.py, random.Random(11010)); walk from the top\n")
        for i, u in enumerate(urls):
            f.write(f"{i} {u}\n")
    print(name, len(urls))
