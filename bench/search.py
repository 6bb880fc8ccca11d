"""/search at scale: p50/p99 of ``search_stories`` over 100,000 stories (target p99 <= 50 ms).

The stories are synthetic but shaped like the real ones: a Korean headline naming a Korean and
a foreign party, a summary, two or three sectors, dates over three years. The queries mix
what people type: one company name (rare or common), a common word (업무협약, 반도체), two
short words that fall back to a substring match (수소, 삼성), two words together, with and
without a period. Every figure is also given as a ratio to a bare ``SELECT 1`` round trip
through the same engine, measured in the same run, so that it means something elsewhere.

    .venv/bin/python bench/search.py [--stories 100000] [--queries 400] [--database URL]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's code, whatever the venv has installed

from subscriptions.search import search_text  # noqa: E402
from subscriptions.store import STORIES, SqlRepository, open_repository  # noqa: E402

NOW = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
KOREAN = [
    "삼성전자", "SK하이닉스", "현대자동차", "LG에너지솔루션", "한국가스공사", "포스코홀딩스",
    "한화에어로스페이스", "두산에너빌리티", "코트라", "한국전력", "KT", "네이버", "카카오",
    "서울시", "부산시", "경상남도", "한국수소연합", "한빛AI", "셀트리온", "CJ제일제당",
]  # fmt: skip
FOREIGN = [
    ("FR", "탈레스"), ("FR", "에어리퀴드"), ("US", "엔비디아"), ("US", "셰니어에너지"),
    ("JP", "도요타"), ("JP", "도쿄일렉트론"), ("DE", "지멘스"), ("DE", "바스프"),
    ("VN", "페트로베트남"), ("AE", "에넥"), ("PL", "PGZ"), ("ID", "안탐"), ("SA", "아람코"),
    ("GB", "롤스로이스"), ("IN", "타타"), ("AU", "BHP"), ("CA", "카메코"), ("SG", "테마섹"),
]  # fmt: skip
TOPICS = [
    ("반도체", "semiconductor"), ("수소", "energy"), ("원전", "energy"), ("배터리", "battery"),
    ("인공지능", "ai"), ("방산", "aerospace_defense"), ("바이오", "bio_health"),
    ("스마트공장", "manufacturing"), ("LNG", "energy"), ("위성", "aerospace_defense"),
]  # fmt: skip
QUERIES = [
    "탈레스", "롤스로이스", "업무협약", "반도체", "수소", "삼성", "LNG", "엔비디아 반도체",
    "도요타 수소", "스마트공장", "카메코 원전", "공동개발", "AI", "우주항공청",
]  # fmt: skip
PERIODS = [None, 7, 30, 365]


def story_rows(n: int, rng: random.Random) -> list[dict[str, object]]:
    rows = []
    for i in range(n):
        korean = rng.choice(KOREAN)
        country, foreign = rng.choice(FOREIGN)
        word, sector = rng.choice(TOPICS)
        title = f"{korean}, {foreign}와 {word} 공동개발 업무협약 체결"
        summary = f"{korean}이(가) {foreign}와 {word} 분야 협력을 위한 업무협약(MOU)을 맺었다."
        parties = [[korean, foreign]]
        when = NOW - dt.timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
        rows.append(
            {
                "title": title,
                "url": f"https://news.example/{i}",
                "outlet": "bench",
                "published": when,
                "first_seen": when,
                "happened_at": when,
                "countries": [country],
                "sectors": [sector],
                "parties": parties,
                "amounts": [],
                "summary": summary,
                "outlets": 1,
                "status": "signed",
                "search_text": search_text(title, parties, summary),
            }
        )
    return rows


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def populate(repo: SqlRepository, n: int, rng: random.Random) -> None:
    for start in range(0, n, 5000):
        async with repo.engine.begin() as conn:
            await conn.execute(insert(STORIES), story_rows(min(5000, n - start), rng))
    async with repo.engine.connect() as conn:
        await conn.execute(text("ANALYZE"))
        await conn.commit()


async def run(url: str | None, stories: int, queries: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        repo = await open_repository(url or f"sqlite+aiosqlite:///{Path(tmp) / 'search.db'}")
        try:
            if url:  # a database of its own: the stories it holds are replaced
                async with repo.engine.begin() as conn:
                    await conn.execute(text("DELETE FROM stories"))
            rng = random.Random(13)
            began = time.perf_counter()
            await populate(repo, stories, rng)
            print(f"{repo.dialect}: {stories:,} stories stored and indexed in "
                  f"{time.perf_counter() - began:.1f} s")  # fmt: skip
            base = []
            for _ in range(200):
                start = time.perf_counter()
                async with repo.engine.connect() as conn:
                    await conn.execute(text("SELECT 1"))
                base.append(time.perf_counter() - start)
            round_trip = pct(base, 0.5)
            by_query: dict[str, list[float]] = {}
            times = []
            for i in range(queries):
                words = QUERIES[i % len(QUERIES)]
                days = PERIODS[(i // len(QUERIES)) % len(PERIODS)]
                since = NOW - dt.timedelta(days=days) if days else None
                start = time.perf_counter()
                await repo.search_stories(words, since, limit=6, offset=5 * (i % 3))
                took = time.perf_counter() - start
                times.append(took)
                by_query.setdefault(words, []).append(took)
        finally:
            await repo.close()
    p50, p99 = pct(times, 0.5), pct(times, 0.99)
    print(f"SELECT 1 round trip: {round_trip * 1000:.2f} ms")
    print(f"search p50 {p50 * 1000:.1f} ms ({p50 / round_trip:.0f}x), "
          f"p99 {p99 * 1000:.1f} ms ({p99 / round_trip:.0f}x); target p99 <= 50 ms")  # fmt: skip
    for words, spent in sorted(by_query.items(), key=lambda kv: -max(kv[1])):
        print(f"  {words:<12} max {max(spent) * 1000:6.1f} ms")
    return 0 if p99 <= 0.050 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument(
        "--database",
        help="a scratch database (its stories are deleted), e.g. postgresql+asyncpg://...:5432/x",
    )
    args = parser.parse_args()
    return asyncio.run(run(args.database, args.stories, args.queries))


if __name__ == "__main__":
    sys.exit(main())
