"""The feed poller in a process of its own, so commands never wait for ingestion.

Ingesting hundreds of new articles is CPU work (feed parsing, page text, Kiwi, statements) that
on the bot's interpreter would hold the GIL and queue ahead of every command: measured with
``bench/bot_latency.py``, a reply went from 7 ms to 0.5-2.5 s at p99 with the poller on the bot's
loop, and hardly better on a thread of its own. In a child process it runs on the other core.

The child has its own database engine and HTTP client (the store is built for several processes)
and answers one request at a time over a pipe: ``IngestProcess`` offers the poller's
``poll_due``/``sync_feeds`` (the :class:`FeedIngest` protocol), so the jobs do not know the
difference. On the pipe: :class:`PollDue` or :class:`Stop` in; a ``CycleReport`` or
:class:`Failed` back (and :class:`Ready` once the child's store is open).

The child ignores SIGINT and SIGTERM (a terminal or service manager signals the whole group):
the bot tells it when to stop, after the cycle in flight, and when the bot dies without a word
the child exits at once, mid-cycle if need be, which the pipeline's one-transaction-per-item
design makes safe.
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
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Protocol

from core.logs import configure_logging
from core.settings import FeedConfig, Settings
from feeds.pipeline import CycleReport
from feeds.schedule import due_by
from subscriptions.models import Feed
from subscriptions.repository import Repository

log = logging.getLogger(__name__)
START_TIMEOUT = 120.0
"""Seconds the child may take to open the store (a migration may run first)."""
STOP_TIMEOUT = 30.0


class IngestError(RuntimeError):
    """The ingest process failed a request (its log has the traceback) or died."""


class FeedIngest(Protocol):
    """What the bot's poll job drives: ``feeds.pipeline.Poller`` in this process, or
    :class:`IngestProcess` in a child."""

    async def sync_feeds(self, feeds: Sequence[FeedConfig]) -> list[Feed]: ...

    async def poll_due(self, now: dt.datetime) -> CycleReport: ...

    @property
    def busy(self) -> bool:
        """A cycle is running: the poll job's tick returns at once."""
        ...

    async def aclose(self) -> None: ...


@dataclass(frozen=True)
class PollDue:
    """Request: one poll cycle of the feeds due at ``now``."""

    now: dt.datetime


@dataclass(frozen=True)
class Stop:
    """Request: stop after the cycle in flight."""


@dataclass(frozen=True)
class Ready:
    """Answer to the start: the child's store is open."""


@dataclass(frozen=True)
class Failed:
    """Answer: the start or the request failed (the child's log has the traceback)."""

    error: str


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
        self._start_error: str | None = None

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        alive = self._process is not None and self._process.is_alive()
        return self._process.pid if alive and self._process is not None else None

    @property
    def busy(self) -> bool:
        """A request (a poll cycle, or the child's start) is in flight."""
        return self._lock.locked()

    def problem(self) -> str | None:
        """What is wrong with the child for /healthz, or None (also before the first start:
        it starts when a feed is first due)."""
        process = self._process
        if process is not None and not process.is_alive():
            return (
                f"process {process.pid} exited (code {process.exitcode}); "
                "a new one starts at the next poll"
            )
        return f"could not start: {self._start_error}" if self._start_error else None

    async def _spawn(self) -> None:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=child_main, args=(self.settings, child), name="mou-alert-ingest"
        )
        process.start()
        child.close()  # only the child holds its end now: its death closes the pipe
        self._process, self._conn = process, parent
        answer = await asyncio.wait_for(asyncio.to_thread(parent.recv), START_TIMEOUT)
        if not isinstance(answer, Ready):
            self._start_error = _why(answer)
            await self._reap()
            raise IngestError(f"the ingest process could not start: {_why(answer)}")
        self._start_error = None
        log.info("ingest process %s started", process.pid)

    async def _poll(self, request: PollDue) -> CycleReport:
        async with self._lock:
            if self._process is None or not self._process.is_alive():
                if self._process is not None:
                    log.warning("ingest process is gone; starting a new one")
                await self._reap()
                await self._spawn()
            assert self._conn is not None
            conn = self._conn
            try:
                conn.send(request)
                answer = await asyncio.to_thread(conn.recv)
            except (EOFError, OSError) as exc:
                await self._reap()
                raise IngestError("the ingest process died during a poll cycle") from exc
        if not isinstance(answer, CycleReport):
            raise IngestError(f"a poll cycle failed in the ingest process: {_why(answer)}")
        return answer

    async def poll_due(self, now: dt.datetime) -> CycleReport:
        """One poll cycle of the feeds due at ``now`` (the rule of ``feeds.schedule``); the
        child starts only when one is."""
        if not await self.repo.due_feeds(due_by(now, self.settings.schedule)):
            return CycleReport(started=now)
        return await self._poll(PollDue(now))

    async def sync_feeds(self, feeds: Sequence[FeedConfig]) -> list[Feed]:
        """Upsert the feeds of the config file; feeds added by /addfeed stay."""
        return [await self.repo.upsert_feed(f.url, f.name) for f in feeds]

    async def aclose(self) -> None:
        """Let the cycle in flight finish, then stop the child (killed if it does not stop)."""
        async with self._lock:
            if self._conn is not None and self._process is not None and self._process.is_alive():
                with contextlib.suppress(OSError):  # it died on its own meanwhile
                    self._conn.send(Stop())
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


def _why(answer: object) -> str:
    return answer.error if isinstance(answer, Failed) else f"unexpected answer {answer!r}"


# --- the child process -----------------------------------------------------------------------


def child_main(settings: Settings, conn: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    configure_logging(settings.logging)
    asyncio.run(_serve(settings, conn))


def _exit_with(parent_sentinel: int) -> None:
    """A bot killed without a word (SIGKILL, OOM) takes its ingest process with it at once, as
    a crash of one process would: every item is stored in one transaction, so nothing half-done
    survives, and the next start polls again."""
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(1)


async def _serve(settings: Settings, conn: Connection) -> None:
    from feeds.fetch import make_client
    from feeds.pipeline import Poller
    from subscriptions.store import open_repository

    try:
        repo = await open_repository(settings.database.url)
    except Exception as exc:
        log.exception("ingest process: the store did not open")
        conn.send(Failed(f"{type(exc).__name__}: {exc}"))
        return
    http = make_client(settings.fetch)
    poller = Poller(repo, http, settings)
    conn.send(Ready())
    try:
        while True:
            try:
                request = await asyncio.to_thread(conn.recv)
            except (EOFError, OSError):
                log.warning("ingest process: the bot is gone; stopping")
                return
            if isinstance(request, Stop):
                return
            if not isinstance(request, PollDue):
                conn.send(Failed(f"unexpected request {request!r}"))
                continue
            try:
                conn.send(await poller.poll_due(request.now))
            except Exception as exc:  # the cycle, or pickling its report
                log.exception("ingest process: a poll cycle failed")
                conn.send(Failed(f"{type(exc).__name__}: {exc}"))
    finally:
        await asyncio.to_thread(poller.close)
        await http.aclose()
        await repo.close()
