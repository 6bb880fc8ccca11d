"""``mou-alert backfill``: corpora, saved feeds and single articles stored with their real
dates, reprints grouped as live ingestion groups them, nobody alerted, nothing added twice."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from bot.cli import main
from devtools.sample_feed.history import history_sources
from extractors.extractor import Extractor
from feeds.backfill import backfill, no_bar
from subscriptions.models import Topic
from subscriptions.store import SqlRepository, open_repository

NOW = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
EDF = (
    "서울에너지공사가 프랑스 전력공사(EDF)와 소형모듈원전(SMR) 공동연구를 위한 "
    "업무협약(MOU)을 체결했다고 밝혔다. 양측은 인력 교류에 협력하기로 했다."
)
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>경제신문</title><link>https://econ.example/</link>
<item><title>SK하이닉스, 日 도쿄일렉트론과 반도체 장비 공동개발 MOU</title>
<link>https://econ.example/news/1</link><guid>econ-1</guid>
<pubDate>Mon, 02 Jun 2025 09:00:00 +0900</pubDate>
<description>SK하이닉스가 일본 도쿄일렉트론과 차세대 반도체 장비 공동개발을 위한 업무협약(MOU)을
체결했다.</description></item>
</channel></rss>"""


def write_archive(folder: Path) -> list[str]:
    rows = [
        {"url": "https://a.example/1", "title": "서울에너지공사, 佛 EDF와 SMR 공동연구 MOU",
         "published": "2025-03-10T09:00:00+09:00", "text": EDF, "publisher": "에너지데일리"},
        {"url": "https://b.example/9", "title": "서울에너지공사-EDF, SMR 공동연구 업무협약 체결",
         "published": "2025-03-11T10:00:00+09:00", "text": EDF, "publisher": "뉴스와이어"},
        {"url": "https://a.example/2", "title": "11월 수출 역대 최대",
         "published": "2025-03-12T09:00:00+09:00", "text": "수출이 늘었다."},
    ]  # fmt: skip
    corpus = folder / "archive.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        f.write("{not json\n")
    feed = folder / "econ.xml"
    feed.write_text(RSS, encoding="utf-8")
    return [str(corpus), str(feed)]


@pytest.fixture
async def repo(tmp_path: Path) -> SqlRepository:
    store = await open_repository(f"sqlite+aiosqlite:///{tmp_path / 'b.db'}")
    yield store  # type: ignore[misc]
    await store.close()


async def test_backfill_stores_history_alerts_nobody_and_runs_once(
    repo: SqlRepository, tmp_path: Path, kiwi_extractor: Extractor
) -> None:
    await repo.add_subscription(7, Topic(country="FR"))
    paths = write_archive(tmp_path)
    warnings: list[str] = []
    report = await backfill(
        [*paths, str(tmp_path / "missing.jsonl")],
        repo,
        kiwi_extractor,
        now=NOW,
        warn=warnings.append,
        bar=no_bar,
    )
    assert (report.read, report.known, report.mous) == (4, 0, 3)
    assert (report.new_stories, report.reprints) == (2, 1)
    assert report.failures == [f"{tmp_path / 'missing.jsonl'}: no such file"]
    assert any("archive.jsonl.gz:4: skipped" in w for w in warnings)

    [edf] = await repo.stories(Topic(country="FR"), None)
    assert edf.published == dt.datetime(2025, 3, 10, 0, tzinfo=dt.UTC) and edf.outlets == 2
    assert edf.outlet == "에너지데일리"
    [chip] = await repo.stories(Topic(country="JP"), None)
    assert chip.published == dt.datetime(2025, 6, 2, 0, tzinfo=dt.UTC)
    assert [s.title for s in await repo.search_stories("도쿄일렉트론", None)] == [chip.title]
    stats = await repo.stats()
    assert stats.deliveries == {}  # history alerts nobody

    again = await backfill(paths, repo, kiwi_extractor, now=NOW, warn=print, bar=no_bar)
    assert (again.read, again.known, again.mous, again.new_stories) == (4, 4, 0, 0)
    assert (await repo.stats()).stories == 2


async def test_sample_history_is_dated_before_now_and_all_french_mous_are_found(
    repo: SqlRepository, kiwi_extractor: Extractor
) -> None:
    sources = history_sources(NOW)
    assert all(s.article.published and s.article.published < NOW for s in sources)
    from feeds.backfill import backfill_sources

    report = await backfill_sources(sources, repo, kiwi_extractor, now=NOW, bar=no_bar)
    assert report.read == len(sources) and report.reprints == 1
    france = await repo.stories(Topic(country="FR"), NOW - dt.timedelta(days=365))
    assert len(france) == 6
    assert await repo.stories(Topic(org="탈레스"), None)  # "탈레스코리아" is Thales's arm


def test_cli_backfill_then_export(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    kiwi_extractor: Extractor,
) -> None:
    monkeypatch.setattr("extractors.cli._extractor", lambda: kiwi_extractor)
    config = tmp_path / "c.toml"
    config.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path / "c.db"}"\n')
    feed = tmp_path / "econ.xml"
    feed.write_text(RSS, encoding="utf-8")
    assert main(["backfill", "--config", str(config), str(feed)]) == 0
    out = capsys.readouterr().out
    assert "read 1 articles (0 already stored)" in out
    assert "MOUs: 1, new stories: 1, reprints: 0" in out
    assert main(["backfill", "--config", str(config), str(tmp_path / "nope.xml")]) == 1
    capsys.readouterr()

    target = tmp_path / "japan.csv"
    assert main(["export", "--config", str(config), "--topic", "Japan", "-o", str(target)]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8-sig"))))
    assert [(r["date"], r["countries"], r["url"]) for r in rows] == [
        ("2025-06-02", "JP", "https://econ.example/news/1")
    ]
    args = ["export", "--config", str(config), "--search", "도쿄일렉트론", "--format", "jsonl"]
    assert main([*args, "--since", "2025-06-01"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["parties"] == ["SK하이닉스", "도쿄일렉트론"]
    assert main([*args, "--topic", "France"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["export", "--config", str(config), "--topic", "Narnia"]) == 2
    assert "is not one topic" in capsys.readouterr().err
