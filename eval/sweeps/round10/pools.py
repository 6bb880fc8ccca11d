"""Seeded, disjoint source pools for round 10's rewrite sets (run once)."""

import gzip
import json
import random
import re

AGREE = re.compile("협약|협정|MOU|양해각서|맞손|손잡|의향서|LOI|약정")
FOREIGN = re.compile(
    "미국|중국|일본|영국|프랑스|독일|캐나다|호주|베트남|인도|태국|몽골|러시아|"
    "우즈벡|카자흐|인도네시아|필리핀|말레이|싱가포르|사우디|아랍에미리트|UAE|"
    "이탈리아|스페인|폴란드|체코|헝가리|네덜란드|스웨덴|핀란드|노르웨이|덴마크|"
    "브라질|멕시코|칠레|페루|튀르키예|터키|이스라엘|이집트|케냐|나이지리아|"
    "뉴질랜드|대만|캄보디아|라오스|미얀마|네팔|파키스탄|방글라데시|스위스|오스트리아|"
    "벨기에|아일랜드|포르투갈|그리스|루마니아|우크라이나|카타르|쿠웨이트|오만|요르단|"
    "[美中日英獨佛加濠印越]"
)
used = set(open("used-sources.txt").read().split())
recent = set(open("used-sources-recent.txt").read().split())


def text_of(d):
    return d["title"] + " " + (d.get("html") or d.get("text") or "")


nat_any, nat_foreign = [], []
for line in gzip.open("/work/shared/corpus/chosun-national.jsonl.gz", "rt"):
    d = json.loads(line)
    if d["published"] < "2024-01-01" or d["url"] in used:
        continue
    t = re.sub(r"<[^>]+>", " ", text_of(d))
    if AGREE.search(t):
        (nat_foreign if FOREIGN.search(t) else nat_any).append(d["url"])
eco_new, eco_old = [], []
for line in gzip.open("/work/shared/corpus/tera-economy.jsonl.gz", "rt"):
    d = json.loads(line)
    if not ("2024-01-01" <= d["published"] < "2026-02-15") or d["url"] in recent:
        continue
    if AGREE.search(text_of(d)):
        (eco_old if d["url"] in used else eco_new).append(d["url"])

rng = random.Random(10010)
for pool in (nat_any, nat_foreign, eco_new, eco_old):
    pool.sort()
    rng.shuffle(pool)
print(len(nat_any), len(nat_foreign), len(eco_new), len(eco_old))
# national: foreign-word sources split between nat10f and nat10h, no-foreign between nat10 and nat10h
half_f, half_a = len(nat_foreign) // 2, len(nat_any) // 2
pools = {
    "nat10": nat_any[:half_a],
    "nat10f": nat_foreign[:half_f],
    "nat10h": [u for pair in zip(nat_any[half_a:], nat_foreign[half_f:]) for u in pair],
    "eco10h": eco_new + eco_old,
}
for name, urls in pools.items():
    with open(f"{name}/pool.txt", "w") as f:
        f.write("# seeded order (pools.py, random.Random(10010)); walk from the top\n")
        for i, u in enumerate(urls):
            f.write(f"{i} {u}\n")
    print(name, len(urls))
