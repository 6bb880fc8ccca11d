"""Probe: headline-only "전라남도-다낭시, <topic> MOU 체결" sometimes loses VN."""

import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, ROOT)
from extractors.extractor import Extractor
from extractors.model import Article

P = dt.datetime(2025, 5, 14, 9, tzinfo=dt.UTC)
topics = [
    "바이오 의약품 위탁생산",
    "핀테크 협력",
    "관광 활성화",
    "스마트팜 조성",
    "바이오 협력",
    "의약품 공급",
    "금융 협력",
    "핀테크",
    "반도체 협력",
    "위탁생산",
]
heads = [
    f"{k}-{f}, {t} MOU 체결"
    for k, f in [("전라남도", "다낭시"), ("경기도", "하노이시"), ("부산시", "오사카부")]
    for t in topics
]
ex = Extractor()
for h, r in zip(heads, ex.extract_many([Article(h, "", published=P) for h in heads])):
    print(r.is_mou, r.countries, r.sectors, r.parties, "|", h)
