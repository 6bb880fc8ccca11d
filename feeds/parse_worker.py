"""Feed parsing in a process of its own that is killed when it overruns its deadline.

feedparser has no time limit and some inputs are quadratic for it: an entry with 80,000
``<category>`` elements took 75 s (it de-duplicates tags with a linear scan), and a thread
cannot be stopped. Here each parse runs in a worker process, one at a time so the deadline
counts only that parse; one that overruns is abandoned (the process killed, a new one started
for the next feed) and its feed fails with the reason, recorded with backoff like any failure.

The worker is a plain spawned process on a pipe, not a ``ProcessPoolExecutor``: pool workers
(and a forkserver) outlive a parent killed with SIGKILL, this one exits with its parent.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Mapping
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from feeds.parse import ParsedFeed, parse_feed

log = logging.getLogger(__name__)

PARSE_TIMEOUT = 15.0
"""Seconds one feed may take to parse (a 10 MiB feed of ordinary entries takes about 2 s)."""
START_TIMEOUT = 60.0
"""Seconds a new worker may take to start (import feedparser) before the clock runs."""


class ParseWorker:
    def __init__(self, timeout: float = PARSE_TIMEOUT) -> None:
        self.timeout = timeout
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._turn = asyncio.Lock()

    async def parse(self, body: bytes, headers: Mapping[str, str], base_url: str) -> ParsedFeed:
        """``parse_feed`` in the worker; a parse over the deadline is a ParsedFeed with no
        entries and the reason in ``error``."""
        async with self._turn:
            conn = await self._started()
            try:
                conn.send((body, dict(headers), base_url))
                if not await asyncio.to_thread(conn.poll, self.timeout):
                    log.warning("parsing %s took over %g s: abandoned", base_url, self.timeout)
                    self._kill()
                    return ParsedFeed("", "", (), error=f"parsing took over {self.timeout:g} s")
                status, value = await asyncio.to_thread(conn.recv)
            except (EOFError, OSError):
                self._kill()
                return ParsedFeed("", "", (), error="the parser process died (out of memory?)")
            if status != "ok":
                raise RuntimeError(f"parsing {base_url} failed: {value}")
            assert isinstance(value, ParsedFeed)
            return value

    async def _started(self) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._kill()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child,), name="mou-alert-parse")
        process.daemon = True  # a normal exit of its parent ends it too
        process.start()
        child.close()
        self._process, self._conn = process, parent
        if not await asyncio.to_thread(parent.poll, START_TIMEOUT):
            self._kill()
            raise RuntimeError(f"the parser process did not start within {START_TIMEOUT:g} s")
        parent.recv()  # its "ready"
        return parent

    def _kill(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is not None and process.is_alive():
            process.kill()
        if process is not None:
            process.join()
        if conn is not None:
            conn.close()

    def close(self) -> None:
        """Stop the worker at once (a parse in flight is abandoned: nothing is lost)."""
        self._kill()


def _serve(conn: Connection) -> None:
    parent = multiprocessing.parent_process()
    if parent is not None:  # killed with its parent, even by SIGKILL
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    conn.send(("ready", None))
    while True:
        try:
            body, headers, base_url = conn.recv()
        except (EOFError, OSError):
            return
        answer: tuple[str, Any]
        try:
            answer = ("ok", parse_feed(body, headers, base_url))
        except Exception as exc:  # a parser bug: the pipeline records it on the feed
            answer = ("error", f"{type(exc).__name__}: {exc}")
        conn.send(answer)


def _exit_with(parent_sentinel: int) -> None:
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(1)
