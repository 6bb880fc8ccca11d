"""Article text: teasers get the page's main text; failures keep the teaser."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from fixtures.feeds.httpserver import LocalServer, Reply

from core.settings import FetchSettings
from feeds.article import article_text, is_teaser, might_be_agreement
from feeds.fetch import Fetcher, make_client
from feeds.parse import FeedEntry

PAGE = (Path(__file__).parent / "fixtures" / "feeds" / "article_boilerplate.html").read_text()
TITLE = "세진배터리, 美 노스스타에너지와 2억달러 규모 배터리 공급 MOU"
TEASER = "이차전지 기업 세진배터리는 미국 노스스타에너지와 배터리 셀 공급 양해각서(MOU)를 .."


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    settings = FetchSettings(timeout=2.0, allow_private_addresses=True)
    async with make_client(settings) as client:
        yield Fetcher.from_settings(client, settings)


def entry(link: str | None, content: str = TEASER, title: str = TITLE) -> FeedEntry:
    return FeedEntry(guid=None, link=link, title=title, content=content, published=None)


def test_teasers() -> None:
    assert is_teaser(TEASER)
    assert is_teaser("<p>짧은 리드 문단입니다.</p>")
    full = "가" * 600 + "."
    assert not is_teaser(full) and not is_teaser(f"<p>{full}</p><br>")
    assert is_teaser("가" * 600 + "…")  # long but visibly cut
    assert is_teaser("가" * 600 + " 더보기")


def test_might_be_agreement() -> None:
    assert might_be_agreement(TITLE, "")
    assert might_be_agreement("A사·B사 맞손", "")
    assert might_be_agreement("오늘의 날씨", "두 회사가 업무협약을 ..")
    assert not might_be_agreement("지난달 수출 5.2% 증가", "반도체가 견인했다 ..")


async def test_a_teaser_gets_the_main_text_of_a_boilerplate_page(
    server: LocalServer, fetcher: Fetcher
) -> None:
    # Served as cp949 with no charset in the header: the page's <meta> says euc-kr.
    url = server.route("/news/1", Reply(200, PAGE.encode("cp949"), {"Content-Type": "text/html"}))
    text = await article_text(entry(url), fetcher, allow_private=True)
    assert text.source == "page" and text.error is None and text.title == TITLE
    assert "공급 물량은 연간 2GWh 수준이다." in text.body
    assert "북미 매출 비중이 지난해 12%에서 30% 이상으로" in text.body
    for boilerplate in (
        "코스피",
        "많이 본 뉴스",
        "월급 빼고",
        "주가 오르겠네요",
        "회사소개",
        "유럽 공장 착공",
    ):
        assert boilerplate not in text.body, boilerplate


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply(404, b"gone"), "HTTP 404"),
        (Reply(200, b"%PDF-1.7", {"Content-Type": "application/pdf"}), "not an HTML page"),
        (
            Reply(200, b"<html><body><nav>menu</nav></body></html>", {"Content-Type": "text/html"}),
            "no more text",
        ),
    ],
)
async def test_a_failed_page_keeps_the_teaser(
    server: LocalServer, fetcher: Fetcher, reply: Reply, reason: str
) -> None:
    url = server.route("/news/2", reply)
    text = await article_text(entry(url), fetcher, allow_private=True)
    assert text.source == "feed" and text.body == TEASER and text.title == TITLE
    assert text.error is not None and reason in text.error


async def test_pages_are_fetched_only_when_needed(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/news/3", Reply(200, PAGE.encode("utf-8"), {"Content-Type": "text/html"}))
    full = "<p>" + "세진배터리는 공급 양해각서를 체결했다. " * 40 + "</p>"
    assert (await article_text(entry(url, full), fetcher, allow_private=True)).source == "feed"
    no_mou = entry(url, "지난달 수출이 늘었다 ..", "지난달 수출 5.2% 증가")
    assert (await article_text(no_mou, fetcher, allow_private=True)).source == "feed"
    assert (await article_text(entry(None), fetcher, allow_private=True)).source == "feed"
    assert server.hits("/news/3") == []


async def test_article_links_to_private_addresses_are_not_fetched_unless_allowed(
    server: LocalServer, fetcher: Fetcher
) -> None:
    url = server.route("/news/4", Reply(200, PAGE.encode("utf-8"), {"Content-Type": "text/html"}))
    refused = await article_text(entry(url), fetcher, allow_private=False)
    assert refused.source == "feed" and refused.error and "loopback" in refused.error
    assert server.hits("/news/4") == []
