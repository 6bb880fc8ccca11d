"""A local HTTP server for the sample feeds: RSS with teasers, article pages with boilerplate.

Articles appear over time (``release_every``) or on demand (``release``/``publish``), each dated
when it appears, so a poller sees fresh entries that alert. The feed answers ETag requests
with 304 while nothing new has appeared. Runs in a daemon thread on 127.0.0.1 and a free port::

    with SampleFeedServer(visible=2, release_every=30) as server:
        print(server.feed_url("sample"))

``python -m devtools.sample_feed.server`` serves until Ctrl-C and prints the feed addresses.
"""

from __future__ import annotations

import hashlib
import html
import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any

OUTLETS = {"sample": "샘플경제", "wire": "샘플통신"}
TEASER_CHARS = 90


@dataclass(frozen=True)
class SampleArticle:
    slug: str
    outlet: str
    """Key of ``OUTLETS``: which feed carries it."""
    title: str
    paragraphs: tuple[str, ...]

    @property
    def teaser(self) -> str:
        first = self.paragraphs[0]
        return first if len(first) <= TEASER_CHARS else first[:TEASER_CHARS].rstrip() + " .."


def load_sample_articles() -> list[SampleArticle]:
    raw = json.loads(
        resources.files("devtools.sample_feed").joinpath("articles.json").read_text("utf-8")
    )
    return [SampleArticle(a["slug"], a["outlet"], a["title"], tuple(a["paragraphs"])) for a in raw]


@dataclass(frozen=True)
class _Published:
    article: SampleArticle
    at: float


class SampleFeedServer:
    """Serves ``/rss/<outlet>.xml`` and ``/news/<slug>.html`` for the articles published so far.

    ``visible`` articles (default: all) are published at start, dated a few minutes apart
    up to now; with ``release_every`` the next one appears every that many seconds.
    """

    def __init__(
        self,
        articles: Sequence[SampleArticle] | None = None,
        *,
        visible: int | None = None,
        release_every: float | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._queue = list(articles if articles is not None else load_sample_articles())
        self._published: list[_Published] = []
        self._lock = threading.Lock()
        self._clock = clock
        self._release_every = release_every
        self._started = clock()
        self._last_release = self._started
        first = len(self._queue) if visible is None else visible
        for i in range(first):
            self._publish_next(at=self._started - 60 * (first - 1 - i))
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    # --- lifecycle ---------------------------------------------------------------------------
    def start(self) -> SampleFeedServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> SampleFeedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def feed_url(self, outlet: str = "sample") -> str:
        return f"{self.base_url}/rss/{outlet}.xml"

    def feed_urls(self) -> dict[str, str]:
        """Feed address -> outlet name, for every outlet (``[[feeds]]`` url and name)."""
        return {self.feed_url(key): name for key, name in OUTLETS.items()}

    # --- publishing --------------------------------------------------------------------------
    def release(self, count: int = 1) -> list[SampleArticle]:
        """Publish the next ``count`` queued articles now."""
        with self._lock:
            return [
                p.article for p in (self._publish_next(self._clock()) for _ in range(count)) if p
            ]

    def publish(self, article: SampleArticle) -> None:
        """Publish an article of the caller's own now."""
        with self._lock:
            self._published.append(_Published(article, self._clock()))

    def published(self) -> list[SampleArticle]:
        with self._lock:
            self._release_due()
            return [p.article for p in self._published]

    def _publish_next(self, at: float) -> _Published | None:
        if not self._queue:
            return None
        item = _Published(self._queue.pop(0), at)
        self._published.append(item)
        return item

    def _release_due(self) -> None:
        if not self._release_every:
            return
        now = self._clock()
        while self._queue and now - self._last_release >= self._release_every:
            self._last_release += self._release_every
            self._publish_next(self._last_release)

    # --- rendering ---------------------------------------------------------------------------
    def _snapshot(self, outlet: str) -> list[_Published]:
        with self._lock:
            self._release_due()
            return [p for p in self._published if p.article.outlet == outlet]

    def render_feed(self, outlet: str) -> bytes:
        items = []
        for p in reversed(self._snapshot(outlet)):
            link = f"{self.base_url}/news/{p.article.slug}.html"
            items.append(
                f"<item><title>{html.escape(p.article.title)}</title><link>{link}</link>"
                f'<guid isPermaLink="true">{link}</guid>'
                f"<pubDate>{formatdate(p.at, usegmt=True)}</pubDate>"
                f"<description>{html.escape(p.article.teaser)}</description></item>"
            )
        name = html.escape(OUTLETS.get(outlet, outlet))
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{name}</title><link>{self.base_url}/</link>"
            f"<description>{name} 샘플 피드 (mou-alert)</description><language>ko</language>"
            + "".join(items)
            + "</channel></rss>"
        ).encode()

    def render_article(self, slug: str) -> bytes | None:
        found = next((p for p in self._snapshot_all() if p.article.slug == slug), None)
        if found is None:
            return None
        a = found.article
        name = html.escape(OUTLETS.get(a.outlet, a.outlet))
        body = "".join(f"<p>{html.escape(p)}</p>" for p in a.paragraphs)
        others = "".join(
            f'<li><a href="/news/{p.article.slug}.html">{html.escape(p.article.title)}</a></li>'
            for p in self._snapshot_all()
            if p.article.slug != slug
        )
        return (
            '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">'
            f"<title>{html.escape(a.title)} - {name}</title></head><body>"
            f'<header><nav><a href="/">{name}</a> <a href="/economy">경제</a> '
            '<a href="/industry">산업</a> <a href="/login">로그인</a></nav></header>'
            f'<main><article><h1>{html.escape(a.title)}</h1><p class="byline">{name} 김기자</p>'
            f"{body}<p>ⓒ {name}, 무단전재 및 재배포 금지</p></article>"
            f"<aside><h2>많이 본 뉴스</h2><ul>{others}</ul></aside></main>"
            "<footer><p>회사소개 | 광고문의 | 개인정보처리방침 | 청소년보호정책</p></footer>"
            "</body></html>"
        ).encode()

    def _snapshot_all(self) -> list[_Published]:
        with self._lock:
            self._release_due()
            return list(self._published)


def _handler_for(server: SampleFeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path.startswith("/rss/") and path.endswith(".xml"):
                outlet = path[len("/rss/") : -len(".xml")]
                if outlet not in OUTLETS:
                    self._send(404, b"no such feed", "text/plain")
                    return
                body = server.render_feed(outlet)
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, b"", None, {"ETag": etag})
                    return
                self._send(200, body, "application/rss+xml; charset=utf-8", {"ETag": etag})
            elif path.startswith("/news/") and path.endswith(".html"):
                page = server.render_article(path[len("/news/") : -len(".html")])
                if page is None:
                    self._send(404, b"no such article", "text/plain")
                else:
                    self._send(200, page, "text/html; charset=utf-8")
            else:
                self._send(404, b"not found", "text/plain")

        def _send(
            self, status: int, body: bytes, ctype: str | None, extra: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the sandbox's terminal belongs to the chat

    return Handler


def main() -> None:
    with SampleFeedServer(visible=2, release_every=30) as server:
        print("Sample feeds (one more article every 30 s; Ctrl-C stops):")
        for url, name in server.feed_urls().items():
            print(f'[[feeds]]\nurl = "{url}"\nname = "{name}"\n')
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
