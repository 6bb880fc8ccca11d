"""The sample feed server: fresh dates, teasers, article pages, releases and 304s."""

from __future__ import annotations

import datetime as dt
import urllib.error
import urllib.request

import pytest

from devtools.sample_feed import SampleArticle, SampleFeedServer, load_sample_articles
from feeds.article import is_teaser
from feeds.parse import parse_feed


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), b""


def test_the_sample_articles_cover_the_cases_the_sandbox_shows() -> None:
    articles = load_sample_articles()
    assert 5 <= len(articles) <= 8
    titles = " ".join(a.title for a in articles)
    for word in ("佛", "독일", "美", "예정", "수출"):
        assert word in titles, word
    assert len({a.slug for a in articles}) == len(articles)
    assert {a.outlet for a in articles} == {"sample", "wire"}


def test_feed_items_are_dated_when_they_appear_and_pages_are_served() -> None:
    with SampleFeedServer(visible=2) as server:
        status, headers, body = get(server.feed_url("sample"))
        assert status == 200 and headers["Content-Type"].startswith("application/rss+xml")
        feed = parse_feed(body, {k.lower(): v for k, v in headers.items()})
        assert feed.error is None and len(feed.entries) == 2
        now = dt.datetime.now(dt.UTC)
        for entry in feed.entries:
            assert entry.published is not None and now - entry.published < dt.timedelta(minutes=5)
            assert is_teaser(entry.content)  # the poller fetches the page
            assert entry.link is not None
            status, _, page = get(entry.link)
            assert status == 200 and entry.title in page.decode("utf-8")
        assert get(server.base_url + "/news/nope.html")[0] == 404
        assert get(server.base_url + "/rss/nope.xml")[0] == 404


def test_an_unchanged_feed_answers_304_until_an_article_appears() -> None:
    with SampleFeedServer(visible=1) as server:
        _, headers, _ = get(server.feed_url())
        etag = headers["ETag"]
        assert get(server.feed_url(), {"If-None-Match": etag})[0] == 304
        released = server.release()
        assert len(released) == 1 and released[0] in server.published()
        status, headers, body = get(server.feed_url(), {"If-None-Match": etag})
        assert status == 200 and headers["ETag"] != etag
        assert released[0].title in body.decode("utf-8")


def test_articles_are_released_on_a_schedule_and_on_demand() -> None:
    clock = Clock()
    server = SampleFeedServer(visible=0, release_every=30, clock=clock)
    assert server.published() == []
    clock.now += 29
    assert server.published() == []
    clock.now += 61  # two intervals later
    assert len(server.published()) == 3
    mine = SampleArticle("mine", "sample", "우리 회사, 일본 기업과 MOU 체결", ("본문.",))
    server.publish(mine)
    assert server.published()[-1] == mine
    everything = len(load_sample_articles())
    clock.now += 3600
    assert len(server.published()) == everything + 1
    assert server.release() == []  # nothing left to release


@pytest.mark.parametrize("outlet", ["sample", "wire"])
def test_every_outlet_has_a_feed(outlet: str) -> None:
    with SampleFeedServer() as server:
        assert server.feed_url(outlet) in server.feed_urls()
        feed = parse_feed(get(server.feed_url(outlet))[2], {})
        assert feed.entries and all(e.link for e in feed.entries)
