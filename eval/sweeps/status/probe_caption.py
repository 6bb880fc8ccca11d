"""Characterise the 'A 대표(오른쪽)와 [국가] B 관계자가 … 체결' foreign-only drop."""

import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, ROOT)
from extractors.extractor import Extractor
from extractors.model import Article

P = dt.datetime(2025, 5, 14, 9, tzinfo=dt.UTC)
ex = Extractor()
rows = []
for A in ["한빛에너지", "대성정밀", "삼성물산", "경상북도"]:
    for B, cc in [("베트남 빈그룹", "VN"), ("독일 지멘스", "DE"), ("일본 미쓰이물산", "JP")]:
        for left in ["대표(오른쪽)와", "대표와", "사장(왼쪽)과", "관계자들과"]:
            for right in ["관계자가", "관계자들이", "대표가", "회장이", "임원진이"]:
                for verb in ["업무협약을 체결하고 기념촬영을 하고 있다.", "업무협약을 체결했다."]:
                    body = f"{A} {left} {B} {right} 13일 서울 본사에서 {verb}"
                    rows.append((A, B, cc, left, right, verb[:8], body))
res = ex.extract_many([Article(f"{r[0]}, 해외 공략 가속", r[6], published=P) for r in rows])
from collections import Counter

bad = Counter()
tot = Counter()
for r, x in zip(rows, res):
    ok = x.is_mou and x.countries == (r[2],)
    for key in [("left", r[3]), ("right", r[4]), ("A", r[0]), ("B", r[1]), ("verb", r[5])]:
        tot[key] += 1
        bad[key] += not ok
for k in sorted(tot):
    print(k, f"{bad[k]}/{tot[k]} fail")
print(
    "total fail",
    sum(not (x.is_mou and x.countries == (r[2],)) for r, x in zip(rows, res)),
    "/",
    len(rows),
)
for r, x in list(zip(rows, res))[:12]:
    print(x.is_mou, x.countries, "|", r[6])
