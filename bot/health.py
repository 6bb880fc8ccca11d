"""``[metrics] listen``: ``/metrics`` (Prometheus text) and ``/healthz`` over plain HTTP.

The server runs on a thread of its own, not on the bot's event loop, so a loop that stopped
answering still gets an answer: a 503 naming it. Every check is a coroutine run on the bot's
loop with a deadline; answering at all is the loop's check.

``/healthz`` answers 200 ``ok`` when the loop answers, the ingest process is alive (or not
needed yet) and the database answers (for SQLite: the file at the configured path is still
the one opened); else 503 with one line per failing part, ``database: ...``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

from prometheus_client import CONTENT_TYPE_LATEST

from bot.metrics import Metrics
from subscriptions.monitoring import DatabaseProbe, outbox_backlog
from subscriptions.repository import Repository
from subscriptions.store import SqlRepository

log = logging.getLogger(__name__)
T = TypeVar("T")
CHECK_TIMEOUT = 3.0
"""Seconds the bot's loop has to answer a health check."""
SCRAPE_TIMEOUT = 5.0
"""Seconds the gauges may take to refresh from the database; after that, the last values."""


@dataclass
class HealthChecks:
    """The parts /healthz asks about, each a coroutine returning a problem or None."""

    database: Callable[[], Awaitable[str | None]]
    ingest: Callable[[], str | None]

    async def problems(self) -> list[str]:
        found = []
        ingest = self.ingest()
        if ingest:
            found.append(f"ingest: {ingest}")
        database = await self.database()
        if database:
            found.append(f"database: {database}")
        return found


async def refresh_gauges(metrics: Metrics, repo: Repository, probe: DatabaseProbe) -> None:
    """Feeds by state and the due outbox, read when /metrics is scraped."""
    metrics.set_feeds(await repo.list_feeds())
    backlog = await outbox_backlog(probe.engine, dt.datetime.now(dt.UTC))
    metrics.set_outbox(backlog.due, backlog.oldest_due_seconds)


class OpsServer:
    def __init__(
        self,
        address: tuple[str, int],
        metrics: Metrics,
        checks: HealthChecks,
        refresh: Callable[[], Coroutine[Any, Any, None]],
        loop: asyncio.AbstractEventLoop,
        *,
        check_timeout: float = CHECK_TIMEOUT,
    ) -> None:
        self.check_timeout = check_timeout
        self.metrics = metrics
        self.checks = checks
        self.refresh = refresh
        self.loop = loop
        try:
            self._httpd = ThreadingHTTPServer(address, _handler(self))
        except OSError as exc:
            host, port = address
            raise OSError(
                exc.errno, f"[metrics] listen = {host}:{port} cannot be served: {exc.strerror}"
            ) from exc
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="mou-alert-metrics", daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def start(self) -> None:
        self._thread.start()
        host, port = self._httpd.server_address[:2]
        log.info("metrics at http://%s:%s/metrics, health at /healthz", host, port)

    def close(self) -> None:
        if self._thread.is_alive():
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.server_close()

    async def aclose(self) -> None:
        await asyncio.to_thread(self.close)

    def _on_loop(self, coro: Coroutine[Any, Any, T], timeout: float) -> T:
        # Not cancelled on a timeout: a late check is harmless, and a coroutine cancelled
        # before it started would only warn that it was never awaited.
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def health(self) -> tuple[int, str]:
        try:
            problems = self._on_loop(self.checks.problems(), self.check_timeout)
        except TimeoutError:
            problems = [f"event loop: no answer within {self.check_timeout:g} s"]
        except RuntimeError as exc:  # the loop is closed
            problems = [f"event loop: {exc}"]
        if problems:
            return 503, "".join(f"{p}\n" for p in problems)
        return 200, "ok\n"

    def scrape(self) -> bytes:
        try:
            self._on_loop(self.refresh(), min(SCRAPE_TIMEOUT, self.check_timeout))
        except Exception as exc:  # the counters are still worth serving
            log.debug("refreshing the gauges failed: %s", exc)
        return self.metrics.render()


def _handler(server: OpsServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/metrics":
                self._answer(200, server.scrape(), CONTENT_TYPE_LATEST)
            elif path == "/healthz":
                status, text = server.health()
                self._answer(status, text.encode(), "text/plain; charset=utf-8")
            else:
                self._answer(404, b"not found: try /metrics or /healthz\n", "text/plain")

        def _answer(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # a scrape is no news
            log.debug("%s " + format, self.address_string(), *args)

    return Handler


async def start_ops_server(
    address: tuple[str, int], metrics: Metrics, repo: SqlRepository, url: str, ingest: Any
) -> OpsServer:
    """Serve /metrics and /healthz for the running bot; ``close()`` stops it."""
    probe = DatabaseProbe(repo.engine, url)
    checks = HealthChecks(
        database=probe.check,
        ingest=lambda: ingest.problem() if ingest is not None else None,
    )
    server = OpsServer(
        address,
        metrics,
        checks,
        lambda: refresh_gauges(metrics, repo, probe),
        asyncio.get_running_loop(),
    )
    server.start()
    return server


__all__ = ["HealthChecks", "OpsServer", "refresh_gauges", "start_ops_server"]
