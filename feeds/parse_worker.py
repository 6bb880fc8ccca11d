"""Feed parsing in a process of its own that is killed when it overruns its deadline.

feedparser has no time limit and some inputs are quadratic for it: an entry with 80,000
``<category>`` elements took 75 s (it de-duplicates tags with a linear scan), and a thread
cannot be stopped. Here each parse runs in a worker process, one at a time so the deadline
counts only that parse; one that overruns is abandoned (the process killed, a new one started
for the next feed) and its feed fails with the reason, recorded with backoff like any failure.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from feeds.parse import ParsedFeed, parse_feed

log = logging.getLogger(__name__)

PARSE_TIMEOUT = 15.0
"""Seconds one feed may take to parse (a 10 MiB feed of ordinary entries takes about 2 s)."""


START_TIMEOUT = 60.0


def _ready() -> bool:
    return True


class ParseWorker:
    def __init__(self, timeout: float = PARSE_TIMEOUT) -> None:
        self.timeout = timeout
        self._pool: ProcessPoolExecutor | None = None
        self._turn = asyncio.Lock()

    async def parse(self, body: bytes, headers: Mapping[str, str], base_url: str) -> ParsedFeed:
        """``parse_feed`` in the worker; a parse over the deadline is a ParsedFeed with no
        entries and the reason in ``error``."""
        async with self._turn:
            loop = asyncio.get_running_loop()
            if self._pool is None:
                # forkserver: a clean, quick child even from a threaded asyncio process.
                context = multiprocessing.get_context("forkserver")
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
                # Started (feedparser imported) before the clock runs for a feed.
                await asyncio.wait_for(loop.run_in_executor(self._pool, _ready), START_TIMEOUT)
            work = loop.run_in_executor(self._pool, parse_feed, body, dict(headers), base_url)
            try:
                return await asyncio.wait_for(work, self.timeout)
            except TimeoutError:
                log.warning("parsing %s took over %g s: abandoned", base_url, self.timeout)
                self._kill()
                return ParsedFeed("", "", (), error=f"parsing took over {self.timeout:g} s")
            except BrokenProcessPool:
                self._kill()
                return ParsedFeed("", "", (), error="the parser process died (out of memory?)")

    def _kill(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()  # shutdown() alone would wait for the runaway parse
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
