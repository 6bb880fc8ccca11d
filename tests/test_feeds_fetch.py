"""The fetcher against a local server: conditional GET, limits, redirects, failures as data."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fixtures.feeds.httpserver import LocalServer, Reply, Seen

from core.settings import FetchSettings
from feeds.fetch import (
    USER_AGENT,
    BodyTooLarge,
    Fetcher,
    FetchTimeout,
    HTTPStatusError,
    TooManyRedirects,
    TransportError,
    make_client,
)

RSS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<rss version="2.0"><channel><title>t</title></channel></rss>'
)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    settings = FetchSettings(timeout=1.0, max_bytes=64 * 1024, allow_private_addresses=True)
    async with make_client(settings) as client:
        yield Fetcher.from_settings(client, settings)


def _etag_route(etag: str, body: bytes):  # type: ignore[no-untyped-def]
    def reply(req: Seen) -> Reply:
        if req.headers.get("if-none-match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(200, body, {"ETag": etag, "Content-Type": "application/rss+xml"})

    return reply


async def test_200_then_304_with_the_etag_and_last_modified(
    server: LocalServer, fetcher: Fetcher
) -> None:
    modified = "Wed, 01 Jan 2025 00:00:00 GMT"

    def reply(req: Seen) -> Reply:
        if req.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers={"ETag": '"v1"'})
        return Reply(200, RSS, {"ETag": '"v1"', "Last-Modified": modified})

    url = server.route("/feed.xml", reply)
    first = await fetcher.fetch(url)
    assert first.ok and first.status == 200 and first.body == RSS
    assert (first.etag, first.last_modified) == ('"v1"', modified)

    second = await fetcher.fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and not second.ok and second.error is None
    assert second.body == b"" and second.status == 304
    sent = server.hits("/feed.xml")[1].headers
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == modified
    assert sent["user-agent"] == USER_AGENT
    assert "gzip" in sent["accept-encoding"]


async def test_a_changed_etag_gives_the_new_body(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/feed.xml", _etag_route('"v2"', RSS + b" "))
    result = await fetcher.fetch(url, etag='"v1"')
    assert result.ok and result.etag == '"v2"' and result.body == RSS + b" "


async def test_server_errors_are_data_with_retry_after(
    server: LocalServer, fetcher: Fetcher
) -> None:
    url = server.route("/feed.xml", Reply(503, b"busy", {"Retry-After": "120"}))
    result = await fetcher.fetch(url)
    assert isinstance(result.error, HTTPStatusError)
    assert result.error.status == 503 and result.error.retry_after == "120"
    assert result.headers["retry-after"] == "120" and not result.ok
    assert "503" in str(result.error)

    url = server.route("/gone.xml", Reply(500, b"oops"))
    assert isinstance((await fetcher.fetch(url)).error, HTTPStatusError)


async def test_a_silent_server_times_out(server: LocalServer) -> None:
    settings = FetchSettings(timeout=0.3, allow_private_addresses=True)
    url = server.route("/slow.xml", Reply(200, RSS, delay=1.5))
    async with make_client(settings) as client:
        result = await Fetcher.from_settings(client, settings).fetch(url)
    assert isinstance(result.error, FetchTimeout)


async def test_a_trickling_server_hits_the_total_deadline(server: LocalServer) -> None:
    # Every byte arrives well within the read timeout; only the total deadline can stop it.
    settings = FetchSettings(timeout=0.5, allow_private_addresses=True)
    url = server.route("/trickle.xml", Reply(200, RSS, trickle=0.05))
    async with make_client(settings) as client:
        result = await Fetcher.from_settings(client, settings).fetch(url)
    assert isinstance(result.error, FetchTimeout)
    assert "0.5" in str(result.error)


async def test_oversized_bodies_stop_while_streaming(server: LocalServer, fetcher: Fetcher) -> None:
    big = b"x" * (64 * 1024 + 1)
    declared = server.route("/declared.xml", Reply(200, big))
    streamed = server.route("/streamed.xml", Reply(200, big, declare_length=False))
    for url in (declared, streamed):
        result = await fetcher.fetch(url)
        assert isinstance(result.error, BodyTooLarge), url
        assert result.body == b""
    exact = server.route("/exact.xml", Reply(200, big[:-1], declare_length=False))
    assert (await fetcher.fetch(exact)).ok


async def test_gzip_is_decoded_and_the_cap_applies_after_decompression(
    server: LocalServer, fetcher: Fetcher
) -> None:
    url = server.route("/gz.xml", Reply(200, gzip.compress(RSS), {"Content-Encoding": "gzip"}))
    assert (await fetcher.fetch(url)).body == RSS
    bomb = gzip.compress(b"\0" * (1024 * 1024))  # 1 KB on the wire, 1 MiB decoded
    assert len(bomb) < 64 * 1024
    url = server.route("/bomb.xml", Reply(200, bomb, {"Content-Encoding": "gzip"}))
    assert isinstance((await fetcher.fetch(url)).error, BodyTooLarge)


async def test_redirects_are_followed_up_to_five(server: LocalServer, fetcher: Fetcher) -> None:
    final = server.route("/feed.xml", Reply(200, RSS))
    for i in range(5):
        target = "/feed.xml" if i == 0 else f"/r{i}"
        server.route(f"/r{i + 1}", Reply(301, headers={"Location": target}))
    result = await fetcher.fetch(server.url("/r5"))  # five hops
    assert result.ok and result.final_url == final and result.body == RSS

    server.route("/r6", Reply(302, headers={"Location": "/r5"}))
    result = await fetcher.fetch(server.url("/r6"))  # six hops
    assert isinstance(result.error, TooManyRedirects)


async def test_a_redirect_loop_ends(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/a", Reply(302, headers={"Location": "/b"}))
    server.route("/b", Reply(302, headers={"Location": "/a"}))
    result = await fetcher.fetch(server.url("/a"))
    assert isinstance(result.error, TooManyRedirects)
    assert len(server.hits("/a")) + len(server.hits("/b")) == 6


async def test_refused_connections_and_bad_urls_are_transport_errors(fetcher: Fetcher) -> None:
    with LocalServer() as closed:
        url = closed.url("/feed.xml")
    assert isinstance((await fetcher.fetch(url)).error, TransportError)
    assert isinstance((await fetcher.fetch("ftp://example.org/x")).error, TransportError)
    assert isinstance((await fetcher.fetch("http://[::1")).error, TransportError)


async def test_at_most_four_requests_per_host_at_once() -> None:
    in_flight: dict[str, int] = {}
    peak: dict[str, int] = {}

    async def handler(request: httpx.Request) -> httpx.Response:
        host = request.url.host
        in_flight[host] = in_flight.get(host, 0) + 1
        peak[host] = max(peak.get(host, 0), in_flight[host])
        await asyncio.sleep(0.02)
        in_flight[host] -= 1
        return httpx.Response(200, content=RSS)

    settings = FetchSettings()
    public = lambda _host: ["93.184.216.34"]  # noqa: E731
    transport = httpx.MockTransport(handler)
    async with make_client(settings, transport=transport, resolve=public) as client:
        fetcher = Fetcher.from_settings(client, settings)
        urls = [f"http://{h}.example/feed{i}" for h in ("a", "b") for i in range(12)]
        results = await asyncio.gather(*(fetcher.fetch(u) for u in urls))
    assert all(r.ok for r in results)
    assert peak == {"a.example": 4, "b.example": 4}
