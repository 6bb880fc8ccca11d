"""The feed poller in a process of its own, so commands never wait for ingestion.

Ingesting hundreds of new articles is CPU work (feed parsing, page text, Kiwi, statements) that
on the bot's interpreter would hold the GIL and queue ahead of every command: measured with
``bench/bot_latency.py``, a reply went from 7 ms to 0.5-2.5 s at p99 with the poller on the bot's
loop, and hardly better on a thread of its own. In a child process it runs on the other core.

The child has its own database engine and HTTP client (the store is built for several processes)
and answers one request at a time over a pipe: ``IngestProcess`` offers the poller's
``poll_due``/``sync_feeds``, so the jobs do not know the difference. The child ignores SIGINT and
SIGTERM (a terminal or service manager signals the whole group): the bot tells it when to stop,
after the cycle in flight, and when the bot dies without a word the child
exits at once, mid-cycle if need be, which the pipeline's one-transaction-per-item design makes
safe.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

from core.settings import FeedConfig, Settings
from subscriptions.models import Feed
from subscriptions.repository import Repository

log = logging.getLogger(__name__)
START_TIMEOUT = 120.0
"""Seconds the child may take to open the store (a migration may run first)."""
STOP_TIMEOUT = 30.0
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class IngestError(RuntimeError):
    """The ingest process failed a request (its log has the traceback) or died."""


class IngestProcess:
    """Starts the child when a feed is first due (a bot without feeds never starts one)."""

    def __init__(self, settings: Settings, repo: Repository) -> None:
        # The child never talks to Telegram: it does not get the token.
        self.settings = dataclasses.replace(
            settings, telegram=dataclasses.replace(settings.telegram, token=None)
        )
        self.repo = repo
        self._lock = asyncio.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._idle_report: Callable[[dt.datetime], Any] | None = None

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        alive = self._process is not None and self._process.is_alive()
        return self._process.pid if alive and self._process is not None else None

    async def start(self) -> None:
        """Load what an idle cycle reports (here, not on the first poll of a running bot)."""
        from feeds.pipeline import CycleReport

        self._idle_report = lambda now: CycleReport(started=now)

    async def _spawn(self) -> None:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        level = logging.getLogger().getEffectiveLevel()
        process = context.Process(
            target=child_main, args=(self.settings, child, level), name="mou-alert-ingest"
        )
        process.start()
        child.close()  # only the child holds its end now: its death closes the pipe
        self._process, self._conn = process, parent
        status, value = await asyncio.wait_for(asyncio.to_thread(parent.recv), START_TIMEOUT)
        if status != "ok":
            await self._reap()
            raise IngestError(f"the ingest process could not start: {value}")
        log.info("ingest process %s started", process.pid)

    async def _request(self, name: str, argument: Any) -> Any:
        async with self._lock:
            if self._process is None or not self._process.is_alive():
                if self._process is not None:
                    log.warning("ingest process is gone; starting a new one")
                await self._reap()
                await self._spawn()
            assert self._conn is not None
            conn = self._conn
            try:
                conn.send((name, argument))
                status, value = await asyncio.to_thread(conn.recv)
            except (EOFError, OSError) as exc:
                await self._reap()
                raise IngestError(f"the ingest process died during {name}") from exc
        if status != "ok":
            raise IngestError(f"{name} failed in the ingest process: {value}")
        return value

    async def poll_due(self, now: dt.datetime) -> Any:
        """One poll cycle of the due feeds: ``feeds.pipeline.CycleReport``."""
        # The same half-tick allowance the poller gives, or timer jitter costs a whole tick.
        from feeds.pipeline import Poller

        early = dt.timedelta(seconds=Poller.job_interval(self.settings) / 2)
        if not await self.repo.due_feeds(now + early):
            assert self._idle_report is not None, "start() first"
            return self._idle_report(now)
        return await self._request("poll_due", now)

    async def sync_feeds(self, feeds: Sequence[FeedConfig]) -> list[Feed]:
        """Upsert the feeds of the config file; feeds added by /addfeed stay."""
        return [await self.repo.upsert_feed(f.url, f.name) for f in feeds]

    async def aclose(self) -> None:
        """Let the cycle in flight finish, then stop the child (killed if it does not stop)."""
        async with self._lock:
            if self._conn is not None and self._process is not None and self._process.is_alive():
                with contextlib.suppress(OSError):  # it died on its own meanwhile
                    self._conn.send(("stop", None))
            await self._reap()

    async def _reap(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is not None:
            await asyncio.to_thread(process.join, STOP_TIMEOUT)
            if process.is_alive():
                log.error("ingest process %s did not stop; killing it", process.pid)
                process.kill()
                await asyncio.to_thread(process.join)
        if conn is not None:
            conn.close()


# --- the child process -----------------------------------------------------------------------


def child_main(settings: Settings, conn: Connection, log_level: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    logging.basicConfig(level=log_level, format=LOG_FORMAT)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    asyncio.run(_serve(settings, conn))


def _exit_with(parent_sentinel: int) -> None:
    """A bot killed without a word (SIGKILL, OOM) takes its ingest process with it at once, as
    a crash of one process would: every item is stored in one transaction, so nothing half-done
    survives, and the next start polls again."""
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(1)


async def _serve(settings: Settings, conn: Connection) -> None:
    from feeds.fetch import make_client
    from feeds.poller import Poller
    from subscriptions.store import open_repository

    try:
        repo = await open_repository(settings.database.url)
    except Exception as exc:
        log.exception("ingest process: the store did not open")
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    http = make_client(settings.fetch)
    poller = Poller(repo, http, settings)
    conn.send(("ok", None))
    try:
        while True:
            try:
                name, argument = await asyncio.to_thread(conn.recv)
            except (EOFError, OSError):
                log.warning("ingest process: the bot is gone; stopping")
                return
            if name == "stop":
                return
            try:
                conn.send(("ok", await getattr(poller, name)(argument)))
            except Exception as exc:  # the request, or pickling its answer
                log.exception("ingest process: %s failed", name)
                conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        await asyncio.to_thread(poller.close)
        await http.aclose()
        await repo.close()
