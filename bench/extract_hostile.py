"""Hostile input against the extractor (issue 11): an MOU headline followed by a long run of
Hangul without spaces, and a 1,000,000-character headline, against the same article without
them, in one process.

    .venv/bin/python bench/extract_hostile.py

Bars: the 100,000-character run costs at most 2 s more than the plain article, and the process
stays under 600 MiB. Runs without ../shared.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.extractor import Extractor  # noqa: E402
from extractors.model import Article  # noqa: E402

TITLE = "삼성전자, 프랑스 탈레스와 인공지능 업무협약 체결"
BODY = "삼성전자는 7일 프랑스 탈레스와 인공지능 분야 업무협약을 체결했다고 밝혔다."
BAR_SECONDS = 2.0
BAR_MIB = 600.0


def seconds(extractor: Extractor, article: Article, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        extractor.extract(article)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    extractor = Extractor()
    plain = Article(title=TITLE, body=BODY)
    extractor.extract(plain)  # Kiwi built outside the measurement
    base = seconds(extractor, plain)
    ok = True
    for name, article in (
        ("headline + 100,000 Hangul without spaces", Article(TITLE + "가" * 100_000, BODY)),
        ("1,000,000-character headline", Article(TITLE + "가나다 " * 250_000, BODY)),
        ("body + 1,000,000 Hangul without spaces", Article(TITLE, BODY + " " + "가" * 1_000_000)),
    ):
        took = seconds(extractor, article)
        same = extractor.extract(article).countries == extractor.extract(plain).countries
        ok &= took - base <= BAR_SECONDS and same
        print(f"{name}: {took:.3f} s vs plain {base:.3f} s (+{took - base:.3f} s), same: {same}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ok &= rss <= BAR_MIB
    print(f"peak RSS {rss:.0f} MiB (bar {BAR_MIB:.0f}); bars {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
