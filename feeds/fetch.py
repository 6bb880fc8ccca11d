"""Polite HTTP for feeds and article pages: one shared client, results as data.

``Fetcher.fetch`` never raises for a bad server: what went wrong comes back in
``FetchResult.error``, an instance of one of these::

    FetchError                 anything that kept us from a usable body
    ├── TransportError         DNS, refused or reset connection, TLS, bad gzip, invalid URL
    │   ├── FetchTimeout       the whole request (not just one read) took over fetch.timeout
    │   └── NonPublicAddress   a hop to a loopback/private address, allow_private_addresses off
    ├── TooManyRedirects       more than MAX_REDIRECTS hops (a redirect loop ends here)
    ├── BodyTooLarge           more than fetch.max_bytes after decompression
    └── HTTPStatusError        a 4xx/5xx answer; ``status`` and the raw ``retry_after``

A 304 is not an error: ``not_modified`` is set and the body is empty.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from core.settings import FetchSettings
from feeds.guard import NonPublicRefused, PublicOnlyTransport
from feeds.urls import Resolver, system_resolver

USER_AGENT = "mou-alert/0.1 (+https://github.com/mou-alert)"
MAX_REDIRECTS = 5
PER_HOST_CONNECTIONS = 4
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
ALLOW_PRIVATE_HINT = "set [fetch] allow_private_addresses = true to poll it"
TIMEOUT_HINT = "[fetch] timeout sets how long to wait"
"""The setting that changes an outcome, named in the reason an operator reads."""
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


class FetchError(Exception):
    """Base of every fetch failure; ``str()`` is a short reason fit for /feeds."""


class TransportError(FetchError):
    pass


class FetchTimeout(TransportError):
    pass


class NonPublicAddress(TransportError):
    """Never requested: ``str()`` names the setting that allows it."""


class TooManyRedirects(FetchError):
    pass


class BodyTooLarge(FetchError):
    pass


class HTTPStatusError(FetchError):
    def __init__(self, status: int, reason: str = "", retry_after: str | None = None) -> None:
        self.status = status
        self.retry_after = retry_after
        super().__init__(f"HTTP {status}{' ' + reason if reason else ''}")


@dataclass(frozen=True)
class FetchResult:
    url: str
    """As requested."""
    final_url: str
    """After redirects (the base for relative links)."""
    status: int | None = None
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    """Response headers, names lower-cased, repeated headers joined with ", "."""
    not_modified: bool = False
    error: FetchError | None = None

    @property
    def ok(self) -> bool:
        """A fresh body to parse (not a 304, not an error)."""
        return self.error is None and not self.not_modified

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


def make_client(
    settings: FetchSettings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    resolve: Resolver = system_resolver,
) -> httpx.AsyncClient:
    """The one client the app shares (created in ``post_init``, closed in ``post_shutdown``).

    httpx decompresses gzip/deflate itself and advertises only what it can decode. Unless
    ``allow_private_addresses`` is set, every request, redirects included, must go to a public
    address (:class:`~feeds.guard.PublicOnlyTransport`).
    """
    if transport is None:
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=40)
        transport = httpx.AsyncHTTPTransport(limits=limits)
    if not settings.allow_private_addresses:
        transport = PublicOnlyTransport(transport, resolve)
    return httpx.AsyncClient(
        timeout=httpx.Timeout(settings.timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": USER_AGENT},
        transport=transport,
    )


class Fetcher:
    """GETs through a shared client with a body cap, a total deadline and a per-host limit."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        max_bytes: int,
        timeout: float,
        per_host: int = PER_HOST_CONNECTIONS,
    ) -> None:
        self.client = client
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.per_host = per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}

    @classmethod
    def from_settings(cls, client: httpx.AsyncClient, settings: FetchSettings) -> Fetcher:
        return cls(client, max_bytes=settings.max_bytes, timeout=settings.timeout)

    def _slot(self, url: str) -> asyncio.Semaphore:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:  # httpx refuses the URL later, with its own message
            host = ""
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self.per_host)
        return self._hosts[host]

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = FEED_ACCEPT,
    ) -> FetchResult:
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        async with self._slot(url):
            try:
                # httpx's timeout bounds each read; a server trickling one byte a second would
                # never trip it, so the whole exchange gets one deadline as well.
                async with asyncio.timeout(self.timeout):
                    return await self._get(url, headers)
            except TimeoutError:
                return _failed(
                    url,
                    FetchTimeout(f"no complete answer within {self.timeout:g} s; {TIMEOUT_HINT}"),
                )
            except httpx.TimeoutException as exc:
                return _failed(
                    url, FetchTimeout(f"timed out ({type(exc).__name__}); {TIMEOUT_HINT}")
                )
            except NonPublicRefused as exc:
                return _failed(url, NonPublicAddress(f"{exc}; {ALLOW_PRIVATE_HINT}"))
            except httpx.TooManyRedirects:
                return _failed(url, TooManyRedirects(f"more than {MAX_REDIRECTS} redirects"))
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                return _failed(url, TransportError(f"{type(exc).__name__}: {exc}"[:300]))
            except _Failure as failure:
                return failure.result

    async def _get(self, url: str, headers: dict[str, str]) -> FetchResult:
        async with self.client.stream("GET", url, headers=headers) as resp:
            final_url = str(resp.url)
            got = {k.lower(): v for k, v in resp.headers.items()}
            if resp.status_code == 304:
                return FetchResult(url, final_url, 304, headers=got, not_modified=True)
            if resp.status_code >= 400:
                error = HTTPStatusError(
                    resp.status_code, resp.reason_phrase, got.get("retry-after")
                )
                raise _Failure(
                    FetchResult(url, final_url, resp.status_code, headers=got, error=error)
                )
            declared = got.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:  # compressed <= decoded
                raise _Failure(self._too_large(url, final_url, resp.status_code, got))
            body = bytearray()
            async for chunk in resp.aiter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise _Failure(self._too_large(url, final_url, resp.status_code, got))
            return FetchResult(url, final_url, resp.status_code, bytes(body), got)

    def _too_large(self, url: str, final: str, status: int, got: dict[str, str]) -> FetchResult:
        error = BodyTooLarge(f"body over {self.max_bytes} bytes; [fetch] max_bytes raises the cap")
        return FetchResult(url, final, status, headers=got, error=error)


class _Failure(Exception):
    """Carries a finished error result out of the streaming block (which then closes)."""

    def __init__(self, result: FetchResult) -> None:
        self.result = result


def _failed(url: str, error: FetchError) -> FetchResult:
    return FetchResult(url, url, error=error)
