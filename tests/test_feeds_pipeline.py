"""The pipeline end to end: a local feed server, the real extractor, the real repository on a
temporary SQLite file."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import html
import io
import pickle
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest
from fixtures.feeds.httpserver import LocalServer, Reply, Seen

from core.settings import FeedConfig, FetchSettings, Settings, load_settings
from devtools.sample_feed import SampleFeedServer, load_sample_articles
from extractors.extractor import Extractor
from extractors.model import Article, Extraction
from feeds import schedule
from feeds.cli import cmd_poll_once
from feeds.fetch import make_client
from feeds.pipeline import Poller
from subscriptions.models import Feed, Topic
from subscriptions.store import SqlRepository

SAMPLES = {a.slug: a for a in load_sample_articles()}
FRANCE = SAMPLES["hanbit-ai-lumiere-labs-mou"]
GERMANY = SAMPLES["gyeongnam-tp-rothenbach-smart-factory"]
EXPORTS = SAMPLES["exports-up-chips-cars"]
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
LATER = NOW + dt.timedelta(hours=7)  # every feed is due again by then (6 h at most)


@dataclass
class Entry:
    guid: str | None
    title: str
    paragraphs: tuple[str, ...]
    published: dt.datetime | None
    link: str | None = None


def rss(entries: Iterable[Entry], encoding: str = "UTF-8") -> str:
    items = []
    for e in entries:
        parts = [f"<title>{html.escape(e.title)}</title>"]
        if e.guid:
            parts.append(f'<guid isPermaLink="false">{e.guid}</guid>')
        if e.link:
            parts.append(f"<link>{html.escape(e.link)}</link>")
        if e.published:
            parts.append(f"<pubDate>{format_datetime(e.published)}</pubDate>")
        body = "".join(f"<p>{p}</p>" for p in e.paragraphs) * 3  # long enough not to be a teaser
        parts.append(f"<description>{html.escape(body)}</description>")
        items.append("<item>" + "".join(parts) + "</item>")
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
        f"<title>테스트</title>{''.join(items)}</channel></rss>"
    )


def entry(sample_slug: str, hours_ago: float | None, guid: str | None = None) -> Entry:
    a = SAMPLES[sample_slug]
    published = NOW - dt.timedelta(hours=hours_ago) if hours_ago is not None else None
    return Entry(guid or a.slug, a.title, a.paragraphs, published)


def served(document: str, etag: str, encoding: str = "utf-8") -> Reply:
    return Reply(200, document.encode(encoding), {"ETag": etag, "Content-Type": "text/xml"})


def conditional(state: dict[str, Reply]):  # type: ignore[no-untyped-def]
    """Serve state["reply"], answering 304 when the client already has its ETag."""

    def reply(req: Seen) -> Reply:
        current = state["reply"]
        if req.headers.get("if-none-match") == current.headers.get("ETag"):
            return Reply(304, headers={"ETag": current.headers["ETag"]})
        return current

    return reply


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(num_workers=1)  # Kiwi loads once, on first use


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


SETTINGS = Settings(fetch=FetchSettings(timeout=2.0, allow_private_addresses=True))


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(SETTINGS.fetch) as client:
        yield client


@pytest.fixture
async def poller(
    repo: SqlRepository, http: httpx.AsyncClient, extractor: Extractor
) -> AsyncIterator[Poller]:
    p = Poller(repo, http, SETTINGS, extractor=extractor)
    yield p
    p.close()


async def subscribe(repo: SqlRepository, chat_id: int, topic: Topic) -> None:
    await repo.upsert_chat(chat_id, type="private")
    await repo.add_subscription(chat_id, topic)


async def feed_state(repo: SqlRepository, url: str) -> Feed:
    return next(f for f in await repo.list_feeds() if f.url == url)


async def test_a_new_feed_stores_everything_but_alerts_only_the_last_24_hours(
    server: LocalServer, repo: SqlRepository, poller: Poller
) -> None:
    await subscribe(repo, 1, Topic(country="FR"))
    await subscribe(repo, 2, Topic(country="DE"))
    document = rss([entry(FRANCE.slug, 1), entry(GERMANY.slug, 72), entry(EXPORTS.slug, 2)])
    url = server.route("/rss", conditional({"reply": served(document, '"v1"')}))
    await repo.upsert_feed(url, "테스트")

    report = await poller.poll_due(NOW)
    assert (report.feeds_due, report.items_new, report.errors) == (1, 3, [])
    found = {i.title: i for i in report.mous}
    assert set(found) == {FRANCE.title, GERMANY.title}
    assert "FR" in found[FRANCE.title].extraction.countries
    assert "DE" in found[GERMANY.title].extraction.countries
    assert found[FRANCE.title].alert and not found[GERMANY.title].alert
    assert found[FRANCE.title].record.deliveries == 1  # chat 1
    assert found[GERMANY.title].record.deliveries == 0  # three days old: stored, summarised
    assert report.deliveries == 1
    assert [s.title for s in await repo.stories(Topic(country="DE"), None)] == [GERMANY.title]
    # feeds.ingest runs the poller in a child process and ships the report back pickled.
    assert pickle.loads(pickle.dumps(report)).deliveries == 1

    state = await feed_state(repo, url)
    assert state.etag == '"v1"' and state.last_success == NOW and state.error_count == 0
    assert state.next_check is not None and state.next_check > NOW
    assert await repo.due_feeds(NOW) == []

    again = await poller.poll_due(LATER)
    assert (again.feeds_due, again.not_modified, again.items_new) == (1, 1, 0)
    assert server.hits("/rss")[-1].headers["if-none-match"] == '"v1"'


async def test_duplicates_reorders_and_re_dated_entries_never_alert_again(
    server: LocalServer,
    repo: SqlRepository,
    poller: Poller,
    http: httpx.AsyncClient,
    extractor: Extractor,
) -> None:
    await subscribe(repo, 1, Topic(country="FR"))
    await subscribe(repo, 2, Topic(country="DE"))
    link = "https://news.example.kr/de?id=7"
    germany_by_link = Entry(None, GERMANY.title, GERMANY.paragraphs, NOW, link)
    state = {
        "reply": served(rss([entry(FRANCE.slug, 1), entry(FRANCE.slug, 1), germany_by_link]), '"a"')
    }
    url = server.route("/rss", conditional(state))
    await repo.upsert_feed(url, "테스트")
    first = await poller.poll_due(NOW)
    assert first.items_new == 2 and first.deliveries == 2  # the duplicate counted once

    # A new ETag: the same items re-ordered, re-dated to now, the link decorated for tracking.
    redated = Entry(None, GERMANY.title, GERMANY.paragraphs, LATER, link + "&utm_source=rss#top")
    france_redated = entry(FRANCE.slug, 0)
    france_redated.published = LATER
    state["reply"] = served(rss([redated, france_redated, entry(EXPORTS.slug, 0)]), '"b"')
    second = await poller.poll_due(LATER)
    assert [i.title for i in second.items] == [EXPORTS.title]
    assert second.deliveries == 0 and second.mous == []

    # And across a restart: a new poller on the same database sees nothing new.
    state["reply"] = served(rss([france_redated, redated]), '"c"')
    fresh = Poller(repo, http, SETTINGS, extractor=extractor)
    third = await fresh.poll_all(LATER + dt.timedelta(hours=1))
    assert (third.feeds_due, third.not_modified) == (1, 0)
    assert third.items == [] and third.deliveries == 0


async def test_failures_back_off_and_seven_days_disable_the_feed(
    server: LocalServer, repo: SqlRepository, poller: Poller
) -> None:
    url = server.route("/rss", Reply(500, b"oops"))
    await repo.upsert_feed(url, "고장난 피드")
    first = await poller.poll_due(NOW)
    assert [e.error for e in first.errors] == ["HTTP 500 Internal Server Error"]
    state = await feed_state(repo, url)
    assert state.error_count == 1 and state.failing_since == NOW
    assert state.next_check == NOW + dt.timedelta(seconds=600)
    assert await repo.due_feeds(NOW + dt.timedelta(seconds=599)) == []

    second = await poller.poll_due(NOW + dt.timedelta(minutes=11))
    state = await feed_state(repo, url)
    assert second.disabled == [] and state.error_count == 2
    assert state.next_check == NOW + dt.timedelta(minutes=11, seconds=1200)

    week = NOW + dt.timedelta(days=7)
    last = await poller.poll_due(week)
    assert [f.url for f in last.disabled] == [url]
    assert (await feed_state(repo, url)).disabled_since == week
    assert (await poller.poll_due(week + dt.timedelta(days=2))).feeds_due == 0


async def test_a_malformed_feed_yields_its_entries_and_records_the_error(
    server: LocalServer, repo: SqlRepository, poller: Poller
) -> None:
    broken = Path(__file__).parent / "fixtures" / "feeds" / "malformed.xml"
    url = server.route("/rss", Reply(200, broken.read_bytes(), {"Content-Type": "text/xml"}))
    await repo.upsert_feed(url, "깨진 피드")
    report = await poller.poll_due(NOW)
    assert report.items_new == 2 and report.errors == []
    state = await feed_state(repo, url)
    assert state.error_count == 0 and state.last_error
    assert state.last_error.startswith("malformed feed (entries recovered)")


async def test_an_atom_feed_goes_through_the_pipeline(
    server: LocalServer, repo: SqlRepository, poller: Poller
) -> None:
    atom = Path(__file__).parent / "fixtures" / "feeds" / "atom.xml"
    url = server.route(
        "/atom", Reply(200, atom.read_bytes(), {"Content-Type": "application/atom+xml"})
    )
    await repo.upsert_feed(url, "Atom")
    report = await poller.poll_due(dt.datetime(2026, 2, 3, 2, 0, tzinfo=dt.UTC))
    assert report.errors == [] and report.items_new == 2
    germany = next(i for i in report.items if i.url == "https://press.example.kr/77")
    assert germany.extraction.is_mou and "DE" in germany.extraction.countries
    assert await repo.known_keys(["urn:example:press:77", "urn:example:press:78"]) == {
        "urn:example:press:77",
        "urn:example:press:78",
    }


async def test_a_feed_that_is_not_a_feed_counts_as_a_failure(
    server: LocalServer, repo: SqlRepository, poller: Poller
) -> None:
    page = Reply(200, b"<html><body>moved</body></html>", {"Content-Type": "text/html"})
    url = server.route("/rss", page)
    await repo.upsert_feed(url, "HTML")
    report = await poller.poll_due(NOW)
    assert len(report.errors) == 1 and (await feed_state(repo, url)).error_count == 1


async def test_a_cp949_feed_is_read_through_the_pipeline(
    server: LocalServer, repo: SqlRepository, poller: Poller
) -> None:
    await subscribe(repo, 1, Topic(country="FR"))
    document = rss([entry(FRANCE.slug, 1)], encoding="EUC-KR")
    url = server.route("/rss", Reply(200, document.encode("cp949"), {"Content-Type": "text/xml"}))
    await repo.upsert_feed(url, "EUC-KR")
    report = await poller.poll_due(NOW)
    assert [i.title for i in report.mous] == [FRANCE.title]
    assert report.deliveries == 1


async def test_undated_entries_alert_only_once_the_feed_is_known(
    server: LocalServer, repo: SqlRepository, poller: Poller
) -> None:
    await subscribe(repo, 1, Topic(country="FR"))
    await subscribe(repo, 2, Topic(country="DE"))
    state = {"reply": served(rss([entry(GERMANY.slug, None)]), '"1"')}
    url = server.route("/rss", conditional(state))
    await repo.upsert_feed(url, "날짜 없음")
    first = await poller.poll_due(NOW)
    assert [(i.title, i.alert) for i in first.items] == [(GERMANY.title, False)]
    state["reply"] = served(rss([entry(FRANCE.slug, None), entry(GERMANY.slug, None)]), '"2"')
    second = await poller.poll_due(LATER)
    assert [(i.title, i.alert) for i in second.items] == [(FRANCE.title, True)]
    assert second.deliveries == 1


class _Faulty:
    """Fails on one article: the batch falls back to one by one, the rest still extracted."""

    def __init__(self, inner: Extractor) -> None:
        self.inner = inner

    def extract_many(self, articles: Iterable[Article]) -> list[Extraction]:
        batch = list(articles)
        if any(a.title == EXPORTS.title for a in batch):
            raise RuntimeError("extractor bug")
        return self.inner.extract_many(batch)


async def test_an_extractor_failure_stores_the_item_and_keeps_the_others(
    server: LocalServer, repo: SqlRepository, http: httpx.AsyncClient, extractor: Extractor
) -> None:
    faulty = Poller(repo, http, SETTINGS, extractor=_Faulty(extractor))
    url = server.route("/rss", served(rss([entry(EXPORTS.slug, 1), entry(FRANCE.slug, 1)]), '"x"'))
    await repo.upsert_feed(url, "t")
    report = await faulty.poll_due(NOW)
    faulty.close()
    assert report.items_new == 2 and [i.title for i in report.mous] == [FRANCE.title]


async def test_one_cycle_at_a_time(
    server: LocalServer, repo: SqlRepository, poller: Poller
) -> None:
    url = server.route("/rss", Reply(200, rss([]).encode(), delay=0.3))
    await repo.upsert_feed(url, "느린 피드")
    first, second = await asyncio.gather(poller.poll_due(NOW), poller.poll_due(NOW))
    assert sorted([first.skipped, second.skipped]) == [False, True]
    assert len(server.hits("/rss")) == 1


async def test_the_sample_feeds_teasers_get_pages_and_alert_once(
    repo: SqlRepository, poller: Poller
) -> None:
    await subscribe(repo, 1, Topic(country="FR"))
    await subscribe(repo, 2, Topic(country="US"))
    with SampleFeedServer(visible=3) as sample:
        for url, name in sample.feed_urls().items():
            await repo.upsert_feed(url, name)
        now = dt.datetime.now(dt.UTC)
        report = await poller.poll_due(now)
        assert report.items_new == 3 and report.errors == []
        assert all(i.text_from == "page" for i in report.mous)
        assert {i.title for i in report.mous} == {a.title for a in sample.published()}
        assert report.deliveries == 2  # chat 1 for France, chat 2 for the US battery deal

        quiet = await poller.poll_all(now + dt.timedelta(minutes=1))
        assert quiet.not_modified == 2 and quiet.items == []

        sample.release()
        later = await poller.poll_all(now + dt.timedelta(minutes=2))
        assert [i.title for i in later.items] == [sample.published()[-1].title]


async def test_sync_feeds_upserts_the_configured_feeds(repo: SqlRepository, poller: Poller) -> None:
    await poller.sync_feeds([FeedConfig("https://a.example/rss", "A")])
    await poller.sync_feeds(
        [FeedConfig("https://a.example/rss", "A2"), FeedConfig("https://b.example/", "B")]
    )
    assert [(f.url, f.name) for f in await repo.list_feeds()] == [
        ("https://a.example/rss", "A2"),
        ("https://b.example/", "B"),
    ]


def test_poll_once_prints_items_mous_and_deliveries(tmp_path: Path) -> None:
    with SampleFeedServer(visible=5) as sample:
        feeds = "".join(
            f'[[feeds]]\nurl = "{u}"\nname = "{n}"\n' for u, n in sample.feed_urls().items()
        )
        config = tmp_path / "config.toml"
        config.write_text(
            f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path / "cli.db"}"\n'
            f"[fetch]\nallow_private_addresses = true\n{feeds}",
            encoding="utf-8",
        )
        settings = load_settings(config, {})
        out = io.StringIO()
        assert cmd_poll_once(settings, out) == 0
        text = out.getvalue()
        assert "2 feeds checked" in text and "5 new items" in text
        assert FRANCE.title in text and "France" in text and "Germany" in text
        assert "Deliveries queued: 0" in text
        again = io.StringIO()
        assert cmd_poll_once(settings, again) == 0
        assert "2 unchanged" in again.getvalue() and "New items" not in again.getvalue()

    empty = tmp_path / "empty.toml"
    empty.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path / "e.db"}"\n')
    out = io.StringIO()
    assert cmd_poll_once(load_settings(empty, {}), out) == 1
    assert "No feeds to poll" in out.getvalue()


async def test_a_feed_due_a_moment_after_the_tick_is_not_left_for_the_next_one(
    server: LocalServer, repo: SqlRepository, poller: Poller
) -> None:
    url = server.route(
        "/rss", Reply(200, rss([entry(FRANCE.slug, 1)]), {"Content-Type": "text/xml"})
    )
    feed = await repo.upsert_feed(url, "지터")
    tick = schedule.tick(SETTINGS.schedule)
    almost = dataclasses.replace(feed, next_check=NOW + dt.timedelta(seconds=tick / 4))
    await repo.save_feed_state(almost)
    assert (await poller.poll_due(NOW)).feeds_due == 1
    later = dataclasses.replace(feed, next_check=NOW + dt.timedelta(seconds=tick))
    await repo.save_feed_state(later)
    assert (await poller.poll_due(NOW)).feeds_due == 0
