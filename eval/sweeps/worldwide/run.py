import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
import datetime as dt
import glob
import importlib.util
import json
import sys

sys.path.insert(0, ROOT)
VALID = set(
    [
        "startup",
        "ai",
        "semiconductor",
        "bio_health",
        "energy",
        "battery",
        "mobility",
        "manufacturing",
        "ict",
        "security",
        "beauty",
        "aerospace_defense",
        "finance",
        "agri_food",
        "culture",
        "education_research",
        "environment",
        "infrastructure",
        "shipbuilding",
        "robotics",
        "trade",
    ]
)
cases = []
for f in sorted(glob.glob(os.path.join(HERE, "cases_*.py"))):
    s = importlib.util.spec_from_file_location("m", f)
    m = importlib.util.module_from_spec(s)
    s.loader.exec_module(m)
    for i, c in enumerate(m.CASES):
        c["id"] = f"{f.split('_')[-1][0]}{i + 1:02d}"
        assert set(c["sectors"]) <= VALID, (c["id"], c["sectors"])
        cases.append(c)
from extractors.extractor import Extractor
from extractors.model import Article

P = dt.datetime(2025, 5, 14, 9, tzinfo=dt.UTC)
ex = Extractor()
res = ex.extract_many([Article(c["title"], c["body"], published=P) for c in cases])
out = []
for c, r in zip(cases, res):
    out.append(
        dict(
            id=c["id"],
            title=c["title"],
            gold=dict(is_mou=c["is_mou"], countries=c["countries"], sectors=c["sectors"]),
            got=dict(
                is_mou=bool(r.is_mou), countries=sorted(r.countries), sectors=sorted(r.sectors)
            ),
            note=c["note"],
        )
    )
json.dump(out, open(os.path.join(HERE, "results.json"), "w"), ensure_ascii=False, indent=1)
print(len(out))
