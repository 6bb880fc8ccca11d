"""Every hop of a fetch must reach a public address unless private addresses are allowed."""

import httpx

from core.settings import FetchSettings
from feeds.fetch import Fetcher, TransportError, make_client

PUBLIC = {"feeds.example.com": ["93.184.216.34"], "cdn.example.net": ["151.101.1.1"]}


def resolve(host: str) -> list[str]:
    if host == "intranet.example.com":
        return ["10.0.0.7"]
    return PUBLIC[host]


def redirecting(asked: list[str]) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        if request.url.path == "/to-metadata":
            return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/"})
        if request.url.path == "/to-intranet":
            return httpx.Response(302, headers={"Location": "http://intranet.example.com/rss"})
        if request.url.path == "/to-cdn":
            return httpx.Response(301, headers={"Location": "https://cdn.example.net/rss"})
        return httpx.Response(200, text="<rss version='2.0'><channel/></rss>")

    return httpx.MockTransport(answer)


async def fetch(path: str, allow_private: bool, asked: list[str]) -> Fetcher:
    settings = FetchSettings(timeout=5.0, allow_private_addresses=allow_private)
    async with make_client(settings, transport=redirecting(asked), resolve=resolve) as client:
        return await Fetcher.from_settings(client, settings).fetch(
            f"https://feeds.example.com{path}"
        )


async def test_a_redirect_to_a_link_local_address_is_never_requested() -> None:
    asked: list[str] = []
    result = await fetch("/to-metadata", False, asked)
    assert asked == ["https://feeds.example.com/to-metadata"]
    assert isinstance(result.error, TransportError)
    assert "169.254.169.254" in str(result.error) and "link-local" in str(result.error)


async def test_a_redirect_to_a_host_resolving_privately_is_refused() -> None:
    asked: list[str] = []
    result = await fetch("/to-intranet", False, asked)
    assert asked == ["https://feeds.example.com/to-intranet"]
    assert "private" in str(result.error)


async def test_public_redirects_are_followed() -> None:
    asked: list[str] = []
    result = await fetch("/to-cdn", False, asked)
    assert result.ok and result.final_url == "https://cdn.example.net/rss"


async def test_private_addresses_pass_when_allowed() -> None:
    asked: list[str] = []
    result = await fetch("/to-intranet", True, asked)
    assert result.ok and asked[-1] == "http://intranet.example.com/rss"
